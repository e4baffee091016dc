# Campaign dates are written YYYY-MM-DD, and a campaign ends on or after
# the day it starts.

campaign "a" {
  start = "2026-13-01" # ERROR: Invalid date
  end   = "01/07/2026" # ERROR: Invalid date
}

campaign "b" {
  start = "2026-02-28"
  end   = "2026-02-30" # ERROR: Invalid date
}

campaign "c" {
  start = "2026-07-01"
  end   = "2026-06-30" # ERROR: Campaign ends before it starts
}

campaign "d" {
  start = "2026-07-01T00:00:00Z" # ERROR: Invalid date
  end   = "2026-07-01"
}
