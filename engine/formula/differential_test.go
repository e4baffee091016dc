package formula

// TestRowSemanticsMatchExpr specifies that a compiled row condition means
// what the formula means in expr: on each row of facts (with NULLs for nil),
// DuckDB's truth value must be expr's — operator precedence, nil equality,
// in, ??, string operators. A row where expr fails at run time (nil < 1) is
// skipped, and SQL's NULL counts as false, since WHERE drops it.
// TestFloatLiteralsAreDouble specifies that float literals are DOUBLEs.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/expr-lang/expr"
)

var rowFormulas = []string{
	// Equality and nil.
	`event == 'visit'`, `event != 'visit'`, `event == nil`, `nil != event`, `event == event`,
	`(event == nil) == (units == nil)`, `event == 'O\'Brien'`, "event == `a\\b`", `event == ''`,
	// Boolean operators and their precedence.
	`revenue > 5 && units < 3`, `revenue > 5 || units < 3`, `!(revenue > 5)`, `not (units >= 2)`,
	`online || revenue > 5 && units > 2`, `(online || revenue > 5) && units > 2`,
	`online and event == 'visit' or units == 10`, `!online == false`, `!(online == false)`,
	`(revenue > 5) == (units > 2)`, `(revenue > 5) != online`, `units > 2 == online`, `1 < units < 5`,
	// Arithmetic and its precedence.
	`revenue - units - 1 > 0`, `revenue - (units - 1) > 0`, `units * (2 + units) > 10`,
	`units * 2 + units > 10`, `-units < -2`, `- -units > 2`, `-units ** 2 < -4`,
	`units % 3 == 1`, `units / 2 > 1`, `revenue / units > 2`, `revenue / (units - 2) > 1`,
	`units ** 2 > 4`, `2 ^ units > 4`, `2 ** 3 ** 2 == 512`, `revenue == 0.1 + 0.2`,
	`revenue * 2.0 == 21`, `units / 4 == 0.5`,
	// Strings.
	`event + '!' == 'visit!'`, `'x' + event in ['xvisit', 'x']`, `event < 'm'`,
	`event contains 'is'`, `event startsWith 'vi'`, `event endsWith 't'`, `event matches '^[a-z]+$'`,
	`event not contains 'i'`, `not (event startsWith 'v')`, `!(event endsWith 't')`, `not (event matches '^v')`,
	`lower(event) == 'visit'`, `upper(event) == 'VISIT'`, `(event ?? 'x') contains 'x'`,
	// Membership.
	`event in ['visit', 'email']`, `event not in ['visit']`, `event in ['visit', nil]`,
	`units in [1, 2, 3]`, `units in [1.0, 5]`, `event in tags`, `'a' in tags`, `'a' not in tags`,
	`('a' in tags) == false`, `event not in tags`,
	// Nil-coalescing and conditionals.
	`(event ?? 'none') == 'none'`, `(revenue ?? 0) + (units ?? 0) > 5`, `(units ?? revenue ?? 1) > 1`,
	`online ? revenue > 5 : units > 2`, `event == nil ? units > 0 : revenue > 0`,
	`(online ? units : revenue) > 2`, `(units > 2 ? 'big' : 'small') == 'big'`,
	// Scalar functions that expr also has.
	`abs(revenue) > 2`, `floor(revenue) == 10`, `ceil(revenue) == 11`, `round(revenue) == 11`, `abs(units) == 3`,
}

// differences are formulas whose SQL differs from expr on purpose, as the
// README documents.
var differences = map[string]string{
	`revenue / (units - 2) > 1`: "a division by zero is null in omni, never an infinity",
}

func TestRowSemanticsMatchExpr(t *testing.T) {
	for _, text := range rowFormulas {
		t.Run(text, func(t *testing.T) {
			c, diags := Compile(testFormula(text), RowScope, Condition, newTestEnv(RowScope))
			if diags.HasErrors() {
				t.Fatalf("Compile: %v", diags)
			}
			inSQL, err := sqlTruth(t, c.SQL)
			if err != nil {
				mismatch(t, text, fmt.Sprintf("DuckDB rejects %s: %v", c.SQL, err))
				return
			}
			program, err := expr.Compile(text, expr.Env(exprRow{}))
			if err != nil {
				t.Fatalf("expr.Compile: %v", err)
			}
			var diffs []string
			compared := 0
			for i, f := range facts {
				out, err := expr.Run(program, f.exprEnv())
				if err != nil {
					continue // expr has no value here: nil < 1
				}
				compared++
				if inExpr := out == true; inExpr != inSQL[i] {
					diffs = append(diffs, fmt.Sprintf("row %d %+v: expr %v, SQL %v", i, f.exprEnv(), inExpr, inSQL[i]))
				}
			}
			if compared == 0 {
				t.Fatalf("expr fails on every row: the formula tests nothing")
			}
			if len(diffs) > 0 {
				mismatch(t, text, "SQL "+c.SQL+"\n"+strings.Join(diffs, "\n"))
			} else if why := differences[text]; why != "" {
				t.Errorf("documented difference %q is gone: remove it from differences", why)
			}
		})
	}
}

// mismatch fails the test, or skips it when the difference is documented.
func mismatch(t *testing.T, text, details string) {
	t.Helper()
	if why := differences[text]; why != "" {
		t.Skipf("documented difference: %s\n%s", why, details)
	}
	t.Errorf("%s", details)
}

// sqlTruth evaluates a condition on each row of facts, NULL counting as false.
func sqlTruth(t *testing.T, cond string) ([]bool, error) {
	rows, err := testDB(t).Query("SELECT coalesce((" + cond + "), FALSE) FROM facts ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []bool
	for rows.Next() {
		var b bool
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// TestFloatLiteralsAreDouble: a float literal is a DOUBLE in DuckDB, as it
// is a float64 in expr, so that arithmetic on literals rounds the same way.
func TestFloatLiteralsAreDouble(t *testing.T) {
	var wrong []string
	for _, text := range []string{`2.0`, `2.5`, `0.1 + 0.2`, `1e10`, `100000.0`} {
		c, diags := Compile(testFormula(text), KPIScope, Number, newTestEnv(KPIScope))
		if diags.HasErrors() {
			t.Fatalf("Compile(%q): %v", text, diags)
		}
		var typ string
		if err := testDB(t).QueryRow("SELECT typeof(" + c.SQL + ")").Scan(&typ); err != nil {
			t.Fatal(err)
		}
		if typ != "DOUBLE" {
			wrong = append(wrong, fmt.Sprintf("%s compiles to %s, a %s in DuckDB", text, c.SQL, typ))
		}
	}
	if len(wrong) > 0 {
		t.Errorf("want DOUBLEs:\n%s", strings.Join(wrong, "\n"))
	}
}
