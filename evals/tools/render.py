"""Render gold-labelled tables into every format a report arrives in, for `selfeval eval --formats DIR`.

    python evals/tools/render.py OUT [--field /work/wt/fieldA/evals/field ...] [--formats docx,xlsx,...]

Sources: the five samples (their tables as printed in evals/samples, in Hunan's layout) and field-set
tables ({split}/{id}.json GoldReports with "header_rows"), each drawn in its OWN province's header
layout from its gold labels. Writes OUT/{format}/{id}.{ext} and OUT/gold/{id}.json (the labels,
unchanged). Formats: txt (tab layout), docx and xlsx (real merged cells), tsv (the workbook's cells copied as text,
as Calc writes them: a cell with a line break quoted), html (rowspan/colspan), mhtml (that page saved as one file by
chromium), browser (that page copied out of chromium), browser-word (the docx saved as a web page by LibreOffice, a
<p> in every cell as Word writes it, copied out of chromium), pdf and doc (LibreOffice from the docx), pdftext (the
PDF's text as pdftotext -layout prints it), scan (pdftoppm pages → image-only PDF) and scan-rotated (each page turned
0.6° with speckle noise).
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.document import TableBlock  # noqa: E402
from assistant.ingest.text import lines_of  # noqa: E402
from assistant.layout import parse_text  # noqa: E402

FORMATS = ("txt", "docx", "xlsx", "tsv", "html", "mhtml", "browser", "browser-word", "pdf", "pdftext", "doc", "scan", "scan-rotated")
CHROMIUM = Path("/usr/bin/chromium")
SPLIT_TARGET = re.compile(r"^([≥≤=＝﹦<>≧≦]*)\s*([-\d.]+)\s*([^\d\s]*)$")  # a unit has no figure (2022年12月31日前 stays whole)


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1

    def __post_init__(self) -> None:
        self.text = self.text or ""  # a null gold value prints as an empty cell


@dataclass
class Sheet:
    """One document to render: paragraphs and tables in order (a table is a list of rows of Cells or None,
    None standing for a position covered by a merge)."""

    items: list = field(default_factory=list)

    def paragraph(self, text: str) -> None:
        self.items.append(text)

    def table(self, rows: list[list[Cell]]) -> None:
        self.items.append(rows)


# ---------------------------------------------------------------- the samples: Hunan tables as printed

def padded(rows: list[list[Cell | None]]) -> list[list[Cell | None]]:
    """Every row reaching the table's width: a short row's last cell spans the rest, up to a cell merged down into
    the row from above (a stacked header's 权重 beside 指标性质 | 指标值 | 度量单位)."""
    grid = placed(rows)
    width = max(c + cell.colspan for row in grid for c, cell in row)
    covered = {(r + i, c + j) for r, row in enumerate(grid) for c, cell in row
               for i in range(cell.rowspan) for j in range(cell.colspan)}
    for r, row in enumerate(grid):
        if row:
            c, last = row[-1]
            end = c + last.colspan
            while end < width and (r, end) not in covered:
                end += 1
            last.colspan = end - c
    return rows


def sample_sheet(text: str) -> Sheet:
    """The sample's paragraphs and tables, cells as printed (split by the text layout reader); a short row's
    last cell spans to the table width, an empty first-column cell below a name is merged into it."""
    sheet = Sheet()
    for block in parse_text(lines_of(text)):
        if not isinstance(block, TableBlock):
            sheet.paragraph(block.text)
            continue
        sheet.table(padded(merge_down([[Cell(cell.text) for cell in row.cells] for row in block.rows], column=0)))
    return sheet


def merge_down(rows: list[list[Cell]], column: int) -> list[list[Cell]]:
    """Empty cells under a named cell in `column` become a vertical merge with it (both must span alike)."""
    anchor = None
    for row in rows:
        cell = row[column] if len(row) > column else None
        if cell is not None and not cell.text and anchor is not None and cell.colspan == anchor.colspan:
            anchor.rowspan += 1
            row[column] = None
        else:
            anchor = cell if cell is not None and cell.text else None
    return rows


# ---------------------------------------------------------------- the field set: each province's layout

INDICATOR_ROLES = [  # header text → gold field (first match wins; order matters)
    (re.compile(r"得分计算|得分系数|核心|性质$|方向|备注"), None),
    (re.compile(r"^评价内容$"), "levels"),  # one head over the 一级 and 二级 columns (Ningde: 产出目标 | 数量目标)
    # (a copy that keeps a cell's first line only: 一级 for 一级 / 指标)
    (re.compile(r"一级指标|^项目$|^分解目标$|^一级$"), "level1"), (re.compile(r"二级指标|考核内容|^二级$"), "level2"),
    (re.compile(r"三级指标|指标名称|绩效内容|考核指标|^三级$"), "level3"),
    (re.compile(r"度量单位|计量单位"), "unit"),
    # 指标说明及评分标准 (Anhui) is the scoring rule, 指标说明 alone the explanation.
    (re.compile(r"计分标准|评分标准"), "criteria"), (re.compile(r"指标解释|指标说明"), "explanation"),
    (re.compile(r"完成率"), "completion_rate"),
    (re.compile(r"完成值|实际值|完成指标值|实际完成|实施进度"), "actual"),
    (re.compile(r"指标值|目标值|工作目标"), "target"),
    (re.compile(r"原因|改进"), "deviation_note"),
    # Hubei: 自评分 | 复核分; Anhui's 农村公益事业 sheet: 县级评分 | 市级评分 (the city's, left empty by the county)
    (re.compile(r"分值|权重|权数"), "weight"), (re.compile(r"^市级评分$"), None),
    (re.compile(r"得分|^自评分$|评分$"), "score"),
]
FUND_ROLES = [
    # 得分(20分*执行率) is the score, 执行率权重 the weight, 执行率得分(分) the score (Chongqing).
    (re.compile(r"得分计算|原因"), None), (re.compile(r"得分"), "score"), (re.compile(r"权重$"), "weight"),
    # Ningde's budget parts: 年初部门预算安排金额 | 历年结余结转 | 年中调整金额 | 小计 ‖ 年度拨付金额 | 支出实现率 ‖ 结余
    (re.compile(r"年初(?:部门)?预算"), "initial_budget"), (re.compile(r"结余结转"), "carryover"),
    (re.compile(r"调整金额"), "adjustment"), (re.compile(r"预算数|调整|^小计|^合计"), "full_year_budget"),
    (re.compile(r"执行数|拨付金额"), "executed"), (re.compile(r"执行率|实现率"), "execution_rate"),
    (re.compile(r"结余金额"), "balance"), (re.compile(r"结余率"), "balance_rate"),
    (re.compile(r"分值|权重"), "weight"), (re.compile(r"得分"), "score"),
]
PERCENT_FUND_ROLES = ("execution_rate", "balance_rate")
FUND_CELL_ROLES = [  # funds printed as label–value cells in a head (Hainan: 计划投资额(万元) | 570 | 实际到位资金 …;
    # Zhejiang: 计划安排资金(万元) | 299.4 | 实际到位资金(万元) | 299.4, then 实际支出(万元) | 299.4)
    (re.compile(r"^计划(?:投资额|安排资金)"), "full_year_budget"), (re.compile(r"^实际到位资金"), "received"),
    (re.compile(r"^实际(?:使用|支出)"), "executed"),
]
# A part's row under label–value funds cells: its planned amount, then what was received (Zhejiang: 其中:中央财政 |
# 10 | 其中:中央财政 | 10).
PART_CELL_ROLES = ("full_year_budget", "received")
NAME_LABEL = re.compile(r"^(项目名称|专项(?:资金)?名称|部门|(?:评价)?部门名称|部门[(（]单位[)）]名称|政策[(（]项目[)）]名称|转移支付(?:[(（]项目[)）])?名称)$")
SCORE_LABEL = re.compile(r"^自评(?:总分|得分)(?:[(（]分[)）])?:?$")
UNIT_LABEL = re.compile(r"^(?:项目)?(?:实施|预算|填报|资金使用)?单位(?:名称)?(?:[(（]盖章[)）])?$")

# Blank official forms other provinces fill in (evals/field/TEMPLATES.md has their sources and what each prints):
# one table's header rows, to draw any gold table in that form with `in_template`.
REGION_HEAD = [["转移支付名称", ""], ["中央主管部门", ""], ["地方主管部门", "", "资金使用单位", ""]]
TEMPLATES = {
    # 中央对地方转移支付区域绩效自评表 (财政部): no 分值 or 得分 anywhere.
    "region-central-transfer": [
        *REGION_HEAD,
        ["资金情况(万元)", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"]],
    # The same form as provinces score it: 分值 and 得分 beside the funds and every indicator.
    "region-central-transfer-scored": [
        *REGION_HEAD,
        ["资金情况(万元)", "", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "分值", "得分",
         "未完成原因和改进措施"]],
    # Scored by 得分 alone, the 分值 left to the scoring rules (as Yunnan's and Hubei's forms print it).
    "region-central-transfer-score-only": [
        *REGION_HEAD,
        ["资金情况(万元)", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", "得分"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "得分", "未完成原因和改进措施"]],
    # A county's reprint (衡山县 2020 县级专项资金绩效目标自评表): its own words for the same rows.
    "county-special-fund": [
        ["专项资金名称", "", "负责人及电话", ""], ["县级主管部门", "", "实施单位", ""],
        ["项目资金(万元)", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"],
        ["年度总体目标", "年初设定目标", "全年实际完成情况"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"]],
    # 四川省 2017 项目支出绩效评价得分表: levels, 分值, 得分 only.
    "sichuan-2017-score-sheet": [["一级指标", "二级指标", "三级指标", "分值", "得分"]],
    # The same sheet as a department publishes it blank: names and 分值 printed, every 得分 cell empty.
    "sichuan-2017-score-sheet-blank": [["一级指标", "二级指标", "三级指标", "分值", "得分"]],
    # 安徽 寿县 部门整体 score sheet (evals/field/SOURCES-C.md): two text columns between 分值 and 自评得分.
    "anhui-dept-score-sheet": [["序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "指标说明及评分标准",
                                "自评得分"]],
    # 湖北 / 云南 20/80 form (TEMPLATES.md, Hubei's 项目自评表): 预算执行 scored 20分×执行率, indicators scored by
    # 得分 alone against 年初目标值(A).
    "yunnan-20-80-score-only": [
        ["项目名称", "", "主管部门", "", "项目实施单位", ""],
        ["预算执行情况(万元)(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]],
    # 济南 2019 项目支出绩效自评表 (evals/field/SOURCES-B.md; words as Beijing 2016's dev copy prints the same
    # form): 年初预算数(A) the only budget, a 得分计算方法 column beside the funds and every indicator.
    "jinan-2019-method-column": [
        ["项目名称", ""], ["主管部门及代码", "", "实施单位", ""],
        ["项目资金(万元)", "", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "执行率(B/A)", "得分", "得分计算方法"],
        ["年度总体目标", "年初设定目标", "年度总体目标完成情况综述"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分计算方法", "得分",
         "未完成原因分析"]],
}
# Forms whose one budget column is the 年初预算数(A): the budget the labels give goes there.
INITIAL_BUDGET_ONLY = ("jinan-2019-method-column",)
# Forms that print the funds block's 分值 in its head (预算执行情况(万元)(20分)): the funds total's weight.
HEAD_FUNDS_WEIGHT = {"yunnan-20-80-score-only": 20}
# Project forms (a 项目名称 cell): a department's table drawn in one is a project's table.
PROJECT_FORMS = ("yunnan-20-80-score-only", "jinan-2019-method-column")


def role(header: str, roles) -> str | None:
    for pattern, name in roles:
        if pattern.search(header):
            return name
    return None


def number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


# Hubei's score sheet scores 项目决策 and 项目管理 in a section of its own above the indicators: 项目权重 (the 一级,
# printed with its points: 项目决策2分) | 评价内容 (the indicator) | 分值 | 自评分 | 复核分 | 评价标准及依据.
WEIGHTED_SECTION = ("项目权重", "评价内容")


def section(header: list[str]) -> str:
    joined = "".join(header)
    if re.search(r"一级指标|三级指标|指标名称|绩效内容|考核指标", joined) or tuple(header[:2]) == WEIGHTED_SECTION:
        return "indicators"
    if re.search(r"预算数|执行数|拨付", joined):
        return "funds"
    if "目标" in joined:
        return "goals"
    return "info"


SCORE_HEAD = re.compile(r"^(?:分值|评分|得分)$")  # a score column's word printed under the upper row's


def flattened(headers: list[list[str]]) -> list[list[str]]:
    """A two-row indicator header (年度指标值 over 指标性质/指标值/度量单位, or 绩效指标 over 一级/二级/三级指标)
    as one row of column names."""
    result, skip = [], False
    for index, header in enumerate(headers):
        if skip:
            skip = False
            continue
        below = headers[index + 1] if index + 1 < len(headers) else []
        spanning = [i for i, h in enumerate(header) if "指标值" in h] or [i for i, h in enumerate(header) if h == "绩效指标"]
        if "一级指标" in header and 0 < len(below) < len(header) and all(SCORE_HEAD.search(h) for h in below):
            # (the score columns' words over two rows, the lower under the upper's last: 指标 | 县级 over 分值 | 评分)
            at = len(header) - len(below)
            result.append([*header[:at], *(h + b for h, b in zip(header[at:], below))])
            skip = True
            continue
        if below[:1] == ["一级指标"] and "一级指标" not in header and spanning:
            at = spanning[0]
            levels = [h for h in below if "级指标" in h]
            parts = [h for h in below if "级指标" not in h]
            result.append([*header[:at], *levels, *parts, *header[at + 1:]])
            skip = True
            continue
        result.append(header)
    return result


def split_target(target: str, columns: list[str | None]) -> dict[str, str]:
    """A target over 指标性质 / 指标值 / 度量单位 columns, as a template with split columns prints it."""
    match = SPLIT_TARGET.match(target or "")
    if "unit" in columns and match:
        return {"nature": match.group(1), "target": match.group(2), "unit": match.group(3)}
    return {"target": target or ""}


def stacked_target(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The header row with the target's parts (指标性质 | 指标值 | 度量单位) under one 年度指标值 cell: the other
    head cells reach one row further down."""
    names = [cell.text for cell in rows[0]]
    group, parts = TARGET_GROUP
    at = next((i for i in range(len(names)) if tuple(names[i:i + len(parts)]) == parts), None)
    if at is None:
        return rows
    upper = [Cell(cell.text, cell.colspan, cell.rowspan + 1) for cell in rows[0][:at]]
    upper += [Cell(group, colspan=len(parts))]
    upper += [Cell(cell.text, cell.colspan, cell.rowspan + 1) for cell in rows[0][at + len(parts):]]
    lower = [None] * at + [Cell(part) for part in parts] + [None] * (len(names) - at - len(parts))
    return [upper, lower, *rows[1:]]


def indicator_rows(header: list[str], table: dict) -> list[list[Cell]]:
    if tuple(header[:2]) == WEIGHTED_SECTION:
        return weighted_section_rows(header, table)
    leading = role(header[0], INDICATOR_ROLES) is None  # a section label column (绩效指标, 年度绩效目标(80分))
    roles_named = [role(name, INDICATOR_ROLES) for name in header]
    if "level2" not in roles_named and "levels" not in roles_named and {"level1", "level3"} <= set(roles_named) \
            and any(indicator.get("level2") for indicator in table.get("indicators", [])):
        # (a header that leaves the 二级指标 word out over a column its rows fill: an empty head cell)
        at = roles_named.index("level1") + 1
        header = [*header[:at], "", *header[at:]]
    names = header[1:] if leading else header
    columns, natures = [], []
    for name in names:
        if re.search(r"性质$|方向", name):
            natures.append(len(columns))
        named = role(name, INDICATOR_ROLES) if name or columns[-1:] != ["level1"] else "level2"
        if named == "weight" and columns[-1:] == ["level1"]:
            named = "level1_weight"  # a 一级指标's own points beside it (Jiangxi: 分解目标 | 自评权重)
        columns += ["level1", "level2"] if named == "levels" else [named]
    rows = [[Cell(name, colspan=2 if role(name, INDICATOR_ROLES) == "levels" else 1) for name in header]]
    numbered = header[0] == "序号"  # a row number column (Anhui's score sheet) rather than a section label
    points = level1_points(table)
    level1_weights = points if table.get("weighted_levels") else {}
    numeric = ("weight", "level1_weight", "score")
    for number_printed, indicator in enumerate(table.get("indicators", []), start=1):
        values = dict(indicator, level1_weight=points.get(indicator.get("level1")))
        if values.get("level1") in level1_weights:
            values["level1"] = f"{values['level1']}({number(level1_weights[values['level1']])}分)"
        values.update(split_target(indicator.get("target"), columns))
        cells = [Cell(number(values.get(c)) if c in numeric else (values.get(c) or "") if c else "")
                 for c in columns]
        for i in natures:
            cells[i] = Cell(values.get("nature", ""))
        rows.append(([Cell(str(number_printed) if numbered else "")] if leading else []) + cells)
    if table.get("total_row", True) and (table.get("total_weight") is not None or table.get("total_score") is not None):
        total = [Cell("") for _ in columns]
        total[0] = Cell("总分")
        for i, c in enumerate(columns):
            if c == "weight" and table.get("total_weight") is not None:
                total[i] = Cell(number(table["total_weight"]))
            if c == "score" and table.get("total_score") is not None:
                total[i] = Cell(number(table["total_score"]))
        rows.append(([Cell("")] if leading else []) + total)
    if leading and not numbered:
        rows = merge_down(rows, 0)
    if table.get("merged_levels"):
        # A level whose 分值 stands in the column after it (四川 2017, 海南: 一级指标 | 分值 | 二级指标 | 分值) is left
        # as drawn: its points, one a row, are the rows' own.
        offset = 1 if leading else 0
        levels = [columns.index(level) for level in ("level1", "level2") if level in columns]
        rows = merged_levels(rows, [offset + at for at in levels if columns[at + 1:at + 2] != ["weight"]])
    return stacked_target(rows) if table.get("stacked_target") else rows


def weighted_section_rows(header: list[str], table: dict) -> list[list[Cell]]:
    """The rows with no 二级指标 (`field_sheet` sets them apart) under Hubei's 项目权重 | 评价内容 head, each 一级 with
    its points (项目管理13分) merged down over its rows."""
    points = level1_points({"indicators": table["weighted_section"], "level1_weights": table.get("level1_weights")})
    rows = [[Cell(name) for name in header]]
    for indicator in table["weighted_section"]:
        level1 = indicator.get("level1") or ""
        level = f"{level1}{number(points[level1])}分" if points.get(level1) is not None else level1
        texts = [level, indicator.get("level3") or "", number(indicator.get("weight")), number(indicator.get("score"))]
        rows.append([Cell(text) for text in texts] + [Cell("") for _ in header[len(texts):]])
    return merged_levels(rows, [0])


def merged_levels(rows: list[list[Cell]], levels: list[int]) -> list[list[Cell]]:
    """The level names as most forms print them: a 一级 (then a 二级 within it) that the rows below repeat is one
    cell merged down over them, printed once."""
    anchors: list[Cell | None] = [None for _ in levels]
    keys: list[tuple[str, ...] | None] = [None for _ in levels]
    for row in rows[1:]:
        for depth, column in enumerate(levels):
            cell = row[column] if column < len(row) else None
            if cell is None:
                continue
            key = tuple(anchor.text if anchor else "" for anchor in anchors[:depth]) + (cell.text,)
            if cell.text and key == keys[depth] and anchors[depth] is not None \
                    and cell.colspan == anchors[depth].colspan:
                anchors[depth].rowspan += 1
                row[column] = None
            else:
                anchors[depth], keys[depth] = (cell, key) if cell.text else (None, None)
                for deeper in range(depth + 1, len(levels)):
                    keys[deeper] = None
    return rows


def level1_points(table: dict) -> dict:
    """Each 一级指标's points, as a form prints them in its name: the labelled ones, else the sum of its rows' 分值."""
    points: dict = {}
    for row in table.get("indicators", []):
        if row.get("level1") and row.get("weight") is not None:
            points[row["level1"]] = points.get(row["level1"], 0) + row["weight"]
    return {**points, **(table.get("level1_weights") or {})}


def fund_rows(header: list[str], table: dict, groups: list[str] | None = None) -> list[list[Cell]]:
    # The row labels (总额, 财政资金 …) sit under an empty cell, a 总额 cell, a 来源 cell (Hubei's score sheet: 项目资金 |
    # 来源 | 中央(万元) | … | 合计(万元) | 执行数(万元) | 执行率; Guizhou's 部门(单位)总体资金(万元) | 资金来源 | 年初预算数(A)),
    # or a cell naming the block and its unit (Sichuan's 年度预算数(万元) above 年初预算 / 调整后预算数).
    has_label_column = len(header) > 1 and (header[1] in ("", "来源", "资金来源") or "总额" in header[1]
                                            or re.search(r"[（(](?:万元|元)[)）]$", header[1]) is not None)
    head = header if has_label_column else [header[0], "", *header[1:]]
    columns = [role(name, FUND_ROLES) for name in head[2:]]
    rows = [[Cell(name) for name in head]] if groups is None else group_header(groups, head[2:])
    for line in fund_lines_in_order(table):
        cells = []
        for c in columns:
            value = line.get(c) if c else None
            cells.append(Cell(f"{number(value)}%" if c in PERCENT_FUND_ROLES and value is not None else number(value)))
        rows.append([Cell(""), Cell(line["label"]), *cells])
    return merge_down(rows, 0)


def fund_lines_in_order(table: dict) -> list[dict]:
    """The funds rows as printed: the total first and its parts under 其中, or, when the gold labels carry
    their lines, in line order (Ningde prints 财政资金小计 … and its 合计 row last)."""
    total = [table["funds_total"]] if table.get("funds_total") else []
    lines = table.get("fund_lines", [])
    if all(line.get("line") for line in total + lines) and total and lines and total[0]["line"] > lines[0]["line"]:
        return sorted(total + lines, key=lambda line: line["line"])
    return total + [dict(line, label=f"其中：{line['label']}") for line in lines]


def group_header(groups: list[str], parts: list[str]) -> list[list[Cell | None]]:
    """A funds head printed in two rows: the block's label and the row-label head span both, each group
    (预算安排, 拨付情况, 结余情况) spans its parts — from the first part sharing two characters with it, looked
    for after the previous group's first part, to the next group's."""
    named = [g for g in groups[2:] if g]
    starts, at = [], 0
    for group in named:
        words = {group[i:i + 2] for i in range(len(group) - 1)}
        at = next((i for i in range(at, len(parts)) if any(w in parts[i] for w in words)), at)
        starts.append(at)
        at += 1
    ends = starts[1:] + [len(parts)]
    upper = [Cell(groups[0]), Cell(groups[1], rowspan=2)]
    upper += [Cell(group, colspan=max(1, end - start)) for group, start, end in zip(named, starts, ends)]
    return [upper, [Cell(""), None, *[Cell(part) for part in parts]]]


def goal_rows(header: list[str], table: dict) -> list[list[Cell]]:
    goals = table.get("goals") or {}
    values = [goals.get("expected") or "", goals.get("achieved") or ""]
    rows = [[Cell(name) for name in header]]
    if len(header) <= 2:  # the two columns are the goals themselves (Sichuan: 项目年度目标 | 年度目标完成情况)
        return rows + [[Cell(v) for v in values[:len(header)]]]
    # The achieved goal under the last column naming 完成, the expected one under the first naming a goal
    # without it (Chongqing: 年初绩效目标 | 全年(调整)绩效目标 | 全年目标实际完成情况; Daying 2023:
    # 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况).
    columns = header[1:]
    achieved = max((i for i, name in enumerate(columns) if "完成" in name), default=1)
    expected = next((i for i, name in enumerate(columns) if "目标" in name and "完成" not in name), 0)
    cells = [Cell(values[0] if i == expected else values[1] if i == achieved else "") for i in range(len(columns))]
    rows.append([Cell(""), *cells])
    return merge_down(rows, 0)


def info_rows(header: list[str], table: dict) -> list[list[Cell]]:
    """A head row's label–value cells: the project's name, its unit and its self-score filled in, as the published
    table had them. A label ending in its colon holds its value in its own cell (自评总分:95)."""
    cells, labels = [], [h for h in header if h]
    funds = table.get("funds_total") or {}
    parts = {line["label"]: line for line in table.get("fund_lines") or []}
    for index, label in enumerate(labels):
        part = parts.get(re.sub(r"^其中[:：]", "", label))
        value = table.get("name") if NAME_LABEL.match(label) else table.get("unit_name") if UNIT_LABEL.match(label) \
            else number(table.get("total_score")) if SCORE_LABEL.match(label) \
            else number(funds.get(role(label, FUND_CELL_ROLES))) if role(label, FUND_CELL_ROLES) \
            else number(part.get(PART_CELL_ROLES[min(index, 1)])) if part else ""
        cells += [Cell(f"{label}{value}")] if label.endswith(":") else [Cell(label), Cell(value or "")]
    return [cells]


def field_sheet(gold: dict) -> Sheet:
    sheet = Sheet()
    titles = "".join(table.get("title") or "" for table in gold.get("tables", []))
    if gold.get("year") and str(gold["year"]) not in titles:
        sheet.paragraph(f"（{gold['year']}年度）")  # the year line the templates print under their title
    headers_per_table = gold.get("header_rows") or []
    for index, table in enumerate(gold.get("tables", [])):
        headers = headers_per_table[index] if index < len(headers_per_table) else []
        if not headers and gold.get("template_header"):
            headers = gold["template_header"][min(index, len(gold["template_header"]) - 1)]
            if headers and isinstance(headers[0], str):  # one header row rather than a list of them
                headers = [headers]
        if table.get("title"):
            sheet.paragraph(table["title"])
        rows: list[list[Cell]] = []
        writers = {"indicators": indicator_rows, "funds": fund_rows, "goals": goal_rows, "info": info_rows}
        values = dict(table, unit_name=gold.get("unit_name"), stacked_target=gold.get("stacked_target"),
                      merged_levels=gold.get("merged_levels"))
        stacked = flattened(headers)
        if any(tuple(header[:2]) == WEIGHTED_SECTION for header in stacked):  # its rows drawn there, the rest below
            values["indicators"] = [row for row in table.get("indicators", []) if row.get("level2")]
            values["weighted_section"] = [row for row in table.get("indicators", []) if not row.get("level2")]
        for index, header in enumerate(stacked):
            below = stacked[index + 1] if index + 1 < len(stacked) else []
            if section(header) == "funds" and section(below) == "funds" and len(below) > len(header):
                continue  # the group row of a two-row funds head: drawn with its parts
            above = stacked[index - 1] if index else []
            if section(header) == "funds" and section(above) == "funds" and len(header) > len(above):
                rows += fund_rows(["", "", *header], values, groups=above)
                continue
            rows += writers[section(header)](header, values)
        if rows:
            sheet.table(padded(rows))
        sheet.paragraph("")
    return sheet


# The labels a form has no place for, per table (a form with no 分值 column prints no weights): (fields of the
# table, of its funds rows, of its indicators).
UNPRINTED = {
    "region-central-transfer": (("total_weight", "total_score"), ("initial_budget", "weight", "score"),
                                ("weight", "score")),
    "region-central-transfer-scored": ((), ("initial_budget",), ()),
    "region-central-transfer-score-only": (("total_weight",), ("initial_budget", "weight"), ("weight",)),
    "county-special-fund": (("total_weight", "total_score"), ("initial_budget", "weight", "score"),
                            ("weight", "score")),
    "sichuan-2017-score-sheet": (("name", "funds_total", "total_weight", "total_score"), (),
                                 ("target", "actual", "deviation_note")),
    "sichuan-2017-score-sheet-blank": (("name", "funds_total", "total_weight", "total_score"), (),
                                       ("target", "actual", "deviation_note", "score")),
    "anhui-dept-score-sheet": (("name", "funds_total", "total_weight", "total_score"), (),
                               ("target", "actual", "deviation_note")),
    "yunnan-20-80-score-only": (("total_weight",), ("initial_budget",), ("weight", "deviation_note")),
    "jinan-2019-method-column": ((), ("full_year_budget",), ()),
}


def printed_funds(line: dict, template: str) -> dict:
    """A funds row as the form prints it: its budget under the form's one budget column, what it has no column
    for left empty."""
    budget = {"initial_budget": line.get("initial_budget") or line.get("full_year_budget")} \
        if template in INITIAL_BUDGET_ONLY else {}
    return dict(line, **budget, **dict.fromkeys(UNPRINTED[template][1]))


def in_template(gold: dict, template: str) -> dict:
    """The gold labels as an official form (see TEMPLATES) prints them: every table under the form's header rows,
    the labels it has no place for left empty (the unit's name too, in a form with no 单位 cell), and what no form
    prints (a breakdown, score-sheet rows, a 基础数据表) dropped."""
    table_fields, fund_fields, indicator_fields = UNPRINTED[template]
    tables = []
    for table in gold.get("tables", []):
        if table.get("kind") == "basic_data":
            continue
        drawn = dict(table, breakdown={}, rows=[], **dict.fromkeys(table_fields))
        if template in PROJECT_FORMS:
            drawn["kind"] = "project"
        funds = [printed_funds(line, template) for line in [drawn.get("funds_total")] if line]
        if funds and template in HEAD_FUNDS_WEIGHT:
            funds[0]["weight"] = HEAD_FUNDS_WEIGHT[template]
        drawn["funds_total"] = funds[0] if funds else None
        drawn["fund_lines"] = [] if "funds_total" in table_fields else \
            [printed_funds(line, template) for line in table.get("fund_lines", [])]
        if "funds_total" in table_fields or not any(section(header) == "goals" for header in TEMPLATES[template]):
            drawn["goals"] = {"expected": None, "achieved": None}
        drawn["indicators"] = [dict(row, **dict.fromkeys(indicator_fields)) for row in table.get("indicators", [])]
        tables.append(drawn)
    unit_printed = any(UNIT_LABEL.match(word) for header in TEMPLATES[template] for word in header)
    return dict(gold, tables=tables, header_rows=[TEMPLATES[template] for _ in tables],
                unit_name=gold.get("unit_name") if unit_printed else None)


# A variant form: the scored national form with its indicator columns in a seeded order under words other forms
# print for them (TEMPLATES above, evals/field/TEMPLATES.md), the target split over two rows under 年度指标值 and a
# 备注 column no label fills. The level columns stay first. Further dimensions, each drawn from the seed on its own
# (so `dimensions=("columns",)` draws the forms seeds drew before them): the funds block's words, column order and
# row labels; the head's key–value cells (项目名称, 主管部门, 实施单位, 自评总分, 资金单位 万元 or 元); the indicator columns'
# words, from more forms (`words`); the indicator levels
# (only 指标名称 — a project's, or a titled department's —, the 一级 names with their points, or stage names).
VARIANT_BASE = "region-central-transfer-scored"
VARIANT_DIMENSIONS = ("columns", "funds", "head", "levels", "words")
INDICATOR_WORDS = {
    "level3": ("三级指标", "指标名称"),
    "actual": ("全年实际完成值", "全年完成值", "实际完成值(B)", "年终完成值", "全年实际值(B)"),
    "weight": ("分值", "权重", "指标分值"),
    "score": ("得分", "自评得分"),
    "deviation_note": ("未完成原因和改进措施", "未完成原因分析", "偏差大或目标未完成原因分析"),
}
# The indicator columns' words in more forms (Chongqing, Hubei's 广水 and 襄阳, Ningde, an unnamed 考评 sheet: see
# header_rows in evals/field/dev), one drawn for a column in two where a variant varies its words (广水's 自评分 is left
# out: the field set's drawing reads no score under it).
MORE_INDICATOR_WORDS = {
    "三级指标": ("指标名称(三级指标)", "指标名称"),
    "actual": ("年终完成值", "实际完成值", "完成值"),
    "weight": ("权数", "指标权重(分)", "指标分值"),
    "score": ("考评得分", "指标得分(分)"),
    "deviation_note": ("偏差原因分析及改进措施", "未完成原因及改进措施"),
}
TARGET_GROUP = ("年度指标值", ("指标性质", "指标值", "度量单位"))
UNNAMED_COLUMN = "备注"
# The funds block as forms print it: the block's label, the budget and execution words, and the order of 分值,
# 执行率 and 得分 (the national form's, Sichuan 2023's and Chongqing's).
FUNDS_LABELS = ("资金情况", "项目资金", "预算执行情况")
FUNDS_WORDS = {
    "initial_budget": ("年初预算数", "年初预算"),
    "full_year_budget": ("全年预算数(A)", "全年预算数", "调整后预算数", "预算数(A)", "全年(调整)预算数"),
    "executed": ("全年执行数(B)", "全年执行数", "预算执行数", "执行数(B)"),
    "weight": ("分值", "权重", "执行率权重", "分值(10分)"),
    "execution_rate": ("执行率(B/A)", "执行率", "预算执行率", "执行率(%)"),
    "score": ("得分", "执行率得分", "执行率得分(分)"),
}
FUNDS_ORDERS = (("weight", "execution_rate", "score"), ("execution_rate", "weight", "score"))
# The funds rows' labels, each as other forms print it (年度资金总额 / 总额; 当年财政拨款 / 本年财政拨款 / 财政资金 …).
FUND_LABEL_WORDS = {
    "年度资金总额": ("年度资金总额", "总额"),
    "当年财政拨款": ("当年财政拨款", "本年财政拨款", "财政拨款", "财政资金"),
    "本年财政拨款": ("当年财政拨款", "本年财政拨款", "财政拨款", "财政资金"),
    "上年结转资金": ("上年结转资金", "上年结转"),
}
# A project's head, as forms print it: its labels by row, a label's value left for `info_rows` to fill.
PROJECT_HEADS = (
    [["项目名称", ""], ["主管部门", "", "实施单位", ""]],
    [["项目名称", "", "主管部门", "", "项目实施单位", ""]],
    [["项目名称", "", "项目负责人及电话", ""], ["主管部门", "", "实施单位", ""]],
    [["项目名称", "", "项目主管单位", "", "自评总分:"], ["项目实施单位", "", "项目负责人", ""]],
    [["项目名称", ""], ["主管部门", "", "实施单位", "", "自评总分(分)", ""]],
)
# A department's table names the department (Guizhou's and Chongqing's heads): the unit's name where the labels
# give the table none.
DEPARTMENT_HEADS = (
    [["部门(单位)名称", "", "主管部门", ""]],
    [["部门(单位)名称", ""], ["主管部门", "", "自评总分:"]],
    [["部门(单位)名称", ""], ["主管部门", "", "自评总分(分)", ""]],
)
# The self-score printed in the head: in the label's cell, or in the next; a form printing it so has no 总分 row
# (Chongqing's), so the 分值 total is printed nowhere. (A head given a 自评得分 cell below keeps its 总分 row.)
SCORE_LABELS = ("自评总分:", "自评总分(分)")
MONEY_UNITS = {"万元": 1, "元": 10000}
MONEY_FIELDS = ("initial_budget", "full_year_budget", "executed")
# How the indicator levels are printed: 一级 / 二级 / 三级 names, only 指标名称 (Chongqing), the 一级 names with their
# points (产出指标(50分)), or the stage names a scoring model prints for them.
LEVEL_FORMS = ("levels", "named_only", "weighted", "stages")
STAGE_NAMES = {"产出指标": "项目绩效", "效益指标": "项目绩效"}  # as Sichuan's 2017 sheet and Hainan's print them


def variant_indicator_header(rng: random.Random) -> list[str]:
    columns = [list(TARGET_GROUP[1]), [UNNAMED_COLUMN]]
    columns += [[rng.choice(INDICATOR_WORDS[name])] for name in ("actual", "weight", "score", "deviation_note")]
    rng.shuffle(columns)
    return ["绩效指标", "一级指标", "二级指标", rng.choice(INDICATOR_WORDS["level3"]), *sum(columns, [])]


def in_more_words(header: list[str], rng: random.Random) -> list[str]:
    """The indicator header with every other column's word drawn from the words more forms print for it."""
    roles = {word: name for name, words in INDICATOR_WORDS.items() for word in words}
    words = []
    for word in header:
        more = MORE_INDICATOR_WORDS.get(word) or MORE_INDICATOR_WORDS.get(roles.get(word, ""))
        words.append(rng.choice(more) if more and rng.random() < 0.5 else word)
    return words


def variant_funds_header(rng: random.Random, unit: str, initial: bool) -> list[str]:
    parts = ["initial_budget"] * initial + ["full_year_budget", "executed", *rng.choice(FUNDS_ORDERS)]
    return [f"{rng.choice(FUNDS_LABELS)}({unit})", "", *(rng.choice(FUNDS_WORDS[part]) for part in parts)]


def variant_funds(drawn: dict, table: dict, rng: random.Random, initial: bool) -> dict:
    """The table's funds rows relabelled as another form prints them, with the 年初预算 the gold labels give where
    the form prints it."""
    budgets = {line.get("label"): line.get("initial_budget")
               for line in [table.get("funds_total"), *table.get("fund_lines", [])] if line}

    def printed(line: dict) -> dict:
        label = rng.choice(FUND_LABEL_WORDS.get(line["label"], (line["label"],)))
        return dict(line, label=label, initial_budget=budgets.get(line["label"]) if initial else None)
    total = drawn.get("funds_total")
    return dict(drawn, funds_total=printed(total) if total else None,
                fund_lines=[printed(line) for line in drawn.get("fund_lines", [])])


def amounts_unit(table: dict) -> str:
    """The unit the gold labels give a table's sums of money in (a label may note a unit printed wrongly)."""
    printed = table.get("money_unit") or "万元"
    return "元" if printed == "元" or "amounts are in 元" in printed else "万元"


def in_money_unit(drawn: dict, unit: str) -> dict:
    """The table's sums of money in `unit`."""
    scale = MONEY_UNITS[unit] / MONEY_UNITS[amounts_unit(drawn)]

    def scaled(line: dict) -> dict:
        return dict(line, **{name: round(line[name] * scale, 6) for name in MONEY_FIELDS if line.get(name) is not None})
    total = drawn.get("funds_total")
    return dict(drawn, funds_total=scaled(total) if total else None, money_unit=unit,
                fund_lines=[scaled(line) for line in drawn.get("fund_lines", [])])


def variant_levels(drawn: dict, form: str) -> dict:
    """The indicators as a form with these levels prints them: no 一级 or 二级 names where it has only 指标名称,
    stage names for the 一级 where it prints them."""
    if form == "named_only":
        rows = [dict(row, level1=None, level2=None) for row in drawn["indicators"]]
    elif form == "stages":
        rows = [dict(row, level1=STAGE_NAMES.get(row.get("level1"), row.get("level1"))) for row in drawn["indicators"]]
    else:
        rows = drawn["indicators"]
    return dict(drawn, indicators=rows, weighted_levels=form == "weighted")


def in_variant_form(gold: dict, seed: int, dimensions: tuple[str, ...] = VARIANT_DIMENSIONS) -> dict:
    """The gold labels in a variant of the scored national form (see VARIANT_BASE), one form per table drawn from
    `seed` in each of `dimensions` (the others as the base form prints them)."""
    drawn = in_template(gold, VARIANT_BASE)
    key = f"{seed}:{gold.get('id') or ''}"
    rng = random.Random(key)
    pick = {name: random.Random(f"{key}:{name}") for name in VARIANT_DIMENSIONS[1:]}
    base = TEMPLATES[VARIANT_BASE]
    tables, heads = [], []
    for labelled, table in zip([t for t in gold.get("tables", []) if t.get("kind") != "basic_data"], drawn["tables"]):
        indicators = variant_indicator_header(rng) if "columns" in dimensions else base[-1]
        head, funds, unit = base[:3], base[3], amounts_unit(labelled)
        if "head" in dimensions:
            department = table.get("kind") == "department_overall"
            head = [list(row) for row in pick["head"].choice(DEPARTMENT_HEADS if department else PROJECT_HEADS)]
            if department:
                table = dict(table, name=table.get("name") or gold.get("unit_name"))
            unit = pick["head"].choice(tuple(MONEY_UNITS))
            head[0].append(f"{pick['head'].choice(('资金单位', '金额单位'))}:{unit}")
            if any(label in row for row in head for label in SCORE_LABELS):
                table = dict(table, total_weight=None, total_row=False)
            elif pick["head"].random() < 0.5:
                head[-1] += ["自评得分", ""]
            table = in_money_unit(table, unit)
            funds = [f"资金情况({unit})", *funds[1:]]
        if "funds" in dimensions:
            initial = pick["funds"].random() < 0.5
            funds = variant_funds_header(pick["funds"], unit, initial)
            table = variant_funds(table, in_money_unit(labelled, unit), pick["funds"], initial)
        if "levels" in dimensions:
            form = pick["levels"].choice(LEVEL_FORMS)
            if form == "named_only" and table.get("kind") == "department_overall" and not table.get("title"):
                form = "levels"  # its level names (部门预算管理) are all that tells a department's table from a project's
            table = variant_levels(table, form)
            if form == "named_only":
                indicators = ["绩效指标", "指标名称", *indicators[4:]]
        if "words" in dimensions:
            indicators = in_more_words(indicators, pick["words"])
        tables.append(table)
        heads.append([*head, funds, base[4], indicators])
    return dict(drawn, tables=tables, header_rows=heads, stacked_target=True)


def placed(rows: list[list[Cell | None]]) -> list[list[tuple[int, Cell]]]:
    """Each row's cells with their grid column, skipping positions covered by a merge from above."""
    taken: set[tuple[int, int]] = set()
    result = []
    for r, row in enumerate(rows):
        c, out = 0, []
        for cell in row:
            while (r, c) in taken:
                c += 1
            if cell is None:  # its position is taken by the merge above
                continue
            out.append((c, cell))
            taken |= {(r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
            c += cell.colspan
        result.append(out)
    return result


def write_txt(sheet: Sheet, path: Path) -> None:
    lines = []
    for item in sheet.items:
        if isinstance(item, str):
            lines.append(item)
            continue
        for row in item:
            lines += ["\t" + (cell.text if cell else "").replace("\n", " ") for cell in row] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_docx(sheet: Sheet, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for item in sheet.items:
        if isinstance(item, str):
            document.add_paragraph(item)
            continue
        grid = placed(item)
        width = max((c + cell.colspan for row in grid for c, cell in row), default=1)
        table = document.add_table(rows=len(item), cols=width)
        table.style = "Table Grid"
        for row in table.rows:  # a row kept whole on its page, as templates set it
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for r, row in enumerate(grid):
            for c, cell in row:
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                target.text = cell.text
    if sheet.items and not isinstance(sheet.items[-1], str):
        # Word always ends a document with a paragraph; without one LibreOffice's DOC export drops a final table.
        document.add_paragraph()
    document.save(path)


def write_xlsx(sheet: Sheet, path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "自评表"
    r0 = 1
    for item in sheet.items:
        if isinstance(item, str):
            if item:
                ws.cell(r0, 1, item)
            r0 += 1
            continue
        for r, row in enumerate(placed(item)):
            for c, cell in row:
                target = ws.cell(r0 + r, c + 1, typed(cell.text))
                if cell.text.startswith("="):
                    target.data_type = "s"  # a target "=100%" typed as text, as a department's workbook has it
                target.alignment = Alignment(wrap_text=True)
                if cell.rowspan > 1 or cell.colspan > 1:
                    ws.merge_cells(start_row=r0 + r, start_column=c + 1,
                                   end_row=r0 + r + cell.rowspan - 1, end_column=c + cell.colspan)
        r0 += len(item) + 1
    book.save(path)


def typed(text: str):
    """Numbers as numbers (as a department's workbook has them), percents with a % format kept as text."""
    if re.fullmatch(r"-?\d+(\.\d+)?", text or ""):
        value = float(text)
        return int(value) if value.is_integer() and "." not in text else value
    return text


def write_html(sheet: Sheet, path: Path) -> None:
    from html import escape

    parts = ['<!DOCTYPE html><html><head><meta charset="gbk"><title>绩效自评表</title></head><body>']
    for item in sheet.items:
        if isinstance(item, str):
            parts.append(f"<p>{escape(item)}</p>")
            continue
        parts.append('<table border="1" cellspacing="0">')
        for row in item:
            cells = "".join(f'<td rowspan="{c.rowspan}" colspan="{c.colspan}">{escape(c.text).replace(chr(10), "<br>")}</td>'
                            for c in row if c is not None)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode("gb18030"))


def write_from_browser(out: Path, formats: tuple[str, ...]) -> None:
    """Each rendered page as chromium keeps it: "browser", what a reviewer copies out of out/html (select all,
    copy = innerText: a TAB between a row's cells, a line break inside a cell where the cell breaks (<br>), a merged
    cell printed once, in its first row); "mhtml", that page saved as one file (网页，单个文件); "browser-word", the
    clipboard's text copied out of the Word-made page (out/word-html: a <p> in every cell), which differs from its
    innerText: no TAB, each cell a paragraph, a blank line between cells and rows alike, an empty cell an empty
    paragraph, a merged cell printed once."""
    from playwright.sync_api import sync_playwright

    kinds = [kind for kind in ("browser", "mhtml", "browser-word") if kind in formats]
    for kind in kinds:
        (out / kind).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        snapshots = context.new_cdp_session(page)
        for path in sorted((out / "html").glob("*.html")) if {"browser", "mhtml"} & set(kinds) else []:
            page.goto(path.resolve().as_uri())
            if "browser" in kinds:
                (out / "browser" / f"{path.stem}.txt").write_text(page.evaluate("document.body.innerText"),
                                                                   encoding="utf-8")
            if "mhtml" in kinds:
                (out / "mhtml" / f"{path.stem}.mhtml").write_text(
                    snapshots.send("Page.captureSnapshot", {"format": "mhtml"})["data"], encoding="utf-8")
        for path in sorted((out / "word-html").glob("*.html")) if "browser-word" in kinds else []:
            page.goto(path.resolve().as_uri())
            (out / "browser-word" / f"{path.stem}.txt").write_text(copied(page), encoding="utf-8")
        browser.close()


def copied(page) -> str:
    """The text chromium puts on the clipboard when a reviewer selects all of the open page and copies it."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Control+C")
    return page.evaluate("navigator.clipboard.readText()")


def soffice_convert(source: Path, target: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="render-") as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180)
    return out / f"{source.stem}.{target.split(':')[0]}"


def write_scan(pdf: Path, path: Path, rotated: bool) -> None:
    from PIL import Image, ImageFilter

    with tempfile.TemporaryDirectory(prefix="scan-") as work:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), f"{work}/page"], check=True, timeout=300)
        pages = [Image.open(p).convert("L") for p in sorted(Path(work).glob("page*.png"))]
        if rotated:
            noise = random.Random(pdf.stem)
            turned = []
            for page in pages:
                page = page.rotate(0.6, resample=Image.BICUBIC, expand=False, fillcolor=255)
                pixels = page.load()
                for _ in range(page.width * page.height // 400):
                    pixels[noise.randrange(page.width), noise.randrange(page.height)] = noise.choice((0, 96, 255))
                turned.append(page.filter(ImageFilter.GaussianBlur(0.4)))
            pages = turned
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=150.0)


def render(sheet: Sheet, name: str, out: Path, formats: tuple[str, ...]) -> None:
    for directory in formats:
        (out / directory).mkdir(parents=True, exist_ok=True)
    if "txt" in formats:
        write_txt(sheet, out / "txt" / f"{name}.txt")
    docx_path = out / "docx" / f"{name}.docx"
    if {"docx", "browser-word", "pdf", "pdftext", "doc", "scan", "scan-rotated"} & set(formats):
        docx_path.parent.mkdir(parents=True, exist_ok=True)
        write_docx(sheet, docx_path)
    if {"xlsx", "tsv"} & set(formats):
        (out / "xlsx").mkdir(parents=True, exist_ok=True)
        write_xlsx(sheet, out / "xlsx" / f"{name}.xlsx")
    if "tsv" in formats:
        # The sheet's cells copied out of a spreadsheet as text: TABs between cells, a cell with a line break quoted
        # (what Excel and Calc put on the clipboard; Calc's text export writes the same).
        copied = soffice_convert(out / "xlsx" / f"{name}.xlsx", "csv:Text - txt - csv (StarCalc):9,34,76", out / "tsv")
        copied.rename(copied.with_suffix(".txt"))
    if {"html", "mhtml", "browser"} & set(formats):
        (out / "html").mkdir(parents=True, exist_ok=True)
        write_html(sheet, out / "html" / f"{name}.html")
    if "doc" in formats:
        soffice_convert(docx_path, "doc", out / "doc")
    if "browser-word" in formats:
        # Word's Save as Web Page puts a <p> in every cell; LibreOffice Writer's HTML export does the same.
        soffice_convert(docx_path, "html", out / "word-html")
    if {"pdf", "pdftext", "scan", "scan-rotated"} & set(formats):
        (out / "pdf").mkdir(parents=True, exist_ok=True)
        pdf = soffice_convert(docx_path, "pdf", out / "pdf")
        if "pdftext" in formats:
            # The PDF's text copied out keeping its columns: cells as runs of spaces apart, a narrow cell's text
            # wrapped over the lines below (poppler's pdftotext -layout).
            (out / "pdftext").mkdir(parents=True, exist_ok=True)
            subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out / "pdftext" / f"{name}.txt")],
                           check=True, timeout=120)
        for kind in ("scan", "scan-rotated"):
            if kind in formats:
                write_scan(pdf, out / kind / f"{name}.pdf", rotated=kind == "scan-rotated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--samples", type=Path, default=ROOT / "evals" / "samples")
    parser.add_argument("--gold", type=Path, default=ROOT / "evals" / "gold")
    parser.add_argument("--field", type=Path, action="append", default=[], help="a field-set folder ({dev,test}/*.json)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--only", default="", help="render only ids containing this text")
    parser.add_argument("--merged-levels", action="store_true",
                        help="draw a 一级 or 二级 name the rows below repeat once, merged down over them (as most "
                             "forms print them) rather than on every row")
    args = parser.parse_args()
    formats = tuple(args.formats.split(","))
    (args.out / "gold").mkdir(parents=True, exist_ok=True)
    for sample in sorted(args.samples.glob("*.txt")):
        gold = args.gold / f"{sample.stem}.json"
        if gold.exists() and args.only in sample.stem:
            render(sample_sheet(sample.read_text(encoding="utf-8")), sample.stem, args.out, formats)
            shutil.copy(gold, args.out / "gold" / gold.name)
    for folder in args.field:
        for path in sorted(folder.glob("*/*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if not gold.get("tables") or args.only not in path.stem:
                continue
            render(field_sheet(dict(gold, merged_levels=args.merged_levels)), path.stem, args.out, formats)
            (args.out / "gold" / path.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    if {"browser", "mhtml", "browser-word"} & set(formats):
        write_from_browser(args.out, formats)
    print(f"rendered into {args.out}")


if __name__ == "__main__":
    main()
