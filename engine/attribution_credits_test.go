package engine_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// creditsFile writes the credits file of the attribution of the first
// scorecard named so.
func creditsFile(t *testing.T, c *engine.Compiled, name string) string {
	t.Helper()
	p := c.Plans[0]
	var b bytes.Buffer
	for _, a := range p.Attribution.Attributions {
		if a.Def.Name == name {
			if err := c.WriteCredits(t.Context(), p, a, &b); err != nil {
				t.Fatal(err)
			}
		}
	}
	return b.String()
}

// The credit of each touch of each conversion, linear, over the journeys
// of testdata/attribution (see attribution_test.go): P1 e e v e shares 100
// in quarters; P2 d and Q1 d take all of 50 and 80; S1 e v halves 40; U1
// d e d thirds 70. In campaign spring, which leaves display out, U1 is e
// alone, and P2 and Q1 have no touch.
func TestCreditsPerConversion(t *testing.T) {
	c := compileDir(t, "testdata/attribution")
	p := c.Plans[0]
	want := `campaign,customer,conversion,time,key,position,credit,value
,P,1,2026-03-04 10:00:00,email,1,0.25,25
,P,1,2026-03-04 10:00:00,email,2,0.25,25
,P,1,2026-03-04 10:00:00,visit,3,0.25,25
,P,1,2026-03-04 10:00:00,email,4,0.25,25
,P,2,2026-03-06 10:00:00,display,1,1,50
,Q,1,2026-03-11 09:00:00,display,1,1,80
,S,1,2026-03-20 12:00:00,email,1,0.5,20
,S,1,2026-03-20 12:00:00,visit,2,0.5,20
,U,1,2026-03-28 10:00:00,display,1,0.333333333333,23.3333333333
,U,1,2026-03-28 10:00:00,email,2,0.333333333333,23.3333333333
,U,1,2026-03-28 10:00:00,display,3,0.333333333333,23.3333333333
spring,P,1,2026-03-04 10:00:00,email,1,0.25,25
spring,P,1,2026-03-04 10:00:00,email,2,0.25,25
spring,P,1,2026-03-04 10:00:00,visit,3,0.25,25
spring,P,1,2026-03-04 10:00:00,email,4,0.25,25
spring,S,1,2026-03-20 12:00:00,email,1,0.5,20
spring,S,1,2026-03-20 12:00:00,visit,2,0.5,20
spring,U,1,2026-03-28 10:00:00,email,1,1,70
`
	if got := creditsFile(t, c, "linear"); got != want {
		t.Errorf("credits:\n%s\nwant:\n%s", got, want)
	}
	for _, a := range p.Attribution.Attributions {
		want := a.Def.Model.Value != "markov" && a.Def.Model.Value != "shapley"
		if per := a.PerConversion(); per != want {
			t.Errorf("%s (%s): per conversion %v", a.Def.Name, a.Def.Model.Value, per)
		}
	}
}

// The Parquet credits hold the rows of the CSV, in its order, typed: read
// back by DuckDB and written as the CSV writes them (numbers to 12
// significant digits), they are the CSV byte for byte; the time is a
// TIMESTAMP, and U1's thirds are 1/3 to the last bit, not the CSV's
// 0.333333333333.
func TestCreditsAsParquet(t *testing.T) {
	c := compileDir(t, "testdata/attribution")
	p := c.Plans[0]
	var csvOut, parquet bytes.Buffer
	for _, a := range p.Attribution.Attributions {
		if a.Def.Name == "linear" {
			if err := c.WriteCredits(t.Context(), p, a, &csvOut); err != nil {
				t.Fatal(err)
			}
			if err := c.WriteCreditsParquet(t.Context(), p, a, &parquet); err != nil {
				t.Fatal(err)
			}
		}
	}
	file := filepath.Join(t.TempDir(), "credits.parquet")
	if err := os.WriteFile(file, parquet.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var types string
	if err := db.QueryRow("SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE SELECT * FROM read_parquet(?))", file).Scan(&types); err != nil {
		t.Fatal(err)
	}
	if want := "campaign VARCHAR, customer VARCHAR, conversion BIGINT, time TIMESTAMP, key VARCHAR, position BIGINT, credit DOUBLE, value DOUBLE"; types != want {
		t.Errorf("Parquet columns %q, want %q", types, want)
	}
	rows, err := db.Query("SELECT coalesce(campaign, ''), customer, conversion, CAST(time AS VARCHAR), key, position, credit, value FROM read_parquet(?)", file)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	b.WriteString("campaign,customer,conversion,time,key,position,credit,value\n")
	third := false
	for rows.Next() {
		var campaign, customer, time, key string
		var conversion, position int64
		var credit, value float64
		if err := rows.Scan(&campaign, &customer, &conversion, &time, &key, &position, &credit, &value); err != nil {
			t.Fatal(err)
		}
		third = third || credit == 1.0/3
		fmt.Fprintf(&b, "%s,%s,%d,%s,%s,%d,%s,%s\n", campaign, customer, conversion, time, key, position, scorecard.Number(credit), scorecard.Number(value))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if b.String() != csvOut.String() {
		t.Errorf("Parquet credits, as CSV:\n%s\nthe CSV:\n%s", b.String(), csvOut.String())
	}
	if !third {
		t.Error("no credit of exactly 1/3 in the Parquet file: U1's thirds lost digits")
	}
}
