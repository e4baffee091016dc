package engine_test

import (
	"context"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/scorecard"
)

// compileProject binds a loaded project to its data and compiles it; the
// session closes when the test ends.
func compileProject(t *testing.T, p *dsl.Project) *engine.Compiled {
	t.Helper()
	s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 2, MemoryLimit: "1GB"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	t.Cleanup(s.Close)
	c, diags := engine.Compile(s)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c
}

// compileDir loads, binds and compiles a project folder.
func compileDir(t *testing.T, dir string) *engine.Compiled {
	t.Helper()
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return compileProject(t, p)
}

// runProject loads, binds, compiles and runs every scorecard of a folder.
func runProject(t *testing.T, dir string) []*scorecard.Scorecard {
	t.Helper()
	c := compileDir(t, dir)
	var cards []*scorecard.Scorecard
	for _, plan := range c.Plans {
		sc, err := c.Run(context.Background(), plan)
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, sc)
	}
	return cards
}
