"""Split paragraphs into sentences with character offsets into the clean body.

Uses nltk's Punkt with the project's own parameters (provisioned into the venv by
``helpers.pipeline.provision``): abbreviations such as U.S. and Feb. do not end sentences,
and a sentence ending in a closing quote ends after the quote.
"""
from __future__ import annotations

import functools

PARAGRAPH_SEPARATOR = "\n\n"


@functools.lru_cache(maxsize=1)
def tokenizer():
    """The provisioned Punkt tokenizer (``tokenizers/punkt_tab/english``)."""
    from nltk.tokenize.punkt import PunktTokenizer

    try:
        return PunktTokenizer("english")
    except LookupError as exc:
        raise RuntimeError(
            "Punkt parameters are not provisioned; run `make venv` "
            "(or `python -m helpers.pipeline.provision`) first"
        ) from exc


def join_paragraphs(paras: list[str]) -> str:
    """The clean body: paragraphs separated by a blank line."""
    return PARAGRAPH_SEPARATOR.join(paras)


def sentence_spans(paras: list[str]) -> list[tuple[int, int, int]]:
    """(para_id, start, end) of every sentence, offsets into ``join_paragraphs(paras)``."""
    tok = tokenizer()
    spans: list[tuple[int, int, int]] = []
    offset = 0
    for para_id, para in enumerate(paras, start=1):
        for start, end in tok.span_tokenize(para):
            piece = para[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            if end > start:
                spans.append((para_id, offset + start, offset + end))
        offset += len(para) + len(PARAGRAPH_SEPARATOR)
    return spans
