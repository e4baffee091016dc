// This file specifies the diagnostics of invalid projects. Each file of
// testdata/errors is loaded alone; every line where an error is expected ends
// with a comment "# ERROR: <summary>" (repeated for several errors on one
// line), and the errors reported must be exactly those: none missing, none
// extra, each on its line. TestDiagnosticDetails then pins the wording of a
// few details, suggestions included.
package dsl_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

const errorMarker = "# ERROR: "

func TestLoadErrors(t *testing.T) {
	names, err := filepath.Glob("testdata/errors/*.hcl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no testdata/errors/*.hcl: %v", err)
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			want := expectedErrors(src)
			if len(want) == 0 {
				t.Fatalf("%s has no %q marker", name, errorMarker)
			}
			_, diags := dsl.Load(map[string][]byte{name: src})
			if diff := cmp.Diff(want, reportedErrors(t, name, diags)); diff != "" {
				t.Errorf("diagnostics of %s (-marked +reported):\n%s", name, diff)
			}
		})
	}
}

// expectedErrors lists the "line: summary" of the file's markers, sorted.
func expectedErrors(src []byte) []string {
	var want []string
	sc := bufio.NewScanner(bytes.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		marks := strings.Split(sc.Text(), errorMarker)
		for _, summary := range marks[1:] {
			want = append(want, fmt.Sprintf("%d: %s", line, strings.TrimSpace(summary)))
		}
	}
	sort.Strings(want)
	return want
}

// reportedErrors lists the "line: summary" of the diagnostics, sorted.
func reportedErrors(t *testing.T, name string, diags hcl.Diagnostics) []string {
	t.Helper()
	var got []string
	for _, d := range diags {
		switch {
		case d.Severity != hcl.DiagError:
			t.Errorf("not an error: %v", d)
		case d.Subject == nil:
			t.Errorf("no subject: %v", d)
		case d.Subject.Filename != name:
			t.Errorf("subject in %s, not %s: %v", d.Subject.Filename, name, d)
		default:
			got = append(got, fmt.Sprintf("%d: %s", d.Subject.Start.Line, d.Summary))
		}
	}
	sort.Strings(got)
	return got
}

// TestDiagnosticDetails pins the details users read, suggestions included.
func TestDiagnosticDetails(t *testing.T) {
	for _, c := range []struct {
		name, src, summary, detail string
	}{{
		name:    "empty cross",
		src:     `scorecard "s" { by = [[]] }`,
		summary: "Cross of fewer than two breakdowns",
		detail:  `A list in by crosses breakdowns, a cell per combination of their values: name two or more, as ["segment", "channel"], or write one breakdown as a string.`,
	}, {
		name:    "name repeated in a cross",
		src:     `scorecard "s" { by = [["channel", "segment", "channel"]] }`,
		summary: "Breakdown crossed with itself",
		detail:  `"channel" comes twice in this cross: name each breakdown once.`,
	}, {
		name:    "period in a cross",
		src:     "kpi \"k\" {\n formula = \"count()\"\n by = [[\"period\", \"channel\"]]\n}",
		summary: "Period in a cross",
		detail:  `Every value is reported per period already, crossed breakdowns too: remove "period" from the list.`,
	}, {
		name:    "grain suggestion",
		src:     `project "p" { grain = "quartr" }`,
		summary: "Invalid value",
		detail:  `The attribute "grain" must be one of "day", "week", "month", "quarter" or "year", not "quartr". Did you mean "quarter"?`,
	}, {
		name:    "kpi format suggestion, case-insensitive",
		src:     "kpi \"k\" {\n formula = \"1\"\n format = \"Percent\"\n}",
		summary: "Invalid value",
		detail:  `The attribute "format" must be one of "number", "integer", "percent" or "currency", not "Percent". Did you mean "percent"?`,
	}, {
		name:    "declared column type suggestion",
		src:     "source \"s\" {\n path = \"s.csv\"\n key = \"id\"\n types = { amount = \"double\" }\n}",
		summary: "Invalid value",
		detail:  `The attribute "types.amount" must be one of "VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP" or "TIMESTAMPTZ", not "double". Did you mean "DOUBLE"?`,
	}, {
		name:    "distinct neither a bool nor columns",
		src:     "source \"s\" {\n path = \"s.csv\"\n key = \"id\"\n distinct = \"yes\"\n}",
		summary: "Invalid distinct",
		detail:  `The attribute "distinct" must be true, false or a list of columns: distinct = true keeps one of the rows equal in every column; distinct = ["order_id"] one of the rows equal in the columns listed.`,
	}, {
		name:    "distinct by no column",
		src:     "source \"s\" {\n path = \"s.csv\"\n key = \"id\"\n distinct = []\n}",
		summary: "Invalid distinct",
		detail:  `An empty list of columns: distinct = true keeps one of the rows equal in every column; distinct = ["order_id"] one of the rows equal in the columns listed.`,
	}, {
		name:    "distinct by a column twice",
		src:     "source \"s\" {\n path = \"s.csv\"\n key = \"id\"\n distinct = [\"a\", \"b\", \"a\"]\n}",
		summary: "Invalid distinct",
		detail:  `The column "a" is listed twice: list each column once.`}, {
		name:    "compressed Parquet file",
		src:     "source \"s\" {\n path = \"s.parquet.gz\"\n key = \"id\"\n}",
		summary: "Unknown file format",
		detail:  `The format of s.parquet.gz cannot be told from its extension. Set format = "csv", "parquet" or "json"; CSV and JSON files may be compressed (.csv.gz, .json.zst), Parquet files compress inside.`,
	}, {
		name:    "NUL character in a label",
		src:     "kpi \"k\" {\n formula = \"1\"\n label = \"a\\u0000b\"\n}",
		summary: "NUL character",
		detail:  `The attribute "label" holds a NUL character (\u0000), which no name, label, key or path may hold: remove it.`,
	}, {
		name:    "NUL character in a budget key",
		src:     "channel \"email\" {}\ncampaign \"c\" {\n start = \"2026-01-01\"\n end = \"2026-02-01\"\n budget = { \"email\\u0000\" = 1 }\n}",
		summary: "NUL character",
		detail:  `The attribute "budget" holds a NUL character (\u0000), which no name, label, key or path may hold: remove it.`,
	}, {
		name:    "media without a near word",
		src:     `channel "c" { media = "television" }`,
		summary: "Invalid value",
		detail:  `The attribute "media" must be one of "owned", "paid" or "earned", not "television".`,
	}, {
		name:    "misspelled argument",
		src:     `kpi "k" { formla = "1" }`,
		summary: "Unsupported argument",
		detail:  `An argument named "formla" is not expected here. Did you mean "formula"?`,
	}, {
		name:    "trait history",
		src:     "trait \"t\" {\n formula = \"count()\"\n history = \"12m\"\n}",
		summary: "Invalid history",
		detail:  `history = "12m": write "all" for every touchpoint of the customer up to the end of the period, or a trailing window in days from 1d to 36525d, such as "365d" for the touchpoints of the 365 days before the end of the period.`,
	}, {
		name:    "reference date",
		src:     `project "p" { as_of = "2026/12/31" }`,
		summary: "Invalid date",
		detail:  `as_of = "2026/12/31" is not a date written YYYY-MM-DD, such as 2026-07-01. Or write "data": the day of the last touchpoint.`,
	}, {
		name:    "top of no key",
		src:     "scorecard \"s\" { top = 0 }",
		summary: "Invalid count",
		detail:  `The attribute "top" is a whole number from 1 to 1000, not 0.`,
	}, {
		name:    "ranking without top",
		src:     "kpi \"k\" { formula = \"1\" }\nscorecard \"s\" { top_by = kpi.k }",
		summary: "Ranking without top",
		detail:  `top_by names the KPI that ranks the keys a breakdown's tables keep: set top = <how many> too.`,
	}, {
		name:    "top by an undeclared kpi",
		src:     "kpi \"revenue\" { formula = \"1\" }\nscorecard \"s\" {\n top = 3\n top_by = kpi.revenu\n}",
		summary: "Reference to an undeclared kpi",
		detail:  `No kpi block is named "revenu". Did you mean "revenue"?`,
	}, {
		name:    "undeclared kpi",
		src:     "kpi \"reach\" { formula = \"1\" }\nscorecard \"s\" { kpis = [kpi.rech] }",
		summary: "Reference to an undeclared kpi",
		detail:  `No kpi block is named "rech". Did you mean "reach"?`,
	}, {
		name:    "undeclared campaign, nothing near",
		src:     "campaign \"q2\" {\n start = \"2026-04-01\"\n end = \"2026-06-30\"\n}\nscorecard \"s\" { campaign = campaign.christmas }",
		summary: "Reference to an undeclared campaign",
		detail:  `No campaign block is named "christmas".`,
	}, {
		name:    "budget channel suggestion",
		src:     "channel \"email\" {}\ncampaign \"q2\" {\n start = \"2026-04-01\"\n end = \"2026-06-30\"\n budget = { emial = 1 }\n}",
		summary: "Budget for an undeclared channel",
		detail:  `No channel block is named "emial". Did you mean "email"? Budgets are per declared channel: add channel "emial" {} or fix the name.`,
	}, {
		name:    "invalid name",
		src:     `channel "tele-phone" {}`,
		summary: "Invalid name",
		detail:  `The channel name "tele-phone" is not an identifier: formulas could not refer to it. Use letters, digits and underscores, starting with a letter.`,
	}, {
		name:    "invalid reference",
		src:     `scorecard "s" { campaign = kpi.reach }`,
		summary: "Invalid reference",
		detail:  `Expected a reference to a campaign block, such as campaign.name.`,
	}, {
		name:    "campaign ends before it starts",
		src:     "campaign \"c\" {\n start = \"2026-07-01\"\n end = \"2026-06-30\"\n}",
		summary: "Campaign ends before it starts",
		detail:  `The end date 2026-06-30 is before the start date 2026-07-01.`,
	}, {
		name:    "position shares, written as given",
		src:     "attribution \"a\" {\n conversion = \"true\"\n model = \"position\"\n first = 0.7\n last = 0.6\n}",
		summary: "Shares do not add up",
		detail:  `first + last is 0.7 + 0.6 = 1.3: it must be more than 0 and at most 1, the rest going to the touches between them.`,
	}, {
		name:    "kpi and trait share names",
		src:     "kpi \"x\" { formula = \"1\" }\ntrait \"x\" { formula = \"1\" }",
		summary: `Duplicate trait "x"`,
		detail:  `A kpi or trait named "x" was already declared at f.hcl:1,1-8. Names must be unique within a project; rename one of them.`,
	}, {
		name:    "lookup without a key",
		src:     "source \"assets\" {\n path = \"a.csv\"\n on = \"asset_id\"\n}",
		summary: "Missing key column",
		detail:  `A lookup source (one with on = "<touchpoint column>") needs key = "<column>": its column whose values the touchpoint column holds.`,
	}, {
		name:    "two lookups on one column",
		src:     "source \"t\" {\n path = \"t.csv\"\n customer = \"c\"\n time = \"ts\"\n}\nsource \"a\" {\n path = \"a.csv\"\n key = \"id\"\n on = \"asset\"\n}\nsource \"b\" {\n path = \"b.csv\"\n key = \"id\"\n on = \"asset\"\n}",
		summary: "Second lookup on one column",
		detail:  `Source "b" looks up the touchpoint column "asset", and so does "a" (f.hcl:6,1-11). Put their columns in one file: one lookup per touchpoint column.`,
	}, {
		name:    "last stage without a rule, highest first",
		src:     "loyalty \"l\" {\n stage \"a\" {}\n stage \"b\" { when = \"count() > 0\" }\n stage \"c\" {}\n}",
		summary: "Stage without a rule",
		detail:  `A customer is in stage "c" in a period when its rule holds (and no higher stage's does): give it one, such as when = "count(event == 'purchase') >= 1". Only the first stage, the entry stage, has none. (To try the rules as written, this last stage catching the rest, set order = "first_match".)`,
	}, {
		name:    "stage after the catch-all",
		src:     "loyalty \"l\" {\n order = \"first_match\"\n stage \"a\" { when = \"count() > 1\" }\n stage \"b\" {}\n stage \"c\" { when = \"count() > 0\" }\n}",
		summary: "Stage after the catch-all",
		detail:  `Stage "c" comes after stage "b", which has no when and takes every customer the rules before it leave: with order = "first_match" its rule would never be tried. Move the stage without a when last.`,
	}, {
		name:    "two catch-all stages",
		src:     "loyalty \"l\" {\n order = \"first_match\"\n stage \"a\" { when = \"count() > 1\" }\n stage \"b\" {}\n stage \"c\" {}\n}",
		summary: "Two catch-all stages",
		detail:  `Stage "c" has no when, like stage "b" before it: with order = "first_match", only the last stage has none, and takes the customers for whom no rule holds. Give it a when.`,
	}, {
		name:    "no catch-all stage",
		src:     "loyalty \"l\" {\n order = \"first_match\"\n stage \"a\" { when = \"count() > 1\" }\n stage \"b\" { when = \"count() > 0\" }\n}",
		summary: "No catch-all stage",
		detail:  `With order = "first_match", the rules are tried as written and the last stage, without a when, takes the customers for whom none holds. Remove the when of stage "b", or add a last stage without one.`,
	}, {
		name:    "discount as a percentage",
		src:     "loyalty \"l\" {\n volume = \"count()\"\n discount = 10\n stage \"a\" {}\n stage \"b\" { when = \"count() > 0\" }\n}",
		summary: "Invalid discount",
		detail:  `The discount is a rate per period of the ladder, a fraction from 0 to 1 such as 0.1 for 10%, not 10.`,
	}, {
		name:    "discount without volume",
		src:     "loyalty \"l\" {\n discount = 0.1\n stage \"a\" {}\n stage \"b\" { when = \"count() > 0\" }\n}",
		summary: "Discount without volume",
		detail:  `The discount applies to the volume the forecast expects of the customers: give the ladder a volume, such as volume = "sum(amount, event == 'purchase')".`,
	}, {
		name:    "attribution of touchpoints without a conversion",
		src:     "attribution \"a\" {\n model = \"first\"\n}",
		summary: "Missing conversion",
		detail:  `An attribution shares conversions among the touches before them: add conversion = "<condition>", such as conversion = "event == 'purchase'", or read a path summary with paths = source.<name>.`,
	}, {
		name:    "touchpoint attribute of a path summary's attribution",
		src:     "source \"s\" {\n path = \"s.csv\"\n paths = \"path\"\n conversions = \"n\"\n}\nattribution \"a\" {\n paths = source.s\n key = \"campaign\"\n model = \"first\"\n}",
		summary: "Attribute of a touchpoint attribution",
		detail:  `The attribute "key" reads the touchpoints; this attribution reads the path summary "s", whose rows are the paths and their conversions already. Remove it.`,
	}, {
		name:    "paths naming a source of another role",
		src:     "source \"t\" {\n path = \"t.csv\"\n customer = \"c\"\n time = \"ts\"\n}\nattribution \"a\" {\n paths = source.t\n model = \"first\"\n}",
		summary: "Not a path summary",
		detail:  `Source "t" is a touchpoints source; paths names a path summary, a source with paths = "<column>" and conversions = "<column>".`,
	}} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := dsl.Load(map[string][]byte{"f.hcl": []byte(c.src)})
			var found []string
			for _, d := range diags {
				if d.Summary == c.summary {
					found = append(found, d.Detail)
				}
			}
			if len(found) != 1 || found[0] != c.detail {
				t.Errorf("details of %q diagnostics = %q, want [%q]\nall: %v", c.summary, found, c.detail, diags)
			}
		})
	}
}
