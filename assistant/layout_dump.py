"""One-cell-per-line dumps: a table copied out of a PDF viewer or a web page.

Every cell is a line of its own, a long cell may break over several lines, and merged (empty)
cells are simply absent. The indicator block is rebuilt by its grammar: after the header,
each row ends with 指标值, 完成值, 分值, 得分 — the last two numeric — preceded by the row's
level names and 三级指标, and followed by an optional 偏差原因 note; 总分 closes the block.
"""
import re
from itertools import takewhile

from assistant.document import Block, Cell, Paragraph, Row, TableBlock

HEADER_WORDS = {"绩效指标": None, "一级指标": "level1", "二级指标": "level2", "三级指标": "level3",
                "年度指标值": "target", "指标值": "target", "实际完成值": "actual", "完成值": "actual",
                "分值": "weight", "权重": "weight", "得分": "score", "自评得分": "score",
                "偏差原因分析及改进措施": "note", "偏差原因": "note"}
SLOTS = ("level1", "level2", "level3", "target", "actual", "weight", "score", "note")
LEVEL1 = re.compile(r"^(?:项目)?(?:产出|效益|满意度|成本|决策|过程|管理)指标(?:[（(]\d+(?:\.\d+)?分[)）])?$")
LEVEL2 = re.compile(r"^[\u4e00-\u9fa5]{2,10}指标$")
NUMERIC = re.compile(r"^(?:完成得)?\d+(?:\.\d+)?分?$")
TOTAL = ("总分", "合计")
WEIGHT_SUFFIX = re.compile(r"^[（(]\d+(?:\.\d+)?分[)）]$")
WEIGHTED = re.compile(r"[（(]\d+(?:\.\d+)?分[)）]$")
TOP_LEVELS = ("产出指标", "效益指标", "满意度指标")


def compact(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def header_at(texts: list[str], start: int) -> list[tuple[str, int, int]]:
    """Header words from `start`, each joined from up to four lines: [(word, first, last)]."""
    words: list[tuple[str, int, int]] = []
    index = start
    while index < len(texts):
        for size in range(4, 0, -1):
            joined = "".join(texts[index:index + size])
            if joined in HEADER_WORDS:
                words.append((joined, index, index + size - 1))
                index += size
                break
        else:
            break
    names = {HEADER_WORDS[w] for w, _, _ in words}
    return words if {"level3", "weight"} <= names or {"level3", "score"} <= names else []


def is_level(text: str) -> bool:
    return bool(LEVEL1.match(text) or LEVEL2.match(text))


def join_levels(items: list[Paragraph]) -> list[Paragraph]:
    """Rejoin level names broken over lines ("经济效" + "益指标")."""
    joined: list[Paragraph] = []
    for item in items:
        previous = compact(joined[-1].text) if joined else ""
        if previous and WEIGHT_SUFFIX.match(compact(item.text)):
            joined[-1] = Paragraph(joined[-1].text + compact(item.text), joined[-1].line)
            continue
        if previous and len(previous) <= 4 and not is_level(previous) and not is_level(compact(item.text)) \
                and is_level(previous + compact(item.text)):
            joined[-1] = Paragraph(joined[-1].text + item.text, joined[-1].line)
        else:
            joined.append(item)
    return joined


def split_head(head: list[Paragraph], first_row: bool,
               has_note: bool) -> tuple[Paragraph | None, list[Paragraph], dict[str, Paragraph]]:
    """The previous row's note, "……" placeholder rows, and this row's level names and 三级指标 from the lines before 指标值."""
    items = join_levels(head)
    note = None
    if has_note and not first_row and items and not is_level(compact(items[0].text)) and len(items) >= 2:
        note, items = items[0], items[1:]
    placeholders = [i for i in items if not compact(i.text).strip("…．.。·")]
    items = [i for i in items if compact(i.text).strip("…．.。·")]
    cells: dict[str, Paragraph] = {}
    levels = []
    while items and is_level(compact(items[0].text)):
        levels.append(items.pop(0))
    if len(levels) == 1:
        alone = compact(levels[0].text)
        cells["level1" if LEVEL1.match(alone) and (WEIGHTED.search(alone) or alone in TOP_LEVELS) else "level2"] = levels[0]
    elif levels:
        cells["level1"], cells["level2"] = levels[0], levels[-1]
    if items:
        cells["level3"] = Paragraph("".join(i.text for i in items), items[0].line)
    return note, placeholders, cells


def dump_rows(lines: list[Paragraph], header: list[str]) -> tuple[list[Row], int]:
    """Rows rebuilt after a header; returns them and how many lines they used."""
    texts = [compact(p.text) for p in lines]
    columns = {HEADER_WORDS[word]: position for position, word in enumerate(header) if HEADER_WORDS[word]}
    rows: list[dict[str, Paragraph]] = []
    cursor = 0
    while cursor < len(texts):
        total = next((i for i in range(cursor, len(texts)) if texts[i] in TOTAL), None)
        pair = next((i for i in range(cursor + 3, len(texts) - 1)
                     if NUMERIC.match(texts[i]) and NUMERIC.match(texts[i + 1])), None)
        if pair is None or (total is not None and total < pair):
            break
        note, placeholders, cells = split_head(lines[cursor:pair - 2], not rows, "note" in columns)
        if note is not None:
            rows[-1]["note"] = note
        # A "……" row without scores stays a row of its own, as in the Word export.
        rows += [{"level3": placeholder} for placeholder in placeholders]
        cells.update(target=lines[pair - 2], actual=lines[pair - 1], weight=lines[pair], score=lines[pair + 1])
        rows.append(cells)
        cursor = pair + 2
    end = cursor
    table_rows = [to_row(cells, columns, len(header)) for cells in rows]
    total = next((i for i in range(cursor, min(cursor + 3, len(texts))) if texts[i] in TOTAL), None)
    # Lines between the last row and 总分 are the last row's note; without a note column 总分 is not this table's.
    if rows and total is not None and (total == cursor or "note" in columns):
        if total > cursor:
            rows[-1]["note"] = Paragraph("\n".join(p.text for p in lines[cursor:total]), lines[cursor].line)
            table_rows[-1] = to_row(rows[-1], columns, len(header))
        # Only the numbers right after 总分 are its cells; a line after a non-number is not consumed.
        numbers = list(takewhile(lambda p: NUMERIC.match(compact(p.text)), lines[total + 1:total + 3]))
        table_rows.append(Row([Cell("总分", lines[total].line)] + [Cell(p.text, p.line) for p in numbers]))
        end = total + 1 + len(numbers)
    return table_rows, end


def to_row(cells: dict[str, Paragraph], columns: dict[str, int], width: int) -> Row:
    line = cells["target"].line if "target" in cells else cells["level3"].line
    row = [Cell("", line) for _ in range(width)]
    for slot, paragraph in cells.items():
        if slot in columns:
            row[columns[slot]] = Cell(paragraph.text, paragraph.line)
    return Row(row)


def rebuild_cell_dumps(blocks: list[Block]) -> list[Block]:
    """Turn runs of one-cell-per-line paragraphs under an indicator header into a table."""
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        if not isinstance(blocks[index], Paragraph):
            result.append(blocks[index])
            index += 1
            continue
        end = index
        while end < len(blocks) and isinstance(blocks[end], Paragraph):
            end += 1
        result.extend(rebuild_run(blocks[index:end]))
        index = end
    return result


def rebuild_run(run: list[Paragraph]) -> list[Block]:
    texts = [compact(p.text) for p in run]
    for start in range(len(run)):
        header = header_at(texts, start)
        if not header:
            continue
        after = header[-1][2] + 1
        rows, used = dump_rows(run[after:], [word for word, _, _ in header])
        if not rows:
            continue
        header_row = Row([Cell(word, run[first].line) for word, first, _ in header])
        return run[:start] + [TableBlock([header_row] + rows)] + rebuild_run(run[after + used:])
    return list(run)
