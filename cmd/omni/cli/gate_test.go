package cli_test

// The exit codes of omni run --fail-on, which testscript cannot tell apart:
// 5 when an objective misses, 0 when none does, 64 for a bad threshold.
// The project is that of testdata/script/objectives.txtar.

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/omni-metrics/omni/cmd/omni/cli"
)

func TestFailOnExitCodes(t *testing.T) {
	archive, err := txtar.ParseFile("testdata/script/objectives.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range archive.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"--fail-on", "off_track"}, 5}, // store_buyers is off track
		{[]string{"--fail-on", "at_risk"}, 5},
		{nil, 0},
		{[]string{"--fail-on", "missed"}, 64},
	} {
		args := append([]string{"run", "-q", "--out", out, dir}, c.args...)
		if got := cli.Run(args, nil, io.Discard, io.Discard); got != c.want {
			t.Errorf("omni %v: exit %d, want %d", args, got, c.want)
		}
	}
	// A scorecard that lists only the objective at risk passes off_track.
	hcl := filepath.Join(dir, "omni.hcl")
	src, err := os.ReadFile(hcl)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`scorecard "shop" { by = ["channel"] }`),
		[]byte(`scorecard "shop" {
  by         = ["channel"]
  objectives = [objective.web_buyers]
}`), 1)
	if err := os.WriteFile(hcl, src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		threshold string
		want      int
	}{{"off_track", 0}, {"at_risk", 5}} {
		if got := cli.Run([]string{"run", "-q", "--out", out, "--fail-on", c.threshold, dir}, nil, io.Discard, io.Discard); got != c.want {
			t.Errorf("only web_buyers, --fail-on %s: exit %d, want %d", c.threshold, got, c.want)
		}
	}
}
