package dialect

import (
	"slices"
	"strings"
)

// The SQL of the scorecards' features on DuckDB (see Dialect).

func (duckDB) JSONTextList(items string) string {
	return "CAST(to_json([" + items + "]) AS VARCHAR)"
}

func (duckDB) PeriodLabel(date, grain string) string {
	switch grain {
	case "year":
		return "strftime(" + date + ", '%Y')"
	case "quarter":
		return "strftime(" + date + ", '%Y') || '-Q' || quarter(" + date + ")"
	case "month":
		return "strftime(" + date + ", '%Y-%m')"
	case "week":
		return "isoyear(" + date + ") || '-W' || lpad(CAST(week(" + date + ") AS VARCHAR), 2, '0')"
	}
	return "strftime(" + date + ", '%Y-%m-%d')"
}

func (duckDB) PeriodsBetween(grain, from, to string) string {
	return "datediff('" + grain + "', " + from + ", " + to + ")"
}

func (duckDB) IntegerDivide(num, den string) string { return num + " // " + den }

func (duckDB) AllBut(alias string, excluded []string) string {
	return alias + ".* EXCLUDE (" + strings.Join(excluded, ", ") + ")"
}

func (duckDB) Materialized() string { return "" }

func (duckDB) GroupByAll(int) string { return "GROUP BY ALL" }

func (duckDB) RolledUp(rows, days Part, sorting []string, windows []Window, kept string) string {
	excluded := append(slices.Clone(sorting), kept)
	for _, c := range days.Columns {
		if !slices.Contains(rows.Columns, c) && !slices.Contains(excluded, c) {
			excluded = append(excluded, c)
		}
	}
	cols := []string{"* EXCLUDE (" + strings.Join(excluded, ", ") + ")"}
	for _, w := range windows {
		cols = append(cols, w.SQL+" AS "+w.Name)
	}
	return "SELECT " + strings.Join(cols, ",\n       ") +
		"\nFROM (\n  SELECT " + rows.Table + "\n  UNION ALL BY NAME\n  SELECT " + days.Table + "\n)\nQUALIFY " + kept
}
