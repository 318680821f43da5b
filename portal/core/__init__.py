"""The ground floor: what every other part of the site builds on.

Vocabularies (`models.taxonomy`), media, site settings, shared blocks, routing, the privacy
gate, locale helpers and item kinds. Nothing here imports `knowledge`, `events`,
`portal.site` or `search` (the import contract in `.importlinter` says so).
"""
