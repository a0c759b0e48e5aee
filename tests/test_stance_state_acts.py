"""R14: a cue on a state's act of repression or coercion that is no codebook target ("condemn
Russia's shuttering of independent media") judges the state that does it (dev gold 2022-03-05);
the war's own nouns stay RUSSIA_WAR, a state's document stays no stance on the state, and the act
done to another state's media judges no one."""
import pytest

from tests.passages import stances


@pytest.mark.parametrize("text", [
    "Poland condemned Russia’s shuttering of independent media and technology platforms.",
    "Poland condemned Russia's crackdown on protesters.",
    "Poland condemned Russia's weaponization of food.",
])
def test_condemning_a_states_act_opposes_the_state(text):
    assert ("POL", "RUSSIA", "oppose") in stances(text)


@pytest.mark.parametrize("text, expected, wrong", [
    ("Poland condemned Russia's brutal war against Ukraine.", ("POL", "RUSSIA_WAR", "oppose"), ("POL", "RUSSIA", "oppose")),
    ("Poland rejected China's position paper.", ("POL", "CHINA_PEACE_PLAN", "oppose"), ("POL", "CHINA", "oppose")),
])
def test_the_war_and_a_states_document_keep_their_own_targets(text, expected, wrong):
    got = stances(text)
    assert expected in got and wrong not in got


def test_an_act_done_to_anothers_media_judges_no_state():
    assert not stances("Poland condemned the shuttering of Ukraine's independent media.")
