"""The batch: records in, documents out, in input order, nothing lost.

Every input record yields exactly one item: a processed ``Doc`` or a
:class:`~trialspacy.errors.RecordError` (bad input, or a document the pipeline failed on).
"""

import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, Optional, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, RecordError
from .export import doc_to_dict
from .records import Record, iter_records

Item = Union[Doc, RecordError]
_SEQ = "trialspacy_seq"


def record_to_doc(nlp: Language, record: Record) -> Doc:
    """A tokenized Doc carrying the record's id, source, sections and outcome items."""
    doc = nlp.make_doc(record.text)
    doc._.record_id = record.id
    doc._.source = record.source
    doc._.sections = record.sections
    doc._.outcome_items = record.outcome_items
    return doc


def process(
    nlp: Language,
    items: Iterable[Union[Record, RecordError]],
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Item]:
    """Run the pipeline over records, yielding a Doc or a RecordError per item, in input order.

    A document on which a component raises is reported as an error (E014) instead of stopping
    the batch.
    """
    pending: Deque[Tuple[int, Union[Record, RecordError]]] = deque()
    failures: Dict[int, str] = {}
    last_failure = ["unknown error"]

    def on_error(proc_name: Any, proc: Any, docs: Any, exc: Exception) -> None:
        reason = f"{proc_name or 'worker'}: {type(exc).__name__}: {exc}".splitlines()[0]
        last_failure[0] = reason
        for doc in docs or []:
            seq = doc.user_data.get(_SEQ)
            if seq is not None:
                failures[seq] = reason

    def feed() -> Iterator[Tuple[Doc, int]]:
        for seq, item in enumerate(items):
            pending.append((seq, item))
            if isinstance(item, RecordError):
                continue
            doc = record_to_doc(nlp, item)
            doc.user_data[_SEQ] = seq
            yield doc, seq

    def fail(seq: int, record: Record) -> RecordError:
        reason = failures.pop(seq, last_failure[0])
        return RecordError(record.source, Errors.E014.format(reason=reason), record=record.id)

    nlp.set_error_handler(on_error)
    for doc, seq in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        while pending and pending[0][0] < seq:
            earlier_seq, earlier = pending.popleft()
            yield earlier if isinstance(earlier, RecordError) else fail(earlier_seq, earlier)
        pending.popleft()
        doc.user_data.pop(_SEQ, None)
        yield doc
    while pending:
        seq, item = pending.popleft()
        yield item if isinstance(item, RecordError) else fail(seq, item)


@dataclass
class Summary:
    """What a batch did: the counts reconcile (documents = written + errors)."""

    documents: int = 0
    written: int = 0
    errors: int = 0
    labels: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.labels.items())) or "no spans"
        return (
            f"{self.documents} documents: {self.written} written, {self.errors} errors; "
            f"spans: {labels}; {self.seconds:.1f} s"
        )


def run_batch(
    nlp: Language,
    items: Iterable[Union[Record, RecordError]],
    on_document: Callable[[Dict[str, Any], Doc], None],
    on_error: Callable[[RecordError], None],
    batch_size: int = 64,
    n_process: int = 1,
    on_progress: Optional[Callable[[], None]] = None,
) -> Summary:
    """Process a batch, handing each document and each error to the callbacks, in input order."""
    summary = Summary()
    started = time.perf_counter()
    for item in process(nlp, items, batch_size=batch_size, n_process=n_process):
        summary.documents += 1
        if isinstance(item, RecordError):
            summary.errors += 1
            on_error(item)
        else:
            record = doc_to_dict(item)
            summary.written += 1
            summary.labels.update(s["label"] for s in record["spans"])
            on_document(record, item)
        if on_progress is not None:
            on_progress()
    summary.seconds = time.perf_counter() - started
    return summary


def extract_docs(
    inputs: Union[str, Iterable[Union[str, dict]]],
    nlp: Optional[Language] = None,
    **reader_options: Any,
) -> Iterator[Dict[str, Any]]:
    """Contract dicts for the inputs (see :func:`trialspacy.extract`); raises on a bad record."""
    if nlp is None:
        from . import load

        nlp = load()
    if isinstance(inputs, (str, dict)) or not isinstance(inputs, Iterable):
        inputs = [inputs]
    for item in process(nlp, iter_records(inputs, **reader_options)):
        if isinstance(item, RecordError):
            raise item
        yield doc_to_dict(item)
