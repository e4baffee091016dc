package engine_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// TestCrossedBreakdownsByHand checks every kind of cross on testdata/crossed:
// four customers, A (30, north), B (50, north), C (25, south), D (60,
// south), and X unknown to the customers file; the segments young (A, C)
// and north (A, B) overlap in A. Touchpoints (channel event amount):
//
//	A Q1 email open 0, A Q1 web purchase 100, A Q2 store purchase 50
//	B Q1 email open 0, B Q1 store purchase 80
//	C Q2 web visit 0,  C Q2 web purchase 30
//	D Q2 store purchase 40
//	X Q2 web purchase 20
func TestCrossedBreakdownsByHand(t *testing.T) {
	sc := runProject(t, "testdata/crossed")[0]
	got := cellValues(sc)
	const sc2, rc, sr = "segment × channel", "region × channel", "segment × region"
	expectCells(t, got, map[cell]float64{
		// Segment × channel: A counts in both segments.
		{"", "visitors", sc2, "young × email", ""}:   1, // A
		{"", "buyers", sc2, "young × email", ""}:     0,
		{"", "conversion", sc2, "young × email", ""}: 0, // 0 / 1
		{"", "visitors", sc2, "young × web", ""}:     2, // A, C
		{"", "buyers", sc2, "young × web", ""}:       2,
		{"", "conversion", sc2, "young × web", ""}:   1,   // 2 / 2
		{"", "revenue", sc2, "young × web", ""}:      130, // 100 + 0 + 30
		{"", "buyers", sc2, "young × store", ""}:     1,   // A
		{"", "revenue", sc2, "young × store", ""}:    50,
		{"", "visitors", sc2, "north × email", ""}:   2, // A, B
		{"", "conversion", sc2, "north × email", ""}: 0,
		{"", "buyers", sc2, "north × web", ""}:       1, // A
		{"", "revenue", sc2, "north × web", ""}:      100,
		{"", "buyers", sc2, "north × store", ""}:     2,   // A, B
		{"", "revenue", sc2, "north × store", ""}:    130, // 50 + 80
		// Per period, in the same scan.
		{"", "buyers", sc2, "young × web", "2026-Q1"}:    1, // A
		{"", "revenue", sc2, "young × web", "2026-Q2"}:   30,
		{"", "revenue", sc2, "north × store", "2026-Q1"}: 80, // B
		{"", "revenue", sc2, "north × store", "2026-Q2"}: 50, // A
		// Region (a customer attribute) × channel: X has no region.
		{"", "buyers", rc, "north × store", ""}:  2,
		{"", "revenue", rc, "south × store", ""}: 40, // D
		{"", "revenue", rc, "south × web", ""}:   30, // C
		{"", "buyers", rc, "(none) × web", ""}:   1,  // X
		{"", "revenue", rc, "(none) × web", ""}:  20,
		// Segment × region: KPIs over customers split by it, and a KPI
		// that refuses channel. channels_used: A 3, B 2, C 1.
		{"", "multichannel", sr, "young × north", ""}:      1, // A
		{"", "multichannel", sr, "young × south", ""}:      0, // C
		{"", "multichannel", sr, "north × north", ""}:      1, // A, B
		{"", "revenue_per_buyer", sr, "young × north", ""}: 150,
		{"", "revenue_per_buyer", sr, "north × north", ""}: 115, // (150 + 80) / 2
		// Three breakdowns crossed.
		{"", "revenue", "segment × region × channel", "young × north × web", ""}:    100,
		{"", "buyers", "segment × region × channel", "young × south × web", ""}:     1, // C
		{"", "visitors", "segment × region × channel", "north × north × email", ""}: 2,
	})
	for _, c := range []cell{
		{"", "buyers", sc2, "young × email", "2026-Q2"}, // A's email is in Q1
		{"", "buyers", rc, "south × email", ""},         // C and D had no email
		{"", "buyers", sr, "north × south", ""},         // nobody of the north is in the south
	} {
		if _, ok := got[c]; ok {
			t.Errorf("%+v: a cell of no row", c)
		}
	}
	// A KPI is reported by a cross only when it is by each breakdown
	// crossed: over customers, not by channel; revenue_per_buyer refuses it.
	for _, k := range sc.KPIs {
		byChannel := slices.Contains(k.By, sc2)
		if want := k.Name != "multichannel" && k.Name != "revenue_per_buyer"; byChannel != want {
			t.Errorf("KPI %s by %s: %v, want %v", k.Name, sc2, byChannel, want)
		}
	}
	for _, v := range sc.Values {
		if v.By == sc2 && (v.Key != nil || len(v.Keys) != 2) {
			t.Fatalf("a crossed value has Key %v and Keys %v, want two Keys and no Key", v.Key, v.Keys)
		}
	}
}

func TestCrossSignIsTheScorecards(t *testing.T) {
	if dsl.CrossSign != scorecard.CrossSign {
		t.Errorf("dsl names a cross %q, the scorecard reads %q", dsl.CrossSign, scorecard.CrossSign)
	}
}

// The diagnostics of crosses, word for word: those of testdata/cross_errors,
// and two overlapping breakdowns crossed (a segment and a list's values).
func TestCrossDiagnosticDetails(t *testing.T) {
	p, diags := dsl.LoadDir("testdata/cross_errors")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, diags = compileWithDiagnostics(t, p)
	overlapping := writeProject(t, map[string]string{
		"omni.hcl": `
source "touchpoints" {
  path     = "tp.json"
  customer = "id"
  time     = "ts"
}
source "customers" {
  path = "customers.csv"
  key  = "id"
}
segment "young" { where = "age < 40" }
scorecard "s" {
  by = [["segment", "tags"]]
}
`,
		"tp.json":       `{"id": "A", "ts": "2026-01-01 10:00:00", "tags": ["a", "b"]}` + "\n",
		"customers.csv": "id,age\nA,30\n",
	})
	p, d := dsl.LoadDir(overlapping)
	if d.HasErrors() {
		t.Fatal(d)
	}
	_, d = compileWithDiagnostics(t, p)
	diags = append(diags, d...)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d: %s: %s", d.Subject.Start.Line, d.Summary, d.Detail))
	}
	want := []string{
		`23: Breakdown without meaning: KPI "buyers" has no meaning by "channel": its not_by says so.`,
		`27: Breakdown without meaning: KPI "multichannel" counts customers, and a customer has many values of "channel" across touchpoints: it cannot be split by it.`,
		`32: Unknown breakdown: Nothing is named "chanel": a breakdown is "segment", "channel", "period", a touchpoint column or a customer attribute. Did you mean "channel"?`,
		`34: Same cross twice: "channel × segment" crosses the same breakdowns as "segment × channel", in another order: their cells are the same. Keep one.`,
		`35: Breakdown named as a cross: "segment × channel" holds " × ", which names crossed breakdowns in the scorecard: to cross breakdowns, write them as a list, ["segment", "channel"]; a column of that name needs another name in the data.`,
		`13: Cross of two overlapping breakdowns: "segment" and "tags" both give a row several values (a customer is in several segments, a list holds several values): a cross may hold one of them. Cross each with the other breakdowns apart.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// A cross with a list column counts a row under each of its list's values,
// from the rows fanned out to them (testdata/lookup: the assets' tags);
// spend and budgets split by a cross of the channel and its metadata.
func TestCrossesOfListsAndSpend(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"lookup.hcl", "touchpoints.csv", "assets.json"} {
		b, err := os.ReadFile(filepath.Join("testdata/lookup", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "lookup.hcl" {
			b = []byte(strings.Replace(string(b), `by = ["topic", "format", "tags"]`, `by = [["tags", "channel"]]`, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Emails: A E1 (launch, efficacy), B E2 (safety), B E9 (no asset), X E1;
	// visits: A V1 (launch), C V1.
	lists := cellValues(runProject(t, dir)[0])
	const tc = "tags × channel"
	expectCells(t, lists, map[cell]float64{
		{"", "touches", tc, "launch × email", ""}:        2, // A's and X's E1
		{"", "touches", tc, "efficacy × email", ""}:      2,
		{"", "touches", tc, "safety × email", ""}:        1,
		{"", "touches", tc, "launch × visit", ""}:        2, // A's and C's V1
		{"", "efficacy_reach", tc, "launch × email", ""}: 2, // A, X
		{"", "touches", tc, "launch × email", "2026-Q2"}: 1, // X
		{"", "touches", tc, "launch × visit", "2026-Q1"}: 1, // A
		{"launch", "touches", tc, "launch × visit", ""}:  2,
	})

	// tiny's spend: email 10 + 20, visit 100 + 200; spring's budget: email
	// 50, visit 300; both channels owned.
	spend := cellValues(runProject(t, tinyWith(t, map[string]string{
		"tiny.hcl": "\nscorecard \"media\" {\n  by = [[\"channel\", \"media\"]]\n}\n",
	}))[0])
	const cm = "channel × media"
	expectCells(t, spend, map[cell]float64{
		{"", "cost", cm, "email × owned", ""}:               30,
		{"", "cost", cm, "visit × owned", "2026-Q2"}:        200,
		{"spring", "budget_total", cm, "visit × owned", ""}: 300,
		{"spring", "budget_used", cm, "email × owned", ""}:  20.0 / 50,
		{"", "offline_share", cm, "visit × owned", ""}:      1,
	})
}
