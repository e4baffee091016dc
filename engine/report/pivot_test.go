package report_test

// The forms of testdata/crossed.json, a cross of segment × channel whose
// ten channels split each pivot in two (7 columns of values, then 3), with keys that
// hold CrossSign and a pipe, a missing segment and pairs without a value;
// compared with the golden files beside it (go test ./report -update).

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestCrossedGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/crossed.json")
	if err != nil {
		t.Fatal(err)
	}
	var sc scorecard.Scorecard
	if err := json.Unmarshal(b, &sc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		golden string
		write  func(io.Writer, *scorecard.Scorecard) error
	}{
		{"crossed.md", report.WriteMarkdown},
		{"crossed.csv", report.WriteCSV},
		{"crossed.txt", scorecard.WriteText},
	} {
		t.Run(c.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.write(&b, &sc); err != nil {
				t.Fatal(err)
			}
			expectGolden(t, c.golden, b.Bytes())
		})
	}
	var html bytes.Buffer
	if err := report.WriteHTML(&html, &sc); err != nil {
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
