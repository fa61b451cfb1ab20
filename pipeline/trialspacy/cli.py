"""The command line: ``trialspacy extract INPUT... [-o OUT] [--format ...] [--resume]
[--engine local|dask [--scheduler ADDRESS]]`` and
``trialspacy evaluate GOLD [--pred PRED] [--format table|json|html] [--errors FILE]`` and
``trialspacy report [INPUT...] -o report.html [--gold GOLD] [--limit N]``.

Thin Typer functions validate options and call plain, tested functions. A failed run exits
non-zero with one readable line on stderr, never a traceback.
"""

import json
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any

import typer
from tqdm import tqdm

from .errors import RecordError
from .writers import FORMATS, open_writer

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Structured entities from clinical-trial registry text."
)

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with the command's options or outputs (exit 2)."""


ENGINES = ("local", "dask")


def extract_command(
    inputs: list[str],
    output: str | None = None,
    fmt: str = "jsonl",
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
) -> int:
    """Run extraction; return the exit status (0 ok, 1 some records skipped, 2 usage error).

    ``n_process`` is the number of worker processes (local engine, default 1: the pipeline runs
    in this process) or of LocalCluster workers (Dask engine without ``scheduler``, default 2).
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    from .records import expand_inputs, iter_records
    from .resume import truncate_partial_line, written_keys

    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt in ("brat", "docbin") and output in (None, "-"):
        raise UsageError(f"--format {fmt} needs -o (a {'directory' if fmt == 'brat' else '.spacy file'})")
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if scheduler and n_process is not None:
        raise UsageError("--n-process does not apply with --scheduler: the cluster's workers do the work")
    if engine == "dask" and fmt == "docbin":
        raise UsageError("--format docbin needs the local engine (the Dask engine does not bring Docs back)")
    if resume and (fmt != "jsonl" or output in (None, "-")):
        raise UsageError("--resume needs --format jsonl and -o FILE (it continues that file)")
    if batch_size < 1 or (n_process is not None and n_process < 1):
        raise UsageError("--batch-size and --n-process must be at least 1")
    for path in (output, errors_path):
        if path not in (None, "-") and fmt != "brat" and not Path(path).resolve().parent.is_dir():
            raise UsageError(f"{path}: the output's directory does not exist")

    nlp = None
    if engine == "local":
        from . import load

        nlp = load()
    written = None
    if resume and Path(output).is_file():
        dropped = truncate_partial_line(output)
        if dropped:
            print(
                f"warning: {output}: removed an incomplete last line ({dropped} bytes) left by an interrupted run",
                file=stderr,
            )
        try:
            written = written_keys(output)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    writer = open_writer(fmt, output, stream=stdout, append=resume)
    # Rewritten on --resume too: errored records are retried and bad input is read again, so
    # the file ends up with each error once, as after an uninterrupted run.
    errors_file = open(errors_path, "w", encoding="utf-8") if errors_path else None
    bar = tqdm(unit=" docs", file=stderr, disable=progress is False or (progress is None and not stderr.isatty()))

    def on_error(err: RecordError) -> None:
        bar.clear()
        print(f"error: {err.message}", file=stderr)
        if errors_file is not None:
            errors_file.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
            errors_file.flush()

    files, warnings = expand_inputs(inputs)
    for warning in warnings:
        print(f"warning: {warning}", file=stderr)
    try:
        items = iter_records(files, text_key=text_key, id_key=id_key, max_chars=max_chars)
        if engine == "dask":
            from .distributed import LOCAL_WORKERS, run_dask

            summary = run_dask(
                items,
                writer.write,
                on_error,
                scheduler=scheduler,
                n_workers=n_process or LOCAL_WORKERS,
                batch_size=batch_size,
                on_progress=bar.update,
                written=written,
            )
        else:
            from .run import run_batch

            summary = run_batch(
                nlp,
                items,
                writer.write,
                on_error,
                batch_size=batch_size,
                n_process=n_process or 1,
                on_progress=bar.update,
                written=written,
                with_docs=fmt == "docbin",
            )
    finally:
        bar.close()
        writer.close()
        if errors_file is not None:
            errors_file.close()
    print(summary.line(), file=stderr)
    return EXIT_SKIPPED if summary.errors else EXIT_OK


@app.command("extract")
def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Files, directories (recursive) or - for standard input."),
    output: str | None = typer.Option(
        None, "-o", "--output", help="Output file (brat: a directory); default standard output."
    ),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, brat or docbin."),
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
        help="Continue an interrupted run: keep the complete lines of -o (JSONL), skip the records they hold "
        "(same id and text) and append the rest. Records that failed before are retried.",
    ),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a dask.distributed cluster)."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: the scheduler's address (tcp://host:8786); default a local cluster.",
    ),
) -> None:
    """Extract entities from trial records into JSONL (default), CSV, brat or DocBin."""
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
        )
    except (UsageError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal): output is cut short
        print(
            f"error: --n-process: {exc} (the documents before it are written; --resume continues a JSONL file)",
            file=sys.stderr,
        )
        raise typer.Exit(EXIT_USAGE) from None
    raise typer.Exit(status)


def warn_unmatched(report: dict[str, Any], stderr: IO[str]) -> None:
    """Say on stderr how many gold documents had no prediction and how many predictions no gold."""
    documents = report["documents"]
    if documents["missing"]:
        print(
            f"warning: {len(documents['missing'])} gold documents have no prediction (scored as false negatives)",
            file=stderr,
        )
    if documents["ignored"]:
        print(
            f"warning: {len(documents['ignored'])} predicted documents are not in the gold and are ignored", file=stderr
        )


def evaluate_command(
    gold: str,
    pred: str | None = None,
    fmt: str = "table",
    errors_path: str | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    progress: bool | None = None,
) -> int:
    """Score predictions (or the pipeline, when ``pred`` is None) against a gold file; print the
    report; return the exit status (0 ok; a bad gold or prediction line raises RecordError)."""
    from .evaluate import FORMATS as REPORT_FORMATS
    from .evaluate import evaluate_files, render, write_errors

    # Looked up per call, not bound at import, so a caller's (or a test runner's) swap is seen.
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    if fmt not in REPORT_FORMATS:
        raise UsageError(f"--format must be one of {', '.join(REPORT_FORMATS)}, not {fmt!r}")
    if errors_path is not None and not Path(errors_path).resolve().parent.is_dir():
        raise UsageError(f"{errors_path}: the output's directory does not exist")
    show = pred is None and progress is not False and (progress is True or stderr.isatty())
    bar = tqdm(unit=" docs", file=stderr, disable=not show)
    try:
        evaluation = evaluate_files(gold, pred, on_progress=bar.update)
    finally:
        bar.close()
    warn_unmatched(evaluation.report, stderr)
    stdout.write(render(evaluation.report, fmt))
    if errors_path is not None:
        write_errors(evaluation.errors, errors_path)
    return EXIT_OK


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
) -> None:
    """Score predictions against gold annotations: P/R/F1 strict and lenient, attributes, confusion, outcomes."""
    try:
        status = evaluate_command(gold, pred, fmt, errors_path)
    except (UsageError, RecordError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
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
) -> int:
    """Write the HTML report of the inputs (extract output used as it is, anything else through
    the pipeline; without inputs, the pipeline over the gold texts); return the exit status
    (0 ok, 1 some records could not be shown). A bad gold file raises RecordError."""
    from .errors import RecordError as Failure
    from .evaluate import evaluate, predict, read_documents
    from .report import read_inputs, render_report

    stderr = stderr if stderr is not None else sys.stderr
    if not inputs and gold is None:
        raise UsageError(
            "give INPUT files (extract output or records), or --gold to report on the pipeline over the gold texts"
        )
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    if not Path(output).resolve().parent.is_dir():
        raise UsageError(f"{output}: the output's directory does not exist")
    gold_docs = read_documents(gold, "gold") if gold is not None else None
    show = progress is not False and (progress is True or stderr.isatty())
    bar = tqdm(unit=" docs", file=stderr, disable=not show)
    documents, failures = [], []
    try:
        if inputs:
            options = {"text_key": text_key, "id_key": id_key, "max_chars": max_chars}

            def warn(message: str) -> None:
                print(f"warning: {message}", file=stderr)

            for item in read_inputs(inputs, on_progress=bar.update, on_warning=warn, **options):
                if isinstance(item, Failure):
                    failures.append(item)
                    print(f"error: {item.message}", file=stderr)
                else:
                    documents.append(item)
        else:
            documents = predict(gold_docs, source=gold, on_progress=bar.update)
    finally:
        bar.close()
    evaluation = None
    if gold_docs is not None:
        evaluation = evaluate(gold_docs, documents)
        warn_unmatched(evaluation.report, stderr)
    page = render_report(documents, failures, evaluation, limit)
    partial = output + ".part"
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(page)
    Path(partial).replace(output)
    total = len(documents) + len(failures)
    print(f"{total} records: {len(documents)} in the report, {len(failures)} errors; wrote {output}", file=stderr)
    return EXIT_SKIPPED if failures else EXIT_OK


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
) -> None:
    """One self-contained HTML page: counts, each document with its spans, label filters, and the evaluation with --gold."""
    try:
        status = report_command(inputs or [], output, gold, limit, text_key, id_key, max_chars)
    except (UsageError, RecordError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    raise typer.Exit(status)


@app.callback()
def _root() -> None:
    """trialspacy: drugs, radiation doses, endpoints, time frames and eligibility criteria."""


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
