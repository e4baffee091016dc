# The ladder's periods are local to the project's time zone: in Paris, A's
# visits (2026-03-31 21:30 and 22:30 UTC) fall in March and April, B's
# (2026-04-30 22:30 UTC) in May.
project "tz" {
  timezone = "Europe/Paris"
  grain    = "quarter"
}
source "touchpoints" {
  path     = "../timezone/tp/*.csv"
  customer = "id"
  time     = "ts"
}
loyalty "visits" {
  period = "month"
  stage "quiet" {}
  stage "visitor" { when = "count(event == 'visit') >= 1" }
}
