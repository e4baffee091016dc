package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/engine/escape"
)

// errorText is an error's message for the terminal, which may quote a file
// name, a flag's value or a value from the data: as text, lines kept.
func errorText(err error) string { return escape.TerminalText(err.Error()) }

// sortDiagnostics orders diagnostics by file and position, those without a
// position first, and drops exact repeats.
func sortDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	out := slices.Clone(diags)
	slices.SortStableFunc(out, func(a, b *hcl.Diagnostic) int {
		ra, rb := subjectOf(a), subjectOf(b)
		return cmp.Or(cmp.Compare(ra.Filename, rb.Filename), cmp.Compare(ra.Start.Byte, rb.Start.Byte))
	})
	return slices.CompactFunc(out, func(a, b *hcl.Diagnostic) bool {
		return a.Summary == b.Summary && a.Detail == b.Detail && subjectOf(a) == subjectOf(b)
	})
}

func subjectOf(d *hcl.Diagnostic) hcl.Range {
	if d.Subject == nil {
		return hcl.Range{}
	}
	return *d.Subject
}

// writeDiagnostics writes diagnostics for a person: the position first, as
// file:line:col, then what is wrong and what to do, then the source line
// with the exact characters underlined; the severity and the underline in
// colour when the palette has it. What a diagnostic quotes (a name, a value,
// a line of a definitions file) is written as text: no control character of
// it reaches the terminal.
func writeDiagnostics(w io.Writer, p palette, diags hcl.Diagnostics, files map[string]*hcl.File) {
	for _, d := range sortDiagnostics(diags) {
		severity := p.severity(d.Severity, severityName(d.Severity))
		summary := escape.TerminalLine(d.Summary)
		if d.Subject == nil {
			fmt.Fprintf(w, "%s: %s\n", severity, summary)
		} else {
			fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", escape.TerminalLine(d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column, severity, summary)
		}
		if d.Detail != "" {
			fmt.Fprintf(w, "    %s\n", escape.TerminalText(d.Detail))
		}
		if s := snippetOf(d, files); s != nil {
			gutter := fmt.Sprint(s.StartLine)
			fmt.Fprintf(w, "\n    %s | %s\n    %s | %s%s\n",
				gutter, escape.TerminalLine(s.Code), strings.Repeat(" ", len(gutter)),
				strings.Repeat(" ", s.HighlightStart), p.severity(d.Severity, strings.Repeat("^", max(1, s.HighlightEnd-s.HighlightStart))))
		}
		fmt.Fprintln(w)
	}
}

// severityName is "error" or "warning", as diagnostics write it.
func severityName(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

// snippet is the source line of a diagnostic, with the columns to underline.
type snippet struct {
	Code           string `json:"code"`
	StartLine      int    `json:"start_line"`
	HighlightStart int    `json:"highlight_start_offset"`
	HighlightEnd   int    `json:"highlight_end_offset"`
}

func snippetOf(d *hcl.Diagnostic, files map[string]*hcl.File) *snippet {
	if d.Subject == nil || files[d.Subject.Filename] == nil {
		return nil
	}
	src := files[d.Subject.Filename].Bytes
	r := *d.Subject
	if r.Start.Byte > len(src) || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return nil
	}
	lineStart := strings.LastIndexByte(string(src[:r.Start.Byte]), '\n') + 1
	lineEnd := len(src)
	if i := strings.IndexByte(string(src[r.Start.Byte:]), '\n'); i >= 0 {
		lineEnd = r.Start.Byte + i
	}
	code := strings.ReplaceAll(string(src[lineStart:lineEnd]), "\t", " ")
	start := len([]rune(string(src[lineStart:r.Start.Byte])))
	end := start + len([]rune(string(src[r.Start.Byte:min(r.End.Byte, lineEnd)])))
	return &snippet{Code: code, StartLine: r.Start.Line, HighlightStart: start, HighlightEnd: end}
}

// jsonDiagnostic is the machine-readable form of a diagnostic (--json),
// in the shape Terraform uses.
type jsonDiagnostic struct {
	Severity string     `json:"severity"`
	Summary  string     `json:"summary"`
	Detail   string     `json:"detail,omitempty"`
	Range    *jsonRange `json:"range,omitempty"`
	Snippet  *snippet   `json:"snippet,omitempty"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

func toJSONDiagnostics(diags hcl.Diagnostics, files map[string]*hcl.File) []jsonDiagnostic {
	out := []jsonDiagnostic{}
	for _, d := range sortDiagnostics(diags) {
		j := jsonDiagnostic{Severity: severityName(d.Severity), Summary: d.Summary, Detail: d.Detail, Snippet: snippetOf(d, files)}
		if s := d.Subject; s != nil {
			r := toJSONRange(*s)
			j.Range = &r
		}
		out = append(out, j)
	}
	return out
}

func toJSONRange(r hcl.Range) jsonRange {
	return jsonRange{Filename: r.Filename,
		Start: jsonPos{r.Start.Line, r.Start.Column, r.Start.Byte},
		End:   jsonPos{r.End.Line, r.End.Column, r.End.Byte}}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
