# A web-analytics project whose channel is classified from the marketing
# fields by ordered rules, on the sessions and on the spend alike: small
# enough to compute every number by hand (see derived_test.go).
project "derived" {
  grain = "quarter"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "user"
  time     = "ts"
  channel  = "channel_group"
}
source "spend" {
  path    = "spend.csv"
  time    = "day"
  channel = "channel_group"
  amount  = "cost"
}
source "groups" {
  path = "groups.csv"
  key  = "group"
  on   = "channel_group"
}

# The marketing fields as the rules read them: lower case, '' when missing.
column "medium" {
  source  = [source.touchpoints, source.spend]
  formula = "lower(mkt_medium ?? '')"
}
column "site" {
  source  = [source.touchpoints, source.spend]
  formula = "lower(mkt_source ?? '')"
}
column "campaign_name" {
  source  = [source.touchpoints, source.spend]
  formula = "lower(mkt_campaign ?? '')"
}

# The first rule that holds names the group: video before display, so that
# a YouTube or video campaign bought per mille is video; social before
# referral, so that a link from Facebook is social.
column "channel_group" {
  source = [source.touchpoints, source.spend]
  label  = "Channel group"
  rule {
    when = "medium in ['cpc', 'ppc'] && campaign_name matches 'brand'"
    then = "Paid search brand"
  }
  rule {
    when = "medium in ['cpc', 'ppc']"
    then = "Paid search generic"
  }
  rule {
    when = "medium == 'organic'"
    then = "Organic search"
  }
  rule {
    when = "site matches 'youtube|vimeo' || campaign_name matches 'video'"
    then = "Video"
  }
  rule {
    when = "medium in ['display', 'cpm', 'banner']"
    then = "Display"
  }
  rule {
    when = "medium in ['social', 'paid_social'] || site matches 'facebook|instagram|linkedin'"
    then = "Social"
  }
  rule {
    when = "medium == 'email'"
    then = "Email"
  }
  rule {
    when = "medium == 'referral'"
    then = "Referral"
  }
  rule {
    when = "medium == '' && site == ''"
    then = "Direct"
  }
  default = "Other"
}

kpi "sessions" { formula = "count(event == 'session')" }
kpi "paid_sessions" { formula = "count(event == 'session' && media_kind == 'paid')" }
kpi "cost" { formula = "spend()" }
kpi "video_cost" { formula = "spend(channel_group == 'Video')" }
kpi "cost_per_session" { formula = "spend() / sessions" }

attribution "last_touch" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  key        = "channel_group"
  lookback   = "30d"
  model      = "last"
}

scorecard "channels" {
  by           = ["channel", "channel_group", "media_kind"]
  attribution = [attribution.last_touch]
}
