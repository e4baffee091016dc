package engine_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// visitsTable are the touchpoints of TestTableSourceRows: the amount is
// text, declared DOUBLE; __bonus has a name like omni's own columns (its
// view renames it); one row repeats another, one has no time and one no
// customer.
var visitsTable = []string{
	`CREATE SCHEMA "rows"`,
	`CREATE TABLE "rows".visits (customer_id text, seen_at timestamptz, channel varchar(20), amount text, __bonus integer)`,
	`INSERT INTO "rows".visits VALUES
	  ('A', '2026-03-01 10:00+00', 'email', '10.5', 1),
	  ('A', '2026-03-01 10:00+00', 'email', '10.5', 1),
	  ('B', '2026-03-02 09:00+00', 'visit', '20', 2),
	  ('C', NULL, 'email', '5', 3),
	  (NULL, '2026-03-03 08:00+00', 'visit', '7', 4),
	  ('C', '2026-03-04 12:00+00', 'visit', '4.5', 5)`,
}

// visitsFile holds the same rows as a file.
const visitsFile = `customer_id,seen_at,channel,amount,__bonus
A,2026-03-01 10:00:00+00,email,10.5,1
A,2026-03-01 10:00:00+00,email,10.5,1
B,2026-03-02 09:00:00+00,visit,20,2
C,,email,5,3
,2026-03-03 08:00:00+00,visit,7,4
C,2026-03-04 12:00:00+00,visit,4.5,5
`

// rowsProject reads the visits from where: `table = "rows.visits"` or a
// path.
func rowsProject(where string) string {
	return `project "rows" {
  as_of = "data"
  grain = "month"
}
source "visits" {
  ` + where + `
  customer = "customer_id"
  time     = "seen_at"
  channel  = "channel"
  types    = { amount = "DOUBLE" }
  distinct = true
}
column "big" {
  source  = [source.visits]
  formula = "amount >= 10"
}
column "boosted" {
  source  = [source.visits]
  formula = "amount + __bonus"
}
kpi "revenue" { formula = "sum(amount)" }
kpi "boosted_revenue" { formula = "sum(boosted)" }
kpi "bonus" { formula = "sum(__bonus)" }
kpi "big_revenue" { formula = "sum(amount, big)" }
kpi "buyers" { formula = "count_distinct(customer)" }
`
}

// TestTableSourceRows runs a table source with declared types, distinct
// rows, a derived column and as_of = "data", and the same rows as a file
// on DuckDB. By hand: the repeated row is dropped (1 duplicate); the row
// without a time counts nowhere; the row without a customer counts in
// sums, not in customers. revenue = 10.5 + 20 + 7 + 4.5 = 42, big_revenue
// (amount >= 10) = 10.5 + 20 = 30.5, buyers = A, B, C = 3; bonus = 1 + 2
// + 4 + 5 = 12, boosted_revenue (amount + __bonus, a derived column over a
// renamed one) = 42 + 12 = 54; the last touchpoint's day is 2026-03-04.
func TestTableSourceRows(t *testing.T) {
	asOwner(t, visitsTable...)
	dir := t.TempDir()
	write(t, dir, "project.hcl", rowsProject(`table = "rows.visits"`))
	onTable := runOne(t, dir, true)

	files := t.TempDir()
	write(t, files, "project.hcl", rowsProject(`path = "visits.csv"`))
	write(t, files, "visits.csv", visitsFile)
	onFile := runOne(t, files, false)

	want := map[string]float64{"revenue": 42, "big_revenue": 30.5, "buyers": 3, "bonus": 12, "boosted_revenue": 54}
	for _, sc := range []*scorecard.Scorecard{onTable, onFile} {
		got := map[string]float64{}
		for _, v := range sc.Values {
			if v.Period == "" && v.By == "" {
				got[v.KPI] = float64(v.Value)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("values (-want +got):\n%s", diff)
		}
		wantDropped := &scorecard.DroppedRows{TouchpointsWithoutTime: 1, TouchpointsWithoutCustomer: 1, Duplicates: map[string]int64{"visits": 1}}
		if diff := cmp.Diff(wantDropped, sc.DroppedRows); diff != "" {
			t.Errorf("dropped rows (-want +got):\n%s", diff)
		}
		if sc.AsOf != "2026-03-04" {
			t.Errorf("as of %q, want 2026-03-04", sc.AsOf)
		}
	}
}

// runOne binds, compiles and runs the one scorecard of a project, on the
// test server or on DuckDB.
func runOne(t *testing.T, dir string, onServer bool) *scorecard.Scorecard {
	t.Helper()
	p := loadDir(t, dir)
	opts := siblingsAllowed(p)
	if onServer {
		opts = onPostgres(t, p)
	}
	c := compileOn(t, p, opts)
	if len(c.Plans) != 1 {
		t.Fatalf("%d scorecards, want 1", len(c.Plans))
	}
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestTableDistinctKeepsDuckDBsRow: of two rows of one customer at one
// instant, distinct = ["customer_id"] keeps the first by the other
// columns, text compared byte by byte as DuckDB compares it ('B' before
// 'a'), whatever the table's collation: under ICU's, 'a' sorts first. By
// hand: the row kept is B's, so one of the two customers' rows is a B.
func TestTableDistinctKeepsDuckDBsRow(t *testing.T) {
	asOwner(t, `CREATE SCHEMA "collated"`,
		`CREATE TABLE "collated".visits (customer_id text, seen_at timestamp, channel text COLLATE "und-x-icu")`,
		`INSERT INTO "collated".visits VALUES ('A', '2026-03-01 10:00', 'a'), ('A', '2026-03-01 10:00', 'B'), ('C', '2026-03-02 10:00', 'a')`)
	project := func(where string) string {
		return `project "collated" { grain = "month" }
source "visits" {
  ` + where + `
  customer = "customer_id"
  time     = "seen_at"
  channel  = "channel"
  distinct = ["customer_id", "seen_at"]
}
kpi "b_visits" { formula = "count(channel == 'B')" }
`
	}
	dir, files := t.TempDir(), t.TempDir()
	write(t, dir, "project.hcl", project(`table = "collated.visits"`))
	write(t, files, "project.hcl", project(`path = "visits.csv"`))
	write(t, files, "visits.csv", "customer_id,seen_at,channel\nA,2026-03-01 10:00:00,a\nA,2026-03-01 10:00:00,B\nC,2026-03-02 10:00:00,a\n")
	for name, sc := range map[string]*scorecard.Scorecard{"table": runOne(t, dir, true), "file": runOne(t, files, false)} {
		for _, v := range sc.Values {
			if v.Period == "" && v.By == "" && float64(v.Value) != 1 {
				t.Errorf("%s: %s = %v, want 1 (the row of B kept)", name, v.KPI, v.Value)
			}
		}
	}
}

// TestTableTouchesAtOneInstant: two touches at one instant are in the
// order of their keys byte by byte, as DuckDB sorts them ('B' before 'a'),
// whatever the table's collation. By hand: the first touch of the
// customer's one purchase is B's, so first credits B 1 and a 0.
func TestTableTouchesAtOneInstant(t *testing.T) {
	asOwner(t, `CREATE SCHEMA "instant"`,
		`CREATE TABLE "instant".visits (customer_id text, seen_at timestamp, channel text COLLATE "und-x-icu", event text)`,
		`INSERT INTO "instant".visits VALUES ('A', '2026-03-01 10:00', 'a', 'view'), ('A', '2026-03-01 10:00', 'B', 'view'), ('A', '2026-03-02 10:00', NULL, 'purchase')`)
	dir := t.TempDir()
	write(t, dir, "project.hcl", `project "instant" { grain = "month" }
source "visits" {
  table    = "instant.visits"
  customer = "customer_id"
  time     = "seen_at"
  channel  = "channel"
}
kpi "purchases" { formula = "count(event == 'purchase')" }
attribution "first" {
  conversion = "event == 'purchase'"
  model      = "first"
}
`)
	sc := runOne(t, dir, true)
	got := map[string]float64{}
	for _, r := range sc.Attribution[0].Rows {
		got[r.Key] = float64(r.Conversions)
	}
	if diff := cmp.Diff(map[string]float64{"B": 1, "a": 0}, got); diff != "" {
		t.Errorf("first touch's credit (-want +got):\n%s", diff)
	}
}
