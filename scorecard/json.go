package scorecard

import (
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes the scorecard's JSON form: indented, with one value per
// line, so that a diff of two scorecards shows one line per moved number.
func WriteJSON(w io.Writer, sc *Scorecard) error {
	header := *sc
	header.Values = nil
	head, err := json.MarshalIndent(header, "", "  ")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	// The header ends with `"values": null` and the closing brace.
	b.Write(bytes.TrimSuffix(head, []byte("null\n}")))
	b.WriteString("[")
	for i, v := range sc.Values {
		line, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    ")
		b.Write(line)
	}
	b.WriteString("\n  ]\n}\n")
	_, err = w.Write(b.Bytes())
	return err
}
