package engine_test

// The objectives of testdata/objectives, judged by hand. The data, month by
// month (the data ends on April 20):
//
//	                    Jan  Feb  Mar  Apr
//	visits                2    4    5    6
//	reach                 2    4    4    4   (also on channel visit)
//	prescribers           0    2    3    2
//	conversion            0  0.5 0.75  0.5
//	conversion, young     0  0.5    1    1   (A and B)
//	spend                40  100   90   60
//	cac = spend / presc.  –   50   30   30
//	visits, campaign      –    3    4    5   (spring: not D)
//
// Objectives from March 1 to May 31 have February as baseline period (0),
// March 1, April 2 (the latest period), May 3 (the deadline's): the value
// expected in April is baseline + (target − baseline)·2/3.

import (
	"math"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

type judged struct {
	status                                             scorecard.Status
	baseline, target, value, expected, projected, done float64
	warning                                            string // a part of the only warning; "" for none
}

func TestObjectivesByHand(t *testing.T) {
	sc := runProject(t, "testdata/objectives")[0]
	nan := math.NaN()
	want := map[string]judged{
		// +50% of 4 is 6, reached in April. Trend since start: 5, 6 → 7 in May.
		"visits_relative": {scorecard.Achieved, 4, 6, 6, 4 + 2*2.0/3, 7, 1, ""},
		// Expected 4 + 4·2/3 = 6.67; 6 is behind by 0.67, within a quarter of 4.
		"visits_at_risk": {scorecard.AtRisk, 4, 8, 6, 4 + 4*2.0/3, 7, 0.5, ""},
		// Expected 4 + 3·2/3 = 6, exactly the value: on track.
		"visits_on_track": {scorecard.OnTrack, 4, 7, 6, 6, 7, 2.0 / 3, ""},
		// A given baseline. Expected 4 + 16·2/3 = 14.67: behind by 8.67, more
		// than 4. It takes 16/3 a month, more than twice January to
		// February's +2.
		"visits_given_off_track": {scorecard.OffTrack, 4, 20, 6, 4 + 16*2.0/3, 7, 2.0 / 16,
			"takes +5.33 per month (from 4 to 20 in 3 months), more than 2 times the largest month-to-month move before start (+2, into 2026-02)"},
		// Points on a rate in a segment: 0.5 + 0.1 = 0.6, and young GPs
		// convert at 1 in April. The trend (1, 1) stays at 1.
		"young_points": {scorecard.Achieved, 0.5, 0.6, 1, 0.5 + 0.1*2.0/3, 1, 5, ""},
		// 0.5 + 0.15 = 0.65, expected 0.6 in April; 0.5 is behind by 0.1,
		// more than 0.15/4. Trend 0.75, 0.5 → 0.25 in May.
		"conversion_points_off_track": {scorecard.OffTrack, 0.5, 0.65, 0.5, 0.6, 0.25, 0, ""},
		// A KPI whose direction is down: −20% of 50 is 40; April's 30 is below.
		"cac_relative": {scorecard.Achieved, 50, 40, 30, 50 - 10*2.0/3, 30, 2, ""},
		// An absolute target, measured baseline: down, as the KPI says.
		// Expected 50 − 30·2/3 = 30, the value.
		"cac_on_track": {scorecard.OnTrack, 50, 20, 30, 30, 30, 2.0 / 3, ""},
		// Expected 50 − 40·2/3 = 23.3; 30 is 6.7 above, within 40/4.
		"cac_at_risk": {scorecard.AtRisk, 50, 10, 30, 50 - 40*2.0/3, 30, 0.5, ""},
		// Starts in June: the baseline period, May, has no data yet.
		"not_started": {scorecard.NotStarted, nan, nan, nan, nan, nan, nan, ""},
		// Starts in January: nothing in December to measure the baseline from.
		"no_baseline": {scorecard.NoData, nan, nan, nan, nan, nan, nan, "no value in 2025-12, the month before start"},
		// 3 is below February's 4 already; April's 6 is beyond it.
		"met_already": {scorecard.Achieved, 4, 3, 6, 4 - 2.0/3, 7, nan, "already met by the measured baseline"},
		// Reach on channel visit stays at 4; +25% is 5, expected 4.67:
		// behind by 0.67, more than 1/4.
		"channel_reach": {scorecard.OffTrack, 4, 5, 4, 4 + 2.0/3, 4, 0, ""},
		// The campaign leaves D out: 3 visits in February, 5 in April;
		// expected 3 + 3·2/3 = 5.
		"campaign_on_track": {scorecard.OnTrack, 3, 6, 5, 5, 6, 2.0 / 3, ""},
		// February to March: the deadline has passed, so the latest period is
		// March (period 2 = n), where 6 was due; 5 is behind by exactly a
		// quarter of 6 − 2: at risk. Trend since start: 4, 5 → 5.
		"deadline_passed": {scorecard.AtRisk, 2, 6, 5, 6, 5, 0.75, ""},
	}
	if len(sc.Objectives) != len(want) {
		t.Errorf("got %d objectives, want %d", len(sc.Objectives), len(want))
	}
	for _, o := range sc.Objectives {
		w, ok := want[o.Name]
		if !ok {
			t.Errorf("unexpected objective %s", o.Name)
			continue
		}
		got := judged{o.Status, float64(o.Baseline), float64(o.Target), float64(o.Value), float64(o.Expected), float64(o.Projected), float64(o.Progress), ""}
		if o.Status != w.status {
			t.Errorf("%s: status %s, want %s", o.Name, o.Status, w.status)
		}
		for _, f := range []struct {
			name      string
			got, want float64
		}{{"baseline", got.baseline, w.baseline}, {"target", got.target, w.target}, {"value", got.value, w.value},
			{"expected", got.expected, w.expected}, {"projected", got.projected, w.projected}, {"progress", got.done, w.done}} {
			if math.IsNaN(f.want) != math.IsNaN(f.got) || math.Abs(f.got-f.want) > 1e-9 {
				t.Errorf("%s: %s = %v, want %v", o.Name, f.name, f.got, f.want)
			}
		}
		switch {
		case w.warning == "" && len(o.Warnings) > 0:
			t.Errorf("%s: unexpected warnings %q", o.Name, o.Warnings)
		case w.warning != "" && (len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], w.warning)):
			t.Errorf("%s: warnings %q, want one with %q", o.Name, o.Warnings, w.warning)
		}
	}
}

func TestObjectiveDates(t *testing.T) {
	sc := runProject(t, "testdata/objectives")[0]
	byName := map[string]scorecard.Objective{}
	for _, o := range sc.Objectives {
		byName[o.Name] = o
	}
	for _, c := range []struct {
		name, asOf, period, baselinePeriod string
		measured                           bool
		direction                          string
	}{
		{"visits_relative", "2026-04-20", "2026-04", "2026-02", true, "up"},
		{"visits_given_off_track", "2026-04-20", "2026-04", "", false, "up"},
		{"cac_on_track", "2026-04-20", "2026-04", "2026-02", true, "down"},
		{"deadline_passed", "2026-03-31", "2026-03", "2026-01", true, "up"}, // as of the deadline
		{"not_started", "2026-04-20", "", "2026-05", true, "up"},
	} {
		o := byName[c.name]
		if o.AsOf != c.asOf || o.Period != c.period || o.BaselinePeriod != c.baselinePeriod || o.BaselineMeasured != c.measured || o.Direction != c.direction {
			t.Errorf("%s: as of %q, period %q, baseline period %q, measured %v, direction %s; want %q, %q, %q, %v, %s", c.name,
				o.AsOf, o.Period, o.BaselinePeriod, o.BaselineMeasured, o.Direction, c.asOf, c.period, c.baselinePeriod, c.measured, c.direction)
		}
	}
	if o := byName["young_points"]; o.Segment != "young" || o.Format != "percent" || o.TargetText != "+10pp" {
		t.Errorf("young_points: segment %q, format %q, target text %q", o.Segment, o.Format, o.TargetText)
	}
	if o := byName["channel_reach"]; o.Channel != "visit" || o.Segment != "" {
		t.Errorf("channel_reach: channel %q, segment %q", o.Channel, o.Segment)
	}
}
