package engine

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file orders the traits and KPIs by their references to each other:
// each compiles after those it names, once, so that no compilation recurses
// into another, and a cycle of references is reported before any compiles.

// definition is a trait or a KPI as a node of the graph of references.
type definition struct {
	address string // "kpi.reach", as the cycle's message names it
	formula *dsl.Formula
	unit    *unit
	refs    []reference
	compile func() hcl.Diagnostics
}

// reference is a formula's use of another trait or KPI, at its characters.
type reference struct {
	to *definition
	at hcl.Range
}

// definitions lists the traits then the KPIs in declaration order, with the
// references of their formulas.
func (c *Compiled) definitions() []*definition {
	var defs []*definition
	names := namespace{traits: map[string]*definition{}, kpis: map[string]*definition{}}
	for _, t := range c.Traits {
		d := &definition{address: "trait." + t.Def.Name, formula: t.Def.Formula, unit: &t.unit, compile: func() hcl.Diagnostics { return c.compileTrait(t) }}
		defs, names.traits[t.Def.Name] = append(defs, d), d
	}
	for _, k := range c.KPIs {
		d := &definition{address: "kpi." + k.Def.Name, formula: k.Def.Formula, unit: &k.unit, compile: func() hcl.Diagnostics { return c.compileKPI(k) }}
		if names.kpis[k.Def.Name] == nil { // else the name is declared twice, which dsl reports
			names.kpis[k.Def.Name] = d
		}
		defs = append(defs, d)
	}
	for _, d := range defs {
		d.refs = names.referencesOf(d.formula)
	}
	return defs
}

// namespace is the traits and the KPIs by name.
type namespace struct{ traits, kpis map[string]*definition }

// referencesOf finds the names of traits and KPIs among a formula's
// identifiers, as the formula compiler resolves them: kpi.name is the KPI;
// inside an aggregate's arguments a bare name is never a KPI (the column or
// trait of that name: kpi "revenue" { formula = "sum(revenue)" } sums the
// column); outside one, a KPI's name before a trait's; a function's name
// is none. A formula that does
// not lex has none: its compilation reports why.
func (n namespace) referencesOf(f *dsl.Formula) []reference {
	if f == nil {
		return nil
	}
	tokens, err := lexer.Lex(file.NewSource(f.Text))
	if err != nil {
		return nil
	}
	var refs []reference
	var calls []bool // per open bracket: whether it opens an aggregate's arguments
	inAggregate := 0
	for i, t := range tokens {
		switch {
		case t.Kind == lexer.Bracket && (t.Value == "(" || t.Value == "[" || t.Value == "{"):
			agg := t.Value == "(" && i > 0 && tokens[i-1].Kind == lexer.Identifier && isAggregate(tokens[i-1].Value)
			calls = append(calls, agg)
			if agg {
				inAggregate++
			}
		case t.Kind == lexer.Bracket && len(calls) > 0:
			if calls[len(calls)-1] {
				inAggregate--
			}
			calls = calls[:len(calls)-1]
		case t.Kind == lexer.Identifier && !isCallee(tokens, i):
			qualified := i >= 2 && tokens[i-1].Value == "." && tokens[i-2].Value == strings.TrimSuffix(formula.KPIQualifier, ".")
			if to := n.resolve(t.Value, qualified, inAggregate > 0); to != nil {
				refs = append(refs, reference{to: to, at: f.RangeOf(t.From, t.To)})
			}
		}
	}
	return refs
}

// resolve is the trait or KPI a name stands for, if any.
func (n namespace) resolve(name string, qualified, inAggregate bool) *definition {
	switch {
	case qualified:
		return n.kpis[name]
	case inAggregate:
		return n.traits[name]
	case n.kpis[name] != nil:
		return n.kpis[name]
	}
	return n.traits[name]
}

// isCallee tells whether the identifier at i names the function of a call.
func isCallee(tokens []lexer.Token, i int) bool {
	return i+1 < len(tokens) && tokens[i+1].Kind == lexer.Bracket && tokens[i+1].Value == "("
}

// isAggregate tells a function that aggregates rows from a scalar one.
func isAggregate(name string) bool {
	fn := builtins.Lookup(name)
	return fn != nil && fn.Aggregates()
}

// compileDefinitions compiles the traits and KPIs, each after those it
// refers to, and returns their diagnostics in declaration order. The
// definitions on a cycle are not compiled: each cycle is one error.
func (c *Compiled) compileDefinitions() hcl.Diagnostics {
	defs := c.definitions()
	diags := map[*definition]hcl.Diagnostics{}
	for _, cyc := range cycles(defs) {
		first := cyc[0]
		names := make([]string, 0, len(cyc)+1)
		for _, d := range cyc {
			names = append(names, d.address)
			d.unit.done, d.unit.failed = true, true
		}
		names = append(names, first.address)
		at := first.refTo(cyc[1%len(cyc)])
		diags[first] = append(diags[first], errorDiag("Cycle of references",
			fmt.Sprintf("%s depends on itself: %s. A trait or KPI cannot be computed from its own value; break the cycle.%s", first.address, strings.Join(names, " → "), c.shadowHint(cyc)), &at)...)
	}
	for _, d := range dependenciesFirst(defs) {
		if !d.unit.done {
			diags[d] = append(diags[d], d.compile()...)
		}
	}
	var all hcl.Diagnostics
	for _, d := range defs {
		all = append(all, diags[d]...)
	}
	return all
}

// shadowHint says, for a KPI that names itself where a column of the same
// name was meant, how to write the column.
func (c *Compiled) shadowHint(cycle []*definition) string {
	name, isKPI := strings.CutPrefix(cycle[0].address, "kpi.")
	if len(cycle) > 1 || !isKPI {
		return ""
	}
	s := c.symbols[name]
	if s == nil || s.Level == formula.CellLevel {
		return ""
	}
	return formula.ShadowHint(name, s.What)
}

// refTo is the range of d's first reference to another definition.
func (d *definition) refTo(to *definition) hcl.Range {
	for _, r := range d.refs {
		if r.to == to {
			return r.at
		}
	}
	return d.formula.Range
}

// dependenciesFirst orders the definitions so that each comes after those it
// refers to (those on a cycle in any order), without recursion: a chain of
// references may be as long as there are definitions.
func dependenciesFirst(defs []*definition) []*definition {
	placed := map[*definition]bool{}
	var order []*definition
	type frame struct {
		d    *definition
		next int // the next reference to visit
	}
	for _, root := range defs {
		if placed[root] {
			continue
		}
		placed[root] = true
		stack := []frame{{d: root}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(top.d.refs) {
				order = append(order, top.d)
				stack = stack[:len(stack)-1]
				continue
			}
			to := top.d.refs[top.next].to
			top.next++
			if !placed[to] {
				placed[to] = true
				stack = append(stack, frame{d: to})
			}
		}
	}
	return order
}

// cycles finds one cycle in each strongly connected group of definitions
// that refer to each other (or a definition that refers to itself),
// starting at the group's first definition in declaration order.
func cycles(defs []*definition) [][]*definition {
	var out [][]*definition
	for _, group := range stronglyConnected(defs) {
		in := map[*definition]bool{}
		for _, d := range group {
			in[d] = true
		}
		first := group[0]
		for _, d := range group {
			if index(defs, d) < index(defs, first) {
				first = d
			}
		}
		if path := shortestCycle(first, in); path != nil {
			out = append(out, path)
		}
	}
	return out
}

func index(defs []*definition, d *definition) int {
	for i, x := range defs {
		if x == d {
			return i
		}
	}
	return -1
}

// shortestCycle is the shortest path of references from start back to
// itself within the group, found breadth first; nil if there is none.
func shortestCycle(start *definition, in map[*definition]bool) []*definition {
	from := map[*definition]*definition{}
	queue := []*definition{start}
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		for _, r := range d.refs {
			if r.to == start {
				path := []*definition{d}
				for p := d; p != start; p = from[p] {
					path = append(path, from[p])
				}
				for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return path
			}
			if in[r.to] && from[r.to] == nil {
				from[r.to] = d
				queue = append(queue, r.to)
			}
		}
	}
	return nil
}

// stronglyConnected lists the groups of definitions that reach each other
// through references and form a cycle (Tarjan's algorithm, without
// recursion): groups of two or more, and single definitions that refer to
// themselves.
func stronglyConnected(defs []*definition) [][]*definition {
	type state struct{ index, low int }
	seen := map[*definition]*state{}
	onStack := map[*definition]bool{}
	var stack []*definition
	var groups [][]*definition
	type frame struct {
		d    *definition
		next int
	}
	for _, root := range defs {
		if seen[root] != nil {
			continue
		}
		calls := []frame{{d: root}}
		seen[root] = &state{len(seen), len(seen)}
		stack, onStack[root] = append(stack, root), true
		for len(calls) > 0 {
			top := &calls[len(calls)-1]
			s := seen[top.d]
			if top.next < len(top.d.refs) {
				to := top.d.refs[top.next].to
				top.next++
				switch {
				case seen[to] == nil:
					seen[to] = &state{len(seen), len(seen)}
					stack, onStack[to] = append(stack, to), true
					calls = append(calls, frame{d: to})
				case onStack[to]:
					s.low = min(s.low, seen[to].index)
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				parent := seen[calls[len(calls)-1].d]
				parent.low = min(parent.low, s.low)
			}
			if s.low != s.index {
				continue
			}
			var group []*definition
			for {
				d := stack[len(stack)-1]
				stack, onStack[d] = stack[:len(stack)-1], false
				group = append(group, d)
				if d == top.d {
					break
				}
			}
			if len(group) > 1 || refersTo(top.d, top.d) {
				groups = append(groups, group)
			}
		}
	}
	return groups
}

func refersTo(from, to *definition) bool {
	for _, r := range from.refs {
		if r.to == to {
			return true
		}
	}
	return false
}
