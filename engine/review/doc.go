// Package review compares what omni knows at two times, for whoever reviews
// a change. Snapshots hold each definition's fingerprint, normalised text
// and compiled normal form (the state omni run records); PlanChanges tells
// what changed between two of them: added, removed, changed in a way that
// breaks the comparability of past values or only in presentation, renamed,
// and what breaks downstream. CompareScorecards puts two scorecards side by
// side, value by value, with the direction of each change, the definitions
// that differ, and a two-proportion z-test for rates.
//
// The package is pure Go: the engine gives it the compiled normal forms
// through the Compiler interface.
package review
