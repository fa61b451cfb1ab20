"""One catalogue of errors and warnings, with codes, and the command line's exit status.

Each message says what went wrong, where, and how to fix it. Input problems are raised as
:class:`RecordError`, which a batch turns into one line on stderr and one error entry.
"""

import re
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """The exit status of a ``trialspacy`` command, by meaning (documented in the README)."""

    OK = 0  # everything was done
    SKIPPED = 1  # done, but some records were reported as errors instead of written
    USAGE = 2  # an option or an output path is wrong (Click's own usage errors exit 2 too); nothing done
    DATA = 3  # a gold or prediction file is missing or invalid; nothing was scored or reported
    ABORTED = 4  # the run was cut short (a worker process died); the documents before it are written
    INTERRUPTED = 130  # stopped by Ctrl-C (SIGINT), as shells report it; the documents before it are written


class Errors:
    """Messages for problems with input records (E001-E020), with a command's options (E021-E032)
    with a Dask cluster (E033-E034) with legacy XML records (E035-E037), zip archives (E038-E039,
    E100) and with hostile input (E040-E046), formatted with ``str.format``."""

    E001 = "file not found"
    E002 = "cannot read the file: {reason}"
    E003 = "not UTF-8 text (undecodable byte at offset {offset}); re-encode the file as UTF-8"
    E004 = "binary content (NUL bytes); trialspacy reads text, JSON, JSONL and CSV"
    E005 = "empty input: no text to extract from"
    E006 = "malformed JSON at line {line}: {reason}"
    E007 = "JSON is not a ClinicalTrials.gov study (no protocolSection) and no --text-key was given"
    E008 = "study has no {field}; a study needs an NCT id and at least a title, summary or criteria"
    E009 = "text is {size:,} characters, over the limit of {limit:,}; split it or raise --max-chars"
    E010 = "no text field {key!r} in this record (fields: {fields}); set --text-key"
    E011 = "CSV has no column {key!r} (columns: {fields}); set --text-key"
    E012 = "record field {key!r} is not text (got {kind})"
    E013 = "unsupported input {path!r}: not a file, a directory or '-'"
    E014 = "the pipeline failed on this document: {reason}"
    E015 = "malformed CSV at line {line}: {reason}"
    E016 = "a record must be a JSON object, not {kind}"
    E017 = "invalid {role} document {record_id!r}: {problems}; fix the line (see the contract, ENTITIES.md)"
    E018 = "document id {record_id!r} repeats the one at line {first}; ids must be unique in a {role} file"
    E019 = (
        "its text differs from the gold text of the same id, so offsets cannot be compared; predict on the gold texts"
    )
    # The reason of E014 for a document a spaCy worker process dropped: the error stayed there.
    E020 = (
        "no error was reported for it (spaCy's worker processes keep their errors); run it with --n-process 1 to see it"
    )
    E021 = "--format must be one of {choices}, not {value!r}"
    E022 = "--format {fmt} needs -o (a {target})"
    E023 = "--engine must be one of {choices}, not {value!r}"
    E024 = "--scheduler needs --engine dask"
    E025 = "--n-process does not apply with --scheduler: the cluster's workers do the work"
    E026 = "--format docbin needs the local engine (the Dask engine does not bring Docs back)"
    E027 = "--resume needs -o FILE in JSONL (.jsonl) or DuckDB (.duckdb): it continues that file"
    E028 = "--batch-size and --n-process must be at least 1"
    E029 = "{path}: the output's directory does not exist; create it or write elsewhere"
    E030 = "--n-process: {reason} (the documents before it are written; --resume continues a JSONL file)"
    E031 = "give INPUT files (extract output or records), or --gold to report on the pipeline over the gold texts"
    E032 = "--limit must be at least 1, not {limit}"
    E033 = (
        "Dask worker {address} has trialspacy {worker_version} but the client has {version}; "
        "install the same version on every worker"
    )
    E034 = (
        "no Dask worker joined the scheduler at {address} within {timeout:.0f} s; "
        "start workers with `dask worker {address}`"
    )
    # Legacy ClinicalTrials.gov XML (legacy_xml.py)
    E035 = "XML refused: it declares entities or references external resources ({reason}); remove its DTD"
    E036 = "malformed XML: {reason}"
    E037 = "XML is not a ClinicalTrials.gov legacy study: its root element is <{tag}>, not <clinical_study>"
    E038 = "zip member is {size:,} bytes, over the limit of {limit:,} for one member; unzip it to read it"
    E039 = "zip archive has no member trialspacy reads ({suffixes} files)"
    # Hostile input to the record readers.
    E040 = "JSON nested too deeply to read (Python reads at most about {limit:,} levels); flatten the record"
    E041 = "JSON has an integer of more digits than Python reads ({limit:,}); write it as a string"
    E042 = (
        "field {field} has a lone surrogate (\\u{code:04x}) at offset {offset}: it is not valid Unicode and cannot be "
        "written as UTF-8; fix the escape in the input"
    )
    E043 = "symbolic link loop: the link leads back to itself; fix or remove the link"
    E044 = "not valid {codec} text (undecodable bytes at offset {offset}); re-encode the file as UTF-8"
    E045 = "max_chars must be at least 1, not {value!r}"
    E046 = "record field {field!r} is {kind}, not {expected}; fix the record"
    # Commands that would destroy data or never end.
    E047 = "{option} {path} is also an input: writing it would destroy the input before it is read; write elsewhere"
    E048 = "-o and --errors are the same file {path}; give each its own file"
    E049 = "--format brat writes into {path}, which holds input {input}; give an output directory apart from the inputs"
    E050 = "--max-chars must be at least 1, not {value}"
    E051 = (
        "--scheduler {address!r} is not a scheduler address; give it as tcp://HOST:PORT (or HOST:PORT), "
        "as `dask scheduler` prints it"
    )
    E052 = "interrupted: {written} documents written, {errors} errors reported before the stop{resume}"
    # Gold and prediction files (evaluate.py), brat output (writers.py).
    E060 = "no documents: the file is empty; a {role} file holds one contract document (a JSON object) per line"
    E061 = "NUL byte in the line (binary content); a {role} file holds UTF-8 JSON lines, one document each"
    E062 = (
        "a \\u escape in the line is a lone surrogate (\\ud800-\\udfff without its pair): not valid Unicode; "
        "fix the escape"
    )
    E063 = (
        "brat output {path} already holds {count} .txt/.ann files, which this run's pairs would overwrite or be "
        "mixed with; write into an empty or new directory, or remove them"
    )
    E064 = "malformed JSON: {reason}"
    # Misuse of the library (programming errors: raised as ValueError or ImportError, not as RecordError).
    E070 = (
        "components {names} require attributes that only they assign to each other; add a component that assigns them"
    )
    E071 = "span {label} [{start}, {end}) is {actual!r} in the text, not {given!r}; the span's text must be text[start:end]"
    E072 = "{label} has no attribute(s) {names}; the contract lists {allowed}"
    E073 = "unknown format {fmt!r}; choose one of {choices}"
    E074 = "trialspacy.frames needs pandas: pip install trialspacy[notebooks]"
    E075 = "not a dose: {text!r}"
    E076 = (
        "{path}, line {line}: not a document written by trialspacy extract; --resume only continues "
        "extract's own JSONL output"
    )
    E077 = "document {id!r}: DocBin output needs its Doc"
    E078 = "{fmt} output needs a path (-o)"
    E079 = "writing to standard output needs the stream"
    # Output formats (writers.py, cli.py).
    E080 = (
        "-o {path}: its suffix names no output format; use one of {suffixes}, or a directory with "
        "--format {directories}, or name the format with --format"
    )
    E081 = (
        "{path}: --resume cannot continue a gzip file (a killed run leaves it without its gzip end); "
        "write .jsonl and compress it when the run is done"
    )
    E082 = (
        "Parquet output {path} already holds {files}, which this run would replace; write into an empty or new "
        "directory, or remove them"
    )
    E083 = "{path}: not a DuckDB database ({reason}); write to a new .duckdb file or to one trialspacy wrote"
    E084 = (
        "{path}: its table {table} does not have the columns trialspacy writes (another program's, or another "
        "version's); write to a new .duckdb file"
    )
    E090 = "negation backend must be one of {choices}, not {value!r}"
    # Zip archives (E038-E039 above).
    E100 = "zip member is itself a zip archive; trialspacy does not open archives inside archives: unzip it"
    # AACT flat files and the AACT PostgreSQL database (aact.py).
    E120 = "AACT table has no column {column!r} (columns: {columns}); is it one of AACT's pipe-delimited files?"
    E121 = "malformed AACT row in {table}: {reason}"
    E122 = "{count} rows in {table} for this study, which has at most one; fix the export"
    E123 = "cannot read the AACT flat files: {reason}"
    E124 = "cannot connect to the database: {reason}"
    E125 = "the database query failed: {reason}; check --where (SQL on ctgov.studies) and the schema ctgov"
    E126 = "--where selects studies of a PostgreSQL database input (postgresql://...); no input is one"
    E127 = "row of studies has no nct_id"
    E140 = (
        "the pipeline's trialspacy components write to different span groups ({keys}); give them all the same spans_key"
    )
    E141 = "term {where}: {field} must be {expected}, not {value!r}"
    E142 = (
        "term {where}: label {label!r}, but this component takes {expected} terms; "
        "trialspacy.terms.add_terms gives each row to the component of its label"
    )
    E143 = "the pipeline has no {factory} component to take the {label} terms; add it or leave those rows out"
    E144 = "cannot read the terms file {path}: {reason}"
    E145 = "cannot load the pipeline {model!r}: {reason}"
    E146 = "--model and --terms need the local engine (the Dask workers load trialspacy's own pipeline)"
    E147 = "--model and --terms apply when the pipeline runs; with --pred nothing runs"


class Warnings:
    """Messages for things that work but deserve a look (warned once, never per token)."""

    W001 = "{path}: no readable input files in this directory"
    W002 = "{path}: removed an incomplete last line ({size} bytes) left by an interrupted run"
    W003 = "{count} gold documents have no prediction (scored as false negatives)"
    W004 = "{count} predicted documents are not in the gold and are ignored"
    # Directory inputs.
    W005 = "{path}: skipped {files} it cannot read ({kinds})"
    W006 = "{path}: not read: it is an output of this run"
    W007 = "not loading the built pipeline {path}: {reason}; building it from code (run scripts/build_model.py)"
    W008 = (
        "the model package {package} {reason}; building the pipeline from code, which loads slower: "
        "pip install {package}-{version}-py3-none-any.whl (`make dist` in a trialspacy checkout writes it)"
    )


class RecordError(Exception):
    """A problem with one input record: where it is and what is wrong."""

    def __init__(self, source: str, problem: str, record: str | None = None, line: int | None = None):
        self.source = source
        self.record = record
        self.line = line
        self.problem = problem
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One readable line: ``file[, record id][, line N]: problem``, with control characters
        escaped (see :func:`printable`), so no id or file name can break it or forge another."""
        where = self.source
        if self.record:
            where += f", record {self.record}"
        if self.line is not None:
            where += f", line {self.line}"
        return printable(f"{where}: {self.problem}")

    def to_dict(self) -> dict[str, Any]:
        """The error entry written to ``--errors`` (JSONL)."""
        return {"source": self.source, "record": self.record, "line": self.line, "error": self.problem}


# Line breaks and other control characters (C0, C1, the Unicode line and paragraph separators),
# and lone surrogates, which no UTF-8 stream can carry.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` for one line of a terminal or log: control characters and lone surrogates as
    Python escapes (``\\n``, ``\\x1b``, ``\\ud800``), everything else as it is."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def json_kind(value: Any) -> str:
    """A JSON value's type as the problems name it (``a string``, ``an array``, ``null``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__
