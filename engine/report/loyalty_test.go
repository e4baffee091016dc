package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// A scorecard's ladders are rendered in Markdown and HTML as the terminal
// lays them out: the stage table with the forecast starred and the stages'
// labels escaped, the value of the forecast, the latest transition, the
// notes.
func TestLadders(t *testing.T) {
	counts := func(a, b float64) scorecard.Distribution {
		return scorecard.Distribution{Counts: scorecard.StageValues{{Stage: "visitor", Value: scorecard.Number(a)}, {Stage: "buyer", Value: scorecard.Number(b)}}}
	}
	sc := &scorecard.Scorecard{Name: "s", Project: "p", Grain: "month", Scopes: []scorecard.Scope{{}}, Values: []scorecard.Value{},
		Loyalty: []scorecard.Loyalty{{Name: "members", Label: "<Members>", Period: "month", Stages: []string{"visitor", "buyer"},
			StageLabels: map[string]string{"buyer": "<Buyer> | *b*"}, Discount: new(scorecard.Number(0.1)),
			LadderSeries: scorecard.LadderSeries{
				Value:    &scorecard.LadderValue{Stages: counts(0, 25).Counts, Total: 25, PerCustomer: counts(5, 10).Counts},
				Periods:  []scorecard.LadderPeriod{{Period: "2026-01", Distribution: counts(2, 1)}, {Period: "2026-02", Distribution: counts(1, 2)}},
				Forecast: []scorecard.LadderPeriod{{Period: "2026-03", Distribution: counts(0.5, 2.5)}},
				Transitions: []scorecard.Transition{{From: "2026-01", To: "2026-02", Matrix: [][]scorecard.Number{{1, 1}, {0, 1}},
					ProgressionRate: 1.0 / 3, StageProgression: scorecard.StageValues{{Stage: "visitor", Value: 0.5}, {Stage: "buyer", Value: scorecard.Null}}}},
			}}}}
	var md, html bytes.Buffer
	if err := report.WriteMarkdown(&md, sc); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&html, sc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## Loyalty ladder members — &lt;Members&gt; (per month)\n",
		"| stage | label | 2026-01 | 2026-02 | 2026-03\\* |\n",
		"| visitor |  | 2 | 1 | 1 |\n",
		"| buyer | &lt;Buyer&gt; \\| \\*b\\* | 1 | 2 | 3 |\n",
		"Value of the next 1 month, discounted at 10.0% per period\n",
		"| buyer | 2 | 10 | 25 |\n",
		"2026-01 → 2026-02: 33.3% moved up, 0.0% moved down\n",
		"| visitor | 1 | 1 | 50.0% |\n",
		"\\* forecast: the latest distribution moved by the latest transition probabilities.\n",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	for _, want := range []string{
		`<section id="loyalty">`,
		"<summary>Loyalty ladder members — &lt;Members&gt; (per month)</summary>",
		"<th>2026-03*</th>",
		"<td>&lt;Buyer&gt; | *b*</td>",
		"<td>50.0%</td>",
	} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}
