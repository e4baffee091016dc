# File options: CSV ones on CSV files only; a file without a header names
# its columns, once each; a delimiter is one character; null strings are
# strings; a time format is not empty.

source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  header   = false # ERROR: Columns not named
}
source "people" {
  path    = "people.parquet"
  key     = "id"
  header  = false # ERROR: Option of CSV files
  columns = ["id"]
}
source "spend" {
  path    = "spend.csv"
  time    = "day"
  amount  = "eur"
  columns = ["day", "eur"] # ERROR: Columns with a header
}
source "assets" {
  path      = "assets.csv"
  key       = "id"
  on        = "asset"
  delimiter = ";;" # ERROR: Invalid delimiter
}
source "products" {
  path    = "products.csv"
  key     = "sku"
  on      = "sku"
  header  = false
  columns = ["sku", "name", "sku"] # ERROR: Invalid column name
}
source "regions" {
  path = "regions.csv"
  key  = "region"
  on   = "region"
  null = [1, {}] # ERROR: Incorrect attribute value type
}
source "stores" {
  path        = "stores.json"
  key         = "store"
  on          = "store"
  time_format = "" # ERROR: Empty time format
}
source "clicks" {
  path   = "clicks.csv"
  key    = "click"
  on     = "click"
  header = "no" # ERROR: Incorrect attribute value type
}
