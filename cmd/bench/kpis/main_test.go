package main

// A small run of the benchmark, in-process: the project it writes compiles,
// and the check it applies to omni's scorecards passes on a right one and
// fails on a wrong one.

import (
	"context"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

func TestSmallBenchChecksItsTotals(t *testing.T) {
	const kpis = 90 // past the largest revenue: the last KPIs are null
	dir := t.TempDir()
	if err := writeProject(dir, kpis); err != nil {
		t.Fatal(err)
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
	want, err := wantTotals(kpis)
	if err != nil {
		t.Fatal(err)
	}
	if want["k0"] != 231 || want["k10"] != 205 || !want["k80"].IsNull() {
		t.Errorf("totals k0 %v, k10 %v, k80 %v; want 231 (every revenue), 205 (those above 10), null", want["k0"], want["k10"], want["k80"])
	}
	if err := checkTotals(sc, want); err != nil {
		t.Error(err)
	}
	want["k10"]++
	if err := checkTotals(sc, want); err == nil {
		t.Error("checkTotals passes a wrong total")
	}
}

func TestParseSizes(t *testing.T) {
	if got, err := parseSizes("100, 200,2000"); err != nil || len(got) != 3 || got[2] != 2000 {
		t.Errorf("parseSizes: %v, %v", got, err)
	}
	for _, bad := range []string{"", "100,100", "200,100", "0", "ten"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) accepts it", bad)
		}
	}
}
