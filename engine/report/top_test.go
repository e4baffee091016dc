package report_test

// The forms of testdata/top.json, the scorecard of engine/testdata/top
// (its stores ranked by revenue, top = 3, by hand in engine/top_test.go)
// with the store east renamed "east | <i>" to check the escaping; compared
// with the golden files beside it (go test ./report -update).

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestTopGolden(t *testing.T) {
	sc := readScorecardFile(t, "testdata/top.json")
	expectGoldenForms(t, sc, []goldenForm{
		{"top.md", report.WriteMarkdown},
		{"top.txt", scorecard.WriteText},
		{"top.top.csv", report.WriteTopCSV},
	})
	var html bytes.Buffer
	if err := report.WriteHTML(&html, sc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<th>share of revenue</th>",
		`<th scope="row">east | &lt;i&gt;</th>`,
		`<th scope="row">(2 others)</th><td></td><td></td><td>12.8%</td>`,
	} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("the HTML page lacks %q", want)
		}
	}
}
