package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/escape/escapetest"
	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// experimentCard is a scorecard with one experiment: control "A" and the
// variant named text, on a rate whose relative lift is +50% in [-20%,
// +120%] (better: Holm's p 0.01) and a revenue per customer at -10% in
// [-30%, +10%].
func experimentCard(variant string) *scorecard.Scorecard {
	null := scorecard.Null
	control := func(kpi string, value scorecard.Number) scorecard.ExperimentResult {
		return scorecard.ExperimentResult{KPI: kpi, Variant: "A", Test: "Welch t", Customers: 100, Value: value,
			Lift: null, LiftLow: null, LiftHigh: null, Relative: null, RelativeLow: null, RelativeHigh: null, P: null, Adjusted: null, MDE: null, Theta: null}
	}
	return &scorecard.Scorecard{Project: "p", Name: "s", Grain: "month", Currency: "EUR", Experiments: []scorecard.Experiment{{
		Name: "invitation", Label: variant, Control: "A", Start: "2026-03-01", End: "2026-03-31", Confidence: 0.95, Excluded: 2,
		KPIs:     []scorecard.ExperimentKPI{{Name: "buyers", Format: "percent"}, {Name: "revenue", Label: variant, Format: "currency"}},
		Variants: []scorecard.Variant{{Name: "A", Customers: 100, Split: 0.5}, {Name: variant, Customers: 110, Split: 0.5}},
		SRM:      &scorecard.SampleRatio{ChiSquare: 0.476, P: 0.49},
		Results: []scorecard.ExperimentResult{
			control("buyers", 0.2),
			{KPI: "buyers", Variant: variant, Test: "two-proportion z", Customers: 110, Value: 0.3, Lift: 0.1, LiftLow: -0.04, LiftHigh: 0.24,
				Relative: 0.5, RelativeLow: -0.2, RelativeHigh: 1.2, P: 0.005, Adjusted: 0.01, MDE: 0.15, Theta: null},
			control("revenue", 20),
			{KPI: "revenue", Variant: variant, Test: "Welch t", Customers: 110, Value: 18, Lift: -2, LiftLow: -6, LiftHigh: 2,
				Relative: -0.1, RelativeLow: -0.3, RelativeHigh: 0.1, P: 0.3, Adjusted: 0.3, MDE: 5, Theta: null},
		},
	}}}
}

func TestExperimentMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteMarkdown(&b, experimentCard("B")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## Experiment invitation — B (2026-03-01 to 2026-03-31)",
		// 12 columns: split in two tables of at most 8, each with the KPI and the variant.
		"| buyers | B | 110 | 30.0% | +10.0 pp | \\[-4.0 pp, +24.0 pp\\] | +50.0% | \\[-20.0%, +120.0%\\] |",
		"| B | B | 110 | 18 EUR | -2.00 EUR | \\[-6.00 EUR, +2.00 EUR\\] | -10.0% | \\[-30.0%, +10.0%\\] |",
		"| buyers | B | 0.005 | 0.010 | 15.0 pp | better |",
		"| B | B | 0.300 | 0.300 | 5.00 EUR | inconclusive |",
		"- 2 customers seen in two variants or more left out of every figure.",
		"- Sample ratio: chi-square 0.48, p 0.490: the split is as intended.",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, b.String())
		}
	}
}

// The forest plot of buyers: the widest interval reaches +120%, so the
// scale runs from -132% to +132% over 360 px from x = 110, 0 at 290. The
// lift +50% stands at 110 + 1.82/2.64·360 = 358.2, the interval from -20%
// (262.7) to +120% (453.6). The lift is better: blue.
func TestExperimentForestPlot(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, experimentCard("B")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<line class="axis" x1="290.0" y1="0" x2="290.0" y2="26.0"></line>`,
		`<line x1="262.7" y1="17.0" x2="453.6" y2="17.0" stroke="#0072b2" stroke-width="2">`,
		`<circle cx="358.2" cy="17.0" r="4" fill="#0072b2">`,
		// One row of 26 px, the scale's labels 14 px under the axis.
		`<text class="muted" x="110.0" y="40.0" text-anchor="start">-132%</text>`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
}

func TestExperimentOfHostileNames(t *testing.T) {
	for _, text := range escapetest.Seeds {
		var md, page bytes.Buffer
		if err := report.WriteMarkdown(&md, experimentCard(text)); err != nil {
			t.Fatal(err)
		}
		if err := escapetest.Markdown(md.String()); err != nil {
			t.Errorf("%q: %v", text, err)
		}
		if err := escapetest.Terminal(md.String()); err != nil {
			t.Errorf("%q: %v", text, err)
		}
		if err := report.WriteHTML(&page, experimentCard(text)); err != nil {
			t.Fatal(err)
		}
		if err := onlyTemplateMarkup(page.String()); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}
