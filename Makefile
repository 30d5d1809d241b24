# vanban: two commands on a fresh Debian machine with the Swift toolchain.
#   make demo   install libxapian-dev if missing, build, index corpus/, run the three user searches
#   make test   install if missing, then swift test
SWIFT ?= swift
# The Swift runtime and Foundation linked in statically: every search is a new process, and
# loading ~20 shared Swift libraries was half of a search on a 10k index (BENCHMARKS.md).
RELEASE := -c release --static-swift-stdlib
BIN := .build/release/vanban
DEMO_INDEX := index

.PHONY: deps build demo test bench check clean

# System packages the project needs: Xapian (library + headers); poppler-utils and antiword
# for .pdf and .doc files; xapian-tools for the remote-shard test; python3-xapian for the
# benchmark baseline; fonts-dejavu-core and PyPI's fpdf2 to generate PDF test files.
APT_PACKAGES := libxapian-dev xapian-tools poppler-utils antiword python3-xapian fonts-dejavu-core hunspell-vi graphviz
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c 'import fpdf' 2>/dev/null || python3 -m pip install -q fpdf2

build: deps
	$(SWIFT) build $(RELEASE)

demo: build
	$(BIN) index corpus --index $(DEMO_INDEX)
	@echo; echo '== search "Việt Á"'
	$(BIN) search "Việt Á" --index $(DEMO_INDEX)
	@echo; echo '== refs 16/CT-TTg'
	$(BIN) refs 16/CT-TTg --index $(DEMO_INDEX)
	@echo; echo '== search "viet a" --format json'
	$(BIN) search viet a --index $(DEMO_INDEX) --format json

test: deps
	$(SWIFT) build $(RELEASE) --product vanban
	VANBAN_BIN=$(CURDIR)/$(BIN) $(SWIFT) test

check: build
	python3 ../shared/tools/check_contract.py $(BIN)

# Benchmarks against the plain-Xapian baseline (BENCHMARKS.md). BENCH_ARGS=--quick for a few
# minutes, --full for ~1 GB of real text; corpora and indexes are cached in bench-out/.
bench: build
	scripts/bench $(BENCH_ARGS)

clean:
	rm -rf .build
