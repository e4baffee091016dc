package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/omni-metrics/omni/engine"
)

// writeAttributionPlan lists a scorecard's attributions: one more query per
// group of attributions that share their journeys.
func writeAttributionPlan(w io.Writer, p *engine.Plan) {
	if p.Attribution == nil {
		return
	}
	for _, g := range p.Attribution.Groups {
		var models []string
		for _, a := range g.Attributions {
			models = append(models, fmt.Sprintf("%s (%s)", a.Def.Name, a.Def.Model.Value))
		}
		fmt.Fprintf(w, "  attribution by %s, one more query: %s\n", g.Attributions[0].KeyName, strings.Join(models, ", "))
	}
}

// writeAttributionSQL prints the queries of a scorecard's attributions.
func writeAttributionSQL(w io.Writer, p *engine.Plan) {
	if p.Attribution == nil {
		return
	}
	for _, g := range p.Attribution.Groups {
		fmt.Fprintf(w, "\n%s", g.SQL)
	}
}
