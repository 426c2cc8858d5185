"""Extraction: a `Document` → the contract's `Report` (tables, figures, unit, year).

    rules.py     the deterministic reader (tables.py, narrative.py)
    chunks.py    tables → the LLM's chunks, each cell tagged with its column
    llm.py       every table and section through the LLM; grounded.py keeps values found in their place
    hybrid.py    rules first, the LLM for tables read with low confidence and for the narrative
    dispatch.py  `extract_report`: which of them runs

Nothing is imported here, so reading a table (layout.py → columns.py) does not load the LLM path.
"""
