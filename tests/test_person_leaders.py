"""Leaders named by title and surname only ("Prime Minister Trudeau", "President Sall", "Chancellor
Nehammer"): the dictionary gives the full name and the state (dev gold README: heads of state by their
full name; rules R11: a stance by an official also codes the state). A dictionary surname must not take
another person's name: the end of a double-barrelled surname ("Louise Araneta-Marcos"), a relative named
by given name ("Pierre Trudeau"), a common given name before another surname ("Abbas Kamel"); and the
given name with a title after a dictionary person's full name ("Sheikh Mohamed" after "Mohamed bin
Zayed") is no new person."""
import pytest

from helpers.pipeline.document import analyse_text


def people(text: str) -> set[tuple[str, str]]:
    rows = analyse_text("Leaders meet\n\n" + text)
    return {(m["actor_name"], m["country_iso3"]) for m in rows["mentions"] if m["kind"] == "person"}


def stance(text: str) -> set[tuple[str, str, str]]:
    rows = analyse_text("Leaders meet\n\n" + text)
    return {(s["actor_id"], s["label"], s["target"]) for s in rows["stance"]}


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Trudeau said Canada would send more aid.", ("Justin Trudeau", "CAN")),
    ("President Sall of Senegal arrived in Washington on Monday.", ("Macky Sall", "SEN")),
    ("Chancellor Nehammer met the President on Friday.", ("Karl Nehammer", "AUT")),
    ("The President spoke with Prime Minister Albanese by phone.", ("Anthony Albanese", "AUS")),
    ("King Abdullah II hosted the talks in Amman.", ("Abdullah II", "JOR")),
    ("Dr. Tedros warned that the pandemic was not over.", ("Tedros Adhanom Ghebreyesus", "")),
])
def test_title_and_surname_give_the_leader_and_state(text, expected):
    assert expected in people(text)


def test_the_leaders_stance_also_codes_the_state():
    found = stance("Prime Minister Trudeau condemned Russia's invasion of Ukraine.")
    assert ("TRUDEAU", "oppose", "RUSSIA_WAR") in found and ("CAN", "oppose", "RUSSIA_WAR") in found


@pytest.mark.parametrize("text, absent", [
    ("First Lady Louise Araneta-Marcos thanked the Vice President for the visit.", ("Ferdinand Marcos Jr.", "PHL")),
    ("Homeowner Tenisha Tate-Austin spoke about her experience.", ("Lloyd Austin", "USA")),
    ("Abbas Kamel, Egypt's intelligence chief, joined the talks in Cairo.", ("Mahmoud Abbas", "PSE")),
    ("State Representative Malcolm Kenyatta spoke. Kenyatta thanked the President.", ("Uhuru Kenyatta", "KEN")),
])
def test_a_leaders_surname_inside_another_name_is_not_the_leader(text, absent):
    assert absent not in people(text)


def test_a_pair_of_known_surnames_keeps_both():
    assert ("Kamala Harris", "USA") in people("The Biden-Harris Administration announced new funding today.")


def test_a_relative_named_in_full_keeps_the_name():
    found = people("Prime Minister Trudeau spoke today. He recalled the legacy of Pierre Trudeau.")
    assert ("Justin Trudeau", "CAN") in found and any(n == "Pierre Trudeau" for n, _ in found)


def test_a_titled_given_name_of_a_named_leader_is_no_new_person():
    found = people("President Mohamed bin Zayed Al Nahyan welcomed the delegation. "
                   "Sheikh Mohamed thanked the Vice President for the visit.")
    assert ("Mohamed bin Zayed Al Nahyan", "ARE") in found
    assert not any(n in ("Mohamed", "Mohammed") for n, _ in found)
