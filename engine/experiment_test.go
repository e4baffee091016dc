package engine_test

// The experiments of testdata/experiment, worked out by hand. In March,
// customers a1–a4 are invited with message A, b1–b4 with B; x1 with both
// (left out, and counted); p1 was invited in February (not in the test).
// Purchases in March:
//
//	A: a1 10, a2 20, a3 –, a4 –    buyers 2/4 = 0.5   revenue per customer 7.5   (var 275/3)
//	B: b1 30, b2 10, b3 20, b4 –   buyers 3/4 = 0.75  revenue per customer 15    (var 500/3)
//
// (a3 buys in April, after the end; x1 and p1 buy in March, outside the
// test.) In February a1 bought for 5 and b1 for 20: the covariate of CUPED.

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/experiment"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// near fails unless got is within 1e-6 of want.
func near(t *testing.T, what string, got scorecard.Number, want float64) {
	t.Helper()
	if math.Abs(float64(got)-want) > 1e-6 || got.IsNull() != math.IsNaN(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func experimentNamed(t *testing.T, sc *scorecard.Scorecard, name string) scorecard.Experiment {
	t.Helper()
	for _, e := range sc.Experiments {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no experiment %q in %+v", name, sc.Experiments)
	return scorecard.Experiment{}
}

func TestExperimentByHand(t *testing.T) {
	e := experimentNamed(t, runProject(t, "testdata/experiment")[0], "invitation")
	if e.Excluded != 1 || len(e.Variants) != 2 || e.Variants[0].Customers != 4 || e.Variants[1].Customers != 4 {
		t.Fatalf("excluded %d, variants %+v: want x1 excluded, 4 customers in A and in B", e.Excluded, e.Variants)
	}
	// 4 and 4 against 50/50: chi-square 0, p 1.
	if e.SRM == nil || e.SRM.ChiSquare != 0 || e.SRM.P != 1 {
		t.Errorf("SRM %+v, want chi-square 0 and p 1", e.SRM)
	}
	if len(e.Results) != 6 {
		t.Fatalf("%d results, want 3 KPIs × 2 variants", len(e.Results))
	}
	// conversion = buyers / reached is 1/1 or 0/1 per customer, a rate, as
	// buyers is. Two proportions, 0.5 and 0.75 of 4: pooled p 5/8, its
	// error √(0.625·0.375·(1/4 + 1/4)) = 0.3423266, z = 0.25/0.3423266 =
	// 0.7302967, p = 2(1 − Φ(z)) = 0.4652088; the interval's error
	// √(0.25/4 + 0.1875/4) = 0.3307189, 0.25 ± 1.959964·0.3307189 =
	// [-0.3981972, 0.8981972]; relative 0.25/0.5 = 0.5.
	for _, r := range e.Results[:4] {
		if r.Variant == "A" {
			near(t, r.KPI+" A", r.Value, 0.5)
			near(t, r.KPI+" A lift", r.Lift, math.NaN())
			continue
		}
		if r.Test != "two-proportion z" || r.Customers != 4 {
			t.Errorf("%s: %s over %d customers, want the two-proportion z-test over 4", r.KPI, r.Test, r.Customers)
		}
		near(t, r.KPI+" B", r.Value, 0.75)
		near(t, r.KPI+" lift", r.Lift, 0.25)
		near(t, r.KPI+" p", r.P, 0.4652088)
		near(t, r.KPI+" low", r.LiftLow, -0.3981972)
		near(t, r.KPI+" high", r.LiftHigh, 0.8981972)
		near(t, r.KPI+" relative", r.Relative, 0.5)
	}
	// Revenue per customer, by Welch's t on 7.5 (var 275/3) and 15 (var
	// 500/3) over 4 each: the lift 7.5, the rest as the statistics give it
	// for these moments (checked against published tests in
	// engine/experiment).
	rev := e.Results[5]
	want := experiment.Compare(experiment.Sample{N: 4, Mean: 7.5, Variance: 275.0 / 3}, experiment.Sample{N: 4, Mean: 15, Variance: 500.0 / 3}, false, 0.95)
	if rev.Test != "Welch t" {
		t.Errorf("revenue judged by %q, want Welch t", rev.Test)
	}
	near(t, "revenue A", e.Results[4].Value, 7.5)
	near(t, "revenue B", rev.Value, 15)
	near(t, "revenue lift", rev.Lift, 7.5)
	near(t, "revenue p", rev.P, want.P)
	near(t, "revenue low", rev.LiftLow, want.Low)
	// Holm over 0.4652, 0.4652 and 0.3896: the smallest times 3 is over 1.
	for _, r := range e.Results {
		if r.Variant == "B" {
			near(t, r.KPI+" Holm", r.Adjusted, 1)
		}
	}
}

// CUPED: over the 8 customers X̄ = 25/8 = 3.125 and Ȳ = 90/8 = 11.25;
// Σ(x − X̄)(y − Ȳ) = 40.625 (A) + 328.125 (B) = 368.75 and Σ(x − X̄)² =
// 346.875, so θ = 1.0630631. A's mean becomes 7.5 − θ(1.25 − 3.125) =
// 9.4932432, B's 15 − θ(5 − 3.125) = 13.0067568.
func TestExperimentCUPEDByHand(t *testing.T) {
	e := experimentNamed(t, runProject(t, "testdata/experiment")[0], "invitation_cuped")
	if e.SRM != nil {
		t.Errorf("SRM %+v without a split", e.SRM)
	}
	a, b := e.Results[0], e.Results[1]
	near(t, "theta", a.Theta, 368.75/346.875)
	near(t, "A", a.Value, 9.4932432)
	near(t, "B", b.Value, 13.0067568)
	near(t, "lift", b.Lift, 13.0067568-9.4932432)
}

// The gold segment: A has a1 (a buyer) and a3, B b1, b2 (buyers) and b4:
// 1/2 against 2/3 at 90%. x1, gold, is still excluded and counted.
func TestExperimentSegmentByHand(t *testing.T) {
	e := experimentNamed(t, runProject(t, "testdata/experiment")[0], "invitation_gold")
	if e.Excluded != 1 || e.Variants[0].Customers != 2 || e.Variants[1].Customers != 3 {
		t.Errorf("excluded %d, variants %+v: want 1, and 2 and 3 customers", e.Excluded, e.Variants)
	}
	near(t, "A", e.Results[0].Value, 0.5)
	near(t, "B", e.Results[1].Value, 2.0/3)
	// Unpooled error √(0.25/2 + (2/9)/3) = √(0.125 + 0.0740741), at 90%
	// 1/6 ± 1.6448536·0.4461772: the high end 0.9005628.
	near(t, "high", e.Results[1].LiftHigh, 0.9005628)
}

// had_before(…) is a condition on each touchpoint over the whole data:
// in March a1 (A) and b1 (B) buy again after their February purchases,
// so repeat purchases per customer are 1/4 = 0.25 in A and in B, lift 0.
func TestExperimentHadBeforeByHand(t *testing.T) {
	e := experimentNamed(t, runProject(t, "testdata/experiment")[0], "invitation_repeat")
	if len(e.Results) != 2 {
		t.Fatalf("results %+v, want one KPI × 2 variants", e.Results)
	}
	near(t, "A", e.Results[0].Value, 0.25)
	near(t, "B", e.Results[1].Value, 0.25)
	near(t, "lift", e.Results[1].Lift, 0)
}

func TestExperimentKPIDiagnostics(t *testing.T) {
	p, diags := dsl.LoadDir("testdata/experiment_errors")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, diags = compileWithDiagnostics(t, p)
	want := map[string]string{
		"repeat_share": `An experiment compares the customers of its variants, each by the KPI computed over his own touchpoints: a rate of customers (count_distinct(customer, …), or one over count_distinct(customer)) or a sum, count or mean per customer (sum(revenue), count(event == 'visit'), avg(basket)). KPI "repeat_share" reads customer aggregates (share, traits), which no single customer's touchpoints give. Judge a KPI written over touchpoints.`,
		"buyers_prev":  `An experiment compares the customers of its variants within its window, each by the KPI computed over his own touchpoints there. KPI "buyers_prev" reads previous(…), year_ago(…), change(…) or year_change(…), which compares a cell with the period before: no customer of the experiment has one. Judge the KPI it compares (cuped = true adjusts by each customer's value before the window).`,
		"retention":    `An experiment compares the customers of its variants within its window, each by the KPI computed over his own touchpoints there. KPI "retention" reads retained_customers(…), which compares a cell with the period before: no customer of the experiment has one. Judge the KPI it compares (cuped = true adjusts by each customer's value before the window).`,
	}
	for _, d := range diags {
		for name, detail := range want {
			if strings.Contains(d.Detail, strconv.Quote(name)) {
				if d.Detail != detail {
					t.Errorf("detail:\n%s\nwant:\n%s", d.Detail, detail)
				}
				delete(want, name)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("no diagnostic about %v in %v", want, diags)
	}
}

// Both customers saw both messages: nobody is left in the test, and the two
// are still counted as left out; listed variants show 0 customers and
// every statistic is null.
func TestExperimentEveryoneExcluded(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"omni.hcl": `
source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }
experiment "welcome" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B"]
  split      = [50, 50]
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.buyers]
}`,
		"tp.csv": "id,ts,event,message\na,2026-03-02,email,A\na,2026-03-03,email,B\nb,2026-03-02,email,B\nb,2026-03-04,email,A\n",
	})
	e := experimentNamed(t, runProject(t, dir)[0], "welcome")
	if e.Excluded != 2 || len(e.Variants) != 2 || e.Variants[0].Customers != 0 || e.Variants[1].Customers != 0 {
		t.Fatalf("excluded %d, variants %+v: want 2 left out and two empty variants", e.Excluded, e.Variants)
	}
	if len(e.Results) != 2 || !e.Results[1].Lift.IsNull() || !e.Results[1].P.IsNull() {
		t.Errorf("results %+v: want null figures", e.Results)
	}
}
