"""An indicator table cut off above its header: the copy starts below it (an excerpt, a document viewer's later
page), or a page break carried the rows onto a page of their own, the header left on the page before. Its columns
are told by what their cells hold, in one of the orders the official forms print them in (the national form's
一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, 分值 before the target, 得分 alone …), and the
table is read under that form's header words — a reading the reviewer is told about, since no header says so."""
from collections import Counter

from assistant.document import Cell, Row
from assistant.extract.columns import fits
from assistant.extract.run_rows import LEVEL1, LEVEL2
from assistant.values import normalize_text, parse_number

TEMPLATE_WORDS = {"level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "target": "年度指标值",
                  "actual": "实际完成值", "weight": "分值", "score": "得分", "deviation_note": "偏差原因分析及改进措施"}
# The value columns after 三级指标, in the orders the forms print them.
TEMPLATE_VALUES = (("target", "actual", "weight", "score"), ("weight", "target", "actual", "score"),
                   ("target", "actual", "score"), ("target", "weight"), ("target", "actual"))
LEVEL_ROWS = 2  # rows naming a 一级 or 二级 indicator, fewest, that make a run of rows an indicator table
FILLED = 3  # cells a row fills, fewest, to be read as an indicator row
LEADING = 2  # columns, most, before 一级指标 (绩效指标 merged down the table, a 序号)
OVER_WEIGHT = 2.0  # what a row costs whose 得分 is more than its 分值


def names_level(text: str) -> bool:
    cell = normalize_text(text)
    return bool(LEVEL1.fullmatch(cell) or LEVEL2.fullmatch(cell))


def fit(slots: list[str | None], rows: list[Row]) -> float:
    """How well the rows' cells fit the columns `slots` names: each cell's type under its role (`fits`), less
    what every row costs whose 得分 is more than its 分值."""
    total = 0.0
    for row in rows:
        texts = row.texts()
        total += sum(fits(role, text) for role, text in zip(slots, texts) if role)
        cells = dict(zip(slots, texts))
        weight, score = parse_number(cells.get("weight")), parse_number(cells.get("score"))
        if weight is not None and score is not None and score > weight:
            total -= OVER_WEIGHT
    return total


def with_inferred_header(rows: list[Row]) -> tuple[list[Row], Row] | None:
    """The rows with the header of their indicator rows, printed without one, put above the first of them (below
    the head's 项目名称 … rows), and that header: the form order whose columns their cells fit best. None unless at
    least two rows name a 一级 or 二级 indicator and a form fits them at all."""
    filled = [row for row in rows if sum(bool(normalize_text(text)) for text in row.texts()) >= FILLED]
    if sum(any(names_level(text) for text in row.texts()) for row in filled) < LEVEL_ROWS:
        return None
    width = Counter(len(row.cells) for row in filled).most_common(1)[0][0]
    read = [row for row in filled if len(row.cells) == width]
    forms = [[None] * leading + ["level1", "level2", "level3", *values, *note]
             for leading in range(LEADING + 1) for values in TEMPLATE_VALUES for note in ([], ["deviation_note"])]
    scored = [(fit(slots, read), -index, slots) for index, slots in enumerate(forms) if len(slots) == width]
    if not scored:
        return None
    best, _, slots = max(scored)
    if best <= 0:
        return None
    first = rows.index(read[0])
    header = Row([Cell(TEMPLATE_WORDS[slot] if slot else "", read[0].cells[0].line) for slot in slots])
    return [*rows[:first], header, *rows[first:]], header
