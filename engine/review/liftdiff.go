package review

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// LiftChange is one variant's lift on one KPI of an experiment that moved
// between the two runs, or whose verdict changed. A side without it has a
// null lift and no verdict.
type LiftChange struct {
	Experiment    string           `json:"experiment"`
	KPI           string           `json:"kpi"`
	Variant       string           `json:"variant"`
	Before        scorecard.Number `json:"before"`
	After         scorecard.Number `json:"after"`
	VerdictBefore string           `json:"verdict_before"`
	VerdictAfter  string           `json:"verdict_after"`
}

// liftChanges lists the lifts that moved, in the order of the after side,
// then those only before. Control's rows have no lift and are not listed.
func liftChanges(before, after []scorecard.Experiment) []LiftChange {
	type key struct{ experiment, kpi, variant string }
	type lift struct {
		value   scorecard.Number
		verdict string
	}
	lifts := func(experiments []scorecard.Experiment) ([]key, map[key]lift) {
		var order []key
		out := map[key]lift{}
		for _, e := range experiments {
			for _, r := range e.Results {
				if r.Variant == e.Control {
					continue
				}
				k := key{e.Name, r.KPI, r.Variant}
				order, out[k] = append(order, k), lift{r.Lift, e.Verdict(r)}
			}
		}
		return order, out
	}
	beforeOrder, b := lifts(before)
	afterOrder, a := lifts(after)
	var out []LiftChange
	for _, k := range append(afterOrder, beforeOrder...) {
		lb, inBefore := b[k]
		la, inAfter := a[k]
		if !inAfter && !inBefore { // listed already
			continue
		}
		if !inBefore {
			lb.value = scorecard.Null
		}
		if !inAfter {
			la.value = scorecard.Null
		}
		if moved(lb.value, la.value) || lb.verdict != la.verdict {
			out = append(out, LiftChange{Experiment: k.experiment, KPI: k.kpi, Variant: k.variant,
				Before: lb.value, After: la.value, VerdictBefore: lb.verdict, VerdictAfter: la.verdict})
		}
		delete(a, k)
		delete(b, k)
	}
	return out
}

// writeLiftChanges writes the lifts that moved, one line each, their texts
// escaped by text.
func writeLiftChanges(b *strings.Builder, lifts []LiftChange, markdown bool, text func(string) string) {
	if len(lifts) == 0 {
		return
	}
	b.WriteString("\nExperiment lifts that moved\n")
	if markdown {
		b.WriteString("\n")
	}
	for _, l := range lifts {
		fmt.Fprintf(b, "- %s, %s, %s against control: %s → %s (%s → %s)\n", text(l.Experiment), text(l.KPI), text(l.Variant),
			liftText(l.Before), liftText(l.After), verdictText(l.VerdictBefore), verdictText(l.VerdictAfter))
	}
}

func liftText(n scorecard.Number) string {
	if n.IsNull() {
		return "none"
	}
	s := strconv.FormatFloat(float64(n), 'g', 4, 64)
	if n >= 0 {
		s = "+" + s
	}
	return s
}

func verdictText(v string) string {
	if v == "" {
		return "absent"
	}
	return v
}
