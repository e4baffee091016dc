# Paths of 31 and 32 steps over two keys: the longest whose code fits in
# an integer, and the shortest that is a list. See
# attribution_top_paths_test.go.
project "long_paths" {}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
}

source "paths" {
  path            = "paths.csv"
  paths           = "path"
  conversions     = "conversions"
  non_conversions = "non_conversions"
}

attribution "first" {
  paths     = source.paths
  model     = "first"
  top_paths = 3
}

attribution "fractribution" {
  paths = source.paths
  model = "fractribution"
}
