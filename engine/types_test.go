package engine_test

// A column's type comes from every row of the data, or from the type the
// source declares, never from a sample that a later row contradicts.

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

// Beyond DuckDB's sample of 20,480 rows, 0.4 in a column of 1s: read as an
// integer, it would round to 0 and the sum be 30002.
func TestTypesFromEveryRow(t *testing.T) {
	var csv, json strings.Builder
	csv.WriteString("id,ts,x\n")
	for range 30_000 {
		csv.WriteString("A,2026-01-05,1\n")
		json.WriteString(`{"id": "A", "ts": "2026-01-05", "x": 1}` + "\n")
	}
	for _, x := range []string{"0.4", "0.4", "1.6"} {
		csv.WriteString("A,2026-01-05," + x + "\n")
		json.WriteString(`{"id": "A", "ts": "2026-01-05", "x": ` + x + "}\n")
	}
	for _, c := range []struct{ file, data string }{{"tp.csv", csv.String()}, {"tp.json", json.String()}} {
		t.Run(c.file, func(t *testing.T) {
			dir := writeProject(t, map[string]string{
				c.file: c.data,
				"omni.hcl": "source \"touchpoints\" {\n  path = \"" + c.file + "\"\n  customer = \"id\"\n  time = \"ts\"\n}\n" +
					"kpi \"total\" { formula = \"sum(x)\" }\n",
			})
			sc := runProject(t, dir)[0]
			if got := sc.Values[0].Value; float64(got) != 30002.4 {
				t.Errorf("sum(x) = %v, want 30002.4", got)
			}
		})
	}
}

// A declared type replaces the detected one; a value that does not parse
// as it stops the run, naming the file, the line and the column.
func TestDeclaredTypes(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"tp.csv": "id,ts,code,x\nA,2026-01-05,007,1\nB,2026-01-06,010,n/a\n",
		"omni.hcl": `source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  types    = { code = "VARCHAR", x = "DOUBLE" }
}
kpi "codes" { formula = "count_distinct(code)" }
kpi "total" { formula = "sum(x)" }
`,
	})
	c := compileDir(t, dir)
	if got := c.Session.Schema.Touchpoints.Column("code").SQLType; got != "VARCHAR" {
		t.Errorf("code is %s, want the declared VARCHAR (detected: BIGINT, which drops the leading zeros)", got)
	}
	_, err := c.Run(context.Background(), c.Plans[0])
	want := `scorecard default: ` + filepath.Join(realDir(t, dir), "tp.csv") + `:3: column "x": "n/a" is not a DOUBLE. Declare the column's type in the source (types = { x = "VARCHAR" }), or correct the value.`
	if err == nil || err.Error() != want {
		t.Errorf("run:\n got %v\nwant %s", err, want)
	}
}

func TestDeclaredTypeOfNoColumn(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"tp.csv": "id,ts,amount\nA,2026-01-05,1\n",
		"omni.hcl": `source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  types    = { amuont = "DOUBLE" }
}
`,
	})
	diags := bindDiagnostics(t, dir)
	want := `No such column: Source "touchpoints" has no column "amuont" to declare the type of. Did you mean "amount"? Its columns: id, ts, amount.`
	if len(diags) != 1 || diags[0].Summary+": "+diags[0].Detail != want || diags[0].Subject.Start.Line != 5 {
		t.Errorf("got %v, want at line 5: %s", diags, want)
	}
}

// realDir is a folder with its links followed, as the engine names the
// files in it.
func realDir(t *testing.T, dir string) string {
	t.Helper()
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return real
}

// The file options and the types come together: a file without a header
// row reads with the names columns gives, the types declared for some of
// them, the others from every row, and the time column as text until
// time_format parses it. Its path, like any, stays in the project.
func TestTypesOfAFileWithoutHeader(t *testing.T) {
	root := t.TempDir()
	rows := "1;27.03.2026;1.5\n2;28.03.2026;2\n"
	for _, f := range []string{"project/tp.txt", "outside/tp.txt"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, f), []byte(rows), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	project := func(path, types string) string {
		t.Helper()
		dir := filepath.Join(root, "project")
		definitions := `source "touchpoints" {
  path        = "` + path + `"
  header      = false
  columns     = ["customer_id", "day", "amount"]
  delimiter   = ";"
  time_format = "%d.%m.%Y"
  types       = ` + types + `
  customer    = "customer_id"
  time        = "day"
}
kpi "customers" { formula = "count_distinct(customer_id)" }
kpi "amount" { formula = "sum(amount)" }
`
		if err := os.WriteFile(filepath.Join(dir, "omni.hcl"), []byte(definitions), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	bind := func(path, types string) (*engine.Session, hcl.Diagnostics) {
		t.Helper()
		p, diags := dsl.LoadDir(project(path, types))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return engine.Bind(context.Background(), p, engine.Options{Threads: 1})
	}

	t.Run("read", func(t *testing.T) {
		c := compileDir(t, project("tp.txt", `{ customer_id = "VARCHAR", day = "VARCHAR" }`))
		// customer_id would be BIGINT, detected; day is parsed by time_format.
		want := map[string]string{"customer_id": "VARCHAR", "day": "TIMESTAMP", "amount": "DOUBLE"}
		for name, typ := range want {
			if got := c.Session.Schema.Touchpoints.Column(name).SQLType; got != typ {
				t.Errorf("%s is %s, want %s", name, got, typ)
			}
		}
		sc, err := c.Run(context.Background(), c.Plans[0])
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, v := range sc.Values {
			if v.By == "" && v.Period == "" {
				got[v.KPI] = float64(v.Value)
			}
		}
		if got["customers"] != 2 || got["amount"] != 3.5 { // 1.5 + 2
			t.Errorf("over the whole window: %v, want customers 2, amount 3.5", got)
		}
	})
	t.Run("time declared other than text", func(t *testing.T) {
		_, diags := bind("tp.txt", `{ day = "DATE" }`)
		want := `Type of a time written as text: time_format "%d.%m.%Y" reads the time column "day" from its text, which is VARCHAR: remove day from types, or remove time_format if the files write times as DATE reads them.`
		if len(diags) != 1 || diags[0].Summary+": "+diags[0].Detail != want || diags[0].Subject.Start.Line != 7 {
			t.Errorf("got %v, want at line 7: %s", diags, want)
		}
	})
	t.Run("outside the project", func(t *testing.T) {
		s, diags := bind("../outside/tp.txt", `{ customer_id = "VARCHAR" }`)
		want := `Data outside the project: The path "../outside/tp.txt" leads outside the project folder (` + realDir(t, root) + `/project). omni reads data only inside the project folder and the folders allowed with --data-dir (or OMNI_DATA_DIRS); move the data there, or allow its folder.`
		if s != nil || len(diags) != 1 || diags[0].Summary+": "+diags[0].Detail != want || diags[0].Subject.Start.Line != 2 {
			t.Errorf("got %v, want at line 2: %s", diags, want)
		}
	})
}

// A Parquet file carries its types, but not always the right ones: an id
// stored as DOUBLE cannot be a customer until the source declares it
// BIGINT, which casts it; a fractional id stops the run rather than being
// rounded into another customer's. By hand: customers 1 and 2 spend 3 and
// 4; customer 1 is in the north, so the north's amount is 3.
func TestDeclaredTypesOfParquet(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for file, ids := range map[string]string{"tp.parquet": "(1.0::DOUBLE, 3), (2.0, 4)", "fraction.parquet": "(1.5::DOUBLE, 3)"} {
		copyTo := `COPY (SELECT id, DATE '2026-01-05' AS day, amount FROM (VALUES ` + ids + `) v(id, amount)) TO '` + filepath.Join(dir, file) + `' (FORMAT parquet)`
		if _, err := db.Exec(copyTo); err != nil {
			t.Fatal(err)
		}
	}
	project := func(file, types string) string {
		definitions := `source "touchpoints" {
  path     = "` + file + `"
  customer = "id"
  time     = "day"
  ` + types + `
}
source "customers" {
  path = "customers.csv"
  key  = "id"
}
segment "north" { where = "region == 'north'" }
kpi "amount" { formula = "sum(amount)" }
scorecard "default" { by = ["segment"] }
`
		for name, data := range map[string]string{"omni.hcl": definitions, "customers.csv": "id,region\n1,north\n2,south\n"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}

	t.Run("undeclared", func(t *testing.T) {
		diags := bindDiagnostics(t, project("tp.parquet", ""))
		want := `Wrong column type: The customer column "id" of source "touchpoints" is DOUBLE; a customer column must be string or integer. Declare the type to read it as: types = { id = "BIGINT" }.`
		if len(diags) != 1 || diags[0].Summary+": "+diags[0].Detail != want {
			t.Errorf("got %v, want %s", diags, want)
		}
	})
	t.Run("declared", func(t *testing.T) {
		sc := runProject(t, project("tp.parquet", `types = { id = "BIGINT" }`))[0]
		got := cellValues(sc)
		if got[cell{"", "amount", "", "", ""}] != 7 || got[cell{"", "amount", "segment", "north", ""}] != 3 {
			t.Errorf("amounts %v, want 7 in all and 3 in the north", got)
		}
	})
	t.Run("fractional", func(t *testing.T) {
		c := compileDir(t, project("fraction.parquet", `types = { id = "BIGINT" }`))
		_, err := c.Run(context.Background(), c.Plans[0])
		want := `Source touchpoints: column "id" holds 1.5, which is not an integer (types declares it BIGINT).`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("run: got %v, want an error saying %s", err, want)
		}
	})
}
