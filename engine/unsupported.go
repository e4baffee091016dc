package engine

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/engine/dialect"
)

// leaveUnsupportedOut leaves out, on an engine other than DuckDB, the
// definitions whose queries only DuckDB runs yet: loyalty ladders and
// attributions. Each is a warning at its name,
// so that the KPIs still run and nothing is silently missing. A trait that
// looks back over the customer's history is an error: the KPIs need it.
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
	for _, a := range c.Attributions {
		refuse("Attribution", a.Def.Name, a.Def.DeclRange)
	}
	c.Attributions = nil
	for _, t := range c.Traits {
		if t.looksBack {
			diags = append(diags, errorDiag(
				fmt.Sprintf("Looking back not supported on the %s engine yet", engine.Name()),
				fmt.Sprintf("Trait %q looks back over the customer's history (a history block, or an as-of function such as days_since_last): run the project with --engine duckdb (the default).", t.Def.Name),
				&t.Def.DeclRange)...)
		}
	}
	return diags
}
