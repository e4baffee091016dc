package attribution

import (
	"math"
	"strings"
	"testing"
)

// journeys turns paths written "A > B > conv" (or "… > null") into the
// transitions of a chain of the given order, as the engine's SQL counts them.
func journeys(order int, paths ...string) []Transition {
	var ts []Transition
	for _, p := range paths {
		steps := strings.Split(p, " > ")
		keys, end := steps[:len(steps)-1], steps[len(steps)-1]
		var prev []string
		for i := range keys {
			state := keys[max(0, i-order+1) : i+1]
			ts = append(ts, Transition{From: prev, To: state, Count: 1})
			prev = state
		}
		ts = append(ts, Transition{From: prev, Converted: end == "conv", Count: 1})
	}
	return ts
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// The example of S. Bryl', "Marketing Multi-Channel Attribution model with
// R (part 1: Markov chains concept)", analyzecore.com, 2016-08-03
// (http://analyzecore.com/2016/08/03/attribution-model-r-part-1/), after
// Anderl et al. (2016): three journeys C1 > C2 > C3 > conversion, C1 >
// null, C2 > C3 > null. By hand:
//
//	start → C1 2/3, → C2 1/3;  C1 → C2 1/2, → null 1/2;  C2 → C3 1;  C3 → conv 1/2, → null 1/2
//	P(conv) = (2/3 · 1/2 + 1/3) · 1 · 1/2 = 1/3
//	without C1: 1/3 · 1 · 1/2 = 1/6, removal effect 1 − (1/6)/(1/3) = 0.5
//	without C2 or C3: 0, removal effect 1
//
// so the one conversion splits 0.5 : 1 : 1, that is 0.2, 0.4, 0.4, the
// post's result.
func TestMarkovAnalyzeCoreExample(t *testing.T) {
	r, err := RemovalEffects(journeys(1, "C1 > C2 > C3 > conv", "C1 > null", "C2 > C3 > null"))
	if err != nil {
		t.Fatal(err)
	}
	near(t, "P(conv)", r.Conversion, 1.0/3, 1e-15)
	for k, want := range map[string]float64{"C1": 0.5, "C2": 1, "C3": 1} {
		near(t, "removal effect of "+k, r.Effects[k], want, 1e-15)
	}
	share := r.Share(1)
	for k, want := range map[string]float64{"C1": 0.2, "C2": 0.4, "C3": 0.4} {
		near(t, "credit of "+k, share[k], want, 1e-15)
	}
}

// The README of pychattr (github.com/jmwoloso/pychattr), a Python port of
// the ChannelAttribution R package of D. Altomare and D. Loris: three
// converting journeys A>B>A>B>B>A, A>B>B>A>A and A>A. Its transition matrix
// (self-loops dropped, which leaves absorption probabilities unchanged) is
// start → A 1; A → B 0.5, → conversion 0.5; B → A 1; its simulation (10,000
// draws) credits A with 1.991106 and B with 1.008894 conversions. Solved
// exactly: P(conv) = 1; without A, 0 (effect 1); without B, 0.5 (effect
// 0.5): A 3 · 1/1.5 = 2, B 3 · 0.5/1.5 = 1 — within the simulation's noise
// of the published numbers.
func TestMarkovChannelAttributionExample(t *testing.T) {
	r, err := RemovalEffects(journeys(1, "A > B > A > B > B > A > conv", "A > B > B > A > A > conv", "A > A > conv"))
	if err != nil {
		t.Fatal(err)
	}
	share := r.Share(3)
	near(t, "A", share["A"], 2, 1e-12)
	near(t, "B", share["B"], 1, 1e-12)
	near(t, "A against the published simulation", share["A"], 1.991106, 0.01)
	near(t, "B against the published simulation", share["B"], 1.008894, 0.01)
}

// A chain with a cycle, which only a linear solve gets right. Journeys:
// A > B > conv, B > A > null, A > conv. By hand:
//
//	start → A 2/3, → B 1/3;  A → B 1/3, → null 1/3, → conv 1/3;  B → conv 1/2, → A 1/2
//	pA = pB/3 + 1/3 and pB = 1/2 + pA/2, so pA = 3/5, pB = 4/5
//	P(conv) = 2/3 · 3/5 + 1/3 · 4/5 = 2/3
//	without A: pB = 1/2, P = 1/3 · 1/2 = 1/6, effect 1 − (1/6)/(2/3) = 3/4
//	without B: pA = 1/3, P = 2/3 · 1/3 = 2/9, effect 1 − (2/9)/(2/3) = 2/3
//	2 conversions: A 2 · (3/4)/(17/12) = 18/17, B 2 · (2/3)/(17/12) = 16/17
func TestMarkovCycleByHand(t *testing.T) {
	r, err := RemovalEffects(journeys(1, "A > B > conv", "B > A > null", "A > conv"))
	if err != nil {
		t.Fatal(err)
	}
	near(t, "P(conv)", r.Conversion, 2.0/3, 1e-15)
	near(t, "effect of A", r.Effects["A"], 0.75, 1e-15)
	near(t, "effect of B", r.Effects["B"], 2.0/3, 1e-15)
	share := r.Share(2)
	near(t, "A", share["A"], 18.0/17, 1e-14)
	near(t, "B", share["B"], 16.0/17, 1e-14)
}

// Order 2 tells apart what order 1 merges. Journeys A > B > conv and
// C > B > null. Order 1: B converts half the time whoever came before, so
// removing A or C halves P(conv) = 1/2: effects A 1/2, B 1, C 1/2, credits
// 0.25, 0.5, 0.25. Order 2: the states (A,B) and (C,B) differ; (A,B) always
// converts and (C,B) never: removing A or B leaves no conversion (effect 1),
// removing C changes nothing (effect 0): credits 0.5, 0.5, 0.
func TestMarkovSecondOrder(t *testing.T) {
	for order, want := range map[int]map[string]float64{
		1: {"A": 0.25, "B": 0.5, "C": 0.25},
		2: {"A": 0.5, "B": 0.5, "C": 0},
	} {
		r, err := RemovalEffects(journeys(order, "A > B > conv", "C > B > null"))
		if err != nil {
			t.Fatal(err)
		}
		share := r.Share(1)
		for k, w := range want {
			near(t, k, share[k], w, 1e-15)
		}
	}
}

func TestMarkovWithoutConversions(t *testing.T) {
	r, err := RemovalEffects(journeys(1, "A > null", "B > A > null"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Conversion != 0 || len(r.Share(0)) != 2 || r.Share(0)["A"] != 0 {
		t.Errorf("no conversion: got P = %v, shares %v", r.Conversion, r.Share(0))
	}
}

func TestMarkovStateLimit(t *testing.T) {
	var ts []Transition
	for i := range MaxStates + 1 {
		ts = append(ts, Transition{To: []string{string(rune('a' + i%26)), string(rune(i))}, Count: 1})
	}
	if _, err := RemovalEffects(ts); err == nil || !strings.Contains(err.Error(), "lower its order") {
		t.Errorf("want an error past %d states, got %v", MaxStates, err)
	}
}
