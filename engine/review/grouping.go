package review

import (
	"strings"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// groupingRedefined reports whether the segment or the cohort behind a
// row's cell, alone or crossed with other breakdowns, has another
// fingerprint on each side.
func (r *Row) groupingRedefined(before, after *scorecard.Scorecard) bool {
	names, keys := []string{r.By}, []*string{r.Key}
	if r.Keys != nil {
		names, keys = scorecard.CrossedNames(r.By), r.Keys
	}
	for i, name := range names {
		var key *string
		if i < len(keys) {
			key = keys[i]
		}
		if differ(groupingFingerprint(before, name, key), groupingFingerprint(after, name, key)) {
			return true
		}
	}
	return false
}

// groupingFingerprint is the fingerprint of the segment or the cohort
// behind a key of a breakdown in a scorecard; "" for other breakdowns.
func groupingFingerprint(sc *scorecard.Scorecard, by string, key *string) string {
	if cohort, ok := strings.CutPrefix(by, dsl.CohortPrefix); ok {
		// Every key of a cohort's breakdown, and of the periods since, is the cohort's.
		return fingerprintOf(sc.Cohorts, strings.TrimSuffix(cohort, dsl.CohortOffset))
	}
	if by == "segment" && key != nil {
		return fingerprintOf(sc.Segments, *key)
	}
	return ""
}
