"""Names the record gives as members of the drugs it names next: "X or other Ys".

"Hypersensitivity to MEOF or other halogenated anesthetics", "previous MEOF use or other halogenated
anesthetics", "intolerance to HORIZANT or any other gabapentin product", "Use of ALA or other
anti-oxidant supplements": the words "or other" say that the name before them is one of what
follows, and what follows is a drug or a class of drugs (a span already found). Such a name is taken
only in capitals (``MEOF``, ``HORIZANT``, an abbreviation or a brand the sources do not list), never
a route, a code look-alike or an endpoint's abbreviation (see :func:`.aliases.is_short_name`), nor a
name the lexicon blocks. Before a class named by its target and head ("MEK, or other inhibitors of
the MAPK pathway", "EGFR or other tyrosine kinase inhibitors") a name without a digit is the target
(``RAD001 or other mTOR inhibitors`` is a member). The name is then a DRUG wherever the record
writes it: as the lexicon knows it (``TCZ`` → ``tocilizumab``), else as the agent whose initials it
is when the record names one ("Alpha Lipoic Acid" ... "ALA": ``lipoic acid``), else as an agent
normalized as written, lower-cased, as an unknown code is.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...spans import Candidate
from .aliases import is_short_name
from .vocabulary import vocabulary

# A name in capitals (three to twelve letters and digits, a registered mark allowed), "use" allowed
# after it, then "or other" ("or any other", "and other").
_MEMBER_RE = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][A-Z0-9]{2,11})(?![\w-])[ \t]*[®™]?(?:[ \t]+use)?[ \t]*,?[ \t]+"
    r"(?:or|and|and/or)[ \t]+(?:any[ \t]+)?other[ \t]+"
)
# The one-word heads of a class named by its target ("inhibitors", "antagonists").
_TARGET_HEADS = frozenset(h for h in vocabulary("drug_class_grammar.jsonl")["head"] if " " not in h)
_WORD_RE = re.compile(r"[A-Za-z]+")

Lookup = Callable[[str], Mapping[str, Any] | None]


def _initials(name: str) -> str:
    """The first letters of a name's words, in capitals (``Alpha Lipoic Acid`` → ``ALA``)."""
    return "".join(word[0] for word in _WORD_RE.findall(name)).upper()


def _target_class(span: str) -> bool:
    """True when ``span`` names a class by its target and head, the head last or first ("tyrosine
    kinase inhibitors", "inhibitors of the MAPK pathway")."""
    words = _WORD_RE.findall(span)
    return bool(words) and (words[-1].lower() in _TARGET_HEADS or words[0].lower() in _TARGET_HEADS)


def member_names(text: str, found: Sequence[Candidate], lookup: Lookup) -> list[Candidate]:
    """Spans of the names written in capitals before "or other" and a drug of ``found``, at every
    occurrence in ``text`` that no span of ``found`` covers; ``lookup`` gives a name's lexicon
    payload (or None)."""
    if " other " not in text:
        return []  # most records: the pattern is not tried at every capital
    ends = {start: end for start, end, _ in found}
    taken = {i for start, end, _ in found for i in range(start, end)}
    names: dict[str, dict[str, Any] | None] = {}
    for m in _MEMBER_RE.finditer(text):
        name = m.group("name")
        if m.end() not in ends or m.start() in taken or not is_short_name(name):
            continue
        if _target_class(text[m.end() : ends[m.end()]]) and not any(c.isdigit() for c in name):
            continue
        payload = lookup(name)
        if payload is not None and payload.get("deny"):
            continue
        names[name] = None if payload is None else {k: payload.get(k) for k in ("normalized", "kind", "drugbank_id")}
    if not names:
        return []
    agents = {_initials(text[start:end]): attrs for start, end, attrs in found if attrs.get("kind") == "agent"}
    out: list[Candidate] = []
    for name, known in sorted(names.items()):
        attrs = known or agents.get(name) or {"normalized": name.lower(), "kind": "agent", "drugbank_id": None}
        out.extend(
            (m.start(), m.end(), dict(attrs))
            for m in re.finditer(rf"(?<![\w-]){name}(?![\w-])", text)
            if not any(i in taken for i in range(m.start(), m.end()))
        )
    return out
