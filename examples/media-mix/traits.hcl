# Traits: one value per person and month, over the person's touchpoints of
# the month.

trait "month_visits" {
  label   = "Site visits in the month"
  formula = "count(event == 'site_visit')"
}

# A returning visitor visited the site in the month and had visited it
# before: earlier in the month (two visits or more), or before the month —
# his first visit of the month falls on a later day than his first visit
# ever, the people's first_visit attribute (the day the web analytics first
# saw them: the touchpoints start in November 2025, so a trait with history =
# "all" would see no visit before). The ladder's returning stage uses it; the
# KPI returning_visitor_rate asks the same of each visit with had_before.
trait "returning_visitor" {
  label   = "Visited the site before"
  formula = "month_visits >= 2 || month_visits == 1 && days_between(first_visit, first_time(event == 'site_visit')) >= 1"
}
