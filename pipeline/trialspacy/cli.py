"""The command line: ``trialspacy extract INPUT... [-o OUT] [--format ...] [--resume]
[--engine local|dask [--scheduler ADDRESS]]`` and
``trialspacy evaluate GOLD [--pred PRED] [--format table|json|html] [--errors FILE]`` and
``trialspacy report [INPUT...] -o report.html [--gold GOLD] [--limit N]``.

Thin Typer functions validate options and call plain, tested functions. A failed run exits
non-zero (see :class:`~trialspacy.errors.ExitCode`) with one readable line on stderr, never a
traceback.
"""

import os
import re
import signal
import sys
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any

import typer
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from .contract import Document
from .errors import Errors, ExitCode, RecordError, Warnings, printable
from .writers import DIRECTORY_FORMATS, FORMATS, JsonlWriter, format_of, is_gzip, json_line, open_writer

EXIT_STATUS = (
    "Exit status: 0 done; 1 done, some records reported as errors (--errors); 2 wrong option or output path; "
    "3 missing or invalid gold or prediction file; 4 run cut short (a worker process died); 130 stopped by Ctrl-C."
)
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Structured entities from clinical-trial registry text.",
    epilog=EXIT_STATUS,
)


class UsageError(Exception):
    """A problem with the command's options or outputs (exit ``ExitCode.USAGE``)."""


class StopRequest:
    """Ctrl-C during a run, taken at the next document rather than wherever the signal lands.

    Python raises KeyboardInterrupt in whatever code runs when SIGINT arrives, and inside a
    ``__del__`` or a callback (Dask's futures have both) it is printed and swallowed, so the run
    would go on. The first Ctrl-C only asks to stop; the run stops after the document in hand
    (:meth:`check`, called per document). A second Ctrl-C stops at once.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def install(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)

    def uninstall(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def check(self) -> None:
        if self.requested:
            raise KeyboardInterrupt


class Interrupted(Exception):
    """Ctrl-C during a run (exit ``ExitCode.INTERRUPTED``); the message counts what was written."""


ENGINES = ("local", "dask")
# A scheduler address as `dask scheduler` prints it: [protocol://]host:port, or an in-process one.
_SCHEDULER = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):[0-9]{1,5}|inproc://\S+")


def check_scheduler(address: str) -> None:
    """Raise UsageError unless ``address`` has the form of a Dask scheduler's address (a wrong one
    would otherwise hang for a minute before failing)."""
    if not _SCHEDULER.fullmatch(address):
        raise UsageError(Errors.E051.format(address=address))


def _is_within(path: str, directory: str) -> bool:
    return os.path.commonpath([path, directory]) == directory


def check_outputs(inputs: list[str], output: str | None, errors_path: str | None, fmt: str) -> list[str]:
    """Refuse outputs that would overwrite an input or each other (before anything is opened);
    return the outputs' resolved paths, for the reader to leave out of the inputs."""
    files = {
        name: os.path.realpath(path)
        for name, path in (("-o", output), ("--errors", errors_path))
        if path and path != "-"
    }
    if len(files) == 2 and files["-o"] == files["--errors"]:
        raise UsageError(Errors.E048.format(path=output))
    for given in inputs:
        if given == "-":
            continue
        source = os.path.realpath(given)
        for option, target in files.items():
            if option == "-o" and fmt in DIRECTORY_FORMATS:
                if _is_within(source, target) or (_is_within(target, source) and os.path.isfile(source)):
                    raise UsageError(Errors.E049.format(path=output, input=given))
            elif source == target:
                raise UsageError(Errors.E047.format(option=option, path=given))
    return list(files.values())


def uses_medspacy(path: Path) -> bool:
    """Whether the pipeline saved at ``path`` (a directory) has medspaCy components."""
    from spacy.util import load_config

    config = path / "config.cfg"
    if not config.is_file():
        return False
    components = load_config(config, interpolate=False).get("components", {})
    return any(str(block.get("factory", "")).startswith("medspacy_") for block in components.values())


def load_pipeline(model: str | None = None, terms: str | None = None) -> Language:
    """The pipeline ``--model`` names (an installed package or a saved pipeline's directory;
    default trialspacy's own) with the ``--terms`` file's terms added; raises UsageError for a
    bad terms file or a pipeline that cannot be loaded."""
    from . import load
    from .terms import add_terms, read_terms

    try:
        rows = read_terms(terms) if terms is not None else []
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if model is not None and uses_medspacy(Path(model)):
        # medspaCy registers its factories when imported, not through entry points.
        from ._compat import import_medspacy

        import_medspacy()
    try:
        nlp = load(model)
    except (OSError, ValueError) as exc:  # spaCy's E050 (no such package or directory), a bad config
        raise UsageError(Errors.E145.format(model=model, reason=exc)) from None
    try:
        add_terms(nlp, rows)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return nlp


MODEL_HELP = (
    "The pipeline to run: an installed pipeline package or a saved pipeline's directory (default: trialspacy's)."
)
TERMS_HELP = (
    "Add the drug and endpoint names of this JSONL file to the pipeline (see the README, 'Your own vocabulary')."
)


def extract_command(
    inputs: list[str],
    output: str | None = None,
    fmt: str | None = None,
    errors_path: str | None = None,
    batch_size: int = 64,
    n_process: int | None = None,
    text_key: str | None = None,
    id_key: str | None = None,
    max_chars: int = 1_000_000,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    progress: bool | None = None,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    where: str | None = None,
    model: str | None = None,
    terms: str | None = None,
) -> ExitCode:
    """Run extraction; return the exit status (``OK``, or ``SKIPPED`` when some records were
    reported as errors); raise UsageError for a wrong option or output.

    ``fmt`` is the output format; None: the one ``output``'s suffix names (JSONL without ``output``).
    ``n_process`` is the number of worker processes (local engine, default 1: the pipeline runs
    in this process) or of LocalCluster workers (Dask engine without ``scheduler``, default 2).
    ``where`` selects the studies of the database inputs (SQL on ``ctgov.studies``).
    ``model`` and ``terms``: see :func:`load_pipeline`.
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    from .records import expand_inputs, iter_records
    from .resume import truncate_partial_line, written_database_keys, written_keys

    if fmt is None:
        try:
            fmt = format_of(output)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if fmt not in FORMATS:
        raise UsageError(Errors.E021.format(choices=", ".join(FORMATS), value=fmt))
    if fmt in ("brat", "docbin", "duckdb", "parquet") and output in (None, "-"):
        target = {"docbin": ".spacy file", "duckdb": ".duckdb file"}.get(fmt, "directory")
        raise UsageError(Errors.E022.format(fmt=fmt, target=target))
    if engine not in ENGINES:
        raise UsageError(Errors.E023.format(choices=", ".join(ENGINES), value=engine))
    if scheduler and engine != "dask":
        raise UsageError(Errors.E024)
    if scheduler and n_process is not None:
        raise UsageError(Errors.E025)
    if engine == "dask" and fmt == "docbin":
        raise UsageError(Errors.E026)
    if engine == "dask" and (model is not None or terms is not None):
        raise UsageError(Errors.E146)
    if resume and (fmt not in ("jsonl", "duckdb") or output in (None, "-")):
        raise UsageError(Errors.E027)
    if resume and fmt == "jsonl" and is_gzip(output):
        raise UsageError(Errors.E081.format(path=output))
    if batch_size < 1 or (n_process is not None and n_process < 1):
        raise UsageError(Errors.E028)
    if max_chars < 1:
        raise UsageError(Errors.E050.format(value=max_chars))
    if scheduler:
        check_scheduler(scheduler)
    outputs = check_outputs(inputs, output, errors_path, fmt)
    from .aact import check_databases

    try:  # before the pipeline loads: a wrong URL, password or --where fails at once
        check_databases(inputs, where)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    for path in (output, errors_path):
        if (
            path is not None
            and path != "-"
            and fmt not in DIRECTORY_FORMATS
            and not Path(path).resolve().parent.is_dir()
        ):
            raise UsageError(Errors.E029.format(path=path))

    nlp = None
    if engine == "local":
        nlp = load_pipeline(model, terms)
        # Texts up to --max-chars are read; spaCy's own limit (E088) must not refuse them.
        nlp.max_length = max(nlp.max_length, max_chars + 1)
    written = None
    if resume and output is not None and fmt == "duckdb" and Path(output).is_file():
        try:
            written = written_database_keys(output)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    elif resume and output is not None and Path(output).is_file():
        dropped = truncate_partial_line(output)
        if dropped:
            print(f"warning: {Warnings.W002.format(path=output, size=dropped)}", file=stderr)
        try:
            written = written_keys(output)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        writer = open_writer(fmt, output, stream=stdout, append=resume)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    # Rewritten on --resume too: errored records are retried and bad input is read again, so
    # the file ends up with each error once, as after an uninterrupted run.
    errors_file = open(errors_path, "w", encoding="utf-8") if errors_path else None
    bar = tqdm(unit=" docs", file=stderr, disable=progress is False or (progress is None and not stderr.isatty()))

    counts = {"written": 0, "errors": 0}
    stop = StopRequest()

    def on_document(document: Document, doc: Doc | None) -> None:
        writer.write(document, doc)
        counts["written"] += 1
        stop.check()

    def on_line(line: str) -> None:
        assert isinstance(writer, JsonlWriter), "lines are asked for JSONL output only"
        writer.write_line(line)
        counts["written"] += 1
        stop.check()

    def on_error(err: RecordError) -> None:
        counts["errors"] += 1
        stop.check()
        bar.clear()
        print(f"error: {err.message}", file=stderr)
        writer.write_error(err.to_dict())
        if errors_file is not None:
            errors_file.write(json_line(err.to_dict()))
            errors_file.flush()

    files, warnings = expand_inputs(inputs, exclude=outputs)
    for warning in warnings:
        print(f"warning: {printable(warning)}", file=stderr)
    try:
        stop.install()
        # Study files are parsed by the engine, in its workers when it has some.
        items = iter_records(files, text_key=text_key, id_key=id_key, max_chars=max_chars, where=where, defer=True)
        if engine == "dask":
            from .distributed import LOCAL_WORKERS, run_dask

            summary = run_dask(
                items,
                on_document,
                on_error,
                scheduler=scheduler,
                n_workers=n_process or LOCAL_WORKERS,
                batch_size=batch_size,
                on_progress=bar.update,
                written=written,
            )
        else:
            from .run import LineOutput, run_batch

            assert nlp is not None, "loaded above for the local engine"
            summary = run_batch(
                nlp,
                items,
                on_document,
                on_error,
                batch_size=batch_size,
                n_process=n_process or 1,
                on_progress=bar.update,
                written=written,
                with_docs=fmt == "docbin",
                # JSONL: the workers encode the documents, the parent only writes the lines.
                lines=LineOutput(json_line, on_line) if isinstance(writer, JsonlWriter) else None,
            )
    except KeyboardInterrupt:
        resumable = fmt == "duckdb" or (fmt == "jsonl" and output not in (None, "-") and not is_gzip(output))
        hint = "; --resume continues" if resumable else ""
        raise Interrupted(Errors.E052.format(resume=hint, **counts)) from None
    finally:
        stop.uninstall()
        bar.close()
        writer.close()
        if errors_file is not None:
            errors_file.close()
    print(summary.line(), file=stderr)
    return ExitCode.SKIPPED if summary.errors else ExitCode.OK


@app.command("extract")
def extract_cli(
    inputs: list[str] = typer.Argument(
        ..., help="Files, directories (recursive), - for standard input, or a postgresql:// URL (AACT)."
    ),
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Output file, its format named by its suffix: .jsonl, .jsonl.gz, .csv, .spacy (DocBin), .duckdb; "
        "a directory with --format brat or parquet; default JSONL on standard output.",
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="jsonl, csv, brat, docbin, duckdb or parquet (default: from -o's suffix)."
    ),
    errors_path: str | None = typer.Option(
        None,
        "--errors",
        help="Write one JSON line per skipped record here (rewritten on --resume, listing each error once).",
    ),
    batch_size: int = typer.Option(64, "--batch-size", help="Documents per batch (Dask: per task)."),
    n_process: int | None = typer.Option(
        None,
        "--n-process",
        help="Worker processes on this machine (default 1), or of the local Dask cluster (default 2).",
    ),
    text_key: str | None = typer.Option(None, "--text-key", help="JSONL/CSV field holding the text."),
    id_key: str | None = typer.Option(None, "--id-key", help="JSONL/CSV field holding the id."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Skip (and report) texts longer than this."),
    resume: bool = typer.Option(
        False,
        "--resume",
        help="Continue an interrupted run: keep the complete lines of -o (JSONL) or the documents of its tables "
        "(DuckDB), skip the records they hold (same id and text) and append the rest. Records that failed before "
        "are retried.",
    ),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a dask.distributed cluster)."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: the scheduler's address (tcp://host:8786); default a local cluster.",
    ),
    where: str | None = typer.Option(
        None,
        "--where",
        help="With a postgresql:// input (the AACT database): SQL on ctgov.studies s selecting the studies, "
        "e.g. \"overall_status = 'RECRUITING'\".",
    ),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    terms: str | None = typer.Option(None, "--terms", help=TERMS_HELP),
) -> None:
    """Extract entities from trial records into JSONL (default), CSV, brat, DocBin, DuckDB or Parquet."""
    try:
        status = extract_command(
            inputs,
            output,
            fmt,
            errors_path,
            batch_size,
            n_process,
            text_key,
            id_key,
            max_chars,
            resume=resume,
            engine=engine,
            scheduler=scheduler,
            where=where,
            model=model,
            terms=terms,
        )
    except (UsageError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(ExitCode.USAGE) from None
    except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal): output is cut short
        print(f"error: {Errors.E030.format(reason=exc)}", file=sys.stderr)
        raise typer.Exit(ExitCode.ABORTED) from None
    except Interrupted as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except KeyboardInterrupt:  # before the run started (loading the pipeline)
        print(f"error: {Errors.E052.format(written=0, errors=0, resume='')}", file=sys.stderr)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    raise typer.Exit(status)


def warn_unmatched(report: dict[str, Any], stderr: IO[str]) -> None:
    """Say on stderr how many gold documents had no prediction and how many predictions no gold."""
    documents = report["documents"]
    if documents["missing"]:
        print(f"warning: {Warnings.W003.format(count=len(documents['missing']))}", file=stderr)
    if documents["ignored"]:
        print(f"warning: {Warnings.W004.format(count=len(documents['ignored']))}", file=stderr)


def evaluate_command(
    gold: str,
    pred: str | None = None,
    fmt: str = "table",
    errors_path: str | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    progress: bool | None = None,
    model: str | None = None,
    terms: str | None = None,
) -> ExitCode:
    """Score predictions (or the pipeline, when ``pred`` is None: ``model`` with ``terms``, see
    :func:`load_pipeline`) against a gold file; print the report; return the exit status (``OK``;
    a missing or bad gold or prediction file raises RecordError)."""
    from .evaluate import evaluate_files, write_errors
    from .tables import FORMATS as REPORT_FORMATS
    from .tables import render

    # Looked up per call, not bound at import, so a caller's (or a test runner's) swap is seen.
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    if fmt not in REPORT_FORMATS:
        raise UsageError(Errors.E021.format(choices=", ".join(REPORT_FORMATS), value=fmt))
    if errors_path is not None and not Path(errors_path).resolve().parent.is_dir():
        raise UsageError(Errors.E029.format(path=errors_path))
    if pred is not None and (model is not None or terms is not None):
        raise UsageError(Errors.E147)
    nlp = load_pipeline(model, terms) if pred is None else None
    show = pred is None and progress is not False and (progress is True or stderr.isatty())
    bar = tqdm(unit=" docs", file=stderr, disable=not show)
    try:
        evaluation = evaluate_files(gold, pred, nlp=nlp, on_progress=bar.update)
    finally:
        bar.close()
    warn_unmatched(evaluation.to_dict(), stderr)
    stdout.write(render(evaluation, fmt))
    if errors_path is not None:
        write_errors(evaluation.errors, errors_path)
    return ExitCode.OK


@app.command("evaluate")
def evaluate_cli(
    gold: str = typer.Argument(..., help="Gold annotations: JSONL in the contract's format."),
    pred: str | None = typer.Option(
        None, "--pred", help="Predictions (JSONL from extract); default: run the pipeline on the gold texts."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or html."),
    errors_path: str | None = typer.Option(
        None, "--errors", help="Write every false positive, false negative and wrong attribute here (JSONL)."
    ),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    terms: str | None = typer.Option(None, "--terms", help=TERMS_HELP),
) -> None:
    """Score predictions against gold annotations: P/R/F1 strict and lenient, attributes, confusion, outcomes."""
    try:
        status = evaluate_command(gold, pred, fmt, errors_path, model=model, terms=terms)
    except RecordError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(ExitCode.DATA) from None
    except (UsageError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(ExitCode.USAGE) from None
    raise typer.Exit(status)


def report_command(
    inputs: list[str],
    output: str,
    gold: str | None = None,
    limit: int | None = None,
    text_key: str | None = None,
    id_key: str | None = None,
    max_chars: int = 1_000_000,
    stderr: IO[str] | None = None,
    progress: bool | None = None,
    model: str | None = None,
    terms: str | None = None,
) -> ExitCode:
    """Write the HTML report of the inputs (extract output used as it is, anything else through
    the pipeline, ``model`` with ``terms`` (see :func:`load_pipeline`), loaded when first needed
    if both are None; without inputs, the pipeline over the gold texts); return the exit status
    (``OK``, or ``SKIPPED`` when some records could not be shown). A bad gold file raises
    RecordError."""
    from .errors import RecordError as Failure
    from .evaluate import read_documents
    from .report import read_inputs, render_report
    from .run import predict
    from .scoring import score

    stderr = stderr if stderr is not None else sys.stderr
    if not inputs and gold is None:
        raise UsageError(Errors.E031)
    if limit is not None and limit < 1:
        raise UsageError(Errors.E032.format(limit=limit))
    if not Path(output).resolve().parent.is_dir():
        raise UsageError(Errors.E029.format(path=output))
    gold_docs = read_documents(gold, "gold") if gold is not None else None
    nlp = load_pipeline(model, terms) if model is not None or terms is not None else None
    show = progress is not False and (progress is True or stderr.isatty())
    bar = tqdm(unit=" docs", file=stderr, disable=not show)
    documents: list[Document] = []
    failures: list[RecordError] = []
    try:
        if inputs:

            def warn(message: str) -> None:
                print(f"warning: {message}", file=stderr)

            read = read_inputs(
                inputs,
                nlp=nlp,
                on_progress=bar.update,
                on_warning=warn,
                text_key=text_key,
                id_key=id_key,
                max_chars=max_chars,
            )
            for item in read:
                if isinstance(item, Failure):
                    failures.append(item)
                    print(f"error: {item.message}", file=stderr)
                else:
                    documents.append(item)
        else:
            assert gold is not None and gold_docs is not None, "checked above: no inputs needs --gold"
            documents = predict(gold_docs, nlp=nlp, source=gold, on_progress=bar.update)
    finally:
        bar.close()
    evaluation = None
    if gold_docs is not None:
        evaluation = score(gold_docs, documents)
        warn_unmatched(evaluation.to_dict(), stderr)
    page = render_report(documents, failures, evaluation, limit)
    partial = output + ".part"
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(page)
    Path(partial).replace(output)
    total = len(documents) + len(failures)
    print(f"{total} records: {len(documents)} in the report, {len(failures)} errors; wrote {output}", file=stderr)
    return ExitCode.SKIPPED if failures else ExitCode.OK


@app.command("report")
def report_cli(
    inputs: list[str] | None = typer.Argument(
        None,
        help="extract output (JSONL, used as it is), or records to run the pipeline on; default with --gold: the gold texts.",
    ),
    output: str = typer.Option(..., "-o", "--output", help="The HTML file to write."),
    gold: str | None = typer.Option(
        None, "--gold", help="Gold annotations (JSONL): add the evaluation and mark the errors."
    ),
    limit: int | None = typer.Option(
        None, "--limit", help="Show only the first N documents (counts and evaluation cover all)."
    ),
    text_key: str | None = typer.Option(None, "--text-key", help="JSONL/CSV field holding the text."),
    id_key: str | None = typer.Option(None, "--id-key", help="JSONL/CSV field holding the id."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Skip (and report) texts longer than this."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    terms: str | None = typer.Option(None, "--terms", help=TERMS_HELP),
) -> None:
    """One self-contained HTML page: counts, each document with its spans, label filters, and the evaluation with --gold."""
    try:
        status = report_command(
            inputs or [], output, gold, limit, text_key, id_key, max_chars, model=model, terms=terms
        )
    except RecordError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(ExitCode.DATA) from None
    except (UsageError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(ExitCode.USAGE) from None
    raise typer.Exit(status)


def version_line() -> str:
    """What ``trialspacy --version`` prints: this trialspacy's version and the spaCy it runs on."""
    import spacy

    from .about import __version__

    return f"trialspacy {__version__} (spaCy {spacy.__version__})"


def _print_version(value: bool) -> None:
    if value:
        print(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """trialspacy: drugs, radiation doses, endpoints, time frames and eligibility criteria."""


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
