package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

// Column is a column of a bound source.
type Column struct {
	Name    string
	SQLType string        // as DuckDB describes it
	Type    builtins.Type // Any when formulas cannot use it
}

// Table is a bound source: a DuckDB view over its files, or a temporary
// view of the server's session over a table (see bindRelation), and its
// columns.
type Table struct {
	Source  *dsl.Source
	View    string // the quoted view name
	Files   []string
	Columns []Column   // the files' columns, then the derived ones
	Derived []*Derived // the derived columns its view adds, in declaration order
	// undeduplicated reads the rows that the view reads less their
	// duplicates (see distinctReader); "" when the source keeps them all.
	undeduplicated string
}

// Column returns the named column, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// ColumnNames lists the table's columns, for suggestions.
func (t *Table) ColumnNames() []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}

// noSuchColumn is the error at a name that is not one of the table's
// columns, with a suggestion and the columns; purpose says what the name was
// given for (" to tell duplicates by"), "" for a role column.
func (t *Table) noSuchColumn(name dsl.Text, purpose string) hcl.Diagnostics {
	names := t.ColumnNames()
	return errorDiag("No such column", fmt.Sprintf("Source %q has no column %q%s.%s Its columns: %s.",
		t.Source.Name, name.Value, purpose, dsl.DidYouMean(name.Value, names), strings.Join(names, ", ")), &name.Range)
}

// Schema is every bound source, by role.
type Schema struct {
	Touchpoints *Table
	Customers   *Table // nil without a customers source
	Spend       *Table // nil without a spend source
	Lookups     []*Table
	Paths       []*Table // the path summaries, which attributions may read
}

// add files a bound source under its role.
func (s *Schema) add(t *Table) {
	switch t.Source.Role {
	case dsl.RoleTouchpoints:
		s.Touchpoints = t
	case dsl.RoleCustomers:
		s.Customers = t
	case dsl.RoleSpend:
		s.Spend = t
	case dsl.RoleLookup:
		s.Lookups = append(s.Lookups, t)
	case dsl.RolePaths:
		s.Paths = append(s.Paths, t)
	}
}

// PathSummary is the bound path summary of the source, or nil.
func (s *Schema) PathSummary(src *dsl.Source) *Table {
	for _, t := range s.Paths {
		if t.Source == src {
			return t
		}
	}
	return nil
}

// Tables lists the bound sources: touchpoints, customers, spend, lookups,
// path summaries.
func (s *Schema) Tables() []*Table {
	var tables []*Table
	for _, t := range slices.Concat([]*Table{s.Touchpoints, s.Customers, s.Spend}, s.Lookups, s.Paths) {
		if t != nil {
			tables = append(tables, t)
		}
	}
	return tables
}

// unusable explains why formulas cannot see a column of the touchpoints, of
// the customers or of a lookup, if the name is one: its type. It returns nil
// otherwise.
func (s *Schema) unusable(name string) error {
	for _, t := range append([]*Table{s.Touchpoints, s.Customers}, s.Lookups...) {
		if t == nil {
			continue
		}
		if err := t.unusable(name); err != nil {
			return err
		}
	}
	return nil
}

// unusable explains why formulas cannot see a column of the table, if the
// name is one: its type. It returns nil otherwise.
func (t *Table) unusable(name string) error {
	c := t.Column(name)
	if c == nil || c.Type != builtins.Any {
		return nil
	}
	hint := ""
	if c.SQLType == "NULL" || c.SQLType == "JSON" {
		hint = " Every value of it is null, so its type is unknown: give it a value in one row at least."
	}
	return fmt.Errorf("%q is a column of the source %s, of type %s, which formulas cannot use.%s", name, t.Source.Name, c.SQLType, hint)
}

// scalarTypes maps DuckDB's scalar types to formula types.
var scalarTypes = map[string]builtins.Type{
	"TINYINT": builtins.Int, "SMALLINT": builtins.Int, "INTEGER": builtins.Int, "BIGINT": builtins.Int,
	"HUGEINT": builtins.Int, "UTINYINT": builtins.Int, "USMALLINT": builtins.Int, "UINTEGER": builtins.Int,
	"UBIGINT": builtins.Int, "FLOAT": builtins.Float, "DOUBLE": builtins.Float, "VARCHAR": builtins.String,
	"BOOLEAN": builtins.Bool, "DATE": builtins.Time, "VARCHAR[]": builtins.StringList,
}

// formulaType maps a DuckDB type to the formula type that stands for it;
// Any means formulas cannot use the column.
func formulaType(sqlType string) builtins.Type {
	t := strings.ToUpper(sqlType)
	switch {
	case strings.HasPrefix(t, "DECIMAL"):
		return builtins.Float
	case strings.HasPrefix(t, "TIMESTAMP"):
		return builtins.Time
	}
	return scalarTypes[t]
}
