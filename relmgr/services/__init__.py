"""Use cases that join storage and analytics; what the CLI and the UI call."""
