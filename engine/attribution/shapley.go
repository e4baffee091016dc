package attribution

// Coalition is a set of keys and what the journeys whose touches had
// exactly those keys brought: their conversions and their value.
type Coalition struct {
	Keys        []string // distinct
	Conversions float64
	Value       float64
}

// Shapley returns each key's Shapley value in the game whose worth of a set
// of keys S is what the journeys with keys all in S brought, for the
// conversions and for the value (Zhao, Mahboobi and Bagheri 2018, "Shapley
// Value Methods for Attribution Modeling in Online Advertising",
// arXiv:1804.05327). That game is a sum of unanimity games, one per
// coalition, so its Shapley value is exactly their simplified Shapley value:
// each coalition's worth split equally among its keys. It holds for any
// number of keys: no enumeration of the 2ⁿ coalitions, no sampling.
func Shapley(cs []Coalition) (conversions, value map[string]float64) {
	conversions, value = map[string]float64{}, map[string]float64{}
	for _, c := range cs {
		n := float64(len(c.Keys))
		for _, k := range c.Keys {
			conversions[k] += c.Conversions / n
			value[k] += c.Value / n
		}
	}
	return conversions, value
}
