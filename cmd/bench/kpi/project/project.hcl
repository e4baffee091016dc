# The benchmark project: about 20 KPIs over 8 segments, by channel and per
# quarter, over the whole data and two campaigns. Paths are relative to the
# data folder the benchmark writes (cmd/bench/kpi/main.go copies these files there).
project "bench" {
  timezone = "UTC"
  currency = "EUR"
  grain    = "quarter"
}

source "touchpoints" {
  path     = "touchpoints.parquet"
  customer = "customer_id"
  time     = "ts"
  channel  = "channel"
}
source "customers" {
  path = "customers.parquet"
  key  = "customer_id"
}
source "spend" {
  path    = "spend.parquet"
  time    = "day"
  channel = "channel"
  amount  = "cost"
}

channel "store" {
  media  = "owned"
  online = false
}
channel "web" { media = "owned" }
channel "app" { media = "owned" }
channel "email" { media = "owned" }
channel "social" { media = "earned" }
channel "display" { media = "paid" }
channel "search" { media = "paid" }

segment "young" { where = "age < 30" }
segment "seniors" { where = "age >= 60" }
segment "north" { where = "region == 'north'" }
segment "capital" { where = "region == 'capital'" }
segment "members" { where = "loyalty_member" }
segment "gold" { where = "tier == 'gold'" }
segment "digital" { where = "preferred_channel in ['web', 'app', 'email', 'social']" }
segment "in_store" { where = "preferred_channel == 'store'" }

trait "channels_used" { formula = "count_distinct(channel)" }
trait "purchase_count" { formula = "count(event == 'purchase')" }

campaign "spring_2026" {
  start = "2026-03-01"
  end   = "2026-05-31"
  where = "campaign == 'spring'"
}
campaign "black_friday_2025" {
  start = "2025-11-01"
  end   = "2025-12-15"
  where = "campaign == 'black_friday'"
}
