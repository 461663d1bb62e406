# Calf & Sole. `make run` builds and serves the app; `make test` runs every
# test; `make bench` prints the performance figures; `make static` writes
# the app for a static host into $(DIST), to be served under $(PREFIX)
# (`make static PREFIX=` for the root of a host); `make loadtest` loads
# the server with requests; `make fuzz` fuzzes every parser for longer.

GO      ?= go
ADDR    ?= localhost:8000
WASM    := web/app.wasm
SERVER  := bin/pwa
GOFILES := $(shell find app cmd content -name '*.go') go.mod go.sum
CONTENT := $(wildcard content/*.json)
DIST    ?= dist
PREFIX  ?= /calf-and-sole
# How long each fuzz target runs in `make fuzz`, and in `make test`. In
# `make test` it is a count of inputs (a few seconds each): a short time
# limit makes go test report "context deadline exceeded" as a failure when
# the limit falls in the middle of a slow input on a busy machine.
FUZZTIME      ?= 60s
FUZZTIMESHORT ?= 10000x
# How long `make loadtest` loads each target, and with how many clients.
LOADTIME    ?= 10s
LOADCLIENTS ?= 16

.PHONY: all build run static test check unit browser-tests bench loadtest fuzz fuzz-short chromium webkit firefox axe nginx icons clean

all: build

build: $(WASM) $(WASM).br $(SERVER)

# The English content as Go values (content/english.go), written from the
# JSON files, which stay the source: the app starts from them instead of
# decoding JSON at every start. The content tests fail when it is stale.
content/english.go: $(CONTENT) content/gen/main.go content/content.go
	$(GO) run ./content/gen

# app.wasm is built without inlining in the app's own packages and in
# go-app's: Go's WebAssembly for an inlined call is large, and without it
# app.wasm is 209 KB smaller raw and 60 KB smaller in brotli, which every
# phone downloads and compiles. Measured with make bench, start-up and the
# 10,000-entry log were no slower. The rest of Go (runtime, reflect) keeps
# its inlining: without it, app.wasm grew.
WASMGCFLAGS := -gcflags='github.com/calfandsole/calfandsole/...=-l' -gcflags='github.com/maxence-charriere/go-app/v10/...=-l'

$(WASM): $(GOFILES) $(CONTENT) content/english.go
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' $(WASMGCFLAGS) -o $@ ./cmd/pwa

$(SERVER): $(GOFILES) $(CONTENT) content/english.go app/server/app-worker.js
	$(GO) build -trimpath -o $@ ./cmd/pwa

# Brotli and gzip copies of app.wasm, served to browsers that take them.
$(WASM).br: $(WASM) $(SERVER)
	$(SERVER) -precompress -root .

run: build
	$(SERVER) -root . -addr $(ADDR)

# The whole app as static files, for any static host or CDN (README).
# A previous export is replaced; any other non-empty $(DIST) is refused.
static: build
	@if [ -f '$(DIST)/app-worker.js' ] && [ -f '$(DIST)/_headers' ]; then rm -rf '$(DIST)'; fi
	$(SERVER) -root . -static $(DIST) -prefix '$(PREFIX)'

# The browser tests take about twenty minutes, more on a busy machine: past
# go test's default time limit for one package, so the limit is raised to
# one that only a hung test reaches. They run in three engines, one after
# another (TestEngines). Then every fuzz target, briefly.
test: check build chromium webkit firefox axe nginx
	$(GO) test -count=1 -timeout 50m ./...
	@$(MAKE) --no-print-directory fuzz-short

# Formatting and vet, for the host and for the browser build.
check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

# The browser tests need Chromium. Install it from the OS packages when
# missing (as root), or say how.
chromium:
	@bash e2e/install-chromium.sh

# The cross-engine tests also run in WebKit (WebKitGTK's MiniBrowser, under
# WebKitWebDriver, on a virtual screen) and Firefox ESR (over WebDriver
# BiDi): the same, from Debian's packages.
webkit:
	@bash e2e/install-webkit.sh

firefox:
	@bash e2e/install-firefox.sh

# axe-core, from npm, for the accessibility checks in the browser tests.
axe:
	@bash e2e/install-axe.sh

# The static-hosting browser tests serve the export with nginx: the same.
nginx:
	@bash e2e/install-nginx.sh

bench: build chromium
	$(GO) run ./e2e/bench

# Load the server (started on a free loopback port) with keep-alive clients
# asking for the page and the brotli app.wasm; fails on any error.
loadtest: build
	$(GO) run ./e2e/loadtest -time $(LOADTIME) -clients $(LOADCLIENTS)

# Every fuzz target, as "package Name" lines, found in the test sources so
# that a new one is never left out. go test fuzzes one target per run.
FUZZTARGETS = grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(' app cmd content e2e \
	| sed -E 's|^(.*)/[^/]*:func (Fuzz[A-Za-z0-9_]*)\($$|./\1 \2|' | sort -u

# fuzz-each runs every fuzz target for $(1).
define fuzz-each
set -e; targets=$$($(FUZZTARGETS)); \
if [ -z "$$targets" ]; then echo "no fuzz targets found"; exit 1; fi; \
echo "$$targets" | while read -r pkg name; do \
	echo "fuzzing $$name in $$pkg for $(1)"; \
	$(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(1) $$pkg; \
done
endef

fuzz:
	@$(call fuzz-each,$(FUZZTIME))

fuzz-short:
	@$(call fuzz-each,$(FUZZTIMESHORT))

icons:
	bash web/icons/render.sh

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz $(DIST)
