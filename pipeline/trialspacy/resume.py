"""What ``extract --resume`` needs to continue a JSONL or DuckDB output a killed run left behind."""

import hashlib
import json
import os
from collections import Counter

from .errors import Errors

ResumeKey = tuple[str, bytes]


def resume_key(record_id: str, text: str) -> ResumeKey:
    """What identifies a written document for ``--resume``: its id and a digest of its text, so
    two input records sharing an id but not a text are told apart."""
    return record_id, hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def truncate_partial_line(path: str) -> int:
    """Cut a JSONL file back to its last complete line (a run killed mid-write leaves the end of
    a line unwritten); return the number of bytes removed."""
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - 65536)
            handle.seek(start)
            chunk = handle.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            end = start
        if end < size:
            handle.truncate(end)
        return size - end


def written_keys(path: str) -> Counter[ResumeKey]:
    """Counts of :func:`resume_key` over the documents of a JSONL output, read line by line.

    Raises ValueError naming the line when one is not a document written by ``extract`` (call
    :func:`truncate_partial_line` first: a partial last line is expected after a crash).
    """
    keys: Counter[ResumeKey] = Counter()
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            try:
                document = json.loads(line)
                keys[resume_key(document["id"], document["text"])] += 1
            except (ValueError, KeyError, TypeError, AttributeError):
                raise ValueError(Errors.E076.format(path=path, line=number)) from None
    return keys


def written_database_keys(path: str) -> Counter[ResumeKey]:
    """Counts of :func:`resume_key` over the ``documents`` table of a DuckDB output (its ``id``
    and ``digest`` columns), read in batches; empty when the file has no such table yet.

    Raises ValueError when the file is not a DuckDB database.
    """
    import duckdb

    keys: Counter[ResumeKey] = Counter()
    try:
        connection = duckdb.connect(path, read_only=True)
    except duckdb.Error as exc:
        raise ValueError(Errors.E083.format(path=path, reason=exc)) from None
    try:
        tables = connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        if ("documents",) not in tables:
            return keys
        cursor = connection.execute("SELECT id, digest FROM documents")
        while rows := cursor.fetchmany(10_000):
            keys.update((record_id, bytes.fromhex(digest)) for record_id, digest in rows)
    finally:
        connection.close()
    return keys
