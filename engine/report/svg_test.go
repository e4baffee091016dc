package report

import (
	"fmt"
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Two runs sum in a different order and disagree in the last bits: their
// charts must not (the HTML report is checked in with the examples).
func TestChartsIgnoreFloatingPointNoise(t *testing.T) {
	format := func(n scorecard.Number) string { return fmt.Sprintf("%.0f", float64(n)) }
	chart := func(a, b, c float64) string {
		values := []scorecard.Number{scorecard.Number(a), scorecard.Number(b), scorecard.Number(c)}
		line := newLineChart("t", []string{"Q1", "Q2", "Q3"}, values, format)
		bars := newBarChart("t", []barItem{{Name: "a", Value: values[0]}, {Name: "b", Value: values[1]}}, format)
		return fmt.Sprintf("%v %v", *line, *bars)
	}
	one, other := chart(428408.1, 892019.3, 940097), chart(428408.1+1e-10, 892019.3-1e-10, 940097)
	if one != other {
		t.Errorf("charts differ:\n%s\n%s", one, other)
	}
	if one == chart(428408.1, 892019.3, 990097) {
		t.Error("charts of different values are the same")
	}
}

// Twelve months do not fit under a chart: labels of periods and values are
// left out but every third, counted back from the latest.
func TestPeriodLabelsDoNotOverlap(t *testing.T) {
	format := func(n scorecard.Number) string { return fmt.Sprintf("%.0f EUR", 1000+float64(n)) }
	for _, c := range []struct {
		periods []string
		labels  int
	}{
		{[]string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"}, 4},
		{[]string{"2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"}, 4},
	} {
		values := make([]scorecard.Number, len(c.periods))
		for i := range values {
			values[i] = scorecard.Number(i)
		}
		chart := newLineChart("t", c.periods, values, format)
		if len(chart.XLabels) != c.labels || len(chart.Values) != c.labels {
			t.Errorf("%d periods: %d period labels, %d value labels, want %d", len(c.periods), len(chart.XLabels), len(chart.Values), c.labels)
		}
		if last := chart.XLabels[len(chart.XLabels)-1].Text; last != c.periods[len(c.periods)-1] {
			t.Errorf("%d periods: the last label is %s, want the latest period", len(c.periods), last)
		}
		for i := 1; i < len(chart.XLabels); i++ {
			if gap := float64(chart.XLabels[i].X - chart.XLabels[i-1].X); gap < float64(charWidth*len(c.periods[0])) {
				t.Errorf("labels %q and %q are %.1f apart", chart.XLabels[i-1].Text, chart.XLabels[i].Text, gap)
			}
		}
	}
}
