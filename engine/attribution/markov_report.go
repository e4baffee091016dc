package attribution

import (
	"cmp"
	"maps"
	"slices"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// markovReport lays out a chain for the scorecard: its probability of
// conversion, each key's removal effect, and its transitions with their
// probabilities, from the start first, each state's moves to states before
// its ends.
func markovReport(order int, ts []Transition, r *Removal) *scorecard.Markov {
	m := &scorecard.Markov{Order: order, Conversion: scorecard.Number(r.Conversion),
		Removal: []scorecard.RemovalEffect{}, Transitions: []scorecard.MarkovTransition{}}
	for _, k := range slices.Sorted(maps.Keys(r.Effects)) {
		m.Removal = append(m.Removal, scorecard.RemovalEffect{Key: k, Without: scorecard.Number(r.Without[k]), Effect: scorecard.Number(r.Effects[k])})
	}
	out := map[string]float64{} // the journeys that left each state
	for _, t := range ts {
		out[listID(t.From)] += t.Count
	}
	for _, t := range ts {
		mt := scorecard.MarkovTransition{From: orEmpty(t.From), To: orEmpty(t.To), Journeys: scorecard.Number(t.Count),
			Probability: scorecard.Number(t.Count / out[listID(t.From)])}
		if t.To == nil {
			mt.End = "null"
			if t.Converted {
				mt.End = "conversion"
			}
		}
		m.Transitions = append(m.Transitions, mt)
	}
	slices.SortFunc(m.Transitions, func(a, b scorecard.MarkovTransition) int {
		return cmp.Or(slices.Compare(a.From, b.From), cmp.Compare(a.End, b.End), slices.Compare(a.To, b.To))
	})
	return m
}

// listID identifies a list of keys, a state or a path: "" for the start
// of a chain.
func listID(keys []string) string {
	id := ""
	for _, k := range keys {
		id += "\x00" + k
	}
	return id
}

func orEmpty(keys []string) []string {
	if keys == nil {
		return []string{}
	}
	return keys
}
