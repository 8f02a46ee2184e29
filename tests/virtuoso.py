"""A real Virtuoso for the tests: Debian's ``virtuoso-opensource``, installed if it may be, started on free ports.

Each server gets its own database directory and ``virtuoso.ini`` (no system
service, nothing outside the directory), a user ``kgraph`` with the
SPARQL_UPDATE role for the authenticated Graph Store endpoint
``/sparql-graph-crud-auth`` (digest, as Virtuoso ships it), and one more path,
``/sparql-graph-crud-basic``, on the same Graph Store service with HTTP basic
auth, so both schemes are tested against the real server. Where Virtuoso
cannot be had the tests skip, unless ``KGRAPH_REQUIRE_VIRTUOSO=1`` (CI), where
they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SERVER, ISQL = "virtuoso-t", "isql-vt"
PACKAGE = "virtuoso-opensource"
USER, PASSWORD = "kgraph", "pässwörd: with spaces"
STARTUP_SECONDS = 120

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
; Only for the bulk loader (ld_dir), which kgraph does not use: the Graph Store Protocol needs no directory.
DirsAllowed = ., {dir}
; About 680 MB of pages (8 kB each): Virtuoso's advice for 1 GB of memory.
NumberOfBuffers = 85000
MaxDirtyBuffers = 65000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = {http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
; Whole results: the tests compare every row with the local engine's.
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""

SETUP_SQL = f"""\
DB.DBA.USER_CREATE('{USER}', '{PASSWORD}');
GRANT SPARQL_UPDATE TO "{USER}";
DB.DBA.VHOST_DEFINE(lpath=>'/sparql-graph-crud-basic', ppath=>'/!sparql-graph-crud/', is_dav=>1, vsp_user=>'dba',
  sec=>'basic', auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', opts=>vector('noinherit', 1, 'exec_as_get', 1));
"""


def installed() -> bool:
    return shutil.which(SERVER) is not None and shutil.which(ISQL) is not None


def install() -> str | None:
    """Install Debian's package where we may (root with apt-get); None if done, else why not."""
    if installed():
        return None
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return f"Virtuoso is not installed and this is not root with apt-get (apt-get install {PACKAGE})"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", PACKAGE]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            return f"`{' '.join(cmd)}` failed: {done.stderr.strip()[-500:]}"
    return None if installed() else f"{PACKAGE} installed no {SERVER}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Virtuoso:
    """One running server in its own directory; ``url(path)`` is an address on it."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.http_port}{path}"

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        ini = self.dir / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.dir, sql_port=self.sql_port, http_port=self.http_port), encoding="utf-8")
        log = (self.dir / "server.out").open("wb")
        self.process = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(ini)], cwd=self.dir, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Virtuoso did not start: {self.log_tail()}")
            time.sleep(0.25)
        self.sql(SETUP_SQL)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url("/sparql?query=ASK%7B%7D"), timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def sql(self, statements: str) -> str:
        """Run SQL through isql as dba; an error in any statement raises."""
        script = self.dir / "script.sql"
        script.write_text(statements, encoding="utf-8")
        done = subprocess.run(
            [ISQL, str(self.sql_port), "dba", "dba", str(script)], capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout[-1000:]} {done.stderr[-1000:]}")
        return done.stdout

    def log_tail(self) -> str:
        log = self.dir / "virtuoso.log"
        return log.read_text(errors="replace")[-1500:] if log.exists() else "(no log)"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def require() -> None:
    """Install Virtuoso if we may; skip (or fail, where ``KGRAPH_REQUIRE_VIRTUOSO`` is set) if it cannot be had."""
    why = install()
    if why is None:
        return
    if os.environ.get("KGRAPH_REQUIRE_VIRTUOSO"):
        pytest.fail(why + ", and KGRAPH_REQUIRE_VIRTUOSO is set")
    pytest.skip(why)


@contextmanager
def started(directory: Path) -> Iterator[Virtuoso]:
    """A Virtuoso running in ``directory`` for the block (a few seconds to start), then stopped and removed."""
    server = Virtuoso(directory)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
