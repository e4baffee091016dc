package main

// A small run of the benchmark, in-process: 10,000 touchpoints and 1,000
// conversions generated, attributed by omni and by the hand-written SQL,
// and the two agree on every model and channel.

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/cmd/omni/cli"
)

func TestSmallBenchAgrees(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir, 10_000, 1_000); err != nil {
		t.Fatal(err)
	}
	project, out := filepath.Join(dir, "project"), filepath.Join(dir, "out")
	var stderr strings.Builder
	if code := cli.Run([]string{"run", project, "--out", out, "-q", "--threads", "2", "--memory-limit", "1GB"}, nil, io.Discard, &stderr); code != 0 {
		t.Fatalf("omni run: exit %d: %s", code, stderr.String())
	}
	hand := filepath.Join(dir, "handwritten.json")
	if err := writeHandwritten(filepath.Join(project, "touchpoints.parquet"), hand); err != nil {
		t.Fatal(err)
	}
	if err := compareFiles(filepath.Join(out, "bench.json"), hand); err != nil {
		t.Fatal(err)
	}
}
