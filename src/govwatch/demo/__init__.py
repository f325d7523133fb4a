"""The demo month: posts generated from a county's plan file, gathered and graded like real ones."""
