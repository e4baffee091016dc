package attribution

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The example of "Data-driven marketing attribution" (Towards Data Science,
// https://towardsdatascience.com/data-driven-marketing-attribution-1a28d2e613a0,
// reproduced in github.com/tomgorb/misc, "Data Driven Attribution.ipynb"):
// 100 conversions from Facebook, Organic and LinkedIn, 20 through F alone,
// 10 O, 17 L, 17 F+O, 30 F+L, none L+O and 6 F+O+L, with the worth of a
// coalition the conversions of the journeys within it (Zhao et al.). The
// published Shapley values are F 0.455, O 0.205, L 0.34 of the total. By
// the simplified formula: F = 20 + 17/2 + 30/2 + 6/3 = 45.5, O = 10 + 17/2
// + 6/3 = 20.5, L = 17 + 30/2 + 6/3 = 34.
func TestShapleyPublishedExample(t *testing.T) {
	cs := []Coalition{
		{Keys: []string{"F"}, Conversions: 20}, {Keys: []string{"O"}, Conversions: 10},
		{Keys: []string{"L"}, Conversions: 17}, {Keys: []string{"F", "O"}, Conversions: 17},
		{Keys: []string{"F", "L"}, Conversions: 30}, {Keys: []string{"F", "O", "L"}, Conversions: 6, Value: 60},
	}
	conv, value := Shapley(cs)
	for k, want := range map[string]float64{"F": 45.5, "O": 20.5, "L": 34} {
		near(t, k, conv[k], want, 1e-12)
		near(t, "value of "+k, value[k], 20, 1e-12) // only F+O+L has a value: 60 / 3 each
	}
	assertEnumeration(t, cs, conv)
}

// The simplified formula is the Shapley value of the game: checked against
// the definition, the weighted marginal contributions over every coalition,
// on random sets of up to 8 keys.
func TestShapleyIsTheEnumeration(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	for range 20 {
		var cs []Coalition
		for range 1 + r.IntN(12) {
			var set []string
			for _, k := range keys {
				if r.IntN(3) == 0 {
					set = append(set, k)
				}
			}
			if len(set) > 0 {
				cs = append(cs, Coalition{Keys: set, Conversions: float64(1 + r.IntN(50))})
			}
		}
		conv, _ := Shapley(cs)
		assertEnumeration(t, cs, conv)
	}
}

// assertEnumeration computes the Shapley value of v(S) = Σ conversions of
// the coalitions within S by its definition,
// φ_i = Σ_{S ∌ i} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S)),
// and compares.
func assertEnumeration(t *testing.T, cs []Coalition, got map[string]float64) {
	t.Helper()
	var players []string
	for _, c := range cs {
		for _, k := range c.Keys {
			if !slices.Contains(players, k) {
				players = append(players, k)
			}
		}
	}
	n := len(players)
	worth := func(mask int) float64 {
		v := 0.0
		for _, c := range cs {
			inside := true
			for _, k := range c.Keys {
				inside = inside && mask&(1<<slices.Index(players, k)) != 0
			}
			if inside {
				v += c.Conversions
			}
		}
		return v
	}
	fact := func(m int) float64 {
		f := 1.0
		for i := 2; i <= m; i++ {
			f *= float64(i)
		}
		return f
	}
	for i, p := range players {
		phi := 0.0
		for mask := range 1 << n {
			if mask&(1<<i) != 0 {
				continue
			}
			size := 0
			for b := mask; b > 0; b &= b - 1 {
				size++
			}
			phi += fact(size) * fact(n-size-1) / fact(n) * (worth(mask|1<<i) - worth(mask))
		}
		near(t, "Shapley value of "+p, got[p], phi, 1e-9)
	}
}
