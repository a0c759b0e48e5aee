"""The typed records every stage shares: a Document, its Sentences, the Actors found in it,
their Mentions and the Quotes.

A Document is parsed by ``helpers.ingest`` and then filled in by the extractors, in order:
``actors`` sets ``tokens``, ``lower`` and ``mentions``; ``quotes`` sets ``quotes``; later
analysers (facts, events, stance) read them. These typed fields are the only channel between
analysers besides the rows they write.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: A token with its character offsets in its sentence: (text, start, end).
Token = tuple[str, int, int]


@dataclass(frozen=True)
class Sentence:
    sent_id: int  # 0 is the title
    para_id: int  # 0 is the title
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    country_iso3: str
    role: str = ""
    valid_from: str = ""
    valid_to: str = ""
    stands_for: str = ""
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    sent_id: int
    start: int  # character offsets into the sentence's source text (body or title)
    end: int
    surface: str
    actor: Actor
    via: str
    first_token: int
    last_token: int  # exclusive


@dataclass
class Quote:
    start: int  # offsets into the document body, inside the marks
    end: int
    text: str
    sent_id: int
    end_sent_id: int
    kind: str = "partial"
    speaker: Mention | None = None
    cue: str = ""


@dataclass
class Document:
    """A parsed article: clean body text and its sentences (offsets into ``body``),
    then what the extractors found in it."""

    doc_id: str
    title: str
    body: str
    paragraphs: list[str]
    sentences: list[Sentence]
    outlet: str = ""
    meta: dict = field(default_factory=dict)
    #: Tokens of each unit (title = 0, then sentences), set by ``extract.actors``.
    tokens: dict[int, list[Token]] = field(default_factory=dict)
    #: The same tokens lower-cased with ’ folded to ', set by ``extract.actors``.
    lower: dict[int, list[str]] = field(default_factory=dict)
    #: Resolved actor mentions of each unit, set by ``extract.actors``.
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    #: Quotations with their speakers, set by ``extract.quotes``.
    quotes: list[Quote] = field(default_factory=list)

    @property
    def title_sentence(self) -> Sentence:
        return Sentence(0, 0, 0, len(self.title), self.title)

    def units(self) -> list[Sentence]:
        """The title (sent_id 0) then the body sentences: what extraction reads."""
        return ([self.title_sentence] if self.title else []) + self.sentences
