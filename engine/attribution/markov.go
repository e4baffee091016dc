// Package attribution holds the arithmetic of the data-driven attribution
// models: the absorbing Markov chain of journeys, solved exactly, and the
// Shapley value of keys. DuckDB aggregates the journeys; what is left here
// is small: a few hundred states, a few thousand sets of keys. It files the
// rows the engine reads back from a group's journey query (Results) and
// builds each attribution's scorecard entries from them (Report).
//
// It may import dsl and engine/scorecard, never the engine's root or DuckDB.
package attribution

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// Transition counts the journeys that went from one state to the next. A
// state is the keys of a journey's last steps, oldest first: one key for a
// first-order chain, up to k for order k.
type Transition struct {
	From      []string // nil: the journey's start
	To        []string // nil: the journey's end, a conversion or not
	Converted bool     // for an end: the journey ended in a conversion
	Count     float64
}

// MaxStates bounds a chain: solving it costs the cube of its states, once
// per key.
const MaxStates = 3000

// chain is an absorbing Markov chain: transient states (index 0 is the
// start) and the probabilities of moving between them or to a conversion.
type chain struct {
	states [][]string          // the keys of each state; nil for the start
	next   []map[int]float64   // next[i][j]: probability of moving from i to j
	conv   []float64           // conv[i]: probability of converting from i
	index  map[string]int      // state → index
	keys   map[string]struct{} // every key of every state
}

func newChain(ts []Transition) (*chain, error) {
	c := &chain{states: [][]string{nil}, index: map[string]int{"": 0}, keys: map[string]struct{}{}}
	// out[i][j] counts the moves from state i to j; j is endNull or
	// endConversion for the ends.
	const endNull, endConversion = -1, -2
	out := map[int]map[int]float64{}
	for _, t := range ts {
		from, to := c.state(t.From), endNull
		switch {
		case t.To != nil:
			to = c.state(t.To)
		case t.Converted:
			to = endConversion
		}
		if out[from] == nil {
			out[from] = map[int]float64{}
		}
		out[from][to] += t.Count
	}
	if len(c.states) > MaxStates {
		return nil, fmt.Errorf("the Markov chain has %d states, more than %d: lower its order, or have fewer keys (include, exclude)", len(c.states), MaxStates)
	}
	c.next, c.conv = make([]map[int]float64, len(c.states)), make([]float64, len(c.states))
	for i := range c.states {
		total := 0.0
		for _, n := range out[i] {
			total += n
		}
		c.next[i] = map[int]float64{}
		for j, n := range out[i] {
			switch {
			case j >= 0:
				c.next[i][j] = n / total
			case j == endConversion:
				c.conv[i] = n / total
			}
		}
	}
	return c, nil
}

// state returns the index of the state of the keys, adding it if new.
func (c *chain) state(keys []string) int {
	id := listID(keys)
	if i, ok := c.index[id]; ok {
		return i
	}
	c.index[id] = len(c.states)
	c.states = append(c.states, keys)
	for _, k := range keys {
		c.keys[k] = struct{}{}
	}
	return len(c.states) - 1
}

// conversion is the probability of converting from the start when the
// states holding the removed key lead nowhere ("" removes nothing). It
// solves (I − Q) p = r over the remaining states by Gaussian elimination
// with partial pivoting: exact up to rounding, no simulation.
func (c *chain) conversion(removed string) float64 {
	var kept []int
	pos := make([]int, len(c.states))
	for i, s := range c.states {
		pos[i] = -1
		if removed == "" || !slices.Contains(s, removed) {
			pos[i] = len(kept)
			kept = append(kept, i)
		}
	}
	n := len(kept)
	a := make([][]float64, n)
	for row, i := range kept {
		a[row] = make([]float64, n+1)
		a[row][row] = 1
		for j, p := range c.next[i] {
			if pos[j] >= 0 {
				a[row][pos[j]] -= p
			}
		}
		a[row][n] = c.conv[i]
	}
	return solve(a)[0]
}

// solve solves the linear system whose augmented matrix is a (n rows, n+1
// columns), destroying a.
func solve(a [][]float64) []float64 {
	n := len(a)
	for col := range n {
		pivot := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[pivot][col]) {
				pivot = r
			}
		}
		a[col], a[pivot] = a[pivot], a[col]
		for r := col + 1; r < n; r++ {
			f := a[r][col] / a[col][col]
			if f == 0 {
				continue
			}
			for k := col; k <= n; k++ {
				a[r][k] -= f * a[col][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := a[r][n]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x
}

// Removal is the outcome of a Markov model: the probability of conversion
// from the start, and for each key the probability without it, when its
// states lead nowhere, and its removal effect, the share of the
// probability lost so.
type Removal struct {
	Conversion float64
	Without    map[string]float64
	Effects    map[string]float64
}

// RemovalEffects builds the chain of the transitions and computes each key's
// removal effect.
func RemovalEffects(ts []Transition) (*Removal, error) {
	c, err := newChain(ts)
	if err != nil {
		return nil, err
	}
	r := &Removal{Conversion: c.conversion(""), Without: map[string]float64{}, Effects: map[string]float64{}}
	for k := range c.keys {
		r.Without[k], r.Effects[k] = r.Conversion, 0
		if r.Conversion > 0 {
			r.Without[k] = c.conversion(k)
			r.Effects[k] = 1 - r.Without[k]/r.Conversion
		}
	}
	return r, nil
}

// Share splits a total among the keys in proportion to their removal
// effects: the Markov model's credit of each key.
func (r *Removal) Share(total float64) map[string]float64 {
	sum := 0.0
	for _, k := range slices.Sorted(maps.Keys(r.Effects)) { // in a fixed order: the same sum every run
		sum += r.Effects[k]
	}
	out := make(map[string]float64, len(r.Effects))
	for k, e := range r.Effects {
		out[k] = 0
		if sum > 0 {
			out[k] = total * e / sum
		}
	}
	return out
}
