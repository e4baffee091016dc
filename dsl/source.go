package dsl

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// SourceRole says what a source's rows are, decided by its role attributes.
type SourceRole int

const (
	// RoleTouchpoints: one row per interaction of a customer (the fact table).
	RoleTouchpoints SourceRole = iota + 1
	// RoleCustomers: one row per customer, whose columns are attributes.
	RoleCustomers
	// RoleSpend: costs per day (and channel), for spend().
	RoleSpend
	// RoleLookup: one row per value of a touchpoint column (a content
	// asset, a product), whose other columns the touchpoints that name it
	// take on.
	RoleLookup
	// RolePaths: one row per path of an aggregated path summary, with its
	// conversions and non-conversions, which an attribution reads instead
	// of the touchpoints' journeys.
	RolePaths
)

// String names the role as the documentation does.
func (r SourceRole) String() string {
	return [...]string{"", "touchpoints", "customers", "spend", "lookup", "paths"}[r]
}

// Formats are the file formats a source can have.
var Formats = []string{"csv", "parquet", "json"}

// Source is a source block: data files and the columns that play a role.
type Source struct {
	Name string
	Path Text // relative to the project folder; may hold a glob
	// Table is the database table or view the source reads in place,
	// instead of files: "analytics.touchpoints" (see Relation).
	Table  Text
	Format Text // one of Formats; "" infers it from the path's extension
	Role   SourceRole

	Customer Text        // touchpoints: the customer key column
	Time     Text        // touchpoints and spend: the timestamp or date column
	Channel  Text        // touchpoints and spend: the channel column (optional)
	Key      Text        // customers and lookups: the key column, matched with the touchpoints' customer or On
	Amount   Text        // spend: the cost column
	On       Text        // lookups: the touchpoint column whose values are keys of this source
	Paths    PathColumns // paths: the summary's columns

	File FileOptions
	// Distinct drops the rows that repeat others, before anything reads
	// the source.
	Distinct Distinct

	DeclRange hcl.Range
}

var sourceSchema = &hcl.BodySchema{Attributes: append([]hcl.AttributeSchema{
	{Name: "path"},
	{Name: "table"},
	{Name: "format"},
	{Name: "customer"},
	{Name: "time"},
	{Name: "channel"},
	{Name: "key"},
	{Name: "amount"},
	{Name: "on"},
	{Name: "distinct"},
}, append(pathAttributes, fileOptionAttributes...)...)}

func decodeSourceBlock(block *hcl.Block) (*Source, hcl.Diagnostics) {
	name, diags := blockName(block)
	s := &Source{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(sourceSchema)
	diags = append(diags, d...)
	for _, f := range []struct {
		to   *Text
		attr string
	}{
		{&s.Path, "path"}, {&s.Table, "table"}, {&s.Customer, "customer"}, {&s.Time, "time"},
		{&s.Channel, "channel"}, {&s.Key, "key"}, {&s.Amount, "amount"}, {&s.On, "on"},
	} {
		*f.to, d = textAttr(content.Attributes[f.attr])
		diags = append(diags, d...)
	}
	diags = append(diags, s.checkDataAttrs(block, content.Attributes)...)
	s.Paths, d = decodePathColumns(content.Attributes)
	diags = append(diags, d...)
	s.Format, d = choiceAttr(content.Attributes["format"], Formats)
	diags = append(diags, d...)
	if s.Format.Value == "" && s.Path.Value != "" {
		s.Format, d = inferFormat(s.Path)
		diags = append(diags, d...)
	}
	s.File, d = decodeFileOptions(content, s.Format.Value)
	diags = append(diags, d...)
	s.Distinct, d = distinctAttr(content.Attributes["distinct"])
	diags = append(diags, d...)
	diags = append(diags, s.decideRole(block)...)
	return s, diags
}

// inferFormat reads the format from the path's extension, that of the
// file inside for a compressed CSV or JSON file (orders.csv.gz).
func inferFormat(path Text) (Text, hcl.Diagnostics) {
	ext, compressed := DataExtension(path.Value)
	switch ext {
	case ".csv", ".tsv", ".txt":
		return Text{Value: "csv", Range: path.Range}, nil
	case ".parquet":
		if !compressed {
			return Text{Value: "parquet", Range: path.Range}, nil
		}
	case ".json", ".ndjson", ".jsonl":
		return Text{Value: "json", Range: path.Range}, nil
	}
	return Text{}, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Unknown file format",
		Detail:   "The format of " + path.Value + " cannot be told from its extension. Set format = \"csv\", \"parquet\" or \"json\"; CSV and JSON files may be compressed (.csv.gz, .json.zst), Parquet files compress inside.",
		Subject:  path.Range.Ptr(),
	}}
}

// compressions are the extensions of the compressed files that DuckDB
// reads as the CSV or JSON file inside.
var compressions = []string{".gz", ".zst"}

// DataExtension is a path's extension in lower case, that of the file
// inside when the path names a compressed file (".csv" for orders.CSV.gz).
func DataExtension(path string) (ext string, compressed bool) {
	ext = strings.ToLower(filepath.Ext(path))
	if slices.Contains(compressions, ext) {
		trimmed := strings.TrimSuffix(path, filepath.Ext(path))
		return strings.ToLower(filepath.Ext(trimmed)), true
	}
	return ext, false
}

// decideRole infers the role from the role attributes present, and checks
// that those present fit together.
func (s *Source) decideRole(block *hcl.Block) hcl.Diagnostics {
	fail := func(summary, detail string, at hcl.Range) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()}}
	}
	switch {
	case s.Paths.Column.Value != "":
		s.Role = RolePaths
		return s.checkPathsRole(block)
	case s.Paths.any():
		return fail("Missing paths column", "A source with conversions, non_conversions, value or separator is a path summary: it needs paths = \"<column>\", the column whose values are paths such as \"email > search\".", block.DefRange)
	case s.On.Value != "":
		s.Role = RoleLookup
		if s.Key.Value == "" {
			return fail("Missing key column", "A lookup source (one with on = \"<touchpoint column>\") needs key = \"<column>\": its column whose values the touchpoint column holds.", block.DefRange)
		}
		if s.Customer.Value != "" || s.Time.Value != "" || s.Channel.Value != "" || s.Amount.Value != "" {
			return fail("Mixed source roles", "A lookup source (one with on and key) has one row per key: it takes no customer, time, channel or amount column.", block.DefRange)
		}
	case s.Customer.Value != "":
		s.Role = RoleTouchpoints
		if s.Time.Value == "" {
			return fail("Missing time column", "A touchpoints source (one with a customer column) needs time = \"<column>\": the moment of each interaction.", block.DefRange)
		}
		if s.Key.Value != "" || s.Amount.Value != "" {
			return fail("Mixed source roles", "A source is either touchpoints (customer, time, channel), customers (key) or spend (time, amount, channel): this one sets customer together with key or amount.", block.DefRange)
		}
	case s.Key.Value != "":
		s.Role = RoleCustomers
		if s.Time.Value != "" || s.Amount.Value != "" || s.Channel.Value != "" {
			return fail("Mixed source roles", "A customers source (one with a key column) has one row per customer: it takes no time, channel or amount column.", block.DefRange)
		}
	case s.Amount.Value != "":
		s.Role = RoleSpend
		if s.Time.Value == "" {
			return fail("Missing time column", "A spend source needs time = \"<column>\": the day each cost was incurred.", block.DefRange)
		}
	default:
		return fail("Source without a role", "Say what the rows are: customer = \"<column>\" for touchpoints, key = \"<column>\" for customer attributes, key and on = \"<touchpoint column>\" for a lookup, amount = \"<column>\" for spend, or paths = \"<column>\" for a path summary.", block.DefRange)
	}
	return nil
}
