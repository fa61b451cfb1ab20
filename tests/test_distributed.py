"""The Dask engine: the same output, in the same order, as the local engine, from a cluster."""

import pytest
from conftest import SEEDS_DIR, extract_bytes

from trialspacy.cli import UsageError, extract_command
from trialspacy.errors import ExitCode

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (run `make test`)")

from trialspacy.distributed import PLUGIN_NAME, PipelinePlugin  # noqa: E402  (needs distributed)


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two single-threaded worker processes, as `--engine dask` starts."""
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster_writes_what_the_local_engine_writes(tmp_path, mixed_inputs):
    local = extract_bytes(mixed_inputs, tmp_path / "local.jsonl")
    dask = extract_bytes(mixed_inputs, tmp_path / "dask.jsonl", engine="dask", batch_size=4)
    assert local[0] == dask[0] == ExitCode.SKIPPED
    assert dask[1] == local[1] and dask[1].count(b"\n") == 18
    assert dask[2] == local[2] and dask[2].count(b"\n") == 3
    assert "21 documents: 18 written, 3 errors" in dask[3]


@pytest.mark.slow
def test_dask_engine_spreads_batches_over_the_workers_of_a_scheduler(tmp_path, mixed_inputs, client):
    local = extract_bytes(mixed_inputs, tmp_path / "local.jsonl")
    with distributed.get_task_stream(client) as stream:
        dask = extract_bytes(
            mixed_inputs, tmp_path / "dask.jsonl", engine="dask", scheduler=client.scheduler.address, batch_size=2
        )
    assert dask[1:3] == local[1:3]
    tasks = [t for t in stream.data if t["key"].startswith("extract_batch")]
    assert len(tasks) == 10  # 21 items in 11 batches of two; the last holds only an error, not sent
    assert len({t["worker"] for t in tasks}) == 2
    assert PLUGIN_NAME not in client.run(lambda dask_worker: list(dask_worker.plugins)).popitem()[1]


@pytest.mark.slow
def test_dask_engine_resumes_a_cut_output(tmp_path, mixed_inputs, client):
    full = extract_bytes(mixed_inputs, tmp_path / "full.jsonl")
    out = tmp_path / "out.jsonl"
    lines = full[1].splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:9]) + lines[9][:50])
    resumed = extract_bytes(
        mixed_inputs, out, engine="dask", scheduler=client.scheduler.address, batch_size=3, resume=True
    )
    assert resumed[1:3] == full[1:3]
    assert "9 already in the output" in resumed[3]


def test_workers_with_another_trialspacy_version_are_refused(client):
    with pytest.raises(RuntimeError, match="install the same version on every worker"):
        client.register_plugin(PipelinePlugin(version="0.0.0-other"), name="trialspacy-mismatch")
    client.unregister_worker_plugin("trialspacy-mismatch")


@pytest.mark.parametrize(
    "options, message",
    [
        ({"scheduler": "tcp://127.0.0.1:8786"}, "--scheduler needs --engine dask"),
        ({"engine": "spark"}, "--engine must be one of local, dask"),
        ({"engine": "dask", "scheduler": "tcp://127.0.0.1:8786", "n_process": 4}, "--n-process does not apply"),
    ],
)
def test_engine_options_are_checked_before_any_work(tmp_path, options, message):
    with pytest.raises(UsageError, match=message):
        extract_command([str(SEEDS_DIR)], str(tmp_path / "out.jsonl"), "jsonl", None, progress=False, **options)


def test_docbin_needs_the_local_engine(tmp_path):
    with pytest.raises(UsageError, match="docbin needs the local engine"):
        extract_command([str(SEEDS_DIR)], str(tmp_path / "out.spacy"), "docbin", None, progress=False, engine="dask")


@pytest.mark.slow
def test_dask_engine_parses_study_files_on_the_workers_as_the_local_engine_does(tmp_path, client):
    from test_run_study_files import study_zip

    archive = study_zip(tmp_path / "studies.zip")
    local = extract_bytes([archive], tmp_path / "local.jsonl")
    dask = extract_bytes(
        [archive], tmp_path / "dask.jsonl", engine="dask", scheduler=client.scheduler.address, batch_size=3
    )
    assert dask[:3] == local[:3] and local[0] == ExitCode.SKIPPED
    assert "16 documents: 11 written, 5 errors" in dask[3]
