package scorecard

// Channel is the metadata of a declared channel, which reports use to group
// channels: online or offline, owned, paid or earned media.
type Channel struct {
	Name   string `json:"name"`
	Label  string `json:"label,omitempty"`
	Media  string `json:"media,omitempty"`
	Online bool   `json:"online"`
}
