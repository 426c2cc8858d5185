"""Reviewers' questions of round 5 (issue 17): what is left of a budget — 结余额 = 预算数 − 执行数, 结余率/节约率 =
结余 ÷ 预算数 — asked of a project or of the whole department, including one that spent more than its budget.

Expected figures are read off the gold tables (evals/gold/*.json, transcribed from the samples' own text)."""
import re

import pytest

from tests.test_chat_questions import S000, S001, S002, ask, gold, projects
from tests.test_chat_reviewer_questions import basic_row


def project_funds(path, name):
    return next(t for _, t in projects(path) if t.name == name).funds_total


def department_funds(path):
    return next(t for t in gold(path).tables if t.kind == "department_overall").funds_total


@pytest.mark.parametrize("question", ["运行维护费的节约率是多少？", "运行维护费资金结余率为多少", "运行维护费的结余比例是多少？"])
def test_a_projects_left_over_rate_is_the_unspent_share_of_its_budget(question):
    funds = project_funds(S002, "运行维护费")
    answer = ask(S002, question)
    assert answer.value == round((funds.full_year_budget - funds.executed) / funds.full_year_budget * 100, 1)
    assert answer.unit == "%" and f"{funds.full_year_budget:g}" in answer.answer and f"{funds.executed:g}" in answer.answer


@pytest.mark.parametrize("question", ["运行维护费的预算结余额是多少？", "运行维护费预算结余多少万元？"])
def test_a_projects_left_over_sum_is_budget_less_spending(question):
    funds = project_funds(S002, "运行维护费")
    assert ask(S002, question).value == round(funds.full_year_budget - funds.executed, 2)


def test_spending_past_the_budget_leaves_a_negative_left_over():
    funds = department_funds(S001)  # 001 spent more than its full-year budget
    assert funds.executed > funds.full_year_budget
    rate = ask(S001, "结余率是多少？")
    assert rate.value == round((funds.full_year_budget - funds.executed) / funds.full_year_budget * 100, 1) < 0
    assert ask(S001, "预算结余额是多少？").value == round(funds.full_year_budget - funds.executed, 2)


def test_a_budget_spent_in_full_leaves_nothing():
    funds = department_funds(S000)
    assert funds.executed == funds.full_year_budget
    assert ask(S000, "部门整体的节约率是多少？").value == 0


# two requests in one question --------------------------------------------------------------------------------------

def test_a_rate_and_its_lost_points_are_both_answered():
    funds = project_funds(S002, "运行维护费")
    answer = ask(S002, "运行维护费的执行率是多少，扣了几分？")
    first, second = answer.answer.split("\n")[:2]
    assert f"{funds.execution_rate:g}%" in first  # the rate the table prints (56.70%)
    assert answer.value == round(funds.weight - funds.score, 2) and "扣" not in first and "4.33" not in first
    assert len(answer.evidence) >= 3  # the rate's cell and the two figures of the deduction


@pytest.mark.parametrize("question", ["列出扣分的指标并说明原因", "列出扣分的指标，并说明原因"])
def test_listing_the_lost_points_with_their_reasons(question):
    lost = [(i.level3, i.weight - i.score, i.deviation_note) for t in gold(S000).tables for i in t.indicators
            if i.level3 and i.weight is not None and i.score is not None and i.score < i.weight]
    answer = ask(S000, question).answer
    assert "扣分的指标及原因" in answer
    noted = [(name, reason) for name, _, reason in lost if reason]
    assert noted and all(name in answer and reason.strip()[:8] in answer for name, reason in noted[:5])


def test_one_clause_that_asks_nothing_stays_one_question():
    funds = project_funds(S002, "运行维护费")
    answer = ask(S002, "按全年执行数除以全年预算数计算，运行维护费的执行率是多少？")
    assert "\n" not in answer.answer.split("。依据")[0]
    assert answer.value == round(funds.executed / funds.full_year_budget * 100, 1)


# the parts of a group ----------------------------------------------------------------------------------------------

def test_each_of_two_parts_asked_with_ge():
    text = S002.read_text(encoding="utf-8")
    # the department table's split by kind of spending: "其中：基本支出：…" and, a cell on, "项目支出：…"
    split = re.search(r"其中：基本支出：\s*([\d.]+)\s+\S+\s+项目支出：\s*([\d.]+)", text)
    basic, projects_spent = float(split.group(1)), float(split.group(2))
    answer = ask(S002, "基本支出和项目支出各多少？")
    assert f"基本支出：{basic:g}万元" in answer.answer and f"项目支出：{projects_spent:g}万元" in answer.answer


def test_each_projects_left_over_and_the_largest():
    left = {t.name: round(t.funds_total.full_year_budget - t.funds_total.executed, 2) for _, t in projects(S002)}
    answer = ask(S002, "各项目的结余额分别是多少？").answer
    assert all(f"{name} | {value:g}万元 |" in answer for name, value in left.items())
    most = max(left, key=left.get)
    answer = ask(S002, "哪个项目结余最多？")
    assert answer.value == left[most] and most in answer.answer.split("：")[0]


# 和 inside a name ---------------------------------------------------------------------------------------------------

def test_a_name_holding_he_is_one_side_of_a_comparison():
    car = float(basic_row(S002, "1、公务用车购置和维护经费")["2023年决算数"])
    spent = float(basic_row(S002, "项目支出：")["2023年决算数"])
    answer = ask(S002, "公务用车购置和维护经费和项目支出哪个少？")
    assert answer.value == min(car, spent) and answer.answer.startswith("公务用车购置和维护经费较少：")
    assert f"{car:g}" in answer.answer and f"{spent:g}" in answer.answer


def test_a_name_holding_he_is_one_of_several_asked():
    car = float(basic_row(S002, "1、公务用车购置和维护经费")["2023年决算数"])
    answer = ask(S002, "公务用车购置和维护经费与项目支出分别是多少？")
    assert answer.answer.count("：") >= 2 and answer.answer.startswith(f"公务用车购置和维护经费：决算数{car:g}万元")


def test_a_basic_data_rows_left_over_is_its_budget_less_its_final_account():
    cells = basic_row(S002, "三公经费")  # no 全年预算数 here: the row's own 预算数 and 决算数 of the year
    budget, final = float(cells["2023年预算数"]), float(cells["2023年决算数"])
    assert ask(S002, "三公经费的预算结余是多少？").value == round(budget - final, 2)
    rate = ask(S002, "三公经费的节约率是多少？")
    assert abs(rate.value - (budget - final) / budget * 100) < 0.01 and rate.unit == "%"


# rank and extremes ------------------------------------------------------------------------------------------------

def test_how_far_the_highest_projects_rate_stands_from_the_lowest():
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    answer = ask(S002, "执行率最高的项目和最低的项目差多少？")
    assert answer.value == round(max(rates.values()) - min(rates.values()), 2)
    lowest = min(rates, key=rates.get)
    assert lowest in answer.answer.split("最低的是")[1].split("（")[0]


def test_how_far_the_largest_budget_stands_from_the_smallest():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S002)}
    answer = ask(S002, "全年预算数最多和最少的项目差额是多少？")
    assert answer.value == round(max(budgets.values()) - min(budgets.values()), 2) and answer.unit == "万元"
    assert max(budgets, key=budgets.get) in answer.answer.split("最低的是")[0]


def test_the_measure_after_two_names_is_asked_of_both():
    funds = {t.name: t.funds_total for _, t in projects(S002)}
    answer = ask(S002, "运行维护费和业务工作经费的执行率相差多少？")
    assert answer.value == round(abs(funds["运行维护费"].execution_rate - funds["业务工作经费"].execution_rate), 2)
    assert all("执行率" in e.quote or "%" in e.quote for e in answer.evidence)


@pytest.mark.parametrize("question, descending", [("按执行率从高到低排列项目", True), ("各项目执行率从低到高排序", False)])
def test_projects_ranked_by_a_figure(question, descending):
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    rows = [line for line in ask(S002, question).answer.split("\n") if line.startswith("| ") and "名次" not in line]
    names = [next(n for n in rates if n in row) for row in rows]
    assert [rates[n] for n in names] == sorted(rates.values(), reverse=descending) and len(names) == len(rates)
    places = [int(row.split("|")[1]) for row in rows]
    assert places == [1 + sum((r > rates[n]) if descending else (r < rates[n]) for r in rates.values()) for n in names]


@pytest.mark.parametrize("question", ["三公经费下降幅度是多少？", "三公经费的降幅是多少？"])
def test_the_size_of_a_change_is_a_percent_of_last_year(question):
    cells = basic_row(S002, "三公经费")
    before, now = float(cells["2022年决算数"]), float(cells["2023年决算数"])
    answer = ask(S002, question)
    assert abs(answer.value - abs(now - before) / before * 100) < 0.01 and answer.unit == "%"
    assert "下降" in answer.answer


def test_the_size_of_a_change_asked_as_a_follow_up():
    cells = basic_row(S002, "三公经费")
    before, now = float(cells["2022年决算数"]), float(cells["2023年决算数"])
    answer = ask(S002, "三公经费比上年下降了多少？", "降幅呢？")
    assert abs(answer.value - abs(now - before) / before * 100) < 0.01 and answer.unit == "%"
