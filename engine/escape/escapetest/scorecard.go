package escapetest

import (
	"bytes"
	_ "embed"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// hostile.json is a scorecard whose project, labels, campaign, keys,
// channels, attribution paths and loyalty stages hold HTML, Markdown links
// and images, pipes, line breaks, terminal escape sequences, bidirectional
// marks and @mentions.
//
//go:embed hostile.json
var hostileJSON []byte

// Hostile is the scorecard of hostile.json, read anew.
func Hostile() *scorecard.Scorecard {
	sc, err := scorecard.ReadJSON(bytes.NewReader(hostileJSON))
	if err != nil {
		panic("escapetest: hostile.json: " + err.Error())
	}
	return sc
}

// HostileWith is Hostile with text in every place that holds text from the
// definitions or the data, for a fuzz target.
func HostileWith(text string) *scorecard.Scorecard {
	sc := Hostile()
	sc.Label, sc.Scopes[1].Label, sc.KPIs[0].Label = text, text, text
	sc.Channels[0].Label, sc.Objectives[0].Label, sc.Objectives[0].Owner = text, text, text
	for i := range sc.Values {
		if sc.Values[i].Key != nil && i%2 == 0 {
			sc.Values[i].Key = &text
		}
	}
	sc.Attribution[0].Rows[0].Key = text
	sc.Attribution[0].Paths.Converting[0].Path = text + " > " + text
	m := sc.Attribution[1].Markov
	m.Removal[0].Key, m.Transitions[1].To[0] = text, text
	l := &sc.Loyalty[0]
	l.Label, l.Stages[0] = text, text
	l.StageLabels = map[string]string{text: text}
	for _, p := range l.Periods {
		p.Counts[0].Stage = text
	}
	return sc
}

// Seeds are texts to start fuzz targets from: one of each kind of attack.
var Seeds = []string{
	"<img src=x onerror=alert(1)>", "![x](http://evil)", "[click](javascript:alert(1))", "a|b", "line1\nline2",
	"\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "\x1b[2J", "\u202e", "@org/team", "`code` *em* _em_ ~s~ $x$",
	"\\|", "&lt;", "\xff\x9b", "\"'><script>", "]]>", "-->",
}
