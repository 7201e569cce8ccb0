# Rungs. `make serve` and `make test` install whatever is missing on a fresh
# Debian machine with rustup, node/npm and apt, then do their job.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

E2E := tests/e2e
TRUNK_VERSION := 0.22.1
# The splitter must read what the wasm_split_helpers in Cargo.lock writes.
WASM_SPLIT_VERSION := 0.2.4
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# npm's binaryen gives a wasm-opt that reads current wasm-bindgen output;
# npm's esbuild minifies the scripts (both used by tools/wasm).
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/$(E2E)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER
export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(CURDIR)/tests/webdriver.json
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: help serve dev build single test check test-native test-web test-e2e bench tools clean

help:
	@echo "make serve   build the release app and serve it on http://127.0.0.1:8080, with a strict CSP"
	@echo "make test    run every check: format, lints, native, browser and end-to-end tests"
	@echo "make bench   measure the release build against the budgets in docs/ARCHITECTURE.md"
	@echo "make dev     serve a debug build on http://127.0.0.1:8081 (one module, not split) that rebuilds on each change"
	@echo "make single  write dist-single/rungs.html: the whole app in one file, to open from disk"

# Served as an ordinary static host serves it, with the strict Content
# Security Policy a wiki may send (tests/e2e/serve.mjs), so that what works
# here works there.
serve: build
	node $(E2E)/serve.mjs 8080

dev: tools
	trunk serve

build: tools
	trunk build --release

# One module, not split, with everything inlined (tools/wasm/src/single.rs).
single: tools
	cargo run --quiet --package rungs-wasm -- single dist-single

test: tools check test-native test-web build single test-e2e

check:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --features split -- -D warnings

test-native:
	cargo test --workspace

test-web:
	cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	cd $(E2E) && npx playwright test

# BASELINE=<a dist folder of an earlier build> measures it too, for a before
# and after in the same run.
bench: build
	cd $(E2E) && node bench.mjs $(if $(BASELINE),--baseline $(abspath $(BASELINE)))

# --- installing what is missing -------------------------------------------

# Quick installs first, the long cargo builds last.
tools: browser node-packages rust-tools web-tools

.PHONY: rust-tools web-tools browser node-packages
rust-tools:
	@command -v cargo >/dev/null || { echo "Rungs needs Rust: install rustup from your package manager or rustup.rs" >&2; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

web-tools:
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" \
		|| cargo install trunk --version $(TRUNK_VERSION) --locked --ignore-rust-version
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
		|| cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --force
	@command -v wasm-split-cli >/dev/null && cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):" \
		|| cargo install wasm_split_cli_support --version =$(WASM_SPLIT_VERSION) --features build-binary --locked --force

browser:
	@[ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ] || { \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver; }

node-packages: $(E2E)/node_modules/.installed

$(E2E)/node_modules/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	@command -v npm >/dev/null || { echo "Rungs needs Node.js and npm" >&2; exit 1; }
	cd $(E2E) && npm ci --no-audit --no-fund
	@touch $@

clean:
	cargo clean
	rm -rf dist dist-single $(E2E)/node_modules $(E2E)/test-results bench-results.json
