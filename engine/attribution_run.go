package engine

import (
	"cmp"
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/omni-metrics/omni/engine/attribution"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// attributionSteps run the journey query of each group of attributions.
// After each, the scorecard lists every attribution reported so far, in
// the plan's order, then by scope and segment.
func (c *Compiled) attributionSteps(ap *AttributionPlan, sc *scorecard.Scorecard) []step {
	entries := map[*Attribution][]scorecard.Attribution{}
	var steps []step
	for _, g := range ap.Groups {
		names := make([]string, len(g.Attributions))
		for i, a := range g.Attributions {
			names[i] = a.Def.Name
		}
		steps = append(steps, step{"attribution " + strings.Join(names, ", "), func(ctx context.Context) error {
			if err := c.runAttributionGroup(ctx, g, entries); err != nil {
				return err
			}
			sc.Attribution = nil
			for _, a := range ap.Attributions {
				sc.Attribution = append(sc.Attribution, entries[a]...)
			}
			return nil
		}})
	}
	return steps
}

// runAttributionGroup runs the journey query of a group and files the
// report of each of its attributions in entries.
func (c *Compiled) runAttributionGroup(ctx context.Context, g *JourneyGroup, entries map[*Attribution][]scorecard.Attribution) error {
	r, err := c.readJourneys(ctx, g)
	if err != nil {
		return err
	}
	for _, a := range g.Attributions {
		if entries[a], err = r.report(a); err != nil {
			at := a.Def.DeclRange
			return fmt.Errorf("%s:%d:%d: attribution %s: %w", at.Filename, at.Start.Line, at.Start.Column, a.Def.Name, err)
		}
	}
	return nil
}

// journeyCell is a scope ("*" for the whole data) and a segment ("*" for
// every customer).
type journeyCell struct{ scope, segment string }

// journeyData is what a group's query gives back, by cell.
type journeyData struct {
	c           *Compiled
	g           *JourneyGroup
	totals      map[journeyCell][2]float64                       // conversions and their value
	credits     map[journeyCell]map[string][]float64             // per key: conversions and value of each heuristic
	sets        map[journeyCell][]attribution.Coalition          // converting journeys by set of keys
	keys        map[journeyCell][]string                         // every key of every journey, sorted
	transitions map[journeyCell]map[int][]attribution.Transition // by Markov order
	paths       map[string]*scorecard.Paths                      // by scope
	spend       map[string]map[string]float64                    // by scope and key
}

func (c *Compiled) readJourneys(ctx context.Context, g *JourneyGroup) (*journeyData, error) {
	r := &journeyData{c: c, g: g, totals: map[journeyCell][2]float64{}, credits: map[journeyCell]map[string][]float64{},
		sets: map[journeyCell][]attribution.Coalition{}, keys: map[journeyCell][]string{},
		transitions: map[journeyCell]map[int][]attribution.Transition{}, paths: map[string]*scorecard.Paths{},
		spend: map[string]map[string]float64{}}
	for _, query := range []string{g.SQL, g.TotalsSQL} {
		if err := r.read(ctx, query); err != nil {
			return nil, queryError(ctx, "attribution "+g.Attributions[0].Def.Name, err)
		}
	}
	for cell, keys := range r.keys {
		slices.Sort(keys)
		r.keys[cell] = slices.Compact(keys)
	}
	for _, p := range r.paths {
		for _, list := range []*[]scorecard.PathCount{&p.Converting, &p.NonConverting} {
			slices.SortFunc(*list, func(a, b scorecard.PathCount) int {
				return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Path, b.Path))
			})
		}
	}
	return r, nil
}

// read runs one query of the group and files its rows.
func (r *journeyData) read(ctx context.Context, query string) error {
	rows, err := r.c.Session.query(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return err
	}
	values, dest, col := make([]any, len(names)), make([]any, len(names)), map[string]int{}
	for i, n := range names {
		dest[i], col[n] = &values[i], i
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		r.add(row{values, col})
	}
	return rows.Err()
}

// row is one row of a journey query, read by column name.
type row struct {
	values []any
	col    map[string]int
}

func (r row) text(name string) string { s, _ := r.values[r.col[name]].(string); return s }

func (r row) flag(name string) bool { b, _ := r.values[r.col[name]].(bool); return b }

func (r row) list(name string) []string {
	items, ok := r.values[r.col[name]].([]any)
	if !ok {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it.(string)
	}
	return out
}

// number reads a numeric column, whatever integer or float type DuckDB
// gave it; 0 for NULL.
func (r row) number(name string) float64 {
	switch v := r.values[r.col[name]].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	case int32:
		return float64(v)
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		return f
	}
	return 0
}

// add files one row of the query under its kind.
func (r *journeyData) add(x row) {
	cell := journeyCell{x.text("__scope"), x.text("__segment")}
	switch x.text("__kind") {
	case "total":
		r.totals[cell] = [2]float64{x.number("__conversions"), x.number("__value")}
	case "credit":
		credit := make([]float64, 2*len(r.g.heuristics))
		for i := range r.g.heuristics {
			credit[2*i], credit[2*i+1] = x.number(fmt.Sprintf("__conv_%d", i)), x.number(fmt.Sprintf("__value_%d", i))
		}
		if r.credits[cell] == nil {
			r.credits[cell] = map[string][]float64{}
		}
		r.credits[cell][x.text("__key")] = credit
	case "set":
		keys := x.list("__keys")
		r.keys[cell] = append(r.keys[cell], keys...)
		if n := x.number("__conversions"); n > 0 {
			r.sets[cell] = append(r.sets[cell], attribution.Coalition{Keys: keys, Conversions: n, Value: x.number("__value")})
		}
	case "transition":
		if r.transitions[cell] == nil {
			r.transitions[cell] = map[int][]attribution.Transition{}
		}
		order := int(x.number("__order"))
		r.transitions[cell][order] = append(r.transitions[cell][order], attribution.Transition{
			From: x.list("__from"), To: x.list("__to"), Converted: x.flag("__converting"), Count: x.number("__count")})
	case "path":
		p := r.paths[cell.scope]
		if p == nil {
			p = &scorecard.Paths{Converting: []scorecard.PathCount{}, NonConverting: []scorecard.PathCount{}}
			r.paths[cell.scope] = p
		}
		list := &p.NonConverting
		if x.flag("__converting") {
			list = &p.Converting
		}
		*list = append(*list, scorecard.PathCount{Path: x.text("__path"), Count: int(x.number("__count"))})
	case "spend":
		if r.spend[cell.scope] == nil {
			r.spend[cell.scope] = map[string]float64{}
		}
		r.spend[cell.scope][x.text("__key")] = x.number("__amount")
	}
}
