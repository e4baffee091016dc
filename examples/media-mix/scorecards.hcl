# Three scorecards: the year month by month, by media family and channel,
# with the objectives; the audience by segment; and the summer push against
# the spring campaign (omni diff --campaigns spring summer
# out/summer_vs_spring.json).

scorecard "year" {
  label       = "Owned, paid and earned media, month by month"
  description = "The headline KPIs over the twelve months and each campaign, by media family and channel, with the objectives; their counts (impressions, clicks, landing visits, coupons issued) are in summer_vs_spring."
  kpis = [
    kpi.site_visits, kpi.unique_visitors, kpi.returning_visitor_rate,
    kpi.paid_reach, kpi.paid_ctr, kpi.landing_conversion_rate,
    kpi.conversions, kpi.media_cost, kpi.cost_per_conversion, kpi.paid_cost_per_conversion,
    kpi.coupons_redeemed, kpi.redemption_rate,
    kpi.social_shares, kpi.mentions, kpi.positive_mention_share,
    kpi.owned_share, kpi.paid_share, kpi.earned_share,
  ]
  by      = ["media", "channel"]
  loyalty = []
}

scorecard "audience" {
  label       = "Who visits, converts and talks about the brand"
  description = "The site, conversions, coupons and mentions by segment."
  kpis = [
    kpi.site_visits, kpi.unique_visitors, kpi.returning_visitor_rate, kpi.paid_reach,
    kpi.conversions, kpi.coupons_redeemed, kpi.mentions, kpi.earned_share,
  ]
  by         = ["segment"]
  objectives = []
}

scorecard "summer_vs_spring" {
  label       = "Summer push against the spring campaign"
  description = "What the summer push did, lever by lever, next to the spring campaign."
  campaign    = campaign.summer
  compare     = campaign.spring
  kpis = [
    kpi.paid_reach, kpi.ad_impressions, kpi.ad_clicks, kpi.paid_ctr,
    kpi.landing_visits, kpi.landing_conversions, kpi.landing_conversion_rate,
    kpi.conversions, kpi.media_cost, kpi.cost_per_conversion,
    kpi.coupons_issued, kpi.coupons_redeemed, kpi.redemption_rate,
    kpi.social_shares, kpi.mentions, kpi.positive_mention_share,
  ]
  by         = ["media", "channel"]
  objectives = []
  loyalty    = []
}
