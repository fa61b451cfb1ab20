"""Soak run: the legacy ClinicalTrials.gov zip with 1% of its records corrupted, through every engine.

Writes a copy of ``AllPublicXML_6786.zip`` in which one record in a hundred is damaged in one of
the hostile ways the red-team tests hold (malformed or truncated XML, entity bombs, NUL bytes, bad
UTF-8, a lone surrogate, no NCT id, no text, a stall-shaped text, a text over the size limit),
extracts the clean zip once and the corrupted one with each engine, and checks the batch promise:
documents + errors = records, every damaged record is written or reported, and every undamaged
record's output line is byte-identical to the clean run's. Prints the figures as a Markdown table.

Usage: python scripts/soak.py [../shared/corpora] [--engines local,pool,dask] [--keep DIR]
"""

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from corpora_eval import add_corpora_argument

ZIP = Path("ctgov_legacy_xml") / "AllPublicXML_6786.zip"
SHARE = 0.01
SEED = 20261207
ENGINES = {"local": [], "pool": ["--n-process", "2"], "dask": ["--engine", "dask"]}


def _text_block(data: bytes, text: str) -> bytes:
    """The record with its brief summary replaced by ``text`` (escaped for XML)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8")
    start = data.find(b"<brief_summary>")
    end = data.find(b"</brief_summary>")
    if start < 0 or end < 0:
        return data.replace(
            b"</brief_title>",
            b"</brief_title><brief_summary><textblock>" + escaped + b"</textblock></brief_summary>",
            1,
        )
    return data[:start] + b"<brief_summary><textblock>" + escaped + b"</textblock>" + data[end:]


CORRUPTIONS = {
    "truncated": lambda d: d[: len(d) // 2],
    "not_xml": lambda d: b"this is not XML at all\n" + d[:200],
    "nul_bytes": lambda d: d[:300] + b"\x00\x00\x00" + d[300:],
    "bad_utf8": lambda d: d.replace(b"<brief_title>", b"<brief_title>\xff\xfe\xc3", 1),
    "lone_surrogate": lambda d: d.replace(b"<brief_title>", b"<brief_title>&#xD800;", 1),
    "entity_bomb": lambda d: (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        + d[d.find(b"<clinical_study") :].replace(b"<brief_title>", b"<brief_title>&lol2;", 1)
    ),
    "external_entity": lambda d: (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + d[d.find(b"<clinical_study") :].replace(b"<brief_title>", b"<brief_title>&xxe;", 1)
    ),
    "no_nct_id": lambda d: d.replace(b"<nct_id>", b"<not_an_id>", 1).replace(b"</nct_id>", b"</not_an_id>", 1),
    "deep_parentheses": lambda d: _text_block(d, "(" * 20000 + "docetaxel" + ")" * 20000),
    "negation_run": lambda d: _text_block(d, "no docetaxel " * 8000),
    "over_the_limit": lambda d: _text_block(d, "Patients receive docetaxel. " * 40000),
}


def corrupt(source: Path, target: Path) -> dict[str, str]:
    """Copy the zip with one member in a hundred damaged; return {member: corruption}."""
    rng = random.Random(SEED)
    with zipfile.ZipFile(source) as zin:
        members = [i for i in zin.infolist() if i.filename.endswith(".xml")]
        chosen = rng.sample(range(len(members)), round(len(members) * SHARE))
        kinds = sorted(CORRUPTIONS)
        damaged = {members[i].filename: kinds[n % len(kinds)] for n, i in enumerate(sorted(chosen))}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename in damaged:
                    data = CORRUPTIONS[damaged[info.filename]](data)
                zout.writestr(info.filename, data)
    return damaged


def extract(zip_path: Path, out: Path, engine: str, max_chars: int) -> dict[str, float]:
    """Run the CLI; return its wall time, exit status and the peak RSS of its process tree."""
    errors = out.with_suffix(".errors.jsonl")
    command = [
        sys.executable,
        "-m",
        "trialspacy.cli",
        "extract",
        str(zip_path),
        "-o",
        str(out),
        "--errors",
        str(errors),
    ]
    command += ["--max-chars", str(max_chars), *ENGINES[engine]]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if "Traceback" in done.stderr:
        raise SystemExit(f"{engine}: a traceback on stderr:\n{done.stderr[-3000:]}")
    return {"seconds": seconds, "status": done.returncode, "peak_mb": max(before, peak) / 1024}


def lines_by_source(path: Path, zip_path: Path) -> dict[str, str]:
    """Output lines by the member they came from (meta.source is the zip's path, then the
    member's), with the zip's path left out so that runs on two zips compare."""
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            member = json.loads(line)["meta"]["source"].rsplit("/", 1)[-1]
            found[member] = line.replace(json.dumps(str(zip_path))[1:-1], "ZIP")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpora_argument(parser)
    parser.add_argument("--engines", default="local,pool,dask")
    parser.add_argument("--keep", type=Path, help="keep the zips and outputs in this folder")
    args = parser.parse_args()
    source = args.corpora / ZIP
    if not source.exists():
        print(f"soak: {source} not found; give the corpora folder", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="trialspacy-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    corrupted = work / "corrupted.zip"
    damaged = corrupt(source, corrupted)
    max_chars = 1_000_000
    clean = work / "clean.jsonl"
    runs = {"clean (local)": extract(source, clean, "local", max_chars)}
    reference = lines_by_source(clean, source)
    rows = []
    failed = False
    for engine in args.engines.split(","):
        out = work / f"corrupted.{engine}.jsonl"
        run = extract(corrupted, out, engine, max_chars)
        runs[f"corrupted ({engine})"] = run
        written = lines_by_source(out, corrupted)
        errors = [json.loads(line) for line in open(out.with_suffix(".errors.jsonl"), encoding="utf-8")]
        reported = {e["source"].rsplit("/", 1)[-1] for e in errors}
        total = len(reference)
        damaged_names = {n.rsplit("/", 1)[-1] for n in damaged}
        good_same = sum(
            1 for name, line in reference.items() if name not in damaged_names and written.get(name) == line
        )
        good = total - len(damaged)
        unaccounted = [n for n in damaged_names if n not in written and n not in reported]
        ok = len(written) + len(errors) == total and good_same == good and not unaccounted
        failed |= not ok
        rows.append(
            f"| {engine} | {total:,} | {len(written):,} | {len(errors):,} | {good_same:,} / {good:,} | "
            f"{len(unaccounted)} | {run['seconds']:.0f} s | {run['peak_mb']:.0f} MB | {int(run['status'])} | "
            f"{'yes' if ok else 'NO'} |"
        )
    kinds: dict[str, int] = {}
    for kind in damaged.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(
        f"Damaged {len(damaged)} of {len(reference):,} records (seed {SEED}): "
        + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    )
    print(f"Clean run: {runs['clean (local)']['seconds']:.0f} s, exit {int(runs['clean (local)']['status'])}.\n")
    print(
        "| engine | records | written | errors | undamaged lines identical to the clean run | damaged and unaccounted | time | peak RSS (largest process) | exit | reconciles |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    if args.keep is None:
        shutil.rmtree(work)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
