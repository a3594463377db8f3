"""Run every benchmark script in bench/, print their figures and write bench/RESULTS.md with the machine."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
# Helpers, not benchmarks: the generators and this runner.
NOT_BENCHMARKS = {"run_all.py", "synthetic.py"}


def scripts(only: list[str] | None = None) -> list[Path]:
    """The benchmark scripts, in name order (only those named in `only`, with or without .py)."""
    found = sorted(
        p for p in BENCH.glob("*.py") if p.name not in NOT_BENCHMARKS and not p.name.startswith("_")
    )
    if only:
        wanted = {n if n.endswith(".py") else n + ".py" for n in only}
        missing = wanted - {p.name for p in found}
        if missing:
            sys.exit(f"error: no benchmark called {', '.join(sorted(missing))} in {BENCH}")
        found = [p for p in found if p.name in wanted]
    return found


def _first(path: str, key: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    mem = f"{int(mem_kb) / 2**20:.1f} GiB" if mem_kb.isdigit() else "unknown"
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": f"{usable} usable of {os.cpu_count()}",
        "memory": mem,
        "cpu": _first("/proc/cpuinfo", "model name"),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "commit": commit,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def run(script: Path, timeout: float) -> dict:
    """Run one script from the repository root; its stdout is its report."""
    t0 = time.perf_counter()
    # its own process group, so a timeout also stops the workers a benchmark started
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | str = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        code, err = "timeout", f"killed after {timeout:.0f} s"
    return {
        "name": script.name,
        "code": code,
        "seconds": time.perf_counter() - t0,
        "stdout": out,
        "stderr": err,
    }


def as_markdown(text: str) -> str:
    """Table rows stay tables; every other run of lines goes in a text block, so nothing reflows."""
    out: list[str] = []
    block: list[str] = []
    table = False

    def flush() -> None:
        if block:
            out.extend(["```text", *block, "```", ""] if not table else [*block, ""])
            block.clear()

    for line in text.rstrip().splitlines():
        is_row = line.lstrip().startswith("|")
        if not line.strip():
            flush()
            continue
        if block and is_row != table:
            flush()
        table = is_row
        block.append(line)
    flush()
    return "\n".join(out)


def write_results(path: Path, info: dict[str, str], results: list[dict]) -> None:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`bench/run_all.py`); figures are from one run.",
        "",
    ]
    lines += ["| machine | |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in info.items()), ""]
    lines += ["| script | exit | wall time (s) |", "| --- | ---: | ---: |"]
    lines += [f"| `{r['name']}` | {r['code']} | {r['seconds']:.1f} |" for r in results]
    for r in results:
        lines += ["", f"## {r['name']}", ""]
        lines.append(as_markdown(r["stdout"]) if r["stdout"].strip() else "(no output)")
        if r["code"] != 0:
            tail = r["stderr"].rstrip().splitlines()[-20:]
            lines += ["", "It failed; the end of its stderr:", "", "```text", *tail, "```"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="run only these scripts (default: all)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per script (default 3600)")
    parser.add_argument("-o", "--output", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    todo = scripts(args.names)
    info = machine()
    for key, value in info.items():
        print(f"{key}: {value}")
    results = []
    for script in todo:
        print(f"\n== {script.name}", flush=True)
        result = run(script, args.timeout)
        print(result["stdout"].rstrip())
        if result["code"] != 0:
            print(f"-- {script.name} failed ({result['code']}): {result['stderr'].strip()[-2000:]}")
        print(f"-- {script.name}: {result['seconds']:.1f} s", flush=True)
        results.append(result)
    write_results(args.output, info, results)
    print(f"\nwrote {args.output}")
    failed = [r["name"] for r in results if r["code"] != 0]
    if failed:
        sys.exit(f"error: {len(failed)} benchmark(s) failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
