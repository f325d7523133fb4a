"""Reading pages: charset, dates, article fields (meta tags, visible patterns, trafilatura) and links."""
