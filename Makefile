# briefing notebooks: `make` runs the whole pipeline on the seeds; `make test` runs the tests.
#
#   make CORPUS=path/to/articles BUILD=/tmp/run   run on another folder, writing only under BUILD
#   make CORPUS=articles.csv TEXT_COLUMN=story     a table (.csv, .jsonl, .parquet): one document a row
#   make CORPUS=... SINCE=2022-02-24 UNTIL=2022-12 OUTLETS='Reuters|AP'   only those dates and outlets
#
# One run at a time per BUILD: the runner holds a lock on BUILD/reports/.briefing.lock and a second
# run on the same BUILD is refused (the lock dies with its process, so a killed run never blocks).
# Targets are real files, so a second `make` with nothing changed re-runs nothing.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

CORPUS ?= seeds
BUILD ?= .
EXECUTOR ?= local
WORKERS ?= 0
DASK_ADDRESS ?=
TEXT_COLUMN ?=
SINCE ?=
UNTIL ?=
OUTLETS ?=
BENCH_ARGS ?=
PYTHON ?= python3

C := $(abspath $(CORPUS))
B := $(abspath $(BUILD))
VENV := $(CURDIR)/.venv
VPY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PROVISIONED := $(VENV)/nltk_data/.provisioned
KERNEL := briefing

# Keep Jupyter, IPython, matplotlib and pip state inside the project, never in $HOME.
export JUPYTER_CONFIG_DIR := $(CURDIR)/.cache/jupyter/config
export JUPYTER_DATA_DIR := $(CURDIR)/.cache/jupyter/data
export JUPYTER_RUNTIME_DIR := $(CURDIR)/.cache/jupyter/runtime
export IPYTHONDIR := $(CURDIR)/.cache/ipython
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export PIP_CACHE_DIR := $(CURDIR)/.cache/pip
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1
# MPLBACKEND=Agg in the environment silently drops figures from executed notebooks.
unexport MPLBACKEND

NOTEBOOKS := 01_corpus 02_extraction 03_sentiment 04_stance 05_validation 06_figures 07_brief
HELPERS := $(wildcard src/helpers/*.py src/helpers/*/*.py src/helpers/*/*/*.py)
DICTIONARIES := $(wildcard data/dictionaries/*) data/targets.yaml
GOLD := $(wildcard data/gold/*/*.csv data/gold/*/texts/* data/rules/*)
BENCHMARKS := $(wildcard data/benchmarks/nyt-editorial-sentiment/*)
CORPUS_LIST := $(B)/data/interim/corpus.list
RUN_PARAMS := $(B)/data/interim/parameters.txt
STAMP := $(B)/reports/notebooks/.up-to-date
INDEX := $(B)/reports/index.html

.PHONY: all help venv test test-fast lab bench browser-check clean clean-venv FORCE

all: $(INDEX) ## Run every notebook on CORPUS, render each to HTML, write the brief and BUILD/reports/index.html

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk -F':.*?## ' '{printf "  %-12s %s\n", $$1, $$2}'
	@echo "  variables:   CORPUS=$(CORPUS) BUILD=$(BUILD) EXECUTOR=$(EXECUTOR) WORKERS=$(WORKERS) DASK_ADDRESS=$(DASK_ADDRESS) TEXT_COLUMN=$(TEXT_COLUMN)"
	@echo "               SINCE=$(SINCE) UNTIL=$(UNTIL) OUTLETS=$(OUTLETS)  (keep only documents of those dates / outlets)"

venv: $(PROVISIONED) ## Create .venv from requirements.txt, install the helpers, provision nltk data

$(INSTALLED): requirements.txt pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -r requirements.txt
	@# rfc3987-syntax (pulled in by jsonschema's format extra) builds a grammar at import:
	@# 2.5 s added to every papermill/nbconvert start. It only validates IRI formats.
	$(VPY) -m pip uninstall --quiet --yes rfc3987-syntax
	$(VPY) -m pip install --quiet --no-deps -e .
	$(VPY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "briefing notebooks (.venv)" >/dev/null
	touch $@

$(PROVISIONED): $(INSTALLED) data/dictionaries/punkt.yaml src/helpers/pipeline/provision.py
	$(VPY) -m helpers.pipeline.provision
	touch $@

# The corpus listing changes only when a file is added, removed or modified. CORPUS may be a
# folder or one file (a table of articles). Every name is listed, whatever its kind (find never
# opens a FIFO); the temporary name is per process, so two makes on one BUILD cannot mix listings.
$(CORPUS_LIST): FORCE
	@test -e "$(C)" || { echo "CORPUS folder or file not found: $(C)" >&2; exit 2; }
	@mkdir -p $(@D)
	@find "$(C)" ! -type d -printf '%P\t%y\t%s\t%T@\n' | LC_ALL=C sort > $@.$$$$.tmp; \
		if cmp -s $@.$$$$.tmp $@; then rm -f $@.$$$$.tmp; else mv $@.$$$$.tmp $@; fi

# The parameters that change what notebook 01 keeps, one per line; rewritten only when one changes,
# so a run with another TEXT_COLUMN, SINCE, UNTIL or OUTLETS re-runs the notebooks and the same one does not.
$(RUN_PARAMS): FORCE
	@mkdir -p $(@D)
	@printf 'text_column\t%s\nsince\t%s\nuntil\t%s\noutlets\t%s\n' "$(TEXT_COLUMN)" "$(SINCE)" "$(UNTIL)" "$(OUTLETS)" > $@.$$$$.tmp; \
		if cmp -s $@.$$$$.tmp $@; then rm -f $@.$$$$.tmp; else mv $@.$$$$.tmp $@; fi

# One process runs the notebooks in order and renders each to HTML; it re-runs a notebook
# only when its source, the helpers, the curated data, the corpus or an earlier notebook
# changed (see src/helpers/runner.py). papermill writes its output even when a cell fails,
# so the runner writes to a temporary name and keeps a failure as NAME.failed.ipynb.
$(STAMP): $(NOTEBOOKS:%=notebooks/%.ipynb) $(CORPUS_LIST) $(RUN_PARAMS) $(HELPERS) $(DICTIONARIES) $(PROVISIONED) $(GOLD) $(BENCHMARKS)
	@mkdir -p $(IPYTHONDIR) $(MPLCONFIGDIR) $(JUPYTER_RUNTIME_DIR)
	@$(VPY) -m helpers.pipeline.runner $(NOTEBOOKS:%=notebooks/%.ipynb) --build "$(B)" --kernel $(KERNEL) \
		-p corpus_dir "$(C)" -p build_dir "$(B)" -p executor "$(EXECUTOR)" -p workers $(WORKERS) \
		-p dask_address "$(DASK_ADDRESS)" -p text_column "$(TEXT_COLUMN)" \
		-p since "$(SINCE)" -p until "$(UNTIL)" -p outlets "$(OUTLETS)" --inputs $(HELPERS) $(DICTIONARIES) $(PROVISIONED) \
		--extra 01_corpus "$(CORPUS_LIST)" --extra 01_corpus "$(RUN_PARAMS)" $(foreach f,$(GOLD) $(BENCHMARKS),--extra 05_validation $(f)) \
		--no-input-copy 07_brief brief.html \
		--stamp $@ 2> >(grep -v -e 'running over TCP without encryption' -e 'Could not destroy zmq context' >&2)

# The run's front page: links every notebook, the brief, the figures, validation.csv and the tables.
$(INDEX): $(STAMP)
	@$(VPY) -m helpers.report.index --build "$(B)" --corpus "$(C)" --executor "$(EXECUTOR)" --workers "$(WORKERS)" >/dev/null

browser-check: $(INDEX) ## Open the brief and the index in headless Chromium: not blank, every image loads
	$(VPY) -m helpers.pipeline.browser "$(B)/reports/brief.html" "$(B)/reports/index.html" --screenshots "$(B)/reports/screenshots"

test: $(PROVISIONED) ## Run the test suite (builds the venv first if needed)
	$(VPY) -m pytest

test-fast: $(PROVISIONED) ## The tests without the pipeline, browser and dask ones: the edit loop
	$(VPY) -m pytest -q -m "not pipeline and not browser and not dask"

bench: $(PROVISIONED) ## Measure speed and memory; writes BUILD/reports/bench.json (BENCH_ARGS="--quick")
	$(VPY) scripts/bench.py --out $(B)/reports/bench.json --chars $(BENCH_ARGS)

lab: $(PROVISIONED) ## Open the notebooks in JupyterLab from the project's venv
	$(VENV)/bin/jupyter lab --notebook-dir=$(CURDIR)/notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

clean: ## Remove build products under BUILD (data/interim, data/processed, reports)
	rm -rf $(B)/data/interim $(B)/data/processed $(B)/reports

clean-venv: ## Remove the virtual environment and caches
	rm -rf $(VENV) .cache

FORCE:
