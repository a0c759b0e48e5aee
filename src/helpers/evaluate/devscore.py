"""Score the pipeline's instruments on the development gold and on the golden rules.

The hidden set is scored this way, so the same rules apply here:

- per document, states by ISO3; people by surname (small spelling variants allowed);
- quotes by word overlap (at least 0.8 of the shorter and 0.5 of the longer quote), the
  speaker by surname or, for a body ("the Kremlin"), by word overlap;
- vote tallies by their (in favour, against, abstentions) counts, and the ``vote`` label
  compared pairwise (same vote <=> same label);
- stance rows deduplicated per (actor, target, label), the actor a state by ISO3 or a
  person/organisation by name; recall on explicit gold rows, precision against all rows.

Three layers, top to bottom:

1. matching rules (names, quotes, tallies) and per-case comparisons, all pure;
2. metrics: micro-averaged rows ``{instrument, set, metric, value, target, n}`` and
   per-case error records (missed / spurious / wrong speaker / trap hit ...), also pure;
3. a thin runner and a CLI (``python -m helpers.pipeline.validate``) that load the gold, call the
   pipeline through callables handed in, and print the table.

Choices the rules leave open, made here (each in one function):

- people and states come from body mentions only (sent_id >= 1): the gold codes what the
  body names, not the title (:func:`predicted_people`);
- a stance actor_id is mapped through the document's mentions: a state, ministry or
  capital to its ISO3, a person to its name, another organisation to its name or actor_id
  (:func:`stance_actor`);
- tallies are grouped from facts rows by ``vote`` when present, else by subject and
  adjacent sentence (:func:`tallies_from_facts`); "tallies found" needs the whole triple,
  "tallies found (in part ok)" also counts a tally with a count missing but none wrong;
- golden stance rows that are neither expected nor forbidden are left out of precision
  (:data:`NEITHER_STANCE`).

Predicted rows are what ``helpers.pipeline.document.analyse_file(path, doc_id).rows`` and
``analyse_text(text)`` return: a dict of table name -> list of row dicts. Nothing here
imports the pipeline except ``main()``, so the module can be moved as it is; it uses
only the standard library and pandas (for printing and writing the details).
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import pandas as pd

from helpers.evaluate import targets

Rows = dict[str, list[dict]]

#: The fields of a tally, in the order of a gold triple.
TALLY_FIELDS = ("votes_in_favor", "votes_against", "abstentions")
#: How the gold's vote labels start (data/rules/README.md "Validation"): a UN body.
UN_VOTE_PREFIXES = ("UNGA", "UNSC", "UNHRC")

#: Rows of the golden stance cases that are neither expected nor forbidden (rules README,
#: "How to score" and the review): they count neither as hits nor as errors.
NEITHER_STANCE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "S005": (("RUS", "RUSSIA_WAR", "support"),),
    "S023": (("RUS", "RUSSIA_WAR", "support"),),
    "S026": (("RUS", "RUSSIA_WAR", "support"),),
    "S013": (("CHN", "CHINA_PEACE_PLAN", "support"),),
    "S047": (("CHN", "CHINA_PEACE_PLAN", "support"),),
    "S049": (("CHN", "CHINA_PEACE_PLAN", "support"),),
    "S086": (("CHN", "CHINA_PEACE_PLAN", "support"),),
}

#: Targets stated in the rules README (pySBD: at least 43 of 48 rules).

# =====================================================================================
# 1. Matching rules
# =====================================================================================

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ISO3 = re.compile(r"^[A-Z]{3}$")


def fold(text: Any) -> str:
    """Case, diacritics and apostrophe variants folded: the form every comparison uses."""
    text = unicodedata.normalize("NFKD", str(text or "").translate(_APOSTROPHES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def words(text: Any) -> list[str]:
    """Folded word tokens (apostrophes kept inside words: "won't"); punctuation dropped."""
    return _WORD.findall(fold(text))


def name_tokens(name: Any) -> list[str]:
    """A person name's tokens without honorifics, initials and suffixes ("Joseph R. Biden, Jr.")."""
    tokens = [t.strip(".") for t in re.split(r"[\s,]+", fold(name))]
    return [t for t in tokens if len(t) > 1 and t not in _HONORIFICS | _SUFFIXES]


def surname(name: Any) -> str:
    """The last name token: what people are matched on ("Sergey V. Lavrov" -> "lavrov")."""
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
            continue
        i += 1
        j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1


def same_surname(a: Any, b: Any, *, min_len: int = 4) -> bool:
    """People match on the surname: equal, one edit apart ("Zelenskyy"/"Zelensky",
    "Lukashenka"/"Lukashenko"), or one containing the other ("Thomas-Greenfield"/
    "Greenfield"); the variants need ``min_len`` letters, so "Xi" never matches "Li"."""
    sa, sb = surname(a), surname(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    if min(len(sa), len(sb)) < min_len:
        return False
    return within_one_edit(sa, sb) or sa in sb or sb in sa


def same_full_name(a: Any, b: Any) -> bool:
    """Exact person match (after folding, without titles and initials): tried before surnames
    so that Joe Biden is paired with Joe Biden, not with Jill Biden."""
    ta = name_tokens(a)
    return bool(ta) and ta == name_tokens(b)


def body_words(name: Any) -> list[str]:
    """A body's words without a leading "the" and possessive 's ("the Kremlin" -> ["kremlin"])."""
    ws = [w[:-2] if w.endswith("'s") else w for w in words(name)]
    return ws[1:] if ws[:1] == ["the"] else ws


def same_org(a: Any, b: Any) -> bool:
    """Organisations match on their normalised name: no leading "the", folded, no dots
    ("U.N. General Assembly" = "UN General Assembly")."""
    na = body_words(str(a).replace(".", ""))
    return bool(na) and na == body_words(str(b).replace(".", ""))


def overlap_ok(a: Sequence[str], b: Sequence[str], *, shorter: float = 0.8, longer: float = 0.5) -> bool:
    """Word-overlap rule: the shared words (as a multiset) cover at least ``shorter`` of the
    shorter sequence and ``longer`` of the longer one."""
    if not a or not b:
        return False
    common = sum((Counter(a) & Counter(b)).values())
    return common >= shorter * min(len(a), len(b)) and common >= longer * max(len(a), len(b))


def same_quote(a: Any, b: Any, *, shorter: float = 0.8, longer: float = 0.5) -> bool:
    """Quotes match by word overlap, so edge punctuation and a missing clause do not matter."""
    return overlap_ok(words(a), words(b), shorter=shorter, longer=longer)


def same_stem(a: str, b: str, *, min_prefix: int = 4, share: float = 0.6) -> bool:
    """Two words of a body's name are the same word when equal or when they share a prefix
    of ``min_prefix`` letters covering ``share`` of the shorter ("kazakh"/"kazakhstan",
    "chinese"/"china", "defence"/"defense"): a country's adjective and its name."""
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= min_prefix and n >= share * min(len(a), len(b))


def same_body(a: Any, b: Any) -> bool:
    """A body speaker matches by word overlap of its name (the quote thresholds, words
    compared by :func:`same_stem`): "the World Food Programme" = "World Food Programme",
    "Kazakhstan's Foreign Ministry" = "Kazakh Foreign Ministry"; "the Kremlin" is not "Russia"."""
    wa, wb = body_words(a), body_words(b)
    if not wa or not wb:
        return False
    left = list(wb)
    common = 0
    for w in wa:
        hit = next((i for i, v in enumerate(left) if same_stem(w, v)), None)
        if hit is not None:
            common += 1
            del left[hit]
    return common >= 0.8 * min(len(wa), len(wb)) and common >= 0.5 * max(len(wa), len(wb))


def same_speaker(gold: str, pred: str, *, person: bool) -> bool:
    """The right speaker: a person by surname, a body by word overlap; no speaker in the
    gold is matched only by no speaker."""
    if not str(gold or "").strip():
        return not str(pred or "").strip()
    return same_surname(gold, pred) if person else same_body(gold, pred)


def is_iso3(actor: Any) -> bool:
    """A gold stance actor that is a state (three capital letters)."""
    return bool(_ISO3.match(str(actor or "")))


def match(gold: Sequence, pred: Sequence, *tests: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): each test in turn (strictest first), gold in
    order, each gold item to the first free predicted item that passes."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for test in tests:
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(pred):
                if pi not in used_p and test(g, p):
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return sorted(pairs)


# =====================================================================================
# 1b. What the predicted rows say: people, states, stance actors, tallies
# =====================================================================================

def body_mentions(rows: Rows, *, include_title: bool = False) -> list[dict]:
    """Mentions of the body (sent_id >= 1); the gold codes only what the body names."""
    return [m for m in rows.get("mentions", []) if include_title or _int(m.get("sent_id"), 1) != 0]


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def predicted_people(rows: Rows, *, include_title: bool = False) -> list[str]:
    """Names of the person actors mentioned, once per actor, in order of first mention."""
    seen: dict[str, str] = {}
    for m in body_mentions(rows, include_title=include_title):
        if m.get("kind") == "person":
            seen.setdefault(m.get("actor_id") or m.get("actor_name", ""), m.get("actor_name", ""))
    return list(seen.values())


def predicted_states(rows: Rows, *, include_title: bool = False) -> list[str]:
    """ISO3 codes of the state mentions (name, demonym, metonym), once each, in order."""
    out: dict[str, None] = {}
    for m in body_mentions(rows, include_title=include_title):
        if m.get("kind") == "state":
            iso = m.get("country_iso3") or m.get("actor_id") or ""
            if iso:
                out.setdefault(iso, None)
    return list(out)


@dataclass(frozen=True)
class Actor:
    """A predicted stance holder as the gold names it: kind state/person/organisation/unknown."""

    kind: str
    name: str
    #: Other names an organisation goes by: its actor_id ("G7" for "Group of Seven").
    aliases: tuple[str, ...] = ()


def actor_table(rows: Rows) -> dict[str, dict]:
    """actor_id -> the mention row that names it (kind, country_iso3, actor_name)."""
    table: dict[str, dict] = {}
    for m in rows.get("mentions", []):
        table.setdefault(m.get("actor_id", ""), m)
    for a in rows.get("actors", []):
        table.setdefault(a.get("actor_id", ""), a)
    return table


def stance_actor(actor_id: str, table: dict[str, dict]) -> Actor:
    """Map a stance row's actor_id to the gold's actor string.

    A state, or a body of a state (a ministry: an organisation with a country, or a capital
    standing for its government), is its ISO3; a person is its actor_name; another
    organisation or group is its actor_name, with its actor_id as an alias ("Group of Seven",
    "G7"). An id the mentions do not know is an ISO3 if it
    looks like one, else compared by both the person and the organisation rule."""
    m = table.get(actor_id)
    if m is None:
        return Actor("state", actor_id) if is_iso3(actor_id) else Actor("unknown", actor_id)
    kind, iso = m.get("kind", ""), m.get("country_iso3") or ""
    if kind == "state":
        return Actor("state", iso or actor_id)
    if kind == "person":
        return Actor("person", m.get("actor_name") or actor_id)
    if kind in ("organization", "organisation", "place") and iso:
        return Actor("state", iso)
    return Actor("organisation", m.get("actor_name") or actor_id, (actor_id,))


def predicted_stance(rows: Rows) -> list[tuple[Actor, str, str]]:
    """Predicted (actor, target, label), deduplicated, in order of first appearance."""
    table = actor_table(rows)
    out: dict[tuple[Actor, str, str], None] = {}
    for r in rows.get("stance", []):
        out.setdefault((stance_actor(r.get("actor_id", ""), table), r.get("target", ""), r.get("label", "")), None)
    return list(out)


def actor_matches(gold_actor: str, actor: Actor, *, exact: bool = False) -> bool:
    """A gold actor string against a mapped predicted actor: ISO3 equality for states, the
    person rule (full name if ``exact``, else surname) or the organisation rule otherwise."""
    if is_iso3(gold_actor) or actor.kind == "state":
        return actor.kind == "state" and actor.name == gold_actor
    if actor.kind == "person":
        return same_full_name(gold_actor, actor.name) if exact else same_surname(gold_actor, actor.name)
    if actor.kind == "organisation":
        return any(same_org(gold_actor, name) for name in (actor.name, *actor.aliases))
    return same_org(gold_actor, actor.name) or (not exact and same_surname(gold_actor, actor.name))


def stance_row_matches(gold: dict, pred: tuple[Actor, str, str], *, exact: bool = False) -> bool:
    """Same target, same label, matching actor."""
    actor, target, label = pred
    return (gold.get("target") == target and gold.get("label") == label
            and actor_matches(gold.get("actor", ""), actor, exact=exact))


@dataclass(frozen=True)
class Tally:
    """A predicted vote: (in favour, against, abstentions) with None for a count not given,
    the label that says which vote it is, and the sentences it came from."""

    counts: tuple[int | None, int | None, int | None]
    label: str
    sent_ids: tuple[int, ...]

    def __str__(self) -> str:
        return format_counts(self.counts) + (f" [{self.label}]" if self.label else "")


def format_counts(counts: Sequence[int | None]) -> str:
    """141-5-35, with "?" for a null count."""
    return "-".join("?" if c is None else str(c) for c in counts)


def _count(value: Any) -> int | None:
    try:
        return int(str(value).replace(",", "").strip())
    except ValueError:
        return None


def tallies_from_facts(facts: Iterable[dict], *, max_gap: int = 1) -> list[Tally]:
    """Group the tally facts (votes_in_favor / votes_against / abstentions) into triples.

    With a ``vote`` column the pipeline says which vote each count belongs to: rows with
    the same non-empty label form one vote. Without it, rows with the same ``subject`` in
    the same or an adjacent sentence (``max_gap``) form one vote, so a tally written over
    two sentences stays whole while two votes far apart stay apart. Either way a count
    whose field is already filled with a different number starts a new triple (two votes
    in one sentence, "107-13-39 ... 143 votes to 5"); the same number again is a repeat of
    the same vote and is dropped. The pairwise label is ``vote`` when given, else ``subject``.
    The gold codes UN tallies only, labelled UNGA/UNSC/UNHRC (data/rules/README.md): a row
    whose ``vote`` label names another body ("US Senate ...") and whose subject is not a UN
    resolution (UN_RESOLUTION, UNSC_RESOLUTION, ...) is not a UN tally and is left out."""
    open_by_key: dict[Any, dict] = {}
    done: list[dict] = []
    for r in facts:
        predicate = r.get("predicate")
        if predicate not in TALLY_FIELDS:
            continue
        value = _count(r.get("value"))
        if value is None:
            continue
        field_ = TALLY_FIELDS.index(predicate)
        sent = _int(r.get("sent_id"))
        vote = str(r.get("vote") or "").strip()
        if vote and not (vote.startswith(UN_VOTE_PREFIXES) or str(r.get("subject") or "").startswith("UN")):
            continue
        key = ("vote", vote) if vote else ("subject", str(r.get("subject") or ""))
        current = open_by_key.get(key)
        if current is not None and not vote and sent - current["last"] > max_gap:
            current = None
        if current is not None and current["counts"][field_] is not None:
            if current["counts"][field_] == value:
                current["last"] = sent
                continue
            current = None
        if current is None:
            current = {"counts": [None, None, None], "label": vote or key[1], "sents": [], "last": sent}
            done.append(current)
            open_by_key[key] = current
        current["counts"][field_] = value
        current["last"] = sent
        if sent not in current["sents"]:
            current["sents"].append(sent)
    return [Tally(tuple(t["counts"]), t["label"], tuple(t["sents"])) for t in done]


def gold_counts(vote: dict) -> tuple[int | None, int | None, int | None]:
    """A gold vote object's triple (None where the text gives no count)."""
    return tuple(None if vote.get(f) in (None, "") else int(vote[f]) for f in TALLY_FIELDS)


def triple_matches(gold: Sequence[int | None], pred: Sequence[int | None], *, partial: bool = False) -> bool:
    """Every non-null gold count equals the predicted one, and the prediction has no number
    where the gold is null (a count filled from world knowledge is wrong). With ``partial``
    a predicted null under a gold number is allowed too (a tally found in part: "7 against,
    32 abstentions" for 141-7-32), but a wrong or invented number still is not."""
    return all(p is None if g is None else (p == g or (partial and p is None)) for g, p in zip(gold, pred))


# =====================================================================================
# 1c. Per-case comparisons
# =====================================================================================

@dataclass
class Comparison:
    """One case or document: the gold and predicted items and the one-to-one pairs."""

    gold: list
    pred: list
    pairs: list[tuple[int, int]]

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def missed(self) -> list:
        hit = {g for g, _ in self.pairs}
        return [g for i, g in enumerate(self.gold) if i not in hit]

    @property
    def spurious(self) -> list:
        hit = {p for _, p in self.pairs}
        return [p for i, p in enumerate(self.pred) if i not in hit]


def compare_people(gold_names: Sequence[str], pred_names: Sequence[str]) -> Comparison:
    """People: full names first, then the surname rule."""
    gold, pred = list(gold_names), list(pred_names)
    return Comparison(gold, pred, match(gold, pred, same_full_name, same_surname))


def compare_states(gold_iso3: Iterable[str], pred_iso3: Iterable[str]) -> Comparison:
    """States as ISO3 sets."""
    gold, pred = sorted(set(gold_iso3)), sorted(set(pred_iso3))
    return Comparison(gold, pred, match(gold, pred, lambda g, p: g == p))


@dataclass
class QuoteComparison(Comparison):
    """Quotes matched by overlap; ``right`` holds the pairs whose speaker is right too."""

    right: list[tuple[int, int]] = field(default_factory=list)

    @property
    def wrong_speaker(self) -> list[tuple[dict, dict]]:
        right = set(self.right)
        return [(self.gold[g], self.pred[p]) for g, p in self.pairs if (g, p) not in right]


def compare_quotes(gold_quotes: Sequence[dict], pred_quotes: Sequence[dict], *,
                   persons: Iterable[str] = ()) -> QuoteComparison:
    """Gold quotes ({quote, speaker}) against predicted quote rows ({quote, speaker_name}).

    Exact (folded) equality is tried first, then the overlap rule; a gold speaker that is
    in ``persons`` is a person (surname rule), any other is a body (word overlap)."""
    gold, pred = list(gold_quotes), list(pred_quotes)
    pairs = match(gold, pred, lambda g, p: words(g["quote"]) == words(p.get("quote")),
                  lambda g, p: same_quote(g["quote"], p.get("quote")))
    people = list(persons)
    right = [(g, p) for g, p in pairs
             if same_speaker(gold[g].get("speaker", ""), pred[p].get("speaker_name", ""),
                             person=_is_person(gold[g].get("speaker", ""), people))]
    return QuoteComparison(gold, pred, pairs, right)


def _is_person(speaker: str, persons: Sequence[str]) -> bool:
    return any(same_full_name(speaker, p) or fold(speaker) == fold(p) for p in persons)


@dataclass
class StanceComparison(Comparison):
    """Stance keys matched against the gold rows; explicit gold rows give the recall,
    traps (``not_stance``) and excused rows (neither expected nor forbidden) are kept apart."""

    traps: list = field(default_factory=list)
    trap_pairs: list[tuple[int, int]] = field(default_factory=list)
    excused: list[int] = field(default_factory=list)

    @property
    def explicit_gold(self) -> list[int]:
        return [i for i, g in enumerate(self.gold) if is_explicit(g)]

    @property
    def explicit_tp(self) -> int:
        explicit = set(self.explicit_gold)
        return sum(1 for g, _ in self.pairs if g in explicit)

    @property
    def spurious(self) -> list:
        hit = {p for _, p in self.pairs} | {p for _, p in self.trap_pairs} | set(self.excused)
        return [p for i, p in enumerate(self.pred) if i not in hit]

    @property
    def trap_hits(self) -> list:
        return [(self.traps[t], self.pred[p]) for t, p in self.trap_pairs]


def is_explicit(gold_row: dict) -> bool:
    """A dev gold row the text states (note ``explicit`` or ``explicit;borderline``); rules
    rows carry no note and all count as expected."""
    note = str(gold_row.get("note") or "explicit")
    return note.split(";")[0].strip() == "explicit"


def compare_stance(gold_rows: Sequence[dict], pred: Sequence[tuple[Actor, str, str]], *,
                   traps: Sequence[dict] = (), neither: Sequence[dict] = ()) -> StanceComparison:
    """Gold rows ({actor, target, label[, note]}) against predicted (Actor, target, label).

    Explicit gold rows are matched first (so an explicit row is not lost to an implicit
    twin), exact names before surnames. Unmatched predictions are then matched to the
    traps and to the excused rows."""
    gold = sorted(gold_rows, key=lambda g: not is_explicit(g))
    pred = list(pred)
    pairs = match(gold, pred, lambda g, p: stance_row_matches(g, p, exact=True), stance_row_matches)
    left = [i for i in range(len(pred)) if i not in {p for _, p in pairs}]
    rest = [pred[i] for i in left]
    trap_list = list(traps)
    trap_pairs = [(t, left[p]) for t, p in match(trap_list, rest, stance_row_matches)]
    taken = {p for _, p in trap_pairs}
    excused = [i for i in left if i not in taken and any(stance_row_matches(n, pred[i]) for n in neither)]
    return StanceComparison(gold, pred, pairs, trap_list, trap_pairs, excused)


@dataclass
class VoteComparison(Comparison):
    """Gold vote objects against predicted tallies; ``apart`` says whether the labels keep
    the votes of a case apart (None when the case has fewer than two gold votes)."""

    apart: bool | None = None


def compare_votes(gold_votes: Sequence[dict], tallies: Sequence[Tally], *, partial: bool = False) -> VoteComparison:
    """Triples matched one-to-one (same label first, for two votes with the same counts),
    then the pairwise label rule over every prediction whose triple equals a gold one.
    ``partial`` lets a tally found in part match (see :func:`triple_matches`)."""
    gold, pred = list(gold_votes), list(tallies)
    exact = lambda g, t: triple_matches(gold_counts(g), t.counts) and fold(g.get("vote")) == fold(t.label)
    pairs = match(gold, pred, exact, lambda g, t: triple_matches(gold_counts(g), t.counts),
                  *([lambda g, t: triple_matches(gold_counts(g), t.counts, partial=True)] if partial else []))
    apart = None
    if len(gold) >= 2:
        apart = labels_keep_apart(gold, pred, pairs)
    return VoteComparison(gold, pred, pairs, apart)


def labels_keep_apart(gold: Sequence[dict], pred: Sequence[Tally], pairs: Sequence[tuple[int, int]]) -> bool:
    """Same vote <=> same label, over every pair of predictions assigned to a gold vote
    (the one-to-one pairs, plus repeats of a matched triple); needs two votes assigned."""
    assigned = {p: g for g, p in pairs}
    for p, t in enumerate(pred):
        if p not in assigned:
            g = next((g for g, q in pairs if triple_matches(gold_counts(gold[g]), t.counts)), None)
            if g is not None:
                assigned[p] = g
    if len(set(assigned.values())) < 2:
        return False
    items = sorted(assigned.items())
    return all((ga == gb) == (fold(pred[a].label) == fold(pred[b].label))
               for i, (a, ga) in enumerate(items) for b, gb in items[i + 1:])


def same_sentences(expected: Sequence[str], got: Sequence[str]) -> bool:
    """A sentence-boundary rule passes when the stripped sentences are the same list."""
    return [s.strip() for s in expected if s.strip()] == [s.strip() for s in got if s.strip()]


# =====================================================================================
# 2. Metrics and error records
# =====================================================================================

def metric(instrument: str, set_: str, name: str, value: float | None, n: int, *,
           target: float | None = None) -> dict:
    """One row of the metrics table; the target comes from data/targets.yaml unless given."""
    found = targets.target(set_, instrument, name)
    return {"instrument": instrument, "set": set_, "metric": name, "value": value,
            "target": found if found is not None else target, "n": n}


def ratio(a: float, b: float) -> float | None:
    """a / b, None when there is nothing to divide by."""
    return a / b if b else None


def prf_rows(instrument: str, set_: str, comparisons: Iterable[Comparison], *, prefix: str = "") -> list[dict]:
    """Micro-averaged precision, recall and F1 over the comparisons of a set."""
    comps = list(comparisons)
    tp = sum(c.tp for c in comps)
    n_pred = sum(len(c.pred) for c in comps)
    n_gold = sum(len(c.gold) for c in comps)
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return [metric(instrument, set_, prefix + "P", p, n_pred), metric(instrument, set_, prefix + "R", r, n_gold),
            metric(instrument, set_, prefix + "F1", f, n_gold)]


def quote_rows(set_: str, comps: Sequence[QuoteComparison]) -> list[dict]:
    """Quotes found (P/R/F1 by the overlap rule) and the right-speaker share of those found."""
    found = sum(c.tp for c in comps)
    right = sum(len(c.right) for c in comps)
    return prf_rows("quotes", set_, comps) + [metric("quotes", set_, "right speaker", ratio(right, found), found)]


def stance_dev_rows(comps: Sequence[StanceComparison]) -> list[dict]:
    """Dev stance: recall on explicit gold rows, precision against all gold rows, their F1."""
    n_explicit = sum(len(c.explicit_gold) for c in comps)
    n_pred = sum(len(c.pred) for c in comps)
    p = ratio(sum(c.tp for c in comps), n_pred)
    r = ratio(sum(c.explicit_tp for c in comps), n_explicit)
    f = 2 * p * r / (p + r) if p and r else 0.0
    return [metric("stance", "dev", "P (all rows)", p, n_pred),
            metric("stance", "dev", "R (explicit rows)", r, n_explicit),
            metric("stance", "dev", "F1", f, n_explicit),
            metric("stance", "dev", "R (all rows)", ratio(sum(c.tp for c in comps), sum(len(c.gold) for c in comps)),
                   sum(len(c.gold) for c in comps))]


def stance_rules_rows(comps: Sequence[StanceComparison]) -> list[dict]:
    """Rules stance: expected rows produced, traps avoided, precision over the other rows
    (excused rows not counted), and clean cases (every expected row, nothing else)."""
    n_gold = sum(len(c.gold) for c in comps)
    n_traps = sum(len(c.traps) for c in comps)
    hits = sum(len({t for t, _ in c.trap_pairs}) for c in comps)
    tp = sum(c.tp for c in comps)
    judged = sum(len(c.pred) - len(c.excused) for c in comps)
    empty = [c for c in comps if not c.gold]
    return [metric("stance", "rules", "expected produced", ratio(tp, n_gold), n_gold),
            metric("stance", "rules", "forbidden avoided", ratio(n_traps - hits, n_traps), n_traps),
            metric("stance", "rules", "precision (other rows)", ratio(tp, judged), judged),
            metric("stance", "rules", "empty-gold cases with no row",
                   ratio(sum(1 for c in empty if len(c.pred) == len(c.excused)), len(empty)), len(empty)),
            metric("stance", "rules", "cases exactly right",
                   ratio(sum(1 for c in comps if not c.missed and not c.spurious and not c.trap_pairs), len(comps)),
                   len(comps))]


def vote_rows(comps: Sequence[VoteComparison], *, partial: Sequence[VoteComparison] = ()) -> list[dict]:
    """Rules votes: tallies found (and P/F1), the same with tallies found in part (when
    ``partial`` comparisons are given), non-tally cases left alone, votes kept apart."""
    no_vote = [c for c in comps if not c.gold]
    multi = [c for c in comps if c.apart is not None]
    rows = prf_rows("votes", "rules", comps)
    rows[1] = metric("votes", "rules", "tallies found", rows[1]["value"], rows[1]["n"])
    if partial:
        found = prf_rows("votes", "rules", partial)[1]
        rows.append(metric("votes", "rules", "tallies found (in part ok)", found["value"], found["n"]))
    rows.append(metric("votes", "rules", "not_votes avoided (cases)",
                       ratio(sum(1 for c in no_vote if not c.pred), len(no_vote)), len(no_vote)))
    rows.append(metric("votes", "rules", "two votes kept apart (cases)", sum(1 for c in multi if c.apart), len(multi)))
    return rows


def score_dev(gold: dict[str, list[dict]], preds: dict[str, Rows]) -> list[dict]:
    """Metrics of the development gold: states, people, quotes, stance (micro over documents).
    ``gold`` maps table name (countries/persons/quotes/stance) to rows; ``preds`` maps
    doc_id to the pipeline's rows for that document (every scored document is a key)."""
    comps = compare_dev(gold, preds)
    return (prf_rows("states", "dev", [c["states"] for c in comps.values()])
            + prf_rows("people", "dev", [c["people"] for c in comps.values()])
            + quote_rows("dev", [c["quotes"] for c in comps.values()])
            + stance_dev_rows([c["stance"] for c in comps.values()]))


def compare_dev(gold: dict[str, list[dict]], preds: dict[str, Rows]) -> dict[str, dict[str, Comparison]]:
    """Per document, a comparison per instrument."""
    by_doc = {t: _group(gold.get(t, []), "doc_id") for t in ("countries", "persons", "quotes", "stance")}
    out = {}
    for doc_id, rows in preds.items():
        persons = [r["name"] for r in by_doc["persons"].get(doc_id, [])]
        quotes = [{"quote": r["quote"], "speaker": r.get("speaker_name", "")} for r in by_doc["quotes"].get(doc_id, [])]
        out[doc_id] = {
            "states": compare_states([r["iso3"] for r in by_doc["countries"].get(doc_id, [])], predicted_states(rows)),
            "people": compare_people(persons, predicted_people(rows)),
            "quotes": compare_quotes(quotes, rows.get("quotes", []), persons=persons),
            "stance": compare_stance(by_doc["stance"].get(doc_id, []), predicted_stance(rows)),
        }
    return out


def _group(rows: Iterable[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


def compare_rules(rules: dict[str, list[dict]], preds: dict[str, dict[str, Any]], *,
                  neither: dict[str, Sequence] = NEITHER_STANCE) -> dict[str, dict[str, Any]]:
    """Per rules file and case id, the comparisons. ``preds`` maps quotes/stance/votes to
    {case id: rows} and pysbd to {rule id: sentences}."""
    out: dict[str, dict[str, Any]] = {"quotes": {}, "stance": {}, "votes": {}, "votes_partial": {}, "pysbd": {}}
    for case in rules.get("quotes", []):
        rows = preds["quotes"][case["id"]]
        out["quotes"][case["id"]] = {
            "quotes": compare_quotes(case["quotes"], rows.get("quotes", []), persons=case["persons"]),
            "people": compare_people(case["persons"], predicted_people(rows)),
        }
    for case in rules.get("stance", []):
        excused = [dict(zip(("actor", "target", "label"), r)) for r in neither.get(case["id"], ())]
        out["stance"][case["id"]] = compare_stance(case["stance"], predicted_stance(preds["stance"][case["id"]]),
                                                   traps=case["not_stance"], neither=excused)
    for case in rules.get("votes", []):
        facts = preds["votes"][case["id"]].get("facts", [])
        tallies = tallies_from_facts(facts)
        out["votes"][case["id"]] = compare_votes(case["votes"], tallies)
        out["votes_partial"][case["id"]] = compare_votes(case["votes"], tallies, partial=True)
    for rule in rules.get("pysbd", []):
        out["pysbd"][rule["id"]] = same_sentences(rule["sentences"], preds["pysbd"][rule["id"]])
    return out


def score_rules(rules: dict[str, list[dict]], preds: dict[str, dict[str, Any]], **options) -> list[dict]:
    """Metrics of the golden rules: quotes and people, stance, votes, pySBD sentence rules."""
    comps = compare_rules(rules, preds, **options)
    rows: list[dict] = []
    if comps["quotes"]:
        rows += quote_rows("rules", [c["quotes"] for c in comps["quotes"].values()])
        rows += prf_rows("people", "rules", [c["people"] for c in comps["quotes"].values()])
    if comps["stance"]:
        rows += stance_rules_rows(list(comps["stance"].values()))
    if comps["votes"]:
        rows += vote_rows(list(comps["votes"].values()), partial=list(comps["votes_partial"].values()))
    if comps["pysbd"]:
        passed = sum(comps["pysbd"].values())
        rows.append(metric("sentences", "rules", "rules passed", passed, len(comps["pysbd"])))
    return rows


def _stance_str(row: Any) -> str:
    if isinstance(row, dict):
        return f"{row.get('actor')} {row.get('target')} {row.get('label')}"
    actor, target, label = row
    return f"{actor.name} {target} {label}" + ("" if actor.kind in ("state", "person") else f" ({actor.kind})")


def _vote_str(vote: Any) -> str:
    if isinstance(vote, Tally):
        return str(vote)
    return f"{format_counts(gold_counts(vote))} [{vote.get('vote')}]"


def _record(set_: str, case: str, instrument: str, error: str, gold: Any = "", predicted: Any = "",
            note: str = "") -> dict:
    return {"set": set_, "case": case, "instrument": instrument, "error": error,
            "gold": str(gold), "predicted": str(predicted), "note": note}


def comparison_details(set_: str, case: str, instrument: str, comp: Comparison, *,
                       show: Callable[[Any], str] = str, note: Callable[[Any], str] = lambda _: "") -> list[dict]:
    """Missed and spurious items of one comparison, plus what the richer ones add (wrong
    speakers, trap hits, votes not kept apart)."""
    out = [_record(set_, case, instrument, "missed", show(g), note=note(g)) for g in comp.missed]
    out += [_record(set_, case, instrument, "spurious", predicted=show(p)) for p in comp.spurious]
    if isinstance(comp, QuoteComparison):
        out += [_record(set_, case, instrument, "wrong speaker", g.get("speaker", ""), p.get("speaker_name", ""),
                        note=f"{g['quote'][:80]} | cue: {p.get('cue', '')}") for g, p in comp.wrong_speaker]
    if isinstance(comp, StanceComparison):
        out += [_record(set_, case, instrument, "trap hit", _stance_str(t), _stance_str(p)) for t, p in comp.trap_hits]
    if isinstance(comp, VoteComparison) and comp.apart is False:
        out.append(_record(set_, case, instrument, "votes not kept apart",
                           "; ".join(_vote_str(g) for g in comp.gold),
                           "; ".join(str(t) for t in comp.pred)))
    return out


def details_dev(gold: dict[str, list[dict]], preds: dict[str, Rows]) -> list[dict]:
    """Error records of every dev document and instrument."""
    out = []
    for doc_id, comps in compare_dev(gold, preds).items():
        for instrument, comp in comps.items():
            if instrument == "stance":
                out += comparison_details("dev", doc_id, "stance", comp, show=_stance_str,
                                          note=lambda g: f"{g.get('note', '')} | {str(g.get('evidence', ''))[:160]}")
            elif instrument == "quotes":
                out += comparison_details("dev", doc_id, "quotes", comp, show=_quote_str)
            else:
                out += comparison_details("dev", doc_id, instrument, comp)
    return out


def _with_text(records: list[dict], text: str) -> list[dict]:
    for r in records:
        r["text"] = text
    return records


def _quote_str(q: dict) -> str:
    return f"{q.get('quote', '')} | {q.get('speaker', q.get('speaker_name', ''))}"


def details_rules(rules: dict[str, list[dict]], preds: dict[str, dict[str, Any]], **options) -> list[dict]:
    """Error records of every rules case, each with the case's text (to see why at a glance)."""
    comps = compare_rules(rules, preds, **options)
    out: list[dict] = []
    for case in rules.get("quotes", []):
        c = comps["quotes"][case["id"]]
        out += _with_text(comparison_details("rules", case["id"], "quotes", c["quotes"], show=_quote_str)
                          + comparison_details("rules", case["id"], "people", c["people"]), case["text"])
    for case in rules.get("stance", []):
        out += _with_text(comparison_details("rules", case["id"], "stance", comps["stance"][case["id"]],
                                             show=_stance_str), case["text"])
    for case in rules.get("votes", []):
        loose = comps["votes_partial"][case["id"]]
        in_part = {id(loose.gold[g]): loose.pred[p] for g, p in loose.pairs}
        out += _with_text(comparison_details(
            "rules", case["id"], "votes", comps["votes"][case["id"]], show=_vote_str,
            note=lambda g: f"found in part as {in_part[id(g)]}" if id(g) in in_part else ""), case["text"])
    for rule in rules.get("pysbd", []):
        if not comps["pysbd"][rule["id"]]:
            out += _with_text([_record("rules", f"pysbd-{rule['id']}", "sentences", "failed",
                                       " || ".join(rule["sentences"]), " || ".join(preds["pysbd"][rule["id"]]))],
                              rule["text"])
    return out


# =====================================================================================
# 3. Runner: load the gold, call the pipeline through the callables given
# =====================================================================================

#: The title line of a rules passage that has none of its own (no names, no numbers).
UNTITLED = "Untitled passage"


@dataclass
class Report:
    """Metrics rows and error records of one run."""

    metrics: list[dict]
    details: list[dict]


def read_csv(path: Path) -> list[dict]:
    """Rows of a CSV file as dicts (empty list when the file has only a header)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_jsonl(path: Path) -> list[dict]:
    """One JSON object per non-empty line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_dev_gold(gold_dir: str | Path) -> tuple[dict[str, list[dict]], dict[str, Path]]:
    """The dev gold tables and the text of each document (doc_id -> path of texts/*.md)."""
    gold_dir = Path(gold_dir)
    tables = {t: read_csv(gold_dir / f"{t}.csv") for t in ("countries", "persons", "quotes", "stance", "facts")
              if (gold_dir / f"{t}.csv").exists()}
    texts = {p.stem: p for p in sorted((gold_dir / "texts").glob("*.md"))}
    return tables, texts


def load_rules(rules_dir: str | Path) -> dict[str, list[dict]]:
    """The rules files: quotes, stance, votes (JSONL) and the pySBD English golden rules."""
    rules_dir = Path(rules_dir)
    out = {k: read_jsonl(rules_dir / f"{k}.jsonl") for k in ("quotes", "stance", "votes")
           if (rules_dir / f"{k}.jsonl").exists()}
    sbd = rules_dir / "pysbd_english_golden_rules.json"
    if sbd.exists():
        out["pysbd"] = json.loads(sbd.read_text(encoding="utf-8"))
    return out


def rules_document(text: str, *, own_title: bool = False, title: str = UNTITLED) -> str:
    """A passage as a document: a title line, a blank line, the text. With ``own_title`` a
    first line before a newline is the passage's own title (the first-person stance cases)."""
    if own_title and "\n" in text:
        head, body = text.split("\n", 1)
        return f"{head.strip()}\n\n{body.lstrip()}"
    return f"{title}\n\n{text}"


def predict_rules(rules: dict[str, list[dict]], analyse: Callable[[str], Rows],
                  split_sentences: Callable[[str], list[str]] | None) -> dict[str, dict[str, Any]]:
    """Run the pipeline on every rules case (and the splitter on every pySBD rule)."""
    preds: dict[str, dict[str, Any]] = {}
    for kind in ("quotes", "stance", "votes"):
        preds[kind] = {c["id"]: analyse(rules_document(c["text"], own_title=kind == "stance"))
                       for c in rules.get(kind, [])}
    preds["pysbd"] = {r["id"]: list(split_sentences(r["text"])) for r in rules.get("pysbd", [])} if split_sentences else {}
    return preds


def run_dev(gold_dir: str | Path, analyse: Callable[[Path], Rows]) -> Report:
    """Score the dev gold; ``analyse`` takes a file path (front matter is the pipeline's to
    read) and returns rows, e.g. ``lambda p: analyse_file(p, p.stem).rows``."""
    gold, texts = load_dev_gold(gold_dir)
    preds = {doc_id: analyse(path) for doc_id, path in texts.items()}
    return Report(score_dev(gold, preds), details_dev(gold, preds))


def run_rules(rules_dir: str | Path, analyse: Callable[[str], Rows],
              split_sentences: Callable[[str], list[str]] | None = None) -> Report:
    """Score the golden rules; ``analyse`` takes a document text (title line, blank line,
    body) and returns rows; ``split_sentences`` takes a text and returns its sentences."""
    rules = load_rules(rules_dir)
    if split_sentences is None:
        rules.pop("pysbd", None)
    preds = predict_rules(rules, analyse, split_sentences)
    return Report(score_rules(rules, preds), details_rules(rules, preds))


def format_value(value: Any) -> str:
    """A metric value for print: counts as integers, shares with three decimals."""
    if value is None or value != value:
        return ""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and value > 1):
        return str(int(value))
    return f"{value:.3f}"


def format_table(rows: Sequence[dict]) -> str:
    """The metrics as a fixed-width table."""
    shown = [{**r, "value": format_value(r["value"]), "target": format_value(r["target"])} for r in rows]
    return pd.DataFrame(shown, columns=["set", "instrument", "metric", "value", "target", "n"]).to_string(index=False)
