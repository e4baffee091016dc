# Objectives: SMART targets for one KPI in one population, judged on the
# data's last date (2026-10-31), or on the deadline when it is earlier,
# against the straight line from the baseline to the target. A measured
# baseline is the KPI in the month before the one that holds start.

objective "app_brings_visitors_back" {
  label       = "The new app brings visitors back"
  description = "The app relaunched on 2026-03-02 (order ahead, loyalty card in the app) should make one-off visitors who are not yet members come back: 15 more points of returning visitors among them by the end of June."
  kpi         = kpi.returning_visitor_rate
  segment     = segment.non_members
  target      = "+15pp" # from the measured baseline: February 2026
  start       = "2026-03-01"
  deadline    = "2026-06-30"
  owner       = "digital-team"
}

objective "cheaper_search_conversions" {
  label       = "Search ads convert for less"
  description = "New landing pages (live 2026-09-01) and a bid review should cut the cost of a search-ad conversion by a quarter by the end of the year."
  kpi         = kpi.cost_per_conversion
  channel     = channel.search_ads
  target      = "-25%" # from the measured baseline: June 2026
  start       = "2026-07-01"
  deadline    = "2026-12-31"
  owner       = "paid-media-agency"
}

objective "postcards_redeemed" {
  label       = "One postcard coupon in eight redeemed"
  description = "The new postcard offer (a free pastry, from July) should bring the redemption rate of postcard coupons to 12% before the Christmas season."
  kpi         = kpi.redemption_rate
  channel     = channel.direct_mail
  target      = 0.12
  start       = "2026-05-01"
  deadline    = "2026-10-31"
  owner       = "crm-team"
}

objective "more_social_mentions" {
  label       = "20% more social mentions"
  description = "The summer hashtag contest should leave the brand talked about more: 20% more mentions on social networks in September than in March."
  kpi         = kpi.mentions
  channel     = channel.social
  target      = "+20%" # from the measured baseline: March 2026
  start       = "2026-04-01"
  deadline    = "2026-09-30"
  owner       = "community-manager"
}

objective "positive_social_mentions" {
  label       = "Two social mentions in three positive"
  description = "The share of positive mentions on social networks should reach 65% by September, from 53% in March."
  kpi         = kpi.positive_mention_share
  channel     = channel.social
  target      = 0.65
  start       = "2026-04-01"
  deadline    = "2026-09-30"
  owner       = "community-manager"
}
