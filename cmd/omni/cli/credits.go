package cli

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/escape"
)

// creditsFormats are the forms of the credits files, by --credits.
var creditsFormats = []string{"csv", "parquet"}

// checkCreditsFormat checks the form --credits asks for ("" for none) on
// an engine (nil for the default).
func checkCreditsFormat(form string, on dialect.Dialect) error {
	switch {
	case form == "parquet" && on != nil && on != dialect.DuckDB:
		return fmt.Errorf("--credits=parquet: on the %s engine the credits files are csv (--credits) only: the embedded DuckDB writes Parquet, and the server runs the queries", on.Name())
	case form == "" || slices.Contains(creditsFormats, form):
		return nil
	}
	return fmt.Errorf("--credits=%s: the credits files are csv (--credits) or parquet (--credits=parquet)", escape.TerminalLine(form))
}

// writeCredits writes, into the set of outputs, the credits file of each
// attribution of the plan whose credit is per conversion,
// <scorecard>.<attribution>.credits.<form> — names of identifiers, so
// inside the output folder — and says on w which attributions have none.
// It returns the names of the files written.
func writeCredits(ctx context.Context, w io.Writer, set *outdir.Set, c *engine.Compiled, p *engine.Plan, form string) ([]string, error) {
	if p.Attribution == nil {
		return nil, nil
	}
	write := c.WriteCredits
	if form == "parquet" {
		write = c.WriteCreditsParquet
	}
	var names []string
	for _, a := range p.Attribution.Attributions {
		if !a.PerConversion() {
			fmt.Fprintf(w, "omni: attribution %s (%s) has no credit per conversion: no credits file. Only heuristic models of the touchpoints share each conversion among its touches.\n",
				escape.TerminalLine(a.Def.Name), escape.TerminalLine(a.Def.Model.Value))
			continue
		}
		name := p.Name + "." + a.Def.Name + ".credits." + form
		if err := set.Write(name, func(out io.Writer) error { return write(ctx, p, a, out) }); err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}
