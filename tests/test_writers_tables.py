"""The output formats through the command line (in process) on the bundled samples: the format
named by -o's suffix, gzip JSONL, CSV numbers, and the DuckDB and Parquet tables (counts, joins,
types, appending, --resume after a killed run)."""

import csv
import gzip
import io
import json
import subprocess
import sys
import zlib
from pathlib import Path

import duckdb
import pyarrow.parquet
import pytest
from conftest import API_V2_SAMPLE, REPO, SEEDS_DIR

from trialspacy.cli import UsageError, extract_command
from trialspacy.errors import Errors, ExitCode
from trialspacy.frames import SPAN_COLUMNS, TABLES, span_row
from trialspacy.writers import SUFFIXES, format_of, open_writer

TABLE_NAMES = list(TABLES)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The seeds, the API v2 sample and a file of one more study between three bad records (18
    documents, 3 errors); every id once, so that ``id`` is a key."""
    mixed = tmp_path_factory.mktemp("in") / "mixed.jsonl"
    with gzip.open(REPO / "samples" / "ctgov_v2_nsclc_more.jsonl.gz", "rt", encoding="utf-8") as handle:
        first = handle.readline().rstrip("\n")
    mixed.write_text("\n".join(["{not json", first, '{"nct_id": "NCT0009"}', '{"text": ""}']) + "\n", encoding="utf-8")
    return [SEEDS_DIR, API_V2_SAMPLE, mixed]


def extract(inputs: list[Path], output: Path | str, fmt: str | None = None, **options) -> tuple[int, str]:
    stderr = io.StringIO()
    errors = options.pop("errors", None)
    status = extract_command(
        [str(p) for p in inputs], str(output), fmt, errors, stderr=stderr, progress=False, **options
    )
    return status, stderr.getvalue()


@pytest.fixture(scope="module")
def jsonl(inputs, tmp_path_factory) -> tuple[list[dict], list[dict]]:
    """The documents and error entries of a JSONL run: what every other format is compared with."""
    folder = tmp_path_factory.mktemp("jsonl")
    status, _ = extract(inputs, folder / "out.jsonl", errors=str(folder / "errors.jsonl"))
    assert status == ExitCode.SKIPPED
    read = [
        [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]
        for name in ("out.jsonl", "errors.jsonl")
    ]
    return read[0], read[1]


@pytest.fixture(scope="module")
def database(inputs, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("duckdb") / "results.duckdb"
    status, _ = extract(inputs, path, errors=str(path.with_suffix(".errors.jsonl")))
    assert status == ExitCode.SKIPPED
    return path


def query(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def counts(path: Path) -> dict[str, int]:
    return {name: query(path, f"SELECT count(*) FROM {name}")[0][0] for name in TABLE_NAMES}


def expected_counts(documents: list[dict], errors: list[dict]) -> dict[str, int]:
    spans = [s for d in documents for s in d["spans"]]
    return {
        "documents": len(documents),
        "spans": len(spans),
        "outcomes": sum(len(d["outcomes"]) for d in documents),
        "criteria": sum(s["label"] == "CRITERION" for s in spans),
        "errors": len(errors),
    }


# --- The format follows -o ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "fmt"),
    [
        ("out.jsonl", "jsonl"),
        ("OUT.JSONL.GZ", "jsonl"),
        ("out.csv", "csv"),
        ("out.spacy", "docbin"),
        ("dir/results.duckdb", "duckdb"),
        (None, "jsonl"),
        ("-", "jsonl"),
    ],
)
def test_the_suffix_of_the_output_names_its_format(output, fmt):
    assert format_of(output) == fmt


def test_an_unknown_suffix_is_a_usage_error_listing_the_suffixes(tmp_path):
    with pytest.raises(UsageError) as raised:
        extract([SEEDS_DIR], tmp_path / "out.txt")
    assert str(raised.value).startswith(f"-o {tmp_path / 'out.txt'}: its suffix names no output format")
    assert all(suffix in str(raised.value) for suffix in SUFFIXES)
    assert "--format brat or parquet" in str(raised.value)
    assert not (tmp_path / "out.txt").exists()


def test_format_overrides_the_suffix(tmp_path):
    status, _ = extract([SEEDS_DIR], tmp_path / "out.txt", "csv")
    assert status == ExitCode.OK
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith(",".join(SPAN_COLUMNS) + "\n")


# --- JSONL, gzip-compressed ---------------------------------------------------------------------


def test_jsonl_gz_holds_the_jsonl_bytes(inputs, jsonl, tmp_path):
    extract(inputs, tmp_path / "out.jsonl.gz")
    extract(inputs, tmp_path / "out.jsonl")
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()) == (tmp_path / "out.jsonl").read_bytes()


def test_a_jsonl_gz_left_open_by_a_killed_run_has_a_readable_prefix(jsonl, tmp_path):
    path = tmp_path / "out.jsonl.gz"
    writer = open_writer("jsonl", str(path))
    for document in jsonl[0][:3]:
        writer.write(document)
    # Not closed, as after a kill: no gzip trailer, but each document's deflate block is flushed.
    lines = zlib.decompressobj(wbits=31).decompress(path.read_bytes()).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == jsonl[0][:3]
    writer.close()


def test_resume_refuses_a_jsonl_gz_output(tmp_path):
    path = tmp_path / "out.jsonl.gz"
    with pytest.raises(UsageError, match="cannot continue a gzip file"):
        extract([SEEDS_DIR], path, resume=True)
    assert str(Errors.E081.format(path=path)).startswith(f"{path}: --resume")


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_numbers_parse_as_numbers_and_booleans_are_true_or_false(inputs, jsonl, tmp_path):
    extract(inputs, tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    documents = jsonl[0]
    expected = [span_row(d, i) for d in documents for i in range(len(d["spans"]))]
    assert len(rows) == len(expected)
    numeric = [c.name for c in TABLES["spans"] if c.type in ("BIGINT", "DOUBLE")]
    for row, want in zip(rows, expected):
        assert row["negated"] in ("true", "false") and (row["negated"] == "true") == want["negated"]
        for column in numeric:
            assert (float(row[column]) if row[column] else None) == want[column], column
        assert not any(cell.startswith("[") for cell in row.values())
    doses = [row for row in rows if row["label"] == "RADIATION_DOSE"]
    assert doses and all(
        float(row["total_gy_min"]) <= float(row["total_gy_max"]) for row in doses if row["total_gy_min"]
    )


# --- DuckDB -------------------------------------------------------------------------------------


def test_duckdb_tables_count_what_the_jsonl_holds(database, jsonl):
    assert counts(database) == expected_counts(*jsonl)
    assert counts(database)["errors"] == 3


def test_duckdb_tables_join_on_the_document_id_and_span_index(database, jsonl):
    documents = jsonl[0]
    per_document = query(
        database,
        "SELECT d.id, count(s.span) FROM documents d LEFT JOIN spans s USING (id) GROUP BY d.id ORDER BY d.id",
    )
    assert per_document == sorted((d["id"], len(d["spans"])) for d in documents)
    # Each outcome's endpoint indices name ENDPOINT spans of its document.
    endpoints = query(
        database,
        "SELECT DISTINCT s.label FROM (SELECT id, unnest(endpoints) AS span FROM outcomes) o JOIN spans s USING (id, span)",
    )
    assert endpoints == [("ENDPOINT",)]
    criteria = query(
        database,
        "SELECT count(*) FROM criteria c JOIN spans s USING (id, span) WHERE s.label = 'CRITERION' "
        "AND c.section = s.criterion_section AND c.text = s.text",
    )
    assert criteria == [(counts(database)["criteria"],)]


def test_duckdb_rows_are_the_documents_and_spans_of_the_jsonl(database, jsonl):
    documents = jsonl[0]
    rows = query(database, "SELECT id, text, source, pipeline, sections FROM documents")
    assert rows == [(d["id"], d["text"], d["meta"]["source"], d["meta"]["pipeline"], d["sections"]) for d in documents]
    columns = ", ".join(f'"{name}"' for name in SPAN_COLUMNS)
    spans = query(database, f"SELECT {columns} FROM spans")
    assert spans == [tuple(span_row(d, i).values()) for d in documents for i in range(len(d["spans"]))]


def test_duckdb_columns_are_typed(database):
    types = {
        (table, name): kind
        for table, name, kind in query(
            database, "SELECT table_name, column_name, data_type FROM information_schema.columns"
        )
    }
    assert types[("spans", "dose_gy_min")] == types[("spans", "total_gy_max")] == "DOUBLE"
    assert types[("spans", "negated")] == types[("criteria", "negated")] == "BOOLEAN"
    assert types[("spans", "text")] == types[("documents", "id")] == "VARCHAR"
    assert types[("spans", "start")] == types[("errors", "line")] == "BIGINT"
    assert types[("outcomes", "endpoints")] == "BIGINT[]"
    assert types[("documents", "sections")].startswith("STRUCT(")
    assert {(t, n) for t, n in types if t in TABLES} == {(t, c.name) for t, cs in TABLES.items() for c in cs}


def test_duckdb_errors_table_holds_the_errors_file_entries(database, jsonl):
    rows = query(database, "SELECT source, record, line, error FROM errors")
    assert [dict(zip(("source", "record", "line", "error"), row)) for row in rows] == jsonl[1]
    assert database.with_suffix(".errors.jsonl").read_text(encoding="utf-8").splitlines() == [
        json.dumps(e, ensure_ascii=False) for e in jsonl[1]
    ]


def test_a_second_run_into_the_database_appends(inputs, jsonl, tmp_path):
    path = tmp_path / "results.duckdb"
    extract(inputs[:1], path)
    first = counts(path)
    extract(inputs, path)
    seeds = [d for d in jsonl[0] if d["meta"]["source"].startswith(str(SEEDS_DIR))]
    assert first == expected_counts(seeds, [])
    assert counts(path) == {name: first[name] + n for name, n in expected_counts(*jsonl).items()}
    assert len(query(path, "SELECT DISTINCT run FROM documents")) == 2


KILLED_RUN = """
import json, os, sys
from trialspacy.writers import DuckDbWriter
writer = DuckDbWriter(sys.argv[1], batch=2)
for line in open(sys.argv[2], encoding="utf-8").readlines()[:5]:
    writer.write(json.loads(line))
writer.write_error({"source": "earlier", "record": None, "line": 1, "error": "retried"})
os._exit(9)  # killed: the fifth document and the error were still in the buffer
"""


def test_resume_continues_a_database_a_killed_run_left(inputs, jsonl, tmp_path):
    path = tmp_path / "results.duckdb"
    documents_file = tmp_path / "documents.jsonl"
    documents_file.write_text("".join(json.dumps(d) + "\n" for d in jsonl[0]), encoding="utf-8")
    env = {"PYTHONPATH": str(REPO / "pipeline") + ":" + ":".join(sys.path)}
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, str(path), str(documents_file)], env=env, check=False)
    assert killed.returncode == 9
    assert counts(path)["documents"] == 4  # two batches of two committed
    status, stderr = extract(inputs, path, resume=True)
    assert status == ExitCode.SKIPPED
    assert "14 written, 3 errors; 4 already in the output" in stderr
    assert counts(path) == expected_counts(*jsonl)
    ids = query(path, "SELECT id FROM documents")
    assert ids == [(d["id"],) for d in jsonl[0]]


def test_resume_deletes_the_errors_of_the_run_it_continues(inputs, jsonl, tmp_path):
    path = tmp_path / "results.duckdb"
    extract(inputs, path)
    extract(inputs, path, resume=True)
    assert counts(path) == expected_counts(*jsonl)


@pytest.mark.parametrize("resume", [False, True])
def test_a_file_that_is_not_a_database_is_refused(tmp_path, resume):
    path = tmp_path / "results.duckdb"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(UsageError, match=r"results\.duckdb: not a DuckDB database"):
        extract([SEEDS_DIR], path, resume=resume)
    assert path.read_text(encoding="utf-8") == "not a database"


def test_a_database_whose_table_is_not_trialspacys_is_refused_before_the_run(tmp_path):
    path = tmp_path / "results.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE spans (id VARCHAR, label VARCHAR)")
    with pytest.raises(UsageError) as raised:
        extract([SEEDS_DIR], path)
    assert str(raised.value) == Errors.E084.format(path=path, table="spans")
    assert query(path, "SELECT count(*) FROM spans") == [(0,)]


# --- Parquet ------------------------------------------------------------------------------------


def test_parquet_files_hold_the_rows_of_the_duckdb_tables(inputs, database, tmp_path):
    folder = tmp_path / "parquet"
    status, _ = extract(inputs, folder, "parquet")
    assert status == ExitCode.SKIPPED
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{name}.parquet" for name in TABLE_NAMES)
    with duckdb.connect(str(database), read_only=True) as connection:
        for name, columns in TABLES.items():
            kept = [c.name for c in columns if c.name != "run"]
            table = pyarrow.parquet.read_table(folder / f"{name}.parquet")
            assert table.column_names == [c.name for c in columns]
            selected = ", ".join(f'"{c}"' for c in kept)
            rows = connection.sql(f"SELECT {selected} FROM {name}").to_arrow_table().to_pylist()
            assert table.select(kept).to_pylist() == rows, name


def test_parquet_is_written_in_row_groups_as_the_run_goes(jsonl, tmp_path):
    from trialspacy.writers import ParquetWriter

    with ParquetWriter(str(tmp_path), batch=4) as writer:
        for document in jsonl[0]:
            writer.write(document)
    metadata = pyarrow.parquet.ParquetFile(tmp_path / "documents.parquet").metadata
    assert metadata.num_rows == len(jsonl[0]) and metadata.num_row_groups == -(-len(jsonl[0]) // 4)


def test_parquet_refuses_a_directory_holding_its_files(tmp_path):
    (tmp_path / "spans.parquet").write_bytes(b"PAR1")
    with pytest.raises(FileExistsError) as raised:
        extract([SEEDS_DIR], tmp_path, "parquet")
    assert str(raised.value) == Errors.E082.format(path=tmp_path, files="spans.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spans.parquet"]


@pytest.mark.parametrize("fmt", ["duckdb", "parquet"])
def test_table_outputs_need_a_path(fmt):
    with pytest.raises(UsageError, match=f"--format {fmt} needs -o"):
        extract_command([str(SEEDS_DIR)], None, fmt, None, progress=False)
