# Every project with sources has a touchpoints source.

source "doctors" { # ERROR: No touchpoints source
  path = "data/doctors.csv"
  key  = "hcp_id"
}

source "costs" {
  path   = "data/costs.csv"
  time   = "day"
  amount = "eur"
}
