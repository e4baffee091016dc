package main

// A small run of the benchmark, in-process: the generated project compiles
// and its ladder adds up — every period holds every customer, each
// transition's rows and columns are the counts of its two periods, the
// forecast keeps the population and the breakdown values share it.

import (
	"context"
	"math"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

func TestSmallBenchAddsUp(t *testing.T) {
	const customers = 2000
	dir := t.TempDir()
	if n, err := generate(dir, customers); err != nil || n < customers {
		t.Fatalf("generate: %d touchpoints, %v", n, err)
	}
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 2, MemoryLimit: "1GB"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	defer s.Close()
	c, diags := engine.Compile(s)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	l := sc.Loyalty[0]
	if len(l.Periods) != 8 || l.Periods[0].Period != "2024-Q1" || len(l.Forecast) != 2 || len(l.Backtest) != 6 {
		t.Fatalf("want 8 quarters from 2024-Q1, 2 forecast, 6 backtested; got %d, %d, %d", len(l.Periods), len(l.Forecast), len(l.Backtest))
	}
	for _, p := range append(l.Periods, l.Forecast...) {
		near(t, p.Period+" customers", float64(p.Counts.Total()), customers)
	}
	for i, tr := range l.Transitions {
		from, to := l.Periods[i].Counts, l.Periods[i+1].Counts
		for s := range l.Stages {
			var row, col float64
			for x := range l.Stages {
				row += float64(tr.Matrix[s][x])
				col += float64(tr.Matrix[x][s])
			}
			near(t, tr.From+" row "+l.Stages[s], row, float64(from[s].Value))
			near(t, tr.To+" column "+l.Stages[s], col, float64(to[s].Value))
		}
	}
	shares := make([]float64, len(l.Periods))
	for _, g := range l.Groups {
		for i, p := range g.Periods {
			shares[i] += float64(p.Counts.Total())
		}
	}
	for i, n := range shares {
		near(t, l.Periods[i].Period+" customers of the tiers", n, customers)
	}
	if l.Strongest == nil || len(l.Strongest.Groups) != 3 {
		t.Errorf("strongest: want the three tiers ranked, got %+v", l.Strongest)
	}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s: %v, want %v", what, got, want)
	}
}
