"""Score sheets (评价得分表) of the field set's dev texts as they were found: every expected value is read off the
source line by eye, never copied from the reader's output."""
from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_a_score_sheet_whose_lines_break_one_cell_late_with_the_points_in_the_item_names():
    # Lines 26-32: "2017 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 部门决 策(25 分) 目标任务(15 分)
    # 相关性(5 分)" "5 明确性(5 分)" "5 合理性(5 分)" "5 预算编制(10 分) 测算依据(5 分)" "2 目标管理(5 分)" "4 综合管
    # 理(30 分) 专项资金分配时限(2 分) 省级财力专项预算分配时限(1 分)" "1 中央专款分配合规........": each line's
    # leading number is the 得分 of the row above; an item's points are its 分值; the copy ends inside the last row.
    report = api.extract(api.load(DEV / "sichuan_shengji_2017_bumendefen.txt"), "rules")
    [sheet] = [table for table in report.tables if table.title == "2017年部门整体支出绩效评价得分表"]
    assert sheet.kind == "department_overall"
    assert [(i.level1, i.level2, i.level3, i.weight, i.score, i.line) for i in sheet.indicators] == [
        ("部门决策", "目标任务", "相关性", 5, 5, 26),
        ("部门决策", "目标任务", "明确性", 5, 5, 27),
        ("部门决策", "目标任务", "合理性", 5, 5, 28),
        ("部门决策", "预算编制", "测算依据", 5, 2, 29),
        ("部门决策", "预算编制", "目标管理", 5, 4, 30),
        ("综合管理", "专项资金分配时限", "省级财力专项预算分配时限", 1, 1, 31),
        ("综合管理", "专项资金分配时限", "中央专款分配合规........", None, None, 32),
    ]
