"""The shortcuts the stance, facts, quotes and events readers take (skip a sentence, a phrase or a
sweep that cannot produce anything) give the same answers as the full work they skip."""
from __future__ import annotations

import random
import re

import pytest

from helpers.analyse import stance as S
from helpers.extract import grammar as G
from helpers.extract import quotes as Q
from helpers.extract.facts import scan as F
from helpers.model.types import Actor, Mention

WORDS = ["the", "a", "vote", "support", "supports", "for", "russia", "war", "of", "un", ",", "sanctions", "x"]
PATTERNS = [("the", "vote"), ("support*",), ("support", "for"), ("war",), ("a", "vote"), ("*",), ("sanction*", "x"),
            ("vote", "of", "the", "un"), ("x", "*")]


def _match_reference(words, i, pattern):
    """The matcher before its rewrite (equality, or a trailing * after a letter as a prefix)."""
    n = len(pattern)
    if i + n > len(words):
        return False
    first = pattern[0]
    if words[i] != first and not first.endswith("*"):
        return False
    if n == 1 and not first.endswith("*"):
        return True
    for w, p in zip(words[i:i + n], pattern):
        if p.endswith("*") and len(p) > 1:
            if not w.startswith(p[:-1]):
                return False
        elif w != p:
            return False
    return True


def test_match_agrees_with_the_reference_matcher():
    rng = random.Random(7)
    for _ in range(3000):
        words = [rng.choice(WORDS + ["*", "support*"]) for _ in range(rng.randint(0, 8))]
        pattern = rng.choice(PATTERNS)
        for i in range(len(words) + 1):
            assert S._match(words, i, pattern) == _match_reference(words, i, pattern), (words, i, pattern)


def test_every_match_holds_the_key_word():
    rng = random.Random(11)
    for pattern in PATTERNS:
        key = S._key_word(pattern)
        loose = S._key_word(pattern, indexed=False)
        for _ in range(500):
            words = [rng.choice(WORDS) for _ in range(rng.randint(1, 8))]
            for i in range(len(words)):
                if words[i] == pattern[0] and S._match(words, i, pattern):
                    assert key in words  # found through an index: the first word is literal
                if S._match(words, i, pattern) and loose is not None:
                    assert loose in words
    assert S._key_word(("sanction*",), indexed=False) is None  # a prefix only: no literal word
    assert S._key_word(("*",), indexed=False) == "*"  # a bare "*" matches only itself
    assert S._key_word(("the", "vote")) == "vote"


def test_cue_and_target_guards_skip_only_sentences_without_a_match():
    book = S.load_codebook()
    sentences = ["The United States strongly supports Ukraine .", "We will not take sides .",
                 "It was a sunny day in the capital .", "Russia launched a full - scale invasion of Ukraine .",
                 "The General Assembly vote on the draft resolution passed .", "Sanctions on Russia are working ."]
    for text in sentences:
        words = text.lower().split()
        cues = S.find_cues(words, book)
        if book.cue_keys.isdisjoint(words):
            assert cues == []
        for first, last, cue in cues:
            assert cue.key in words
    assert all(cue.key for cues in book.cue_index.values() for cue in cues)


def _mention(first, last, kind="state"):
    return Mention(1, first, last, "x", Actor(f"A{first}_{last}", "x", kind, ""), "name", first, last)


def _outer_reference(mentions):
    """grammar's sweep by start, without its shortcut."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].first_token, -mentions[i].last_token))
    nested, reach_before, k = set(), -1, 0
    while k < len(order):
        start = mentions[order[k]].first_token
        group = []
        while k < len(order) and mentions[order[k]].first_token == start:
            group.append(order[k])
            k += 1
        longest = mentions[group[0]].last_token
        for i in group:
            if reach_before >= mentions[i].last_token or mentions[i].last_token < longest:
                nested.add(i)
        reach_before = max(reach_before, longest)
    return [m for i, m in enumerate(mentions) if i not in nested]


def _quotes_outer_reference(mentions):
    return [m for m in mentions
            if not any(o is not m and o.first_token <= m.first_token and m.last_token <= o.last_token
                       and (o.last_token - o.first_token) > (m.last_token - m.first_token) for o in mentions)]


@pytest.mark.parametrize("seed", range(5))
def test_outer_mentions_shortcuts_agree_with_the_full_sweeps(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        mentions = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, 10)
            mentions.append(_mention(a, a + rng.randint(0, 3)))
        if rng.random() < 0.5:
            mentions.sort(key=lambda m: m.first_token)
        assert G._outer(mentions) == _outer_reference(mentions)
        assert Q._outer(mentions) == _quotes_outer_reference(mentions)


def test_word_positions_are_the_positions_in_order():
    rng = random.Random(3)
    wanted = frozenset({"his", "her"})
    for _ in range(500):
        words = [rng.choice(["his", "her", "son", "the", ","]) for _ in range(rng.randint(0, 30))]
        assert G.word_positions(words, wanted) == [i for i, w in enumerate(words) if w in wanted]


def test_an_aside_needs_a_dash_a_bracket_or_a_relative_pronoun():
    tokens = [(w, 0, 0) for w in "Russia , Which was warned , voted ( again ) no".split()]
    assert G.parenthetical(tokens, len(tokens)) == {2, 3, 4, 8}
    assert G.parenthetical([(w, 0, 0) for w in "Russia , as warned , voted no".split()], 7) == set()


def test_the_name_prefix_test_without_a_regex_agrees_with_the_regex():
    rx = F.patterns()
    assert rx.name_prefixes is not None
    rng = random.Random(5)
    pieces = ["Article ", "Article", "COVID-", "Group of ", "no. ", "No.\n", "in ", "Title  ", "x", " ", "Phase\t"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) + "5"
        s = len(text) - 1
        assert text[max(0, s - 14):s].rstrip().endswith(rx.name_prefixes) == \
            bool(rx.name_prefix.search(text, max(0, s - 14), s)), text
    assert F._literal_suffixes(["Article", "No."]) == ("Article", "No.")
    assert F._literal_suffixes(["Article "]) is None and F._literal_suffixes([]) is None


def test_kinds_of_a_sentence_without_trigger_words():
    assert F.kinds_of(F.Scan("It was a sunny day.")) == F.kinds_of(F.Scan("It was a sunny day."))
    assert F.kinds_of(F.Scan("The leaders met.")) == frozenset()
    assert F.kinds_of(F.Scan("The G7 met.")) == frozenset({"num"})
    assert "vote" in F.kinds_of(F.Scan("141 countries voted in favor of the resolution."))
    assert re.fullmatch(r"_\w+", min(F.patterns().private_kinds))


def _part_rows():
    """Rows of three tables as the analysers make them, and ones frame() must convert."""
    sentences = [{"doc_id": f"d{i % 3}", "sent_id": i, "para_id": i // 4, "start": 10 * i, "end": 10 * i + 9,
                  "text": f"Sentence {i} “quoted”, ünïcode."} for i in range(40)]
    sentiment = [{"doc_id": "d", "sent_id": i, "compound": 0.5 - i / 10, "pos": 0.1, "neu": 0.8, "neg": 0.1,
                  "score": float("nan") if i == 3 else -0.25} for i in range(10)]
    return sentences, sentiment


def _written_as_frame(tmp_path, table, rows):
    from helpers.model.tables import frame

    path = tmp_path / "reference.parquet"
    frame(table, rows).to_parquet(path, index=False)
    return path.read_bytes()


@pytest.mark.parametrize("case", ["plain", "nan float", "int in float", "none", "bool", "extra key",
                                  "missing key", "float in int", "empty", "huge int"])
def test_write_part_writes_the_bytes_pandas_writes(tmp_path, case):
    """write_part's Arrow path gives the file frame(...).to_parquet gives, and leaves to pandas the
    rows frame() would change (None, a bool, an extra or missing key, a float in an int column)."""
    from helpers.model.tables import _rows_arrow, write_part

    sentences, sentiment = _part_rows()
    table, rows = "sentences", sentences
    if case in ("nan float", "int in float"):
        table, rows = "sentiment", sentiment
        if case == "int in float":
            rows[2]["pos"] = 1
    elif case == "none":
        rows[5]["text"] = None
    elif case == "bool":
        rows[5]["start"] = True
    elif case == "extra key":
        rows[5]["note"] = "x"
    elif case == "missing key":
        rows[5] = {**{k: v for k, v in rows[5].items() if k != "text"}, "note": "x"}
    elif case == "float in int":
        rows[5]["end"] = 3.0
    elif case == "empty":
        rows = []
    elif case == "huge int":
        rows[5]["start"] = 2 ** 70
    fast = case in ("plain", "nan float", "int in float")
    assert (_rows_arrow(table, rows) is not None) == fast
    if case == "huge int":
        return  # pandas refuses it too (an object column it cannot write as int64)
    write_part(tmp_path, 0, {table: rows})
    assert (tmp_path / table / "part-000000.parquet").read_bytes() == _written_as_frame(tmp_path, table, rows)


def _corpus_key_reference(ids, names, known):
    """corpus_key before it worked on the non-dictionary rows alone: every row's string test."""
    import pandas as pd

    from helpers.model.labels import KEY_SEP

    ids = ids.fillna("").astype(str)
    names = pd.Series(names.fillna("").astype(str).to_numpy(), index=ids.index)
    keep = ids.isin(known) | ids.eq("") | names.eq("") | ids.str.contains(KEY_SEP, regex=False)
    return ids.where(keep, ids + KEY_SEP + names)


@pytest.mark.parametrize("dtype", ["object", "str"])
def test_corpus_key_matches_the_row_by_row_rule(dtype):
    import numpy as np
    import pandas as pd

    from helpers.analyse.aggregate import corpus_key
    from helpers.model.labels import KEY_SEP

    known = frozenset({"KAZ", "RUS", "BLINKEN"})
    ids = pd.Series(["KAZ", "BROWN", None, "", f"X{KEY_SEP}y", "BROWN", np.nan, "RUS", "SMITH"],
                    index=[5, 5, 1, 2, 3, 4, 0, 9, 8], name="actor_id", dtype=dtype)
    names = pd.Series(["Kazakhstan", "Kate Brown", "n", "q", "w", "", "N", None, "Jo Smith"],
                      index=list(range(9)), dtype=dtype)  # paired by position, not by label
    got = corpus_key(ids, names, known)
    pd.testing.assert_series_equal(got, _corpus_key_reference(ids, names, known))
    assert got.tolist()[1] == f"BROWN{KEY_SEP}Kate Brown" and got.tolist()[5] == "BROWN"
    only_known = ids.iloc[[0, 7]]
    pd.testing.assert_series_equal(corpus_key(only_known, names.iloc[[0, 7]], known),
                                   _corpus_key_reference(only_known, names.iloc[[0, 7]], known))
    with pytest.raises(ValueError):
        corpus_key(ids, names.iloc[:3], known)
