package experiment

import (
	"math"
	"slices"
	"sort"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Design is what an experiment block says of its analysis.
type Design struct {
	Control    string
	Variants   []string  // the variants listed, in the order of Split; nil when not listed
	Split      []float64 // their intended shares; nil for no sample-ratio check
	Confidence float64
	CUPED      bool
	KPIs       []Judged
}

// Judged is a KPI an experiment judges.
type Judged struct {
	Name string
	Rate bool // a rate of customers: values 0 or 1
}

// Arm is one variant's customers as the engine counted them: per KPI of
// the design, in its order, their values' moments (N: those with a value).
type Arm struct {
	Name      string
	Customers int
	KPIs      []Moments
}

// Analyze compares every arm with control on every KPI, corrects the
// p-values by Holm across them all, and checks the sample ratio.
func Analyze(d Design, arms []Arm) (variants []scorecard.Variant, srm *scorecard.SampleRatio, results []scorecard.ExperimentResult) {
	listed := d.Variants
	if listed == nil {
		listed = []string{d.Control}
	}
	arms = ordered(listed, arms, len(d.KPIs))
	for _, a := range arms {
		share := scorecard.Null
		if i := slices.Index(d.Variants, a.Name); i >= 0 && d.Split != nil {
			share = scorecard.Number(d.Split[i] / sum(d.Split))
		}
		variants = append(variants, scorecard.Variant{Name: a.Name, Customers: a.Customers, Split: share})
	}
	if d.Split != nil {
		counts := make([]int, len(d.Variants))
		for i := range d.Variants {
			counts[i] = arms[i].Customers
		}
		s := SampleRatio(counts, d.Split)
		srm = &scorecard.SampleRatio{ChiSquare: scorecard.Number(s.ChiSquare), P: scorecard.Number(s.P)}
	}
	control := slices.IndexFunc(arms, func(a Arm) bool { return a.Name == d.Control })
	for k, kpi := range d.KPIs {
		results = append(results, judge(d, kpi, k, arms, control)...)
	}
	p := make([]float64, len(results))
	for i, r := range results {
		p[i] = float64(r.P)
	}
	for i, adjusted := range Holm(p) {
		results[i].Adjusted = scorecard.Number(adjusted)
	}
	return variants, srm, results
}

// judge gives every arm's figures on the k-th KPI; control's is its value.
func judge(d Design, kpi Judged, k int, arms []Arm, control int) []scorecard.ExperimentResult {
	samples, theta := make([]Sample, len(arms)), math.NaN()
	if d.CUPED {
		moments := make([]Moments, len(arms))
		for i, a := range arms {
			moments[i] = a.KPIs[k]
		}
		samples, theta = CUPED(moments)
	} else {
		for i, a := range arms {
			m := a.KPIs[k]
			samples[i] = Sample{N: m.N, Mean: m.MeanY, Variance: m.VarY}
		}
	}
	// CUPED's adjusted values are no longer 0 or 1: Welch's t judges them.
	rate := kpi.Rate && !d.CUPED
	var out []scorecard.ExperimentResult
	for i, a := range arms {
		r := scorecard.ExperimentResult{KPI: kpi.Name, Variant: a.Name, Test: string(Welch), Customers: samples[i].N,
			Value: number(samples[i].Mean), Theta: scorecard.Number(theta)}
		if rate {
			r.Test = string(TwoProportion)
		}
		r.Lift, r.LiftLow, r.LiftHigh, r.Relative, r.RelativeLow, r.RelativeHigh, r.P, r.MDE =
			scorecard.Null, scorecard.Null, scorecard.Null, scorecard.Null, scorecard.Null, scorecard.Null, scorecard.Null, scorecard.Null
		if control >= 0 && i != control {
			c := Compare(samples[control], samples[i], rate, d.Confidence)
			r.Lift, r.LiftLow, r.LiftHigh = number(c.Lift), number(c.Low), number(c.High)
			r.Relative, r.RelativeLow, r.RelativeHigh = number(c.Relative), number(c.RelativeLow), number(c.RelativeHigh)
			r.P, r.MDE = number(c.P), number(c.MDE)
		}
		out = append(out, r)
	}
	return out
}

// number is a statistic as the scorecard writes it: null when the samples
// could not give it.
func number(f float64) scorecard.Number {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return scorecard.Null
	}
	return scorecard.Number(f)
}

// ordered puts the listed variants first (control, when the block lists
// none), in their order, an empty arm for one nobody was assigned; then
// the others found, by name.
func ordered(listed []string, arms []Arm, kpis int) []Arm {
	var out []Arm
	for _, name := range listed {
		i := slices.IndexFunc(arms, func(a Arm) bool { return a.Name == name })
		if i < 0 {
			empty := Arm{Name: name, KPIs: make([]Moments, kpis)}
			for k := range empty.KPIs { // a mean over nobody does not exist
				nan := math.NaN()
				empty.KPIs[k] = Moments{MeanY: nan, VarY: nan, MeanX: nan, VarX: nan, Covariance: nan}
			}
			out = append(out, empty)
			continue
		}
		out = append(out, arms[i])
	}
	var others []Arm
	for _, a := range arms {
		if !slices.Contains(listed, a.Name) {
			others = append(others, a)
		}
	}
	sort.Slice(others, func(i, j int) bool { return others[i].Name < others[j].Name })
	return append(out, others...)
}

func sum(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total
}
