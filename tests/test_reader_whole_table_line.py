"""Whole tables pasted as one line, their cells run together (paste style k, as document viewers give them) or apart
by single spaces (style v, a page's text flattened): evals/tools/paste.py draws the gold tables of the samples (and of
field dev files) in that style at test time; every expected value is the
gold table's cell, read off the source sample by eye."""
import pytest

from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool


@pytest.fixture(scope="module")
def paste():
    return eval_tool("paste")


def whole_table_line(paste, sample: str, template: str = "") -> str:
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       sample, template)
    return paste.pasted(sheet, "k")


def read(text: str):
    return api.extract(read_bytes(text.encode("utf-8"), "pasted.txt"), "rules")


def test_a_cells_line_break_kept_as_a_space_inside_a_column_word_does_not_cut_the_line(paste):
    # 000's 部门整体支出绩效自评表 pasted whole: its cells "年度 指标值", "实际 完成值", "经济效 益指标" keep their line breaks
    # as spaces; those spaces are inside words, not between cells, so the line is read as run together.
    text = whole_table_line(paste, "000_")
    assert "年度 指标值" in text and "经济效 益指标" in text
    first = read(text).tables[0]
    names = {(i.level1, i.level2, i.level3) for i in first.indicators}
    assert ("产出指标", "数量指标", "执法及宣传次数") in names
    assert ("效益指标", "社会效益指标", "安全放心的市场环境") in names


def test_a_note_printed_after_a_rows_scores_is_its_deviation_note_not_a_row(paste):
    # 000's 部门整体 table: "…安全放心的市场环境逐步形成逐步形成7.57营造安全消费环境生态效益指标…" and "…社会公众满意度≧95%≧95%109.5
    # 加大服务力度总分10098": the words after 得分 fill 偏差原因分析及改进措施, up to the next level name or 总分.
    first = read(whole_table_line(paste, "000_")).tables[0]
    notes = {i.level3: (i.score, i.deviation_note) for i in first.indicators}
    assert notes["社会公众满意度"] == (9.5, "加大服务力度")
    assert ("加大服务力度" not in notes) and ("营造安全消费环境" not in notes)
    market = [i for i in first.indicators if i.level2 == "社会效益指标"]
    assert [(i.level3, i.score, i.deviation_note) for i in market] == [("安全放心的市场环境", 7, "营造安全消费环境")]


def test_a_funds_row_run_together_with_its_rate_printed_without_a_percent_sign_is_split_by_its_arithmetic(paste):
    # 000's 药品监管专项 (附件2-2): "年度资金总额2221010010" under 年初预算数|全年预算数|全年执行数|分值|执行率|得分 is 2, 2, 2, 10,
    # 100 (the rate's number, no "%"), 10: the one split where 执行数 ÷ 预算数 is the rate and 得分 = 分值 × 执行率; the
    # part below it, "其中：当年财政拨款222", is then 2, 2, 2.
    drugs = next(t for t in read(whole_table_line(paste, "000_")).tables if t.name == "药品监管专项")
    part = next(f for f in drugs.fund_lines if f.label == "当年财政拨款")
    assert (part.initial_budget, part.full_year_budget, part.executed) == (2, 2, 2)
    # 知识产权培育资助专项's "49.449.449.41010010" also reads 49.44, 9.44, 9.4 within the rate's rounding, but only
    # 49.4 | 49.4 | 49.4 prints its amounts' decimals alike (sample lines 255-261: 49.4 | 49.4 | 49.4 | 10 | 100 | 10);
    # its part below, "其中：当年财政拨款49.449.449.4", is then 49.4 each.
    patents = next(t for t in read(whole_table_line(paste, "000_")).tables if t.name == "知识产权培育资助专项")
    total = patents.funds_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.execution_rate) == (
        49.4, 49.4, 49.4, 100)
    part = next(f for f in patents.fund_lines if f.label == "当年财政拨款")
    assert (part.initial_budget, part.full_year_budget, part.executed) == (49.4, 49.4, 49.4)


def test_a_score_sheets_column_words_cut_the_header_of_a_whole_table_line(paste):
    # 000's 部门整体 table drawn in Anhui's department score sheet and pasted whole: "序号一级指标二级指标三级指标指标分值
    # 指标解释指标说明及评分标准自评得分1产出指标数量指标执法及宣传次数…" — 指标解释 and 指标说明及评分标准 are column words, so the
    # rows under them are read by level and name.
    first = read(whole_table_line(paste, "000_", "anhui-dept-score-sheet")).tables[0]
    names = [(i.level1, i.level2, i.level3) for i in first.indicators]
    assert ("产出指标", "数量指标", "执法及宣传次数") in names
    assert ("效益指标", "可持续影响指标", "公众意识") in names


def test_a_score_sheets_serial_numbers_and_empty_text_columns_leave_its_scores_readable(paste):
    # Anhui's sheet pasted whole: "…6效益指标社会效益指标安全放心的市场环境7.577效益指标…" is row 6, 分值 7.5, the empty 指标解释
    # and 指标说明及评分标准 printing nothing, 得分 7, then row 7's number — not 分值 7.57; "…9满意度指标服务对象满意度指标社会公众
    # 满意度109.5" is the 满意度指标 stage and its 二级, 10 and 9.5.
    first = read(whole_table_line(paste, "000_", "anhui-dept-score-sheet")).tables[0]
    scores = {(i.level1, i.level2, i.level3): (i.weight, i.score) for i in first.indicators}
    assert scores[("效益指标", "社会效益指标", "安全放心的市场环境")] == (7.5, 7)
    assert scores[("满意度指标", "服务对象满意度指标", "社会公众满意度")] == (10, 9.5)
    # "…执法及宣传次数12.5122产出指标…" reads 12.5 and 12 or 12.51 and 2 alike: left empty, never a guess.
    assert scores[("产出指标", "数量指标", "执法及宣传次数")] == (None, None)


def test_a_whole_table_line_ends_before_the_next_tables_title(paste):
    # The next line "附件2-1 专项资金绩效自评表" opens another table: none of its words run into the 部门整体 table's last row.
    tables = read(whole_table_line(paste, "000_", "anhui-dept-score-sheet")).tables
    last = tables[0].indicators[-1]
    assert (last.level3, last.weight, last.score) == ("社会公众满意度", 10, 9.5)
    assert len(tables) == 6


def test_a_weight_printed_as_the_points_a_row_earns_is_read_as_its_weight(paste):
    # 001's 整体支出 table pasted whole: "…完成评查案卷数≥150个200个完成得0.5分0.5法治建设宣传次数…" — 分值 "完成得0.5分" is 0.5,
    # 自评得分 0.5.
    first = read(whole_table_line(paste, "001_")).tables[0]
    cases = next(i for i in first.indicators if i.level3 == "完成评查案卷数")
    assert (cases.target, cases.actual, cases.weight, cases.score) == ("≥150个", "200个", 0.5, 0.5)


def test_a_funds_rows_score_rounded_to_a_whole_point_still_fits_its_rate(paste):
    # hebei_langfang (field dev) pasted whole: "年度资金总额43.243.237.241086%9" — 43.2, 43.2, 37.24, 分值 10, 86%, 得分 9:
    # 10 × 86% is 8.6, printed rounded to the whole point; no other split fits the rate. The part under it,
    # "其中：当年财政拨款43.243.237.24", is then split against those totals: 43.2, 43.2, 37.24.
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "hebei_langfang")
    table = read(paste.pasted(sheet, "k")).tables[0]
    part = next(f for f in table.fund_lines if f.label == "当年财政拨款")
    assert (part.initial_budget, part.full_year_budget, part.executed) == (43.2, 43.2, 37.24)


def test_a_funds_row_with_its_score_left_empty_and_its_part_with_no_points_are_split_by_the_rate(paste):
    # anhui_jinzhai (field dev) pasted whole: "年度资金总额329.77329.77338.3110102.59%其中：当年财政拨款329.77329.77338.31102.59%"
    # — the total is 329.77, 329.77, 338.31, 分值 10, 102.59% and no 得分; the part prints its amounts and rate, no points.
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "anhui_jinzhai")
    table = read(paste.pasted(sheet, "k")).tables[0]
    part = next(f for f in table.fund_lines if f.label == "当年财政拨款")
    assert (part.initial_budget, part.full_year_budget, part.executed, part.weight, part.execution_rate,
            part.score) == (329.77, 329.77, 338.31, None, 102.59, None)
    assert table.funds_total.weight == 10 and table.funds_total.execution_rate == 102.59


def test_a_four_character_unit_stays_with_its_value(paste):
    # 001's table pasted whole: "…有效发明专利拥有量≥5.8件/万人7.31件/万人完成得0.5分0.5高价值专利拥有量…" — 件/万人 is the unit of
    # both values, the row is read whole and the rows after it too.
    first = read(whole_table_line(paste, "001_")).tables[0]
    patents = next(i for i in first.indicators if i.level3 == "有效发明专利拥有量")
    assert (patents.target, patents.actual, patents.weight, patents.score) == ("≥5.8件/万人", "7.31件/万人", 0.5, 0.5)
    assert any(i.level3 == "高价值专利拥有量" for i in first.indicators)


def test_a_note_does_not_take_the_name_of_a_row_whose_values_cannot_be_read(paste):
    # 002's 整体 table pasted whole: "…全年罚没入库数≥150万元162万元33受理消费者投诉举报咨询件数≥1.5万件19578件33重大食品安全
    # 突发事件0件0件33…" — the next row's values (万件 against 件) read no way, yet its name is no note of the row above,
    # and the rows after it are read on.
    first = read(whole_table_line(paste, "002_")).tables[0]
    fines = next(i for i in first.indicators if i.level3 == "全年罚没入库数")
    assert (fines.score, fines.deviation_note) == (3, None)
    assert any(i.level3 == "重大食品安全突发事件" for i in first.indicators)


def test_a_total_row_run_together_is_split_at_the_sheets_full_marks_when_rows_went_unread(paste):
    # 000's 部门整体 table pasted whole ends "…加大服务力度总分10098": 总分 100 and 98 — the sheet's 100 points (some rows'
    # 分值 read no way, so their sum cannot say it), 98 no more.
    first = read(whole_table_line(paste, "000_")).tables[0]
    assert (first.total_weight, first.total_score) == (100, 98)


def test_a_numbered_name_keeps_its_colon_and_a_heading_after_the_table_is_no_row(paste):
    # shanxi_jishan (field dev) in the score-only transfer form pasted whole: "…1指标5:举办健康教育知识讲座6次150次1指标6:…"
    # is the row 指标5:举办健康教育知识讲座, 6次, 150次, 得分 1 (once split at its colon, 指标 then ":举办…" as a 完成值).
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "shanxi_jishan_2021", "region-central-transfer-score-only")
    rows = {i.level3: (i.target, i.actual, i.score) for t in read(paste.pasted(sheet, "k")).tables for i in t.indicators}
    assert rows["指标5:举办健康教育知识讲座"] == ("6次", "150次", 1)
    # 002 in the county special-fund form: the next table's heading "附件 3-1 2023年度项目支出绩效自评表" on its own line
    # is no row named 附件 (its "3-1" once read as 指标值 "3-").
    tables = read(whole_table_line(paste, "002_", "county-special-fund")).tables
    assert not any(i.level3.startswith("附件") for t in tables for i in t.indicators)


def spaced_table_line(paste, source: str, template: str = "") -> str:
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       source, template)
    return paste.pasted(sheet, "v")


def test_a_whole_table_line_with_single_spaces_reads_its_cells_by_their_spaces(paste):
    # anhui_tangxi_2022_weituo (dev) drawn in Yunnan's 20/80 form and pasted whole with one space between cells (a page's
    # text flattened): "产出指标 数量指标 基建工程委托业务项目数量 ≥50个 50 8 产出指标 质量指标 经费支出合规性 严格执行相关制度规定
    # 达成预期指标 8 …" — its source prints the same rows "基建工程委托业务项目数量 ≥50个 50 8 8" and "经费支出合规性
    # 严格执行相关制度规定 达成预期指标 8 8". The spaces part the cells, a word target and result too.
    first = read(spaced_table_line(paste, "anhui_tangxi", "yunnan-20-80-score-only")).tables[0]
    rows = {i.level3: (i.target, i.actual, i.score) for i in first.indicators}
    assert rows["基建工程委托业务项目数量"] == ("≥50个", "50", 8)
    assert rows["经费支出合规性"] == ("严格执行相关制度规定", "达成预期指标", 8)


def test_a_space_inside_a_bracket_or_after_a_comparison_sign_stays_in_its_cell(paste):
    # 002's 市场监管 table pasted whole with single spaces: "产出指标 (50 分) 数量指标 全年立案查处各类经济违法案件结案数 ≥ 120件
    # 138件 3 3" — "(50 分)" is the stage's weight and "≥ 120件" one target, as the sample prints them (cells "(50 分)",
    # "≥ 120件", "138件"): read cell by cell, the line is cut at its spaces outside such cells only.
    tables = read(spaced_table_line(paste, "002_")).tables
    rows = {i.level3: (i.level1, i.target, i.actual) for t in tables for i in t.indicators}
    assert rows["全年立案查处各类经济违法案件结案数"] == ("产出指标", "≥120件", "138件")


def test_a_score_sheet_pasted_whole_with_single_spaces_keeps_a_name_holding_digits_whole(paste):
    # 001's 部门整体 table drawn in Sichuan's 2017 score sheet, its 得分 left blank, pasted whole with one space between
    # cells: "… 产出指标 数量指标 完成评查案卷数 0.5 产出指标 数量指标 组织开展315国际消费者权益日宣传活动次数 0.5 …". The sample
    # prints each row's 分值 as "完成得0.5分"; the spaces part the cells, so "315" stays in the name — no 分值 31, 得分 5.
    first = read(spaced_table_line(paste, "001_", "sichuan-2017-score-sheet-blank")).tables[0]
    rows = {i.level3: (i.weight, i.score) for i in first.indicators}
    assert rows["完成评查案卷数"] == (0.5, None)
    assert rows["组织开展315国际消费者权益日宣传活动次数"] == (0.5, None)
    assert "组织开展" not in rows


def test_a_rateless_funds_row_run_together_is_split_by_its_decimals_and_points(paste):
    # guizhou_suiyang l.5-9 (dev, a department's form with no 执行率 column): "… | 年初预算数(A) | 全年执行数(B) |
    # 分值(10分) | 得分 | 得分计算方法", "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | …", "基本支出 | 985.19 | 914.97 |"
    # with "10 | 10 |" on l.8. Run together ("年度资金总额1172.551268.721010", "其中：基本支出985.19914.971010"): the
    # amounts are printed alike with two decimals, the 分值 of at most 100 and the 得分 no more than it; 985.19 |
    # 914.97 | 10 | 10 is the only such reading though 10 is no 10 × 914.97 ÷ 985.19 (the department printed 10).
    [table] = read(whole_table_line(paste, "guizhou_suiyang")).tables
    total = table.funds_total
    assert (total.initial_budget, total.executed, total.weight, total.score) == (1172.55, 1268.72, 10, 10)
    basic = next(line for line in table.fund_lines if line.label == "基本支出")
    assert (basic.initial_budget, basic.executed, basic.weight, basic.score) == (985.19, 914.97, 10, 10)


def test_goals_run_together_are_cut_where_their_items_are_numbered_from_one_again(paste):
    # guizhou_suiyang l.11-12: "年度总体目标 | 年初设定目标 | 年度总体目标完成情况", then "(1)制定和组织实施经济、…
    # (4)完成上级政府交办的其它事项。 | (1)积极履职,强化管理,较好地完成本年工作任务。(2)…". Run together, the
    # "(1)" after the achieved column's word is the goal's first item, not a note on the word, and the achieved goal
    # starts where the items are numbered from (1) again.
    [table] = read(whole_table_line(paste, "guizhou_suiyang")).tables
    assert table.goals.expected.startswith("(1)制定和组织实施经济") and table.goals.expected.endswith("其它事项。")
    assert table.goals.achieved.startswith("(1)积极履职,强化管理")


def test_the_head_over_both_levels_is_two_columns_of_a_run_together_row(paste):
    # fujian_ningde_2023 l.2 (traditional, as found): "…評價內容績效內容績效目標值實際完成值累計完成率產出目標數量目標當年獲得
    # 寧德市級以上確認的人才驛站數量>=2個0個0%當年人才驛站組織活動數量>=28次40次143%…". Drawn whole on one line from its
    # gold, every row printing its levels: 評價內容 heads both the 一级 and the 二级 name each row prints, and 累计完成率 is
    # a column word of its own (0.07 before: no header read, no row).
    rows = rows_by_name(paste, "fujian_ningde_2023")
    assert rows["当年人才驿站组织活动数量"] == ("产出目标", "数量目标", ">=28次", "40次")
    assert rows["各类人才对我市人才政策的知晓率"] == ("产出目标", "质量目标", ">=95%", "98%")


def test_a_header_word_whose_closing_bracket_the_copy_lost_still_heads_its_column(paste):
    # hubei_huangshi_2023 l.70 "年初目标值(A", l.72 "实际完成值(B" (the copy lost both closing brackets); l.126-134
    # "满意度指标" "具体指标" "教师满意度" "≥95%" "≥95%": Hubei's form names its 满意度 二级 具体指标. Run together
    # ("…年初目标值(A实际完成值(B产出指标数量指标完成校园…"), the "(B" no longer takes the rows after it into the header.
    rows = {(i.level1, i.level2, i.level3): (i.target, i.actual)
            for t in read(whole_table_line(paste, "hubei_huangshi_2023")).tables for i in t.indicators}
    assert rows[("产出指标", "数量指标", "完成校园维修改造及设备购置项目")] == ("800万元", "800万元")
    assert rows[("满意度指标", "具体指标", "教师满意度")] == ("≥95%", "≥95%")


def test_a_column_named_by_two_words_is_one_column_of_a_run_together_funds_row(paste):
    # xinjiang_fukang_2023 l.20-21 "资金来源 年初预算数 全年预算数 全年执行数 分值权重 执行率 得分", "年度资金总额 5.28 1.96
    # 1.96 10 100.00% 10": 分值权重 is one column; run together ("年度资金总额5.281.961.9610100%10") the row reads
    # 5.28 | 1.96 | 1.96 | 10 | 100% | 10, the only reading where 1.96 ÷ 1.96 is the rate and 10 × 100% the 得分.
    [table] = read(whole_table_line(paste, "xinjiang_fukang")).tables
    total = table.funds_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.weight, total.execution_rate,
            total.score) == (5.28, 1.96, 1.96, 10, 100, 10)


def rows_by_name(paste, source: str) -> dict[str, tuple]:
    """The rows read from `source`'s gold table drawn whole on one line: 三级指标 → (一级, 二级, target, result)."""
    return {i.level3: (i.level1, i.level2, i.target, i.actual)
            for t in read(whole_table_line(paste, source)).tables for i in t.indicators}


def test_shanxis_second_levels_words_after_a_figure_and_a_date_range_twice_are_read_apart(paste):
    # shanxi_lvliang_2021_hugongpeixun l.3-12: "产出指标 | 产出数量 | 完成2021年吕梁山护工培训任务 | 12500名 | 12166名 |",
    # "| 产出质量 | 培训对象符合吕梁山护工培训招生计划规定 | 18—54周岁 | 存在18岁以下、54周岁以上 |", "| 产出时效 |
    # 培训任务完成及时 | 2021.1.1-12.31 | 2021.1.1-12.31 |", "效益指标 | 经济效益 | 减轻参训人员经济负担 | 有效减轻 | 有效减轻 |",
    # "| 社会效益 | 参训学员就业率 | 60%及以上 | 53.53% |". Run together: Shanxi's 二级 "产出数量" (a stage and a kind, no
    # 指标) is a level, not the first words of a row's name; "60%及以上53.53%" is the target with its 及以上, then the
    # result; the date range printed twice is the target and the result; a row whose words cannot be told apart keeps
    # its levels, its values left empty (0.29 before: no row read under 产出数量, no values, a 二级 read as a name).
    rows = rows_by_name(paste, "shanxi_lvliang")
    assert rows["完成2021年吕梁山护工培训任务"] == ("产出指标", "产出数量", "12500名", "12166名")
    assert rows["减轻参训人员经济负担"] == ("效益指标", "经济效益", "有效减轻", "有效减轻")
    assert rows["参训学员就业率"] == ("效益指标", "社会效益", "60%及以上", "53.53%")
    assert rows["培训任务完成及时"] == ("产出指标", "产出时效", "2021.1.1-12.31", "2021.1.1-12.31")
    assert rows["培训对象符合吕梁山护工培训招生计划规定"] == ("产出指标", "产出质量", None, None)


def scored_rows(paste, source: str) -> dict[str, tuple]:
    """The rows read from `source`'s gold table drawn whole on one line: 三级指标 → (一级, 二级, 分值, 得分)."""
    return {i.level3: (i.level1, i.level2, i.weight, i.score)
            for t in read(whole_table_line(paste, source)).tables for i in t.indicators}


def test_a_score_sheets_own_level_names_printed_on_every_row_open_its_rows(paste):
    # anhui_xiaoxian_nd_penghugaizao l.9-13 "1 | 投入(20分) | 项目立项(10分) | 目标任务制定 | 2 |", l.30-34 "4 | 资金落实(10分) |
    # 资金申请 | 3 |", l.41 "资金使用 |": its own words, no 产出指标 or 数量指标, each row printing its 一级 and 二级 again
    # when run together ("1投入项目立项目标任务制定222投入项目立项…"). The words several rows open with are the levels, the
    # 二级 cut where the frameworks' name ends though both rows under it open with 资金 (0.06 before: one row read).
    rows = scored_rows(paste, "anhui_xiaoxian_nd_penghugaizao")
    assert rows["目标任务制定"] == ("投入", "项目立项", 2, 2)
    assert rows["资金申请"] == ("投入", "资金落实", 3, 3)
    assert rows["资金使用"] == ("投入", "资金落实", 3, 3)


def test_a_score_sheets_own_level_names_take_no_bare_second_level_after_them(paste):
    # sichuan_shengji_2017_bumendefen l.10-11 "项目管理(7分)资金管理资金分配", "3 3 资金使用", l.14-15 "项目完成完成数量",
    # "5 5 完成质量", "5 4", l.19-20 "项目效益经济效益(可选项)", "40": 项目决策 | 科学决策 and the rest are the sheet's own
    # levels; 经济效益(可选项) after 项目效益 is a row, not a 二级 经济效益 printed bare (0.05 before). (Its "40", 分值 40
    # in the source's spacing, reads no one way run together: not asserted.)
    rows = scored_rows(paste, "sichuan_shengji_2017")
    assert rows["资金分配"] == ("项目管理", "资金管理", 3, 3)
    assert rows["完成质量"] == ("项目绩效", "项目完成", 5, 4)
    assert rows["经济效益(可选项)"][:2] == ("项目绩效", "项目效益")


def test_a_second_level_of_the_sheets_own_after_a_first_printed_with_its_points_opens_the_row(paste):
    # sichuan_shengji_2017_bumendefen l.3 "20 分)项目决策(10 分)科学决策必要性 (政策依据)", l.10 "10 分)项目管理(7分)资金管理
    # 资金分配", drawn in variant form 1 (a 一级 printed with its points on every row: "项目决策(20分)科学决策必要性(政策依据)55
    # 项目决策(20分)科学决策可行性…"): 科学决策 and 资金管理 are the 二级 names the rows open with after the points, not the
    # first words of their names (their values, under that form's many value columns, read no one way: left empty).
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "sichuan_shengji_2017", variants=(1,))
    names = {(i.level1, i.level2, i.level3) for t in read(paste.pasted(sheet, "k")).tables for i in t.indicators}
    assert {("项目决策", "科学决策", "必要性(政策依据)"), ("项目管理", "资金管理", "资金分配"),
            ("项目绩效", "项目完成", "完成数量")} <= names


def test_a_name_listing_items_with_their_figures_is_read_up_to_its_values_before_the_next_level(paste):
    # yunnan_baoshan_2022_chunjieweiwen l.70-82: "数量指标 | 慰问伤残军人50人;革命烈士遗属50人;…;边海防官兵320人。 | 100% |
    # 100% | 20", then 质量指标: run together the name runs on for 95 characters, past any name read with its values,
    # its figures each apart from the next by words; the figures before 质量指标 are its values (0.25 before: the
    # row and the next one unread).
    rows = {i.level3: (i.level2, i.target, i.actual, i.score)
            for t in read(whole_table_line(paste, "yunnan_baoshan_2022")).tables for i in t.indicators}
    listed = "慰问伤残军人50人;革命烈士遗属50人;因公牺牲和病故军人家属、在乡老复员军人等重点优抚对象50人;烈士家庭6户;市直企业" \
             "军转干部101人;驻保部队8家;边海防官兵320人。"
    assert rows[listed] == ("数量指标", "100%", "100%", 20)
    assert rows["补助经费足额拨付率"] == ("质量指标", "100%", "100%", 20)


def test_a_score_sheets_rows_whose_words_print_figures_are_cut_at_the_next_rows_levels(paste):
    # sichuan_daying_2020_zonggonghui l.37-57: "部门预 算管理 80分)", "预算编制(30分)", "目标制定", "10", "评价部门绩效目标是否
    # 要素完整、细化量化。", "1.绩效目标编制要素完整的,得5分,否则酌情扣分。…", "9", then "目标实现", "10", …, "8". Run together,
    # every row prints 部门预算管理预算编制 again and its 指标解释 and 计分标准 print figures of their own ("得5分"): the row
    # runs up to the next row's levels, its 分值 right after its name, its 得分 at its end (0.36 before).
    rows = scored_rows(paste, "sichuan_daying_2020_zonggonghui")
    assert rows["目标制定"] == ("部门预算管理", "预算编制", 10, 9)
    assert rows["目标实现"] == ("部门预算管理", "预算编制", 10, 8)


def test_a_score_sheets_framework_levels_printed_once_over_their_rows_open_them(paste):
    # anhui_xiaoxian_nd_penghugaizao l.9-34 as above, drawn in the Sichuan 2017 score sheet with its level names merged
    # down over their rows, run together: "投入项目立项目标任务制定22具体项目落实66改造方式确定22资金落实资金申请33资金使用33…".
    # 投入 and 项目立项, then 资金落实, are the frameworks' (财预〔2013〕53号) level names, each printed on its first row only
    # (0.03 before: every row read under no level).
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "anhui_xiaoxian_nd_penghugaizao", "sichuan-2017-score-sheet", merged=True)
    rows = {i.level3: (i.level1, i.level2, i.weight, i.score)
            for t in read(paste.pasted(sheet, "k")).tables for i in t.indicators}
    assert rows["具体项目落实"] == ("投入", "项目立项", 6, 6)
    assert rows["资金申请"] == ("投入", "资金落实", 3, 3)
    assert rows["资金使用"] == ("投入", "资金落实", 3, 3)


def test_a_numbered_score_sheets_rows_under_levels_printed_once_open_at_their_numbers(paste):
    # anhui_xiaoxian_nd_penghugaizao (l.9-26 "1 | 投入(20分) | 项目立项(10分) | 目标任务制定 | 2 | … | 2", "2 |
    # 具体项目落实 | 6 | … | 6") and sichuan_daying_2020_zonggonghui (l.37-57 as above) drawn in Anhui's numbered score
    # sheet, their level names merged down over their rows, run together: "1投入项目立项目标任务制定222具体项目落实663…" —
    # 得分 2, then row 2; "…打分。92目标实现10评价…" — the 指标说明 printing figures of its own, 得分 9, then row 2 (0.06 and
    # 0.18 before).
    def drawn(source: str) -> dict[str, tuple]:
        [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold",
                                           ROOT / "evals" / "field", source, "anhui-dept-score-sheet", merged=True)
        return {i.level3: (i.level1, i.level2, i.weight, i.score)
                for t in read(paste.pasted(sheet, "k")).tables for i in t.indicators}
    assert drawn("anhui_xiaoxian_nd_penghugaizao")["具体项目落实"] == ("投入", "项目立项", 6, 6)
    assert drawn("sichuan_daying_2020_zonggonghui")["目标实现"] == ("部门预算管理", "预算编制", 10, 8)


def test_an_item_a_scored_row_breaks_down_is_read_unscored_under_it(paste):
    # anhui_xiaoxian_2023_tesezhongyang l.16-17: "数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |", then
    # "其中桃树种植面积 | 1.5亩 | 1.5亩 |" with no 分值 or 得分 of its own. Run together, "…种植面积2029.5亩29.5亩20…其中桃树
    # 种植面积1.5亩1.5亩产出指标…": the item reads 1.5亩 twice, never a 分值 1 (left empty with a warning before).
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "anhui_xiaoxian_2023_tesezhongyang")
    report = read(paste.pasted(sheet, "k"))
    rows = {i.level3: (i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators}
    assert rows["★补助各类瓜果蔬菜种植面积"] == ("29.5亩", "29.5亩", 20, 20)
    assert rows["其中桃树种植面积"] == ("1.5亩", "1.5亩", None, None)
    assert rows["其中羊养殖数量"] == ("180只", "180只", None, None)
    assert not any("其中桃树种植面积" in warning for warning in report.warnings)


def test_a_stage_in_sichuans_words_before_a_kind_of_indicator_opens_the_row(paste):
    # sichuan_daying_2020_shuangxin l.10-12 "项目决策" / "| 数量指标" / "| 宣传次数", l.31-33 "项目效益" / "| 社会效益" "指标":
    # the 决算 form's 一级 in words of its own, drawn in the Sichuan 2017 score sheet with its levels merged and run
    # together ("项目决策数量指标宣传次数质量指标创建质量…项目效益社会效益指标…"): 项目决策 is the 一级, not part of a name.
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "sichuan_daying_2020_shuangxin", "sichuan-2017-score-sheet", merged=True)
    rows = {i.level3: (i.level1, i.level2) for t in read(paste.pasted(sheet, "k")).tables for i in t.indicators}
    assert rows["宣传次数"] == ("项目决策", "数量指标")
    assert rows["创建质量"] == ("项目决策", "质量指标")
    assert rows["提升全县消费者维权意识"] == ("项目效益", "社会效益指标")


def test_a_funds_row_run_together_with_its_first_budget_left_empty_reads_the_others(paste):
    # anhui_suixi_2019_linshijiuzhu l.24-29 "年度资金总额: | 30 | 30 | 10 | 100% | 10", drawn in variant form 1 (年初预算数 |
    # 调整后预算数 | 执行数(B) | 执行率(B/A) | 权重 | 执行率得分, its 年初预算数 left empty) and run together: "总额3030100%1010"
    # fills no three amounts by the arithmetic; with the 年初预算数 left empty it is 30, 30, 100%, 10, 10 (left empty with
    # a warning before).
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       "anhui_suixi_2019_linshijiuzhu", variants=(1,))
    text = paste.pasted(sheet, "k")
    assert "总额3030100%1010" in text
    total = read(text).tables[0].funds_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.execution_rate, total.weight,
            total.score) == (None, 30, 30, 100, 10, 10)
