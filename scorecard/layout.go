package scorecard

// This file lists what the forms of a scorecard lay out in rows and
// columns: the text form here, and the Markdown and HTML forms of report.

// Breakdowns are the breakdowns some KPI is reported by, in order.
func (sc *Scorecard) Breakdowns() []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range sc.KPIs {
		for _, b := range k.By {
			if !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
	}
	return out
}

// Periods are the periods of a scope's totals, in order ("" for the whole
// data, else the campaign).
func (sc *Scorecard) Periods(campaign string) []string {
	return sc.distinct(campaign, "", func(v Value) string { return v.Period })
}

// Keys are the values of a breakdown in a scope, in order; "(none)" stands
// for the missing value.
func (sc *Scorecard) Keys(campaign, by string) []string {
	return sc.distinct(campaign, by, func(v Value) string { return keyText(v.Key) })
}

// distinct lists, in order of appearance, the values of a field over the
// values of one scope and breakdown.
func (sc *Scorecard) distinct(campaign, by string, field func(Value) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range sc.Values {
		if v.Campaign != campaign || v.By != by {
			continue
		}
		if f := field(v); f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
