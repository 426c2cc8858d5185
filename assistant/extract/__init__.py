"""Extraction: a `Document` → the contract's `Report` (tables, figures, unit, year)."""
from assistant.extract.rules import extract_rules

__all__ = ["extract_rules"]
