package dsl

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Duration is a length of time written as a number and a unit: "30d",
// "12h", "90m", "45s", "2w". A day is 24 hours.
type Duration struct {
	Value time.Duration
	Text  string // as written
	Range hcl.Range
}

// IsZero reports whether the duration was left out.
func (d Duration) IsZero() bool { return d.Value == 0 }

var durationSyntax = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)([smhdw])$`)

var durationUnits = map[string]time.Duration{
	"s": time.Second, "m": time.Minute, "h": time.Hour, "d": 24 * time.Hour, "w": 7 * 24 * time.Hour,
}

func durationAttr(attr *hcl.Attribute) (Duration, hcl.Diagnostics) {
	t, diags := textAttr(attr)
	if attr == nil || diags.HasErrors() {
		return Duration{}, diags
	}
	if m := durationSyntax.FindStringSubmatch(t.Value); m != nil {
		n, _ := strconv.ParseFloat(m[1], 64)
		if d := time.Duration(n * float64(durationUnits[m[2]])); d >= time.Second {
			return Duration{Value: d, Text: t.Value, Range: t.Range}, nil
		}
	}
	return Duration{}, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Invalid duration",
		Detail:   fmt.Sprintf("The attribute %q is a duration of a second or more: a number and a unit, s, m, h, d (24 hours) or w, such as \"30d\"; not %q.", attr.Name, t.Value),
		Subject:  t.Range.Ptr(),
	}}
}

// countAttr decodes a whole number of at least min and, when max is not
// zero, at most max; def when the attribute is left out.
func countAttr(attr *hcl.Attribute, min, max, def int) (int, hcl.Diagnostics) {
	if attr == nil {
		return def, nil
	}
	n, diags := numberValue(attr, attr.Expr)
	if diags.HasErrors() {
		return def, diags
	}
	if n.Value != float64(int(n.Value)) || n.Value < float64(min) || max > 0 && n.Value > float64(max) {
		bound := fmt.Sprintf("%d or more", min)
		if max > 0 {
			bound = fmt.Sprintf("from %d to %d", min, max)
		}
		return def, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid count",
			Detail:   fmt.Sprintf("The attribute %q is a whole number %s, not %v.", attr.Name, bound, n.Value),
			Subject:  n.Range.Ptr(),
		}}
	}
	return int(n.Value), nil
}

// weightsAttr decodes custom weights: a list (by position) or a map (by
// key) of positive numbers.
func weightsAttr(attr *hcl.Attribute) ([]Number, []Amount, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil, nil
	}
	if _, isMap := attr.Expr.(*hclsyntax.ObjectConsExpr); isMap {
		amounts, diags := amountMapAttr(attr)
		for _, a := range amounts {
			diags = append(diags, positive(attr, a.Value, a.Key.Range)...)
		}
		return nil, amounts, diags
	}
	exprs, diags := listOf(attr)
	if len(exprs) == 0 && !diags.HasErrors() {
		diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "No weights",
			Detail: "weights needs at least one number, such as [2, 1, 1].", Subject: attr.Expr.Range().Ptr()}}
	}
	var weights []Number
	for _, e := range exprs {
		n, d := numberValue(attr, e)
		if !d.HasErrors() {
			d = positive(attr, n.Value, n.Range)
		}
		diags = append(diags, d...)
		weights = append(weights, n)
	}
	return weights, nil, diags
}

func positive(attr *hcl.Attribute, v float64, at hcl.Range) hcl.Diagnostics {
	if v > 0 {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Weight not positive",
		Detail:   fmt.Sprintf("The attribute %q holds relative weights, which must be more than 0, not %v.", attr.Name, v),
		Subject:  at.Ptr(),
	}}
}
