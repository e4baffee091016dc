package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// A reader is how DuckDB reads the files of one format. A column's type
// comes from every row of every file, or from the source's declared types,
// never from a sample that a later row could contradict (DuckDB casts 0.4
// to 0 in a column a sample found to hold integers): the schema is
// detected from the whole data once, when the source is bound, and the view
// reads the files with those types, which makes a value that does not
// parse an error that names its file and line.
type reader struct {
	detect string // the table function that detects the columns from every row (%s: the files)
	read   string // the one that reads them with given types (%s: the files, %s: the types); "" for detect
}

var readers = map[string]reader{
	// skip = 0: DuckDB would skip the rows before a ragged one, silently.
	"csv": {
		detect: "read_csv(%s, header = true, skip = 0, sample_size = -1, files_to_sniff = -1)",
		read:   "read_csv(%s, header = true, skip = 0, types = %s)",
	},
	"json": {
		detect: "read_json_auto(%s, sample_size = -1)",
		read:   "read_json(%s, columns = %s)",
	},
	"parquet": {detect: "read_parquet(%s)"}, // Parquet files carry their types
}

// detecting is the table function that detects the files' columns.
func (r reader) detecting(files []string) string {
	return fmt.Sprintf(r.detect, fileList(files))
}

// reading is the table function that reads the files with the columns'
// types.
func (r reader) reading(files []string, columns []Column) string {
	if r.read == "" {
		return r.detecting(files)
	}
	types := make([]string, len(columns))
	for i, c := range columns {
		types[i] = sqlString(c.Name) + ": " + sqlString(c.SQLType)
	}
	return fmt.Sprintf(r.read, fileList(files), "{"+strings.Join(types, ", ")+"}")
}

func fileList(files []string) string {
	literals := make([]string, len(files))
	for i, f := range files {
		literals[i] = sqlString(f)
	}
	return "[" + strings.Join(literals, ", ") + "]"
}

// declareTypes gives the columns the types the source declares for them.
// A declared column the files do not have is an error at its name.
func declareTypes(src *dsl.Source, detected []Column) ([]Column, hcl.Diagnostics) {
	columns := append([]Column(nil), detected...)
	t := &Table{Source: src, Columns: columns}
	var diags hcl.Diagnostics
	for _, d := range src.Types {
		c := t.Column(d.Column.Value)
		if c == nil {
			diags = append(diags, errorDiag("No such column", fmt.Sprintf("Source %q has no column %q to declare the type of.%s Its columns: %s.", src.Name, d.Column.Value, dsl.DidYouMean(d.Column.Value, t.ColumnNames()), strings.Join(t.ColumnNames(), ", ")), &d.Column.Range)...)
			continue
		}
		c.SQLType = d.Type.Value
	}
	return columns, diags
}
