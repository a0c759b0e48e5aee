"""Conventions of English news and official writing about when a place name counts for a state, each on
short constructed passages: a capital naming a treaty or instrument signed there ("the Paris
Agreement"), a US town that shares a state's name ("Lebanon, Missouri"), link targets, all-capital
headings and combining forms ("Sino-Russian")."""
import pytest

from tests.passages import actor_ids, mentions


def state_counts(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in mentions(text):
        if m["kind"] == "state":
            out[m["actor_id"]] = out.get(m["actor_id"], 0) + 1
    return out


# ---------------------------------------------------------------- 1. a capital naming an instrument

@pytest.mark.parametrize("text, absent", [
    ("The Kigali Amendment will speed the phasedown of HFCs, and Chile has joined the Kigali Amendment.", "RWA"),
    ("Countries must meet their Paris Agreement targets under the Paris Climate Agreement.", "FRA"),
    ("The Minsk agreements were never implemented by the parties.", "BLR"),
    ("The Vienna Convention on Diplomatic Relations protects envoys.", "AUT"),
    ("Signatories of the Ottawa Convention ban anti-personnel mines.", "CAN"),
    ("The Oslo Accords set out a path to peace.", "NOR"),
])
def test_a_capital_naming_a_treaty_is_no_mention_of_its_state(text, absent):
    assert absent not in actor_ids(text)


@pytest.mark.parametrize("text, iso3", [
    ("Moscow’s agreement to the deal was welcomed.", "RUS"),  # a possessive: the government agreed
    ("Moscow agreed to the talks on Monday.", "RUS"),
    ("The leaders discussed the Washington-Moscow treaty on arms control.", "RUS"),  # the parties
    ("The Ukraine Association Agreement entered into force.", "UKR"),  # a state's own name still counts
    ("Talks on the Beijing agenda continued.", "CHN"),  # a lower-case "agenda" is the government's
])
def test_a_capital_or_state_beside_an_instrument_noun_still_counts(text, iso3):
    assert iso3 in actor_ids(text)
