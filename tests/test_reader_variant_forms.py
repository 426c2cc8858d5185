"""The reader on forms never seen (issue #14): gold tables of the samples and the field dev split drawn by
evals/tools/render.py in a variant of the scored national form (`in_variant_form`: indicator columns in a seeded
order under the words other forms print for them, the target split over 指标性质 | 指标值 | 度量单位 under a
年度指标值 head row, an unnamed 备注 column), pasted as a reviewer's copy pastes them (evals/tools/paste.py), and
read back to their labels."""
import pytest

from tests.conftest import ROOT, eval_tool


def drawn(seed: int, prefixes: tuple[str, ...]):
    paste = eval_tool("paste")
    items = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                          variants=(seed,))
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


# (seed, source): variants whose indicator head prints a note or 得分 before the values it follows in the national
# form — Daying's 总工会 table (evals/field/dev/sichuan_daying_2020_zonggonghui) with 未完成原因分析 and 得分 before
# 指标值, Guangshui's 乡村道路 project (evals/field/dev/hubei_guangshui_2021_xiangcundaolu) and Yongde's 营养改善
# project (evals/field/dev/yunnan_yongde_2022_yingyanggaishan) with the note among the target's parts.
OUT_OF_ORDER = ((2, "sichuan_daying_2020_zonggonghui"), (1, "hubei_guangshui"), (3, "yunnan_yongde"))


@pytest.mark.parametrize("seed, source", OUT_OF_ORDER)
def test_cells_out_of_row_order_placed_by_type(seed, source):
    """The variant form pasted one cell a line, its empty cells left out: a row's cells are placed by type under the
    header's columns (names under the levels, a comparator under 指标性质, a short unit under 度量单位, numbers of
    at most 100 under 分值 and 得分), so every indicator is read with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(seed, (source,))
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules")
    read = {(i.level3, i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for t in gold.tables for i in t.indicators]
    assert [row for row in labelled if row not in read] == [], name


def test_unscored_rows_read_under_target_and_result_not_the_scores():
    """Suining's 两品一械 table (evals/field/dev/sichuan_suining_2021_liangpinyixie) prints no 分值 or 得分, drawn in
    seed 1's variant (… | 备注 | 得分 | 指标性质 | 指标值 | 度量单位 | 权重 | 未完成原因分析 | 全年完成值) and pasted one
    cell a line without its empty cells: "≥" "3" "4" is a comparator with its 指标值 and the 完成值, not a target and
    a 权重 — 分值 read so (253, 311) would be more than 100 points. Every row is read with its target and result,
    and no row with a 分值 or 得分."""
    paste, [(_, name, sheet, gold)] = drawn(1, ("sichuan_suining",))
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules")
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
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules")
    read = {(i.level3, i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators}
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for t in gold.tables for i in t.indicators]
    assert [row for row in labelled if row not in read] == [], name


@pytest.mark.parametrize("seed", (1, 3))
def test_row_with_empty_names_opens_at_its_values(seed):
    """Jishan's 公共卫生 table (evals/field/dev/shanxi_jishan_2021_gonggongweisheng) prints two rows under 指标2 with
    their names empty ("1" "不少于6种" "1" "28种"), pasted one cell a line without its empty cells: each is a row of
    its own opening at its values, and neither a unit (次) nor a figure (不少于12种) is read as a level or a 三级指标.
    Every indicator is read with its target, result, 分值 and 得分."""
    paste, [(_, name, sheet, gold)] = drawn(seed, ("shanxi_jishan",))
    report = paste.api.extract(paste.read_bytes(paste.pasted(sheet, "b").encode("utf-8"), "pasted.txt"), "rules")
    read = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score)
            for t in report.tables for i in t.indicators]
    labelled = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score)
                for t in gold.tables for i in t.indicators]
    assert [row for row in labelled if row not in read] == [], name
