package dsl

import "github.com/hashicorp/hcl/v2"

// Project is every definition of a project folder.
type Project struct {
	Dir          string // the folder the files were read from
	Settings     *Settings
	Sources      []*Source
	Columns      []*DerivedColumn // column blocks
	Filters      []*Filter
	Channels     []*Channel
	Segments     []*Segment
	Traits       []*Trait
	KPIs         []*KPI
	Campaigns    []*Campaign
	Objectives   []*Objective
	Attributions []*Attribution
	Experiments  []*Experiment
	Ladders      []*Loyalty // loyalty blocks
	Cohorts      []*Cohort
	Scorecards   []*Scorecard
	Moved        []*Moved // renamed definitions
	Tests        []*Test

	// Files maps each file name to its parsed form, for diagnostic snippets.
	Files map[string]*hcl.File
}

// Grains are the time grains a scorecard can be broken down by.
var Grains = []string{"day", "week", "month", "quarter", "year"}

// Settings is the project block: project-wide defaults.
type Settings struct {
	Name     string
	Timezone Text // IANA name; times without a zone are read as local times of this zone
	Currency Text
	Grain    Text // the period of scorecard breakdowns, one of Grains
	// AsOf is the reference date of the analysis: the data ends that day
	// (touchpoints after it are left out) and history is measured to the
	// end of it. Zero: the data's own end. as_of = "data": the day of the
	// last touchpoint, so that history is measured to the day after it.
	AsOf      AsOf
	DeclRange hcl.Range
}

// Text is a string attribute with the range of its value.
type Text struct {
	Value string
	Range hcl.Range
}

// Ref is a reference to another block, written as a traversal such as kpi.reach.
type Ref struct {
	Kind  string // the block type: "kpi", "segment", "campaign"…
	Name  string
	Range hcl.Range
}

// defaultSettings is what a project without a project block gets.
func defaultSettings() *Settings {
	return &Settings{
		Name:     "omni",
		Timezone: Text{Value: "UTC"},
		Grain:    Text{Value: "quarter"},
	}
}

// FactSource is the touchpoints source: the one with a customer column.
func (p *Project) FactSource() *Source { return p.sourceWith(RoleTouchpoints) }

// CustomerSource is the source of customer attributes, or nil.
func (p *Project) CustomerSource() *Source { return p.sourceWith(RoleCustomers) }

// SpendSource is the source of costs, or nil.
func (p *Project) SpendSource() *Source { return p.sourceWith(RoleSpend) }

func (p *Project) sourceWith(role SourceRole) *Source {
	for _, s := range p.Sources {
		if s.Role == role {
			return s
		}
	}
	return nil
}
