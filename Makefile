# vanban: two commands on a fresh Debian machine with the Swift toolchain.
#   make demo   install libxapian-dev if missing, build, index corpus/, run the three user searches
#   make test   install if missing, then swift test
SWIFT ?= swift
# The Swift runtime and Foundation linked in statically: every search is a new process, and
# loading ~20 shared Swift libraries was half of a search on a 10k index (BENCHMARKS.md).
RELEASE := -c release --static-swift-stdlib
BIN := .build/release/vanban
DEMO_INDEX := index

.PHONY: deps build demo test unit bench check clean format lint

# The one list of system packages (.ci/run calls `make deps`). To build and run: Xapian (library +
# headers); poppler-utils, antiword and unrtf for .pdf, .doc and .rtf files; tesseract-ocr and its
# Vietnamese model for scanned PDFs and images (OCR); graphviz for `vanban graph --format svg`.
APT_PACKAGES := libxapian-dev poppler-utils antiword unrtf tesseract-ocr tesseract-ocr-vie graphviz
# For the tests and benchmarks only: xapian-tools (remote-shard test), python3-xapian (schema test,
# benchmark baseline), fonts-dejavu-core and PyPI's fpdf2 and Pillow (PDF and scanned test files),
# hunspell-vi (the dictionary round trip), chromium (the search page in a real browser), openssl (a
# certificate for the HTTPS test), GNU time (peak memory in the hostile-input tests). A test whose
# tool is missing fails (it is installed here); only tests that need ../shared skip.
APT_TEST_PACKAGES := xapian-tools python3-xapian fonts-dejavu-core hunspell-vi chromium openssl time
deps:
	@missing=""; for p in $(APT_PACKAGES) $(APT_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c 'import fpdf' 2>/dev/null || python3 -m pip install -q fpdf2
	@python3 -c 'import PIL' 2>/dev/null || python3 -m pip install -q Pillow

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
	$(SWIFT) build $(RELEASE) --product vanban-serve
	VANBAN_BIN=$(CURDIR)/$(BIN) $(SWIFT) test

# The fast loop: the library's tests (CXapian, Xapian, VanbanKit) and the CLI's unit tests
# (vanbanTests), without the CLI and fault suites (vanbanCLITests) and the whole-corpus runs
# (vn-legal, 2x1000 generated documents), and without the release binary. Under a minute after a
# build (about 30 s of CPU). `make test` runs everything.
UNIT_SKIP := --skip vanbanCLITests --skip RealCorpus --skip GeneratedCorpusAccuracy
unit:
	$(SWIFT) test $(UNIT_SKIP)

check: build
	python3 ../shared/tools/check_contract.py $(BIN)

# Benchmarks against the plain-Xapian baseline (BENCHMARKS.md). BENCH_ARGS=--quick for a few
# minutes, --full for ~1 GB of real text; corpora and indexes are cached in bench-out/.
bench: build
	scripts/bench $(BENCH_ARGS)

# swift-format with .swift-format (2 spaces, 120 columns). `make format` rewrites in place; `make
# lint` fails on any difference (CI runs it).
FORMAT_PATHS := Package.swift Sources Tests Fuzz/Package.swift Fuzz/Sources
format:
	$(SWIFT) format format --in-place --recursive --configuration .swift-format $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format $(FORMAT_PATHS)

clean:
	rm -rf .build
