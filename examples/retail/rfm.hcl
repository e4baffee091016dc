# RFM: each year, every person who showed up that year scores 1 to 5 on
# recency, frequency and monetary value against the others of the year
# (quintiles, 5 the best: the most recent, the most orders, the most
# spent, over all his orders up to the year's end); the code joins the
# three (555 the best), and five named segments map the recency and
# frequency scores, as the classic RFM grid does. A person's segment can
# change from one year to the next. People who never ordered have no
# recency, so no score and no RFM segment.

trait "frequency" {
  label   = "Orders up to the end of the year"
  history = "all"
  formula = "count(event == 'order')"
}

trait "monetary" {
  label   = "Revenue from his orders up to the end of the year (EUR)"
  history = "all"
  formula = "sum(amount, event == 'order')"
}

trait "r_score" {
  label   = "Recency score (5: the most recent fifth)"
  formula = "ntile(-recency, 5)"
}
trait "f_score" {
  label   = "Frequency score"
  formula = "ntile(frequency, 5)"
}
trait "m_score" {
  label   = "Monetary score"
  formula = "ntile(monetary, 5)"
}
trait "rfm_code" {
  label   = "RFM code (555: the best on all three)"
  formula = "r_score * 100 + f_score * 10 + m_score"
}

segment "champions" {
  label = "RFM: champions (recent and frequent)"
  where = "r_score >= 4 && f_score >= 4"
}
segment "loyal" {
  label = "RFM: loyal (frequent, fairly recent)"
  where = "r_score >= 3 && f_score >= 3 && !(r_score >= 4 && f_score >= 4)"
}
segment "promising" {
  label = "RFM: promising (recent, few orders)"
  where = "r_score >= 4 && f_score <= 2"
}
segment "at_risk" {
  label = "RFM: at risk (frequent once, not lately)"
  where = "r_score <= 2 && f_score >= 3"
}
segment "hibernating" {
  label = "RFM: hibernating (neither)"
  where = "r_score <= 2 && f_score <= 2"
}

kpi "top_rfm_customers" {
  label   = "Customers coded 555"
  format  = "integer"
  formula = "count(rfm_code == 555)"
}
kpi "mean_monetary" {
  label   = "Mean revenue per customer up to the year's end"
  format  = "currency"
  formula = "avg(monetary)"
}

scorecard "rfm" {
  label       = "RFM segments"
  kpis        = [kpi.buyers, kpi.revenue, kpi.revenue_per_buyer, kpi.mean_monetary, kpi.top_rfm_customers]
  by          = ["segment"]
  objectives  = []
  loyalty     = []
  attribution = []
}
