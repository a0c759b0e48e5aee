"""The scorer itself (helpers.evaluate.devscore) on tiny hand-made gold and predicted rows.

These tests pin the matching rules the hidden set is scored with; they say nothing about
the pipeline's accuracy (run ``python -m helpers.evaluate.devscore`` for that).
"""
from __future__ import annotations

import json

import pytest

from helpers.evaluate import devscore as ds


def by_metric(rows):
    return {(r["instrument"], r["set"], r["metric"]): r["value"] for r in rows}


# ------------------------------------------------------------------ names

@pytest.mark.parametrize("name, expected", [
    ("Joseph R. Biden, Jr.", "biden"),
    ("Sergey V. Lavrov", "lavrov"),
    ("Mr. Japarov", "japarov"),
    ("Péter Szijjártó", "szijjarto"),
    ("James O’Brien", "o'brien"),
    ("Maxim", "maxim"),
])
def test_surname_drops_titles_initials_suffixes_and_folds(name, expected):
    assert ds.surname(name) == expected


@pytest.mark.parametrize("a, b", [
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),      # one edit
    ("Lukashenka", "Alexander Lukashenko"),              # one edit, first name absent
    ("Linda Thomas-Greenfield", "Linda Greenfield"),     # one contains the other
    ("James O’Brien", "James O'Brien"),                  # apostrophe variants
    ("Péter Szijjártó", "Peter Szijjarto"),              # diacritics
    ("Yevgeniy Prigozhin", "Yevgeny Prigozhin"),         # same surname, first name spelled otherwise
    ("Joseph R. Biden, Jr.", "Joe Biden"),
])
def test_same_surname_accepts_small_variants(a, b):
    assert ds.same_surname(a, b) and ds.same_surname(b, a)


@pytest.mark.parametrize("a, b", [
    ("Wang Yi", "Wang Li"),                  # two letters: too short for a variant (last token = surname)
    ("Joe Biden", "Vladimir Putin"),
    ("Sergei Lavrov", "Sergei Lavrenko"),    # more than one edit, neither contains the other
    ("Jill Biden", "Jill"),                  # a first name alone is its own surname
])
def test_same_surname_rejects_other_people(a, b):
    assert not ds.same_surname(a, b)


def test_people_full_names_are_paired_before_surnames():
    comp = ds.compare_people(["Jill Biden", "Joe Biden"], ["Joe Biden"])
    assert comp.tp == 1 and comp.missed == ["Jill Biden"] and comp.spurious == []


def test_people_prf_is_micro_averaged_over_documents():
    comps = [ds.compare_people(["Sadyr Japarov"], ["Sadyr Japarov", "World Food Programme"]),
             ds.compare_people(["Aliya Marat", "Dauren Abenov"], [])]
    m = by_metric(ds.prf_rows("people", "rules", comps))
    assert m[("people", "rules", "P")] == pytest.approx(1 / 2)
    assert m[("people", "rules", "R")] == pytest.approx(1 / 3)
    assert m[("people", "rules", "F1")] == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))


def test_states_compare_iso3_sets():
    comp = ds.compare_states(["RUS", "UKR", "UKR"], ["UKR", "KAZ"])
    assert comp.tp == 1 and comp.missed == ["RUS"] and comp.spurious == ["KAZ"]


def test_predicted_states_and_people_come_from_body_mentions():
    rows = {"mentions": [
        {"sent_id": 0, "actor_id": "BIDEN", "actor_name": "Joe Biden", "kind": "person", "country_iso3": "USA"},
        {"sent_id": 1, "actor_id": "RUS", "actor_name": "Russia", "kind": "state", "country_iso3": "RUS"},
        {"sent_id": 2, "actor_id": "MOSCOW", "actor_name": "Moscow", "kind": "place", "country_iso3": "RUS"},
        {"sent_id": 2, "actor_id": "ASTANA", "actor_name": "Astana", "kind": "place", "country_iso3": "KAZ"},
        {"sent_id": 2, "actor_id": "PUTIN", "actor_name": "Vladimir Putin", "kind": "person", "country_iso3": "RUS"},
        {"sent_id": 3, "actor_id": "PUTIN", "actor_name": "Vladimir Putin", "kind": "person", "country_iso3": "RUS"},
    ]}
    assert ds.predicted_states(rows) == ["RUS"]            # a place visited is not a state
    assert ds.predicted_people(rows) == ["Vladimir Putin"]  # the title is not the body, one row per actor
    assert ds.predicted_people(rows, include_title=True) == ["Joe Biden", "Vladimir Putin"]


# ------------------------------------------------------------------ quotes

def test_quote_overlap_thresholds():
    ten = "one two three four five six seven eight nine ten"
    assert ds.same_quote(ten, "one two three four five")                 # 5/5 of shorter, 5/10 of longer
    assert not ds.same_quote(ten, "one two three four")                  # 4/10 < 0.5 of the longer
    six = "alpha beta gamma delta epsilon zeta"
    assert ds.same_quote(six, "alpha beta gamma delta omega")            # 4/5 = 0.8, 4/6 >= 0.5
    assert not ds.same_quote(six, "alpha beta gamma omega psi")          # 3/5 < 0.8
    assert ds.same_quote("Russia’s war has made it worse,", "Russia's war has made it worse")


def test_quote_speaker_person_by_surname_body_by_overlap():
    gold = [{"quote": "Contacts are continuing,", "speaker": "the Kremlin"},
            {"quote": "We will not give up a single metre of our land.", "speaker": "Kamchybek Tashiev"},
            {"quote": "The incident is being investigated,", "speaker": "Kazakhstan's Foreign Ministry"},
            {"quote": "China will play a constructive role,", "speaker": "Beijing"}]
    pred = [{"quote": "China will play a constructive role", "speaker_name": "China"},
            {"quote": "Contacts are continuing,", "speaker_name": "Kremlin"},
            {"quote": "We will not give up a single metre of our land.", "speaker_name": "Mr. Tashiev"},
            {"quote": "The incident is being investigated,", "speaker_name": "Kazakh Foreign Ministry"},
            {"quote": "so-called", "speaker_name": ""}]
    comp = ds.compare_quotes(gold, pred, persons=["Kamchybek Tashiev"])
    assert comp.tp == 4 and len(comp.spurious) == 1
    assert len(comp.right) == 3
    assert [(g["speaker"], p["speaker_name"]) for g, p in comp.wrong_speaker] == [("Beijing", "China")]
    rows = by_metric(ds.quote_rows("rules", [comp]))
    assert rows[("quotes", "rules", "right speaker")] == pytest.approx(3 / 4)
    assert rows[("quotes", "rules", "P")] == pytest.approx(4 / 5)


def test_quote_speaker_person_is_not_matched_as_a_body():
    assert not ds.same_speaker("Margaret L. Hendricks", "Margaret L", person=True)
    assert ds.same_speaker("Aizhan Bolot kyzy", "Aizhan Bolot kyzy", person=True)
    assert ds.same_speaker("", "", person=True) and not ds.same_speaker("", "Putin", person=True)


# ------------------------------------------------------------------ votes

def fact(sent, subject, predicate, value, **extra):
    return {"sent_id": sent, "subject": subject, "predicate": predicate, "value": str(value), **extra}


def test_tallies_grouped_by_subject_and_adjacent_sentence_split_on_conflict():
    facts = [
        fact(1, "VOTE", "votes_in_favor", 107), fact(1, "VOTE", "votes_against", 13),
        fact(1, "VOTE", "abstentions", 39),
        fact(2, "VOTE", "votes_in_favor", 143), fact(2, "VOTE", "votes_against", 5),   # conflict: new vote
        fact(2, "VOTE", "count", 2),                                                   # not a tally fact
        fact(3, "VOTE", "abstentions", 35),                                            # adjacent: same vote
        fact(3, "VOTE", "votes_against", 5),                                           # a repeat, dropped
        fact(6, "VOTE", "votes_in_favor", 10),                                         # far away: its own
    ]
    tallies = ds.tallies_from_facts(facts)
    assert [t.counts for t in tallies] == [(107, 13, 39), (143, 5, 35), (10, None, None)]
    assert tallies[1].sent_ids == (2, 3) and tallies[0].label == "VOTE"


def test_tallies_use_the_vote_column_when_present():
    facts = [fact(1, "UN_RESOLUTION", "votes_in_favor", 141, vote="ES-11/1"),
             fact(1, "UN_RESOLUTION", "votes_in_favor", 140, vote="ES-11/2"),
             fact(1, "UN_RESOLUTION", "votes_against", 5, vote="ES-11/1"),
             fact(9, "UN_RESOLUTION", "abstentions", 35, vote="ES-11/1"),   # no distance limit with a label
             fact(2, "UN_RESOLUTION", "votes_against", 5, vote="ES-11/2")]
    tallies = ds.tallies_from_facts(facts)
    assert [(t.label, t.counts) for t in tallies] == [("ES-11/1", (141, 5, 35)), ("ES-11/2", (140, 5, None))]


@pytest.mark.parametrize("gold, pred, strict, partial", [
    ((143, 5, None), (143, 5, None), True, True),
    ((143, 5, None), (143, 5, 35), False, False),      # a number filled in where the text gives none
    ((141, 5, 35), (141, 5, None), False, True),       # found in part
    ((141, 5, 35), (141, 7, None), False, False),      # a wrong number is never right
    ((None, None, 35), (None, None, 35), True, True),
])
def test_triple_matching_with_nulls(gold, pred, strict, partial):
    assert ds.triple_matches(gold, pred) is strict
    assert ds.triple_matches(gold, pred, partial=True) is partial


def vote(label, a, b, c):
    return {"vote": label, "votes_in_favor": a, "votes_against": b, "abstentions": c}


def tally(counts, label):
    return ds.Tally(counts, label, (1,))


TWO = [vote("UNGA ES-11/1 (2 Mar 2022)", 141, 5, 35), vote("UNGA ES-11/2 (24 Mar 2022)", 140, 5, 38)]


@pytest.mark.parametrize("pred, apart", [
    ([tally((141, 5, 35), "a"), tally((140, 5, 38), "b")], True),
    ([tally((141, 5, 35), "VOTE"), tally((140, 5, 38), "VOTE")], False),          # same label, two votes
    ([tally((141, 5, 35), "a"), tally((141, 5, 35), "b"), tally((140, 5, 38), "c")], False),  # one vote, two labels
    ([tally((141, 5, 35), "a"), tally((141, 5, 35), "a"), tally((140, 5, 38), "c")], True),
    ([tally((141, 5, 35), "a")], False),                                          # the second vote not found
])
def test_pairwise_label_rule(pred, apart):
    assert ds.compare_votes(TWO, pred).apart is apart


def test_votes_single_gold_vote_is_not_judged_for_apartness_and_labels_break_ties():
    assert ds.compare_votes(TWO[:1], [tally((141, 5, 35), "x")]).apart is None
    same = [vote("UNSC draft (25 Feb 2022)", 11, 1, 3), vote("UNSC resolution 2623 (27 Feb 2022)", 11, 1, 3)]
    comp = ds.compare_votes(same, [tally((11, 1, 3), "UNSC resolution 2623 (27 Feb 2022)")])
    assert comp.pairs == [(1, 0)]


def test_vote_rows():
    comps = [ds.compare_votes(TWO, [tally((141, 5, 35), "VOTE"), tally((None, None, 38), "VOTE")]),
             ds.compare_votes([], [tally((368, 57, None), "VOTE")]),
             ds.compare_votes([], [])]
    partial = [ds.compare_votes(TWO, comps[0].pred, partial=True), comps[1], comps[2]]
    m = by_metric(ds.vote_rows(comps, partial=partial))
    assert m[("votes", "rules", "tallies found")] == pytest.approx(1 / 2)
    assert m[("votes", "rules", "tallies found (in part ok)")] == pytest.approx(2 / 2)
    assert m[("votes", "rules", "P")] == pytest.approx(1 / 3)
    assert m[("votes", "rules", "not_votes avoided (cases)")] == pytest.approx(1 / 2)
    assert m[("votes", "rules", "two votes kept apart (cases)")] == 0


# ------------------------------------------------------------------ stance

MENTIONS = [
    {"actor_id": "KAZ", "actor_name": "Kazakhstan", "kind": "state", "country_iso3": "KAZ"},
    {"actor_id": "KAZ_MFA", "actor_name": "Kazakh Foreign Ministry", "kind": "organization", "country_iso3": "KAZ"},
    {"actor_id": "TOKAYEV", "actor_name": "Kassym-Jomart Tokayev", "kind": "person", "country_iso3": "KAZ"},
    {"actor_id": "EU", "actor_name": "European Union", "kind": "organization", "country_iso3": ""},
    {"actor_id": "CENTRAL_ASIA", "actor_name": "Central Asia", "kind": "group", "country_iso3": ""},
]


def stance(actor_id, target, label):
    return {"sent_id": 1, "actor_id": actor_id, "target": target, "label": label}


def test_stance_actor_mapping():
    table = ds.actor_table({"mentions": MENTIONS})
    assert ds.stance_actor("KAZ", table) == ds.Actor("state", "KAZ")
    assert ds.stance_actor("KAZ_MFA", table) == ds.Actor("state", "KAZ")      # a state organ is the state
    assert ds.stance_actor("TOKAYEV", table) == ds.Actor("person", "Kassym-Jomart Tokayev")
    assert ds.stance_actor("EU", table) == ds.Actor("organisation", "European Union", ("EU",))
    assert ds.actor_matches("EU", ds.stance_actor("EU", table))               # the actor_id is an alias
    assert ds.stance_actor("UZB", table) == ds.Actor("state", "UZB")          # unknown id shaped like ISO3
    assert ds.actor_matches("the European Union", ds.Actor("organisation", "European Union"))
    assert ds.actor_matches("UN General Assembly", ds.Actor("organisation", "U.N. General Assembly"))
    assert ds.actor_matches("Tokayev", ds.Actor("person", "Kassym-Jomart Tokayev"))
    assert not ds.actor_matches("KAZ", ds.Actor("person", "Kassym-Jomart Tokayev"))


def test_stance_rows_deduplicated_per_actor_target_label():
    rows = {"mentions": MENTIONS, "stance": [stance("KAZ", "ANNEXATION", "oppose"), stance("KAZ_MFA", "ANNEXATION", "oppose"),
                                             stance("KAZ", "ANNEXATION", "oppose")]}
    assert ds.predicted_stance(rows) == [(ds.Actor("state", "KAZ"), "ANNEXATION", "oppose")]


def test_dev_stance_recall_on_explicit_precision_on_all():
    gold = [{"actor": "KAZ", "target": "ANNEXATION", "label": "oppose", "note": "explicit"},
            {"actor": "Kassym-Jomart Tokayev", "target": "ANNEXATION", "label": "oppose", "note": "implicit;borderline"},
            {"actor": "KAZ", "target": "SANCTIONS", "label": "support", "note": "explicit;borderline"},
            {"actor": "European Union", "target": "SANCTIONS", "label": "support", "note": "explicit"}]
    rows = {"mentions": MENTIONS, "stance": [stance("KAZ", "ANNEXATION", "oppose"),
                                             stance("TOKAYEV", "ANNEXATION", "oppose"),   # implicit found: no error
                                             stance("KAZ", "ANNEXATION", "support"),      # wrong label
                                             stance("CENTRAL_ASIA", "SANCTIONS", "support")]}
    comp = ds.compare_stance(gold, ds.predicted_stance(rows))
    m = by_metric(ds.stance_dev_rows([comp]))
    p, r = 2 / 4, 1 / 3
    assert m[("stance", "dev", "P (all rows)")] == pytest.approx(p)
    assert m[("stance", "dev", "R (explicit rows)")] == pytest.approx(r)
    assert m[("stance", "dev", "F1")] == pytest.approx(2 * p * r / (p + r))
    assert {ds._stance_str(g) for g in comp.missed} == {"KAZ SANCTIONS support", "European Union SANCTIONS support"}


def test_rules_stance_expected_traps_and_excused_rows():
    gold = [{"actor": "KAZ", "target": "UN_RESOLUTION", "label": "neutral"},
            {"actor": "KGZ", "target": "UN_RESOLUTION", "label": "neutral"}]
    traps = [{"actor": "KAZ", "target": "UN_RESOLUTION", "label": "support"},
             {"actor": "UZB", "target": "UN_RESOLUTION", "label": "neutral"}]
    neither = [{"actor": "RUS", "target": "RUSSIA_WAR", "label": "support"}]
    pred = [(ds.Actor("state", "KAZ"), "UN_RESOLUTION", "neutral"), (ds.Actor("state", "UZB"), "UN_RESOLUTION", "neutral"),
            (ds.Actor("state", "RUS"), "RUSSIA_WAR", "support"), (ds.Actor("organisation", "Central Asia", ("CENTRAL_ASIA",)), "UN_RESOLUTION", "neutral")]
    comp = ds.compare_stance(gold, pred, traps=traps, neither=neither)
    empty = ds.compare_stance([], [(ds.Actor("state", "RUS"), "RUSSIA_WAR", "support")], neither=neither)
    m = by_metric(ds.stance_rules_rows([comp, empty]))
    assert m[("stance", "rules", "expected produced")] == pytest.approx(1 / 2)
    assert m[("stance", "rules", "forbidden avoided")] == pytest.approx(1 / 2)
    assert m[("stance", "rules", "precision (other rows)")] == pytest.approx(1 / 3)   # excused rows left out
    assert m[("stance", "rules", "empty-gold cases with no row")] == 1.0
    assert [ds._stance_str(p) for p in comp.spurious] == ["Central Asia UN_RESOLUTION neutral (organisation)"]


# ------------------------------------------------------------------ sentences, documents, runner

def test_same_sentences_compares_stripped_strings():
    assert ds.same_sentences(["Hello World.", "My name is Jonas."], [" Hello World. ", "My name is Jonas."])
    assert not ds.same_sentences(["My name is Jonas E. Smith."], ["My name is Jonas E.", "Smith."])


def test_rules_document_title_line():
    assert ds.rules_document("Kazakhstan said so.") == f"{ds.UNTITLED}\n\nKazakhstan said so."
    assert ds.rules_document("Statement by X\nWe applaud.", own_title=True) == "Statement by X\n\nWe applaud."
    assert ds.rules_document("No title here.", own_title=True) == f"{ds.UNTITLED}\n\nNo title here."


def test_run_rules_with_a_stub_pipeline(tmp_path):
    (tmp_path / "quotes.jsonl").write_text(json.dumps({
        "id": "Q001", "text": "“We will win,” Dmytro Kuleba said.",
        "quotes": [{"quote": "We will win,", "speaker": "Dmytro Kuleba"}], "persons": ["Dmytro Kuleba"]}) + "\n")
    (tmp_path / "votes.jsonl").write_text(json.dumps({
        "id": "V001", "text": "It voted 141-5-35.", "votes": [vote("UNGA ES-11/1", 141, 5, 35)], "not_votes": []}) + "\n")
    (tmp_path / "pysbd_english_golden_rules.json").write_text(json.dumps(
        [{"id": 1, "text": "A b. C d.", "sentences": ["A b.", "C d."]}]))
    seen = []

    def analyse(text):
        seen.append(text)
        return {"mentions": [{"sent_id": 1, "actor_id": "KULEBA", "actor_name": "Dmytro Kuleba", "kind": "person"}],
                "quotes": [{"quote": "We will win,", "speaker_name": "Dmytro Kuleba"}],
                "facts": [fact(1, "VOTE", p, v) for p, v in zip(ds.TALLY_FIELDS, (141, 5, 35))]}

    report = ds.run_rules(tmp_path, analyse, lambda t: t.split(" C"))
    m = by_metric(report.metrics)
    assert seen[0] == f"{ds.UNTITLED}\n\n“We will win,” Dmytro Kuleba said."
    assert m[("quotes", "rules", "F1")] == 1.0 and m[("quotes", "rules", "right speaker")] == 1.0
    assert m[("people", "rules", "F1")] == 1.0 and m[("votes", "rules", "tallies found")] == 1.0
    assert m[("sentences", "rules", "rules passed")] == 0
    assert [d["error"] for d in report.details] == ["failed"]
