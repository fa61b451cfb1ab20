"""Documents out: one writer per format (JSONL, CSV, brat, DocBin, DuckDB, Parquet) behind one
protocol.

A writer takes the documents in the order given, each with its Doc when the engine has it
(only DocBin needs it), and the error entries of the records that failed (only the tables keep
them), and finishes the output when closed; every writer is a context manager.
JSONL and CSV write each document's lines in one call and flush, so a killed run leaves complete
lines, followed at worst by the start of one more, which
:func:`~trialspacy.resume.truncate_partial_line` removes before a resumed run appends (a
``.jsonl.gz`` file is flushed too, so a killed run leaves a readable prefix).
DuckDB and Parquet buffer the rows of :data:`~trialspacy.frames.TABLES` and write them every
:data:`TABLE_BATCH` documents, so memory stays flat; DuckDB commits each batch in one transaction.
"""

import contextlib
import csv
import gzip
import io
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, Self, get_args

from spacy.tokens import Doc, DocBin

from .brat import to_ann
from .contract import Document
from .errors import Errors
from .frames import SPAN_COLUMNS, TABLES, Column, span_row, table_columns
from .resume import truncate_partial_line

if TYPE_CHECKING:
    import pyarrow

Format = Literal["jsonl", "csv", "brat", "docbin", "duckdb", "parquet"]
FORMATS: tuple[Format, ...] = get_args(Format)
# The format each suffix of ``-o`` names (compared without case); brat and Parquet write into a
# directory, so they are named with ``--format``.
SUFFIXES: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".csv": "csv",
    ".spacy": "docbin",
    ".duckdb": "duckdb",
}
DIRECTORY_FORMATS: tuple[Format, ...] = ("brat", "parquet")


def format_of(output: str | None) -> Format:
    """The format ``output``'s suffix names (JSONL for standard output: ``None`` or ``-``); raise
    ValueError (listing the suffixes) for any other path."""
    if output in (None, "-"):
        return "jsonl"
    name = output.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    raise ValueError(
        Errors.E080.format(path=output, suffixes=", ".join(SUFFIXES), directories=" or ".join(DIRECTORY_FORMATS))
    )


def is_gzip(output: str | None) -> bool:
    """Whether a JSONL output is written gzip-compressed (its name ends with ``.gz``)."""
    return output is not None and output.lower().endswith(".gz")


# The line ends ``str.splitlines`` knows that ``json.dumps`` writes as they are (it escapes those
# below U+0020), as JSON escapes.
_LINE_END_CHARS = "\x85\u2028\u2029"
_LINE_ENDS = str.maketrans({end: f"\\u{ord(end):04x}" for end in _LINE_END_CHARS})


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
    # The line ends are not ASCII: an ASCII line, most of them, is not read through; and a line
    # without one is not translated (``str.translate`` with a table maps it character by character,
    # about 100 times slower than the three ``in`` scans: it was most of a non-ASCII line's cost).
    if line.isascii() or not any(end in line for end in _LINE_END_CHARS):
        return line + "\n"
    return line.translate(_LINE_ENDS) + "\n"


class Writer(Protocol):
    """What every writer does; explicit subclasses inherit the context manager methods."""

    def write(self, document: Document, doc: Doc | None = None) -> None:
        """Write one document."""
        ...

    def close(self) -> None:
        """Finish the output."""
        ...

    def write_error(self, entry: dict[str, Any]) -> None:
        """Keep the error entry of a record that failed (``RecordError.to_dict``); only the
        tabular outputs have a place for it (the command line writes ``--errors`` itself)."""
        return None

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
        elif is_gzip(output):
            if append:
                raise ValueError(Errors.E081.format(path=output))
            # Each flush ends a deflate block (Z_SYNC_FLUSH), so what is written can be read back
            # even when the run is killed before the gzip trailer.
            self.appending = False
            self._handle = gzip.open(output, "wt", encoding="utf-8", newline="")
            self._own = True
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
        if append and output not in (None, "-") and not is_gzip(output) and os.path.exists(output):
            # Appending after a partial line would fuse it with the next document.
            truncate_partial_line(output)
        super().__init__(output, stream, append)

    def write(self, document: Document, doc: Doc | None = None) -> None:
        self.write_line(json_line(document))

    def write_line(self, line: str) -> None:
        """Write one document's line, made by :func:`json_line` (in a worker process)."""
        self._write_text(line)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: a boolean as ``true`` or ``false``; text that a spreadsheet would run
    as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) behind a
    single quote, as OWASP advises, so that it is shown as text (``=HYPERLINK(...)`` →
    ``'=HYPERLINK(...)``). Numbers are kept as they are: ``-1.5`` is a number, not a formula."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(document: Document, index: int) -> dict[str, Any]:
    """The CSV row of the document's span ``index``: :func:`~trialspacy.frames.span_row`, each
    value through :func:`csv_cell`."""
    return {k: csv_cell(v) for k, v in span_row(document, index).items()}


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
        self._write_text(_csv_text([csv_row(document, i) for i in range(len(document["spans"]))]))


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


# Documents per batch of rows: a DuckDB transaction, a Parquet row group.
TABLE_BATCH = 256


def run_id() -> str:
    """The id of a run in the tables: when it started (UTC, ISO 8601 to the microsecond), so ids
    sort in the order of the runs."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _arrow_type(sql: str) -> "pyarrow.DataType":
    import pyarrow

    scalars = {"VARCHAR": pyarrow.string(), "BIGINT": pyarrow.int64(), "DOUBLE": pyarrow.float64()}
    scalars["BOOLEAN"] = pyarrow.bool_()
    if sql in scalars:
        return scalars[sql]
    if sql == "BIGINT[]":
        return pyarrow.list_(pyarrow.int64())
    section = [("name", pyarrow.string()), ("start", pyarrow.int64()), ("end", pyarrow.int64())]
    return pyarrow.list_(pyarrow.struct(section))


def arrow_schema(columns: tuple[Column, ...]) -> "pyarrow.Schema":
    """The Arrow schema of a table of :data:`~trialspacy.frames.TABLES`."""
    import pyarrow

    return pyarrow.schema([(column.name, _arrow_type(column.type)) for column in columns])


class _TableWriter(Writer):
    """The documents and error entries, buffered and written every ``batch`` documents (and when
    closed) as one Arrow table per table of :data:`~trialspacy.frames.TABLES`, built column by
    column (:func:`~trialspacy.frames.table_columns`)."""

    def __init__(self, batch: int):
        self.run = run_id()
        self._batch = batch
        self._documents: list[Document] = []
        self._errors: list[dict[str, Any]] = []
        self._schemas = {name: arrow_schema(columns) for name, columns in TABLES.items()}

    def write(self, document: Document, doc: Doc | None = None) -> None:
        self._documents.append(document)
        if len(self._documents) >= self._batch:
            self.flush()

    def write_error(self, entry: dict[str, Any]) -> None:
        self._errors.append({**entry, "run": self.run})

    def flush(self) -> None:
        """Write the buffered documents and errors."""
        import pyarrow

        tables = {
            name: pyarrow.Table.from_pydict(columns, schema=self._schemas[name])
            for name, columns in table_columns(self._documents, self.run).items()
        }
        tables["errors"] = pyarrow.Table.from_pylist(self._errors, schema=self._schemas["errors"])
        self._write_tables(tables)
        self._documents, self._errors = [], []

    def _write_tables(self, tables: dict[str, "pyarrow.Table"]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.flush()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class DuckDbWriter(_TableWriter):
    """The tables in a DuckDB database file, created when missing and appended to when not; each
    batch is one transaction, so a killed run leaves whole documents. ``resume``: the errors of
    the last run are deleted first, as its failed records are retried."""

    def __init__(self, path: str, resume: bool = False, batch: int = TABLE_BATCH):
        import duckdb

        super().__init__(batch)
        self.path = path
        try:
            # One thread: the run's workers need the cores (with n_process 2 on 2 cores, DuckDB's
            # threads would take their CPU). Checkpoints every 64 MB of log instead of 16: each one
            # compresses again the table's last, partly filled, row groups.
            self._connection = duckdb.connect(path, config={"threads": 1, "checkpoint_threshold": "64MB"})
        except duckdb.Error as exc:
            raise ValueError(Errors.E083.format(path=path, reason=exc)) from None
        # The library prints nothing; DuckDB would draw a progress bar for a long checkpoint. In a
        # Jupyter kernel without ipywidgets DuckDB refuses any progress-bar setting, and can draw no
        # bar there either (notebook 03 writes its DuckDB file in a kernel).
        with contextlib.suppress(duckdb.InvalidInputException):
            self._connection.execute("SET enable_progress_bar = false")
        for name, columns in TABLES.items():
            definition = ", ".join(f"{_quoted(c.name)} {c.type}" for c in columns)
            self._connection.execute(f"CREATE TABLE IF NOT EXISTS {name} ({definition})")
            # A table of the same name that is not this one would fail at the first batch, mid-run.
            found = self._connection.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "AND table_schema = current_schema() ORDER BY ordinal_position",
                [name],
            ).fetchall()
            if [(c.name,) for c in columns] != found:
                self._connection.close()
                raise ValueError(Errors.E084.format(path=path, table=name))
        if resume:
            self._connection.execute(
                "DELETE FROM errors WHERE run = (SELECT max(run) FROM "
                "(SELECT run FROM documents UNION ALL SELECT run FROM errors))"
            )

    def _write_tables(self, tables: dict[str, "pyarrow.Table"]) -> None:
        connection = self._connection
        connection.begin()
        for name, table in tables.items():
            if table.num_rows:
                # The Arrow table's columns are the table's, in its order (checked when opened).
                connection.from_arrow(table).insert_into(name)
        connection.commit()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._connection.close()


class ParquetWriter(_TableWriter):
    """A ``<table>.parquet`` file per table in a directory, a row group per batch; the directory
    must hold none of them yet (an earlier run's files would be replaced). A file is readable once
    closed: a killed run leaves no Parquet footer."""

    def __init__(self, directory: str, batch: int = TABLE_BATCH):
        import pyarrow.parquet

        super().__init__(batch)
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        existing = sorted(name for name in TABLES if (self.directory / f"{name}.parquet").exists())
        if existing:
            raise FileExistsError(Errors.E082.format(path=directory, files=", ".join(f"{n}.parquet" for n in existing)))
        self._files = {
            name: pyarrow.parquet.ParquetWriter(self.directory / f"{name}.parquet", self._schemas[name])
            for name in TABLES
        }

    def _write_tables(self, tables: dict[str, "pyarrow.Table"]) -> None:
        for name, table in tables.items():
            if table.num_rows:
                self._files[name].write_table(table)

    def close(self) -> None:
        try:
            super().close()
        finally:
            for file in self._files.values():
                file.close()


def open_writer(fmt: str, output: str | None, stream: IO[str] | None = None, append: bool = False) -> Writer:
    """The writer of a format to ``output`` (a file; ``None`` or ``-``: ``stream``, for JSONL and
    CSV; a directory for brat and Parquet; a ``.spacy`` file for DocBin, a database file for
    DuckDB). ``append`` continues a JSONL or CSV file instead of replacing it (a ``.jsonl.gz``
    file cannot be continued), and resumes a DuckDB file (which a run always appends to)."""
    if fmt == "jsonl":
        return JsonlWriter(output, stream, append)
    if fmt == "csv":
        return CsvWriter(output, stream, append)
    if fmt in ("brat", "docbin", "duckdb", "parquet") and output in (None, "-"):
        raise ValueError(Errors.E078.format(fmt=fmt))
    if fmt == "brat":
        return BratWriter(str(output))
    if fmt == "docbin":
        return DocBinWriter(str(output))
    if fmt == "duckdb":
        return DuckDbWriter(str(output), resume=append)
    if fmt == "parquet":
        return ParquetWriter(str(output))
    raise ValueError(Errors.E073.format(fmt=fmt, choices=", ".join(FORMATS)))
