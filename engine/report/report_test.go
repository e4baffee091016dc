package report_test

// The Markdown and CSV forms of testdata/scorecard.json, compared with the
// golden files beside it; go test ./report -update rewrites them.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/escape/escapetest"
	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// expectGolden compares a written form with its golden file in testdata,
// which -update rewrites first.
func expectGolden(t *testing.T, golden string, written []byte) {
	t.Helper()
	path := filepath.Join("testdata", golden)
	if *update {
		if err := os.WriteFile(path, written, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(written)); diff != "" {
		t.Errorf("%s (-golden +written):\n%s", golden, diff)
	}
}

// readScorecard reads testdata/scorecard.json.
func readScorecard(t *testing.T) *scorecard.Scorecard {
	t.Helper()
	return readScorecardFile(t, "testdata/scorecard.json")
}

func readScorecardFile(t *testing.T, name string) *scorecard.Scorecard {
	t.Helper()
	b, err := os.ReadFile(name)
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
	expectGoldenForms(t, readScorecard(t), []goldenForm{
		{"scorecard.md", report.WriteMarkdown},
		{"scorecard.csv", report.WriteCSV},
		{"scorecard.objectives.csv", report.WriteObjectivesCSV},
		{"scorecard.attribution.csv", report.WriteAttributionCSV},
	})
}

// goldenForm is a form of a scorecard compared with its golden file.
type goldenForm struct {
	golden string
	write  func(io.Writer, *scorecard.Scorecard) error
}

// expectGoldenForms writes each form of the scorecard and compares it with
// its golden file.
func expectGoldenForms(t *testing.T, sc *scorecard.Scorecard, forms []goldenForm) {
	t.Helper()
	for _, f := range forms {
		t.Run(f.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b, sc); err != nil {
				t.Fatal(err)
			}
			expectGolden(t, f.golden, b.Bytes())
		})
	}
}

// TestMarkdownEscapes checks that no string of the scorecard turns into
// Markdown or HTML (a pipe would split a table cell), that statuses show
// with a symbol, and that no table has more than 8 columns.
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
	for _, good := range []string{`Conversion \| rate`, "&lt;b&gt;friends&lt;/b&gt;", "| ⚠️ at risk |", "| ⏳ not started |"} {
		if !strings.Contains(md, good) {
			t.Errorf("the Markdown lacks %q", good)
		}
	}
	if err := escapetest.Markdown(md); err != nil {
		t.Error(err)
	}
	checkColumns(t, md)
}

// checkColumns fails on a Markdown table of more than 8 columns.
func checkColumns(t *testing.T, md string) {
	t.Helper()
	for n, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| ---") {
			if columns := strings.Count(line, "|") - 1; columns > 8 {
				t.Errorf("line %d: a table of %d columns: %q", n+1, columns, line)
			}
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

// TestMarkdownSplitsWideTables writes a breakdown by channel of 10 KPIs,
// 11 columns, as two tables of the channel and 7 KPIs, then the channel and
// the last 3.
func TestMarkdownSplitsWideTables(t *testing.T) {
	sc := &scorecard.Scorecard{Project: "p", Name: "wide", Grain: "quarter", Scopes: []scorecard.Scope{{}}}
	web := "web"
	for i := range 10 {
		name := fmt.Sprintf("k%d", i)
		sc.KPIs = append(sc.KPIs, scorecard.KPI{Name: name, Format: "integer", By: []string{"channel"}})
		sc.Values = append(sc.Values, scorecard.Value{KPI: name, By: "channel", Key: &web, Value: scorecard.Number(i)})
	}
	var b bytes.Buffer
	if err := report.WriteMarkdown(&b, sc); err != nil {
		t.Fatal(err)
	}
	want := `| channel | k0 | k1 | k2 | k3 | k4 | k5 | k6 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| web | 0 | 1 | 2 | 3 | 4 | 5 | 6 |

| channel | k7 | k8 | k9 |
| --- | ---: | ---: | ---: |
| web | 7 | 8 | 9 |
`
	if !strings.Contains(b.String(), want) {
		t.Errorf("the wide table is not split as expected:\n%s", b.String())
	}
	checkColumns(t, b.String())
}
