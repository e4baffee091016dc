package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/escape"
)

// This file names what is wrong with data files nobody cleaned, where
// DuckDB's own message would not: an empty file, a source of no row, files
// of one source with different columns.

// emptyFiles is an error for each file of no byte: DuckDB would read one
// as a CSV file of one column, column0, and no row.
func emptyFiles(src *dsl.Source, files []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.Size() == 0 {
			diags = append(diags, errorDiag("Empty data file", fmt.Sprintf("%s, a file of source %s, is empty: export the data again, or make the path match only files that hold data.", f, src.Name), &src.Path.Range)...)
		}
	}
	return diags
}

// checkHasRows warns of a source whose files hold no row, only a header:
// its values would all be empty, and a CSV file's columns read as text.
func (s *Session) checkHasRows(ctx context.Context, t *Table) (hcl.Diagnostics, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM "+t.View+" LIMIT 1").Scan(&one)
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Source without rows",
		Detail:  fmt.Sprintf("The files of source %s (%s) hold no row, only column names: its values are empty, and the columns of a CSV file are read as text.", t.Source.Name, strings.Join(t.Files, ", ")),
		Subject: &t.Source.Path.Range}}, nil
}

// differentColumns names two files of a source whose columns differ, when
// there are: DuckDB's message names neither. It describes each file alone,
// which it does only once reading them together failed.
func (s *Session) differentColumns(ctx context.Context, src *dsl.Source, files []string) (string, bool) {
	if len(files) < 2 {
		return "", false
	}
	first, err := s.describe(ctx, fileReader(src, files[:1], nil))
	if err != nil {
		return "", false
	}
	for _, f := range files[1:] {
		columns, err := s.describe(ctx, fileReader(src, []string{f}, nil))
		if err != nil {
			return "", false
		}
		a, b := (&Table{Columns: first}).ColumnNames(), (&Table{Columns: columns}).ColumnNames()
		if !slices.Equal(a, b) {
			return escape.TerminalLine(fmt.Sprintf("The files of one source must have the same columns: %s has %s; %s has %s.",
				files[0], strings.Join(a, ", "), f, strings.Join(b, ", "))), true
		}
	}
	return "", false
}
