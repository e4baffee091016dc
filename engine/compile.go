package engine

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Compiled is a project whose formulas are all type-checked against the
// sources' schemas and lowered to SQL, with a query plan per scorecard.
type Compiled struct {
	Session   *Session
	Segments  []*Segment
	Campaigns []*Campaign
	Traits    []*Trait
	KPIs      []*KPI
	Measures  []*Measure
	Plans     []*Plan
	// Objectives are those measurable on the sources, in declaration order.
	Objectives []*Objective
	// Attributions are those compiled without error, in declaration order.
	Attributions []*Attribution
	// Ladders are the loyalty ladders compiled without error, in declaration order.
	Ladders []*Ladder
	// Experiments are those compiled without error, in declaration order.
	Experiments []*Experiment
	// Cohorts are every cohort block, in declaration order.
	Cohorts []*Cohort

	symbols map[string]*formula.Symbol // columns, roles and attributes
	used    map[string]bool            // the symbols some formula or breakdown uses
	traits  map[string]*Trait
	kpis    map[string]*KPI
	// traitAggregates are the aggregates of the traits' steps (see
	// traitStepEnv); namedFingerprints those of the traits and KPIs that
	// others name, once computed.
	traitAggregates   []string
	traitHistory      []*historyAggregate // those that look back (history.go)
	namedFingerprints map[*unit]string
	// forDuckDB is, on another engine, the project compiled for DuckDB,
	// whose SQL the normal forms write (see writtenForDuckDB).
	forDuckDB *Compiled
	// history holds the window columns of the conditions on earlier rows
	// (see periods.go).
	history windows
	// keysChecked: neither the customers source nor a lookup the queries
	// join has a duplicate key.
	keysChecked bool
	// dropped counts the rows values leave out, once counted.
	dropped *scorecard.DroppedRows
	// lastDay is the last touchpoint's day, once read, for as_of = "data".
	lastDay *string
}

// Segment is a compiled segment: its rule as a SQL condition on customers.
type Segment struct {
	Def *dsl.Segment
	SQL string // its condition, for fingerprints; on attributes, the customers' SQL
	// Step is, for a segment on traits, its condition on a customer's row
	// of a period (the columns of the traits' last step): his membership
	// changes from period to period. "" for a segment on attributes.
	Step string
	// unit is a segment on traits as a definition naming them, whose
	// normal form fingerprints hash (nil for a segment on attributes).
	unit *unit
}

// Campaign is a compiled campaign: its filter as a SQL condition on
// touchpoints ("" selects every touchpoint of the window).
type Campaign struct {
	Def   *dsl.Campaign
	Where string
}

// Trait is a compiled trait: an aggregate over a customer's touchpoints.
type Trait struct {
	Def  *dsl.Trait
	Type builtins.Type
	// looksBack says that it looks back over the customer's history (see
	// history.go), directly or through the traits it names.
	looksBack bool
	unit
}

// KPI is a compiled KPI: SQL over the measures of a scorecard cell and the
// columns of the KPIs it names (see steps.go).
type KPI struct {
	Def      *dsl.KPI
	Type     builtins.Type
	Grains   formula.Grains
	Measures map[string]bool // the names of the measures it needs, transitively
	// notBy holds the breakdowns its definition says it has no meaning by.
	notBy map[string]bool
	unit
}

// Measure is one aggregate that KPIs share: identical aggregates are computed once.
type Measure struct {
	Name  string
	Grain formula.Grain
	SQL   string
	Empty string // its value over no row, where not NULL: "0" for counts
}

// Compile type-checks every definition of a bound project and plans its
// scorecards. It reports every problem found, and compiles what it can.
func Compile(s *Session) (*Compiled, hcl.Diagnostics) {
	c := &Compiled{Session: s, traits: map[string]*Trait{}, kpis: map[string]*KPI{}, used: map[string]bool{}}
	var diags hcl.Diagnostics
	c.symbols, diags = baseSymbols(s.Schema)
	p := s.Project
	for _, t := range p.Traits {
		diags = append(diags, c.declare(t.Name, "trait", t.DeclRange)...)
		c.traits[t.Name] = &Trait{Def: t, unit: unit{address: "trait." + t.Name, column: fmt.Sprintf("__trait%d", len(c.Traits)+1)}}
		c.Traits = append(c.Traits, c.traits[t.Name])
	}
	for _, k := range p.KPIs {
		diags = append(diags, c.declare(k.Name, "kpi", k.DeclRange)...)
		c.kpis[k.Name] = &KPI{Def: k, Measures: map[string]bool{}, unit: unit{address: "kpi." + k.Name, column: fmt.Sprintf("__kpi%d", len(c.KPIs)+1)}}
		c.KPIs = append(c.KPIs, c.kpis[k.Name])
	}
	for _, camp := range p.Campaigns {
		diags = append(diags, c.compileCampaign(camp)...)
	}
	diags = append(diags, c.compileCohorts()...)
	diags = append(diags, c.compileDefinitions()...)
	for _, seg := range p.Segments { // after the traits they may read
		diags = append(diags, c.compileSegment(seg)...)
	}
	diags = append(diags, c.compileAttributions()...)
	diags = append(diags, c.compileLadders()...)
	diags = append(diags, c.compileExperiments()...)
	if !diags.HasErrors() {
		diags = append(diags, c.plan()...)
	}
	return c, diags
}

// declare checks that a trait or KPI name does not hide a column or a role.
// A KPI may have a column's name: formulas read the column inside an
// aggregate and the KPI outside, where a column cannot stand.
func (c *Compiled) declare(name, kind string, at hcl.Range) hcl.Diagnostics {
	s := c.symbols[name]
	if kind == "kpi" {
		s = nil
	}
	if s == nil && builtins.Lookup(name) == nil {
		return nil
	}
	what := "a function"
	if s != nil {
		what = "a " + s.What
	}
	return errorDiag("Name already taken", fmt.Sprintf("The %s name %q is already %s, so formulas could not tell them apart. Choose another name.", kind, name, what), &at)
}

func (c *Compiled) compileSegment(seg *dsl.Segment) hcl.Diagnostics {
	if seg.Where == nil {
		return nil
	}
	if c.readsTraits(seg.Where) {
		return c.compileTraitSegment(seg)
	}
	out, diags := formula.Compile(seg.Where, formula.CustomerScope, formula.Condition, c.env(formula.CustomerScope))
	if out != nil {
		c.Segments = append(c.Segments, &Segment{Def: seg, SQL: out.SQL})
	}
	return diags
}

func (c *Compiled) compileCampaign(camp *dsl.Campaign) hcl.Diagnostics {
	compiled := &Campaign{Def: camp}
	c.Campaigns = append(c.Campaigns, compiled)
	if camp.Where == nil {
		return nil
	}
	out, diags := formula.Compile(camp.Where, formula.RowScope, formula.Condition, c.env(formula.RowScope))
	if out != nil {
		compiled.Where = out.SQL
	}
	return diags
}

// compileTrait compiles a trait, after the traits and KPIs it refers to
// (compileDefinitions orders them): once as one aggregate expression, for
// its normal form, and once over the columns of its aggregates, for its
// step (see traitAggregates).
func (c *Compiled) compileTrait(t *Trait) hcl.Diagnostics {
	if t.Def.Formula == nil {
		return nil
	}
	out, diags := formula.Compile(t.Def.Formula, formula.TraitScope, formula.Value, &traitNormalEnv{c.definitionEnv(formula.TraitScope, &t.unit, nil), t.Def.History})
	var step *formula.Compiled
	if out != nil { // the same formula compiles again, with the same diagnostics
		env := &traitStepEnv{scopeEnv: c.definitionEnv(formula.TraitScope, &t.unit, nil), history: t.Def.History}
		step, _ = formula.Compile(t.Def.Formula, formula.TraitScope, formula.Value, env)
		t.looksBack = env.looksBack
	}
	t.done, t.failed = true, step == nil
	if step != nil {
		t.Type = out.Type
		t.compiled(out.SQL, step.SQL)
	}
	return diags
}

// compileKPI compiles a KPI, after the traits and KPIs it refers to.
func (c *Compiled) compileKPI(k *KPI) hcl.Diagnostics {
	if k.Def.Formula == nil {
		return nil
	}
	out, diags := formula.Compile(k.Def.Formula, formula.KPIScope, formula.Number, c.definitionEnv(formula.KPIScope, &k.unit, k.Measures))
	k.done, k.failed = true, out == nil
	if out != nil {
		k.Type, k.Grains = out.Type, out.Grains
		k.compiled(out.SQL, out.SQL)
	}
	return diags
}
