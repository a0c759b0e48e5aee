"""Speakers in wire-service news copy (AP and Reuters style): a possessor before the speaker's
title, a pronoun that opens its own clause, and a second quote in the paragraph of an attributed
one. Constructed passages, one convention each; names are invented or generic."""
import pytest

from helpers.pipeline.document import analyse_text


def speakers(text: str) -> list[tuple[str, str]]:
    rows = analyse_text("Envoys clash over the resolution\n\n" + text)
    return [(q["quote"], q["speaker_name"]) for q in rows["quotes"]]


@pytest.mark.parametrize("text, speaker", [
    # a state's possessive before the title and name is a modifier of the subject, not the subject
    ("Russia’s U.N. Ambassador Ivan Petrov called the text “useless” and left the chamber.\n\n"
     "“They are not interested in peace,” he told the assembly.", "Ivan Petrov"),
    ("China’s deputy U.N. envoy Wei Ming said the draft was “unbalanced.”\n\n"
     "“We call for dialogue,” he said.", "Wei Ming"),
    ("Kazakhstan’s Foreign Minister Aigerim Nurlanova met the delegation on Monday.\n\n"
     "“Our position is clear,” she said.", "Aigerim Nurlanova"),
])
def test_a_pronoun_goes_to_the_titled_person_after_a_possessive(text, speaker):
    assert speakers(text)[-1][1] == speaker


def test_a_possessor_with_no_name_after_its_title_gives_the_pronoun_no_one():
    # "Kazakhstan's foreign minister": the minister is unnamed, so "she" is not resolved further back
    text = ("Maria Lopez spoke first. Kazakhstan’s foreign minister replied at length.\n\n"
            "“We disagree,” she said.")
    assert speakers(text)[-1] == ("We disagree,", "")


def test_a_pronoun_subject_before_said_is_no_cue_after_a_quote():
    # "…” He said China would “…”: "said" has a subject of its own, so its object ("China") is
    # not the speaker, as it is in "…,” said X, “…”
    text = ("The envoy John Carter said the plan was “unworkable.” He said China would "
            "“continue to play a constructive role.”")
    assert speakers(text)[-1] == ("continue to play a constructive role.", "John Carter")


def test_said_right_after_a_quote_still_names_its_object():
    text = "“We need peace,” said Maria Lopez, “and we need it now.”"
    assert [s for _, s in speakers(text)] == ["Maria Lopez", "Maria Lopez"]


@pytest.mark.parametrize("text, second", [
    # another person inside the attribution clause does not break the continuation
    ("“We know the challenges,” Carter told reporters after meeting Foreign Minister Aigerim Nurlanova. "
     "“The United States is committed to helping.”", "John Carter"),
    ("“The vote matters,” Carter said as Ivan Petrov looked on. “Nobody should ignore it.”", "John Carter"),
    # a person in a sentence of its own between the quotes does
    ("“We know the challenges,” Carter said. Foreign Minister Ivan Petrov left the room. “We are committed.”", ""),
    # and so does a new paragraph after an attribution that names another person
    ("“We know the challenges,” Carter told reporters after meeting Ivan Petrov.\n\n“We are committed.”", ""),
])
def test_a_second_quote_in_the_paragraph_continues_its_speaker(text, second):
    text = "U.S. envoy John Carter arrived on Monday.\n\n" + text
    assert speakers(text)[-1][1] == second
