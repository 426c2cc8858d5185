"""Offline Q&A on the five samples: gold accuracy, lookups and derived figures read off the gold
tables, follow-ups, "not found" for what a report does not contain, and evidence on every answer."""
import functools

import pytest

from assistant import api
from assistant.chat import answer_question
from assistant.values import normalize_text, to_ascii
from schemas import GoldReport
from tests.conftest import ROOT, SAMPLE_FILES, SAMPLES, gold_for

NOT_FOUND = "报告中未找到"


@functools.cache
def loaded(name: str):
    document = api.load(SAMPLES / name)
    return api.check(document), document


def ask(sample, question: str, history=()):
    report, document = loaded(sample.name)
    return answer_question(report, document, question, list(history))


def close(value: float | None, expected: float) -> bool:
    return value is not None and abs(value - expected) <= max(0.011, abs(expected) * 1e-4)


def correct(pair, answer) -> bool:
    if pair.kind == "not_found":
        return answer.value is None and NOT_FOUND in answer.answer
    if pair.value is None:
        return normalize_text(pair.answer).rstrip("。") in normalize_text(answer.answer)
    return close(answer.value, pair.value)


def stands_on_its_line(document, quote: str, line: int | None) -> bool:
    printed = normalize_text(to_ascii(document.line_text(line)))
    return line is not None and normalize_text(to_ascii(quote)) in printed or printed in normalize_text(to_ascii(quote))


def golds():
    return [(sample, GoldReport.model_validate(gold_for(sample))) for sample in SAMPLE_FILES]


def test_offline_accuracy_on_the_gold_pairs_is_at_least_080_and_every_answer_has_evidence():
    right, total, missing_evidence, wrong = 0, 0, [], []
    for sample, gold in golds():
        for pair in gold.qa:
            answer = ask(sample, pair.question)
            total += 1
            right += correct(pair, answer)
            if not correct(pair, answer):
                wrong.append(f"{sample.stem[:3]} {pair.question} → {answer.answer[:50]}")
            if not answer.evidence:
                missing_evidence.append(pair.question)
    assert total == sum(len(g.qa) for _, g in golds()) >= 90
    assert right / total >= 0.80, wrong
    assert not missing_evidence


def test_not_found_answers_carry_no_value_but_show_the_closest_passages():
    for sample, gold in golds():
        for pair in [p for p in gold.qa if p.kind == "not_found"]:
            answer = ask(sample, pair.question)
            assert answer.value is None and answer.answer.startswith(NOT_FOUND), answer.answer
            assert answer.evidence


@pytest.mark.parametrize("question", ["全年发射卫星多少颗？", "单位食堂有多少把椅子？", "年末固定资产净值是多少万元？"])
def test_questions_about_what_no_report_contains_are_not_answered_with_a_number(question):
    for sample in SAMPLE_FILES:
        answer = ask(sample, question)
        assert answer.value is None and NOT_FOUND in answer.answer, (sample.name, answer.answer)
        assert answer.evidence


def project_tables(gold: GoldReport):
    return [(i, t) for i, t in enumerate(gold.tables) if t.kind == "project" and t.name and t.funds_total]


@pytest.mark.parametrize("sample", [s for s in SAMPLE_FILES if project_tables(GoldReport.model_validate(gold_for(s)))],
                         ids=lambda p: p.stem[:3])
def test_fund_lines_and_totals_of_every_project_table_are_looked_up_by_name(sample):
    _, document = loaded(sample.name)
    for _, table in project_tables(GoldReport.model_validate(gold_for(sample))):
        executed = ask(sample, f"{table.name}的全年执行数是多少？")
        assert close(executed.value, table.funds_total.executed) and executed.unit == "万元", executed.answer
        assert any(stands_on_its_line(document, e.quote, e.line) for e in executed.evidence)
        budget = ask(sample, f"{table.name}项目年度资金总额的全年预算数是多少？")
        assert close(budget.value, table.funds_total.full_year_budget), budget.answer
        total = ask(sample, f"{table.name}的自评总分是多少？")
        assert close(total.value, table.total_score) and total.unit == "分", total.answer


@pytest.mark.parametrize("sample", [s for s in SAMPLE_FILES if project_tables(GoldReport.model_validate(gold_for(s)))],
                         ids=lambda p: p.stem[:3])
def test_indicator_scores_weights_and_deductions_of_uniquely_named_indicators(sample):
    gold = GoldReport.model_validate(gold_for(sample))
    for _, table in project_tables(gold)[:2]:
        names = [i.level3 for i in table.indicators]
        chosen = [i for i in table.indicators if i.level3 and names.count(i.level3) == 1
                  and i.weight is not None and i.score is not None][:4]
        for indicator in chosen:
            score = ask(sample, f"{table.name}“{indicator.level3}”指标得了多少分？")
            assert close(score.value, indicator.score), score.answer
            assert f"分值{indicator.weight:g}分" in score.answer
            lost = ask(sample, f"{table.name}“{indicator.level3}”指标扣了多少分？")
            assert close(lost.value, indicator.weight - indicator.score), lost.answer


def test_basic_data_rows_are_read_by_row_year_and_column():
    sample = SAMPLES / "001_8744007de10ea853.txt"
    gold = GoldReport.model_validate(gold_for(sample))
    basic = next(t for t in gold.tables if t.kind == "basic_data")
    header = next(r.values for r in basic.rows if r.label.startswith("经费控制情况"))
    for row in [r for r in basic.rows if r.label in ("三公经费", "公用经费", "政府采购金额")]:
        for heading, printed in zip(header, row.values):
            answer = ask(sample, f"基础数据表中{row.label}{heading}是多少？")
            assert close(answer.value, float(printed)), (row.label, heading, answer.answer)


def test_department_differences_ratios_and_deductions_are_computed_from_the_table():
    for sample, gold in golds():
        department = next((t for t in gold.tables if t.kind == "department_overall"), None)
        if department is None:
            continue
        total = department.funds_total
        increase = ask(sample, "部门整体支出的全年预算数比年初预算数增加了多少？")
        assert close(increase.value, abs(total.full_year_budget - total.initial_budget)), increase.answer
        assert len(increase.evidence) == 2
        rate = ask(sample, "按全年执行数和全年预算数重新计算，部门整体支出的预算执行率是多少？")
        assert close(rate.value, round(total.executed / total.full_year_budget * 100, 2)), rate.answer
        if department.total_weight is not None:
            lost = ask(sample, "部门整体支出绩效自评共扣了多少分？")
            assert close(lost.value, department.total_weight - department.total_score), lost.answer


def test_sums_and_shares_of_breakdown_items():
    sample = SAMPLES / "000_9f4ecd25e267d59e.txt"
    breakdown = GoldReport.model_validate(gold_for(sample)).tables[0].breakdown
    both = ask(sample, "按支出性质分，基本支出与项目支出合计是多少？")
    assert close(both.value, breakdown["基本支出"] + breakdown["项目支出"])
    share = ask(sample, "项目支出占基本支出与项目支出合计的比例是多少？")
    assert close(share.value, round(breakdown["项目支出"] / (breakdown["基本支出"] + breakdown["项目支出"]) * 100, 2))
    assert share.unit == "%"


def test_narrative_figures_are_found_next_to_their_words():
    for sample, gold in golds():
        for figure in [f for f in gold.figures if f.unit == "万元" and len(f.label) >= 4][:6]:
            answer = ask(sample, f"{figure.label}是多少？")
            assert answer.value is not None and NOT_FOUND not in answer.answer, answer.answer
            if not close(answer.value, figure.value):
                # another figure under the same words is fine when the quote says so
                assert normalize_text(figure.label) in normalize_text(answer.evidence[0].quote), answer.answer


def test_follow_ups_resolve_against_the_previous_answer():
    sample = SAMPLES / "000_9f4ecd25e267d59e.txt"
    gold = GoldReport.model_validate(gold_for(sample))
    first = ask(sample, "特种设备监察专项“社会公众满意度”指标的分值是多少？")
    then = ask(sample, "那它的得分呢？", [first])
    other = ask(sample, "那食品监管专项呢？", [first, then])

    def indicator(name):
        table = next(t for t in gold.tables if t.name == name)
        return next(i for i in table.indicators if i.level3 == "社会公众满意度")

    assert close(first.value, indicator("特种设备监察专项").weight)
    assert close(then.value, indicator("特种设备监察专项").score) and then.question == "那它的得分呢？"
    assert close(other.value, indicator("食品监管专项").score), other.answer


def test_a_text_answer_names_the_cell_and_has_no_value():
    sample = SAMPLES / "000_9f4ecd25e267d59e.txt"
    answer = ask(sample, "药品监管专项的实施单位是哪个？")
    assert "药械化妆品监管股" in answer.answer and answer.value is None
    assert answer.evidence[0].line == 447


def test_which_and_how_many_questions_count_from_the_tables():
    sample = SAMPLES / "000_9f4ecd25e267d59e.txt"
    report, _ = loaded(sample.name)
    below = [i for t in report.tables for i in t.indicators
             if i.weight is not None and i.score is not None and i.score < i.weight]
    answer = ask(sample, "哪些指标没有得满分？")
    assert answer.value == len(below) and answer.unit == "个"
    projects = ask(sample, "一共有几个项目？")
    assert projects.value == sum(t.kind == "project" for t in report.tables)
    problems = ask(sample, "有哪些问题？")
    assert problems.value == len(report.findings)


def test_asking_the_same_question_twice_gives_the_same_answer():
    sample = SAMPLES / "002_1b038c9877a00c9c.txt"
    first = ask(sample, "运行维护费项目因执行率被扣了多少分？")
    assert ask(sample, "运行维护费项目因执行率被扣了多少分？") == first
    assert first.mode == "offline"


def basic_row(gold: GoldReport, label: str) -> dict[str, float]:
    """A basic-data row of the gold labels as {column heading: value}."""
    basic = next(t for t in gold.tables if t.kind == "basic_data")
    header = next(r.values for r in basic.rows if r.label.startswith("经费控制情况"))
    row = next(r for r in basic.rows if r.label == label)
    return {heading: float(v) for heading, v in zip(header, row.values) if v and v[0].isdigit()}


def test_last_year_relative_changes_and_multiples_read_the_basic_data_columns():
    sample = SAMPLES / "001_8744007de10ea853.txt"
    gold = GoldReport.model_validate(gold_for(sample))
    three = basic_row(gold, "三公经费")
    fall = ask(sample, "三公经费决算比上年减少了多少？")
    assert close(fall.value, three["2023年决算数"] - three["2024年决算数"]) and "减少" in fall.answer
    rate = ask(sample, "三公经费决算同比下降了百分之多少？")
    assert close(rate.value, round((three["2023年决算数"] - three["2024年决算数"]) / three["2023年决算数"] * 100, 2))
    purchase = basic_row(gold, "政府采购金额")
    times = ask(sample, "2024年政府采购金额决算数是预算数的多少倍？")
    assert close(times.value, round(purchase["2024年决算数"] / purchase["2024年预算数"], 2)) and times.unit == "倍"
    spent = ask(sample, "政府采购金额2024年执行率是多少？")  # no printed rate: 决算数 ÷ 预算数
    assert close(spent.value, round(purchase["2024年决算数"] / purchase["2024年预算数"] * 100, 2))


def test_comparisons_with_a_number_or_another_figure_say_whether_they_hold():
    sample = SAMPLES / "002_1b038c9877a00c9c.txt"
    reached = ask(sample, "运行维护费项目执行率是否达到100%？")
    assert reached.value == 56.7 and "不达到100%" in reached.answer
    above = ask(sample, "编外用工人员经费项目全年执行数是否超过90万元？")
    assert "超过90万元" in above.answer and "不超过" not in above.answer
    agree = ask(SAMPLES / "000_9f4ecd25e267d59e.txt", "正文的自评分与部门整体支出绩效自评表总分是否一致？")
    assert agree.value == 98 and "等于部门整体支出绩效自评表·总分98分" in agree.answer
    assert {e.line for e in agree.evidence} == {1418, 219}


def test_an_attachment_number_names_its_table():
    sample = SAMPLES / "000_9f4ecd25e267d59e.txt"
    gold = GoldReport.model_validate(gold_for(sample))
    for table in [t for t in gold.tables if t.title and t.kind == "project"]:
        number = table.title.split()[0]
        answer = ask(sample, f"{number}的自评总分是多少？")
        assert close(answer.value, table.total_score), (number, answer.answer)


def test_a_question_about_nothing_neither_answers_nor_takes_over_the_conversation():
    sample = SAMPLES / "000_9f4ecd25e267d59e.txt"
    first = ask(sample, "食品监管专项的自评总分是多少？")
    noise = ask(sample, "？？？", [first])
    assert noise.value is None and NOT_FOUND in noise.answer and noise.evidence
    lost = ask(sample, "那扣了多少分？", [first, noise])
    assert close(lost.value, 100 - first.value)


def test_both_in_a_follow_up_means_the_last_two_figures_asked_about():
    sample = SAMPLES / "002_1b038c9877a00c9c.txt"
    budget = ask(sample, "运行维护费项目的全年预算数是多少？")
    spent = ask(sample, "那它的全年执行数呢？", [budget])
    apart = ask(sample, "两者相差多少？", [budget, spent])
    assert close(apart.value, budget.value - spent.value)
    assert {e.line for e in apart.evidence} == {budget.evidence[0].line, spent.evidence[0].line}


@pytest.mark.parametrize("name, question, value, line, printed", [
    # neimenggu_linhe l.7 "上級下達的補助資金總額118萬元 ... 臨河農場補助資金35萬元"
    ("neimenggu_linhe_2023_fangzaijianzai", "上级下达的补助资金总额是多少？", 118, 7, "補助資金總額118萬元"),
    ("neimenggu_linhe_2023_fangzaijianzai", "临河农场补助资金多少？", 35, 7, "臨河農場補助資金35萬元"),
    # unknown_nd_2024_nongjigouzhi l.4 "年初預(yù)算合計2389萬元" (traditional with pinyin glosses)
    ("unknown_nd_2024_nongjigouzhi", "年初预算合计多少？", 2389, 4, "年初預(yù)算合計2389萬元"),
])
def test_a_question_in_simplified_characters_finds_a_figure_printed_in_traditional(name, question, value, line, printed):
    document = api.load(ROOT / "evals" / "field" / "dev" / f"{name}.txt")
    answer = answer_question(api.check(document), document, question, [])
    assert close(answer.value, value), answer.answer
    # the evidence quotes the line as printed, in its own characters
    assert answer.evidence[0].line == line and printed in answer.evidence[0].quote, answer.evidence
    assert answer.evidence[0].quote in document.line_text(line)
    # the answer quotes that line as printed, not converted to simplified characters
    assert f"“{answer.evidence[0].quote}”" in answer.answer and printed in answer.answer, answer.answer
