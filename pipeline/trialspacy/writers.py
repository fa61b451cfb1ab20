"""Documents out: one writer per format (JSONL, CSV, brat, DocBin) behind one protocol.

A writer takes the documents in the order given, each with its Doc when the engine has it
(only DocBin needs it), and finishes the output when closed; every writer is a context manager.
JSONL and CSV write each document's lines in one call and flush, so a killed run leaves complete
lines, followed at worst by the start of one more, which
:func:`~trialspacy.resume.truncate_partial_line` removes before a resumed run appends.
"""

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import IO, Any, Literal, Protocol, Self, get_args

from spacy.tokens import Doc, DocBin

from .brat import to_ann
from .contract import Document, Span
from .errors import Errors
from .frames import SPAN_COLUMNS, span_row
from .resume import truncate_partial_line

Format = Literal["jsonl", "csv", "brat", "docbin"]
FORMATS: tuple[Format, ...] = get_args(Format)


def json_line(value: Any) -> str:
    """``value`` as one JSON line, UTF-8 as it is (``ensure_ascii=False``), except: ASCII-escaped
    when it holds text UTF-8 cannot carry (a lone surrogate), and the line ends JSON leaves
    unescaped (U+0085, U+2028, U+2029) escaped, which ``str.splitlines`` (and so many a JSONL
    reader) would split a line at."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(value)
    return line.translate(_LINE_ENDS) + "\n"


# The characters str.splitlines() breaks at that json.dumps(ensure_ascii=False) writes as they are
# (it escapes the others, all below U+0020); inside a JSON string their escapes mean the same.
_LINE_ENDS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


class Writer(Protocol):
    """What every writer does; explicit subclasses inherit the context manager methods."""

    def write(self, document: Document, doc: Doc | None = None) -> None:
        """Write one document."""
        ...

    def close(self) -> None:
        """Finish the output."""
        ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _LineWriter(Writer):
    """Lines to a file, or to a stream that stays open (standard output)."""

    def __init__(self, output: str | None, stream: IO[str] | None, append: bool):
        self.appending = False
        if output in (None, "-"):
            if stream is None:
                raise ValueError(Errors.E079)
            self._handle = stream
            self._own = False
        else:
            self.appending = append and os.path.exists(output)
            self._handle = open(output, "a" if append else "w", encoding="utf-8", newline="")
            self._own = True

    def _write_text(self, text: str) -> None:
        self._handle.write(text)
        self._handle.flush()

    def close(self) -> None:
        if self._own:
            self._handle.close()


class JsonlWriter(_LineWriter):
    """One document per line; with ``append``, continues the file after cutting a partial last line."""

    def __init__(self, output: str | None, stream: IO[str] | None = None, append: bool = False):
        if append and output not in (None, "-") and os.path.exists(output):
            # Appending after a partial line would fuse it with the next document.
            truncate_partial_line(output)
        super().__init__(output, stream, append)

    def write(self, document: Document, doc: Doc | None = None) -> None:
        self._write_text(json_line(document))


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: a list as JSON; text that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) behind a single quote,
    as OWASP advises, so that it is shown as text (``=HYPERLINK(...)`` → ``'=HYPERLINK(...)``).
    Numbers and booleans are kept as they are: ``-1.5`` is a number, not a formula."""
    if isinstance(value, list):
        return json.dumps(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(document: Document, span: Span) -> dict[str, Any]:
    """A span's CSV row: :func:`~trialspacy.frames.span_row`, each value through :func:`csv_cell`."""
    return {k: csv_cell(v) for k, v in span_row(document, span).items()}


def _csv_text(rows: list[dict[str, Any]], header: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SPAN_COLUMNS)
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


class CsvWriter(_LineWriter):
    """One row per span, :data:`~trialspacy.frames.SPAN_COLUMNS`; the header unless appending to a file."""

    def __init__(self, output: str | None, stream: IO[str] | None = None, append: bool = False):
        super().__init__(output, stream, append)
        if not self.appending:
            self._write_text(_csv_text([], header=True))

    def write(self, document: Document, doc: Doc | None = None) -> None:
        self._write_text(_csv_text([csv_row(document, span) for span in document["spans"]]))


# Longest stem kept from an id: with a ``_NNNNNN`` suffix and ``.ann`` it stays well under the
# 255 bytes a file name may have on common file systems (ASCII only, so a character is a byte).
MAX_STEM = 120
# Names Windows reserves for devices, whatever the suffix (``CON.txt`` cannot be created there).
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10))})


def safe_stem(document_id: str) -> str:
    """A file name for a document id (``NCT0123#2`` → ``NCT0123_2``): each run of characters other
    than ASCII letters, digits, ``.``, ``_`` and ``-`` replaced by ``_``, leading and trailing
    ``.``, ``_`` and ``-`` removed, cut to :data:`MAX_STEM` characters; ``document`` when nothing
    is left, and ``_`` added to a name Windows reserves (``CON`` → ``CON_``)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", document_id).strip("._-")[:MAX_STEM].rstrip("._-") or "document"
    return f"{stem}_" if stem.split(".")[0].lower() in _RESERVED else stem


class BratWriter(Writer):
    """A ``<stem>.txt``/``<stem>.ann`` pair per document in a directory, never one over another.

    The stem is :func:`safe_stem` of the id; when an earlier document of the run has that stem,
    compared without case (as macOS and Windows file systems compare names), ``_2``, ``_3``... is
    added, the first number that gives a free one. So the names depend only on the ids, in input
    order. The directory must hold no ``.txt`` or ``.ann`` file before the run: an earlier run's
    pairs would be overwritten or mixed with this one's.
    """

    def __init__(self, directory: str):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        existing = [p for p in self.directory.iterdir() if p.suffix.lower() in (".txt", ".ann")]
        if existing:
            raise FileExistsError(Errors.E063.format(path=directory, count=len(existing)))
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def stem(self, document_id: str) -> str:
        """The stem of the next document with this id (it is then taken)."""
        stem = safe_stem(document_id)
        key = stem.lower()
        n = self._next.get(key, 1)
        candidate = stem
        while candidate.lower() in self._taken:
            n += 1
            candidate = f"{stem}_{n}"
        self._next[key] = n
        self._taken.add(candidate.lower())
        return candidate

    def write(self, document: Document, doc: Doc | None = None) -> None:
        stem = self.stem(str(document["id"]))
        ann = to_ann(document)
        # Exclusive creation: a name taken by anything else, even in a race, fails loudly.
        for suffix, content in ((".txt", document["text"]), (".ann", ann)):
            with open(self.directory / f"{stem}{suffix}", "x", encoding="utf-8", newline="") as handle:
                handle.write(content)

    def close(self) -> None:
        """Nothing to finish: each pair is complete when written."""


class DocBinWriter(Writer):
    """One ``.spacy`` file of the Docs, written when closed (so it holds every Doc until then)."""

    def __init__(self, path: str):
        self.path = path
        self._docbin = DocBin(store_user_data=True)

    def write(self, document: Document, doc: Doc | None = None) -> None:
        if doc is None:
            raise ValueError(Errors.E077.format(id=document["id"]))
        self._docbin.add(doc)

    def close(self) -> None:
        self._docbin.to_disk(self.path)


def open_writer(fmt: str, output: str | None, stream: IO[str] | None = None, append: bool = False) -> Writer:
    """The writer of a format to ``output`` (a file; ``None`` or ``-``: ``stream``, for JSONL and
    CSV; a directory for brat; a ``.spacy`` file for DocBin). ``append`` continues a JSONL or CSV
    file instead of replacing it."""
    if fmt == "jsonl":
        return JsonlWriter(output, stream, append)
    if fmt == "csv":
        return CsvWriter(output, stream, append)
    if fmt in ("brat", "docbin") and output in (None, "-"):
        raise ValueError(Errors.E078.format(fmt=fmt))
    if fmt == "brat":
        return BratWriter(str(output))
    if fmt == "docbin":
        return DocBinWriter(str(output))
    raise ValueError(Errors.E073.format(fmt=fmt, choices=", ".join(FORMATS)))
