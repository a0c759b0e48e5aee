"""Vote tallies and which vote they belong to (helpers.extract.facts.votes, the facts' `vote`
column): the golden rules of data/rules/votes.jsonl (parametrised, with the aggregate targets
of issue 10), one test per phrasing on passages written for these tests, the reference file of
UN votes, and the vote rows of analyse.aggregate."""
from __future__ import annotations

import datetime

import pandas as pd
import pytest

from helpers.analyse import aggregate as A
from helpers.evaluate import devscore as ds
from helpers.extract import facts
from helpers.model.resources import data_dir
from helpers.pipeline.document import analyse_text

RULES = ds.load_rules(data_dir() / "rules")
CASES = RULES["votes"]
TALLY_PREDICATES = {"votes_in_favor", "votes_against", "abstentions"}


def rows_of(text: str) -> list[dict]:
    return analyse_text(ds.rules_document(text))["facts"]


def tallies(text: str) -> list[ds.Tally]:
    """The UN tallies the scorer reads from the facts of a passage."""
    return ds.tallies_from_facts(rows_of(text))


def counts(text: str) -> list[tuple]:
    return [t.counts for t in tallies(text)]


def votes_by_label(text: str) -> dict[str, dict[str, int]]:
    """Per `vote` label, the tally counts (all bodies, UN or not)."""
    out: dict[str, dict[str, int]] = {}
    for r in rows_of(text):
        if r["predicate"] in TALLY_PREDICATES:
            out.setdefault(r["vote"], {})[r["predicate"]] = int(r["value"])
    return out


# --------------------------------------------------------------------------------------
# the golden rules


@pytest.fixture(scope="module")
def comparisons() -> dict[str, ds.VoteComparison]:
    return {c["id"]: ds.compare_votes(c["votes"], ds.tallies_from_facts(rows_of(c["text"]))) for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rules_case_has_no_false_un_tally(case, comparisons):
    """Precision first: every UN tally predicted for a case agrees with one of its gold votes
    (a count missing is allowed here, a wrong or invented count is not)."""
    comp = comparisons[case["id"]]
    for t in comp.pred:
        assert any(ds.triple_matches(ds.gold_counts(g), t.counts, partial=True) for g in case["votes"]), \
            f"{case['id']}: {t} is not a tally of this passage"


def test_rules_votes_meet_the_targets(comparisons):
    rows = {r["metric"]: r for r in ds.vote_rows(list(comparisons.values()))}
    assert rows["tallies found"]["value"] >= 0.95
    assert rows["not_votes avoided (cases)"]["value"] == 1.0
    assert rows["two votes kept apart (cases)"]["value"] == rows["two votes kept apart (cases)"]["n"] == 3


def test_rules_non_un_votes_carry_their_body_and_no_un_subject():
    """T6: Congress and parliament tallies are labelled with their body, never UN tallies."""
    for case in CASES:
        if case["phenomenon"].split(":")[0] not in ("congress", "other_body"):
            continue
        for r in rows_of(case["text"]):
            if r["predicate"] in TALLY_PREDICATES and not facts.is_un_vote(r["vote"]):
                assert r["subject"] not in ("UN_RESOLUTION", "UNSC_RESOLUTION", "UNHRC_RESOLUTION"), case["id"]
                assert r["vote"].split(" ")[0] in ("US", "European", "parliament", "Verkhovna", "State"), case["id"]


# --------------------------------------------------------------------------------------
# phrasings (passages written for these tests)


@pytest.mark.parametrize("text, expected", [
    ("Delegates voted 140-5-38 to adopt the humanitarian text.", (140, 5, 38)),
    ("The Assembly backed the text by a 94-14 margin.", (94, 14, None)),
    ("It was adopted with 143 votes in favour, 5 against and 35 abstentions.", (143, 5, 35)),
    ("Member states voted 141 to 7, with 32 abstentions, for the peace text.", (141, 7, 32)),
    ("By 93 votes to 24, with 58 abstentions, the Assembly suspended Russia.", (93, 24, 58)),
    ("Only five states voted no, 35 abstained and 143 voted yes in the Assembly.", (143, 5, 35)),
    ("One hundred and forty countries voted in favour, five voted against and thirty-eight abstained "
     "in the General Assembly.", (140, 5, 38)),
    ("In the General Assembly, one hundred and forty-three out of 193 members backed the text, "
     "while 5 voted against and 35 abstained.", (143, 5, 35)),
])
def test_tally_phrasings(text, expected):
    assert counts(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The Security Council adopted the resolution by 13 votes in favour to none against, with 2 abstentions.",
     (13, 0, 2)),
    ("The General Assembly adopted the text by 120 votes to none, with 5 abstentions.", (120, 0, 5)),
    ("The General Assembly adopted it with 141 in favour, none against and 32 abstentions.", (141, 0, 32)),
])
def test_none_in_a_tally_is_a_count_of_zero(text, expected):
    """UN press releases write a zero count as "none" ("14 in favour to none against")."""
    assert counts(text) == [expected]


def test_none_outside_a_tally_is_no_count_and_no_vote_name():
    """"None of ..." speaks of a group, not the tally; "to none" is no purpose clause naming the vote."""
    assert counts("None of the Central Asian states voted against the resolution, which passed 141-7-32.") \
        == [(141, 7, 32)]
    labels = votes_by_label("The General Assembly adopted the text by 120 votes to none, with 5 abstentions.")
    assert not any("none" in label for label in labels), labels
    # a zero count that contradicts the reference vote's tally does not take its name
    assert not any("ES-11/6" in label for label in votes_by_label(
        "The General Assembly adopted the resolution by 141 votes in favour, none against, with 32 abstentions."))


def test_missing_counts_stay_null():
    """T3: a count the text does not give is null, even when the reference file knows it."""
    assert counts("In the General Assembly, Uzbekistan was among the 38 countries that abstained on the "
                  "humanitarian resolution.") == [(None, None, 38)]


def test_membership_is_not_a_count():
    found = counts("Nearly three-quarters of the 193 member states backed the General Assembly resolution, "
                   "which passed 141-7-32.")
    assert found == [(141, 7, 32)]


@pytest.mark.parametrize("text, expected", [
    # a veto is one vote against; 10 + 1 + 4 fill the Council's 15 seats
    ("Russia vetoed the Security Council text on Friday; 10 members voted in favour and four "
     "abstained.", (10, 1, 4)),
    # "the lone vote against", three named abstainers, 11 + 1 + 3 = the 15 members
    ("Eleven of the 15 Security Council members voted for the draft; Russia cast the lone vote against "
     "and China, India and the United Arab Emirates abstained.", (11, 1, 3)),
    # "Only X and Y voted for", "the other 13": nobody voted against
    ("In the Security Council only Russia and China voted for the Russian text; the other 13 members "
     "abstained.", (2, 0, 13)),
])
def test_counts_derived_from_the_text(text, expected):
    assert counts(text) == [expected]


def test_a_named_list_is_not_a_count_without_only_or_a_full_membership():
    """"China and India abstained" in a 193-member Assembly does not say how many abstained."""
    assert counts("The General Assembly voted 141 in favour as China and India abstained.") == [(141, None, None)]


def test_congress_and_parliament_votes_are_labelled_with_their_body():
    labels = votes_by_label("The Senate confirmed the nominee by 52 votes to 47, and the European Parliament "
                            "voted 494-58-44 the next day.")
    assert [label.split(" (")[0].split(" ")[0:2] for label in labels] == [["US", "Senate"], ["European", "Parliament"]]
    assert not any(facts.is_un_vote(label) for label in labels)
    assert counts("The House voted 368-57 on Tuesday to approve more aid.") == []


def test_a_un_tally_next_to_a_parliament_vote_keeps_its_own_label():
    text = ("Days after the General Assembly voted 143-5-35, the Verkhovna Rada backed its own statement by "
            "300 votes to 12, with 20 abstentions.")
    labels = votes_by_label(text)
    assert len(labels) == 2
    un = [label for label in labels if facts.is_un_vote(label)]
    assert un == ["UNGA ES-11/4 annexation resolution (12 Oct 2022)"]
    assert counts(text) == [(143, 5, 35)]


def test_two_votes_in_one_passage_get_two_labels():
    text = ("The Assembly voted 141-5-35 on 2 March. On 12 October it condemned the annexation by 143 votes to 5, "
            "with 35 abstentions.")
    found = tallies(text)
    assert [t.counts for t in found] == [(141, 5, 35), (143, 5, 35)]
    assert found[0].label != found[1].label


def test_a_comparison_names_the_other_vote():
    text = ("The 140 votes in favour on 24 March 2022 matched no earlier count: 5 countries voted against, the same "
            "as on 2 March 2022, and 38 abstained rather than 35.")
    labels = votes_by_label(text)
    assert labels["UNGA ES-11/2 humanitarian consequences (24 Mar 2022)"] == {
        "votes_in_favor": 140, "votes_against": 5, "abstentions": 38}


def test_the_same_vote_twice_has_the_same_label():
    text = ("The Senate passed the aid package 86 to 11 on Thursday. The 86-11 vote sent the bill to the "
            "President.")
    labels = {r["vote"] for r in rows_of(text) if r["predicate"] in TALLY_PREDICATES}
    assert len(labels) == 1 and labels.pop().startswith("US Senate")


def test_a_vote_over_two_sentences_is_one_vote():
    assert counts("The General Assembly voted 141 in favour. Five countries voted against and 35 "
                  "abstained.") == [(141, 5, 35)]


def test_the_reference_names_a_vote_only_when_counts_and_date_agree():
    # 141 alone fits two resolutions; the date picks one
    found = tallies("On 23 February 2023, 141 countries voted for the General Assembly resolution.")
    assert [(t.counts, t.label) for t in found] == [((141, None, None), "UNGA ES-11/6 just and lasting peace (23 Feb 2023)")]
    # without a date or subject word it is not named from the reference
    found = tallies("At the United Nations, 141 countries voted for the resolution.")
    assert [t.counts for t in found] == [(141, None, None)]
    assert not found[0].label.startswith("UNGA ES-11")


def test_positions_take_the_label_of_their_vote():
    rows = rows_of("The General Assembly adopted the text by 141 votes to 7, with 32 abstentions. Kazakhstan and "
                   "Uzbekistan abstained.")
    positions = [r for r in rows if r["predicate"].startswith("vote_on_")]
    assert positions and {r["vote"] for r in positions} == {"UNGA ES-11/6 just and lasting peace (23 Feb 2023)"}


# --------------------------------------------------------------------------------------
# the reference file


def test_reference_votes_are_consistent():
    refs = facts.reference_votes()
    assert len({r.label for r in refs}) == len(refs)
    members = {"UNGA": 193, "UNSC": 15, "UNHRC": 47}
    for r in refs:
        assert r.label.split(" ")[0] == r.body and facts.is_un_vote(r.label)
        assert sum(r.counts.values()) <= members[r.body], r.label
        assert datetime.date(2014, 1, 1) <= r.date <= datetime.date(2023, 12, 31)
        assert r.date.strftime("%-d %b %Y") in r.label, r.label
        assert r.keywords


# --------------------------------------------------------------------------------------
# aggregate: vote rows by vote


def test_vote_rows_group_by_the_vote_column_and_keep_senate_votes_apart():
    facts_df = pd.DataFrame([
        {"doc_id": "a", "sent_id": 1, "subject": "UN_RESOLUTION", "predicate": "votes_in_favor", "value": "141",
         "unit": "votes", "vote": "UNGA ES-11/1 aggression against Ukraine (2 Mar 2022)", "text": ""},
        {"doc_id": "b", "sent_id": 1, "subject": "UN_RESOLUTION", "predicate": "votes_in_favor", "value": "141",
         "unit": "votes", "vote": "UNGA ES-11/6 just and lasting peace (23 Feb 2023)", "text": ""},
        {"doc_id": "b", "sent_id": 2, "subject": "UN_RESOLUTION", "predicate": "votes_against", "value": "7",
         "unit": "votes", "vote": "UNGA ES-11/6 just and lasting peace (23 Feb 2023)", "text": ""},
        {"doc_id": "a", "sent_id": 2, "subject": "UN_RESOLUTION", "predicate": "votes_against", "value": "5",
         "unit": "votes", "vote": "UNGA ES-11/1 aggression against Ukraine (2 Mar 2022)", "text": ""},
        {"doc_id": "c", "sent_id": 1, "subject": "VOTE", "predicate": "votes_against", "value": "11",
         "unit": "votes", "vote": "US Senate the aid package", "text": ""},
    ])
    rows = A.vote_rows(facts_df)
    assert set(rows.vote) == {"UNGA ES-11/1 aggression against Ukraine (2 Mar 2022)",
                              "UNGA ES-11/6 just and lasting peace (23 Feb 2023)", "US Senate the aid package"}
    # 5 and 7 against belong to different votes, so they are no conflict
    assert A.vote_conflicts(facts_df, {}, {}) == []
    assert [A.is_un_vote(v) for v in sorted(set(rows.vote))] == [True, True, False]


def test_is_un_vote_reads_labels_and_subjects():
    assert A.is_un_vote("UNSC draft on annexation referendums (30 Sep 2022, vetoed)")
    assert A.is_un_vote("UNHRC something new (Tuesday)")
    assert A.is_un_vote("UN_RESOLUTION") and A.is_un_vote("UNSC_RESOLUTION")
    assert not A.is_un_vote("US Senate the aid package") and not A.is_un_vote("European Parliament (Wednesday)")
    assert not A.is_un_vote("VOTE") and not A.is_un_vote("")
