package engine_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// chain compiles a project of n KPIs over three touchpoints (A's two, B's
// one): k0 is first, each next KPI adds the one before to itself.
func chain(t *testing.T, n int, first string) *engine.Compiled {
	t.Helper()
	var defs strings.Builder
	fmt.Fprintf(&defs, "kpi \"k0\" { formula = %q }\n", first)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&defs, "kpi \"k%d\" { formula = \"k%d + k%[2]d\" }\n", i, i-1)
	}
	return chainProject(t, defs.String())
}

// traitChain compiles a project of n traits likewise, t0 counting a
// customer's touchpoints, and the KPI total that sums the last trait over
// the customers.
func traitChain(t *testing.T, n int) *engine.Compiled {
	t.Helper()
	var defs strings.Builder
	defs.WriteString("trait \"t0\" { formula = \"count()\" }\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&defs, "trait \"t%d\" { formula = \"t%d + t%[2]d\" }\n", i, i-1)
	}
	fmt.Fprintf(&defs, "kpi \"total\" { formula = \"sum(t%d)\" }\n", n-1)
	return chainProject(t, defs.String())
}

func chainProject(t *testing.T, defs string) *engine.Compiled {
	t.Helper()
	return compileDir(t, writeProject(t, map[string]string{
		"omni.hcl": "source \"touchpoints\" {\n  path     = \"tp.csv\"\n  customer = \"id\"\n  time     = \"ts\"\n}\n" + defs,
		"tp.csv":   "id,ts\nA,2026-01-05\nB,2026-01-06\nA,2026-02-01\n",
	}))
}

// linearly fails the test unless the SQL of the n-th definition of a chain
// adds about as much as the 11th, for n = 21 (where SQL that doubles with
// each definition is still small) and 41.
func linearly(t *testing.T, chain func(n int) *engine.Compiled) {
	t.Helper()
	length := func(n int) int { return len(chain(n).Plans[0].SQL) }
	step := length(11) - length(10)
	for _, n := range []int{21, 41} {
		if more := length(n) - length(n-1); more > step+20 {
			t.Fatalf("definition %d adds %d characters of SQL, definition 11 %d: the SQL does not grow linearly", n, more, step)
		}
	}
}

func run(t *testing.T, c *engine.Compiled) map[cell]scorecard.Number {
	t.Helper()
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	return cellValues(sc)
}

// A KPI names another by the column of its value, computed once: the SQL
// of a chain of KPIs, each the one before added to itself, grows by about
// the same length with each KPI (it doubled before), and the last of 41
// KPIs is 2^40 times the first, which counts the 3 touchpoints.
func TestKPIChainCompilesLinearly(t *testing.T) {
	linearly(t, func(n int) *engine.Compiled { return chain(t, n, "count()") })
	expectCells(t, run(t, chain(t, 41, "count()")), map[cell]float64{
		{"", "k0", "", "", ""}:         3,
		{"", "k1", "", "", ""}:         6,
		{"", "k40", "", "", ""}:        3 * math.Pow(2, 40), // 3 298 534 883 328
		{"", "k40", "", "", "2026-Q1"}: 3 * math.Pow(2, 40),
	})
}

// A trait names another by the column of its value likewise, computed in a
// step after the customer's aggregates: A's t40 is 2 × 2^40, B's 2^40.
func TestTraitChainCompilesLinearly(t *testing.T) {
	linearly(t, func(n int) *engine.Compiled { return traitChain(t, n) })
	expectCells(t, run(t, traitChain(t, 41)), map[cell]float64{
		{"", "total", "", "", ""}:        3 * math.Pow(2, 40),
		{"", "total", "", "", "2026-Q1"}: 3 * math.Pow(2, 40),
	})
}

// The normal form of a KPI writes the KPIs it names in full while that
// stays short, and their fingerprints past it: the last KPI of a long chain
// still changes with the first, and not with the names of the chain.
func TestLongChainMeaningFollowsItsStart(t *testing.T) {
	c := chain(t, 41, "count()")
	if m := meaning(t, c, "kpi.k2"); !strings.Contains(m, "value = ($1 + $1) + ($1 + $1)") {
		t.Errorf("k2's normal form does not write k1 and k0 in full:\n%s", m)
	}
	last := meaning(t, c, "kpi.k40")
	if !strings.Contains(last, "value = kpi('") || len(last) > 1000 {
		t.Errorf("k40's normal form does not name k39 by its fingerprint:\n%.2000s", last)
	}
	if other := meaning(t, chain(t, 41, "count() + 1"), "kpi.k40"); other == last {
		t.Error("k40's normal form does not change with k0's formula")
	}
	traits := traitChain(t, 41)
	if m := meaning(t, traits, "trait.t2"); !strings.Contains(m, "value = ((count(*)) + (count(*))) + ((count(*)) + (count(*)))") {
		t.Errorf("t2's normal form does not write t1 and t0 in full:\n%s", m)
	}
	if m := meaning(t, traits, "trait.t40"); !strings.Contains(m, "value = trait('") || len(m) > 1000 {
		t.Errorf("t40's normal form does not name t39 by its fingerprint:\n%.2000s", m)
	}
}

// A ladder still writes out the traits it names: a doubling chain of 41
// traits named by a stage's rule is a diagnostic at the trait whose SQL
// passes the limit, reached in a fraction of a second, not gigabytes of SQL.
func TestTraitChainInALadderIsBounded(t *testing.T) {
	var defs strings.Builder
	defs.WriteString("trait \"t0\" { formula = \"count()\" }\n")
	for i := 1; i < 41; i++ {
		fmt.Fprintf(&defs, "trait \"t%d\" { formula = \"t%d + t%[2]d\" }\n", i, i-1)
	}
	defs.WriteString("loyalty \"ladder\" {\n  stage \"new\" {}\n  stage \"busy\" { when = \"t40 > 2\" }\n}\n")
	dir := writeProject(t, map[string]string{
		"omni.hcl": "source \"touchpoints\" {\n  path     = \"tp.csv\"\n  customer = \"id\"\n  time     = \"ts\"\n}\n" + defs.String(),
		"tp.csv":   "id,ts\nA,2026-01-05\n",
	})
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, all := compileWithDiagnostics(t, p)
	diags = nil
	for _, d := range all {
		if d.Severity == hcl.DiagError {
			diags = append(diags, d)
		}
	}
	if len(diags) != 1 || diags[0].Summary != "Trait too large for a ladder" || !strings.Contains(diags[0].Detail, `reads trait "t`) {
		for _, d := range diags {
			t.Log(d.Summary, ": ", d.Detail)
		}
		t.Fatalf("want one diagnostic of a trait too large for the ladder, got %d", len(diags))
	}
	if line := diags[0].Subject.Start.Line; line < 6+14 || line > 6+18 {
		t.Errorf("the diagnostic is at line %d: want the trait whose SQL passes 1 MiB (t14 to t18)", line)
	}
}
