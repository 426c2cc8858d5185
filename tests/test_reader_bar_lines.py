"""A web page's table copied with every cell closed by a bar on a line of its own ("春节走访慰问经费" then "|"), an
empty cell a bar right after a bar, a row ended by a line of bars ("||||"). Expected values are read off the source
lines by eye, never copied from the reader's output."""
from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, extracted_tables

DEV = ROOT / "evals" / "field" / "dev"
BAOSHAN = DEV / "yunnan_baoshan_2022_chunjieweiwen.txt"


def test_a_yunnan_score_only_form_with_its_cells_closed_by_bar_lines_is_read_row_by_row_from_the_cli():
    # l.2-4 "附件1" "2022年度项目支出绩效自评表" "单位名称:保山市退役军人事务局 填报日期:2023年4月6日"; l.47-55
    # "年度财政资金总额" "|" "34.64" "|" "34.64" "|" "100%" "|" "20"; l.94-102 "时效指标" "|" "春节前完成走访慰问" "|"
    # "按时限完成" "|" "100%" "|" "20"; l.113-123 "效益指标(10分)" … "小于5次" "|" "无上访" "|" "10"; l.146-152
    # "总分(100分)" "|" "100" "|" "自评等级" "|" "优".
    [table] = extracted_tables(BAOSHAN)
    assert table["title"] == "附件1 2022年度项目支出绩效自评表"
    funds = table["funds_total"]
    assert (funds["full_year_budget"], funds["executed"], funds["execution_rate"], funds["score"]) == \
        (34.64, 34.64, 100, 20)
    rows = {row["level3"]: (row["level1"], row["level2"], row["target"], row["actual"], row["score"])
            for row in table["indicators"]}
    assert rows["春节前完成走访慰问"] == ("产出指标", "时效指标", "按时限完成", "100%", 20)
    assert rows["全市重点优抚对象、企业军转干部总体保持稳定,年内无群体性事件发生"] == \
        ("效益指标", "社会效益指标", "小于5次", "无上访", 10)
    assert len(rows) == 5  # the 总分, 偏差 and 改进措施 rows are no indicators
    assert (table["total_weight"], table["total_score"]) == (100, 100)  # 总分(100分) | 100


def test_the_checks_read_a_result_of_none_against_an_upper_bound_and_a_percent_against_a_worded_target():
    # 小于5次 → 无上访 is a count of none under its bound; 按时限完成 → 100% gives a percent for a target in words
    # (as the samples' independent gold labels 根据文件规定时间内进行公示 → 100%).
    document = api.load(BAOSHAN)
    findings = api.check_extracted(api.extract(document, "rules"), document).findings
    assert [(f.rule, f.row) for f in findings if f.rule == "unit_mismatch"] == [("unit_mismatch", "春节前完成走访慰问")]


def test_bar_lines_hold_empty_cells_and_a_paragraph_after_the_table_stays_a_paragraph():
    text = "\n".join([
        "项目支出绩效自评表",
        "一级指标", "|", "二级指标", "|", "三级指标", "|", "指标值", "|", "实际完成值", "|", "分值", "|", "得分", "|",
        "||",
        "产出指标", "|", "数量指标", "|", "培训人次", "|", "≥300人次", "|", "320人次", "|", "10", "|", "10", "|",
        "||",
        "|", "质量指标", "|", "培训合格率", "|", "≥95%", "|", "|", "10", "|", "8", "|",
        "|||",
        "说明:培训合格率未统计。",
    ])
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert rows == [("产出指标", "数量指标", "培训人次", "≥300人次", "320人次", 10, 10),
                    ("产出指标", "质量指标", "培训合格率", "≥95%", None, 10, 8)]


def test_goals_printed_twice_one_space_apart_are_the_expected_and_the_achieved_goal():
    # l.43 "新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。 新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。"
    # under l.42 "年度总体目标  年初设定目标  全年实际完成情况".
    report = api.extract(api.load(DEV / "chongqing_zhongxian_2021_longtancun.txt"), "rules")
    [table] = report.tables
    goal = "新建道路524m;硬化道路5719m;人行便道硬化14.7km。"
    assert (table.goals.expected.replace(" ", ""), table.goals.achieved.replace(" ", "")) == (goal, goal)


def test_a_fujian_department_form_printed_a_row_a_line_keeps_its_numbered_sources_formulas_and_stacked_header():
    # l.15 "(万元) 年初部门预算安排金额(含历年结余结转)① 年中调整金额② 小计 年度拨付金额 支出实现率(%)⑤=④/③ …",
    # l.16 "  ③=①+②" under 小计; l.18 "① 项目支出 30 0 30 30 100 0 0"; l.21 "合 计 130.54 58.07 188.61 188.45 99.92
    # 0.16 0.08"; l.24-25 "… 一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因" over "目标值 完成值";
    # l.26 "产出目标 数量目标 抽查全市地震监测台站运维情况个数 9个 9个 本指标满分6分,… 6 6 已完成", l.27 "开展防震减灾科普
    # “进基层”宣传活动场数 10场 11场 本指标满分6分,…".
    report = api.extract(api.load(DEV / "fujian_ningde_2020_dizhenju.txt"), "rules")
    [table] = report.tables
    lines = {line.label: (line.initial_budget, line.full_year_budget, line.executed, line.execution_rate)
             for line in table.fund_lines}
    assert lines["①项目支出"] == (30, 30, 30, 100)
    assert lines["②基本支出"] == (100.54, 158.61, 158.45, 99.9)
    assert (table.funds_total.full_year_budget, table.funds_total.execution_rate) == (188.61, 99.92)
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.weight, i.score, i.deviation_note)
            for i in table.indicators}
    assert rows["抽查全市地震监测台站运维情况个数"] == ("产出目标", "数量目标", "9个", "9个", 6, 6, "已完成")
    assert rows["开展防震减灾科普“进基层”宣传活动场数"][:6] == ("产出目标", "数量目标", "10场", "11场", 6, 6)


def test_the_year_a_form_prints_in_brackets_after_its_title_is_the_year_evaluated():
    # l.4 "转移支付区域(项目)绩效目标自评表 (2021)"; the page was published on l.10 "发布日期: 2022年04月02日".
    assert api.extract(api.load(DEV / "hubei_xianning_2021_daqiwuran.txt"), "rules").year == 2021


def test_a_score_sheet_numbered_in_its_serial_column_a_cell_a_line_opens_each_row_at_the_next_number():
    # l.1-9 "序号 |" "一级 指标 |" … "自评得分 |"; l.10-18 "1 |" "投入(20分) |" "项目立项(10分) |" "目标任务制定 |" "2 |"
    # "评价要点:… |" "1.按时间要求… |" "2 |" then "2 |" "具体项目落实 |" "6 |" … "6 |" "||" (row 1 ends without a line
    # of bars: its 得分 2 and row 2's number 2 follow each other); l.32-35 "4 |" "资金落实(10分) |" "资金申请 |" "3 |";
    # l.47-50 "6 |" "县级安排 |" "2 |" "评价要点:" (the copy stops there).
    report = api.extract(api.load(DEV / "anhui_xiaoxian_nd_penghugaizao.txt"), "rules")
    [table] = report.tables
    rows = [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators]
    assert rows == [("投入", "项目立项", "目标任务制定", 2, 2), ("投入", "项目立项", "具体项目落实", 6, 6),
                    ("投入", "项目立项", "改造方式确定", 2, 2), ("投入", "资金落实", "资金申请", 3, 3),
                    ("投入", "资金落实", "资金使用", 3, 3), ("投入", "资金落实", "县级安排", 2, None)]


def test_the_rows_a_hubei_form_closes_its_indicators_with_are_no_indicators():
    # l.126-142 "满意度指标" "具体指标" "教师满意度" "≥95%" "≥95%" "具体指标" "学生满意度" "≥95%" "≥95%" (a cell a line,
    # blank lines between), then l.144-154 "偏差大或" "目标未完成" "原因分析" "改进措施及" "结果应用方案" "备注:" and the
    # notes "1.预算执行情况口径:…" "2.基于经济性和必要性等因素考虑,…".
    [table] = api.extract(api.load(DEV / "hubei_huangshi_2023_xiaoyuanweixiu.txt"), "rules").tables
    assert [(i.level3, i.target, i.actual) for i in table.indicators][-2:] == \
        [("教师满意度", "≥95%", "≥95%"), ("学生满意度", "≥95%", "≥95%")]


TONGLING = DEV / "anhui_tongling_2021_gongyishiye.txt"


def test_a_score_sheet_with_each_bar_on_the_line_below_its_cell_and_its_header_over_two_rows_is_read_from_the_cli():
    # l.11-33 "序号" "|" "一级指标" "|" … "指标" "|" "县级" "|" "市级" "|" "|" then "分值" "|" "评分" "|" "评分" "|" "|": the
    # header over two rows (指标分值, 县级评分, 市级评分); l.35-47 "1" "|" "决策(10)" "|" "项目立项" "|" "民主议事" "|" … "2"
    # "|" "2"; l.129-133 "财政奖补资金实行专账核算,得1分" "|" "1" "|" "1", a row with no 序号 under row 7; l.151-159 "9"
    # "|" "组织实施" "|" "工作安排" "|" … "1" "|" "2"; l.211-214 "14" "|" "项目实施" "|" "施工合同规范,…" (cut off).
    [table] = extracted_tables(TONGLING)
    assert table["title"] == "2021年度农村公益事业财政奖补项目绩效评价自评表"
    assert table["level1_weights"] == {"决策": 10, "过程": 30}
    rows = [(row["level1"], row["level2"], row["level3"], row["weight"], row["score"]) for row in table["indicators"]]
    assert rows[0] == ("决策", "项目立项", "民主议事", 2, 2)
    assert ("过程", "资金管理", None, 1, 1) in rows  # the row printed without its number
    assert ("过程", "组织实施", "工作安排", 1, 2) in rows
    assert rows[-1] == ("过程", "组织实施", "项目实施", None, None)
    assert len(rows) == 15


def test_a_score_over_its_points_by_a_bonus_clause_is_an_error_not_a_doubted_reading():
    # l.153-159: 工作安排 scored 2 against its 分值 1 — 最多加2分, a point over: the reading is not in doubt.
    document = api.load(TONGLING)
    findings = api.check_extracted(api.extract(document, "rules"), document).findings
    [over] = [f for f in findings if f.rule == "score_exceeds_weight"]
    assert (over.row, over.severity) == ("工作安排", "error")


def test_rows_whose_first_cell_opens_with_a_bar_are_read_without_a_header_from_the_cli():
    # sichuan_daying_2020 l.2-12 "|   项目完成指标" "        | " "     质量指标" "        | " … "     明显改善" "        | "
    # "  ||||"; l.46-56 "|   " (an empty 一级) "        | " "     满意度指标" … "     ≥90%" "        | " "     98%".
    [table] = extracted_tables(DEV / "sichuan_daying_2020_yanglaofuwu.txt")
    rows = [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"]) for row in table["indicators"]]
    assert rows[0] == ("项目完成指标", "质量指标", "改善养老服务基础条件", "改善条件", "明显改善")
    assert rows[-1] == ("满意度指标", "服务对象满意度指标", "养老服务对象对养老机构服务质量满意度", "≥90%", "98%")
    assert len(rows) == 5


def test_a_target_sheet_with_no_line_ending_its_rows_is_cut_at_the_width_its_numbered_rows_keep_from_the_cli():
    # jiangsu_yixing l.2-22 "绩效目标设置情况" "|" "绩效目标完成情况" "|" "目标名称" "|" "目标值" "|" … "得分" "|"; l.24-41
    # "一、投入目标" "|" then eight lone "|"; l.133-150 "2.财务管理" "|" "支出符合财务管理制度规定" "|" "财务管理规范度" "|"
    # "100%" "|" "符合财务管理制度规定" "|" "财务管理规范度" "|" "2" "|" "支出手续不完备酌情扣分,…" "|" "1.5"; l.169 "三、产出目标",
    # l.179 "1.数量目标"; l.189-205 "居民电子健康档案建档数" "|" "941250份" "|" … "1024410" "|" "81.74%" "|" "5" "|" … "5".
    # No line of bars ends a row (0.00 before: no table read at all).
    [table] = extracted_tables(DEV / "jiangsu_yixing_nd_jibengonggongweisheng.txt")
    rows = {row["level3"]: (row["level1"], row["level2"], row["target"], row["actual"], row["weight"], row["score"])
            for row in table["indicators"]}
    assert rows["1.预算投入资金"] == ("一、投入目标", None, "6475", "6475", 1, 1)
    assert rows["2.财务管理"] == ("二、管理目标", None, "支出符合财务管理制度规定", "符合财务管理制度规定", 2, 1.5)
    assert rows["居民电子健康档案建档数"] == ("三、产出目标", "1.数量目标", "941250份", "1024410", 5, 5)
    assert "一、投入目标" not in rows and "1.数量目标" not in rows  # section rows head the rows, they are none
