package report_test

// The Markdown and CSV forms of testdata/scorecard.json, compared with the
// golden files beside it; go test ./report -update rewrites them.

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// readScorecard reads testdata/scorecard.json.
func readScorecard(t *testing.T) *scorecard.Scorecard {
	t.Helper()
	b, err := os.ReadFile("testdata/scorecard.json")
	if err != nil {
		t.Fatal(err)
	}
	var sc scorecard.Scorecard
	if err := json.Unmarshal(b, &sc); err != nil {
		t.Fatal(err)
	}
	return &sc
}

func TestGolden(t *testing.T) {
	sc := readScorecard(t)
	for _, c := range []struct {
		golden string
		write  func(io.Writer, *scorecard.Scorecard) error
	}{
		{"scorecard.md", report.WriteMarkdown},
		{"scorecard.csv", report.WriteCSV},
		{"scorecard.objectives.csv", report.WriteObjectivesCSV},
		{"scorecard.attribution.csv", report.WriteAttributionCSV},
	} {
		t.Run(c.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.write(&b, sc); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", c.golden)
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("%s (-golden +written):\n%s", c.golden, diff)
			}
		})
	}
}

// TestMarkdownEscapes checks that no string of the scorecard turns into
// Markdown or HTML: a pipe would split a table cell.
func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteMarkdown(&b, readScorecard(t)); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, bad := range []string{"<script>", "<b>", "Conversion | rate"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown holds %q unescaped", bad)
		}
	}
	for _, good := range []string{`Conversion \| rate`, "&lt;b&gt;friends&lt;/b&gt;", "| `at risk` |", "| `not started` |"} {
		if !strings.Contains(md, good) {
			t.Errorf("the Markdown lacks %q", good)
		}
	}
}

func TestNoObjectives(t *testing.T) {
	sc := readScorecard(t)
	sc.Objectives, sc.Channels = nil, nil
	var md, csv, html bytes.Buffer
	if err := report.WriteMarkdown(&md, sc); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteObjectivesCSV(&csv, sc); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&html, sc); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "Objectives") || strings.Contains(html.String(), `id="objectives"`) {
		t.Error("a scorecard without objectives shows an objectives section")
	}
	if lines := strings.Count(csv.String(), "\n"); lines != 1 {
		t.Errorf("objectives CSV of no objective: %d lines, want the header alone", lines)
	}
	// Without channel metadata, channels are grouped as not declared.
	if !strings.Contains(html.String(), "Not declared") {
		t.Error("channels without metadata are not shown as not declared")
	}
}

// TestScorecardWithoutKPIs: a scorecard of attributions only (kpis = [])
// shows them with no empty table of KPIs before, in every form.
func TestScorecardWithoutKPIs(t *testing.T) {
	sc := readScorecard(t)
	sc.KPIs, sc.Values, sc.Objectives = nil, nil, nil
	forms := map[string]struct {
		write            func(io.Writer, *scorecard.Scorecard) error
		attribution, kpi string
	}{
		"text":     {scorecard.WriteText, "attribution by channel: conversions credited", "KPI "},
		"markdown": {report.WriteMarkdown, "### attribution by channel: conversions credited", "| KPI |"},
		"html":     {report.WriteHTML, "attribution by channel: conversions credited", "<th>KPI</th>"},
	}
	for name, f := range forms {
		var b bytes.Buffer
		if err := f.write(&b, sc); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), f.attribution) {
			t.Errorf("%s: no attribution table", name)
		}
		if strings.Contains(b.String(), f.kpi) {
			t.Errorf("%s: a table of KPIs, though the scorecard has none:\n%s", name, b.String())
		}
	}
}
