# More keys (71) than the bits of an integer: the journeys' sets of keys
# are lists of the keys' numbers. See attribution_top_paths_test.go.
project "many_keys" {}

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

attribution "linear" {
  paths     = source.paths
  model     = "linear"
  top_paths = 2
}
