package engine

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/attribution"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// AttributionPlan computes the attributions a scorecard reports, in its
// order: one query per group of attributions whose journeys are the same,
// so that comparing models costs one pass over the touchpoints.
type AttributionPlan struct {
	Attributions []*Attribution
	Groups       []*JourneyGroup
}

// JourneyGroup is attributions that share their journeys — conversions,
// touches, keys, values, lookback and path rules — and differ only by their
// model. Its query forms the journeys once, then gives every heuristic
// model's credit, the transitions of each Markov order, the sets of keys of
// the journeys and their top paths.
type JourneyGroup struct {
	Attributions []*Attribution
	Scopes       []*Campaign // a nil entry stands for the whole data
	BySegment    bool
	SQL          string // the journeys, every model's credit and the totals
	// heuristics are the attributions whose credit the query computes, in
	// the order of its credit columns.
	heuristics []*Attribution
	orders     []int // the Markov orders of the group
	// summarised says that a model of the group reads every path with its
	// conversions and non-conversions: Fractribution's.
	summarised bool
}

// summary reports whether the group reads a path summary, whose rows each
// stand for many journeys, rather than the touchpoints.
func (g *JourneyGroup) summary() bool { return g.Attributions[0].paths != nil }

// topPaths is how many paths of each kind the group's query gives: the
// most that one of its attributions shows.
func (g *JourneyGroup) topPaths() int {
	n := 0
	for _, a := range g.Attributions {
		n = max(n, a.Def.TopPaths)
	}
	return n
}

// decaysFromEnd reports whether a time-decay model of the group decays
// from the journey's end, which its journeys then keep.
func (g *JourneyGroup) decaysFromEnd() bool {
	for _, a := range g.heuristics {
		if decaysFromEnd(a.Def) {
			return true
		}
	}
	return false
}

// journeyCount is the SQL aggregate that counts journeys over rows of
// steps: one per row, or, from a path summary, the journeys its row stands
// for.
func (g *JourneyGroup) journeyCount() string {
	if g.summary() {
		return "sum(__weight)"
	}
	return "count(*)"
}

// perJourney is the SQL of a step's share of a conversion for all the
// journeys its row stands for.
func (g *JourneyGroup) perJourney(share string) string {
	if g.summary() {
		return "(" + share + ") * __weight"
	}
	return share
}

// heuristic reports whether a model's credit is computed in SQL, step by step.
func heuristic(model string) bool {
	return !slices.Contains([]string{"markov", "shapley", "fractribution", "probabilistic"}, model)
}

// planAttributions groups the attributions a scorecard reports (those it
// lists, or all when it lists none) by journeys; nil when there are none.
func (c *Compiled) planAttributions(def *dsl.Scorecard, p *Plan) *AttributionPlan {
	ap := &AttributionPlan{Attributions: c.Attributions}
	if def != nil && def.Attributions != nil {
		ap.Attributions = nil
		for _, r := range def.Attributions {
			for _, a := range c.Attributions {
				if a.Def.Name == r.Name && !slices.Contains(ap.Attributions, a) {
					ap.Attributions = append(ap.Attributions, a)
				}
			}
		}
	}
	if len(ap.Attributions) == 0 {
		return nil
	}
	groups := map[string]*JourneyGroup{}
	for _, a := range ap.Attributions {
		sig := journeySignature(a)
		g := groups[sig]
		if g == nil {
			g = &JourneyGroup{Scopes: p.Scopes}
			if a.paths != nil {
				g.Scopes = []*Campaign{nil} // a path summary has no times: the whole data only
			}
			groups[sig] = g
			ap.Groups = append(ap.Groups, g)
		}
		g.Attributions = append(g.Attributions, a)
		g.BySegment = g.BySegment || a.bySegment
		switch {
		case heuristic(a.Def.Model.Value):
			g.heuristics = append(g.heuristics, a)
		case a.Def.Model.Value == "markov" && !slices.Contains(g.orders, a.Def.Order):
			g.orders = append(g.orders, a.Def.Order)
		case a.Def.Model.Value == "fractribution" || a.Def.Model.Value == "probabilistic":
			g.summarised = true
		}
	}
	for i, g := range ap.Groups {
		g.SQL = c.journeyQuery(g, fmt.Sprintf("%s: attribution %d of %d", p.Name, i+1, len(ap.Groups)))
	}
	return ap
}

// journeySignature identifies what makes an attribution's journeys: two
// attributions with the same signature have the same paths.
func journeySignature(a *Attribution) string {
	d := a.Def
	lists := func(l []dsl.Text) string {
		var out []string
		for _, t := range l {
			out = append(out, sqlString(t.Value))
		}
		return fmt.Sprintf("%d[%s]", len(l), strings.Join(out, ","))
	}
	return strings.Join([]string{a.pathSummaryName(), a.Conversion, a.Touch, a.Value, a.Key, d.Lookback.Value.String(), fmt.Sprint(d.LookbackDays), d.AfterLastConversion.Value,
		d.SpendWindow.Value.String(), fmt.Sprint(d.LookbackSteps), lists(d.Include), fmt.Sprint(d.Include != nil), lists(d.Exclude),
		lists(d.Remove), lists(d.Trailing), pathTransform(d)}, "\x00")
}

// pathTransform is the block's path transform, unique by default.
func pathTransform(d *dsl.Attribution) string {
	if d.Path.Value == "" {
		return "unique"
	}
	return d.Path.Value
}

// attributionSteps run the journey query of each group of attributions.
// After each, the scorecard lists every attribution reported so far, in
// the plan's order, then by scope and segment.
func (c *Compiled) attributionSteps(ap *AttributionPlan, sc *scorecard.Scorecard) []step {
	entries := map[*Attribution][]scorecard.Attribution{}
	var steps []step
	for _, g := range ap.Groups {
		names := make([]string, len(g.Attributions))
		for i, a := range g.Attributions {
			names[i] = a.Def.Name
		}
		steps = append(steps, step{"attribution " + strings.Join(names, ", "), func(ctx context.Context) error {
			if err := c.runAttributionGroup(ctx, g, entries); err != nil {
				return err
			}
			sc.Attribution = nil
			for _, a := range ap.Attributions {
				sc.Attribution = append(sc.Attribution, entries[a]...)
			}
			return nil
		}})
	}
	return steps
}

// runAttributionGroup runs the journey query of a group and files the
// report of each of its attributions in entries.
func (c *Compiled) runAttributionGroup(ctx context.Context, g *JourneyGroup, entries map[*Attribution][]scorecard.Attribution) error {
	r, err := c.readJourneys(ctx, g)
	if err != nil {
		return err
	}
	scopes := make([]*dsl.Campaign, len(g.Scopes))
	for i, s := range g.Scopes {
		if s != nil {
			scopes[i] = s.Def
		}
	}
	segments := c.attributeSegments()
	for _, a := range g.Attributions {
		if entries[a], err = r.Report(a.reported(g), scopes, segments); err != nil {
			at := a.Def.DeclRange
			return fmt.Errorf("%s:%d:%d: attribution %s: %w", at.Filename, at.Start.Line, at.Start.Column, a.Def.Name, err)
		}
	}
	return nil
}

// readJourneys runs the query of a group and files its rows.
func (c *Compiled) readJourneys(ctx context.Context, g *JourneyGroup) (*attribution.Results, error) {
	r := attribution.NewResults(len(g.heuristics))
	if g.summary() {
		if err := c.checkSummaryCounts(ctx, g.Attributions[0].paths); err != nil {
			return nil, err
		}
	}
	if err := c.readJourneyRows(ctx, g.SQL, r); err != nil {
		return nil, queryError(ctx, "attribution "+g.Attributions[0].Def.Name, err)
	}
	r.Sort()
	return r, nil
}

// readJourneyRows runs the query of a group and files its rows.
func (c *Compiled) readJourneyRows(ctx context.Context, query string, r *attribution.Results) error {
	rows, err := c.Session.query(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return err
	}
	types, err := rows.ColumnTypes()
	if err != nil {
		return err
	}
	values, dest, col := make([]any, len(names)), make([]any, len(names)), map[string]int{}
	for i, n := range names {
		dest[i], col[n] = &values[i], i
		if types[i].DatabaseTypeName() == "_TEXT" {
			dest[i] = pgTextArray{&values[i]}
		}
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		r.Add(values, col)
	}
	return rows.Err()
}

// reported is the attribution as its report needs it.
func (a *Attribution) reported(g *JourneyGroup) attribution.Attribution {
	valued := a.Def.Value != nil || a.paths != nil && a.paths.Source.Paths.Value.Value != ""
	return attribution.Attribution{Def: a.Def, KeyName: a.KeyName, BySegment: a.bySegment,
		SpendByKey: a.spendColumn != "", Valued: valued, Heuristic: slices.Index(g.heuristics, a)}
}
