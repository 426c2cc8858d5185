"""Copies cut off inside a table (the field set's `truncated` texts, dev split, as they were found): what is printed
is read; every expected value is read off the source lines by eye, never copied from the reader's output."""
from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_the_last_row_cut_off_before_its_values_keeps_its_names():
    # Lines 250-260, one cell a line: "产出成本" "3" "3" "项目效益" "40" "经济", and the copy ends: 经济 is a row under
    # 项目效益 (its 分值 40 printed after it) with no values yet.
    [table] = api.extract(api.load(DEV / "hainan_shengji_fuwumaoyi.txt"), "rules").tables
    last = table.indicators[-1]
    assert (last.level1, last.level2, last.level3, last.weight, last.score, last.line) == \
        ("项目绩效", "项目效益", "经济", None, None, 260)
    assert (table.indicators[-2].level3, table.indicators[-2].weight) == ("产出成本", 3)


def test_a_level_with_no_row_under_it_then_the_last_row_cut_off_before_its_values():
    # Line 2, the copy's end: "… 对推动基建项目“四项制度”健全和落实的持续性影响 效果明显 达成预期指标 10 10 经济效益指标 满意度指标(10分)
    # 满意度指标 公众满": 经济效益指标 has no row under it before the next 一级, and 公众满 is a row cut off with its names.
    [table] = api.extract(api.load(DEV / "anhui_tangxi_2022_weituo.txt"), "rules").tables
    assert [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators[-3:]] == [
        ("效益指标", "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", 10, 10),
        ("效益指标", "经济效益指标", None, None, None),
        ("满意度指标", "满意度指标", "公众满", None, None)]


def test_the_last_rows_note_and_a_placeholder_row_at_the_end_of_the_copy():
    # Lines 448-460, one cell a line, then the copy ends: "指标1学生满意度" "100" "100" "10" "10" "0" "指标2": "0" is the
    # row's 偏差原因 cell and 指标2 a placeholder row with no values.
    [table] = api.extract(api.load(DEV / "hebei_langfang_2019_nuantong.txt"), "rules").tables
    assert [(i.level2, i.level3, i.weight, i.score, i.deviation_note, i.line) for i in table.indicators[-2:]] == [
        ("服务对象满意度指标", "指标1学生满意度", 10, 10, "0", 448), ("服务对象满意度指标", "指标2", None, None, None, 460)]
