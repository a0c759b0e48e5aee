"""A known surname after a given name is another person ("Jill Biden" is not Joe Biden), also when
the given name is a common English word opening the sentence; an adverb, title or question opener
before the surname is not a given name."""
import pytest

from helpers.pipeline.document import analyse_text


def actor_ids(sentence: str) -> list[str]:
    return [m["actor_id"] for m in analyse_text(f"Story\n\n{sentence}")["mentions"]]


@pytest.mark.parametrize("sentence", [
    "Jill Biden visited a school in Kyiv on Monday.",
    "Hunter Biden pleaded not guilty on Tuesday.",
    "The court heard that Hunter Biden owed taxes.",
])
def test_another_given_name_before_a_known_surname_is_another_person(sentence):
    assert "BIDEN" not in actor_ids(sentence)


@pytest.mark.parametrize("sentence", [
    "Will Biden sign the bill before the recess?",
    "Then Biden left for Warsaw.",
    "Today Biden met the Polish president.",
    "President Biden spoke in Warsaw.",
])
def test_an_adverb_title_or_question_opener_before_the_surname_keeps_the_person(sentence):
    assert "BIDEN" in actor_ids(sentence)
