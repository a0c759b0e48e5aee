"""Being "against" a target is opposing it (copula + "against": "We are against Russian aggression");
the target is the object after it, so "Russian aggression" is the war (R14: being against the war is
not opposing Russia, S079), and a subject that is no actor ("The sanctions are against Russia's
central bank") holds nothing."""
import pytest

from tests.passages import stances


def test_we_are_against_russian_aggression_opposes_the_war():
    got = stances("We are against Russian aggression.", "Statement from President Joe Biden")
    assert ("USA", "RUSSIA_WAR", "oppose") in got and ("USA", "RUSSIA", "oppose") not in got


@pytest.mark.parametrize("text, expected", [
    ("Hungary was against new sanctions on Russia.", ("HUN", "SANCTIONS", "oppose")),
    ("Kazakhstan said it was against the annexation of four regions of Ukraine.", ("KAZ", "ANNEXATION", "oppose")),
])
def test_being_against_a_target_opposes_it(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize("text", [
    "The sanctions are against Russia's central bank.",
    "Kazakhstan is not against the sanctions on Russia.",
])
def test_no_row_without_an_actor_subject_or_when_negated(text):
    assert not [r for r in stances(text) if r[2] == "oppose" and r[0] != "RUS"]
