# Seven customers' purchases over two years: RFM scores as traits, with
# their ties. ranks_test.go computes every number by hand.
project "scores" {
  grain = "year"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
}
source "customers" {
  path = "customers.csv"
  key  = "id"
}

trait "recency" { formula = "days_since_last(event == 'purchase')" }
trait "monetary" {
  formula = "sum(amount, event == 'purchase')"
  history = "all"
}

# Tertiles: 3 for the most recent and the highest amounts.
trait "r_score" { formula = "ntile(-recency, 3)" }
trait "m_score" { formula = "ntile(monetary, 3)" }
trait "m_rank" { formula = "rank(monetary)" }
trait "m_percent" { formula = "percent_rank(monetary)" }
# A code of the scores, and a group of customers by them.
trait "rfm" { formula = "r_score * 10 + m_score" }
trait "champion" { formula = "r_score >= 2 && m_score >= 2" }

kpi "r" { formula = "max(r_score)" }
kpi "m" { formula = "max(m_score)" }
kpi "m_position" { formula = "max(m_rank)" }
kpi "m_share_below" { formula = "max(m_percent)" }
kpi "code" { formula = "max(rfm)" }
kpi "champions" { formula = "count(champion)" }

scorecard "scores" {
  by = ["who"]
}

# Segments on traits: a customer is in one in a period when his row of the
# period meets it, and over the whole data when his row over it does.
segment "champions" { where = "r_score >= 2 && m_score >= 2" }
segment "top_or_d" { where = "m_score == 3 || who == 'D'" }
segment "low_m" { where = "m_score == 1" }
# A segment on attributes alone, beside them.
segment "a" { where = "who == 'A'" }

kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }
kpi "revenue" { formula = "sum(amount)" }
kpi "mean_monetary" { formula = "avg(monetary)" }
kpi "retained" { formula = "retained_customers()" }

scorecard "segments" {
  kpis = [kpi.buyers, kpi.revenue, kpi.mean_monetary, kpi.champions, kpi.retained]
  by   = ["segment"]
}
