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
		f := func(n Number) string { return FormatValue(n, o.Format, t.sc.Currency) }
		expected := FormatValue(o.Expected, o.PaceFormat(), t.sc.Currency)
		rows = append(rows, []string{o.Name, o.Status.Text(), f(o.Value), expected, f(o.Target), o.Deadline, o.Period})
	}
	t.table(header, rows)
}
