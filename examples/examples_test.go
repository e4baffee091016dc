// Package examples_test keeps the examples honest: each example with an
// expected/ folder is run, and what omni writes must be exactly what is
// checked in there. `make examples` regenerates the data and expected/.
package examples_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/omni-metrics/omni/cmd/omni/cli"
)

// run is the omni command line that wrote expected/, less the folders:
// the JSON scorecard for machines and diffs, Markdown to read on the forge,
// on one thread so that sums add in a fixed order (parallel sums may differ
// in the last bits, and so in the last written digit). Keep in step with
// the Makefile's examples target.
var run = []string{"--format", "json,md", "--threads", "1", "-q"}

func TestExamplesMatchTheirExpectedOutput(t *testing.T) {
	dirs, err := filepath.Glob("*/expected")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no example has an expected/ folder")
	}
	for _, expected := range dirs {
		example := filepath.Dir(expected)
		t.Run(example, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			var stderr bytes.Buffer
			if code := cli.Run(append([]string{"run", example, "--out", out}, run...), nil, io.Discard, &stderr); code != 0 {
				t.Fatalf("omni run %s: exit %d\n%s", example, code, stderr.String())
			}
			want, got := files(t, expected), files(t, out)
			for _, name := range union(want, got) {
				w, inExpected := want[name]
				g, written := got[name]
				switch {
				case !written:
					t.Errorf("%s is no longer written; run make examples and commit", filepath.Join(expected, name))
				case !inExpected:
					t.Errorf("omni run writes %s, which %s lacks; run make examples and commit", name, expected)
				}
				if diff := udiff.Unified(filepath.Join(expected, name), "omni run", w, g); inExpected && written && diff != "" {
					t.Errorf("%s drifted; if the change is meant, run make examples and commit:\n%s", filepath.Join(expected, name), diff)
				}
			}
		})
	}
}

// files reads every file of a folder, by name.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func union(a, b map[string]string) []string {
	var names []string
	for n := range a {
		names = append(names, n)
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}
