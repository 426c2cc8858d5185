"""Copies a viewer or OCR damaged: a cell lost, or two cells run into one line. One damaged cell costs at most its
own row, never the table — a header word lost or run into the next, a head key run into the next, a funds row's
label lost. The copies are field dev tables printed a cell a line (evals/tools/paste.py style b, from the gold
labels) or the dev text as found, then damaged at one named cell; every expected value is read off the source line
quoted beside it."""
from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"


def damaged(name: str, drop: str = "", join: str = "", after: str = "") -> list[str]:
    """The dev table `name` printed a cell a line, its first line `drop` left out or its first line `join` run into
    the line after it (the first after the line `after`, where given)."""
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                        only=name)
    lines = paste.pasted(sheet, "b").splitlines()
    return with_damage(lines, drop, join, after)


def with_damage(lines: list[str], drop: str = "", join: str = "", after: str = "") -> list[str]:
    lines = list(lines)
    start = lines.index(after) + 1 if after else 0
    if drop:
        del lines[lines.index(drop, start)]
    if join:
        at = lines.index(join, start)
        lines[at:at + 2] = [lines[at] + lines[at + 1]]
    return lines


def read(lines: list[str]):
    return api.extract(read_bytes("\n".join(lines).encode("utf-8"), "pasted.txt"), "rules")


def indicator(report, level3: str) -> tuple:
    [found] = [i for t in report.tables for i in t.indicators if i.level3 == level3]
    return found.level1, found.level2, found.target, found.actual, found.weight, found.score


def test_two_funds_column_words_run_into_one_line_are_two_columns():
    # guizhou_suiyang l.5-7: "部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 |
    # 得分计算方法", "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | …", "基本支出 | 985.19 | 914.97 |". The copy ran
    # "年初预算数(A)" and "全年执行数(B)" into one line: the block was lost whole (F1 0.00).
    [table] = read(damaged("guizhou_suiyang", join="年初预算数(A)")).tables
    total = table.funds_total
    assert (total.initial_budget, total.executed, total.weight, total.score) == (1172.55, 1268.72, 10, 10)
    assert [(line.label, line.initial_budget, line.executed) for line in table.fund_lines][0] == \
        ("基本支出", 985.19, 914.97)


def test_a_header_that_lost_its_first_level_word_still_reads_the_first_level():
    # yunnan_yongde l.16: "… | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 |
    # 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |". The copy lost "一级指标": the rows still open with their 一级
    # name (0.20 before, every row misread).
    report = read(damaged("yunnan_yongde", drop="一级指标"))
    assert indicator(report, "学生受资助人数") == ("产出指标", "数量指标", "≧735人次", "735", 10, 10)


def test_a_header_that_lost_its_second_level_word_still_reads_the_second_level():
    # sichuan_zhongjiang l.2: "…一级指标二级指标三级指标分值年度指标值全年实际值得分…效益指标(20分)经济效益指标社会效益
    # 指标受益脱贫(含监测对象)户人口数10≥1000人≥1000人10…". The copy lost "二级指标": a 二级 name still follows each
    # row's 一级 (0.21 before).
    report = read(damaged("sichuan_zhongjiang", drop="二级指标"))
    assert indicator(report, "受益脱贫(含监测对象)户人口数") == ("效益指标", "社会效益指标", "≥1000人", "≥1000人", 10, 10)


def test_two_head_labels_run_into_one_line_keep_the_second_labels_value():
    # hubei_qu_2020_changjiang l.4: "…单位名称:农业工作科填报日期:项目名称渔业成品油价格改革补贴主管部门…". The copy ran
    # the blank 填报日期 into 项目名称: the table's name was lost, and with it the table (0.08 before).
    [table] = read(damaged("hubei_qu_2020_changjiang", join="填报日期")).tables
    assert table.name == "渔业成品油价格改革补贴"


def test_a_funds_total_whose_label_the_copy_lost_is_still_the_total():
    # sichuan_zitong l.39-46, as found, a cell a line: "全年预算数 |", "全年执行数 |", "预算执行率 |", "|||",
    # "年度资金总额: |", "40 |", "40 |", "100% |". Without "年度资金总额: |" the values under the column words are the
    # total's (the block was lost before, 0.31).
    lines = (DEV / "sichuan_zitong_2023_rendadaibiao.txt").read_text(encoding="utf-8").splitlines()
    [table] = read(with_damage(lines, drop="年度资金总额: |")).tables
    total = table.funds_total
    assert (total.full_year_budget, total.executed, total.execution_rate) == (40, 40, 100)


def test_a_funds_row_of_fewer_values_than_columns_under_the_words_is_no_total():
    # shanghai_putuo_2022 l.3, a PDF's text in reading order: "… 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    # 20000.00 20000.00 4.52 其中:当年财政拨款 …": three values under six words are no row printed whole (4.52 is the
    # 得分, its 执行数 9,034 printed elsewhere), so no total is read from them.
    path = DEV / "shanghai_putuo_2022_tiyu.txt"
    report = api.extract(api.load(path), "rules")
    second = [t for t in report.tables if t.name == "援滇对口支援及结对帮扶经费"]
    assert all(t.funds_total is None or t.funds_total.executed != 4.52 for t in second)


def test_a_header_that_lost_its_points_word_reads_both_points_where_every_row_prints_them():
    # anhui_tangxi_2022_weituo l.2: "… 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    # 产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 … 经费支出合规性 严格执行相关制度规定 达成预期指标 8 8".
    # The copy lost the indicators' "分值": every row still prints two points after its result (0.43 before, the 分值
    # read as the result).
    report = read(damaged("anhui_tangxi_2022_weituo", drop="分值", after="三级指标"))
    assert indicator(report, "基建工程委托业务项目数量") == ("产出指标", "数量指标", "≥50个", "50", 8, 8)
    assert indicator(report, "经费支出合规性") == ("产出指标", "质量指标", "严格执行相关制度规定", "达成预期指标", 8, 8)


def test_column_words_run_together_are_no_upper_half_of_the_first_rows_name():
    # hubei_qu_2020_changjiang l.4: "…二级指标三级指标年初目标值(A)实际完成值(B)得分出标产指数量指标补贴渔船数6620质量指标
    # 渔船补贴发放率100%100%10…". A cell a line, "实际完成值(B)得分" is two column words, not the upper half of a word the
    # next line ("产出指标") ends.
    report = read(damaged("hubei_qu_2020_changjiang", join="实际完成值(B)"))
    assert indicator(report, "渔船补贴发放率") == ("产出指标", "质量指标", "100%", "100%", None, 10)


def test_a_rows_last_score_run_into_the_total_is_the_score_and_the_total():
    # hubei_qu_2020_changjiang l.4-5: "…退捕渔民抽样调查满意度90%290%40总分100…" (the 实际完成值 290% as printed). A
    # cell a line, the copy ran the row's 得分 40 into "总分": the row keeps its 40 and the table its total of 100.
    [table] = read(damaged("hubei_qu_2020_changjiang", join="40")).tables
    assert indicator_of(table, "退捕渔民抽样调查满意度").score == 40
    assert table.total_score == 100


def indicator_of(table, level3: str):
    [found] = [i for i in table.indicators if i.level3 == level3]
    return found


def test_one_cell_run_into_the_next_does_not_make_a_cell_a_line_copy_rows_a_line():
    # sichuan_suining_2021 l.38, 52-53: "数量指标 指标1.药品抽验品种 ≥3 4", "指标8.培训人员覆盖率 100% 100%", "时效指标
    # 任务完成时间 2021年底 2021年底". A cell a line, the copy ran the 完成值 "100%" into "时效指标": the two cells
    # of that one line are no sign that the copy prints a row a line (0.14 read so, the table lost).
    lines = damaged("sichuan_suining")
    at = lines.index("指标8.培训人员覆盖率") + 2
    lines[at:at + 2] = [lines[at] + lines[at + 1]]
    report = read(lines)
    assert indicator(report, "指标1.药品抽验品种")[1:4] == ("数量指标", "≥3", "4")
    assert indicator(report, "任务完成时间")[1:4] == ("时效指标", "2021年底", "2021年底")


def test_a_header_that_lost_its_third_level_word_reads_the_name_after_the_two_levels():
    # hubei_huangshi_2023_xiaoyuanweixiu l.64-86, a cell a line: "一级指标", "二级指标", "三级指标", "年初目标值(A",
    # "实际完成值(B", "产出指标", "数量指标", "完成校园维修改造及设备购置项目", "800万元", "800万元", "质量指标",
    # "校园维修改造及设备购置合格率", "100%", "100%". The copy lost "三级指标": each row still names its indicator after
    # its 一级 and 二级 names (no table was read before).
    report = read(damaged("hubei_huangshi_2023_xiao", drop="三级指标"))
    assert indicator(report, "完成校园维修改造及设备购置项目")[:4] == ("产出指标", "数量指标", "800万元", "800万元")
    assert indicator(report, "校园维修改造及设备购置合格率")[:4] == ("产出指标", "质量指标", "100%", "100%")


def test_a_header_that_lost_both_level_words_reads_the_levels_its_rows_open_with():
    # hubei_huangshi_2023_xiaoyuanweixiu l.64-86 as above. The copy lost "一级指标" and "二级指标", keeping "三级指标":
    # each row still opens with its 一级 and 二级 names (产出指标, 数量指标) before its indicator (read as names of no
    # level before, each level a row of its own).
    report = read(with_damage(damaged("hubei_huangshi_2023_xiao", drop="一级指标"), drop="二级指标"))
    assert indicator(report, "完成校园维修改造及设备购置项目")[:4] == ("产出指标", "数量指标", "800万元", "800万元")
    assert indicator(report, "校园维修改造及设备购置合格率")[:4] == ("产出指标", "质量指标", "100%", "100%")


def test_a_header_left_with_its_second_level_word_alone_reads_all_three_levels():
    # shanghai_putuo_2022_tiyu l.3: "一级指标 二级指标 … 三级指标 … 年度 指标值 实际 完成值 分值 得分 =100% 100% 10 10 …
    # 产出指标 质量指标 … 合同结算条款完成率 费用结算及时性", a cell a line. The copy lost "一级指标" and "三级指标", keeping
    # "二级指标": each row still opens with its 一级 and 二级 names before its indicator (no table was read before).
    report = read(with_damage(damaged("shanghai_putuo", drop="一级指标"), drop="三级指标"))
    assert indicator(report, "与委托运营方结算完成率") == ("产出指标", "数量指标", "=100%", "100%", 10, 10)
    assert indicator(report, "费用结算及时性") == ("产出指标", "时效指标", "及时", "及时", 20, 20)


def test_a_level_word_run_into_a_column_word_that_lost_its_closing_bracket_is_two_columns():
    # hubei_huangshi_2023_xiaoyuanweixiu l.64-86 as above: the column word "年初目标值(A" lost its closing bracket in the
    # copy as found; the copy also ran "三级指标" into it ("三级指标年初目标值(A"): two columns still (no table before).
    report = read(damaged("hubei_huangshi_2023_xiao", join="三级指标"))
    assert indicator(report, "完成校园维修改造及设备购置项目")[:4] == ("产出指标", "数量指标", "800万元", "800万元")
