# The channels, by media family. A site session belongs to the channel that
# brought it (the web analytics' channel grouping): a click on a search ad
# lands on the site as a search_ads session, a shared link as a social one.

# Owned: the brand's own media.
channel "website" {
  label = "Web site (direct and organic)"
  media = "owned"
}
channel "newsletter" {
  label = "Newsletter"
  media = "owned"
}
channel "app_push" {
  label = "App notifications"
  media = "owned"
}
channel "shop_signage" {
  label  = "Shop posters (QR codes)"
  media  = "owned"
  online = false
}

# Paid: media the brand buys.
channel "search_ads" {
  label = "Search ads"
  media = "paid"
}
channel "social_ads" {
  label = "Social ads"
  media = "paid"
}
channel "display" {
  label = "Display ads"
  media = "paid"
}
channel "direct_mail" {
  label  = "Coupon postcards"
  media  = "paid"
  online = false
}

# Earned: what people say and share of their own accord.
channel "social" {
  label = "Social shares and mentions"
  media = "earned"
}
channel "reviews" {
  label = "Online reviews"
  media = "earned"
}
