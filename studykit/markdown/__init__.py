"""Python-Markdown extensions (glossary linking and listing, quiz blocks). They run under any Python-Markdown
based engine: each reads the project's YAML itself through `projectdata.catalog_for`."""
