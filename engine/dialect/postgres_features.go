package dialect

// The SQL of the scorecards' features on PostgreSQL (see Dialect).

// JSONTextList: to_json writes an array as DuckDB writes a list.
func (postgres) JSONTextList(items string) string {
	return "CAST(to_json(ARRAY[" + items + "]) AS TEXT)"
}

func (postgres) PeriodLabel(date, grain string) string {
	switch grain {
	case "year":
		return "to_char(" + date + ", 'YYYY')"
	case "quarter":
		return "to_char(" + date + ", 'YYYY-\"Q\"Q')"
	case "month":
		return "to_char(" + date + ", 'YYYY-MM')"
	case "week":
		return "to_char(" + date + ", 'IYYY-\"W\"IW')"
	}
	return "to_char(" + date + ", 'YYYY-MM-DD')"
}

// PeriodsBetween counts the periods as DuckDB's datediff does: the
// boundaries crossed, here between two periods' first days.
func (postgres) PeriodsBetween(grain, from, to string) string {
	months := func(d string) string {
		return "(12 * CAST(extract(year FROM " + d + ") AS INTEGER) + CAST(extract(month FROM " + d + ") AS INTEGER))"
	}
	switch grain {
	case "year":
		return "(CAST(extract(year FROM " + to + ") AS INTEGER) - CAST(extract(year FROM " + from + ") AS INTEGER))"
	case "quarter":
		return "((" + months(to) + " - " + months(from) + ") / 3)"
	case "month":
		return "(" + months(to) + " - " + months(from) + ")"
	case "week":
		return "((CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE)) / 7)"
	}
	return "(CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE))"
}
