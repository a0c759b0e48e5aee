"""Find actors in sentences with the curated dictionary (``data/dictionaries/actors.csv``).

Dictionary-based, as event coders do it: longest match on token boundaries; possessives
fall out of tokenisation ("Russia’s" -> "Russia"); a nested mention of a *different*
actor counts too ("Kazakh Foreign Ministry" -> KAZ_MFA and KAZ); a capital or seat
stands for its state unless it is used as a place ("Astana’s pledge" vs "a visit to
Astana"); a surname alone resolves to the person. Capitalised sequences the dictionary
does not know are reported, so a researcher can see what to add.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from helpers.model.resources import load_csv, load_yaml
from helpers.model.types import Actor, Mention

#: Letter-dot abbreviations (U.S., U.N.), words (with "+" joins: C5+1), or one punctuation mark.
TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.|[^\W_]+(?:\+[^\W_]+)*|[^\w\s]")


@dataclass(frozen=True)
class Surface:
    """One way of writing an actor, as tokens, and how it refers (name, alias, demonym, ...)."""

    tokens: tuple[str, ...]
    actor_id: str
    via: str
    valid_from: str = ""
    valid_to: str = ""


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens with character offsets."""
    out = []
    pos = 0
    find = text.find
    for tok in TOKEN.findall(text):
        pos = find(tok, pos)
        end = pos + len(tok)
        out.append((tok, pos, end))
        pos = end
    return out


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


class Dictionary:
    """The compiled actor dictionary: actors by id and a first-token index of surfaces."""

    def __init__(self, rows: tuple[dict, ...], rules: dict):
        self.actors: dict[str, Actor] = {}
        self.index: dict[str, list[Surface]] = {}
        surnames: dict[str, list[str]] = {}
        for row in rows:
            actor = Actor(
                actor_id=row["actor_id"].strip(), name=row["name"].strip(), kind=row["kind"].strip(),
                country_iso3=(row.get("country_iso3") or "").strip(), role=row.get("role") or "",
                valid_from=row.get("valid_from") or "", valid_to=row.get("valid_to") or "",
                stands_for=(row.get("stands_for") or "").strip(),
                members=tuple(_split(row.get("members", ""))),
            )
            self.actors[actor.actor_id] = actor
            for text in [actor.name] + _split(row.get("aliases", "")):
                self._add(text, actor.actor_id, "name" if text == actor.name else "alias")
            for text in _split(row.get("demonyms", "")):
                self._add(text, actor.actor_id, "demonym")
            for text in _split(row.get("descriptions", "")):
                self._add(text, actor.actor_id, "alias", actor.valid_from, actor.valid_to)
            for text in _split(row.get("short", "")):
                surnames.setdefault(text, []).append(actor.actor_id)
        for text, ids in surnames.items():
            # An ambiguous short form resolves only to a person already named in full.
            for actor_id in ids:
                self._add(text, actor_id, "surname" if len(ids) == 1 else "surname?")
        for surfaces in self.index.values():
            surfaces.sort(key=lambda s: -len(s.tokens))
        self.locative = {w.lower() for w in rules.get("locative_before", [])}
        self.not_after_demonym = set(rules.get("demonym_not_after", []))
        self.title_words = {w for t in rules.get("titles", []) for w, _, _ in tokenize(t)}
        self.function_words = {str(w).lower() for w in rules.get("function_words", [])}
        single = {k for k, v in self.index.items() if any(len(x.tokens) == 1 for x in v)}
        self.not_names = frozenset(single | self.title_words)  # known surfaces are not unknown names

    def _add(self, text: str, actor_id: str, via: str, valid_from: str = "", valid_to: str = "") -> None:
        tokens = tuple(t for t, _, _ in tokenize(text))
        if not tokens:
            return
        variants = {tokens}
        if tokens[0][:1].islower():  # "former Soviet republics" also at sentence start
            variants.add((tokens[0][:1].upper() + tokens[0][1:],) + tokens[1:])
        for variant in variants:
            surface = Surface(variant, actor_id, via, valid_from, valid_to)
            surfaces = self.index.get(variant[0], [])
            if surface not in surfaces:  # copy on write: an extended dictionary shares the rest of the index
                self.index[variant[0]] = sorted(surfaces + [surface], key=lambda s: -len(s.tokens))


    def extended(self, people: dict[str, str]) -> "Dictionary":
        """A copy that also knows document-local people {full name: actor_id} and their surnames."""
        new = object.__new__(Dictionary)
        new.__dict__.update(self.__dict__)
        new.actors = dict(self.actors)
        new.index = dict(self.index)
        for name, actor_id in people.items():
            new.actors[actor_id] = Actor(actor_id, name, "person", "", role="found in text")
            new._add(name, actor_id, "name")
            new._add(name.split()[-1], actor_id, "surname")
        return new


#: Reporting words around an unknown name that make it a person ("said Anvar Nozirov",
#: "Anvar Nozirov, an analyst", "Anvar Nozirov said").
_REPORT_BEFORE = {"said", "says", "told", "added", "argued", "wrote", "explained", "noted", "to"}
_REPORT_AFTER = {"said", "says", "told", "added", "argued", "wrote", "explained", "noted", "believes", "warned"}
_REPORT_ANY = (_REPORT_BEFORE - {"to"}) | _REPORT_AFTER | {"according"}
_APPOSITIVE_WORDS = {"a", "an", "the"}


def discover_people(tokens: list, mentions: list[Mention], dic: "Dictionary",
                    lower: list[str] | None = None) -> list[str]:
    """Full names (2-4 capitalised words) the dictionary lacks, in a position only a person takes."""
    words = [t for t, _, _ in tokens]
    lows = lower if lower is not None else [w.lower() for w in words]
    if _REPORT_ANY.isdisjoint(lows) and not _APPOSITIVE_WORDS.intersection(
            words[i + 1] for i, w in enumerate(words[:-1]) if w == ","):
        return []
    covered = {i for m in mentions for i in range(m.first_token, m.last_token)}
    found = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and j not in covered and (words[j][:1].isupper() and words[j].isalpha()
                                                        or (words[j] == "-" and j > i)) \
                and words[j] not in dic.title_words and words[j].lower() not in dic.function_words:
            j += 1
        while j > i and words[j - 1] == "-":
            j -= 1
        n_words = sum(1 for w in words[i:j] if w != "-")
        if 2 <= n_words <= 4:
            before = words[i - 1].lower() if i > 0 else ""
            after = words[j:j + 3]
            appositive = len(after) >= 2 and after[0] == "," and after[1].lower() in ("a", "an", "the") \
                and len(after) == 3 and after[2][:1].islower()
            according = i >= 2 and [w.lower() for w in words[i - 2:i]] == ["according", "to"]
            if (before in _REPORT_BEFORE and before != "to") or according or appositive or \
                    (after and after[0].lower() in _REPORT_AFTER):
                found.append(" ".join(w for w in words[i:j]).replace(" - ", "-"))
        i = max(j, i + 1)
    return found


def _person_id(name: str, taken: dict) -> str:
    base = re.sub(r"[^A-Z0-9]+", "_", name.split()[-1].upper()).strip("_") or "PERSON"
    actor_id = base if base not in taken else re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
    return actor_id


@functools.lru_cache(maxsize=None)
def load_dictionary(name: str = "actors.csv", rules: str = "matching.yaml") -> Dictionary:
    """The compiled dictionary (once per process)."""
    return Dictionary(load_csv(name), load_yaml(rules))


def _in_force(surface: Surface, date: str) -> bool:
    if not date or not (surface.valid_from or surface.valid_to):
        return True
    date = date[:10]
    return (not surface.valid_from or surface.valid_from <= date) and \
        (not surface.valid_to or date <= surface.valid_to)


def _candidates(tokens: list[tuple[str, int, int]], dic: Dictionary, date: str, seen: set[str]):
    """Every dictionary surface that matches at a token position: (first, last, Surface)."""
    found = []
    words = [t for t, _, _ in tokens]
    n = len(words)
    for i, word in enumerate(words):
        for surface in dic.index.get(word, ()):
            k = len(surface.tokens)
            if i + k <= n and tuple(words[i:i + k]) == surface.tokens and _in_force(surface, date):
                if surface.via == "surname?":
                    if surface.actor_id not in seen:
                        continue
                    surface = Surface(surface.tokens, surface.actor_id, "surname")
                found.append((i, i + k, surface))
    return found


def _select(cands: list, exclude_actor: str | None = None) -> list:
    """Greedy longest-first, non-overlapping choice of candidate spans."""
    chosen: list = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if exclude_actor and cand[2].actor_id == exclude_actor:
            continue
        span = set(range(cand[0], cand[1]))
        if span & taken:
            continue
        chosen.append(cand)
        taken |= span
    return sorted(chosen, key=lambda c: c[0])


def _resolve(first: int, last: int, surface: Surface, words: list[str], dic: Dictionary) -> tuple[Actor, str] | None:
    """The actor a matched surface refers to here, and how; None to drop the match."""
    actor = dic.actors[surface.actor_id]
    if surface.via == "demonym" and first > 0 and words[first - 1] in dic.not_after_demonym:
        return None
    if actor.kind == "place" and actor.stands_for and actor.stands_for in dic.actors:
        before = [w.lower() for w in words[max(0, first - 2):first] if w.lower() != "the"]
        possessive = last + 1 < len(words) and words[last] in ("’", "'") and words[last + 1] == "s"
        if possessive or not (before and before[-1] in dic.locative):
            return dic.actors[actor.stands_for], "metonym"
    via = surface.via
    if actor.kind == "group" and via in ("name", "alias"):
        via = "group"
    return actor, via


def find_mentions(text: str, sent_id: int, dic: Dictionary | None = None, date: str = "",
                  tokens: list | None = None, seen: set[str] | None = None) -> list[Mention]:
    """Actor mentions in one sentence, outer spans first, then nested mentions of other actors.

    ``seen`` holds people already named in the document, to resolve shared surnames.
    """
    dic = dic or load_dictionary()
    tokens = tokens if tokens is not None else tokenize(text)
    words = [t for t, _, _ in tokens]
    cands = _candidates(tokens, dic, date, seen or set())
    if not cands:
        return []
    out: list[Mention] = []
    for first, last, surface in _select(cands):
        outer = _resolve(first, last, surface, words, dic)
        if outer is None:
            continue
        out.append(_mention(text, sent_id, tokens, first, last, *outer))
        inner = [c for c in cands if first <= c[0] and c[1] <= last and (c[0], c[1]) != (first, last)]
        for i_first, i_last, i_surface in _select(inner, exclude_actor=outer[0].actor_id):
            resolved = _resolve(i_first, i_last, i_surface, words, dic)
            if resolved and resolved[0].actor_id != outer[0].actor_id:
                out.append(_mention(text, sent_id, tokens, i_first, i_last, *resolved))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _mention(text, sent_id, tokens, first, last, actor, via) -> Mention:
    start, end = tokens[first][1], tokens[last - 1][2]
    return Mention(sent_id, start, end, text[start:end], actor, via, first, last)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words (Webster's 2nd, via the english-words package): a single
    capitalised word that is one of these ("Administration", "Federal") is not a name."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


def unknown_names(text: str, tokens: list, mentions: list[Mention], dic: Dictionary) -> list[str]:
    """Capitalised token runs not covered by a mention and not titles or sentence-initial common words."""
    covered = {i for m in mentions for i in range(m.first_token, m.last_token)}
    n = len(tokens)
    skip = dic.not_names
    capital = [tok[0][:1].isupper() and tok[0] not in skip and i not in covered for i, tok in enumerate(tokens)]
    if not any(capital):
        return []
    names: list[str] = []
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (capital[j] or (tokens[j][0] in _JOINERS and j + 1 < n and capital[j + 1]
                                         and j not in covered)):
            j += 1
        run = list(range(i, j))
        while run and (tokens[run[0]][0] in dic.title_words or tokens[run[0]][0].lower() in dic.function_words):
            run.pop(0)
        while run and not tokens[run[-1]][0][:1].isalpha():
            run.pop()
        if run:
            names.append(text[tokens[run[0]][1]:tokens[run[-1]][2]])
        i = j
    common = common_words()
    return [n for n in names if n.lower() not in dic.function_words
            and not (" " not in n and "-" not in n and not n.isupper() and n.lower() in common)]


_JOINERS = {"-", "of", "de", "al", "bin", "von", "der", "la"}


def _match_units(units, tokens_by: dict, dic: Dictionary, date: str) -> dict[int, list[Mention]]:
    """Mentions per sentence, in order, so a surname can resolve to a person named earlier."""
    seen_people: set[str] = set()
    by_sent: dict[int, list[Mention]] = {}
    for unit in units:
        mentions = find_mentions(unit.text, unit.sent_id, dic, date, tokens_by[unit.sent_id], seen_people)
        seen_people.update(m.actor.actor_id for m in mentions if m.actor.kind == "person")
        by_sent[unit.sent_id] = mentions
    return by_sent


def analyse(doc, rows: dict) -> None:
    """Mentions (title as sent_id 0) and unknown names of one document."""
    dic = load_dictionary()
    date = doc.meta.get("date", "") if doc.meta else ""
    units = doc.units()
    tokens_by = {unit.sent_id: tokenize(unit.text) for unit in units}
    lower_by = {sid: [t.lower().replace("’", "'") for t, _, _ in toks] for sid, toks in tokens_by.items()}
    by_sent = _match_units(units, tokens_by, dic, date)
    people: dict[str, str] = {}
    for unit in units:  # people the dictionary lacks but the text presents as speakers
        sid = unit.sent_id
        for name in discover_people(tokens_by[sid], by_sent[sid], dic, lower_by[sid]):
            people.setdefault(name, _person_id(name, dic.actors))
    if people:
        dic = dic.extended(people)
        by_sent = _match_units(units, tokens_by, dic, date)
    for unit in units:
        mentions = by_sent[unit.sent_id]
        offset = unit.start
        for m in mentions:
            rows["mentions"].append({
                "doc_id": doc.doc_id, "sent_id": unit.sent_id, "start": offset + m.start,
                "end": offset + m.end, "surface": m.surface, "actor_id": m.actor.actor_id,
                "actor_name": m.actor.name, "kind": m.actor.kind, "country_iso3": m.actor.country_iso3,
                "via": m.via,
            })
        for name in unknown_names(unit.text, tokens_by[unit.sent_id], mentions, dic):
            rows["names"].append({"doc_id": doc.doc_id, "sent_id": unit.sent_id, "name": name,
                                  "sentence": unit.text})
    doc.mentions = by_sent
    doc.tokens = tokens_by
    doc.lower = lower_by


# ---------------------------------------------------------------- corpus-level tables


def dictionary_names() -> dict[str, str]:
    """actor_id -> name from the curated actor dictionary."""
    return {a.actor_id: a.name for a in load_dictionary().actors.values() if a.actor_id and a.name}


@functools.lru_cache(maxsize=1)
def group_members() -> dict[str, frozenset[str]]:
    """Members of group actors from the actor dictionary (``members`` column, "|"-separated)."""
    return {a.actor_id: frozenset(a.members) for a in load_dictionary().actors.values() if a.members}


def actor_names(*frames: pd.DataFrame) -> dict[str, str]:
    """actor_id -> actor_name from any tables holding both columns, then the dictionary."""
    names = dict(dictionary_names())
    for df in frames:
        if df is not None and {"actor_id", "actor_name"} <= set(df.columns):
            for a, n in zip(df["actor_id"], df["actor_name"]):
                if a and n:
                    names[str(a)] = str(n)
    return names
