# Experiments whose KPIs no customer's touchpoints give, and assignments
# that do not compile. The data is that of ../experiment.

source "touchpoints" {
  path     = "../experiment/touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}
source "customers" {
  path = "../experiment/customers.csv"
  key  = "customer_id"
}

trait "purchases" { formula = "count(event == 'purchase')" }

kpi "buyers"       { formula = "count_distinct(customer, event == 'purchase')" }
kpi "repeat_share" { formula = "share(purchases >= 2)" }
kpi "penetration"  { formula = "buyers / base_count()" }
kpi "buyers_prev"  { formula = "previous(buyers)" }
kpi "growth"       { formula = "change(buyers)" }
kpi "retention"    { formula = "retained_customers() / previous(count_distinct(customer))" }

experiment "customer_aggregates" {
  assignment = "message"
  control    = "A"
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis = [
    kpi.buyers,
    kpi.repeat_share, # ERROR: KPI not computable per customer
    kpi.penetration,  # ERROR: KPI not computable per customer
  ]
}

experiment "period_comparisons" {
  assignment = "message"
  control    = "A"
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis = [
    kpi.buyers_prev, # ERROR: KPI compares periods
    kpi.growth,      # ERROR: KPI compares periods
    kpi.retention,   # ERROR: KPI compares periods
  ]
}

experiment "unknown_column" {
  assignment = "mesage" # ERROR: Unknown name
  control    = "A"
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.buyers]
}
