// Package engine binds a project's sources in an embedded DuckDB, compiles
// its definitions into one SQL query per scorecard and runs them.
//
// The stages are named and can be stopped after: Bind (open DuckDB, declare
// the sources, read their schemas, lock DuckDB down), Compile (type-check
// every formula against those schemas and plan the queries), Run (execute the
// plans and build scorecards).
package engine
