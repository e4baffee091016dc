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

trait "tenure" {
  label   = "Days from his first order to the end of the year"
  formula = "days_since_first(event == 'order')"
}

trait "store_buyer" {
  label   = "Ordered in a store"
  formula = "count(event == 'order' && channel == 'store') >= 1"
}

# Research online, purchase offline. The exact rule (a store order that
# follows an online view of the same category by 14 days at most) looks
# back from each order over the views before it, which a trait, one value
# per person and year, cannot do: ropo is the closest per-year rule, checked
# against the exact one in README.md.
trait "view_to_store_days" {
  label   = "Days from his last online product view to his last store order"
  formula = "days_between(last_time(online && event == 'product_view'), last_time(channel == 'store' && event == 'order'))"
}

trait "ropo" {
  label   = "Viewed a product online, then bought in a store within 14 days"
  formula = "view_to_store_days >= 0 && view_to_store_days <= 14"
}
