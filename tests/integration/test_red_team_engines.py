"""The batch promise as a property, in every engine: for any mix of good and hostile records,
inputs = written + errors, every good record is written, no exception escapes, and the input file
is never modified.

Records are JSONL lines (the readers' most common input) whose texts are drawn from registry
phrases, hostile snippets (control characters, odd Unicode, affix runs, negation cues, numbers that
look like doses and dates) and arbitrary text; ids may be missing, repeated or odd. A record is
"good" when its text has something other than white space; the others must be reported (E005).
"""

import io
import json
from collections.abc import Iterator
from pathlib import Path

import distributed
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialspacy.cli import extract_command
from trialspacy.errors import ExitCode

PHRASES = [
    "Patients received docetaxel 75 mg/m2 every 3 weeks",
    "60 Gy in 30 fractions",
    "Primary endpoint: progression-free survival (PFS) at 12 months",
    "Exclusion Criteria:\n- No prior pembrolizumab\n- Pregnant or breast-feeding",
    "SHR-1316+carboplatin",
    "pemetrexed、carboplatin；（ORR）",
]
HOSTILE = [
    "\x00",
    "\x1b[31m",
    "\u2028",
    "\ufeff",
    "\u200b",
    "(" * 300,
    ")" * 300,
    "no " * 200,
    "~" * 50,
    "|" * 50,
    "9" * 400,
    "Gy" * 100,
    "\n" * 30,
    "\t",
    "é" * 50,
    "ＰＦＳ",
    "𝔡𝔬𝔠𝔢𝔱𝔞𝔵𝔢𝔩",
    "<script>alert(1)</script>",
    '{"id": "x"}',
    "=HYPERLINK(1)",
]
piece = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
)
texts = st.lists(piece, max_size=6).map(" ".join)
ids = st.one_of(st.none(), st.sampled_from(["NCT1", "NCT1", "a\nb", "", " ", "../x", "NCT.1"]), st.text(max_size=10))
records = st.lists(st.tuples(ids, texts), min_size=1, max_size=8)


def write_records(folder: Path, items: list[tuple[str | None, str]]) -> Path:
    path = folder / "mix.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for record_id, text in items:
            record = {"text": text} if record_id is None else {"id": record_id, "text": text}
            handle.write(json.dumps(record) + "\n")
    return path


def check_promise(folder: Path, items: list[tuple[str | None, str]], **engine: object) -> None:
    source = write_records(folder, items)
    before = source.read_bytes()
    out, errors = folder / "out.jsonl", folder / "errors.jsonl"
    stderr = io.StringIO()
    status = extract_command(
        [str(source)], str(out), "jsonl", str(errors), stderr=stderr, progress=False, batch_size=3, **engine
    )
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    reported = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    good = [text for _, text in items if text.strip()]
    assert len(written) + len(reported) == len(items)
    assert [d["text"] for d in written] == good  # every good record, in input order
    assert status == (ExitCode.SKIPPED if reported else ExitCode.OK)
    assert "Traceback" not in stderr.getvalue()
    assert source.read_bytes() == before


def examples(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@examples(15)
@given(items=records)
def test_red_team_property_local_engine(tmp_path_factory, items):
    check_promise(tmp_path_factory.mktemp("local"), items)


@examples(5)
@given(items=records)
def test_red_team_property_process_pool(tmp_path_factory, items):
    check_promise(tmp_path_factory.mktemp("pool"), items, n_process=2)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """An in-process Dask cluster, shared by the examples (a cluster per example would take most of
    the time)."""
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@examples(5)
@given(items=records)
def test_red_team_property_dask(tmp_path_factory, scheduler, items):
    check_promise(tmp_path_factory.mktemp("dask"), items, engine="dask", scheduler=scheduler)
