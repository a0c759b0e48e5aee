"""The state of a person the dictionary lacks, from the office around the name: "Prime Minister X
of Greece" (AP style), "Kazakhstan's ambassador to the United States, X," (the sending state, not
the host), "the Ambassador of Ukraine to the United States, X,"; a US state's name is no country."""
import pytest

from helpers.pipeline.document import analyse_text


def people(text: str) -> set[tuple[str, str]]:
    rows = analyse_text("Envoys meet\n\n" + text)
    return {(m["actor_name"], m["country_iso3"]) for m in rows["mentions"] if m["kind"] == "person"}


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Nikos Andreou of Greece spoke on Monday.", ("Nikos Andreou", "GRC")),
    ("Kazakhstan’s ambassador to the United States, Yerlan Bekov, spoke on Monday.", ("Yerlan Bekov", "KAZ")),
    ("Kazakhstan’s ambassador to the U.N., Yerlan Bekov, spoke on Monday.", ("Yerlan Bekov", "KAZ")),
    ("The Ambassador of Ukraine to the United States, Olena Kovalenko, spoke on Monday.", ("Olena Kovalenko", "UKR")),
    ("The former U.S. Ambassador to the Czech Republic, Norman Ellis, spoke on Monday.", ("Norman Ellis", "USA")),
    ("The Minister of Foreign Affairs of Kyrgyzstan, Bakyt Osmonov, spoke on Monday.", ("Bakyt Osmonov", "KGZ")),
    # the host state is not the person's
    ("The ambassador to Kazakhstan, Norman Ellis, spoke on Monday.", ("Norman Ellis", "")),
    # "of Georgia" after a governor is the US state
    ("Governor Brian Walsh of Georgia spoke on Monday.", ("Brian Walsh", "")),
])
def test_the_state_of_a_found_person(text, expected):
    assert expected in people(text)
