package dsl

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// This file decodes a source that reads a database table or view in place
// (table = "analytics.touchpoints") rather than files (path): which of the
// two a source gives, and the options that only files take.

// TableName is a warehouse table's name as a source writes it: a schema
// and a name, or a name alone, which the server's search_path resolves.
type TableName struct {
	Schema string // "" when the source writes the name alone
	Name   string
}

// String is the name as the source writes it.
func (n TableName) String() string {
	if n.Schema == "" {
		return n.Name
	}
	return n.Schema + "." + n.Name
}

// Relation is the table a source reads in place, or nil for a source of
// files.
func (s *Source) Relation() *TableName {
	if s.Table.Value == "" {
		return nil
	}
	name := TableName{Name: s.Table.Value}
	if schema, table, ok := strings.Cut(s.Table.Value, "."); ok {
		name = TableName{Schema: schema, Name: table}
	}
	return &name
}

// Origin is where a source's rows are, as it writes it: its path, or its
// table.
func (s *Source) Origin() string {
	if s.Table.Value != "" {
		return s.Table.Value
	}
	return s.Path.Value
}

// fileOnly lists the attributes that say how to read files, which a table
// source does not take: the table's columns and types are the catalog's.
var fileOnly = []string{"format", "header", "columns", "delimiter", "null", "time_format"}

// checkDataAttrs checks that a source gives either path or table, a table
// name of one or two parts, and no option of files beside a table.
func (s *Source) checkDataAttrs(block *hcl.Block, attrs map[string]*hcl.Attribute) hcl.Diagnostics {
	fail := func(summary, detail string, at hcl.Range) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()}}
	}
	table := attrs["table"]
	switch {
	case table == nil && attrs["path"] == nil:
		return fail("Missing path or table", "Say where the rows are: path = \"data/touchpoints.csv\" for files, or table = \"analytics.touchpoints\" for a table or view of the database (--engine postgres).", block.DefRange)
	case table == nil || s.Table.Range.Empty(): // not a string: reported
		return nil
	case attrs["path"] != nil:
		s.Table = Text{} // the files then, so that the table's errors do not repeat this one
		return fail("Both path and table", "A source reads either files (path) or a table of the database (table), not both: remove one of them.", table.NameRange)
	}
	if parts := strings.Split(s.Table.Value, "."); len(parts) > 2 || slices.Contains(parts, "") {
		return fail("Invalid table name", fmt.Sprintf("A table is named \"schema.table\" or \"table\", written as the catalog stores it (each part is quoted, so case matters), not %q.", s.Table.Value), s.Table.Range)
	}
	for _, name := range fileOnly {
		if a := attrs[name]; a != nil {
			return fail("Option of files", fmt.Sprintf("%s says how to read files; source %s reads the table %s, whose columns and types the database's catalog gives. Remove %s (declare a column's type with types = { column = \"TYPE\" }).", name, s.Name, s.Table.Value, name), a.NameRange)
		}
	}
	return nil
}
