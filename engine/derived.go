package engine

// This file compiles the derived columns (column blocks) of a source into
// its view: the view selects them beside the file's columns, so that every
// later step sees them as columns of the source — in formulas, breakdowns,
// attribution keys, role columns and lookups' on — and the scorecard stays
// one query. A derived column reads the row of its source only: the file's
// columns and the source's other derived columns, inlined.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// Derived is a derived column compiled for one source.
type Derived struct {
	Def  *dsl.DerivedColumn
	SQL  string // over the columns of the source's files
	Type builtins.Type
	// Reads are the addresses of the derived columns and filters it names,
	// whose SQL its own writes out.
	Reads []string
}

// address is the block that defines the column: column.<name>, or the
// filter's filter.<name>.
func (d *Derived) address() string {
	if d.Def.Filter != nil {
		return d.Def.Name
	}
	return "column." + d.Def.Name
}

// derivation compiles the derived columns of one source, each once, each
// after those it names.
type derivation struct {
	table    *Table
	dialect  dialect.Dialect // of the engine that computes the columns
	defs     map[string]*dsl.DerivedColumn
	compiled map[string]*Derived // nil value: compiled with errors
	stack    []string            // the columns being compiled, each naming the next
	reads    map[string][]string // per column, the addresses of those it names
	diags    hcl.Diagnostics
}

// deriveColumns compiles the derived columns of a source described from its
// files or table (t.Columns), in declaration order, for the engine that
// computes them; those with errors are left out.
func deriveColumns(t *Table, defs []*dsl.DerivedColumn, engine dialect.Dialect) ([]*Derived, hcl.Diagnostics) {
	d := &derivation{table: t, dialect: engine, defs: map[string]*dsl.DerivedColumn{}, compiled: map[string]*Derived{}, reads: map[string][]string{}}
	for _, def := range defs {
		if problem := d.nameProblem(def); problem != nil {
			d.diags = append(d.diags, problem...)
			continue
		}
		d.defs[def.Name] = def
	}
	var out []*Derived
	for _, def := range defs {
		if d.defs[def.Name] != def {
			continue
		}
		if c := d.compile(def); c != nil {
			out = append(out, c)
		}
	}
	return out, d.diags
}

// nameProblem reports a derived column whose name the source's files
// already have (a reserved name is the definitions' error: dsl.blockName).
func (d *derivation) nameProblem(def *dsl.DerivedColumn) hcl.Diagnostics {
	if d.table.Column(def.Name) != nil {
		return errorDiag("Column name taken", fmt.Sprintf("Source %q already has a column %q in its files, so formulas could not tell the two apart. Rename the column block.", d.table.Source.Name, def.Name), def.DeclRange.Ptr())
	}
	return nil
}

// compile compiles a derived column, after the derived columns it names;
// it returns nil when the column has errors (or is on a cycle).
func (d *derivation) compile(def *dsl.DerivedColumn) *Derived {
	if c, done := d.compiled[def.Name]; done {
		return c
	}
	d.stack = append(d.stack, def.Name)
	sql, typ, diags := d.value(def)
	d.stack = d.stack[:len(d.stack)-1]
	d.diags = append(d.diags, diags...)
	var c *Derived
	if !diags.HasErrors() {
		c = &Derived{Def: def, SQL: sql, Type: typ, Reads: d.reads[def.Name]}
	}
	d.compiled[def.Name] = c
	return c
}

// value is the SQL of a derived column: its formula, or its rules as a CASE.
func (d *derivation) value(def *dsl.DerivedColumn) (string, builtins.Type, hcl.Diagnostics) {
	if def.Formula != nil {
		mode := formula.Value
		if def.Filter != nil {
			mode = formula.Condition
		}
		out, diags := formula.Compile(def.Formula, formula.RowScope, mode, d)
		if out == nil {
			return "", builtins.Any, diags
		}
		return out.SQL, out.Type, diags
	}
	var diags hcl.Diagnostics
	conditions, values := make([]string, len(def.Rules)), make([]string, len(def.Rules))
	for i, r := range def.Rules {
		if r.When == nil {
			continue // dsl reported it
		}
		out, ds := formula.Compile(r.When, formula.RowScope, formula.Condition, d)
		diags = append(diags, ds...)
		if out != nil {
			conditions[i], values[i] = out.SQL, r.Then.Value
		}
	}
	if diags.HasErrors() {
		return "", builtins.Any, diags
	}
	return formula.Classification(conditions, values, def.Default.Value), builtins.String, diags
}

// Lookup implements formula.Env: the columns of the source's files, and its
// derived columns, inlined.
func (d *derivation) Lookup(name string) (*formula.Symbol, error) {
	if def := d.defs[name]; def != nil {
		if i := slices.Index(d.stack, name); i >= 0 {
			cycle := strings.Join(append(d.stack[i:], name), " → ")
			if def.Filter != nil {
				return nil, fmt.Errorf("Filter %q is defined through itself: %s. Break the cycle.", def.Filter.Name, cycle)
			}
			return nil, fmt.Errorf("Column %q is computed from itself: %s. Break the cycle.", name, cycle)
		}
		s := &formula.Symbol{Name: name, Level: formula.RowLevel, Type: builtins.Any, SQL: "NULL", What: "derived column"}
		reader := d.stack[len(d.stack)-1]
		if c := d.compile(def); c != nil {
			s.SQL, s.Type = parenthesize(c.SQL), c.Type
			d.reads[reader] = append(d.reads[reader], c.address())
		}
		return s, nil
	}
	c := d.table.Column(name)
	switch {
	case c == nil && strings.HasPrefix(name, dsl.FilterQualifier):
		return nil, fmt.Errorf("No filter is named %q.%s", strings.TrimPrefix(name, dsl.FilterQualifier), dsl.DidYouMean(name, d.Names()))
	case c == nil && d.compilingFilter() != nil:
		return nil, fmt.Errorf("Filter %q reads the columns of the touchpoints, and source %q has no column %q.%s A filter reads no customer attribute nor trait: a condition on them is a segment's.", d.compilingFilter().Name, d.table.Source.Name, name, dsl.DidYouMean(name, d.Names()))
	case c == nil:
		// Said here rather than by the compiler, for the source: one column
		// block can derive a column on several.
		return nil, fmt.Errorf("Source %q has no column %q: a derived column reads the columns of its source's rows.%s", d.table.Source.Name, name, dsl.DidYouMean(name, d.Names()))
	case c.Type == builtins.Any:
		return nil, d.table.unusable(name)
	}
	return &formula.Symbol{Name: name, Level: formula.RowLevel, Type: c.Type, SQL: formula.QuoteIdent(name),
		What: "column of source " + d.table.Source.Name}, nil
}

// compilingFilter is the filter being compiled, nil when it is a column
// block.
func (d *derivation) compilingFilter() *dsl.Filter {
	if len(d.stack) == 0 {
		return nil
	}
	return d.defs[d.stack[len(d.stack)-1]].Filter
}

// Names implements formula.Env.
func (d *derivation) Names() []string {
	names := d.table.ColumnNames()
	for n := range d.defs {
		names = append(names, n)
	}
	return names
}

// Measure implements formula.Env; a row-level formula has no aggregate,
// which the compiler reports before asking for one.
func (d *derivation) Measure(formula.Grain, string, string) string { return "NULL" }

// Time implements formula.Env; only aggregates read it.
func (d *derivation) Time() string { return "NULL" }

// Amount implements formula.Env; only aggregates read it.
func (d *derivation) Amount() string { return "NULL" }

// Dialect: the derived columns of files are computed in the DuckDB views
// that read them, on every engine (a database engine reads those views'
// rows); those of a table, in the server's view over it.
func (d *derivation) Dialect() dialect.Dialect { return d.dialect }

// Has implements formula.Env.
func (d *derivation) Has(formula.Grain) bool { return false }

// Window implements formula.Env; a row-level formula calls no function
// that needs one, which the compiler reports before asking for it.
func (d *derivation) Window(*builtins.Builtin, []string) string { return "NULL" }

// selectDerived is the SELECT list of a view with derived columns: the
// columns read (own, such as "*"), then each derived one.
func selectDerived(own string, derived []*Derived) string {
	cols := []string{own}
	for _, c := range derived {
		cols = append(cols, c.SQL+" AS "+formula.QuoteIdent(c.Def.Name))
	}
	return strings.Join(cols, ", ")
}

// spendDerives reports whether the spend rows have a touchpoint column too:
// one column block derives it on both sources, so that spend splits by it.
func (s *Schema) spendDerives(name string) bool {
	if s.Spend == nil {
		return false
	}
	for _, d := range s.Spend.Derived {
		if d.Def.Name == name {
			return slices.ContainsFunc(s.Touchpoints.Derived, func(t *Derived) bool { return t.Def == d.Def })
		}
	}
	return false
}
