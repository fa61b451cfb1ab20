"""The batch: records in, documents out, in input order, nothing lost, nothing held.

Every input record yields exactly one item: a processed ``Doc`` or a
:class:`~trialspacy.errors.RecordError` (bad input, or a document the pipeline failed on).
Records stream from the reader through ``nlp.pipe`` to the callbacks one at a time, so memory
stays flat however long the input is; :func:`skip_written` lets a killed run resume.

With several processes (:func:`pool_results`), or on a Dask cluster (``distributed.py``), the
stream is cut into batches of records; each batch goes to a worker, which sends back contract
dicts (not Docs: a Doc with its span groups is many times larger than its dict; a local worker
sends JSONL output's lines, ready to write), and the batches are taken back in submission order
(:func:`ordered_results`), so every engine writes the same output in the same order. Study files the reader left unparsed (legacy XML, API v2 JSON members
of a bulk zip: :class:`~trialspacy.records.Unparsed`) go to the worker as bytes and are parsed
there, so the process that reads and writes does not take the workers' CPU for parsing.
"""

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import count, islice
from typing import Any, NamedTuple, Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .contract import Document, to_document
from .errors import Errors, RecordError
from .records import Record, Unparsed, iter_records, parsed
from .resume import resume_key
from .spans import pipeline_spans_key

Item = Doc | RecordError


class Line(NamedTuple):
    """A document as its output line, made in a worker by the run's ``encode`` (see
    :func:`run_batch`), and the number of its spans of each label (for the summary)."""

    text: str
    labels: dict[str, int]


# A processed document as its contract dict (and its Doc, when the engine has it), or as its output
# line, or an error.
Result = tuple[Document, Doc | None] | Line | RecordError
# A result as it travels back from a worker: (True, contract dict or Line) or (False, error entry).
Packed = tuple[bool, Any]
# A document's output line from its contract dict alone (``writers.json_line``); it goes to the
# workers, so it must pickle (a module-level function).
Encode = Callable[[Document], str]


class LineOutput(NamedTuple):
    """An output that writes each document as one line made from its contract dict alone (JSONL):
    ``encode`` makes the line (see :data:`Encode`), ``write`` writes it."""

    encode: Encode
    write: Callable[[str], None]


# What goes to a worker: records, and study files read but not parsed (the worker parses them).
Work = Record | Unparsed
Batch = list[Work | RecordError]
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_SEQ = "trialspacy_seq"


def record_to_doc(nlp: Language, record: Record) -> Doc:
    """A tokenized Doc carrying the record's id, source, sections and outcome items."""
    doc = nlp.make_doc(record.text)
    doc._.trialspacy_record_id = record.id
    doc._.trialspacy_source = record.source
    doc._.trialspacy_sections = record.sections
    doc._.trialspacy_outcome_items = record.outcome_items
    return doc


class BatchErrorHandler:
    """The error handler of a pipeline while batches run on it (see :func:`batch_errors`).

    It records a failure against the document that failed, in the batch that document belongs
    to (named in its ``user_data``), so batches running at the same time on one pipeline, in
    several threads or interleaved generators, each get their own failures. A document of no
    batch (the caller's own ``nlp.pipe`` while a batch is suspended) goes to the handler its
    component had before, so the caller sees spaCy's usual behaviour.
    """

    def __init__(self, nlp: Language) -> None:
        self.default = nlp.default_error_handler
        self.previous = {name: pipe.get_error_handler() for name, pipe in _pipes_with_handlers(nlp)}
        self.batches: dict[int, dict[int, str]] = {}
        # spaCy's n_process > 1 reports a worker's batch that raised without naming a document.
        self.unattributed = Errors.E020

    def __call__(self, proc_name: str | None, proc: Any, docs: list[Doc | None] | None, exc: Exception) -> None:
        reason = f"{proc_name or 'worker'}: {type(exc).__name__}: {exc}".splitlines()[0]
        if docs is None:
            self.unattributed = reason
            return
        for doc in docs:
            # None is a failed document handed on by a component that returned its handler's
            # result: its failure was recorded where it happened.
            if doc is None:
                continue
            tag = doc.user_data.get(_SEQ)
            if tag is None:
                self.previous.get(proc_name or "", self.default)(proc_name, proc, [doc], exc)
                continue
            batch, seq = tag
            self.batches[batch][seq] = reason

    def install(self, nlp: Language) -> None:
        """Make this the handler of the pipeline and of each component, as
        ``nlp.set_error_handler`` does (whose type hint wants a handler that never returns)."""
        nlp.default_error_handler = self
        for _, pipe in _pipes_with_handlers(nlp):
            pipe.set_error_handler(self)

    def restore(self, nlp: Language) -> None:
        """Give the pipeline and its components back the handlers they had."""
        nlp.default_error_handler = self.default
        for name, pipe in _pipes_with_handlers(nlp):
            if name in self.previous:
                pipe.set_error_handler(self.previous[name])


def _pipes_with_handlers(nlp: Language) -> list[tuple[str, Any]]:
    """The components holding their own error handler (spaCy's ``Pipe`` subclasses); the others
    get the pipeline's ``default_error_handler`` from ``nlp.pipe``."""
    return [
        (name, pipe)
        for name, pipe in nlp.pipeline
        if hasattr(pipe, "get_error_handler") and hasattr(pipe, "set_error_handler")
    ]


# One handler per pipeline with batches running (by id(nlp)), and the batch ids in use: installing
# and restoring take a lock; recording a failure does not.
_handlers: dict[int, BatchErrorHandler] = {}
_handlers_lock = threading.Lock()
_batch_ids = count()


@contextmanager
def batch_errors(nlp: Language) -> Iterator[tuple[int, BatchErrorHandler]]:
    """Collect the failures of one batch on ``nlp``: yields the batch's id (tag its documents'
    ``user_data[_SEQ]`` with ``(id, seq)``) and the handler, whose ``batches[id]`` maps each
    failed document's ``seq`` to its reason.

    The handler is installed on the pipeline while at least one batch runs on it and the
    previous handlers are restored when the last one ends, however it ends (exhausted, closed
    early, or raising), so the caller's own ``nlp.pipe`` keeps spaCy's behaviour afterwards.
    """
    with _handlers_lock:
        handler = _handlers.get(id(nlp))
        if handler is None:
            handler = _handlers[id(nlp)] = BatchErrorHandler(nlp)
            handler.install(nlp)
        batch = next(_batch_ids)
        handler.batches[batch] = {}
    try:
        yield batch, handler
    finally:
        with _handlers_lock:
            del handler.batches[batch]
            if not handler.batches:
                handler.restore(nlp)
                del _handlers[id(nlp)]


def process(
    nlp: Language,
    items: Iterable[Record | RecordError],
    batch_size: int = 64,
    n_process: int = 1,
) -> Generator[Item, None, None]:
    """Run the pipeline over records, yielding a Doc or a RecordError per item, in input order.

    A document on which a component raises is reported as an error (E014) and the batch goes
    on. Only spaCy's look-ahead is held: ``pending`` keeps the input errors and the (source, id)
    of the records between the last document yielded and the one spaCy is on, never the
    records' texts, so even a run where every document fails stays small. The batch's error
    handler is on ``nlp`` only while this generator runs (see :func:`batch_errors`).
    """
    pending: deque[tuple[int, RecordError | tuple[str, str]]] = deque()

    def feed(batch: int) -> Iterator[Doc]:
        for seq, item in enumerate(items):
            if isinstance(item, RecordError):
                pending.append((seq, item))
                continue
            pending.append((seq, (item.source, item.id)))
            doc = record_to_doc(nlp, item)
            doc.user_data[_SEQ] = (batch, seq)
            yield doc

    with batch_errors(nlp) as (batch, handler):
        failures = handler.batches[batch]

        def settle(seq: int, entry: RecordError | tuple[str, str]) -> RecordError:
            """An input error as it is; a record spaCy dropped as its failure (E014)."""
            if isinstance(entry, RecordError):
                return entry
            source, record_id = entry
            reason = failures.pop(seq, handler.unattributed)
            return RecordError(source, Errors.E014.format(reason=reason), record=record_id)

        for doc in nlp.pipe(feed(batch), batch_size=batch_size, n_process=n_process):
            # A component that returns its handler's result hands a failed document on as None.
            if doc is None:
                continue
            seq = doc.user_data.pop(_SEQ)[1]
            while pending and pending[0][0] < seq:
                yield settle(*pending.popleft())
            pending.popleft()
            yield doc
        while pending:
            yield settle(*pending.popleft())


def results(
    nlp: Language,
    items: Iterable[Record | RecordError],
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Document, Doc | None] | RecordError]:
    """:func:`process` with each Doc paired with its contract dict (in this process, or in
    spaCy's ``n_process`` workers, which send whole Docs back: what DocBin output needs)."""
    spans_key = pipeline_spans_key(nlp)
    for item in process(nlp, items, batch_size=batch_size, n_process=n_process):
        yield item if isinstance(item, RecordError) else (to_document(item, spans_key=spans_key), item)


def pack_results(nlp: Language, work: list[Work], encode: Encode | None = None) -> list[list[Packed]]:
    """A worker's answer for one batch: for each item of ``work``, in order, the contract dict (or,
    with ``encode``, its :class:`Line`) or the error entry of each of its records (one for a
    Record; those parsed from an Unparsed).

    A line pickles and unpickles as one string, a dict as all its objects: for JSONL output the
    parent then neither rebuilds the dicts nor encodes them (its CPU over 2,200 documents 0.70 ->
    0.13 s, which it had taken from the two cores the workers need)."""
    items = [list(item.items()) if isinstance(item, Unparsed) else [item] for item in work]
    flat = [
        (False, result.to_dict()) if isinstance(result, RecordError) else (True, _payload(result[0], encode))
        for result in results(nlp, [i for group in items for i in group], batch_size=sum(map(len, items)))
    ]
    answer, start = [], 0
    for group in items:
        answer.append(flat[start : start + len(group)])
        start += len(group)
    return answer


def _payload(document: Document, encode: Encode | None) -> Document | Line:
    if encode is None:
        return document
    return Line(encode(document), Counter(span["label"] for span in document["spans"]))


def unpack(packed: Packed) -> Result:
    """A worker's packed result as the engine's result (a dict without its Doc, a line, or an
    error)."""
    ok, payload = packed
    if ok:
        return payload if isinstance(payload, Line) else (payload, None)
    return RecordError(payload["source"], payload["error"], record=payload["record"], line=payload["line"])


class Pending(Protocol):
    """A submitted batch's answer to come: a ``concurrent.futures`` or a Dask future."""

    def result(self) -> list[list[Packed]]: ...


F = TypeVar("F", bound=Pending)


def _batch_results(batch: Batch, future: F | None, task_failed: Callable[[F], bool]) -> Iterator[Result]:
    """The results of one batch in input order: its input errors where they were, its records'
    results from the worker (or, if the task itself failed, an E014 error for each record, and
    its errors for a study file, parsed here to tell them apart)."""
    answer: list[list[Packed]] = []
    if future is not None:
        try:
            answer = future.result()
        except Exception as exc:
            if not task_failed(future):  # the workers are gone: the run cannot go on
                raise
            reason = f"worker: {type(exc).__name__}: {exc}".splitlines()[0]
            failure = Errors.E014.format(reason=reason)
            yield from (
                item if isinstance(item, RecordError) else RecordError(item.source, failure, record=item.id)
                for item in parsed(batch)
            )
            return
    from_worker = iter(answer)
    for item in batch:
        if isinstance(item, RecordError):
            yield item
        else:
            yield from map(unpack, next(from_worker))


def ordered_results(
    submit: Callable[[list[Work]], F],
    items: Iterable[Work | RecordError],
    batch_size: int,
    window: int,
    task_failed: Callable[[F], bool],
) -> Iterator[Result]:
    """Results for the items, computed by ``submit`` (records and study files in, a future of
    their packed results out, see :func:`pack_results`) batch by batch, in input order.

    At most ``window`` batches are submitted and not yet taken back, and one more is read ahead,
    so no more than ``(window + 1) * batch_size`` records are held. The batch read ahead tells
    whether the one before it is the last: that one goes out in ``window`` smaller parts, so the
    workers finish at about the same time instead of all but one waiting for a whole batch. A
    batch whose task raised is reported record by record (E014) when ``task_failed(future)``
    says the task itself failed; otherwise (the pool or the cluster is gone) the exception ends
    the run.
    """
    stream = iter(items)
    in_flight: deque[tuple[Batch, F | None]] = deque()
    batch = list(islice(stream, batch_size))
    while batch:
        following = list(islice(stream, batch_size))
        size = len(batch) if following else -(-len(batch) // window)
        for start in range(0, len(batch), size):
            part = batch[start : start + size]
            work = [item for item in part if not isinstance(item, RecordError)]
            in_flight.append((part, submit(work) if work else None))
        while len(in_flight) >= window:
            yield from _batch_results(*in_flight.popleft(), task_failed)
        batch = following
    while in_flight:
        yield from _batch_results(*in_flight.popleft(), task_failed)


_worker_nlp: Language | None = None


def _die_with(parent: int) -> None:
    """Make this worker process end when ``parent`` does, however it ends (a signal, SIGKILL, the
    OOM killer), and leave Ctrl-C to the parent, which reports it once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _set_worker_nlp(nlp: Language, parent: int) -> None:
    global _worker_nlp
    _die_with(parent)
    _worker_nlp = nlp
    # What the worker has from the parent (the pipeline) lives as long as it does: kept out of the
    # collector's full passes, which walked it all, in each worker (the collector's CPU in a worker
    # 0.44 -> 0.28 s per 1,100 documents, and fewer of the pages shared since the fork copied: the
    # worker's CPU about 0.5 s less). Only the worker's collector: the caller's is left as it is.
    gc.freeze()


def _pool_batch(work: list[Work], encode: Encode | None) -> list[list[Packed]]:
    assert _worker_nlp is not None, "the pool's initializer sets it"
    return pack_results(_worker_nlp, work, encode)


def pool_results(
    nlp: Language,
    items: Iterable[Work | RecordError],
    batch_size: int = 64,
    n_process: int = 2,
    encode: Encode | None = None,
) -> Iterator[Result]:
    """Results for the items from ``n_process`` worker processes running ``nlp``, in input order.

    The workers get the parent's pipeline by fork where the platform has it (no second load),
    else pickled; they parse the study files read for them (:class:`~trialspacy.records.Unparsed`),
    tokenize and send back contract dicts (with ``encode``, each document's :class:`Line`), so
    the parent only reads the input and writes the output. Two batches per worker are in flight.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(n_process, mp_context=context, initializer=_set_worker_nlp, initargs=(nlp, os.getpid()))

    def submit(work: list[Work]) -> Future:
        return pool.submit(_pool_batch, work, encode)

    def task_failed(future: Future) -> bool:
        return not isinstance(future.exception(), BrokenProcessPool)

    finished = False
    try:
        yield from ordered_results(submit, items, batch_size, 2 * n_process, task_failed)
        finished = True
    finally:
        # Interrupted (Ctrl-C, the consumer stopped): the batches in flight are of no use.
        pool.shutdown(wait=finished, cancel_futures=not finished)


def skip_written(
    items: Iterable[Work | RecordError],
    written: Counter,
    on_skip: Callable[[Record], None] | None = None,
) -> Iterator[Work | RecordError]:
    """The items without the records already in the output (``written``: counts of
    :func:`~trialspacy.resume.resume_key`), for ``--resume``.

    A record is skipped when a document with its id and text was written; a key repeated in the
    input is skipped only as many times as it was written, so a duplicate that was not reached
    yet is still processed. Input errors are never skipped: they were not written, so they are
    reported again. Study files left unparsed are parsed here, to be compared, until every
    written document has been skipped; the ones after that go on unparsed.
    """
    left = Counter(written)
    to_skip = sum(left.values())
    for item in items:
        if to_skip == 0 or isinstance(item, RecordError):
            yield item
            continue
        for record in item.items() if isinstance(item, Unparsed) else [item]:
            if isinstance(record, Record):
                key = resume_key(record.id, record.text)
                if left[key] > 0:
                    left[key] -= 1
                    to_skip -= 1
                    if on_skip is not None:
                        on_skip(record)
                    continue
            yield record


@dataclass
class Summary:
    """What a batch did: the counts reconcile (documents = written + errors); ``skipped`` counts
    the records left out because the output already had them (``--resume``)."""

    documents: int = 0
    written: int = 0
    errors: int = 0
    skipped: int = 0
    labels: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.labels.items())) or "no spans"
        resumed = f"; {self.skipped} already in the output" if self.skipped else ""
        return (
            f"{self.documents} documents: {self.written} written, {self.errors} errors{resumed}; "
            f"spans: {labels}; {self.seconds:.1f} s"
        )


Engine = Callable[[Iterable[Work | RecordError]], Iterable[Result]]


def run_engine(
    engine: Engine,
    items: Iterable[Work | RecordError],
    on_document: Callable[[Document, Doc | None], None],
    on_error: Callable[[RecordError], None],
    on_progress: Callable[[], None] | None = None,
    written: Counter | None = None,
    on_line: Callable[[str], None] | None = None,
) -> Summary:
    """Run an engine (items in, results out in input order) over the items, handing each result
    to the callbacks as it comes (a :class:`Line` to ``on_line``, which an engine that makes
    lines needs); records counted in ``written`` (the keys of a resumed output) are skipped
    first."""
    summary = Summary()
    started = time.perf_counter()
    if written:

        def skipped(record: Record) -> None:
            summary.skipped += 1

        items = skip_written(items, written, on_skip=skipped)
    for result in engine(items):
        summary.documents += 1
        if isinstance(result, RecordError):
            summary.errors += 1
            on_error(result)
        elif isinstance(result, Line):
            assert on_line is not None, "an engine makes lines only for a run that takes them"
            summary.written += 1
            summary.labels.update(result.labels)
            on_line(result.text)
        else:
            record, doc = result
            summary.written += 1
            summary.labels.update(s["label"] for s in record["spans"])
            on_document(record, doc)
        if on_progress is not None:
            on_progress()
    summary.seconds = time.perf_counter() - started
    return summary


def run_batch(
    nlp: Language,
    items: Iterable[Work | RecordError],
    on_document: Callable[[Document, Doc | None], None],
    on_error: Callable[[RecordError], None],
    batch_size: int = 64,
    n_process: int = 1,
    on_progress: Callable[[], None] | None = None,
    written: Counter | None = None,
    with_docs: bool = False,
    lines: LineOutput | None = None,
) -> Summary:
    """Process a batch on this machine (the local engine), handing each document and each error
    to the callbacks, in input order; see :func:`run_engine`.

    With ``n_process > 1`` the documents reach ``on_document`` without their Doc (see
    :func:`pool_results`) unless ``with_docs`` asks for them (DocBin output), which runs spaCy's
    own ``n_process`` and is slower; the items' unparsed study files are parsed in the workers
    of :func:`pool_results`, else here. With ``lines`` (an output of one line per document, made
    from its dict alone: JSONL) and ``n_process > 1``, the workers make each document's line and
    ``lines.write`` gets it instead of ``on_document`` the dict; in one process ``on_document``
    gets every document.
    """
    encode, on_line = lines if lines is not None else (None, None)

    def engine(items: Iterable[Work | RecordError]) -> Iterable[Result]:
        if n_process > 1 and not with_docs:
            return pool_results(nlp, items, batch_size=batch_size, n_process=n_process, encode=encode)
        return results(nlp, parsed(items), batch_size=batch_size, n_process=n_process)

    return run_engine(engine, items, on_document, on_error, on_progress, written, on_line)


def extract_docs(
    inputs: str | Iterable[str | dict],
    nlp: Language | None = None,
    **reader_options: Any,
) -> Iterator[Document]:
    """Contract dicts for the inputs (see :func:`trialspacy.extract`); raises on a bad record."""
    if nlp is None:
        from . import load

        nlp = load()
    if isinstance(inputs, (str, dict)) or not isinstance(inputs, Iterable):
        inputs = [inputs]
    # Closed before raising, so the batch's error handler is off the caller's pipeline even while
    # the exception (and its traceback, which holds this frame) lives on.
    spans_key = pipeline_spans_key(nlp)
    with closing(process(nlp, iter_records(inputs, **reader_options))) as items:
        for item in items:
            if isinstance(item, RecordError):
                raise item
            yield to_document(item, spans_key=spans_key)


def predict(
    documents: Iterable[Document],
    nlp: Language | None = None,
    source: str = "gold",
    on_progress: Callable[[], None] | None = None,
) -> list[Document]:
    """Predictions for the texts of contract dicts (gold documents, to score against them): the
    pipeline over each ``text`` under its ``id``, sections detected from the text.

    A document the pipeline fails on gives no prediction (so it is scored as missing).
    """
    if nlp is None:
        from . import load

        nlp = load()
    records = [Record(id=doc["id"], text=doc["text"], source=source) for doc in documents]
    predictions = []
    spans_key = pipeline_spans_key(nlp)
    for item in process(nlp, records):
        if not isinstance(item, RecordError):
            predictions.append(to_document(item, spans_key=spans_key))
        if on_progress is not None:
            on_progress()
    return predictions
