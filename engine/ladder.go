package engine

import (
	"cmp"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// Ladder is a compiled loyalty block: its stage rules and volume as SQL over
// one row per customer and period, and the query that puts every customer
// in a stage in every period.
type Ladder struct {
	Def    *dsl.Loyalty
	Grain  string       // the grain of its periods
	Rules  []string     // the SQL condition of each stage; "" for the catch-all
	Volume string       // the SQL of a customer's volume in a period; "" without volume
	Where  string       // the SQL of the touchpoints its rules and volume read; "" for every one
	By     []*Breakdown // by segment or customer attributes
	SQL    string

	// aggregates are those of the rules and the volume (and the traits
	// they name) per customer and period (__a1, __a2…), those over the
	// whole history then rolled up over the periods up to each one; recent
	// are those over a trailing window, per customer and day (__r1…).
	aggregates, recent []*historyAggregate
}

// compileLadders compiles every loyalty block, after the traits it may use.
func (c *Compiled) compileLadders() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, def := range c.Session.Project.Ladders {
		l, d := c.compileLadder(def)
		diags = append(diags, d...)
		if !d.HasErrors() {
			c.Ladders = append(c.Ladders, l)
		}
	}
	return diags
}

func (c *Compiled) compileLadder(def *dsl.Loyalty) (*Ladder, hcl.Diagnostics) {
	l := &Ladder{Def: def, Grain: cmp.Or(def.Period.Value, c.Session.Project.Settings.Grain.Value)}
	env := &ladderEnv{scopeEnv: c.env(formula.TraitScope), l: l, traits: map[string]*formula.Symbol{}}
	var diags hcl.Diagnostics
	for _, s := range def.Stages {
		rule := ""
		if s.When != nil {
			out, d := formula.Compile(s.When, formula.TraitScope, formula.Condition, env)
			diags = append(diags, d...)
			if out != nil {
				rule = out.SQL
			}
		}
		l.Rules = append(l.Rules, rule)
	}
	if def.Volume != nil {
		out, d := formula.Compile(def.Volume, formula.TraitScope, formula.Number, env)
		diags = append(diags, d...)
		if out != nil {
			l.Volume = out.SQL
		}
	}
	diags = append(diags, env.diags...)
	if def.Where != nil {
		out, d := formula.Compile(def.Where, formula.RowScope, formula.Condition, c.env(formula.RowScope))
		diags = append(diags, d...)
		if out != nil {
			l.Where = out.SQL
		}
	}
	for _, name := range def.By {
		b, d := c.ladderBreakdown(name)
		diags = append(diags, d...)
		if b != nil {
			l.By = append(l.By, b)
		}
	}
	if !diags.HasErrors() {
		l.SQL = c.ladderQuery(l)
	}
	return l, diags
}

// ladderBreakdown resolves a breakdown of a ladder: a customer stands on one
// stage per period, so only segments and customer attributes split him.
func (c *Compiled) ladderBreakdown(name dsl.Text) (*Breakdown, hcl.Diagnostics) {
	b, diags := c.breakdown(name)
	switch {
	case diags.HasErrors():
		return nil, diags
	case b == nil:
		return nil, errorDiag("Breakdown without meaning", "A ladder is reported per period already: break it down by \"segment\" or a customer attribute.", &name.Range)
	case b.dim == byCohort:
		return nil, errorDiag("Breakdown without meaning", fmt.Sprintf("A ladder is not broken down by a cohort (%q): break it down by \"segment\" or a customer attribute.", name.Value), &name.Range)
	case b.dim != bySegment && b.dim != byCustomer:
		return nil, errorDiag("Breakdown without meaning", fmt.Sprintf("A customer stands on one stage per period but has many values of %q across his touchpoints: break a ladder down by \"segment\" or a customer attribute.", name.Value), &name.Range)
	case b.dim == bySegment:
		if d := c.traitSegmentProblem("a loyalty ladder by segment", nil, &name.Range); d != nil {
			return nil, d
		}
	}
	return b, nil
}

// planLadders lists the ladders a scorecard reports: those it names, or
// every ladder when it names none.
func (c *Compiled) planLadders(def *dsl.Scorecard) []*Ladder {
	if def == nil {
		return c.Ladders
	}
	return chosen(c.Ladders, def.Loyalty, func(l *Ladder) string { return l.Def.Name })
}

// MaxLadderTraitSQL bounds the SQL of a trait as a ladder writes it out,
// with the traits it names inlined: past it, a diagnostic, so that a few
// lines of definitions cannot make validate build gigabytes of SQL.
const MaxLadderTraitSQL = 1 << 20

// ladderEnv is what a ladder's formulas can name: what a trait can, with
// the traits compiled again for the ladder's two steps (formula.CellEnv).
type ladderEnv struct {
	*scopeEnv
	l      *Ladder
	traits map[string]*formula.Symbol // nil while the trait compiles
	// history is that of the trait compiling, which its aggregates look
	// back over; nil in the rules and the volume themselves.
	history *dsl.History
	diags   hcl.Diagnostics
	// tooLarge says that a trait passed MaxLadderTraitSQL: the ladder has
	// an error, and the traits after it are not written out.
	tooLarge bool
}

// Lookup implements formula.Env.
func (e *ladderEnv) Lookup(name string) (*formula.Symbol, error) {
	t := e.c.traits[name]
	if t == nil || e.c.symbols[name] != nil {
		return e.scopeEnv.Lookup(name)
	}
	if s, seen := e.traits[name]; seen {
		if s == nil {
			return nil, fmt.Errorf("%q depends on itself. Break the cycle.", name)
		}
		return s, nil
	}
	s := &formula.Symbol{Name: name, Level: formula.TraitLevel, Type: builtins.Any, SQL: "NULL", What: "trait"}
	if t.done && !t.failed && !e.tooLarge { // else its errors are reported at the trait, or the ladder's already
		e.traits[name] = nil
		outer := e.history
		e.history = t.Def.History
		out, diags := formula.Compile(t.Def.Formula, formula.TraitScope, formula.Value, e)
		e.history = outer
		e.diags = append(e.diags, diags...)
		if out != nil && len(out.SQL) > MaxLadderTraitSQL && !e.tooLarge {
			e.tooLarge = true
			e.diags = append(e.diags, errorDiag("Trait too large for a ladder", fmt.Sprintf("Loyalty ladder %q reads trait %q, whose SQL, with the SQL of the traits it names written out in it, passes %d KiB: a ladder copies the traits it names into its own SQL, so that a chain of traits that each name the one before twice doubles at every step. Name a shorter chain of traits in the ladder's rules.", e.l.Def.Name, name, MaxLadderTraitSQL>>10), &t.Def.Formula.Range)...)
		}
		if out != nil && !e.tooLarge {
			s.Type, s.SQL = out.Type, parenthesize(out.SQL)
		}
	}
	e.traits[name] = s
	return s, nil
}

// Window implements formula.Env: a ladder places no customer among the
// others (its rows are every customer in every period, not a scorecard's).
func (e *ladderEnv) Window(fn *builtins.Builtin, args []string) string {
	if fn.Kind == builtins.Rank {
		return ""
	}
	return e.scopeEnv.Window(fn, args)
}

// Aggregate implements formula.CellEnv: the aggregate becomes a column of
// the ladder's grid, rolled up over the periods up to the row's when it
// looks back over the whole history, over the days of its trailing window
// when it has one (see history.go).
func (e *ladderEnv) Aggregate(fn *builtins.Builtin, sql string) (string, error) {
	lb, err := lookBackOf(fn, e.history)
	switch {
	case err != nil:
		return "", err
	case lb.days > 0:
		return lookBackValue(e.Dialect(), fn, historyColumn(&e.l.recent, "__r", sql, lb).name), nil
	}
	return lookBackValue(e.Dialect(), fn, historyColumn(&e.l.aggregates, "__a", sql, lb).name), nil
}
