"""Stance targets named through another noun: a state's paper or proposal (R14: a stance on the
document is none on the state), and acts on a target ("the expansion of sanctions", "Russia's
attempt to annex"). Short constructed passages in the style of news and official statements."""
import pytest

from helpers.pipeline.document import analyse_text


def stances(text: str) -> set[tuple[str, str, str]]:
    rows = analyse_text("World news\n\n" + text)
    return {(r["actor_id"], r["target"], r["label"]) for r in rows["stance"]}


@pytest.mark.parametrize("text, state", [
    ("Hungary rejected a Russian proposal to reopen the corridor.", "RUS"),
    ("Poland dismissed the Russian plan on Monday.", "RUS"),
    ("Rwanda expressed support for the U.S. proposal of a 72-hour ceasefire.", "USA"),
    ("Kazakhstan welcomed the U.S. initiative.", "USA"),
    ("Lithuania rejected Beijing's new initiative.", "CHN"),
])
def test_a_stance_on_a_states_proposal_is_none_on_the_state(text, state):
    # R14 (S067, S086): dismissing or supporting a state's paper is no position toward the state
    got = stances(text)
    target = {"RUS": "RUSSIA", "USA": "USA", "CHN": "CHINA"}[state]
    assert not any(t == target for _, t, _ in got), got


def test_the_state_itself_and_its_acts_stay_targets():
    assert ("POL", "RUSSIA", "oppose") in stances("Poland condemned the Russian decision.")
    assert ("POL", "CHINA_PEACE_PLAN", "oppose") in stances("Poland rejected the Chinese plan.")


@pytest.mark.parametrize("text, expected", [
    ("The EU imposed new sanctions on Russia. The expansion of sanctions was criticised by Austria.",
     ("AUT", "SANCTIONS", "oppose")),
    ("The EU imposed new sanctions on Russia. Austria criticised the extension of the sanctions.",
     ("AUT", "SANCTIONS", "oppose")),
    ("The EU imposed new sanctions on Russia. The imposition of sanctions was welcomed by Latvia.",
     ("LVA", "SANCTIONS", "support")),
])
def test_an_act_done_to_a_measure_keeps_the_stance_on_the_measure(text, expected):
    # "the expansion of sanctions": the criticised thing is the sanctions' widening, a stance on them
    assert expected in stances(text)


def test_lifting_a_measure_is_no_stance_on_it_in_the_same_direction():
    got = stances("The EU imposed new sanctions on Russia. Hungary criticised the lifting of sanctions.")
    assert ("HUN", "SANCTIONS", "oppose") not in got
