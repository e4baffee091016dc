# Segments select contacts by their attributes (contacts.csv). They may overlap.

segment "card_holders" {
  label = "Loyalty-card holders"
  where = "loyalty_card"
}
segment "recruited_by_spring_days" {
  label = "Recruited by a Spring Days edition"
  where = "source startsWith 'spring_days'"
}
segment "under_35" {
  label = "Aged 18 to 34"
  where = "age_band == '18-34'"
}
