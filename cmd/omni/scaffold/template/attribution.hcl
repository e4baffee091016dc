# Attribution: which channels earn the purchases. Each purchase's path is the
# customer's other touches in the 30 days before it; the last touch gets the
# whole purchase, or every touch an equal share.

attribution "last_touch" {
  label      = "Last touch"
  conversion = "event == 'purchase'"
  value      = "amount"
  lookback   = "30d"
  model      = "last"
}

attribution "linear" {
  label      = "Linear"
  conversion = "event == 'purchase'"
  value      = "amount"
  lookback   = "30d"
  model      = "linear"
}
