package scorecard

import (
	"encoding/json"
	"slices"
	"strings"
)

// A crossed breakdown (by = [["segment", "channel"]]) has a value per
// combination of its breakdowns' values: its By is their names joined by
// CrossSign ("segment × channel"), and its Keys their values in that
// order, where a single breakdown has a Key.

// CrossSign joins the names of the breakdowns a cross crosses into its
// name. No name of a breakdown holds it.
const CrossSign = " × "

// Crossed reports whether a breakdown is a cross.
func Crossed(by string) bool { return strings.Contains(by, CrossSign) }

// CrossedNames are the names of the breakdowns a cross crosses, in order.
func CrossedNames(by string) []string { return strings.Split(by, CrossSign) }

// KeyID identifies the key of a value among those of its breakdown: the
// text of its key ("(none)" for the missing one, "" for a total), or for a
// cross the JSON list of its keys, which no text of a single key confuses
// when one holds CrossSign.
func (v Value) KeyID() string {
	switch {
	case v.Keys != nil:
		return keysID(v.Keys)
	case v.By != "":
		return keyText(v.Key)
	}
	return ""
}

func keysID(keys []*string) string {
	b, _ := json.Marshal(keys) // a list of strings always marshals
	return string(b)
}

// KeyText writes the key of a value for a person: "vip", "(none)", or
// for a cross "vip × email".
func (v Value) KeyText() string {
	if v.Keys != nil {
		return keysText(v.Keys)
	}
	return keyText(v.Key)
}

func keysText(keys []*string) string {
	texts := make([]string, len(keys))
	for i, k := range keys {
		texts[i] = keyText(k)
	}
	return strings.Join(texts, CrossSign)
}

// CompareKeyLists orders the keys of crossed values, breakdown by
// breakdown, as CompareKeys does.
func CompareKeyLists(a, b []*string) int {
	return slices.CompareFunc(a, b, CompareKeys)
}

// Crosses are the crossed breakdowns some KPI is reported by, in order.
func (sc *Scorecard) Crosses() []string {
	var out []string
	for _, by := range sc.allBreakdowns() {
		if Crossed(by) {
			out = append(out, by)
		}
	}
	return out
}
