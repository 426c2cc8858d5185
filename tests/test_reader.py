"""The table reader on the layouts other provinces publish: each text is written as such pages print it,
and every expected value is read off that text by eye."""
from assistant import api
from assistant.document import Cell, Row
from assistant.extract.header import header_values
from assistant.extract.rules import NO_TABLE_READ
from assistant.extract.run_rows import agrees, cut_off_target, read_run_rows
from assistant.extract.tokens import segment, split_fund_run, split_numbers
from assistant.review.memo import build_memo
from assistant.values import normalize_text
from tests.conftest import ROOT

FUNDS = ["full_year_budget", "executed", "weight", "execution_rate", "score"]


def extract(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return api.extract(api.load(path), "rules")


def rows_of(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.deviation_note)
            for i in table.indicators]


def test_web_pipe_text_with_lone_separators_padding_and_a_broken_cell(tmp_path):
    text = """项目支出绩效自评表
| 项目名称 | 乡村道路养护 | | | | | |||||||
|
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |||||
|
| 产出指标(50分) | 数量指标 | 养护道路里
程 | ≥120公里 | 126公里 | 25 | 25 | |||||
|

| | 质量指标 | 验收合格率 | ≥95% | 90% | 25 | 23 | 部分路段返工 |||||
| 效益指标(30分) | 社会效益指标 | 群众出行便利度 | 逐步提高 | 已提高 | 30 | 30 | |||||
| 总分 | 100 | 88 | |||||||||
"""
    [table] = extract(tmp_path, text).tables
    assert table.kind == "project" and table.name == "乡村道路养护"
    assert rows_of(table) == [
        ("产出指标", "数量指标", "养护道路里程", "≥120公里", "126公里", 25, 25, None),
        ("产出指标", "质量指标", "验收合格率", "≥95%", "90%", 25, 23, "部分路段返工"),
        ("效益指标", "社会效益指标", "群众出行便利度", "逐步提高", "已提高", 30, 30, None),
    ]
    assert (table.total_weight, table.total_score) == (100, 88)
    assert table.confidence == 1.0


def test_two_row_header_joins_the_split_target_and_reads_the_head_score(tmp_path):
    text = """项目支出绩效自评表
项目名称\t农村劳动力转移就业培训\t自评得分\t96
一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分
\t\t\t指标性质\t指标值\t度量单位\t\t\t
产出指标\t数量指标\t培训人次\t≧\t735\t人次\t760人次\t20\t20
产出指标\t时效指标\t培训完成时间\t≦\t12\t月\t11月\t10\t10
效益指标\t满意度指标\t学员满意度\t≥\t90\t%\t94%\t10\t6
"""
    [table] = extract(tmp_path, text).tables
    assert table.name == "农村劳动力转移就业培训"
    assert [(i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("培训人次", "≧735人次", "760人次", 20, 20),
        ("培训完成时间", "≦12月", "11月", 10, 10),
        ("学员满意度", "≥90%", "94%", 10, 6),
    ]
    assert table.total_score == 96


def test_stacked_header_printed_without_blank_cells(tmp_path):
    text = """| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 指标方向 | 指标值 | 度量单位 |
| 产出指标 | 数量指标 | 检测样品 | ≥ | 600 | 批次 | 612批次 | 40 | 40 |
"""
    [table] = extract(tmp_path, text).tables
    assert rows_of(table) == [("产出指标", "数量指标", "检测样品", "≥600批次", "612批次", 40, 40, None)]


def test_chongqing_template_without_level_cells(tmp_path):
    text = """2023年度项目支出绩效自评表
项目名称\t城市社区养老服务补助\t自评总分\t95.5\t资金单位：元
指标名称\t计量单位\t指标性质\t年初指标值\t调整指标值\t全年完成值\t得分系数\t指标权重\t指标得分\t是否核心指标
补助社区养老服务中心数量\t个\t≥\t12\t\t12\t100%\t30\t30\t是
服务老年人满意度\t%\t≥\t90\t\t85\t94.4%\t10\t9.44\t否
"""
    [table] = extract(tmp_path, text).tables
    assert table.kind == "project" and table.name == "城市社区养老服务补助"
    assert [(i.level1, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        (None, "补助社区养老服务中心数量", "≥12个", "12", 30, 30),
        (None, "服务老年人满意度", "≥90%", "85", 10, 9.44),
    ]
    assert table.total_score == 95.5 and table.money_unit == "元"


def test_traditional_characters_with_pinyin_glosses(tmp_path):
    text = """項(xiàng)目支出績(jì)效自評(píng)表
項(xiàng)目名稱\t社區(qū)衛(wèi)生服務
一級指標\t二級指標\t三級指標\t年度指標值\t實(shí)際完成值\t分值\t得分
產(chǎn)出指標\t數(shù)量指標\t體檢人數(shù)\t≥500人\t520人\t50\t50
總分\t\t\t\t\t100\t95
"""
    [table] = extract(tmp_path, text).tables
    assert table.name == "社区卫生服务"
    assert rows_of(table) == [("产出指标", "数量指标", "体检人数", "≥500人", "520人", 50, 50, None)]
    assert (table.total_weight, table.total_score) == (100, 95)


def test_normalize_text_strips_glosses_and_simplifies():
    assert normalize_text("年初預(yù)算數(shù)") == "年初预算数"
    assert normalize_text("產(chǎn)出指標（５０分）") == "产出指标（50分）"
    assert normalize_text("满意度(%) ≥ 90") == "满意度(%)≥90"


def test_one_cell_per_line_with_a_trailing_separator(tmp_path):
    cells = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "维修水渠", "≥8公里", "8.5公里", "30", "30",
             "质量指标", "工程验收合格率", "100%", "100%", "20", "20", "总分", "90"]
    text = "项目支出绩效自评表\n" + "".join(f"{cell} |\n" for cell in cells)
    [table] = extract(tmp_path, text).tables
    assert [(i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("数量指标", "维修水渠", "≥8公里", "8.5公里", 30, 30),
        ("质量指标", "工程验收合格率", "100%", "100%", 20, 20),
    ]


def test_a_total_under_a_table_nobody_scored_is_the_weights_total(tmp_path):
    # The unit filled in 分值 only; 合计 100 adds up the 分值 column (60 + 30 + the funds' 10), not a score.
    cells = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "足额保障率", "=100%", "", "60", "", "",
             "效益指标", "社会效益指标", "按时发放率", "=100%", "", "30", "", "", "合计", "100", "", ""]
    text = "项目支出绩效自评表\n" + "".join(f"{cell} |\n" for cell in cells)
    [table] = extract(tmp_path, text).tables
    assert [(i.level3, i.weight, i.score) for i in table.indicators] == [("足额保障率", 60, None), ("按时发放率", 30, None)]
    assert (table.total_weight, table.total_score) == (100, None)


def test_a_lone_total_is_read_by_which_column_it_adds_up(tmp_path):
    def totals(total: str) -> tuple:
        cells = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "产出指标", "数量指标", "维修水渠", "≥8公里", "6公里", "60", "45",
                 "效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", "40", "40", "合计", total]
        [table] = extract(tmp_path, "项目支出绩效自评表\n" + "".join(f"{cell} |\n" for cell in cells)).tables
        return table.total_weight, table.total_score
    assert totals("100") == (100, None)  # 60 + 40: the 分值 column
    assert totals("85") == (None, 85)  # 45 + 40: the 得分 column


def test_sichuan_goal_rows_under_their_labels_with_padding(tmp_path):
    text = ("部门预算项目支出绩效自评表(2023年度) | |||||\n"
            "项目名称 | 办公设备购置项目 | |||||\n"
            "项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 | |||\n"
            "按要求购置办公设备并完成资金支付。 | 已完成 | |||||\n"
            "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |\n"
            "产出指标 | 数量指标 | 购置电脑台数 | =13台 | 13台 | 90 | 90 | |\n")
    [table] = extract(tmp_path, text).tables
    assert (table.goals.expected, table.goals.achieved) == ("按要求购置办公设备并完成资金支付。", "已完成")


def test_a_report_that_mentions_its_table_but_yields_none_says_so(tmp_path):
    text = "一、基本情况\n本单位2022年度项目支出绩效自评表附后。\n财政供养人员控制率%定量指标100%92%100%22否\n"
    report = extract(tmp_path, text)
    assert report.tables == [] and NO_TABLE_READ in report.warnings


def test_the_memo_says_the_table_was_not_read(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("一、基本情况\n本单位2022年度项目支出绩效自评表附后。\n财政供养人员控制率%定量指标100%92%100%22否\n",
                    encoding="utf-8")
    opinion = build_memo(api.review(api.load(path))).opinion
    assert any(NO_TABLE_READ in paragraph for paragraph in opinion)


def test_joined_fund_numbers_are_split_by_their_arithmetic():
    # 全年预算数 20, 全年执行数 20, 分值 10, 执行率 100.00%, 得分 10: the only split where 20 ÷ 20 = 100% and 10 × 100% = 10.
    assert split_fund_run("202010100.00%10", FUNDS) == ["20", "20", "10", "100.00%", "10"]
    # 50 ÷ 100 = 50% and 10 × 50% = 5.
    assert split_fund_run("100501050.00%5", FUNDS) == ["100", "50", "10", "50.00%", "5"]
    # No 分值 column (预算数, 执行数, 执行率, 得分): 1000 ÷ 1000 = 100%.
    assert split_fund_run("10001000100%20", ["full_year_budget", "executed", "execution_rate", "score"]) == \
        ["1000", "1000", "100%", "20"]


def test_ambiguous_joined_numbers_are_left_empty():
    # "11" "1" "0" and "1" "11" "0" … several splits fit a 0% rate, so none is chosen.
    assert split_fund_run("11100%0", FUNDS) is None
    # A scored row (分值, 得分 after the rate) is never read as "spent whole" (the amounts alike, then 100): 10 | 10 |
    # 10 | 100% would score 10, not the 5 printed.
    assert split_fund_run("101010100%5", FUNDS) is None
    assert split_numbers("1111", 2, lambda values: values[1] <= values[0]) is None


def test_joined_weight_and_score_split_when_only_one_reading_fits():
    # 实际完成值 50, 分值 8, 得分 8: 得分 ≤ 分值 ≤ the stage's 50 leaves one reading.
    assert split_numbers("5088", 3, lambda v: v[2] <= v[1] <= 50) == ["50", "8", "8"]


def test_run_together_table_is_cut_into_cells(tmp_path):
    text = ("附件:项目支出绩效自评表项目名称乡镇污水处理主管部门某县生态环境局项目资金(万元)"
            "全年预算数全年执行数分值执行率得分年度资金总额:202010100.00%10\n")
    assert segment(text.strip())[:13] == [
        "附件:项目支出绩效自评表", "项目名称", "乡镇污水处理", "主管部门", "某县生态环境局", "项目资金(万元)",
        "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额:", "202010100.00%10"]


def test_table_flattened_into_one_spaced_line(tmp_path):
    text = ("附件: 项目支出绩效自评表 (2022年度) 项目名称 村级道路维护 主管部门 某镇人民政府 实施单位 某镇建设站 "
            "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 50 50 45 10 90% 9 "
            "其中:本年财政拨款 50 50 45 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 维护道路12公里。 "
            "维护道路12.5公里。 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 维护道路长度 ≥12公里 12.5 25 25 质量指标 验收合格率 100% 100 25 25 "
            "效益指标(30分) 社会效益指标 群众出行条件 明显改善 达成预期指标 30 28 总分 100 92\n")
    [table] = extract(tmp_path, text).tables
    assert table.kind == "project" and table.name == "村级道路维护"
    total = table.funds_total
    assert (total.label, total.initial_budget, total.full_year_budget, total.executed, total.weight,
            total.execution_rate, total.score) == ("年度资金总额", 50, 50, 45, 10, 90, 9)
    assert [(f.label, f.initial_budget, f.full_year_budget, f.executed) for f in table.fund_lines][0] == \
        ("本年财政拨款", 50, 50, 45)
    assert (table.goals.expected, table.goals.achieved) == ("维护道路12公里。", "维护道路12.5公里。")
    assert rows_of(table) == [
        ("产出指标", "数量指标", "维护道路长度", "≥12公里", "12.5", 25, 25, None),
        ("产出指标", "质量指标", "验收合格率", "100%", "100", 25, 25, None),
        ("效益指标", "社会效益指标", "群众出行条件", "明显改善", "达成预期指标", 30, 28, None),
    ]
    assert (table.total_weight, table.total_score) == (100, 92)


def test_joined_numbers_left_empty_with_a_warning_when_the_split_is_not_unique(tmp_path):
    text = ("项目名称 村级道路维护 项目资金 (万元) 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 11100%0 "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 维护道路长度 ≥12公里 12.5 25 25 质量指标 验收合格率 100% 100 25 25\n")
    report = extract(tmp_path, text)
    [table] = report.tables
    total = table.funds_total
    assert (total.full_year_budget, total.executed, total.weight, total.execution_rate, total.score) == \
        (None, None, None, None, None)
    assert any("11100%0" in warning and "无法唯一拆分" in warning for warning in report.warnings)
    assert len(table.indicators) == 2


def test_joined_numbers_split_in_a_run_together_funds_row(tmp_path):
    text = ("项目名称 水标尺制作安装 资金情况(万元) 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 "
            "年度资金总额: 202010100.00%10 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            "产出指标(70分) 数量指标 安装坡面水标尺 ≥266米 266米 10 10\n")
    [table] = extract(tmp_path, text).tables
    total = table.funds_total
    assert (total.full_year_budget, total.executed, total.weight, total.execution_rate, total.score) == \
        (20, 20, 10, 100, 10)


def test_ningxia_stages_with_the_weight_before_the_target(tmp_path):
    text = """项目支出绩效自评表
项目名称\t马铃薯原种繁育\t自评得分\t94.8
一级指标\t二级指标\t三级指标\t参考分值\t指标值\t全年实际值\t得分
项目决策\t决策依据\t立项依据充分性\t3\t充分\t充分\t3
项目管理\t资金管理\t预算执行率\t5\t100%\t96%\t4.8
项目产出\t数量指标\t繁育原种面积\t20\t≥850亩\t853亩\t20
"""
    [table] = extract(tmp_path, text).tables
    assert [(i.level1, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("项目决策", "立项依据充分性", "充分", "充分", 3, 3),
        ("项目管理", "预算执行率", "100%", "96%", 5, 4.8),
        ("项目产出", "繁育原种面积", "≥850亩", "853亩", 20, 20),
    ]
    assert table.name == "马铃薯原种繁育" and table.total_score == 94.8


def test_a_self_score_column_named_zipingfen_is_the_score(tmp_path):
    # Hubei's forms head the 得分 column 自评分, after 权重
    text = """项目支出绩效自评表
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t权重\t自评分\t偏差原因分析及改进措施
产出指标\t数量指标\t培训人数\t≥100人\t120人\t20\t20\t
产出指标\t质量指标\t合格率\t≥95%\t90%\t20\t18\t部分学员未通过
合计\t\t\t\t\t40\t38\t
"""
    [table] = extract(tmp_path, text).tables
    assert [(i.level3, i.weight, i.score, i.deviation_note) for i in table.indicators] == [
        ("培训人数", 20, 20, None), ("合格率", 20, 18, "部分学员未通过")]
    assert (table.total_weight, table.total_score) == (40, 38)


def test_confidence_says_how_much_of_the_table_was_read(tmp_path):
    text = """项目支出绩效自评表
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
产出指标\t数量指标\t培训人次\t≥700人次\t760人次\t20\t20
产出指标\t质量指标\t合格率\t≥95%\t97%\t二十\t十八分
产出指标\t时效指标\t完成时间\t年底前\t11月\t\t
"""
    [table] = extract(tmp_path, text).tables
    # Header and two of three rows explained: the last row has a target but no 分值 or 得分.
    assert table.confidence == 0.75


def test_chongqing_table_run_together(tmp_path):
    text = ("部门整体绩效自评表主管部门区财政局自评总分(分)97.6\n"
            "指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
            "财政供养人员控制率%定量指标100%92%100%22否预算调整率%3%0100%22否党性教育培训次数次26次12次100%55是"
            "资金使用合规性好好100%55否\n")
    [table] = extract(tmp_path, text).tables
    assert table.kind == "department_overall" and table.total_score == 97.6
    # 得分 = 指标权重 × 得分系数 splits "22" into 2 and 2, "55" into 5 and 5.
    assert [(i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("财政供养人员控制率", "100%", "92%", 2, 2),
        ("预算调整率", "3%", "0", 2, 2),
        ("党性教育培训次数", "26次", "12次", 5, 5),
        ("资金使用合规性", "好", "好", 5, 5),
    ]


def test_one_cell_per_line_funds_under_a_stacked_heading_with_a_numbered_note(tmp_path):
    cells = ["部门预算项目支出绩效自评表(2023年度)", "项目名称", "工资性支出", "主管部门", "某县司法局",
             "预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
             "得分", "原因", "总额", "120.50", "130.00", "126.10", "97.00%", "10", "9.7",
             "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因;2.年中发生预算调整的,应单独说明理由",
             "其中:财政资金", "120.50", "130.00", "126.10", "97.00%", "/", "/",
             "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分",
             "产出指标", "数量指标", "发放人数", "=25人", "25人", "90", "90"]
    text = "".join(f"{cell} |\n" for cell in cells)
    [table] = extract(tmp_path, text).tables
    assert [(f.label, f.initial_budget, f.full_year_budget, f.executed, f.execution_rate) for f in table.fund_lines] \
        == [("财政资金", 120.5, 130, 126.1, 97)]
    assert (table.funds_total.full_year_budget, table.funds_total.score) == (130, 9.7)


def test_one_cell_per_line_goals_printed_above_the_funds_under_a_titled_year(tmp_path):
    cells = ["部门预算项目支出绩效自评表(2023年度)", "项目名称", "工资性支出", "项目基本情况", "1.项目年度目标完成情况",
             "项目年度目标", "年度目标完成情况", "保障工资按时足额发放。", "工资已按月足额发放。",
             "预算执行情况(10分)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分",
             "总额", "120.50", "130.00", "126.10", "97.00%", "10", "9.7",
             "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分",
             "产出指标", "数量指标", "发放人数", "=25人", "25人", "90", "90"]
    text = "".join(f"{cell} |\n" for cell in cells)
    [table] = extract(tmp_path, text).tables
    assert (table.goals.expected, table.goals.achieved) == ("保障工资按时足额发放。", "工资已按月足额发放。")
    assert table.funds_total.executed == 126.1
    assert table.title == "部门预算项目支出绩效自评表"  # the year after it is not part of the title


def test_a_pasted_table_whose_first_row_is_its_title(tmp_path):
    text = ("项目支出绩效自评表 | | | | | |\n"
            "项目名称 | 乡村道路维护 | | | | |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 维护道路里程 | ≥12公里 | 12公里 | 90 | 88 |\n")
    [table] = extract(tmp_path, text).tables
    assert (table.title, table.name) == ("项目支出绩效自评表", "乡村道路维护")
    assert [(i.level3, i.weight, i.score) for i in table.indicators] == [("维护道路里程", 90, 88)]


def test_department_name_label_printed_with_half_width_brackets(tmp_path):
    text = ("部门整体支出绩效自评表 | | | | | |\n"
            "部门(单位)名称 | 某镇人民政府 | | | | |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 整治村庄数 | ≥5个 | 6个 | 90 | 90 |\n")
    report = extract(tmp_path, text)
    [table] = report.tables
    assert (table.kind, table.name, report.unit_name) == ("department_overall", "某镇人民政府", "某镇人民政府")


def test_a_blank_head_label_is_not_valued_by_the_next_label_and_the_block_label_weighs_the_funds(tmp_path):
    # Hubei's 2021 project table (襄阳市中心医院, https://taowenge.com/d-68000429.html) as Word gives its cells:
    # 单位名称 printed empty in this copy, the funds block worth "(20分)" in its label, no 分值 column.
    text = """2021年度财政项目绩效自评表
单位名称\t\t填报日期\t
项目名称\t东津院区建设补助\t主管部门\t襄阳市卫生健康委\t项目实施单位\t襄阳市中心医院
预算执行情况(万元)(20分)\t\t预算数(A)\t执行数(B)\t执行率(B/A)\t得分(20分*执行率)
\t年度财政资金总额\t1000\t1000\t100%\t20
年度绩效目标(80分)\t一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分
\t产出指标\t数量指标\t成本控制\t不超过预算\t不超过预算\t10
"""
    report = extract(tmp_path, text)
    [table] = report.tables
    assert table.name == "东津院区建设补助" and report.unit_name == "襄阳市中心医院" and report.year == 2021
    funds = table.funds_total
    assert (funds.full_year_budget, funds.executed, funds.execution_rate, funds.weight, funds.score) == \
        (1000, 1000, 100, 20, 20)


def test_funds_printed_as_label_value_cells_in_the_head(tmp_path):
    # Hainan's 服务贸易项目绩效自评表 (https://m.bdocx.com/doc/30238812.html), its head as Word gives the cells:
    # "计划投资额 (万元) 570 … 实际到位资金 (万元) 398.88 … 实际使用情况 (万元) 395.86".
    text = """服务贸易项目绩效自评表
项目实施单位\t省商务厅服务贸易和商贸服务业处\t主管部门\t省商务厅
计划投资额(万元)\t570\t实际到位资金(万元)\t398.88\t实际使用情况(万元)\t395.86
一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分
项目决策\t4\t项目目标\t4\t目标内容\t4\t4
"""
    report = extract(tmp_path, text)
    [table] = report.tables
    assert (table.funds_total.full_year_budget, table.funds_total.executed) == (570, 395.86)
    assert report.unit_name == "省商务厅服务贸易和商贸服务业处"


# Quoted from https://chacewang.com/newsdetail/news242266.html (evals/field/dev/sichuan_zhongjiang_2022_shuibiaochi).
ZHONGJIANG = ("绩效目标自评表(2022年度)项目名称小型水库水标尺制作安装主管部门中江县水利局实施单位中江县水利局"
              "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10"
              "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
              "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10"
              "质量指标项目(工程)验收合格率20100%100%20时效指标及时(按期)开工率10≥90%≥90%10"
              "及时(按期)完工率10≥90%≥90%10成本指标项目计划总投资1020万元20万元10效益指标(20分)经济效益指标"
              "社会效益指标受益脱贫(含监测对象)户人口数10≥1000人≥1000人10群众生产生活条件改善状况10显著提升显著提升10"
              "满意度指标(10分)服务对象满意度指标受益脱贫(含监测对象)户满意度10≥95%≥95%10……总分100100注:1.一级指标")


def test_run_together_indicator_rows_read_by_the_headers_columns(tmp_path):
    [table] = extract(tmp_path, ZHONGJIANG + "\n").tables
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert rows[:3] == [
        ("产出指标", "数量指标", "安装坡面水标尺", "≥266米", "≥266米", 10, 10),
        ("产出指标", "数量指标", "水标尺宽度", "≥50厘米", "≥50厘米", 10, 10),
        # 分值 and 指标值 joined: "20100%" is 20 and 100%, the only split into plain numbers.
        ("产出指标", "质量指标", "项目(工程)验收合格率", "100%", "100%", 20, 20),
    ]
    # "1020万元": 102 and 0万元 would put one row's 分值 over its stage's 70; a bare 成本指标 is a level-2 name.
    assert rows[5] == ("产出指标", "成本指标", "项目计划总投资", "20万元", "20万元", 10, 10)
    # A level name with no row of its own is an empty row, as the Word table prints it.
    assert rows[6] == ("效益指标", "经济效益指标", None, None, None, None, None)
    assert rows[8] == ("效益指标", "社会效益指标", "群众生产生活条件改善状况", "显著提升", "显著提升", 10, 10)
    assert rows[-1][2] == "……" and len(rows) == 11
    assert table.level1_weights == {"产出指标": 70, "效益指标": 20, "满意度指标": 10}
    # "100100": the 分值 is the rows' sum, 100, and the 得分 no more than it.
    assert (table.total_weight, table.total_score) == (100, 100)


def test_a_bare_level_2_name_opens_a_level_only_under_its_own_stage():
    # Hubei's 2021 form prints 二级 cells bare ("成本", "时效"), but 成本 is a 产出 二级 name: under 经济效益指标 a row
    # "成本节约额" is named so, not 二级 "成本" over a row "节约额" (whose ≥ the checks would then read as a ceiling).
    read = read_run_rows("效益指标经济效益指标带动就业人数≥50人60人10成本节约额≥10万元12万元10"
                         "社会效益指标受益人数≥100人120人10", ["target", "actual", "score"])
    assert [(cells.get("level2"), cells["level3"]) for cells in read.rows] == [
        ("经济效益指标", "带动就业人数"), (None, "成本节约额"), ("社会效益指标", "受益人数")]
    # Under 产出指标 the bare 成本 is the 二级 cell (hubei_xiangyang_2021_dongjin line 21).
    read = read_run_rows("产出指标质量指标保证财政建设补助专款专用专款专用专款专用10成本每年财政补助1000万元1000万元1000万元10",
                         ["target", "actual", "score"])
    assert [(cells.get("level2"), cells["level3"]) for cells in read.rows] == [
        ("质量指标", "保证财政建设补助专款专用"), ("成本", "每年财政补助1000万元")]


def test_a_row_cut_off_inside_its_result_keeps_its_target_only_when_one_repeat_explains_it():
    # hubei_xiangyang_2021_dongjin line 21 ends "可持续性院区建成后,可持续为周边 群众提供医疗服务服务范围扩 大服务范": the
    # target 服务范围扩大 printed again and cut after 服务范.
    assert cut_off_target("院区建成后,可持续为周边群众提供医疗服务服务范围扩大服务范") == \
        {"level3": "院区建成后,可持续为周边群众提供医疗服务", "target": "服务范围扩大"}
    # "…满意满意度满意满意度" repeats 满意度 and 满意满意度 alike: two targets, so none is kept.
    assert cut_off_target("满意度达到满意满意度满意满意度") is None


def test_run_together_value_printed_twice_is_read_only_where_a_weight_column_bounds_the_score():
    # Quoted from https://1wenmi.com/doc/330418.html (evals/field/dev/hubei_qu_2020_changjiangjinbu):
    # "数量指标补贴渔船数6620质量指标…" under 年初目标值(A) | 实际完成值(B) | 得分, stages printed with no points. 6|6|20
    # (the same number printed twice, then 得分) fits, but no cell of the row confirms where the 得分 starts: the only
    # check is the 总分 100 (预算执行情况 20 + 20 + 10 + 10 + 40), a sum over the whole sheet. The row stays unsplit,
    # with a warning, never a guess.
    read = read_run_rows("数量指标补贴渔船数6620质量指标渔船补贴发放率100%100%10", ["target", "actual", "score"])
    assert read.rows == [{"level2": "数量指标", "level3": "补贴渔船数"},
                         {"level2": "质量指标", "level3": "渔船补贴发放率", "target": "100%", "actual": "100%",
                          "score": "10"}]
    assert read.ambiguous == ["补贴渔船数6620"]
    # Quoted from evals/field/dev/ningxia_yuanzhou_2022_malingshu line 6, "指标1种薯亩均收入较鲜薯亩均收入8工5%工5%8"
    # under 分值 | 年度指标值 | 全年实际值 | 得分: the 分值 8 bounds the 得分, so "工5%" printed twice is the target and result.
    read = read_run_rows("数量指标指标1种薯亩均收入较鲜薯亩均收入8工5%工5%8", ["weight", "target", "actual", "score"])
    assert read.rows == [{"level2": "数量指标", "level3": "指标1种薯亩均收入较鲜薯亩均收入", "weight": "8", "target": "工5%",
                          "actual": "工5%", "score": "8"}]


def test_a_numbered_row_left_empty_is_a_row_whatever_its_number():
    # The template numbers its rows 指标1, 指标2 … and a row left empty prints its number alone, run together with the
    # next level name: "指标12质量指标" is the empty row 指标12, then the 二级 质量指标 (not "指标1" then a stray "2").
    read = read_run_rows("数量指标指标11培训人数100人100人10指标12质量指标指标1合格率100%100%10", ["target", "actual", "score"])
    assert read.rows == [
        {"level2": "数量指标", "level3": "指标11培训人数", "target": "100人", "actual": "100人", "score": "10"},
        {"level3": "指标12"},
        {"level2": "质量指标", "level3": "指标1合格率", "target": "100%", "actual": "100%", "score": "10"}]
    assert read.ambiguous == []


def test_run_together_rows_of_words_printed_twice_under_a_header_without_stage_column(tmp_path):
    # Quoted from https://taowenge.com/d-68000429.html (evals/field/dev/hubei_xiangyang_2021_dongjin): the header
    # prints no 一级指标 cell, "年初" is cut off "目标值(A)", and each target and result is one word printed twice.
    text = ("2021年度财政项目绩效自评表项目名称东津院区建设补助主管部门襄阳市卫生健康委二级指标三级指标"
            "年初目标值 (A)实际完成值 (B)得分产出指标数量指标成本控制不超过预算不超过预算10"
            "质量指标保证财政建设补助专款专用专款专用专款专用10\n")
    [table] = extract(tmp_path, text).tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.score) for i in table.indicators] == [
        ("产出指标", "数量指标", "成本控制", "不超过预算", "不超过预算", 10),
        ("产出指标", "质量指标", "保证财政建设补助专款专用", "专款专用", "专款专用", 10),
    ]


def test_run_together_traditional_rows_with_a_column_named_only_before_the_first_stage(tmp_path):
    # Quoted from https://0477ly.com/newsdetail/news661681.html (evals/field/dev/fujian_ningde_2023_rencaiyizhan):
    # traditional characters, stages named 目标, no 二级指标 cell in the header, and 累计完成率 — a column the header
    # words run into the first stage — printed in every row; the prose after the last row is no row.
    text = ("人才驛站補助資金到位率績效目標值為100%,,如下圖:項目年度績效目標(定量目標)評價內容績效內容績效目標值實際完成值累計完成率產出目標數量目標"
            "當年人才驛站組織活動數量>=28次40次143%每年人才驛站服務人次>=500人1700人340%"
            "質量目標人才驛站補助資金到位率>=100%100%100%(二)項目財務管理狀況本項目累計安排資金10萬元,,其中:項目立項6分,\n")
    [table] = extract(tmp_path, text).tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual) for i in table.indicators] == [
        ("产出目标", "数量目标", "当年人才驿站组织活动数量", ">=28次", "40次"),
        ("产出目标", "数量目标", "每年人才驿站服务人次", ">=500人", "1700人"),
        ("产出目标", "质量目标", "人才驿站补助资金到位率", ">=100%", "100%"),
    ]


def test_viewer_pages_numbered_on_their_lines_are_read_on_where_a_break_cut_a_number(tmp_path):
    # Quoted from https://1wenmi.com/doc/330418.html (evals/field/dev/hubei_qu_2020_changjiangjinbu): each page of
    # the viewer is one line numbered "1、" "2、"; the break cut "100%" of the 时效 row into "10" and "0%".
    text = ("1、2020年度长江禁捕项目自评表单位名称:农业工作科填报日期:项目名称渔业成品油价格改革补贴二级指标三级指标"
            "年初目标值(A)实际完成值(B)得分出标产指数量指标补贴渔船数6620质量指标渔船补贴发放率100%100%10"
            "时效指标12月底之前完成10\n"
            "2、0%100%10总分100偏差大或目标未完成原因分析无\n")
    report = extract(tmp_path, text)
    [table] = report.tables
    assert [(i.level2, i.level3, i.target, i.actual, i.score) for i in table.indicators] == [
        ("数量指标", "补贴渔船数", None, None, None),  # "6620": no 分值 column confirms 6|6|20, left unread
        ("质量指标", "渔船补贴发放率", "100%", "100%", 10),
        ("时效指标", "12月底之前完成", "100%", "100%", 10),
    ]
    assert table.total_score == 100


def test_run_together_funds_row_under_a_weighted_header_with_a_method_column(tmp_path):
    # Quoted from https://www.wenku365.com/s-60761775.html (evals/field/dev/beijing_haidian_2016_baojie):
    # 分值 prints its weight "(10分)", and 得分计算方法 — text, not a number of the run — follows 得分.
    text = ("1、项目支出绩效自评表(2016年度)           项目名称【体制】自管道路清扫保洁外包工作经费主管部门及代码"
            "北京市海淀区人民政府学院路街道办事处实施单位:北京市海淀区学院路街道城市运行服务中心项目资金(万元) "
            "年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法年度资金总额:310.2154.741050%5"
            "执行率*该指标分值,最高不得超过分值上限。其中:本年一般公共预算拨款 310.2154.74   其他资金     "
            "年度总体目标通过规范地区自管道路清扫保洁外包工作经费工作专项资金的使用绩效指标一级指标二级指标三级指标"
            "分值年度指标值(A)全年实际值(B)得分计算方法得分未完成原因分析数量指标是否完成绩效目标申报表中申报的数量\n")
    [table] = extract(tmp_path, text).tables
    total = table.funds_total
    # 154.74 ÷ 310.2 = 49.9%, printed 50%; 得分 5 = 10 × 50%: the only split of "310.2154.741050%5".
    assert (total.label, total.initial_budget, total.executed, total.weight, total.execution_rate, total.score) == \
        ("年度资金总额", 310.2, 154.74, 10, 50, 5)


def test_run_together_rows_numbered_in_their_names_continue_on_the_next_line(tmp_path):
    # Quoted from https://www.bigxun.com/view/1651813082920488962 (evals/field/dev/ningxia_yuanzhou_2022_malingshu):
    # rows named 指标1, 指标2 … (a new number starts a new row) and the table running on over the next line.
    text = ("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(40分)数量指标"
            "指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8\n"
            "成本指标指标1种薯采购价格不高于市场价8是是8效益指标(40分)经济效益指标指标1种薯亩均收入较鲜薯亩均收入8工5%工5%8"
            "社会效益指标指标1一级种薯推广面积占总面积比例880%^80%8\n")
    report = extract(tmp_path, text)
    [table] = report.tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.line)
            for i in table.indicators] == [
        ("产出指标", "数量指标", "指标1免费发放原原种", "550万粒", "550万粒", 8, 8, 1),
        ("产出指标", "数量指标", "指标2企业自行采购", "200万粒", "200万粒", 8, 8, 1),
        ("产出指标", "成本指标", "指标1种薯采购价格不高于市场价", "是", "是", 8, 8, 2),
        # "工5%": the viewer's misreading of a comparator, printed twice alike: the target and the result as printed.
        ("效益指标", "经济效益指标", "指标1种薯亩均收入较鲜薯亩均收入", "工5%", "工5%", 8, 8, 2),
        # "80%" then "^80%": printed differently, the row keeps its name, its values stay empty.
        ("效益指标", "社会效益指标", "指标1一级种薯推广面积占总面积比例", None, None, None, None, 2),
    ]
    assert any("种薯推广面积占总面积比例880%^80%8" in warning for warning in report.warnings)


def test_run_together_target_and_result_are_printed_alike():
    # From https://taowenge.com/d-68000429.html (evals/field/dev/hubei_xiangyang_2021_dongjin):
    # "…补助1000万元1000万元1000万元10时效1年…" is never read as target 1000万元 and result "10时效".
    assert not agrees({"target": "1000万元", "actual": "10时效"})
    assert agrees({"target": "1000万元", "actual": "1000万元"}) and agrees({"target": "≥90%", "actual": "95%"})
    assert not agrees({"target": "显著提升", "actual": "显著"}) and not agrees({"target": "及时", "actual": "1年"})


# Quoted from https://www.ahxx.gov.cn/grassroots/279/158998981.html (evals/field/dev/anhui_xiaoxian_2023_tesezhongyang,
# lines 13-39): the web page prints each merged 一级/二级 cell alone on its line with a trailing "|", and a row under
# a merged 分值/得分 cell (其中桃树种植面积) drops those cells, so its target and result come right after its name.
XIAOXIAN = """绩效指标 | 一级 指标 |
二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||
产 出 指 标 (50分) |
数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | ||||
其中桃树种植面积 | 1.5亩 | 1.5亩 | ||||||||
其中苹果树种植面积 | 5亩 | 5亩 | ||||||||
★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10 | ||||||
质量指标 | ||||||||||
种植作物成活率 | 5 | 95% | 95% | 5 | ||||||
养殖家畜家禽成活率 | 5 | 95% | 100% | 5 | ||||||
…… | ||||||||||
效 益 指 标 (30分) |
经济效益 指标 |
|||||||||
特色产业带动增加受益农户收入(总收入) | 20 | ≥11.376万元 | 12万元 | 20 | ||||||
社会效益 指标 |
受益人口数量 | 10 | 90人 | 90人 | 10 | |||||
生态效益 指标 |
||||||||||
可持续影响指标 | ||||||||||
…… | ||||||||||
"""


def test_merged_level_cells_printed_alone_and_rows_under_merged_weights(tmp_path):
    [table] = extract(tmp_path, "项目支出绩效自评表\n" + XIAOXIAN).tables
    quantity, quality, benefit = ("产出指标", "数量指标"), ("产出指标", "质量指标"), "效益指标"
    assert rows_of(table) == [
        (*quantity, "★补助各类瓜果蔬菜种植面积", "29.5亩", "29.5亩", 20, 20, None),
        (*quantity, "其中桃树种植面积", "1.5亩", "1.5亩", None, None, None),
        (*quantity, "其中苹果树种植面积", "5亩", "5亩", None, None, None),
        (*quantity, "★补助鱼塘面积", "3亩", "3亩", 10, 10, None),
        (*quality, "种植作物成活率", "95%", "95%", 5, 5, None),
        (*quality, "养殖家畜家禽成活率", "95%", "100%", 5, 5, None),
        (*quality, "……", None, None, None, None, None),
        (benefit, "经济效益指标", "特色产业带动增加受益农户收入(总收入)", "≥11.376万元", "12万元", 20, 20, None),
        (benefit, "社会效益指标", "受益人口数量", "90人", "90人", 10, 10, None),
        (benefit, "生态效益指标", None, None, None, None, None, None),  # a level with no indicator under it
        (benefit, "可持续影响指标", None, None, None, None, None, None),
        (benefit, "可持续影响指标", "……", None, None, None, None, None),
    ]
    assert table.level1_weights == {"产出指标": 50, "效益指标": 30}


def test_an_indicator_header_broken_over_lines_and_a_row_broken_inside_a_cell(tmp_path):
    # Quoted from https://www.ahjinzhai.gov.cn/public/6624963/37545031.html (evals/field/dev/
    # anhui_jinzhai_2023_meilixiangcun, lines 14-25, the copy ends inside the last row): the header's 实际 完成值
    # sits on a line of its own, and the copy stops after "成本指标 | 指标1:".
    text = """部门整体支出绩效自评表 | |||||||||||||
(2023年度) | |||||||||||||
部门 | 金寨县茶谷和美丽乡村建设服务中心 | ||||||||||||
绩 效 指 标 |
一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
实际 完成值 |
分值 | 得分 | 偏差原因分析及改进措施 | |||||
产出指标 | 数量指标 | 指标1:开展精品示范村建设数量 | ≤4 | 4 | 10 | 10 | |||||||
指标2:建设美丽宜居自然村庄数量 | ≥200 | 202 | 10 | 10 | |||||||||
时效指标 | 指标1:完成美丽宜居自然村庄验收时间 | 9月前 | 7月 | 5 | 5 | ||||||||
成本指标 | 指标1:
"""
    [table] = extract(tmp_path, text).tables
    assert (table.kind, table.name) == ("department_overall", "金寨县茶谷和美丽乡村建设服务中心")
    assert rows_of(table) == [
        ("产出指标", "数量指标", "指标1:开展精品示范村建设数量", "≤4", "4", 10, 10, None),
        ("产出指标", "数量指标", "指标2:建设美丽宜居自然村庄数量", "≥200", "202", 10, 10, None),
        ("产出指标", "时效指标", "指标1:完成美丽宜居自然村庄验收时间", "9月前", "7月", 5, 5, None),
        ("产出指标", "成本指标", "指标1:", None, None, None, None, None),
    ]


def test_cells_one_an_indented_line_after_a_bar_rows_ended_by_bars(tmp_path):
    # Quoted from https://dyxrmt.cn/article-147197-19.html (evals/field/dev/sichuan_daying_2020_shuangxin, lines
    # 2-43, the middle rows left out): each row's first cell at the margin, its other cells on indented "| cell"
    # lines, "| |" ending the row; "指标" on an indented line of its own continues the cell above it. The header
    # has no 分值/得分: 指标值 and 实施进度 only.
    text = """绩效
       指标
        | 一级指标
        | 二级指标
        | 三级指标
        | 指标值
        | 实施进度
        | 
项目决策
        | 数量指标
        | 宣传次数
        | 至少全年完成2次宣传
        | 已完成100%
        | |
质量指标
        | 创建质量
        | 按质按量完成
        | 已完成100%
        | ||
项目效益
        | 社会效益
       指标
        | 提升全县消费者维权意识
        | 不断提升
        | 已完成100%
        | |
满意度指标
        | 满意度指标
        | 群众满意度
        | 90%
        | 已完成100%
        | 
3.分析评价申报内容是否与实际相符,申报目标是否合理可行
"""
    [table] = extract(tmp_path, text).tables
    assert rows_of(table) == [
        ("项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%", None, None, None),
        ("项目决策", "质量指标", "创建质量", "按质按量完成", "已完成100%", None, None, None),
        ("项目效益", "社会效益指标", "提升全县消费者维权意识", "不断提升", "已完成100%", None, None, None),
        ("满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%", None, None, None),
    ]


def test_goals_stacked_header_and_first_row_glued_into_one_pipe_row(tmp_path):
    # Quoted from https://www.yongde.gov.cn/info/3003/116104.htm (evals/field/dev/yunnan_yongde_2022_yingyanggaishan,
    # lines 15-19): the page glued the goals, both rows of the indicator header (绩效指标 over 一级 | 二级 | 三级指标,
    # 年度指标值 over 指标性质 | 指标值 | 度量单位) and the first data row into line 16.
    text = """| — | 其他资金 | — | — | — | — |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 确保每一个学生都能享受到国家政策福利,改善学生体质 | 确保每一个学生都能享受到国家政策福利,改善学生体质 \
| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 \
| 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |
| 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |
| 时效指标 | 资金到位及时率 | ≧ | 100 | % | 100% | 10 | 7 |
| 成本指标 | 生均补助标准达标率 | ═ | 100 | % | 100% | 10 | 10 |
"""
    [table] = extract(tmp_path, text).tables
    assert rows_of(table) == [
        ("产出指标", "数量指标", "学生受资助人数", "≧735人次", "735", 10, 10, None),
        ("产出指标", "质量指标", "营养改善计划覆盖率", "≧100%", "100%", 10, 10, None),
        ("产出指标", "时效指标", "资金到位及时率", "≧100%", "100%", 10, 7, None),
        ("产出指标", "成本指标", "生均补助标准达标率", "═100%", "100%", 10, 10, None),  # ═: the page's "="
    ]


def test_numbered_rows_of_a_spreadsheet_flattened_into_one_line_with_its_header_words_scattered(tmp_path):
    # Quoted from https://keke.chddh.cn/archives/p4q58rogpx4emom7ewb9.html (evals/field/dev/
    # shanxi_jishan_2021_gonggongweisheng, line 3 up to 指标9): an xlsx copied as one line; the indicator header's
    # words (年度 实际 指标值 完成值 … 分值 得分) lie among the first rows' cells, printed by column (the five rows'
    # 指标值, then each row's 完成值 分值 得分; rows 3 and 4 print no name), while from 指标6 on each row is
    # "指标N:name target actual 分值 得分".
    text = (
        "稷山县项目支出绩效自评表 (2021年度) 项目名称 国家基本公共卫生服务 主管部门 稷山县卫生健康和体育局 年初预算 数 0 项目资金 (万元) 年度资金总额 实施单位 稷山县翟店镇卫生院 "
        "全年预算数 全年执行数 分值 执行率 得分 0 207.4538 10 100% 10 207.4538 — 100% — 其中:当年财政拨款 上年结转资金 其他资金 年度 总体 目标 一级 "
        "指标 — 国家基本公共卫生服务 国家基本公共卫生服务 年度 实际 指标值 完成值 指标1:居民健康档案 38508人 指标2:发放健康教育资料 不少于12 种 不少于6 种 116次 6次 "
        "二级指标 三级指标 指标5:举办健康教育知识讲座 分值 得分 37442人 3 3 14种 1 1 28种 1 1 150次 1 1 150次 1 1 指标6:举办健康教育宣传咨询活动 "
        "12次 96次 1 1 指标7:建立预防接种证 221人 221人 2 2 指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9"
    )
    [table] = extract(tmp_path, text + "\n").tables
    assert table.name == "国家基本公共卫生服务"
    assert [(i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("指标1:居民健康档案", "38508人", "37442人", 3, 3),
        ("指标2:发放健康教育资料", "不少于12种", "14种", 1, 1),
        (None, "不少于6种", "28种", 1, 1),
        (None, "116次", "150次", 1, 1),
        ("指标5:举办健康教育知识讲座", "6次", "150次", 1, 1),
        ("指标6:举办健康教育宣传咨询活动", "12次", "96次", 1, 1),
        ("指标7:建立预防接种证", "221人", "221人", 2, 2),
        ("指标8:适龄儿童疫苗接种率", "100.00%", "97.30%", 2, 1.9),
    ]


def test_one_cell_per_line_under_a_header_with_no_scores(tmp_path):
    # The cells of https://dyxrmt.cn/article-147197-19.html (evals/field/dev/sichuan_daying_2020_shuangxin, lines
    # 2-43) as a document viewer dumps them, one a line: the header has 指标值 and 实施进度 but no 分值 or 得分,
    # so no number marks where a row ends; every row prints all its cells.
    cells = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实施进度",
             "项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%",
             "项目决策", "成本指标", "成本", "10万元", "已完成100%",
             "满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%"]
    [table] = extract(tmp_path, "\n".join(cells) + "\n\n3.分析评价申报内容是否与实际相符,申报目标是否合理可行\n").tables
    assert rows_of(table) == [
        ("项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%", None, None, None),
        ("项目决策", "成本指标", "成本", "10万元", "已完成100%", None, None, None),
        ("满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%", None, None, None),
    ]


def test_one_cell_per_line_under_fujians_head_over_both_levels(tmp_path):
    # The cells of https://0477ly.com/newsdetail/news661681.html (evals/field/dev/fujian_ningde_2023_rencaiyizhan,
    # line 2, in simplified characters) as a document viewer dumps them, one a line: Fujian's template heads the 一级
    # and 二级 columns with one 评价内容, names the indicator 绩效内容, prints 累计完成率 and no 分值 or 得分.
    cells = ["项目年度绩效目标(定量目标)", "评价内容", "绩效内容", "绩效目标值", "实际完成值", "累计完成率",
             "产出目标", "数量目标", "当年获得宁德市级以上确认的人才驿站数量", ">=2个", "0个", "0%",
             "产出目标", "数量目标", "当年人才驿站组织活动数量", ">=28次", "40次", "143%",
             "产出目标", "数量目标", "每年人才驿站服务人次", ">=500人", "1700人", "340%"]
    [table] = extract(tmp_path, "\n".join(cells) + "\n").tables
    assert rows_of(table) == [
        ("产出目标", "数量目标", "当年获得宁德市级以上确认的人才驿站数量", ">=2个", "0个", None, None, None),
        ("产出目标", "数量目标", "当年人才驿站组织活动数量", ">=28次", "40次", None, None, None),
        ("产出目标", "数量目标", "每年人才驿站服务人次", ">=500人", "1700人", None, None, None),
    ]


def test_one_cell_per_line_header_words_wrapped_by_a_narrow_column(tmp_path):
    # The cells of https://dyxrmt.cn/article-147197-19.html (evals/field/dev/sichuan_daying_2020_shuangxin) dumped
    # one a line from a narrow column that wrapped the header's words: "实施" "进度" is one column word (neither
    # half is one), while "一级指标" stays a word of its own.
    cells = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实施", "进度",
             "项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%",
             "满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%"]
    [table] = extract(tmp_path, "\n".join(cells) + "\n").tables
    assert rows_of(table) == [
        ("项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%", None, None, None),
        ("满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%", None, None, None),
    ]


def test_pipe_rows_under_fujians_head_over_both_levels_printed_with_its_empty_cell(tmp_path):
    # The cells of https://0477ly.com/newsdetail/news661681.html (evals/field/dev/fujian_ningde_2023_rencaiyizhan,
    # line 2, in simplified characters) as pipe rows: 评价内容 spans the 一级 and 二级 columns, which a text copy
    # prints as the head and an empty cell after it.
    text = """项目年度绩效目标(定量目标)
| 评价内容 |  | 绩效内容 | 绩效目标值 | 实际完成值 | 累计完成率 |
| 产出目标 | 数量目标 | 当年获得宁德市级以上确认的人才驿站数量 | >=2个 | 0个 | 0% |
| 产出目标 | 数量目标 | 当年人才驿站组织活动数量 | >=28次 | 40次 | 143% |
"""
    [table] = extract(tmp_path, text).tables
    assert rows_of(table) == [
        ("产出目标", "数量目标", "当年获得宁德市级以上确认的人才驿站数量", ">=2个", "0个", None, None, None),
        ("产出目标", "数量目标", "当年人才驿站组织活动数量", ">=28次", "40次", None, None, None),
    ]


def test_ocr_rows_one_per_line_keep_a_latin_name_whole_and_stop_before_the_next_level_name():
    """Ningxia 福彩 2023 (evals/field/dev): an attachment image's OCR, each row's cells run together on its line.
    "福彩APP系统改版升级100%100%" is one row, not "福彩A" with the word "P" twice; "完成时间12月已完成" is a deadline
    met in words, and its "已完成" does not take "成" from the 成本指标 on the next line."""
    path = ROOT / "evals" / "field" / "dev" / "ningxia_shengji_2023_fucaiapp.txt"
    table = api.extract(api.load(path), "rules").tables[0]
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.line) for i in table.indicators}
    assert rows["福彩APP系统改版升级"] == ("产出指标", "数量指标", "100%", "100%", 19)
    assert rows["验收合格率"] == ("产出指标", "质量指标", "100%", "100%", 20)
    assert rows["项目建设成本"] == ("产出指标", "成本指标", "≤50万元", "47.68万元", 22)
    assert rows["完成时间"] == ("产出指标", "时效指标", "12月", "已完成", 21)
    assert agrees({"target": "≤11月底前", "actual": "已完成"}) and not agrees({"target": "12月已", "actual": "完成"})


def test_funds_rows_printed_with_their_label_and_a_money_unit_under_a_header_ending_in_the_rate():
    """Ningxia 福彩 2023 (evals/field/dev), l.11-13: "项目资金 (万元)全年预算数全年执行数执行率" then
    "年度资金总额50万元47.6895.00%" — 50 | 47.68 | 95.00%, the only reading where 47.68 ÷ 50 ≈ 95%."""
    assert split_fund_run("50万元47.6895.00%", ["full_year_budget", "executed", "execution_rate"]) == \
        ["50", "47.68", "95.00%"]
    path = ROOT / "evals" / "field" / "dev" / "ningxia_shengji_2023_fucaiapp.txt"
    table = api.extract(api.load(path), "rules").tables[0]
    total = table.funds_total
    assert (total.label, total.full_year_budget, total.executed, total.execution_rate, total.line) == \
        ("年度资金总额", 50, 47.68, 95, 12)
    assert [(f.label, f.full_year_budget, f.executed) for f in table.fund_lines] == \
        [("中央财政补助", 50, 47.68), ("地方资金", None, None), ("其他资金", None, None)]


def test_head_keys_run_together_with_their_values():
    """Ningxia 福彩 2023 (evals/field/dev), l.8-10: "专项(项目)名称彩票市场调控资金﹣…", "自治区主管部门宁夏回族自治区民政厅
    资金使用单位宁夏福利彩票发行中心": the unit is the one that uses the funds, not the 中央主管部门 of l.9."""
    report = api.extract(api.load(ROOT / "evals" / "field" / "dev" / "ningxia_shengji_2023_fucaiapp.txt"), "rules")
    assert report.unit_name == "宁夏福利彩票发行中心"
    assert report.tables[0].name == "彩票市场调控资金﹣宁夏福彩AP系统改版升级"


def test_a_target_set_against_a_year_is_not_part_of_the_name():
    """Ningxia 福彩 2023 (evals/field/dev), l.23-25: "…捉升彩票销售量同比2022年销量显著提高显著提高" is the name, the
    target "同比2022年销量显著提高" and the result "显著提高"; the last row is cut inside its target."""
    path = ROOT / "evals" / "field" / "dev" / "ningxia_shengji_2023_fucaiapp.txt"
    table = api.extract(api.load(path), "rules").tables[0]
    rows = {i.level3: (i.level2, i.target, i.actual) for i in table.indicators}
    assert rows["拓展彩票销售渠道,捉升彩票销售量"] == ("经济效益指标", "同比2022年销量显著提高", "显著提高")
    assert rows["提升彩票销量,筹集更多彩票公益金"] == ("社会效益指标", "同比2022年销量显著提高", "显著提高")
    assert rows["彩票系统信息化建设程度"][0] == "可持续影响指标"


def test_a_self_evaluation_result_page_with_its_table_one_cell_per_line():
    """Hubei 2021 奖助学金 自评结果 (evals/field/dev/hubei_hbust_2021_zhuxuejin): the table printed one cell per line
    with a trailing " |" and a lone "|" between rows; the unit is not printed (the 省财政厅 of l.8 issued a cited
    document, "我校" is the report speaking of itself)."""
    report = api.extract(api.load(ROOT / "evals" / "field" / "dev" / "hubei_hbust_2021_zhuxuejin.txt"), "rules")
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual) for i in report.tables[0].indicators}
    assert rows["受资助本专科学生人数"] == ("产出指标", "数量指标", "14726", "15935")
    assert rows["资助学生满意度"] == ("效益指标", "服务对象满意度指标", "95%", "95%")
    assert len(rows) == 9
    assert report.unit_name is None


def test_a_note_under_a_word_table_ends_it_in_traditional_characters_too():
    # evals/samples/002 l.141 "\t厉行节约保障措施" (the basic-data table's last row), l.145 "说明：“项目支出”需要填报…": the
    # note under the table is no cell of its last row, whether printed 说明 or 說明.
    from opencc import OpenCC
    text = (ROOT / "evals" / "samples" / "002_1b038c9877a00c9c.txt").read_text(encoding="utf-8")
    traditional = OpenCC("s2t").convert(text)
    for copy in (text, traditional):
        [basic] = [t for t in api.extract(api.load(copy.encode("utf-8")), "rules").tables if t.kind == "basic_data"]
        assert not any("填报" in normalize_text(value or "") for row in basic.rows for value in row.values)


def test_goals_glued_onto_their_labels_keep_a_goal_that_names_its_column(tmp_path):
    # A page that glued the goals' row onto its labels; the achieved goal says 年度目标 without being a column word.
    text = """项目支出绩效自评表
项目名称\t社区养老服务补助
年度总体目标\t预期目标\t实际完成情况\t新建社区养老服务网点3个\t按期完成年度目标
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
产出指标\t数量指标\t服务老人人次\t≥1200人次\t1350人次\t25\t25
"""
    [table] = extract(tmp_path, text).tables
    assert (table.goals.expected, table.goals.achieved) == ("新建社区养老服务网点3个", "按期完成年度目标")


def test_a_web_table_row_that_lost_its_merged_cell_is_read_under_its_columns(tmp_path):
    # A ragged <tr> missing its 一级 cell: the grid pads it on the right, which is no cell the page printed.
    path = tmp_path / "ragged.html"
    path.write_text("<html><body><p>项目支出绩效自评表</p><table>"
                    "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td>"
                    "<td>分值</td><td>得分</td></tr>"
                    "<tr><td>产出指标</td><td>数量指标</td><td>服务老人人次</td><td>≥1200人次</td><td>1350人次</td>"
                    "<td>25</td><td>25</td></tr>"
                    "<tr><td>质量指标</td><td>服务合格率</td><td>≥95%</td><td>98%</td><td>25</td><td>24</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    [table] = api.extract(api.load(path), "rules").tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators][-1] == \
        ("产出指标", "质量指标", "服务合格率", "≥95%", "98%", 25, 24)


def test_an_achieved_goal_that_ends_in_zhibiao_is_no_form_label(tmp_path):
    # One cell a line: the achieved goal 已完成各项绩效指标 is a verdict, not the indicator block's label.
    text = "项目支出绩效自评表\n项目名称\n社区养老服务补助\n项目资金(万元)\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n年度资金总额\n50\n50\n47.68\n10\n95.36%\n9.54\n年度总体目标\n预期目标\n实际完成情况\n新建服务网点3个。\n已完成各项绩效指标\n一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n产出指标\n数量指标\n服务老人人次\n≥1200人次\n1350人次\n25\n25\n总分\n25\n25\n"
    [table] = extract(tmp_path, text).tables
    assert (table.goals.expected, table.goals.achieved) == ("新建服务网点3个。", "已完成各项绩效指标")


def test_the_amounts_unit_a_head_row_prints_with_the_funds_label_is_the_table_s():
    # yunnan_yongde_2022 line 7: "| 公开14表 | 项目名称 | 义务教育营养改善计划专项资金 | 主管部门 | … | 项目资金 (元) |" — the
    # head row prints the funds' label with its unit, the funds block below prints none: its amounts are in 元.
    [table] = api.extract(api.load(ROOT / "evals" / "field" / "dev" / "yunnan_yongde_2022_yingyanggaishan.txt"),
                          "rules").tables
    assert table.money_unit == "元"



def test_a_unit_note_a_name_ran_into_or_cells_ran_after_is_still_the_unit():
    # A head pasted with its cells apart by single spaces reads "石鼓区市场监督管理局 金额单位:元" as one cell; run
    # together, "金额单位:元主管部门实施单位…年度资金总额1.96万元…" is one: the note's unit is the one right after it.
    for cells in (["部门(单位)名称", "石鼓区市场监督管理局 金额单位:元"], ["金额单位:元主管部门实施单位阜康市统计局1.96万元"]):
        assert header_values(Row([Cell(text, 1) for text in cells]))["money_unit"] == "元", cells
