package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file compiles the segments whose condition reads traits (segment
// "champions" { where = "r_score >= 4" }): a customer is in such a segment
// in a period when his row of that period (or of the scope's whole window)
// meets it, so that his membership changes from period to period. The
// condition is evaluated on the rows of the traits' last step
// (trait_memberships), and a scorecard's cells by segment join their rows
// to those memberships by scope, customer and period (see cellsOf).

// readsTraits reports whether a formula names a trait.
func (c *Compiled) readsTraits(f *dsl.Formula) bool {
	traits := namespace{traits: map[string]*definition{}}
	for name := range c.traits {
		traits.traits[name] = &definition{}
	}
	return len(traits.referencesOf(f)) > 0
}

// readsTraits reports whether the segment's condition reads traits.
func (s *Segment) readsTraits() bool { return s.Step != "" }

// compileTraitSegment compiles a segment on traits: once in its normal
// form, which fingerprints hash, and once over the columns of the traits'
// steps, as a trait is.
func (c *Compiled) compileTraitSegment(seg *dsl.Segment) hcl.Diagnostics {
	u := &unit{address: "segment." + seg.Name}
	out, diags := formula.Compile(seg.Where, formula.TraitScope, formula.Condition, &traitNormalEnv{c.definitionEnv(formula.TraitScope, u, nil), nil})
	if out == nil {
		return diags
	}
	step, _ := formula.Compile(seg.Where, formula.TraitScope, formula.Condition, &traitStepEnv{scopeEnv: c.definitionEnv(formula.TraitScope, u, nil)})
	if step != nil {
		u.compiled(out.SQL, step.SQL)
		c.Segments = append(c.Segments, &Segment{Def: seg, SQL: out.SQL, Step: step.SQL, unit: u})
	}
	return diags
}

// traitSegmentProblem is the error of what reads a customer's segments
// once, from his attributes, and so the segments on attributes only: an
// experiment's population (name, a segment on traits), a ladder or an
// attribution by segment (name nil: when every segment reads traits).
func (c *Compiled) traitSegmentProblem(what string, name *string, at *hcl.Range) hcl.Diagnostics {
	if name == nil && len(c.attributeSegments()) > 0 {
		return nil
	}
	for _, s := range c.Segments {
		if s.readsTraits() && (name == nil || *name == s.Def.Name) {
			return errorDiag("Segment on traits", fmt.Sprintf("Segment %q reads traits, so that a customer's membership changes from period to period; %s reads a customer's segments once, from his attributes, and so the segments on attributes only. Use a segment on customer attributes here, or count its customers with a KPI: share(%s).", s.Def.Name, what, s.Def.Where.Text), at)
		}
	}
	return nil
}

// attributeSegments are the names of the segments on attributes, which
// ladders and attributions report.
func (c *Compiled) attributeSegments() []string {
	var names []string
	for _, s := range c.Segments {
		if !s.readsTraits() {
			names = append(names, s.Def.Name)
		}
	}
	return names
}

// traitMemberships lists the customers' rows of from (the traits' last
// step) with each segment on traits that the row meets, one row each; with
// a frame (retained_customers(…) is used: see periods.go), whether he was
// in the segment in the period before too (__was; NULL over the whole
// window).
func traitMemberships(d dialect.Dialect, from string, segments []*Segment, frame string) string {
	var items []string
	for _, s := range segments {
		if s.readsTraits() {
			items = append(items, fmt.Sprintf("CASE WHEN %s THEN %s END", s.Step, sqlString(s.Def.Name)))
		}
	}
	cols := "__scope, " + colCustomer + ", " + colPeriod + ", __segment"
	if frame != "" {
		cols += fmt.Sprintf(",\n       CASE WHEN %[1]s IS NOT NULL THEN coalesce(bool_or(true) OVER (PARTITION BY __scope, %[2]s, __segment ORDER BY %[1]s %[3]s), false) END AS __was", colPeriod, colCustomer, frame)
	}
	return "SELECT " + cols + "\nFROM (\n    SELECT __scope, " + colCustomer + ", " + colPeriod +
		",\n           " + d.Unnest(d.List(strings.Join(items, ",\n                   "))) + " AS __segment\n    FROM " + from +
		"\n    WHERE __scope IS NOT NULL\n)" + d.Alias("segmented") + "\nWHERE __segment IS NOT NULL"
}

// traitSegmentRows gives each row of from once per segment on traits of
// its customer, as __segment: for a touchpoint, those of his row of its
// period, and those of his row of the scope's whole window with the
// period NULL, which the cells of the whole window group; a customer's row
// (periods: false) has its period, or none for the whole window, already,
// and its retained columns (those of retained_customers(…)) hold only
// when he was in the segment in the period before too. It returns the
// rows and their period's column, which is not __period on an engine that
// cannot select every column but some (see segmentRowsListed).
func traitSegmentRows(d dialect.Dialect, from string, columns []string, periods bool, retained []string) (rows, period string) {
	excluded := append([]string{colPeriod}, retained...)
	cols := []string{d.AllBut("r", excluded), "m." + colPeriod, "m.__segment"}
	period = colPeriod
	if cols[0] == "" { // the engine cannot write every column but some
		cols, period = segmentRowsListed(columns, periods, retained)
	}
	for _, name := range retained {
		cols = append(cols, fmt.Sprintf("CASE WHEN r.%[1]s IS NOT NULL THEN r.%[1]s AND m.__was END AS %[1]s", name))
	}
	sql := "(SELECT " + strings.Join(cols, ", ") + "\n FROM (SELECT * FROM " + from + ") AS r\n JOIN trait_memberships AS m ON m.__scope = r.__scope AND m." + colCustomer + " = r." + colCustomer
	if periods {
		return sql + " AND (m." + colPeriod + " = r." + colPeriod + " OR m." + colPeriod + " IS NULL))" + d.Alias("segmented"), period
	}
	return sql + " AND m." + colPeriod + " IS NOT DISTINCT FROM r." + colPeriod + ")" + d.Alias("segmented"), period
}

// segmentRowsListed are the columns of traitSegmentRows where every
// column but some cannot be selected: a touchpoint keeps its period and
// has its segment's as __segment_period (it has no retained column); a
// customer's row, whose period is its segment's, is listed (columns)
// without its retained columns.
func segmentRowsListed(columns []string, periods bool, retained []string) (cols []string, period string) {
	switch {
	case periods:
		return []string{"r.*", "m." + colPeriod + " AS __segment_period", "m.__segment"}, "__segment_period"
	case len(retained) == 0:
		return []string{"r.*", "m.__segment"}, colPeriod
	}
	for _, c := range columns {
		if !slices.Contains(retained, c) {
			cols = append(cols, "r."+c)
		}
	}
	return append(cols, "m.__segment"), colPeriod
}
