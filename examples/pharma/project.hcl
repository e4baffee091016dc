# An HCP omnichannel launch: a fictional brand promoted to 4,000 French
# healthcare professionals (HCPs) by reps, email, webinars, congresses,
# display ads and phone, with a launch campaign in two waves.

project "hcp_launch" {
  timezone = "Europe/Paris"
  currency = "EUR"
  grain    = "quarter"
}

source "touchpoints" {
  path     = "data/touchpoints.parquet"
  customer = "hcp_id"
  time     = "ts"
  channel  = "channel"
}

source "hcps" {
  path = "data/hcps.csv"
  key  = "hcp_id"
}

source "spend" {
  path    = "data/spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}

# A lookup: one row per content asset (an email template, an e-detail aid, a
# video…), whose format, topic and tags the touchpoints that name it take on.
source "assets" {
  path = "data/assets.parquet"
  key  = "asset_id"
  on   = "asset_id"
}
