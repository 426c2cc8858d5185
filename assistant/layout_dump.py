"""One-cell-per-line dumps: a table copied out of a PDF viewer or a web page.

Every cell is a line of its own, a long cell may break over several lines, and merged (empty)
cells are simply absent. The indicator block is rebuilt by its grammar: after the header,
each row ends with 指标值, 完成值, 分值, 得分 — the last two numeric — preceded by the row's
level names and 三级指标, and followed by an optional 偏差原因 note; 总分 closes the block. Where each
level prints its own 分值 the level names come in (name, 分值) pairs; where the dump leaves its empty cells
out, rows have no fixed width and their cells are placed by type (`loose_rows`).
"""
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from itertools import accumulate, chain, combinations, takewhile

from assistant.document import Block, Cell, Paragraph, Row, TableBlock
from assistant.extract.columns import BRACKETED, FUND_ROLES, HEADER_WORDS, HUBEI_LEVEL1_HEAD, INDICATOR_BLOCK_LABEL, \
    INDICATOR_ROLES, LEVEL_ROLES, MEASURED, MONEY_ROLES, MONEY_UNIT_CELL, NUMBERED_INDICATOR, PER_UNIT, PERCENT_SIGNS, \
    REVIEW_SCORE_HEAD, STAGES, TEXT_ROLES, UNIT_LENGTH, WEIGHT_SUFFIX, WEIGHTED_LEVELS, WHOLE_CELL_ROLES, fits, \
    is_fund_header, is_goal_label, is_indicator_header, is_placeholder, is_value, open_brackets, ranked_role, role_of, \
    unit_shaped, with_level_weights, without_bound
from assistant.extract.figures import COUNT_UNITS, MEASURE_UNITS, MONEY_UNITS, TIME_UNITS
from assistant.extract.header import HEAD_LABEL, HEADER_KEYS, UNIT_PAIR, UNIT_ROLES, WORDS_FIRST, is_unit_pair, key_of
from assistant.extract.headerless import TEMPLATE_VALUES, TEMPLATE_WORDS
from assistant.extract import run_rows
from assistant.extract.run_rows import LEVEL1_CELL, LEVEL2_CELL, is_level_cell, is_level_copy, run_together_rows, \
    swallows_levels
from assistant.extract.tables import ACHIEVED_LABELS, NAME_LABELS, PROJECT_NAME_LABELS, TOTAL_LABELS, label
from assistant.extract.tokens import CHONGQING_COLUMNS, CHONGQING_HEADER, CORE_FUNDS_COLUMNS, NOTE, RATE_TOLERANCE, \
    FULL_MARKS, WORD, core_funds_row, core_indicator_rows, funds_row_holds, is_joined_run, scores_by_rate, segment, \
    split_fund_run, split_part_run
from assistant.titles import NAMED_TABLE
from assistant.values import COMPARATOR_SIGNS, DATE, NUMBER, NUMBER_PATTERN, QUALITATIVE_WORDS, RESULT_WORDS, \
    SIGN_COMPARATOR, SIGN_COMPARATORS, WORD_COMPARATOR, decimals_printed, half_last_place, \
    normalize_text, parse_number, parse_percent, parse_target, simplified

NUMERIC = re.compile(r"^(?:完成得)?\d+(?:\.\d+)?分?$")
TOTAL = ("总分", "合计")
DIGIT = re.compile(r"\d")
EMPTY_CELL = "|"
WEIGHTED = re.compile(r"[（(]\d+(?:\.\d+)?分[)）]$")
# A cell that can only be a value, never the end of a 三级指标's name: a number or a comparison.
VALUE_START = re.compile(rf"^(?:{SIGN_COMPARATOR})?\d+(?:\.\d+)?[%％]?$")
# Text columns whose cell a viewer may break over two lines, and what joining them costs the placement.
JOINABLE = {"level3", "target", "actual", "note", "explanation", "criteria"}
BROKEN_CELL = 0.6
# The columns a row prints after its 三级指标, in the header's order.
VALUE_SLOTS = ("nature", "direction", "target", "adjusted_target", "measure_unit", "actual", "explanation", "criteria",
               "score_factor", "weight", "score", "core", "other")


def slot(word: str) -> str | None:
    """The column a header word names: the words printed whole, then the synonym table's roles."""
    role = HEADER_WORDS[word] if word in HEADER_WORDS else role_of(word, INDICATOR_ROLES) if len(word) <= 14 else None
    return {"deviation_note": "note"}.get(role, role)


def column_slots(word: str, before: str = "") -> list[str | None]:
    """The columns a header word heads (`before` the word printed before it): two for the head over the 一级 and 二级
    columns (评价内容), one, the indicator's, where it follows Hubei's 项目权重 (the 一级)."""
    if slot(word) == "level_pair":
        return ["level3"] if before == HUBEI_LEVEL1_HEAD else ["level1", "level2"]
    return [slot(word)]


def header_slots(header: list[str]) -> list[str | None]:
    """The columns of a header's words, in order, with each 一级 and 二级 column's points after it."""
    return with_level_weights([name for index, word in enumerate(header)
                               for name in column_slots(word, header[index - 1] if index else "")])


def header_at(texts: list[str], start: int, lines: list[int]) -> list[tuple[str, int, int]]:
    """Header words from `start`, each joined from up to four lines: [(word, first, last)]. A header never opens
    with the goals row's words (年度总体目标 | 预期目标 | 实际完成情况, its texts left empty)."""
    words: list[tuple[str, int, int]] = []
    if start < len(texts) and (texts[start] in GOAL_WORDS or texts[start].startswith(GOAL_WORDS[0])):
        return words
    index = start
    tails: set[int] = set()  # the lower halves of stacked words, read with their upper halves
    while index < len(texts):
        if index in tails:
            index += 1
            continue
        # (a line of column words run together is no upper half of a word the next line ends: "实际完成值(B)得分" over
        # the first row's "产出指标")
        together = run_together_words(texts[index])
        for size in range(4, 0, -1) if not together else (1,):
            joined = "".join(texts[index:index + size])
            # (a qualifier and the column word after it — "实际" "分值" — are no one word where the qualifier is the
            # upper half of a word printed over two rows, its lower half after the header's other words: "实际"
            # … "完成值")
            if joined in HEADER_WORDS or \
                    (size == 2 and broken_header_word(texts[index:index + 2], len(set(lines[index:index + 2])) == 2)
                     and not (slot(texts[index + 1]) == slot(joined) and stacked_words(texts, index, tails))):
                words.append((joined, index, index + size - 1))
                index += size
                break
        else:
            # A line naming one column, else column words a copy ran together on one line.
            together = together or [texts[index]] * bool(slot(texts[index]))
            stacked = [] if together else stacked_words(texts, index, tails)
            if not together and not stacked and indicator_header(words) and words[-1][0] in HEADER_WORDS \
                    and unknown_column(texts, index):
                together = [texts[index]]
            if not together and not stacked:
                break
            words += [(word, index, index) for word in together] + stacked
            tails.update(last for _, _, last in stacked)
            index += 1
    return words if indicator_header(words, lost_levels=True) else []


def indicator_header(words: list[tuple[str, int, int]], lost_levels: bool = False) -> bool:
    """Whether header words name an indicator table's columns: its 三级指标 (or, `lost_levels`, its 一级 or 二级指标:
    a copy may lose the others) and its 分值 or 得分, or its 指标值 and 完成值."""
    names = set(header_slots([word for word, _, _ in words]))
    named = "level3" in names or lost_levels and bool({"level1", "level2"} & {slot(word) for word, _, _ in words})
    return named and ("weight" in names or "score" in names or {"target", "actual"} <= names)


def unknown_column(texts: list[str], index: int) -> bool:
    """Whether a line after a header's words (an indicator table's already, `indicator_header`, the last a whole
    word, not a piece of one: 偏差 | 大或目标未完成 | 原因分析 is one word cut) is a column word no list here knows
    (佐证材料, 情况说明): a short word — no figure, no level's name, no total — before another column word or before
    the first row's 一级 name. Its column is read, named by no role."""
    text = texts[index]
    if index + 1 >= len(texts) or not UNKNOWN_WORD.fullmatch(text) or is_level_cell(text) \
            or text in TOTAL or text in GOAL_WORDS:
        return False
    following = texts[index + 1]
    if text + following in HEADER_WORDS or text.endswith(CONJUNCTIONS):
        return False  # the head of a word the next line ends ("未完成原因和" "改进措施")
    return bool(slot(following) or following in HEADER_WORDS or LEVEL1_CELL.match(following))


CONJUNCTIONS = ("和", "及", "与", "或", "、")  # what no column word ends with: the head of one a line break cut
UNKNOWN_WORD = re.compile(r"[\u4e00-\u9fa5]{2,10}")  # a column word no list knows: a few characters, no figure


def stacked_words(texts: list[str], index: int, taken: set[int]) -> list[tuple[str, int, int]]:
    """Column words a header printed over two rows of its cells, flattened: the upper halves where the columns stand
    ("年度实际", or "年度" and "实际" apart), the lower halves after the rest of the header ("…偏差原因分析及改进措施
    指标值 完成值"). The whole words at the upper halves' place, each with where its lower half is: [(word, upper,
    lower)]; [] where the piece at `index` is no run of upper halves whose lower halves follow in order."""
    piece = texts[index]
    if len(piece) > STACKED_PARTS * STACKED_HALF:
        return []
    following = [at for at in range(index + 1, min(len(texts), index + STACKED_REACH)) if at not in taken]
    for parts in range(1, STACKED_PARTS + 1):
        for cut in combinations(range(2, len(piece) - 1), parts - 1):
            uppers = [piece[a:b] for a, b in zip((0, *cut), (*cut, len(piece)))]
            found: list[tuple[str, int, int]] = []
            for upper in uppers:
                lower = next((at for at in following if at > (found[-1][2] if found else index)
                              and upper + texts[at] in HEADER_WORDS and slot(upper + texts[at])), None)
                if lower is None or slot(upper):
                    break
                found.append((upper + texts[lower], index, lower))
            if len(found) == len(uppers):
                return found
    return []


STACKED_REACH = 12  # cells, most, from a stacked word's upper half to its lower half
STACKED_PARTS = 3  # upper halves, most, run together in one piece ("年度实际")
STACKED_HALF = 4  # characters, most, of an upper half (年度, 实际, 调整后)


def run_together_words(text: str) -> list[str]:
    """Two or three column words a copy ran together on one line ("二级指标三级指标"), each whole; else []. Of the
    ways to cut it, the one with most of the dump's own words, then the fewest and evenest ("年初目标值(A)"
    "实际完成值(B)", not "年初目标值(A)实际" "完成值(B)")."""
    if len(text) > RUN_TOGETHER_LENGTH or not any(word in text for word in HEADER_WORDS):
        return []

    def word(piece: str) -> bool:  # the dump's own words, or a column word with its letter: 年初目标值(A)
        return piece in HEADER_WORDS or bool(FORM_LETTER.search(piece) and slot(piece))
    cuts = [[text[:at], text[at:]] for at in range(2, len(text) - 1)]
    cuts += [[text[:at], text[at:then], text[then:]] for at in range(2, len(text) - 3)
             for then in range(at + 2, len(text) - 1)]
    spelled = [pieces for pieces in cuts if all(map(word, pieces))]
    return max(spelled, key=lambda pieces: (sum(piece in HEADER_WORDS for piece in pieces), -len(pieces),
                                            min(map(len, pieces))), default=[])


FORM_LETTER = re.compile(r"[（(][A-Z][)）]?$")  # (its closing bracket a copy may lose: "年初目标值(A")
RUN_TOGETHER_LENGTH = 30  # characters, most, of the column words a copy ran together on one line


# The words that stand before a column word and are cut off from it where a flattened line is cut at the word.
COLUMN_PREFIXES = ("年初", "全年", "年度", "调整后", "预期", "绩效")


def broken_header_word(pieces: list[str], wrapped: bool) -> bool:
    """A column word cut in two where a flattened line was cut at a word it knows ("年初" "目标值(A)"), or where a
    narrow column wrapped it, neither half a column word of its own ("实施" "进度"), the whole naming a column
    neither half names ("调整" "指标值", "得分系" "数(%)"), a qualifier and the column word it qualifies ("考评"
    "得分"), or, `wrapped` over two lines, its head naming none ("未完成原因" "和改进措施") or its tail a last
    character ("全年实际" "值(B)"). Column words printed whole one after the other ("项目权重" "评价内容") are two."""
    whole = slot("".join(pieces))
    if all(piece in HEADER_WORDS or piece in WHOLE_CELL_ROLES for piece in pieces):
        return False
    return bool(whole) and (pieces[0] in COLUMN_PREFIXES or all(slot(piece) != whole for piece in pieces)
                            or len(pieces) == 2 and qualified(*pieces)
                            or wrapped and len(pieces) == 2 and (cut_head(*pieces) or cut_tail(*pieces)))


def qualified(head: str, tail: str) -> bool:
    """A column word cut after the word that qualifies it where a run-together line was cut at the column word
    ("考评" "得分", "指标" "权重(分)"): two characters naming no column before a column word, the whole naming the
    same column."""
    return bool(QUALIFIER.fullmatch(head)) and head not in HEADER_WORDS and slot(head) is None \
        and role_of(head, FUND_ROLES) is None and slot(tail) is not None and slot(head + tail) == slot(tail)


QUALIFIER = re.compile(r"[\u4e00-\u9fa5]{2}")


def cut_tail(head: str, tail: str) -> bool:
    """A column word's last character and its letter cut off where a narrow column wrapped it ("全年实际" "值(B)"); a
    whole column word has none (偏差原因分析及改进措施, then the first row's 一级 cut to 产)."""
    return bool(WORD_TAIL.match(tail)) and slot(tail) is None and slot(head + tail) == slot(head) \
        and head not in HEADER_WORDS


def cut_head(head: str, tail: str) -> bool:
    """A column word's head cut off where a narrow column wrapped it: words naming no column of either table and
    no goal, before a tail that does not open with a column word ("未完成原因" "和改进措施", not "执行率" "得分" or
    "年度总体目标" "预期目标")."""
    return bool(re.fullmatch(r"[\u4e00-\u9fa5]{2,}", head)) and head not in HEADER_WORDS and tail not in HEADER_WORDS \
        and slot(head) is None and role_of(head, FUND_ROLES) is None and not head.startswith(GOAL_WORDS) \
        and not tail.startswith(tuple(word for _, words in INDICATOR_ROLES for word in words))


def join_levels(items: list[Paragraph]) -> list[Paragraph]:
    """Rejoin level names broken over lines ("经济效" + "益指标"); a 一级 and a 二级指标 a copy ran together on one
    line ("产出指标时效指标") are two."""
    joined: list[Paragraph] = []
    for item in (part for item in items for part in run_together_levels(item)):
        previous = normalize_text(joined[-1].text) if joined else ""
        if previous and WEIGHT_SUFFIX.match(normalize_text(item.text)):
            joined[-1] = Paragraph(joined[-1].text + normalize_text(item.text), joined[-1].line)
            continue
        if previous and broken_level(previous, normalize_text(item.text)):
            joined[-1] = Paragraph(joined[-1].text + item.text, joined[-1].line)
        else:
            joined.append(item)
    return joined


def broken_level(head: str, tail: str) -> bool:
    """A level name broken over two lines ("经济效" "益指标", "数量" "指标"): neither part is one, the whole is, and
    the tail is no verdict (效果明显 达成预期指标: a word target and its result)."""
    return len(head) <= 6 and not is_level_cell(head) and not is_level_cell(tail) and is_level_cell(head + tail) \
        and not VERDICT.match(tail)


def run_together_levels(item: Paragraph) -> list[Paragraph]:
    """A line holding a 一级指标 and a 二级指标 run together as the two names; any other line as it is."""
    text = normalize_text(item.text)
    cut = next((at for at in range(4, len(text) - 3)
                if LEVEL1_CELL.match(text[:at]) and LEVEL2_CELL.match(text[at:])), None) \
        if len(text) <= 2 * LEVEL_LENGTH and not LEVEL1_CELL.match(text) else None
    return [item] if cut is None else [Paragraph(text[:cut], item.line), Paragraph(text[cut:], item.line)]


LEVEL_LENGTH = 12  # characters, most, of a level name


def weighted_levels(items: list[Paragraph], levels: list[str], names: int) -> dict[str, Paragraph] | None:
    """Level names each followed by its own 分值 ("项目决策" "20" "项目目标" "4" "目标内容"), then 三级指标 — after a
    二级指标 that prints no 分值 where the header has one (`names` counts its name columns) and two names are left, on
    one line apart by a space or a line each ("管理指标 30 预算编审管理 完整、准确率 100% …").

    A merged level cell is printed only on its group's first row, so the pairs printed fill the deepest
    levels; more pairs than the header has levels is no row."""
    read = weighted_names(items, levels)
    if read is None or not read[1] or any(NUMERIC.match(normalize_text(i.text)) for i in read[1]):
        return None
    cells, items = read
    if names == len(LEVEL_ROLES) and "level2" not in levels and len(items) == 2:
        cells["level2"], items = items[0], items[1:]
    cells["level3"] = Paragraph("".join(i.text for i in items), items[0].line)
    return cells


def weighted_names(items: list[Paragraph], levels: list[str]) -> tuple[dict[str, Paragraph], list[Paragraph]] | None:
    """The level names each followed by its own 分值 at the start of a row's lines, filling the deepest of `levels`,
    and the lines after them; None for more pairs than levels."""
    pairs: list[list[Paragraph]] = []
    while len(items) >= 3 and NUMERIC.match(normalize_text(items[1].text)):
        pairs.append(items[:2])
        items = items[2:]
    if len(pairs) > len(levels):
        return None
    cells: dict[str, Paragraph] = {}
    for level, (name, weight) in zip(levels[len(levels) - len(pairs):], pairs):
        cells[level], cells[f"{level}_weight"] = name, weight
    return cells, items


# A level cell that ends in its 分值, its opening bracket sometimes lost at a line break: "部门预" "算管理" "80分)".
SCORED_LEVEL = re.compile(r"(?:[（(]|(?<![\d.]))(\d+(?:\.\d+)?)\s*分[)）]$")
# A level cell of Hubei's 项目权重 column, its points printed right after its name: "项目决策2分", "项目管理13分".
POINTS_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fa5])(\d+(?:\.\d+)?)分$")
NAME_BEFORE_POINTS = re.compile(r"[\u4e00-\u9fa5]{2,8}\d")


def scored_levels(items: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """Level names told by the 分值 they end in ("部门预算管理(80分)" "预算编制(30分)"), and the 三级指标 after
    them; a name broken over lines is joined. No levels when no such name, or nothing is left for 三级指标."""
    levels: list[Paragraph] = []
    start = 0
    for index, item in enumerate(items):
        text = normalize_text(item.text)
        match = SCORED_LEVEL.search(text) or (POINTS_AFTER_NAME.search(text) if index == start
                                              and NAME_BEFORE_POINTS.match(text) else None)
        if match:
            name = "".join(normalize_text(i.text) for i in items[start:index + 1])[:-len(match.group())]
            levels.append(Paragraph(f"{name}({match.group(1)}分)", items[start].line))
            start = index + 1
    if not levels or start == len(items):
        return [], items
    return levels, items[start:]


def split_head(head: list[Paragraph], first_row: bool, has_note: bool, weighted: list[str],
               names: int = 1, own_words: bool = False) \
        -> tuple[Paragraph | None, list[dict[str, Paragraph]], dict[str, Paragraph]]:
    """The previous row's note, the "……" placeholder rows, and this row's level names and 三级指标 from the lines
    before 指标值; `weighted` lists the levels that print their own 分值 after their name, `names` counts the
    header's name columns (一级, 二级, 三级指标), `own_words` tells a table whose first row named its levels in the
    template's own words (`in_own_words`). A level name printed before a placeholder opens that placeholder's
    group, not this row's."""
    items = join_levels(head)
    note = None
    # The row's own names, none a level word: no note before them.
    own_names = in_own_words(items, names)
    if has_note and not first_row and len(items) >= 2 and not is_level_copy(normalize_text(items[0].text)) \
            and not is_placeholder(items[0].text) and not own_names:
        note, items = items[0], items[1:]
    placeholders: list[dict[str, Paragraph]] = []
    while any(is_placeholder(i.text) for i in items):
        at = next(index for index, i in enumerate(items) if is_placeholder(i.text))
        group = [i for i in items[:at] if is_level_copy(normalize_text(i.text))]
        placeholders.append({**level_cells(group), "level3": items[at]})
        items = items[at + 1:]
    if weighted:
        return note, placeholders, weighted_levels(items, weighted, names) or {}
    above, items = names_before_level(items)
    placeholders += above
    levels = []
    while items and is_level_copy(normalize_text(items[0].text)):
        levels.append(items.pop(0))
    if opens_level2(levels, items):
        levels.append(items.pop(0))
    if not levels:
        levels, items = scored_levels(items)
    if not levels and printed_names(items, names):
        # Level names in the template's own words (项目决策, 科学决策), one a line for every name column: the row's
        # levels and its 三级指标 by position.
        levels, items = items[:-1], items[-1:]
    elif not levels and not first_row and len(items) == 2 and (own_words or two_names(*items) and bool(
            run_rows.LEVEL2.fullmatch(normalize_text(items[0].text) + "指标"))) \
            and not any(VALUE_START.match(normalize_text(item.text)) for item in items):
        # Below the first row, the 一级 merged down from above: a 二级 and the row's 三级指标 — in a table naming its
        # levels in its own words (绩效目标 | 明确性), or where the first line is a 二级 name printed without 指标 (满意度) and no
        # name a narrow column broke (成本 | 每年财政补助1000万元; 举办业务培 | 训场次数 is one name; 其中鱼塘养殖面积 |
        # ★补助家畜家禽养殖数量 are two rows, the first a sub-item printing its name alone).
        levels, items = items[:-1], items[-1:]
    if "level1" not in level_cells(levels):
        # 二级指标 groups printed with no row under them (时效指标, then the row's 成本指标): each a row of its own
        placeholders += [{"level2": level} for level in levels[:-1]]
        levels = levels[-1:]
    cells = level_cells(levels)
    spill = 0
    while len(items) - spill > 1 and VALUE_START.match(normalize_text(items[len(items) - spill - 1].text)):
        spill += 1
    if spill:
        # A value cell broken over lines ("100%" "≥90%"): its first lines belong to the row's first value.
        cells["spill"] = Paragraph("".join(i.text for i in items[-spill:]), items[-spill].line)
        items = items[:-spill]
    texts = [normalize_text(i.text) for i in items]
    if len(items) > 1 and not first_row and not broken_name(texts) and len(set(texts)) == len(texts) \
            and not shares_lines(items):
        # Whole names before the row's values, each a line of its own (words a line holds apart by spaces may be one
        # cell's) and none printed twice (as rows that print their level names each do): rows that print their
        # 三级指标 alone (sub-items, 其中…, their 分值 left empty), the first opening under the row's level names, the
        # others under them merged down.
        levels_of_first = {name: cell for name, cell in cells.items() if name != "spill"}
        placeholders += [{**(levels_of_first if not at else {}), "level3": item} for at, item in enumerate(items[:-1])]
        cells, items = {name: cell for name, cell in cells.items() if name == "spill"}, items[-1:]
    if items:
        cells["level3"] = Paragraph("".join(i.text for i in items), items[0].line)
    return note, placeholders, cells


def named_row(cells: dict[str, Paragraph]) -> bool:
    """Whether a row's head names its 三级指标, no level's own name (时效指标 is the 二级 of a row whose 完成值 a copy
    left out, its 三级 and 指标值 read one cell early)."""
    return "level3" in cells and not is_level_cell(normalize_text(cells["level3"].text))


def broken_name(texts: list[str]) -> bool:
    """Whether lines can be one name a narrow column broke: every line but the last as wide as the column, the last
    shorter (其中桃树种植面积 | 其中苹果树种植面积 | 其中露天蔬菜 are three names)."""
    return all(len(text) == len(texts[0]) for text in texts[:-1]) and len(texts[-1]) < len(texts[0])


def names_before_level(items: list[Paragraph]) -> tuple[list[dict[str, Paragraph]], list[Paragraph]]:
    """Rows that print their 三级指标 alone before a level name (指标3一级种薯繁育基地 | 质量指标 | 指标1…): a level
    name opens the next group, so the names before it are the last rows of the group above, their levels merged down
    — unless one name as short as a level's stands alone before it, a 一级 in the template's own words (项目效益 |
    社会效益指标), or the lines are words one line holds apart by spaces. Returns those rows and the lines from the
    level name on."""
    at = next((index for index, item in enumerate(items) if is_level_cell(normalize_text(item.text))), 0)
    if not at or at == 1 and len(normalize_text(items[0].text)) <= LEVEL_NAME or shares_lines(items[:at + 1]):
        return [], items
    names = [normalize_text(item.text) for item in items[:at]]
    whole = [Paragraph("".join(item.text for item in items[:at]), items[0].line)] if broken_name(names) \
        else items[:at]
    return [{"level3": item} for item in whole], items[at:]


def printed_names(items: list[Paragraph], names: int) -> bool:
    """Whether the lines are a row's name cells, one for each of the header's three or more name columns: the
    levels short (项目决策, 部门预算管理(30分)), no value among them, and no word printed twice at their end (资金使用合规性 好
    好: a word target and its result printed alike, after a 三级指标)."""
    texts = [normalize_text(i.text) for i in items]
    repeated = len(texts) >= 2 and texts[-1] == texts[-2] and not is_level_cell(texts[-1])
    # A level's points after its name ("部门预算管理(30分)") are no part of its length.
    return names >= 3 and len(items) == names \
        and all(len(SCORED_LEVEL.sub("", text)) <= LEVEL_NAME for text in texts[:-1]) \
        and not any(VALUE_START.match(text) for text in texts) and not repeated


def in_own_words(items: list[Paragraph], names: int) -> bool:
    """Whether the lines are a row's name cells in the template's own words, none a level word (项目决策 科学决策
    必要性)."""
    return printed_names(items, names) and not any(is_level_cell(normalize_text(i.text)) for i in items)


def two_names(first: Paragraph, second: Paragraph) -> bool:
    """Whether two lines cannot be one name a narrow column broke: the first, which would fill the column's width,
    is no longer than the second (a name broken over lines leaves less than the width on its last line)."""
    return len(normalize_text(first.text)) <= len(normalize_text(second.text))


def opens_level2(levels: list[Paragraph], items: list[Paragraph]) -> bool:
    """Whether the cell after a row's lone 一级指标 is its 二级指标, whatever its wording ("成本", "时效"): a new
    一级指标 opens a new 二级指标 group, so the row prints both; a 三级指标 name must still follow."""
    return (len(levels) == 1 and "level1" in level_cells(levels) and len(items) >= 2
            and not any(VALUE_START.match(normalize_text(item.text)) for item in items[:2]))


def level_cells(levels: list[Paragraph]) -> dict[str, Paragraph]:
    """The level names printed before a row: two are 一级 and 二级指标; one alone is 二级, unless it reads as a 一级."""
    if len(levels) == 1:
        alone = normalize_text(levels[0].text)
        first = LEVEL1_CELL.match(alone) and (WEIGHTED.search(alone) or alone in STAGES)
        return {"level1" if first else "level2": levels[0]}
    if len(levels) >= 2 and not LEVEL1_CELL.match(normalize_text(levels[0].text)) \
            and all(LEVEL2_CELL.match(normalize_text(level.text)) for level in levels):
        # 二级指标 words only, the first no 一级 name (时效指标, then 成本指标 — a 一级 name in the 2020 forms): the
        # first ones are groups with no rows printed
        return {"level2": levels[-1]}
    return {"level1": levels[0], "level2": levels[-1]} if levels else {}


LEVEL_NAME = 8  # characters a level name (项目决策, 部门预算管理) keeps within
# Characters, fewest, of a level's or an indicator's name: one is a date cut at its characters (月), a verdict (高).
SHORTEST_NAME = 2




def dump_rows_as(lines: list[Paragraph], header: list[str], as_printed: bool,
                 slots: list[str | None]) -> tuple[list[Row], int]:
    """The rows read under `header`, their cells placed in the columns of the printed header's `slots`."""
    rows, used = dump_rows(lines, header, as_printed, readings=False)
    read = header_slots(header)
    if read == slots:
        return rows, used
    placed = []
    for row in rows:
        if len(row.cells) != len(read):  # the 总分 row keeps its cells
            placed.append(row)
            continue
        cells = [Cell("", row.cells[0].line) for _ in slots]
        for name, cell in zip(read, row.cells):
            if name:
                cells[slots.index(name)] = cell
        placed.append(Row(cells))
    return placed, used


def fullest_reading(lines: list[Paragraph], header: list[str], as_printed: bool,
                    slots: list[str | None]) -> tuple[list[Row], int]:
    """The rows under a header one of whose columns a copy that leaves empty cells out may have dropped, left empty
    on every row: a text column (得分计算方法, 评分标准), the 得分 of a sheet published before it was scored (beside
    its 分值), or the 指标值 and 完成值 of a score sheet's rows. Where the rows read under the header as printed leave
    such a column empty more often than not — for 指标值 and 完成值: where they hold no figure and no level name was
    read, the level names having gone to them (部门预算管理 | 预算编制 | 目标制定 | 10 | 9) — the rows are also read as
    if the header had no such column, and that reading is kept when it explains more rows (and, for 指标值 and
    完成值, finds the level names). Under a 得分 with no 分值 beside it, numbers no table scores (one below 0, or more
    than 100 points together) are 完成值 under a 得分 left blank: the rows are read as unscored when that reads as
    many."""
    columns = {name: position for position, name in enumerate(slots) if name}
    values = [name for name in slots if name in VALUE_SLOTS]
    printed = dump_rows_as(lines, header, as_printed, slots)
    if "score" in columns and "weight" not in columns and "actual" in columns \
            and not plausible_scores(printed[0], columns["score"], len(slots)):
        # No table scores so: the numbers were 完成值 under a 得分 column left blank, each row one cell short.
        unscored = dump_rows_as(lines, [word for word in header if slot(word) != "score"], as_printed, slots)
        if len(unscored[0]) >= len(printed[0]):
            return unscored
    droppable = {*TEXT_ROLES, *(("score",) if "weight" in values else ())} & set(values)
    blank = {name for name in droppable if sparse(printed[0], columns[name])}
    figures = [name for name in FIGURES if name in columns]
    unlevelled = bool(figures) and "level1" in columns and sparse(printed[0], columns["level1"]) and not any(
        DIGIT.search(row.cells[columns[name]].text) for row in printed[0] for name in figures
        if columns[name] < len(row.cells))
    if unlevelled:
        blank |= set(figures)
    if not blank:
        return printed
    # The text columns alone first, then with the 得分 beside them: a 得分 the printed reading left sparse may be
    # there, read once the empty text column before it is gone (… | 得分计算方法 | 得分 | 未完成原因分析) — where most
    # rows then fill it.
    for dropped in [*([blank - {"score"}] if "score" in blank and blank - {"score"} else []), blank]:
        bare = dump_rows_as(lines, [word for word in header if slot(word) not in dropped], as_printed, slots)
        kept = ({"weight", "score"} - dropped) & set(columns)
        found = not unlevelled or not sparse(bare[0], columns["level1"])
        # (rows that name an indicator: the template's empty slots, 指标2 and ……, fill no 得分 in any reading)
        named = named_rows(bare[0], columns)
        # As much explained, the reading that names more rows (a sheet's sub-items, 其中…, that print no 分值) reads
        # more of the table.
        if found and (scored_rows(bare[0], columns, kept), len(named)) > \
                (scored_rows(printed[0], columns, kept), len(named_rows(printed[0], columns))) \
                and ("score" not in kept or not sparse(named, columns["score"])):
            return bare
    return printed


def named_rows(rows: list[Row], columns: dict[str, int]) -> list[Row]:
    """The rows that name an indicator: a 三级指标 that is no template's empty slot (指标2, ……)."""
    return [row for row in rows if (name := cell_at(row, columns.get("level3"))) and not is_placeholder(name)]


def plausible_scores(rows: list[Row], column: int, width: int) -> bool:
    """Whether the numbers a reading put under 得分 can be a table's scores: none below 0, and together no more than
    the 100 points of a table (the 总分 row left out)."""
    scores = [parse_number(row.cells[column].text) for row in rows if len(row.cells) == width]
    return all(score >= 0 for score in scores if score is not None) \
        and sum(score for score in scores if score is not None) <= FULL_MARKS


def cell_at(row: Row, column: int | None) -> str:
    """The text of a row's cell in `column`, "" where the row has no such cell."""
    return normalize_text(row.cells[column].text) if column is not None and column < len(row.cells) else ""


def sparse(rows: list[Row], column: int) -> bool:
    """Whether fewer than half the rows fill the column."""
    filled = sum(column < len(row.cells) and bool(normalize_text(row.cells[column].text)) for row in rows)
    return 2 * filled < len(rows)


def scored_rows(rows: list[Row], columns: dict[str, int], read: set[str]) -> int:
    """How much of a table a reading explains: its rows with a 三级指标 (no figure) and a figure under each of 分值
    and 得分 the reading has (`read`), each counting once more for each level name it carries."""
    def cell(row: Row, name: str) -> str:
        return cell_at(row, columns.get(name))
    scores = [name for name in ("weight", "score") if name in columns and name in read]
    return sum(1 + sum(bool(cell(row, level)) for level in WEIGHTED_LEVELS) for row in rows
               if cell(row, "level3") and not NUMERIC.match(cell(row, "level3"))
               and all(NUMERIC.match(cell(row, name)) for name in scores))


# Columns no field keeps that a form leaves for the reviewer or fills with words (Hubei's 复核分 | 评价标准): a copy
# that leaves its empty cells out, or runs them together, prints them scrambled into the next row if at all, so its
# rows are read without them where they end the header (a 累计完成率 the rows do print stays).
UNREAD_COLUMNS = ("criteria", REVIEW_SCORE_HEAD)


def unread_columns_off(header: list[str]) -> list[str]:
    """The header without the unread columns it ends with."""
    while header and {slot(header[-1]), header[-1]} & set(UNREAD_COLUMNS):
        header = header[:-1]
    return header


def dump_rows(lines: list[Paragraph], header: list[str], as_printed: bool, readings: bool = True,
              first_line: int | None = None, row_starts: frozenset[int] = frozenset()) -> tuple[list[Row], int]:
    """Rows rebuilt after a header (its next line `first_line`); returns them and how many lines they used. Cells
    `as_printed` (one a line, not cut out of run-together text) may also be read as rows of no fixed width, opening
    where the lines `row_starts` do if given (rows printed one a line, `cell_rows`). With `readings`, a header with
    columns a copy may leave out is also read without them (`fullest_reading`)."""
    # The next table's title ends this table's rows, and so does the next header (Hubei's 一级指标 | 二级指标 | … under
    # its 项目权重 rows).
    lines = lines[:next((i for i, p in enumerate(lines) if is_title(normalize_text(p.text))), len(lines))]
    texts = [normalize_text(p.text) for p in lines]
    lines = lines[:next((i for i, text in enumerate(texts) if i and text in HEADER_WORDS and slot(text) == "level1"
                         and header_at(texts, i, [p.line for p in lines])), len(lines))]
    slots = header_slots(header)
    texts = texts[:len(lines)]
    columns = {name: position for position, name in enumerate(slots) if name}
    weighted = [level for level in WEIGHTED_LEVELS if f"{level}_weight" in columns]
    # The cells printed after 三级指标, in the header's order: 指标值 and 完成值 (or a target split over
    # columns), 分值 and 得分 (or 得分 alone), 分值 before the target in some templates.
    values = [name for name in slots if name in VALUE_SLOTS]
    # The cells a row printed on a line of its own holds, in the header's order: its note where the header prints
    # it among the values (… | 权重 | 未完成原因分析 | 全年完成值), last where it comes first (a note right before the
    # values runs into the name) or after them.
    printed_columns = [name for index, name in enumerate(slots) if name in VALUE_SLOTS or name == "note"
                       and any(earlier in VALUE_SLOTS for earlier in slots[:index])]
    printed_columns += ["note"] if "note" in columns and "note" not in printed_columns else []
    numeric = [offset for offset, name in enumerate(values) if name in ("weight", "score")]
    names = sum(name in columns for name in ("level1", "level2", "level3"))
    # A dump that prints each empty cell as a lone "|" keeps its grid as one that leaves a blank line for it does;
    # the lines the grid and its 总分 used are counted back in the dump's own lines.
    kept = [p for p in lines if normalize_text(p.text) != EMPTY_CELL]
    grid = grid_rows(kept, slots, first_line)
    read = unread_columns_off(header)
    if grid is None and read != header:
        return dump_rows_as(lines, read, as_printed, slots)
    if grid is not None:
        rows, end = with_total(grid[0], kept, grid[1], columns, len(slots))
        return rows, len(lines) if end == len(kept) else lines.index(kept[end])
    numbers = row_numbers(texts) if "serial" in columns else []
    if numbers:
        # Each row opens at its number in the 序号 column: its cells up to the next number, placed by type.
        rows, cursor = numbered_chunk_rows(lines, numbers, values, weighted, names, "note" in columns)
        return with_total(rows, lines, cursor, columns, len(slots))
    if as_printed and not weighted and out_of_row_order(slots):
        return typed_rows(lines, header, slots, row_starts)
    if readings and numeric:
        read = fullest_reading(lines, header, as_printed, slots)
        if not as_printed or weighted:
            return read
        read = fuller_typed_reading(read, lines, header, slots, row_starts)
        texts_read = texts_by_column(read[0], header)
        # (a 分值 of 0 weighs nothing: the 0 | 0 of a row's target and result, 明显变质比例, read as its points)
        points = [sum(bool(NUMERIC.match(row.get(name, ""))) and not (name == "weight" and parse_number(row[name]) == 0)
                      for name in SCORED) for row in texts_read]
        if sum(map(bool, points)) > 1 or len(SCORED) in points:
            return read
        # One number in one row at most where the points go: a form published before it was scored, a bare number of
        # its rows' (a 完成值 of 0) read as a 分值 — read as unscored too, and kept where that explains more rows.
        unscored = rows_as_unscored(lines, slots, row_starts)
        held = sum(explains(row) for row in texts_read)
        return unscored if sum(explains(row) for row in texts_by_column(unscored[0], header)) > held else read
    if not numeric or (as_printed and not any(NUMERIC.match(text) for text in texts)):
        # No 分值 or 得分 column, or every one left blank (a form published before it was scored): read as unscored.
        return rows_as_unscored(lines, slots, row_starts)
    rows: list[dict[str, Paragraph]] = []
    known: set[str] = set()  # the level names (一级, 二级指标) the rows so far have used
    tops: set[str] = set()  # the 一级指标 among them
    named = 0  # how many rows `known` has read
    own_words = False  # whether the first row named its levels in the template's own words
    cursor = 0
    while cursor < len(texts):
        total = next((i for i in range(cursor, len(texts)) if texts[i] in TOTAL), None)
        # The row's values: numbers where the scores go (or empty cells, if the dump prints them), after the
        # row's 三级指标, and no number right after them (but a note column may hold one, "0").
        end = (len(texts) if total is None else total) - len(values) + 1

        def row_at(i: int) -> bool:
            return (all(NUMERIC.match(texts[i + offset]) or texts[i + offset] == EMPTY_CELL for offset in numeric)
                    and any(NUMERIC.match(texts[i + offset]) for offset in numeric)
                    and not ends_in_number(texts, i + len(values), "note" in columns)
                    and (weighted or not skips_values(texts[cursor:i], bool(rows) and "note" in columns))
                    and (i == cursor or named_row(split_head(lines[cursor:i], not rows, "note" in columns,
                                                             weighted, names, own_words)[2])))

        # A row whose 三级指标 is empty prints its values alone, right after the previous row's (its note, if any, left
        # empty); its first value is a figure (不少于6种, 116次), never a name (满意度指标(10分)) — nor, where a note
        # may close the row before, a bare number (a 分值 a misread moved).
        alone = [cursor] if rows and cursor < end and DIGIT.search(texts[cursor]) \
            and not SCORED_LEVEL.search(texts[cursor]) and not ("note" in columns and NUMERIC.match(texts[cursor])) \
            else []
        start = next((i for i in chain(range(cursor + 1, end), alone) if row_at(i)), None)
        if start is not None and start + 1 < end and misfit(texts[start:start + len(values)], values) \
                and row_at(start + 1) and not misfit(texts[start + 1:start + 1 + len(values)], values):
            start += 1  # the 三级指标 broke over two lines: its second line is no target
        scores = [name for name in values if name in ("weight", "score")]
        after = cursor + 1 + len(scores)
        if rows and scores and is_placeholder(texts[cursor]) and after <= len(texts) \
                and all(NUMERIC.match(text) for text in texts[cursor + 1:after]) \
                and (after == len(texts) or not NUMERIC.match(texts[after])):
            # A "……" row that keeps its 分值 and 得分 ("……" "5" "5").
            rows.append({"level3": lines[cursor], **dict(zip(scores, lines[cursor + 1:after]))})
            cursor = after
            continue
        # A row that prints its level names and leaves some values empty ends where the next row's 一级指标 (one
        # the table has used) starts, no further than a full row's cells away.
        for row in rows[named:]:
            known.update(normalize_text(row[level].text) for level in ("level1", "level2") if level in row)
            if "level1" in row:
                tops.add(normalize_text(row["level1"].text))
        named = len(rows)
        printed = line_row(lines[cursor:], printed_columns, known, names - 1) \
            if opens_line(lines, cursor) and (start is None or line_end(lines, cursor) - start - len(values)
                                              not in ((0, 1) if printed_columns[-1:] == ["note"] else (0,))) else None
        if printed:
            # A row printed on a line of its own (cells apart by single spaces, empty ones left out) that no fixed
            # width reads to the line's end: the line is the row, its cells placed by type.
            rows.append(printed[0])
            cursor += printed[1]
            continue
        limit = min(start if start is not None else len(texts), total if total is not None else len(texts),
                    cursor + names + len(values) + 1)
        restart = next((j for j in range(cursor + 1, limit) if (LEVEL1_CELL.match(texts[j]) or texts[j] in tops)
                        and (is_level_cell(texts[cursor]) or texts[cursor] in known)
                        and partial_row(lines[cursor:j], values, known)), None)
        if restart is not None:
            rows.append(partial_row(lines[cursor:restart], values, known))
            cursor = restart
            continue
        printed = None if start is not None else \
            line_row(lines[cursor:], printed_columns, known, names - 1)
        if printed:
            # No fixed width fits, but the row was printed on a line of its own: its cells are the line's.
            rows.append(printed[0])
            cursor += printed[1]
            continue
        if start is None or (total is not None and total < start):
            break
        own_words = in_own_words(join_levels(lines[cursor:start]), names) if not rows else own_words
        note, placeholders, cells = split_head(lines[cursor:start], not rows, "note" in columns, weighted, names,
                                               own_words)
        if note is not None:
            rows[-1]["note"] = note
        # A "……" row without scores stays a row of its own, as in the Word export.
        rows += placeholders
        spill = cells.pop("spill", None)
        cells.update(zip(values, lines[start:start + len(values)]))
        if spill is not None and values:
            cells[values[0]] = Paragraph(spill.text + cells[values[0]].text, spill.line)
        rows.append(cells)
        cursor = start + len(values)
    if as_printed:
        # The rows no fixed width fits from here on (a row that leaves an empty cell out), placed by type.
        more, used = loose_rows(lines[cursor:], values, weighted, names, "note" in columns,
                                note_last="note" in columns and not set(slots[slots.index("note"):]) & set(VALUE_SLOTS))
        if more:
            rows, cursor = rows + more, cursor + used
    cut = cut_off_rows(lines[cursor:], rows, weighted, names, "note" in columns, own_words)
    if cut:
        rows, cursor = rows + cut, len(lines)
    return with_total(rows, lines, cursor, columns, len(slots))


def rows_as_unscored(lines: list[Paragraph], slots: list[str | None],
                     row_starts: frozenset[int] = frozenset()) -> tuple[list[Row], int]:
    """The rows under a header read as if it had no 分值 or 得分 columns, placed in the header's columns (rows opening
    where the lines `row_starts` do, if given)."""
    columns = {name: position for position, name in enumerate(slots) if name}
    scored = ("weight", "score", *(f"{level}_weight" for level in WEIGHTED_LEVELS))
    rows, used = unscored_rows(lines, [name for name in slots if name and name not in scored], row_starts)
    return [to_row(cells, columns, len(slots)) for cells in rows], used


def grid_rows(lines: list[Paragraph], slots: list[str | None],
              first_line: int | None = None) -> tuple[list[dict[str, Paragraph]], int] | None:
    """The rows of a dump that keeps its empty cells as blank lines (a Word-made page's copy), each cell on a line
    of its own: one cell fewer a row than the header has columns under a header opening with a word merged down its
    rows (绩效指标), else as many, the cells right-aligned to the columns. Read while each row fits (`grid_fits`),
    they must run to 总分, a title or the dump's end (its last row maybe cut off), a third of them scored (the
    others sub-items, 其中…, that leave 分值 and 得分 empty), an empty
    cell among them — or, in a table left unscored (no 分值 or 得分 printed or no column for them), every row named
    with a target or a result (one row in four may print its name alone where the rows leave their level cells
    blank); returns the rows and the lines they used, else None. The first row opens on the
    first line, else on the header's next line, `first_line`, the copy having kept the row's first cells there as
    blank lines (no 一级 or 二级 name printed on it)."""
    if not lines or not all(earlier.line < later.line for earlier, later in zip(lines, lines[1:])):
        return None
    openings = [lines[0].line] + ([first_line] if first_line is not None and first_line < lines[0].line else [])
    widths = (len(slots) - 1, len(slots))[slots[0] is not None:]
    return next((grid for opening in openings for width in widths
                 if (grid := grid_of_width(lines, slots[len(slots) - width:], opening)) is not None), None)


def grid_of_width(lines: list[Paragraph], columns: list[str | None],
                  opening: int) -> tuple[list[dict[str, Paragraph]], int] | None:
    """`grid_rows` in rows of the `columns`' width, the first opening on line `opening`."""
    width = len(columns)
    positions = [paragraph.line - opening for paragraph in lines]
    rows: list[dict[str, Paragraph]] = []
    start, cursor, merged_rows = 0, 0, 0
    while cursor < len(lines) and normalize_text(lines[cursor].text) not in TOTAL \
            and not is_title(normalize_text(lines[cursor].text)):
        if positions[cursor] >= start + width and not rows:
            break
        # Of the level columns the row may leave out (`merged_levels`), the first its cells fit without.
        for merged in merged_levels([normalize_text(p.text) for p in lines[cursor:cursor + 2]],
                                    positions[cursor:cursor + 2], start, columns, rows):
            cells = {name: lines[index] for index in range(cursor, bisect_left(positions, start + width - merged))
                     if (name := columns[merged + positions[index] - start])}
            if grid_fits({name: normalize_text(cell.text) for name, cell in cells.items()}, bool(rows)):
                break
        else:
            break
        rows.append(cells)
        merged_rows += merged > 0
        start += width - merged
        cursor = bisect_left(positions, start)
    else:
        # Blank lines for empty cells; where rows left their merged level names out, one in three rows at least: a
        # page's number dropped between two lines leaves a gap too, and a dump that leaves its empty cells out, read
        # so, is no grid.
        blanks = positions[cursor - 1] + 1 - cursor
        empty_cells = blanks > 0 and (not merged_rows or BLANK_ROWS * blanks >= len(rows))
        scored = sum(any(name in row for name in SCORED) for row in rows)
        # A table left unscored (its 得分 cells all blank) is told row from row by its names and targets instead:
        # every row on the grid names its indicator and prints a target or a result — or, one row in four at most,
        # nothing but its name (its values left blank: “三公”经费变动率 | | ) where the rows' level cells are left
        # empty as blank lines (a table of no 一级 and 二级 names), not where blank lines only part the rows.
        level_names = {row[name].text for row in rows for name in ("level1", "level2") if name in row}
        if any(cell.text in level_names for row in rows for name, cell in row.items() if name in VALUE_SLOTS):
            return None  # a level name read as a value: the grid ran one row's cells into the next
        # A form's empty rows are set aside: a level printed with no row under it (成本指标 | | |) and a "……" row.
        valued = [row for row in rows if "target" in row or "actual" in row]
        empty_rows = [row for row in rows if row not in valued and (
            "level3" not in row and set(row) <= {"level1", "level2"} and all(is_level_cell(normalize_text(cell.text))
                                                                            for cell in row.values())
            or "level3" in row and is_placeholder(row["level3"].text))]
        inner_blanks = any(name in columns and name not in row for row in valued for name in ("level1", "level2"))
        named = all(("level3" in row or not set(row) & set(LEVEL_ROLES))
                    and (row in valued or set(row) <= set(LEVEL_ROLES)) for row in rows if row not in empty_rows) \
            and valued and (len(valued) + len(empty_rows) == len(rows)
                 or inner_blanks and 4 * len(valued) >= 3 * (len(rows) - len(empty_rows)))
        if len(rows) > 1 and empty_cells and (SCORED_SHARE * scored >= len(rows)
                                              or not scored and len(rows) > 2 and named):
            return rows, cursor
    return None


BLANK_ROWS = 3  # rows, most, per blank line of a grid dump that keeps its empty cells as blank lines
SCORED_SHARE = 3  # rows, most, per scored row of a scored grid


def merged_levels(texts: list[str], positions: list[int], start: int, columns: list[str | None],
                  rows: list[dict[str, Paragraph]]) -> tuple[int, ...]:
    """How many of its first columns a grid row opening at line `start` may leave out, its level names merged down
    from the rows above (a Word grid prints a merged cell once, with no blank line for the rows it covers). A row
    whose first cell (`texts`, at `positions`) is on its first line (no blank line for an empty level cell) opens
    with its 一级 name where a level name or an empty cell follows it (产出指标 | 数量指标) or where it is no 二级
    of the 一级 above (满意度指标 after 效益指标), with its 二级 where it is a level name (数量指标; 成本指标 under
    产出指标, a 二级 there as well as a 一级; Hubei's 社会效益 printed without 指标, under 效益指标), else with its
    三级指标 — where the 一级 names above are the forms' (产出指标), so that a new 一级 name is told from a 三级指标.
    Under level names of the table's own (项目决策 | 科学决策), the row may open at any level: its 一级, its 二级 or
    its 三级指标, the first its cells fit."""
    stages = {normalize_text(row["level1"].text) for row in rows if "level1" in row}
    if positions[0] != start or columns[:1] != ["level1"] or "level3" not in columns or not stages:
        return (0,)
    if any(is_level_cell(stage) and not LEVEL1_CELL.match(stage) for stage in stages):
        return (0,)  # a form's 二级 read as an 一级 above: no level of this grid's is known merged
    if not all(is_level_copy(stage) for stage in stages):  # (a form's 一级, or one a copy scrambled: 出标产指)
        return tuple(columns.index(level) for level in LEVEL_ROLES if level in columns)
    follows_level = len(texts) < 2 or positions[1] != positions[0] + 1 or is_level_cell(texts[1])
    stage = next(normalize_text(row["level1"].text) for row in reversed(rows) if "level1" in row)
    if LEVEL1_CELL.match(texts[0]) and (follows_level or not run_rows.stages_of(texts[0], "level2")
                                       & run_rows.stages_of(stage, "level1")):
        return (0,)
    if "level2" in columns and (is_level_cell(texts[0]) or bare_level2(stage, texts[0])):
        return (columns.index("level2"),)
    # (or, fitting no such row, a 二级 in words of the table's own under a form's 一级 — Jiangxi's 预算执行管理 under
    # 管理指标 — or an 一级 of another name: a copy's garbled 出标产指)
    return (columns.index("level3"), *((columns.index("level2"),) if "level2" in columns else ()), 0)


def grid_fits(cells: dict[str, str], below_a_row: bool) -> bool:
    """Cells that read as an indicator row: a name (`below_a_row`, none but a target or a result: the row's names
    merged down from the row above, as a Word grid leaves them blank), no column word printed whole nor total, a
    figure or nothing under 分值 and 得分, no rate under 得分 (100%: the row's result) and no 得分 over its 分值, no
    figure for a level's name (一般公共预算支出实际完成率 names an indicator, though a column word is in it) nor a
    figure with its unit for an 一级 or 二级 name (38508人: the grid ran a row's values into its names), no level name
    under a value (社会效益指标 read as a target: the grid ran a row's cells into the next)."""
    scored = {name: text for name, text in cells.items() if name in SCORED or name.endswith("_weight")}
    weight, score = (parse_number(scored.get(name)) for name in SCORED)
    names = [cells[level] for level in LEVEL_ROLES if cells.get(level)]
    return (names or below_a_row and any(cells.get(value) for value in FIGURES)) \
        and not any(text in TOTAL or text in HEADER_WORDS for text in cells.values()) \
        and all(not text or is_value(text) for text in scored.values()) \
        and not cells.get("score", "").endswith(PERCENT_SIGNS) \
        and (weight is None or score is None or score <= weight) \
        and not any(VALUE_START.match(name) or is_value(name) for name in names) \
        and not any(NAME_FIGURE.match(cells.get(level, "")) for level in ("level1", "level2")) \
        and not any(is_level_cell(text) for column, text in cells.items() if column in VALUE_SLOTS)


# Reading rows by type: the row grammar above reads a row's values after its 三级指标 in a fixed order, what is
# scored before its 得分 and the note last. A header that prints a note among the values, or 得分 before the 指标值
# or 完成值 it scores, breaks that order; its rows are read cell by cell, each cell to the column its type fits.
ROW_OPENING = {"level1": 0.0, "level2": -0.3, "level3": -0.6}  # a row opening under levels merged down from above
UNSCORED_ROW = 1.0  # what a row costs that fills no 分值 or 得分 under a header that has them
SKIPPED_NAME = 1.0  # what a row costs that leaves its 三级指标 empty
NAMELESS_ROW = 2.0  # what a row costs that prints no name at all (its names merged down from the row above)
# A 指标值 or 完成值 in words, one verdict a target states (不断提升, 长期, 及时): no level's name.
VALUE_WORD = re.compile(rf"^(?:不断|持续|逐步)?(?:{'|'.join(QUALITATIVE_WORDS)})$")
# The 度量单位 a form's column prints: a figure's units, and a rate's in words (百分比).
UNITS = frozenset((*MONEY_UNITS, *COUNT_UNITS, *MEASURE_UNITS, *TIME_UNITS, *PERCENT_SIGNS, "百分比"))
PER_UNIT_TAIL = re.compile(r"^(?:/[\u4e00-\u9fa5]{1,3}){1,2}$")  # what a rate prints after its unit (万元 /人/年)
NUMBER_THEN = re.compile(rf"^(?:{SIGN_COMPARATOR}|{WORD_COMPARATOR})?\d[\d.,，]{{0,20}}\s?")  # a figure before its unit
DATE_TAIL = 2  # characters, most, printed after a date that is a value (2024年12月31日前, 2024年底前)
SCORED = ("weight", "score")
FIGURES = ("target", "actual")
VALUE_LENGTH = 24  # characters, most, of a 指标值 or 完成值 that holds a figure (≥95%, 2022年12月31日前, 至少全年完成2次宣传)
LEVEL_AS_VALUE = 1.0  # what a level name costs placed as an unscored row's value or note
BOTH_AS_STAGE = 0.5  # what a name of both levels (成本指标) costs placed as 一级 over a row that leaves its 二级 empty
OWN_STAGE_ALONE = 0.5  # what an 一级 in words of its own (项目决策) costs over a row that leaves its 二级 empty
UNKNOWN_UNIT_LENGTH = 2  # characters, most, of a 度量单位 no unit list knows that fits as one (年末, 篇次)
UNKNOWN_LEVEL = -0.8  # how well, at best, a word no level name reads fits an unscored row's 一级 or 二级指标
FUNDS_POINTS = 10  # the 预算执行率 points a funds block prints above the indicators
COMPARATORS = ("nature", "direction")
COMPARATOR_ALONE = 1.0  # what a comparator costs that is not followed by its 指标值
OVER_WEIGHT = 1.5  # what a row costs whose 得分 is more than its 分值
LIKE_TARGET = 1.0  # how well a cell fits as the 完成值 of the 指标值 before it when it is printed in that target's form
NAME_WORDS = re.compile(r"[\u4e00-\u9fa5]")
NOT_A_NAME = 1.5  # how badly a figure fits a name column
PROSE = re.compile(r"[。；;]")  # what a sentence prints and a name does not
# A figure with at most a short unit (116, 不少于12种, ≥95%): never a name, though a name may open with a number
# (12月底之前完成).
NAME_FIGURE = re.compile(rf"^(?:{SIGN_COMPARATOR}|{WORD_COMPARATOR})?\d[\d.,，]{{0,20}}[^\d\s]{{0,3}}$")


def out_of_row_order(slots: list[str | None]) -> bool:
    """Whether the header's columns after 三级指标 break the row grammar's order: a note column before a value, or
    得分 before the 指标值 or 完成值 it scores."""
    values = [name for name in slots if name in VALUE_SLOTS or name == "note"]
    figures = [index for index, name in enumerate(values) if name in ("target", "actual")]
    notes = [index for index, name in enumerate(values) if name == "note"]
    scores = [index for index, name in enumerate(values) if name == "score"]
    return bool(figures) and (any(index < max(figures) for index in notes + scores))


def typed_fit(name: str | None, text: str, spare: bool) -> float:
    """How well a cell fits a column by its type (`fits`), text columns telling a figure from words: a figure is a
    target's or a result's, seldom a note's; a 度量单位 is short. A `spare` column (备注 beside the 偏差原因 column
    the table is read by) takes a cell only where nothing else fits."""
    if name is None:
        return -1.0
    figure_cell = bool(FIGURE_START.match(text))
    fit = fits(name, text) - (0.2 if spare else 0.0)
    if name in SCORED:
        # A 分值 is a share of 100 points and 得分 never more than its 分值: a percentage or more than 100 is neither.
        number = parse_number(text) if NUMERIC.match(text) else None
        fit -= 1.5 if text.endswith(PERCENT_SIGNS) or number is not None and number > FULL_MARKS else 0.0
        # 至少全年完成2次宣传: a value in words, never points (完成得1分 is)
        return min(fit, -0.5) if number is None and WORDS_FIRST.match(text) else fit
    if name in LEVEL_ROLES and no_name(text):
        return -NOT_A_NAME
    if name in LEVEL_ROLES and (len(NAME_WORDS.findall(text)) < 2 or PROSE.search(text)) \
            and not (name == "level3" and is_placeholder(text)):
        return fit - 1.0  # a name is words; a unit (人次, %) or a sentence is none; a slot (……, 指标2) is a 三级指标
    if name in LEVEL_ROLES and VALUE_WORD.match(text):
        return min(fit, UNKNOWN_LEVEL)  # a value in words (不断提升, 长期, 及时) names no level
    if name in ("level1", "level2"):
        # A stage (产出指标) heads 一级指标, a kind of indicator (数量指标) 二级指标.
        other = LEVEL2_CELL if name == "level1" else LEVEL1_CELL
        own = LEVEL1_CELL if name == "level1" else LEVEL2_CELL
        return fit + 0.2 - (0.8 if other.match(text) and not own.match(text) else 0.0)
    if name == "level3" and is_level_copy(text):
        return fit - 1.0
    if name == "measure_unit" and not unit_shaped(text):
        return -1.0  # a unit is short and holds no figure (人次, %, 元/人、天)
    if name == "measure_unit" and len(text) > UNKNOWN_UNIT_LENGTH and not a_unit(text):
        return min(fit, 0.0)  # words no unit list knows say nothing of a unit: 目标内容 is a name
    if name in ("target", "actual"):
        return fit + (0.5 if figure_cell else 0.05)
    if name == "note":
        return fit - (0.3 if figure_cell else 0.0)
    return fit


def unit_after_figure(columns: list[tuple[int, str]], figure: str, unit: str) -> bool:
    """Whether two cells placed side by side are a 指标值 and its 度量单位 (`is_unit_pair`) by a unit the lists know or
    one in letters (25 | TB): 5 | 增加 is a 分值 and a target in words."""
    return is_unit_pair(columns, figure, unit) and (a_unit(unit) or unit.isascii() and unit.isalpha())


def no_name(text: str) -> bool:
    """Whether a cell can name no level or indicator: a figure (不少于12种, 116), a measure (7.31件/万人, 2024年12月31日)
    or a unit (台次)."""
    return bool(NAME_FIGURE.match(text)) or a_measure(text) or a_unit(text)


def a_measure(text: str) -> bool:
    """A cell that is a date or a figure with its unit (7.31件/万人, 2个工作日, 300元/人/天): a 指标值's or a 完成值's
    form, where a name that opens with a figure (5G基站建设数量, 2024年度目标) goes on in words longer than a unit."""
    target, date = parse_target(text), DATE.match(text)
    if target.kind == "date":
        return date is not None and len(text) - date.end() <= DATE_TAIL
    unit = target.unit or ""
    if target.kind != "number" or not 0 < len(unit.replace("/", "")) <= UNIT_LENGTH or not FIGURE_START.match(text) \
            or not NUMBER_THEN.sub("", text, count=1).startswith(unit):
        return False
    tail = text.partition(unit)[2]  # a bound's word (以内) or a rate's per-units (/人/年) after the unit
    return len(tail) <= DATE_TAIL or bool(PER_UNIT_TAIL.match(tail))


def a_unit(text: str) -> bool:
    """A cell that is a 度量单位 alone, a bound's word after it or not: money, a count's, a measure's, a time's (批次,
    亩, 日, 个工作日以内), a count of times (台次) or a rate's (元/人/天)."""
    unit = without_bound(text)
    return unit in UNITS or bool(PER_UNIT.match(unit)) or len(unit) == 2 and unit[0] in UNITS and unit[1] == "次"


def shares_lines(cells: list[Paragraph]) -> bool:
    """Whether cells share their lines: rows printed one a line, cells apart by spaces, not one cell a line (where a
    damaged copy ran a cell into the next here and there, `value_and_name_apart`)."""
    return len({cell.line for cell in cells}) < len(cells) * SHARED_LINES


SHARED_LINES = 0.8  # lines, most, per cell of rows printed one a line: three cells a line or more, 0.33


def ends_rows(text: str) -> bool:
    """A line no indicator row holds, where a table's rows end: 总分, a table's title, goal words or a head's key."""
    return text in TOTAL or is_title(text) or text in GOAL_WORDS or key_of(text) in HEADER_KEYS


def typed_rows(lines: list[Paragraph], header: list[str], slots: list[str | None],
               row_starts: frozenset[int] = frozenset()) -> tuple[list[Row], int]:
    """Rows under a header whose columns break the row grammar's order (`out_of_row_order`), read cell by cell
    (`typed_placement`); where the rows were printed one a line, a row opens where a line does and nowhere else
    (`row_starts`, the lines of the cells that open one). They end at 总分, a table's title or the next head's words;
    the 总分 row's numbers go under 分值 and 得分 in the header's order. Where the 分值 so read do not add up as a
    table's do (`adds_up`), the numbers were a form's targets and results under a head whose 分值 and 得分 were left
    blank, unless most rows print a 分值 of at most 100 and no less than their 得分 (`scores_most_rows`): the rows are
    read again with those columns empty."""
    texts = [normalize_text(p.text) for p in lines]
    end = next((i for i, text in enumerate(texts) if ends_rows(text) or text in HEADER_WORDS), len(texts))
    cells = join_levels(lines[:end])
    words = [normalize_text(cell.text) for cell in cells]
    ranks = [ranked_role(word, INDICATOR_ROLES) for word in header]
    spare = [name is not None and any(other == name and ranks[j] and ranks[i] and ranks[j][1] < ranks[i][1]
                                      for j, other in enumerate(slots)) for i, name in enumerate(slots)]
    if not words or "level3" not in slots:
        return [], 0
    scored_columns = [index for index, name in enumerate(slots) if name in SCORED]
    total_numbers: list[Paragraph] = []
    if end < len(texts) and texts[end] in TOTAL:
        total_numbers = list(takewhile(lambda p: NUMERIC.match(normalize_text(p.text)),
                                       lines[end + 1:end + 1 + len(scored_columns)]))
    opens_at = frozenset(index for index, cell in enumerate(cells) if cell.line in row_starts) if row_starts else None
    placement = typed_placement(words, slots, spare, opens_at=opens_at)[1]
    if "weight" in slots and not adds_up(words, placement, slots, total_numbers) \
            and not scores_most_rows(words, placement, slots):
        placement = typed_placement(words, [None if name in SCORED else name for name in slots], spare, FIGURES,
                                    opens_at)[1]
    rows: list[list[Cell]] = []
    for cell, (column, opens) in zip(cells, placement):
        if opens:
            rows.append([Cell("", cell.line) for _ in slots])
        placed = rows[-1][column]
        rows[-1][column] = Cell(placed.text + cell.text if placed.text else cell.text, cell.line)
    table_rows = [Row(row) for row in rows]
    if end < len(texts) and texts[end] in TOTAL:
        total = [Cell("总分", lines[end].line)] + [Cell(p.text, p.line) for p in total_numbers]
        if len(total_numbers) == len(scored_columns) > 1:
            # Each number under its column: 得分 may come before 分值.
            total = [Cell("", lines[end].line) for _ in slots]
            total[0] = Cell("总分", lines[end].line)
            for index, paragraph in zip(scored_columns, total_numbers):
                total[index] = Cell(paragraph.text, paragraph.line)
        table_rows.append(Row(total))
        return table_rows, end + 1 + len(total_numbers)
    return table_rows, end


Points = tuple[str, float | None] | None  # the first of a row's 分值 and 得分 placed: its column's role and number
State = tuple[int, Points]  # a cell's column and its row's points so far


def repeated_names(words: list[str]) -> set[str]:
    """Words the rows print again and again that read as names of their own (项目决策, 项目管理): no figure, verdict,
    result word or placeholder, never a 完成值 printed in its 指标值's form nor a piece of a cell a narrow column broke
    (持续 | 提高, printed whole as 持续提高)."""
    counts = Counter(words)
    results = {word for before, word in zip(words, words[1:]) if printed_like(before, word)}
    pieces = {piece for before, word in zip(words, words[1:]) if before + word in counts for piece in (before, word)}
    return {word for word, count in counts.items() if count > 1 and parse_target(word).kind == "qualitative"
            and not VERDICT.match(word) and not any(result in word for result in QUALITATIVE_WORDS + RESULT_WORDS)
            and not is_placeholder(word) and word not in results | pieces}


# A 二级 cell a form prints without its 指标: the run-together grammar's (Hubei: 成本, 经济效益; Shanxi: 产出数量,
# 产出质量 …), or 满意度 under 效益指标 (in a run the last words of a row's name: 参培学员满意度).
BARE_LEVEL2_NAME = re.compile(rf"^(?:{run_rows.BARE_LEVEL2.pattern}|满意度)$")


def typed_placement(words: list[str], slots: list[str | None], spare: list[bool], held_by: tuple[str, ...] = SCORED,
                    opens_at: frozenset[int] | None = None) -> tuple[float, list[tuple[int, bool]]]:
    """Each cell's column and whether it opens a row, and how well the cells fit so: a row opens at a name column
    (一级, 二级 or 三级指标, the levels above merged down), its cells go to columns further right in the header's order
    where their types fit best (`typed_fit`), a text cell broken over lines may take two; a comparator is printed
    before its 指标值, a 得分 is no more than its 分值, and rows with no 分值 or 得分 (no cell in the columns `held_by`
    names: an unscored table's rows are held by their 指标值 or 完成值) and rows with no 三级指标 cost more."""
    # A row opens at a name column; past 三级指标 only where its names are left empty.
    openings = [index for index, name in enumerate(slots) if name]
    opening_fit = [ROW_OPENING.get(name, -NAMELESS_ROW) if name else 0.0 for name in slots]
    level3 = slots.index("level3")

    # A table that prints its level names on every row may name its levels in words of its own (项目决策, 项目效益,
    # `repeated_names`). One that prints no such word names its levels as the forms do, each once, merged down over
    # its rows — unless its first row opens with an 一级 of its own before a form's kind of indicator (项目决策 |
    # 数量指标), merged down too.
    counts = Counter(words)
    bare_names = {word for word in words if BARE_LEVEL2_NAME.match(word)}  # (二级 printed without 指标: 产出数量, 社会效益)
    own_names = bool(repeated_names(words)) or len(words) > 1 and slots[:2] == ["level1", "level2"] \
        and not is_level_cell(words[0]) and bool(LEVEL2_CELL.match(words[1])) and not LEVEL1_CELL.match(words[1])

    def cell_fit(column: int, word: str) -> float:
        """`typed_fit`, where a name rows print again that no unit list knows (项目决策) is the next row's 一级, no
        度量单位; in a table held by its 指标值 and 完成值, a level name (or a placeholder, "……" "指标2", or a numbered
        name, 指标3.化妆品抽验平均标准) is the next row's, never a value, unit or note; a word no level name reads (a
        value, a verdict: 达成预期指标) fits a level column at best as UNKNOWN_LEVEL unless the table names its levels in
        words of its own (words with no figure but their points, 项目决策(20分): 已完成100% is a result), a placeholder
        never."""
        name = slots[column]
        fit = typed_fit(name, word, spare[column])
        if name == "measure_unit" and counts[word] > 1 and len(word) > 2 and not a_unit(word):
            fit = min(fit, 0.0)  # a name rows print again that no unit list knows (项目决策): the next row's 一级
        if held_by != FIGURES:
            return fit
        bare = word in bare_names
        if name in ("level1", "level2") and not is_level_cell(word) and not (bare and name == "level2"):
            if is_placeholder(word):
                return -NOT_A_NAME
            return fit if own_names and not DIGIT.search(WEIGHTED.sub("", word)) else min(fit, UNKNOWN_LEVEL)
        level_as_value = name in (*FIGURES, "note", "measure_unit") \
            and (is_level_cell(word) or bare or is_placeholder(word) or bool(NUMBERED_INDICATOR.match(word)))
        return fit - (LEVEL_AS_VALUE if level_as_value else 0.0)

    held_header = any(name in held_by for name in slots)

    def closing(state: State, ending: str, following: str | None) -> float:
        """What ending a row at `state` costs, its `ending` cell before the `following` row's first (None: the end)."""
        column, points = state
        if slots[column] == "level2" and LEVEL2_CELL.match(ending) and not LEVEL1_CELL.match(ending) \
                and following is not None and is_level_cell(following):
            return 0.0  # a kind of indicator the form lists with no rows under it (生态效益指标, then 可持续影响指标)
        return -(UNSCORED_ROW if points is None and held_header else 0.0) - \
            (SKIPPED_NAME if column < level3 else 0.0) - (COMPARATOR_ALONE if slots[column] in COMPARATORS else 0.0)

    def skipping(column: int, following: int, word: str) -> float:
        """What going from one column, holding `word`, to a later one in the same row costs: a 三级指标 or a 指标值
        left out, or the 二级 after an 一级 in words of its own where each level name is printed once, merged down
        (a new 一级 opens a new 二级 group: 项目决策 | 项目目标; a table printing its names on every row may leave its
        二级 empty)."""
        own_stage = slots[column] == "level1" and "level2" in slots[column + 1:following] \
            and not is_level_cell(word) and not own_names
        return -(SKIPPED_NAME if column < level3 < following else 0.0) - (OWN_STAGE_ALONE if own_stage else 0.0) - \
            (COMPARATOR_ALONE if slots[column] in COMPARATORS and "target" in slots[column + 1:following] else 0.0)

    def scoring(points: Points, name: str | None, word: str) -> tuple[Points, float]:
        """The row's points once the word goes to the column `name`, and what a 得分 above its 分值 costs."""
        if held_by == FIGURES and name == "level3" and is_placeholder(word):
            return points or (name, None), 0.0  # a "……" row stands for rows left out, held by no value
        if name not in held_by:
            return points, 0.0
        if name not in SCORED:
            return points or (name, None), 0.0
        number = parse_number(word) if NUMERIC.match(word) else None
        if points is None:
            return (name, number), 0.0
        first, value = points
        weight, score = (value, number) if first == "weight" else (number, value)
        over = first != name and weight is not None and score is not None and score > weight
        return points, -(OVER_WEIGHT if over else 0.0)

    # For each cell, {state: (fit so far, previous state, opens a row)}
    states: list[dict[State, tuple[float, State | None, bool]]] = [{}]
    for column in openings:
        points, _ = scoring(None, slots[column], words[0])
        states[0][(column, points)] = (opening_fit[column] + cell_fit(column, words[0]),
                                       None, True)
    for at, (before, word) in enumerate(zip(words, words[1:]), start=1):
        current: dict[State, tuple[float, State | None, bool]] = {}
        # (rows printed one a line: a row opens at the first cell of a line and goes on to its last)
        goes_on, opens_row = opens_at is None or at not in opens_at, opens_at is None or at in opens_at
        like_target = LIKE_TARGET if held_by == FIGURES and printed_like(before, word) else 0.0
        # 成本指标 is an 一级 name and an 二级 one: a row that opens with it and goes on to its 三级指标 prints it as the
        # 二级 under the 一级 above (the older forms' 产出指标 | 成本指标), the newer forms' 一级 成本指标 printing
        # its own 二级 (经济成本指标) next.
        stage_as_kind = bool(LEVEL1_CELL.match(before) and run_rows.LEVEL2.fullmatch(before))

        def offer(state: State, fit: float, previous: State, opens: bool) -> None:
            if state not in current or fit > current[state][0]:
                current[state] = (fit, previous, opens)
        for state, (fit, _, _) in states[-1].items():
            column, points = state
            if slots[column] in JOINABLE and not (held_by == FIGURES and whole_cells(before, word)) and goes_on:
                offer(state, fit + cell_fit(column, word) - BROKEN_CELL, state, False)
            for following in range(column + 1, len(slots) if goes_on else column + 1):
                placed, cost = scoring(points, slots[following], word)
                result = like_target if slots[column] == "target" and slots[following] == "actual" else 0.0
                # A bare figure and the unit right after it: a 指标值 and its 度量单位 (25 | TB), no 分值 and a note.
                result += UNIT_PAIR if unit_after_figure([(column, slots[column]), (following, slots[following])],
                                                         before, word) else 0.0
                result -= BOTH_AS_STAGE if stage_as_kind and slots[column] == "level1" and "level2" in \
                    slots[column + 1:following] else 0.0
                offer((following, placed), fit + cell_fit(following, word) + cost + result
                      + skipping(column, following, before), state, False)
            for opening in openings if opens_row else []:
                placed, _ = scoring(None, slots[opening], word)
                offer((opening, placed), fit + closing(state, before, word) + opening_fit[opening]
                      + cell_fit(opening, word), state, True)
        if not current:
            return typed_placement(words, slots, spare, held_by)  # a line no row's columns hold: read across lines
        states.append(current)
    last = max(states[-1], key=lambda state: states[-1][state][0] + closing(state, words[-1], None))
    fit = states[-1][last][0] + closing(last, words[-1], None)
    placement: list[tuple[int, bool]] = []
    state: State | None = last
    for at in range(len(words) - 1, -1, -1):
        _, previous, opens = states[at][state]
        placement.append((state[0], opens))
        state = previous
    return fit, placement[::-1]


def whole_cells(before: str, word: str) -> bool:
    """Whether two lines are two cells, never one broken over them: a placeholder ("……", "指标2"), a level name
    (joined whole before) or two whole numbers (a 指标值 and its 完成值, 100 and 100)."""
    return is_placeholder(word) or is_level_cell(before) or is_level_cell(word) \
        or bool(NUMERIC.match(before) and NUMERIC.match(word))


def printed_like(target: str, actual: str) -> bool:
    """Whether a cell is printed in the form of the 指标值 before it, as its 完成值 is: a figure in the same unit
    (≥5.8件/万人 → 7.31件/万人, 15日以内 → 15日), a date (2024年12月31日前 → 2024年12月31日) or the same words (不断提升,
    长期). A row's next 三级指标 is a name, in none of these forms."""
    expected, achieved = parse_target(target), parse_target(actual)
    if expected.kind != achieved.kind:
        return False
    if expected.kind == "number":
        return expected.unit == achieved.unit
    return expected.kind == "date" or expected.kind == "qualitative" and expected.text == achieved.text


def scores_most_rows(words: list[str], placement: list[tuple[int, bool]], slots: list[str | None]) -> bool:
    """Whether a reading gives half the rows that print values (not a placeholder's name alone: 指标2, ……) or more a
    分值 of at most 100 and no less than the row's 得分, or a 得分 of at most 100 beside the row's 指标值 and 完成值 (the
    分值 left blank; its figures under 分值 and 得分 took no target's or result's place, and no row's words went under
    them): a scored table's."""
    level3 = slots.index("level3")
    rows: list[dict[str, str]] = []
    for word, (column, opens) in zip(words, placement):
        if opens:
            rows.append({})
        if column > level3:
            rows[-1][slots[column] if slots[column] in (*SCORED, *FIGURES) else "value"] = word
    valued = [row for row in rows if row]
    worded = any(not NUMERIC.match(row[name]) for row in valued for name in SCORED if name in row)

    def scored(row: dict[str, str]) -> bool:
        weight, score = (parse_number(row[name]) if name in row else None for name in SCORED)
        if "weight" not in row:  # (a reading that puts words under 分值 or 得分 anywhere misread the 得分 alone)
            return not worded and score is not None and score <= FULL_MARKS and all(name in row for name in FIGURES)
        return weight is not None and weight <= FULL_MARKS and (score is None or score <= weight)
    return 2 * sum(map(scored, valued)) >= len(valued)


def adds_up(words: list[str], placement: list[tuple[int, bool]], slots: list[str | None],
            total: list[Paragraph]) -> bool:
    """Whether the 分值 a reading placed add up as a table's do: to 100, to 90 (the funds' 10 printed above them), to
    a number of the 总分 row, or under each 一级 that prints its points (产出指标(50分)) to those points (a table cut
    off before its last 一级's rows)."""
    column = slots.index("weight")
    stages: list[list[float]] = []  # each 一级's points, then the 分值 placed under it
    weights: list[float] = []
    for word, (placed, _) in zip(words, placement):
        stage = SCORED_LEVEL.search(word) if slots[placed] == "level1" else None
        if stage:
            stages.append([float(stage[1])])
        number = parse_number(word) if placed == column else None
        if number is not None:
            weights.append(number)
            if stages:
                stages[-1].append(number)
    totals = [FULL_MARKS, FULL_MARKS - FUNDS_POINTS, *(parse_number(p.text) for p in total)]
    if any(target is not None and abs(sum(weights) - target) < 0.01 for target in totals):
        return True
    return bool(stages) and all(len(stage) > 1 and abs(sum(stage[1:]) - stage[0]) < 0.01 for stage in stages)

def with_total(rows: list[dict[str, Paragraph]], lines: list[Paragraph], cursor: int, columns: dict[str, int],
               width: int) -> tuple[list[Row], int]:
    """The rows as table rows, and the 总分 row when it follows them; returns them and how many lines they used."""
    texts = [normalize_text(p.text) for p in lines]
    end = cursor
    table_rows = [to_row(cells, columns, width) for cells in rows]
    total = next((i for i in range(cursor, min(cursor + 3, len(texts))) if texts[i] in TOTAL), None)
    # Lines between the last row and 总分 are the last row's note; without a note column 总分 is not this table's.
    if rows and total is not None and (total == cursor or "note" in columns):
        if total > cursor:
            rows[-1]["note"] = Paragraph("\n".join(p.text for p in lines[cursor:total]), lines[cursor].line)
            table_rows[-1] = to_row(rows[-1], columns, width)
        # Only the numbers right after 总分 are its cells; a line after a non-number is not consumed.
        numbers = list(takewhile(lambda p: NUMERIC.match(normalize_text(p.text)), lines[total + 1:total + 3]))
        table_rows.append(Row([Cell("总分", lines[total].line)] + [Cell(p.text, p.line) for p in numbers]))
        end = total + 1 + len(numbers)
    return table_rows, end


NAME_LENGTH = 15  # characters of a level or indicator name a row number stands before; an explanation runs longer


def row_numbers(texts: list[str]) -> list[int]:
    """The positions of the row numbers of a 序号 column (1, 2, 3 …, each before its row's names). A number is the
    next row's when it counts on from the last one (or the one after it, the copy having lost one), a name follows
    it, and it does not follow a name the way a 分值 follows its 三级指标 (a number, a long text or the header before
    it, or a short name after it, or the next row's number after it before it is printed again: `counted_on`)."""
    found: list[int] = []
    last = 0
    places: dict[str, list[int]] = defaultdict(list)  # each text's positions, in order
    for i, text in enumerate(texts):
        places[text].append(i)
    for i, text in enumerate(texts):
        after = texts[i + 1] if i + 1 < len(texts) else ""
        before = texts[i - 1] if i else ""
        if text in TOTAL or is_title(text):
            break
        if text in (str(last + 1), str(last + 2)) and after and not NUMERIC.match(after) and after != EMPTY_CELL \
                and (not before or NUMERIC.match(before) or len(before) > NAME_LENGTH or len(after) <= NAME_LENGTH
                     or counted_on(places, i, int(text))):
            found.append(i)
            last = int(text)
    return found


def counted_on(places: dict[str, list[int]], at: int, number: int) -> bool:
    """Whether the next row's number follows a number (at `at`; `places`: each text's positions) before that number
    is printed again: the number is a row's, counted on (3 | 退役士兵考入高校应助学生享受资助比例 … 4), not a 分值 the
    next row's number repeats (2 | 指标解释 … 2)."""
    def next_at(text: str) -> int | None:
        positions = places.get(text, [])
        index = bisect_right(positions, at)
        return positions[index] if index < len(positions) else None
    again, following = next_at(str(number)), next_at(str(number + 1))
    return following is not None and (again is None or following < again)


def numbered_chunk_rows(lines: list[Paragraph], numbers: list[int], values: list[str], weighted: list[str],
                        names: int, has_note: bool) -> tuple[list[dict[str, Paragraph]], int]:
    """Rows that open at their numbers: each row's lines run to the next number, the last row's to 总分 or as far
    as the longest row before it. Returns the rows and where they end."""
    texts = [normalize_text(p.text) for p in lines]
    longest = max((b - a for a, b in zip(numbers, numbers[1:])), default=names + len(values) + 2)
    end = next((i for i in range(numbers[-1], len(texts)) if texts[i] in TOTAL or is_title(texts[i])),
               min(len(texts), numbers[-1] + longest))
    chunks = [lines[a + 1:b] for a, b in zip(numbers, [*numbers[1:], end])]
    return placed_rows(chunks, values, weighted, names, has_note, numbered=True), end


def cut_off_rows(rest: list[Paragraph], rows: list[dict[str, Paragraph]], weighted: list[str], names: int,
                 has_note: bool, own_words: bool) -> list[dict[str, Paragraph]]:
    """The last rows of a copy cut off before their values: the last row's note, then the 二级 names printed with no
    row under them before the next 一级 (经济效益指标 满意度指标(10分) 满意度指标 公众满), "指标2" placeholders and the
    row cut off ("项目效益" "40" "经济" at the end of the text), its names — when nothing but names (and the levels'
    own 分值) is left after the note; a line alone may be anything. The note is set on the last row read."""
    empty = []
    while len(rest) > 2 and is_level_cell(normalize_text(rest[0].text)) \
            and not LEVEL1_CELL.match(normalize_text(rest[0].text)) and LEVEL1_CELL.match(normalize_text(rest[1].text)):
        empty, rest = [*empty, {"level2": rest[0], "level3": Paragraph("", rest[0].line)}], rest[1:]
    if not rows or len(rest) < 2:
        return []
    note, placeholders, cells = split_head(rest, False, has_note, weighted, names, own_words)
    printed = rest[1:] if note is not None else rest
    if len(printed) > names + len(weighted) or \
            sum(bool(NUMERIC.match(normalize_text(p.text))) for p in printed) > len(weighted):
        return []
    found = [*empty, *placeholders, *([cells] if "level3" in cells else [])]
    if found and note is not None:
        rows[-1]["note"] = note
    return found


def unscored_rows(lines: list[Paragraph], names: list[str],
                  row_starts: frozenset[int] = frozenset()) -> tuple[list[dict[str, Paragraph]], int]:
    """Rows under a header with no 分值 or 得分 (指标值 | 实施进度 only, the transfer-payment form's 指标值 |
    全年实际完成值 | 未完成原因和改进措施): every cell printed, or rows opening at their level names when the dump
    leaves empty cells out — whichever reads more rows; rows printed one a line (opening where the lines
    `row_starts` do) a line each, where that holds as many."""
    rows, used = full_width_rows(lines, names)
    if "level1" in names or "level2" in names:
        levelled, through = levelled_rows(lines, names)
        if len(levelled) > len(rows):
            rows, used = levelled, through
    typed, through = typed_unscored_rows(lines, names)
    if unscored_hold(typed) > unscored_hold(rows):
        rows, used = typed, through
    lined, through = line_unscored_rows(lines, names, row_starts)
    return (lined, through) if lined and unscored_hold(lined) >= unscored_hold(rows) else (rows, used)


def line_unscored_rows(lines: list[Paragraph], names: list[str],
                       row_starts: frozenset[int]) -> tuple[list[dict[str, Paragraph]], int]:
    """Unscored rows printed one a line, each opening where a line of `row_starts` does: its level names, then its
    cells placed by type (`aligned`) — a line of a name alone ("“三公经费变动率", its 指标值 and 完成值 left empty) a row of
    its own, never the note of the row above. The rows stop at a line that ends them or reads as no row."""
    values = [name for name in names if name in VALUE_SLOTS or name == "note"]
    starts = sorted(start for start in row_starts if start < len(lines))
    if not starts or starts[0]:
        return [], 0
    rows: list[dict[str, Paragraph]] = []
    used = 0
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        items = [item for item in join_levels(lines[start:end]) if normalize_text(item.text) != EMPTY_CELL]
        if not items or any(ends_rows(normalize_text(item.text)) or slot(normalize_text(item.text)) for item in items):
            break
        levels = list(takewhile(lambda item: is_level_cell(normalize_text(item.text)), items))[:2] \
            if "level1" in names or "level2" in names else []
        rest = items[len(levels):]
        placed = aligned(rest, ["level3", *values], scored=False) if rest else None
        if placed is None or VALUE_START.match(normalize_text(rest[0].text)):
            break
        rows.append({**level_cells(levels), **placed})
        used = end
    return rows, used


def held_rows(rows: list[dict[str, Paragraph]]) -> int:
    """How much of a table a reading explains: its rows that `explains`."""
    return sum(explains({name: normalize_text(cell.text) for name, cell in row.items()}) for row in rows)


def unscored_hold(rows: list[dict[str, Paragraph]]) -> tuple[int, int]:
    """How much of an unscored table a reading explains: its rows that `explains` and its "……" rows (a placeholder
    the form printed as a row of its own, not in a value or note cell), then its rows whose 完成值 is printed in its
    指标值's form (`printed_like`: 效果明显 | 效果明显, words a row that `explains` needs a figure for) or is a verdict
    on it (效果明显 | 达成预期指标)."""
    paired = sum(bool(row.get("target") and row.get("actual"))
                 and (printed_like(normalize_text(row["target"].text), normalize_text(row["actual"].text))
                      or bool(VERDICT.match(normalize_text(row["actual"].text))))
                 for row in rows)
    placeholders = sum(all(is_placeholder(cell.text) for cell in row.values() if cell.text.strip()) for row in rows
                       if any(cell.text.strip() for cell in row.values()))
    return held_rows(rows) + placeholders, paired


def explains(row: dict[str, str], scores_alone: bool = False) -> bool:
    """Whether a row's texts by column read as an indicator row: a 三级指标 (no number, no single character — 月 of
    a date cut at its characters — and not its level's name again: a word target and its equal result read as a
    row's names) and a figure under 指标值 or 完成值, and under 分值 and 得分 numbers only, a 分值 of at most 100 and a
    得分 no more than its 分值. A figure is a value's, short
    (a sentence after the table, "3.分析评价申报内容是否…", holds a digit too). With `scores_alone` (a score sheet's
    rows), the 分值 and 得分 stand in for the figure."""
    name = row.get("level3", "")
    numbers = [row[column] for column in SCORED if row.get(column)]
    if len(name) < SHORTEST_NAME or NUMERIC.match(name) or name in (row.get("level1"), row.get("level2")) \
            or not all(NUMERIC.match(text) for text in numbers):
        return False
    weight, score = (parse_number(row.get(column)) for column in SCORED)
    if weight is not None and (weight > FULL_MARKS or score is not None and score > weight):
        return False
    if scores_alone and numbers or len(numbers) == len(SCORED) and not any(row.get(name) for name in FIGURES):
        return True  # (a sheet's row scored by its 分值 and 得分 alone: Hubei's 项目权重 rows above its indicators)
    target, actual = row.get("target", ""), row.get("actual", "")
    # (a word target and its equal result beside a row's points — its 分值 and 得分, or its 得分 where the form prints no
    # 分值 — 不断提升 | 不断提升, hold the row as a figure does; so does a word target and a result in words, 按规定公开 |
    # 已公开)
    worded = bool(numbers) and 0 < len(target) <= VALUE_LENGTH and 0 < len(actual) <= VALUE_LENGTH \
        and not is_level_cell(target) and not is_level_cell(actual) \
        and (target == actual or any(word in actual for word in QUALITATIVE_WORDS + RESULT_WORDS))
    # (a template's slot, 指标2, holds a digit and is no figure)
    return worded or any(figure(text) and len(text) <= VALUE_LENGTH and not is_placeholder(text)
                         for text in (row.get(column, "") for column in FIGURES))


def score_sheet(rows: list[dict[str, str]]) -> bool:
    """Whether rows by column are a score sheet's, explained by their 分值 and 得分 (`explains`): no row holds a
    指标值 or 完成值 (a header without those columns, or a form that has them and left them empty)."""
    return not any(row.get(name) for row in rows for name in FIGURES)


def fuller_typed_reading(read: tuple[list[Row], int], lines: list[Paragraph], header: list[str],
                         slots: list[str | None], row_starts: frozenset[int] = frozenset()) -> tuple[list[Row], int]:
    """The rows of a scored dump that prints one cell a line, as read (`read`), or read cell by cell by the cells'
    types (`typed_rows`) where that explains more of them (`explains`, a row counting once more when it holds a 分值 or
    得分) and leaves no more rows that print a value unexplained, or the rows as read are none, and its 得分 can be a
    table's: rows that leave different cells out, so that no row grammar of fixed cells reads them. The reading by
    type, slow on a long dump, is tried only where the rows as read are none, leave one unexplained (`unexplained`)
    or ran more lines into their cells than rows broken over lines make (`runs_lines_together`)."""
    columns = {name: position for position, name in enumerate(slots) if name}

    def explained(rows: list[Row]) -> tuple[int, int, int]:
        """How much of the rows a reading explains, how many rows it leaves unexplained, and how many of those print
        a value (a row of names alone, a template's empty row — 成本指标 | 指标1: — explains nothing and misreads
        nothing, unless a name it holds is a figure: 3亩 | 180只); a score sheet's rows (`score_sheet`) by their 分值 and
        得分."""
        texts = texts_by_column(rows, header)
        sheet = score_sheet(texts)
        left = [row for row in texts if not explains(row, sheet)]
        return (sum(explains(row, sheet) * (1 + any(row.get(name) for name in SCORED)) for row in texts),
                unexplained(texts, sheet),
                sum(any(text and (name not in LEVEL_ROLES or no_name(text)) for name, text in row.items())
                    for row in left))
    read_explained, read_left, read_misread = explained(read[0])
    if read[0] and not read_left and not runs_lines_together(read, lines):
        return read  # every row as read explains itself, each line a cell
    typed = typed_rows(lines, header, slots, row_starts)
    if shares_lines(lines[:typed[1]]):
        return read  # cells that share lines are read by type once `cell_rows` gives each a line of its own
    plausible = "score" not in columns or plausible_scores(typed[0], columns["score"], len(slots))
    typed_explained, _, typed_misread = explained(typed[0])
    fuller = typed_explained > read_explained and (typed_misread <= read_misread or not read[0])
    return typed if plausible and fuller else read


def runs_lines_together(read: tuple[list[Row], int], lines: list[Paragraph]) -> bool:
    """Whether a reading of a dump that prints one cell a line ran more lines into its cells than a row's cells that
    break over lines make: a third more lines than cells (a row that left its empty cells out runs into the next)."""
    cells = sum(bool(normalize_text(cell.text)) for row in read[0] for cell in row.cells)
    printed = sum(normalize_text(line.text) not in ("", EMPTY_CELL) for line in lines[:read[1]])
    return 3 * printed > 4 * cells


def typed_unscored_rows(lines: list[Paragraph], names: list[str]) -> tuple[list[dict[str, Paragraph]], int]:
    """Unscored rows of a dump that prints one cell a line and leaves empty cells out, however many cells each row
    printed: every cell placed in a column by its type (`typed_placement`), a row held by its 指标值 or 完成值. Where
    the cells the level columns took hold no level name the row grammar knows and none printed twice (a merged name
    printed on each of its rows), the rows are also read as if the table had left its level columns empty (the names
    having gone to rows that printed no values), and that reading is kept when it holds as many rows. The rows stop
    where `typed_rows` stop them, or at the number of a section of the text after the table."""
    texts = [normalize_text(p.text) for p in lines]
    end = next((i for i, text in enumerate(texts) if ends_rows(text) or text in HEADER_WORDS
                or SECTION_NUMBER.match(text)), len(texts))
    cells = join_levels(lines[:end])
    if not cells or "level3" not in names or shares_lines(lines[:end]):
        return [], 0  # cells that share lines are read by type once `cell_rows` gives each a line of its own
    rows = typed_cells(cells, names)
    levels = [normalize_text(row[level].text) for row in rows for level in WEIGHTED_LEVELS if level in row]
    if not any(is_level_cell(level) for level in levels) and len(set(levels)) == len(levels):
        bare = typed_cells(cells, [name for name in names if name not in WEIGHTED_LEVELS])
        rows = bare if held_rows(bare) >= held_rows(rows) else rows
    return rows, end


def typed_cells(cells: list[Paragraph], names: list[str]) -> list[dict[str, Paragraph]]:
    """The cells as rows, each in the column of `names` its type fits (`typed_placement`), a cell that takes a column
    twice (a text broken over lines) joined."""
    rows: list[dict[str, Paragraph]] = []
    words = [normalize_text(cell.text) for cell in cells]
    for cell, (column, opens) in zip(cells, typed_placement(words, names, [False] * len(names), FIGURES)[1]):
        if opens:
            rows.append({})
        name = names[column]
        placed = rows[-1].get(name)
        rows[-1][name] = Paragraph(placed.text + cell.text, placed.line) if placed else cell
    return rows


def full_width_rows(lines: list[Paragraph], names: list[str]) -> tuple[list[dict[str, Paragraph]], int]:
    """Rows of as many cells as the header has columns, every one printed; the rows stop at one that does not read
    so (a header word, 总分 or what else ends rows — the next table's head key — among its cells, a value for its
    三级指标, a level name among its values or as its note, a level name with more run on after it in a name column:
    a whole row run together on its line)."""
    rows: list[dict[str, Paragraph]] = []
    cursor = 0
    while cursor + len(names) <= len(lines):
        cells = dict(zip(names, lines[cursor:cursor + len(names)]))
        texts = {name: normalize_text(cell.text) for name, cell in cells.items()}
        if any(ends_rows(text) or slot(text) for text in texts.values()) \
                or VALUE_START.match(texts.get("level3", "")) or shifted_levels(texts) \
                or any(runs_on_from_level(text) for name, text in texts.items() if name in ("level1", "level2")) \
                or any(is_level_cell(text) for name, text in texts.items() if name in VALUE_SLOTS or name == "note"):
            break
        rows.append(cells)
        cursor += len(names)
    return rows, cursor


def shifted_levels(texts: dict[str, str]) -> bool:
    """Whether a row's names by column sit a column left of their own: a kind of indicator (质量指标) under 一级 with a
    name after it, or a level name under 三级指标 — a merged level the copy printed once left out of the row."""
    first, last = texts.get("level1", ""), texts.get("level3", "")
    return bool(LEVEL2_CELL.match(first) and not LEVEL1_CELL.match(first) and "level2" in texts
                or last and is_level_cell(last))


def runs_on_from_level(text: str) -> bool:
    """A level name with more text run on after it ("产出指标数量指标…100%100%"): a row's cells on one line, no cell.
    A level's weight after its name ("成本指标(20分)") is the name's own."""
    opening = run_rows.LEVEL_NAME.match(text)
    return bool(opening) and opening.end() < len(text) and not WEIGHTED.fullmatch(text[opening.end():])


# A row's 三级指标 is a name, never a sentence of the text after the table.
ROW_NAME = 40
# The number of a section of the text after the table ((三)存在的问题和原因, 四、), never a 三级指标's.
SECTION_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])")


def levelled_rows(lines: list[Paragraph], names: list[str]) -> tuple[list[dict[str, Paragraph]], int]:
    """Unscored rows of a dump that leaves empty cells out: a row opens at its level names (一级, 二级指标), then
    its 三级指标, then its values in the header's order (指标值, 完成值, the note), as many as it printed. A group
    whose levels were printed once (merged cells) holds several full rows, the levels carried down. The rows stop
    at 总分, a header word, a title, the next table's head key (转移支付名称), or a cell that cannot be a 三级指标 (a
    number, a sentence)."""
    values = [name for name in names if name in VALUE_SLOTS or name == "note"]
    texts = [normalize_text(p.text) for p in lines]
    end = next((i for i, text in enumerate(texts) if ends_rows(text) or slot(text)), len(texts))
    groups: list[list[Paragraph]] = []
    if not end or not is_level_cell(texts[0]):
        return [], 0
    for index in range(end):
        # A group opens at a level name after a row's cells, or at an 一级指标 right after an 二级指标 (a row that
        # printed its level names and nothing else: 效益指标 | 经济效益指标 | 满意度指标 …).
        if not groups or is_level_cell(texts[index]) and (
                not is_level_cell(texts[index - 1])
                or LEVEL1_CELL.match(texts[index]) and not LEVEL1_CELL.match(texts[index - 1])):
            groups.append([])
        groups[-1].append(lines[index])
    # Rows printed one a line, cells apart by spaces (cells share their lines), not one cell a line.
    by_line = shares_lines(lines[:end])
    column = wrap_width(lines[:end])
    rows: list[dict[str, Paragraph]] = []
    used = 0
    opening = [normalize_text(group[0].text) for group in groups]
    for index, group in enumerate(groups):
        # The bare " |" of the empty cells printed are no cells.
        items = [item for item in join_levels(group) if normalize_text(item.text) != EMPTY_CELL]
        levels = list(takewhile(lambda item: is_level_cell(normalize_text(item.text)), items))[:2]
        if "level2" in names and opens_level2(levels, items[len(levels):]):
            levels.append(items[len(levels)])  # an 二级指标 in its own words (成本, 时效) after its 一级指标
        if not levels and rows:
            break
        levelled = level_cells(levels)
        if rows and levels and "level1" not in levelled and "level1" in rows[-1]:
            levelled["level1"] = rows[-1]["level1"]  # a 二级指标 opening its group under the 一级指标 above
        # A table that prints its 一级指标 again on every row (no merged cells) holds one row a group.
        neighbours = opening[max(index - 1, 0):index] + opening[index + 1:index + 2]
        one_row = bool(LEVEL1_CELL.match(opening[index])) and opening[index] in neighbours
        rest = rejoined_cells(items[len(levels):], 1 + len(values), one_row)
        while rest:
            name = normalize_text(rest[0].text)
            if VALUE_START.match(name) or len(name) > ROW_NAME or is_level_cell(name) or SECTION_NUMBER.match(name):
                return rows, used
            while not by_line and wrapped_name(rest, column, values[:1] == ["target"]):
                rest = [Paragraph(rest[0].text + rest[1].text, rest[0].line), *rest[2:]]
            cells = rest[:1 + len(values)]
            if by_line:
                # Rows printed one a line: a row ends with its line, however few values it printed.
                cells = list(takewhile(lambda item: item.line == rest[0].line, cells))
            rows.append({**levelled, "level3": cells[0], **dict(zip(values, cells[1:]))})
            rest = rest[len(cells):]
        used += len(group)
    return rows, used


def wrapped_name(rest: list[Paragraph], width: int | None, target_next: bool) -> bool:
    """Whether a row's 三级指标 broke at the column's width onto the next line: it fills the width (or, the width
    unknown and 指标值 the header's column after the name, `target_next`, a target's form follows the shorter tail:
    "当年获得宁德市级以上确认" "的人才驿站数量" ">=2个" — not a 指标性质 or 度量单位 cell, "定量" before "≥50人"), the
    next cell is no value and no level name, and a value follows it ("指标1:开展精品示范村建" "设数量" "≤4")."""
    if len(rest) < 3:
        return False
    name, tail, after = (normalize_text(cell.text) for cell in rest[:3])
    wide = len(name) >= width - 1 if width is not None else \
        target_next and len(tail) < len(name) and bool(TARGET_FORM.match(after))
    return wide and not is_level_cell(name) and not is_level_cell(tail) \
        and not VALUE_START.match(name) and not figure(tail) and figure(after)


# A target's form: a comparison before its figure (">=2个", "不少于12种"), never an actual's.
TARGET_FORM = re.compile(rf"^(?:{SIGN_COMPARATOR}|{WORD_COMPARATOR})\d")


def rejoined_cells(cells: list[Paragraph], room: int, one_row: bool) -> list[Paragraph]:
    """A row's cells that narrow columns broke over lines, joined again. A target and its actual printed alike, each
    broken over the same lines ("按要求" "及时公开" "按要求" "及时公开"), are two cells, and the few lines before them
    the 三级指标 ("行政处罚信息" "公开及时准确"): columns of one width break one text at the same places. The lines of
    `one_row` with more lines than the row has cells (`room`), no figure among them and two for each cell ("经费支"
    "出合规性" "严格执行相" "关制度规定" "达成预" "期指标"), are its cells broken each in two."""
    texts = [normalize_text(cell.text) for cell in cells]

    def one(part: list[Paragraph]) -> Paragraph:
        return Paragraph("".join(cell.text for cell in part), part[0].line)
    # (lines of the name, lines of each of the two), the fewest cells left after them first ("具有可" "持续性" printed
    # three times is a name, its target and its actual, no note); a target one line long only where the name broke
    # and nothing follows ("对自然生态环境" "造成的负面影响" "无" "无").
    alike = [(name, size) for name in range(1, BROKEN_NAME_LINES + 1)
             for size in range(1, min(BROKEN_VALUE_LINES, (len(texts) - name) // 2) + 1)
             if texts[name:name + size] == texts[name + size:name + 2 * size]
             and (size > 1 or one_row and name > 1 and name + 2 == len(texts))
             and not any(map(figure, texts[:name])) and not any(map(is_level_cell, texts[:name]))]
    if alike:
        name, size = min(alike, key=lambda split: (len(texts) - split[0] - 2 * split[1], split[0]))
        return [one(cells[:name]), one(cells[name:name + size]), one(cells[name + size:name + 2 * size]),
                *cells[name + 2 * size:]]
    if one_row and room < len(cells) <= 2 * room and len(cells) % 2 == 0 and not any(map(figure, texts)):
        return [one(cells[at:at + 2]) for at in range(0, len(cells), 2)]
    return cells


BROKEN_NAME_LINES = 3  # lines, most, a narrow column breaks a 三级指标 over
BROKEN_VALUE_LINES = 6  # lines, most, a narrow column breaks a target or a result over


def figure(text: str) -> bool:
    """A cell that holds a figure or opens with a comparison: a value, never a name's broken-off tail."""
    return bool(VALUE_START.match(text) or COMPARISON.match(text[:1]) or DIGIT.search(text))


def misfit(cells: list[str], values: list[str]) -> bool:
    """Values that do not read as one row's: 得分 above 分值, or a target with no figure before an actual that
    opens with a comparison (≤4), which is a target's form."""
    row = dict(zip(values, cells))
    weight, score, target, actual = (row.get(name, "") for name in ("weight", "score", "target", "actual"))
    if NUMERIC.match(weight) and NUMERIC.match(score) and parse_number(score) > parse_number(weight):
        return True
    return bool(VALUE_START.match(actual) and COMPARISON.match(actual[:1]) and not DIGIT.search(target))


def opens_line(lines: list[Paragraph], index: int) -> bool:
    """Whether the cell opens a printed line that holds its row's cells (two or more share the line)."""
    line = lines[index].line
    return (index == 0 or lines[index - 1].line != line) and index + 1 < len(lines) and lines[index + 1].line == line


def line_end(lines: list[Paragraph], index: int) -> int:
    """Where the printed line of the cell at `index` ends: the index of the first cell on a later line."""
    return next((i for i in range(index, len(lines)) if lines[i].line != lines[index].line), len(lines))


def line_row(lines: list[Paragraph], values: list[str], known: set[str],
             levels_in_header: int) -> tuple[dict[str, Paragraph], int] | None:
    """A row printed on a line of its own, cells apart by spaces (its cells share the line): its level names
    (recognised, or the table's own), then its cells placed in 三级指标 and the value columns by type; the row and
    how many cells it used. None when the line is no such row."""
    size = line_end(lines, 0)
    items = join_levels(lines[:size])
    if size == 2 and all(is_level_cell(normalize_text(item.text)) for item in lines[:2]):
        # A row's level names printed with no row under them ("效益指标 生态效益指标"): a row with no indicator.
        return {**level_cells(lines[:2]), "level3": Paragraph("", lines[0].line)}, size
    if size < 3 or normalize_text(items[0].text) in TOTAL or any(slot(normalize_text(i.text)) for i in items):
        return None  # a total, or what is left of a header
    names = list(takewhile(lambda p: not (VALUE_START.match(normalize_text(p.text)) or COMPARISON.match(p.text)),
                           items))
    stage: dict[str, Paragraph] = {}
    if printed_names(names, levels_in_header + 1):
        levels, items = items[:len(names) - 1], items[len(names) - 1:]  # every name column printed: by position
    else:
        levels = []
        if len(names) >= 2 and SCORED_LEVEL.search(normalize_text(items[0].text)) \
                and not is_level_cell(normalize_text(items[0].text)):
            # A name that ends in its points before the row's 三级指标 (项目决策(2分) | 决策依据): the row's 一级, as the
            # forms print a stage's points (产出指标(50分)); the 二级 left empty.
            stage = {"level1": items.pop(0)}
        while len(items) > 1 and len(levels) < 2 and (is_level_cell(normalize_text(items[0].text))
                                                      or normalize_text(items[0].text) in known):
            levels.append(items.pop(0))
        if len(levels) == 1 and len(items) > 1 \
                and bare_level2(normalize_text(levels[0].text), normalize_text(items[0].text)):
            levels.append(items.pop(0))
    placed = aligned(items, ["level3", *values])
    if placed is None and len(items) > 1 and not any(is_level_cell(normalize_text(i.text)) for i in items):
        # A row left unscored (其中…), under its levels or under levels merged down from the row above.
        placed = aligned(items, ["level3", *values], scored=False)
    if placed is None and (levels or stage) and len(items) == 1 and not measured(normalize_text(items[0].text)):
        placed = {"level3": items[0]}  # a row under its levels that printed its name and no values (指标2, ……)
    return ({**level_cells(levels), **stage, **placed}, size) if placed else None


def bare_level2(stage: str, kind: str) -> bool:
    """Whether a cell under a 一级指标 (`stage`, both normalised) is its 二级指标 printed without 指标 (Hubei's 2021
    form: 成本, 时效, 经济效益, 可持续性; Shanxi's 产出数量, 满意度), of the 一级's stage (成本 under 产出指标)."""
    return bool(LEVEL1_CELL.match(stage) and BARE_LEVEL2_NAME.match(kind)
                and run_rows.stages_of(stage, "level1") & run_rows.stages_of(kind, "level2"))


def partial_row(head: list[Paragraph], values: list[str], known: set[str]) -> dict[str, Paragraph] | None:
    """A row printed without some of its value cells (a dump drops the empty ones): its level names (recognised,
    or the table's own read on earlier rows), its 三级指标, then its values, each to the next value column its type
    fits — a number to 分值 then 得分, any other cell to 指标值 then 完成值. None when the lines do not read so."""
    if not set(values) <= {"target", "actual", "weight", "score"}:
        return None  # a target split over 指标性质, 指标值, 度量单位 has cells of no type of their own
    items = [item for item in join_levels(head) if normalize_text(item.text) != EMPTY_CELL]  # the empty cells printed
    levels = []
    while items and len(levels) < 2 and (is_level_cell(normalize_text(items[0].text))
                                         or normalize_text(items[0].text) in known):
        levels.append(items.pop(0))
    if opens_level2(levels, items):
        levels.append(items.pop(0))
    # A placeholder (指标2, ……) may be the row's name, never one of its values.
    if not levels or not items or any(is_level_cell(normalize_text(i.text)) or normalize_text(i.text) in known
                                      for i in items) or any(is_placeholder(i.text) for i in items[1:]):
        return None
    numbers = [name for name in values if name in ("weight", "score")]
    figures = [name for name in values if name in ("target", "actual")]
    cells = {**level_cells(levels), "level3": items[0]}
    for item in items[1:]:
        slots = numbers if NUMERIC.match(normalize_text(item.text)) else figures
        if not slots:
            return None
        cells[slots.pop(0)] = item
    return cells


def loose_rows(lines: list[Paragraph], values: list[str], weighted: list[str], names: int,
               has_note: bool, note_last: bool = False) -> tuple[list[dict[str, Paragraph]], int]:
    """Rows of a dump that leaves its empty cells out, so no row has a fixed width: a row opens at a level name
    (when the header has level columns besides 三级指标, `names` counting its name columns), or at a name after
    the row's numbers (and its note, when the header has a note column); its cells after 三级指标 go to the value
    columns their types fit, in the header's order. Returns the rows and where they end (总分, or the end)."""
    has_levels = names > 1
    end = next((i for i, p in enumerate(lines) if normalize_text(p.text) in TOTAL), len(lines))
    texts = [normalize_text(p.text) for p in lines[:end]]
    # (names of its own the rows print again and again, each time before a name: 项目管理 | 财务制度, not 按规定时限 | 4
    # nor a damaged copy's S for 5; a form's level words open rows anyway)
    own_levels = {name for name in repeated_names(texts) if has_levels and len(name) > 1 and not is_level_copy(name)
                  and all(at + 1 < len(texts) and not VALUE_START.match(texts[at + 1])
                          for at, text in enumerate(texts) if text == name)}
    chunks: list[list[Paragraph]] = []
    for index, paragraph in enumerate(lines[:end]):
        text = normalize_text(paragraph.text)
        chunk = [normalize_text(p.text) for p in chunks[-1]] if chunks else []
        # (a note the header prints after the values is followed by the next row's name, never by a figure)
        value_next = note_last and index + 1 < len(texts) and bool(VALUE_START.match(texts[index + 1]))
        if not chunks or opens_row(text, chunk, has_levels, has_note, len(weighted), value_next) \
                or text in own_levels and any(NUMERIC.match(cell) for cell in chunk) \
                or values[:1] == ["weight"] and NUMERIC.match(text) and chunk and NUMERIC.match(chunk[-1]) \
                and sum(bool(NUMERIC.match(cell)) for cell in chunk) >= 2:
            # (where 分值 is the first value, a row whose 三级指标 was left empty opens at its 分值, right after the 得分
            # that closed the row before: "指标2:…" "1" "不少于12种" "14种" "1" | "1" "不少于6种" "28种" "1")
            chunks.append([])
        chunks[-1].append(paragraph)
    return placed_rows(chunks, values, weighted, names, has_note), end


def placed_rows(chunks: list[list[Paragraph]], values: list[str], weighted: list[str], names: int,
                has_note: bool, numbered: bool = False) -> list[dict[str, Paragraph]]:
    """Each chunk of a row's lines as a row: its level names, then its cells after 三级指标 in the value columns
    their types fit, in the header's order; a chunk that opens at its number under 序号 (`numbered`) is a row even
    if it prints its level names alone."""
    has_levels = names > 1
    columns = [*values, "note"] if has_note else values
    rows = []
    for chunk in chunks:
        items = join_levels(chunk)
        read = weighted_names(items, weighted) if weighted else None
        if read is not None and read[0] and len(read[1]) > 1:
            # Levels printed with their own 分值, a 二级 name in the form's words next: the row's cells placed by type.
            cells, items = read
            if "level2" not in weighted and is_level_copy(normalize_text(items[0].text)):
                cells["level2"], items = items[0], items[1:]
            placed = aligned(items, ["level3", *columns])
            if placed is not None:
                rows.append({**cells, **placed})
            continue
        levels = []
        while has_levels and items and is_level_copy(normalize_text(items[0].text)):
            levels.append(items.pop(0))
        if not levels and not weighted:
            levels, items = named_levels(items, names, numbered)
        named = len(items) > 1 and not VALUE_START.match(normalize_text(items[0].text))  # a 三级指标 is never a number
        placed = aligned(items, ["level3", *columns]) if named and not weighted else None
        if placed is None and not levels and not weighted and values[:1] == ["weight"] and len(items) > 1 \
                and NUMERIC.match(normalize_text(items[0].text)):
            placed = aligned(items, columns)  # a row whose 三级指标 was left empty, opening at its 分值
        if placed is None and levels and not weighted:
            # A row whose 分值 and 得分 are left empty: its names and the values it prints, placed by type.
            placed = partial_row(chunk, values, set())
        if placed is None and len(items) == 1 and (numbered or is_placeholder(items[0].text)):
            # a placeholder row (指标2, ……) with no values, or a numbered row that prints its 三级指标 alone (its 分值
            # and 得分 left empty), under its levels or under those merged down from above
            placed = {"level3": items[0]}
        if placed is None and numbered and levels and not items and rows:
            placed = {"level3": Paragraph("", levels[0].line)}  # its level names and no indicator under them
        if placed is None:
            continue
        rows.append({**level_cells(levels), **placed})
    return rows


def named_levels(items: list[Paragraph], names: int, numbered: bool = False) -> tuple[list[Paragraph], list[Paragraph]]:
    """Level names in a score sheet's own words (项目决策, 科学决策), one a line before the row's 三级指标 and its
    first number — or, in a row that opens at its number (`numbered`), its last name, the row's 分值 and 得分 left
    empty — under a header with all three name columns: a merged level printed once leaves the row its deeper names
    only (资金管理, 资金分配). The levels and the cells from 三级指标 on; no levels otherwise."""
    printed = list(takewhile(lambda item: not DIGIT.search(item.text), items))
    # (a level name is never one character: 管理制度健全性 | 高 | 高 | 3 is a name, its word target and its result)
    if names >= 3 and 2 <= len(printed) <= names and (len(printed) < len(items) or numbered) \
            and all(SHORTEST_NAME <= len(normalize_text(item.text)) <= LEVEL_NAME for item in printed[:-1]):
        return printed[:-1], items[len(printed) - 1:]
    return [], items


def opens_row(text: str, chunk: list[str], has_levels: bool, has_note: bool, weighted: int = 0,
              value_next: bool = False) -> bool:
    """Whether a cell opens the next row once this one has its numbers: a level name, a placeholder, or a name after
    分值 and 得分 (or after one number and then no more), after the row's note when the header has a note column —
    right after 得分 where a value follows it (`value_next`: a note is followed by the next row's name, never by a
    figure: 三公经费变动率 | 2 | 2 | 基础信息完善 | 100%); the 分值 of the row's `weighted` levels, each printed after
    its name (出标产指 | 25 | 时效指标 …), are none."""
    pairs = next((count for count in range(weighted, 0, -1) if len(chunk) >= 2 * count and all(
        NUMERIC.match(chunk[2 * at + 1]) and not NUMERIC.match(chunk[2 * at]) for at in range(count))), 0)
    numbers = [i for i, cell in enumerate(chunk) if i >= max(2 * pairs, 1) and NUMERIC.match(cell)]
    if not numbers:
        # the row's names so far (levels broken over lines, 三级指标), unless a placeholder row ends in words
        return bool(chunk) and is_placeholder(chunk[-1]) and not NUMERIC.match(text)
    if has_levels and is_level_copy(text) or is_placeholder(text):
        return True  # (a placeholder, 指标2 or ……, is a row of no indicator, never a value or a note)
    numbered = NUMBERED_INDICATOR.match(text)  # a template's numbered name (指标2:…) is no figure
    if re.search(r"\d", text[numbered.end():] if numbered else text) or len(text) < 2:
        return False  # a number, or a mark (是否核心指标: 否) closing the row
    noted = numbers[-1] < len(chunk) - 1
    if has_note and len(numbers) >= 2 and not noted and not value_next:
        return False  # the text after 得分 is the row's note
    return noted or len(numbers) >= 2 or len(text) >= 4


def aligned(cells: list[Paragraph], columns: list[str], scored: bool = True) -> dict[str, Paragraph] | None:
    """The cells placed in the columns, in order, some columns left empty, where their types fit best (a 分值
    is never a percentage; 调整指标值 is empty unless the target was adjusted; 是否核心指标 is 是 or 否; a figure
    with its unit is a value, not a note; on a tie the earlier column); a
    text cell broken over lines may take two cells, joined. None when they do not fit at all, or (a `scored`
    row) no 分值 or 得分 is among them; the first cell always goes to the first column."""
    if len(cells) > 2 * len(columns):
        return None  # more lines than a row's cells, each broken once, could fill: no row

    def fit(role: str, text: str) -> float:
        if role == "core":
            return 1.0 if text in ("是", "否") else -1.0  # 是否核心指标 holds 是 or 否 and nothing else
        if role == "measure_unit" and not unit_shaped(text):
            return -1.0  # a 计量单位 holds no figure and is short (人次, %, 元/人、天): 资源采购期以当年为主 is a value
        return fits(role, text) - (1.5 if role in ("weight", "score") and text.endswith(PERCENT_SIGNS) else 0.0) \
            - (0.1 if role == "adjusted_target" else 0.0) - (0.5 if role == "note" and measured(text) else 0.0)

    @cache
    def best(cell: int, column: int) -> tuple[float, tuple[int, ...]]:
        """The best placement of cells[cell:] after cells[cell - 1] went to `column`: its fit and each cell's column."""
        if cell == len(cells):
            return 0.0, ()
        text = normalize_text(cells[cell].text)
        options = []
        # (a level's points end its cell: 项目决策(2分) | 决策依据 is no name broken over two)
        if column >= 0 and columns[column] in JOINABLE \
                and not SCORED_LEVEL.search(normalize_text(cells[cell - 1].text)):
            rest, placement = best(cell + 1, column)
            options.append((fit(columns[column], text) - BROKEN_CELL + rest, (column, *placement)))
        for k in range(column + 1, len(columns) if column >= 0 else 1):
            rest, placement = best(cell + 1, k)
            # A bare figure and the unit right after it: a 指标值 and its 度量单位 (25 | TB), no 分值 and a note.
            pair = UNIT_PAIR if cell and unit_after_figure([(column, columns[column]), (k, columns[k])],
                                                           cells[cell - 1].text, text) else 0.0
            # A cell printed in the form of the 指标值 right before it is its 完成值, not the note between them (a bare
            # number may be the row's 分值 or 得分 as well).
            pair += LIKE_TARGET if cell and (columns[column], columns[k]) == ("target", "actual") \
                and not NUMERIC.match(text) and printed_like(normalize_text(cells[cell - 1].text), text) else 0.0
            options.append((fit(columns[k], text) + pair + rest, (k, *placement)))
        return max(options, key=lambda option: option[0]) if options else (float("-inf"), ())

    score, placement = best(0, -1)
    if score < 0 or len(placement) != len(cells) or scored and not any(columns[k] in ("weight", "score")
                                                                       for k in placement):
        return None
    placed: dict[str, list[Paragraph]] = {}
    for k, cell in zip(placement, cells):
        placed.setdefault(columns[k], []).append(cell)
    row = {name: Paragraph("".join(p.text for p in parts), parts[0].line) for name, parts in placed.items()}
    if not scores_by_factor(row):
        # 得分 = 权重 × 得分系数: a percentage that breaks it is the row's completed value, not its factor.
        return aligned(cells, [column for column in columns if column != "score_factor"], scored)
    return row


def measured(text: str) -> bool:
    """A figure, bare or with its unit ("221", "≥95%", "221人"): a target's or a result's, not a note's words."""
    return bool(VALUE_START.match(text) or MEASURED.match(text.lstrip(COMPARATOR_SIGNS)))


def scores_by_factor(row: dict[str, Paragraph]) -> bool:
    """Whether a row's 得分系数, where it has one beside 权重 and 得分, gives its 得分 (得分 = 权重 × 得分系数)."""
    cells = [normalize_text(row[name].text) if name in row else "" for name in ("score_factor", "weight", "score")]
    factor, weight, score = (re.fullmatch(r"(\d+(?:\.\d+)?)[%％]?", cell) for cell in cells)
    if not (factor and weight and score):
        return True
    ratio = float(factor.group(1)) / (100 if cells[0].endswith(PERCENT_SIGNS) or float(factor.group(1)) > 1 else 1)
    return abs(float(weight.group(1)) * ratio - float(score.group(1))) <= 0.01 * max(1.0, float(score.group(1)))


def skips_values(head: list[str], has_note: bool) -> bool:
    """A number before a row's 三级指标 (past the previous row's note): the window skipped a shorter row's values."""
    return any(NUMERIC.match(text) for text in head[1 if has_note else 0:])


def ends_in_number(texts: list[str], after: int, has_note: bool) -> bool:
    """A number follows a row's values: they end later, unless it is the note and text comes next."""
    if after >= len(texts) or not NUMERIC.match(texts[after]):
        return False
    return not (has_note and (after + 1 >= len(texts) or not NUMERIC.match(texts[after + 1])))


def to_row(cells: dict[str, Paragraph], columns: dict[str, int], width: int) -> Row:
    # The row's line: its target's, else its name's, else its first cell's (a row whose name was lost).
    first = cells.get("target") or cells.get("level3") or min(cells.values(), key=lambda p: p.line)
    line = first.line
    row = [Cell("", line) for _ in range(width)]
    if "level2" in cells and "level2" not in columns and "level1" in columns and "level1" not in cells:
        cells = {"level1" if slot == "level2" else slot: paragraph for slot, paragraph in cells.items()}
        # (a header with one level column besides 三级指标, Hubei's 项目权重: the row's level name is under it)
    for slot, paragraph in cells.items():
        if slot in columns:
            row[columns[slot]] = Cell(cell_text(paragraph), paragraph.line)
    return Row(row)


def cell_text(paragraph: Paragraph) -> str:
    """A dumped cell's text; a lone "|" line is an empty cell of a dump that prints its empty cells."""
    return "" if normalize_text(paragraph.text) == EMPTY_CELL else paragraph.text


def rebuild_cell_dumps(blocks: list[Block]) -> list[Block]:
    """Turn runs of one-cell-per-line paragraphs under an indicator header into a table (a narrow column's wrapped
    cells joined again first, `unwrapped`)."""
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
        result.extend(rebuild_paragraphs(unwrapped(blocks[index:end])))
        index = end
    return result


def rebuild_paragraphs(run: list[Paragraph]) -> list[Block]:
    """A run of paragraphs with the tables its one-cell-per-line dumps make rebuilt, a row's last figure run into the
    next row's first cell read as two cells (`value_and_name_apart`)."""
    run = [part for paragraph in run for part in value_and_name_apart(paragraph)]
    core = rebuild_core_tables(run)
    if len(core) < len(run) or any(isinstance(b, TableBlock) for b in core):
        return core
    pages = strip_page_marks(run)
    pages, breaks = pages_joined(pages, run)
    cells = unflattened(pages)
    rebuilt = relined(rebuild_run(cells, as_printed=False, spaced_lines=lines_of_word_cells(pages, cells)), breaks) \
        if len(cells) > len(pages) else []
    as_printed = rebuild_run(run, as_printed=True)
    # Cut into cells only where more table rows came of it (a long scoring rule cut at its words breaks the
    # rows); otherwise the paragraphs stay as printed.
    cut = table_rows(rebuilt)
    return rejoined(rebuilt) if cut and cut >= table_rows(as_printed) else as_printed


PageBreaks = tuple[str, list[tuple[int, int]]]  # a joined text, normalised, and where each page starts: (offset, line)


def pages_joined(pages: list[Paragraph], run: list[Paragraph]) -> tuple[list[Paragraph], dict[int, PageBreaks]]:
    """A document viewer's pages (numbered, each but the last a long one) joined into one text where the break falls
    in run-together text: it falls anywhere, inside a cell or a number ("…(1)积极履职,强" "化管理,…", "…完成10"
    "0%100%…"). Returns the paragraphs and, by each joined text's line, its normalised text and where in it each
    page starts, with that page's line."""
    joined: list[Paragraph] = []
    starts: dict[int, list[tuple[int, int]]] = {}  # by a joined text's line
    length = 0  # of the last joined text, normalised: page by page, each page normalised once
    last: tuple[Paragraph, Paragraph] | None = None  # the page before, as read and as printed
    for page, printed in zip(pages, run):
        if joined and last is not None and viewer_page(page, printed) and viewer_page(*last) \
                and len(last[0].text) >= VIEWER_PAGE and run_together_break(last[0].text, page.text):
            previous = joined[-1]
            starts.setdefault(previous.line, [(0, previous.line)]).append((length, page.line))
            joined[-1] = Paragraph(previous.text + page.text, previous.line)
        else:
            joined.append(page)
            length = 0
        length += len(normalize_text(page.text))
        last = page, printed
    texts = {p.line: p.text for p in joined}
    return joined, {line: (normalize_text(texts[line]), pages_at) for line, pages_at in starts.items()}


# Characters, fewest, of a viewer's page before another (the document sites print 300 a page): a report's numbered
# list item run together is shorter (the samples' run to 140).
VIEWER_PAGE = 200
CELL_REACH = 300  # characters, most, from where one cell of a joined text is found to where the next one starts


def viewer_page(page: Paragraph, printed: Paragraph) -> bool:
    """A page whose viewer's number was taken off."""
    return page != printed


def run_together_break(before: str, after: str) -> bool:
    """Whether a page break falls in text run together, no space near it on either side: a break in a copy that
    keeps its spaces may have taken one (…55 ‖ 100%…)."""
    return not any(map(str.isspace, before[-BREAK_REACH:] + after[:BREAK_REACH]))


BREAK_REACH = 12  # characters either side of a page break with no space in them


def relined(blocks: list[Block], breaks: dict[int, PageBreaks]) -> list[Block]:
    """Blocks read from viewer pages joined into one text (`pages_joined`), each cell and paragraph at the line of
    the page it is printed on: found in the text in reading order, a little way on from the one before (a level
    name carried down to rows printed without it is found nowhere near, and stays on the page before)."""
    cursors: dict[int, int] = {}

    def page_line(text: str, line: int) -> int:
        if line not in breaks:
            return line
        joined, starts = breaks[line]
        cursor = cursors.get(line, 0)
        at = joined.find(normalize_text(text), cursor, cursor + CELL_REACH + len(text))
        cursors[line] = at if at >= 0 else cursor
        return starts[bisect_right(starts, (cursors[line], float("inf"))) - 1][1]

    if not breaks:
        return blocks
    relined_blocks: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            relined_blocks.append(Paragraph(block.text, page_line(block.text, block.line)))
            continue
        titles = [Paragraph(title.text, page_line(title.text, title.line)) for title in block.title_lines]
        rows = [Row([replace(cell, line=page_line(cell.text, cell.line)) for cell in row.cells]) for row in block.rows]
        relined_blocks.append(replace(block, rows=rows, title_lines=titles))
    return relined_blocks


def value_and_name_apart(paragraph: Paragraph) -> list[Paragraph]:
    """A row's last figure run into the next row's first cell, a level's name or the 总分 ("40总分", "10产出指标"),
    as two cells; any other paragraph as it is."""
    found = VALUE_THEN_NAME.match(normalize_text(paragraph.text))
    if found is None:
        return [paragraph]
    return [Paragraph(found["value"], paragraph.line), Paragraph(found["name"], paragraph.line)]


VALUE_THEN_NAME = re.compile(rf"^(?P<value>\d+(?:\.\d+)?[%％]?)(?P<name>{'|'.join(TOTAL)}|{run_rows.LEVEL1.pattern}"
                             rf"|{run_rows.LEVEL2.pattern})$")


def lines_of_word_cells(pages: list[Paragraph], cells: list[Paragraph]) -> frozenset[int]:
    """The lines whose cells are exactly their words apart by spaces (each word one cell)."""
    by_line: defaultdict[int, list[str]] = defaultdict(list)
    for cell in cells:
        by_line[cell.line].append(cell.text)
    return frozenset(page.line for page in pages
                     if len(page.text.split()) > 1 and by_line.get(page.line) == page.text.split())


LABEL_LENGTH = 10  # characters, most, of a funds word printed alone
SHORTEST_WRAP = 6  # characters: a column narrower than this breaks words, not cells
SPACED_ROW_PARTS = 3  # words apart by spaces, fewest, of a row printed on one line
WRAPPED_LINES = 4  # lines as wide as the column, fewest, that show a narrow column wrapped its cells


def wrap_width(run: list[Paragraph]) -> int | None:
    """The width, in characters, of the narrow column that wrapped the run's cells, or None: of the line lengths
    most lines have first, one four or more lines have, few lines one character shorter or longer, and almost none
    longer up to twice it (a column's cells never run past its width; prose outside the table runs far longer;
    short cells, 预算数(A), may outnumber its full lines). Rows printed a line each with spaces between their
    cells, figures (0.0900000762939453) and labels of the form (部门(单位)名称, 执行率(B/A)) are no column's lines,
    however alike their lengths."""
    lines = [p.text.strip() for p in run if len(p.text.strip()) >= SHORTEST_WRAP]
    lengths = Counter(map(len, lines))
    # (a level name ending in its points, 项目决策(20分), is a whole cell, however many rows print it as wide)
    wrapped = Counter(len(line) for line in lines if len(line.split()) < SPACED_ROW_PARTS
                      and not VALUE_START.match(normalize_text(line)) and not whole_label(normalize_text(line))
                      and not SCORED_LEVEL.search(normalize_text(line)))
    for width, count in sorted(wrapped.items(), key=lambda item: (item[1], item[0]), reverse=True):
        longer = sum(lengths[length] for length in range(width + 1, 2 * width + 1))
        if count >= WRAPPED_LINES and count >= 2 * (wrapped[width - 1] + wrapped[width + 1]) and 4 * longer <= count:
            return width
    return None


def unwrapped(run: list[Paragraph]) -> list[Paragraph]:
    """The cells a narrow column wrapped over lines joined again: a line as wide as the column runs on to the next,
    unless it is a label by itself (a head key waits for its value: …名称, …负责人) or the next line is a cell by
    itself (`own_cell`); a level name broken over two lines is one cell whatever the column's width."""
    width = wrap_width(run)
    texts = [normalize_text(paragraph.text) for paragraph in run]
    joined: list[Paragraph] = []
    runs_on = False
    for index, (paragraph, text) in enumerate(zip(run, texts)):
        # A number the edge broke, or a "label：" whose amount the edge put on the next line, is one cell.
        one_cell = bool(joined) and BROKEN_NUMBER.search(joined[-1].text.strip() + "|" + text)
        # A level name the edge broke on the next line ("产出" "指标", "经济效" "益指标"), however wide the column.
        next_line = index > 0 and run[index - 1].line + 1 == paragraph.line
        level_tail = next_line and broken_level_name(normalize_text(joined[-1].text), text)
        # So is a cell the edge broke inside its brackets ("预算执行情况(万元)(2" "0分)", "执行率(" "B/A)").
        bracket_tail = next_line and broken_in_brackets(normalize_text(joined[-1].text), text)
        if level_tail or bracket_tail or runs_on and text and (one_cell or not own_cell(texts, index, width)):
            joined[-1] = Paragraph(joined[-1].text + paragraph.text, joined[-1].line)
        else:
            joined.append(paragraph)
        runs_on = len(paragraph.text.strip()) == width and not whole_label(text) and not HEAD_LABEL.search(text)
    return joined


def broken_in_brackets(head: str, tail: str) -> bool:
    """A cell broken over two lines inside its brackets: the head leaves a bracket open after its words (not a
    score sheet's points cut at a line break, "5 5 (" then "10 ) 绩效目标"), the tail closes it before it opens any,
    both short as a cell is."""
    closing = min((tail.find(mark) for mark in ")）" if mark in tail), default=-1)
    opening = min((tail.find(mark) for mark in "(（" if mark in tail), default=len(tail))
    words = head[:max(head.rfind("("), head.rfind("（"))]
    return len(head) <= ROW_NAME and len(tail) <= ROW_NAME and 0 <= closing < opening \
        and sum(map(head.count, "(（")) > sum(map(head.count, ")）")) and NAME_WORDS.search(words) is not None


def broken_level_name(head: str, tail: str) -> bool:
    """A level name of the grammar's (run_rows.LEVEL_NAME) broken over two lines, neither line a level name by itself
    ("产出" "指标", "可持续" "影响指标"; not "效果明显" "达成预期指标", a target and its verdict)."""
    return not is_level_cell(head) and not run_rows.LEVEL_NAME.fullmatch(tail) \
        and run_rows.LEVEL_NAME.fullmatch(head + tail) is not None


def own_cell(texts: list[str], index: int, width: int) -> bool:
    """Whether a line after one as wide as the column is a cell of its own, not the rest of the cell above: a
    label, a figure or a verdict shorter than the column ("开展520计量日活动次数" is a whole name before its target
    "≥1次"), a number however wide ("-0.300000152" after a name: its rest, if any, joins it) or a comparison alone
    (≧, the target's nature column), a text printed twice (a target and its actual, "不断提升" "不断提升", or with the
    row's 分值 and 得分 between them, "有效" "10" "10" "有效" — not a tail again after a line as wide as the column) or
    the target before a verdict ("效果明显" "达成预期指标")."""
    text, following = texts[index], texts[index + 1] if index + 1 < len(texts) else ""
    return whole_label(text) or len(text) < width and bool(FIGURE_START.match(text) or VERDICT.match(text)) \
        or bool(VALUE_START.match(text) or NUMBER.fullmatch(text) or COMPARISON.match(text)) or following == text \
        or len(following) < width and bool(VERDICT.match(following)) \
        or any(texts[at] == text and len(texts[at - 1]) != width
               for at in range(index + 2, min(index + 1 + PRINTED_AGAIN, len(texts))))


PRINTED_AGAIN = 4  # lines, most, from a target to its actual printed again (分值 and 得分 between them)
# A cell that opens with a figure: a target or an actual ("≥1次", "不少于12种", "100%").
FIGURE_START = re.compile(rf"^(?:{SIGN_COMPARATOR}|{WORD_COMPARATOR})?\d")
# A verdict on a target, a cell of its own: 达成预期指标, 达到目标, 未完成.
VERDICT = re.compile(r"^(?:达成|达到|符合|超过|未完成|未达)")
# A number the column's edge broke ("1824." | "18", "6879" | ".35"), or the amount after a label's colon.
BROKEN_NUMBER = re.compile(r"(?:\d\.?\||[:：]\|)\d|\d\|[.%]")
# A numbered section heading (一、…, （一）…): prose of its own, never a cell running on.
SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def whole_label(text: str) -> bool:
    """A normalised line that is a label of the form by itself: a level name, a column or goals word, a funds
    word, a table's title, a numbered section heading."""
    return is_level_cell(text) or text in HEADER_WORDS or bool(slot(text)) or text in GOAL_WORDS \
        or len(text) <= LABEL_LENGTH and role_of(text, FUND_ROLES) is not None or is_title(text) or bool(SECTION.match(text))


def rejoined(blocks: list[Block]) -> list[Block]:
    """The cells a line was cut into that no table took, joined again into one line: the prose around a flattened
    table is read whole (its figures keep their units: "10萬元"); a table's title (附件, …自评表) stays a line of its
    own."""
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if isinstance(block, Paragraph) and isinstance(previous, Paragraph) and previous.line == block.line \
                and not any(is_title(normalize_text(paragraph.text)) for paragraph in (previous, block)):
            result[-1] = Paragraph(previous.text + block.text, block.line)
        else:
            result.append(block)
    return result


def table_rows(blocks: list[Block]) -> int:
    return sum(len(b.rows) for b in blocks if isinstance(b, TableBlock))


PAGE_MARK = re.compile(r"^(\d+)、")  # a document viewer's page number before each page's text
PAGE_LENGTH = 40


def strip_page_marks(run: list[Paragraph]) -> list[Paragraph]:
    """A document viewer's text pages, one line each and numbered "1、" "2、" "3、", without their numbers: a page
    break cuts rows and even numbers ("…完成10" "2、0%100%…"), and the run-together reader reads on over the lines."""
    pages: list[int] = []  # each line's page number, 0 where it opens no page
    for paragraph in run:
        number = PAGE_MARK.match(paragraph.text)
        # The first page is a long line (the last may be short); a short "1、" line is a cell's own numbering
        # (1、业务工作经费).
        page = pages[-1] if pages else 0
        opens = number and int(number.group(1)) == page + 1 and (page or len(paragraph.text) > PAGE_LENGTH)
        pages.append(page + 1 if opens else 0)
    # A viewer numbers two pages at least: a long "1、" line with no "2、" after it is a cell's first item (a goal's
    # 1、加强食品生产环节监管…).
    return [Paragraph(paragraph.text[PAGE_MARK.match(paragraph.text).end():], paragraph.line)
            if page > 1 or page == 1 and following == 2 else paragraph
            for paragraph, page, following in zip(run, pages, [*pages[1:], 0])]


# A filling instruction printed in a cell: numbered sentences ("1.预算执行率=…;2.年中发生…"), never a flattened table.
NUMBERED_NOTE = re.compile(r"^1[.．、].+[;；]2[.．、]")
NOTE_COLUMNS = 3  # indicator columns, fewest, whose words a line holds that is a table, not a note


def numbered_note(text: str) -> bool:
    """A filling instruction's numbered sentences, not a table flattened after a viewer's first page number ("1、…项目
    名称…年度目标1.完成…;2.3.…一级指标二级指标指标名称(三级指标)年初指标值…": the words of an indicator header)."""
    return bool(NUMBERED_NOTE.match(text)) \
        and len({slot(word) for word in WORD.findall(text)} - {None}) < NOTE_COLUMNS
TITLE = re.compile(r"[^\s:：,，。()（）《》、]{0,16}自评表")
SELF_SCORE = re.compile(r"自评总分(?:[(（]分[)）])?[:：]?(\d+(?:\.\d+)?)")
# Chongqing's goals row run together before its indicator header: 当年绩效目标 | 年初绩效目标 | 全年(调整)绩效目标 |
# 全年目标实际完成情况, the adjusted goal an empty mark ("无") or left out, then the two goals' texts.
CORE_GOALS = re.compile(r"(?P<label>当年绩效目标)(?P<expected>年初绩效目标)全年[(（]调整[)）]绩效目标(?P<achieved>全年目标实际完成情况)"
                        r"(?:无)?(?P<text>[^\n]{1,4000}?)指标名称")


def rebuild_core_tables(run: list[Paragraph]) -> list[Block]:
    """A run-together Chongqing indicator table (rows ending in 是/否 under 是否核心指标) as a table of cells;
    its title and 自评总分 are read from the text before it; a traditional-character copy (是否核心指標) in simplified
    characters. Paragraphs no table is built from are returned as printed."""
    if not any("核心指" in p.text for p in run):
        return run
    source, run = run, [Paragraph(simplified(p.text), p.line) for p in run]
    start = next((i for i, p in enumerate(run) if CHONGQING_HEADER in p.text), None)
    if start is None:
        return source
    before, after = run[start].text.split(CHONGQING_HEADER, 1)
    rows, rest = core_indicator_rows(after)
    end = start + 1
    while end < len(run):
        more, tail = core_indicator_rows(PAGE_MARK.sub("", run[end].text.strip()))
        if not more:
            break
        rows, rest, end = rows + more, tail, end + 1
    if not rows:
        return source
    line = run[start].line
    earlier = " ".join(p.text for p in run[max(0, start - 2):start]) + before
    head = [Row([Cell("自评总分", line), Cell(score.group(1), line)]) for score in [SELF_SCORE.search(earlier)] if score]
    funds = core_funds_row(earlier)
    if funds is not None:
        label, *columns = CORE_FUNDS_COLUMNS
        head += [Row([Cell("", line)] + [Cell(word, line) for word in columns]),
                 Row([Cell(label, line)] + [Cell(value, line) for value in funds])]
    head += core_goals("".join(PAGE_MARK.sub("", p.text.strip()) for p in run[max(0, start - 2):start])
                       + PAGE_MARK.sub("", before.strip()) + CHONGQING_COLUMNS[0], line)
    table = TableBlock(head + [Row([Cell(word, line) for word in CHONGQING_COLUMNS])]
                       + [Row([Cell(text, line) for text in row]) for row in rows])
    table.title_lines = [Paragraph(title, line) for title in TITLE.findall(earlier)[-1:]]
    leftover = [Paragraph(rest, run[end - 1].line)] if rest.strip() else []
    return source[:start] + [Paragraph(before, line), table] + leftover + rebuild_core_tables(source[end:])


def core_goals(text: str, line: int) -> list[Row]:
    """Chongqing's goals head and its goals (`CORE_GOALS`) as two rows, the run-together texts cut where they turn from
    the plan to what was done (`reported_goal`); none where the text is not so cut."""
    goals = CORE_GOALS.search(text)
    achieved = reported_goal(goals.group("text")) if goals else None
    if not achieved:
        return []
    words = goals.group("label", "expected", "achieved")
    texts = goals.group("text")[:-achieved], goals.group("text")[-achieved:]
    return [Row([Cell(word, line) for word in words]), Row([Cell("", line)] + [Cell(t, line) for t in texts])]


def unflattened(pages: list[Paragraph]) -> list[Paragraph]:
    """Each paragraph's cells (`unflatten`); after a header line cut at its spaces, the lines that follow are rows
    printed one a line with cells apart by single spaces, cut at their spaces too (`spaced_cells`), up to a line
    with none but a "……" row (or one whose spaces fall inside a bracket, "明确性(5 分)": those are spaces within
    a cell)."""
    cells: list[Paragraph] = []
    rows_follow = False
    tails_read = False
    # (a line of a header's formula alone, ③=①+② printed under 小计, is no cell of it)
    pages = header_rejoined([page for page in pages if not COLUMN_FORMULA.fullmatch(normalize_text(page.text))])
    for index, paragraph in enumerate(pages):
        if tails_read:
            tails_read = False
            continue
        parts = [item.strip() for item in labelled_amounts(paragraph.text)] or spaced_cells(paragraph.text)
        unflat = unflatten(paragraph)
        header = len(unflat) >= 2 and [p.text for p in unflat] == parts
        stacked = completed_header(parts, pages[index + 1].text.split()) if header and index + 1 < len(pages) \
            else None
        if stacked:
            cells += [Paragraph(word, paragraph.line) for word in stacked]
            rows_follow = tails_read = True
            continue
        # "……" is a row with no indicator; a lone name, a row that printed no values (指标4.不合格产品处置率).
        if rows_follow and (len(parts) >= 2 or is_placeholder(paragraph.text) or lone_name(paragraph.text)):
            below = pages[index + 1].text.split() if index + 1 < len(pages) else []
            if len(below) == 1 and parts and wraps_level(parts[0], below[0]):
                parts[0], tails_read = parts[0] + below[0], True
            cells += [Paragraph(part, paragraph.line) for part in parts]
            continue
        rows_follow = header
        cells += unflat
    return cells


def run_together_line(paragraph: Paragraph) -> bool:
    """A line with no space between its words: its cells, if any, ran together."""
    return len(paragraph.text.split()) == 1


def header_run_words(text: str) -> list[str]:
    """The column words a line is made of, run together ("二级指标三级指标指标值全年实际完成值…"), or [] when any of it
    is no column word: a word the cut split in two ("未完成原因和" "改进措施") is one when the two name a column."""
    cells = segment(normalize_text(text))
    words: list[str] = []
    index = 0
    while index < len(cells):
        if WORD.fullmatch(NOTE.sub("", cells[index])):  # a word with its note: 执行率(B/A)
            words.append(cells[index])
            index += 1
        elif index + 1 < len(cells) and slot(cells[index] + cells[index + 1]):
            words.append(cells[index] + cells[index + 1])
            index += 2
        else:
            return []
    return words


def header_rejoined(pages: list[Paragraph]) -> list[Paragraph]:
    """A header's column word that a merged cell wrapped at the line's end joined again: "绩效指标一级" over "指标" is
    绩效指标 | 一级指标 (the two lines make column words only, the first alone does not), with the header's other
    words run together on the lines below it: one header line. Only lines with no space in them (run-together
    text): a line whose cells are apart by spaces is read by its spaces."""
    joined: list[Paragraph] = []
    index = 0
    while index < len(pages):
        paragraph = pages[index]
        if index + 1 < len(pages) and run_together_line(paragraph) and run_together_line(pages[index + 1]) and \
                not header_run_words(paragraph.text) and \
                len(header_run_words(paragraph.text + pages[index + 1].text)) >= 2:
            text, index = paragraph.text + pages[index + 1].text, index + 2
            while index < len(pages) and run_together_line(pages[index]) and \
                    len(header_run_words(pages[index].text)) >= 2:
                text, index = text + pages[index].text, index + 1
            joined.append(Paragraph(text, paragraph.line))
            continue
        joined.append(paragraph)
        index += 1
    return joined


def lone_name(text: str) -> bool:
    """A line that can be a row's name printed alone (its number kept: 指标4.…, 指标5:…): short, no figure, no
    sentence, no section heading of the text after the table, no title or total; a funds part's label after its
    其中： (其中：中央、省补助, its values left empty) is one."""
    name = BREAKDOWN_START.sub("", normalize_text(text))
    return 0 < len(name) <= ROW_NAME and not DIGIT.search(name.split(".", 1)[-1]) and not SENTENCE_MARK.search(
        name.split(":", 1)[-1]) and not SECTION_NUMBER.match(name) and not is_title(name) and name not in TOTAL


def wraps_level(head: str, tail: str) -> bool:
    """A row's level name wrapped in its narrow first column, its tail printed alone on the line below the row
    ("社会效益" … "指标")."""
    return not is_level_cell(normalize_text(head)) and is_level_cell(normalize_text(head + tail))


def completed_header(words: list[str], below: list[str]) -> list[str] | None:
    """A header printed over two rows, its words wrapped where the column was narrow: the first row holds the heads
    that name no column ("年度" "实际", the funds block's "项目资金"; not the block's label, 年度绩效指标完成情况), the
    row below their tails in the same order ("指标值" "完成值", "(万元)"). Returns the header's words with each head
    completed ("年度指标值" "实际完成值", "项目资金(万元)"), or None when the row below is no such row."""
    heads = [i for i, word in enumerate(words) if slot(normalize_text(word)) is None
             and role_of(word, FUND_ROLES) is None and not INDICATOR_BLOCK_LABEL.fullmatch(normalize_text(word))]
    if not below or len(heads) != len(below):
        return None
    completed = list(words)
    for at, tail in zip(heads, below):
        completed[at] = words[at] + tail
        if slot(normalize_text(completed[at])) is None \
                and not (at == 0 and MONEY_UNIT_CELL.match(normalize_text(tail))):
            return None
    return completed


COMPARISON = re.compile(rf"^(?:{SIGN_COMPARATOR})$")
# A part of a spaced row: a word, or a word printed one character at a time, four to ten characters apart by single
# spaces, its last one with its bracket (产 出 指 标(50分)), where no more single characters stand before or after it.
SPACED_PART = re.compile(r"(?<! [\u4e00-\u9fff] )(?<!^[\u4e00-\u9fff] )"
                         r"(?:[\u4e00-\u9fff] ){3,9}[\u4e00-\u9fff](?:[(（]\S*)?(?!\S)(?! [\u4e00-\u9fff](?!\S))|\S+")
VERDICTS = set("是否有无 ")  # one-character cells a row may print side by side (是 是 否 否): no word spaced out
MAX_SIGN = max(map(len, SIGN_COMPARATORS))  # characters of the longest comparison sign (">=")


def spaced_cells(text: str) -> list[str]:
    """The cells of a row printed with single spaces between them: a space inside a bracket ("(50 分)") or after
    a lone comparison sign before a figure with its unit ("≥ 120件") is inside a cell; a sign before a bare number
    is a cell of its own (指标性质 "≤", 指标值 "30", 度量单位 "万元"). A bracket the line never closes holds no
    space: the parts after it are cells of their own. A word printed a character at a time ("产 出 指 标 (50分)", a
    merged level cell letter-spaced to fill its height) is one word. A text printed twice, a space between, is two
    cells alike, whatever spaces each holds (a goal that was met: "新建道路 524m;… 新建道路 524m;…")."""
    half, rest = divmod(len(text := text.strip()), 2)
    if rest and text[half] == " " and text[:half] == text[half + 1:]:
        return [text[:half], text[:half]]
    parts = [piece for part in SPACED_PART.findall(text)
             for piece in (part.split() if set(part) <= VERDICTS else [part.replace(" ", "")])]
    parts = spaced_labels_joined(parts)
    depths = list(accumulate(open_brackets(part) for part in parts))  # brackets left open after each part
    lowest_after = list(accumulate(reversed(depths), min))[::-1]  # the fewest left open from each part on
    cells: list[list[str]] = []
    opened_at = 0  # brackets left open before the cell
    for index, part in enumerate(parts):
        inside = index and depths[index - 1] > opened_at and lowest_after[index] <= opened_at
        sign = cells and len(cells[-1]) <= MAX_SIGN and COMPARISON.match("".join(cells[-1])) \
            and not NUMERIC.match(part)
        if inside or sign:
            cells[-1].append(part)
        else:
            cells.append([part])
            opened_at = depths[index - 1] if index else 0
    return ["".join(cell) for cell in cells]


# How a column is worked out from the columns numbered before it, printed under its word (③=①+②, ⑤=④/③).
COLUMN_FORMULA = re.compile(r"[\u2460-\u2473](?:=[\u2460-\u2473](?:[-+*/×÷][\u2460-\u2473])+)")
# A source's number printed before its label, a space between (① 项目支出), and a two-character label letter-spaced to
# fill its cell (合 计, 小 计): one cell each.
SOURCE_NUMBER = re.compile(r"[\u2460-\u2473]")
SPACED_LABELS = (*TOTAL_LABELS, "小计")


def spaced_labels_joined(parts: list[str]) -> list[str]:
    """The parts of a spaced row with a source's number joined to its label and a letter-spaced total's two
    characters joined."""
    joined: list[str] = []
    for part in parts:
        if joined and (SOURCE_NUMBER.fullmatch(joined[-1]) and not NUMERIC.match(part)
                       or joined[-1] + part in SPACED_LABELS and len(part) == 1):
            joined[-1] += part
        else:
            joined.append(part)
    return joined


def unflatten(paragraph: Paragraph) -> list[Paragraph]:
    """A table flattened into one line as one paragraph per cell: "label：amount" items apart by spaces, cells
    separated by spaces, or by nothing at all (cut at the header words and numbers, see `segment`)."""
    items = labelled_amounts(paragraph.text)
    if items:
        return [Paragraph(item.strip(), paragraph.line) for item in items]
    parts = paragraph.text.split()
    if {"预期目标", "实际完成情况"} <= {normalize_text(part) for part in parts}:
        return [Paragraph(part, paragraph.line) for part in parts]  # the goals' header row
    if len(parts) >= 4 and sum(bool(slot(normalize_text(part))) or role_of(part, FUND_ROLES) is not None
                               for part in parts) >= 3 and not breaks_words(parts):
        return [Paragraph(part, paragraph.line) for part in parts]
    text = normalize_text(paragraph.text)
    if (len(text) >= 30 and len(WORD.findall(text)) >= 4 or is_fund_header_run(text)
            or len(parts) == 1 and sum(bool(slot(word)) for word in header_run_words(text)) >= 3) \
            and not numbered_note(text):
        return [Paragraph(cell, paragraph.line) for cell in spaced_segments(parts)]
    return [paragraph]


# A figure printed whole between spaces (1172.55, 10, 86.19%): a cell of its own, never run into the next one.
SPACED_FIGURE = re.compile(r"^\d[\d,，]*(?:\.\d+)?[%％]?$")


def spaced_segments(parts: list[str]) -> list[str]:
    """The cells of a line's space-separated parts run together (`segment`), a figure standing alone between spaces
    kept whole: "年度资金总额: 1172.55 1268.72 10 10 执行率*该指标分值…" is no run "1172.551268.721010"."""
    cells: list[str] = []
    words: list[str] = []
    for part in [*parts, ""]:
        if part and not SPACED_FIGURE.match(normalize_text(part)):
            words.append(part)
            continue
        if words:
            cells += segment(normalize_text("".join(words)))
            words = []
        if part:
            cells.append(normalize_text(part))
    return cells


def breaks_words(parts: list[str]) -> bool:
    """Whether the spaces between `parts` fall inside more column words ("年度" "指标值实际" "完成值分值") than they
    leave whole ("全年预算数" "分值"): cells' line breaks kept as spaces in a run-together copy, not the spaces
    between cells (one word wrapped in a spaced line, "年初预算" "数", does not make it one)."""
    ends = set(accumulate(len(normalize_text(part)) for part in parts[:-1]))
    broken = sum(any(end in ends for end in range(word.start() + 1, word.end()))
                 for word in WORD.finditer(normalize_text("".join(parts))))
    return broken > sum(bool(WORD.fullmatch(normalize_text(part))) for part in parts)


def is_fund_header_run(text: str) -> bool:
    """A funds header printed as one line with no separators, however short ("项目资金(万元)全年预算数全年执行数执行率"):
    three funds columns or more, 执行数 among them."""
    roles = {role_of(word, FUND_ROLES) for word in WORD.findall(text)} - {None}
    return len(roles) >= 3 and "executed" in roles


# What a head row's group cell (年度指标值) spans in the row below: a target's parts.
TARGET_PART_SLOTS = ("nature", "direction", "target", "measure_unit")


def in_column_order(header: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A header printed over two rows, one cell a line: the upper row's words, then the row below's parts of a
    target (指标性质 | 指标值 | 度量单位) under its group cell (年度指标值). The parts are the columns, in the group's
    place (the column path 年度指标值/指标性质 …)."""
    slots = [slot(word) for word, _, _ in header]
    parts = len(list(takewhile(lambda name: name in TARGET_PART_SLOTS, reversed(slots))))
    if slots[len(slots) - parts:].count("target") > 1:
        parts -= 1  # the group cell printed last in the upper row, right before its parts
    lower = slots[len(slots) - parts:]
    group = next((i for i in range(len(slots) - parts) if slots[i] == "target"), None)
    if parts < 2 or group is None or not {"nature", "direction", "measure_unit"} & set(lower):
        return header
    return [*header[:group], *header[len(header) - parts:], *header[group + 1:len(header) - parts]]


def levels_first(header: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A header printed over two rows whose lower row holds the level columns (绩效指标 above, 一级指标 | 二级指标 |
    三级指标 below it, after the upper row's value words): the levels are the first columns, in their group cell's
    place — every row opens with its level names."""
    slots = [slot(word) for word, _, _ in header]
    levels = [i for i, name in enumerate(slots) if name in LEVEL_SLOTS]
    values = [i for i, name in enumerate(slots) if name and name not in LEVEL_SLOTS]
    if len(values) < 2 or not levels or levels != list(range(values[-1] + 1, len(slots))):
        return header  # the levels are the lower row: the header's last words, after its value words
    group = values[0] - 1 if values[0] and slots[values[0] - 1] is None else values[0]
    rest = [cell for i, cell in enumerate(header) if i not in levels]
    return [*rest[:group], *(header[i] for i in levels), *rest[values[0]:]]


LEVEL_SLOTS = ("level1", "level2", "level3")


def with_lost_levels(header: list[tuple[str, int, int]], below: list[str]) -> list[tuple[str, int, int]]:
    """The header with a level column word the copy lost put back: 二级指标 | 三级指标 with no 一级指标 before them
    over rows that open with a 一级 name (产出指标), 一级指标 | 三级指标 with no 二级指标 between them — or 三级指标 with
    neither before it — over rows whose 一级 name a 二级 name follows (产出指标 数量指标), or 一级指标 | 二级指标 with no
    三级指标 after them over rows that name an indicator after those two."""
    slots = [slot(word) for word, _, _ in header]
    opening = next((at for at, text in enumerate(below) if text), None)
    if opening is None or not LEVEL1_CELL.match(below[opening]):
        return header
    if "level3" not in slots:
        # 一级指标 | 二级指标 (or one of them) then the values: the rows print an indicator's name after their 一级 and
        # 二级 names.
        named = opening + 2 < len(below) and LEVEL2_CELL.match(below[opening + 1]) \
            and not is_level_cell(below[opening + 2]) and not figure(below[opening + 2])
        if not named or "level1" not in slots and "level2" not in slots:
            return header
        level = slots.index("level2" if "level2" in slots else "level1")
        lost = [word for word, kind in zip(LOST_LEVEL_WORDS, LEVEL_SLOTS) if kind not in slots]
        before = [word for word in lost if word == LOST_LEVEL_WORDS[0] and "level2" in slots]
        after = [word for word in lost if word not in before]
        return [*header[:level], *((word, *header[level][1:]) for word in before), header[level],
                *((word, *header[level][1:]) for word in after), *header[level + 1:]]
    if "level1" in slots and "level2" in slots:
        return header
    second = opening + 1 < len(below) and LEVEL2_CELL.match(below[opening + 1]) \
        and not LEVEL1_CELL.match(below[opening + 1])
    if not {"level1", "level2", "level_pair"} & set(slots) and second:
        at = slots.index("level3")
        return [*header[:at], *((word, *header[at][1:]) for word in LOST_LEVEL_WORDS[:2]), *header[at:]]
    if "level2" in slots and "level1" not in slots and slots.index("level2") + 1 == slots.index("level3"):
        at = slots.index("level2")
        return [*header[:at], (LOST_LEVEL_WORDS[0], *header[at][1:]), *header[at:]]
    if "level1" in slots and "level2" not in slots and slots.index("level1") + 1 == slots.index("level3") and second:
        at = slots.index("level3")
        return [*header[:at], (LOST_LEVEL_WORDS[1], *header[at][1:]), *header[at:]]
    return header


LOST_LEVEL_WORDS = ("一级指标", "二级指标", "三级指标")
LOST_LEVEL_REACH = 3  # lines below a header in which its first row opens


def with_lost_points(header: list[tuple[str, int, int]]) -> list[tuple[str, int, int]] | None:
    """The header with the points column it names no word for put back where a copy may have lost it: 分值 before a
    得分 with no 分值, 得分 after a 分值 with no 得分; None where it names both or neither."""
    slots = header_slots([word for word, _, _ in header])
    if ("weight" in slots) == ("score" in slots):
        return None
    if "score" in slots:
        at = slots.index("score")
        return [*header[:at], (LOST_POINTS_WORDS[0], *header[at][1:]), *header[at:]]
    at = slots.index("weight") + 1
    return [*header[:at], (LOST_POINTS_WORDS[1], *header[at - 1][1:]), *header[at:]]


LOST_POINTS_WORDS = ("分值", "得分")


def points_read(rows: list[Row], header: list[str]) -> tuple[int, int]:
    """How many rows read under `header` print a number under each of its points columns (`explains` them by their
    分值 and 得分), and how many rows name an indicator."""
    texts = [row for row in texts_by_column(rows, header) if row.get("level3")]
    return sum(explains(row, True) and all(row.get(name) for name in SCORED if name in row) for row in texts), \
        len(texts)


LABEL_CELLS = 2  # cells, most, a header prints before its column words (绩 效 指 标 down its left edge)


def page_repeats(texts: list[str], start: int, after: int) -> set[int]:
    """The lines of a header printed again where a page broke the table (a Word table's repeated heading row, a
    PDF's page): the header's lines, and the label cells before them, found again among the rows below, with no
    sign of another table between (a title, a head's key, goal words, a funds header, 总分). A header printed in two
    rows may repeat its upper row alone (… | 年度指标值 | 权重 | 完成值, not 指标性质 | 指标值 | 度量单位 under it): at least
    half its words, from its first on, and no column word after them."""
    header, before = texts[start:after], texts[max(0, start - LABEL_CELLS):start]
    repeated: set[int] = set()
    index = after
    while index + REPEATED_WORDS <= len(texts):
        text = texts[index]
        if ends_rows(text) or fund_header_at(texts, index):
            break
        size = next((size for size, (word, printed) in enumerate(zip(header, texts[index:])) if word != printed),
                    min(len(header), len(texts) - index))
        if size < len(header) and (size < max(REPEATED_WORDS, len(header) / 2)
                                   or index + size < len(texts) and texts[index + size] in HEADER_WORDS):
            index += 1
            continue
        labels = 0
        while labels < len(before) and index - labels - 1 >= after \
                and texts[index - labels - 1] == before[len(before) - labels - 1]:
            labels += 1
        repeated.update(range(index - labels, index + size))
        index += size
    return repeated


REPEATED_WORDS = 3  # column words, fewest, of a header's upper row printed again on a page


def whole_line_rows(cells: list[Paragraph], header: list[str]) -> tuple[list[Row], int]:
    """Rows of a table printed whole on one line, its cells apart by single spaces (a page's text flattened), read cell
    by cell (`cell_rows`), the line cut at its spaces outside a cell (`spaced_cells`: "(50 分)", "≥ 120件"). Returns the
    rows and how many of `cells` (the line cut at every space) they used."""
    texts = spaced_cells(" ".join(cell.text for cell in cells))
    rows, used = cell_rows([Paragraph(text, cells[0].line) for text in texts], header)
    read = sum(len(text) for text in texts[:used])
    return rows, bisect_right(list(accumulate(len(cell.text) for cell in cells)), read)


def cell_rows(cells: list[Paragraph], header: list[str], by_line: bool = False) -> tuple[list[Row], int]:
    """The rows under `header` of cells read as if printed one a line (`dump_rows`), whatever lines they share (rows
    printed one a line, or a whole table on one, their cells apart by spaces), each cell back on its own line; rows
    printed one a line (`by_line`) open where a line does."""
    starts = frozenset(index for index, cell in enumerate(cells) if not index or cell.line != cells[index - 1].line) \
        if by_line else frozenset()
    rows, used = dump_rows([Paragraph(cell.text, index) for index, cell in enumerate(cells)], header, True,
                           row_starts=starts)
    return [Row([replace(cell, line=cells[min(cell.line, len(cells) - 1)].line) for cell in row.cells])
            for row in rows], used


def keeps_lines(rows: list[Row], cells: list[Paragraph]) -> bool:
    """Whether rows read cell by cell (`cell_rows`) out of rows printed one a line (`cells`) keep to the lines: every
    row's printed cells on one line, no two rows on one line, every cell its own (none joined to another)."""
    lines = [{cell.line for cell in row.cells if cell.text.strip()} for row in rows]
    printed = {cell.text for row in rows for cell in row.cells if cell.text.strip()}
    return all(len(line) <= 1 for line in lines) and len(set().union(*lines)) == len([line for line in lines if line]) \
        and printed <= {cell.text for cell in cells}


def joins_cells(rows: list[Row], cells: list[Paragraph]) -> bool:
    """Whether rows read out of `cells` ran two or more of them into one cell (a text no cell printed)."""
    printed = {cell.text for cell in cells}
    return any(cell.text.strip() and cell.text not in printed for row in rows for cell in row.cells)


def explained_rows(rows: list[Row], header: list[str]) -> tuple[int, int]:
    """How many rows read under `header` explain themselves (`explains`; a score sheet's rows by their 分值 and 得分,
    `score_sheet`), and how many do not."""
    texts = texts_by_column(rows, header)
    sheet = score_sheet(texts)
    return sum(explains(row, sheet) for row in texts), unexplained(texts, sheet)


def texts_by_column(rows: list[Row], header: list[str]) -> list[dict[str, str]]:
    """The texts of the rows read under `header` by their columns' roles (the 总分 row, of other width, left out)."""
    slots = header_slots(header)
    return [{name: normalize_text(row.cells[i].text) for i, name in enumerate(slots) if name}
            for row in rows if len(row.cells) == len(slots)]


def names_alone(rows: list[Row], header: list[str]) -> int | None:
    """How many rows a reading of a sheet published blank reads, where every row prints its names and nothing
    after them (`sub_item`: 分值 and 得分 left empty); None where a row holds more."""
    texts = texts_by_column(rows, header)
    return len(texts) if all(sub_item(row) for row in texts) else None


def unexplained(rows: list[dict[str, str]], sheet: bool) -> int:
    """How many rows by column a reading leaves unexplained (`explains`); a score sheet's sub-items (`sub_item`) are
    read right where they are fewer than the rows its 分值 and 得分 explain."""
    explained = sum(explains(row, sheet) for row in rows)
    items = sum(not explains(row, sheet) and sub_item(row) for row in rows) if sheet else 0
    left = len(rows) - explained
    return left - items if items < explained else left


def sub_item(row: dict[str, str]) -> bool:
    """Whether a row prints its 三级指标 and nothing after it: a score sheet's sub-item (其中…, 生态效益(可选项)) that
    leaves its 分值 and 得分 empty, unexplained by them though read right."""
    return bool(row.get("level3")) and not NUMERIC.match(row["level3"]) \
        and not any(text for name, text in row.items() if name in VALUE_SLOTS)


def levels_read(rows: list[Row], header: list[str]) -> int:
    """How many 一级 and 二级 cells the rows read under `header` fill."""
    return sum(bool(row.get(level)) for row in texts_by_column(rows, header) for level in WEIGHTED_LEVELS)


def explains_more(rows: list[Row], header: list[str], other: list[Row], other_header: list[str]) -> bool:
    """Whether `rows` read better than `other` (`reads_better`), or explain as many rows, some, and leave fewer
    unexplained."""
    (explained, left), (other_explained, other_left) = explained_rows(rows, header), \
        explained_rows(other, other_header)
    return reads_better(rows, header, other, other_header) \
        or explained >= max(other_explained, 1) and left < other_left


def reads_better(rows: list[Row], header: list[str], other: list[Row], other_header: list[str]) -> bool:
    """Whether `rows` explain more rows than `other` and leave no more unexplained, or explain more rows than they
    leave unexplained beyond `other`'s (15 explained and 2 unexplained, a result in words such as 录入有延迟, read more
    of a table than 2 and none) — or, of a sheet published blank (no row printing more than its names), read more
    rows."""
    alone, other_alone = names_alone(rows, header), names_alone(other, other_header)
    if alone is not None and other_alone is not None:
        return alone > other_alone
    (explained, left), (other_explained, other_left) = explained_rows(rows, header), \
        explained_rows(other, other_header)
    return explained > other_explained and (left <= other_left or explained - other_explained > left - other_left)




def rebuild_run(run: list[Paragraph], as_printed: bool, spaced_lines: frozenset[int] = frozenset()) -> list[Block]:
    texts = [normalize_text(p.text) for p in run]
    lines = [p.line for p in run]
    for start in range(len(run)):
        header = header_at(texts, start, lines)
        values_first = None if header else values_first_block(run, start)
        if values_first is not None:
            rows, end = values_first
            head_start, head_rows, _ = read_head(run[:start])
            return basic_data_tables(run[:head_start]) + [TableBlock(head_rows + rows)] + \
                rebuild_run(run[end:], as_printed, spaced_lines)
        if not header:
            continue
        after = max(last for _, _, last in header) + 1  # (a stacked word's lower half may come last)
        repeated = page_repeats(texts, start, after)
        if repeated:
            return rebuild_run([p for index, p in enumerate(run) if index not in repeated], as_printed, spaced_lines)
        header = with_lost_levels(levels_first(in_column_order(header)), texts[after:after + LOST_LEVEL_REACH])
        if not indicator_header(header):
            continue  # (一级指标 | 二级指标 over rows that name no indicator after them: no 三级 lost)
        if not as_printed:  # (a run-together copy's header is read without them too, its printed header row as well)
            header = header[:len(unread_columns_off([word for word, _, _ in header]))]
        # A header printed a word a line, no blank line between them, keeps the blank lines below it as empty cells.
        spaced = any(later.line - earlier.line > 1 for earlier, later in zip(run[start:after], run[start + 1:after]))
        first_line = None if spaced else run[min(after, len(run)) - 1].line + 1
        rows, used = dump_rows(run[after:], [word for word, _, _ in header], as_printed, first_line=first_line)
        lost = with_lost_points(header)
        if lost is not None:
            # A header that lost its 分值 (or 得分) word: its rows read with the column put back, where every row fills it
            # and the 分值 so read add up to a table's points at most (a 20/80 form's 年初目标值(A) | 实际完成值(B) | 得分
            # has no 分值: its 完成值 of 100 are none).
            words = [word for word, _, _ in lost]
            other, other_used = dump_rows(run[after:], words, as_printed, first_line=first_line)
            scored, named = points_read(other, words)
            if scored == named and scored >= max(1, points_read(rows, [word for word, _, _ in header])[0]) \
                    and plausible_scores(other, header_slots(words).index("weight"), len(words)):
                header, rows, used = lost, other, other_used
        warnings: list[str] = []
        # The table starts where its header's first word is printed, whichever column that word heads.
        top = min(first for _, first, _ in header)
        header_row = Row([Cell(word, run[top if not index else first].line,
                               colspan=len(column_slots(word, header[index - 1][0] if index else "")))
                          for index, (word, first, _) in enumerate(header)])
        slots = [slot(word) for word, _, _ in header]
        printed_header = header_row
        if after < len(run) and run[after].line != run[after - 1].line and run[after].line in spaced_lines:
            # Rows printed one a line, cells apart by single spaces, also read cell by cell by their types: kept where
            # no row so read takes a cell of another line and it explains more rows than the rows read by their lines,
            # or as many of as many rows, as far, where those ran two printed cells into one (维护药品安全环境 | 逐步提高,
            # a note printed before the values).
            words = [word for word, _, _ in header]
            apart, apart_used = cell_rows(run[after:], words, by_line=True)
            if keeps_lines(apart, run[after:]) and (
                    reads_better(apart, words, rows, words)
                    or apart_used >= used and len(apart) >= len(rows) and joins_cells(rows, run[after:])
                    and explained_rows(apart, words) == explained_rows(rows, words)):
                rows, used = apart, apart_used
        joined = after < len(run) and not any(map(str.isspace, run[after].text.strip()))  # no space parts its cells
        if after < len(run) and (run[after].line == run[after - 1].line
                                 or runs_on_from_level(texts[after]) and (not rows or joined)):
            # The header and its rows were one run-together line, or its rows lines of their own, each run together
            # ("数量指标建设…32.1公里2020", "质量指标营养改善计划覆盖率≧100%100%1010"): read them by the row grammar of
            # run_rows, whose arithmetic reads a row's 分值 and 得分 apart or leaves them empty with a warning; kept
            # where they are more than the rows read cell by cell, or explain more where no space parts the cells
            # ("…升级" and "100%100%" are no two cells, nor "指标" "1" ":居民健康档案"). Scored
            # rows so printed are kept only where their 分值 add up to every stage's printed points; else they are
            # left to the LLM ("任务完成时间2022年末前100%12.512.5" reads as well as 100%, 1, 2.51, 2.5).
            # The block ends before the next table's title (附件2-1 专项资金绩效自评表) on a line of its own; rows on
            # lines of their own end with their 总分 line (the text after it is no cell of the table).
            title = next((i for i in range(after, len(run)) if run[i].line != run[after].line and is_title(texts[i])),
                         len(run))
            own_lines = run[after].line != run[after - 1].line
            if own_lines:
                title = next((i + 1 for i in range(after, title) if run_rows.TOTAL.match(texts[i])), title)
            together_header, together, together_used, unsplit = run_together_rows(
                run[after:title], header_row, slots, confirmed=own_lines and bool(set(SCORED) & set(slots)),
                own_levels=run[after].line not in spaced_lines)
            if len(together) > len(rows) or (together and swallows_levels(rows, slots)) \
                    or run[after].line not in spaced_lines and joined \
                    and explains_more(together, [cell.text for cell in together_header.cells], rows,
                                      [word for word, _, _ in header]):
                header_row, rows, used, warnings = together_header, together, together_used, unsplit
            if run[after].line in spaced_lines:
                words = [word for word, _, _ in header]
                whole, whole_used = whole_line_rows(run[after:title], words)
                read_words = [cell.text for cell in header_row.cells]
                # The line cut at its spaces read cell by cell, where that explains more rows than the grammars, or
                # as many and finds more of their level names (项目决策 科学决策 必要性(政策依据) 5 5: a score sheet's
                # names in its own words, which the grammars run into one 三级指标).
                if reads_better(whole, words, rows, read_words) \
                        or explained_rows(whole, words) == explained_rows(rows, read_words) \
                        and levels_read(whole, words) > levels_read(rows, read_words):
                    header_row, rows, used, warnings = printed_header, whole, whole_used, []
        if not rows:
            continue
        head_start, head_rows, _ = read_head(run[:start])
        table = TableBlock(head_rows + [header_row] + rows, warnings=warnings,
                           title_lines=title_before(run, head_start))
        rest = rebuild_run(run[after + used:], as_printed, spaced_lines)
        if header[0][0] == HUBEI_LEVEL1_HEAD and rest and isinstance(rest[0], TableBlock):
            # Hubei's score sheet: its indicator rows under their own header go on the table its 项目权重 rows open
            table, rest = replace(table, rows=table.rows + rest[0].rows, warnings=table.warnings + rest[0].warnings), \
                rest[1:]
        return basic_data_tables(run[:head_start]) + [table] + rest
    late = late_scored_rows(run) if as_printed else None  # its rows are told by where the lines break
    if late is not None:
        start, table, rest, end = late
        return basic_data_tables(run[:start]) + [table] + rest + rebuild_run(run[end:], as_printed, spaced_lines)
    scored = scored_item_rows(run)
    if scored is not None:
        start, title, table, end = scored
        return basic_data_tables(run[:start]) + title + [table] + rebuild_run(run[end:], as_printed, spaced_lines)
    numbered = numbered_rows(run)
    if numbered is not None:
        start, rows, end = numbered
        head_start, head_rows, _ = read_head(run[:start])
        return basic_data_tables(run[:head_start]) + [TableBlock(head_rows + rows)] + \
            rebuild_run(run[end:], as_printed, spaced_lines)
    spaced = spaced_funds(run)
    if spaced is not None:
        start, rows, end = spaced
        head_start, head_rows, _ = read_head(run[:start])
        goals, end = numbered_goals(run, end)
        return basic_data_tables(run[:head_start]) + [TableBlock(head_rows + rows + goals)] + \
            rebuild_run(run[end:], as_printed, spaced_lines)
    headerless = headerless_rows(run)
    if headerless is not None:
        start, table, end = headerless
        return basic_data_tables(run[:start]) + [table] + rebuild_run(run[end:], as_printed, spaced_lines)
    if any(fund_header_at(texts, i) for i in range(len(texts))) or twice_printed_sources(run, len(run))[0]:
        # A funds block with no indicator table after it (a department's funds sheet, a head's funds and their
        # sources): the block alone.
        head_start, head_rows, end = read_head(run)
        return basic_data_tables(run[:head_start]) + [TableBlock(head_rows)] + list(run[end:])
    head_start, head_rows, end = read_head(run)
    if any(label(row.cells[0].text) in PROJECT_NAME_LABELS for row in head_rows) \
            and any(label(cell.text) in (*ACHIEVED_GOAL_WORDS, *ACHIEVED_LABELS)
                    for row in head_rows for cell in row.cells):
        # A table's head, its name and its goals, and the copy cut off before its funds (a page's excerpt): the head
        # alone, read as the table it opens.
        return basic_data_tables(run[:head_start]) + [TableBlock(head_rows)] + list(run[end:])
    return basic_data_tables(run)


# What a funds column word carries under it on lines or words of its own: its formula ("④ = ①+② +③", "⑥=⑤/④")
# or its unit ("(%)").
COLUMN_NOTE = re.compile(r"^(?:[\u2460-\u2473=+\-/]|[（(](?:%|万?元)[)）])")
SPACED_WORDS = 12  # lines above the first row of values that may hold the column words


def spaced_rows(paragraph: Paragraph) -> list[str] | None:
    """A funds row printed on one line, label and values apart by spaces ("合 计 2537695 213722.82 0 … 93% …"): its
    label, then three or more values; else None."""
    words = paragraph.text.split()
    first = next((i for i, word in enumerate(words) if is_value(word)), len(words))
    values = words[first:]
    if first == 0 or len(values) < 3 or not all(is_value(word) for word in values):
        return None
    return ["".join(words[:first]), *values]


def column_words(lines: list[Paragraph]) -> list[tuple[str, int]]:
    """The column words printed one or two a line above a funds block, each with its formula and unit joined."""
    words: list[tuple[str, int]] = []
    for paragraph in lines:
        for word in paragraph.text.split():
            if words and COLUMN_NOTE.match(word):
                words[-1] = (words[-1][0] + word, words[-1][1])
            else:
                words.append((word, paragraph.line))
    return words


def spaced_funds(run: list[Paragraph]) -> tuple[int, list[Row], int] | None:
    """A funds block whose column words are printed one or two a line (some no funds word: 历年结余结转, 资金结余率)
    and whose rows are printed one a line, label and values apart by spaces: the header is the last words above
    the first row, as many as it has values, when a budget and an execution are among them. Returns where the
    column words start, the header and the rows (rows of a label alone are left out), and where the block ends."""
    first = next((i for i, p in enumerate(run) if spaced_rows(p)), None)
    if first is None:
        return None
    width = len(spaced_rows(run[first])) - 1
    words = column_words(run[max(0, first - SPACED_WORDS):first])[-width:]
    if len(words) < width or not is_fund_header([word for word, _ in words]):
        return None
    start = next(i for i in range(max(0, first - SPACED_WORDS), first) if run[i].line == words[0][1])
    header = Row([Cell("", words[0][1])] + [Cell(word, line) for word, line in words])
    rows, end = [header], first
    for index in range(first, len(run)):
        cells = spaced_rows(run[index])
        if cells is not None and len(cells) == width + 1:
            rows.append(Row([Cell(text, run[index].line) for text in cells]))
            end = index + 1
        elif " " in run[index].text.strip() or len(normalize_text(run[index].text)) > LABEL_LIMIT:
            break
    return start, rows, end


LABEL_LIMIT = 20  # characters of a funds row's label printed alone (①中央及省级财政资金)


# Indicator rows copied without the header above them (the copy starts below it): a line opens with a 一级 and a
# 二级指标 name. The template's value columns are not printed, so each order templates print them in is tried.
HEADERLESS_START = re.compile(f"(?:{run_rows.LEVEL1.pattern})(?:{run_rows.LEVEL2.pattern})")
HEADERLESS_ROWS = 2  # rows read whole that make a headerless table


def headerless_rows(run: list[Paragraph]) -> tuple[int, TableBlock, int] | None:
    """A headerless run of indicator rows as a table under the template's header words: the value columns are
    those of the template order whose reading leaves the most rows whole (a name and every value; the earlier
    order on a tie), of the orders whose target is one cell (the run-together grammar joins a target's parts).
    Returns where it starts, the table and where it ends; None without such a run, or when a header stands above
    it — a line cut into words, run together, or one word a cell (its rows are read with it, or by the LLM, not
    without it)."""
    start = next((i for i, p in enumerate(run) if HEADERLESS_START.match(normalize_text(p.text))), None)
    before = [normalize_text(p.text) for p in run[:start]]
    if start is None or is_indicator_header(before) or any(is_indicator_header(p.split()) or
                                                           is_indicator_header(segment(p)) for p in before):
        return None
    best: tuple[int, TableBlock, int] | None = None
    whole_rows = HEADERLESS_ROWS - 1
    for values in (order for order in TEMPLATE_VALUES if not set(order) & set(TARGET_PART_SLOTS) - {"target"}):
        slots = ["level1", "level2", "level3", *values]
        header = Row([Cell(TEMPLATE_WORDS[name], run[start].line) for name in slots])
        _, rows, used, warnings = run_together_rows(run[start:], header, slots)
        whole = sum(len(row.cells) == len(slots) and all(cell.text for cell in row.cells[2:]) for row in rows)
        if whole > whole_rows:
            best, whole_rows = (start, TableBlock([header, *rows], warnings=warnings), start + used), whole
    return best


# A row the template numbers, opening with its number and its name (指标6:举办健康教育宣传咨询活动).
NUMBERED_ROW = re.compile(r"^指标(\d+)[:：]")
ROW_VALUES = ("target", "actual", "weight", "score")
LEVEL_WORDS = ("一级指标", "二级指标", "三级指标")


def numbered_rows(run: list[Paragraph]) -> tuple[int, list[Row], int] | None:
    """Rows of a sheet flattened so far that its header words lie scattered among its cells (a spreadsheet copied
    as one line): each row opens with its numbered 三级指标 (a name broken over cells joined) and, where the copy kept
    the row whole, exactly its values follow, in the order the header's value words last appear (指标值, 完成值,
    分值, 得分; a funds header above prints 分值 and 得分 too); a row followed by more or fewer values, or by header
    words, keeps its name alone (its values are elsewhere). Level names after a row open the next row's group.
    Returns where the rows start, the header row and the rows, and where they end; None without three numbered
    rows or a 分值 and a 得分 word."""
    texts = [normalize_text(p.text) for p in run]
    starts = [i for i, text in enumerate(texts) if NUMBERED_ROW.match(text)]
    words = scattered_column_words(texts)
    last = {name: index for index, name in ((index, slot(word)) for index, word in words.items()) if name in ROW_VALUES}
    values = sorted(last, key=last.get)
    if len(starts) < 3 or not {"weight", "score"} <= set(values):
        return None
    numeric = [name in ("weight", "score") for name in values]
    header = Row([Cell(word, run[starts[0]].line) for word in [*LEVEL_WORDS, *(words[last[name]] for name in values)]])
    columns = {name: index for index, name in enumerate(["level1", "level2", "level3", *values])}

    def fills_row(texts: list[str]) -> bool:
        """Whether `texts` are one row's values: no header word, each of the type its column takes."""
        return not any(slot(text) for text in texts) and not misfit(texts, values) \
            and all(bool(NUMERIC.match(text)) == number for text, number in zip(texts, numeric))

    rows, levels, end = [header], [], len(texts)
    waiting: list[tuple[int, dict[str, Paragraph]]] = []  # names printed one after another, each with no values
    chunked = column_chunked_rows(run, starts, values, fills_row)
    if chunked is not None:
        leading, whole = chunked
        rows += [to_row(cells, columns, len(columns)) for cells in leading]
        starts = starts[whole:]
    for start, stop in zip(starts, [*starts[1:], None]):
        name_end = start + 1
        while name_end < len(texts) and name_end != stop and not (
                DIGIT.search(texts[name_end]) or slot(texts[name_end]) or is_level_cell(texts[name_end])):
            name_end += 1
        rest = texts[name_end:stop if stop is not None else name_end + len(values) + 1]
        trailing = list(takewhile(lambda text: is_level_cell(text) and not slot(text), reversed(rest))) \
            if stop is not None else []
        rest = rest[:len(rest) - len(trailing)]
        cells = {**level_cells(levels), "level3": Paragraph("".join(texts[start:name_end]), run[start].line)}
        # The rows' values may follow the last of names printed one after another, in the names' order.
        chunks = [rest[at:at + len(values)] for at in range(0, len(rest), len(values))]
        if len(rest) == len(values) * (len(waiting) + 1) and all(map(fills_row, chunks)):
            for (index, above), at in zip(waiting, range(name_end, name_end + len(rest), len(values))):
                above.update(zip(values, run[at:at + len(values)]))
                rows[index] = to_row(above, columns, len(columns))
            at = name_end + len(rest) - len(values)
            cells.update(zip(values, run[at:at + len(values)]))
        waiting = [*waiting, (len(rows), cells)] if not rest and stop is not None else []
        rows.append(to_row(cells, columns, len(columns)))
        levels = [Paragraph(text, run[name_end].line) for text in reversed(trailing)]
        end = stop if stop is not None else name_end + (len(values) if len(cells) > 1 + len(values) else 0)
    return starts[0], rows, end


def scattered_column_words(texts: list[str]) -> dict[int, str]:
    """The column words among a run's lines by where they open: a line naming a column, or a column word a narrow
    column broke over two lines ("年度指标" "值(A)", "全年实际" "值(B)") joined at its first line."""
    words: dict[int, str] = {}
    index = 0
    while index < len(texts):
        if index + 1 < len(texts) and not slot(texts[index + 1]) and broken_header_word(texts[index:index + 2], True):
            words[index] = texts[index] + texts[index + 1]
            index += 2
            continue
        if slot(texts[index]):
            words[index] = texts[index]
        index += 1
    return words


UNIT_CELL = re.compile(r"^[\u4e00-\u9fa5]{1,2}$")  # a unit broken off its figure ("不少于12" "种")


def column_chunked_rows(run: list[Paragraph], starts: list[int], values: list[str],
                        fills_row: Callable[[list[str]], bool]) -> tuple[list[dict[str, Paragraph]], int] | None:
    """The first rows of a numbered sheet whose cells the copy printed by column, before the first row it kept
    whole: the first value column's cells of every such row, then each row's other values in turn ("指标1:居民健康档案
    38508人 指标2:… 不少于12 种 不少于6 种 116次 6次 … 37442人 3 3 14种 1 1 …" before "指标6:… 12次 96次 1 1"). A row
    is placed by its number (指标5 is the fifth), a number with no name printed is a row without one. Returns the
    rows and which of `starts` is the first whole row; None when the cells do not make exactly those rows."""
    texts = [normalize_text(p.text) for p in run]
    whole = next((at for at, (start, stop) in enumerate(zip(starts, starts[1:]))
                  if stop - start == len(values) + 1 and fills_row(texts[start + 1:stop])), None)
    if not whole:
        return None
    number = [int(NUMBERED_ROW.match(texts[start]).group(1)) for start in starts[:whole + 1]]
    count = number[-1] - number[0]
    cells: list[Paragraph] = []
    for at in range(starts[0], starts[whole]):
        if at in starts or slot(texts[at]) or is_level_cell(texts[at]):
            continue
        if cells and UNIT_CELL.match(texts[at]) and DIGIT.search(cells[-1].text[-1:]):
            cells[-1] = Paragraph(cells[-1].text + texts[at], cells[-1].line)
        else:
            cells.append(run[at])
    if count < 2 or len(cells) != count * len(values):
        return None
    first, rest = cells[:count], cells[count:]
    others = len(values) - 1
    chunks = [[first[row], *rest[row * others:(row + 1) * others]] for row in range(count)]
    if not all(fills_row([normalize_text(p.text) for p in chunk]) for chunk in chunks):
        return None
    names = {n: run[start] for n, start in zip(number, starts)}
    return [{**({"level3": names[number[0] + row]} if number[0] + row in names else {}), **dict(zip(values, chunk))}
            for row, chunk in enumerate(chunks)], whole


# A score sheet's header: its levels and 得分, no 分值 column (each item prints its points: 相关性(5 分)).
SCORE_SHEET_HEADER = "一级指标二级指标三级指标得分"
# An item of a score sheet with its points, spaces inside it dropped: 部门决策(25分), 相关性(5分). Its words are
# bounded (an item's name is a short phrase), so a long run with no points costs linear time, not quadratic.
SCORED_ITEM = re.compile(r"[^()（）\d]{1,40}?(?:[（(][^()（）\d]{0,40}[)）])?[（(]\d+(?:\.\d+)?分[)）]")
LEADING_SCORE = re.compile(r"^(\d+(?:\.\d+)?)\s+")
ITEM_POINTS = re.compile(r"[（(](\d+(?:\.\d+)?)分[)）]$")
UNSCORED_TAIL = 24  # characters of an item cut off before its points at the end of the copy
SENTENCE_MARK = re.compile(r"[。,，;；:：]")  # prose, never a score sheet's item


def scored_item_rows(run: list[Paragraph]) -> tuple[int, list[Paragraph], TableBlock, int] | None:
    """A score sheet printed as lines whose breaks fall one cell late: each line holds a row's items (一级, 二级,
    三级, right-aligned, each with its points, the 三级's its 分值) and starts with the 得分 of the row above
    ("5 明确性(5 分)"). Returns where the sheet starts, its title, the table and where it ends; None without two rows so read."""
    for start, paragraph in enumerate(run):
        flat = normalize_text(paragraph.text)
        at = flat.find(SCORE_SHEET_HEADER)
        if at < 0:
            continue
        title = [Paragraph(flat[:at], paragraph.line)] if flat[:at] else []
        # [items, line, the 得分 cell printed at the start of the next line]
        lines = [[flat[at + len(SCORE_SHEET_HEADER):], paragraph.line, Cell("", paragraph.line)]]
        end = start + 1
        while end < len(run) and (score := LEADING_SCORE.match(run[end].text)):
            lines[-1][2] = Cell(score.group(1), run[end].line)
            lines.append([normalize_text(run[end].text[score.end():]), run[end].line, Cell("", run[end].line)])
            end += 1
        rows = [Row([Cell(word, paragraph.line) for word in (*LEVEL_WORDS, "分值", "得分")])]
        for items, line, score in lines:
            names = SCORED_ITEM.findall(items)
            rest = items[sum(map(len, names)):]
            if rest and (score.text or len(rest) > UNSCORED_TAIL or SENTENCE_MARK.search(rest)):
                break  # text that is no item: the sheet has ended
            names += [rest] if rest else []  # the last item, cut off before its points
            if not names:
                break
            # The item's points are its 分值: 相关性(5分) → 相关性 | 5.
            points = ITEM_POINTS.search(names[-1])
            item = names[-1][:points.start()] if points else names[-1]
            levels = [Cell("", line)] * (3 - len(names[-3:])) + [Cell(name, line) for name in [*names[-3:-1], item]]
            rows.append(Row(levels + [Cell(points.group(1) if points else "", line), score]))
        if len(rows) < 3:
            return None
        return start, title, TableBlock(rows), end
    return None


# The 一级 and 二级 names of 四川省 2017 项目支出绩效评价得分表 (evals/field/TEMPLATES.md): a PDF's text runs each into
# the 三级指标 after it ("项目完成完成数量"), so the form's own words tell where the 三级 name starts.
SHEET_LEVELS = {"level1": ("项目决策", "项目管理", "项目绩效"),
                "level2": ("科学决策", "绩效目标", "资金管理", "项目执行", "项目完成", "项目效益")}
# The 分值 and 得分 of the row above at the start of a line ("3 2 执行规范"), not a level's points cut at a line
# break ("10 ) 绩效目标", "3 分)项目执行").
LEADING_VALUES = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)(?:\s{1,4}(\d{1,3}(?:\.\d{1,2})?))?(?=\s|$)(?!\s{0,4}分?\s{0,4}[)）])")
# A level's points, whole or cut at a line break: "(20 分)", "20 分)", "(20 )", "( 特性指标70 分)", a last "(".
POINTS_PIECE = re.compile(r"[（(]?\s{0,4}[^\d()（）\s]{0,8}\s{0,4}\d{1,3}(?:\.\d{1,2})?\s{0,4}分?\s{0,4}[)）]|[（(]\s{0,4}$")
SHEET_NAME = 16  # characters a 三级指标 of the sheet runs to; a longer piece is the prose after it


def sheet_names(text: str) -> list[str] | None:
    """A line's names with the levels' points taken out, a bracketed gloss kept with its name ("可行性 (政策完善)");
    None when a piece is no name (a number, a sentence)."""
    pieces: list[str] = []
    for piece in POINTS_PIECE.sub(" ", text).split():
        if pieces and piece[0] in "(（":
            pieces[-1] += piece
        else:
            pieces.append(piece)
    if any(DIGIT.search(piece) or len(piece) > SHEET_NAME or SENTENCE_MARK.search(piece) for piece in pieces):
        return None
    return pieces


def late_scored_rows(run: list[Paragraph]) -> tuple[int, TableBlock, list[Paragraph], int] | None:
    """A 2017 project score sheet (一级 | 二级 | 三级指标 | 分值 | 得分) printed as lines whose breaks fall one cell
    late, its header cut off or run together on a line above: each line starts with the 分值 and 得分 of the row
    above ("5 4 完成时效"), then the row's level names, each after its points, run into its 三级指标 ("(20 )
    项目完成完成数量"); a number with no row waiting for it is a page number; 总分 ends the sheet. Returns where it
    starts, the table, the text after 总分 and where it ends; None without three rows so read."""
    texts = [simplified(p.text).strip() for p in run]  # a traditional copy reads as the simplified one
    start = next((i for i, text in enumerate(texts) if (names := sheet_names(text)) and names[0].startswith(
        SHEET_LEVELS["level1"])), None)
    if start is None:
        return None
    levels = {"level1": "", "level2": ""}
    rows: list[list[Cell]] = []
    waiting: list[Cell] | None = None
    end, rest = start, []
    for paragraph, text in zip(run[start:], texts[start:]):
        values = LEADING_VALUES.match(text) if end > start else None
        if waiting is not None:
            # The row above takes the numbers this line starts with; without them, or with a 得分 above its 分值,
            # the lines are no such sheet (any more).
            if not values or float(values.group(2) or 0) > float(values.group(1)):
                break
            waiting[3:] = [Cell(values.group(1), paragraph.line), Cell(values.group(2) or "", paragraph.line)]
            waiting = None
        if values:
            text = text[values.end():].strip()
        if text.startswith(TOTAL):
            rest = [Paragraph(text[2:], paragraph.line)] if text[2:].strip() else []
            end += 1
            break
        names = sheet_names(text)
        if names is None or (not names and not values and not POINTS_PIECE.search(text)):
            break
        for name in names:
            for level, words in SHEET_LEVELS.items():
                word = next((word for word in words if name.startswith(word)), None)
                if word:
                    levels[level], name = word, name[len(word):]
                    if level == "level1":
                        levels["level2"] = ""
            if name:
                waiting = [Cell(levels["level1"], paragraph.line), Cell(levels["level2"], paragraph.line),
                           Cell(name, paragraph.line), Cell("", paragraph.line), Cell("", paragraph.line)]
                rows.append(waiting)
        end += 1
    if sum(bool(row[3].text) for row in rows) < 3:
        return None
    header = Row([Cell(word, run[start].line) for word in (*LEVEL_WORDS, "分值", "得分")])
    return start, TableBlock([header, *map(Row, rows)]), rest, end


# A column word of a labelled sheet (编制数, 2024年决算数, 控制率, 批复规模(m²), 预算投资(万元)).
COLUMN_WORD = re.compile(r"(?:数|率|[（(](?:万?元|m²|㎡|人)[)）])$")
BASIC_DATA_TITLE = "基础数据表"


def basic_data_tables(run: list[Paragraph]) -> list[Block]:
    """A basic-data sheet dumped one cell per line under its title: its rows rebuilt (`labelled_rows`)."""
    for index, paragraph in enumerate(run):
        if BASIC_DATA_TITLE in paragraph.text:
            rows, used = labelled_rows(run[index + 1:])
            if sum(len(row.cells) > 1 for row in rows) >= 3:
                after = index + 1 + used
                return run[:after - used] + [TableBlock(rows)] + basic_data_tables(run[after:])
    return list(run)


def labelled_rows(run: list[Paragraph]) -> tuple[list[Row], int]:
    """Rows of a sheet whose every row is a label and its values: a text line opens a row, the column words
    printed right after a label stay in its row (and the value after a key, 预算单位名称), the values after them
    open a row of their own; a blank line
    between a row's lines is an empty cell (a dump that keeps its empty cells); a label wrapped over lines is
    joined. Ends at a title or a sentence."""
    rows: list[Row] = []
    previous: Paragraph | None = None
    used = 0
    for paragraph in run:
        text = normalize_text(paragraph.text)
        if is_title(text) or text.startswith("说明") or len(text) > 40:
            break
        if NUMBER_RUN.match(text):
            if not rows or len(rows[-1].cells) > 1 and not NUMBER_RUN.match(normalize_text(rows[-1].cells[-1].text)):
                rows.append(Row([Cell("", paragraph.line)]))
            elif previous is not None:
                rows[-1].cells += [Cell("", line) for line in range(previous.line + 1, paragraph.line)]
            rows[-1].cells.append(Cell(cell_text(paragraph), paragraph.line))
        elif rows and len(rows[-1].cells) == 1 and not keyed(rows[-1]) and paragraph.line == previous.line + 1 \
                and (open_brackets(rows[-1].cells[0].text) or len(text) <= 3 and not COLUMN_WORD.search(text)):
            # A label wrapped in a narrow column: its bracket still open, or a short tail ("…维护经" "费").
            rows[-1].cells[0].text += paragraph.text.strip()
        elif rows and (len(rows[-1].cells) == 1 if keyed(rows[-1]) else COLUMN_WORD.search(text) and
                       all(not NUMBER_RUN.match(normalize_text(c.text)) for c in rows[-1].cells)):
            rows[-1].cells.append(Cell(paragraph.text, paragraph.line))  # a key's value, or a column word
        else:
            rows.append(Row([Cell(paragraph.text, paragraph.line)]))
        previous = paragraph
        used += 1
    return rows, used


# One "label：amount" item ("其中：" before it kept): a short label, its colon, an amount or nothing.
LABELLED_ITEM = re.compile(r"(?:其中[:：])?[^\s:：\d]{1,30}[:：](?:[-+]?\d[\d,，]{0,20}(?:\.\d+)?)?")


def labelled_amounts(text: str) -> list[str]:
    """The "label：amount" items of a line that holds two or more of them apart by spaces and nothing else, one
    with an amount ("其中：  一般公共预算：1774.18 其中：基本支出：1747.78")."""
    items: list[str] = []
    for part in text.split():
        if items and re.fullmatch(r"其中[:：]", items[-1]):
            items[-1] += part
        else:
            items.append(part)
    if len(items) < 2 or not all(LABELLED_ITEM.fullmatch(item) for item in items):
        return []
    return items if any(DIGIT.search(item) for item in items) else []


def keyed(row: Row) -> bool:
    return label(normalize_text(row.cells[0].text)) in LINE_KEYS


# The head's keys: the names, header.HEADER_KEYS' units (but 部门, see LINE_KEYS, and the publisher a 政务公开 page
# prints above the form, no part of its head), and the labels of a form's contact lines.
HEAD_KEYS = tuple(dict.fromkeys([
    *NAME_LABELS, *(key for key, role in HEADER_KEYS.items() if role in UNIT_ROLES and role != "publisher"
                    and key != "部门"),
    "主管部门及代码", "填报日期", "项目负责人", "负责人及电话", "联系电话", "联系人及电话"]))
# A key printed on a line of its own or apart by spaces: a bare 部门 too (Anhui: 部门 | 金寨县…服务中心), a word too
# common to be a key in text run together; the funds a form prints as keys (Hainan: 计划投资额 | (万元) | 570), but
# not a funds column's own money word (实际支出 heads the 执行数 column; see USED_AFTER_SOURCES).
LINE_KEYS = (*HEAD_KEYS, "部门",
             *(key for key, role in HEADER_KEYS.items() if role in ("planned_funds", "used_funds", "total_score")
               and role_of(key, FUND_ROLES) not in MONEY_ROLES))
# A head key printed with the text after it and no separator, as OCR of a form prints it; a 主管部门 may name the
# level of government it belongs to ("自治区主管部门宁夏回族自治区民政厅资金使用单位宁夏福利彩票发行中心").
JOINED_KEY = re.compile(r"(?:中央|自治区|省级|市级|县级|区级)?(?:"
                        + "|".join(re.escape(key) for key in sorted(HEAD_KEYS, key=len, reverse=True)) + ")")
LABELLED_AMOUNT = re.compile(r"^(?:其中[:：])?[^:：\d]+[:：][-+]?\d[\d,，]*(?:\.\d+)?$")
FIRST_ITEM = re.compile(r"^(?:1[.．、]|[（(]1[)）]|目标1(?:完成情况)?[.．、:：∶])")
# A goal item numbered by its 目标 (目标1:确保…; 目标1完成情况:基本完成…), one a line under the goals' head.
NUMBERED_GOAL = re.compile(r"^目标\d{1,2}")
GOAL_HEAD_WINDOW = 8  # lines after a funds block within which its goals' head (预期目标 | 目标实际完成情况) stands
# The goals' head: 年度总体目标 | 预期目标 | 实际完成情况, a county's 年初设定目标 | 全年实际完成情况.
EXPECTED_GOAL_WORDS = ("预期目标", "年初设定目标")
ACHIEVED_GOAL_WORDS = ("实际完成情况", "全年实际完成情况", "年度总体目标完成情况", "年度总体目标完成情况综述",
                       "目标实际完成情况", "全年目标实际完成情况", "年度目标完成情况", "总体目标完成情况")
GOAL_WORDS = ("年度总体目标", *EXPECTED_GOAL_WORDS, *ACHIEVED_GOAL_WORDS)
# The expected goal's word in a goals head: Chongqing's 年初绩效目标 (当年绩效目标 | 年初绩效目标 | 全年(调整)绩效目标 |
# 全年目标实际完成情况) and Ningxia's 总体目标 (总体目标完成情况 | 总体目标 | 全年实际完成情况), Hainan's 年度目标
# (年度目标 | 年度目标完成情况) too.
HEAD_EXPECTED_WORDS = (*EXPECTED_GOAL_WORDS, "年初绩效目标", "总体目标", "年度目标")
# The goals' head run together on one line, its labels before the achieved column's word: "总体目标完成情况总体目标
# 全年实际完成情况" (Ningxia's 中央转移支付 form: 总体目标完成情况 | 总体目标 | 全年实际完成情况).
GOAL_LABEL = re.compile("|".join(sorted({*GOAL_WORDS, "总体目标", "总体目标完成情况"}, key=len, reverse=True)))
RUN_GOALS_HEAD = re.compile(f"(?:{GOAL_LABEL.pattern}){{2,4}}")
# A piece of a funds column word a narrow column broke off: "年初", "全年预算" (数(A)), "执行率(" (B/A)).
FRAGMENT = re.compile(r"^[\u4e00-\u9fa5]{1,4}[（(]?$")
# The end of a funds column word a narrow column broke: one character and the form's letter ("数(A)", "B/A)", "数").
WORD_TAIL = re.compile(r"^(?=.)[\u4e00-\u9fa5]?[（(]?[A-Z/]*[)）]?$")
# A funds cell: a number (its amount may carry the block's unit, "150万", "125.25万元"), a rate, or a dash.
NUMBER_RUN = re.compile(r"^(?:\d[\d.,，%％]*(?:万元?)?|/|—{1,2}|-|\|)$")
LABEL_AND_RUN = re.compile(r"^(?P<label>(?:其中[:：])?[^\d:：]{2,20}?)[:：]?(?P<run>\d[\d.%％万亿元]*)$")


def broken_word(pieces: list[str]) -> bool:
    """Whether lines join into one funds column word: a role word, or a short fragment and the rest of one
    ("年初" "预算数" → 年初预算数, "全年" "执行数"), never a label glued to a word ("(万元)" "年初预算数")."""
    role = role_of("".join(pieces), FUND_ROLES)
    return role is not None and (len(pieces) == 1 or all(FRAGMENT.match(p) for p in pieces[:-1]))


ROW_LABEL_WORDS = ("资金", "拨款", "合计", "总额")  # what a funds row's label names, never a column's
# What the label of a funds block's part names: a source (中央财政, 自治区补助, 其他), a kind of spending (基本支出)
# or an item numbered ①.
SOURCE_WORDS = (*ROW_LABEL_WORDS, "财政", "补助", "其他", "其它", "支出", "小计", "预算", "收入", "基金")
ITEM_NUMBER = re.compile(r"^[\u2460-\u2473]")


UNSCORED = ("weight", "score")  # the columns a part of the funds leaves empty: the points are the total's


def unscored_part(value: Cell, roles: list[str | None]) -> list[Cell] | None:
    """A part's amounts and rate run together with no points after them ("其中：当年财政拨款329.77329.77338.31102.59%"):
    split by the rate's arithmetic over the columns other than 分值 and 得分, those left empty."""
    text = normalize_text(value.text)
    if not text.endswith("%"):
        return None  # amounts alone are split against the total's (`part_amounts`)
    columns = [index for index, role in enumerate(roles) if role not in UNSCORED]
    split = split_fund_run(text, [roles[index] for index in columns])
    return placed_values(split, columns, len(roles), value.line) if split else None


def part_amounts(value: Cell, total: Row, words: list[tuple[str, int]]) -> list[Cell] | None:
    """A part's amounts printed as one joined run, or as one number above the block's total ("2020" under a total of
    20 | 20): the cells under the money columns the total fills, split so that no part exceeds its total."""
    columns = [index for index, (word, _) in enumerate(words) if role_of(word, FUND_ROLES) in MONEY_ROLES
               and index + 1 < len(total.cells) and parse_number(total.cells[index + 1].text) is not None]
    totals = [parse_number(total.cells[index + 1].text) for index in columns]
    # (a run opening with a 0 before a digit is no one number: "000" is 0 | 0 | 0)
    number = parse_number(value.text) \
        if is_value(value.text) and not run_rows.LEADING_ZERO.match(value.text.strip()) else None
    if len(columns) < 2 or number is not None and number <= totals[0]:
        return None
    split = split_part_run(normalize_text(value.text), totals)
    return placed_values(split, columns, len(words), value.line) if split else None


def part_run_apart(values: list[Cell], total: Row, words: list[tuple[str, int]],
                   roles: list[str | None]) -> list[Cell] | None:
    """A part's amounts run together, its rate and the dashes of its empty cells printed apart ("110011001100" "—"
    "100%" "—" under a total of 1100 | 1100 | 1100): the amounts split against the total's (`part_amounts`), the
    rate under 执行率 (`roles`, the columns' of `words`); None where the values are no such row."""
    figures = [value for value in values if DIGIT.search(value.text)]
    amounts = [value for value in figures if not value.text.strip().endswith(("%", "％"))]
    rates = [value for value in figures if value not in amounts]
    if len(amounts) != 1 or len(rates) > 1 or rates and "execution_rate" not in roles:
        return None
    cells = part_amounts(amounts[0], total, words)
    if cells is not None and rates:
        cells[roles.index("execution_rate")] = rates[0]
    return cells


def placed_values(values: list[str], columns: list[int], width: int, line: int) -> list[Cell]:
    """A funds row's `width` cells with the values split from one run under their `columns`, the others empty."""
    cells = [Cell("", line) for _ in range(width)]
    for index, amount in zip(columns, values):
        cells[index] = Cell(amount, line)
    return cells


def names_funds(label: str) -> bool:
    """Whether a row's label names a part of the funds block."""
    return any(word in label for word in SOURCE_WORDS) or bool(ITEM_NUMBER.match(label))

COLUMN_WORD_LIMIT = 16  # characters of a funds column word with its formula (本年度结余金额⑦=④-⑤)
FIRST_ROW_WINDOW = 12  # lines after a funds column word within which the first row's values start


def wrapped_label(texts: list[str], index: int) -> bool:
    """Whether a line opens a funds row's label wrapped over two lines: a row's word, then a short tail ("年度资金"
    "总额")."""
    return any(word in texts[index] for word in ROW_LABEL_WORDS) and index + 1 < len(texts) \
        and bool(FRAGMENT.match(texts[index + 1]))


def other_column_word(texts: list[str], index: int) -> bool:
    """Whether a line among the funds column words is a column of its own, though no funds word names it: a short
    word, and the first row's label and values (a number under it) still to come before the next number."""
    text = texts[index]
    if NUMBER_RUN.match(text) or len(text) > COLUMN_WORD_LIMIT or DIGIT.search(text):
        return False
    if wrapped_label(texts, index):
        return False
    following = next((i for i in range(index + 1, min(len(texts), index + FIRST_ROW_WINDOW))
                      if NUMBER_RUN.match(texts[i])), None)
    return following is not None and following - index >= 2


METHOD_WORD = "计算"  # the funds column of a score's method in words (得分计算方法)
METHOD_NOTE_CELLS = 10  # cells a method's words may be cut into at the header words and numbers in it


def method_note_end(texts: list[str], cursor: int, words: list[tuple[str, int]]) -> int | None:
    """Where the next funds row starts after a score's method printed in words at `cursor` ("执行率" "*该指标" "分值"
    ",最高不得超过" "分值" "上限。"): the first cell naming funds with amounts under it, no number or goal before it;
    None when the block has no method column or no such row follows."""
    if not any(METHOD_WORD in word for word, _ in words):
        return None
    for index in range(cursor, min(len(texts), cursor + METHOD_NOTE_CELLS)):
        if NUMBER_RUN.match(texts[index]) or texts[index] in GOAL_WORDS:
            return None
        if index > cursor and names_funds(texts[index]) and index + 1 < len(texts) \
                and NUMBER_RUN.match(texts[index + 1]):
            return index
    return None


def fund_header_at(texts: list[str], start: int) -> list[tuple[str, int]]:
    """Funds column words from `start`, each joined from up to three lines ("年初" "预算数"): [(word, last)]."""
    words: list[tuple[str, int]] = []
    index = start
    while index < len(texts):
        # The shortest word whose next line does not finish it ("全年预算" is a word, but "数(A)" below is its end).
        if together := run_together_fund_words(texts[index]):
            words += [(word, index) for word in together]
            index += 1
            continue
        size = next((n for n in (1, 2, 3) if index + n <= len(texts) and broken_word(texts[index:index + n])
                     and not (index + n < len(texts) and WORD_TAIL.match(texts[index + n])
                              and broken_word(texts[index:index + n + 1]))), None)
        if size is None and words and other_column_word(texts, index):
            size = 1  # a column no funds word names (历年结余结转, 资金结余率(%)): its values are still in the rows
        if size is None or words and index + size < len(texts) and NUMBER_RUN.match(texts[index + size]) \
                and any(word in texts[index] for word in ROW_LABEL_WORDS):
            break  # (a source's name with a number under it is the first row's label: 财政资金小计 2537695 …)
        words.append(("".join(texts[index:index + size]), index + size - 1))
        index += size
    if words and HEADER_KEYS.get(key_of(words[0][0])) == "total_score":
        return []  # the head's self-score left blank above the block (自评得分 |  | 资金情况…): the columns open with no 得分
    if len(words) > 1 and role_of(words[0][0], FUND_ROLES) in {role_of(word, FUND_ROLES) for word, _ in words[1:]}:
        # A stacked heading over the columns below it (年度预算数(万元) over 年初预算, 调整后预算数): not a column.
        words = words[1:]
    roles = {role_of(word, FUND_ROLES) for word, _ in words}
    return words if len(roles) >= 3 and "executed" in roles else []


def run_together_fund_words(text: str) -> list[str]:
    """Two or three funds column words a copy ran together on one line ("年初预算数(A)全年执行数(B)"), each naming a
    column of its own; else []. Of the ways to cut it, the one with most pieces that end where a column word does
    (`whole_fund_word`), then the evenest. A word that ends with a points word is one column, the points of what
    it opens with (执行率得分)."""
    if len(text) > RUN_TOGETHER_LENGTH or DIGIT.search(text) or BRACKETED.sub("", text).endswith(POINTS_WORDS):
        return []
    cuts = [[text[:at], text[at:]] for at in range(2, len(text) - 1)]
    cuts += [[text[:at], text[at:then], text[then:]] for at in range(2, len(text) - 3)
             for then in range(at + 2, len(text) - 1)]
    spelled = [pieces for pieces in cuts
               if len({role_of(piece, FUND_ROLES) for piece in pieces} - {None}) == len(pieces)
               and all(broken_word([piece]) and not piece.startswith(FUND_WORD_ENDS) for piece in pieces)
               and ended(pieces[0])]
    return max(spelled, key=lambda pieces: (sum(whole_fund_word(piece) for piece in pieces), min(map(len, pieces))),
               default=[])


def whole_fund_word(piece: str) -> bool:
    """A piece that ends where a funds column word does (`ended`), or with a funds role's word."""
    return ended(piece) or any(BRACKETED.sub("", piece).endswith(words) for _, words in FUND_ROLES)


def ended(piece: str) -> bool:
    """A piece that ends as a whole funds column word does: its 数 or 率 before any bracketed letter or unit
    (年初预算数(A), 执行率), or a points word (分值) — not 全年预算 of 全年预算执行数."""
    return piece.endswith(")") or BRACKETED.sub("", piece).endswith(FUND_WORD_ENDS) \
        or piece in POINTS_WORDS


FUND_WORD_ENDS = ("数", "率")
POINTS_WORDS = ("分值", "得分", "权重")


def fund_cells(values: list[Cell], roles: list[str | None], line: int) -> list[Cell]:
    """A funds row's values under its columns. A dump that left the empty cells out (分值, 得分 not yet filled in)
    prints fewer: they go where the row's arithmetic places them (`arithmetic_cells`); else a percentage is the
    执行率, the amounts fill the other columns in order, and what follows the rate is under the columns after it."""
    if len(values) >= len(roles) or "execution_rate" not in roles:
        return values + [Cell("", line) for _ in roles[len(values):]]
    return arithmetic_cells(values, roles, line) \
        or rate_ordered(values, roles, line, [index for index, role in enumerate(roles) if role != "execution_rate"])


ALL_SPENT = 100.0  # percent: a rate at which the budget and the 执行数 are one amount
FEWEST_PLACED = 4  # values of a funds row, fewest, its arithmetic can place: a budget, its 执行数, 分值 and 得分


def arithmetic_cells(values: list[Cell], roles: list[str | None], line: int) -> list[Cell] | None:
    """A funds row's values, fewer than its columns or as many, under the columns its own arithmetic places them in:
    with no rate printed, where the 得分 says which they are (`scored_placed`); those before the rate where the rate
    says which they are (50 | 10 | 20% under 年初预算数 | 调整后预算数 | 执行数: 10 ÷ 50 is 20%, so the empty cell is
    the 年初预算数, `rate_placed`); or where 得分 = 分值 × rate says the number before the rate is the 分值
    (`weight_before_rate`). None where the arithmetic places them nowhere."""
    if "execution_rate" not in roles or len(values) > len(roles):
        return None
    scored = scored_placed(values, roles)
    if scored is not None:
        cells = [Cell("", line) for _ in roles]
        for value, index in zip(values, scored):
            if index is not None:
                cells[index] = value
        return cells
    placed = rate_placed(values, roles)
    if placed is not None:
        return rate_ordered(values, roles, line, placed)
    return weight_before_rate(values, roles, line)


def rate_ordered(values: list[Cell], roles: list[str | None], line: int, columns: list[int]) -> list[Cell]:
    """A funds row's values under its columns in order: a percentage under the 执行率, the others under `columns`
    in turn, and what follows the rate under the columns after it (76% | 10 | 7.6: every amount lost). Where more
    values are printed than columns are left, each under its own column in order."""
    cells = [Cell("", line) for _ in roles]
    rate_at = roles.index("execution_rate")
    others = iter(columns)
    for value in values:
        rate = normalize_text(value.text).endswith(PERCENT_SIGNS)
        index = rate_at if rate else next(others, None)
        if index is None:
            return values + cells[len(values):]
        cells[index] = value
        if rate:
            others = iter(range(rate_at + 1, len(roles)))
    return cells


def weight_before_rate(values: list[Cell], roles: list[str | None], line: int) -> list[Cell] | None:
    """A funds row that left some amounts empty, its 分值 printed right before its rate and its 得分 after it (10 |
    76% | 7.6, or 207.4538 | 10 | 100% | 10 under 年初预算数 | 全年执行数 | 分值 | 执行率 | 得分), where the 得分 is 分值 ×
    the rate: its cells. The amounts before the 分值 fill the money columns in order where as many are printed, or
    where one is printed at a rate of 100% (the budget and the 执行数 alike); else they are left out, nothing telling
    which column an amount is (154.74 | 10 | 50% | 5: the 全年预算数 or the 全年执行数). None where it reads otherwise."""
    texts = [normalize_text(value.text) for value in values]
    rate_at = next((index for index, text in enumerate(texts) if text.endswith(PERCENT_SIGNS)), None)
    if rate_at is None or rate_at == 0 or len(texts) != rate_at + 2 or "weight" not in roles or "score" not in roles \
            or not roles.index("weight") < roles.index("execution_rate") < roles.index("score"):
        return None
    weight, rate, score = parse_number(texts[rate_at - 1]), parse_percent(texts[rate_at]), parse_number(texts[-1])
    if weight is None or rate is None or score is None or not 0 < weight <= FULL_MARKS \
            or not scores_by_rate(weight, rate / 100, score, half_last_place(decimals_printed(texts[-1]))):
        return None
    cells = [Cell("", line) for _ in roles]
    money = [index for index, role in enumerate(roles[:roles.index("weight")]) if role in MONEY_ROLES]
    amounts = values[:rate_at - 1]
    if len(amounts) == len(money) or len(amounts) == 1 and rate == ALL_SPENT:
        for index, amount in zip(money, amounts):
            cells[index] = amount
    elif len(amounts) > len(money):
        return None
    for role, value in zip(("weight", "execution_rate", "score"), values[rate_at - 1:]):
        cells[roles.index(role)] = value
    return cells


def scored_placed(values: list[Cell], roles: list[str | None]) -> list[int | None] | None:
    """The columns of a funds row's values where no rate is printed and fewer values than columns (总额 | 1172.55 |
    1268.72 | 10 | 10 under 年初预算数 | 调整后预算数 | 执行数 | 执行率 | 权重 | 执行率得分): of the choices of columns in
    order that give the row a budget, its 执行数, 分值 and 得分, those where 得分 = 分值 × min(执行数 ÷ 预算数, 100%); a
    value goes where every such choice puts it, else under none (1172.55 under 年初 or 调整后预算数, nothing tells
    which). None where the values print a rate or no choice fits."""
    texts = [normalize_text(value.text) for value in values]
    numbers = [parse_number(text) for text in texts]
    if not {"executed", "weight", "score"} <= set(roles) or any(number is None for number in numbers) \
            or any(text.endswith(PERCENT_SIGNS) for text in texts):
        return None
    # A role's first column only: 得分 | 得分计算方法 print one 得分, the method's words after it.
    columns = [index for index, role in enumerate(roles)
               if role is not None and role != "execution_rate" and roles.index(role) == index]

    def holds(chosen: tuple[int, ...]) -> bool:
        found = {roles[index]: number for index, number in zip(chosen, numbers)}
        budget = found.get("full_year_budget", found.get("initial_budget"))
        return {"executed", "weight", "score"} <= set(found) and bool(budget) and 0 < found["weight"] <= FULL_MARKS \
            and scores_by_rate(found["weight"], found["executed"] / budget, found["score"])
    fitting = [chosen for chosen in combinations(columns, len(values)) if holds(chosen)]
    if not fitting:
        return None
    return [index if all(chosen[at] == index for chosen in fitting) else None for at, index in enumerate(fitting[0])]


def rate_placed(values: list[Cell], roles: list[str | None]) -> list[int] | None:
    """The columns of a funds row's values other than its rate, where fewer amounts than columns print before the
    rate: the one choice of columns under which 执行数 ÷ 全年预算数 is the rate printed (the columns after the rate in
    order); None where no choice, or more than one, fits."""
    texts = [normalize_text(value.text) for value in values]
    rate_at = roles.index("execution_rate")
    percent = next((index for index, text in enumerate(texts) if text.endswith(PERCENT_SIGNS)), None)
    before = list(range(rate_at))
    if percent is None or percent >= len(before) or parse_percent(texts[percent]) is None:
        return None
    rate = parse_percent(texts[percent])
    tolerance = (RATE_TOLERANCE + half_last_place(decimals_printed(texts[percent].rstrip("%％")))) / 100
    fitting = [chosen for chosen in combinations(before, percent)
               if {"full_year_budget", "executed"} <= {roles[index] for index in chosen}
               and funds_row_holds({**{roles[index]: parse_number(text) for index, text in zip(chosen, texts)},
                                    "execution_rate": rate / 100}, tolerance)]
    return [*fitting[0], *range(rate_at + 1, len(roles))] if len(fitting) == 1 else None


def key_value_cells(paragraph: Paragraph) -> list[Cell]:
    """A head row printed on one line with single spaces between its cells, opening with a key label (one word, one
    broken in two: "项目支 出名称", or one printed with its colon: "项目名称:") and its value: key and value cells, a
    value running up to the next key (a key right after a key has an empty value). None otherwise."""
    words = paragraph.text.split()
    cells: list[Cell] = []
    index = 0
    while index < len(words):
        keys = ["".join(words[index:index + n]).rstrip(":：") for n in (1, 2)]
        size = next((n for n, key in zip((1, 2), keys) if label(key) in LINE_KEYS), 0) \
            or int(bool(cells) and bool(HEAD_LABEL.search(normalize_text(words[index]))))  # 部门预算编码: unlisted
        if size:
            cells += [Cell(keys[size - 1], paragraph.line), Cell("", paragraph.line)]
            index += size
        elif cells and not cells[-1].text and ANNOTATION.match(words[index]) and index + 1 < len(words):
            cells[-2].text += words[index]  # the key's remark, its value after it: "实施单位 (盖章) 大英县…局"
            index += 1
        elif cells:
            value = cells[-1]
            value.text = f"{value.text} {words[index]}".strip()
            index += 1
        else:
            return []
    # A bracketed remark after the key ("实施单位 (盖章)") is no value: the value is printed under it.
    values = [cell.text for cell in cells[1::2]]
    return cells if values and values[0] and not any(ANNOTATION.match(value) for value in values) else []


ANNOTATION = re.compile(r"^[（(][^()（）]*[)）]$")


def joined_key_cells(paragraph: Paragraph) -> list[Cell]:
    """A head row whose keys and values run together on one line, opening with a key: key and value cells, each
    value running up to the next key. None when a key has no value or the line holds no key at its start."""
    printed = normalize_text(paragraph.text)
    text = label(printed)  # (label only turns brackets full-width: a key found in it stands at the same place printed)
    keys = [(key.start(), key.end()) for key in JOINED_KEY.finditer(text)]
    if not keys or keys[0][0] != 0:
        return []
    for index in range(1, len(keys)):
        start, end = keys[index]
        # A project's name may end in 项目 (县乡村振兴项目实施单位): after a name, the shortest key that fits.
        if text[keys[index - 1][0]:keys[index - 1][1]] in PROJECT_NAME_LABELS and text[start:end].startswith("项目") \
                and text[start + 2:end] in HEAD_KEYS:
            start += 2  # not 自治区 of 自治区主管部门
        keys[index] = (start, end)
    ends = [start for start, _ in keys[1:]] + [len(text)]
    # The colon after a key is no part of its value (单位名称：西平县交通运输局); a value keeps its brackets as printed.
    cells = [Cell(part, paragraph.line) for (start, end), value_end in zip(keys, ends)
             for part in (text[start:end], printed[end:value_end].lstrip(":："))]
    # A bracketed remark after the key ("实施单位(盖章)") is no value: the value is printed under it.
    return cells if all(cell.text and not ANNOTATION.match(cell.text) for cell in cells[1::2]) else []


# A label of the table's head printed alone above its first row: a key whose value is empty (部门), the funds
# block's own label (年度预算申请, 预算资金(万元), （万元）). No sentence, no number but a bracketed unit.
LONE_HEAD_LABEL = re.compile(r"^[\u4e00-\u9fa5]{2,10}(?:[（(]万?元[)）])?$|^[（(]万?元[)）]$")


# The funds block's label, its money unit in brackets and its points after it if any (资金情况(万元), 预算执行情况(万元)
# (20分)): what follows a key left blank, never its value.
MONEY_BLOCK = re.compile(r"[（(]万?元[)）](?:[（(]\d+(?:\.\d+)?分[)）])?$")


# The year under a table's title, cut into cells of its own ("(2022" "年度)").
TITLE_YEAR = re.compile(r"^[（(]?\d{4}年度?[)）]?")
NAME_ABOVE_CELLS = 4  # cells a name centred in its merged cell may be broken into


def name_above_label(run: list[Paragraph], texts: list[str], opening: int, keys: list[tuple[int, int]]) -> Row | None:
    """A name printed above its own label, where a PDF's text layer puts a merged cell centred over two lines before
    the label's ("…项目自评表" "(2022" "年度)" "普陀体育中心与委托运营方结" "算费用" "项目名称" "主管部门"): the name label
    followed at once by another label takes the text between the title and it as its value."""
    first = next(((i, size) for i, size in keys if label(texts[i]) in (*NAME_LABELS, *PROJECT_NAME_LABELS)), None)
    if not opening or first is None or not any(i == first[0] + first[1] for i, _ in keys):
        return None
    at = first[0]
    name = TITLE_YEAR.sub("", "".join(texts[opening:at]))
    if not name or at - opening > NAME_ABOVE_CELLS or is_value(name):
        return None
    return Row([Cell(texts[at], run[at].line), Cell(name, run[opening].line)])


def title_before(run: list[Paragraph], start: int) -> list[Paragraph]:
    """The title a copy ran into the line of the head it opens, a cell or two before the head's first label
    ("部门整体支出绩效自评表(2023年度)" "部门金寨县…" "预算资金(万元)…": a key the head reads not): the table's title;
    none where no title is so near, or the cells are lines of their own (a title above them is the layout's to
    attach)."""
    near = run[max(0, start - TITLE_REACH):start]
    title = next((p for p in reversed(near) if is_title(normalize_text(p.text))), None)
    return [title] if title and start < len(run) and title.line == run[start].line else []


TITLE_REACH = 2  # cells, most, between a run-together title and its head's first label


def is_title(text: str) -> bool:
    """A normalised line that names a table: 附件2, …自评表, 项目支出绩效自评表(2023年度)."""
    return bool(NAMED_TABLE.search(text))


def head_labels_start(texts: list[str], start: int) -> int:
    """Where the head begins: up to three head labels printed alone right above its first row belong to it (a
    table's title, 附件 or 自评表, does not)."""
    for _ in range(3):
        above = texts[start - 1] if start else ""
        if not LONE_HEAD_LABEL.match(above) or is_title(above) or above in TOTAL:
            break
        start -= 1
    return start


# A funds source printed twice side by side, under the planned and then the received amount (Hainan, Zhejiang:
# "其中:" "中央财政" "0" "其中:" "中央财政" "0" "省财政" "570" "省财政" "398.88" …): its name, the planned amount, the
# name again, the received amount; an amount left blank is not printed ("其中:中央财政其中:中央财政省财政省财政").
TWICE_PRINTED_SOURCE = re.compile(rf"(?:其中[:：])?(?P<label>[\u4e00-\u9fff]{{1,8}}?)(?P<planned>{NUMBER_PATTERN})?"
                                  rf"(?:其中[:：])?(?P=label)(?P<received>{NUMBER_PATTERN})?")
# What was spent, printed right after the sources (Zhejiang: …其它其它实际支出(万元)299.4): a key that is also a funds
# column's word, read as a key only here.
USED_AFTER_SOURCES = re.compile("(?P<key>(?:{})[（(]万?元[)）])(?P<amount>{})".format(
    "|".join(key for key, role in HEADER_KEYS.items() if role == "used_funds"), NUMBER_PATTERN))
SOURCE_CELLS = 48  # cells the sources may take: up to eight sources, each its name, amount, name and amount again
BREAKDOWN_START = re.compile(r"^其中[:：]")


def twice_printed_sources(run: list[Paragraph], end: int) -> tuple[list[Row], int]:
    """The sources a head's funds are broken down into, printed twice side by side (planned, then received), from the
    first "其中:" before `end`: a row (name, planned, name, received) each, and where in `run` they end; none unless
    two sources or more read so."""
    start = next((i for i in range(end) if BREAKDOWN_START.match(normalize_text(run[i].text))), None)
    if start is None:
        return [], end
    texts = [normalize_text(p.text) for p in run[start:min(end, start + SOURCE_CELLS)]]
    ends = list(accumulate(len(text) for text in texts))
    joined = "".join(texts)
    rows: list[Row] = []
    position = 0
    while (source := TWICE_PRINTED_SOURCE.match(joined, position)) and names_funds(source.group("label")):
        line = run[start + bisect_right(ends, source.start())].line
        rows.append(Row([Cell(source.group("label"), line), Cell(source.group("planned") or "", line),
                         Cell(source.group("label"), line), Cell(source.group("received") or "", line)]))
        position = source.end()
    if len(rows) < 2:
        return [], end
    if used := USED_AFTER_SOURCES.match(joined, position):
        line = run[start + bisect_right(ends, used.start())].line
        rows.append(Row([Cell(used.group("key"), line), Cell(used.group("amount"), line)]))
        position = used.end()
    return rows, start + bisect_right(ends, position)  # a cell read only in part stays with the text after


RESTATED_GOAL_MIN = 6  # characters a goal restated in the achieved cell runs to at least: no "。。" by chance
GOALS_LIMIT = 4000  # characters of two goal cells run together; a longer text is no pair of goals


def restated_goal(text: str) -> int | None:
    """Both goal cells run together in one, the achieved one restating the end of the expected one ("…进行改进,
    对项目区农业用水计量,…夯实基础," then "对项目区农业用水计量,…夯实基础,"), or all of it: how long the achieved
    text is; None when the text ends in no such repeat."""
    if len(text) > GOALS_LIMIT:
        return None
    return next((length for length in range(len(text) // 2, RESTATED_GOAL_MIN - 1, -1)
                 if text[-2 * length:-length] == text[-length:]), None)


# A goal sentence reporting what was done: 已 (费用已全部支付) or a verb's 了 (完成了, 营造了), not 为了 or 了解.
REPORTED = re.compile(r"已(?!有|建成的)|(?<!为)了(?!解)")  # 巩固已有成果, 对已建成的… plan, they report nothing
SENTENCE = re.compile(r"[^。]+。?")


def reported_goal(text: str) -> int | None:
    """Both goal cells run together in one, no sentence restated: the planned sentences, none of them reporting
    anything done, then the achieved ones, each reporting what was done ("…预计2023年…筹集公益金2.35亿元。" then
    "福彩App升级改造项目,…项目费用已全部支付。"): how long the achieved text is; None where the sentences do not fall
    so — a cut elsewhere would be a guess."""
    sentences = SENTENCE.findall(text)
    reported = [bool(REPORTED.search(sentence)) for sentence in sentences]
    first = next((i for i, done in enumerate(reported) if done), None)
    if not first or not all(reported[first:]):
        return None
    return sum(map(len, sentences[first:]))


def reports_done(text: str) -> bool:
    """Whether every sentence of a goal reports what was done (已完成…): an achieved goal."""
    sentences = SENTENCE.findall(normalize_text(text))
    return bool(sentences) and all(REPORTED.search(sentence) for sentence in sentences)


# The achieved goal opening by pointing back at the goal set ("…各项事业的发展" then "按照年初设定目标,将辖区…").
REFERRED_BACK = re.compile(r"(?:按照|对照|根据)(?:年初|年度)?(?:设定|确定)?的?(?:绩效|总体)?目标[,，]")


def referred_back(text: str) -> int | None:
    """How long the achieved goal is that opens by pointing back at the goal set ("按照年初设定目标,"), after the
    expected one; None where no such opening follows it."""
    referred = REFERRED_BACK.search(text, 1)
    return len(text) - referred.start() if referred else None


def opens_item_one(cells: list[Paragraph], index: int) -> bool:
    """Whether the cell opens an item 1 (1.建设…, (1)制定…), its number cut from its mark where the cells are a line
    run together ("1" "．贯彻执行…")."""
    text = normalize_text(cells[index].text)
    if text.isdigit() and index + 1 < len(cells):
        text += normalize_text(cells[index + 1].text)[:1]
    return bool(FIRST_ITEM.match(text))


def goals_cut(text: str) -> int | None:
    """Both goal cells run together in one: how long the achieved text is — it restates the expected one's end
    (`restated_goal`), reports what was done after the plan (`reported_goal`), opens by pointing back at the goal
    set (`referred_back`), or numbers its items from 1 again (`renumbered`); None where nothing tells them apart."""
    return restated_goal(text) or reported_goal(text) or referred_back(text) or renumbered(text)


def renumbered(text: str) -> int | None:
    """How long the achieved goal is whose items are numbered from 1 again after the expected one's ("(1)制定…
    (2)…(4)完成上级政府交办的其它事项。(1)积极履职…"), or, after goals numbered by their 目标, from 1 by number alone
    ("目标1∶推进…目标8∶强化各类产品监督抽验1、深化商事制度改革。…"): the text from the one later item 1 after an item 2;
    None where the text opens with no item 1 or numbers none again."""
    first = FIRST_ITEM.match(text)
    if first is None:
        return None
    second = SECOND_ITEM[SECOND_ITEM_STYLE.get(first.group()[0], 0)].search(text, first.end())
    if second is None:
        return None
    again = [match.start() for match in re.finditer(re.escape(first.group()), text)][1:]
    if not again and first.group().startswith("目标"):
        again = [match.start() for match in ANY_ITEM_ONE.finditer(text, second.end())]
    return len(text) - again[0] if len(again) == 1 and again[0] > second.start() else None


# An item 2, numbered as the item 1 before it: 2. or 2、, (2), 目标2:.
SECOND_ITEM = (re.compile(r"2[.．、]"), re.compile(r"[（(]2[)）]"), re.compile(r"目标2(?:完成情况)?[.．、:：∶]"))
SECOND_ITEM_STYLE = {"(": 1, "（": 1, "目": 2}
# An item 1 numbered by its number alone (1、, (1)), after goals numbered by their 目标.
ANY_ITEM_ONE = re.compile(r"(?<![\d.])(?:1[.．、]|[（(]1[)）])(?!\d)")


def run_goals_head(word: str) -> bool:
    """The goals' head run together with no 预期目标 among its labels ("总体目标完成情况总体目标全年实际完成情况", Ningxia's
    form); the national head run together ("年度总体目标预期目标实际完成情况") is the run-together rows' to read."""
    return bool(RUN_GOALS_HEAD.fullmatch(word)) and not any(label in word for label in EXPECTED_GOAL_WORDS)


def goals_head(words: list[str]) -> bool:
    """A line of the goals' head that ends in the achieved column's word: on its own, or after the labels run
    together with it (`run_goals_head`)."""
    return bool(words) and (words[-1] in ACHIEVED_GOAL_WORDS or run_goals_head(words[-1])
                            and words[-1].endswith(ACHIEVED_GOAL_WORDS))


def goal_labels(text: str) -> list[str]:
    """A goals' head line's labels: its words, each run-together one cut into the labels it is made of."""
    return [label for word in text.split()
            for label in (GOAL_LABEL.findall(normalize_text(word)) if RUN_GOALS_HEAD.fullmatch(normalize_text(word))
                          else [word])]


def read_head(run: list[Paragraph]) -> tuple[int, list[Row], int]:
    """The head of a dumped table above its indicator header: 项目名称 and like pairs, the funds block and
    the goals; returns where the head starts in `run`, its rows, and where it ends."""
    texts = [last_key(text) for text in (normalize_text(p.text) for p in run)]
    funds = next(((i, fund_header_at(texts, i)) for i in range(len(texts)) if fund_header_at(texts, i)), None)
    before_funds = funds[0] if funds else len(texts)
    # A title (附件2, …自评表) above the funds opens this table: keys above it are an earlier table's.
    opening = max((i + 1 for i in range(before_funds) if is_title(texts[i])), default=0)
    # A key label on one line, or broken over two ("项目支" "出名称"), with its money unit or a remark asking for the
    # seal ("实施单位 (盖章)") or not: [(first line, size)].
    keys = [(i, size) for i in range(opening, before_funds) for size in (1, 2)
            if label(key_of("".join(texts[i:i + size]))) in LINE_KEYS
            and (size == 1 or label(texts[i]) not in LINE_KEYS)]
    # A row printed on one line, its cells apart by single spaces ("主管部门 某局 实施单位 某股"): [(line, cells)].
    spaced = [(i, cells) for i in range(opening, before_funds)
              for cells in [key_value_cells(run[i]) or joined_key_cells(run[i])] if cells]
    starts = [i for i, _ in keys] + [i for i, _ in spaced]
    start = head_labels_start(texts, min(starts)) if starts else \
        (head_labels_start(texts, funds[0]) if funds else len(run))
    # A key's money unit on the line under it ("计划投资额" "(万元)" "570") belongs to the key; its value follows.
    keys = [(i, size + 1) if i + size + 1 < len(run) and MONEY_UNIT_CELL.match(texts[i + size]) else (i, size)
            for i, size in keys]
    rows = [Row([Cell("".join(texts[i:i + size]), run[i].line), Cell(run[i + size].text, run[i + size].line)])
            for i, size in keys if i + size < len(run) and label(texts[i + size]) not in LINE_KEYS
            and not MONEY_BLOCK.search(texts[i + size])]
    rows += [Row(cells) for _, cells in spaced]
    above = name_above_label(run, texts, opening, keys)
    if above is not None:
        rows.insert(0, above)
        start = min(start, opening)
    # Sichuan prints its goals above the funds: 项目年度目标, 年度目标完成情况, then the two texts under them.
    goals = next((i for i in range(len(texts[:funds[0] if funds else len(texts)]) - 3)
                  if texts[i].endswith("年度目标") and texts[i + 1] == "年度目标完成情况"), None)
    if goals is not None:
        rows += [Row([Cell(p.text, p.line) for p in run[at:at + 2]]) for at in (goals, goals + 2)]
    sources, sources_end = twice_printed_sources(run, before_funds)
    rows += sources
    if funds is None:
        paired = paired_funds(run)
        if paired is None:
            goals, goals_end = lone_goal_rows(run, start)
            if goals:
                return start, rows + goals, goals_end
            return start, rows, sources_end if sources else len(run)  # the text after a head's sources is no head
        top, block, cursor = paired
        goals, cursor = goal_rows(run, cursor)
        return min(start, top), rows + block + goals, cursor
    index, words = funds
    words = with_rate_points(words)
    roles = [role_of(word, FUND_ROLES) for word, _ in words]
    # The block's label right above its column words keeps its weight for the header: 预算执行情况(万元)(20分).
    block = run[index - 1].text if index and SCORED_LEVEL.search(texts[index - 1]) else ""
    rows.append(Row([Cell(block, run[index].line)] + [Cell(word, run[index].line) for word, _ in words]))
    funds_row = len(rows)  # where the block's rows start: the first is its total, whatever it is called
    cursor = words[-1][1] + 1
    lost_label = next((end for end in range(cursor, min(len(run), cursor + len(words)) + 1)
                       if end == len(run) or not NUMBER_RUN.match(texts[end])), cursor)
    if lost_label - cursor == len(words):
        # The total's values right under the column words, one under each, its label lost (a viewer dropped the
        # cell): the total.
        values = [Cell(cell_text(p), p.line) for p in run[cursor:lost_label]]
        rows.append(Row([Cell("", run[cursor].line)] + fund_cells(values, roles, run[cursor].line)))
        cursor = lost_label
    elif next((end for end in range(cursor, len(run)) if not NUMBER_RUN.match(texts[end])), len(run)) - cursor \
            > len(words):
        # More values right under the column words than a row holds, every label printed elsewhere (a spreadsheet's
        # copy scrambled: "250000.00 250000.00 215,457.6 10 8.62 250000.00 250000.00 215457.6 — 上年结转资金 …"): the
        # total's are the most of them, in order, that its own arithmetic places (得分 8.62 = 分值 10 × 215457.6 ÷
        # 250000); the rest, a part's, wait for their label.
        under = [Cell(cell_text(p), p.line) for p in run[cursor:cursor + len(words)]]
        placed = next(((size, cells) for size in range(len(words), FEWEST_PLACED - 1, -1)
                       if (cells := arithmetic_cells(under[:size], roles, run[cursor].line)) is not None), None)
        if placed is not None:
            size, cells = placed
            rows.append(Row([Cell("", run[cursor].line)] + cells))
            cursor += size
    while cursor < len(run) and texts[cursor] not in GOAL_WORDS and not NUMBER_RUN.match(texts[cursor]):
        # A row's label wrapped over two lines ("年度资金" "总额"): its values are under the second.
        wrapped = wrapped_label(texts, cursor) and cursor + 2 < len(run) and NUMBER_RUN.match(texts[cursor + 2])
        first_value = cursor + 2 if wrapped else cursor + 1
        values_end = first_value
        while values_end < len(run) and NUMBER_RUN.match(texts[values_end]) \
                and values_end - first_value < len(words):
            values_end += 1
        values = [Cell(cell_text(p), p.line) for p in run[first_value:values_end]]
        joined = LABEL_AND_RUN.match(texts[cursor]) if not values else None
        if joined:
            line = run[cursor].line
            numbers = run[cursor].text.split()[1:]
            if len(numbers) > 1 and all(NUMBER_RUN.match(normalize_text(text)) for text in numbers) \
                    and normalize_text("".join(numbers)) == joined.group("run"):
                # A row's label and its numbers on one line apart by spaces ("其中：县级财政资金 400000 400000 100%"):
                # each number a cell, never the run of them split by the arithmetic.
                read = fund_cells([Cell(text, line) for text in numbers], roles, line)
            else:
                # A row's label and its numbers on one line with nothing between ("年度资金总额50万元47.6895.00%").
                split = split_fund_run(joined.group("run"), roles)
                # (a part's amounts alone, "其中:本年财政拨款252525", split so that none exceeds its total's)
                read = [Cell(value, line) for value in split] if split else \
                    part_amounts(Cell(joined.group("run"), line), rows[funds_row], words) \
                    if len(rows) > funds_row else None
            if read:
                rows.append(Row([Cell(joined.group("label"), line)] + read))
                cursor = values_end
                continue
        if len(values) == 1:
            # Numbers printed without separators: split by the row's arithmetic, or left joined (read as empty); a
            # plain number too ("2221010010": 2, 2, 2, 10, 100%, 10), where the arithmetic leaves one reading.
            split = split_fund_run(texts[first_value], roles)
            if split and not any(parse_number(piece.rstrip("%")) for piece in split[1:]):
                split = None  # "915000" is one amount, never 915 | 0 | 0% | 0
            values = [Cell(value, values[0].line) for value in split] if split else \
                unscored_part(values[0], roles) or values
        if len(values) == 1 and len(rows) > funds_row:
            values = part_amounts(values[0], rows[funds_row], words) or values
        elif len(values) > 1 and len(rows) > funds_row:
            values = part_run_apart(values, rows[funds_row], words, roles) or values
        # A breakdown item printed as "label：amount" in one cell (按收入性质分：1824.18, 项目支出：76.4), or cut at its
        # amount by a run-together copy ("按收入性质分：" "1824.18") below the total.
        item_end = cursor + 1 if not values and LABELLED_AMOUNT.match(texts[cursor]) else \
            values_end if len(values) == 1 and len(rows) > funds_row and first_value == cursor + 1 \
            and LABELLED_AMOUNT.match(texts[cursor] + texts[first_value]) and texts[cursor][-1:] in ":：" else None
        if item_end is not None:
            rows.append(Row([Cell("".join(p.text for p in run[cursor:item_end]), run[cursor].line)]))
            cursor = values_end
            continue
        label_text = "".join(texts[cursor:first_value])
        if values and len(rows) > funds_row and not names_funds(label_text):
            break  # below the first row, a label that names no funds is the next block's (OCR of 年度绩效目标)
        if not values and (note_end := method_note_end(texts, cursor, words)) is not None:
            cursor = note_end  # the row above's 得分计算方法 in words, run into the rows ("执行率*该指标分值,…上限。")
            continue
        if not values and not names_funds(texts[cursor]):
            # A header word without a role or a note cell stands between rows; anything else ends the block (a part
            # named by its source with its cells left empty, 其中:中央、省补助, stays in it).
            if values_end < len(run) and not NUMBER_RUN.match(texts[values_end]) \
                    and values_end + 1 < len(run) and NUMBER_RUN.match(texts[values_end + 1]):
                cursor = values_end
                continue
            break
        rows.append(Row([Cell("".join(p.text for p in run[cursor:first_value]), run[cursor].line)]
                        + (line_placed(values, len(words), run[first_value - 1].line)
                           or fund_cells(values, roles, run[cursor].line))))
        cursor = values_end
    if len(rows) > funds_row:
        rows[funds_row] = total_by_parts(rows[funds_row], rows[funds_row + 1:], roles) or rows[funds_row]
    goals, cursor = goal_rows(run, cursor)
    return start, rows + goals, cursor


def with_rate_points(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A funds block's column words with a second 执行率 right before 得分 joined to it: Sichuan's 执行率(B/A) | 权重 |
    执行率得分 run together is cut 执行率 | 得分 at its end, while the first 执行率 of a form is its rate (the national
    form's 执行率 | 得分 are two columns)."""
    joined: list[tuple[str, int]] = []
    for word, line in words:
        if joined and normalize_text(word).startswith("得分") and normalize_text(joined[-1][0]) == "执行率" \
                and any(role_of(earlier, FUND_ROLES) == "execution_rate" for earlier, _ in joined[:-1]):
            joined[-1] = (joined[-1][0] + word, joined[-1][1])
        else:
            joined.append((word, line))
    return joined


def last_key(text: str) -> str:
    """Two head labels a copy ran together on one line ("填报日期项目名称"), the first left blank: the second, whose
    value follows; any other text as it is."""
    return next((text[at:] for at in range(2, len(text) - 1) if label(key_of(text[at:])) in LINE_KEYS
                 and label(key_of(text[:at])) in LINE_KEYS), text) if len(text) <= RUN_TOGETHER_LENGTH else text


def total_by_parts(total: Row, parts: list[Row], roles: list[str | None]) -> Row | None:
    """A funds total whose figures ran together into a run its rate's arithmetic reads more than one way
    ("1484631.00%": 148 | 46 | 31.00%, or 14846 | 31.0 | 0%), read the one way whose amounts are the sums of its parts'
    (中央财政资金 102 | 0, 地方资金 46 | 46): None where its parts leave an amount unread."""
    filled = [cell for cell in total.cells[1:] if normalize_text(cell.text)]
    if len(filled) != 1 or not is_joined_run(filled[0].text):
        return None
    sums: dict[str, float] = {}
    for index, role in enumerate(roles):
        if role not in MONEY_ROLES:
            continue
        amounts = [parse_number(row.cells[index + 1].text) if index + 1 < len(row.cells) else None
                   for row in parts if any(normalize_text(cell.text) for cell in row.cells[1:])]
        if amounts and None not in amounts:
            sums[role] = sum(amounts)
    split = split_fund_run(normalize_text(filled[0].text), roles, sums) if sums else None
    line = filled[0].line
    return Row([total.cells[0], *fund_cells([Cell(value, line) for value in split], roles, line)]) if split else None


def line_placed(values: list[Cell], width: int, label_line: int) -> list[Cell] | None:
    """A funds row's values in a dump that keeps its empty cells as blank lines: each in the column its line gives,
    the line after the label's the first, each value on a line of its own; None where the lines leave no gap or run
    past the columns."""
    offsets = [value.line - label_line - 1 for value in values]
    if not values or offsets == list(range(len(values))) or offsets[-1] >= width or offsets[0] < 0 \
            or any(later <= earlier for earlier, later in zip(offsets, offsets[1:])):
        return None  # (values on one line, or on lines of their own with no gap)
    cells = [Cell("", label_line) for _ in range(width)]
    for offset, value in zip(offsets, values):
        cells[offset] = value
    return cells


def goal_rows(run: list[Paragraph], cursor: int) -> tuple[list[Row], int]:
    """The goals below the funds: their words (预期目标, then 实际完成情况 or the like, on lines of their own or on one
    line apart by a space) and the two texts under them, down to the form's labels a copy cut off after them (the
    indicator block's label, its column words); the rows and where the head ends. Each word is a cell of its own: a
    row run together on one line ("年度总体目标预期目标实际完成情况") is the run-together rows' to read."""
    cells = [[normalize_text(word) for word in p.text.split()] for p in run]
    expected = next((i for i in range(cursor, len(run)) if any(word in HEAD_EXPECTED_WORDS for word in cells[i])
                     or cells[i] and run_goals_head(cells[i][-1])), len(run))
    # The achieved word after it (the row's label may be one too: 年度总体目标完成情况 | 预期目标 | 目标实际完成情况).
    goal = next((i for i in range(expected, len(run)) if goals_head(cells[i])), None)
    if goal is None:
        return lone_goal_rows(run, cursor)
    rest = run[goal + 1:]
    rest = rest[:len(rest) - len(list(takewhile(lambda p: form_label(normalize_text(p.text)), reversed(rest))))]
    head = [Cell(p.text, p.line) for p in run[cursor:goal]] + [Cell(word, run[goal].line)
                                                               for word in goal_labels(run[goal].text)]
    rows = [Row(head)]
    # (a dump keeps its empty cells as blank lines where two of its cells are lines apart; its title may stand apart)
    cells_lines = run[1:]
    placed = goals_by_line(head, rest) if any(b.line - a.line > 1 for a, b in zip(cells_lines, cells_lines[1:])) \
        else None
    if placed is not None:
        return rows + [Row(placed)], len(run)
    words = rest[0].text.split() if len(rest) == 1 else []
    if any(FIRST_ITEM.match(word) for word in words[1:]) and FIRST_ITEM.match(words[0]):
        # Both goals on one line, apart by a space: cut where the numbering starts again.
        rest = [Paragraph(word, rest[0].line) for word in words]
    if rest:
        # The goals are one cell each, unless numbered over several lines: the achieved ones start again at 1.
        numbered = opens_item_one(rest, 0)
        if not numbered and len(rest) > 1 and cut_at_figures(rest):
            # Pieces of one line run together, cut at its figures ("目标" "1" ":1290.3平方米…"): one text.
            rest = [Paragraph("".join(p.text for p in rest), rest[0].line)]
        split = next((i for i in range(2, len(rest)) if numbered and opens_item_one(rest, i)), 1)
        expected = Cell("".join(p.text for p in rest[:split]), rest[0].line)
        achieved = Cell("".join(p.text for p in rest[split:]), rest[-1].line) if len(rest) > split \
            else Cell("", rest[0].line)
        goals_text = rest[0].text.rstrip()
        if len(rest) == 1 and (restated := goals_cut(goals_text)):
            expected = Cell(goals_text[:-restated], rest[0].line)
            achieved = Cell(goals_text[-restated:], rest[0].line)
        # A text alone is the expected goal, the achieved one left blank, unless its every sentence reports what was
        # done (已完成…费用结算。): the achieved one under its word, the expected one left blank. The copy left the
        # empty cell out.
        texts = [expected, achieved] if achieved.text else [expected] if reports_done(expected.text) \
            else [expected, Cell("", rest[0].line)]
        row = [Cell("", rest[0].line)] * (len(head) - len(texts)) + texts
        words = [index for index, cell in enumerate(head) if index and is_goal_label(cell.text)]
        if len(texts) == 2 and len(words) == 2 and words[1] - words[0] > 1:
            # A goal column between the two goal words (Chongqing's 全年(调整)绩效目标) left empty: the expected goal
            # is under the first.
            row = [Cell("", rest[0].line) for _ in head]
            row[words[0]], row[words[-1]] = texts
        rows.append(Row(row))
    return rows, len(run)


def cut_at_figures(pieces: list[Paragraph]) -> bool:
    """Whether `pieces` are one line run together that `segment` cut where its text turns into figures and back
    ("目标" "1:" "1290.3" "平方米…"): all on one line, a figure beside every cut; cells a space parted meet anywhere
    ("…抽验" "1、深化…"), two figures whole side by side too ("287" "171": `segment` never cuts a run of digits)."""
    texts = [p.text.strip() for p in pieces]
    return len({p.line for p in pieces}) == 1 and all(
        (FIGURE_PIECE.match(before) or FIGURE_PIECE.match(after)) and not (SPACED_FIGURE.match(before) and
                                                                          SPACED_FIGURE.match(after))
        for before, after in zip(texts, texts[1:]))


FIGURE_PIECE = re.compile(r"^[:：]?\d[\d.%]*[:：]?$")  # a figure `segment` cut from the words around it


def goals_by_line(head: list[Cell], goals: list[Paragraph]) -> list[Cell] | None:
    """The goals' row in a dump that keeps its empty cells as blank lines, the head's words one a line (no blank line
    between them): its label merged down from the head's row, one cell fewer than the head, each goal a line of its
    own in the column its line gives from the line after the head's, a blank line a goal left empty (预期目标 left
    blank, Chongqing's 全年(调整)绩效目标). None for any other head."""
    lines = range(head[-1].line + 1, head[-1].line + len(head))
    if not goals or len(goals) > 2 or not all(goal.line in lines for goal in goals) \
            or not all(later.line == earlier.line + 1 for earlier, later in zip(head, head[1:])):
        return None
    by_line = {goal.line: Cell(goal.text, goal.line) for goal in goals}
    return [by_line.get(line, Cell("", line)) for line in lines]


def form_label(text: str) -> bool:
    """A line that is the form's label by itself (`whole_label`), or the indicator block's (绩效指标(90分), 年度绩效指标完成情况)."""
    return whole_label(text) or INDICATOR_BLOCK_LABEL.fullmatch(text) is not None


def in_sentence(texts: list[str], index: int) -> bool:
    """A form's word that the run-together reading cut out of a sentence ("…的发展按照" "年初设定目标" ",将辖区…"):
    the text goes on after it with a comma."""
    return 0 < index < len(texts) - 1 and texts[index + 1][:1] in ",，、"


def numbered_goals(run: list[Paragraph], cursor: int) -> tuple[list[Row], int]:
    """The goals right under a funds block read row by row (Fujian's 2018 sheet): their head (预期目标 | 目标实际完成情况,
    its row label broken one word a line above it), then goal items numbered 目标1, 目标2 … and again 目标1完成情况 …,
    one a line; the goals end with the numbered items. Returns the rows (`goal_rows`) and where they end."""
    words = [[normalize_text(word) for word in p.text.split()] for p in run]
    head = next((i for i in range(cursor, min(len(run), cursor + GOAL_HEAD_WINDOW))
                 if goals_head(words[i]) and any(word in EXPECTED_GOAL_WORDS for word in words[i])), None)
    if head is None:
        return [], cursor
    end = head + 1
    while end < len(run) and NUMBERED_GOAL.match(normalize_text(run[end].text)):
        end += 1
    if end == head + 1:
        return [], cursor
    rows, _ = goal_rows(run[:end], cursor)
    return rows, end


def lone_goal_rows(run: list[Paragraph], cursor: int) -> tuple[list[Row], int]:
    """The goals under their row's label alone (年度总体目标 with no 预期目标 | 实际完成情况 words, Ningxia's form): the
    text after it to the head's end, cut at its numbers by the run-together reading, is one text again — the expected
    goal, or both goals where the achieved one restates it or points back at it (a sentence reporting work done is no
    sign here: the one goal may plan on what exists); none where another goals or head word follows (that text is no
    goal)."""
    texts = [normalize_text(p.text) for p in run]
    start = next((i for i in range(cursor, len(run)) if texts[i] == GOAL_WORDS[0]), None)
    if start is None or start + 1 == len(run) or \
            any((GOAL_LABEL.search(text) or label(text) in LINE_KEYS) and not in_sentence(texts, i)
                for i, text in enumerate(texts[start + 1:], start + 1)):
        return [], cursor
    text = "".join(texts[start + 1:])
    cut = restated_goal(text) or referred_back(text)
    goals = [text[:-cut], text[-cut:]] if cut else [text]
    line = run[start].line
    return [Row([Cell(run[start].text, line)]), Row([Cell(goal, line) for goal in goals])], len(run)


# An amount printed after its funds column word on one line, pairs apart by spaces (Sichuan's 区域 form:
# "转移支付预算数(A) 5.8万 预算执行率(B/A) 100%" "转移支付执行数(B) 5.8万").
PAIRED_AMOUNT = re.compile(r"^\d{1,12}(?:\.\d{1,6})?(?:万元|万|元|%)?$")
BLOCK_PIECES = 4  # lines of a block label broken one word a line above its pairs ("预算" "执行" "情况" "(万元)")
BLOCK_PIECE = 6  # characters each such line keeps


def amount_pairs(text: str) -> list[tuple[str, str]]:
    """A line's (funds column word, amount) pairs; none unless the whole line is such pairs."""
    words = text.split()
    pairs = list(zip(words[::2], words[1::2]))
    if not pairs or len(words) % 2 or not all(role_of(word, FUND_ROLES) and PAIRED_AMOUNT.match(amount)
                                              for word, amount in pairs):
        return []
    return pairs


def paired_funds(run: list[Paragraph]) -> tuple[int, list[Row], int] | None:
    """A funds block printed as column word–amount pairs on consecutive lines, under its label broken one word a
    line: a funds header (the words) and one row of the amounts (the label without its unit, then the amounts).
    Returns where the block starts, the two rows and where it ends; None without pairs of the 执行数 and another
    column."""
    index = next((i for i, p in enumerate(run) if amount_pairs(p.text)), None)
    if index is None:
        return None
    end, pairs = index, []
    while end < len(run) and (more := amount_pairs(run[end].text)):
        pairs, end = pairs + more, end + 1
    roles = {role_of(word, FUND_ROLES) for word, _ in pairs}
    if "executed" not in roles or len(roles) < 2:
        return None
    top = index
    while index - top < BLOCK_PIECES and top and 0 < len(normalize_text(run[top - 1].text)) <= BLOCK_PIECE \
            and not DIGIT.search(run[top - 1].text):
        top -= 1
    block, line = "".join(normalize_text(p.text) for p in run[top:index]), run[index].line
    header = Row([Cell("", line)] + [Cell(word, line) for word, _ in pairs])
    amounts = Row([Cell(MONEY_BLOCK.sub("", block), line)] + [Cell(amount, line) for _, amount in pairs])
    return top, [header, amounts], end


# A PDF text layer that prints an indicator block column by column: the header (the first row's names among its
# words), every row's values, the 总分 pair, then the names. The most cells such a block runs over.
VALUES_FIRST_LIMIT = 300
NAME_TAIL = 2  # characters a narrow column broke off a name ("与委托运营方结算完成" … "率")


def values_first_block(run: list[Paragraph], start: int) -> tuple[list[Row], int] | None:
    """The indicator block at `start` when its text prints the values before the names: the header's words (the
    names printed among them kept aside), each row's values in the header's value columns, the 总分 pair, then
    the 一级, 二级 and 三级 names up to 总分. Rows are rebuilt by the names' types: the n-th 三级 name with the
    n-th values and the n-th 二级 name, under the printed 一级 name that 二级 name names (经济效益指标 under
    效益指标), else the first (数量, 质量, 时效: outputs). Returns the header, the rows and the 总分 row, and where
    the block ends; None for any other layout."""
    if start >= len(run) or slot(normalize_text(run[start].text)) != "level1":
        return None
    texts = [normalize_text(p.text) for p in run[start:start + VALUES_FIRST_LIMIT]]
    words: list[str] = []
    names: list[Paragraph] = []
    index = 0
    while index < len(texts) and not VALUE_START.match(texts[index]) and not LEVEL1_CELL.match(texts[index]):
        size = 2 if "".join(texts[index:index + 2]) in HEADER_WORDS else 1
        word = "".join(texts[index:index + size])
        if word in HEADER_WORDS or slot(word):
            words.append(word)
        else:
            names.append(run[start + index])
        index += size
    slots = [slot(word) for word in words]
    if slots[:3] != list(LEVEL_ROLES) or len(names) > 2:
        return None
    width = len(slots) - 3
    groups: list[list[Paragraph]] = []
    while width and index + width <= len(texts) and is_value_group(slots[3:], texts[index:index + width]):
        groups.append(run[start + index:start + index + width])
        index += width
    totals = list(takewhile(lambda text: NUMERIC.match(text), texts[index:index + 2])) if groups else []
    index += len(totals)
    end = next((i for i in range(index, len(texts)) if texts[i] in TOTAL), None)
    if end is None or any(is_value(text) for text in texts[index:end]):
        return None
    level1, level2, level3 = [], [], []
    for paragraph in names + fragments_joined(run[start + index:start + end]):
        text = normalize_text(paragraph.text)
        if text in HEADER_WORDS:
            continue
        if LEVEL1_CELL.match(text):
            level1.append(text)
        elif LEVEL2_CELL.match(text):
            level2.append(paragraph)
        elif len(text) <= NAME_TAIL and level3:
            level3[-1] = Paragraph(level3[-1].text + text, level3[-1].line)
        else:
            level3.append(paragraph)
    if not level1 or len(level2) != len(level3) or groups and len(groups) != len(level3):
        return None
    line = run[start].line
    rows = [Row([Cell(word, line) for word in words])]
    for at, (stage, name) in enumerate(zip(level2, level3)):
        level = normalize_text(stage.text)
        first = next((one for one in level1 if one.removesuffix("指标") in level), level1[0])
        values = groups[at] if groups else []
        rows.append(Row([Cell(first, stage.line), Cell(level, stage.line), Cell(normalize_text(name.text), name.line)]
                        + [Cell(p.text, p.line) for p in values]))
    total_line = run[start + end].line
    rows.append(Row([Cell("总分", total_line)] + [Cell(text, total_line) for text in totals]))
    return rows, start + end + 1


def is_value_group(roles: list[str | None], texts: list[str]) -> bool:
    """One row's values in the header's value columns: each fits its column, 分值 and 得分 are numbers."""
    return all(fits(role, text) >= 0 and (role not in ("weight", "score") or NUMERIC.match(text))
               for role, text in zip(roles, texts))


def fragments_joined(cells: list[Paragraph]) -> list[Paragraph]:
    """Runs of one-character cells joined into one: a word printed down a narrow merged cell (绩 效 指 标); a
    character alone stays a cell of its own."""
    joined: list[Paragraph] = []
    spelled = False  # the last joined cell is made of one-character cells
    for cell in cells:
        single = len(normalize_text(cell.text)) == 1
        if single and spelled:
            joined[-1] = Paragraph(joined[-1].text + cell.text, joined[-1].line)
        else:
            joined.append(cell)
        spelled = single
    return joined
