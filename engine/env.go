package engine

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/formula"
)

// scopeEnv is what a formula of one scope can name: the base symbols, and the
// traits and KPIs, compiled on first use.
type scopeEnv struct {
	c     *Compiled
	scope formula.Scope
	kpi   *KPI // the KPI being compiled, which collects the measures it uses
}

func (c *Compiled) env(scope formula.Scope, kpi *KPI) *scopeEnv {
	return &scopeEnv{c: c, scope: scope, kpi: kpi}
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

// traitSymbol is a trait as this scope sees it: its aggregate inlined in
// other traits, a column of the customers' table in KPIs.
func (e *scopeEnv) traitSymbol(t *Trait) (*formula.Symbol, error) {
	s := &formula.Symbol{Name: t.Def.Name, Level: formula.TraitLevel, Type: t.Type, What: "trait",
		SQL: formula.QuoteIdent(t.Def.Name)}
	if e.scope == formula.TraitScope {
		s.SQL = parenthesize(t.SQL)
	}
	if t.failed || (e.scope == formula.KPIScope && !t.done) {
		s.Type, s.SQL = builtins.Any, "NULL"
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
	if e.kpi != nil {
		for m := range k.Measures {
			e.kpi.Measures[m] = true
		}
		if !slices.Contains(e.kpi.names, k) {
			e.kpi.names = append(e.kpi.names, k)
		}
	}
	return s, nil
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
	if e.kpi != nil {
		e.kpi.Measures[m.Name] = true
	}
	return m.Name
}

// Time implements formula.Env.
func (e *scopeEnv) Time() string { return formula.QuoteIdent(colTime) }

// Amount implements formula.Env.
func (e *scopeEnv) Amount() string { return formula.QuoteIdent(colAmount) }

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
