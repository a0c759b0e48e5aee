"""A known surname after a given name is another person ("Jill Biden" is not Joe Biden), also when
the given name is a common English word opening the sentence; an adverb, title or question opener
before the surname is not a given name."""
import pytest

from helpers.pipeline.document import analyse_text

from tests.passages import actor_ids


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


def people(text: str) -> set[str]:
    return {m["actor_name"] for m in analyse_text(f"Story\n\n{text}")["mentions"] if m["kind"] == "person"}


def test_a_run_of_common_lower_case_words_is_no_person():
    """A role word before a capitalised run makes it look like a name; a run of English words is not one."""
    got = people("The President selected new members of the President’s Cancer Panel, a volunteer panel of experts.")
    assert "Cancer Panel" not in got
    got = people("She served as Deputy Political Counselor at the embassy in Bangkok.")
    assert not any("Counselor" in p for p in got)


def test_an_office_before_a_name_is_not_part_of_it():
    got = people("First Lady Jill Biden said the visit was moving. Chief Justice John G. Roberts swore him in.")
    assert {"Jill Biden", "John G. Roberts"} <= got and not any(p.startswith(("Lady", "Justice")) for p in got)
