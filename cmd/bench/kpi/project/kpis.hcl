kpi "reach" { formula = "count_distinct(customer)" }
kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }
kpi "conversion_rate" { formula = "buyers / reach" }
kpi "touches" { formula = "count()" }
kpi "touches_per_customer" { formula = "touches / reach" }
kpi "purchases" { formula = "count(event == 'purchase')" }
kpi "revenue" { formula = "sum(amount, event == 'purchase')" }
kpi "basket" { formula = "avg(amount, event == 'purchase')" }
kpi "median_basket" { formula = "median(amount, event == 'purchase')" }
kpi "items_sold" { formula = "sum(items, event == 'purchase')" }
kpi "items_per_purchase" { formula = "items_sold / purchases" }
kpi "clicks" { formula = "count(event == 'click')" }
kpi "click_rate" { formula = "clicks / count(event in ['click', 'impression'])" }
kpi "carts" { formula = "count(event == 'add_to_cart')" }
kpi "cart_conversion" { formula = "purchases / carts" }
kpi "offline_share" { formula = "count(!online) / touches" }
kpi "paid_share" { formula = "count(media == 'paid') / touches" }
kpi "multichannel_rate" { formula = "share(channels_used >= 2)" }
kpi "repeat_rate" { formula = "share(purchase_count >= 2)" }
kpi "cost" { formula = "spend()" }
kpi "roas" { formula = "revenue / spend()" }
kpi "cac" { formula = "spend() / buyers" }
