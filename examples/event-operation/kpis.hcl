# KPIs of the operation, by objective. In an edition's campaign each counts
# that edition's six weeks; with the yearly grain, the campaign spring_days
# reports one value per edition.

# --- Reach and animation -----------------------------------------------------

kpi "invited_contacts" {
  label   = "Contacts invited"
  format  = "integer"
  formula = "count_distinct(customer, event in ['email_sent', 'sms_sent'])"
}

kpi "participants" {
  label       = "Participants"
  description = "Contacts who attended a workshop, played the stand game or entered the contest."
  format      = "integer"
  formula     = "count_distinct(customer, event in ['workshop', 'stand_game', 'contest_entry'])"
}

kpi "participation_rate" {
  label       = "Participation rate of the invited"
  description = "Of the contacts invited by email or SMS, the share who took part. Participants who were not invited (recruits, walk-ins) are left out of both sides."
  format      = "percent"
  formula     = "share(invited && took_part) / share(invited)"
}

# --- Conquest ------------------------------------------------------------------

kpi "new_contacts" {
  label       = "New contacts"
  description = "Contacts created by the operation's entry forms."
  format      = "integer"
  formula     = "count_distinct(customer, event == 'form' && new_contact)"
}

kpi "new_contact_share" {
  label       = "Share of new contacts"
  description = "New contacts among the participants."
  format      = "percent"
  formula     = "new_contacts / participants"
}

kpi "new_customers" {
  label       = "New customers"
  description = "Contacts whose first purchase ever (customer_since) falls in the period."
  format      = "integer"
  formula     = "count_distinct(customer, event == 'purchase' && days_between(customer_since, time) == 0)"
}

kpi "cost_per_new_contact" {
  label     = "Cost per new contact"
  format    = "currency"
  formula   = "spend() / new_contacts"
  direction = "down" # a cost: lower is better
}

# --- Loyalty -------------------------------------------------------------------

# Closest to "existing customers who bought again during the operation":
# "customer before the edition" is known from a touchpoint (the invitation),
# since a condition cannot name the start of the edition it is computed for;
# so the population is the customers the operation invited, not every
# customer of the base (customers without any consent get no invitation).
kpi "repurchase_rate" {
  label       = "Invited customers who bought"
  description = "Of the contacts invited while already customers, the share who bought in store or online during the operation. Customers never invited (no consent) are not counted."
  format      = "percent"
  formula     = "share(invited_customer && bought) / share(invited_customer)"
}

# --- Traffic -------------------------------------------------------------------

kpi "store_visits" {
  label       = "Identified store visits"
  description = "Visits with the loyalty card or the app scanned at the entrance terminal."
  format      = "integer"
  formula     = "count(event == 'store_visit')"
}

kpi "store_visitors" {
  label   = "Identified store visitors"
  format  = "integer"
  formula = "count_distinct(customer, event == 'store_visit')"
}

kpi "revenue" {
  label   = "Revenue"
  format  = "currency"
  formula = "sum(amount, event == 'purchase')"
}

# --- Customer knowledge and satisfaction ---------------------------------------

kpi "satisfaction_score" {
  label       = "Average satisfaction"
  description = "Mean score of the post-participation survey, 1 to 5."
  format      = "number"
  formula     = "avg(score, event == 'survey')"
}

kpi "satisfied_share" {
  label       = "Satisfied participants"
  description = "Survey answers scoring 4 or 5 of 5."
  format      = "percent"
  formula     = "count(event == 'survey' && score >= 4) / count(event == 'survey')"
}

# --- Database qualification ----------------------------------------------------

kpi "forms" {
  label   = "Entry forms filled"
  format  = "integer"
  formula = "count(event == 'form')"
}

kpi "email_optin_rate" {
  label       = "Email opt-in rate of the forms"
  description = "Entry forms after which the contact is opted in to email (given before, or on the form)."
  format      = "percent"
  formula     = "count(event == 'form' && optin_email) / forms"
}

kpi "sms_optin_rate" {
  label       = "SMS opt-in rate of the forms"
  description = "Entry forms after which the contact is opted in to SMS (given before, or on the form)."
  format      = "percent"
  formula     = "count(event == 'form' && optin_sms) / forms"
}

kpi "profile_completeness" {
  label       = "Profile completeness"
  description = "Profile fields filled after the form, of six (name, email, phone, postcode, garden type, birth date)."
  format      = "percent"
  formula     = "avg(profile_fields, event == 'form') / 6"
}

# --- Social --------------------------------------------------------------------

kpi "social_engagement_rate" {
  label       = "Social engagement rate"
  description = "Engagements (likes, comments, shares) per impression of the brand's and the influencers' posts."
  format      = "percent"
  formula     = "sum(engagements, event == 'post') / sum(impressions, event == 'post')"
}

# --- Spend ---------------------------------------------------------------------

kpi "total_spend" {
  label   = "Spend"
  format  = "currency"
  formula = "spend()"
}

kpi "total_budget" {
  label       = "Budget"
  description = "What the edition's campaign block budgets for the lever (campaigns.hcl); for the edition as a whole, not per period."
  format      = "currency"
  formula     = "budget()"
}

kpi "budget_used" {
  label       = "Spend against budget"
  description = "The lever's spend over its budget: above 100%, the lever overspent."
  format      = "percent"
  formula     = "total_spend / total_budget"
  direction   = "down"
}
