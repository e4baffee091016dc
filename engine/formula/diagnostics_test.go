package formula

// TestCompileErrors specifies the diagnostic of each misuse the compiler
// knows, rendered "<line>,<col>-<endcol>: <Summary>; <Detail>" with the range
// of the characters at fault; TestDiagnosticRangeInFile, that this range is
// exact in a real HCL file whose formula has escapes or is a heredoc.

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

type errorCase struct {
	scope Scope
	text  string
	want  string // the diagnostics, one a line; "" when the formula is valid
	bug   string // a known bug that makes the compiler differ from want
}

const unsupported = " is expr syntax that omni formulas do not support: formulas are compiled to SQL, with the operators and functions of the omni reference."

var errorCases = []errorCase{
	// Names and functions.
	{RowScope, `evnt == 'visit'`, `1,1-5: Unknown name; Nothing is named "evnt" here. Did you mean "event"?`, ""},
	{RowScope, `'café' == evnt`, `1,11-15: Unknown name; Nothing is named "evnt" here. Did you mean "event"?`, ""},
	{RowScope, `a.b == 1`, `1,1-2: Unknown name; Nothing is named "a" here.`, ""},
	{RowScope, `cout() > 1`, `1,1-5: Unknown function; There is no function "cout". Did you mean "count"?`, ""},
	{RowScope, `len(tags) > 0`, `1,1-4: Unknown function; There is no function "len". Did you mean "length"?`, ""},
	{RowScope, "evnt == 'a' && cnt() > 1", "1,16-19: Unknown function; There is no function \"cnt\". Did you mean \"count\"?\n" +
		`1,1-5: Unknown name; Nothing is named "evnt" here. Did you mean "event"?`, ""},
	{RowScope, `loop > 1`, `1,1-5: Cannot use loop; KPI "loop" refers to itself through "other"`, ""},

	// Arguments.
	{RowScope, `lower(event, 1) == 'a'`, `1,1-6: Type error in formula; The function lower takes 1 argument, not 2: lower(text).`, ""},
	{RowScope, `lower() == 'a'`, `1,1-6: Type error in formula; The function lower takes 1 argument, not 0: lower(text).`, ""},
	{RowScope, `lower(units) == 'a'`, `1,1-6: Type error in formula; The text argument of lower must be a string, not an integer.`, ""},
	{TraitScope, `sum(event)`, `1,1-4: Type error in formula; The value argument of sum must be a number, not a string.`, ""},
	{TraitScope, `count(1)`, `1,1-6: Type error in formula; The where argument of count must be a bool, not an integer.`, ""},
	// Earlier periods and touchpoints.
	{TraitScope, `previous(count())`, `1,1-9: Misplaced previous; previous(…) compares a KPI's value per scorecard cell with another period: use it in a KPI.`, ""},
	{KPIScope, `sum(previous(revenue))`, `1,5-13: Misplaced previous; previous(…) stands inside sum(…), which reduces rows; previous(…) takes a value per cell: write the aggregate inside it, as in previous(sum(revenue)).`, ""},
	{KPIScope, `previous(change(reach))`, `1,10-16: Misplaced change; change(…) stands inside previous(…): comparisons with other periods do not nest in one formula. Define a KPI of the inner one and compare that KPI.`, ""},
	{KPIScope, `change(1)`, `1,8-9: Value per cell expected; change(…) reads the value of the same cell in another period, and a constant is the same in every period: give it a KPI or an aggregate, as in change(revenue) or change(count()).`, ""},
	{KPIScope, `had_before(online)`, `1,1-11: Misplaced had_before; had_before(…) is a condition on each touchpoint that a KPI aggregates: use it inside a KPI's aggregate, as in count(channel == 'store' && had_before(channel == 'web')).`, ""},
	{RowScope, `had_before(online)`, `1,1-11: Misplaced had_before; had_before(…) is a condition on each touchpoint that a KPI aggregates: use it inside a KPI's aggregate, as in count(channel == 'store' && had_before(channel == 'web')).`, ""},
	{KPIScope, `count(had_before(online, 0))`, `1,26-27: Days out of range; had_before looks back over at least 1 day, not 0: leave days out to look back over the whole data.`, ""},
	{KPIScope, `count(had_before(online, units))`, `1,26-31: Literal expected; The days of had_before must be written as a number.`, ""},
	{KPIScope, `share(had_before(online))`, `1,7-17: Misplaced had_before; had_before(…) is a condition on touchpoints, and share(…) does not aggregate touchpoints: use it inside count, sum… as in count(channel == 'store' && had_before(channel == 'web')).`, ""},
	{KPIScope, `count(had_before(had_before(online)))`, `1,18-28: Misplaced had_before; had_before(…) stands inside had_before(…): conditions on earlier touchpoints do not nest.`, ""},
	{KPIScope, `count(channels_used > 1 && had_before(online))`, `1,1-6: Mixed levels in an aggregate; count(…) uses "online", a column of the touchpoints, and "channels_used", a trait per customer: it can aggregate touchpoints or customers, not both.`, ""},
	{TraitScope, `count(had_before(online))`, `1,7-17: Misplaced had_before; had_before(…) is a condition on each touchpoint that a KPI aggregates: use it inside a KPI's aggregate, as in count(channel == 'store' && had_before(channel == 'web')).`, ""},
	{TraitScope, `retained_customers()`, `1,1-19: Misplaced aggregate; retained_customers(…) is computed per scorecard cell; a trait is computed per customer. Use it in a KPI.`, ""},
	{KPIScope, `share(online, true)`, `1,1-6: Type error in formula; The function share takes 1 argument, not 2: share(condition).`, ""},
	// Ranks and scores.
	{KPIScope, `ntile(revenue, 5)`, `1,1-6: Misplaced ntile; ntile(…) places a customer's value among the customers of a period: use it in a trait, as in trait "score" { formula = "ntile(monetary, 5)" }, and the trait here.`, ""},
	{KPIScope, `avg(ntile(channels_used, 5))`, `1,5-10: Misplaced ntile; ntile(…) places a customer's value among the customers of a period: use it in a trait, as in trait "score" { formula = "ntile(monetary, 5)" }, and the trait here.`, ""},
	{TraitScope, `sum(rank(channels_used))`, `1,5-9: Misplaced rank; rank(…) stands inside sum(…), which reduces a customer's touchpoints; rank(…) takes a value per customer: write the aggregate inside it, as in rank(sum(revenue)).`, ""},
	{TraitScope, `ntile(percent_rank(channels_used), 4)`, `1,7-19: Misplaced percent_rank; percent_rank(…) stands inside ntile(…): ranks do not nest in one formula. Define a trait of the inner one and rank that trait.`, ""},
	{TraitScope, `ntile(event, 5)`, `1,1-6: Type error in formula; The value argument of ntile must be a number, not a string.`, ""},
	{TraitScope, `ntile(sum(revenue), 0)`, `1,21-22: Buckets out of range; ntile splits the customers into at least 1 bucket, not 0: 5 gives quintile scores from 1 to 5.`, ""},
	{TraitScope, `ntile(sum(revenue), -2)`, `1,21-23: Buckets out of range; ntile splits the customers into at least 1 bucket, not -2: 5 gives quintile scores from 1 to 5.`, ""},
	{TraitScope, `ntile(sum(revenue), count())`, `1,21-26: Literal expected; The buckets of ntile must be written as a number.`, ""},
	{TraitScope, `ntile(sum(revenue), 2.5)`, `1,1-6: Type error in formula; The buckets argument of ntile must be an integer, not a number.`, ""},
	{TraitScope, `rank(3)`, `1,6-7: Value per customer expected; rank(…) places a customer's value among the other customers', and a constant is the same for all: give it a trait or an aggregate of the customer's touchpoints, as in rank(monetary) or rank(sum(revenue)).`, ""},
	{RowScope, `rank(units) > 1`, `1,1-5: Misplaced rank; rank(…) places a customer's value among the customers of a period: use it in a trait, as in trait "score" { formula = "rank(monetary)" }, and the trait here.`, ""},
	{TraitScope, `quantile(revenue, units)`, `1,19-24: Literal expected; The fraction of quantile must be written as a number.`, ""},
	{TraitScope, `quantile(revenue, 1.5)`, `1,19-22: Fraction out of range; The fraction of quantile must be from 0 to 1, not 1.5.`, ""},
	{TraitScope, `quantile(revenue, -0.5)`, `1,19-23: Fraction out of range; The fraction of quantile must be from 0 to 1, not -0.5.`, ""},
	{TraitScope, `round(sum(revenue), -1)`, ``, ""},
	{RowScope, `time > date('2026-13-01')`, `1,13-25: Invalid date; "2026-13-01" is not a real date: months go from 01 to 12.`, ""},
	{RowScope, `time > date('2026-02-30')`, `1,13-25: Invalid date; "2026-02-30" is not a real date: February 2026 has 28 days.`, ""},
	{RowScope, `time > date('1 July')`, `1,13-21: Invalid date; "1 July" is not a date written YYYY-MM-DD, such as 2026-07-01.`, ""},
	{RowScope, `weekday(nil) == 1`, `1,9-12: Nil argument; The time of weekday cannot be nil.`, ""},

	// Aggregates where they cannot stand.
	{TraitScope, `sum(count())`, `1,5-10: Misplaced aggregate; count(…) stands inside sum(…): aggregates do not nest. Define a trait for the inner one.`, ""},
	{RowScope, `count() > 1`, `1,1-6: Misplaced aggregate; count(…) aggregates many rows, but this formula is computed on each row by itself.`, ""},
	{CustomerScope, `count() > 1`, `1,1-6: Misplaced aggregate; count(…) aggregates many rows, but this formula is computed on each row by itself.`, ""},
	{TraitScope, `share(channels_used > 1)`, `1,1-6: Misplaced aggregate; share(…) is computed per scorecard cell; a trait is computed per customer. Use it in a KPI.`, ""},
	{TraitScope, `spend()`, `1,1-6: Misplaced aggregate; spend(…) is computed per scorecard cell; a trait is computed per customer. Use it in a KPI.`, ""},
	{TraitScope, `days_since_last() < 90`, `1,1-16: Misplaced aggregate; days_since_last(…) looks back over a customer's history from the end of a period, a value per customer: name it in a trait (trait "recency" { formula = "days_since_last(…)" }) and use the trait here, or use it in a loyalty ladder's rule or volume.`, ""},
	{KPIScope, `days_since_first()`, `1,1-17: Misplaced aggregate; days_since_first(…) looks back over a customer's history from the end of a period, a value per customer: name it in a trait (trait "recency" { formula = "days_since_first(…)" }) and use the trait here, or use it in a loyalty ladder's rule or volume.`, ""},
	{KPIScope, `spend(specialty == 'GP')`, `1,7-16: Not a column of spend; spend(…) adds up rows of the spend source, which know their day, channel and channel metadata only: "specialty" is a customer attribute.`, ""},
	{KPIScope, `spend(channels_used > 1)`, `1,7-20: Not a column of spend; spend(…) adds up rows of the spend source, which know their day, channel and channel metadata only: "channels_used" is a trait.`, ""},
	{KPIScope, `base_count(revenue > 1)`, `1,12-19: Touchpoint column in base_count; base_count(…) counts customers, but "revenue" is a column of the touchpoints. Define a trait that aggregates it per customer, and use the trait here.`, ""},
	{KPIScope, `share(revenue > 1)`, `1,7-14: Touchpoint column in share; share(…) counts customers, but "revenue" is a column of the touchpoints. Define a trait that aggregates it per customer, and use the trait here.`, ""},
	{KPIScope, `sum(revenue, channels_used > 1)`, `1,1-4: Mixed levels in an aggregate; sum(…) uses "revenue", a column of the touchpoints, and "channels_used", a trait per customer: it can aggregate touchpoints or customers, not both.`, ""},
	{KPIScope, `sum(reach)`, `1,5-10: Aggregate of a KPI; "reach" is a KPI, already one value per cell: use it outside sum(…).`, ""},
	{TraitScope, `sum(channels_used)`, `1,5-18: Aggregate of a trait; "channels_used" is a trait, already one value per customer and period: use it outside sum(…).`, ""},

	// Names at the wrong level for their scope.
	{RowScope, `channels_used > 1`, `1,1-14: Misplaced trait; "channels_used" is a trait, one value per customer and period; this condition selects touchpoints one by one. Use touchpoint columns and customer attributes here.`, ""},
	{CustomerScope, `channels_used > 1`, `1,1-14: Misplaced trait; "channels_used" is a trait, which changes from period to period; segments select customers by their attributes. To count customers by a trait, write a KPI such as share(channels_used).`, ""},
	{KPIScope, `channels_used`, `1,1-14: Misplaced trait; "channels_used" is a trait, one value per customer; a KPI is one value per cell. Aggregate it over the cell's customers: avg(channels_used), or share(...) with a condition on it.`, ""},
	{TraitScope, `reach + 1`, `1,1-6: Misplaced KPI; "reach" is a KPI: a value per scorecard cell, which only other KPIs can use.`, ""},
	{RowScope, `reach > 1`, `1,1-6: Misplaced KPI; "reach" is a KPI: a value per scorecard cell, which only other KPIs can use.`, ""},
	{KPIScope, `event`, `1,1-6: Misplaced column; "event" is a column of the touchpoints, one value per row; this formula needs one value for many rows. Aggregate it: sum(event), count_distinct(event)…`, ""},
	{TraitScope, `revenue`, `1,1-8: Misplaced column; "revenue" is a column of the touchpoints, one value per row; this formula needs one value for many rows. Aggregate it: sum(revenue), count_distinct(revenue)…`, ""},
	{KPIScope, `age`, `1,1-4: Misplaced customer attribute; "age" is a customer attribute, one value per customer; a KPI is one value per cell. Aggregate it: avg(age), or count(...) with a condition on it.`, ""},
	{CustomerScope, `event == 'a'`, `1,1-6: Misplaced column; "event" is a column of the touchpoints; a segment is a group of customers chosen by their attributes (the columns of the customers source). To measure customers by their touchpoints, define a trait and a KPI such as share(trait > 0).`, ""},

	// Types.
	{RowScope, `revenue`, `1,1-8: Condition expected; This formula selects rows, so it must be true or false; it is a number. Compare it: x == 'value', x > 10.`, ""},
	{CustomerScope, `age`, `1,1-4: Condition expected; This formula selects rows, so it must be true or false; it is an integer. Compare it: x == 'value', x > 10.`, ""},
	{KPIScope, `count() > 1`, `1,1-12: Number expected; This formula must be a number; it is a bool.`, ""},
	{KPIScope, `min(time)`, `1,1-10: Number expected; This formula must be a number; it is a time.`, ""},
	{TraitScope, `max(time) - min(time)`, `1,11-12: Arithmetic on times; Times cannot be added or subtracted here: use days_between(from, to) for a duration in days.`, ""},
	{TraitScope, `min(time) + 1`, `1,11-12: Type error in formula; Invalid operation: + (mismatched types time.Time and int).`, ""},
	{RowScope, `nil ?? units`, `1,1-13: Condition expected; This formula selects rows, so it must be true or false; it is an integer. Compare it: x == 'value', x > 10.`, ""},
	{KPIScope, `nil ?? 'a'`, `1,1-11: Number expected; This formula must be a number; it is a string.`, ""},
	{RowScope, `nil == nil ? nil : nil`, `1,1-23: Unknown type; This formula is nil, or nil in every case: it has no type. Give it a value.`, ""},
	{RowScope, `(revenue ?? 'x') == 'x'`, `1,2-16: Mixed types; The two sides of ?? are a number and a string: they must have the same type.`, ""},
	{RowScope, `(online ? event : 1) == 1`, `1,2-20: Mixed types; The two sides of ?: are a string and an integer: they must have the same type.`, ""},
	{RowScope, `units in ['a', 1]`, `1,11-14: Mixed types; This list item is a string, but the value tested is an integer.`, ""},
	{RowScope, `event == 1`, `1,7-9: Type error in formula; Invalid operation: == (mismatched types string and int).`, ""},
	{RowScope, `event in 'abc'`, `1,7-9: Type error in formula; Invalid operation: in (mismatched types string and string).`, ""},
	{RowScope, `units in tags`, `1,7-9: Type error in formula; Cannot use int as type string in array.`, ""},
	{RowScope, `event matches '('`, "1,7-14: Type error in formula; Error parsing regexp: missing closing ): `(`.", ""},
	{RowScope, `event.x == 'a'`, `1,7-8: Type error in formula; Type string has no field x.`, ""},

	// Syntax omni does not translate.
	{RowScope, `online | lower`, `1,8-9: Unsupported syntax; "|"` + unsupported, ""},
	{RowScope, `# > 1`, `1,1-2: Unsupported syntax; "#"` + unsupported, ""},
	{RowScope, `all(tags, {# == 'a'})`, `1,12-13: Unsupported syntax; "#"` + unsupported, ""},
	{RowScope, `1..3 == 1`, `1,2-4: Unsupported syntax; ".."` + unsupported, ""},
	{RowScope, `let x = 1; x > 0`, `1,1-4: Unsupported syntax; "let"` + unsupported + "\n" +
		`1,10-11: Unsupported syntax; ";"` + unsupported, ""},
	{RowScope, `event?.x == 'a'`, `1,6-8: Unsupported syntax; "?."` + unsupported, ""},
	{RowScope, `{a: 1} == nil`, `1,1-2: Unsupported syntax; The expression "{a: 1}"` + unsupported, ""},
	{RowScope, `tags[0] == 'a'`, `1,5-6: Unsupported syntax; The expression "tags[0]"` + unsupported, ""},
	{RowScope, `tags[0:1] == tags`, `1,5-6: Unsupported syntax; The expression "tags[0:1]"` + unsupported, ""},
	{RowScope, `all(tags, {true})`, `1,1-4: Unsupported syntax; The expression "all(tags, true)"` + unsupported, ""},
	{RowScope, `['a'] == tags`, `1,1-2: Unsupported list; A list can only stand on the right of in, as in channel in ['email', 'webinar'].`, ""},

	// A KPI named like a column: the KPI outside aggregates, the column inside.
	{KPIScope, `sum(kpi.reach)`, `1,5-14: Aggregate of a KPI; "reach" is a KPI, already one value per cell: use it outside sum(…).`, ""},
	{KPIScope, `kpi.reech * 2`, `1,1-10: Unknown name; No KPI is named "reech". Did you mean "reach"?`, ""},
	{KPIScope, `units * 2`, `1,1-6: Cannot use units; "units" depends on itself: units → units. Break the cycle. Outside an aggregate, units names the KPI; for the column, aggregate it, as in sum(units).`, ""},
	{RowScope, `kpi.reach > 1`, `1,1-10: Misplaced KPI; "reach" is a KPI: a value per scorecard cell, which only other KPIs can use.`, ""},

	// SQL habits.
	{RowScope, `channel = 'email'`, `1,9-10: SQL comparison; A formula compares with ==, not =: write == here, as in channel == 'email'.`, ""},
	{RowScope, `units <> 1`, `1,7-9: SQL comparison; A formula writes "not equal" as !=, not <>: write != here.`, ""},
	{RowScope, `channel == 'email' AND units > 1`, `1,20-23: SQL operator; Operators are lower case in a formula: write and (or &&) instead of AND.`, ""},
	{RowScope, `channel == 'email' Or units > 1`, `1,20-22: SQL operator; Operators are lower case in a formula: write or (or ||) instead of Or.`, ""},
	{RowScope, `NOT online`, `1,1-4: SQL operator; Operators are lower case in a formula: write not (or !) instead of NOT.`, ""},
	{RowScope, `channel in ('email', 'visit')`, `1,9-30: SQL list; A formula writes a list in square brackets: write in ['email', 'visit'].`, ""},
	{RowScope, `channel IN ('email')`, `1,9-21: SQL list; A formula writes a list in square brackets: write in ['email'].`, ""},
	{RowScope, `channel in ('email')`, `1,9-21: SQL list; A formula writes a list in square brackets: write in ['email'].`, ""},
	{KPIScope, `COUNT(DISTINCT customer)`, `1,1-25: SQL COUNT(DISTINCT …); A formula counts distinct values with count_distinct: write count_distinct(customer).`, ""},
	{KPIScope, `count(distinct customer, online)`, `1,1-33: SQL COUNT(DISTINCT …); A formula counts distinct values with count_distinct: write count_distinct(customer, online).`, ""},
	{KPIScope, `count(*)`, `1,7-8: SQL count(*); A formula counts rows with count() and no argument: write count(), or count(condition) for the rows that meet it.`, ""},
	{RowScope, `event IS NULL`, `1,7-14: SQL IS NULL; A formula tests a missing value with == nil: write == nil instead of IS NULL.`, ""},
	{RowScope, `event is not null`, `1,7-18: SQL IS NOT NULL; A formula tests a missing value with != nil: write != nil instead of is not null.`, ""},
	{RowScope, `event == NULL`, `1,10-14: Unknown name; Nothing is named "NULL" here. A missing value is nil in a formula: write nil.`, ""},
	{RowScope, `event LIKE 'web%'`, `1,7-11: SQL LIKE; A formula matches text with startsWith, endsWith, contains, or matches and a regular expression: write channel startsWith 'web' for channel LIKE 'web%'.`, ""},
	{RowScope, `CASE WHEN online THEN 1 ELSE 0 END == 1`, `1,1-10: SQL CASE; A formula chooses between two values with condition ? a : b, as in online ? 'web' : 'field'; nest it for more cases.`, ""},
	{KPIScope, `SUM(revenue)`, `1,1-4: Unknown function; There is no function "SUM". Function names are lower case: write sum.`, ""},
	{KPIScope, `total(revenue)`, `1,1-6: Unknown function; There is no function "total". Did you mean "sum"?`, ""},
	{KPIScope, `countd(customer)`, `1,1-7: Unknown function; There is no function "countd". Did you mean "count_distinct"?`, ""},
	{KPIScope, `average(revenue)`, `1,1-8: Unknown function; There is no function "average". Did you mean "avg"?`, ""},
	{KPIScope, `coalesce(sum(revenue), 0)`, `1,1-9: Unknown function; There is no function "coalesce". A formula takes the first value that is not nil with ??: write a ?? b.`, ""},
	{RowScope, `channel = 'email' AND event = "visit"`, `1,9-10: SQL comparison; A formula compares with ==, not =: write == here, as in channel == 'email'.` + "\n" +
		`1,19-22: SQL operator; Operators are lower case in a formula: write and (or &&) instead of AND.` + "\n" +
		`1,29-30: SQL comparison; A formula compares with ==, not =: write == here, as in channel == 'email'.`, ""},

	// Parse errors.
	{RowScope, `event ==`, `1,8-9: Invalid formula; The formula ends too early: a value is missing after an operator, or a parenthesis is not closed.`, ""},
	{RowScope, `(event == 'a'`, `1,13-14: Invalid formula; The formula ends too early: a value is missing after an operator, or a parenthesis is not closed.`, ""},
	{RowScope, `event == 'a' event`, `1,14-19: Invalid formula; Unexpected "event" here: two values follow each other; join them with an operator (==, and, +…).`, ""},
	{RowScope, `count())`, `1,8-9: Invalid formula; Unexpected ")" here: it closes no parenthesis. Remove it, or open one before.`, ""},
	{RowScope, `event == * 2`, `1,10-11: Invalid formula; Unexpected "*" here: a value is missing before it.`, ""},
	{RowScope, ``, `1,1-1: Invalid formula; The formula ends too early: a value is missing after an operator, or a parenthesis is not closed.`, ""},
	{RowScope, `'abc`, `1,4-5: Invalid formula; Literal not terminated.`, ""},
	{RowScope, `€vent == 'a'`, `1,1-2: Invalid formula; Unrecognized character: U+20AC '€'.`, ""},
	{RowScope, `revenue ?? 'x' == 'x'`, `1,16-18: Invalid formula; Operator (==) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`, ""},
	{RowScope, `9999999999999999999 > units`, `1,1-20: Invalid formula; Invalid integer literal: strconv.ParseInt: parsing "9999999999999999999": value out of range.`,
		"the range points at the token after the literal"},
}

// render writes diagnostics as the table does, without the file name.
func render(diags hcl.Diagnostics) string {
	lines := make([]string, len(diags))
	for i, d := range diags {
		lines[i] = strings.TrimPrefix(d.Error(), d.Subject.Filename+":")
	}
	return strings.Join(lines, "\n")
}

func TestCompileErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.text, func(t *testing.T) {
			got, diags := Compile(testFormula(tc.text), tc.scope, wantOf(tc.scope), newTestEnv(tc.scope))
			if diags.HasErrors() && got != nil {
				t.Errorf("Compile returned SQL %q along with errors", got.SQL)
			}
			switch msg := render(diags); {
			case msg == tc.want && tc.bug != "":
				t.Errorf("known bug %q is fixed: clear its bug note", tc.bug)
			case msg != tc.want && tc.bug != "":
				t.Skipf("known mismatch: %s\n got: %s\nwant: %s", tc.bug, msg, tc.want)
			case msg != tc.want:
				t.Errorf("scope %d\n got: %s\nwant: %s", tc.scope, msg, tc.want)
			}
		})
	}
}

// A formula in a file: a quoted string with \" and \u00e9 escapes, and an
// indented heredoc. Each misspelled name must be reported at its characters.
const kpiFile = `kpi "quoted" {
  formula = "count(event == \"caf\u00e9\") + sum(revnue_q)"
}

kpi "heredoc" {
  label   = "Visits"
  formula = <<-EOT
    count(event == "café")
      + sum(revnue_h)
  EOT
}
`

func TestDiagnosticRangeInFile(t *testing.T) {
	p, diags := dsl.Load(map[string][]byte{"k.hcl": []byte(kpiFile)})
	if diags.HasErrors() || p == nil {
		t.Fatalf("loading k.hcl: %v", diags)
	}
	for _, tc := range []struct{ kpi, name string }{{"quoted", "revnue_q"}, {"heredoc", "revnue_h"}} {
		var f *dsl.Formula
		for _, k := range p.KPIs {
			if k.Name == tc.kpi {
				f = k.Formula
			}
		}
		if f == nil {
			t.Fatalf("k.hcl has no kpi %q", tc.kpi)
		}
		_, diags := Compile(f, KPIScope, Number, newTestEnv(KPIScope))
		if len(diags) != 1 || diags[0].Summary != "Unknown name" {
			t.Fatalf("kpi %q: want one Unknown name diagnostic, got %v", tc.kpi, diags)
		}
		from := strings.Index(kpiFile, tc.name)
		want := hcl.Range{Filename: "k.hcl", Start: posAt(kpiFile, from), End: posAt(kpiFile, from+len(tc.name))}
		if got := *diags[0].Subject; got != want {
			t.Errorf("kpi %q: diagnostic at %s (bytes %d-%d), want %s (bytes %d-%d)",
				tc.kpi, got, got.Start.Byte, got.End.Byte, want, want.Start.Byte, want.End.Byte)
		}
	}
}

// posAt is the position of a byte offset of a text.
func posAt(text string, offset int) hcl.Pos {
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	column := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
	return hcl.Pos{Line: line, Column: column, Byte: offset}
}
