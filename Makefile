# omni — common tasks. `make demo` and `make test` are the two commands of the README.

GO      ?= go
BIN     := bin/omni
# Packages that do not link DuckDB run under the race detector too (engine/layout_test.go keeps them so).
PURE_GO := ./dsl/... ./builtins/... ./engine/escape/... ./engine/scorecard/... ./engine/report/... ./engine/review/... ./engine/attribution/... ./engine/loyalty/... ./engine/objective/... ./engine/period/... ./engine/experiment/... ./cmd/omni/outdir/...

.PHONY: build demo test vet race fuzz data examples bench bench-postgres bench-kpis bench-loyalty bench-attribution clean

build:
	$(GO) build -o $(BIN) ./cmd/omni

## demo: run the bundled pharma example, print its scorecard, write it as JSON, Markdown and HTML into
## examples/pharma/out, where `bin/omni plan examples/pharma` finds its state
demo: build
	$(BIN) run examples/pharma --format json,md,html

## test: static checks and every test; outside CI (CI unset) the heaviest end-to-end cases are
## left to CI (-short), so that a run on 2 cores stays within a few minutes
SHORT := $(if $(CI),,-short)
test: vet
	$(GO) test $(SHORT) ./...
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
	$(GO) test -run '^$$' -fuzz '^FuzzText$$' -fuzztime $(FUZZTIME) ./engine/scorecard/
	$(GO) test -run '^$$' -fuzz '^FuzzMarkdownAndHTML$$' -fuzztime $(FUZZTIME) ./engine/report/
	$(GO) test -run '^$$' -fuzz '^FuzzReadScorecards$$' -fuzztime $(FUZZTIME) ./engine/review/
	$(GO) test -run '^$$' -fuzz '^FuzzReadState$$' -fuzztime $(FUZZTIME) ./engine/review/
	$(GO) test -run '^$$' -fuzz '^FuzzCompileProject$$' -fuzztime $(FUZZTIME) ./engine/
	$(GO) test -run '^$$' -fuzz '^FuzzBindSource$$' -fuzztime $(FUZZTIME) ./engine/
	$(GO) test -run '^$$' -fuzz '^FuzzBindCSV$$' -fuzztime $(FUZZTIME) ./engine/

## bench: time omni against hand-written DuckDB SQL (BENCH_ROWS touchpoints, default 1M), then on PostgreSQL
BENCH_ROWS ?= 1000000
bench: build bench-loyalty bench-attribution bench-postgres
	$(GO) run ./cmd/bench/kpi -rows $(BENCH_ROWS)

## bench-postgres: the same touchpoints loaded into tables of a throwaway PostgreSQL server (its binaries
## installed), omni with table sources against one hand-written PostgreSQL query: wall time, server memory
bench-postgres: build
	$(GO) run ./cmd/bench/kpi -rows $(BENCH_ROWS) -engine postgres

## bench-kpis: omni run on 9 touchpoints with BENCH_KPIS conditional KPIs each (default 100 to 2,000):
## wall time, CPU time, peak memory and the CPU time per added KPI, so that cost growing faster than
## the definitions shows
BENCH_KPIS ?= 100,200,500,1000,2000
bench-kpis: build
	$(GO) run ./cmd/bench/kpis -sizes $(BENCH_KPIS)

## bench-loyalty: a loyalty ladder over BENCH_CUSTOMERS customers × 8 quarters (default 1M): wall time, peak memory
BENCH_CUSTOMERS ?= 1000000
bench-loyalty: build
	$(GO) run ./cmd/bench/loyalty -customers $(BENCH_CUSTOMERS)

## bench-attribution: five heuristics and a Markov chain over BENCH_TOUCHES touchpoints (default 10M) and
## BENCH_CONVERSIONS conversions (1M), omni against the same attribution hand-written in DuckDB SQL
BENCH_TOUCHES ?= 10000000
BENCH_CONVERSIONS ?= 1000000
bench-attribution:
	$(GO) run ./cmd/bench/attribution -touches $(BENCH_TOUCHES) -conversions $(BENCH_CONVERSIONS)

EXAMPLES := $(patsubst %/data/generate.sql,%,$(wildcard examples/*/data/generate.sql))

## data: regenerate the examples' data (deterministic)
data:
	for e in $(EXAMPLES); do $(GO) run ./examples/gen $$e/data || exit 1; done

## examples: regenerate the examples' data and their expected scorecards (examples/*/expected,
## which a test compares with what omni writes; one thread, so that sums add in a fixed order)
examples: build data
	for e in $(EXAMPLES); do rm -rf $$e/expected && $(BIN) run $$e --out $$e/expected --format json,md --threads 1 -q || exit 1; done

clean:
	rm -rf bin out examples/*/out examples/*/.out.lock
