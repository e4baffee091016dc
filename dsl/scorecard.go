package dsl

import "github.com/hashicorp/hcl/v2"

// Scorecard is a scorecard block: which KPIs to report, over which campaigns,
// broken down how.
type Scorecard struct {
	Name         string
	Label        Text
	Description  Text
	Campaign     *Ref        // the campaign reported; nil reports the whole data and every campaign
	Compare      *Ref        // a second campaign reported beside it
	KPIs         []Ref       // nil reports every KPI
	By           []Breakdown // breakdowns: "segment", "channel", "period", a column, a customer attribute, or a cross of them
	Objectives   []Ref       // nil reports every objective
	Attributions []Ref       // nil reports every attribution
	Loyalty      []Ref       // the ladders reported; nil reports every ladder
	Experiments  []Ref       // nil reports every experiment
	Top          int         // the keys each single breakdown's tables show; 0 shows all
	TopBy        *Ref        // the KPI that ranks them; nil ranks by the scorecard's first KPI
	DeclRange    hcl.Range
}

var scorecardSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "campaign"}, {Name: "compare"}, {Name: "kpis"}, {Name: "by"},
	{Name: "label"}, {Name: "description"}, {Name: "objectives"}, {Name: "loyalty"},
	{Name: "attribution"}, {Name: "experiments"}, {Name: "top"}, {Name: "top_by"},
}}

// MaxTop is the most keys a scorecard's top may keep.
const MaxTop = 1000

func decodeScorecardBlock(block *hcl.Block) (*Scorecard, hcl.Diagnostics) {
	name, diags := blockName(block)
	s := &Scorecard{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(scorecardSchema)
	diags = append(diags, d...)
	s.Label, s.Description, d = describe(content)
	diags = append(diags, d...)
	s.Campaign, d = refAttr(content.Attributes["campaign"], "campaign")
	diags = append(diags, d...)
	s.Compare, d = refAttr(content.Attributes["compare"], "campaign")
	diags = append(diags, d...)
	s.KPIs, d = refListAttr(content.Attributes["kpis"], "kpi")
	diags = append(diags, d...)
	s.By, d = breakdownListAttr(content.Attributes["by"])
	diags = append(diags, d...)
	s.Objectives, d = refListAttr(content.Attributes["objectives"], "objective")
	diags = append(diags, d...)
	s.Loyalty, d = refListAttr(content.Attributes["loyalty"], "loyalty")
	diags = append(diags, d...)
	s.Attributions, d = refListAttr(content.Attributes["attribution"], "attribution")
	diags = append(diags, d...)
	s.Experiments, d = refListAttr(content.Attributes["experiments"], "experiment")
	diags = append(diags, d...)
	s.Top, d = countAttr(content.Attributes["top"], 1, MaxTop, 0)
	diags = append(diags, d...)
	s.TopBy, d = refAttr(content.Attributes["top_by"], "kpi")
	diags = append(diags, d...)
	if s.TopBy != nil && content.Attributes["top"] == nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Ranking without top",
			Detail:   "top_by names the KPI that ranks the keys a breakdown's tables keep: set top = <how many> too.",
			Subject:  s.TopBy.Range.Ptr(),
		})
	}
	if s.Compare != nil && content.Attributes["campaign"] == nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Comparison without a campaign",
			Detail:   "compare names the campaign shown beside the scorecard's campaign: set campaign = campaign.<name> too.",
			Subject:  s.Compare.Range.Ptr(),
		})
	}
	return s, diags
}
