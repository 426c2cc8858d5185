"""Jinan's 2019 项目支出绩效自评表 (项目资金 block with 年初预算数(A) | 全年执行数(B) | 分值 | 执行率 | 得分 | 得分计算方法;
indicators 一级 | 二级 | 三级指标 | 分值 | 年度指标值(A) | 全年实际值(B) | 得分计算方法 | 得分 | 未完成原因分析), each 一级 and
二级 name printed once, merged down over its rows: field dev tables drawn in it with evals/tools/paste.py and read
back as their gold has them."""
import pytest

from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool

FORM = "jinan-2019-method-column"


def drawn(only: str, style: str):
    """The dev table `only` drawn in Jinan's form, levels merged down, pasted in `style`; and its gold."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only=only, template=FORM, merged=True)
    return paste.pasted(sheet, style), gold


def rows(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators]


@pytest.mark.parametrize("style", ["b", "c", "g"])
def test_a_kind_of_indicator_opening_a_row_under_a_merged_stage_is_its_二级(style):
    """Hubei HBUST's 2021 grants (hubei_hbust_2021_zhuxuejin): under 产出指标 | 质量指标 merged down, the row
    "数量指标 | 受资助本专科学生人数 | 14726 | 15935" opens a new 二级 under the same 一级 — 数量指标 names a kind of
    indicator, never a stage — its two figures its 指标值 and 全年实际值, not a 分值 of 14726; copied one cell a line
    (b), each cell with a trailing " |" (c, the last row's empty cells "|" too, no 完成值) or a row a line (g)."""
    text, gold = drawn("hubei_hbust_2021_zhuxuejin", style)
    assert text.count("产出指标") == 1
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    assert rows(table) == rows(gold.tables[0])


def test_a_monospace_copy_keeps_the_indicators_under_the_head_above_the_goals_blank_row():
    """Yunnan Changning's 2022 pig farm (yunnan_changning_2022_shengzhu) copied as space-aligned rows (d): its
    年度总体目标 row's texts are empty and print as a blank line between the head and the 绩效指标 header; the
    indicators are the one table's, under its 项目名称 and funds."""
    text, gold = drawn("yunnan_changning_2022_shengzhu", "d")
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    assert table.name == gold.tables[0].name
    assert table.funds_total.initial_budget == gold.tables[0].funds_total.initial_budget
    assert len(table.indicators) == len(gold.tables[0].indicators)
    assert rows(table)[:10] == rows(gold.tables[0])[:10]


def test_rows_that_leave_their_empty_text_cells_out_are_read_by_type():
    """Anhui Jinzhai's 2023 villages (anhui_jinzhai_2023_meilixiangcun) copied one cell a line, empty cells left out:
    "指标1:开展精品示范村建设数量 | 10 | ≤4 | 4 | 10" prints no 得分计算方法 and no 未完成原因分析, so no fixed row
    of the form's cells reads it; every row is read by its cells' types, the closing "成本指标 | 指标1:" a 二级 under
    产出指标 with no values."""
    text, gold = drawn("anhui_jinzhai_2023_meilixiangcun", "b")
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    assert rows(table) == rows(gold.tables[0])


def test_a_whole_table_on_one_line_keeps_rows_whose_target_and_result_are_words():
    """Sample 001 (a market regulator's 2024 table) drawn in Jinan's form and flattened onto one line, cells apart by
    single spaces (v): rows such as "传销活动得到有效遏制 1 不断提升 不断提升 1" and "…长期 长期 2" hold a word target
    and its equal result between their 分值 and 得分; they are rows of the table as much as those with figures, so the
    reading by cell keeps every row."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="001_", template=FORM, merged=True)
    text = paste.pasted(sheet, "v")
    assert "传销活动得到有效遏制 1 不断提升 不断提升 1" in text
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    assert rows(table) == rows(gold.tables[0])


def test_tab_rows_of_filled_cells_keep_numbered_indicator_names_out_of_分值():
    """Suining's 2021 drug-safety table (sichuan_suining_2021_liangpinyixie) as TAB rows of their filled cells (t):
    "质量指标 | 指标1.药品抽检完成率 | 100% | 100%" names its 二级 and 三级指标 — the digit of 指标1 makes no 分值 of
    the name, and 100% is no 分值 either."""
    text, gold = drawn("sichuan_suining_2021_liangpinyixie", "t")
    assert "质量指标\t指标1.药品抽检完成率\t100%\t100%" in text
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    read = {i.level3: (i.level2, i.target, i.actual, i.weight) for i in table.indicators}
    assert read["指标1.药品抽检完成率"] == ("质量指标", "100%", "100%", None)
    assert read["指标1.药品抽验品种"][:2] == ("数量指标", "≥3") and read["指标1.药品抽验品种"][3] is None


@pytest.mark.parametrize("style", ["b", "g", "v"])
def test_a_funds_rows_score_goes_under_得分_not_under_得分计算方法(style):
    """Suiyang's 部门整体 funds rows (guizhou_suiyang_nd_taibaizhen lines 6-10, "项目支出 | 187.36 | 353.75 | 10 | 10")
    in Jinan's form print no 执行率 and leave 得分计算方法 empty: 187.36 | 353.75 | 10 | 10 is 年初预算数, 全年执行数,
    分值 and 得分 — the form's first 得分 column; copied one cell a line (b), a row a line (g) or all on one line (v)."""
    text, gold = drawn("guizhou_suiyang_nd_taibaizhen", style)
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables

    def funds(read):
        return [(line.label, line.initial_budget, line.executed, line.weight, line.score)
                for line in [read.funds_total, *read.fund_lines] if line]

    assert funds(table) == funds(gold.tables[0])
