package scorecard

import (
	"fmt"
	"strings"
)

// Table is a table laid out for a person: of a loyalty ladder, of the
// attributions of a scope.
type Table struct {
	Title  string // "" for the first table of a ladder, under the ladder's title
	Header []string
	Rows   [][]string
	Note   string // a sentence under the table, if any
	Left   int    // the leading columns that hold text, aligned left: 1 when 0
}

// Title names the ladder for a person: its name, label and grain.
func (l Loyalty) Title() string {
	if l.Label != "" {
		return fmt.Sprintf("Loyalty ladder %s — %s (per %s)", l.Name, l.Label, l.Period)
	}
	return fmt.Sprintf("Loyalty ladder %s (per %s)", l.Name, l.Period)
}

// Tables lays the ladder out for a person: the customers per stage and
// period with the forecast beside them (starred), the forecast's value,
// the latest transition, the backtest, and a row per breakdown value.
func (l Loyalty) Tables() []Table {
	out := []Table{l.stageTable()}
	if l.Value != nil {
		out = append(out, l.valueTable())
	}
	if n := len(l.Transitions); n > 0 {
		out = append(out, l.transitionTable(l.Transitions[n-1]))
	}
	if len(l.Backtest) > 0 {
		out = append(out, l.backtestTable())
	}
	if len(l.Groups) > 0 {
		out = append(out, l.groupTable())
	}
	return out
}

// Notes are the sentences under the ladder's tables: what the star means,
// and what progressed most.
func (l Loyalty) Notes() []string {
	var notes []string
	if len(l.Forecast) > 0 {
		notes = append(notes, "* forecast: the latest distribution moved by the latest transition probabilities.")
	}
	if l.Value != nil {
		notes = append(notes, "Value: Σ of the forecast volume of period t = 1, 2, … over (1 + discount)^t; per customer: of one customer now in the stage.")
	}
	if s := l.Strongest; s != nil {
		var stages, groups []string
		for _, st := range s.Stages[:min(3, len(s.Stages))] {
			stages = append(stages, st.Stage+" "+percent(st.Rate))
		}
		for _, g := range s.Groups[:min(3, len(s.Groups))] {
			groups = append(groups, g.By+" "+keyText(g.Key)+" "+percent(g.Rate))
		}
		note := fmt.Sprintf("Strongest progression %s → %s: %s", s.From, s.To, strings.Join(stages, ", "))
		if len(groups) > 0 {
			note += "; " + strings.Join(groups, ", ")
		}
		notes = append(notes, note+".")
	}
	return notes
}

func (l Loyalty) stageTable() Table {
	periods := append(append([]LadderPeriod{}, l.Periods...), l.Forecast...)
	t := Table{Header: []string{"stage"}}
	if l.StageLabels != nil {
		t.Header, t.Left = append(t.Header, "label"), 2
	}
	for i, p := range periods {
		if i >= len(l.Periods) {
			p.Period += "*"
		}
		t.Header = append(t.Header, p.Period)
	}
	total, volume := []string{"customers"}, []string{"volume"}
	for i, stage := range l.Stages {
		row := []string{stage}
		if l.StageLabels != nil {
			row = append(row, l.StageLabels[stage])
		}
		for _, p := range periods {
			row = append(row, FormatValue(p.Counts[i].Value, "integer", ""))
		}
		t.Rows = append(t.Rows, row)
	}
	if l.StageLabels != nil {
		total, volume = append(total, ""), append(volume, "")
	}
	for _, p := range periods {
		total = append(total, FormatValue(p.Counts.Total(), "integer", ""))
		if p.VolumeTotal != nil {
			volume = append(volume, FormatValue(*p.VolumeTotal, "number", ""))
		}
	}
	t.Rows = append(t.Rows, total)
	if l.Volume != "" {
		t.Rows = append(t.Rows, volume)
	}
	return t
}

// valueTable is what the forecast volume is worth today, per stage: of one
// customer now in it, and of those the forecast puts in it.
func (l Loyalty) valueTable() Table {
	v := l.Value
	t := Table{
		Title: fmt.Sprintf("Value of the next %s, discounted at %s per period",
			Plural(len(l.Forecast), l.Period), FormatValue(*l.Discount, "percent", "")),
		Header: []string{"stage", "customers", "per customer", "forecast volume"},
	}
	now := l.Periods[len(l.Periods)-1].Counts
	for i, stage := range l.Stages {
		t.Rows = append(t.Rows, []string{stage, FormatValue(now[i].Value, "integer", ""),
			FormatValue(v.PerCustomer[i].Value, "number", ""), FormatValue(v.Stages[i].Value, "number", "")})
	}
	t.Rows = append(t.Rows, []string{"total", FormatValue(now.Total(), "integer", ""), "", FormatValue(v.Total, "number", "")})
	return t
}

// transitionTable is a transition matrix of customers, with the share of
// each stage's customers who moved up.
func (l Loyalty) transitionTable(tr Transition) Table {
	t := Table{
		Title: fmt.Sprintf("%s → %s: %s moved up, %s moved down", tr.From, tr.To,
			percent(tr.ProgressionRate), percent(tr.RegressionRate)),
		Header: append(append([]string{"from \\ to"}, l.Stages...), "moved up"),
	}
	for i, stage := range l.Stages {
		row := []string{stage}
		for _, n := range tr.Matrix[i] {
			row = append(row, FormatValue(n, "integer", ""))
		}
		t.Rows = append(t.Rows, append(row, percent(tr.StageProgression[i].Value)))
	}
	return t
}

// backtestTable sets each backtested period's forecast against what
// happened.
func (l Loyalty) backtestTable() Table {
	t := Table{
		Title:  "Backtest: each period as the period before would have forecast it",
		Header: []string{"period", "misplaced", "no change", "volume forecast", "volume", "error"},
	}
	for _, b := range l.Backtest {
		row := []string{b.Period, percent(b.Error.Misplaced), percent(b.Error.NaiveMisplaced), "", "", ""}
		if b.Predicted.VolumeTotal != nil && b.Actual.VolumeTotal != nil {
			row[3] = FormatValue(*b.Predicted.VolumeTotal, "number", "")
			row[4] = FormatValue(*b.Actual.VolumeTotal, "number", "")
		}
		if r := b.Error.VolumeRelative; r != nil {
			row[5] = percent(*r)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// groupTable is a row per breakdown value: its customers, its latest
// transition, its next period's volume and, with a discount, the value of
// its forecast.
func (l Loyalty) groupTable() Table {
	var bys []string
	for _, g := range l.Groups {
		if len(bys) == 0 || bys[len(bys)-1] != g.By {
			bys = append(bys, g.By)
		}
	}
	t := Table{Title: "By " + strings.Join(bys, " and "), Header: []string{"by", "customers", "moved up", "moved down", "next volume"}}
	if l.Value != nil {
		t.Header = append(t.Header, "value")
	}
	for _, g := range l.Groups {
		row := make([]string, len(t.Header))
		row[0] = g.By + " " + keyText(g.Key)
		if n := len(g.Periods); n > 0 {
			row[1] = FormatValue(g.Periods[n-1].Counts.Total(), "integer", "")
		}
		if n := len(g.Transitions); n > 0 {
			row[2], row[3] = percent(g.Transitions[n-1].ProgressionRate), percent(g.Transitions[n-1].RegressionRate)
		}
		if len(g.Forecast) > 0 && g.Forecast[0].VolumeTotal != nil {
			row[4] = FormatValue(*g.Forecast[0].VolumeTotal, "number", "")
		}
		if g.Value != nil {
			row[5] = FormatValue(g.Value.Total, "number", "")
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func percent(n Number) string { return FormatValue(n, "percent", "") }

// ladders writes each loyalty ladder for a terminal.
func (t *textWriter) ladders() {
	for _, l := range t.sc.Loyalty {
		t.heading(l.Title())
		for i, table := range l.Tables() {
			if i > 0 {
				t.printf("\n")
			}
			if table.Title != "" {
				t.printf("%s\n", table.Title)
			}
			t.alignedTable(table.Header, table.Rows, table.Left)
		}
		for i, note := range l.Notes() {
			if i == 0 {
				t.printf("\n")
			}
			t.printf("%s\n", note)
		}
	}
}
