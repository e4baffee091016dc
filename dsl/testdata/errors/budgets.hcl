# Budgets are per declared channel.

channel "email" {}
channel "display" {}

campaign "q2" {
  start = "2026-04-01"
  end   = "2026-06-30"
  budget = {
    email   = 1000
    emial   = 2000 # ERROR: Budget for an undeclared channel
    "print" = 3000 # ERROR: Budget for an undeclared channel
  }
}
