# omni — common tasks. `make demo` and `make test` are the two commands of the README.

GO      ?= go
BIN     := bin/omni
# Packages that do not link DuckDB run under the race detector too.
PURE_GO := ./dsl/... ./builtins/... ./scorecard/... ./report/... ./review/...

.PHONY: build demo test vet race fuzz data bench clean

build:
	$(GO) build -o $(BIN) ./cmd/omni

## demo: run the bundled pharma example, print its scorecard, write it as JSON, Markdown and HTML
demo: build
	$(BIN) run examples/pharma --out out/pharma --format json,md,html

## test: static checks and every test
test: vet
	$(GO) test ./...
	$(GO) test -race $(PURE_GO)

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

## fuzz: run each fuzz target for a while (FUZZTIME=30s by default)
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./dsl/
	$(GO) test -run '^$$' -fuzz '^FuzzCompile$$' -fuzztime $(FUZZTIME) ./engine/formula/

## bench: time omni against hand-written DuckDB SQL (BENCH_ROWS touchpoints, default 1M)
BENCH_ROWS ?= 1000000
bench: build
	$(GO) run ./bench -rows $(BENCH_ROWS)

## data: regenerate the examples' data (deterministic)
data:
	$(GO) run ./examples/gen examples/pharma/data

clean:
	rm -rf bin out
