package formula

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

// synonyms are the names other languages give omni's functions and
// operators, by the name written in lower case.
var synonyms = map[string]string{
	"total":          "sum",
	"mean":           "avg",
	"average":        "avg",
	"countd":         "count_distinct",
	"count_unique":   "count_distinct",
	"distinct_count": "count_distinct",
	"ndv":            "count_distinct",
	"len":            "length",
	"char_length":    "length",
	"lcase":          "lower",
	"ucase":          "upper",
	"ceiling":        "ceil",
	"datediff":       "days_between",
	"date_diff":      "days_between",
	"to_date":        "date",
	"percentile":     "quantile",
}

// operators are the SQL functions that formulas write as operators, with
// what to write instead.
var operators = map[string]string{
	"coalesce": "A formula takes the first value that is not nil with ??: write a ?? b.",
	"ifnull":   "A formula takes the first value that is not nil with ??: write a ?? b.",
	"nvl":      "A formula takes the first value that is not nil with ??: write a ?? b.",
	"if":       "A formula chooses between two values with condition ? a : b.",
	"iif":      "A formula chooses between two values with condition ? a : b.",
	"not":      "A formula negates a condition with not x, or !x.",
}

// suggestFunction says what to write instead of an unknown function.
func suggestFunction(name string) string {
	lower := strings.ToLower(name)
	switch {
	case lower != name && builtins.Lookup(lower) != nil:
		return fmt.Sprintf(" Function names are lower case: write %s.", lower)
	case synonyms[lower] != "":
		return fmt.Sprintf(" Did you mean %q?", synonyms[lower])
	case operators[lower] != "":
		return " " + operators[lower]
	}
	return dsl.DidYouMean(name, builtins.Names())
}
