package cli

import (
	"fmt"
	"io"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// writeNullRules warns, at the rule, of each ladder rule that was null for
// customers it was tried for: it did not hold for them, and the rules
// after it placed them. A ladder reported by several scorecards warns once.
func writeNullRules(w io.Writer, cards []*scorecard.Scorecard, p *dsl.Project) {
	defs := map[string]*dsl.Loyalty{}
	for _, l := range p.Ladders {
		defs[l.Name] = l
	}
	seen := map[string]bool{}
	for _, sc := range cards {
		for _, l := range sc.Loyalty {
			def := defs[l.Name]
			if seen[l.Name] || def == nil {
				continue
			}
			seen[l.Name] = true
			for _, n := range l.NullRules {
				warnNullRule(w, def, n)
			}
		}
	}
}

func warnNullRule(w io.Writer, def *dsl.Loyalty, n scorecard.NullRule) {
	tried := def.Tried()
	for k, i := range tried {
		s := def.Stages[i]
		if s.Name != n.Stage {
			continue
		}
		then := "the rules tried after it place them, else stage " + def.Stages[def.CatchAll()].Name
		if k == len(tried)-1 {
			then = "they are in stage " + def.Stages[def.CatchAll()].Name
		}
		at := s.When.Range
		fmt.Fprintf(w, "%s:%d:%d: warning: the rule of stage %s of ladder %s is null for %s where it is tried: it does not hold, and %s, which takes the customers no rule holds for. Say what a missing value means in the rule, with ?? or a test of it.\n",
			at.Filename, at.Start.Line, at.Start.Column, n.Stage, def.Name, scorecard.Plural(int(n.CustomerPeriods), "customer-period"), then)
	}
}
