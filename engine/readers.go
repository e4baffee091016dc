package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file builds the table function that reads a source's files. A
// column's type comes from every row of every file, or from the source's
// declared types, never from a sample that a later row could contradict
// (DuckDB casts 0.4 to 0 in a column a sample found to hold integers): the
// schema is detected from the whole data once, when the source is bound,
// and the view reads the files with those types, which makes a value that
// does not parse an error that names its file and line.

// fileReader is the table function that reads a source's files with its
// file options. Without types (nil), it detects the columns and their types
// from every row of every file; with them (see readTypes), it reads each
// column as its type says. Parquet files carry their types: with types,
// the columns the source declares are cast.
func fileReader(src *dsl.Source, files []string, types []Column) string {
	list := fileList(files)
	switch src.Format.Value {
	case "parquet":
		if types == nil {
			return "read_parquet(" + list + ")"
		}
		return castDeclared(src, "read_parquet("+list+")")
	case "json":
		if types == nil {
			return "read_json_auto(" + list + ", sample_size = -1)"
		}
		return "read_json(" + list + ", columns = " + typeMap(types) + ")"
	}
	if types != nil {
		return "read_csv(" + list + csvOptions(src, true) + ", types = " + typeMap(types) + ")"
	}
	detect := ", sample_size = -1, files_to_sniff = -1"
	if src.File.TimeFormat.Value != "" {
		// As text, for parsedTimes: the sniffer may read 03/04/2026 as a
		// date of its own guess.
		detect += ", types = {" + sqlString(src.Time.Value) + ": 'VARCHAR'}"
	}
	return "read_csv(" + list + csvOptions(src, true) + detect + ")"
}

// castDeclared reads a reader's columns cast to the types its source
// declares. An integer is never rounded: a fractional value declared
// BIGINT (an id that a Parquet file stores as 1.5) stops the run, naming
// the column and the value.
func castDeclared(src *dsl.Source, reader string) string {
	if len(src.File.Types) == 0 {
		return reader
	}
	casts := make([]string, len(src.File.Types))
	for i, d := range src.File.Types {
		column := formula.QuoteIdent(d.Column.Value)
		cast := "CAST(" + column + " AS " + d.Type.Value + ")"
		if d.Type.Value == "BIGINT" {
			fraction := sqlString(fmt.Sprintf("Source %s: column %q holds ", src.Name, d.Column.Value))
			cast = "CASE WHEN CAST(" + column + " AS DOUBLE) <> trunc(CAST(" + column + " AS DOUBLE)) THEN error(" +
				fraction + " || CAST(" + column + " AS VARCHAR) || ', which is not an integer (types declares it BIGINT).') ELSE " + cast + " END"
		}
		casts[i] = cast + " AS " + column
	}
	return "(SELECT * REPLACE (" + strings.Join(casts, ", ") + ") FROM " + reader + ")"
}

// typeMap writes columns' types as read_csv's types and read_json's
// columns take them: {'name': 'TYPE', ...}.
func typeMap(columns []Column) string {
	types := make([]string, len(columns))
	for i, c := range columns {
		types[i] = sqlString(c.Name) + ": " + sqlString(c.SQLType)
	}
	return "{" + strings.Join(types, ", ") + "}"
}

func fileList(files []string) string {
	literals := make([]string, len(files))
	for i, f := range files {
		literals[i] = sqlString(f)
	}
	return "[" + strings.Join(literals, ", ") + "]"
}

// readTypes are the types the view reads the columns as: those detected,
// replaced by those the source declares, and text for a time column that
// time_format parses. A declared column the files do not have is an error
// at its name, and so is a time column declared other than as text when
// time_format reads it.
func readTypes(src *dsl.Source, detected []Column) ([]Column, hcl.Diagnostics) {
	columns := append([]Column(nil), detected...)
	t := &Table{Source: src, Columns: columns}
	timeFormat := src.File.TimeFormat
	var diags hcl.Diagnostics
	for _, d := range src.File.Types {
		c := t.Column(d.Column.Value)
		switch {
		case c == nil:
			diags = append(diags, t.noSuchColumn(d.Column, " to declare the type of")...)
		case c.Name == src.Time.Value && timeFormat.Value != "" && d.Type.Value != "VARCHAR":
			diags = append(diags, errorDiag("Type of a time written as text", fmt.Sprintf("time_format %q reads the time column %q from its text, which is VARCHAR: remove %s from types, or remove time_format if the files write times as %s reads them.", timeFormat.Value, c.Name, c.Name, d.Type.Value), &d.Type.Range)...)
		default:
			c.SQLType = d.Type.Value
		}
	}
	if c := t.Column(src.Time.Value); c != nil && timeFormat.Value != "" {
		c.SQLType = "VARCHAR"
	}
	return columns, diags
}
