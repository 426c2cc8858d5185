"""The LLM extractor: each table and narrative section goes to the model, every answer is grounded.

Pipeline: chunking (tables: assistant/extract/chunks.py, narrative: assistant/llm/chunking.py)
→ one structured call per chunk, concurrently within the configured bound
(assistant/llm/calls.py) → grounding by position (assistant/extract/grounded.py): each value
must be printed in its own cell or quote, else it is dropped and the drop reported as a
warning → windows of one table merged, 一级/二级 names carried down. The result is the same
`Report` the rules extractor gives, so the checkers run on it unchanged.
"""
import asyncio
from dataclasses import dataclass, field

from assistant.document import Document, Paragraph, TableBlock
from assistant.errors import LLMUnavailable
from assistant.llm.answers import AnsweredSection, AnsweredTable
from assistant.llm.calls import LLMSession, run_sync
from assistant.extract.chunks import table_parts, table_windows
from assistant.extract.grounded import ground_section, ground_table
from assistant.llm.chunking import Chunk, narrative, section_chunks
from assistant.llm.prompts import load_prompt
from assistant.llm.settings import LLMSettings, load_settings
from schemas import Figure, Goals, Indicator, Report, Table


def carry_levels(indicators: list[Indicator]) -> None:
    """Fill 一级/二级 names down through merged (empty) cells, as the contract asks."""
    level1 = level2 = None
    for indicator in indicators:
        if indicator.level1:
            if indicator.level1 != level1:
                level2 = None
            level1 = indicator.level1
        else:
            indicator.level1 = level1
        if indicator.level2:
            level2 = indicator.level2
        else:
            indicator.level2 = level2


def merge_windows(windows: list[Table]) -> Table:
    """One table from the grounded answers for its windows: first value found wins, rows concatenated."""
    merged = windows[0].model_copy(deep=True)
    for window in windows[1:]:
        for name in ("title", "name", "funds_total", "total_weight", "total_score"):
            if getattr(merged, name) is None:
                setattr(merged, name, getattr(window, name))
        merged.goals = Goals(expected=merged.goals.expected or window.goals.expected,
                             achieved=merged.goals.achieved or window.goals.achieved)
        merged.fund_lines += window.fund_lines
        merged.indicators += window.indicators
        merged.rows += window.rows
        merged.breakdown = {**window.breakdown, **merged.breakdown}
        merged.level1_weights = {**window.level1_weights, **merged.level1_weights}
    carry_levels(merged.indicators)
    return merged


@dataclass
class Extraction:
    """What the LLM found in some chunks, with the warnings to report."""

    tables: dict[int, Table] = field(default_factory=dict)  # by the source line of the table part
    figures: list[Figure] = field(default_factory=list)
    unit_name: str | None = None
    year: int | None = None
    warnings: list[str] = field(default_factory=list)

    def add(self, later: "Extraction") -> None:
        """Take in what a later chunk found; the first unit name and year found stay."""
        self.tables.update(later.tables)
        self.figures += later.figures
        self.unit_name = self.unit_name or later.unit_name
        self.year = self.year or later.year
        self.warnings += later.warnings


def failure_warning(chunk: Chunk, error: str) -> str:
    return f"LLM 抽取（{chunk.where}）未得到合格回答，该部分未抽取：{error}"


async def read_table(session: LLMSession, part: TableBlock) -> Extraction:
    """One table through the LLM, window by window, merged into one grounded table."""
    prompt = load_prompt("extract_table")
    found, grounded = Extraction(), []
    for chunk in table_windows(part, session.settings.chunk_chars):
        answer = await session.ask(prompt, chunk.text, chunk.where, AnsweredTable)
        if answer.data is None:
            found.warnings.append(failure_warning(chunk, answer.error))
            continue
        table, warning = ground_table(AnsweredTable.model_validate(answer.data), chunk, part)
        found.warnings += [warning] if warning else []
        grounded += [table] if table else []
    table = merge_windows(grounded) if grounded else None
    if table and (table.funds_total or table.indicators or table.rows):
        found.tables[part.line] = table
    elif table:
        found.warnings.append(f"LLM 未能从第{part.line}行起的表格中读出资金、指标或数据行，已跳过该表。")
    return found


async def read_section(session: LLMSession, chunk: Chunk) -> Extraction:
    answer = await session.ask(load_prompt("extract_narrative"), chunk.text, chunk.where, AnsweredSection)
    if answer.data is None:
        return Extraction(warnings=[failure_warning(chunk, answer.error)])
    figures, unit_name, year, warning = ground_section(AnsweredSection.model_validate(answer.data), chunk)
    return Extraction(figures=figures, unit_name=unit_name, year=year, warnings=[warning] if warning else [])


async def read_with_llm(settings: LLMSettings, parts: list[TableBlock], paragraphs: list[Paragraph]) -> Extraction:
    """Tables and narrative sections through the LLM, concurrently, gathered in source order.

    Raises LLMUnavailable at the first sign that the endpoint cannot be used; the other calls are cancelled.
    """
    async with LLMSession(settings) as session:
        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(read_table(session, part)) for part in parts]
                tasks += [group.create_task(read_section(session, chunk))
                          for chunk in section_chunks(paragraphs, settings.chunk_chars)]
        except* LLMUnavailable as failures:
            raise failures.exceptions[0] from None
    extraction = Extraction()
    for task in tasks:
        extraction.add(task.result())
    return extraction


def extract_llm(document: Document, settings: LLMSettings | None = None) -> Report:
    """Every table and narrative section read by the LLM; raises LLMUnavailable (exit 3) without an endpoint."""
    extraction = run_sync(read_with_llm(settings or load_settings(), table_parts(document.tables),
                                        narrative(document)))
    tables = [extraction.tables[line] for line in sorted(extraction.tables)]
    department = next((t for t in tables if t.kind == "department_overall" and t.name), None)
    return Report(
        source=document.source,
        extractor="llm",
        unit_name=extraction.unit_name or (department.name if department else None),
        year=extraction.year,
        tables=tables,
        figures=extraction.figures,
        warnings=document.warnings + extraction.warnings,
    )
