# Without a format attribute, the path's extension must tell the format.

source "visits" {
  path     = "data/visits.xlsx" # ERROR: Unknown file format
  customer = "hcp_id"
  time     = "ts"
}

source "doctors" {
  path = "data/doctors" # ERROR: Unknown file format
  key  = "hcp_id"
}

source "costs" {
  path   = "data/costs.xlsx"
  format = "csv"
  time   = "day"
  amount = "eur"
}
