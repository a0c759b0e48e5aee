"""Sentence sentiment: nltk VADER's columns plus ``score``, a news-language score from the same pass.

One nltk VADER pass per sentence (never per article) gives ``compound``, ``pos``, ``neu``
and ``neg`` exactly as nltk computes them, and the same per-token valences are re-weighted
for news language into ``score`` (in [-1, 1]):

* a domain lexicon (``data/dictionaries/sentiment_lexicon.csv``) damps words that report
  rather than judge ("war", "troops", "vote") and adds words VADER lacks ("sovereignty",
  "corruption"); unknown inflections and punctuation-wrapped tokens find their base word;
* rules (``sentiment_rules.yaml``): names lose their valence ("United Nations"); the clause
  after "but"/"however" and outside "although"/"despite" carries the point; "despite" stops
  being a negation; "no", "hardly", "lack", "failed" negate; "reduce", "prevent" shift
  ("reduce poverty" is good); negation words carry a mild negative tone of their own,
  except in reporting formulas ("did not comment");
* four combination numbers (negativity weight, length damping, saturation, negation tone)
  are fitted on the NYT editorial benchmark; ``nyt_benchmark`` reports their k-fold
  cross-validated r by editorial.

Speed: ``FastSentiText`` reproduces nltk's tokens in linear time (nltk builds a words x
punctuation table per sentence), so a sentence costs well under one plain nltk call; the
tests check nltk's own output is reproduced exactly.
"""
from __future__ import annotations

import functools
import itertools
import math
import string
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

from helpers.model.resources import load_csv, load_yaml

if TYPE_CHECKING:
    from helpers.model.types import Document

LEXICON_FILE = "sentiment_lexicon.csv"
RULES_FILE = "sentiment_rules.yaml"
#: |score| above this counts a sentence as positive / negative (VADER's customary 0.05 cut).
POLARITY_THRESHOLD = 0.05
VADER_COLUMNS = ("compound", "pos", "neu", "neg")

_PUNCT = string.punctuation
_DELETE_PUNCT = str.maketrans("", "", _PUNCT)
_CLAUSE_END = ",;:"
#: The news score before combination: positive sum, negative sum, n tokens, punctuation emphasis, n negators.
Parts = tuple[float, float, int, float, int]
_MISSING = object()
#: nltk's ``score_valence`` of one or more zero valences (``sum`` 0.0 takes no punctuation emphasis,
#: ``normalize(0.0)`` is 0.0, pos and neg sums stay 0.0, neu is n / n) and of no valence at all.
_UNSCORED = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
_MEMO_LIMIT = 500_000


# ---------------------------------------------------------------- curated data


@dataclass(frozen=True)
class ScoreParams:
    """How summed token valences become ``score``: negativity weight, length damping, saturation."""

    neg_weight: float = 1.0
    length_power: float = 0.0
    alpha: float = 15.0
    negation_valence: float = 0.0


@dataclass(frozen=True)
class Rules:
    """The news-score knowledge: lexicon entries and the contrast / negation / name rules."""

    words: dict[str, float]
    phrases: dict[tuple[str, ...], float]
    phrase_starts: frozenset[str]
    contrast: frozenset[str]
    conditional_contrast: frozenset[str]
    before: float
    after: float
    concession: frozenset[str]
    clause: float
    main: float
    not_negators: frozenset[str]
    extra_negators: frozenset[str]
    negation_scalar: float
    window: int
    shifters: frozenset[str]
    shifter_window: int
    name_weight: float
    title_case_share: float
    suffixes: tuple[tuple[str, str], ...]
    min_stem: int
    negating_prefixes: frozenset[str]
    reporting_negation: frozenset[str]
    params: ScoreParams


@functools.lru_cache(maxsize=None)
def load_rules() -> Rules:
    """Lexicon CSV and rules YAML as one immutable object, read once per process."""
    words: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    for row in load_csv(LEXICON_FILE):
        term = row["term"].strip().lower()
        value = float(row["valence"])
        if " " in term:
            phrases[tuple(term.split())] = value
        else:
            words[term] = value
    y = load_yaml(RULES_FILE)
    combine = y.get("combine", {})
    return Rules(
        words=words,
        phrases=phrases,
        phrase_starts=frozenset(p[0] for p in phrases),
        contrast=frozenset(y["contrast"]["words"]),
        conditional_contrast=frozenset(y["contrast"].get("conditional_words", [])),
        before=float(y["contrast"]["before"]),
        after=float(y["contrast"]["after"]),
        concession=frozenset(y["concession"]["words"]),
        clause=float(y["concession"]["clause"]),
        main=float(y["concession"]["main"]),
        not_negators=frozenset(y.get("not_negators", [])),
        extra_negators=frozenset(y.get("extra_negators", [])),
        negation_scalar=float(y["negation_scalar"]),
        window=int(y["negation_window"]),
        shifters=frozenset(y.get("shifters", [])),
        shifter_window=int(y.get("shifter_window", 2)),
        name_weight=float(y["name_weight"]),
        title_case_share=float(y["title_case_share"]),
        suffixes=tuple((s, r) for s, r in y["suffixes"]),
        min_stem=int(y["min_stem"]),
        negating_prefixes=frozenset(y.get("negating_prefixes", [])),
        reporting_negation=frozenset(y.get("reporting_negation", [])),
        params=ScoreParams(**{k: float(v) for k, v in combine.items() if k in ScoreParams.__annotations__}),
    )


# ---------------------------------------------------------------- tokenisation


class FastSentiText(SentiText):
    """nltk's SentiText giving the same tokens in linear time (nltk builds a words x punctuation table)."""

    def _words_and_emoticons(self) -> list[str]:
        """nltk's tokens: a word with one leading or trailing PUNC_LIST mark loses it, the rest stay.

        nltk maps "mark + word" and "word + mark" to the word for every word of the text with its
        punctuation deleted; such a word holds no punctuation and has two or more characters, and
        a token stripped of its mark is one of them exactly when it is such a word itself. So the
        test is made on the token alone, without building nltk's table.
        """
        raw = [we for we in self.text.split() if len(we) > 1]
        self.raw_tokens = raw
        # PUNC_LIST itself: the commonest marks (".", ",") come first in it, and a list test is
        # cheaper than copying it into a tuple to look up its set per sentence
        marks = self.PUNC_LIST
        out = []
        for we in raw:
            if we[0] in _PUNCT:
                w = we.lstrip(_PUNCT)
                mark = we[: len(we) - len(w)]
            elif we[-1] in _PUNCT:
                w = we.rstrip(_PUNCT)
                mark = we[len(w):]
            else:
                out.append(we)
                continue
            out.append(w if mark in marks and len(w) > 1 and w.translate(_DELETE_PUNCT) == w else we)
        return out

    def allcap_differential(self, words: list[str]) -> bool:
        """nltk's: some but not all tokens are in capitals."""
        allcaps = sum(map(str.isupper, words))
        return 0 < len(words) - allcaps < len(words)


# ---------------------------------------------------------------- the analyser


class NewsSentimentAnalyzer(SentimentIntensityAnalyzer):
    """nltk's VADER, whose one pass per sentence yields both nltk's scores and the news ``score``."""

    def __init__(self, rules: Rules | None = None, fast_tokens: bool = True) -> None:
        super().__init__()
        self.rules = rules or load_rules()
        self.fast_tokens = fast_tokens
        self._memo: dict[str, float | None] = {}
        #: VADER's negators less the false ones ("despite"), for words VADER did not score.
        self._negators = frozenset(self.constants.NEGATE) - self.rules.not_negators
        self._vader_negate = frozenset(self.constants.NEGATE)  # nltk's own negation words, all of them
        self._switches = self.rules.extra_negators | self.rules.shifters
        #: Every negating word, each of which also carries a mild negative valence of its own.
        self._all_negators = self._negators | self.rules.extra_negators
        #: The tokens nltk's loop scores: lexicon words that are not booster words (``_token_valences``).
        self._scored = frozenset(w for w in self.lexicon if w not in self.constants.BOOSTER_DICT)
        #: The words of nltk's multi-word idioms and boosters ("the bomb", "kind of"): nltk's idiom
        #: check compares space-joined runs of tokens (which hold no space) with these phrases, so
        #: a run can match only if all its tokens are such words.
        self._idiom_words = frozenset(
            part for phrase in itertools.chain(self.constants.SPECIAL_CASE_IDIOMS, self.constants.BOOSTER_DICT)
            for part in phrase.split(" ") if " " in phrase)

    # -- one pass ------------------------------------------------------------

    def scores(self, text: str) -> dict[str, float]:
        """nltk VADER's compound/pos/neu/neg for ``text`` plus the news ``score``, from one tokenisation."""
        result, parts = self._pass(text)
        result["score"] = combine(*parts, self.rules.params)
        return result

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Exactly nltk's polarity_scores (same dict), computed through the shared pass."""
        return self._pass(text)[0]

    def _pass(self, text: str) -> tuple[dict[str, float], Parts]:
        """One tokenisation and one lexicon pass: nltk's result dict and the news-score parts."""
        c = self.constants
        if self.fast_tokens:
            sentitext = FastSentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
            raw = sentitext.raw_tokens
        else:
            sentitext = SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
            raw = [we for we in sentitext.text.split() if len(we) > 1]
        words = sentitext.words_and_emoticons
        lows = [w.lower() for w in words]
        if self._scored.isdisjoint(lows):
            # No token nltk scores (half the sentences of news): every valence is 0, and nltk's
            # score_valence of n zeros is the constant _UNSCORED (neu = n / n), or _EMPTY for no token.
            sentiments = [0] * len(lows)
            result = dict(_UNSCORED if lows else _EMPTY)
        else:
            sentiments = self._token_valences(sentitext, words, lows)
            result = self.score_valence(_but_check(lows, list(sentiments)), text)
        return result, self.news_parts(words, raw, sentiments, sentitext.text, lows)

    def _token_valences(self, sentitext: SentiText, words: list[str], lows: list[str] | None = None) -> list[float]:
        """nltk's per-token loop of polarity_scores, stopping before the 'but' rule, with the same result.

        nltk appends the 0 it starts from for a token outside its lexicon (and for booster words
        and "kind of"); only lexicon words go through ``sentiment_valence``, at nltk's index for
        the token (its first occurrence). Most tokens are not in the lexicon, so this skips most calls.
        """
        if lows is None:
            lows = [w.lower() for w in words]
        lexicon = self.lexicon
        booster = self.constants.BOOSTER_DICT
        n = len(words)
        sentiments: list[float] = []
        for k, low in enumerate(lows):
            if low not in lexicon or low in booster:
                sentiments.append(0)
                continue
            i = words.index(words[k])  # nltk's index for the token: its first occurrence
            if i < n - 1 and low == "kind" and lows[i + 1] == "of":
                sentiments.append(0)
                continue
            sentiments.append(self._lexicon_valence(words, lows, i, sentitext.is_cap_diff))
        return sentiments

    def _lexicon_valence(self, words: list[str], lows: list[str], i: int, is_cap_diff: bool) -> float:
        """nltk's ``sentiment_valence`` for the lexicon word at index ``i``, step for step and with the
        same arithmetic, reading the lower-cased tokens once computed instead of lower-casing each
        neighbour again (its scalar_inc_dec, _never_check and _least_check written out; the idioms
        check is nltk's own)."""
        c = self.constants
        lexicon, booster, negate = self.lexicon, c.BOOSTER_DICT, self._vader_negate
        valence = lexicon[lows[i]]
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += c.C_INCR
            else:
                valence -= c.C_INCR
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if i > start_i and lows[j] not in lexicon:
                s = 0.0  # scalar_inc_dec
                if lows[j] in booster:
                    s = booster[lows[j]]
                    if valence < 0:
                        s *= -1
                    if words[j].isupper() and is_cap_diff:
                        if valence > 0:
                            s += c.C_INCR
                        else:
                            s -= c.C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                # _never_check: nltk's negated([word]) is "a NEGATE word or holds n't"
                if start_i == 0:
                    if lows[i - 1] in negate or "n't" in lows[i - 1]:
                        valence = valence * c.N_SCALAR
                elif start_i == 1:
                    if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                        valence = valence * 1.5
                    elif lows[j] in negate or "n't" in lows[j]:
                        valence = valence * c.N_SCALAR
                else:
                    if (words[i - 3] == "never" and (words[i - 2] == "so" or words[i - 2] == "this")
                            or (words[i - 1] == "so" or words[i - 1] == "this")):
                        valence = valence * 1.25
                    elif lows[j] in negate or "n't" in lows[j]:
                        valence = valence * c.N_SCALAR
                    # nltk's idiom check joins tokens i-3 .. i+2; with none of them an idiom word
                    # no phrase can match and it would return the valence unchanged.
                    if not self._idiom_words.isdisjoint(words[i - 3:i + 3]):
                        valence = self._idioms_check(valence, words, i)
        # _least_check
        if i > 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * c.N_SCALAR
        elif i > 0 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            valence = valence * c.N_SCALAR
        return valence

    # -- the news score ----------------------------------------------------------

    def news_valence(self, word: str) -> float | None:
        """The news lexicon's valence for a lower-cased token, or None to keep VADER's own (memoised)."""
        try:
            return self._memo[word]
        except KeyError:
            if len(self._memo) >= _MEMO_LIMIT:  # bound memory on huge vocabularies
                self._memo.clear()
            value = self._memo[word] = _lookup(word, self.rules, self.lexicon)
            return value

    def news_parts(self, words: list[str], raw: list[str], sentiments: list[float], text: str,
                   lows: list[str] | None = None) -> Parts:
        """Re-weight nltk's per-token valences for news language; return the sums to combine."""
        rules = self.rules
        if lows is None:
            lows = [w.lower() for w in words]
        vals = self._lexical_valences(words, lows, sentiments)
        if not rules.phrase_starts.isdisjoint(lows):
            _apply_phrases(vals, lows, rules, self._negators)
        if not self._switches.isdisjoint(lows):
            _apply_switches(vals, lows, rules)
        _apply_contrast(vals, lows, raw, rules)
        pos = neg = 0.0
        for v in vals:
            if v > 0:
                pos += v
            elif v < 0:
                neg += v
        n_neg = _count_negators(lows, self._all_negators, rules.reporting_negation, "n't" in text)
        emphasis = self._punctuation_emphasis(0.0, text) if (pos or neg or n_neg) else 0.0
        return pos, neg, len(words), emphasis, n_neg

    def _lexical_valences(self, words: list[str], lows: list[str], sentiments: list[float]) -> list[float]:
        """Per token: VADER's valence with news-lexicon values, name damping and the 'despite' fix."""
        rules = self.rules
        memo = self._memo
        vals = [0.0] * len(words)
        names: bool | None = None  # decided on the first capitalised valenced word
        check_despite = not rules.not_negators.isdisjoint(lows)
        for i, v in enumerate(sentiments):
            low = lows[i]
            news = memo.get(low, _MISSING)
            if news is _MISSING:
                news = self.news_valence(low)
            from_vader = True
            if news is not None:
                base = self.lexicon.get(low, 0.0)
                if base and v:
                    v = v * news / base  # keep nltk's booster / negation / caps modifiers
                else:
                    v = news * _negation_factor(lows, i, rules.window, self._negators, rules.negation_scalar)
                    from_vader = False
            if not v:
                continue
            if from_vader and check_despite and _negated_by_false_negator(
                lows, i, rules.window, self.constants.NEGATE, rules.not_negators
            ):
                v = v / rules.negation_scalar
            word = words[i]
            if i and word[0].isupper() and not word.isupper():
                if names is None:
                    names = _names_apply(words, rules.title_case_share)
                if names:
                    v = v * rules.name_weight
            vals[i] = v
        return vals


def _but_check(lows: list[str], sentiments: list[float]) -> list[float]:
    """nltk's 'but' rule on the lower-cased tokens (in place): halve before the first "but", 1.5x after."""
    if "but" in lows:
        bi = lows.index("but")
        for sidx, sentiment in enumerate(sentiments):
            if sidx < bi:
                sentiments[sidx] = sentiment * 0.5
            elif sidx > bi:
                sentiments[sidx] = sentiment * 1.5
    return sentiments


def _count_negators(lows: list[str], negators: frozenset[str], reporting: frozenset[str],
                    contractions: bool) -> int:
    """Negating words that carry their own negative tone: not those in a reporting formula ("did not comment")."""
    if not contractions and negators.isdisjoint(lows):
        return 0  # no negating word (most sentences): the count below is of nothing
    if contractions:
        hits = [i for i, w in enumerate(lows) if w in negators or "n't" in w]
    else:
        hits = [i for i, w in enumerate(lows) if w in negators]
    return sum(1 for i in hits if reporting.isdisjoint(lows[i + 1:i + 3]))


def combine(pos: float, neg: float, n: int, emphasis: float, n_neg: int, params: ScoreParams) -> float:
    """Summed valences to a score in [-1, 1]: add negation's own valence, weight negatives, damp by length, saturate."""
    neg = neg + params.negation_valence * n_neg
    total = (pos + params.neg_weight * neg) / (max(n, 1) ** params.length_power)
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return round(total / math.sqrt(total * total + params.alpha), 4)


def combine_array(parts: np.ndarray, params: ScoreParams) -> np.ndarray:
    """Vectorised ``combine`` over rows of (pos, neg, n, emphasis, n_neg), for fitting and benchmarks."""
    pos, neg, n, emphasis, n_neg = parts.T
    neg = neg + params.negation_valence * n_neg
    total = (pos + params.neg_weight * neg) / np.maximum(n, 1) ** params.length_power
    total = total + np.sign(total) * emphasis
    return total / np.sqrt(total * total + params.alpha)


def _negated_by_false_negator(lows: Sequence[str], i: int, window: int, negate: Iterable[str],
                              not_negators: frozenset[str]) -> bool:
    """Did VADER flip token i only because of a false negator ("despite") before it?"""
    before = lows[max(0, i - window):i]
    return any(w in not_negators for w in before) and not any(
        (w in negate and w not in not_negators) or "n't" in w for w in before
    )


def _negation_factor(lows: Sequence[str], i: int, window: int, negators: frozenset[str],
                     scalar: float) -> float:
    """``scalar`` if a negator (or an n't contraction) is among the ``window`` tokens before token i, else 1."""
    for j in range(max(0, i - window), i):
        w = lows[j]
        if w in negators or "n't" in w:
            return scalar
    return 1.0


def _names_apply(words: Sequence[str], title_case_share: float) -> bool:
    """Whether capitalisation marks names here (not a Title Case headline)."""
    if len(words) < 2:
        return False
    caps = sum(1 for w in words[1:] if w[:1].isupper())
    return caps <= title_case_share * (len(words) - 1)


def _lookup(word: str, rules: Rules, vader: dict[str, float]) -> float | None:
    """News valence of a lower-cased token: domain lexicon; None if VADER has it; else the bare or inflected form."""
    if word in rules.words:
        return rules.words[word]
    if word in vader:
        return None
    bare = word.strip(_PUNCT)  # nltk keeps punctuation on tokens like ''awful.'' or (good
    if bare != word and bare:
        if bare in rules.words:
            return rules.words[bare]
        if bare in vader:
            return vader[bare]
    value = _inflected(bare, rules, vader)
    if value is None and "-" in bare:
        value = _compound_word(bare.split("-"), rules, vader)
    return value


def _inflected(word: str, rules: Rules, vader: dict[str, float]) -> float | None:
    """Valence of a word's stem after stripping an inflection (deaths -> death), or None."""
    for suffix, repl in rules.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= rules.min_stem:
            stem = word[: len(word) - len(suffix)]
            for candidate in _stem_candidates(stem, repl):
                if candidate in rules.words:
                    return rules.words[candidate]
                if candidate in vader:
                    return vader[candidate]
    return None


def _compound_word(parts: list[str], rules: Rules, vader: dict[str, float]) -> float | None:
    """Valence of a hyphenated word with a negating prefix: its strongest part, flipped (anti-democratic)."""
    if parts[0] not in rules.negating_prefixes:
        return None
    values = []
    for part in parts[1:]:
        v = rules.words.get(part, vader.get(part))
        if v is None:
            v = _inflected(part, rules, vader)
        if v:
            values.append(v)
    return max(values, key=abs) * rules.negation_scalar if values else None


def _stem_candidates(stem: str, repl: str) -> tuple[str, ...]:
    """The stem with its replacement ending, and with a doubled final consonant undone (stopp -> stop)."""
    first = stem + repl
    if not repl and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return first, stem[:-1]
    return (first,)


def _apply_phrases(vals: list[float], lows: list[str], rules: Rules, negators: frozenset[str]) -> None:
    """Multi-word lexicon terms replace their words' valences (in place)."""
    i, n = 0, len(lows)
    while i < n:
        if lows[i] in rules.phrase_starts:
            for phrase, value in rules.phrases.items():
                k = len(phrase)
                if tuple(lows[i:i + k]) == phrase:
                    vals[i] = value * _negation_factor(lows, i, rules.window, negators, rules.negation_scalar)
                    for j in range(i + 1, i + k):
                        vals[j] = 0.0
                    i += k - 1
                    break
        i += 1


def _apply_switches(vals: list[float], lows: list[str], rules: Rules) -> None:
    """Extra negators and valence shifters flip the valenced words after them and lose their own (in place)."""
    scalar = rules.negation_scalar
    for s, low in enumerate(lows):
        if low in rules.extra_negators:
            window = rules.window
        elif low in rules.shifters:
            window = rules.shifter_window
        else:
            continue
        hit = False
        for j in range(s + 1, min(len(lows), s + 1 + window)):
            if vals[j]:
                vals[j] *= scalar
                hit = True
        if hit:
            vals[s] = 0.0


def _apply_contrast(vals: list[float], lows: list[str], raw: Sequence[str], rules: Rules) -> None:
    """Weight the point of a contrast: after 'but'-like words, outside 'although'-like clauses (in place)."""
    n = len(lows)
    if rules.contrast.isdisjoint(lows) and rules.conditional_contrast.isdisjoint(lows) \
            and rules.concession.isdisjoint(lows):
        return
    for i, low in enumerate(lows):
        if low in rules.contrast or (
            low in rules.conditional_contrast
            and (i == 0 or lows[i - 1] == "and" or raw[i - 1][-1] in _CLAUSE_END)
        ):
            for j in range(n):
                if j < i:
                    vals[j] *= rules.before
                elif j > i:
                    vals[j] *= rules.after
            return
        if low in rules.concession:
            end = next((j for j in range(i, n) if raw[j][-1] in _CLAUSE_END), n - 1)
            for j in range(n):
                if i < j <= end:
                    vals[j] *= rules.clause
                elif j > end or (end == n - 1 and j < i):
                    vals[j] *= rules.main
            return


@functools.lru_cache(maxsize=None)
def analyzer() -> NewsSentimentAnalyzer:
    """The per-process analyser (lexicons loaded once)."""
    return NewsSentimentAnalyzer()


# ---------------------------------------------------------------- per-document API


def score_texts(texts: Iterable[str]) -> list[dict[str, float]]:
    """compound, pos, neu, neg (nltk VADER) and score (news) for each text, one pass each."""
    scores = analyzer().scores
    return [scores(t) for t in texts]


#: Sentence text -> (compound, pos, neu, neg, score), for ``analyse``: a corpus repeats sentences
#: (closing formulas, datelines, the same statement in two releases; 7% of the White House
#: statements' sentences), and a text's scores depend on the text alone (the analyser's lexicons
#: and rules are fixed per process). Bounded like the word memo.
_ROW_MEMO: dict[str, tuple[float, float, float, float, float]] = {}
_ROW_MEMO_LIMIT = 50_000


def forget_sentences() -> None:
    """Empty the sentence memo of ``analyse`` (a benchmark that analyses the same documents again
    calls this before each pass, so that a repeat costs what a first reading costs)."""
    _ROW_MEMO.clear()


def analyse(doc: Document, rows: dict[str, list[dict]]) -> None:
    """Analyser: one sentiment row per body sentence (the title, sent_id 0, is skipped)."""
    scores = analyzer().scores
    memo = _ROW_MEMO
    out = rows["sentiment"]
    doc_id = doc.doc_id
    for s in doc.sentences:
        text = s.text
        values = memo.get(text)
        if values is None:
            r = scores(text)
            values = (r["compound"], r["pos"], r["neu"], r["neg"], r["score"])
            if len(memo) >= _ROW_MEMO_LIMIT:
                memo.clear()
            memo[text] = values
        compound, pos, neu, neg, score = values
        out.append({"doc_id": doc_id, "sent_id": s.sent_id, "compound": compound,
                    "pos": pos, "neu": neu, "neg": neg, "score": score})


# ---------------------------------------------------------------- aggregation


# ---------------------------------------------------------------- benchmark


#: The candidate values of the four ``combine`` parameters, searched on training folds.
PARAM_GRID: dict[str, tuple[float, ...]] = {
    "neg_weight": (1.0, 1.25, 1.5, 1.75, 2.0, 2.5),
    "length_power": (0.0, 0.25, 0.5, 0.75),
    "alpha": (1.0, 2.0, 3.0, 5.0, 8.0, 15.0),
    "negation_valence": (0.0, -0.5, -1.0, -1.5),
}


def param_grid(grid: dict[str, tuple[float, ...]] = PARAM_GRID) -> list[ScoreParams]:
    """Every combination of the grid's values."""
    keys = list(grid)
    return [ScoreParams(**dict(zip(keys, values))) for values in itertools.product(*grid.values())]


def shipped_params() -> ScoreParams:
    """The combine parameters the news score ships with (``sentiment_rules.yaml``)."""
    return analyzer().rules.params


def benchmark_scores(texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """nltk compound, shipped score and score parts for each text, from the one shared pass."""
    run = analyzer()._pass
    params = analyzer().rules.params
    compound, score, parts = [], [], []
    for text in texts:
        result, p = run(text)
        compound.append(result["compound"])
        score.append(combine(*p, params))
        parts.append(p)
    return np.array(compound), np.array(score), np.array(parts, dtype=float)


def time_per_sentence(texts: Sequence[str], repeat: int = 3) -> dict[str, float]:
    """Best-of-``repeat`` microseconds per sentence: plain nltk polarity_scores vs our score_texts."""
    plain = SentimentIntensityAnalyzer()
    ours = analyzer()
    ours_exact = NewsSentimentAnalyzer(fast_tokens=False)
    for t in texts[:50]:  # warm the memo and caches once
        ours.scores(t), ours_exact.scores(t)

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            for t in texts:
                fn(t)
            times.append(time.perf_counter() - start)
        return min(times) / len(texts) * 1e6

    return {"nltk_vader_us": best(plain.polarity_scores), "score_texts_us": best(ours.scores),
            "score_texts_nltk_tokens_us": best(ours_exact.scores)}
