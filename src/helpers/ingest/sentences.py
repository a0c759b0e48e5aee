"""Split paragraphs into sentences with character offsets into the clean body.

Two stages, both roughly linear in the length of a paragraph:

1. nltk's Punkt with the project's own parameters, built from
   ``data/dictionaries/punkt.yaml`` at first use (the same parameters are provisioned into the
   venv for ``nltk.sent_tokenize`` by ``helpers.pipeline.provision``): abbreviations such as
   U.S. and Feb. do not end sentences, and a sentence ending in a closing quote ends after the
   quote. A paragraph longer than ``PUNKT_WINDOW`` characters is fed to Punkt window by window,
   so that nltk's regular-expression time limit is never reached on a huge paragraph. Two
   shortcuts give Punkt's answer sooner: a text with no ".", "?" or "!" before its end is one
   sentence, and the plainest candidate break ("Greece. The") is decided without tokenizing
   its context (``plain_break``).
2. General post-rules of English punctuation, applied to Punkt's sentence starts:

   - a spaced ellipsis (". . .") is one mark: no sentence starts inside it, nor after it
     when the next word is the pronoun I, which is capital anyway (``the thing is . . . I
     didn't``; after one a capitalised word does open a sentence: in quoted excerpts
     ``. . .`` often stands for a sentence end); after a word's own period
     (``compounds. . . . The``) the ellipsis opens the next sentence (Chicago Manual of
     Style 13.50-13.53);
   - a sentence does not start with a lower-case letter: a split before one is undone
     (``"This is great." she said``, ``Yahoo! in``, ``(... engineer.) at``);
   - no split after an abbreviation that is always followed by more of its sentence
     (``never_final``: Mr., Sen., e.g., Mt.) nor after No./p./Vol. before a number
     (``before_numbers``);
   - a list marker ("1.", "2.)", "• 9.", "a.") is never a sentence of its own; in a paragraph
     that opens with a marker, each following marker of the same style and the next number
     or letter opens a new sentence (``1. The first item 2. The second item``);
   - a split is added before an honorific (``honorifics``: Mr., Dr.) that follows an
     abbreviation ending the previous sentence (``at 6 P.M. Mr. Smith``), unless the words
     before are fewer than ``HONORIFIC_MIN_WORDS`` or a short phrase (at most
     ``INTRODUCTORY_MAX_WORDS``) opening with an introductory word (``introductory_words``:
     ``At 5 a.m. Mr. Smith went``, ``On Tuesday at 3 p.m. Mr. X``);
   - a split is added after a lone capital letter that follows a lower-case word, when a
     sentence starter follows (``you and I. Did you``; an initial follows a name: ``Albert I.``);
   - a sentence longer than ``MAX_SENTENCE_CHARS`` is cut at the last whitespace before that
     many characters (a table flattened into one line, a text without full stops).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from helpers.model.resources import load_yaml

PARAGRAPH_SEPARATOR = "\n\n"

# The longest sentence kept whole. No sentence of prose comes near it (the longest of the
# 3,461 White House statements, a flattened HTML table, has 5,747 characters); a longer run
# of text without a sentence end is cut at the last whitespace before this many characters.
MAX_SENTENCE_CHARS = 10_000
# Punkt sees a long paragraph in windows of this many characters; a sentence start closer
# than WINDOW_MARGIN to a window's end is decided again in the next window, which starts
# at the last sentence start already decided.
PUNKT_WINDOW = 20_000
WINDOW_MARGIN = 200
# An honorific after an abbreviation opens a new sentence only when the words before it
# (from the sentence start to the abbreviation) are at least this many: "He left at 6 P.M."
# is a sentence, "At 5 a.m." is an introductory phrase.
HONORIFIC_MIN_WORDS = 4
# ... nor when they open with an introductory word and are at most this many ("On Tuesday
# at 3 p.m. Mr. Peskov told ..."); a longer run is a sentence of its own ("From 2009 to
# 2010, he was an associate at a law firm in Washington, D.C. Mr. Smith then ...").
INTRODUCTORY_MAX_WORDS = 10

_BULLETS = "•⁃▪‣◦∙·*–-"
_NONSPACE = re.compile(r"\S")
_SPACED_ELLIPSIS = re.compile(r"\.(?:[ \u00a0]\.){2,}")
_MARKER_ONLY = re.compile(rf"(?:[{re.escape(_BULLETS)}]\s?)?(?:\d{{1,3}}|[a-z])(?:\.\)|\.|\))")
_LIST_START = re.compile(rf"(?:([{re.escape(_BULLETS)}])\s?)?(\d{{1,2}}|[a-z])(\.\)|\.|\))(?=\s)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LONE_CAPITAL = re.compile(r" [A-Z]\. +([A-Z][a-z]*)\b(?![.\w'’-])")
_PRONOUN_I = re.compile(r"I(?:[ '’]|$)")
_OPENING_PUNCT = "\"'“‘([{"


@dataclass(frozen=True)
class Vocabulary:
    """The curated word lists of ``punkt.yaml`` (lower-case, no final period, except
    ``before_numbers`` which keeps each form's case)."""

    abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    never_final: frozenset[str]
    before_numbers: frozenset[str]
    honorifics: frozenset[str]
    introductory_words: frozenset[str]


def _strings(spec: dict, key: str) -> list[str]:
    values = spec.get(key) or []
    bad = [v for v in values if not isinstance(v, str)]
    if bad:  # YAML reads a bare `no` as False: quote such entries
        raise ValueError(f"punkt.yaml: {key} entries {bad!r} are not strings; quote them")
    return [v.rstrip(".") for v in values]


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    spec = load_yaml("punkt.yaml")
    return Vocabulary(
        abbreviations=frozenset(v.lower() for v in _strings(spec, "abbreviations")),
        sentence_starters=frozenset(v.lower() for v in _strings(spec, "sentence_starters")),
        never_final=frozenset(v.lower() for v in _strings(spec, "never_final")),
        before_numbers=frozenset(_strings(spec, "before_numbers")),
        honorifics=frozenset(v.lower() for v in _strings(spec, "honorifics")),
        introductory_words=frozenset(v.lower() for v in _strings(spec, "introductory_words")),
    )


def punkt_parameters():
    """PunktParameters from the project's curated abbreviations and sentence starters."""
    from nltk.tokenize.punkt import PunktParameters

    vocab = vocabulary()
    params = PunktParameters()
    params.abbrev_types = set(vocab.abbreviations)
    params.sent_starters = set(vocab.sentence_starters)
    return params


@functools.lru_cache(maxsize=1)
def tokenizer():
    """Punkt with the project's parameters (``punkt_parameters``).

    Punkt spends most of its time deciding candidate breaks (a ".", "?" or "!" with the
    words around it) by tokenizing and annotating each context; a context ``plain_break``
    shows to be a break is answered at once, with the answer Punkt would give. ``spans``
    gives ``span_tokenize``'s spans as a list, by ``punkt_spans``.
    """
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    class Tokenizer(PunktSentenceTokenizer):
        _lean: tuple | None = None  # punkt_spans' patterns, () when nltk's are not the known ones

        def text_contains_sentbreak(self, text: str) -> bool:
            params = self._params  # a collocation (there are none) could join a plain context's words
            if not params.collocations:
                if plain_break(text, params.abbrev_types):
                    return True
                known = abbreviation_break(text, params.abbrev_types, params.sent_starters)
                if known is not None:
                    return known
            return super().text_contains_sentbreak(text)

        def spans(self, text: str) -> list[tuple[int, int]]:
            """``list(self.span_tokenize(text))``, computed by ``punkt_spans`` when nltk's
            patterns are the ones it reproduces."""
            if self._lean is None:
                self._lean = _lean_patterns(self._lang_vars) or ()
            if not self._lean:
                return list(self.span_tokenize(text))
            return punkt_spans(self, text, *self._lean)

    return Tokenizer(punkt_parameters())


# ------------------------------------------------------------------------- Punkt's spans, leaner

#: The ``regex`` engine's ``\s`` (nltk compiles Punkt's patterns with it) in the stdlib's syntax:
#: ``str.isspace`` less the separators \x1c-\x1f, which only the stdlib counts as space.
_REGEX_SPACE = r"[^\S\x1c-\x1f]"
_REGEX_NONSPACE = r"[\S\x1c-\x1f]"
#: The two nltk patterns ``punkt_spans`` reproduces, as nltk 3.10 writes them.
_NLTK_REALIGNMENT = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
_NLTK_CONTEXT_FMT = """
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \\s+(?P<next_tok>\\S+)     # or whitespace and some other token
        ))"""
#: nltk's ``_re_non_word_chars`` (its "!" and "?" come from a set, in either order).
_NLTK_NON_WORD = tuple(r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb" + marks + "])"
                       for marks in ("!\\?", "\\?!"))


def _lean_patterns(lang_vars) -> tuple[re.Pattern, re.Pattern] | None:
    """Punkt's period-context and boundary-realignment patterns for the stdlib ``re`` (the same
    matches as nltk's ``regex`` ones), or None when nltk's patterns are not the known ones."""
    import regex

    parts = {"NonWord": lang_vars._re_non_word_chars, "SentEndChars": lang_vars._re_sent_end_chars}
    context, realign = lang_vars.period_context_re(), lang_vars.re_boundary_realignment
    plain = regex.UNICODE | regex.VERSION0  # flags that change nothing here
    if getattr(lang_vars, "_period_context_fmt", None) != _NLTK_CONTEXT_FMT \
            or context.pattern != _NLTK_CONTEXT_FMT % parts or context.flags & ~plain != regex.VERBOSE \
            or realign.pattern != _NLTK_REALIGNMENT or realign.flags & ~plain != regex.MULTILINE \
            or parts["NonWord"] not in _NLTK_NON_WORD or parts["SentEndChars"] != r"[\.\?!]":
        return None
    context = re.compile(rf"{parts['SentEndChars']}(?=(?P<after_tok>{parts['NonWord']}"
                         rf"|{_REGEX_SPACE}+(?P<next_tok>{_REGEX_NONSPACE}+)))")
    boundary = re.compile(_NLTK_REALIGNMENT.replace(r"\s", _REGEX_SPACE), re.MULTILINE)
    return context, boundary


def punkt_spans(tok, text: str, context: re.Pattern, boundary: re.Pattern) -> list[tuple[int, int]]:
    """``list(tok.span_tokenize(text))``: nltk's ``_match_potential_end_contexts``,
    ``_slices_from_text`` and ``_realign_boundaries`` step for step, in one function over plain
    offsets, with the stdlib ``re`` patterns of ``_lean_patterns`` (the same matches; nltk's
    ``regex`` patterns, each wrapped in a timing guard, cost three times as much here, and the
    generators and slice objects between the steps as much again). The candidate contexts are
    decided by ``tok.text_contains_sentbreak`` as in nltk."""
    # _match_potential_end_contexts: each candidate with the word before it, unless that word
    # overlaps the previous candidate's (then the previous one is dropped).
    contexts = []
    prev = None
    prev_start = prev_stop = 0  # nltk's previous_slice
    rfind = text.rfind
    for m in context.finditer(text):
        at = m.start()
        # nltk's _get_last_whitespace_index(text[prev_stop:at]): the last of string.whitespace,
        # an index 0 counting as none
        k = rfind(" ", prev_stop, at)
        for ch in "\t\n\r\x0b\x0c":
            j = rfind(ch, k + 1 if k >= 0 else prev_stop, at)
            if j > k:
                k = j
        word_start = k + 1 if k > prev_stop else prev_start
        if prev is not None and prev_stop <= word_start:
            contexts.append((prev, text[prev_start:prev_stop] + prev.group() + prev.group("after_tok")))
        prev, prev_start, prev_stop = m, word_start, at
    if prev is not None:
        contexts.append((prev, text[prev_start:prev_stop] + prev.group() + prev.group("after_tok")))
    # _slices_from_text
    slices = []
    last_break = 0
    contains = tok.text_contains_sentbreak
    for m, ctx in contexts:
        if contains(ctx):
            slices.append((last_break, m.end()))
            last_break = m.start("next_tok") if m.group("next_tok") else m.end()
    slices.append((last_break, len(text.rstrip())))
    # _realign_boundaries (text[a:b] is non-empty exactly when a < b and a < len(text): a >= 0)
    out = []
    n = len(text)
    realign = 0
    last = len(slices) - 1
    for i, (start, stop) in enumerate(slices):
        start += realign
        if i == last:
            if start < stop and start < n:
                out.append((start, stop))
            continue
        start2, stop2 = slices[i + 1]
        b = boundary.match(text, start2, stop2)  # nltk matches text[start2:stop2]: endpos is its end
        if b:
            out.append((start, start2 + len(b.group(0).rstrip())))
            realign = b.end() - start2
        else:
            realign = 0
            if start < stop and start < n:
                out.append((start, stop))
    return out


#: Punkt's characters that cannot appear within words (``PunktLanguageVars._re_non_word_chars``).
_PUNKT_NON_WORD = ")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!"
_PLAIN_CONTEXT = re.compile(rf"([A-Za-z]{{2,}})([.?!])(?: \S+|[{re.escape(_PUNKT_NON_WORD)}])")


def plain_break(context: str, abbreviations: set[str]) -> bool:
    r"""True when Punkt's ``text_contains_sentbreak(context)`` is certainly True: the context
    is a word of two or more ASCII letters, not an abbreviation when a period ends it, then
    ".", "?" or "!", then one space and a token, or one of Punkt's non-word characters.

    Punkt's word tokenizer makes the word and its period one token ("Greece.") and the word
    and a "?" or "!" two ("why", "?"); whatever follows makes at least one more token (``\S``
    here is non-space to nltk's ``regex`` engine too, whose whitespace is a subset). The
    first pass marks "Greece." (not an abbreviation) or "?" as a sentence break. The second
    pass removes a break only after a period-final token in a collocation (the tokenizer
    has none), an initial (one letter) or a number, which a word of two letters or more is
    not. ``text_contains_sentbreak`` is True for a break with a token after it. False
    means: ask Punkt.
    """
    m = _PLAIN_CONTEXT.fullmatch(context)
    return bool(m) and (m.group(2) != "." or m.group(1).lower() not in abbreviations)


_ABBREVIATION_CONTEXT = re.compile(r"([A-Za-z]+(?:\.[A-Za-z]+)*)\. ([A-Za-z]+)[,:]?")


def abbreviation_break(context: str, abbreviations: set[str], starters: set[str]) -> bool | None:
    r"""Punkt's ``text_contains_sentbreak(context)`` for a context that is an initial or a known
    abbreviation, then one space and an ASCII word (maybe with a "," or ":"): "S. Truman", "U.S.
    partners", "U.S. Embassy"; None for any other context (ask Punkt).

    Punkt's word tokenizer makes "U.S." one token (letters joined by single periods: no ".."),
    and the word, and its mark, tokens of their own. The first pass marks the abbreviation as one
    (or an initial, not in the list, as a break); the second pass, with no orthographic context
    (the tokenizer is never trained, so every word's is 0), finds the next word "unknown" when
    capitalised and no sentence starter when lower-case. So an initial is no break (the initial
    rule, "J. Bach"), an abbreviation before a lower-case word is none, and one before a
    capitalised word is a break exactly when that word is a sentence starter.
    """
    m = _ABBREVIATION_CONTEXT.fullmatch(context)
    if not m:
        return None
    core, word = m.groups()
    if len(core) == 1:
        return False  # an initial ("S. Truman", "a. the")
    if core.lower() not in abbreviations:
        return None
    return word[0].isupper() and word.lower() in starters


@functools.lru_cache(maxsize=1)
def honorific_re() -> re.Pattern:
    names = "|".join(sorted((re.escape(h.capitalize()) for h in vocabulary().honorifics), key=len, reverse=True))
    return re.compile(rf"\.\s+(?=(?:{names})\.\s)")


def join_paragraphs(paras: list[str]) -> str:
    """The clean body: paragraphs separated by a blank line."""
    return PARAGRAPH_SEPARATOR.join(paras)


def sentence_spans(paras: list[str]) -> list[tuple[int, int, int]]:
    """(para_id, start, end) of every sentence, offsets into ``join_paragraphs(paras)``."""
    spans: list[tuple[int, int, int]] = []
    offset = 0
    for para_id, para in enumerate(paras, start=1):
        spans.extend((para_id, offset + start, offset + end) for start, end in paragraph_spans(para))
        offset += len(para) + len(PARAGRAPH_SEPARATOR)
    return spans


def paragraph_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of one paragraph, without surrounding whitespace."""
    starts = punkt_starts(para)
    if not starts:
        return []
    first, cuts = starts[0], set(starts[1:])
    apply_rules(para, first, cuts)
    ordered = [first, *sorted(c for c in cuts if c > first)] if cuts else [first]
    if len(para) - first > MAX_SENTENCE_CHARS:
        ordered = cut_long_sentences(para, ordered)
    ends = [*ordered[1:], len(para)]
    out = []
    for start, end in zip(ordered, ends):
        end = start + len(para[start:end].rstrip())
        if end > start:
            out.append((start, end))
    return out


# ------------------------------------------------------------------------- Punkt

def _starts_of(text: str, base: int) -> list[int]:
    """Where Punkt's sentences of ``text`` start (first non-space), offset by ``base``.

    Punkt's candidate breaks are a ".", "?" or "!" with more text after it; a text with
    none of them before its last character is one sentence, which Punkt need not confirm.
    """
    last = len(text) - 1
    if text.find(".", 0, last) < 0 and text.find("?", 0, last) < 0 and text.find("!", 0, last) < 0:
        m = _NONSPACE.search(text)
        return [base + m.start()] if m else []
    out = []
    for start, end in tokenizer().spans(text):
        m = _NONSPACE.search(text, start, end)
        if m:
            out.append(base + m.start())
    return out


def _last_space(text: str, lo: int, hi: int) -> int | None:
    """The index of the last space, tab or newline in text[lo:hi], or None."""
    i = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi), text.rfind("\n", lo, hi))
    return i if i >= 0 else None


def punkt_starts(para: str) -> list[int]:
    """Punkt's sentence starts in a paragraph; a long one goes through in windows."""
    n = len(para)
    if n <= PUNKT_WINDOW:
        return _starts_of(para, 0)
    starts: list[int] = []
    pos, mid_sentence = 0, False
    while True:
        end = n
        if n - pos > PUNKT_WINDOW:
            end = _last_space(para, pos + PUNKT_WINDOW // 2, pos + PUNKT_WINDOW) or pos + PUNKT_WINDOW
        found = _starts_of(para[pos:end], pos)
        if mid_sentence:  # the window opened inside a sentence: its first start is not one
            found = found[1:]
        found = [c for c in found if not starts or c > starts[-1]]
        if end == n:
            starts.extend(found)
            return starts
        limit = end - WINDOW_MARGIN
        keep = [c for c in found if c <= limit]
        starts.extend(keep)
        if keep and keep[-1] > pos:
            pos, mid_sentence = keep[-1], False
        else:
            pos, mid_sentence = (_last_space(para, pos + 1, limit) or limit), True


# ------------------------------------------------------------------------- post-rules

def _next_nonspace(para: str, i: int) -> int | None:
    m = _NONSPACE.search(para, i)
    return m.start() if m else None


def _token_before(para: str, i: int) -> str:
    """The whitespace-delimited token that ends before position i (opening marks dropped).

    Searched backwards in steps, so the cost is the token's length, not the paragraph's."""
    j = i
    while j > 0 and para[j - 1].isspace():
        j -= 1
    hi, k = j, -1
    while hi > 0 and k < 0:
        lo = max(0, hi - 64)
        k = max(para.rfind(" ", lo, hi), para.rfind("\n", lo, hi), para.rfind("\t", lo, hi),
                para.rfind("\u00a0", lo, hi))
        hi = lo
    return para[k + 1:j].lstrip(_OPENING_PUNCT)


def apply_rules(para: str, first: int, cuts: set[int]) -> None:
    """Apply the post-rules to the sentence starts after the first (``cuts``), in place."""
    vocab = vocabulary()
    if ". ." in para:
        _ellipses(para, cuts)
    for c in list(cuts):
        if para[c].islower():
            cuts.discard(c)
            continue
        j = c
        while j > 0 and para[j - 1].isspace():
            j -= 1
        if para[j - 1] == ".":
            core = _token_before(para, j)[:-1]
            if core.lower() in vocab.never_final or (core in vocab.before_numbers and para[c].isdigit()):
                cuts.discard(c)
            elif _INITIALS.fullmatch(core) and core.lower() not in vocab.abbreviations and _opens_no_sentence(para, c, vocab):
                cuts.discard(c)  # "Senator J.D. Vance", "Gen. H.R. McMaster": initials before a name
    if cuts:
        _marker_fragments(para, first, cuts)
    _honorifics(para, first, cuts, vocab)
    _lone_capitals(para, cuts, vocab)
    _lists(para, first, cuts)


#: Personal initials written together ("J.D", "H.R" before their final period): two capitals. Three
#: ("L.L.P", "U.S.A") are mostly abbreviations of firms and states, which end sentences.
_INITIALS = re.compile(r"[A-Z]\.[A-Z]")


def _opens_no_sentence(para: str, c: int, vocab: Vocabulary) -> bool:
    """Whether the word at ``c`` is capitalised and no sentence starter (``sentence_starters``): after
    initials that are no known abbreviation ("J.D. Vance"), such a word continues the name, as
    after a single initial ("J. Bach"); a starter ("... by J.D. The ...") begins a sentence."""
    m = _WORD_AT.match(para, c)
    return bool(m) and m.group()[:1].isupper() and m.group().lower() not in vocab.sentence_starters


_WORD_AT = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _ellipses(para: str, cuts: set[int]) -> None:
    for m in _SPACED_ELLIPSIS.finditer(para):
        rs, re_ = m.span()
        for c in range(rs + 1, re_):
            cuts.discard(c)
        after = _next_nonspace(para, re_)
        if after not in cuts:
            continue
        attached = rs > 0 and not para[rs - 1].isspace()
        dots = m.group().count(".")
        if not attached and dots == 3 and _PRONOUN_I.match(para, after):
            cuts.discard(after)  # "the thing is . . . I didn't": "I" is capital anyway
        elif attached and dots >= 4 and not para[after].islower():
            cuts.discard(after)  # "compounds. . . . The": the period ends, the ellipsis opens
            cuts.add(rs + 2)


def _marker_fragments(para: str, first: int, cuts: set[int]) -> None:
    """A fragment that is only a list marker ("1.", "2.)", "• 9.") joins the next one."""
    ordered = [first, *sorted(cuts)]
    for start, nxt in zip(ordered, ordered[1:]):
        if nxt - start <= 8 and _MARKER_ONLY.fullmatch(para[start:nxt].rstrip()):
            cuts.discard(nxt)


def _honorifics(para: str, first: int, cuts: set[int], vocab: Vocabulary) -> None:
    ordered: list[int] | None = None
    idx, last = 0, first
    for m in honorific_re().finditer(para):
        pos = m.end()
        if pos in cuts:
            continue
        core = _token_before(para, m.start() + 1)[:-1]
        low = core.lower()
        if len(core) < 2 or low in vocab.never_final:
            continue
        if not (low in vocab.abbreviations or _DOTTED.fullmatch(core)):
            continue
        if ordered is None:
            ordered = [first, *sorted(cuts)]
        while idx + 1 < len(ordered) and ordered[idx + 1] <= pos:  # matches come in order
            idx += 1
        start = max(ordered[idx], last)
        words = para[start:min(pos, start + 400)].split()
        introductory = (len(words) <= INTRODUCTORY_MAX_WORDS
                        and words[0].strip(_OPENING_PUNCT).lower() in vocab.introductory_words)
        if len(words) >= HONORIFIC_MIN_WORDS and not introductory:
            cuts.add(pos)
            last = pos


def _lone_capitals(para: str, cuts: set[int], vocab: Vocabulary) -> None:
    for m in _LONE_CAPITAL.finditer(para):
        i = m.start()
        if i < 1 or not para[i - 1].islower() or m.group(1).lower() not in vocab.sentence_starters:
            continue
        before = _token_before(para, i)
        if before.isalpha() and before.islower():
            cuts.add(m.start(1))


def _lists(para: str, first: int, cuts: set[int]) -> None:
    m = _LIST_START.match(para, first)
    if not m:
        return
    bullet, value, punct = m.groups()
    digits = value.isdigit()
    pattern = re.compile(r"(?<=\s)" + (re.escape(bullet) + r"\s?" if bullet else "")
               + (r"(\d{1,2})" if digits else r"([a-z])") + re.escape(punct) + r"(?=\s+[^\sa-z])")
    expected = (int(value) if digits else ord(value)) + 1
    markers = [m.span()]
    for item in pattern.finditer(para, m.end()):
        v = int(item.group(1)) if digits else ord(item.group(1))
        if v == expected:
            markers.append(item.span())
            expected += 1
    if len(markers) < 2:
        return
    for i, (start, end) in enumerate(markers):
        if i:
            cuts.add(start)
        after = _next_nonspace(para, end)
        cuts.discard(after)


def cut_long_sentences(para: str, ordered: list[int]) -> list[int]:
    """Cut every sentence longer than MAX_SENTENCE_CHARS at the last whitespace before it."""
    ends = [*ordered[1:], len(para)]
    if all(e - s <= MAX_SENTENCE_CHARS for s, e in zip(ordered, ends)):
        return ordered
    out = []
    for start, end in zip(ordered, ends):
        out.append(start)
        pos = start
        while end - pos > MAX_SENTENCE_CHARS:
            cut = _last_space(para, pos + 1, pos + MAX_SENTENCE_CHARS) or pos + MAX_SENTENCE_CHARS
            nxt = _next_nonspace(para, cut)
            if nxt is None or nxt >= end:
                break
            out.append(nxt)
            pos = nxt
    return out
