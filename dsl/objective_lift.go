package dsl

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// This file holds the checks of a lift objective: an objective with an
// experiment, whose target is a variant's lift against the control on one
// of the KPIs the experiment judges. Its population and window are the
// experiment's, and its baseline the control: the attributes that say them
// for an objective on a KPI's value do not apply.

// IsLift reports whether the objective targets an experiment's lift.
func (o *Objective) IsLift() bool { return o.Experiment != nil }

// notForLifts are the attributes of an objective on a KPI's value that a
// lift objective refuses, and what to do instead.
var notForLifts = []struct{ attr, detail string }{
	{"segment", "A lift is measured over the experiment's customers: set segment in the experiment block, or remove it here."},
	{"channel", "A lift is measured over the experiment's customers: set a campaign that selects the channel's touchpoints in the experiment block, or remove channel here."},
	{"campaign", "A lift is measured over the experiment's touchpoints: set campaign in the experiment block, or remove it here."},
	{"baseline", "A lift is measured against the experiment's control, which is its baseline: remove baseline."},
	{"start", "A lift is judged over the experiment's window, from its start to its end: remove start."},
	{"deadline", "A lift is judged over the experiment's window, from its start to its end: remove deadline."},
	{"direction", `The sign of the target says which way the lift should go ("+5%" up, "-5%" down): remove direction.`},
}

// checkLift checks a lift objective on its own: the attributes it needs,
// and those it refuses.
func (o *Objective) checkLift(attrs hcl.Attributes) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, m := range []struct{ attr, summary, detail string }{
		{"kpi", "Objective without a KPI", "A lift objective targets the lift of one KPI the experiment judges. Add kpi = kpi.<name>."},
		{"variant", "Lift objective without a variant", `A lift is a variant's against the control: add variant = "B".`},
		{"target", "Objective without a target", `A lift objective is measurable: add target = "+5%" (a lift relative to the control), "+2pp" (percentage points of a rate) or 0.5 (a lift in the KPI's unit).`},
	} {
		if attrs[m.attr] == nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: m.summary, Detail: m.detail, Subject: o.DeclRange.Ptr()})
		}
	}
	for _, m := range notForLifts {
		if attr := attrs[m.attr]; attr != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Attribute not for a lift objective",
				Detail: m.attr + " does not apply to an objective on an experiment's lift. " + m.detail, Subject: attr.NameRange.Ptr()})
		}
	}
	return diags
}

// checkLiftRefs checks what a lift objective names in its experiment: a
// variant that is not the control (and one of those listed, when the
// experiment lists them), and a KPI the experiment judges.
func (o *Objective) checkLiftRefs(e *Experiment) hcl.Diagnostics {
	var diags hcl.Diagnostics
	problem := func(summary, detail string, at hcl.Range) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()})
	}
	var variants []string
	for _, v := range e.Variants {
		variants = append(variants, v.Value)
	}
	others := slices.DeleteFunc(slices.Clone(variants), func(v string) bool { return v == e.Control.Value })
	switch v := o.Variant.Value; {
	case o.Variant.Range == (hcl.Range{}):
	case v == e.Control.Value:
		detail := fmt.Sprintf("%q is the control of experiment %q: the lift is measured against it. Name another variant.", v, e.Name)
		if len(others) > 0 {
			detail = fmt.Sprintf("%q is the control of experiment %q: the lift is measured against it. Name another variant: %s.", v, e.Name, quoted(others))
		}
		problem("Control named as the variant", detail, o.Variant.Range)
	case variants != nil && !slices.Contains(variants, v):
		problem("Unknown variant", fmt.Sprintf("Experiment %q has no variant %q.%s Its variants besides the control: %s.",
			e.Name, v, DidYouMean(v, others), quoted(others)), o.Variant.Range)
	}
	if o.KPI != nil && !slices.ContainsFunc(e.KPIs, func(r Ref) bool { return r.Name == o.KPI.Name }) {
		var judged []string
		for _, r := range e.KPIs {
			judged = append(judged, r.Name)
		}
		problem("KPI not judged by the experiment", fmt.Sprintf("Experiment %q judges %s, not KPI %q. Add kpi.%s to its kpis, or target the lift of a KPI it judges.",
			e.Name, quoted(judged), o.KPI.Name, o.KPI.Name), o.KPI.Range)
	}
	return diags
}

// quoted lists names for a diagnostic: "A", "B".
func quoted(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(out, ", ")
}
