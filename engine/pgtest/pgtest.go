// Package pgtest starts a throwaway PostgreSQL server for the tests of a
// test binary: initdb into a temporary folder, pg_ctl start listening on a
// Unix socket only, stopped and removed by Stop. As root (the CI machine),
// the server runs as the postgres user, which initdb requires.
//
// Without PostgreSQL's binaries the tests that need a server skip, with a
// message saying what to install, except in CI (CI=true), where they fail.
// Start gives the benchmarks a server of their own the same way.
package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// binDirs are where Debian's postgresql package puts the binaries, for
// when they are not on PATH.
var binDirs = []string{"/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"}

var (
	once    sync.Once
	server  *Server
	started error
)

// Server is a throwaway PostgreSQL server.
type Server struct {
	DSN  string // its connection string, as user omni, on a Unix socket
	Data string // its data folder, where postmaster.pid names its first process
	Stop func() // stops it and removes its folders
}

// DSN returns the connection string of the test binary's server, starting
// it on first use. It skips the test when PostgreSQL is not installed,
// and fails it in CI.
func DSN(t testing.TB) string {
	t.Helper()
	once.Do(func() { server, started = Start() })
	switch {
	case errors.Is(started, errNotInstalled) && os.Getenv("CI") != "true":
		t.Skip("PostgreSQL is not installed (apt-get install postgresql): the tests of the postgres engine need its initdb and pg_ctl")
	case started != nil:
		t.Fatalf("starting PostgreSQL: %v", started)
	}
	return server.DSN
}

// Stop stops the server if one was started; a TestMain calls it after the
// tests have run.
func Stop() {
	if server != nil {
		server.Stop()
	}
}

var errNotInstalled = errors.New("initdb and pg_ctl not found")

// Start creates a cluster in a fresh folder and starts its server; more
// settings (such as "-c shared_buffers=1GB") go to the server as they are.
func Start(settings ...string) (*Server, error) {
	initdb, pgCtl, err := binaries()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "omni-pgtest-")
	if err != nil {
		return nil, err
	}
	remove := func() { os.RemoveAll(dir) }
	run, err := runner(dir)
	if err != nil {
		remove()
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if err := run(initdb, "-D", data, "-U", "omni", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"); err != nil {
		remove()
		return nil, err
	}
	options := strings.Join(append([]string{fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off", dir)}, settings...), " ")
	if err := run(pgCtl, "-D", data, "-l", filepath.Join(dir, "log"), "-o", options, "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		remove()
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	stopServer := func() {
		run(pgCtl, "-D", data, "-m", "immediate", "-w", "stop")
		remove()
	}
	q := url.Values{"host": {dir}, "sslmode": {"disable"}}
	return &Server{DSN: "postgres://omni@/postgres?" + q.Encode(), Data: data, Stop: stopServer}, nil
}

// binaries finds initdb and pg_ctl on PATH or where Debian installs them.
func binaries() (initdb, pgCtl string, err error) {
	if initdb, err = exec.LookPath("initdb"); err == nil {
		if pgCtl, err = exec.LookPath("pg_ctl"); err == nil {
			return initdb, pgCtl, nil
		}
	}
	for _, dir := range binDirs {
		initdb, pgCtl = filepath.Join(dir, "initdb"), filepath.Join(dir, "pg_ctl")
		if _, err := os.Stat(pgCtl); err == nil {
			return initdb, pgCtl, nil
		}
	}
	return "", "", errNotInstalled
}

// runner runs PostgreSQL's commands: as the postgres user when the tests
// run as root, which initdb and the server refuse, after giving it the
// folder.
func runner(dir string) (func(name string, args ...string) error, error) {
	asRoot := os.Geteuid() == 0
	if asRoot {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root, the server needs the postgres user: %w", err)
		}
		if out, err := exec.Command("chown", u.Uid+":"+u.Gid, dir).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("chown %s: %v: %s", dir, err, out)
		}
	}
	return func(name string, args ...string) error {
		cmd := exec.Command(name, args...)
		if asRoot {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
		}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %v: %s", filepath.Base(name), err, out.String())
		}
		return nil
	}, nil
}
