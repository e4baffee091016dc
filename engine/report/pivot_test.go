package report_test

// The forms of testdata/crossed.json, a cross of segment × channel whose
// ten channels split each pivot in two (7 columns of values, then 3), with keys that
// hold CrossSign and a pipe, a missing segment and pairs without a value;
// compared with the golden files beside it (go test ./report -update).

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestCrossedGolden(t *testing.T) {
	sc := readScorecardFile(t, "testdata/crossed.json")
	expectGoldenForms(t, sc, []goldenForm{
		{"crossed.md", report.WriteMarkdown},
		{"crossed.csv", report.WriteCSV},
		{"crossed.txt", scorecard.WriteText},
	})
	var html bytes.Buffer
	if err := report.WriteHTML(&html, sc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<caption>Conversion by segment × channel (channel 1–7 of 10)</caption>\n<thead><tr><th>segment \\ channel</th><th>a|b</th>",
		"<caption>Conversion by segment × channel (channel 8–10 of 10)</caption>\n<thead><tr><th>segment \\ channel</th><th>c07</th>",
		`<th scope="row">new × old</th>`,
	} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("the HTML page lacks %q", want)
		}
	}
}

// The retention triangles of testdata/cohorts.json (the scorecard of
// engine/testdata/cohorts) are heat maps of each cohort's share: 2026-01
// 100%, 50%, 50%, 50%; 2026-02 100%, 50%; the corner without values
// undrawn. Their Markdown form holds the same shares, as a table.
func TestCohortTriangleForms(t *testing.T) {
	sc := readScorecardFile(t, "testdata/cohorts.json")
	var page, md bytes.Buffer
	if err := report.WriteHTML(&page, sc); err != nil {
		t.Fatal(err)
	}
	_, heat, ok := strings.Cut(page.String(), `aria-label="buyers by cohort.first_order × cohort.first_order.offset: share of each cohort&#39;s size, per period since"`)
	heat, _, _ = strings.Cut(heat, "</svg>")
	if !ok {
		t.Fatal("no heat map of buyers' triangle")
	}
	var cells []string
	for _, part := range strings.Split(heat, "<title>cohort ")[1:] {
		title, _, _ := strings.Cut(part, "</title>")
		if strings.Contains(title, "offset ") {
			cells = append(cells, title)
		}
	}
	want := []string{"2026-01, offset 0: 100%", "2026-01, offset 1: 50%", "2026-01, offset 2: 50%", "2026-01, offset 3: 50%",
		"2026-02, offset 0: 100%", "2026-02, offset 1: 50%"}
	if strings.Join(cells, "\n") != strings.Join(want, "\n") {
		t.Errorf("heat map cells:\n%s\nwant\n%s", strings.Join(cells, "\n"), strings.Join(want, "\n"))
	}
	if err := report.WriteMarkdown(&md, sc); err != nil {
		t.Fatal(err)
	}
	if want := "| 2026-01 |  | 100.0% | 50.0% | 50.0% | 50.0% |\n| 2026-02 |  | 100.0% | 50.0% |  |  |"; !strings.Contains(md.String(), want) {
		t.Errorf("the Markdown lacks the shares\n%s", want)
	}
}
