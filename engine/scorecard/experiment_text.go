package scorecard

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Title names the experiment for a person.
func (e Experiment) Title() string {
	if e.Label != "" {
		return fmt.Sprintf("Experiment %s — %s (%s to %s)", e.Name, e.Label, e.Start, e.End)
	}
	return fmt.Sprintf("Experiment %s (%s to %s)", e.Name, e.Start, e.End)
}

// Verdict says what a variant's result decides: "control" for control's
// row; "better" or "worse" (in the KPI's direction) when the interval
// after Holm's correction excludes no change; else "inconclusive".
func (e Experiment) Verdict(r ExperimentResult) string {
	switch {
	case r.Variant == e.Control:
		return "control"
	case r.Adjusted.IsNull() || r.Lift.IsNull() || float64(r.Adjusted) >= 1-float64(e.Confidence):
		return "inconclusive"
	case (r.Lift > 0) != (e.kpi(r.KPI).Direction == "down"):
		return "better"
	}
	return "worse"
}

func (e Experiment) kpi(name string) ExperimentKPI {
	for _, k := range e.KPIs {
		if k.Name == name {
			return k
		}
	}
	return ExperimentKPI{Name: name, Format: "number"}
}

// Tables lays the experiment out for a person: its variants, then every
// variant's result on every KPI beside control's, with a verdict.
func (e Experiment) Tables(currency string) []Table {
	variants := Table{Header: []string{"variant", "customers", "intended split"}}
	for _, v := range e.Variants {
		variants.Rows = append(variants.Rows, []string{v.Name, thousands(strconv.Itoa(v.Customers)), FormatValue(v.Split, "percent", "")})
	}
	level := strconv.FormatFloat(float64(e.Confidence)*100, 'f', -1, 64) + "%"
	values := e.values(currency)
	results := Table{Title: "Results", Header: []string{"KPI", "variant", "customers", "value", "lift", level + " interval",
		"relative lift", level + " interval", "p", "p (Holm)", "MDE", "verdict"}}
	for i, r := range e.Results {
		k := e.kpi(r.KPI)
		results.Rows = append(results.Rows, []string{k.title(), r.Variant, thousands(strconv.Itoa(r.Customers)),
			values[i], lift(r.Lift, k.Format, currency),
			interval(r.LiftLow, r.LiftHigh, k.Format, currency), relative(r.Relative),
			relativeInterval(r.RelativeLow, r.RelativeHigh), pValue(r.P), pValue(r.Adjusted),
			strings.TrimPrefix(lift(r.MDE, k.Format, currency), "+"), e.Verdict(r)})
	}
	results.Note = fmt.Sprintf("Lifts against %s, by the two-proportion z-test for rates of customers and Welch's t-test for values per customer; p (Holm) corrected across %s; MDE: the smallest lift detected with 80%% power.",
		e.Control, Plural(len(e.Results)-len(e.KPIs), "comparison"))
	return []Table{variants, results}
}

// values writes the results' values, those of one KPI as one column, so
// that they line up.
func (e Experiment) values(currency string) []string {
	out := make([]string, len(e.Results))
	for _, k := range e.KPIs {
		var at []int
		var values []Number
		for i, r := range e.Results {
			if r.KPI == k.Name {
				at, values = append(at, i), append(values, r.Value)
			}
		}
		for j, text := range FormatColumn(values, k.Format, currency) {
			out[at[j]] = text
		}
	}
	return out
}

// Notes are the sentences under the experiment's tables: the customers
// left out, the sample-ratio check, CUPED.
func (e Experiment) Notes() []string {
	var notes []string
	if e.Excluded > 0 {
		notes = append(notes, fmt.Sprintf("%s seen in two variants or more left out of every figure.", Plural(e.Excluded, "customer")))
	}
	if e.SRM != nil {
		verdict := "the split is as intended"
		if !e.SRM.P.IsNull() && e.SRM.P < 0.001 {
			verdict = "SAMPLE RATIO MISMATCH: the assignment did not work as designed; do not trust the lifts"
		}
		notes = append(notes, fmt.Sprintf("Sample ratio: chi-square %.2f, p %s: %s.", float64(e.SRM.ChiSquare), pValue(e.SRM.P), verdict))
	}
	if e.CUPED {
		notes = append(notes, "Values adjusted by CUPED with each KPI per customer before "+e.Start+".")
	}
	return notes
}

func (k ExperimentKPI) title() string {
	if k.Label != "" {
		return k.Label
	}
	return k.Name
}

// lift writes a change: in points for a rate, else in the KPI's format
// with 2 decimals (none from a thousand on), with its sign.
func lift(v Number, format, currency string) string {
	if v.IsNull() {
		return "–"
	}
	if format == "percent" {
		return fmt.Sprintf("%+.1f pp", float64(v)*100)
	}
	decimals := 2 // a lift is rarely whole: 0.004 is no 0
	if math.Abs(float64(v)) >= 1000 {
		decimals = 0
	}
	s := formatFixed(v, format, currency, decimals)
	if v >= 0 {
		s = "+" + s
	}
	return s
}

func interval(low, high Number, format, currency string) string {
	if low.IsNull() || high.IsNull() {
		return "–"
	}
	return "[" + lift(low, format, currency) + ", " + lift(high, format, currency) + "]"
}

func relative(v Number) string {
	if v.IsNull() {
		return "–"
	}
	return fmt.Sprintf("%+.1f%%", float64(v)*100)
}

func relativeInterval(low, high Number) string {
	if low.IsNull() || high.IsNull() {
		return "–"
	}
	return "[" + relative(low) + ", " + relative(high) + "]"
}

// pValue writes a p-value with 3 decimals, or "< 0.001".
func pValue(p Number) string {
	switch {
	case p.IsNull():
		return "–"
	case float64(p) < 0.001:
		return "< 0.001"
	}
	return strconv.FormatFloat(math.Round(float64(p)*1000)/1000, 'f', 3, 64)
}

// experiments writes every experiment's tables and notes.
func (t *textWriter) experiments() {
	for _, e := range t.sc.Experiments {
		t.heading(e.Title())
		for _, table := range e.Tables(t.sc.Currency) {
			if table.Title != "" {
				t.printf("\n%s\n", table.Title)
			}
			t.table(table.Header, table.Rows)
			if table.Note != "" {
				t.printf("%s\n", table.Note)
			}
		}
		for i, note := range e.Notes() {
			if i == 0 {
				t.printf("\n")
			}
			t.printf("%s\n", note)
		}
	}
}
