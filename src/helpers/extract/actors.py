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
import operator
import re
from collections import ChainMap, Counter
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, count, pairwise
from operator import itemgetter

import pandas as pd

from helpers.model.resources import load_csv, load_yaml
from helpers.model.types import Actor, Mention

#: Letter-dot abbreviations (U.S., U.N.), words (with "+" joins: C5+1), or one punctuation mark.
#: The word repeats are possessive (``++``, ``*+``): what follows each can match nothing, so a
#: greedy repeat never gives characters back and the tokens are those of the plain ``+`` and
#: ``*``; the engine just keeps no backtracking state (a tenth fewer instructions per sentence).
TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.|[^\W_]++(?:\+[^\W_]++)*+|[^\w\s]")
#: ``TOKEN`` as one group: ``split`` gives the text between the tokens and the tokens in turn
#: (gap, token, gap, ..., gap), so the lengths add up to every token's offsets. The lookahead
#: changes no match (a token starts with neither white space nor "_"), but lets the engine skip
#: the gaps with one character-set test each (7% fewer instructions per split).
_SPLIT = re.compile(rf"(?=[^\s_])({TOKEN.pattern})")


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
    return _words_and_tokens(text)[1]


def _words_and_tokens(text: str) -> tuple[list[str], list[tuple[str, int, int]]]:
    """The tokens of ``text`` (``TOKEN.findall(text)``) and the same with their character offsets,
    from one regex pass: the lengths of the pieces ``_SPLIT`` cuts the text into, summed, are
    where each token starts and ends, all at C speed (a loop finding each token after the one
    before cost as much as the regex itself). The gaps between tokens are white space and "_"."""
    parts = _SPLIT.split(text)
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts)))  # bounds[2k], bounds[2k + 1]: token k's start, end
    return words, list(zip(words, bounds[0::2], bounds[1::2]))


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _spans(surfaces: list[Surface]) -> tuple[dict[tuple[str, ...], list[Surface]], tuple[int, ...], frozenset[str]]:
    """The surfaces of one first word (longest first) arranged for matching: by token
    sequence (each list in the order of ``surfaces``), their lengths, longest first, and
    the second words of the longer ones."""
    by_tokens: dict[tuple[str, ...], list[Surface]] = {}
    for surface in surfaces:
        by_tokens.setdefault(surface.tokens, []).append(surface)
    lengths = tuple(sorted({len(t) for t in by_tokens}, reverse=True))
    return by_tokens, lengths, frozenset(t[1] for t in by_tokens if len(t) > 1)


class Dictionary:
    """The compiled actor dictionary: actors by id and a first-token index of surfaces.

    ``index`` maps a first token to its surfaces, longest first; ``spans`` holds the same
    surfaces by token sequence, with their lengths and second tokens (``_spans``), so that
    a word with many surfaces ("Republic": "Republic of Korea", "Republic of Moldova", ...
    94 of them) is matched with one look-up per length rather than a comparison per surface."""

    def __init__(self, rows: tuple[dict, ...], rules: dict):
        self.actors: dict[str, Actor] = {}
        self.index: dict[str, list[Surface]] = {}
        self.spans: dict[str, tuple] = {}
        surnames: dict[str, list[str]] = {}
        self.given: dict[str, set[str]] = {}
        all_caps = bool(rules.get("all_caps_names"))
        us_state_names = {str(w) for w in rules.get("us_states", [])}
        #: Lower-case Arabic particles and their capitalised form ("bin": "Bin"; ``patronymic_particles``,
        #: ``arabic_family_articles``): a name holding one is also written with it capitalised.
        self.arabic_capitals = {str(w): str(w).capitalize() for w in rules.get("patronymic_particles", [])
                                + rules.get("arabic_family_articles", [])}
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
                if actor.kind == "person":  # a person's given names ("Lloyd J. Austin": Lloyd, J)
                    self.given.setdefault(actor.actor_id, set()).update(
                        t for t, _, _ in tokenize(text)[:-1] if t[:1].isupper())
                if all_caps and actor.kind in ("state", "place", "group") and not actor.stands_for \
                        and not (actor.kind == "state" and text in us_state_names) and text.upper() != text \
                        and " " in text:  # "UNITED STATES", not "TURKEY"
                    self._add(text.upper(), actor.actor_id, "name" if text == actor.name else "alias")
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
        self.spans = {first: _spans(surfaces) for first, surfaces in self.index.items()}
        self.locative = {w.lower() for w in rules.get("locative_before", [])}
        self.not_after_demonym = set(rules.get("demonym_not_after", []))
        #: Words hyphenated to the end of a title that keep it one ("President-elect", "Minister-designate").
        self.title_suffixes = frozenset(str(w) for w in rules.get("title_suffixes", []))
        #: Religious titles ("Bishop", "Rabbi"): titles like the others, but an "of" phrase after one names a
        #: see or a congregation ("Archbishop of Bologna"), not an office before its holder's name.
        self.religious_titles = frozenset(str(t) for t in rules.get("religious_titles", []))
        titles = [str(t) for t in rules.get("titles", [])] + sorted(self.religious_titles)
        self.title_words = {w for t in titles for w, _, _ in tokenize(t)} | \
            {w for w in self.title_suffixes if w[:1].isupper()}
        #: The capitalised ones ("President", "Prime", "Minister", "Mr"; not "of" of "Secretary of State")
        self.capitalised_title_words = frozenset(w for w in self.title_words if w[:1].isupper())
        self.function_words = {str(w).lower() for w in rules.get("function_words", [])}
        self.honorifics = frozenset(str(k) for k in (rules.get("honorifics") or {}))
        self.question_openers = frozenset(str(w) for w in rules.get("question_openers", []))
        self.apostrophe_prefixes = frozenset(str(w) for w in rules.get("apostrophe_prefixes", []))
        #: Ethnic names that hold a demonym but name no state, by first token ("Native American").
        self.ethnic: dict[str, set[tuple[str, ...]]] = {}
        for phrase in rules.get("ethnic_names", []):
            phrase = str(phrase)
            for variant in {phrase, phrase.replace(" ", "-", 1)}:
                toks = tuple(t for t, _, _ in tokenize(variant))
                self.ethnic.setdefault(toks[0], set()).add(toks)
        self.heritage_before = frozenset(str(w) for w in rules.get("heritage_before", []))
        #: A demonym naming a language ("Spanish-language", "speaks Russian", "in English and Spanish").
        self.language_after = frozenset(str(w) for w in rules.get("language_after", []))
        self.language_before = frozenset(str(w) for w in rules.get("language_before", []))
        self.language_names = frozenset(str(w) for w in rules.get("language_names", []))
        #: Combining forms before a hyphen and another state's name ("Sino-Russian"): {form: iso3}.
        self.combining = {str(k): str(v) for k, v in (rules.get("combining_forms") or {}).items()}
        #: US state names by first token: {first: {tokens, ...}} ("New": ("New", "Mexico"), ...).
        self.us_states: dict[str, set[tuple[str, ...]]] = {}
        for state in rules.get("us_states", []):
            toks = tuple(t for t, _, _ in tokenize(str(state)))
            self.us_states.setdefault(toks[0], set()).add(toks)
        #: Relative words that may follow a "Town, State" address ("in Lebanon, Missouri that was").
        self.address_followers = frozenset(str(w) for w in rules.get("us_address_followers", []))
        #: Nouns that name an instrument after a city ("Paris Agreement", "Minsk agreements": matching.yaml
        #: instrument_nouns): those written in lower case match in either case, the others as written.
        nouns = [str(w) for w in rules.get("instrument_nouns", [])]
        self.instruments_any = frozenset(w for w in nouns if w.islower())
        self.instruments_caps = frozenset(w for w in nouns if not w.islower())
        #: State names that are also a US state's: {iso3: (name tokens, place actor_id, cue token tuples)}.
        self.ambiguous = {
            str(iso): (tuple(t for t, _, _ in tokenize(spec["name"])), spec["place"],
                       tuple(tuple(t for t, _, _ in tokenize(c)) for c in spec.get("cues", [])))
            for iso, spec in (rules.get("ambiguous_state_names") or {}).items()}
        #: Demonyms also used for another people: {iso3: (demonyms, context words)} (``_ambiguous_demonyms``).
        self.ambiguous_demonyms = {
            str(iso): (frozenset(str(w) for w in spec.get("demonyms", [])), frozenset(str(w) for w in spec.get("context", [])))
            for iso, spec in (rules.get("ambiguous_demonyms") or {}).items()}
        org_heads = set(rules.get("org_heads", []))
        #: The last word of each title, when it names a person's office ("Minister", "Ambassador").
        self.person_titles = frozenset(t.split()[-1] for t in titles if t.split()[-1] not in org_heads
                                       and t.split()[-1].rstrip(".").isalpha())
        #: The person titles of one word ("President", "Chairman", "Senator"): a preposition before one
        #: stands before the whole title ("met with President X", "Counsel to Commissioner X").
        self.one_word_titles = frozenset(t for t in titles if t in self.person_titles)
        #: Titles that are also family names ("Coretta Scott King"): after a given name and before no name,
        #: the surname (``_title_as_surname``).
        self.title_surnames = frozenset(str(w) for w in rules.get("title_surnames", []))
        #: Abbreviated person titles as the tokens split them ("Sen" of "Sen.", "Gov", "Gen"), and those
        #: of an office, not an honorific ("Mr", "Dr": person_cues honorifics).
        self.abbreviated_titles = frozenset(t[:-1] for t in self.person_titles if t.endswith("."))
        self.office_abbreviations = frozenset(self.abbreviated_titles - person_cues().honorifics.keys())
        self.corporate_designators = person_cues().corporate_designators
        single = {k for k, v in self.index.items() if any(len(x.tokens) == 1 for x in v)}
        self.not_names = frozenset(single | self.title_words)  # known surfaces are not unknown names

    def _add(self, text: str, actor_id: str, via: str, valid_from: str = "", valid_to: str = "") -> None:
        tokens = tuple(t for t, _, _ in tokenize(text))
        if not tokens:
            return
        variants = {tokens}
        if tokens[0][:1].islower():  # "former Soviet republics" also at sentence start
            variants.add((tokens[0][:1].upper() + tokens[0][1:],) + tokens[1:])
        if len(tokens) > 2 and not self.arabic_capitals.keys().isdisjoint(tokens[1:-1]):
            # "Mohammed bin Salman" also as US official style writes it, "Mohammed Bin Salman"
            variants.add(tokens[:1] + tuple(self.arabic_capitals.get(t, t) for t in tokens[1:]))
        for variant in list(variants):
            if "'" in variant or "’" in variant:
                # "Democratic People's Republic of Korea" also as typeset, "Democratic People’s Republic of
                # Korea": the dictionary writes one apostrophe, texts either (the seeds' NOTES: curly and straight)
                variants.add(tuple({"'": "’", "’": "'"}.get(t, t) for t in variant))
        for variant in variants:
            surface = Surface(variant, actor_id, via, valid_from, valid_to)
            surfaces = self.index.get(variant[0], [])
            if surface not in surfaces:  # copy on write: an extended dictionary shares the rest of the index
                self._put(variant[0], sorted(surfaces + [surface], key=lambda s: -len(s.tokens)))

    def _put(self, first: str, surfaces: list[Surface]) -> None:
        """Set the surfaces (longest first) that begin with ``first``, in both indexes."""
        self.index[first] = surfaces
        self.spans[first] = _spans(surfaces)

    def extended(self, people: dict[str, str], countries: dict[str, str] | None = None,
                 aliases: dict[tuple[str, ...], str] | None = None,
                 present: set[str] | Counter | None = None) -> "Dictionary":
        """A copy that also knows document-local people {full name: actor_id} (with their
        state from ``countries``), their later forms (surname, honorific + surname), and
        further surfaces of known people ``aliases`` {tokens: actor_id}. With ``present``
        (the document's lower-case words) only forms whose words all occur are added."""
        new = object.__new__(Dictionary)
        new.__dict__.update(self.__dict__)
        new.actors = dict(self.actors)
        new.index = dict(self.index)
        new.spans = dict(self.spans)
        added: dict[str, list[Surface]] = {}
        for name, actor_id in people.items():
            new.actors[actor_id] = Actor(actor_id, name, "person", (countries or {}).get(name, ""), role="found in text")
            new._add(name, actor_id, "name")
            forms = later_forms(name) if present is None else _forms_in(name, present)
            whole = tuple(t for t, _, _ in tokenize(name))
            for short in forms:
                if len(short) == 1 and short[0] in self.title_words:
                    continue  # a surname that is also a title ("King") names the person only after an honorific
                # the honorific before the whole name ("Dr. Jennifer Strawn") is the name itself: its
                # mention leaves the honorific out (find_mentions), as it does a title
                full = short[0] in self.honorifics and short[-len(whole):] == whole
                added.setdefault(short[0], []).append(Surface(short, actor_id, "name" if full else "surname"))
        for tokens, actor_id in (aliases or {}).items():
            added.setdefault(tokens[0], []).append(Surface(tokens, actor_id, "surname"))
        for first, surfaces in added.items():
            old = new.index.get(first, [])
            known = {s.tokens for s in old}
            fresh = []
            for surface in surfaces:
                if surface.tokens not in known:  # a known surface keeps its actor
                    known.add(surface.tokens)
                    fresh.append(surface)
            if fresh:
                new._put(first, sorted(old + fresh, key=lambda s: -len(s.tokens)))
        return new


@functools.lru_cache(maxsize=4096)
def later_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """How news text refers to a person after the full name: the surname (the last name
    word, with its particles: "von der Leyen", "Le Drian"; "Bolot kyzy" and "Bolot"), and an
    honorific + the first or last word ("Mr. Wang" for Wang Wenbin, "Ms. Marat"). A generational
    suffix is no surname: "Robert Smith Jr." is later "Smith" and "Mr. Smith".

    Memoised (a name's forms depend only on the fixed ``matching.yaml``): a document asks
    for the forms of the same name several times, and a corpus for the same people."""
    plain, after = _later_parts(name)
    return plain + tuple(form for h in person_cues().honorifics for f in after for form in ((h, ".") + f, (h,) + f))


def _key(token: str) -> str:
    """A token as the document's lower-case words write it (``_lower``)."""
    return token.lower().replace("’", "'")


def _forms_in(name: str, words) -> list[tuple[str, ...]]:
    """``later_forms(name)``, in its order, less the forms with a word (lower-case) not in ``words``
    (a document's words: a set or a Counter). Only the honorifics the document uses are put before
    the name's forms, instead of making all 18 of them and testing each (what a document adds)."""
    plain, after = _later_parts(name)
    kept = [f for f in plain if all(_key(t) in words for t in f)]
    after = [f for f in after if all(_key(t) in words for t in f)]
    if after:
        dot = "." in words
        for h in person_cues().honorifics:
            if _key(h) in words:
                for f in after:
                    if dot:
                        kept.append((h, ".") + f)
                    kept.append((h,) + f)
    return kept


@functools.lru_cache(maxsize=4096)
def _later_parts(name: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """The parts of ``later_forms(name)``: the forms that stand alone (surnames), and the forms an
    honorific goes before ("Mr." + each), in the order ``later_forms`` gives them."""
    pc = person_cues()
    whole = [t for t, _, _ in tokenize(name)]
    toks = _without_suffix(whole)  # "Robert Smith Jr": later "Smith", "Mr. Smith"
    words = [i for i, t in enumerate(toks) if _name_word(t) and not (len(t) == 1 and i + 1 < len(toks) and toks[i + 1] == ".")]
    if len(words) < 2:
        return (), ()
    last = words[-1]
    while last > 0 and toks[last - 1] in _HYPHEN_APOSTROPHES:  # Thomas-Greenfield, O’Brien
        last -= 2
    # the father's name after "bin" is no form of the son ("bin Salman" is, "Salman" is not)
    forms = {tuple(toks[last:])} if not (last > 0 and toks[last - 1] in pc.patronymics) else set()
    if toks[-1] in pc.suffixes:
        forms.add(tuple(toks[words[-1]:]))
    k = last
    while k > 0 and toks[k - 1] in pc.particles:
        k -= 1
    if k < last:
        forms.add(tuple(toks[k:]))
    if last + 2 < len(toks) and toks[last].lower() in pc.hyphen_articles and toks[last + 1] == "-":
        forms.add(tuple(toks[last + 2:]))  # "al-Burhan" and "Burhan", "Al-Sisi" and "Sisi" (news style
        # drops the article later; US official style capitalises it: "President Abdel Fattah Al-Sisi")
    if last > 0 and toks[last - 1][:1].isupper() and toks[last - 1] in pc.capital_particles:
        forms.add(tuple(toks[last - 1:]))  # Le Drian
    out = [f for f in forms if f[0] not in pc.honorifics]
    first = tuple(toks[:words[1]]) if words[0] == 0 else ()
    while len(first) > 1 and (first[-1] == "." or len(first[-1]) == 1):
        first = first[:-1]  # "Timmy" of "Timmy T. Davis", not "Timmy T."
    # ... and the honorific before the whole name ("Dr. Jennifer Strawn"), so that the honorific + first
    # word form cannot take the first word away from the full name that follows it
    full = tuple(whole) if first and whole[0] not in pc.honorifics else ()
    return tuple(out), tuple(list(forms) + ([first] if first else []) + ([full] if full else []))


@dataclass(frozen=True)
class PersonCues:
    """Vocabulary of person discovery (``matching.yaml`` and the reporting verbs of
    ``quote_cues.yaml``): which words around a capitalised run make it a person's name."""

    verbs: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    honorifics: dict
    roles: dict
    kin: dict
    works: frozenset[str]
    org_heads: frozenset[str]
    months: frozenset[str]
    honorifics_lower: frozenset[str] = frozenset()
    #: ``org_heads`` and the same words with a plural "s" ("Ministry", "Committees").
    org_words: frozenset[str] = frozenset()
    #: The lower-case words one of which every position of a name in ``discover_people`` needs
    #: (apart from a title before it and document-level evidence): verbs, relatives,
    #: honorifics, roles, works, "who", "according (to)", "(his ...". A new position adds its cue here.
    cue_words: frozenset[str] = frozenset()
    #: Designators before a storm's name ("Hurricane", "Typhoon", "Storm" of "Tropical Storm").
    storms: frozenset[str] = frozenset()
    #: US nominations (``nomination`` in matching.yaml): generational suffixes after the nominee's
    #: name, the word before a predecessor's ("vice") and the words after it ("resigned").
    nominee_suffixes: frozenset[str] = frozenset()
    predecessor_before: frozenset[str] = frozenset()
    predecessor_endings: frozenset[str] = frozenset()
    #: Particles of a patronymic ("bin", "ibn": ``patronymic_particles``), in either case ("Bin"): the
    #: next word names the father.
    patronymics: frozenset[str] = frozenset()
    #: The capitalised Arabic particles ("Bin", "Ibn", "Al": ``patronymic_particles``,
    #: ``arabic_family_articles``): inside a name, before a name word, no name word of their own.
    arabic_particles: frozenset[str] = frozenset()
    #: The lower-case Arabic article joined to the family name by a hyphen ("al-Burhan", "el-Sisi":
    #: ``arabic_family_articles``): with the hyphen and the name word it is part of the name (the
    #: capitalised "Al-Sabah" is a name word and its hyphen joins it already).
    hyphen_articles: frozenset[str] = frozenset()
    #: ``particles`` capitalised ("Le" of "Le Drian", "Al" of "Al Sisi").
    capital_particles: frozenset[str] = frozenset()
    #: Verbs of appointment ("named", "appointed"): "named X as the <role>" (``appointment_verbs``).
    appointment_verbs: frozenset[str] = frozenset()
    #: Titles that are also given names ("Amir"): a title only before a name with a patronymic particle.
    titles_before_nasab: frozenset[str] = frozenset()
    #: Verbs a Title Case headline puts right after a name (``headline_verbs``): never a name word.
    headline_verbs: frozenset[str] = frozenset()
    #: Tokens before which a bare given + family name is no person by itself (``bare_name_not_after``).
    bare_name_not_after: frozenset[str] = frozenset()
    bare_name_not_before: frozenset[str] = frozenset()
    #: The marks that open a list item line ("- ", "* ", "• "): ``list_item_marks``.
    list_marks: frozenset[str] = frozenset()
    #: The US states (``us_states``): a capitalised pair ending in one is a "City State" address.
    us_states: frozenset[str] = frozenset()
    #: The party letters and state codes of a US party-and-state label ("(D-IL)": ``us_party_labels``).
    party_letters: frozenset[str] = frozenset()
    party_states: frozenset[str] = frozenset()
    #: The aides' role words and the leaders they serve, as token tuples (``served_leaders``).
    aides: frozenset[str] = frozenset()
    leaders: frozenset[tuple[str, ...]] = frozenset()
    home_leaders: frozenset[tuple[str, ...]] = frozenset()
    home_aides: frozenset[str] = frozenset()
    #: Lower-case honorifics that also abbreviate words of citations ("rev": "Rev. Proc. 2023-12"):
    #: an honorific before a full name only, never before one word (``citation_honorifics``).
    citation_honorifics: frozenset[str] = frozenset()
    #: Ranks of the peerage ("Duke" of "Duke of Sussex"): before "of" they end a name, no surname.
    peerage_ranks: frozenset[str] = frozenset()
    #: Family names before a hyphenated given name with a lower-case second syllable ("Moon Jae-in").
    hyphen_given_after: frozenset[str] = frozenset()
    #: Designators of a company's legal form after its name ("Inc", "LLC", "Company": ``corporate_designators``).
    corporate_designators: frozenset[str] = frozenset()
    #: Organisations whose short name reads as a person's ("Goldman Sachs", "Johns Hopkins":
    #: ``eponymous_organisations``), as token tuples by first token.
    eponymous: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


@functools.lru_cache(maxsize=None)
def person_cues(rules: str = "matching.yaml", cues: str = "quote_cues.yaml") -> PersonCues:
    spec, verbs = load_yaml(rules), load_yaml(cues)
    reporting = frozenset(verbs.get("verbs", [])) | frozenset(verbs.get("more_verbs", []))
    honorifics = {str(k): v or "" for k, v in (spec.get("honorifics") or {}).items()}
    roles = {str(k): v or "" for k, v in (spec.get("role_nouns") or {}).items()}
    kin = {str(k): v or "" for k, v in (spec.get("kin_nouns") or {}).items()}
    works = frozenset(spec.get("work_nouns", []))
    org_heads = frozenset(spec.get("org_heads", []))
    honorifics_lower = frozenset(k.lower() for k in honorifics)
    return PersonCues(
        verbs=reporting,
        particles=frozenset(spec.get("name_particles", [])),
        suffixes=frozenset(spec.get("name_suffixes", [])),
        honorifics=honorifics,
        roles=roles,
        kin=kin,
        works=works,
        org_heads=org_heads,
        months=frozenset(spec.get("months", [])),
        headline_verbs=frozenset(spec.get("headline_verbs", [])),
        bare_name_not_after=frozenset(str(w) for w in spec.get("bare_name_not_after", [])),
        bare_name_not_before=frozenset(str(w) for w in spec.get("bare_name_not_before", [])),
        list_marks=frozenset(str(w) for w in spec.get("list_item_marks", [])),
        us_states=frozenset(str(w) for w in spec.get("us_states", [])),
        aides=frozenset(str(w) for w in (spec.get("served_leaders") or {}).get("aides", [])),
        leaders=frozenset(tuple(str(w).split()) for w in (spec.get("served_leaders") or {}).get("leaders", [])),
        home_leaders=frozenset(tuple(str(w).split()) for w in (spec.get("served_leaders") or {}).get("home_leaders", [])),
        home_aides=frozenset(str(w) for w in (spec.get("served_leaders") or {}).get("home_aides", [])),
        party_letters=frozenset(str(w) for w in (spec.get("us_party_labels") or {}).get("parties", [])),
        party_states=frozenset(str(w) for w in (spec.get("us_party_labels") or {}).get("states", []))
        | frozenset(str(w) for w in spec.get("us_states", []) if " " not in str(w)),
        citation_honorifics=frozenset(str(w).lower() for w in spec.get("citation_honorifics", [])),
        peerage_ranks=frozenset(str(w) for w in spec.get("peerage_ranks", [])),
        hyphen_given_after=frozenset(str(w) for w in spec.get("hyphenated_given_name_after", [])),
        corporate_designators=frozenset(str(w) for w in spec.get("corporate_designators", [])),
        eponymous=_by_first_token(spec.get("eponymous_organisations", [])),
        patronymics=frozenset(f(str(w)) for w in spec.get("patronymic_particles", []) for f in (str, str.capitalize)),
        capital_particles=frozenset(str(w).capitalize() for w in spec.get("name_particles", [])),
        arabic_particles=frozenset(str(w).capitalize() for w in spec.get("patronymic_particles", [])
                                   + spec.get("arabic_family_articles", [])),
        hyphen_articles=frozenset(str(w) for w in spec.get("arabic_family_articles", [])),
        titles_before_nasab=frozenset(str(w) for w in spec.get("titles_before_nasab", [])),
        appointment_verbs=frozenset(str(w) for w in spec.get("appointment_verbs", [])),
        honorifics_lower=honorifics_lower,
        org_words=org_heads | {h + "s" for h in org_heads},
        storms=frozenset(spec.get("storm_designators", [])),
        nominee_suffixes=frozenset(str(w) for w in (spec.get("nomination") or {}).get("suffixes", [])),
        predecessor_before=frozenset(str(w) for w in (spec.get("nomination") or {}).get("predecessor_before", [])),
        predecessor_endings=frozenset(str(w) for w in (spec.get("nomination") or {}).get("predecessor_endings", [])),
        cue_words=frozenset().union(reporting, kin, honorifics_lower, roles, works, _POSSESSIVE_PRONOUNS,
                                    {"who", "whose", "according"}),
    )


def _by_first_token(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as token tuples, by first token ("Goldman Sachs" -> {"Goldman": (("Goldman", "Sachs"),)})."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        toks = tuple(t for t, _, _ in tokenize(str(phrase)))
        if toks:
            out.setdefault(toks[0], []).append(toks)
    return {k: tuple(v) for k, v in out.items()}


def _eponymous_span(words: list[str], first: int, last: int, pc: PersonCues) -> bool:
    """Whether ``words[first:last]`` lies inside the name of an organisation named after people
    (matching.yaml eponymous_organisations: "Goldman Sachs", "Sidley Austin", "Johns Hopkins") written
    there, beginning at most three tokens before it."""
    for s in range(max(0, first - 3), first + 1):
        for toks in pc.eponymous.get(words[s], ()):
            if s + len(toks) >= last and tuple(words[s:s + len(toks)]) == toks:
                return True
    return False


#: Words between a name and its cue verb that keep the verb the name's ("X has said", "X later told").
_AUX = {"has", "had", "have", "later", "also", "then", "earlier", "again", "once", "would", "will", "had", "recently"}
#: A verb after one of these is not a reporting cue of the name before ("X was asked", "when asked").
_NOT_CUE = {"was", "were", "is", "are", "be", "been", "being", "when", "never", "not", "if"}
_ARTICLES = {"a", "an", "the"}
_EXPLAIN: list | None = None  # set to a list to record why each name was taken (debugging)
_POSSESSIVE_PRONOUNS = {"his", "her", "their"}
#: Positions that take a name only when its words are not all common English words.
_WEAK = {"appositive before", "verb and role before", "honorific elsewhere", "appointed as"}
_PREPOSITIONS = {"of", "for", "on", "to", "at", "from", "in", "into", "with", "near", "across"}
_ARTICLES_PREPOSITIONS = _ARTICLES | _PREPOSITIONS
_APOSTROPHES = ("’", "'")
_HYPHEN_APOSTROPHES = ("-",) + _APOSTROPHES
_DOT_APOSTROPHES = (".",) + _APOSTROPHES
_HYPHEN_DOT_APOSTROPHES = ("-", ".") + _APOSTROPHES


def _capitalised(words: list[str]) -> list[int]:
    """Indices of the tokens that begin with a capital (where names and unknown names start).
    Tokens are never empty."""
    # [i for i, w in enumerate(words) if w[0].isupper()], at C speed: the flags of the first
    # characters select the indices
    return list(compress(count(), map(str.isupper, map(itemgetter(0), words))))


def _name_word(w: str) -> bool:
    """A capitalised word that can be part of a name (not all capitals: "NUR-SULTAN", "AP")."""
    return w[:1].isupper() and w.isalpha() and (len(w) == 1 or not w.isupper())


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # a token of initials: "J.D.", "H.R."


def _initials_at(words: list[str], i: int, dic: "Dictionary") -> int:
    """The end of the initials that stand for the given name at ``i`` ("J.D. Vance", "J. D.
    Vance", "H.R. McMaster"): initials, then the surname alone (one name word, not a title, and
    no name word, initial or hyphen after it); else ``i``. One leading initial before a given name
    (``given_names.csv``) and a surname opens the name too ("E. Jean Carroll", "E. Martin Estrada"),
    as the fullest name the text gives keeps its initials (rules README, rule 6); a shorter "Martin
    Estrada" elsewhere is the same person (``_same_people``). After a period that closes no title
    ("Dr. David. E. Daniel") the initials belong to the name before."""
    n = len(words)
    if i > 1 and words[i - 1] == "." and words[i - 2] not in dic.title_words and \
            words[i - 2] + "." not in dic.person_titles:
        return i
    j = i
    while j < n:
        if _INITIALS.fullmatch(words[j]):
            j += 1
        elif len(words[j]) == 1 and words[j].isupper() and j + 1 < n and words[j + 1] == ".":
            j += 2
        else:
            break
    if not (j > i and j < n and _name_word(words[j]) and words[j] not in dic.title_words):
        return i
    after = words[j + 1] if j + 1 < n else ""
    if j == i + 2 and words[j] in _given_names() and _name_word(after) and after not in dic.title_words \
            and not (i > 0 and _name_word(words[i - 1]) and words[i - 1] not in dic.title_words
                     and words[i - 1] not in person_cues().honorifics):
        return j  # "E. Jean Carroll", "J. Christopher Giancarlo": one leading initial and the given name
        # (not "Plan B. Michael Smith", "World War I. John Smith": a capitalised word before the letter)
    if _name_word(after) or _INITIALS.fullmatch(after) or after in _HYPHEN_APOSTROPHES:
        return i
    return j


def name_runs(words: list[str], covered: set[int], dic: "Dictionary", pc: PersonCues,
              starts: list[int] | None = None):
    """Maximal runs that read as a personal name: capitalised words, joined by hyphens
    ("Jean-Yves"), apostrophes ("O’Brien"), initials ("Sergey V. Lavrov"), particles ("von
    der Leyen") and patronymic markers ("Bolot kyzy"). Yields (first, end, n_words).
    ``starts``: the indices of the capitalised words (where a run can begin)."""
    n = len(words)
    done = 0
    for i in (starts if starts is not None else range(n)):
        if i < done:
            continue
        w = words[i]
        if i in covered or w in dic.title_words or w in pc.months or w in pc.honorifics or w in pc.nominee_suffixes:
            continue  # a generational suffix ("Jr") ends a name; it never opens one
        if w in pc.titles_before_nasab and i + 2 < n and words[i + 2] in pc.patronymics:
            continue  # "Amir Tamim bin Hamad Al Thani": the title before a ruler's given name and nasab
            # (not "Amir Ohana met Mohammed bin Salman": the particle must follow the next word)
        opened = _initials_at(words, i, dic) if len(w) == 1 or w[1:2] == "." else i
        if opened > i and not covered.isdisjoint(range(i, opened + 1)):
            continue
        if opened == i and (not _name_word(w) or w.lower() in dic.function_words or w.lower() in pc.roles
                             or w.lower() in pc.headline_verbs):
            continue
        # "J.D. Vance": the initials stand for the given name, so the run has two name words already
        j, count = (opened + 1, 2) if opened > i else (i + 1, 1)
        while j < n:
            w = words[j]
            nxt = words[j + 1] if j + 1 < n else ""
            if j in covered:
                break
            if w in _HYPHEN_APOSTROPHES and _name_word(nxt) and j + 1 not in covered and \
                    (w == "-" or len(words[j - 1]) <= 2):
                j += 2  # Jean-Yves, O’Brien
                continue
            if w == "-" and words[j - 2] in pc.hyphen_given_after and _hyphen_syllable(words, j + 1):
                j += 2  # "Moon Jae-in", "Tsai Ing-wen": the family name, then one hyphenated given name
                count += 1
                break
            if len(w) == 1 and w.isupper() and nxt == "." and j + 2 < n and _name_word(words[j + 2]):
                j += 2  # Sergey V. Lavrov
                continue
            if w in pc.hyphen_articles and nxt == "-" and j + 2 < n and _name_word(words[j + 2]) \
                    and words[j + 2] not in dic.title_words and covered.isdisjoint((j + 1, j + 2)):
                j += 3  # "Abdel Fattah al-Burhan", "Ahmad al-Nawaf al-Sabah": the article, hyphen and family
                count += 1  # name (AP Stylebook, "Arabic names"); not a title: "Sharm el-Sheikh" is a place
                continue
            if w in pc.arabic_particles and _name_word(nxt) and j + 1 not in covered:
                j += 1  # "Tamim Bin Hamad Al Thani": a capitalised Arabic particle, as "bin" and "al" are no name word
                continue
            if w in pc.particles:
                k = j
                while k < n and words[k] in pc.particles:
                    k += 1
                if k < n and _name_word(words[k]) and k not in covered:
                    j = k  # von der Leyen, van den Heuvel
                    continue
                break
            if (w in pc.suffixes or w in pc.nominee_suffixes) and count >= 2:
                j += 1  # "Bolot kyzy", "Martin Luther King III": a suffix ends the name
                break
            if w in pc.peerage_ranks and nxt == "of":
                break  # "Prince Harry Duke of Sussex": the peerage title begins, no surname
            if _title_as_surname(words, i, j, dic, pc):
                j += 1  # "Martin Luther King Jr.", "Coretta Scott King said": the title word is the surname
                count += 1
                if nxt in pc.nominee_suffixes:
                    continue  # the suffix ends the name next
                break
            if _name_word(w) and w not in dic.title_words and w not in pc.months and w not in pc.honorifics:
                low = w.lower()
                if low in dic.function_words or low in pc.roles or low in pc.headline_verbs:
                    break  # "Jen Psaki Announcing" in a Title Case headline ends before the verb
                j += 1
                count += 1
                continue
            break
        yield i, j, count
        done = j


#: One romanised syllable of Korean (Revised Romanization, McCune-Reischauer) or Chinese (Wade-Giles,
#: Cantonese) shape: consonants, a vowel group, an optional final n, ng, m, k, p, t, l, h or r. English
#: words after a hyphen rarely have it ("based", "led", "era", "style", "born").
_SYLLABLE = re.compile(r"[bcdfghjklmnprstwyz]{0,3}(?:a|ae|ai|ao|e|ee|ei|eo|eou|eu|eui|i|ia|iao|ie|iu|o|oe|oi|oo|ou|u|"
                       r"ua|uai|ue|ui|uo|wa|wae|we|wi|wo|ya|yae|ye|yeo|yo|you|yu|yue)(?:ng|n|m|k|p|t|l|h|r)?")


def _hyphen_syllable(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is the lower-case second syllable of a hyphenated given name ("in" of
    "Jae-in", "wen" of "Ing-wen"): one syllable (``_SYLLABLE``), no further hyphen or name after it."""
    n = len(words)
    return k < n and words[k].islower() and _SYLLABLE.fullmatch(words[k]) is not None and \
        not (k + 1 < n and (words[k + 1] == "-" or _name_word(words[k + 1])))


def _title_as_surname(words: list[str], first: int, k: int, dic: "Dictionary", pc: PersonCues) -> bool:
    """Whether the title word at ``k``, after the name words from ``first``, is a surname there. Only a
    title that is also a family name (``matching.yaml`` title_surnames: King, Prince, Judge, Bishop,
    Major ...) can be, only after a given name (``given_names.csv``: "Acme Chairman" is no person) or
    after name words that a title or honorific opens ("Senator Angus King said": what follows a title
    is a name, AP Stylebook, "titles"), and only where no name follows it, since a title stands before
    a name in English: a generational suffix ("Martin Luther King Jr.", "Martin Luther King III"), a
    lower-case word, a comma ("Coretta Scott King said", "Robert B. King, a lawyer", "Jennifer D. Bishop,
    Member"), a possessive or the end of the clause comes next ("Steve King’s bill", "Rep. Steve King.")."""
    n = len(words)
    if words[k] not in dic.title_surnames or k + 1 >= n:
        return False
    if not any(words[g] in _given_names() for g in range(first, k)) and not _after_title(words, first, dic, pc):
        return False
    nxt = words[k + 1]
    return nxt in pc.nominee_suffixes or nxt[:1].islower() or nxt in _CLAUSE_ENDS or (
        nxt in _APOSTROPHES and k + 2 < n and words[k + 2] == "s")


#: Marks after a title word that leave no name for it to stand before.
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "(", ")"})


def _after_title(words: list[str], first: int, dic: "Dictionary", pc: PersonCues) -> bool:
    """Whether a person title or an honorific stands right before ``first`` ("Senator", "Sen.", "Mr.")."""
    if first < 1:
        return False
    before = words[first - 1]
    if before == "." and first > 1:
        before = words[first - 2]
        return before in dic.abbreviated_titles or before in pc.honorifics
    return before in dic.person_titles or before in pc.honorifics


def _join(words: list[str], first: int, end: int) -> str:
    out = ""
    for k in range(first, end):
        w = words[k]
        if k > first and w not in _HYPHEN_DOT_APOSTROPHES and words[k - 1] not in _HYPHEN_APOSTROPHES:
            out += " "
        out += w
    return out


def discover_people(tokens: list, mentions: list[Mention], dic: "Dictionary",
                    lower: list[str] | None = None, *, confirmed: frozenset[str] = frozenset(),
                    pronoun_near: bool = False, words: list[str] | None = None,
                    caps: list[int] | None = None, written_lower: frozenset[str] = frozenset(),
                    titled: set[str] | None = None, home: str = "") -> list[tuple[str, str]]:
    """Names the dictionary lacks, in a position only a person takes, with the person's
    state when the role phrase gives it: (name, iso3) pairs.

    Positions: next to a reporting verb ("said Anvar Nozirov", "Anvar Nozirov told"); after
    a title, honorific or role noun ("Ambassador Ferit Hoxha", "migration lawyer Dilnoza
    Rakhmatova"); with an appositive on either side ("X, a researcher at", "the mayor of
    Kharkiv, X,", "X, Kazakhstan's energy minister"); ", who" after it; a relative ("her son,
    Maxim", a given name alone is enough); an author ("a documentary by X", "X's new book").
    Weaker, document-level evidence: the surname comes back with an honorific elsewhere
    (``confirmed``: "Ms. Ismailova"), or a sentence opens with the name and a he/she follows
    (``pronoun_near``) and neither word is a common English word.

    ``words`` (the token strings) and ``caps`` (the indices of the capitalised ones) may
    come from the caller, who needs them too. ``written_lower``: the words the document writes in
    lower case (such a word after a title is no surname); ``titled``, when given, gets the names
    found as one word after a title. ``home``: the publishing state of the document (its press office's),
    for an aide of an unnamed "the President" (``_home_aide_near``)."""
    words = words if words is not None else [t for t, _, _ in tokens]
    caps = caps if caps is not None else _capitalised(words)
    lows = lower if lower is not None else [w.lower() for w in words]
    pc = person_cues()
    if pc.cue_words.isdisjoint(lows) and dic.person_titles.isdisjoint(words) and confirmed.isdisjoint(words) \
            and not pronoun_near and dic.office_abbreviations.isdisjoint(words) and not _given_name_run(words, caps, pc):
        return []  # every position below needs a cue word, a title before the name, evidence elsewhere or a given name
    close_caps = len(caps) > 1 and min(map(operator.sub, caps[1:], caps)) <= 3  # capitals at most 3 tokens apart
    if not close_caps and pc.kin.keys().isdisjoint(lows) and not any(i > 0 and lows[i - 1] in pc.verbs for i in caps):
        return []  # a name of two words or more, or a relative's given name, is needed
    covered = {i for m in mentions for i in range(m.first_token, m.last_token)}
    by_token = {i: m for m in mentions for i in range(m.first_token, m.last_token)}
    n = len(words)
    found: list[tuple[str, str]] = []
    ampersand = "&" in words
    kin_open = False  # inside a list of relatives: "his wife Galina, daughter Mayya, and his sons Roman and Boris"
    prev_end = -1
    for first, end, count in name_runs(words, covered, dic, pc, caps):
        if kin_open and not all(lows[k] in (",", "and", "or") or lows[k] in pc.kin or lows[k] in _POSSESSIVE_PRONOUNS
                                for k in range(prev_end, first)):
            kin_open = False
        prev_end = end
        run = words[first:end]
        office = _name_after_office(first, end, words, lows, dic, pc)
        if office >= 0:
            # "Speaker of the House Nancy Pelosi", "Director of the Office of Public Engagement
            # Stephen Benjamin": the office phrase runs into the name, which ends the run
            found.append((_join(words, office, end), _office_holder_state(office, words, lows, by_token, dic, pc)
                          or ("USA" if _us_party_label(end, words, pc) else "")
                          or (home if home and _home_aide_near(office, end, words, lows, by_token, pc) else "")))
            if _EXPLAIN is not None:
                _EXPLAIN.append((found[-1][0], "office of before", " ".join(words)))
            continue
        # Not a name: a run holding an office or role word ("Ministry", "Committees", "spokesman"),
        # ending in a single character, or holding a lone letter that is no initial.
        if run[-1] in pc.nominee_suffixes and len(_without_suffix(run)) < 2:
            continue  # "Smith Jr." alone: a later form of someone named in full, or of nobody we can tell
        if not pc.org_words.isdisjoint(run) or _role_in_run(first, end, words, lows, pc, dic) \
                or len(run[-1]) == 1 or (1 in map(len, run) and any(
                    len(w) == 1 and w.isalpha() and k + 1 < end and words[k + 1] not in _DOT_APOSTROPHES
                    for k, w in enumerate(run, first))):
            continue
        if (first > 0 and words[first - 1] in pc.storms) or not pc.storms.isdisjoint(run):
            continue  # "Hurricane Ian", "Tropical Storm Hilary": a storm
        if words[first] in pc.eponymous and _eponymous_span(words, first, first + 1, pc) \
                and not _after_title(words, first, dic, pc):
            continue  # "Goldman Sachs admitted", "Kaiser Permanente has added": a firm named after people
        if ampersand and count >= 2 and _firm_of_partners(first, end, words, dic, pc):
            continue  # "Wilson Sonsini Goodrich & Rosati": partners' names of a firm (a relative's given
            # name alone is none: "their daughters Madison & Quinn")
        before = lows[first - 1] if first > 0 else ""
        before2 = lows[first - 2] if first > 1 else ""
        title = first - 1  # the token a title before the name ends with: "President" of "President-elect"
        if title >= 2 and words[title] in dic.title_suffixes and words[title - 1] == "-":
            title -= 2
        # the title as the titles list writes it: "Sen." for the tokens "Sen", "." (AP style abbreviates
        # Sen., Rep., Gov., Gen. before a full name; a surname alone after one stays unread, as before)
        title_word = words[title] if first > 0 else ""
        if title_word == "." and title >= 1 and words[title - 1] in dic.office_abbreviations:
            title_word = words[title - 1] + "."  # an office, not "Mr.", "Dr." (read as before)
        if count >= 3 and before in ("of", "and", "for", "&") and _common(run[0]):
            continue  # "Secretary of Housing and Urban Development Marcia Fudge": the office runs into the name
        if before in ("of", "and", "for", "&") and first > 1 and _name_word(words[first - 2]) \
                and _lower_case_word(run[0]) and run[0] not in _given_names() and not kin_open:
            continue  # "the Office to Monitor and Combat Trafficking": an English word after a capitalised
            # word and "and" goes on the name of an office, not a person ("Biden and Jill Biden" opens with a given name)
        after = lows[end] if end < n else ""
        # "Amir Tamim bin Hamad Al Thani": a title before a ruler's name with its nasab (``name_runs``)
        nasab_title = first > 0 and words[first - 1] in pc.titles_before_nasab and len(run) > 1 and run[1] in pc.patronymics
        reason = ""
        country = ""
        # relatives: a given name alone is enough
        k = first - 2 if before == "," else first - 1
        kin_before = k >= 0 and lows[k] in pc.kin and (kin_open or k > 0 and lows[k - 1] in _POSSESSIVE_PRONOUNS | {"s"})
        if kin_before or (kin_open and before in (",", "and", "or")):
            kin_open = True
            reason = "kin"
        elif count == 1 and before == "." and before2 in pc.honorifics_lower and not _common(run[0]) \
                and before2 not in pc.citation_honorifics:
            reason = "honorific"  # "Mr. Zhumabekov" with no full name in the text; not "Rev. Proc. 2023-12"
        elif count == 1 and before in pc.verbs and after == "," and end + 1 < n and \
                (lows[end + 1].isdigit() or lows[end + 1] == "who") and not _common(run[0]):
            reason = "given name"  # "said Yulia, 34, who fled Kharkiv"
        elif count == 1 and first > 0 and words[title] in dic.person_titles and not _common(run[0]) \
                and not (before2 in _PREPOSITIONS and words[title] not in dic.one_word_titles) \
                and run[0].lower() not in written_lower \
                and not (end < n and (words[end] in pc.particles or words[end] in _HYPHEN_APOSTROPHES
                                      and end + 1 < n and words[end + 1][:1].isupper()
                                      or words[end] == "‘" and end + 1 < n and words[end + 1][:1].isalpha()
                                      and tokens[end][1] == tokens[end - 1][2])):
            # (nor part of a word the Hawaiian ʻokina, written as an opening quote, splits: "Kaiali‘i Kahele")
            # A formal title before one word that is no English word (nor a place or given name that
            # Webster's lists: "Texas", "Elizabeth"): the person by surname, as news style names a
            # person after the title (AP Stylebook, "titles"): "Prime Minister Trudeau", "Governor
            # DeSantis", "Leader Schumer"; not a word the document also writes in lower case
            # ("Justice Website" beside "a new website"), nor one a particle or hyphen continues
            # ("Sheikh Ahmad al-Nawaf"). Title words, months and known names (countries, demonyms)
            # never start a run, so "Secretary General", "President Emeritus" give none. A full
            # name in the document makes it that person (``_document_people``).
            reason = "title and surname"
        elif count < 2 or count > 4:
            continue
        elif _nominee(first, end, words, lows, pc):
            reason = "nominee"  # "Nancy G. Abudu, of Georgia, to be United States Circuit Judge"
        elif before in pc.predecessor_before and (end >= n or lows[end] in (".", ";") or after == "," and end + 1 < n
                                                  and lows[end + 1] in pc.predecessor_endings):
            reason = "predecessor"  # "vice Beverly B. Martin, retired."
        elif before in pc.verbs or (before == "to" and before2 == "according"):
            reason = "verb before"
        elif before in pc.appointment_verbs and after == "as" and _role_after_as(end + 1, words, lows, pc):
            reason = "appointed as"  # "named Thomas J. McCool as the Federal Coordinating Officer"
        elif _verb_role_before(first, words, lows, by_token, pc):
            reason = "verb and role before"  # said Kazakh agronomist X
            country = _country_before(first, by_token, lows, words)
        elif before == "." and before2 in pc.honorifics_lower:
            reason = "honorific"
        elif before2 in _PREPOSITIONS and words[first - 1] not in dic.one_word_titles and not nasab_title:
            pass  # "Secretary of Labor X", "the School of Public Affairs": an office or a place, not a name
            # (a preposition before a whole one-word title is no part of it: "met with President X")
        elif first > 0 and (title_word in dic.person_titles or before in pc.roles or nasab_title):
            reason = "role before"
            country = _country_before(first, by_token, lows, words)
            if not country and after == "of" and end + 1 < n:
                state = by_token.get(end + 1)  # "Prime Minister Kyriakos Mitsotakis of Greece" (AP style)
                if state is not None and state.actor.kind == "state" and state.via != "demonym" and \
                        state.first_token == end + 1 and words[end + 1] not in pc.us_states:  # "Kemp of Georgia"
                    country = state.actor.actor_id
        elif before == "by" and before2 in pc.works or (before == "by" and first > 2 and lows[first - 3] in pc.works):
            reason = "author"
        elif before == "," and _role_phrase_before(first - 1, lows, pc, words) and after == "," and not _english_words(run):
            # (a run of English words only is no name here, but may still be one by what follows it:
            # "founder of ClassPass, Melissa Butler, CEO of The Lip Bar")
            reason = "appositive before"
            country = _country_before(first - 1, by_token, lows)
            role = next((k for k in range(first - 2, max(-1, first - 10), -1) if lows[k] in pc.roles), -1)
            to = next((k for k in range(role + 1, first - 1) if lows[k] == "to"), -1) if role >= 0 else -1
            if to >= 0:  # "Kazakhstan's ambassador to the United States, X,", "the Ambassador of Ukraine to
                country = _country_before(to, by_token, lows)  # the United States, X,": the sending state
        office_of = before in _PREPOSITIONS and first > 1 and words[first - 2][:1].isupper()  # "Secretary of Labor X"
        if not reason and not office_of:
            k = end
            if run[-1] in pc.nominee_suffixes and k < n and words[k] == ".":
                k += 1  # "Robert Smith Jr. said": the suffix's abbreviation point
            elif k + 1 < n and words[k] == "," and words[k + 1] in pc.nominee_suffixes:
                k += 2  # "Robert Smith, Jr., said": the suffix set off by commas, as official style writes it
                k += k < n and words[k] == "."
                k += k < n and words[k] == ","
            while k < n and lows[k] in _AUX:
                k += 1
            if k < n and lows[k] in pc.verbs and lows[k - 1] not in _NOT_CUE:
                reason = "verb after"
            elif after == "," and end + 1 < n and lows[end + 1] in ("who", "whose"):
                reason = "who"
            elif after == "," and end + 1 < n:
                found_role, country = _role_phrase_after(end + 1, words, lows, by_token, pc, dic.title_words,
                                                         title_case=_lead_name(run) in _given_names())
                if found_role:
                    reason = "appositive after"
                    country = country or _served_leader_state(end + 1, words, lows, by_token, pc)
            if not reason and after == "(" and end + 1 < n and lows[end + 1] in _POSSESSIVE_PRONOUNS:
                reason = "relatives after"
            if not reason and after in _APOSTROPHES and end + 1 < n and lows[end + 1] == "s":
                k = end + 2
                while k < n and k < end + 5 and lows[k] not in pc.works and words[k][:1].islower():
                    k += 1
                if k < n and lows[k] in pc.works:
                    reason = "author"
            if not reason and _without_suffix(run)[-1] in confirmed:
                reason = "honorific elsewhere"
            if not reason and pronoun_near and first == 0 and end < n and words[end][:1].islower() \
                    and not any(_common(w) for w in run if len(w) > 1):
                reason = "pronoun"
            if not reason and count == 2 and _given_and_family_name(first, end, words, pc):
                reason = "given and family name"
            if not reason and first == 1 and words[0] in pc.list_marks and after == "," and end + 1 < n \
                    and _name_word(words[end + 1]) and not (words[end + 1] in pc.us_states and (
                        end + 2 >= n or not _name_word(words[end + 2]))) and not (end + 1 in by_token and (
                        by_token[end + 1].actor.kind == "state" or by_token[end + 1].last_token >= n)) \
                    and count <= 3 and _lead_name(run) in _given_names() and run[-1] not in pc.us_states:
                # (not a place and its state: "- Jackson Hole, Wyoming", "- Florence, Italy")
                # an attendee or roster list, one "Name, Affiliation" a line ("- Andrea Bell, Oregon Housing and
                # Community Services"): the item opens with a given name and its affiliation follows the comma
                reason = "list item"
        if reason in _WEAK and _english_words(run):
            reason = ""  # "Rural Development", "Article V": English words, not a name
        elif reason and len(run) > 1 and all(_lower_case_word(w) for w in run if len(w) > 1) \
                and not any(w in _given_names() for w in run):
            reason = ""  # "Cancer Panel", "Debt Relief", "Political Counselor": only common lower-case words
        if reason and not country and _us_party_label(end, words, pc):
            country = "USA"  # "Senator Richard J. Durbin (D-IL)": a member of Congress
        if reason and not country and home and _home_aide_near(first, end, words, lows, by_token, pc):
            country = home  # "Jennifer Klein, Assistant to the President" in a White House text
        if reason and not country and reason != "appositive after" and after == "," and end + 1 < n:
            # a cue named the person; an appositive after the name still places them ("said Daniel
            # Fried, a former U.S. ambassador to Poland": the sending state, the first one named)
            country = _appositive_state(end + 1, words, lows, by_token, pc, dic.title_words) \
                or _served_leader_state(end + 1, words, lows, by_token, pc)
        if reason:
            found.append((_join(words, first, end), country))
            if reason == "title and surname" and titled is not None:
                titled.add(found[-1][0])
            if _EXPLAIN is not None:
                _EXPLAIN.append((found[-1][0], reason, " ".join(words)))
    return found


def _served_leader_state(k: int, words: list[str], lows: list[str], by_token: dict, pc: PersonCues) -> str:
    """The state of the leader an aide's appositive from ``k`` names: an aide's role word, then "to the"
    or "for the" and the state's demonym and leader ("Chief Security Advisor to the Lithuanian President",
    "Director for National Security and Defense for the Estonian Prime Minister") or the leader "of" the
    state ("Adviser to the President of Lithuania"), before the appositive ends (``matching.yaml``
    served_leaders); else ""."""
    n = len(words)
    aide = False
    for j in range(k, min(n - 2, k + 16)):
        if words[j] in (";", ".", ",", ":", "(", ")"):
            return ""
        aide = aide or words[j] in pc.aides
        if not (aide and lows[j] in ("to", "for") and lows[j + 1] == "the"):
            continue
        m = by_token.get(j + 2)
        if m is not None and m.actor.kind == "state" and m.via == "demonym" and m.first_token == j + 2:
            after = m.last_token
            if any(tuple(words[after:after + len(t)]) == t for t in pc.leaders):
                return m.actor.actor_id
        for t in pc.leaders:
            at = j + 2 + len(t)
            if tuple(words[j + 2:at]) == t and at + 1 < n and lows[at] == "of":
                state = by_token.get(at + 1)
                if state is not None and state.actor.kind == "state" and state.first_token == at + 1:
                    return state.actor.actor_id
    return ""


def _home_aide_near(first: int, end: int, words: list[str], lows: list[str], by_token: dict, pc: PersonCues) -> bool:
    """Whether the name at ``words[first:end]`` is given the rank of an aide to an unnamed "the President"
    (``matching.yaml`` served_leaders home_leaders, home_aides): in the appositive after it ("Jennifer
    Klein, Assistant to the President and Director of ..."), or in the office phrase or appositive before
    it ("Senior Advisor to the President for Clean Energy ... John Podesta", "Deputy Assistant to the
    President and Coordinator for the Middle East and North Africa, Brett McGurk,"). The phrase before
    the name holds only capitalised words and the joiners of an office (a verb or a person ends it:
    "Assistant to the President ... Jake Sullivan hosted President X"); a state right before the rank
    ("French Diplomatic Counselor to the President") or a leader "of" a state after it ("Assistant to
    the President of Kazakhstan") places the aide there instead."""
    n = len(words)
    stops = (";", ".", ":", "(", ")", "“", "”", '"', ",")

    def aide_at(j: int) -> bool:
        if not (words[j] in pc.home_aides and j + 3 < n and lows[j + 1] == "to" and lows[j + 2] == "the"):
            return False
        for k in range(j - 1, max(-1, j - 5), -1):  # the rank's own capitalised words: "French Diplomatic"
            m = by_token.get(k)
            if m is not None and m.actor.kind == "state":
                return False
            if not (words[k][:1].isupper() and words[k].isalpha()):
                break
        for t in pc.home_leaders:
            at = j + 3 + len(t)
            if tuple(words[j + 3:at]) == t:
                return not (at < n and lows[at] == "of")
        return False

    if end < n and words[end] == ",":
        for j in range(end + 1, min(n, end + 17)):
            if words[j] in stops:
                break
            if aide_at(j):
                return True
    k = first - 1
    if k >= 0 and words[k] == ",":
        k -= 1  # an appositive before the name: the phrase before its comma
    for j in range(k, max(-1, k - 20), -1):
        m = by_token.get(j)
        if words[j] in stops or (m is not None and m.actor.kind == "person") or (
                words[j][:1].islower() and lows[j] not in _OFFICE_JOINERS and lows[j] != "to"):
            break
        if aide_at(j):
            return True
    return False


def _lead_name(run: list[str]) -> str:
    """The given name a run opens with: its first word, or the word after one leading initial ("Jean"
    of "E. Jean Carroll", ``_initials_at``)."""
    return run[2] if len(run) > 2 and len(run[0]) == 1 and run[1] == "." else run[0]


def _us_party_label(k: int, words: list[str], pc: PersonCues) -> bool:
    """Whether the party-and-state label of US style follows a name ending before ``k``: "(D-IL)",
    "(R-N.Y.)", ", D-Ill.," (``matching.yaml`` us_party_labels), which only US officeholders carry."""
    n = len(words)
    return k + 3 < n and words[k] in ("(", ",") and words[k + 1] in pc.party_letters and words[k + 2] == "-" \
        and words[k + 3] in pc.party_states


def _given_name_run(words: list[str], caps: list[int], pc: PersonCues) -> bool:
    """Whether a sentence may hold a name that only its given name marks: a given name right before
    another capitalised word ("Stacey Abrams", "John F. Kennedy"), or opening a list item ("- Andrea,
    ..."). Both bare-name positions of ``discover_people`` need one; most sentences with a given
    name in them ("Jordan", "May") have neither, and skip the name search."""
    given = _given_names()
    if len(words) > 1 and words[0] in pc.list_marks and words[1] in given:
        return True
    return any(b == a + 1 and words[a] in given for a, b in zip(caps, caps[1:]))


def _given_and_family_name(first: int, end: int, words: list[str], pc: PersonCues) -> bool:
    """A name that reads as one with no cue around it: a given name (``given_names.csv``, the US Census
    list) that is no English word, then a family name that is none either ("Frederick Douglass", "Stacey
    Abrams", "Ted Cruz" is not: "ted" is a word), standing alone in running text: no capitalised word
    before or after it (not part of a longer proper name: "Frederick Douglass High School", "USNS Harvey
    Milk"), no "the" before it, and a sentence with lower-case words (not a Title Case heading). News and
    official style name a person in full at first mention (AP Stylebook, "names"); English words and
    places are what else a capitalised pair is, and both are left out here."""
    given, last = words[first], words[end - 1]
    if given not in _given_names() or _lower_case_word(given) or _lower_case_word(last) or last in _given_names() \
            or len(last) < 3 or last.isupper() or last in pc.org_words or last in pc.us_states or given in pc.us_states:
        return False  # (nor "Houston Texas", "City State" without its comma)
    n = len(words)
    before = words[first - 1] if first > 0 else ""
    after = words[end] if end < n else ""
    if (before[:1].isupper() and not (first == 1 and _lower_case_word(before))) or before.lower() == "the" \
            or before in _COMPOUND_MARKS or before.lower() in pc.bare_name_not_after:
        return False  # (an English word opening the sentence is no part of the name: "And Stacey Abrams is here")
    if after[:1].isupper() or after in _COMPOUND_MARKS or after in pc.bare_name_not_before or (after in _APOSTROPHES and end + 2 < n and words[end + 2][:1].isupper()):
        return False
    return any(len(w) > 3 and w.islower() for w in words)


def _role_in_run(first: int, end: int, words: list[str], lows: list[str], pc: PersonCues, dic: "Dictionary") -> bool:
    """Whether the run holds a role word ("spokesman", "king") other than a title read as the surname
    (``_title_as_surname``: "Martin Luther King Jr.", "Coretta Scott King said")."""
    if pc.roles.keys().isdisjoint(lows[first:end]):
        return False
    return any(lows[k] in pc.roles and not (k > first and _title_as_surname(words, first, k, dic, pc))
               for k in range(first, end))


def _nominee(first: int, end: int, words: list[str], lows: list[str], pc: PersonCues) -> bool:
    """A name opening its line or sentence (after list marks only), an optional generational suffix,
    then ", of <Place>, to be" (US nominations: "Gerald H. Acker, of Michigan, to be a Commissioner",
    "Robert L. Smith, Jr., of New York, to be ...")."""
    if first > 4 or any(w[:1].isalpha() and len(w) > 1 for w in words[:first]):
        return False
    k, n = end, len(words)
    if k + 1 < n and words[k] == "," and words[k + 1] in pc.nominee_suffixes:
        k += 2
        if k < n and words[k] == ".":
            k += 1
    place = k + 3 if k + 3 < n and lows[k + 2] == "the" else k + 2  # "of the District of Columbia"
    if not (place < n and words[k] == "," and lows[k + 1] == "of" and words[place][:1].isupper()):
        return False
    j = place + 1
    while j < n and j < place + 6 and words[j] != ",":
        if not (words[j][:1].isupper() or words[j] == "." or lows[j] == "of"):
            return False
        j += 1
    if j + 1 < n and words[j] == "," and lows[j + 1] in _ARTICLES:
        # the nominee's standing between the place and "to be" ("Richard Lee Buangan, of California, a
        # Career Member of the Senior Foreign Service, Class of Minister-Counselor, to be Ambassador"):
        # ambassadorial nominations set the career grade as an appositive
        stop = min(n - 2, j + 25)
        k = j + 2
        while k < stop and not (words[k] == "," and lows[k + 1] == "to" and lows[k + 2] == "be"):
            if words[k] in (".", ";", ":"):
                return False
            k += 1
        j = k
    return j + 2 < n and words[j] == "," and lows[j + 1] == "to" and lows[j + 2] == "be"


#: Words an office phrase after "Title of" holds besides capitalised words ("Speaker of the House",
#: "Secretary of Housing and Urban Development", "Director of the Office of Science and Technology Policy").
_OFFICE_JOINERS = {"of", "the", "and", "&", "for", "on"}
#: The words that join a title to the office or portfolio it names: "of" ("Secretary of Labor"), and the
#: "for"/"to" of US titles ("Special Envoy for Yemen", "Assistant Secretary for Health", "Ambassador to
#: Japan"; State Department and White House usage: "Special Presidential Envoy for Climate John Kerry").
_OFFICE_OPENERS = {"of", "for", "to"}


def _name_after_office(first: int, end: int, words: list[str], lows: list[str], dic: "Dictionary",
                       pc: PersonCues) -> int:
    """Where a name ends a capitalised run after a person title + "of" (or "for", "to") and the office it
    heads (US official style writes the full office before the name: "Speaker of the House Nancy Pelosi",
    "Commander of the Army Corps of Engineers Scott Spellmon", "Special Envoy for Yemen Tim Lenderking",
    "Ambassador to Japan Rahm Emanuel"): the index of its first word, or -1.
    The name is the run's last 2-3 name words (initials allowed), opening with a given name
    (``given_names.csv``); no word of it heads an organisation or is a title."""
    given = _given_names()
    for p in range(first, end - 1):
        if (words[p] not in given and not (p == end - 2 and _unlisted_name_pair(words, p, dic, pc))) \
                or words[p] in pc.org_words or (p > first and words[p] in pc.arabic_particles):
            continue  # inside a name, "Al" is the Arabic article ("Yousef Al Otaiba"), no given name
        tail = words[p:end]
        names = [w for w in tail if len(w) > 1 and _name_word(w)]
        if not 2 <= len(names) <= 3 or len(tail[-1]) == 1 or not pc.org_words.isdisjoint(tail) \
                or any(w in dic.title_words for w in tail) or (_lower_case_word(tail[-1]) and tail[-1] not in given):
            continue  # "Esperanza United", "Young Chemists Society": an English word ends no name here
        k, office = p - 1, False
        while k >= 0 and k >= p - 14:
            w, low = words[k], lows[k]
            if low in _OFFICE_OPENERS and k > 0 and (words[k - 1] in dic.person_titles or lows[k - 1] in pc.roles):
                if words[k - 1] in dic.religious_titles:
                    return -1  # "Senior Rabbi of Congregation Beth Emeth": a see or congregation, no office
                if not office:
                    return -1  # "a member of the Virginia Bar": no office between "of" and the name
                while low == "of" and p > first and len(names) < 3 and _name_word(words[p - 1]) \
                        and not _common(words[p - 1]):
                    p -= 1  # a given name the list lacks: "Secretary of the Navy José Rafael Ojeda"
                    # (not after "for"/"to": a portfolio or place ends there, "for Asia", "for North Africa")
                    names.append(words[p])
                return p
            if low in _OFFICE_JOINERS or (w[:1].isupper() and w.isalpha()):
                office = office or low not in _OFFICE_JOINERS
                k -= 1
                continue
            break
        return -1
    return -1


def _unlisted_name_pair(words: list[str], p: int, dic: "Dictionary", pc: PersonCues) -> bool:
    """Whether the last two words of a run after an office phrase, from ``p``, are a given name the
    census list lacks and a surname ("Secretary of Foreign Relations Marcelo Ebrard", "Director of the
    Domestic Policy Council Neera Tanden", "Vice President of the European Commission Frans
    Timmermans"): two name words of three letters or more that are no English words, titles or
    organisation words, right after a capitalised English word that ends the office ("Relations",
    "Council", "Commission"). ``_name_after_office`` still needs the title and "of"/"for"/"to" before
    the office; English words there end an office, not a name ("Secretary of Homeland Security")."""
    if p < 1 or p + 1 >= len(words):
        return False
    pair, before = words[p:p + 2], words[p - 1]
    return all(_name_word(w) and len(w) > 2 and not _common(w) and w not in dic.title_words and w not in pc.org_words
               for w in pair) and before[:1].isupper() and before.isalpha() and _common(before)


def _office_holder_state(office: int, words: list[str], lows: list[str], by_token: dict, dic: "Dictionary",
                         pc: PersonCues) -> str:
    """The state of a person named after a title, "of"/"for"/"to" and an office (``_name_after_office``):
    the state before the name ("President of Finland X", "Israeli National Security Advisor X"), except
    the object of "to" or "for", which is the host or the portfolio ("U.S. Ambassador to Japan X", "UN
    Resident Coordinator for Yemen X", "U.S. Special Presidential Envoy for Climate X"): then the state
    right before the title, if any. A title between "to"/"for" and the name makes that nearer title the
    person's ("Senior Advisor to United States Trade Representative X": the office is his); with no state
    found, the state right before the title still places the person ("French Diplomatic Counselor to the
    President X")."""
    country = _country_before(office, by_token, lows, words)
    opener = _office_opener(office, words, lows, dic, pc)
    if opener < 0 or lows[opener] not in ("for", "to"):
        return country
    if not any(words[j] in dic.title_words for j in range(opener + 1, office)):
        obj = by_token.get(opener + 2 if lows[opener + 1] == "the" else opener + 1)
        if obj is not None and obj.actor.kind == "state" and obj.actor.actor_id == country:
            country = ""
    if country:
        return country
    # the state right before the title ("U.S. Special Presidential Envoy for Climate X", "French Diplomatic
    # Counselor to the President X"), back over the title's capitalised words
    for j in range(opener - 1, max(-1, opener - 8), -1):
        m = by_token.get(j)
        if m is not None and m.actor.kind == "state":
            return m.actor.actor_id
        if not (words[j][:1].isupper() or words[j] in _APOSTROPHES or lows[j] == "s"):
            break
    return ""


def _office_opener(p: int, words: list[str], lows: list[str], dic: "Dictionary", pc: PersonCues) -> int:
    """The index of the "of", "for" or "to" that joins a title to the office phrase ending right before the
    name at ``p`` ("Secretary *of* Labor X", "Ambassador *to* Japan X"), as ``_name_after_office`` reads it;
    -1 if none."""
    for k in range(p - 1, max(0, p - 15), -1):
        if lows[k] in _OFFICE_OPENERS and (words[k - 1] in dic.person_titles or lows[k - 1] in pc.roles):
            return k
        if not (lows[k] in _OFFICE_JOINERS or (words[k][:1].isupper() and words[k].isalpha())):
            return -1
    return -1


#: Endings of inflected forms and what replaces them to give the base form ("entities" -> "entity").
_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"))


def _inflected(low: str, is_word) -> bool:
    """Whether a lower-case word, or the base form of it as an inflection, passes ``is_word``."""
    return is_word(low) or any(low.endswith(x) and is_word(low[:-len(x)] + y) for x, y in _INFLECTIONS)


def _common(word: str) -> bool:
    """An English word, also inflected ("Entities", "Supporting", "Targeted")."""
    return _inflected(word.lower(), _common_lookup().__contains__)


def _verb_role_before(first: int, words: list[str], lows: list[str], by_token: dict, pc: PersonCues) -> bool:
    """A reporting verb, then up to three lower-case words or demonyms, then the name ("said
    Kazakh agronomist X", "said veteran rights lawyer X")."""
    for k in range(first - 1, max(-1, first - 5), -1):
        if lows[k] in pc.verbs and k < first - 1:
            return True
        m = by_token.get(k)
        if not (m is not None and m.via == "demonym") and not (words[k].isalpha() and words[k].islower()
                                                               and lows[k] not in _ARTICLES_PREPOSITIONS):
            return False
    return False


def _role_after_as(k: int, words: list[str], lows: list[str], pc: PersonCues) -> bool:
    """After "named X as": [a|an|the|its|his|her|their] then up to four words (no mark between them; a
    possessive "’s" allowed) and a role noun that no possessive follows ("the Federal Coordinating Officer",
    "the agency’s chief officer")."""
    n = len(words)
    if k < n and (lows[k] in _ARTICLES or lows[k] in _POSSESSIVE_PRONOUNS or lows[k] == "its"):
        k += 1
    for j in range(k, min(n, k + 5)):
        if lows[j] in pc.roles:
            return j + 1 >= n or words[j + 1] not in _APOSTROPHES  # not "as the officer’s replacement"
        if not (words[j][:1].isalpha() or words[j] in _APOSTROPHES or words[j] == "-") or lows[j] in pc.verbs:
            return False
    return False


def _role_phrase_before(comma: int, lows: list[str], pc: PersonCues, words: list[str] | None = None) -> bool:
    """A role or relation noun ends the phrase before an appositive comma: "Kyrgyzstan's
    president, X," / "the mayor of Kharkiv, X," / "Her neighbour, X,". With ``words``, the role may
    also take a complement of proper names: "Kazakhstan's ambassador to the United States, X,"
    (only prepositions, articles and capitalised words between the role and the comma)."""
    for k in range(comma - 1, max(-1, comma - 5), -1):
        if lows[k] in pc.roles or lows[k] in pc.kin:
            return True
        if lows[k] in (",", ".", ";", ":", "“", '"'):
            return False
    if words is None:
        return False
    for k in range(comma - 1, max(-1, comma - 9), -1):
        if lows[k] in pc.roles:
            return lows[k + 1] in _ROLE_COMPLEMENT_OPENERS
        if not (lows[k] in _ROLE_COMPLEMENT_WORDS or words[k][:1].isupper() or (
                words[k].isalpha() and words[k].islower() and lows[k] not in pc.verbs and k + 1 < comma)):
            return False  # (a portfolio in lower case: "the minister of foreign affairs of Kyrgyzstan, X,")
    return False


#: What may open and fill a role's complement of names ("ambassador to the United States").
_ROLE_COMPLEMENT_OPENERS = frozenset({"of", "to", "for", "at"})
_ROLE_COMPLEMENT_WORDS = _ROLE_COMPLEMENT_OPENERS | {"the", "and", "in", "on"}


def _english_words(run: list[str]) -> bool:
    """Whether every word of a run (of two letters or more) is an English word ("Rural Development",
    "Article V"), none of them a given name that Webster's lists only capitalised ("Belinda" of
    "Belinda Miles": the census lists it as a given name, Webster's only as a proper name)."""
    return all(_common(w) for w in run if len(w) > 1) and not any(
        w in _given_names() and not _lower_case_word(w) for w in run)


def _role_phrase_after(k: int, words: list[str], lows: list[str], by_token: dict, pc: PersonCues,
                       titles: frozenset[str] = frozenset(), title_case: bool = False) -> tuple[bool, str]:
    """After "X,": [a|an|the] [Country's] lower-case words ... a role noun, within six tokens
    ("a researcher at", "the UN relief chief", "Ukraine's first deputy foreign minister",
    "Assistant to the President"). With ``title_case`` (the name opens with a given name) the
    phrase may be a capitalised office, as official rosters and attendee lists write it ("Ali
    Zaidi, the National Climate Advisor", "Gene Sperling, White House American Rescue Plan
    Coordinator": US Government Publishing Office Style Manual, 3.9, titles capitalised)."""
    country = ""
    capitalised = False  # a capitalised word read only as part of a Title Case office
    n = len(words)
    for j in range(k, min(n, k + 7)):
        low = lows[j]
        if low in pc.roles or low in pc.kin:
            # the role noun of a Title Case office ends its capitalised words ("Coordinator;", "Advisor,",
            # "Ambassador to", "Attorney General -"): one inside a longer name is none ("Mass General
            # Brigham", a hospital), and the words after it must end in one
            if not (capitalised and j + 1 < n and _name_word(words[j + 1])):
                return True, country
            continue
        m = by_token.get(j)
        if m is not None:
            if m.actor.kind == "state" and not country:
                country = m.actor.actor_id
            continue
        if low in _ARTICLES or low in _APOSTROPHES or low == "s" or low == "-" or words[j][:1].islower() \
                or words[j] in titles:
            continue
        if j > k and lows[j - 1] in _ARTICLES and (words[j] in pc.us_states or j + 1 < n and (
                f"{words[j]} {words[j + 1]}" in pc.us_states)) or (
                j > k + 1 and lows[j - 2] in _ARTICLES and f"{words[j - 1]} {words[j]}" in pc.us_states):
            continue  # a US state after the article, before the role: "the Ohio senator", "the New York
            # governor" (not "Des Moines, Iowa, where ...": a city and its state)
        if title_case and _name_word(words[j]):
            capitalised = True
            continue
        return False, ""
    return False, ""


def _appositive_state(k: int, words: list[str], lows: list[str], by_token: dict, pc: PersonCues,
                      titles: frozenset[str]) -> str:
    """The state an appositive after "X," places the person in: "a former U.S. ambassador to Poland"
    (the sending state: the first one named), "a Spanish diplomat", "Ukraine's foreign minister".
    The phrase opens with an article, "former" or the state, reaches a role noun within seven
    tokens, and ends there: a name after the role makes it the next item of a list ("Merkel,
    Italian Prime Minister Draghi, ...") and a lower-case verb before it a clause ("X, joined by
    U.S. officials"), so neither places anyone."""
    n = len(words)
    if k >= n or not (lows[k] in _ARTICLES or lows[k] == "former" or k in by_token):
        return ""
    country = ""
    for j in range(k, min(n, k + 7)):
        low = lows[j]
        if low in pc.roles:
            while j + 1 < n and (words[j + 1] in titles or lows[j + 1] in pc.roles):
                j += 1  # "a former Prime Minister", "the Deputy Foreign Minister"
            return "" if j + 1 < n and _name_word(words[j + 1]) else country
        m = by_token.get(j)
        if m is not None:
            if m.actor.kind == "state" and not country:
                country = m.actor.actor_id
            continue
        if low in _ARTICLES or low in _APOSTROPHES or low == "s" or low == "-" or words[j] in titles or (
                words[j].isalpha() and words[j].islower() and low not in pc.verbs and not low.endswith("ed")):
            continue
        return ""
    return ""


def _country_before(first: int, by_token: dict, lows: list[str], words: list[str] | None = None) -> str:
    """The state a role phrase right before a name gives ("Uzbek Foreign Minister X",
    "Kazakh analyst X", "Kyrgyzstan's president, X"); with ``words``, also over an "and" inside a
    Title Case office ("Canadian National Security and Intelligence Advisor X", ``_and_in_title``)."""
    words_back, most, stop = 0, 5, max(-1, first - 8)
    j = first
    while j - 1 > stop:
        j -= 1
        if lows[j] in _APOSTROPHES or lows[j] == "s":
            continue  # a possessive's marks count as no word: "Russia's deputy U.N. Ambassador X"
        if lows[j] == "and" and words is not None and _and_in_title(j, by_token, words):
            most, stop = most + 2, max(-1, stop - 3)  # "Canadian National Security and Intelligence Advisor X":
            continue  # one Title Case office, whose "and" and second word count as no words of the phrase
        words_back += 1
        if words_back > most:
            break
        m = by_token.get(j)
        if m is not None and m.actor.kind == "state":
            return m.actor.actor_id
        if m is not None and m.actor.country_iso3 and m.actor.kind == "organization":
            return m.actor.country_iso3
        if lows[j] in (",", ".", ";", ":", "(", "“", '"', "and"):
            break
    return ""


def _and_in_title(j: int, by_token: dict, words: list[str]) -> bool:
    """Whether the "and" at ``j`` joins two capitalised English words of one office title ("National
    Security and Intelligence Advisor", "Trade and Investment Minister"), not two persons or states ("the
    U.S. and Prime Minister X", "President Biden and Prime Minister X"): the words on both sides are
    capitalised common English words and no mentions."""
    return 0 < j < len(words) - 1 and all(
        k not in by_token and words[k][:1].isupper() and words[k].isalpha() and _lower_case_word(words[k])
        for k in (j - 1, j + 1))


def _person_id(name: str, taken: dict) -> str:
    """An id from the surname ("Robert Smith Jr" -> SMITH: a generational suffix is no surname; "Moon
    Jae-in" -> MOON: the family name before a hyphenated given name), or from the whole name when
    another actor has that id."""
    parts = _without_suffix(name.split())
    family_first = len(parts) == 2 and parts[0] in person_cues().hyphen_given_after and \
        re.fullmatch(r"[A-Z][a-z]*-[a-z]+", parts[1]) is not None
    base = re.sub(r"[^A-Z0-9]+", "_", parts[0 if family_first else -1].upper()).strip("_") or "PERSON"
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


def _candidates(words: list[str], dic: Dictionary, date: str, seen: set[str]):
    """Every dictionary surface that matches at a token position: (first, last, Surface).

    Many sentences hold no word that begins a surface, and one set test answers them;
    otherwise only the positions of such words are tried, with one look-up per surface
    length there (``Dictionary.spans``; the longer surfaces only before a second word that
    one of them has). The order is that of the index: by position, then longest first."""
    spans = dic.spans
    if spans.keys().isdisjoint(words):
        return []
    found = []
    n = len(words)
    for i, word in enumerate(words):
        entry = spans.get(word)
        if entry is None:
            continue
        by_tokens, lengths, seconds = entry
        longer = i + 1 < n and words[i + 1] in seconds
        for k in lengths:
            if i + k > n or (k > 1 and not longer):
                continue
            for surface in by_tokens.get(tuple(words[i:i + k]), ()):
                if not _in_force(surface, date):
                    continue
                if surface.via == "surname?":
                    if surface.actor_id not in seen:
                        continue
                    surface = Surface(surface.tokens, surface.actor_id, "surname")
                found.append((i, i + k, surface))
    return found


def _select(cands: list, exclude_actor: str | None = None) -> list:
    """Greedy longest-first, non-overlapping choice of candidate spans."""
    if len(cands) == 1 and cands[0][2].actor_id != exclude_actor:
        return list(cands)  # the common case: nothing to choose between
    chosen: list = []
    taken: set[int] = set()
    # Longest first; of two as long, a full name before a later form ("Park Jin" over "Excellency
    # Park" in "His Excellency Park Jin"), then the earlier.
    for cand in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2].via == "surname", c[0])):
        if exclude_actor and cand[2].actor_id == exclude_actor:
            continue
        span = range(cand[0], cand[1])
        if not taken.isdisjoint(span):
            continue
        chosen.append(cand)
        taken.update(span)
    return sorted(chosen, key=lambda c: c[0])


def _resolve(first: int, last: int, surface: Surface, words: list[str], dic: Dictionary) -> tuple[Actor, str] | None:
    """The actor a matched surface refers to here, and how; None to drop the match."""
    actor = dic.actors[surface.actor_id]
    if actor.kind == "person" and last + 1 < len(words) and words[last] in ("’", "'") and words[last + 1] != "s" \
            and words[last + 1][:1].islower():
        return None  # "Xi’an" is a city, not Xi
    if actor.kind == "person" and first > 1 and words[first - 1] in ("’", "'") \
            and words[first - 2] in dic.apostrophe_prefixes:
        return None  # "Terry O’Sullivan" is not Jake Sullivan
    if surface.via == "demonym" and first > 0 and words[first - 1] in dic.not_after_demonym:
        return None
    if surface.via == "demonym" and _language_use(first, last, words, dic):
        return None  # "Spanish-language media", "in English and Spanish": a language, not the state
    if surface.via == "demonym" and last < len(words) and dic.heritage_before and (
            words[last] in dic.heritage_before
            or (words[last] == "-" and last + 1 < len(words) and words[last + 1] in dic.heritage_before)) \
            and not any(s.actor_id == actor.actor_id for s in dic.index.get(words[last if words[last] != "-" else last + 1], ())):
        return None  # "Ukrainian-Americans", "Mexican Americans": Americans of that heritage
    if surface.via == "surname" and actor.kind == "person" and "&" in words and surface.tokens[0] not in dic.honorifics \
            and _firm_of_partners(first, last, words, dic, person_cues(), actor.actor_id):
        return None  # "Johnson & Johnson", "Steptoe & Johnson LLP": a firm's name, not Boris Johnson
    if surface.via == "surname" and actor.kind == "person" and surface.tokens[0] not in dic.honorifics \
            and not dic.corporate_designators.isdisjoint(words) and _closed_by_designator(words, last, person_cues()):
        return None  # "Prior to founding Freeman Webb, Inc., Freeman was ...": the first is the firm's name
    if surface.via == "surname" and actor.kind == "person" and surface.tokens[0] not in dic.honorifics \
            and _eponymous_span(words, first, last, person_cues()):
        return None  # "a partner at Sidley Austin": the law firm, not Lloyd Austin
    if surface.via == "surname" and actor.kind == "person" and _us_address(words, first, last, dic):
        return None  # "Austin, Texas", "Jackson, Mississippi": the US address form names a town (AP datelines)
    if surface.via == "surname" and actor.kind == "person" and first > 0 and words[first - 1] == "in" \
            and not (last + 1 < len(words) and words[last] in ("’", "'") and words[last + 1] == "s"):
        return None  # "a home in Austin", "in Austin and San Antonio": "in" takes a place, not Lloyd Austin
        # (a person after "in" only owns what follows: "in Putin's war")
    if surface.via == "surname" and actor.kind == "person" and first > 1 and words[first - 1] in ("-", "‑") \
            and _name_word(words[first - 2]) and words[first - 2] not in dic.title_words \
            and words[first - 2] not in dic.index:
        return None  # "First Lady Louise Araneta-Marcos": the end of a double-barrelled surname, not the President
        # (but "the Biden-Harris Administration" pairs two known people)
    if surface.via == "surname" and actor.kind == "person" and first > 0 and _another_persons_surname(words, first, actor, dic):
        return None  # "Cathy Ann Harris", "Joyce M. Johnson" are someone else than the Harris, Johnson the dictionary knows
    if surface.via == "surname" and actor.kind == "person" and surface.tokens[0] in dic.honorifics \
            and last < len(words) and _name_word(words[last]) and words[last] not in dic.title_words \
            and _first_word_not_continued(surface.tokens[-1], words[last], actor.name):
        return None  # "Reverend Katie Sexton Wood": an honorific and a given name before another surname
    if actor.kind == "state" and first > 0 and surface.tokens[0].isupper() and words[first - 1].isupper() \
            and words[first - 1].lower() in person_cues().particles:
        return None  # "OEHME, VAN SWEDEN": a surname after its particle, in a name set in capitals
    if last - first == 1 and actor.kind in ("state", "place") and surface.via in ("name", "alias") \
            and _given_name_before_surname(first, last, words, dic):
        return None  # "Israel Katz", "Jordan Peterson", "Santiago Peña": a person's given name, not the place
    if last - first == 1 and actor.kind in ("state", "place") and surface.via in ("name", "alias") \
            and _surname_after_given_name(first, last, words, dic):
        return None  # "Michael Jordan", "Steve Israel", "Tom Holland": a person's surname, not the state
    if actor.kind == "place" and actor.stands_for and actor.stands_for in dic.actors:
        if not actor.role.startswith("seat of the") and _in_a_proper_name(first, last, actor, words, dic):
            return actor, "name"  # "Georgetown University", "University of Washington", "Canberra, Australia"
        before = [w.lower() for w in words[max(0, first - 2):first] if w.lower() != "the"]
        possessive = last + 1 < len(words) and words[last] in ("’", "'") and words[last + 1] == "s"
        if possessive or not (before and before[-1] in dic.locative or _listed_after_locative(first, last, words, dic)):
            return dic.actors[actor.stands_for], "metonym"
    via = surface.via
    if actor.kind == "group" and via in ("name", "alias"):
        via = "group"
    return actor, via


def _listed_after_locative(first: int, last: int, words: list[str], dic: Dictionary) -> bool:
    """Whether the place at ``first:last`` is an item of a list of places that a locative word opens
    ("sessions in Canberra, London, and Washington", "fly to Paris or London"): the preposition governs
    every item of the coordination, so each is a place like the first. The item must read as one: "and"
    or "or" before it, or a comma before it and a comma, "and" or "or" after it (not the clause after a
    comma: "weapons to Ukraine, Moscow warned")."""
    n = len(words)
    prev = words[first - 1] if first > 0 else ""
    nxt = words[last] if last < n else ""
    if not (prev in ("and", "or") or prev == "," and nxt in (",", "and", "or")):
        return False
    for k in range(first - 1, max(-1, first - 16), -1):
        w = words[k]
        if w.lower() in dic.locative:
            return k < first - 2  # a place before the list mark: "to Paris or London"
        if not (w in (",", "and", "or", "the", ".") or w[:1].isupper()):
            return False
    return False


def _language_use(first: int, last: int, words: list[str], dic: Dictionary) -> bool:
    """Whether the demonym at ``first:last`` names a language (``matching.yaml`` language_after,
    language_before, language_names): "Spanish-language", "Russian speakers", "speaks Russian", "in English
    and Spanish", "in Spanish or English". A word after it that is also a title as written ("Speaker", of
    matching.yaml titles) is the office of that state's official, whose name follows ("Ukrainian Speaker
    Ruslan Stefanchuk": AP Stylebook, "titles", a formal title capitalised before a name), not a speaker
    of the language ("Russian speakers")."""
    n = len(words)
    k = last + 1 if last + 1 < n and words[last] == "-" else last
    if k < n and words[k].lower() in dic.language_after and words[k] not in dic.title_words:
        return True
    if first > 0 and words[first - 1].lower() in dic.language_before:
        return True
    if first > 1 and words[first - 1] in ("and", "or", ",") and words[first - 2] in dic.language_names:
        return True
    return last + 1 < n and words[last] in ("and", "or") and words[last + 1] in dic.language_names


def _first_word_not_continued(word: str, nxt: str, name: str) -> bool:
    """Whether ``word`` is the first word of the person's ``name`` and ``nxt`` is not the name's next
    word: "Katie" then "Sexton" is not Katie Hobbs, but "Wang" then "Yi" is Wang Yi."""
    parts = name.split()
    return word == parts[0] and not (len(parts) > 1 and nxt == parts[1])


def _given_name_before_surname(first: int, last: int, words: list[str], dic: Dictionary) -> bool:
    """Whether a one-word name of a state or place that is also a common given name (Israel, Jordan,
    Chad, Kenya, Georgia, Santiago, Sofia: ``given_names.csv``) is here a person's given name: it
    stands right before a word shaped as a surname ("Israel Katz", "Jordan Peterson", "Santiago
    Peña"): capitalised, not all capitals, no English word (Webster's 2nd, inflections too: "Jordan
    Valley", "Georgia Power", "Kenya Airways" keep the place), no title, and not the first word of a
    name the dictionary knows ("Israel Netanyahu" in a headline keeps the state); and first in the
    name: not after "the", a hyphen ("U.S.-Kenya Cyber Dialogue") or a capitalised word other than a
    title, an honorific or another given name ("Florida Georgia Guam", "Birthright Israel
    Foundation"; but "Defense Minister Israel Katz", "Roger Israel Zakheim"). Inside the name of a person the document introduces ("Israel Katz" once discovered), the
    given name is no place either. A surname that is also an English word ("Chad Wolf") is not told
    apart this way, unless a person's title stands right before the given name ("Acting Secretary
    Chad Wolf")."""
    if last >= len(words) or words[first] not in _given_names():
        return False
    nxt = words[last]
    titled = first > 0 and (words[first - 1] in dic.person_titles or first > 1 and words[first - 1] == "."
                            and words[first - 2] in dic.office_abbreviations)
    if not _name_word(nxt) or nxt in dic.title_words or (_common(nxt) and not titled):
        return False  # after a person's title ("Secretary Chad Wolf") the surname may be an English word
    if nxt in dic.index:  # a known name: a person's whose name opens with these two words, else keep the place
        return any(dic.actors[sf.actor_id].kind == "person" for t, sfs in dic.spans[words[first]][0].items()
                   if t[:2] == (words[first], nxt) for sf in sfs)
    if first > 0:  # a given name opens the name: after a title, an honorific or another given name only
        prev = words[first - 1]
        if prev.lower() == "the" or (first > 1 and (prev in _HYPHEN_APOSTROPHES or prev in ("–", "—", "/"))):
            return False  # "the Jordan ...", "U.S.-Kenya Cyber Dialogue" (a dash opening the line is a bullet)
        if _name_word(prev) and prev not in dic.title_words and prev not in person_cues().honorifics \
                and prev not in _given_names():
            return False  # "Florida Georgia Guam", "Birthright Israel Foundation"
    return True


def _surname_after_given_name(first: int, last: int, words: list[str], dic: Dictionary) -> bool:
    """Whether a one-word name of a state or place that is also a family name (Jordan, Israel, Holland,
    Wales, France) is here a person's surname: it stands right after a common given name
    (``given_names.csv``: "Michael Jordan attended", "Rep. Steve Israel said") that is no English word
    in lower case ("Will", "May" may open a question or a date), opens no name of a state, place or body
    the dictionary knows and is no US state ("Kenya Jordan", "Georgia Israel" are lists of places,
    "Virginia Holland" is unread), with no mark between them. English writes a given name only before the family name of the same person
    (AP Stylebook, "names"), so the pair is one person's name, never the given name and a state."""
    if first < 1 or last > len(words):
        return False
    given = words[first - 1]
    return given in _given_names() and not _lower_case_word(given) and given not in dic.title_words \
        and given not in person_cues().us_states \
        and all(dic.actors[s.actor_id].kind == "person" for s in dic.index.get(given, ()))


def _in_a_proper_name(first: int, last: int, place: Actor, words: list[str], dic: Dictionary) -> bool:
    """Whether a capital at ``words[first:last]`` is part of another proper name or an address, not
    the government: an institution's name (an organisation head word among the next three
    capitalised words, "Georgetown University", "Washington Post", "Moscow Industrial Bank"; or
    "<Name> of" before it, "University of Washington", "Western District of Washington"; or an
    organisation head right before it, "U.S. Embassy London"), a person's name ("George
    Washington"), or an address ("Canberra, Australia", "Athens, Georgia", "Olympia, Washington").
    A capital inside a name is not the metonym (data/gold/dev/README.md: a capital counts only
    standing for the government); the country's own name inside an institution is not affected, nor
    is a seat that names an office of the government itself ("White House Press Secretary")."""
    pc = person_cues()
    n = len(words)
    k = last
    while k < n and k < last + 3 and _name_word(words[k]):
        if words[k] in pc.org_words:
            return True
        k += 1
    if _names_an_instrument(first, last, words, dic):
        return True  # "the Paris Agreement", "the Minsk agreements": the treaty's name
    if first > 0 and words[first - 1] in pc.org_words:
        return True
    if first > 1 and words[first - 1] == "of" and _name_word(words[first - 2]) and words[first - 2] not in dic.title_words:
        return True
    if first > 0 and words[first - 1] in _given_names() and not _lower_case_word(words[first - 1]):
        return True
    if last + 1 < n and words[last] == ",":
        if dic.us_states.get(words[last + 1]) and any(words[last + 1:last + 1 + len(t)] == list(t)
                                                     for t in dic.us_states[words[last + 1]]):
            return True  # "Athens, Georgia"
        entry = dic.spans.get(words[last + 1])
        if entry and any(sf.actor_id == place.stands_for and words[last + 1:last + 1 + len(t)] == list(t)
                         for t, sfs in entry[0].items() for sf in sfs):
            return True  # "Canberra, Australia"
    if first > 1 and words[first - 1] == "," and tuple(words[first:last]) in dic.us_states.get(words[first], ()) \
            and _name_word(words[first - 2]) and words[first - 2].lower() not in dic.function_words \
            and not dic.spans.get(words[first - 2]):
        return True  # "Olympia, Washington": the state after a city not in the dictionary
    return False


def _instrument(word: str, dic: Dictionary) -> bool:
    """Whether ``word`` names a treaty or instrument (matching.yaml instrument_nouns)."""
    return word in dic.instruments_caps or word.lower() in dic.instruments_any


def _names_an_instrument(first: int, last: int, words: list[str], dic: Dictionary) -> bool:
    """Whether the city at ``words[first:last]`` begins an instrument's name: an instrument noun right
    after it ("Minsk agreements", "Kigali Amendment") or closing the capitalised run after it ("Paris
    Climate Agreement"). Not after a hyphen or slash: in "the Washington-Moscow treaty" the capitals
    are the parties, as states are in "the U.S.-Russia treaty"."""
    if first > 0 and words[first - 1] in _COMPOUND_MARKS:
        return False
    k = last
    while k < len(words) and k < last + 3:
        if _instrument(words[k], dic):
            return True
        if not _name_word(words[k]):
            return False
        k += 1
    return False


#: Marks that join two names into one compound ("U.S.-Russia", "Washington/Moscow").
_COMPOUND_MARKS = frozenset({"-", "–", "—", "/"})


def _lone_partner(words: list[str], k: int, step: int, dic: Dictionary, pc: PersonCues, own: str = "",
                  actor_id: str = "") -> bool:
    """Whether ``words[k]``, on the far side of an ampersand (``step`` -1: before it, 1: after it), is
    a partner's surname standing alone, as a firm's name joins them ("Procter & Gamble", "Steptoe &
    Johnson", "Johnson & Wales University"): a name word that is no honorific, title or role ("Mr. Frank
    Biden & Ms. Mindy Ward" are two people, "Founder & Producer" two roles), with no name word beyond it
    other than an organisation
    word ("Kathi Vidal & Robert M. Califf" are two people named in full), and, unless it is ``own``
    (the same family name: "Johnson & Johnson"), no other known person's surname ("Truman & Reagan",
    two presidents; ``actor_id``: the person the name on this side is)."""
    n = len(words)
    if not (0 <= k < n) or not _name_word(words[k]) or len(words[k]) < 2 or words[k] in dic.title_words \
            or words[k] in pc.honorifics or words[k].lower() in pc.roles:
        return False
    beyond = k + step
    if 0 <= beyond < n and _name_word(words[beyond]) and words[beyond] not in pc.org_words:
        return False
    if words[k] == own:
        return True
    return not any(len(sf.tokens) == 1 and sf.actor_id != actor_id and sf.actor_id in dic.actors
                   and dic.actors[sf.actor_id].kind == "person" for sf in dic.index.get(words[k], ()))


#: What may follow a company's designator (``_designator_at``): the end of the name or clause.
_AFTER_DESIGNATOR = frozenset({".", ",", ";", ":", ")", "’", "'", "”", '"'})


def _designator_at(words: list[str], k: int, pc: PersonCues) -> bool:
    """Whether ``words[k]`` is a designator of a company's legal form closing its name (matching.yaml
    corporate_designators: "Inc", "LLC", "Company"): the end of the sentence, a mark or a lower-case word
    other than a preposition, article or conjunction follows ("Henry Schein, Inc.:", "Eli Lilly and
    Company announced"; not "Jane Doe, Corporation for Public Broadcasting", "Company Commander",
    "Co-Chair")."""
    if words[k] not in pc.corporate_designators:
        return False
    if k + 1 >= len(words):
        return True
    nxt = words[k + 1]
    return nxt in _AFTER_DESIGNATOR or (nxt.isalpha() and nxt.islower() and nxt not in _ARTICLES_PREPOSITIONS
                                        and nxt not in ("and", "or"))


def _closed_by_designator(words: list[str], end: int, pc: PersonCues) -> bool:
    """Whether the name ending at ``end`` (exclusive) is, or begins, a company's name that a designator
    closes: up to three more name words, an optional comma, an optional "and" or "&", then the designator
    ("Freeman Webb, Inc." for "Freeman", "Sidley Austin LLP", "Eli Lilly and Company")."""
    n, j = len(words), end
    while j < n and j < end + 3 and _name_word(words[j]) and words[j] not in pc.corporate_designators:
        j += 1
    if j < n and words[j] == ",":
        j += 1
    if j < n and words[j] in ("and", "&"):
        j += 1
    return j < n and _designator_at(words, j, pc)


def _firm_names(units, words_by: dict, dic: Dictionary, pc: PersonCues) -> frozenset[str]:
    """The names of two words or more that the document writes as a company's, before a designator of its
    legal form (``_designator_at``: "Henry Schein, Inc.", "Williams Sonoma, Inc.", "Eli Lilly and
    Company"): the name words right before it (after an optional comma and "and"/"&"), and each shorter
    end of them ("Henry Schein" of "Yesterday Henry Schein, Inc."). A name found as a person elsewhere in
    the document is that firm there too, as a storm's name is (``storm_designators``)."""
    out: set[str] = set()
    for unit in units:
        words = words_by[unit.sent_id]
        if pc.corporate_designators.isdisjoint(words):
            continue
        for k, w in enumerate(words):
            if not _designator_at(words, k, pc):
                continue
            j = k
            if j > 0 and words[j - 1] in ("and", "&"):
                j -= 1
            if j > 0 and words[j - 1] == ",":
                j -= 1
            i = j
            while i > 0 and _name_word(words[i - 1]) and words[i - 1] not in dic.title_words \
                    and words[i - 1] not in pc.honorifics and words[i - 1] not in pc.corporate_designators:
                i -= 1
            out.update(_join(words, s, j) for s in range(i, j - 1))
    return frozenset(out)


def _firm_of_partners(first: int, end: int, words: list[str], dic: Dictionary, pc: PersonCues,
                      actor_id: str = "") -> bool:
    """Whether the name at ``words[first:end]`` is a partner's name inside a firm's name that an ampersand
    joins ("Johnson & Johnson", "Steptoe & Johnson LLP", "Wilson Sonsini Goodrich & Rosati", "Fried,
    Harris, Shriver & Jacobson"): AP Stylebook, "ampersand": use it only when it is part of a company's
    formal name; firms of partners list their surnames, the last after "&". The name is right before or
    after the ampersand, or an item of the comma list of single surnames before it; the partner across
    the ampersand (and each item) stands alone (``_lone_partner``). A name after an honorific or title
    is a person's ("Ms. Jeanne Ruesch & Fr. ...", a guest list): firms' names carry none."""
    n = len(words)
    if _after_title(words, first, dic, pc):
        return False
    own = words[end - 1]
    if first > 1 and words[first - 1] == "&" and _lone_partner(words, first - 2, -1, dic, pc, own, actor_id):
        return True
    j = end
    while j + 2 < n and words[j] == "," and words[j + 2] in (",", "&") and _lone_partner(words, j + 1, 1, dic, pc, own, actor_id):
        j += 2  # "Fried, Harris, Shriver & Jacobson": the comma list of partners before the last
    if j + 1 < n and words[j] == "," and words[j + 1] == "&" and j > end:
        j += 1  # "Robins, Kaplan, Miller, & Ciresi": a serial comma before the ampersand
    return j + 1 < n and words[j] == "&" and _lone_partner(words, j + 1, 1, dic, pc, own, actor_id)


def _lower_case_word(word: str) -> bool:
    """A word Webster's 2nd lists in lower case, also inflected ("Specialists", "Planning"): an English
    word, not one of the proper names it lists only capitalised ("Cyril", "Klaus", "Vivek")."""
    common, proper = _common_lookup(), _proper_only()
    return _inflected(word.lower(), lambda w: w in common and w not in proper)


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, None]:
    """Common given names (``data/dictionaries/given_names.csv``, from the US Census), capitalised."""
    return dict.fromkeys(row["name"].strip() for row in load_csv("given_names.csv") if row.get("name"))


def _another_persons_surname(words: list[str], first: int, actor: Actor, dic: Dictionary) -> bool:
    """Whether the surname at ``words[first]`` ends another person's name: a given name before it
    that is not the person's own (``_given_name``), or a middle initial ("Joyce M. Johnson",
    "Lyndon B. Johnson School") after another given name ("Lyndon B." is not "Boris"), or, with
    no given name before it, an initial that is none of the person's. News style writes a middle
    initial only inside a full name (AP Stylebook, "middle initials"), so the word before it is a
    given name. A name that opens with the person's own given name is the person, whatever the
    middle initials or names ("Mark T. Uyeda" is "Mark Uyeda", "Patrick Hubert Gaspard" is
    "Patrick Gaspard")."""
    k = first - 1
    own = dic.given.get(actor.actor_id) or {t for t, _, _ in tokenize(actor.name)[:-1]}
    i, n_words = k, 0  # back over the given names and initials before the surname
    while i >= 0 and n_words < 3:
        if words[i] == "." and i > 0 and len(words[i - 1]) == 1 and words[i - 1].isupper():
            i -= 2
        elif _name_word(words[i]) and len(words[i]) > 1 and words[i] not in dic.title_words \
                and words[i] not in person_cues().honorifics:
            i -= 1
        else:
            break
        n_words += 1
        if any(_same_given_name(words[i + 1], o) for o in own):
            return False
    if words[k] == "." and k > 0 and len(words[k - 1]) == 1 and words[k - 1].isupper() \
            and (k < 2 or words[k - 2] not in person_cues().honorifics):  # "Joyce M." (not "Mr.", which is no initial)
        if k > 1 and _given_name(words, k - 2, actor, dic):
            return True
        return words[k - 1] not in {t[0] for t in own if t[:1].isupper()}
    return _given_name(words, k, actor, dic)


def _same_given_name(word: str, own: str) -> bool:
    """The same given name, or its short form ("Zach" for "Zachary", "Tony" is not one for "Antony")."""
    return word == own or (min(len(word), len(own)) > 2 and (word.startswith(own) or own.startswith(word)))


def _given_name(words: list[str], k: int, actor: Actor, dic: Dictionary) -> bool:
    """Whether ``words[k]``, just before a surname, is a given name that is not the person's own: a
    capitalised name word that is no title, honorific, role, month or function word, and not the
    sentence's first word when that is a common English word other than a common given name, in a
    sentence that is not a Title Case heading ("Cathy" in "Cathy Ann Harris", "Jill" opening "Jill
    Biden visited"; not "President", "Mr", "Then" or "Will" opening a sentence, or "Bolster" in
    "Media That Bolster Putin’s War"). A surname alone refers to the person; written
    after another given name it is another person, left to person discovery."""
    word = words[k]
    if not _name_word(word) or word in dic.title_words or word.lower() in dic.function_words:
        return False
    pc = person_cues()
    if word in pc.honorifics or word.lower() in pc.roles or word in pc.months:
        return False
    if k == 0 and word.lower() in _common_lookup() and (word not in _given_names() or word in dic.question_openers):
        return False  # "Then Biden", "Former Biden aide"; but "Jill Biden", "Hunter Biden" open with a given name
    if word in {t for t, _, _ in tokenize(actor.name)}:
        return False
    # A Title Case heading or a list line has no lower-case word of four letters or more ("Media
    # That Bolster Putin’s War"): there, a capital says nothing about a given name, unless the
    # word is a common given name that is no English word ("Lori Price", "Jason Miller").
    return any(len(w) > 3 and w.islower() for w in words) or (word in _given_names() and not _lower_case_word(word))


def find_mentions(text: str, sent_id: int, dic: Dictionary | None = None, date: str = "",
                  tokens: list | None = None, seen: set[str] | None = None,
                  words: list[str] | None = None) -> list[Mention]:
    """Actor mentions in one sentence, outer spans first, then nested mentions of other actors.

    ``seen`` holds people already named in the document, to resolve shared surnames;
    ``words`` the token strings of ``tokens``, when the caller has them already.
    """
    dic = dic or load_dictionary()
    if tokens is None:
        words, tokens = _words_and_tokens(text)
    elif words is None:
        words = [t for t, _, _ in tokens]
    cands = _candidates(words, dic, date, seen or set())
    if not cands:
        return []
    if "://" in text or "](" in text or "www." in text:
        cands = _outside_urls(text, tokens, cands)
    if not dic.ethnic.keys().isdisjoint(words):
        cands = _outside_ethnic_names(words, cands, dic)
    out: list[Mention] = []
    for first, last, surface in _select(cands):
        outer = _resolve(first, last, surface, words, dic)
        if outer is None:
            continue
        if first > 1 and words[first - 1] == "-" and words[first - 2] in dic.combining and outer[0].kind == "state" \
                and words[first] not in dic.heritage_before:
            form = dic.actors.get(dic.combining[words[first - 2]])
            if form is not None and form.actor_id != outer[0].actor_id:  # "Sino-Russian", "Indo-U.S."
                out.append(_mention(text, sent_id, tokens, first - 2, first - 1, form, "demonym"))
        if outer[1] == "name" and words[first] in dic.honorifics and last - first > 2:
            first += 2 if words[first + 1] == "." else 1  # "Dr. Jennifer Strawn": the name, without the honorific
        out.append(_mention(text, sent_id, tokens, first, last, *outer))
        if last - first == 1 or len(cands) == 1:
            continue  # nothing nests in a one-token span or a lone candidate
        if dic.actors[surface.actor_id].kind in _NO_NESTING:
            continue  # "Papua New Guinea", "New Mexico", "Latin America", "South China Sea": one place's name
        inner = [c for c in cands if first <= c[0] and c[1] <= last and (c[0], c[1]) != (first, last)]
        for i_first, i_last, i_surface in _select(inner, exclude_actor=outer[0].actor_id):
            resolved = _resolve(i_first, i_last, i_surface, words, dic)
            if resolved and resolved[1] == "metonym" and outer[0].kind == "organization":
                # a capital inside an organisation's own name is part of the name ("Real Madrid", "Paris
                # Saint-Germain"), not the government (``_in_a_proper_name``); a state's name still counts
                resolved = dic.actors[i_surface.actor_id], "name"
            if resolved and resolved[0].actor_id != outer[0].actor_id and not (
                    resolved[0].kind == "person" and outer[0].kind == "person" and i_last - i_first == 1):
                # a word of one person's name is no other person's surname: the "Salman" of "Mohammed bin
                # Salman" is his father's, the "Abedin" of "Heba Abedin" not Huma Abedin's (a whole name
                # inside a longer run stays: "Charlie Pohlad" of a heading's "Arts Charlie Pohlad")
                out.append(_mention(text, sent_id, tokens, i_first, i_last, *resolved))
    return sorted(out, key=lambda m: (m.start, -m.end)) if len(out) > 1 else out


#: Kinds of actor whose name holds no mention of another: a state's, place's or region's name is one
#: proper name ("Papua New Guinea" names no Guinea, "Northern Ireland" no Ireland, "Latin America" no
#: United States), unlike an organisation's, whose state counts ("National Anti-Corruption Bureau of
#: Ukraine", data/gold/dev/README.md).
_NO_NESTING = frozenset({"state", "place", "group"})


#: A web address (bare, or the target of a Markdown link, which a hard-wrapped link keeps in the
#: text: "[the report](https://example.gov/US-India-Report.pdf)", "[text](/briefing-room/...)").
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"\]]+|\]\([^)\s]*\)")


def _outside_urls(text: str, tokens: list, cands: list) -> list:
    """The candidates outside every web address of the sentence: a URL is no text, so a state or a
    person named in its path ("…/Supporting-US-ICT-Industry.pdf", "twitter.com/Israel") is no mention;
    the link's own text is kept."""
    spans = [m.span() for m in _URL.finditer(text)]
    if not spans:
        return cands
    return [c for c in cands if not any(a <= tokens[c[0]][1] and tokens[c[1] - 1][2] <= b for a, b in spans)]


def _outside_ethnic_names(words: list[str], cands: list, dic: Dictionary) -> list:
    """The candidates that lie outside every ethnic name of the sentence ("Native Americans",
    "Indian Health Service", ``matching.yaml`` ethnic_names)."""
    inside: set[int] = set()
    for i, w in enumerate(words):
        for seq in dic.ethnic.get(w, ()):
            if tuple(words[i:i + len(seq)]) == seq:
                inside.update(range(i, i + len(seq)))
    return [c for c in cands if inside.isdisjoint(range(c[0], c[1]))] if inside else cands


def _mention(text, sent_id, tokens, first, last, actor, via) -> Mention:
    start, end = tokens[first][1], tokens[last - 1][2]
    return Mention(sent_id, start, end, text[start:end], actor, via, first, last)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words (Webster's 2nd, via the english-words package): a single
    capitalised word that is one of these ("Administration", "Federal") is not a name."""
    return frozenset(_common_lookup())


@functools.lru_cache(maxsize=1)
def _common_lookup() -> dict[str, None]:
    """``common_words`` as the keys of a dict, for the membership tests here (the same words, so
    the same answers). A dict holding only strings is never tracked by the garbage collector,
    whereas a frozenset of 234,450 words is walked by every full collection (some 13 ms each, a
    few times per thousand documents)."""
    return _web2()[0]


@functools.lru_cache(maxsize=1)
def _proper_only() -> dict[str, None]:
    """The lower-cased words that Webster's 2nd lists only capitalised: proper names (23,682)."""
    return _web2()[1]


@functools.lru_cache(maxsize=1)
def _web2() -> tuple[dict[str, None], dict[str, None]]:
    """Webster's 2nd (the english-words package) read once, with case: every word lower-cased (what
    ``get_english_words_set(["web2"], lower=True, alpha=True)`` gives), and those never listed in lower case."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    proper = dict.fromkeys(low for w in words if not w.islower() and (low := w.lower()) not in words)
    return dict.fromkeys(w.lower() for w in words), proper


def unknown_names(text: str, tokens: list, mentions: list[Mention], dic: Dictionary,
                  caps: list[int] | None = None) -> list[str]:
    """Capitalised token runs not covered by a mention and not titles or sentence-initial common words.

    ``caps``: the indices of the capitalised tokens, when the caller has them; a run starts
    and continues only at those, so the other tokens are never looked at one by one."""
    covered = {i for m in mentions for i in range(m.first_token, m.last_token)}
    n = len(tokens)
    skip = dic.not_names
    if caps is None:
        caps = _capitalised([t for t, _, _ in tokens])
    capital = [i for i in caps if tokens[i][0] not in skip and i not in covered]
    if not capital:
        return []
    is_capital = set(capital)
    common = _common_lookup()
    names: list[str] = []
    end = 0
    for i in capital:
        if i < end:
            continue  # inside the previous run
        j = i + 1
        while j < n and (j in is_capital or (tokens[j][0] in _JOINERS and j + 1 in is_capital
                                              and j not in covered)):
            j += 1
        end = j
        first, last = i, j  # the run, without leading titles and function words or trailing marks
        while first < last and (tokens[first][0] in dic.title_words or tokens[first][0].lower() in dic.function_words):
            first += 1
        while first < last and not tokens[last - 1][0][:1].isalpha():
            last -= 1
        if first == last:
            continue
        name = text[tokens[first][1]:tokens[last - 1][2]]
        low = name.lower()
        if low in dic.function_words or (" " not in name and "-" not in name and not name.isupper() and low in common):
            continue
        names.append(name)
    return names


_JOINERS = {"-", "of", "de", "al", "bin", "von", "der", "la"}


_PRONOUNS = {"he", "she"}


def _document_people(units, tokens_by: dict, words_by: dict, lower_by: dict, caps_by: dict, by_sent: dict,
                     dic: Dictionary, home: str = ""):
    """People the dictionary lacks ({name: id}, {name: iso3}) and later forms of the known
    people named in full ({surface tokens: actor_id}) that the document uses."""
    pc = person_cues()
    honor = pc.honorifics_lower - pc.citation_honorifics
    confirmed: set[str] = set()  # surnames used with an honorific somewhere ("Ms. Ismailova")
    pronoun: list[bool] = []  # whether each sentence holds a he/she
    for unit in units:
        toks, lows = tokens_by[unit.sent_id], lower_by[unit.sent_id]
        pronoun.append(not _PRONOUNS.isdisjoint(lows))
        if not honor.isdisjoint(lows):
            for i, low in enumerate(lows):
                if low in honor:
                    j = i + 2 if i + 2 < len(toks) and lows[i + 1] == "." else i + 1
                    if j < len(toks):
                        confirmed.add(toks[j][0])
    confirmed = frozenset(confirmed)
    people: dict[str, str] = {}
    countries: dict[str, str] = {}
    titled = dic.person_titles.isdisjoint
    written_lower = frozenset(w for u in units if not titled(words_by[u.sent_id])
                              for w in words_by[u.sent_id] if w.islower()) if any(
        not titled(words_by[u.sent_id]) for u in units) else frozenset()
    titled: set[str] = set()  # one word after a title ("President Samia")
    for k, unit in enumerate(units):
        sid = unit.sent_id
        near = pronoun[k] or (k + 1 < len(units) and pronoun[k + 1])
        for name, iso3 in discover_people(tokens_by[sid], by_sent[sid], dic, lower_by[sid],
                                          confirmed=confirmed, pronoun_near=near,
                                          words=words_by[sid], caps=caps_by[sid], written_lower=written_lower,
                                          titled=titled, home=home):
            if name not in people:
                people[name] = _person_id(name, ChainMap(dic.actors, dict.fromkeys(people.values())))
            if iso3 and name not in countries:
                countries[name] = iso3  # the first mention that places the person, not only the first mention
    singles = {n for n in people if " " not in n}
    if singles:  # "Special Representative Pritzker" and "Penny Pritzker" elsewhere: the full name
        for name, iso3 in _full_names(units, words_by, by_sent, singles, dic, pc).items():
            if name not in people:
                people[name] = people[name.split()[-1]]
                if iso3 or countries.get(name.split()[-1]):
                    countries[name] = iso3 or countries[name.split()[-1]]
        # the words of the full names, less a father's name after "bin" ("King Salman" is no short form
        # of "Mohammed bin Salman")
        words_in = {w for n in people if " " in n for p, w in pairwise(["", *n.split()]) if p not in pc.patronymics}
        # also those of the known people the document names in full ("Sheikh Mohammed" after "Mohammed bin
        # Zayed", a dictionary person: the given name with a title, as Arabic usage shortens the name)
        words_in |= {w for ms in by_sent.values() for m in ms if m.actor.kind == "person"
                     for p, w in pairwise(["", *m.surface.split()]) if " " in m.surface and p not in pc.patronymics}
        known_lasts = ({_family_word(n, pc) for n in people if " " in n} | {
            _family_word(m.actor.name, pc) for ms in by_sent.values() for m in ms if m.actor.kind == "person"}) - {""}
        index = _TitledIndex(units, words_by, by_sent, dic)
        for name in [n for n in singles & titled if n in people and (n in words_in or any(
                _one_edit(n, last) for last in known_lasts) or _titled_word_of_known(n, index))]:
            del people[name]  # "President Samia" of Samia Suluhu Hassan; "President Zelenskky", a typo of Zelenskyy
            countries.pop(name, None)
    storms = {words_by[u.sent_id][i + 1] for u in units if not pc.storms.isdisjoint(words_by[u.sent_id])
              for i, w in enumerate(words_by[u.sent_id][:-1]) if w in pc.storms}
    for name in [n for n in people if n in storms]:  # "Ian's landfall" after "Hurricane Ian"
        del people[name]
        countries.pop(name, None)
    firms = _firm_names(units, words_by, dic, pc) if people else frozenset()
    for name in [n for n in people if n in firms]:  # "Henry Schein commits" after "Henry Schein, Inc."
        del people[name]
        countries.pop(name, None)
    people = _same_people(people, countries)
    lasts = ({_family_word(n, pc) for n in people if " " in n} | {
        _family_word(m.actor.name, pc) for ms in by_sent.values() for m in ms if m.actor.kind == "person"}) - {""}
    for name in [n for n in people if " " not in n and n in lasts]:  # "Mr. Tashiev" after "Kamchybek Tashiev"
        del people[name]
        countries.pop(name, None)
    # A name of two words or more that ends a fuller name of the document is that person, named by
    # the end of the name as a later reference does (a particle and the surname, a double surname:
    # "President Al Sisi" of "Abdel Fattah Al Sisi", "López Obrador" of "Andrés Manuel López Obrador",
    # "von der Leyen" of "Ursula von der Leyen"); that form becomes an alias of the fuller name.
    ends: dict[tuple[str, ...], str] = {}  # an end of a fuller name -> the fuller name's id
    shorter = [n for n in people if " " in n]
    if shorter:
        known = {m.actor.actor_id: m.actor.name for ms in by_sent.values() for m in ms if m.actor.kind == "person"}
        fuller = [(n.split(), i) for n, i in people.items() if n.count(" ") > 1] + [
            (name.split(), actor_id) for actor_id, name in known.items() if name.count(" ") > 1]
        given = _given_names()
        for words, actor_id in fuller:
            for k in range(2, len(words)):
                # the end a surname form, not a full name of its own ("Charlie Pohlad" of a heading's "Arts
                # Charlie Pohlad"), after name words
                if (words[-k] not in given or words[-k].lower() in pc.particles) \
                        and all(w in given or w.lower() in pc.particles or not _common(w) for w in words[:-k]):
                    ends.setdefault(tuple(words[-k:]), actor_id)
        ends = {e: i for e, i in ends.items() if " ".join(e) in people and people[" ".join(e)] != i}
        for form in ends:
            del people[" ".join(form)]
            countries.pop(" ".join(form), None)
    aliases: dict[tuple[str, ...], str] = {}
    in_names: list[str] = []  # the words of the person mentions
    full: dict[str, str] = {}
    for sid, ms in by_sent.items():
        for m in ms:
            if m.actor.kind == "person":
                in_names.extend(lower_by[sid][m.first_token:m.last_token])  # the words of m.surface
                if m.via == "name":
                    full.setdefault(m.actor.actor_id, m.actor.name)
    named = Counter(in_names)  # how often each word occurs inside person mentions
    # How often each lower-case word occurs in the document; only needed to extend the
    # dictionary (people or aliases), so counted in one pass and only then.
    counts = Counter(chain.from_iterable(lower_by[u.sent_id] for u in units)) if people or full else Counter()
    for actor_id, name in full.items():
        for form in _forms_in(name, counts):  # the forms whose words all occur
            low = _key(form[-1])
            if counts[low] > named[low]:  # also stands alone
                aliases[form] = actor_id
    for form, actor_id in ends.items():  # "Al Sisi", "López Obrador": the end of a fuller name
        aliases.setdefault(tuple(t for t, _, _ in tokenize(" ".join(form))), actor_id)
    return people, countries, aliases, counts


class _TitledIndex:
    """What ``_titled_word_of_known`` asks of a document, each built once, on first use, for all the
    one-word names after a title: the known people the document names who hold an office (``actors.csv``
    role), by each word of their names ({word: {actor_id: role in lower case}}), and the titles the
    document writes before each word ({word: {title in lower case}}, the whole run of title words:
    "crown prince" before "Salman"). One pass over the document's words replaces one pass per name."""

    def __init__(self, units, words_by: dict, by_sent: dict, dic: Dictionary):
        self._units, self._words_by, self._by_sent, self._dic = units, words_by, by_sent, dic
        self._holders: dict[str, dict[str, str]] | None = None
        self._titles: dict[str, set[str]] | None = None

    def holders(self, word: str) -> dict[str, str]:
        if self._holders is None:
            self._holders = {}
            for ms in self._by_sent.values():
                for m in ms:
                    if m.actor.kind == "person" and m.actor.role:
                        for part in m.actor.name.split():
                            self._holders.setdefault(part, {})[m.actor.actor_id] = m.actor.role.lower()
        return self._holders.get(word, {})

    def titles(self, word: str) -> set[str]:
        if self._titles is None:
            self._titles = {}
            title_words = self._dic.title_words
            for unit in self._units:
                words = self._words_by[unit.sent_id]
                for i in range(1, len(words)):
                    if words[i - 1] in title_words:
                        k = i - 1
                        while k > 0 and words[k - 1] in title_words:
                            k -= 1
                        self._titles.setdefault(words[i], set()).add(" ".join(words[k:i]).lower())
        return self._titles.get(word, set())


def _titled_word_of_known(word: str, index: _TitledIndex) -> bool:
    """Whether a one-word name after a title ("Crown Prince Salman") is a word of a known person the
    document names whose office is that title (``actors.csv`` role: Mohammed bin Salman, "Crown Prince
    ... of Saudi Arabia"): the text names him by title and one of his names, as official readouts do. A
    father's name after "bin" counts here, the title telling the son from the father ("King Salman" is
    no form of the Crown Prince, whose role holds no "King"). ``index`` holds the document's office
    holders and titles by word (``_TitledIndex``)."""
    holders = index.holders(word)
    if not holders:
        return False
    return any(title in role for title in index.titles(word) for role in holders.values())


def _family_word(name: str, pc: PersonCues) -> str:
    """The last word of a name, as the surname a title or honorific is later put before ("Tashiev" of
    "Kamchybek Tashiev"); "" when a patronymic particle stands before it: "Salman" of "Mohammed bin
    Salman" names the father ("King Salman" is another person)."""
    parts = name.split()
    return "" if len(parts) > 1 and parts[-2] in pc.patronymics else parts[-1]


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words of four letters or more, with the same first letter, differ by
    one letter added, dropped, changed or two swapped ("Zelenskky" / "Zelenskyy"): a misspelling."""
    if a == b or a[0] != b[0] or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:] or \
        (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])


def _full_names(units, words_by: dict, by_sent: dict, singles: set[str], dic: Dictionary, pc: PersonCues) -> dict[str, str]:
    """The full names the document gives to surnames found alone ({full name: ""}): a surname after
    up to three name words or initials, one of them a given name (``given_names.csv``), less leading
    English words: "Penny Pritzker", "Charnelle Marie Bjelkengren" (AP style: the full name once)."""
    given = _given_names()
    out: dict[str, str] = {}
    for unit in units:
        words = words_by[unit.sent_id]
        if singles.isdisjoint(words):
            continue
        covered = {j for m in by_sent[unit.sent_id] for j in range(m.first_token, m.last_token)}
        for i, w in enumerate(words):
            if w not in singles or i == 0:
                continue
            k, names = i, 0
            while k > 0 and names < 3:
                p = words[k - 1]
                if p == "." and k > 1 and len(words[k - 2]) == 1 and words[k - 2].isupper():
                    k -= 2  # an initial
                elif k - 1 in covered:
                    break  # "North Africa Brett McGurk": a known name is no part of it
                elif _name_word(p) and p not in dic.title_words and p not in pc.honorifics \
                        and p.lower() not in dic.function_words and p not in pc.months and p not in pc.org_words:
                    k -= 1
                    names += 1
                else:
                    break
            while k < i and (words[k] == "." or (_common(words[k]) or words[k].lower() in pc.roles)
                             and words[k] not in given and not (len(words[k]) == 1 and words[k + 1] == ".")):
                k += 1  # "Thanks Penny Pritzker", not the initial of "P. Casey Pitts"
                while k < i and words[k] not in given and words[k] != ".":
                    k += 1  # after an English word, from the given name: "North Africa Brett McGurk"
            if k < i and any(words[j] in given for j in range(k, i)) and words[k] not in singles:
                out.setdefault(_join(words, k, i + 1), "")  # "Charnelle Marie Bjelkengren"
    return out


def _without_suffix(parts: list[str]) -> list[str]:
    """A name's words or tokens without a trailing generational suffix, its point and the comma before
    it ("Quinton T. Ross, Jr." and the tokens of "Robert Smith Jr." end with Ross and Smith)."""
    return _split_suffix(parts)[0]


def _split_suffix(parts: list[str]) -> tuple[list[str], str]:
    """(the name's words or tokens before a trailing generational suffix, the suffix), or (all of them,
    "") when none ends the name. The suffix's point and a comma before it go with it."""
    k = len(parts)
    while k > 1 and parts[k - 1] == ".":
        k -= 1
    if k < 2 or parts[k - 1].rstrip(".,") not in person_cues().nominee_suffixes:
        return list(parts), ""
    suffix = parts[k - 1].rstrip(".,")
    k -= 1
    while k > 1 and parts[k - 1] == ",":
        k -= 1
    out = list(parts[:k])
    out[-1] = out[-1].rstrip(",")  # "Ross," of the words of "Quinton T. Ross, Jr."
    return out, suffix


def _initials_differ(middles: set[tuple]) -> bool:
    """Whether the middle parts of names with one first and last word are two different middle initials
    ("A." and "M."); a middle name agrees with any initial ("T." and "Thomas"), and names with more middle
    words are left alone ("Marvi Ann Matos Rodriguez", "Marvi Matos Rodriguez")."""
    return len({m[0] for m in middles if len(m) == 1 and _MIDDLE_INITIAL.fullmatch(m[0])}) > 1


_MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")


def _same_people(people: dict[str, str], countries: dict[str, str]) -> dict[str, str]:
    """One id for the names of one person: within a document, names with the same first and last
    word that differ only by middle initials or names ("Mark T. Uyeda", "Mark Uyeda", "Mark Thomas
    Uyeda") are one person, as news style names a person in full once and shorter later (AP
    Stylebook, "middle initials"); two different single middle initials are two people ("Susan A.
    Davis" and "Susan M. Davis"). A generational suffix is no last word ("Quinton T. Ross Jr." and
    "Quinton T. Ross"), but two suffixes are two people ("Martin Luther King Jr." and his son
    "Martin Luther King III"), and then a name without one is neither. The fullest form comes last,
    so it names the person (``Dictionary.extended``); a state found for any form holds for all."""
    keys: dict[str, tuple] = {}
    suffix_of: dict[str, str] = {}
    suffixes: dict[tuple, set[str]] = {}
    parts_of: dict[str, list[str]] = {}
    for name in people:
        parts, suffix_of[name] = _split_suffix(name.split())
        if len(parts) >= 3 and re.fullmatch(r"[A-Z]\.", parts[0]):
            parts = parts[1:]  # "E. Martin Estrada" and "Martin Estrada": a leading initial before the given name
        parts_of[name] = parts
        if len(parts) >= 2:
            keys[name] = (parts[0], parts[-1])
            suffixes.setdefault(keys[name], set()).add(suffix_of[name])
    middles: dict[tuple, set[tuple]] = {}
    for name, key in keys.items():
        middles.setdefault(key, set()).add(tuple(parts_of[name][1:-1]))
    for name, key in keys.items():
        if len(suffixes[key] - {""}) > 1:  # father and son: each suffix its own person, a bare name alone
            keys[name] = key + (suffix_of[name] or name,)
        elif len(middles[key] - {()}) > 1 and _initials_differ(middles[key] - {()}):
            # "Representative Susan A. Davis" and "her wife, Susan M. Davis": two middle initials, two people
            keys[name] = key + (name,)
    groups: dict[tuple, list[str]] = {}
    for name, key in keys.items():
        groups.setdefault(key, []).append(name)
    if all(len(g) == 1 for g in groups.values()):
        return people
    out: dict[str, str] = {}
    for name, actor_id in people.items():  # each group at its first member's place, so earlier people keep their forms
        if name in out:
            continue
        names = groups.get(keys[name], [name]) if name in keys else [name]
        iso3 = next((countries[n] for n in names if countries.get(n)), "")
        for member in sorted(names, key=len):  # the fullest last
            out[member] = actor_id
            if iso3:
                countries[member] = iso3
    return out


def _match_units(units, tokens_by: dict, words_by: dict, dic: Dictionary, date: str,
                 only: set[str] | None = None, old: dict | None = None) -> dict[int, list[Mention]]:
    """Mentions per sentence, in order, so a surname can resolve to a person named earlier.
    With ``only`` and ``old``, sentences holding none of the ``only`` tokens keep their
    ``old`` mentions (a rematch after the dictionary grew by a few surfaces)."""
    seen_people: set[str] = set()
    by_sent: dict[int, list[Mention]] = {}
    for unit in units:
        sid = unit.sent_id
        if only is not None and old is not None and only.isdisjoint(words_by[sid]):
            mentions = old[sid]
        else:
            mentions = find_mentions(unit.text, sid, dic, date, tokens_by[sid], seen_people, words_by[sid])
        if mentions:
            seen_people.update(m.actor.actor_id for m in mentions if m.actor.kind == "person")
        by_sent[sid] = mentions
    return by_sent


_LIST_JOINERS = {",", "and", "or", "&", ";"}


def _ambiguous_states(units, words_by: dict, by_sent: dict[int, list[Mention]], dic: Dictionary) -> None:
    """Read a bare state name that is also a US state's ("Georgia") as the US state (a place) unless
    the document gives a cue for the country (``matching.yaml`` ambiguous_state_names): a cue
    word, another mention of the country (demonym, capital, a person or body of it, a group it
    belongs to), or the name listed next to another state in its sentence. Changes ``by_sent``."""
    for iso, (name, place_id, cues) in dic.ambiguous.items():
        if place_id not in dic.actors:
            continue
        bare = [(sid, k) for sid, ms in by_sent.items() for k, m in enumerate(ms)
                if m.actor.actor_id == iso and tuple(words_by[sid][m.first_token:m.last_token]) == name]
        if not bare:
            continue
        if any((m.actor.actor_id == iso and tuple(words_by[sid][m.first_token:m.last_token]) != name)
               or (m.actor.actor_id != iso and (m.actor.country_iso3 == iso or m.actor.stands_for == iso
                                                or iso in m.actor.members))
               for sid, ms in by_sent.items() for m in ms):
            continue
        firsts = {c[0] for c in cues}
        if any(_holds(words_by[u.sent_id], cue) for u in units if not firsts.isdisjoint(words_by[u.sent_id])
               for cue in cues):
            continue
        place = dic.actors[place_id]
        for sid, k in bare:
            ms, words = by_sent[sid], words_by[sid]
            m = ms[k]
            if any(o.actor.kind == "state" and o.actor.actor_id != iso and (
                    0 < m.first_token - o.last_token <= 2
                    and _LIST_JOINERS.issuperset(words[o.last_token:m.first_token])
                    or 0 < o.first_token - m.last_token <= 2
                    and _LIST_JOINERS.issuperset(words[m.last_token:o.first_token])) for o in ms):
                continue  # "Georgia, Germany, Greece": a list of states
            ms[k] = Mention(m.sent_id, m.start, m.end, m.surface, place, "name", m.first_token, m.last_token)


def _ambiguous_demonyms(units, words_by: dict, by_sent: dict[int, list[Mention]], dic: Dictionary) -> None:
    """Drop the bare demonym mentions of a state whose demonym also names another people ("Indian":
    ``matching.yaml`` ambiguous_demonyms) in a document that names that people (a context word, or an
    ethnic name holding the demonym: "Indian Country") and names the state in no other way. Changes
    ``by_sent``."""
    for iso, (demonyms, context) in dic.ambiguous_demonyms.items():
        bare = [(sid, m) for sid, ms in by_sent.items() for m in ms if m.actor.actor_id == iso and m.surface in demonyms]
        if not bare:
            continue
        if any(m.actor.actor_id == iso and m.surface not in demonyms
               or m.actor.actor_id != iso and (m.actor.country_iso3 == iso or m.actor.stands_for == iso)
               for ms in by_sent.values() for m in ms):
            continue  # "India", "New Delhi", "Prime Minister Modi": the state is named
        ethnic = {t for d in demonyms for t in dic.ethnic.get(d, ())} | {
            t for ts in dic.ethnic.values() for t in ts if not demonyms.isdisjoint(t)}
        if not any(not context.isdisjoint(words_by[u.sent_id]) or any(_holds(words_by[u.sent_id], t) for t in ethnic)
                   for u in units):
            continue
        drop = {id(m) for _, m in bare}
        for sid in {sid for sid, _ in bare}:
            by_sent[sid] = [m for m in by_sent[sid] if id(m) not in drop]


def _us_state_at(words: list[str], k: int, dic: Dictionary) -> int:
    """The end of the US state's name at ``words[k]`` (matching.yaml us_states), or -1: none there, or
    one that is also the name of a state or a capital ("Georgia", "Washington"), which a list of
    states can hold ("Ukraine, Georgia, and Moldova"; "Israel, Washington and Riyadh")."""
    for t in dic.us_states.get(words[k], ()) if k < len(words) else ():
        if tuple(words[k:k + len(t)]) == t and not any(
                dic.actors[sf.actor_id].kind == "state" or dic.actors[sf.actor_id].stands_for
                for sf in dic.spans.get(t[0], ({},))[0].get(t, ())):
            return k + len(t)
    return -1


#: Marks that end a "City, State" address ("in Lebanon, Missouri." "Holland, Michigan, is").
_ADDRESS_ENDS = frozenset({",", ".", ";", ":", ")", "–", "—"})


def _us_address(words: list[str], first: int, last: int, dic: Dictionary) -> bool:
    """Whether the one-word state name at ``words[first:last]`` is a US town's, written as the US
    address form "City, State" (AP Stylebook, "datelines", "state names"): "Lebanon, Missouri",
    "Holland, Michigan". Not in an enumeration (a comma, "and" or "or" before the name: "Canada,
    Mexico, Texas"), and only with the state closing the address: the sentence or a mark ends there,
    or a relative word follows (matching.yaml us_address_followers), and no further place follows
    ("Mexico, Texas and Arizona officials", "Mexico, Texas, Arizona")."""
    n = len(words)
    if last - first != 1 or last + 1 >= n or words[last] != "," or words[first] in dic.us_states:
        return False
    if first > 0 and words[first - 1].lower() in _LIST_JOINERS:
        k = first - 2 if first > 1 and words[first - 2] == "," else first - 1
        if not _us_state_ends(words, k - 1, dic):
            return False  # "Canada, Mexico, Texas": an enumeration; but "Holland, Michigan, and Lebanon, Tennessee"
    end = _us_state_at(words, last + 1, dic)
    if end < 0:
        return False
    if end == n:
        return True
    if words[end] in dic.address_followers:
        return True  # "in Lebanon, Missouri that was established"
    if words[end] not in _ADDRESS_ENDS:
        return False  # "Mexico, Texas and Arizona", "In Mexico, Texas officials said"
    if words[end] == ",":
        k = end + 1
        if k < n and words[k].lower() in _LIST_JOINERS:
            k += 1
        if k < n and (words[k] in dic.us_states or words[k] in dic.spans and not (
                k + 2 < n and words[k + 1] == "," and _us_state_at(words, k + 2, dic) >= 0)):
            return False  # "Mexico, Texas, and Arizona", "Mexico, Texas, Canada": a list of places
    return True


def _us_state_ends(words: list[str], k: int, dic: Dictionary) -> bool:
    """Whether a US state's name ends at ``words[k]`` ("Michigan" of "Holland, Michigan, and ...")."""
    return k >= 0 and any(tuple(words[k + 1 - len(t):k + 1]) == t for ts in dic.us_states.values() for t in ts
                          if len(t) <= k + 1)


def _companions(units, tokens_by: dict, words_by: dict, by_sent: dict[int, list[Mention]], dic: Dictionary) -> None:
    """A given name alone before "and I" in a text by one person ("Statement from President Biden":
    "Jill and I are praying") is the author's family member who shares the family name, as
    first-person statements name a spouse ("Jill and I", "Michelle and I"): the mention goes to the
    dictionary person named so in full ("Jill Biden"). Only a dictionary person: a colleague named
    by a given name ("Kamala and I") or a spouse of another family name ("Doug and I" in a statement
    by Harris) has no such entry and stays unread. Changes ``by_sent``."""
    title = by_sent.get(0) or []
    authors = {m.actor.actor_id: m.actor for m in title if m.actor.kind == "person"}
    if len(authors) != 1:
        return
    author = next(iter(authors.values()))
    family = _family_word(author.name, person_cues())
    if not family:
        return
    given = _given_names()
    for unit in units:
        sid = unit.sent_id
        words = words_by[sid]
        if sid == 0 or "I" not in words:
            continue
        ms = by_sent[sid]
        for i in range(len(words) - 2):
            if words[i + 1] != "and" or words[i + 2] != "I" or words[i] not in given:
                continue
            if i > 0 and (words[i - 1][:1].isupper() and words[i - 1].isalpha()):
                continue  # "Joe Jill and I": the given name is part of a longer name
            if any(m.first_token <= i < m.last_token for m in ms):
                continue
            spans = dic.spans.get(words[i])
            surfaces = spans[0].get((words[i], family), ()) if spans else ()
            people = {s.actor_id for s in surfaces if dic.actors[s.actor_id].kind == "person"}
            if len(people) != 1 or author.actor_id in people:
                continue
            _, start, end = tokens_by[sid][i]
            # in place among the outer mentions, which come first and in order (nested ones follow them)
            outer, last = 0, -1
            while outer < len(ms) and ms[outer].first_token >= last:
                last = ms[outer].last_token
                outer += 1
            at = sum(1 for m in ms[:outer] if m.first_token < i)
            ms.insert(at, Mention(sid, start, end, words[i], dic.actors[people.pop()], "given name", i, i + 1))


def _us_towns(units, words_by: dict, by_sent: dict[int, list[Mention]], dic: Dictionary) -> None:
    """Drop the mentions of a state whose name is a US town's here: in the address form "Lebanon,
    Missouri" (``_us_address``), and later alone ("resides in Lebanon"), since news style gives the
    state with a town on first reference and the town alone after (AP Stylebook, "state names"):
    the later bare name is the town only when the document uses the country no other way (no
    demonym, capital, other form of its name, person, body or group of it, no bare name before the
    address) and does not list it next to another state. Changes ``by_sent``."""
    if not any(m.actor.kind == "state" and m.last_token + 1 < len(words_by[sid]) and words_by[sid][m.last_token] == ","
               and words_by[sid][m.last_token + 1] in dic.us_states for sid, ms in by_sent.items() for m in ms):
        return  # no state name before a comma and a US state's: no address (most documents)
    towns: dict[str, tuple[str, ...]] = {}  # iso3 -> the town's name tokens
    later: list[tuple[int, Mention]] = []
    other: set[str] = set()  # states the document uses otherwise
    for unit in units:
        sid, words = unit.sent_id, words_by[unit.sent_id]
        ms = by_sent.get(sid)
        if not ms:
            continue
        kept = []
        for m in ms:
            iso = m.actor.actor_id
            name = tuple(words[m.first_token:m.last_token])
            if m.actor.kind == "state" and m.via in ("name", "alias") and _us_address(words, m.first_token, m.last_token, dic):
                towns.setdefault(iso, name)
                continue
            if m.actor.kind == "state":
                if towns.get(iso) == name:
                    later.append((sid, m))
                else:
                    other.add(iso)
            else:
                other.update(x for x in (m.actor.country_iso3, m.actor.stands_for) if x)
                other.update(m.actor.members)
            kept.append(m)
        if len(kept) < len(ms):
            by_sent[sid] = kept
    for sid, m in later:
        iso = m.actor.actor_id
        if iso in other:
            continue
        ms, words = by_sent[sid], words_by[sid]
        if any(o.actor.kind == "state" and o.actor.actor_id != iso and (
                0 < m.first_token - o.last_token <= 2 and _LIST_JOINERS.issuperset(words[o.last_token:m.first_token])
                or 0 < o.first_token - m.last_token <= 2 and _LIST_JOINERS.issuperset(words[m.last_token:o.first_token]))
               for o in ms):
            continue  # "Lebanon, Jordan and Syria": a list of states
        by_sent[sid] = [o for o in ms if o is not m]


def _surnames_of_document_people(people: dict[str, str], words_by: dict, by_sent: dict[int, list[Mention]],
                                 dic: Dictionary) -> None:
    """A surname alone that the dictionary gives to a known person ("Johnson": Boris Johnson, "Price":
    Ned Price) is the person of the document named in full with it ("Joyce M. Johnson", "David E.
    Price"), when the document never names the known person: not in full, and not with a title or
    honorific before the surname ("Prime Minister Johnson"). News style names a person in full once and
    by the surname after (AP Stylebook, "names"); the surname refers back to that full name. One
    person of the document per surname; with two, the surname stays as it was. Changes ``by_sent``."""
    pc = person_cues()
    by_family: dict[str, str | None] = {}
    for name, actor_id in people.items():
        if " " in name:
            family = _family_word(name, pc)
            if family:
                by_family[family] = actor_id if by_family.get(family, actor_id) == actor_id else None
    own = set(people.values())
    bare = [(sid, k) for sid, ms in by_sent.items() for k, m in enumerate(ms)
            if m.via == "surname" and m.actor.kind == "person" and m.actor.actor_id not in own
            and m.last_token - m.first_token == 1 and by_family.get(m.surface)
            and not _in_compound(words_by[sid], m.first_token, m.last_token)]
    if not bare:
        return
    wanted = {by_sent[sid][k].actor.actor_id for sid, k in bare}
    named = set()  # the known people the document names in full or with a title
    for sid, ms in by_sent.items():
        words = words_by[sid]
        for m in ms:
            if m.actor.actor_id in wanted:
                before = words[m.first_token - 1] if m.first_token > 0 else ""
                if before == "." and m.first_token > 1:
                    before = words[m.first_token - 2]
                if m.via != "surname" or before in dic.title_words or before in pc.honorifics:
                    named.add(m.actor.actor_id)
    for sid, k in bare:
        m = by_sent[sid][k]
        if m.actor.actor_id not in named:
            by_sent[sid][k] = Mention(m.sent_id, m.start, m.end, m.surface, dic.actors[by_family[m.surface]],
                                      m.via, m.first_token, m.last_token)


def _in_compound(words: list[str], first: int, last: int) -> bool:
    """Whether the span is joined by a hyphen, dash or slash to the word before or after it: surnames
    compounded name a ticket or an administration ("the Obama-Biden Administration", "Biden-Harris"), whose
    people are the known office holders, not a namesake of the document."""
    return (first > 0 and words[first - 1] in _COMPOUND_MARKS) or (last < len(words) and words[last] in _COMPOUND_MARKS)


def _holds(words: list[str], seq: tuple[str, ...]) -> bool:
    """Whether ``seq`` occurs as consecutive tokens in ``words``."""
    n = len(seq)
    return any(tuple(words[i:i + n]) == seq for i, w in enumerate(words) if w == seq[0])


def _lower(text: str, words: list[str]) -> list[str]:
    """The lower-case form of each token of ``text``, with ’ as ' (the replace only runs
    when the sentence holds a ’)."""
    if "’" in text:
        return [w.lower().replace("’", "'") for w in words]
    return list(map(str.lower, words))


@functools.lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    """Press-office domains and the state each publishes for (stance_targets.yaml conventions.publishers)."""
    spec = (load_yaml("stance_targets.yaml").get("conventions") or {}).get("publishers") or {}
    return {str(k).lower(): str(v) for k, v in spec.items()}


def publishing_state(doc) -> str:
    """The state whose press office published the document, from its front matter's source_url
    ("bidenwhitehouse.archives.gov" -> USA), or ""."""
    url = str((doc.meta or {}).get("source_url", "")).lower()
    host = re.sub(r"^https?://", "", url).split("/")[0]
    return next((state for domain, state in _publishers().items() if host == domain or host.endswith("." + domain)), "")


def analyse(doc, rows: dict) -> None:
    """Mentions (title as sent_id 0) and unknown names of one document."""
    dic = load_dictionary()
    date = doc.meta.get("date", "") if doc.meta else ""
    units = doc.units()
    # Each sentence's token strings, tokens with offsets, lower-case words and capitalised
    # positions, made once and shared by every step below.
    words_by, tokens_by, lower_by, caps_by = {}, {}, {}, {}
    for unit in units:
        sid, text = unit.sent_id, unit.text
        words, tokens_by[sid] = _words_and_tokens(text)
        words_by[sid] = words
        lower_by[sid] = _lower(text, words)
        caps_by[sid] = _capitalised(words)
    by_sent = _match_units(units, tokens_by, words_by, dic, date)
    people, countries, aliases, present = _document_people(units, tokens_by, words_by, lower_by, caps_by,
                                                           by_sent, dic, publishing_state(doc))
    if people or aliases:
        dic = dic.extended(people, countries, aliases, present)
        firsts = {t for name in people for t in (tokenize(name)[0][0],)} | {f[0] for f in aliases}
        for name in people:  # the first words of its later forms: its surnames', and the honorifics
            plain, after = _later_parts(name)
            firsts.update(f[0] for f in plain)
            if after:
                firsts.update(person_cues().honorifics)
        by_sent = _match_units(units, tokens_by, words_by, dic, date, only=firsts, old=by_sent)
        if any(" " in name for name in people):
            _surnames_of_document_people(people, words_by, by_sent, dic)
    _us_towns(units, words_by, by_sent, dic)
    _companions(units, tokens_by, words_by, by_sent, dic)
    if dic.ambiguous:
        _ambiguous_states(units, words_by, by_sent, dic)
    if dic.ambiguous_demonyms:
        _ambiguous_demonyms(units, words_by, by_sent, dic)
    names: dict[str, dict] = {}  # one row per distinct unknown name: its first sentence, its count
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
        for name in unknown_names(unit.text, tokens_by[unit.sent_id], mentions, dic, caps_by[unit.sent_id]):
            row = names.get(name)
            if row is None:
                names[name] = {"doc_id": doc.doc_id, "sent_id": unit.sent_id, "name": name, "n": 1,
                               "sentence": unit.text}
            else:
                row["n"] += 1
    rows["names"].extend(names.values())
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
            # Each distinct pair once, at its last row: a later row still wins, as row by row, and a
            # table of 100,000 mentions holds a few thousand pairs.
            pairs = df[["actor_id", "actor_name"]].drop_duplicates(keep="last")
            for a, n in zip(pairs["actor_id"].tolist(), pairs["actor_name"].tolist()):
                if a and n:
                    names[str(a)] = str(n)
    return names
