package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// compiledProject is a project taken through the stages every command
// shares: load the files, bind the sources, compile the definitions.
type compiledProject struct {
	project  *dsl.Project
	compiled *engine.Compiled // nil when an earlier stage failed
	diags    hcl.Diagnostics
	close    func()
}

// engineFlags are the resource limits of DuckDB and the folders it may read
// besides the project's, shared by the commands that open it. The data
// folders of the environment variable OMNI_DATA_DIRS come first.
func engineFlags(flags *pflag.FlagSet) *engine.Options {
	opts := &engine.Options{DataDirs: filepath.SplitList(os.Getenv(dataDirsVariable))}
	flags.IntVar(&opts.Threads, "threads", 0, "DuckDB worker threads (default: one per core)")
	flags.StringVar(&opts.MemoryLimit, "memory-limit", "4GB", "DuckDB memory limit, beyond which it spills to disk")
	flags.StringVar(&opts.TempDir, "temp-dir", "", "where DuckDB spills (default: a fresh temporary folder)")
	flags.Var(appendFlag{&opts.DataDirs}, "data-dir", "a folder outside the project that sources and test fixtures may read (repeatable; also "+dataDirsVariable+")")
	flags.Var(engineFlag{&opts.Engine}, "engine", "where the queries run: duckdb (embedded, the default) or postgres (a server at --dsn)")
	opts.DSN = os.Getenv(dsnVariable)
	flags.Var(secretFlag{&opts.DSN}, "dsn", "the PostgreSQL server of --engine postgres, as postgres://user@host:port/database (also "+dsnVariable+")")
	flags.DurationVar(&opts.StatementTimeout, "statement-timeout", engine.DefaultStatementTimeout, "the longest a query may run on a database server")
	return opts
}

// dataDirsVariable lists data folders like --data-dir, separated as PATH is.
const dataDirsVariable = "OMNI_DATA_DIRS"

// dsnVariable holds the server's connection string, like --dsn: a
// variable keeps its password off the command line.
const dsnVariable = "OMNI_DSN"

// secretFlag is a text flag whose value, a password's holder, help never
// shows as its default.
type secretFlag struct{ value *string }

func (f secretFlag) String() string     { return "" }
func (f secretFlag) Type() string       { return "url" }
func (f secretFlag) Set(v string) error { *f.value = v; return nil }

// engineFlag chooses the engine by its dialect's name.
type engineFlag struct{ engine *dialect.Dialect }

func (f engineFlag) String() string {
	if f.engine == nil || *f.engine == nil {
		return ""
	}
	return (*f.engine).Name()
}
func (f engineFlag) Type() string { return "name" }
func (f engineFlag) Set(v string) (err error) {
	*f.engine, err = dialect.Named(v)
	return err
}

// appendFlag is a repeatable flag that appends each value to a list, after
// those the list holds already.
type appendFlag struct{ list *[]string }

func (f appendFlag) String() string     { return "" }
func (f appendFlag) Type() string       { return "dir" }
func (f appendFlag) Set(v string) error { *f.list = append(*f.list, v); return nil }

// compile runs the stages as far as they go, collecting every diagnostic.
func compile(ctx context.Context, dir string, opts engine.Options) *compiledProject {
	cp := &compiledProject{close: func() {}}
	cp.project, cp.diags = dsl.LoadDir(dir)
	if cp.project == nil {
		return cp
	}
	session, diags := engine.Bind(ctx, cp.project, opts)
	cp.diags = append(cp.diags, diags...)
	if session == nil {
		return cp
	}
	cp.close = session.Close
	compiled, diags := engine.Compile(session)
	cp.diags = append(cp.diags, diags...)
	if !cp.diags.HasErrors() {
		cp.compiled = compiled
	}
	return cp
}

// compileOrReport compiles a project and writes its diagnostics. When the
// project does not compile, it says that nothing was done and returns nil.
func compileOrReport(ctx context.Context, e *env, dir string, opts engine.Options, nothingDone string) *compiledProject {
	cp := compile(ctx, dir, opts)
	writeDiagnostics(e.stderr, e.colourErr, cp.diags, cp.files())
	if cp.compiled == nil {
		fmt.Fprintf(e.stderr, "%s: %s.\n", scorecard.Plural(countErrors(cp), "error"), nothingDone)
		cp.close()
		return nil
	}
	return cp
}

// files are the parsed files, for diagnostic snippets.
func (cp *compiledProject) files() map[string]*hcl.File { return filesOf(cp.project) }
