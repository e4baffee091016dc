package engine

// This file binds, names, joins and checks the lookup sources: files of one
// row per value of a touchpoint column (a content asset, a product), whose
// columns the touchpoints that name one of their keys take on. Formulas see
// a lookup's columns as touchpoint columns; a touchpoint whose value has no
// row sees NULLs. The key column is not a name of its own: it equals the
// touchpoint column it is matched with.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// keyTypes are the types of the columns a lookup matches.
var keyTypes = []builtins.Type{builtins.String, builtins.Int}

// checkLookedUp checks that the touchpoint column a lookup names with on
// exists and can hold keys.
func checkLookedUp(tp *Table, l *Table) hcl.Diagnostics {
	on := l.Source.On
	c := tp.Column(on.Value)
	switch {
	case c == nil:
		return errorDiag("No such touchpoint column", fmt.Sprintf("Lookup source %q is matched on %q, which is not a column of the touchpoints source %q.%s The attribute on names the touchpoint column whose values are keys of the lookup.", l.Source.Name, on.Value, tp.Source.Name, dsl.DidYouMean(on.Value, tp.ColumnNames())), &on.Range)
	case !hasType(keyTypes, c.Type):
		return errorDiag("Wrong column type", fmt.Sprintf("The touchpoint column %q that lookup source %q is matched on is %s; it must be %s.", c.Name, l.Source.Name, c.SQLType, typeNames(keyTypes)), &on.Range)
	}
	return nil
}

// lookupColumns are the columns a lookup adds to the touchpoints: all its
// usable columns but its key.
func lookupColumns(l *Table) []Column {
	var out []Column
	for _, c := range l.Columns {
		if c.Name != l.Source.Key.Value && c.Type != builtins.Any {
			out = append(out, c)
		}
	}
	return out
}

// addLookupSymbols names the lookups' columns as row-level symbols. A name
// that is already a column, a role, channel metadata or a customer
// attribute is an error at the lookup's block: formulas could not tell the
// two apart.
func addLookupSymbols(s *Schema, symbols map[string]*formula.Symbol) hcl.Diagnostics {
	var diags hcl.Diagnostics
	owner := map[string]string{} // lookup column → its source
	for _, l := range s.Lookups {
		for _, c := range lookupColumns(l) {
			what, fix := "", "Rename one of them in the data."
			switch {
			case isChannelMetadata(c.Name):
				what, fix = "channel metadata", "Channel metadata names are reserved: rename the column in the data."
			case s.Touchpoints.Column(c.Name) != nil:
				what = "a touchpoint column"
			case owner[c.Name] != "":
				what = fmt.Sprintf("a column of lookup source %q", owner[c.Name])
			case symbols[c.Name] != nil:
				what = "a " + symbols[c.Name].What
			}
			if what != "" {
				diags = append(diags, errorDiag("Lookup column name taken", fmt.Sprintf("Lookup source %q has a column %q, which is also %s: formulas name columns without their source, so they could not tell them apart. %s", l.Source.Name, c.Name, what, fix), l.Source.DeclRange.Ptr())...)
				continue
			}
			owner[c.Name] = l.Source.Name
			symbols[c.Name] = &formula.Symbol{Name: c.Name, Level: formula.RowLevel, Type: c.Type,
				SQL: columnSQL(c.Name), What: "lookup column"}
		}
	}
	return diags
}

// lookups selects the lookup columns that formulas and breakdowns use, and
// joins the touchpoints (alias t) to each lookup that has one.
func (q *query) lookups() (cols []string, joins string) {
	for _, l := range q.c.Session.Schema.Lookups {
		used := q.c.usedLookupColumns(l)
		if len(used) == 0 {
			continue
		}
		for _, c := range used {
			cols = append(cols, widened(l.View, c))
		}
		joins += "\nLEFT JOIN " + l.View + " ON " + lookupMatch(q.c.Session.Schema.Touchpoints, l)
	}
	return cols, joins
}

// usedLookupColumns are the columns of a lookup that formulas and
// breakdowns use.
func (c *Compiled) usedLookupColumns(l *Table) []Column {
	var out []Column
	for _, col := range lookupColumns(l) {
		if c.used[col.Name] {
			out = append(out, col)
		}
	}
	return out
}

// lookupMatch is the join condition of a lookup: its key equals the
// touchpoint column. Keys of different types (an integer and a string) are
// compared as strings.
func lookupMatch(tp, l *Table) string {
	key := l.Column(l.Source.Key.Value)
	on := tp.Column(l.Source.On.Value)
	keySQL, onSQL := l.View+"."+columnSQL(key.Name), "t."+columnSQL(on.Name)
	if key.SQLType != on.SQLType {
		keySQL, onSQL = "CAST("+keySQL+" AS VARCHAR)", "CAST("+onSQL+" AS VARCHAR)"
	}
	return keySQL + " = " + onSQL
}

// lookups writes, for each lookup whose columns SQL reads, how the
// touchpoints find its rows.
func (m *meaning) lookups(sql string) {
	for _, l := range m.c.Session.Schema.Lookups {
		if slices.ContainsFunc(lookupColumns(l), func(c Column) bool { return strings.Contains(sql, columnSQL(c.Name)) }) {
			m.add(fmt.Sprintf("lookup = key %q, on %q", l.Source.Key.Value, l.Source.On.Value))
			m.uses["source."+l.Source.Name] = true
		}
	}
}
