"""Notifications: who receives the early warnings, the daily digest, and the channels that carry it."""
