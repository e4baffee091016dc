package engine_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// The objectives on lifts of testdata/experiment's invitation test (see
// experiment_test.go), worked out by hand. Conversion is 2/4 = 0.5 with A
// and 3/4 = 0.75 with B: the lift 0.25, its error √(0.25/4 + 0.1875/4) =
// 0.3307189.
//
//   - At 50% (invitation_half), z = Φ⁻¹(0.75) = 0.6744898: the interval
//     0.25 ± 0.2230672 = [0.0269328, 0.4730672]. "+2pp" wants 0.02, which
//     the whole interval passes: achieved. "+5pp" wants 0.05, inside it:
//     at risk. 0.5 wants a lift of 0.5, beyond its high end: off track.
//   - At 95% (invitation), the relative lift 0.25/0.5 = 0.5 has the delta
//     method's error √(0.1875/(4·0.5²) + 0.25·0.75²/(4·0.5⁴)) = √0.75 =
//     0.8660254: 0.5 ± 1.959964·0.8660254 = [-1.1973786, 2.1973786].
//     "+50%" is inside it: at risk.
//   - invitation_repeat lists no variants: "C" is none of those seen (A, B),
//     and has no customer: no data.
const liftObjectives = `
experiment "invitation_half" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B"]
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.conversion]
  confidence = 0.5
}
objective "b_passes_2pp" {
  experiment = experiment.invitation_half
  variant    = "B"
  kpi        = kpi.conversion
  target     = "+2pp"
}
objective "b_maybe_5pp" {
  experiment = experiment.invitation_half
  variant    = "B"
  kpi        = kpi.conversion
  target     = "+5pp"
}
objective "b_short_of_half" {
  experiment = experiment.invitation_half
  variant    = "B"
  kpi        = kpi.conversion
  target     = 0.5
}
objective "b_relative" {
  experiment = experiment.invitation
  variant    = "B"
  kpi        = kpi.conversion
  target     = "+50%"
}
objective "c_unseen" {
  experiment = experiment.invitation_repeat
  variant    = "C"
  kpi        = kpi.repeat_purchases
  target     = "+10%"
}
`

func TestLiftObjectivesByHand(t *testing.T) {
	sc := runProject(t, projectWith(t, "testdata/experiment", map[string]string{"project.hcl": liftObjectives}))[0]
	if len(sc.Objectives) != 5 {
		t.Fatalf("%d objectives, want 5: %+v", len(sc.Objectives), sc.Objectives)
	}
	for i, want := range []struct {
		status         scorecard.Status
		value, low, hi float64
		relative       bool
		target         float64
	}{
		{scorecard.Achieved, 0.25, 0.0269328, 0.4730672, false, 0.02},
		{scorecard.AtRisk, 0.25, 0.0269328, 0.4730672, false, 0.05},
		{scorecard.OffTrack, 0.25, 0.0269328, 0.4730672, false, 0.5},
		{scorecard.AtRisk, 0.5, -1.1973786, 2.1973786, true, 0.5},
	} {
		o := sc.Objectives[i]
		if o.Status != want.status || o.Lift == nil || o.Lift.Relative != want.relative || o.Lift.Variant != "B" || o.Lift.Control != "A" {
			t.Errorf("%s: status %s, lift %+v; want %s, relative %v, B against A", o.Name, o.Status, o.Lift, want.status, want.relative)
			continue
		}
		near(t, o.Name+" value", o.Value, want.value)
		near(t, o.Name+" low", o.Lift.Low, want.low)
		near(t, o.Name+" high", o.Lift.High, want.hi)
		near(t, o.Name+" target", o.Target, want.target)
		if o.Direction != "up" || o.Format != "percent" || o.Start != "2026-03-01" || o.Deadline != "2026-03-31" {
			t.Errorf("%s: direction %s, format %s, window %s to %s; want up, percent, March", o.Name, o.Direction, o.Format, o.Start, o.Deadline)
		}
	}
	c := sc.Objectives[4]
	if c.Status != scorecard.NoData || len(c.Warnings) != 1 ||
		c.Warnings[0] != `Experiment invitation_repeat has no customer of variant "C" with a value of KPI repeat_purchases (variants with customers: "A", "B").` {
		t.Errorf("c_unseen: %s %q, want no data and why", c.Status, c.Warnings)
	}
	// The experiments are reported too, each run once for both.
	if len(sc.Experiments) != 5 {
		t.Errorf("%d experiments, want 5", len(sc.Experiments))
	}
	var text strings.Builder
	if err := scorecard.WriteText(&text, sc); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{
		"b_passes_2pp      achieved  +25.0 pp [+2.7 pp, +47.3 pp]         –   +2.0 pp  2026-03-31    experiment invitation_half, B vs A",
		"b_relative         at risk     +50.0% [-119.7%, +219.7%]         –    +50.0%  2026-03-31         experiment invitation, B vs A",
		"c_unseen           no data                             –         –    +10.0%  2026-03-31  experiment invitation_repeat, C vs A",
	} {
		if !strings.Contains(text.String(), row) {
			t.Errorf("text has no row %q:\n%s", row, text.String())
		}
	}
}

// TestLiftObjectiveTargets pins the checks of a lift's target that need
// the experiment's view of the KPI, with their places.
func TestLiftObjectiveTargets(t *testing.T) {
	for _, c := range []struct{ target, kpi, want string }{{
		target: `"+2pp"`, kpi: "revenue",
		want: `project.hcl:69:16: Points target on a KPI that is not a rate: Percentage points ("+2pp") lift a rate, and experiment "invitation" judges KPI "revenue" by Welch's t on each customer's value, which is no rate of customers nor a KPI in percent. Write a relative lift ("+2%") or a lift in the KPI's unit (a number).`,
	}, {
		target: "2", kpi: "conversion",
		want: `project.hcl:69:16: Rate lift outside -1 to 1: KPI "conversion" is a rate of customers, from 0 to 1: a lift of 2 is out of reach. Write "+2pp" or 0.02 for two points, or "+5%" for a lift relative to the control.`,
	}} {
		dir := projectWith(t, "testdata/experiment", map[string]string{"project.hcl": "\nobjective \"o\" {\n  experiment = experiment.invitation\n  variant    = \"B\"\n  kpi        = kpi." + c.kpi + "\n  target     = " + c.target + "\n}\n"})
		p, diags := dsl.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		_, diags = compileWithDiagnostics(t, p)
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.Base(d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column, d.Summary, d.Detail))
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("diagnostics = %q\nwant [%q]", got, c.want)
		}
	}
}
