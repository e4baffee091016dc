package dsl

import "github.com/hashicorp/hcl/v2"

// Cohort is a cohort block: each customer's cohort is the period of his
// first touchpoint (meeting When), over his whole history, and a scorecard
// breaks KPIs down by it ("cohort.<name>") and by the periods since it
// ("cohort.<name>.offset").
type Cohort struct {
	Name               string
	Label, Description Text
	When               *Formula // a touchpoint condition; nil: his first touchpoint
	Period             Text     // one of Grains; "": the project's grain
	DeclRange          hcl.Range
}

// CohortPrefix starts the breakdown of a cohort, CohortOffset ends that of
// its periods since: "cohort.first_order", "cohort.first_order.offset".
const (
	CohortPrefix = "cohort."
	CohortOffset = ".offset"
)

var cohortSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "when"}, {Name: "period"}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeCohortBlock(block *hcl.Block) (*Cohort, hcl.Diagnostics) {
	name, diags := blockName(block)
	c := &Cohort{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(cohortSchema)
	diags = append(diags, d...)
	c.Label, c.Description, d = describe(content)
	diags = append(diags, d...)
	c.When, d = l.formulaAttr(content.Attributes["when"])
	diags = append(diags, d...)
	c.Period, d = choiceAttr(content.Attributes["period"], Grains)
	return c, append(diags, d...)
}
