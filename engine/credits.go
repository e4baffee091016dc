package engine

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/omni-metrics/omni/dsl"
)

// This file writes the second half of an attribution query: from the steps
// of the journeys, the rows the engine reads back, told apart by __kind.
//
//	credit      per scope, segment and key: each heuristic model's credit (conversions and value)
//	set         per scope, segment and set of keys: the journeys, their conversions and value
//	path        per scope: the ten most frequent paths, converting and not
//	transition  per scope, segment and Markov order: the moves between states
//	summary     per scope, segment and path, for Fractribution: its conversions, non-conversions and value
//
// and, in a query of its own, per scope and segment, every conversion (with
// a touch or not) and its value.
//	spend       per scope and key: the spend, when it can be split by key

// addSteps numbers the steps of each path, and adds what the models need
// per step: the states of each Markov order, the sums that normalise
// time-decay and key weights.
func (q *query) addSteps(g *JourneyGroup, from string) {
	w := windowsOf(g)
	cols := []string{"row_number() OVER (" + w.path() + ") AS __pos", "count(*) OVER (" + w.journey() + ") AS __n"}
	for _, o := range g.orders {
		cols = append(cols, markovStates(o, w)...)
	}
	var sums []string
	for i, a := range g.heuristics {
		switch d := a.Def; {
		case d.Model.Value == "time_decay" && !decaysFromEnd(d):
			sums = append(sums, fmt.Sprintf("sum(%s) OVER (%s) AS __weights_%d", decay(d), w.journey(), i))
		case d.Model.Value == "time_decay":
			cols = append(cols, fmt.Sprintf("sum(%s) OVER (%s) AS __weights_%d", decay(d), w.journey(), i))
		case d.Model.Value == "custom" && d.KeyWeights != nil:
			cols = append(cols, fmt.Sprintf("sum(%s) OVER (%s) AS __weights_%d", keyWeight(d), w.journey(), i))
		}
	}
	if len(sums) > 0 {
		// Time decay from the path's last step knows it only once the
		// steps are numbered: a second window over the same partition.
		cols = append(cols, "max(__time) OVER ("+w.journey()+") AS __last")
		from = "(\n" + indent(selectAll(cols, from)) + "\n)"
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
func markovStates(order int, w journeyWindows) []string {
	if order == 1 {
		return []string{"lag(__key) OVER (" + w.path() + ") AS __previous_1"}
	}
	return []string{
		fmt.Sprintf("list(__key) OVER (%s ROWS BETWEEN %d PRECEDING AND CURRENT ROW) AS __state_%d", w.path(), order-1, order),
		fmt.Sprintf("CASE WHEN row_number() OVER (%s) > 1 THEN list(__key) OVER (%[1]s ROWS BETWEEN %d PRECEDING AND 1 PRECEDING) END AS __previous_%d", w.path(), order, order),
	}
}

// transitions counts the moves between the states of a chain of the order:
// from the previous state (the start when NULL) to a step's, and from a
// path's last state to its end, a conversion or not. steps gives the steps
// that meet a condition ("": all), fanned out to their segments; count
// counts the journeys of its rows.
func transitions(order int, count string, steps func(where string) string) []string {
	state, previous := fmt.Sprintf("__state_%d", order), fmt.Sprintf("__previous_%d", order)
	asList := func(col string) string { return col }
	if order == 1 {
		state = "__key"
		asList = func(col string) string { return fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN [%[1]s] END", col) }
	}
	head := fmt.Sprintf("SELECT 'transition' AS __kind, __scope, __segment, %d AS __order, ", order)
	return []string{
		fmt.Sprintf("%s%s AS __from, %s AS __to, %s AS __count\nFROM %s\nGROUP BY __scope, __segment, %s, %s",
			head, asList(previous), asList(state), count, steps(""), previous, state),
		fmt.Sprintf("%s%s AS __from, __converting, %s AS __count\nFROM %s\nGROUP BY __scope, __segment, %s, __converting",
			head, asList(state), count, steps("__pos = __n"), state),
	}
}

// outputs adds the per-journey step and writes the final SELECT.
func (q *query) outputs(g *JourneyGroup) string {
	a := g.Attributions[0]
	// Each journey's steps in order, sorted once: a small list per journey
	// sorts faster than an ordered aggregate, and one list serves the set
	// of keys, the path and its steps.
	step, label := "{'pos': __pos, 'key': __key}", "s -> s.key"
	if pathTransform(a.Def) == "frequency" {
		step, label = "{'pos': __pos, 'key': __key, 'label': __key || '(' || __repeats || ')'}", "s -> s.label"
	}
	columns := []string{"list_sort(list_distinct(list_transform(__ordered, s -> s.key))) AS __keys",
		"array_to_string(list_transform(__ordered, " + label + "), ' > ') AS __path"}
	if g.summarised {
		// The path as lists, which identify it whatever its keys hold: the
		// labels of its steps (with the counts of frequency) and their keys.
		columns = append(columns, "list_transform(__ordered, "+label+") AS __steps", "list_transform(__ordered, s -> s.key) AS __step_keys")
	}
	weightColumn := ""
	if g.summary() {
		weightColumn = " any_value(__weight) AS __weight,"
	}
	q.addHinted("journey_paths", "MATERIALIZED", "each journey: its set of keys and its path",
		"SELECT * EXCLUDE (__ordered),\n       "+strings.Join(columns, ",\n       ")+"\nFROM (\n"+
			"    SELECT __scope, "+colCustomer+", __journey, any_value(__converting) AS __converting, any_value(__journey_value) AS __journey_value,"+weightColumn+"\n"+
			"           list_sort(list("+step+")) AS __ordered\n"+
			"    FROM steps\n    GROUP BY __scope, "+colCustomer+", __journey\n)")
	var parts []string
	count := g.journeyCount()
	if len(g.heuristics) > 0 {
		var sums []string
		for i, h := range g.heuristics {
			w := weight(h.Def, i)
			sums = append(sums, fmt.Sprintf("sum(%s) AS __conv_%d, sum((%s) * __journey_value) AS __value_%[2]d", g.perJourney(w), i, w))
		}
		parts = append(parts, "SELECT 'credit' AS __kind, __scope, __segment, __key,\n       "+strings.Join(sums, ",\n       ")+
			"\nFROM "+q.fanOut("steps", "__converting")+"\nGROUP BY __scope, __segment, __key")
	}
	parts = append(parts,
		"SELECT 'set' AS __kind, __scope, __segment, __keys, "+count+" FILTER (WHERE __converting) AS __conversions, "+count+" AS __journeys,\n"+
			"       coalesce(sum(__journey_value) FILTER (WHERE __converting), 0) AS __value\nFROM "+q.fanOut("journey_paths", "")+"\nGROUP BY __scope, __segment, __keys")
	if n := g.topPaths(); n > 0 {
		parts = append(parts, topPaths(count, n))
	}
	if g.summarised {
		parts = append(parts, "SELECT 'summary' AS __kind, __scope, __segment, __steps, __step_keys, "+count+" FILTER (WHERE __converting) AS __conversions,\n"+
			"       "+count+" FILTER (WHERE NOT __converting) AS __non_conversions, coalesce(sum(__journey_value) FILTER (WHERE __converting), 0) AS __value\n"+
			"FROM "+q.fanOut("journey_paths", "")+"\nGROUP BY __scope, __segment, __steps, __step_keys")
	}
	steps := func(where string) string { return q.fanOut("steps", where) }
	for _, o := range g.orders {
		parts = append(parts, transitions(o, count, steps)...)
	}
	if col := a.spendColumn; col != "" {
		parts = append(parts, "SELECT 'spend' AS __kind, __scope, '*' AS __segment, __key, sum(__amount) AS __amount\nFROM "+q.addSpendByKey(col, a.Def.SpendWindow)+"\nGROUP BY __scope, __key")
	}
	return strings.Join(parts, "\nUNION ALL BY NAME\n")
}

// topPaths gives the most frequent paths of each scope, at most n of each
// kind: those with the most conversions and those with the most journeys
// that did not convert, each with its conversions, its non-conversions and
// their value. Each kind is a top-n aggregate over the paths (ties by
// path), which costs less than a window sorting them all.
func topPaths(count string, n int) string {
	top := func(by string) string {
		return fmt.Sprintf("arg_min(p, {'n': -p.%[1]s, 'path': p.__path}, %[2]d) FILTER (WHERE p.%[1]s > 0)", by, n)
	}
	return "SELECT 'path' AS __kind, __scope, '*' AS __segment,\n" +
		"       unnest(list_distinct(list_concat(" + top("__conversions") + ",\n" +
		"                                        " + top("__non_conversions") + ")), recursive := true)\n" +
		"FROM (\n" +
		"    SELECT __scope, {'__path': __path, '__conversions': " + count + " FILTER (WHERE __converting), '__non_conversions': " + count + " FILTER (WHERE NOT __converting),\n" +
		"                     '__value': coalesce(sum(__journey_value) FILTER (WHERE __converting), 0)} AS p\n" +
		"    FROM journey_paths\n" +
		"    GROUP BY __scope, __path\n" +
		")\nGROUP BY __scope"
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
			"ASOF JOIN conversion_keys AS c ON c.__scope = scopes.__scope AND c.__key = s.__key AND c.__converted_at > s."+colTime+"\n"+
			fmt.Sprintf("WHERE c.__converted_at < s.%s + to_seconds(%d)", colTime, int64(window.Value.Seconds())))
	return "spend_windows"
}

// weight is the SQL of a heuristic model's share of a conversion for one
// step; the shares of a path's steps add up to 1.
func weight(d *dsl.Attribution, i int) string {
	switch d.Model.Value {
	case "first":
		return "CASE WHEN __pos = 1 THEN 1.0::DOUBLE ELSE 0.0::DOUBLE END"
	case "last":
		return "CASE WHEN __pos = __n THEN 1.0::DOUBLE ELSE 0.0::DOUBLE END"
	case "linear":
		return "1.0::DOUBLE / __n"
	case "position":
		f, l := d.First.Value, d.Last.Value
		return fmt.Sprintf("CASE WHEN __n = 1 THEN 1.0::DOUBLE WHEN __n = 2 THEN CASE WHEN __pos = 1 THEN %s ELSE %s END "+
			"WHEN __pos = 1 THEN %s WHEN __pos = __n THEN %s ELSE %s / (__n - 2) END",
			number(f/(f+l)), number(l/(f+l)), number(f), number(l), number(1-f-l))
	case "time_decay":
		return fmt.Sprintf("%s / __weights_%d", decay(d), i)
	}
	if d.KeyWeights != nil {
		return fmt.Sprintf("%s / __weights_%d", keyWeight(d), i)
	}
	return positionWeight(d.Weights)
}

// decay is a step's time-decay weight: halved every half-life before the
// path's end, so that no weight underflows. The end is the journey's
// (its conversion, or its last touch) when decaysFromEnd, else the path's
// last step; the shares, each weight over their sum, are the same.
func decay(d *dsl.Attribution) string {
	end := "__last"
	if decaysFromEnd(d) {
		end = "__end"
	}
	return fmt.Sprintf("pow(2.0, -epoch(%s - __time) / %s)", end, number(d.HalfLife.Value.Seconds()))
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
func keyWeight(d *dsl.Attribution) string {
	var b strings.Builder
	b.WriteString("CASE __key")
	for _, w := range d.KeyWeights {
		fmt.Fprintf(&b, " WHEN %s THEN %s", sqlString(w.Key.Value), number(w.Value))
	}
	b.WriteString(" ELSE 1.0::DOUBLE END")
	return b.String()
}

// positionWeight is a step's custom weight by position, over the path's
// total weight: the sum of the first n weights, the last one repeated,
// which a prefix sum gives without another window.
func positionWeight(ws []dsl.Number) string {
	n := len(ws)
	weights, prefix := make([]string, n), make([]string, n)
	total := 0.0
	for i, w := range ws {
		total += w.Value
		weights[i], prefix[i] = number(w.Value), number(total)
	}
	last := ws[n-1].Value
	return fmt.Sprintf("[%[1]s][least(__pos, %[2]d)] / ([%[3]s][least(__n, %[2]d)] + greatest(__n - %[2]d, 0) * %[4]s)",
		strings.Join(weights, ", "), n, strings.Join(prefix, ", "), number(last))
}

// number writes a float as a DOUBLE literal.
func number(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64) + "::DOUBLE"
}
