package dialect

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
