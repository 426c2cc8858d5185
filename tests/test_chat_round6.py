"""Reviewers' questions of round 6 (issue 17): gaps between rates in 个百分点, two requests whose parts are said once,
the parts of a group (三公经费, 项目支出, 基本支出 and 项目支出), follow-ups that keep the measure and scope of a list
or a comparison.

Expected figures are read off the gold tables (evals/gold/*.json, transcribed from the samples' own text)."""
import pytest

from tests.test_chat_questions import S000, S002, ask, gold, projects


def rates(path):
    return {t.name: t.funds_total.execution_rate for _, t in projects(path)}


# gaps between rates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["运行维护费的执行率比业务工作经费低多少？", "运行维护费和业务工作经费的执行率相差多少？"])
def test_the_gap_between_two_rates_is_in_points(question):
    gap = round(rates(S002)["业务工作经费"] - rates(S002)["运行维护费"], 2)
    answer = ask(S002, question)
    assert answer.value == gap and answer.unit == "个百分点"
    assert f"{gap:g}个百分点" in answer.answer and f"{gap:g}%" not in answer.answer


def test_a_rate_short_of_a_hundred_percent_is_in_points():
    rate = rates(S002)["运行维护费"]
    answer = ask(S002, "运行维护费的执行率比100%低多少？")
    assert answer.value == round(100 - rate, 2) and f"低{100 - rate:g}个百分点" in answer.answer


def test_the_spread_of_the_projects_rates_and_a_bare_gap_are_in_points():
    spread = round(max(rates(S002).values()) - min(rates(S002).values()), 2)
    assert f"{spread:g}个百分点" in ask(S002, "执行率最高的项目和最低的项目差多少？").answer
    answer = ask(S002, "运行维护费的执行率是多少？", "业务工作经费的执行率是多少？", "差多少？")
    assert answer.value == spread and answer.unit == "个百分点"


# two requests in one question ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [S000, S002])
def test_a_list_asked_with_its_reasons_is_given_once(path):
    answer = ask(path, "列出扣分的指标，并说明原因").answer
    assert answer.count("扣分的指标") == 1 and "扣分的指标及原因" in answer
    items = [line for line in answer.split("\n") if line[:1].isdigit()]
    assert len(items) == len(set(items))


def test_a_figure_then_why_states_the_figure_once_and_keeps_it_as_the_value():
    rate = rates(S002)["运行维护费"]
    answer = ask(S002, "运行维护费的执行率是多少，为什么没到100%？")
    assert answer.value == rate and answer.answer.count(f"{rate:g}%（") == 1
