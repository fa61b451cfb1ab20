"""The command line: ``trialspacy extract INPUT... [-o OUT] [--format ...]``.

Thin Typer functions validate options and call plain, tested functions. A failed run exits
non-zero with one readable line on stderr, never a traceback.
"""

import json
import sys
from pathlib import Path
from typing import IO, List, Optional

import typer
from tqdm import tqdm

from .errors import RecordError
from .export import FORMATS, Writer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Structured entities from clinical-trial registry text.")

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with the command's options or outputs (exit 2)."""


def extract_command(
    inputs: List[str],
    output: Optional[str] = None,
    fmt: str = "jsonl",
    errors_path: Optional[str] = None,
    batch_size: int = 64,
    n_process: int = 1,
    text_key: Optional[str] = None,
    id_key: Optional[str] = None,
    max_chars: int = 1_000_000,
    stdout: IO[str] = sys.stdout,
    stderr: IO[str] = sys.stderr,
    progress: Optional[bool] = None,
) -> int:
    """Run extraction; return the exit status (0 ok, 1 some records skipped, 2 usage error)."""
    from . import load
    from .records import expand_inputs, iter_records
    from .run import run_batch

    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt in ("brat", "docbin") and output in (None, "-"):
        raise UsageError(f"--format {fmt} needs -o (a {'directory' if fmt == 'brat' else '.spacy file'})")
    if batch_size < 1 or n_process < 1:
        raise UsageError("--batch-size and --n-process must be at least 1")
    for path in (output, errors_path):
        if path not in (None, "-") and fmt != "brat" and not Path(path).resolve().parent.is_dir():
            raise UsageError(f"{path}: the output's directory does not exist")

    nlp = load()
    writer = Writer(fmt, output, stream=stdout)
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
        summary = run_batch(
            nlp, items, writer.write, on_error, batch_size=batch_size, n_process=n_process, on_progress=bar.update
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
    inputs: List[str] = typer.Argument(..., help="Files, directories (recursive) or - for standard input."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file (brat: a directory); default standard output."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, brat or docbin."),
    errors_path: Optional[str] = typer.Option(None, "--errors", help="Write one JSON line per skipped record here."),
    batch_size: int = typer.Option(64, "--batch-size", help="Documents per batch."),
    n_process: int = typer.Option(1, "--n-process", help="Worker processes."),
    text_key: Optional[str] = typer.Option(None, "--text-key", help="JSONL/CSV field holding the text."),
    id_key: Optional[str] = typer.Option(None, "--id-key", help="JSONL/CSV field holding the id."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Skip (and report) texts longer than this."),
) -> None:
    """Extract entities from trial records into JSONL (default), CSV, brat or DocBin."""
    try:
        status = extract_command(inputs, output, fmt, errors_path, batch_size, n_process, text_key, id_key, max_chars)
    except (UsageError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(status)


@app.callback()
def _root() -> None:
    """trialspacy: drugs, radiation doses, endpoints, time frames and eligibility criteria."""


def main() -> None:
    """Console-script entry point."""
    app()
