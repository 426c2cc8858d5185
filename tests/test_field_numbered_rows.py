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
