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
