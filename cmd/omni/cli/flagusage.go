package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// flagUsages lists a command's flags for its --help, one a line: a bool
// flag as --json, not pflag's --json[=true|false], a flag whose value is
// optional as --credits[=form]; "" when it has none.
func flagUsages(flags *pflag.FlagSet) string {
	var names, usages []string
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "    --" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", --" + f.Name
		}
		varname, text := pflag.UnquoteUsage(f)
		switch {
		case varname == "" || f.Value.Type() == "bool":
		case f.NoOptDefVal != "": // the value is optional, and only after "="
			name += "[=" + varname + "]"
		default:
			name += " " + varname
		}
		if !slices.Contains([]string{"", "false", "0", "[]"}, f.DefValue) {
			text += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		names, usages = append(names, name), append(usages, text)
	})
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	var b strings.Builder
	for i, n := range names {
		fmt.Fprintf(&b, "  %-*s   %s\n", width, n, usages[i])
	}
	return b.String()
}
