package engine

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/pgtest"
)

// onServer binds testdata/tiny to the test server.
func onServer(t *testing.T, timeout time.Duration) *Session {
	t.Helper()
	p, diags := dsl.LoadDir("testdata/tiny")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := Bind(context.Background(), p, Options{Threads: 1, Engine: dialect.Postgres, DSN: pgtest.DSN(t), StatementTimeout: timeout})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	t.Cleanup(s.Close)
	return s
}

func TestServerSessionIsReadOnly(t *testing.T) {
	s := onServer(t, 0)
	var rows int
	if err := s.server.QueryRowContext(context.Background(), `SELECT count(*) FROM "src_touchpoints"`).Scan(&rows); err != nil || rows != 9 {
		t.Fatalf("the temporary table holds %d rows (%v), want testdata/tiny's 9", rows, err)
	}
	for _, stmt := range []string{"CREATE TABLE written (a int)", `DROP TABLE "src_touchpoints"`, "CREATE TEMPORARY TABLE written (a int)"} {
		_, err := s.server.ExecContext(context.Background(), stmt)
		if err == nil || !strings.Contains(err.Error(), "read-only transaction") {
			t.Errorf("%s: %v, want a read-only transaction's refusal", stmt, err)
		}
	}
}

func TestStatementTimeout(t *testing.T) {
	s := onServer(t, 200*time.Millisecond)
	start := time.Now()
	_, err := s.query(context.Background(), "SELECT pg_sleep(10)")
	if err == nil || !strings.Contains(err.Error(), "statement timeout") {
		t.Fatalf("pg_sleep(10): %v, want the statement timeout", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the timeout of 200ms took %v", took)
	}
}

// TestCancellingStopsTheServersQuery cancels a query as Ctrl-C does: it
// returns at once, and the server runs it no more.
func TestCancellingStopsTheServersQuery(t *testing.T) {
	s := onServer(t, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	rows, err := s.query(ctx, "SELECT pg_sleep(30)")
	if err == nil {
		rows.Next()
		err = rows.Err()
		rows.Close()
	}
	if !errors.Is(err, context.DeadlineExceeded) && (err == nil || !strings.Contains(err.Error(), "canceling statement")) {
		t.Fatalf("cancelled pg_sleep(30): %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("cancelling took %v", took)
	}
	other := onServer(t, 0)
	deadline := time.Now().Add(5 * time.Second)
	for {
		var running int
		if err := other.server.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'`).Scan(&running); err != nil {
			t.Fatal(err)
		}
		if running == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the server still runs the cancelled query 5 s later")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestPasswordNeverPrinted(t *testing.T) {
	for _, dsn := range []string{
		"postgres://omni:pa%24%24word-42@/postgres?host=/nonexistent&connect_timeout=1",
		"host=/nonexistent user=omni password=pa$$word-42 connect_timeout=1",
	} {
		p, diags := dsl.LoadDir("testdata/tiny")
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		s, diags := Bind(context.Background(), p, Options{Threads: 1, Engine: dialect.Postgres, DSN: dsn})
		if s != nil {
			s.Close()
			t.Fatal("bound to a server that does not exist")
		}
		if text := diags.Error(); strings.Contains(text, "pa$$word-42") || strings.Contains(text, "pa%24%24word-42") || !strings.Contains(text, "PostgreSQL") {
			t.Errorf("%s: %s", dsn, text)
		}
	}
	err := redactDSN(errors.New(`cannot log in as omni with pa$$word-42 (pa%24%24word-42)`), "postgres://omni:pa%24%24word-42@host/db")
	if want := "cannot log in as omni with xxxxx (xxxxx)"; err.Error() != want {
		t.Errorf("redacted: %q, want %q", err, want)
	}
}
