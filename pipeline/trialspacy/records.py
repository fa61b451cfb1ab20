"""Inputs to documents: files, directories, standard input and dicts, read into :class:`Record`.

:func:`iter_records` never raises for bad input: it yields a :class:`~trialspacy.errors.RecordError`
in the place of the bad record (or file) and goes on, so every input record gives exactly one item.
Structured records (ClinicalTrials.gov API v2 studies, AACT-style rows, NLI4CT reports) are
rendered to text in the seed layout, with their sections and outcome items computed as they are
written; other records give the text of one field, and the layout component finds their sections.
JSONL and CSV are read line by line, so a large file is never held in memory.
"""

import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO, Union

from .errors import Errors, RecordError, Warnings
from .layout import ELIGIBILITY_HEADING, ITEM_SEPARATOR, OTHER_OUTCOMES_LABEL, eligibility_sections, sort_sections, trim

INPUT_SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl", ".ndjson", ".csv", ".tsv")
STDIN = "-"
# Fields that name a record when no --id-key is given, in order of preference.
ID_FIELDS: tuple[str, ...] = ("nct_id", "nctId", "nctid", "id")
DEFAULT_TEXT_KEY = "text"


@dataclass
class Record:
    """One input document: its id, its text, where it came from, and its structure if known."""

    id: str
    text: str
    source: str  # the file path as given, or "-" for standard input
    sections: list | None = None  # None: the layout component detects them from the text
    outcome_items: list | None = None
    meta: dict = field(default_factory=dict)  # e.g. {"format": "ctgov_v2"}


Item = Record | RecordError


@dataclass
class _Options:
    text_key: str | None
    id_key: str | None
    max_chars: int


@dataclass
class _Where:
    """Where a record is: its source, the stem for fallback ids, its 1-based number and line."""

    source: str
    stem: str
    number: int
    line: int | None = None


# --- Text clean-up for structured fields -------------------------------------------------------

# CommonMark backslash escapes (the registry writes `\<`, `\>`, `\[`, `\^`, ...): any ASCII punctuation.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"\s+")


def unescape_markdown(text: str) -> str:
    """``text`` without the registry's markdown backslash escapes (``\\<`` → ``<``)."""
    return _ESCAPE.sub(r"\1", text)


def single_line(value: Any, markdown: bool = True) -> str:
    """A field as one line: escapes removed, white space collapsed, and ``|`` (the item separator
    of the seed layout) replaced by ``/``."""
    if not isinstance(value, str):
        return ""
    text = unescape_markdown(value) if markdown else value
    return _SPACES.sub(" ", text).strip().replace(ITEM_SEPARATOR, "/")


def multi_line(value: Any, markdown: bool = True) -> str:
    """A field that keeps its lines: escapes removed, ``\\r\\n`` made ``\\n``, ends trimmed."""
    if not isinstance(value, str):
        return ""
    text = unescape_markdown(value) if markdown else value
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- Rendering structured records --------------------------------------------------------------


class _Renderer:
    """Writes lines of text, recording the sections and outcome items at their exact offsets."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0
        self.sections: list[dict[str, Any]] = []
        self.outcome_items: list[dict[str, Any]] = []

    def line(self, text: str, section: str | None = None) -> int:
        """Append a line (it may contain newlines); return its start offset."""
        start = self.size + (1 if self.lines else 0)
        self.lines.append(text)
        self.size = start + len(text)
        if section and text:
            self.sections.append({"name": section, "start": start, "end": self.size})
        return start

    def block(self, lines: list[str], section: str | None = None) -> int:
        """Append lines unless there are none; return their start offset."""
        return self.line("\n".join(lines), section) if lines else self.size

    def items(self, items: list[str], role: str, section: str, label: str = "") -> None:
        """Append a line of ``|``-separated outcome items, each an outcome item of ``role``."""
        start = self.line(label + ITEM_SEPARATOR.join(items), section) + len(label)
        for item in items:
            self.outcome_items.append({"role": role, "start": start, "end": start + len(item)})
            start += len(item) + len(ITEM_SEPARATOR)

    def eligibility(self, criteria: str) -> None:
        """Append the ``Eligibility`` heading and the criteria, with their sections."""
        if criteria:
            start = self.line(ELIGIBILITY_HEADING)
            self.line(criteria)
            self.sections += eligibility_sections(self.text(), start)

    def text(self) -> str:
        return "\n".join(self.lines)

    def record(self, record_id: str, source: str, fmt: str) -> Record:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return Record(
            id=record_id,
            text=self.text(),
            source=source,
            sections=sort_sections(self.sections),
            outcome_items=self.outcome_items,
            meta={"format": fmt},
        )


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _outcome_items(outcomes: Any) -> list[str]:
    """``measure, description, timeFrame`` of each API v2 outcome, empty parts skipped."""
    items = []
    for outcome in outcomes if isinstance(outcomes, list) else []:
        parts = [single_line(_get(outcome, key)) for key in ("measure", "description", "timeFrame")]
        item = ", ".join(p for p in parts if p)
        if item:
            items.append(item)
    return items


def render_ctgov_v2(study: dict[str, Any], source: str) -> Record:
    """A ClinicalTrials.gov API v2 study as a Record in the seed layout (raises RecordError E008)."""
    protocol = study.get("protocolSection") or {}
    nct_id = single_line(_get(protocol, "identificationModule", "nctId"))
    if not nct_id:
        raise RecordError(source, Errors.E008.format(field="identificationModule.nctId"))
    ident = protocol.get("identificationModule") or {}
    title = single_line(ident.get("briefTitle")) or single_line(ident.get("officialTitle"))
    summary = single_line(_get(protocol, "descriptionModule", "briefSummary"))
    criteria = multi_line(_get(protocol, "eligibilityModule", "eligibilityCriteria"))
    if not (title or summary or criteria):
        problem = Errors.E008.format(field="title, brief summary or eligibility criteria")
        raise RecordError(source, problem, record=nct_id)
    conditions = _get(protocol, "conditionsModule", "conditions") or []
    interventions = _get(protocol, "armsInterventionsModule", "interventions") or []
    outcomes = protocol.get("outcomesModule") or {}
    out = _Renderer()
    out.line(title, "title")
    out.line(summary, "summary")
    out.line(ITEM_SEPARATOR.join(filter(None, (single_line(c) for c in conditions))), "conditions")
    out.line(
        ITEM_SEPARATOR.join(
            # The schema requires a type; OTHER keeps the line in the layout if one lacks it.
            f"{single_line(i.get('type')) or 'OTHER'}: {single_line(i.get('name'))}"
            for i in interventions
            if isinstance(i, dict) and single_line(i.get("name"))
        ),
        "interventions",
    )
    out.items(_outcome_items(outcomes.get("primaryOutcomes")), "primary", "primary_outcomes")
    out.items(_outcome_items(outcomes.get("secondaryOutcomes")), "secondary", "secondary_outcomes")
    out.line(multi_line(_get(protocol, "descriptionModule", "detailedDescription")), "description")
    other = _outcome_items(outcomes.get("otherOutcomes"))
    if other:
        out.items(other, "other", "other_outcomes", label=OTHER_OUTCOMES_LABEL)
    out.eligibility(criteria)
    return out.record(nct_id, source, "ctgov_v2")


def _present(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def render_aact(row: dict[str, Any], source: str) -> Record:
    """An AACT-style row (``nct_id``, ``brief_title``, ``description``, ``conditions``,
    ``criteria``) as a Record in the seed layout; the criteria keep their ``~`` line breaks."""
    conditions = row.get("conditions")
    if isinstance(conditions, str):
        conditions = conditions.split(ITEM_SEPARATOR)
    out = _Renderer()
    title = single_line(row.get("brief_title"), markdown=False) or single_line(
        row.get("official_title"), markdown=False
    )
    out.line(title, "title")
    out.line(single_line(row.get("description"), markdown=False), "summary")
    conditions = [single_line(c, markdown=False) for c in conditions or []]
    out.line(ITEM_SEPARATOR.join(filter(None, conditions)), "conditions")
    # A row has no interventions, outcomes or detailed description: lines 4 to 7 stay empty.
    for _ in range(4):
        out.line("")
    criteria = row.get("criteria")
    out.eligibility(criteria.strip() if _present(criteria) else "")
    return out.record(str(row["nct_id"]).strip(), source, "aact")


def _nli4ct_lines(lines: Any) -> list[str]:
    return [line.strip() for line in lines if isinstance(line, str)] if isinstance(lines, list) else []


def render_nli4ct(ctr: dict[str, Any], source: str) -> Record:
    """An NLI4CT clinical trial report: intervention lines, ``Eligibility`` and its lines, the
    results (whose outcome measurement block is the primary outcome) and the adverse events."""
    out = _Renderer()
    out.block(_nli4ct_lines(ctr.get("Intervention")), "interventions")
    out.eligibility("\n".join(_nli4ct_lines(ctr.get("Eligibility"))))
    results = _nli4ct_lines(ctr.get("Results"))
    label = next((i for i, line in enumerate(results) if line.startswith("Outcome Measurement:")), None)
    if label is not None:
        frame = next((i for i in range(label + 1, len(results)) if results[i].startswith("Time frame:")), None)
        stop = len(results) if frame is None else frame + 1
        out.block(results[:label])
        start = out.block(results[label:stop], "primary_outcomes")
        # The outcome item is the measure, its description and time frame, without the label line.
        item = trim(out.lines[-1], len(results[label]), len(out.lines[-1]))
        if item[0] < item[1]:
            out.outcome_items.append({"role": "primary", "start": start + item[0], "end": start + item[1]})
        results = results[stop:]
    out.block(results)
    out.block(_nli4ct_lines(ctr.get("Adverse Events")))
    return out.record(str(ctr["Clinical Trial ID"]).strip(), source, "nli4ct")


# --- Records from objects ----------------------------------------------------------------------

_NLI4CT_SECTIONS = ("Intervention", "Eligibility", "Results", "Adverse Events")
_AACT_TEXT_FIELDS = ("brief_title", "official_title", "description", "criteria")


def _is_ctgov_v2(obj: dict[str, Any]) -> bool:
    return isinstance(obj.get("protocolSection"), dict)


def _is_aact(obj: dict[str, Any]) -> bool:
    nct_id = obj.get("nct_id")
    return (_present(nct_id) or isinstance(nct_id, int)) and any(_present(obj.get(k)) for k in _AACT_TEXT_FIELDS)


def _is_nli4ct(obj: dict[str, Any]) -> bool:
    return _present(obj.get("Clinical Trial ID")) and any(isinstance(obj.get(k), list) for k in _NLI4CT_SECTIONS)


def _field_list(obj: dict[str, Any], limit: int = 12) -> str:
    names = [str(k) for k in obj]
    return ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")


def _field_id(obj: dict[str, Any], opts: _Options) -> str | None:
    """The record's own id: the --id-key field, else an NCT id or id field, else None."""
    for key in ((opts.id_key,) if opts.id_key else ()) + ID_FIELDS:
        value = obj.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _text_field_record(obj: dict[str, Any], where: _Where, opts: _Options) -> Record:
    key = opts.text_key or DEFAULT_TEXT_KEY
    own_id = _field_id(obj, opts)
    if key not in obj:
        problem = Errors.E007 if opts.text_key is None else Errors.E010.format(key=key, fields=_field_list(obj))
        raise RecordError(where.source, problem, record=own_id)
    text = obj[key]
    if not isinstance(text, str):
        raise RecordError(where.source, Errors.E012.format(key=key, kind=type(text).__name__), record=own_id)
    record_id = own_id or f"{where.stem}#{where.number}"
    return Record(id=record_id, text=text, source=where.source, meta={"format": "text_field", "text_key": key})


def _checked(record: Record, opts: _Options) -> Record:
    """The record, or a RecordError if its text is empty or over the size limit."""
    if not record.text.strip():
        raise RecordError(record.source, Errors.E005, record=record.id)
    if len(record.text) > opts.max_chars:
        problem = Errors.E009.format(size=len(record.text), limit=opts.max_chars)
        raise RecordError(record.source, problem, record=record.id)
    return record


def _record_from_object(obj: Any, where: _Where, opts: _Options) -> Item:
    """One parsed JSON object or CSV row as a Record (API v2 study, AACT row, NLI4CT report, or
    a text field), or the RecordError saying why not."""
    try:
        if not isinstance(obj, dict):
            raise RecordError(where.source, Errors.E016.format(kind=type(obj).__name__))
        if _is_ctgov_v2(obj):
            record = render_ctgov_v2(obj, where.source)
        elif _is_aact(obj):
            record = render_aact(obj, where.source)
        elif _is_nli4ct(obj):
            record = render_nli4ct(obj, where.source)
        else:
            record = _text_field_record(obj, where, opts)
        return _checked(record, opts)
    except RecordError as err:
        return RecordError(err.source, err.problem, record=err.record, line=where.line)


# --- Reading files -----------------------------------------------------------------------------

Lines = Iterator[tuple[int, int, bytes]]  # (1-based line number, byte offset, raw line)


def _binary_lines(handle: Iterable[bytes]) -> Lines:
    offset = 0
    for number, raw in enumerate(handle, 1):
        yield number, offset, raw
        offset += len(raw)


def _format_of(path: str) -> str:
    """The input format by suffix, ignoring ``.gz``: ``.txt``, ``.json``, ``.jsonl``, ..."""
    name = path[:-3] if path.lower().endswith(".gz") else path
    return os.path.splitext(name)[1].lower()


def _stem(path: str) -> str:
    name = os.path.basename(path)
    name = name[:-3] if name.lower().endswith(".gz") else name
    return os.path.splitext(name)[0]


def _decode(data: bytes, source: str) -> str:
    """The bytes of a whole file as text, or a RecordError (E003 not UTF-8, E004 binary, E005 empty)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 byte order mark
        raise RecordError(source, Errors.E003.format(offset=0))
    if b"\x00" in data:
        raise RecordError(source, Errors.E004)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(source, Errors.E003.format(offset=exc.start)) from None
    text = text[1:] if text.startswith("\ufeff") else text
    if not text.strip():
        raise RecordError(source, Errors.E005)
    return text


def _json_records(text: str, where: _Where, opts: _Options) -> Iterator[Item]:
    """Records of a JSON document: one study, an array of them, or a ``{"studies": [...]}`` page;
    text that turns out to be JSON lines is read as such."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from _jsonl_records(_binary_lines(io.BytesIO(text.encode("utf-8"))), where, opts)
        else:
            yield RecordError(where.source, Errors.E006.format(line=exc.lineno, reason=exc.msg), line=exc.lineno)
        return
    if isinstance(data, dict) and not _is_ctgov_v2(data) and isinstance(data.get("studies"), list):
        data = data["studies"]
    objects = data if isinstance(data, list) else [data]
    if not objects:
        yield RecordError(where.source, Errors.E005)
    for number, obj in enumerate(objects, 1):
        yield _record_from_object(obj, _Where(where.source, where.stem, number), opts)


def _jsonl_records(lines: Lines, where: _Where, opts: _Options) -> Iterator[Item]:
    """One record per non-blank line; a bad line gives its error and the next lines are read."""
    number = 0
    for line_number, offset, raw in lines:
        problem = None
        if b"\x00" in raw:
            if line_number == 1:  # a binary file, not a bad line
                yield RecordError(where.source, Errors.E004)
                return
            problem = Errors.E004
        else:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line, problem = "", Errors.E003.format(offset=offset + exc.start)
            if line_number == 1:
                line = line.lstrip("\ufeff")
            if problem is None and not line.strip():
                continue
        number += 1
        if problem is None:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = Errors.E006.format(line=line_number, reason=exc.msg)
        if problem is not None:
            yield RecordError(where.source, problem, line=line_number)
        else:
            yield _record_from_object(obj, _Where(where.source, where.stem, number, line_number), opts)
    if number == 0:
        yield RecordError(where.source, Errors.E005)


class _BadLine(Exception):
    """Raised through the csv reader when a line cannot be decoded."""

    def __init__(self, error: RecordError) -> None:
        super().__init__(error.message)
        self.error = error


def _decoded_lines(lines: Lines, source: str) -> Iterator[str]:
    for line_number, offset, raw in lines:
        if b"\x00" in raw:
            raise _BadLine(RecordError(source, Errors.E004, line=None if line_number == 1 else line_number))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Errors.E003.format(offset=offset + exc.start)
            raise _BadLine(RecordError(source, problem, line=line_number)) from None
        yield text.lstrip("\ufeff") if line_number == 1 else text


def _csv_records(lines: Lines, where: _Where, opts: _Options, delimiter: str) -> Iterator[Item]:
    """One record per row under the header row; AACT-style headers give AACT records."""
    # Registry criteria can exceed the csv module's default 128 KiB field limit; the text size is
    # checked per record (E009) instead. The limit is process-wide, so it is only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.reader(_decoded_lines(lines, where.source), delimiter=delimiter)
    number = 0
    try:
        header = next(reader, None)
        if header is None:
            yield RecordError(where.source, Errors.E005)
            return
        is_aact = "nct_id" in header and ("criteria" in header or "description" in header)
        key = opts.text_key or DEFAULT_TEXT_KEY
        if not is_aact and key not in header:
            yield RecordError(where.source, Errors.E011.format(key=key, fields=", ".join(header)))
            return
        row_line = reader.line_num + 1
        for row in reader:
            line, row_line = row_line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            number += 1
            obj = {name: value for name, value in zip(header, row) if value != "" or name == key}
            yield _record_from_object(obj, _Where(where.source, where.stem, number, line), opts)
    except _BadLine as bad:
        yield bad.error
        return
    except csv.Error as exc:
        yield RecordError(where.source, Errors.E015.format(line=reader.line_num, reason=exc), line=reader.line_num)
        return
    if number == 0:
        yield RecordError(where.source, Errors.E005)


def _document_records(data: bytes, fmt: str, where: _Where, opts: _Options) -> Iterator[Item]:
    """Records of a file read whole: JSON, or one text document."""
    try:
        text = _decode(data, where.source)
    except RecordError as err:
        yield err
        return
    if fmt == ".json":
        yield from _json_records(text, where, opts)
        return
    record = Record(id=where.stem, text=text, source=where.source, meta={"format": "text"})
    try:
        yield _checked(record, opts)
    except RecordError as err:
        yield err


def _open(path: str) -> Any:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, gzip.BadGzipFile):
        return "not a valid gzip file"
    if isinstance(exc, (EOFError, zlib.error)):
        return f"damaged gzip data ({exc})" if str(exc) else "damaged gzip data"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def _path_records(path: str, opts: _Options) -> Iterator[Item]:
    """Records of one file, by its suffix; an unknown suffix is read as text."""
    if not os.path.exists(path):
        yield RecordError(path, Errors.E001)
        return
    if not os.path.isfile(path):
        yield RecordError(path, Errors.E013.format(path=path))
        return
    fmt = _format_of(path)
    where = _Where(path, _stem(path), 0)
    try:
        with _open(path) as handle:
            if fmt in (".jsonl", ".ndjson"):
                yield from _jsonl_records(_binary_lines(handle), where, opts)
            elif fmt in (".csv", ".tsv"):
                yield from _csv_records(_binary_lines(handle), where, opts, "\t" if fmt == ".tsv" else ",")
            else:
                yield from _document_records(handle.read(), fmt, where, opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(path, Errors.E002.format(reason=_os_reason(exc)))


def _stdin_records(stream: TextIO, opts: _Options) -> Iterator[Item]:
    """Standard input: JSON or JSON lines if it starts with ``{`` or ``[``, else one text document
    with id ``stdin``."""
    where = _Where(STDIN, "stdin", 0)
    binary = getattr(stream, "buffer", None)
    handle = binary if binary is not None else (line.encode("utf-8") for line in stream)
    lines = _binary_lines(handle)
    seen: list[tuple[int, int, bytes]] = []
    for entry in lines:
        seen.append(entry)
        if entry[2].strip():
            break
    first = seen[-1][2].lstrip().lstrip(b"\xef\xbb\xbf") if seen else b""
    if first.startswith(b"{"):
        try:
            json.loads(first)
        except ValueError:
            pass
        else:
            yield from _jsonl_records(_chain(seen, lines), where, opts)
            return
    data = b"".join(raw for _, _, raw in _chain(seen, lines))
    yield from _document_records(data, ".json" if first.startswith((b"{", b"[")) else ".txt", where, opts)


def _chain(seen: list[tuple[int, int, bytes]], rest: Lines) -> Lines:
    yield from seen
    yield from rest


def _is_input_file(name: str) -> bool:
    return not name.startswith(".") and _format_of(name) in INPUT_SUFFIXES


def directory_files(directory: str) -> list[str]:
    """The input files under ``directory``, recursively, sorted; hidden files and folders and
    files of other suffixes are left out."""
    found = []
    for root, folders, files in os.walk(directory):
        folders[:] = [f for f in folders if not f.startswith(".")]
        found += [os.path.join(root, name) for name in files if _is_input_file(name)]
    return sorted(found)


Input = Union[str, "os.PathLike[str]", dict[str, Any]]


def expand_inputs(inputs: Iterable[Input]) -> tuple[list[Input], list[str]]:
    """The inputs with directories replaced by their input files, and a warning (W001) for each
    directory without any. Other inputs (files, ``-``, dicts, missing paths) are kept as given, so
    that reading them reports their problems in place."""
    expanded: list[Input] = []
    warnings = []
    for item in inputs:
        if isinstance(item, (str, os.PathLike)) and os.path.isdir(item):
            files = directory_files(os.fspath(item))
            if not files:
                warnings.append(Warnings.W001.format(path=os.fspath(item)))
            expanded += files
        else:
            expanded.append(item)
    return expanded, warnings


def iter_records(
    inputs: Input | Iterable[Input],
    *,
    text_key: str | None = None,
    id_key: str | None = None,
    max_chars: int = 1_000_000,
    stdin: TextIO | None = None,
) -> Iterator[Item]:
    """Yield a Record, or a RecordError in its place, for every record of the inputs, in order.

    Inputs are files, directories (recursive, sorted), ``-`` (standard input) or dicts (records
    already parsed). ``text_key`` names the text field of records that are not registry studies
    (default ``text``); ``id_key`` the field holding their id.
    """
    opts = _Options(text_key, id_key, max_chars)
    if isinstance(inputs, (str, os.PathLike, dict)):
        inputs = [inputs]
    dicts = 0
    for item in inputs:
        if isinstance(item, dict):
            dicts += 1
            yield _record_from_object(item, _Where("<dict>", "record", dicts), opts)
        elif not isinstance(item, (str, os.PathLike)):
            yield RecordError(repr(item), Errors.E013.format(path=repr(item)))
        elif os.fspath(item) == STDIN:
            yield from _stdin_records(stdin if stdin is not None else sys.stdin, opts)
        elif os.path.isdir(item):
            for path in directory_files(os.fspath(item)):
                yield from _path_records(path, opts)
        else:
            yield from _path_records(os.fspath(item), opts)
