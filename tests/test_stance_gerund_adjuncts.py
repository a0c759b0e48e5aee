"""R1: a sentence-opening "In/By/While + gerund" phrase takes its understood subject from the main
clause (English control of a fronted non-finite adjunct): "In condemning Russia's invasion, we
express ..." is the author's condemnation; the phrase's own object ("of Ukraine, Canada and Japan")
and a subject that is no actor ("the leaders of Canada") hold nothing."""
import pytest

from tests.passages import stances


def test_the_first_person_main_clause_holds_the_fronted_gerund():
    text = ("In condemning in the strongest terms Russia's invasion of Ukraine, we express our solidarity "
            "with the people of Ukraine.")
    assert ("USA", "RUSSIA_WAR", "oppose") in stances(text, "Statement from President Joe Biden")


@pytest.mark.parametrize("text, expected, wrong", [
    ("In condemning Russia's invasion of Ukraine, Canada and Japan stand together.",
     {("CAN", "RUSSIA_WAR", "oppose"), ("JPN", "RUSSIA_WAR", "oppose")}, ("UKR", "RUSSIA_WAR", "oppose")),
    ("By imposing sanctions on Russia, the United States and Japan have shown resolve.",
     {("USA", "SANCTIONS", "support"), ("JPN", "SANCTIONS", "support")}, ("RUS", "SANCTIONS", "support")),
    ("In strongly condemning the invasion of Ukraine, Poland said it stands with Kyiv.",
     {("POL", "RUSSIA_WAR", "oppose")}, ("UKR", "RUSSIA_WAR", "oppose")),
])
def test_the_main_clause_subject_and_its_list_hold_it(text, expected, wrong):
    got = stances(text)
    assert expected <= got and wrong not in got


@pytest.mark.parametrize("text", [
    "In condemning Russia's invasion, the leaders of Canada met.",
    "In condemning Russia's invasion, Canada's leaders met.",
])
def test_no_holder_when_no_actor_opens_the_main_clause(text):
    assert not [r for r in stances(text) if r[1] == "RUSSIA_WAR" and r[2] == "oppose"]
