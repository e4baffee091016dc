package engine_test

// The cohorts of testdata/cohorts, computed by hand. Per month:
//
//	    touchpoints                                   first_order  first_touch
//	A   visit 01-05, order 01-10, 02-03, 04-20          2026-01      2026-01
//	B   order 01-25, 03-02                              2026-01      2026-01
//	C   visit 2025-12-20, order 02-14, 03-01            2026-02      2025-12
//	D   visit 02-28 (never orders)                      –            2026-02
//	E   order 02-01                                     2026-02      2026-02
//
// buyers (customers with an order in the cell) by first_order × offset, the
// months since the cohort's:
//
//	cohort    0       1      2     3
//	2026-01   A, B 2  A 1    B 1   A 1
//	2026-02   C, E 2  C 1
//
// A's visit of 01-05 is in his cohort's month (offset 0, no order); C's of
// 2025-12-20 is before his cohort (no offset), as D's touchpoints are (no
// cohort). Every cohort pooled, by offset: 0 A, B, C, E 4; 1 A, C 2; 2 B 1;
// 3 A 1. reach (any touchpoint) by first_touch: 2025-12 C 1; 2026-01 A, B
// 2; 2026-02 D, E 2. In the campaign march (2026-03), the cohorts are still
// those of the whole history: B (03-02) is of 2026-01, offset 2, and C
// (03-01) of 2026-02, offset 1 — not first orders in March.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestCohortRetentionByHand(t *testing.T) {
	cards := runProject(t, "testdata/cohorts")
	if len(cards) != 1 {
		t.Fatalf("want the scorecard retention alone, got %d", len(cards))
	}
	const triangle = "cohort.first_order × cohort.first_order.offset"
	const offset, firstTouch = "cohort.first_order.offset", "cohort.first_touch"
	got := cellValues(cards[0])
	expectCells(t, got, map[cell]float64{
		{"", "buyers", triangle, "2026-01 × 0", ""}:        2,
		{"", "buyers", triangle, "2026-01 × 1", ""}:        1,
		{"", "buyers", triangle, "2026-01 × 2", ""}:        1,
		{"", "buyers", triangle, "2026-01 × 3", ""}:        1,
		{"", "buyers", triangle, "2026-02 × 0", ""}:        2,
		{"", "buyers", triangle, "2026-02 × 1", ""}:        1,
		{"", "reach", triangle, "2026-01 × 0", ""}:         2, // A's visit and order, B's order
		{"", "reach", triangle, "2026-02 × (none)", ""}:    1, // C's visit before his cohort
		{"", "reach", triangle, "(none) × (none)", ""}:     1, // D
		{"", "buyers", triangle, "2026-01 × 2", "2026-03"}: 1, // the cell's one month
		{"", "buyers", offset, "0", ""}:                    4,
		{"", "buyers", offset, "1", ""}:                    2,
		{"", "buyers", offset, "2", ""}:                    1,
		{"", "buyers", offset, "3", ""}:                    1,
		{"", "reach", firstTouch, "2025-12", ""}:           1,
		{"", "reach", firstTouch, "2026-01", ""}:           2,
		{"", "reach", firstTouch, "2026-02", ""}:           2,
		{"march", "buyers", triangle, "2026-01 × 2", ""}:   1,
		{"march", "buyers", triangle, "2026-02 × 1", ""}:   1,
	})
	expectAbsent(t, got,
		cell{"", "buyers", triangle, "2026-02 × 2", ""},      // nobody of 2026-02 came back in April
		cell{"march", "buyers", triangle, "2026-03 × 0", ""}, // no cohort of March
	)
	// The offsets are ordered as numbers in the scorecard: 0, 1, 2, 3.
	var offsets []string
	for _, v := range cards[0].Values {
		if v.Campaign == "" && v.KPI == "buyers" && v.By == offset && v.Period == "" && v.Key != nil {
			offsets = append(offsets, *v.Key)
		}
	}
	check(t, "offsets in order", []string{"0", "1", "2", "3"}, offsets)
	// The scorecard carries the fingerprints of the cohorts it is broken
	// down by, which omni diff compares.
	c := compileDir(t, "testdata/cohorts")
	var cohorts []string
	for _, co := range cards[0].Cohorts {
		if normal, _, ok := c.Meaning("cohort." + co.Name); ok && co.Fingerprint == scorecard.Fingerprint(normal) {
			cohorts = append(cohorts, co.Name)
		}
	}
	check(t, "cohorts with their fingerprints", []string{"first_order", "first_touch"}, cohorts)
}

// TestCohortSQL pins how cohorts are computed: once per customer, a GROUP
// BY over the facts (his whole history), joined to the touchpoints before
// the scopes; the KPIs stay one scan of them.
func TestCohortSQL(t *testing.T) {
	sql := compileDir(t, "testdata/cohorts").Plans[0].SQL
	step := func(name string) string {
		_, after, ok := strings.Cut(sql, "\n"+name+" AS (\n")
		body, _, _ := strings.Cut(after, "\n),\n")
		if !ok {
			t.Fatalf("no step %s in\n%s", name, sql)
		}
		return body
	}
	check(t, "cohorts", `    SELECT __customer,
           CAST(date_trunc('month', min(CASE WHEN "event" IS NOT DISTINCT FROM 'order' THEN __time END)) AS DATE) AS "cohort.first_order",
           CAST(date_trunc('month', min(__time)) AS DATE) AS "cohort.first_touch"
    FROM facts
    WHERE __customer IS NOT NULL
    GROUP BY __customer`, step("cohorts"))
	check(t, "cohort_facts", `    SELECT f.*,
           strftime(co."cohort.first_order", '%Y-%m') AS "cohort.first_order",
           CASE WHEN CAST(date_trunc('month', f.__time) AS DATE) >= co."cohort.first_order" THEN CAST(datediff('month', co."cohort.first_order", CAST(date_trunc('month', f.__time) AS DATE)) AS VARCHAR) END AS "cohort.first_order.offset",
           strftime(co."cohort.first_touch", '%Y-%m') AS "cohort.first_touch",
           CASE WHEN CAST(date_trunc('month', f.__time) AS DATE) >= co."cohort.first_touch" THEN CAST(datediff('month', co."cohort.first_touch", CAST(date_trunc('month', f.__time) AS DATE)) AS VARCHAR) END AS "cohort.first_touch.offset"
    FROM facts AS f
    LEFT JOIN cohorts AS co ON co.__customer = f.__customer`, step("cohort_facts"))
	if !strings.Contains(step("scoped"), "FROM cohort_facts") {
		t.Errorf("the scopes are not those of the touchpoints with their cohorts:\n%s", step("scoped"))
	}
}

// The diagnostics of cohorts, word for word.
func TestCohortDiagnosticDetails(t *testing.T) {
	var got []string
	for _, dir := range []string{"testdata/cohort_errors", "testdata/cohort_definition_errors"} {
		p, diags := dsl.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		_, diags = compileWithDiagnostics(t, p)
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%s:%d: %s: %s", dir[len("testdata/"):], d.Subject.Start.Line, d.Summary, d.Detail))
		}
	}
	want := []string{
		`cohort_errors:21: Breakdown without meaning: KPI "orders_per_customer" aggregates customers' traits, which are not split by cohort: count a cohort's customers over touchpoints, with count_distinct(customer).`,
		`cohort_errors:26: Unknown cohort: No cohort block is named "first_ordr": a cohort breakdown is "cohort.<name>", and its periods since "cohort.<name>.offset". Did you mean "first_order"?`,
		`cohort_definition_errors:17: Condition expected: This formula selects rows, so it must be true or false; it is an integer. Compare it: x == 'value', x > 10.`,
		`cohort_definition_errors:21: Breakdown without meaning: A ladder is not broken down by a cohort ("cohort.first_order"): break it down by "segment" or a customer attribute.`,
		`cohort_definition_errors:29: Breakdown without meaning: A ladder is not broken down by a cohort ("cohort.first_amount"): break it down by "segment" or a customer attribute.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// A cohort's period may differ from the project's grain: by ISO week, the
// first touchpoints of testdata/cohorts are C 2025-12-20 (2025-W51), A
// 2026-01-05 (a Monday, 2026-W02), B 2026-01-25 (a Sunday, 2026-W04), E
// 2026-02-01 (2026-W05), D 2026-02-28 (2026-W09); by quarter, the orders
// of January to March are at offset 0 of the cohort 2026-Q1 (A, B, C, E)
// and A's of April at offset 1.
func TestCohortPeriods(t *testing.T) {
	c := compileEdited(t, "testdata/cohorts", "cohorts.hcl",
		`cohort "first_touch" {}`, `cohort "first_touch" { period = "week" }`,
		`when = "event == 'order'"`, "when = \"event == 'order'\"\n  period = \"quarter\"")
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	const offset, firstTouch = "cohort.first_order.offset", "cohort.first_touch"
	expectCells(t, cellValues(sc), map[cell]float64{
		{"", "reach", firstTouch, "2025-W51", ""}:                                           1,
		{"", "reach", firstTouch, "2026-W02", ""}:                                           1,
		{"", "reach", firstTouch, "2026-W04", ""}:                                           1,
		{"", "reach", firstTouch, "2026-W05", ""}:                                           1,
		{"", "reach", firstTouch, "2026-W09", ""}:                                           1,
		{"", "buyers", offset, "0", ""}:                                                     4,
		{"", "buyers", offset, "1", ""}:                                                     1,
		{"", "buyers", "cohort.first_order × cohort.first_order.offset", "2026-Q1 × 1", ""}: 1,
	})
}
