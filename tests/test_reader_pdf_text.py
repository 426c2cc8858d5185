"""A table's text copied out of a PDF (poppler's pdftotext -layout): cells in columns apart by runs of spaces, lined
up by characters, a narrow column's cell wrapped over the lines below, a merged cell printed once. The tables are
rendered to PDF at test time (LibreOffice and pdftotext run for real) and read back to what their gold says."""
import json
from pathlib import Path

import pytest

from assistant import api
from assistant.document import TableBlock
from assistant.layout import parse_text, wrap
from schemas.gold import GoldReport
from tests.conftest import GOLD, ROOT, SAMPLES, eval_tool

render = eval_tool("render")
DEV_FIELD = ROOT / "evals" / "field" / "dev"
SAMPLE = "000_9f4ecd25e267d59e"
# A department's form: its funds' parts with their sums under their labels (其他资金： / 79.42), goals over pages
DEPARTMENT_SAMPLE = "002_1b038c9877a00c9c"
FIELD = "hubei_ezhou_2019_caizhengju"
PACKED_FIELD = "anhui_jinzhai_2023_meilixiangcun"  # a page packed so tight that one space parts its cells
PAGED_FIELD = "shanxi_jishan_2021_gonggongweisheng"  # an indicator table over pages that lose the level columns
# Goals in a narrow column over pages: one cut by a page break, one whose header ends a page and whose text wraps a
# year, one whose header ends a page after the funds
GOALS_FIELDS = ("beijing_haidian_2016_baojie", "sichuan_nanchong_2023_tuigenghuanlin", "fujian_ningde_2018_fangzhiwei")


def copied_text(sheet, name: str, out: Path) -> Path:
    render.render(sheet, name, out, ("pdftext",))
    return out / "pdftext" / f"{name}.txt"


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory) -> Path:
    sheet = render.sample_sheet((SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8"))
    return copied_text(sheet, SAMPLE, tmp_path_factory.mktemp("sample"))


def field_render(name: str, out: Path) -> Path:
    gold = json.loads((ROOT / "evals" / "field" / "dev" / f"{name}.json").read_text(encoding="utf-8"))
    return copied_text(render.field_sheet(gold), name, out)


@pytest.fixture(scope="module")
def field_copy(tmp_path_factory) -> Path:
    return field_render(FIELD, tmp_path_factory.mktemp("field"))


@pytest.fixture(scope="module")
def packed_field_copy(tmp_path_factory) -> Path:
    return field_render(PACKED_FIELD, tmp_path_factory.mktemp("packed"))


def gold_table(path: Path, name: str):
    return next(table for table in GoldReport.model_validate_json(path.read_text(encoding="utf-8")).tables
                if table.name == name)


def test_the_copy_wraps_its_cells_over_lines(sample_copy):
    # What the reader is given: the 一级指标 column's header broken over two lines, no line holding it whole.
    lines = sample_copy.read_text(encoding="utf-8").splitlines()
    assert not any("一级指标" in line for line in lines)


def test_a_sample_project_table_reads_its_funds_indicators_and_total(sample_copy):
    # 知识产权培育资助专项: its funds label over three lines beside figures, names wrapped over two or three lines, level
    # names with their weights under them ((50 分), （30 分）), 总分 94.75.
    name = "知识产权培育资助专项"
    gold = gold_table(GOLD / f"{SAMPLE}.json", name)
    table = next(table for table in api.extract(api.load(sample_copy), "rules").tables if table.name == name)
    funds = (table.funds_total.full_year_budget, table.funds_total.executed, table.funds_total.score)
    assert funds == (gold.funds_total.full_year_budget, gold.funds_total.executed, gold.funds_total.score)
    assert [(line.label, line.executed) for line in table.fund_lines] == \
        [(line.label, line.executed) for line in gold.fund_lines]
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == \
        [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.indicators]
    assert table.total_score == gold.total_score


def test_a_field_project_table_reads_whole(field_copy):
    # 鄂州's 购买第三方服务: 一级指标 and 二级指标 broken after three characters, 三级指标 names over two or three lines,
    # "100 人次" broken inside its figure's unit, a 执行率 of 60% scored 6.
    name = "购买第三方服务"
    gold = gold_table(ROOT / "evals" / "field" / "dev" / f"{FIELD}.json", name)
    table = next(table for table in api.extract(api.load(field_copy), "rules").tables if table.name == name)
    assert (table.funds_total.full_year_budget, table.funds_total.executed, table.funds_total.execution_rate,
            table.funds_total.score) == (gold.funds_total.full_year_budget, gold.funds_total.executed,
                                         gold.funds_total.execution_rate, gold.funds_total.score)
    assert [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators] == \
        [(i.level1, i.level2, i.level3, i.weight, i.score) for i in gold.indicators]
    assert table.total_score == gold.total_score


def test_a_sample_department_total_keeps_its_breakdown_out(sample_copy):
    # 石鼓区市场监督管理局: 年度资金总额's row, its figures broken at their points (884.8 / 6), then 按收入性质分 and
    # 按支出性质分 with their sums printed under the label and under the 年初预算数 column: rows of their own.
    gold = GoldReport.model_validate_json((GOLD / f"{SAMPLE}.json").read_text(encoding="utf-8")).tables[0]
    table = api.extract(api.load(sample_copy), "rules").tables[0]
    assert table.funds_total == gold.funds_total.model_copy(update={"line": table.funds_total.line})
    assert table.breakdown == gold.breakdown


def test_a_sample_table_keeps_two_targets_in_one_cell(sample_copy):
    # 质量发展专项's 满意度 row on a page without the indicator header: its two targets (≥90% then 100%) one under
    # the other in a cell, beside names over five or more lines.
    name = "质量发展专项"
    gold = gold_table(GOLD / f"{SAMPLE}.json", name)
    table = next(table for table in api.extract(api.load(sample_copy), "rules").tables if table.name == name)
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators][-1] == \
        [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.indicators][-1]


def test_a_sample_indicator_header_broken_in_a_narrow_column_is_one_row(sample_copy):
    # 石鼓区's special funds: the header's 绩效指标 one character a line (绩 / 效 / 指 / 标) beside 偏差原因分析及改进措施
    # broken over five lines — the lines under words already whole (偏差原因 / 分析及) go on the header, no indicator
    # named 指标.
    gold = GoldReport.model_validate_json((GOLD / f"{SAMPLE}.json").read_text(encoding="utf-8"))
    tables = api.extract(api.load(sample_copy), "rules").tables
    read = {i.level1 for table in tables for i in table.indicators}
    assert read and read <= {i.level1 for table in gold.tables for i in table.indicators}
    assert "指标" not in {i.level3 for table in tables for i in table.indicators}


def test_a_packed_field_page_parts_a_label_from_its_figures(packed_field_copy):
    # 金寨's funds block, one space between a label and its figures (年度资 329.7 329.7), the figures' rests under
    # them one space after the label's next line (金总额 7): 329.77 in both budget columns.
    gold = gold_table(ROOT / "evals" / "field" / "dev" / f"{PACKED_FIELD}.json", "金寨县茶谷和美丽乡村建设服务中心")
    table = api.extract(api.load(packed_field_copy), "rules").tables[0]
    money = ("initial_budget", "full_year_budget", "executed", "weight", "execution_rate")
    assert [getattr(table.funds_total, part) for part in money] == [getattr(gold.funds_total, part) for part in money]
    assert [(line.label, *(getattr(line, part) for part in money)) for line in table.fund_lines] == \
        [(line.label, *(getattr(line, part) for part in money)) for line in gold.fund_lines]


@pytest.fixture(scope="module")
def paged_field_copy(tmp_path_factory) -> Path:
    return field_render(PAGED_FIELD, tmp_path_factory.mktemp("paged"))


def test_a_page_without_the_level_columns_keeps_targets_under_the_header_words(paged_field_copy):
    # 稷山's 指标8 … 指标19 on a page of their own, the merged 一级 and 二级 columns printed on the page before: the
    # page's five columns go under the header's words (三级指标, 年度指标值, 实际完成值, 分值, 得分), never under
    # the gap pdftotext left between 二级指标 and 三级指标 on the header's page.
    gold = gold_table(ROOT / "evals" / "field" / "dev" / f"{PAGED_FIELD}.json", "国家基本公共卫生服务")
    table = api.extract(api.load(paged_field_copy), "rules").tables[0]
    names = [f"指标{number}:" for number in range(8, 20)]

    def page(indicators):
        return [(i.level3, i.target, i.actual, i.weight, i.score) for i in indicators
                if i.level3 and i.level3.replace(" ", "").startswith(tuple(names))]

    assert len(page(gold.indicators)) == 12
    assert [(name.replace(" ", ""), *rest) for name, *rest in page(table.indicators)] == page(gold.indicators)


def test_a_name_pushed_into_a_gap_of_the_header_goes_under_its_word(paged_field_copy):
    # On the header's own page pdftotext pushes 指标5 … 指标7 right of the 三级指标 column, into a gap the header
    # prints no word over: they are 三级指标's, as every other name.
    gold = gold_table(ROOT / "evals" / "field" / "dev" / f"{PAGED_FIELD}.json", "国家基本公共卫生服务")
    table = api.extract(api.load(paged_field_copy), "rules").tables[0]
    assert [((i.level3 or "").replace(" ", ""), i.target, i.actual, i.weight, i.score) for i in table.indicators] == \
        [(i.level3 or "", i.target, i.actual, i.weight, i.score) for i in gold.indicators]


def first_table_rows(lines: list[str], filled: bool = False) -> list[list[str]]:
    """The cells of the first table read from page text, row by row (only the filled ones when `filled`)."""
    table = next(block for block in parse_text(lines) if isinstance(block, TableBlock))
    return [[cell.text for cell in row.cells if cell.text or not filled] for row in table.rows]


def test_hand_written_funds_rows_packed_one_space_apart():
    # A page so full that pdftotext leaves one space between a label and the figures after it (年度资 41.25 41.25);
    # 其中： alone on a line before its source's name (其他资金) is that row's label, no row of its own.
    lines = ["预算资      年初预   全年预    全年执    分值",
             "金(万      算数    算数     行数",
             "元)   年度资 41.25 41.25  39.83  10",
             "     金总额",
             "     其中： 41.25 41.25  39.83",
             "     当年财",
             "     政拨款",
             "     其中：",
             "     上年结",
             "     转资金",
             "     其中：",
             "     其他资",
             "     金"]
    rows = first_table_rows(lines, filled=True)
    assert ["元)", "年度资金总额", "41.25", "41.25", "39.83", "10"] in rows
    assert ["其中：当年财政拨款", "41.25", "41.25", "39.83"] in rows
    assert ["其中：上年结转资金"] in rows and ["其中：其他资金"] in rows


def test_hand_written_progress_wraps_its_figure_under_its_word():
    # A 实施进度 column too narrow for "已完成100%": the figure under the word is the rest of the cell, not a row of its
    # own, whether the target wraps beside it or not.
    lines = ["绩效指标    一级指标    二级指标    三级指标    指标值       实施进度",
             "        项目决策    数量指标    培训次数    全年完成 4     已完成",
             "                                次培训       100%",
             "        项目决策    时效指标    全年      1-12 月    已完成",
             "                                          100%"]
    assert first_table_rows(lines)[1:] == [
        ["", "项目决策", "数量指标", "培训次数", "全年完成 4次培训", "已完成100%"],
        ["", "项目决策", "时效指标", "全年", "1-12 月", "已完成100%"]]


def test_hand_written_funds_parts_numbered_under_their_subtotal():
    # 财政资金小计 then its parts, each opening with its circled number (①中央 / 财政资 / 金), one with no figures.
    lines = [on_character_grid("项目资", "", "年初预", "全年预", "全年执", "分值", "得分"),
             on_character_grid("金", "", "算数", "算数", "行数"),
             on_character_grid("", "财政资", "100", "120", "110", "10", "9"),
             on_character_grid("", "金小计"),
             on_character_grid("", "①中央"),
             on_character_grid("", "财政资"),
             on_character_grid("", "金"),
             on_character_grid("", "②市级", "100", "120", "110"),
             on_character_grid("", "财政资"),
             on_character_grid("", "金")]
    assert first_table_rows(lines)[1:] == [
        ["", "财政资金小计", "100", "120", "110", "10", "9"],
        ["", "①中央财政资金", "", "", "", "", ""],
        ["", "②市级财政资金", "100", "120", "110", "", ""]]


def on_character_grid(*cells: str) -> str:
    """A line as pdftotext prints it: each cell at a multiple of nine characters, whatever the width of the
    characters before it (a CJK character counts one)."""
    return "".join(cell.ljust(9) for cell in cells).rstrip()


# The national form's indicator header as a PDF prints it in narrow columns: each word broken after its third character.
INDICATOR_HEAD = [on_character_grid("一级指", "二级指", "三级指", "年度指", "实际完", "分值", "得分"),
                  on_character_grid("标", "标", "标", "标值", "成值")]


def test_hand_written_copy_joins_wrapped_names_and_figures():
    # The columns line up by characters, not by display width: a page's text, its narrow cells wrapped — names, a
    # figure broken at its point (1824. / 18), a unit (≥50 人 / 次); 其中： opens its funds row.
    lines = [on_character_grid("项目名", "农民培训项目"),
             on_character_grid("称"),
             on_character_grid("项目资", "", "年初预", "全年预", "全年执", "分值", "得分"),
             on_character_grid("金(万", "", "算数", "算数", "行数"),
             on_character_grid("元)", "年度资", "1824.", "1824.", "1800", "10", "9.87"),
             on_character_grid("", "金总额", "18", "18"),
             on_character_grid("", "其中：", "1824.", "1824.", "1800"),
             on_character_grid("", "当年财", "18", "18"),
             on_character_grid("", "政拨款"),
             on_character_grid("一级指", "二级指", "三级指", "年度指", "实际完", "分值", "得分"),
             on_character_grid("标", "标", "标", "标值", "成值"),
             on_character_grid("产出指", "数量指", "培训农", "≥50 人", "52 人", "10", "10"),
             on_character_grid("标", "标", "户人数", "次", "次"),
             on_character_grid("产出指", "质量指", "培训合", "≥90%", "95%", "10", "9"),
             on_character_grid("标", "标", "格率"),
             on_character_grid("总分", "", "", "", "", "20", "19")]
    rows = first_table_rows(lines)
    assert rows[0][:2] == ["项目名称", "农民培训项目"]
    assert ["年度资金总额", "1824.18", "1824.18", "1800", "10", "9.87"] in [row[1:] for row in rows]
    assert ["", "其中：当年财政拨款", "1824.18", "1824.18", "1800", "", ""] in rows
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"] in rows
    assert ["产出指标", "数量指标", "培训农户人数", "≥50 人次", "52 人次", "10", "10"] in rows
    assert ["产出指标", "质量指标", "培训合格率", "≥90%", "95%", "10", "9"] in rows


def test_hand_written_names_wrap_before_a_figure_and_inside_brackets():
    # A name broken before a figure too wide to follow on its line (开展 / 520 计: the figure wraps whole, so 开展
    # filled its line), and one whose bracket runs on over the lines below (本（每 / 人每 / 天）) beside units that
    # wrap too (/人/天 under 元), and a unit's rest after its slash under a name that filled its line (律顾问 /
    # 成本 beside 元 / /人/年): each one row.
    lines = [*INDICATOR_HEAD,
             on_character_grid("产出指", "数量指", "开展", "≥1 次", "1 次", "5", "5"),
             on_character_grid("标", "标", "520 计"),
             on_character_grid("", "", "量日活"),
             on_character_grid("", "", "动次数"),
             on_character_grid("产出指", "成本指", "培训成", "≤550", "300", "5", "5"),
             on_character_grid("标", "标", "本（每", "元", "元"),
             on_character_grid("", "", "人每", "/人/天", "/人/天"),
             on_character_grid("", "", "天）"),
             on_character_grid("产出指", "成本指", "聘请法", "≤5 万", "5万", "5", "5"),
             on_character_grid("标", "标", "律顾问", "元", "元"),
             on_character_grid("", "", "成本", "/人/年", "/人/年"),
             on_character_grid("总分", "", "", "", "", "15", "15")]
    rows = first_table_rows(lines)
    assert ["产出指标", "数量指标", "开展520 计量日活动次数", "≥1 次", "1 次", "5", "5"] in rows
    assert ["产出指标", "成本指标", "培训成本（每人每天）", "≤550元/人/天", "300元/人/天", "5", "5"] in rows
    assert ["产出指标", "成本指标", "聘请法律顾问成本", "≤5 万元/人/年", "5万元/人/年", "5", "5"] in rows


def test_hand_written_rows_that_print_their_level_names_again():
    # Two rows one under the other with the same level names, the second with no figures: its names broken as the
    # first's were (效益指 / 标, 经济效 / 益指标) open the second row, though they sit under cells that filled their
    # columns.
    lines = [*INDICATOR_HEAD,
             on_character_grid("效益指", "经济效", "指标 1", "100", "100", "10", "10"),
             on_character_grid("标", "益指标", "安全率"),
             on_character_grid("效益指", "经济效", "指标 2"),
             on_character_grid("标", "益指标"),
             on_character_grid("总分", "", "", "", "", "10", "10")]
    rows = first_table_rows(lines)
    assert rows[1:3] == [["效益指标", "经济效益指标", "指标 1安全率", "100", "100", "10", "10"],
                         ["效益指标", "经济效益指标", "指标 2", "", "", "", ""]]


def test_a_monospace_copy_keeps_a_row_a_line():
    # Lined up by display width (a CJK character two columns wide): a monospace copy, where every line is a row,
    # however full its cells.
    lines = ["一级指标   二级指标   分值   得分",
             "产出指标   数量指标   10     10",
             "产出指标   质量指标   10     9"]
    assert first_table_rows(lines) == [
        ["一级指标", "二级指标", "分值", "得分"], ["产出指标", "数量指标", "10", "10"], ["产出指标", "质量指标", "10", "9"]]


def test_numbered_rows_under_merged_levels_are_rows_of_their_own(tmp_path):
    """Langfang's table (evals/field/dev/hebei_langfang_2019_nuantong) drawn with its level names merged down, as
    the form prints them, then through a PDF: a template's numbered row that prints its name alone ("指标 2", its
    values empty) on the line under a wrapped name ("成本控 / 制率") is a row of its own, not the rest of that name."""
    name = "hebei_langfang_2019_nuantong"
    gold = json.loads((ROOT / "evals" / "field" / "dev" / f"{name}.json").read_text(encoding="utf-8"))
    copy = copied_text(render.field_sheet(dict(gold, merged_levels=True)), name, tmp_path)
    [table] = api.extract(api.load(copy), "rules").tables
    names = [i.level3 for i in table.indicators]
    assert ("产出指标", "成本指标", "指标1成本控制率", 10, 10) in \
        [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators]
    assert names.count("指标2") >= 6 and not any(name.endswith("指标2") and name != "指标2" for name in names)


def test_real_goal_prose_merged_across_columns_stays_one_cell():
    # pdftotext's text of Ezhou's goals (evals/field/dev/hubei_ezhou_2021_shiminzhongxin): the achieved cell spans
    # the funds' figure columns, its prose printing a space around each figure (为 150 万元). Its first word ran on
    # past the next column's start, so the figure after one space goes on the prose, no cell of its own.
    lines = ["项目资          年初预   全年预   全年执     分值    执行率     得分",
             "金(万          算数    算数    行数",
             "元)    年度资    150   150   125.2   100   83.5%   98",
             "      金总额                5",
             "年度总   预期目    实际完成情况",
             "体目标   标",
             "      为更好    本年度财政拨款为 150 万元:执行数为 125.25 万元,完成预算的",
             "      的建设    83.50%。",
             "      行政服"]
    rows = first_table_rows(lines, filled=True)
    assert ["元)", "年度资金总额", "150", "150", "125.25", "100", "83.5%", "98"] in rows
    assert ["为更好的建设行政服", "本年度财政拨款为 150 万元:执行数为 125.25 万元,完成预算的83.50%。"] in rows


def test_a_figure_goes_on_the_one_above_only_where_the_two_make_one_figure():
    # pdftotext's text of a department's basic data (evals/samples/001_8744007de10ea853) prints 1247.98 under 532.88
    # (公用经费 under 其他项目) in a column seven characters wide: the line above filled it as a figure broken there
    # would, but 532.881247.98 is no figure, so 1247.98 is a cell of its own; 125.2 / 5 (125.25) goes on.
    assert wrap("532.88", "1247.98", 7) == "own"
    assert wrap("125.2", "5", 5) == "full"


@pytest.fixture(scope="module", params=GOALS_FIELDS)
def goals_field_copy(request, tmp_path_factory) -> tuple[str, Path]:
    return request.param, field_render(request.param, tmp_path_factory.mktemp("goals"))


def test_a_goal_in_a_narrow_column_reads_whole_over_lines_and_pages(goals_field_copy):
    # 海淀's expected goal, two characters a line, runs over a page break onto a page that lays it out at the margin;
    # 南充's header (项目年度目标 | 年度目标完成情况) ends a page, and its goal wraps a year alone on a line (我市 / 2018
    # / 年度); 宁德's header ends the funds' page, its achievements open the next page with one space after a figure
    # (目标 1 完成情况), the line below running on past the columns: each goal is its row's whole cell.
    name, path = goals_field_copy
    gold = GoldReport.model_validate_json((ROOT / "evals" / "field" / "dev" / f"{name}.json").read_text(
        encoding="utf-8")).tables[0]
    table = api.extract(api.load(path), "rules").tables[0]
    assert table.goals.expected.replace(" ", "") == gold.goals.expected
    assert table.goals.achieved.replace(" ", "") == gold.goals.achieved


@pytest.fixture(scope="module")
def department_copy(tmp_path_factory) -> Path:
    sheet = render.sample_sheet((SAMPLES / f"{DEPARTMENT_SAMPLE}.txt").read_text(encoding="utf-8"))
    return copied_text(sheet, DEPARTMENT_SAMPLE, tmp_path_factory.mktemp("department"))


def test_a_sample_department_reads_its_breakdown_and_numbered_goals(department_copy):
    # 岳阳楼区市场监督管理局: 其他资金： with its sum alone on the line below (79.42), no row of its own; a project's
    # numbered goals (目标 1∶ … 目标 8∶) beside the achievements, broken over lines, one goals row.
    gold = GoldReport.model_validate_json((GOLD / f"{DEPARTMENT_SAMPLE}.json").read_text(encoding="utf-8")).tables
    tables = api.extract(api.load(department_copy), "rules").tables
    assert tables[1].breakdown == gold[1].breakdown
    assert tables[2].goals.expected.replace(" ", "") == gold[2].goals.expected


def level_names(lines: list[str], levels: int) -> list[list[str]]:
    """The level columns (the first `levels`) of the rows of the one table the lines hold, past its header."""
    [table] = [block for block in parse_text(lines) if isinstance(block, TableBlock)]
    return [row.texts()[:levels] for row in table.rows[1:]]


def test_a_names_line_that_leaves_room_then_one_that_fills_the_column_is_still_one_wrapped_name():
    # A 三级指标 broken by hand (or before its bracket) over three lines: 改造 leaves room on its line and
    # (含加装电梯)数量 fills the column, yet it is the rest of the same name, not a row of its own — in a row that
    # prints its values, a name alone under it never opens a row.
    starts = [0, 7, 14, 24, 31, 38, 43]

    def line(*cells: str) -> str:
        text = ""
        for at, cell in zip(starts, cells):
            if cell:
                text = text.ljust(at) + cell
        return text

    lines = [line("一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分"),
             line("产出指标", "数量指标", "完成城区老旧小区", "≥95%", "98%", "10", "10"),
             line("", "", "改造"),
             line("", "", "(含加装电梯)数量"),
             line("", "质量指标", "工程验收合格率", "100%", "100%", "10", "10")]
    [table] = [block for block in parse_text(lines) if isinstance(block, TableBlock)]
    assert [row.texts() for row in table.rows[1:]] == [
        ["产出指标", "数量指标", "完成城区老旧小区改造(含加装电梯)数量", "≥95%", "98%", "10", "10"],
        ["", "质量指标", "工程验收合格率", "100%", "100%", "10", "10"]]


def test_a_level_name_under_a_whole_one_is_the_next_rows_level():
    # Merged-level renders of evals/field/dev ningxia_shengji_2023_fucaiapp and yunnan_yongde_2022_yingyanggaishan:
    # 成本指标 under 时效指标 opens the 成本 row (its 项目建设 / 成本 under 完成时间 would go on as a wrapped name), and
    # 生态效 / 益指标 under 社会效益指标 is a 二级 of its own that prints no indicator.
    fucai = ["绩效指标   一级指标     二级指标   三级指标     年度指标     全年完成      未完成原",
             "                                值        值         因和改进",
             "                                                   措施",
             "                时效指标   完成时间     12 月     已完成",
             "                成本指标   项目建设     ≤50 万元   47.68 万",
             "                       成本                元"]
    assert level_names(fucai, 4) == [["", "", "时效指标", "完成时间"], ["", "", "成本指标", "项目建设成本"]]
    yongde = ["绩效指    一级指    二级指   三级指     年度指     实际完    分值     得分   偏差原",
              "标      标      标     标       标值      成值                 因分析",
              "       效益指    经济效   减轻贫     有效      有效     10     10",
              "       标      益指标   困学生",
              "\f            社会效   政策知   ═100   98%    10    9",
              "            益指标   晓率    %",
              "            生态效",
              "            益指标",
              "            可持续   促进学   ≧100   100%   10    10",
              "            影响指   校教育   %",
              "            标     事业健"]
    assert level_names(yongde, 4) == [["", "效益指标", "经济效益指标", "减轻贫困学生"], ["", "", "社会效益指标", "政策知晓率"],
                                      ["", "", "生态效益指标", ""], ["", "", "可持续影响指标", "促进学校教育事业健"]]


def filled_rows(lines: list[str]) -> list[list[str]]:
    """The texts of each row of the one table the lines hold, past its header, its empty cells left out."""
    [table] = [block for block in parse_text(lines) if isinstance(block, TableBlock)]
    return [[text for text in row.texts() if text] for row in table.rows[1:]]


def test_a_merged_levels_name_wrapped_beside_the_next_rows_goes_on_it():
    # Merged-level renders of evals/field/dev hebei_langfang_2019_nuantong and anhui_xiaoxian_2023_tesezhongyang: a
    # 二级 merged over two rows wraps 益指标 beside the second row's 指标 2, and 可持续 / 影响指 / 标 beside a
    # …… row that opens after its first line: the rest of the name above, no 二级 of the row beside it.
    langfang = ["一级指     二级指    三级指     年度指    实际完     分值   得分    偏差原",
                "标       标      标       标值     成值                 因分析",
                "      社会效   指标 1   100   100   10   10   0",
                "      益指标   学校发",
                "            展能力",
                "            指标 2",
                "            ……",
                "      生态效   指标 1",
                "      益指标   指标 2",
                "            ……"]
    assert filled_rows(langfang)[3:] == [["生态效益指标", "指标 1"], ["指标 2"], ["……"]]
    xiaoxian = ["绩效指   一级指    二级指    三级指    分值   年度指     全年实     得分   未完成",
                "标     标      标      标           标值      际值           原因及",
                "      社会效   受益人   10   90 人    90 人    10",
                "      益指标   口数量",
                "      生态效",
                "      益指标",
                "      可持续",
                "      影响指   ……",
                "      标"]
    assert filled_rows(xiaoxian) == [["社会效益指标", "受益人口数量", "10", "90 人", "90 人", "10"], ["生态效益指标"],
                                     ["可持续影响指标"], ["……"]]


def test_a_merged_level_under_a_header_word_over_two_columns_keeps_its_column():
    # The merged-level render of evals/field/dev fujian_ningde_2023_rencaiyizhan: 评价内容 heads the 一级 and the 二级,
    # so 质量目标, its 一级 merged from above, prints in the gap after the word, a column the row above printed in:
    # the 二级 still, not moved under the word as a name pushed right of its column would be.
    lines = ["评价内容             绩效内容    绩效目标值     实际完成值    累计完成率",
             "产出目标    数量目标     当年获得宁   >=2 个     0个       0%",
             "                 德市级以上",
             "                 确认的人才",
             "                 驿站数量",
             "        质量目标     各类人才对   >=95%     98%      103%",
             "                 我市人才政",
             "                 策的知晓率"]
    assert level_names(lines, 3) == [["产出目标", "数量目标", "当年获得宁德市级以上确认的人才驿站数量"],
                                     ["", "质量目标", "各类人才对我市人才政策的知晓率"]]


def test_a_hubei_score_sheets_stage_names_with_points_wrap_over_its_rows(tmp_path):
    # 广水's 乡村道路 on Hubei's score sheet: 项目权重 prints each 一级 with its points after it, wrapped in a narrow
    # column over the rows it is merged across (项目管 / 理 13 / 分 beside 财务制度 and 组织机构), and each money
    # column's unit under its word (中央 / (万元)). The name's last line is the rest of the name, not a level of the
    # next row; 13 goes on 理 because 分 goes on it; the funds read under their header.
    name = "hubei_guangshui_2021_xiangcundaolu"
    gold = GoldReport.model_validate_json((DEV_FIELD / f"{name}.json").read_text(encoding="utf-8"))
    table = api.extract(api.load(field_render(name, tmp_path)), "rules").tables[0]
    scored = [(i.level1, i.level3, i.weight, i.score) for i in gold.tables[0].indicators
              if i.level1 in ("项目决策", "项目管理")]
    assert len(scored) == 5
    assert [(i.level1, i.level3, i.weight, i.score) for i in table.indicators if i.level1 in ("项目决策", "项目管理")] \
        == scored
    assert not any((i.level1 or "").startswith("分") for i in table.indicators)
    assert (table.funds_total.full_year_budget, table.funds_total.executed, table.funds_total.execution_rate) == \
        (gold.tables[0].funds_total.full_year_budget, gold.tables[0].funds_total.executed,
         gold.tables[0].funds_total.execution_rate)


def test_a_figure_one_space_after_a_name_that_wraps_is_the_next_cell(tmp_path):
    # 濉溪's 临时救助 (Anhui's 绩效目标自评表): a long 三级指标 wraps three characters a line, and its row's 分值 prints one
    # space after the name's first line (★★★农 5      >=219 over 村低保): the name wrapped before the figure, so the
    # figure is the next column's, not inside the name (★★★农5村低保…). The funds header packs its words one space
    # apart after a bracket (算数(A) 行数(B)): two columns.
    name = "anhui_suixi_2019_linshijiuzhu"
    gold = GoldReport.model_validate_json((DEV_FIELD / f"{name}.json").read_text(encoding="utf-8"))
    table = api.extract(api.load(field_render(name, tmp_path)), "rules").tables[0]
    expected = gold.tables[0]

    def rows(indicators):
        return [((i.level3 or "").replace(" ", ""), (i.target or "").replace(" ", ""),
                 (i.actual or "").replace(" ", ""), i.weight, i.score) for i in indicators]

    assert rows(table.indicators) == rows(expected.indicators)
    assert (table.funds_total.full_year_budget, table.funds_total.executed, table.funds_total.execution_rate,
            table.funds_total.score) == (expected.funds_total.full_year_budget, expected.funds_total.executed,
                                         expected.funds_total.execution_rate, expected.funds_total.score)


def test_hand_written_value_printed_twice_and_cut_alike_goes_on_over_its_rest():
    # The merged-level render of evals/field/dev hubei_huangshi_2022_gongxianggongcheng (l.9 "WIFI布点全覆盖" |
    # "100%覆盖" | "100%覆盖", no points printed): the target and the result, the same words after a figure, both cut
    # after 覆 in a column that seems to leave room for one more character (a comma's line is the widest: 资源查询, —
    # a figure is narrower on the page than on the character grid), and their rest 盖 under each: the value goes on,
    # not a row of its own. A row whose values are words printed twice after a whole figure (100% then 良好) opens
    # its row.
    lines = [*INDICATOR_HEAD,
             on_character_grid("产出指标", "数量指标", "一个存储", "25TB", "25TB", "10", "10"),
             on_character_grid("", "", "备份器"),
             on_character_grid("产出指标", "数量指标", "WIFI 布", "100%覆", "100%覆"),
             on_character_grid("", "", "点全覆盖", "盖", "盖"),
             on_character_grid("效益指标", "社会效益", "方便读者", "资源查询,", "资源查询,", "10", "10"),
             on_character_grid("", "", "查阅", "可扩展", "可扩展"),
             on_character_grid("效益指标", "社会效益", "便利", "100%", "100%", "5", "5"),
             on_character_grid("", "", "环境", "良好", "良好", "5", "5")]
    assert filled_rows(lines) == [["产出指标", "数量指标", "一个存储备份器", "25TB", "25TB", "10", "10"],
                                  ["产出指标", "数量指标", "WIFI 布点全覆盖", "100%覆盖", "100%覆盖"],
                                  ["效益指标", "社会效益", "方便读者查阅", "资源查询,可扩展", "资源查询,可扩展", "10", "10"],
                                  ["效益指标", "社会效益", "便利", "100%", "100%", "5", "5"],
                                  ["环境", "良好", "良好", "5", "5"]]
