package dsl

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// FileOptions say how to read a source's files where the defaults do not:
// CSV files without a header row, with another delimiter or other null
// strings, times written in a format of their own, and columns whose type
// is declared rather than detected.
type FileOptions struct {
	Headerless bool   // CSV: header = false, the first row is data
	Columns    []Text // CSV without a header: the columns' names, in order
	// ColumnsRange is the range of the list of columns.
	ColumnsRange hcl.Range
	Delimiter    Text   // CSV: one character; "" lets DuckDB detect it (a tab for .tsv)
	Nulls        []Text // CSV: the strings that stand for a missing value; nil keeps DuckDB's ("")
	TimeFormat   Text   // the time column's format, as strptime reads it: "%m/%d/%Y"
	// Types are the declared types of columns, which replace those
	// detected from CSV and JSON files or carried by Parquet files.
	Types []ColumnType
}

// ColumnType is a column's declared type: types = { amount = "DOUBLE" }.
type ColumnType struct {
	Column Text
	Type   Text // one of ColumnTypes
}

// ColumnTypes are the types a column may be declared, as DuckDB names them.
var ColumnTypes = []string{"VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "TIMESTAMPTZ"}

// columnTypesAttr decodes types = { column = "TYPE" }, the declared types
// of a source's columns: CSV and JSON files are read as them, and Parquet
// columns, which carry a type of their own, are cast to them.
func columnTypesAttr(attr *hcl.Attribute) ([]ColumnType, hcl.Diagnostics) {
	pairs, diags := mapAttr(attr, `{ amount = "DOUBLE" }`)
	var types []ColumnType
	for _, p := range pairs {
		t, d := choiceAttr(&hcl.Attribute{Name: "types." + p.Key.Value, Expr: p.Value}, ColumnTypes)
		if diags = append(diags, d...); !d.HasErrors() {
			types = append(types, ColumnType{Column: p.Key, Type: t})
		}
	}
	return types, diags
}

// csvOnly lists the options that only CSV files take.
var csvOnly = []string{"header", "columns", "delimiter", "null"}

var fileOptionAttributes = []hcl.AttributeSchema{
	{Name: "header"}, {Name: "columns"}, {Name: "delimiter"}, {Name: "null"}, {Name: "time_format"}, {Name: "types"},
}

// decodeFileOptions decodes the file options of a source block's content,
// once its format is known.
func decodeFileOptions(content *hcl.BodyContent, format string) (FileOptions, hcl.Diagnostics) {
	attrs := content.Attributes
	var o FileOptions
	var d hcl.Diagnostics
	header, diags := boolAttr(attrs["header"], true)
	o.Headerless = !header
	o.Columns, d = textListAttr(attrs["columns"])
	diags = append(diags, d...)
	if a := attrs["columns"]; a != nil {
		o.ColumnsRange = a.Expr.Range()
	}
	o.Delimiter, d = textAttr(attrs["delimiter"])
	diags = append(diags, d...)
	o.Nulls, d = nullsAttr(attrs["null"])
	diags = append(diags, d...)
	o.TimeFormat, d = textAttr(attrs["time_format"])
	diags = append(diags, d...)
	o.Types, d = columnTypesAttr(attrs["types"])
	diags = append(diags, d...)
	if diags.HasErrors() {
		return o, diags
	}
	return o, o.check(attrs, format)
}

// nullsAttr decodes the null strings: one string, or a list of them.
func nullsAttr(attr *hcl.Attribute) ([]Text, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	if t, diags := textAttr(attr); !diags.HasErrors() {
		return []Text{t}, nil
	}
	return textListAttr(attr)
}

func (o *FileOptions) check(attrs map[string]*hcl.Attribute, format string) hcl.Diagnostics {
	fail := func(summary, detail string, at hcl.Range) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()}}
	}
	if format != "csv" && format != "" {
		for _, name := range csvOnly {
			if a := attrs[name]; a != nil {
				return fail("Option of CSV files", fmt.Sprintf("%s is an option of CSV files; this source's files are %s, whose columns and types the file itself says. Remove it.", name, format), a.NameRange)
			}
		}
	}
	switch {
	case o.Headerless && len(o.Columns) == 0:
		return fail("Columns not named", "A file without a header row needs its columns' names, in order: columns = [\"customer_id\", \"day\", \"amount\"].", attrs["header"].Expr.Range())
	case !o.Headerless && attrs["columns"] != nil:
		return fail("Columns with a header", "columns names the columns of a file without a header row; this file's first row names them. Set header = false if the first row is data, or remove columns.", attrs["columns"].NameRange)
	case o.Delimiter.Value != "" && utf8.RuneCountInString(o.Delimiter.Value) != 1:
		return fail("Invalid delimiter", fmt.Sprintf("The delimiter is one character, such as \";\", \"|\" or \"\\t\" (a tab), not %q.", o.Delimiter.Value), o.Delimiter.Range)
	case attrs["time_format"] != nil && o.TimeFormat.Value == "":
		return fail("Empty time format", "time_format says how the time column writes a time, as strptime reads it: \"%m/%d/%Y\" for 03/27/2026, \"%d.%m.%Y %H:%M\" for 27.03.2026 14:05.", o.TimeFormat.Range)
	}
	seen := map[string]bool{}
	for _, c := range o.Columns {
		if seen[c.Value] || c.Value == "" {
			return fail("Invalid column name", fmt.Sprintf("Each column needs a name of its own; %q is empty or named twice.", c.Value), c.Range)
		}
		seen[c.Value] = true
	}
	return nil
}
