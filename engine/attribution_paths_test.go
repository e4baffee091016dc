package engine_test

// Path summaries (testdata/attribution_paths): rows of paths with their
// counts, read as they are.
//
// pychattr's README runs ChannelAttribution's Markov model on three
// converting paths, A >>> B >>> A >>> B >>> B >>> A, A >>> B >>> B >>> A >>> A
// and A >>> A, repeats collapsed, and publishes the transitions start → A 1,
// A → B 0.5, A → conversion 0.5, B → A 1 and the credits A 1.991, B 1.009
// from 10,000 simulations. Solved exactly: P(conversion) = 1; without A, 0
// (effect 1); without B, 0.5 (effect 0.5); so A 3 · 1/1.5 = 2, B 1.
//
// shop.csv, in ChannelAttribution's column names (path, total_conversions,
// total_null, total_conversion_value):
//
//	email > search            3 conv, 1 null, 300
//	search                    1 conv, 2 null,  50
//	email                     0 conv, 4 null,   0
//	display > email > search  2 conv, (null),  100
//	" " (no key)              1 conv, 0 null,   10
//
// Seven conversions (value 460); six have a key (450).
//
// Markov, first order: start → email 3+1+4 = 8, → search 1+2 = 3,
// → display 2 (13 journeys); email → search 4+2 = 6, → null 4; search →
// conversion 6, → null 3; display → email 2. P(search) = 6/9, P(email) =
// P(display) = 6/10 · 2/3 = 0.4; P = (8 · 0.4 + 3 · 2/3 + 2 · 0.4) / 13 =
// 6/13. Without email: 2/13, effect 2/3; without search: 0, effect 1;
// without display: 5.2/13, effect 2/15. The effects add up to 1.8: email
// 6 · (2/3) / 1.8 = 20/9, search 10/3, display 4/9.
//
// Excluding display, its path is email > search: start → email 10, → search
// 3, and the same solution gives effects 2/3 and 1: email 6 · (2/3) / (5/3)
// = 2.4, search 3.6.

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestPathSummaryByHand(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution_paths")
	for _, c := range []struct {
		name        string
		conversions float64 // every conversion of the summary
		want        map[string]float64
		value       map[string]float64
	}{
		{"pychattr_markov", 3, map[string]float64{"A": 2, "B": 1}, map[string]float64{"A": 2, "B": 1}},
		{"first", 7, map[string]float64{"email": 3, "search": 1, "display": 2}, map[string]float64{"email": 300, "search": 50, "display": 100}},
		{"last", 7, map[string]float64{"email": 0, "search": 6, "display": 0}, map[string]float64{"email": 0, "search": 450, "display": 0}},
		// Linear and Shapley: email > search 1.5 each, search 1, display >
		// email > search 2/3 each; values in proportion (300/2, 100/3).
		{"linear", 7, map[string]float64{"email": 1.5 + 2.0/3, "search": 2.5 + 2.0/3, "display": 2.0 / 3},
			map[string]float64{"email": 150 + 100.0/3, "search": 200 + 100.0/3, "display": 100.0 / 3}},
		{"shapley", 7, map[string]float64{"email": 1.5 + 2.0/3, "search": 2.5 + 2.0/3, "display": 2.0 / 3},
			map[string]float64{"email": 150 + 100.0/3, "search": 200 + 100.0/3, "display": 100.0 / 3}},
		{"markov", 7, map[string]float64{"email": 20.0 / 9, "search": 10.0 / 3, "display": 4.0 / 9},
			map[string]float64{"email": 450 * 20.0 / 54, "search": 450 * 30.0 / 54, "display": 450 * 4.0 / 54}},
		{"without_display", 7, map[string]float64{"email": 2.4, "search": 3.6}, map[string]float64{"email": 180, "search": 270}},
	} {
		a, ok := got[entryKey{c.name, "", ""}]
		if !ok {
			t.Errorf("%s: no entry", c.name)
			continue
		}
		if float64(a.Conversions) != c.conversions || a.Key != "channel" {
			t.Errorf("%s: %v conversions by %s, want %v by channel", c.name, a.Conversions, a.Key, c.conversions)
		}
		if len(a.Rows) != len(c.want) {
			t.Errorf("%s: rows %v, want the keys of %v", c.name, a.Rows, c.want)
		}
		for _, r := range a.Rows {
			if math.Abs(float64(r.Conversions)-c.want[r.Key]) > 1e-9 || math.Abs(float64(r.Value)-c.value[r.Key]) > 1e-9 {
				t.Errorf("%s: %s credited %v (value %v), want %v (%v)", c.name, r.Key, r.Conversions, r.Value, c.want[r.Key], c.value[r.Key])
			}
		}
	}
	// pychattr's published transitions, and the exact removal effects.
	m := got[entryKey{"pychattr_markov", "", ""}].Markov
	a, b := []string{"A"}, []string{"B"}
	wantMarkov := &scorecard.Markov{Order: 1, Conversion: 1,
		Removal: []scorecard.RemovalEffect{{Key: "A", Without: 0, Effect: 1}, {Key: "B", Without: 0.5, Effect: 0.5}},
		Transitions: []scorecard.MarkovTransition{{From: []string{}, To: a, Journeys: 3, Probability: 1},
			{From: a, To: b, Journeys: 3, Probability: 0.5}, {From: a, To: []string{}, End: "conversion", Journeys: 3, Probability: 0.5},
			{From: b, To: a, Journeys: 3, Probability: 1}}}
	if diff := cmp.Diff(wantMarkov, m); diff != "" {
		t.Errorf("pychattr's chain (-want +got):\n%s", diff)
	}
	paths := got[entryKey{"markov", "", ""}].Paths
	wantPaths := scorecard.Paths{
		Converting: []scorecard.PathCount{{Path: "email > search", Conversions: 3, NonConversions: 1, Value: 300},
			{Path: "display > email > search", Conversions: 2, Value: 100}, {Path: "search", Conversions: 1, NonConversions: 2, Value: 50}},
		NonConverting: []scorecard.PathCount{{Path: "email", NonConversions: 4},
			{Path: "search", Conversions: 1, NonConversions: 2, Value: 50}, {Path: "email > search", Conversions: 3, NonConversions: 1, Value: 300}},
	}
	if paths == nil || !slices.Equal(paths.Converting, wantPaths.Converting) || !slices.Equal(paths.NonConverting, wantPaths.NonConverting) {
		t.Errorf("paths = %+v, want %+v", paths, wantPaths)
	}
	// top_paths = 1 keeps the first of each kind; markov, of the same
	// journeys, keeps its ten.
	first := got[entryKey{"first", "", ""}].Paths
	if first == nil || !slices.Equal(first.Converting, wantPaths.Converting[:1]) || !slices.Equal(first.NonConverting, wantPaths.NonConverting[:1]) {
		t.Errorf("top_paths = 1: paths = %+v, want the first of %+v", first, wantPaths)
	}
}

// A count of journeys that is negative or not whole stops the run, naming
// the source, the path and the column.
func TestPathSummaryCountsAreWhole(t *testing.T) {
	for _, c := range []struct{ row, want string }{
		{"email,-1,0,0", `source shop: the path 'email' has total_conversions -1: a count of journeys, a whole number 0 or more. Correct shop.csv`},
		{"search,1,0.5,0", `source shop: the path 'search' has total_null 0.5: a count of journeys, a whole number 0 or more. Correct shop.csv`},
	} {
		files := map[string]string{"shop.csv": "path,total_conversions,total_null,total_conversion_value\nemail > search,3,1,300\n" + c.row + "\n"}
		entries, err := os.ReadDir("testdata/attribution_paths")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			text, err := os.ReadFile(filepath.Join("testdata/attribution_paths", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if files[e.Name()] == "" {
				files[e.Name()] = string(text)
			}
		}
		compiled := compileDir(t, writeProject(t, files))
		_, err = compiled.Run(t.Context(), compiled.Plans[0])
		if err == nil || !strings.HasSuffix(err.Error(), c.want) {
			t.Errorf("got %v, want an error ending %q", err, c.want)
		}
	}
}

// Google Fractribution's data-driven model over rows of its own example
// path summary (google.csv), checked against the shares its authors publish
// per converting customer (py/fractribution_model/tests/expected_unique_fit.csv):
// D > C: C 0.353432508118233, D 0.646567491881767; D > A > D: A
// 0.331280309661043, D 0.668719690338957; G > G > C: C 0.277777777777778,
// G 0.722222222222222; D > D > D > F > F: D 0.6, F 0.4 (no path without
// one of its steps was taken: each step is worth 1); D > A: D 1 (A's
// removal raises the probability: floored at 0). A path of one key takes
// all of its conversions. A > D is not among the published rows; by the
// rule: P = 7/110, without A (D) 182/6537, without D (A) 477/135678.
func TestFractributionPublishedShares(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution_paths")[entryKey{"fractribution", "", ""}]
	pAD, pA, pD := 7.0/110, 477.0/135678, 182.0/6537
	shareA := (pAD - pD) / ((pAD - pD) + (pAD - pA))
	want := map[string]float64{
		"A": 477 + 2*0.331280309661043 + 7*shareA,
		"C": 250 + 6*0.353432508118233 + 0.277777777777778,
		"D": 182 + 6*0.646567491881767 + 26 + 1 + 2*0.668719690338957 + 0.6 + 7*(1-shareA),
		"F": 0.4,
		"G": 4 + 0.722222222222222,
	}
	if got.Conversions != 957 || got.Attributed != 957 {
		t.Errorf("conversions %v, attributed %v; want 957 and 957", got.Conversions, got.Attributed)
	}
	for k, c := range credits(got) {
		if math.Abs(c-want[k]) > 1e-9 {
			t.Errorf("%s credited %.12g, want %.12g", k, c, want[k])
		}
	}
}

// A summary's columns may have the names of omni's own: email > search
// converts 2 of 3 journeys, search alone 1 of 1: last touch credits search
// 3.
func TestPathSummaryColumnsNamedAsOmnis(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"project.hcl": `
source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
}
source "summary" {
  path            = "summary.csv"
  paths           = "__keys"
  conversions     = "__row"
  non_conversions = "__conversions"
}
attribution "last" {
  paths = source.summary
  model = "last"
}`,
		"touchpoints.csv": "id,ts\nP,2026-03-01 10:00:00\n",
		"summary.csv":     "__keys,__row,__conversions\nemail > search,2,1\nsearch,1,0\n",
	})
	got := attributionsOf(t, dir)[entryKey{"last", "", ""}]
	if c := credits(got); c["search"] != 3 || c["email"] != 0 || got.Conversions != 3 {
		t.Errorf("credits %v of %v conversions, want search 3 of 3", c, got.Conversions)
	}
}

// A summary with a value has ROAS and ROI; spend splits by its keys over
// the spend source's whole window. Last touch: email > search (2
// conversions, 200) credits search, email (1, 50) email; spend email 10,
// search 30 (the April row too: the summary has no times). ROAS email
// 50 / 10 = 5, search 200 / 30; ROI 4 and 170 / 30.
func TestPathSummarySpend(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"project.hcl": `
source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "spend" {
  path    = "spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}
source "summary" {
  path        = "paths.csv"
  paths       = "path"
  conversions = "conv"
  value       = "rev"
}
attribution "last" {
  paths = source.summary
  model = "last"
}`,
		"tp.csv":    "id,ts,channel\nP,2026-03-01 10:00:00,email\n",
		"spend.csv": "day,channel,eur\n2026-03-01,email,10\n2026-04-01,search,30\n",
		"paths.csv": "path,conv,rev\nemail > search,2,200\nemail,1,50\n",
	})
	want := map[string][4]float64{"email": {50, 10, 5, 4}, "search": {200, 30, 200.0 / 30, 170.0 / 30}}
	for _, r := range attributionsOf(t, dir)[entryKey{"last", "", ""}].Rows {
		got := [4]float64{float64(r.Value), float64(r.Spend), float64(r.ROAS), float64(r.ROI)}
		for i := range got {
			if math.IsNaN(got[i]) || math.Abs(got[i]-want[r.Key][i]) > 1e-9 { // null is NaN
				t.Errorf("%s: value, spend, ROAS, ROI = %v, want %v", r.Key, got, want[r.Key])
				break
			}
		}
	}
}

// Shao and Li's probabilistic model end to end over a path summary, with
// repeats and order that do not matter: a > b > a converts 1 of 2 (value
// 10), a 2 of 4, b 1 of 4. P(y|a) = 3/6 = 1/2, P(y|b) = 2/6 = 1/3,
// P(y|a,b) = 1/2; on a > b > a, C(a) = 1/2 + (1/2 − 1/2 − 1/3)/2 = 1/3,
// C(b) = 1/3 + (1/2 − 1/3 − 1/2)/2 = 1/6: a takes 2/3 of it, b 1/3, so
// a 2/3 + 2 = 8/3 and b 1/3 + 1 = 4/3 of 4 conversions.
func TestPathSummaryProbabilistic(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"project.hcl": `
source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
}
source "summary" {
  path            = "summary.csv"
  paths           = "path"
  conversions     = "conv"
  non_conversions = "null"
  value           = "rev"
}
attribution "shao_li" {
  paths = source.summary
  model = "probabilistic"
}`,
		"touchpoints.csv": "id,ts\nP,2026-03-01 10:00:00\n",
		"summary.csv":     "path,conv,null,rev\na > b > a,1,1,10\na,2,2,0\nb,1,3,0\n",
	})
	got := attributionsOf(t, dir)[entryKey{"shao_li", "", ""}]
	c := credits(got)
	if got.Conversions != 4 || math.Abs(c["a"]-8.0/3) > 1e-12 || math.Abs(c["b"]-4.0/3) > 1e-12 {
		t.Errorf("credits %v of %v conversions, want a 8/3 and b 4/3 of 4", c, got.Conversions)
	}
}
