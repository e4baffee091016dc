package review

import "github.com/omni-metrics/omni/engine/scorecard"

// segmentRedefined reports whether the segment of a row's cell, by segment
// alone or crossed with other breakdowns, has another fingerprint on each
// side.
func (r *Row) segmentRedefined(before, after *scorecard.Scorecard) bool {
	names, keys := []string{r.By}, []*string{r.Key}
	if r.Keys != nil {
		names, keys = scorecard.CrossedNames(r.By), r.Keys
	}
	for i, name := range names {
		if name == "segment" && i < len(keys) && keys[i] != nil &&
			differ(segmentFingerprint(before, *keys[i]), segmentFingerprint(after, *keys[i])) {
			return true
		}
	}
	return false
}
