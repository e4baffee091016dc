scorecard "waves" {
  label    = "Wave 2 against wave 1"
  campaign = campaign.wave2
  compare  = campaign.wave1
  kpis     = [kpi.reach, kpi.multichannel_rate]
  by       = ["segment", "period"]
}

scorecard "overall" {}
