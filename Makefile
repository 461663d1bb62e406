# Calf & Sole. `make run` builds and serves the app; `make test` runs every
# test; `make bench` prints the performance figures; `make static` writes
# the app for a static host into $(DIST), to be served under $(PREFIX)
# (`make static PREFIX=` for the root of a host).

GO      ?= go
ADDR    ?= localhost:8000
WASM    := web/app.wasm
SERVER  := bin/pwa
GOFILES := $(shell find app cmd content -name '*.go') go.mod go.sum
CONTENT := $(wildcard content/*.json)
DIST    ?= dist
PREFIX  ?= /calf-and-sole

.PHONY: all build run static test check unit browser-tests bench chromium axe nginx icons clean

all: build

build: $(WASM) $(WASM).br $(SERVER)

$(WASM): $(GOFILES) $(CONTENT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./cmd/pwa

$(SERVER): $(GOFILES) $(CONTENT) app/server/app-worker.js
	$(GO) build -trimpath -o $@ ./cmd/pwa

# Brotli and gzip copies of app.wasm, served to browsers that take them.
$(WASM).br: $(WASM) $(SERVER)
	$(SERVER) -precompress -root .

run: build
	$(SERVER) -root . -addr $(ADDR)

# The whole app as static files, for any static host or CDN (README).
static: build
	rm -rf $(DIST)
	$(SERVER) -root . -static $(DIST) -prefix '$(PREFIX)'

# The browser tests take about ten minutes, more on a busy machine: past go
# test's default time limit for one package.
test: check build chromium axe nginx
	$(GO) test -count=1 -timeout 30m ./...

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

# axe-core, from npm, for the accessibility checks in the browser tests.
axe:
	@bash e2e/install-axe.sh

# The static-hosting browser tests serve the export with nginx: the same.
nginx:
	@bash e2e/install-nginx.sh

bench: build chromium
	$(GO) run ./e2e/bench

icons:
	bash web/icons/render.sh

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz $(DIST)
