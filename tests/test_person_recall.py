"""Person names the dictionary lacks, found by general conventions of English news and official
writing (AP Stylebook: a formal title capitalised before a name; US nomination announcements), each
on short constructed passages."""
import pytest

from tests.passages import mentions, people


# ---------------------------------------------------------------- 1. a preposition before a one-word title

@pytest.mark.parametrize("sentence, name", [
    ("The Vice President met with President Nana Akufo-Addo of Ghana on Monday.", "Nana Akufo-Addo"),
    ("He was Senior Advisor to Chairman Jay Clayton at the agency.", "Jay Clayton"),
    ("She served as Counsel to Commissioner Paul S. Atkins from 2002 to 2005.", "Paul S. Atkins"),
    ("He began as a staffer for Senator Edmund Muskie in 1975.", "Edmund Muskie"),
])
def test_a_preposition_before_a_one_word_title_keeps_the_name(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "She taught at the Lyndon B. Johnson School of Public Affairs for a decade.",
    "He joined the Department of Housing and Urban Development Office in 2010.",
])
def test_a_preposition_inside_an_office_or_place_name_still_gives_no_person(sentence):
    assert not {"Public Affairs", "Urban Development"} & people(sentence)


# ---------------------------------------------------------------- 2. "-elect" and "-designate" keep the title

@pytest.mark.parametrize("sentence, name", [
    ("President Biden spoke with President-elect Gustavo Petro of Colombia today.", "Gustavo Petro"),
    ("He congratulated Vice President-elect Francia Marquez on her election.", "Francia Marquez"),
    ("He met Prime Minister-designate Najib Mikati in Beirut.", "Najib Mikati"),
    ("Officials met with President-Elect Bernardo Arevalo on Friday.", "Bernardo Arévalo"),  # the dictionary's
])
def test_elect_and_designate_keep_the_title_before_the_name(sentence, name):
    assert name in people(sentence)


def test_a_capitalised_designate_is_no_part_of_the_name():
    assert "Designate Najib Mikati" not in people("He met Prime Minister-Designate Najib Mikati in Beirut.")


# ---------------------------------------------------------------- 3. a title before one surname

@pytest.mark.parametrize("sentence, name", [
    ("Prime Minister Babiš spoke with the President on Monday.", "Babiš"),  # (Trudeau is a dictionary person now)
    ("Governor DeSantis declared a state of emergency.", "DeSantis"),
    ("The President called Prime Minister Natano of Tuvalu.", "Natano"),
    ("Leader Schumer said the bill would pass this week.", "Schumer"),
])
def test_a_title_before_one_surname_is_that_person(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "Minister Counselor Smith attended the ceremony.",            # an English word after the title
    "The Secretary General Assembly convened in New York.",       # a title word, an organisation
    "President Emeritus Program funds were cut.",                 # a title word, an English word
    "- Environmental Justice Website: The White House launched a new website.",  # written lower case too
    "He met Sheikh Ahmad al-Nawaf al-Sabah of Kuwait.",           # the name goes on past a particle
])
def test_a_title_before_a_word_that_is_no_surname_gives_no_single_word_person(sentence):
    assert not {"Smith", "Counselor", "Assembly", "Program", "Website", "Ahmad"} & people(sentence)


def test_the_full_name_in_the_document_names_the_person():
    got = people("I am appointing Penny Pritzker to serve as envoy. Special Representative Pritzker will lead it.")
    assert got == {"Penny Pritzker"}
    got = people("Vice President Harris met with President Samia Suluhu Hassan. She thanked President Samia.")
    assert "Samia" not in got and "Samia Suluhu Hassan" in got
    got = people("Coordinator for the Middle East and North Africa Brett McGurk traveled. Mr. McGurk met them.")
    assert got == {"Brett McGurk"}


def test_a_misspelt_surname_of_a_person_in_the_document_is_no_new_person():
    got = people("President Biden met President Volodymyr Zelenskyy of Ukraine. President Zelenskky shared his plans.")
    assert "Zelenskky" not in got


# ---------------------------------------------------------------- 4. an office phrase ending in a name

@pytest.mark.parametrize("sentence, name", [
    ("Speaker of the House Nancy Pelosi welcomed the delegation.", "Nancy Pelosi"),
    ("Director of the Office of Public Engagement Stephen Benjamin will travel to Ohio.", "Stephen Benjamin"),
    ("Commander of the Army Corps of Engineers Scott Spellmon briefed the President.", "Scott Spellmon"),
    ("The delegation included Secretary of the Navy José Rafael Ojeda.", "José Rafael Ojeda"),
])
def test_an_office_phrase_after_title_of_ends_in_the_name(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "He is a native of Virginia and a member of the Virginia Bar.",
    "She was the Senior Director of Public Policy for Esperanza United, a resource center.",
    "She is a Fellow of the American Chemical Society and the Young Chemists Society.",
])
def test_an_organisation_after_an_office_is_no_person(sentence):
    assert not people(sentence)


# ---------------------------------------------------------------- 5. US nomination lists

@pytest.mark.parametrize("text, names", [
    ("Nancy G. Abudu, of Georgia, to be United States Circuit Judge for the Eleventh Circuit, vice Beverly B. "
     "Martin, retired.", {"Nancy G. Abudu", "Beverly B. Martin"}),
    ("Robert L. Smith, Jr., of New York, to be United States District Judge, vice Karol Virginia Mason, resigned.",
     {"Robert L. Smith", "Karol Virginia Mason"}),
    ("Daniel I. Werfel, of the District of Columbia, to be Commissioner of Internal Revenue, vice Charles P. Rettig.",
     {"Daniel I. Werfel", "Charles P. Rettig"}),
    ("- Rebecca F. Dye, of North Carolina, to be a Federal Maritime Commissioner. (Reappointment)",
     {"Rebecca F. Dye"}),
])
def test_a_nominee_and_the_predecessor_are_persons(text, names):
    assert names <= people(text)


@pytest.mark.parametrize("text", [
    "Port Authority, of New York, to be renamed next year.",                     # English words only
    "Policy Director, of the Council, to be named later.",                       # English words only
    "He said the roles were reversed, vice versa.",
])
def test_no_nomination_form_no_person(text):
    assert not people(text)


# ---------------------------------------------------------------- initials for the given name

@pytest.mark.parametrize("sentence, name", [
    ("Senator J.D. Okonkwo criticised the aid package on Sunday.", "J.D. Okonkwo"),
    ("Senator J. D. Okonkwo criticised the aid package on Sunday.", "J. D. Okonkwo"),
    ("Retired Gen. H.R. Maldonado said the war would be long.", "H.R. Maldonado"),
])
def test_initials_written_for_the_given_name_open_the_name(sentence, name):
    """AP style writes some people's given names as initials ("J.D.", "H.R."): with a title before,
    the initials and the surname are the person's name, and the initials end no sentence."""
    assert name in people(sentence)


def test_initials_before_a_sentence_starter_still_end_the_sentence():
    from helpers.ingest.sentences import paragraph_spans

    text = "The deal was brokered by J.D. The talks ended on Monday."
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["The deal was brokered by J.D.",
                                                             "The talks ended on Monday."]
    text = "Senator J.D. Okonkwo criticised the package."
    assert [text[a:b] for a, b in paragraph_spans(text)] == [text]


@pytest.mark.parametrize("sentence, name", [
    ("Gov. Lena Moravec spoke at the ceremony.", "Lena Moravec"),
    ("He said Sen. Dana Okafor was wrong about the bill.", "Dana Okafor"),
    ("Retired Gen. Aziz Karimov led the delegation.", "Aziz Karimov"),
])
def test_an_abbreviated_office_title_before_a_name_gives_the_person(sentence, name):
    """AP style abbreviates Sen., Rep., Gov., Gen. before a full name: the same cue as the title
    written out ("Governor Lena Moravec")."""
    assert name in people(sentence)


@pytest.mark.parametrize("text", [
    "Nominations Sent to the Senate\n\nMari Carmen Aponte, of Puerto Rico, to be Ambassador to the Republic of Panama.",
    "Fact Sheet\n\nEvents in all 50 states, Guam and Puerto Rico will help families file their taxes.",
    "Fact Sheet\n\nThe Governor of the Northern Mariana Islands met officials from the U.S. Virgin Islands.",
])
def test_a_us_territory_named_like_a_state_is_a_place_not_a_person(text):
    """Nominations ("X, of <state>, to be ...") and lists of the states name the US territories beside
    them; a territory is a place (curated, US Census Bureau island areas), never a person's name."""
    from tests.passages import analyse_text
    rows = analyse_text(text)["mentions"]
    people = {m["surface"] for m in rows if m["kind"] == "person"}
    places = {m["actor_id"] for m in rows if m["kind"] == "place"}
    assert not people & {"Puerto Rico", "Guam", "Northern Mariana Islands", "Virgin Islands", "Rico"}
    assert places & {"PUERTO_RICO", "GUAM", "NORTHERN_MARIANA_ISLANDS", "US_VIRGIN_ISLANDS"}


@pytest.mark.parametrize("text, surface, actor", [
    ("Story\n\nDr. Jennifer Strawn, a nurse from Ohio, spoke at the event. Strawn said nurses need support.",
     "Jennifer Strawn", "STRAWN"),
    ("Story\n\nMs. Gina Adams joined the call. Secretary Gina Raimondo also spoke.", "Gina Adams", "ADAMS"),
    ("Story\n\nDr. Jill Biden spoke at the school.", "Jill Biden", "JILL_BIDEN"),
])
def test_an_honorific_before_a_full_name_keeps_the_name_whole(text, surface, actor):
    """"Dr. Jennifer Strawn" is one mention of Jennifer Strawn, the honorific left out of the surface
    as a title is; before, the honorific + first-name form ("Dr. Jennifer") took the first word and
    the surname became a second mention."""
    from tests.passages import analyse_text
    people = [(m["surface"], m["actor_id"]) for m in analyse_text(text)["mentions"] if m["kind"] == "person"]
    assert people[0] == (surface, actor)
    assert not any(s.startswith(("Dr.", "Ms.", "Mr.")) for s, _ in people)


# ---------------------------------------------------------------- a generational suffix ends a name, never opens one

@pytest.mark.parametrize("sentence", [
    "The President honored the legacy of Dr. Martin Luther King Jr. at the memorial.",
    "She marched with Reverend Martin Luther King Jr. in 1965, he said.",
    "King Jr. and his family were at the ceremony, the statement said.",
])
def test_a_generational_suffix_is_no_person_of_its_own(sentence):
    # "King" is also a title ("King Charles"), so the suffix after it once read as a surname after a title
    assert not {"Jr", "Jr.", "Sr", "Sr."} & people(sentence)


# ---------------------------------------------------------------- a generational suffix follows a surname

@pytest.mark.parametrize("sentence, name", [
    # a title word before the suffix is the surname: a suffix never follows a title
    ("Today we honor Dr. Martin Luther King Jr., who gave his life for justice.", "Martin Luther King Jr"),
    ("Martin Luther King III said the march still matters.", "Martin Luther King III"),
    # the suffix's abbreviation point stands between the name and its verb
    ("Robert Smith Jr. said the plan would work.", "Robert Smith Jr"),
])
def test_a_name_with_a_generational_suffix_is_one_person(sentence, name):
    assert name in people(sentence)


def _mentions(text):
    return [(m["surface"], m["actor_id"]) for m in mentions(text)]


def test_the_surname_is_the_word_before_the_suffix():
    # later "Smith" and "Mr. Smith" are the person; the suffix alone is not ("JR" was the id once)
    found = _mentions("Robert Smith Jr. said the plan would work. Later, Jr. arrived. Mr. Smith left. Smith spoke.")
    assert found == [("Robert Smith Jr", "SMITH"), ("Mr. Smith", "SMITH"), ("Smith", "SMITH")]


def test_a_surname_that_is_a_title_needs_an_honorific_to_name_the_person():
    # "King" after "Martin Luther King Jr." is still the title of "King Charles" and "the King of Jordan"
    found = _mentions("Dr. Martin Luther King Jr., who led the march, inspired many. King Charles III "
                      "visited. The King of Jordan came too. Dr. King would smile.")
    assert [s for s, a in found if a == "KING"] == ["Martin Luther King Jr", "Dr. King"]


def test_a_name_with_and_without_its_suffix_is_one_person():
    # a release writes "Quinton T. Ross Jr." in a list and "Dr. Quinton T. Ross, Jr., is ..." in the text
    found = _mentions("Quinton T. Ross Jr. said the college will grow. Dr. Quinton T. Ross, Jr., is its president.")
    assert {a for s, a in found if "Ross" in s} == {"ROSS"}


# ---------------------------------------------------------------- the clergy's courtesy title

@pytest.mark.parametrize("sentence, name", [
    ("Reverend Al Sharpton said the march still matters.", "Al Sharpton"),
    ("The Rev. Dr. William J. Barber II said the campaign goes on.", "William J. Barber II"),
])
def test_reverend_is_a_courtesy_title_and_no_part_of_the_name(sentence, name):
    assert people(sentence) == {name}


def test_an_honorific_and_a_given_name_before_another_surname_is_not_the_earlier_person():
    # "Ms. Marat" may stand for Aigerim Marat, but "Ms Katie Sexton Wood" is not Katie Hobbs
    for honorific in ("Ms", "Reverend"):
        found = _mentions("Arizona Governor Katie Hobbs said it was a good day. "
                          f"{honorific} Katie Sexton Wood, Executive Director, was elated.")
        assert [s for s, a in found if a == "HOBBS"] == ["Katie Hobbs"]


# ---------------------------------------------------------------- a title after a given name is a surname

@pytest.mark.parametrize("sentence, name", [
    ("Coretta Scott King said the dream lives on.", "Coretta Scott King"),
    ("Robert B. King, a lawyer in Charleston, said he was honored.", "Robert B. King"),
    ("Rep. Steve King said the bill would fail.", "Steve King"),
])
def test_a_title_word_after_a_given_name_and_before_a_lower_case_word_is_the_surname(sentence, name):
    # a title stands before a name in English, never after one
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "The National Cyber Director said the office would grow.",
    "Officials met King Charles, the statement said.",
])
def test_an_office_or_a_title_before_a_name_stays_no_person(sentence):
    assert not {"Cyber Director", "Charles", "King Charles"} & people(sentence)


# ---------------------------------------------------------------- suffixes and titles: what must not follow

def test_a_later_surname_with_its_suffix_is_no_second_person():
    found = _mentions("Robert Smith Jr. said the plan would work. Mr. Smith left. Smith Jr. spoke.")
    assert {a for s, a in found} == {"SMITH"}


def test_father_and_son_with_two_suffixes_stay_two_people():
    found = _mentions("Martin Luther King III said his father, Dr. Martin Luther King Jr., would be proud.")
    assert len({a for s, a in found if "King" in s}) == 2


@pytest.mark.parametrize("sentence, absent", [
    ("See Rev. Proc. 2023-12 and Rev. Rul. 99-1, the Treasury said.", {"Proc", "Rul"}),  # a citation, no honorific
    ("Acme Chairman II said profits rose.", {"Acme Chairman II"}),  # no given name: no person
    ("Maria Lopez Chairwoman said she would resign.", {"Maria Lopez Chairwoman"}),  # "Chairwoman" is no family name
])
def test_no_person_from_a_citation_or_a_title_that_is_no_surname(sentence, absent):
    assert not absent & people(sentence)


def test_an_honorific_before_a_surname_first_name_keeps_the_person():
    # "Mr. Wang Yi": the honorific's word is Wang Yi's own first word, and the next one continues his name
    assert people("Mr. Wang Yi said the talks were useful.") == {"Wang Yi"}


@pytest.mark.parametrize("sentence", [
    "Robert Smith, Jr., said the plan would work.",
    "Robert Smith, Jr. said the plan would work.",
])
def test_a_suffix_set_off_by_commas_stands_between_a_name_and_its_verb(sentence):
    assert people(sentence) == {"Robert Smith"}


# ---------------------------------------------------------------- a Title Case office in the appositive after a name

@pytest.mark.parametrize("sentence, name", [
    ("In attendance were Ali Zaidi, the National Climate Advisor, and senior officials.", "Ali Zaidi"),
    ("Speakers included Gene Sperling, White House American Rescue Plan Coordinator, and others.", "Gene Sperling"),
])
def test_a_capitalised_office_after_a_given_and_family_name_makes_a_person(sentence, name):
    assert name in people(sentence)


def test_a_capitalised_phrase_after_a_place_run_gives_no_person():
    assert not people("The fund opened offices in Round Rock, Texas Chamber Director of Commerce said.") - {""}


# ---------------------------------------------------------------- a weak cue of English words falls through to the next

@pytest.mark.parametrize("sentence, name", [
    ("The panel had Payal Kadakia, founder of ClassPass, Melissa Butler, CEO of The Lip Bar, and others.", "Melissa Butler"),
    ("I want to thank the college. The president, Belinda Miles, thanks for hosting us.", "Belinda Miles"),
])
def test_a_name_of_given_name_and_english_word_after_a_role_is_a_person(sentence, name):
    assert name in people(sentence)


def test_english_words_after_an_office_and_and_are_no_person():
    sentence = ("Cynthia Dyer, of Virginia, to be Director of the Office to Monitor and Combat Trafficking, with "
                "the rank of Ambassador at Large, vice John Cotton Richmond.")
    assert people(sentence) == {"Cynthia Dyer", "John Cotton Richmond"}


# ---------------------------------------------------------------- nominations: a career grade, predecessor endings

def test_a_career_grade_between_the_place_and_to_be_keeps_the_nominee():
    sentence = ("Richard Lee Buangan, of California, a Career Member of the Senior Foreign Service, Class of "
                "Minister-Counselor, to be Ambassador Extraordinary and Plenipotentiary of the United States of "
                "America to Mongolia.")
    assert "Richard Lee Buangan" in people(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("John Z. Lee, of Illinois, to be United States Circuit Judge for the Seventh Circuit, vice Diane P. Wood, "
     "retiring.", "Diane P. Wood"),
    ("James Arthur Jemison II, of Michigan, to be an Assistant Secretary of Housing and Urban Development, vice "
     "Robert Hunter Kurtz, which was sent to the Senate on January 4, 2022.", "Robert Hunter Kurtz"),
])
def test_a_predecessor_before_a_participle_or_a_withdrawal_clause(sentence, name):
    assert name in people(sentence)


def test_a_role_word_inside_an_organisations_name_gives_no_person():
    assert not people("Leaders include Henry Ford Health, Mass General Brigham, Boston Children’s Hospital, and others.") \
        & {"Henry Ford Health"}


def test_a_title_case_office_of_two_role_words_ends_at_the_last():
    assert "Rob Bonta" in people("Attendees: Rob Bonta, California Attorney General; and others.")


# ---------------------------------------------------------------- a given and a family name with no cue

@pytest.mark.parametrize("sentence, name", [
    ("We remember the brave voices, from Frederick Douglass to the authors of today, who spoke up.", "Frederick Douglass"),
    ("And Stacey Abrams is here as well, so help her win.", "Stacey Abrams"),
    ("The other one, by the way, was Herbert Hoover in the last century.", "Herbert Hoover"),
])
def test_a_given_and_family_name_standing_alone_is_a_person(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "He was a partner at the law firm Dewey Ballantine before he joined the agency.",
    "Students at Frederick Douglass High School in Maryland met the delegation.",
    "He clerked for a court in Houston Texas for several years.",
    "The report cited the coverage [Darlene Superville, 1/1/23] of the speech.",
    "TITLE CASE Heading With Frederick Douglass Inside",
])
def test_a_given_and_family_name_inside_a_firm_place_credit_or_heading_is_no_person(sentence):
    assert not people(sentence)


def test_a_given_name_that_is_an_english_word_needs_a_cue():
    assert not people("Grant Hovey and the others will vote on whether you keep your benefits.")


# ---------------------------------------------------------------- a title and one word of a known holder's name

def test_crown_prince_and_the_fathers_name_is_the_crown_prince_named_in_full():
    text = "President Biden met Crown Prince Mohammed bin Salman in Jeddah. Crown Prince Salman thanked him."
    assert people(text) == {"Joe Biden", "Mohammed bin Salman"}


def test_another_crown_prince_with_that_name_stays_a_person_of_his_own():
    assert "Salman" in people("President Biden spoke with Crown Prince Salman of Bahrain on Monday.")


@pytest.mark.parametrize("text", [
    "The talks went on.\n\nDaniel Okafor contributed reporting from Tashkent.",
    "The talks went on. (Reporting by Daniel Okafor; editing by the desk)",
])
def test_a_reporting_credit_gives_no_person(text):
    assert not people(text)


# ---------------------------------------------------------------- a roster item "Name, Affiliation"

def test_a_list_item_of_a_name_and_its_affiliation_is_a_person():
    text = ("Participants included:\n\n- Andrea Bell, Oregon Housing and Community Services\n\n"
            "- Hazel Remesch, The Legal Aid Society of Cleveland")
    assert people(text) == {"Andrea Bell", "Hazel Remesch"}


def test_a_list_item_of_a_place_and_its_state_is_no_person():
    assert not people("Sites visited:\n\n- Jackson Hole, Wyoming\n\n- Florence Beach, Italy")
