campaign "q2_launch" {
  label = "Launch, wave 1"
  start = "2026-04-01"
  end   = "2026-06-30"
  where = "campaign == 'Q2L' || channel == 'rx'"
  budget = {
    rep_visit = 1600000
    congress  = 150000
    display   = 90000
  }
}

campaign "q3_launch" {
  label = "Launch, wave 2"
  start = "2026-07-01"
  end   = "2026-09-30"
  where = "campaign == 'Q3L' || channel == 'rx'"
  budget = {
    rep_visit = 1000000
    display   = 50000
    email     = 15000
  }
}
