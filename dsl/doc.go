// Package dsl reads the definitions of an omni project — every *.hcl file of a
// folder — into typed values that remain exactly as written and keep their
// source ranges for diagnostics.
//
// The package knows nothing of data or SQL: it checks the shape of each block
// (required attributes, types, names, references between blocks), not the
// meaning of formulas, which the engine type-checks against the real columns.
package dsl
