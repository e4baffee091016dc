package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// page.gohtml holds the page and one template per section. html/template
// escapes every string of the scorecard where it lands, SVG text included.
//
//go:embed page.gohtml
var pageSource string

var pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"split": splitForPage}).Parse(pageSource))

// maxPageColumns is the most columns a table of the page has: wider ones
// are split (see table.split), and the page never scrolls sideways.
const maxPageColumns = 10

func splitForPage(t scorecard.Table) []table { return tableOf(t).split(maxPageColumns) }

// WriteHTML writes the scorecard as one self-contained HTML page, readable
// offline: inline CSS and SVG charts, no script, no link to anything.
func WriteHTML(w io.Writer, sc *scorecard.Scorecard) error {
	v := newView(sc)
	p := page{Title: title(sc), Grain: sc.Grain, Currency: sc.Currency, AsOf: sc.AsOf, ObjectivesAsOf: asOf(sc), Description: sc.Label}
	for _, build := range sections {
		s := build(v)
		if s == nil {
			continue
		}
		var b bytes.Buffer
		if err := pageTemplate.ExecuteTemplate(&b, s.template, s.data); err != nil {
			return err
		}
		// The section's HTML comes from html/template, escaped already.
		p.Sections = append(p.Sections, renderedSection{ID: s.id, Title: s.title, Body: template.HTML(b.String())})
	}
	return pageTemplate.ExecuteTemplate(w, "page", p)
}

// sections build the parts of the page, in order; each returns nil when the
// scorecard has nothing for it.
var sections = []func(*view) *section{
	headlineSection,
	objectivesSection,
	seriesSection,
	channelsSection,
	attributionSection,
	cohortSection,
	ladderChartsSection,
	loyaltySection,
	experimentsSection,
	tablesSection,
}

// section is a part of the page: the template that draws its data.
type section struct {
	id, title, template string
	data                any
}

type page struct {
	Title, Description, Grain, Currency string
	AsOf                                string // the project's reference date
	ObjectivesAsOf                      string // the data's last date, the objectives were judged at
	Sections                            []renderedSection
}

type renderedSection struct {
	ID, Title string
	Body      template.HTML
}

// chartGroup is a scope's charts.
type chartGroup[C any] struct {
	Title  string
	Open   bool // shown unfolded: the first scope
	Charts []C
}

// objectiveCard is an objective with its progress bar laid out.
type objectiveCard struct {
	objectiveView
	Width, DoneWidth, PaceX px
}

// progressWidth is the width of an objective's progress bar.
const progressWidth = 360

func objectivesSection(v *view) *section {
	var cards []objectiveCard
	for _, o := range v.objectives() {
		cards = append(cards, objectiveCard{o, progressWidth, px(o.Done * progressWidth), px(o.Pace * progressWidth)})
	}
	if len(cards) == 0 {
		return nil
	}
	return &section{"objectives", "Objectives", "objectives", cards}
}

// headlineSection tiles each KPI against its comparison.
func headlineSection(v *view) *section {
	h := v.headline()
	if h == nil {
		return nil
	}
	return &section{"headline", h.Value + " against " + h.Against, "headline", h}
}

// seriesSection draws each KPI's values per period, per scope.
func seriesSection(v *view) *section {
	var groups []chartGroup[*lineChart]
	for _, s := range v.sc.Scopes {
		periods := v.sc.Periods(s.Campaign)
		g := chartGroup[*lineChart]{Title: s.Title(), Open: len(groups) == 0}
		partial := make([]bool, len(periods))
		for i, p := range periods {
			partial[i] = v.partial(s, p)
		}
		for _, k := range v.sc.KPIs {
			values := make([]scorecard.Number, len(periods))
			for i, p := range periods {
				values[i] = v.number(scorecard.Cell{Campaign: s.Campaign, KPI: k.Name, Period: p})
			}
			if c := newLineChart(k.Title(), periods, values, partial, v.numberFormat(k)); c != nil {
				g.Charts = append(g.Charts, c)
			}
		}
		if len(g.Charts) > 0 {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return nil
	}
	return &section{"series", "KPIs per " + v.sc.Grain, "charts", groups}
}

// attributionSection shows each scope's attributions, models side by side.
func attributionSection(v *view) *section {
	type scopeAttribution struct {
		Title  string
		Open   bool
		Charts attributionCharts
		Tables []scorecard.Table
	}
	var out []scopeAttribution
	for _, s := range v.sc.Scopes {
		if tables := v.sc.AttributionTables(s.Campaign); len(tables) > 0 {
			out = append(out, scopeAttribution{Title: s.Title(), Open: len(out) == 0, Charts: v.attributionCharts(s.Campaign), Tables: tables})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &section{"attribution", "Attribution", "attribution", out}
}

// tablesSection lists every value, as the Markdown form does.
func tablesSection(v *view) *section {
	type scopeTables struct {
		Title  string
		Open   bool
		Tables []scorecard.Table
	}
	var out []scopeTables
	for i, s := range v.sc.Scopes {
		st := scopeTables{Title: s.Title(), Open: i == 0}
		if totals := v.Totals(s.Campaign); len(totals.Rows) > 0 { // kpis = []: attributions only
			totals.Title = "KPIs over the whole window and per " + v.sc.Grain
			st.Tables = append(st.Tables, totals)
		}
		for _, by := range v.sc.Breakdowns() {
			if t := v.Breakdown(s.Campaign, by); len(t.Rows) > 0 && len(t.Header) > 1 {
				t.Title = "KPIs by " + by
				st.Tables = append(st.Tables, t)
			}
		}
		st.Tables = append(st.Tables, v.pivots(s.Campaign)...)
		out = append(out, st)
	}
	return &section{"tables", "All values", "tables", out}
}

// numberFormat writes the values of a KPI.
func (v *view) numberFormat(k scorecard.KPI) numberFormat {
	return numberFormat{k.Format, v.sc.Currency}
}
