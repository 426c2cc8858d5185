"""Deterministic checkers: a Report (from any extractor) + its source text → findings and 复核得分.

One module per rule family; each checker is a pure function `Context -> list[Finding]`.
The checkers read only the extracted tables and the source text, never how the tables were
extracted, so rules and LLM extraction are checked identically.
"""
from assistant.check.base import Context
from assistant.check.basic_data import check_basic_data
from assistant.check.cross_tables import check_cross_tables
from assistant.check.dates import check_dates
from assistant.check.funds import check_funds
from assistant.check.goals import check_goals
from assistant.check.indicators import check_indicators
from assistant.check.narrative import check_narrative
from assistant.check.reading import guard
from assistant.check.scoring import recompute, unrecomputed_warnings
from assistant.check.sections import check_sections
from assistant.check.totals import check_totals
from assistant.check.wording import RulesWording, Wording
from assistant.document import Document
from schemas import CheckedReport, Report

CHECKERS = [check_funds, check_totals, check_indicators, check_basic_data, check_cross_tables,
            check_narrative, check_goals, check_dates, check_sections]


def run_checks(report: Report, document: Document, wording: Wording | None = None) -> CheckedReport:
    """Every checker on the report; `wording` judges notes and names (the rules' judge when None)."""
    context = Context(report, document, wording=wording or RulesWording())
    findings = guard(context, [f for checker in CHECKERS for f in checker(context)])
    for evidence in (e for f in findings for e in f.evidence if e.location is None):
        evidence.location = document.location_at(evidence.line)  # the page, sheet cell or Word table row
    # dict(report) hands over the parsed tables as they are: no deep copy of a large report
    warnings = report.warnings + unrecomputed_warnings(report) + context.wording.warnings
    return CheckedReport(**{**dict(report), "warnings": warnings},
                         findings=findings, scores=recompute(report))
