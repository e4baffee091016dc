package report

import (
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// A campaign against its compare campaign: the tiles carry omni diff's
// change, verdict and test, and the objective on the KPI.
func TestHeadlineAgainstCompare(t *testing.T) {
	sc := &scorecard.Scorecard{Name: "s", Project: "p", Grain: "year", Compare: "y2025",
		Scopes: []scorecard.Scope{{Campaign: "y2026", Label: "Days 2026"}, {Campaign: "y2025", Label: "Days 2025"}},
		KPIs: []scorecard.KPI{
			{Name: "buyers", Format: "integer"}, {Name: "invited", Format: "integer"},
			{Name: "rate", Label: "Buy rate", Format: "percent", Proportion: &scorecard.Proportion{Successes: "buyers", Trials: "invited"}},
			{Name: "cost", Format: "currency", Direction: "down"},
		},
		Objectives: []scorecard.Objective{{Name: "convert", Label: "Convert", KPI: "rate", Status: scorecard.AtRisk}},
	}
	for _, v := range []struct {
		campaign, kpi string
		value         float64
	}{
		{"y2026", "buyers", 30}, {"y2026", "invited", 100}, {"y2026", "rate", 0.3}, {"y2026", "cost", 40},
		{"y2025", "buyers", 50}, {"y2025", "invited", 100}, {"y2025", "rate", 0.5}, {"y2025", "cost", 50},
	} {
		sc.Values = append(sc.Values, scorecard.Value{Campaign: v.campaign, KPI: v.kpi, Value: scorecard.Number(v.value)})
	}
	h := newView(sc).headline()
	if h == nil || h.Value != "Days 2026" || h.Against != "Days 2025" || len(h.Tiles) != 4 {
		t.Fatalf("headline %+v", h)
	}
	// 30 of 100 against 50 of 100: pooled 0.4, standard error
	// √(0.4·0.6·(1/100 + 1/100)) = 0.0693, z = 0.2 / 0.0693 = 2.887,
	// two-sided p = erfc(2.887 / √2) = 0.0039.
	rate := h.Tiles[2]
	want := tile{KPI: "Buy rate", Value: "30.0%", Before: "50.0%", Delta: "-20.0 pp", Relative: "-40.0%", Arrow: "▼",
		Verdict: "worse", Significance: "significant, p = 0.004", Comparable: true,
		Objectives: []objectiveStatus{{"Convert", scorecard.AtRisk}}}
	if rate.KPI != want.KPI || rate.Value != want.Value || rate.Before != want.Before || rate.Delta != want.Delta ||
		rate.Relative != want.Relative || rate.Arrow != want.Arrow || rate.Verdict != want.Verdict ||
		rate.Significance != want.Significance || len(rate.Objectives) != 1 || rate.Objectives[0] != want.Objectives[0] {
		t.Errorf("rate tile\n got %+v\nwant %+v", rate, want)
	}
	// Cost goes down, its direction: better, and no test (not a share).
	if cost := h.Tiles[3]; cost.Verdict != "better" || cost.Arrow != "▼" || cost.Delta != "-10" || cost.Significance != "" {
		t.Errorf("cost tile %+v", cost)
	}
}

// Without a compare campaign, the latest complete period against the one
// before: a partial last period (the data end on 15 May, objectives judged
// then, before their deadline) is left out.
func TestHeadlineAgainstPreviousPeriod(t *testing.T) {
	sc := &scorecard.Scorecard{Name: "s", Project: "p", Grain: "month", Scopes: []scorecard.Scope{{}},
		KPIs:       []scorecard.KPI{{Name: "visits", Format: "integer"}},
		Objectives: []scorecard.Objective{{Name: "o", KPI: "visits", AsOf: "2026-05-15", Deadline: "2026-12-31"}},
	}
	for i, p := range []string{"2026-03", "2026-04", "2026-05"} {
		sc.Values = append(sc.Values, scorecard.Value{KPI: "visits", Period: p, Value: scorecard.Number(100 * (i + 1))})
	}
	v := newView(sc)
	if !v.partial(sc.Scopes[0], "2026-05") || v.partial(sc.Scopes[0], "2026-04") {
		t.Error("2026-05 is the partial period, and 2026-04 whole")
	}
	h := v.headline()
	if h == nil || h.Value != "2026-04" || h.Against != "2026-03" || h.Tiles[0].Delta != "+100" || h.Tiles[0].Relative != "+100.0%" {
		t.Errorf("headline %+v", h)
	}
	// Judged on its deadline, an objective does not tell the data's end.
	sc.Objectives[0].Deadline = "2026-05-15"
	if newView(sc).partial(sc.Scopes[0], "2026-05") {
		t.Error("2026-05 taken for partial without knowing the data's end")
	}
}
