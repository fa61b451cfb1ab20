"""AACT (Aggregate Analysis of ClinicalTrials.gov) read into :class:`Record`: its pipe-delimited flat
files (a directory holding ``studies.txt``, or the zip AACT publishes) and its PostgreSQL database, by URL.

Both are the tables of schema ``ctgov`` (``studies``, ``brief_summaries``, ``conditions``, ...), joined
by ``nct_id`` in one SQL query: DuckDB runs it over the flat files, the server over the database. Each
study is mapped onto its ClinicalTrials.gov API v2 fields and rendered by :func:`render_ctgov_v2`, so
AACT, API v2 and legacy XML give the same seed layout. Studies come in ``nct_id`` order and are
streamed: DuckDB sorts out of core in a temporary directory, the database sends them through a
server-side cursor.

A study whose rows are malformed is one RecordError, located by file, line and NCT id; the other
studies are read. Database credentials come from the URL or libpq's ``PG*`` variables and never
appear in a record's source or in an error.
"""

import csv
import io
import itertools
import json
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import Errors, RecordError
from .legacy_xml import _markdown_safe, unwrap_textblock
from .records import Record, render_ctgov_v2

if TYPE_CHECKING:
    import duckdb
    import psycopg

FORMAT = "aact"
STUDIES = "studies"
URL_SCHEMES = ("postgresql://", "postgres://")
# Seconds to wait for the server (unless the URL sets connect_timeout): an unreachable host fails fast.
CONNECT_TIMEOUT = 10
# The tables read and the columns used, by AACT's names. ``id`` orders a study's rows as the
# registry lists them (AACT numbers them as it loads them).
TABLES: dict[str, tuple[str, ...]] = {
    STUDIES: ("nct_id", "brief_title", "official_title"),
    "brief_summaries": ("id", "nct_id", "description"),
    "detailed_descriptions": ("id", "nct_id", "description"),
    "conditions": ("id", "nct_id", "name"),
    "interventions": ("id", "nct_id", "intervention_type", "name", "description"),
    "intervention_other_names": ("id", "nct_id", "intervention_id", "name"),
    "design_outcomes": ("id", "nct_id", "outcome_type", "measure", "time_frame", "description"),
    "eligibilities": ("id", "nct_id", "criteria"),
}
_INTEGER_COLUMNS = ("id", "intervention_id")
# Tables with one row per study at most.
_ONE_PER_STUDY = ("brief_summaries", "detailed_descriptions", "eligibilities")
_OUTCOME_KEYS = {"primary": "primaryOutcomes", "secondary": "secondaryOutcomes"}
# A row longer than this is refused (DuckDB's default, 2 MB, is below the longest registry fields).
_MAX_ROW_BYTES = 64 * 2**20
_FETCH = 256  # rows fetched at a time

# One query for both engines: ``{obj}`` is the JSON object builder (DuckDB json_object, PostgreSQL
# json_build_object). The WHERE clause stands on lines of its own so that a ``--`` comment in it
# cannot swallow the closing parenthesis.
_QUERY = """SELECT s.nct_id, s.brief_title, s.official_title,
  ARRAY(SELECT b.description FROM ctgov.brief_summaries b WHERE b.nct_id = s.nct_id ORDER BY b.id),
  ARRAY(SELECT d.description FROM ctgov.detailed_descriptions d WHERE d.nct_id = s.nct_id ORDER BY d.id),
  ARRAY(SELECT c.name FROM ctgov.conditions c WHERE c.nct_id = s.nct_id ORDER BY c.id),
  ARRAY(SELECT {obj}('intervention_type', i.intervention_type, 'name', i.name, 'description', i.description,
      'other_names', ARRAY(SELECT n.name FROM ctgov.intervention_other_names n
                           WHERE n.intervention_id = i.id ORDER BY n.id))
    FROM ctgov.interventions i WHERE i.nct_id = s.nct_id ORDER BY i.id),
  ARRAY(SELECT {obj}('outcome_type', o.outcome_type, 'measure', o.measure, 'time_frame', o.time_frame,
      'description', o.description)
    FROM ctgov.design_outcomes o WHERE o.nct_id = s.nct_id ORDER BY o.id),
  ARRAY(SELECT e.criteria FROM ctgov.eligibilities e WHERE e.nct_id = s.nct_id ORDER BY e.id)
FROM ctgov.studies s
WHERE (
{where}
)
ORDER BY s.nct_id"""
_COLUMNS = (
    "nct_id",
    "brief_title",
    "official_title",
    "brief_summaries",
    "detailed_descriptions",
    "conditions",
    "interventions",
    "design_outcomes",
    "eligibilities",
)

Item = Record | RecordError


# --- Studies ------------------------------------------------------------------------------------


def _objects(values: Iterable[Any]) -> list[dict[str, Any]]:
    """Child rows built by the query (DuckDB gives them as JSON text)."""
    objects = [json.loads(v) if isinstance(v, str) else v for v in values or ()]
    return [o for o in objects if isinstance(o, dict)]


# A legacy text block as AACT loaded it before 2023, from the XML: a line break, then indentation.
_LEGACY_BLOCK = re.compile(r"\r?\n[ \t]")


def _block(value: Any) -> Any:
    """A text field as API v2 text: AACT's text since 2023 is (markdown), while its older loads
    kept the legacy XML's hard-wrapped text blocks, which are unwrapped as the legacy XML reader
    unwraps them (and their backslashes kept as written)."""
    if isinstance(value, str) and _LEGACY_BLOCK.match(value):
        return _markdown_safe(unwrap_textblock(value))
    return value


def _intervention_type(value: Any) -> str:
    # API v2 spells the types in upper case with underscores; AACT loads before 2023 wrote "Dietary Supplement".
    return "_".join(value.upper().split()) if isinstance(value, str) else ""


def api_v2_study(row: dict[str, Any]) -> dict[str, Any]:
    """A study joined from the AACT tables (the query's columns) as an API v2 study with the fields
    trialspacy renders."""
    outcomes: dict[str, list[dict[str, Any]]] = {"primaryOutcomes": [], "secondaryOutcomes": [], "otherOutcomes": []}
    for outcome in _objects(row["design_outcomes"]):
        kind = outcome.get("outcome_type")
        # AACT writes primary, secondary and other; any other type is kept, as an other outcome.
        key = _OUTCOME_KEYS.get(kind.strip().lower() if isinstance(kind, str) else "", "otherOutcomes")
        outcomes[key].append(
            {
                "measure": outcome.get("measure"),
                "description": outcome.get("description"),
                "timeFrame": outcome.get("time_frame"),
            }
        )
    interventions = [
        {
            "type": _intervention_type(i.get("intervention_type")),
            "name": i.get("name"),
            "description": _block(i.get("description")),
            "otherNames": [n for n in i.get("other_names") or () if isinstance(n, str) and n.strip()],
        }
        for i in _objects(row["interventions"])
    ]

    def first(table: str) -> Any:
        return _block(next(iter(row[table] or ()), None))

    protocol = {
        "identificationModule": {
            "nctId": row["nct_id"],
            "briefTitle": row["brief_title"],
            "officialTitle": row["official_title"],
        },
        "descriptionModule": {
            "briefSummary": first("brief_summaries"),
            "detailedDescription": first("detailed_descriptions"),
        },
        "conditionsModule": {"conditions": list(row["conditions"] or ())},
        "armsInterventionsModule": {"interventions": interventions},
        "outcomesModule": outcomes,
        "eligibilityModule": {"eligibilityCriteria": first("eligibilities")},
    }
    return {"protocolSection": protocol}


def render_study(row: dict[str, Any], source: str) -> Record:
    """A study joined from the AACT tables as a Record in the seed layout; raises RecordError
    (with the NCT id) when a table has more rows for it than one study has."""
    for table in _ONE_PER_STUDY:
        count = len(row[table] or ())
        if count > 1:
            raise RecordError(source, Errors.E122.format(count=count, table=table), record=row["nct_id"])
    record = render_ctgov_v2(api_v2_study(row), source)
    record.meta = {"format": FORMAT}
    return record


def _studies(rows: Iterable[tuple[Any, ...]], source: str, bad: dict[str, RecordError]) -> Iterator[Item]:
    """The records of the query's rows (in nct_id order), with the errors of the studies in ``bad``
    (whose rows could not be read) in their place instead."""
    pending = sorted(bad.items())

    def errors_until(nct_id: str | None) -> Iterator[RecordError]:
        while pending and (nct_id is None or pending[0][0] <= nct_id):
            yield pending.pop(0)[1]

    for nct_id, group in itertools.groupby((dict(zip(_COLUMNS, row)) for row in rows), lambda r: r["nct_id"]):
        if not isinstance(nct_id, str) or not nct_id.strip():
            for _ in group:
                yield RecordError(source, Errors.E127)
            continue
        yield from errors_until(nct_id)
        if nct_id in bad:
            continue
        studies = list(group)
        try:
            if len(studies) > 1:
                raise RecordError(source, Errors.E122.format(count=len(studies), table=STUDIES), record=nct_id)
            yield render_study(studies[0], source)
        except RecordError as err:
            yield err
    yield from errors_until(None)


# --- Flat files ---------------------------------------------------------------------------------


def is_aact_directory(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a directory of AACT flat files (it holds ``studies.txt``)."""
    return os.path.isfile(os.path.join(path, f"{STUDIES}.txt"))


def _studies_member(names: Iterable[str]) -> str | None:
    """The zip member ``studies.txt`` (the shallowest, at the root or in a folder), or None."""
    found = [n for n in names if n.rsplit("/", 1)[-1] == f"{STUDIES}.txt" and "__MACOSX" not in n]
    return min(found, key=lambda n: (n.count("/"), n)) if found else None


def is_aact_zip(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a zip of AACT flat files (it holds a member ``studies.txt``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _studies_member(archive.namelist()) is not None
    except (zipfile.BadZipFile, OSError, ValueError):  # ValueError: UnicodeDecodeError of a damaged name list
        return False


def iter_aact(path: str | os.PathLike[str]) -> Iterator[Item]:
    """Yield a Record, or a RecordError in its place, for every study of AACT flat files: a
    directory holding ``studies.txt`` or a zip of them (its members are extracted to a temporary
    directory for DuckDB, which reads files; only the tables read are extracted). Missing tables
    other than ``studies`` are read as empty."""
    name = os.fspath(path)
    if os.path.isdir(name):
        yield from _read_tables(name, name, {t: os.path.join(name, f"{t}.txt") for t in TABLES})
        return
    try:
        archive = zipfile.ZipFile(name)
    except (zipfile.BadZipFile, OSError) as exc:
        reason = "not a valid zip file" if isinstance(exc, zipfile.BadZipFile) else exc.strerror or str(exc)
        yield RecordError(name, Errors.E002.format(reason=reason))
        return
    with archive, tempfile.TemporaryDirectory(prefix="trialspacy-aact-") as unpacked:
        studies = _studies_member(archive.namelist()) or f"{STUDIES}.txt"
        folder = studies[: -len(f"{STUDIES}.txt")]
        members = set(archive.namelist())
        shown: dict[str, str] = {}
        for table in TABLES:
            member = f"{folder}{table}.txt"
            if member not in members:
                continue
            target = os.path.join(unpacked, f"{table}.txt")
            shown[target] = f"{name}/{member}"
            try:
                with archive.open(member) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 2**20)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
                yield RecordError(f"{name}/{member}", Errors.E002.format(reason=exc))
                return
        paths = {t: os.path.join(unpacked, f"{t}.txt") for t in TABLES}
        yield from _read_tables(unpacked, name, paths, shown)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _header(path: str, shown: str, table: str) -> list[str]:
    """The column names of a flat file (its first row); raises RecordError when the row is not
    there or not UTF-8, repeats a name, or lacks a column trialspacy reads."""
    with open(path, "rb") as handle:
        first = handle.readline(_MAX_ROW_BYTES)
    try:
        line = first.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = Errors.E003.format(offset=exc.start)
        raise RecordError(shown, Errors.E121.format(table=table, reason=reason), line=1) from None
    header = next(csv.reader(io.StringIO(line), delimiter="|"), [])
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        reason = f"the header repeats column {repeated[0]!r}"
        raise RecordError(shown, Errors.E121.format(table=table, reason=reason), line=1)
    for column in TABLES[table]:
        if column not in header:
            raise RecordError(shown, Errors.E120.format(column=column, columns=", ".join(header) or "none"), line=1)
    return header


def _create_table(con: "duckdb.DuckDBPyConnection", table: str, path: str, header: list[str] | None) -> None:
    """Load ``table`` from its file (only the columns read; ids as integers, malformed rows kept
    aside in DuckDB's reject tables), or create it empty when there is no file."""
    columns = TABLES[table]
    if header is None:
        typed = ", ".join(f"{c} {'BIGINT' if c in _INTEGER_COLUMNS else 'VARCHAR'}" for c in columns)
        con.execute(f"CREATE TABLE ctgov.{table} ({typed})")
        return
    declared = ", ".join(f"{_literal(name)}: 'VARCHAR'" for name in header)
    selected = ", ".join(
        f'TRY_CAST("{c}" AS BIGINT) AS {c}'
        if c in _INTEGER_COLUMNS
        else f'trim("{c}") AS {c}'
        if c == "nct_id"
        else f'"{c}"'
        for c in columns
    )
    con.execute(
        f"CREATE TABLE ctgov.{table} AS SELECT {selected} FROM read_csv({_literal(path)}, delim='|', quote='\"', "
        f"escape='\"', header=true, auto_detect=false, columns={{{declared}}}, store_rejects=true, "
        f"max_line_size={_MAX_ROW_BYTES})"
    )


def _line_numbers(path: str, offsets: list[int]) -> dict[int, int]:
    """The 1-based line of each byte offset of a file, counted in one pass."""
    lines: dict[int, int] = {}
    newlines = done = 0
    with open(path, "rb") as handle:
        for offset in sorted(set(offsets)):
            while done < offset:
                chunk = handle.read(min(2**20, offset - done))
                if not chunk:
                    break
                newlines += chunk.count(b"\n")
                done += len(chunk)
            lines[offset] = newlines + 1
    return lines


def _rejected(
    con: "duckdb.DuckDBPyConnection", headers: dict[str, list[str]], tables: dict[str, str], shown: dict[str, str]
) -> tuple[dict[str, RecordError], list[RecordError]]:
    """The errors of the rows DuckDB could not read: one per study (its first bad row) by NCT id,
    and those of rows without a readable NCT id."""
    rows = con.execute(
        "SELECT s.file_path, e.line_byte_position, e.line, e.csv_line, e.error_message "
        "FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id) ORDER BY s.file_path, e.line"
    ).fetchall()
    by_study: dict[str, RecordError] = {}
    others: list[RecordError] = []
    for path, group in itertools.groupby(rows, lambda r: r[0]):
        rejects = list(group)
        table = tables[path]
        lines = _line_numbers(path, [int(r[1] or 0) for r in rejects])
        column = headers[table].index("nct_id")
        for _, offset, _row, text, message in rejects:
            cells = next(csv.reader(io.StringIO(text or ""), delimiter="|"), [])
            nct_id = cells[column].strip() if len(cells) > column else ""
            problem = Errors.E121.format(table=f"{table}.txt", reason=message)
            error = RecordError(shown.get(path, path), problem, record=nct_id or None, line=lines[int(offset or 0)])
            if nct_id:
                by_study.setdefault(nct_id, error)
            elif not others or (others[-1].source, others[-1].line) != (error.source, error.line):
                others.append(error)
    return by_study, others


def _read_tables(
    directory: str, source: str, paths: dict[str, str], shown: dict[str, str] | None = None
) -> Iterator[Item]:
    """The studies of the flat files at ``paths`` (by table), loaded into a DuckDB database in a
    temporary directory and joined there. ``source`` names the records; ``shown`` the files in
    errors (a zip's members), by path."""
    import duckdb

    shown = {p: shown.get(p, p) if shown else p for p in paths.values()}
    if not os.path.isfile(paths[STUDIES]):
        yield RecordError(shown[paths[STUDIES]], Errors.E001)
        return
    with tempfile.TemporaryDirectory(prefix="trialspacy-duckdb-") as work:
        con = duckdb.connect(os.path.join(work, "aact.duckdb"))
        try:
            # Out-of-core sorting spills beside the database, in the temporary directory.
            con.execute("SET preserve_insertion_order = false")
            con.execute("CREATE SCHEMA ctgov")
            headers: dict[str, list[str]] = {}
            for table, path in paths.items():
                exists = os.path.isfile(path)
                header = _header(path, shown[path], table) if exists else None
                if header is not None:
                    headers[table] = header
                try:
                    _create_table(con, table, path, header)
                except duckdb.Error as exc:
                    # A file DuckDB cannot parse past a point (an unterminated quote swallows the rest
                    # of it) cannot be joined: the whole input is this one error.
                    problem = Errors.E121.format(table=f"{table}.txt", reason=_duckdb_reason(exc))
                    raise RecordError(shown[path], problem) from None
            tables = {paths[t]: t for t in headers}
            bad, unplaced = _rejected(con, headers, tables, shown)
            yield from unplaced
            cursor = con.execute(_QUERY.format(obj="json_object", where="TRUE"))
            read = 0
            for item in _studies(_fetched(cursor), source, bad):
                read += 1
                yield item
            if not read and not unplaced:
                yield RecordError(shown[paths[STUDIES]], Errors.E005)
        except RecordError as err:
            yield err
        except duckdb.Error as exc:
            yield RecordError(source, Errors.E123.format(reason=_duckdb_reason(exc)))
        finally:
            con.close()


def _fetched(cursor: Any) -> Iterator[tuple[Any, ...]]:
    while rows := cursor.fetchmany(_FETCH):
        yield from rows


def _duckdb_reason(exc: BaseException) -> str:
    """DuckDB's message without its list of possible fixes (options of its own CSV reader)."""
    return _one_line(str(exc).split("Possible fixes:")[0]).rstrip(".")


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


# --- The database -------------------------------------------------------------------------------


def is_database_url(value: Any) -> bool:
    """Whether an input is a PostgreSQL URL (``postgresql://`` or ``postgres://``)."""
    return isinstance(value, str) and value.lower().startswith(URL_SCHEMES)


def shown_url(url: str) -> str:
    """The URL without its password (in the user part or as a ``password`` parameter)."""
    parts = urlsplit(url)
    userinfo, at, hosts = parts.netloc.rpartition("@")
    netloc = f"{userinfo.split(':', 1)[0]}@{hosts}" if at else hosts
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() != "password"]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="/"), ""))


def _reason(exc: BaseException, url: str) -> str:
    """An error of psycopg or libpq as one line, with the URL shown without its password and any
    password (the URL's, ``PGPASSWORD``) masked, should libpq ever repeat one."""
    text = _one_line(str(exc)).replace(url, shown_url(url))
    parts = urlsplit(url)
    secrets = [parts.password or "", os.environ.get("PGPASSWORD", "")]
    secrets += [v for k, v in parse_qsl(parts.query) if k.lower() == "password"]
    for secret in sorted(filter(None, set(secrets)), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text or type(exc).__name__


def _query(where: str | None) -> str:
    return _QUERY.format(obj="json_build_object", where=where if where and where.strip() else "TRUE")


def _connect(url: str) -> "psycopg.Connection[Any]":
    """A read-only connection (so that ``--where`` can change nothing); raises RecordError E124."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        given = "connect_timeout" in conninfo_to_dict(url)
        conn = psycopg.connect(
            url if given else make_conninfo(url, connect_timeout=CONNECT_TIMEOUT), application_name="trialspacy"
        )
    except psycopg.Error as exc:
        raise RecordError(shown_url(url), Errors.E124.format(reason=_reason(exc, url))) from None
    conn.read_only = True
    return conn


def check_database(url: str, where: str | None = None) -> None:
    """Connect and have the server check the query (EXPLAIN): raise RecordError E124 when the
    database cannot be reached, E125 when the query (``where``, the schema) is wrong."""
    import psycopg

    with _connect(url) as conn:
        try:
            conn.execute(f"EXPLAIN {_query(where)}".encode())
        except psycopg.Error as exc:
            raise RecordError(shown_url(url), Errors.E125.format(reason=_reason(exc, url))) from None


def check_databases(inputs: Iterable[Any], where: str | None) -> None:
    """Check every database input (see :func:`check_database`) before a run starts; raise
    ValueError with the one-line message when one fails, or when ``where`` is given without one."""
    urls = [i for i in inputs if is_database_url(i)]
    if where is not None and not urls:
        raise ValueError(Errors.E126)
    for url in urls:
        try:
            check_database(url, where)
        except RecordError as err:
            raise ValueError(err.message) from None


def iter_database(url: str, where: str | None = None) -> Iterator[Item]:
    """Yield a Record, or a RecordError in its place, for every study of schema ``ctgov`` of the
    database at ``url`` selected by ``where`` (SQL on ``ctgov.studies s``, given by the user for
    their own database), in nct_id order through a server-side cursor. A connection or query
    failure is one RecordError."""
    import psycopg

    source = shown_url(url)
    try:
        conn = _connect(url)
    except RecordError as err:
        yield err
        return
    with conn:
        try:
            with conn.cursor(name="trialspacy_aact") as cursor:
                cursor.itersize = _FETCH
                cursor.execute(_query(where).encode())
                yield from _studies(cursor, source, {})
        except psycopg.Error as exc:
            yield RecordError(source, Errors.E125.format(reason=_reason(exc, url)))
