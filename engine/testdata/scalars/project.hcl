# Every scalar function and operator of formulas, in KPIs: the same values
# on DuckDB and on PostgreSQL (TestFeaturesSameOnPostgres).
project "scalars" { grain = "quarter" }

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer"
  time     = "ts"
  channel  = "channel"
}

kpi "weekdays" { formula = "count(weekday(time) <= 5)" }
kpi "evenings" { formula = "count(hour(time) >= 18)" }
kpi "in_2026" { formula = "count(year(time) == 2026)" }
kpi "first_quarter" { formula = "count(quarter(time) == 1)" }
kpi "february" { formula = "count(month(time) == 2)" }
kpi "first_week" { formula = "count(day(time) <= 7)" }
kpi "rounded" { formula = "sum(round(amount))" }
kpi "rounded_2" { formula = "sum(round(amount, 2))" }
kpi "rounded_1" { formula = "sum(round(amount, 1))" }
kpi "floors" { formula = "sum(floor(amount))" }
kpi "ceils" { formula = "sum(ceil(amount))" }
kpi "absolute" { formula = "sum(abs(amount))" }
kpi "lowered" { formula = "count(lower(channel) == 'web')" }
kpi "uppered" { formula = "count(upper(channel) == 'WEB')" }
kpi "trimmed" { formula = "count(trim(code) != '')" }
kpi "lengths" { formula = "sum(length(code))" }
kpi "since_february" { formula = "count(time >= date('2026-02-01'))" }
kpi "days" { formula = "max(days_between(date('2026-01-01'), time))" }
kpi "joined" { formula = "count(lower(channel) + '-' + trim(code) == 'web-a')" }
kpi "remainders" { formula = "sum(units % 3)" }
kpi "halves" { formula = "sum(units / 2)" }
kpi "squares" { formula = "sum(units ** 2)" }
kpi "negated" { formula = "sum(-units)" }
