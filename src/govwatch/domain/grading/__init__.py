"""Grading: one module per annex of the notice, each grade with the reasons behind it."""
