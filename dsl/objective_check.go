package dsl

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// This file holds the SMART checks that need no data: each diagnostic points
// at the attribute to fix. The engine checks what needs the schemas
// (measurable) and, when it runs, what needs the data (realistic).

// checkSMART checks an objective on its own: the attributes it needs, a
// deadline after its start, one population, a direction that agrees with
// the target's sign.
func (o *Objective) checkSMART(attrs hcl.Attributes) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, m := range []struct{ attr, summary, detail string }{
		{"kpi", "Objective without a KPI", "An objective is specific: it measures one KPI. Add kpi = kpi.<name>."},
		{"target", "Objective without a target", `An objective is measurable: add target = 0.36 (an absolute value), "+5%" (a change relative to the baseline) or "+5pp" (percentage points of a rate).`},
		{"start", "Objective without a start", `An objective is time-bound: add start = "YYYY-MM-DD", the first day of the effort. A measured baseline is the KPI in the period before it.`},
		{"deadline", "Objective without a deadline", `An objective is time-bound: add deadline = "YYYY-MM-DD", the day by which the target is due.`},
	} {
		if attrs[m.attr] == nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: m.summary, Detail: m.detail, Subject: o.DeclRange.Ptr()})
		}
	}
	if !o.Start.IsZero() && !o.Deadline.IsZero() && !o.Deadline.Value.After(o.Start.Value) {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Deadline not after start",
			Detail:   fmt.Sprintf("The deadline %s must come after the start %s: an objective takes time.", o.Deadline, o.Start),
			Subject:  o.Deadline.Range.Ptr(),
		})
	}
	if o.Segment != nil && o.Channel != nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Objective on a segment and a channel",
			Detail: "omni measures a KPI by segment or by channel, not both at once. Keep the segment, and count the channel " +
				"in the KPI's formula instead (count_distinct(customer, channel == 'email')), or keep the channel alone.",
			Subject: o.Channel.Range.Ptr(),
		})
	}
	if attrs["segment"] == nil && attrs["channel"] == nil && attrs["campaign"] == nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Objective without a population",
			Detail: "An objective is specific about whom it is for. Without segment, channel or campaign, this one covers " +
				"every customer over the whole data; name a segment, a channel or a campaign.",
			Subject: o.DeclRange.Ptr(),
		})
	}
	changes := o.Target.Kind == TargetRelative || o.Target.Kind == TargetPoints
	if o.Direction.Value != "" && changes && (o.Direction.Value == "up") != (o.Target.Value > 0) {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Direction and target disagree",
			Detail: fmt.Sprintf("The target %q moves the KPI the other way than direction %q. The sign of a change says the direction: fix the sign, or remove direction.",
				o.Target.Text, o.Direction.Value),
			Subject: o.Direction.Range.Ptr(),
		})
	}
	return diags
}

// checkObjectives checks the references of objectives, and of scorecards to
// objectives, and what an objective's values mean for its KPI.
func (p *Project) checkObjectives() hcl.Diagnostics {
	var diags hcl.Diagnostics
	declared := map[string][]string{
		"kpi":        names(p.KPIs, func(k *KPI) string { return k.Name }),
		"segment":    names(p.Segments, func(s *Segment) string { return s.Name }),
		"channel":    names(p.Channels, func(c *Channel) string { return c.Name }),
		"campaign":   names(p.Campaigns, func(c *Campaign) string { return c.Name }),
		"experiment": names(p.Experiments, func(e *Experiment) string { return e.Name }),
	}
	kpis := map[string]*KPI{}
	for _, k := range p.KPIs {
		kpis[k.Name] = k
	}
	experiments := map[string]*Experiment{}
	for _, e := range p.Experiments {
		experiments[e.Name] = e
	}
	for _, o := range p.Objectives {
		for _, r := range []*Ref{o.KPI, o.Segment, o.Channel, o.Campaign, o.Experiment} {
			if r != nil {
				diags = append(diags, checkRef(*r, declared[r.Kind])...)
			}
		}
		if o.IsLift() && experiments[o.Experiment.Name] != nil {
			diags = append(diags, o.checkLiftRefs(experiments[o.Experiment.Name])...)
		}
		if o.KPI != nil && kpis[o.KPI.Name] != nil && o.Target.Kind != 0 && !o.IsLift() { // a lift's points: see the engine
			diags = append(diags, o.checkValues(kpis[o.KPI.Name])...)
		}
	}
	objectives := names(p.Objectives, func(o *Objective) string { return o.Name })
	return append(diags, p.checkScorecardRefs(objectives, func(s *Scorecard) []Ref { return s.Objectives })...)
}

// checkValues checks what the baseline and target mean for the KPI:
// points only on a KPI shown in percent, and a target that asks for a
// change from a given baseline. Whether a KPI is a rate, bound to 0 to 1,
// takes its compiled formula: the engine checks that.
func (o *Objective) checkValues(k *KPI) hcl.Diagnostics {
	fail := func(summary, detail string) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: o.Target.Range.Ptr()}}
	}
	if o.Target.Kind == TargetPoints && k.Format.Value != "percent" {
		return fail("Points target on a KPI that is not a rate",
			fmt.Sprintf("Percentage points (%q) change a rate, and KPI %q has format %q. Write a relative change (\"%s%%\") or an absolute target.",
				o.Target.Text, k.Name, cmp.Or(k.Format.Value, "number"), strings.TrimSpace(strings.TrimSuffix(o.Target.Text, "pp"))))
	}
	if o.Baseline == nil {
		return nil
	}
	b, t := o.Baseline.Value, o.Target.From(o.Baseline.Value)
	if up := o.Up(k); up && t <= b || !up && t >= b {
		want := "rise above"
		if !up {
			want = "fall below"
		}
		return fail("Target already met by the baseline",
			fmt.Sprintf("The target %s does not %s the baseline %s: there is nothing to achieve. Set a target beyond the baseline.", number(t), want, number(b)))
	}
	return nil
}

// number writes a value of a definition for a diagnostic.
func number(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
