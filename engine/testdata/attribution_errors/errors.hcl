# Attributions that load but do not compile against the sources. The data is
# that of ../attribution, read without a channel column.
project "errors" {}

source "touchpoints" {
  path     = "../attribution/touchpoints.csv"
  customer = "id"
  time     = "ts"
}
source "customers" {
  path = "../attribution/customers.csv"
  key  = "id"
}

segment "gp" { where = "specialty == 'GP'" }

attribution "no_key" { # ERROR: Attribution without a key
  conversion = "event == 'prescription'"
  model      = "last"
}

attribution "formulas" {
  conversion = "evnt == 'prescription'" # ERROR: Unknown name
  touch      = "count() > 1" # ERROR: Misplaced aggregate
  value      = "event" # ERROR: Number expected
  key        = "campaign"
  model      = "linear"
}

attribution "by_column" {
  conversion = "event == 'prescription'"
  key        = "campaign"
  model      = "first"
  by         = ["segment", "event"] # ERROR: Attribution not by segment
}

attribution "spend_window" { # this project has no spend source
  conversion   = "event == 'prescription'"
  key          = "campaign"
  model        = "last"
  spend_window = "90d" # ERROR: Spend window without spend by key
}
