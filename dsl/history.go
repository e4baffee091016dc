package dsl

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/hcl/v2"
)

// History is how far back from the end of each period a trait's aggregates
// look: over all of the customer's touchpoints up to that end, or over
// those of the Days days before it.
type History struct {
	Days  int // 0: the whole history
	Range hcl.Range
}

// MaxHistoryDays bounds a trailing window: a hundred years.
const MaxHistoryDays = 36525

var historyDays = regexp.MustCompile(`^([0-9]+)d$`)

// historyAttr decodes a trait's history: "all" or a number of days, "365d".
func historyAttr(attr *hcl.Attribute) (*History, hcl.Diagnostics) {
	t, diags := textAttr(attr)
	if attr == nil || diags.HasErrors() {
		return nil, diags
	}
	if t.Value == "all" {
		return &History{Range: t.Range}, nil
	}
	if m := historyDays.FindStringSubmatch(t.Value); m != nil {
		days, err := strconv.Atoi(m[1])
		if err == nil && days >= 1 && days <= MaxHistoryDays {
			return &History{Days: days, Range: t.Range}, nil
		}
	}
	return nil, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Invalid history",
		Detail:   fmt.Sprintf("history = %q: write \"all\" for every touchpoint of the customer up to the end of the period, or a trailing window in days from 1d to %dd, such as \"365d\" for the touchpoints of the 365 days before the end of the period.", t.Value, MaxHistoryDays),
		Subject:  attr.Expr.Range().Ptr(),
	}}
}
