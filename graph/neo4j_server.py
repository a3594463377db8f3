"""The project's own local Neo4j: fetched through Maven on first use, run as a background process."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ocgraph.errors import ServiceError
from ocgraph.graph import neo4j_browser
from ocgraph.graph.neo4j_browser import BROWSER_VERSION

NEO4J_VERSION = os.environ.get("OCGRAPH_NEO4J_VERSION", "5.26.0")
DEFAULT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
LAUNCHER = "OcgraphServer"

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.ocgraph</groupId>
  <artifactId>ocgraph-neo4j-fetch</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{v}</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j-bolt</artifactId><version>{v}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>{b}</version></dependency>
  </dependencies>
</project>
"""


def _tail(path: Path, lines: int = 8, offset: int = 0) -> str:
    """The last lines of a log, from byte `offset` on (this start's part), joined on one line."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            text = handle.read().decode("utf-8", errors="replace").strip().splitlines()
    except OSError:
        return "(no log)"
    return " | ".join(line.strip() for line in text[-lines:] if line.strip()) or "(empty log)"


def _port_answers(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (our own exited child, not yet reaped) is not running
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
            return False
    return True


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (for tests and benchmarks)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Status:
    """What `ocgraph neo4j status` reports."""

    running: bool
    pid: int | None
    port: int
    version: str
    home: Path
    http_port: int | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def browser_url(self) -> str | None:
        """Neo4j Browser's address, with the server and user filled in (the analyst types the password)."""
        if not self.http_port:
            return None
        return f"http://127.0.0.1:{self.http_port}/browser/?dbms=bolt://neo4j@127.0.0.1:{self.port}"

    def describe(self) -> str:
        if not self.running:
            return f"not running (data in {self.home})"
        line = f"running: Neo4j {self.version} at {self.uri}, pid {self.pid}, data in {self.home}"
        if self.browser_url:
            secret = "$NEO4J_PASSWORD" if os.environ.get("NEO4J_PASSWORD") else f"in {self.home / 'password'}"
            line += f"\nNeo4j Browser: {self.browser_url} (user neo4j, password {secret})"
        return line


class LocalServer:
    """A Neo4j Community server under `<data dir>/neo4j`, reachable on 127.0.0.1 only.

    Layout: `lib/` the jars Maven fetched (and `lib/browser-app/`, Neo4j Browser unpacked), `classes/`
    the compiled launcher, `db/` the databases, `password` (mode 0600), `server.json` (pid, Bolt and
    HTTP ports of the running server) and `server.log`.
    """

    def __init__(self, data_home: Path, port: int | None = None, http_port: int | None = None) -> None:
        self.root = Path(data_home) / "neo4j"
        self.lib = self.root / "lib"
        self.classes = self.root / "classes"
        self.db = self.root / "db"
        self.log = self.root / "server.log"
        self.state = self.root / "server.json"
        self.password_file = self.root / "password"
        self._port = port
        self._http_port = http_port

    # -- settings ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        """--port, else the running server's, else `OCGRAPH_NEO4J_PORT`, else the last used, else 7687."""
        if self._port is not None:
            return self._port
        state = self._read_state()
        if state:
            return int(state["port"])
        if os.environ.get("OCGRAPH_NEO4J_PORT"):
            return int(os.environ["OCGRAPH_NEO4J_PORT"])
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return int(json.loads(self.state.read_text(encoding="utf-8"))["port"])
        return DEFAULT_PORT

    def _http_port_wanted(self) -> tuple[int, bool]:
        """Neo4j Browser's port: --http-port, else `OCGRAPH_NEO4J_HTTP_PORT`, else the last used, else
        7474; and whether it was chosen (one not chosen is replaced by a free port when taken)."""
        if self._http_port is not None:
            return self._http_port, True
        if os.environ.get("OCGRAPH_NEO4J_HTTP_PORT"):
            return int(os.environ["OCGRAPH_NEO4J_HTTP_PORT"]), True
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return int(json.loads(self.state.read_text(encoding="utf-8"))["http_port"]), False
        return DEFAULT_HTTP_PORT, False

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def password(self) -> str:
        """`NEO4J_PASSWORD` when set, else the generated one kept in a file only the user can read."""
        if os.environ.get("NEO4J_PASSWORD"):
            return os.environ["NEO4J_PASSWORD"]
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            pass
        self.root.mkdir(parents=True, exist_ok=True)
        secret = secrets.token_urlsafe(24)
        # O_EXCL + 0600 from the start: the file is never readable by others, not even briefly
        try:
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process generated it first; use theirs
            return self.password_file.read_text(encoding="utf-8").strip()
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secret + "\n")
        return secret

    # -- fetch and build ----------------------------------------------------------------------
    def version(self) -> str:
        """The Neo4j version in `lib/` (from the jar's name), or the one that would be fetched."""
        for jar in self.lib.glob("neo4j-[0-9]*.jar"):
            return jar.stem.removeprefix("neo4j-")
        return NEO4J_VERSION

    def fetch(self) -> None:
        """Download Neo4j Community, its dependencies and Neo4j Browser through Maven, once."""
        if (self.lib / f"neo4j-{NEO4J_VERSION}.jar").exists() and (
            self.lib / f"neo4j-browser-{BROWSER_VERSION}.jar"
        ).exists():
            return
        mvn = shutil.which("mvn")
        if mvn is None:
            raise ServiceError("Maven (mvn) is not installed; it is needed once to fetch Neo4j")
        self.root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".fetch-", dir=self.root))
        try:
            (work / "pom.xml").write_text(_POM.format(v=NEO4J_VERSION, b=BROWSER_VERSION), encoding="utf-8")
            cmd = [
                mvn,
                "-B",
                "-q",
                "-f",
                str(work / "pom.xml"),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={work / 'lib'}",
            ]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                output = (done.stdout + done.stderr).splitlines()
                lines = [x for x in output if "ERROR" in x] or output[-1:] or ["(no output)"]
                raise ServiceError(f"Maven could not fetch Neo4j {NEO4J_VERSION}: {lines[0].strip()}")
            # rename into place only once complete, so an interrupted fetch is retried, not half-used
            shutil.rmtree(self.lib, ignore_errors=True)
            os.replace(work / "lib", self.lib)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        neo4j_browser.unpack(self.lib)

    def _compile(self) -> None:
        source = resources.files("ocgraph.graph").joinpath("java", f"{LAUNCHER}.java")
        target = self.classes / f"{LAUNCHER}.class"
        text = source.read_text(encoding="utf-8")
        stamp = self.classes / "source.sha"
        digest = hashlib.sha256(text.encode()).hexdigest()
        if target.exists() and stamp.exists() and stamp.read_text() == digest:
            return
        javac = shutil.which("javac")
        if javac is None:
            raise ServiceError("javac (Java 17 JDK) is not installed; it builds the Neo4j launcher")
        work = Path(tempfile.mkdtemp(prefix=".javac-", dir=self.root))
        try:
            (work / f"{LAUNCHER}.java").write_text(text, encoding="utf-8")
            done = subprocess.run(
                [javac, "-cp", f"{self.lib}/*", "-d", str(work / "classes"), str(work / f"{LAUNCHER}.java")],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                first = (done.stderr.strip().splitlines() or ["(no output)"])[0]
                raise ServiceError(f"cannot compile the Neo4j launcher: {first}")
            (work / "classes" / "source.sha").write_text(digest)
            shutil.rmtree(self.classes, ignore_errors=True)
            os.replace(work / "classes", self.classes)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    # -- run ------------------------------------------------------------------------------
    def _read_state(self) -> dict | None:
        try:
            state = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        pid = state.get("pid") if isinstance(state, dict) else None
        return state if isinstance(pid, int) and pid > 0 and _alive(pid) else None

    def status(self) -> Status:
        state = self._read_state()
        if state and _port_answers(int(state["port"])):
            http = state.get("http_port")
            http = int(http) if isinstance(http, int) and _port_answers(http) else None
            return Status(True, int(state["pid"]), int(state["port"]), self.version(), self.root, http)
        return Status(False, None, self.port, self.version(), self.root)

    def start(self, heap: str = "1g", pagecache_mib: int = 512, timeout: float = 300.0) -> Status:
        """Start the server and return once Bolt answers; harmless when it already runs."""
        current = self.status()
        if current.running:
            return current
        port = self.port
        if _port_answers(port):
            raise ServiceError(f"port {port} on 127.0.0.1 is already used by another program; choose --port")
        http_port, chosen = self._http_port_wanted()
        if _port_answers(http_port):
            if chosen:
                raise ServiceError(
                    f"port {http_port} on 127.0.0.1 (Neo4j Browser) is already used by another program; "
                    "choose --http-port"
                )
            http_port = free_port()
        java = shutil.which("java")
        if java is None:
            raise ServiceError("java (Java 17) is not installed; it is needed to run Neo4j")
        self.fetch()
        self._compile()
        app = neo4j_browser.unpack(self.lib)
        neo4j_browser.write_guide(app)  # the named queries of this ocgraph, refreshed at every start
        self.db.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "OCGRAPH_NEO4J_PASSWORD": self.password()}
        # The whole heap from the start (no resizing while loading) and the throughput collector:
        # the local server serves one user's loads and queries, where total GC work matters more
        # than pause length (1M relationships: 59.0 s with G1, 56.3 s with these, bench/neo4j_load.py).
        cmd = [
            java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            "-XX:+UseParallelGC",
            "-cp",
            # the unpacked Browser before the jars: the web server serves the first browser/ it finds
            f"{self.classes}:{app}:{self.lib}/*",
            LAUNCHER,
            str(self.db),
            str(port),
            str(http_port),
            str(pagecache_mib),
        ]
        # only this start's part of the log counts: an old "ready" line must not end the wait
        offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as log:
            proc = subprocess.Popen(
                cmd,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
                cwd=self.root,
            )
        self.state.write_text(
            json.dumps({"pid": proc.pid, "port": port, "http_port": http_port}), encoding="utf-8"
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self._forget_pid()
                reason = _tail(self.log, offset=offset)
                raise ServiceError(f"Neo4j exited while starting (code {proc.returncode}): {reason}")
            if "ocgraph-neo4j ready" in _tail(self.log, 50, offset) and _port_answers(port):
                return Status(True, proc.pid, port, self.version(), self.root, http_port)
            time.sleep(0.2)
        self._terminate(proc.pid)
        reason = _tail(self.log, offset=offset)
        raise ServiceError(f"Neo4j did not answer on port {port} within {timeout:.0f} s: {reason}")

    def stop(self, timeout: float = 60.0) -> bool:
        """Shut the server down cleanly (SIGTERM); return whether it was running."""
        state = self._read_state()
        if state:
            self._terminate(int(state["pid"]), timeout)
        self._forget_pid()
        return bool(state)

    def _forget_pid(self) -> None:
        # the port stays, so commands after `stop` still name the server's address
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            state = json.loads(self.state.read_text(encoding="utf-8"))
            kept = {"pid": None, "port": int(state["port"]), "http_port": state.get("http_port")}
            self.state.write_text(json.dumps(kept), encoding="utf-8")

    def _terminate(self, pid: int, timeout: float = 60.0) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)  # reap it when it is our own child
            if not _alive(pid):
                return
            time.sleep(0.2)
        # the JVM ignored SIGTERM for a minute: the transaction log still makes the store recoverable
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
