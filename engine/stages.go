package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/engine/loyalty"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// grainSteps are the intervals between the starts of consecutive periods.
var grainSteps = map[string]string{
	"day": "1 day", "week": "7 days", "month": "1 month", "quarter": "3 months", "year": "1 year",
}

// ladderQuery writes the SQL of a ladder: one statement that puts every
// customer in a stage in every period and counts the customers (their
// volume, and those for whom each rule was null) per breakdown value,
// period, stage and stage in the period before.
//
//	facts       touchpoints with their customer's attributes and channel metadata
//	kept        with a where: the touchpoints it keeps, which the rules and volume read
//	periods     every period of the ladder's grain from the data's first to its last
//	activity    the aggregates of the rules and the volume, per customer and period with touchpoints
//	population  every customer: those of the customers source and those with touchpoints
//	grid        one row per customer and period, history aggregates rolled up to the period
//	daily, recent  with a trailing window: the aggregates per customer and day, rolled up over
//	            the window before each period's end
//	staged      each customer's stage in each period: the first whose rule holds, in the
//	            ladder's order, else the catch-all; which rules were null
//	moves       with his stage in the period before
func (c *Compiled) ladderQuery(l *Ladder) string {
	asOf := l.Def.AsOf
	if asOf.IsZero() {
		asOf = c.Session.Project.Settings.AsOf
	}
	q := &query{c: c, p: &Plan{Name: l.Def.Name, Breakdowns: l.By}, asOf: asOf}
	q.addFacts()
	facts := "facts"
	if l.Where != "" {
		q.add("kept", "the touchpoints that the ladder's where keeps", "SELECT * FROM facts\nWHERE coalesce("+l.Where+", FALSE)")
		facts = "kept"
	}
	q.add("periods", "every "+l.Grain+" from the data's first to its last, empty ones included; __end is the next one's start", q.ladderPeriods(l))
	q.add("activity", "the aggregates of the rules and the volume, per customer and "+l.Grain+" with touchpoints", q.ladderActivity(l, facts))
	q.add("population", "every customer: those of the customers source and those with touchpoints", q.ladderPopulation())
	q.add("grid", "one row per customer and period; history aggregates rolled up to the period", q.ladderGrid(l))
	grid := "grid"
	if len(l.recent) > 0 {
		q.add("daily", "the aggregates over a trailing window, per customer and day", dailySQL(q.dialect(), facts, l.recent))
		q.add("recent", "the grid with the aggregates over a trailing window rolled up to each period's end", historySQL(q.dialect(), "grid", gridColumns(l), "daily", l.recent))
		grid = "recent"
	}
	q.add("staged", "each customer's stage in each period: the first whose rule holds, tried in the ladder's order, else the catch-all; which rules were null", q.ladderStages(l, grid))
	q.add("moves", "each customer's stage in the period before (NULL in the first)", "SELECT *, lag(__stage) OVER (PARTITION BY "+colCustomer+" ORDER BY "+colPeriod+") AS __from\nFROM staged")
	return fmt.Sprintf("-- omni loyalty ladder %q\nWITH\n%s\n%s\n", l.Def.Name, strings.Join(q.ctes, ",\n"), q.ladderCounts(l))
}

func (q *query) ladderPeriods(l *Ladder) string {
	step := "INTERVAL '" + grainSteps[l.Grain] + "'"
	start := func(agg string) string {
		return fmt.Sprintf("CAST(date_trunc(%s, %s(%s)) AS TIMESTAMP)", sqlString(l.Grain), agg, colTime)
	}
	return fmt.Sprintf("SELECT CAST(__start AS DATE) AS %s, %s AS __end\nFROM (SELECT %s AS __start FROM facts)%s",
		colPeriod, q.capped("__start + "+step), q.dialect().Series(start("min"), start("max"), step), q.dialect().Alias("starts"))
}

// ladderActivity aggregates the touchpoints of facts (all of them, or
// those the ladder's where keeps) per customer and period.
func (q *query) ladderActivity(l *Ladder, facts string) string {
	cols := []string{colCustomer, fmt.Sprintf("CAST(date_trunc(%s, %s) AS DATE) AS %s", sqlString(l.Grain), colTime, colPeriod)}
	for _, a := range l.aggregates {
		cols = append(cols, a.sql+" AS "+a.name)
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + facts + "\nWHERE " + colCustomer + " IS NOT NULL\n" + q.dialect().GroupByAll(2)
}

func (q *query) ladderPopulation() string {
	if q.c.Session.Schema.Customers == nil {
		return "SELECT DISTINCT " + colCustomer + " FROM activity"
	}
	return "SELECT " + colCustomer + " FROM customers WHERE " + colCustomer + " IS NOT NULL\nUNION\nSELECT " + colCustomer + " FROM activity"
}

// gridColumns are the columns of the grid (see ladderGrid).
func gridColumns(l *Ladder) []string {
	cols := []string{colCustomer, colPeriod, "__end"}
	for _, a := range l.aggregates {
		cols = append(cols, a.name)
	}
	return cols
}

func (q *query) ladderGrid(l *Ladder) string {
	cols := []string{"p." + colCustomer, "pe." + colPeriod, "pe.__end"}
	window := ""
	for _, a := range l.aggregates {
		if a.rollup == "" {
			cols = append(cols, "a."+a.name)
			continue
		}
		cols = append(cols, fmt.Sprintf("%s(a.%s) OVER history AS %[2]s", a.rollup, a.name))
		window = fmt.Sprintf("\nWINDOW history AS (PARTITION BY p.%s ORDER BY pe.%s ROWS UNBOUNDED PRECEDING)", colCustomer, colPeriod)
	}
	return "SELECT " + strings.Join(cols, ",\n       ") +
		"\nFROM population AS p\nCROSS JOIN periods AS pe" +
		fmt.Sprintf("\nLEFT JOIN activity AS a ON a.%s = p.%[1]s AND a.%s = pe.%[2]s", colCustomer, colPeriod) + window
}

// ladderStages puts each customer in a stage in each period: the stage of
// the first rule that holds, tried in the ladder's order, else the
// catch-all. Each rule is a column __rule<stage> of the rows below it, so
// that it is written once for the stage and for __null<stage>: the rule
// was null, hence did not hold.
func (q *query) ladderStages(l *Ladder, grid string) string {
	double := q.dialect().Double()
	volume := "CAST(NULL AS " + double + ")"
	if l.Volume != "" {
		volume = "coalesce(CAST(" + l.Volume + " AS " + double + "), 0)"
	}
	from := grid
	if q.c.Session.Schema.Customers != nil {
		from += "\nLEFT JOIN customers USING (" + colCustomer + ")"
	}
	var rules, whens, nulls []string
	for _, i := range l.Def.Tried() {
		rules = append(rules, fmt.Sprintf("%s AS __rule%d", l.Rules[i], i))
		whens = append(whens, fmt.Sprintf("WHEN __rule%d THEN %[1]d", i))
		nulls = append(nulls, fmt.Sprintf("__rule%d IS NULL AS __null%[1]d", i))
	}
	ruled := "SELECT *,\n       " + strings.Join(append(rules, volume+" AS __volume"), ",\n       ") + "\nFROM " + from
	cols := []string{colCustomer, colPeriod}
	for _, b := range l.By {
		if b.dim == byCustomer {
			cols = append(cols, b.SQL)
		}
	}
	stage := fmt.Sprintf("CASE %s\n            ELSE %d END AS __stage", strings.Join(whens, "\n            "), l.Def.CatchAll())
	cols = append(append(cols, stage, "__volume"), nulls...)
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM (" + strings.ReplaceAll(ruled, "\n", "\n      ") + ")" + q.dialect().Alias("ruled")
}

// ladderCounts counts the customers and sums their volume per period, stage
// and stage before: for everybody, per value of each customer attribute,
// and per segment (the rows joined to the customer's segments).
func (q *query) ladderCounts(l *Ladder) string {
	base := []string{colPeriod, "__from", "__stage"}
	var dims []grouped
	for _, b := range l.By {
		if b.dim == byCustomer {
			dims = append(dims, grouped{b.Name, b.columns("")})
		}
	}
	after := concat(base, []string{"count(*) AS __customers", "sum(__volume) AS __volume"})
	for _, i := range l.Def.Tried() {
		after = append(after, fmt.Sprintf("%s AS __null%d", q.dialect().CountIf(fmt.Sprintf("__null%d", i)), i))
	}
	sql := grouping{bases: [][]string{base}, dims: dims, totals: true}.sql(q.dialect(), "moves", nil, after)
	if q.hasMemberships() {
		sql += "\nUNION ALL\n" + grouping{bases: [][]string{base}, dims: []grouped{{"segment", []string{"__segment"}}}}.sql(q.dialect(), segmentRows(q.dialect(), "moves"), nil, after)
	}
	return sql + "\n" + q.dialect().OrderByAll(2+len(after)) // __by, __key and after
}

// runLadder runs the query of a ladder and reports it.
func (c *Compiled) runLadder(ctx context.Context, l *Ladder) (scorecard.Loyalty, error) {
	rows, err := c.readLadder(ctx, l)
	if err != nil {
		return scorecard.Loyalty{}, queryError(ctx, "loyalty "+l.Def.Name, err)
	}
	groups, periods := loyalty.Groups(rows, len(l.Def.Stages), l.Volume != "")
	out := loyalty.Report(l.reported(), groups, periods)
	out.NullRules = loyalty.NullRules(l.Def, rows)
	return out, nil
}

// readLadder runs a ladder's query and reads its rows.
func (c *Compiled) readLadder(ctx context.Context, l *Ladder) ([]loyalty.Row, error) {
	rows, err := c.Session.query(ctx, l.SQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []loyalty.Row
	rules := len(l.Def.Tried())
	for rows.Next() {
		r := loyalty.Row{Nulls: make([]int64, rules)}
		dest := []any{&r.By, &r.Key, &r.Period, &r.From, &r.Stage, &r.Customers, &r.Volume}
		for i := range r.Nulls {
			dest = append(dest, &r.Nulls[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		all = append(all, r)
	}
	return all, rows.Err()
}

// reported is the ladder as its report needs it.
func (l *Ladder) reported() loyalty.Ladder {
	out := loyalty.Ladder{Def: l.Def, Grain: l.Grain, Volume: l.Volume != ""}
	for _, b := range l.By {
		out.By = append(out.By, b.Name)
	}
	return out
}
