"""Quotes after a label and a colon, with no reporting verb: the convention of transcripts and of
round-ups of reactions ("Organisation: “…”", "Name, Title, Organisation: “…”"). The label names
its speaker whole; a country or city inside a longer name is not the speaker."""
import pytest

from helpers.pipeline.document import analyse_text


def speakers(line: str) -> list[tuple[str, str]]:
    rows = analyse_text(f"Reactions to the announcement\n\n{line}")
    return [(q["speaker_name"], q["speaker_id"]) for q in rows["quotes"]]


@pytest.mark.parametrize("line, name", [
    ("Families USA: “Letting more people get care is an important step.”", "Families USA"),
    ("Progress America: “This will make childcare more affordable for millions.”", "Progress America"),
    ("Sierra Club: “This is a historic day for clean air.”", "Sierra Club"),
    ("Women’s March: “We will not go back.”", "Women’s March"),
    ("The American Legion: “We are pleased that veterans get attention.”", "American Legion"),
])
def test_an_organisation_label_is_the_speaker_even_when_it_holds_a_country_name(line, name):
    assert [n for n, _ in speakers(line)] == [name]


def test_name_role_organisation_gives_the_person():
    got = speakers("Sheila Katz, CEO of the National Council of Women: “The plan is unprecedented and bold.”")
    assert [n for n, _ in got] == ["Sheila Katz"]
    got = speakers("John E. Herbst, Senior Director, Eurasia Center: “It has been a good week for diplomacy.”")
    assert [n for n, _ in got] == ["John E. Herbst"]


@pytest.mark.parametrize("line", [
    "Seattle, Washington: “Decades of community organizing paid off today.”",  # a place, not the state
    "Albuquerque, New Mexico: “Today is an historic day for our city.”",
    "Update: “The meeting has been moved to Thursday afternoon.”",  # a common word is no speaker
    "YELLEN: “We are watching the markets very closely.”",  # a transcript tag: no organisation
])
def test_a_label_that_names_no_organisation_or_person_gives_no_speaker(line):
    assert speakers(line) == [("", "")]


def test_a_known_person_or_body_in_a_label_is_still_the_speaker():
    assert speakers("Secretary Blinken: “We stand with Ukraine.”") == [("Antony Blinken", "BLINKEN")]
    assert speakers("The Kremlin: “We will respond in kind.”") == [("the Kremlin", "RUS")]
    assert speakers("Ukraine’s Defence Ministry: “We destroyed two tanks overnight.”")[0][1] == "UKR"
