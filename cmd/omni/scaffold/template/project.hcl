# The project: settings, and the data omni reads. Paths are relative to
# this folder. Replace the sample data in data/ with your own exports.

project "PROJECT_NAME" {
  timezone = "UTC"
  currency = "EUR"
  grain    = "month"
}

source "touchpoints" {
  path     = "data/touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
  channel  = "channel"
}

source "customers" {
  path = "data/customers.csv"
  key  = "customer_id"
}

source "spend" {
  path    = "data/spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "cost"
}
