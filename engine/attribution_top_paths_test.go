package engine_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Top paths at their ties (testdata/attribution_top_paths): a path summary
// whose counts tie at the last place kept, and whose keys sort apart from
// their paths' texts. "a\tb" sorts before "a > c" as text (a tab before a
// space), after it as a list of keys ("a" before "a\tb"): ties go by the
// path's text.
//
//	path        conversions  non-conversions
//	b                3            1
//	a > c            2            0
//	a\tb             2            0
//	c                2            5
//	a > c > a        0            5
//	a!               1            0
//
// top_two keeps b, then the first of the three paths with 2 conversions by
// text, a\tb; of the non-converting, the tie at 5 in text order. With the
// frequency transform, a > c > a is a(2) > c(1), and a\tb(1) sorts before
// a(1) > c(1) ('\t' before '('). The keys' path conversions: b 3, a 2
// (a > c), c 4 (a > c, c), a\tb 2, a! 1.
func TestTopPathsTies(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution_top_paths")
	// Without a value column, a conversion is worth 1.
	count := func(path string, conversions, nonConversions int) scorecard.PathCount {
		return scorecard.PathCount{Path: path, Conversions: conversions, NonConversions: nonConversions, Value: scorecard.Number(conversions)}
	}
	for name, want := range map[string]*scorecard.Paths{
		"top_two": {
			Converting:    []scorecard.PathCount{count("b", 3, 1), count("a\tb", 2, 0)},
			NonConverting: []scorecard.PathCount{count("a > c > a", 0, 5), count("c", 2, 5)},
		},
		"by_frequency": {
			Converting:    []scorecard.PathCount{count("b(1)", 3, 1), count("a\tb(1)", 2, 0), count("a(1) > c(1)", 2, 0)},
			NonConverting: []scorecard.PathCount{count("a(2) > c(1)", 0, 5), count("c(1)", 2, 5), count("b(1)", 3, 1)},
		},
	} {
		if diff := cmp.Diff(want, got[entryKey{name, "", ""}].Paths); diff != "" {
			t.Errorf("%s: top paths (-want +got):\n%s", name, diff)
		}
	}
	touched := map[string]float64{}
	for _, r := range got[entryKey{"top_two", "", ""}].Rows {
		touched[r.Key] = float64(r.PathConversions)
	}
	if diff := cmp.Diff(map[string]float64{"b": 3, "a": 2, "c": 4, "a\tb": 2, "a!": 1}, touched); diff != "" {
		t.Errorf("conversions whose path holds each key (-want +got):\n%s", diff)
	}
}

// TestManyKeysSets: 71 keys, more than the bits of an integer, so each
// journey's set of keys is a list of the keys' numbers
// (testdata/attribution_many_keys): the paths k01 > k02, k02 > k03, …,
// k70 > k71, one conversion each, and k01 twice without one. By hand: the
// conversions whose path holds a key are 1 for k01 and k71 and 2 for every
// other key; linear credits k01 and k71 0.5 and the others 1; the top two
// converting paths, all tied at 1, are the first two by text.
func TestManyKeysSets(t *testing.T) {
	a := attributionsOf(t, "testdata/attribution_many_keys")[entryKey{"linear", "", ""}]
	if len(a.Rows) != 71 {
		t.Fatalf("%d keys credited, want 71", len(a.Rows))
	}
	for _, r := range a.Rows {
		want, credit := 2.0, 1.0
		if r.Key == "k01" || r.Key == "k71" {
			want, credit = 1, 0.5
		}
		if float64(r.PathConversions) != want || float64(r.Conversions) != credit {
			t.Errorf("%s: path conversions %v, credit %v; want %v, %v", r.Key, r.PathConversions, r.Conversions, want, credit)
		}
	}
	want := &scorecard.Paths{
		Converting:    []scorecard.PathCount{{Path: "k01 > k02", Conversions: 1, Value: 1}, {Path: "k02 > k03", Conversions: 1, Value: 1}},
		NonConverting: []scorecard.PathCount{{Path: "k01", NonConversions: 2}},
	}
	if diff := cmp.Diff(want, a.Paths); diff != "" {
		t.Errorf("top paths (-want +got):\n%s", diff)
	}
}
