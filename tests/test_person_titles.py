"""Titles and name forms around a person's name, by general conventions of news and official writing,
each on short constructed passages: religious titles and military ranks before a name (AP Stylebook,
"religious titles", "military titles"), a title before a name whose surname is also a title ("Senator
Angus King"), hyphenated East Asian given names ("Moon Jae-in") and peerage titles after a name
("Prince Harry, Duke of Sussex")."""
import pytest

from tests.passages import mentions, people


# ---------------------------------------------------------------- 1. religious titles and military ranks

@pytest.mark.parametrize("sentence, name", [
    ("Bishop William J. Barber II said the campaign goes on.", "William J. Barber II"),
    ("Archbishop Desmond Tutu said the fight continues.", "Desmond Tutu"),
    ("Cardinal Pietro Parolin said the talks were useful.", "Pietro Parolin"),
    ("Rabbi Jill Jacobs said the community stood firm.", "Jill Jacobs"),
    ("Imam Mohamed Magid said the mosque was open.", "Mohamed Magid"),
    ("Pastor Rick Warren said the congregation was praying.", "Rick Warren"),
    ("Father James Martin said the church would help.", "James Martin"),
    ("Ayatollah Ali Khamenei said Iran would respond.", "Ali Khamenei"),
    ("Captain Sarah Jones said the ship was safe.", "Sarah Jones"),
    ("Sergeant Mark Davis said the unit held.", "Mark Davis"),
    ("Lieutenant Colonel Alexander Vindman said he was worried.", "Alexander Vindman"),
    ("Sergeant First Class Edward Kaneshiro said the unit held.", "Edward Kaneshiro"),
    ("Maj. Gen. Pat Ryder said the strikes were targeted.", "Pat Ryder"),
    ("Lt. Gen. Scott Spellmon said the work would finish.", "Scott Spellmon"),
])
def test_a_religious_title_or_a_rank_before_a_name_is_no_part_of_it(sentence, name):
    assert people(sentence) == {name}


@pytest.mark.parametrize("sentence, name", [
    ("Bishop Beaman said the church would help.", "Beaman"),
    ("Major Duffy was twice wounded, the citation said.", "Duffy"),
])
def test_a_religious_title_or_a_rank_before_one_surname_is_that_person(sentence, name):
    assert people(sentence) == {name}


@pytest.mark.parametrize("sentence, name", [
    ("John Major said the deal was good.", "John Major"),
    ("Maurice Bishop said the revolution would go on.", "Maurice Bishop"),
    ("Rep. Ed Pastor said the bill would pass.", "Ed Pastor"),
    ("- Jennifer D. Bishop, Member, Commission on Presidential Scholars", "Jennifer D. Bishop"),
    ("Martin Luther King Jr. said the dream lives.", "Martin Luther King Jr"),
    ("Coretta Scott King said the dream lives on.", "Coretta Scott King"),
])
def test_a_title_that_is_also_a_surname_after_a_given_name_stays_the_surname(sentence, name):
    assert people(sentence) == {name}


@pytest.mark.parametrize("sentence", [
    "The Pope said the war must end.",
    "His father said the war must end.",
    "Father and son said they were fine.",
    "The Major Economies Forum said emissions fell.",
    "He has been the Senior Rabbi of Congregation Beth Emeth since 2009.",  # a congregation, no office
])
def test_a_title_with_no_name_after_it_gives_no_person(sentence):
    assert people(sentence) == set()


# ---------------------------------------------------------------- 2. a title, a given name and a title-surname

@pytest.mark.parametrize("sentence", [
    "Senator Angus King said the bill would pass.",
    "Sen. Angus King said the bill would pass.",
    "Senator Angus King (I-Maine) said it would pass.",
])
def test_a_title_before_a_name_ending_in_a_title_surname_is_the_person(sentence):
    assert people(sentence) == {"Angus King"}


def test_a_title_surname_at_the_end_of_the_sentence_is_the_surname():
    assert people("The bill was backed by Rep. Steve King.") == {"Steve King"}


@pytest.mark.parametrize("sentence", [
    "Officials met King Charles, the statement said.",
    "Acme Chairman II said profits rose.",
])
def test_a_title_before_a_name_still_gives_no_surname(sentence):
    assert not {"Charles", "King Charles", "Acme Chairman II"} & people(sentence)


# ---------------------------------------------------------------- 3. hyphenated East Asian given names

@pytest.mark.parametrize("sentence, name, actor", [
    ("President Moon Jae-in said the talks were useful.", "Moon Jae-in", "MOON_JAE_IN"),  # dictionary ids
    ("Lee Jae-yong said he was sorry.", "Lee Jae-yong", "LEE"),
    ("Former Secretary-General Ban Ki-moon said the accord was vital.", "Ban Ki-moon", "BAN"),
    ("Taiwan President Tsai Ing-wen said the island would not yield.", "Tsai Ing-wen", "TSAI_ING_WEN"),
])
def test_a_hyphenated_given_name_after_a_family_name_is_one_name(sentence, name, actor):
    assert (name, actor) in {(m["actor_name"], m["actor_id"]) for m in mentions(sentence) if m["kind"] == "person"}


@pytest.mark.parametrize("sentence, name", [
    ("Cleveland-based analyst Joe Smith said prices rose.", "Joe Smith"),
    ("Kim Smith-led teams said they won.", None),  # "led" is no syllable of a given name
])
def test_a_lower_case_word_after_a_hyphen_is_otherwise_no_part_of_a_name(sentence, name):
    got = people(sentence)
    assert got == ({name} if name else set())


# ---------------------------------------------------------------- 4. a peerage title after a name

@pytest.mark.parametrize("sentence", [
    "Prince Harry Duke of Sussex said he was grateful.",
    "Prince Harry, Duke of Sussex, said he was grateful.",
    "Sophie Duchess of Edinburgh said she was grateful.",
])
def test_a_peerage_title_after_a_name_is_no_surname(sentence):
    assert not any(w in n for n in people(sentence) for w in ("Duke", "Duchess"))


def test_a_rank_that_is_a_surname_with_no_of_after_it_stays_the_surname():
    assert people("David Duke said the rally would go on.") == {"David Duke"}


def test_abbreviated_naval_and_other_military_ranks_before_a_name():
    # AP Stylebook, "military titles": "Adm.", "Vice Adm.", "Rear Adm.", "Cmdr.", "Lt. Col." before a full name
    text = ("Adm. Ines Varga and Vice Adm. Tomas Reiker testified on Tuesday. Lt. Col. Dana Whitfield "
            "and Cmdr. Omar Haddad attended the hearing.")
    assert {"Ines Varga", "Tomas Reiker", "Dana Whitfield", "Omar Haddad"} <= people(text)
