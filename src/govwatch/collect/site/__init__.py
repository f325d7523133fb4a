"""The whole-site gatherer of `govwatch site-check`: every page of the portal's host, read for the rules."""
