package engine_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

// FuzzCompileProject compiles whole projects of traits and KPIs that refer
// to each other as the fuzzer's bytes say: chains, cycles of any length,
// self-references, many definitions. Property: Compile returns diagnostics
// or a plan, never panics, and a cycle is always an error.
func FuzzCompileProject(f *testing.F) {
	for _, seed := range [][]byte{
		{}, {0x11, 0x22}, {0x01, 0x01}, {0x80, 0x81, 0x02}, []byte("chain of references"),
		{0x10, 0x21, 0x32, 0x43, 0x54, 0x05}, {0xff, 0xfe, 0xfd, 0xfc},
	} {
		f.Add(seed)
	}
	base, diags := dsl.Load(map[string][]byte{"source.hcl": []byte(fuzzSource)})
	if diags.HasErrors() {
		f.Fatal(diags)
	}
	base.Dir = "testdata/tiny"
	s, diags := engine.Bind(context.Background(), base, engine.Options{Threads: 1, MemoryLimit: "256MB"})
	if diags.HasErrors() {
		f.Fatal(diags)
	}
	f.Cleanup(s.Close)
	f.Fuzz(func(t *testing.T, b []byte) {
		defs, cyclic := projectFrom(b)
		p, diags := dsl.Load(map[string][]byte{"source.hcl": []byte(fuzzSource), "defs.hcl": []byte(defs)})
		if diags.HasErrors() {
			return // a project dsl refuses is dsl's fuzz target's
		}
		p.Dir = base.Dir
		s.Project = p
		_, diags = engine.Compile(s)
		if cyclic && !diags.HasErrors() {
			t.Errorf("a cycle compiled without error:\n%s", defs)
		}
	})
}

const fuzzSource = `source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
`

// projectFrom writes up to 64 traits and KPIs, two bytes each: the first
// says the kind (trait or KPI) and the formula's shape, the second which
// definition it names, by index. Each names one at most: references are
// still copied into the formulas that use them, so a formula naming another
// twice doubles its SQL down a chain. cyclic says whether some definition
// reaches itself through the references.
func projectFrom(b []byte) (defs string, cyclic bool) {
	n := min(len(b)/2, 64)
	kinds := make([]string, n)
	refs := make([][]int, n)
	var out strings.Builder
	for i := range n {
		shape, ref := b[2*i], int(b[2*i+1])
		kinds[i] = "kpi"
		if shape&1 == 1 {
			kinds[i] = "trait"
		}
		a := ref % n
		formula := "count()"
		switch shape >> 1 % 3 {
		case 1:
			formula, refs[i] = fmt.Sprintf("d%d + 1", a), []int{a}
		case 2:
			formula, refs[i] = fmt.Sprintf("d%d * 2 + count()", a), []int{a}
		}
		fmt.Fprintf(&out, "%s \"d%d\" { formula = %q }\n", kinds[i], i, formula)
	}
	return out.String(), hasCycle(refs)
}

// hasCycle reports whether a graph given by adjacency lists has a cycle.
func hasCycle(refs [][]int) bool {
	state := make([]int, len(refs)) // 0 unseen, 1 on the path, 2 done
	var visit func(int) bool
	visit = func(i int) bool {
		state[i] = 1
		for _, j := range refs[i] {
			if state[j] == 1 || state[j] == 0 && visit(j) {
				return true
			}
		}
		state[i] = 2
		return false
	}
	for i := range refs {
		if state[i] == 0 && visit(i) {
			return true
		}
	}
	return false
}
