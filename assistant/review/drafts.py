"""The review step: a CheckedReport → a ReviewedReport with one draft per deviation or error finding."""
from assistant.document import Document
from assistant.errors import BadInput
from assistant.review.deviation import collect
from assistant.review.template import Sources, draft_issue, draft_row
from schemas import CheckedReport, Draft, ReviewedReport

MODES = ("template", "llm")


def template_drafts(checked: CheckedReport, document: Document) -> list[Draft]:
    """Offline drafts: every deviating row first (table order), then the error findings no row absorbs."""
    sources = Sources.of(checked, document)
    rows, issues = collect(checked)
    return [draft_row(row, sources) for row in rows] + [draft_issue(issue, sources) for issue in issues]


def review_report(checked: CheckedReport, document: Document, mode: str = "template") -> ReviewedReport:
    """The check result plus drafts; in `llm` mode a model rewrites each draft, and a rewrite with a
    number neither in the source nor derived from the row is rejected in favour of the template."""
    if mode not in MODES:
        raise BadInput(f"未知的起草方式“{mode}”：只能是 template 或 llm。")
    drafts, warnings = template_drafts(checked, document), []
    if mode == "llm":
        from assistant.review.llm import rewrite_drafts

        drafts, warnings = rewrite_drafts(drafts, checked)
    reviewed = ReviewedReport(**dict(checked), drafts=drafts)  # shallow: the tables are not copied
    reviewed.warnings += warnings
    return reviewed
