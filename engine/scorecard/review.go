package scorecard

import (
	"crypto/sha256"
	"encoding/hex"
)

// This file holds what a scorecard carries for omni diff: fingerprints that
// tell a moved number from a redefined one, and the counts behind rates.

// Fingerprint is the short hash that identifies the meaning of a
// definition: the first 12 hex digits of the SHA-256 of its normal form.
// Two values whose definitions have one fingerprint can be compared; a
// changed fingerprint says that the number was redefined.
func Fingerprint(normalForm string) string {
	sum := sha256.Sum256([]byte(normalForm))
	return hex.EncodeToString(sum[:])[:12]
}

// Grouping is a segment or a cohort a scorecard is broken down by, with
// the fingerprint of its rule: the values by it are comparable while it
// stays.
type Grouping struct {
	Name        string `json:"name"`
	Label       string `json:"label,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Proportion says that a KPI is a share of trials: successes / trials, two
// integer KPIs of the same scorecard, whose values in a cell give the counts
// a two-proportion significance test needs.
type Proportion struct {
	Successes string `json:"successes"` // the KPI counting successes
	Trials    string `json:"trials"`    // the KPI counting trials
}
