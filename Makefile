# Goyong AI — the two commands: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCALE ?= default
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test setup warehouse qa-index lint bench clean browser

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(TEST_STAMP)

warehouse: $(STAMP)
	$(BIN)/python -m data_catalog.warehouse build --scale $(SCALE) --if-absent
	$(BIN)/python -m models train --if-missing
	$(BIN)/python -m auth demo

# The Q&A index embeds with a slow packaged encoder (about 5 min on 2 cores): it is built in the background so the
# app opens when the warehouse is ready; its pages show the progress. `make qa-index` builds it in the foreground.
qa-index: $(STAMP)
	$(BIN)/python -m models.qa index

run: warehouse
	$(BIN)/python -m models.qa index --background
	$(BIN)/python -m store.documents purge
	$(BIN)/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port 8501

# Debian's chromium drives the real-browser test (playwright cannot download browsers here).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
	  || sudo apt-get install -y -qq chromium fonts-noto-cjk

test: $(STAMP) $(TEST_STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python bench/map_queries.py

clean:
	rm -rf data .pytest_cache
