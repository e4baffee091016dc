package scorecard

// Attribution is what one attribution model credits each key with, in one
// scope (and segment): conversions and value, set beside what the key cost.
type Attribution struct {
	Name     string `json:"name"`
	Label    string `json:"label,omitempty"`
	Model    string `json:"model"`              // first, last, linear, position, time_decay, custom, markov, shapley, fractribution, probabilistic
	Key      string `json:"key"`                // what touches credit: "channel", "campaign"…
	Campaign string `json:"campaign,omitempty"` // "" for the whole data
	Segment  string `json:"segment,omitempty"`  // "" for every customer
	// Conversions counts every conversion of the scope; Attributed, those
	// with at least one touch in their path, which the rows share exactly.
	Conversions Number           `json:"conversions"`
	Attributed  Number           `json:"attributed"`
	Value       Number           `json:"value"`            // the attributed conversions' value
	Rows        []AttributionRow `json:"rows"`             // by key
	Paths       *Paths           `json:"paths,omitempty"`  // for every customer only
	Markov      *Markov          `json:"markov,omitempty"` // the chain of a markov model
}

// AttributionRow is one key's credit. Spend comes from the spend source, or
// from the campaign's budget; the ratios are null without spend, and ROAS
// and ROI without a value formula.
type AttributionRow struct {
	Key               string `json:"key"`
	Conversions       Number `json:"conversions"`      // attributed conversions
	Value             Number `json:"value"`            // attributed value
	PathConversions   Number `json:"path_conversions"` // conversions whose path holds the key
	Spend             Number `json:"spend"`
	ROAS              Number `json:"roas"`                // value / spend
	ROI               Number `json:"roi"`                 // (value − spend) / spend
	CostPerConversion Number `json:"cost_per_conversion"` // spend / conversions
}

// Paths are the path summary's most frequent paths, top_paths of each
// kind (ten unless the attribution says): those with the most conversions,
// and those with the most journeys that did not convert, most first.
type Paths struct {
	Converting    []PathCount `json:"converting"`
	NonConverting []PathCount `json:"non_converting"`
}

// PathCount is a path, its keys joined by " > ", and its journeys: those
// that converted, with their value, and those that did not.
type PathCount struct {
	Path           string `json:"path"`
	Conversions    int    `json:"conversions"`
	NonConversions int    `json:"non_conversions"`
	Value          Number `json:"value"`
}
