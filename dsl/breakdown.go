package dsl

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// CrossSign joins the names of a crossed breakdown into its name:
// "segment × channel". No identifier holds it, so the name of a cross is
// never that of a single breakdown.
const CrossSign = " × "

// Breakdown is one entry of a by list: a name ("segment"), or a list of
// names crossed (["segment", "channel"]), which splits the values by each
// combination of the breakdowns' values.
type Breakdown struct {
	Names []Text // one name, or the crossed names in order
	Range hcl.Range
}

// Crossed reports whether the entry crosses breakdowns.
func (b Breakdown) Crossed() bool { return len(b.Names) > 1 }

// Name is the entry's name: its one name, or the crossed names joined by
// CrossSign.
func (b Breakdown) Name() string {
	names := make([]string, len(b.Names))
	for i, n := range b.Names {
		names[i] = n.Value
	}
	return strings.Join(names, CrossSign)
}

// Has reports whether the entry is, or crosses, the breakdown named.
func (b Breakdown) Has(name string) bool {
	for _, n := range b.Names {
		if n.Value == name {
			return true
		}
	}
	return false
}

// breakdownListAttr decodes a by list: strings and lists of strings.
func breakdownListAttr(attr *hcl.Attribute) ([]Breakdown, hcl.Diagnostics) {
	exprs, diags := listOf(attr)
	var out []Breakdown
	for _, e := range exprs {
		b, d := breakdownOf(attr.Name, e)
		diags = append(diags, d...)
		if !d.HasErrors() {
			out = append(out, b)
		}
	}
	return out, diags
}

// breakdownWanted says what an entry of a by list must be.
const breakdownWanted = "a list of breakdowns: names, or lists of names to cross"

// breakdownOf decodes one entry of a by list.
func breakdownOf(attr string, e hcl.Expression) (Breakdown, hcl.Diagnostics) {
	b := Breakdown{Range: e.Range()}
	items, d := hcl.ExprList(e)
	if d.HasErrors() { // not a list: one name
		name, diags := textOf(attr, e, breakdownWanted)
		b.Names = []Text{name}
		return b, diags
	}
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	for _, item := range items {
		n, d := textOf(attr, item, breakdownWanted)
		diags = append(diags, d...)
		switch {
		case d.HasErrors():
			continue
		case n.Value == "period":
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Period in a cross",
				Detail:   "Every value is reported per period already, crossed breakdowns too: remove \"period\" from the list.",
				Subject:  n.Range.Ptr(),
			})
		case seen[n.Value]:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Breakdown crossed with itself",
				Detail:   fmt.Sprintf("%q comes twice in this cross: name each breakdown once.", n.Value),
				Subject:  n.Range.Ptr(),
			})
		}
		seen[n.Value] = true
		b.Names = append(b.Names, n)
	}
	if len(items) < 2 && !diags.HasErrors() {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cross of fewer than two breakdowns",
			Detail:   fmt.Sprintf("A list in %s crosses breakdowns, a cell per combination of their values: name two or more, as [\"segment\", \"channel\"], or write one breakdown as a string.", attr),
			Subject:  b.Range.Ptr(),
		})
	}
	return b, diags
}
