"""Ids in words: pure string functions every stage may use to word a finding.

"CHINA_PEACE_PLAN" -> "China Peace Plan"; an actor's name from a name map, else its id in
words; "A, B and C". No I/O: the name maps come from ``extract.actors.actor_names``.
"""
from __future__ import annotations


#: Joins a text-introduced actor's id and its name in the actor's key across documents
#: ("BROWN:Kate Brown"; see ``analyse.aggregate.corpus_key``). No actor id holds it.
KEY_SEP = ":"

SMALL_WORDS = {"WAR", "PLAN", "VOTE", "DEAL", "AID", "LAW", "OIL", "GAS", "ARMS", "ASIA"}


def humanise(code: str) -> str:
    """A readable label for an id: "CHINA_PEACE_PLAN" -> "China Peace Plan", "UN_RESOLUTION" -> "UN Resolution"."""
    words = []
    for w in str(code).split("_"):
        if not w:
            continue
        if w.isupper() and len(w) <= 4 and w not in SMALL_WORDS:
            words.append(w)
        else:
            words.append(w[:1].upper() + w[1:].lower())
    return " ".join(words) or str(code)


def short(text: str, n: int = 34) -> str:
    """Text cut to ``n`` characters with an ellipsis, whitespace collapsed."""
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def name_of(actor_id: str, names: dict[str, str]) -> str:
    """An actor's name, or a readable form of its id (a key's name part: "BROWN:Kate Brown" -> "Kate Brown")."""
    found = names.get(actor_id)
    if found:
        return found
    actor_id = str(actor_id)
    if KEY_SEP in actor_id and actor_id.split(KEY_SEP, 1)[1]:
        return actor_id.split(KEY_SEP, 1)[1]
    return humanise(actor_id)


def join_names(items: list[str], limit: int = 8) -> str:
    """"A, B and C" (with "and k more" past ``limit``)."""
    items = [i for i in items if i]
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
