package engine_test

import (
	"slices"
	"strings"
	"testing"
)

// TestPreviousPeriodsByHand specifies previous periods, retention and
// earlier touchpoints on testdata/periods (month grain):
//
//	B 2025-02-15 store purchase 10
//	A 2026-01-05 web   visit
//	A 2026-01-10 store purchase 100
//	B 2026-01-12 store purchase 50
//	A 2026-02-03 store purchase 30
//	C 2026-02-10 web   visit          (same time as C's purchase)
//	C 2026-02-10 store purchase 20
//	A 2026-04-02 store purchase 60
//	B 2026-04-05 web   visit
//	B 2026-04-20 store purchase 40
//
// The calendar of the whole data runs from 2025-02 to 2026-04: March 2025
// to December 2025 and March 2026 have no row, so their counts are 0 and
// their sums null; January 2025 is before it, unknown. The campaign
// spring's runs from 2026-02 to 2026-04.
func TestPreviousPeriodsByHand(t *testing.T) {
	got := cellValues(runProject(t, "testdata/periods")[0])
	want := map[cell]float64{
		// orders per month: 2025-02 1, 2026-01 2, 2026-02 2, 2026-03 none, 2026-04 2.
		{"", "prev_orders", "", "", "2025-02"}: null, // 2025-01 is before the data
		{"", "prev_orders", "", "", "2026-01"}: 0,    // 2025-12: no row
		{"", "prev_orders", "", "", "2026-02"}: 2,
		{"", "prev_orders", "", "", "2026-04"}: 0, // by calendar: March, not February
		{"", "prev_orders", "", "", ""}:        null,
		// revenue: 2026-01 150, 2026-02 50, 2026-04 100; a sum over no row is null.
		{"", "prev_revenue", "", "", "2026-01"}:  null,
		{"", "prev_revenue", "", "", "2026-02"}:  150,
		{"", "prev_revenue", "", "", "2026-04"}:  null,
		{"", "revenue_delta", "", "", "2026-02"}: 50 - 150,
		{"", "revenue_delta", "", "", "2026-04"}: null,
		// change: (2 - 2) / 2; against 0, null.
		{"", "order_growth", "", "", "2026-02"}: 0,
		{"", "order_growth", "", "", "2026-01"}: null,
		{"", "order_growth", "", "", "2026-04"}: null,
		// A comparison of a comparison, through a KPI: March's growth,
		// (0 - 2) / 2, a month without rows; January's is null.
		{"", "prev_growth", "", "", "2026-04"}: -1,
		{"", "prev_growth", "", "", "2026-02"}: null,
		// A year before: 2025-02 had 1 order, 2025-04 none, 2025-01 is unknown.
		{"", "orders_year_ago", "", "", "2026-02"}: 1,
		{"", "orders_year_ago", "", "", "2026-04"}: 0,
		{"", "orders_year_ago", "", "", "2026-01"}: null,
		{"", "orders_yoy", "", "", "2026-02"}:      (2.0 - 1) / 1,
		{"", "orders_yoy", "", "", "2026-04"}:      null,
		// A formula of aggregates: January's basket 150 / 2; March's none.
		{"", "prev_basket", "", "", "2026-02"}: 75,
		{"", "prev_basket", "", "", "2026-04"}: null,
		{"", "prev_count", "", "", "2026-02"}:  3, // January's three rows
		// Per channel, the same channel's previous period: web had rows in
		// January (no order), none in March.
		{"", "prev_orders", "channel", "web", "2026-02"}:   0,
		{"", "prev_orders", "channel", "web", "2026-04"}:   0,
		{"", "prev_orders", "channel", "store", "2026-02"}: 2,
		{"", "prev_revenue", "channel", "web", "2026-02"}:  null,
		{"", "prev_count", "channel", "web", "2026-02"}:    1, // A's visit
		{"", "prev_count", "channel", "web", ""}:           null,
		// A campaign's calendar starts with it: nothing before February.
		{"spring", "prev_orders", "", "", "2026-02"}:            null,
		{"spring", "prev_orders", "", "", "2026-04"}:            0,
		{"spring", "prev_count", "channel", "store", "2026-04"}: 0,
		{"spring", "orders_year_ago", "", "", "2026-02"}:        null,
		// Buyers (orders_placed >= 1): 2025-02 B; 2026-01 A, B; 2026-02 A, C;
		// 2026-04 A, B. Retained: buyers of the month before too: A in February.
		{"", "buyers", "", "", "2026-02"}:                2,
		{"", "retained_buyers", "", "", "2025-02"}:       0,
		{"", "retained_buyers", "", "", "2026-01"}:       0, // nobody bought in 2025-12
		{"", "retained_buyers", "", "", "2026-02"}:       1,
		{"", "retained_buyers", "", "", "2026-04"}:       0, // nobody in March
		{"", "retained_buyers", "", "", ""}:              null,
		{"", "retained_any", "", "", "2026-02"}:          1, // A; C had no row in January
		{"", "retention", "", "", "2026-02"}:             1.0 / 2,
		{"", "retention", "", "", "2026-01"}:             null, // 0 / 0 buyers in 2025-12
		{"", "retention", "", "", "2026-04"}:             null,
		{"spring", "retained_buyers", "", "", "2026-02"}: 0, // January is outside the campaign
		// Store orders after a web visit of the same customer: A 01-10
		// (visit 01-05), A 02-03, A 04-02, B 04-20 (visit 04-05); not C
		// (visit at the same time), nor B's before April.
		{"", "ropo_orders", "", "", ""}:        4,
		{"", "ropo_orders", "", "", "2026-01"}: 1,
		{"", "ropo_orders", "", "", "2026-04"}: 2,
		// The campaign's rows look back over the whole data: A's 02-03
		// purchase follows his January visit.
		{"spring", "ropo_orders", "", "", ""}: 3,
		// Within 14 days: A 01-10 only (visit 5 days before); B's visit is
		// 15 days before his purchase, to the minute: within 15 days.
		{"", "ropo_14", "", "", ""}: 1,
		{"", "ropo_15", "", "", ""}: 2,
		// Before the month: A 02-03 and A 04-02 only (B's visit is in April).
		{"", "ropo_period", "", "", ""}:        2,
		{"", "ropo_period", "", "", "2026-01"}: 0,
		{"", "ropo_period", "", "", "2026-04"}: 1,
	}
	expectCells(t, got, want)
	// A period without any row in the scope is in the calendar, not in the
	// scorecard.
	expectAbsent(t, got, cell{"", "orders", "", "", "2026-03"}, cell{"", "prev_orders", "", "", "2025-06"}, cell{"spring", "orders", "", "", "2026-03"})
}

// TestMeaningOfEarlierRows: the normal form of a KPI that reads other rows
// writes out what it reads, so that its fingerprint changes with it: the
// condition on earlier touchpoints or periods, the KPI compared.
func TestMeaningOfEarlierRows(t *testing.T) {
	const dir, file = "testdata/periods", "periods.hcl"
	base := compileEdited(t, dir, file)
	if m := meaning(t, base, "kpi.ropo_orders"); !strings.Contains(m, `min(CASE WHEN "__channel" IS NOT DISTINCT FROM 'web' THEN __time END)`) {
		t.Errorf("the meaning of kpi.ropo_orders does not write out its window:\n%s", m)
	}
	for _, tc := range []struct {
		name    string
		edits   []string
		changed []string
	}{
		{"earlier condition", []string{"had_before(channel == 'web'))", "had_before(channel == 'store'))"}, []string{"kpi.ropo_orders"}},
		{"KPI compared", []string{`kpi "orders" { formula = "count(event == 'purchase')" }`, `kpi "orders" { formula = "count(event != 'visit')" }`},
			[]string{"kpi.orders", "kpi.prev_orders", "kpi.order_growth"}},
		{"retained condition", []string{"retained_customers(orders_placed >= 1)\" }", "retained_customers(orders_placed >= 2)\" }"}, []string{"kpi.retained_buyers"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := compileEdited(t, dir, file, tc.edits...)
			for _, address := range []string{"kpi.orders", "kpi.prev_orders", "kpi.order_growth", "kpi.retained_buyers", "kpi.ropo_orders", "kpi.revenue"} {
				changed := meaning(t, c, address) != meaning(t, base, address)
				if want := slices.Contains(tc.changed, address); changed != want {
					t.Errorf("%s changed: %v, want %v", address, changed, want)
				}
			}
		})
	}
}
