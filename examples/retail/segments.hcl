# Segments select people by their attributes (customers.csv). These four
# do not overlap; a few people (out of work, no children) are in none.

segment "families" {
  label = "Families (children at home)"
  where = "children >= 1"
}
segment "working_people" {
  label = "Working people without children"
  where = "occupation in ['employed', 'self_employed'] && children == 0 && age < 65"
}
segment "seniors" {
  label = "Seniors (65 and over)"
  where = "age >= 65"
}
segment "students" {
  where = "occupation == 'student'"
}
