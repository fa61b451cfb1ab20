# trialspacy: `make extract` and `make test` set everything up on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install extract test lint dist clean

$(STAMP): setup.cfg pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

# The main job on the bundled sample: five seed records and twelve ClinicalTrials.gov API v2 studies.
extract: install
	@mkdir -p out
	$(BIN)/trialspacy extract samples/seeds samples/ctgov_v2_nsclc_sample.jsonl -o out/samples.jsonl --errors out/samples.errors.jsonl
	@echo "wrote out/samples.jsonl"

# Lint, format and type checks first (seconds), then the suite.
lint: install
	$(BIN)/ruff check pipeline scripts tests
	$(BIN)/ruff format --check pipeline scripts tests
	$(BIN)/mypy

# The two wheels a user installs, in dist/: the library and the model package en_trialspacy_core
# (models/trialspacy_core packaged by spacy package; see models/README.md).
dist: install
	$(BIN)/python scripts/package_model.py dist

test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out build dist pipeline/*.egg-info
