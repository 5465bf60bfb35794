# Tolk: the staff's daily verbs. `make demo` and `make test` work on a fresh
# clone: they create .venv and install what is needed (once).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
TOLK   := $(BIN)/tolk
STAMP  := $(VENV)/.installed
# torch comes in through argostranslate -> stanza; the constraint pins the CPU
# build that lies on the machine instead of several GB of CUDA wheels.
LOCK   := requirements.lock
LOCKFLAGS ?=
PIPQ   := --quiet --disable-pip-version-check
# pip-compile (pip-tools) makes the lock with pip's own resolver and finder, so it
# sees the same package sources as the install below, the machine's local CPU
# build of torch included (argostranslate -> stanza -> torch).
COMPILE := pip-compile $(LOCKFLAGS) --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --extra dev -c constraints.txt \
	--output-file $(LOCK) pyproject.toml

.PHONY: demo extract translate build check fix stats memory report test lint bench fuzz clean help lock

help:
	@echo "make demo       run the whole pipeline on source_articles/ (extract, translate, build, check, stats)"
	@echo "make extract    source_articles/ -> locales/templates/*.pot and locales/<lang>/LC_MESSAGES/*.po"
	@echo "make translate  fill catalogs from the translation memory, then Argos models"
	@echo "make build      catalogs -> build/<lang>/*.html"
	@echo "make check      check source_articles/ and build/ for leftovers and defects (fails on errors)"
	@echo "make fix        repair what can be repaired, into build/fixed/"
	@echo "make stats      completeness per article and language"
	@echo "make report     static HTML report in build/report/"
	@echo "make test       ruff, mypy and pytest (with doctests)"
	@echo "make lint       ruff and mypy only"
	@echo "make bench      benchmarks under bench/"
	@echo "make fuzz       500 generated pages and 200 catalogs through every command (slow)"
	@echo "make lock       re-resolve every dependency into requirements.lock (on purpose only)"
	@echo "make clean      remove build/ and caches (keeps .venv)"

# The environment is exactly the lock: a changed lock rebuilds .venv from
# nothing, the lock is installed with its hashes and without resolving, then Tolk
# itself without dependencies.
$(STAMP): $(LOCK)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIPQ) --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install $(PIPQ) --no-deps --no-build-isolation -e .
	touch $(STAMP)

lock: $(STAMP)
	$(BIN)/$(COMPILE)
	@echo "requirements.lock written; run 'make test' to rebuild .venv from it"

demo: $(STAMP)
	@echo "== 1/5 extract"; $(TOLK) extract
	@echo "== 2/5 translate"; $(TOLK) translate || echo "   (translate incomplete: see above; the demo goes on)"
	@echo "== 3/5 build"; $(TOLK) build
	@echo "== 4/5 check"; $(TOLK) check source_articles build --summary || echo "   (findings above: 'make check' is the target that fails on them)"
	@echo "== 5/5 stats"; $(TOLK) stats
	@echo "== demo done: pages in build/, catalogs in locales/, run 'make report' for the report"

extract: $(STAMP)
	$(TOLK) extract

translate: $(STAMP)
	$(TOLK) translate

build: $(STAMP)
	$(TOLK) build

check: $(STAMP)
	$(TOLK) check source_articles build

fix: $(STAMP)
	$(TOLK) fix source_articles

stats: $(STAMP)
	$(TOLK) stats

report: $(STAMP)
	$(TOLK) report

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/ruff format --check pipeline tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# Random (not derandomized) inputs, many more than the test suite's short run.
fuzz: $(STAMP)
	TOLK_FUZZ_PAGES=500 TOLK_FUZZ_CATALOGS=200 $(BIN)/pytest -q -s -p no:cacheprovider tests/test_fuzz.py

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .hypothesis
