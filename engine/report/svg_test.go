package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

var euros = numberFormat{"currency", "EUR"}

// Two runs sum in a different order and disagree in the last bits: their
// charts must not (the HTML report is checked in with the examples).
func TestChartsIgnoreFloatingPointNoise(t *testing.T) {
	chart := func(a, b, c float64) string {
		values := []scorecard.Number{scorecard.Number(a), scorecard.Number(b), scorecard.Number(c)}
		line := newLineChart("t", []string{"Q1", "Q2", "Q3"}, values, make([]bool, 3), euros)
		bars := newBarChart("t", []barItem{{Name: "a", Value: values[0]}, {Name: "b", Value: values[1]}}, euros)
		var svg strings.Builder
		if err := pageTemplate.ExecuteTemplate(&svg, "line", line); err != nil {
			t.Fatal(err)
		}
		if err := pageTemplate.ExecuteTemplate(&svg, "bars", bars); err != nil {
			t.Fatal(err)
		}
		return svg.String()
	}
	one, other := chart(428408.1, 892019.3, 940097), chart(428408.1+1e-10, 892019.3-1e-10, 940097)
	if one != other {
		t.Errorf("charts differ:\n%s\n%s", one, other)
	}
	if one == chart(428408.1, 892019.3, 990097) {
		t.Error("charts of different values are the same")
	}
}

// Twelve months do not fit under a chart: period labels are left out but
// every few, counted back from the latest, each one's measured width apart.
func TestPeriodLabelsDoNotOverlap(t *testing.T) {
	for _, c := range []struct {
		periods []string
		labels  int
	}{
		{[]string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"}, 4},
		// 12 steps of (360 − 64 left − 96 right) / 11 = 18.2 px; a label
		// is 7 characters, 42.6 px wide plus 8 apart: every 3rd.
		{[]string{"2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"}, 4},
	} {
		values := make([]scorecard.Number, len(c.periods))
		for i := range values {
			values[i] = scorecard.Number(1000 * i)
		}
		chart := newLineChart("t", c.periods, values, make([]bool, len(values)), euros)
		if len(chart.XLabels) != c.labels {
			t.Errorf("%d periods: %d period labels, want %d", len(c.periods), len(chart.XLabels), c.labels)
		}
		if last := chart.XLabels[len(chart.XLabels)-1].Text; last != c.periods[len(c.periods)-1] {
			t.Errorf("%d periods: the last label is %s, want the latest period", len(c.periods), last)
		}
		for i := 1; i < len(chart.XLabels); i++ {
			if gap := float64(chart.XLabels[i].X - chart.XLabels[i-1].X); gap < textWidth(c.periods[0]) {
				t.Errorf("labels %q and %q are %.1f apart", chart.XLabels[i-1].Text, chart.XLabels[i].Text, gap)
			}
		}
		if chart.Latest.Text != euros.text(values[len(values)-1]) || float64(chart.Latest.X)+textWidth(chart.Latest.Text) > lineWidth {
			t.Errorf("the latest value %q at x %v does not fit", chart.Latest.Text, chart.Latest.X)
		}
	}
}

// The axis goes from 0 by steps of 1, 2 or 5 times a power of ten.
func TestAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		whole  bool
		want   string
	}{
		{1400, 2782, true, "[0 1000 2000 3000]"},
		{0.08, 0.23, false, "[0 0.1 0.2 0.3]"},
		{-62.4, 40, false, "[-100 -50 0 50]"}, // steps of 102.4 / 4 = 25.6 at least
		{0, 0.4, true, "[0 1]"},               // counts step by whole numbers
		{5, 5, false, "[0 2 4 6]"},
	} {
		if got := fmt.Sprint(newAxis(c.lo, c.hi, yTicks, c.whole).ticks); got != c.want {
			t.Errorf("axis of %v to %v: %s, want %s", c.lo, c.hi, got, c.want)
		}
	}
}

// A partial last period ends the line dashed, on a hollow dot, with a note.
func TestPartialPeriod(t *testing.T) {
	values := []scorecard.Number{100, 120, 30}
	c := newLineChart("t", []string{"2026-09", "2026-10", "2026-11"}, values, []bool{false, false, true}, euros)
	if len(c.Dots) != 3 || !c.Dots[2].Partial || c.Dots[1].Partial || c.Note == nil || c.Dashed == "" {
		t.Fatalf("partial period not marked: %+v", c)
	}
	if c.Note.Text != "○ partial period, covered in part: 2026-11" || textWidth(c.Note.Text) > lineWidth {
		t.Errorf("note %q", c.Note.Text)
	}
	if c.Dots[2].Title != "2026-11: 30 EUR (partial period)" {
		t.Errorf("title %q", c.Dots[2].Title)
	}
	if want := "M" + c.Dots[1].X.String() + "," + c.Dots[1].Y.String(); c.Dashed[:len(want)] != want {
		t.Errorf("the dashed line %q does not start at the last whole period", c.Dashed)
	}
}

// A long name widens the chart, up to a point: longer still, it is
// shortened and told whole on hover.
func TestLongBarNames(t *testing.T) {
	long := "Animation in the shops (workshops, stand game), the partner stores and the fairs"
	c := newBarChart("t", []barItem{{Name: long, Value: 3}, {Name: "web", Value: 5}}, euros)
	b := c.Bars[0]
	if textWidth(b.Name) > barNameWidth || b.Name[len(b.Name)-len("…"):] != "…" || b.Title != long+": 3 EUR" {
		t.Errorf("name %q (%.0f px), title %q", b.Name, textWidth(b.Name), b.Title)
	}
	if c.Width != barWidth+barNameWidth-barNameRoom {
		t.Errorf("width %d, want %d", c.Width, barWidth+barNameWidth-barNameRoom)
	}
	if c.Bars[1].Name != "web" {
		t.Errorf("a short name changed: %q", c.Bars[1].Name)
	}
}
