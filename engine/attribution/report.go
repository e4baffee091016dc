package attribution

import (
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Attribution is an attribution as its report needs it.
type Attribution struct {
	Def        *dsl.Attribution
	KeyName    string // the key as the scorecard names it: "channel", "campaign"…
	BySegment  bool   // reported per segment too
	SpendByKey bool   // the spend source splits by the key
	Valued     bool   // conversions have a value, not 1 each: ROAS and ROI mean something
	Heuristic  int    // the index of its credit among the group's heuristic models
}

// Report builds an attribution's entries: one per scope of the group (a
// nil campaign for the whole data), for every customer, then one per
// segment when the attribution asks for them.
func (r *Results) Report(a Attribution, scopes []*dsl.Campaign, segments []string) ([]scorecard.Attribution, error) {
	var out []scorecard.Attribution
	for _, scope := range scopes {
		cells := []string{"*"}
		if a.BySegment {
			cells = append(cells, segments...)
		}
		for _, seg := range cells {
			cell := journeyCell{scopeName(scope), seg}
			if _, ok := r.totals[cell]; !ok && seg != "*" {
				continue // a segment without conversions
			}
			e, err := r.entry(a, scope, cell)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// entry is an attribution's credit in one cell.
func (r *Results) entry(a Attribution, scope *dsl.Campaign, cell journeyCell) (scorecard.Attribution, error) {
	d := a.Def
	e := scorecard.Attribution{Name: d.Name, Label: d.Label.Value, Model: d.Model.Value, Key: a.KeyName, Rows: []scorecard.AttributionRow{}}
	if scope != nil {
		e.Campaign = scope.Name
	}
	if cell.segment != "*" {
		e.Segment = cell.segment
	} else {
		e.Paths = r.topPaths(cell.scope, d.TopPaths)
	}
	attributed, value, onPath := 0.0, 0.0, map[string]float64{}
	for _, s := range r.sets[cell] {
		attributed += s.Conversions
		value += s.Value
		for _, k := range s.Keys {
			onPath[k] += s.Conversions
		}
	}
	e.Conversions = scorecard.Number(r.totals[cell][0])
	e.Attributed, e.Value = scorecard.Number(attributed), scorecard.Number(value)
	conversions, values, markov, err := r.credit(a, cell, attributed, value)
	if err != nil {
		return e, err
	}
	e.Markov = markov
	for _, k := range r.keys[cell] {
		row := scorecard.AttributionRow{Key: k, Conversions: scorecard.Number(conversions[k]), Value: scorecard.Number(values[k]),
			PathConversions: scorecard.Number(onPath[k]), Spend: scorecard.Null, ROAS: scorecard.Null, ROI: scorecard.Null, CostPerConversion: scorecard.Null}
		if spend, ok := r.spendOf(a, scope, cell, k); ok {
			row.Spend = scorecard.Number(spend)
			row.ROAS, row.ROI = ratio(values[k], spend, a.Valued), ratio(values[k]-spend, spend, a.Valued)
			// No spend recorded (an owned channel, say) is a cost of 0 that
			// buys no ratio: the cost per conversion is null as ROAS is.
			row.CostPerConversion = ratio(spend, conversions[k], spend != 0)
		}
		e.Rows = append(e.Rows, row)
	}
	return e, nil
}

// credit gives each key's attributed conversions and value under the
// attribution's model, and, for a markov model, its chain.
func (r *Results) credit(a Attribution, cell journeyCell, conversions, value float64) (conv, val map[string]float64, markov *scorecard.Markov, err error) {
	switch a.Def.Model.Value {
	case "markov":
		ts := r.transitions[cell][a.Def.Order]
		removal, err := RemovalEffects(ts)
		if err != nil {
			return nil, nil, nil, err
		}
		return removal.Share(conversions), removal.Share(value), markovReport(a.Def.Order, ts, removal), nil
	case "shapley":
		conv, val = Shapley(r.sets[cell])
		return conv, val, nil, nil
	case "fractribution":
		conv, val = Fractribution(r.summaries[cell])
		return conv, val, nil, nil
	case "probabilistic":
		conv, val = Probabilistic(r.summaries[cell])
		return conv, val, nil, nil
	}
	i := a.Heuristic
	conv, val = map[string]float64{}, map[string]float64{}
	for k, credit := range r.credits[cell] {
		conv[k], val[k] = credit[2*i], credit[2*i+1]
	}
	return conv, val, nil, nil
}

// spendOf is what a key cost in a scope: from the spend source when it can
// be split by the key, else from the campaign's budget for a channel; none
// for a segment, since spend is not per customer.
func (r *Results) spendOf(a Attribution, scope *dsl.Campaign, cell journeyCell, key string) (float64, bool) {
	switch {
	case cell.segment != "*":
		return 0, false
	case a.SpendByKey:
		return r.spend[cell.scope][key], true
	case scope != nil && a.KeyName == "channel":
		for _, b := range scope.Budget {
			if b.Key.Value == key {
				return b.Value, true
			}
		}
	}
	return 0, false
}

// scopeName names a scope in the query's rows: "*" for the whole data.
func scopeName(c *dsl.Campaign) string {
	if c == nil {
		return "*"
	}
	return c.Name
}

// ratio is a / b, null when b is zero or the ratio has no meaning.
func ratio(a, b float64, meaningful bool) scorecard.Number {
	if !meaningful || b == 0 {
		return scorecard.Null
	}
	return scorecard.Number(a / b)
}
