package report_test

// Text from the definitions and the data is data in every form: the keys
// and labels of escapetest.Hostile hold HTML, Markdown links and images,
// pipes, line breaks, terminal escape sequences, bidirectional marks and
// @mentions. Its Markdown is compared with
// testdata/hostile.md (-update rewrites it); its HTML holds only the
// elements and attributes of the page's template.

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"testing"

	"github.com/omni-metrics/omni/engine/escape/escapetest"
	"github.com/omni-metrics/omni/engine/report"
)

func TestMarkdownOfHostileData(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteMarkdown(&b, escapetest.Hostile()); err != nil {
		t.Fatal(err)
	}
	if err := escapetest.Markdown(b.String()); err != nil {
		t.Error(err)
	}
	if err := escapetest.Terminal(b.String()); err != nil {
		t.Error(err)
	}
	expectGolden(t, "hostile.md", b.Bytes())
}

func TestHTMLOfHostileData(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, escapetest.Hostile()); err != nil {
		t.Fatal(err)
	}
	if err := onlyTemplateMarkup(b.String()); err != nil {
		t.Error(err)
	}
	// The check itself finds what it is for.
	for _, bad := range []string{`<p><img src=x></p>`, `<p onclick="x">`, `<p>a < b</p>`, `<td title="a<b">`} {
		if onlyTemplateMarkup(bad) == nil {
			t.Errorf("%s passes as the template's markup", bad)
		}
	}
}

// FuzzMarkdownAndHTML writes the Markdown and HTML forms of a scorecard
// holding any text: each Markdown table row keeps its header's cells, no
// text acts as Markdown, HTML or on a terminal, and the page holds only the
// template's elements and attributes.
func FuzzMarkdownAndHTML(f *testing.F) {
	for _, seed := range escapetest.Seeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sc := escapetest.HostileWith(text)
		var md, page bytes.Buffer
		if err := report.WriteMarkdown(&md, sc); err != nil {
			t.Fatal(err)
		}
		if err := escapetest.Markdown(md.String()); err != nil {
			t.Fatal(err)
		}
		if err := escapetest.Terminal(md.String()); err != nil {
			t.Fatal(err)
		}
		if err := report.WriteHTML(&page, sc); err != nil {
			t.Fatal(err)
		}
		if err := onlyTemplateMarkup(page.String()); err != nil {
			t.Fatal(err)
		}
	})
}

//go:embed page.gohtml
var pageSource string

//go:embed experiment.gohtml
var experimentSource string

var (
	// templateTag finds the elements and attributes the page's template writes.
	templateTag  = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:="[^"]*")?|\s*\{\{[^}]*\}\})*)\s*>`)
	templateAttr = regexp.MustCompile(`\s([a-zA-Z][a-zA-Z0-9-]*)(?:=|\s|$)`)
	// pageTag is a tag of a written page: its attributes' values, quoted
	// by html/template, hold no quote and no angle bracket.
	pageTag  = regexp.MustCompile(`^<(/?[a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:="[^"<>]*")?)*)\s*>`)
	pageAttr = regexp.MustCompile(`\s([a-zA-Z][a-zA-Z0-9-]*)`)
)

// markup is the set of element and attribute names the page's templates
// write.
func markup() (elements, attributes map[string]bool) {
	elements, attributes = map[string]bool{}, map[string]bool{}
	for _, m := range templateTag.FindAllStringSubmatch(pageSource+experimentSource, -1) {
		elements[m[1]] = true
		for _, a := range templateAttr.FindAllStringSubmatch(regexp.MustCompile(`"[^"]*"|\{\{[^}]*\}\}`).ReplaceAllString(m[2], ""), -1) {
			attributes[a[1]] = true
		}
	}
	return elements, attributes
}

// onlyTemplateMarkup returns an error when a < of the page does not start a
// tag the template writes, with attributes it writes.
func onlyTemplateMarkup(page string) error {
	elements, attributes := markup()
	const doctype = "<!DOCTYPE html>"
	for i := 0; i < len(page); i++ {
		if page[i] != '<' || i == 0 && len(page) >= len(doctype) && page[:len(doctype)] == doctype {
			continue
		}
		m := pageTag.FindStringSubmatch(page[i:])
		if m == nil {
			return fmt.Errorf("byte %d: a < that starts no tag: %q", i, page[i:min(len(page), i+40)])
		}
		if !elements[m[1]] {
			return fmt.Errorf("byte %d: element %q is not the template's", i, m[1])
		}
		for _, a := range pageAttr.FindAllStringSubmatch(regexp.MustCompile(`"[^"]*"`).ReplaceAllString(m[2], ""), -1) {
			if !attributes[a[1]] {
				return fmt.Errorf("byte %d: attribute %q of <%s> is not the template's", i, a[1], m[1])
			}
		}
	}
	return nil
}
