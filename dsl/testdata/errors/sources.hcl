# A source's role comes from its columns: customer (touchpoints), key
# (customers) or amount (spend). A project has one source of each role but
# lookups.

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

# A lookup (key and on) adds the columns of a file to the touchpoints that
# name one of its keys; several lookups, each on its own touchpoint column.
source "assets" {
  path = "data/assets.csv"
  key  = "asset_id"
  on   = "asset_id"
}

source "products" {
  path = "data/products.csv"
  key  = "sku"
  on   = "sku"
}

source "asset_tags" {
  path = "data/asset_tags.csv"
  key  = "asset_id"
  on   = "asset_id" # ERROR: Second lookup on one column
}

source "keyless" { # ERROR: Missing key column
  path = "data/keyless.csv"
  on   = "brochure_id"
}

source "dated_assets" { # ERROR: Mixed source roles
  path = "data/dated_assets.csv"
  key  = "video_id"
  on   = "video_id"
  time = "updated_at"
}
