# Top paths at their ties, and keys whose text sorts apart from their
# paths': see attribution_top_paths_test.go.
project "top_paths" {}

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

attribution "top_two" {
  paths     = source.paths
  model     = "first"
  top_paths = 2
}

attribution "by_frequency" {
  paths     = source.paths
  model     = "first"
  path      = "frequency"
  top_paths = 3
}
