"""The hybrid extractor: rules first, the LLM only where the rules fell short, never over what they explained.

The LLM reads (1) tables the rules could not parse but whose words say they are evaluation
tables, (2) tables the rules parsed with low confidence (the reader's `Table.confidence`, or
how complete the parsed table is, whichever is lower), and (3) the narrative, for key
figures the rules' patterns missed. Rows are merged by the source row each side read them
from: a row the rules explained keeps its values, the LLM filling its gaps; a row the rules
read without explaining it (no name, or no 分值 or 得分) gives way to the LLM's grounded row;
rows only one side read are kept, so no LLM row is thrown away because the rules found
another. The checkers then run on the merged tables. When the
endpoint cannot be used the rules' report comes back with a warning.
"""
import re

from pydantic import BaseModel

from assistant.document import Cell, Document, Paragraph, Row, TableBlock
from assistant.errors import LLMUnavailable
from assistant.extract.chunks import table_parts
from assistant.extract.columns import indicator_roles
from assistant.extract.rules import extract_rules
from assistant.extract.tables import classify, is_indicator_header
from assistant.llm.chunking import narrative
from assistant.llm.settings import LLMSettings, load_settings
from assistant.values import normalize_text
from schemas import Figure, Goals, Indicator, Report, Table

TABLE_START = re.compile(r"^\s*附件|自评表|基础数据表")
TABLE_WORD = re.compile(r"[一二三]级指标|指标值|完成值|分值|得分|权重|预算数|执行数|执行率")
EVALUATION_WORDS = ("指标", "分值", "得分", "执行数", "预算数", "执行率", "绩效")


def confidence(table: Table) -> float:
    """How completely the rules read a table, 0–1: a funds block, indicators, a 总分, and the share of
    indicators with a name, 分值 and 得分 (a basic-data table: whether it has rows)."""
    if table.kind == "basic_data":
        return 1.0 if table.rows else 0.0
    complete = [i for i in table.indicators if i.level3 and i.weight is not None and i.score is not None]
    share = len(complete) / len(table.indicators) if table.indicators else 0.0
    return (float(table.funds_total is not None) + float(bool(table.indicators))
            + float(table.total_score is not None) + share) / 4


def looks_like_evaluation(part: TableBlock) -> bool:
    words = "".join(normalize_text(c.text) for row in part.rows for c in row.cells)
    words += "".join(normalize_text(p.text) for p in part.title_lines)
    return any(word in words for word in EVALUATION_WORDS)


def covered(table: Table) -> range:
    """The source lines from a table's first line to its last row's."""
    lines = [row.line for row in (table.funds_total, *table.fund_lines, *table.indicators, *table.rows)
             if row is not None and row.line is not None] + [table.line or 0]
    return range(min(lines), max(lines) + 1)


def line_rows(document: Document, lines) -> TableBlock:
    """Source lines as a table of one-cell rows, each line as printed (a header split into words is one row again)."""
    return TableBlock(rows=[Row([Cell(document.line_text(line), line)]) for line in dict.fromkeys(lines)
                            if document.line_text(line).strip()])


def names_indicator_columns(texts) -> bool:
    return len(indicator_roles(TABLE_WORD.findall("".join(texts)))) >= 3


def tables_in(document: Document, lines: list[int]) -> list[list[int]]:
    """A run of unread lines cut where a table's title starts (附件…, …自评表; a title of two lines is one); the
    pieces that name three indicator columns or whose words make a basic-data table."""
    pieces: list[list[int]] = [[]]
    for line in dict.fromkeys(lines):
        title = TABLE_START.search(document.line_text(line))
        if title and pieces[-1] and not TABLE_START.search(document.line_text(pieces[-1][-1])):
            pieces.append([])
        pieces[-1].append(line)
    return [piece for piece in pieces if names_indicator_columns(document.line_text(line) for line in piece)
            or classify(line_rows(document, piece)) == "basic_data"]


def text_tables(document: Document, report: Report, threshold: float) -> dict[int, tuple[int, TableBlock]]:
    """Evaluation tables printed as lines of text (cells run together or split by single spaces, one cell per line),
    as tables of one-cell rows for the LLM to read, by their first line, each with the line of the table it is merged
    into: each table the rules read from such lines with low confidence (into itself), and each table in a run of
    lines the rules did not read (a table block among them that the rules could not read and that has no indicator
    header of its own, such as a funds header the reader cut into cells, counts as its lines) — into the rules'
    table the run follows where the rules read that one with low confidence and found no indicator in it (its head
    and funds read, its indicator lines not: they are its rows), else into a table of its own."""
    in_blocks = {part.line for part in table_parts(document.tables)}  # tables of cells: needs_llm's concern
    found: dict[int, tuple[int, TableBlock]] = {}
    owner: dict[int, Table] = {}
    for table in report.tables:
        lines = covered(table)
        owner.update(dict.fromkeys(lines, table))
        if table.line not in in_blocks and min(table.confidence, confidence(table)) < threshold:
            rows = line_rows(document, lines)
            if rows.rows:
                found[table.line] = (table.line, rows)
    run: list[int] = []
    after: Table | None = None  # the rules' table the lines before the run belong to
    for block in [*document.blocks, None]:
        if isinstance(block, Paragraph) and block.line not in owner:
            run.append(block.line)
            continue
        if isinstance(block, TableBlock) and not owner.keys() & {row.line for row in block.rows} \
                and not any(is_indicator_header(row) for row in block.rows):
            run += [row.line for row in block.rows]
            continue
        continues = after is not None and after.kind != "basic_data" and not after.indicators \
            and min(after.confidence, confidence(after)) < threshold
        for piece in tables_in(document, run):
            title = TABLE_START.search(document.line_text(piece[0]))
            if continues and piece[0] == run[0] and not title:
                if after.line in found:
                    kept = found[after.line][1]
                    kept.rows += line_rows(document, piece).rows
                else:
                    found[piece[0]] = (after.line, line_rows(document, piece))
            else:
                found[piece[0]] = (piece[0], line_rows(document, piece))
        run = []
        after = owner.get(block.line) if block is not None else None
    return found


def needs_llm(part: TableBlock, parsed: Table | None, threshold: float) -> bool:
    if parsed is None:
        return looks_like_evaluation(part)
    return min(parsed.confidence, confidence(parsed)) < threshold


def fill_none(kept: BaseModel, filler: BaseModel) -> BaseModel:
    """`kept` with each of its None scalar fields taken from `filler`; nothing `kept` has is replaced."""
    gaps = {name: getattr(filler, name) for name in type(kept).model_fields
            if getattr(kept, name) is None and getattr(filler, name, None) is not None}
    return kept.model_copy(update=gaps)


def source_rows(part: TableBlock) -> dict[int, int]:
    """Each source line of a table to the index of the row it lies in (a row's cells may span lines)."""
    return {cell.line: index for index, row in enumerate(part.rows) for cell in row.cells}


def explained(row: BaseModel) -> bool:
    """Whether the rules could read a row: a funds line has its label; an indicator its name and a 分值 or 得分."""
    if isinstance(row, Indicator):
        return bool(row.level3) and (row.weight is not None or row.score is not None)
    return True


def fill_rows(rules: list, llm: list, place) -> list:
    """One list of rows, matched by the source row they were read from (`place`): a row the rules
    explained keeps its values, its gaps filled by the LLM's row; a row the rules read without
    explaining it gives way to the LLM's, which takes only the rules' values it lacks; rows only
    one side read are kept. In source order."""
    by_place = {place(row): row for row in llm}
    merged, used = [], set()
    for row in rules:
        match = by_place.get(place(row))
        if match is None:
            merged.append(row)
        else:
            merged.append(fill_none(row, match) if explained(row) else fill_none(match, row))
            used.add(id(match))
    merged += [row for row in llm if id(row) not in used]
    return sorted(merged, key=lambda row: row.line if row.line is not None else float("inf"))


def fill_gaps(rules: Table, llm: Table, rows: dict[int, int] | None = None) -> Table:
    """The rules' table merged row by row with the LLM's grounded one (`rows`: source line → row, to
    match rows read from the same source row; without it, by line): the LLM supplies what the rules
    missed and the rows they could not explain."""
    rows = rows or {}

    def place(row) -> int | str:
        return rows.get(row.line, row.line) if row.line is not None else normalize_text(getattr(row, "label", None)
                                                                                         or row.level3 or "")

    merged = fill_none(rules, llm)
    if rules.funds_total and llm.funds_total:
        merged.funds_total = fill_none(rules.funds_total, llm.funds_total)
    merged.goals = Goals(expected=rules.goals.expected or llm.goals.expected,
                         achieved=rules.goals.achieved or llm.goals.achieved)
    merged.fund_lines = fill_rows(rules.fund_lines, llm.fund_lines, place)
    merged.indicators = fill_rows(rules.indicators, llm.indicators, place)
    merged.rows = fill_rows(rules.rows, llm.rows, place)
    merged.breakdown = {**llm.breakdown, **rules.breakdown}
    merged.level1_weights = {**llm.level1_weights, **rules.level1_weights}
    return merged


def new_figures(rules: list[Figure], llm: list[Figure]) -> list[Figure]:
    """The LLM's figures the rules did not already find (same line, value and unit)."""
    known = {(f.line, f.value, f.unit) for f in rules}
    return [f for f in llm if (f.line, f.value, f.unit) not in known]


def extract_hybrid(document: Document, settings: LLMSettings | None = None) -> Report:
    """The rules' report, its gaps filled by grounded LLM values; the rules' report plus a warning
    when the endpoint cannot be used."""
    from assistant.extract.llm import read_with_llm, run_sync  # the LLM client libraries load only when used

    report = extract_rules(document)
    settings = settings or load_settings()
    parsed = {table.line: table for table in report.tables}
    in_text = text_tables(document, report, settings.confidence)
    as_text = {row.line for _, part in in_text.values() for row in part.rows}
    parts = [p for p in table_parts(document.tables)
             if p.line not in as_text and needs_llm(p, parsed.get(p.line), settings.confidence)]
    parts += [part for _, part in in_text.values()]
    try:
        extraction = run_sync(read_with_llm(settings, parts, narrative(document)))
    except LLMUnavailable as error:
        report.warnings.append(f"{error}本次仅用规则抽取。")
        return report
    rows = {part.line: source_rows(part) for part in parts}
    merged_at = {part.line: line for line, part in in_text.values()}  # a text table's part → the rules' table
    for part_line, table in extraction.tables.items():
        line = merged_at.get(part_line, part_line)
        rows[line] = rows[part_line]
        parsed[line] = fill_gaps(parsed[line], table, rows[line]) if line in parsed else table
    report.tables = [parsed[line] for line in sorted(parsed)]
    report.figures = sorted(report.figures + new_figures(report.figures, extraction.figures),
                            key=lambda f: f.line or 0)
    report.unit_name = report.unit_name or extraction.unit_name
    report.year = report.year or extraction.year
    report.warnings += extraction.warnings
    report.extractor = "hybrid"
    return report
