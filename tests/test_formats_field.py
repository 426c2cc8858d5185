"""Field tables drawn in their own province's template by evals/tools/render.py (issue 13), read back to
their gold labels from Word, Excel and HTML: the Sichuan 2017 score sheet whose header is given as one row,
Daying 2020's 指标值 | 实施进度 sheet, and its 绩效指标 head over 一级/二级/三级指标 with 指标解释/计分标准 text
columns, Ningde 2023's 评价内容 head spanning the 一级 and 二级 columns, Ningde 2018's two-row funds head, and a
department's budget-assessment sheet with no name or title; and what a clean grid prints in its cells' places:
Langzhong's 成本指标 under the 二级 column, goals whose achieved cell is left empty or whose block label is
年度目标完成情况, a 得分 left empty on a row whose levels are merged down, a funds head whose budget is its 合计."""
import json
import re
import zipfile
from pathlib import Path

import pytest

from assistant import api
from assistant.evaluate.formats import score_file
from assistant.ingest import read_path
from schemas.gold import GoldReport
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"
render = eval_tool("render")


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html"])
@pytest.mark.parametrize("report, floor", [
    ("sichuan_daying_2020_shuangxin", 1.0),  # every indicator's 实施进度 is its actual
    ("sichuan_daying_2020_zonggonghui", 0.97),
    ("sichuan_shengji_2017_bumendefen", 0.97),
    ("fujian_ningde_2023_rencaiyizhan", 0.97),  # 评价内容 spans the 一级 and 二级 columns
    # A department score sheet told by its indicators (一般公共预算支出, 结转结余), its spreadsheet floats to 15 digits.
    ("unknown_nd_nd_yusuankaoping", 1.0),
    ("fujian_ningde_2018_fangzhiwei", 1.0),  # funds under 预算安排 | 拨付情况 | 结余情况, its 合计 row last
    # 其中：本年一般公共预算拨款 labels a funds row; 得分计算方法 is no 得分 column; 年度总体目标完成情况综述 is achieved.
    ("beijing_haidian_2016_baojie", 1.0),
    ("sichuan_qingshen_2023_gongzi", 1.0),  # 实施单位（盖章） | 青神县发展和改革局 names the unit
    ("anhui_jinzhai_2023_meilixiangcun", 1.0),  # 部门 | 金寨县茶谷和美丽乡村建设服务中心 names the table
    ("shanghai_putuo_2022_tiyu", 1.0),  # targets "=100%" kept as text in a workbook, not taken for formulas
    # 执行率权重 and 执行率得分(分) are the weight and score columns; 年初绩效目标 | … | 全年目标实际完成情况 the goals.
    ("chongqing_kexuecheng_2021_bumenzhengti", 1.0),
    ("sichuan_daying_2023_sifaju", 0.98),  # its 总分 row prints 100 under 权重 alone: the total weight
    # Jiangxi's 整体支出 form: 评价部门名称 names the department; its funds block prints its parts alone (其中：财政拨款,
    # 其中：基本支出), no total; 分解目标 | 自评权重 are the 一级指标 and its points. A workbook's last row holding its
    # one cell, 满意度指标 with no indicator under it, is the table's row, no note under it (before: 0.996).
    ("jiangxi_nanchang_2021_canchaweishengyuan", 1.0),
    # Zhejiang's 评价报告 form: 计划安排资金(万元) | 299.4 | 实际到位资金(万元) | 299.4, each part's row beneath them.
    ("zhejiang_jinyun_2021_lajiqingyun", 1.0),
    # Hubei's score sheet: 项目权重 | 评价内容 | 分值 | 自评分 rows (项目管理13分 | 财务制度 | 3 | 3) above its 一级指标 | 二级指标 |
    # 指标名称(三级指标) rows, a 来源 | 中央(万元) | … | 合计(万元) funds head.
    ("hubei_suizhou_2022_jijiuzhongxin", 0.98),
    ("hubei_guangshui_2021_xiangcundaolu", 1.0),
])
def test_a_field_table_in_its_own_template_reads_to_its_gold(tmp_path, report, floor, kind):
    labels = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(labels), report, tmp_path, (kind,))
    tally, problem = score_file(next((tmp_path / kind).iterdir()), GoldReport.model_validate(labels))
    assert problem is None
    assert tally.f1 >= floor, tally.errors[:10]


@pytest.mark.parametrize("report", ["hubei_suizhou_2022_jijiuzhongxin", "hubei_guangshui_2021_xiangcundaolu"])
def test_hubeis_score_sheet_copied_out_of_its_word_made_page_a_cell_a_paragraph_reads_both_heads(tmp_path, report):
    """The Word-made page's clipboard text, a cell a paragraph and a blank line between cells: 项目权重 | 评价内容 | 分值 |
    自评分 | 复核分 | 评价标准及依据 (not one word 项目权重评价内容), its rows (项目管理13分 | 财务制度 | 3 | 3) up to the
    column word that opens the 一级指标 | 二级指标 | 指标名称(三级指标) | … | 复核分 | 评价标准 head, whose rows go on the same
    table (before: 0.61 and 0.65, the 项目权重 rows lost and 复核分, 评价标准 read as indicators)."""
    labels = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(labels), report, tmp_path, ("browser-word",))
    render.write_from_browser(tmp_path, ("browser-word",))
    copy = next((tmp_path / "browser-word").iterdir())
    [table] = api.extract(read_path(copy), "rules").tables
    scored_by_criteria = ("项目决策", "项目管理")
    assert [(row.level1, row.level3, row.weight, row.score) for row in table.indicators
            if row.level1 in scored_by_criteria] == [(row["level1"], row["level3"], row["weight"], row["score"])
                                                     for row in labels["tables"][0]["indicators"]
                                                     if row["level1"] in scored_by_criteria]
    tally, problem = score_file(copy, GoldReport.model_validate(labels))
    assert problem is None and tally.f1 >= 0.97, tally.errors[:10]


@pytest.mark.parametrize("report, floor", [
    # 分解目标 | 自评权重 | 二级指标 | …: its rows' 一级 printed as the published copy garbled it (出标产指, no level name
    # the forms use) open full rows, not rows whose levels are merged down from above (before: 0.08)
    ("jiangxi_nanchang_2021_canchaweishengyuan", 0.99),
    ("guizhou_suiyang_nd_taibaizhen", 1.0),  # 部门(单位)总体资金(万元) | 资金来源 | 年初预算数(A) | …
])
def test_a_field_table_copied_out_of_its_word_made_page_reads_to_its_gold(tmp_path, report, floor):
    labels = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(labels), report, tmp_path, ("browser-word",))
    render.write_from_browser(tmp_path, ("browser-word",))
    tally, problem = score_file(next((tmp_path / "browser-word").iterdir()), GoldReport.model_validate(labels))
    assert problem is None and tally.f1 >= floor, tally.errors[:10]


def test_a_one_row_template_header_draws_its_columns():
    """A template_header given as one row (not a list of rows) still heads the table with its columns."""
    labels = json.loads((DEV / "sichuan_shengji_2017_bumendefen.json").read_text(encoding="utf-8"))
    first = next(item for item in render.field_sheet(labels).items if isinstance(item, list))
    assert [cell.text for cell in first[0]] == labels["template_header"][0]


def test_a_two_row_funds_head_spans_each_group_over_its_parts():
    """Ningde 2018 prints 预算安排 over four budget columns, 拨付情况 over two, 结余情况 over two."""
    labels = json.loads((DEV / "fujian_ningde_2018_fangzhiwei.json").read_text(encoding="utf-8"))
    first = next(item for item in render.field_sheet(labels).items if isinstance(item, list))
    groups = next(row for row in first if any(cell and cell.text == "预算安排" for cell in row))
    assert [(cell.text, cell.colspan) for cell in groups[2:]] == [("预算安排", 4), ("拨付情况", 2), ("结余情况", 2)]


def read_drawn(tmp_path: Path, report: str, kind: str, merged_levels: bool = False):
    """The report's labels, and the rules' reading of its tables drawn in its own template as `kind`."""
    labels = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(dict(labels, merged_levels=merged_levels)), report, tmp_path, (kind,))
    return labels, api.extract(read_path(next((tmp_path / kind).iterdir())), "rules")


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_kind_of_indicator_under_the_second_level_column_stays_a_second_level(tmp_path, kind):
    """Langzhong prints its 一级 cells empty and 成本指标 under 二级指标 (| | 成本指标 | | |): a 二级 with no 一级 over
    it, never the 一级 of the rows below; its goal under 总体目标 is the expected one, 全年实际完成情况 left empty."""
    labels, report = read_drawn(tmp_path, "sichuan_langzhong_2021_chegoushui", kind)
    [table] = report.tables
    assert [(row.level1, row.level2, row.level3) for row in table.indicators] == \
        [(row["level1"], row["level2"], row["level3"]) for row in labels["tables"][0]["indicators"]]
    assert (table.goals.expected, table.goals.achieved) == (labels["tables"][0]["goals"]["expected"], None)


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
@pytest.mark.parametrize("report", [
    "chongqing_kexuecheng_2021_bumenzhengti",  # 当年绩效目标 | 年初绩效目标 | 全年(调整)绩效目标 | 全年目标实际完成情况
    "sichuan_suining_2021_liangpinyixie",  # 年度目标完成情况 (the block's label) | 预期目标 | 目标实际完成情况
])
def test_goals_under_their_column_words_read_as_expected_and_achieved(tmp_path, report, kind):
    labels, read = read_drawn(tmp_path, report, kind)
    goals = labels["tables"][0]["goals"]
    assert (read.tables[0].goals.expected, read.tables[0].goals.achieved) == (goals["expected"], goals["achieved"])


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_row_with_its_score_left_empty_keeps_its_cells_in_their_columns(tmp_path, kind):
    """Changning's 种母猪(≥头) | 20 | 20 | (no 得分) under levels merged down: its name, target and result in place."""
    _, report = read_drawn(tmp_path, "yunnan_changning_2022_shengzhu", kind, merged_levels=True)
    row = next(row for row in report.tables[0].indicators if row.level3 == "种母猪(≥头)")
    assert (row.level1, row.level2, row.target, row.actual, row.score) == ("产出指标", "数量指标", "20", "20", None)


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_funds_head_summing_its_sources_in_a_total_column_is_read(tmp_path, kind):
    """Guangshui's funds head: 来源 | 中央(万元) | 省、地(万元) | 本级(万元) | 其他(万元) | 合计(万元) | 执行数(万元) | 执行率 —
    合计 is the budget, so the row under it is a funds row (its 执行数 and 执行率 read)."""
    _, report = read_drawn(tmp_path, "hubei_guangshui_2021_xiangcundaolu", kind)
    total = report.tables[0].funds_total
    assert (total.executed, total.execution_rate) == (309, 100)


FULL_WIDTH_TYPED = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@pytest.mark.parametrize("report", ["chongqing_kexuecheng_2021_bumenzhengti", "sichuan_zitong_2023_rendadaibiao"])
def test_figures_typed_full_width_in_a_word_table_read_as_their_half_width_forms(tmp_path, report):
    """The same Word document with every figure typed full-width (（２０２３年度）, ９５．５％): read as its half-width copy
    (before, the year was missed, and Zitong's project name with it: 0.95 → 0.90)."""
    typed = lambda xml: re.sub(r"(<w:t(?: [^>]*)?>)([^<]*)", lambda m: m[1] + m[2].translate(FULL_WIDTH_TYPED), xml)
    gold, plain, edited = drawn_and_edited(tmp_path, report, typed)
    with zipfile.ZipFile(edited) as copy:
        assert "２０" in copy.read("word/document.xml").decode("utf-8")
    assert score_file(edited, gold)[0].f1 == score_file(plain, gold)[0].f1


def drawn_and_edited(tmp_path: Path, report: str, edit, merged_levels: bool = False):
    """The report's gold, its tables drawn in its own template as .docx, and a copy whose document.xml `edit`
    rewrote (as another Word, or another hand, saves the same document)."""
    labels = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(dict(labels, merged_levels=merged_levels)), report, tmp_path, ("docx",))
    plain = next((tmp_path / "docx").iterdir())
    edited = tmp_path / f"edited-{plain.name}"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(edited, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            copy.writestr(item, data)
    return GoldReport.model_validate(labels), plain, edited


def content_control(xml: str) -> str:
    return f"<w:sdt><w:sdtPr><w:showingPlcHdr w:val=\"0\"/></w:sdtPr><w:sdtContent>{xml}</w:sdtContent></w:sdt>"


@pytest.mark.parametrize("element", ["tr", "tc"])
def test_rows_and_cells_inside_content_controls_are_read_as_the_table_s_own(tmp_path, element):
    """A form template fills its table through content controls: every row (a repeating section) or every cell
    wrapped in <w:sdt>. Before, those rows were skipped and the table was lost (F1 1.00 → 0.02)."""
    wrap = lambda xml: re.sub(rf"<w:{element}>.*?</w:{element}>", lambda m: content_control(m[0]), xml, flags=re.S)
    gold, plain, edited = drawn_and_edited(tmp_path, "chongqing_kexuecheng_2021_bumenzhengti", wrap, True)
    with zipfile.ZipFile(edited) as copy:
        assert copy.read("word/document.xml").decode("utf-8").count("<w:sdtContent>") > 20
    assert score_file(edited, gold)[0].f1 == score_file(plain, gold)[0].f1 == 1.0


@pytest.mark.parametrize("kind", ["tsv", "xlsx"])
def test_a_header_row_with_a_column_word_of_no_role_among_its_words_stays_one_header(tmp_path, kind):
    """Xinjiang's 2023 form (xinjiang_fukang_2023_diaochadui, line 27): 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值设置依据
    | 上年完成值 | 指标分值权重 | 指标赋分规则 | 佐证资料 | 指标实际完成值 | 完成率 | 指标得分 | 偏差原因分析及改进措施 — its
    指标赋分规则 names no column the reader knows, and the words after it are the header's, no row glued to it; the
    title printed above the table and again, with its year, in its first row is one title."""
    labels = json.loads((DEV / "xinjiang_fukang_2023_diaochadui.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(labels), "xinjiang_fukang_2023_diaochadui", tmp_path, (kind,))
    [table] = api.extract(read_path(next((tmp_path / kind).iterdir())), "rules").tables
    assert table.title == "项目支出绩效自评表"
    # (the copy ends at line 28, "年度绩效指标完成情况 产出指标": no indicator row is printed)
    names = {name for i in table.indicators for name in (i.level1, i.level2, i.level3) if name}
    assert names <= {"产出指标"}


def test_a_score_sheet_section_without_targets_is_no_defect_while_an_indicator_row_missing_its_target_is(tmp_path):
    """Hubei's score sheet (hubei_suizhou_2022_jijiuzhongxin) scores 项目决策 and 项目管理 by its 评价标准 under 项目权重 |
    评价内容 | 分值 | 自评分, with no 指标值 column: their rows print no target, and that is the form, not a row scored
    without one. The 产出指标 rows under 一级指标 | 二级指标 | 指标名称(三级指标) | 年初指标值 do set targets: one printed
    without its target is still scored without one."""
    labels = json.loads((DEV / "hubei_suizhou_2022_jijiuzhongxin.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(labels), "as_printed", tmp_path, ("docx",))
    as_printed = api.check(api.load(tmp_path / "docx" / "as_printed.docx"), "rules")
    assert not [f for f in as_printed.findings if f.rule == "not_applicable_scored"]
    dispatches = next(i for i in labels["tables"][0]["indicators"] if i["level3"] == "派车次数")
    dispatches["target"] = None
    render.render(render.field_sheet(labels), "target_left_out", tmp_path, ("docx",))
    left_out = api.check(api.load(tmp_path / "docx" / "target_left_out.docx"), "rules")
    assert [f.row for f in left_out.findings if f.rule == "not_applicable_scored"] == ["派车次数"]
