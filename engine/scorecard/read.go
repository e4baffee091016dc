package scorecard

import (
	"encoding/json"
	"fmt"
	"io"
)

// ReadJSON reads the JSON form of a scorecard, as WriteJSON writes it, and
// checks that its format version is one this omni reads.
func ReadJSON(r io.Reader) (*Scorecard, error) {
	var sc Scorecard
	if err := json.NewDecoder(r).Decode(&sc); err != nil {
		return nil, fmt.Errorf("not an omni scorecard: %w", err)
	}
	if sc.FormatVersion != FormatVersion {
		return nil, fmt.Errorf("scorecard format_version %d, this omni reads %d", sc.FormatVersion, FormatVersion)
	}
	return &sc, nil
}
