# A trait's history is "all" or a trailing window in days; a reference date
# (as_of, of the project or a ladder) is a date written YYYY-MM-DD.

project "p" {
  as_of = "31/12/2026" # ERROR: Invalid date
}

source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}

trait "a" {
  formula = "count()"
  history = "1y" # ERROR: Invalid history
}

trait "b" {
  formula = "count()"
  history = "0d" # ERROR: Invalid history
}

trait "c" {
  formula = "count()"
  history = "36526d" # ERROR: Invalid history
}

trait "d" {
  formula = "count()"
  history = "ALL" # ERROR: Invalid history
}

trait "e" {
  formula = "count()"
  history = 365 # ERROR: Invalid history
}

loyalty "l" {
  as_of = "2026-02-30" # ERROR: Invalid date
  stage "none" {}
  stage "some" { when = "count() > 0" }
}
