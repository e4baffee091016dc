// This file specifies the lift objective: what it decodes to, which way it
// wants the lift, and the exact words and places of its diagnostics.
package dsl_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
)

const liftProject = `kpi "attendance" {
  format  = "percent"
  formula = "1"
}
kpi "visits" {
  formula = "2"
}
kpi "no_shows" {
  formula   = "3"
  direction = "down"
}
experiment "invitations" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B", "C"]
  start      = "2026-01-01"
  end        = "2026-01-31"
  kpis       = [kpi.attendance, kpi.visits, kpi.no_shows]
}
`

func TestLoadLiftObjective(t *testing.T) {
	src := liftProject + `objective "b_lifts" {
  experiment = experiment.invitations
  variant    = "B"
  kpi        = kpi.attendance
  target     = "+5%"
  owner      = "events"
}
objective "c_fewer_no_shows" {
  experiment = experiment.invitations
  variant    = "C"
  kpi        = kpi.no_shows
  target     = -0.5
}
objective "c_no_harm" {
  experiment = experiment.invitations
  variant    = "C"
  kpi        = kpi.no_shows
  target     = 0
}
`
	p, diags := dsl.Load(map[string][]byte{"o.hcl": []byte(src)})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	want := &dsl.Objective{Name: "b_lifts", KPI: &dsl.Ref{Kind: "kpi", Name: "attendance"},
		Experiment: &dsl.Ref{Kind: "experiment", Name: "invitations"}, Variant: text("B"),
		Target: dsl.Target{Kind: dsl.TargetRelative, Value: 0.05, Text: "+5%"}, Owner: text("events")}
	if diff := cmp.Diff(want, p.Objectives[0], ignoreRanges); diff != "" {
		t.Errorf("lift objective (-want +got):\n%s", diff)
	}
	// The sign of a lift says which way it should go; a target of no lift
	// (no harm) follows the KPI's direction.
	for i, up := range []bool{true, false, false} {
		o := p.Objectives[i]
		if !o.IsLift() || o.Up(p.KPIs[2]) != up {
			t.Errorf("%s: IsLift %v, Up %v; want true, %v", o.Name, o.IsLift(), o.Up(p.KPIs[2]), up)
		}
	}
}

// TestLiftObjectiveDiagnostics pins what users read and where.
func TestLiftObjectiveDiagnostics(t *testing.T) {
	const head = "objective \"o\" {\n  experiment = experiment.invitations\n"
	for _, c := range []struct{ name, body, want string }{{
		name: "unknown experiment", body: "objective \"o\" {\n  experiment = experiment.invitation\n  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n}\n",
		want: `f.hcl:21:16: Reference to an undeclared experiment: No experiment block is named "invitation". Did you mean "invitations"?`,
	}, {
		name: "unknown variant", body: head + "  variant = \"b\"\n  kpi = kpi.visits\n  target = \"+5%\"\n}\n",
		want: `f.hcl:22:13: Unknown variant: Experiment "invitations" has no variant "b". Did you mean "B"? Its variants besides the control: "B", "C".`,
	}, {
		name: "control as the variant", body: head + "  variant = \"A\"\n  kpi = kpi.visits\n  target = \"+5%\"\n}\n",
		want: `f.hcl:22:13: Control named as the variant: "A" is the control of experiment "invitations": the lift is measured against it. Name another variant: "B", "C".`,
	}, {
		name: "KPI not judged", body: "kpi \"revenue\" { formula = \"4\" }\n" + head + "  variant = \"B\"\n  kpi = kpi.revenue\n  target = \"+5%\"\n}\n",
		want: `f.hcl:24:9: KPI not judged by the experiment: Experiment "invitations" judges "attendance", "visits", "no_shows", not KPI "revenue". Add kpi.revenue to its kpis, or target the lift of a KPI it judges.`,
	}, {
		name: "malformed target", body: head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"5 more\"\n}\n",
		want: `f.hcl:24:12: Invalid target: A target is a number (an absolute value such as 0.36) or a change from the control written "+5%" (relative) or "+5pp" (percentage points), not "5 more".`,
	}, {
		name: "change without a unit", body: head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5\"\n}\n",
		want: `f.hcl:24:12: Invalid target: A change from the control has a unit: "+5%" (relative) or "+5pp" (percentage points).`,
	}, {
		name: "no variant", body: head + "  kpi = kpi.visits\n  target = \"+5%\"\n}\n",
		want: `f.hcl:20:1: Lift objective without a variant: A lift is a variant's against the control: add variant = "B".`,
	}, {
		name: "segment", body: "segment \"s\" { where = \"1 == 1\" }\n" + head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n  segment = segment.s\n}\n",
		want: `f.hcl:26:3: Attribute not for a lift objective: segment does not apply to an objective on an experiment's lift. A lift is measured over the experiment's customers: set segment in the experiment block, or remove it here.`,
	}, {
		name: "channel", body: "channel \"email\" {}\n" + head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n  channel = channel.email\n}\n",
		want: `f.hcl:26:3: Attribute not for a lift objective: channel does not apply to an objective on an experiment's lift. A lift is measured over the experiment's customers: set a campaign that selects the channel's touchpoints in the experiment block, or remove channel here.`,
	}, {
		name: "campaign", body: "campaign \"q1\" {\n  start = \"2026-01-01\"\n  end = \"2026-03-31\"\n}\n" + head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n  campaign = campaign.q1\n}\n",
		want: `f.hcl:29:3: Attribute not for a lift objective: campaign does not apply to an objective on an experiment's lift. A lift is measured over the experiment's touchpoints: set campaign in the experiment block, or remove it here.`,
	}, {
		name: "baseline", body: head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n  baseline = 3\n}\n",
		want: `f.hcl:25:3: Attribute not for a lift objective: baseline does not apply to an objective on an experiment's lift. A lift is measured against the experiment's control, which is its baseline: remove baseline.`,
	}, {
		name: "deadline", body: head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n  deadline = \"2026-03-31\"\n}\n",
		want: `f.hcl:25:3: Attribute not for a lift objective: deadline does not apply to an objective on an experiment's lift. A lift is judged over the experiment's window, from its start to its end: remove deadline.`,
	}, {
		name: "direction", body: head + "  variant = \"B\"\n  kpi = kpi.visits\n  target = \"+5%\"\n  direction = \"up\"\n}\n",
		want: `f.hcl:25:3: Attribute not for a lift objective: direction does not apply to an objective on an experiment's lift. The sign of the target says which way the lift should go ("+5%" up, "-5%" down): remove direction.`,
	}} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := dsl.Load(map[string][]byte{"f.hcl": []byte(liftProject + c.body)})
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, d.Summary, d.Detail))
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("diagnostics = %q\nwant [%q]", got, c.want)
			}
		})
	}
}
