# KPIs, one number per scorecard cell (scope, segment or channel, year).
# "Orders" are identified orders: a customer known by his loyalty card in
# a store, by his account on the web and in the app. Store receipts
# without a card and partner sales come as daily totals without a customer.

# --- Reach and sales --------------------------------------------------------

kpi "contacts" {
  label       = "People in touch"
  description = "People with at least one touchpoint: a view, a visit, an order, an email opened, an ad clicked, a code or a survey answer."
  format      = "integer"
  formula     = "count_distinct(customer)"
}

kpi "buyers" {
  label       = "Buyers"
  description = "People with at least one identified order."
  format      = "integer"
  formula     = "count_distinct(customer, event == 'order')"
}

kpi "orders" {
  label       = "Identified orders"
  description = "Orders tied to a customer (loyalty card in store, account online)."
  format      = "integer"
  formula     = "count(event == 'order')"
}

kpi "revenue" {
  label       = "Direct revenue"
  description = "Sales in the retailer's own channels: identified orders and store receipts without a loyalty card. By segment: identified orders only (a receipt without a card has no customer)."
  format      = "currency"
  formula     = "sum(amount, event in ['order', 'unidentified_sales'])"
}

kpi "super_revenue" {
  label       = "Super revenue"
  description = "Direct revenue plus indirect sales, across channels: the marketplace and the department-store corners (partners' daily sell-out). By segment: identified orders only."
  format      = "currency"
  formula     = "sum(amount, event in ['order', 'unidentified_sales', 'partner_sale'])"
}

kpi "average_basket" {
  label       = "Average basket"
  description = "Revenue per identified order."
  format      = "currency"
  formula     = "avg(amount, event == 'order')"
}

# --- Omnichannel ------------------------------------------------------------

kpi "conversion_rate" {
  label       = "Omnichannel conversion rate"
  description = "Share of the people in touch who ordered, in any channel."
  format      = "percent"
  formula     = "share(orders_placed >= 1)"
}

kpi "multichannel_buyers" {
  label       = "Multichannel buyers"
  description = "Buyers who ordered in two sales channels or more (store, web, app)."
  format      = "integer"
  formula     = "count(purchase_channels >= 2)"
}

kpi "multichannel_rate" {
  label       = "Multichannel-customer rate"
  description = "Share of the buyers who ordered in two sales channels or more."
  format      = "percent"
  formula     = "multichannel_buyers / buyers"
}

kpi "channel_gap" {
  label       = "Channel performance gap (basket, stores vs digital)"
  description = "How much bigger the average store basket is than the average web and app basket: store basket / digital basket - 1."
  format      = "percent"
  formula     = "avg(amount, event == 'order' && channel == 'store') / avg(amount, event == 'order' && channel in ['web', 'app']) - 1"
}

kpi "click_collect_rate" {
  label       = "Click & collect usage rate"
  description = "Share of the web and app orders collected in a store."
  format      = "percent"
  formula     = "count(event == 'order' && fulfilment == 'click_collect') / count(event == 'order' && channel in ['web', 'app'])"
}

kpi "ropo_rate" {
  label       = "ROPO rate"
  description = "Research online, purchase offline: share of the store orders that came at most 14 days after an online product view of the same customer (of any category: see README.md)."
  format      = "percent"
  formula     = "count(event == 'order' && channel == 'store' && had_before(online && event == 'product_view', 14)) / count(event == 'order' && channel == 'store')"
}

kpi "cross_sell_revenue" {
  label       = "Cross-selling revenue"
  description = "Revenue, in repeat orders, from product categories the customer had never bought before (his first order is acquisition, not cross-selling)."
  format      = "currency"
  formula     = "sum(new_category_amount, event == 'order' && order_rank > 1)"
}

kpi "cross_sell_rate" {
  label       = "Cross-selling rate"
  description = "Share of the repeat orders with a product category new to the customer."
  format      = "percent"
  formula     = "count(event == 'order' && order_rank > 1 && new_category_amount > 0) / count(event == 'order' && order_rank > 1)"
}

# --- Offline tracking -------------------------------------------------------

kpi "card_identification_rate" {
  label       = "Loyalty-card identification rate"
  description = "Share of store sales (EUR) with a loyalty card scanned at the till. Receipts without a card have no customer: by segment the rate is 100% by construction."
  format      = "percent"
  formula     = "sum(amount, event == 'order' && channel == 'store') / sum(amount, channel == 'store' && event in ['order', 'unidentified_sales'])"
}

kpi "promo_code_rate" {
  label       = "Orders with a promo code"
  description = "Share of identified orders with a promo code; each code tells the channel that gave it out (promo_redemption touchpoints)."
  format      = "percent"
  formula     = "count(event == 'order' && promo_code != nil) / orders"
}

kpi "promo_redemptions" {
  label       = "Promo codes redeemed"
  description = "By channel: the channel that gave the code out (welcome, referral and spring codes)."
  format      = "integer"
  formula     = "count(event == 'promo_redemption')"
}

kpi "qr_scans" {
  label       = "QR codes scanned"
  description = "By channel: store posters and shelf labels, flyers."
  format      = "integer"
  formula     = "count(event == 'qr_scan')"
}

kpi "survey_answers" {
  label       = "\"How did you hear of us?\" answers"
  description = "Answers to the question asked at a first order; by channel: the channel the answer names."
  format      = "integer"
  formula     = "count(event == 'survey_answer')"
}

# --- Acquisition, retention, value ------------------------------------------

kpi "new_customers" {
  label       = "New customers"
  description = "People who placed their first order ever."
  format      = "integer"
  formula     = "count(new_customer)"
}

kpi "marketing_spend" {
  label   = "Marketing spend"
  format  = "currency"
  formula = "spend()"
}

kpi "cac" {
  label       = "Customer acquisition cost (blended)"
  description = "Marketing spend per new customer. Per channel, see the acquisition attributions: cost per conversion."
  format      = "currency"
  formula     = "spend() / new_customers"
  direction   = "down"
}

kpi "returning_rate" {
  label       = "Returning buyers"
  description = "Share of the year's buyers who had ordered in an earlier year: last year's buyers who order again (retention_rate), and lapsed buyers who come back."
  format      = "percent"
  formula     = "count(orders_placed >= 1 && !new_customer) / buyers"
}

kpi "retention_rate" {
  label       = "Retention rate"
  description = "Share of last year's buyers who order again this year (in the same segment or campaign). Null in the first year of the data, and over the whole window."
  format      = "percent"
  formula     = "retained_customers(orders_placed >= 1) / previous(buyers)"
}

kpi "revenue_per_buyer" {
  label   = "Revenue per buyer"
  format  = "currency"
  formula = "sum(amount, event == 'order') / buyers"
}

kpi "cltv" {
  label       = "Customer lifetime value"
  description = "Gross margin per buyer and year (40% of his revenue) times his expected lifetime in years, 1 / (1 - r), with r the retention rate (null in the first year, which has none)."
  format      = "currency"
  formula     = "revenue_per_buyer * 0.4 / (1 - retention_rate)"
}

kpi "cltv_to_cac" {
  label       = "CLTV / CAC"
  description = "What a customer brings over what he costs to win."
  format      = "number"
  formula     = "cltv / cac"
}
