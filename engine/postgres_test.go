package engine_test

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/pgtest"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// onPostgres are the options of a session whose queries run on the test
// server.
func onPostgres(t *testing.T, p *dsl.Project) engine.Options {
	opts := siblingsAllowed(p)
	opts.Engine, opts.DSN = dialect.Postgres, pgtest.DSN(t)
	return opts
}

// TestExamplesSameOnPostgres runs every example's scorecards on DuckDB and
// on PostgreSQL: each KPI value of each cell is the same, to 1e-9
// relative, and so is the set of cells.
func TestExamplesSameOnPostgres(t *testing.T) {
	for _, example := range []string{"pharma", "retail", "event-operation", "media-mix"} {
		t.Run(example, func(t *testing.T) {
			if testing.Short() && example == "pharma" {
				t.Skip("pharma's scorecards take a minute on PostgreSQL: without -short (CI) only")
			}
			p, diags := dsl.LoadDir("../examples/" + example)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			sameValues(t, cardValues(t, p, siblingsAllowed(p)), cardValues(t, p, onPostgres(t, p)))
		})
	}
}

// sameValues checks that two runs gave the same cells, each value the
// same to 1e-9 relative.
func sameValues(t *testing.T, onDuckDB, onServer map[string]scorecard.Number) {
	t.Helper()
	if len(onDuckDB) == 0 {
		t.Fatal("no value on DuckDB")
	}
	for k, want := range onDuckDB {
		got, ok := onServer[k]
		switch {
		case !ok:
			t.Errorf("%s: missing on postgres", k)
		case want.IsNull() != got.IsNull() || !want.IsNull() && !relativelyEqual(float64(got), float64(want)):
			t.Errorf("%s = %v on postgres, %v on duckdb", k, got, want)
		}
	}
	for k := range onServer {
		if _, ok := onDuckDB[k]; !ok {
			t.Errorf("%s: only on postgres", k)
		}
	}
}

func relativelyEqual(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// cardValues binds and runs every scorecard of a project on an engine, and
// indexes the KPI values by scorecard and cell.
func cardValues(t *testing.T, p *dsl.Project, opts engine.Options) map[string]scorecard.Number {
	t.Helper()
	c := compileOn(t, p, opts)
	out := map[string]scorecard.Number{}
	for _, plan := range c.Plans {
		sc, err := c.Run(context.Background(), plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range sc.Values {
			key := strings.Join([]string{sc.Name, v.Campaign, v.KPI, v.By, v.KeyText(), v.Period}, " | ")
			out[key] = v.Value
		}
	}
	return out
}
