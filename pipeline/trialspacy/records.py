"""Inputs to documents: files, directories, standard input and dicts, read into :class:`Record`.

:func:`iter_records` never raises for bad input: it yields a :class:`~trialspacy.errors.RecordError`
in the place of the bad record (or file) and goes on, so every input record gives exactly one item.
Structured records (ClinicalTrials.gov API v2 studies, legacy XML records, rows of the site's CSV
export, AACT-style rows, NLI4CT reports) are rendered to text in the seed layout, with their sections
and outcome items computed as they are written; other records give the text of one field, and the
layout component finds their sections. JSONL and CSV are read line by line, so a large file is never
held in memory, and zip archives member by member.
"""

import codecs
import csv
import errno
import gzip
import io
import json
import os
import re
import stat
import sys
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Literal, TextIO, Union, overload

from .errors import Errors, RecordError, Warnings, json_kind
from .layout import ELIGIBILITY_HEADING, ITEM_SEPARATOR, OTHER_OUTCOMES_LABEL, eligibility_sections, sort_sections
from .text import trim

INPUT_SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".xml", ".zip")
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
    where: str | None = None  # selects the studies of a database input (aact.py)
    defer: bool = False  # yield the members and files read whole as Unparsed (see iter_records)


@dataclass
class _Where:
    """Where a record is: its source, the stem for fallback ids, its 1-based number and line."""

    source: str
    stem: str
    number: int
    line: int | None = None


@dataclass
class Unparsed:
    """The bytes of one study file or zip member (legacy XML, API v2 JSON), read but not parsed:
    :meth:`items` gives its records and errors exactly as reading it would have. The engines with
    worker processes send these to the workers, so that parsing and rendering are done next to
    the pipeline instead of in the process that reads the input and writes the output."""

    data: bytes
    fmt: str
    where: _Where
    opts: _Options

    def items(self) -> Iterator[Item]:
        return _handle_records(io.BytesIO(self.data), self.fmt, self.where, self.opts)


def parsed(items: Iterable[Item | Unparsed]) -> Iterator[Item]:
    """The items with each :class:`Unparsed` replaced by its records and errors."""
    for item in items:
        if isinstance(item, Unparsed):
            yield from item.items()
        else:
            yield item


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
    for outcome in _list(outcomes):
        parts = [single_line(_get(outcome, key)) for key in ("measure", "description", "timeFrame")]
        item = ", ".join(p for p in parts if p)
        if item:
            items.append(item)
    return items


def _list(value: Any) -> list[Any]:
    """A field that should be a list, or no items if it is something else."""
    return value if isinstance(value, list) else []


def render_ctgov_v2(study: dict[str, Any], source: str) -> Record:
    """A ClinicalTrials.gov API v2 study as a Record in the seed layout (raises RecordError E008,
    or E046 if ``protocolSection`` is not an object). Optional fields of another type than the
    schema's are left out."""
    protocol = study["protocolSection"]
    if not isinstance(protocol, dict):
        raise RecordError(
            source, Errors.E046.format(field="protocolSection", kind=json_kind(protocol), expected="an object")
        )
    nct_id = single_line(_get(protocol, "identificationModule", "nctId"))
    if not nct_id:
        raise RecordError(source, Errors.E008.format(field="identificationModule.nctId"))
    ident = _get(protocol, "identificationModule")
    title = single_line(_get(ident, "briefTitle")) or single_line(_get(ident, "officialTitle"))
    summary = single_line(_get(protocol, "descriptionModule", "briefSummary"))
    criteria = multi_line(_get(protocol, "eligibilityModule", "eligibilityCriteria"))
    if not (title or summary or criteria):
        problem = Errors.E008.format(field="title, brief summary or eligibility criteria")
        raise RecordError(source, problem, record=nct_id)
    conditions = _list(_get(protocol, "conditionsModule", "conditions"))
    interventions = _list(_get(protocol, "armsInterventionsModule", "interventions"))
    outcomes = _get(protocol, "outcomesModule")
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
    out.items(_outcome_items(_get(outcomes, "primaryOutcomes")), "primary", "primary_outcomes")
    out.items(_outcome_items(_get(outcomes, "secondaryOutcomes")), "secondary", "secondary_outcomes")
    out.line(multi_line(_get(protocol, "descriptionModule", "detailedDescription")), "description")
    other = _outcome_items(_get(outcomes, "otherOutcomes"))
    if other:
        out.items(other, "other", "other_outcomes", label=OTHER_OUTCOMES_LABEL)
    out.eligibility(criteria)
    return out.record(nct_id, source, "ctgov_v2")


def _present(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _required_id(record: dict[str, Any], key: str, source: str) -> str:
    """The id field that names a record (text or an integer), or a RecordError E046 naming it."""
    value = record[key]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if _present(value):
        return str(value).strip()
    kind = "empty text" if isinstance(value, str) else json_kind(value)
    raise RecordError(source, Errors.E046.format(field=key, kind=kind, expected="text or an integer"))


def render_aact(row: dict[str, Any], source: str) -> Record:
    """An AACT-style row (``nct_id``, ``brief_title``, ``description``, ``conditions``,
    ``criteria``) as a Record in the seed layout; the criteria keep their ``~`` line breaks."""
    record_id = _required_id(row, "nct_id", source)
    conditions = row.get("conditions")
    conditions = conditions.split(ITEM_SEPARATOR) if isinstance(conditions, str) else _list(conditions)
    out = _Renderer()
    title = single_line(row.get("brief_title"), markdown=False) or single_line(
        row.get("official_title"), markdown=False
    )
    out.line(title, "title")
    out.line(single_line(row.get("description"), markdown=False), "summary")
    conditions = [single_line(c, markdown=False) for c in conditions]
    out.line(ITEM_SEPARATOR.join(filter(None, conditions)), "conditions")
    # A row has no interventions, outcomes or detailed description: lines 4 to 7 stay empty.
    for _ in range(4):
        out.line("")
    criteria = row.get("criteria")
    out.eligibility(criteria.strip() if isinstance(criteria, str) else "")
    return out.record(record_id, source, "aact")


# The CSV export of ClinicalTrials.gov's search results ("Download"): the current site's columns
# (``Study Title``, ``Brief Summary``, ``Primary Outcome Measures``, ...) and the former site's
# (``Title``, one ``Outcome Measures`` column). Lists are ``|``-separated; an intervention is
# ``TYPE: name`` (``DRUG: Cisplatin``, formerly ``Drug: Cisplatin``), and an outcome of the current
# export is its ``measure, description, time frame`` joined as the seed layout writes them.
SITE_CSV_ID = "NCT Number"
_SITE_CSV_TITLES = ("Study Title", "Title")
_SITE_CSV_OUTCOMES = (
    ("primaryOutcomes", "Primary Outcome Measures"),
    ("secondaryOutcomes", "Secondary Outcome Measures"),
    ("otherOutcomes", "Other Outcome Measures"),
    # The former export lists every outcome measure in one column, without role or time frame: they
    # are the record's first outcome line.
    ("primaryOutcomes", "Outcome Measures"),
)
_INTERVENTION_TYPE = re.compile(r"[A-Za-z][A-Za-z _]*")


def _site_csv_intervention(item: str) -> dict[str, str]:
    """``Dietary Supplement: Vitamin D`` as an API v2 intervention (``DIETARY_SUPPLEMENT``)."""
    kind, separator, name = item.partition(": ")
    if not (separator and _INTERVENTION_TYPE.fullmatch(kind)):
        return {"type": "", "name": item}
    return {"type": "_".join(kind.upper().replace("_", " ").split()), "name": name}


def render_site_csv(row: dict[str, Any], source: str) -> Record:
    """A row of ClinicalTrials.gov's search results CSV export as a Record in the seed layout of
    an API v2 study (title, summary, conditions, interventions, outcome lines); the export has no
    detailed description nor criteria. Raises RecordError (E046, E008)."""
    record_id = _required_id(row, SITE_CSV_ID, source)
    # The current export holds the registry's markdown text, as API v2 does; the former one plain
    # text, whose backslashes are doubled so that unescaping gives them back as written.
    plain = "Study Title" not in row

    def cell(name: str) -> str:
        value = row.get(name)
        text = value if isinstance(value, str) else ""
        return text.replace("\\", "\\\\") if plain else text

    def items(name: str) -> list[str]:
        return cell(name).split(ITEM_SEPARATOR) if cell(name) else []

    outcomes: dict[str, list[dict[str, str]]] = {}
    for key, column in _SITE_CSV_OUTCOMES:
        outcomes.setdefault(key, []).extend({"measure": item} for item in items(column))
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": record_id, "briefTitle": cell("Study Title") or cell("Title")},
            "descriptionModule": {"briefSummary": cell("Brief Summary")},
            "conditionsModule": {"conditions": items("Conditions")},
            "armsInterventionsModule": {"interventions": [_site_csv_intervention(i) for i in items("Interventions")]},
            "outcomesModule": outcomes,
        }
    }
    record = render_ctgov_v2(study, source)
    record.meta = {"format": "ctgov_site_csv"}
    return record


def _nli4ct_lines(lines: Any) -> list[str]:
    return [line.strip() for line in lines if isinstance(line, str)] if isinstance(lines, list) else []


def render_nli4ct(ctr: dict[str, Any], source: str) -> Record:
    """An NLI4CT clinical trial report: intervention lines, ``Eligibility`` and its lines, the
    results (whose outcome measurement block is the primary outcome) and the adverse events."""
    record_id = _required_id(ctr, "Clinical Trial ID", source)
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
    return out.record(record_id, source, "nli4ct")


# --- Records from objects ----------------------------------------------------------------------

_NLI4CT_SECTIONS = ("Intervention", "Eligibility", "Results", "Adverse Events")
_AACT_TEXT_FIELDS = ("brief_title", "official_title", "description", "criteria")


# A format is told by its field names, so that a record of that format whose id field has the
# wrong type is reported as such (E046) rather than as a record of no known format.
def _is_ctgov_v2(obj: dict[str, Any]) -> bool:
    return "protocolSection" in obj


def _is_aact(obj: dict[str, Any]) -> bool:
    return "nct_id" in obj and any(_present(obj.get(k)) for k in _AACT_TEXT_FIELDS)


def _is_site_csv(obj: dict[str, Any]) -> bool:
    return SITE_CSV_ID in obj and any(title in obj for title in _SITE_CSV_TITLES)


def _is_nli4ct(obj: dict[str, Any]) -> bool:
    return "Clinical Trial ID" in obj and any(isinstance(obj.get(k), list) for k in _NLI4CT_SECTIONS)


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


def _escaped(text: str) -> str:
    """``text`` with anything UTF-8 cannot encode (lone surrogates) written as ``\\udc80``."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _unencodable(text: str) -> int | None:
    """The offset of the first character UTF-8 cannot encode (a lone surrogate), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def _string_fields(obj: Any) -> Iterator[tuple[str, str]]:
    """Every string of a parsed record with its path (``a.b[2].c``), in document order. Iterative,
    as a record may be nested as deep as the JSON parser allows."""
    stack: list[tuple[str, Any]] = [("", obj)]
    seen: set[int] = set()
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            if isinstance(value, dict):
                children = [(f"{path}.{key}" if path else str(key), child) for key, child in value.items()]
            else:
                children = [(f"{path}[{index}]", child) for index, child in enumerate(value)]
            stack.extend(reversed(children))


def _surrogate_error(record: Record, obj: Any) -> RecordError | None:
    """E042 naming the field (and the offset in it) that put a lone surrogate, which a ``\\ud800``
    escape in JSON can make, into the record's id or text; such text cannot be written as UTF-8."""
    for value in (record.id, record.text):
        start = _unencodable(value)
        if start is not None:
            char = value[start]
            path, offset = next(((p, s.index(char)) for p, s in _string_fields(obj) if char in s), ("text", start))
            problem = Errors.E042.format(field=_escaped(path), code=ord(char), offset=offset)
            return RecordError(record.source, problem, record=_escaped(record.id))
    return None


def _checked(record: Record, opts: _Options, obj: Any = None) -> Record:
    """The record, or a RecordError if its text is empty, over the size limit, or not valid
    Unicode (``obj`` is the parsed record it was made from, to name the field)."""
    if not record.text.strip():
        raise RecordError(record.source, Errors.E005, record=record.id)
    if len(record.text) > opts.max_chars:
        problem = Errors.E009.format(size=len(record.text), limit=opts.max_chars)
        raise RecordError(record.source, problem, record=record.id)
    error = _surrogate_error(record, obj)
    if error is not None:
        raise error
    return record


def _record_from_object(obj: Any, where: _Where, opts: _Options) -> Item:
    """One parsed JSON object or CSV row as a Record (API v2 study, AACT row, site CSV export row,
    NLI4CT report, or a text field), or the RecordError saying why not."""
    try:
        if not isinstance(obj, dict):
            raise RecordError(where.source, Errors.E016.format(kind=type(obj).__name__))
        if _is_ctgov_v2(obj):
            record = render_ctgov_v2(obj, where.source)
        elif _is_aact(obj):
            record = render_aact(obj, where.source)
        elif _is_site_csv(obj):
            record = render_site_csv(obj, where.source)
        elif _is_nli4ct(obj):
            record = render_nli4ct(obj, where.source)
        else:
            record = _text_field_record(obj, where, opts)
        return _checked(record, opts, obj)
    except RecordError as err:
        # Ids and field names come from the input: escaped, the error entry can always be written.
        record_id = _escaped(err.record) if err.record else None
        return RecordError(err.source, _escaped(err.problem), record=record_id, line=where.line)


# --- Parsing JSON ------------------------------------------------------------------------------

_DECODER = json.JSONDecoder()
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
# After a malformed value, reading resumes at the next line that starts with neither white space
# nor a closing bracket: the next JSON line, or the next top-level value of `jq .` output.
_NEXT_VALUE = re.compile(r"\n(?=[^\s}\],])")


class _Malformed(Exception):
    """A JSON value that cannot be read: the problem and the line to report it at."""

    def __init__(self, problem: str, line: int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def _skip_space(text: str, pos: int) -> int:
    match = _JSON_SPACE.match(text, pos)
    return match.end() if match else pos


def _decode_json(text: str, pos: int, line: int, first_line: int = 1) -> tuple[Any, int]:
    """The JSON value at ``pos`` and its end, or _Malformed: ``line`` is where the value starts,
    ``first_line`` the number of the line ``text`` starts on."""
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        at = first_line + exc.lineno - 1
        raise _Malformed(Errors.E006.format(line=at, reason=exc.msg), at) from None
    except RecursionError:
        raise _Malformed(Errors.E040.format(limit=sys.getrecursionlimit()), line) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise _Malformed(Errors.E041.format(limit=sys.get_int_max_str_digits()), line) from None


def _parse_line(text: str, line: int) -> Any:
    """The one JSON value of a line (as ``json.loads`` reads it), or _Malformed."""
    value, end = _decode_json(text, _skip_space(text, 0), line, line)
    if _skip_space(text, end) != len(text):
        raise _Malformed(Errors.E006.format(line=line, reason="Extra data"), line)
    return value


# --- Reading files -----------------------------------------------------------------------------

# (1-based line number, text, problem): a line that cannot be read has its problem, and its text
# with U+FFFD for what could not be decoded (so that a CSV row still ends where it should).
Line = tuple[int, str, str | None]
_HEAD = 8192  # bytes read first, to tell a binary file and a byte order mark
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16 LE, whose mark starts it
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_codec(head: bytes) -> str | None:
    """UTF-16 or UTF-32 if the data starts with its byte order mark, else None."""
    return next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)


# Binary data is dense with NUL bytes and bytes that are not UTF-8: a tenth to nine tenths of the
# first bytes of compiled code, executables, compressed data, UTF-16 without a byte order mark.
# Text with a few damaged lines has them in those lines only.
_BINARY_SHARE = 16  # at least one byte in 16 NUL or not UTF-8


def _is_binary(head: bytes) -> bool:
    """Whether the first bytes of a file are binary data (an image, an archive): NUL bytes, most
    lines NUL-bearing or not UTF-8, and such bytes dense. A few such lines in text are the problems
    of those lines: counting lines alone, a head that holds only a part of long lines (API v2
    studies are 10-20 KB a line) would call one damaged line most of the file."""
    if b"\x00" not in head:
        return False
    lines = head.split(b"\n")
    if len(head) == _HEAD and len(lines) > 1:
        lines.pop()  # it may end in the middle of a character
    if 2 * sum(not _is_text(line) for line in lines) <= len(lines):
        return False
    not_utf8 = len(head) - len(head.decode("utf-8", "ignore").encode("utf-8"))
    return _BINARY_SHARE * (head.count(b"\x00") + not_utf8) >= len(head)


def _is_text(raw: bytes) -> bool:
    """A line without NUL bytes that is UTF-8."""
    if b"\x00" in raw:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_wide(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec.lower())  # the BOM tells the byte order, and is dropped
    except UnicodeDecodeError as exc:
        raise RecordError(source, Errors.E044.format(codec=codec, offset=exc.start)) from None


def _raw_lines(head: bytes, handle: IO[bytes]) -> Iterator[bytes]:
    """The lines of ``head`` and then of the rest of the file, split at ``\\n`` only."""
    lines = io.BytesIO(head).readlines()
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] += handle.readline()
    yield from lines
    yield from handle


def _utf8_lines(head: bytes, handle: IO[bytes]) -> Iterator[Line]:
    offset = 0
    for number, raw in enumerate(_raw_lines(head, handle), 1):
        text, problem = raw.decode("utf-8", "replace"), None
        if b"\x00" in raw:
            text, problem = text.replace("\x00", "\ufffd"), Errors.E004
        else:
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problem = Errors.E003.format(offset=offset + exc.start)
        yield number, text.lstrip("\ufeff") if number == 1 else text, problem
        offset += len(raw)


def _lines(head: bytes, handle: IO[bytes], source: str) -> Iterator[Line]:
    """The lines of a file whose first bytes are ``head``; raises RecordError at once for a binary
    file (E004) or bad UTF-16/32 (E044). UTF-16/32 (with a BOM) is decoded whole."""
    codec = _wide_codec(head)
    if codec is not None:
        text = _decode_wide(head + handle.read(), codec, source)
        return ((number, line, None) for number, line in enumerate(io.StringIO(text), 1))
    if _is_binary(head[:_HEAD]):
        raise RecordError(source, Errors.E004)
    return _utf8_lines(head, handle)


def _format_of(path: str) -> str:
    """The input format by suffix, ignoring ``.gz``: ``.txt``, ``.json``, ``.jsonl``, ..."""
    name = path[:-3] if path.lower().endswith(".gz") else path
    return os.path.splitext(name)[1].lower()


def _stem(path: str) -> str:
    name = os.path.basename(path)
    name = name[:-3] if name.lower().endswith(".gz") else name
    return os.path.splitext(name)[0]


def _decode(data: bytes, source: str) -> str:
    """The bytes of a whole file as text, or a RecordError (E003 not UTF-8, E004 binary, E044 bad
    UTF-16/32, E005 empty)."""
    codec = _wide_codec(data)
    if codec is not None:
        text = _decode_wide(data, codec, source)
    elif _is_binary(data[:_HEAD]):
        raise RecordError(source, Errors.E004)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(source, Errors.E003.format(offset=exc.start)) from None
        text = text[1:] if text.startswith("\ufeff") else text
    if not text.strip():
        raise RecordError(source, Errors.E005)
    return text


def _json_records(text: str, where: _Where, opts: _Options) -> Iterator[Item]:
    """Records of a JSON document: one value (a study, an array of them, or a ``{"studies": [...]}``
    page) or several one after the other (JSON lines, or what ``jq .`` writes). A value that
    cannot be read gives one error, and reading goes on at the next line that starts a value."""
    start = pos = _skip_space(text, 0)
    line, counted, number = 1, 0, 0
    while pos < len(text):
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            data, end = _decode_json(text, pos, line)
        except _Malformed as bad:
            number += 1
            yield RecordError(where.source, bad.problem, line=bad.line)
            resume = _NEXT_VALUE.search(text, pos)
            pos = _skip_space(text, resume.end()) if resume else len(text)
            continue
        single = pos == start and _skip_space(text, end) == len(text)
        pos = _skip_space(text, end)
        if isinstance(data, dict) and not _is_ctgov_v2(data) and isinstance(data.get("studies"), list):
            data = data["studies"]
        if isinstance(data, list):
            objects, at = data, None
        else:
            # A value of a stream is told by its line; the only value of a file needs none.
            objects, at = [data], None if single else line
        if not objects:
            number += 1
            yield RecordError(where.source, Errors.E005, line=None if single else line)
        for obj in objects:
            number += 1
            yield _record_from_object(obj, _Where(where.source, where.stem, number, at), opts)


def _jsonl_records(lines: Iterator[Line], where: _Where, opts: _Options) -> Iterator[Item]:
    """One record per non-blank line; a bad line gives its error and the next lines are read."""
    number = 0
    for line_number, text, problem in lines:
        if problem is None and not text.strip():
            continue
        number += 1
        if problem is None:
            try:
                obj = _parse_line(text, line_number)
            except _Malformed as bad:
                problem = bad.problem
        if problem is not None:
            yield RecordError(where.source, problem, line=line_number)
        else:
            yield _record_from_object(obj, _Where(where.source, where.stem, number, line_number), opts)
    if number == 0:
        yield RecordError(where.source, Errors.E005)


def _csv_records(lines: Iterator[Line], where: _Where, opts: _Options, delimiter: str) -> Iterator[Item]:
    """One record per row under the header row; AACT-style and site export headers give records of
    those formats. A row on a line that cannot be read is that line's error, and the next rows are
    read."""
    # Registry criteria can exceed the csv module's default 128 KiB field limit; the text size is
    # checked per record (E009) instead. The limit is process-wide, so it is only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    problems: dict[int, str] = {}

    def texts() -> Iterator[str]:
        for number, text, problem in lines:
            if problem is not None:
                problems[number] = problem
            yield text

    def row_problem() -> tuple[int, str] | None:
        """The first bad line of the row just read (and forget those of its lines)."""
        bad = sorted(n for n in problems if n <= reader.line_num)
        found = (bad[0], problems[bad[0]]) if bad else None
        for n in bad:
            del problems[n]
        return found

    reader = csv.reader(texts(), delimiter=delimiter)
    number = 0
    try:
        header = next(reader, None)
        if header is None:
            yield RecordError(where.source, Errors.E005)
            return
        bad_header = row_problem()
        if bad_header is not None:
            yield RecordError(where.source, bad_header[1], line=bad_header[0])
            return
        is_aact = "nct_id" in header and ("criteria" in header or "description" in header)
        # A site export's row keeps its empty cells, so that it is told as one by its columns.
        is_site = _is_site_csv(dict.fromkeys(header))
        key = opts.text_key or DEFAULT_TEXT_KEY
        if not (is_aact or is_site) and key not in header:
            yield RecordError(where.source, Errors.E011.format(key=key, fields=", ".join(header)))
            return
        row_line = reader.line_num + 1
        for row in reader:
            line, row_line = row_line, reader.line_num + 1
            bad = row_problem()
            if bad is None and not any(cell.strip() for cell in row):
                continue
            number += 1
            if bad is not None:
                yield RecordError(where.source, bad[1], line=bad[0])
                continue
            obj = {name: value for name, value in zip(header, row) if value != "" or name == key or is_site}
            yield _record_from_object(obj, _Where(where.source, where.stem, number, line), opts)
    except csv.Error as exc:
        yield RecordError(where.source, Errors.E015.format(line=reader.line_num, reason=exc), line=reader.line_num)
        return
    if number == 0:
        yield RecordError(where.source, Errors.E005)


def _document_records(data: bytes, fmt: str | None, where: _Where, opts: _Options) -> Iterator[Item]:
    """Records of a file read whole: JSON, or one text document (``fmt`` None: JSON if it starts
    with ``{`` or ``[``)."""
    try:
        text = _decode(data, where.source)
        if fmt is None:
            fmt = ".json" if text.lstrip()[:1] in ("{", "[") else ".txt"
        if fmt != ".json" and "\x00" in text:
            raise RecordError(where.source, Errors.E004)
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


def _line_records(head: bytes, handle: IO[bytes], fmt: str, where: _Where, opts: _Options) -> Iterator[Item]:
    """Records of a JSONL or CSV file read line by line, ``head`` being its first bytes."""
    try:
        lines = _lines(head, handle, where.source)
    except RecordError as err:
        yield err
        return
    if fmt in (".csv", ".tsv"):
        yield from _csv_records(lines, where, opts, "\t" if fmt == ".tsv" else ",")
    else:
        yield from _jsonl_records(lines, where, opts)


def open_input(path: str) -> Any:
    """A file's bytes, gunzipped when its name ends in ``.gz``."""
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def read_problem(exc: BaseException) -> str:
    """Why a file could not be read, in words: a damaged gzip stream or the system's reason."""
    if isinstance(exc, gzip.BadGzipFile):
        return "not a valid gzip file"
    if isinstance(exc, (EOFError, zlib.error)):
        return f"damaged gzip data ({exc})" if str(exc) else "damaged gzip data"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def _shown(path: str) -> str:
    """A path as it can be written in UTF-8: the bytes of a name that is not UTF-8 as ``\\xe9``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _path_records(path: str, opts: _Options) -> Iterator[Item | Unparsed]:
    """Records of one file, by its suffix; an unknown suffix is read as text."""
    source = _shown(path)
    try:
        mode = os.stat(path).st_mode
    except ValueError:  # a NUL in the path
        yield RecordError(source, Errors.E013.format(path=source))
        return
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            yield RecordError(source, Errors.E043)
        elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
            yield RecordError(source, Errors.E001)
        else:
            yield RecordError(source, Errors.E002.format(reason=read_problem(exc)))
        return
    if not stat.S_ISREG(mode):
        yield RecordError(source, Errors.E013.format(path=source))
        return
    fmt = _format_of(path)
    if fmt == ".zip":
        yield from _zip_records(path, opts)
        return
    where = _Where(source, _stem(source), 0)
    try:
        with open_input(path) as handle:
            if opts.defer and fmt == ".xml":
                yield Unparsed(handle.read(), fmt, where, opts)
            else:
                yield from _handle_records(handle, fmt, where, opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(source, Errors.E002.format(reason=read_problem(exc)))


def _handle_records(handle: IO[bytes], fmt: str, where: _Where, opts: _Options) -> Iterator[Item]:
    """Records of an open file or zip member by its format: JSONL and CSV line by line, legacy XML
    and the others read whole."""
    if fmt == ".xml":
        yield _legacy_xml_record(handle.read(), where.source, opts)
    elif fmt in _LINE_FORMATS:
        yield from _line_records(handle.read(_HEAD), handle, fmt, where, opts)
    else:
        yield from _document_records(handle.read(), fmt, where, opts)


def _legacy_xml_record(data: bytes, source: str, opts: _Options) -> Item:
    """One legacy ClinicalTrials.gov XML record (see :mod:`trialspacy.legacy_xml`), checked."""
    from .legacy_xml import render_legacy_xml  # it imports this module

    try:
        return _checked(render_legacy_xml(data, source), opts)
    except RecordError as err:
        return err


# --- Zip archives --------------------------------------------------------------------------------

# A member larger than this is refused unread: one study (API v2 JSON with its results, or a legacy
# XML record with its locations) is at most a few MB, and a deflate bomb must not be inflated.
MAX_MEMBER_BYTES = 64 * 2**20
_LINE_FORMATS = (".jsonl", ".ndjson", ".csv", ".tsv")
# The members read, by suffix: the bulk downloads' studies (``.json``, ``.xml``) and record files.
# Other members (``Contents.txt``, ``.gz``, ``.pdf``) are left out and counted, like the files of a
# directory; a zip inside the zip is reported, never opened.
_MEMBER_FORMATS = (".json", ".xml", *_LINE_FORMATS)
# The members left unparsed when reading for workers: one study each in the bulk downloads. Record
# files (JSONL, CSV) are parsed where they are read, as one member may hold thousands of records.
_STUDY_FORMATS = (".json", ".xml")
# Folder separators of member names: ``/``, and ``\\`` as some Windows tools write it.
_MEMBER_PATH = re.compile(r"[/\\]")


def _open_zip(path: str) -> zipfile.ZipFile:
    """The archive with its member list read, or a RecordError naming it."""
    try:
        return zipfile.ZipFile(path)
    except OSError as exc:
        reason = read_problem(exc)
    except zipfile.BadZipFile:
        reason = "not a valid zip file"
    except (ValueError, EOFError) as exc:  # a member list that does not add up, a name not UTF-8
        reason = f"damaged zip archive ({exc})"
    raise RecordError(_shown(path), Errors.E002.format(reason=reason))


def _zip_members(archive: zipfile.ZipFile) -> tuple[list[zipfile.ZipInfo], Counter[str]]:
    """The members to read, in archive order, and the suffixes of the others with their counts.
    Folders and hidden or macOS resource-fork members (``__MACOSX/._x.json``) are neither; a name
    that climbs out (``../x.json``) is only a name, as nothing is written."""
    members: list[zipfile.ZipInfo] = []
    skipped: Counter[str] = Counter()
    for info in archive.infolist():
        parts = _MEMBER_PATH.split(info.filename)
        if info.is_dir() or any((p[:1] == "." and p not in (".", "..")) or p == "__MACOSX" for p in parts):
            continue
        if _member_format(info.filename) in (*_MEMBER_FORMATS, ".zip"):
            members.append(info)
        else:
            skipped[_suffix(parts[-1])] += 1
    return members, skipped


def _member_format(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _zip_skipped(path: str) -> Counter[str]:
    """The suffixes of the members of a zip archive that are not read, with their counts; none if
    it is not a regular file or cannot be opened (reading it reports why)."""
    if not os.path.isfile(path):
        return Counter()
    try:
        with _open_zip(path) as archive:
            return _zip_members(archive)[1]
    except RecordError:
        return Counter()


def _member_data(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """A member's bytes, or a RecordError: over MAX_MEMBER_BYTES (refused before inflating it, and
    never inflated past it, as the size in the member list can lie), encrypted or damaged."""
    if info.file_size > MAX_MEMBER_BYTES:
        raise RecordError(source, Errors.E038.format(size=info.file_size, limit=MAX_MEMBER_BYTES))
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise RecordError(source, Errors.E002.format(reason=exc)) from None
    if len(data) > MAX_MEMBER_BYTES:
        raise RecordError(source, Errors.E038.format(size=len(data), limit=MAX_MEMBER_BYTES))
    return data


def _zip_records(path: str, opts: _Options) -> Iterator[Item | Unparsed]:
    """The records of a zip archive (the registry's ``ctg-studies.json.zip`` of API v2 studies,
    ``AllPublicXML.zip`` of legacy XML records, or any mix of record files), member by member in
    archive order, each read alone in memory as a file of its suffix would be, never written to
    disk. A member's source is ``<zip path>/<member name>``; a member that cannot be read is one
    error entry, and the archive's own problems one error naming it. A zip of AACT's flat files
    (it holds ``studies.txt``) is read as AACT (:mod:`trialspacy.aact`)."""
    from .aact import is_aact_zip, iter_aact  # aact imports this module

    if is_aact_zip(path):
        yield from _checked_items(iter_aact(path), opts)
        return
    try:
        archive = _open_zip(path)
    except RecordError as err:
        yield err
        return
    source = _shown(path)
    with archive:
        members = _zip_members(archive)[0]
        for info in members:
            member = f"{source}/{info.filename}"
            fmt = _member_format(info.filename)
            if fmt == ".zip":
                yield RecordError(member, Errors.E100)
                continue
            try:
                data = _member_data(archive, info, member)
            except RecordError as err:
                yield err
                continue
            where = _Where(member, _stem(info.filename), 0)
            if opts.defer and fmt in _STUDY_FORMATS:
                yield Unparsed(data, fmt, where, opts)
            else:
                yield from _handle_records(io.BytesIO(data), fmt, where, opts)
    if not members:
        yield RecordError(source, Errors.E039.format(suffixes=", ".join(_MEMBER_FORMATS)))


def _is_json_line(line: bytes) -> bool:
    try:
        _parse_line(line.decode("utf-8"), 1)
    except (UnicodeDecodeError, _Malformed):
        return False
    return True


def _stdin_records(stream: TextIO, opts: _Options) -> Iterator[Item]:
    """Standard input, read as a file would be: JSON lines (read line by line) if its first line
    is a JSON object, else JSON if it starts with ``{`` or ``[``, else one text document with id
    ``stdin``."""
    where = _Where(STDIN, "stdin", 0)
    binary = getattr(stream, "buffer", None)
    # A text stream without bytes beneath (a StringIO) is read as the bytes of its text; a lone
    # surrogate in it then makes its line not UTF-8, as it would in a file.
    handle = binary if binary is not None else io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))
    head = b""
    while not head.strip():
        line = handle.readline()
        if not line:
            break
        head += line
    first = head.removeprefix(codecs.BOM_UTF8).strip()
    if first.startswith(b"{") and _wide_codec(head) is None and _is_json_line(first):
        yield from _line_records(head, handle, ".jsonl", where, opts)
    else:
        yield from _document_records(head + handle.read(), None, where, opts)


def _suffix(name: str) -> str:
    """A file name's suffix as a warning names it: ``.xml``, ``.xml.gz``, or ``no suffix``."""
    gz = name.lower().endswith(".gz") and len(name) > 3
    suffix = os.path.splitext(name[:-3] if gz else name)[1].lower() + (".gz" if gz else "")
    return suffix or "no suffix"


def _walk(directory: str) -> tuple[list[str], Counter[str]]:
    """The input files under ``directory`` (recursive, sorted) and the suffixes of the other,
    not hidden, files with their counts."""
    found: list[str] = []
    skipped: Counter[str] = Counter()
    for root, folders, files in os.walk(directory):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            if _format_of(name) in INPUT_SUFFIXES:
                found.append(os.path.join(root, name))
            else:
                skipped[_suffix(name)] += 1
    return sorted(found), skipped


def directory_files(directory: str) -> list[str]:
    """The input files under ``directory``, recursively, sorted; hidden files and folders and
    files of other suffixes are left out."""
    return _walk(directory)[0]


Input = Union[str, "os.PathLike[str]", dict[str, Any]]


def expand_inputs(
    inputs: Iterable[Input], exclude: Iterable[str | os.PathLike[str]] = ()
) -> tuple[list[Input], list[str]]:
    """The inputs with directories replaced by their input files, and the warnings to show: a
    directory without any (W001), the files of a directory or members of a zip archive left out
    for their suffix, counted by suffix (W005), and the files left out because they are in ``exclude`` (W006: the run's own
    outputs, compared by their resolved paths). Other inputs (files, ``-``, dicts, missing paths)
    are kept as given, so that reading them reports their problems in place."""
    excluded = {os.path.realpath(path) for path in exclude}
    expanded: list[Input] = []
    warnings = []

    def kept(path: str) -> bool:
        if excluded and os.path.realpath(path) in excluded:
            warnings.append(Warnings.W006.format(path=_shown(path)))
            return False
        return True

    from .aact import is_aact_directory

    for item in inputs:
        # A directory of AACT flat files is one input: its tables are joined, not read one by one.
        if isinstance(item, (str, os.PathLike)) and os.path.isdir(item) and not is_aact_directory(item):
            directory = os.fspath(item)
            files, skipped = _walk(directory)
            if not files:
                warnings.append(Warnings.W001.format(path=_shown(directory)))
            if skipped:
                warnings.append(_skipped_warning(directory, skipped, "file"))
            expanded += [path for path in files if kept(path)]
        elif isinstance(item, (str, os.PathLike)) and os.fspath(item) != STDIN and not kept(os.fspath(item)):
            continue
        else:
            expanded.append(item)
    for item in expanded:
        if isinstance(item, (str, os.PathLike)) and _format_of(os.fspath(item)) == ".zip":
            skipped = _zip_skipped(os.fspath(item))
            if skipped:
                warnings.append(_skipped_warning(os.fspath(item), skipped, "member"))
    return expanded, warnings


def _skipped_warning(path: str, skipped: Counter[str], noun: str) -> str:
    """W005: the files of a directory, or members of a zip, left out for their suffix."""
    count = sum(skipped.values())
    kinds = ", ".join(f"{suffix} {n:,}" for suffix, n in skipped.most_common())
    return Warnings.W005.format(path=_shown(path), files=f"{count:,} {noun}" + ("" if count == 1 else "s"), kinds=kinds)


@overload
def iter_records(
    inputs: Input | Iterable[Input],
    *,
    text_key: str | None = ...,
    id_key: str | None = ...,
    max_chars: int = ...,
    stdin: TextIO | None = ...,
    where: str | None = ...,
    defer: Literal[False] = ...,
) -> Iterator[Item]: ...


@overload
def iter_records(
    inputs: Input | Iterable[Input],
    *,
    text_key: str | None = ...,
    id_key: str | None = ...,
    max_chars: int = ...,
    stdin: TextIO | None = ...,
    where: str | None = ...,
    defer: bool,
) -> Iterator[Item | Unparsed]: ...


def iter_records(
    inputs: Input | Iterable[Input],
    *,
    text_key: str | None = None,
    id_key: str | None = None,
    max_chars: int = 1_000_000,
    stdin: TextIO | None = None,
    where: str | None = None,
    defer: bool = False,
) -> Iterator[Item | Unparsed]:
    """Yield a Record, or a RecordError in its place, for every record of the inputs, in order.

    Inputs are files, directories (recursive, sorted), ``-`` (standard input) or dicts (records
    already parsed), a directory or zip of AACT flat files, or a PostgreSQL URL of the AACT
    database, whose studies ``where`` selects (see :mod:`trialspacy.aact`). ``text_key`` names the text field of records that are not registry studies
    (default ``text``); ``id_key`` the field holding their id. ``defer``: legacy XML files and
    the study members of zip archives (``.xml``, ``.json``) are read but left :class:`Unparsed`,
    for the engines to parse where the pipeline runs (:func:`parsed` parses them here). Raises
    ValueError at once if ``max_chars`` is not at least 1.
    """
    if max_chars < 1:
        raise ValueError(Errors.E045.format(value=max_chars))
    if isinstance(inputs, (str, os.PathLike, dict)):
        inputs = [inputs]
    return _records(inputs, _Options(text_key, id_key, max_chars, where, defer), stdin)


def _checked_items(items: Iterable[Item], opts: _Options) -> Iterator[Item]:
    """The records of a reader that renders its own, checked (:func:`_checked`), and its errors."""
    for item in items:
        try:
            yield item if isinstance(item, RecordError) else _checked(item, opts)
        except RecordError as err:
            yield err


def _records(inputs: Iterable[Input], opts: _Options, stdin: TextIO | None) -> Iterator[Item | Unparsed]:
    from .aact import is_aact_directory, is_database_url, iter_aact, iter_database

    dicts = 0
    for item in inputs:
        if isinstance(item, dict):
            dicts += 1
            yield _record_from_object(item, _Where("<dict>", "record", dicts), opts)
        elif not isinstance(item, (str, os.PathLike)):
            yield RecordError(repr(item), Errors.E013.format(path=repr(item)))
        elif os.fspath(item) == STDIN:
            yield from _stdin_records(stdin if stdin is not None else sys.stdin, opts)
        elif is_database_url(os.fspath(item)):
            yield from _checked_items(iter_database(os.fspath(item), opts.where), opts)
        elif is_aact_directory(item):
            yield from _checked_items(iter_aact(item), opts)
        elif os.path.isdir(item):
            for path in directory_files(os.fspath(item)):
                yield from _path_records(path, opts)
        else:
            yield from _path_records(os.fspath(item), opts)
