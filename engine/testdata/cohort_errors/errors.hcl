# Cohorts misused in breakdowns: an unknown cohort, a KPI over customers'
# traits by a cohort. The data is that of ../cohorts.
project "errors" {
  grain = "month"
}

source "touchpoints" {
  path     = "../cohorts/touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

cohort "first_order" {
  when = "event == 'order'"
}

trait "orders" { formula = "count(event == 'order')" }
kpi "buyers" { formula = "count_distinct(customer, event == 'order')" }
kpi "orders_per_customer" {
  formula = "avg(orders)"
  by      = ["cohort.first_order"] # ERROR: Breakdown without meaning
}

scorecard "retention" {
  kpis = [kpi.buyers]
  by   = [["cohort.first_ordr", "cohort.first_order.offset"]] # ERROR: Unknown cohort
}
