package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/formula"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func planCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	showSQL := flags.Bool("sql", false, "print the SQL of each scorecard")
	changes := registerChangeFlags(flags)
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		cp := compileOrReport(ctx, e, dir, *opts, "nothing to plan")
		if cp == nil {
			return exitInvalid
		}
		defer cp.close()
		if changes.listsPlan() {
			writeSources(e.stdout, cp.compiled.Session.Schema)
			if *showSQL {
				writeDerivedSQL(e.stdout, cp.compiled.Session.Schema)
			}
			for _, p := range cp.compiled.Plans {
				writePlan(e.stdout, e.colourOut, p)
				if *showSQL {
					fmt.Fprintf(e.stdout, "\n%s", p.SQL)
					if p.Objectives != nil && p.Objectives.Series != nil {
						fmt.Fprintf(e.stdout, "\n%s", p.Objectives.Series.SQL)
					}
					for _, l := range p.Ladders {
						fmt.Fprintf(e.stdout, "\n%s", l.SQL)
					}
					writeAttributionSQL(e.stdout, p)
					for _, x := range p.Experiments {
						fmt.Fprintf(e.stdout, "\n%s", x.SQL)
					}
				}
			}
			writeAppearances(e.stdout, cp.compiled.Appearances())
		}
		return planChanges(ctx, e, dir, cp, changes, *opts)
	}
}

// writeSources lists the bound sources with their roles and columns; the
// columns are named by the data's header, printed as text.
func writeSources(w io.Writer, s *engine.Schema) {
	fmt.Fprintln(w, "Sources")
	for _, t := range s.Tables() {
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, escape.TerminalLine(c.Name)+" "+c.SQLType)
		}
		fmt.Fprintf(w, "  %-12s %s, %s: %s\n", t.Source.Name, t.Source.Role, scorecard.Plural(len(t.Files), "file"), strings.Join(cols, ", "))
	}
}

// writeDerivedSQL prints the SQL of the derived columns that each source's
// view adds to the columns of its files.
func writeDerivedSQL(w io.Writer, s *engine.Schema) {
	for _, t := range s.Tables() {
		if len(t.Derived) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n-- the derived columns of source %q\n", t.Source.Name)
		for _, d := range t.Derived {
			fmt.Fprintf(w, "%s AS %s\n", d.SQL, formula.QuoteIdent(d.Def.Name))
		}
	}
}

// writePlan says what a scorecard will compute: its scopes, each KPI with
// the breakdowns it is reported by, and the aggregates of its one query.
func writePlan(w io.Writer, colour palette, p *engine.Plan) {
	var scopes, by []string
	for _, s := range p.Scopes {
		if s == nil {
			scopes = append(scopes, "whole data")
		} else {
			scopes = append(scopes, "campaign "+s.Def.Name)
		}
	}
	for _, b := range p.Breakdowns {
		by = append(by, b.Name)
	}
	fmt.Fprintf(w, "\nScorecard %s: %s over %s; by period", p.Name, scorecard.Plural(len(p.KPIs), "KPI"), strings.Join(scopes, ", "))
	if len(by) > 0 {
		fmt.Fprintf(w, ", %s", strings.Join(by, ", "))
	}
	fmt.Fprintln(w)
	for _, k := range p.KPIs {
		var yes, no []string
		for _, b := range p.Breakdowns {
			if p.Reports(k, b) {
				yes = append(yes, b.Name)
			} else {
				no = append(no, b.Name)
			}
		}
		line := fmt.Sprintf("  %s %-30s %s", colour.mark("+"), k.Def.Name, k.Def.Formula.Text)
		if len(no) > 0 {
			line += fmt.Sprintf("   (not by %s)", strings.Join(no, ", "))
		}
		fmt.Fprintln(w, line)
	}
	counts := map[formula.Grain]int{}
	for _, m := range p.Measures {
		counts[m.Grain]++
	}
	line := fmt.Sprintf("  one query: %s of touchpoints, %d of customers, %d of spend",
		scorecard.Plural(counts[formula.Touchpoints], "aggregate"), counts[formula.Customers], counts[formula.Spend])
	if n := counts[formula.Base]; n > 0 {
		line += fmt.Sprintf(", %d of the customer base", n)
	}
	if n := counts[formula.Budget]; n > 0 {
		line += fmt.Sprintf(", %d of budgets", n)
	}
	fmt.Fprintln(w, line)
	if p.Objectives != nil {
		var names, lifts []string
		for _, o := range p.Objectives.Objectives {
			if o.Experiment != nil {
				lifts = append(lifts, o.Def.Name+" ("+o.Experiment.Def.Name+")")
			} else {
				names = append(names, o.Def.Name)
			}
		}
		if names != nil {
			fmt.Fprintf(w, "  objectives, one more query: %s\n", strings.Join(names, ", "))
		}
		if lifts != nil {
			fmt.Fprintf(w, "  objectives on lifts, from their experiments' queries: %s\n", strings.Join(lifts, ", "))
		}
	}
	for _, l := range p.Ladders {
		line := fmt.Sprintf("  loyalty %s, one more query: %d stages per %s", l.Def.Name, len(l.Def.Stages), l.Grain)
		if l.Def.Where != nil {
			line += ", over the touchpoints where " + escape.TerminalLine(l.Def.Where.Text)
		}
		fmt.Fprintln(w, line)
	}
	writeAttributionPlan(w, p)
}

// writeAppearances says which scorecards report each ladder, attribution,
// objective and experiment, marking those that report it by default: a
// scorecard that names none of a kind reports every one.
func writeAppearances(w io.Writer, appearances []*engine.Appearance) {
	if len(appearances) == 0 {
		return
	}
	fmt.Fprintln(w, "\nReported in (* by default: the scorecard names none of its kind, so reports every one)")
	width := 0
	for _, a := range appearances {
		width = max(width, len(a.Address))
	}
	for _, a := range appearances {
		names := make([]string, len(a.Scorecards))
		for i, n := range a.Scorecards {
			names[i] = n
			if slices.Contains(a.ByDefault, n) {
				names[i] += "*"
			}
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, a.Address, strings.Join(names, ", "))
	}
}
