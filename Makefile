# ThreadLens: `make run` and `make test` do all the set-up on a fresh Debian machine.
SWIFT ?= swift
APT_PACKAGES := libblas-dev liblapack-dev libopenblas0-pthread libsqlite3-dev
# Stable numbers and timings: one OpenBLAS thread unless the caller says otherwise.
export OPENBLAS_NUM_THREADS ?= 1
BIN := .build/release/threadlens

.PHONY: setup build release run test bench clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "setup: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "setup: missing system packages:$$missing"; \
	    echo "setup: run as root, or: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product threadlens

run: release
	$(BIN) run Pipelines/nightly.yml

# The kill test drives the debug executable, which `swift test` alone does not build.
test: setup
	$(SWIFT) build
	$(SWIFT) test
	scripts/check-blas-threads.sh

# Every stage and the nightly pipeline at 100k, 300k and 1M generated comments beside the references
# (docs/bench.md); BENCH_QUICK=1 for a few-minute smoke run.
bench: setup
	$(SWIFT) build -c release --product threadlens-bench
	$(SWIFT) build -c release --product threadlens
	scripts/bench/run-all.sh

clean:
	rm -rf .build

# Fuzz every reader and loader with libFuzzer for FUZZ_SECONDS each (docs/hardening.md).
.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh
