# Monthly cohort retention of 2025's new customers: a customer's cohort is
# the month of his first order ever (order_rank 1) if it was in 2025, found
# over his whole history whatever the scope; the triangle counts each
# cohort's buyers 0, 1, 2 … months later, then as a share of the cohort
# (its month 0). The customers who first ordered before 2025, or never,
# have no cohort: the row (none).
cohort "new_2025" {
  label  = "Month of the first order, 2025"
  when   = "event == 'order' && order_rank == 1 && ts >= date('2025-01-01')"
  period = "month"
}

scorecard "retention" {
  label       = "Monthly cohort retention of 2025's new customers"
  kpis        = [kpi.buyers]
  by          = [["cohort.new_2025", "cohort.new_2025.offset"]]
  objectives  = []
  loyalty     = []
  attribution = []
}
