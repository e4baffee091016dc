# A product launch to doctors, measured over two waves. The project block
# leaves timezone and grain out: they default to "UTC" and "quarter".

project "launch" {
  currency = "EUR"
}
