package engine

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// scopeEnv is what a formula of one scope can name: the base symbols, and the
// traits and KPIs, compiled before (see references.go).
type scopeEnv struct {
	c     *Compiled
	scope formula.Scope
	// unit is the trait or KPI being compiled, which records those it
	// names; measures collects the measures a KPI uses.
	unit     *unit
	measures map[string]bool
}

func (c *Compiled) env(scope formula.Scope) *scopeEnv {
	return &scopeEnv{c: c, scope: scope}
}

// definitionEnv is the env of a trait's or KPI's formula.
func (c *Compiled) definitionEnv(scope formula.Scope, u *unit, measures map[string]bool) *scopeEnv {
	return &scopeEnv{c: c, scope: scope, unit: u, measures: measures}
}

// Lookup implements formula.Env.
func (e *scopeEnv) Lookup(name string) (*formula.Symbol, error) {
	if kpi, qualified := strings.CutPrefix(name, formula.KPIQualifier); qualified {
		if k := e.c.kpis[kpi]; k != nil {
			return e.kpiSymbol(k)
		}
		return nil, nil
	}
	if s := e.c.symbols[name]; s != nil {
		e.c.used[name] = true
		return s, nil
	}
	if t := e.c.traits[name]; t != nil {
		return e.traitSymbol(t)
	}
	if k := e.c.kpis[name]; k != nil {
		return e.kpiSymbol(k)
	}
	return nil, e.c.Session.Schema.unusable(name)
}

// traitSymbol is a trait as this scope sees it: the column of its value,
// computed in a step before the traits that name it, or in the customers'
// rows that KPIs aggregate.
func (e *scopeEnv) traitSymbol(t *Trait) (*formula.Symbol, error) {
	s := &formula.Symbol{Name: t.Def.Name, Level: formula.TraitLevel, Type: t.Type, What: "trait",
		SQL: formula.QuoteIdent(t.Def.Name), LooksBack: t.looksBack}
	switch {
	case t.failed || !t.done:
		s.Type, s.SQL = builtins.Any, "NULL"
	case e.scope == formula.TraitScope:
		s.SQL = t.column
		e.name(&t.unit)
	}
	return s, nil
}

// kpiSymbol is a KPI referenced by another: the column of its value, which
// the scorecard's SQL computes once for all the KPIs that name it.
func (e *scopeEnv) kpiSymbol(k *KPI) (*formula.Symbol, error) {
	s := &formula.Symbol{Name: k.Def.Name, Level: formula.CellLevel, Type: k.Type, What: "KPI",
		SQL: k.column, Grains: k.Grains}
	if k.failed || !k.done {
		s.Type, s.SQL = builtins.Any, "NULL"
		return s, nil
	}
	if e.measures == nil { // not a KPI's formula, which cannot name a KPI
		return s, nil
	}
	for m := range k.Measures {
		e.measures[m] = true
	}
	e.name(&k.unit)
	return s, nil
}

// name records that the definition being compiled reads another's column.
func (e *scopeEnv) name(u *unit) {
	if e.unit != nil {
		e.unit.name(u)
	}
}

// Names implements formula.Env.
func (e *scopeEnv) Names() []string {
	names := symbolNames(e.c.symbols)
	for n := range e.c.traits {
		names = append(names, n)
	}
	for n := range e.c.kpis {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Measure implements formula.Env: identical aggregates share one measure.
func (e *scopeEnv) Measure(g formula.Grain, sql, empty string) string {
	var m *Measure
	for _, x := range e.c.Measures {
		if x.Grain == g && x.SQL == sql {
			m = x
		}
	}
	if m == nil {
		m = &Measure{Name: fmt.Sprintf("m%d", len(e.c.Measures)+1), Grain: g, SQL: sql, Empty: empty}
		e.c.Measures = append(e.c.Measures, m)
	}
	if e.measures != nil {
		e.measures[m.Name] = true
	}
	return m.Name
}

// Time implements formula.Env.
func (e *scopeEnv) Time() string { return formula.QuoteIdent(colTime) }

// Amount implements formula.Env.
func (e *scopeEnv) Amount() string { return formula.QuoteIdent(colAmount) }

func (e *scopeEnv) Dialect() dialect.Dialect { return e.c.Session.Dialect }

// Has implements formula.Env.
func (e *scopeEnv) Has(g formula.Grain) bool {
	switch g {
	case formula.Spend:
		return e.c.Session.Schema.Spend != nil
	case formula.Base:
		return e.c.Session.Schema.Customers != nil
	}
	return true
}

var simpleName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// parenthesize wraps an inlined expression unless it is a bare name.
func parenthesize(sql string) string {
	if simpleName.MatchString(sql) {
		return sql
	}
	return "(" + sql + ")"
}
