"""Shallow syntax without a parser: who is the subject or object of a cue word in a sentence.

There is no POS model on this machine, so roles come from token positions around
actor mentions: the subject of a cue is the nearest actor before it that is not in
object position (right after a verb or preposition), the object the first actor after
it. Coordinated lists ("Kazakhstan, Kyrgyzstan, and Uzbekistan") are expanded.
"""
from __future__ import annotations

from helpers.extract.actors import Dictionary, load_dictionary
from helpers.model.types import Mention

#: Tokens after which a mention starts a clause (subject position). Bullets and the close of a list
#: marker ("a)") open one too: lists of points are how statements and fact sheets are set.
CLAUSE_OPENERS = {",", ";", ":", "(", ")", "•", "▪", "●", "◦", "*", "—", "–", "“", "”", '"', "that", "which", "who", "whose", "and", "but",
                  "while", "when", "whereas", "although", "though", "yet", "so", "because", "since",
                  "however", "meanwhile", "also", "then", "earlier", "later", "now"}
#: Tokens skipped when looking left of a mention for what governs it (part of its noun phrase).
NP_FILLERS = {"the", "’", "'", "s", "top", "former", "then", "new", "acting", "de", "facto", "all", "both",
              "several", "some", "many", "most", "other", "two", "three", "four", "five", "six", "seven",
              "eight", "nine", "ten", "its", "their", "his", "her", "notably", "especially", "including"}
#: Quantifiers that head "none of X", "some of X": X is still the subject.
QUANTIFIERS = {"none", "some", "all", "many", "most", "each", "any", "one", "two", "three", "four", "five",
               "several", "both", "few", "neither", "either"}


#: The last list outer_mentions saw and its answer: the stance and event rules ask again for every
#: cue and candidate of a sentence, with the same list (held here, so its identity cannot be reused).
_LAST_OUTER: list = [None, -1, []]


def outer_mentions(mentions: list[Mention]) -> list[Mention]:
    """Mentions not nested inside another, longer mention's span (the ones that can be arguments),
    in their original order."""
    if _LAST_OUTER[0] is mentions and _LAST_OUTER[1] == len(mentions):
        return list(_LAST_OUTER[2])
    out = _outer(mentions)
    _LAST_OUTER[:] = [mentions, len(mentions), out]
    return list(out)


def _outer(mentions: list[Mention]) -> list[Mention]:
    """One sweep by start (O(n log n)): a mention is nested when an earlier starting one reaches
    as far, or one starting at the same token reaches further.

    Most lists are already in order with no mention inside another: each starts after the one
    before it and reaches past every earlier one. Then none is nested, and the sweep is skipped."""
    start, reach = -1, -1
    for m in mentions:
        if m.first_token <= start or m.last_token <= reach:
            break
        start, reach = m.first_token, m.last_token
    else:
        return list(mentions)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].first_token, -mentions[i].last_token))
    nested: set[int] = set()
    reach_before = -1  # the furthest last_token of mentions starting strictly before the current start
    k = 0
    while k < len(order):
        start = mentions[order[k]].first_token
        group = []
        while k < len(order) and mentions[order[k]].first_token == start:
            group.append(order[k])
            k += 1
        longest = mentions[group[0]].last_token
        for i in group:
            m = mentions[i]
            if reach_before >= m.last_token or m.last_token < longest:
                nested.add(i)
        reach_before = max(reach_before, longest)
    return [m for i, m in enumerate(mentions) if i not in nested]


def word_positions(words: list[str], wanted: frozenset[str]) -> list[int]:
    """Indices of the tokens of ``words`` that are in ``wanted``, in order.

    The scan runs in C (a set intersection, then list.index from one occurrence to the next)
    instead of a Python loop over every token: cheaper where few tokens of a long list are
    wanted (a whole document's tokens); on a short sentence a comprehension is as fast."""
    out: list[int] = []
    for w in wanted.intersection(words):
        i = words.index(w)
        while True:
            out.append(i)
            try:
                i = words.index(w, i + 1)
            except ValueError:
                break
    out.sort()
    return out


def list_marker(token: str) -> bool:
    """A number or a single letter that numbers a point of a list ("2", "b", "iv")."""
    return token.isdigit() or (len(token) == 1 and token.isalpha()) or token.lower() in ("ii", "iii", "iv", "vi")


def singular_forms(word: str) -> tuple[str, ...]:
    """The singulars an English plural may have, for a lookup in a closed word list ("Secretaries":
    "Secretary"; "Ministers": "Minister"; "Classes": "Classe", "Class"; "Houses": "House", "Hous"):
    none for a word with no plural ending ("Press", "Ministry"). English regular plurals: -ies for
    a consonant and y, -es after s, x, ch, sh, -s otherwise; both -es and -s are tried, as "Houses"
    and "Classes" cannot be told apart by their ending (the list decides)."""
    if len(word) < 3 or not word.endswith("s") or word.endswith("ss"):
        return ()
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-1], word[:-2])
    return (word[:-1],)


def governor(m: Mention, tokens: list, mentions: list[Mention], dic: Dictionary) -> str | None:
    """The first token left of a mention's noun phrase (None at sentence start). An "of" right after
    another mention governs this one ("Prime Minister Pedro Sánchez of Spain", "the Ministry of Foreign
    Affairs of Ukraine"), although "of" is also a word of titles, skipped as one elsewhere ("Secretary of
    State X", "the Prime Minister of Pakistan accused")."""
    i = m.first_token - 1
    if i > 0 and tokens[i][0] == "of" and tokens[i - 1][0] not in dic.capitalised_title_words and \
            any(o.last_token == i for o in mentions):
        return "of"
    covered = {i for o in mentions for i in range(o.first_token, o.last_token)}
    while i >= 0:
        word = tokens[i][0]
        low = word.lower()
        if i == 1 and word == "." and list_marker(tokens[0][0]):
            return None  # "2. The G7 ...": the sentence proper starts after its list marker
        if low == "of" and i > 0 and tokens[i - 1][0].lower() in QUANTIFIERS:
            i -= 2
            continue
        if low == "of" and i == 1 and 0 not in covered and not any(
                w in dic.title_words for w in (tokens[0][0], tokens[0][0].capitalize(),
                                               *singular_forms(tokens[0][0].capitalize()))):
            return "of"  # "Critics of Lavrov condemned": the first word is a common noun, no title ("Ministers of")
        if i in covered or low in NP_FILLERS or word in dic.title_words or word.capitalize() in dic.title_words or \
                (word[:1].isupper() and low not in CLAUSE_OPENERS and low not in dic.function_words):
            i -= 1
            continue
        return low
    return None


def _opens_clause(m: Mention, tokens: list, mentions: list[Mention], dic: Dictionary) -> bool:
    gov = governor(m, tokens, mentions, dic)
    return gov is None or gov in CLAUSE_OPENERS


def subject_group(m: Mention, tokens: list, mentions: list[Mention], dic: Dictionary) -> list[Mention]:
    """The list ``m`` belongs to, without leading members that an introductory phrase governs
    ("At the General Assembly, Kazakhstan, Kyrgyzstan and ..." lists only the states)."""
    group = coordinated(m, tokens, mentions)
    while len(group) > 1 and group[0] is not m and not _opens_clause(group[0], tokens, mentions, dic) \
            and tokens[group[0].last_token][0] == ",":
        group.pop(0)
    return group


def in_subject_position(m: Mention, tokens: list, mentions: list[Mention], dic: Dictionary) -> bool:
    """True when nothing but a clause boundary governs the mention (a list takes its first member's role)."""
    gov = governor(m, tokens, mentions, dic)
    if gov in ("and", "or", ","):
        first = subject_group(m, tokens, mentions, dic)[0]
        if first is not m:
            return _opens_clause(first, tokens, mentions, dic)
    return gov is None or gov in CLAUSE_OPENERS


def subject_of(cue: int, tokens: list, mentions: list[Mention], dic: Dictionary,
               blocked: set[int] = frozenset(), allow_demonym: bool = False) -> Mention | None:
    """The nearest actor before token ``cue`` in subject position (outside ``blocked`` tokens)."""
    blocked = set(blocked) | parenthetical(tokens, cue)
    candidates = [m for m in outer_mentions(mentions)
                  if m.last_token <= cue and m.first_token not in blocked
                  and (allow_demonym or m.via != "demonym")]
    for m in sorted(candidates, key=lambda m: -m.last_token):
        if in_subject_position(m, tokens, mentions, dic):
            return m
    return None


def object_of(cue_end: int, tokens: list, mentions: list[Mention], window: int = 8,
              blocked: set[int] = frozenset()) -> Mention | None:
    """The first actor mention starting within ``window`` tokens after the cue."""
    after = [m for m in outer_mentions(mentions)
             if cue_end <= m.first_token < cue_end + window and m.first_token not in blocked]
    return min(after, key=lambda m: m.first_token) if after else None


def _person_title_words() -> frozenset[str]:
    """The capitalised words of the titles a person's name follows ("President", "Prime", "Minister";
    ``matching.yaml`` titles), which may stand between a list's separator and a person's name."""
    return load_dictionary().capitalised_title_words


def coordinated(m: Mention, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """``m`` and the actors listed with it: "A, B, and C" (in text order).

    A chain joined only by commas is apposition or a clause break, not a list: the last
    separator of a list holds "and" or "or". A person's title may stand between a separator and
    the name ("President Biden and Prime Minister X"), and a person's "of <state>" between the name
    and the next separator ("Prime Minister X of Spain and President Biden": X, not Spain, is listed).
    """
    outer = sorted(outer_mentions(mentions), key=lambda o: o.first_token)
    by_start = {o.first_token: o for o in outer}
    by_end = {o.last_token: o for o in outer}
    titles = _person_title_words()

    def before_titles(o: Mention) -> int:
        """Where a person's title before the name starts ("President Biden", "Prime Minister X")."""
        j = o.first_token
        while o.actor.kind == "person" and j > 0 and (tokens[j - 1][0] in titles or tokens[j - 1][0] == "."
                                                      and j > 1 and tokens[j - 2][0] in titles):
            j -= 1
        body = by_end.get(j) if j < o.first_token else None
        if body is not None and body.actor.kind in _OFFICE_BODIES:
            j = body.first_token  # "NATO Secretary General X", "Swedish Prime Minister X": the office's body
        return j

    def person_of_state(o: Mention) -> Mention:
        """The person a state mention follows as "<person> of <state>" ("Pedro Sánchez of Spain"), else o."""
        if o.first_token >= 2 and tokens[o.first_token - 1][0] == "of":
            p = by_end.get(o.first_token - 1)
            if p is not None and p.actor.kind == "person":
                return p
        return o

    asides: list[set[int]] = []

    def appositives() -> set[int]:
        """The tokens of appositives after persons' names, computed on first use."""
        if not asides:
            asides.append(appositive_tokens(tokens, mentions))
        return asides[0]

    group = [m]
    separators: list[list[str]] = []
    cur = m
    while True:  # leftwards
        j = before_titles(cur) - 1
        seps = []
        while j >= 0 and tokens[j][0] in (",", "and", "or"):
            seps.append(tokens[j][0])
            j -= 1
        prev = by_end.get(j + 1)
        if prev is None and seps and seps[-1] == "," and j >= 0 and any(o.actor.kind == "person" for o in outer) \
                and j in appositives():  # "Emmanuel Macron, the French president, and Olaf Scholz"
            k = j
            while k >= 0 and k in appositives():
                k -= 1
            cand = by_end.get(k) if k >= 0 and tokens[k][0] == "," else None
            prev = cand if cand is not None and cand.actor.kind == "person" else None
        if not seps or prev is None:
            break
        if cur.actor.kind == "person":  # "Prime Minister X of Spain and President Biden": X, not Spain
            prev = person_of_state(prev)
        group.insert(0, prev)
        separators.insert(0, seps)
        cur = prev
    cur = m
    while True:  # rightwards
        j = cur.last_token
        if cur.actor.kind == "person" and j + 1 < len(tokens) and tokens[j][0] == "of" and \
                by_start.get(j + 1) is not None and by_start[j + 1].actor.kind == "state":
            j = by_start[j + 1].last_token  # "President X of Argentina and ...": past the state of the person
        elif cur.actor.kind == "person" and j + 1 < len(tokens) and tokens[j][0] == "," and j + 1 in appositives():
            k = j + 1  # "Emmanuel Macron, the French president, and ...": past the person's appositive
            while k < len(tokens) and k in appositives():
                k += 1
            j = k
        seps = []
        while j < len(tokens) and tokens[j][0] in (",", "and", "or"):
            seps.append(tokens[j][0])
            j += 1
        nxt = by_start.get(j)
        if nxt is not None and seps and cur.actor.kind == "person" and nxt.actor.kind in _OFFICE_BODIES and \
                nxt.last_token < len(tokens) and tokens[nxt.last_token][0] in titles:
            j, nxt = nxt.last_token, None  # "X and NATO Secretary General Y": the body of Y's office
        if nxt is None and seps and cur.actor.kind == "person":  # "President Biden and President X"
            k = j
            while k < len(tokens) and (tokens[k][0] in titles or tokens[k][0] == "." and k > j):
                k += 1
            cand = by_start.get(k) if k > j else None
            nxt = cand if cand is not None and cand.actor.kind == "person" else None
        if not seps or nxt is None:
            break
        group.append(nxt)
        separators.append(seps)
        cur = nxt
    if len(group) > 1 and not ({"and", "or"} & set(separators[-1])):
        # keep only the part of the chain that ends in a conjunction
        while len(group) > 1 and not ({"and", "or"} & set(separators[-1])):
            if group[-1] is m:
                return [m]
            group.pop()
            separators.pop()
    return group


#: Kinds of the body named before a person's office title ("NATO Secretary General X", "Swedish Prime
#: Minister X"): in a list the title and the body belong to the person (``coordinated``).
_OFFICE_BODIES = frozenset({"state", "organization"})

#: Tokens opening an aside, and the relative pronouns that open one after a comma (``parenthetical``).
_ASIDE_OPENERS = frozenset({"—", "(", "–"})
_RELATIVES = frozenset({"which", "who", "whose", "whom"})


def parenthetical(tokens: list, before: int) -> set[int]:
    """Token indices inside asides before ``before``: ", which/who ... ,", "— ... —", "( ... )"."""
    inside: set[int] = set()
    words = [t for t, _, _ in tokens[:before]]
    if _ASIDE_OPENERS.isdisjoint(words) and _RELATIVES.isdisjoint(map(str.lower, words)):
        return inside  # no dash, no bracket, no relative pronoun: no aside (most sentences)
    i = 0
    while i < len(words):
        w = words[i].lower()
        if w == "," and i + 1 < len(words) and words[i + 1].lower() in ("which", "who", "whose", "whom"):
            j = i + 1
            while j < len(words) and words[j] != ",":
                j += 1
            if j < len(words):
                inside.update(range(i + 1, j))
                i = j
                continue
        if w in ("—", "(", "–"):
            close = ")" if w == "(" else w
            j = i + 1
            while j < len(words) and words[j] != close:
                j += 1
            if j < len(words):
                inside.update(range(i + 1, j))
                i = j
        i += 1
    return inside


#: Nouns after a demonym that make it stand for its state's agents ("Russian troops").
AGENT_NOUNS = {"troops", "forces", "soldiers", "military", "army", "officials", "government", "authorities",
               "diplomats", "leaders", "leadership", "invaders", "navy", "president", "leader"}


def demonym_agent(cue: int, tokens: list, mentions: list[Mention]) -> Mention | None:
    """A demonym right before the cue with an agent noun between ("Russian troops rolled into")."""
    for m in mentions:
        if m.via == "demonym" and m.last_token + 1 == cue and tokens[m.last_token][0].lower() in AGENT_NOUNS:
            return m
    return None


# ================================================================ stance conventions (issue 10)
# Helpers for the stance reader: fronted phrases, passives, relative-clause antecedents,
# dash sublists, copular lists and open coordinations. Positions only, no parser.

def fronted_phrase_end(words: list[str], openers: set[str]) -> int:
    """Index of the comma closing a fronted participle or prepositional phrase ("Seated a few
    metres from Putin at the summit, ..."; "According to a Kremlin readout, ..."), else -1."""
    if not words:
        return -1
    start = _list_marker_end(words)
    if start >= len(words):
        return -1
    w0 = words[start]
    if w0 not in openers and not (len(w0) > 4 and (w0.endswith("ing") or w0.endswith("ed"))):
        return -1
    for i, w in enumerate(words[:40]):
        if w == "," and i > start:
            return i
    return -1


#: Bullets that open an item of a list in a statement or fact sheet ("- In support of ...").
_BULLETS = frozenset({"-", "*", "•", "–", "—", "·", "▪"})


def _list_marker_end(words: list[str]) -> int:
    """Where a sentence starts after the marker of a numbered or bulleted list item ("1. In support
    of ...", "(a) Following ...", "- Meeting ..."): official statements and fact sheets number their
    paragraphs; the phrase after the marker is the sentence's first."""
    if words[0] in _BULLETS:
        return 1
    if len(words) > 1 and (words[0].isdigit() or len(words[0]) == 1 and words[0].isalpha()) and \
            words[1] in (".", ")"):
        return 2
    if len(words) > 2 and words[0] == "(" and words[2] == ")" and len(words[1]) <= 3 and words[1].isalnum():
        return 3
    return 0


def is_passive(cue: int, words: list[str], aux: set[str]) -> bool:
    """A participle after an auxiliary, allowing adverbs between ("have been criticised repeatedly")."""
    w = words[cue]
    if not (w.endswith("ed") or w.endswith("en") or w in ("held", "sent", "let", "upheld")):
        return False
    i = cue - 1
    while i >= 0 and (words[i].endswith("ly") or words[i] in ("also", "since", "already", "not", "never")):
        i -= 1
    return i >= 0 and words[i] in aux


def by_agent(cue_end: int, tokens: list, mentions: list[Mention], window: int = 10) -> Mention | None:
    """The mention after the first "by" following a passive cue ("condemned on Friday by NATO ...")."""
    words = [t[0].lower() for t in tokens]
    for i in range(cue_end, min(len(words), cue_end + window)):
        if words[i] in (";", ".", "—", "which", "who", "that"):
            return None
        if words[i] == "by":
            after = sorted((m for m in outer_mentions(mentions) if i < m.first_token <= i + 6),
                           key=lambda m: m.first_token)
            if not after:
                return None
            head = after[0]
            for m in after[1:]:  # "by NATO Secretary-General Jens Stoltenberg": the person the role names
                if m.actor.kind == "person" and head.actor.kind != "person" and m.first_token - head.last_token <= 3 \
                        and "," not in words[head.last_token:m.first_token]:
                    return m
            return head
    return None


def relative_antecedent(cue: int, tokens: list, mentions: list[Mention]) -> Mention | None:
    """For a cue opening a relative clause (", which voted no", ", who says"), the mention before
    the comma. Only the few words before the cue are read (and lower-cased)."""
    i = cue - 1
    while i >= 0 and tokens[i][0].lower() in ("has", "had", "have", "also", "then", "later", "again"):
        i -= 1
    if i >= 1 and tokens[i][0].lower() in ("which", "who") and tokens[i - 1][0] == ",":
        return next((m for m in outer_mentions(mentions) if m.last_token == i - 1), None)
    return None


def dash_list_before(cue: int, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """A dash-delimited list closing right before the cue ("... — Kazakhstan, Kyrgyzstan and Uzbekistan —
    abstained"), in text order."""
    if cue < 2 or tokens[cue - 1][0] not in ("—", "–"):
        return []  # (most cues): no dash right before, no need for the sentence's words
    words = [t[0] for t in tokens]
    j = cue - 2
    while j >= 0 and words[j] not in ("—", "–"):
        j -= 1
    if j < 0:
        return []
    inside = [m for m in outer_mentions(mentions) if j < m.first_token and m.last_token < cue]
    return sorted(inside, key=lambda m: m.first_token)


def list_after(pos: int, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """The coordinated mentions starting at ``pos`` (after "were", "included")."""
    words = [t[0].lower() for t in tokens]
    while pos < len(words) and words[pos] in ("the", ":"):
        pos += 1
    m = next((o for o in outer_mentions(mentions) if o.first_token == pos), None)
    return open_coordination(m, tokens, mentions) if m is not None else []


def open_coordination(m: Mention, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """Like :func:`coordinated`, but a comma chain that goes on with "and <non-name>" is a list
    too ("China, India and the four Central Asian states")."""
    group = coordinated(m, tokens, mentions)
    if len(group) > 1:
        return group
    outer = sorted(outer_mentions(mentions), key=lambda o: o.first_token)
    by_start = {o.first_token: o for o in outer}
    chain = [m]
    cur = m
    while cur.last_token < len(tokens) and tokens[cur.last_token][0] == ",":
        nxt = by_start.get(cur.last_token + 1)
        if nxt is None:
            break
        chain.append(nxt)
        cur = nxt
    end = chain[-1].last_token
    if len(chain) > 1 and end < len(tokens) and tokens[end][0] in ("and", "or"):
        return chain
    return group


def coordinated_with_articles(m: Mention, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """A list whose members carry an article or a numeral ("The United States, the United Kingdom and
    Japan", "China, India and the four Central Asian states"); the last separator must hold "and" or "or"."""
    outer = sorted(outer_mentions(mentions), key=lambda o: o.first_token)
    by_start = {o.first_token: o for o in outer}
    by_end = {o.last_token: o for o in outer}
    seps_ok = (",", "and", "or", "the", "all", "both", "two", "three", "four", "five", "six", "seven")

    def step_left(cur):
        j = cur.first_token - 1
        seen = []
        while j >= 0 and tokens[j][0].lower() in seps_ok:
            seen.append(tokens[j][0].lower())
            j -= 1
        prev = by_end.get(j + 1)
        return (prev, seen) if prev is not None and set(seen) & {",", "and", "or"} else (None, seen)

    def step_right(cur):
        j = cur.last_token
        seen = []
        while j < len(tokens) and tokens[j][0].lower() in seps_ok:
            seen.append(tokens[j][0].lower())
            j += 1
        nxt = by_start.get(j)
        return (nxt, seen) if nxt is not None and set(seen) & {",", "and", "or"} else (None, seen)

    group, seps = [m], []
    cur = m
    while True:
        prev, seen = step_left(cur)
        if prev is None:
            break
        group.insert(0, prev)
        seps.insert(0, seen)
        cur = prev
    cur = m
    while True:
        nxt, seen = step_right(cur)
        if nxt is None:
            break
        group.append(nxt)
        seps.append(seen)
        cur = nxt
    if len(group) > 1 and not ({"and", "or"} & set(seps[-1])):
        return [m]
    return group


def appositive_tokens(tokens: list, mentions: list[Mention]) -> set[int]:
    """Token indices inside an appositive after a person's name: "Jake Sullivan, Secretary of the
    Russian Security Council, ...", "James O'Brien, the State Department's sanctions coordinator, ..."."""
    words = None  # the sentence's words, read only where a person is named
    inside: set[int] = set()
    for m in mentions:
        if m.actor.kind != "person":
            continue
        if words is None:
            words = [t[0] for t in tokens]
        if m.last_token >= len(words) or words[m.last_token] != ",":
            continue
        start = m.last_token + 1
        if start >= len(words):
            continue
        w = words[start]
        if not (w[:1].isupper() or w.lower() in ("the", "a", "an", "its", "his", "her")):
            continue
        if w.lower() in ("which", "who", "whose", "whom", "and", "but"):
            continue
        for j in range(start, min(len(words), start + 12)):
            if words[j] in (",", "—", "–"):
                inside.update(range(start, j))
                break
            if words[j].lower() in ("said", "says", "told", "is", "was", "has", "had", "will", "would", "who", "which"):
                break
    return inside


def relative_head(cue: int, words: list[str], skip: frozenset[str], heads: frozenset[str]) -> int | None:
    """The head noun of a relative clause the cue opens, as a token index: "the oligarchs that
    support", "members who continue supporting", "those who are bravely opposing" (a relative
    pronoun, then only auxiliaries, adverbs and aspect verbs in ``skip``), or a reduced relative
    "actors materially supporting", "anyone supporting" (an -ing cue right after one of ``heads``).
    None where the cue opens no relative clause."""
    i = cue - 1
    while i >= 0 and cue - i <= 4 and (words[i] in skip or (len(words[i]) > 4 and words[i].endswith("ly"))):
        i -= 1
    if i >= 1 and words[i] in ("who", "that", "which"):
        return i - 2 if words[i - 1] == "," and i >= 2 else i - 1
    if i >= 0 and words[cue].endswith("ing") and words[i] in heads:
        return i
    return None
