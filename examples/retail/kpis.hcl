kpi "buyers" {
  label   = "Customers who ordered"
  format  = "integer"
  formula = "count_distinct(customer)"
}

kpi "orders" {
  format  = "integer"
  formula = "count()"
}

kpi "revenue" {
  format  = "currency"
  formula = "sum(amount)"
}

kpi "average_basket" {
  label   = "Average basket"
  format  = "currency"
  formula = "avg(amount)"
}
