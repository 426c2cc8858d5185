"""Pydantic models of the public JSON contract (schema_version "1").

Every pipeline stage speaks these models; `schemas/json/` holds their exported
JSON Schema (kept in sync by tests/test_schemas.py). A model's module is imported on first
use (`from schemas import Report` loads report.py only): building pydantic models costs
start-up time, and `extract` needs none of the findings, review, answer or gold models.
"""
import importlib

SCHEMA_VERSION = "1"

MODULES = {
    "report": ("Evidence", "Figure", "FundLine", "Goals", "Indicator", "Location", "Report", "Source", "Table",
               "TableRow"),
    "findings": ("CheckedReport", "Finding", "TableScore"),
    "review": ("Draft", "ReviewedReport"),
    "answer": ("Answer",),
    "gold": ("Defect", "GoldReport", "QAPair"),
}
MODULE_OF = {name: module for module, names in MODULES.items() for name in names}

__all__ = ["SCHEMA_VERSION", *MODULE_OF]


def __getattr__(name: str):
    if name not in MODULE_OF:
        raise AttributeError(f"module 'schemas' has no attribute {name!r}")
    return getattr(importlib.import_module(f"schemas.{MODULE_OF[name]}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
