"""A table copied out of a browser (chromium's innerText): a TAB between a row's cells and a line break after each
row, but also a line break wherever a cell breaks (a <br>, a header word wrapped in a narrow column: 年度 | 指标值,
a vertical label one character a line: 绩 | 效 | 指 | 标), and a merged cell printed once, in its first row.

A TAB at a line break (an empty cell at either side) means a row ends there; any other line break is read from
what the cells say: the two sides join into a column word, a head label, a level name or its weight, a vertical
label goes on, a bracketed note (（万元）) or the next item of a numbered list follows, an indicator row's name broke
before its values, its note after them.
"""
import re

from assistant.document import Cell, Row
from assistant.extract.columns import BRACKETED, FUND_ROLES, HEADER_WORDS, LEVELS_GROUP, MEASURED, SERIAL, \
    WEIGHT_SUFFIX, is_comparison, is_indicator_header, is_placeholder, is_value, role_of
from assistant.extract.header import HEADER_KEYS, key_of
from assistant.extract.tables import NAME_LABELS
from assistant.layout_dump import GOAL_WORDS, TOTAL, WEIGHTED, broken_header_word, broken_level, \
    broken_word, is_level_cell, printed_like
from assistant.values import chinese_to_number, normalize_text

# A numbered item opening a line of a cell's text ("2．认真推进…", "（3）…", "目标2∶…", "二、…"): group 1 is its number.
ITEM = re.compile(r"^(?:目标)?[（(]?(\d{1,2}|[一二三四五六七八九十]{1,3})(?:[)）]|[.．、:：∶](?!\d))")
VERTICAL_CHARACTER = re.compile(r"[\u4e00-\u9fa5]")
WORD_PIECES = 4  # lines, most, a column word is broken over
CELL_LINES = 40  # lines, most, a browser's copy breaks a row's cells over


def broken_cell(before: list[str], after: list[str]) -> bool:
    """Whether a line break falls inside a cell: `before` are the lines of the cell so far, `after` the line after
    the break and the lines that may still continue it (a cell alone on its line)."""
    head, tail = normalize_text(before[-1]), normalize_text(after[0])
    if not head or not tail:
        return False
    if VERTICAL_CHARACTER.fullmatch(head) and VERTICAL_CHARACTER.fullmatch(tail):
        return all(VERTICAL_CHARACTER.fullmatch(normalize_text(line)) for line in before)
    return broken_column_word(before, after) or broken_label([head, tail]) or broken_level(head, tail) \
        or bool(WEIGHT_SUFFIX.match(tail)) or bool(BRACKETED.fullmatch(tail)) or next_item(before, tail)


def broken_column_word(before: list[str], after: list[str]) -> bool:
    """A column word the break cuts: pieces on both sides join into a header word (偏差原因 | 分析及 | 改进措施), or
    two join into an indicator or funds column word neither names alone (年初 | 预算数, 全年 | 执行数)."""
    pieces = [normalize_text(line) for line in before[-WORD_PIECES + 1:]]
    following = [normalize_text(line) for line in after[:WORD_PIECES - 1]]
    for start in range(len(pieces)):
        for end in range(1, len(following) + 1):
            if len(pieces) - start + end <= WORD_PIECES and "".join(pieces[start:] + following[:end]) in HEADER_WORDS:
                return True
    pair = [pieces[-1], following[0]]
    # (a whole funds column word before a row's label is the header's last cell: 得分 | 年度资金总额)
    return broken_header_word(pair, True) or broken_word(pair) and role_of(pair[0], FUND_ROLES) is None


def broken_label(pieces: list[str]) -> bool:
    """A head label or a goals word broken in two (项目支 | 出名称): the whole names what neither piece does."""
    def label(text: str) -> bool:
        return text in NAME_LABELS or key_of(text) in HEADER_KEYS or text in GOAL_WORDS
    return label("".join(pieces)) and not any(map(label, pieces))


def unfinished_indicator(cells: list[Cell], following: list[Cell], width: int) -> bool:
    """A row holding an indicator's level name and, after it, the start of its name, the next line's cells no more
    than the indicator header leaves it, and either no measured value yet (`measured_cell`; 数量指标 | 任务完: its name
    broke; a row that holds ≥150个 | 200个 is whole) or a next line that opens with one (a row never does: a target
    of two lines, 100% | ≥90%, 8种 | 50批次): the rest of the row is on the next line — unless that line opens a row
    of its own (a level name: the row above printed its name alone; the number after the row's own under 序号; a
    "……" row; a level name as far into the line as the row's own, after a stage no list names: 项目决策 |
    质量指标), or the row ends with a word target and its result printed alike after its name (时效指标 |
    行政处罚信息公开及时准确 | 按要求及时公开 | 按要求及时公开, 无 | 无: a whole row)."""
    texts = [normalize_text(cell.text.replace("\n", "")) for cell in cells]
    level = level_at(texts)
    opening = normalize_text(following[0].text)
    paired = level is not None and len(texts) - level >= 4 and (texts[-2] == texts[-1]
                                                                 or printed_like(texts[-2], texts[-1]))
    return level is not None and level + 1 < len(texts) and not is_level_cell(texts[-1]) and not opens_row(opening) \
        and not paired and level_at([normalize_text(cell.text) for cell in following]) != level \
        and not is_placeholder(opening) \
        and not next_serial(texts[0], opening) \
        and not any(text in HEADER_WORDS for text in texts[level:]) and len(cells) + len(following) - 1 <= width \
        and (not any(map(measured_cell, texts[level:])) or measured_cell(opening))


def level_at(texts: list[str]) -> int | None:
    """Where a row's first level name is (数量指标, 产出指标(50分)), if it has one."""
    return next((index for index, text in enumerate(texts) if is_level_cell(text) or WEIGHTED.search(text)), None)


def measured_cell(text: str) -> bool:
    """A cell that is a measured value: a number or a dash, a target (≥150个) or a result (200个, 50批次) — a figure
    with its unit, not any text that holds a digit (2024年12月31日前 and 第2批 are none; `layout_dump.figure` takes
    those)."""
    return is_value(text) or bool(text) and (is_comparison(text) or bool(MEASURED.match(text)))


def name_goes_on(cells: list[Cell], following: list[Cell], width: int) -> bool:
    """Under an indicator header, a line of one cell of text that opens no row, then a line of cells, no more than
    the header's, that opens with text: an indicator's name (its level cells merged down from a row above, printed
    there) broke over the two lines."""
    head, tail = normalize_text(cells[0].text), normalize_text(following[0].text)
    return len(cells) == 1 and 1 < len(following) < width and not opens_row(head) and not opens_row(tail) \
        and not any(map(is_value, (head, tail)))


def note_goes_on(cells: list[Cell], rows: list[Row], index: int) -> bool:
    """A row that ends with a note after its score (23 | 回访发现部分服务), then a line of text alone that opens no row
    (no level name, figure, total or vertical label, alone or joined with the line after it) and is no row's first
    cell broken before the rest of its row (a line of cells that opens with text but a level name or total): the
    note goes on."""
    texts = [normalize_text(cell.text) for cell in cells]
    line = normalize_text(rows[index].cells[0].text)
    after = [normalize_text(cell.text) for cell in rows[index + 1].cells] if index + 1 < len(rows) else []
    joined = line + (after[0] if after else "")
    return len(rows[index].cells) == 1 and len(texts) >= 2 and is_value(texts[-2]) and not is_value(texts[-1]) \
        and len(line) > 1 and not (is_value(line) or is_comparison(line) or is_level_cell(line) or is_level_cell(joined)
                                   or line in TOTAL or WEIGHTED.search(joined)) \
        and (len(after) <= 1 or not after[0] or opens_row(after[0]))


def next_serial(first: str, opening: str) -> bool:
    """A row numbered under 序号 and a line that opens with the next number: the next row."""
    return bool(SERIAL.match(first) and SERIAL.match(opening)) and int(opening) == int(first) + 1


def opens_row(text: str) -> bool:
    """A cell only a row's first cells hold: a level name, with or without its weight, or the total."""
    return is_level_cell(BRACKETED.sub("", text)) or text in TOTAL


def next_item(before: list[str], tail: str) -> bool:
    """The line after the break opens the item numbered after the cell's last item (1．… then 2．…, 一、 then 二、)."""
    numbers = [number for number in map(item_number, before) if number is not None]
    number = item_number(tail)
    return bool(numbers and number is not None and number == numbers[-1] + 1)


def item_number(line: str) -> float | None:
    """The number of the item a line of a cell opens, if it opens one."""
    found = ITEM.match(normalize_text(line))
    if not found:
        return None
    return float(found.group(1)) if found.group(1).isdigit() else chinese_to_number(found.group(1))


def rows_rejoined(rows: list[Row]) -> list[Row]:
    """The rows of a browser's TAB copy, one a line, joined where a line break fell inside a cell: the first cell
    of the lower line continues the last cell of the upper one. A row spans CELL_LINES source lines at most, and
    under an indicator header no more cells than the header's."""
    joined: list[Row] = []
    width = 0  # the cells of the indicator header over the rows, down to its 总分
    for index, row in enumerate(rows):
        upper = joined[-1].cells if joined else []
        if upper and row.line - joined[-1].line < CELL_LINES and (not width or len(upper) <= width) \
                and upper[-1].text and row.cells and row.cells[0].text \
                and (broken_cell(upper[-1].text.split("\n"), continuing(rows, index))
                     or unfinished_indicator(upper, row.cells, width) or name_goes_on(upper, row.cells, width)
                     or note_goes_on(upper, rows, index)):
            last, first = upper[-1], row.cells[0]
            upper[-1:] = [Cell(f"{last.text}\n{first.text}", last.line), *row.cells[1:]]
            continue
        if joined:
            width = header_width(joined[-1], width)
        joined.append(Row(list(row.cells)))
    return labels_carried(joined)


def header_width(row: Row, width: int) -> int:
    """The width of the indicator header over the rows after `row`: `row`'s cells if it is one, none after a total,
    else `width`, the header's above."""
    opening = [normalize_text(cell.text) for cell in row.cells if cell.text][:1]
    if is_indicator_header([cell.text for cell in row.cells]):
        return len(row.cells)
    return 0 if opening and opening[0] in TOTAL else width


def labels_carried(rows: list[Row]) -> list[Row]:
    """A row one cell short of the header above it, whose first cell is merged down over it, the cell printed once:
    the row gets it back, empty. That header is a label over a row of figures (财政供养人员情况(人) | 编制数 | 实际在职人数
    | 控制率, then 301 | 263 | 87.38%), or an indicator header opening with 绩效指标 over its rows down to 总分."""
    carried: list[Row] = []
    group = 0  # the cells of the indicator header whose 绩效指标 runs down the rows below it, until 总分
    for row in rows:
        upper = [cell.text for cell in carried[-1].cells] if carried else []
        if len(row.cells) + 1 == group or len(row.cells) + 1 == len(upper) and figures_under_label(upper, row):
            row = Row([Cell("", row.cells[0].line), *row.cells])
        carried.append(row)
        texts = [normalize_text(cell.text) for cell in row.cells]
        if is_indicator_header(texts):
            group = len(texts) * (BRACKETED.sub("", texts[0]) == LEVELS_GROUP)
        elif texts[0] in TOTAL or not texts[0] and len(texts) > 1 and texts[1] in TOTAL:
            group = 0
    return carried


def figures_under_label(upper: list[str], row: Row) -> bool:
    """A row of figures under a row of labels."""
    return all(cell.text and is_value(cell.text) for cell in row.cells) and all(text and not is_value(text)
                                                                               for text in upper)


def continuing(rows: list[Row], index: int) -> list[str]:
    """The line at `index`'s first cell and, while each line is one cell, the lines that follow it."""
    pieces = [rows[index].cells[0].text]
    while len(rows[index].cells) == 1 and index + 1 < len(rows) and rows[index + 1].cells \
            and rows[index + 1].cells[0].text and len(pieces) < WORD_PIECES:
        index += 1
        pieces.append(rows[index].cells[0].text)
    return pieces
