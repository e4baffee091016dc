package engine_test

// Derived columns: testdata/derived classifies web sessions and ad spend
// into channel groups by ordered rules on their marketing fields, and uses
// the group as the channel of both sources, as a lookup's on and as an
// attribution key. The fourteen sessions, classified by hand (the first
// rule that holds wins):
//
//	A  cpc google Brand_Search_EU      Paid search brand   2026-01-05
//	A  email newsletter                Email
//	B  CPC bing generic_shoes          Paid search generic (lower case first)
//	B  organic google                  Organic search
//	C  cpm youtube spring_launch       Video (video before display)
//	C  display criteo retargeting_q1   Display
//	C  social facebook prospecting     Social
//	D  (no marketing fields)           Direct
//	D  referral blog.example.com       Referral
//	E  ppc google brand_core           Paid search brand   2026-04-02
//	E  banner gdn video_teaser         Video (a video campaign)
//	F  affiliate partner               Other (no rule holds)
//	F  paid_social instagram           Social
//	G  referral m.facebook.com         Social (social before referral)
//
// Spend, classified by the same rules: Paid search brand 30 + 40, Paid
// search generic 20, Video 50 + 10, Display 25, Social 15 + 5; 140 in the
// first quarter, 55 in the second.

import (
	"slices"
	"testing"
)

func TestDerivedColumnsByHand(t *testing.T) {
	cards := runProject(t, "testdata/derived")
	got := cellValues(cards[0])
	want := map[cell]float64{
		{"", "sessions", "", "", ""}:        14,
		{"", "sessions", "", "", "2026-Q1"}: 9,
		// The groups.csv lookup, on the derived channel_group, says which
		// groups are paid: both paid search groups, video, display, social.
		{"", "paid_sessions", "", "", ""}:        9,
		{"", "paid_sessions", "", "", "2026-Q2"}: 4, // E's two, F's social, G's
		{"", "cost", "", "", ""}:                 195,
		{"", "cost", "", "", "2026-Q1"}:          140,
		// spend(condition) reads the derived column on the spend rows.
		{"", "video_cost", "", "", ""}:        60,
		{"", "video_cost", "", "", "2026-Q2"}: 10,
		// The channel is the derived group, on sessions and spend alike.
		{"", "sessions", "channel", "Paid search brand", ""}:           2,
		{"", "sessions", "channel", "Paid search generic", ""}:         1,
		{"", "sessions", "channel", "Organic search", ""}:              1,
		{"", "sessions", "channel", "Video", ""}:                       2,
		{"", "sessions", "channel", "Display", ""}:                     1,
		{"", "sessions", "channel", "Social", ""}:                      3,
		{"", "sessions", "channel", "Email", ""}:                       1,
		{"", "sessions", "channel", "Referral", ""}:                    1,
		{"", "sessions", "channel", "Direct", ""}:                      1,
		{"", "sessions", "channel", "Other", ""}:                       1,
		{"", "cost", "channel", "Paid search brand", ""}:               70,
		{"", "cost", "channel", "Paid search brand", "2026-Q2"}:        40,
		{"", "cost", "channel", "Video", ""}:                           60,
		{"", "cost_per_session", "channel", "Social", ""}:              20.0 / 3,
		{"", "cost_per_session", "channel", "Paid search generic", ""}: 20,
		// A breakdown by the derived column splits spend too.
		{"", "cost", "channel_group", "Display", ""}: 25,
		{"", "sessions", "media_kind", "paid", ""}:   9,
		{"", "sessions", "media_kind", "earned", ""}: 2, // organic, referral
		{"", "sessions", "media_kind", "owned", ""}:  2, // email, direct
		{"", "sessions", "media_kind", "(none)", ""}: 1, // Other has no row
		{"", "cost", "", "", "2026-Q2"}:              55,
		{"", "cost_per_session", "", "", ""}:         195.0 / 14,
		{"", "cost_per_session", "", "", "2026-Q1"}:  140.0 / 9,
	}
	expectCells(t, got, want)
	if _, ok := got[cell{"", "cost", "media_kind", "paid", ""}]; ok {
		t.Error("cost by media_kind has a value: the spend rows have no lookup columns")
	}

	// Last touch by the derived key: A's purchase follows his email, B's
	// organic search, C's social, D's referral, E's video; values 100, 50,
	// 30, 80, 40. Spend per key comes from the spend rows' own group (0
	// for the groups without any).
	a := cards[0].Attribution[0]
	if a.Attributed != 5 {
		t.Errorf("%v conversions attributed, want 5", a.Attributed)
	}
	wantRows := map[string]struct{ conversions, value, spend float64 }{
		"Email":             {1, 100, 0},
		"Organic search":    {1, 50, 0},
		"Social":            {1, 30, 20},
		"Referral":          {1, 80, 0},
		"Video":             {1, 40, 60},
		"Display":           {0, 0, 25},
		"Paid search brand": {0, 0, 70},
	}
	for _, r := range a.Rows {
		w, ok := wantRows[r.Key]
		if !ok {
			continue
		}
		delete(wantRows, r.Key)
		if float64(r.Conversions) != w.conversions || float64(r.Value) != w.value || float64(r.Spend) != w.spend {
			t.Errorf("%s: %v conversions, value %v, spend %v; want %v, %v, %v", r.Key, r.Conversions, r.Value, r.Spend, w.conversions, w.value, w.spend)
		}
	}
	for key := range wantRows {
		t.Errorf("no attribution row for %q", key)
	}
}

// TestDerivedColumnsInMeaning: a definition's meaning holds the SQL of the
// derived columns it reads or that play a role (the channel here), so that
// its fingerprint changes with their rules; their label is presentation.
func TestDerivedColumnsInMeaning(t *testing.T) {
	const dir, file = "testdata/derived", "project.hcl"
	before := compileEdited(t, dir, file)
	for _, c := range []struct {
		edit               []string
		changed, unchanged []string
	}{
		// Every KPI is reported by channel, the derived channel_group.
		{[]string{`then = "Email"`, `then = "E-mail"`}, []string{"kpi.sessions", "kpi.video_cost"}, nil},
		// site is read by channel_group's rules only, inlined there.
		{[]string{`formula = "lower(mkt_source ?? '')"`, `formula = "mkt_source ?? ''"`}, []string{"kpi.sessions", "kpi.cost"}, nil},
		{[]string{`label  = "Channel group"`, `label  = "Group"`}, nil, []string{"kpi.sessions", "kpi.video_cost"}},
	} {
		after := compileEdited(t, dir, file, c.edit...)
		for _, address := range c.changed {
			if meaning(t, before, address) == meaning(t, after, address) {
				t.Errorf("%s: meaning of %s unchanged", c.edit[1], address)
			}
		}
		for _, address := range c.unchanged {
			if meaning(t, before, address) != meaning(t, after, address) {
				t.Errorf("%s: meaning of %s changed", c.edit[1], address)
			}
		}
	}
	if _, uses, _ := before.Meaning("kpi.video_cost"); !slices.Contains(uses, "column.channel_group") {
		t.Errorf("kpi.video_cost uses %v, want column.channel_group among them", uses)
	}
}
