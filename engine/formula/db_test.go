package formula

// The DuckDB fixture of the SQL-level tests: one in-memory table, facts,
// whose columns are testEnv's names as the engine would bind them, and whose
// rows (some with NULLs) are also given as Go values for expr.

import (
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

// fact is one touchpoint row; nil pointers and a nil tags list are NULLs.
type fact struct {
	customer, channel string
	time              time.Time
	event             *string
	revenue           *float64
	units             *int
	tags              []string
	online            bool
	specialty         string
	age               int
	channelsUsed      int
	amount            float64
}

func str(s string) *string      { return &s }
func num(f float64) *float64    { return &f }
func integer(i int) *int        { return &i }
func day(d int) time.Time       { return time.Date(2026, 7, d, 9, 30, 0, 0, time.UTC) }
func list(s ...string) []string { return append([]string{}, s...) }

var facts = []fact{
	{"c1", "email", day(1), str("visit"), num(10.5), integer(2), list("a", "b"), true, "onco", 40, 2, 100},
	{"c1", "rep", day(2), str("purchase"), num(0), integer(0), list(), false, "onco", 40, 2, 50},
	{"c2", "email", day(3), nil, num(3), integer(1), list("x"), true, "cardio", 55, 1, 0},
	{"c2", "email", day(4), str("visit"), nil, integer(5), nil, false, "cardio", 55, 1, 20},
	{"c3", "web", day(5), str("email"), num(120.25), nil, list("a"), true, "gp", 31, 3, 10},
	{"c3", "rep", day(6), nil, nil, nil, nil, false, "gp", 31, 3, 0},
	{"c3", "web", day(7), str("O'Brien"), num(-2.5), integer(-3), list("O'Brien"), true, "gp", 31, 3, 5},
	{"c4", "rep", day(8), str(""), num(1e6), integer(7), list(""), false, "onco", 62, 1, 0},
	{"c4", "rep", day(9), str(" Visit\t"), num(0.3), integer(3), list("b", "a"), true, "onco", 62, 1, 1},
	{"c4", "web", day(10), str(`a\b`), num(7), integer(10), list("visit", "email"), false, "onco", 62, 1, 2},
}

var (
	dbOnce sync.Once
	db     *sql.DB
	dbErr  error
)

// testDB returns the in-memory DuckDB holding facts, built on first use.
func testDB(t testing.TB) *sql.DB {
	t.Helper()
	dbOnce.Do(func() {
		db, dbErr = sql.Open("duckdb", "")
		if dbErr != nil {
			return
		}
		db.SetMaxOpenConns(1) // one in-memory database
		_, dbErr = db.Exec(`CREATE TABLE facts (id INTEGER, "__customer" VARCHAR,
			"__time" TIMESTAMP, "__channel" VARCHAR, event VARCHAR, revenue DOUBLE,
			units BIGINT, tags VARCHAR[], "__online" BOOLEAN, specialty VARCHAR,
			age BIGINT, channels_used BIGINT, "__amount" DOUBLE)`)
		if dbErr == nil {
			_, dbErr = db.Exec("INSERT INTO facts VALUES " + factValues())
		}
	})
	if dbErr != nil {
		t.Fatalf("DuckDB fixture: %v", dbErr)
	}
	return db
}

func factValues() string {
	rows := make([]string, len(facts))
	for i, f := range facts {
		tags := "NULL"
		if f.tags != nil {
			quoted := make([]string, len(f.tags))
			for j, s := range f.tags {
				quoted[j] = stringLiteral(s)
			}
			tags = "[" + strings.Join(quoted, ", ") + "]::VARCHAR[]"
		}
		rows[i] = fmt.Sprintf("(%d, %s, TIMESTAMP '%s', %s, %s, %s, %s, %s, %t, %s, %d, %d, %v)",
			i, stringLiteral(f.customer), f.time.Format("2006-01-02 15:04:05"), stringLiteral(f.channel),
			nullOr(f.event, stringLiteral), nullOr(f.revenue, func(x float64) string { return fmt.Sprint(x) + "::DOUBLE" }),
			nullOr(f.units, func(x int) string { return fmt.Sprint(x) }), tags, f.online,
			stringLiteral(f.specialty), f.age, f.channelsUsed, f.amount)
	}
	return strings.Join(rows, ",\n")
}

func nullOr[T any](p *T, lit func(T) string) string {
	if p == nil {
		return "NULL"
	}
	return lit(*p)
}

// exprRow is a row as expr sees it: the nullable columns are of type any,
// nil for NULL, as in an expr environment where a value may be missing.
type exprRow struct {
	Customer  string    `expr:"customer"`
	Channel   string    `expr:"channel"`
	Time      time.Time `expr:"time"`
	Event     any       `expr:"event"`
	Revenue   any       `expr:"revenue"`
	Units     any       `expr:"units"`
	Tags      any       `expr:"tags"`
	Online    bool      `expr:"online"`
	Specialty string    `expr:"specialty"`
	Age       int       `expr:"age"`
}

func (f fact) exprEnv() exprRow {
	r := exprRow{Customer: f.customer, Channel: f.channel, Time: f.time, Online: f.online, Specialty: f.specialty, Age: f.age}
	if f.event != nil {
		r.Event = *f.event
	}
	if f.revenue != nil {
		r.Revenue = *f.revenue
	}
	if f.units != nil {
		r.Units = *f.units
	}
	if f.tags != nil {
		r.Tags = f.tags
	}
	return r
}
