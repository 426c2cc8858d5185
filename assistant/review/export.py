"""One review, written in each format a reviewer can take away: md, docx, json, xlsx."""
from assistant.review.excel import report_xlsx
from assistant.review.markdown import memo_markdown
from assistant.review.memo import build_memo
from assistant.review.word import memo_docx
from schemas import ReviewedReport


def export_review(report: ReviewedReport, fmt: str) -> bytes:
    """The memo (md, docx), the contract's review object (json) or the workbook of tables and findings (xlsx)."""
    if fmt == "json":
        return report.model_dump_json(indent=2).encode("utf-8")
    if fmt == "xlsx":
        return report_xlsx(report)
    if fmt == "md":
        return memo_markdown(build_memo(report)).encode("utf-8")
    if fmt == "docx":
        return memo_docx(build_memo(report))
    raise ValueError(f"unknown export format {fmt!r}: md, docx, json or xlsx")
