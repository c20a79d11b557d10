# Two commands matter: `make run` (web chat on the embedded defaults) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test lint bench clean-store

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

test: install
	$(BIN)/ruff check qa tests bench app.py
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check qa tests bench app.py

bench: install
	$(BIN)/python bench/run_all.py

clean-store:
	@echo "This deletes the local index in store/ (the articles stay)."; rm -rf store/chroma.sqlite3 store/*-*-*-*-*/
