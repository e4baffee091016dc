// This file specifies the objective block: what it decodes to, how a
// target reads, which way an objective wants its KPI to go, and the words of
// its SMART diagnostics. The errors themselves are marked in
// testdata/errors/objectives.hcl.
package dsl_test

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

const objectiveProject = `
kpi "conversion" {
  format  = "percent"
  formula = "1"
}
kpi "cac" {
  formula   = "2"
  direction = "down"
}
segment "young_gps" { where = "age < 40" }
channel "email" {}
campaign "q3" {
  start = "2026-07-01"
  end   = "2026-09-30"
}
objective "retention_up" {
  label       = "Retention of young GPs"
  description = "Five more points within six months, through email and the loyalty programme."
  kpi         = kpi.conversion
  segment     = segment.young_gps
  target      = "+5pp"
  start       = "2026-07-01"
  deadline    = "2026-12-31"
  owner       = "crm-team"
}
objective "cheaper_wave" {
  kpi       = kpi.cac
  campaign  = campaign.q3
  baseline  = 1581
  target    = "-10%"
  direction = "down"
  start     = "2026-07-01"
  deadline  = "2026-09-30"
}
objective "email_level" {
  kpi      = kpi.conversion
  channel  = channel.email
  target   = 0.4
  start    = "2026-07-01"
  deadline = "2027-06-30"
}
scorecard "review" { objectives = [objective.retention_up] }
`

func TestLoadObjectives(t *testing.T) {
	p, diags := dsl.Load(map[string][]byte{"o.hcl": []byte(objectiveProject)})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	want := []*dsl.Objective{{
		Name: "retention_up", Label: text("Retention of young GPs"),
		Description: text("Five more points within six months, through email and the loyalty programme."),
		KPI:         &dsl.Ref{Kind: "kpi", Name: "conversion"}, Segment: &dsl.Ref{Kind: "segment", Name: "young_gps"},
		Target: dsl.Target{Kind: dsl.TargetPoints, Value: 0.05, Text: "+5pp"},
		Start:  date(2026, time.July, 1), Deadline: date(2026, time.December, 31), Owner: text("crm-team"),
	}, {
		Name: "cheaper_wave", KPI: &dsl.Ref{Kind: "kpi", Name: "cac"}, Campaign: &dsl.Ref{Kind: "campaign", Name: "q3"},
		Baseline: &dsl.Number{Value: 1581}, Target: dsl.Target{Kind: dsl.TargetRelative, Value: -0.1, Text: "-10%"},
		Direction: text("down"), Start: date(2026, time.July, 1), Deadline: date(2026, time.September, 30),
	}, {
		Name: "email_level", KPI: &dsl.Ref{Kind: "kpi", Name: "conversion"}, Channel: &dsl.Ref{Kind: "channel", Name: "email"},
		Target: dsl.Target{Kind: dsl.TargetAbsolute, Value: 0.4, Text: "0.4"},
		Start:  date(2026, time.July, 1), Deadline: date(2027, time.June, 30),
	}}
	if diff := cmp.Diff(want, p.Objectives, ignoreRanges); diff != "" {
		t.Errorf("objectives (-want +got):\n%s", diff)
	}
	if got := p.Scorecards[0].Objectives; !cmp.Equal(got, []dsl.Ref{ref("objective", "retention_up")}, ignoreRanges) {
		t.Errorf("scorecard objectives = %v", got)
	}
	if !p.KPIs[1].LowerIsBetter() || p.KPIs[0].LowerIsBetter() {
		t.Errorf("LowerIsBetter: cac %v, conversion %v; want true, false", p.KPIs[1].LowerIsBetter(), p.KPIs[0].LowerIsBetter())
	}
	// The target's range is the value as written, quotes included.
	if r := p.Objectives[0].Target.Range; r.Start.Line != 21 || r.Start.Column != 17 || r.End.Column != 23 {
		t.Errorf("target range = %v, want line 21, columns 17 to 23", r)
	}
}

func TestTargetFrom(t *testing.T) {
	for _, c := range []struct {
		target   dsl.Target
		baseline float64
		want     float64
	}{
		{dsl.Target{Kind: dsl.TargetAbsolute, Value: 0.36}, 0.31, 0.36},
		{dsl.Target{Kind: dsl.TargetPoints, Value: 0.05}, 0.31, 0.36},
		{dsl.Target{Kind: dsl.TargetPoints, Value: -0.02}, 0.31, 0.29},
		{dsl.Target{Kind: dsl.TargetRelative, Value: 0.05}, 200, 210},
		{dsl.Target{Kind: dsl.TargetRelative, Value: -0.1}, 1581, 1422.9},
		// A relative change is a share of the baseline's size: +10% of a
		// negative ROI raises it.
		{dsl.Target{Kind: dsl.TargetRelative, Value: 0.1}, -0.5, -0.45},
	} {
		if got := c.target.From(c.baseline); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%+v from %v = %v, want %v", c.target, c.baseline, got, c.want)
		}
	}
}

func TestObjectiveUp(t *testing.T) {
	down := &dsl.KPI{Direction: text("down")}
	up := &dsl.KPI{}
	abs := dsl.Target{Kind: dsl.TargetAbsolute, Value: 100}
	for _, c := range []struct {
		name string
		o    dsl.Objective
		kpi  *dsl.KPI
		want bool
	}{
		{"direction wins", dsl.Objective{Direction: text("down"), Target: abs}, up, false},
		{"sign of a change", dsl.Objective{Target: dsl.Target{Kind: dsl.TargetRelative, Value: -0.1}}, up, false},
		{"sign of points", dsl.Objective{Target: dsl.Target{Kind: dsl.TargetPoints, Value: 0.05}}, down, true},
		{"absolute above a given baseline", dsl.Objective{Target: abs, Baseline: &dsl.Number{Value: 80}}, down, true},
		{"absolute below a given baseline", dsl.Objective{Target: abs, Baseline: &dsl.Number{Value: 120}}, up, false},
		{"absolute, measured: the KPI's way", dsl.Objective{Target: abs}, down, false},
		{"absolute, measured, KPI up by default", dsl.Objective{Target: abs}, up, true},
	} {
		if got := c.o.Up(c.kpi); got != c.want {
			t.Errorf("%s: Up = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestObjectiveDiagnosticDetails pins what users read, warnings included.
func TestObjectiveDiagnosticDetails(t *testing.T) {
	const kpis = "kpi \"rate\" {\n format = \"percent\"\n formula = \"1\"\n}\nkpi \"count\" { formula = \"1\" }\nsegment \"s\" { where = \"1 == 1\" }\n"
	const times = "  start = \"2026-07-01\"\n  deadline = \"2026-12-31\"\n"
	for _, c := range []struct {
		name, body          string
		severity            hcl.DiagnosticSeverity
		summary, wantDetail string
	}{{
		name: "no population", body: "kpi = kpi.count\n target = 10\n", severity: hcl.DiagWarning,
		summary:    "Objective without a population",
		wantDetail: "An objective is specific about whom it is for. Without segment, channel or campaign, this one covers every customer over the whole data; name a segment, a channel or a campaign.",
	}, {
		name: "unsigned change", body: "kpi = kpi.rate\n segment = segment.s\n target = \"40%\"\n", severity: hcl.DiagError,
		summary:    "Invalid target",
		wantDetail: `"40%" could be a level or a change. Write 0.4 for an absolute target of 40%, or "+40%" or "-40%" for a change from the baseline.`,
	}, {
		name: "quoted number", body: "kpi = kpi.rate\n segment = segment.s\n target = \"0.36\"\n", severity: hcl.DiagError,
		summary:    "Invalid target",
		wantDetail: "An absolute target is a number: write target = 0.36, without quotes.",
	}, {
		name: "change without a unit", body: "kpi = kpi.rate\n segment = segment.s\n target = \"+5\"\n", severity: hcl.DiagError,
		summary:    "Invalid target",
		wantDetail: `A change from the baseline has a unit: "+5%" (relative) or "+5pp" (percentage points).`,
	}, {
		name: "points on a count", body: "kpi = kpi.count\n segment = segment.s\n target = \"+5pp\"\n", severity: hcl.DiagError,
		summary:    "Points target on a KPI that is not a rate",
		wantDetail: `Percentage points ("+5pp") change a rate, and KPI "count" has format "number". Write a relative change ("+5%") or an absolute target.`,
	}, {
		name: "met by the baseline", body: "kpi = kpi.count\n segment = segment.s\n baseline = 120\n target = 100\n direction = \"up\"\n", severity: hcl.DiagError,
		summary:    "Target already met by the baseline",
		wantDetail: "The target 100 does not rise above the baseline 120: there is nothing to achieve. Set a target beyond the baseline.",
	}, {
		name: "disagreeing direction", body: "kpi = kpi.count\n segment = segment.s\n target = \"-2pp\"\n direction = \"up\"\n", severity: hcl.DiagError,
		summary:    "Direction and target disagree",
		wantDetail: `The target "-2pp" moves the KPI the other way than direction "up". The sign of a change says the direction: fix the sign, or remove direction.`,
	}} {
		t.Run(c.name, func(t *testing.T) {
			src := kpis + "objective \"o\" {\n " + c.body + times + "}\n"
			_, diags := dsl.Load(map[string][]byte{"f.hcl": []byte(src)})
			var found []string
			for _, d := range diags {
				if d.Summary == c.summary && d.Severity == c.severity {
					found = append(found, d.Detail)
				}
			}
			if len(found) != 1 || found[0] != c.wantDetail {
				t.Errorf("details of %q = %q, want [%q]\nall: %v", c.summary, found, c.wantDetail, diags)
			}
		})
	}
}
