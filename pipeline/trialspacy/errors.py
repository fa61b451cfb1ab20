"""One catalogue of errors and warnings, with codes.

Each message says what went wrong, where, and how to fix it. Input problems are raised as
:class:`RecordError`, which a batch turns into one line on stderr and one error entry.
"""

from typing import Any


class Errors:
    """Messages for problems with input records (formatted with ``str.format``)."""

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
    # Hostile input to the record readers (issue 12).
    E100 = "JSON nested too deeply to read (Python reads at most about {limit:,} levels); flatten the record"
    E101 = "JSON has an integer of more digits than Python reads ({limit:,}); write it as a string"
    E102 = (
        "field {field} has a lone surrogate (\\u{code:04x}) at offset {offset}: it is not valid Unicode and cannot be "
        "written as UTF-8; fix the escape in the input"
    )
    E103 = "symbolic link loop: the link leads back to itself; fix or remove the link"
    E104 = "not valid {codec} text (undecodable bytes at offset {offset}); re-encode the file as UTF-8"
    E105 = "max_chars must be at least 1, not {value!r}"
    E106 = "record field {field!r} is {kind}, not {expected}; fix the record"


class Warnings:
    """Messages for things that work but deserve a look (warned once, never per token)."""

    W001 = "{path}: no readable input files in this directory"
    # Directory inputs (issue 12).
    W100 = "{path}: skipped {files} it cannot read ({kinds})"
    W101 = "{path}: not read: it is an output of this run"


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
        """One readable line: ``file[, record id][, line N]: problem``."""
        where = self.source
        if self.record:
            where += f", record {self.record}"
        if self.line is not None:
            where += f", line {self.line}"
        return f"{where}: {self.problem}"

    def to_dict(self) -> dict[str, Any]:
        """The error entry written to ``--errors`` (JSONL)."""
        return {"source": self.source, "record": self.record, "line": self.line, "error": self.problem}
