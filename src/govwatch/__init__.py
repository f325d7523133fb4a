"""govwatch: 政府网站与政务新媒体常态化监管 — collect, check, grade and report a county's portal and new media."""

__version__ = "0.1.0"
