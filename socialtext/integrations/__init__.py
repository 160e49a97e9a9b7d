"""Integrations with the tools teams already use: pandas, spaCy, Dask (each optional, imported lazily)."""
