# One campaign per edition, for the end-of-operation review (this year's
# against last year's), and one over every edition, for the objectives.
# An edition's campaign holds every touchpoint of its six weeks: the
# operation's own, and the store visits and purchases it is meant to drive.
# Budgets are per lever, in EUR.

campaign "spring_days_2025" {
  label = "Spring Days 2025"
  start = "2025-04-07"
  end   = "2025-05-18"
  budget = {
    email        = 1400
    sms          = 250
    social_ads   = 12000
    influencer   = 5000
    animation    = 38000
    contest_site = 9000
  }
}

campaign "spring_days_2026" {
  label       = "Spring Days 2026"
  description = "More paid social and influencer budget for conquest; the loyalty-card coupon dropped for the contest; SMS consent moved to an optional second step of the entry form."
  start       = "2026-04-06"
  end         = "2026-05-17"
  budget = {
    email        = 1400
    sms          = 250
    social_ads   = 18000
    influencer   = 12000
    animation    = 40000
    contest_site = 6500
  }
}

# Every edition: with a yearly grain, each period is one edition, so that an
# objective on this campaign measures its baseline on last year's edition.
# The filter keeps the editions' six weeks and leaves out the year between.
campaign "spring_days" {
  label = "Spring Days, every edition"
  start = "2025-04-07"
  end   = "2026-05-17"
  where = "time < date('2025-05-19') || time >= date('2026-04-06')"
}
