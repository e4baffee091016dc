# Syntax errors are HCL's own; the rest of the file is still checked.

channel "email" {
  label = "Email" "again" # ERROR: Missing newline after argument
}

channel "bad name" {} # ERROR: Invalid name
