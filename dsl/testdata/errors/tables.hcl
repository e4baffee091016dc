# A source reads files (path) or a table of the database (table): one of
# the two, a table named "schema.table" or "table", and no option of files
# beside a table.

source "visits" {
  table    = "analytics.visits"
  customer = "hcp_id"
  time     = "ts"
  types    = { ts = "TIMESTAMP" }
}

source "doctors" {
  path  = "data/doctors.csv"
  table = "crm.doctors" # ERROR: Both path and table
  key   = "hcp_id"
}

source "assets" {
  table = "warehouse.crm.assets" # ERROR: Invalid table name
  key   = "id"
  on    = "asset"
}

source "products" {
  table = "crm." # ERROR: Invalid table name
  key   = "sku"
  on    = "sku"
}

source "regions" {
  table     = "regions"
  key       = "region"
  on        = "region"
  delimiter = ";" # ERROR: Option of files
}

source "costs" {
  table       = "finance.costs"
  time        = "day"
  amount      = "eur"
  time_format = "%d.%m.%Y" # ERROR: Option of files
}

source "brands" {
  table  = "brands"
  key    = "brand"
  on     = "brand"
  format = "csv" # ERROR: Option of files
}
