"""Reading and writing brat standoff annotations (``.ann`` next to ``.txt``).

Pure functions: reading measures components on the public corpora (CHIA, LCT); writing gives
``extract --format brat`` its ``.ann`` files. Texts are read with ``newline=''``: CHIA's offsets
count the ``\\r`` characters most files contain.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .contract import Document
from .errors import Errors

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
class Note:
    """A note (``#`` line) on an annotation, e.g. ``AnnotatorNotes``."""

    id: str
    type: str
    target: str
    text: str


@dataclass
class BratDocument:
    """One brat document: its text (if read) and its annotations."""

    text: str | None
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    equivalences: list[Equivalence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def by_label(self, label: str) -> list[Entity]:
        """The entities of one label, in file order."""
        return [e for e in self.entities if e.label == label]


def parse_ann(ann: str) -> BratDocument:
    """Annotations of a ``.ann`` text (normalizations, ``N`` lines, are skipped)."""
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
            fragments = [part.split() for part in spans.split(";")]
            doc.entities.append(Entity(ident, label, [(int(s), int(e)) for s, e in fragments], text))
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
            arguments = [(role, ref) for role, _, ref in (a.partition(":") for a in args)]
            doc.events.append(Event(ident, etype, trigger_id, arguments))
        elif kind in "AM":
            name, target, *value = rest.split()
            doc.attributes.append(Attribute(ident, name, target, value[0] if value else None))
        elif kind == "#":
            head, _, text = rest.partition("\t")
            note_type, _, target = head.partition(" ")
            doc.notes.append(Note(ident, note_type, target, text))
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


def to_ann(document: Document) -> str:
    """The ``.ann`` text of a document: a ``T`` line per span, an ``A`` line per attribute that is
    true (``Negated``), and an ``AnnotatorNotes`` note with its other attributes as JSON.

    A span over several lines is written as one fragment per line, trimmed of white space: brat
    does not allow a fragment to cross a line break. Raises ValueError when a span's text is not
    the document's text at its offsets.
    """
    text = document["text"]
    lines: list[str] = []
    n_attr = 0
    for i, span in enumerate(document["spans"], start=1):
        start, end, label = span["start"], span["end"], span["label"]
        if text[start:end] != span["text"]:
            raise ValueError(
                Errors.E071.format(label=label, start=start, end=end, actual=text[start:end], given=span["text"])
            )
        fragments = line_fragments(text, start, end)
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(text[s:e] for s, e in fragments)
        lines.append(f"T{i}\t{label} {offsets}\t{shown}")
        others = {}
        for name, value in span["attrs"].items():
            if value is True:
                n_attr += 1
                lines.append(f"A{n_attr}\t{name.capitalize()} T{i}")
            elif value is not None and value is not False:
                others[name] = value
        if others:
            lines.append(f"#{i}\tAnnotatorNotes T{i}\t{json.dumps(others, ensure_ascii=False)}")
    return "".join(line + "\n" for line in lines)


_LINE = re.compile(r"[^\r\n]+")


def line_fragments(text: str, start: int, end: int) -> list[Fragment]:
    """``[start, end)`` cut at line breaks into fragments trimmed of white space (the whole range
    when nothing but white space is left)."""
    fragments: list[Fragment] = []
    for line in _LINE.finditer(text, start, end):
        piece = line.group()
        first = line.start() + len(piece) - len(piece.lstrip())
        last = line.end() - len(piece) + len(piece.rstrip())
        if first < last:
            fragments.append((first, last))
    return fragments or [(start, end)]
