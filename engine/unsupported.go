package engine

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/engine/dialect"
)

// leaveUnsupportedOut refuses, on an engine other than DuckDB, what only
// DuckDB runs yet: a trait that looks back over the customer's history is
// an error, since the KPIs need it.
func (c *Compiled) leaveUnsupportedOut() hcl.Diagnostics {
	engine := c.Session.Dialect
	if engine == dialect.DuckDB {
		return nil
	}
	var diags hcl.Diagnostics
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
