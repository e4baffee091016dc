package engine_test

// Data files nobody cleaned: each gets an error that names the file, the
// line when there is one, and the reason, when the source is bound (at
// validate), at the source's path.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

func TestMessyFiles(t *testing.T) {
	parquet, err := os.ReadFile("../examples/pharma/data/assets.parquet")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		path  string            // the source's path
		files map[string]string // the data files
		want  string            // severity, summary and detail of each diagnostic, one a line
	}{{
		name:  "empty file",
		path:  "tp.csv",
		files: map[string]string{"tp.csv": ""},
		want:  "error: Empty data file: $DIR/tp.csv, a file of source touchpoints, is empty: export the data again, or make the path match only files that hold data.",
	}, {
		name:  "header only",
		path:  "tp.csv",
		files: map[string]string{"tp.csv": "id,ts\n"},
		want:  "warning: Source without rows: The files of source touchpoints ($DIR/tp.csv) hold no row, only column names: its values are empty, and the columns of a CSV file are read as text.",
	}, {
		name:  "bytes that are not UTF-8",
		path:  "tp.csv",
		files: map[string]string{"tp.csv": "id,ts\nA,2026-01-05\nB\xff\xfe,2026-01-06\n"},
		want:  "error: Cannot read source touchpoints: $DIR/tp.csv:3: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.",
	}, {
		name:  "over-long field",
		path:  "tp.csv",
		files: map[string]string{"tp.csv": "id,ts\nA,2026-01-05\nB,2026-01-06\n" + strings.Repeat("C", 2_100_000) + ",2026-01-07\n"},
		want:  "error: Cannot read source touchpoints: $DIR/tp.csv:4: the line is longer than 2000000 bytes, the most a CSV line may have.",
	}, {
		name:  "glob of files with different columns",
		path:  "tp-*.csv",
		files: map[string]string{"tp-1.csv": "id,ts,x\nA,2026-01-05,1\n", "tp-2.csv": "id,ts,y\nB,2026-01-06,2\n"},
		want:  "error: Cannot read source touchpoints: The files of one source must have the same columns: $DIR/tp-1.csv has id, ts, x; $DIR/tp-2.csv has id, ts, y.",
	}, {
		name:  "corrupt Parquet file",
		path:  "tp.parquet",
		files: map[string]string{"tp.parquet": string(parquet[:len(parquet)/2]) + "PAR1"},
		want:  "error: Cannot read source touchpoints: Invalid Input Error: Footer length error in file '$DIR/tp.parquet'",
	}, {
		name:  "Parquet file too small to be one",
		path:  "tp.parquet",
		files: map[string]string{"tp.parquet": "PAR1"},
		want:  "error: Cannot read source touchpoints: Invalid Input Error: File '$DIR/tp.parquet' too small to be a Parquet file",
	}} {
		t.Run(c.name, func(t *testing.T) {
			dir := realDir(t, writeProject(t, c.files))
			p, diags := dsl.Load(map[string][]byte{filepath.Join(dir, "omni.hcl"): []byte(`source "touchpoints" {
  path     = "` + c.path + `"
  customer = "id"
  time     = "ts"
}
`)})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			p.Dir = dir
			s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1})
			if s != nil {
				s.Close()
			}
			var got []string
			for _, d := range diags {
				severity := map[hcl.DiagnosticSeverity]string{hcl.DiagError: "error", hcl.DiagWarning: "warning"}[d.Severity]
				got = append(got, severity+": "+d.Summary+": "+strings.ReplaceAll(d.Detail, dir, "$DIR"))
				if d.Subject == nil || d.Subject.Start.Line != 2 {
					t.Errorf("%s: want it at the path (line 2), got %v", d.Summary, d.Subject)
				}
			}
			if g := strings.Join(got, "\n"); g != c.want {
				t.Errorf("\n got %s\nwant %s", g, c.want)
			}
		})
	}
}
