"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` (as the ``postgres`` user
when run as root, since PostgreSQL refuses to run as root), the data directory and the Unix socket in
a temporary folder, no TCP port."""

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BIN_PATTERN = "/usr/lib/postgresql/*/bin"
PORT = 5432  # only names the socket file, in the server's own folder
# Password-checked over the socket (the other roles are trusted): for the credential tests.
READER, READER_PASSWORD = "reader", "s3cret-Pw_7"


@dataclass
class Server:
    socket_dir: Path

    def url(self, database: str = "aact", user: str = "postgres", password: str | None = None) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@/{database}?host={self.socket_dir}&port={PORT}"


def postgres_bin() -> Path | None:
    """The newest PostgreSQL server's binaries (Debian's package ``postgresql``), or None."""
    found = [Path(p) for p in glob.glob(BIN_PATTERN) if (Path(p) / "initdb").is_file()]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0) if found else None


@contextmanager
def postgres_server(bin_dir: Path) -> Iterator[Server]:
    """A running server in a new temporary folder, stopped and removed on exit."""
    root = Path(tempfile.mkdtemp(prefix="trialspacy-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(root, "postgres")
    data = root / "data"

    def run(*args: str) -> None:
        subprocess.run(as_postgres + list(args), check=True, capture_output=True, timeout=120)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "-N")
        hba = data / "pg_hba.conf"
        run("sh", "-c", f"printf 'local all {READER} scram-sha-256\\nlocal all all trust\\n' > {hba}")
        options = f"-c unix_socket_directories={root} -c listen_addresses='' -c port={PORT} -c fsync=off"
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options, "-w", "start")
        try:
            yield Server(root)
        finally:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
