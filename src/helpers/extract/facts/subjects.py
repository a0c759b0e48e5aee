"""Which actor a fact is about, from the sentence's actor mentions: the head of the first
noun phrase of the fact's clause, the antecedent of a relative clause, the owner of a
possessive, a group a count counts, or the previous sentence's subject after a pronoun."""
from __future__ import annotations

from helpers.extract.facts.scan import Found, lower_keep_offsets, patterns, top_level


# --------------------------------------------------------------------------------------
# subjects


class Subjects:
    """Picks the actor a fact is about, from one sentence's mentions (computed lazily)."""

    def __init__(self, text: str, mentions: list[dict], previous="", limit: int | None = None) -> None:
        self.text = text
        self.ms = top_level(mentions)
        self._previous = previous  # the previous sentence's subject, or a function giving it
        self.limit = len(text) if limit is None else limit
        self._breaks: list[tuple[int, int, bool]] | None = None
        self._anaphor: bool | None = None
        self.cache: dict[int, str] = {}

    @property
    def previous(self) -> str:
        if callable(self._previous):
            self._previous = self._previous()
        return self._previous

    @property
    def anaphoric(self) -> bool:
        if self._anaphor is None:
            self._anaphor = bool(patterns().anaphor.match(self.text))
        return self._anaphor

    @property
    def breaks(self) -> list[tuple[int, int, bool]]:
        """Clause boundaries before ``limit``: (start, end, opens a relative clause)."""
        if self._breaks is None:
            rx, text, limit = patterns(), self.text, self.limit
            out = [(m.start(), m.end(), bool(rx.relative_clause.match(text, m.start())))
                   for m in rx.clause.finditer(text, 0, limit)]
            low = lower_keep_offsets(text[:limit])
            for w in rx.subordinators:  # "... three times since Russian troops rolled in"
                p = low.find(w)
                while p >= 0:
                    out.append((p + 1, p + 1, False))
                    p = low.find(w, p + 1)
            out.sort()
            self._breaks = out
        return self._breaks

    def head(self, i: int, limit: int) -> dict:
        """From mention ``i``, walk to the head of its noun phrase ("Kazakh President Tokayev")."""
        ms, np_gap = self.ms, patterns().np_gap
        while i + 1 < len(ms) and ms[i + 1]["start"] < limit:
            gap = self.text[ms[i]["end"]:ms[i + 1]["start"]]
            if not gap or not np_gap.fullmatch(gap):
                break
            i += 1
        return ms[i]

    def main(self) -> str:
        return self.head(0, len(self.text))["actor_id"] if self.ms else ""

    def at(self, anchor: int) -> str:
        if anchor not in self.cache:
            self.cache[anchor] = self._pick(anchor)
        return self.cache[anchor]

    def _pick(self, anchor: int) -> str:
        ms, text = self.ms, self.text
        if not ms:
            return self.previous if self.anaphoric else ""
        pronoun = patterns().possessive_before.search(text, max(0, anchor - 8), anchor)
        if pronoun:  # "during its 20-year conflict": its = the nearest fitting actor before
            word = pronoun.group(1).lower()
            for m in reversed(ms):
                if m["end"] <= pronoun.start() and (
                        word == "their" or (m.get("kind") == "person") == (word in ("his", "her"))):
                    return m["actor_id"]
        before_anchor = 0
        for m in ms:
            if m["start"] >= anchor:
                break
            before_anchor += 1
        if before_anchor == 1:
            return ms[0]["actor_id"]  # the only actor before the fact: no need to read clauses
        clause_start, relative_at = 0, -1
        for s, e, is_relative in (self.breaks if before_anchor else ()):
            if s >= anchor:
                break
            clause_start, relative_at = e, (s if is_relative else -1)
        starts: tuple[int, ...] = (clause_start, 0)
        if relative_at >= 0:
            if "," in text[clause_start:anchor]:
                starts = (0,)  # the relative clause has closed: back in the main clause
            else:
                before = [m for m in ms if m["end"] <= relative_at]
                if before and relative_at - before[-1]["end"] <= 2:
                    return before[-1]["actor_id"]
        for lo in starts:
            for i, m in enumerate(ms):
                if m["start"] >= anchor:
                    break
                if m["start"] >= lo:
                    return self.head(i, anchor)["actor_id"]
        if self.anaphoric and self.previous:
            return self.previous
        return self.main()


def main_subject(text: str, mentions: list[dict]) -> str:
    """The first actor of a sentence (head of its noun phrase), or ""."""
    return Subjects(text, mentions).main()


def about_group(found: Found, mentions: list[dict], group_kinds: frozenset) -> str:
    """A group mention that a count counts ("five former Soviet republics in Central Asia")."""
    for m in mentions:
        if m.get("kind") in group_kinds and (m["start"] <= found.start < m["end"]
                                             or found.end - 1 <= m["start"] <= found.end + 1):
            return m["actor_id"]
    return ""

