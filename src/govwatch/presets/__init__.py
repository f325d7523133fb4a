"""Shipped rule presets (e.g. the national check indicators)."""
