package scorecard

import (
	"fmt"
	"strings"
)

// attribution writes a scope's attributions side by side, one table per
// key (channel, campaign…): the conversions each model credits each key
// with, then the return on spend where there is a value and a spend, then
// the most frequent converting paths.
func (t *textWriter) attribution(s Scope) {
	byKey := map[string][]Attribution{}
	var keys []string
	for _, a := range t.sc.Attribution {
		if a.Campaign != s.Campaign || a.Segment != "" {
			continue
		}
		if byKey[a.Key] == nil {
			keys = append(keys, a.Key)
		}
		byKey[a.Key] = append(byKey[a.Key], a)
	}
	for _, key := range keys {
		models := byKey[key]
		fmt.Fprintf(t.w, "\nattribution by %s: conversions credited\n", key)
		t.sideBySide(key, models, func(r AttributionRow) Number { return r.Conversions })
		t.total(models)
		if hasROAS(models) {
			fmt.Fprintf(t.w, "\nattribution by %s: return on ad spend (value / spend)\n", key)
			t.sideBySide(key, models, func(r AttributionRow) Number { return r.ROAS })
		}
		if p := models[0].Paths; p != nil && len(p.Converting) > 0 {
			fmt.Fprintf(t.w, "\ntop converting paths (%s)\n", models[0].Name)
			var rows [][]string
			for _, pc := range p.Converting[:min(5, len(p.Converting))] {
				rows = append(rows, []string{pc.Path, FormatValue(Number(pc.Count), "integer", "")})
			}
			t.table([]string{"path", "journeys"}, rows)
		}
	}
}

// sideBySide writes one row per key and one column per model.
func (t *textWriter) sideBySide(key string, models []Attribution, field func(AttributionRow) Number) {
	header := []string{key}
	cells := map[string][]string{}
	var keys []string
	for i, a := range models {
		header = append(header, a.Name)
		for _, r := range a.Rows {
			if cells[r.Key] == nil {
				keys = append(keys, r.Key)
				cells[r.Key] = make([]string, len(models))
			}
			cells[r.Key][i] = FormatValue(field(r), "number", "")
		}
	}
	var rows [][]string
	for _, k := range keys {
		rows = append(rows, append([]string{k}, cells[k]...))
	}
	t.table(header, rows)
}

// total says how many conversions the models share: those with a touch.
func (t *textWriter) total(models []Attribution) {
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
	fmt.Fprintf(t.w, "conversions with a touch in their path: %s\n", strings.Join(parts, ", "))
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
