package report

import (
	"cmp"
	"slices"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// channelsSection compares KPIs across channels, per scope: one bar per
// channel, online channels then offline ones, coloured by media (owned,
// paid, earned), from the channel breakdown and the declared channels'
// metadata; and across online and offline, or media, when the scorecard is
// broken down by them too (their values are the KPI's own, not sums of
// channels: a rate does not add up).
func channelsSection(v *view) *section {
	meta := map[string]scorecard.Channel{}
	for _, ch := range v.sc.Channels {
		meta[ch.Name] = ch
	}
	var groups []chartGroup[*barChart]
	for _, s := range v.sc.Scopes {
		g := chartGroup[*barChart]{Title: s.Title(), Open: len(groups) == 0}
		for _, by := range []string{"channel", "online", "media"} {
			keys := v.sc.Keys(s.Campaign, by)
			if by == "channel" {
				slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(channelGroup(a, meta), channelGroup(b, meta)) })
			}
			for _, k := range v.sc.KPIsBy(by) {
				var items []barItem
				for _, key := range keys {
					it := breakdownItem(by, key, meta)
					it.Value = v.number(scorecard.Cell{Campaign: s.Campaign, KPI: k.Name, By: by, Key: key})
					items = append(items, it)
				}
				if c := newBarChart(k.Title()+" by "+by, items, v.numberFormat(k)); c != nil {
					g.Charts = append(g.Charts, c)
				}
			}
		}
		if len(g.Charts) > 0 {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return nil
	}
	return &section{"channels", "Channels", "channels", groups}
}

// Channel groups, in the order bars show them.
const (
	groupOnline = iota
	groupOffline
	groupUndeclared
)

var groupNames = [...]string{"Online", "Offline", "Not declared"}

func channelGroup(name string, meta map[string]scorecard.Channel) int {
	ch, ok := meta[name]
	switch {
	case !ok:
		return groupUndeclared
	case ch.Online:
		return groupOnline
	}
	return groupOffline
}

// breakdownItem names and colours the bar of a breakdown's value.
func breakdownItem(by, key string, meta map[string]scorecard.Channel) barItem {
	switch by {
	case "channel":
		ch := meta[key]
		return barItem{Name: cmp.Or(ch.Label, key), Group: groupNames[channelGroup(key, meta)], Class: mediaClass(ch.Media)}
	case "online":
		name := map[string]string{"true": "online", "false": "offline"}[key]
		return barItem{Name: cmp.Or(name, key), Class: "media-none"}
	}
	return barItem{Name: key, Class: mediaClass(key)}
}

// mediaClass is the CSS class that colours a medium's bars.
func mediaClass(media string) string {
	switch media {
	case "owned", "paid", "earned":
		return "media-" + media
	}
	return "media-none"
}
