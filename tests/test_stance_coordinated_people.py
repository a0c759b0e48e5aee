"""Holders named as people with their titles, by general conventions of readouts and joint statements
(golden rules R2 and R7: every member of a coordinated subject holds the position, and a person in
office also gives the state). Short constructed passages."""
from helpers.analyse.stance import _economy_of, load_codebook
from helpers.extract import grammar
from helpers.extract.actors import tokenize
from helpers.model.types import Actor, Mention
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


# ---------------------------------------------------------------- premodifiers and the economy

def test_coordinated_premodifiers_judge_their_own_noun(tmp_path):
    # "illegal, unreported, and unregulated fishing": the adjectives judge the fishing, not the partners
    got = wh(tmp_path, "Fact Sheet: Partnership",
             "ASEAN and the United States are partnering to counter illegal, unreported, and unregulated fishing.")
    assert not any(target == "USA" for _, target, _ in got)


def test_the_agent_of_a_war_noun_after_coordinated_adjectives(tmp_path):
    # R12: "Russia's unprovoked and unjustified invasion" describes Russia waging the war
    got = wh(tmp_path, "Fact Sheet: Partnership",
             "The leaders discussed Russia's unprovoked and unjustified invasion of Ukraine.")
    assert ("RUS", "RUSSIA_WAR", "support") in got


def test_a_demonym_before_an_economy_noun_is_no_state_target(tmp_path):
    # "will support one million American jobs": the economic sense of "support" (to sustain)
    got = wh(tmp_path, "Fact Sheet: Investments",
             "India's agreement to acquire 200 American-made aircraft will support more than one million American jobs.")
    assert ("IND", "USA", "support") not in got


def test_a_states_own_economy_with_a_possessive_stays_the_state(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Support for Ukraine",
             "The United States will continue to support Ukraine's economy.")
    assert ("USA", "UKRAINE", "support") in got


# ---------------------------------------------------------------- the parties of a readout (R11)

READOUT = "Readout of National Security Advisor Jake Sullivan's Meeting with Foreign Minister Anna Lindqvist of Sweden"


def test_a_plural_description_of_the_parties_names_them(tmp_path):
    got = wh(tmp_path, READOUT, "National Security Advisor Jake Sullivan met today with Foreign Minister Anna "
                                "Lindqvist of Sweden. The two officials condemned Russia's ongoing aggression against Ukraine.")
    assert {("SULLIVAN", "RUSSIA_WAR", "oppose"), ("USA", "RUSSIA_WAR", "oppose"),
            ("LINDQVIST", "RUSSIA_WAR", "oppose"), ("SWE", "RUSSIA_WAR", "oppose")} <= got


def test_our_under_the_parties_verb_is_their_joint_voice(tmp_path):
    got = wh(tmp_path, READOUT, "National Security Advisor Jake Sullivan met today with Foreign Minister Anna "
                                "Lindqvist of Sweden. The leaders underscored our unwavering support for Ukraine.")
    assert {("SULLIVAN", "UKRAINE", "support"), ("LINDQVIST", "UKRAINE", "support"), ("SWE", "UKRAINE", "support")} <= got


def test_a_closing_list_of_those_joining_names_parties(tmp_path):
    got = wh(tmp_path, "Readout of President Biden's Call with Allies and Partners",
             "President Biden convened a call with Allies and partners today. The leaders affirmed their support "
             "for Ukraine. Joining President Biden on the call were President Emmanuel Macron of France and "
             "Prime Minister Fumio Kishida of Japan.")
    assert {("MACRON", "UKRAINE", "support"), ("KISHIDA", "UKRAINE", "support")} <= got


def test_the_possessor_of_a_thing_discussed_is_no_party(tmp_path):
    got = wh(tmp_path, READOUT, "National Security Advisor Jake Sullivan met today with Foreign Minister Anna "
                                "Lindqvist of Sweden and expressed support for Prime Minister Fumio Kishida's visit "
                                "to Kyiv. The two officials reiterated their support for Ukraine.")
    assert ("LINDQVIST", "UKRAINE", "support") in got
    assert ("KISHIDA", "UKRAINE", "support") not in got


def test_its_after_the_object_of_a_preposition_gives_no_holder(tmp_path):
    # "assistance to Ukraine and its support for sanctions": "its" is Spain's, named earlier; Ukraine,
    # the object of "to", holds nothing
    got = wh(tmp_path, TITLE, "President Biden expressed appreciation for Spain's close cooperation, including its "
                              "provision of humanitarian assistance to Ukraine and its support for strong sanctions on Russia.")
    assert ("UKR", "SANCTIONS", "support") not in got


def test_its_after_the_thanked_state_is_that_state(tmp_path):
    got = wh(tmp_path, TITLE, "President Biden thanked Spain for its support for strong sanctions on Russia.")
    assert ("ESP", "SANCTIONS", "support") in got



def test_a_participle_of_making_counts_only_hyphened_to_the_demonym():
    conv = load_codebook().conv
    usa = Actor("USA", "United States", "state", "USA")

    def demonym_before(words):
        return _economy_of(Mention(1, 0, len(words[0]), words[0], usa, "demonym", 0, 1), words, conv)

    assert demonym_before(["American", "-", "made", "aircraft"])  # "American-made aircraft"
    assert demonym_before(["American", "jobs"])
    assert not demonym_before(["Americans", "made", "clear", "their", "support"])  # a verb, no hyphen
    assert not demonym_before(["American", "people"])


# ---------------------------------------------------------------- R2: an official introduced by an appositive

def test_an_office_of_a_state_after_the_name_places_the_official(tmp_path):
    got = wh(tmp_path, READOUT, "National Security Advisor Jake Sullivan spoke today with Akiba Takeo, Secretary "
                                "General of Japan's National Security Secretariat. They reaffirmed their support for Ukraine.")
    assert {("TAKEO", "UKRAINE", "support"), ("JPN", "UKRAINE", "support")} <= got


def test_an_appositive_office_after_an_honorific_and_name(tmp_path):
    got = wh(tmp_path, READOUT, "National Security Advisor Jake Sullivan spoke today with Dr. Eyal Hulata, Israel's "
                                "National Security Advisor. They reaffirmed their support for Ukraine.")
    assert ("ISR", "UKRAINE", "support") in got


def test_a_list_after_a_comma_is_no_appositive_office(tmp_path):
    # "President X, and President of the United States, Joe Biden": a list of two, X is not American
    got = wh(tmp_path, READOUT, "Welcome, President Aino Virtanen, and President of the United States, Joe Biden. "
                                "President Virtanen condemned Russia's war against Ukraine.")
    assert ("VIRTANEN", "RUSSIA_WAR", "oppose") in got
    assert ("USA", "RUSSIA_WAR", "oppose") not in got


def test_a_body_before_an_office_title_stays_in_the_list():
    """"Prime Minister X and NATO Secretary General Y": the body of Y's office does not end the list."""
    text = "an agreement with Prime Minister Anna Berg and NATO Secretary General Jens Stoltenberg"
    toks = tokenize(text)
    words = [t for t, _, _ in toks]
    def men(first, last, aid, kind):
        return Mention(0, toks[first][1], toks[last - 1][2], " ".join(words[first:last]),
                       Actor(aid, aid, kind, ""), "name", first, last)
    berg = men(5, 7, "BERG", "person")
    nato = men(8, 9, "NATO", "organization")
    jens = men(11, 13, "STOLTENBERG", "person")
    ms = [berg, nato, jens]
    assert grammar.coordinated(berg, toks, ms) == [berg, jens]
    assert grammar.coordinated(jens, toks, ms) == [berg, jens]


def test_people_listed_with_appositives_all_hold(tmp_path):
    # R7 with news-style appositives: "X, the Spanish prime minister, and Y, Portugal's foreign minister,"
    # is a list of two people, not X alone with a comma clause
    got = wh(tmp_path, TITLE, "Pedro Alvarado, the Spanish prime minister, and Ana Ferreira, Portugal’s foreign "
                              "minister, condemned Russia’s war against Ukraine.")
    assert {("ALVARADO", "RUSSIA_WAR", "oppose"), ("FERREIRA", "RUSSIA_WAR", "oppose")} <= got


def test_an_appositive_is_skipped_leftwards_too(tmp_path):
    got = wh(tmp_path, TITLE, "Ana Ferreira, Portugal’s foreign minister, and President Biden condemned "
                              "Russia’s war against Ukraine.")
    assert {("FERREIRA", "RUSSIA_WAR", "oppose"), ("BIDEN", "RUSSIA_WAR", "oppose")} <= got

