"""Conventions of quotation in news and official writing, on short constructed passages: what
is not a quotation (markup, titles, scare quotes), who the speaker of a role phrase is, how far
the clause after a quote reaches, pronouns and continuations."""
import pytest

from helpers.pipeline.document import analyse_text


def quotes(text: str) -> list[tuple[str, str]]:
    rows = analyse_text(f"A statement on the programme\n\n{text}")
    return [(q["quote"], q["speaker_name"]) for q in rows["quotes"]]


# ---------------------------------------------------------------- 1. marks that hold no speech


@pytest.mark.parametrize("text", [
    'The chart is shown below. <img src="chart.png" sizes="(max-width: 680px) 100vw, 680px"> It rose.',
    'Read the <span style="text-decoration: underline">full annex</span> for the details.',
])
def test_an_attribute_value_in_markup_is_no_quote(text):
    assert quotes(text) == []


@pytest.mark.parametrize("text", [
    "The agency launched a new initiative named “Bridges to Better Jobs” on Monday.",
    "The ministers met under the theme “Building Resilient Supply Chains Together” in Lima.",
    "The Vice President’s “Fight for Our Freedoms College Tour” will visit ten campuses this month.",
    "The meeting endorsed the “Comprehensive Security and Prosperity Agreement” with Bahrain.",
])
def test_a_title_of_a_programme_or_act_is_no_quote(text):
    assert quotes(text) == []


def test_a_title_cased_quote_with_a_reporting_cue_or_after_a_label_is_kept():
    got = quotes("Statement from Maria Lopez: “Today Is A Great Day For Our City”")
    assert [q for q, _ in got] == ["Today Is A Great Day For Our City"]
    got = quotes("“We Will Not Back Down,” said Maria Lopez, a union organiser in Reading.")
    assert got == [("We Will Not Back Down,", "Maria Lopez")]


@pytest.mark.parametrize("text", [
    "The “use it or lose it” policy for oil leases on federal land takes effect in May.",
    "Callers can order a “swab and send” test by phone from the hotline.",
])
def test_a_short_scare_quoted_modifier_is_no_quote(text):
    assert quotes(text) == []


def test_a_short_quote_with_a_reporting_verb_is_kept():
    got = quotes("Gina McCarthy, the climate adviser, predicted that the program could be a “game changer” for farmers.")
    assert [q for q, _ in got] == ["game changer"]


# ---------------------------------------------------------------- 2. the person at the end of a role phrase


@pytest.mark.parametrize("text, name", [
    ("“We will get this done,” said White House Chief of Staff Ron Klain.", "Ron Klain"),
    ("“We will get this done,” said U.S. Secretary of Health and Human Services Xavier Becerra.", "Xavier Becerra"),
    ("“We will get this done,” said Tajik Deputy Minister of Labour Dilshod Rahimov.", "Dilshod Rahimov"),
    ("“Terminals will improve,” said FAA Deputy Administrator A. Bradley Mims.", "A. Bradley Mims"),
    ("“Talks went well,” said the Kazakh Deputy Foreign Minister — who flew in overnight — Roman Vassilenko.",
     "Roman Vassilenko"),
])
def test_the_name_that_ends_a_role_phrase_is_the_speaker_not_its_body(text, name):
    assert [n for _, n in quotes(text)] == [name]


@pytest.mark.parametrize("text", [
    "“We will get this done,” said a spokesman for the Kremlin.",  # the body modifies the role: no name given
    "“We will get this done,” said a White House official.",
])
def test_a_role_phrase_with_no_name_gives_no_speaker(text):
    assert [n for _, n in quotes(text)] == [""]


def test_a_body_alone_after_the_cue_is_still_the_speaker():
    assert [n for _, n in quotes("“We will respond in kind,” said the Kremlin.")] == ["the Kremlin"]


# ---------------------------------------------------------------- 3. he/she: the subject of a recent sentence


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before():
    text = ("Antony Blinken met Sadyr Japarov in Bishkek on Tuesday. Blinken praised the talks.\n\n"
            "“We respect the sovereignty of every country in this region,” he said.")
    assert quotes(text) == [("We respect the sovereignty of every country in this region,", "Antony Blinken")]


def test_a_pronoun_after_an_inverted_cue_goes_to_its_speaker():
    text = ("“The market has recovered,” said Sergei Lavrov. “We see no reason to worry,” he added.")
    assert [n for _, n in quotes(text)] == ["Sergei Lavrov", "Sergei Lavrov"]


@pytest.mark.parametrize("middle", [
    "My mother worked at the plant for thirty years.",  # a kin noun
    "The Minister had opened the new ward that morning.",  # a title alone
    "The nurse on duty had seen the convoy pass.",  # a common noun
])
def test_a_pronoun_whose_nearest_subject_is_not_a_known_person_stays_empty(middle):
    text = (f"Kassym-Jomart Tokayev visited the market in Almaty on Monday.\n\n{middle} "
            "“Prices doubled in a month,” she said.")
    assert [n for _, n in quotes(text)] == [""]


def test_a_pronoun_does_not_reach_back_past_the_previous_paragraph():
    text = ("Antony Blinken arrived in Astana on Tuesday.\n\nThe talks lasted four hours.\n\n"
            "The agenda was long.\n\n“We made progress,” he said.")
    assert [n for _, n in quotes(text)] == [""]


def test_a_pronoun_can_go_to_the_subject_of_an_opening_clause():
    text = "When Kassym-Jomart Tokayev opened the forum, he promised “a new economic policy.”"
    assert [n for _, n in quotes(text)] == ["Kassym-Jomart Tokayev"]


# ---------------------------------------------------------------- 4. the clause after a quote; compound modifiers


def test_a_cue_in_the_next_sentence_is_not_the_quotes_cue():
    text = "The charter was written to “save succeeding generations from the scourge of war.” Antony Blinken said so."
    assert [n for _, n in quotes(text)] == [""]


def test_a_question_mark_inside_the_marks_keeps_its_attribution():
    assert [n for _, n in quotes("“Why now?” Antony Blinken asked.")] == ["Antony Blinken"]


@pytest.mark.parametrize("text", [
    "“This is a great day for workers,” said the Biden-Harris administration.",
    "“This is a great day for workers,” the Biden-Harris administration said.",
])
def test_a_name_inside_a_compound_modifier_is_no_speaker(text):
    assert [n for _, n in quotes(text)] == [""]


# ---------------------------------------------------------------- 5. continuation only of the quote right before


def test_a_continuation_takes_the_speaker_of_the_quote_right_before():
    text = "“The border is open again,” said Antony Blinken.\n\n“Trade will follow.”"
    assert [n for _, n in quotes(text)] == ["Antony Blinken", "Antony Blinken"]


def test_a_continuation_of_an_unattributed_quote_stays_empty():
    text = ("“The border is open again,” said Antony Blinken.\n\n"
            "A sign at the crossing read: “No entry after dark.”\n\n“Trade will follow.”")
    assert [n for _, n in quotes(text)] == ["Antony Blinken", "", ""]


def test_a_title_between_two_quotes_hands_on_no_speaker():
    text = ("“The border is open again,” said Antony Blinken. The agency launched a programme named "
            "“Open Roads For Trade” on Monday.\n\n“Trade will follow.”")
    assert quotes(text) == [("The border is open again,", "Antony Blinken"), ("Trade will follow.", "")]


@pytest.mark.parametrize("text, name", [
    ("White House Chief of Staff Ron Klain said: “We will get this done.”", "Ron Klain"),
    ("Michigan Speaker of the House Joe Tate: “Thank you for the honor of an invite.”", "Joe Tate"),
    ("“We will get this done,” a White House official said.", ""),  # the body modifies the role noun
])
def test_a_role_phrase_as_subject_gives_its_closing_name_never_its_body(text, name):
    assert [n for _, n in quotes(text)] == [name]


def test_a_name_role_organisation_label_still_gives_the_person():
    got = quotes("Maria Lopez, Executive Director of Green Valley Alliance: “This is a good day for rivers.”")
    assert [n for _, n in got] == ["Maria Lopez"]


# ---------------------------------------------------------------- a reporting word used as a noun


@pytest.mark.parametrize("text", [
    "President Maria Lopez rejected the so-called referendums in the occupied regions as “independent” votes.",
    "Maria Lopez spoke of the calling of “public service” in her family.",
])
def test_a_reporting_word_after_a_determiner_or_in_a_compound_is_no_cue(text):
    assert not any(speaker for _, speaker in quotes(text))  # a scare quote, no speech: no speaker


def test_a_reporting_verb_after_a_relative_that_is_still_a_cue():
    got = quotes("Maria Lopez, the mayor, signed a law that says “every child deserves a seat in a classroom.”")
    assert [q for q, _ in got] == ["every child deserves a seat in a classroom."]


# ---------------------------------------------------------------- the speaker heads the cue's subject


@pytest.mark.parametrize("text, name", [
    # the subject is a common noun: a name in an earlier clause or after "that" is no speaker
    ("Judge Ketanji Brown Jackson grew up in Miami. When Judge Jackson told her guidance counselor she wanted to "
     "attend Harvard, the guidance counselor warned that Judge Jackson should not set her sights “so high.”", ""),
    ("After meeting Joe Biden, one official said, “The talks went well.”", ""),
    # a name that is the object of a participle between the subject and the cue
    ("The President, speaking in Arizona and honoring his late friend John McCain said, “Their agenda is dangerous.”",
     ""),
    # a pronoun subject: its referent or no one, never a body after "that"
    ("Attorney General Merrick Garland spoke on Monday. He strongly reaffirmed that the Justice Department “will "
     "consider every tool.”", ""),
])
def test_a_name_that_is_not_the_subject_of_the_cue_is_no_speaker(text, name):
    assert [s for _, s in quotes(text)] == [name]


@pytest.mark.parametrize("text, name", [
    ("Senator Mark Warner, who met Joe Biden on Monday, said, “We are ready.”", "Mark Warner"),
    ("President Joe Biden on Tuesday said, “We are ready.”", "Joe Biden"),
    ("As President Joe Biden often says, “We are ready.”", "Joe Biden"),
    ("Senator Mark Warner of Virginia said, “We are ready.”", "Mark Warner"),
    ("President Joe Biden signed the order and urged the agency to “work together.”", "Joe Biden"),
    ("President Joe Biden signed the order, saying in a statement that “there is no doubt.”", "Joe Biden"),
    ("“Neutrality is not a luxury for us,” Kyrgyzstan’s president, Sadyr Japarov, said.", "Sadyr Japarov"),
])
def test_a_subject_name_keeps_its_cue_across_asides_times_and_second_predicates(text, name):
    assert [s for _, s in quotes(text)] == [name]
