package objective

import (
	"fmt"
	"math"

	"github.com/omni-metrics/omni/engine/period"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// realismFactor is how many times the largest period-to-period move before
// start the objective may ask for, per period, before it is unrealistic.
const realismFactor = 2

// warnRealism adds the warnings that only the data can raise: a target the
// measured baseline already meets (and nothing more: no change is asked
// for), a rate target outside 0 to 1, and a change per period far beyond
// the KPI's moves before start.
func (j *judgement) warnRealism(baseline, target float64, up bool, n int, points []point) {
	format, currency := j.out.Format, j.currency
	change := func(d float64) string { return formatChange(d, j.out.PaceFormat(), currency) }
	value := func(v float64) string { return scorecard.FormatValue(scorecard.Number(v), format, currency) }
	warn := func(s string, args ...any) { j.out.Warnings = append(j.out.Warnings, fmt.Sprintf(s, args...)) }
	gap := target - baseline
	if j.out.BaselineMeasured {
		if up && gap <= 0 || !up && gap >= 0 {
			warn("The target %s is already met by the measured baseline, %s in %s.", value(target), value(baseline), j.out.BaselinePeriod)
			return
		}
		if j.o.Rate && (target < 0 || target > 1) {
			warn("From the measured baseline %s, the target %q gives %s: out of reach of a rate.", value(baseline), j.out.TargetText, value(target))
		}
	}
	move, at, ok := largestMove(points)
	perPeriod := math.Abs(gap) / float64(n)
	if !ok || perPeriod <= realismFactor*math.Abs(move) {
		return
	}
	unit := period.Noun(j.grain, 1)
	warn("Reaching the target takes %s per %s (from %s to %s in %d %s), more than %d times the largest %s-to-%s move before start (%s, into %s).",
		change(gap/float64(n)), unit, value(baseline), value(target), n, period.Noun(j.grain, n),
		realismFactor, unit, unit, change(move), j.periodAt(at))
}

// periodAt is the label of the period of index k from the baseline's.
func (j *judgement) periodAt(k int) string {
	base, _ := BaselinePeriod(j.o.Def.Start.Value, j.grain)
	p := base
	for ; k < 0; k++ {
		p = period.Start(p.AddDate(0, 0, -1), j.grain)
	}
	return period.Label(p, j.grain)
}
