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
from .frames import SPAN_COLUMNS, span_row
from .resume import truncate_partial_line

Format = Literal["jsonl", "csv", "brat", "docbin"]
FORMATS: tuple[Format, ...] = get_args(Format)


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
                raise ValueError("writing to standard output needs the stream")
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
        self._write_text(json.dumps(document, ensure_ascii=False) + "\n")


def csv_row(document: Document, span: Span) -> dict[str, Any]:
    """A span's CSV row: :func:`~trialspacy.frames.span_row` with lists as JSON."""
    return {k: json.dumps(v) if isinstance(v, list) else v for k, v in span_row(document, span).items()}


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


def safe_stem(document_id: str) -> str:
    """A file name for a document id (``NCT0123#2`` → ``NCT0123_2``)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", document_id).strip("._") or "document"


class BratWriter(Writer):
    """A ``<id>.txt``/``<id>.ann`` pair per document in a directory (``_2``, ``_3``... added to a
    repeated id)."""

    def __init__(self, directory: str):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._stems: dict[str, int] = {}

    def write(self, document: Document, doc: Doc | None = None) -> None:
        stem = safe_stem(str(document["id"]))
        n = self._stems.get(stem, 0)
        self._stems[stem] = n + 1
        if n:
            stem = f"{stem}_{n + 1}"
        base = self.directory / stem
        base.with_suffix(".txt").write_text(document["text"], encoding="utf-8", newline="")
        base.with_suffix(".ann").write_text(to_ann(document), encoding="utf-8", newline="")

    def close(self) -> None:
        """Nothing to finish: each pair is complete when written."""


class DocBinWriter(Writer):
    """One ``.spacy`` file of the Docs, written when closed (so it holds every Doc until then)."""

    def __init__(self, path: str):
        self.path = path
        self._docbin = DocBin(store_user_data=True)

    def write(self, document: Document, doc: Doc | None = None) -> None:
        if doc is None:
            raise ValueError(f"document {document['id']!r}: DocBin output needs its Doc")
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
        raise ValueError(f"{fmt} output needs a path")
    if fmt == "brat":
        return BratWriter(str(output))
    if fmt == "docbin":
        return DocBinWriter(str(output))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
