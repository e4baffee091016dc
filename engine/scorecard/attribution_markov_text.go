package scorecard

import (
	"fmt"
	"strings"
)

// maxTransitionRows bounds the transitions a person reads: a chain of a
// high order has thousands; the JSON lists them all.
const maxTransitionRows = 40

// markovTables lay out a markov model's chain for a person: each key's
// removal effect, then the transitions, states named as ChannelAttribution
// names them: (start), (conversion), (null), keys joined by " > ".
func markovTables(a Attribution) []Table {
	m := a.Markov
	removal := Table{Title: fmt.Sprintf("%s: removal effects (Markov chain of order %d)", a.Name, m.Order),
		Header: []string{a.Key, "P(conversion) without", "removal effect"},
		Note:   "P(conversion) from the start: " + FormatValue(m.Conversion, "percent", "") + "; each key's credit is in proportion to its removal effect, 1 − without / P(conversion)"}
	for _, r := range m.Removal {
		removal.Rows = append(removal.Rows, []string{r.Key, FormatValue(r.Without, "percent", ""), FormatValue(r.Effect, "percent", "")})
	}
	transitions := Table{Title: a.Name + ": transitions", Header: []string{"from", "to", "journeys", "probability"}}
	for _, t := range m.Transitions[:min(maxTransitionRows, len(m.Transitions))] {
		to := "(" + t.End + ")"
		if t.End == "" {
			to = stateName(t.To)
		}
		transitions.Rows = append(transitions.Rows, []string{stateName(t.From), to, FormatValue(t.Journeys, "number", ""), FormatValue(t.Probability, "percent", "")})
	}
	if more := len(m.Transitions) - maxTransitionRows; more > 0 {
		transitions.Note = fmt.Sprintf("and %s more: the JSON scorecard lists them all", Plural(more, "transition"))
	}
	return []Table{removal, transitions}
}

// stateName names a state of a chain: (start), or its keys.
func stateName(keys []string) string {
	if len(keys) == 0 {
		return "(start)"
	}
	return strings.Join(keys, " > ")
}
