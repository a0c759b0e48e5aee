"""Stance of actors toward targets, with the cue, its basis and the evidence sentence.

A codebook (``data/dictionaries/stance_targets.yaml``) defines the targets, how to spot
them and the general conventions of news and official writing the reader applies (its
``conventions`` section, the rules README's R1-R20); a cue lexicon (``stance_cues.csv``)
maps words and phrases to support / oppose / neutral, says how to find who holds the
position, and whether the row is stated (``explicit``) or inferred by a convention
(``implicit``, e.g. "Russia supports RUSSIA_WAR" wherever Russia is said to wage it).

The holder is the subject of the cue (active subject, by-agent of a passive, the speaker
of reported speech), never a name in a relative clause, a fronted phrase or an addressee.
A named official in office also gives the row to the state; state organs and capitals
standing for a government code as the state; closed groups expand to their members.
Negation removes a row (negated recognition is oppose ANNEXATION); hedges, predictions,
conditionals and questions are no positions. In a first-person text "I" and "we" are the
author named in the title (or the publishing government of an unsigned text).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field

from helpers.extract import grammar
from helpers.extract.actors import Dictionary, load_dictionary, publishing_state, tokenize
from helpers.model.types import Actor, Mention
from helpers.extract.quotes import TURN_TAG, is_transcript, load_cues
from helpers.model.resources import load_csv, load_yaml

EXCEPTION_PHRASES = (("with", "the", "exception", "of"), ("except", "for"), ("except",),
                     ("apart", "from"), ("other", "than"), ("excluding",))
#: Very common first words of cue phrases: such a cue is looked up by its second word.
LEAD_WORDS = {"-", "a", "an", "the"}
SIGN = {"support": 1.0, "oppose": -1.0, "neutral": 0.0, "none": 0.0}
#: Actor kind of the pseudo-mention standing for a document's author ("I", "we" in a statement).
AUTHOR = "author"
NUMBER_NOUNS = {"countries", "nations", "states", "members", "delegations", "governments"}
CLAUSE_BREAKS = {"that", "which", "“", '"', ";", ":"}
#: Words that end the search for a verb's target: a new clause begins.
TARGET_STOPS = {";", "while", "whereas", "but", "after", "before", "although", "because", "since", "when"}
#: Prepositions after the object's own head noun: what they govern is not the cue's object
#: ("the attacks on the Ukrainian population", "investigations into Russia's atrocities", "the fight
#: against terrorism", "dependence on Russian fuels", "coordination between A and B").
OBJECT_PREPOSITIONS = {"on", "against", "into", "between", "from", "over"}
#: Words opening a subordinate clause: a cue after one has its subject after it.
SUBORDINATORS = {"since", "because", "after", "before", "when", "whenever", "although", "though", "until", "unless",
                 "once", "whereas", "as"}
TIME_WORDS = {"week", "month", "year", "day", "weekend", "today", "yesterday", "tonight", "morning", "evening",
              "night", "earlier", "later", "ago", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "meanwhile", "then", "now"}


def norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(norm(t) for t, _, _ in tokenize(text))


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    return tuple(p for p in (_phrase(str(x)) for x in items or ()) if p)


@dataclass(frozen=True)
class Target:
    id: str
    description: str
    triggers: tuple[tuple[str, ...], ...]
    actors: frozenset[str]
    requires_any: frozenset[str]
    requires_scope: str
    west_alignment: int
    neutral_means: str
    blocked_by: tuple[tuple[str, ...], ...] = ()
    aimed: bool = False  # its triggers are measures aimed at one of requires_any ("sanctions on X")
    owned: bool = False  # its triggers are a quality of a state: one of requires_any's ("X's sovereignty")
    topic_any: frozenset[str] = frozenset()  # the document must name one of these for the triggers to count,
    topic_unless: frozenset[str] = frozenset()  # unless it names one of these
    context_triggers: tuple[tuple[str, ...], ...] = ()
    context_requires: frozenset[str] = frozenset()
    anaphors: tuple[tuple[str, ...], ...] = ()
    #: triggers that name the target only with a war agent as possessor, modifier or by-agent
    #: ("Russia's missile strikes", "Russian shelling", "the shelling of Kharkiv by Russian forces")
    agent_triggers: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Cue:
    tokens: tuple[str, ...]
    label: str
    kind: str
    score: float
    target: str
    exception: str
    if_negated: str = ""
    requires: tuple[tuple[str, ...], ...] = ()
    adds: tuple[tuple[str, str], ...] = ()
    basis: str = "explicit"
    lead: str = ""  # a very common first word ("a threat", "- led"): indexed under the next word
    key: str = ""  # a word every match holds (``_key_word`` of the tokens), set by load_codebook


@dataclass(frozen=True)
class Conventions:
    """The ``conventions`` section of the codebook, as token phrases and sets."""

    negators: frozenset[str]
    hedges: tuple[tuple[str, ...], ...]
    conditionals: frozenset[str]
    belief_verbs: frozenset[str]
    fronted_openers: frozenset[str]
    passive_aux: frozenset[str]
    copulas: frozenset[str]
    closed_groups: frozenset[str]
    group_actors: frozenset[str]
    readout_titles: tuple[re.Pattern, ...]
    readout_subjects: tuple[tuple[str, ...], ...]
    assertive_verbs: frozenset[str]
    participant_openers: tuple[tuple[str, ...], ...]
    publisher_heads: dict[str, tuple[str, ...]]  # domain -> candidate heads, each for its term of office
    head_titles: tuple[tuple[str, ...], ...]
    group_nouns: frozenset[str]
    non_state_roles: tuple[str, ...]
    office_organisations: tuple[str, ...]
    signatory_organisations: frozenset[str]
    spokes_roles: tuple[tuple[str, ...], ...]
    light_verbs: frozenset[str]
    target_stops: tuple[tuple[str, ...], ...]
    of_heads: frozenset[str]
    adjectival_participles: frozenset[str]
    compound_heads: frozenset[str]
    not_after: dict[str, tuple[tuple[str, ...], ...]]
    agent_nouns: frozenset[str]
    war_agents: frozenset[str]
    first_person: frozenset[str]
    joint_subjects: tuple[tuple[str, ...], ...]
    pair_subjects: tuple[tuple[str, ...], ...]
    pair_window: int
    third_person: frozenset[str]
    author_titles: tuple[re.Pattern, ...]
    author_title_stops: frozenset[str]
    trailing_reporting: frozenset[str]
    stop_cues: tuple[tuple[str, ...], ...]
    relative_skip: frozenset[str] = frozenset()
    relative_heads: frozenset[str] = frozenset()
    attributive_breaks: frozenset[str] = frozenset()
    transparent_verbs: frozenset[str] = frozenset()
    transparent_gerunds: frozenset[str] = frozenset()
    gerund_adjunct_openers: frozenset[str] = frozenset()
    state_act_heads: frozenset[str] = frozenset()
    signatory_roles: tuple[tuple[str, ...], ...] = ()
    determiners: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()
    economy_nouns: frozenset[str] = frozenset()
    economy_participles: frozenset[str] = frozenset()
    not_before: dict = None
    #: organs of a state named by a phrase: (phrase, who) with who = a state id, "publisher", "author" or "head"
    state_organs: tuple = ()
    #: a transcript's speaker tags that name no person: tag (capitals, one space) -> "reporter" (no holder),
    #: "head" (the publisher's head) or "publisher" (the publishing state)
    turn_tags: dict = None
    gratitude_verbs: frozenset[str] = frozenset()
    hosting_verbs: frozenset[str] = frozenset()
    group_companions: tuple[tuple[str, ...], ...] = ()
    non_party_governors: frozenset[str] = frozenset()
    state_heads: frozenset[str] = frozenset()
    other_meeting_words: frozenset[str] = frozenset()
    war_start: str = ""
    unrealised_markers: tuple[tuple[str, ...], ...] = ()
    unrealised_modals: frozenset[str] = frozenset()
    negators_before_to: frozenset[str] = frozenset()
    urging_verbs: frozenset[str] = frozenset()
    blame_verbs: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    participle_heads: frozenset[str] = frozenset()
    locative_prepositions: frozenset[str] = frozenset()
    reported_subjects: frozenset[str] = frozenset()
    intent_nouns: frozenset[str] = frozenset()
    intent_modifiers: frozenset[str] = frozenset()
    fronted_reporting_verbs: frozenset[str] = frozenset()
    fronted_reporting_fillers: frozenset[str] = frozenset()
    fronted_reporting_adjuncts: frozenset[str] = frozenset()
    blocking_verbs: frozenset[str] = frozenset()
    sanctions_heads: frozenset[str] = frozenset()
    proposal_heads: frozenset[str] = frozenset()  # a state's paper or proposal: no stance on the state (R14)
    possessor_act_heads: frozenset[str] = frozenset()  # "Russia's attempt to annex": the act is the target
    possessor_act_targets: frozenset[str] = frozenset()
    deprivation_verbs: frozenset[str] = frozenset()  # "deprive X of support": the support is taken away
    owned_role_nouns: frozenset[str] = frozenset()  # "the key role of X": X's role
    amount_marks: frozenset[str] = frozenset()  # currency signs before a figure ("$6.3 billion")
    # derived once from the fields above (``_conventions``), for the per-sentence tests
    hedge_firsts: frozenset[str] = frozenset()
    target_stop_firsts: frozenset[str] = frozenset()
    head_title_firsts: frozenset[str] = frozenset()
    head_title_keys: frozenset[str] | None = None  # a sentence without one names no head ("the President")
    pronouns: frozenset[str] = frozenset()  # first and third person pronouns
    state_offices: tuple[str, ...] = ()  # diplomatic offices that speak for the state despite non_state_roles


@dataclass(frozen=True)
class Codebook:
    targets: dict[str, Target]
    trigger_index: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    actor_targets: dict[str, str]
    cue_index: dict[str, tuple[Cue, ...]]
    conv: Conventions = None  # type: ignore[assignment]
    context_index: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    anaphor_index: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    #: A key word (``_key_word``) of every cue: a sentence holding none of them has no cue.
    cue_keys: frozenset[str] = frozenset()
    #: Key words of the trigger phrases of the REMEMBERED targets (see ``_trigger_ids``).
    remembered_keys: frozenset[str] = frozenset()
    #: Key words of the phrases of each target index (see ``find_targets``).
    trigger_keys: frozenset[str] = frozenset()
    context_keys: frozenset[str] = frozenset()
    anaphor_keys: frozenset[str] = frozenset()
    target_keys: frozenset[str] = frozenset()  # the three above together
    #: (phrase, target) pairs of the trigger index that need a war agent (``Target.agent_triggers``)
    agent_phrases: frozenset = frozenset()
    #: The words of each ``owned`` target's triggers: the run of them whose owner ``_owned_elsewhere`` reads
    owned_words: dict[str, frozenset[str]] = field(default_factory=dict)


def _key_word(phrase: tuple[str, ...], indexed: bool = True) -> str | None:
    """A word that every match of ``phrase`` holds literally, the longest one (longer words are
    rarer): a sentence without it cannot match the phrase and can skip the per-token matching.
    A word ending in "*" is a prefix, no word; but the first word of a phrase found through an
    index (``indexed``: cues, triggers) is literal, as the index looks it up as it is. None when
    no word is literal."""
    literal = [p for k, p in enumerate(phrase) if (indexed and k == 0) or not (p.endswith("*") and len(p) > 1)]
    return max(literal, key=len) if literal else None


def _match(words: list[str], i: int, pattern: tuple[str, ...]) -> bool:
    """The phrase ``pattern`` at token ``i``: each word equal, or a word "xyz*" (a trailing * after
    at least one letter) a prefix of it. Equality is tested first: it decides almost every call."""
    if i + len(pattern) > len(words):
        return False
    for k, p in enumerate(pattern):
        w = words[i + k]
        if w != p and not (len(p) > 1 and p[-1] == "*" and w.startswith(p[:-1])):
            return False
    return True


def _conventions(spec: dict) -> Conventions:
    words = lambda k: frozenset(norm(str(x)) for x in spec.get(k, []) or [])
    conv = Conventions(
        negators=words("negators"), hedges=_phrases(spec.get("hedges")), conditionals=words("conditionals"),
        belief_verbs=words("belief_verbs"), fronted_openers=words("fronted_openers"),
        state_offices=tuple(str(x).lower() for x in spec.get("state_offices", []) or []),
        passive_aux=words("passive_aux"), copulas=words("copulas"),
        closed_groups=frozenset(spec.get("closed_groups", []) or []), group_nouns=words("group_nouns"),
        group_actors=frozenset(spec.get("group_actors", []) or []),
        readout_titles=tuple(re.compile(p, re.I) for p in spec.get("readout_titles", []) or []),
        readout_subjects=_phrases(list(spec.get("readout_subjects") or []) + [
            f"{d} {h}" for d in spec.get("readout_subject_determiners") or [] for h in spec.get("readout_subject_heads") or []]),
        assertive_verbs=words("assertive_verbs"),
        participant_openers=_phrases(spec.get("participant_openers")),
        publisher_heads={str(k).lower(): tuple(str(x) for x in (v if isinstance(v, list) else [v]))
                         for k, v in (spec.get("publisher_heads") or {}).items()},
        head_titles=_phrases(spec.get("head_titles")),
        # the religious titles of matching.yaml hold no state office either ("Ukrainian Archbishop X")
        non_state_roles=tuple(str(x).lower() for x in [*(spec.get("non_state_roles", []) or []),
                                                       *(load_yaml("matching.yaml").get("religious_titles") or [])]),
        office_organisations=tuple(spec.get("office_organisations", []) or []),
        signatory_organisations=frozenset(spec.get("signatory_organisations", []) or []),
        signatory_roles=_phrases(spec.get("signatory_roles")),
        spokes_roles=_phrases(spec.get("spokes_roles")), light_verbs=words("light_verbs"), target_stops=_phrases(spec.get("target_stops")),
        of_heads=words("of_heads"), adjectival_participles=words("adjectival_participles"),
        compound_heads=words("compound_heads"),
        not_after={norm(str(k)): _phrases(v) for k, v in (spec.get("not_after") or {}).items()}, agent_nouns=words("agent_nouns"),
        war_agents=frozenset(spec.get("war_agents", []) or []), first_person=words("first_person"), joint_subjects=_phrases(spec.get("joint_subjects")),
        pair_subjects=_phrases(spec.get("pair_subjects")), pair_window=int(spec.get("pair_window", 0)),
        third_person=words("third_person"),
        author_titles=tuple(re.compile(p, re.I) for p in spec.get("author_titles", []) or []),
        author_title_stops=words("author_title_stops"),
        trailing_reporting=words("trailing_reporting"), stop_cues=_phrases(spec.get("stop_cues")),
        relative_skip=words("relative_skip"), relative_heads=words("relative_heads"),
        attributive_breaks=words("attributive_breaks"), transparent_verbs=words("transparent_verbs"),
        transparent_gerunds=words("transparent_gerunds"),
        gerund_adjunct_openers=words("gerund_adjunct_openers"),
        state_act_heads=words("state_act_heads"),
        determiners=words("determiners"), people_nouns=words("people_nouns"), economy_nouns=words("economy_nouns"),
        economy_participles=words("economy_participles"),
        gratitude_verbs=words("gratitude_verbs"), hosting_verbs=words("hosting_verbs"),
        group_companions=_phrases(spec.get("group_companions")),
        non_party_governors=words("non_party_governors"), state_heads=words("state_heads"), other_meeting_words=words("other_meeting_words"),
        war_start=str(spec.get("war_start", "") or ""), unrealised_markers=_phrases(spec.get("unrealised_markers")),
        unrealised_modals=words("unrealised_modals"),
        negators_before_to=words("negators_before_to"), urging_verbs=words("urging_verbs"),
        blame_verbs=words("blame_verbs"), warning_verbs=words("warning_verbs"), denial_verbs=words("denial_verbs"),
        claim_nouns=words("claim_nouns"),
        participle_heads=words("participle_heads"),
        locative_prepositions=words("locative_prepositions"),
        reported_subjects=words("reported_subjects"),
        intent_nouns=words("intent_nouns"), intent_modifiers=words("intent_modifiers"),
        fronted_reporting_verbs=words("fronted_reporting_verbs"),
        fronted_reporting_fillers=words("fronted_reporting_fillers"),
        fronted_reporting_adjuncts=words("fronted_reporting_adjuncts"), blocking_verbs=words("blocking_verbs"),
        sanctions_heads=words("sanctions_heads"), amount_marks=words("amount_marks"),
        proposal_heads=words("proposal_heads"), possessor_act_heads=words("possessor_act_heads"),
        possessor_act_targets=frozenset(spec.get("possessor_act_targets", []) or []),
        deprivation_verbs=words("deprivation_verbs"), owned_role_nouns=words("owned_role_nouns"),
        not_before={norm(str(k)): frozenset(norm(str(x)) for x in v) for k, v in (spec.get("not_before") or {}).items()},
        state_organs=tuple(sorted(((_phrase(str(k)), str(v)) for k, v in (spec.get("state_organs") or {}).items()),
                                  key=lambda x: -len(x[0]))),
        turn_tags={" ".join(str(k).upper().split()): str(v) for k, v in (spec.get("turn_tags") or {}).items()},
    )
    head_keys = {_key_word(p, indexed=False) for p in conv.head_titles}
    return dataclasses.replace(
        conv, hedge_firsts=_firsts(conv.hedges), target_stop_firsts=_firsts(conv.target_stops),
        head_title_firsts=_firsts(conv.head_titles), pronouns=conv.first_person | conv.third_person,
        head_title_keys=None if None in head_keys else frozenset(head_keys))  # None: no guard possible


@functools.lru_cache(maxsize=64)
def _firsts(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """First words of a phrase list (a cheap test before matching)."""
    return frozenset(p[0] for p in phrases)


def _sorted_index(d: dict) -> dict:
    return {k: tuple(sorted(v, key=lambda x: -len(x[0] if isinstance(x, tuple) else x.tokens)))
            for k, v in d.items()}


@functools.lru_cache(maxsize=None)
def load_codebook(targets: str = "stance_targets.yaml", cues: str = "stance_cues.csv") -> Codebook:
    """Targets, their trigger index, the cue index and the conventions (once per process)."""
    spec = load_yaml(targets)
    table: dict[str, Target] = {}
    trig: dict[str, list] = {}
    ctx_trig: dict[str, list] = {}
    ana: dict[str, list] = {}
    actor_targets: dict[str, str] = {}
    for t in spec.get("targets", []):
        target = Target(
            id=t["id"], description=t.get("description", ""), triggers=_phrases(t.get("triggers")),
            actors=frozenset(t.get("actors", [])), requires_any=frozenset(t.get("requires_any", [])),
            requires_scope=t.get("requires_scope", "sentence"), aimed=bool(t.get("aimed", False)),
            owned=bool(t.get("owned", False)),
            topic_any=frozenset(t.get("topic_any", []) or []), topic_unless=frozenset(t.get("topic_unless", []) or []),
            west_alignment=int(t.get("west_alignment", 0)),
            neutral_means=t.get("neutral_means", "") or "", blocked_by=_phrases(t.get("blocked_by")),
            context_triggers=_phrases(t.get("context_triggers")),
            context_requires=frozenset(t.get("context_requires", [])), anaphors=_phrases(t.get("anaphors")),
            agent_triggers=_phrases(t.get("agent_triggers")),
        )
        table[target.id] = target
        for phrase in target.triggers + target.agent_triggers:
            trig.setdefault(phrase[0], []).append((phrase, target.id))
        for phrase in target.context_triggers:
            ctx_trig.setdefault(phrase[0], []).append((phrase, target.id))
        for phrase in target.anaphors:
            ana.setdefault(phrase[0], []).append((phrase, target.id))
        for actor_id in target.actors:
            actor_targets.setdefault(actor_id, target.id)
    cue_index: dict[str, list] = {}
    for row in load_csv(cues):
        adds = tuple(tuple(a.split(":", 1)) for a in (row.get("adds") or "").split("|") if ":" in a)
        requires = _phrases((row.get("requires") or "").split("|")) if row.get("requires") else ()
        for variant in row["cue"].split("|"):
            tokens = _phrase(variant)
            if not tokens:
                continue
            lead = tokens[0] if tokens[0] in LEAD_WORDS and len(tokens) > 1 else ""
            cue = Cue(tokens[1:] if lead else tokens, row["label"].strip(), row["kind"].strip(),
                      float(row["score"] or 1.0), (row.get("target") or "").strip(),
                      (row.get("exception") or "").strip(), (row.get("if_negated") or "").strip(), requires,
                      adds, (row.get("basis") or "explicit").strip(), lead, _key_word(tokens[1:] if lead else tokens))
            cue_index.setdefault(cue.tokens[0], []).append(cue)
    conv = _conventions(spec.get("conventions", {}) or {})
    for phrase in conv.stop_cues:
        cue_index.setdefault(phrase[0], []).append(Cue(phrase, "none", "stop", 0.0, "", "", key=_key_word(phrase)))
    cue_keys = frozenset(cue.key for cues in cue_index.values() for cue in cues)
    remembered_keys = frozenset(_key_word(phrase) for entries in trig.values() for phrase, target_id in entries
                                if target_id in REMEMBERED)
    return Codebook(table, _sorted_index(trig), actor_targets, _sorted_index(cue_index), conv,
                    _sorted_index(ctx_trig), _sorted_index(ana), cue_keys=cue_keys,
                    remembered_keys=remembered_keys, trigger_keys=_index_keys(trig),
                    context_keys=_index_keys(ctx_trig), anaphor_keys=_index_keys(ana),
                    target_keys=_index_keys(trig) | _index_keys(ctx_trig) | _index_keys(ana),
                    agent_phrases=frozenset((p, t.id) for t in table.values() for p in t.agent_triggers
                                            if p not in t.triggers),
                    owned_words={t.id: frozenset(w for p in t.triggers for w in p) for t in table.values() if t.owned})


def _index_keys(index: dict[str, list]) -> frozenset[str]:
    """The key words (``_key_word``) of every phrase of a target index."""
    return frozenset(_key_word(phrase) for entries in index.values() for phrase, _ in entries)


@dataclass
class Span:
    first: int
    last: int
    target: str
    actor: bool = False  # found through an actor mention rather than a trigger phrase


def _target_firsts(book: Codebook) -> frozenset[str]:
    key = (id(book), "targets")
    if key not in _FIRSTS:
        _FIRSTS[key] = frozenset(book.trigger_index) | frozenset(book.context_index) | frozenset(book.anaphor_index)
    return _FIRSTS[key]


def inside_name(m: Mention, tokens: list | None) -> bool:
    """A mention inside a longer proper name ("the South China Sea"): capitalised words on both sides."""
    if not tokens or m.first_token == 0 or m.last_token >= len(tokens):
        return False
    before, after = tokens[m.first_token - 1][0], tokens[m.last_token][0]
    # "the U.S. ASEAN Business Council": an abbreviation with dots is a capitalised word too
    return before[:1].isupper() and after[:1].isupper() and before.replace(".", "").isalpha() and after.isalpha()


def find_targets(words: list[str], mentions: list[Mention], book: Codebook,
                 sent_actors: set[str], doc_actors: set[str], seen_targets: set[str] = frozenset(),
                 tokens: list | None = None) -> list[Span]:
    """Target spans in a sentence: trigger phrases (where their actors are in view), context
    triggers (where their context actors are in the sentence), anaphors of targets named
    earlier, and actor mentions."""
    spans: list[Span] = []
    n = len(words)
    firsts = _target_firsts(book)
    # an index none of whose phrases' key words the sentence holds cannot match here: skip it
    # (with no key word at all, as in most sentences, no phrase is read)
    present = book.target_keys.intersection(words)
    triggers = book.trigger_index if not book.trigger_keys.isdisjoint(present) else {}
    contexts = book.context_index if not book.context_keys.isdisjoint(present) else {}
    anaphors = book.anaphor_index if not book.anaphor_keys.isdisjoint(present) else {}
    resume = 0  # a phrase found consumes its tokens: the scan goes on after them
    for i in ([i for i, w in enumerate(words) if w in firsts] if present else ()):
        if i < resume:
            continue
        hit = None
        w = words[i]
        for phrase, target_id in triggers.get(w, ()):
            if _match(words, i, phrase) and in_view(book.targets[target_id], sent_actors, doc_actors, words):
                if (phrase, target_id) in book.agent_phrases and not _war_agent_of(i, i + len(phrase), words,
                                                                                    mentions, book):
                    continue
                hit = Span(i, i + len(phrase), target_id)
                break
        if hit is None:
            for phrase, target_id in contexts.get(w, ()):
                if _match(words, i, phrase) and book.targets[target_id].context_requires & sent_actors:
                    hit = Span(i, i + len(phrase), target_id)
                    break
        if hit is None and (seen_targets or spans):
            for phrase, target_id in anaphors.get(w, ()):
                if _match(words, i, phrase) and (target_id in seen_targets or any(s.target == target_id for s in spans)):
                    hit = Span(i, i + len(phrase), target_id)
                    break
        if hit and hit.last - hit.first == 1 and hit.last < n and words[hit.last] in book.conv.compound_heads:
            hit = None  # "war crimes", "war chest": a modifier, not the target
        if hit and hit.first > 0 and words[hit.first - 1] in (book.conv.not_before or {}).get(w, ()):
            hit = None  # "the Second World War", "the Cold War", "a trade war": another war
        if hit and not hit.actor and any(_match(words, hit.last, p) for p in book.conv.not_after.get(w, ())):
            hit = None  # "the resolution of their border dispute": resolving, not a UN text
        if hit and not hit.actor and _aimed_elsewhere(hit, words, mentions, book):
            hit = None  # "new sanctions against Iran": measures on another state than the target's
        if hit and not hit.actor and _owned_elsewhere(hit, words, mentions, book):
            hit = None  # "Ukraine's sovereignty", "the independence of Georgia": another state's
        if hit:
            spans.append(hit)
            resume = hit.last
    taken = {i for s in spans for i in range(s.first, s.last)}
    for m in grammar.outer_mentions(mentions):
        target_id = book.actor_targets.get(m.actor.actor_id)
        if target_id and inside_name(m, tokens):
            continue
        if target_id and m.first_token not in taken:
            if book.targets[target_id].west_alignment < 0 and _people_of(m, words, book.conv):
                continue  # "the Russian people", "Russian citizens", "the people of Russia": not the state
            if tokens and _state_modifier(m, words, tokens, mentions, book.conv):
                continue  # "the U.S. submarine industrial base", "the U.S. ASEAN Business Council"
            if _economy_of(m, words, book.conv):
                continue  # "one million American jobs", "American-made aircraft": the economy, not the state
            spans.append(Span(m.first_token, m.last_token, target_id, actor=True))
    return sorted(spans, key=lambda s: s.first)


def _reduced_head_end(first: int, ctx: Context) -> int:
    """Where the noun a reduced passive relative or appositive participle qualifies ends: the token
    before the participle, skipping a comma ("countries, supported by the EU,") and coordinated
    participles ("funded and supported by Japan"). Only that noun is what the participle's agent
    supports or opposes; a target earlier in the clause is another noun's."""
    j = first
    while j >= 2 and ctx.words[j - 1] in ("and", "or") and len(ctx.words[j - 2]) > 3 and \
            ctx.words[j - 2].endswith(("ed", "en")):
        j -= 2  # "funded and supported"
    if j >= 1 and ctx.words[j - 1] == ",":
        j -= 1
    return j


def _ends_noun_before(span: Span, end: int, ctx: Context) -> bool:
    """The span ends the noun phrase that ends at ``end``: nothing but numbers, symbols and
    capitalised name parts stand between ("Resolution ES-11/1, endorsed by all GCC members")."""
    return span.last <= end and all(not (ctx.tokens[i][0][:1].islower() and ctx.words[i].isalpha())
                                    for i in range(span.last, end))


def _hosted_person_after(span: Span, ctx: Context) -> bool:
    """A state name right before a person's mention, or before the title in front of it ("United States
    President Joseph R. Biden, Jr.", "U.S. Secretary of State Antony Blinken"), names that person's
    office; with "to"/"at" within five words after the person ("..., Jr., to India"), the person is a
    visitor welcomed (a courtesy), not a position toward the state."""
    person = next((m for m in ctx.mentions if m.actor.kind == "person" and span.last <= m.first_token <= span.last + 4),
                  None)
    if person is None or not all(ctx.tokens[i][0][:1].isupper() or ctx.words[i] == "of"
                                 for i in range(span.last, person.first_token)):
        return False  # only a title stands between ("U.S. Secretary of State Antony Blinken")
    return any(w in ("to", "at") for w in ctx.words[person.last_token:person.last_token + 6])


def _aimed_elsewhere(hit: Span, words: list[str], mentions: list[Mention], book: Codebook) -> bool:
    """A trigger of a target that requires certain actors (sanctions on Russia or Belarus) aimed, by
    "on"/"against" right after it, at a state that is none of them: "sanctions against Iran",
    "export controls on the DPRK" are measures, but not the codebook's (dev gold: sanctions on Iran
    are not SANCTIONS). The object is the first state mention within three words of the preposition."""
    target = book.targets[hit.target]
    if not target.aimed or hit.last >= len(words) or words[hit.last] not in ("on", "against"):
        return False
    obj = next((m for m in mentions if hit.last < m.first_token <= hit.last + 3), None)
    if obj is None or obj.actor.kind != "state" or words[obj.last_token:obj.last_token + 1] == ["'"]:
        return False  # "sanctions on Iran's supply of drones to Russia" are aimed at the supply
    return obj.actor.actor_id not in target.requires_any and (obj.actor.country_iso3 or obj.actor.actor_id) \
        not in target.requires_any


def _owned_elsewhere(hit: Span, words: list[str], mentions: list[Mention], book: Codebook) -> bool:
    """A trigger of a target that is a quality of certain states (the sovereignty, independence and
    territorial integrity of the Central Asian states) owned by a named state that is none of them:
    the possessor before the run of the target's trigger words ("Ukraine's sovereignty and
    territorial integrity"), a demonym right before it ("Ukrainian independence"), or the states
    after "of" ("the sovereignty and territorial integrity of Ukraine", "of Georgia and Moldova").
    Its owner's mention stays a target of its own. No named owner: the trigger stands."""
    target = book.targets[hit.target]
    if not target.owned:
        return False
    run = book.owned_words.get(target.id, frozenset())
    joiners = ("and", ",", "full")
    owners = []
    j = hit.first
    while j > 0 and (words[j - 1] in run or words[j - 1] in joiners):
        j -= 1
    if j >= 2 and words[j - 2:j] == ["'", "s"]:
        owners = [m for m in mentions if m.last_token == j - 2]
    else:
        owners = [m for m in mentions if m.last_token == j and m.via == "demonym"]
    if not owners:
        k = hit.last
        while k < len(words) and (words[k] in run or words[k] in joiners):
            k += 1
        if k < len(words) and words[k] == "of":
            k += 1
            while True:
                while k < len(words) and words[k] in ("the", "both"):
                    k += 1
                m = next((m for m in mentions if m.first_token == k), None)
                if m is None:
                    break
                owners.append(m)
                k = m.last_token
                if k < len(words) and words[k] in ("and", ","):
                    k += 1
                    if k < len(words) and words[k] == "and":
                        k += 1
                    continue
                break
    owners = [m for m in owners if m.actor.kind in ("state", "group", "place") or m.via == "demonym"]
    return bool(owners) and not any(
        m.actor.actor_id in target.requires_any or (m.actor.country_iso3 or "") in target.requires_any
        for m in owners)


def _war_agent_of(first: int, last: int, words: list[str], mentions: list[Mention], book: Codebook) -> bool:
    """A war agent (``war_agents`` and the RUSSIA target's actors) owns or modifies the noun at
    ``first``..``last`` ("Russia's latest missile attacks", "Russian shelling", "Russian forces'
    strikes", at most three modifiers between) or is its by-agent ("the shelling of Kharkiv by
    Russian forces"): English noun-phrase agency."""
    agents = book.conv.war_agents | book.targets["RUSSIA"].actors if "RUSSIA" in book.targets else book.conv.war_agents
    fw = load_dictionary().function_words
    for m in mentions:
        if m.actor.actor_id not in agents:
            continue
        if m.last_token <= first:
            gap = words[m.last_token:first]
            if gap[:2] == ["'", "s"]:
                gap = gap[2:]
            elif gap[:2] in (["forces", "'"], ["troops", "'"], ["military", "'"]):
                gap = gap[2:]
            elif gap[:3] in (["forces", "'", "s"], ["military", "'", "s"], ["government", "'", "s"]):
                gap = gap[3:]
            if len(gap) <= 3 and all(w.isalpha() and w not in fw or w in ("-", "and", ",") for w in gap):
                return True
        elif m.first_token > last:
            j = m.first_token - 1
            if j > last and words[j] == "the":
                j -= 1
            between = words[last:j]  # "the shelling of Kharkiv by Russian forces", not "strikes were condemned by"
            if words[j] == "by" and (j == last or 0 < j - last <= 5 and between[0] in ("of", "on", "against", "in")
                                     and not any(w in (",", ";", "and", "but") or w in book.conv.passive_aux or
                                                 w.endswith("ed") for w in between)):
                return True
    return False


def _title_case(tokens: list) -> bool:
    """A headline or heading in title case ("President Biden Announces New Sanctions on Russia"):
    most longer words capitalised, so capitals mark no proper name."""
    longer = [t[0] for t in tokens if len(t[0]) > 3 and t[0].isalpha()]
    return len(longer) >= 3 and sum(w[:1].isupper() for w in longer) >= 0.6 * len(longer)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace(".", "").replace("-", "").isalnum()


def _cue_in_name(first: int, last: int, ctx: Context) -> bool:
    """A cue that is a word inside a capitalised proper name: a bill, an organisation or a programme
    ("the Build Back Better Act", "the Ukraine Support Fund"), a web address ("Welcome.US") or a job
    title after a capitalised word ("Managing Partner"). Outside title-case headings, capitals on
    both sides, a dot joined to the next word, or a capitalised word before and none after mark a
    name (English capitalisation of proper names)."""
    toks = ctx.tokens
    if first == 0 or not all(_capitalised(t[0]) for t in toks[first:last]):
        return False
    end = toks[last - 1][2]
    if ctx.text[end:end + 1] == "." and ctx.text[end + 1:end + 2].isalpha():
        return True  # "Welcome.US"
    if _title_case(toks):
        return False
    prev = toks[first - 1][0]
    if not (_capitalised(prev) and prev.isalpha()) or first - 1 == 0 and prev.lower() in ("the", "a", "an"):
        return False
    if any(m.first_token <= first - 1 < m.last_token for m in ctx.mentions):
        return last < len(toks) and _capitalised(toks[last][0])  # "Biden Announces" no; "Ukraine Support Fund" yes
    return True


def _state_modifier(m: Mention, words: list[str], tokens: list, mentions: list[Mention], conv: Conventions) -> bool:
    """A state name or abbreviation ("U.S.") used as a modifier of another noun names no position toward
    the state: the first word of a capitalised name ("the U.S. ASEAN Business Council"), or an
    abbreviation before a noun that is not the state itself or its organs (``of_heads``, ``state_heads``:
    "U.S. officials", "U.S. assistance" stay; "the U.S. submarine industrial base" does not).
    Demonyms are left to the agent and people nouns ("sanctioned Russian oligarchs" still names Russia)."""
    j = m.last_token
    if j >= len(tokens) or m.via == "pronoun":
        return False
    nxt = tokens[j][0]
    if _title_case(tokens):
        return False
    if _capitalised(nxt) and nxt.isalpha() and j + 1 < len(tokens) and _capitalised(tokens[j + 1][0]) and \
            tokens[j + 1][0].isalpha() and \
            not any(o.actor.kind == "person" and o.first_token <= j + 1 and j < o.last_token for o in mentions):
        return True  # "the U.S. ASEAN Business Council"
    adjectival = m.surface.endswith(".")  # "U.S.", "U.K.": a name used as an adjective (demonyms: R12, _people_of)
    w = words[j]
    if not (adjectival and nxt.isalpha() and nxt.islower()) or w in conv.of_heads or w in conv.state_heads or \
            w in conv.agent_nouns or w in conv.people_nouns or w in conv.determiners or w in conv.negators:
        return False
    # the next word must be a noun or an adjective: not a function word, a verb form or an adverb
    return w not in load_dictionary().function_words and w not in _NOT_MODIFIED and \
        not w.endswith(("ed", "ly")) and not (w.endswith("s") and w[:-1] in _NOT_MODIFIED)


#: Words after a state's abbreviation that show it is no modifier ("accused the U.S. of", "the U.S. is").
_NOT_MODIFIED = frozenset({"and", "or", "nor", "but", "as", "to", "in", "on", "of", "for", "with", "by", "at", "from",
                           "into", "over", "against", "about", "after", "before", "since", "during", "through",
                           "toward", "towards", "under", "without", "within", "across", "than", "that", "which",
                           "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
                           "can", "could", "should", "must", "may", "might", "shall", "does", "did", "do", "also",
                           "still", "already", "now", "then", "today", "together", "alone", "itself", "so", "too",
                           "very", "more", "most", "not", "never", "always", "again", "here", "there", "remains",
                           "remain", "continues", "continue", "stands", "stand", "supports", "support", "welcomes",
                           "condemns", "believes", "says", "said", "sees", "wants", "seeks", "intends", "plans",
                           "needs", "must", "takes", "makes", "gives", "joins", "leads", "looks", "hopes"})


def _people_of(m: Mention, words: list[str], conv: Conventions) -> bool:
    """A demonym or name that qualifies a people ("the Russian people", "Russian and Belarusian
    citizens", "the people of Russia") rather than naming the state."""
    j = m.last_token
    if j < len(words) and words[j] in ("and", ",") and j + 2 < len(words) and words[j + 2] in conv.people_nouns:
        j += 2  # "Russian and Belarusian citizens"
    if j < len(words) and words[j] in conv.people_nouns:
        return True
    return m.first_token >= 2 and words[m.first_token - 1] == "of" and words[m.first_token - 2] in conv.people_nouns


_QUOTE_MARKS = frozenset({'"', "“", "‘", "'"})
_POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her"})
#: Prepositions whose object is no subject ("to Ukraine", "on Russia").
_PP_HEADS = frozenset({"to", "in", "on", "for", "against", "with", "from", "into", "toward", "towards", "of", "at",
                       "by", "about", "over", "across"})


def _agent_adjectives(book: Codebook) -> frozenset[str]:
    """Words that may stand between a war's agent and the war noun ("Russia's brutal, unprovoked
    invasion"): the one-word evaluative cues of the codebook, quotation marks, and the phase and
    scale words of war reporting."""
    key = (id(book), "agent_adjectives")
    if key not in _FIRSTS:
        words = {c.tokens[0] for cues in book.cue_index.values() for c in cues
                 if c.kind == "evaluative" and len(c.tokens) == 1 and c.tokens[0].isalpha()}
        _FIRSTS[key] = frozenset(words | _QUOTE_MARKS | {"full-scale", "full", "-", "scale", "ongoing", "so-called"})
    return _FIRSTS[key]


def _economy_of(m: Mention, words: list[str], conv: Conventions) -> bool:
    """A demonym naming a national economy, not the state: before an economy noun ("American jobs",
    ``economy_nouns``) or hyphened to a participle of making ("American-made", ``economy_participles``;
    not "the Chinese made clear"). (A count of a people stays its state, as the people does for
    Ukraine: "welcome up to 100,000 Ukrainians".)"""
    if m.via != "demonym" or m.last_token >= len(words):
        return False
    j = m.last_token
    if words[j] == "-":
        return j + 1 < len(words) and words[j + 1] in conv.economy_participles
    return words[j] in conv.economy_nouns


#: Targets whose mention in a sentence without a cue is remembered (for anaphors, "it" and votes).
REMEMBERED = {"SANCTIONS", "UN_RESOLUTION", "CHINA_PEACE_PLAN", "ANNEXATION"}


_FIRSTS: dict[tuple[int, str], frozenset[str]] = {}


def _remembered_firsts(book: Codebook) -> frozenset[str]:
    key = (id(book), "remembered")
    if key not in _FIRSTS:
        _FIRSTS[key] = frozenset(w for w, entries in book.trigger_index.items()
                                 if any(t in REMEMBERED for _, t in entries))
    return _FIRSTS[key]


def _trigger_ids(words: list[str], book: Codebook) -> list[str]:
    """Targets of the remembered kinds named by trigger phrases (no actor spans, no context)."""
    out = []
    index = book.trigger_index
    if book.remembered_keys.isdisjoint(words):
        return out  # no trigger phrase of these targets can match (most sentences)
    firsts = _remembered_firsts(book)
    for i, w in enumerate(words):
        if w not in firsts:
            continue
        for phrase, target_id in index.get(w, ()):
            if target_id in REMEMBERED and _match(words, i, phrase):
                out.append(target_id)
                break
    return out


def in_view(target: Target, sent_actors: set[str], doc_actors: set[str], words: list[str] | None = None) -> bool:
    """A target's trigger counts only where one of its required actors is in scope, and not in a
    sentence naming what the target excludes ("a Security Council draft")."""
    if target.blocked_by and words is not None and "assembly" not in words:
        firsts = _firsts(target.blocked_by)
        if any(w in firsts and any(_match(words, i, p) for p in target.blocked_by) for i, w in enumerate(words)):
            return False
    if target.topic_any and not target.topic_any & doc_actors and not target.topic_unless & doc_actors:
        return False  # "a UN resolution" in a text that never names Russia or Ukraine is about another matter
    if not target.requires_any:
        return True
    scope = doc_actors if target.requires_scope == "document" else sent_actors
    return bool(target.requires_any & scope)


def find_cues(words: list[str], book: Codebook) -> list[tuple[int, int, Cue]]:
    """Cue matches, longest first at each position; acts of the same length are all kept (one
    verb can be the act of several targets: "announced new sanctions" / "announced aid")."""
    found = []
    index = book.cue_index
    if book.cue_keys.isdisjoint(words):
        return found  # no cue can match (most sentences): no per-token loop
    present = book.cue_keys.intersection(words)  # a cue whose key word is missing cannot match
    resume = 0  # a match consumes its tokens: the scan goes on after them
    for i in [i for i, w in enumerate(words) if w in index]:
        if i < resume:
            continue
        hits = []
        for cue in index[words[i]]:
            if hits and len(cue.tokens) < len(hits[0].tokens):
                break
            if cue.key in present and _match(words, i, cue.tokens) and \
                    (not cue.lead or (i > 0 and words[i - 1] == cue.lead)):
                if hits and cue.lead and not hits[0].lead and len(cue.tokens) == len(hits[0].tokens):
                    hits[0] = cue  # its lead word makes it the longer match: "Russian-backed" is the
                    continue  # compound modifier "- backed", not the verb "backed"
                if hits and not (cue.kind == "act" or hits[0].kind == "act"):
                    continue
                hits.append(cue)
        if hits:
            found.extend((i - 1 if c.lead else i, i + len(c.tokens), c) for c in hits)
            resume = i + len(hits[0].tokens)
    return found


def resolve_overlaps(cues: list, spans: list[Span]) -> tuple[list, list[Span]]:
    """Where a cue and a trigger phrase overlap the longer wins ("a diplomatic resolution" is a
    cue, "sanctions" a target); agent cues ("invaded") keep both."""
    kept_cues = []
    triggers = [s for s in spans if not s.actor]
    if not triggers:
        return list(cues), list(spans)  # nothing to clash with: every cue and actor span stays
    for first, last, cue in cues:
        clash = [s for s in triggers if s.first < last and first < s.last]
        if cue.kind.startswith("agent") or cue.kind == "evaluative" and not clash or \
                all(last - first > s.last - s.first for s in clash):
            kept_cues.append((first, last, cue))
    cue_tokens = {i for f, l, c in kept_cues if not c.kind.startswith("agent") and c.kind != "stop"
                  for i in range(f, l)}
    kept_spans = [s for s in spans if s.actor or not (set(range(s.first, s.last)) & cue_tokens)]
    return kept_cues, kept_spans


_EXCEPTION_STARTS = {p[0] for p in EXCEPTION_PHRASES}
#: The key word of each exception phrase ("exception" in "with the exception of"): a sentence
#: without any of them holds no exception phrase.
_EXCEPTION_KEYS = frozenset(_key_word(p) for p in EXCEPTION_PHRASES)


def _exceptions(tokens: list, words: list[str], mentions: list[Mention]) -> list[Mention]:
    if _EXCEPTION_KEYS.isdisjoint(words):
        return []
    outer = None
    for i in range(len(words)):
        if words[i] not in _EXCEPTION_STARTS:
            continue
        for phrase in EXCEPTION_PHRASES:
            if tuple(words[i:i + len(phrase)]) == phrase:
                if outer is None:
                    outer = {m.first_token: m for m in grammar.outer_mentions(mentions)}
                m = outer.get(i + len(phrase))
                if m is not None:
                    return grammar.coordinated(m, tokens, mentions)
    return []


@dataclass
class DocInfo:
    """What a document says about who speaks in it: the author(s) of a first-person text."""

    authors: list[Actor] = field(default_factory=list)
    author_states: set[str] = field(default_factory=set)
    author_persons: list[str] = field(default_factory=list)
    participants: list[Actor] = field(default_factory=list)  # a readout's named participants
    #: people the dictionary does not place, placed by the text's "<Demonym> <title> <Name>"
    #: ("Hungarian Foreign Minister Péter Szijjártó"): they speak for that state in office (R2)
    person_states: dict[str, str] = field(default_factory=dict)
    head: Actor | None = None  # "the President" of the publishing government
    publisher: str = ""  # the state whose press office publishes the text (conventions' publishers)
    date: str = ""  # the document's ISO date, if known


@dataclass
class Context:
    """One sentence prepared for stance: tokens, mentions, targets, quotes."""

    sent_id: int
    text: str
    tokens: list
    words: list[str]
    mentions: list[Mention]
    targets: list[Span]
    quoted: dict[int, Mention | None]  # token index -> speaker of the quote it is in
    sent_actors: set[str]
    doc_actors: set[str]
    info: DocInfo = field(default_factory=DocInfo)
    fronted: int = -1  # index of the comma closing a fronted phrase, -1 if none
    appositive: set[int] | None = None  # tokens inside appositives after names (computed on demand)
    free_targets: tuple | None = None  # (targets list, tokens inside, starts) of non-actor targets, on demand


def _free_targets(ctx: Context) -> tuple[set[int], set[int]]:
    """(tokens inside, first tokens of) the target phrases that are not actors, once per targets list."""
    if ctx.free_targets is None or ctx.free_targets[0] is not ctx.targets:
        spans = [s for s in ctx.targets if not s.actor]
        ctx.free_targets = (ctx.targets, {i for s in spans for i in range(s.first, s.last)}, {s.first for s in spans})
    return ctx.free_targets[1], ctx.free_targets[2]


def _possessor_of_trigger(m: Mention, ctx: Context) -> bool:
    """True for "Russia’s invasion": an actor that only qualifies a target phrase."""
    inside, starts = _free_targets(ctx)
    j = m.last_token
    if j + 1 < len(ctx.words) and ctx.words[j] == "'" and ctx.words[j + 1] == "s":
        return j + 2 in starts
    return m.first_token in inside


def _is_number(word: str) -> bool:
    return word.isdigit() or word in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                      "dozens", "several", "many", "few", "some"}


def _candidates(cue_first: int, ctx: Context) -> list[Mention]:
    """Mentions that can hold a cue: not qualifying a target, not in a fronted phrase before the
    cue's clause, not inside a quote unless the cue is."""
    in_quote = cue_first in ctx.quoted
    if ctx.appositive is None:
        ctx.appositive = grammar.appositive_tokens(ctx.tokens, ctx.mentions)
    out = []
    for m in ctx.mentions:
        if m.first_token in ctx.appositive and not (m.first_token <= cue_first < m.last_token):
            continue
        if _possessor_of_trigger(m, ctx):
            continue
        if m.first_token >= 2 and ctx.words[m.first_token - 1] == "-" and ctx.words[m.first_token - 2] in ("pro", "anti"):
            continue  # "pro-Kremlin commentators": an adjective, not the Kremlin
        if m.via != "pronoun" and inside_name(m, ctx.tokens):
            continue
        if 0 <= ctx.fronted < cue_first and m.first_token < ctx.fronted:
            continue
        if not in_quote and m.first_token in ctx.quoted and m.via not in ("pronoun",):
            continue
        out.append(m)
    return out


def _possessor_of_infinitive(cue: int, ctx: Context) -> Mention | None:
    """"the United States' ongoing actions to hold ...", "the EU's decision to impose ...": the possessor
    of an intention noun (``intent_nouns``) is the subject of its infinitive (news and official usage)."""
    conv = load_codebook().conv
    w = ctx.words
    if cue < 4 or w[cue - 1] != "to":
        return None
    j = cue - 2
    if w[j] not in conv.intent_nouns:
        return None
    j -= 1
    while j >= 0 and (w[j].endswith("ly") or w[j] in conv.intent_modifiers):
        j -= 1
    if j >= 1 and w[j] == "s" and w[j - 1] == "'":
        j -= 2
    elif j >= 0 and w[j] in ("'", "’"):
        j -= 1
    elif j >= 0 and w[j] in ("'s", "’s"):
        j -= 1
    else:
        return None
    return next((m for m in grammar.outer_mentions(ctx.mentions) if m.last_token == j + 1
                 and m.actor.kind in ("state", "person", "organization", "group")), None)


def _holders(cue_first: int, ctx: Context, dic: Dictionary, kind: str) -> list[Mention]:
    """The subject of the cue and the actors coordinated with it."""
    w = ctx.words
    if cue_first > 0 and w[cue_first].endswith("ing") and w[cue_first - 1] in load_codebook().conv.participle_heads:
        return []  # "abstained on the resolution condemning Russia": the resolution condemns, not the voter
    cands = _candidates(cue_first, ctx)
    if kind == "vote":
        # "141 countries voting in favor": the subject is the count, not an actor;
        # "seven countries — including China, ... — voting against": the listed ones;
        # "X were among 32 countries that abstained": X.
        for i in range(cue_first - 1, max(-1, cue_first - 14), -1):
            if ctx.words[i] in NUMBER_NOUNS and i > 0 and _is_number(ctx.words[i - 1]):
                if i > 1 and ctx.words[i - 2] in ("among", "just", "only") and "among" in ctx.words[max(0, i - 4):i]:
                    break
                member = _one_of_subject(i - 2, ctx, cands)
                if member is not None:  # "X was one of only four countries to vote against"
                    return grammar.coordinated(member, ctx.tokens, cands)
                inc = [m for m in grammar.outer_mentions(cands) if i < m.first_token < cue_first
                       and "including" in ctx.words[i:m.first_token]]
                if inc:
                    return grammar.coordinated(inc[0], ctx.tokens, cands)
                return []
    poss = _possessor_of_infinitive(cue_first, ctx)
    if poss is not None:
        return grammar.coordinated(poss, ctx.tokens, cands)
    dashed = grammar.dash_list_before(cue_first, ctx.tokens, cands)
    if dashed:
        j = dashed[0].first_token - 1  # the opening dash; the list before it joins ("China, India and ...")
        subj = grammar.subject_of(j, ctx.tokens, [m for m in cands if m.last_token <= j], dic)
        head = grammar.open_coordination(subj, ctx.tokens, cands) if subj is not None else []
        wider = grammar.coordinated_with_articles(subj, ctx.tokens, cands) if subj is not None else []
        head = wider if len(wider) > len(head) else head
        head = [m for m in head if m.last_token <= j and m.actor.kind != "group"  # the dashes list the group
                and ctx.words[m.last_token:m.last_token + 2] != ["'", "s"]]  # "Russia's partners — A, B —"
        return head + grammar.coordinated(dashed[0], ctx.tokens, cands)
    controller = _gerund_controller(cue_first, ctx, cands)
    if controller:
        return controller
    subj = _subject(cue_first, ctx, cands, dic)
    agent = _demonym_agent(cue_first, ctx, cands)  # "Russian troops rolled into"
    if agent is not None and (subj is None or agent.last_token > subj.last_token):
        subj = agent
    if subj is None:
        return []
    group = grammar.subject_group(subj, ctx.tokens, cands, dic)
    wider = grammar.coordinated_with_articles(subj, ctx.tokens, cands)  # "The United States, the United Kingdom and Japan"
    while len(wider) > 1 and wider[0] is not subj and grammar.governor(wider[0], ctx.tokens, cands, dic) not in \
            (None, *grammar.CLAUSE_OPENERS - {",", "and"}):
        wider.pop(0)  # "... in Ukraine, Australia and the United States": "in Ukraine" is no member
    if len(wider) > len(group):
        group = wider
    for m in grammar.outer_mentions(cands):  # "along with X" / "as well as X" join the subject
        before = ctx.words[max(0, m.first_token - 2):m.first_token]
        if before in (["along", "with"], ["as", "well"], ["together", "with"]) and m.first_token < cue_first \
                and m not in group and m.actor.kind == "state":
            group.extend(grammar.coordinated(m, ctx.tokens, cands))
    # "..., as did A and B": a trailing list shares the predicate
    for i in range(cue_first, len(ctx.words) - 2):
        if ctx.words[i] == "as" and ctx.words[i + 1] == "did":
            more = grammar.list_after(i + 2, ctx.tokens, ctx.mentions)
            group.extend(m for m in more if m not in group)
            break
    return group


def _gerund_controller(cue_first: int, ctx: Context, cands: list[Mention]) -> list[Mention]:
    """For a gerund cue right after a sentence-opening "In"/"By"/"While" ... (``gerund_adjunct_openers``;
    an adverb may stand between: "In strongly condemning"), the subject of the main clause after the
    phrase's comma, with the actors listed with it: "In condemning Russia's invasion, we express ...",
    "By imposing sanctions, the United States and Japan have ...". A fronted non-finite adjunct takes
    its understood subject from the main clause (English control). None where no actor opens the main
    clause ("In condemning X, the leaders of A ...": the leaders, no actor, are the subject)."""
    w = ctx.words
    if not w or w[0] not in load_codebook().conv.gerund_adjunct_openers or not w[cue_first].endswith("ing"):
        return []
    if any(not x.endswith("ly") for x in w[1:cue_first]):
        return []
    comma = next((i for i in range(cue_first + 1, min(len(w), 45)) if w[i] == ","), -1)
    if comma < 0 or not {";", ":", "“", "”", '"'}.isdisjoint(w[cue_first:comma]):
        return []
    j = comma + 2 if w[comma + 1:comma + 2] == ["the"] else comma + 1
    subj = next((m for m in grammar.outer_mentions(cands) if m.first_token == j), None)
    if subj is None or subj.via == "demonym":
        return []
    main = [m for m in cands if m.first_token >= j]  # the phrase's own object ("of Ukraine, Canada ...") is no member
    group = grammar.coordinated_with_articles(subj, ctx.tokens, main)
    if len(grammar.coordinated(subj, ctx.tokens, main)) > len(group):
        group = grammar.coordinated(subj, ctx.tokens, main)
    end = group[-1].last_token
    # the group must be the main clause's subject: a verb (a lower-case word) follows, not "'s" or "of"
    if end >= len(w) or w[end] in ("'", "of", ",", "(", "—", "–") or not ctx.tokens[end][0][:1].islower():
        return []
    return group


def _one_of_subject(k: int, ctx: Context, cands: list[Mention]) -> Mention | None:
    """The subject of "X was one of (only) four countries to vote against ...", with ``k`` the word
    before the number: the count is a predicate nominal whose member the copula's subject is (R7, as
    "X were among 32 countries that abstained"); None for a count that is itself the subject."""
    w = ctx.words
    if k >= 0 and w[k] in ("only", "just"):
        k -= 1
    if k < 2 or w[k] != "of" or w[k - 1] != "one" or w[k - 2] not in load_codebook().conv.copulas:
        return None
    # the copula's own subject stands right before it ("Kazakhstan said Nicaragua was ...": Nicaragua)
    return next((m for m in grammar.outer_mentions(cands) if m.last_token == k - 2 and m.via != "demonym"), None)


#: The words at which ``_clause_floor`` can end a clause (a comma alone never does).
_CLAUSE_FLOOR_WORDS = frozenset({";", "while", "whereas", "but"} | SUBORDINATORS)


def _clause_floor(cue: int, words: list[str], mentions: list[Mention] = ()) -> int:
    """First token of the clause holding ``cue``: after a semicolon or ", while/whereas/but"."""
    if _CLAUSE_FLOOR_WORDS.isdisjoint(words[1:cue]):
        return 0  # no clause boundary word before the cue (most cues): the clause is the sentence
    comma = False
    for i in range(cue - 1, 0, -1):
        if words[i] == ";" or (words[i] in ("while", "whereas", "but") and words[i - 1] == ","):
            return i + 1
        if words[i] == ",":
            comma = True
        if words[i] == "as" and (words[i - 1] in ("well", "such", "so", "as", "same", "just") or
                                 words[i + 1] in ("well", "as", "part", "a", "an", "of", "to", "for")):
            continue  # "as well as", "such as", "as part of": no clause
        if words[i] in SUBORDINATORS and not comma and any(i < m.first_token < cue for m in mentions):
            return i + 1  # "since Russian troops began to threaten": the subordinate clause has its own subject
    return 0


#: Words after "to" that show it is a preposition, not an infinitive marker ("and to the people").
_NOT_INFINITIVE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that",
                             "these", "those", "all", "both", "each", "every", "any", "some"})


def _coordinated_infinitive(cue: int, words: list[str]) -> int:
    """For a cue after "and to"/"or to", the verb of the infinitive it is coordinated with ("steps to
    ensure that Russia's aggression fails and to support Ukraine": "ensure"), whose subject it shares;
    else ``cue``. The clause in between is the first infinitive's object, not the holder's clause."""
    if cue < 3 or words[cue - 1] != "to" or words[cue - 2] not in ("and", "or"):
        return cue
    for j in range(cue - 3, 0, -1):
        if words[j] in (";", ".", "?", "!"):
            break
        if words[j] == "to" and words[j + 1].isalpha() and words[j + 1].islower() and words[j + 1] not in _NOT_INFINITIVE:
            return j + 1
    return cue


def _subject(cue: int, ctx: Context, cands: list[Mention], dic: Dictionary) -> Mention | None:
    """The cue's subject within its clause; a name inside a list that something other than a clause
    boundary governs ("... were Russia, Belarus and Syria") is no subject. A coordinated infinitive
    takes the subject of the first (:func:`_coordinated_infinitive`)."""
    cue = _coordinated_infinitive(cue, ctx.words)
    floor = _clause_floor(cue, ctx.words, ctx.mentions)
    pool = [m for m in cands if m.first_token >= floor]
    adjacent = [m for m in pool if m.last_token == cue and m.via != "demonym"]
    if adjacent:  # "last week Kassym-Jomart Tokayev hailed", "On 30 September 2022 Vladimir Putin signed"
        gov = grammar.governor(adjacent[0], ctx.tokens, pool, dic)
        if gov is not None and (gov.isdigit() or gov in TIME_WORDS):
            return adjacent[0]
    while pool:
        subj = grammar.subject_of(cue, ctx.tokens, pool, dic)
        if subj is None:
            # "On 30 September 2022 Vladimir Putin signed", "last week Tokayev hailed": a time
            # adverbial before the subject
            near = [m for m in pool if m.last_token <= cue and all(
                w.endswith("ly") or w in ("also", "again", "then", "later") for w in ctx.words[m.last_token:cue])]
            if near:
                m = max(near, key=lambda m: m.last_token)
                gov = grammar.governor(m, ctx.tokens, pool, dic)
                if gov is not None and (gov.isdigit() or gov in TIME_WORDS):
                    return m
            return None
        full = grammar.coordinated(subj, ctx.tokens, pool)
        wide = grammar.coordinated_with_articles(subj, ctx.tokens, pool)  # "with the G7 and the EU"
        if len(wide) > len(full):
            full = wide
        head = full[0]
        gov = grammar.governor(head, ctx.tokens, pool, dic)
        if head is subj or gov is None or gov in grammar.CLAUSE_OPENERS:
            return subj
        drop = {id(m) for m in full}
        pool = [m for m in pool if id(m) not in drop]
    return None


def _demonym_agent(cue: int, ctx: Context, cands: list[Mention]) -> Mention | None:
    """A demonym with an agent noun right before the cue ("Russian troops rolled into", "a Russian
    missile struck", "Russian troops to launch")."""
    agent_nouns = load_codebook().conv.agent_nouns
    for m in cands:
        if m.via != "demonym" or m.last_token >= len(ctx.words) or ctx.words[m.last_token] not in agent_nouns:
            continue
        if m.last_token + 1 == cue or (m.last_token + 2 == cue and ctx.words[m.last_token + 1] == "to"):
            return m
    return None


def _proposal_of(span: Span, ctx: Context) -> bool:
    """An actor span that names the author of a paper or proposal ("a Russian proposal", "the U.S.
    proposal of a ceasefire", "Beijing's new peace initiative"): the state before one of the
    conventions' ``proposal_heads``, its possessive and at most two lower-case modifiers between."""
    heads = load_codebook().conv.proposal_heads
    words, k = ctx.words, span.last
    if words[k:k + 2] == ["'", "s"]:
        k += 2
    for _ in range(3):
        if k >= len(words):
            return False
        if words[k] in heads:
            return True
        if not (words[k].isalpha() and ctx.tokens[k][0][:1].islower()) or \
                any(s.first == k for s in ctx.targets):
            return False
        k += 1
    return False


def _war_words(book: Codebook) -> frozenset[str]:
    """The one-word triggers of the war ("war", "invasion", "aggression")."""
    key = (id(book), "war_words")
    if key not in _FIRSTS:
        war = book.targets.get("RUSSIA_WAR")
        _FIRSTS[key] = frozenset(p[0] for p in war.triggers if len(p) == 1) if war else frozenset()
    return _FIRSTS[key]


def _possessor_act(span: Span, head: str, at: int, ctx: Context, book: Codebook) -> Span | None:
    """The act a state's attempt or plan is for, when it is one of the codebook's acts of that state
    (``possessor_act_targets``): "condemns Russia's fraudulent attempt today to annex", "reject Russia's
    illegal attempts at annexation", "Russia's decision to invade". The head before ``at`` is one of
    ``possessor_act_heads``; after "to", "at" or "of" at most one adverb or determiner stands before
    the trigger. The act, not the state, is what a cue on the phrase judges (R14: the target the cue
    names; dev gold codes that sentence ANNEXATION, not RUSSIA)."""
    conv = book.conv
    if head not in conv.possessor_act_heads or ctx.words[at] not in ("to", "at", "of"):
        return None
    if not any(span.target == t.id for t in book.targets.values() if t.id == "RUSSIA"):
        return None
    j = at + 1
    if j < len(ctx.words) and (ctx.words[j].endswith("ly") or ctx.words[j] in conv.determiners) and \
            not any(t.first == j for t in ctx.targets):
        j += 1
    return next((t for t in ctx.targets if t.first == j and not t.actor and t.target in conv.possessor_act_targets),
                None)


def _modified_war(span: Span, ctx: Context, book: Codebook) -> Span | None:
    """Russia's name or demonym as the modifier of a war noun ("the Russian invasion of Ukraine", "Russian
    attacks against critical infrastructure", "opposing Russian aggression"): the war, not Russia, is
    the object, as after the possessive (R14, S079; the agent trigger or, where the R12 cue covers the
    noun, the war word). At most two lower-case modifiers between ("the Russian full-scale invasion")."""
    if span.target != "RUSSIA":
        return None
    words, conv = ctx.words, book.conv
    for k in range(span.last, min(len(words), span.last + 3)):
        hit = next((t for t in ctx.targets if t.first == k), None)
        if hit is not None:
            return hit if not hit.actor and hit.target == "RUSSIA_WAR" else None
        if words[k] in _war_words(book):
            if words[k + 1:k + 2] and words[k + 1] in conv.compound_heads or \
                    words[k - 1] in (conv.not_before or {}).get(words[k], ()):
                return None
            return Span(k, k + 1, "RUSSIA_WAR")
        if not (words[k].isalpha() or "-" in words[k]) or not ctx.tokens[k][0][:1].islower() or \
                words[k] in load_dictionary().function_words:
            return None
    return None


def _qualified(span: Span, ctx: Context) -> Span:
    """An actor span that only qualifies a trigger ("Russia’s war") gives way to the trigger; one that
    only names the author of a paper or proposal ("rejected a Russian proposal", "support for the
    U.S. proposal") is no target (R14: a stance on a state's document is none on the state, S067, S086)."""
    j = span.last
    if span.actor and ctx.words[j:j + 2] != ["'", "s"]:  # a possessive is read below: "Russia's plan to annex"
        h = j
        while h < min(len(ctx.words) - 1, j + 2) and ctx.words[h] not in load_codebook().conv.possessor_act_heads \
                and ctx.words[h].isalpha() and ctx.tokens[h][0][:1].islower() and not any(s.first == h for s in ctx.targets):
            h += 1
        act = _possessor_act(span, ctx.words[h], h + 1, ctx, load_codebook()) if h + 1 < len(ctx.words) else None
        if act is not None:
            return act  # "the Russian attempt to annex"
        if _proposal_of(span, ctx):
            return Span(span.first, span.last, "")
        war = _modified_war(span, ctx, load_codebook())
        if war is not None:
            return war  # "condemned the Russian invasion", "condemn Russian attacks against ... infrastructure"
    if span.actor and ctx.words[j:j + 2] == ["'", "s"]:
        k = j + 2
        while k < len(ctx.words) and ctx.words[k] in ("'", '"', "“", "‘"):
            k += 1
        book = load_codebook()
        heads = book.conv.of_heads
        head, last_head = False, ""
        for kk in range(k, min(len(ctx.words), k + 5)):  # "Russia's unprovoked and unjustified invasion"
            hit = next((t for t in ctx.targets if t.first == kk and not t.actor), None)
            if hit is not None:
                return hit
            if ctx.words[kk] in ("of", "in", "on", "to", "for", "with", "by", "at", "from", "against", ".", ";",
                                 ",", "that", "which", "who") or any(t.first == kk for t in ctx.targets):
                act = _possessor_act(span, last_head, kk, ctx, book)
                if act is not None:
                    return act  # "Russia's attempt to annex", "Russia's illegal attempts at annexation"
                break
            if span.target == "RUSSIA" and ctx.words[kk] in _war_words(book):
                # "condemn Putin's war of choice": the war noun, left without a span where a cue covers it,
                # is what is condemned, not its agent (R14: being against the war is not opposing Russia,
                # S079); "Russia's war chest", "Russia's trade war" name no war (compound_heads, not_before)
                w = ctx.words[kk]
                if ctx.words[kk + 1:kk + 2] and ctx.words[kk + 1] in book.conv.compound_heads or \
                        ctx.words[kk - 1] in (book.conv.not_before or {}).get(w, ()):
                    return Span(span.first, span.last, "")
                return Span(kk, kk + 1, "RUSSIA_WAR")
            if ctx.words[kk] in heads or ctx.words[kk] in book.conv.state_act_heads:
                head, last_head = True, ctx.words[kk]  # "Russia's shuttering of independent media": Russia's act
            elif ctx.words[kk] in book.conv.possessor_act_heads:
                last_head = ctx.words[kk]  # "Russia's bid to annex": the act's head, the state no target itself
        if head:
            return span  # "Ukraine's sovereignty", "Russia's actions": the possessor is the target
        return Span(span.first, span.last, "")  # "Biden's proposed framework": the possessor qualifies another noun
    return span


def _expletive(i: int, ctx: Context) -> bool:
    """"it" opening a clause ("announcing it is prepared to ...", "the support it needs", "Haiti as
    it deals with ..."): the subject of the verb after it, not an object pronoun."""
    if ctx.words[i] != "it" or i + 1 >= len(ctx.words):
        return False
    nxt = ctx.words[i + 1]
    if nxt in ("is", "was", "has", "will", "would", "can", "could", "should", "must", "had", "'s", "does", "did"):
        return True
    # a present-tense verb ("needs", "deals", "faces"): lower case, ending in -s, no function word
    return len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss") and nxt.isalpha() and \
        ctx.tokens[i + 1][0][:1].islower() and nxt not in load_dictionary().function_words


#: Targets a pronoun ("it") in the next sentence can stand for: things, not people or the war.
PRONOUN_TARGETS = {"ANNEXATION", "UN_RESOLUTION", "CHINA_PEACE_PLAN", "SANCTIONS"}


def _object_break(i: int, end: int, ctx: Context, strict: bool = True) -> bool:
    """True where the object of a verb ends before token ``i`` (see the conventions' target_stops,
    of_heads and adjectival_participles); not ``strict``: only at an infinitive ("announcing it is
    prepared to provide ...")."""
    conv = load_codebook().conv
    w = ctx.words[i]
    if not strict:
        return i > end and w == "to" and i + 1 < len(ctx.words) and ctx.words[i + 1].isalpha() and \
            ctx.tokens[i + 1][0][:1].islower() and ctx.words[i + 1] not in conv.of_heads and \
            not any(s.first == i + 1 for s in ctx.targets)
    if w in conv.target_stop_firsts and any(_match(ctx.words, i, p) for p in conv.target_stops):
        return True
    if i > end and w == "of" and ctx.words[i - 1] not in conv.of_heads and \
            not any(s.last == i for s in ctx.targets):
        return True
    if i > end and w == "to" and i + 1 < len(ctx.words) and ctx.words[i + 1].isalpha() and \
            ctx.words[i + 1] not in conv.of_heads and ctx.tokens[i + 1][0][:1].islower() and \
            not any(s.first == i + 1 for s in ctx.targets):
        return True  # "committed to work closely together to deter Russian aggression"
    if i > end + 1 and len(w) > 4 and w.endswith("ed") and ctx.words[i + 1:i + 2] in (["by"], ["in"]) and \
            not any(s.first <= i < s.last for s in ctx.targets):
        return True  # "civilians affected by Russia's war", "the commitment made in the Joint Statement"
    if i >= end and len(w) > 4 and w.endswith("ing") and w not in conv.adjectival_participles and \
            not (i == end and w in conv.transparent_gerunds and ctx.words[i - 1] == "to") and \
            ctx.words[i - 1] not in ("the", "a", "an", "this", "its", "our", "their", "his", "her", "'s", "s") and \
            not any(s.first <= i < s.last for s in ctx.targets):
        return True
    return False


def _target_after(end: int, ctx: Context, window: int = 12, carry: dict | None = None,
                  locative: bool = False) -> Span | None:
    """The first target after the cue, within its object. ``locative`` (an oppose cue): a state after
    a locative preposition is where the object happened, not what is opposed."""
    conv = load_codebook().conv
    for i in range(end, min(len(ctx.words), end + window)):
        if ctx.words[i] in TARGET_STOPS or (ctx.words[i] == "," and i + 1 < len(ctx.words)
                                             and ctx.words[i + 1] in ("which", "who", "while", "but")):
            return None
        if i == ctx.fronted and end <= ctx.fronted:
            return None  # "In support of the AU's commitment to ..., the U.S. plan ...": the fronted phrase ends
        if _object_break(i, end, ctx):
            return None
        if i > end and ctx.words[i] in OBJECT_PREPOSITIONS and ctx.words[i - 1].isalpha() and \
                not any(s.first <= i - 1 < s.last for s in ctx.targets):
            return None  # R14: "condemn the attacks on X", "support investigations into X": X is not the object
        if locative and i > end and ctx.words[i] in conv.locative_prepositions and ctx.words[i - 1].isalpha() and \
                ctx.words[i - 1] not in conv.of_heads and not any(s.first <= i - 1 < s.last for s in ctx.targets):
            return None  # "condemned the mass shootings in the United States": the event's place, not the object
        if ctx.words[i] in ("them", "it") and i < end + 4 and not _expletive(i, ctx) and \
                not any(s.first <= i < s.last for s in ctx.targets):
            span = _target_before(end, ctx, triggers_only=True, nearest=True)
            if span is None and carry and ctx.words[i] == "it" and \
                    [t for t in carry.get("last_targets", []) if t in PRONOUN_TARGETS]:
                return Span(i, i + 1, [t for t in carry["last_targets"] if t in PRONOUN_TARGETS][-1])
            return span
        span = next((s for s in ctx.targets if s.first == i), None)
        if span is not None:
            q = _qualified(span, ctx)
            return q if q.target else None
    return None


_CLAUSE_AFTER_STOPS = TARGET_STOPS - {"since"}  # where ``_targets_after`` stops (once, not per token)


def _targets_after(end: int, ctx: Context, window: int = 14, infinitive: bool = True) -> set[str]:
    """Every target named in the clause after ``end`` (for acts with a fixed target)."""
    out = set()
    if not ctx.targets:
        return out  # the sentence names no target at all
    for i in range(end, min(len(ctx.words), end + window)):
        if ctx.words[i] in (";",) or ctx.words[i] in _CLAUSE_AFTER_STOPS or \
                (infinitive and _object_break(i, end, ctx, strict=False)):
            break
        for s in ctx.targets:
            if s.first == i:
                out.add(_qualified(s, ctx).target)
    return out


def _clause_start(pos: int, ctx: Context) -> int:
    for i in range(pos - 1, -1, -1):
        if ctx.words[i] in CLAUSE_BREAKS or (ctx.words[i] in ("and", "but") and i > 0 and ctx.words[i - 1] == ","):
            return i + 1
    return ctx.fronted + 1 if ctx.fronted >= 0 and ctx.fronted < pos else 0


def _of_complement(span: Span, ctx: Context) -> bool:
    """A trigger span inside the "of" phrase of another head noun ("coverage of the sanctions",
    "supporters of the new sanctions", "critics of Russia's war"): that noun, not the span, is what
    the phrase names, unless it is one of ``of_heads`` (a part, quantity or side of its complement:
    "the package of sanctions", "all of the sanctions", "the people of Ukraine") or a target itself
    ("the annexation of Crimea"). English noun-phrase structure, the rule ``_object_break`` keeps for a
    verb's object; between "of" and the span stand only determiners, a possessor ("Russia's") and at
    most two modifiers."""
    conv = load_codebook().conv
    words, k, modifiers = ctx.words, span.first - 1, 0
    while k >= 1 and words[k] != "of":
        if words[k] == "s" and words[k - 1] in ("'", "’"):  # "Russia's war": before its possessor
            owner = next((m for m in ctx.mentions if m.last_token == k - 1), None)
            if owner is None:
                return False
            k = owner.first_token - 1
            continue
        if words[k] in conv.determiners:
            k -= 1
            continue
        if not (words[k].isalpha() and ctx.tokens[k][0][:1].islower()) or modifiers == 2:
            return False
        modifiers += 1
        k -= 1
    if k < 1 or words[k] != "of":
        return False
    head = words[k - 1]
    return head.isalpha() and ctx.tokens[k - 1][0][:1].islower() and head not in conv.of_heads \
        and not any(s.last == k and not s.actor for s in ctx.targets)


def _target_before(pos: int, ctx: Context, triggers_only: bool = False, nearest: bool = False,
                   window: int = 20) -> Span | None:
    """The target of the clause before ``pos``: its first (or nearest) target span; trigger
    phrases before actors, no trigger inside another head noun's "of" phrase ("coverage of the
    sanctions was biased": the coverage is judged, ``_of_complement``), and no actor governed by a
    preposition ("sanctions against Russia")."""
    start = max(0 if nearest else _clause_start(pos, ctx), pos - window)
    if ctx.fronted >= 0 and ctx.fronted < pos:
        start = max(start, ctx.fronted + 1)
    spans = [s for s in ctx.targets if start <= s.first and s.last <= pos and not (triggers_only and s.actor)
             and (s.actor or not _of_complement(s, ctx))]
    if not spans:
        return None
    trig = [s for s in spans if not s.actor]
    if trig:
        return _qualified(trig[-1] if nearest else trig[0], ctx)
    free = [s for s in spans if s.first == 0 or ctx.words[s.first - 1] not in
            ("against", "on", "in", "to", "from", "with", "of", "by", "for", "at", "toward", "towards")]
    if not free:
        return None
    return _qualified(free[-1] if nearest else free[0], ctx)


def _which_antecedent(first: int, ctx: Context) -> Span | None:
    """In "sanctions, which he called illegal" (or "the annexation of four regions, which ..."),
    the target before ", which"."""
    for i in range(first - 1, max(-1, first - 6), -1):
        if ctx.words[i] in ("which", "that") and i > 0:
            j = i - 1 if ctx.words[i - 1] == "," else i
            before = [s for s in ctx.targets if j - 6 <= s.first and s.last <= j and not s.actor
                      and not _of_complement(s, ctx)]  # "the coverage of sanctions, which": the coverage
            return before[-1] if before else None
    return None


def _reporters(pos: int, ctx: Context, dic: Dictionary, near: int = 0, nearest: bool = False) -> list[Mention]:
    """Who asserts the clause at ``pos``: a quote's speaker, or the subjects of saying/belief verbs
    before it (with ``near``, only a verb at most that many tokens before, with no clause break
    between: "Blinken said the United States ...", "Lavrov told reporters in Moscow that ...")."""
    if pos in ctx.quoted:
        return [ctx.quoted[pos]] if ctx.quoted[pos] else []
    verbs = load_cues().verbs | load_codebook().conv.belief_verbs | load_codebook().conv.light_verbs - {"is", "are"}
    cands = _candidates(pos, ctx)
    out: list[Mention] = []
    # a word inside a name is no verb: "States" in "the United States" (a list "Japan, India, and the
    # United States plays ..." made India the subject of "States")
    named = {i for m in ctx.mentions if m.via != "pronoun" for i in range(m.first_token, m.last_token)}
    for i in range(pos - 1, -1 if not near else max(-1, pos - near - 1), -1):
        if near and ctx.words[i] in (",", ";", "“", "”", '"', "—"):
            break
        if i in named:
            continue
        if ctx.words[i] in verbs and not grammar.is_passive(i, ctx.words, load_codebook().conv.passive_aux):
            subj = grammar.subject_of(i, ctx.tokens, cands, dic)
            if subj is not None and subj not in out:
                out.append(subj)
                if nearest:
                    break
    return out


def _as_reporter(ctx: Context) -> tuple[Mention, int] | None:
    """A fronted "As X said," / "As the President announced," / "As Secretary Blinken has made clear,":
    the reporter X and the index of the comma closing the parenthetical (news and official usage)."""
    w = ctx.words
    if not w or w[0] != "as" or "," not in w[:12]:
        return None
    comma = w.index(",")
    conv = load_codebook().conv
    verbs = load_cues().verbs | conv.fronted_reporting_verbs
    outer = [m for m in grammar.outer_mentions(ctx.mentions) if 0 < m.first_token < comma]
    if not outer:
        return None
    m = outer[0]
    titles = _title_words_lower()
    if any(x != "the" and x not in titles for x in w[1:m.first_token]):
        return None  # "As X", "As the X", "As Secretary of State X" only
    rest = w[m.last_token:comma]
    k = 0
    while k < len(rest) and rest[k] in conv.fronted_reporting_fillers:
        k += 1
    if k >= len(rest) or rest[k] not in verbs:
        return None
    k += 1
    if rest[k:k + 1] == ["clear"] and rest[k - 1] == "made":
        k += 1
    # nothing after the verb, or an adjunct ("on Monday", "in Brussels", "last week"): an object
    # after it ("As Russia announced its mobilization, ...") makes a time clause, no attribution
    if k < len(rest) and rest[k] not in conv.fronted_reporting_adjuncts:
        return None
    return m, comma


@functools.lru_cache(maxsize=1)
def _title_words_lower() -> frozenset[str]:
    """The dictionary's title words, lower-cased, with "of" ("Secretary of State")."""
    return frozenset(t.lower() for t in load_dictionary().title_words if t.isalpha()) | {"of"}


def _anonymous_belief(holder_first: int, ctx: Context, dic: Dictionary) -> bool:
    """A belief or prediction verb before the holder whose subject is no actor ("Analysts believe X will")."""
    conv = load_codebook().conv
    cands = _candidates(holder_first, ctx)
    for i in range(holder_first - 1, -1, -1):
        if ctx.words[i] in conv.belief_verbs:
            if grammar.subject_of(i, ctx.tokens, cands, dic) is None:
                return True
    return False


def _trailing_reporter(last: int, ctx: Context) -> Mention | None:
    """", Foreign Minister Dmytro Kuleba said" / ", said X" after the clause."""
    conv = load_codebook().conv
    outer = grammar.outer_mentions(ctx.mentions)
    for i in range(last, len(ctx.words)):
        if ctx.words[i] in TARGET_STOPS or ctx.words[i] in (";", "that", "which", "who"):
            return None
        if ctx.words[i] in conv.trailing_reporting and ctx.words[i - 1] != "has":
            before = [m for m in outer if m.last_token == i and m.first_token > last]
            if before:
                return before[0]
            after = [m for m in outer if m.first_token == i + 1]
            if after and ctx.words[i - 1] == ",":
                return after[0]
            return None
    return None


def _state_of(a: Actor) -> str:
    if a.kind == "state":
        return a.actor_id
    if a.kind == "place":
        return a.stands_for or a.country_iso3
    return a.country_iso3


def _spokes(m: Mention, ctx: Context) -> bool:
    """An unknown name introduced by an official role ("foreign ministry spokesman Aibek Smadiyarov")."""
    conv = load_codebook().conv
    lead = ctx.words[max(0, m.first_token - 4):m.first_token]
    return any(_match(lead, i, p) for p in conv.spokes_roles for i in range(len(lead)))


def _same_side(reporter: Mention, holder: Mention, ctx: Context) -> bool:
    """A reporter speaks for a holder of its own state ("Blinken said ... the United States supports")."""
    r, h = reporter.actor, holder.actor
    if r.actor_id == h.actor_id or r.kind == AUTHOR or h.kind == AUTHOR and r.kind == AUTHOR:
        return True
    r_state, h_state = _state_of(r), _state_of(h)
    if h.kind == AUTHOR:
        return bool(r_state) and r_state in ctx.info.author_states
    if not r_state and r.kind == "person" and _spokes(reporter, ctx):
        return True
    return bool(r_state) and r_state == h_state


def _negated(first: int, ctx: Context, holder_first: int | None) -> bool:
    conv = load_codebook().conv
    neg = conv.negators
    window = ctx.words[max(0, first - 3):first]
    if any(w in neg for w in window):
        return True
    to = first - 1
    if to >= 2 and ctx.words[to].endswith("ly") and ctx.words[to - 1] == "to":
        to -= 1  # a split infinitive: "has yet to publicly criticise", "failed to openly condemn"
    if to >= 1 and ctx.words[to] == "to" and ctx.words[to - 1] in conv.negators_before_to:
        return True  # "Russia's refusal to support", "failed to condemn"
    if holder_first is not None:
        for i in range(max(0, holder_first - 3), holder_first):
            if ctx.words[i] in ("none", "no", "neither") and (i == 0 or ctx.words[i - 1] not in
                                                               ("voted", "voting", "vote", "votes", "said", "says")):
                return True  # "None of the five ...", "Neither X nor Y", not "which voted no, X ..."
        if "nor" in ctx.words[holder_first:first]:
            return True
    return False


def _prevented(first: int, ctx: Context) -> bool:
    """A cue inside the complement of "prevent/stop/block/deter/keep X from ...": what X is kept from
    doing is no one's position ("preventing Putin from accessing his war chest to ... support his invasion";
    ``blocking_verbs``)."""
    w = ctx.words
    blocking = load_codebook().conv.blocking_verbs
    for i in range(first - 1, -1, -1):
        if w[i] in (";", ".", "but", "while", "whereas"):
            return False
        if w[i] in blocking and "from" in w[i + 1:first]:
            k = i + 2 if w[i + 1:i + 2] == ["the"] else i + 1
            return any(m.first_token == k and m.via != "demonym" and m.actor.kind in ("state", "person")
                       for m in ctx.mentions)  # "prevent Putin from ...", not "stop Western goods from ..."
    return False


def _hedged(first: int, ctx: Context) -> bool:
    conv = load_codebook().conv
    firsts = conv.hedge_firsts
    for i in range(max(0, first - 5), first):
        if ctx.words[i] in firsts:
            for p in conv.hedges:
                if i + len(p) <= first and _match(ctx.words, i, p):
                    return True
    return False


def _conditional(first: int, ctx: Context) -> bool:
    conv = load_codebook().conv
    words = ctx.words
    if conv.conditionals.isdisjoint(words):
        return False
    for i in range(first - 1, -1, -1):
        if words[i] == ",":
            break
        if words[i] in conv.conditionals:
            return True
    return "would" in words[max(0, first - 4):first] and any(w in conv.conditionals for w in words[first:])


def _expand(actor: Actor, info: DocInfo, conv: Conventions, dic: Dictionary) -> list[str]:
    """The actor ids a holder stands for: the author(s) of a first-person text, the state a capital
    stands for, a closed group's members (an open group is no actor), a person and, when they act
    in office, their state (R2) and organisation."""
    if actor.kind == AUTHOR:
        out: list[str] = []
        for a in info.authors:
            out.extend(x for x in _expand(a, info, conv, dic) if x not in out)
        return out
    if actor.kind == "place":
        return [actor.stands_for] if actor.stands_for else []
    if actor.kind == "pair":  # "both countries": the pair of states named last
        return list(actor.members)
    if actor.kind == "participants":
        out = []
        for a in info.participants:
            out.extend(x for x in _expand(a, info, conv, dic) if x not in out)
        return out
    if actor.kind == "group":
        members = list(actor.members) if actor.actor_id in conv.closed_groups else []
        return members + ([actor.actor_id] if actor.actor_id in conv.group_actors else [])
    if actor.kind == "person":
        out = [actor.actor_id]
        role = (actor.role or "").lower()
        if actor.country_iso3 and role and role != "found in text" and (
                not any(w in role for w in conv.non_state_roles) or any(o in role for o in conv.state_offices)):
            out.append(actor.country_iso3)
        elif actor.actor_id in info.person_states:
            out.append(info.person_states[actor.actor_id])
        for org in conv.office_organisations:
            if re.search(r"\b" + re.escape(org.lower()) + r"\b", role):
                out.append(org)
        return out
    return [actor.actor_id]


def stances_in(ctx: Context, book: Codebook, dic: Dictionary, carry: dict, cues: list | None = None) -> list[dict]:
    """Stance rows (without doc_id) for one sentence."""
    conv = book.conv
    cues, ctx.targets = resolve_overlaps(find_cues(ctx.words, book) if cues is None else cues, ctx.targets)
    rows: list[dict] = []
    if "?" in ctx.text and ctx.text.rstrip().rstrip("”\"’'").endswith("?"):
        return rows  # R9: a question is no position
    exceptions = _exceptions(ctx.tokens, ctx.words, ctx.mentions)
    exception_ids = {x for m in exceptions for x in _expand(m.actor, ctx.info, conv, dic)}
    votable = next((s.target for s in ctx.targets if s.target == "UN_RESOLUTION" and not s.actor), None)
    if votable is None and _assembly_in_view(ctx, book):
        votable = "UN_RESOLUTION"
    if votable:
        carry["vote"], carry["vote_age"] = votable, 0
    vote_target = votable or (carry.get("vote", "") if carry.get("vote_age", 9) <= 2 else "")
    if vote_target and not in_view(book.targets[vote_target], ctx.sent_actors, ctx.doc_actors, ctx.words):
        vote_target = ""

    def emit(actor: Actor, target: str, label: str, cue_text: str, score: float, basis: str,
             exclude: set[str] = frozenset()) -> None:
        t = book.targets.get(target)
        if t is None or label not in SIGN or label == "none":
            return
        if label == "neutral" and t.neutral_means:
            target = t.neutral_means
        ids = _expand(actor, ctx.info, conv, dic)
        authors = ctx.info.author_persons if ctx.info.author_persons and not _reported_voice(first, ctx, conv) else ()
        for p in authors:  # the author speaks for the state (in the author's own voice)
            a = dic.actors.get(p)
            state = a.country_iso3 if a is not None else next(
                (x.country_iso3 for x in ctx.info.authors if x.actor_id == p), "")
            if state and state in ids and p not in ids and actor.kind != "person":
                ids.append(p)
        for actor_id in ids:
            if actor_id in exclude or actor_id in t.actors:
                continue
            a = dic.actors.get(actor_id) or next((x for x in ctx.info.authors if x.actor_id == actor_id), None)
            if a is not None and a.kind == "person" and a.country_iso3 and a.country_iso3 in t.actors:
                continue  # a state's own officials toward the state itself
            if ctx.info.publisher and ctx.info.publisher in t.actors and \
                    not _foreign_holder(actor if actor.actor_id == actor_id else a, actor_id, ctx.info, t.actors):
                continue  # the government's own press office quoting praise of it: domestic, a self-target
            rows.append({"sent_id": ctx.sent_id, "actor_id": actor_id, "target": target, "label": label,
                         "basis": basis, "cue": cue_text, "score": round(SIGN[label] * score, 3),
                         "evidence": ctx.text})

    fronted = _as_reporter(ctx)  # "As X said, ...": the sentence's, read once for all its cues
    for first, last, cue in cues:
        if cue.kind == "stop" or cue.label == "none":
            continue
        if _cue_in_name(first, last, ctx):
            continue  # "the Build Back Better Act", "Welcome.US", "Managing Partner": a name, no cue
        if cue.kind in ("verb", "act") and ctx.words[last:last + 1] == ["-"]:
            continue  # "sanction-related export restrictions": the first part of a hyphened modifier, no verb
        if _conditional(first, ctx) or _hedged(first, ctx) or _prevented(first, ctx):
            continue
        if cue.kind.startswith("agent") and _unrealised_war(first, last, ctx, conv):
            continue  # before the invasion: "deter further Russian aggression" has not happened
        objrel = _object_relative(first, cue, ctx, conv) if cue.kind == "act" else []
        if cue.requires and not objrel:
            window = range(last, _requires_end(last, ctx.words))
            firsts = {p[0] for p in cue.requires}
            if not any(ctx.words[i] in firsts and any(_match(ctx.words, i, p) for p in cue.requires)
                       for i in window):
                continue
        cue_text = ctx.text[ctx.tokens[first][1]:ctx.tokens[last - 1][2]]
        holders: list[Mention] = []
        target_id = ""
        relative = False
        passive = cue.kind in ("verb", "act", "vote") and (
            grammar.is_passive(first, ctx.words, conv.passive_aux) or
            (ctx.words[first].endswith("ed") and any(s.last == first and not s.actor for s in ctx.targets)) or
            (ctx.words[first].endswith("ed") and ctx.words[last:last + 1] == ["by"]))
        if cue.kind in ("verb", "act") and not passive and _no_actor_relative(first, ctx, conv):
            continue  # R1/R14: "the oligarchs that support X", "actors materially supporting X"
        if cue.kind in ("verb", "act") and not passive and _praised_act(first, ctx, conv):
            continue  # "commend neighbouring states for ... welcoming refugees": the praised party's act
        if _denied_claim(first, ctx, conv):
            continue  # "rejected claims that it supports Russia": a position the subject denies
        if _withheld(first, ctx, conv):
            continue  # "starve Putin of resources, support and excuses for war": support taken away
        if cue.kind == "verb" and len(cue.tokens) == 1 and first > 0 and ctx.words[first - 1] in conv.determiners and \
                ctx.words[first - 1] not in ("that", "those"):
            continue  # "the support it needs", "their backing": a noun, held only as a noun cue
        if cue.tokens[-1] == "to" and cue.kind in ("noun", "verb") and _action_object(last, ctx, conv):
            continue  # R14: "committed to strip Russia of ...": the object is an action
        if cue.target and cue.kind != "act":
            fixed = book.targets.get(cue.target)
            scope = ctx.sent_actors | carry.get("prev_actors", set()) \
                if cue.label == "neutral" and len(cue.tokens) >= 3 else ctx.sent_actors
            if fixed is None or not in_view(fixed, scope, ctx.doc_actors, ctx.words):
                continue  # a declared neutrality may answer the war named in the sentence before (S038)
            target_id = cue.target
        # An act's target and a vote's do not depend on the holders: where there is none, the cue
        # gives no row, and its holders are not looked for (most act cues: "provide", "announced").
        if cue.kind == "act":
            if not _act_target_named(last, cue, ctx, carry) and not (objrel and cue.target == "SANCTIONS") and \
                    not (cue.target == "SANCTIONS" and passive and _passive_sanctions_head(first, last, ctx, conv)):
                continue
            if _recipient_elsewhere(last, cue, ctx):
                continue
            target_id = cue.target
        if cue.kind == "vote" and not target_id and not vote_target:
            continue
        if cue.kind == "vote" and first > 0 and ctx.words[first - 1][:1].isdigit():
            continue  # "with 32 abstentions", "141 votes in favour": a tally of the vote, no one's act
        if cue.kind == "relation":
            holders, target_id = _relation(first, last, ctx, dic, book)
        elif cue.kind == "evaluative":
            if cue.target:
                if cue.target not in _targets_after(last, ctx, 4) and not any(
                        s.target == cue.target and s.last == first for s in ctx.targets) and cue_text.lower() not in (
                        "war of choice",) and not (cue.tokens[-1] in ("atrocities",) and "russian" in ctx.words):
                    continue
            elif _attributive(first, last, cue, ctx, conv):
                # R14: "its illegal war", "illegitimate authority": the adjective judges its own noun
                head = _attributive_head(last, ctx, conv)
                span = next((s for s in ctx.targets if s.first <= head < s.last and not s.actor), None)
                if span is None and ctx.words[head] in conv.of_heads and ctx.words[head + 1:head + 2] in (["of"], ["at"]):
                    at = head + 3 if ctx.words[head + 2:head + 3] and ctx.words[head + 2] in conv.determiners else head + 2
                    span = next((s for s in ctx.targets if s.first == at and not s.actor), None)  # "phony claims of annexation"
                if span is None:
                    continue
                target_id = _qualified(span, ctx).target
            elif cue.tokens[-1] in conv.owned_role_nouns and ctx.words[last:last + 1] == ["of"]:
                # "underlined the key role of the Hashemite Custodianship": the role is the of-phrase's
                # owner's (English "the role of X" = X's role), not the subject's who stresses it
                at = last + 2 if ctx.words[last + 1:last + 2] and ctx.words[last + 1] in conv.determiners else last + 1
                span = next((s for s in ctx.targets if s.first == at), None)
                if span is None or not _qualified(span, ctx).target:
                    continue
                target_id = _qualified(span, ctx).target
            else:
                span = _which_antecedent(first, ctx) or _target_before(first, ctx)
                if span is None and first in ctx.quoted:
                    # a quoted judgement woven into the sentence ('called the resolution "useless"', 'a
                    # "sham" vote'): its object stands before the opening mark, in the same clause
                    m = first - 1
                    while m > 0 and ctx.words[m] in ("a", "an", "the"):
                        m -= 1
                    if m > 0 and ctx.words[m] in _QUOTE_MARKS and ctx.words[m - 1] not in (",", ":", "."):
                        span = _target_before(m, ctx)
                if span is not None and span.actor and span.last < first - 5:
                    span = None  # an actor judged is the subject right before ("Washington can play a role")
                if span is not None and span.actor and span.first in grammar.parenthetical(ctx.tokens, first):
                    span = None  # "the Quad—the grouping of A, B and the United States—plays a role": the aside's head is judged
                # "X's threat to Ukraine", "poses a threat to Ukraine": what follows is the threatened, not the judged
                after = set() if {"threat", "threats"} & set(cue.tokens) else _targets_after(last, ctx, 4)
                if span is None and after:
                    target_id = sorted(after)[0] if len(after) == 1 else ""
                elif span is not None:
                    target_id = span.target
            holders = _reporters(first, ctx, dic, nearest=True)
            if not holders and first not in ctx.quoted and ctx.info.authors:
                holders = [_author_mention(ctx)]
        elif cue.kind == "agent_noun":  # "Russia’s invasion", "the Russian invasion"; not "the Ukraine war"
            j = first
            adjectives = _agent_adjectives(book)
            # "Russia's unprovoked and unjustified invasion", "Russia's brutal, unprovoked war": a run of
            # coordinated premodifiers modifies the one head noun (R12, R14)
            while j > 0 and (ctx.words[j - 1] in adjectives or ctx.words[j - 1] in ("and", ",") and j > 1
                             and ctx.words[j - 2] in adjectives and ctx.words[j - 2] not in _QUOTE_MARKS):
                if ctx.words[j - 1] == "'" and not (j >= 3 and ctx.words[j - 2] == "s" and ctx.words[j - 3] == "'"):
                    break  # the possessive's own apostrophe
                j -= 1
            possessive = j >= 2 and ctx.words[j - 1] == "s" and ctx.words[j - 2] == "'"
            k = j - 3 if possessive else j - 1
            holders = [m for m in grammar.outer_mentions(ctx.mentions)
                       if m.last_token == k + 1 and (possessive or m.via == "demonym")][:1]
            if not possessive and not holders:  # "the war launched by Russia" / "invasion by Russian forces"
                if ctx.words[last:last + 1] == ["by"] or ctx.words[last:last + 2] in (["launched", "by"],
                                                                                      ["waged", "by"]):
                    ag = grammar.by_agent(last, ctx.tokens, ctx.mentions, window=3)
                    holders = [ag] if ag is not None else []
        else:
            if passive:
                ag = grammar.by_agent(last, ctx.tokens, ctx.mentions)
                holders = grammar.coordinated(ag, ctx.tokens, ctx.mentions) if ag is not None else []
            else:
                if cue.kind in ("noun", "compound"):
                    cands = _candidates(first, ctx)
                    prev = [m for m in grammar.outer_mentions(cands) if first - 5 <= m.last_token <= first]
                    holders = [max(prev, key=lambda m: m.last_token)] if prev else []
                    if holders and holders[0].last_token < first - 2 and "'" not in \
                            ctx.words[holders[0].last_token:first]:
                        holders = []
                    if holders and any(w in ("and", "or", ",") for w in ctx.words[holders[0].last_token:first]):
                        # "The leaders met in Vilnius and expressed support for": the mention ends another
                        # predicate; the light verb's own subject holds the noun (R3: a place gives no row)
                        holders = []
                    if holders and holders[0].via != "pronoun" and \
                            not _POSSESSIVE_DETERMINERS.isdisjoint(ctx.words[holders[0].last_token:first]) and \
                            grammar.governor(holders[0], ctx.tokens, ctx.mentions, dic) in _PP_HEADS:
                        # "assistance to Ukraine and its support for sanctions": "its" refers past the object
                        # of a preposition to an owner the text names earlier; no holder can be told
                        continue
                    if holders and holders[0].via != "pronoun":  # "President X and President Biden
                        # reaffirmed their support": both (not "the challenges posed by China, and our support")
                        holders = grammar.coordinated(holders[0], ctx.tokens, cands)
                    elif holders and holders[0].actor.kind == AUTHOR:
                        # R11: "The leaders underscored our unwavering support": in a readout, the first person
                        # under the parties' own verb is their joint voice
                        parties = next((m for m in ctx.mentions if m.actor.kind == "participants"
                                        and m.last_token <= holders[0].first_token), None)
                        if parties is not None and not any(  # no person between: "..., and President Biden
                                parties.last_token <= m.first_token < holders[0].first_token  # underscored our"
                                and m.actor.kind == "person" for m in ctx.mentions if m is not holders[0]):
                            holders = [parties]
                    if not holders:  # "expressed their support for": the light verb's subject
                        j = first - 1
                        while j >= 0 and j > first - 5 and ctx.words[j] not in conv.light_verbs:
                            j -= 1
                        if j >= 0 and ctx.words[j] in conv.light_verbs:
                            holders = _holders(j, ctx, dic, "verb")
                        if not holders and "their" in ctx.words[max(0, first - 3):first]:
                            holders = _their_parties(first, ctx, conv)
                        if not holders:
                            continue
                if not holders and first >= 1 and ctx.words[first - 1] == "of":  # "accused X of waging"
                    obj = next((m for m in grammar.outer_mentions(ctx.mentions) if m.last_token == first - 1), None)
                    if obj is not None and not cue.kind.startswith("agent"):
                        # R12 codes the Russian agent of the war in any form; any other stance the accuser
                        # ascribes to X ("accused Belarus of backing the invasion") is the accuser's claim,
                        # not X's position, nor the accuser's (R10)
                        continue
                    if obj is not None:
                        holders = [obj]
                if not holders:
                    rel = grammar.relative_antecedent(first, ctx.tokens, ctx.mentions)
                    holders = [rel] if rel is not None else []
                    if rel is not None:
                        relative = True
                if not holders:
                    holders = _relative_holder(first, ctx) or _holders(first, ctx, dic, cue.kind)
                if not holders and cue.kind == "vote":
                    for i in range(last, min(len(ctx.words), last + 14)):
                        if ctx.words[i] in (";", ",") and ctx.words[i + 1:i + 2] != ["the"]:
                            break
                        if ctx.words[i] in conv.copulas:
                            holders = grammar.list_after(i + 1, ctx.tokens, ctx.mentions)
                            break
            if not holders and first in ctx.quoted and ctx.quoted[first] is not None and \
                    not _third_person_quoted(first, ctx, conv):
                holders = [ctx.quoted[first]]
            if not target_id:
                if cue.kind == "vote":
                    target_id = vote_target
                elif passive:
                    span = _which_antecedent(first - 2, ctx) or _target_before(first, ctx) or \
                        _passive_it(first, ctx, carry, conv)
                    if span is not None and not grammar.is_passive(first, ctx.words, conv.passive_aux) and \
                            not _ends_noun_before(span, _reduced_head_end(first, ctx), ctx):
                        span = None  # "the Centre funded and supported by Japan": the noun before is what is supported
                    target_id = span.target if span else ""
                else:
                    # the object ends where a coordinated verb cue begins ("stand with the international
                    # community and condemn Russia's actions": Russia is condemn's object, R14)
                    window = 2 if cue.kind == "compound" else 12
                    nxt = next((f for f, _, c in cues if last < f < last + window and c.kind in ("verb", "act")
                                and c.label != "none" and _coordinated_verb(f, ctx)), None)
                    if nxt is not None:
                        window = nxt - last
                    span = _relative_antecedent(holders, first, last, ctx, dic) or \
                        _target_after(last, ctx, window=window, carry=carry, locative=cue.label == "oppose")
                    if span is not None and cue.kind == "verb" and span.actor and span.first > last and \
                            _coordinated_predicate(last, span.first, ctx):
                        span = None  # "Hungary opposed the deal and angered Kyiv": Kyiv is the second verb's object
                    if span is not None and (cue.kind == "noun" or cue.tokens[-1] in ("to", "of", "for")) and \
                            span.actor and span.first > last and _predicate_between(last, span.first, ctx):
                        span = None  # "Hungary's opposition to the plan has frustrated Washington": the
                        # noun's object ends where the sentence's verb begins; Washington is the verb's object
                    if span is not None and span.actor and ctx.words[first] in conv.hosting_verbs and \
                            span.first <= last + 1 and ctx.words[span.last:span.last + 1] in (["to"], ["at"], ["back"]) and \
                            any(m.first_token == span.first and m.actor.kind == "person" for m in ctx.mentions):
                        span = None  # "welcomed President X to the summit": hosting a visitor (not "welcome Ukrainians to")
                    if span is not None and span.actor and ctx.words[first] in conv.hosting_verbs and \
                            span.first <= last + 1 and _hosted_person_after(span, ctx):
                        span = None  # "welcomed United States President X, Jr., to India": the state names X's office
                    if span is not None and span.actor and cue.kind == "noun" and ctx.words[last:last + 1] == ["of"] \
                            and span.first <= last + 2:
                        span = None  # "the commitment of the United States to ...": the noun's owner, not its object
                    if span is not None and cue.requires and not span.actor and \
                            any(ctx.words[i] in ("it", "them") for i in range(last, min(len(ctx.words), last + 3))):
                        span = None  # "hold it accountable": one holds an actor to account, never a measure
                    target_id = span.target if span else ""
        if objrel and target_id == cue.target:
            holders = objrel  # "the weapons the United States has provided to Ukraine": the clause's subject
        if target_id and not holders and exceptions and \
                any(w in ("no", "none") for w in ctx.words[max(0, first - 4):first]):
            for m in exceptions:  # "Other than A and B, no European country voted against": A and B did
                emit(m.actor, target_id, cue.label, cue_text, cue.score, cue.basis)
            continue
        if not target_id or not holders:
            continue
        if cue.kind.startswith("agent") or (cue.kind == "act" and cue.target == "RUSSIA_WAR"):
            if cue.kind.startswith("agent"):
                holders = [m for m in holders if _state_of(m.actor) in conv.war_agents]
            holders += [m for m in _war_objects(first, last, ctx) if m not in holders]
            if not holders:
                continue
        # token positions are this sentence's: a quote's speaker named elsewhere stands at the cue
        holder_first = min((m.first_token for m in holders if m.sent_id == ctx.sent_id), default=first)
        label = cue.label
        negated = _negated(first, ctx, holder_first)
        if negated and cue.if_negated:
            label, negated = cue.if_negated, False
        if not negated:
            if not cue.kind.startswith("agent") and _anonymous_belief(holder_first, ctx, dic):
                continue
            # a cue inside a partial quote whose holder stands outside it is still reported speech:
            # "Lavrov told reporters that Kazakhstan 'fully supports' ..." gives Kazakhstan nothing (R10)
            inside_quote = first in ctx.quoted and holder_first in ctx.quoted
            reporters = [r for r in _reporters(holder_first, ctx, dic, near=7) if r not in holders] \
                if cue.kind not in ("evaluative", "agent", "agent_noun") and not inside_quote else []
            # (R12: the text's own attribution of the war to Russia holds whoever reports it)
            if fronted is not None and not cue.kind.startswith("agent") and holder_first > fronted[1] \
                    and first > fronted[1] and fronted[0] not in holders and fronted[0] not in reporters:
                reporters.append(fronted[0])
            trailing = _trailing_reporter(last, ctx) if not cue.kind.startswith("agent") else None
            if trailing is not None and trailing not in holders:
                reporters.append(trailing)
            if reporters:
                kept = [h for h in holders if any(_same_side(r, h, ctx) for r in reporters)]
                if not kept:
                    continue  # R10: a position the speaker ascribes to someone else
                holders = kept + [r for r in reporters if any(_same_side(r, h, ctx) for h in kept)
                                  and r.actor.kind != AUTHOR]
            excluded = set() if relative else exception_ids
            for m in holders:
                own = excluded  # a group as company or modifier is no subject: not its members
                if m.actor.kind == "group" and _group_not_subject(m, first, cue.kind, ctx, conv):
                    own = excluded | (set(m.actor.members) - {x for h in holders if h is not m for x in
                                                              _expand(h.actor, ctx.info, conv, dic)})
                emit(m.actor, target_id, label, cue_text, cue.score, cue.basis, own)
                for add_target, add_label in cue.adds:
                    if _urged_act(first, ctx, conv):
                        break  # R5/R14: urging another to impose sanctions upholds them; the urger sanctions no one
                    if add_target in _targets_after(last, ctx) or add_target == "SANCTIONS" and target_id == "RUSSIA" \
                            or _actor_after(add_target, last, ctx, book):
                        emit(m.actor, add_target, add_label, cue_text, cue.score, "implicit", excluded)
            if exceptions and cue.exception:
                for m in exceptions:
                    emit(m.actor, target_id, cue.exception, cue_text, cue.score, cue.basis)
        elif exceptions and any(w in ("no", "none") for w in ctx.words[max(0, first - 4):first]):
            for m in exceptions:  # "Other than A and B, no European country voted against": A and B did
                emit(m.actor, target_id, cue.label, cue_text, cue.score, cue.basis)
    return rows


def _their_parties(cue_first: int, ctx: Context, conv: Conventions) -> list[Mention]:
    """R11: in a readout, "their" before a noun cue with no actor named since the clause's subject
    refers to that subject, the meeting's parties ("They exchanged views on European security,
    reaffirming their unwavering support for Ukraine", "In addition, the leaders exchanged views on a
    range of issues, including their continued support for Ukraine": the possessive states the
    parties' own position whatever the main verb). Only the readout subjects (``readout_subjects``) at
    the start of the sentence or after a fronted phrase, outside quotes, with no ";" in between."""
    if not ctx.info.participants:
        return []
    w = ctx.words
    k = cue_first - 1
    while k >= 0 and w[k] != "their":
        if not w[k].isalpha() or w[k] in conv.determiners:
            return []  # only modifiers between "their" and the cue ("their continued, unwavering support")
        k -= 1
    start = ctx.fronted + 1 if ctx.fronted >= 0 else 0
    if k <= start or start in ctx.quoted or ";" in w[start:k]:
        return []
    p = next((p for p in conv.readout_subjects if _match(w, start, p)), None)
    if p is None or any(start + len(p) <= m.first_token < k for m in ctx.mentions):
        return []
    return [Mention(ctx.sent_id, ctx.tokens[start][1], ctx.tokens[start + len(p) - 1][2], " ".join(p),
                    Actor("_PARTICIPANTS", "participants", "participants", ""), "pronoun", start, start + len(p))]


def _third_person_quoted(cue_first: int, ctx: Context, conv: Conventions) -> bool:
    """R10: inside a quotation, a clause whose subject is "he"/"she"/"they" (``reported_subjects``)
    states what the speaker says of someone else ("“He is committed to our allies, Ukraine and
    Israel,” said X" is the speaker's account of another person's position), so the speaker is not
    its holder; a first-person word before the cue keeps the speaker's own voice ("“They and we
    must support Ukraine”")."""
    i = cue_first
    floor = _clause_floor(cue_first, ctx.words, ctx.mentions)
    while i > floor and (i - 1) in ctx.quoted:
        i -= 1
    before = ctx.words[i:cue_first]
    return not conv.reported_subjects.isdisjoint(before) and conv.first_person.isdisjoint(before)


def _reported_voice(cue_first: int, ctx: Context, conv: Conventions) -> bool:
    """True when the clause before the cue reports another person's act rather than speaking in the
    author's voice: a person other than the text's authors, or "he"/"she"/"they", stands before the
    cue outside quotes, and the sentence has no first-person word ("He reaffirmed the United States'
    commitment to Ukraine", "The President and G7 Leaders reaffirmed ..." in a press secretary's
    statement). The state's row stands; the author, who only relays it, holds nothing (dev gold: the
    author of a title-signed text holds its "I"/"we" and its author-voice sentences only)."""
    words = ctx.words
    if any(w.lower() in conv.first_person for i, w in enumerate(words) if i not in ctx.quoted):
        return False
    authors = set(ctx.info.author_persons)
    if any(m.first_token < cue_first and m.actor.kind == "person" and m.actor.actor_id not in authors
           and m.first_token not in ctx.quoted for m in ctx.mentions):
        return True
    return any(words[i].lower() in conv.reported_subjects and i not in ctx.quoted for i in range(cue_first))


_CLAUSE_EDGES = frozenset({",", ";", ":", "—", "–", ".", "that", "which"})


def _group_not_subject(m: Mention, cue_first: int, kind: str, ctx: Context, conv: Conventions) -> bool:
    """A closed group stands for its members only as (part of) the cue's subject: not after one of
    the conventions' ``group_companions`` ("along with the G7", "including the G7", "the rest of
    the G7": the members are company, not holders) and not as a modifier of the cue's own noun
    ("this G7 commitment", "a G7 pledge of support": the group's act, not each member's)."""
    if kind in ("noun", "compound") and m.last_token == cue_first and m.via != "pronoun":
        return True
    j = m.first_token
    while j > 0 and ctx.words[j - 1] in ("the", "our", "other", "fellow", "its", "their"):
        j -= 1
    return any(j >= len(p) and tuple(ctx.words[j - len(p):j]) == p for p in conv.group_companions)


def _unrealised_war(first: int, last: int, ctx: Context, conv: Conventions) -> bool:
    """In a text dated before the war began (``war_start``), a war cue that names an event that has
    not happened: one of the ``unrealised_markers`` in the few words before it ("to deter any further
    Russian aggression", "in the event of a Russian invasion", "the potential for further aggression"),
    or one of the ``unrealised_modals`` in its clause ("a further invasion would produce")."""
    if not conv.war_start or not ctx.info.date or ctx.info.date >= conv.war_start:
        return False
    words = ctx.words
    start = first
    while start > 0 and first - start < 8 and words[start - 1] not in _CLAUSE_EDGES:
        start -= 1
    firsts = _firsts(conv.unrealised_markers)
    for i in range(start, first):
        if words[i] in firsts and any(i + len(p) <= first and _match(words, i, p) for p in conv.unrealised_markers):
            return True
    end = last
    while end < len(words) and end - last < 10 and words[end] not in _CLAUSE_EDGES:
        end += 1
    return not conv.unrealised_modals.isdisjoint(words[start:end])


def _foreign_holder(a: Actor | None, actor_id: str, info: DocInfo, home: frozenset[str]) -> bool:
    """A holder known to stand outside the state ``home`` names: another state (or its capital), a
    person whose country is known and another, or an international body (a dictionary organisation
    or group with no country, or another country's). In a text the state's own government publishes,
    a person the text does not place ("NAMI applauds President Biden", a senator's endorsement) is
    taken as domestic: the dev gold's self-target convention (USA toward USA is not coded)."""
    if a is None:
        return False
    if a.kind == "state":
        return actor_id not in home
    if a.kind == "place":
        return bool(a.stands_for) and a.stands_for not in home
    if a.kind == "person":
        country = a.country_iso3 or info.person_states.get(actor_id, "")
        return bool(country) and country not in home
    if a.kind in ("organization", "group"):
        return a.role != "found in text" and a.country_iso3 not in home
    return False


_GROUP_TAIL = frozenset({"countries", "nations", "states", "governments", "allies", "partners", "members", "others"})


def _object_relative(first: int, cue: Cue, ctx: Context, conv: Conventions) -> list[Mention]:
    """A reduced object relative clause ("the weapons the United States has provided to Ukraine", "the
    sanctions the United States and over 30 countries have imposed on Russia"): the act's object is
    the head noun before the clause (one of the cue's required nouns, or a trigger of its fixed
    target), and the clause's subject holds the act. Only auxiliaries and adverbs may stand between
    the subject and the cue, and an unnamed group may be coordinated with it ("and its Allies and
    partners"), which gives no row (English relative clauses without "that")."""
    words = ctx.words
    j = first - 1
    while j >= 0 and (words[j] in conv.relative_skip or words[j].endswith("ly") and words[j].isalpha() or
                      words[j] == "'" and words[j + 1:j + 2] == ["ve"]):  # "the costs we've imposed"
        j -= 1
    if j < 1:
        return []
    ends = {m.last_token: m for m in grammar.outer_mentions(ctx.mentions) if m.via not in ("demonym",)}
    if j + 1 not in ends and words[j] in _GROUP_TAIL:  # "... and over 30 countries have imposed"
        k = next((k for k in range(j - 1, max(0, j - 7), -1) if words[k] == "and" and k in ends), None)
        if k is None or any(w in (",", ";", "that", "which", "who") for w in words[k:j]):
            return []
        j = k - 1
    subj = ends.get(j + 1)
    if subj is None or subj.actor.kind not in ("state", "person", "organization", "group", AUTHOR) or \
            subj.first_token in ctx.quoted:
        return []  # (AUTHOR: the first person of a signed text, "the sanctions we have imposed on Russia")
    group = grammar.coordinated(subj, ctx.tokens, ctx.mentions)
    h = group[0].first_token - 1
    if h >= 0 and words[h] == "the":
        h -= 1
    if h < 0 or h in ctx.quoted:
        return []
    if cue.target == "SANCTIONS" and ("RUSSIA" not in _targets_after(first + len(cue.tokens), ctx) or
                                      subj.actor.actor_id in conv.war_agents):
        return []  # Western sanctions on Russia: "the sanctions Russia imposed on the United States" are not
    if words[first].endswith("ing") and not any(w in conv.relative_skip for w in words[subj.last_token:first]):
        return []  # "support the IMF delivering a program": a participle, no finite relative clause
    if h > 0 and words[h - 1] in ("i", "we", "you", "they", "he", "she", "it", "to", "will", "would", "can", "must"):
        return []  # "We support the IMF ...": the "head" is a verb
    if cue.requires:
        head = any(p[-1] == words[h] for p in cue.requires)
    else:
        head = any(sp.last == h + 1 and sp.target == cue.target and not sp.actor for sp in ctx.targets)
    return group if head else []


def _requires_end(last: int, words: list[str], width: int = 8) -> int:
    """End of the window after a cue in which its required words must stand: ``width`` words, not
    counting the pieces of a written amount ("more than $6.3 billion in security assistance": "$",
    "6", ".", "3" are one figure, as the tokenizer splits it; official and news usage of aid figures).
    The currency signs are the codebook's ``amount_marks``."""
    n = len(words)
    if not any(w[:1].isdigit() for w in words[last:last + width]):
        return min(n, last + width)  # no figure after the cue (most cues)
    i, counted, marks = last, 0, load_codebook().conv.amount_marks
    while i < n and counted < width:
        w = words[i]
        if not (w[:1].isdigit() or w in marks or w in (".", ",") and 0 < i < n - 1 and
                words[i - 1][:1].isdigit() and words[i + 1][:1].isdigit()):
            counted += 1
        i += 1
    return i


def _act_target_named(last: int, cue: Cue, ctx: Context, carry: dict) -> bool:
    """An act cue holds its fixed target only where the clause after it names that target (the
    act's own complement, "allowed X to launch ...", may be an infinitive), or where an "it" or
    "them" right after it stands for that target named just before."""
    after = _targets_after(last, ctx, infinitive=not cue.requires)
    if cue.target in after:
        return True
    if cue.target == "SANCTIONS" and cue.requires and "RUSSIA" in after:
        return True  # an economic restriction whose object names Russia ("prohibit the import of goods from Russia")
    if cue.requires and cue.target in load_codebook().targets and load_codebook().targets[cue.target].actors:
        # a long aid object ("authorizing an additional $800 million in weapons, ammunition, and other
        # security assistance to Ukraine"): the recipient after "to" closes it, up to 24 tokens on
        actors = load_codebook().targets[cue.target].actors
        for m in ctx.mentions:
            if m.actor.actor_id in actors and last + 14 <= m.first_token < last + 24 and \
                    ctx.words[m.first_token - 1] == "to" and not any(
                        w in (";", ".", "that", "which", "who", "while", "but", "to") for w in
                        ctx.words[last:m.first_token - 1]) and \
                    any(p[0] in ctx.words[last:_requires_end(last, ctx.words)] for p in cue.requires):
                return True
    it = next((i for i in range(last, min(len(ctx.words), last + 4))
               if ctx.words[i] in ("it", "them") and not _expletive(i, ctx)), None)
    return it is not None and cue.target in carry.get("last_targets", [])


#: Auxiliaries that begin a predicate after a noun phrase ("X's criticism of the plan has angered ...").
_PREDICATE_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does"})


def _urged_act(first: int, ctx: Context, conv: Conventions) -> bool:
    """An act cue in the infinitive after an urging verb and its addressee ("Poland urged the EU to
    impose new sanctions on Russia", "called on Brussels to extend ..."): the urger's position is the
    act's target (R10, S020), not the act itself."""
    if first < 2 or ctx.words[first - 1] != "to":
        return False
    for k in range(first - 2, max(-1, first - 10), -1):
        w = ctx.words[k]
        if w in (".", ";", ":", ",", "and", "but", "which", "that", "who"):
            return False
        if w in ("ahead", "through", "forward") and k > 0 and ctx.words[k - 1] in conv.urging_verbs:
            return False  # "pressed ahead with plans to impose": going on with one's own act, no urging
        if w in conv.urging_verbs or (w == "on" and k > 0 and ctx.words[k - 1] in ("called", "calls", "calling", "call")):
            return k < first - 2  # an addressee stands between ("urged X to"), not "wants to impose"
    return False


def _coordinated_predicate(first: int, end: int, ctx: Context) -> bool:
    """A second verb coordinated after the cue's object ("opposed the deal and angered Kyiv", "criticised
    the plan and then visited Beijing"): "and" (with at most an adverb) before a lower-case -ed verb
    ends the cue's object; a cue verb there is handled as a coordinated cue already."""
    for k in range(first + 1, end):
        if ctx.words[k] != "and":
            continue
        j = k + 1
        if j < end and (ctx.words[j].endswith("ly") or ctx.words[j] in ("then", "also")):
            j += 1
        w = ctx.words[j] if j < end else ""
        if w.endswith("ed") and len(w) > 4 and ctx.tokens[j][0][:1].islower():
            return True
    return False


def _predicate_between(first: int, end: int, ctx: Context) -> bool:
    """A stance noun with its complement as a subject ("X's opposition to the plan", "X's criticism of
    the decision") ends where the sentence's verb begins: an auxiliary, or a lower-case -ed verb right
    after a content word ("the decision angered Beijing", not "the continued independence", "the
    long-delayed aid", "newly announced aid", "Russia's attempted annexation"). A state after that verb
    is its object, not the noun's (the caller asks only about actor targets: a trigger noun after an
    -ed word, "coordinated sanctions", is an adjective's head)."""
    fw = load_dictionary().function_words
    for k in range(first, end):
        w = ctx.words[k]
        if w in _PREDICATE_AUX:
            return True
        if k > first and w.endswith("ed") and len(w) > 4 and ctx.tokens[k][0][:1].islower():
            prev = ctx.words[k - 1]
            possessive = prev == "s" and ctx.words[k - 2] in ("'", "’")  # "Russia's attempted annexation"
            participle = k + 1 < end and ctx.words[k + 1] in _PP_HEADS  # "civilians affected by", "troops based in"
            if prev.isalpha() and prev not in fw and not prev.endswith("ly") and not possessive and not participle:
                return True
    return False


def _recipient_elsewhere(last: int, cue: Cue, ctx: Context) -> bool:
    """R13: sending arms or aid supports the state it goes to, the object of "to". Where the target
    state first follows "into" ("Russia sent tanks into Ukraine": an invasion, not a delivery), or
    another state is the recipient before it ("Belarus sent weapons to Russia for use in Ukraine",
    "Iran supplied drones to Moscow to strike Ukraine"), the act gives the target no row."""
    target = load_codebook().targets.get(cue.target)
    if target is None or not target.actors:
        return False
    named = sorted((m for m in ctx.mentions if m.first_token >= last and m.actor.actor_id in target.actors),
                   key=lambda m: m.first_token)
    if not named:
        return False
    end = named[0].first_token
    if ctx.words[end - 1] == "into":
        return True
    if ctx.words[end - 1] == "to":
        return False  # the target's own "to": "sent troops to Estonia and weapons to Ukraine"
    for m in ctx.mentions:
        if last <= m.first_token < end and m.actor.kind in ("state", "place") and \
                _state_of(m.actor) and _state_of(m.actor) not in target.actors:
            j = m.first_token - 1
            if j > last and ctx.words[j] in ("the",):
                j -= 1
            listed = all(w in (",", "and", "the") or any(o.first_token <= k < o.last_token for o in ctx.mentions)
                         for k, w in enumerate(ctx.words[m.last_token:end], m.last_token))
            if ctx.words[j] == "to" and not listed:  # "aid to Israel and Ukraine": both are recipients
                return True
    return False


def _passive_it(first: int, ctx: Context, carry: dict, conv: Conventions) -> Span | None:
    """R17 + R1: "It was opposed by Russia and Belarus" -- "it" opening the clause as the subject of a
    passive cue stands for the thing-target of this sentence or the one before (the resolution, the
    sanctions, the annexation, China's paper), as an object "it" does (``_target_after``); the by-agent
    holds. "they" is left alone: it as often stands for the states just named."""
    i = first - 1
    while i >= 0 and (ctx.words[i].endswith("ly") or ctx.words[i] in ("also", "already", "not", "never")):
        i -= 1
    if i < 0 or ctx.words[i] not in conv.passive_aux:
        return None
    while i > 0 and (ctx.words[i - 1] in conv.passive_aux or ctx.words[i - 1] in ("has", "had")):
        i -= 1  # "it has been condemned"
    i -= 1
    if i < 0 or ctx.words[i] != "it" or (i > 0 and ctx.words[i - 1] not in CLAUSE_OPENERS):
        return None
    here = [s.target for s in ctx.targets if s.last <= i and not s.actor and s.target in PRONOUN_TARGETS]
    if not here and (carry or {}).get("prev_subject") in ("state", "person", "place"):
        return None  # "Kazakhstan abstained on the resolution. It was praised by Moscow": the sentence
        # before has a state or person as its subject, a likelier antecedent of "it" than what it acted on
    things = here or [t for t in (carry or {}).get("last_targets", []) if t in PRONOUN_TARGETS]
    return Span(i, i + 1, things[-1]) if things else None


#: Words after which "it" opens a clause (its subject), not an object ("oppose it", "called it").
CLAUSE_OPENERS = frozenset({",", ";", ":", "—", "–", "-", "and", "but", "while", "whereas", "although", "though",
                            "because", "since", "as", "after", "when", "yet", "so"})


def _passive_sanctions_head(first: int, last: int, ctx: Context, conv: Conventions) -> bool:
    """A reduced passive relative on a sanctions noun with a by-agent: "the sanctions imposed by the EU",
    "the new sanctions actions announced by the President" (not Russia's counter-sanctions)."""
    heads = conv.sanctions_heads
    if not any(s.target == "SANCTIONS" and not s.actor and s.last <= first and
               all(w in heads for w in ctx.words[s.last:first]) and first - s.last <= 1 for s in ctx.targets):
        return False
    if ctx.words[last:last + 1] != ["by"]:
        return False
    ag = grammar.by_agent(last, ctx.tokens, ctx.mentions)
    return ag is not None and _state_of(ag.actor) not in conv.war_agents


def _praised_act(first: int, ctx: Context, conv: Conventions) -> bool:
    """An -ing cue after "for"/"in" following a verb of thanks or praise ("thanked Poland for its
    hospitality in hosting and assisting refugees", "commend X for ... welcoming") or of blame
    ("criticised Kazakhstan for sending aid"), or after "against" following a warning ("warned Astana
    against supporting the sanctions"): the act is the other party's, not the speaker's."""
    if not ctx.words[first].endswith("ing"):
        return False
    j = first - 1
    while j > 0 and (ctx.words[j] in ("and", ",") or ctx.words[j].endswith("ing")):
        j -= 1
    if j < 0 or ctx.words[j] not in ("for", "in", "by", "against"):
        return False
    if ctx.words[j] == "against":  # "warned Astana against supporting the sanctions": what X should not do
        return any(ctx.words[i] in conv.warning_verbs for i in range(max(0, j - 15), j))
    # "thanked X for ... hosting", "criticised Kazakhstan for sending aid": X's act, praised or blamed
    return any(ctx.words[i] in conv.gratitude_verbs or ctx.words[i] in conv.blame_verbs
               for i in range(max(0, j - 15), j))


def _denied_claim(first: int, ctx: Context, conv: Conventions) -> bool:
    """A cue in the that-clause of a denied claim ("rejected claims that it supports Russia",
    "dismissed reports that Kazakhstan helps Moscow"): the clause is what the subject denies."""
    w = ctx.words
    for i in range(first - 1, max(-1, first - 12), -1):
        if w[i] in (".", ";", "but", "while", "whereas"):
            return False
        if w[i] == "that" and i >= 2 and w[i - 1] in conv.claim_nouns:
            return any(w[k] in conv.denial_verbs for k in range(max(0, i - 5), i - 1))
    return False


def _withheld(first: int, ctx: Context, conv: Conventions) -> bool:
    """A cue in the "of" complement of a verb of depriving ("starve Putin equally of resources, support,
    and excuses for war", "deprive the Kremlin of support for its war", "strip Russia of recognition"):
    the noun names what is taken away from the party, no position its holder gives. Between "of" and
    the cue stand only a list of lower-case words; between the verb and "of", the deprived party (at
    most five words)."""
    w = ctx.words
    k = first - 1
    while k >= 0 and k > first - 8 and w[k] != "of":
        if not (w[k] in (",", "and", "or") or w[k].isalpha() and ctx.tokens[k][0][:1].islower()):
            return False
        k -= 1
    if k < 1 or w[k] != "of":
        return False
    return any(w[i] in conv.deprivation_verbs for i in range(max(0, k - 6), k - 1))


def _coordinated_verb(f: int, ctx: Context) -> bool:
    """A verb cue opening a coordinated or infinitival verb phrase ("and (unequivocally) condemn")."""
    j = f - 1
    while j > 0 and len(ctx.words[j]) > 4 and ctx.words[j].endswith("ly"):
        j -= 1
    return j >= 0 and ctx.words[j] in ("and", ",", "to")


def _no_actor_relative(first: int, ctx: Context, conv: Conventions) -> bool:
    """The cue opens a relative clause whose head is no actor mention (R1/R14)."""
    head = grammar.relative_head(first, ctx.words, conv.relative_skip, conv.relative_heads)
    if head is None or head < 0:
        return False
    if any(m.last_token == head + 1 for m in ctx.mentions if m.actor.kind != AUTHOR):
        return False  # "the United States, which supports": the existing antecedent rules hold
    if any(m.actor.actor_id in ("UNGA", "UNSC", "UN") for m in ctx.mentions if m.first_token < first) and \
            any(s.target == "UN_RESOLUTION" and s.last <= first for s in ctx.targets):
        return False  # "a resolution that called for": the body's act
    return True


def _attributive(first: int, last: int, cue: Cue, ctx: Context, conv: Conventions) -> bool:
    """A one-word evaluative adjective followed by its noun ("illegal war", "unjust and unlawful
    actions", "illegal, unreported, and unregulated fishing"), not a predicate ("is illegal under ...")
    or a noun ("a mistake")."""
    if len(cue.tokens) != 1 or last >= len(ctx.words) or cue.tokens[0] in ("mistake", "failed", "sham"):
        return False
    head = _attributive_head(last, ctx, conv)
    if head != last and head >= len(ctx.words):
        return False
    w = ctx.words[head]
    return w.isalpha() and w not in conv.attributive_breaks and ctx.tokens[head][0][:1].islower()


def _attributive_head(last: int, ctx: Context, conv: Conventions) -> int:
    """The noun after an adjective at ``last - 1`` and the adjectives coordinated with it: past
    ", and unlawful", ", unreported, and unregulated" (each a lower-case word between separators)."""
    w = ctx.words
    k = last
    while k + 1 < len(w) and w[k] in ("and", ",", "or"):
        while k < len(w) and w[k] in ("and", ",", "or"):
            k += 1
        if k >= len(w) or not (w[k].isalpha() and ctx.tokens[k][0][:1].islower()) or w[k] in conv.attributive_breaks:
            return last  # the separators end the phrase: no adjective follows
        k += 1  # past the coordinated adjective: its noun, or another separator
    return k


def _action_object(last: int, ctx: Context, conv: Conventions) -> bool:
    """After "commitment to" / "committed to": the word is a bare verb (not a determiner, a
    name, a target or one of the conventions' transparent verbs), so the object is an action."""
    while last < len(ctx.words) - 1 and (ctx.words[last] in ("nevertheless", "nonetheless", "also", "still", "again")
                                         or (len(ctx.words[last]) > 4 and ctx.words[last].endswith("ly"))):
        last += 1  # "pledge to nevertheless uphold them", "committed to fully restoring"
    if last >= len(ctx.words):
        return False
    w = ctx.words[last]
    tok = ctx.tokens[last][0]
    if not w.isalpha() or not tok[:1].islower() or w in conv.determiners or w in conv.transparent_verbs:
        return False
    if any(s.first == last for s in ctx.targets) or any(m.first_token == last for m in ctx.mentions):
        return False
    if w in conv.of_heads or w in ("continued", "further", "full", "unwavering", "steadfast", "strong", "ongoing",
                                   "sovereign", "independent", "free", "democratic", "peace", "diplomacy"):
        return False
    return not w.endswith(("ed", "al", "ous", "ive", "ful", "ic", "ity", "ty", "ion", "ness", "ment", "cy"))


def _actor_after(target: str, last: int, ctx: Context, book: Codebook, window: int = 14) -> bool:
    """An actor of ``target`` named in the clause after the cue ("costs on Russia")."""
    stop = next((i for i in range(last, min(len(ctx.words), last + window)) if ctx.words[i] in TARGET_STOPS
                 or ctx.words[i] == ";"), min(len(ctx.words), last + window))
    return any(last <= m.first_token < stop and book.actor_targets.get(m.actor.actor_id) == target
               and not inside_name(m, ctx.tokens) for m in ctx.mentions)


def _assembly_in_view(ctx: Context, book: Codebook) -> bool:
    """A sentence naming the General Assembly (not the Security Council) has its vote in view."""
    t = book.targets.get("UN_RESOLUTION")
    if t is None or not ctx.mentions:
        return False
    bodies = t.requires_any - {"UN"}
    return any(m.actor.actor_id in bodies for m in ctx.mentions) and in_view(t, ctx.sent_actors, ctx.doc_actors, ctx.words)


def _war_objects(first: int, last: int, ctx: Context) -> list[Mention]:
    """R12 in an act: "allowed Russian troops to launch their attack" - the Russian agent also wages it."""
    out = []
    for m in grammar.outer_mentions(ctx.mentions):
        if last <= m.first_token < last + 4 and m.via == "demonym" and _state_of(m.actor) in \
                load_codebook().conv.war_agents and m.last_token < len(ctx.words) and \
                ctx.words[m.last_token] in load_codebook().conv.agent_nouns:
            out.append(m)
    return out


def _author_mention(ctx: Context, first: int = 0, last: int = 0) -> Mention:
    return Mention(ctx.sent_id, 0, 0, "", Actor("_AUTHOR", "author", AUTHOR, ""), "pronoun", first, last)


def _relative_holder(first: int, ctx: Context) -> list[Mention]:
    """"a vote at the United Nations ... that called for": a resolution's acts are its body's."""
    if first == 0 or ctx.words[first - 1] not in ("that", "which"):
        return []
    vote = [s for s in ctx.targets if s.target == "UN_RESOLUTION" and s.last <= first]
    if not vote:
        return []
    bodies = [m for m in ctx.mentions if m.actor.actor_id in ("UNGA", "UNSC", "UN")
              and vote[-1].first <= m.first_token < first]
    return bodies[-1:] if bodies else []


def _relative_antecedent(holders: list[Mention], first: int, last: int, ctx: Context,
                         dic: Dictionary) -> Span | None:
    """In "a paper ..., that Biden had doubted '...'", the target is the noun before "that"."""
    if not holders or holders[0].sent_id != ctx.sent_id:  # a quote's speaker named in another sentence
        return None
    h = holders[0]
    if h.last_token > len(ctx.tokens):
        return None  # a quote's speaker named in an earlier sentence
    gov = grammar.governor(h, ctx.tokens, ctx.mentions, dic)
    if gov not in ("that", "which", "whom"):
        return None
    after = ctx.words[last:last + 1]
    if after and after[0] not in ("“", '"', ".", ",") and _target_after(last, ctx) is not None and gov != "whom":
        return None
    i = h.first_token - 1
    while i >= 0 and ctx.words[i] not in ("that", "which", "whom"):
        i -= 1
    if i >= 0 and ctx.words[i] == "whom":  # "X, whom the EU has sanctioned": the object is X, not a target
        return _target_before(i, ctx, nearest=True, window=3) or Span(0, 0, "")
    span = _target_before(i, ctx, triggers_only=True, nearest=True) if i >= 0 else None
    return span if span is not None and _heads_relative(span, i, ctx) else None


def _heads_relative(span: Span, rel: int, ctx: Context) -> bool:
    """Whether the target ``span`` is the noun phrase the relative word at ``rel`` attaches to: it ends
    right before it (", which" / "that"), or only its "of" phrase stands between ("the annexation of
    four regions, which"), or a reduced relative with its by-agent ("a paper on Ukraine published by
    Beijing, that Biden had doubted"). "Russia's war represents an assault on rules and norms, which we
    are committed to defending": a verb and its object come between, and the norms are defended."""
    end = rel - 1 if rel > 0 and ctx.words[rel - 1] == "," else rel
    if span.last == end:
        return True
    between = ctx.words[span.last:end]
    if any(w.endswith("ed") and nxt == "by" for w, nxt in zip(between, between[1:])):
        return True
    return bool(between) and between[0] == "of" and len(between) <= 5 and \
        not set(between) & {",", ";", "and", "or", "that", "which", "who"}


def _relation(first: int, last: int, ctx: Context, dic: Dictionary, book: Codebook) -> tuple[list[Mention], str]:
    """Holder and target of ally/partner cues."""
    outer = grammar.outer_mentions(ctx.mentions)
    words = ctx.words

    def target_of(m: Mention) -> str:
        tid = book.actor_targets.get(m.actor.actor_id, "")
        if not tid and m.actor.country_iso3:
            tid = book.actor_targets.get(m.actor.country_iso3, "")
        return tid

    j = first
    while j >= 1 and words[j - 1] in ("close", "strategic", "key", "staunch", "main", "closest", "important"):
        j -= 1
    # "X’s partner, Y"
    if j >= 2 and words[j - 1] == "s" and words[j - 2] == "'":
        possessor = next((m for m in outer if m.last_token == j - 2), None)
        k = last
        while k < len(words) and words[k] == ",":
            k += 1
        appositive = next((m for m in outer if m.first_token == k), None)
        if possessor and appositive and target_of(possessor):
            return [appositive], target_of(possessor)
        return [], ""
    # "an ally of X"
    if last < len(words) and words[last] == "of":
        obj = next((m for m in sorted(outer, key=lambda m: m.first_token) if last < m.first_token <= last + 4), None)
        if obj is not None and target_of(obj):
            k = j - 1 if j >= 1 and words[j - 1] in ("a", "an", "the") else j
            appositive = next((m for m in outer if m.last_token == k - 1), None) if k >= 1 and words[k - 1] == "," \
                else None
            if appositive is not None:  # "Blinken met Tokayev, an ally of Russia": the appositive's noun
                return [appositive], target_of(obj)
            holder = grammar.subject_of(first, ctx.tokens, ctx.mentions, dic)
            rel = next((r for r in range(holder.last_token, first) if words[r] in ("who", "whose", "which")),
                       None) if holder is not None else None
            if rel is not None:  # "Blinken met Tokayev, whose country is an ally of Russia": the relative's own
                ante = next((m for m in outer if m.last_token in (rel, rel - 1) and (m.last_token == rel or
                                                                                    words[rel - 1] == ",")), None)
                return ([ante] if ante is not None and words[rel] == "who" else []), target_of(obj)
            # "Kyrgyzstan and Tajikistan remain close allies of Moscow": the list shares the predicate
            return (grammar.subject_group(holder, ctx.tokens, ctx.mentions, dic) if holder else []), target_of(obj)
        return [], ""
    # "described X as a strategic partner" / "called X a partner"
    for i in range(first - 1, max(-1, first - 8), -1):
        if words[i] in ("described", "describes", "called", "calls", "considers", "considered", "sees", "saw",
                        "views", "viewed", "named", "regards", "regarded"):
            obj = next((m for m in outer if i < m.first_token < first), None)
            subj = grammar.subject_of(i, ctx.tokens, ctx.mentions, dic)
            if obj is not None and subj is not None and target_of(obj):
                return [subj], target_of(obj)
    return [], ""


def document_authors(doc, dic: Dictionary, book: Codebook) -> DocInfo:
    """R11: who "I" and "we" are. A title of the form "Statement from President Joe Biden on ...",
    "Joint Statement of A and B", "G7 Statement on ..." names its author(s) (closed groups stand
    for their members); an unsigned text from a government's press office is that state."""
    conv = book.conv
    info = DocInfo()
    title = (doc.title or (doc.meta or {}).get("title", "") or "").strip()
    tmentions = sorted(doc.mentions.get(0, []) if doc.mentions else [], key=lambda m: m.first_token)
    if title and any(p.search(title) for p in conv.author_titles):
        words = [norm(t) for t, _, _ in (doc.tokens.get(0) or tokenize(title))]
        joint = "joint" in words  # "U.S.-EU Joint Statement", "Joint Statement from the United States and the EU"
        lead = next((i for i, w in enumerate(words) if w in ("from", "by", "of")),
                    next((i for i, w in enumerate(words) if w == "statement"), 0))
        stop = next((i for i, w in enumerate(words) if i > lead and w in conv.author_title_stops), len(words))
        for m in grammar.outer_mentions(tmentions):
            if m.first_token < stop and m.actor.kind in ("person", "state", "group", "organization", "place"):
                if m.actor.kind == "organization" and not m.actor.country_iso3 and m.actor.actor_id not in \
                        conv.office_organisations and not (joint and m.actor.actor_id in conv.signatory_organisations):
                    continue
                info.authors.append(m.actor)
    url = str((doc.meta or {}).get("source_url", "")).lower()
    host = re.sub(r"^https?://", "", url).split("/")[0]
    publisher = publishing_state(doc)  # the same press-office reading as the persons' home state
    info.publisher = publisher
    info.date = str((doc.meta or {}).get("date", "") or "")[:10]
    heads = next((h for domain, h in conv.publisher_heads.items() if host == domain or host.endswith("." + domain)), ())
    info.head = _head_in_office(heads, info.date, dic)
    # a person the text introduces in its own title speaks for the publishing government
    info.authors = [Actor(a.actor_id, a.name, "person", publisher, "author named in the title")
                    if a.kind == "person" and not a.country_iso3 and a.role == "found in text" and publisher else a
                    for a in info.authors]
    if title and not info.authors and any(p.search(title) for p in conv.author_titles[:1]):
        name = _title_name(title, dic, conv)  # "Statement by NSC Spokesperson Emily Horne on ..."
        if name:
            info.authors.append(Actor(re.sub(r"[^A-Z0-9]+", "_", name.split()[-1].upper()).strip("_"), name,
                                      "person", publisher, "author named in the title"))
    if not info.authors and title and "joint" in title.lower():
        info.authors = _opening_signatories(doc, conv)
    if not info.authors and publisher:
        a = dic.actors.get(publisher)
        info.authors.append(a if a is not None else Actor(publisher, publisher, "state", publisher))
    if title and any(p.search(title) for p in conv.readout_titles):
        opening = [m for sid in (0,) + tuple(s.sent_id for s in doc.sentences[:2]) for m in
                   grammar.outer_mentions(doc.mentions.get(sid, []) if doc.mentions else [])
                   if sid == 0 or _meeting_party(m, doc, sid, dic, conv)]
        for s in doc.sentences:  # "Participants in the call included ..."
            low = doc.lower.get(s.sent_id) if doc.lower else None
            if low and any(_match(low, 0, p) for p in conv.participant_openers):
                opening += grammar.outer_mentions(doc.mentions.get(s.sent_id, []))
        for m in opening:
            if m.actor.kind == "person" and m.actor not in info.participants:
                info.participants.append(m.actor)
        if info.head is not None and info.head not in info.participants and \
                any(a.actor_id == info.head.actor_id for a in info.participants) is False:
            title_tokens = doc.tokens.get(0) if doc.tokens and doc.tokens.get(0) else tokenize(title)
            title_words = [norm(t) for t, _, _ in title_tokens]  # once, not for every phrase and position
            if any(_head_title_at(title_words, title_tokens, i, p, tmentions, publisher)
                   for p in conv.head_titles for i in range(len(title_words))):
                info.participants.insert(0, info.head)
    _author_ids(info, conv, dic)
    return info


#: Tokens that may stand between the members of a list of signatories ("A, B, and the C (D)").
_LIST_GLUE = frozenset({",", "and", "the", "(", ")"})


def _opening_signatories(doc, conv: Conventions) -> list[Actor]:
    """R11: the signatories a joint statement lists in its opening "We, the leaders of A, B, and C, ..."
    (``signatory_roles``) or "We, the United States, A, B, ...": states, groups and signatory
    organisations of the list, which must run unbroken to a comma or a lower-case verb ("..., and the
    United States condemn"); a list broken by a word no name covers gives none, so no signatory is lost."""
    for s in doc.sentences[:2]:
        low = doc.lower.get(s.sent_id) if doc.lower else None
        tokens = doc.tokens.get(s.sent_id) if doc.tokens else None
        if not low or not tokens or low[:3] != ["we", ",", "the"]:
            continue
        j = 3
        role = next((p for p in conv.signatory_roles if _match(low, j, p)), None)
        if role is not None:
            j += len(role)
            if low[j:j + 1] != ["of"]:
                return []
            j += 1
        else:
            j = 2  # "We, the United States, ...": the article belongs to the first name
        outer = grammar.outer_mentions(doc.mentions.get(s.sent_id, []) if doc.mentions else [])
        by_start = {m.first_token: m for m in outer}
        listed: list[Mention] = []
        while j < len(low):
            if j in by_start:
                listed.append(by_start[j])
                j = by_start[j].last_token
            elif low[j] in _LIST_GLUE:
                j += 1
            else:
                break
        while j > 0 and low[j - 1] in ("and", "the", "("):
            j -= 1
        if not listed or j >= len(low) or not (low[j - 1] == "," or tokens[j][0][:1].islower()):
            return []
        if len(listed) > 1 and "and" not in low[listed[0].first_token:listed[-1].first_token]:
            return []  # a chain of commas with no "and" is no list
        out: list[Actor] = []
        for m in listed:
            if (m.actor.kind in ("state", "group") or m.actor.kind == "organization" and
                    m.actor.actor_id in conv.signatory_organisations) and m.actor not in out:
                out.append(m.actor)
        return out
    return []


def _author_ids(info: DocInfo, conv: Conventions, dic: Dictionary) -> None:
    """The persons and states the authors of ``info`` stand for (author_persons, author_states)."""
    for a in info.authors:
        for x in _expand(a, DocInfo(), conv, dic):
            ax = dic.actors.get(x) or (a if a.actor_id == x else None)
            if ax is not None and ax.kind == "person":
                info.author_persons.append(x)
                if ax.country_iso3:
                    info.author_states.add(ax.country_iso3)
            else:
                info.author_states.add(x)


def _turn_speaker(tag: str, doc, info: DocInfo, dic: Dictionary, conv: Conventions) -> Actor | None:
    """The actor a transcript's speaker tag names, or None (a reporter, or a tag that resolves to no
    one actor: precision first). "THE PRESIDENT" (turn_tags: head) is the publisher's head; an anonymous
    official (turn_tags: publisher) the publishing state; "THE VICE PRESIDENT" an author whose office
    it is; otherwise the tag's last word is a surname: the one person of that surname among the
    document's authors and named people, else in the actor dictionary (in office at the text's date,
    where several share it, the one whose office the tag's title words name)."""
    tag = " ".join(tag.upper().split())
    kind = (conv.turn_tags or {}).get(tag, "")
    if kind == "reporter":
        return None
    if kind == "head":
        return info.head
    if kind == "publisher":
        return dic.actors.get(info.publisher) if info.publisher else None
    words = tag.split()
    if words[0] == "THE":
        office = " ".join(words[1:]).lower()
        found = {a.actor_id: a for a in info.authors if a.kind == "person" and
                 ((dic.actors.get(a.actor_id) or a).role or "").lower().startswith(office)}
        return next(iter(found.values())) if len(found) == 1 else None
    surname = words[-1].strip(".")
    if not re.fullmatch(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+", surname):
        return None
    title = " ".join(words[:-1]).lower()

    def pick(people: dict[str, Actor]) -> Actor | None:
        if len(people) > 1 and title:
            people = {k: a for k, a in people.items()
                      if title in ((dic.actors.get(k) or a).role or "").lower()} or people
        return next(iter(people.values())) if len(people) == 1 else None

    def named(a: Actor) -> bool:
        return a.kind == "person" and bool(a.name) and a.name.split()[-1].upper() == surname
    local = {a.actor_id: a for a in info.authors if named(a)}
    local.update({m.actor.actor_id: m.actor for ms in (doc.mentions or {}).values() for m in ms
                  if named(m.actor) and m.actor.actor_id not in local})
    if local:
        return _titled_state(pick(local), doc, info)
    known = {k: a for k, a in dic.actors.items() if named(a)}
    if len(known) > 1 and info.date:
        known = {k: a for k, a in known.items() if (not a.valid_from or a.valid_from <= info.date)
                 and (not a.valid_to or info.date < a.valid_to)} or known
    return pick(known)


def _titled_state(a: Actor | None, doc, info: DocInfo) -> Actor | None:
    """A speaker the title names ("Remarks by President Biden and Prime Minister Yair Lapid of the State
    of Israel") speaks for the state the title gives after "of" his name; a person the dictionary does
    not place, named in a publisher's title ("Press Briefing by ... Kate Bedingfield"), for the
    publisher (as an author named in the title)."""
    if a is None or a.actor_id in info.person_states or (a.country_iso3 and a.role not in (
            "found in text", "author named in the title")):
        return a
    title = sorted((doc.mentions or {}).get(0, []), key=lambda m: m.first_token)
    words = (doc.lower or {}).get(0) or []
    own = next((m for m in title if m.actor.actor_id == a.actor_id), None)
    if own is None:
        return a if a.country_iso3 else None
    if words[own.last_token:own.last_token + 1] == ["of"]:
        state = next((m.actor for m in title if m.actor.kind == "state" and
                      own.last_token < m.first_token <= own.last_token + 4), None)
        if state is not None:
            return dataclasses.replace(a, country_iso3=state.actor_id, role="author named in the title")
    if info.publisher:
        return dataclasses.replace(a, country_iso3=info.publisher, role="author named in the title")
    return a


def _turn_info(speaker: Actor | None, info: DocInfo, conv: Conventions, dic: Dictionary) -> DocInfo:
    """The document's ``info`` with the turn's speaker as the author of its "I"/"we" (none for a reporter
    or an unresolved tag)."""
    turn = dataclasses.replace(info, authors=[speaker] if speaker is not None else [], author_states=set(),
                               author_persons=[])
    _author_ids(turn, conv, dic)
    return turn


def _meeting_party(m: Mention, doc, sent_id: int, dic: Dictionary, conv: Conventions) -> bool:
    """A person named in a readout's opening sentence is a party to the meeting ("They", "The leaders")
    unless a preposition other than the meeting's "with" governs the name ("briefed him on ...",
    "about ...", "a call about Russia's talks with ...") or the "with" belongs to another, earlier or
    reported meeting ("his recent conversations with President Putin", "her meeting with X last
    week"): a name inside an object or a prepositional phrase is no party (news and official usage)."""
    tokens = doc.tokens.get(sent_id) if doc.tokens else None
    words = doc.lower.get(sent_id) if doc.lower else None
    if not tokens or not words:
        return True
    mentions = doc.mentions.get(sent_id, [])
    if words[m.last_token:m.last_token + 2] in (["'", "s"], ["’", "s"]):
        return False  # "support for Prime Minister Kishida's recent visit": the possessor of what is discussed
    head = next((g for g in grammar.coordinated(m, tokens, mentions)), m)
    gov = grammar.governor(head, tokens, mentions, dic)
    if gov in conv.non_party_governors:
        return False
    if gov == "with":
        i = head.first_token - 1
        while i >= 0 and words[i] != "with":
            i -= 1
        before = words[max(0, i - 4):max(0, i)]
        return not any(w in conv.other_meeting_words for w in before)
    return True


def _place_people(tokens: list, mentions: list[Mention], dic: Dictionary, info: DocInfo, conv: Conventions) -> None:
    """R2 for people the dictionary lacks: "<state demonym> <office title words> <Name>" or "<office
    title words> <Name> of <state>" places the person in office for that state (not with a non-state
    role word such as "opposition"), as does an appositive office after the name (``_appositive_office``)."""
    for m in mentions:
        # people the dictionary knows carry their office; people found in the text (whose country,
        # if any, comes from a demonym) are in office only after an office title
        known = m.actor.country_iso3 and m.actor.role != "found in text"
        if m.actor.kind != "person" or known or m.actor.actor_id in info.person_states:
            continue
        j = m.first_token - 1
        titles = []
        while j >= 0 and (tokens[j][0] in dic.title_words or tokens[j][0].capitalize() in dic.title_words):
            titles.append(tokens[j][0].lower())
            j -= 1
        if not titles:
            state = _appositive_office(tokens, m, mentions, conv)
            if state:
                info.person_states[m.actor.actor_id] = state
            continue
        if any(w in " ".join(titles) for w in conv.non_state_roles):
            continue
        # the state before the title ("Kazakh Foreign Minister X"), or after the name ("Prime Minister X of
        # Spain", also when the title opens the sentence)
        dem = next((d for d in mentions if d.last_token == j + 1 and d.via == "demonym" and d.actor.kind == "state"),
                   None) if j >= 0 else None
        if dem is None and m.last_token < len(tokens) and tokens[m.last_token][0] == "of":
            k = m.last_token + 1
            if k < len(tokens) and tokens[k][0] == "the":
                k += 1
            dem = next((d for d in mentions if d.first_token == k and d.actor.kind == "state" and d.via != "demonym"
                        and not (d.last_token < len(tokens) and tokens[d.last_token][0] in ("'", "’", "'s", "’s"))), None)
        if dem is not None:
            info.person_states[m.actor.actor_id] = dem.actor.actor_id
        else:  # an honorific or a title with no state ("Dr. Eyal Hulata, Israel's National Security Advisor,")
            state = _appositive_office(tokens, m, mentions, conv)
            if state:
                info.person_states[m.actor.actor_id] = state


def _appositive_office(tokens: list, m: Mention, mentions: list[Mention], conv: Conventions) -> str:
    """R2 for an appositive after the name: "X, Ukraine's ambassador to the UN," or "X, the Kazakh foreign
    minister," places X in office for that state (news style introduces an unknown official so). The
    state comes before the office word (``spokes_roles``), or is named by "of" right after it ("X,
    Secretary General of Japan's National Security Secretariat,", "X, Diplomatic Advisor to the Prime
    Minister of Italy,"), within the appositive (up to the next comma, at most eight tokens, twelve for
    the "of" form); a non-state role word ("former", "opposition") there places no one."""
    k = m.last_token
    if k + 1 >= len(tokens) or tokens[k][0] != ",":
        return ""
    end = k + 1
    while end < min(len(tokens), k + 13) and tokens[end][0] not in (",", ";", ".", "(", ")"):
        end += 1
    words = [t[0].lower() for t in tokens[k + 1:end]]
    if words[:1] in (["and"], ["or"], ["but"]):
        return ""  # "President Niinistö, and President of the United States, Joe Biden": a list, no appositive
    if any(w in conv.non_state_roles for w in words) \
            or any(" " in r and r in " ".join(words) for r in conv.non_state_roles):
        return ""
    office, length = next(((i, len(p)) for i in range(len(words)) for p in conv.spokes_roles if _match(words, i, p)),
                          (None, 0))
    if office is None:
        return ""
    state = next((d for d in mentions if k < d.first_token and d.last_token <= k + 1 + office
                  and d.actor.kind == "state"), None) if office < 8 else None
    if state is None:  # "of <state>" right after the office: "Prime Minister of Italy", "of Japan's"
        at = k + 1 + office + length
        at += at < len(tokens) and tokens[at][0] == "of"
        at += at < len(tokens) and tokens[at][0] == "the"
        if at > k + 1 + office + length and tokens[at - 1][0] in ("of", "the") and tokens[k + 1 + office + length][0] == "of":
            state = next((d for d in mentions if d.first_token == at and d.last_token <= end
                          and d.actor.kind == "state" and d.via != "demonym"), None)
    return state.actor.actor_id if state is not None else ""


def _head_title_at(words: list[str], tokens: list, i: int, phrase: tuple[str, ...], mentions: list[Mention],
                   publisher: str) -> bool:
    """"The President" at ``i`` is the publishing government's head, not another office holder: not
    "the President of the European Council" / "the President of Finland" (a title of another body or
    state, news and official usage) unless what follows "of" is the publisher itself ("the President
    of the United States"), and not a title before a name ("the President Zelenskyy")."""
    if not _match(words, i, phrase):
        return False
    j = i + len(phrase)
    if j < len(words) and words[j] == "of":
        k = j + 2 if j + 1 < len(words) and words[j + 1] == "the" else j + 1
        return bool(publisher) and any(m.first_token in (j + 1, k) and _state_of(m.actor) == publisher
                                       for m in mentions)
    return not (j < len(tokens) and tokens[j][0][:1].isupper())


def _title_name(title: str, dic: Dictionary, conv: Conventions) -> str:
    """The capitalised name before the first stop word of an authored title whose role words the
    matching rules know ("Statement by Press Secretary Jen Psaki on ..." -> "Jen Psaki")."""
    toks = [t for t, _, _ in tokenize(title)]
    low = [norm(t) for t in toks]
    lead = next((i for i, w in enumerate(low) if w in ("from", "by", "of")), -1)
    if lead < 0:
        return ""
    stop = next((i for i, w in enumerate(low) if i > lead and w in conv.author_title_stops), len(low))
    span = toks[lead + 1:stop]
    while span and (span[0] in dic.title_words or span[0].isupper() or span[0].lower() in dic.function_words):
        span = span[1:]
    if 2 <= len(span) <= 4 and all(t[:1].isupper() and t.replace("-", "").replace(".", "").isalpha() for t in span):
        return " ".join(span)
    return ""


def _pronoun_mentions(sent_id: int, tokens: list, words: list[str], mentions: list[Mention],
                      quoted: dict[int, Mention | None], info: DocInfo, last_person: Mention | None,
                      conv: Conventions) -> list[Mention]:
    """Pseudo-mentions for "I"/"we"/"our" (the quote's speaker inside quotation marks, else the
    author) and "he"/"she" (the last person named before)."""
    out = []
    # only a pronoun, or the first word of a head title ("the President") where the text has a head
    # and the sentence the title's key word, can give a pseudo-mention: visit just those tokens
    acting = conv.pronouns
    if info.head is not None and (conv.head_title_keys is None or not conv.head_title_keys.isdisjoint(words)):
        acting = acting | conv.head_title_firsts
    at = [] if acting.isdisjoint(words) else [i for i, w in enumerate(words) if w in acting]
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.first_token) if at else []
    for i in at:
        w = words[i]
        if w in conv.first_person:
            if i in quoted:
                sp = quoted[i]
                if sp is not None:
                    out.append(Mention(sent_id, tokens[i][1], tokens[i][2], tokens[i][0], sp.actor, "pronoun", i, i + 1))
            elif info.authors:
                out.append(Mention(sent_id, tokens[i][1], tokens[i][2], tokens[i][0],
                                   Actor("_AUTHOR", "author", AUTHOR, ""), "pronoun", i, i + 1))
        elif info.head is not None and w in conv.head_title_firsts and i not in quoted and any(
                _head_title_at(words, tokens, i, p, mentions, info.publisher) for p in conv.head_titles):
            out.append(Mention(sent_id, tokens[i][1], tokens[i + 1][2], "the President", info.head, "pronoun", i, i + 2))
        elif w in conv.third_person:
            before = [m for m in people if m.last_token <= i]
            ref = before[-1] if before else last_person
            if ref is not None and i in quoted and quoted[i] is not None and quoted[i].actor == ref.actor:
                continue  # R10: inside a quotation "he"/"she" is someone the speaker talks about, not the speaker
            if ref is not None:
                out.append(Mention(sent_id, tokens[i][1], tokens[i][2], tokens[i][0], ref.actor, "pronoun", i, i + 1))
    if info.participants and 0 not in quoted:
        for p in conv.readout_subjects:
            if _match(words, 0, p):
                after = words[len(p):len(p) + 3]
                if any(x in conv.assertive_verbs for x in after):
                    out.append(Mention(sent_id, tokens[0][1], tokens[len(p) - 1][2], " ".join(p),
                                       Actor("_PARTICIPANTS", "participants", "participants", ""), "pronoun",
                                       0, len(p)))
                break
    return out


def _organ_mentions(sent_id: int, tokens: list, words: list[str], mentions: list[Mention], quoted: dict,
                    info: DocInfo, last_person: Mention | None, dic: Dictionary, conv: Conventions) -> list[Mention]:
    """Organs of a state that stand for it as holders ("the Administration", "my Administration", "the U.S.
    Government"): the state itself, the publisher's state (a bare "the Administration" is the publishing
    government's; capitalised, outside quotes), the author ("my"/"our") or, for "his administration", the
    publisher's state where the last person named is the publisher's head."""
    out = []
    if not conv.state_organs or "administration" not in words and "government" not in words:
        return out
    taken: set[int] = set()
    for phrase, who in conv.state_organs:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if i in taken or words[i] != phrase[0] or not _match(words, i, phrase):
                continue
            if i + n < len(words) and words[i + n] == "of":
                continue  # "the administration of aid": an act, not the government
            if i in quoted and who != "author" and not all(j in quoted for j in range(i, i + n)):
                continue
            head = tokens[i + n - 1][0]
            actor = None
            if who == "author":
                if i in quoted:
                    sp = quoted[i]
                    actor = sp.actor if sp is not None else None
                elif info.authors:
                    actor = Actor("_AUTHOR", "author", AUTHOR, "")
            elif who == "publisher":
                if head[:1].isupper() and info.publisher and i not in quoted:
                    actor = dic.actors.get(info.publisher)
            elif who == "head":
                if info.head is not None and info.publisher and i not in quoted and last_person is not None and \
                        last_person.actor.actor_id == info.head.actor_id:
                    actor = dic.actors.get(info.publisher)
            else:
                actor = dic.actors.get(who)
            if actor is None:
                continue
            taken.update(range(i, i + n))
            out.append(Mention(sent_id, tokens[i][1], tokens[i + n - 1][2],
                               " ".join(t[0] for t in tokens[i:i + n]), actor, "pronoun", i, i + n))
    return out


def _pronoun_referent(people: list[Mention], tokens: list) -> Mention:
    """Whom a "he"/"she" in the next sentence refers to: the sentence's subject where a person opens
    it (only capitalised title words before: "President Biden spoke today with President Zelenskyy.
    He expressed ..."; subject continuity of English narrative), else the last person named."""
    first = min(people, key=lambda m: m.first_token)
    if all(t[0][:1].isupper() and t[0].replace(".", "").isalpha() for t in tokens[:first.first_token]) and \
            not any(t[0] in ("’", "'") for t in tokens[first.last_token:first.last_token + 1]):
        return first
    return max(people, key=lambda m: m.first_token)


def _joint_subjects(sent_id: int, tokens: list, words: list[str], quoted: dict, info: DocInfo,
                    conv: Conventions) -> list[Mention]:
    """R11: "Both sides" / "the two sides" in a joint statement are all its signatories."""
    if len(info.authors) < 2 and not any(a.kind == "group" for a in info.authors):
        return []
    out = []
    for p in conv.joint_subjects:
        for i in range(len(words) - len(p) + 1):
            if words[i] == p[0] and _match(words, i, p) and i not in quoted:
                out.append(Mention(sent_id, tokens[i][1], tokens[i + len(p) - 1][2], " ".join(p),
                                   Actor("_AUTHOR", "author", AUTHOR, ""), "pronoun", i, i + len(p)))
    return out


def _state_pair(tokens: list, words: list[str], mentions: list[Mention]) -> tuple[str, str] | None:
    """The last two states a sentence names as a coordinated pair ("Kazakhstan and Uzbekistan"), or None."""
    states = [m for m in grammar.outer_mentions(mentions) if m.actor.kind == "state" and m.via != "demonym"]
    if len(states) < 2 or "and" not in words:
        return None
    pair = None
    for m in states:
        group = grammar.coordinated(m, tokens, mentions)
        if len(group) == 2 and all(g.actor.kind == "state" for g in group) and \
                group[0].actor.actor_id != group[1].actor.actor_id and not (
                group[0].first_token > 0 and words[group[0].first_token - 1] in _PP_HEADS | {"between", "among"}):
            pair = (group[0].actor.actor_id, group[1].actor.actor_id)  # a subject pair, not "trade between X and Y"
    return pair


def _remember_pair(tokens: list, words: list[str], mentions: list[Mention], carry: dict) -> None:
    """Keep the coordinated pair of states a sentence names, for a later "both countries"; a sentence
    naming two other states by any route ("Putin met Xi Jinping": their people) makes the pair no
    longer the last one named, and no pair is kept."""
    pair = _state_pair(tokens, words, mentions)
    if pair:
        carry["pair"], carry["pair_age"] = pair, 0
        return
    named = {m.actor.actor_id if m.actor.kind == "state" else m.actor.country_iso3 for m in mentions
             if m.actor.kind in ("state", "person") or m.actor.stands_for}
    named |= {m.actor.stands_for for m in mentions if m.actor.stands_for}
    named.discard("")
    if carry.get("pair") and len(named - set(carry["pair"])) >= 1 and len(named) >= 2 and \
            not named <= set(carry["pair"]):
        carry["pair"] = None


def _pair_subjects(sent_id: int, tokens: list, words: list[str], quoted: dict, carry: dict,
                   conv: Conventions) -> list[Mention]:
    """R7 in news copy: "Both countries" / "the two nations" are the pair of states named last
    (``pair_subjects``, within ``pair_window`` sentences): one mention standing for both."""
    pair = carry.get("pair")
    if not pair or carry.get("pair_age", 99) > conv.pair_window or "both" not in words and "two" not in words:
        return []
    out = []
    for p in conv.pair_subjects:
        for i in range(len(words) - len(p) + 1):
            if words[i] == p[0] and _match(words, i, p) and i not in quoted:
                out.append(Mention(sent_id, tokens[i][1], tokens[i + len(p) - 1][2], " ".join(p),
                                   Actor("_PAIR", " and ".join(pair), "pair", "", members=pair), "pronoun",
                                   i, i + len(p)))
    return out


def _group_phrases(words: list[str], mentions: list[Mention], conv: Conventions) -> list[Mention]:
    """A closed group's demonym heading a group noun ("every Central Asian state") names the group."""
    out = []
    for m in mentions:
        if m.via == "demonym" and m.actor.kind == "group" and m.actor.actor_id in conv.closed_groups and \
                m.last_token < len(words) and words[m.last_token] in conv.group_nouns:
            first = m.first_token
            while first > 0 and words[first - 1] in ("every", "each", "all", "the", "five", "four", "other"):
                first -= 1
            out.append(Mention(m.sent_id, m.start, m.end, m.surface, m.actor, "group", first, m.last_token + 1))
    return out


def _head_in_office(candidates: tuple[str, ...], date: str, dic) -> Actor | None:
    """The candidate head whose term of office (valid_from .. valid_to in the actor dictionary) covers
    ``date``; undated, the only candidate, if there is one; else None (no head is better than a wrong one)."""
    actors = [dic.actors[c] for c in candidates if c in dic.actors]
    if not date:
        return actors[0] if len(actors) == 1 else None
    return next((a for a in actors if (not a.valid_from or a.valid_from <= date)
                 and (not a.valid_to or date < a.valid_to)), None)


def analyse(doc, rows: dict) -> None:
    """Stance rows of one document (needs mentions and quotes from the earlier analysers)."""
    book = load_codebook()
    conv = book.conv
    dic = load_dictionary()
    mentions_by_sent = doc.mentions
    tokens_by_sent = doc.tokens
    lower_by = doc.lower
    quotes = doc.quotes
    quotes_in: dict[int, list] = {}  # sentence id -> the quotes spanning it, in document order
    for q in quotes:
        for sid in range(q.sent_id, q.end_sent_id + 1):
            quotes_in.setdefault(sid, []).append(q)
    doc_actors = {m.actor.actor_id for ms in mentions_by_sent.values() for m in ms}
    info = document_authors(doc, dic, book)
    carry: dict = {"last_targets": []}
    seen: set = set()
    seen_targets: set[str] = set()
    if doc.title and 0 in mentions_by_sent:
        t_words = lower_by.get(0) or [norm(t) for t, _, _ in tokenize(doc.title)]
        t_mentions = mentions_by_sent.get(0, [])
        t_spans = find_targets(t_words, t_mentions, book, {m.actor.actor_id for m in t_mentions}, doc_actors)
        seen_targets.update(s.target for s in t_spans if not s.actor)
        if "UN_RESOLUTION" in seen_targets or any(m.actor.actor_id in ("UNGA", "UNHRC") for m in t_mentions):
            seen_targets.add("UN_RESOLUTION")
            carry["vote"], carry["vote_age"] = "UN_RESOLUTION", -1
    for sent in doc.sentences:  # R2 places people for the whole document before any stance
        ms = mentions_by_sent.get(sent.sent_id, [])
        if any(m.actor.kind == "person" for m in ms) and any(m.actor.kind == "state" for m in ms):
            # (only a sentence naming a person and a state can place one: the others are not tokenised)
            _place_people(tokens_by_sent.get(sent.sent_id) or tokenize(sent.text), ms, dic, info, conv)
    last_person: Mention | None = None
    transcript = is_transcript(doc)
    doc_info = info
    for sent in doc.sentences:
        if transcript:  # R11: in a transcript the "I"/"we" are the current speaker's, until the next tag
            tag = TURN_TAG.match(sent.text)  # quotes.TURN_TAG: a speaker tag opening a paragraph
            if tag:
                info = _turn_info(_turn_speaker(tag.group(1) or tag.group(2), doc, doc_info, dic, conv),
                                  doc_info, conv, dic)
        carry["vote_age"] = carry.get("vote_age", 9) + 1
        tokens = tokens_by_sent.get(sent.sent_id) or tokenize(sent.text)
        words = lower_by.get(sent.sent_id) or [norm(t) for t, _, _ in tokens]
        carry["prev_actors"] = carry.get("this_actors", set())
        mentions = mentions_by_sent.get(sent.sent_id, [])
        carry["this_actors"] = {m.actor.actor_id for m in mentions}
        carry["prev_subject"] = carry.get("this_subject", "")
        opening = next((m for m in mentions if m.first_token <= 1 and (m.first_token == 0 or words[0] == "the")), None)
        carry["this_subject"] = opening.actor.kind if opening is not None else ""  # the subject's kind, roughly
        carry["pair_age"] = carry.get("pair_age", 99) + 1
        cues = find_cues(words, book)
        if not cues:
            if mentions:
                people = [m for m in mentions if m.actor.kind == "person"]
                last_person = _pronoun_referent(people, tokens) if people else last_person
                _remember_pair(tokens, words, mentions, carry)
            trig = _trigger_ids(words, book)
            if mentions and any(m.actor.actor_id in ("UNGA", "UNHRC") for m in mentions):
                trig.append("UN_RESOLUTION")
            carry["last_targets"] = trig  # "it" / "them" stand for a target of this sentence or the one before
            if trig:
                seen_targets.update(trig)
                if "UN_RESOLUTION" in trig and in_view(book.targets["UN_RESOLUTION"],
                                                       {m.actor.actor_id for m in mentions}, doc_actors, words):
                    carry["vote"], carry["vote_age"] = "UN_RESOLUTION", 0
            continue
        quoted: dict[int, Mention | None] = {}
        for q in quotes_in.get(sent.sent_id, ()):
            for i, (_, s, e) in enumerate(tokens):
                if q.start <= sent.start + s < q.end:
                    quoted[i] = q.speaker
        _place_people(tokens, mentions, dic, info, conv)
        extra = _pronoun_mentions(sent.sent_id, tokens, words, mentions, quoted, info, last_person, conv)
        joint = _joint_subjects(sent.sent_id, tokens, words, quoted, info, conv)
        extra += joint or _pair_subjects(sent.sent_id, tokens, words, quoted, carry, conv)
        extra += _group_phrases(words, mentions, conv)
        organs = _organ_mentions(sent.sent_id, tokens, words, mentions, quoted, info, last_person, dic, conv)
        extra += organs
        if extra:
            covered = {(m.first_token, m.last_token) for m in extra}
            inside = {(m.first_token, m.last_token) for m in mentions for o in organs
                      if o.first_token <= m.first_token and m.last_token <= o.last_token and m is not o}
            mentions = [m for m in mentions if (m.first_token, m.last_token) not in covered | inside] + extra
            mentions.sort(key=lambda m: (m.first_token, -m.last_token))
        sent_actors = {m.actor.actor_id for m in mentions} | (info.author_states if extra else set())
        targets = find_targets(words, mentions, book, sent_actors, doc_actors, seen_targets, tokens)
        ctx = Context(sent.sent_id, sent.text, tokens, words, mentions, targets, quoted, sent_actors, doc_actors,
                      info, grammar.fronted_phrase_end(words, conv.fronted_openers))
        for row in stances_in(ctx, book, dic, carry, cues):
            if row["target"] == "UN_RESOLUTION" and carry.get("vote") == "UN_RESOLUTION":
                carry["vote_age"] = 0  # a run of explanations of vote keeps the vote in view ("X abstained. Y
                # said her delegation had abstained.")
            key = (row["sent_id"], row["actor_id"], row["target"], row["label"])
            if key not in seen:
                seen.add(key)
                rows["stance"].append({"doc_id": doc.doc_id, **row})
        trig = [s.target for s in ctx.targets if not s.actor]
        if _assembly_in_view(ctx, book):
            trig.append("UN_RESOLUTION")
            carry["vote"], carry["vote_age"] = "UN_RESOLUTION", 0
        seen_targets.update(trig)
        carry["last_targets"] = trig
        people = [m for m in mentions if m.actor.kind == "person" and m.via != "pronoun"]
        last_person = _pronoun_referent(people, tokens) if people else last_person
        _remember_pair(tokens, words, mentions, carry)


# ---------------------------------------------------------------- aggregates
