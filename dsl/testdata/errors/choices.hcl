# Some string attributes take one of a few words; a near miss is named.

project "launch" {
  grain = "quartr" # ERROR: Invalid value
}

channel "display" {
  media = "payd" # ERROR: Invalid value
}

source "visits" {
  path     = "data/visits.parquet"
  format   = "parket" # ERROR: Invalid value
  customer = "hcp_id"
  time     = "ts"
}

kpi "rate" {
  format  = "Percent" # ERROR: Invalid value
  formula = "count() / 2"
}
