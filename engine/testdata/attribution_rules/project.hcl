# The journeys of testdata/attribution under the path rules, transforms and
# spend window that its project leaves out: postgres_defs_test.go checks
# that PostgreSQL attributes them as DuckDB does.
project "rules" {}

source "touchpoints" {
  path     = "../attribution/touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "spend" {
  path    = "../attribution/spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}

kpi "prescriptions" { formula = "count(event == 'prescription')" }

attribution "trailing_exposure" {
  conversion      = "event == 'prescription'"
  value           = "revenue"
  lookback        = "36h"
  remove_trailing = ["email"]
  path            = "exposure"
  model           = "linear"
}
attribution "firsts" {
  conversion = "event == 'prescription'"
  include    = ["email", "visit"]
  path       = "first"
  model      = "position"
}
attribution "frequency" {
  conversion = "event == 'prescription'"
  path       = "frequency"
  model      = "markov"
}
attribution "spend_window" {
  conversion   = "event == 'prescription'"
  value        = "revenue"
  spend_window = "7d"
  model        = "last"
}
