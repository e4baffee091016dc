package scorecard

// Markov is the absorbing Markov chain behind a markov model's credit: the
// probability of converting from the start, what each key's removal costs
// it, and the transitions the chain was estimated from.
type Markov struct {
	Order       int                `json:"order"`
	Conversion  Number             `json:"conversion"` // P(conversion) from the start
	Removal     []RemovalEffect    `json:"removal"`    // by key
	Transitions []MarkovTransition `json:"transitions"`
}

// RemovalEffect is what removing a key from the chain costs: the
// probability of converting when its states lead nowhere, and the share of
// the probability lost, 1 − without / conversion, which splits the credit.
type RemovalEffect struct {
	Key     string `json:"key"`
	Without Number `json:"conversion_without"`
	Effect  Number `json:"effect"`
}

// MarkovTransition counts the journeys that moved from one state to the
// next, and the probability of that move from its state. A state is the
// keys of the last steps, oldest first (one for a first-order chain): an
// empty From is the journey's start, an empty To its end, which End names,
// "conversion" or "null".
type MarkovTransition struct {
	From        []string `json:"from"`
	To          []string `json:"to"`
	End         string   `json:"end,omitempty"`
	Journeys    Number   `json:"journeys"`
	Probability Number   `json:"probability"`
}
