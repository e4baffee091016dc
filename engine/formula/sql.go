package formula

import (
	"strconv"
	"strings"
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

// QuoteIdent quotes a SQL identifier.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// stringLiteral quotes a SQL string literal.
func stringLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// floatLiteral writes a float so that DuckDB reads it as a DOUBLE.
func floatLiteral(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}
