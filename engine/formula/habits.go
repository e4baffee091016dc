package formula

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"
)

// sqlHabit is a piece of SQL written where a formula has syntax of its own,
// with what to write instead.
type sqlHabit struct {
	at              file.Location
	summary, detail string
}

// sqlHabits finds the SQL habits of a formula that expr could not parse or
// check: each pattern below is one no valid formula holds but for in (…),
// which parses and then fails the type check.
func sqlHabits(text []rune, tokens []lexer.Token) []sqlHabit {
	var found []sqlHabit
	for i := 0; i < len(tokens); i++ {
		h, last := habitAt(text, tokens, i)
		if h != nil {
			found = append(found, *h)
			i = last
		}
	}
	return found
}

// habitAt is the habit that starts at token i, if any, and the index of its
// last token.
func habitAt(text []rune, tokens []lexer.Token, i int) (*sqlHabit, int) {
	t, next := tokens[i], token(tokens, i+1)
	word := strings.ToLower(t.Value)
	afterOperand := i > 0 && endsOperand(tokens[i-1])
	switch {
	case t.Is(lexer.Operator, "="):
		return habit(t.Location, "SQL comparison", "A formula compares with ==, not =: write == here, as in channel == 'email'."), i
	case t.Is(lexer.Operator, "<") && next.Is(lexer.Operator, ">") && next.From == t.To:
		return habit(span(t, next), "SQL comparison", "A formula writes \"not equal\" as !=, not <>: write != here."), i + 1
	case word == "in" && afterOperand && next.Is(lexer.Bracket, "("):
		return inList(text, tokens, i)
	case t.Kind != lexer.Identifier:
	case (word == "and" || word == "or") && afterOperand:
		return habit(t.Location, "SQL operator", fmt.Sprintf("Operators are lower case in a formula: write %s (or %s) instead of %s.", word, map[string]string{"and": "&&", "or": "||"}[word], t.Value)), i
	case word == "is" && afterOperand:
		return nullTest(tokens, i)
	case word == "not":
		return habit(t.Location, "SQL operator", fmt.Sprintf("Operators are lower case in a formula: write not (or !) instead of %s.", t.Value)), i
	case word == "like" && afterOperand:
		return habit(t.Location, "SQL LIKE", "A formula matches text with startsWith, endsWith, contains, or matches and a regular expression: write channel startsWith 'web' for channel LIKE 'web%'."), i
	case word == "case" && next.Kind == lexer.Identifier && strings.EqualFold(next.Value, "when"):
		return habit(span(t, next), "SQL CASE", "A formula chooses between two values with condition ? a : b, as in online ? 'web' : 'field'; nest it for more cases."), i + 1
	case word == "count" && next.Is(lexer.Bracket, "("):
		return countArgument(text, tokens, i)
	}
	return nil, i
}

// nullTest is the habit x IS [NOT] NULL at token i, if it is one.
func nullTest(tokens []lexer.Token, i int) (*sqlHabit, int) {
	last, op := i+1, "=="
	if strings.EqualFold(token(tokens, last).Value, "not") {
		last, op = last+1, "!="
	}
	end := token(tokens, last)
	if end.Kind != lexer.Identifier || !strings.EqualFold(end.Value, "null") {
		return nil, i
	}
	written := fmt.Sprintf("%s %s", tokens[i].Value, end.Value)
	if op == "!=" {
		written = fmt.Sprintf("%s %s %s", tokens[i].Value, tokens[i+1].Value, end.Value)
	}
	return habit(span(tokens[i], end), "SQL "+strings.ToUpper(written), fmt.Sprintf("A formula tests a missing value with %s nil: write %s nil instead of %s.", op, op, written)), last
}

// inList is the habit x IN (a, b) at token i: a list in parentheses.
func inList(text []rune, tokens []lexer.Token, i int) (*sqlHabit, int) {
	closing := matching(tokens, i+1)
	if closing < 0 {
		return nil, i
	}
	items := string(text[tokens[i+1].To:tokens[closing].From])
	return habit(span(tokens[i], tokens[closing]), "SQL list", fmt.Sprintf("A formula writes a list in square brackets: write in [%s].", items)), closing
}

// countArgument is the habit COUNT(DISTINCT x) or count(*) at token i.
func countArgument(text []rune, tokens []lexer.Token, i int) (*sqlHabit, int) {
	arg := token(tokens, i+2)
	closing := matching(tokens, i+1)
	switch {
	case closing < 0:
	case arg.Kind == lexer.Identifier && strings.EqualFold(arg.Value, "distinct"):
		values := strings.TrimSpace(string(text[arg.To:tokens[closing].From]))
		return habit(span(tokens[i], tokens[closing]), "SQL COUNT(DISTINCT …)", fmt.Sprintf("A formula counts distinct values with count_distinct: write count_distinct(%s).", values)), closing
	case arg.Is(lexer.Operator, "*") && closing == i+3:
		return habit(arg.Location, "SQL count(*)", "A formula counts rows with count() and no argument: write count(), or count(condition) for the rows that meet it."), closing
	}
	return nil, i
}

// matching is the index of the bracket that closes the one at open, or -1.
func matching(tokens []lexer.Token, open int) int {
	depth := 0
	for j := open; j < len(tokens); j++ {
		switch {
		case tokens[j].Is(lexer.Bracket, "("):
			depth++
		case tokens[j].Is(lexer.Bracket, ")"):
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// endsOperand reports whether a token can end an operand, so that a word
// after it stands where an operator must.
func endsOperand(t lexer.Token) bool {
	switch t.Kind {
	case lexer.Identifier, lexer.Number, lexer.String:
		return true
	}
	return t.Is(lexer.Bracket, ")") || t.Is(lexer.Bracket, "]")
}

func token(tokens []lexer.Token, i int) lexer.Token {
	if i < len(tokens) {
		return tokens[i]
	}
	return lexer.Token{Kind: lexer.EOF}
}

func span(from, to lexer.Token) file.Location {
	return file.Location{From: from.From, To: to.To}
}

func habit(at file.Location, summary, detail string) *sqlHabit {
	return &sqlHabit{at: at, summary: summary, detail: detail}
}
