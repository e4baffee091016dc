package engine_test

import "testing"

// A KPI named after the column it aggregates, as dbt, Looker and Cube users
// name measures: inside an aggregate the name is the column, outside it the
// KPI. The revenue column of testdata/tiny holds 100 (A, Q1), 50 and 70
// (C, Q2), all on rx rows; A and C are the two prescribers, one a quarter.
func TestKPINamedLikeItsColumn(t *testing.T) {
	dir := tinyWith(t, map[string]string{"names.hcl": `
kpi "revenue" { formula = "sum(revenue)" }
kpi "revenue_per_prescriber" { formula = "revenue / prescribers" }
kpi "top_share" { formula = "max(revenue) / revenue" }
kpi "half" { formula = "kpi.revenue / 2" }
`})
	got := cellValues(runProject(t, dir)[0])
	expectCells(t, got, map[cell]float64{
		{"", "revenue", "", "", ""}:                       220, // 100 + 50 + 70
		{"", "revenue", "", "", "2026-Q1"}:                100,
		{"", "revenue", "", "", "2026-Q2"}:                120,
		{"", "revenue", "channel", "rx", ""}:              220,
		{"", "revenue_per_prescriber", "", "", ""}:        110, // 220 / 2
		{"", "revenue_per_prescriber", "", "", "2026-Q2"}: 120, // 120 / 1 (C)
		{"", "top_share", "", "", ""}:                     100.0 / 220,
		{"", "top_share", "", "", "2026-Q2"}:              70.0 / 120,
		{"", "half", "", "", ""}:                          110,
	})
}
