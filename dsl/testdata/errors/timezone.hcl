# The project's time zone is an IANA name.

project "launch" {
  timezone = "Europe/Pariss" # ERROR: Unknown time zone
}
