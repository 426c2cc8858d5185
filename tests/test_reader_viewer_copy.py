"""Field dev tables as a document viewer copies them: one cell a line, the empty cells left out (evals/tools/paste.py
style b, drawn from the gold labels at test time). Every expected value is read off the source line quoted beside it,
never copied from the reader's output."""
import pytest

from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool


def viewer_copy(name: str):
    """The dev table `name` drawn in its own form and copied one cell a line, its empty cells left out, read."""
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = [item for item in paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold",
                                                          ROOT / "evals" / "field", name)]
    return api.extract(read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules")


@pytest.fixture(scope="module")
def jiangxi():
    [table] = viewer_copy("jiangxi_nanchang_2021").tables
    return {i.level3: (i.level1, i.level2, i.target, i.actual, i.weight, i.score, i.deviation_note)
            for i in table.indicators}


def test_a_stages_points_after_its_name_leave_the_kind_and_the_indicator_two_cells(jiangxi):
    # jiangxi_nanchang line 4: "…偏差及原因分析管理指标30预算编审管理完整、准确率100%100%44预算执行管理…" under
    # 分解目标 | 自评权重 | 二级指标 | 三级指标: 30 is 管理指标's points, 预算编审管理 its 二级, 完整、准确率 the indicator.
    assert jiangxi["完整、准确率"] == ("管理指标", "预算编审管理", "100%", "100%", 4, 4, None)


def test_a_stage_name_a_vertical_cell_scrambled_still_opens_its_rows(jiangxi):
    # jiangxi_nanchang line 5: "…出标产指25数量指标任务1:门诊住院人次增加增372人次55…" — 产出指标 as the copy of a
    # vertical merged cell prints it; the rows under it are read on.
    assert jiangxi["任务1:门诊住院人次"] == ("出标产指", "数量指标", "增加", "增372人次", 5, 5, None)


def test_a_row_that_left_its_result_empty_keeps_its_kind_and_its_points(jiangxi):
    # jiangxi_nanchang line 5: "…时效指标任务1:医疗文书及时率按规定时限43个别人未及时完成…" — no 全年完成值 printed.
    assert jiangxi["任务1:医疗文书及时率"] == ("出标产指", "时效指标", "按规定时限", None, 4, 3, "个别人未及时完成")


def test_hubei_weighted_section_reads_its_level_names_by_the_points_after_them():
    # hubei_suizhou line 4: "…项目权重评价内容分值自评分复核分评价标准及依据项目决策2分决策依据22…项目管理13分财务制度33…",
    # line 5: "…组织机构22…": 项目管理 merged down over 组织机构.
    [table] = viewer_copy("hubei_suizhou_2022").tables
    rows = {i.level3: (i.level1, i.weight, i.score) for i in table.indicators}
    assert rows["决策依据"] == ("项目决策", 2, 2)
    assert rows["财务制度"] == ("项目管理", 3, 3)
    assert rows["组织机构"] == ("项目管理", 2, 2)


def test_chongqing_funds_row_without_its_amounts_puts_what_follows_the_rate_after_it():
    # chongqing_kexuecheng line 3: "…年初预算数全年(If整)预算数全年执行数执行率(%)执行率权重执行率得分(分)O76%107.6当年绩效目标
    # 年初绩效目标全年(调整)绩效目标全年目标实际完成情况…": the amounts lost, 76% then 10 and 7.6 under 权重 and 得分; the
    # expected goal under 年初绩效目标, the adjusted one left empty.
    [table] = viewer_copy("chongqing_kexuecheng_2021").tables
    funds = table.funds_total
    assert (funds.full_year_budget, funds.execution_rate, funds.weight, funds.score) == (None, 76, 10, 7.6)
    assert table.goals.expected.startswith("通过整合各级各类媒体")


def test_rows_printing_their_values_alone_are_rows_though_the_form_has_a_note_column():
    """shanxi_jishan_2021 drawn in the transfer-payment form scored (a 未完成原因和改进措施 column after 得分) and copied
    one cell a line: "指标2:发放健康教育资料" "不少于12种" "14种" "1" "1" "不少于6种" "28种" "1" "1" "116次" … — the rows
    the source prints with no 三级指标 (its lines "不少于6种 28种 1 1", "116次 150次 1 1") are rows of their own, and the
    rows after them are read on."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="shanxi_jishan_2021", template="region-central-transfer-scored")
    report = api.extract(read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules")
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators]
    assert ("", "不少于6种", "28种", 1, 1) in [(name or "", *rest) for name, *rest in labelled]
    assert [(i.level3 or "", i.target, i.actual, i.weight, i.score) for i in report.tables[0].indicators] == \
        [(name or "", *rest) for name, *rest in labelled]


def variant_copy(name: str, seed: int):
    """The dev table `name` drawn in variant form `seed` (columns reordered and renamed, render.in_variant_form) and
    copied one cell a line, its empty cells left out: the reading and the gold labels."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          name, variants=(seed,))
    return api.extract(read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules"), gold


def names_and_points(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators]


def test_a_stage_name_every_row_prints_with_its_points_is_no_narrow_columns_wrapped_line():
    """hainan_shengji_fuwumaoyi lines 128-150: "20" "项目目标" "4" "目标内容" "4" "4" "决策过程" "8" "决策依据" "3" "3"
    under 项目决策(20分). Drawn with the stage printed on every row, "项目决策(20分)" "项目目标" "目标内容" "4" "4": the
    many lines as wide as "项目决策(20分)" are whole cells, not a narrow column's, and 项目目标 is a cell of its own."""
    report, gold = variant_copy("hainan_shengji_fuwumaoyi", 1)
    assert names_and_points(gold.tables[0])[0] == ("项目决策", "项目目标", "目标内容", 4, 4)
    assert names_and_points(report.tables[0])[:11] == names_and_points(gold.tables[0])[:11]


def test_unscored_rows_under_a_scored_head_are_held_by_their_target_and_result():
    """sichuan_daying_2020_shuangxin lines 10-15: "项目决策" "| 数量指标" "| 宣传次数" "| 至少全年完成2次宣传" "| 已完成100%"
    — no 分值 or 得分 printed. Drawn under a head with 指标得分 and 权重 columns, each row still opens at its 一级 and
    keeps its target and its result."""
    report, gold = variant_copy("sichuan_daying_2020_shuangxin", 1)
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual) for i in report.tables[0].indicators]
    assert ("项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%") in rows
    assert rows == [(i.level1, i.level2, i.level3, i.target, i.actual) for i in gold.tables[0].indicators]


def test_the_next_rows_stage_is_no_unit_of_the_row_before():
    """sichuan_shengji_2017_bumendefen lines 3-4: "项目决策(10 分)科学决策必要性 (政策依据)" "5 5 可行性 (政策完善)". Drawn
    with 度量单位 the last column and every row printing its names: "…" "5" "5" "项目决策" "科学决策" "可行性(政策完善)" —
    项目决策 opens the next row, no unit of the row before."""
    report, gold = variant_copy("sichuan_shengji_2017_bumendefen", 2)
    assert names_and_points(report.tables[0])[:4] == names_and_points(gold.tables[0])[:4]
    assert names_and_points(gold.tables[0])[1] == ("项目决策", "科学决策", "可行性(政策完善)", 5, 5)
