# briefing notebooks: `make` runs the whole pipeline on the seeds; `make test` runs the tests.
#
#   make CORPUS=path/to/articles BUILD=/tmp/run   run on another folder, writing only under BUILD
#
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

NOTEBOOKS := 01_corpus 02_extraction 03_sentiment 04_stance 05_validation
EXECUTED := $(NOTEBOOKS:%=$(B)/reports/notebooks/%.ipynb)
HTML := $(NOTEBOOKS:%=$(B)/reports/%.html)
HELPERS := $(wildcard src/helpers/*.py)
DICTIONARIES := $(wildcard data/dictionaries/*)
GOLD := $(wildcard data/gold/*/*)
BENCHMARKS := $(wildcard data/benchmarks/nyt-editorial-sentiment/*)
CORPUS_LIST := $(B)/data/interim/corpus.list

.PHONY: all help venv test lab clean clean-venv FORCE

all: $(HTML) ## Run every notebook on CORPUS and render each to HTML under BUILD/reports

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk -F':.*?## ' '{printf "  %-12s %s\n", $$1, $$2}'
	@echo "  variables:   CORPUS=$(CORPUS) BUILD=$(BUILD) EXECUTOR=$(EXECUTOR) WORKERS=$(WORKERS) DASK_ADDRESS=$(DASK_ADDRESS)"

venv: $(PROVISIONED) ## Create .venv from requirements.txt, install the helpers, provision nltk data

$(INSTALLED): requirements.txt pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -r requirements.txt
	$(VPY) -m pip install --quiet --no-deps -e .
	$(VPY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "briefing notebooks (.venv)" >/dev/null
	touch $@

$(PROVISIONED): $(INSTALLED) data/dictionaries/punkt.yaml src/helpers/provision.py
	$(VPY) -m helpers.provision
	touch $@

# The corpus listing changes only when a file is added, removed or modified.
$(CORPUS_LIST): FORCE
	@test -d "$(C)" || { echo "CORPUS folder not found: $(C)" >&2; exit 2; }
	@mkdir -p $(@D)
	@find "$(C)" -type f -printf '%P\t%s\t%T@\n' | LC_ALL=C sort > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

PAPERMILL = $(VENV)/bin/papermill --kernel $(KERNEL) --cwd notebooks --no-progress-bar --log-level WARNING \
	-p corpus_dir "$(C)" -p build_dir "$(B)" -p executor "$(EXECUTOR)" \
	-p workers $(WORKERS) -p dask_address "$(DASK_ADDRESS)"

# papermill writes its output even when a cell fails: run into .tmp and rename on success.
define run_notebook
	@mkdir -p $(@D) $(IPYTHONDIR) $(MPLCONFIGDIR) $(JUPYTER_RUNTIME_DIR)
	@echo "papermill $(<F) -> $@"
	@$(PAPERMILL) $< $(@:.ipynb=.tmp.ipynb) 2> >(grep -v -e 'running over TCP without encryption' >&2) \
		|| { mv -f $(@:.ipynb=.tmp.ipynb) $(@:.ipynb=.failed.ipynb) 2>/dev/null; \
		echo "notebook $(<F) failed; see $(@:.ipynb=.failed.ipynb)" >&2; exit 1; }
	@rm -f $(@:.ipynb=.failed.ipynb)
	@mv $(@:.ipynb=.tmp.ipynb) $@
endef

# Each notebook reads only what earlier ones wrote, so it depends on the one before it.
$(B)/reports/notebooks/01_corpus.ipynb: $(CORPUS_LIST)
$(B)/reports/notebooks/02_extraction.ipynb: $(B)/reports/notebooks/01_corpus.ipynb
$(B)/reports/notebooks/03_sentiment.ipynb: $(B)/reports/notebooks/02_extraction.ipynb
$(B)/reports/notebooks/04_stance.ipynb: $(B)/reports/notebooks/03_sentiment.ipynb
$(B)/reports/notebooks/05_validation.ipynb: $(B)/reports/notebooks/04_stance.ipynb $(GOLD) $(BENCHMARKS)

$(B)/reports/notebooks/%.ipynb: notebooks/%.ipynb $(HELPERS) $(DICTIONARIES) $(PROVISIONED)
	$(run_notebook)

$(B)/reports/%.html: $(B)/reports/notebooks/%.ipynb
	@$(VENV)/bin/jupyter nbconvert --to html --log-level WARN --output-dir $(@D) --output $(*F) $<

test: $(PROVISIONED) ## Run the test suite (builds the venv first if needed)
	$(VPY) -m pytest

lab: $(PROVISIONED) ## Open the notebooks in JupyterLab from the project's venv
	$(VENV)/bin/jupyter lab --notebook-dir=$(CURDIR)/notebooks

clean: ## Remove build products under BUILD (data/interim, data/processed, reports)
	rm -rf $(B)/data/interim $(B)/data/processed $(B)/reports

clean-venv: ## Remove the virtual environment and caches
	rm -rf $(VENV) .cache

FORCE:
