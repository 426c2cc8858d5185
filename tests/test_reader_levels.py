"""Tables whose levels each carry their own 分值, score sheets, and tables pasted one cell per line or as CSV
text: the rows rebuilt from the header's roles and the cells' types, merged level cells carried down. Each text is a short excerpt of a
published table, quoted as found; every expected value is read off that text by eye."""
from assistant import api


def extract(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return api.extract(api.load(path), "rules")


def levels_of(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators]


# Hainan, 服务贸易项目绩效自评表, one cell per line as a document viewer copies it:
# https://m.bdocx.com/doc/30238812.html
HAINAN_ONE_PER_LINE = "\n\n".join("""服务贸易项目绩效自评表
项目实施单位
省商务厅服务贸易和商贸服务业处
二、绩效评价指标评分
一级指标
分值
二级指标
分值
三级指标
分值
得分
项目决策
20
项目目标
4
目标内容
4
4
决策过程
8
决策依据
3
3
决策程序
5
5
资金分配
8
分配办法
2
2
分配结果
6
6
项目管理
25
资金到位
5
到位率
3
3""".split("\n")) + "\n"


def test_each_level_with_its_own_score_one_cell_per_line(tmp_path):
    [table] = extract(tmp_path, HAINAN_ONE_PER_LINE).tables
    # A level's name and 分值 are printed on its group's first row only: the pairs fill the deepest levels.
    assert levels_of(table) == [
        ("项目决策", "项目目标", "目标内容", 4, 4),
        ("项目决策", "决策过程", "决策依据", 3, 3),
        ("项目决策", "决策过程", "决策程序", 5, 5),
        ("项目决策", "资金分配", "分配办法", 2, 2),
        ("项目决策", "资金分配", "分配结果", 6, 6),
        ("项目管理", "资金到位", "到位率", 3, 3),
    ]
    # The level's own 分值 is its weight, never the indicator's.
    assert table.level1_weights == {"项目决策": 20, "项目管理": 25}


def test_each_level_with_its_own_score_in_a_grid(tmp_path):
    # The same Hainan rows as a spreadsheet paste (TABs), merged cells left empty.
    text = """一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分
项目决策\t20\t项目目标\t4\t目标内容\t4\t4
\t\t决策过程\t8\t决策依据\t3\t3
\t\t\t\t决策程序\t5\t5
"""
    [table] = extract(tmp_path, text).tables
    assert levels_of(table) == [
        ("项目决策", "项目目标", "目标内容", 4, 4),
        ("项目决策", "决策过程", "决策依据", 3, 3),
        ("项目决策", "决策过程", "决策程序", 5, 5),
    ]
    assert table.level1_weights == {"项目决策": 20}


# Sichuan, 大英县总工会 2020 部门预算管理 score sheet (绩效指标 | 指标分值 | 指标解释 | 计分标准 | 自评得分 | 备注), one
# cell per line as the county's web page prints it, blank lines between, the header stacked over 一级/二级/三级指标:
# https://dyrmt.com/article-118510-6.html
DAYING_SCORE_SHEET = "\n\n".join(
    [
        '绩效指标',
        '指标分值',
        '指标解释',
        '计分标准',
        '自评',
        '得分',
        '备注',
        '一级',
        '指标',
        '二级',
        '指标',
        '三级',
        '指标',
        '部门预',
        '算管理',
        '80分)',
        '预算编制(30分)',
        '目标制定',
        '10',
        '评价部门绩效目标是否要素完整、细化量化。',
        '1.绩效目标编制要素完整的,得5分,否则酌情扣分。                    2.绩效指标细化量化的,得5分,否则酌情扣分。                  有项目绩效目标的部门(单位),根据项目绩效目标编制质量打分,无项目绩效目标的部门,根据部门整体支出绩效目标打分。                                                                    ',
        '9',
        ' ',
        '目标实现',
        '10',
        '评价部门绩效目标实际实现程度与预期目标的偏离度。',
        '以项目完成数量为核心,评价项目实际完成情况与预期绩效目标偏离度,单个数量指标实际完成未达到预期指标或超过预期指标30%以上的,均不计分。该项指标得分=达到预期值的数量指标个数/全部数量指标个数(即评价选取的项目绩效目标包含的所有数量指标)',
        '8',
        ' ',
    ]) + "\n"


def test_score_sheet_one_cell_per_line_with_its_scoring_rules(tmp_path):
    [table] = extract(tmp_path, DAYING_SCORE_SHEET).tables
    # The levels are told by the 分值 they end in, "部门预" "算管理" "80分)" broken over three lines; the long
    # scoring rules are cells of their own, never cut at the words they contain (指标, 得分).
    assert table.kind == "department_overall"
    assert levels_of(table) == [
        ("部门预算管理", "预算编制", "目标制定", 10, 9),
        ("部门预算管理", "预算编制", "目标实现", 10, 8),
    ]
    assert table.level1_weights == {"部门预算管理": 80}


# Hebei, 廊坊市食品工程学校 2019 暖通 project table, one cell per line with its empty cells printed as " " lines;
# a group with no scored row (生态效益: 指标1, 指标2, ……) prints its level name before its placeholders:
# http://www.lfsp.cn/newsinfo/1158053.html
HEBEI_PLACEHOLDER_GROUPS = "\n\n".join([
    '一级指标', '二级指标', '三级指标', '年度', '指标值', '实际', '完成值', '分值', '得分', '偏差原因分析及改进措施', '效益指标', '经济效益', '指标', '指标1安全率',
    '100', '100', '10', '10', '0', '指标2', ' ', ' ', ' ', ' ', ' ', '……', ' ', ' ', ' ', ' ', ' ', '社会效益', '指标',
    '指标1学校发展能力', '100', '100', '10', '10', '0', '指标2', ' ', ' ', ' ', ' ', ' ', '……', ' ', ' ', ' ', ' ', ' ',
    '生态效益', '指标', '指标1', ' ', ' ', ' ', ' ', ' ', '指标2', ' ', ' ', ' ', ' ', ' ', '……', ' ', ' ', ' ', ' ',
    ' ', ' ', '效益指标', '可持续影响', '指标', '指标1长期使用性', '100', '100', '10', '10', ' ',
]) + "\n"


def test_level_names_printed_before_placeholder_rows_open_their_group(tmp_path):
    [table] = extract(tmp_path, HEBEI_PLACEHOLDER_GROUPS).tables
    assert levels_of(table) == [
        ("效益指标", "经济效益指标", "指标1安全率", 10, 10),
        ("效益指标", "经济效益指标", "指标2", None, None),
        ("效益指标", "经济效益指标", "……", None, None),
        ("效益指标", "社会效益指标", "指标1学校发展能力", 10, 10),
        ("效益指标", "社会效益指标", "指标2", None, None),
        ("效益指标", "社会效益指标", "……", None, None),
        ("效益指标", "生态效益指标", "指标1", None, None),
        ("效益指标", "生态效益指标", "指标2", None, None),
        ("效益指标", "生态效益指标", "……", None, None),
        ("效益指标", "可持续影响指标", "指标1长期使用性", 10, 10),
    ]


# A department budget assessment sheet saved as CSV and shown as web text: rows run on with white space between
# them, a line break inside a quoted cell (指标说明) and between the cells of one row:
# https://wanglu.net/thread/t13-461855-0.html
CSV_SCORE_SHEET = "\n".join([
    ', "项目","考核内容","考核指标","指标说明","年度工作目标","评分标准","权数","考评得分" "一般公共预算支出管理(60分)","一般公共预算支出","一般公共预算支出实际完成率","一般公共预算支出实际完成率=本年一般公共预算支出完成数*100%/本年一般公共预算支出年初预算数,用以反映和考核部门(单位)预算支出实际完成情况.',
    '","1","按完成比例计算得分,满分为止.","20", ,"结转结余情况","结转结余率","结转结余率=本年结转结余资金总额*100%/本年一般公共预算支出完成数,用以反映和考核部门(单位)对本年度结转结余资金的实际控制程度.","0.0900000762939453","二者择其一进行考核,按完成比例计算得分,满分为止.","20", ,,',
    '"结转结余变动率","结转结余变动率=(本年结转结余资金总额-上年结转结余资金总额)*100%/上年结转结余资金总额,用以反映和考核部门(单位)对控制结转结余资金的努力程度.","-0.300000152587891",,',
    ', ,"应付账款(暂存款)","应付账款(暂存款)率","应付账款(暂存款)率=本年应付账款总额*100%/本年一般公共预算支出完成数,用以反映和考核部门(单位)对本年度应付账款资金的实际控制程度.","0.0900000762939453","二者择其一进行考核,按完成比例计算得分,满分为止.","10", ,,',
]) + "\n"


def test_csv_sheet_rows_run_on_with_white_space_between_them(tmp_path):
    [table] = extract(tmp_path, CSV_SCORE_SHEET).tables
    assert table.kind == "department_overall"
    assert [(i.level1, i.level2, i.level3, i.target, i.weight, i.score) for i in table.indicators] == [
        ("一般公共预算支出管理", "一般公共预算支出", "一般公共预算支出实际完成率", "1", 20, None),
        ("一般公共预算支出管理", "结转结余情况", "结转结余率", "0.0900000762939453", 20, None),
        # The 变动率 row shares the merged 评分标准 and 权数 cells of the row above: no weight of its own.
        ("一般公共预算支出管理", "结转结余情况", "结转结余变动率", "-0.300000152587891", None, None),
        ("一般公共预算支出管理", "应付账款(暂存款)", "应付账款(暂存款)率", "0.0900000762939453", 10, None),
    ]
    assert table.level1_weights == {"一般公共预算支出管理": 60}


# Guizhou, 绥阳县太白镇 部门整体支出绩效自评表: its funds block (no indicator table follows), the cells as the page
# prints them, here one cell per line as a document viewer copies them:
# https://www.suiyang.gov.cn/xzjd_5682378/tbz_5682388/zfxxgk_5682340/fdzdgknr_5682343/czyjs_5865203/202208/t20220824_76240024.html
GUIZHOU_FUNDS_ONE_PER_LINE = "\n\n".join([
    "部门(单位)名称", "绥阳县太白镇人民政府", "部门(单位)总体 资金(万元)", "资 金 来 源", "年初预算数(A)", "全年执行数(B)",
    "分值(10分)", "得分", "得分计算方法", "年度资金总额:", "1172.55", "1268.72", "10", "10",
    "执行率*该指标分值,最高不得超过分值上限。", "基本支出", "985.19", "914.97", "10", "10",
    "项目支出", "187.36", "353.75", "10", "10", "其他",
]) + "\n"


def test_funds_block_alone_one_cell_per_line(tmp_path):
    [table] = extract(tmp_path, GUIZHOU_FUNDS_ONE_PER_LINE).tables
    assert (table.kind, table.name) == ("department_overall", "绥阳县太白镇人民政府")
    total = table.funds_total
    assert (total.label, total.initial_budget, total.executed, total.weight, total.score) == \
        ("年度资金总额", 1172.55, 1268.72, 10, 10)
    # The last part, 其他, is printed with its cells empty: a part of the block all the same, as the real copy's gold
    # labels it (evals/field/dev/guizhou_suiyang_nd_taibaizhen.json: 基本支出, 项目支出, 其他).
    assert [(f.label, f.initial_budget, f.executed, f.weight, f.score) for f in table.fund_lines] == [
        ("基本支出", 985.19, 914.97, 10, 10),
        ("项目支出", 187.36, 353.75, 10, 10),
        ("其他", None, None, None, None),
    ]


# Sichuan, 青神县发展和改革局 2023 工资性支出 (the split-target template, unscored): its indicator block as a document
# viewer copies it, one cell per line and the empty cells (完成值, 得分, 未完成原因分析) left out:
# https://www.scqs.gov.cn/info/13206/211004.htm
QINGSHEN_WITHOUT_EMPTY_CELLS = "\n".join([
    "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析",
    "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", "100", "%", "60",
    "效益指标", "社会效益指标", "足额保障率(参保率)", "=", "100", "%", "30",
    "总分", "100",
]) + "\n"


def test_rows_of_no_fixed_width_when_empty_cells_are_left_out(tmp_path):
    [table] = extract(tmp_path, QINGSHEN_WITHOUT_EMPTY_CELLS).tables
    # Each cell goes to the column its type fits, in the header's order: "=" to 指标性质, "%" to 度量单位, and the
    # number after them to 权重 (a row's first 分值 column), never to 完成值.
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("产出指标", "数量指标", "发放(缴纳)覆盖率", "=100%", None, 60, None),
        ("效益指标", "社会效益指标", "足额保障率(参保率)", "=100%", None, 30, None),
    ]
    assert table.total_weight == 100


# Chongqing, 重庆科学城融媒体中心 2021 部门整体绩效自评表 (no level columns; 得分系数 and 是否核心指标 columns), its
# header and first rows one cell per line, the empty 调整指标值 cells left out as a document viewer does:
# https://www.cqkxc.gov.cn/ (dev file chongqing_kexuecheng_2021_bumenzhengti, source line at its top)
CHONGQING_ONE_PER_LINE = "\n".join([
    "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)", "指标权重(分)",
    "指标得分(分)", "是否核心指标",
    "财政供养人员控制率", "%", "定量指标", "100%", "92%", "100%", "2", "2", "否",
    "基础信息完善", "%", "100%", "100%", "100%", "1", "1", "否",
]) + "\n"


def test_core_indicator_table_one_cell_per_line(tmp_path):
    [table] = extract(tmp_path, CHONGQING_ONE_PER_LINE).tables
    assert [(i.level3, i.target, i.actual, i.weight, i.score, i.score_factor) for i in table.indicators] == [
        ("财政供养人员控制率", "100%", "92%", 2, 2, "100%"),
        ("基础信息完善", "100%", "100%", 1, 1, "100%"),
    ]


def test_title_lines_above_a_dump(tmp_path):
    # Hebei prints its year line with the opening bracket lost; Hainan prints its heading twice, then the
    # table's numbered first part (一、项目基本情况) on a line of its own. Same sources as above.
    hebei = "\n\n".join(["附件1", "项目支出绩效自评表", "2019年度)"]) + "\n\n" + HEBEI_PLACEHOLDER_GROUPS
    assert extract(tmp_path, hebei).tables[0].title == "附件1 项目支出绩效自评表"
    hainan = "\n\n".join(["服务贸易项目绩效自评表", "服务贸易项目绩效自评表", "一、项目基本情况"]) + "\n\n" + \
        HAINAN_ONE_PER_LINE.split("\n\n", 1)[1]
    assert extract(tmp_path, hainan).tables[0].title == "服务贸易项目绩效自评表"


def test_head_label_broken_over_two_lines(tmp_path):
    # The head of the Hunan sample's 专项资金绩效自评表 (evals/samples/000_9f4ecd25e267d59e.txt, 附件2-1) as a
    # document viewer copies it: one cell per line, the label 项目支出名称 broken after 项目支.
    text = "\n\n".join([
        "附件2-1", "专项资金绩效自评表", "（   2022年度）", "项目支", "出名称", "知识产权培育资助专项", "主管部门", "石鼓区政府",
        "项目资金", "（万元）", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
        "年度资金总额", "49.4", "49.4", "49.4", "10", "100", "10",
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因", "分析及", "改进措施",
        "产出指标", "(50分)", "质量指标", "知识产权培育服务", "100%", "90%", "12.5", "11.25",
    ]) + "\n"
    [table] = extract(tmp_path, text).tables
    assert (table.title, table.name) == ("附件2-1 专项资金绩效自评表", "知识产权培育资助专项")
    assert (table.funds_total.full_year_budget, table.funds_total.executed, table.funds_total.score) == (49.4, 49.4, 10)
    assert levels_of(table) == [("产出指标", "质量指标", "知识产权培育服务", 12.5, 11.25)]


def test_goals_numbered_over_lines_and_breakdown_items_one_cell_per_line(tmp_path):
    # The Hunan sample's 部门整体支出绩效自评表 (evals/samples/000_9f4ecd25e267d59e.txt) copied one cell per line:
    # breakdown items printed "label：amount" in a cell each, and goals numbered over several lines each, the
    # achieved ones numbered from 1 again.
    text = "\n\n".join([
        "预算部门名称", "石鼓区市场监督管理局", "项目资金", "（万元）", "年初", "预算数", "全年", "预算数", "全年", "执行数",
        "分值", "执行率", "得分", "年度资金总额", "884.86", "1824.18", "1824.18", "10", "100", "10",
        "按收入性质分：1824.18", "按支出性质分：1824.18", "其中：  一般公共预算：1774.18", "其中：基本支出：1747.78",
        "政府性基金拨款：", "项目支出：76.4",
        "年度总体目标", "预期目标", "实际完成情况",
        "1．贯彻执行党的路线、方针、政策、区委、区政府及上级的决议、决定。", "2．认真推进商事制度改革；",
        "1.开展打击传销、打击制售假冒伪劣等各类专项整治执法行动；", "2. 深入推进商事制度改革；",
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因", "分析及", "改进措施",
        "产出指标", "(50分)", "质量指标", "监管覆盖率", "100%", "100%", "10", "10",
    ]) + "\n"
    [table] = extract(tmp_path, text).tables
    assert table.breakdown == {"按收入性质分": 1824.18, "按支出性质分": 1824.18, "一般公共预算": 1774.18,
                               "基本支出": 1747.78, "项目支出": 76.4}
    assert table.goals.expected == "1．贯彻执行党的路线、方针、政策、区委、区政府及上级的决议、决定。2．认真推进商事制度改革；"
    assert table.goals.achieved == "1.开展打击传销、打击制售假冒伪劣等各类专项整治执法行动；2.深入推进商事制度改革；"
    assert levels_of(table) == [("产出指标", "质量指标", "监管覆盖率", 10, 10)]


def test_rows_that_leave_an_empty_cell_out_amid_full_rows(tmp_path):
    # The Hunan sample's 特种设备监察专项 table (evals/samples/000_9f4ecd25e267d59e.txt, 附件2-3) copied one cell per
    # line: 不适应 has no 年度指标值, the last row's 三级指标 and 年度指标值 each break over two lines.
    text = "\n\n".join([
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因", "分析及", "改进措施",
        "成本指标", "执法人员培训", "≦300元/人.天", "100%", "12.5", "12.5",
        "效益指标", "（30分）", "经济效", "益指标", "不适应", "90%", "7.5", "6.75", "逐步提高",
        "社会效", "益指标", "特种设备安全监察水平", "逐步提高", "90%", "7.5", "6.75", "加大宣传力度",
        "满意度", "指标", "（10分）", "服务对象满意度指标", "咨询、投诉回复率", "社会公众满意度", "100%", "≥90%", "90%", "10",
        "9", "逐步完善", "总分", "100", "95",
    ]) + "\n"
    [table] = extract(tmp_path, text).tables
    rows = [(i.level1, i.level2, i.level3, i.target, i.weight, i.score, i.deviation_note) for i in table.indicators]
    # 不适应's one percentage could be its 年度指标值 or its 实际完成值: the reader cannot tell; its row is checked
    # without them.
    assert [row[:3] + row[4:] for row in rows] == [
        (None, "成本指标", "执法人员培训", 12.5, 12.5, None),
        ("效益指标", "经济效益指标", "不适应", 7.5, 6.75, "逐步提高"),
        ("效益指标", "社会效益指标", "特种设备安全监察水平", 7.5, 6.75, "加大宣传力度"),
        ("满意度指标", "服务对象满意度指标", "咨询、投诉回复率社会公众满意度", 10, 9, "逐步完善"),
    ]
    assert [i.target for i in table.indicators[2:]] == ["逐步提高", "100%≥90%"]
    assert (table.total_weight, table.total_score) == (100, 95)


def test_level_names_of_a_tables_own_keep_their_points_as_names_not_figures():
    """An unscored table in words of its own whose level names carry their points (项目决策(20分)): the points are
    no figure, so each name stays in its level column and the rows do not shift."""
    from assistant.layout_dump import FIGURES, typed_placement

    slots = ["level1", "level2", "level3", "target", "actual"]
    words = ["项目决策(20分)", "项目立项(10分)", "立项依据充分性", "充分", "充分",
             "项目决策(20分)", "绩效目标(10分)", "绩效目标合理性", "合理", "合理",
             "项目过程(30分)", "资金管理(15分)", "资金到位率", "100%", "100%"]
    placed = typed_placement(words, slots, [False] * len(slots), FIGURES)[1]
    assert [slots[column] for column, _ in placed] == slots * 3
