package engine

import (
	"regexp"
	"slices"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// ratioOfNames matches a formula that divides one name by another.
var ratioOfNames = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*/\s*([A-Za-z_][A-Za-z0-9_]*)\s*$`)

// proportion says, for a KPI written a / b where a and b are integer KPIs
// of the same scorecard, that its value in a cell is a proportion of b
// trials: omni diff then takes a and b from the cell for a significance
// test. It is nil for every other KPI: their values carry no count of
// trials.
func (c *Compiled) proportion(p *Plan, k *KPI) *scorecard.Proportion {
	m := ratioOfNames.FindStringSubmatch(k.Def.Formula.Text)
	if m == nil {
		return nil
	}
	for _, name := range m[1:] {
		ref := c.kpis[name]
		if ref == nil || ref.Type != builtins.Int || !slices.Contains(p.KPIs, ref) {
			return nil
		}
	}
	return &scorecard.Proportion{Successes: m[1], Trials: m[2]}
}
