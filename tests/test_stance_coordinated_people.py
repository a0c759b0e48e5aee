"""Holders named as people with their titles, by general conventions of readouts and joint statements
(golden rules R2 and R7: every member of a coordinated subject holds the position, and a person in
office also gives the state). Short constructed passages."""
from tests.passages import white_house_stance as wh

TITLE = "Readout of President Biden's Meeting"


def test_two_titled_leaders_coordinated_both_hold(tmp_path):
    got = wh(tmp_path, TITLE, "President Biden and Prime Minister Mark Rutte condemned Russia's war against Ukraine.")
    assert {("BIDEN", "RUSSIA_WAR", "oppose"), ("USA", "RUSSIA_WAR", "oppose"), ("RUTTE", "RUSSIA_WAR", "oppose")} <= got


def test_a_leader_named_with_of_and_the_state_both_hold(tmp_path):
    # "Prime Minister X of Spain": the person holds, and the state through the person; "Spain" after
    # "of" is no subject of its own
    got = wh(tmp_path, TITLE, "Prime Minister Pedro Alvarado of Spain condemned Russia's war against Ukraine.")
    assert {("ALVARADO", "RUSSIA_WAR", "oppose"), ("ESP", "RUSSIA_WAR", "oppose")} <= got


def test_a_leader_of_a_state_coordinated_before_the_president(tmp_path):
    got = wh(tmp_path, TITLE,
             "Prime Minister Pedro Alvarado of Spain and President Biden condemned Russia's war against Ukraine.")
    assert {("ALVARADO", "RUSSIA_WAR", "oppose"), ("ESP", "RUSSIA_WAR", "oppose"),
            ("BIDEN", "RUSSIA_WAR", "oppose"), ("USA", "RUSSIA_WAR", "oppose")} <= got


def test_coordinated_leaders_share_their_possessive_noun_cue(tmp_path):
    got = wh(tmp_path, TITLE, "President Alvarado and President Biden reaffirmed their support for Ukraine.")
    assert {("ALVARADO", "UKRAINE", "support"), ("BIDEN", "UKRAINE", "support")} <= got


def test_an_office_of_a_state_without_a_name_is_the_state(tmp_path):
    # the "of" of a title ("the Prime Minister of Pakistan") is no preposition governing the state
    got = wh(tmp_path, TITLE, "The Prime Minister of Pakistan condemned Russia's war against Ukraine.")
    assert ("PAK", "RUSSIA_WAR", "oppose") in got


def test_a_possessive_pronoun_is_not_coordinated_with_a_listed_noun_phrase(tmp_path):
    # "the challenges posed by China, and our continued support": a list of topics, China holds nothing
    got = wh(tmp_path, TITLE, "They discussed a range of global issues, including the challenges posed by "
                              "the People's Republic of China, and our continued support for Ukraine.")
    assert not any(actor == "CHN" for actor, _, _ in got)
