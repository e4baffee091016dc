package engine_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine"
)

// chain compiles a project of n KPIs over three touchpoints: k0 counts them,
// each next KPI adds the one before to itself. first is k0's formula.
func chain(t *testing.T, n int, first string) *engine.Compiled {
	t.Helper()
	var defs strings.Builder
	fmt.Fprintf(&defs, "source \"touchpoints\" {\n  path     = \"tp.csv\"\n  customer = \"id\"\n  time     = \"ts\"\n}\nkpi \"k0\" { formula = %q }\n", first)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&defs, "kpi \"k%d\" { formula = \"k%d + k%[2]d\" }\n", i, i-1)
	}
	return compileDir(t, writeProject(t, map[string]string{
		"omni.hcl": defs.String(),
		"tp.csv":   "id,ts\nA,2026-01-05\nB,2026-01-06\nA,2026-02-01\n",
	}))
}

// A KPI names another by the column of its value, computed once: the SQL
// of a chain of KPIs, each the one before added to itself, grows by about
// the same length with each KPI (it doubled before), and the last of 41
// KPIs is 2^40 times the first, which counts the 3 touchpoints.
func TestKPIChainCompilesLinearly(t *testing.T) {
	length := func(n int) int { return len(chain(t, n, "count()").Plans[0].SQL) }
	step := length(11) - length(10)
	for _, n := range []int{21, 41} { // 21 first: SQL that doubles is still small there
		if more := length(n) - length(n-1); more > step+20 {
			t.Fatalf("KPI %d adds %d characters of SQL, KPI 11 %d: the SQL does not grow linearly", n, more, step)
		}
	}
	c := chain(t, 41, "count()")
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	got := cellValues(sc)
	expectCells(t, got, map[cell]float64{
		{"", "k0", "", "", ""}:         3,
		{"", "k1", "", "", ""}:         6,
		{"", "k40", "", "", ""}:        3 * math.Pow(2, 40), // 3 298 534 883 328
		{"", "k40", "", "", "2026-Q1"}: 3 * math.Pow(2, 40),
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
}
