package engine

import (
	"slices"

	"github.com/omni-metrics/omni/engine/attribution"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// report builds an attribution's entries: one per scope of the group, for
// every customer, then one per segment when the attribution asks for them.
func (r *journeyData) report(a *Attribution) ([]scorecard.Attribution, error) {
	var out []scorecard.Attribution
	for _, scope := range r.g.Scopes {
		segments := []string{"*"}
		if a.bySegment {
			for _, s := range r.c.Segments {
				segments = append(segments, s.Def.Name)
			}
		}
		for _, seg := range segments {
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
func (r *journeyData) entry(a *Attribution, scope *Campaign, cell journeyCell) (scorecard.Attribution, error) {
	d := a.Def
	e := scorecard.Attribution{Name: d.Name, Label: d.Label.Value, Model: d.Model.Value, Key: a.KeyName, Rows: []scorecard.AttributionRow{}}
	if scope != nil {
		e.Campaign = scope.Def.Name
	}
	if cell.segment != "*" {
		e.Segment = cell.segment
	} else {
		e.Paths = r.paths[cell.scope]
		if e.Paths == nil {
			e.Paths = &scorecard.Paths{Converting: []scorecard.PathCount{}, NonConverting: []scorecard.PathCount{}}
		}
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
	conversions, values, err := r.credit(a, cell, attributed, value)
	if err != nil {
		return e, err
	}
	for _, k := range r.keys[cell] {
		row := scorecard.AttributionRow{Key: k, Conversions: scorecard.Number(conversions[k]), Value: scorecard.Number(values[k]),
			PathConversions: scorecard.Number(onPath[k]), Spend: scorecard.Null, ROAS: scorecard.Null, ROI: scorecard.Null, CostPerConversion: scorecard.Null}
		if spend, ok := r.spendOf(a, scope, cell, k); ok {
			row.Spend = scorecard.Number(spend)
			row.ROAS, row.ROI = ratio(values[k], spend, d.Value != nil), ratio(values[k]-spend, spend, d.Value != nil)
			row.CostPerConversion = ratio(spend, conversions[k], true)
		}
		e.Rows = append(e.Rows, row)
	}
	return e, nil
}

// credit gives each key's attributed conversions and value under the
// attribution's model.
func (r *journeyData) credit(a *Attribution, cell journeyCell, conversions, value float64) (conv, val map[string]float64, err error) {
	switch a.Def.Model.Value {
	case "markov":
		removal, err := attribution.RemovalEffects(r.transitions[cell][a.Def.Order])
		if err != nil {
			return nil, nil, err
		}
		return removal.Share(conversions), removal.Share(value), nil
	case "shapley":
		conv, val = attribution.Shapley(r.sets[cell])
		return conv, val, nil
	}
	i := slices.Index(r.g.heuristics, a)
	conv, val = map[string]float64{}, map[string]float64{}
	for k, credit := range r.credits[cell] {
		conv[k], val[k] = credit[2*i], credit[2*i+1]
	}
	return conv, val, nil
}

// spendOf is what a key cost in a scope: from the spend source when it can
// be split by the key, else from the campaign's budget for a channel; none
// for a segment, since spend is not per customer.
func (r *journeyData) spendOf(a *Attribution, scope *Campaign, cell journeyCell, key string) (float64, bool) {
	switch {
	case cell.segment != "*":
		return 0, false
	case a.spendColumn != "":
		return r.spend[cell.scope][key], true
	case scope != nil && a.KeyName == "channel":
		for _, b := range scope.Def.Budget {
			if b.Key.Value == key {
				return b.Value, true
			}
		}
	}
	return 0, false
}

// ratio is a / b, null when b is zero or the ratio has no meaning.
func ratio(a, b float64, meaningful bool) scorecard.Number {
	if !meaningful || b == 0 {
		return scorecard.Null
	}
	return scorecard.Number(a / b)
}
