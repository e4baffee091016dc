# Campaigns: every touch of a paid or owned lever inside a campaign's window
# carries its code, and so do the landing-page visits and conversions of its
# clicks, its coupons, and the earned posts with its hashtag. spend() over a
# campaign is everything spent in its window (the spend has no campaign
# column): in these windows every paid lever runs the campaign.

campaign "galette" {
  label       = "Galette des rois"
  description = "Epiphany: the galette, in every shop through January."
  start       = "2026-01-02"
  end         = "2026-01-31"
  where       = "campaign == 'GALETTE'"
}

campaign "spring" {
  label       = "Spring sourdough"
  description = "The new sourdough range, launched for Easter."
  start       = "2026-03-16"
  end         = "2026-04-30"
  where       = "campaign == 'SPRING'"
}

campaign "summer" {
  label       = "Summer push"
  description = "Iced drinks and picnic boxes, with the #MietteEte hashtag contest."
  start       = "2026-06-15"
  end         = "2026-08-31"
  where       = "campaign == 'SUMMER'"
}
