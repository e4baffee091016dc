package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine/period"
	"github.com/omni-metrics/omni/engine/review"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func diffCommand(_ context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	campaigns := flags.Bool("campaigns", false, "compare two campaigns of one scorecard: omni diff --campaigns Q2 Q3 [SCORECARD.json]")
	previous := flags.String("previous", "", "compare a period of one scorecard with the period before: omni diff --previous 2026-07 [SCORECARD.json]")
	yearAgo := flags.String("year-ago", "", "compare a period of one scorecard with the same period a year before: omni diff --year-ago 2026-07 [SCORECARD.json]")
	markdown := flags.Bool("markdown", false, "write Markdown tables, for a pull request comment")
	all := flags.Bool("all", false, "show unchanged values too")
	periods := flags.Bool("periods", false, "show the values per period too, not only over the whole window")
	asJSON := flags.Bool("json", false, "write the comparison as JSON: the rows shown, unformatted, and the counts")
	threshold := flags.String("threshold", "", fmt.Sprintf("exit %d when a value changes by more than this: relative (5%%) or absolute (0.02)", exitBeyondThreshold))
	return func(args []string) int {
		show := review.Show{All: *all, Periods: *periods, Markdown: *markdown}
		if *threshold != "" {
			th, err := review.ParseThreshold(*threshold)
			if err != nil {
				fmt.Fprintf(e.stderr, "omni diff: %s\n", errorText(err))
				return exitUsage
			}
			show.Threshold = th
		}
		var c *review.Comparison
		code := exitOK
		switch {
		case *previous != "" || *yearAgo != "":
			c, code = periodComparison(e, args, *previous, *yearAgo)
		default:
			c, code = comparison(e, args, *campaigns)
		}
		if c == nil {
			return code
		}
		write := review.WriteComparison
		if *asJSON {
			write = review.WriteComparisonJSON
		}
		if err := write(e.stdout, c, show); err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
			return exitError
		}
		if c.Count(show).Beyond > 0 {
			return exitBeyondThreshold
		}
		return exitOK
	}
}

// comparison reads the scorecards the arguments name and compares them.
func comparison(e *env, args []string, campaigns bool) (*review.Comparison, int) {
	if campaigns {
		if len(args) < 2 || len(args) > 3 {
			fmt.Fprintln(e.stderr, "omni diff --campaigns: expected two campaigns and a scorecard: omni diff --campaigns q2_launch q3_launch out/default.json")
			return nil, exitUsage
		}
		sc, path, code := scorecardArgument(e, args[2:])
		if sc == nil {
			return nil, code
		}
		for _, name := range args[:2] {
			if !slices.ContainsFunc(sc.Scopes, func(s scorecard.Scope) bool { return s.Campaign == name }) {
				fmt.Fprintf(e.stderr, "omni: scorecard %s has no campaign %q\n", path, name)
				return nil, exitError
			}
		}
		c := review.CompareCampaigns(sc, args[0], args[1])
		c.Before, c.After = "campaign "+args[0], "campaign "+args[1]
		return c, exitOK
	}
	if len(args) != 2 {
		fmt.Fprintf(e.stderr, "omni diff: expected two scorecards, got %s: omni diff before.json after.json\n", scorecard.Plural(len(args), "argument"))
		return nil, exitUsage
	}
	var cards [2]*scorecard.Scorecard
	for i, path := range args {
		sc, err := readScorecardFile(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
			return nil, exitError
		}
		cards[i] = sc
	}
	c := review.CompareScorecards(cards[0], cards[1])
	c.Before, c.After = args[0], args[1]
	return c, exitOK
}

// scorecardArgument reads the scorecard that args names, out/default.json
// when they name none.
func scorecardArgument(e *env, args []string) (*scorecard.Scorecard, string, int) {
	path := filepath.Join("out", "default.json")
	if len(args) == 1 {
		path = args[0]
	}
	sc, err := readScorecardFile(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
		return nil, path, exitError
	}
	return sc, path, exitOK
}

// periodComparison compares a period of one scorecard's whole data with the
// period before it (--previous) or the same period a year before
// (--year-ago): month over month, or year over year, at the scorecard's
// grain.
func periodComparison(e *env, args []string, previous, yearAgo string) (*review.Comparison, int) {
	flag, label, back := "--previous", previous, period.Previous
	if yearAgo != "" {
		flag, label, back = "--year-ago", yearAgo, period.YearAgo
	}
	if previous != "" && yearAgo != "" || len(args) > 1 {
		fmt.Fprintf(e.stderr, "omni diff %s: expected one period and at most one scorecard: omni diff %s 2026-07 out/default.json\n", flag, flag)
		return nil, exitUsage
	}
	sc, path, code := scorecardArgument(e, args)
	if sc == nil {
		return nil, code
	}
	start, ok := period.Parse(label, sc.Grain)
	if !ok {
		fmt.Fprintf(e.stderr, "omni: %q is not a %s: scorecard %s is reported per %[2]s, as in %[4]s\n", label, sc.Grain, path, period.Label(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), sc.Grain))
		return nil, exitUsage
	}
	before := period.Label(back(start, sc.Grain), sc.Grain)
	for _, p := range []string{label, before} {
		if !slices.Contains(sc.Periods(""), p) {
			fmt.Fprintf(e.stderr, "omni: scorecard %s has no value in %s %s\n", path, sc.Grain, p)
			return nil, exitError
		}
	}
	c := review.ComparePeriods(sc, "", before, label)
	c.Before, c.After = before, label
	return c, exitOK
}
