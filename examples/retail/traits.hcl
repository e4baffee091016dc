# Traits: one value per person and year, over that person's touchpoints of
# the year (over the whole window in a whole-window cell).

trait "orders_placed" {
  label   = "Orders"
  formula = "count(event == 'order')"
}

trait "spent" {
  label   = "Revenue from his orders (EUR)"
  formula = "sum(amount, event == 'order')"
}

trait "purchase_channels" {
  label   = "Sales channels he ordered in (store, web, app)"
  formula = "count_distinct(channel, event == 'order')"
}

trait "new_customer" {
  label   = "Placed his first order ever"
  formula = "count(event == 'order' && order_rank == 1) >= 1"
}

# Recency and the age of the relationship, named once for the ladders'
# rules: measured at the year's end over all his orders before it.
trait "recency" {
  label   = "Days from his last order to the end of the year"
  formula = "days_since_last(event == 'order')"
}

trait "ordered_before" {
  label   = "Has ordered, this year or before"
  history = "all"
  formula = "count(event == 'order') >= 1"
}

trait "tenure" {
  label   = "Days from his first order to the end of the year"
  formula = "days_since_first(event == 'order')"
}
