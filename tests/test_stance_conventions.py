"""Stance conventions of official writing (White House statements and readouts): who can hold a
position on the publishing state, events that have not happened, titles of other bodies' heads,
groups, plural pronouns and words inside proper names. Short constructed passages."""
from tests.passages import white_house_stance as wh


def test_domestic_praise_of_the_president_is_no_stance_toward_the_state(tmp_path):
    """Self-target convention: an American group or a person the text does not place praising the
    President in the government's own release gives no row toward USA."""
    got = wh(tmp_path, "What They Are Saying: Leaders Applaud the Biden Administration",
             "Senator Maria Okonkwo: “I applaud President Biden for this decision to expand health coverage.”\n\n"
             "The Riverside Workers Alliance was proud to endorse President Biden.")
    assert not any(target == "USA" for _, target, _ in got)


def test_a_foreign_state_still_holds_a_stance_toward_the_publisher(tmp_path):
    got = wh(tmp_path, "Joint Statement of the United States and Australia",
             "Australia welcomes the United States’ decision to expand its clean energy investment.")
    assert ("AUS", "USA", "support") in got


def test_before_the_invasion_a_deterred_or_possible_war_is_not_waged(tmp_path):
    """Dev gold: texts before 24 February 2022 give no RUSSIA_WAR rows except warnings; a war noun
    after deter/respond to/further/any or with a modal names an event that has not happened."""
    body = ("The leaders discussed their joint efforts to deter further Russian aggression against Ukraine. "
            "President Biden said that a Russian invasion of Ukraine would produce widespread human suffering. "
            "The United States is prepared to respond swiftly to any Russian attack on Ukraine.")
    got = wh(tmp_path, "Readout of President Biden’s Call with European Leaders", body, date="2022-01-24")
    assert ("RUS", "RUSSIA_WAR", "support") not in got


def test_after_the_invasion_the_same_war_noun_is_waged(tmp_path):
    got = wh(tmp_path, "Readout of President Biden’s Call with European Leaders",
             "The leaders condemned Russia’s invasion of Ukraine.", date="2022-03-10")
    assert ("RUS", "RUSSIA_WAR", "support") in got


def test_before_the_invasion_a_war_stated_as_fact_still_counts(tmp_path):
    """Only the unrealised event is dropped: "Russia's invasion of Ukraine" stated as fact on the eve
    keeps the row (the convention is about the wording, not the date alone)."""
    got = wh(tmp_path, "Statement by President Biden", "Ukraine suffers an unprovoked attack by Russian military "
             "forces tonight.", date="2022-02-23")
    assert ("RUS", "RUSSIA_WAR", "support") in got


def test_the_president_of_another_body_is_not_the_publishers_head(tmp_path):
    """"The President of the European Council" / "the President of Finland" is another office: in a
    White House readout's title it does not make the US President a participant."""
    got = wh(tmp_path, "Readout of the Meeting between the President of the European Council and Prime Minister "
             "Kishida of Japan", "The leaders reaffirmed their support for Ukraine.")
    assert ("KISHIDA", "UKRAINE", "support") in got
    assert not any(actor in ("BIDEN", "USA") for actor, _, _ in got)
    got = wh(tmp_path, "Readout of the Vice President’s Meeting with the President of Finland",
             "The leaders reaffirmed their support for Ukraine. The President of Finland condemned Russia’s war.")
    assert not any(actor in ("BIDEN", "USA") for actor, _, _ in got)


def test_the_president_alone_is_still_the_head(tmp_path):
    got = wh(tmp_path, "Readout of the President’s Meeting with Prime Minister Kishida of Japan",
             "The leaders reaffirmed their support for Ukraine.")
    assert {("BIDEN", "UKRAINE", "support"), ("KISHIDA", "UKRAINE", "support")} <= got


def test_a_group_stands_for_its_members_only_as_the_subject(tmp_path):
    """R7: "The G7 imposed" gives each member; "along with the rest of the G7", "partners including the
    G7" and "this G7 commitment" do not (company or a modifier, not the subject)."""
    got = wh(tmp_path, "Statement", "The G7 imposed sanctions on Russia.")
    assert {("G7", "SANCTIONS", "support"), ("JPN", "SANCTIONS", "support")} <= got
    got = wh(tmp_path, "Statement", "Canada, along with the rest of the G7, condemned Russia’s war.")
    assert ("CAN", "RUSSIA_WAR", "oppose") in got and ("JPN", "RUSSIA_WAR", "oppose") not in got
    got = wh(tmp_path, "Statement", "This G7 commitment to Ukraine will help it defend itself.")
    assert not any(actor in ("JPN", "DEU", "CAN") for actor, _, _ in got)


def test_a_list_after_with_is_not_the_subject(tmp_path):
    got = wh(tmp_path, "Statement", "Today, the United States, with the G7 and the European Union, will "
             "continue to impose severe costs on Russia.")
    assert ("USA", "RUSSIA", "oppose") in got
    assert not any(actor in ("EU", "JPN", "DEU") for actor, _, _ in got)


def test_they_in_a_readout_are_the_meetings_parties_not_a_name_in_an_object(tmp_path):
    """"They" are the parties (the subject and the one met with), never a name inside a prepositional
    phrase or an object ("his recent conversations with President Putin")."""
    got = wh(tmp_path, "Readout of President Biden’s Call with President Macron of France",
             "President Biden spoke today with President Emmanuel Macron of France about his recent conversations "
             "with President Putin. They reaffirmed their commitment to Ukraine’s sovereignty.")
    assert {("BIDEN", "UKRAINE", "support"), ("MACRON", "UKRAINE", "support")} <= got
    assert not any(actor in ("PUTIN", "RUS") for actor, target, _ in got if target == "UKRAINE")


def test_the_people_met_with_stay_parties(tmp_path):
    got = wh(tmp_path, "Readout of National Security Advisor Jake Sullivan’s Meeting with Foreign Minister Kuleba",
             "Jake Sullivan met today with Foreign Minister Dmytro Kuleba of Ukraine and was joined by "
             "Ambassador Oksana Markarova. They condemned Russia’s war.")
    assert {("SULLIVAN", "RUSSIA_WAR", "oppose"), ("KULEBA", "RUSSIA_WAR", "oppose")} <= got


def test_a_word_inside_a_proper_name_is_no_cue(tmp_path):
    """A cue word inside a capitalised name (a bill, a fund, a web address, a job title) is no cue."""
    got = wh(tmp_path, "Statement", "Canada praised the Build Back Better Act. Japan is a member of Welcome.US. "
             "Jane Okafor, Managing Partner at Kyiv Capital, met officials.")
    assert not any(actor in ("CAN", "JPN") for actor, _, _ in got)
    got = wh(tmp_path, "Statement", "Canada praised the work of the Ukraine Support Fund in rebuilding schools "
             "across the country.")
    assert ("CAN", "UKRAINE", "support") not in got


def test_a_headline_in_title_case_still_has_cues(tmp_path):
    got = wh(tmp_path, "Statement", "Japan Condemns Russia’s Brutal War Against Ukraine")
    assert ("JPN", "RUSSIA_WAR", "oppose") in got


def test_a_state_as_a_modifier_is_not_the_target(tmp_path):
    """"the U.S. submarine industrial base", "the U.S. ASEAN Business Council": the state only qualifies
    another noun; "U.S. assistance" and "accused the U.S. of" still name the state."""
    got = wh(tmp_path, "Statement", "Australia has committed to a financial investment in the U.S. submarine "
             "industrial base. The U.S. ASEAN Business Council has launched a fund to support students in the "
             "United States.")
    assert not any(target == "USA" for _, target, _ in got)
    got = wh(tmp_path, "Statement", "Australia welcomed U.S. assistance to Ukraine. The Prime Minister of Pakistan "
             "accused the U.S. of working with the opposition.")
    assert {("AUS", "USA", "support"), ("PAK", "USA", "oppose")} <= got


def test_the_president_of_a_white_house_text_is_the_one_in_office_on_its_date(tmp_path):
    """publisher_heads: a head counts only during the term the actor dictionary gives it."""
    body = "The President condemned Russia’s brutal war against Ukraine."
    in_term = wh(tmp_path, "Readout of a Call", body, date="2023-04-14")
    assert ("BIDEN", "RUSSIA_WAR", "oppose") in in_term
    after = wh(tmp_path, "Readout of a Call", body, date="2025-03-01")
    assert not any(actor == "BIDEN" for actor, _, _ in after)


def test_transcript_turns_give_first_person_to_the_tagged_speaker(tmp_path):
    """R11 in transcripts: "I"/"we" under a speaker tag are the tagged speaker's until the next tag;
    "THE PRESIDENT:" is the publisher's head, a reporter ("Q") and an unknown tag give no holder."""
    body = ("THE PRESIDENT:  Thank you all for coming.\n\n"
            "We will continue to support Ukraine.\n\n"
            "SECRETARY YELLEN:  Thank you, Mr. President.\n\n"
            "We strongly support the sanctions on Russia.\n\n"
            "Q  We support Ukraine, don't we?  Mr. President, a question.\n\n"
            "We support Ukraine.\n\n"
            "PRINCIPAL DEPUTY ZORBLAX:  We support Ukraine fully.\n")
    rows = wh(tmp_path, "Remarks by President Biden and Secretary Yellen", body)
    assert ("BIDEN", "UKRAINE", "support") in rows
    assert ("YELLEN", "SANCTIONS", "support") in rows
    assert ("BIDEN", "SANCTIONS", "support") not in rows
    assert {r[0] for r in rows if r[1] == "UKRAINE"} <= {"BIDEN", "USA"}


def test_outside_transcripts_first_person_stays_the_authors(tmp_path):
    rows = wh(tmp_path, "Statement from President Joe Biden on Ukraine", "We will continue to support Ukraine.")
    assert ("BIDEN", "UKRAINE", "support") in rows


def test_a_participle_in_an_authored_title_opens_its_topic(tmp_path):
    """"Statement by <author> Announcing/Welcoming/Congratulating <topic>": the people named after the
    participle are the topic, not co-authors, so the author's own adjective is not theirs."""
    got = wh(tmp_path, "Statement by Press Secretary Dana Whitfield Announcing President Biden’s Meeting with "
             "President Andrzej Duda of Poland",
             "The President will discuss Russia’s unprovoked war against Ukraine with the President of Poland.",
             date="2023-05-02")
    assert ("USA", "RUSSIA_WAR", "oppose") in got
    assert not any(actor in ("DUDA", "POL") for actor, _, _ in got)


def test_he_inside_a_quotation_is_not_its_speaker(tmp_path):
    """R10: a quoted "he" is someone the speaker talks about; the quote's speaker does not hold it."""
    got = wh(tmp_path, "What They Are Saying: Members of Congress Praise the Address",
             "Ohio Congresswoman Dana Pruitt: “I am proud of the President’s leadership,” said Pruitt. “He is "
             "resolved and committed to our friends, Ukraine and Moldova.”")
    assert not any(actor.endswith("PRUITT") for actor, _, _ in got)
    got = wh(tmp_path, "What They Are Saying: Members of Congress Praise the Address",
             "Ohio Congresswoman Dana Pruitt: “I am proud of the President’s leadership. We are committed to "
             "supporting Ukraine.”")
    assert any(actor.endswith("PRUITT") and target == "UKRAINE" for actor, target, _ in got)


def test_their_after_the_readouts_parties_is_theirs_whatever_the_verb(tmp_path):
    """R11: "The leaders exchanged views on ..., including their continued support for Ukraine": the
    possessive states the parties' own position; a name between the subject and "their" blocks it."""
    title = "Readout of President Biden’s Meeting with President Andrzej Duda of Poland"
    got = wh(tmp_path, title, "President Biden met today with President Andrzej Duda of Poland. In addition, the "
             "leaders exchanged views on regional security, including their continued support for Ukraine.")
    assert {("BIDEN", "UKRAINE", "support"), ("DUDA", "UKRAINE", "support"), ("POL", "UKRAINE", "support")} <= got
    got = wh(tmp_path, title, "President Biden met today with President Andrzej Duda of Poland. The leaders "
             "discussed the needs of Ukrainians and their support for rebuilding Ukraine.")
    assert not any(target == "UKRAINE" for _, target, _ in got)


def test_an_agreement_reached_with_someone_names_no_party_to_the_meeting(tmp_path):
    """"congratulated X on the agreement he reached with Y": Y is the agreement's party, not the meeting's."""
    got = wh(tmp_path, "Readout of President Biden’s Meeting with President Andrzej Duda of Poland",
             "President Biden met with President Andrzej Duda of Poland in Vilnius. President Biden congratulated "
             "President Duda on the agreement he reached with Prime Minister Kaja Kallas of Estonia. They also "
             "discussed regional issues, including their enduring support for Ukraine.")
    assert ("DUDA", "UKRAINE", "support") in got
    assert not any("KALLAS" in actor or actor == "EST" for actor, _, _ in got)


def test_the_eu_in_a_joint_statements_title_is_a_signatory(tmp_path):
    """R11: "U.S.-EU Joint Statement": the European Union signs in its own name and holds the "we"
    with the United States; outside a joint statement's title it is no author."""
    body = "We condemn Russia’s brutal war of aggression against Ukraine."
    got = wh(tmp_path, "U.S.-EU Summit Joint Statement", body)
    assert {("USA", "RUSSIA_WAR", "oppose"), ("EU", "RUSSIA_WAR", "oppose")} <= got
    got = wh(tmp_path, "Statement by President Biden on the EU Summit", body)
    assert not any(actor == "EU" for actor, _, _ in got)


def test_a_verb_cue_inside_a_hyphened_modifier_is_no_verb(tmp_path):
    """"sanction-related export restrictions": the verb form is the first part of a compound adjective,
    not a verb with an object; the measures themselves are still upheld."""
    got = wh(tmp_path, "Statement", "We will promote the consistent application of sanction-related export "
             "restrictions targeting Russia, including regarding authorization and denial decisions.")
    assert ("USA", "SANCTIONS", "oppose") not in got


def test_a_hyphened_participle_is_a_modifier_not_the_subjects_verb(tmp_path):
    # "the Russian-backed separatists": Russia's backing, named as a modifier (R13: a noun-phrase
    # mention of an act is no assertion); the sentence's subject does not "back" anything
    got = wh(tmp_path, "Statement on the Region",
             "Kazakhstan has refused to recognize the Russian-backed separatist regions in eastern Ukraine.")
    assert not any(label == "support" and actor == "KAZ" for actor, _, label in got)
    got = wh(tmp_path, "Statement on the Region", "Kazakhstan backed Ukraine’s sovereignty.")
    assert ("KAZ", "UKRAINE", "support") in got
