package formula

// TestCompile specifies the SQL that each formula compiles to, with its type,
// level and grains, and the measures a KPI registers: every operator of expr
// that omni supports, the parentheses SQL's precedences need, every function
// of builtins.All in a scope where it is valid, literals, and the inlining of
// traits and KPIs.

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

type compileCase struct {
	scope    Scope
	text     string
	sql      string
	typ      builtins.Type
	level    Level
	grains   Grains
	measures []string // as testEnv records them: "<grain>:<sql>"
}

// row is a condition on touchpoint columns: a bool at row level.
func row(text, sql string) compileCase {
	return compileCase{RowScope, text, sql, builtins.Bool, RowLevel, 0, nil}
}

// trait is a trait formula: one value per customer.
func trait(text, sql string, t builtins.Type) compileCase {
	return compileCase{TraitScope, text, sql, t, TraitLevel, 0, nil}
}

// kpi is a KPI formula; its measures are those registered, in order.
func kpi(text, sql string, t builtins.Type, g Grains, measures ...string) compileCase {
	return compileCase{KPIScope, text, sql, t, CellLevel, g, measures}
}

func grains(gs ...Grain) Grains {
	var s Grains
	for _, g := range gs {
		s = s.Add(g)
	}
	return s
}

var compileCases = []compileCase{
	// Equality follows expr: nil equals nil and nothing else.
	row(`event == nil`, `"event" IS NULL`),
	row(`nil == event`, `"event" IS NULL`),
	row(`event != nil`, `"event" IS NOT NULL`),
	row(`event == 'visit'`, `"event" IS NOT DISTINCT FROM 'visit'`),
	row(`event != 'visit'`, `"event" IS DISTINCT FROM 'visit'`),
	{RowScope, `nil == nil`, `NULL IS NULL`, builtins.Bool, Constant, 0, nil},
	row(`revenue < 10`, `"revenue" < 10`),
	row(`revenue <= 10`, `"revenue" <= 10`),
	row(`revenue > 10`, `"revenue" > 10`),
	row(`revenue >= 10`, `"revenue" >= 10`),
	row(`online && revenue > 10`, `"__online" AND "revenue" > 10`),
	row(`online || revenue > 10`, `"__online" OR "revenue" > 10`),
	row(`online and revenue > 10`, `"__online" AND "revenue" > 10`),
	row(`online or revenue > 10`, `"__online" OR "revenue" > 10`),
	row(`!online`, `NOT "__online"`),
	row(`not online`, `NOT "__online"`),
	row(`-revenue < 0`, `-"revenue" < 0`),
	row(`+revenue < 0`, `"revenue" < 0`),
	row(`revenue + units > 1`, `"revenue" + "units" > 1`),
	row(`revenue - units > 1`, `"revenue" - "units" > 1`),
	row(`revenue * units > 1`, `"revenue" * "units" > 1`),
	row(`revenue / units > 1`, `"revenue" / nullif("units", 0) > 1`),
	row(`units % 2 == 1`, `"units" % nullif(2, 0) IS NOT DISTINCT FROM 1`),
	row(`units ** 2 > 1`, `pow("units", 2) > 1`),
	row(`units ^ 2 > 1`, `pow("units", 2) > 1`),
	row(`event + '!' == 'visit!'`, `"event" || '!' IS NOT DISTINCT FROM 'visit!'`),
	row(`(event ?? 'none') == 'none'`, `coalesce("event", 'none') IS NOT DISTINCT FROM 'none'`),
	row(`online ? revenue > 10 : units > 1`, `CASE WHEN "__online" THEN "revenue" > 10 ELSE "units" > 1 END`),
	row(`if online { revenue > 10 } else { false }`, `CASE WHEN "__online" THEN "revenue" > 10 ELSE FALSE END`),
	row(`event in ['visit', 'email']`, `coalesce("event" IN ('visit', 'email'), FALSE)`),
	row(`event not in ['visit']`, `NOT coalesce("event" IN ('visit'), FALSE)`),
	{RowScope, `event in []`, `FALSE`, builtins.Bool, Constant, 0, nil},
	row(`'a' in tags`, `coalesce(list_contains("tags", 'a'), FALSE)`),
	row(`event in tags`, `coalesce(list_contains("tags", "event"), FALSE)`),
	row(`event contains 'is'`, `coalesce(contains("event", 'is'), FALSE)`),
	row(`event not contains 'is'`, `NOT coalesce(contains("event", 'is'), FALSE)`),
	row(`event startsWith 'vi'`, `coalesce(starts_with("event", 'vi'), FALSE)`),
	row(`event endsWith 'it'`, `coalesce(ends_with("event", 'it'), FALSE)`),
	row(`event matches '^v.*t$'`, `coalesce(regexp_matches("event", '^v.*t$'), FALSE)`),

	// Parentheses exactly where SQL's precedences need them.
	row(`revenue - units - 1 > 0`, `"revenue" - "units" - 1 > 0`),
	row(`revenue - (units - 1) > 0`, `"revenue" - ("units" - 1) > 0`),
	row(`revenue / (units * 2) > 1`, `"revenue" / nullif("units" * 2, 0) > 1`),
	row(`revenue * (units + 1) > 1`, `"revenue" * ("units" + 1) > 1`),
	row(`(revenue + units) * 2 > 1`, `("revenue" + "units") * 2 > 1`),
	row(`-(revenue + units) > 1`, `-("revenue" + "units") > 1`),
	row(`- -revenue > 1`, `-(-"revenue") > 1`),
	row(`-units ** 2 > 1`, `-pow("units", 2) > 1`),
	row(`!(online && revenue > 10)`, `NOT ("__online" AND "revenue" > 10)`),
	row(`!online && revenue > 10`, `NOT "__online" AND "revenue" > 10`),
	row(`online || revenue > 1 && units > 1`, `"__online" OR "revenue" > 1 AND "units" > 1`),
	row(`(online || revenue > 1) && units > 1`, `("__online" OR "revenue" > 1) AND "units" > 1`),
	row(`(revenue > 1) == (units > 1)`, `"revenue" > 1 IS NOT DISTINCT FROM "units" > 1`),
	row(`(event == 'a') != (event == 'b')`, `("event" IS NOT DISTINCT FROM 'a') IS DISTINCT FROM ("event" IS NOT DISTINCT FROM 'b')`),
	row(`event == nil == true`, `("event" IS NULL) IS NOT DISTINCT FROM TRUE`),
	row(`!online == false`, `(NOT "__online") IS NOT DISTINCT FROM FALSE`),
	row(`!(online == false)`, `NOT "__online" IS NOT DISTINCT FROM FALSE`),
	row(`(units > 1) in [true]`, `coalesce(("units" > 1) IN (TRUE), FALSE)`),
	row(`'x' + event in ['xa']`, `coalesce('x' || "event" IN ('xa'), FALSE)`),
	row(`1 < units < 5`, `1 < "units" AND "units" < 5`), // expr chains comparisons
	row(`1 < units <= revenue`, `1 < "units" AND "units" <= "revenue"`),

	// Literals: quotes doubled, backslashes kept, floats stay floats.
	row(`event == 'O\'Brien'`, `"event" IS NOT DISTINCT FROM 'O''Brien'`),
	row(`event == "O'Brien"`, `"event" IS NOT DISTINCT FROM 'O''Brien'`),
	row(`event == 'a\\b'`, `"event" IS NOT DISTINCT FROM 'a\b'`),
	row("event == `a\\b`", `"event" IS NOT DISTINCT FROM 'a\b'`),
	row(`event == "tab\there"`, "\"event\" IS NOT DISTINCT FROM 'tab\there'"),
	row(`revenue > 2.0`, `"revenue" > 2::DOUBLE`),
	row(`revenue > 2.5`, `"revenue" > 2.5::DOUBLE`),
	row(`revenue > 1e10`, `"revenue" > 1e+10::DOUBLE`),
	row(`units > 0x10`, `"units" > 16`),

	// Scalar functions, valid in every scope.
	row(`lower(event) == 'visit'`, `lower("event") IS NOT DISTINCT FROM 'visit'`),
	row(`upper(event) == 'VISIT'`, `upper("event") IS NOT DISTINCT FROM 'VISIT'`),
	row(`trim(event) != ''`, `trim("event") IS DISTINCT FROM ''`),
	row(`length(event) > 3`, `length("event") > 3`),
	row(`abs(revenue) > 1`, `abs("revenue") > 1`),
	row(`floor(revenue) == 10`, `floor("revenue") IS NOT DISTINCT FROM 10`),
	row(`ceil(revenue) == 11`, `ceil("revenue") IS NOT DISTINCT FROM 11`),
	row(`round(revenue) == 11`, `round("revenue") IS NOT DISTINCT FROM 11`),
	row(`round(revenue, 2) == 10.5`, `round("revenue", 2) IS NOT DISTINCT FROM 10.5::DOUBLE`),
	row(`year(time) == 2026`, `year("__time") IS NOT DISTINCT FROM 2026`),
	row(`quarter(time) == 3`, `quarter("__time") IS NOT DISTINCT FROM 3`),
	row(`month(time) in [7, 8]`, `coalesce(month("__time") IN (7, 8), FALSE)`),
	row(`day(time) <= 7`, `day("__time") <= 7`),
	row(`weekday(time) <= 5`, `isodow("__time") <= 5`),
	row(`hour(time) >= 18`, `hour("__time") >= 18`),
	row(`time >= date('2026-07-01')`, `"__time" >= CAST('2026-07-01' AS DATE)`),
	{CustomerScope, `specialty == 'onco' && age > 40`, `"specialty" IS NOT DISTINCT FROM 'onco' AND "age" > 40`, builtins.Bool, CustomerLevel, 0, nil},

	// Traits aggregate a customer's touchpoints; they inline other traits
	// and take one value of each customer attribute.
	trait(`count()`, `count(*)`, builtins.Int),
	trait(`count(event == 'visit')`, `count(CASE WHEN "event" IS NOT DISTINCT FROM 'visit' THEN 1 END)`, builtins.Int),
	trait(`count_distinct(channel)`, `count(DISTINCT "__channel")`, builtins.Int),
	trait(`count_distinct(channel, online)`, `count(DISTINCT CASE WHEN "__online" THEN "__channel" END)`, builtins.Int),
	trait(`sum(units)`, `sum("units")`, builtins.Int),
	trait(`sum(revenue, online)`, `sum(CASE WHEN "__online" THEN "revenue" END)`, builtins.Float),
	trait(`avg(revenue)`, `avg("revenue")`, builtins.Float),
	trait(`median(revenue)`, `median("revenue")`, builtins.Float),
	trait(`min(time)`, `min("__time")`, builtins.Time),
	trait(`max(revenue)`, `max("revenue")`, builtins.Float),
	trait(`max(event)`, `max("event")`, builtins.String),
	trait(`quantile(revenue, 0.9)`, `quantile_cont("revenue", 0.9::DOUBLE)`, builtins.Float),
	trait(`quantile(revenue, 1, online)`, `quantile_cont(CASE WHEN "__online" THEN "revenue" END, 1)`, builtins.Float),
	trait(`first_time()`, `min("__time")`, builtins.Time),
	trait(`last_time(channel == 'rep')`, `max(CASE WHEN "__channel" IS NOT DISTINCT FROM 'rep' THEN "__time" END)`, builtins.Time),
	trait(`days_between(first_time(), first_time(event == 'purchase'))`,
		`date_diff('day', min("__time"), min(CASE WHEN "event" IS NOT DISTINCT FROM 'purchase' THEN "__time" END))`, builtins.Int),
	trait(`ntile(sum(revenue), 5)`, `ntile_window(sum("revenue"), 5)`, builtins.Int),
	trait(`rank(-channels_used) <= 3`, `rank_window(-count(DISTINCT "__channel")) <= 3`, builtins.Bool),
	trait(`percent_rank(channels_used * 2)`, `percent_rank_window(count(DISTINCT "__channel") * 2)`, builtins.Float),
	trait(`channels_used + 1`, `count(DISTINCT "__channel") + 1`, builtins.Int),
	trait(`channels_used * count()`, `count(DISTINCT "__channel") * count(*)`, builtins.Int),
	trait(`specialty`, `any_value("specialty")`, builtins.String),
	trait(`age + count()`, `any_value("age") + count(*)`, builtins.Int),
	trait(`count(specialty == 'onco')`, `count(CASE WHEN "specialty" IS NOT DISTINCT FROM 'onco' THEN 1 END)`, builtins.Int),

	// KPIs: aggregates become measures of a grain; KPIs are inlined.
	kpi(`reach`, `m1`, builtins.Int, grains(Touchpoints)),
	kpi(`reach * 2`, `m1 * 2`, builtins.Int, grains(Touchpoints)),
	kpi(`-reach`, `-m1`, builtins.Int, grains(Touchpoints)),
	kpi(`(reach - 1) - 2`, `m1 - 1 - 2`, builtins.Int, grains(Touchpoints)),
	kpi(`reach - (1 - 2)`, `m1 - (1::BIGINT - 2)`, builtins.Int, grains(Touchpoints)),
	kpi(`reach * (2 + reach)`, `m1 * (2 + m1)`, builtins.Int, grains(Touchpoints)),
	kpi(`reach % 7`, `m1 % nullif(7, 0)`, builtins.Int, grains(Touchpoints)),
	kpi(`2.0 * reach`, `2::DOUBLE * m1`, builtins.Float, grains(Touchpoints)),
	kpi(`count()`, `m2`, builtins.Int, grains(Touchpoints), `1:count(*)`),
	// Inside an aggregate a name is the column; outside, the KPI of that name.
	kpi(`revenue / reach`, `m9 / nullif(m1, 0)`, builtins.Float, grains(Touchpoints)),
	kpi(`sum(revenue) / revenue`, `m2 / nullif(m9, 0)`, builtins.Float, grains(Touchpoints), `1:sum("revenue")`),
	kpi(`kpi.reach * 2`, `m1 * 2`, builtins.Int, grains(Touchpoints)),
	kpi(`sum(revenue) / count_distinct(customer)`, `m2 / nullif(m3, 0)`, builtins.Float, grains(Touchpoints),
		`1:sum("revenue")`, `1:count(DISTINCT "__customer")`),
	kpi(`avg(age)`, `m2`, builtins.Float, grains(Touchpoints), `1:avg("age")`),
	kpi(`avg(channels_used)`, `m2`, builtins.Float, grains(Customers), `2:avg("channels_used")`),
	kpi(`count(channels_used > 1)`, `m2`, builtins.Int, grains(Customers), `2:count(CASE WHEN "channels_used" > 1 THEN 1 END)`),
	kpi(`share(channels_used >= 2)`, `m2`, builtins.Float, grains(Customers),
		`2:count(CASE WHEN "channels_used" >= 2 THEN 1 END)::DOUBLE / nullif(count(*), 0)`),
	kpi(`share(specialty == 'onco')`, `m2`, builtins.Float, grains(Customers),
		`2:count(CASE WHEN "specialty" IS NOT DISTINCT FROM 'onco' THEN 1 END)::DOUBLE / nullif(count(*), 0)`),
	kpi(`spend()`, `m2`, builtins.Float, grains(Spend), `3:sum("__amount")`),
	kpi(`(sum(revenue) - spend()) / spend()`, `(m2 - m3) / nullif(m4, 0)`, builtins.Float, grains(Touchpoints, Spend),
		`1:sum("revenue")`, `3:sum("__amount")`, `3:sum("__amount")`),
	kpi(`reach / spend()`, `m1 / nullif(m2, 0)`, builtins.Float, grains(Touchpoints, Spend), `3:sum("__amount")`),
	kpi(`spend(online && channel != 'tv')`, `m2`, builtins.Float, grains(Spend),
		`3:sum(CASE WHEN "__online" AND "__channel" IS DISTINCT FROM 'tv' THEN "__amount" END)`),
	kpi(`base_count()`, `m2`, builtins.Int, grains(Base), `5:count(*)`),
	kpi(`base_share(channels_used >= 2 && specialty == 'GP')`, `m2`, builtins.Float, grains(Base),
		`5:count(CASE WHEN "channels_used" >= 2 AND "specialty" IS NOT DISTINCT FROM 'GP' THEN 1 END)::DOUBLE / nullif(count(*), 0)`),
	kpi(`spend() / budget()`, `m2 / nullif(m3, 0)`, builtins.Float, grains(Spend, Budget), `3:sum("__amount")`, `4:sum("__amount")`),
	kpi(`days_between(first_time(), last_time())`, `date_diff('day', m2, m3)`, builtins.Int, grains(Touchpoints),
		`1:min("__time")`, `1:max("__time")`),
	{KPIScope, `1`, `1`, builtins.Int, Constant, 0, nil},

	// Earlier periods and touchpoints: the engine computes the window
	// (testEnv writes it fn_window(arg)).
	kpi(`previous(reach)`, `previous_window(m1)`, builtins.Int, grains(Touchpoints)),
	kpi(`year_ago(reach) + 1`, `year_ago_window(m1) + 1`, builtins.Int, grains(Touchpoints)),
	kpi(`change(sum(revenue))`, `((m2) - change_window(m2)) / nullif(CAST(change_window(m2) AS DOUBLE), 0)`, builtins.Float, grains(Touchpoints), `1:sum("revenue")`),
	kpi(`year_change(revenue - reach)`, `((m9 - m1) - year_change_window(m9 - m1)) / nullif(CAST(year_change_window(m9 - m1) AS DOUBLE), 0)`, builtins.Float, grains(Touchpoints)),
	kpi(`retained_customers()`, `m2`, builtins.Int, grains(Customers), `2:sum(CAST(retained_customers_window() AS INTEGER))`),
	kpi(`retained_customers(channels_used >= 2)`, `m2`, builtins.Int, grains(Customers),
		`2:sum(CASE WHEN retained_customers_window("channels_used" >= 2) IS NOT NULL THEN CAST(("channels_used" >= 2) AND retained_customers_window("channels_used" >= 2) AS INTEGER) END)`),
	kpi(`count(channel == 'store' && had_before(channel == 'web'))`, `m2`, builtins.Int, grains(Touchpoints),
		`1:count(CASE WHEN "__channel" IS NOT DISTINCT FROM 'store' AND had_before_window("__channel" IS NOT DISTINCT FROM 'web') THEN 1 END)`),
	kpi(`count(had_before(online, 14))`, `m2`, builtins.Int, grains(Touchpoints), `1:count(CASE WHEN had_before_window("__online", 14) THEN 1 END)`),
	kpi(`count_distinct(customer, had_before_period(event == 'visit'))`, `m2`, builtins.Int, grains(Touchpoints),
		`1:count(DISTINCT CASE WHEN had_before_period_window("event" IS NOT DISTINCT FROM 'visit') THEN "__customer" END)`),

	// The type of c ? a : b and a ?? b is that of both sides: integers and
	// numbers make numbers; nil takes the other side's type.
	trait(`count() > 1 ? 1 : 0.5`, `CASE WHEN count(*) > 1 THEN 1 ELSE 0.5::DOUBLE END`, builtins.Float),
	trait(`sum(units) ?? 0.5`, `coalesce(sum("units"), 0.5::DOUBLE)`, builtins.Float),
	row(`(nil ?? event) + 'x' == 'x'`, `coalesce(NULL, "event") || 'x' IS NOT DISTINCT FROM 'x'`),
}

// testFormula is a formula standing on line 1 of a file, from column 1.
func testFormula(text string) *dsl.Formula {
	end := hcl.Pos{Line: 1, Column: 1 + len([]rune(text)), Byte: len(text)}
	return dsl.NewFormula(text, hcl.Range{Filename: "f.hcl", Start: hcl.InitialPos, End: end})
}

func TestCompile(t *testing.T) {
	for _, tc := range compileCases {
		t.Run(tc.text, func(t *testing.T) {
			env := newTestEnv(tc.scope)
			got, diags := Compile(testFormula(tc.text), tc.scope, wantOf(tc.scope), env)
			if len(diags) > 0 {
				t.Fatalf("Compile(%q) in scope %d: unexpected diagnostics %v", tc.text, tc.scope, diags)
			}
			var wrong []string
			if got.SQL != tc.sql {
				wrong = append(wrong, fmt.Sprintf("SQL\n got: %s\nwant: %s", got.SQL, tc.sql))
			}
			if got.Type != tc.typ || got.Level != tc.level || got.Grains != tc.grains {
				wrong = append(wrong, fmt.Sprintf("type, level, grains = %v, %d, %b; want %v, %d, %b",
					got.Type, got.Level, got.Grains, tc.typ, tc.level, tc.grains))
			}
			if !slices.Equal(env.measures, tc.measures) {
				wrong = append(wrong, fmt.Sprintf("measures\n got: %q\nwant: %q", env.measures, tc.measures))
			}
			if len(wrong) > 0 {
				t.Error(strings.Join(wrong, "\n"))
			}
		})
	}
}

// TestCompileCoversEveryBuiltin keeps the table above complete.
func TestCompileCoversEveryBuiltin(t *testing.T) {
	for _, b := range builtins.All {
		covered := false
		for _, tc := range compileCases {
			covered = covered || strings.Contains(tc.text, b.Name+"(")
		}
		for _, tc := range cellCases {
			covered = covered || strings.Contains(tc.text, b.Name+"(")
		}
		if !covered {
			t.Errorf("no TestCompile case calls %s", b.Signature())
		}
	}
}
