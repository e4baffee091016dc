package engine

import (
	"fmt"
	"strings"
)

// This file computes the KPIs that other KPIs name once per cell, each as a
// column of a step between the cells and the scorecard's last SELECT. A
// KPI's SQL reads each KPI it names by that column, never by a copy of its
// SQL: a chain of KPIs that each name the one before twice compiles to SQL
// that grows linearly with the chain, not exponentially.

// kpiSteps groups the KPIs that the given KPIs name, directly or through
// others, by depth: those of the first step name no KPI, those of each next
// step name KPIs of the steps before only.
func kpiSteps(kpis []*KPI) [][]*KPI {
	seen := map[*KPI]bool{}
	var steps [][]*KPI
	var todo []*KPI
	for _, k := range kpis {
		todo = append(todo, k.names...)
	}
	for len(todo) > 0 {
		k := todo[0]
		todo = todo[1:]
		if seen[k] {
			continue
		}
		seen[k] = true
		todo = append(todo, k.names...)
		for len(steps) <= k.depth {
			steps = append(steps, nil)
		}
		steps[k.depth] = append(steps[k.depth], k)
	}
	return steps
}

// addKPISteps adds a step per depth of the KPIs that the plan's KPIs name,
// each selecting the rows of the one before with the values of its KPIs,
// and returns the last step's name ("cells" when no KPI names another) and
// the KPIs that have a column there.
func (q *query) addKPISteps() (from string, computed map[*KPI]bool) {
	from, computed = "cells", map[*KPI]bool{}
	for i, step := range kpiSteps(q.p.KPIs) {
		cols := make([]string, len(step))
		for j, k := range step {
			cols[j] = k.SQL + " AS " + k.column
			computed[k] = true
		}
		name := fmt.Sprintf("named_kpis_%d", i+1)
		q.add(name, "the KPIs that other KPIs name, each computed once per cell", "SELECT *,\n       "+strings.Join(cols, ",\n       ")+"\nFROM "+from)
		from = name
	}
	return from, computed
}
