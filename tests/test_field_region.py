"""区域绩效目标自评表 of the field set's dev texts as they were found: every expected value is read off the source line
by eye, never copied from the reader's output."""
from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"


def drawn(only: str, template: str):
    """The one table with `only` in its id, drawn from its gold labels in `template`, each level name printed once,
    merged down over its rows (evals/tools/paste.py): the paste tool, the drawn sheet and its gold labels."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", DEV.parent,
                                          only=only, template=template, merged=True)
    return paste, sheet, gold


def read_pasted(text: str):
    """The tables the rules extractor reads in a pasted text."""
    return api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables


def assert_read_as_labelled(only: str, template: str, printed_once: str, fields: tuple[str, ...]) -> None:
    """The table drawn as `drawn` does and copied one cell a line, empty cells left out (paste style b), its
    `printed_once` name printed once: every row is read with the `fields` its gold labels give."""
    paste, sheet, gold = drawn(only, template)
    text = paste.pasted(sheet, "b")
    assert text.count(printed_once) == 1
    [table] = read_pasted(text)
    assert [tuple(getattr(i, name) for name in fields) for i in table.indicators] == \
        [tuple(getattr(i, name) for name in fields) for i in gold.tables[0].indicators], only


def test_a_region_form_printed_one_row_a_line_keeps_its_title_and_rows_that_printed_no_values():
    # Line 5 "2021年中央对地方专项转移支付区域绩效目标自评表", line 6 "填报类型:整体□  区域√  项目□" between the title
    # and the table; line 7 "单位名称 遂宁市市场监督管理局经开区分局 联系人及电话 田苗苗,15881923688"; rows one a line,
    # cells apart by spaces: l.47 "指标3.医疗器械抽验完成率 100% 100%", l.48 "指标4.不合格产品处置率" (no values),
    # l.49 "指标5:药品不良反应每百万人口报告数 ≥150 150", l.54 "成本指标 指标1.培训成本 400元/人、天 180元/人、天",
    # l.55 "指标2.药品抽验平均标准", l.56 "指标3.化妆品抽验平均标准", l.57-59 "效益指标 社会效益" "指标" "指标1.“两品一械”…".
    report = api.extract(api.load(DEV / "sichuan_suining_2021_liangpinyixie.txt"), "rules")
    assert report.unit_name == "遂宁市市场监督管理局经开区分局"
    [table] = report.tables
    assert table.kind == "project"
    assert table.title == "2021年中央对地方专项转移支付区域绩效目标自评表"
    assert table.name is None  # no 专项名称 printed; the unit that fills the form in names no project
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual) for i in table.indicators}
    assert rows["指标3.医疗器械抽验完成率"] == (None, "质量指标", "100%", "100%")
    assert rows["指标4.不合格产品处置率"] == (None, "质量指标", None, None)
    assert rows["指标5:药品不良反应每百万人口报告数"] == (None, "质量指标", "≥150", "150")
    assert rows["指标1.培训成本"] == (None, "成本指标", "400元/人、天", "180元/人、天")
    assert rows["指标2.药品抽验平均标准"] == (None, "成本指标", None, None)
    assert rows["指标3.化妆品抽验平均标准"] == (None, "成本指标", None, None)
    assert rows["指标1.“两品一械”总体安全"] == ("效益指标", "社会效益指标", None, None)
    assert len(table.indicators) == 20


def test_a_region_form_s_funds_printed_as_word_amount_pairs_and_its_goals_numbered_twice():
    # Lines 8-13: "预算" "执行" "情况" "(万元)" " 转移支付预算数(A) 5.8万 预算执行率(B/A) 100%" " 转移支付执行数(B) 5.8万";
    # lines 14-28: "年度" "目标" "完成" "情况" "预期目标 目标实际完成情况", then " 目标1:完成两品一械抽检工作" … " 目标4:加强
    # 两品一械科普宣传力度" and " 目标1:配合完成抽检148个批次" … " 目标4:多次组织两品一械科普宣传活动".
    report = api.extract(api.load(DEV / "sichuan_suining_2021_liangpinyixie.txt"), "rules")
    [table] = report.tables
    funds = table.funds_total
    assert (funds.full_year_budget, funds.executed, funds.execution_rate) == (5.8, 5.8, 100)
    assert table.goals.expected == ("目标1:完成两品一械抽检工作目标2:加强两品一械企业监管力度"
                                    "目标3:加强培训,提高监管人员专业水平目标4:加强两品一械科普宣传力度")
    assert table.goals.achieved == ("目标1:配合完成抽检148个批次目标2:加强了两品一械企业监管力度"
                                    "目标3:提高监管人员专业水平,培训率达100%目标4:多次组织两品一械科普宣传活动")


def test_a_region_form_whose_rows_run_together_a_line_each_under_a_header_wrapped_over_three_lines():
    # Lines 34-36: "绩效指标一级" "指标" "二级指标三级指标指标值全年实际完成值未完成原因和改进措施" (the merged 一级指标 cell
    # wrapped, the other column words run together); then one row a line, its cells run together, blank lines
    # between: l.49 "质量指标建设符合验收要求2020", l.58 "时效指标按期完成投资1010", l.86-88 "经济效益" "指标"
    # "对经济发展的促进作用1010", l.135-137 "满意度指标服务对象" "满意度指标" "改善通行服务水平群众满意度2020". No 分值 or
    # 得分 column: each row's run of digits is its 指标值 and 全年实际完成值 printed alike.
    report = api.extract(api.load(DEV / "sichuan_langzhong_2021_chegoushui.txt"), "rules")
    [table] = report.tables
    assert table.kind == "project"
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.weight, i.score) for i in table.indicators}
    assert rows["建设符合验收要求"] == (None, "质量指标", "20", "20", None, None)
    assert rows["按期完成投资"] == (None, "时效指标", "10", "10", None, None)
    assert rows["对经济发展的促进作用"] == (None, "经济效益指标", "10", "10", None, None)
    assert rows["改善通行服务水平群众满意度"] == ("满意度指标", "服务对象满意度指标", "20", "20", None, None)


def test_a_region_form_s_funds_run_together_after_a_colon_when_the_whole_budget_was_spent():
    # Line 23 "全年预算数(A)全年执行数(B)预算执行率(B/A)", line 24 "年度资金总额:40004000100%", line 25
    # " 其中:中央补助40004000100%": 4000 budgeted, 4000 spent, 100% (not 40004000, 10, 0%).
    report = api.extract(api.load(DEV / "sichuan_langzhong_2021_chegoushui.txt"), "rules")
    [table] = report.tables
    funds = table.funds_total
    assert (funds.label, funds.full_year_budget, funds.executed, funds.execution_rate) == ("年度资金总额", 4000, 4000, 100)
    central = next(line for line in table.fund_lines if line.label == "中央补助")
    assert (central.full_year_budget, central.executed, central.execution_rate) == (4000, 4000, 100)
    assert not table.breakdown



def test_a_head_value_run_together_with_its_key_keeps_its_brackets_as_printed():
    # l.17 "转移支付(项目)名称车辆购置税收入补助地方资金(普通省道公路建设)": key and value run together; the name keeps its
    # half-width brackets (the key is found with brackets made full-width, the value is not rewritten).
    report = api.extract(api.load(DEV / "sichuan_langzhong_2021_chegoushui.txt"), "rules")
    [table] = report.tables
    assert table.name == "车辆购置税收入补助地方资金(普通省道公路建设)"


def test_a_region_form_whose_level_names_are_merged_down_reads_every_row_one_cell_a_line():
    """Zhongjiang's 2022 table (evals/field/dev/sichuan_zhongjiang_2022_shuibiaochi) and Langfang's 2019 one
    (hebei_langfang_2019_nuantong) drawn in the transfer-payment form (指标值 | 全年实际完成值 | 未完成原因和改进措施, no
    分值) with each 一级 and 二级 name printed once, merged down over its rows, and copied one cell a line, empty cells
    left out: a row under a merged name opens at its 三级指标, its 完成值 printed in its 指标值's form (≥266米 ≥266米,
    显著提升 显著提升) and no level name; 成本指标 printed over a 三级指标 is the 二级 under 产出指标; a "……" or "指标2"
    printing no values is a row of its own. Every row is read as the gold has it."""
    for only in ("sichuan_zhongjiang_2022_shuibiaochi", "hebei_langfang_2019_nuantong"):
        assert_read_as_labelled(only, "region-central-transfer", "产出指标",
                                ("level1", "level2", "level3", "target", "actual"))


def test_a_region_form_whose_merged_kind_of_indicator_lists_no_rows_keeps_it_under_its_stage():
    """Sample 001 and Ezhou's 2021 table (evals/field/dev/hubei_ezhou_2021_shiminzhongxin) drawn in the
    transfer-payment form with each level name printed once, merged down over its rows, and copied one cell a line,
    empty cells left out. Both list a kind of indicator with no rows under it — sample 001 l.1605 "生态效" "益指标"
    under 效益指标, then 可持续影响指标 and its rows; Ezhou l.120 "时效指标 |" under 产出指标, then l.130 "成本指标 |"
    "市民中心运行维护费 |" "150万 |" "150万 |" — so two 二级 names follow each other: the first is a group of its own
    under the 一级 above, never an 一级 over the second."""
    assert_read_as_labelled("001_8744007de10ea853", "region-central-transfer", "可持续影响指标",
                            ("level1", "level2", "level3", "target", "actual"))
    paste, sheet, _ = drawn("hubei_ezhou_2021_shiminzhongxin", "region-central-transfer")
    [table] = read_pasted(paste.pasted(sheet, "b"))
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual) for i in table.indicators]
    assert ("产出指标", "时效指标", None, None, None) in rows
    assert ("产出指标", "成本指标", "市民中心运行维护费", "150万", "150万") in rows


def test_a_scored_region_form_left_unscored_and_copied_with_a_bar_for_each_empty_cell_reads_as_a_grid():
    """Hubei HBUST's 2021 table (evals/field/dev/hubei_hbust_2021_zhuxuejin: l.16-21 "产出指标 |" "质量指标 |"
    "奖助政策学生知晓率 |" "100% |" "100% |" "|", no 分值 or 得分 printed) and Xiaoxian's 2023 one
    (anhui_xiaoxian_2023_tesezhongyang, sub-items "其中桃树种植面积" scored by the item above them) drawn in the scored
    transfer-payment form (… | 分值 | 得分 | 未完成原因和改进措施), each level name printed once, merged down over its
    rows, and copied one cell a line with a trailing bar, each empty cell a lone "|": the bars are the grid's empty
    cells, as blank lines are in a copy that keeps them, so a row whose 分值 and 得分 are empty ends at its own cells
    and every row is read as the gold has it."""
    for only in ("hubei_hbust_2021_zhuxuejin", "anhui_xiaoxian_2023_tesezhongyang"):
        paste, sheet, gold = drawn(only, "region-central-transfer-scored")
        text = paste.pasted(sheet, "c")
        assert text.count("产出指标") == 1 and any(line.strip() == "|" for line in text.splitlines())
        [table] = read_pasted(text)
        assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == \
            [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators]


def test_a_scored_region_form_left_unscored_and_copied_by_a_viewer_reads_a_row_of_zeros_as_its_target_and_result():
    """衡山县's 县级储备粮 (evals/field/dev/hunan_hengshan_2020_chubeiliang: l.26 "县级储备粮库存粮食明显变质比例00", its
    target 0 and its result 0, no 分值 or 得分 printed) drawn in the scored transfer-payment form (… | 分值 | 得分 |
    未完成原因和改进措施), each level name printed once, and copied one cell a line, empty cells left out: "0" "0" are
    the row's target and result, not a 分值 of 0 — a 分值 of 0 weighs nothing — so the table is read as left
    unscored, every row with its target and result as the gold has them, none run into another."""
    paste, sheet, gold = drawn("hunan_hengshan_2020_chubeiliang", "region-central-transfer-scored")
    text = paste.pasted(sheet, "b")
    assert "县级储备粮库存粮食明显变质比例\n0\n0\n" in text
    [table] = read_pasted(text)
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == \
        [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators]


def test_a_scored_region_form_whose_own_level_words_are_merged_down_opens_a_second_level_with_each_first():
    """Hainan's score sheet (evals/field/dev/hainan_shengji_fuwumaoyi: l.126 "项目决策" "20" "项目目标" "4" "目标内容"
    "4" "4", l.140 "决策过程" "8" "决策依据" "3" "3" "决策程序" "5" "5", l.156 "资金分配" "8" "分配办法" "2" "2") drawn in
    the scored transfer-payment form, each level name printed once, merged down over its rows, and copied one cell a
    line, empty cells left out: the levels are named in words of their own, so no word tells an 一级 from a 二级, but
    a new 一级 opens a new 二级 group — a row of two names before its scores is a 二级 and its 三级指标 (决策过程
    决策依据 3 3), never an 一级 that leaves its 二级 empty. Every row is read as the gold has it."""
    assert_read_as_labelled("hainan_shengji_fuwumaoyi", "region-central-transfer-scored", "项目决策",
                            ("level1", "level2", "level3", "weight", "score"))


def test_a_region_form_whose_results_are_verdicts_reads_each_word_target_with_its_verdict():
    """Tangxi's 2022 table (evals/field/dev/anhui_tangxi_2022_weituo, l.2: "质量指标 委托业务报告合格率 ≥100百分比 100 8
    8 经费支出合规性 严格执行相关制度规定 达成预期指标 8 8 …", "社会效益指标 对维护基建市场公平的影响程度 效果明显 达成预期指标
    10 10") drawn in the transfer-payment form, each level name printed once, merged down over its rows, and copied
    one cell a line, empty cells left out: a word target before its verdict ("效果明显" "达成预期指标") is two cells,
    never a level name broken over two lines, and the reading that puts each verdict under 完成值 (经费支出合规性 a row
    of its own, not the note of the row above) is the one kept. Every row is read as the gold has it."""
    assert_read_as_labelled("anhui_tangxi_2022_weituo", "region-central-transfer", "产出指标",
                            ("level1", "level2", "level3", "target", "actual"))


def test_a_region_form_copied_from_a_browser_one_row_a_line_ends_a_row_at_its_result_printed_as_its_target():
    """Sample 002 drawn in the transfer-payment form, each level name printed once, merged down over its rows, and
    copied from a browser: a row a line, its filled cells apart by TABs. Rows that print their 二级 name and then
    a word target and its result alike (l.353 "时效指标" "行政处罚信息公开及时准确" "按要求及时公开" "按要求及时公开"; l.858
    "对自然生态环境造成的负面影响" "无" "无") are whole: the next line (l.361 "消费者投诉举报受理时间" "≤15天" "与计划时间匹配",
    its 完成值 words; l.865 "……") is a row of its own, not the rest of theirs."""
    paste, sheet, _ = drawn("002_1b038c9877a00c9c", "region-central-transfer")
    text = paste.pasted(sheet, "t")
    assert "时效指标\t行政处罚信息公开及时准确\t按要求及时公开\t按要求及时公开\n" in text
    tables = read_pasted(text)
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual) for table in tables for i in table.indicators]
    assert ("产出指标", "时效指标", "行政处罚信息公开及时准确", "按要求及时公开", "按要求及时公开") in rows
    assert ("产出指标", "时效指标", "消费者投诉举报受理时间", "≤15天", "与计划时间匹配") in rows
    assert ("效益指标", "生态效益指标", "对自然生态环境造成的负面影响", "无", "无") in rows


def test_a_grid_copied_with_a_bar_for_each_empty_cell_keeps_the_total_row_printed_after_it():
    """HBUST's table drawn in the scored transfer-payment form as above, copied one cell a line with each empty cell a
    lone "|" and no bar after a filled cell, then a 总分 row "总分" "100" "95" printed below the last row: the lines the
    grid used are counted in the copy's own lines, bars included, so 总分 is read as the table's total and no bar or
    number of it is left over as text after the table."""
    paste, sheet, gold = drawn("hubei_hbust_2021_zhuxuejin", "region-central-transfer-scored")
    lines = [line.rstrip() for line in paste.pasted(sheet, "c").splitlines()]
    text = "\n".join(line.removesuffix(" |") if line.strip() != "|" else "|" for line in lines) + "\n总分\n100\n95\n"
    [table] = read_pasted(text)
    assert (table.total_weight, table.total_score) == (100, 95)
    assert len(table.indicators) == len(gold.tables[0].indicators)


def test_a_region_form_copied_by_a_viewer_reads_every_numbered_row_after_a_note_in_sentences():
    """Langfang's table (hebei_langfang_2019_nuantong) drawn in the transfer-payment form, each level name printed
    once, copied by a document viewer with no separator at all (paste style k). The header ends in the form's own
    note column, 未完成原因和改进措施; the first row's values run together ("43.237.24", 43.2 and 37.24 or 43.23 and
    7.24: left empty with a warning) before its note in sentences ("已完工,剩余3%尾款未付,…提高预算准确度。", source
    line 136); the template's numbered rows follow, "指标2" with nothing in it, then its "……" row. Every row is one
    of the table's, under its own levels: "资金金额" is no row named "…资" whose target and result are "金" and
    "金", and "指标1安全率" is no row named "指标" with the target "1安全率". (On 48ba58a the rows after the first
    stage were a second, untitled table and the F1 of the copy was 0.16.)"""
    paste, sheet, gold = drawn("hebei_langfang", "region-central-transfer")
    text = paste.pasted(sheet, "k")
    assert "未完成原因和改进措施产出指标数量指标指标1工程资金金额43.237.24已完工,剩余3%尾款未付" in text
    assert "提高预算准确度。指标2……质量指标指标1工程完工率100100" in text
    report = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules")
    [table] = report.tables
    labelled = [(i.level1, i.level2, i.level3) for i in gold.tables[0].indicators]
    assert [(i.level1, i.level2, i.level3) for i in table.indicators] == labelled
    rows = {i.level3: (i.target, i.actual) for i in table.indicators if i.level2 == "质量指标"}
    assert rows == {"指标1工程完工率": ("100", "100"), "指标2工程验收合格率": ("100", "100"), "……": (None, None)}
    first = table.indicators[0]
    assert (first.level3, first.target, first.actual) == ("指标1工程资金金额", None, None)
    assert any("43.237.24" in warning for warning in report.warnings)
    assert paste.score_paste(text, gold).f1 >= 0.9


def test_a_region_form_copied_by_a_viewer_reads_rows_numbered_with_a_colon_and_names_holding_a_range():
    """Jishan's 基本公共卫生服务 table (shanxi_jishan_2021_gonggongweisheng, source line 3) drawn in the transfer-payment
    form and copied with no separator (style k): its rows print no level names, each opens with its number and a
    colon ("指标5:举办健康教育知识讲座6次150次"), and some names hold a range of ages ("指标9:0-6岁儿童健康管理数2089人
    2089人", "指标23:0-36月龄中医药规范管理数1228人770人"). Row 2 prints two targets and results and row 3 and 4 no
    name (the source's own damage): after that stretch, reading resumes at "指标5", right after the "次" of a result.
    A name never ends at "指标9:" or inside "0-6": not "指标9:" with the target "0-" and the result "6", nor "0-" then
    "36月". (On 48ba58a one row was read and the copy's F1 was 0.13.) Cut off right after a row's result
    ("…报告数14例14例", as a viewer's page ends), the last row is read whole: a unit at the very end of the text is
    read once, not as if the text went on past it."""
    paste, sheet, gold = drawn("shanxi_jishan_2021", "region-central-transfer")
    text = paste.pasted(sheet, "k")
    [table] = read_pasted(text)
    rows = {i.level3: (i.target, i.actual) for i in table.indicators}
    assert rows["指标1:居民健康档案"] == ("38508人", "37442人")
    assert rows["指标5:举办健康教育知识讲座"] == ("6次", "150次")
    assert rows["指标9:0-6岁儿童健康管理数"] == ("2089人", "2089人")
    assert rows["指标23:0-36月龄中医药规范管理数"] == ("1228人", "770人")
    assert rows["指标25:家庭医生签约率"] == ("24694人", "22584人")
    # "不少于12种" is a target whose comparator is in words: no name ends with it ("指标2:发放健康教育资料不少于", 12种).
    assert not any((name or "").endswith("不少于") for name in rows)
    assert paste.score_paste(text, gold).f1 >= 0.85
    # Copied with its cells apart by single spaces (style v), the rows numbered with a colon are read as well.
    spaced = read_pasted(paste.pasted(sheet, "v"))[0]
    assert {i.level3: (i.target, i.actual) for i in spaced.indicators}["指标9:0-6岁儿童健康管理数"] == ("2089人", "2089人")
    row = "指标24:传染病及突发公共卫生事件报告数14例14例"
    cut = text[:text.index(row) + len(row)]
    [table] = read_pasted(cut)
    last = table.indicators[-1]
    assert (last.level3, last.target, last.actual) == ("指标24:传染病及突发公共卫生事件报告数", "14例", "14例")


def test_a_title_printing_no_table_word_over_its_year_names_the_table_and_a_name_may_hold_a_measure():
    # sichuan_langzhong_2021_chegoushui lines 14-15: "车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评" then
    # "(2021年度)": the title, though it prints no 表. Line 40 "数量指标建设普通省道二级公路32.1公里2020": the name holds
    # its measure and 20 is printed twice, target and result — not the name "建设普通省道二级公路" with the target
    # "32.1公里" and a result of 2020, sixty times it.
    [table] = api.extract(api.load(DEV / "sichuan_langzhong_2021_chegoushui.txt"), "rules").tables
    assert table.title == "车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评"
    road = next(i for i in table.indicators if i.level2 == "数量指标")
    assert (road.level3, road.target, road.actual) == ("建设普通省道二级公路32.1公里", "20", "20")


def test_rows_run_together_a_line_each_under_a_header_ending_in_the_forms_note_column_are_read_by_the_grammar():
    # ningxia_shengji_2023_fucaiapp line 18 "绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施", then a row
    # a line, its cells run together: l.19 "产出指标数量指标数量指标福彩APP系统改版升级100%100%", l.21 "时效指标完成时间12月
    # 已完成", l.22 "成本指标项目建设成本≤50万元47.68万元". Read cell by cell, "…升级" and "100%100%" were two cells of
    # two rows; by the row grammar each line is its row.
    [table] = api.extract(api.load(DEV / "ningxia_shengji_2023_fucaiapp.txt"), "rules").tables
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual) for i in table.indicators]
    assert rows[:4] == [("产出指标", "数量指标", "福彩APP系统改版升级", "100%", "100%"),
                        ("产出指标", "质量指标", "验收合格率", "100%", "100%"),
                        ("产出指标", "时效指标", "完成时间", "12月", "已完成"),
                        ("产出指标", "成本指标", "项目建设成本", "≤50万元", "47.68万元")]
    assert len(rows) == 7


def test_a_county_form_copied_by_a_viewer_reads_names_opening_with_a_measure_and_results_with_their_targets_unit():
    # hunan_hengshan_2020_chubeiliang (a .docx viewer's text, every cell run together): line 4 "…产 出 指 标数量 指标5000吨
    # 稻谷、500吨成 品粮储备到位率100%100%库存数量真实率100%" — the row after the 二级 name opens with its measure, "5000吨",
    # not a value; line 5
    # "…明显变质比例00时效 指标…" is 0 | 0; line 6 "…发生数0起0起市民满意度调查290%100%" — the result "0起" keeps its target's
    # unit, so the next row is "市民满意度调查", not "起市民满意度调查". (On 48ba58a one indicator was read, no value.)
    [table] = api.extract(api.load(DEV / "hunan_hengshan_2020_chubeiliang.txt"), "rules").tables
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual) for i in table.indicators}
    assert rows["5000吨稻谷、500吨成品粮储备到位率"] == ("产出指标", "数量指标", "100%", "100%")
    assert rows["库存数量真实率"] == ("产出指标", "数量指标", "100%", "100%")
    assert rows["县级储备粮库存粮食明显变质比例"] == ("产出指标", "质量指标", "0", "0")
    assert rows["因粮食市场波动引起的粮食安全事件发生数"] == ("满意度指标", "服务对象满意度指标", "0起", "0起")
    assert rows["市民满意度调查"] == ("满意度指标", "服务对象满意度指标", "290%", "100%")
    assert len(table.indicators) == 16
