campaign "wave1" {
  label = "Launch, wave 1"
  start = "2026-04-01"
  end   = "2026-06-30"
  where = "campaign == \"W1\""
  budget = {
    rep_visit = 1600000
    "email"   = 15000.5
  }
}

campaign "wave2" {
  start = "2026-07-01"
  end   = "2026-07-01"
}
