package dsl

import (
	"fmt"
	"strings"
	"testing"
)

// Files and projects past the limits are one diagnostic each: the deepest
// nesting a file under the size limit can hold used to overflow Go's stack
// in HCL's parser.
func TestLimits(t *testing.T) {
	depth := (MaxFileBytes - 100) / 2
	deep := "kpi \"k\" {\n  label = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n}\n"
	var many strings.Builder
	for i := range MaxDefinitions + 2 {
		fmt.Fprintf(&many, "segment \"s%d\" {}\n", i)
	}
	for _, tc := range []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"too large", map[string][]byte{"big.hcl": []byte(strings.Repeat(" ", MaxFileBytes+1))},
			"big.hcl:1,1-1: File too large; big.hcl has 1048577 bytes; a definitions file may have 1048576 at most. Split it into several files."},
		{"deep", map[string][]byte{"deep.hcl": []byte(deep)},
			"deep.hcl:2,1010-1011: Nested too deep; Brackets, strings and interpolations nest 1001 deep here; a definitions file may nest 1000 at most."},
		{"too many", map[string][]byte{"a.hcl": []byte(many.String()), "b.hcl": []byte(`segment "more" {}`)},
			"a.hcl:10001,1-17: Too many definitions; A project may declare 10000 blocks at most; this one is past the limit. Split the project."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Load(tc.files)
			var got []string
			for _, d := range diags {
				if d.Summary != "Missing required argument" {
					got = append(got, d.Error())
				}
			}
			if len(got) != 1 || !strings.Contains(got[0], tc.want) {
				t.Errorf("\n got: %.300q\nwant: %q", got, tc.want)
			}
		})
	}
}
