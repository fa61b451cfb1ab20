"""Build AACT-shaped tables from legacy ClinicalTrials.gov XML records, and write them as AACT
publishes them: pipe-delimited flat files (a directory and its zip) and schema ``ctgov`` of a
PostgreSQL database.

The fields are mapped as AACT loaded them from the legacy XML: text blocks as written (hard-wrapped
and indented), intervention types and outcome types in AACT's spelling, ids numbered in registry
order. The flat files list the studies in reverse order, since AACT's files are not sorted.

Usage: python scripts/make_aact_fixture.py OUT_DIR [XML...] [--database URL]
(default records: tests/data/legacy_xml/*.xml; writes OUT_DIR/aact/*.txt and OUT_DIR/aact.zip).
"""

import argparse
import csv
import sys
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "pipeline"))

from trialspacy.legacy_xml import parse_legacy_xml  # noqa: E402

LEGACY_XML = REPO / "tests" / "data" / "legacy_xml"
# The columns of each table (a subset of AACT's, in AACT's order) and their PostgreSQL types.
SCHEMA: dict[str, dict[str, str]] = {
    "studies": {
        "nct_id": "character varying",
        "study_first_submitted_date": "date",
        "study_type": "character varying",
        "brief_title": "text",
        "official_title": "text",
        "overall_status": "character varying",
        "phase": "character varying",
    },
    "brief_summaries": {"id": "integer", "nct_id": "character varying", "description": "text"},
    "detailed_descriptions": {"id": "integer", "nct_id": "character varying", "description": "text"},
    "conditions": {
        "id": "integer",
        "nct_id": "character varying",
        "name": "character varying",
        "downcase_name": "character varying",
    },
    "interventions": {
        "id": "integer",
        "nct_id": "character varying",
        "intervention_type": "character varying",
        "name": "character varying",
        "description": "text",
    },
    "intervention_other_names": {
        "id": "integer",
        "nct_id": "character varying",
        "intervention_id": "integer",
        "name": "character varying",
    },
    "design_outcomes": {
        "id": "integer",
        "nct_id": "character varying",
        "outcome_type": "character varying",
        "measure": "text",
        "time_frame": "text",
        "population": "character varying",
        "description": "text",
    },
    "eligibilities": {
        "id": "integer",
        "nct_id": "character varying",
        "gender": "character varying",
        "minimum_age": "character varying",
        "maximum_age": "character varying",
        "criteria": "text",
    },
}
Tables = dict[str, list[dict[str, Any]]]


def _text(root: Element, path: str) -> str | None:
    element = root.find(path)
    return element.text.strip() if element is not None and element.text and element.text.strip() else None


def _raw(root: Element, path: str) -> str | None:
    """A text block as AACT stored it: as written, hard-wrapped and indented."""
    element = root.find(f"{path}/textblock")
    return element.text if element is not None and element.text and element.text.strip() else None


def _enum(value: str | None) -> str | None:
    """AACT's spelling of the registry's enumerations since 2023: COMPLETED, DIETARY_SUPPLEMENT."""
    return "_".join(value.upper().split()) if value else None


def _date(value: str | None) -> date | None:
    return datetime.strptime(value, "%B %d, %Y").date() if value else None


def aact_tables(paths: Iterable[Path]) -> Tables:
    """The AACT tables of the legacy XML records at ``paths``, ids numbered from 1 in their order."""
    tables: Tables = {table: [] for table in SCHEMA}

    def add(table: str, **row: Any) -> int:
        rows = tables[table]
        if "id" in SCHEMA[table]:
            row["id"] = len(rows) + 1
        rows.append(row)
        return len(rows)

    for path in paths:
        root = parse_legacy_xml(path.read_bytes(), str(path))
        nct_id = _text(root, "id_info/nct_id")
        add(
            "studies",
            nct_id=nct_id,
            study_first_submitted_date=_date(_text(root, "study_first_submitted")),
            study_type=_enum(_text(root, "study_type")),
            brief_title=_text(root, "brief_title"),
            official_title=_text(root, "official_title"),
            overall_status=_enum(_text(root, "overall_status")),
            phase=_text(root, "phase"),
        )
        for table, block in (("brief_summaries", "brief_summary"), ("detailed_descriptions", "detailed_description")):
            if _raw(root, block):
                add(table, nct_id=nct_id, description=_raw(root, block))
        for condition in root.iterfind("condition"):
            name = (condition.text or "").strip()
            add("conditions", nct_id=nct_id, name=name, downcase_name=name.lower())
        for element in root.iterfind("intervention"):
            number = add(
                "interventions",
                nct_id=nct_id,
                intervention_type=_enum(_text(element, "intervention_type")),
                name=_text(element, "intervention_name"),
                description=_text(element, "description"),
            )
            for other in element.iterfind("other_name"):
                if other.text and other.text.strip():
                    add("intervention_other_names", nct_id=nct_id, intervention_id=number, name=other.text.strip())
        for kind in ("primary", "secondary", "other"):
            for outcome in root.iterfind(f"{kind}_outcome"):
                add(
                    "design_outcomes",
                    nct_id=nct_id,
                    outcome_type=kind,
                    measure=_text(outcome, "measure"),
                    time_frame=_text(outcome, "time_frame"),
                    population=None,
                    description=_text(outcome, "description"),
                )
        if root.find("eligibility") is not None:
            add(
                "eligibilities",
                nct_id=nct_id,
                gender=_text(root, "eligibility/gender"),
                minimum_age=_text(root, "eligibility/minimum_age"),
                maximum_age=_text(root, "eligibility/maximum_age"),
                criteria=_raw(root, "eligibility/criteria"),
            )
    return tables


def write_flat_files(tables: Tables, directory: Path) -> list[Path]:
    """AACT's pipe-delimited files, one per table (header row, ``|``, fields with line breaks or
    ``|`` quoted), rows in reverse order; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table, columns in SCHEMA.items():
        path = directory / f"{table}.txt"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="|", quotechar='"', lineterminator="\n")
            writer.writerow(columns)
            for row in reversed(tables[table]):
                writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
        written.append(path)
    return written


def write_zip(files: Iterable[Path], path: Path, folder: str = "") -> Path:
    """The flat files in a zip (in ``folder``), as AACT's download holds them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.write(file, folder + file.name)
    return path


def load_database(conn: Any, tables: Tables) -> None:
    """Create schema ``ctgov`` with the tables (and AACT's nct_id indexes) on a psycopg connection
    and insert the rows; commits."""
    with conn.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS ctgov CASCADE")
        cursor.execute("CREATE SCHEMA ctgov")
        for table, columns in SCHEMA.items():
            typed = ", ".join(f"{name} {kind}" for name, kind in columns.items())
            cursor.execute(f"CREATE TABLE ctgov.{table} ({typed})")
            cursor.execute(f"CREATE INDEX ON ctgov.{table} (nct_id)")
            names = ", ".join(columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO ctgov.{table} ({names}) VALUES ({marks})",
                [[row.get(c) for c in columns] for row in tables[table]],
            )
    conn.commit()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="writes OUT/aact/*.txt and OUT/aact.zip")
    parser.add_argument("xml", type=Path, nargs="*", help="legacy XML records (default: the test records)")
    parser.add_argument("--database", help="also load schema ctgov into this PostgreSQL database (URL)")
    args = parser.parse_args(argv)
    tables = aact_tables(args.xml or sorted(LEGACY_XML.glob("*.xml")))
    files = write_flat_files(tables, args.out / "aact")
    write_zip(files, args.out / "aact.zip")
    if args.database:
        import psycopg

        with psycopg.connect(args.database) as conn:
            load_database(conn, tables)
    print(f"{len(tables['studies'])} studies: {args.out / 'aact'}, {args.out / 'aact.zip'}", file=sys.stderr)


if __name__ == "__main__":
    main()
