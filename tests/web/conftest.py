"""Fixtures for the workbench tests: a real `ocgraph serve` process, and Debian's chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from web_helpers import FLAGS, OCGRAPH, REPO

from ocgraph.graph.neo4j_server import free_port


@dataclass
class Served:
    """A running `ocgraph serve`: its address, the lines it printed, its process."""

    base: str
    process: subprocess.Popen
    printed: list[str] = field(default_factory=list)


@pytest.fixture
def serve() -> Iterator[Callable[..., Served]]:
    """Start `ocgraph serve` over a data directory on a free port; every one started is stopped."""
    started: list[subprocess.Popen] = []

    def start(home: Path, *args: str, host: str = "127.0.0.1", env: dict[str, str] | None = None) -> Served:
        port = free_port()
        proc = subprocess.Popen(
            [str(OCGRAPH), "serve", "--host", host, "--port", str(port), *args],
            cwd=REPO,
            env={**os.environ, "OCGRAPH_HOME": str(home), "OCGRAPH_AUTHOR": "ana", **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        base = f"http://{host}:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()[-2000:]
            try:
                urllib.request.urlopen(base + "/favicon.ico", timeout=2)
                break
            except urllib.error.HTTPError:
                break  # it answers (401 without a token)
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"ocgraph serve did not answer on {base}")
        printed = [proc.stdout.readline().rstrip("\n") for _ in range(1 + ("--read-only" in args))]
        return Served(base, proc, printed)

    yield start
    for proc in started:
        proc.terminate()  # by its own id: only the servers this fixture started
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (no browser download: executable_path)."""
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium")
    assert exe, "the workbench tests need Debian's chromium (make setup installs it)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=FLAGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """A page with what went wrong on it: script errors, console errors and any dialog (alert)."""

    page: object
    errors: list[str]
    dialogs: list[str]


@pytest.fixture
def page(chromium) -> Iterator[Watched]:
    context = chromium.new_context(viewport={"width": 1300, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    def dialog(d) -> None:
        dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", dialog)
    yield Watched(pg, errors, dialogs)
    context.close()
