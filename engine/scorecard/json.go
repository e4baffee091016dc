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
	head, err := marshal(header, "  ")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	// The header ends with `"values": null` and the closing brace.
	b.Write(bytes.TrimSuffix(head, []byte("null\n}")))
	b.WriteString("[")
	for i, v := range sc.Values {
		line, err := marshal(v, "")
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

// marshal writes v as JSON, indented when indent is not empty, without
// escaping <, > and &: formulas (a && b) and paths (email > visit) stay
// readable in a diff.
func marshal(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
