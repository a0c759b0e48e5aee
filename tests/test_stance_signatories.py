"""R11 in joint statements: the opening "We, the leaders of A, B, and C" of a joint statement whose
title names no signatory makes every listed state hold its "we"; no list, or no signatory role
("We, the deans of law schools across ..."), names none."""
import pytest

from tests.passages import stances


def test_the_opening_list_of_a_joint_statement_names_its_signatories():
    text = ("We, the leaders of France, Germany, Italy, the United Kingdom, Canada, and the United States "
            "condemn Russia’s war against Ukraine. We stand with the people of Ukraine.")
    got = stances(text, "Joint Statement on Further Economic Measures")
    for state in ("FRA", "DEU", "ITA", "GBR", "CAN", "USA"):
        assert (state, "RUSSIA_WAR", "oppose") in got
        assert (state, "UKRAINE", "support") in got


def test_a_closing_comma_ends_the_opening_list():
    text = "We, the leaders of Japan, the Republic of Korea, and the United States, stand with Ukraine."
    got = stances(text, "Joint Statement on the Summit")
    assert {("JPN", "UKRAINE", "support"), ("KOR", "UKRAINE", "support")} <= got


@pytest.mark.parametrize("text", [
    # no signatory role: the deans are not the states' voice
    "We, the deans of law schools across the United States and Canada, stand with Ukraine.",
    # a comma chain with no "and" is no list
    "We, the leaders of Japan, Canada, stand with Ukraine.",
])
def test_no_signatories_without_a_signatory_list(text):
    got = stances(text, "Joint Statement on the Summit")
    assert not {a for a, _, _ in got} & {"USA", "JPN"}
