package attribution

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// journeyCell is a scope ("*" for the whole data) and a segment ("*" for
// every customer).
type journeyCell struct{ scope, segment string }

// Results is what the queries of a group of attributions give back, by
// cell: the attributions of a group share their journeys and differ by
// their model.
type Results struct {
	heuristics  int                                  // the models whose credit the query computes
	totals      map[journeyCell][2]float64           // conversions and their value
	credits     map[journeyCell]map[string][]float64 // per key: conversions and value of each heuristic
	sets        map[journeyCell][]Coalition          // converting journeys by set of keys
	keys        map[journeyCell][]string             // every key of every journey, sorted
	transitions map[journeyCell]map[int][]Transition // by Markov order
	paths       map[string][]scorecard.PathCount     // by scope: the most frequent paths of each kind
	summaries   map[journeyCell][]SummaryPath        // every path, for Fractribution
	spend       map[string]map[string]float64        // by scope and key
}

// NewResults is empty results of a group whose query computes the credit
// of that many heuristic models.
func NewResults(heuristics int) *Results {
	return &Results{heuristics: heuristics, totals: map[journeyCell][2]float64{}, credits: map[journeyCell]map[string][]float64{},
		sets: map[journeyCell][]Coalition{}, keys: map[journeyCell][]string{},
		transitions: map[journeyCell]map[int][]Transition{}, paths: map[string][]scorecard.PathCount{},
		summaries: map[journeyCell][]SummaryPath{},
		spend:     map[string]map[string]float64{}}
}

// Sort orders each cell's keys, once every row is added.
func (r *Results) Sort() {
	for cell, keys := range r.keys {
		slices.Sort(keys)
		r.keys[cell] = slices.Compact(keys)
	}
}

// topPaths are a scope's most frequent paths, at most n of each kind.
func (r *Results) topPaths(scope string, n int) *scorecard.Paths {
	return &scorecard.Paths{
		Converting:    mostFrequent(r.paths[scope], n, func(p scorecard.PathCount) int { return p.Conversions }),
		NonConverting: mostFrequent(r.paths[scope], n, func(p scorecard.PathCount) int { return p.NonConversions }),
	}
}

// mostFrequent are the n paths with the largest count, ties by path; a
// path counted 0 is none.
func mostFrequent(paths []scorecard.PathCount, n int, count func(scorecard.PathCount) int) []scorecard.PathCount {
	out := []scorecard.PathCount{}
	for _, p := range paths {
		if count(p) > 0 {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b scorecard.PathCount) int {
		return cmp.Or(cmp.Compare(count(b), count(a)), cmp.Compare(a.Path, b.Path))
	})
	return out[:min(n, len(out))]
}

// Add files one row of the group's queries, its values named by column.
func (r *Results) Add(values []any, col map[string]int) {
	r.add(row{values, col})
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
func (r *Results) add(x row) {
	cell := journeyCell{x.text("__scope"), x.text("__segment")}
	switch x.text("__kind") {
	case "total":
		r.totals[cell] = [2]float64{x.number("__conversions"), x.number("__value")}
	case "credit":
		credit := make([]float64, 2*r.heuristics)
		for i := range r.heuristics {
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
			r.sets[cell] = append(r.sets[cell], Coalition{Keys: keys, Conversions: n, Value: x.number("__value")})
		}
	case "transition":
		if r.transitions[cell] == nil {
			r.transitions[cell] = map[int][]Transition{}
		}
		order := int(x.number("__order"))
		r.transitions[cell][order] = append(r.transitions[cell][order], Transition{
			From: x.list("__from"), To: x.list("__to"), Converted: x.flag("__converting"), Count: x.number("__count")})
	case "path":
		r.paths[cell.scope] = append(r.paths[cell.scope], scorecard.PathCount{Path: x.text("__path"),
			Conversions: int(x.number("__conversions")), NonConversions: int(x.number("__non_conversions")), Value: scorecard.Number(x.number("__value"))})
	case "summary":
		r.summaries[cell] = append(r.summaries[cell], SummaryPath{Steps: x.list("__steps"), Keys: x.list("__step_keys"),
			Conversions: x.number("__conversions"), NonConversions: x.number("__non_conversions"), Value: x.number("__value")})
	case "spend":
		if r.spend[cell.scope] == nil {
			r.spend[cell.scope] = map[string]float64{}
		}
		r.spend[cell.scope][x.text("__key")] = x.number("__amount")
	}
}
