# One source of each role and a lookup. Formats: the extensions', unless set.

source "visits" {
  path     = "data/visits/*.parquet"
  customer = "hcp_id"
  time     = "ts"
  channel  = "channel"
}

source "doctors" {
  path = "data/doctors.TSV"
  key  = "hcp_id"
}

source "costs" {
  path    = "data/costs.export"
  format  = "json"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}

source "assets" { # the content each touchpoint showed
  path = "data/assets.parquet"
  key  = "asset_id"
  on   = "content_id"
}
