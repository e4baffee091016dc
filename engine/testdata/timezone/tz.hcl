# Times with a zone are read as local times of the project's time zone:
# periods and campaign windows are local. The source is a glob of two files.
project "tz" {
  timezone = "Europe/Paris"
  grain    = "month"
}
source "touchpoints" {
  path     = "tp/*.csv"
  customer = "id"
  time     = "ts"
}
kpi "visits" { formula = "count(event == 'visit')" }
campaign "april" {
  start = "2026-04-01"
  end   = "2026-04-30"
}
