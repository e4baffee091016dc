# Formulas are expr expressions written as strings, not HCL expressions
# nor HCL templates.

kpi "a" {
  formula = 42 # ERROR: Formula must be a string
}

trait "b" {
  formula = count(event) # ERROR: Formula must be a string
}

segment "c" {
  where = ["specialty == 'GP'"] # ERROR: Formula must be a string
}

kpi "d" {
  formula = "count() / ${d}" # ERROR: Interpolation in a formula
}

campaign "e" {
  start = "2026-04-01"
  end   = "2026-06-30"
  where = "%{if true}x%{endif} == 1" # ERROR: Interpolation in a formula
}

kpi "f" {
  formula = <<-EOT
    count() /
    ${d} # ERROR: Interpolation in a formula
  EOT
}

kpi "g" {
  formula = "price == '$${x}' && pct == '%%{y}'"
}
