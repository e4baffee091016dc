package loyalty

import "math"

// Value is what the forecast volume is worth today, discounted at rate d
// per period: the volume of the t-th forecast period counts for
// volume_t / (1+d)^t, t from 1 (the period after the last observed one,
// whose volume is observed, not forecast) to the horizon H.
type Value struct {
	// Stages is, per stage, Σ_{t=1..H} volume_t[stage] / (1+d)^t: the value
	// of the volume the forecast expects of the customers in that stage.
	Stages []float64
	// PerCustomer is, per stage, the value of one customer now in it: the
	// same sum over the forecast of a population of that one customer, so
	// that Σ count × PerCustomer is the total of Stages.
	PerCustomer []float64
}

// Value discounts the forecast of the series, horizon periods ahead, at
// rate discount per period; nil without a forecast or without volumes.
func (s *Series) Value(horizon int, discount float64) *Value {
	last := len(s.Counts) - 1
	forecast := s.Forecast(horizon)
	if forecast == nil || s.Volumes == nil {
		return nil
	}
	v := &Value{Stages: discounted(forecast, discount), PerCustomer: make([]float64, len(s.Counts[last]))}
	for i := range v.PerCustomer {
		one := make([]float64, len(s.Counts[last]))
		one[i] = 1
		v.PerCustomer[i] = sum(discounted(Project(one, s.Moves[last-1], s.MeanVolumes(last), horizon), discount))
	}
	return v
}

// discounted sums the projections' volumes per stage, the t-th projection
// (from 1) divided by (1+rate)^t.
func discounted(projections []Projection, rate float64) []float64 {
	out := make([]float64, len(projections[0].Volume))
	for k, p := range projections {
		factor := math.Pow(1+rate, float64(k+1))
		for i, v := range p.Volume {
			out[i] += v / factor
		}
	}
	return out
}
