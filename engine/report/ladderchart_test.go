package report

import (
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// A ladder of two stages over two months and a forecast month, drawn.
func TestLadderCharts(t *testing.T) {
	counts := func(visitors, buyers float64) scorecard.Distribution {
		return scorecard.Distribution{Counts: scorecard.StageValues{{Stage: "visitor", Value: scorecard.Number(visitors)}, {Stage: "buyer", Value: scorecard.Number(buyers)}}}
	}
	l := scorecard.Loyalty{Name: "l", Period: "month", Stages: []string{"visitor", "buyer"}, LadderSeries: scorecard.LadderSeries{
		Periods:  []scorecard.LadderPeriod{{Period: "2026-01", Distribution: counts(30, 10)}, {Period: "2026-02", Distribution: counts(25, 15)}},
		Forecast: []scorecard.LadderPeriod{{Period: "2026-03", Distribution: counts(20, 20)}},
		// 30 visitors: 24 stay, 6 buy; 10 buyers: 1 lapses, 9 stay.
		Transitions: []scorecard.Transition{{From: "2026-01", To: "2026-02",
			Probabilities: [][]scorecard.Number{{0.8, 0.2}, {0.1, 0.9}}}},
		Backtest: []scorecard.BacktestPeriod{{Period: "2026-02", Error: scorecard.BacktestError{Misplaced: 0.05, NaiveMisplaced: 0.125}}},
	}}
	s := newStackChart(l)
	// The shaded band starts between the last observed column and the forecast.
	if len(s.Columns) != 3 || s.ForecastX+s.ForecastW != s.Right ||
		s.ForecastX <= s.Columns[1].Segments[0].X+s.Columns[1].Segments[0].W || s.ForecastX >= s.Columns[2].Segments[0].X {
		t.Fatalf("columns %d, forecast band at %v, %v wide", len(s.Columns), s.ForecastX, s.ForecastW)
	}
	// The axis goes to 40 (0, 10, 20…): 40 customers fill the plot, the
	// visitors 30 of them, at the bottom.
	visitors, buyers := s.Columns[0].Segments[0], s.Columns[0].Segments[1]
	if visitors.Y+visitors.H != s.Bottom || float64(visitors.H) != stackPlotHeight*30/40 || float64(buyers.H) != stackPlotHeight*10/40 {
		t.Errorf("segments %+v %+v", visitors, buyers)
	}
	if got := s.Columns[2].Segments[1].Title; got != "2026-03, buyer: 20 (forecast)" {
		t.Errorf("forecast title %q", got)
	}
	h := newHeatMap(l)
	want := []string{"80.0%", "20.0%", "10.0%", "90.0%"}
	for i, c := range h.Cells {
		if c.Text != want[i] {
			t.Errorf("cell %d: %s, want %s", i, c.Text, want[i])
		}
	}
	if h.Cells[1].Title != "from visitor to buyer: 20.0%" || !h.Cells[3].Light || h.Cells[1].Light {
		t.Errorf("cells %+v", h.Cells)
	}
	b := newBacktestChart(l)
	if len(b.Bars) != 2 || b.Bars[0].Value != "5.0%" || b.Bars[1].Value != "12.5%" || b.Bars[1].Title != "2026-02, no change: 12.5%" {
		t.Errorf("backtest bars %+v", b.Bars)
	}
}
