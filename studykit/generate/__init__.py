"""Generate: pages and files derived from the catalog (staged docs, furniture, the catalog snapshot)."""
