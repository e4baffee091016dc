package engine

// This file reads a source's files as its file options say: a CSV file's
// header, delimiter and null strings, and the format of its time column,
// which the source's view parses so that every later step reads a time.
// Binding checks a sample of the time column, so that validate, not run,
// reports a time that does not parse, at the attribute to change.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// timeSample is how many rows of the time column binding checks.
const timeSample = 10000

// csvOptions are the arguments of read_csv that a source's CSV options set;
// without names, the columns of a file without a header keep DuckDB's.
// skip = 0 always: DuckDB would skip the rows before a ragged one, silently.
func csvOptions(src *dsl.Source, names bool) string {
	o := src.File
	args := []string{"header = " + strings.ToUpper(strconv.FormatBool(!o.Headerless)), "skip = 0"}
	if names && len(o.Columns) > 0 {
		names := make([]string, len(o.Columns))
		for i, c := range o.Columns {
			names[i] = sqlString(c.Value)
		}
		args = append(args, "names = ["+strings.Join(names, ", ")+"]")
	}
	delimiter := o.Delimiter.Value
	if ext, _ := dsl.DataExtension(src.Path.Value); delimiter == "" && ext == ".tsv" {
		delimiter = "\t"
	}
	if delimiter != "" {
		args = append(args, "delim = "+sqlString(delimiter))
	}
	if o.Nulls != nil {
		nulls := make([]string, len(o.Nulls))
		for i, n := range o.Nulls {
			nulls[i] = sqlString(n.Value)
		}
		args = append(args, "nullstr = ["+strings.Join(nulls, ", ")+"]")
	}
	return ", " + strings.Join(args, ", ")
}

// parsedTimes wraps a reader so that the time column is parsed with the
// source's time_format; without one, it returns the reader.
func parsedTimes(src *dsl.Source, reader string) string {
	if src.File.TimeFormat.Value == "" {
		return reader
	}
	col := formula.QuoteIdent(src.Time.Value)
	return fmt.Sprintf("(SELECT * REPLACE (strptime(%s, %s) AS %s) FROM %s)", col, sqlString(src.File.TimeFormat.Value), col, reader)
}

// columnCountProblem explains why DuckDB could not read the files of a
// source without a header row when columns names more columns than they
// have; it returns nil for other failures.
func (s *Session) columnCountProblem(ctx context.Context, src *dsl.Source, files []string) hcl.Diagnostics {
	if !src.File.Headerless || src.Format.Value != "csv" {
		return nil
	}
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (DESCRIBE SELECT * FROM read_csv("+fileList(files)+csvOptions(src, false)+"))").Scan(&n)
	if err != nil || n == len(src.File.Columns) {
		return nil
	}
	return columnCountDiag(src, n)
}

func columnCountDiag(src *dsl.Source, n int) hcl.Diagnostics {
	return errorDiag("Wrong number of columns", fmt.Sprintf("The attribute columns names %d columns, and the files of source %q have %d: name each of them, in order.", len(src.File.Columns), src.Name, n), &src.File.ColumnsRange)
}

// checkFileColumns checks what the file options promise of the columns
// read: as many names as the file has columns, and a first row that does
// not look like data when it is read as the header.
func checkFileColumns(t *Table) hcl.Diagnostics {
	o := t.Source.File
	switch {
	case t.Source.Format.Value != "csv":
		return nil
	case o.Headerless && len(o.Columns) != len(t.Columns):
		return columnCountDiag(t.Source, len(t.Columns))
	case o.Headerless:
		return nil
	}
	for _, c := range t.Columns {
		if looksLikeData(c.Name) {
			return hcl.Diagnostics{{
				Severity: hcl.DiagWarning,
				Summary:  "First row looks like data",
				Detail:   fmt.Sprintf("The first row of source %q names a column %q, which reads as a value: if the files have no header row, their first row is lost. Set header = false and name the columns: columns = [...].", t.Source.Name, c.Name),
				Subject:  t.Source.Path.Range.Ptr(),
			}}
		}
	}
	return nil
}

// dateLike matches the start of a date written with digits: 2026-03-27,
// 03/27/2026, 27.03.2026.
var dateLike = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}`)

// looksLikeData tells a header name that reads as a number or a date.
func looksLikeData(name string) bool {
	_, err := strconv.ParseFloat(name, 64)
	return err == nil || dateLike.MatchString(name)
}

// timeFormats are the formats suggested for a time column that does not
// read as a time, when they read every value of the sample.
var timeFormats = []string{
	"%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M",
	"%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%d.%m.%Y %H:%M:%S", "%Y%m%d", "%d-%m-%Y", "%Y/%m/%d",
}

// checkTimeColumn checks, on a sample, that a text time column reads as a
// time: with the source's time_format, or else as DuckDB reads times. A
// column of another type is checkRoleColumns' to report.
func (s *Session) checkTimeColumn(ctx context.Context, t *Table) hcl.Diagnostics {
	src := t.Source
	format := src.File.TimeFormat
	c := t.Column(src.Time.Value)
	switch {
	case c == nil:
		return nil
	case c.Type == builtins.Time && format.Value != "":
		return errorDiag("Time already read", fmt.Sprintf("The time column %q of source %q is %s already: time_format is for times written as text. Remove it.", c.Name, src.Name, c.SQLType), &format.Range)
	case c.Type != builtins.String:
		return nil
	}
	col := columnSQL(c.Name) // the view's name for it
	parse := "TRY_CAST(" + col + " AS TIMESTAMP)"
	if format.Value != "" {
		parse = "try_strptime(" + col + ", " + sqlString(format.Value) + ")"
	}
	sample := fmt.Sprintf("(SELECT %s FROM %s LIMIT %d) WHERE %s IS NOT NULL", col, t.View, timeSample, col)
	var bad string
	err := s.db.QueryRowContext(ctx, "SELECT "+col+" FROM "+sample+" AND "+parse+" IS NULL LIMIT 1").Scan(&bad)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil && format.Value != "":
		return errorDiag("Invalid time format", duckDBMessage(err)+". See strftime's format specifiers: %Y year, %m month, %d day, %H hour, %M minute, %S second.", &format.Range)
	case err != nil:
		return errorDiag("Cannot read source "+src.Name, duckDBMessage(err), &src.Time.Range)
	case format.Value != "":
		return errorDiag("Time does not parse", fmt.Sprintf("The time column %q of source %q holds %q, which time_format %q does not read.%s", c.Name, src.Name, bad, format.Value, s.suggestTimeFormat(ctx, sample, col)), &format.Range)
	}
	return errorDiag("Time does not parse", fmt.Sprintf("The time column %q of source %q holds %q, which is not a time as 2026-03-27 or 2026-03-27 14:05:00 write it.%s", c.Name, src.Name, bad, s.suggestTimeFormat(ctx, sample, col)), &src.Time.Range)
}

// suggestTimeFormat names the formats of timeFormats that read every value
// of the sample, as a sentence; "" when none does.
func (s *Session) suggestTimeFormat(ctx context.Context, sample, col string) string {
	counts := make([]string, len(timeFormats))
	for i, f := range timeFormats {
		counts[i] = fmt.Sprintf("count(*) FILTER (WHERE try_strptime(%s, %s) IS NULL)", col, sqlString(f))
	}
	failures := make([]int64, len(timeFormats))
	targets := make([]any, len(failures))
	for i := range failures {
		targets[i] = &failures[i]
	}
	if err := s.db.QueryRowContext(ctx, "SELECT "+strings.Join(counts, ", ")+" FROM "+sample).Scan(targets...); err != nil {
		return ""
	}
	var fits []string
	for i, n := range failures {
		if n == 0 {
			fits = append(fits, fmt.Sprintf("time_format = %q", timeFormats[i]))
		}
	}
	switch len(fits) {
	case 0:
		return " Set time_format to the format it is written in, as strptime reads it (\"%m/%d/%Y\" for 03/27/2026)."
	case 1:
		return " Set " + fits[0] + ": it reads every value of the first rows."
	}
	return " Set " + strings.Join(fits, " or ") + ": each reads every value of the first rows; choose the one the data means."
}
