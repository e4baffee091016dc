package engine

import (
	"fmt"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/dialect"
)

// rankWindow is the SQL of a rank function (ntile, rank, percent_rank) of
// a value per customer: a window over the customers' rows of the same
// scope and period (the scope's whole window, for its row without a
// period), among those with a value. A customer without one, or without a
// touchpoint (the customer base's row, whose scope is NULL), has none.
//
// ntile is 1 + ⌊buckets × below / n⌋, with below the customers whose value
// is strictly lower and n those with a value, in integers: equal values
// share a score, which depends on nothing else (DuckDB's ntile() would
// split them by the order it reads the rows in), and with distinct values
// it is ntile()'s when n is a multiple of buckets.
func rankWindow(d dialect.Dialect, fn *builtins.Builtin, args []string) string {
	x := "(" + args[0] + ")"
	among := fmt.Sprintf("PARTITION BY __scope, %s, %s IS NULL", colPeriod, x)
	var place string
	switch fn.Name {
	case "ntile":
		place = "1 + " + d.IntegerDivide(fmt.Sprintf("(%s * (rank() OVER (%s ORDER BY %s) - 1))", args[1], among, x), fmt.Sprintf("count(%s) OVER (PARTITION BY __scope, %s)", x, colPeriod))
	case "rank":
		place = fmt.Sprintf("rank() OVER (%s ORDER BY %s DESC)", among, x)
	case "percent_rank":
		place = fmt.Sprintf("percent_rank() OVER (%s ORDER BY %s)", among, x)
	}
	return fmt.Sprintf("CASE WHEN __scope IS NOT NULL AND %s IS NOT NULL THEN %s END", x, place)
}
