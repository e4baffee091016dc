package engine_test

// Objectives that load but cannot be measured on the sources, or ask a rate
// for what it cannot be: testdata/objective_errors marks each error's line
// with "# ERROR: <summary>", as the dsl's error fixtures do.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

func TestObjectiveCompileErrors(t *testing.T) {
	const dir, file = "testdata/objective_errors", "testdata/objective_errors/errors.hcl"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	sc := bufio.NewScanner(bytes.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		for _, summary := range strings.Split(sc.Text(), "# ERROR: ")[1:] {
			want = append(want, fmt.Sprintf("%d: %s", line, strings.TrimSpace(summary)))
		}
	}
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 2, MemoryLimit: "1GB"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	t.Cleanup(s.Close)
	_, diags = engine.Compile(s)
	var got []string
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			got = append(got, fmt.Sprintf("%d: %s", d.Subject.Start.Line, d.Summary))
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("compile errors (-marked +reported):\n%s\nall: %v", diff, diags)
	}
}
