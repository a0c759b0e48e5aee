"""Sentence sentiment: nltk's own VADER columns, the news ``score``, aggregation and the NYT benchmark."""
from __future__ import annotations

import math
import random
import string

import numpy as np
import pandas as pd
import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

from helpers.analyse import aggregate as A
from helpers.analyse import sentiment as S
from helpers.evaluate import benchmarks as BM
from helpers.evaluate.targets import target
from helpers.model.types import Document, Sentence
from helpers.model.resources import load_csv, project_root
from helpers.model.schema import TABLES


def score(text: str) -> float:
    return S.score_texts([text])[0]["score"]


@pytest.fixture(scope="module")
def nltk_vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def bench() -> pd.DataFrame:
    return BM.load_benchmark()


# ------------------------------------------------------------ VADER columns are nltk's own

TRICKY = [
    "", "   ", "!!!", "GREAT news :) but the war is NOT over!!", "He is kind of nice, sort of.",
    "At least it isn't a horrible book.", "The least compelling variation.", "''God-awful.''",
    "(good) -bad- 'fine' \"ok\" ...wow... :-( <3", "Never so good; never this bad.", "no no no",
    "despite despite the good, good news", "The the the good good.", "kind of of kind",
]


def test_vader_columns_equal_nltk_on_benchmark_and_tricky_text(nltk_vader, bench):
    for text in list(bench["text"]) + TRICKY:
        row = S.score_texts([text])[0]
        assert {k: row[k] for k in S.VADER_COLUMNS} == {
            k: v for k, v in nltk_vader.polarity_scores(text).items()}, text


def test_vader_columns_equal_nltk_on_random_modifier_text(nltk_vader):
    """Boosters, negations, "never so", "least", capitals, "kind of" and idioms around lexicon
    words, in random orders: the written-out valence step must match nltk's own exactly."""
    rng = random.Random(11)
    words = ["good", "bad", "GOOD", "BAD", "great", "horrible", "very", "extremely", "barely", "VERY",
             "not", "isn't", "never", "so", "this", "least", "at", "kind", "of", "sort", "but", "no",
             "the", "bomb", "cut", "mustard", "yeah", "right", "kiss", "death", "a", "war", "peace",
             "hardly", "without", "doubt", "nor", "Never", "LEAST", "n't", "ain't", "!", "?"]
    for _ in range(4000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        row = S.score_texts([text])[0]
        assert {k: row[k] for k in S.VADER_COLUMNS} == nltk_vader.polarity_scores(text), text


def test_fast_tokens_equal_nltk_sentitext_on_random_text():
    c = SentimentIntensityAnalyzer().constants
    rng = random.Random(7)
    words = ["good", "bad", "war", "not", "but", "very", "no", ":)", "<3", "don't", "GREAT", "I", "a"]
    junk = string.punctuation + " \u00a0\u2014\u201c\u2019"
    for _ in range(3000):
        toks = []
        for _ in range(rng.randint(0, 10)):
            w = rng.choice(words)
            r = rng.random()
            if r < 0.3:
                w = rng.choice(c.PUNC_LIST) + w
            elif r < 0.6:
                w += rng.choice(c.PUNC_LIST)
            elif r < 0.8:
                w = "".join(rng.choice(junk) for _ in range(rng.randint(1, 3))) + w + rng.choice(junk)
            toks.append(w)
        text = " ".join(toks)
        expected = SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
        assert S.FastSentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons == expected


def test_fast_and_nltk_tokenisers_give_the_same_score(bench):
    fast, exact = S.analyzer(), S.NewsSentimentAnalyzer(fast_tokens=False)
    for text in list(bench["text"][:500]) + TRICKY:
        assert fast.scores(text) == exact.scores(text)


# ------------------------------------------------------------ the news score

NEUTRAL_REPORTING = [
    "Troops were deployed to the border as the war entered its second year.",
    "Parliament will vote on the military budget on Tuesday.",
    "The conflict in the region began in 2014.",
    "The attack took place early on Sunday, the defense ministry said.",
    "The crisis talks resumed in Geneva on Monday.",
    "The United Nations Security Council will vote on the resolution on Friday.",
]


@pytest.mark.parametrize("text", NEUTRAL_REPORTING)
def test_neutral_reporting_is_not_strongly_negative(text, nltk_vader):
    s = score(text)
    assert s > -0.5
    assert s >= min(nltk_vader.polarity_scores(text)["compound"], 0.0)


def test_votes_and_names_carry_no_valence(nltk_vader):
    text = "The United Nations Security Council will vote on the resolution on Friday."
    assert nltk_vader.polarity_scores(text)["compound"] > 0.5  # VADER reads "united", "security"
    assert score(text) == 0.0
    assert score("The Justice Department opened an inquiry.") == 0.0


def test_contrast_weights_the_clause_after_but():
    good_then_bad = score("The plan is good but the execution is terrible.")
    bad_then_good = score("The plan is terrible but the execution is good.")
    assert good_then_bad < 0 < bad_then_good
    for word in ("however", "nevertheless"):
        assert score(f"The plan is good; {word}, the execution is terrible.") < 0


def test_concession_clause_is_background():
    assert score("Although the talks were difficult, the outcome was excellent.") > 0
    assert score("The outcome was excellent, although the talks were difficult.") > 0
    assert score("Despite the good intentions, the result was a disaster.") < 0


def test_despite_is_not_a_negation():
    assert score("They praised the agreement despite good reasons for doubt.") > 0
    plain = score("The talks ended in failure.")
    with_despite = score("Despite everything, the talks ended in failure.")
    assert plain < 0 and with_despite < 0


def test_negation_flips():
    assert score("The summit was a success.") > 0 > score("The summit was not a success.")
    assert score("There was progress in the talks.") > score("There was no progress in the talks.")
    assert score("The plan hardly inspires confidence.") < 0
    assert score("The mission failed to bring peace.") < 0


def test_shifters_invert_what_they_act_on():
    assert score("The deal will reduce poverty and prevent war.") > 0
    assert score("Sanctions will curb corruption.") > 0


def test_reporting_negation_is_neutral():
    assert score("The ministry did not comment.") == 0.0
    assert score("A spokesman was not immediately available.") == 0.0


def test_domain_words_vader_lacks(nltk_vader):
    text = "The court found evidence of corruption and atrocities."
    assert nltk_vader.polarity_scores(text)["compound"] == 0.0
    assert score(text) < -0.5
    assert score("Both leaders stressed sovereignty, stability and cooperation.") > 0.3


def test_score_in_range_and_empty_text():
    rows = S.score_texts(["", "!!!", "war " * 200, "good " * 200, "not " * 50])
    assert rows[0]["score"] == 0.0
    assert all(-1.0 <= r["score"] <= 1.0 for r in rows)


# ------------------------------------------------------------ analyser rows


def test_analyse_rows_keyed_by_doc_and_sentence_and_skip_title():
    sents = ["Leaders welcomed the agreement.", "The war continued in the east."]
    body, spans, pos = " ".join(sents), [], 0
    for i, s in enumerate(sents, start=1):
        spans.append(Sentence(i, 1, pos, pos + len(s), s))
        pos += len(s) + 1
    doc = Document(doc_id="d1", title="Great news for peace", body=body, paragraphs=[body], sentences=spans)
    rows = {"sentiment": []}
    S.analyse(doc, rows)
    out = rows["sentiment"]
    assert [(r["doc_id"], r["sent_id"]) for r in out] == [("d1", 1), ("d1", 2)]
    assert all(list(r) == TABLES["sentiment"] for r in out)
    assert out[0]["score"] > 0 > out[1]["score"]
    expected = S.score_texts(sents)
    assert [r["compound"] for r in out] == [e["compound"] for e in expected]


# ------------------------------------------------------------ aggregation


def sentiment_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "a", "a", "b"],
        "sent_id": [1, 2, 3, 1],
        "compound": [0.5, -0.5, 0.0, 0.2],
        "pos": 0.0, "neu": 1.0, "neg": 0.0,
        "score": [0.6, -0.4, 0.02, 0.3],
    })


def test_t_critical_matches_tables():
    assert A.t_critical(1) == pytest.approx(12.706, abs=1e-3)
    assert A.t_critical(30) == pytest.approx(2.042, abs=1e-3)
    assert A.t_critical(60) == pytest.approx(2.000, abs=2e-3)
    assert A.t_critical(120) == pytest.approx(1.980, abs=2e-3)
    assert math.isnan(A.t_critical(0))


def test_article_sentiment_means_shares_and_interval():
    out = A.article_sentiment(sentiment_frame()).set_index("doc_id")
    a = out.loc["a"]
    scores = np.array([0.6, -0.4, 0.02])
    half = 4.303 * scores.std(ddof=1) / math.sqrt(3)
    assert a["n_sentences"] == 3
    assert a["mean_score"] == pytest.approx(scores.mean())
    assert a["mean_compound"] == pytest.approx(0.0)
    assert a["share_positive"] == pytest.approx(1 / 3)  # 0.02 is inside the +-0.05 neutral band
    assert a["share_negative"] == pytest.approx(1 / 3)
    assert a["ci_low"] == pytest.approx(scores.mean() - half, abs=1e-3)
    assert a["ci_high"] == pytest.approx(scores.mean() + half, abs=1e-3)
    assert math.isnan(out.loc["b", "ci_low"]) and math.isnan(out.loc["b", "ci_high"])


def test_actor_sentiment_counts_distinct_sentences():
    mentions = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "a", "a"],
        "sent_id": [1, 1, 2, 1, 3, 0],  # two mentions in a/1 count once; a/0 (title) has no sentiment row
        "actor_id": ["KAZ", "KAZ", "KAZ", "KAZ", "UZB", "UZB"],
        "actor_name": ["Kazakhstan"] * 4 + ["Uzbekistan"] * 2,
        "kind": "country",
        "country_iso3": ["KAZ"] * 4 + ["UZB"] * 2,
    })
    out = A.actor_sentiment(sentiment_frame(), mentions).set_index("actor_id")
    kaz = out.loc["KAZ"]
    scores = np.array([0.6, -0.4, 0.3])
    assert kaz["n_sentences"] == 3 and kaz["n_docs"] == 2
    assert kaz["mean_score"] == pytest.approx(scores.mean())
    half = 4.303 * scores.std(ddof=1) / math.sqrt(3)
    assert kaz["ci_low"] == pytest.approx(scores.mean() - half, abs=1e-3)
    uzb = out.loc["UZB"]
    assert uzb["n_sentences"] == 1 and uzb["actor_name"] == "Uzbekistan"
    assert math.isnan(uzb["ci_low"]) and math.isnan(uzb["ci_high"])


def test_aggregations_of_empty_tables_are_empty_frames():
    empty = pd.DataFrame(columns=TABLES["sentiment"])
    assert A.article_sentiment(empty).empty
    assert A.actor_sentiment(empty, pd.DataFrame(columns=TABLES["mentions"])).empty


# ------------------------------------------------------------ data files and benchmark


def test_lexicon_rows_are_well_formed():
    rows = load_csv(S.LEXICON_FILE)
    terms = [r["term"] for r in rows]
    assert len(terms) == len(set(terms)) > 200
    for r in rows:
        assert -4.0 <= float(r["valence"]) <= 4.0
        assert r["kind"] in {"damp", "neutral", "add", "phrase"}
        assert r["rationale"].strip()
        assert (" " in r["term"]) == (r["kind"] == "phrase")


def test_benchmark_ships_inside_the_repository(bench):
    path = BM.benchmark_path()
    assert project_root() in path.resolve().parents
    assert (path.parent / "README.md").exists() and (path.parent / "LICENSE.txt").exists()
    assert len(bench) == 5190 and bench["rating"].between(-4, 4).all()
    assert (bench["id"].str.split("_").str[0] == bench["editorial"]).all()


def test_folds_keep_each_editorial_in_one_fold(bench):
    folds = BM.editorial_folds(bench["editorial"], k=5)
    assert (pd.Series(folds).groupby(bench["editorial"]).nunique() == 1).all()
    assert set(folds) == set(range(5))


def test_nyt_benchmark_score_beats_vader_on_held_out_folds():
    b = BM.nyt_benchmark(S, k=5)
    assert b["r_vader"] == pytest.approx(0.490, abs=0.001)  # the README's reference figure
    for fold in b["folds"]:
        assert fold["r_score_cv"] > fold["r_vader"]
    assert b["cv_r_score_mean"] > b["cv_r_vader_mean"]
    assert b["cv_r_score_mean"] >= target("nyt", "sentiment (NYT editorials)", "r, news score, held-out folds")
    # the shipped parameters in sentiment_rules.yaml are the all-data fit of the same grid
    assert b["shipped_params"] == b["full_data_fit"]


def test_unscored_sentences_take_nltk_result_through_the_shortcut(nltk_vader):
    """A sentence with no token nltk scores (none, or only boosters, punctuation and unknown words)
    skips nltk's loop and score_valence: same dict, same float types, and the same news score
    as the full pass gives."""
    an = S.analyzer()
    rng = random.Random(3)
    words = ["the", "very", "extremely", "kind", "of", "!", "!!", "?", "???", "UN", "vote", "troops",
             "x", "a", "I", "—", ":", "Russia", "n't", "not", "despite", "no", "war"]
    texts = ["", " ", "!", "a", "!!!", "???", "very very", "The vote was 141 to 5."]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    for text in texts:
        result, parts = an._pass(text)
        assert repr(result) == repr(nltk_vader.polarity_scores(text)), text
        lows = [w.lower() for w in S.FastSentiText(text, an.constants.PUNC_LIST,
                                                   an.constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons]
        if an._scored.isdisjoint(lows):
            words_ = S.FastSentiText(text, an.constants.PUNC_LIST, an.constants.REGEX_REMOVE_PUNCTUATION)
            full = an._token_valences(words_, words_.words_and_emoticons, lows)
            assert full == [0] * len(lows) and all(type(v) is int for v in full), text


def test_analyse_gives_a_repeated_sentence_the_scores_of_its_text():
    """``analyse`` keeps each text's scores (a corpus repeats sentences): a repeat, in the same or
    another document, gets the same values as scoring it afresh, in a row of its own."""
    sents = ["Leaders welcomed the agreement.", "The war continued in the east.", "Leaders welcomed the agreement."]
    body, spans, pos = " ".join(sents), [], 0
    for i, s in enumerate(sents, start=1):
        spans.append(Sentence(i, 1, pos, pos + len(s), s))
        pos += len(s) + 1
    S._ROW_MEMO.clear()
    first, again = {"sentiment": []}, {"sentiment": []}
    for rows in (first, again):
        S.analyse(Document(doc_id="d", title="", body=body, paragraphs=[body], sentences=spans), rows)
    expected = [{"doc_id": "d", "sent_id": i, **{k: e[k] for k in TABLES["sentiment"][2:]}}
                for i, e in enumerate(S.score_texts(sents), start=1)]
    assert repr(first["sentiment"]) == repr(again["sentiment"]) == repr(expected)
    assert first["sentiment"][0] is not first["sentiment"][2]


def test_idiom_check_skipped_only_where_no_idiom_can_match(nltk_vader):
    """``_lexicon_valence`` calls nltk's idiom check only when a token around the word is a word of a
    multi-word idiom or booster; on text dense in such words (and in look-alikes, other cases and
    repeated tokens, whose first occurrence nltk scores) the columns stay nltk's own."""
    an = S.analyzer()
    c = an.constants
    parts = sorted(an._idiom_words) + ["Bomb", "THE", "kind-of", "of.", "good", "bad", "war", "not", "very"]
    phrases = list(c.SPECIAL_CASE_IDIOMS) + [k for k in c.BOOSTER_DICT if " " in k]
    rng = random.Random(17)
    for _ in range(4000):
        toks = [rng.choice(parts) for _ in range(rng.randint(1, 9))]
        toks.insert(rng.randint(0, len(toks)), rng.choice(phrases))
        text = " ".join(toks)
        row = S.score_texts([text])[0]
        assert {k: row[k] for k in S.VADER_COLUMNS} == nltk_vader.polarity_scores(text), text


def test_forgetting_the_sentence_memo_changes_no_score():
    from helpers.analyse import sentiment as S
    from helpers.pipeline.document import analyse_text
    text = "Title\n\nThe attack was brutal and cowardly.\n\nThe attack was brutal and cowardly.\n"
    first = analyse_text(text)["sentiment"]
    S.forget_sentences()
    assert not S._ROW_MEMO
    assert analyse_text(text)["sentiment"] == first and first[0]["compound"] == first[1]["compound"] < 0
