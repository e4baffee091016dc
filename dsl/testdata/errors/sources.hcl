# A source's role comes from its columns: customer (touchpoints), key
# (customers) or amount (spend). A project has one source of each role.

source "visits" {
  path     = "data/visits.csv"
  customer = "hcp_id"
  time     = "ts"
}

source "calls" { # ERROR: Second touchpoints source
  path     = "data/calls.csv"
  customer = "hcp_id"
  time     = "ts"
}

source "events" { # ERROR: Missing time column # ERROR: Second touchpoints source
  path     = "data/events.csv"
  customer = "hcp_id"
}

source "doctors" { # ERROR: Mixed source roles
  path = "data/doctors.csv"
  key  = "hcp_id"
  time = "updated_at"
}

source "costs" { # ERROR: Missing time column
  path   = "data/costs.csv"
  amount = "eur"
}

source "mixed" { # ERROR: Mixed source roles # ERROR: Second touchpoints source
  path     = "data/mixed.csv"
  customer = "hcp_id"
  time     = "ts"
  amount   = "eur"
}

source "misc" { # ERROR: Source without a role
  path = "data/misc.csv"
}
