package engine

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/engine/dialect"
)

// leaveUnsupportedOut leaves out, on an engine other than DuckDB, the
// definitions whose queries only DuckDB runs yet: objectives, loyalty
// ladders, attributions and experiments. Each is a warning at its name,
// so that the KPIs still run and nothing is silently missing.
func (c *Compiled) leaveUnsupportedOut() hcl.Diagnostics {
	engine := c.Session.Dialect
	if engine == dialect.DuckDB {
		return nil
	}
	var diags hcl.Diagnostics
	refuse := func(kind, name string, at hcl.Range) {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  fmt.Sprintf("%s not supported on the %s engine yet", kind, engine.Name()),
			Detail:   fmt.Sprintf("%s %q is left out of the scorecards: run it with --engine duckdb (the default), which reads the same sources.", kind, name),
			Subject:  &at,
		})
	}
	for _, o := range c.Objectives {
		refuse("Objective", o.Def.Name, o.Def.DeclRange)
	}
	for _, l := range c.Ladders {
		refuse("Loyalty ladder", l.Def.Name, l.Def.DeclRange)
	}
	for _, a := range c.Attributions {
		refuse("Attribution", a.Def.Name, a.Def.DeclRange)
	}
	for _, e := range c.Experiments {
		refuse("Experiment", e.Def.Name, e.Def.DeclRange)
	}
	c.Objectives, c.Ladders, c.Attributions, c.Experiments = nil, nil, nil, nil
	return diags
}
