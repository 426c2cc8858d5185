"""The funds block of the field set's dev texts as they were found: every expected value is read off the source line
by eye, never copied from the reader's output."""
from assistant import api
from assistant.extract.tokens import segment
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def extract(name: str):
    return api.extract(api.load(DEV / f"{name}.txt"), "rules")


def funds_of(line) -> tuple:
    return (line.label, line.full_year_budget, line.executed, line.weight, line.execution_rate, line.score)


def test_a_run_together_funds_row_with_its_rate_printed_as_the_ratio_b_over_a():
    # Line 4: "…预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120度效标O0B年绩目1
    # 分EB二级指标…": 1.56 | 1.56 | 1 (= 1.56 ÷ 1.56, printed as B/A: 100%) | 20 (= 20分 × 1); the OCR of the
    # vertical 年度绩效目标 after it ("度效标O0", "B年绩目1") names no funds and is no row of the block.
    [table] = extract("hubei_qu_2020_changjiangjinbu").tables
    assert funds_of(table.funds_total) == ("年度财政资金总额", 1.56, 1.56, 20, 100, 20)
    assert table.fund_lines == []


def test_the_block_weight_printed_above_the_column_words_is_the_total_rows_weight():
    # Lines 72-74: "预算执行情况(万元)" "(20分)", then the columns 预算数(A) … 得分 "(20分*执行率)" and line 96
    # "年度财政资金总额" 50 10 20% 4: no 分值 column, the block's 20分 is the row's weight.
    [table] = extract("yunnan_changning_2022_shengzhu").tables
    assert funds_of(table.funds_total) == ("年度财政资金总额", 50, 10, 20, 20, 4)


def test_a_bracketed_note_stays_whole_with_the_words_and_numbers_in_it():
    # hubei_qu line 4: "得分(20分*执行率)年度财政资金总额": the note holds a column word and a number, neither a cell.
    assert segment("执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120") == \
        ["执行率(B/A)", "得分(20分*执行率)", "年度财政资金总额", "1.561.56120"]


def test_a_formula_bracket_ocr_closed_with_a_one_still_ends_its_column_word():
    # Line 21: "…预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20…":
    # "(B/A1" is "(B/A)" read by OCR; the row is 1000 | 1000 | 100% | 20.
    [table] = extract("hubei_xiangyang_2021_dongjin").tables
    assert funds_of(table.funds_total) == ("年度财政资金总额", 1000, 1000, 20, 100, 20)


def test_a_parts_amounts_run_together_are_split_so_that_no_part_exceeds_the_total():
    # Line 24: "…年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金年度总体目标…": the total is 20 | 20; the
    # part "2020" is 20 | 20 (202 | 0 would exceed the total's 20).
    [table] = extract("sichuan_zhongjiang_2022_shuibiaochi").tables
    assert funds_of(table.funds_total) == ("年度资金总额", 20, 20, 10, 100, 10)
    assert [funds_of(line) for line in table.fund_lines] == [("本年财政拨款", 20, 20, None, None, None),
                                                             ("其他资金", None, None, None, None, None)]


def test_a_web_row_broken_after_a_value_takes_the_values_on_the_next_line():
    # Lines 7-9: "基本支出 | 985.19 | 914.97 |" "10 | 10 | |||||" "项目支出 | 187.36 | 353.75 | 10 | 10 | |||||": the
    # second line holds values only, so it ends the 基本支出 row.
    [table] = extract("guizhou_suiyang_nd_taibaizhen").tables
    assert [(line.label, line.initial_budget, line.executed, line.weight, line.score) for line in table.fund_lines] == [
        ("基本支出", 985.19, 914.97, 10, 10), ("项目支出", 187.36, 353.75, 10, 10), ("其他", None, None, None, None)]


def test_funds_printed_as_keys_one_cell_a_line_with_the_unit_under_or_after_the_key():
    # Lines 58-72: "计划投资额" "(万元)" "570" "实际到位资金" "(万元)" "398.88" "实际使用情况(万元)" "395.86", one cell per line.
    [table] = extract("hainan_shengji_fuwumaoyi").tables
    assert funds_of(table.funds_total) == ("计划投资额", 570, 395.86, None, None, None)



def test_the_total_rows_method_in_words_does_not_cut_the_block_before_its_parts():
    # beijing_haidian_2016_baojie line 20: "…得分计算方法年度资金总额:310.2154.741050%5执行率*该指标分值,最高不得超过
    # 分值上限。其中:本年一般公共预算拨款 310.2154.74   其他资金     年度总体目标…": the 得分计算方法 note of the total
    # row runs into the part "其中:本年一般公共预算拨款" 310.2 | 154.74, then 其他资金 with no amounts.
    [table] = extract("beijing_haidian_2016_baojie").tables
    assert (table.funds_total.initial_budget, table.funds_total.executed) == (310.2, 154.74)
    assert [(line.label, line.initial_budget, line.executed) for line in table.fund_lines] == \
        [("本年一般公共预算拨款", 310.2, 154.74), ("其他资金", None, None)]


def test_a_breakdown_opens_a_cell_of_its_own_after_the_words_run_into_it():
    assert segment("得分计算方法年度资金总额:310.2154.741050%5最高不得超过分值上限。其中:本年一般公共预算拨款 310.2154.74")[-3:] \
        == ["上限。", "其中:本年一般公共预算拨款 ", "310.2154.74"]


def test_sources_printed_twice_side_by_side_give_the_planned_amount_of_each():
    # hainan_shengji lines 74-108: "其中:" "中央财政" "0" "其中:" "中央财政" "0" "省财政" "570" "省财政" "398.88"
    # "市县财政" "0" "市县财政" "0" "其他" "0" "其他" "0", under 计划投资额 570 and 实际到位资金 398.88 printed side by side:
    # each source's first amount is planned, the second received.
    [table] = extract("hainan_shengji_fuwumaoyi").tables
    assert [(line.label, line.full_year_budget) for line in table.fund_lines] == \
        [("中央财政", 0), ("省财政", 570), ("市县财政", 0), ("其他", 0)]


def test_a_run_together_head_with_its_sources_printed_twice_is_a_table_of_its_own():
    # zhejiang_jinyun line 31: "…项目名称2021年度农村垃圾清运经费…计划安排资金(万元)299.4实际到位资金(万元)299.4其中:中央财政
    # 其中:中央财政省财政省财政市县财政299.4市县财政299.4其它其它实际支出(万元)299.4二、支出明细情况…": no indicator table
    # follows, yet the head is a project's, its funds planned 299.4 and spent 299.4, all of it from 市县财政.
    report = extract("zhejiang_jinyun_2021_lajiqingyun")
    [table] = report.tables
    assert table.kind == "project" and report.year == 2021
    assert (table.funds_total.full_year_budget, table.funds_total.executed) == (299.4, 299.4)
    assert [(line.label, line.full_year_budget) for line in table.fund_lines] == \
        [("中央财政", None), ("省财政", None), ("市县财政", 299.4), ("其它", None)]


def test_the_text_after_a_heads_sources_is_read_on_as_text():
    # zhejiang_jinyun line 31 goes on after 实际支出(万元)299.4 with "二、支出明细情况支出内容(经济科目)…": prose, no head cell.
    document = api.load(DEV / "zhejiang_jinyun_2021_lajiqingyun.txt")
    assert any(paragraph.text.startswith("二、支出明细情况") for paragraph in document.paragraphs)


def test_a_part_printed_with_its_empty_cells_left_out_takes_the_totals_money_columns():
    # yunnan_yongde lines 8-10: "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |"
    # "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |" "| 387664.62 | 387664.62 | — |": the total fills
    # 全年预算数 and 全年执行数 (年初预算数 left out), the part prints its two amounts under the same columns.
    [table] = extract("yunnan_yongde_2022_yingyanggaishan").tables
    [part] = [line for line in table.fund_lines if line.label == "当年财政拨款"]
    assert (part.initial_budget, part.full_year_budget, part.executed) == (None, 387664.62, 387664.62)


def test_amounts_printed_with_their_unit_in_a_one_cell_per_line_page_are_the_funds_rows():
    # hubei_ezhou_2021 lines 26-56, one cell a line closed by " |": "年度资金总额 |" "150万 |" "150万 |" "125.25万 |"
    # "100 |" "83.5% |" "98 |", then "其中:当年财政拨款 |" "150万 |" "150万 |" "125.25万 |" "— |" "|" "— |" and the
    # 上年结转资金 and 其他资金 rows of zeros: "150万" is 150 in the block's 万元, a funds cell like "150".
    [table] = extract("hubei_ezhou_2021_shiminzhongxin").tables
    assert funds_of(table.funds_total) == ("年度资金总额", 150, 125.25, 100, 83.5, 98)
    assert [funds_of(line) for line in table.fund_lines] == [
        ("当年财政拨款", 150, 125.25, None, None, None), ("上年结转资金", 0, 0, None, None, None),
        ("其他资金", 0, 0, None, None, None)]


def test_a_level2_name_printed_alone_before_another_level2_is_no_level1_of_the_next_row():
    # hubei_ezhou_2021 lines 120-147: "时效指标 |" followed by six lone "|" (its empty cells) and two empty rows, then
    # "成本指标 |" "市民中心运行维护费 |" "150万 |" "150万 |" "10 |" "10 |": 时效指标 is a 二级 group with no indicator; the
    # 成本指标 row stays under 产出指标, printed at line 75.
    [table] = extract("hubei_ezhou_2021_shiminzhongxin").tables
    row = next(i for i in table.indicators if i.level3 == "市民中心运行维护费")
    assert (row.level1, row.level2, row.target, row.actual, row.weight, row.score) == \
        ("产出指标", "成本指标", "150万", "150万", 10, 10)
    # The 时效指标 group is a row of its own, its names and no values, right before it.
    bare = table.indicators[table.indicators.index(row) - 1]
    assert (bare.level1, bare.level2, bare.level3, bare.target, bare.weight, bare.score) == \
        ("产出指标", "时效指标", None, None, None, None)


def test_a_county_goal_table_names_its_policy_and_keeps_the_source_rows_it_left_empty():
    # sichuan_zitong l.29-30 "政策(项目)名称 |" / "人大代表之家建设 |"; l.48-51 "其中:中央、省补助 |" and three empty "|" cells,
    # l.53 "市级财政资金 |" likewise, then l.58-61 "县级财政资金 |" "40 |" "40 |" "100% |"; the year is the table's "(2023年度)"
    # (l.27), not the report's proposal for the next one (l.19 "建议2024年度安排预算资金40万元").
    report = extract("sichuan_zitong_2023_rendadaibiao")
    [table] = report.tables
    assert report.year == 2023
    assert table.name == "人大代表之家建设"
    assert funds_of(table.funds_total) == ("年度资金总额", 40, 40, None, 100, None)
    county = next(line for line in table.fund_lines if line.label == "县级财政资金")
    assert funds_of(county) == ("县级财政资金", 40, 40, None, 100, None)


def test_a_sources_rate_printed_without_its_empty_points_cell_is_its_rate_and_the_head_cells_end_at_each_label():
    # hainan_shengji_2023_xueshengshiwu lines 6, 9-15 (one row a line, empty cells left out):
    #   "项目名称: 46000021T000000002749-学生事务补助 填报人: 李姣 联系方式: 13178966329"
    #   "资金构成(元) 年初预算数 全年预算数 执行数 分值 执行率(%) 得分"
    #   "单位资金: 120,000.00 120,000.00 30,000.00   25" — 30,000 ÷ 120,000 = 25%: the rate, no 分值 (the row has none)
    #   "其中:财政资金: 0.00 0.00 0.00   0" — nothing budgeted, nothing spent: a rate of 0
    #   "年度目标 年度目标完成情况" / "用于资助贫困教师及学生 发放成长计划资助资助学生10人次,…"
    table = extract("hainan_shengji_2023_xueshengshiwu").tables[0]
    assert table.name == "46000021T000000002749-学生事务补助"
    lines = {line.label: funds_of(line) for line in table.fund_lines}
    assert lines["单位资金"] == ("单位资金", 120000, 30000, None, 25, None)
    assert lines["财政资金"] == ("财政资金", 0, 0, None, 0, None)
    assert funds_of(table.funds_total)[3:] == (10, 25, 2.5)
    assert table.goals.expected == "用于资助贫困教师及学生"
    assert table.goals.achieved.startswith("发放成长计划资助资助学生10人次")


def test_a_funds_row_dumped_one_cell_a_line_with_long_dashes_keeps_its_cells_and_a_worded_direction_joins_the_target():
    # neimenggu_ganqimaodu_2024 lines 39-55: "其中:财政拨款 |" "0 |" "0.58 |" "0.58 |" "—— |" "100 |" "—— |", then
    # "其他资金 |" "0 |" "1.8 |" "1.8 |" "—— |" "0 |" "—— |": the "——" cells are the rows' empty 分值 and 得分.
    # Lines 104-110: "指标1:租车达标率 |" "正向 |" "等于 |" "100 |" "100 |" "% |" under 指标性质 | 指标方向 | 年度指标值 |
    # 实际完成值 | 计量单位: the target is 等于100%.
    table = extract("neimenggu_ganqimaodu_2024_ziranziyuan").tables[0]
    lines = {line.label: funds_of(line) for line in table.fund_lines}
    assert lines["财政拨款"] == ("财政拨款", 0.58, 0.58, None, 100, None)
    assert lines["其他资金"] == ("其他资金", 1.8, 1.8, None, 0, None)
    rate = next(i for i in table.indicators if i.level3 == "指标1:租车达标率")
    assert (rate.target, rate.actual, rate.weight, rate.score) == ("等于100%", "100", 8, 8)


def test_a_scrambled_spreadsheet_copys_total_is_the_values_under_the_columns_its_arithmetic_places():
    # shanghai_putuo line 3, a spreadsheet's copy scrambled by a document site: "年初预算数 全年预算数 全年执行数 分值 执行率
    # 得分 250000.00 250000.00 215,457.6 10 8.62 250000.00 250000.00 215457.6 — 上年结转资金 0 0 — …  年度资金总额 …
    # 86.19%": the labels and the rate are printed elsewhere. The total is the values right under the column words
    # that its own arithmetic places, 8.62 = 10 × 215457.6 ÷ 250000; its rate, printed apart, is left unread.
    funds = extract("shanghai_putuo_2022_tiyu").tables[0].funds_total
    assert (funds.initial_budget, funds.full_year_budget, funds.executed, funds.weight, funds.execution_rate,
            funds.score) == (250000, 250000, 215457.6, 10, None, 8.62)
