"""Keyword in context: terms, phrases, patterns and actors through the mentions table."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.analyse.kwic import COLUMNS, kwic, kwic_actor, term_pattern
from helpers.pipeline.document import analyse_file
from tests.conftest import SEEDS


def sentences(*texts: str, doc_id: str = "d1") -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, "sent_id": i, "text": t} for i, t in enumerate(texts, start=1)])


def test_a_word_with_its_context_on_each_side():
    s = sentences("The foreign ministers of five states met in Astana on Tuesday to discuss sanctions.")
    k = kwic(s, "Astana", window=3)
    assert list(k.columns) == COLUMNS
    assert k.to_dict("records") == [{"doc_id": "d1", "sent_id": 1, "left": "states met in", "keyword": "Astana",
                                     "right": "on Tuesday to"}]


def test_whole_words_only_and_case_insensitive_by_default():
    s = sentences("Kazakh officials said Kazakhstan would comply.", "KAZAKH exports fell.")
    k = kwic(s, "kazakh")
    assert list(k["keyword"]) == ["Kazakh", "KAZAKH"]  # not the start of "Kazakhstan"
    assert list(kwic(s, "kazakh", case=True)["keyword"]) == []
    assert list(kwic(s, "Kazakh", case=True)["sent_id"]) == [1]


def test_a_phrase_matches_across_any_whitespace_and_apostrophe_forms():
    s = sentences("The Prime  Minister\nof Greece spoke.", "Russia\u2019s war and Russia's economy.")
    k = kwic(s, "prime minister of greece")
    assert list(k["keyword"]) == ["Prime Minister of Greece"]  # whitespace collapsed in the keyword
    assert k.iloc[0]["left"] == "The" and k.iloc[0]["right"] == "spoke."
    assert len(kwic(s, "Russia's")) == 2


def test_every_occurrence_in_order_and_context_stays_in_the_sentence():
    s = sentences("Sanctions first.", "More sanctions, then sanctions again.")
    k = kwic(s, "sanctions", window=10)
    assert list(zip(k["sent_id"], k["left"], k["right"])) == [
        (1, "", "first."), (2, "More", ", then sanctions again."), (2, "More sanctions, then", "again.")]


def test_regex_terms_and_edge_cases():
    s = sentences("The UN voted; 141 states in favour, 7 against.", "")
    k = kwic(s, r"\d+ states", regex=True, window=2)
    assert list(k["keyword"]) == ["141 states"] and k.iloc[0]["left"] == "UN voted;"
    assert kwic(s, r"x*", regex=True).empty  # empty matches are skipped
    assert kwic(s, "U.N.").empty and len(kwic(sentences("The U.N. met."), "U.N.")) == 1
    assert kwic(pd.DataFrame(columns=["doc_id", "sent_id", "text"]), "x").empty
    with pytest.raises(ValueError):
        term_pattern("   ")


def test_kwic_actor_cuts_at_the_mention_offsets_including_the_title(tmp_path):
    path = tmp_path / "t1.txt"
    path.write_text("Blinken visits Astana\n\nSecretary of State Antony Blinken met Kazakh officials. "
                    "Blinken said Washington supports Kazakhstan.\n", encoding="utf-8")
    rows = analyse_file(str(path), "t1").rows
    s = pd.DataFrame(rows["sentences"])
    m = pd.DataFrame(rows["mentions"])
    a = pd.DataFrame(rows["articles"])
    actor = m.loc[m["surface"].str.contains("Blinken"), "actor_id"].iloc[0]
    k = kwic_actor(s, m, actor, window=3, articles=a)
    want = m[m["actor_id"] == actor]
    assert len(k) == len(want) and list(k.columns) == COLUMNS
    assert list(k["sent_id"]) == sorted(want["sent_id"])  # the title (0) first
    assert set(k["keyword"]) <= set(want["surface"])  # exactly the text the matcher found
    assert k.iloc[0]["sent_id"] == 0 and k.iloc[0]["right"] == "visits Astana"
    without_titles = kwic_actor(s, m, actor, window=3)
    assert 0 not in set(without_titles["sent_id"]) and len(without_titles) == (want["sent_id"] > 0).sum()
    assert kwic_actor(s, m, "NOBODY").empty and kwic_actor(s, m.iloc[0:0], actor).empty


def test_kwic_actor_on_a_seed_finds_every_body_mention():
    path = sorted(SEEDS.glob("*.txt"))[0]
    rows = analyse_file(str(path), path.stem).rows
    s, m = pd.DataFrame(rows["sentences"]), pd.DataFrame(rows["mentions"])
    top = m["actor_id"].value_counts().index[0]
    k = kwic_actor(s, m, top)
    body = m[(m["actor_id"] == top) & (m["sent_id"] > 0)]
    assert len(k) == len(body)
    text = dict(zip(zip(s["doc_id"], s["sent_id"]), s["text"]))
    for r in k.itertuples():  # each line reads back as a piece of its sentence
        assert r.keyword in text[(r.doc_id, r.sent_id)]


def test_kwic_actor_orders_by_the_sentences_table_and_puts_title_only_documents_last():
    s = pd.DataFrame([{"doc_id": d, "sent_id": i, "start": 0, "text": t} for d, i, t in [
        ("b", 1, "Kazakhstan votes."), ("b", 2, "Nothing here."), ("c", 1, "Nothing."), ("c", 2, "Nothing."),
        ("c", 3, "Nothing."), ("a", 1, "Then Kazakhstan abstains.")]])
    m = pd.DataFrame([{"doc_id": d, "sent_id": i, "start": a, "end": a + 10, "actor_id": "KAZ"} for d, i, a in [
        ("a", 1, 5), ("c", 0, 0), ("b", 1, 0), ("a", 0, 0)]])
    titles = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["Kazakhstan a", "Title b", "Kazakhstan c"]})
    k = kwic_actor(s, m, "KAZ", articles=titles)
    assert list(zip(k["doc_id"], k["sent_id"])) == [("b", 1), ("a", 0), ("a", 1), ("c", 0)]
    assert set(k["keyword"]) == {"Kazakhstan"}
