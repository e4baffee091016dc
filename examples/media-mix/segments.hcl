# Segments select people by their attributes (people.csv). They may overlap.

segment "loyalty_members" {
  label = "Loyalty members"
  where = "loyalty_member"
}
segment "non_members" {
  label = "Not loyalty members"
  where = "!loyalty_member"
}
segment "under_35" {
  label = "Under 35"
  where = "age_band in ['18-24', '25-34']"
}
segment "over_50" {
  label = "50 and over"
  where = "age_band in ['50-64', '65+']"
}
segment "app_users" {
  label = "App users"
  where = "app_user"
}
segment "lyon_area" {
  label = "Lyon and Villeurbanne"
  where = "region == 'lyon'"
}
