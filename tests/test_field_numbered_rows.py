"""Numbered indicator rows (指标1:, 指标2: …) of a spreadsheet copied as one line, from the field set's dev texts as
they were found: every expected value is read off the source line by eye, never copied from the reader's output."""
from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_two_names_printed_one_after_the_other_take_the_values_after_them_in_order():
    # Line 3: "… 指标24:传染病及突发公共卫生事件报告 数 指标25:家庭医生签约率 14例 14例 2 2 24694人 22584人 2 1.7 质量指标 …":
    # 指标24 has no values of its own; the eight after 指标25 are both rows' 指标值, 完成值, 分值 and 得分, in order.
    [table] = api.extract(api.load(DEV / "shanxi_jishan_2021_gonggongweisheng.txt"), "rules").tables
    rows = {i.level3: (i.target, i.actual, i.weight, i.score) for i in table.indicators}
    assert rows["指标24:传染病及突发公共卫生事件报告数"] == ("14例", "14例", 2, 2)
    assert rows["指标25:家庭医生签约率"] == ("24694人", "22584人", 2, 1.7)
    assert rows["指标23:0-36月龄中医药规范管理数"] == ("1228人", "770人", 2, 1.8)


def test_a_numbered_sheets_first_rows_printed_by_column_are_put_back_together():
    # Line 3: "… 指标1:居民健康档案 38508人 指标2:发放健康教育资料 不少于12 种 不少于6 种 116次 6次 二级指标 三级指标
    # 指标5:举办健康教育知识讲座 分值 得分 37442人 3 3 14种 1 1 28种 1 1 150次 1 1 150次 1 1 指标6:举办健康教育宣传咨询活动
    # 12次 96次 1 1 …": the five rows before 指标6 print their 指标值 first, then each row's 完成值, 分值 and 得分;
    # rows 3 and 4 print no name.
    [table] = api.extract(api.load(DEV / "shanxi_jishan_2021_gonggongweisheng.txt"), "rules").tables
    assert [(i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators[:6]] == [
        ("指标1:居民健康档案", "38508人", "37442人", 3, 3), ("指标2:发放健康教育资料", "不少于12种", "14种", 1, 1),
        (None, "不少于6种", "28种", 1, 1), (None, "116次", "150次", 1, 1), ("指标5:举办健康教育知识讲座", "6次", "150次", 1, 1),
        ("指标6:举办健康教育宣传咨询活动", "12次", "96次", 1, 1)]
