package scorecard

import (
	"fmt"
	"slices"
	"strings"
)

// AttributionTables lays out a scope's attributions for a person, models
// side by side, for every customer: per key (channel, campaign…) the
// conversions each model credits each key with, then the return on spend
// where there is a value and a spend, then the most frequent converting
// paths of each set of models that share journeys, last each Markov
// model's removal effects and transitions. campaign is "" for the whole
// data.
func (sc *Scorecard) AttributionTables(campaign string) []Table {
	byKey := map[string][]Attribution{}
	var keys []string
	for _, a := range sc.Attribution {
		if a.Campaign != campaign || a.Segment != "" {
			continue
		}
		if byKey[a.Key] == nil {
			keys = append(keys, a.Key)
		}
		byKey[a.Key] = append(byKey[a.Key], a)
	}
	var out []Table
	for _, key := range keys {
		models := byKey[key]
		conversions := sideBySide(key, models, func(r AttributionRow) Number { return r.Conversions })
		conversions.Title = fmt.Sprintf("attribution by %s: conversions credited", key)
		conversions.Note = shared(models)
		out = append(out, conversions)
		if hasROAS(models) {
			roas := sideBySide(key, models, func(r AttributionRow) Number { return r.ROAS })
			roas.Title = fmt.Sprintf("attribution by %s: return on ad spend (value / spend)", key)
			out = append(out, roas)
		}
		for _, group := range byPaths(models) {
			out = append(out, pathsTable(group, len(group) == len(models)))
		}
		for _, a := range models {
			if a.Markov != nil {
				out = append(out, markovTables(a)...)
			}
		}
	}
	return out
}

// byPaths groups the models that have converting paths by the paths they
// share (models of the same journeys have the same), in order.
func byPaths(models []Attribution) [][]Attribution {
	var groups [][]Attribution
	for _, a := range models {
		if a.Paths == nil || len(a.Paths.Converting) == 0 {
			continue
		}
		i := slices.IndexFunc(groups, func(g []Attribution) bool { return slices.Equal(g[0].Paths.Converting, a.Paths.Converting) })
		if i < 0 {
			groups = append(groups, nil)
			i = len(groups) - 1
		}
		groups[i] = append(groups[i], a)
	}
	return groups
}

// pathsTable lists the converting paths of models that share them, most
// conversions first, naming the models unless all of the table's group do.
func pathsTable(models []Attribution, all bool) Table {
	title := "top converting paths"
	if !all {
		names := make([]string, len(models))
		for i, a := range models {
			names[i] = a.Name
		}
		title += " (" + strings.Join(names, ", ") + ")"
	}
	t := Table{Title: title, Header: []string{"path", "conversions", "non-conversions", "value"}}
	converting := models[0].Paths.Converting
	values := make([]Number, len(converting))
	for i, pc := range converting {
		values[i] = pc.Value
	}
	texts := FormatColumn(values, "number", "")
	for i, pc := range converting {
		t.Rows = append(t.Rows, []string{pc.Path, FormatValue(Number(pc.Conversions), "integer", ""),
			FormatValue(Number(pc.NonConversions), "integer", ""), texts[i]})
	}
	return t
}

// attribution writes a scope's attribution tables.
func (t *textWriter) attribution(s Scope) {
	for _, table := range t.sc.AttributionTables(s.Campaign) {
		t.printf("\n%s\n", table.Title)
		t.table(table.Header, table.Rows)
		if table.Note != "" {
			t.printf("%s\n", table.Note)
		}
	}
}

// sideBySide lays out one row per key and one column per model.
func sideBySide(key string, models []Attribution, field func(AttributionRow) Number) Table {
	t := Table{Header: []string{key}}
	cells := map[string][]string{}
	var keys []string
	for i, a := range models {
		t.Header = append(t.Header, a.Name)
		values := make([]Number, len(a.Rows))
		for j, r := range a.Rows {
			values[j] = field(r)
		}
		// One number of decimals per model's column.
		texts := FormatColumn(values, "number", "")
		for j, r := range a.Rows {
			if cells[r.Key] == nil {
				keys = append(keys, r.Key)
				cells[r.Key] = make([]string, len(models))
			}
			cells[r.Key][i] = texts[j]
		}
	}
	for _, k := range keys {
		t.Rows = append(t.Rows, append([]string{k}, cells[k]...))
	}
	return t
}

// shared says how many conversions the models share: those with a touch.
func shared(models []Attribution) string {
	var parts []string
	same := true
	for _, a := range models {
		same = same && a.Attributed == models[0].Attributed && a.Conversions == models[0].Conversions
		parts = append(parts, fmt.Sprintf("%s %s of %s", a.Name, FormatValue(a.Attributed, "integer", ""), FormatValue(a.Conversions, "integer", "")))
	}
	if same {
		parts = parts[:1]
		parts[0] = strings.TrimPrefix(parts[0], models[0].Name+" ")
	}
	return "conversions with a touch in their path: " + strings.Join(parts, ", ")
}

func hasROAS(models []Attribution) bool {
	for _, a := range models {
		for _, r := range a.Rows {
			if !r.ROAS.IsNull() {
				return true
			}
		}
	}
	return false
}
