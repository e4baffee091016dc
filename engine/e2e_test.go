package engine_test

// The end-to-end specification: the scorecard of testdata/tiny, whose nine
// touchpoints are small enough that every expected number below was
// computed by hand (the working is in the comments).

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// cell names one value: campaign ("" for the whole data), KPI, breakdown,
// key and period ("" for the whole window).
type cell struct{ campaign, kpi, by, key, period string }

var null = math.NaN()

func TestTinyProjectByHand(t *testing.T) {
	cards := runProject(t, "testdata/tiny")
	if len(cards) != 1 || cards[0].Name != engine.DefaultScorecard {
		t.Fatalf("want the default scorecard alone, got %d", len(cards))
	}
	got := cellValues(cards[0])
	want := map[cell]float64{
		// Whole data. Non-rx rows come from A, B, C and X (unknown to the
		// customers file, but a touchpoint all the same); A and C prescribe.
		{"", "reach", "", "", ""}:         4,
		{"", "prescribers", "", "", ""}:   2,
		{"", "conversion", "", "", ""}:    0.5,
		{"", "multichannel", "", "", ""}:  0.25, // only A used 2 channels (email, visit), of A, B, C, X
		{"", "revenue_total", "", "", ""}: 220,  // 100 + 50 + 70
		{"", "cost", "", "", ""}:          330,  // 10 + 100 + 20 + 200
		{"", "roi", "", "", ""}:           (220.0 - 330) / 330,
		{"", "offline_share", "", "", ""}: 5.0 / 9, // visits and prescriptions of A and C, of 9 rows
		// 2026-Q1: A's three rows and B's first open.
		{"", "reach", "", "", "2026-Q1"}:         2,
		{"", "conversion", "", "", "2026-Q1"}:    0.5,
		{"", "multichannel", "", "", "2026-Q1"}:  0.5,
		{"", "cost", "", "", "2026-Q1"}:          110,
		{"", "roi", "", "", "2026-Q1"}:           (100.0 - 110) / 110,
		{"", "offline_share", "", "", "2026-Q1"}: 0.5,
		// 2026-Q2: B's second open, C's three rows, X's open.
		{"", "reach", "", "", "2026-Q2"}:         3,
		{"", "conversion", "", "", "2026-Q2"}:    1.0 / 3,
		{"", "multichannel", "", "", "2026-Q2"}:  0, // B, C and X used one channel each
		{"", "revenue_total", "", "", "2026-Q2"}: 120,
		{"", "roi", "", "", "2026-Q2"}:           (120.0 - 220) / 220,
		{"", "offline_share", "", "", "2026-Q2"}: 0.6,
		// Segment gps: A and B (D has no touchpoint). Segments overlap: A is young too.
		{"", "reach", "segment", "gps", ""}:                  2,
		{"", "conversion", "segment", "gps", ""}:             0.5,
		{"", "multichannel", "segment", "gps", ""}:           0.5,
		{"", "revenue_total", "segment", "gps", ""}:          100,
		{"", "offline_share", "segment", "gps", ""}:          0.4,
		{"", "reach", "segment", "young", ""}:                1,
		{"", "conversion", "segment", "young", ""}:           1,
		{"", "offline_share", "segment", "young", "2026-Q1"}: 2.0 / 3,
		// By channel: spend joins its channel; the rx channel reaches nobody
		// (reach excludes it), so its conversion divides by zero: null.
		{"", "reach", "channel", "email", ""}:         3,
		{"", "cost", "channel", "email", ""}:          30,
		{"", "roi", "channel", "email", ""}:           null, // no revenue on email rows
		{"", "offline_share", "channel", "visit", ""}: 1,
		{"", "cost", "channel", "visit", "2026-Q2"}:   200,
		{"", "conversion", "channel", "rx", ""}:       null,
		{"", "revenue_total", "channel", "rx", ""}:    220,
		// By specialty, a customer attribute: GP (A, B), cardio (C), and X,
		// who has none. Customer-level KPIs split by attributes too.
		{"", "reach", "specialty", "GP", ""}:            2,
		{"", "reach", "specialty", "cardio", ""}:        1,
		{"", "multichannel", "specialty", "GP", ""}:     0.5,
		{"", "multichannel", "specialty", "cardio", ""}: 0,
		{"", "reach", "specialty", "(none)", ""}:        1,
		// Campaign spring: April to June, opens excluded: C's three rows.
		{"spring", "reach", "", "", ""}:         1,
		{"spring", "conversion", "", "", ""}:    1,
		{"spring", "multichannel", "", "", ""}:  0,
		{"spring", "revenue_total", "", "", ""}: 120,
		{"spring", "cost", "", "", ""}:          220, // spend of the window: 20 + 200
		{"spring", "roi", "", "", ""}:           (120.0 - 220) / 220,
		// Budgets: the campaign's, for its whole window; none per period,
		// none for the whole data, none for a channel without one.
		{"spring", "budget_total", "", "", ""}:             350,
		{"spring", "budget_used", "", "", ""}:              220.0 / 350,
		{"spring", "budget_total", "channel", "visit", ""}: 300,
		{"spring", "budget_used", "channel", "email", ""}:  20.0 / 50,
		{"spring", "budget_total", "channel", "rx", ""}:    null,
		{"spring", "budget_total", "media", "owned", ""}:   350,
		{"spring", "budget_total", "", "", "2026-Q2"}:      null,
		{"spring", "budget_used", "", "", "2026-Q2"}:       null,
		{"", "budget_total", "", "", ""}:                   null,
		{"", "budget_used", "channel", "email", ""}:        null,
		// The customer base: A, B, C and D of the customers file (not X,
		// who is not in it, nor its row without a key), D without a
		// touchpoint; reached: with a touchpoint on a channel other than rx
		// in the cell.
		{"", "base_customers", "", "", ""}:                4,
		{"", "base_customers", "", "", "2026-Q1"}:         4,
		{"", "base_customers", "segment", "gps", ""}:      3, // A, B, D
		{"", "base_customers", "specialty", "cardio", ""}: 1,
		{"", "base_reached", "", "", ""}:                  0.75, // A, B, C
		{"", "base_reached", "", "", "2026-Q1"}:           0.5,  // A, B
		{"", "base_reached", "", "", "2026-Q2"}:           0.5,  // B, C
		{"", "base_reached", "segment", "gps", ""}:        2.0 / 3,
		{"", "base_reached", "segment", "young", ""}:      0.5, // A, not D
		{"", "unreached", "", "", ""}:                     1,   // D
		{"", "unreached", "", "", "2026-Q1"}:              2,   // C, D
		{"spring", "base_customers", "", "", ""}:          4,
		{"spring", "base_reached", "", "", ""}:            0.25, // C's visit; B's open is not in the campaign
		{"spring", "unreached", "", "", "2026-Q2"}:        3,
		// spend(where) keeps the spend rows of the channels that meet it.
		{"", "offline_cost", "", "", ""}:                       300, // visits: 100 + 200
		{"", "offline_cost", "", "", "2026-Q2"}:                200,
		{"", "offline_cost", "channel", "email", ""}:           null, // no email row is offline
		{"", "email_cost_share", "", "", ""}:                   30.0 / 330,
		{"", "email_cost_share", "", "", "2026-Q1"}:            10.0 / 110,
		{"spring", "email_cost_share", "channel", "visit", ""}: null, // a sum over no row is null, as for sum(…, where)
	}
	expectCells(t, got, want)
	// Meaningless cells are absent, not null: a customer-level KPI has no
	// channel breakdown, and spend has no segment.
	expectAbsent(t, got,
		cell{"", "multichannel", "channel", "email", ""},
		cell{"", "cost", "segment", "gps", ""},
		cell{"", "roi", "segment", "gps", ""},
		cell{"", "cost", "specialty", "GP", ""},
		cell{"spring", "budget_total", "segment", "gps", ""},
		cell{"", "base_customers", "channel", "email", ""},
	)
}

// cellValues indexes a scorecard's values by cell; a breakdown value that
// is null has the key "(none)", a crossed cell's keys are joined by " × ".
func cellValues(sc *scorecard.Scorecard) map[cell]scorecard.Number {
	got := map[cell]scorecard.Number{}
	for _, v := range sc.Values {
		key := ""
		if v.By != "" {
			key = v.KeyText()
		}
		got[cell{v.Campaign, v.KPI, v.By, key, v.Period}] = v.Value
	}
	return got
}

// expectAbsent checks that the scorecard has no value in the cells.
func expectAbsent(t *testing.T, got map[cell]scorecard.Number, cells ...cell) {
	t.Helper()
	for _, c := range cells {
		if v, ok := got[c]; ok {
			t.Errorf("%+v = %v, want no value", c, v)
		}
	}
}

// expectCells compares the values of the cells want names, null (NaN) included.
func expectCells(t *testing.T, got map[cell]scorecard.Number, want map[cell]float64) {
	t.Helper()
	for c, w := range want {
		g, ok := got[c]
		switch {
		case !ok:
			t.Errorf("%+v: missing", c)
		case math.IsNaN(w) != g.IsNull() || !g.IsNull() && math.Abs(float64(g)-w) > 1e-12:
			t.Errorf("%+v = %v, want %v", c, g, w)
		}
	}
}

func TestTimesAreLocalToTheProjectTimeZone(t *testing.T) {
	sc := runProject(t, "testdata/timezone")[0]
	got := map[cell]scorecard.Number{}
	for _, v := range sc.Values {
		got[cell{v.Campaign, v.KPI, v.By, "", v.Period}] = v.Value
	}
	// 21:30 UTC on March 31 is 23:30 in Paris, still March; 22:30 UTC is
	// April 1 in Paris, and 22:30 UTC on April 30 is May 1.
	want := map[cell]scorecard.Number{
		{"", "visits", "", "", ""}:             3,
		{"", "visits", "", "", "2026-03"}:      1,
		{"", "visits", "", "", "2026-04"}:      1,
		{"", "visits", "", "", "2026-05"}:      1,
		{"april", "visits", "", "", ""}:        1,
		{"april", "visits", "", "", "2026-04"}: 1,
	}
	if len(got) != len(want) {
		t.Errorf("got %d values, want %d: %v", len(got), len(want), got)
	}
	for c, w := range want {
		if got[c] != w {
			t.Errorf("%+v = %v, want %v", c, got[c], w)
		}
	}
}

func TestAFailedDefinitionIsReportedOnce(t *testing.T) {
	files := map[string][]byte{"p.hcl": []byte(`source "touchpoints" {
  path     = "testdata/tiny/touchpoints.csv"
  customer = "id"
  time     = "ts"
}
kpi "broken" { formula = "sum(revenu)" }
kpi "uses_it" { formula = "broken * 2 + count()" }
kpi "uses_that" { formula = "uses_it / 2" }
`)}
	p, diags := dsl.Load(files)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	defer s.Close()
	_, diags = engine.Compile(s)
	if len(diags) != 1 || diags[0].Summary != "Unknown name" {
		t.Errorf("want the one error of kpi.broken, not errors of the KPIs using it; got %v", diags)
	}
}

func TestScorecardWithoutKPIs(t *testing.T) {
	dir := tinyWith(t, map[string]string{"none.hcl": `scorecard "none" { kpis = [] }` + "\n"})
	sc := runProject(t, dir)[0]
	var b bytes.Buffer
	if err := scorecard.WriteJSON(&b, sc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"kpis": []`)) || len(sc.Values) != 0 {
		t.Errorf("a scorecard of no KPI writes kpis [] and no value; got\n%s", b.String())
	}
}
