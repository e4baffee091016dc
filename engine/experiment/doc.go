// Package experiment holds the statistics of A/B tests, computed from each
// variant's summary (customers, mean, variance, and a pre-period
// covariate's moments): Welch's t-test on per-customer values, the
// two-proportion z-test on rates, Holm's correction, the minimum detectable
// effect, the sample-ratio-mismatch chi-square and CUPED. It imports no
// DuckDB: the engine aggregates the customers' values and hands the moments
// over.
package experiment
