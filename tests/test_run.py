"""The local engine with several processes: the same output, in the same order, as one process."""

import os
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest
from conftest import SEEDS_DIR, extract_bytes
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, DocBin
from typer.testing import CliRunner

from trialspacy.errors import ExitCode, RecordError
from trialspacy.records import Record
from trialspacy.run import LineOutput, Work, ordered_results, pack_results, pool_results, process, run_batch
from trialspacy.writers import json_line


@Language.component("test_fails_on_boom")
def fails_on_boom(doc: Doc) -> Doc:
    """Raises on a document that says BOOM (a component bug met in a batch), naming its first word."""
    if "BOOM" in doc.text:
        raise ValueError(f"cannot read {doc[0].text}")
    return doc


@Language.component("test_exits_on_die")
def exits_on_die(doc: Doc) -> Doc:
    """Ends its process on a document that says DIE (a worker killed mid-batch)."""
    if "DIE" in doc.text:
        os._exit(3)
    return doc


@Language.factory("test_hands_on_none")
class HandsOnNone(Pipe):
    """Reports its failure on a document that says BOOM to its error handler and returns the
    handler's result, as some components do: the next component gets None."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            return self.get_error_handler()(self.name, self, [doc], ValueError("cannot read BOOM"))
        return doc


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [1, 4, 64])
def test_two_processes_write_byte_for_byte_what_one_process_writes(tmp_path, mixed_inputs, batch_size):
    one = extract_bytes(mixed_inputs, tmp_path / "one.jsonl")
    two = extract_bytes(mixed_inputs, tmp_path / "two.jsonl", n_process=2, batch_size=batch_size)
    assert one[0] == two[0] == ExitCode.SKIPPED
    assert two[1] == one[1] and two[1].count(b"\n") == 18
    assert two[2] == one[2] and two[2].count(b"\n") == 3
    assert "21 documents: 18 written, 3 errors" in two[3]


@pytest.mark.slow
def test_two_processes_with_docbin_output_keep_the_docs(tmp_path, nlp):
    status, _, _, _ = extract_bytes([SEEDS_DIR], tmp_path / "out.spacy", fmt="docbin", n_process=2)
    assert status == 0
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(nlp.vocab))
    assert [d._.trialspacy_record_id for d in docs] == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert all(len(d.spans["trialspacy"]) > 0 for d in docs)


def small_pipeline(*extra: str) -> Language:
    import trialspacy

    nlp = trialspacy.build(["trialspacy_sentences", "trialspacy_doses"])
    for name in extra:
        nlp.add_pipe(name)
    return nlp


def records(texts):
    return [Record(id=f"r{i}", text=text, source="texts.txt") for i, text in enumerate(texts)]


def test_a_document_a_component_fails_on_in_a_worker_is_an_error_in_its_place():
    nlp = small_pipeline("test_fails_on_boom")
    items = records(["60 Gy in 30 fractions.", "BOOM 50 Gy/25 fx", "5 x 5 Gy"])
    items.insert(1, RecordError("texts.txt", "empty text", record="r-empty"))
    results = list(pool_results(nlp, items, batch_size=2, n_process=2))
    assert len(results) == 4
    assert [r[0]["id"] for r in (results[0], results[3])] == ["r0", "r2"]
    assert [s["text"] for s in results[0][0]["spans"]] == ["60 Gy in 30 fractions"]
    assert results[1].message.endswith("empty text")
    assert isinstance(results[2], RecordError) and results[2].record == "r1"
    assert (
        results[2].problem == "the pipeline failed on this document: test_fails_on_boom: ValueError: cannot read BOOM"
    )


def test_workers_that_make_the_lines_write_what_one_process_writes_with_the_same_summary():
    nlp = small_pipeline("test_fails_on_boom")
    texts = ["60 Gy in 30 fractions.", "BOOM 50 Gy/25 fx", "5 x 5 Gy to the \u2028 boost", "2 Gy per fraction"]
    outputs, dicts = {}, []
    for n_process in (1, 2):
        written: list[str] = []

        def write(document, doc=None, written=written, n_process=n_process):
            dicts.append(n_process)
            written.append(json_line(document))

        def error(err, written=written):
            written.append(f"error {err.record}\n")

        lines = LineOutput(json_line, written.append)
        summary = run_batch(nlp, records(texts), write, error, batch_size=2, n_process=n_process, lines=lines)
        outputs[n_process] = (written, summary.written, summary.errors, summary.labels)
    assert outputs[2] == outputs[1]
    assert dicts == [1, 1, 1]  # the workers sent lines: no dict reached the parent
    written, _, _, labels = outputs[2]
    assert written[1] == "error r1\n" and "\\u2028" in written[2]
    assert labels == {"RADIATION_DOSE": 3}


def test_a_worker_that_dies_stops_the_run_instead_of_losing_documents():
    nlp = small_pipeline("test_exits_on_die")
    with pytest.raises(BrokenProcessPool):
        list(
            pool_results(
                nlp, records(["2 Gy per fraction", "DIE", "8 Gy in a single fraction"]), batch_size=1, n_process=2
            )
        )


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failed_document_handed_on_as_none_costs_that_document_only(n_process):
    nlp = trialspacy_first(small_pipeline(), "test_hands_on_none")
    texts = ["60 Gy in 30 fractions.", "BOOM 50 Gy/25 fx", "5 x 5 Gy", "BOOM", "2 Gy per fraction"]
    if n_process == 1:
        results = list(process(nlp, records(texts), batch_size=2))
        ids = [r.record if isinstance(r, RecordError) else r._.trialspacy_record_id for r in results]
    else:
        results = list(pool_results(nlp, records(texts), batch_size=2, n_process=2))
        ids = [r.record if isinstance(r, RecordError) else r[0]["id"] for r in results]
    assert ids == ["r0", "r1", "r2", "r3", "r4"]
    failed = [r for r in results if isinstance(r, RecordError)]
    assert [r.record for r in failed] == ["r1", "r3"]
    assert all(r.problem.endswith("test_hands_on_none: ValueError: cannot read BOOM") for r in failed)


def trialspacy_first(nlp: Language, name: str) -> Language:
    """``nlp`` with the component ``name`` added before the others."""
    nlp.add_pipe(name, first=True)
    return nlp


def test_batches_in_threads_on_one_pipeline_each_report_their_own_failures():
    nlp = small_pipeline("test_fails_on_boom")
    batches = [
        records([f"{n} Gy in {n // 2} fractions" if (n + k) % 3 else f"BOOM{k}.{n} {n} Gy" for n in range(40, 72)])
        for k in range(8)
    ]
    alone = [pack_results(nlp, batch) for batch in batches]
    with ThreadPoolExecutor(4) as threads:
        together = list(threads.map(lambda batch: pack_results(nlp, batch), batches))
    assert together == alone
    assert all(len(group) == 1 for answer in together for group in answer)  # one result per Record
    failed = [[(entry["record"], entry["error"]) for [(ok, entry)] in answer if not ok] for answer in together]
    assert failed == [
        [
            (
                r.id,
                f"the pipeline failed on this document: test_fails_on_boom: ValueError: cannot read {r.text.split()[0]}",
            )
            for r in batch
            if "BOOM" in r.text
        ]
        for batch in batches
    ]
    assert nlp.get_pipe("trialspacy_doses").get_error_handler().__name__ == "raise_error"


def test_a_worker_that_dies_ends_the_command_as_aborted(tmp_path, monkeypatch):
    import trialspacy
    from trialspacy.cli import app

    monkeypatch.setattr(trialspacy, "load", lambda path=None: small_pipeline("test_exits_on_die"))
    texts = tmp_path / "texts.jsonl"
    texts.write_text("".join(f'{{"id": "r{i}", "text": "{t}"}}\n' for i, t in enumerate(["2 Gy", "DIE", "8 Gy"])))
    args = ["extract", str(texts), "-o", str(tmp_path / "out.jsonl"), "--n-process", "2", "--batch-size", "1"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == ExitCode.ABORTED
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("error: --n-process: ") and "--resume continues a JSONL file" in lines[-1]


def test_ordered_results_sends_the_last_batch_in_window_parts_and_keeps_the_order() -> None:
    items: list[Work | RecordError] = [Record(id=f"r{i}", text=f"text {i}", source="-") for i in range(10)]
    items.insert(9, RecordError("-", "unreadable", line=9))
    sizes: list[int] = []

    def submit(records: list[Work]) -> Future:
        sizes.append(len(records))
        return pool.submit(lambda: [[(True, {"id": r.id})] for r in records if isinstance(r, Record)])

    with ThreadPoolExecutor(2) as pool:
        results = list(ordered_results(submit, items, 4, 3, lambda future: True))
    assert sizes == [4, 4, 1, 1]  # the last batch (r8, the error, r9) in 3 parts, the error's not submitted
    assert [r.problem if isinstance(r, RecordError) else r[0]["id"] for r in results] == [
        *(f"r{i}" for i in range(9)),
        "unreadable",
        "r9",
    ]
