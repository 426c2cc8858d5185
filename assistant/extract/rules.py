"""The rules extractor: deterministic, offline, the default."""
import re

from assistant.document import Document
from assistant.extract.header import header_values
from assistant.extract.narrative import as_simplified, extract_figures, extract_unit_name, extract_year
from assistant.extract.tables import extract_tables, is_fund_header, is_indicator_header
from assistant.values import normalize_text
from schemas import Report


NO_TABLE_READ = "未能识别自评表，复核不完整"
TITLE_PARAGRAPHS = 5  # paragraphs at a report's start among which its title stands
# A title naming a department's (or unit's) whole budget: 部门整体支出绩效自评报告, 单位整体支出…; not a project's.
WHOLE_BUDGET = re.compile(r"整体支出|(?:部门|单位)(?:[（(]单位[)）])?整体")
PROJECT_TITLE = re.compile(r"项目|专项资金|转移支付")
# A report's or a table's title line: …绩效自评报告, …自评表, …绩效评价报告 (its year in brackets after it or not).
REPORT_TITLE = re.compile(r"^.{0,50}(?:自评|评价)(?:报告|表)(?:[（(].{0,12}[)）])?$")


def mentions_self_evaluation_table(document: Document) -> bool:
    """The report speaks of a 自评表 (or prints table cells) that the reader turned into no table."""
    return any(is_indicator_header(row) or is_fund_header(row) for block in document.tables for row in block.rows) \
        or any("自评表" in normalize_text(p.text) for p in document.paragraphs)


def head_units(document: Document) -> list[str]:
    """The units a table's head names: the reporting ones (单位名称 / 填报单位), then the implementers (项目实施单位),
    then the unit a 政务公开 page names as its publisher (发文单位), each in document order."""
    return head_values(document, ("reporter", "implementer", "publisher"))


def head_values(document: Document, roles: tuple[str, ...]) -> list[str]:
    """The values of the given key–value roles in the tables' heads, role by role, each in document order."""
    heads = [header_values(row) for block in document.tables for row in block.rows[:12]]
    return [value for role in roles for head in heads if (value := head.get(role))]


def report_kind(document: Document) -> str:
    """The kind of self-evaluation the report's title names, for the tables whose own words name none (a copy cut
    below a table's title and head): a department's whole budget, or else a project's."""
    title = next((text for p in document.paragraphs[:TITLE_PARAGRAPHS]
                  if REPORT_TITLE.match(text := normalize_text(p.text))), "")
    return "department_overall" if WHOLE_BUDGET.search(title) and not PROJECT_TITLE.search(title) else "project"


def extract_rules(document: Document) -> Report:
    tables, warnings = extract_tables(document.tables, report_kind(document))
    paragraphs = as_simplified(document.paragraphs)
    if not tables and not paragraphs:
        warnings.append("未识别到任何段落或自评表。")
    elif not tables and mentions_self_evaluation_table(document):
        warnings.append(NO_TABLE_READ)
    return Report(
        source=document.source,
        extractor="rules",
        unit_name=extract_unit_name(paragraphs, tables, head_units(document), head_values(document, ("department",))),
        year=extract_year(paragraphs, tables),
        tables=tables,
        figures=extract_figures(paragraphs),
        warnings=document.warnings + warnings,
    )
