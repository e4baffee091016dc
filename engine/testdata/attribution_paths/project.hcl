# Path summaries read as they are, without one row per touch: see
# attribution_paths_test.go.
project "summaries" {}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
}

# pychattr's README example of ChannelAttribution's Markov model.
source "pychattr" {
  path        = "pychattr.csv"
  paths       = "path"
  separator   = " >>> "
  conversions = "conversions"
  value       = "revenue"
}

# ChannelAttribution's column names: total_conversions, total_null,
# total_conversion_value.
source "shop" {
  path            = "shop.csv"
  paths           = "path"
  conversions     = "total_conversions"
  non_conversions = "total_null"
  value           = "total_conversion_value"
}

attribution "pychattr_markov" {
  paths = source.pychattr
  path  = "exposure"
  model = "markov"
}

attribution "first" {
  paths     = source.shop
  model     = "first"
  top_paths = 1
}
attribution "last" {
  paths = source.shop
  model = "last"
}
attribution "linear" {
  paths = source.shop
  model = "linear"
}
attribution "shapley" {
  paths = source.shop
  model = "shapley"
}
attribution "markov" {
  paths = source.shop
  model = "markov"
}
attribution "without_display" {
  paths   = source.shop
  exclude = ["display"]
  model   = "markov"
}

# Rows of Google Fractribution's example path summary
# (py/fractribution_model/tests/example_path_summary.csv), in its column
# names.
source "google" {
  path            = "google.csv"
  paths           = "path"
  conversions     = "total_conversions"
  non_conversions = "total_non_conversions"
}

attribution "fractribution" {
  paths = source.google
  model = "fractribution"
}
