"""Documents out: the contract's dict, and writers for JSONL, CSV, brat and DocBin."""

import csv
import hashlib
import io
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import IO, Any

from spacy.tokens import Doc, DocBin

from .about import __title__, __version__
from .lexicon import doc_text
from .spans import ENDPOINT, LABEL_ATTRS, TIMEFRAME, label_spans, span_attrs

PIPELINE_NAME = f"{__title__} {__version__}"
FORMATS = ("jsonl", "csv", "brat", "docbin")

# CSV columns: one row per span, every attribute of every label (empty where not applicable).
ATTR_COLUMNS: list[str] = []
for _names in LABEL_ATTRS.values():
    ATTR_COLUMNS += [n for n in _names if n not in ATTR_COLUMNS]
CSV_COLUMNS = ["id", "label", "start", "end", "text", "section"] + ATTR_COLUMNS


def doc_to_dict(doc: Doc, with_pipeline: bool = True) -> dict[str, Any]:
    """The contract's JSON object for one document."""
    text = doc_text(doc)
    out_spans = [
        {
            "start": s.start_char,
            "end": s.end_char,
            "label": s.label_,
            "text": text[s.start_char : s.end_char],
            "attrs": span_attrs(s),
        }
        for s in label_spans(doc)
    ]
    meta: dict[str, Any] = {"source": doc._.source}
    if with_pipeline:
        meta["pipeline"] = PIPELINE_NAME
    return {
        "id": doc._.record_id,
        "text": text,
        "meta": meta,
        "spans": out_spans,
        "sections": [dict(s) for s in (doc._.sections or [])],
        "outcomes": pair_outcomes(out_spans, doc._.outcome_items or []),
    }


def pair_outcomes(spans: list[dict[str, Any]], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each outcome item with the indices (into ``spans``) of the ENDPOINT and TIMEFRAME spans
    inside it."""
    outcomes = []
    for item in items:
        inside = [i for i, s in enumerate(spans) if item["start"] <= s["start"] and s["end"] <= item["end"]]
        outcomes.append(
            {
                "role": item["role"],
                "start": item["start"],
                "end": item["end"],
                "endpoints": [i for i in inside if spans[i]["label"] == ENDPOINT],
                "timeframes": [i for i in inside if spans[i]["label"] == TIMEFRAME],
            }
        )
    return outcomes


def innermost_section(sections: list[dict[str, Any]], start: int, end: int) -> str | None:
    """Name of the smallest section containing ``[start, end)``, or None."""
    best = None
    for sec in sections:
        if (sec["start"] <= start and end <= sec["end"]) and (
            best is None or sec["end"] - sec["start"] < best["end"] - best["start"]
        ):
            best = sec
    return best["name"] if best else None


def span_row(record: dict[str, Any], span: dict[str, Any]) -> dict[str, Any]:
    """The columns every per-span table starts with: id, label, offsets, text, innermost section."""
    return {
        "id": record["id"],
        "label": span["label"],
        "start": span["start"],
        "end": span["end"],
        "text": span["text"],
        "section": innermost_section(record.get("sections") or [], span["start"], span["end"]),
    }


def csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One CSV row per span of a contract dict; list values JSON-encoded."""
    rows = []
    for span in record["spans"]:
        row = span_row(record, span)
        for name, value in span["attrs"].items():
            row[name] = json.dumps(value) if isinstance(value, list) else value
        rows.append(row)
    return rows


def brat_ann(record: dict[str, Any]) -> str:
    """The brat ``.ann`` text of a contract dict: a ``T`` line per span, an ``A`` line per
    boolean attribute that is true, and an ``#`` note with the other attributes as JSON."""
    lines = []
    n_attr = 0
    for i, span in enumerate(record["spans"], 1):
        text = span["text"].replace("\n", " ").replace("\r", " ")
        lines.append(f"T{i}\t{span['label']} {span['start']} {span['end']}\t{text}")
        others = {}
        for name, value in span["attrs"].items():
            if value is True:
                n_attr += 1
                lines.append(f"A{n_attr}\t{name.capitalize()} T{i}")
            elif value is not None and value is not False:
                others[name] = value
        if others:
            lines.append(f"#{i}\tAnnotatorNotes T{i}\t{json.dumps(others, ensure_ascii=False)}")
    return "\n".join(lines) + ("\n" if lines else "")


def safe_stem(record_id: str) -> str:
    """A file name for a record id (``NCT0123#2`` → ``NCT0123_2``)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", record_id).strip("._") or "document"


def resume_key(record_id: str, text: str) -> tuple[str, bytes]:
    """What identifies a written document for ``--resume``: its id and a digest of its text, so
    two input records sharing an id but not a text are told apart."""
    return record_id, hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def truncate_partial_line(path: str) -> int:
    """Cut a JSONL file back to its last complete line (a run killed mid-write leaves the end of
    a line unwritten); return the number of bytes removed."""
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - 65536)
            handle.seek(start)
            chunk = handle.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            end = start
        if end < size:
            handle.truncate(end)
        return size - end


def written_keys(path: str) -> Counter:
    """Counts of :func:`resume_key` over the documents of a JSONL output, read line by line.

    Raises ValueError naming the line when one is not a document written by ``extract`` (call
    :func:`truncate_partial_line` first: a partial last line is expected after a crash).
    """
    keys: Counter = Counter()
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
                keys[resume_key(record["id"], record["text"])] += 1
            except (ValueError, KeyError, TypeError, AttributeError):
                raise ValueError(
                    f"{path}, line {number}: not a document written by trialspacy extract; "
                    "--resume only continues extract's own JSONL output"
                ) from None
    return keys


class Writer:
    """Writes contract dicts (and their Docs) to one output, in the order given.

    JSONL and CSV go to a file (or a stream): each document's lines are written in one call and
    flushed, so a killed run leaves complete lines, followed at worst by the start of one more,
    which :func:`truncate_partial_line` removes before a resumed run appends (``append=True``).
    brat writes ``<id>.txt``/``<id>.ann`` pairs into a directory; DocBin writes one ``.spacy``
    file when closed, so it holds every document until then.
    """

    def __init__(self, fmt: str, output: str | None, stream: IO[str] | None = None, append: bool = False):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.output = output
        self._handle: IO[str] | None = None
        self._own = False
        self._csv: csv.DictWriter | None = None
        self._docbin: DocBin | None = None
        self._stems: dict[str, int] = {}
        if fmt in ("jsonl", "csv"):
            if output in (None, "-"):
                self._handle = stream
            else:
                exists = append and os.path.exists(output)
                if exists and fmt == "jsonl":
                    # Appending after a partial line would fuse it with the next document.
                    truncate_partial_line(output)
                self._handle = open(output, "a" if append else "w", encoding="utf-8", newline="")
                self._own = True
                if fmt == "csv":
                    self._csv = csv.DictWriter(self._handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
                    if not exists:
                        self._csv.writeheader()
            if fmt == "csv" and self._csv is None:
                self._csv = csv.DictWriter(self._handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
                self._csv.writeheader()
        elif fmt == "brat":
            Path(output).mkdir(parents=True, exist_ok=True)
        else:
            self._docbin = DocBin(store_user_data=True)

    def write(self, record: dict[str, Any], doc: Doc | None = None) -> None:
        """Write one document."""
        if self.fmt == "jsonl":
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._handle.flush()
        elif self.fmt == "csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            writer.writerows(csv_rows(record))
            self._handle.write(buffer.getvalue())
            self._handle.flush()
        elif self.fmt == "brat":
            stem = safe_stem(str(record["id"]))
            n = self._stems.get(stem, 0)
            self._stems[stem] = n + 1
            if n:
                stem = f"{stem}_{n + 1}"
            base = Path(self.output) / stem
            base.with_suffix(".txt").write_text(record["text"], encoding="utf-8", newline="")
            base.with_suffix(".ann").write_text(brat_ann(record), encoding="utf-8", newline="")
        else:
            self._docbin.add(doc)

    def close(self) -> None:
        """Finish the output (DocBin is written here)."""
        if self._docbin is not None and self.output:
            self._docbin.to_disk(self.output)
        if self._own and self._handle is not None:
            self._handle.close()


def check_record(record: dict[str, Any], with_pipeline: bool = False) -> list[str]:
    """Problems of a contract dict (prediction or gold), as readable strings; empty when valid."""
    problems: list[str] = []
    for key in ("id", "text", "spans"):
        if key not in record:
            problems.append(f"missing {key!r}")
    if problems:
        return problems
    text = record["text"]
    spans = record["spans"]
    if with_pipeline and "pipeline" not in (record.get("meta") or {}):
        problems.append("meta.pipeline missing")
    keys = [(s.get("start"), s.get("end")) for s in spans]
    if keys != sorted(keys):
        problems.append("spans are not sorted by start, then end")
    last_end: dict[str, int] = {}
    for i, span in enumerate(spans):
        where = f"span {i} ({span.get('label')} {span.get('start')}-{span.get('end')})"
        label = span.get("label")
        if label not in LABEL_ATTRS:
            problems.append(f"{where}: unknown label")
            continue
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets outside the text")
            continue
        if span.get("text") != text[start:end]:
            problems.append(f"{where}: text {span.get('text')!r} != text[start:end] {text[start:end]!r}")
        if start < last_end.get(label, -1):
            problems.append(f"{where}: overlaps another {label} span")
        last_end[label] = max(last_end.get(label, -1), end)
        attrs = span.get("attrs") or {}
        missing = [a for a in LABEL_ATTRS[label] if a not in attrs]
        if missing:
            problems.append(f"{where}: attrs missing {missing}")
        if not isinstance(attrs.get("negated"), bool):
            problems.append(f"{where}: attrs.negated must be true or false")
    for j, outcome in enumerate(record.get("outcomes") or []):
        for key in ("endpoints", "timeframes"):
            for idx in outcome.get(key, []):
                if not (0 <= idx < len(spans)):
                    problems.append(f"outcome {j}: {key} index {idx} out of range")
    return problems
