# Derived columns: a row-level formula named once, which the touchpoints
# then have as if it were in the file.

column "on_landing_page" {
  source      = source.touchpoints
  label       = "Starts on a landing page"
  description = "The session (or the conversion it led to) started on a campaign landing page, /lp/..."
  formula     = "landing_page startsWith '/lp/'"
}
