"""Language data, one sub-package per language (only French today)."""
