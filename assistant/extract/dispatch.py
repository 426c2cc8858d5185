"""Choosing the extractor: rules (offline, the default), llm (every table and section), hybrid (rules first)."""
from assistant.document import Document
from assistant.errors import BadInput
from assistant.extract.rules import extract_rules
from schemas import Report

EXTRACTORS = ("auto", "rules", "llm", "hybrid")


def extract_report(document: Document, extractor: str = "auto") -> Report:
    """Extraction by the named extractor; "auto" is hybrid when an LLM endpoint is configured, else rules."""
    if extractor not in EXTRACTORS:
        raise BadInput(f"未知的抽取方式「{extractor}」，可选：{' | '.join(EXTRACTORS)}。")
    if extractor == "rules":
        return extract_rules(document)
    from assistant.llm.settings import load_settings  # settings and the LLM's modules load only off the rules path

    settings = load_settings()
    if extractor == "llm":
        from assistant.extract.llm import extract_llm

        return extract_llm(document, settings)
    if extractor == "auto" and not settings.configured:
        return extract_rules(document)
    from assistant.extract.hybrid import extract_hybrid

    return extract_hybrid(document, settings)
