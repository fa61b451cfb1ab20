"""Evaluation files: gold and prediction JSONL read and checked, scored with
:func:`trialspacy.scoring.score`, and the errors written.

Gold and predictions are contract dicts, one JSONL line per document. The scoring itself (pure
functions, no files) is :mod:`trialspacy.scoring`; running the pipeline over the gold texts is
:func:`trialspacy.run.predict`; rendering the report is :mod:`trialspacy.tables`.
"""

import codecs
import dataclasses
import json
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from spacy.language import Language

from .contract import Document, check_document
from .errors import Errors, RecordError, json_kind
from .records import open_input, read_problem
from .run import predict
from .scoring import ErrorEntry, Evaluation, score
from .writers import json_line


class _LineProblem(Exception):
    """What is wrong with one line of a contract file (the caller adds the file and the line)."""


def _parse_line(raw: bytes, offset: int, role: str) -> Any:
    """The JSON value of a line of a contract file, starting at byte ``offset``; raises
    _LineProblem when it cannot be read."""
    if b"\x00" in raw:
        raise _LineProblem(Errors.E061.format(role=role))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _LineProblem(Errors.E003.format(offset=offset + exc.start)) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _LineProblem(Errors.E064.format(reason=exc.msg)) from None
    except RecursionError:
        raise _LineProblem(Errors.E040.format(limit=sys.getrecursionlimit())) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise _LineProblem(Errors.E041.format(limit=sys.get_int_max_str_digits())) from None
    # A \ud800 escape without its pair decodes to a lone surrogate, which no UTF-8 output can
    # carry: the report, the error list and the JSON rendering would fail on it later.
    if b"\\ud" in raw.lower():
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise _LineProblem(Errors.E062) from None
    return value


def contract_documents(path: str, role: str = "gold") -> Iterator[Document | RecordError]:
    """Each line's contract dict, checked with :func:`~trialspacy.contract.check_document`, or a
    :class:`~trialspacy.errors.RecordError` in its place naming the file, the line and the problem
    (not UTF-8, a NUL byte, malformed JSON, not a valid document, an id repeated), then one for a
    file that cannot be read further (damaged gzip data) or has no document at all. ``role``
    ("gold" or "predicted") words the message. A ``.gz`` file is read gunzipped. A missing or
    unreadable file raises."""
    if not Path(path).is_file():
        raise RecordError(path, Errors.E001)
    try:
        handle = open_input(path)
    except OSError as exc:
        raise RecordError(path, Errors.E002.format(reason=read_problem(exc))) from None
    first_line: dict[str, int] = {}
    number = offset = 0
    seen = False
    with handle:
        try:
            for number, raw in enumerate(handle, 1):
                start, offset = offset, offset + len(raw)
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw, start = raw[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
                if not raw.strip():
                    continue
                seen = True
                try:
                    record = _parse_line(raw, start, role)
                except _LineProblem as problem:
                    yield RecordError(path, str(problem), line=number)
                    continue
                if not isinstance(record, dict):
                    yield RecordError(path, Errors.E016.format(kind=json_kind(record)), line=number)
                    continue
                problems = check_document(record)
                if problems:
                    message = Errors.E017.format(
                        role=role, record_id=record.get("id"), problems="; ".join(problems[:3])
                    )
                    yield RecordError(path, message, line=number)
                    continue
                record_id = record["id"]
                if record_id in first_line:
                    message = Errors.E018.format(record_id=record_id, first=first_line[record_id], role=role)
                    yield RecordError(path, message, line=number)
                else:
                    first_line[record_id] = number
                    yield cast(Document, record)  # checked above
        except (OSError, EOFError, zlib.error) as exc:
            yield RecordError(path, Errors.E002.format(reason=read_problem(exc)), line=number + 1)
            return
    if not seen:
        yield RecordError(path, Errors.E060.format(role=role))


def read_documents(path: str, role: str = "gold") -> list[Document]:
    """The contract dicts of a JSONL file (see :func:`contract_documents`); the first malformed,
    invalid or repeated line raises its :class:`~trialspacy.errors.RecordError`."""
    documents: list[Document] = []
    for item in contract_documents(path, role):
        if isinstance(item, RecordError):
            raise item
        documents.append(item)
    return documents


def evaluate_files(
    gold_path: str,
    pred_path: str | None = None,
    nlp: Language | None = None,
    on_progress: Callable[[], None] | None = None,
) -> Evaluation:
    """Read and check the gold file, read the predictions (or run the pipeline over the gold texts
    when ``pred_path`` is None) and score them."""
    gold = read_documents(gold_path, "gold")
    if pred_path is None:
        pred = predict(gold, nlp=nlp, source=gold_path, on_progress=on_progress)
    else:
        pred = read_documents(pred_path, "predicted")
    evaluation = score(gold, pred)
    documents = dataclasses.replace(evaluation.documents, predictions=pred_path or "pipeline")
    return dataclasses.replace(evaluation, documents=documents)


def write_errors(errors: Sequence[ErrorEntry], path: str) -> None:
    """The error list as JSONL, one false positive, false negative or wrong attribute per line."""
    with open(path, "w", encoding="utf-8") as handle:
        for entry in errors:
            handle.write(json_line(entry))
