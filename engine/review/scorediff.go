package review

import (
	"cmp"
	"math"
	"slices"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Comparison is two scorecards, or two campaigns of one, side by side:
// value by value, and objective by objective.
type Comparison struct {
	Before, After string // what each side is: a file, or a campaign
	Currency      string
	Rows          []Row
	Objectives    []ObjectiveChange
	// Lifts are the experiments' lifts that moved, between two runs.
	Lifts []LiftChange
	// campaigns are the two campaigns compared, in a comparison of campaigns.
	campaigns []string
}

// Row is one value on both sides: one KPI in one cell.
type Row struct {
	Campaign string // the scope of both sides; "" for the whole data, and when comparing campaigns
	KPI      scorecard.KPI
	By       string
	Key      *string
	Keys     []*string // a crossed breakdown's values, Key then nil
	Period   string
	// Before and After are the values, Null where the side has none.
	Before, After scorecard.Number
	// Delta is After − Before, and Relative that change over |Before|; NaN
	// when either is missing (and Relative when Before is 0).
	Delta, Relative float64
	// Better is +1 when the change is good for the KPI (up for most, down
	// for those whose direction is down), −1 when bad, 0 when nothing moved
	// or the value was redefined.
	Better int
	// PValue is the two-sided p-value of the two-proportion z-test for a
	// proportion KPI, NaN when no test is possible.
	PValue float64
	// Redefined says that the definitions behind the two values differ: the
	// KPI's, the campaign's, the segment's or the cohort's fingerprint.
	Redefined bool
	// RenamedFrom is the KPI's name on the before side, when it differs.
	RenamedFrom string
}

// Changed reports whether the two values differ by more than a unit in the
// last of the 12 significant digits the scorecards write: the same sum,
// computed twice in parallel, may round either way there.
func (r *Row) Changed() bool { return moved(r.Before, r.After) }

// moved reports whether two values differ by more than a unit in the last
// of their 12 significant digits, or one exists and not the other.
func moved(before, after scorecard.Number) bool {
	b, a := float64(before), float64(after)
	if before.IsNull() || after.IsNull() {
		return before.IsNull() != after.IsNull()
	}
	return math.Abs(a-b) > 1e-11*math.Max(math.Abs(a), math.Abs(b))
}

// ObjectiveChange is an objective whose status differs between the sides.
type ObjectiveChange struct {
	Name   string           `json:"name"`
	KPI    string           `json:"kpi"`
	Before scorecard.Status `json:"before"` // "" on a side without the objective
	After  scorecard.Status `json:"after"`
}

// cellKey identifies a value within a side.
type cellKey struct{ campaign, kpi, by, key, period string }

// side is one scorecard, or one part of it, indexed for comparison.
type side struct {
	sc     *scorecard.Scorecard
	part   *part // the part compared; nil for the whole scorecard
	values map[cellKey]scorecard.Number
}

// part is a scope's values over one period ("" for its whole window).
type part struct{ campaign, period string }

func newSide(sc *scorecard.Scorecard, p *part) *side {
	s := &side{sc: sc, part: p, values: map[cellKey]scorecard.Number{}}
	for _, v := range sc.Values {
		s.values[keyOf(v)] = v.Value
	}
	return s
}

func keyOf(v scorecard.Value) cellKey {
	k := cellKey{campaign: v.Campaign, kpi: v.KPI, by: v.By, period: v.Period}
	switch {
	case v.Keys != nil:
		k.key = v.KeyID() // a JSON list: the by tells it from a single key
	case v.Key != nil:
		k.key = "=" + *v.Key // "" stays for the total and the missing key
	}
	return k
}

// value is the side's value in a cell, given as the after side names it.
func (s *side) value(k cellKey) (scorecard.Number, bool) {
	if s.part != nil {
		k.campaign, k.period = s.part.campaign, s.part.period
	}
	v, ok := s.values[k]
	return v, ok
}

// CompareScorecards compares two scorecards value by value: values match
// on campaign, KPI, breakdown, key and period. A KPI only in before and one
// only in after with one fingerprint are taken for a rename. Experiments'
// lifts match on experiment, KPI and variant.
func CompareScorecards(before, after *scorecard.Scorecard) *Comparison {
	c := compareSides(newSide(before, nil), newSide(after, nil))
	c.Lifts = liftChanges(before.Experiments, after.Experiments)
	return c
}

// CompareCampaigns compares two campaigns of one scorecard over their whole
// windows: values match on KPI, breakdown and key.
func CompareCampaigns(sc *scorecard.Scorecard, before, after string) *Comparison {
	c := compareSides(newSide(sc, &part{campaign: before}), newSide(sc, &part{campaign: after}))
	c.campaigns = []string{before, after}
	return c
}

// ComparePeriods compares two periods of one scope of a scorecard (""
// for the whole data): values match on KPI, breakdown and key.
func ComparePeriods(sc *scorecard.Scorecard, campaign, before, after string) *Comparison {
	return compareSides(newSide(sc, &part{campaign, before}), newSide(sc, &part{campaign, after}))
}

func compareSides(b, a *side) *Comparison {
	c := &Comparison{Currency: cmp.Or(a.sc.Currency, b.sc.Currency)}
	renames := findKPIRenames(b.sc.KPIs, a.sc.KPIs)
	matched := map[cellKey]bool{}
	for _, v := range a.sc.Values {
		if a.part != nil && (v.Campaign != a.part.campaign || v.Period != a.part.period) {
			continue
		}
		k := keyOf(v)
		kb := k
		if old, ok := renames[k.kpi]; ok {
			kb.kpi = old
		}
		before, found := b.value(kb)
		if !found {
			before = scorecard.Null
		}
		matched[kb] = true
		r := Row{Campaign: v.Campaign, By: v.By, Key: v.Key, Keys: v.Keys, Period: v.Period, Before: before, After: v.Value,
			KPI: kpiNamed(a.sc.KPIs, k.kpi), RenamedFrom: renames[k.kpi]}
		if a.part != nil {
			r.Campaign, r.Period = "", ""
		}
		r.measure(b, a, kb, k)
		c.Rows = append(c.Rows, r)
	}
	for _, v := range b.sc.Values {
		if b.part != nil && (v.Campaign != b.part.campaign || v.Period != b.part.period) {
			continue
		}
		k, ka := keyOf(v), keyOf(v) // ka: as the after side names it
		if a.part != nil {
			ka.campaign, ka.period = a.part.campaign, a.part.period
		}
		if matched[ka] {
			continue
		}
		r := Row{Campaign: v.Campaign, By: v.By, Key: v.Key, Keys: v.Keys, Period: v.Period, Before: v.Value, After: scorecard.Null,
			KPI: kpiNamed(b.sc.KPIs, v.KPI)}
		if a.part != nil {
			r.Campaign, r.Period = "", ""
		}
		r.measure(b, a, k, ka)
		c.Rows = append(c.Rows, r)
	}
	c.Objectives = objectiveChanges(b.sc.Objectives, a.sc.Objectives)
	return c
}

// measure computes a row's deltas, verdict, significance and redefinition.
func (r *Row) measure(b, a *side, kb, ka cellKey) {
	kpiBefore := kpiNamed(b.sc.KPIs, kb.kpi)
	r.Redefined = differ(kpiBefore.Fingerprint, r.KPI.Fingerprint) ||
		b.part == nil && differ(scopeFingerprint(b.sc, kb.campaign), scopeFingerprint(a.sc, ka.campaign)) ||
		r.groupingRedefined(b.sc, a.sc)
	r.Delta, r.Relative, r.PValue = math.NaN(), math.NaN(), math.NaN()
	if !r.Before.IsNull() && !r.After.IsNull() {
		r.Delta = float64(r.After - r.Before)
		if r.Before != 0 {
			r.Relative = r.Delta / math.Abs(float64(r.Before))
		}
		// A redefined value measures something else: neither better nor worse.
		switch {
		case r.Redefined || r.Delta == 0 || !r.Changed():
		case (r.Delta > 0) != (r.KPI.Direction == "down"):
			r.Better = 1
		default:
			r.Better = -1
		}
	}
	// A redefined value moved by definition, not by chance: no test.
	if prop := r.KPI.Proportion; prop != nil && !r.Redefined {
		x1, n1 := counts(b, kb, *prop)
		x2, n2 := counts(a, ka, *prop)
		if p, ok := TwoProportionZTest(x1, n1, x2, n2); ok {
			r.PValue = p
		}
	}
}

// counts are a proportion's successes and trials in a cell; NaN if missing.
func counts(s *side, k cellKey, p scorecard.Proportion) (x, n float64) {
	x, n = math.NaN(), math.NaN()
	k.kpi = p.Successes
	if v, ok := s.value(k); ok && !v.IsNull() {
		x = float64(v)
	}
	k.kpi = p.Trials
	if v, ok := s.value(k); ok && !v.IsNull() {
		n = float64(v)
	}
	return x, n
}

// differ reports whether two fingerprints are known and differ: scorecards
// written before fingerprints existed have none.
func differ(a, b string) bool { return a != "" && b != "" && a != b }

func kpiNamed(kpis []scorecard.KPI, name string) scorecard.KPI {
	for _, k := range kpis {
		if k.Name == name {
			return k
		}
	}
	return scorecard.KPI{Name: name}
}

func scopeFingerprint(sc *scorecard.Scorecard, campaign string) string {
	for _, s := range sc.Scopes {
		if s.Campaign == campaign {
			return s.Fingerprint
		}
	}
	return ""
}

// fingerprintOf is the fingerprint of the segment or cohort of a name
// among those a scorecard is broken down by; "" when it has none.
func fingerprintOf(groupings []scorecard.Grouping, name string) string {
	for _, g := range groupings {
		if g.Name == name {
			return g.Fingerprint
		}
	}
	return ""
}

// findKPIRenames pairs, by fingerprint, KPIs only in before with KPIs only
// in after, where the fingerprint is unique on both sides: after name →
// before name.
func findKPIRenames(before, after []scorecard.KPI) map[string]string {
	only := func(kpis, others []scorecard.KPI) map[string]string {
		byFingerprint, seen := map[string]string{}, map[string]int{}
		for _, k := range kpis {
			seen[k.Fingerprint]++
			if k.Fingerprint != "" && !slices.ContainsFunc(others, func(o scorecard.KPI) bool { return o.Name == k.Name }) {
				byFingerprint[k.Fingerprint] = k.Name
			}
		}
		for fp, n := range seen {
			if n > 1 {
				delete(byFingerprint, fp)
			}
		}
		return byFingerprint
	}
	gone, added := only(before, after), only(after, before)
	renames := map[string]string{}
	for fp, name := range added {
		if old, ok := gone[fp]; ok {
			renames[name] = old
		}
	}
	return renames
}

// objectiveChanges lists the objectives whose status differs.
func objectiveChanges(before, after []scorecard.Objective) []ObjectiveChange {
	var out []ObjectiveChange
	status := map[string]scorecard.Objective{}
	for _, o := range before {
		status[o.Name] = o
	}
	for _, o := range after {
		if prev := status[o.Name]; prev.Status != o.Status {
			out = append(out, ObjectiveChange{Name: o.Name, KPI: o.KPI, Before: prev.Status, After: o.Status})
		}
		delete(status, o.Name)
	}
	for _, o := range before {
		if _, gone := status[o.Name]; gone {
			out = append(out, ObjectiveChange{Name: o.Name, KPI: o.KPI, Before: o.Status})
		}
	}
	return out
}
