"""New-media platform adapters behind one interface: `list_posts(account, since, until)` → `Listing`."""
