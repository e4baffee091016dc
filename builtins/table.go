package builtins

import "strings"

// All is every formula function, in the order the reference lists them.
var All = []*Builtin{
	// Aggregates. Each takes an optional last argument, a condition that
	// selects the rows it reduces (see Call.valueWhere).
	{
		Name: "count", Kind: Aggregate, Returns: Int, Empty: "0", Rollup: "sum",
		Params:  []Param{where},
		Lower:   counted,
		Doc:     "The number of touchpoints, or of those meeting the condition.",
		Example: "count(event == 'prescription')",
	},
	{
		Name: "count_distinct", Kind: Aggregate, Returns: Int, Empty: "0",
		Params:  []Param{{Name: "value"}, where},
		Lower:   func(c Call) string { return "count(DISTINCT " + c.valueWhere(1, c.Args[0]) + ")" },
		Doc:     "The number of distinct non-null values, such as customers reached.",
		Example: "count_distinct(customer, event == 'prescription')",
	},
	rolledUp(aggregate("sum", "sum", Any, "The sum of the values (integers stay integers).", "sum(revenue, channel == 'email')"), "sum"),
	aggregate("avg", "avg", Float, "The mean of the values.", "avg(revenue)"),
	{
		Name: "median", Kind: Aggregate, Returns: Float,
		Params:  []Param{number("value"), where},
		Lower:   func(c Call) string { return c.Dialect.Quantile(c.valueWhere(1, c.Args[0]), "") },
		Doc:     "The median of the values.",
		Example: "median(revenue)",
	},
	rolledUp(extreme("min", "The smallest value (numbers, strings or times).", "min(time)"), "min"),
	rolledUp(extreme("max", "The largest value (numbers, strings or times).", "max(revenue)"), "max"),
	{
		Name: "quantile", Kind: Aggregate, Returns: Float,
		Params:  []Param{{Name: "value", Accepts: Numbers}, {Name: "fraction", Accepts: Numbers, Constant: true}, where},
		Lower:   func(c Call) string { return c.Dialect.Quantile(c.valueWhere(2, c.Args[0]), c.Args[1]) },
		Doc:     "The value below which the given fraction (a number from 0 to 1) of the values fall, interpolated.",
		Example: "quantile(revenue, 0.9)",
	},
	{
		Name: "first_time", Kind: Aggregate, Returns: Time, Rollup: "min",
		Params:  []Param{where},
		Lower:   func(c Call) string { return "min(" + c.valueWhere(0, c.Time) + ")" },
		Doc:     "The time of the first touchpoint, or of the first one meeting the condition.",
		Example: "first_time(event == 'prescription')",
	},
	{
		Name: "last_time", Kind: Aggregate, Returns: Time, Rollup: "max",
		Params:  []Param{where},
		Lower:   func(c Call) string { return "max(" + c.valueWhere(0, c.Time) + ")" },
		Doc:     "The time of the last touchpoint, or of the last one meeting the condition.",
		Example: "last_time(channel == 'rep_visit')",
	},
	{
		Name: "share", Kind: CustomerAggregate, Returns: Float,
		Params:  []Param{{Name: "condition", Accepts: []Type{Bool}}},
		Lower:   shareOf,
		Doc:     "The share of the cell's customers (those with a touchpoint in it) meeting a condition over their traits and attributes.",
		Example: "share(channels_used >= 2)",
	},
	{
		Name: "retained_customers", Kind: CustomerAggregate, Returns: Int,
		Params: []Param{where},
		// Window is NULL on the rows of the whole window, TRUE where the
		// row of the period before met the condition: the sum is NULL over
		// the whole window.
		Lower: func(c Call) string {
			if len(c.Args) == 0 {
				return "sum(CAST(" + c.Window + " AS INTEGER))"
			}
			return "sum(CASE WHEN " + c.Window + " IS NOT NULL THEN CAST((" + c.Args[0] + ") AND " + c.Window + " AS INTEGER) END)"
		},
		Doc:     "The number of the cell's customers who were customers of the cell in the previous period too (both periods: those meeting the condition over their traits and attributes, in each); 0 in the first period of the data or campaign; null over the whole window.",
		Example: "retained_customers(orders >= 1) / previous(count(orders >= 1))",
	},
	{
		Name: "base_count", Kind: BaseAggregate, Returns: Int, Empty: "0",
		Params:  []Param{where},
		Lower:   counted,
		Doc:     "The number of customers of the base, or of those meeting a condition over their traits and attributes.",
		Example: "base_count(opt_in_email)",
	},
	{
		Name: "base_share", Kind: BaseAggregate, Returns: Float,
		Params:  []Param{{Name: "condition", Accepts: []Type{Bool}}},
		Lower:   shareOf,
		Doc:     "The share of the customers of the base meeting a condition over their traits and attributes, those the cell has no touchpoint of included.",
		Example: "base_share(prescriptions >= 1)",
	},
	{
		Name: "spend", Kind: SpendAggregate, Returns: Float,
		Params:  []Param{where},
		Lower:   func(c Call) string { return "sum(" + c.valueWhere(0, c.Amount) + ")" },
		Doc:     "The cost from the spend source in the cell's period, channel and campaign window; the condition may name the channel and its metadata only.",
		Example: "spend(media == 'paid') / count(event == 'signup' && media == 'paid')",
	},
	{
		Name: "budget", Kind: BudgetAggregate, Returns: Float,
		Lower:   func(c Call) string { return "sum(" + c.Amount + ")" },
		Doc:     "The budget of the cell's campaign for the cell's channel (or all its channels); null without one.",
		Example: "spend() / budget()",
	},
	{
		Name: "days_since_last", Kind: HistoryAggregate, Returns: Int, Rollup: "max",
		Params:  []Param{where},
		Lower:   func(c Call) string { return "max(" + c.valueWhere(0, c.Time) + ")" },
		Doc:     "The days from the customer's last touchpoint, or last one meeting the condition, to the end of the period (the day after its last day); null before the first.",
		Example: "days_since_last(event == 'purchase') <= 365",
	},
	{
		Name: "days_since_first", Kind: HistoryAggregate, Returns: Int, Rollup: "min",
		Params:  []Param{where},
		Lower:   func(c Call) string { return "min(" + c.valueWhere(0, c.Time) + ")" },
		Doc:     "The days from the customer's first touchpoint, or first one meeting the condition, to the end of the period (the day after its last day); null before it.",
		Example: "days_since_first(event == 'purchase') <= 365",
	},

	// Comparisons with earlier periods.
	compare("previous", "window", "The value in the previous period of the same cell (same breakdown value and campaign); 0 for a count with no row then, null before the first period of the data or campaign and over the whole window.", "revenue - previous(revenue)"),
	compare("year_ago", "window", "The value in the same period a year before (52 weeks before, by week), in the same cell; as previous.", "orders / year_ago(orders) - 1"),
	compare("change", "growth", "The relative change against the previous period: (value − previous) / previous; null when the previous value is 0 or null.", "change(revenue)"),
	compare("year_change", "growth", "The relative change against the same period a year before, as change.", "year_change(count())"),

	// Conditions on earlier touchpoints.
	{
		Name: "had_before", Kind: Before, Returns: Bool,
		Params:  []Param{{Name: "condition", Accepts: []Type{Bool}}, {Name: "days", Accepts: []Type{Int}, Optional: true, Constant: true}},
		Lower:   func(c Call) string { return c.Window },
		Doc:     "Whether the customer had a touchpoint meeting the condition strictly before this one (at an earlier time), anywhere in the data; with days, in the days before it only (14: at most 14 × 24 hours earlier).",
		Example: "count(channel == 'store' && had_before(channel == 'web', 14))",
	},
	{
		Name: "had_before_period", Kind: Before, Returns: Bool,
		Params:  []Param{{Name: "condition", Accepts: []Type{Bool}}},
		Lower:   func(c Call) string { return c.Window },
		Doc:     "Whether the customer had a touchpoint meeting the condition before the period of this one, anywhere in the data.",
		Example: "count_distinct(customer, had_before_period(event == 'visit'))",
	},

	// Places among the customers of the period.
	{
		Name: "ntile", Kind: Rank, Returns: Int,
		Params:  []Param{number("value"), {Name: "buckets", Accepts: []Type{Int}, Constant: true}},
		Lower:   func(c Call) string { return c.Window },
		Doc:     "The customer's score from 1 to buckets among the customers of the period with a value: 1 + the whole number of buckets' worth of them (fifths, for 5) whose value is strictly lower, so that equal values share a score and the highest values score buckets; null for a null value.",
		Example: "ntile(-recency, 5)",
	},
	{
		Name: "rank", Kind: Rank, Returns: Int,
		Params:  []Param{number("value")},
		Lower:   func(c Call) string { return c.Window },
		Doc:     "The customer's rank among the customers of the period with a value, 1 for the highest: 1 + the number of them with a higher value (equal values share a rank, the next is skipped: 1, 2, 2, 4); null for a null value.",
		Example: "rank(monetary) <= 10",
	},
	{
		Name: "percent_rank", Kind: Rank, Returns: Float,
		Params:  []Param{number("value")},
		Lower:   func(c Call) string { return c.Window },
		Doc:     "The share of the other customers of the period with a value that have a lower one, from 0 to 1 (1 for the highest; 0 for a customer alone); null for a null value.",
		Example: "percent_rank(monetary) >= 0.8",
	},

	// Scalar functions.
	scalar("lower", []Param{text("text")}, String, "lower", "The text in lower case.", "lower(region) == 'north'"),
	scalar("upper", []Param{text("text")}, String, "upper", "The text in upper case.", "upper(country)"),
	scalar("trim", []Param{text("text")}, String, "trim", "The text without leading and trailing spaces.", "trim(source) != ''"),
	scalar("length", []Param{text("text")}, Int, "length", "The number of characters of the text.", "length(promo_code) > 0"),
	scalar("abs", []Param{number("x")}, Any, "abs", "The absolute value.", "abs(delta)"),
	scalar("floor", []Param{number("x")}, Float, "floor", "The largest integer not above x.", "floor(age / 10)"),
	scalar("ceil", []Param{number("x")}, Float, "ceil", "The smallest integer not below x.", "ceil(units)"),
	{
		Name: "round", Kind: Scalar, Returns: Float,
		Params: []Param{number("x"), {Name: "digits", Accepts: []Type{Int}, Optional: true, Constant: true}},
		Lower: func(c Call) string {
			if len(c.Args) == 1 {
				return c.Dialect.Round(c.Args[0], "")
			}
			return c.Dialect.Round(c.Args[0], c.Args[1])
		},
		Doc:     "x rounded to the given number of decimals (default 0), halves away from zero (2.5 to 3, -2.5 to -3) on every engine.",
		Example: "round(revenue, 2)",
	},
	datePart("year", "year", "The calendar year.", "year(time) == 2026"),
	datePart("quarter", "quarter", "The quarter of the year, 1 to 4.", "quarter(time) == 3"),
	datePart("month", "month", "The month, 1 to 12.", "month(time) in [7, 8]"),
	datePart("day", "day", "The day of the month, 1 to 31.", "day(time) <= 7"),
	datePart("weekday", "isodow", "The ISO day of the week, 1 (Monday) to 7 (Sunday).", "weekday(time) <= 5"),
	datePart("hour", "hour", "The hour of the day, 0 to 23.", "hour(time) >= 18"),
	{
		Name: "date", Kind: Scalar, Returns: Time,
		Params:  []Param{text("text")},
		Lower:   func(c Call) string { return "CAST(" + c.Args[0] + " AS DATE)" },
		Doc:     "The date written YYYY-MM-DD, at midnight.",
		Example: "time >= date('2026-07-01')",
	},
	{
		Name: "days_between", Kind: Scalar, Returns: Int,
		Params:  []Param{moment("from"), moment("to")},
		Lower:   func(c Call) string { return c.Dialect.DaysBetween(c.Args[0], c.Args[1]) },
		Doc:     "The number of day boundaries between two times (negative when to is before from).",
		Example: "days_between(first_time(), first_time(event == 'purchase')) <= 30",
	},
}

// where is the optional filter of every aggregate.
var where = Param{Name: "where", Accepts: []Type{Bool}, Optional: true}

func text(name string) Param   { return Param{Name: name, Accepts: []Type{String}} }
func number(name string) Param { return Param{Name: name, Accepts: Numbers} }
func moment(name string) Param { return Param{Name: name, Accepts: []Type{Time}} }

// counted counts the rows, or those meeting the condition of a call.
func counted(c Call) string {
	if len(c.Args) == 0 {
		return "count(*)"
	}
	return "count(" + c.valueWhere(0, "1") + ")"
}

// shareOf is the share of the rows meeting the condition of a call.
func shareOf(c Call) string {
	return counted(c) + "::" + c.Dialect.Double() + " / nullif(count(*), 0)"
}

// valueWhere is the SQL of the value an aggregate reduces: value itself, or,
// when the call has a condition past its first n arguments, value on the
// rows meeting it and NULL on the others. Every aggregate here skips NULLs,
// so that this is the aggregate over the rows meeting the condition — NULL
// over none, 0 for a count — as a FILTER clause would give; but DuckDB gives
// each FILTER clause of a GROUP BY a copy of every input column, which makes
// a query with hundreds of conditional KPIs take time and memory growing
// with the square of their number, where CASE expressions grow linearly.
func (c Call) valueWhere(n int, value string) string {
	if len(c.Args) <= n {
		return value
	}
	return "CASE WHEN " + c.Args[n] + " THEN " + value + " END"
}

// compare declares a function of the value of a KPI in an earlier period:
// the value there itself (window), or the relative change to it (growth).
func compare(name, form, doc, example string) *Builtin {
	b := &Builtin{Name: name, Kind: Compare, Returns: Float, Params: []Param{number("value")}, Doc: doc, Example: example}
	switch form {
	case "window":
		b.Returns, b.Lower = Any, func(c Call) string { return c.Window }
	case "growth":
		b.Lower = func(c Call) string {
			return "((" + c.Args[0] + ") - " + c.Window + ") / nullif(CAST(" + c.Window + " AS " + c.Dialect.Double() + "), 0)"
		}
	}
	return b
}

// aggregate declares a numeric aggregate lowered to the SQL function of the same shape.
func aggregate(name, sqlName string, returns Type, doc, example string) *Builtin {
	return &Builtin{
		Name: name, Kind: Aggregate, Returns: returns,
		Params:  []Param{number("value"), where},
		Lower:   func(c Call) string { return sqlName + "(" + c.valueWhere(1, c.Args[0]) + ")" },
		Doc:     doc,
		Example: example,
	}
}

// rolledUp gives an aggregate the SQL aggregate that combines its values
// over stretches of a customer's history (see Builtin.Rollup).
func rolledUp(b *Builtin, rollup string) *Builtin {
	b.Rollup = rollup
	return b
}

// scalar declares a function lowered to a SQL function taking the same arguments.
func scalar(name string, params []Param, returns Type, sqlName, doc, example string) *Builtin {
	return &Builtin{
		Name: name, Kind: Scalar, Params: params, Returns: returns,
		Lower:   func(c Call) string { return sqlName + "(" + strings.Join(c.Args, ", ") + ")" },
		Doc:     doc,
		Example: example,
	}
}

// datePart declares a function of a time giving one of its parts as an
// integer (see Dialect.DatePart).
func datePart(name, part, doc, example string) *Builtin {
	return &Builtin{
		Name: name, Kind: Scalar, Params: []Param{moment("time")}, Returns: Int,
		Lower:   func(c Call) string { return c.Dialect.DatePart(part, c.Args[0]) },
		Doc:     doc,
		Example: example,
	}
}

// extreme declares min or max, which also order strings and times.
func extreme(name, doc, example string) *Builtin {
	return &Builtin{
		Name: name, Kind: Aggregate, Returns: Any,
		Params:  []Param{{Name: "value", Accepts: []Type{Int, Float, String, Time}}, where},
		Lower:   func(c Call) string { return name + "(" + c.valueWhere(1, c.Args[0]) + ")" },
		Doc:     doc,
		Example: example,
	}
}
