package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

// TestDefinitionsSameOnPostgres runs the scorecards of every example and
// of the test projects with such definitions on DuckDB and on PostgreSQL:
// the objectives, loyalty ladders, attributions and experiments of each
// scorecard are the same — every text alike, every number to 1e-9
// relative — and none is left out on either engine.
func TestDefinitionsSameOnPostgres(t *testing.T) {
	for _, dir := range []string{
		"../examples/event-operation", "../examples/media-mix", "../examples/pharma", "../examples/retail",
		"testdata/attribution", "testdata/attribution_paths", "testdata/attribution_rules", "testdata/attribution_ties",
		"testdata/attribution_top_paths", "testdata/attribution_many_keys", "testdata/attribution_long_paths", "testdata/experiment",
		"testdata/loyalty", "testdata/loyalty_tz", "testdata/objectives",
	} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if testing.Short() && dir == "../examples/pharma" {
				t.Skip("pharma's scorecards take a minute on PostgreSQL: without -short (CI) only")
			}
			onDuckDB, onServer := onBothEngines(t, dir, definitions)
			for name, want := range onDuckDB {
				for _, diff := range jsonDiff(name, want, onServer[name]) {
					t.Errorf("postgres differs from duckdb: %s", diff)
				}
			}
		})
	}
}

// TestCreditsSameOnPostgres writes the credits file of every attribution
// with a credit per conversion of the test projects on DuckDB and on
// PostgreSQL: the same bytes.
func TestCreditsSameOnPostgres(t *testing.T) {
	for _, dir := range []string{"testdata/attribution", "testdata/attribution_rules", "testdata/attribution_ties"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			onDuckDB, onServer := onBothEngines(t, dir, creditsFiles)
			if len(onDuckDB) == 0 {
				t.Fatal("no credits file")
			}
			for name, want := range onDuckDB {
				if got := onServer[name]; got != want {
					t.Errorf("%s on postgres:\n%s\non duckdb:\n%s", name, got, want)
				}
			}
		})
	}
}

// onBothEngines compiles the project of a folder on DuckDB and on
// PostgreSQL, and gives what run gives on each.
func onBothEngines[T any](t *testing.T, dir string, run func(*testing.T, *engine.Compiled) T) (onDuckDB, onServer T) {
	t.Helper()
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	results := make([]T, 2)
	for i, opts := range []engine.Options{siblingsAllowed(p), onPostgres(t, p)} {
		s, diags := engine.Bind(context.Background(), p, opts)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		c, diags := engine.Compile(s)
		if diags.HasErrors() {
			s.Close()
			t.Fatal(diags)
		}
		results[i] = run(t, c)
		s.Close()
	}
	return results[0], results[1]
}

// creditsFiles writes the credits files of a project, by scorecard and
// attribution.
func creditsFiles(t *testing.T, c *engine.Compiled) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, plan := range c.Plans {
		if plan.Attribution == nil {
			continue
		}
		for _, a := range plan.Attribution.Attributions {
			if !a.PerConversion() {
				continue
			}
			var b strings.Builder
			if err := c.WriteCredits(context.Background(), plan, a, &b); err != nil {
				t.Fatal(err)
			}
			out[plan.Name+"."+a.Def.Name] = b.String()
		}
	}
	return out
}

// definitions runs every scorecard of a project and gives, per scorecard
// and kind, its definitions' results as decoded JSON.
func definitions(t *testing.T, c *engine.Compiled) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, plan := range c.Plans {
		sc, err := c.Run(context.Background(), plan)
		if err != nil {
			t.Fatal(err)
		}
		for kind, v := range map[string]any{"objectives": sc.Objectives, "loyalty": sc.Loyalty, "attribution": sc.Attribution, "experiments": sc.Experiments} {
			out[sc.Name+" "+kind] = decoded(t, v)
		}
	}
	return out
}

// decoded is a value as JSON decodes it: nil when empty.
func decoded(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonDiff lists where two decoded JSON values differ, numbers to 1e-9
// relative.
func jsonDiff(at string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %v, want an object", at, got)}
		}
		var diffs []string
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: missing", at, k))
				continue
			}
			diffs = append(diffs, jsonDiff(at+"."+k, wv, gv)...)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: only on postgres", at, k))
			}
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: %d items on duckdb, %v on postgres", at, len(w), got)}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, jsonDiff(fmt.Sprintf("%s[%d]", at, i), w[i], g[i])...)
		}
		return diffs
	case float64:
		if g, ok := got.(float64); ok && relativelyEqual(g, w) {
			return nil
		}
	default:
		if got == want {
			return nil
		}
	}
	return []string{fmt.Sprintf("%s = %v, want %v", at, got, want)}
}

// TestJSONDiff: the comparison above finds what differs.
func TestJSONDiff(t *testing.T) {
	want := decodedText(t, `{"a": [1, 2.5, "x"], "b": {"c": null, "d": true}}`)
	if diffs := jsonDiff("v", want, decodedText(t, `{"a": [1.0000000000001, 2.5, "x"], "b": {"c": null, "d": true}}`)); diffs != nil {
		t.Errorf("equal to 1e-9 relative: %q", diffs)
	}
	got := decodedText(t, `{"a": [1.001, 2.5], "b": {"c": 0, "e": true}}`)
	wantDiffs := map[string]bool{
		"v.a: 3 items on duckdb, [1.001 2.5] on postgres": true,
		"v.b.c = 0, want <nil>":                           true, "v.b.d: missing": true, "v.b.e: only on postgres": true,
	}
	diffs := jsonDiff("v", want, got)
	for _, d := range diffs {
		if !wantDiffs[d] {
			t.Errorf("unexpected difference %q", d)
		}
		delete(wantDiffs, d)
	}
	for d := range wantDiffs {
		t.Errorf("difference %q not found", d)
	}
}

func decodedText(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	return v
}
