"""The seeds parsed by the helpers equal the hand-coded gold: boilerplate, paragraphs, sentences."""
from collections import Counter

import pytest

from helpers.ingest.parse import parse_document
from tests.conftest import read_gold


@pytest.fixture(scope="module")
def parsed(seed_paths):
    return {p.stem: parse_document(str(p), p.stem) for p in seed_paths}


def test_removed_lines_are_exactly_the_gold_boilerplate(parsed):
    gold = Counter((r["doc_id"], r["line"]) for r in read_gold("boilerplate.csv"))
    ours = Counter((doc_id, line) for doc_id, (_, removed, _) in parsed.items() for line, _ in removed)
    assert ours == gold


def test_titles_outlets_and_paragraph_counts_match_gold(parsed):
    for row in read_gold("articles.csv"):
        doc = parsed[row["doc_id"]][0]
        assert doc.title == row["title"]
        assert doc.outlet == row["outlet"]
        assert len(doc.paragraphs) == int(row["n_body_paragraphs"])
        assert len(doc.sentences) == int(row["n_sentences"])


def test_sentences_equal_the_gold_sentences(parsed):
    gold = [(r["doc_id"], int(r["sent_no"]), r["text"]) for r in read_gold("sentences.csv")]
    ours = [(doc_id, s.sent_id, s.text) for doc_id, (doc, _, _) in parsed.items() for s in doc.sentences]
    assert ours == gold


def test_offsets_slice_the_clean_body(parsed):
    for doc, _, _ in parsed.values():
        for s in doc.sentences:
            assert doc.body[s.start:s.end] == s.text
        assert all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:]))
