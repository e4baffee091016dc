package dsl

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// This file holds the attribute decoders shared by every block kind. Each one
// accepts a nil attribute (an optional attribute left out) and returns the
// zero value for it.

// identifier is what a block name must look like to be usable in formulas.
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// blockName returns the block's single label after checking it is an
// identifier that is not reserved: names that start with two underscores
// are those of omni's generated SQL.
func blockName(block *hcl.Block) (string, hcl.Diagnostics) {
	name := block.Labels[0]
	var summary, detail string
	switch {
	case strings.HasPrefix(name, "__"):
		summary, detail = "Reserved name", fmt.Sprintf("The %s name %q starts with two underscores, which omni reserves for the names of the SQL it generates. "+
			"Choose a name that starts with a letter.", block.Type, name)
	case !identifier.MatchString(name):
		summary, detail = "Invalid name", fmt.Sprintf("The %s name %q is not an identifier: formulas could not refer to it. "+
			"Use letters, digits and underscores, starting with a letter.", block.Type, name)
	default:
		return name, nil
	}
	return name, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: block.LabelRanges[0].Ptr()}}
}

// valueOf evaluates an attribute that must be a constant of the wanted type.
func valueOf(attr *hcl.Attribute, want cty.Type, what string) (cty.Value, hcl.Diagnostics) {
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	converted, err := convert.Convert(v, want)
	if err != nil || converted.IsNull() || !converted.IsKnown() {
		return cty.NilVal, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Incorrect attribute value type",
			Detail:   fmt.Sprintf("The attribute %q must be %s.", attr.Name, what),
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	if want == cty.String && strings.ContainsRune(converted.AsString(), 0) {
		return cty.NilVal, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "NUL character",
			Detail:   fmt.Sprintf("The attribute %q holds a NUL character (\\u0000), which no name, label, key or path may hold: remove it.", attr.Name),
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	return converted, nil
}

func textAttr(attr *hcl.Attribute) (Text, hcl.Diagnostics) {
	if attr == nil {
		return Text{}, nil
	}
	v, diags := valueOf(attr, cty.String, "a string")
	if diags.HasErrors() {
		return Text{}, diags
	}
	return Text{Value: v.AsString(), Range: attr.Expr.Range()}, nil
}

// choiceAttr decodes a string attribute that must be one of the allowed words.
func choiceAttr(attr *hcl.Attribute, allowed []string) (Text, hcl.Diagnostics) {
	t, diags := textAttr(attr)
	if attr == nil || diags.HasErrors() {
		return t, diags
	}
	for _, a := range allowed {
		if t.Value == a {
			return t, nil
		}
	}
	return t, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Invalid value",
		Detail:   fmt.Sprintf("The attribute %q must be one of %s, not %q.%s", attr.Name, quoteList(allowed), t.Value, DidYouMean(t.Value, allowed)),
		Subject:  attr.Expr.Range().Ptr(),
	}}
}

func boolAttr(attr *hcl.Attribute, def bool) (bool, hcl.Diagnostics) {
	if attr == nil {
		return def, nil
	}
	v, diags := valueOf(attr, cty.Bool, "true or false")
	if diags.HasErrors() {
		return def, diags
	}
	return v.True(), nil
}

// Number is a numeric attribute with the range of its value.
type Number struct {
	Value float64
	Range hcl.Range
}

func numberValue(attr *hcl.Attribute, expr hcl.Expression) (Number, hcl.Diagnostics) {
	v, diags := expr.Value(nil)
	if !diags.HasErrors() {
		if n, err := convert.Convert(v, cty.Number); err == nil && !n.IsNull() && n.IsKnown() {
			f, _ := n.AsBigFloat().Float64()
			return Number{Value: f, Range: expr.Range()}, nil
		}
	}
	return Number{}, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Incorrect attribute value type",
		Detail:   fmt.Sprintf("The attribute %q takes numbers here.", attr.Name),
		Subject:  expr.Range().Ptr(),
	}}
}

// Date is a calendar date attribute ("2026-07-01") with its range.
type Date struct {
	Value time.Time
	Range hcl.Range
}

// IsZero reports whether the date was left out.
func (d Date) IsZero() bool { return d.Value.IsZero() }

// String formats the date as written.
func (d Date) String() string { return d.Value.Format(time.DateOnly) }

func dateAttr(attr *hcl.Attribute) (Date, hcl.Diagnostics) {
	t, diags := textAttr(attr)
	if attr == nil || diags.HasErrors() {
		return Date{}, diags
	}
	d, problem := ParseDate(t.Value)
	if problem != "" {
		return Date{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid date",
			Detail:   attr.Name + " = " + problem,
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	return Date{Value: d, Range: t.Range}, nil
}

// AsOf is a reference date: a day written, or, with as_of = "data", the
// day of the last touchpoint, which only the run knows.
type AsOf struct {
	Date
	Data bool // as_of = "data"
}

// IsZero reports whether the reference date was left out.
func (a AsOf) IsZero() bool { return !a.Data && a.Date.IsZero() }

// String formats the reference date as written: a date, or "data".
func (a AsOf) String() string {
	if a.Data {
		return AsOfData
	}
	return a.Date.String()
}

// AsOfData is the as_of that takes the reference date from the data.
const AsOfData = "data"

// asOfAttr reads an as_of: a date, or "data".
func asOfAttr(attr *hcl.Attribute) (AsOf, hcl.Diagnostics) {
	if t, diags := textAttr(attr); attr != nil && !diags.HasErrors() && t.Value == AsOfData {
		return AsOf{Date: Date{Range: t.Range}, Data: true}, nil
	}
	d, diags := dateAttr(attr)
	if diags.HasErrors() {
		diags[0].Detail += ` Or write "data": the day of the last touchpoint.`
	}
	return AsOf{Date: d}, diags
}

// ParseDate parses a date written YYYY-MM-DD, or says what is wrong with it
// in a sentence that starts with the text: its form, or a day that its
// month does not have.
func ParseDate(text string) (time.Time, string) {
	if d, err := time.Parse(time.DateOnly, text); err == nil {
		return d, ""
	}
	if !datePattern.MatchString(text) {
		return time.Time{}, fmt.Sprintf("%q is not a date written YYYY-MM-DD, such as 2026-07-01.", text)
	}
	var year, month, day int
	fmt.Sscanf(text, "%d-%d-%d", &year, &month, &day)
	if month < 1 || month > 12 {
		return time.Time{}, fmt.Sprintf("%q is not a real date: months go from 01 to 12.", text)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
	return time.Time{}, fmt.Sprintf("%q is not a real date: %s %d has %d days.", text, last.Month(), year, last.Day())
}

var datePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// rangeOf is the range of an expression, for a diagnostic's subject. HCL's
// recovery from a syntax error can leave an end before the start.
func rangeOf(expr hcl.Expression) hcl.Range {
	at := expr.Range()
	if at.End.Byte < at.Start.Byte {
		at.End = at.Start
	}
	return at
}

// refOf decodes a reference such as kpi.reach to a block of the given kind.
func refOf(expr hcl.Expression, kind string) (Ref, hcl.Diagnostics) {
	trav, diags := hcl.AbsTraversalForExpr(expr)
	at := rangeOf(expr)
	bad := hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Invalid reference",
		Detail:   fmt.Sprintf("Expected a reference to a %s block, such as %s.name.", kind, kind),
		Subject:  &at,
	}}
	if name, quoted := stringLiteral(expr); quoted {
		bad[0].Detail = fmt.Sprintf("A reference is written without quotes: %s.%s, not %q.", kind, name, name)
		return Ref{}, bad
	}
	if diags.HasErrors() || len(trav) != 2 {
		return Ref{}, bad
	}
	attr, ok := trav[1].(hcl.TraverseAttr)
	if !ok || trav.RootName() != kind {
		return Ref{}, bad
	}
	return Ref{Kind: kind, Name: attr.Name, Range: expr.Range()}, nil
}

// stringLiteral is the text of an expression written as a plain string.
func stringLiteral(expr hcl.Expression) (string, bool) {
	tmpl, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok || len(tmpl.Parts) != 1 {
		return "", false
	}
	lit, ok := tmpl.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.String || !lit.Val.IsKnown() || lit.Val.IsNull() {
		return "", false
	}
	return lit.Val.AsString(), true
}

func refAttr(attr *hcl.Attribute, kind string) (*Ref, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	r, diags := refOf(attr.Expr, kind)
	if diags.HasErrors() {
		return nil, diags
	}
	return &r, nil
}

func listOf(attr *hcl.Attribute) ([]hcl.Expression, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	exprs, diags := hcl.ExprList(attr.Expr)
	if diags.HasErrors() {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Incorrect attribute value type",
			Detail:   fmt.Sprintf("The attribute %q must be a list written [a, b].", attr.Name),
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	return exprs, nil
}

// refListAttr decodes a list of references; a list written, even empty, is
// never nil.
func refListAttr(attr *hcl.Attribute, kind string) ([]Ref, hcl.Diagnostics) {
	exprs, diags := listOf(attr)
	if attr == nil || diags.HasErrors() {
		return nil, diags
	}
	refs := []Ref{}
	for _, e := range exprs {
		r, d := refOf(e, kind)
		diags = append(diags, d...)
		if !d.HasErrors() {
			refs = append(refs, r)
		}
	}
	return refs, diags
}

func textListAttr(attr *hcl.Attribute) ([]Text, hcl.Diagnostics) {
	exprs, diags := listOf(attr)
	var texts []Text
	for _, e := range exprs {
		t, d := textOf(attr.Name, e, "a list of strings")
		diags = append(diags, d...)
		if !d.HasErrors() {
			texts = append(texts, t)
		}
	}
	return texts, diags
}

// textOf decodes a string of an attribute that must be what.
func textOf(attr string, e hcl.Expression, what string) (Text, hcl.Diagnostics) {
	v, diags := valueOf(&hcl.Attribute{Name: attr, Expr: e}, cty.String, what)
	if diags.HasErrors() {
		return Text{}, diags
	}
	return Text{Value: v.AsString(), Range: e.Range()}, nil
}

// Amount is one entry of a map from names to numbers, such as a budget line.
type Amount struct {
	Key   Text
	Value float64
}

func amountMapAttr(attr *hcl.Attribute) ([]Amount, hcl.Diagnostics) {
	pairs, diags := mapAttr(attr, "{ name = 1000 }")
	var amounts []Amount
	for _, p := range pairs {
		n, d := numberValue(attr, p.Value)
		diags = append(diags, d...)
		amounts = append(amounts, Amount{Key: p.Key, Value: n.Value})
	}
	return amounts, diags
}

// mapPair is one entry of a map attribute: its key, and its value's
// expression.
type mapPair struct {
	Key   Text
	Value hcl.Expression
}

// mapAttr decodes a map attribute written { name = value } (written shows
// an example): its entries in order, each key once.
func mapAttr(attr *hcl.Attribute, written string) ([]mapPair, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	pairs, diags := hcl.ExprMap(attr.Expr)
	if diags.HasErrors() {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Incorrect attribute value type",
			Detail:   fmt.Sprintf("The attribute %q must be a map written %s.", attr.Name, written),
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	var out []mapPair
	seen := map[string]hcl.Range{}
	for _, p := range pairs {
		key := hcl.ExprAsKeyword(p.Key)
		if key == "" {
			k, d := valueOf(&hcl.Attribute{Name: attr.Name, Expr: p.Key}, cty.String, "a map with names as keys")
			diags = append(diags, d...)
			if d.HasErrors() {
				continue
			}
			key = k.AsString()
		}
		if prev, dup := seen[key]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate key",
				Detail:   fmt.Sprintf("The key %q was already given at %s.", key, prev),
				Subject:  p.Key.Range().Ptr(),
			})
			continue
		}
		seen[key] = p.Key.Range()
		out = append(out, mapPair{Key: Text{Value: key, Range: p.Key.Range()}, Value: p.Value})
	}
	return out, diags
}
