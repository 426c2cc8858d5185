"""selfeval — 绩效自评审核助手.

The pipeline, one module (or package) per stage:
ingest → layout → extract → check → review → (chat, evaluate, web).
The Python API in `assistant.api` mirrors the CLI verbs.
"""
__version__ = "0.1.0"
