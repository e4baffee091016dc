package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/escape"
)

// writeCredits writes, into the set of outputs, the credits file of each
// attribution of the plan whose credit is per conversion,
// <scorecard>.<attribution>.credits.csv — names of identifiers, so inside
// the output folder — and says on w which attributions have none. It
// returns the names of the files written.
func writeCredits(ctx context.Context, w io.Writer, set *outdir.Set, c *engine.Compiled, p *engine.Plan) ([]string, error) {
	if p.Attribution == nil {
		return nil, nil
	}
	var names []string
	for _, a := range p.Attribution.Attributions {
		if !a.PerConversion() {
			fmt.Fprintf(w, "omni: attribution %s (%s) has no credit per conversion: no credits file. Only heuristic models of the touchpoints share each conversion among its touches.\n",
				escape.TerminalLine(a.Def.Name), escape.TerminalLine(a.Def.Model.Value))
			continue
		}
		name := p.Name + "." + a.Def.Name + ".credits.csv"
		if err := set.Write(name, func(out io.Writer) error { return c.WriteCredits(ctx, p, a, out) }); err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}
