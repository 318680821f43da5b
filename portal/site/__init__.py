"""The site's assembly: home and country pages, roles, reports and the demo content.

It builds on `portal.core`, `knowledge` and `events`; `search` and the URLs build on it.
"""
