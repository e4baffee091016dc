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
