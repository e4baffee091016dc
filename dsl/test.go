package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Test is a test block: fixture data in place of the sources, and the KPI
// values expected from it, as a unit test of the definitions (omni test).
type Test struct {
	Name     string // free text
	Fixtures []*Fixture
	Expects  []*Expectation
	// AttributionExpects and LadderExpects are its expectations on
	// attributions and loyalty ladders.
	AttributionExpects []*AttributionExpectation
	LadderExpects      []*LadderExpectation
	// ObjectiveExpects are its expectations on objectives' statuses.
	ObjectiveExpects []*ObjectiveExpectation
	DeclRange        hcl.Range
}

// Fixture is the data of one source in a test: rows written inline, or a
// file. Sources a test gives no data for are left out of it.
type Fixture struct {
	Source    string // the source it stands for
	Path      Text   // a file relative to the project folder, or ""
	Format    Text   // the file's format
	Rows      []Row  // the rows written inline
	DeclRange hcl.Range
}

// Row is a fixture row: its columns and values in the order written.
type Row struct {
	Columns []string
	Values  []cty.Value
}

// Expectation is an expect block: KPI values in one scorecard cell — the
// whole data or a campaign, a breakdown's value or none, a period or the
// whole window — or one figure of an experiment's variant on its KPIs.
type Expectation struct {
	// Experiment, Variant and Statistic name an experiment's figure
	// instead of a cell: the variant's value (the default), lift, p-value…
	Experiment *Ref
	Variant    Text
	Statistic  Text // one of ExperimentStatistics; "" means value
	Campaign   *Ref
	By, Key    Text // "" and "": no breakdown
	Period     Text // "": the scope's whole window
	Tolerance  float64
	Values     []Expected
	DeclRange  hcl.Range
}

// Expected is one expected KPI value.
type Expected struct {
	KPI   Ref
	Value *float64  // nil: the value must not exist (null)
	Range hcl.Range // the whole item, kpi.reach = 4
}

// ExperimentStatistics are the figures of an experiment's variant an
// expect block can check, as the scorecard's JSON names them.
var ExperimentStatistics = []string{"value", "customers", "lift", "lift_low", "lift_high", "relative_lift",
	"relative_lift_low", "relative_lift_high", "p_value", "p_value_holm", "mde", "cuped_theta"}

// DefaultTolerance is how far a value may be from the one expected when an
// expect block does not say.
const DefaultTolerance = 1e-9

var testSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "source", LabelNames: []string{"name"}}, {Type: "expect"}, {Type: "expect_attribution"}, {Type: "expect_ladder"},
	{Type: "expect_objective"},
}}

var fixtureSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "rows"}, {Name: "path"}}}

var expectSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "values", Required: true}, {Name: "campaign"}, {Name: "by"}, {Name: "key"},
	{Name: "period"}, {Name: "tolerance"}, {Name: "experiment"}, {Name: "variant"}, {Name: "statistic"},
}}

func decodeTestBlock(block *hcl.Block) (*Test, hcl.Diagnostics) {
	t := &Test{Name: block.Labels[0], DeclRange: block.DefRange}
	content, diags := block.Body.Content(testSchema)
	for _, b := range content.Blocks {
		switch b.Type {
		case "source":
			f, d := decodeFixtureBlock(b)
			t.Fixtures, diags = append(t.Fixtures, f), append(diags, d...)
		case "expect_attribution":
			e, d := decodeAttributionExpectBlock(b)
			t.AttributionExpects, diags = append(t.AttributionExpects, e), append(diags, d...)
		case "expect_ladder":
			e, d := decodeLadderExpectBlock(b)
			t.LadderExpects, diags = append(t.LadderExpects, e), append(diags, d...)
		case "expect_objective":
			e, d := decodeObjectiveExpectBlock(b)
			t.ObjectiveExpects, diags = append(t.ObjectiveExpects, e), append(diags, d...)
		default:
			e, d := decodeExpectBlock(b)
			t.Expects, diags = append(t.Expects, e), append(diags, d...)
		}
	}
	return t, diags
}

func decodeFixtureBlock(block *hcl.Block) (*Fixture, hcl.Diagnostics) {
	f := &Fixture{Source: block.Labels[0], DeclRange: block.DefRange}
	content, diags := block.Body.Content(fixtureSchema)
	rows, path := content.Attributes["rows"], content.Attributes["path"]
	if (rows == nil) == (path == nil) {
		return f, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Fixture needs rows or a path",
			Detail:   `Give the source's test data either inline, rows = [{ id = "A", ts = "2026-01-10 10:00:00" }], or as a file, path = "fixtures/touchpoints.csv".`,
			Subject:  block.DefRange.Ptr(),
		})
	}
	var d hcl.Diagnostics
	if path != nil {
		f.Path, d = textAttr(path)
		if !d.HasErrors() {
			f.Format, d = inferFormat(f.Path)
		}
		return f, append(diags, d...)
	}
	items, d := listOf(rows)
	diags = append(diags, d...)
	for _, item := range items {
		row, d := decodeRow(item)
		f.Rows, diags = append(f.Rows, row), append(diags, d...)
	}
	return f, diags
}

// decodeRow decodes one inline row, { column = value, … }.
func decodeRow(expr hcl.Expression) (Row, hcl.Diagnostics) {
	pairs, diags := hcl.ExprMap(expr)
	if diags.HasErrors() {
		return Row{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid row",
			Detail: `A row is an object of column values: { id = "A", ts = "2026-01-10 10:00:00", revenue = 12.5 }.`, Subject: expr.Range().Ptr()}}
	}
	var row Row
	for _, p := range pairs {
		name := hcl.ExprAsKeyword(p.Key)
		if name == "" {
			k, d := valueOf(&hcl.Attribute{Name: "rows", Expr: p.Key}, cty.String, "a list of rows whose keys are column names")
			if diags = append(diags, d...); d.HasErrors() {
				continue
			}
			name = k.AsString()
		}
		v, d := p.Value.Value(nil)
		if diags = append(diags, d...); d.HasErrors() {
			continue
		}
		row.Columns, row.Values = append(row.Columns, name), append(row.Values, v)
	}
	return row, diags
}

func decodeExpectBlock(block *hcl.Block) (*Expectation, hcl.Diagnostics) {
	e := &Expectation{Tolerance: DefaultTolerance, DeclRange: block.DefRange}
	content, diags := block.Body.Content(expectSchema)
	var d hcl.Diagnostics
	e.Campaign, d = refAttr(content.Attributes["campaign"], "campaign")
	diags = append(diags, d...)
	for _, f := range []struct {
		to   *Text
		attr string
	}{{&e.By, "by"}, {&e.Key, "key"}, {&e.Period, "period"}} {
		*f.to, d = textAttr(content.Attributes[f.attr])
		diags = append(diags, d...)
	}
	e.Tolerance, d = toleranceAttr(content.Attributes["tolerance"])
	diags = append(diags, d...)
	diags = append(diags, e.decodeExperiment(content)...)
	if (e.By.Value == "") != (e.Key.Value == "") {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Breakdown without a value",
			Detail: `by and key go together: by = "segment" and key = "young_gps" name one row of a breakdown.`, Subject: block.DefRange.Ptr()})
	}
	if attr := content.Attributes["values"]; attr != nil {
		e.Values, d = decodeExpected(attr)
		diags = append(diags, d...)
	}
	return e, diags
}

// decodeExperiment reads which experiment figure an expect block checks:
// the experiment, the variant and the statistic go together, without a
// cell.
func (e *Expectation) decodeExperiment(content *hcl.BodyContent) hcl.Diagnostics {
	var diags, d hcl.Diagnostics
	e.Experiment, d = refAttr(content.Attributes["experiment"], "experiment")
	diags = append(diags, d...)
	e.Variant, d = textAttr(content.Attributes["variant"])
	diags = append(diags, d...)
	e.Statistic, d = choiceAttr(content.Attributes["statistic"], ExperimentStatistics)
	diags = append(diags, d...)
	problem := func(summary, detail string, at hcl.Range) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()})
	}
	switch {
	case e.Experiment != nil && e.Variant.Value == "":
		problem("Experiment without a variant", `An experiment's figures are per variant: name it, as variant = "B".`, e.Experiment.Range)
	case e.Experiment == nil && (e.Variant.Value != "" || e.Statistic.Value != ""):
		at := e.Variant.Range
		if e.Variant.Value == "" {
			at = e.Statistic.Range
		}
		problem("Variant without an experiment", "variant and statistic name a figure of an experiment: set experiment = experiment.<name> too.", at)
	case e.Experiment != nil:
		for _, name := range []string{"campaign", "by", "key", "period"} {
			if attr := content.Attributes[name]; attr != nil {
				problem("Cell of an experiment", fmt.Sprintf("An experiment's figures are over its own window and population; %s names a scorecard cell. Leave it out, or check the cell in an expect block of its own.", name), attr.Expr.Range())
			}
		}
	}
	return diags
}

// decodeExpected decodes values = { kpi.reach = 4, kpi.roi = null }.
func decodeExpected(attr *hcl.Attribute) ([]Expected, hcl.Diagnostics) {
	pairs, diags := hcl.ExprMap(attr.Expr)
	if diags.HasErrors() {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid expected values",
			Detail: "values is an object from KPIs to numbers: values = { kpi.reach = 4, kpi.conversion_rate = 0.5 }.", Subject: attr.Expr.Range().Ptr()}}
	}
	var out []Expected
	for _, p := range pairs {
		r, d := refOf(p.Key, "kpi")
		if diags = append(diags, d...); d.HasErrors() {
			continue
		}
		ex := Expected{KPI: r, Range: hcl.RangeBetween(p.Key.Range(), p.Value.Range())}
		if v, d := p.Value.Value(nil); !d.HasErrors() && v.IsNull() {
			out = append(out, ex)
			continue
		}
		n, d := numberValue(attr, p.Value)
		if diags = append(diags, d...); !d.HasErrors() {
			ex.Value = &n.Value
			out = append(out, ex)
		}
	}
	return out, diags
}

// checkTests checks what a test names: declared sources, the touchpoints
// among them, declared KPIs and campaigns.
func (p *Project) checkTests() hcl.Diagnostics {
	var diags hcl.Diagnostics
	sources := names(p.Sources, func(s *Source) string { return s.Name })
	kpis := names(p.KPIs, func(k *KPI) string { return k.Name })
	campaigns := names(p.Campaigns, func(c *Campaign) string { return c.Name })
	experiments := names(p.Experiments, func(e *Experiment) string { return e.Name })
	fact := p.FactSource()
	for _, t := range p.Tests {
		hasFacts := false
		for _, f := range t.Fixtures {
			diags = append(diags, checkRef(Ref{Kind: "source", Name: f.Source, Range: f.DeclRange}, sources)...)
			hasFacts = hasFacts || fact != nil && f.Source == fact.Name
		}
		if fact != nil && !hasFacts {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Test without touchpoints",
				Detail:  fmt.Sprintf("A test runs on its own data: give rows for the touchpoints, source %q { rows = [ … ] }.", fact.Name),
				Subject: t.DeclRange.Ptr()})
		}
		diags = append(diags, p.checkTestOutcomes(t)...)
		diags = append(diags, p.checkObjectiveExpects(t)...)
		for _, e := range t.Expects {
			if e.Campaign != nil {
				diags = append(diags, checkRef(*e.Campaign, campaigns)...)
			}
			if e.Experiment != nil {
				diags = append(diags, checkRef(*e.Experiment, experiments)...)
			}
			for _, v := range e.Values {
				diags = append(diags, checkRef(v.KPI, kpis)...)
			}
		}
	}
	return diags
}
