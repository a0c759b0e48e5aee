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
