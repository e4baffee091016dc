package formula

import (
	"strings"
	"testing"
)

// Formulas past the limits are one diagnostic each, found before expr
// parses them: a million nested parentheses used to overflow Go's stack.
func TestLimits(t *testing.T) {
	nested := func(depth int) string {
		return strings.Repeat("(", depth) + "units" + strings.Repeat(")", depth) + " > 1"
	}
	for _, tc := range []struct{ name, text, want string }{
		{"100 nested", nested(MaxNesting), ""},
		{"101 nested", nested(MaxNesting + 1), "1,101-102: Formula nested too deep; Brackets here nest 101 deep; a formula may nest 100 at most. Split it: define traits or KPIs for its parts and refer to them."},
		{"a million nested", nested(1_000_000), "1,1-2000010: Formula too long; This formula has 2000009 characters; a formula may have 10000 at most. Split it: define traits or KPIs for its parts and refer to them."},
		{"nested lists", "event in " + strings.Repeat("[", 101) + strings.Repeat("]", 101), "1,110-111: Formula nested too deep; Brackets here nest 101 deep; a formula may nest 100 at most. Split it: define traits or KPIs for its parts and refer to them."},
		{"10,000 characters", "units > 1" + strings.Repeat(" ", MaxLength-len("units > 1")), ""},
		{"10,001 characters", strings.Repeat(" ", MaxLength) + "1", "1,1-10002: Formula too long; This formula has 10001 characters; a formula may have 10000 at most. Split it: define traits or KPIs for its parts and refer to them."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Compile(testFormula(tc.text), RowScope, Condition, newTestEnv(RowScope))
			if got := render(diags); got != tc.want {
				t.Errorf("\n got: %.300s\nwant: %.300s", got, tc.want)
			}
		})
	}
}
