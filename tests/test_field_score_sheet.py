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


def test_a_headerless_project_score_sheet_whose_lines_start_with_the_row_above_s_points_and_score():
    # Lines 3-22, the project sheet cut off above its header: "20 分)项目决策(10 分)科学决策必要性 (政策依据)"
    # "5 5 可行性 (政策完善)" "5 5 (" "10 ) 绩效目标明确性" "5 5 合理性" "5 5" "14 (" "10 分)项目管理(7分)资金管理资金分配"
    # … "3 2 ( 特性指标70 分)项目绩效(20 ) 项目完成完成数量" … "50 分)项目效益经济效益(可选项)" "40 社会效益(可选项)"
    # "40 生态效益(可选项) 可持续效益(可选项) 公平效率(可选项) 使用效率(可选项) 服务对象满意度" "10 10 总分 3.部门…":
    # each line starts with the 分值 and 得分 of the row above; a level's points print before it, cut at line breaks
    # ("(" … "10 )"); "14" on its own is a page number; the 一级 and 二级 names run into the 三级 name after them.
    report = api.extract(api.load(DEV / "sichuan_shengji_2017_bumendefen.txt"), "rules")
    [sheet] = [table for table in report.tables if table.line == 3]
    assert sheet.kind == "project"
    assert [(i.level1, i.level2, i.level3, i.weight, i.score, i.line) for i in sheet.indicators] == [
        ("项目决策", "科学决策", "必要性(政策依据)", 5, 5, 3),
        ("项目决策", "科学决策", "可行性(政策完善)", 5, 5, 4),
        ("项目决策", "绩效目标", "明确性", 5, 5, 6),
        ("项目决策", "绩效目标", "合理性", 5, 5, 7),
        ("项目管理", "资金管理", "资金分配", 3, 3, 10),
        ("项目管理", "资金管理", "资金使用", 4, 4, 11),
        ("项目管理", "项目执行", "执行规范", 3, 2, 13),
        ("项目绩效", "项目完成", "完成数量", 5, 5, 14),
        ("项目绩效", "项目完成", "完成质量", 5, 4, 15),
        ("项目绩效", "项目完成", "完成时效", 5, 5, 16),
        ("项目绩效", "项目完成", "完成成本", 5, 5, 17),
        ("项目绩效", "项目效益", "经济效益(可选项)", 40, None, 19),
        ("项目绩效", "项目效益", "社会效益(可选项)", 40, None, 20),
        ("项目绩效", "项目效益", "生态效益(可选项)", None, None, 21),
        ("项目绩效", "项目效益", "可持续效益(可选项)", None, None, 21),
        ("项目绩效", "项目效益", "公平效率(可选项)", None, None, 21),
        ("项目绩效", "项目效益", "使用效率(可选项)", None, None, 21),
        ("项目绩效", "项目效益", "服务对象满意度", 10, 10, 21),
    ]


def test_the_late_broken_project_sheet_under_its_header_run_together_on_a_line(tmp_path):
    # The dev copy's lines 3-22 as a copy that keeps the sheet's title and header above them (a PDF's text prints
    # the header as one line of words apart by spaces): the same rows.
    lines = (DEV / "sichuan_shengji_2017_bumendefen.txt").read_text(encoding="utf-8").splitlines()
    copy = tmp_path / "sheet.txt"
    copy.write_text("\n".join(["项目支出绩效评价得分表", "一级指标 二级指标 三级指标 分值 得分", *lines[2:22]]),
                    encoding="utf-8")
    [sheet] = api.extract(api.load(copy), "rules").tables
    assert [(i.level3, i.weight, i.score) for i in sheet.indicators][6:13] == [
        ("执行规范", 3, 2), ("完成数量", 5, 5), ("完成质量", 5, 4), ("完成时效", 5, 5), ("完成成本", 5, 5),
        ("经济效益(可选项)", 40, None), ("社会效益(可选项)", 40, None)]
