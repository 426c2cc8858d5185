"""The deterministic checkers: each rule on a small report, the samples against their gold, extractor independence."""
from assistant import api
from assistant.check import run_checks
from assistant.evaluate.extraction import score_extraction
from assistant.evaluate.findings import score_findings
from schemas import Report, Source
from schemas.gold import GoldReport
from tests.conftest import ROOT, SAMPLE_FILES, eval_tool, gold_for

HEADER = "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n"


def row(level1, level2, name, target, actual, weight, score, note=""):
    return f"\t\n\t{level1}\n\t{level2}\n\t{name}\n\t{target}\n\t{actual}\n\t{weight}\n\t{score}\n\t{note}\n\n"


def project_report(funds: str, rows: str, total: str) -> bytes:
    text = ("附件2-1\n项目支出绩效自评表\n（2023年度）\n\n\t项目支出名称\n\t抽检专项\n\n"
            "\t项目资金（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n"
            f"{funds}{HEADER}{rows}\t总分\n\t100\n\t{total}\n\n\n正文：本项目预算执行情况良好。\n")
    return text.encode("utf-8")


def rules(data: bytes) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in api.check(data, "rules").findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


FUNDS_OK = "\t\n\t年度资金总额\n\t100\n\t100\n\t100\n\t10\n\t100%\n\t10\n\n"


def test_execution_rate_and_its_score_are_recomputed_from_the_full_year_budget():
    funds = "\t\n\t年度资金总额\n\t100\n\t120\n\t90\n\t10\n\t100%\n\t10\n\n"
    found = rules(project_report(funds, row("产出指标(90分)", "数量指标", "抽检批次", "≥10批次", "10批次", 90, 90), "100"))
    [rate] = found["execution_rate_mismatch"]
    assert (rate.expected, rate.actual) == ("75.00", "100")
    [score] = found["execution_score_mismatch"]
    assert (score.expected, score.actual) == ("7.5", "10")
    assert all(e.line for e in rate.evidence)


def test_a_total_printing_zeros_takes_no_spending_from_lines_that_leave_it_blank():
    # 年度资金总额 0 0 0 with 执行率 100%: 当年财政拨款 spent 80 of 80, 其他资金 20 with its 全年执行数 blank — the 80
    # printed is not the total's 执行数, so no 80% against the printed 100%
    funds = ("\t\n\t年度资金总额\n\t0\n\t0\n\t0\n\t10\n\t100%\n\t10\n\n"
             "\t\n\t其中：当年财政拨款\n\t80\n\t80\n\t80\n\t—\n\t\n\t—\n\n"
             "\t\n\t其他资金\n\t20\n\t20\n\t\n\t—\n\t\n\t—\n\n")
    found = rules(project_report(funds, row("产出指标(90分)", "数量指标", "抽检批次", "≥10批次", "10批次", 90, 90), "100"))
    assert "年度资金总额" not in {f.row for f in found.get("execution_rate_mismatch", [])}


def test_missed_target_scored_in_full_and_proportional_score():
    rows = (row("产出指标(50分)", "数量指标", "抽检批次", "≥600批次", "450批次", 50, 50)
            + row("效益指标(40分)", "社会效益指标", "挽回损失", "≥200万元", "100万元", 40, 30, "受疫情影响案件减少"))
    found = rules(project_report(FUNDS_OK, rows, "90"))
    assert [f.row for f in found["target_not_met_full_score"]] == ["抽检批次"]
    proportional = {f.row: (f.expected, f.actual, f.severity) for f in found["score_not_proportional"]}
    assert proportional == {"抽检批次": ("37.5", "50", "error"), "挽回损失": ("20", "30", "error")}
    assert [f.row for f in found["missing_deviation_note"]] == ["抽检批次"]


def test_met_but_deducted_and_notes_that_state_no_cause():
    rows = row("产出指标(90分)", "质量指标", "抽检合格率", "≥90%", "95%", 90, 85, "逐步提高")
    found = rules(project_report(FUNDS_OK, rows, "95"))
    assert [f.row for f in found["met_but_deducted"]] == ["抽检合格率"]
    [note] = found["missing_deviation_note"]
    assert note.severity == "info" and "逐步提高" in note.message


def test_subtotals_totals_placeholders_and_not_applicable_rows():
    rows = (row("产出指标(50分)", "数量指标", "抽检批次", "≥10批次", "12批次", 40, 40)
            + row("效益指标(40分)", "经济效益指标", "不适用", "", "", 10, 10)
            + row("", "", "……", "", "", 10, 10))
    found = rules(project_report(FUNDS_OK, rows, "70"))
    # 产出 40 ≠ 50, 效益 10+10 ≠ 40, and all 分值 with the 执行率 10 add to 70, not 100 (the rows give the 总分 70)
    assert {f.row for f in found["subtotal_weight_mismatch"]} == {"产出指标", "效益指标", None}
    assert [f.row for f in found["not_applicable_scored"]] == ["不适用"]
    assert [f.row for f in found["placeholder_row"]] == ["……"]
    assert "total_score_mismatch" not in found


def test_a_scored_numbered_slot_is_a_placeholder_row_not_a_row_without_target():
    # The Hebei form's slots print their number alone (指标2, 指标12) under 三级指标, values left empty; one scored
    # is a placeholder scored, as "……" is, while 指标1安全率 left without its 指标值 is a named row with no target.
    rows = (row("产出指标(50分)", "数量指标", "指标1安全率", "", "", 20, 20)
            + row("", "", "指标2", "", "", 10, 10) + row("", "", "指标12", "", "", 10, 10)
            + row("效益指标(40分)", "经济效益指标", "抽检批次", "≥10批次", "12批次", 40, 40))
    found = rules(project_report(FUNDS_OK, rows, "90"))
    assert [f.row for f in found["placeholder_row"]] == ["指标2", "指标12"]
    assert [f.row for f in found["not_applicable_scored"]] == ["指标1安全率"]


def test_a_total_is_recomputed_when_every_row_is_there():
    rows = (row("产出指标(50分)", "数量指标", "抽检批次", "≥10批次", "12批次", 50, 50)
            + row("效益指标(30分)", "社会效益指标", "挽回损失", "≥200万元", "210万元", 30, 30)
            + row("满意度指标(10分)", "满意度指标", "满意度", "≥90%", "95%", 10, 10))
    [total] = rules(project_report(FUNDS_OK, rows, "95"))["total_score_mismatch"]
    assert (total.expected, total.actual) == ("100", "95")


def test_a_table_whose_rows_are_not_all_there_is_not_summed():
    """A copy that lost rows (cut, garbled): the 分值 read fall short of 100 and the rows do not give the printed
    总分 either. Neither sum is a defect of the table; the rows that are there are still checked."""
    rows = (row("产出指标(50分)", "数量指标", "抽检批次", "≥10批次", "12批次", 50, 50)
            + row("效益指标(30分)", "社会效益指标", "挽回损失", "≥200万元", "210万元", 30, 30))
    found = rules(project_report(FUNDS_OK, rows, "99"))
    assert "total_score_mismatch" not in found and "subtotal_weight_mismatch" not in found


def test_the_last_block_of_a_cut_copy_and_a_provincial_split_are_not_weight_defects():
    funds = "\t\n\t年度资金总额\n\t100\n\t100\n\t100\n\t20\n\t100%\n\t20\n\n"
    text = project_report(funds, row("产出指标(40分)", "数量指标", "抽检批次", "≥10批次", "12批次", 30, 30), "99")
    cut = text[:text.index("\t总分".encode())]  # the copy stops inside the 产出 block
    found = rules(cut)
    assert "subtotal_weight_mismatch" not in found  # 30 of 40 read, the rest is not there; 40 is 云南's own split


def test_templates_without_a_note_column_lack_no_note():
    """重庆's 10-column sheet (指标名称/计量单位/…/指标得分/是否核心指标) has no 偏差原因 column."""
    text = ("部门整体绩效自评表\n自评总分97\n指标名称\t计量单位\t年初指标值\t全年完成值\t指标权重\t指标得分\n"
            "\t党性教育培训次数\t次\t26次\t12次\t5\t5\n")
    found = rules(text.encode("utf-8"))
    assert "missing_deviation_note" not in found


def test_units_direction_and_targets_set_low():
    rows = (row("产出指标(40分)", "成本指标", "检测费用", "≦100%", "100万元", 10, 10)
            + row("产出指标(40分)", "数量指标", "抽检批次", "≤600批次", "500批次", 10, 10)
            + row("产出指标(40分)", "数量指标", "宣传次数", "≥2次", "5次", 10, 10)
            + row("产出指标(40分)", "时效指标", "完成时间", "2023年12月31日前", "100%", 10, 10)
            + row("效益指标(50分)", "满意度指标", "满意度", "≥95%", "≥95%", 50, 50)
            # a target met exactly is hindsight only at a stated bound, not a planned quantity nor a 百分比 rate
            + row("产出指标(40分)", "数量指标", "监管企业数", "≥600个", "600个", 0, 0)
            + row("产出指标(40分)", "数量指标", "猪舍面积", "180平方米", "180平方米", 0, 0)
            + row("产出指标(40分)", "质量指标", "报告合格率", "≥100百分比", "100", 0, 0))
    found = rules(project_report(FUNDS_OK, rows, "100"))
    assert {f.row for f in found["unit_mismatch"]} == {"检测费用", "完成时间", "满意度"}
    assert [f.row for f in found["target_direction_suspect"]] == ["抽检批次"]
    assert [f.row for f in found["target_set_low"]] == ["宣传次数", "监管企业数"]


def test_words_after_a_measure_keep_it_one_measure():
    """The value reader takes up to six characters after a number as its unit: "19辆……" and "150家（含分支机构）"
    are 辆 and 家 with a note, "5个村" counts 个; 人次 against 人, or 个月 against 个, is another measure."""
    rows = (row("产出指标(40分)", "数量指标", "维修车辆", "19辆", "19辆……", 10, 10)
            + row("产出指标(40分)", "数量指标", "检查企业", "≥150家", "150家（含分支机构）", 10, 10)
            + row("产出指标(40分)", "数量指标", "覆盖村数", "≥5个", "6个村", 10, 10)
            + row("产出指标(40分)", "数量指标", "培训人数", "≥100人", "120人次", 5, 5)
            + row("产出指标(40分)", "时效指标", "整改个数", "≥3个", "3个月", 5, 5)
            + row("产出指标(40分)", "时效指标", "办结时限", "≤3个", "5个工作日", 5, 5)
            + row("产出指标(40分)", "质量指标", "提高比例", "≥2个", "3个百分点", 5, 5)
            + row("产出指标(40分)", "时效指标", "响应时间", "≤30分", "45分钟", 5, 5))
    found = rules(project_report(FUNDS_OK, rows, "100"))
    assert {f.row for f in found["unit_mismatch"]} == {"培训人数", "整改个数", "办结时限", "提高比例", "响应时间"}


def test_narrative_arithmetic_units_and_cut_off_dates():
    text = ("一、基本情况\n2023年预算收入100万元。\n"
            "1.“监管专项”年初预算金额70万元,追加69.88万元，实际支出139.98万元。\n"
            "2.“知识产权专项”年初预算金额20万元，追加45.47万元，实际支出65.47元。\n"
            "截止12月16日，共立案512起，结案501起（发文结案475起，不予处罚28起）。\n"
            "市场主体总量达111655户（企业48591户，企业占比43.46%）。\n")
    found = rules(text.encode("utf-8"))
    arithmetic = {(f.expected, f.actual) for f in found["narrative_arithmetic"]}
    assert arithmetic == {("139.88", "139.98"), ("501", "503"), ("43.52", "43.46")}
    assert [f.actual for f in found["unit_missing"]] == ["65.47元"]
    assert [f.actual for f in found["date_inconsistency"]] == ["截止12月16日"]
    assert all(f.table is None and f.evidence[0].line for f in found["narrative_arithmetic"])


def test_a_report_with_no_tables_still_gets_narrative_checks():
    checked = api.check(SAMPLE_FILES[4])
    assert not checked.tables and not checked.scores
    assert {"missing_section", "date_inconsistency", "narrative_arithmetic"} <= {f.rule for f in checked.findings}
    assert all(f.evidence for f in checked.findings)


def test_samples_findings_against_gold_defects():
    totals = [0, 0, 0, 0]
    for sample in SAMPLE_FILES:
        gold = GoldReport.model_validate(gold_for(sample))
        document = api.load(sample)
        report = api.extract(document)
        _, table_map = score_extraction(gold, report)
        score = score_findings(run_checks(report, document).findings, gold.defects, table_map)
        totals = [a + b for a, b in zip(totals, (score.matched_findings, score.findings, score.matched_defects, score.defects))]
        assert all(f.evidence for f in run_checks(report, document).findings)
    # Measured 1.00 precision and 0.983 recall (176 of 179 gold defects); the floors sit just under them.
    assert totals[0] / totals[1] >= 0.98 and totals[2] / totals[3] >= 0.97, totals


def test_checkers_do_not_depend_on_the_extractor():
    """The same tables handed over as another extractor would (from the gold) give the same findings."""
    for sample in SAMPLE_FILES[:3]:
        gold = GoldReport.model_validate(gold_for(sample))
        document = api.load(sample)
        rules_report = api.extract(document)
        other = Report(source=Source(name=sample.name, sha256="0" * 64, format="txt"), extractor="llm",
                       unit_name=gold.unit_name, year=gold.year, figures=gold.figures,
                       tables=[t.model_copy(update={"level1_weights": r.level1_weights})
                               for t, r in zip(gold.tables, rules_report.tables)])
        key = lambda f: str((f.rule, f.table, f.row, f.expected, f.actual))  # noqa: E731
        assert sorted(map(key, run_checks(other, document).findings)) == \
            sorted(map(key, run_checks(rules_report, document).findings))


def test_recomputed_score_beside_self_score():
    checked = api.check(SAMPLE_FILES[1])
    [score] = checked.scores
    assert score.self_score == 98.9
    changed = {r["row"]: (r["self_score"], r["recomputed_score"]) for r in score.rows}
    assert changed["年度资金总额"] == (100, 10)
    assert changed["开展抽检产商品批次"] == (0.5, 0.43)


def test_templates_with_direction_and_unit_columns():
    text = ("附件2\n项目支出绩效自评表\n\n\t项目名称\n\t抽检专项\n\n"
            "\t一级指标\n\t二级指标\n\t三级指标\n\t指标方向\n\t计量单位\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n"
            "\t产出指标\n\t数量指标\n\t抽检批次\n\t正向\n\t批次\n\t600\n\t450\n\t20\n\t20\n\t\n\n"
            "\t产出指标\n\t成本指标\n\t单批次成本\n\t反向\n\t元\n\t800\n\t1000\n\t20\n\t16\n\t物价上涨导致成本增加\n\n"
            "\t总分\n\t40\n\t36\n\n\n正文：项目预算执行情况。\n")
    checked = api.check(text.encode("utf-8"))
    [table] = checked.tables
    assert [(i.target, i.actual, i.model_extra["direction"], i.model_extra["measure_unit"]) for i in table.indicators] == [
        ("600批次", "450", "正向", "批次"), ("800元", "1000", "反向", "元")]  # contract: 指标值 + 度量单位 joined
    found = {(f.rule, f.row) for f in checked.findings}
    assert ("target_not_met_full_score", "抽检批次") in found
    assert ("score_not_proportional", "单批次成本") not in found  # 20 × 800/1000 = 16, as scored


def test_tables_in_yuan_are_compared_in_wan():
    report_text = project_report(FUNDS_OK, row("产出指标(90分)", "数量指标", "抽检批次", "≥10批次", "10批次", 90, 90), "100")
    extracted = api.extract(report_text.decode().replace("项目资金（万元）", "项目资金（元）").encode())
    assert extracted.tables[0].money_unit == "元"
    document = api.load(report_text)
    project = extracted.tables[0].model_copy(update={"funds_total": extracted.tables[0].funds_total.model_copy(
        update={"full_year_budget": 764_000.0, "executed": 764_000.0})})
    department = project.model_copy(update={"kind": "department_overall", "money_unit": "万元", "funds_total": None,
                                            "indicators": [], "breakdown": {"项目支出": 76.4}})
    both = extracted.model_copy(update={"tables": [department, project]})
    assert not [f for f in run_checks(both, document).findings if f.rule == "sum_mismatch"]
    department.breakdown["项目支出"] = 80.0
    mismatches = [f for f in run_checks(both, document).findings if f.rule == "sum_mismatch"]
    assert [(f.expected, f.actual) for f in mismatches] == [("76.4", "80")] * 2  # 全年预算数 and 全年执行数


def test_missed_deadline_scored_in_full():
    rows = row("产出指标(90分)", "时效指标", "完成时间", "2023年6月30日前", "2023年12月", 90, 90)
    found = rules(project_report(FUNDS_OK, rows, "100"))
    assert [f.row for f in found["target_not_met_full_score"]] == ["完成时间"]
    assert "score_not_proportional" not in found


def test_a_total_check_counts_an_overstated_execution_score_at_its_weight():
    """001's 附件3 prints 执行率得分 100 against 分值 10: the total is checked with 10, not 100 (189.1 would add
    unrelated quantities)."""
    checked = api.check(SAMPLE_FILES[1])
    [total] = [f for f in checked.findings if f.rule == "total_score_mismatch"]
    assert total.expected == "99.1" or float(total.expected) == 99.1
    assert "189.1" not in total.message and "按10分计" in total.message


def test_department_ceilings_bare_actuals_rates_and_score_sheets():
    # Rows as Chongqing's and Anhui's published tables print them (evals/field/dev, see their source: lines):
    # 控制率/调整率/结转结余率 are ceilings; a 完成值 printed without its unit is in the target's unit; a 完工率
    # printed "100" is a percentage, so 100 = 100 is no hindsight.
    rows = (row("产出指标(50分)", "数量指标", "财政供养人员控制率", "100%", "92%", 10, 10)
            + row("产出指标(50分)", "数量指标", "预算调整率", "3%", "0", 10, 10)
            + row("产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", 10, 10)
            + row("产出指标(50分)", "质量指标", "工程完工率", "100", "100", 10, 10)
            + row("产出指标(50分)", "质量指标", "政府采购执行率", "100%", "72.74%", 10, 10)
            + row("效益指标(40分)", "社会效益指标", "会议室面积", "≥200", "200平方米", 40, 40))
    found = rules(project_report(FUNDS_OK, rows, "100"))
    assert [f.row for f in found["target_not_met_full_score"]] == ["政府采购执行率"]
    assert "unit_mismatch" not in found
    assert [f.row for f in found["target_set_low"]] == ["会议室面积"]


def test_a_score_sheet_without_targets_is_not_a_table_of_unset_targets():
    # A department score sheet (四川省级 部门得分表): 一级/二级/三级 criteria with 分值 and 得分, no 指标值 column.
    sheet = ("部门整体支出绩效评价得分表\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t分值\n\t得分\n\n"
             "\t项目决策\n\t科学决策\n\t决策程序\n\t5\n\t5\n\n\t\n\t\n\t分配结果\n\t6\n\t6\n\n"
             "\t项目管理\n\t资金管理\n\t财务管理\n\t3\n\t3\n\n")
    assert "not_applicable_scored" not in rules(sheet.encode("utf-8"))
    rows = (row("产出指标(50分)", "数量指标", "抽检批次", "≥10批次", "12批次", 50, 50)
            + row("效益指标(40分)", "社会效益指标", "群众满意", "", "", 40, 40))
    assert [f.row for f in rules(project_report(FUNDS_OK, rows, "100"))["not_applicable_scored"]] == ["群众满意"]


def test_wan_before_a_latin_measure_is_no_amount_short_of_yuan():
    # sichuan_lushan (evals/field/dev) l.20: "项目区综合治理后年保土量3.51万t;保土率59.79%。"
    text = "项目绩效自评：项目区综合治理后年保土量3.51万t，保土率59.79%。\n宣传经费共计10万，印发资料2000份。\n"
    found = rules(text.encode("utf-8"))
    assert [f.actual for f in found["unit_missing"]] == ["10万"]


def test_a_score_sheets_reasons_for_points_are_no_note_column():
    """A sheet that says why points were given or taken ("扣分原因为：…") has no 偏差原因 column to leave blank."""
    text = ("项目支出绩效自评表\n指标名称\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t驿站数量\t≥2个\t0个\t10\t0\t扣分原因为：未获确认\n")
    assert "missing_deviation_note" not in rules(text.encode("utf-8"))


def test_a_row_with_no_name_cell_is_no_placeholder_and_gets_no_note_finding():
    """yunnan_yongde (evals/field/dev) l.20-22 wraps "减轻贫困学生家庭经济负担 | 有效" onto "有效 | 10 | 10"."""
    rows = (row("产出指标(50分)", "数量指标", "抽检批次", "≥10批次", "12批次", 40, 40)
            + row("", "", "", "", "", 10, 10)
            + row("效益指标(40分)", "社会效益指标", "……", "", "", 10, 10))
    found = rules(project_report(FUNDS_OK, rows, "70"))
    assert [f.row for f in found["placeholder_row"]] == ["……"]
    assert all(f.row for f in found.get("missing_deviation_note", []))


def test_a_blank_execution_score_beside_its_weight_is_recomputed():
    # sichuan_qingshen (evals/field/dev) l.36-37: 预算执行率 100.00%, 权重 10, 得分 left blank
    funds = "\t\n\t年度资金总额\n\t100\n\t100\n\t100\n\t10\n\t100%\n\t\n\n"
    rows = row("产出指标(90分)", "数量指标", "抽检批次", "≥10批次", "12批次", 90, 90)
    [blank] = rules(project_report(funds, rows, "90"))["execution_score_mismatch"]
    assert (blank.expected, blank.actual) == ("10", None)


def test_a_total_row_printing_zeros_takes_its_rate_from_its_fund_lines():
    # anhui_tangxi (evals/field/dev) l.2: "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.974 89.974"
    funds = ("\t\n\t年度资金总额\n\t0\n\t0\n\t0\n\t10\n\t0\n\t0\n\n"
             "\t\n\t其中：当年财政拨款\n\t90\n\t89.974\n\t89.974\n\t\n\t\n\t\n\n")
    rows = row("产出指标(90分)", "数量指标", "抽检批次", "≥10批次", "12批次", 90, 90)
    found = rules(project_report(funds, rows, "90"))
    [rate] = found["execution_rate_mismatch"]
    assert (rate.row, rate.expected, rate.actual) == ("年度资金总额", "100.00", "0")
    [score] = found["execution_score_mismatch"]
    assert (score.expected, score.actual) == ("10", "0")


def test_a_report_whose_table_ends_it_with_indicators_and_no_total_still_lacks_its_self_score():
    """A written report (sample 003, which gives no 自评分) with a self-evaluation table printed last, its indicator
    rows read and no 总分 row (Tangxi's table as a spreadsheet copies it, evals/field/dev/anhui_tangxi_2022_weituo):
    the copy is not cut inside that table's funds block, so the missing 自评分 is still reported."""
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       only="anhui_tangxi_2022_weituo")
    text = (ROOT / "evals" / "samples" / "003_1fd1934784c8d720.txt").read_text(encoding="utf-8").rstrip()
    checked = api.check(api.load(f"{text}\n\n{paste.pasted(sheet, 'f').rstrip()}\n".encode(), "report.txt"), "rules")
    assert checked.tables and checked.tables[-1].indicators and checked.tables[-1].total_score is None
    assert any(f.rule == "missing_section" and f.row == "自评分" for f in checked.findings)
