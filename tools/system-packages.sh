#!/bin/sh
# The system packages `make demo` and `make test` need, installed with apt-get when they are missing:
#   a Java 17 (or newer) JDK and Maven: `ocgraph neo4j start` fetches Neo4j Community through Maven,
#     compiles its launcher and runs it;
#   Chromium: the browser tests of `ocgraph viz` and `ocgraph serve` (Debian's package, run headless);
#   npm: fetches the browser library `ocgraph serve` vendors (Cytoscape.js, pinned in package-lock.json);
#   python3-venv: Debian's Python makes the project's .venv with it.
# It installs when it may (as root, or through sudo without a password); otherwise it prints one
# line with the command to run and exits 1.  Run by `make setup` (every make target goes through it).
set -eu
python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  found=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "not found")
  echo "error: ocgraph needs Python >= 3.11 ($python is $found); install it and run make PYTHON=python3.11" >&2
  exit 1
fi

missing=""
java_major=$(javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p') || java_major=""
if ! command -v java >/dev/null 2>&1 || [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  missing="$missing openjdk-17-jdk-headless"
fi
command -v mvn >/dev/null 2>&1 || missing="$missing maven"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
"$python" -c 'import ensurepip, venv' 2>/dev/null || missing="$missing python3-venv"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "error: missing system packages:$missing; run: sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing system packages:$missing (Debian names); install them with your package manager" >&2
  exit 1
fi
echo "installing system packages:$missing" >&2
# apt's chatter is shown only when it fails
# shellcheck disable=SC2086  # one word per package
if ! out=$($sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq 2>&1 &&
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing 2>&1); then
  printf '%s\n' "$out" >&2
  echo "error: apt-get could not install$missing (its output is above)" >&2
  exit 1
fi
