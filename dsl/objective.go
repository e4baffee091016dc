package dsl

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Directions are the ways a KPI or an objective can be good: up (more is
// better) or down (less is better, such as a cost per acquisition).
var Directions = []string{"up", "down"}

// Objective is an objective block: a SMART target for one KPI in one
// population — specific (a KPI, a segment, channel or campaign), measurable
// (a baseline and a target), time-bound (a start and a deadline).
type Objective struct {
	Name        string
	Label       Text
	Description Text
	KPI         *Ref    // the KPI measured; nil only when the block is invalid
	Segment     *Ref    // the population: a segment's customers…
	Channel     *Ref    // …or a channel's touchpoints; nil for both: everybody
	Campaign    *Ref    // the scope: a campaign's touchpoints; nil: the whole data
	Baseline    *Number // nil: measured, the KPI in the period before start
	Target      Target
	Direction   Text // "up", "down", or "" to follow the target
	Start       Date
	Deadline    Date // the target is for the period that holds this day
	Owner       Text
	// Experiment and Variant make a lift objective: the target is the
	// variant's lift against the experiment's control on the KPI (see
	// objective_lift.go); nil for an objective on the KPI's value.
	Experiment *Ref
	Variant    Text
	DeclRange  hcl.Range
}

// TargetKind says how a target is written.
type TargetKind uint8

const (
	// TargetAbsolute is a number, such as 0.36.
	TargetAbsolute TargetKind = iota + 1
	// TargetRelative is a change in percent of the baseline, such as "+5%".
	TargetRelative
	// TargetPoints is a change in percentage points of a rate, such as "+5pp".
	TargetPoints
)

// Target is an objective's target as written: absolute, or a change from the
// baseline. Value is the number for an absolute target, and the change as a
// fraction otherwise: "+5%" and "+5pp" both hold 0.05.
type Target struct {
	Kind  TargetKind // 0 when the target is missing or invalid
	Value float64
	Text  string // as written: "0.36", "+5%", "-2pp"
	Range hcl.Range
}

// From is the target's value for a baseline. A relative change is a share of
// the baseline's size, so that "+10%" raises even a negative baseline.
func (t Target) From(baseline float64) float64 {
	switch t.Kind {
	case TargetRelative:
		return baseline + math.Abs(baseline)*t.Value
	case TargetPoints:
		return baseline + t.Value
	}
	return t.Value
}

// Up reports whether the objective wants its KPI to rise: as its direction
// says; else as the sign of a change; else, for an absolute target, towards
// the target from a given baseline, or the KPI's direction when the baseline
// is measured (the data should not flip what the objective wants).
func (o *Objective) Up(kpi *KPI) bool {
	switch {
	case o.Experiment != nil && o.Target.Value != 0:
		return o.Target.Value > 0 // a lift is a change: its sign says
	case o.Direction.Value != "":
		return o.Direction.Value == "up"
	case o.Target.Kind == TargetRelative || o.Target.Kind == TargetPoints:
		return o.Target.Value > 0
	case o.Baseline != nil:
		return o.Target.Value >= o.Baseline.Value
	}
	return kpi == nil || !kpi.LowerIsBetter()
}

var objectiveSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "kpi"}, {Name: "segment"}, {Name: "channel"}, {Name: "campaign"},
	{Name: "baseline"}, {Name: "target"}, {Name: "direction"},
	{Name: "start"}, {Name: "deadline"}, {Name: "owner"},
	{Name: "label"}, {Name: "description"}, {Name: "experiment"}, {Name: "variant"},
}}

func decodeObjectiveBlock(block *hcl.Block) (*Objective, hcl.Diagnostics) {
	name, diags := blockName(block)
	o := &Objective{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(objectiveSchema)
	diags = append(diags, d...)
	attrs := content.Attributes
	o.Label, o.Description, d = describe(content)
	diags = append(diags, d...)
	o.KPI, d = oneRefAttr(attrs["kpi"], "kpi")
	diags = append(diags, d...)
	for _, r := range []struct {
		to   **Ref
		kind string
	}{{&o.Segment, "segment"}, {&o.Channel, "channel"}, {&o.Campaign, "campaign"}} {
		*r.to, d = refAttr(attrs[r.kind], r.kind)
		diags = append(diags, d...)
	}
	if attrs["baseline"] != nil {
		n, d := numberValue(attrs["baseline"], attrs["baseline"].Expr)
		diags = append(diags, d...)
		if !d.HasErrors() {
			o.Baseline = &n
		}
	}
	o.Experiment, d = refAttr(attrs["experiment"], "experiment")
	diags = append(diags, d...)
	o.Variant, d = textAttr(attrs["variant"])
	diags = append(diags, d...)
	from := "the baseline"
	if attrs["experiment"] != nil {
		from = "the control"
	}
	o.Target, d = targetAttr(attrs["target"], from)
	diags = append(diags, d...)
	o.Direction, d = choiceAttr(attrs["direction"], Directions)
	diags = append(diags, d...)
	o.Start, d = dateAttr(attrs["start"])
	diags = append(diags, d...)
	o.Deadline, d = dateAttr(attrs["deadline"])
	diags = append(diags, d...)
	o.Owner, d = textAttr(attrs["owner"])
	diags = append(diags, d...)
	if attrs["experiment"] != nil {
		return o, append(diags, o.checkLift(attrs)...)
	}
	return o, append(diags, o.checkSMART(attrs)...)
}

// oneRefAttr decodes a reference, with a clear word for a list of them.
func oneRefAttr(attr *hcl.Attribute, kind string) (*Ref, hcl.Diagnostics) {
	if attr != nil {
		if _, d := hcl.ExprList(attr.Expr); !d.HasErrors() {
			return nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "One " + kind + " per objective",
				Detail:   fmt.Sprintf("An objective is specific: it measures one %s. Write one objective per %s, with %s = %s.name.", kind, kind, kind, kind),
				Subject:  attr.Expr.Range().Ptr(),
			}}
		}
	}
	return refAttr(attr, kind)
}

// change is a target written as a change from the baseline: "+5%", "-2pp".
var change = regexp.MustCompile(`^([+-])\s*([0-9]+(?:\.[0-9]+)?)\s*(%|pp)$`)

// unsigned is a change written without its sign, which reads as a level.
var unsigned = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*(%|pp)$`)

// plain is a number written as a string, a change without its unit when
// it has a sign.
var plain = regexp.MustCompile(`^([+-]?)[0-9]+(?:\.[0-9]+)?$`)

// targetAttr decodes a target; from names what a change is from: "the
// baseline", or "the control" for a lift.
func targetAttr(attr *hcl.Attribute, from string) (Target, hcl.Diagnostics) {
	if attr == nil {
		return Target{}, nil
	}
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() {
		return Target{}, diags
	}
	t := Target{Range: attr.Expr.Range()}
	bad := func(detail string) (Target, hcl.Diagnostics) {
		return Target{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid target", Detail: detail, Subject: t.Range.Ptr()}}
	}
	forms := `a number (an absolute value such as 0.36) or a change from ` + from + ` written "+5%" (relative) or "+5pp" (percentage points)`
	switch {
	case v.IsNull() || !v.IsKnown():
		return bad("A target is " + forms + ".")
	case v.Type() == cty.Number:
		t.Kind, t.Text = TargetAbsolute, v.AsBigFloat().Text('g', -1)
		t.Value, _ = v.AsBigFloat().Float64()
		return t, nil
	case v.Type() != cty.String:
		return bad("A target is " + forms + ".")
	}
	s := strings.TrimSpace(v.AsString())
	t.Text = s
	if m := plain.FindStringSubmatch(s); m != nil && m[1] != "" {
		return bad(fmt.Sprintf("A change from %s has a unit: %q (relative) or %q (percentage points).", from, s+"%", s+"pp"))
	} else if m != nil {
		return bad(fmt.Sprintf("An absolute target is a number: write target = %s, without quotes.", s))
	}
	if m := unsigned.FindStringSubmatch(s); m != nil {
		n, _ := strconv.ParseFloat(m[1], 64)
		return bad(fmt.Sprintf("%q could be a level or a change. Write %s for an absolute target of %s, or \"+%s\" or \"-%s\" for a change from %s.",
			s, strconv.FormatFloat(n/100, 'f', -1, 64), s, s, s, from))
	}
	m := change.FindStringSubmatch(s)
	if m == nil {
		return bad(fmt.Sprintf("A target is %s, not %q.", forms, s))
	}
	n, _ := strconv.ParseFloat(m[2], 64)
	if n == 0 {
		return bad(fmt.Sprintf("The target %q asks for no change: an objective moves its KPI.", s))
	}
	t.Kind, t.Value = TargetRelative, n/100
	if m[3] == "pp" {
		t.Kind = TargetPoints
	}
	if m[1] == "-" {
		t.Value = -t.Value
	}
	return t, nil
}
