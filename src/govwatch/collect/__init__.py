"""Collectors: adapters that turn outside sources (files, portals, platform APIs) into IncomingPost."""
