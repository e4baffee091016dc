# Objectives for 2025: SMART targets for one KPI in one population, judged
# on the data's last date (2025-12-31) against the straight line from the
# baseline (measured: the KPI in 2024, unless given) to the target.

objective "families_multichannel" {
  label       = "More families buy in two channels"
  description = "Three more points of multichannel buyers among families in 2025, through click & collect and the app."
  kpi         = kpi.multichannel_rate
  segment     = segment.families
  target      = "+3pp"
  start       = "2025-01-01"
  deadline    = "2025-12-31"
  owner       = "omnichannel-lead"
}

objective "web_click_collect" {
  label       = "Click & collect reaches 45% of web orders"
  description = "45% of the web site's orders collected in a store in 2025 (2024: 43%)."
  kpi         = kpi.click_collect_rate
  channel     = channel.web
  target      = 0.45
  start       = "2025-01-01"
  deadline    = "2025-12-31"
  owner       = "ecommerce-manager"
}

objective "cheaper_spring_customers" {
  label       = "The 2025 spring promo wins customers 10% cheaper"
  description = "Marketing spend per new customer during the 2025 spring promo, 10% below the 2024 promo's (154 EUR)."
  kpi         = kpi.cac
  campaign    = campaign.spring_2025
  baseline    = 154
  target      = "-10%"
  direction   = "down"
  start       = "2025-03-17"
  deadline    = "2025-04-13"
  owner       = "acquisition-manager"
}
