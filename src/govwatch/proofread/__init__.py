"""Proofreading engine (pure library): see issue 3."""
