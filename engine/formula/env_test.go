package formula

import (
	"fmt"
	"sort"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/dialect"
)

// testEnv is a small project's names: touchpoint columns, customer
// attributes, traits and KPIs, with the SQL a real engine would give them.
type testEnv struct {
	symbols  map[string]*Symbol
	measures []string
}

func newTestEnv(scope Scope) *testEnv {
	e := &testEnv{symbols: map[string]*Symbol{}}
	add := func(name string, l Level, t builtins.Type, sql, what string) {
		e.symbols[name] = &Symbol{Name: name, Level: l, Type: t, SQL: sql, What: what}
	}
	add("customer", RowLevel, builtins.String, `"__customer"`, "column")
	add("time", RowLevel, builtins.Time, `"__time"`, "column")
	add("channel", RowLevel, builtins.String, `"__channel"`, "column")
	add("event", RowLevel, builtins.String, `"event"`, "column")
	add("revenue", RowLevel, builtins.Float, `"revenue"`, "column")
	add("units", RowLevel, builtins.Int, `"units"`, "column")
	add("tags", RowLevel, builtins.StringList, `"tags"`, "column")
	add("online", RowLevel, builtins.Bool, `"__online"`, "column")
	add("specialty", CustomerLevel, builtins.String, `"specialty"`, "customer attribute")
	add("age", CustomerLevel, builtins.Int, `"age"`, "customer attribute")
	add("channels_used", TraitLevel, builtins.Int, `"channels_used"`, "trait")
	if scope == TraitScope {
		e.symbols["channels_used"].SQL = `count(DISTINCT "__channel")`
	}
	for _, name := range []string{"time", "channel", "online"} {
		e.symbols[name].InSpend = true // the spend rows have them too
	}
	add("reach", CellLevel, builtins.Int, `m1`, "KPI")
	e.symbols["reach"].Grains = Grains(0).Add(Touchpoints)
	// A KPI named like a column, and the qualified name of each KPI.
	e.symbols["kpi.revenue"] = &Symbol{Name: "revenue", Level: CellLevel, Type: builtins.Float, SQL: `m9`, What: "KPI", Grains: Grains(0).Add(Touchpoints)}
	e.symbols["kpi.reach"] = e.symbols["reach"]
	return e
}

func (e *testEnv) Lookup(name string) (*Symbol, error) {
	switch name {
	case "loop":
		return nil, fmt.Errorf("KPI %q refers to itself through %q", name, "other")
	case "kpi.units": // a KPI named like a column, whose formula uses it bare
		return nil, fmt.Errorf("%q depends on itself: units → units. Break the cycle.", "units")
	}
	return e.symbols[name], nil
}

func (e *testEnv) Names() []string {
	var names []string
	for n := range e.symbols {
		if strings.HasPrefix(n, KPIQualifier) {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (e *testEnv) Measure(g Grain, sql, _ string) string {
	e.measures = append(e.measures, fmt.Sprintf("%d:%s", g, sql))
	return fmt.Sprintf("m%d", len(e.measures)+1)
}

func (e *testEnv) Time() string   { return `"__time"` }
func (e *testEnv) Amount() string { return `"__amount"` }

func (e *testEnv) Dialect() dialect.Dialect { return dialect.DuckDB }

func (e *testEnv) Has(Grain) bool { return true }

func (e *testEnv) Window(fn *builtins.Builtin, args []string) string {
	return fmt.Sprintf("%s_window(%s)", fn.Name, strings.Join(args, ", "))
}

// wantOf is what a formula of each scope evaluates to in omni's blocks:
// conditions for campaign and segment filters, values for traits, numbers
// for KPIs.
func wantOf(s Scope) Want {
	switch s {
	case RowScope, CustomerScope:
		return Condition
	case TraitScope:
		return Value
	}
	return Number
}
