package engine_test

// Many KPIs, each with a condition of its own, of every touchpoint
// aggregate: a scorecard computes hundreds of distinct conditions side by
// side (issue 22), and each must be the aggregate over the rows meeting its
// condition — over none of them NULL, 0 for counts. Every value is checked
// against the aggregate computed here from the rows, cell by cell: the whole
// data, each month, each channel and segment, and each of these per month.

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// manyRow is a touchpoint: customer, month, channel and revenue (NaN for
// none).
type manyRow struct {
	customer, month, channel string
	revenue                  float64
}

var manyRows = []manyRow{
	{"C1", "2026-01", "web", 12},
	{"C1", "2026-01", "store", math.NaN()},
	{"C2", "2026-01", "web", 40},
	{"C2", "2026-02", "web", 7},
	{"C3", "2026-02", "store", 95},
	{"C3", "2026-02", "store", math.NaN()},
	{"C4", "2026-02", "web", 3},
	{"C1", "2026-03", "store", 60},
	{"C2", "2026-03", "store", 22},
	{"C4", "2026-03", "web", 150},
}

// older is the project's one segment: the customers aged 40 or more.
var older = map[string]bool{"C2": true, "C3": true}

const manyProject = `project "many" { grain = "month" }
source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer"
  time     = "ts"
  channel  = "channel"
}
source "customers" {
  path = "customers.csv"
  key  = "customer"
}
segment "older" { where = "age >= 40" }
channel "web" {}
channel "store" {}
`

// manyAggregates are the KPIs of each threshold t: their formula and their
// value over the revenues above t of the rows of a cell, with the customers
// of those rows.
var manyAggregates = []struct {
	formula string
	want    func(revenues []float64, customers []string) float64
}{
	{"count(revenue > %d)", func(r []float64, _ []string) float64 { return float64(len(r)) }},
	{"count_distinct(customer, revenue > %d)", func(_ []float64, c []string) float64 {
		return float64(len(slices.Compact(slices.Sorted(slices.Values(c)))))
	}},
	{"sum(revenue, revenue > %d)", orNull(func(r []float64) float64 { return sum(r) })},
	{"avg(revenue, revenue > %d)", orNull(func(r []float64) float64 { return sum(r) / float64(len(r)) })},
	{"min(revenue, revenue > %d)", orNull(func(r []float64) float64 { return slices.Min(r) })},
	{"max(revenue, revenue > %d)", orNull(func(r []float64) float64 { return slices.Max(r) })},
	{"median(revenue, revenue > %d)", orNull(func(r []float64) float64 { return quantile(r, 0.5) })},
	{"quantile(revenue, 0.25, revenue > %d)", orNull(func(r []float64) float64 { return quantile(r, 0.25) })},
}

// manyThresholds are the conditions' thresholds: from below every revenue
// to above them all, every 8.
const manyThresholds = 20

func TestManyConditionalKPIsByHand(t *testing.T) {
	dir := t.TempDir()
	writeManyProject(t, dir)
	sc := runProject(t, dir)[0]
	got := cellValues(sc)
	checked := 0
	for a, agg := range manyAggregates {
		for i := range manyThresholds {
			threshold := 8 * i
			kpi := fmt.Sprintf("k%d_%d", a, threshold)
			for c, rows := range manyCells() {
				var revenues []float64
				var customers []string
				for _, r := range rows {
					if r.revenue > float64(threshold) { // false for NaN, as SQL's NULL > t
						revenues = append(revenues, r.revenue)
						customers = append(customers, r.customer)
					}
				}
				c.kpi = kpi
				expectCells(t, got, map[cell]float64{c: agg.want(revenues, customers)})
				checked++
			}
		}
	}
	if len(sc.Values) != checked {
		t.Errorf("the scorecard holds %d values, want the %d of the cells checked", len(sc.Values), checked)
	}
}

// writeManyProject writes the project: its definitions, one KPI per
// aggregate and threshold, and its rows as CSV.
func writeManyProject(t *testing.T, dir string) {
	t.Helper()
	var kpis, touchpoints strings.Builder
	for a, agg := range manyAggregates {
		for i := range manyThresholds {
			fmt.Fprintf(&kpis, "kpi \"k%d_%d\" { formula = %q }\n", a, 8*i, fmt.Sprintf(agg.formula, 8*i))
		}
	}
	touchpoints.WriteString("customer,ts,channel,revenue\n")
	for i, r := range manyRows {
		revenue := ""
		if !math.IsNaN(r.revenue) {
			revenue = fmt.Sprint(r.revenue)
		}
		fmt.Fprintf(&touchpoints, "%s,%s-%02d 10:00:00,%s,%s\n", r.customer, r.month, i+1, r.channel, revenue)
	}
	files := map[string]string{
		"project.hcl":     manyProject,
		"kpis.hcl":        kpis.String(),
		"touchpoints.csv": touchpoints.String(),
		"customers.csv":   "customer,age\nC1,25\nC2,45\nC3,60\nC4,33\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// manyCells are the cells of the scorecard that hold rows (without their
// KPI), with those rows.
func manyCells() map[cell][]manyRow {
	cells := map[cell][]manyRow{}
	for _, r := range manyRows {
		for _, period := range []string{"", r.month} {
			cells[cell{period: period}] = append(cells[cell{period: period}], r)
			ch := cell{by: "channel", key: r.channel, period: period}
			cells[ch] = append(cells[ch], r)
			if older[r.customer] {
				seg := cell{by: "segment", key: "older", period: period}
				cells[seg] = append(cells[seg], r)
			}
		}
	}
	return cells
}

// orNull is an aggregate that is NULL (NaN) over no value.
func orNull(f func([]float64) float64) func([]float64, []string) float64 {
	return func(r []float64, _ []string) float64 {
		if len(r) == 0 {
			return math.NaN()
		}
		return f(r)
	}
}

func sum(values []float64) float64 {
	s := 0.0
	for _, v := range values {
		s += v
	}
	return s
}

// quantile interpolates between the two values around the fraction q of
// the sorted values, as DuckDB's quantile_cont.
func quantile(values []float64, q float64) float64 {
	sorted := slices.Sorted(slices.Values(values))
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (pos-float64(lo))*(sorted[hi]-sorted[lo])
}
