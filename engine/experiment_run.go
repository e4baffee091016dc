package engine

import (
	"context"
	"database/sql"
	"math"

	"github.com/omni-metrics/omni/engine/experiment"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// runExperiment runs an experiment's query and judges its variants.
func (c *Compiled) runExperiment(ctx context.Context, e *Experiment) (scorecard.Experiment, error) {
	d := e.Def
	out := scorecard.Experiment{Name: d.Name, Label: d.Label.Value, Description: d.Description.Value,
		Assignment: d.Assignment.Text, Control: d.Control.Value, Start: d.Start.String(), End: d.End.String(),
		Confidence: scorecard.Number(d.Confidence.Value), CUPED: d.CUPED}
	for _, k := range e.KPIs {
		out.KPIs = append(out.KPIs, scorecard.ExperimentKPI{Name: k.Def.Name, Label: k.Def.Label.Value,
			Format: e.valueFormat(k), Direction: k.Def.Direction.Value})
	}
	if d.Segment != nil {
		out.Segment = d.Segment.Name
	}
	if d.Campaign != nil {
		out.Campaign = d.Campaign.Name
	}
	arms, excluded, err := c.experimentArms(ctx, e)
	if err != nil {
		return out, err
	}
	out.Excluded = excluded
	out.Variants, out.SRM, out.Results = experiment.Analyze(e.design(), arms)
	return out, nil
}

// valueFormat is the format of a KPI's values per customer: percent for a
// rate of customers, else the KPI's, but a mean of counts is no integer.
func (e *Experiment) valueFormat(k *KPI) string {
	switch {
	case e.Rates[k]:
		return "percent"
	case k.Def.Format.Value == "" || k.Def.Format.Value == "integer":
		return "number"
	}
	return k.Def.Format.Value
}

// design is what the statistics need of the block.
func (e *Experiment) design() experiment.Design {
	d := e.Def
	design := experiment.Design{Control: d.Control.Value, Confidence: d.Confidence.Value, CUPED: d.CUPED}
	for _, v := range d.Variants {
		design.Variants = append(design.Variants, v.Value)
	}
	for _, s := range d.Split {
		design.Split = append(design.Split, s.Value)
	}
	for _, k := range e.KPIs {
		design.KPIs = append(design.KPIs, experiment.Judged{Name: k.Def.Name, Rate: e.Rates[k]})
	}
	return design
}

// experimentArms reads the query's rows: each variant's customers and
// moments per KPI, and the customers seen in two variants.
func (c *Compiled) experimentArms(ctx context.Context, e *Experiment) ([]experiment.Arm, int, error) {
	name := "experiment " + e.Def.Name
	rows, err := c.Session.query(ctx, e.SQL)
	if err != nil {
		return nil, 0, queryError(ctx, name, err)
	}
	defer rows.Close()
	var arms []experiment.Arm
	var excluded int
	for rows.Next() {
		var arm experiment.Arm
		var variant sql.NullString
		counts := make([]sql.NullInt64, len(e.KPIs))
		stats := make([]sql.NullFloat64, 5*len(e.KPIs))
		dest := []any{&variant, &arm.Customers}
		for k := range e.KPIs {
			dest = append(dest, &counts[k])
			for j := range 5 {
				dest = append(dest, &stats[5*k+j])
			}
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, queryError(ctx, name, err)
		}
		if !variant.Valid { // the customers seen in two variants
			excluded = arm.Customers
			continue
		}
		arm.Name = variant.String
		for k := range e.KPIs {
			f := func(j int) float64 { return orNaN(stats[5*k+j]) }
			arm.KPIs = append(arm.KPIs, experiment.Moments{N: int(counts[k].Int64), MeanY: f(0), VarY: f(1), MeanX: f(2), VarX: f(3), Covariance: f(4)})
		}
		arms = append(arms, arm)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, queryError(ctx, name, err)
	}
	return arms, excluded, nil
}

// orNaN is a nullable number from DuckDB, NaN for NULL.
func orNaN(v sql.NullFloat64) float64 {
	if !v.Valid {
		return math.NaN()
	}
	return v.Float64
}
