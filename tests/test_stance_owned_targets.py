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


@pytest.mark.parametrize("text", [
    # "the X of T was biased": the head noun X is judged, not T (English noun-phrase structure)
    "Russian Foreign Minister Sergei Lavrov said Western coverage of the sanctions was biased.",
    "Russian Foreign Minister Sergei Lavrov said the supporters of the new sanctions were biased.",
    "Russia said critics of the sanctions against Moscow were biased.",
    "Russian Foreign Minister Sergei Lavrov criticised the coverage of the sanctions, which he called biased.",
])
def test_a_judgement_of_another_noun_of_the_target_is_no_position_on_it(text):
    assert not {s for s in stances(text) if s[1] == "SANCTIONS"}


@pytest.mark.parametrize("text", [
    # ... unless the head is a part, quantity or side of it (of_heads), or the target itself
    "Russian Foreign Minister Sergei Lavrov said the sanctions were biased.",
    "Russian Foreign Minister Sergei Lavrov said the latest package of sanctions was illegal.",
    "Russian Foreign Minister Sergei Lavrov said all of the sanctions were illegal.",
    "Russian Foreign Minister Sergei Lavrov spoke about the round of sanctions, which he called illegal.",
])
def test_a_judgement_of_a_part_of_the_target_is_one_of_the_target(text):
    assert ("RUS", "SANCTIONS", "oppose") in stances(text)
