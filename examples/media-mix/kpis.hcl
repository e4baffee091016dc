# KPIs, by media family. Each is reported per month, and by media, channel
# and segment where that means something (omni plan shows which).

# --- The site ------------------------------------------------------------------

kpi "site_visits" {
  label       = "Site visits"
  description = "Sessions on the site, whatever brought them; by channel, the channel that did."
  format      = "integer"
  formula     = "count(event == 'site_visit')"
}

kpi "unique_visitors" {
  label   = "Unique visitors"
  format  = "integer"
  formula = "count_distinct(customer, event == 'site_visit')"
}

kpi "returning_visitor_rate" {
  label       = "Returning visitors"
  description = "Visitors of the month with a visit that followed an earlier one: an earlier visit in the data (had_before), or a visit on a later day than the person's first visit ever (the first_visit attribute, which knows the visits before the data start). Not by channel nor media: a person visits through several."
  format      = "percent"
  formula     = "count_distinct(customer, event == 'site_visit' && (had_before(event == 'site_visit') || days_between(first_visit, time) >= 1)) / unique_visitors"
  not_by      = ["channel", "media"]
}

# --- Paid media ------------------------------------------------------------------

kpi "paid_reach" {
  label       = "Paid reach"
  description = "People exposed to paid media: shown an ad or sent a coupon postcard."
  format      = "integer"
  formula     = "count_distinct(customer, media == 'paid' && event in ['ad_impression', 'coupon_issued'])"
}

kpi "ad_impressions" {
  label   = "Ad impressions"
  format  = "integer"
  formula = "count(event == 'ad_impression')"
}

kpi "ad_clicks" {
  label   = "Ad clicks"
  format  = "integer"
  formula = "count(event == 'ad_click')"
}

kpi "paid_ctr" {
  label   = "Click-through rate of ads"
  format  = "percent"
  formula = "ad_clicks / ad_impressions"
}

kpi "landing_visits" {
  label       = "Landing-page visits"
  description = "Sessions that start on a campaign landing page (/lp/...): paid clicks, newsletters and shared links during campaigns."
  format      = "integer"
  formula     = "count(event == 'site_visit' && on_landing_page)"
}

kpi "landing_conversions" {
  label   = "Landing-page conversions"
  format  = "integer"
  formula = "count(event == 'conversion' && on_landing_page)"
}

kpi "landing_conversion_rate" {
  label       = "Landing-page conversion rate"
  description = "Sign-ups and orders among the sessions that start on a landing page."
  format      = "percent"
  formula     = "landing_conversions / landing_visits"
}

kpi "conversions" {
  label       = "Conversions"
  description = "Loyalty sign-ups and click-and-collect orders on the site, credited to the channel of their session."
  format      = "integer"
  formula     = "count(funnel == 'conversion')"
}

kpi "media_cost" {
  label       = "Media cost"
  description = "Paid media, and the production costs of owned media (newsletter platform, push service, posters, hosting)."
  format      = "currency"
  formula     = "spend()"
  direction   = "down" # a cost: omni diff calls a rise worse; read it with the conversions
}

kpi "cost_per_conversion" {
  label       = "Cost per conversion"
  description = "Media cost per site conversion. By media, the paid row is what the paid conversions cost; in the total, owned production costs count too (paid_cost_per_conversion leaves them out)."
  format      = "currency"
  formula     = "spend() / conversions"
  direction   = "down"
}

kpi "paid_cost_per_conversion" {
  label       = "Paid cost per paid conversion"
  description = "What paid media cost per conversion they brought: owned production costs and owned or earned conversions left out."
  format      = "currency"
  formula     = "spend(media == 'paid') / count(funnel == 'conversion' && media == 'paid')"
  direction   = "down"
}

# --- Coupons (paid, redeemed offline) ---------------------------------------------

kpi "coupons_issued" {
  label   = "Coupons issued"
  format  = "integer"
  formula = "count(event == 'coupon_issued')"
}

kpi "coupons_redeemed" {
  label       = "Coupons redeemed in shops"
  description = "Redemptions at the till; the coupon code's prefix names the channel that issued it."
  format      = "integer"
  formula     = "count(event == 'coupon_redeemed')"
}

kpi "redemption_rate" {
  label       = "Coupon redemption rate"
  description = "Coupons redeemed in the month over coupons issued in the month: a coupon issued late in a month and redeemed early in the next counts in the next."
  format      = "percent"
  formula     = "coupons_redeemed / coupons_issued"
}

# --- Earned media ------------------------------------------------------------------

kpi "social_shares" {
  label   = "Social shares"
  format  = "integer"
  formula = "count(event == 'share')"
}

kpi "mentions" {
  label       = "Mentions"
  description = "Social posts that name the brand, and online reviews."
  format      = "integer"
  formula     = "count(event in ['mention', 'review'])"
}

kpi "positive_mention_share" {
  label   = "Positive mentions"
  format  = "percent"
  formula = "count(event in ['mention', 'review'] && sentiment == 'positive') / mentions"
}

# --- The mix ------------------------------------------------------------------------

kpi "interactions" {
  label       = "Interactions"
  description = "Touchpoints in which a person acts (visits, opens, clicks, scans, shares, mentions, reviews, conversions, redemptions), as opposed to exposures (ads shown, messages and postcards sent)."
  format      = "integer"
  formula     = "count(funnel != 'exposure')"
}

kpi "owned_share" {
  label   = "Owned share of interactions"
  format  = "percent"
  formula = "count(funnel != 'exposure' && media == 'owned') / interactions"
}

kpi "paid_share" {
  label   = "Paid share of interactions"
  format  = "percent"
  formula = "count(funnel != 'exposure' && media == 'paid') / interactions"
}

kpi "earned_share" {
  label   = "Earned share of interactions"
  format  = "percent"
  formula = "count(funnel != 'exposure' && media == 'earned') / interactions"
}
