"""The guard over misread tables, on real texts of the field set's dev split: a finding whose figures the reader
misread is left to a manual check (info, `doubt` says why), while a defect the source shows stays an error."""
import pytest

from assistant import api
from assistant.check.base import Context, rate_tolerance
from assistant.check.funds import fund_parts, printed_decimals
from assistant.check.reading import GARBLED, askew, fund_sum_doubt, funds_doubt, indicator_doubt, level_names, \
    name_doubt, scores_as_targets, total_doubt
from assistant.ingest import read_bytes
from assistant.values import normalize_text
from schemas import FundLine, Indicator, Report, Table
from tests.conftest import ROOT, eval_tool

FIELD_DEV = ROOT / "evals" / "field" / "dev"


def findings(name: str, rule: str) -> list:
    return [f for f in api.check(FIELD_DEV / f"{name}.txt", "rules").findings if f.rule == rule]


ZHONGJIANG_FUNDS = "年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金"  # sichuan_zhongjiang l.2, run together


def test_two_cells_of_a_funds_row_run_together_prove_no_sum_mismatch():
    # 20 | 20 for the total and 20 | 20 for 本年财政拨款: the reader splits the part by its total, so no sum is off …
    assert findings("sichuan_zhongjiang_2022_shuibiaochi", "sum_mismatch") == []
    # … and a reading that kept 2020 as one amount, its 全年执行数 lost, is a misread the guard names, not a defect
    table = Table(kind="project", funds_total=FundLine(label="年度资金总额", full_year_budget=20, executed=20),
                  fund_lines=[FundLine(label="本年财政拨款", full_year_budget=2020)])
    assert "本年财政拨款" in fund_sum_doubt(context_of(ZHONGJIANG_FUNDS), table)


def test_a_percentage_split_into_a_weight_and_a_zero_target_proves_no_missed_target():
    # ningxia_yuanzhou l.6: "时效指标指标12021年11月30日前完成资金支付811月底完成100%100%8" — "100%" read as 分值 10 and
    # 指标值 "0%": a target of 0 is nothing to miss, so the proportional score it gives is a misread.
    row = "指标12021年11月30日前完成资金支付811月底完成"
    [scored] = [f for f in findings("ningxia_yuanzhou_2022_malingshu", "score_not_proportional") if f.row == row]
    assert scored.severity == "info" and "0%" in scored.doubt


def test_a_total_score_its_own_rows_contradict_stays_an_error():
    # sichuan_zhongjiang l.2: 预算执行率 10 + rows 10+10+20+10+10+10+10+10+10 = 110 against "总分100100": read whole,
    # every 分值 in its place, the arithmetic is the report's.
    [total] = findings("sichuan_zhongjiang_2022_shuibiaochi", "total_score_mismatch")
    assert (total.severity, total.expected, total.actual, total.doubt) == ("error", "110", "100", None)


def test_a_total_row_printed_as_zeros_over_filled_lines_stays_an_error():
    # anhui_tangxi l.2: 年度资金总额 0 0 0 over 其中:本年财政拨款 90 / 89.974 / 89.974 — the total fails in every column
    # because it was left at 0, not because the columns slipped.
    sums = findings("anhui_tangxi_2022_weituo", "sum_mismatch")
    assert len(sums) == 3 and all(f.severity == "error" and f.doubt is None for f in sums)
    [rate] = findings("anhui_tangxi_2022_weituo", "execution_rate_mismatch")
    assert (rate.severity, rate.expected, rate.actual) == ("error", "100.00", "0")


def test_a_target_missed_on_a_table_read_whole_stays_an_error():
    # chongqing_kexuecheng: 政府采购执行率 100% → 72.74% and 党性教育培训次数 26次 → 12次, each with full marks.
    missed = {f.row: f for f in findings("chongqing_kexuecheng_2021_bumenzhengti", "target_not_met_full_score")}
    assert {row: f.severity for row, f in missed.items()} == {"政府采购执行率": "error", "党性教育培训次数": "error"}


def pasted_report(ident: str, style: str, template: str = "", variant: int = 0, merged: bool = False):
    """The checked report of sample or field tables as evals/tools/paste.py prints them in `style` (drawn in an
    official form's `template`, or in the variant form of seed `variant`, when given; level names merged down over
    their rows with `merged`), from their gold."""
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = [item for item in paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold",
                                                         ROOT / "evals" / "field", template=template,
                                                         variants=(variant,) if variant else (), merged=merged)
                          if item[1].startswith(ident)]
    return api.check(read_bytes(paste.pasted(sheet, style).encode("utf-8"), "pasted.txt"), "rules")


def pasted_findings(ident: str, style: str, template: str = "", variant: int = 0, merged: bool = False) -> list:
    """The findings on such a paste (see `pasted_report`)."""
    return pasted_report(ident, style, template, variant, merged).findings


def test_a_total_whose_budget_cell_is_blank_spent_what_it_prints():
    # beijing_haidian in the transfer form, one cell a line, its empty cells kept as blank lines: 年度资金总额 /
    # (blank) / 154.74 / 50% is its blank 全年预算数(A) (the report printed only a 年初预算数, which the form has no
    # column for), 154.74 spent and 50%; no 0 spent of 154.74 is made of the blank. (The copy stops inside the table,
    # so no note on the 50% is missing either.)
    report = pasted_report("beijing_haidian", "a", "region-central-transfer")
    assert [(t.funds_total.full_year_budget, t.funds_total.executed) for t in report.tables if t.funds_total] == [
        (None, 154.74)]  # the row is read as printed
    funds = [f for f in report.findings if f.row == "年度资金总额"]
    assert not [f for f in funds if f.rule == "execution_rate_mismatch" or "执行率0.00%" in f.message]


def test_a_part_row_whose_blank_cells_a_copy_dropped_proves_no_basic_data_sum():
    # 001 l.283-286: the 基础数据表 row 电容器中心筹建经费 fills only its 2024年决算数 (353.27); a copy that drops empty
    # cells puts 353.27 under 2023年决算数, and 3、本级专项资金 then "fails" in its first and last columns.
    sums = [f for f in pasted_findings("001_", "b") if f.rule == "sum_mismatch" and f.row == "3、本级专项资金"]
    assert sums and all(f.severity == "info" and "电容器中心筹建经费" in f.doubt for f in sums)


def test_a_table_run_together_on_one_line_proves_nothing_on_rows_whose_cells_slipped():
    # yunnan_yongde l.21-22 "| 有效 |" / "| 有效 | 10 | 10 |": joined with the lines around them into one line, as
    # the field's run_together copies print, the result 有效 and the 分值 10 are read where a name is due.
    lines = (FIELD_DEV / "yunnan_yongde_2022_yingyanggaishan.txt").read_text(encoding="utf-8").splitlines()
    text = lines[0] + "\n" + "".join(line.strip() for line in lines[1:]) + "\n"
    slipped = [f for f in api.check(read_bytes(text.encode("utf-8"), "joined.txt"), "rules").findings
               if f.row in ("有效", "10")]
    assert slipped and all(f.severity == "info" and f.doubt for f in slipped)


@pytest.mark.parametrize("name", ["持续时间", "有效期", "显著性", "质量目标达成率", "二氧化硫排放量"])
def test_real_indicator_names_are_not_taken_for_slipped_cells(name):
    assert name_doubt(name) is None


@pytest.mark.parametrize("name", ["长期", "不断提升", "有效", "数量指标培训人数"])
def test_a_verdict_or_a_level_name_read_as_the_name_is_a_slipped_cell(name):
    assert name_doubt(name)


@pytest.mark.parametrize("cell, doubtful", [
    ("2020年12月31日前", False),  # a deadline's year is no number printed twice
    ("≥2020人", False),
    ("SO2≤35mg/m3", False),  # a formula's letters are no OCR slip
    ("CO2减排10吨", False),
    ("9090%", True), ("12001200个", True), ("290$", True), ("lOO%", True), ("第O份", True),
])
def test_a_target_cell_is_doubted_only_for_what_no_printed_figure_holds(cell, doubtful):
    table = Table(kind="project", indicators=[Indicator(level3="排放达标", target=cell, actual=cell)])
    assert bool(indicator_doubt(table, table.indicators[0], "target_not_met_full_score", level_names(table))) is doubtful


def test_sources_grouped_under_subtotals_are_summed_as_the_check_sums_them():
    # 财政资金小计 60+40 and 其他资金小计 50 make the total's 全年预算数 150; its 全年执行数 145 is 5 short of the
    # subtotals' 140+10: one column fails, a real defect, not columns slipped in every column.
    def line(label: str, budget: float, spent: float) -> FundLine:
        return FundLine(label=label, full_year_budget=budget, executed=spent)

    table = Table(kind="project", funds_total=line("年度资金总额", 150, 145), fund_lines=[
        line("财政资金小计", 100, 140), line("①当年财政拨款", 60, 90), line("②上年结转", 40, 50),
        line("其他资金小计", 50, 10)])
    assert fund_sum_doubt(context_of("年度资金总额"), table) is None


@pytest.mark.parametrize("printed, tolerance", [("95.00％", 0.011), ("95.00", 0.011), ("95.0%", 0.05 + 1e-9),
                                                ("95.001", 0.5)])
def test_a_whole_rate_is_held_to_the_decimals_printed_as_its_own_number(printed, tolerance):
    # A rate of 95 printed "95.00" in a 执行率(%) column or with a full-width ％ was rounded to two decimals;
    # "95.001" holds "95.00" only as the start of another number, so the rate 95 keeps the whole-number tolerance.
    document = read_bytes(f"年度资金总额 100 100 95 10 {printed} 9.5\n".encode(), "line.txt")
    line = FundLine(label="年度资金总额", full_year_budget=100, executed=95, execution_rate=95, line=1)
    ctx = Context(report=Report(source=document.source), document=document)
    assert rate_tolerance(95, printed_decimals(ctx, line)) == pytest.approx(tolerance)


@pytest.mark.parametrize("cell, garbled", [("O3浓度≤160μg/m3", False), ("O3日最大8小时平均", False), ("SO2≤35mg/m3", False),
                                           ("O5", True), ("l00%", True), ("9O%", True), ("4S店", False),
                                           ("S级", False), ("S", True)])
def test_a_chemical_formula_in_a_target_cell_is_no_ocr_letter(cell, garbled):
    assert bool(GARBLED.search(normalize_text(cell))) is garbled


def test_a_source_outside_every_subtotal_is_one_of_the_parts():
    # 财政资金小计 100 over ①60 + ②40, 上年结转资金 30 printed on its own, 其他资金小计 20: the total 150 is their sum,
    # and the group's items are not counted beside their subtotal
    def line(label: str, budget: float) -> FundLine:
        return FundLine(label=label, full_year_budget=budget, executed=budget)

    table = Table(kind="project", funds_total=line("年度资金总额", 150), fund_lines=[
        line("财政资金小计", 100), line("①当年财政拨款", 60), line("②市级财政资金", 40), line("上年结转资金", 30),
        line("其他资金小计", 20)])
    assert [part.label for part in fund_parts(table)] == ["财政资金小计", "上年结转资金", "其他资金小计"]
    assert fund_sum_doubt(context_of("年度资金总额"), table) is None


def test_a_subtotal_whose_amounts_were_not_read_groups_no_source():
    # 财政资金小计 read with no amount: 当年财政拨款 80 and 其他资金小计 20 stay the parts that add up to the total 100
    table = Table(kind="project", funds_total=FundLine(label="年度资金总额", full_year_budget=100, executed=100),
                  fund_lines=[FundLine(label="财政资金小计"), FundLine(label="当年财政拨款", full_year_budget=80,
                                                                    executed=80),
                              FundLine(label="其他资金小计", full_year_budget=20, executed=20)])
    assert [part.label for part in fund_parts(table)] == ["财政资金小计", "当年财政拨款", "其他资金小计"]


def context_of(text: str) -> Context:
    document = read_bytes(text.encode(), "report.txt")
    return Context(report=Report(source=document.source), document=document)


# anhui_jinzhai_2023_meilixiangcun l.6–10, the carried-over funds row filled with a "—" under 年初预算数 (none was
# budgeted at the year's start) and the total's 全年执行数 printed 2 above its parts' 338.31
JINZHAI_FUNDS = """年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |||||||
年度资金总额 | 329.77 | 339.77 | 340.31 | 10 | 100.16% | 10 ||||||||
其中:当年财政拨款 | 329.77 | 329.77 | 328.31 | — | 99.56% | — | |||||||
上年结转资金 | — | 10 | 10 | — | 100% | — | |||||||
其他资金 | — | — | |||||||||||
"""


def test_a_part_row_printing_a_dash_lost_no_cell():
    checked = api.check(("项目支出绩效自评表\n" + JINZHAI_FUNDS).encode(), "rules")
    sums = [f for f in checked.findings if f.rule == "sum_mismatch"]
    assert [(f.severity, f.doubt) for f in sums] == [("error", None)] and "340.31" in sums[0].message


def test_a_name_wrapped_onto_the_target_line_proves_no_unit_mismatch():
    # 001 as a browser's narrow column prints 组织开展315国际消费者权益日宣传活动次数 | ≥1次 | 1次: the name breaks
    # after 12 characters. A reading that takes its tail "权益日宣传活动次数" as the 指标值 and the target "≥1次" as the
    # 完成值 makes the row only seem to mix units. The reader now joins the name with its tail (no such finding: the
    # copy's one unit_mismatch is the sample's own: 医疗器械抽验批次 "≥10批絘" | "10批次", l.905-906); the guard is held
    # to the reading that split the name.
    found = [f for f in pasted_findings("001_", "j", "region-central-transfer") if f.rule == "unit_mismatch"]
    assert [(f.row, f.severity, f.doubt) for f in found] == [("医疗器械抽验批次", "warning", None)]
    row = Indicator(level1="产出指标", level2="数量指标", level3="组织开展315国际消费者", target="权益日宣传活动次数",
                    actual="≥1次")
    table = Table(kind="project", indicators=[row])
    assert "右移" in indicator_doubt(table, row, "unit_mismatch", level_names(table))


def test_a_header_broken_over_two_lines_proves_no_row_unscored_for_want_of_a_target():
    # hainan_shengji_fuwumaoyi in the scored transfer form, its header cells broken at their middle ("指标" / "值"):
    # a reading that finds no row's 指标值 makes 决策依据 (3 分, 3 得分) only seem to have no target. The reader now
    # reads that copy whole (no such finding); the guard is held to the reading that lost the column.
    assert not [f for f in pasted_findings("hainan_shengji_fuwumaoyi", "i", "region-central-transfer-scored")
                if f.rule == "not_applicable_scored" and f.severity != "info"]
    rows = [Indicator(level1="项目决策", level2="决策过程", level3=name, weight=3, score=3)
            for name in ("决策依据", "目标内容", "分配结果")]
    table = Table(kind="project", indicators=rows)
    assert "指标值" in indicator_doubt(table, rows[0], "not_applicable_scored", level_names(table))
    # 000's 效益指标 row named 不适应 is scored, whatever the form prints: that stays a finding.
    [unfit, *_] = [f for f in pasted_findings("000_", "f", "sichuan-2017-score-sheet") if f.row == "不适应"]
    assert unfit.rule == "not_applicable_scored" and unfit.doubt is None and unfit.severity != "info"

def test_a_funds_row_with_an_amount_left_out_reads_its_weight_and_claims_no_execution_mismatch():
    # beijing_haidian in the scored transfer form, cells one space apart with an empty amount cell dropped:
    # "年度资金总额 154.74 10 50% 5". It was read as 10 spent and 5 the 分值 (two mismatches, doubted); 5 = 10 × 50%
    # makes 10 the 分值 and 5 the 得分 (gold: weight 10, rate 50, score 5, evals/field/dev/beijing_haidian_2016_baojie
    # line 20), and whether 154.74 is the 全年预算数 or the 全年执行数 nothing tells, so it is left out, not guessed.
    report = pasted_report("beijing_haidian", "g", "region-central-transfer-scored")
    [total] = [t.funds_total for t in report.tables if t.funds_total]
    assert (total.full_year_budget, total.executed, total.weight, total.execution_rate, total.score) == \
        (None, None, 10, 50, 5)
    assert not [f for f in report.findings if f.row == "年度资金总额"
                and f.rule in ("execution_rate_mismatch", "execution_score_mismatch")]


def test_a_target_read_into_the_weight_column_proves_no_missing_note():
    # yunnan_changning in the scored transfer form, header broken: 隔离舍(≥**平方米) | 54 | | 2 | 2 — with the empty
    # 完成值 lost, the 指标值 54 is read as the 分值 and the row "scores" 2 of 54.
    rows = {f.row: f for f in pasted_findings("yunnan_changning", "i", "region-central-transfer-scored")
            if f.rule == "missing_deviation_note"}
    assert rows["隔离舍(≥**平方米)"].severity == "info" and "指标值" in rows["隔离舍(≥**平方米)"].doubt


def test_a_weight_read_on_a_source_line_is_another_cells_figure():
    # guizhou_suiyang in variant form 1 as read before the dump reader read blank-line copies on the header's grid:
    # the 基本支出 line (a source of the funds) read with a 分值 and no 得分, its 得分 cell lost.
    line = FundLine(label="基本支出", full_year_budget=80, executed=72, weight=10)
    total = FundLine(label="年度资金总额", full_year_budget=80, executed=72, weight=10, execution_rate=90, score=9)
    table = Table(kind="department_overall", funds_total=total, fund_lines=[line])
    assert "疑读自他格" in funds_doubt(context_of("年度资金总额 80 72"), table, line, "execution_score_mismatch")
    assert funds_doubt(context_of("年度资金总额 80 72"), table, total, "execution_score_mismatch") is None


def test_a_table_whose_rows_slipped_is_read_askew_as_a_whole():
    # 000 in variant form 1 as read before: names run together with their level or verdict on two of eleven rows.
    rows = [Indicator(level1="产出指标", level2="数量指标", level3=f"指标{n}", target="≥1次", actual="1次", weight=10,
                      score=10) for n in range(9)]
    slipped = [Indicator(level1="产出指标", level2="数量指标", level3="产出指标任务完成时间", target="2022年末前",
                         weight=5, score=5),
               Indicator(level1="效益指标", level2="社会效益指标", level3="挽回经济损失逐步提高", actual="90%",
                         weight=5, score=4)]
    table = Table(kind="project", indicators=rows + slipped)
    assert "全表读取存疑" in askew(table, level_names(table))
    assert askew(Table(kind="project", indicators=rows), level_names(table)) is None


def test_rows_scored_beyond_any_full_marks_were_read_twice_not_added_wrong():
    # Sample 000's 附件2-5 as its PDF's text was first read: rows of the 产出 block read twice, their 得分 adding to
    # 184.5 under a 总分 of 94.5 — a misread, not a 总分 that is off …
    rows = [Indicator(level3=f"指标{n}", weight=12.5, score=12.25) for n in range(12)] + \
           [Indicator(level3="满意度", weight=10, score=37.5)]
    misread = Table(kind="project", indicators=rows, total_score=94.5, total_weight=100)
    assert "读了两遍" in total_doubt(misread, "total_score_mismatch")
    # … while sample 001's 执行率得分 filled as 100 over rows scoring 89.1 is the unit's slip, reported as such.
    funds = FundLine(label="年度资金总额", full_year_budget=50, executed=50, weight=10, execution_rate=100, score=100)
    slip = Table(kind="project", funds_total=funds, total_score=98.9, total_weight=100,
                 indicators=[Indicator(level3="产出", weight=50, score=49), Indicator(level3="效益", weight=30,
                                                                              score=30.3),
                             Indicator(level3="满意度", weight=10, score=9.8)])
    assert total_doubt(slip, "total_score_mismatch") is None


def test_a_one_character_name_is_the_tail_of_a_wrapped_cell():
    # chongqing_kexuecheng in the scored transfer form, header broken: rows read as named "高" and "好" are what is
    # left of names broken over two lines (管理制度健全性 | 高 | 高, 群众满意度 | 好 | 好).
    rows = [Indicator(level3="管理制度健全", target="高", actual="高", weight=3, score=3),
            Indicator(level3="高", target="好", actual="好", weight=3, score=2)]
    table = Table(kind="department_overall", indicators=rows)
    assert "一个字" in indicator_doubt(table, rows[1], "missing_deviation_note", level_names(table))

def test_a_funds_label_run_into_its_first_figure_proves_no_execution_rate_mismatch():
    # hebei_langfang as a damaged copy: "年度资金总额" and its 43.2 run together on one line, so the row's figures
    # start one cell late.
    rows = [f for f in pasted_findings("hebei_langfang", "l") if f.row == "年度资金总额43.2"]
    assert rows and all(f.severity == "info" and "连读" in f.doubt for f in rows)


def test_a_score_that_is_another_cells_number_proves_nothing_on_its_row_or_its_block():
    # 000 as a damaged copy: a cell of 监管覆盖率's row is lost and 49.4 (a figure of the next cells) is read as its
    # 得分 of 12.5 分; the 产出指标 block's sums rest on that row.
    rows = [f for f in pasted_findings("000_", "l") if f.row in ("监管覆盖率", "产出指标")
            and f.rule in ("score_exceeds_weight", "subtotal_weight_mismatch")]
    assert {f.row for f in rows} == {"监管覆盖率", "产出指标"}
    # Each is left to a manual check: the row's for its 49.4, the block's for that row (or for the table's other
    # rows the damage shifted, when the reading finds them too).
    assert all(f.severity == "info" and f.doubt for f in rows)
    assert all("49.4" in f.doubt for f in rows if f.row == "监管覆盖率")
    assert any("监管覆盖率" in f.doubt for f in rows if f.row == "产出指标")


def test_a_block_over_scored_by_a_fraction_stays_an_error():
    # 001 l.1432 效益指标 (30 分) scores 30.3 over rows read whole: the unit's arithmetic, not a misread.
    [over] = [f for f in api.check(ROOT / "evals" / "samples" / "001_8744007de10ea853.txt", "rules").findings
              if f.rule == "score_exceeds_weight" and f.row == "效益指标"]
    assert (over.severity, over.doubt, over.actual) == ("error", None, "30.3")


def test_a_rate_run_into_the_amounts_proves_no_execution_rate_mismatch():
    # 000 in the county special-fund form, the whole table on one line: "年度资金总额22100%" (全年预算数 22, 执行率
    # 100%) reads as a 执行率 of 22100% with no amount left on the row: no defect is claimed on it — at most a
    # finding left to a manual check (a total that prints no spending is no longer counted as 0 spent at all).
    rows = [f for f in pasted_findings("000_", "k", "county-special-fund") if f.row == "年度资金总额"]
    assert all(f.severity == "info" and "执行率" in f.doubt for f in rows)


def test_names_moved_into_the_target_column_prove_no_row_without_a_target():
    # hainan_shengji in the scored transfer form, one space between cells: "项目决策 决策过程 决策依据 3 3" read
    # 决策依据 as the 指标值 of a row named 决策过程; the score sheet sets no target on any row.
    rows = [Indicator(level1="项目决策", level3=level2, target=name, weight=3, score=3)
            for level2, name in (("决策过程", "决策依据"), ("绩效目标", "目标内容"), ("资金分配", "分配结果"))]
    table = Table(kind="project", indicators=rows)
    assert all("指标值" in indicator_doubt(table, row, "not_applicable_scored", level_names(table)) for row in rows)

def test_a_row_name_read_into_a_value_or_note_cell_proves_no_defect_of_that_row():
    # shanxi_jishan in the transfer form, wrapped as a narrow column, was read with its 指标值 "38508人" as a name and
    # the next row's name "指标2:发放健康教育资料" as its 完成值, and the next row's numbered name
    # "指标21:肺结核健康规范" as a 偏差说明. Whatever a reader does with that copy, a row so read claims no defect.
    misread = Indicator(level1="产出指标", level2="数量指标", level3="38508人", target="37442人",
                        actual="指标2:发放健康教育资料", weight=3, score=3)
    table = Table(kind="project", indicators=[misread])
    assert "指标" in indicator_doubt(table, misread, "unit_mismatch", level_names(table))
    noted = Indicator(level1="产出指标", level2="数量指标", level3="严重精神障碍患者管理数", target="212人",
                      actual="209人", weight=3, score=2, deviation_note="指标21:肺结核健康规范")
    table = Table(kind="project", indicators=[noted])
    assert "指标" in indicator_doubt(table, noted, "missing_deviation_note", level_names(table))
    # The copy itself: no finding it makes on those rows stands as a defect.
    assert all(f.severity == "info" for f in pasted_findings("shanxi_jishan_2021", "j", "region-central-transfer")
               if f.row in ("38508人", "者管理数"))


def test_a_name_several_rows_share_is_a_merged_level_not_a_target():
    # sichuan_shengji_2017 in the scored transfer form, one space between cells: under 项目效益 the 三级指标 names
    # (经济效益(可选项), 可持续效益(可选项) …) were read as 指标值 of rows all named 项目效益; the score sheet sets
    # no target, so 必要性(政策依据) scored 5 is no row "scored without a target".
    rows = [Indicator(level1="项目决策", level3="必要性(政策依据)", weight=5, score=5),
            Indicator(level1="项目效益", level3="项目效益", target="经济效益(可选项)", weight=10, score=10),
            Indicator(level1="项目效益", level3="项目效益", target="可持续效益(可选项)", weight=10, score=10)]
    table = Table(kind="project", indicators=rows)
    assert "指标值" in indicator_doubt(table, rows[0], "not_applicable_scored", level_names(table))

MISREAD_PASTES = [
    # (A fujian_ningde_2018 narrow-column copy whose 结余率 was read as the 执行率, and 001 in the scored transfer form
    # read one column left, were held here; the narrow-column and OCR-copy readers now read both rows right. So was
    # 001 in the county special-fund form run together, its deadline "2024年12月31日前" cut after 年 into a 指标值
    # "2024年" and a 完成值 "12": no reading stops inside a date printed with its month now, and the row reads
    # 2024年12月31日前 | 2024年12月31日 as sample lines 1235-1236 print it.)
    # chongqing_kexuecheng as a damaged copy, drawn with its head's 自评总分: l.5 "制作宣传品数量份第O份20份100%55否",
    # whose 指标值 the published copy already prints as "第O份" (OCR, 0→O); the 计量单位 份 the damage runs up to the
    # name is read apart from it (the row is 制作宣传品数量); a worded target against a numeric 完成值 "20份" is no defect
    # the copy proves.
    pytest.param("chongqing_kexuecheng", "l", "", "unit_mismatch", "制作宣传品数量", "识读错误",
                 id="ocr-letter-for-a-whole-figure"),
    # 002 as a damaged copy in its own form: cells lost and run together move figures into the 分值 column, whose
    # rows under 产出指标 then add to 108 against the stage's printed 50. (001 in Anhui's department score sheet was
    # the case before a lost cell stopped moving its 序号 column under 分值 and 得分: that copy now reads 0.86, not
    # 0.45, and proves nothing to doubt.)
    pytest.param("002_", "l", "", "subtotal_weight_mismatch", "产出指标", "分值合计",
                 id="weights-far-beyond-full-marks"),
    # 000 in its own form run together on one line: "…任务完成时间2022年末前100%12.512.5…" (lines 349-353 of the sample:
    # 12.5 | 12.5) cut as 完成值 1, 分值 2.51, 得分 2.5 — a 分值 that is the 得分 and a digit more proves no note missing.
    pytest.param("000_", "k", "", "missing_deviation_note", "任务完成时间2022年末前", "多一位数字",
                 id="weight-is-the-score-and-a-digit"),
    # 002 as a damaged copy in its own form: its basic-data row 项目支出： | 1204.48 | 696 | 855.87 (sample lines 52-55)
    # with two cells run together, "696855.87": the sum of its parts 696 with the next cell after it proves no sum off.
    pytest.param("002_", "l", "", "sum_mismatch", "项目支出：", "连读", id="total-with-the-next-cell-run-in"),
]


@pytest.mark.parametrize("ident, style, template, rule, row, why", MISREAD_PASTES)
def test_a_misread_paste_proves_no_defect_of_the_row_it_misread(ident, style, template, rule, row, why):
    rows = [f for f in pasted_findings(ident, style, template) if f.rule == rule and row in (None, f.row)]
    assert rows and all(f.severity == "info" and why in f.doubt for f in rows)


VARIANT_MISREADS = [
    # (Copies held here before the one-cell-a-line reader read cells by type are read right now, or misread otherwise:
    # jinzhai's level name as a 完成值, ezhou's swapped note and 完成值 and its 60% run into the note, 001's 度量单位 as
    # names, 000's lost 指标值 and its 分值 run into a name, hainan's score as a 完成值, xiaoxian's level name run into a
    # target, and shengji_2017's level names run into one name. Since the dump reader reads a copy that keeps its empty
    # cells as blank lines on the header's grid, yunnan_changning in variant form 2 reads right, and 000 in variant
    # form 1 and guizhou_suiyang in variant form 1 misread with no finding left standing on the misread rows.)
    # 000 run together on one line in variant form 2: the reader left runs of figures empty, unable to split them, and
    # says so on the rows it read short ("抽查产商品种类100%12.512.58种50批次…": no 指标值 read, so none set low).
    pytest.param("000_", "k", 2, "target_set_low", "抽查产商品种类", "无法拆分", id="figures-left-unsplit"),
    # shanghai_putuo in variant form 1 as a damaged copy: a figure of the funds block cut in two at the wrong place.
    pytest.param("shanghai_putuo", "l", 1, "sum_mismatch", "总额", "拆成两格", id="figure-split-in-two"),
    # hubei_qu run together in variant form 1: "…|100%|10|100%|…" cut so that 渔船补贴发放率 reads a 完成值 of 0%
    # against its 100% target, scored full.
    pytest.param("hubei_qu", "k", 1, "target_not_met_full_score", "渔船补贴发放率", "拆成10与0%",
                 id="hundred-percent-cut-into-ten-and-zero"),
    # yunnan_changning (score-only form: 年初目标值(A) | 实际完成值(B) | 得分, no 分值) one cell a line in variant form 2:
    # its targets (22.8, 54, 76.44 …) read as 分值 adding to 360.84, the 指标值 column left empty — no row is proved
    # scored without a target.
    pytest.param("yunnan_changning", "b", 2, "not_applicable_scored", "种母猪(≥头)", "远超满分",
                 id="targets-read-as-weights-leave-no-row-untargeted"),
]


def test_a_row_whose_weight_may_be_read_as_its_result_is_left_unread_and_claims_nothing():
    # sichuan_dyrmt run together in variant form 3 ("足额保障率=100%22.5" under … | 年度指标值 | 实际完成值 | 偏差大或目标未
    # 完成原因分析 | 得分 | 指标权重(分), its 完成值 and 得分 left blank): since the header is read whole, 22.5 may be the
    # 完成值 or the 权重, so the row's values are left empty with a warning, and no finding is made of a 完成值 it never
    # printed (the 权重 read as the 完成值 once claimed a missing deviation note).
    report = pasted_report("sichuan_dyrmt", "k", "", 3)
    assert not [f for f in report.findings if f.row == "足额保障率"]
    assert any("足额保障率=100%22.5" in warning for warning in report.warnings)


def test_a_variant_form_row_a_line_read_cell_by_cell_keeps_its_note_out_of_its_name():
    # 000 in variant form 2, each row on a line with single spaces: "效益指标 经济效益指标 挽回经济损失 逐步提高 ≥ 90 % 90%
    # 6.75 7.5" (the sample prints 挽回经济损失 | ≥90% | 90% | 7.5 | 6.75 | 逐步提高). Once misread with "逐步提高" run into the
    # name (and a doubt on it), it is read cell by cell within its line: the note is 逐步提高, the row needs no other.
    report = pasted_report("000_", "g", variant=2)
    rows = [(i.target, i.actual, i.weight, i.deviation_note) for t in report.tables for i in t.indicators
            if i.level3 == "挽回经济损失" and i.score == 6.75]
    assert ("≥90%", "90%", 7.5, "逐步提高") in rows
    assert not [f for f in report.findings if f.row == "挽回经济损失逐步提高"]


@pytest.mark.parametrize("ident, style, variant, rule, row, why", VARIANT_MISREADS)
def test_a_variant_form_misread_proves_no_defect_of_the_row_it_misread(ident, style, variant, rule, row, why):
    rows = [f for f in pasted_findings(ident, style, variant=variant) if f.rule == rule and f.row == row]
    assert rows and all(f.severity == "info" and why in f.doubt for f in rows), [f.message for f in rows]


def test_a_table_cut_off_inside_a_row_printed_one_cell_per_line_lacks_no_note():
    # hubei_ezhou's second table in variant form 1, one cell per line: the copy stops inside the table (no 总分, its
    # last row's eleven cells the last lines), where a note on the 49.50% 执行率 could still have stood.
    funds = [f for f in pasted_findings("hubei_ezhou_2019", "a", variant=1)
             if f.rule == "missing_deviation_note" and f.table == 1 and f.row == "年度资金总额"]
    assert funds == []


def test_a_table_whose_copy_ends_in_rows_the_reader_lost_lacks_no_note():
    # ningxia_shengji_2023 in variant form 3, one cell per line: the copy ends in the table (no 总分) and its last row
    # read lies well above the end; nothing but the table's cells follows it.
    funds = [f for f in pasted_findings("ningxia_shengji_2023", "a", variant=3)
             if f.rule == "missing_deviation_note" and f.row == "年度资金总额"]
    assert funds == []


def test_a_score_sheet_whose_scores_moved_into_the_target_column_is_no_unfilled_form():
    """海南's score sheet (分值 and 得分 only) drawn in 济南's form, whose 年度指标值 follows the 分值, copied as TAB rows
    that print no empty cell: each row's 得分 lands in the 指标值 column, and the table looks unfilled."""
    unfilled = [f for f in pasted_findings("hainan_shengji_fuwumaoyi", "t", "jinan-2019-method-column", merged=True)
                if f.rule == "missing_section" and f.table is not None]
    assert unfilled and all(f.severity == "info" and "得分左移" in f.doubt for f in unfilled)


def test_a_score_sheet_in_a_form_with_value_columns_reads_its_points_and_claims_no_unit_mismatch():
    """四川's 2017 score sheet (names, 分值, 得分) drawn in 济南's form and copied one cell a line with its empty cells
    left out. It was read with the 分值 in the 指标值 column and the next row's name in the 完成值 ("5" | "合理性", a
    unit_mismatch doubted beside a name — `test_a_target_equal_to_the_weight_is_doubted_only_beside_a_name` keeps that
    guard); each row now reads its names, 分值 and 得分 (evals/field/dev/sichuan_shengji_2017_bumendefen line 3:
    必要性(政策依据) 5 5) and no unit_mismatch is found."""
    report = pasted_report("sichuan_shengji", "b", "jinan-2019-method-column", merged=True)
    first = report.tables[0].indicators[0]
    assert (first.level1, first.level2, first.level3, first.target, first.actual, first.weight, first.score) == \
        ("项目决策", "科学决策", "必要性(政策依据)", None, None, 5, 5)
    assert not [f for f in report.findings if f.rule == "unit_mismatch"]


@pytest.mark.parametrize("actual, doubtful", [("合理性", True), ("可行性(政策完善)", True), ("可行性（政策完善）", True),
                                              ("已完成", False),
                                              ("达到预期", False), ("否", False)])
def test_a_target_equal_to_the_weight_is_doubted_only_beside_a_name(actual, doubtful):
    indicator = Indicator(level1="产出指标", level2="数量指标", level3="培训场次", target="5", actual=actual,
                          weight=5, score=5)
    table = Table(kind="project", indicators=[indicator])
    assert bool(indicator_doubt(table, indicator, "unit_mismatch", level_names(table))) is doubtful


@pytest.mark.parametrize("targets, weights, moved", [(["4", "3", "5"], [4, 3, 5], True), (["2", "5", "3"], [10, 10, 10], False),
                                                     (["≥95%", "4"], [10, 4], False)])
def test_targets_read_as_the_rows_weights_are_scores_moved_left(targets, weights, moved):
    """A form left unfilled prints its targets (≥95%, or a bare count under a larger 分值); a copy that printed no
    empty cell moved each row's 得分 — most of them full marks — into the 指标值 column."""
    rows = [Indicator(level3=f"指标{n}", target=t, weight=w) for n, (t, w) in enumerate(zip(targets, weights))]
    assert scores_as_targets(Table(kind="project", indicators=rows)) is moved


def test_a_sum_over_a_funds_part_whose_run_was_left_unsplit_is_doubtful():
    # anhui_xuancheng_2023_dongwufangyi l.6 "年度資金總額:1484631.00%其中:中央財政資金10200%地方資金4646100%", drawn in variant
    # form 1 (年初预算数 | 调整后预算数 | 执行数(B) | 执行率(B/A) | 权重 | 执行率得分) and run together: the total reads 148, 46,
    # 31% with its 年初预算数 left empty; "10200%" of 中央财政资金 holds as 10, 2, 0, 0% as well as 102, 0, 0% (a 0% holds
    # for any budget), so it is left unsplit — and the sum of the parts read, 46, is no defect to report against 148.
    report = pasted_report("anhui_xuancheng_2023_dongwufangyi", "k", variant=1)
    table = report.tables[0]
    total = table.funds_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.execution_rate) == (None, 148, 46, 31)
    [central] = [line for line in table.fund_lines if line.label == "中央财政资金"]
    assert (central.initial_budget, central.full_year_budget, central.executed) == (None, None, None)
    sums = [f for f in report.findings if f.rule == "sum_mismatch" and f.table == 0]
    assert sums and all(f.severity == "info" and "中央财政资金" in f.doubt for f in sums)
