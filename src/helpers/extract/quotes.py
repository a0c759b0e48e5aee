"""Direct quotations and their speakers.

Quotes are found in each paragraph between curly or straight double quotes (a quote may
span sentences; one left open runs to the end of its paragraph, as news style reopens the
next paragraph with a new mark), and between single quotes (British style), where an
apostrophe inside a word ("won't", "Russia’s", "workers'") does not close them. Scare quotes
and titles are not speech: a term after "so-called", a title-cased span next to a work noun
("the report, titled “...”"), a one- or two-word term with no reporting cue.

The speaker comes from a reporting cue (``data/dictionaries/quote_cues.yaml``) next to the
quote, in the general shapes of news writing: "…," X said / "…," said X / X said: "…" / X
called it "…"; appositives and role phrases on either side of the name ("Kyrgyzstan's
president, X, said", "X, a researcher at Y, said", "said Uzbek Foreign Minister X"); a
pronoun (he/she) resolved to the last person of that gender; a body ("the Kremlin said",
"Ukraine’s Defence Ministry wrote", "the ministry said" for the body first named with that
head); a quote split by its cue takes the speaker on both halves; a quote with no cue that
follows a full quote continues its speaker unless another person was named in between.
An unattributed quote is kept with an empty speaker.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from helpers.extract import grammar
from helpers.extract.actors import Dictionary, _common_lookup, _given_names, load_dictionary, person_cues, tokenize
from helpers.model.resources import load_yaml
from helpers.model.types import Actor, Mention, Quote

QUOTE = re.compile(r"“([^“”]+)(?:”|$)|\"([^\"]+)(?:\"|$)", re.M)
#: An opening single mark: at the start, after a space, dash, bracket or opening double mark.
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘']")
PRONOUNS = {"he", "she"}
_PUNCT = {",", ".", "!", "?", "—", "–", "-", "”", "“", '"', "’", "‘", "'", ":", ";", "(", ")"}
_ENDS = {".", "!", "?"}
_AUX = {"has", "had", "have", "later", "also", "then", "earlier", "again", "once", "would", "will", "recently",
        "publicly", "repeatedly", "previously", "herself", "himself", "simply", "only", "further", "quickly"}
_PREPS = {"of", "for", "to", "at", "from", "in", "into", "with", "near", "by", "on", "after", "before", "about",
          "against", "between", "among", "toward", "towards", "under", "over", "without", "than", "like", "as"}
#: Lower-case words that may join the capitalised words of an organisation's name ("Friends of the Earth").
_LABEL_JOINERS = frozenset({"of", "for", "and", "the", "on", "in", "to", "at", "de", "du", "la", "le"})
#: Auxiliaries and the copula: after a quoted span they make it a subject, not a modifier of a noun.
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could", "should",
                      "must", "may", "might", "shall", "do", "does", "did", "has", "have", "had"})
_ABBREV = {"mr", "ms", "mrs", "dr", "st", "prof", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "no", "vs", "jr", "sr"}


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]  # the core reporting verbs (stance reads these too)
    speaker_after: tuple[tuple[str, ...], ...]
    statement: tuple[tuple[str, ...], ...]
    addressee: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    noun_before: frozenset[str] = frozenset()  # a determiner right before makes the cue a noun
    scare: tuple[tuple[str, ...], ...] = ()
    title_nouns: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()
    pronouns: tuple[tuple[str, str], ...] = ()
    reporting: frozenset[str] = frozenset()  # verbs + more_verbs: what attributes a quote
    naming: tuple[tuple[str, ...], ...] = ()  # words that name what follows ("titled", "known as")
    determiners: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    transcript_tags: tuple[str, ...] = ()
    transcript_name_tags: frozenset[str] = frozenset()
    reporter_tags: frozenset[str] = frozenset({"Q"})
    passive_aux: frozenset[str] = frozenset()  # "was asked:": a passive cue, whose subject did not speak
    subject_gap: frozenset[str] = frozenset()  # words that may stand between a subject and its cue
    np_words: frozenset[str] = frozenset()  # lower-case words inside a noun phrase before a name
    clause_openers: frozenset[str] = frozenset()  # words that open a clause of their own
    role_ranks: frozenset[str] = frozenset()  # rank words of a title ("vice", "deputy")
    event_nouns: frozenset[str] = frozenset()  # a meeting whose topic or name follows "on" ("a forum on “…”")
    body_pronouns: frozenset[str] = frozenset()  # "it": a body as the subject of a reporting verb
    document_nouns: frozenset[str] = frozenset()  # "the statement said": its author speaks
    document_issuing: frozenset[str] = frozenset()  # "issued a statement": the subject is its author
    title_markers: tuple[tuple[str, ...], ...] = ()  # "entitled “…”": a title, whatever its form
    source_lead_ins: tuple[tuple[str, ...], ...] = ()  # "According to X, “…”": the sentence's source


@functools.lru_cache(maxsize=None)
def load_cues(name: str = "quote_cues.yaml") -> Cues:
    spec = load_yaml(name)
    return Cues(
        verbs=frozenset(spec.get("verbs", [])),
        reporting=frozenset(spec.get("verbs", [])) | frozenset(spec.get("more_verbs", [])),
        speaker_after=tuple(tuple(p.split()) for p in spec.get("speaker_after", [])),
        statement=tuple(tuple(p.split()) for p in spec.get("statement_markers", [])),
        addressee=frozenset(spec.get("addressee_verbs", [])),
        not_before=frozenset(spec.get("not_cue_before", [])),
        noun_before=frozenset(spec.get("noun_before", [])),
        scare=tuple(tuple(t for t, _, _ in tokenize(p.lower())) for p in spec.get("scare_before", [])),
        title_nouns=frozenset(spec.get("title_nouns", [])),
        body_heads=frozenset(spec.get("body_heads", [])),
        pronouns=tuple((k, v) for k, v in (spec.get("pronouns") or {}).items()),
        naming=tuple(tuple(p.split()) for p in spec.get("naming_before", [])),
        determiners=frozenset(spec.get("scare_determiners", [])),
        suffixes=frozenset(spec.get("name_suffixes", [])),
        transcript_tags=tuple(spec.get("transcript_tags", [])) + tuple(
            t for t in spec.get("transcript_name_tags", []) if t not in spec.get("transcript_tags", [])),
        transcript_name_tags=frozenset(spec.get("transcript_name_tags", [])),
        reporter_tags=frozenset(spec.get("reporter_tags", ["Q"])),
        passive_aux=frozenset(spec.get("passive_aux", [])),
        subject_gap=frozenset(spec.get("subject_gap", [])),
        np_words=frozenset(spec.get("subject_np_words", [])),
        clause_openers=frozenset(spec.get("clause_openers", [])),
        role_ranks=frozenset(spec.get("role_ranks", [])),
        event_nouns=frozenset(spec.get("event_nouns", [])),
        body_pronouns=frozenset(spec.get("body_pronouns", [])),
        document_nouns=frozenset(spec.get("document_nouns", [])),
        document_issuing=frozenset(spec.get("document_issuing", [])),
        title_markers=tuple(tuple(p.split()) for p in spec.get("title_markers", [])),
        source_lead_ins=tuple(tuple(p.split()) for p in spec.get("source_lead_ins", [])),
    )


def is_transcript(doc, cues: Cues | None = None) -> bool:
    """Whether a paragraph of the document opens with a transcript's speaker tag ("Q:", "THE
    PRESIDENT:", "MS. JEAN-PIERRE:"; quote_cues.yaml transcript_tags): remarks, briefings and press
    calls, whose quotes and first-person sentences belong to the speaker of each turn."""
    cues = cues or load_cues()
    tags, name_tags = cues.transcript_tags, cues.transcript_name_tags
    seen = set()
    for s in doc.sentences:
        if s.para_id in seen:
            continue
        seen.add(s.para_id)
        text = s.text.lstrip("*-• ")
        for tag in tags:
            if text.startswith(tag) and (text[len(tag):len(tag) + 1] == ":" or (
                    tag in name_tags and re.match(r" [A-Z][A-Z'’\-]+:", text[len(tag):]))):
                return True
    return False


# ---------------------------------------------------------------- finding the quotes


def _single_quotes(para: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans (inside the marks) of single-quoted text outside double-quoted spans. The closing
    mark follows a non-space and is not an apostrophe inside a word ("won't", "Russia’s") or
    of a plural possessive ("workers' wages")."""
    out = []
    pos = 0
    for m in SINGLE_OPEN.finditer(para):
        a = m.end()
        if a < pos or any(s <= m.start() < e for s, e in taken) or a >= len(para) or not para[a].isalnum():
            continue
        mark = para[m.start()]
        closers = "’'" if mark == "'" else "’"
        k = a
        end = -1
        while k < len(para):
            ch = para[k]
            if ch in "\n“”\"":
                break
            if ch in closers and k > a and not para[k - 1].isspace():
                nxt = para[k + 1] if k + 1 < len(para) else ""
                if not nxt.isalnum():
                    possessive = para[k - 1] == "s" and nxt == " " and para[k + 2:k + 3].islower()
                    if not possessive:
                        end = k
                        break
            k += 1
        if end > a:
            out.append((a, end))
            pos = end + 1
    return out


def find_quotes(doc) -> list[Quote]:
    """Quoted spans of the body with the sentences they start and end in."""
    starts = [s.start for s in doc.sentences]
    quotes: list[Quote] = []
    offset = 0
    for para in doc.paragraphs:
        spans = []
        for m in QUOTE.finditer(para):
            group = 1 if m.group(1) is not None else 2
            spans.append((m.start(group), m.end(group)))
        if "‘" in para or "'" in para:
            spans += _single_quotes(para, [(a - 1, b + 1) for a, b in spans])
        for a, b in sorted(spans):
            raw = para[a:b]
            text = raw.strip()
            if len(text) < 2:
                continue
            start = offset + a + (len(raw) - len(raw.lstrip()))
            end = start + len(text)
            first = max(0, bisect.bisect_right(starts, start) - 1)
            last = max(0, bisect.bisect_right(starts, end - 1) - 1)
            quotes.append(Quote(start, end, text, doc.sentences[first].sent_id, doc.sentences[last].sent_id))
        offset += len(para) + 2
    return quotes


#: A Markdown link "[text](target)": read as the text it displays ("X [said](https://…), “…”").
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
#: Where an excerpt ends inside a paragraph: an editorial ellipsis in brackets ("[…]", "[...]"), or a
#: label's linked headline ("Outlet: [Headline](https://…)") with the excerpt right after it.
_UNIT_END = re.compile(r"(?:\[(?:…|\.\.\.)\]|:\s*\[[^\]]+\]\([^)\s]*\))$")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@functools.lru_cache(maxsize=1)
def _dateline() -> re.Pattern:
    """A wire dateline opening a paragraph: the place in capitals, an optional region or country and
    date, the agency in brackets, and a dash ("KYIV, Ukraine (AP) —", "ASTANA, March 3 (Reuters) -",
    "WASHINGTON —"; AP and Reuters dateline style; the agencies of dates.yaml ``wire_agencies``)."""
    agencies = "|".join(re.escape(a) for a in sorted(load_yaml("dates.yaml").get("wire_agencies", []),
                                                     key=len, reverse=True))
    return re.compile(rf"[A-Z][A-Z.'’\- ]*[A-Z](?:,\s*[A-Z][\w.'’\- ]{{0,40}}?)?(?:,?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
                      rf"(?:\s*\((?:{agencies})\))?\s*(?:—|–|-{{1,2}})")


def _kind(q: Quote, doc, cues: Cues | None = None) -> str:
    """Full when the quoted words stand as a statement of their own, partial when they are a fragment
    woven into the writer's sentence (the seeds' "worthy of support", "strategic partner.").

    The test is the syntax around the quote, not its first character: a quote is full when it opens
    its sentence (or the excerpt after a bracketed ellipsis "[…]" or a label's linked headline, or a
    wire dateline "KYIV, Ukraine (AP) —" at the paragraph's start), follows
    a colon, or follows a reporting verb and a comma ("X said, “…”", "as X [said](…), “…”"), and its
    first character is no lower-case letter; tweets and statements open with "@", ".@", "#", "$", a
    digit, an emoji or a nested mark. A quote opening with an ellipsis ("…and we will") is a fragment.
    After a paragraph's opening label ("Ian Bremmer, President, Eurasia Group: “most unifying …”")
    even a lower-case quote is full: the label attributes a statement of its own, as a transcript's
    speaker tag does (social-media text is often written in lower case)."""
    cues = cues or load_cues()
    sent = doc.sentences[q.sent_id - 1]
    before = _LINK.sub(r"\1", doc.body[sent.start:q.start].rstrip("“\"‘' "))
    first = q.text[:1]
    if first.islower():
        if not before.endswith(":"):
            return "partial"
        label = before[:-1]
        para_start = sent.start == 0 or doc.body[sent.start - 2:sent.start] == "\n\n"
        words = _WORD.findall(label)
        is_label = para_start and words and not any(c in label for c in "“”\"") and all(
            w[:1].isupper() or w[:1].isdigit() or w.lower() in _LABEL_JOINERS for w in words)
        return "full" if is_label else "partial"
    if q.text.startswith(("…", "...")) or not (first.isupper() or not first.isalpha()):
        return "partial"
    raw = doc.body[sent.start:q.start].rstrip("“\"‘' ")
    if before == "" or before.endswith(":") or _UNIT_END.search(raw.rstrip()):
        return "full"
    if (sent.start == 0 or doc.body[sent.start - 2:sent.start] == "\n\n") and _dateline().fullmatch(before):
        return "full"  # the lede's quote after its dateline: "KYIV, Ukraine (AP) — “…”"
    if before.endswith(",") and not before[:-1].rstrip().endswith((",", ";", "—", "–", ")")):
        words = _WORD.findall(before[-100:])
        for n in range(min(5, len(words))):  # "X said,", "X said on Tuesday,", "X told reporters,"
            w = words[-1 - n]
            if w in cues.reporting:
                if n + 1 < len(words) and words[-2 - n].lower() in cues.noun_before:
                    break  # "his notes," is a noun
                after = words[len(words) - n:]
                if all(x.lower() in cues.subject_gap or x[:1].isupper() for x in after) or (
                        w in cues.addressee and n <= 3):
                    return "full"
                break
    return "partial"


# ---------------------------------------------------------------- the document as one token stream


class Stream:
    """The body's tokens in one list (absolute offsets, sentence and paragraph of each) and
    the outer actor mentions by their first token, so cues can be read across sentences."""

    def __init__(self, doc):
        self.words: list[str] = []
        self.lows: list[str] = []
        self.starts: list[int] = []
        self.sent: list[int] = []
        self.para: list[int] = []
        self.mention_at: dict[int, tuple[int, Mention]] = {}  # first token -> (end token, mention)
        self.persons: list[tuple[int, Mention]] = []
        self.bodies: list[tuple[int, int, Mention]] = []
        add_word, add_start = self.words.append, self.starts.append
        for s in doc.sentences:
            toks = doc.tokens.get(s.sent_id) or tokenize(s.text)
            base = len(self.words)
            start = s.start
            for word, a, _ in toks:  # one loop for both lists (cheaper than two comprehensions)
                add_word(word)
                add_start(start + a)
            self.lows.extend(doc.lower.get(s.sent_id) or [w.lower() for w in self.words[base:]])
            self.sent.extend([s.sent_id] * len(toks))
            self.para.extend([s.para_id] * len(toks))
            ms = doc.mentions.get(s.sent_id, [])
            for m in _outer(ms):
                g = base + m.first_token
                self.mention_at[g] = (base + m.last_token, m)
                if m.actor.kind == "person":
                    self.persons.append((g, m))
                elif m.via != "demonym":
                    self.bodies.append((g, base + m.last_token, m))
        self.n = len(self.words)

    def index(self, offset: int) -> int:
        """The first token starting at or after a character offset."""
        return bisect.bisect_left(self.starts, offset)


def _bare(name: str) -> str:
    """A speaker's wording compared with a label: case, a leading "the" and ’/' ignored."""
    low = name.strip().lower().replace("’", "'")
    return low[4:] if low.startswith("the ") else low


def _outer(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside a longer one. Most lists are in order and never overlap (each mention
    non-empty and starting at or after the end of the one before): then all are kept."""
    end = -1
    for m in mentions:
        if m.first_token < end or m.last_token <= m.first_token:
            break
        end = m.last_token
    else:
        return list(mentions)
    return [m for m in mentions
            if not any(o is not m and o.first_token <= m.first_token and m.last_token <= o.last_token
                       and (o.last_token - o.first_token) > (m.last_token - m.first_token) for o in mentions)]


_POSSESSIVES = frozenset({"his", "her"})
#: Markup tokens between a subject and its cue ("X [said](https://…)").
_MARKUP = frozenset({"[", "]", "*", "**", "_", "\\"})
#: Words that open a sentence before its subject ("But", "Still,").
#: Lower-case words that join a role noun to the body or portfolio it names ("Secretary *of* State",
#: "the representative *of* Ukraine", "Minister *for* Foreign Affairs").
_ROLE_JOINERS = frozenset({"of", "for"})
_CONNECTIVES = frozenset({"and", "but", "so", "yet", "however", "meanwhile", "still", "also", "then", "now", "instead"})
#: Words that open an introductory clause or phrase ending at a comma ("When asked ..., she").
_INTRODUCERS = frozenset({"when", "while", "although", "though", "because", "since", "if", "as", "once", "during",
                          "following", "despite", "asked", "speaking", "today", "yesterday", "earlier", "later", "last"})


@dataclass
class Speaker:
    mention: Mention
    name: str  # the wording the quotes table shows: a person's full name, a body as the text names it
    cue: str
    how: str  # "cue", "pronoun", "split", "continued"


class Attributor:
    def __init__(self, doc, quotes: list[Quote], cues: Cues, dic: Dictionary):
        self.doc, self.cues, self.dic = doc, cues, dic
        self.st = Stream(doc)
        self.pc = person_cues()
        st = self.st
        self.inside: set[int] = set()
        self.bounds: list[tuple[int, int]] = []  # (opening mark token, closing mark token or -1)
        for q in quotes:
            a, b = st.index(q.start), st.index(q.end)
            self.inside.update(range(a, b))
            close = b if b < st.n and st.words[b] in ("”", '"', "’", "'") else -1
            self.bounds.append((a - 1, close))
        self.gender: dict[str, str] = {}
        self.gender = self._genders()

    # -- helpers
    def _is_verb(self, i: int) -> bool:
        st = self.st
        if st.lows[i] not in self.cues.reporting or i in self.inside or not st.words[i][:1].islower():
            return False  # a capitalised "States" is no verb
        if i > 0 and (st.lows[i - 1] in self.cues.noun_before
                      or st.words[i - 1] == "-" and st.starts[i - 1] + 1 == st.starts[i] and i > 1
                      and st.starts[i - 2] + len(st.words[i - 2]) == st.starts[i - 1]):
            return False  # "the calling of", "so-called": a noun or a compound adjective, no verb
        j = i - 1
        while j >= 0 and st.lows[j] in _AUX:
            j -= 1
        return not (j >= 0 and st.lows[j] in self.cues.not_before)

    def _genders(self) -> dict[str, str]:
        """Grammatical gender of the persons the text marks: an honorific (Mr./Ms.), a gendered
        role or kin noun next to the name ("her son, Maxim", "spokeswoman X"), and a possessive
        his/her before a kin noun ("Irina ..., her son" makes Irina a woman)."""
        st, pc = self.st, self.pc
        out: dict[str, str] = {}
        nouns = {**pc.roles, **pc.kin}
        for g, m in st.persons:
            aid = m.actor.actor_id
            k = g - 1
            if k >= 0 and st.words[k] == ".":
                k -= 1
            if k >= 0 and pc.honorifics.get(st.words[k]):
                out.setdefault(aid, pc.honorifics[st.words[k]])
                continue
            k = g - 1
            if k >= 0 and st.words[k] == ",":
                k -= 1
            if k >= 0 and nouns.get(st.lows[k]):
                out.setdefault(aid, nouns[st.lows[k]])
            end = st.mention_at[g][0]
            for j in range(end, min(st.n, end + 4)):
                if nouns.get(st.lows[j]) and st.sent[j] == st.sent[g]:
                    if st.lows[j] in pc.roles:  # "X, a spokeswoman for"
                        out.setdefault(aid, nouns[st.lows[j]])
                    break
        for i in grammar.word_positions(st.lows, _POSSESSIVES):
            low = st.lows[i]
            if i + 1 < st.n and st.lows[i + 1] in pc.kin and i not in self.inside:
                prev = self._person_before(i, "")
                if prev is not None and prev.sent_id >= self.st.sent[i] - 1:
                    out.setdefault(prev.actor.actor_id, "m" if low == "his" else "f")
        return out

    def _person_before(self, pos: int, gender: str) -> Mention | None:
        """The nearest person named before token ``pos`` (outside quotes) whose known gender fits."""
        persons = self.st.persons
        k = bisect.bisect_left(persons, pos, key=lambda p: p[0]) - 1
        while k >= 0:
            g, m = persons[k]
            if g not in self.inside:
                known = self.gender.get(m.actor.actor_id, "")
                if not gender or not known or known == gender:
                    return m
            k -= 1
        return None

    def _antecedent(self, pos: int, gender: str) -> Mention | None:
        """The person a he/she at token ``pos`` stands for: the subject of the nearest sentence
        (of the same or the previous paragraph) whose subject refers to someone of that gender.
        Only a person the text names and the dictionary or the text knows counts; when that
        nearest subject is a name nobody knows, a title alone ("the Secretary") or a kin or
        common noun ("My mother ..."), the pronoun stays unresolved rather than going to a
        person named earlier."""
        st = self.st
        para = st.para[pos]
        hi = pos
        while hi > 0:
            sent = st.sent[hi - 1]
            lo = bisect.bisect_left(st.sent, sent)
            if st.para[lo] < para - 1:
                return None
            kind, m = self._sentence_subject(lo, hi, gender)
            if kind == "person":
                return m
            if kind == "other":
                return None
            hi = lo
        return None

    def _sentence_start(self, pos: int) -> int:
        """The first token of the sentence holding token ``pos``."""
        return bisect.bisect_left(self.st.sent, self.st.sent[pos])

    def _body_antecedent(self, pos: int) -> tuple[Mention, str] | None:
        """The body an "it" at token ``pos`` (the subject of a reporting verb) stands for: the
        speaker or subject of the sentence before (in the same or the previous paragraph), when
        that is a body ("The Russian Foreign Ministry issued a statement on Monday. “…,” it said";
        "“…,” the ministry said. “…,” it added"). A person, no subject, or a thing ("The plan ...")
        gives no one: the pronoun is left unresolved rather than guessed."""
        st = self.st
        lo = self._sentence_start(pos)
        if lo == 0:
            return None
        prev = self._sentence_start(lo - 1)
        if st.para[prev] < st.para[pos] - 1:
            return None
        hit = self._clause_speaker(prev, lo)
        if hit is None or hit[0].actor.kind == "person" or hit[0].via == "demonym":
            return None
        if any(st.lows[i] in ("and", "with") and (i + 1) in st.mention_at for i in range(prev, lo)):
            return None  # "Kazakhstan and Russia signed a deal. “…,” it said": which one cannot be told
        return hit

    def _clause_speaker(self, lo: int, hi: int) -> tuple[Mention, str] | None:
        """Who speaks, or acts, in the sentence tokens lo..hi-1: the subject of its first reporting
        verb outside quotes, else (a sentence with no such verb) the mention that opens it."""
        st = self.st
        for v in range(lo, hi):
            if self._is_verb(v):
                start = lo
                while start < v and (start in self.inside or st.words[start] in _PUNCT):
                    start += 1
                if start < v and self._is_verb(start):  # "“…,” said X"
                    return self._object(start + 1, hi)
                return self._subject(start, v) if start < v else None
        i = lo
        while i < hi and (st.lows[i] in _CONNECTIVES or st.lows[i] == "the" or st.words[i] in _PUNCT):
            i += 1
        hit = st.mention_at.get(i)
        if hit is None:
            return None
        end, m = hit
        if m.actor.kind == "state" and end + 1 < hi and st.words[end] in ("’", "'") and st.lows[end + 1] == "s":
            phrase = self._body_phrase(end + 2, hi)  # "Russia's Foreign Ministry issued ..."
            return phrase
        return (m, self._wording(i, m)) if m.via != "demonym" else None

    def _document_author(self, lo: int, j: int) -> tuple[Mention, str] | None:
        """The author of a written statement that is the subject of a cue (tokens lo..j, j its
        last word): "a statement from/by X" (X), "the ministry's statement", "a Kremlin statement"
        (the owner or the body before the noun), or "the statement" alone: the author of the
        statement the text mentioned last, in this paragraph or the one before."""
        st, nouns = self.st, self.cues.document_nouns
        for d in range(j, max(lo, j - 5) - 1, -1):
            if st.lows[d] in nouns:
                break
        else:
            return None
        if d < j:  # "a statement from the Kremlin", "a statement by Kazakhstan's Foreign Ministry"
            if st.lows[d + 1] not in ("from", "by"):
                return None
            return self._object(d + 2, j + 1)
        hit = self._named_author(d)
        if hit is not None:
            return hit
        if not (d >= 1 and st.lows[d - 1] in ("the", "that", "this")) and not (
                d >= 2 and st.lows[d - 1] == "joint" and st.lows[d - 2] == "the"):
            return None
        para = st.para[d]
        for t in range(d - 1, -1, -1):  # "the statement": the one the text mentioned last
            if st.para[t] < para - 1:
                return None
            if st.lows[t] == st.lows[d] and t not in self.inside:
                if t + 1 < st.n and st.lows[t + 1] in ("from", "by"):
                    end = t + 2
                    while end < st.n and st.lows[end] in ("the", "a"):
                        end += 1
                    hit = st.mention_at.get(end)
                    return (hit[1], self._wording(end, hit[1])) if hit else None
                hit = self._named_author(t)
                if hit is not None:  # "Ukraine rejected the Kremlin statement": the Kremlin's
                    return hit
                if st.sent[t] == st.sent[d]:
                    # "The ministry issued a statement and “…,” the statement said": the speaker of
                    # this sentence is the cue's own subject, which would send the search back here
                    return None
                if not self._subject_authors(t):
                    return None  # "Ukraine rejected the statement": not Ukraine's
                s0 = self._sentence_start(t)
                s1 = next((i for i in range(t, st.n) if st.sent[i] != st.sent[t]), st.n)
                return self._clause_speaker(s0, s1)
        return None

    def _named_author(self, d: int) -> tuple[Mention, str] | None:
        """The author the noun phrase of a written statement names before its noun (token ``d``):
        the possessor ("the ministry's statement", "Moscow's statement") or a body as a premodifier
        after the article ("a Kremlin statement", "the Chinese Foreign Ministry statement")."""
        st = self.st
        owner = self._ends.get(d - 3) if d >= 3 and st.lows[d - 1] == "s" and st.words[d - 2] in ("’", "'") else None
        if owner is not None:  # "the ministry's statement", "Russia's statement"
            return owner, self._wording(self._start_of(owner), owner)
        before = self._ends.get(d - 1)
        if before is not None and self._start_of(before) > 0 and st.lows[self._start_of(before) - 1] in (
                "a", "an", "the", "its"):
            return before, self._wording(self._start_of(before), before)  # "a Kremlin statement"
        return None

    def _subject_authors(self, t: int) -> bool:
        """Whether the subject of the clause holding a statement noun (token ``t``, its noun phrase
        naming no author) is the statement's author: the statement is itself the subject of a
        reporting verb ("The statement said ...", whose own author is looked for), the object of a
        verb of issuing ("issued a strongly worded statement", ``document_issuing``), or the
        statement the subject speaks in ("said in a statement", "In a joint statement, X").
        The subject of any other verb acts on someone else's statement ("Ukraine rejected the
        statement", "welcomed the statement"), and one governed by another preposition is no
        statement of the subject's ("the claims in the statement", "a response to the statement")."""
        st = self.st
        v = t + 1
        while v < st.n and st.lows[v] in _AUX:
            v += 1
        if v < st.n and st.sent[v] == st.sent[t] and self._is_verb(v):
            return True
        for k in range(t - 1, max(self._sentence_start(t), t - 5) - 1, -1):
            low = st.lows[k]
            if low in self.cues.document_issuing:
                return True
            if low == "in":
                return st.lows[k + 1] in ("a", "an", "its", "their", "his", "her")
            if low in _PREPS or (st.words[k] in _PUNCT and st.words[k] != "-"):
                return False
        return False

    def _start_of(self, m: Mention) -> int:
        """The first token of a mention of the stream (one that ``_ends`` holds)."""
        return self._starts[id(m)]

    @functools.cached_property
    def _starts(self) -> dict[int, int]:
        """The first token of each mention ``_ends`` holds, by the mention's identity: built once per
        document, so a statement's author is found without a scan of all mentions for each."""
        ends, out = self._ends, {}
        for g, (stop, m) in self.st.mention_at.items():
            if ends.get(stop - 1) is m:
                out.setdefault(id(m), g)
        return out

    def _sentence_subject(self, lo: int, hi: int, gender: str) -> tuple[str, Mention | None]:
        """The subject of the sentence (tokens lo..hi-1, quotes left out) as a pronoun's
        antecedent: ("person", mention) for a named person of a fitting gender; ("other", None)
        for a fitting referent the dictionary does not name (an unknown name, a title alone, a
        kin or common noun); ("", None) when the subject refers to no one of that gender (a body,
        "It", a person of the other gender, a pronoun of the same gender that points further
        back)."""
        st, pc = self.st, self.pc
        i = lo
        quoted = False
        while i < hi and (i in self.inside or not st.words[i][:1].isalnum()):
            quoted = quoted or i in self.inside
            i += 1
        if quoted and i < hi and self._is_verb(i):  # "“…,” said Maria Lopez, a nurse."
            hit = self._object(i + 1, hi)
            if hit is None or hit[0].actor.kind != "person":
                return ("other", None) if hit is None else ("", None)
            m = hit[0]
            return ("person", m) if not gender or self.gender.get(m.actor.actor_id, gender) == gender else ("", None)
        while i < hi and st.lows[i] in _CONNECTIVES:
            i += 1
            while i < hi and st.words[i] == ",":
                i += 1
        if i < hi and (st.lows[i] in _PREPS or st.lows[i] in _INTRODUCERS):
            comma = next((j for j in range(i, min(hi, i + 15)) if st.words[j] == ","), -1)
            if comma < 0:
                return "", None
            kind, m = self._sentence_subject(comma + 1, hi, gender) if comma + 1 < hi else ("", None)
            if kind or st.lows[i] in _PREPS:
                return kind, m
            # the main clause names no one: the subject of the clause it opens with ("When David
            # Ben-Gurion declared independence, he announced …")
            return self._sentence_subject(i + 1, comma, gender)
        fits = lambda g: not gender or not g or g == gender
        nouns = {**pc.roles, **pc.kin}
        end = min(hi, i + 7)
        while i < end:
            if i in self.inside:
                return "", None
            w, low = st.words[i], st.lows[i]
            hit = st.mention_at.get(i)
            if hit is not None:
                stop, m = hit
                if self._compound(i, stop):
                    return "", None
                if m.via == "demonym" or (m.actor.kind != "person" and stop < st.n and st.words[stop][:1].isupper()):
                    i = stop  # "Ukrainian", "White House" before a title or name
                    continue
                if stop + 1 < hi and st.words[stop] in ("’", "'") and st.lows[stop + 1] == "s":
                    i = stop + 2  # a possessor before the head: "Russia's U.N. Ambassador X", "China's envoy X",
                    continue  # "Mr. Putin's spokesman, Dmitri S. Peskov"
                if m.actor.kind != "person":
                    return "", None
                return ("person", m) if fits(self.gender.get(m.actor.actor_id, "")) else ("", None)
            if low in PRONOUNS:
                return "", None  # a pronoun subject: the referent is further back
            if low in nouns or w in self.dic.person_titles:
                k = i + 1
                while k < hi:
                    body = st.mention_at.get(k)
                    if body is not None and body[1].actor.kind != "person" and body[0] < hi and (
                            st.lows[body[0]] in pc.roles or st.words[body[0]] in self.dic.title_words
                            or st.lows[k - 1] in _ROLE_JOINERS):
                        k = body[0]  # a body within the role phrase: "deputy U.N. envoy Dai Bing", "the
                        # representative of Ukraine, Sergiy Kyslytsya"
                    elif body is None and (st.words[k] == "," or st.lows[k] in pc.roles or st.words[k][:1].isupper()
                                           and (st.words[k] in self.dic.title_words or st.lows[k] in nouns)
                                           or st.lows[k] in _ROLE_JOINERS and k + 1 < hi
                                           and st.words[k + 1][:1].isupper()):
                        k += 1  # "Secretary of State Antony Blinken", "Minister for Foreign Affairs Penny Wong"
                    else:  # the given names and initials before a surname the mention holds ("Dmitri S. Peskov")
                        name = next((x for x in range(k, min(hi, k + 4)) if x in st.mention_at), None)
                        if name is not None and st.mention_at[name][1].actor.kind == "person" and all(
                                st.words[x][:1].isupper() and st.words[x].isalpha() or st.words[x] == "."
                                for x in range(k, name)):
                            k = name
                        break
                hit = st.mention_at.get(k)
                if hit is not None and hit[1].actor.kind == "person":
                    m = hit[1]  # "her husband, Mykola", "spokeswoman Maria Zakharova"
                    return ("person", m) if fits(self.gender.get(m.actor.actor_id, "")) else ("", None)
                return ("other", None) if fits(nouns.get(low, "")) else ("", None)
            if w in pc.honorifics and i + 1 < hi:  # "Mr. Blinken, for his part, said": the name follows
                i += 2 if st.words[i + 1] == "." else 1
                continue
            if w[:1].isupper() and w.isalpha() and w.lower() not in self.dic.function_words:
                run = i
                while run < hi and run not in st.mention_at and (
                        st.words[run][:1].isupper() and st.words[run].isalpha() or st.lows[run] in ("of", "and", "for")
                        and run + 1 < hi and st.words[run + 1][:1].isupper()):
                    run += 1  # "Housing and Urban Development Secretary Marcia Fudge"
                hit = st.mention_at.get(run)
                if hit is not None and hit[1].actor.kind == "person" and any(
                        st.lows[r] in nouns or st.words[r] in self.dic.title_words for r in range(i, run)):
                    m = hit[1]  # "Benton County Emergency Manager Bryan Lee"
                    return ("person", m) if fits(self.gender.get(m.actor.actor_id, "")) else ("", None)
                if run - i >= 2 and not any(st.words[r] in self.pc.org_words for r in range(i, run)):
                    return "other", None  # a name the dictionary lacks
                return "", None
            if low in ("the", "a", "an", "his", "her", "my", "our", "their", "its", "your", "former", "late", "then",
                       "acting", "longtime", "s", "’", "'"):
                i += 1
                continue
            role = self._premodified_role(i, end)
            if role is not None:  # "the foreign ministry spokeswoman, Maria Zakharova"
                i = role
                continue
            return "", None
        return "", None

    def _premodified_role(self, i: int, end: int) -> int | None:
        """The role noun that lower-case words from token ``i`` premodify ("the *foreign ministry*
        spokeswoman", "the *top* diplomat"): the first role noun within two more words, all of
        them lower-case letters and none a reporting verb or a function word; else None."""
        st = self.st
        for k in range(i, min(end, i + 3)):
            w = st.words[k]
            if not (w.isalpha() and w.islower()) or st.lows[k] in self.cues.reporting or (
                    st.lows[k] in self.dic.function_words) or k in self.inside:
                return None
            if k > i and st.lows[k] in self.pc.roles:
                return k
        return None

    def _wording(self, g: int, m: Mention) -> str:
        """How the text names a body: with a possessive state before it and a lower-case "the"
        ("Kazakhstan's Foreign Ministry", "the Kremlin"); a person by the full name."""
        if m.actor.kind == "person":
            return m.actor.name
        st = self.st
        text = m.surface
        if g >= 3 and st.lows[g - 1] == "s" and st.words[g - 2] in ("’", "'") and g - 3 in self._ends:
            owner = self._ends[g - 3]
            text = f"{owner.surface}{st.words[g - 2]}s {text}"
        elif g >= 1 and st.lows[g - 1] == "the":
            text = "the " + text
        return text

    @functools.cached_property
    def _ends(self) -> dict[int, Mention]:
        return {end - 1: m for g, (end, m) in self.st.mention_at.items()}

    def _subject(self, lo: int, hi: int) -> tuple[Mention, str] | None:
        """The speaker of a clause tokens lo..hi-1 ending at its cue: a pronoun right before the
        cue; else the first person not governed by a preposition; else the first such body
        (the head of "Kazakhstan's Foreign Ministry"); else a body named by a capitalised run
        ending in a body noun ("Ukraine’s Defence Ministry"), or "the ministry" for the body
        first named with that head."""
        st = self.st
        j = hi - 1
        while j >= lo and (st.lows[j] in _AUX or st.words[j] == ","):
            j -= 1
        if j >= lo and st.lows[j] in PRONOUNS:
            gender = dict(self.cues.pronouns).get(st.lows[j], "")
            m = self._antecedent(j, gender)
            return (m, m.actor.name) if m else None
        if j >= lo and st.lows[j] in self.cues.body_pronouns and j not in self.inside:
            return self._body_antecedent(j)
        if j >= lo and j not in self.inside and (st.lows[j] in self.cues.document_nouns or any(
                st.lows[d] in self.cues.document_nouns and st.lows[d + 1] in ("from", "by")
                for d in range(max(lo, j - 5), j))):
            hit = self._document_author(lo, j)  # "the statement said", "a statement from X said"
            if hit is not None:
                return hit
        persons, bodies = [], []
        clause = lo
        for i in range(lo, hi):
            if st.words[i] in (";",) or (st.words[i] in _ENDS and not self._abbrev(i - 1) and not self._in_address(i)):
                clause = i + 1
        g = clause
        depth_who = False
        while g < hi:
            w = st.lows[g]
            if w in ("who", "which", "whose") and g > clause and st.words[g - 1] == ",":
                depth_who = True  # ", who grows cotton near Fergana," is an aside
            elif w == "," and depth_who:
                depth_who = False
            hit = st.mention_at.get(g)
            if hit is None or g in self.inside or depth_who:
                g += 1
                continue
            end, m = hit
            if m.via == "demonym" or self._compound(g, end):
                g = end
                continue
            k = g - 1
            while k >= clause and st.lows[k] in ("the", "a", "an", "former", "then"):
                k -= 1
            governed = k >= clause and st.lows[k] in _PREPS
            possessive = end + 1 < hi and st.words[end] in ("’", "'") and st.lows[end + 1] == "s"
            if not governed:
                if m.actor.kind == "person":
                    if not (possessive and end + 2 < hi and st.lows[end + 2] in self.pc.roles):
                        persons.append((g, m))  # not the possessor of "Mr. Putin's spokesman, X, said"
                elif not possessive or not (end + 2 < hi and st.words[end + 2][:1].isupper()):
                    modifier = not possessive and end < hi and st.words[end][:1].isupper() and st.words[end].isalpha()
                    if not (m.actor.kind == "place" and not m.actor.stands_for) and not modifier:
                        bodies.append((g, m))  # not "U.S." of "the U.S. Chamber of Commerce"
            g = end
        last = j + 1  # the subject ends before the cue and its auxiliaries
        # a name is the speaker only as the head of the cue's subject: not one in an earlier clause
        # or a participle phrase before the subject ("When X told her counselor ..., the counselor
        # warned"), nor the object of a participle ("honoring his friend X said")
        cue = hi
        while cue - 1 >= lo and st.lows[cue - 1] in _AUX:
            cue -= 1
        if hi < st.n and st.lows[hi] in self.cues.reporting and not st.lows[hi].endswith("ing"):
            # a finite cue verb (not a label's colon, nor a participle "…, saying" of the main clause)
            heads = lambda g: self._heads_subject(g, st.mention_at[g][0], clause, cue)
            named = bool(persons)
            persons = [(g, m) for g, m in persons if heads(g)]
            if named and not persons:  # the subject is no name: no body inside its clauses either
                bodies = [(g, m) for g, m in bodies if heads(g)]
        if persons:
            g, m = persons[0]
            return m, m.actor.name
        roles = [i for i in range(clause, last) if self._role_word(i) and i not in self.inside]
        if roles and not any(st.words[i] == "," for i in range(clause, roles[-1])):
            # a role phrase as subject: its closing name is the speaker ("White House Chief of Staff
            # Ron Klain said"); a body that modifies its role noun is not ("a White House official")
            person = self._role_name(roles[-1], [i for i in range(clause, last) if i not in self.inside])
            if person is not None:
                return person
            held = self._role_holder(clause, last)
            if held is not None:
                return held
            bodies = [(g, m) for g, m in bodies if not any(r >= st.mention_at[g][0] for r in roles)]
        phrase = self._body_phrase(clause, hi)
        if phrase is not None:
            return phrase
        if bodies:
            g, m = bodies[0]
            return m, self._wording(g, m)
        return None

    def _heads_subject(self, g: int, end: int, clause: int, last: int) -> bool:
        """Whether the name at tokens g..end-1 heads the subject that ends at token ``last`` (the
        cue and its auxiliaries after it): what lies between the name and the cue is nothing, an
        appositive in commas, dashes or brackets ("X, a researcher at Y, said", "X (D-Calif.)
        said"), a conjoined subject ("X and Y said"), a place or body of the name ("Senator X of
        Ohio said") or a time ("X on Monday said", quote_cues.yaml ``subject_gap``); and the noun
        phrase the name ends is not the object of a verb or participle before it ("honoring his
        late friend X said": a lower-case word in -ing or -ed before the phrase's ``subject_np_words``)."""
        st, cues = self.st, self.cues
        gap = [i for i in range(end, last) if i not in self.inside and st.words[i] not in _MARKUP]
        if gap:
            first, tail = st.words[gap[0]], st.words[gap[-1]]
            pairs = {",": ",", "—": "—", "–": "–", "(": ")", "[": "]"}
            clause_free = not any(st.lows[i] in cues.clause_openers for i in gap)
            if first in pairs and tail == pairs[first] and len(gap) >= 3:
                pass  # an appositive
            elif first in (",", "—", "–") and len(gap) > 1 and st.lows[gap[1]] in ("who", "which"):
                pass  # a relative aside the text does not close: "Representative X—who represents …, said"
            elif gap == [gap[0]] and first == "," and any(st.words[i] == "," for i in range(clause, g)):
                pass  # the name is the appositive: "the mayor of Kharkiv, Ihor Terekhov, said"
            elif st.lows[gap[0]] in ("and", "&"):
                pass  # "X and Y said"
            elif st.lows[gap[-1]] == "and" or tail == "," and first != ",":
                if not clause_free:
                    return False  # "When X told her counselor she …, the counselor warned"
                # a second predicate of the name: "X signed the order and urged", "X visits …, says"
            elif st.lows[gap[0]] in ("of", "from") and all(
                    st.words[i][:1].isupper() or st.lows[i] in _LABEL_JOINERS or st.words[i] in (".", "-")
                    for i in gap[1:]):
                pass  # "Senator X of Ohio said"
            elif len(gap) <= 2 and all(st.words[i][:1].isupper() and st.words[i].isalpha() for i in gap):
                pass  # the rest of a name the dictionary names in part: "Prime Minister Kishida Fumio said"
            elif not all(st.lows[i] in cues.subject_gap or st.words[i].isdigit()
                         or st.lows[i].endswith("ly") and st.words[i].islower() for i in gap):
                return False
        k = g - 1
        while k >= clause and (st.lows[k] in cues.np_words or st.words[k] in ("’", "'")
                               or st.words[k][:1].isupper() or self._role_word(k) or st.lows[k] in self.pc.kin):
            k -= 1
        if k >= clause and k not in self.inside:
            w = st.lows[k]
            compound = k > 0 and st.words[k - 1] in ("-", "‑") and st.starts[k] == st.starts[k - 1] + 1
            if w.isalpha() and st.words[k][:1].islower() and len(w) > 4 and w.endswith(("ing", "ed")) \
                    and w not in cues.np_words and not compound:  # not "self-described"
                return False  # the object of a verb or a participle
        return True

    def _body_phrase(self, lo: int, hi: int) -> tuple[Mention, str] | None:
        """A body the dictionary may lack, named as the subject: [State's] Capitalised ... Head
        ("Ukraine’s Defence Ministry"), or "the <head>" for the body first named with that head."""
        st = self.st
        heads = self.cues.body_heads
        for i in range(lo, hi):
            if st.lows[i] in heads and i not in self.inside:
                if st.words[i][:1].isupper():
                    k = i
                    while k - 1 >= lo and st.words[k - 1][:1].isupper() and st.words[k - 1].isalpha() \
                            and (k - 1) not in self._ends:
                        k -= 1
                    tail = self._of_tail(i + 1, hi)
                    first = k + 1 if st.lows[k] == "the" else k
                    if tail is not None and first == i and (st.lows[k] == "the" or k > 0 and st.lows[k - 1] == "the"):
                        stop, state = tail  # "the Ministry of Energy of Uzbekistan": the state it names
                        return state, "the " + self.doc.body[st.starts[i]:st.starts[stop - 1] + len(st.words[stop - 1])]
                    owner = self._possessor(k, lo)
                    hit = st.mention_at.get(k)
                    if hit is not None and hit[0] == i + 1:
                        return None  # a known body: the mention path names it
                    if owner is not None and owner.actor.kind == "state":
                        return owner, self.doc.body[self._abs(owner):st.starts[i] + len(st.words[i])]
                    if owner is None and i - k >= 1 and k > 0 and st.lows[k - 1] == "the":
                        return self._new_body(k - 1, i + 1)
                    return None
                owned = self._owned_lower_body(lo, i)
                if owned is not None:
                    return owned
                if i > lo and st.lows[i - 1] == "the" and (i + 1 >= hi or st.lows[i + 1] in self.cues.reporting
                                                            or st.lows[i + 1] in _AUX):
                    for head, owner, name, at in self.named_bodies:
                        if head == st.lows[i] and at < i:
                            return owner, name
        return None

    def _possessor(self, k: int, lo: int) -> Mention | None:
        """The mention whose possessive "'s" ends right before token ``k`` ("Russia's defence ministry"),
        at or after token ``lo``; else None."""
        st = self.st
        if k >= lo + 3 and st.lows[k - 1] == "s" and st.words[k - 2] in ("’", "'"):
            return self._ends.get(k - 3)
        return None

    def _owned_lower_body(self, lo: int, i: int) -> tuple[Mention, str] | None:
        """A state's body written in lower case, as AP, Reuters and the Guardian write a ministry's
        name in running text: the head noun at token ``i`` after up to two lower-case modifiers and
        the state as possessor ("Russia's defence ministry") or demonym ("the Uzbek energy
        ministry"): the state's mention, worded as the text names the body; else None."""
        st = self.st
        k = i
        while k - 1 >= lo and i - k < 2 and (k - 1) not in self.inside and st.words[k - 1].isalpha() and \
                st.words[k - 1].islower() and len(st.words[k - 1]) > 1 and \
                st.lows[k - 1] not in self.dic.function_words and \
                st.lows[k - 1] not in self.cues.reporting:
            k -= 1
        end = st.starts[i] + len(st.words[i])
        owner = self._possessor(k, lo)
        if owner is not None and owner.actor.kind == "state" and owner.via != "demonym":
            return owner, self.doc.body[self._abs(owner):end]
        owner = self._ends.get(k - 1) if k - 1 >= lo else None
        if owner is not None and owner.via == "demonym" and owner.actor.kind == "state":
            start = self._start_of(owner)
            if start - 1 >= lo and st.lows[start - 1] == "the":
                return owner, "the " + self.doc.body[self._abs(owner):end]
        return None

    def _of_tail(self, j: int, hi: int) -> tuple[int, Mention] | None:
        """After a capitalised body head at ``j - 1``, "of"/"for" and the capitalised words of its
        name running to the subject's end, with a state among them ("Ministry of Energy of
        Uzbekistan"): (the token after the name, the state's mention); else None."""
        st = self.st
        if j >= hi or st.lows[j] not in ("of", "for"):
            return None
        state, k = None, j
        while k < hi and k not in self.inside and (st.lows[k] in ("of", "for", "and", "the") or (
                st.words[k][:1].isupper() and st.words[k].replace(".", "").isalpha())):
            hit = st.mention_at.get(k)
            if hit is not None:
                if hit[1].actor.kind == "state" and hit[1].via != "demonym":
                    state = hit[1]
                k = hit[0]
                continue
            k += 1
        while k < hi and st.lows[k] in _AUX:
            k += 1
        if state is None or k != hi or st.lows[k - 1] in ("of", "for", "and", "the"):
            return None
        stop = k
        while st.lows[stop - 1] in _AUX:
            stop -= 1
        return stop, state

    def _new_body(self, first: int, end: int) -> tuple[Mention, str]:
        """A body the dictionary lacks, named in full ("the World Food Programme"), as a
        document-local organisation; the wording keeps its "the"."""
        mention, _ = self._label_body(first, end)
        return mention, mention.surface

    def _abs(self, m: Mention) -> int:
        return self.doc.sentences[m.sent_id - 1].start + m.start

    @functools.cached_property
    def named_bodies(self) -> list:
        """Bodies named in full: (head noun, mention, wording, token), in text order; a
        dictionary body ("Kazakh Foreign Ministry") or a state's body the dictionary lacks
        ("Russia’s Defence Ministry", kept under the state's mention)."""
        st = self.st
        out = []
        for g, end, m in st.bodies:
            head = st.lows[end - 1]
            if head in self.cues.body_heads:
                out.append((head, m, self._wording(g, m), g))
        for i, low in enumerate(st.lows):
            if low in self.cues.body_heads and st.words[i][:1].isupper() and i not in self._ends:
                k = i
                while k - 1 >= 0 and st.words[k - 1][:1].isupper() and st.words[k - 1].isalpha() \
                        and (k - 1) not in self._ends:
                    k -= 1
                owner = self._possessor(k, 0)
                if owner is not None:
                    if owner.actor.kind == "state":
                        out.append((low, owner, self.doc.body[self._abs(owner):st.starts[i] + len(st.words[i])], k))
        return sorted(out, key=lambda x: x[3])

    def _object(self, lo: int, hi: int) -> tuple[Mention, str] | None:
        """The speaker right after an inverted cue ("said Uzbek Foreign Minister X", "according
        to the ministry"), read to the end of its clause, skipping asides in dashes or brackets:
        the first person not governed by a preposition ("a spokesman for X" names no speaker X);
        else, in a role phrase (a title or role noun, an optional "of ..." body), the two to four
        capitalised words that end it, known to the dictionary or not ("said White House Chief of
        Staff Ron Klain"); else the first body that modifies no role noun after it (the body of
        "said U.S. Secretary of ... X" is no speaker)."""
        st = self.st
        body = None
        words = []  # the clause's tokens outside asides
        g = lo
        while g < hi:
            w = st.words[g]
            if g > lo and (w in (",", ";", "“", '"') or (w == "." and not self._abbrev(g - 1))
                           or w in _ENDS and w != "."):
                break
            if w in ("—", "–", "(", "["):
                close = {"(": ")", "[": "]"}.get(w, w)
                end = next((j for j in range(g + 1, hi) if st.words[j] == close), -1)
                if end < 0:
                    break  # an aside that runs on: the phrase ends at its dash
                g = end + 1
                continue
            words.append(g)
            g += 1
        roles = [i for i in words if self._role_word(i)]
        for i in words:
            hit = st.mention_at.get(i)
            if hit is None or hit[1].via == "demonym" or i in self.inside or self._compound(i, hit[0]):
                continue
            m = hit[1]
            k = i - 1
            while k >= lo and st.lows[k] in ("the", "a", "an", "former"):
                k -= 1
            governed = k >= lo and st.lows[k] in _PREPS and st.lows[k] != "of"
            if m.actor.kind == "person":
                if not governed:
                    return m, m.actor.name
                continue
            if body is None and not governed and not any(r >= hit[0] for r in roles) and \
                    (m.actor.kind != "place" or m.actor.stands_for):
                body = (m, self._wording(i, m))
        if roles:
            person = self._role_name(roles[-1], words)
            if person is not None:
                return person
        if body is None:
            if roles:
                return None
            return self._body_phrase(lo, words[-1] + 1 if words else lo)
        return body

    def _role_holder(self, lo: int, last: int) -> tuple[Mention, str] | None:
        """The person a subject of "the" and a role refers to ("the president", "the foreign
        minister", "the Kazakh president"): the one person named earlier in the text who holds that
        role, by the title written before a mention of the name ("Foreign Minister Sergey Lavrov")
        or the role the dictionary gives for the document's date, with every word of the phrase
        and no rank word it lacks (``role_ranks``: not "Vice President" for "the president"); with
        a demonym in the phrase, a person of that state. News writing names a person once and then
        refers back by the role, in lower case (AP style: "the minister said"); when two people named
        before could be meant, or none, the text does not say who spoke and the quote stays
        unattributed. A capitalised "the President" is the usage of official texts for their own
        government's head, which this does not resolve."""
        st = self.st
        i = lo
        while i < last and (i in self.inside or not st.words[i][:1].isalnum()):
            i += 1
        if i >= last or st.lows[i] != "the" or not self._role_word(last - 1):
            return None
        words, state, k = set(), "", i + 1
        while k < last:
            hit = st.mention_at.get(k)
            if hit is not None:
                if hit[1].via != "demonym" or state:
                    return None
                state, k = hit[1].actor.actor_id, hit[0]
                continue
            if not (st.words[k].isalpha() and st.words[k].islower()):
                return None  # "the President" capitalised: an official text's own head, not read here
            words.add(st.lows[k])
            k += 1
        if not words or len(words) > 3:
            return None
        date = str((self.doc.meta or {}).get("date", "") or "")
        held: dict[str, list] = {}  # actor id -> [title and role words, its last mention before the subject]
        for g, m in st.persons:
            if g >= i:
                break
            a = m.actor
            if state and a.country_iso3 != state:
                continue
            entry = held.setdefault(a.actor_id, [set(), m])
            entry[1] = m
            entry[0] |= self._title_before(g)
            if a.role and a.role != "found in text" and (not date or (a.valid_from or "") <= date
                                                          and (not a.valid_to or date <= a.valid_to)):
                entry[0] |= set(a.role.lower().replace(",", " ").split())
        fits = [m for have, m in held.values()
                if words <= have and not (have & self.cues.role_ranks) - words]
        if len(fits) != 1:
            return None
        return fits[0], fits[0].actor.name

    def _title_before(self, g: int) -> set[str]:
        """The lower-case words of the title written right before the mention at token ``g``, in
        its sentence ("Foreign Minister", "Secretary of State", "Kazakh President")."""
        st = self.st
        out: set[str] = set()
        k = g - 1
        while k >= 0 and g - k <= 6 and st.sent[k] == st.sent[g]:
            w = st.words[k]
            if w in self.dic.title_words and w[:1].isalpha() or (w[:1].isupper() and st.lows[k] in self.pc.roles):
                out.add(st.lows[k])
            elif not (st.lows[k] == "of" and out):
                break
            k -= 1
        return out

    def _role_word(self, i: int) -> bool:
        """A role noun or a title; an abbreviated title is the word and its period, as the
        tokens split it ("Sen.", "Rep.", "Gov." of matching.yaml ``titles``)."""
        st = self.st
        w = st.words[i]
        return w.lower() in self.pc.roles or w in self.dic.person_titles or (
            i + 1 < st.n and st.words[i + 1] == "." and w + "." in self.dic.person_titles
            and st.starts[i + 1] == st.starts[i] + len(w))

    def _role_name(self, role: int, words: list[int]) -> tuple[Mention, str] | None:
        """The name that ends a role phrase: the capitalised words after its last role noun, to
        the end of the clause, less a leading common English word of the body ("Staff Ron Klain",
        "Labour Dilshod Rahimov"): two to four name words, none known to the dictionary as a body,
        title or organisation head."""
        st = self.st
        after = [i for i in words if i > role]
        if not after:
            return None
        run = []
        for i in reversed(after):
            w = st.words[i]
            if w == "." and run and len(st.words[i - 1]) == 1:
                continue  # an initial: "John E. Herbst", "A. Bradley Mims"
            if len(w) == 1 and w.isupper() and st.words[i + 1] == "." and run and i not in self._ends:
                run.insert(0, i)
                continue
            if len(w) == 2 and w.isupper() and w.isalpha() and run and i - 1 == role and i not in self._ends:
                run.insert(0, i)  # initials written without periods as the given name: "Governor JB Pritzker"
                break
            if i in self._ends or i in self.inside or not (w[:1].isupper() and (w.isalpha() or "-" in w)) \
                    or (len(w) > 1 and w.isupper()) or w in self.dic.title_words or w in self.pc.org_words \
                    or w.lower() in self.dic.function_words or self._role_word(i):
                break
            run.insert(0, i)
        if not run or run[-1] != after[-1] and not (st.words[after[-1]] == "." and after[-1] - 1 == run[-1]):
            return None
        if any(st.words[i] in (",", ":", ";") for i in after if i < run[0]):
            return None  # "Name, Director, Sierra Club": what follows a comma is no longer the role phrase
        given = _given_names()
        common = _common_lookup()
        while run and len(st.words[run[0]]) > 1 and st.words[run[0]].lower() in common and st.words[run[0]] not in given:
            run.pop(0)
        names = [i for i in run if st.words[i] != "."]
        if not 2 <= len(names) <= 4 or len(st.words[names[-1]]) == 1:
            return None
        if any(st.mention_at.get(i) for i in run):
            return None
        mention, name = self._label_body(run[0], run[-1] + 1)
        person = Actor(mention.actor.actor_id, name, "person", "", role="found in text")
        return Mention(mention.sent_id, mention.start, mention.end, mention.surface, person, "name",
                       mention.first_token, mention.last_token), name

    # -- the regions around a quote
    def _tail(self, k: int) -> tuple[int, int]:
        """Tokens after the closing mark to the end of the sentence or the next quote."""
        st = self.st
        a = self.bounds[k][1] + 1
        if a <= 0 or a >= st.n or st.para[a] != st.para[a - 1]:
            return a, a  # the quote closes its paragraph
        if a >= 2 and st.words[a - 2] == "." and not self._abbrev(a - 3):
            return a, a  # “….” ends its sentence: what follows is the next one
        b = a
        nxt_open = self.bounds[k + 1][0] if k + 1 < len(self.bounds) else st.n
        while b < st.n and b < nxt_open and st.para[b] == st.para[a]:
            if st.words[b] in _ENDS and b > a and not self._abbrev(b - 1):
                break
            b += 1
        return a, b

    def _head(self, k: int) -> tuple[int, int]:
        """Tokens before the opening mark from the start of the sentence or the last quote."""
        st = self.st
        b = self.bounds[k][0]
        if b <= 0:
            return 0, 0
        a = b
        prev_close = self.bounds[k - 1][1] if k > 0 else -1
        while a > 0 and a - 1 > prev_close and st.para[a - 1] == st.para[b] and (a - 1) not in self.inside:
            w = st.words[a - 1]
            if w in _ENDS and a - 2 >= 0 and not self._abbrev(a - 2):
                break
            a -= 1
        return a, b

    def _compound(self, g: int, end: int) -> bool:
        """Whether the mention at tokens g..end-1 is part of a hyphenated compound ("the
        Biden-Harris administration", "Putin-era"): a modifier, never a speaker."""
        st = self.st
        joined = lambda i: st.starts[i] == st.starts[i - 1] + len(st.words[i - 1])
        after = end + 1 < st.n and st.words[end] in ("-", "‑", "–") and joined(end) and joined(end + 1)
        before = g >= 2 and st.words[g - 1] in ("-", "‑", "–") and joined(g) and joined(g - 1)
        return after or before

    def _in_address(self, i: int) -> bool:
        """The period at token ``i`` is inside a web address or a link's target, no sentence end: a
        word follows it with no space ("www.splcenter.org", "](https://x.org/a.pdf)")."""
        st = self.st
        return st.words[i] == "." and i + 1 < st.n and st.starts[i + 1] == st.starts[i] + 1 and \
            st.words[i + 1][:1].isalnum()

    def _abbrev(self, i: int) -> bool:
        """The token before a period is an abbreviation or an initial ("Mr.", "St.", "F.")."""
        w = self.st.words[i] if i >= 0 else ""
        return w.lower() in _ABBREV or (len(w) == 1 and w.isupper())

    def has_cue(self, k: int) -> bool:
        """A reporting verb in the clause before or after the quote."""
        a, b = self._tail(k)
        ha, hb = self._head(k)
        return any(self._is_verb(i) for i in list(range(a, b)) + list(range(ha, hb)))

    def speaker(self, k: int, q: Quote, prev: list[Speaker | None]) -> Speaker | None:
        if q.kind == "partial":  # woven into reported speech: the verb before it governs it, unless
            # an attribution clause follows right after it ("…,” the State Department said)
            return self._from_tail(k, q, prev, strict=True) or self._from_head(k, q, prev) or \
                self._from_tail(k, q, prev) or self._continued(k, q, prev)
        return self._from_tail(k, q, prev) or self._from_head(k, q, prev) or self._dash_credit(k) or \
            self._continued(k, q, prev)

    def _dash_credit(self, k: int) -> Speaker | None:
        """The speaker credited after a dash when the quote is its paragraph ("“…” – X, role": the
        credit line of an epigraph, a pull quote or a round-up's reaction, as British papers'
        reaction lists and press releases set them). What follows the dash to the paragraph's end is
        read as a label is before a colon; a lower-case word after the dash, a reporting verb or a
        sentence end before the paragraph's end make it no credit line."""
        st = self.st
        o, c = self.bounds[k]
        if c < 0 or o < 0 or c + 2 >= st.n or st.words[c + 1] not in ("—", "–", "-", "--"):
            return None
        i = o - 1
        while i >= 0 and st.words[i] in _MARKUP:
            i -= 1
        if i >= 0 and st.para[i] == st.para[o]:
            return None  # the quote does not open its paragraph
        a = c + 2
        while a < st.n and st.words[a] in _MARKUP:
            a += 1
        if a >= st.n or st.para[a] != st.para[c] or not st.words[a][:1].isupper():
            return None
        b = a
        while b < st.n and st.para[b] == st.para[a]:
            if b in self.inside or self._is_verb(b) or (
                    st.words[b] in _ENDS and not self._abbrev(b - 1) and b + 1 < st.n and st.para[b + 1] == st.para[a]):
                return None
            b += 1
        while b > a and (st.words[b - 1] in _MARKUP or st.words[b - 1] == "."):
            b -= 1
        hit = self._label(a, b) if b - a <= 30 else None
        return Speaker(hit[0], hit[1], "–", "cue") if hit else None

    def _from_tail(self, k: int, q: Quote, prev: list[Speaker | None], strict: bool = False) -> Speaker | None:
        st, cues = self.st, self.cues
        # 1. after the closing mark: "…," said X / "…," X said / "…," according to X
        a, b = self._tail(k)
        i = a
        while i < b and st.words[i] in _PUNCT:
            i += 1
        if strict and not (i < b and (st.words[i - 1] == "," or q.text.endswith(",")) and
                           (st.lows[i] in ("the", "according") or st.lows[i] in PRONOUNS or i in st.mention_at
                            or self._is_verb(i))):
            return None
        if i < b:
            if st.lows[i] == "according" and i + 1 < b and st.lows[i + 1] == "to":
                hit = self._object(i + 2, b)
                if hit:
                    return Speaker(hit[0], hit[1], "according to", "cue")
            elif self._is_verb(i):
                if st.lows[i] not in cues.addressee and not st.lows[i].endswith("ing"):
                    hit = self._object(i + 1, b)
                    if hit:
                        return Speaker(hit[0], hit[1], st.words[i], "cue")
            else:
                aside = False
                for v in range(i, min(b, i + 30)):
                    if st.lows[v] in ("who", "which") and st.words[v - 1] == ",":
                        aside = True  # ", who asked that his name not be used," is no cue
                    elif st.words[v] == "," and aside:
                        aside = False
                    if not aside and self._is_verb(v):
                        hit = self._subject(i, v)
                        if hit:
                            return Speaker(hit[0], hit[1], st.words[v] + self._statement(v + 1), "cue")
                        break
        return None

    def _from_head(self, k: int, q: Quote, prev: list[Speaker | None]) -> Speaker | None:
        st, cues = self.st, self.cues
        # 2. a split quote: the cue between the halves names the speaker of both
        ha, hb = self._head(k)
        if k > 0 and prev[k - 1] is not None and self.bounds[k - 1][1] >= 0 and ha == self.bounds[k - 1][1] + 1 \
                and prev[k - 1].how in ("cue", "split") and ha < hb and st.words[hb - 1] in (",", "—", ":") \
                and st.sent[ha] == st.sent[self.bounds[k - 1][1]]:
            p = prev[k - 1]
            return Speaker(p.mention, p.name, p.cue, "split")
        # 3. before the opening mark: X said: "…" / X called it "…" / X struck a different note: "…"
        if ha < hb:
            lo = ha
            if ha > 0 and st.words[ha - 1] == "." and st.starts[ha] == st.starts[ha - 1] + 1:
                # a period with no space after it is inside a link's target ("](https://x.org/…)"),
                # no sentence end: the subject or label runs back to the sentence's start or the last quote
                lo = st.index(self.doc.sentences[st.sent[hb - 1] - 1].start)
                if k > 0 and self.bounds[k - 1][1] >= lo:
                    lo = self.bounds[k - 1][1] + 1
            for v in range(hb - 1, ha - 1, -1):
                if self._is_verb(v):
                    # the cue follows the last quote's closing mark with nothing but punctuation between
                    # ("…,” said X, “…”); a subject of its own ("…” He said China would “…”) is no such cue
                    close = self.bounds[k - 1][1] if k > 0 else -1
                    after_quote = close >= 0 and 0 < v - close <= 2 and all(
                        st.words[i] in _PUNCT for i in range(close + 1, v))
                    if after_quote and not st.lows[v].endswith("ing"):  # "…,” said X, “…”
                        hit = self._object(v + 1, hb) if st.lows[v] not in cues.addressee else None
                        if hit:
                            return Speaker(hit[0], hit[1], st.words[v], "cue")
                    hit = self._subject(lo, v)
                    if hit is None and st.lows[v].endswith("ing") and (st.words[v - 1] == "," or after_quote):
                        # "X said …, adding that …": the participle's subject is the clause's
                        if k > 0 and prev[k - 1] is not None and st.sent[self.bounds[k - 1][0]] == st.sent[v]:
                            p = prev[k - 1]
                            return Speaker(p.mention, p.name, st.words[v], "cue")
                        s0 = st.index(self.doc.sentences[st.sent[v] - 1].start)
                        hit = self._subject(s0, v)
                    if hit:
                        return Speaker(hit[0], hit[1], st.words[v] + self._statement(v + 1), "cue")
                    break
            else:
                lead = self._source_lead_in(lo, hb)
                if lead is not None:
                    return lead
                colon = hb - 1 if st.words[hb - 1] == ":" else self._link_colon(lo, hb)
                if colon is not None:
                    hit = self._label(lo, colon)
                    if hit:
                        return Speaker(hit[0], hit[1], ":", "cue")
        elif ha == hb:
            return self._lead_in(k)
        return None

    def _source_lead_in(self, lo: int, hb: int) -> Speaker | None:
        """The speaker named by a phrase that opens the sentence before a comma ("According to
        Sergei Lavrov, “…”", "According to the ministry, the strikes “…”": quote_cues.yaml
        ``source_lead_ins``), when no reporting verb stands between it and the quote (the caller's
        test): the phrase's object, as after an inverted cue ("…,” according to X")."""
        st = self.st
        while lo < hb and st.words[lo] in _MARKUP:
            lo += 1
        for phrase in self.cues.source_lead_ins:
            end = lo + len(phrase)
            if end < hb and tuple(st.lows[lo:end]) == phrase and "," in st.words[end:hb]:
                hit = self._object(end, hb)
                return Speaker(hit[0], hit[1], " ".join(st.words[lo:end]), "cue") if hit else None
        return None

    def _lead_in(self, k: int) -> Speaker | None:
        """The speaker of a quote that opens its paragraph after a paragraph ending in a colon: that
        paragraph's last sentence introduces it ("Secretary X said:", "In a statement, the ministry
        said:", "Statement from President Biden:"; AP Stylebook, "colon": a colon ends a paragraph
        that introduces a paragraph of quoted material). Its reporting verb gives the subject, as
        "X said: “…”" in one sentence does; with no verb, the sentence is read as a label."""
        st = self.st
        o = self.bounds[k][0]
        i = o - 1
        while i >= 0 and st.words[i] in _MARKUP and st.para[i] == st.para[o]:
            i -= 1  # the quote set in italics: "*“…"
        if i < 0 or st.para[i] == st.para[o]:
            return None  # the quote does not open its paragraph
        while i >= 0 and st.words[i] in _MARKUP:
            i -= 1  # a lead-in set in italics or bold: "*Statement from President Biden:*"
        if i < 1 or st.words[i] != ":" or i in self.inside:
            return None
        lo = self._sentence_start(i)
        if any(st.lows[v] in self.cues.passive_aux and st.lows[v + 1].endswith("ed") for v in range(lo, i - 1)):
            return None  # "Peskov was asked by reporters:": a passive lead-in; what follows is not the subject's
        for v in range(i - 1, lo - 1, -1):
            if self._is_verb(v):
                hit = self._subject(lo, v)
                return Speaker(hit[0], hit[1], st.words[v] + self._statement(v + 1), "cue") if hit else None
        hit = self._label(lo, i)
        return Speaker(hit[0], hit[1], ":", "cue") if hit else None

    def _label(self, lo: int, hi: int) -> tuple[Mention, str] | None:
        """The speaker of a label before a colon and a quote, with no reporting verb ("Progress
        America: “…”", "Secretary Blinken: “…”", as in transcripts and compilations of reactions).

        A label names its speaker whole. A person in it is the speaker; so is a body whose wording
        is the whole label. A label that only holds a known name inside a longer name of its own
        ("Families USA", "NARAL Pro-Choice America", "Accountable US") is an organisation the
        dictionary lacks, named by the label; any other label gives no speaker ("Seattle,
        Washington" names a place, not the state that "Washington" stands for elsewhere)."""
        st = self.st
        lo, hi = self._unwrap_label(lo, hi)
        if lo >= hi or self._two_people(lo, hi):
            return None
        hit = self._subject(lo, hi)
        if hit is not None and hit[0].actor.kind == "person":
            return hit
        st = self.st
        first = lo
        for i in range(lo, hi):
            if st.words[i] == ";" or (st.words[i] in _ENDS and not self._abbrev(i - 1) and not self._in_address(i)):
                first = i + 1
        while first < hi and not st.words[first][:1].isalnum():  # a list marker: "* ", "- "
            first += 1
        if first >= hi:
            return hit
        label = self.doc.body[st.starts[first]:st.starts[hi - 1] + len(st.words[hi - 1])]
        if hit is not None and _bare(hit[1]) == _bare(label):
            return hit
        if self._name_like(first, hi) or self._caps_org(first, hi):
            return self._label_body(first, hi)
        acronym = self._acronym(first, hi)
        if acronym is not None:
            return self._label_body(first, acronym)
        return self._label_person(first, hi) or self._label_role_name(first, hi)

    @functools.cached_property
    def _transcript(self) -> bool:
        return is_transcript(self.doc, self.cues)

    def _caps_org(self, first: int, hi: int) -> bool:
        """An organisation's abbreviation as the whole label ("NARAL:", "AFL-CIO:", "AT&T:"),
        outside transcripts, when it is no common English word ("LABOR:", "BREAKING:") and no
        surname of a person the document names ("YELLEN:" in an interview's excerpt)."""
        st = self.st
        if self._transcript:
            return False
        words = st.words[first:hi]
        text = "".join(words)
        if not (2 <= len(text) <= 10 and re.fullmatch(r"[A-Z][A-Z&\-]*[A-Z]", text)) or \
                self.doc.body[st.starts[first]:st.starts[hi - 1] + len(words[-1])] != text:
            return False
        if any(part.lower() in _common_lookup() for part in re.split(r"[&\-]", text) if len(part) > 2):
            return False
        surnames = {m.actor.name.split()[-1].upper() for _, m in st.persons}
        if text in surnames or text in _person_surnames(self.dic):
            return False
        # an abbreviation is written in capitals throughout; a label whose title-cased form the
        # text uses is a name in a transcript's style ("TODD:" for Chuck Todd)
        return re.search(r"\b" + re.escape(text.capitalize()) + r"\b", self.doc.body) is None

    def _link_colon(self, lo: int, hi: int) -> int | None:
        """The colon that ends a label written as a markdown link with the colon inside its text
        ("[Mayor John Giles, Mesa, AZ:](https://…) “…”"): its token, or None."""
        st = self.st
        if hi - lo < 5 or st.words[hi - 1] != ")":
            return None
        k = next((j for j in range(hi - 2, lo, -1) if st.words[j] == "(" and st.words[j - 1] == "]"), -1)
        if k < 2 or st.words[k - 2] != ":" or any(" " in self.doc.body[st.starts[j]:st.starts[j + 1]]
                                                 for j in range(k, hi - 1)):
            return None
        return k - 2

    def _unwrap_label(self, lo: int, hi: int) -> tuple[int, int]:
        """The label's own tokens: after a bracketed citation that closes the item before
        ("[Tweet, 8/28/23] PIRG:", a round-up's source trailer run into the next label), and
        inside a markdown link that a line break kept unconverted ("[Name, Org](https://…):"); a
        link inside the label ("Name, [Role, Org](https://…):") is no citation before it."""
        st = self.st
        if hi - lo >= 4 and st.words[hi - 1] == ")":
            k = next((j for j in range(hi - 2, lo, -1) if st.words[j] == "(" and st.words[j - 1] == "]"
                      and st.starts[j] == st.starts[j - 1] + 1), -1)
            if k > 0 and all(" " not in self.doc.body[st.starts[j]:st.starts[j + 1]] for j in range(k, hi - 1)):
                opening = next((j for j in range(k - 2, lo - 1, -1) if st.words[j] == "["), -1)
                if opening >= lo and not any(st.words[j][:1].isalnum() for j in range(lo, opening)):
                    # the whole label is the link ("[Name, Org](…)"), not a link inside it
                    lo, hi = opening + 1, k - 1  # the link's text; its target is no part of the label
        for i in range(hi - 1, lo - 1, -1):
            if st.words[i] == "]" and any(st.words[j] == "[" for j in range(lo, i)):
                if i + 1 < hi and st.words[i + 1] == "(" and st.starts[i + 1] == st.starts[i] + 1:
                    continue  # a link's text, "Name, [Role, Org](https://…):", is part of the label
                return i + 1, hi
        return lo, hi

    def _acronym(self, first: int, hi: int) -> int | None:
        """An organisation's name with its abbreviation in brackets after it ("American
        Psychiatric Association (APA)", "Laborers’ International Union of North America
        (LiUNA)"; the house style of press releases): the token where the brackets open, when the
        abbreviation's capitals are the initials of the name's words in order. People are not
        written with their initials so, and a state after a name ("(NY)", "(R-UT)") spells no
        initials of it."""
        st = self.st
        if hi - first < 4 or st.words[hi - 1] != ")" or st.words[hi - 3] != "(":
            if not (hi - first >= 6 and st.words[hi - 1] == ")" and st.words[hi - 5] == "(" and st.words[hi - 3] == "-"):
                return None
            opening = hi - 5  # "(AFL-CIO)", "(SAG-AFTRA)"
        else:
            opening = hi - 3
        letters = [c for w in st.words[opening + 1:hi - 1] for c in w if c.isupper()]
        if len(letters) < 2 or not all(w.isalnum() or w == "-" for w in st.words[opening + 1:hi - 1]):
            return None
        if not self._name_like(first, opening, org=True):
            return None
        initials = [w[0] for w in st.words[first:opening] if w[:1].isupper()]
        it = iter(initials)
        if not all(c in it for c in letters):
            return None
        return opening

    def _label_role_name(self, first: int, hi: int) -> tuple[Mention, str] | None:
        """"Role [of organisation], Name:" (the other order of round-up labels: "Governor of
        Pennsylvania, Josh Shapiro", "President and CEO, USTelecom, Jonathan Spalter"): the last
        part after a comma is the person, two to four name words the dictionary does not know, when
        the first part opens with a title or role word."""
        st = self.st
        comma = next((i for i in range(hi - 1, first, -1) if st.words[i] == ","), -1)
        if comma < 0 or comma + 1 >= hi or not self._role_word(first):
            return None
        words = st.words[comma + 1:hi]
        names = [w for w in words if w != "."]
        if not 2 <= len(names) <= 4 or any(st.mention_at.get(i) for i in range(comma + 1, hi)):
            return None
        for k, w in enumerate(words):
            if w == "." and k and len(words[k - 1]) == 1:
                continue  # an initial: "Nancy A. LeaMond"
            if not (w[:1].isupper() and w.isalpha() and not (len(w) > 1 and w.isupper())) \
                    or w in self.dic.title_words or w.lower() in self.pc.roles or w in self.pc.org_words \
                    or w.lower() in self.dic.function_words:
                return None
        if len(names[-1]) == 1:
            return None
        mention, name = self._label_body(comma + 1, hi)
        person = Actor(mention.actor.actor_id, name, "person", "", role="found in text")
        return Mention(mention.sent_id, mention.start, mention.end, mention.surface, person, "name",
                       mention.first_token, mention.last_token), name

    def _two_people(self, lo: int, hi: int) -> bool:
        """A label that lists two people, each with a role ("X, President of Y, and Z, Director
        of Y:"), or names a second person after "and" and a title ("Dr. X, CEO and Dr. Y,
        President, Z:"; a joint statement's signatories): the quote is theirs jointly, and neither
        alone is its speaker."""
        st = self.st
        for j in range(lo + 1, hi - 3):
            if st.words[j - 1] == "," and st.lows[j] == "and":
                k = j + 1
                while k < hi and st.words[k][:1].isupper() and (st.words[k].isalpha() or st.words[k] == "-"):
                    k += 1
                if 2 <= k - j - 1 <= 4 and k < hi and st.words[k] == ",":
                    return True
        # two named people joined by "and" or "&", the second after its title or honorific
        # ("Dr. X, CEO and Dr. Y, President, Z:", "Senator X, Senator Y, and Congresswoman W:")
        named = {m.actor.actor_id: g for g, m in st.persons if lo <= g < hi and g not in self.inside}
        for j in range(lo + 1, hi - 1):
            if st.lows[j] not in ("and", "&") or not any(g < j for g in named.values()):
                continue
            k = j + 1
            while k < hi and k not in st.mention_at and (st.words[k][:1].isupper() or st.words[k] == "."):
                k += 1
            hit = st.mention_at.get(k)
            if hit is not None and hit[1].actor.kind == "person" and any(
                    a != hit[1].actor.actor_id and g < j for a, g in named.items()):
                return True
        return False

    def _label_person(self, first: int, hi: int) -> tuple[Mention, str] | None:
        """"Name, role, organisation:" (the convention of reaction round-ups: "Sheila Katz, CEO of the
        National Council of Jewish Women: “…”"): the person named first, two to four name words
        the dictionary does not know, when what follows the comma is not only a place ("Los
        Angeles, California" names a city)."""
        st = self.st
        comma = next((i for i in range(first, hi) if st.words[i] == ","), -1)
        if comma < 0 or comma + 1 >= hi:
            return None
        end = comma  # the name's end, with a generational suffix ("Jr.", "III") that closes it
        if end - first >= 3 and st.words[end - 1] == "." and st.words[end - 2] in self.cues.suffixes:
            end -= 2
        elif end - first >= 3 and st.words[end - 1] in self.cues.suffixes and st.words[end - 1].isupper():
            end -= 1
        words = st.words[first:end]
        # A hyphen joined to the words on both sides is inside one name word ("Carter-Tripp",
        # "Rowe-Finkbeiner", "Ai-jen"; the second part of a given name may be lower-case).
        inner = {k for k in range(1, len(words) - 1) if words[k] in ("-", "‑")
                 and st.starts[first + k] == st.starts[first + k - 1] + len(words[k - 1])
                 and st.starts[first + k + 1] == st.starts[first + k] + 1
                 and words[k - 1].isalpha() and words[k + 1].isalpha()}
        names = [w for k, w in enumerate(words) if w != "." and k not in inner and k - 1 not in inner]
        if not 2 <= len(names) <= 4 or any(st.mention_at.get(i) for i in range(first, comma)):
            return None
        for k, w in enumerate(words):
            if w == "." and k and len(words[k - 1]) == 1:
                continue  # an initial: "John E. Herbst"
            if k in inner or (k - 1 in inner and w.isalpha() and w.islower() and len(w) > 1):
                continue  # the hyphen of a compound name and a lower-case part after it
            if not (w[:1].isupper() and w.isalpha() and not (len(w) > 1 and w.isupper())) \
                    or w in self.dic.title_words or w.lower() in self.pc.roles or w.lower() in self.dic.function_words:
                return None
        if len(names[-1]) == 1:
            return None
        rest = [i for i in range(comma + 1, hi) if st.words[i][:1].isalnum()]
        covered: set[int] = set()
        for i in rest:
            hit = st.mention_at.get(i)
            if hit and hit[1].actor.kind in ("place", "state"):
                covered.update(range(i, hit[0]))
        if rest and all(i in covered for i in rest):
            return None  # "City, State"
        mention, name = self._label_body(first, comma)
        person = Actor(mention.actor.actor_id, name, "person", "", role="found in text")
        return Mention(mention.sent_id, mention.start, mention.end, mention.surface, person, "name",
                       mention.first_token, mention.last_token), name

    def _name_like(self, first: int, hi: int, org: bool = False) -> bool:
        """Whether tokens first..hi-1 read as the proper name of an organisation: capitalised words,
        joined by lower-case function words, hyphens or a possessive ’s inside, at most eight
        words, not all in capitals and with no title or role word (those name people); a single
        word only when it is no common English word ("Update:", "Statement:")."""
        st = self.st
        words = st.words[first:hi]
        if not 1 <= len(words) <= (12 if org else 8) or not words[0][:1].isupper() or not words[-1][:1].isupper():
            return False
        for k, w in enumerate(words):
            if w[:1].isupper() and (w.isalpha() or w.replace(".", "").replace("+", "").isalnum()):
                continue
            if w in ("-", "&") or w.lower() in _LABEL_JOINERS:
                continue
            if w in ("’", "'") and ((k + 1 < len(words) and words[k + 1] == "s")
                                    or (k and words[k - 1].endswith("s") and st.starts[first + k] ==
                                        st.starts[first + k - 1] + len(words[k - 1]))):
                continue  # "Women’s March", "Laborers’ International Union"
            if w == "s" and k and words[k - 1] in ("’", "'"):
                continue
            return False
        letters = [w for w in words if w[:1].isalpha()]
        if all(w.isupper() for w in letters):
            return False  # "YELLEN:", "MS. JEAN-PIERRE:": a transcript's speaker tag, not an organisation
        if org or (len(letters) > 1 and words[-1] in self.pc.org_words and not self._role_word(first)):
            pass  # "Climate Justice Alliance": a title word inside a name that ends in an organisation head
        elif any(w in self.dic.person_titles or w.lower() in self.pc.roles for w in letters):
            return False  # "Illinois Governor JB Pritzker": a person by office, whom the dictionary lacks
        if len(letters) == 1:
            word = words[0]
            return len(word) > 1 and word.lower() not in _common_lookup() and word not in self.dic.title_words
        return True

    def _label_body(self, first: int, hi: int) -> tuple[Mention, str]:
        """Tokens first..hi-1 as a document-local organisation named by them (a leading "the" is no
        part of its name): the mention, and the name."""
        st = self.st
        start, stop = st.starts[first], st.starts[hi - 1] + len(st.words[hi - 1])
        text = self.doc.body[start:stop]
        name = text[4:] if text.lower().startswith("the ") else text
        actor_id = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
        sent = self.doc.sentences[st.sent[first] - 1]
        actor = Actor(actor_id, name, "organization", "", role="found in text")
        base = st.index(sent.start)
        return Mention(sent.sent_id, start - sent.start, stop - sent.start, text, actor, "body",
                       first - base, hi - base), name

    def _continued(self, k: int, q: Quote, prev: list[Speaker | None]) -> Speaker | None:
        st = self.st
        # 4. continuation of the last full quote's speaker, for a quote with no lead-in of its own
        ha, hb = self._head(k)
        # a colon right before the mark is a lead-in of its own: a label ("Girls Inc.: “…”"), even when
        # the sentence splitter ended the sentence inside it
        lead_in = any(st.words[i] not in _PUNCT for i in range(ha, hb)) or (
            0 < self.bounds[k][0] < st.n and st.words[self.bounds[k][0] - 1] == ":")
        ta, tb = self._tail(k)
        own_cue = any(self._is_verb(i) for i in range(ta, min(tb, ta + 3)))
        if k > 0 and q.kind == "full" and not lead_in:
            j = k - 1
            p = prev[j]
            if p is not None and own_cue and not (p.mention.actor.kind == "person" and any(
                    st.words[i] == p.name.split()[-1] for i in range(ta, tb))):
                return None  # "…,” says X, …: a cue of its own, not naming the last speaker, is no continuation
            if p is not None and (self._kinds[j] == "full" or p.how == "split"):
                start_prev = self.bounds[j][1] if self.bounds[j][1] >= 0 else self.bounds[j][0]
                p0, p1 = st.para[max(0, start_prev)], st.para[self.bounds[k][0]]
                if p1 - p0 - sum(1 for p in range(p0 + 1, p1) if p in self._trailers) <= 1:
                    # another person named between the quotes breaks the continuation, except in the
                    # last quote's own attribution ("…,” X told reporters after meeting Y. “…”): Y is
                    # named, not introduced as a speaker (rules README 9: the next sentence or paragraph)
                    own = st.sent[start_prev] if p.how == "cue" and self.bounds[j][1] >= 0 else -1
                    between = [m for g, m in st.persons if start_prev < g < self.bounds[k][0] and g not in self.inside
                               and m.actor.actor_id != p.mention.actor.actor_id
                               and st.sent[g] != own]
                    if not between and not self._other_speaker(start_prev + 1, self.bounds[k][0], p):
                        return Speaker(p.mention, p.name, "", "continued")
        return None

    @functools.cached_property
    def _trailers(self) -> set[int]:
        """Paragraphs that are only a citation trailer in square brackets ("[Tweet, 10/18/2023]",
        "[Statement, 8/16/23]"): round-ups close an item with its medium and date, which names no
        speaker and does not end the item's quotations."""
        texts: dict[int, list[str]] = {}
        for s in self.doc.sentences:
            texts.setdefault(s.para_id, []).append(s.text)
        out = set()
        for para, parts in texts.items():
            text = " ".join(parts).strip()
            if text.startswith("[") and text.endswith("]") and len(text) <= 80 and not any(
                    c in text for c in "“”\""):
                out.add(para)
        return out

    def _other_speaker(self, lo: int, hi: int, p: Speaker) -> bool:
        """Whether a reporting verb between two quotes has a subject other than ``p``
        ("The Kremlin denied the claim." is no such verb; "The Kremlin said it ..." is)."""
        st = self.st
        start = lo
        for i in range(lo, hi):
            if st.words[i] in _ENDS and not self._abbrev(i - 1):
                start = i + 1
            elif self._is_verb(i):
                hit = self._subject(start, i)
                if hit is not None and hit[0].actor.actor_id != p.mention.actor.actor_id:
                    return True
        return False

    def _statement(self, i: int) -> str:
        words = self.st.lows
        for phrase in self.cues.statement:
            if tuple(words[i:i + len(phrase)]) == phrase:
                return " " + " ".join(phrase)
        return ""


@functools.lru_cache(maxsize=4)
def _person_surnames(dic: Dictionary) -> frozenset[str]:
    """The last words of the dictionary's people, in capitals ("YELLEN")."""
    return frozenset(a.name.split()[-1].upper() for a in dic.actors.values() if a.kind == "person" and a.name)


def _not_speech(q: Quote, doc, att: Attributor, k: int, cues: Cues, sp: Speaker | None = None) -> bool:
    """Marks that hold no speech: an attribute value in markup (`sizes="…"`: the mark follows
    "="); a scare-quoted term (after "so-called"; or five words or fewer between a determiner and
    a noun, with no reporting cue: the “use it or lose it” policy; four words or fewer, or a
    lower-case phrase of up to eight before a noun, mid-sentence, with no cue, no speaker and no
    punctuation inside the closing mark: grow the “food is medicine” movement); the topic of a
    meeting ("a forum on “…”"; quote_cues.yaml event_nouns); whatever follows a word announcing a
    title ("a resolution titled “…”", "a guide entitled, “…”"; title_markers); a title (title-cased, at most ten
    words, no final .!?) next to a work noun, right after a naming word ("titled", "known as",
    "theme"), glossed in parentheses ("E.O. 14059 (“…”)"), used as a modifier of a noun (the
    “Investing in America” tour), or with no reporting cue, when it neither follows a label and
    colon nor opens its paragraph. Markup inside a span (<sup>) is no words of it."""
    st = att.st
    o, c = att.bounds[k]
    body = doc.body
    mark = q.start - 1
    while mark > 0 and body[mark].isspace():
        mark -= 1
    if body[:mark].rstrip().endswith("="):
        return True
    before = st.lows[max(0, o - 3):max(0, o)]
    for phrase in cues.scare:
        if tuple(before[-len(phrase):]) == phrase:
            return True
    for phrase in cues.title_markers:  # "a resolution titled “…”", "a guide entitled, “…”"
        if tuple(before[-len(phrase):]) == phrase or tuple(before[-len(phrase) - 1:]) == phrase + (",",):
            return True
    if o >= 2 and st.lows[o - 1] in ("on", "about") and st.lows[o - 2] in cues.event_nouns:
        return True  # the topic or name of a meeting: a forum on “…”, a session on “…”
    cued = (sp is not None and sp.how in ("cue", "split")) or att.has_cue(k)
    words = [w for w in re.findall(r"[^\W_]+", re.sub(r"<[^>]+>", " ", q.text))]  # markup is no words
    final = q.text.rstrip()
    # the word right after the closing mark, when it is a lower-case noun of the same sentence (no
    # function word, preposition, auxiliary or reporting verb): the quoted span modifies it
    nxt = st.words[c + 1] if 0 <= c < st.n - 1 and st.sent[c + 1] == st.sent[c] else ""
    noun_after = nxt.isalpha() and nxt.islower() and nxt not in att.dic.function_words and nxt not in _PREPS \
        and nxt not in cues.reporting and nxt not in _AUX and nxt not in _COPULAS
    possessive = o > 1 and st.lows[o - 1] in ("’", "'") and st.lows[o - 2].endswith("s")  # "the States’ “…”"
    determined = o > 0 and (st.lows[o - 1] in cues.determiners or possessive)
    if len(words) <= 5 and not cued and determined and noun_after:
        return True  # a determiner, the quoted modifier, its noun
    opens = o <= 0 or st.sent[o - 1] != st.sent[o] or st.words[o - 1] == ":"
    single = body[q.start - 1:q.start] in ("‘", "'")  # headlines set quotations in single marks (AP)
    if sp is None and not cued and not opens and not single and final[-1:].isalnum():
        # a short quoted phrase that nobody is said to have said is a term, a coinage or a slogan
        # (scare quotes: grow the “food is medicine” movement, foster an open “network of networks”);
        # a comma or period inside the marks, as American style sets a quoted clause, keeps it speech
        if len(words) <= 4 or (noun_after and len(words) <= 8 and q.text[:1].islower()):
            return True
    long_words = [w for w in words if len(w) > 3]
    # (American style puts a sentence's period inside the closing mark: 'called the “Ambassadors for the
    # Arts.”' is still a title when it is short)
    titled = len(long_words) >= 1 and all(w[:1].isupper() or w[:1].isdigit() for w in long_words) and \
        len([w for w in words if w[:1].isupper()]) >= 2 and \
        (not final.endswith((".", "!", "?")) or (final.endswith(".") and len(words) <= 6 and not cued and words[0][:1].isupper()))
    if titled:
        near = st.lows[max(0, o - 3):max(0, o)]
        if c >= 0:
            near = near + st.lows[c + 1:c + 4]
        if any(w in cues.title_nouns for w in near):
            return True
        if body[q.start - 2:q.start] in ("(“", '("') and body[q.end:q.end + 2] in ("”)", '")'):
            return True  # a title glossed in parentheses: E.O. 14059 (“Imposing Sanctions on …”)
        if noun_after and final[-1:].isalnum() and len(words) <= 10:
            return True  # a name used as a modifier: the “Investing in America” tour
        if determined and final[-1:].isalnum() and len(words) <= 20:
            return True  # a long name after its article, no mark inside the closing one: "we announce the
            # establishment of the “Quad Partnership on Humanitarian Assistance and Disaster Relief (HADR) in
            # the Indo-Pacific”." (speech is not introduced by "the"; a Title Case label after it names a thing)
        if len(words) > 10:
            return False
        if any(tuple(before[-len(phrase):]) == phrase for phrase in cues.naming):
            return True
        after_label = o > 0 and st.words[o - 1] == ":"
        opens_paragraph = o <= 0 or st.para[o - 1] != st.para[o]
        if not cued and not after_label and not opens_paragraph:
            return True
    return False


def attribute(q: Quote, doc, dic: Dictionary, cues: Cues, quote_spans: list[tuple[int, int]]) -> None:
    """Set one quote's speaker (kept for callers that attribute a single quote)."""
    att = Attributor(doc, [q], cues, dic)
    att._kinds = [q.kind]
    sp = att.speaker(0, q, [None])
    if sp:
        q.speaker, q.cue = sp.mention, sp.cue


#: A transcript's speaker tag opening a paragraph: capitals (with "." "-" "'") and a colon ("SENIOR
#: ADMINISTRATION OFFICIAL:", "MS. JEAN-PIERRE:"), or the reporter's bare "Q" before the question
#: ("Q Thank you"): the tag's text, or "Q". Stance reads turns with it too.
TURN_TAG = re.compile(r"[*\-• ]*(?:([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9.'’\- ]*[A-ZÀ-ÖØ-Þ0-9.])\s*:|(Q)[.:]?\s)")
#: A reporter's "you said ..." before a quote: the words quoted are the addressee's.
_ADDRESSED = re.compile(r"\b[Yy]ou(?:\s+(?:have|had|just|also|yourself|once|previously|recently)|\s*['’]ve)*\s+"
                        r"(?:said|say|mentioned|called|described|stated|wrote|told\s+\w+)\b[^“”\"]{0,120}$")


def addressed_speakers(doc, found: list[Quote], speakers: list, speech: list[bool]) -> dict[int, "Speaker"]:
    """In a transcript, a reporter's turn ("Q") that quotes its addressee ("You said that an attack
    was a “distinct possibility.”") quotes the speaker who answers: the next turn's tag (a named
    official, or an anonymous one: "senior administration official"). {quote index: speaker}."""
    para_tag: dict[int, str] = {}
    tag_sentence: dict[int, tuple] = {}
    for sent in doc.sentences:
        if sent.para_id in para_tag:
            continue
        m = TURN_TAG.match(sent.text)
        para_tag[sent.para_id] = (m.group(1) or m.group(2)) if m else ""
        if m:
            tag_sentence[sent.para_id] = (sent, m)
    paras = sorted(para_tag)
    by_sent = {s.sent_id: s for s in doc.sentences}
    reporters = load_cues().reporter_tags
    out: dict[int, Speaker] = {}
    for k, q in enumerate(found):
        if speakers[k] is not None or not speech[k]:
            continue
        sent = by_sent.get(q.sent_id)
        if sent is None or not _ADDRESSED.search(doc.body[sent.start:q.start].rstrip(" “\"‘'")):
            continue
        turn = next((para_tag[p] for p in reversed(paras) if p <= sent.para_id and para_tag[p]), "")
        if turn not in reporters:
            continue  # only a reporter's "you" is the official who answers
        answer = next((p for p in paras if p > sent.para_id and para_tag[p]), None)
        if answer is None or para_tag[answer] in reporters:
            continue
        tag_sent, m = tag_sentence[answer]
        words = m.group(1).split()
        person = _tagged_person(words[-1], doc)
        if person is not None:
            out[k] = Speaker(Mention(tag_sent.sent_id, m.start(1), m.end(1), m.group(1), person, "name", 0, 0),
                             person.name, "said", "addressee")
        elif words[-1].lower() in ("official", "officials") and len(words) >= 2:
            name = " ".join(words).lower()  # an anonymous official, as the ground rules name them
            actor = Actor(re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_"), name, "organization", "",
                          role="found in text")
            out[k] = Speaker(Mention(tag_sent.sent_id, m.start(1), m.end(1), m.group(1), actor, "body", 0, 0),
                             name, "said", "addressee")
    return out


def _tagged_person(surname: str, doc) -> Actor | None:
    """The one person of the document (or else of the actor dictionary) whose surname a capitals
    speaker tag ends with ("MS. JEAN-PIERRE", "SECRETARY BLINKEN"); None when none or several."""
    key = surname.upper().replace("’", "'")
    found = {x.actor.actor_id: x.actor for ms in (doc.mentions or {}).values() for x in ms
             if x.actor.kind == "person" and x.actor.name.split()[-1].upper().replace("’", "'") == key}
    if not found:
        found = {a.actor_id: a for a in load_dictionary().actors.values()
                 if a.kind == "person" and a.name.split()[-1].upper().replace("’", "'") == key}
    return next(iter(found.values())) if len(found) == 1 else None


def _runs_on(q: Quote, nxt: Quote, doc) -> bool:
    """Whether ``q`` is a quotation left open at the end of its paragraph and ``nxt`` reopens it at
    the start of the next: news style quotes a speaker over several paragraphs so, with an opening
    mark on each and the closing mark and the attribution only on the last (AP Stylebook, "quotation
    marks": "running quotations"). The last paragraph's speaker is the speaker of all."""
    body = doc.body
    opening = "“\""
    if q.start < 1 or body[q.start - 1] not in opening or nxt.start < 1 or body[nxt.start - 1] not in opening:
        return False
    between = body[q.end:nxt.start - 1]  # no closing mark, only the paragraph break
    return "\n\n" in between and not between.strip()


def analyse(doc, rows: dict) -> None:
    """Quotes of one document with speakers (needs the mentions from ``actors.analyse``)."""
    if "“" not in doc.body and '"' not in doc.body and "‘" not in doc.body and "'" not in doc.body:
        return
    found = find_quotes(doc)
    if not found:
        doc.quotes = []
        return
    dic = load_dictionary()
    cues = load_cues()
    att = Attributor(doc, found, cues, dic)
    for q in found:
        q.kind = _kind(q, doc, cues)
    att._kinds = [q.kind for q in found]
    # A quote continues only the speaker of the quote right before it; a span that is no speech
    # (a title, a scare quote) has no speaker to hand on.
    speakers: list[Speaker | None] = []
    speech: list[bool] = []
    for k, q in enumerate(found):
        sp = att.speaker(k, q, speakers)
        ok = not _not_speech(q, doc, att, k, cues, sp) and not (
            len(q.text.split()) <= 2 and (sp is None or sp.how != "cue") and not att.has_cue(k))
        speech.append(ok)  # a quoted term with no reporting cue is not speech ("the “referendums”")
        speakers.append(sp if ok else None)
    for k in range(len(found) - 2, -1, -1):  # backwards: a quote over three paragraphs takes the last's speaker
        if speakers[k] is None and speech[k] and speakers[k + 1] is not None and _runs_on(found[k], found[k + 1], doc):
            nxt = speakers[k + 1]
            speakers[k] = Speaker(nxt.mention, nxt.name, "", "continued")
    if any(sp is None for sp in speakers) and att._transcript:
        for k, sp in addressed_speakers(doc, found, speakers, speech).items():
            speakers[k] = sp
    quotes = []
    for k, q in enumerate(found):
        sp = speakers[k]
        if not speech[k]:
            continue
        if sp is not None:
            q.speaker, q.cue = sp.mention, sp.cue
        quotes.append(q)
        rows["quotes"].append({
            "doc_id": doc.doc_id, "sent_id": q.sent_id, "quote": q.text, "kind": q.kind,
            "speaker_id": q.speaker.actor.actor_id if q.speaker else "",
            "speaker_name": sp.name if sp else "", "cue": q.cue,
        })
    doc.quotes = quotes
