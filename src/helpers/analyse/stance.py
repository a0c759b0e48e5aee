"""Stance of actors toward targets, with the cue and the evidence sentence.

A codebook (``data/dictionaries/stance_targets.yaml``) defines the targets and how to
spot them; a cue lexicon (``stance_cues.csv``) maps words and phrases to support /
oppose / neutral and says how to find who holds the position. Actors come from the
mentions (and quotes: a speaker's quoted words give the speaker's stance); lists are
expanded ("Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan ... abstained"), negation
is scoped ("None ... backed" is not support; "refrained from criticism" is not
opposition) and "with the exception of X" singles X out.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass


from helpers.extract import grammar
from helpers.extract.actors import Dictionary, load_dictionary, tokenize
from helpers.model.types import Mention
from helpers.extract.quotes import load_cues
from helpers.model.resources import load_csv, load_yaml

NEGATORS = {"not", "never", "no", "n't", "refrained", "refrain", "refrains", "refused", "declined",
            "without", "hardly", "none", "nor", "neither"}
EXCEPTION_PHRASES = (("with", "the", "exception", "of"), ("except", "for"), ("except",),
                     ("apart", "from"), ("other", "than"), ("excluding",))
BELIEF_VERBS = {"hope", "hopes", "hoped", "believe", "believes", "believed", "convince", "think", "thinks",
                "argue", "argues", "argued", "fear", "fears", "feared", "insist", "insists", "insisted",
                "warn", "warns", "warned", "say", "says", "said", "told", "claims", "claimed"}
SIGN = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}


def norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(norm(t) for t, _, _ in tokenize(text))


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


@dataclass(frozen=True)
class Cue:
    tokens: tuple[str, ...]
    label: str
    kind: str
    score: float
    target: str
    exception: str


@dataclass(frozen=True)
class Codebook:
    targets: dict[str, Target]
    trigger_index: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    actor_targets: dict[str, str]
    cue_index: dict[str, tuple[Cue, ...]]


def _match(words: list[str], i: int, pattern: tuple[str, ...]) -> bool:
    if i + len(pattern) > len(words):
        return False
    for w, p in zip(words[i:i + len(pattern)], pattern):
        if p.endswith("*") and len(p) > 1:
            if not w.startswith(p[:-1]):
                return False
        elif w != p:
            return False
    return True


@functools.lru_cache(maxsize=None)
def load_codebook(targets: str = "stance_targets.yaml", cues: str = "stance_cues.csv") -> Codebook:
    """Targets, their trigger index, and the cue index (once per process)."""
    spec = load_yaml(targets)
    table: dict[str, Target] = {}
    trig: dict[str, list] = {}
    actor_targets: dict[str, str] = {}
    for t in spec.get("targets", []):
        target = Target(
            id=t["id"], description=t.get("description", ""),
            triggers=tuple(_phrase(str(x)) for x in t.get("triggers", [])),
            actors=frozenset(t.get("actors", [])), requires_any=frozenset(t.get("requires_any", [])),
            requires_scope=t.get("requires_scope", "sentence"), west_alignment=int(t.get("west_alignment", 0)),
            neutral_means=t.get("neutral_means", "") or "",
        )
        table[target.id] = target
        for phrase in target.triggers:
            trig.setdefault(phrase[0], []).append((phrase, target.id))
        for actor_id in target.actors:
            actor_targets.setdefault(actor_id, target.id)
    cue_index: dict[str, list] = {}
    for row in load_csv(cues):
        for variant in row["cue"].split("|"):
            tokens = _phrase(variant)
            if not tokens:
                continue
            cue = Cue(tokens, row["label"].strip(), row["kind"].strip(), float(row["score"] or 1.0),
                      (row.get("target") or "").strip(), (row.get("exception") or "").strip())
            cue_index.setdefault(tokens[0], []).append(cue)
    sort = lambda d: {k: tuple(sorted(v, key=lambda x: -len(x[0] if isinstance(x, tuple) else x.tokens)))
                      for k, v in d.items()}
    return Codebook(table, sort(trig), actor_targets, sort(cue_index))


@dataclass
class Span:
    first: int
    last: int
    target: str
    actor: bool = False  # found through an actor mention rather than a trigger phrase


def find_targets(words: list[str], mentions: list[Mention], book: Codebook,
                 sent_actors: set[str], doc_actors: set[str]) -> list[Span]:
    """Target spans in a sentence: trigger phrases (where their actors are in view) and actor mentions."""
    spans: list[Span] = []
    i = 0
    while i < len(words):
        hit = None
        for phrase, target_id in book.trigger_index.get(words[i], ()):
            if _match(words, i, phrase) and in_view(book.targets[target_id], sent_actors, doc_actors):
                hit = Span(i, i + len(phrase), target_id)
                break
        if hit:
            spans.append(hit)
            i = hit.last
        else:
            i += 1
    taken = {i for s in spans for i in range(s.first, s.last)}
    for m in grammar.outer_mentions(mentions):
        target_id = book.actor_targets.get(m.actor.actor_id)
        if target_id and m.first_token not in taken:
            spans.append(Span(m.first_token, m.last_token, target_id, actor=True))
    return sorted(spans, key=lambda s: s.first)


def in_view(target: Target, sent_actors: set[str], doc_actors: set[str]) -> bool:
    """A target's trigger counts only where one of its required actors is in scope."""
    if not target.requires_any:
        return True
    scope = doc_actors if target.requires_scope == "document" else sent_actors
    return bool(target.requires_any & scope)


def find_cues(words: list[str], book: Codebook) -> list[tuple[int, int, Cue]]:
    """Cue matches, longest first at each position."""
    found = []
    i = 0
    while i < len(words):
        hit = None
        for cue in book.cue_index.get(words[i], ()):
            if _match(words, i, cue.tokens):
                hit = (i, i + len(cue.tokens), cue)
                break
        if hit:
            found.append(hit)
            i = hit[1]
        else:
            i += 1
    return found


def resolve_overlaps(cues: list, spans: list[Span]) -> tuple[list, list[Span]]:
    """Where a cue and a trigger phrase overlap the longer wins ("a diplomatic resolution" is a
    cue, "sanctions" a target); agent cues ("invaded") keep both."""
    kept_cues = []
    triggers = [s for s in spans if not s.actor]
    for first, last, cue in cues:
        clash = [s for s in triggers if s.first < last and first < s.last]
        if cue.kind.startswith("agent") or all(last - first > s.last - s.first for s in clash):
            kept_cues.append((first, last, cue))
    cue_tokens = {i for f, l, c in kept_cues if not c.kind.startswith("agent") for i in range(f, l)}
    kept_spans = [s for s in spans if s.actor or not (set(range(s.first, s.last)) & cue_tokens)]
    return kept_cues, kept_spans


def _negated(first: int, words: list[str], holder_first: int | None) -> bool:
    window = words[max(0, first - 3):first]
    if any(w in NEGATORS for w in window):
        return True
    if holder_first is not None:
        lead = words[max(0, holder_first - 5):holder_first]
        if lead and lead[0] in ("none", "no", "neither"):
            return True
    return False


_EXCEPTION_STARTS = {p[0] for p in EXCEPTION_PHRASES}


def _exceptions(tokens: list, words: list[str], mentions: list[Mention]) -> list[Mention]:
    if _EXCEPTION_STARTS.isdisjoint(words):
        return []
    outer = {m.first_token: m for m in grammar.outer_mentions(mentions)}
    for i in range(len(words)):
        for phrase in EXCEPTION_PHRASES:
            if tuple(words[i:i + len(phrase)]) == phrase:
                m = outer.get(i + len(phrase))
                if m is not None:
                    return grammar.coordinated(m, tokens, mentions)
    return []


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


#: Words of a sentence that can name the vote a later "did not vote" refers back to.
_VOTE_WORDS = {"resolution", "resolutions", "vote", "voting", "voted", "votes"}
NUMBER_NOUNS = {"countries", "nations", "states", "members", "delegations", "governments"}
CLAUSE_BREAKS = {"that", "which", "“", '"', ";", ":"}


def _possessor_of_trigger(m: Mention, ctx: Context) -> bool:
    """True for "Russia’s invasion": an actor that only qualifies a target phrase."""
    j = m.last_token
    if j + 1 < len(ctx.words) and ctx.words[j] == "'" and ctx.words[j + 1] == "s":
        return any(s.first == j + 2 and not s.actor for s in ctx.targets)
    return any(s.first <= m.first_token < s.last and not s.actor for s in ctx.targets)


def _is_number(word: str) -> bool:
    return word.isdigit() or word in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                      "dozens", "several", "many", "few", "some"}


def _holders(cue_first: int, ctx: Context, dic: Dictionary, kind: str) -> list[Mention]:
    """The subject of the cue and the actors coordinated with it."""
    blocked = set(ctx.quoted) if cue_first not in ctx.quoted else set()
    cands = [m for m in ctx.mentions if not _possessor_of_trigger(m, ctx)]
    if kind == "vote":
        # "141 countries voting in favor": the subject is the count, not an actor;
        # "seven countries — including China, ... — voting against": the listed ones;
        # "X were among 32 countries that abstained": X.
        for i in range(cue_first - 1, max(-1, cue_first - 14), -1):
            if ctx.words[i] in NUMBER_NOUNS and i > 0 and _is_number(ctx.words[i - 1]):
                if i > 1 and ctx.words[i - 2] in ("among", "just", "only") and "among" in ctx.words[max(0, i - 4):i]:
                    break
                inc = [m for m in grammar.outer_mentions(cands) if i < m.first_token < cue_first
                       and "including" in ctx.words[i:m.first_token]]
                if inc:
                    return grammar.coordinated(inc[0], ctx.tokens, cands)
                return []
    subj = grammar.subject_of(cue_first, ctx.tokens, cands, dic, blocked)
    agent = grammar.demonym_agent(cue_first, ctx.tokens, cands)  # "Russian troops rolled into"
    if agent is not None and (subj is None or agent.last_token > subj.last_token):
        subj = agent
    if subj is None:
        return []
    group = grammar.subject_group(subj, ctx.tokens, cands, dic)
    for m in grammar.outer_mentions(cands):  # "along with X" / "as well as X" join the subject
        before = ctx.words[max(0, m.first_token - 2):m.first_token]
        if before in (["along", "with"], ["as", "well"], ["together", "with"]) and m.first_token < cue_first \
                and m not in group:
            group.extend(grammar.coordinated(m, ctx.tokens, cands))
    return group


def _qualified(span: Span, ctx: Context) -> Span:
    """An actor span that only qualifies a trigger ("Russia’s war") gives way to the trigger."""
    j = span.last
    if span.actor and ctx.words[j:j + 2] == ["'", "s"]:
        return next((t for t in ctx.targets if t.first == j + 2 and not t.actor), span)
    return span


def _target_after(end: int, ctx: Context, window: int = 12) -> Span | None:
    for i in range(end, min(len(ctx.words), end + window)):
        if ctx.words[i] in (";",):
            return None
        if ctx.words[i] in ("them", "it") and i < end + 4 and not any(s.first <= i < s.last for s in ctx.targets):
            return _target_before(end, ctx, triggers_only=True, nearest=True)
        span = next((s for s in ctx.targets if s.first == i), None)
        if span is not None:
            return _qualified(span, ctx)
    return None


def _clause_start(pos: int, ctx: Context) -> int:
    for i in range(pos - 1, -1, -1):
        if ctx.words[i] in CLAUSE_BREAKS or (ctx.words[i] in ("and", "but") and i > 0 and ctx.words[i - 1] == ","):
            return i + 1
    return 0


def _target_before(pos: int, ctx: Context, triggers_only: bool = False, nearest: bool = False,
                   window: int = 20) -> Span | None:
    """The target of the clause before ``pos``: its first (or nearest) target span."""
    start = max(0 if nearest else _clause_start(pos, ctx), pos - window)
    spans = [s for s in ctx.targets if start <= s.first and s.last <= pos and not (triggers_only and s.actor)]
    if not spans:
        return None
    return _qualified(spans[-1] if nearest else spans[0], ctx)


def _reporters(pos: int, ctx: Context, dic: Dictionary) -> list[Mention]:
    """Who asserts the clause at ``pos``: a quote's speaker, or the subjects of saying/belief verbs before it."""
    if pos in ctx.quoted:
        return [ctx.quoted[pos]] if ctx.quoted[pos] else []
    verbs = load_cues().verbs | BELIEF_VERBS
    out: list[Mention] = []
    for i in range(pos - 1, -1, -1):
        if ctx.words[i] in verbs:
            subj = grammar.subject_of(i, ctx.tokens, ctx.mentions, dic)
            if subj is not None and subj not in out:
                out.append(subj)
    return out


def _same_side(reporter: Mention, holder: Mention) -> bool:
    """A reporter speaks for a holder of its own state ("Blinken told ... that Washington supports")."""
    r, h = reporter.actor, holder.actor
    r_state = r.country_iso3 or r.actor_id
    h_state = h.country_iso3 or (h.stands_for or h.actor_id)
    return r.actor_id != h.actor_id and r_state == h_state


def stances_in(ctx: Context, book: Codebook, dic: Dictionary, carry: dict, cues: list | None = None) -> list[dict]:
    """Stance rows (without doc_id) for one sentence."""
    cues, ctx.targets = resolve_overlaps(find_cues(ctx.words, book) if cues is None else cues, ctx.targets)
    rows: list[dict] = []
    exceptions = _exceptions(ctx.tokens, ctx.words, ctx.mentions)
    exception_ids = {m.actor.actor_id for m in exceptions}
    votable = next((s.target for s in ctx.targets if s.target == "UN_RESOLUTION"), None)
    if votable:
        carry["vote"] = votable

    def emit(actor: Mention, target: str, label: str, cue_text: str, score: float) -> None:
        t = book.targets.get(target)
        if t is None or actor.actor.actor_id in t.actors:
            return
        if label == "neutral" and t.neutral_means:
            target = t.neutral_means
        rows.append({"sent_id": ctx.sent_id, "actor_id": actor.actor.actor_id, "target": target,
                     "label": label, "cue": cue_text, "score": round(SIGN[label] * score, 3),
                     "evidence": ctx.text})

    for first, last, cue in cues:
        cue_text = ctx.text[ctx.tokens[first][1]:ctx.tokens[last - 1][2]]
        holders: list[Mention] = []
        target_id = ""
        if cue.target:
            fixed = book.targets.get(cue.target)
            if fixed is None or not in_view(fixed, ctx.sent_actors, ctx.doc_actors):
                continue
            target_id = cue.target
        if cue.kind == "relation":
            holders, target_id = _relation(first, last, ctx, dic, book)
        elif cue.kind == "evaluative":
            holders = _reporters(first, ctx, dic)
            span = _target_before(first, ctx)
            target_id = target_id or (span.target if span else "")
        elif cue.kind == "agent_noun":  # "Russia’s invasion", "the Russian invasion"; not "the Ukraine war"
            possessive = first >= 2 and ctx.words[first - 1] == "s" and ctx.words[first - 2] == "'"
            j = first - 3 if possessive else first - 1
            holders = [m for m in grammar.outer_mentions(ctx.mentions)
                       if m.last_token == j + 1 and (possessive or m.via == "demonym")][:1]
        else:
            if cue.kind in ("noun", "compound"):
                prev = [m for m in grammar.outer_mentions(ctx.mentions)
                        if first - 3 <= m.last_token <= first and m.actor.actor_id not in exception_ids]
                holders = [max(prev, key=lambda m: m.last_token)] if prev else []
            if not holders:
                holders = _relative_holder(first, ctx) or _holders(first, ctx, dic, cue.kind)
            speaker = ctx.quoted.get(first)
            if speaker is not None and speaker not in holders:
                holders = holders + [speaker]
            if holders and cue.kind in ("verb", "noun") and \
                    grammar.governor(holders[0], ctx.tokens, ctx.mentions, dic) == "that":
                for reporter in _reporters(min(m.first_token for m in holders), ctx, dic):
                    if any(_same_side(reporter, h) for h in holders) and reporter not in holders:
                        holders.append(reporter)
            if not target_id:
                if cue.kind == "vote":
                    target_id = votable or carry.get("vote", "")
                else:
                    span = _relative_antecedent(holders, first, last, ctx, dic) or \
                        _target_after(last, ctx, window=2 if cue.kind == "compound" else 12)
                    target_id = span.target if span else ""
        if not target_id or not holders:
            continue
        holder_first = min(m.first_token for m in holders)
        label = cue.label
        if _negated(first, ctx.words, holder_first):
            if label != "support":
                continue
            label = "neutral"
        for m in holders:
            if m.actor.actor_id not in exception_ids:
                emit(m, target_id, label, cue_text, cue.score)
        if exceptions and cue.exception:
            for m in exceptions:
                emit(m, target_id, cue.exception, cue_text, cue.score)
    return rows


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
    if not holders:
        return None
    h = holders[0]
    gov = grammar.governor(h, ctx.tokens, ctx.mentions, dic)
    if gov not in ("that", "which"):
        return None
    after = ctx.words[last:last + 1]
    if after and after[0] not in ("“", '"', ".", ",") and _target_after(last, ctx) is not None:
        return None
    i = h.first_token - 1
    while i >= 0 and ctx.words[i] not in ("that", "which"):
        i -= 1
    return _target_before(i, ctx, triggers_only=True, nearest=True) if i >= 0 else None


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
            holder = grammar.subject_of(first, ctx.tokens, ctx.mentions, dic)
            return ([holder] if holder else []), target_of(obj)
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


def analyse(doc, rows: dict) -> None:
    """Stance rows of one document (needs mentions and quotes from the earlier analysers)."""
    book = load_codebook()
    dic = load_dictionary()
    mentions_by_sent = doc.mentions
    tokens_by_sent = doc.tokens
    lower_by = doc.lower
    quotes = doc.quotes
    doc_actors = {m.actor.actor_id for ms in mentions_by_sent.values() for m in ms}
    carry: dict = {}
    seen: set = set()
    for sent in doc.sentences:
        tokens = tokens_by_sent.get(sent.sent_id) or tokenize(sent.text)
        words = lower_by.get(sent.sent_id) or [norm(t) for t, _, _ in tokens]
        cues = find_cues(words, book)
        if not cues and not (_VOTE_WORDS & set(words)):
            continue  # no cue, and nothing a later vote cue could refer back to
        mentions = mentions_by_sent.get(sent.sent_id, [])
        sent_actors = {m.actor.actor_id for m in mentions}
        quoted: dict[int, Mention | None] = {}
        for q in quotes:
            if q.sent_id <= sent.sent_id <= q.end_sent_id:
                for i, (_, s, e) in enumerate(tokens):
                    if q.start <= sent.start + s < q.end:
                        quoted[i] = q.speaker
        ctx = Context(sent.sent_id, sent.text, tokens, words, mentions,
                      find_targets(words, mentions, book, sent_actors, doc_actors), quoted,
                      sent_actors, doc_actors)
        if not ctx.targets and "vote" not in carry:
            continue
        for row in stances_in(ctx, book, dic, carry, cues):
            key = (row["sent_id"], row["actor_id"], row["target"], row["label"])
            if key not in seen:
                seen.add(key)
                rows["stance"].append({"doc_id": doc.doc_id, **row})


# ---------------------------------------------------------------- aggregates


