"""The reader on forms never seen (issue #14): gold tables of the samples and the field dev split drawn by
evals/tools/render.py in a variant of the scored national form (`in_variant_form`: indicator columns in a seeded
order under the words other forms print for them, the target split over 指标性质 | 指标值 | 度量单位 under a
年度指标值 head row, an unnamed 备注 column), pasted as a reviewer's copy pastes them (evals/tools/paste.py), and
read back to their labels. The form's further dimensions (its funds block, its head's key–value cells, its indicator
levels) are varied only where a test names them: `drawn` alone draws the forms the seeds drew before them."""
import pytest

from assistant.layout import parse_text
from tests.conftest import ROOT, eval_tool


def drawn(seed: int, prefixes: tuple[str, ...], dimensions: tuple[str, ...] = ("columns",)):
    paste = eval_tool("paste")
    items = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                          variants=(seed,), dimensions=dimensions)
    return paste, [item for item in items if item[1].startswith(prefixes)]


def read_back(paste, text: str):
    """The pasted text read by the rules extractor."""
    return paste.api.extract(paste.read_bytes(text.encode("utf-8"), "pasted.txt"), "rules")


def indicator_cells(report) -> list[tuple]:
    """Each indicator's 三级指标, 指标值, 完成值, 分值 and 得分, table after table."""
    return [(i.level3, i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators]


def level_names(table) -> list[tuple[str | None, str | None, str | None]]:
    """Each indicator's 一级, 二级 and 三级指标, in the table's order."""
    return [(i.level1, i.level2, i.level3) for i in table.indicators]


@pytest.mark.parametrize("seed", (1, 2, 3))
def test_stacked_head_row_with_blank_span_cells_stays_one_row(seed):
    """Pipe rows of the variant form: the head row prints 年度指标值 then two blank cells its span covers, then more
    column words (… | 得分 | 年度指标值 |  |  | 权重 | 未完成原因分析 | 全年完成值 |) — one head row, not a row glued from
    a head and data cells, so its parts below (指标性质 | 指标值 | 度量单位) and every column after them are read
    in place: samples 001 and 002, Putuo's 体育 project (evals/field/dev/shanghai_putuo_2022_tiyu)."""
    paste, items = drawn(seed, ("001_", "002_", "shanghai_putuo"))
    assert len(items) == 3
    for _, name, sheet, gold in items:
        assert paste.score_paste(paste.pasted(sheet, "e"), gold).errors == [], name


# (seed, source): Putuo's 体育 projects (evals/field/dev/shanghai_putuo_2022_tiyu) and Dayingrenmin's 工资 table
# (evals/field/dev/sichuan_dyrmt_nd_gongzi) in variants that print the 未完成原因 column after the values. Left: seed 2
# prints it before the target's parts (a one-cell-a-line dump's rows are read as ending in their note), and seed 3
# puts Dayingrenmin's empty 全年完成值 and 得分 cells where a dump cannot tell them apart.
STACKED_ONE_A_LINE = ((1, "shanghai_putuo"), (1, "sichuan_dyrmt"), (3, "shanghai_putuo"))


@pytest.mark.parametrize("seed, source", STACKED_ONE_A_LINE)
def test_stacked_head_printed_one_cell_a_line_reads_its_parts_in_the_group_place(seed, source):
    """The variant form pasted one cell a line: the head's upper row (… | 年度指标值 | …) prints before the row below
    (指标性质 | 指标值 | 度量单位), yet the data rows print the parts where 年度指标值 stands; Hubei's long note head
    (偏差大或目标未完成原因分析) is a head word. Every indicator is read with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(seed, (source,))
    report = read_back(paste, paste.pasted(sheet, "a"))
    read = set(indicator_cells(report))
    labelled = indicator_cells(gold)
    assert [row for row in labelled if row not in read] == [], name


def test_target_parts_run_together_read_as_one_target():
    """The variant form's table run together on one line (paste style k): the target's parts printed in columns of
    their own (指标性质 | 指标值 | 度量单位) run into one target ("≥2个", "100%"), which is read as the row's target.
    Zhongjiang's 水表池 project (evals/field/dev/sichuan_zhongjiang_2022_shuibiaochi) in seed 1's order: every
    labelled target read under its 三级指标."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("sichuan_zhongjiang",))
    report = read_back(paste, paste.pasted(sheet, "k"))
    read = {(i.level3, i.target) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.target) for t in gold.tables for i in t.indicators if i.target]
    assert labelled and [row for row in labelled if row not in read] == [], name


def test_blank_head_label_is_not_given_the_next_label_as_its_value():
    """Project heads as forms print them (项目名称 | … | 项目负责人及电话 | …, 项目名称 | … | 项目主管单位 | … | 自评总分:95,
    a 金额单位:万元 cell): a table whose 项目名称 is left blank has no name — the label printed after it (项目负责人及电话,
    项目主管单位) or a key–value cell (金额单位:万元) is never read as its value. Every sample and field dev table drawn
    in seed 1's head, pasted as pipe rows: no name misread (a name left unread is no misread: Huoqiu's second table,
    地震经费, was copied with nothing but its head and is read as no table)."""
    paste, items = drawn(1, ("",), ("columns", "head"))
    misread = [(name, error) for _, name, sheet, gold in items
               for error in paste.score_paste(paste.pasted(sheet, "e"), gold).errors
               if ".name:" in error and not error.startswith("omitted")]
    assert misread == []


def test_self_score_in_the_head_is_read_where_no_total_row_prints_it():
    """Heads that print the self-score and no 总分 row below (Chongqing: 主管部门 | … | 自评总分(分) | 95; 自评总分:95 in one
    cell): the score is read from the head, its label's bracketed unit (分) no bar. Every sample and field dev table
    drawn in seed 1's head, pasted as pipe rows: every labelled 总分 read."""
    paste, items = drawn(1, ("",), ("columns", "head"))
    misread = [(name, error) for _, name, sheet, gold in items
               for error in paste.score_paste(paste.pasted(sheet, "e"), gold).errors if ".total_score:" in error]
    assert misread == []


def test_self_score_label_left_blank_above_the_funds_block_is_no_funds_column():
    """A head's 自评得分 left blank right above the funds block, pasted one cell a line (… | 自评得分 |  | 资金情况(元) |
    | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | 总额 | 33600 | 33600 | 10 | 100% | 10): the self-score
    is the head's, not a 得分 column before the budget, so the total's 执行数 is 33600, not its 分值 — 大英县司法局's
    project (evals/field/dev/sichuan_daying_2023_sifaju) in seed 2's head."""
    paste, [(_, name, sheet, gold)] = drawn(2, ("sichuan_daying_2023",), ("columns", "head"))
    report = read_back(paste, paste.pasted(sheet, "a"))
    read = [(t.funds_total.full_year_budget, t.funds_total.executed, t.funds_total.score) for t in report.tables
            if t.funds_total]
    labelled = [(t.funds_total.full_year_budget, t.funds_total.executed, t.funds_total.score) for t in gold.tables
                if t.funds_total]
    assert labelled and read == labelled, name


def test_amounts_before_the_rate_go_where_the_rate_says_when_a_dump_dropped_an_empty_cell():
    """A funds row pasted one cell a line, its empty 年初预算数 cell dropped (年度财政资金总额 | 50 | 10 | 20% | 20 | 4 under
    年初预算数 | 调整后预算数 | 执行数(B) | 执行率(B/A) | 权重 | 执行率得分): 10 ÷ 50 is the 20% printed, so 50 is the
    full-year budget and 10 the 执行数, not 年初 and 调整后 — 昌宁县's 生猪养殖场 project (evals/field/dev/
    yunnan_changning_2022_shengzhu) in seed 1's funds block."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("yunnan_changning",), ("columns", "funds"))
    report = read_back(paste, paste.pasted(sheet, "a"))
    fields = ("initial_budget", "full_year_budget", "executed", "execution_rate", "weight", "score")
    read = [tuple(getattr(t.funds_total, f) for f in fields) for t in report.tables if t.funds_total]
    labelled = [tuple(getattr(t.funds_total, f) for f in fields) for t in gold.tables if t.funds_total]
    assert labelled and read == labelled, name


def test_column_word_after_its_qualifier_is_one_header_word_in_a_run_together_line():
    """A variant header run together on one line with the words Chongqing's form prints for the score (指标得分(分)):
    the line is cut at the column words it knows (指标 | 得分(分)), and the qualifier and the word it qualifies are
    joined back into one 得分 column, so the header reads whole and 益阳市's rows (sample 001, seed 1's words) are
    read under it: each row's 得分 is read."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("001_",), ("columns", "words"))
    report = read_back(paste, paste.pasted(sheet, "k"))
    read = {(i.level3, i.score) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.score) for t in gold.tables for i in t.indicators]
    assert len([row for row in labelled if row in read]) > len(labelled) / 2, name


@pytest.mark.parametrize("style", ("g", "k"))
def test_total_row_read_in_the_order_the_header_prints_its_score_and_weight_columns(style):
    """Sample 000 in seed 2's variant form, whose first two tables print 自评得分 before 指标分值 (… | 自评得分 | 指标分值 |
    …, and 得分 | … | 分值): the 总分 row prints its numbers in that order ("总分 98 100" in rows apart by single spaces,
    "总分94.75100" run together), so the 分值 total is 100 and the 得分 total 98 and 94.75, as the gold reads them off the
    source's 总分 row. (Run together, the first table is read short: its header is read whole, 偏差大或目标未完成原因分析
    one word, and its 检测、培育及车辆费用 row prints a 完成值 of 100万元 against a 指标值 of ≦100%, as the source does,
    which no reading of the row agrees with; the second table's total is the one looked for there.)"""
    paste, [(_, name, sheet, gold)] = drawn(2, ("000_",))
    text = paste.pasted(sheet, style)
    assert "总分 98 100" in text or "总分98100" in text
    report = read_back(paste, text)
    read = [(t.total_weight, t.total_score) for t in report.tables if t.indicators]
    labelled = [(t.total_weight, t.total_score) for t in gold.tables if t.indicators]
    assert labelled[:2] == [(100.0, 98.0), (100.0, 94.75)], name
    assert labelled[0 if style == "g" else 1] in read and (98.0, 100.0) not in read and (94.75, 100.0) not in read, name


@pytest.mark.parametrize("source", ("hainan_shengji_fuwumaoyi", "sichuan_daying_2020_zonggonghui"))
def test_rows_printed_one_a_line_with_single_spaces_read_each_line_as_one_row(source):
    """Seed 2's variant form pasted a row a line, cells apart by single spaces and the empty ones left out (paste
    style g): no fixed number of cells is a row, but each line is one, its cells placed by type under the header's
    columns. Hainan's 服务贸易 project (evals/field/dev/hainan_shengji_fuwumaoyi) and Daying's 总工会 project
    (evals/field/dev/sichuan_daying_2020_zonggonghui): every indicator read as labelled."""
    paste, [(_, name, sheet, gold)] = drawn(2, (source,))
    errors = paste.score_paste(paste.pasted(sheet, "g"), gold).errors
    assert [error for error in errors if "tables[" in error] == [], name


def test_a_row_printed_with_its_names_and_no_values_stays_a_row():
    """Seed 1's variant form pasted a row a line with single spaces (paste style g): Putuo's 援滇 table
    (evals/field/dev/shanghai_putuo_2022_tiyu) prints its rows' names and no values ("产出指标 数量指标 经费使用率"),
    sample 002's first table its "……" rows under their levels ("产出指标 成本指标 ……"), Langfang's 暖通 project
    (evals/field/dev/hebei_langfang_2019_nuantong) the template's numbered rows left empty ("产出指标 数量指标 指标2").
    Each is a row of its own, and the rows after it are read: Putuo's table as labelled, every row of 002's and
    Langfang's under its levels."""
    paste, items = drawn(1, ("shanghai_putuo", "002_", "hebei_langfang"))
    text = {name: paste.pasted(sheet, "g") for _, name, sheet, _ in items}
    assert "产出指标 数量指标 经费使用率\n" in text["shanghai_putuo_2022_tiyu@1"]
    assert "产出指标 成本指标 ……\n" in text["002_1b038c9877a00c9c@1"]
    assert "产出指标 数量指标 指标2\n" in text["hebei_langfang_2019_nuantong@1"]
    for _, name, _, gold in items:
        if name.startswith("shanghai"):
            assert [e for e in paste.score_paste(text[name], gold).errors if "tables[1]" in e] == []
            continue
        report = read_back(paste, text[name])
        read = level_names(report.tables[0])
        assert read == level_names(gold.tables[0]), name


def test_run_together_rows_with_a_note_between_their_values_are_all_read():
    """Seed 1's variant form run together on one line (paste style k): Langfang's 暖通 project
    (evals/field/dev/hebei_langfang_2019_nuantong) prints 未完成原因分析 between 权重 and 全年完成值, its first row's note a
    sentence ("…943.210已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。37.24产出指标…"), and rows the
    template numbers but leaves empty ("指标2" then the next level name). The sentence is that row's note, not the prose
    after the table, and the empty rows are rows: every row is read under its levels as labelled, and the rows whose
    joined numbers no arithmetic splits ("工程完工率1010010100") are left empty with a warning."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("hebei_langfang",))
    text = paste.pasted(sheet, "k")
    assert "提高预算准确度。37.24产出指标数量指标指标2产出指标" in text
    report = read_back(paste, text)
    read = level_names(report.tables[0])
    assert read == level_names(gold.tables[0])
    assert any("工程完工率1010010100" in warning for warning in report.warnings)


def test_a_note_printed_between_the_values_of_a_row_on_its_own_line_stays_the_note():
    """Sample 000 in seed 1's variant form, a row a line with single spaces (paste style g): the header prints
    未完成原因分析 between 权重 and 全年完成值, so "执法及宣传次数 12 ≧ 10000 人次 12.5 加大宣传途径 10000人次" is 得分 12, the
    target's parts, 权重 12.5, the note, then the result, which a figure with its unit is and a note is not. Read as
    the gold reads the source's row, and the rows after it too (their 分值 and 得分)."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("000_",))
    text = paste.pasted(sheet, "g")
    assert "执法及宣传次数 12 ≧ 10000 人次 12.5 加大宣传途径 10000人次\n" in text
    report = read_back(paste, text)
    first = {i.level3: i for i in report.tables[0].indicators}["执法及宣传次数"]
    assert (first.actual, first.deviation_note, first.weight, first.score) == ("10000人次", "加大宣传途径", 12.5, 12.0)
    read = [(i.level3, i.weight, i.score) for i in report.tables[0].indicators]
    assert read == [(i.level3, i.weight, i.score) for i in gold.tables[0].indicators], name


def test_a_row_on_its_own_line_left_unscored_is_read_by_its_cells_types():
    """Xiaoxian's 特色种养 project (evals/field/dev/anhui_xiaoxian_2023_tesezhongyang) in seed 3's variant form, a row a
    line with single spaces (paste style g): the parts of a ★ row print no 分值 or 得分 ("产出指标 数量指标
    其中桃树种植面积 1.5 亩 1.5亩"). Each line is still its row: the target's parts and the result placed by type, every
    indicator read as labelled."""
    paste, [(_, name, sheet, gold)] = drawn(3, ("anhui_xiaoxian_2023",))
    text = paste.pasted(sheet, "g")
    assert "产出指标 数量指标 其中桃树种植面积 1.5 亩 1.5亩\n" in text
    errors = paste.score_paste(text, gold).errors
    assert [error for error in errors if "tables[" in error] == [], name


def test_a_word_target_printed_twice_after_a_name_is_no_level_name():
    """Kexuecheng's 部门整体 sheet (evals/field/dev/chongqing_kexuecheng_2021_bumenzhengti) in seed 3's variant form, a
    row a line with single spaces (paste style g): its rows print no level names, and "资金使用合规性 好 好 5 5" is a
    三级指标 with the word target 好 and its result printed alike — not three level names. Every row is read under
    its own name with its 分值 and 得分, as labelled."""
    paste, [(_, name, sheet, gold)] = drawn(3, ("chongqing_kexuecheng",))
    text = paste.pasted(sheet, "g")
    assert "\n资金使用合规性 好 好 5 5\n" in text
    report = read_back(paste, text)
    read = {(i.level1, i.level2, i.level3, i.weight, i.score) for i in report.tables[0].indicators}
    labelled = [(i.level1, i.level2, i.level3, i.weight, i.score) for i in gold.tables[0].indicators if i.weight]
    assert labelled and [row for row in labelled if row not in read] == [], name


# (seed, source, line): a line that prints a row's level names with no values under them — sample 001's 生态效益指标
# has no indicator; Yuanzhou's 马铃薯 project (evals/field/dev/ningxia_yuanzhou_2022_malingshu) prints a row's name,
# its number in it ("指标3…"), and no values.
VALUELESS_LINES = ((1, "001_", "效益指标 生态效益指标"),
                   (1, "ningxia_yuanzhou_2022_malingshu", "产出指标 数量指标 指标3一级种薯繁育基地"))


@pytest.mark.parametrize("seed, source, line", VALUELESS_LINES)
def test_a_line_of_level_names_and_no_values_stays_a_row(seed, source, line):
    """The variant form pasted a row a line with single spaces (paste style g): a line that prints a row's level
    names alone, or with a name (a name, not a figure, though a number stands in it) and no values, is a row as the
    gold lists it, and the rows after it are read: every row under its levels."""
    paste, [(_, name, sheet, gold)] = drawn(seed, (source,))
    text = paste.pasted(sheet, "g")
    assert f"\n{line}\n" in text
    assert level_names(read_back(paste, text).tables[0]) == level_names(gold.tables[0]), name


@pytest.mark.parametrize("seed", (1, 3))
def test_an_unscored_table_run_together_keeps_its_printed_percents_whole(seed):
    """遂宁's 两品一械 区域 form (evals/field/dev/sichuan_suining_2021_liangpinyixie), left unscored, in a variant form
    whose header names 得分 and 权重, run together on one line (paste style k): "指标1.药品抽检完成率100%100%" is the
    target 100% and the result 100%, not 得分 10, 0%, 权重 10, 0%, and "任务完成时间2021年底2021年底" is 2021年底 twice; the
    产出 rows keep the empty 一级指标 the form prints, the 效益指标 named below them no stage of theirs. Every labelled
    row is read under its levels, every labelled target and result read whole, no 分值 or 得分 read."""
    paste, [(_, name, sheet, gold)] = drawn(seed, ("sichuan_suining",))
    text = paste.pasted(sheet, "k")
    assert "指标1.药品抽检完成率100%100%" in text
    report = read_back(paste, text)
    table = report.tables[0]
    assert [row for row in level_names(gold.tables[0]) if row not in level_names(table)] == [], name
    read = {(i.level3, i.target, i.actual) for i in table.indicators}
    labelled = [(i.level3, i.target, i.actual) for i in gold.tables[0].indicators
                if i.target and i.target.endswith(("%", "年底"))]
    assert len(labelled) >= 5 and [row for row in labelled if row not in read] == [], name
    assert [(i.weight, i.score) for i in table.indicators if i.weight or i.score] == [], name


def test_a_kind_printed_without_its_zhibiao_on_a_line_row_is_the_rows_second_level():
    """襄阳's 东津院区 project (evals/field/dev/hubei_xiangyang_2021_dongjin) in seed 2's variant form, a row a line with
    single spaces (paste style g): Hubei's 2021 form prints some 二级 names without 指标 ("产出指标 成本 每年财政补助1000万元
    …", "效益指标 可持续性 …"), and they are the rows' 二级指标 as they are in a one-cell-a-line dump, not the start of
    their 三级指标 under the 二级 above: every row read under its levels as labelled."""
    paste, [(_, name, sheet, gold)] = drawn(2, ("hubei_xiangyang",))
    text = paste.pasted(sheet, "g")
    assert "\n产出指标 成本 每年财政补助1000万元 1000万元 10 1000 万元\n" in text
    assert level_names(read_back(paste, text).tables[0]) == level_names(gold.tables[0]), name


def test_space_aligned_header_keeps_a_column_word_in_its_own_column_over_empty_columns():
    """昌宁县's 生猪养殖场 project (evals/field/dev/yunnan_changning_2022_shengzhu) in seed 1's variant form, rows aligned
    with spaces (paste style d): 权重 and 未完成原因分析 are empty in every row, and the head row below prints 度量单位 on
    under 权重. Each column word keeps the column the header gives it: 权重 is read in a column of its own, not in
    度量单位's or 指标值's."""
    paste, [(_, name, sheet, _)] = drawn(1, ("yunnan_changning",))
    text = paste.pasted(sheet, "d")
    tables = [block for block in parse_text(text.splitlines()) if hasattr(block, "rows")]
    rows = [row.texts() for table in tables for row in table.rows]
    [head] = [texts for texts in rows if "权重" in texts]
    [parts] = [texts for texts in rows if "度量单位" in texts]
    assert head.index("权重") not in (parts.index("度量单位"), parts.index("指标值")), name


# (seed, source): variants whose indicator head prints a note or 得分 before the values it follows in the national
# form — Daying's 总工会 table (evals/field/dev/sichuan_daying_2020_zonggonghui) with 未完成原因分析 and 得分 before
# 指标值, Guangshui's 乡村道路 project (evals/field/dev/hubei_guangshui_2021_xiangcundaolu) and Yongde's 营养改善
# project (evals/field/dev/yunnan_yongde_2022_yingyanggaishan) with the note among the target's parts.
OUT_OF_ORDER = ((2, "sichuan_daying_2020_zonggonghui"), (1, "hubei_guangshui_2021"), (3, "yunnan_yongde"))


@pytest.mark.parametrize("seed, source", OUT_OF_ORDER)
def test_cells_out_of_row_order_placed_by_type(seed, source):
    """The variant form pasted one cell a line, its empty cells left out: a row's cells are placed by type under the
    header's columns (names under the levels, a comparator under 指标性质, a short unit under 度量单位, numbers of
    at most 100 under 分值 and 得分), so every indicator is read with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(seed, (source,))
    report = read_back(paste, paste.pasted(sheet, "b"))
    read = set(indicator_cells(report))
    labelled = indicator_cells(gold)
    assert [row for row in labelled if row not in read] == [], name


def test_unscored_rows_read_under_target_and_result_not_the_scores():
    """Suining's 两品一械 table (evals/field/dev/sichuan_suining_2021_liangpinyixie) prints no 分值 or 得分, drawn in
    seed 1's variant (… | 备注 | 得分 | 指标性质 | 指标值 | 度量单位 | 权重 | 未完成原因分析 | 全年完成值) and pasted one
    cell a line without its empty cells: "≥" "3" "4" is a comparator with its 指标值 and the 完成值, not a target and
    a 权重 — 分值 read so (253, 311) would be more than 100 points. Every row is read with its target and result,
    and no row with a 分值 or 得分."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("sichuan_suining",))
    report = read_back(paste, paste.pasted(sheet, "b"))
    read = {(i.level3, i.target, i.actual) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.target, i.actual) for t in gold.tables for i in t.indicators]
    assert [row for row in labelled if row not in read] == [], name
    assert [i for t in report.tables for i in t.indicators if i.weight is not None or i.score is not None] == []


# Seed 2's variants of Putuo's 体育 (evals/field/dev/shanghai_putuo_2022_tiyu), Zhongjiang's 水表池
# (evals/field/dev/sichuan_zhongjiang_2022_shuibiaochi), Jinzhai's 美丽乡村 (evals/field/dev/anhui_jinzhai_2023_meilixiangcun)
# and Yongde's 营养改善 (evals/field/dev/yunnan_yongde_2022_yingyanggaishan) tables.
SCORED_BY_ARITHMETIC = ("shanghai_putuo", "sichuan_zhongjiang", "anhui_jinzhai", "yunnan_yongde")


@pytest.mark.parametrize("source", SCORED_BY_ARITHMETIC)
def test_score_no_more_than_its_weight_places_the_numbers(source):
    """Seed 2 prints 得分 before 分值 among the target's parts: pasted one cell a line without its empty cells, a row's
    numbers could be read as a 得分 above its 分值; a 得分 is never more than its 分值, so each number is read in its
    own column and every indicator with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(2, (source,))
    report = read_back(paste, paste.pasted(sheet, "b"))
    read = set(indicator_cells(report))
    labelled = indicator_cells(gold)
    assert [row for row in labelled if row not in read] == [], name


@pytest.mark.parametrize("seed", (1, 3))
def test_row_with_empty_names_opens_at_its_values(seed):
    """Jishan's 公共卫生 table (evals/field/dev/shanxi_jishan_2021_gonggongweisheng) prints two rows under 指标2 with
    their names empty ("1" "不少于6种" "1" "28种"), pasted one cell a line without its empty cells: each is a row of
    its own opening at its values, and neither a unit (次) nor a figure (不少于12种) is read as a level or a 三级指标.
    Every indicator is read with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(seed, ("shanxi_jishan_2021",))
    report = read_back(paste, paste.pasted(sheet, "b"))
    read = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score)
            for t in report.tables for i in t.indicators]
    labelled = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score)
                for t in gold.tables for i in t.indicators]
    assert [row for row in labelled if row not in read] == [], name


@pytest.mark.parametrize("name", ["zhejiang_jinyun_2021_lajiqingyun", "yunnan_yongde_2022_yingyanggaishan"])
def test_a_variant_form_drawn_as_a_word_file_reads_back_to_its_gold(tmp_path, name):
    """The stacked 年度指标值 head (指标性质 | 指标值 | 度量单位 beside 权重 merged down from the row above) drawn as a
    Word table: its merges fit the grid, and the file reads back to the form's labels."""
    import json

    from assistant.evaluate.formats import score_file
    from schemas.gold import GoldReport

    render = eval_tool("render")
    form = render.in_variant_form(json.loads((ROOT / "evals" / "field" / "dev" / f"{name}.json").read_text()), 1)
    render.write_docx(render.field_sheet(form), tmp_path / "form.docx")
    tally, problem = score_file(tmp_path / "form.docx", GoldReport.model_validate(form))
    assert problem is None and tally.f1 >= 0.97, tally.errors[:10]


@pytest.mark.parametrize("seed, source", [(2, "yunnan_yongde"), (3, "yunnan_yongde"), (2, "sichuan_zhongjiang")])
def test_names_as_wide_as_a_narrow_column_stay_whole(seed, source):
    """The variant form pasted one cell a line from a narrow column that breaks every long cell at its width: a
    三级指标 exactly as wide as the column ("减轻贫困学生家庭经济负担", evals/field/dev/yunnan_yongde_2022_yingyanggaishan;
    "群众生产生活条件改善状况", evals/field/dev/sichuan_zhongjiang_2022_shuibiaochi) ends there when the line below is
    a cell of its own — a target printed again as the actual after the row's 分值 and 得分 ("有效" "10" "10" "有效"), or
    a target's comparison in a column of its own ("≧" "100" "%"). Every labelled row is read whole."""
    paste, items = drawn(seed, (source,), eval_tool("paste").VARIANT_DIMENSIONS)
    assert len(items) == 1
    for _, name, sheet, gold in items:
        read = set(indicator_cells(read_back(paste, paste.pasted(sheet, "j"))))
        labelled = {cells for cells in indicator_cells(gold) if cells[0]}
        assert labelled and labelled <= read, name


@pytest.mark.parametrize("seed", (1, 2))
def test_a_measure_or_a_unit_ending_a_row_is_no_level_name_of_the_next(seed):
    """Sample 001 in the variant form whose 度量单位 or 全年完成值 ends each row (seed 1: … | 权重 | 未完成原因分析 |
    全年完成值; seed 2: … | 指标值 | 度量单位), its level names drawn once, merged down over their rows, pasted one cell
    a line with empty cells left out: a result (7.31件/万人, 2024年12月31日, 不断提升, 长期) or a unit (批次, 台次) that
    ends a row stays the row's, never the next row's 一级指标, nor is a row's 三级指标 read as an 一级."""
    paste = eval_tool("paste")
    [(_, name, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold",
                                             ROOT / "evals" / "field", only="001_", variants=(seed,),
                                             dimensions=("columns",), merged=True)
    report = read_back(paste, paste.pasted(sheet, "b"))
    labelled = [i for t in gold.tables for i in t.indicators]
    cells = {text for i in labelled for text in (i.level3, i.target, i.actual) if text}
    read = [i for t in report.tables for i in t.indicators]
    assert len(read) >= len(labelled) - 2, name
    assert [i.level1 for i in read if i.level1 in cells] == [], name
    assert any(i.actual == "7.31件/万人" for i in read), name


@pytest.mark.parametrize("source", ("001_", "anhui_suixi"))
def test_pipe_rows_packed_left_read_by_their_cells_types(source):
    """The variant form of seed 1 as a site flattens it (paste style s): each row's filled cells packed left and the
    row padded with empty cells, the head's lower row too (指标性质 | 指标值 | 度量单位 |||…, the parts of 年度指标值,
    not of 绩效指标 | 一级指标 | 二级指标). No shift of a packed row puts its cells in place, its empty 备注 and 未完成原因
    cells left out: each cell goes under the next column its type fits, a figure before its unit (150 | 个) under
    指标值, a deadline (2024年12月31日前) never under 度量单位. Sample 001 and Suixi's 临时救助 project
    (evals/field/dev/anhui_suixi_2019_linshijiuzhu): every indicator read with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(1, (source,))
    report = read_back(paste, paste.pasted(sheet, "s"))
    read = set(indicator_cells(report))
    labelled = indicator_cells(gold)
    assert labelled and [row for row in labelled if row not in read] == [], name


def test_a_score_beside_its_rows_target_and_result_stays_a_score_though_no_weight_is_printed():
    """Xiangyang's 东津院区 project (evals/field/dev/hubei_xiangyang_2021_dongjin line 21: "…数量指标成本控制不超过预算
    不超过预算10…经济效益完成东津院区建设,医院东津医疗收入达到5亿元5亿元6.47亿元10…", 得分 only, no 分值) in the variant
    form of seed 1, one cell a line with the empty cells left out: 10 is each row's 得分 beside its 指标值 and 完成值,
    not the start of its 指标值 ("10不超过预算"), and 6.47亿元, a sum of money, is the result, no 分值."""
    paste, [(_, name, sheet, _)] = drawn(1, ("hubei_xiangyang",), eval_tool("paste").VARIANT_DIMENSIONS)
    rows = {i.level3: (i.target, i.actual, i.weight, i.score)
            for t in read_back(paste, paste.pasted(sheet, "b")).tables for i in t.indicators}
    assert rows["成本控制"] == ("不超过预算", "不超过预算", None, 10), name
    assert rows["完成东津院区建设,医院东津医疗收入达到5亿元"][1:] == ("6.47亿元", None, 10), name


def test_a_funds_row_whose_empty_cells_were_left_out_is_placed_by_its_score():
    """Suiyang's 部门整体 funds row (evals/field/dev/guizhou_suiyang_nd_taibaizhen line 6: "年度资金总额: | 1172.55 |
    1268.72 | 10 | 10", a form with no 执行率 column) in the variant form of seed 1 (年初预算数 | 调整后预算数 | 执行数 |
    执行率 | 权重 | 执行率得分), pasted with its empty cells left out: only 1268.72 as 执行数 makes the 得分 10 = 10 ×
    min(1268.72 ÷ 1172.55, 100%); 1172.55 fits under 年初 and 调整后预算数 alike, so it is placed under neither."""
    paste, [(_, name, sheet, _)] = drawn(1, ("guizhou_suiyang",), eval_tool("paste").VARIANT_DIMENSIONS)
    funds = read_back(paste, paste.pasted(sheet, "b")).tables[0].funds_total
    assert (funds.executed, funds.weight, funds.score) == (1268.72, 10, 10), name
    assert 1172.55 not in (funds.full_year_budget, funds.executed), name


def test_a_short_name_is_no_unit_where_a_name_column_is_left_for_it():
    """Hainan's 服务贸易 score sheet (evals/field/dev/hainan_shengji_fuwumaoyi lines 130-134: 项目目标, its 4, 目标内容,
    4, 4, under 项目决策) in the variant form of seed 3 (一级指标 | 二级指标 | 指标名称 | 备注 | 年度指标值(指标性质 | 指标值 |
    度量单位) | …), pasted one cell a line with its empty cells left out: 目标内容 is the row's 指标名称, not a 度量单位 —
    four characters no unit list knows — and 项目目标 its 二级."""
    paste, [(_, name, sheet, gold)] = drawn(3, ("hainan_shengji_fuwumaoyi",), eval_tool("paste").VARIANT_DIMENSIONS)
    [table] = read_back(paste, paste.pasted(sheet, "b")).tables
    assert level_names(table)[:3] == level_names(gold.tables[0])[:3], name


@pytest.mark.parametrize("seed", (1, 3))
def test_level_names_printed_with_their_points_on_rows_a_line_are_the_rows_levels(seed):
    """Sichuan's 2017 project score sheet (evals/field/dev/sichuan_shengji_2017_bumendefen line 3: "20 分)项目决策(10
    分)科学决策必要性 (政策依据)") in the variant form, pasted a row a line with single spaces (项目决策(20分) 科学决策
    必要性(政策依据) 5 5): a 一级 name with its points is no longer than a level name without them, so every row prints
    its three names and each is read in its column, not run into the 三级指标."""
    paste, [(_, name, sheet, gold)] = drawn(seed, ("sichuan_shengji_2017_bumendefen",),
                                            eval_tool("paste").VARIANT_DIMENSIONS)
    table = read_back(paste, paste.pasted(sheet, "g")).tables[0]
    assert level_names(table) == level_names(gold.tables[0]), name


def test_a_figure_and_its_unit_are_the_target_and_a_repeat_of_a_word_target_its_result():
    """Huangshi's 共享工程 project (evals/field/dev/hubei_huangshi_2022_gongxianggongcheng lines 15 and 17: "一个存储备份器
    | 25TB | 25TB | 10", "以最新资源面市 | 资源采购期以当年为主 | 资源采购期以当年为主 | 10") in the variant form of seed 1
    (… | 指标得分 | 年度指标值(指标性质 | 指标值 | 度量单位) | 权重 | 未完成原因分析 | 全年完成值), pasted a row a line:
    "25 TB" is a 指标值 and its 度量单位, not a 权重 and a note, and the words printed again after a word target are its
    完成值, not the 未完成原因 between them."""
    paste, [(_, name, sheet, _)] = drawn(1, ("hubei_huangshi_2022_gongxiang",), eval_tool("paste").VARIANT_DIMENSIONS)
    rows = {i.level3: (i.target, i.actual, i.weight, i.score, i.deviation_note)
            for t in read_back(paste, paste.pasted(sheet, "g")).tables for i in t.indicators}
    assert rows["一个存储备份器"] == ("25TB", "25TB", None, 10, None), name
    assert rows["以最新资源面市"] == ("资源采购期以当年为主", "资源采购期以当年为主", None, 10, None), name


def test_rows_a_line_are_read_whole_though_some_results_are_words():
    """Jiangxi's 整体支出 table (evals/field/dev/jiangxi_nanchang_2021_canchaweishengyuan lines 4-5: "…预决算信息公开管理
    信息公开完善按规定公 | 开已公开44…", "…按规定时限32录入有延迟…") in the variant form, pasted a row a line: read cell by
    cell, a row opens where a line does and nowhere else (无资产损失、利用率高于80% is a target, not a name opening a
    row), and rows whose target and result are words (按规定公开 | 已公开) explain themselves — so every row is read
    with its names and points, not the first two."""
    for seed in (1, 2, 3):
        paste, [(_, name, sheet, gold)] = drawn(seed, ("jiangxi_nanchang_2021",), eval_tool("paste").VARIANT_DIMENSIONS)
        read = [(i.level1, i.level2, i.level3, i.weight, i.score)
                for t in read_back(paste, paste.pasted(sheet, "g")).tables for i in t.indicators]
        labelled = [(i.level1, i.level2, i.level3, i.weight, i.score) for t in gold.tables for i in t.indicators]
        assert [row for row in labelled if row not in read] == [], name


def test_a_stage_with_its_points_before_a_name_on_its_line_is_the_rows_first_level():
    """Guangshui's 乡村道路 score sheet (evals/field/dev/hubei_guangshui_2021_xiangcundaolu line 3: "项目决策 2 分 决策依据
    2 2") in the variant form of seed 1, pasted a row a line: "项目决策(2分) 决策依据 2 2" is the row's 一级 with its
    points and its 三级指标, not one name broken over two cells."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("hubei_guangshui_2021",), eval_tool("paste").VARIANT_DIMENSIONS)
    table = read_back(paste, paste.pasted(sheet, "g")).tables[0]
    assert level_names(table)[:5] == level_names(gold.tables[0])[:5], name


def test_a_target_in_words_with_a_figure_in_it_is_no_score():
    """Daying's 双新 project (evals/field/dev/sichuan_daying_2020_shuangxin line 13: "| 至少全年完成2次宣传") in the
    variant form of seed 3 (… | 年度指标值 | 实际完成值 | 偏差原因 | 得分 | 指标权重), pasted a row a line with its
    empty 分值 and 得分 left out: "至少全年完成2次宣传 已完成100%" are its 指标值 and 完成值, not a 得分 and a 权重."""
    paste, [(_, name, sheet, _)] = drawn(3, ("sichuan_daying_2020_shuangxin",), eval_tool("paste").VARIANT_DIMENSIONS)
    rows = {i.level3: (i.target, i.actual, i.weight, i.score)
            for t in read_back(paste, paste.pasted(sheet, "g")).tables for i in t.indicators}
    assert rows["宣传次数"] == ("至少全年完成2次宣传", "已完成100%", None, None), name


def test_a_note_printed_before_the_values_stays_out_of_the_name_on_rows_a_line():
    """Sample 000's 药品 projects (evals/samples/000_9f4ecd25e267d59e lines 1236-1241: 挽回经济损失, ≧90%, 90%, 7.5, 6.75,
    逐步提高) in the variant form of seed 2 (指标名称 |
    偏差原因分析及改进措施 | 年度指标值 | 完成值 | …), pasted a row a line: "挽回经济损失 逐步提高 ≥ 90 % 90% 6.75 7.5"
    keeps 逐步提高 as its note — the rows read cell by cell explain as many rows as those read by their lines and keep
    every printed cell whole."""
    paste, [(_, name, sheet, _)] = drawn(2, ("000_",), eval_tool("paste").VARIANT_DIMENSIONS)
    rows = [(i.level3, i.deviation_note) for t in read_back(paste, paste.pasted(sheet, "g")).tables
            for i in t.indicators if i.level3 and i.level3.startswith("挽回经济损失")]
    assert ("挽回经济损失", "逐步提高") in rows, (name, rows)


def test_a_funds_part_printed_with_no_values_keeps_the_parts_below_it_apart():
    """Zitong's 人大代表之家 funds block (evals/field/dev/sichuan_zitong_2023_rendadaibiao lines 48 and 58: "其中:中央、省补助
    |", "县级财政资金 |") in the variant form of seed 2, pasted a row a line: 其中：中央、省补助, printed with no values, is
    a row's label, so the rows after it are still cut at their spaces — 其中：县级财政资金 400000 400000 100% is three
    values, not one run of digits split by the arithmetic (400000 | 40000 | 0 | 10 | 0%)."""
    paste, [(_, name, sheet, gold)] = drawn(2, ("sichuan_zitong",), eval_tool("paste").VARIANT_DIMENSIONS)
    errors = paste.score_paste(paste.pasted(sheet, "g"), gold).errors
    assert [error for error in errors if "fund" in error] == [], name
    # The same rows when the part's label is no name a row prints alone (its values cut at their spaces all the same).
    text = paste.pasted(sheet, "g").replace("其中：中央、省补助\n", "其中：中央、省补助资金（含上年结转，按文件下达）\n")
    [line] = [f for t in read_back(paste, text).tables for f in t.fund_lines if f.label == "县级财政资金"]
    assert (line.full_year_budget, line.executed, line.execution_rate) == (400000, 400000, 100), name


def test_a_funds_row_run_together_with_its_weight_and_score_after_its_rate_is_read():
    """Fukang's 调查队 funds block (evals/field/dev/xinjiang_fukang_2023_diaochadui line 22: "年度资金总额 5.28 1.96 1.96
    10 100.00% 10") in the variant form of seed 1 (年初预算数 | 调整后预算数 | 执行数(B) | 执行率(B/A) | 权重 | 执行率得分),
    run together on one line: 调整后预算数 is a column word whole, the 执行率 cut off 执行率得分 after 权重 is that
    column's (the first 执行率 is the rate), and "5.281.961.96100%1010" reads 5.28 | 1.96 | 1.96 | 100% | 10 | 10 — the
    权重 and 得分 after the rate cut where 得分 = 权重 × min(执行率, 100%)."""
    paste, [(_, name, sheet, _)] = drawn(1, ("xinjiang_fukang",), eval_tool("paste").VARIANT_DIMENSIONS)
    funds = read_back(paste, paste.pasted(sheet, "k")).tables[0].funds_total
    assert (funds.initial_budget, funds.full_year_budget, funds.executed, funds.execution_rate, funds.weight,
            funds.score) == (5.28, 1.96, 1.96, 100, 10, 10), name


def test_a_form_s_own_stage_names_printed_with_their_points_open_the_rows_run_together():
    """Suizhou's 急救中心 score sheet (evals/field/dev/hubei_suizhou_2022_jijiuzhongxin lines 4-5: "项目决策2分决策依据22",
    "项目管理13分财务制度33") in seed 1's variant form, run together, each row opening with its 一级 name and points
    ("…项目决策(2分)决策依据22项目管理(13分)财务制度33项目管理(13分)组织机构22…"): 项目决策 and 项目管理 are no national
    stage, but a name printed with its points opens a row, so each row keeps its own name under its own stage."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("hubei_suizhou",), eval_tool("paste").VARIANT_DIMENSIONS)
    text = paste.pasted(sheet, "k")
    assert "项目决策(2分)决策依据22项目管理(13分)财务制度33" in text
    read = [(i.level1, i.level3) for t in read_back(paste, text).tables for i in t.indicators]
    labelled = [(i.level1, i.level3) for t in gold.tables for i in t.indicators]
    assert read == labelled, name


def test_a_deviation_column_word_of_its_own_is_one_header_word_and_a_result_is_read_near_its_target():
    """Yongde's 营养改善 table (evals/field/dev/yunnan_yongde_2022_yingyanggaishan) in seed 3's variant form, run
    together: its header prints 偏差大或目标未完成原因分析 before 得分 | 指标权重(分), one column word (the 目标 inside it
    opens no column), so every row reads its 得分 and 分值; "学生受资助人数≧735人次7351010" also reads 7351 | 0 | 10, but a
    result is near its target: 735 | 10 | 10."""
    paste, [(_, name, sheet, gold)] = drawn(3, ("yunnan_yongde",), eval_tool("paste").VARIANT_DIMENSIONS)
    text = paste.pasted(sheet, "k")
    assert "偏差大或目标未完成原因分析得分指标权重(分)" in text and "学生受资助人数≧735人次7351010" in text
    read = {(i.level3, i.target, i.actual, i.weight, i.score) for t in read_back(paste, text).tables
            for i in t.indicators}
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for t in gold.tables for i in t.indicators
                if i.level3 and not i.level3.endswith("满意度")]  # (the form prints 等 before them: "…指标等学生满意度")
    assert labelled and all(row in read for row in labelled), (name, [row for row in labelled if row not in read])


def test_rows_left_unscored_under_a_header_naming_the_score_and_weight_print_their_targets_and_results():
    """Ningxia's 福彩APP table (evals/field/dev/ningxia_shengji_2023_fucaiapp lines 19-21: "产出指标数量指标数量指标福彩APP
    系统改版升级100%100%", "时效指标完成时间12月已完成"), no row scored, in seed 3's variant form (… | 年度指标值 | 实际完成值 |
    偏差大或目标未完成原因分析 | 得分 | 指标权重(分)), run together: no row reads a 得分 or a 分值, so the rows are read by
    the columns they print, each target with its result."""
    paste, [(_, name, sheet, gold)] = drawn(3, ("ningxia_shengji_2023_fucaiapp",),
                                            eval_tool("paste").VARIANT_DIMENSIONS)
    text = paste.pasted(sheet, "k")
    assert "福彩APP系统改版升级100%100%产出指标" in text
    read = [(i.level3, i.target, i.actual, i.weight, i.score) for t in read_back(paste, text).tables
            for i in t.indicators]
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for t in gold.tables for i in t.indicators]
    assert read == labelled, name


def test_a_department_head_run_together_reads_its_name_unit_and_both_goals():
    """Sample 000's department table (evals/samples/000_9f4ecd25e267d59e l.8-60: 石鼓区市场监督管理局, goals "1．贯彻
    执行…" and "1.开展打击传销…") in seed 1's variant form run together on one line (style k): "…名称石鼓区市场监督管理局
    资金单位:万元主管部门…" — the unit note is no part of the name; and the two goal texts part where the numbering
    starts again at 1, "1．" or "1.". Its total "884.861824.181824.18100%1010" holds the arithmetic as 884.86 |
    1824.18 | 1824.18 and as 884.861 | 824.181 | 824.18: it is read the way its amounts print alike (l.26: 884.86 |
    1824.18 | 1824.18), no form printing a row's amounts to three decimals and two."""
    paste, [(_, _, sheet, gold)] = drawn(1, ("000_",), eval_tool("paste").VARIANT_DIMENSIONS)
    report = read_back(paste, paste.pasted(sheet, "k"))
    table, labelled = report.tables[0], gold.tables[0]
    assert (report.unit_name, table.name, table.money_unit) == (gold.unit_name, gold.unit_name, "万元")
    funds = table.funds_total
    assert (funds.initial_budget, funds.full_year_budget, funds.executed) == (884.86, 1824.18, 1824.18)
    assert (table.goals.expected, table.goals.achieved) == (labelled.goals.expected, labelled.goals.achieved)


def test_rows_of_word_targets_scored_without_a_weight_read_by_their_spaces_on_one_line():
    """Huangshi's 共享工程 table (evals/field/dev/hubei_huangshi_2022_gongxianggongcheng, a 20/80 form: 得分 and no 分值 —
    以最新资源面市 | 资源采购期以当年为主 | 资源采购期以当年为主 | 10) in seed 1's variant form, the whole table on one line
    apart by single spaces (style v): a row whose target and result are words and whose only points are its 得分 holds
    as a row of figures does, so the line cut at its spaces — every row read — is kept over the run-together grammar,
    which leaves those rows empty."""
    paste, [(_, _, sheet, gold)] = drawn(1, ("hubei_huangshi_2022_gong",), eval_tool("paste").VARIANT_DIMENSIONS)
    read = indicator_cells(read_back(paste, paste.pasted(sheet, "v")))
    worded = [(i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators
              if i.target and i.target == i.actual and not any(c.isdigit() for c in i.target) and i.score]
    assert len(worded) >= 3 and [row for row in worded if row not in read] == []
