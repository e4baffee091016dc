package cli

// The exit codes of every command, one table (docs/cli.md lists it): a CI
// job tells from the code alone what happened. 2 keeps the meaning
// Terraform's --detailed-exitcode gives it; usage and internal errors take
// the codes of BSD's sysexits.h, far from the others.
const (
	// exitOK: the command did what it was asked, and found nothing to report.
	exitOK = 0
	// exitError: the command failed: data that cannot be read, a run that
	// fails or is interrupted, an output that cannot be written, a test that
	// fails, files that fmt --check would rewrite.
	exitError = 1
	// exitChanges: plan --detailed-exitcode found changes to the recorded
	// definitions, or nothing recorded to compare with (everything is new).
	exitChanges = 2
	// exitInvalid: the definitions are not valid; nothing was computed.
	exitInvalid = 3
	// exitBeyondThreshold: diff --threshold found a value that changed by
	// more than the threshold.
	exitBeyondThreshold = 4
	// exitObjectives: run --fail-on found an objective that misses; the
	// scorecards are written all the same.
	exitObjectives = 5
	// exitUsage: the command line does not parse (EX_USAGE).
	exitUsage = 64
	// exitInternal: omni failed by a bug of its own (EX_SOFTWARE), to report.
	exitInternal = 70
)
