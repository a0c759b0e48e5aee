"""R6/R7: "X was one of (only) four countries to vote against the resolution": the count is a predicate
nominal and the copula's subject right before it is the voter (as "X were among 32 countries that
abstained"); a count that is itself the subject ("143 countries voted in favour") names no one."""
import pytest

from helpers.pipeline.document import analyse_text


def stances(text: str) -> set[tuple[str, str, str]]:
    rows = analyse_text("Ministers meet\n\n" + text)
    return {(r["actor_id"], r["target"], r["label"]) for r in rows["stance"]}


@pytest.mark.parametrize("text", [
    "Nicaragua was one of only four countries to vote against the UN General Assembly resolution.",
    "Nicaragua was one of four countries that voted against the UN General Assembly resolution.",
])
def test_the_copulas_subject_is_one_of_the_voters(text):
    assert ("NIC", "UN_RESOLUTION", "oppose") in stances(text)


@pytest.mark.parametrize("text", [
    "In the UN General Assembly, 143 countries voted in favour of the resolution.",
    "Kazakhstan said Nicaragua was one of four countries to vote against the UN General Assembly resolution.",
])
def test_no_voter_is_guessed(text):
    assert not [r for r in stances(text) if r[1] == "UN_RESOLUTION" and r[0] != "NIC"]
