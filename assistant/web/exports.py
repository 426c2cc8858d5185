"""Downloads of a stored review, with the drafts as the reviewer edited them."""
from pathlib import PurePath

from assistant.review.export import export_review
from assistant.store import StoredReport

EXPORTS = {"docx": "Word", "md": "Markdown", "xlsx": "Excel", "json": "JSON"}
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def export(record: StoredReport, fmt: str) -> tuple[bytes, str, str]:
    """(content, media type, file name): the 审核意见 memo (docx, md), the workbook (xlsx) or the review JSON."""
    return export_review(record.edited(), fmt), MEDIA_TYPES[fmt], f"审核意见_{PurePath(record.name).stem}.{fmt}"
