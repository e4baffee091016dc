package objective

// The arithmetic of objectives at its boundaries: each status from the
// value against the straight line, both ways; the trend and the moves
// before start; the period a measured baseline is taken from.

import (
	"math"
	"testing"
	"time"

	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestPaceBoundaries(t *testing.T) {
	// From 100 to 200 over 4 periods, judged in period 2: expected 150; at
	// risk down to 150 − 100/4 = 125.
	up := []struct {
		value float64
		want  scorecard.Status
	}{
		{200, scorecard.Achieved}, {250, scorecard.Achieved},
		{199.99, scorecard.OnTrack}, {150, scorecard.OnTrack},
		{149.99, scorecard.AtRisk}, {125, scorecard.AtRisk},
		{124.99, scorecard.OffTrack}, {90, scorecard.OffTrack},
	}
	for _, c := range up {
		if _, _, got := pace(100, 200, c.value, 2, 4, true); got != c.want {
			t.Errorf("up, value %v: %s, want %s", c.value, got, c.want)
		}
	}
	// The mirror, lower is better: from 200 down to 100.
	for _, c := range up {
		mirror := 300 - c.value
		if _, _, got := pace(200, 100, mirror, 2, 4, false); got != c.want {
			t.Errorf("down, value %v: %s, want %s", mirror, got, c.want)
		}
	}
	expected, progress, _ := pace(100, 200, 130, 2, 4, true)
	if expected != 150 || progress != 0.3 {
		t.Errorf("expected, progress = %v, %v; want 150, 0.3", expected, progress)
	}
	// Ties survive floating point: 0.1 + 0.2 is not 0.3.
	if _, _, got := pace(0.1, 0.5, 0.1+0.2, 1, 2, true); got != scorecard.OnTrack {
		t.Errorf("0.1+0.2 against an expected 0.3: %s, want on_track", got)
	}
	// A target the baseline already meets has no progress to speak of.
	if _, progress, got := pace(100, 90, 95, 1, 2, true); !math.IsNaN(progress) || got != scorecard.Achieved {
		t.Errorf("met by the baseline: progress %v, %s; want NaN, achieved", progress, got)
	}
}

func TestTrend(t *testing.T) {
	for _, c := range []struct {
		name   string
		points []point
		n      int
		want   float64
	}{
		{"since start", []point{{-1, 50}, {0, 10}, {1, 12}, {2, 14}}, 4, 18},
		{"one period since start: every period", []point{{-1, 10}, {0, 12}, {1, 14}}, 3, 18},
		{"least squares", []point{{1, 1}, {2, 3}, {3, 2}}, 5, 3.5}, // slope 0.5 through (2, 2)
		{"one point", []point{{1, 5}}, 3, math.NaN()},
		{"none", nil, 3, math.NaN()},
	} {
		got := trend(c.points, c.n)
		if math.IsNaN(c.want) != math.IsNaN(got) || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: trend = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestLargestMove(t *testing.T) {
	// Moves between consecutive periods up to the baseline's: −3 into
	// period −2 is the largest; the gap between −5 and −3 is no move, and
	// the +9 into period 1 is after start.
	points := []point{{-5, 0}, {-3, 10}, {-2, 7}, {-1, 8}, {0, 10}, {1, 19}}
	if move, at, ok := largestMove(points); !ok || move != -3 || at != -2 {
		t.Errorf("largestMove = %v into %d (%v), want -3 into -2", move, at, ok)
	}
	if _, _, ok := largestMove([]point{{-2, 1}, {0, 3}}); ok {
		t.Error("largestMove of periods that do not follow each other: want none")
	}
}

func TestBaselinePeriod(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	from, to := BaselinePeriod(day("2026-07-15"), "quarter")
	if from != day("2026-04-01") || to != day("2026-07-01") {
		t.Errorf("baseline period of 2026-07-15 by quarter: %v to %v, want 2026-04-01 to 2026-07-01", from, to)
	}
}
