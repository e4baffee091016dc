package builtins

// The function reference (docs/functions.md) is generated from the table: this test
// fails when they drift (run with -update to rewrite docs/functions.md).

import (
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the function reference in docs/functions.md")

const (
	beginMarker = "<!-- functions:begin (generated from builtins.All; go test ./builtins -update) -->\n"
	endMarker   = "<!-- functions:end -->"
)

func TestReadmeReference(t *testing.T) {
	const path = "../docs/functions.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(readme), beginMarker)
	_, after, ok2 := strings.Cut(rest, endMarker)
	if !ok1 || !ok2 {
		t.Fatalf("%s lacks the markers %q and %q", path, beginMarker, endMarker)
	}
	want := before + beginMarker + Reference() + endMarker + after
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != string(readme) {
		t.Errorf("the function reference of %s is out of date: run go test ./builtins -update", path)
	}
}

func TestValidateMessages(t *testing.T) {
	sum := Lookup("sum")
	for _, tc := range []struct {
		args []Type
		want string
	}{
		{nil, "The function sum takes 1 to 2 arguments, not 0: sum(value, [where])"},
		{[]Type{String}, "The value argument of sum must be a number, not a string"},
		{[]Type{Int, Int}, "The where argument of sum must be a bool, not an integer"},
	} {
		args := make([]reflect.Type, len(tc.args))
		for i, a := range tc.args {
			args[i] = a.Go()
		}
		_, err := sum.Validate(args)
		if err == nil || err.Error() != tc.want {
			t.Errorf("sum%v: got %v, want %q", tc.args, err, tc.want)
		}
	}
	if got, err := sum.Validate([]reflect.Type{Int.Go()}); err != nil || TypeOf(got) != Int {
		t.Errorf("sum(integer) = %v, %v; want an integer", got, err)
	}
	if got, err := Lookup("avg").Validate([]reflect.Type{Int.Go()}); err != nil || TypeOf(got) != Float {
		t.Errorf("avg(integer) = %v, %v; want a number", got, err)
	}
}

func TestNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, b := range All {
		if seen[b.Name] {
			t.Errorf("%s is declared twice", b.Name)
		}
		seen[b.Name] = true
		if b.Doc == "" || b.Example == "" {
			t.Errorf("%s lacks its documentation or example", b.Name)
		}
	}
}
