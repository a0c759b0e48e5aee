"""Person names in official writing that the dictionary lacks, by general conventions of US government
and news style, each on short constructed passages:

- Arabic names with capitalised particles ("Tamim Bin Hamad Al Thani": the nasab and the family article
  are part of the name in any case, and no name word of their own), "Amir" as the White House writes
  "Emir";
- an office phrase joined to its title by "for" or "to" before the name ("Special Envoy for Yemen Tim
  Lenderking", "Ambassador to Japan ...", as "Secretary of Labor ..." is joined by "of");
- the formal titles of US offices capitalised before a name (AP Stylebook, "titles"): "Administrator",
  "Representative", "Congressman", "Congresswoman", also after a preposition ("for Representative X");
  two names that differ by their middle initials are two people ("Susan A. Davis", "Susan M. Davis");
- the object of an appointment verb before "as" and a role ("named Thomas J. McCool as the Federal
  Coordinating Officer"), as US appointment notices write it.
"""
import pytest

from tests.passages import mentions, people


def person_mentions(text: str) -> list[tuple[str, str]]:
    return [(m["surface"], m["actor_name"]) for m in mentions(text) if m["kind"] == "person"]


# ---------------------------------------------------------------- 1. Arabic names, capitalised particles

@pytest.mark.parametrize("sentence, name", [
    ("The President met with Amir Sheikh Tamim Bin Hamad Al Thani of Qatar today.", "Tamim bin Hamad Al Thani"),
    ("The Vice President spoke with Sheikh Hamdan Bin Mohammed Al Maktoum on Monday.",
     "Hamdan Bin Mohammed Al Maktoum"),
    ("The President met with Amir Sheikh Tamim Bin Hamad Al-Thani of Qatar today.", "Tamim bin Hamad Al Thani"),
])
def test_capitalised_arabic_particles_are_no_name_words_of_their_own(sentence, name):
    assert people(sentence) == {name}


def test_amir_before_a_name_with_its_nasab_is_the_title():
    assert people("The President welcomed Amir Tamim bin Hamad Al Thani to the White House.") == {
        "Tamim bin Hamad Al Thani"}


def test_amir_is_also_a_given_name():
    assert people("Amir Tibon, a reporter for Haaretz, said the visit mattered.") == {"Amir Tibon"}


def test_the_capitalised_and_the_lower_case_spelling_are_one_person():
    text = ("The President met with Amir Sheikh Tamim Bin Hamad Al Thani of Qatar. The President looks "
            "forward to welcoming Amir Tamim bin Hamad Al Thani to Washington.")
    assert len(people(text)) == 1


def test_a_dictionary_name_with_a_capitalised_patronymic_is_that_person():
    # the dictionary writes "Mohammed bin Salman"; "Mohammed" alone is no second person
    assert people("The President met Crown Prince Mohammed Bin Salman Al Saud in Jeddah.") == {"Mohammed bin Salman"}


@pytest.mark.parametrize("sentence, name", [
    ("Al Gore said the climate is changing.", "Al Gore"),
    ("Former Vice President Al Gore said it was time.", "Al Gore"),
    ("The Reverend Al Sharpton said the march would go on.", "Al Sharpton"),
])
def test_a_particle_opening_a_name_stays_a_name_word(sentence, name):
    assert people(sentence) == {name}


# ---------------------------------------------------------------- 2. "Title for/to Office Name"

@pytest.mark.parametrize("sentence, name", [
    ("The delegation included U.S. Special Envoy for Yemen Tim Lenderking and others.", "Tim Lenderking"),
    ("Special Presidential Envoy for Climate John Kerry will travel to China.", "John Kerry"),
    ("Assistant Secretary for Health Rachel Levine joined the call.", "Rachel Levine"),
    ("Ambassador to Japan Thomas Marlow will attend the ceremony.", "Thomas Marlow"),
    ("The Ambassador to the Holy See Joe Donnelly met the delegation.", "Joe Donnelly"),
])
def test_an_office_joined_by_for_or_to_ends_in_the_name(sentence, name):
    assert people(sentence) == {name}


@pytest.mark.parametrize("sentence, name", [
    ("He met Coordinator for the Middle East and North Africa Brett McGurk on Monday.", "Brett McGurk"),
    ("The delegation included USAID Assistant Administrator for Asia Michael Schiffer.", "Michael Schiffer"),
    ("He was Policy Advisor to President Pro Tempore Brian Bingman in the State Senate.", "Brian Bingman"),
    ("He met UAE Ambassador to the United States Yousef Al Otaiba on Monday.", "Yousef Al Otaiba"),
])
def test_the_portfolio_after_for_or_to_is_no_part_of_the_name(sentence, name):
    assert people(sentence) == {name}


@pytest.mark.parametrize("sentence", [
    "The Special Envoy for Climate will travel to China.",
    "The grant goes to the Director for Research Programs at Johns Hopkins University.",
    "He was named Special Envoy for Yemen in February.",
])
def test_an_office_joined_by_for_or_to_with_no_name_gives_no_person(sentence):
    assert people(sentence) == set()


# ---------------------------------------------------------------- 3. US office titles before a name

@pytest.mark.parametrize("sentence, name", [
    ("Vice President Harris joined EPA Administrator Regan at the event.", "Regan"),
    ("On Monday, Congressman Raskin said the bill would pass.", "Raskin"),
    ("Congresswoman Okonjo said the bill would pass.", "Okonjo"),
    ("The funding went to Administrator Guzman and her team.", "Guzman"),
])
def test_a_us_office_title_before_one_surname_is_that_person(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("She served as District Director for Representative Lucy McBath (D-GA-06) for two years.", "Lucy McBath"),
    ("He was a staffer for Congresswoman Mary Okonjo in 2019.", "Mary Okonjo"),
])
def test_a_preposition_before_a_us_office_title_keeps_the_name(sentence, name):
    assert people(sentence) == {name}


@pytest.mark.parametrize("sentence", [
    "The Administrator of FEMA visited the site.",
    "The House of Representatives passed the bill.",
    "The Small Business Administration Administrator met owners.",
])
def test_a_us_office_title_with_no_name_gives_no_person(sentence):
    assert people(sentence) == set()


def test_a_plural_title_before_a_list_of_names_is_no_part_of_the_name():
    text = ("We thank champions Congresswomen Veronica Escobar and Dina Titus. "
            "Texas Congresswoman Escobar said it was great.")
    # (Dina Titus, named in full after "and", is a person too: read by the given + family name rule)
    assert people(text) == {"Veronica Escobar", "Dina Titus"}


def test_two_middle_initials_are_two_people():
    text = ("She served as District Director to Representative Susan A. Davis (D-CA). "
            "He lives in New York City with his wife, Susan M. Davis.")
    assert people(text) == {"Susan A. Davis", "Susan M. Davis"}


def test_a_middle_initial_and_the_middle_name_are_one_person():
    text = "Mark T. Uyeda said it. Mark Uyeda said more. Commissioner Mark Thomas Uyeda said it."
    assert people(text) == {"Mark Thomas Uyeda"}


def test_a_word_split_by_an_okina_is_no_surname():
    text = "He served as a Field Representative for the Office of Congressman Kaiali‘i Kahele since 2021."
    assert "Kaiali" not in people(text)


# ---------------------------------------------------------------- 4. appointment verbs

@pytest.mark.parametrize("sentence, name", [
    ("FEMA Administrator Deanne Criswell named Thomas J. McCool as the Federal Coordinating Officer for "
     "federal recovery operations in the affected areas.", "Thomas J. McCool"),
    ("The board appointed Maria Lopez as its chief executive.", "Maria Lopez"),
    ("The Secretary designated Sandra L. Eslinger as the Federal Coordinating Officer.", "Sandra L. Eslinger"),
])
def test_the_object_of_an_appointment_verb_before_as_and_a_role_is_a_person(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "The Administration named Baltimore as one of five Workforce Hubs.",
    "They named Jane Doe as a defendant in the case.",
    "He named Small Business Saturday as a day of action.",
    "The agency named Acme Holdings as the lead contractor.",
    "He named John Smith as the officer's replacement.",
])
def test_an_appointment_verb_with_no_role_after_as_gives_no_person(sentence):
    assert people(sentence) == set()


@pytest.mark.parametrize("text, name", [
    # occupations and offices as news and releases write them, before or after the name
    ("Erlan Karin, the state counselor, attended the meeting.", "Erlan Karin"),
    ("The meeting was attended by Erlan Karin, a state counselor.", "Erlan Karin"),
    ("White House Counsel Dana Remus convened the session.", "Dana Remus"),
    ("Maryland State Delegate Jared Solomon joined the call.", "Jared Solomon"),
    ("said Kate Mallinson, a consultant at Prism Political Risk Management.", "Kate Mallinson"),
])
def test_more_occupations_name_a_person(text, name):
    assert name in people("Officials meet\n\n" + text)


@pytest.mark.parametrize("text", [
    # "executive" is chiefly a modifier ("executive search", "Executive Associate Dean"), no role noun
    "He was a coach working with Korn Ferry, the world's leading executive search firm.",
    "He served as Associate Dean for Graduate Programs and Executive Associate Dean.",
])
def test_a_modifier_is_no_role_noun(text):
    assert people("Officials meet\n\n" + text) == set()

@pytest.mark.parametrize("text, expected", [
    ("Secretary of Foreign Relations Marcelo Ebrard chaired the meeting for Mexico.", "Marcelo Ebrard"),
    ("Secretary of Economy Tatiana Clouthier chaired the meeting for Mexico.", "Tatiana Clouthier"),
    ("Sullivan met Executive Vice President of the European Commission Frans Timmermans today.", "Frans Timmermans"),
    ("Assistant to the President and Director of the Domestic Policy Council Neera Tanden spoke.", "Neera Tanden"),
])
def test_an_office_before_a_name_the_census_list_lacks(text, expected):
    found = _persons_of(text)
    assert expected in found and not any(p.endswith(expected) and p != expected for p in found)


@pytest.mark.parametrize("text", [
    "He met the Governor of Puerto Rico on Monday.",
    "The Minister for Foreign Affairs of Timor Leste spoke.",
    "He thanked the Special Envoy for Northern Ireland Affairs.",
])
def test_an_office_ending_in_a_place_gives_no_person(text):
    assert _persons_of(text) == set()


def _persons_of(text: str) -> set[str]:
    from helpers.pipeline.document import analyse_text
    rows = analyse_text("Envoys meet\n\n" + text)
    return {m["actor_name"] for m in rows["mentions"] if m["kind"] == "person"}
