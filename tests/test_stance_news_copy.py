"""Stance conventions of international-politics news copy (wire and newspaper style): a split
infinitive after a word of not doing ("has yet to publicly criticise"). Short constructed passages."""
import pytest

from helpers.pipeline.document import analyse_text


def stances(text: str) -> set[tuple[str, str, str]]:
    rows = analyse_text("World news\n\n" + text)
    return {(r["actor_id"], r["target"], r["label"]) for r in rows["stance"]}


@pytest.mark.parametrize("text", [
    "Russia annexed four regions of Ukraine. Kazakhstan has yet to publicly condemn the annexation.",
    "The West imposed sanctions on Russia. Armenia has yet to formally back the sanctions.",
    "The West imposed sanctions on Russia. Georgia's reluctance to openly support the sanctions angered Kyiv.",
])
def test_an_adverb_inside_the_infinitive_keeps_the_negation(text):
    # R4: "yet to" / "reluctance to" + cue is not done; an adverb splitting the infinitive changes nothing
    got = stances(text)
    assert not any(actor in ("KAZ", "ARM", "GEO") for actor, _, _ in got)


def test_an_adverb_without_a_negator_is_still_a_position():
    got = stances("The West imposed sanctions on Russia. Estonia decided to openly support the sanctions.")
    assert ("EST", "SANCTIONS", "support") in got

