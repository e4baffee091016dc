package engine_test

// The loyalty ladders of testdata/loyalty, computed by hand. Six customers:
// A–E in customers.csv (gold: A, C, E; north: A, B, E; E never shows up), X
// only in the touchpoints, from February. March has no touchpoint at all.
// Stages of "buyers" (0 prospect, 1 lapsed, 2 buyer, 3 vip), the highest
// whose rule holds:
//
//	      Jan          Feb              Mar                   Apr
//	A  2 buys: vip  1 buy: buyer    Feb 3 +57d: lapsed    2 buys: vip
//	B  1 buy: buyer  Jan 15 +45d:   Jan 15 +76d: prospect  1 buy: buyer
//	                 lapsed
//	C  visit:       2 buys: vip     Feb 12 +48d: lapsed   Feb 12 +78d: prospect
//	   prospect
//	D  prospect     visit: prospect prospect              2 buys, silver: buyer
//	E  prospect     prospect        prospect              prospect
//	X  prospect     1 buy: buyer    Feb 28 +32d: lapsed   Feb 28 +62d: prospect
//
// ("+45d": days from the last purchase to the end of the month, the first
// day of the next; lapsed needs 60 at most.) Volumes are the purchases'
// amounts: Jan buyer 10, vip 50; Feb buyer 40 + 15, vip 50; Mar none;
// Apr buyer 5 + 40, vip 70.

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/omni-metrics/omni/engine/scorecard"
)

var approx = cmp.Options{cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateNaNs()}

func values(s scorecard.StageValues) []float64 {
	out := []float64{}
	for _, v := range s {
		out = append(out, float64(v.Value))
	}
	return out
}

func matrix(m [][]scorecard.Number) [][]float64 {
	var out [][]float64
	for _, row := range m {
		var r []float64
		for _, x := range row {
			r = append(r, float64(x))
		}
		out = append(out, r)
	}
	return out
}

func total(p *scorecard.Number) float64 {
	if p == nil {
		return math.NaN()
	}
	return float64(*p)
}

func check(t *testing.T, what string, want, got any) {
	t.Helper()
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

func TestLoyaltyLaddersByHand(t *testing.T) {
	cards := runProject(t, "testdata/loyalty")
	if len(cards) != 3 || len(cards[1].Loyalty) != 0 {
		t.Fatalf("want scorecards ladders, none (loyalty = []: no ladder) and recency, got %d", len(cards))
	}
	ladders := cards[0].Loyalty
	if len(ladders) != 2 || ladders[0].Name != "buyers" || ladders[1].Name != "engaged" {
		t.Fatalf("want ladders buyers and engaged, in the scorecard's order; got %+v", ladders)
	}
	t.Run("buyers", func(t *testing.T) { checkBuyers(t, ladders[0]) })
	t.Run("engaged", func(t *testing.T) { checkEngaged(t, ladders[1]) })
	t.Run("recency", func(t *testing.T) { checkRecency(t, cards[2].Loyalty[0]) })
}

func checkBuyers(t *testing.T, l scorecard.Loyalty) {
	check(t, "stages", []string{"prospect", "lapsed", "buyer", "vip"}, l.Stages)
	check(t, "labels", map[string]string{"lapsed": "Lapsed <60 days>"}, l.StageLabels)
	// Lapsed's rule is tried for every customer neither vip nor buyer, and
	// is null for those who never bought: C, D, E and X in January, D and E
	// in February and March, E in April. The others never are.
	check(t, "null rules", []scorecard.NullRule{{Stage: "lapsed", Rule: "days_since_last(event == 'purchase') <= 60", CustomerPeriods: 4 + 2 + 2 + 1}}, l.NullRules)
	if l.Value != nil || l.Discount != nil {
		t.Errorf("no discount: want no value, got %v", l.Value)
	}
	var labels []string
	var counts, volumes [][]float64
	for _, p := range l.Periods {
		labels = append(labels, p.Period)
		counts = append(counts, values(p.Counts))
		volumes = append(volumes, values(p.Volume))
	}
	check(t, "periods (March is empty, and there)", []string{"2026-01", "2026-02", "2026-03", "2026-04"}, labels)
	check(t, "counts", [][]float64{{4, 0, 1, 1}, {2, 1, 2, 1}, {3, 3, 0, 0}, {3, 0, 2, 1}}, counts)
	check(t, "volumes", [][]float64{{0, 0, 10, 50}, {0, 0, 55, 50}, {0, 0, 0, 0}, {0, 0, 45, 70}}, volumes)

	// Jan→Feb: D, E stay prospects; X (new: a prospect before) buys, C
	// becomes a vip; B lapses, A falls to buyer. Feb→Mar: everybody who
	// was not a prospect lapses, but B, whose purchase is too old. Mar→Apr:
	// E, B and D from prospect; A, C and X from lapsed.
	var moves [][][]float64
	var rates [][]float64
	for _, tr := range l.Transitions {
		moves = append(moves, matrix(tr.Matrix))
		rates = append(rates, []float64{float64(tr.ProgressionRate), float64(tr.RegressionRate)})
	}
	check(t, "matrices", [][][]float64{
		{{2, 0, 1, 1}, {0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}},
		{{2, 0, 0, 0}, {1, 0, 0, 0}, {0, 2, 0, 0}, {0, 1, 0, 0}},
		{{1, 0, 2, 0}, {2, 0, 0, 1}, {0, 0, 0, 0}, {0, 0, 0, 0}},
	}, moves)
	check(t, "progression and regression", [][]float64{{2.0 / 6, 2.0 / 6}, {0, 4.0 / 6}, {3.0 / 6, 2.0 / 6}}, rates)
	last := l.Transitions[2]
	nan := math.NaN()
	check(t, "latest probabilities (nobody was a buyer or a vip in March)",
		[][]float64{{1.0 / 3, 0, 2.0 / 3, 0}, {2.0 / 3, 0, 0, 1.0 / 3}, {nan, nan, nan, nan}, {nan, nan, nan, nan}},
		matrix(last.Probabilities))

	// Forecast from April's [3 0 2 1]: the prospects split 1/3 : 2/3
	// (1 prospect, 2 buyers); buyers and vips, never observed in March,
	// stay: May [1 0 4 1]. Mean volumes of April: buyer 45/2 = 22.5, vip 70,
	// others 0: 4×22.5 + 70 = 160. June: the prospect splits again,
	// [1/3 0 14/3 1]: 14/3×22.5 + 70 = 175.
	check(t, "forecast periods", []string{"2026-05", "2026-06"}, []string{l.Forecast[0].Period, l.Forecast[1].Period})
	check(t, "forecast counts", [][]float64{{1, 0, 4, 1}, {1.0 / 3, 0, 14.0 / 3, 1}},
		[][]float64{values(l.Forecast[0].Counts), values(l.Forecast[1].Counts)})
	check(t, "forecast volumes", []float64{160, 175}, []float64{total(l.Forecast[0].VolumeTotal), total(l.Forecast[1].VolumeTotal)})

	// March from February's [2 1 2 1] with Jan→Feb: prospects 1/2 stay, 1/4
	// buy, 1/4 become vips: [1 0 .5 .5]; the lapsed (none in January)
	// stays; buyers lapse (2); the vip becomes a buyer: [1 3 1.5 .5]
	// against [3 3 0 0]: (2 + 1.5 + .5)/12 = 1/3 misplaced, no change
	// (1 + 2 + 2 + 1)/12 = 1/2. Volume 1.5×55/2 + .5×50 = 66.25 against 0.
	// April from March's [3 3 0 0] with Feb→Mar: all prospects [6 0 0 0]
	// against [3 0 2 1]: (3 + 2 + 1)/12 = 1/2, no change (3 + 2 + 1)/12;
	// volume 0 against 115: −115, −100%.
	b := l.Backtest
	check(t, "backtest periods", []string{"2026-03", "2026-04"}, []string{b[0].Period, b[1].Period})
	check(t, "backtest predicted", [][]float64{{1, 3, 1.5, 0.5}, {6, 0, 0, 0}},
		[][]float64{values(b[0].Predicted.Counts), values(b[1].Predicted.Counts)})
	check(t, "backtest errors", [][]float64{{-2, 0, 1.5, 0.5}, {3, 0, -2, -1}},
		[][]float64{values(b[0].Error.Counts), values(b[1].Error.Counts)})
	check(t, "misplaced and no change", [][]float64{{1.0 / 3, 0.5}, {0.5, 0.5}}, [][]float64{
		{float64(b[0].Error.Misplaced), float64(b[0].Error.NaiveMisplaced)},
		{float64(b[1].Error.Misplaced), float64(b[1].Error.NaiveMisplaced)}})
	check(t, "volume errors", []float64{66.25, nan, -115, -1}, []float64{
		total(b[0].Error.Volume), total(b[0].Error.VolumeRelative), total(b[1].Error.Volume), total(b[1].Error.VolumeRelative)})

	// Segments: gold A, C, E; north A, B, E. Mar→Apr: gold A up, C down;
	// north A and B up. Both have every period; X, in no segment, neither.
	check(t, "strongest", &scorecard.Strongest{From: "2026-03", To: "2026-04",
		Stages: []scorecard.StageShare{{Stage: "prospect", Rate: 2.0 / 3}, {Stage: "lapsed", Rate: 1.0 / 3}},
		Groups: []scorecard.GroupShare{{By: "segment", Key: new("north"), Rate: 2.0 / 3}, {By: "segment", Key: new("gold"), Rate: 1.0 / 3}},
	}, l.Strongest)
	var gold [][]float64
	for _, p := range l.Groups[0].Periods {
		gold = append(gold, values(p.Counts))
	}
	check(t, "gold counts", [][]float64{{2, 0, 0, 1}, {1, 0, 1, 1}, {1, 2, 0, 0}, {2, 0, 0, 1}}, gold)
	// North's forecast: [1 0 1 1] → prospect B/E split 1/2 : 1/2, A from
	// lapsed to vip: [.5 0 1.5 1]; volumes buyer 5, vip 70: 77.5.
	check(t, "north's next volume", 77.5, total(l.Groups[1].Forecast[0].VolumeTotal))
}

func checkEngaged(t *testing.T, l scorecard.Loyalty) {
	// Per quarter: Q1 active A, B, C, D, X, quiet E; Q2 active A, B, D.
	check(t, "counts", [][]float64{{1, 5}, {3, 3}}, [][]float64{values(l.Periods[0].Counts), values(l.Periods[1].Counts)})
	check(t, "matrix", [][]float64{{1, 0}, {2, 3}}, matrix(l.Transitions[0].Matrix))
	// Q3 from [3 3]: the quiet stay (3), the active split 2/5 : 3/5.
	check(t, "forecast", []float64{4.2, 1.8}, values(l.Forecast[0].Counts))
	if l.Forecast[0].Volume != nil || l.Volume != "" || len(l.Backtest) != 0 {
		t.Errorf("no volume formula and two periods: want no volume and no backtest, got %+v", l)
	}
	// By region, customers without one (X) first: X active then quiet;
	// north A, B active, E quiet throughout; south C quiet in Q2, D active.
	var keys []string
	var moves [][][]float64
	for _, g := range l.Groups {
		key := "(none)"
		if g.Key != nil {
			key = *g.Key
		}
		keys = append(keys, g.By+"="+key)
		moves = append(moves, matrix(g.Transitions[0].Matrix))
	}
	check(t, "groups", []string{"region=(none)", "region=north", "region=south"}, keys)
	check(t, "group matrices", [][][]float64{{{0, 0}, {1, 0}}, {{1, 0}, {0, 2}}, {{0, 0}, {1, 1}}}, moves)
}

// TestLoyaltyLocalPeriods: a ladder's periods are those of the project's
// time zone, whatever the zone of the data (see testdata/loyalty_tz).
func TestLoyaltyLocalPeriods(t *testing.T) {
	l := runProject(t, "testdata/loyalty_tz")[0].Loyalty[0]
	var labels []string
	var counts [][]float64
	for _, p := range l.Periods {
		labels = append(labels, p.Period)
		counts = append(counts, values(p.Counts))
	}
	check(t, "periods", []string{"2026-03", "2026-04", "2026-05"}, labels)
	check(t, "counts (quiet, visitor)", [][]float64{{1, 1}, {1, 1}, {1, 1}}, counts)
	check(t, "April → May: A quiet again, B a visitor", [][]float64{{0, 1}, {1, 0}}, matrix(l.Transitions[1].Matrix))
}

// checkRecency checks the ladder whose rules are tried as written. Days
// to the end of the month (the first of the next) since the last and the
// first purchase, and the stage, the first rule that holds (lost: last >
// 60; browsing: a visit in the month; new: first < 31; else loyal):
//
//	     Jan               Feb               Mar              Apr
//	A  12, 22: new      26, 50: loyal     57, 81: loyal    1, 111: loyal
//	B  17, 17: new      45, 45: loyal     76: lost         26, 106: loyal
//	C  -, visit: brows. 17, 19: new       48, 50: loyal    78: lost
//	D  -: loyal         -, visit: brows.  -: loyal         23, 24: new
//	E  -: loyal         -: loyal          -: loyal         -: loyal
//	X  -: loyal         1, 1: new         32, 32: loyal    62: lost
//
// ("-": null, never bought.) Null rules, where tried: lost's for every
// never-buyer (4 + 2 + 2 + 1 = 9); new's for those browsing did not place
// (C in January and D in February are browsing): 3 + 1 + 2 + 1 = 7.
func checkRecency(t *testing.T, l scorecard.Loyalty) {
	var counts [][]float64
	for _, p := range l.Periods {
		counts = append(counts, values(p.Counts))
	}
	check(t, "counts", [][]float64{{0, 1, 2, 3}, {0, 1, 2, 3}, {1, 0, 0, 5}, {2, 0, 1, 3}}, counts)
	check(t, "null rules", []scorecard.NullRule{
		{Stage: "lost", Rule: "days_since_last(event == 'purchase') > 60", CustomerPeriods: 9},
		{Stage: "new", Rule: "days_since_first(event == 'purchase') < 31", CustomerPeriods: 7},
	}, l.NullRules)

	// Mar → Apr: B lost → loyal; of the 5 loyal, C and X lost, D new, A and
	// E loyal. Nobody browsing or new in March: they stay. From April's
	// [2 0 1 3], May is [1.2 0 1.6 3.2] and June [1.28 0 2.24 2.48]. Mean
	// volumes of April: new 40 (D), loyal 75/3 = 25 (A 70, B 5, E 0),
	// others 0. Volumes: May 1.6×40 + 3.2×25 = 64 + 80 = 144, June
	// 2.24×40 + 2.48×25 = 89.6 + 62 = 151.6. Discounted at 10%:
	//   new   64/1.1 + 89.6/1.21 = (70.4 + 89.6)/1.21 = 160/1.21
	//   loyal 80/1.1 + 62/1.21   = (88 + 62)/1.21    = 150/1.21
	//   total 144/1.1 + 151.6/1.21 = 310/1.21 = 256.198…
	// One customer now lost: loyal in May (25), then [.4 0 .2 .4] in June
	// (.2×40 + .4×25 = 18): 25/1.1 + 18/1.21 = 45.5/1.21. New stays new:
	// 40/1.1 + 40/1.21 = 84/1.21. Loyal: [.4 0 .2 .4] (18), then [.16 0 .28
	// .56] (.28×40 + .56×25 = 25.2): (19.8 + 25.2)/1.21 = 45/1.21. And
	// 2×45.5 + 84 + 3×45 = 310.
	check(t, "discount", 0.1, total(l.Discount))
	check(t, "forecast volumes", []float64{144, 151.6}, []float64{total(l.Forecast[0].VolumeTotal), total(l.Forecast[1].VolumeTotal)})
	check(t, "value per stage", []float64{0, 0, 160 / 1.21, 150 / 1.21}, values(l.Value.Stages))
	check(t, "value", 310/1.21, float64(l.Value.Total))
	check(t, "value per customer", []float64{45.5 / 1.21, 0, 84 / 1.21, 45 / 1.21}, values(l.Value.PerCustomer))
}
