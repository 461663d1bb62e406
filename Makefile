# Calf & Sole. `make run` builds and serves the app; `make test` runs every
# test; `make bench` prints the performance figures.

GO      ?= go
ADDR    ?= localhost:8000
WASM    := web/app.wasm
SERVER  := bin/pwa
GOFILES := $(shell find app cmd content -name '*.go') go.mod go.sum
CONTENT := $(wildcard content/*.json)

.PHONY: all build run test check unit browser-tests bench chromium axe icons clean

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

test: check build chromium axe
	$(GO) test -count=1 ./...

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

bench: build chromium
	$(GO) run ./e2e/bench

icons:
	bash web/icons/render.sh

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz
