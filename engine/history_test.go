package engine_test

// The customer history of testdata/history, computed by hand. The project
// is per year and as of 2026-09-30: A's purchase of 2026-12-20 is left out,
// and 2026 (like the whole data) ends on 2026-10-01. Each year's row of a
// customer looks back from the end of the year, the first day of the next:
//
//	purchases (visits add none)   2024 (end 2025-01-01)   2025 (2026-01-01)       2026 (2026-10-01)     whole (2026-10-01)
//	A 2024-03-01 100, 2025-06-15 50  rec 306 f 1 m 100 t 306   200 f 2 m 75 t 671    –                     473 f 2 m 75 t 944
//	B 2024-12-31 200, 2025-01-01 20  1 f 1 m 200 t 1           365 f 2 m 110 t 366   –                     638 f 2 m 110 t 639
//	C visit 2025-11-30,             –                          null f 0 m null       232 f 2 m 50 t 233    232 f 2 m 50 t 233
//	  2026-02-10 60, 2026-02-11 40
//	D 2024-07-04 80                 181 f 1 m 80 t 181         –                     –                     819 f 1 m 80 t 819
//	E 2026-06-30 10, visit 07-01    –                          –                     93 f 1 m 10 t 93      93 f 1 m 10 t 93
//
// (rec: days since the last purchase, e.g. A in 2024: 2024-03-01 to
// 2025-01-01 is 306 days of a leap year; f: purchases up to the end; m:
// their mean amount; t: days since the first purchase, e.g. A in 2025:
// 306 + 365.) The purchases of the 365 days before the end (frequency_365):
// 2024 A, B, D 1 each; 2025 A 1 (2025-06-15) and B 1 (2025-01-01 is exactly
// 365 days before 2026-01-01, the window's first day), C 0; 2026 C 2, E 1;
// whole data A, B, D 0, C 2, E 1. A KPI aggregates the customers with a
// touchpoint in its cell: 2024 A, B, D; 2025 A, B, C; 2026 C, E; the whole
// data all five.

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestCustomerHistoryByHand(t *testing.T) {
	cards := runProject(t, "testdata/history")
	if len(cards) != 1 {
		t.Fatalf("want the default scorecard alone, got %d", len(cards))
	}
	expectCells(t, cellValues(cards[0]), map[cell]float64{
		{"", "total_frequency", "", "", ""}:     8, // 2 + 2 + 2 + 1 + 1
		{"", "total_frequency", "", "", "2024"}: 3,
		{"", "total_frequency", "", "", "2025"}: 4, // 2 + 2 + 0
		{"", "total_frequency", "", "", "2026"}: 3, // 2 + 1
		{"", "max_recency", "", "", ""}:         819,
		{"", "max_recency", "", "", "2024"}:     306,
		{"", "max_recency", "", "", "2025"}:     365, // C has no purchase yet: null
		{"", "max_recency", "", "", "2026"}:     232,
		{"", "min_tenure", "", "", ""}:          93,
		{"", "min_tenure", "", "", "2024"}:      1,
		{"", "min_tenure", "", "", "2025"}:      366,
		{"", "min_tenure", "", "", "2026"}:      93,
		{"", "mean_monetary", "", "", ""}:       (75.0 + 110 + 50 + 80 + 10) / 5,
		{"", "mean_monetary", "", "", "2024"}:   (100.0 + 200 + 80) / 3,
		{"", "mean_monetary", "", "", "2025"}:   (75.0 + 110) / 2,
		{"", "mean_monetary", "", "", "2026"}:   (50.0 + 10) / 2,
		{"", "active_365", "", "", ""}:          2, // C, E
		{"", "active_365", "", "", "2024"}:      3,
		{"", "active_365", "", "", "2025"}:      2, // A, B
		{"", "active_365", "", "", "2026"}:      2,
		{"", "early_buyers", "", "", ""}:        3, // first purchase in 2024: A, B, D
		{"", "early_buyers", "", "", "2024"}:    3,
		{"", "early_buyers", "", "", "2025"}:    2, // A, B
		{"", "early_buyers", "", "", "2026"}:    0,
		{"", "lapsed_buyers", "", "", ""}:       3, // A 473, B 638, D 819
		{"", "lapsed_buyers", "", "", "2025"}:   0, // B's 365 is not more than 365
		// The campaign spring_2026 (2026-02-01 to 2026-06-30): C and E, whose
		// history its whole window sees up to 2026-07-01. C: 2026-02-11 is 140
		// days before (18 + 31 + 30 + 31 + 30), 2026-02-10 141; E: 1 day.
		// Per year, its rows end with the year (or the reference date), as
		// the whole data's do.
		{"spring_2026", "max_recency", "", "", ""}:       140,
		{"spring_2026", "min_tenure", "", "", ""}:        1,
		{"spring_2026", "total_frequency", "", "", ""}:   3,
		{"spring_2026", "max_recency", "", "", "2026"}:   232,
		{"spring_2026", "early_buyers", "", "", ""}:      0,
		{"spring_2026", "mean_monetary", "", "", "2026"}: 30,
	})

	// The ladders put every customer with a touchpoint (up to their
	// reference date) in a stage every year: prospect, lapsed (more than
	// 365 days since the last purchase), active (a purchase in the last
	// 365 days), loyal (and 2 purchases at least).
	//
	//	     2024     2025                          2026
	//	A    active   loyal                         lapsed (473)
	//	B    active   loyal (2025-01-01 in window)  lapsed (638)
	//	C    prospect prospect (no purchase)        loyal
	//	D    active   lapsed (546)                  lapsed (819)
	//	E    prospect prospect                      active
	//
	// rfm_inline writes recency's formula in its rule: the same stages.
	// rfm_mid_2025 is as of 2025-06-30: C and E have no touchpoint by then,
	// and 2025 ends on 2025-07-01: A loyal (2025-06-15, 2 purchases), B
	// loyal, D active (2024-07-04 is 362 days before: not lapsed, and in
	// the window, which starts on 2024-07-01).
	ladders := cards[0].Loyalty
	if len(ladders) != 3 {
		t.Fatalf("want 3 ladders, got %d", len(ladders))
	}
	byYear := [][]float64{{2, 0, 3, 0}, {2, 1, 0, 2}, {0, 3, 1, 1}}
	want := [][][]float64{byYear, byYear, {{0, 0, 3, 0}, {0, 0, 1, 2}}}
	for i, name := range []string{"rfm", "rfm_inline", "rfm_mid_2025"} {
		if ladders[i].Name != name {
			t.Fatalf("ladder %d is %q, want %q", i, ladders[i].Name, name)
		}
		var counts [][]float64
		for _, p := range ladders[i].Periods {
			counts = append(counts, values(p.Counts))
		}
		check(t, name+" counts", want[i], counts)
	}
}

// TestHistorySQL pins how the KPI statement computes the traits that look
// back: each aggregate once per customer and day (the count of purchases
// serves both frequency and frequency_365), then a window per look-back
// over those days and the customers' rows, each row on the last day of its
// period; no join of the touchpoints to the periods.
func TestHistorySQL(t *testing.T) {
	sql := compileDir(t, "testdata/history").Plans[0].SQL
	step := func(name string) string {
		_, after, ok := strings.Cut(sql, "\n"+name+" AS (\n")
		body, _, _ := strings.Cut(after, "\n),\n")
		if !ok {
			t.Fatalf("no step %s in\n%s", name, sql)
		}
		return body
	}
	purchase := `CASE WHEN "event" IS NOT DISTINCT FROM 'purchase' THEN `
	check(t, "customer_days", `    SELECT __customer,
           CAST(__time AS DATE) - DATE '1970-01-01' AS __day,
           max(`+purchase+`"__time" END) AS __d1,
           min(`+purchase+`"__time" END) AS __d2,
           count(`+purchase+`1 END) AS __d3,
           sum(`+purchase+`"amount" END) AS __d4
    FROM facts
    WHERE __customer IS NOT NULL
    GROUP BY ALL`, step("customer_days"))
	all := "OVER (PARTITION BY __customer ORDER BY __day RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
	check(t, "customer_history", `    SELECT * EXCLUDE (__day, __row, __d1, __d2, __d3, __d4),
           max(__d1) `+all+` AS __hist1,
           min(__d2) `+all+` AS __hist2,
           sum(__d3) `+all+` AS __hist3,
           sum(__d4) `+all+` AS __hist4,
           sum(__d3) OVER (PARTITION BY __customer ORDER BY __day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS __hist5
    FROM (
      SELECT *, CAST(__end AS DATE) - DATE '1970-01-01' - 1 AS __day, true AS __row FROM (SELECT *, CASE WHEN __period IS NULL THEN CASE __scope WHEN 1 THEN TIMESTAMP '2026-07-01' ELSE TIMESTAMP '2026-10-01' END ELSE least(__period + INTERVAL '1 year', TIMESTAMP '2026-10-01') END AS __end FROM customer_aggregates)
      UNION ALL BY NAME
      SELECT *, false AS __row FROM customer_days
    )
    QUALIFY __row`, step("customer_history"))
	if !strings.Contains(step("facts"), "WHERE CAST(t.\"ts\" AS TIMESTAMP) IS NOT NULL AND CAST(t.\"ts\" AS TIMESTAMP) < TIMESTAMP '2026-10-01'") {
		t.Errorf("the facts do not end on the reference date:\n%s", step("facts"))
	}
}

// A reference date ends the data on that day: the touchpoints and the spend
// after 2026-03-31 are left out of testdata/tiny, which keeps A's three
// touchpoints, B's open of January 15, and January's spend, 10 + 100.
func TestReferenceDateEndsTheData(t *testing.T) {
	c := compileEdited(t, tinyDir, "tiny.hcl", `grain = "quarter"`, "grain = \"quarter\"\n  as_of = \"2026-03-31\"")
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	got := cellValues(sc)
	expectCells(t, got, map[cell]float64{
		{"", "reach", "", "", ""}:                2, // A, B
		{"", "revenue_total", "", "", ""}:        100,
		{"", "cost", "", "", ""}:                 110,
		{"", "revenue_total", "", "", "2026-Q1"}: 100,
	})
	if _, ok := got[cell{"", "reach", "", "", "2026-Q2"}]; ok {
		t.Errorf("a period after the reference date is reported")
	}
}

// as_of = "data" is the day of the last touchpoint, A's purchase of
// 2026-12-20 in testdata/history: the scorecard is that of as_of =
// "2026-12-20" cell for cell, and says so. By hand, to the end of
// 2026-12-20 (2026-12-21, day 355 of 2026): recency A 1 day, B 719
// (2025-01-01: 365 days to 2026-01-01, then 354), C 313 (2026-02-11, day
// 42), D 900 (2024-07-04: 181 days to 2025-01-01, then 365 and 354), E
// 174 (2026-06-30, day 181);
// 2026 (A, C, E) ends there too. Purchases: A 3, B 2, C 2, D 1, E 1.
func TestReferenceDateFromTheData(t *testing.T) {
	run := func(asOf string) *scorecard.Scorecard {
		c := compileEdited(t, "testdata/history", "history.hcl", `as_of = "2026-09-30"`, `as_of = "`+asOf+`"`)
		sc, err := c.Run(context.Background(), c.Plans[0])
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	data, written := run("data"), run("2026-12-20")
	if data.AsOf != "2026-12-20" || written.AsOf != "2026-12-20" {
		t.Errorf("reference dates %q and %q, want 2026-12-20 both", data.AsOf, written.AsOf)
	}
	got := cellValues(data)
	expectCells(t, got, map[cell]float64{
		{"", "max_recency", "", "", ""}:                  900,
		{"", "max_recency", "", "", "2026"}:              313,
		{"", "total_frequency", "", "", ""}:              9,
		{"", "total_frequency", "", "", "2026"}:          6,
		{"", "lapsed_buyers", "", "", ""}:                2,   // B, D
		{"spring_2026", "max_recency", "", "", ""}:       140, // its window still ends on 2026-07-01
		{"spring_2026", "total_frequency", "", "", ""}:   3,
		{"spring_2026", "mean_monetary", "", "", "2026"}: 30, // C (60 + 40) / 2 and E 10
	})
	if want := cellValues(written); !maps.Equal(got, want) {
		t.Errorf("as_of = \"data\" differs from the date it finds:\n%v\nwant\n%v", got, want)
	}
	// The ladders rfm and rfm_inline end there too (rfm_mid_2025 has its own).
	ladders, _ := json.Marshal(data.Loyalty)
	want, _ := json.Marshal(written.Loyalty)
	if string(ladders) != string(want) {
		t.Errorf("the ladders as of the data differ from those as of 2026-12-20:\n%s\nwant\n%s", ladders, want)
	}
}
