package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Distinct says which of a source's rows are one and the same, for exports
// that repeat rows: distinct = true keeps one of the rows equal in every
// column, distinct = ["order_id", "line"] one of those equal in these.
type Distinct struct {
	Rows    bool   // distinct = true
	Columns []Text // distinct = [...]
	Range   hcl.Range
}

// Set says whether the source drops duplicates.
func (d Distinct) Set() bool { return d.Rows || len(d.Columns) > 0 }

// distinctAttr decodes distinct = true | false | ["column", ...].
func distinctAttr(attr *hcl.Attribute) (Distinct, hcl.Diagnostics) {
	if attr == nil {
		return Distinct{}, nil
	}
	d := Distinct{Range: attr.Range}
	if v, diags := attr.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() {
		d.Rows = v.True()
		return d, nil
	}
	fail := func(detail string, at hcl.Range) (Distinct, hcl.Diagnostics) {
		return Distinct{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid distinct", Detail: detail, Subject: at.Ptr()}}
	}
	const forms = `distinct = true keeps one of the rows equal in every column; distinct = ["order_id"] one of the rows equal in the columns listed.`
	columns, diags := textListAttr(attr)
	switch {
	case diags.HasErrors():
		return fail("The attribute \"distinct\" must be true, false or a list of columns: "+forms, attr.Expr.Range())
	case len(columns) == 0:
		return fail("An empty list of columns: "+forms, attr.Expr.Range())
	}
	seen := map[string]bool{}
	for _, c := range columns {
		if seen[c.Value] {
			return fail(fmt.Sprintf("The column %q is listed twice: list each column once.", c.Value), c.Range)
		}
		seen[c.Value] = true
	}
	d.Columns = columns
	return d, nil
}
