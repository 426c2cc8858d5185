"""Table headers understood by role: stacked header rows become column paths, key–value cells are read.

A two-row header prints a group cell (年度指标值) above its parts (指标性质 | 指标值 | 度量单位);
each column's path is "年度指标值/指标性质" and its role the deepest part that names one. A data
row with fewer or more cells than the header is aligned on the right, where the numbers are.
"""
import re
from dataclasses import dataclass, field
from itertools import takewhile

from assistant.document import Cell, Row
from assistant.extract.columns import FILLED_ROLES, HUBEI_LEVEL1_HEAD, INDICATOR_ROLES, LAYOUT_COLUMN_WORDS, \
    LEVEL_PAIR_HEAD, LEVEL_ROLES, NUMBER_CELL, PERCENT_SIGNS, TEXT_ROLES, Roles, fits, ranked_role, role_of, \
    unit_shaped, with_level_weights
from assistant.extract.run_rows import LEVEL1_CELL, LEVEL2
from assistant.extract.tokens import FUNDS_LABEL_WORDS
from assistant.values import normalize_text, parse_number, parse_percent

# Key–value cells printed in a table's head: "自评总分：85.5" in one cell, or "自评得分 | 85.5" in two.
HEADER_KEYS = {"自评总分": "total_score", "自评得分": "total_score", "项目总得分": "total_score", "项目名称": "name", "主管部门": "department",
               "项目主管部门": "department", "项目主管单位": "department",
               # A transfer payment's form names the central ministry and the local department that runs it.
               "转移支付名称": "name", "专项资金名称": "name", "专项名称": "name", "中央主管部门": "department",
               "地方主管部门": "department", "自治区主管部门": "department", "县级主管部门": "department",
               "实施单位": "implementer", "项目实施单位": "implementer", "部门": "implementer",
               "实施单位/项目负责人": "implementer",
               # the unit that fills in the form and reports, named before a project's implementer
               "单位名称": "reporter", "填报单位": "reporter", "资金使用单位": "implementer", "资金单位": "money_unit",
               "评价部门名称": "reporter",  # Jiangxi's 整体支出 form
               "金额单位": "money_unit", "单位": "money_unit",
               # funds printed as label–value cells (Hainan: 计划投资额(万元) | 570 | 实际使用情况(万元) | 395.86)
               # or as one run-together line (Zhejiang: 计划安排资金(万元)299.4 … 实际支出(万元)299.4)
               "计划投资额": "planned_funds", "计划安排资金": "planned_funds", "实际使用情况": "used_funds",
               "实际支出": "used_funds",
               # a 政务公开 page's own head over the form: the unit that published it (发文单位 | 鄂州市行政审批局)
               "发文单位": "publisher", "发布机构": "publisher"}
UNIT_ROLES = ("department", "implementer", "reporter", "publisher")
# The head labels of a unit, the short ones left out (部门 and 单位 are words of names too): a value holding one is the
# next labels run together ("地方主管部门资金使用单位"), no unit's name.
UNIT_LABELS = [key for key, role in HEADER_KEYS.items() if role in UNIT_ROLES and len(key) >= 4]
# What a head label adds in brackets: its money unit, the score's 分 (Chongqing: 自评总分(分)), or Sichuan's 实施单位（盖章）
# asking for the seal.
KEY_SUFFIX = re.compile(r"[（(](?:万元|元|亿元|分|盖章)[)）]$")
# A head label left blank is followed by the next label (单位名称 ‖ 填报日期 ‖ …), never by its value; Chongqing's
# 主管部门 is followed by the finance bureau's 财政处室 label; Hainan's 项目名称 by 填报人 and 联系方式.
HEAD_LABEL = re.compile(r"(?:名称|日期|编码|代码|时间|负责人|填报人|联系人|联系电话|联系方式|及电话|主管部门|实施单位|处室)[:：]?$")
KEY_VALUE = re.compile(r"^(?P<key>" + "|".join(sorted(HEADER_KEYS, key=len, reverse=True)) + r")[:：](?P<value>.+)$")
# The budget code a unit's cell prints before its name (219001-池州市贵池区棠溪镇人民政府, [155]濉溪县民政局).
UNIT_CODE = re.compile(r"^(?:\d+\s*[-－—]|[\[［【]\d+[\]］】])\s*")
# A unit's name has words; a placeholder ("/", "—") in the cell names no unit.
NAME_WORDS = re.compile(r"[\u4e00-\u9fa5]{2}")
MONEY_UNITS = ("万元", "亿元", "元")
# The unit a head prints for the amounts, as a note ("金额单位:元", "资金单位：万元") or with the funds' label in a head
# row ("项目资金 (元)"), found inside a cell another cell ran into too ("石鼓区市场监督管理局 金额单位:元").
UNIT_NOTE = re.compile(rf"(?:(?:金额|资金)单位[:：]|{FUNDS_LABEL_WORDS}[（(])(?P<unit>万元|亿元|元)")


# What a cell placed under a column adds beyond its type's fit: more under a column a row fills itself than under one
# merged down from the rows above, and more under the 二级 than the 一级 that spans more rows.
FILLED_BONUS = {role: 0.1 for role in FILLED_ROLES} | {"level2": 0.05}
FULL_RATE = 100.0  # percent: a rate this high under 分值 is a row's 指标值 or 完成值, no 权重
UNIT_PAIR = 1.0  # what a figure and the unit right after it gain placed as a 指标值 and its 度量单位
WORDS_FIRST = re.compile(r"^[\u4e00-\u9fa5]{2}")  # a cell that opens with words, not a figure
# What a kind of indicator (数量指标) costs placed under 一级指标, where stages (产出指标) go, or a stage under 二级指标.
KIND_AS_STAGE = 0.8
LEVEL_AS_NAME = 1.0  # what a level's own name (数量指标, 产出指标) costs placed under 三级指标, where indicators go


def is_unit_pair(columns: list[tuple[int, str]], figure: str, unit: str) -> bool:
    """Whether two cells side by side in a copy are a 指标值 and its 度量单位 ("100" | "%") under two columns side
    by side that print them so."""
    return len(columns) == 2 and columns[0][0] + 1 == columns[1][0] \
        and (columns[0][1], columns[1][1]) == ("target", "measure_unit") \
        and NUMBER_CELL.match(normalize_text(figure)) is not None and cell_fit("measure_unit", unit) > 0


def cell_fit(role: str, text: str) -> float:
    """How well a pasted row's cell fits a column (`fits`), where a score sheet's explanation or scoring rule is
    words, never a figure alone: a figure there is a 分值 or 得分 the paste moved left, the empty cells left out; and
    where a kind of indicator that names no stage (数量指标, 社会效益指标; 成本指标 names both) is a 二级 name, never
    the 一级 over it, and a stage (产出指标) the 一级, never a 二级 under it; and where a 得分 is points, never a rate,
    and a 分值 a share at most (100%: a row's 指标值 or 完成值 moved left) and never words but points (已完成100%, not
    完成得1分), a 分值 never 0; and where a 度量单位 has a unit's shape (`unit_shaped`: short, no figure)."""
    cell = normalize_text(text)
    if role in TEXT_ROLES and NUMBER_CELL.match(cell):
        return -0.1
    if role in ("weight", "score") and NUMBER_CELL.match(cell) and cell.endswith(PERCENT_SIGNS) \
            and (role == "score" or (parse_percent(cell) or 0.0) >= FULL_RATE):
        return -1.0  # a 权重 may be printed as a share ("10%"), never as the whole (100%)
    if role == "measure_unit" and not unit_shaped(cell):
        return min(fits(role, text), -0.5)  # 2024年12月31日前, 挽回经济损失: a target, a result or a name, no unit
    if role == "weight" and NUMBER_CELL.match(cell) and parse_number(cell) == 0:
        return 0.0  # a 分值 of 0 weighs nothing: a row's 0 (明显变质比例 0 | 0) moved under it
    if role in ("weight", "score") and WORDS_FIRST.match(cell) and not cell.endswith("分"):
        return min(fits(role, text), -0.5)  # 已完成100%: a result in words, never points (完成得1分 is)
    kind = role == "level1" and LEVEL2.fullmatch(cell) and not LEVEL1_CELL.match(cell) or \
        role == "level2" and LEVEL1_CELL.match(cell) and not LEVEL2.fullmatch(cell)
    level = role == "level3" and (LEVEL2.fullmatch(cell) or LEVEL1_CELL.match(cell))
    return fits(role, text) - (KIND_AS_STAGE if kind else LEVEL_AS_NAME if level else 0.0)


PADDING = 2  # empty cells, fewest, a page pads a row with after its filled cells (产出指标 | 数量指标 | … | 3 | 3 |||)


def packed_width(row: Row, width: int) -> int:
    """How many cells a row pasted on one line holds under a header of `width` cells: a row whose filled cells come
    first, none empty between, and then empty cells (a page that left a row's empty cells out and padded it to the
    table's width, the header's or more) holds its filled cells only. A row narrower than its header was not padded
    (a browser's copy of a row under a label merged down, 服务范围扩大 | | : its last cells left empty), a row of a
    grid (Word, Excel, a web page, a PDF) keeps every cell, and so does a row rebuilt from a copy printed one cell a
    line, each cell in its column."""
    texts = row.texts()
    filled = [index for index, text in enumerate(texts) if normalize_text(text)]
    if filled and filled[-1] == len(filled) - 1 and len(texts) - len(filled) >= PADDING and len(texts) >= width \
            and not any(cell.location for cell in row.cells) \
            and len({cell.line for cell, text in zip(row.cells, texts) if normalize_text(text)}) == 1:
        return len(filled)
    return len(texts)


def prints_every_cell(row: Row) -> bool:
    """Whether a row keeps the place of every cell, the empty ones too: a row of a grid (Word, Excel, a web page, a
    PDF) that no cell pads (a ragged row the grid filled out lost a cell, a merged one most often), or of a copy
    printed one cell a line."""
    if any(cell.location for cell in row.cells):
        return not any(cell.padding for cell in row.cells)
    return len({cell.line for cell in row.cells}) == len(row.cells) > 1


def in_place(row: Row, width: int) -> bool:
    """Whether every cell of the row, empty or not, is under its own column of a header `width` cells wide: a row as
    wide as the header that keeps the place of every cell."""
    return len(row.cells) == width and prints_every_cell(row)


@dataclass
class ColumnMap:
    """Positions of the columns whose role the header names, in a header of `width` cells."""

    width: int
    positions: dict[str, int]
    shifts: dict[int, int] = field(default_factory=dict)  # id(row) → its shift, worked out once
    placements: dict[int, dict[str, int] | None] = field(default_factory=dict)  # id(row) → cells placed one by one
    serial: int | None = None  # the position of a score sheet's 序号 column, which no field keeps

    @classmethod
    def from_paths(cls, paths: list[str], roles: Roles) -> "ColumnMap":
        positions: dict[str, int] = {}
        ranks: dict[str, int] = {}
        found = [next((r for r in (ranked_role(part, roles) for part in reversed(path.split("/"))) if r), None)
                 for path in paths]
        names = with_level_weights([f[0] if f else None for f in found])
        for index, (path, name, ranked) in enumerate(zip(paths, names, found)):
            # A more specific word wins the role: 调整后预算数 over 年度预算数(万元) for 全年预算.
            if name and ranked[1] < ranks.get(name, len(path) + 99):
                positions[name], ranks[name] = index, ranked[1]
        serial = next((index for index, path in enumerate(paths) if LAYOUT_COLUMN_WORDS.get(path) == "serial"), None)
        return cls(len(paths), positions, serial=serial)

    @classmethod
    def from_header(cls, row: Row, roles: Roles, sub_header: Row | None = None) -> "ColumnMap":
        return cls.from_paths(column_paths(row, sub_header), roles)

    def shift(self, row: Row) -> int:
        """Where the row's cells sit under the header: right-aligned, unless another shift fits the
        cells' types (numbers under 分值/得分, comparators under 指标性质 …) better."""
        if id(row) in self.shifts:
            return self.shifts[id(row)]
        if in_place(row, self.width):
            self.shifts[id(row)] = 0
            return 0
        natural = packed_width(row, self.width) - self.width
        self.shifts[id(row)] = max(range(min(0, natural) - 1, max(0, natural) + 2),
                                   key=lambda shift: (self.shifted_fit(row, shift), shift == natural,
                                                      -abs(shift - natural)))
        return self.shifts[id(row)]

    def shifted_fit(self, row: Row, shift: int) -> float:
        """How well the row's cells fit their columns shifted so: a shift that puts a column the row fills itself
        (its 三级指标, its number under 序号) before the row's first cell leaves the row nameless, and one that leaves
        a filled cell under no column loses what it printed."""
        texts = row.texts()
        unread = sum(1 for index, text in enumerate(texts)
                     if not 0 <= index - shift < self.width and normalize_text(text))
        return sum(cell_fit(role, texts[p + shift]) if 0 <= p + shift < len(texts)
                   else -float(p + shift < 0 and role in (*FILLED_ROLES, "serial"))
                   for role, p in self.typed_positions().items()) - unread

    def typed_positions(self) -> dict[str, int]:
        """The positions whose cells' types say where a row's cells sit: the roles', and the 序号 column's."""
        return self.positions | ({"serial": self.serial} if self.serial is not None else {})

    def placed(self, row: Row) -> dict[str, int] | None:
        """Where a row's cells go when a paste dropped cells the rows above span (二级, 分值, 得分 merged down):
        its filled cells in order under the columns their types fit, when no shift of the whole row fits."""
        if any(cell.location for cell in row.cells):
            return None  # a row of a grid (Word, Excel, a web page, a PDF) keeps the place of every cell
        filled = [index for index, text in enumerate(row.texts()) if normalize_text(text)]
        columns = sorted((position, role) for role, position in self.typed_positions().items())
        if not 1 < len(filled) <= len(columns) \
                or len(row.cells) >= self.width and filled[-1] - filled[0] >= len(filled):
            return None  # a row as wide as the header with an empty cell among its filled ones printed every cell
        texts = [row.texts()[index] for index in filled]
        natural = self.shift(row)
        aligned = [cell_fit(role, row.texts()[p + natural]) for role, p in self.typed_positions().items()
                   if 0 <= p + natural < len(row.cells)]
        packed = filled[-1] == len(filled) - 1 < len(row.cells) - 1 and not prints_every_cell(row)
        if min(aligned, default=0.0) >= 0 and not packed:
            return None  # the shifted row contradicts no column: keep it (a row packed left, its empty cells left
            # out and the rest padded, has no shift: its cells may have dropped out anywhere)
        # at[i][j]: the best fit of the first i cells, the i-th placed under the j-th column (a value column filled
        # is worth a little more than a merged one skipped, and so is an inner level: a name that fits both level
        # columns is the 二级, the 一级 merged down over more rows; a unit is its figure's: the cell right before a
        # 度量单位 placed under it goes under the 指标值 right before that column).
        at = [[0.0] + [float("-inf")] * len(columns)] + [[float("-inf")] * (len(columns) + 1) for _ in texts]
        back: dict[tuple[int, int], int] = {}
        for i, text in enumerate(texts, start=1):
            best = max(range(i), key=lambda k: at[i - 1][k])  # the best column of the cell before, left of the j-th
            for j in range(i, len(columns) + 1):
                role = columns[j - 1][1]
                if at[i - 1][j - 1] > at[i - 1][best]:
                    best = j - 1
                bonus = UNIT_PAIR if i > 1 and is_unit_pair(columns[j - 2:j], texts[i - 2], text) else 0.0
                before = j - 1 if at[i - 1][j - 1] + bonus > at[i - 1][best] else best
                back[i, j] = before
                at[i][j] = at[i - 1][before] + (bonus if before == j - 1 else 0.0) \
                    + cell_fit(role, text) + FILLED_BONUS.get(role, 0.0)
        j = max(range(len(columns) + 1), key=lambda k: at[-1][k])
        if at[-1][j] < self.shifted_fit(row, natural) + 1.0:
            return None
        placement = {}
        for i in range(len(texts), 0, -1):
            placement[columns[j - 1][1]] = filled[i - 1]
            j = back[i, j]
        return placement

    def index(self, row: Row, name: str) -> int | None:
        if name not in self.positions:
            return None
        if id(row) not in self.placements:
            self.placements[id(row)] = self.placed(row)
        if self.placements[id(row)] is not None:
            return self.placements[id(row)].get(name)
        index = self.positions[name] + self.shift(row)
        return index if 0 <= index < len(row.cells) else None

    def cell(self, row: Row, name: str) -> str | None:
        index = self.index(row, name)
        return row.cells[index].text if index is not None else None


def is_sub_header(row: Row, roles: Roles) -> bool:
    """A second header row: two or more cells, every filled one naming a role and none a number (一级指标 is a
    word, though its 一 reads as one)."""
    texts = [normalize_text(t) for t in row.texts() if normalize_text(t)]
    return len(texts) >= 2 and all(role_of(t, roles) and (parse_number(t) is None or role_of(t, roles) in LEVEL_ROLES)
                                   for t in texts)


def column_paths(upper: Row, lower: Row | None) -> list[str]:
    """One path per data column: the upper cell's text, then the part below it when the header is stacked."""
    top = [normalize_text(t) for t in upper.texts()]
    if lower is None:
        # The head over both level columns spans them: in text the empty cell printed after it, else a colspan or a
        # copy that prints the merged head once (a browser's).
        paths: list[str] = []
        for index, (cell, text) in enumerate(zip(upper.cells, top)):
            if text == LEVEL_PAIR_HEAD and top[index - 1:index] == [HUBEI_LEVEL1_HEAD]:
                paths.append("三级指标")  # under Hubei's 项目权重, 评价内容 names each row's indicator
            elif text == LEVEL_PAIR_HEAD and cell.colspan == 1 and top[index + 1:index + 2] == [""]:
                paths.append(f"{text}/一级指标")
            elif text == LEVEL_PAIR_HEAD:
                paths += [f"{text}/一级指标", f"{text}/二级指标"]
            elif not text and paths[-1:] == [f"{LEVEL_PAIR_HEAD}/一级指标"]:
                paths.append(f"{LEVEL_PAIR_HEAD}/二级指标")
            elif not text and index and upper.cells[index - 1].colspan == 1 \
                    and [role_of(word, INDICATOR_ROLES) for word in top[index - 1:index + 2:2]] == ["level1", "level3"]:
                paths.append("二级指标")  # (a head left empty between the 一级 and 三级 columns: the 二级's)
            else:
                paths.append(text)
        return paths
    below = [normalize_text(t) for t in lower.texts()]
    parts = [b for b in below if b]
    levels = list(takewhile(lambda part: role_of(part, INDICATOR_ROLES) in LEVEL_ROLES, parts))
    over = next((i for i, t in enumerate(top) if t and role_of(t, INDICATOR_ROLES) is None), None)
    if levels and over is not None and len(levels) < len(parts) and all(top) and len(parts) == len(below) \
            and not any(c.colspan > 1 for c in upper.cells):
        # Two groups, no spans and no blank cells (a web page's rows): the level words go under the upper cell
        # that names no column (绩效指标), the other parts under their own group (年度指标值 over 指标性质 | 指标值
        # | 度量单位).
        rest = column_paths(Row(upper.cells[over + 1:]), Row([Cell(part, 0) for part in parts[len(levels):]]))
        return top[:over] + [f"{top[over]}/{level}" for level in levels] + rest
    if len(below) == len(top) and packed_width(lower, len(top)) == len(below):
        # A full grid: cells merged across rows are blank or repeated in one of the two rows (a lower row packed
        # left and padded, its empty cells left out, is no grid: its parts go under their group).
        return [f"{t}/{b}" if t and b and t != b else (t or b) for t, b in zip(top, below)]
    group = next((i for i, cell in enumerate(upper.cells) if cell.colspan == len(parts) > 1), None)
    if group is None:
        # No spans in text: the parts belong under the one upper cell that is not itself a column of theirs.
        part_words = set(parts)
        group = next((i for i, t in enumerate(top) if t and t not in part_words and
                      any(t in p or p in t for p in parts)), None)
    if group is None:
        group = next((i for i, t in enumerate(top) if "指标值" in t or "目标" in t), None)
    if group is None:
        return top
    return top[:group] + [f"{top[group]}/{part}" for part in parts] + top[group + 1:]


def key_of(text: str) -> str:
    """A head label as HEADER_KEYS spells it: without its colon or its bracketed suffix (计划投资额 (万元)：)."""
    return KEY_SUFFIX.sub("", text.rstrip(":：")).rstrip()


def is_head_label(text: str) -> bool:
    """A head cell that names a value rather than holds one: a label (主管部门, 项目负责人及电话) or a key–value cell
    (金额单位:万元). A label left blank is followed by one of these, never by its value."""
    return key_of(text) in HEADER_KEYS or bool(KEY_VALUE.match(text) or HEAD_LABEL.search(text))


def without_unit_note(value: str) -> str:
    """A head value without the amounts' unit note a copy ran into it (石鼓区市场监督管理局资金单位:万元)."""
    noted = UNIT_NOTE.search(value)
    return value[:noted.start()] if noted else value


def header_values(row: Row) -> dict[str, str]:
    """Key–value cells of a head row: {"total_score": "85.5", "money_unit": "元", ...}."""
    texts = [normalize_text(t) for t in row.texts()]
    found: dict[str, str] = {}
    for index, text in enumerate(texts):
        noted = UNIT_NOTE.search(text)
        if noted:
            found.setdefault("money_unit", noted.group("unit"))
        match = KEY_VALUE.match(text)
        if match:
            key, value = HEADER_KEYS[match.group("key")], match.group("value")
        elif key_of(text) in HEADER_KEYS:
            following = next((t for t in texts[index + 1:] if t), "")
            if not following or is_head_label(following):
                continue
            key, value = HEADER_KEYS[key_of(text)], following
        else:
            continue
        label = match.group("key") if match else key_of(text)
        if "/" in label and value.count("/") == label.count("/"):
            value = value.split("/")[0]  # "实施单位/项目负责人" | "原州区农技中心/杨勃兴": the first label's value first
        if key == "money_unit":
            # The unit the value opens with: a copy may run the next cells into it ("元主管部门…1.96万元…").
            value = next((unit for unit in MONEY_UNITS if value.startswith(unit)), "")
        else:
            value = without_unit_note(value)
        if key in UNIT_ROLES:
            named = NAME_WORDS.search(value) and not any(label in value for label in UNIT_LABELS)
            value = UNIT_CODE.sub("", value) if named else ""
        if value:
            found.setdefault(key, value)
    return found
