package formula

// TestCompileInCells specifies trait-scope formulas compiled for a CellEnv,
// as a loyalty ladder's rules are: each aggregate becomes the value the env
// names, customer attributes are read as they are, and history aggregates
// are allowed.

import (
	"fmt"
	"slices"
	"testing"

	"github.com/omni-metrics/omni/builtins"
)

// cellEnv is testEnv with the aggregates registered as a ladder does, or
// as the traits of a scorecard do; with history, as a trait over the
// customer's history does, which refuses the aggregates that do not roll up.
type cellEnv struct {
	*testEnv
	aggregates []string // "<function>:<sql>"
	history    bool
}

func (e *cellEnv) Aggregate(fn *builtins.Builtin, sql string) (string, error) {
	if e.history && fn.Rollup == "" {
		return "", fmt.Errorf("%s(…) does not add up over a history", fn.Name)
	}
	e.aggregates = append(e.aggregates, fn.Name+":"+sql)
	return fmt.Sprintf("a%d", len(e.aggregates)), nil
}

var cellCases = []struct {
	text, sql  string
	typ        builtins.Type
	aggregates []string
}{
	{`count(event == 'visit') >= 1 && specialty == 'GP'`, `a1 >= 1 AND "specialty" IS NOT DISTINCT FROM 'GP'`, builtins.Bool,
		[]string{`count:count(CASE WHEN "event" IS NOT DISTINCT FROM 'visit' THEN 1 END)`}},
	{`age < 40`, `"age" < 40`, builtins.Bool, nil},
	{`sum(revenue, age > 30) ?? 0`, `coalesce(a1, 0)`, builtins.Float, []string{`sum:sum(CASE WHEN "age" > 30 THEN "revenue" END)`}},
	{`days_since_last(event == 'purchase') <= 365`, `a1 <= 365`, builtins.Bool,
		[]string{`days_since_last:max(CASE WHEN "event" IS NOT DISTINCT FROM 'purchase' THEN "__time" END)`}},
	{`days_since_first() > 30 && count() == 0`, `a1 > 30 AND a2 IS NOT DISTINCT FROM 0`, builtins.Bool,
		[]string{`days_since_first:min("__time")`, `count:count(*)`}},
}

func TestCompileInCells(t *testing.T) {
	for _, tc := range cellCases {
		t.Run(tc.text, func(t *testing.T) {
			env := &cellEnv{testEnv: newTestEnv(TraitScope)}
			got, diags := Compile(testFormula(tc.text), TraitScope, Value, env)
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics %v", diags)
			}
			if got.SQL != tc.sql || got.Type != tc.typ {
				t.Errorf("got %s (%v), want %s (%v)", got.SQL, got.Type, tc.sql, tc.typ)
			}
			if !slices.Equal(env.aggregates, tc.aggregates) {
				t.Errorf("aggregates\n got: %q\nwant: %q", env.aggregates, tc.aggregates)
			}
		})
	}
}

// The env's refusal of an aggregate is an error at the call.
func TestCompileInCellsRefused(t *testing.T) {
	env := &cellEnv{testEnv: newTestEnv(TraitScope), history: true}
	got, diags := Compile(testFormula(`count() + median(revenue)`), TraitScope, Value, env)
	if got != nil || len(diags) != 1 || diags[0].Summary != "Aggregate without history" ||
		diags[0].Detail != "median(…) does not add up over a history" || diags[0].Subject.Start.Column != 11 {
		t.Fatalf("got %v, %v; want the Aggregate without history error alone, at median", got, diags)
	}
}

// historyEnv is testEnv writing the aggregates that look back as a trait's
// normal form does.
type historyEnv struct{ *testEnv }

func (e historyEnv) History(fn *builtins.Builtin, sql string) (string, error) {
	if fn.Kind == builtins.HistoryAggregate {
		return "history(" + sql + ")", nil
	}
	return sql, nil
}

// In one step, a HistoryEnv writes an as-of function, which a trait may
// then use; the other aggregates and the attributes read as in any trait.
func TestCompileWithHistory(t *testing.T) {
	got, diags := Compile(testFormula(`days_since_last() > 30 && count() >= 1 && age < 40`), TraitScope, Value, historyEnv{newTestEnv(TraitScope)})
	want := `history(max("__time")) > 30 AND count(*) >= 1 AND any_value("age") < 40`
	if len(diags) > 0 || got.SQL != want {
		t.Fatalf("got %v, %v; want %s", got, diags, want)
	}
}
