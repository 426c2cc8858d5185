"""One-cell-per-line dumps: a table copied out of a PDF viewer or a web page.

Every cell is a line of its own, a long cell may break over several lines, and merged (empty)
cells are simply absent. The indicator block is rebuilt by its grammar: after the header,
each row ends with 指标值, 完成值, 分值, 得分 — the last two numeric — preceded by the row's
level names and 三级指标, and followed by an optional 偏差原因 note; 总分 closes the block.
"""
import re
from itertools import takewhile

from assistant.document import Block, Cell, Paragraph, Row, TableBlock
from assistant.extract.columns import FUND_ROLES, INDICATOR_ROLES, role_of
from assistant.extract.run_rows import run_together_rows, swallows_levels
from assistant.extract.tokens import CHONGQING_COLUMNS, CHONGQING_HEADER, WORD, core_indicator_rows, segment, \
    split_fund_run
from assistant.values import normalize_text

HEADER_WORDS = {"绩效指标": None, "一级指标": "level1", "二级指标": "level2", "三级指标": "level3",
                "指标性质": "nature", "年度指标值": "target", "指标值": "target", "度量单位": "measure_unit",
                "计量单位": "measure_unit", "实际完成值": "actual", "完成值": "actual", "全年实际值": "actual",
                "分值": "weight", "权重": "weight", "得分": "score", "自评得分": "score",
                "偏差原因分析及改进措施": "note", "偏差原因": "note", "未完成原因分析": "note",
                "未完成原因及改进措施": "note"}
LEVEL1 = re.compile(r"^(?:项目)?(?:产出|效益|满意度|成本|决策|过程|管理)指标(?:[（(]\d+(?:\.\d+)?分[)）])?$")
LEVEL2 = re.compile(r"^[\u4e00-\u9fa5]{2,10}指标$")
NUMERIC = re.compile(r"^(?:完成得)?\d+(?:\.\d+)?分?$")
TOTAL = ("总分", "合计")
EMPTY_CELL = "|"
PLACEHOLDER = re.compile(r"^指标\d+$")
WEIGHT_SUFFIX = re.compile(r"^[（(]\d+(?:\.\d+)?分[)）]$")
WEIGHTED = re.compile(r"[（(]\d+(?:\.\d+)?分[)）]$")
TOP_LEVELS = ("产出指标", "效益指标", "满意度指标")


def compact(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def slot(word: str) -> str | None:
    """The column a header word names: the dump's own words, then the synonym table's roles."""
    if word in HEADER_WORDS:
        return HEADER_WORDS[word]
    role = role_of(word, INDICATOR_ROLES) if len(word) <= 10 else None
    return {"deviation_note": "note", "adjusted_target": "target"}.get(role, role)


def header_at(texts: list[str], start: int) -> list[tuple[str, int, int]]:
    """Header words from `start`, each joined from up to four lines: [(word, first, last)]."""
    words: list[tuple[str, int, int]] = []
    index = start
    while index < len(texts):
        for size in range(4, 0, -1):
            joined = "".join(texts[index:index + size])
            if joined in HEADER_WORDS or (size == 1 and slot(joined)) or \
                    (size == 2 and broken_header_word(texts[index:index + 2])):
                words.append((joined, index, index + size - 1))
                index += size
                break
        else:
            break
    names = {slot(w) for w, _, _ in words}
    return words if {"level3", "weight"} <= names or {"level3", "score"} <= names or \
        {"level3", "target", "actual"} <= names else []


# The words that stand before a column word and are cut off from it where a flattened line is cut at the word.
COLUMN_PREFIXES = ("年初", "全年", "年度", "调整后", "预期", "绩效")


def broken_header_word(pieces: list[str]) -> bool:
    """A column word cut in two where a flattened line was cut at a word it knows: "年初" "目标值(A)"."""
    return pieces[0] in COLUMN_PREFIXES and bool(slot("".join(pieces)))


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
        if previous and len(previous) <= 6 and not is_level(previous) and not is_level(compact(item.text)) \
                and is_level(previous + compact(item.text)):
            joined[-1] = Paragraph(joined[-1].text + item.text, joined[-1].line)
        else:
            joined.append(item)
    return joined


def is_placeholder(text: str) -> bool:
    """A row printed without an indicator: "……", or a bare "指标2" the template numbers."""
    cell = compact(text)
    return not cell.strip("…．.。·") or bool(PLACEHOLDER.match(cell))


def split_head(head: list[Paragraph], first_row: bool,
               has_note: bool) -> tuple[Paragraph | None, list[Paragraph], dict[str, Paragraph]]:
    """The previous row's note, "……" placeholder rows, and this row's level names and 三级指标 from the lines before 指标值."""
    items = join_levels(head)
    note = None
    if has_note and not first_row and len(items) >= 2 and not is_level(compact(items[0].text)) \
            and not is_placeholder(items[0].text):
        note, items = items[0], items[1:]
    placeholders = [i for i in items if is_placeholder(i.text)]
    items = [i for i in items if not is_placeholder(i.text)]
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
    slots = [slot(word) for word in header]
    columns = {name: position for position, name in enumerate(slots) if name}
    # The cells printed after 三级指标, in the header's order: 指标值 and 完成值 (or a target split over
    # columns), 分值 and 得分 (or 得分 alone), 分值 before the target in some templates.
    values = [name for name in slots if name in ("nature", "direction", "target", "measure_unit", "actual",
                                                  "weight", "score")]
    numeric = [offset for offset, name in enumerate(values) if name in ("weight", "score")]
    rows: list[dict[str, Paragraph]] = []
    cursor = 0
    while cursor < len(texts):
        total = next((i for i in range(cursor, len(texts)) if texts[i] in TOTAL), None)
        # The row's values: numbers where the scores go (or empty cells, if the dump prints them), after the
        # row's 三级指标, and no number right after them (but a note column may hold one, "0").
        start = next((i for i in range(cursor + 1, len(texts) - len(values) + 1)
                      if all(NUMERIC.match(texts[i + offset]) or texts[i + offset] == EMPTY_CELL for offset in numeric)
                      and any(NUMERIC.match(texts[i + offset]) for offset in numeric)
                      and not ends_in_number(texts, i + len(values), "note" in columns)
                      and "level3" in split_head(lines[cursor:i], not rows, "note" in columns)[2]), None)
        if start is None or (total is not None and total < start):
            break
        note, placeholders, cells = split_head(lines[cursor:start], not rows, "note" in columns)
        if note is not None:
            rows[-1]["note"] = note
        # A "……" row without scores stays a row of its own, as in the Word export.
        rows += [{"level3": placeholder} for placeholder in placeholders]
        cells.update(zip(values, lines[start:start + len(values)]))
        rows.append(cells)
        cursor = start + len(values)
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


def ends_in_number(texts: list[str], after: int, has_note: bool) -> bool:
    """A number follows a row's values: they end later, unless it is the note and text comes next."""
    if after >= len(texts) or not NUMERIC.match(texts[after]):
        return False
    return not (has_note and (after + 1 >= len(texts) or not NUMERIC.match(texts[after + 1])))


def to_row(cells: dict[str, Paragraph], columns: dict[str, int], width: int) -> Row:
    line = cells["target"].line if "target" in cells else cells["level3"].line
    row = [Cell("", line) for _ in range(width)]
    for slot, paragraph in cells.items():
        if slot in columns:
            row[columns[slot]] = Cell(cell_text(paragraph), paragraph.line)
    return Row(row)


def cell_text(paragraph: Paragraph) -> str:
    """A dumped cell's text; a lone "|" line is an empty cell of a dump that prints its empty cells."""
    return "" if compact(paragraph.text) == EMPTY_CELL else paragraph.text


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
        run = rebuild_core_tables(blocks[index:end])
        if len(run) < end - index or any(isinstance(b, TableBlock) for b in run):
            result.extend(run)
            index = end
            continue
        pages = strip_page_marks(run)
        cells = [cell for p in pages for cell in unflatten(p)]
        rebuilt = rebuild_run(cells) if len(cells) > len(pages) else []
        # Cut into cells only where a table came of it; otherwise the paragraphs stay as printed.
        result.extend(rebuilt if any(isinstance(b, TableBlock) for b in rebuilt) else rebuild_run(run))
        index = end
    return result


PAGE_MARK = re.compile(r"^(\d+)、")  # a document viewer's page number before each page's text


def strip_page_marks(run: list[Paragraph]) -> list[Paragraph]:
    """A document viewer's text pages, one line each and numbered "1、" "2、" "3、", without their numbers: a page
    break cuts rows and even numbers ("…完成10" "2、0%100%…"), and the run-together reader reads on over the lines."""
    stripped: list[Paragraph] = []
    page = 0
    for paragraph in run:
        number = PAGE_MARK.match(paragraph.text)
        if number and int(number.group(1)) == page + 1:
            stripped.append(Paragraph(paragraph.text[number.end():], paragraph.line))
            page += 1
        else:
            stripped.append(paragraph)
            page = 0
    return stripped


# A filling instruction printed in a cell: numbered sentences ("1.预算执行率=…;2.年中发生…"), never a flattened table.
NUMBERED_NOTE = re.compile(r"^1[.．、].+[;；]2[.．、]")
TITLE = re.compile(r"[^\s:：,，。()（）《》、]{0,16}自评表")
SELF_SCORE = re.compile(r"自评总分(?:[(（]分[)）])?[:：]?(\d+(?:\.\d+)?)")


def rebuild_core_tables(run: list[Paragraph]) -> list[Block]:
    """A run-together Chongqing indicator table (rows ending in 是/否 under 是否核心指标) as a table of cells;
    its title and 自评总分 are read from the text before it."""
    start = next((i for i, p in enumerate(run) if CHONGQING_HEADER in p.text), None)
    if start is None:
        return run
    before, after = run[start].text.split(CHONGQING_HEADER, 1)
    rows, rest = core_indicator_rows(after)
    end = start + 1
    while end < len(run):
        more, tail = core_indicator_rows(PAGE_MARK.sub("", run[end].text.strip()))
        if not more:
            break
        rows, rest, end = rows + more, tail, end + 1
    if not rows:
        return run
    line = run[start].line
    earlier = " ".join(p.text for p in run[max(0, start - 2):start]) + before
    head = [Row([Cell("自评总分", line), Cell(score.group(1), line)]) for score in [SELF_SCORE.search(earlier)] if score]
    table = TableBlock(head + [Row([Cell(word, line) for word in CHONGQING_COLUMNS])]
                       + [Row([Cell(text, line) for text in row]) for row in rows])
    table.title_lines = [Paragraph(title, line) for title in TITLE.findall(earlier)[-1:]]
    leftover = [Paragraph(rest, run[end - 1].line)] if rest.strip() else []
    return run[:start] + [Paragraph(before, line), table] + leftover + rebuild_core_tables(run[end:])


def unflatten(paragraph: Paragraph) -> list[Paragraph]:
    """A table flattened into one line as one paragraph per cell: cells separated by spaces, or by
    nothing at all (cut at the header words and numbers, see `segment`)."""
    parts = paragraph.text.split()
    if len(parts) >= 8 and sum(compact(part) in HEADER_WORDS or role_of(part, FUND_ROLES) is not None
                               for part in parts) >= 3:
        return [Paragraph(part, paragraph.line) for part in parts]
    text = normalize_text(paragraph.text)
    if len(text) >= 30 and len(WORD.findall(text)) >= 4 and not NUMBERED_NOTE.match(text):
        return [Paragraph(cell, paragraph.line) for cell in segment(text)]
    return [paragraph]


def rebuild_run(run: list[Paragraph]) -> list[Block]:
    texts = [compact(p.text) for p in run]
    for start in range(len(run)):
        header = header_at(texts, start)
        if not header:
            continue
        after = header[-1][2] + 1
        rows, used = dump_rows(run[after:], [word for word, _, _ in header])
        warnings: list[str] = []
        header_row = Row([Cell(word, run[first].line) for word, first, _ in header])
        if after < len(run) and run[after].line == run[after - 1].line:
            # The header and its rows were one run-together line: read them by the row grammar of run_rows.
            slots = [slot(word) for word, _, _ in header]
            together_header, together, together_used, unsplit = run_together_rows(run[after:], header_row, slots)
            if len(together) > len(rows) or (together and swallows_levels(rows, slots)):
                header_row, rows, used, warnings = together_header, together, together_used, unsplit
        if not rows:
            continue
        head_start, head_rows = read_head(run[:start])
        table = TableBlock(head_rows + [header_row] + rows, warnings=warnings)
        return run[:head_start] + [table] + rebuild_run(run[after + used:])
    return list(run)


HEAD_KEYS = ("项目名称", "主管部门", "实施单位", "项目实施单位", "主管部门及代码")
GOAL_WORDS = ("年度总体目标", "预期目标", "实际完成情况")
FRAGMENT = re.compile(r"^[\u4e00-\u9fa5]{1,3}$")
NUMBER_RUN = re.compile(r"^(?:\d[\d.,，%]*|/|—|-|\|)$")
FUND_VALUE = re.compile(r"^(?:[-+]?\d[\d,，]*(?:\.\d+)?%?|/|—|-)$")


def broken_word(pieces: list[str]) -> bool:
    """Whether lines join into one funds column word: a role word, or a short fragment and the rest of one
    ("年初" "预算数" → 年初预算数, "全年" "执行数"), never a label glued to a word ("(万元)" "年初预算数")."""
    role = role_of("".join(pieces), FUND_ROLES)
    return role is not None and (len(pieces) == 1 or all(FRAGMENT.match(p) for p in pieces[:-1]))


def fund_header_at(texts: list[str], start: int) -> list[tuple[str, int]]:
    """Funds column words from `start`, each joined from up to three lines ("年初" "预算数"): [(word, last)]."""
    words: list[tuple[str, int]] = []
    index = start
    while index < len(texts):
        size = next((n for n in (1, 2, 3) if index + n <= len(texts) and broken_word(texts[index:index + n])), None)
        if size is None:
            break
        words.append(("".join(texts[index:index + size]), index + size - 1))
        index += size
    if len(words) > 1 and role_of(words[0][0], FUND_ROLES) in {role_of(word, FUND_ROLES) for word, _ in words[1:]}:
        # A stacked heading over the columns below it (年度预算数(万元) over 年初预算, 调整后预算数): not a column.
        words = words[1:]
    roles = {role_of(word, FUND_ROLES) for word, _ in words}
    return words if len(roles) >= 3 and "executed" in roles else []


def read_head(run: list[Paragraph]) -> tuple[int, list[Row]]:
    """The head of a dumped table above its indicator header: 项目名称 and like pairs, the funds block and
    the goals; returns where the head starts in `run` and its rows."""
    texts = [compact(p.text) for p in run]
    funds = next(((i, fund_header_at(texts, i)) for i in range(len(texts)) if fund_header_at(texts, i)), None)
    keys = [i for i, t in enumerate(texts[:funds[0] if funds else len(texts)]) if t in HEAD_KEYS]
    start = keys[0] if keys else (funds[0] if funds else len(run))
    rows = [Row([Cell(run[i].text, run[i].line), Cell(run[i + 1].text, run[i + 1].line)])
            for i in keys if i + 1 < len(run) and texts[i + 1] not in HEAD_KEYS]
    # Sichuan prints its goals above the funds: 项目年度目标, 年度目标完成情况, then the two texts under them.
    goals = next((i for i in range(len(texts[:funds[0] if funds else len(texts)]) - 3)
                  if texts[i].endswith("年度目标") and texts[i + 1] == "年度目标完成情况"), None)
    if goals is not None:
        rows += [Row([Cell(p.text, p.line) for p in run[at:at + 2]]) for at in (goals, goals + 2)]
    if funds is None:
        return start, rows
    index, words = funds
    rows.append(Row([Cell("", run[index].line)] + [Cell(word, run[index].line) for word, _ in words]))
    cursor = words[-1][1] + 1
    while cursor < len(run) and texts[cursor] not in GOAL_WORDS and not NUMBER_RUN.match(texts[cursor]):
        values_end = cursor + 1
        while values_end < len(run) and NUMBER_RUN.match(texts[values_end]) and values_end - cursor <= len(words):
            values_end += 1
        values = [Cell(cell_text(p), p.line) for p in run[cursor + 1:values_end]]
        if len(values) == 1 and not FUND_VALUE.match(texts[cursor + 1]):
            # Numbers printed without separators: split by the row's arithmetic, or left joined (read as empty).
            split = split_fund_run(texts[cursor + 1], [role_of(word, FUND_ROLES) for word, _ in words])
            values = [Cell(value, values[0].line) for value in split] if split else values
        if not values and "资金" not in texts[cursor] and "拨款" not in texts[cursor]:
            # A header word without a role or a note cell stands between rows; anything else ends the block.
            if values_end < len(run) and not NUMBER_RUN.match(texts[values_end]) \
                    and values_end + 1 < len(run) and NUMBER_RUN.match(texts[values_end + 1]):
                cursor = values_end
                continue
            break
        padding = [Cell("", run[cursor].line) for _ in range(len(words) - len(values))]
        rows.append(Row([Cell(run[cursor].text, run[cursor].line)] + values + padding))
        cursor = values_end
    goal = next((i for i in range(cursor, len(texts)) if texts[i] == "实际完成情况"), None)
    if goal is not None and "预期目标" in texts[cursor:goal]:
        rest = run[goal + 1:]
        rows.append(Row([Cell(p.text, p.line) for p in run[cursor:goal + 1]]))
        if rest:
            achieved = Cell("".join(p.text for p in rest[1:]), rest[-1].line) if len(rest) > 1 else Cell("", rest[0].line)
            rows.append(Row([Cell("", rest[0].line)] * (goal - cursor - 1) + [Cell(rest[0].text, rest[0].line), achieved]))
    return start, rows
