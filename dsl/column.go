package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// DerivedColumn is a column block: a row-level expression named once, which
// its sources' rows then have as if it were in their files. Its value is
// either a formula or ordered classification rules: the then of the first
// rule whose when holds, else the default.
type DerivedColumn struct {
	Name        string
	Label       Text
	Description Text
	Sources     []Ref    // the sources whose rows have the column
	Formula     *Formula // a row-level expression; nil when Rules classify
	Rules       []*Rule
	Default     Text // the value of rows that no rule matches
	// Filter is the filter block that this column is, named
	// filter.<name> on the touchpoints; nil for a column block.
	Filter    *Filter
	DeclRange hcl.Range
}

// Rule is one classification rule of a derived column.
type Rule struct {
	When      *Formula // a row-level condition
	Then      Text     // the value of the rows it is the first rule to match
	DeclRange hcl.Range
}

var derivedColumnSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "source", Required: true}, {Name: "formula"}, {Name: "default"},
		{Name: "label"}, {Name: "description"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "rule"}},
}

var ruleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "when", Required: true}, {Name: "then", Required: true},
}}

func (l *loader) decodeDerivedColumnBlock(block *hcl.Block) (*DerivedColumn, hcl.Diagnostics) {
	name, diags := blockName(block)
	c := &DerivedColumn{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(derivedColumnSchema)
	diags = append(diags, d...)
	c.Label, c.Description, d = describe(content)
	diags = append(diags, d...)
	c.Sources, d = sourceRefs(content.Attributes["source"])
	diags = append(diags, d...)
	c.Formula, d = l.formulaAttr(content.Attributes["formula"])
	diags = append(diags, d...)
	c.Default, d = textAttr(content.Attributes["default"])
	diags = append(diags, d...)
	for _, b := range content.Blocks {
		r, d := l.decodeRuleBlock(b)
		diags = append(diags, d...)
		c.Rules = append(c.Rules, r)
	}
	return c, append(diags, c.checkValue(content)...)
}

// sourceRefs decodes the source attribute: one reference, or a list of them
// when the same column is derived on several sources (touchpoints and spend).
func sourceRefs(attr *hcl.Attribute) ([]Ref, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	if _, isList := attr.Expr.(*hclsyntax.TupleConsExpr); isList {
		return refListAttr(attr, "source")
	}
	r, diags := refAttr(attr, "source")
	if r == nil {
		return nil, diags
	}
	return []Ref{*r}, diags
}

func (l *loader) decodeRuleBlock(block *hcl.Block) (*Rule, hcl.Diagnostics) {
	r := &Rule{DeclRange: block.DefRange}
	content, diags := block.Body.Content(ruleSchema)
	var d hcl.Diagnostics
	r.When, d = l.formulaAttr(content.Attributes["when"])
	diags = append(diags, d...)
	r.Then, d = textAttr(content.Attributes["then"])
	return r, append(diags, d...)
}

// checkValue checks that the column has a formula or rules, not both, and
// that rules end with a default.
func (c *DerivedColumn) checkValue(content *hcl.BodyContent) hcl.Diagnostics {
	fail := func(summary, detail string, at hcl.Range) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()}}
	}
	formula, def := content.Attributes["formula"], content.Attributes["default"]
	switch {
	case formula != nil && len(content.Blocks) > 0:
		return fail("Formula and rules", fmt.Sprintf("Column %q has a formula and rule blocks: its value is one or the other. Keep the formula for a computed value, or the rules for a classification.", c.Name), formula.NameRange)
	case formula != nil && def != nil:
		return fail("Default without rules", "The default is the value of the rows that no rule matches; a column with a formula has no rules. Remove the default, or give the formula one with ??, as in lower(utm_medium ?? 'none').", def.NameRange)
	case formula == nil && len(content.Blocks) == 0:
		return fail("Column without a value", fmt.Sprintf("Give column %q a formula (formula = \"lower(utm_medium)\") or classification rules (rule { when = \"utm_medium == 'email'\"  then = \"Email\" }, then default = \"Other\").", c.Name), c.DeclRange)
	case formula == nil && def == nil:
		return fail("Rules without a default", fmt.Sprintf("The rows that none of the rules of column %q matches need a value: add default = \"Other\" (or the class that catches the rest) after the rules.", c.Name), c.DeclRange)
	}
	return nil
}

// DerivedColumnsOf lists the derived columns that the rows of a source have,
// in declaration order: its column blocks, then, on the touchpoints, the
// filters.
func (p *Project) DerivedColumnsOf(source string) []*DerivedColumn {
	var out []*DerivedColumn
	for _, c := range p.Columns {
		for _, r := range c.Sources {
			if r.Name == source {
				out = append(out, c)
				break
			}
		}
	}
	if fact := p.FactSource(); fact != nil && fact.Name == source {
		for _, f := range p.Filters {
			out = append(out, f.column(source))
		}
	}
	return out
}
