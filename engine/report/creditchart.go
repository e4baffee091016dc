package report

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// attributionCharts are a scope's attributions drawn: per key, what each
// model credits it with, side by side; return on ad spend against spend,
// per model that has a value; the most frequent paths.
type attributionCharts struct {
	Bars     []*barChart
	Scatters []*scatterChart
}

// modelClasses are the colours of the models' bars, in order (Okabe–Ito).
const modelClasses = 6

// attributionCharts draws the attributions of a scope over every customer
// (not per segment), grouped by what they credit (channel, campaign…).
func (v *view) attributionCharts(campaign string) attributionCharts {
	var out attributionCharts
	byKey := map[string][]scorecard.Attribution{}
	var keys []string
	for _, a := range v.sc.Attribution {
		if a.Campaign != campaign || a.Segment != "" {
			continue
		}
		if byKey[a.Key] == nil {
			keys = append(keys, a.Key)
		}
		byKey[a.Key] = append(byKey[a.Key], a)
	}
	money := numberFormat{"currency", v.sc.Currency}
	for _, key := range keys {
		models := byKey[key]
		if c := newBarChart("Conversions credited by "+key+", per model", v.creditItems(key, models), numberFormat{format: "number"}); c != nil {
			out.Bars = append(out.Bars, c)
		}
		for _, a := range models {
			var points []scatterPoint
			for _, r := range a.Rows {
				points = append(points, scatterPoint{Name: v.keyLabel(key, r.Key), X: r.Spend, Y: r.ROAS})
			}
			title := fmt.Sprintf("Return on ad spend against spend by %s, %s", key, modelName(a))
			if c := newScatterChart(title, points, "spend", money, "ROAS", numberFormat{format: "number"}, 1, "break-even"); c != nil {
				out.Scatters = append(out.Scatters, c)
			}
		}
		out.Bars = append(out.Bars, v.pathCharts(key, models)...)
	}
	return out
}

// creditItems are the bars of each key, one per model.
func (v *view) creditItems(key string, models []scorecard.Attribution) []barItem {
	var items []barItem
	var keys []string
	credit := map[string][]scorecard.Number{}
	for i, a := range models {
		for _, r := range a.Rows {
			if credit[r.Key] == nil {
				keys = append(keys, r.Key)
				credit[r.Key] = make([]scorecard.Number, len(models))
				for j := range credit[r.Key] {
					credit[r.Key][j] = scorecard.Null
				}
			}
			credit[r.Key][i] = r.Conversions
		}
	}
	for _, k := range keys {
		for i, a := range models {
			items = append(items, barItem{Name: modelName(a), Group: v.keyLabel(key, k), Class: fmt.Sprintf("model-%d", i%modelClasses),
				Title: v.keyLabel(key, k) + ", " + modelName(a), Value: credit[k][i]})
		}
	}
	return items
}

// pathCharts are the most frequent converting and non-converting paths,
// once for the models that count the same conversions.
func (v *view) pathCharts(key string, models []scorecard.Attribution) []*barChart {
	var out []*barChart
	drawn := map[string]bool{}
	for _, a := range models {
		if a.Paths == nil || drawn[fmt.Sprint(*a.Paths)] {
			continue
		}
		drawn[fmt.Sprint(*a.Paths)] = true
		var names []string
		for _, b := range models {
			if b.Paths != nil && fmt.Sprint(*b.Paths) == fmt.Sprint(*a.Paths) {
				names = append(names, modelName(b))
			}
		}
		for _, side := range []struct {
			title string
			paths []scorecard.PathCount
			class string
			count func(scorecard.PathCount) int
		}{
			{"Most frequent converting paths", a.Paths.Converting, "model-0", func(p scorecard.PathCount) int { return p.Conversions }},
			{"Most frequent paths without conversion", a.Paths.NonConverting, "media-none", func(p scorecard.PathCount) int { return p.NonConversions }},
		} {
			var items []barItem
			for _, pc := range side.paths {
				items = append(items, barItem{Name: v.pathLabel(key, pc.Path), Class: side.class, Value: scorecard.Number(side.count(pc))})
			}
			title := fmt.Sprintf("%s by %s (%s)", side.title, key, strings.Join(names, ", "))
			if c := newBarChart(title, items, numberFormat{format: "integer"}); c != nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// pathLabel writes a path with its keys' labels: Email › Shop.
func (v *view) pathLabel(key, path string) string {
	steps := strings.Split(path, " > ")
	for i, s := range steps {
		steps[i] = v.keyLabel(key, s)
	}
	return strings.Join(steps, " › ")
}

// keyLabel names a key of an attribution: a channel by its label.
func (v *view) keyLabel(key, value string) string {
	if key == "channel" {
		for _, ch := range v.sc.Channels {
			if ch.Name == value {
				return cmp.Or(ch.Label, value)
			}
		}
	}
	return value
}

// modelName names an attribution: its label, else its name.
func modelName(a scorecard.Attribution) string { return cmp.Or(a.Label, a.Name) }
