"""Routers by area: sign-in, overview, units and accounts, review, check-before-publish, rectification, API."""
