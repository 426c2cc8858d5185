"""The Python API: the same verbs as the CLI (extract, check, review, ask, evaluate).

    from assistant import api
    report = api.check("report.docx")
    print(report.scores)

Every verb accepts a path, raw bytes, or an already parsed `Document`.
"""
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.document import Document
from assistant.ingest import read_bytes, read_path
from schemas import Report

if TYPE_CHECKING:  # the models of the later stages load with them, not for `extract`
    from schemas import Answer, CheckedReport, ReviewedReport

Source = str | Path | bytes | Document


def load(source: Source, name: str = "report.txt") -> Document:
    """Read a report into a Document (raises BadInput on unusable input)."""
    if isinstance(source, Document):
        return source
    if isinstance(source, bytes):
        return read_bytes(source, name)
    return read_path(source)


def extract(source: Source, extractor: str = "auto") -> Report:
    """Structured tables and figures of a report; `extractor` is rules | llm | hybrid, or auto
    (hybrid when an LLM endpoint is configured, else rules)."""
    from assistant.extract.dispatch import extract_report

    return extract_report(load(source), extractor)


def check(source: Source, extractor: str = "rules") -> "CheckedReport":
    """The extraction plus findings and recomputed scores."""
    document = load(source)
    return check_extracted(extract(document, extractor), document)


def check_extracted(report: Report, document: Document) -> "CheckedReport":
    """Findings and scores for an extraction; when it came from an LLM endpoint, the wording the rules can only
    approximate (does a note state a cause, does a figure speak of an indicator) is judged there too."""
    from assistant.check import run_checks

    wording = None
    if report.extractor in ("llm", "hybrid"):
        from assistant.llm.wording import judge_wording

        wording = judge_wording(report, document)
    return run_checks(report, document, wording)


def review(source: Source, mode: str = "template", extractor: str = "rules") -> "ReviewedReport":
    """The check result plus a draft 偏差原因分析 / 改进措施 for every deviation."""
    from assistant.review import review_report

    document = load(source)
    return review_report(check(document, extractor), document, mode)


def ask(source: Source, question: str, history: "list[Answer] | None" = None, mode: str = "offline",
        extractor: str = "rules") -> "Answer":
    """Answer one question about a report, with evidence; `history` resolves follow-ups."""
    from assistant.chat import answer_question

    document = load(source)
    return answer_question(check(document, extractor), document, question, history or [], mode)
