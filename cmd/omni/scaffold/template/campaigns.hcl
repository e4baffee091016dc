# Campaigns: a window and a filter on touchpoints.

campaign "spring" {
  label = "Spring sale"
  start = "2026-03-01"
  end   = "2026-04-30"
  where = "campaign == 'SPRING'"
}

campaign "summer" {
  label = "Summer sale"
  start = "2026-05-01"
  end   = "2026-06-30"
  where = "campaign == 'SUMMER'"
}
