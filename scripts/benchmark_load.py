"""Cold load time: ``trialspacy.load()`` against ``spacy.blank("en")``, each in fresh interpreters.

Each measurement is a new Python process that imports and loads one of the two and reports its
wall and CPU time from the start of the import; runs of the two alternate, so that a busy machine
slows both alike. Prints the medians and the ratio (target: at most 1.5).

Usage: python scripts/benchmark_load.py [--runs 9]
"""

import argparse
import json
import statistics
import subprocess
import sys

PROGRAMS = {
    "spacy.blank": 'import spacy\nnlp = spacy.blank("en")',
    "trialspacy.load": "import trialspacy\nnlp = trialspacy.load()",
}
TIMED = """
import json, time
wall, cpu = time.perf_counter(), time.process_time()
{program}
print(json.dumps({{"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}}))
"""


def measure(program: str) -> dict[str, float]:
    """Wall and CPU seconds of ``program`` in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", TIMED.format(program=program)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    if done.stderr.strip():  # a warning (a stale model, say) would make the load not what users get
        raise SystemExit(f"unexpected output on stderr: {done.stderr.strip()}")
    return json.loads(done.stdout)


def cold_loads(n_runs: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU seconds of each program over ``n_runs`` alternating fresh interpreters."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in PROGRAMS}
    for _ in range(n_runs):
        for name, program in PROGRAMS.items():
            runs[name].append(measure(program))
    return {name: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu")} for name, rs in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    medians = cold_loads(args.runs)
    for name, m in medians.items():
        print(f"{name}: wall {m['wall']:.2f} s, cpu {m['cpu']:.2f} s (median of {args.runs})")
    for kind in ("wall", "cpu"):
        ratio = medians["trialspacy.load"][kind] / medians["spacy.blank"][kind]
        print(f"ratio ({kind}): {ratio:.2f}x (target at most 1.5x)")


if __name__ == "__main__":
    main()
