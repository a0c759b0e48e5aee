"""A state's sovereignty, independence and territorial integrity belong to the state that owns them
in the sentence (English possession: the possessor, a demonym, the object of "of"): the Central
Asian states' are the CENTRAL_ASIA_SOVEREIGNTY target, another state's are that state's."""
import pytest

from helpers.pipeline.document import analyse_text


def stances(text: str) -> set[tuple[str, str, str]]:
    rows = analyse_text("Ministers meet in Astana\n\n" + text)
    return {(r["actor_id"], r["target"], r["label"]) for r in rows["stance"]}


@pytest.mark.parametrize("text", [
    "Kazakhstan supports Ukraine's sovereignty.",
    "Kazakhstan supports Ukraine's sovereignty and territorial integrity.",
    "Kazakhstan supports the sovereignty and territorial integrity of Ukraine.",
])
def test_another_states_sovereignty_is_that_state(text):
    assert stances(text) == {("KAZ", "UKRAINE", "support")}


def test_a_third_states_sovereignty_is_no_target_of_the_codebook():
    assert stances("Kazakhstan supports the sovereignty of Georgia.") == set()


@pytest.mark.parametrize("text", [
    "The United States supports the sovereignty of Kazakhstan.",
    "The United States supports Kazakh independence.",
    "The United States supports Kazakhstan's sovereignty.",
    "The United States supports the independence, sovereignty and territorial integrity of Central Asian countries.",
])
def test_a_central_asian_states_sovereignty_is_the_target(text):
    assert stances(text) == {("USA", "CENTRAL_ASIA_SOVEREIGNTY", "support")}
