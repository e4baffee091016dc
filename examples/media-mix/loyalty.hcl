# The visitor ladder: each month, every person of people.csv stands on the
# highest rung whose rule holds. Its transitions show how many first-time
# visitors come back the next month and how many returning visitors lapse;
# the forecast applies the latest month's transition probabilities to
# today's audience. The population is closed (every person, every month):
# newcomers wait in the entry stage until their first visit.

loyalty "visitor_ladder" {
  label   = "From audience to regular visitor"
  horizon = 3
  volume  = "count(funnel == 'conversion')"

  stage "audience" {
    label = "No visit to the site yet"
  }
  stage "lapsed" {
    label = "Visited the site before, not this month"
    # days_since_last sees the data only; first_visit, the visits before it
    # (unknown for people the web analytics never saw: not lapsed)
    when = "days_since_last(event == 'site_visit') != nil || first_visit != nil && first_visit < date('2025-11-01')"
  }
  stage "first_time" {
    label = "Visited this month, for the first time"
    when  = "month_visits >= 1"
  }
  stage "returning" {
    label = "Visited this month, and had visited before"
    when  = "returning_visitor"
  }
  stage "regular" {
    label = "Three visits or more this month"
    when  = "month_visits >= 3"
  }
}
