package engine

import (
	"fmt"
	"slices"
	"strings"
)

// This file shares the values of traits and KPIs that others name: each is
// computed once, as a column of a step before those that read it, and a
// formula that names it reads that column, never a copy of its SQL. A chain
// of KPIs that each name the one before twice thus compiles to SQL that
// grows linearly with the chain, not exponentially.

// unit is a trait or KPI as other definitions see it: done once compiled
// (or found on a cycle), failed if that gave no SQL.
type unit struct {
	done, failed bool
	address      string // "kpi.reach", for its fingerprint
	// column names its value where others read it.
	column string
	// sql is what it computes, reading the column of each definition it
	// names: the SQL of its normal form. stepSQL is the SQL of its column
	// in its step: sql for a KPI; for a trait, over the columns of the
	// customer's aggregates (see traitAggregates).
	sql, stepSQL string
	// names are the definitions its SQL reads, each once, in order of
	// first use; depth is 0 when it names none, else one more than the
	// deepest it names.
	names []*unit
	depth int
	// inlinedLength is the length of sql with the definitions it names
	// written in full (see meaning.inlined), at most maxInlined+1.
	inlinedLength int
	// windowed: sql reads other periods' rows (previous(…)), so that it is
	// computed in a step, over cell_calendar (see periods.go).
	windowed bool
}

// name records that u reads the definition n.
func (u *unit) name(n *unit) {
	if !slices.Contains(u.names, n) {
		u.names = append(u.names, n)
		u.depth = max(u.depth, n.depth+1)
	}
}

// compiled records u's SQL once compiled, and the length of its normal form.
func (u *unit) compiled(sql, stepSQL string) {
	u.sql, u.stepSQL, u.inlinedLength = sql, stepSQL, len(sql)
	replaceNames(sql, func(name string) (string, bool) {
		if n := u.named(name); n != nil {
			u.inlinedLength = min(u.inlinedLength+len("()")+n.inlinedLength-len(name), maxInlined+1)
		}
		return "", false
	})
}

// named is the definition that u reads as the column of that name, if any.
func (u *unit) named(column string) *unit {
	for _, n := range u.names {
		if n.column == column {
			return n
		}
	}
	return nil
}

// steps groups definitions and those they name, directly or through
// others, by depth: those of the first step name none, those of each next
// step name definitions of the steps before only.
func steps(units []*unit) [][]*unit {
	seen := map[*unit]bool{}
	var out [][]*unit
	todo := units
	for len(todo) > 0 {
		u := todo[0]
		todo = todo[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		todo = append(todo, u.names...)
		for len(out) <= u.depth {
			out = append(out, nil)
		}
		out[u.depth] = append(out[u.depth], u)
	}
	return out
}

// addNamedSteps adds a step per depth of the given definitions and those
// they name, each selecting the rows of the one before (from) with the
// values of its definitions. It returns the last step's name (from when
// there is none) and the definitions that have a column there.
func (q *query) addNamedSteps(prefix, comment, from string, units []*unit) (last string, computed map[*unit]bool) {
	computed = map[*unit]bool{}
	for i, step := range steps(units) {
		cols := make([]string, len(step))
		for j, u := range step {
			cols[j] = u.stepSQL + " AS " + u.column
			computed[u] = true
		}
		name := fmt.Sprintf("%s_%d", prefix, i+1)
		q.add(name, comment, "SELECT *,\n       "+strings.Join(cols, ",\n       ")+"\nFROM "+from)
		from = name
	}
	return from, computed
}

// addKPISteps adds the steps of the KPIs that the plan's KPIs name, and of
// those that read other periods, over the rows of from (the cells, or an
// experiment's customers).
func (q *query) addKPISteps(from string) (last string, computed map[*unit]bool) {
	var named []*unit
	for _, k := range q.p.KPIs {
		named = append(named, k.names...)
		if k.windowed {
			named = append(named, &k.unit)
		}
	}
	return q.addNamedSteps("named_kpis", "the KPIs that other KPIs name, each computed once per cell", from, named)
}
