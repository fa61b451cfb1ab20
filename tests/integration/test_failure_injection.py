"""A component failing on one document costs that document only, in every engine.

For each trialspacy component, its class's ``__call__`` is made to raise for one record in the
middle of a batch of real trial text; the local engine, the process pool (whose fork inherits
the patched class) and Dask (an in-process cluster, whose worker threads share it) must each
report exactly that record and write every other one, in order, as a run without the failure
does.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import SEEDS_DIR
from spacy.language import Language
from spacy.tokens import Doc

import trialspacy
from trialspacy.errors import RecordError
from trialspacy.records import Record, iter_records
from trialspacy.run import Summary, run_batch

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (run `make test`)")

from trialspacy.distributed import run_dask  # noqa: E402  (needs distributed)

TRIAL_SENTENCES = [
    "Patients receive cisplatin 75 mg/m2 IV on day 1 of each 21-day cycle.",
    "Radiotherapy: 60 Gy in 30 fractions over 6 weeks.",
    "Primary outcome: overall survival at 2 years.",
    "Exclusion criteria: prior treatment with pembrolizumab; no history of interstitial lung disease.",
    "Stereotactic body radiation therapy, 54 Gy in 3 fractions, followed by durvalumab for up to 12 months.",
]
FAILING = "trials-1"  # the seventh of ten records: in the middle, and inside the second batch of 4
BATCH_SIZE = 4


def batch_records() -> list[Record]:
    """The five seed records, then five short trial sentences: ten documents."""
    seeds = [item for item in iter_records([str(SEEDS_DIR)]) if isinstance(item, Record)]
    sentences = [Record(id=f"trials-{i}", text=text, source="trials.txt") for i, text in enumerate(TRIAL_SENTENCES)]
    return seeds + sentences


@pytest.fixture(scope="module")
def nlp() -> Language:
    return trialspacy.load()


@pytest.fixture(scope="module")
def expected(nlp) -> list[dict[str, Any]]:
    """What the local engine writes without any failure."""
    written: list[dict[str, Any]] = []
    summary = run_batch(nlp, batch_records(), lambda doc, _: written.append(doc), pytest.fail)
    assert summary.errors == 0
    return written


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One in-process worker with one thread, so it runs the test's (patched) classes."""
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def fail_on(monkeypatch: pytest.MonkeyPatch, nlp: Language, component: str, record_id: str) -> None:
    """Make ``component``'s class raise, before doing anything, on the document of ``record_id``."""
    cls = type(nlp.get_pipe(component))
    original = cls.__call__

    def failing_call(self: Any, doc: Doc) -> Doc:
        if doc._.trialspacy_record_id == record_id:
            raise RuntimeError(f"injected failure in {self.name}")
        return original(self, doc)

    monkeypatch.setattr(cls, "__call__", failing_call)


def run(engine: str, nlp: Language, scheduler: str | None) -> tuple[Summary, list[dict[str, Any]], list[RecordError]]:
    written: list[dict[str, Any]] = []
    errors: list[RecordError] = []

    def on_document(doc: dict[str, Any], _: Doc | None) -> None:
        written.append(doc)

    if engine == "dask":
        summary = run_dask(batch_records(), on_document, errors.append, scheduler=scheduler, batch_size=BATCH_SIZE)
    else:
        n_process = 2 if engine == "pool" else 1
        summary = run_batch(nlp, batch_records(), on_document, errors.append, BATCH_SIZE, n_process)
    return summary, written, errors


@pytest.mark.parametrize("engine", ["local", "pool", "dask"])
@pytest.mark.parametrize("component", trialspacy.COMPONENTS)
def test_a_failing_component_costs_exactly_its_document(monkeypatch, request, nlp, expected, engine, component):
    scheduler = request.getfixturevalue("scheduler") if engine == "dask" else None
    fail_on(monkeypatch, nlp, component, FAILING)
    summary, written, errors = run(engine, nlp, scheduler)
    assert [(e.source, e.record) for e in errors] == [("trials.txt", FAILING)]
    assert errors[0].problem == (
        f"the pipeline failed on this document: {component}: RuntimeError: injected failure in {component}"
    )
    assert written == [doc for doc in expected if doc["id"] != FAILING]
    assert (summary.documents, summary.written, summary.errors) == (10, 9, 1)


def test_after_extract_the_callers_pipeline_raises_as_spacy_does(monkeypatch, nlp):
    fail_on(monkeypatch, nlp, "trialspacy_doses", FAILING)
    with pytest.raises(RecordError, match=f"record {FAILING}: the pipeline failed"):
        list(trialspacy.extract([{"id": FAILING, "text": TRIAL_SENTENCES[1]}], nlp=nlp))
    with pytest.raises(RuntimeError, match="injected failure in trialspacy_doses"):
        list(nlp.pipe([failing_doc(nlp)]))


def test_a_suspended_or_closed_batch_leaves_the_callers_pipeline_alone(monkeypatch, nlp):
    fail_on(monkeypatch, nlp, "trialspacy_drugs", FAILING)
    batch = trialspacy.extract([str(SEEDS_DIR)], nlp=nlp)
    assert next(batch)["id"] == "000_39528a72e86f2866"
    # While the batch waits, a document of the caller's goes to the handler it had before.
    with pytest.raises(RuntimeError, match="injected failure in trialspacy_drugs"):
        list(nlp.pipe([failing_doc(nlp)]))
    batch.close()
    with pytest.raises(RuntimeError, match="injected failure in trialspacy_drugs"):
        list(nlp.pipe([failing_doc(nlp)]))
    assert [d["id"] for d in trialspacy.extract([str(SEEDS_DIR)], nlp=nlp)][-1] == "004_2e83ad285140be70"
    with pytest.raises(RuntimeError, match="injected failure in trialspacy_drugs"):
        nlp(failing_doc(nlp))


def failing_doc(nlp: Language) -> Doc:
    """The caller's own Doc of the failing record's text (the injected failure keys on its id)."""
    doc = nlp.make_doc(TRIAL_SENTENCES[1])
    doc._.trialspacy_record_id = FAILING
    return doc
