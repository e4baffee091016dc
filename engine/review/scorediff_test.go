package review

// omni diff compares values cell by cell: deltas, whether the change is
// good for the KPI, whether the definitions behind the two values differ,
// and, for shares of trials, whether the change is more than chance.

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/scorecard"
)

func value(campaign, kpi, by, key string, v float64) scorecard.Value {
	out := scorecard.Value{KPI: kpi, Campaign: campaign, By: by, Value: scorecard.Number(v)}
	if by != "" {
		out.Key = &key
	}
	return out
}

// card is a scorecard of buyers among visitors, and a cost per buyer.
func card(buyersFingerprint string, values ...scorecard.Value) *scorecard.Scorecard {
	return &scorecard.Scorecard{
		FormatVersion: scorecard.FormatVersion, Project: "shop", Name: "default", Currency: "EUR",
		Scopes: []scorecard.Scope{{}, {Campaign: "q2", Fingerprint: "q2"}, {Campaign: "q3", Fingerprint: "q3"}},
		KPIs: []scorecard.KPI{
			{Name: "buyers", Format: "integer", Fingerprint: buyersFingerprint},
			{Name: "visitors", Format: "integer", Fingerprint: "v"},
			{Name: "conversion", Format: "percent", Fingerprint: "c" + buyersFingerprint,
				Proportion: &scorecard.Proportion{Successes: "buyers", Trials: "visitors"}},
			{Name: "cost_per_buyer", Format: "currency", Direction: "down", Fingerprint: "k"},
		},
		Segments: []scorecard.Grouping{{Name: "adults", Fingerprint: "s"}},
		Values:   values,
	}
}

// rowText is a row as "campaign kpi by=key before→after delta relative p notes",
// a crossed row's keys joined by " × ".
func rowText(r Row) string {
	key := ""
	if r.By != "" {
		key = scorecard.Value{By: r.By, Key: r.Key, Keys: r.Keys}.KeyText()
	}
	fields := []string{r.Campaign, r.KPI.Name, r.By + "=" + key, r.Before.String() + "→" + r.After.String(),
		scorecard.Number(r.Delta).String(), scorecard.Number(r.Relative).String(), scorecard.Number(r.PValue).String()}
	switch r.Better {
	case 1:
		fields = append(fields, "better")
	case -1:
		fields = append(fields, "worse")
	}
	if r.Redefined {
		fields = append(fields, "redefined")
	}
	return strings.Join(fields, " ")
}

// rowTexts are the rows of a comparison as rowText writes them.
func rowTexts(c *Comparison) []string {
	var texts []string
	for _, r := range c.Rows {
		texts = append(texts, rowText(r))
	}
	return texts
}

func TestCompareScorecards(t *testing.T) {
	before := card("b1",
		value("", "buyers", "", "", 45), value("", "visitors", "", "", 100), value("", "conversion", "", "", 0.45),
		value("", "cost_per_buyer", "", "", 20),
		value("", "buyers", "segment", "adults", 10), value("q2", "buyers", "", "", 5),
	)
	after := card("b1",
		value("", "buyers", "", "", 30), value("", "visitors", "", "", 100), value("", "conversion", "", "", 0.3),
		value("", "cost_per_buyer", "", "", 15),
		value("", "buyers", "segment", "adults", 10), value("q3", "buyers", "", "", 7),
	)
	after.Segments[0].Fingerprint = "s2" // the segment was redefined
	got := rowTexts(CompareScorecards(before, after))
	want := []string{
		" buyers = 45→30 -15 -0.333333333333 null worse",
		" visitors = 100→100 0 0 null",
		// 45 of 100 against 30 of 100: p = 0.02846 (see TestTwoProportionZTestByHand).
		" conversion = 0.45→0.3 -0.15 -0.333333333333 0.0284597369163 worse",
		" cost_per_buyer = 20→15 -5 -0.25 null better", // lower is better
		" buyers segment=adults 10→10 0 0 null redefined",
		"q3 buyers = null→7 null null null",
		"q2 buyers = 5→null null null null",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestCompareRedefinedKPI(t *testing.T) {
	before := card("b1", value("", "buyers", "", "", 45), value("", "visitors", "", "", 100), value("", "conversion", "", "", 0.45))
	after := card("b2", value("", "buyers", "", "", 30), value("", "visitors", "", "", 100), value("", "conversion", "", "", 0.3))
	rows := CompareScorecards(before, after).Rows
	if !rows[0].Redefined || !rows[2].Redefined || rows[1].Redefined {
		t.Errorf("want buyers and conversion redefined, visitors not: %v", rows)
	}
	if !math.IsNaN(rows[2].PValue) {
		t.Errorf("a redefined rate moved by definition: want no test, got p = %v", rows[2].PValue)
	}
}

// A cohort's changed condition redefines every value by it: by the cohort,
// by the periods since, and crossed, whatever the key. A cohort that kept
// its fingerprint, and the segments, stay comparable.
func TestCompareRedefinedCohort(t *testing.T) {
	crossed := func(v float64) scorecard.Value {
		cohort, offset := "2026-01", "1"
		return scorecard.Value{KPI: "buyers", By: "cohort.first_order × cohort.first_order.offset",
			Keys: []*string{&cohort, &offset}, Value: scorecard.Number(v)}
	}
	cards := [2]*scorecard.Scorecard{}
	for i, v := range []float64{10, 12} {
		cards[i] = card("b1",
			value("", "buyers", "cohort.first_order", "2026-01", v), value("", "buyers", "cohort.first_order.offset", "1", v),
			crossed(v), value("", "buyers", "cohort.first_visit", "2026-01", v), value("", "buyers", "segment", "adults", v))
		cards[i].Cohorts = []scorecard.Grouping{{Name: "first_order", Fingerprint: "o"}, {Name: "first_visit", Fingerprint: "v"}}
	}
	cards[1].Cohorts[0].Fingerprint = "o2" // its when changed
	got := rowTexts(CompareScorecards(cards[0], cards[1]))
	want := []string{
		" buyers cohort.first_order=2026-01 10→12 2 0.2 null redefined",
		" buyers cohort.first_order.offset=1 10→12 2 0.2 null redefined",
		" buyers cohort.first_order × cohort.first_order.offset=2026-01 × 1 10→12 2 0.2 null redefined",
		" buyers cohort.first_visit=2026-01 10→12 2 0.2 null better",
		" buyers segment=adults 10→12 2 0.2 null better",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestCompareRenamedKPI(t *testing.T) {
	before := card("b1", value("", "buyers", "", "", 45))
	after := card("b1", value("", "purchasers", "", "", 46))
	after.KPIs[0].Name = "purchasers"
	rows := CompareScorecards(before, after).Rows
	if len(rows) != 1 || rows[0].RenamedFrom != "buyers" || rows[0].Before != 45 {
		t.Errorf("want purchasers compared with buyers, got %v", rows)
	}
}

func TestCompareCampaigns(t *testing.T) {
	sc := card("b1",
		value("q2", "buyers", "", "", 45), value("q2", "visitors", "", "", 100), value("q2", "conversion", "", "", 0.45),
		value("q3", "buyers", "", "", 30), value("q3", "visitors", "", "", 100), value("q3", "conversion", "", "", 0.3),
		scorecard.Value{KPI: "buyers", Campaign: "q3", Period: "2026-Q3", Value: 30},
	)
	got := rowTexts(CompareCampaigns(sc, "q2", "q3"))
	want := []string{
		" buyers = 45→30 -15 -0.333333333333 null worse",
		" visitors = 100→100 0 0 null",
		" conversion = 0.45→0.3 -0.15 -0.333333333333 0.0284597369163 worse",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// ComparePeriods matches the values of two periods of one scope, by
// breakdown and key; the other scopes' and periods' values stay out.
func TestComparePeriods(t *testing.T) {
	period := func(p, kpi, by, key string, v float64) scorecard.Value {
		out := value("q2", kpi, by, key, v)
		out.Period = p
		return out
	}
	sc := card("b1",
		period("2026-04", "buyers", "", "", 20), period("2026-04", "visitors", "", "", 50), period("2026-04", "conversion", "", "", 0.4),
		period("2026-05", "buyers", "", "", 25), period("2026-05", "visitors", "", "", 50), period("2026-05", "conversion", "", "", 0.5),
		period("2026-05", "buyers", "channel", "web", 10),
		value("q2", "buyers", "", "", 45),                            // the window's, not a period's
		scorecard.Value{KPI: "buyers", Period: "2026-05", Value: 99}, // the whole data's
	)
	got := rowTexts(ComparePeriods(sc, "q2", "2026-04", "2026-05"))
	// 20 of 50 against 25 of 50: pooled 0.45, z = 0.1 / √(0.45·0.55·(2/50))
	// = 1.005, p = erfc(1.005 / √2) = 0.3149.
	want := []string{
		" buyers = 20→25 5 0.25 null better",
		" visitors = 50→50 0 0 null",
		" conversion = 0.4→0.5 0.1 0.25 0.314878641336 better",
		" buyers channel=web null→10 null null null",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestThreshold(t *testing.T) {
	row := Row{Before: 100, After: 104, Delta: 4, Relative: 0.04}
	for _, tc := range []struct {
		threshold string
		exceeded  bool
	}{{"5%", false}, {"3%", true}, {"4.5", false}, {"3", true}, {" 0.5 % ", true}} {
		th, err := ParseThreshold(tc.threshold)
		if err != nil {
			t.Fatal(err)
		}
		if got := th.Exceeded(&row); got != tc.exceeded {
			t.Errorf("%s exceeded by +4 of 100: %v, want %v", tc.threshold, got, tc.exceeded)
		}
	}
	for _, bad := range []string{"", "x", "-1", "5%%"} {
		if _, err := ParseThreshold(bad); err == nil {
			t.Errorf("ParseThreshold(%q): want an error", bad)
		}
	}
}

func TestObjectiveChanges(t *testing.T) {
	before := []scorecard.Objective{{Name: "a", KPI: "k", Status: scorecard.OnTrack}, {Name: "b", Status: scorecard.AtRisk},
		{Name: "gone", Status: scorecard.Achieved}}
	after := []scorecard.Objective{{Name: "a", KPI: "k", Status: scorecard.OffTrack}, {Name: "b", Status: scorecard.AtRisk},
		{Name: "new", Status: scorecard.NoData}}
	want := []ObjectiveChange{
		{Name: "a", KPI: "k", Before: scorecard.OnTrack, After: scorecard.OffTrack},
		{Name: "new", After: scorecard.NoData},
		{Name: "gone", Before: scorecard.Achieved},
	}
	if diff := cmp.Diff(want, objectiveChanges(before, after)); diff != "" {
		t.Errorf("objective changes (-want +got):\n%s", diff)
	}
}

// The scorecards write 12 significant digits; the same sum computed twice
// in parallel may round either way in the last one.
func TestChangedIgnoresTheLastDigit(t *testing.T) {
	for _, c := range []struct {
		before, after scorecard.Number
		changed       bool
	}{
		{0.0285039804869, 0.028503980487, false},
		{1234567.89012, 1234567.89013, false},
		{0.0285039804869, 0.0285039804889, true},
		{1234567.89012, 1234567.8902, true},
		{0, 1e-300, true},
		{0, 0, false},
		{scorecard.Null, scorecard.Null, false},
		{scorecard.Null, 0, true},
		{3, scorecard.Null, true},
	} {
		r := Row{Before: c.before, After: c.after}
		if got := r.Changed(); got != c.changed {
			t.Errorf("%v → %v: Changed() = %v, want %v", c.before, c.after, got, c.changed)
		}
	}
}
