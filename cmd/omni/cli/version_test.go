package cli

import (
	"runtime/debug"
	"testing"
)

// versionOf reads omni's version from the build information go install
// and go build record.
func TestVersionOf(t *testing.T) {
	vcs := func(revision, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: revision}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"go install module@version", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}}, true, "v0.4.0"},
		{"built from a clean clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("0be1c0b3a9f2e4d5c6b7a8f9", "false")}, true, "0be1c0b3a9f2"},
		{"built from a changed clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("0be1c0b3a9f2e4d5", "true")}, true, "0be1c0b3a9f2-dirty"},
		{"built without version control", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "devel"},
		{"no build information", nil, false, "devel"},
	} {
		if got := versionOf(c.info, c.ok); got != c.want {
			t.Errorf("%s: versionOf = %q, want %q", c.name, got, c.want)
		}
	}
}
