# The default scorecard, as omni writes it without scorecard blocks: every
# KPI by segment and by channel, over the whole data and each campaign.
scorecard "default" {
  by = ["segment", "channel"]
}

# Who buys where: each channel's buyers, revenue and basket per segment, a
# crossed breakdown (rows the channels, columns the four segments). The
# segments overlap: a customer counts in each of his.
scorecard "channel_mix" {
  label       = "Channels by segment"
  kpis        = [kpi.buyers, kpi.revenue, kpi.average_basket]
  by          = [["channel", "segment"]]
  objectives  = []
  loyalty     = []
  attribution = []
}

# The two channels that sell most and the share of direct revenue each
# holds; the ten others fold into one row (most sell nothing: media and
# partners). Each sale has one channel, so the shares add up to 100%.
scorecard "top_channels" {
  label       = "Top channels by revenue"
  kpis        = [kpi.revenue, kpi.buyers, kpi.orders]
  by          = ["channel"]
  top         = 2
  top_by      = kpi.revenue
  objectives  = []
  loyalty     = []
  attribution = []
}
