package loyalty

import (
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// NullRules counts, for each rule of the ladder, the customers × periods
// whose stage it was tried for and for whom it was null: it did not hold,
// and the rules tried after it (or the catch-all) placed them. A rule is
// tried for a customer whose stage comes later in the order the rules are
// tried; the rows of everybody (without a breakdown) count each customer
// once. The rules never null for a tried customer are left out.
func NullRules(def *dsl.Loyalty, rows []Row) []scorecard.NullRule {
	tried := def.Tried()
	position := make([]int, len(def.Stages)) // in the order tried; the catch-all last
	for i := range position {
		position[i] = len(tried)
	}
	for k, i := range tried {
		position[i] = k
	}
	counts := make([]int64, len(tried))
	for _, r := range rows {
		if r.By.Valid {
			continue
		}
		for k, n := range r.Nulls {
			if position[r.Stage] > k {
				counts[k] += n
			}
		}
	}
	var out []scorecard.NullRule
	for k, i := range tried {
		if counts[k] > 0 {
			s := def.Stages[i]
			out = append(out, scorecard.NullRule{Stage: s.Name, Rule: s.When.Text, CustomerPeriods: counts[k]})
		}
	}
	return out
}
