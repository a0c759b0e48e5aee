"""Person names whose parts are also names of states: a state's one-word name right after a common
given name is that person's surname ("Michael Jordan", "Steve Israel"), not the state; the state
stays wherever no given name stands right before it."""
import pytest

from helpers.pipeline.document import analyse_text
from tests.passages import people


def states(text: str) -> set[str]:
    rows = analyse_text("Envoys meet\n\n" + text)
    return {m["actor_id"] for m in rows["mentions"] if m["kind"] == "state"}


@pytest.mark.parametrize("text", [
    "Michael Jordan attended the game in Chicago on Friday.",
    "Former Rep. Steve Israel said the bill would pass.",
])
def test_a_state_name_after_a_given_name_is_a_surname(text):
    assert states(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("King Abdullah II of Jordan met the President on Friday.", {"JOR"}),
    ("The talks between Israel and Jordan resumed on Friday.", {"ISR", "JOR"}),
    ("Jordan said it would host the talks.", {"JOR"}),
    ("The minister visited Kenya, Jordan and Egypt last week.", {"KEN", "JOR", "EGY"}),
    ("Kenya Jordan Egypt", {"KEN", "JOR", "EGY"}),
    ("Secretary Blinken thanked Jordan for its help.", {"JOR"}),
])
def test_the_state_stays_without_a_given_name_before_it(text, expected):
    assert expected <= states(text)


@pytest.mark.parametrize("text", [
    "Yesterday, in Austin and San Antonio, at least six people were killed.",
    "A family buying a home in Austin will save money.",
])
def test_a_bare_surname_after_in_is_a_place(text):
    assert "Lloyd Austin" not in people(text)


@pytest.mark.parametrize("text, expected", [
    ("Austin said the troops would stay.", "Lloyd Austin"),
    ("The plan was set out in Austin’s memo to the troops.", "Lloyd Austin"),
    ("Secretary Lloyd Austin spoke in Brussels.", "Lloyd Austin"),
])
def test_the_person_stays_elsewhere(text, expected):
    assert expected in people(text)
