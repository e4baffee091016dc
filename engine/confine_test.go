package engine_test

// Definitions come from pull requests: every path a source names leads
// inside the project folder, or into a folder the user allowed, once its
// symbolic links are followed; nothing else is read.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

func TestSourcePathsStayInTheProject(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const rows = "id,ts,token\nA,2026-01-05,secret\n"
	write("outside/secrets.csv", rows)
	write("project/data/tp.csv", rows)
	write("projectile/tp.csv", rows) // a sibling whose name starts like the project's
	for link, to := range map[string]string{"project/linked": "outside", "project/data/link.csv": "outside/secrets.csv"} {
		if err := os.Symlink(filepath.Join(root, to), filepath.Join(root, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	outside := `Data outside the project: The path %q leads outside the project folder ($ROOT/project).%s omni reads data only inside the project folder and the folders allowed with --data-dir (or OMNI_DATA_DIRS); move the data there, or allow its folder.`
	for _, c := range []struct {
		path     string
		dataDirs []string
		want     string // the summary and detail of the one diagnostic; "" when the source binds
	}{
		{path: "data/tp.csv"},
		{path: "data/../data/tp.csv"},
		{path: filepath.Join(root, "project/data/tp.csv")},
		{path: "../outside/secrets.csv", dataDirs: []string{filepath.Join(root, "outside")}},
		{path: "../outside/secrets.csv", want: fmt.Sprintf(outside, "../outside/secrets.csv", "")},
		{path: "data/../../outside/secrets.csv", want: fmt.Sprintf(outside, "data/../../outside/secrets.csv", "")},
		{path: "../projectile/tp.csv", want: fmt.Sprintf(outside, "../projectile/tp.csv", "")},
		{path: filepath.Join(root, "outside/secrets.csv"), want: fmt.Sprintf(outside, "$ROOT/outside/secrets.csv", "")},
		{path: "/etc/passwd", want: fmt.Sprintf(outside, "/etc/passwd", "")},
		{path: "linked/secrets.csv", want: fmt.Sprintf(outside, "linked/secrets.csv", " $ROOT/project/linked/secrets.csv leads through a symbolic link to $ROOT/outside/secrets.csv.")},
		{path: "data/*.csv", want: fmt.Sprintf(outside, "data/*.csv", " $ROOT/project/data/link.csv leads through a symbolic link to $ROOT/outside/secrets.csv.")},
		{path: "s3://bucket/tp.csv", want: `Not a local file: The path "s3://bucket/tp.csv" starts with "s3:", a URL or remote location; omni reads local files only, inside the project folder. Copy the data into the project and name it by its path.`},
		{path: "https://example.com/tp.csv", want: `Not a local file: The path "https://example.com/tp.csv" starts with "https:", a URL or remote location; omni reads local files only, inside the project folder. Copy the data into the project and name it by its path.`},
		{path: "md:tp.csv", want: `Not a local file: The path "md:tp.csv" starts with "md:", a URL or remote location; omni reads local files only, inside the project folder. Copy the data into the project and name it by its path.`},
		{path: "data/none*.csv", want: `No data file: No file matches the path "data/none*.csv" ($ROOT/project/data/none*.csv). Paths are relative to the project folder.`},
	} {
		t.Run(c.path, func(t *testing.T) {
			p := sourceProject(t, filepath.Join(root, "project"), c.path)
			s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1, DataDirs: c.dataDirs})
			if s != nil {
				defer s.Close()
			}
			var got string
			for _, d := range diags {
				got += d.Summary + ": " + d.Detail
				if d.Subject == nil || d.Subject.Start.Line != 2 {
					t.Errorf("%s: want it at the path attribute (line 2), got %v", d.Summary, d.Subject)
				}
			}
			if got = strings.ReplaceAll(got, root, "$ROOT"); got != c.want {
				t.Errorf("path %s:\n got %s\nwant %s", c.path, got, c.want)
			}
		})
	}
}

// A data folder that does not exist is an error, not a silently empty
// allowance.
func TestMissingDataFolder(t *testing.T) {
	p := sourceProject(t, "testdata/tiny", "touchpoints.csv")
	_, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1, DataDirs: []string{"testdata/no-such-folder"}})
	if len(diags) != 1 || diags[0].Summary != "Cannot read the data folders" || diags[0].Detail != "The folder testdata/no-such-folder does not exist." {
		t.Errorf("got %v", diags)
	}
}

// sourceProject is a project in dir of one touchpoints source over path.
func sourceProject(t *testing.T, dir, path string) *dsl.Project {
	t.Helper()
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "${", "$${", "%{", "%%{").Replace(path)
	p, diags := dsl.Load(map[string][]byte{filepath.Join(dir, "omni.hcl"): []byte("source \"touchpoints\" {\n  path = \"" + quoted + "\"\n  format = \"csv\"\n  customer = \"id\"\n  time = \"ts\"\n}\n")})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	p.Dir = dir
	return p
}
