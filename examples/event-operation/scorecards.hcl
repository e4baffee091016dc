# The end-of-operation review: this year's edition against last year's, with
# the objectives, and the attribution of each edition's purchases to the
# levers that led to them.

scorecard "review" {
  label    = "Spring Days 2026: end-of-operation review"
  campaign = campaign.spring_days_2026
  compare  = campaign.spring_days_2025
  by       = ["channel", "segment"]
}
