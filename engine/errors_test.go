package engine_test

// Definitions that load but do not compile against the sources: each
// testdata/<case>_errors/errors.hcl marks the line of each error with
// "# ERROR: <summary>", as the dsl's error fixtures do, and the test
// compares the marked errors with those reported, exactly.

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

func TestCompileErrorFixtures(t *testing.T) {
	for _, dir := range []string{"testdata/objective_errors", "testdata/attribution_errors", "testdata/loyalty_errors", "testdata/kpi_errors", "testdata/breakdown_errors", "testdata/history_errors", "testdata/cross_errors", "testdata/experiment_errors", "testdata/score_errors"} {
		t.Run(dir, func(t *testing.T) {
			want, got := markedCompileErrors(t, dir)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("compile errors (-marked +reported):\n%s", diff)
			}
		})
	}
}

// markedCompileErrors compiles the project of dir and returns the "line:
// summary" of the errors its errors.hcl marks and of those reported, sorted.
func markedCompileErrors(t *testing.T, dir string) (want, got []string) {
	t.Helper()
	src, err := os.ReadFile(dir + "/errors.hcl")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		for _, summary := range strings.Split(line, "# ERROR: ")[1:] {
			want = append(want, fmt.Sprintf("%d: %s", i+1, strings.TrimSpace(summary)))
		}
	}
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, diags = compileWithDiagnostics(t, p)
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			got = append(got, fmt.Sprintf("%d: %s", d.Subject.Start.Line, d.Summary))
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	return want, got
}
