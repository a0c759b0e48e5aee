"""The parts of a person's name and what they refer to, by general conventions of naming, each on
short constructed passages:

- an Arabic patronymic ("bin", "ibn": "son of") is followed by the father's name, which alone is no
  later form of the son ("King Salman" is not "Mohammed bin Salman"); with the particle it is;
- a word of one person's name is no other person's surname ("Ms. Heba Abedin" holds no mention of
  Huma Abedin);
- the end of a fuller name that starts with a particle or a second surname ("President Al Sisi",
  "President López Obrador") is that person, not another one.
"""
import pytest

from tests.passages import mentions, people


def person_mentions(text: str) -> list[tuple[str, str]]:
    return [(m["surface"], m["actor_name"]) for m in mentions(text) if m["kind"] == "person"]


# ---------------------------------------------------------------- 1. patronymics

def test_the_father_named_in_a_patronymic_is_another_person():
    text = "The President met King Salman and Crown Prince Mohammed bin Salman in Jeddah."
    # King Salman is the dictionary's Salman bin Abdulaziz Al Saud (his alias "King Salman"), not his son
    assert person_mentions(text) == [("King Salman", "Salman bin Abdulaziz Al Saud"),
                                     ("Mohammed bin Salman", "Mohammed bin Salman")]


def test_the_patronymic_with_its_particle_still_refers_to_the_son():
    text = ("Crown Prince Mohammed bin Salman met the President in Jeddah. "
            "Later, bin Salman said the talks had been useful.")
    assert {name for _, name in person_mentions(text)} == {"Mohammed bin Salman"}


def test_a_document_person_with_a_patronymic_keeps_the_family_name_as_a_later_form():
    text = ("The President called Amir Sheikh Tamim bin Hamad Al Thani of Qatar. "
            "Al Thani said Qatar would keep working for the release of the hostages.")
    assert people(text) == {"Tamim bin Hamad Al Thani"}


def test_the_father_after_bin_in_a_document_persons_name_is_his_own_person():
    text = "The President met Sheikh Tamim bin Hamad Al Thani and his father, Sheikh Hamad, in Doha."
    assert people(text) == {"Tamim bin Hamad Al Thani", "Hamad"}


# ---------------------------------------------------------------- 2. no surname of another inside a name

def test_a_surname_inside_another_persons_name_is_no_mention_of_the_first():
    # a guest list as the White House gives it: one couple a line
    got = person_mentions("Ms. Huma Abedin & Ms. Heba Abedin\n\nMs. Reem Acra & Dr. Nicolas Tabbal")
    assert got == [("Huma Abedin", "Huma Abedin"), ("Heba Abedin", "Heba Abedin"), ("Reem Acra", "Reem Acra"),
                   ("Nicolas Tabbal", "Nicolas Tabbal")]


# ---------------------------------------------------------------- 3. the end of a fuller name

@pytest.mark.parametrize("full, later", [
    # (Abdel Fattah Al Sisi is a dictionary person now: test_person_leaders.py)
    ("Andrés Manuel López Obrador", "López Obrador"),
    ("Luis Lacalle Pou", "Lacalle Pou"),
    ("Michelle Lujan Grisham", "Lujan Grisham"),
])
def test_the_end_of_a_fuller_name_after_a_title_is_that_person(full, later):
    text = f"President {full} met the President on Tuesday. President {later} said the talks were useful."
    assert person_mentions(text) == [(full, full), (later, full)]


def test_a_full_name_of_its_own_is_not_folded_into_a_longer_run_that_ends_with_it():
    # "Charlie Pohlad" opens with a given name: a whole name, not the surname form of the run
    # "Arts Charlie Pohlad" a heading makes of "Committee on the Arts" and the next line
    text = ("Charlie Pohlad, Member, Advisory Committee on the Arts Charlie Pohlad serves as Director at "
            "Pohlad Investment Management. Charlie Pohlad said the arts matter.")
    assert "Charlie Pohlad" in people(text)


def test_a_capitalised_patronymic_keeps_the_family_name_as_a_later_form():
    text = ("Amir Tamim Bin Hamad Al Thani of Qatar met President Biden in Doha. "
            "Al Thani said Qatar would keep working for the release of the hostages.")
    # the dictionary's Tamim bin Hamad Al Thani (capitalised "Bin" as US official style writes it)
    assert {name for _, name in person_mentions(text)} == {"Tamim bin Hamad Al Thani", "Joe Biden"}


def test_bint_is_a_particle_inside_a_name():
    assert "Latifa bint Mohammed Al Maktoum" in people("Ambassador Latifa bint Mohammed Al Maktoum said the talks went well.")


# ---------------------------------------------------------------- 2. the hyphenated Arabic article

def test_a_hyphenated_arabic_article_and_family_name_end_the_name():
    # wire style joins the article to the family name ("al-Burhan", "el-Sisi"; AP Stylebook, "Arabic
    # names"): two men who share the given names "Abdel Fattah" are two people, each with a later form
    text = ("Sudan's army chief, General Abdel Fattah al-Burhan, met Egyptian President Abdel Fattah el-Sisi "
            "in Cairo. Burhan said the talks were useful.")
    assert person_mentions(text) == [("Abdel Fattah al-Burhan", "Abdel Fattah al-Burhan"),
                                     ("Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"),
                                     ("Burhan", "Abdel Fattah al-Burhan")]


def test_a_name_ending_in_a_hyphenated_article_is_found_after_a_reporting_verb():
    assert "Khalid al-Dosari" in people('"We need calm," said Khalid al-Dosari, an analyst at a Gulf think tank.')


def test_a_title_after_the_hyphenated_article_is_no_family_name():
    # "Sharm el-Sheikh" is a city: "Sheikh" is a title, and the honorific before another name elsewhere
    # ("His Highness Sheikh ...") confirms no person of that name
    text = ("They recalled the outcome of the conference in Sharm el-Sheikh. His Highness Sheikh Mohamed bin "
            "Zayed Al Nahyan spoke first.")
    assert people(text) == {"Mohamed bin Zayed Al Nahyan"}


def test_the_family_name_after_a_capitalised_hyphenated_article_is_a_later_form():
    text = ("President Biden spoke with President Abdel Fattah Al-Sisi of Egypt. President Sisi welcomed "
            "the call.")
    assert {name for surface, name in person_mentions(text) if surface == "Sisi"} == {"Abdel Fattah el-Sisi"}
