package objective

import (
	"math"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// This file judges an objective from its KPI's series, in Go: the numbers
// come from the objectives query; what follows is arithmetic on a handful
// of them.
//
// Periods are indexed from the baseline's period, 0: the period holding the
// start is 1, the period holding the deadline is n, the latest period of the
// data is k. The objective is a straight line from the baseline at period 0
// to the target at period n: the value expected in period k is
// baseline + (target − baseline)·k/n. Values are per period, so the line is
// too: comparing a period's value with a point in time would hold a whole
// period's value to the pace of its last day.

// atRiskTolerance is how far behind the expected value an objective is only
// at risk, as a share of the change from baseline to target: a quarter of
// it. Beyond, it is off track.
const atRiskTolerance = 0.25

// point is the KPI's value in the period of index k.
type point struct {
	k int
	v float64
}

// pace judges the value of period k against the straight line. Progress is
// the share of the change done (NaN when the target asks for none). Ties go
// the objective's way: a value equal to the expected one is on track.
func pace(baseline, target, value float64, k, n int, up bool) (expected, progress float64, status scorecard.Status) {
	gap := target - baseline
	sign := 1.0
	if !up {
		sign = -1
	}
	expected = baseline + gap*float64(k)/float64(n)
	progress = math.NaN()
	if sign*gap > 0 {
		progress = (value - baseline) / gap
	}
	eps := 1e-9 * max(1, math.Abs(baseline), math.Abs(target))
	switch {
	case sign*(value-target) >= -eps:
		status = scorecard.Achieved
	case sign*(value-expected) >= -eps:
		status = scorecard.OnTrack
	case sign*(expected-value) <= atRiskTolerance*math.Abs(gap)+eps:
		status = scorecard.AtRisk
	default:
		status = scorecard.OffTrack
	}
	return expected, progress, status
}

// trend is the value at period n of the least-squares line through the
// points since start (k ≥ 1), or through every point when fewer than two
// are since start; NaN with fewer than two points.
func trend(points []point, n int) float64 {
	var since []point
	for _, p := range points {
		if p.k >= 1 {
			since = append(since, p)
		}
	}
	if len(since) < 2 {
		since = points
	}
	if len(since) < 2 {
		return math.NaN()
	}
	var meanK, meanV float64
	for _, p := range since {
		meanK += float64(p.k)
		meanV += p.v
	}
	meanK /= float64(len(since))
	meanV /= float64(len(since))
	var cov, vark float64
	for _, p := range since {
		cov += (float64(p.k) - meanK) * (p.v - meanV)
		vark += (float64(p.k) - meanK) * (float64(p.k) - meanK)
	}
	return meanV + cov/vark*(float64(n)-meanK)
}

// largestMove is the largest change between consecutive periods up to the
// baseline's (k ≤ 0), and the index of the later period; ok is false with
// fewer than two such consecutive periods.
func largestMove(points []point) (move float64, at int, ok bool) {
	for i := 1; i < len(points); i++ {
		a, b := points[i-1], points[i]
		if b.k > 0 || b.k != a.k+1 {
			continue
		}
		if d := b.v - a.v; !ok || math.Abs(d) > math.Abs(move) {
			move, at, ok = d, b.k, true
		}
	}
	return move, at, ok
}
