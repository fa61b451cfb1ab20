"""Reading and writing brat standoff annotations (``.ann`` next to ``.txt``).

Pure functions, used to measure components on the public corpora (CHIA, LCT) and by evaluation.
Texts are read with ``newline=''``: CHIA's offsets count the ``\\r`` characters most files contain.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PathLike = str | Path
Fragment = tuple[int, int]


@dataclass
class Entity:
    """A text-bound annotation (``T`` line); discontinuous ones have several fragments."""

    id: str
    label: str
    fragments: list[Fragment]
    text: str

    @property
    def start(self) -> int:
        """Start of the first fragment."""
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        """End of the last fragment (so ``[start, end)`` is the entity's full extent)."""
        return max(e for _, e in self.fragments)


@dataclass
class Relation:
    """A binary relation (``R`` line)."""

    id: str
    type: str
    arg1: str
    arg2: str


@dataclass
class Equivalence:
    """An n-ary equivalence (``*`` line, e.g. CHIA's ``*\\tOR T5 T6 T7``)."""

    type: str
    members: list[str]


@dataclass
class Event:
    """An event (``E`` line): a trigger entity and role-named arguments, in order."""

    id: str
    type: str
    trigger: str
    args: list[tuple[str, str]]


@dataclass
class Attribute:
    """An attribute (``A``/``M`` line); binary attributes have value ``None``."""

    id: str
    name: str
    target: str
    value: str | None


@dataclass
class BratDocument:
    """One brat document: its text (if read) and its annotations."""

    text: str | None
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    equivalences: list[Equivalence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)

    def by_label(self, label: str) -> list[Entity]:
        """The entities of one label, in file order."""
        return [e for e in self.entities if e.label == label]


def parse_ann(ann: str) -> BratDocument:
    """Annotations of a ``.ann`` text (notes ``#`` and normalizations ``N`` are skipped)."""
    doc = BratDocument(text=None)
    for line in ann.split("\n"):
        line = line.rstrip("\r")
        if not line.strip() or "\t" not in line:
            continue
        ident, rest = line.split("\t", 1)
        kind = ident[0]
        if kind == "T":
            head, _, text = rest.partition("\t")
            label, _, spans = head.partition(" ")
            fragments = [tuple(int(n) for n in part.split()) for part in spans.split(";")]
            doc.entities.append(Entity(ident, label, [(s, e) for s, e in fragments], text))
        elif kind == "R":
            rtype, *args = rest.split("\t")[0].split()
            roles = dict(a.split(":", 1) for a in args)
            doc.relations.append(Relation(ident, rtype, roles["Arg1"], roles["Arg2"]))
        elif kind == "*":
            etype, *members = rest.split()
            doc.equivalences.append(Equivalence(etype, members))
        elif kind == "E":
            trigger, *args = rest.split()
            etype, _, trigger_id = trigger.partition(":")
            doc.events.append(Event(ident, etype, trigger_id, [tuple(a.split(":", 1)) for a in args]))
        elif kind in "AM":
            name, target, *value = rest.split()
            doc.attributes.append(Attribute(ident, name, target, value[0] if value else None))
    return doc


def read_brat(ann_path: PathLike, txt_path: PathLike | None = None) -> BratDocument:
    """Read a ``.ann`` file and its text (``txt_path``, by default the ``.txt`` beside it, if
    present; ``text`` is None when there is none)."""
    ann_path = Path(ann_path)
    with open(ann_path, encoding="utf-8", newline="") as handle:
        doc = parse_ann(handle.read())
    txt = Path(txt_path) if txt_path is not None else ann_path.with_suffix(".txt")
    if txt.exists():
        with open(txt, encoding="utf-8", newline="") as handle:
            doc.text = handle.read()
    return doc


def write_brat(
    doc_text: str,
    spans: Iterable[tuple[str, int, int, str]],
    attributes: Sequence[dict[str, Any]] | None = None,
) -> str:
    """``.ann`` text for ``(label, start, end, text)`` spans over ``doc_text``.

    ``attributes``, if given, holds one dict per span (same order); each item becomes an ``A``
    line: ``True`` as a binary attribute, ``False``/``None`` omitted, other values written as
    text (spaces replaced by ``_``, as brat values cannot contain spaces). A span whose text
    contains a line break is written as fragments split at the breaks, as brat requires.
    """
    lines: list[str] = []
    n_attr = 0
    spans = list(spans)
    attributes = list(attributes) if attributes is not None else [{}] * len(spans)
    for i, ((label, start, end, text), attrs) in enumerate(zip(spans, attributes), start=1):
        if doc_text[start:end] != text:
            raise ValueError(f"span {label} [{start}, {end}) is {doc_text[start:end]!r}, not {text!r}")
        fragments = _line_fragments(doc_text, start, end)
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(doc_text[s:e] for s, e in fragments)
        lines.append(f"T{i}\t{label} {offsets}\t{shown}")
        for name, value in attrs.items():
            if value is None or value is False:
                continue
            n_attr += 1
            if value is True:
                lines.append(f"A{n_attr}\t{name} T{i}")
            else:
                lines.append(f"A{n_attr}\t{name} T{i} {str(value).replace(' ', '_')}")
    return "".join(line + "\n" for line in lines)


def _line_fragments(text: str, start: int, end: int) -> list[Fragment]:
    """``[start, end)`` cut at line breaks into non-empty fragments."""
    fragments: list[Fragment] = []
    pos = start
    for i in range(start, end + 1):
        if i == end or text[i] in "\r\n":
            if i > pos:
                fragments.append((pos, i))
            pos = i + 1
    return fragments or [(start, end)]
