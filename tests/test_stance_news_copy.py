"""Stance conventions of international-politics news copy (wire and newspaper style): a split
infinitive after a word of not doing ("has yet to publicly criticise") and the news verbs of
criticism ("slammed", "blasted", "lashed out at", "rebuffed"). Short constructed passages."""
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


@pytest.mark.parametrize("text, expected", [
    ("The West imposed sanctions on Russia. Kyrgyzstan slammed the sanctions as unfair.",
     {("KGZ", "SANCTIONS", "oppose")}),
    ("The West imposed sanctions on Russia. Belarus lashed out at the sanctions on Friday.",
     {("BLR", "SANCTIONS", "oppose")}),
    ("The West imposed sanctions on Russia. Iran blasted the sanctions.",
     {("IRN", "SANCTIONS", "oppose")}),
    ("China released its position paper on Ukraine. Poland rebuffed China's peace plan.",
     {("POL", "CHINA_PEACE_PLAN", "oppose"), ("CHN", "CHINA_PEACE_PLAN", "support")}),
    ("The West imposed sanctions on Russia. Venezuela decried the sanctions.",
     {("VEN", "SANCTIONS", "oppose")}),
])
def test_news_verbs_of_criticism_oppose_their_object(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize("text", [
    "Ukrainian drones slammed into a Russian oil depot.",
    "The West imposed sanctions on Russia. Ukraine has not slammed the sanctions.",
])
def test_the_physical_sense_or_a_negation_gives_no_criticism(text):
    assert not any(label == "oppose" and actor == "UKR" for actor, _, label in stances(text))


@pytest.mark.parametrize("text, expected", [
    ("The General Assembly adopted a resolution on Ukraine. It was opposed by Russia, Belarus and Mali.",
     {("RUS", "UN_RESOLUTION", "oppose"), ("BLR", "UN_RESOLUTION", "oppose"), ("MLI", "UN_RESOLUTION", "oppose")}),
    ("The annexation of four Ukrainian regions was announced in Moscow. It was condemned by Uzbekistan.",
     {("UZB", "ANNEXATION", "oppose")}),
    ("China released its position paper on Ukraine, and it has been welcomed by Belarus.",
     {("BLR", "CHINA_PEACE_PLAN", "support")}),
])
def test_it_as_subject_of_a_passive_stands_for_the_target_before(text, expected):
    # R17 (anaphora) with R1 (the by-agent of a passive holds): "It was opposed by X"
    assert expected <= stances(text)


@pytest.mark.parametrize("text", [
    "The General Assembly adopted a resolution on Ukraine. Belarus said that it was condemned by Poland.",
    "The General Assembly adopted a resolution on Ukraine. It was a bad week for Russia, said Poland.",
])
def test_it_after_a_reporting_verb_or_as_a_dummy_subject_is_no_target(text):
    assert not any(actor == "POL" for actor, _, _ in stances(text))


@pytest.mark.parametrize("text", [
    "Russia sent tanks into Ukraine.",
    "Belarus sent weapons to Russia for use in Ukraine.",
    "Iran supplied drones to Moscow to strike Ukraine.",
])
def test_arms_sent_into_ukraine_or_to_another_state_are_no_aid_to_ukraine(text):
    # R13: sending arms or aid supports its recipient, the object of "to"; "into Ukraine" is an invasion
    assert not any(target == "UKRAINE" and label == "support" for _, target, label in stances(text))


@pytest.mark.parametrize("text, expected", [
    ("Poland sent tanks to Ukraine.", ("POL", "UKRAINE", "support")),
    ("Germany sent weapons to Ukraine via Poland.", ("DEU", "UKRAINE", "support")),
    ("Britain sent Challenger tanks to the Ukrainian army.", ("GBR", "UKRAINE", "support")),
    ("Japan is delivering aid to Moldova and Ukraine.", ("JPN", "UKRAINE", "support")),
])
def test_aid_to_ukraine_keeps_its_row(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize("text", [
    "Critics accused Tokayev of backing the Kremlin.",
    "Ukraine accused Belarus of supporting Russia's war.",
    "Kyiv accused Minsk of backing the invasion.",
    "Moscow accused Kazakhstan of deporting Russians who fled the draft.",
])
def test_an_accusation_ascribes_the_stance_to_no_one(text):
    # R10: a stance the accuser ascribes to X ("accused X of backing ...") is neither X's nor the
    # accuser's; only the accusation itself (oppose X, where X is a target) is coded
    got = stances(text)
    assert not any(target in ("RUSSIA", "RUSSIA_WAR", "MOBILIZED_RUSSIANS") and label != "oppose" and actor != "RUS"
                   for actor, target, label in got)


def test_an_accusation_of_waging_the_war_still_names_its_agent():
    # R12: the Russian agent of the war is coded in any form, an accusation included
    got = stances("Kyiv accused Moscow of waging a war of conquest.")
    assert ("RUS", "RUSSIA_WAR", "support") in got and ("UKR", "RUSSIA", "oppose") in got


@pytest.mark.parametrize("text", [
    "Hungary's opposition to the plan has frustrated Washington.",
    "Turkey's support for the deal surprised Moscow.",
    "Kazakhstan's criticism of the decision angered Beijing.",
])
def test_a_stance_noun_as_subject_takes_no_target_from_the_predicate(text):
    # the noun's object is its complement ("opposition to the plan"); the state after the sentence's
    # verb ("has frustrated Washington") is that verb's object, not the target of the stance
    assert not any(target in ("USA", "RUSSIA", "CHINA") for _, target, _ in stances(text))


@pytest.mark.parametrize("text, expected", [
    ("Hungary's opposition to the sanctions on Russia has frustrated Kyiv.", ("HUN", "SANCTIONS", "oppose")),
    ("Japan reaffirmed its support for the continued independence of Kazakhstan.",
     ("JPN", "CENTRAL_ASIA_SOVEREIGNTY", "support")),
    ("Poland expressed support for Ukraine.", ("POL", "UKRAINE", "support")),
])
def test_the_complement_of_a_stance_noun_is_still_its_target(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize("text", [
    "Poland urged the European Union to impose new sanctions on Russia.",
    "Poland called on the EU to impose new sanctions on Russia.",
    "Poland pressed Brussels to impose sanctions on Russia.",
])
def test_urging_another_to_impose_sanctions_upholds_them_without_sanctioning(text):
    # R10 (S020): urging is the urger's stance on the urged act's target; R5/R14: only imposing
    # sanctions opposes RUSSIA, upholding or urging them does not
    got = stances(text)
    assert ("POL", "SANCTIONS", "support") in got and ("POL", "RUSSIA", "oppose") not in got


def test_an_own_decision_to_impose_sanctions_still_opposes_russia():
    got = stances("Poland decided to impose new sanctions on Russia.")
    assert {("POL", "SANCTIONS", "support"), ("POL", "RUSSIA", "oppose")} <= got


@pytest.mark.parametrize("text", [
    "Hungary opposed the deal and angered Kyiv.",
    "Hungary criticised the plan and then visited Beijing.",
])
def test_a_state_after_a_second_coordinated_verb_is_not_the_cues_object(text):
    assert not any(target in ("UKRAINE", "CHINA") for _, target, _ in stances(text))


def test_a_coordinated_cue_verb_still_gives_its_own_row():
    got = stances("Russia annexed four regions. Lithuania condemned the annexation and expressed solidarity with "
                  "Ukraine.")
    assert {("LTU", "ANNEXATION", "oppose"), ("LTU", "UKRAINE", "support")} <= got


# Review mends: constructed passages of the news conventions the first versions got wrong

def test_a_passive_it_after_a_sentence_whose_subject_is_a_state_is_not_the_resolution():
    got = stances("Russia vetoed the draft resolution on Friday. It was condemned by the United States and Britain.")
    assert not any(t == "UN_RESOLUTION" and a in ("USA", "GBR") for a, t, _ in got)
    got = stances("Kazakhstan abstained on the UN resolution. It was praised by Moscow for its neutrality.")
    assert ("RUS", "UN_RESOLUTION", "support") not in got


def test_an_article_before_a_vote_noun_is_no_tally():
    got = stances("The General Assembly voted on the resolution on Thursday. Kazakhstan cast an abstention.")
    assert ("KAZ", "UN_RESOLUTION", "neutral") in got


def test_both_countries_after_another_pair_of_states_named_through_people_is_no_one():
    got = stances("The United States and Britain imposed new sanctions on Russia on Monday. Putin met Xi Jinping in "
                "Moscow on Tuesday. The two countries condemned the sanctions.")
    assert not any(label == "oppose" and t == "SANCTIONS" for _, t, label in got)
    got = stances("Trade between Kazakhstan and Russia rose last year. Both countries condemned the sanctions.")
    assert not any(t == "SANCTIONS" for _, t, _ in got)


def test_a_participle_after_a_noun_is_no_main_verb():
    got = stances("Kazakhstan expressed support for civilians affected by the fighting in Ukraine.")
    assert ("KAZ", "UKRAINE", "support") in got


def test_pressing_ahead_with_ones_own_plans_is_no_urging():
    got = stances("The EU pressed ahead with plans to impose sanctions on Russia.")
    assert ("EU", "RUSSIA", "oppose") in got


def test_the_targets_own_to_makes_it_the_recipient():
    assert ("GBR", "UKRAINE", "support") in stances("Britain sent troops to Estonia and weapons to Ukraine.")
