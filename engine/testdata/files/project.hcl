# Files read through their options: touchpoints without a header row,
# semicolon-separated, with their own null strings and day-first times;
# tab-separated spend with month-first days. See file_options_test.go.
project "files" {
  grain = "month"
}

source "touchpoints" {
  path        = "touchpoints.txt"
  format      = "csv"
  header      = false
  columns     = ["person", "at", "channel", "amount"]
  delimiter   = ";"
  null        = ["NA", "-"]
  time_format = "%d.%m.%Y %H:%M"
  customer    = "person"
  time        = "at"
  channel     = "channel"
}
source "spend" {
  path        = "spend.tsv"
  time        = "day"
  channel     = "channel"
  amount      = "eur"
  null        = "n/a"
  time_format = "%m/%d/%Y"
}

kpi "touches" { formula = "count()" }
kpi "amount" { formula = "sum(amount)" }
kpi "unknown_amounts" { formula = "count(amount == nil)" }
kpi "cost" { formula = "spend()" }
