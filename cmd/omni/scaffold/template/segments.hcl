# Segments select customers by their attributes (data/customers.csv).

segment "under_35" {
  label = "Customers under 35"
  where = "age < 35"
}

segment "loyal" {
  label = "Gold and silver tiers"
  where = "tier in ['gold', 'silver']"
}
