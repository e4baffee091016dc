package engine

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// compileLiftObjective keeps an objective on an experiment's lift when its
// experiment and KPI compiled (what is wrong with them is reported at
// them), and checks its target against the KPI: points only for a rate
// (of customers, as the experiment compares it, or a KPI in percent), and
// a rate's absolute lift within a rate.
func (c *Compiled) compileLiftObjective(def *dsl.Objective, k *KPI) (*Objective, hcl.Diagnostics) {
	i := slices.IndexFunc(c.Experiments, func(e *Experiment) bool { return e.Def.Name == def.Experiment.Name })
	if i < 0 || !slices.Contains(c.Experiments[i].KPIs, k) {
		return nil, nil
	}
	e := c.Experiments[i]
	if def.Target.Kind == dsl.TargetPoints && !e.Rates[k] && k.Def.Format.Value != "percent" {
		return nil, errorDiag("Points target on a KPI that is not a rate", fmt.Sprintf(
			"Percentage points (%q) lift a rate, and experiment %q judges KPI %q by Welch's t on each customer's value, which is no rate of customers nor a KPI in percent. Write a relative lift (\"%s%%\") or a lift in the KPI's unit (a number).",
			def.Target.Text, e.Def.Name, k.Def.Name, strings.TrimSpace(strings.TrimSuffix(def.Target.Text, "pp"))), &def.Target.Range)
	}
	if e.Rates[k] && def.Target.Kind == dsl.TargetAbsolute && math.Abs(def.Target.Value) > 1 {
		return nil, errorDiag("Rate lift outside -1 to 1", fmt.Sprintf(
			"KPI %q is a rate of customers, from 0 to 1: a lift of %s is out of reach. Write \"+2pp\" or 0.02 for two points, or \"+5%%\" for a lift relative to the control.",
			k.Def.Name, def.Target.Text), &def.Target.Range)
	}
	return &Objective{Def: def, KPI: k, Rate: e.Rates[k], Experiment: e}, nil
}

// experimentRunner runs an experiment's query and judges its variants.
type experimentRunner func(context.Context, *Experiment) (scorecard.Experiment, error)

// experimentsOnce is a runner that runs each experiment once, for a
// scorecard whose lift objectives and experiments read the same results.
func (c *Compiled) experimentsOnce() experimentRunner {
	done := map[*Experiment]scorecard.Experiment{}
	return func(ctx context.Context, e *Experiment) (scorecard.Experiment, error) {
		if r, ok := done[e]; ok {
			return r, nil
		}
		r, err := c.runExperiment(ctx, e)
		if err == nil {
			done[e] = r
		}
		return r, err
	}
}
