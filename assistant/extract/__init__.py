"""Extraction: a `Document` → the contract's `Report` (tables, figures, unit, year).

    rules.py     the deterministic reader (tables.py, narrative.py)
    chunks.py    tables → the LLM's chunks, each cell tagged with its column
    llm.py       every table and section through the LLM; grounded.py keeps values found in their place
    hybrid.py    rules first, the LLM for tables read with low confidence and for the narrative
    dispatch.py  `extract_report`: which of them runs
"""
from assistant.extract.dispatch import EXTRACTORS, extract_report
from assistant.extract.rules import extract_rules

__all__ = ["EXTRACTORS", "extract_report", "extract_rules"]
