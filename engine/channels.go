package engine

import (
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// scorecardChannels is the metadata of the declared channels, with which
// reports group the values by channel: online or offline, by media.
func scorecardChannels(channels []*dsl.Channel) []scorecard.Channel {
	var out []scorecard.Channel
	for _, ch := range channels {
		out = append(out, scorecard.Channel{Name: ch.Name, Label: ch.Label.Value, Media: ch.Media.Value, Online: ch.Online})
	}
	return out
}
