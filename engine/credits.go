package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
)

// This file writes the second half of an attribution query: from the steps
// of the journeys, the rows the engine reads back, told apart by __kind.
//
//	credit      per scope, segment and key: each heuristic model's credit (conversions and value)
//	set         per scope, segment and set of keys: the journeys, their conversions and value
//	path        per scope: the ten most frequent paths, converting and not
//	transition  per scope, segment and Markov order: the moves between states
//	summary     per scope, segment and path, for Fractribution: its conversions, non-conversions and value
//	spend       per scope and key: the spend, when it can be split by key
//	total       per scope and segment: every conversion (with a touch or not) and its value

// addSteps numbers the steps of each path, and adds what the models need
// per step: the states of each Markov order, the sums that normalise
// time-decay and key weights.
func (q *query) addSteps(g *JourneyGroup, from string) {
	d := q.dialect()
	w := windowsOf(g, d)
	cols := []string{"row_number() OVER (" + w.path() + ") AS __pos", "count(*) OVER (" + w.journey() + ") AS __n"}
	for _, o := range g.orders {
		cols = append(cols, markovStates(d, o, w)...)
	}
	var sums []string
	for i, a := range g.heuristics {
		switch def := a.Def; {
		case def.Model.Value == "time_decay" && !decaysFromEnd(def):
			sums = append(sums, fmt.Sprintf("sum(%s) OVER (%s) AS __weights_%d", decay(d, def), w.journey(), i))
		case def.Model.Value == "time_decay":
			cols = append(cols, fmt.Sprintf("sum(%s) OVER (%s) AS __weights_%d", decay(d, def), w.journey(), i))
		case def.Model.Value == "custom" && def.KeyWeights != nil:
			cols = append(cols, fmt.Sprintf("sum(%s) OVER (%s) AS __weights_%d", keyWeight(d, def), w.journey(), i))
		}
	}
	if len(sums) > 0 {
		// Time decay from the path's last step knows it only once the
		// steps are numbered: a second window over the same partition.
		cols = append(cols, "max(__time) OVER ("+w.journey()+") AS __last")
		from = "(\n" + indent(selectAll(cols, from)) + "\n)" + d.Alias("numbered")
		cols = sums
	}
	body := selectAll(cols, from)
	q.addHinted("steps", "MATERIALIZED", "each step of each path, with its position and the path's length", body)
}

// selectAll writes a SELECT of every column of from and more.
func selectAll(cols []string, from string) string {
	return "SELECT *,\n       " + strings.Join(cols, ",\n       ") + "\nFROM " + from
}

// addHinted adds a step with a hint: "MATERIALIZED", computed once for its
// several readers, or "NOT MATERIALIZED", computed again for each rather
// than held in memory.
func (q *query) addHinted(name, hint, comment, body string) {
	q.ctes = append(q.ctes, fmt.Sprintf("-- %s\n%s AS %s (\n%s\n)", comment, name, hint, indent(body)))
}

// markovStates are a step's state in a chain of the order, and the state
// before it (NULL at the start): the keys of the last steps, oldest first.
// A first-order state is the step's key alone, kept as text until the
// transitions are counted: a list per step would cost memory.
func markovStates(d dialect.Dialect, order int, w journeyWindows) []string {
	if order == 1 {
		return []string{"lag(__key) OVER (" + w.path() + ") AS __previous_1"}
	}
	return []string{
		fmt.Sprintf("%s AS __state_%d", d.ListOver("__key", fmt.Sprintf("%s ROWS BETWEEN %d PRECEDING AND CURRENT ROW", w.path(), order-1)), order),
		fmt.Sprintf("CASE WHEN row_number() OVER (%s) > 1 THEN %s END AS __previous_%d", w.path(),
			d.ListOver("__key", fmt.Sprintf("%s ROWS BETWEEN %d PRECEDING AND 1 PRECEDING", w.path(), order)), order),
	}
}

// transitions counts the moves between the states of a chain of the order:
// from the previous state (the start when NULL) to a step's, and from a
// path's last state to its end, a conversion or not. steps gives the steps
// that meet a condition ("": all), fanned out to their segments; count
// counts the journeys of its rows.
func transitions(d dialect.Dialect, order int, count string, steps func(where string) string) []dialect.Select {
	state, previous := fmt.Sprintf("__state_%d", order), fmt.Sprintf("__previous_%d", order)
	asList := func(col string) string { return col }
	if order == 1 {
		state = "__key"
		asList = func(col string) string { return fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN %s END", col, d.List(col)) }
	}
	head := fmt.Sprintf("SELECT 'transition' AS __kind, __scope, __segment, %d AS __order, ", order)
	return []dialect.Select{
		{SQL: fmt.Sprintf("%s%s AS __from, %s AS __to, %s AS __count\nFROM %s\nGROUP BY __scope, __segment, %s, %s",
			head, asList(previous), asList(state), count, steps(""), previous, state),
			Columns: []string{"__kind", "__scope", "__segment", "__order", "__from", "__to", "__count"}},
		{SQL: fmt.Sprintf("%s%s AS __from, __converting, %s AS __count\nFROM %s\nGROUP BY __scope, __segment, %s, __converting",
			head, asList(state), count, steps("__pos = __n"), state),
			Columns: []string{"__kind", "__scope", "__segment", "__order", "__from", "__converting", "__count"}},
	}
}

// outputsColumns are the columns of outputs' parts, in order.
var outputsColumns = []dialect.Column{
	{Name: "__kind", Kind: dialect.Text}, {Name: "__scope", Kind: dialect.Integer}, {Name: "__segment", Kind: dialect.Text},
	{Name: "__key", Kind: dialect.Text}, {Name: "__keys", Kind: dialect.Texts}, {Name: "__path", Kind: dialect.Text},
	{Name: "__steps", Kind: dialect.Texts}, {Name: "__step_keys", Kind: dialect.Texts},
	{Name: "__conversions", Kind: dialect.Number}, {Name: "__non_conversions", Kind: dialect.Number},
	{Name: "__journeys", Kind: dialect.Number}, {Name: "__value", Kind: dialect.Number},
	{Name: "__order", Kind: dialect.Integer}, {Name: "__from", Kind: dialect.Texts}, {Name: "__to", Kind: dialect.Texts},
	{Name: "__converting", Kind: dialect.Flag}, {Name: "__count", Kind: dialect.Number}, {Name: "__amount", Kind: dialect.Number},
}

// outputs adds the per-journey step and writes the final SELECT, the
// totals its first part; it gives the names of its columns.
func (q *query) outputs(g *JourneyGroup, totals dialect.Select) (string, []string) {
	a, d := g.Attributions[0], q.dialect()
	weightColumn := ""
	if g.summary() {
		weightColumn = " " + d.AnyValue("__weight") + " AS __weight,"
	}
	paths := q.addJourneyPaths(g, "__scope, "+colCustomer+", __journey, "+d.AnyValue("__converting")+" AS __converting, "+d.AnyValue("__journey_value")+" AS __journey_value,"+weightColumn,
		"__scope, "+colCustomer+", __journey")
	parts := []dialect.Select{totals}
	columns := slices.Clone(outputsColumns)
	count := g.journeyCount()
	if len(g.heuristics) > 0 {
		var sums []string
		names := []string{"__kind", "__scope", "__segment", "__key"}
		for i, h := range g.heuristics {
			w := weight(d, h.Def, i)
			sums = append(sums, fmt.Sprintf("sum(%s) AS __conv_%d, sum((%s) * __journey_value) AS __value_%[2]d", g.perJourney(w), i, w))
			for _, name := range []string{fmt.Sprintf("__conv_%d", i), fmt.Sprintf("__value_%d", i)} {
				names = append(names, name)
				columns = append(columns, dialect.Column{Name: name, Kind: dialect.Number})
			}
		}
		parts = append(parts, dialect.Select{SQL: "SELECT 'credit' AS __kind, __scope, __segment, __key,\n       " + strings.Join(sums, ",\n       ") +
			"\nFROM " + q.fanOut("steps", "__converting") + "\nGROUP BY __scope, __segment, __key", Columns: names})
	}
	parts = append(parts, q.journeySets(count, paths))
	if n := g.topPaths(); n > 0 {
		parts = append(parts, q.topPaths(count, n, paths))
	}
	if g.summarised {
		parts = append(parts, q.pathSummary(count, paths))
	}
	steps := func(where string) string { return q.fanOut("steps", where) }
	for _, o := range g.orders {
		parts = append(parts, transitions(d, o, count, steps)...)
	}
	if col := a.spendColumn; col != "" {
		parts = append(parts, dialect.Select{SQL: "SELECT 'spend' AS __kind, __scope, '*' AS __segment, __key, sum(__amount) AS __amount\nFROM " +
			q.addSpendByKey(col, a.Def.SpendWindow) + "\nGROUP BY __scope, __key", Columns: []string{"__kind", "__scope", "__segment", "__key", "__amount"}})
	}
	names := make([]string, len(columns))
	for i, c := range columns {
		names[i] = c.Name
	}
	return d.UnionAll(parts, columns), names
}

// addSpendByKey adds the spend rows with the key they are for, once per
// scope they count in, and gives the rows to read: by default, those of the
// scopes whose window they fall in; with a spend window (Snowplow's
// convention), those of the scopes where a conversion whose path has the
// row's key follows the row, strictly, by less than the window. A row in the
// windows of several conversions counts once: the first conversion after
// it, which an ASOF join finds, decides.
func (q *query) addSpendByKey(column string, window dsl.Duration) string {
	t := q.c.Session.Schema.Spend
	time := q.time(t, "s")
	q.add("spend_keys", "spend with the key it is for", fmt.Sprintf("SELECT %s AS %s, s.%s AS __amount, CAST(s.%s AS VARCHAR) AS __key\nFROM %s AS s\nWHERE %[1]s IS NOT NULL",
		time, colTime, columnSQL(t.Source.Amount.Value), columnSQL(column), t.View))
	if window.IsZero() {
		q.add("spend_keys_scoped", "each spend row once per scope it falls in", q.scoped("spend_keys", false))
		return "spend_keys_scoped\nWHERE __scope IS NOT NULL AND __key IS NOT NULL"
	}
	q.add("conversion_keys", "each conversion's time with each key of its path", "SELECT DISTINCT __scope, __key, __converted_at\nFROM steps\nWHERE __converting")
	q.add("spend_windows", "each spend row once per scope with a conversion of its key less than the spend window after it",
		"SELECT c.__scope, s.__key, s.__amount\n"+
			"FROM spend_keys AS s CROSS JOIN (SELECT DISTINCT __scope FROM conversion_keys) AS scopes\n"+
			q.dialect().AsOfJoin("conversion_keys", "c", "c.__scope = scopes.__scope AND c.__key = s.__key AND c.__converted_at > s."+colTime, "c.__converted_at")+"\n"+
			fmt.Sprintf("WHERE c.__converted_at < s.%s + %s", colTime, q.dialect().Seconds(int64(window.Value.Seconds()))))
	return "spend_windows"
}

// weight is the SQL of a heuristic model's share of a conversion for one
// step; the shares of a path's steps add up to 1.
func weight(dl dialect.Dialect, d *dsl.Attribution, i int) string {
	one, zero := "1.0::"+dl.Double(), "0.0::"+dl.Double()
	switch d.Model.Value {
	case "first":
		return "CASE WHEN __pos = 1 THEN " + one + " ELSE " + zero + " END"
	case "last":
		return "CASE WHEN __pos = __n THEN " + one + " ELSE " + zero + " END"
	case "linear":
		return one + " / __n"
	case "position":
		f, l := d.First.Value, d.Last.Value
		return fmt.Sprintf("CASE WHEN __n = 1 THEN %s WHEN __n = 2 THEN CASE WHEN __pos = 1 THEN %s ELSE %s END "+
			"WHEN __pos = 1 THEN %s WHEN __pos = __n THEN %s ELSE %s / (__n - 2) END",
			one, number(dl, f/(f+l)), number(dl, l/(f+l)), number(dl, f), number(dl, l), number(dl, 1-f-l))
	case "time_decay":
		return fmt.Sprintf("%s / __weights_%d", decay(dl, d), i)
	}
	if d.KeyWeights != nil {
		return fmt.Sprintf("%s / __weights_%d", keyWeight(dl, d), i)
	}
	return positionWeight(dl, d.Weights)
}

// decay is a step's time-decay weight: halved every half-life before the
// path's end, so that no weight underflows. The end is the journey's
// (its conversion, or its last touch) when decaysFromEnd, else the path's
// last step; the shares, each weight over their sum, are the same.
func decay(dl dialect.Dialect, d *dsl.Attribution) string {
	end := "__last"
	if decaysFromEnd(d) {
		end = "__end"
	}
	return fmt.Sprintf("pow(2.0, -%s / %s)", dl.Epoch(end+" - __time"), number(dl, d.HalfLife.Value.Seconds()))
}

// decaysFromEnd reports whether a time-decay model may decay from the
// journey's end: its lookback keeps every step less than 1,000 half-lives
// before it, where 2^-1000 is still a double of full precision. The
// weights' sum then shares the window that numbers the steps, one sort of
// the steps fewer than from the path's last step, which only that window
// finds.
func decaysFromEnd(d *dsl.Attribution) bool {
	span := d.Lookback.Value
	if d.Lookback.IsZero() && d.LookbackDays >= 0 {
		span = time.Duration(d.LookbackDays+1) * 24 * time.Hour // the calendar days before the end's date, and its own
	}
	return d.Model.Value == "time_decay" && span > 0 && span <= 1000*d.HalfLife.Value
}

// keyWeight is a step's custom weight by key: 1 for the keys not listed.
func keyWeight(dl dialect.Dialect, d *dsl.Attribution) string {
	var b strings.Builder
	b.WriteString("CASE __key")
	for _, w := range d.KeyWeights {
		fmt.Fprintf(&b, " WHEN %s THEN %s", sqlString(w.Key.Value), number(dl, w.Value))
	}
	b.WriteString(" ELSE 1.0::" + dl.Double() + " END")
	return b.String()
}

// positionWeight is a step's custom weight by position, over the path's
// total weight: the sum of the first n weights, the last one repeated,
// which a prefix sum gives without another window.
func positionWeight(dl dialect.Dialect, ws []dsl.Number) string {
	n := len(ws)
	weights, prefix := make([]string, n), make([]string, n)
	total := 0.0
	for i, w := range ws {
		total += w.Value
		weights[i], prefix[i] = number(dl, w.Value), number(dl, total)
	}
	last := ws[n-1].Value
	at := func(list []string, i string) string { return dl.Index(dl.List(strings.Join(list, ", ")), i) }
	return fmt.Sprintf("%s / (%s + greatest(__n - %d, 0) * %s)",
		at(weights, fmt.Sprintf("least(__pos, %d)", n)), at(prefix, fmt.Sprintf("least(__n, %d)", n)), n, number(dl, last))
}

// number writes a float as a literal of the engine's double.
func number(dl dialect.Dialect, f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64) + "::" + dl.Double()
}
