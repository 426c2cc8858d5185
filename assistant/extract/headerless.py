"""An indicator table cut off above its header: the copy starts below it (an excerpt, a document viewer's later
page), or a page break carried the rows onto a page of their own, the header left on the page before. Its columns
are told by what their cells hold, in one of the orders the official forms print them in (the national form's
一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, 分值 before the target, 得分 alone …), and the
table is read under that form's header words — a reading the reviewer is told about, since no header says so."""
from assistant.document import Cell, Row
from assistant.extract.columns import fits
from assistant.extract.run_rows import is_level_cell
from assistant.values import normalize_text, parse_number

TEMPLATE_WORDS = {"level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "nature": "指标性质",
                  "target": "年度指标值", "measure_unit": "度量单位", "actual": "实际完成值", "weight": "分值",
                  "score": "得分", "deviation_note": "偏差原因分析及改进措施"}
# The value columns after 三级指标, in the orders the forms print them: the national form's, 分值 first, 得分 alone,
# unscored, and Sichuan's target split over 指标性质 | 指标值 | 度量单位.
TEMPLATE_VALUES = (("target", "actual", "weight", "score"), ("weight", "target", "actual", "score"),
                   ("target", "actual", "score"), ("target", "weight"), ("target", "actual"),
                   ("nature", "target", "measure_unit", "actual", "weight", "score"))
LEVEL_ROWS = 2  # rows naming a 一级 or 二级 indicator, fewest, that make a run of rows an indicator table
FILLED = 3  # cells a row fills, fewest, to be read as an indicator row
OVER_WEIGHT = 2.0  # what a row costs whose 得分 is more than its 分值
MISPLACED_LEVEL = 2.0  # what a level name costs read under a name or a value: the form's columns are not the rows'
LEVELS = ("level1", "level2")
NAMES = 3  # cells of a row's names: 一级, 二级 and 三级指标


def trimmed(row: Row) -> list[str]:
    """A row's cells without the empty ones a copy padded it with on the right (| 10 | 10 | | | |)."""
    texts = row.texts()
    while texts and not normalize_text(texts[-1]):
        texts = texts[:-1]
    return texts


def row_fit(slots: list[str], texts: list[str]) -> float:
    """How well one row's cells fit the columns `slots` names: each cell's type under its role (`fits`), less what
    a level name costs read under another role and what a 得分 over its 分值 costs. A row shorter than the form is
    aligned on the right, where the values are (its levels merged down from the row above), or, printing no more
    than its names, on the left (its values left empty: 产出指标 | 数量指标 | 指标2), whichever fits better."""
    alignments = [dict(zip(slots[max(0, len(slots) - len(texts)):], texts[max(0, len(texts) - len(slots)):]))]
    if len(texts) <= NAMES < len(slots):
        alignments.append(dict(zip(slots, texts)))
    return max(cells_fit(cells) for cells in alignments)


def cells_fit(cells: dict[str, str]) -> float:
    """`row_fit` of a row's cells placed under their roles."""
    fit = sum(fits(role, text) if role in LEVELS or not is_level_cell(normalize_text(text)) else -MISPLACED_LEVEL
              for role, text in cells.items())
    weight, score = parse_number(cells.get("weight")), parse_number(cells.get("score"))
    return fit - OVER_WEIGHT if weight is not None and score is not None and score > weight else fit


def with_inferred_header(rows: list[Row]) -> tuple[list[Row], Row] | None:
    """The rows with the header of their indicator rows, printed without one, put above the first of them (below
    the head's 项目名称 … rows), and that header: the form order whose columns their cells fit best. None unless at
    least two rows name a 一级 or 二级 indicator and most rows, each on its own, fit the form."""
    filled = [row for row in rows if sum(bool(normalize_text(text)) for text in row.texts()) >= FILLED]
    if sum(any(is_level_cell(normalize_text(text)) for text in row.texts()) for row in filled) < LEVEL_ROWS:
        return None
    read = [trimmed(row) for row in filled]
    forms = [["level1", "level2", "level3", *values, *note] for values in TEMPLATE_VALUES
             for note in ([], ["deviation_note"])]
    best, _, slots = max((sum(row_fit(slots, texts) for texts in read), -index, slots)
                         for index, slots in enumerate(forms))
    fitting = {id(row) for row, texts in zip(filled, read) if row_fit(slots, texts) > 0}
    # The form must explain the rows: they fit it, and most of them each on its own.
    if best <= 0 or 2 * len(fitting) <= len(read):
        return None
    # The rows open at the first naming a level, or above it at the rows a page break carried over with their
    # levels merged down from the page before, each fitting the form.
    first = next(index for index, row in enumerate(rows)
                 if any(is_level_cell(normalize_text(text)) for text in row.texts()))
    while first and id(rows[first - 1]) in fitting:
        first -= 1
    header = Row([Cell(TEMPLATE_WORDS[slot], rows[first].cells[0].line) for slot in slots])
    return [*rows[:first], header, *rows[first:]], header
