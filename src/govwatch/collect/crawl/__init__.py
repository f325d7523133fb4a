"""The asyncio crawler: per-host scheduling, robots.txt, polite fetching, list-page discovery."""
