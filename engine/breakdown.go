package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// dimension says whose property a breakdown is, which decides the measures
// that can be split by it.
type dimension uint8

const (
	// bySegment: the segments, which overlap: a customer counts in each of his.
	bySegment dimension = iota + 1
	// byCustomer: a customer attribute.
	byCustomer
	// byChannel: the channel or its metadata, which spend rows have too.
	byChannel
	// byTouchpoint: any other touchpoint column.
	byTouchpoint
	// byCohort: a customer's cohort, or the periods since, joined to his
	// touchpoints (see cohort.go); customers' traits are not split by it.
	byCohort
)

// Breakdown is a dimension a scorecard splits its KPIs by.
type Breakdown struct {
	Name string // as written: "segment", "channel", "specialty"…
	SQL  string // the column of the facts it groups by; "" for segments
	dim  dimension
	// inSpend says that spend rows have the column too: the channel and its
	// metadata, when the spend source has a channel column.
	inSpend bool
	// list says that the column holds lists (content tags): a row counts
	// under each of its values, none under an empty list.
	list bool
	// parts are the breakdowns a crossed breakdown crosses, in order; nil
	// for a single one (see cross.go).
	parts []*Breakdown
	// cohort is the cohort of a cohort breakdown, offset true for the
	// periods since it.
	cohort *Cohort
	offset bool
}

// splits reports whether a measure of the given grain can be split by the
// breakdown: customers have no channel, spend has no customer.
func (b *Breakdown) splits(g formula.Grain) bool {
	if b.parts != nil {
		return !slices.ContainsFunc(b.parts, func(p *Breakdown) bool { return !p.splits(g) })
	}
	switch g {
	case formula.Customers, formula.Base:
		return b.dim == bySegment || b.dim == byCustomer
	case formula.Spend:
		return b.inSpend
	case formula.Budget:
		return b.dim == byChannel
	}
	return true
}

// splitsKPI reports whether every measure of a KPI can be split by the
// breakdown and its definition does not refuse it.
func (b *Breakdown) splitsKPI(k *KPI) bool {
	if b.refusedBy(k) {
		return false
	}
	for _, g := range []formula.Grain{formula.Touchpoints, formula.Customers, formula.Base, formula.Spend, formula.Budget} {
		if k.Grains.Has(g) && !b.splits(g) {
			return false
		}
	}
	return true
}

// breakdown resolves the name of a breakdown. "period" gives nil: every
// scorecard is reported per period of the project's grain.
func (c *Compiled) breakdown(name dsl.Text) (*Breakdown, hcl.Diagnostics) {
	n := name.Value
	s := c.symbols[n]
	if s != nil {
		c.used[n] = true
	}
	switch {
	case strings.Contains(n, dsl.CrossSign):
		return nil, errorDiag("Breakdown named as a cross", fmt.Sprintf("%q holds %q, which names crossed breakdowns in the scorecard: to cross breakdowns, write them as a list, [\"segment\", \"channel\"]; a column of that name needs another name in the data.", n, dsl.CrossSign), &name.Range)
	case n == "period":
		return nil, nil
	case n == "segment":
		if len(c.Session.Project.Segments) == 0 {
			return nil, errorDiag("No segments", "A breakdown by segment needs segment blocks: declare at least one.", &name.Range)
		}
		return &Breakdown{Name: n, dim: bySegment}, nil
	case strings.HasPrefix(n, dsl.CohortPrefix):
		return c.cohortBreakdown(name)
	case s != nil && s.Level == formula.CustomerLevel:
		return &Breakdown{Name: n, SQL: s.SQL, dim: byCustomer, list: s.Type == builtins.StringList}, nil
	case s != nil && (n == "channel" || isChannelMetadata(n) && c.Session.Schema.Touchpoints.Column(n) == nil):
		spend := c.Session.Schema.Spend
		return &Breakdown{Name: n, SQL: s.SQL, dim: byChannel, inSpend: spend != nil && spend.Source.Channel.Value != ""}, nil
	case s != nil:
		return &Breakdown{Name: n, SQL: s.SQL, dim: byTouchpoint, list: s.Type == builtins.StringList, inSpend: s.InSpend}, nil
	case c.traits[n] != nil:
		return nil, errorDiag("Breakdown by a trait", fmt.Sprintf("%q is a trait, which changes from period to period; breakdowns are by segment, channel, a touchpoint column or a customer attribute. To split customers by a trait, write KPIs with share(%s …).", n, n), &name.Range)
	}
	return nil, errorDiag("Unknown breakdown", fmt.Sprintf("Nothing is named %q: a breakdown is \"segment\", \"channel\", \"period\", a touchpoint column or a customer attribute.%s", n, dsl.DidYouMean(n, append(symbolNames(c.symbols), "segment", "period"))), &name.Range)
}

func isChannelMetadata(name string) bool {
	for _, m := range channelMetadata {
		if m.name == name {
			return true
		}
	}
	return false
}

// whyNotSplit explains why a KPI cannot be split by a breakdown: for a
// cross, by the first breakdown crossed that it cannot be split by.
func whyNotSplit(k *KPI, b *Breakdown) string {
	for _, p := range b.parts {
		if !p.splitsKPI(k) {
			return whyNotSplit(k, p)
		}
	}
	switch {
	case k.notBy[b.Name]:
		return fmt.Sprintf("KPI %q has no meaning by %q: its not_by says so.", k.Def.Name, b.Name)
	case (k.Grains.Has(formula.Customers) || k.Grains.Has(formula.Base)) && b.dim == byCohort:
		return fmt.Sprintf("KPI %q aggregates customers' traits, which are not split by cohort: count a cohort's customers over touchpoints, with count_distinct(customer).", k.Def.Name)
	case (k.Grains.Has(formula.Customers) || k.Grains.Has(formula.Base)) && !b.splits(formula.Customers):
		return fmt.Sprintf("KPI %q counts customers, and a customer has many values of %q across touchpoints: it cannot be split by it.", k.Def.Name, b.Name)
	case k.Grains.Has(formula.Spend) && b.dim == bySegment:
		return fmt.Sprintf("KPI %q uses spend(), which is known per channel and day, not per segment.", k.Def.Name)
	case k.Grains.Has(formula.Budget) && !b.splits(formula.Budget):
		return fmt.Sprintf("KPI %q uses budget(), which campaigns give per channel: it cannot be split by %q.", k.Def.Name, b.Name)
	default:
		return fmt.Sprintf("KPI %q uses spend(), which is known per channel and day: it cannot be split by %q.", k.Def.Name, b.Name)
	}
}
