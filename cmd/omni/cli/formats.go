package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// format is a form omni run writes scorecards in: <scorecard>.<ext>.
type format struct {
	name  string // as --format names it, which is also the extension
	write func(io.Writer, *scorecard.Scorecard) error
}

var formats = []format{
	{"json", scorecard.WriteJSON},
	{"csv", report.WriteCSV},
	{"md", report.WriteMarkdown},
	{"html", report.WriteHTML},
}

// formatNames lists the formats, for the usage and errors.
func formatNames() string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	return strings.Join(names, ",")
}

// parseFormats reads the --format list: format names, each once.
func parseFormats(names []string) ([]format, error) {
	var out []format
	for _, name := range names {
		i := slices.IndexFunc(formats, func(f format) bool { return f.name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("unknown format %q: --format takes a list of %s", name, formatNames())
		}
		if !slices.ContainsFunc(out, func(f format) bool { return f.name == formats[i].name }) {
			out = append(out, formats[i])
		}
	}
	return out, nil
}

// csvTables are the CSV form's tables beside the values, one per kind of
// thing, each written when the scorecard has some.
var csvTables = []struct {
	name  string
	has   func(*scorecard.Scorecard) bool
	write func(io.Writer, *scorecard.Scorecard) error
}{
	{"objectives", func(sc *scorecard.Scorecard) bool { return len(sc.Objectives) > 0 }, report.WriteObjectivesCSV},
	{"attribution", func(sc *scorecard.Scorecard) bool { return len(sc.Attribution) > 0 }, report.WriteAttributionCSV},
	{"loyalty", func(sc *scorecard.Scorecard) bool { return len(sc.Loyalty) > 0 }, report.WriteLoyaltyCSV},
	{"top", func(sc *scorecard.Scorecard) bool { return sc.Top != nil }, report.WriteTopCSV},
}

// writeScorecard writes <name>.<ext> in each format into the set of
// outputs, and beside the CSV of the values the CSV of each other kind of
// thing it has, <name>.objectives.csv, <name>.attribution.csv,
// <name>.loyalty.csv and <name>.top.csv. It returns the names of the files
// written.
func writeScorecard(set *outdir.Set, sc *scorecard.Scorecard, fs []format) ([]string, error) {
	var written []string
	for _, f := range fs {
		name := sc.Name + "." + f.name
		if err := set.Write(name, func(w io.Writer) error { return f.write(w, sc) }); err != nil {
			return written, err
		}
		written = append(written, name)
		if f.name != "csv" {
			continue
		}
		for _, t := range csvTables {
			if !t.has(sc) {
				continue
			}
			name := sc.Name + "." + t.name + ".csv"
			if err := set.Write(name, func(w io.Writer) error { return t.write(w, sc) }); err != nil {
				return written, err
			}
			written = append(written, name)
		}
	}
	return written, nil
}
