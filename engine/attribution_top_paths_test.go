package engine_test

import (
	"math"
	"strings"
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

// TestLongPaths: over two keys, a step's digit takes 2 bits, so a path of
// 31 steps is coded in an integer and one of 32 is a list
// (testdata/attribution_long_paths):
//
//	path                 conversions  non-conversions
//	(a > b) × 16              1            1
//	(a > b) × 15 > a          1            1
//	b × 16                    1            3
//
// The top paths, all tied at one conversion, go by text: the 31 steps are
// a prefix of the 32. By Fractribution's rule, by hand (each step is worth
// the path's probability less that of the path without the step): in
// (a > b) × 16, P = 1/2, the last b is worth 0, since the path without it
// is (a > b) × 15 > a, P = 1/2, and the other 31 steps 1/2 each, no path
// without one of them taken: 16 a's and 15 b's take 1/31 each. So do the
// 31 steps of (a > b) × 15 > a; b × 16 takes its own. a is credited 32/31,
// b 30/31 + 1.
func TestLongPaths(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution_long_paths")
	path := func(steps string) string { return strings.Join(strings.Fields(steps), " > ") }
	long, coded, bs := path(strings.Repeat("a b ", 16)), path(strings.Repeat("a b ", 15)+"a"), path(strings.Repeat("b ", 16))
	want := &scorecard.Paths{
		Converting: []scorecard.PathCount{{Path: coded, Conversions: 1, NonConversions: 1, Value: 1},
			{Path: long, Conversions: 1, NonConversions: 1, Value: 1}, {Path: bs, Conversions: 1, NonConversions: 3, Value: 1}},
		NonConverting: []scorecard.PathCount{{Path: bs, Conversions: 1, NonConversions: 3, Value: 1},
			{Path: coded, Conversions: 1, NonConversions: 1, Value: 1}, {Path: long, Conversions: 1, NonConversions: 1, Value: 1}},
	}
	if diff := cmp.Diff(want, got[entryKey{"first", "", ""}].Paths); diff != "" {
		t.Errorf("top paths (-want +got):\n%s", diff)
	}
	credited := credits(got[entryKey{"fractribution", "", ""}])
	for k, c := range map[string]float64{"a": 32.0 / 31, "b": 30.0/31 + 1} {
		if math.Abs(credited[k]-c) > 1e-12 {
			t.Errorf("fractribution: %s credited %.12g, want %.12g", k, credited[k], c)
		}
	}
	if len(credited) != 2 {
		t.Errorf("fractribution credits %v, want a and b only", credited)
	}
}
