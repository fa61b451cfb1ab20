"""The Dask engine: documents processed on a ``dask.distributed`` cluster, written in input order.

The client reads the inputs (bad input is reported in its place; study files are parsed on the
workers), cuts the item stream into batches and submits each batch's records to the cluster, with a bounded number of batches in
flight so that memory stays flat. Each worker loads the pipeline once, through
:class:`PipelinePlugin`. Batches are taken back in submission order, so the output is the same,
line for line, as the local engine's.
"""

import contextlib
import logging
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from distributed import Client, Future, LocalCluster, Worker, WorkerPlugin, get_worker
from spacy.language import Language
from spacy.tokens import Doc

from .about import __version__
from .contract import Document
from .errors import Errors, RecordError
from .run import Packed, Result, Summary, Work, ordered_results, pack_results, run_engine

PLUGIN_NAME = "trialspacy-pipeline"
LOCAL_WORKERS = 2
WORKER_TIMEOUT = 60.0  # seconds to wait for a first worker on the scheduler


class PipelinePlugin(WorkerPlugin):
    """Loads the trialspacy pipeline once on each worker, including workers that join later."""

    def __init__(self, version: str = __version__) -> None:
        self.version = version
        self.nlp: Language | None = None

    def setup(self, worker: Worker) -> None:
        from . import __version__ as worker_version
        from . import load

        # meta.pipeline names the client's version: a worker with another one would write
        # different spans under it.
        if worker_version != self.version:
            raise RuntimeError(
                Errors.E033.format(address=worker.address, worker_version=worker_version, version=self.version)
            )
        # Shared by the worker's threads: each batch records its own failures (run.batch_errors).
        self.nlp = load()

    def teardown(self, worker: Worker) -> None:
        self.nlp = None


def extract_batch(work: list[Work]) -> list[list[Packed]]:
    """On a worker: each record's contract dict, or its error entry, in order (study files read
    by the client are parsed here, see :func:`~trialspacy.run.pack_results`)."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.nlp is not None, "registered by run_dask"
    return pack_results(plugin.nlp, work)


def dask_results(
    client: Client,
    items: Iterable[Work | RecordError],
    batch_size: int = 64,
    window: int | None = None,
) -> Iterator[Result]:
    """Results for the items, computed on the client's cluster, in input order.

    At most ``window`` batches (default: two per worker thread) are in flight; a batch whose task
    raised on a worker is reported record by record, a cancelled or lost one ends the run.
    """
    if window is None:
        window = 2 * max(1, sum(client.nthreads().values()))

    def submit(work: list[Work]) -> Future:
        return client.submit(extract_batch, work, pure=False)

    def task_failed(future: Future) -> bool:
        return future.status == "error"

    return ordered_results(submit, items, batch_size, window, task_failed)


def dask_setup(worker: Worker) -> None:
    """Preload of the local cluster's workers: they ignore SIGINT, which a terminal's Ctrl-C sends
    to every process of the command, so that only the client reports the stop (once) and closes
    the cluster; a worker would print a traceback of its own."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def connect(scheduler: str | None = None, n_workers: int = LOCAL_WORKERS) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``n_workers``
    single-threaded worker processes started here and closed on exit."""
    if scheduler:
        with Client(scheduler, set_as_default=False) as client:
            yield client
        return
    # No dashboard and only errors logged: the cluster lives for one command. Its workers run
    # dask_setup (below) as a preload.
    with (
        LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            preload=[__name__],
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def run_dask(
    items: Iterable[Work | RecordError],
    on_document: Callable[[Document, Doc | None], None],
    on_error: Callable[[RecordError], None],
    *,
    scheduler: str | None = None,
    n_workers: int = LOCAL_WORKERS,
    batch_size: int = 64,
    window: int | None = None,
    on_progress: Callable[[], None] | None = None,
    written: Counter | None = None,
) -> Summary:
    """Process a batch on a Dask cluster (see :func:`connect`), handing each document (without
    its Doc, which stays on the worker) and each error to the callbacks, in input order; see
    :func:`~trialspacy.run.run_engine`."""
    with connect(scheduler, n_workers) as client:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            address = client.scheduler_info()["address"]
            raise TimeoutError(Errors.E034.format(address=address, timeout=WORKER_TIMEOUT)) from None
        client.register_plugin(PipelinePlugin(), name=PLUGIN_NAME)
        try:

            def engine(items: Iterable[Work | RecordError]) -> Iterator[Result]:
                return dask_results(client, items, batch_size=batch_size, window=window)

            return run_engine(engine, items, on_document, on_error, on_progress, written)
        finally:
            # Frees the workers' pipelines on a shared cluster; best effort, so that a lost
            # connection reports its own error rather than this one.
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(PLUGIN_NAME)
