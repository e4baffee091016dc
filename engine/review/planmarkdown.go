package review

import (
	"fmt"
	"io"
	"strings"
)

// WritePlanMarkdown writes a plan as a pull request comment: a heading,
// then what it is against and the plan as WritePlan writes it, in a code
// block, then the summary line last. Text from the definitions and the
// command line stays inside the block, whose fence is longer than any run
// of backticks in it: no definition can end it or put markup, links or
// HTML into the comment.
func WritePlanMarkdown(w io.Writer, p *Plan, against string, partial bool) error {
	var text strings.Builder
	if err := WriteChanges(&text, p, against, partial, nil); err != nil {
		return err
	}
	fence := strings.Repeat("`", max(3, longestRun(text.String(), '`')+1))
	_, err := fmt.Fprintf(w, "### omni plan\n\n%s\n%s%s\n\n%s\n", fence, text.String(), fence, p.Summary())
	return err
}

// WriteChanges writes what a plan is against, then the plan, its signs
// passed through mark as WritePlan does. A partial record (a scorecard's)
// compares only some definitions, which it says.
func WriteChanges(w io.Writer, p *Plan, against string, partial bool, mark func(sign string) string) error {
	head := fmt.Sprintf("Changes against %s\n", against)
	if partial {
		head += "  (a scorecard records its KPIs, campaigns, segments and cohorts: other definitions, and additions, are not compared)\n"
	}
	if _, err := io.WriteString(w, head+"\n"); err != nil {
		return err
	}
	return WritePlan(w, p, mark)
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}
