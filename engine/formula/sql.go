package formula

import (
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/engine/dialect"
)

// precedence orders SQL operators from loosest to tightest, as DuckDB
// (following PostgreSQL) parses them; the generator adds parentheses
// exactly where an operand binds more loosely than its operator.
type precedence uint8

const (
	precOr precedence = iota + 1
	precAnd
	precNot
	precIs      // IS [NOT] NULL, IS [NOT] DISTINCT FROM
	precCompare // = <> < > <= >=
	precIn      // IN
	precOther   // || and named operators
	precAdd     // + -
	precMul     // * / %
	precUnary   // unary minus
	precAtom    // literals, names, calls, CASE
)

// paren writes an operand, in parentheses if it binds more loosely than min.
func paren(v value, min precedence) string {
	if v.prec < min {
		return "(" + v.sql + ")"
	}
	return v.sql
}

// QuoteIdent quotes a SQL identifier (see dialect.QuoteIdent).
func QuoteIdent(name string) string { return dialect.QuoteIdent(name) }

// stringLiteral quotes a SQL string literal. A NUL character, which no SQL
// string literal can hold, is spliced in with chr(0).
func stringLiteral(s string) string {
	parts := strings.Split(s, "\x00")
	for i, p := range parts {
		parts[i] = "'" + strings.ReplaceAll(p, "'", "''") + "'"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " || chr(0) || ") + ")"
}

// floatLiteral writes a float so that the engine reads it as a double, as
// expr does, rather than as an exact DECIMAL (where 0.1 + 0.2 == 0.3).
func floatLiteral(f float64, d dialect.Dialect) string {
	return strconv.FormatFloat(f, 'g', -1, 64) + "::" + d.Double()
}

// Classification writes ordered classification rules as one CASE: the value
// of the first condition that holds, else the default. Values are text.
func Classification(conditions, values []string, otherwise string) string {
	var b strings.Builder
	b.WriteString("CASE")
	for i, cond := range conditions {
		b.WriteString("\n    WHEN " + cond + " THEN " + stringLiteral(values[i]))
	}
	b.WriteString("\n    ELSE " + stringLiteral(otherwise) + "\nEND")
	return b.String()
}
