"""Numeric facts: vote tallies, per-state vote positions, counts, amounts, vague quantities,
durations and dates (helpers.extract.facts), with hand-built actor mentions."""
from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from helpers.evaluate import scores as V
from helpers.evaluate.targets import target
from helpers.extract import facts
from helpers.extract.facts import votes as facts_votes
from helpers.ingest.parse import parse_document
from helpers.model.types import Actor, Mention
from helpers.model.resources import load_yaml
from tests.conftest import GOLD, SEEDS, read_gold

SEED_000 = SEEDS / "000_53b24e973d7c44a3.txt"
CENTRAL_ASIA_MEMBERS = {"CENTRAL_ASIA": frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"})}

S10 = ("However, all five Central Asian republics, along with India, which Blinken will visit next, abstained "
       "in a vote to condemn the invasion last week at the U.N. General Assembly on the first anniversary of the war.")
S18 = ("Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan were among just 32 countries that abstained from voting "
       "on the resolution that passed with 141 countries voting in favor and seven countries — including China, "
       "Belarus, and Russia — voting against.")
S19 = "Turkmenistan, recognized as a neutral country, did not vote at all."


def mention(text: str, surface: str, actor_id: str, kind: str, nth: int = 0) -> dict:
    """A hand-built mention with sentence offsets (the nth occurrence of surface)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "surface": surface, "actor_id": actor_id,
            "kind": kind, "country_iso3": actor_id if kind == "state" else ""}


def states(text: str, **surfaces: str) -> list[dict]:
    return [mention(text, surface, actor_id, "state") for actor_id, surface in surfaces.items()]


def spans(text: str) -> set[tuple[str, str, str]]:
    return {(f.predicate, f.value, f.unit) for f in facts.extract_spans(text)}


@pytest.fixture
def members(monkeypatch):
    """Group membership as the actor dictionary would give it (kept independent of actors.csv)."""
    monkeypatch.setattr(facts_votes, "group_members", lambda: CENTRAL_ASIA_MEMBERS)
    return CENTRAL_ASIA_MEMBERS


# --------------------------------------------------------------------------------------
# vocabulary and numbers


def test_vocabulary_loads_without_yaml_booleans():
    vocab = load_yaml("facts.yaml")

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                assert isinstance(k, str), k
                walk(v)
        elif isinstance(x, list):
            for item in x:
                assert not isinstance(item, bool), "unquoted on/off/yes/no in facts.yaml"
                walk(item)

    walk(vocab)
    assert vocab["vague_quantities"]["tens of thousands"] == "10000-99999"


@pytest.mark.parametrize("text, value", [
    ("seven", 7), ("141", 141), ("1,500", 1500), ("1.5 billion", 1_500_000_000), ("$2bn", 2_000_000_000),
    ("one hundred and forty-one", 141), ("twenty-five", 25), ("a dozen", 12), ("two dozen", 24),
    ("three million", 3_000_000), ("2.5", 2.5), ("Seven", 7),
])
def test_parse_number(text, value):
    assert facts.parse_number(text) == value


@pytest.mark.parametrize("text", ["banana", "", "seven bananas", "1.5 bananas"])
def test_parse_number_rejects_non_numbers(text):
    assert facts.parse_number(text) is None


# --------------------------------------------------------------------------------------
# vote tallies


def test_seed_tally_sentence_gives_the_three_counts_with_units():
    tallies = {(t.position, t.value, t.unit) for t in facts.find_vote_tallies(S18)}
    assert tallies == {("abstained", 32, "countries"), ("in_favor", 141, "countries"),
                       ("against", 7, "countries")}


@pytest.mark.parametrize("text, expected", [
    ("The resolution passed 143-5-35.", {("in_favor", 143), ("against", 5), ("abstained", 35)}),
    ("The General Assembly adopted it by a vote of 99 to 12, with 54 abstentions.",
     {("in_favor", 99), ("against", 12), ("abstained", 54)}),
    ("The text was adopted with 143 in favor, 5 against and 35 abstentions.",
     {("in_favor", 143), ("against", 5), ("abstained", 35)}),
    ("The vote was 141 in favour to 7 against, with 32 abstaining.",
     {("in_favor", 141), ("against", 7), ("abstained", 32)}),
    ("The Senate voted 52 to 48 to confirm her.", {("in_favor", 52), ("against", 48)}),
    ("The resolution was backed by 100 countries.", {("in_favor", 100)}),
    ("In the 193-member assembly, 12 countries did not vote.", {("did_not_vote", 12)}),
    ("The council voted 11-0, with four abstentions.", {("in_favor", 11), ("against", 0), ("abstained", 4)}),
    ("Only one country voted against, while 141 voted in favour.", {("against", 1), ("in_favor", 141)}),
])
def test_general_tally_phrasings(text, expected):
    assert {(t.position, t.value) for t in facts.find_vote_tallies(text)} == expected


def test_units_follow_the_text():
    units = {t.position: t.unit for t in facts.find_vote_tallies("The resolution passed 143-5-35.")}
    assert set(units.values()) == {"votes"}
    units = {t.position: t.unit for t in facts.find_vote_tallies("Only one country voted against, "
                                                                  "while 141 voted in favour.")}
    assert units == {"against": "country", "in_favor": "countries"}
    units = {t.unit for t in facts.find_vote_tallies("The motion passed with 300 MPs in favour.")}
    assert units == {"MPs"}


@pytest.mark.parametrize("text", [
    "Ukraine's war against Russia entered its second year, and 2,000 troops were sent.",
    "The final score was 3-1 after extra time.",
    "He called for a diplomatic resolution of the conflict three times.",
    "Two days after the vote, the ministry described the plan as worthy of support.",
])
def test_no_tally_without_a_counted_vote(text):
    assert facts.find_vote_tallies(text) == []


def test_extract_sentence_names_the_resolution_subject():
    found = facts.extract_sentence("The resolution passed 12-2-1.", vote_subject_id="UNSC_RESOLUTION")
    assert ("UNSC_RESOLUTION", "votes_in_favor", "12", "votes") in {f[:4] for f in found}
    assert not [f for f in found if f.predicate == "count"]  # the tally's numbers are not counts too


@pytest.mark.parametrize("text, mentions, expected", [
    ("A vote at the United Nations condemned the war.", [], "UN_RESOLUTION"),
    ("The U.N. General Assembly voted on Thursday.", [], "UN_RESOLUTION"),
    ("Russia vetoed the draft at the Security Council.", [], "UNSC_RESOLUTION"),
    ("The assembly voted again.", [{"actor_id": "UNGA"}], "UN_RESOLUTION"),
    ("The Senate voted again.", [], None),
])
def test_vote_subject(text, mentions, expected):
    assert facts.vote_subject(text, mentions) == expected


# --------------------------------------------------------------------------------------
# per-state positions and group counts


def test_seed_named_states_take_their_groups(members):
    mentions = states(S18, KAZ="Kazakhstan", KGZ="Kyrgyzstan", TJK="Tajikistan", UZB="Uzbekistan",
                      CHN="China", BLR="Belarus", RUS="Russia")
    found = facts.extract_sentence(S18, mentions, "UN_RESOLUTION", doc_actor_ids={"CENTRAL_ASIA"})
    got = {f[:4] for f in found}
    for state in ("KAZ", "KGZ", "TJK", "UZB"):
        assert (state, "vote_on_UN_RESOLUTION", "abstained", "") in got
    for state in ("CHN", "BLR", "RUS"):
        assert (state, "vote_on_UN_RESOLUTION", "against", "") in got
    assert ("CENTRAL_ASIA", "abstained_count", "4", "countries") in got  # the four named abstainers
    assert ("UN_RESOLUTION", "votes_in_favor", "141", "countries") in got
    assert ("UN_RESOLUTION", "votes_against", "7", "countries") in got
    assert ("UN_RESOLUTION", "abstentions", "32", "countries") in got


def test_named_states_without_a_known_group_are_counted_on_the_resolution():
    mentions = states(S18, KAZ="Kazakhstan", KGZ="Kyrgyzstan", TJK="Tajikistan", UZB="Uzbekistan")
    found = facts.extract_sentence(S18, mentions, "UN_RESOLUTION", members={})
    assert ("UN_RESOLUTION", "named_abstained_count", "4", "countries") in {f[:4] for f in found}


def test_seed_turkmenistan_did_not_vote():
    found = facts.extract_sentence(S19, states(S19, TKM="Turkmenistan"), "UN_RESOLUTION")
    assert [f[:4] for f in found] == [("TKM", "vote_on_UN_RESOLUTION", "did not vote", "")]


def test_seed_all_five_is_a_group_count():
    mentions = [mention(S10, "Central Asian republics", "CENTRAL_ASIA", "group"),
                mention(S10, "India", "IND", "state"), mention(S10, "Blinken", "BLINKEN", "person"),
                mention(S10, "U.N. General Assembly", "UNGA", "organization"),
                mention(S10, "U.N.", "UN", "organization")]
    found = facts.extract_sentence(S10, mentions, "UN_RESOLUTION")
    got = {f[:4] for f in found}
    assert ("CENTRAL_ASIA", "abstained_count", "5", "republics") in got
    assert ("CENTRAL_ASIA", "vote_on_UN_RESOLUTION", "abstained", "") in got
    assert ("IND", "vote_on_UN_RESOLUTION", "abstained", "") in got
    assert not [f for f in found if f.subject in ("UN", "UNGA", "BLINKEN") and f.predicate.startswith("vote_on")]
    assert not [f for f in found if f.predicate == "count"]  # "five" is read once, as the group count


def test_positions_in_general_phrasings():
    text = "China, India and Brazil abstained, while the United States voted in favor."
    mentions = states(text, CHN="China", IND="India", BRA="Brazil", USA="United States")
    got = {(p.actor_id, p.position) for p in facts.find_vote_positions(text, mentions)}
    assert got == {("CHN", "abstained"), ("IND", "abstained"), ("BRA", "abstained"), ("USA", "in_favor")}

    text = "The resolution passed with 141 countries voting in favour, including France and Germany."
    got = {(p.actor_id, p.position) for p in facts.find_vote_positions(
        text, states(text, FRA="France", DEU="Germany"))}
    assert got == {("FRA", "in_favor"), ("DEU", "in_favor")}

    text = "Russia vetoed the draft, which Britain and France had drafted."
    got = {(p.actor_id, p.position) for p in facts.find_vote_positions(
        text, states(text, RUS="Russia", GBR="Britain", FRA="France"))}
    assert got == {("RUS", "against")}


def test_names_that_are_not_voters_are_left_out():
    text = "At the UN, where Russia lobbied hard, 32 countries abstained."
    assert facts.find_vote_positions(text, states(text, RUS="Russia")) == []
    text = "The resolution, which demanded that Russia withdraw, passed with 141 countries voting in favor."
    assert facts.find_vote_positions(text, states(text, RUS="Russia")) == []
    text = "Representative Norman, whose district builds batteries for the United States, said he voted against it."
    assert facts.find_vote_positions(text, states(text, USA="United States")) == []
    text = "Ukraine's war against Russia was the subject of the vote."
    assert facts.find_vote_positions(text, states(text, UKR="Ukraine", RUS="Russia")) == []


# --------------------------------------------------------------------------------------
# counts, ordinals, money, vague quantities


@pytest.mark.parametrize("text, expected", [
    ("Seven countries signed it.", ("count", "7", "countries")),
    ("He spoke with Zelenskyy three times since then.", ("count", "3", "times")),
    ("None of the five former Soviet republics backed it.", ("count", "5", "republics")),
    ("Some 40,000 people were displaced.", ("count", "40000", "people")),
    ("They sent 2,000 troops.", ("count", "2000", "troops")),
    ("A 193-member assembly met.", ("count", "193", "member")),
    ("It marks his first trip to Central Asia.", ("ordinal", "1", "trip")),
    ("It was the 75th anniversary of the state.", ("ordinal", "75", "anniversary")),
    ("It has the second-biggest ethnic Russian population among ex-Soviet republics.",
     ("rank", "2", "biggest population")),
    ("They share the world’s longest continuous land border.", ("rank", "1", "longest border")),
    ("The deal is worth $1.5 billion.", ("amount", "1500000000", "USD")),
    ("Officials said 500 million euros would be released.", ("amount", "500000000", "EUR")),
    ("It received billions of dollars in US weapons.", ("amount", "1000000000-999999999999", "USD")),
    ("Growth was 3.5 percent last quarter.", ("percentage", "3.5", "percent")),
    ("Kazakhstan welcomed tens of thousands of Russians fleeing the call-up.",
     ("approx_count", "10000-99999", "Russians")),
    ("Hundreds of protesters gathered.", ("approx_count", "100-999", "protesters")),
    ("Dozens of people were arrested.", ("approx_count", "24-99", "people")),
])
def test_quantities(text, expected):
    assert expected in spans(text)


@pytest.mark.parametrize("text", [
    "The Group of 20 met in New Delhi.",
    "The C5+1 format brings them together.",
    "COVID-19 slowed travel.",
    "The First Deputy Prime Minister spoke.",
    "One of the officials said so.",
    "It was the first time they met.",
])
def test_not_quantities(text):
    assert not [f for f in facts.find_quantities(text) if f.predicate in ("count", "ordinal")]


# --------------------------------------------------------------------------------------
# durations and dates


@pytest.mark.parametrize("text, expected", [
    ("The U.S. fought a 20-year conflict in Afghanistan.", ("duration", "20", "years")),
    ("The U.S. has for decades sought to wean them from Moscow.", ("duration", "20-99", "years")),
    ("It came days after the one-year anniversary of the war.", ("duration", "1", "years")),
    ("He called in forces a month before the invasion.", ("duration", "1", "months")),
    ("Two days after the vote, the ministry spoke.", ("duration", "2", "days")),
    ("A 71-year-old leader spoke.", ("age", "71", "years")),
    ("She followed a three-day visit to Beijing.", ("duration", "3", "days")),
    ("He stayed in Astana for a month.", ("duration", "1", "months")),
])
def test_durations(text, expected):
    assert expected in spans(text)


@pytest.mark.parametrize("text, predicate, value", [
    ("A vote on the February 24 anniversary of the invasion.", "date", "February 24"),
    ("The 24 February 2022 invasion began at dawn.", "date", "24 February 2022"),
    ("The talks, held on May 9, 2022, went well.", "date", "May 9, 2022"),
    ("Funds will be released in March 2023.", "date", "March 2023"),
    ("Kazakhstan won independence from Moscow in 1991.", "year", "1991"),
    ("Prices rose in mid-2022.", "year", "mid-2022"),
    ("It was the first time since the 1990s.", "year", "1990s"),
    ("Tokayev met Putin in November.", "month", "November"),
    ("Talks may resume in May.", "month", "May"),
    ("Blinken visited Kazakhstan on Tuesday.", "weekday", "Tuesday"),
    ("The State Department announced Thursday that he will travel.", "weekday", "Thursday"),
    ("Russians fled the call-up last fall.", "relative_date", "last fall"),
    ("Russian troops rolled into Ukraine last February.", "relative_date", "last February"),
    ("Macron welcomed them to Paris late last year.", "relative_date", "late last year"),
    ("He visits Tashkent later this week.", "relative_date", "later this week"),
    ("Blinken will visit next week.", "relative_date", "next week"),
    ("They abstained in a vote last week.", "relative_date", "last week"),
    ("Last year, Uzbekistan experienced unrest.", "relative_date", "Last year"),
    ("It comes just days after the anniversary.", "relative_date", "just days after"),
    ("Two days after the vote, the ministry spoke.", "relative_date", "Two days after"),
    ("He called in forces a month before the invasion.", "relative_date", "a month before"),
    ("The two leaders met three years ago.", "relative_date", "three years ago"),
])
def test_dates_are_kept_as_written(text, predicate, value):
    assert (predicate, value) in {(f.predicate, f.value) for f in facts.find_dates(text)}


@pytest.mark.parametrize("text", [
    "Talks may resume soon.",
    "They will march on the capital.",
    "They sent 2000 troops.",
])
def test_not_dates(text):
    assert facts.find_dates(text) == []


# --------------------------------------------------------------------------------------
# subjects


def test_subject_is_the_head_of_the_clause_subject():
    text = ("Kazakh President Kassym-Jomart Tokayev spoke on the phone with Ukrainian President Volodymyr "
            "Zelenskyy three times since Russian troops rolled into Ukraine last February.")
    mentions = [mention(text, "Kazakh", "KAZ", "state"), mention(text, "Kassym-Jomart Tokayev", "TOKAYEV", "person"),
                mention(text, "Ukrainian", "UKR", "state"), mention(text, "Volodymyr Zelenskyy", "ZELENSKYY", "person"),
                mention(text, "Russian", "RUS", "state"), mention(text, "Ukraine", "UKR", "state")]
    got = {(f.predicate, f.value): f.subject for f in facts.extract_sentence(text, mentions)}
    assert got[("count", "3")] == "TOKAYEV"
    assert got[("relative_date", "last February")] == "RUS"  # the "since ..." clause


def test_subject_of_a_relative_clause_and_a_possessive():
    text = "Washington supports the sovereignty of Kazakhstan, which won independence from Moscow in 1991."
    mentions = [mention(text, "Washington", "USA", "state"), mention(text, "Kazakhstan", "KAZ", "state"),
                mention(text, "Moscow", "RUS", "state")]
    assert {f.predicate: f.subject for f in facts.extract_sentence(text, mentions)}["year"] == "KAZ"

    text = "Some, notably Uzbekistan, assisted the U.S. logistically during its 20-year conflict in Afghanistan."
    mentions = [mention(text, "Uzbekistan", "UZB", "state"), mention(text, "U.S.", "USA", "state"),
                mention(text, "Afghanistan", "AFG", "state")]
    assert {f.predicate: f.subject for f in facts.extract_sentence(text, mentions)}["duration"] == "USA"


def test_pronoun_sentence_takes_the_previous_subject():
    text = "It comes just days after the anniversary of Moscow’s invasion of Ukraine."
    mentions = [mention(text, "Moscow", "RUS", "state"), mention(text, "Ukraine", "UKR", "state")]
    found = facts.extract_sentence(text, mentions, previous_subject="BLINKEN")
    assert [(f.subject, f.value) for f in found] == [("BLINKEN", "just days after")]


# --------------------------------------------------------------------------------------
# the analyser on a seed, with hand-built mentions


def seed_mentions(doc) -> list[dict]:
    """Mentions for the vote sentences of seed 000, with document offsets, as the matcher emits them."""
    hand = {
        10: [("Central Asian republics", "CENTRAL_ASIA", "group"), ("India", "IND", "state"),
             ("Blinken", "BLINKEN", "person"), ("U.N. General Assembly", "UNGA", "organization")],
        17: [("Central Asia", "CENTRAL_ASIA", "group"), ("United Nations", "UN", "organization"),
             ("Russia", "RUS", "state")],
        18: [("Kazakhstan", "KAZ", "state"), ("Kyrgyzstan", "KGZ", "state"), ("Tajikistan", "TJK", "state"),
             ("Uzbekistan", "UZB", "state"), ("China", "CHN", "state"), ("Belarus", "BLR", "state"),
             ("Russia", "RUS", "state")],
        19: [("Turkmenistan", "TKM", "state")],
    }
    out = []
    for s in doc.sentences:
        for surface, actor_id, kind in hand.get(s.sent_id, ()):
            start = s.start + s.text.index(surface)
            out.append({"doc_id": doc.doc_id, "sent_id": s.sent_id, "start": start, "end": start + len(surface),
                        "surface": surface, "actor_id": actor_id, "actor_name": actor_id, "kind": kind,
                        "country_iso3": actor_id if kind == "state" else "", "via": "test"})
    return out


@pytest.fixture(scope="module")
def seed_doc():
    return parse_document(str(SEED_000), SEED_000.stem)[0]


def with_mentions(doc, mention_rows: list[dict]):
    """``doc`` with ``doc.mentions`` set from matcher-style rows (document offsets), as actors.analyse sets it."""
    units = {u.sent_id: u for u in doc.units()}
    by_sent: dict[int, list[Mention]] = {}
    for r in mention_rows:
        unit = units[r["sent_id"]]
        actor = Actor(r["actor_id"], r["actor_name"], r["kind"], r["country_iso3"])
        by_sent.setdefault(r["sent_id"], []).append(
            Mention(r["sent_id"], r["start"] - unit.start, r["end"] - unit.start, r["surface"], actor, r["via"], 0, 0))
    doc.mentions = by_sent
    return doc


def test_analyse_on_the_seed_vote(seed_doc, members):
    rows = {"facts": []}
    facts.analyse(with_mentions(seed_doc, seed_mentions(seed_doc)), rows)
    got = {(r["subject"], r["predicate"], r["value"]) for r in rows["facts"]}
    assert {("UN_RESOLUTION", "votes_in_favor", "141"), ("UN_RESOLUTION", "votes_against", "7"),
            ("UN_RESOLUTION", "abstentions", "32"), ("TKM", "vote_on_UN_RESOLUTION", "did not vote"),
            ("CENTRAL_ASIA", "abstained_count", "5"), ("CENTRAL_ASIA", "abstained_count", "4")} <= got
    texts = {s.sent_id: s.text for s in seed_doc.units()}
    for r in rows["facts"]:
        assert r["text"] == texts[r["sent_id"]]
        assert set(r) == {"doc_id", "sent_id", "subject", "predicate", "value", "unit", "vote", "text"}
        assert isinstance(r["value"], str)


def test_analyse_without_mentions_still_finds_tallies():
    seed_doc = parse_document(str(SEED_000), SEED_000.stem)[0]
    rows = {"facts": []}
    facts.analyse(seed_doc, rows)
    got = {(r["subject"], r["predicate"], r["value"]) for r in rows["facts"]}
    # "the resolution" in s18 takes its body from "a vote at the United Nations" in s17
    assert ("UN_RESOLUTION", "votes_in_favor", "141") in got


def test_title_is_sent_id_zero():
    from helpers.model.types import Document, Sentence

    body = "The vote was held on Tuesday."
    doc = Document("d", "UN votes 141-7-32 on Ukraine", body, [body], [Sentence(1, 1, 0, len(body), body)])
    rows = {"mentions": [], "facts": []}
    facts.analyse(doc, rows)
    title = [r for r in rows["facts"] if r["sent_id"] == 0]
    assert {(r["predicate"], r["value"]) for r in title} == {
        ("votes_in_favor", "141"), ("votes_against", "7"), ("abstentions", "32")}
    assert {r["subject"] for r in title} == {"UN_RESOLUTION"}
    assert ("weekday", "Tuesday") in {(r["predicate"], r["value"]) for r in rows["facts"] if r["sent_id"] == 1}


# --------------------------------------------------------------------------------------
# scoring


def test_normalise_value():
    assert facts.normalise_value("seven") == "7"
    assert facts.normalise_value("1,500") == "1500"
    assert facts.normalise_value("Tens of thousands") == "10000-99999"
    assert facts.normalise_value("decades") == "20-99"
    assert facts.normalise_value(" Did not  vote ") == "did not vote"


def test_score_vote_tallies_counts_matches():
    gold = pd.DataFrame([
        {"doc_id": "d", "subject": "UN_RESOLUTION", "predicate": "votes_in_favor", "value": "141", "unit": "", "evidence": ""},
        {"doc_id": "d", "subject": "UN_RESOLUTION", "predicate": "abstentions", "value": "32", "unit": "", "evidence": ""},
        {"doc_id": "d", "subject": "TKM", "predicate": "vote_on_UN_RESOLUTION", "value": "did not vote", "unit": "",
         "evidence": ""},
        {"doc_id": "d", "subject": "KAZ", "predicate": "independence_year", "value": "1991", "unit": "", "evidence": ""},
    ])
    pred = pd.DataFrame([
        {"doc_id": "d", "sent_id": 1, "subject": "VOTE", "predicate": "votes_in_favor", "value": "141", "unit": "", "text": ""},
        {"doc_id": "d", "sent_id": 1, "subject": "VOTE", "predicate": "votes_against", "value": "7", "unit": "", "text": ""},
        {"doc_id": "d", "sent_id": 2, "subject": "TKM", "predicate": "vote_on_UN_RESOLUTION", "value": "did not vote",
         "unit": "", "text": ""},
        {"doc_id": "other", "sent_id": 1, "subject": "VOTE", "predicate": "abstentions", "value": "32", "unit": "", "text": ""},
    ])
    score = V.score_vote_tallies(pred, gold, normalise=facts.normalise_value)
    assert (score["gold"], score["predicted"], score["matched"]) == (3, 3, 2)
    assert score["precision"] == pytest.approx(2 / 3) and score["recall"] == pytest.approx(2 / 3)
    assert score["tallies"]["matched"] == 1 and score["positions"]["matched"] == 1


def test_score_facts_is_a_loose_recall():
    gold = pd.DataFrame([
        {"doc_id": "d", "subject": "A", "predicate": "p", "value": "tens of thousands", "unit": "", "evidence": "S1"},
        {"doc_id": "d", "subject": "B", "predicate": "q", "value": "3", "unit": "", "evidence": "S2"},
        {"doc_id": "d", "subject": "C", "predicate": "r", "value": "Tuesday", "unit": "", "evidence": "S3"},
    ])
    pred = pd.DataFrame([
        {"doc_id": "d", "sent_id": 1, "subject": "", "predicate": "approx_count", "value": "10000-99999", "unit": "",
         "text": "S1"},
        {"doc_id": "d", "sent_id": 2, "subject": "", "predicate": "count", "value": "3", "unit": "", "text": "S2"},
        {"doc_id": "d", "sent_id": 9, "subject": "", "predicate": "weekday", "value": "Tuesday", "unit": "",
         "text": "another sentence"},
    ])
    score = V.score_facts(pred, gold, normalise=facts.normalise_value)
    assert (score["gold"], score["found"]) == (3, 2)
    assert score["missed"] == [("d", "C", "r", "Tuesday")]


def gold_mentions_for(doc) -> list[dict]:
    """The gold mentions of a seed (surfaces located in their sentences), as matcher rows."""
    kinds = {"country": "state", "city": "place"}
    actors = {(r["doc_id"], r["actor_id"]): r for r in read_gold("actors.csv")}
    units = {u.sent_id: u for u in doc.units()}
    seen: Counter = Counter()
    out = []
    for r in read_gold("mentions.csv"):
        if r["doc_id"] != doc.doc_id:
            continue
        unit = units[int(r["sent_no"])]
        key = (unit.sent_id, r["surface"])
        pos = -1
        for _ in range(seen[key] + 1):
            pos = unit.text.index(r["surface"], pos + 1)
        seen[key] += 1
        actor = actors[(doc.doc_id, r["actor_id"])]
        out.append({"doc_id": doc.doc_id, "sent_id": unit.sent_id, "start": unit.start + pos,
                    "end": unit.start + pos + len(r["surface"]), "surface": r["surface"],
                    "actor_id": r["actor_id"], "actor_name": actor["name"],
                    "kind": kinds.get(actor["kind"], actor["kind"]), "country_iso3": actor["country_iso3"],
                    "via": "gold"})
    return out


def test_seed_scores_with_gold_mentions(seed_paths, members):
    rows = []
    for path in seed_paths:
        doc = parse_document(str(path), path.stem)[0]
        buffer = {"facts": []}
        facts.analyse(with_mentions(doc, gold_mentions_for(doc)), buffer)
        rows += buffer["facts"]
    pred = pd.DataFrame(rows)
    gold = pd.read_csv(GOLD / "facts.csv", dtype=str, keep_default_na=False)
    votes = V.score_vote_tallies(pred, gold, normalise=facts.normalise_value)
    assert votes["recall"] >= target("seeds", "facts: vote tallies", "recall") and votes["tallies"]["precision"] == 1.0
    assert V.score_facts(pred, gold, normalise=facts.normalise_value)["recall"] >= 0.9


def test_a_position_on_a_security_council_vote_takes_that_councils_vote_not_the_assemblys():
    # a General Assembly tally, then a veto in the Security Council whose tally comes after it: the
    # veto's position is labelled with the council's vote, the nearest vote of its own body
    from helpers.pipeline.document import analyse_text
    rows = analyse_text(
        "Assembly condemns annexation\n\nThe General Assembly adopted the resolution on Ukraine by a vote of "
        "143-5, with 35 abstentions.\n\nLast month, Russia vetoed a similar resolution in the Security Council. "
        "The vote there was 10-1, with China, Brazil, Gabon and India abstaining.")["facts"]
    ga = {f["vote"] for f in rows if f["predicate"] == "votes_in_favor" and f["value"] == "143"}
    veto = [f for f in rows if f["subject"] == "RUS" and f["predicate"].startswith("vote_on_UNSC")]
    assert veto and all(f["vote"] not in ga for f in veto)
