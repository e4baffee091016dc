package dsl

import "github.com/hashicorp/hcl/v2"

// Media are the kinds of media a channel can belong to.
var Media = []string{"owned", "paid", "earned"}

// Channel is a channel block: metadata for one value of the channel column,
// available in formulas as media, online and channel_label.
type Channel struct {
	Name      string
	Label     Text
	Media     Text // one of Media, or "" when not said
	Online    bool // false for face-to-face and other offline channels
	DeclRange hcl.Range
}

var channelSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "label"}, {Name: "media"}, {Name: "online"},
}}

func decodeChannelBlock(block *hcl.Block) (*Channel, hcl.Diagnostics) {
	name, diags := blockName(block)
	c := &Channel{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(channelSchema)
	diags = append(diags, d...)
	c.Label, d = textAttr(content.Attributes["label"])
	diags = append(diags, d...)
	c.Media, d = choiceAttr(content.Attributes["media"], Media)
	diags = append(diags, d...)
	c.Online, d = boolAttr(content.Attributes["online"], true)
	diags = append(diags, d...)
	return c, diags
}
