package scorecard

// objectives writes the table of the scorecard's objectives for a terminal:
// where each stands, its value against the expected one and the target.
func (t *textWriter) objectives() {
	if len(t.sc.Objectives) == 0 {
		return
	}
	t.heading("Objectives")
	header := []string{"objective", "status", "value", "expected", "target", "deadline", "period"}
	var rows [][]string
	for _, o := range t.sc.Objectives {
		f := func(n Number) string { return o.FormatValue(n, t.sc.Currency) }
		expected := FormatValue(o.Expected, o.PaceFormat(), t.sc.Currency)
		value, period := f(o.Value), o.Period
		if l := o.Lift; l != nil { // the lift with its interval, of the variant against the control
			if interval := o.Interval(t.sc.Currency); interval != "–" {
				value += " " + interval
			}
			period = "experiment " + l.Experiment + ", " + l.Variant + " vs " + l.Control
		}
		rows = append(rows, []string{o.Name, o.Status.Text(), value, expected, f(o.Target), o.Deadline, period})
	}
	t.table(header, rows)
}
