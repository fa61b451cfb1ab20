"""Evaluation files: gold and prediction JSONL read and checked, scored with
:func:`trialspacy.scoring.score`, and the errors written.

Gold and predictions are contract dicts, one JSONL line per document. The scoring itself (pure
functions, no files) is :mod:`trialspacy.scoring`; running the pipeline over the gold texts is
:func:`trialspacy.run.predict`; rendering the report is :mod:`trialspacy.tables`.
"""

import dataclasses
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import cast

from spacy.language import Language

from .contract import Document, check_document
from .errors import Errors, RecordError
from .run import predict
from .scoring import ErrorEntry, Evaluation, score


def contract_documents(path: str, role: str = "gold") -> Iterator[Document | RecordError]:
    """Each line's contract dict, checked with :func:`~trialspacy.contract.check_document`, or a
    :class:`~trialspacy.errors.RecordError` in its place naming the file, the line and the problem
    (malformed, invalid, or an id repeated). ``role`` ("gold" or "predicted") words the message.
    A missing file raises."""
    if not Path(path).is_file():
        raise RecordError(path, Errors.E001)
    first_line: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RecordError(path, Errors.E006.format(line=number, reason=exc.msg))
                continue
            if not isinstance(record, dict):
                yield RecordError(path, Errors.E016.format(kind=type(record).__name__), line=number)
                continue
            problems = check_document(record)
            if problems:
                message = Errors.E017.format(role=role, record_id=record.get("id"), problems="; ".join(problems[:3]))
                yield RecordError(path, message, line=number)
                continue
            record_id: str = record["id"]
            if record_id in first_line:
                message = Errors.E018.format(record_id=record_id, first=first_line[record_id], role=role)
                yield RecordError(path, message, line=number)
            else:
                first_line[record_id] = number
                yield cast(Document, record)  # checked above


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
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
