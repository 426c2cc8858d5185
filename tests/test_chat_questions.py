"""Reviewers' questions in their own words, over the five samples (issue 17 item 3): lists, comparisons, the tool's
own results, follow-ups with history, lookups, placeholder rows and questions the report cannot answer.

Expected answers are read off the reports through the gold tables (evals/gold/*.json); those about the tool's own
results (复核得分, findings) come from `selfeval check --format json` run at test time, never from the chat."""
import functools
import json
import subprocess
import sys

import pytest

from assistant import api
from assistant.chat import answer_question
from schemas import GoldReport
from tests.conftest import SAMPLES, gold_for

NOT_FOUND = "报告中未找到"
S000 = SAMPLES / "000_9f4ecd25e267d59e.txt"
S001 = SAMPLES / "001_8744007de10ea853.txt"
S002 = SAMPLES / "002_1b038c9877a00c9c.txt"


@functools.cache
def loaded(path):
    document = api.load(path)
    return api.check(document), document


@functools.cache
def checked_json(path) -> dict:
    """What `selfeval check --format json` says of the report: the reference for the tool's own results."""
    run = subprocess.run([sys.executable, "-m", "assistant", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def ask(path, *questions: str):
    """The answer to the last question, the earlier ones asked before it in the same chat."""
    report, document = loaded(path)
    history = []
    for question in questions:
        history.append(answer_question(report, document, question, list(history)))
    return history[-1]


def gold(path) -> GoldReport:
    return GoldReport.model_validate(gold_for(path))


def projects(path):
    return [(index, t) for index, t in enumerate(gold(path).tables) if t.kind == "project"]


def lost(path) -> list[tuple[str, float]]:
    """(name, points lost) of every scored indicator row below its 分值, placeholder rows aside."""
    return [(i.level3, i.weight - i.score) for t in gold(path).tables for i in t.indicators
            if i.level3 and i.level3 != "……" and i.weight is not None and i.score is not None and i.score < i.weight]


# lists ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["哪些指标扣分了？", "哪些指标得分低于分值？", "列出所有没拿满分的指标"])
def test_every_indicator_that_lost_points_is_named(question):
    rows = lost(S000)
    answer = ask(S000, question)
    assert answer.value == len(rows) + sum(1 for t in gold(S000).tables
                                           if t.funds_total and t.funds_total.score < t.funds_total.weight)
    assert all(name in answer.answer for name, _ in rows)


@pytest.mark.parametrize("question", ["哪些项目执行率不到100%？", "哪些项目执行率低于100%？"])
def test_projects_below_a_rate_are_listed_and_none_is_said_so(question):
    below = [t.name for _, t in projects(S002) if t.funds_total.execution_rate < 100]
    answer = ask(S002, question)
    assert below and answer.value == len(below) and all(name in answer.answer.split("\n")[0] for name in below)
    assert ask(S000, question).answer.startswith("没有")  # every project of 000 spent its whole budget


@pytest.mark.parametrize("question", ["各项目执行率分别是多少？", "每个专项的执行率是多少？"])
def test_each_projects_rate_as_a_small_table(question):
    answer = ask(S002, question)
    for index, table in projects(S002):
        assert f"| 表{index + 1} {table.name} | {table.funds_total.execution_rate:g}% |" in answer.answer


@pytest.mark.parametrize("question", ["各项目的执行率和得分分别是多少？", "每个专项的执行率、得分各是多少？"])
def test_two_figures_of_each_project_in_one_table(question):
    answer = ask(S002, question)
    assert "| 执行率 | 总分 |" in answer.answer
    for index, table in projects(S002):
        row = next(r for r in answer.answer.splitlines() if r.startswith(f"| 表{index + 1} {table.name} |"))
        assert f"| {table.funds_total.execution_rate:g}%（第" in row and f"| {table.total_score:g}分（第" in row


def test_budget_and_spending_of_each_project():
    answer = ask(S000, "各专项的预算数和执行数分别是多少？")
    for index, table in projects(S000):
        row = next(r for r in answer.answer.splitlines() if r.startswith(f"| 表{index + 1} {table.name} |"))
        cells = [cell.split("（")[0].strip() for cell in row.strip("|").split("|")[1:]]
        assert cells == [f"{table.funds_total.full_year_budget:g}万元", f"{table.funds_total.executed:g}万元"]


def test_how_far_apart_after_a_comparison_is_the_gap_of_its_two_sides():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项和食品监管专项哪个预算多？", "差多少？")
    assert answer.value == abs(budgets["食品监管专项"] - budgets["药品监管专项"]) and answer.unit == "万元"
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项和食品监管专项哪个得分高？", "相差多少分？")
    assert answer.value == abs(scores["药品监管专项"] - scores["食品监管专项"])


def test_a_share_without_its_whole_is_of_the_figure_its_sentence_breaks_down():
    import re

    text = S001.read_text(encoding="utf-8")
    total = float(re.search(r"支出总金额([\d.]+)万元", text).group(1))
    projects_spent = float(re.search(r"项目支出([\d.]+)万元", text).group(1))
    answer = ask(S001, "项目支出占比是多少？")  # "2024年支出总金额8805.39万元。其中基本支出…，项目支出1926.04万元。"
    assert answer.value == round(projects_spent / total * 100, 2) and f"{total:g}" in answer.answer
    assert ask(S001, "项目支出占总支出的比例是多少？").value == round(projects_spent / total * 100, 2)


@pytest.mark.parametrize("question", ["列出所有定性指标", "有哪些定性指标？"])
def test_qualitative_indicators_are_those_whose_target_has_no_number(question):
    table = gold(S000).tables[0]
    qualitative = {i.level3 for i in table.indicators if not any(c.isdigit() for c in i.target or "0")}
    answer = ask(S000, question)
    assert {"安全放心的市场环境", "公众意识"} <= qualitative
    assert all(name in answer.answer for name in qualitative) and "执法及宣传次数" not in answer.answer


def test_counts_of_tables_and_indicators():
    assert ask(S000, "一共有几个项目？").value == len(projects(S000))
    assert ask(S000, "有几张自评表？").value == len(gold(S000).tables)
    satisfaction = [i for i in gold(S001).tables[1].indicators if i.level1 == "满意度指标"]
    assert ask(S001, "满意度指标有几个？").value == len(satisfaction)


@pytest.mark.parametrize("question", ["哪些指标没完成？", "哪些指标没有达到目标？"])
def test_indicators_missing_their_target(question):
    answer = ask(S001, question)
    for name in ("开展抽检产商品批次", "专利许可交易金额", "社会公众对食品安全满意度"):
        assert name in answer.answer


# comparisons ---------------------------------------------------------------------------------------------------

def test_the_project_with_the_lowest_and_highest_figure():
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    lowest = min(rates, key=rates.get)
    assert lowest in ask(S002, "哪个项目执行率最低？").answer.split("\n")[0]
    scores = {t.name: t.total_score for _, t in projects(S000)}
    assert ask(S000, "哪个项目自评得分最高？").value == max(scores.values())
    assert max(scores, key=scores.get) in ask(S000, "得分最高的专项是哪个？").answer
    assert min(scores, key=scores.get) in ask(S000, "哪个专项得分最低？").answer
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    assert max(budgets, key=budgets.get) in ask(S000, "哪个专项预算最多？").answer


def test_every_table_tied_for_the_lowest_rate_is_named():
    answer = ask(S000, "哪个项目执行率最低？")
    assert all(t.name in answer.answer.split("\n")[0] for _, t in projects(S000))


@pytest.mark.parametrize("question", ["药品监管专项和食品监管专项哪个得分高？", "食品监管专项与药品监管专项相比，谁的得分更高？"])
def test_which_of_two_tables_scored_higher(question):
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, question)
    assert answer.answer.startswith("药品监管专项得分较高") and answer.value == scores["药品监管专项"]
    assert f"相差{scores['药品监管专项'] - scores['食品监管专项']:g}分" in answer.answer


def test_which_of_two_indicators_lost_more():
    rows = dict(lost(S001))
    answer = ask(S001, "免费为开办企业赠送印章服务企业数和专利许可交易金额哪个扣分多？")
    assert answer.answer.startswith("专利许可交易金额扣分较多") and answer.value == rows["专利许可交易金额"]


def test_the_project_and_indicator_that_lost_most():
    scores = {t.name: t.total_score for _, t in projects(S000)}
    worst = min(scores, key=scores.get)
    answer = ask(S000, "哪个项目扣分最多？")
    assert worst in answer.answer and answer.value == 100 - scores[worst]
    name, most = max(lost(S000), key=lambda row: row[1])
    indicator = ask(S000, "哪个指标扣分最多？")
    assert name in indicator.answer and indicator.value == most


def test_a_tables_score_asked_alone_is_its_total():
    scores = {t.name: t.total_score for _, t in projects(S000)}
    assert ask(S000, "药品监管专项的得分是多少？").value == scores["药品监管专项"]
    gap = ask(S000, "药品监管专项的得分比食品监管专项高多少？")
    assert gap.value == scores["药品监管专项"] - scores["食品监管专项"]


# the tool's own results ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["复核后扣了几分？", "自评得分比复核得分高多少？"])
def test_the_review_takes_off_per_table(question):
    answer = ask(S000, question)
    for score in checked_json(S000)["scores"]:
        assert f"{abs(score['self_score'] - score['recomputed_score']):g}分" in answer.answer


def test_the_table_with_the_lowest_recomputed_score():
    scores = {s["table"]: s["recomputed_score"] for s in checked_json(S000)["scores"]}
    lowest = min(scores.values())
    answer = ask(S000, "哪个项目复核得分最低？")
    assert answer.value == lowest
    assert all(f"表{t + 1} " in answer.answer.split("\n")[0] for t, v in scores.items() if v == lowest)


@pytest.mark.parametrize("question, rule", [
    ("有几个占位行？", "placeholder_row"), ("哪些行是占位行？", "placeholder_row"),
    ("哪些指标不适用却计分了？", "not_applicable_scored"), ("哪些指标没完成却得了满分？", "target_not_met_full_score"),
    ("正文和表格有哪些不一致？", "text_table_mismatch")])
def test_the_findings_of_one_rule(question, rule):
    for path in (S000, S002):
        findings = [f for f in checked_json(path)["findings"] if f["rule"] == rule]
        answer = ask(path, question)
        if findings:
            assert answer.value == len(findings) and all(f["message"] in answer.answer for f in findings[:15])
        else:
            assert answer.answer.startswith("复核未发现") and answer.value == 0


@pytest.mark.parametrize("question", ["哪些偏差没写原因？", "哪些指标的偏差原因没有填写？", "哪些指标扣分了却没有说明原因？"])
def test_deviations_without_a_reason_are_all_named(question):
    rows = {f["row"] for f in checked_json(S000)["findings"] if f["rule"] == "missing_deviation_note"}
    answer = ask(S000, question)
    assert len(rows) > 15 and all(row in answer.answer for row in rows)


# follow-ups ----------------------------------------------------------------------------------------------------

def test_a_bare_difference_after_two_figures():
    scores = {s["table"]: s for s in checked_json(S000)["scores"]}
    department = scores[0]
    answer = ask(S000, "自评得分是多少？", "复核得分呢？", "差多少？")
    assert answer.value == abs(department["self_score"] - department["recomputed_score"])
    funds = dict(projects(S000))[2].funds_total
    budget = ask(S000, "药品监管专项的全年预算数是多少？", "全年执行数呢？", "相差多少？")
    assert budget.value == funds.full_year_budget - funds.executed


def test_a_bare_why_explains_the_previous_answer():
    answer = ask(S000, "哪些指标扣分了？", "为什么？")
    assert answer.answer.startswith("扣分的指标及原因") and all(name in answer.answer for name, _ in lost(S000))
    row = ask(S001, "社会公众对食品安全满意度得分是多少？", "扣了几分？", "为什么？")
    assert "社会公众对食品安全满意度" in row.answer and "总分应为" not in row.answer


def test_it_after_a_which_question_is_what_the_answer_picked():
    tables = dict(projects(S002))
    lowest = min(tables.values(), key=lambda t: t.funds_total.execution_rate)
    answer = ask(S002, "哪个项目执行率最低？", "它的预算是多少？")
    assert answer.value == lowest.funds_total.full_year_budget and lowest.name in answer.answer


def test_a_follow_up_naming_a_table_asks_the_same_of_it():
    drug = next(t for _, t in projects(S000) if t.name == "药品监管专项")
    row = next(i for i in drug.indicators if "社会公众满意度" in i.level3)
    answer = ask(S000, "社会公众满意度得了几分？", "那药品监管专项的呢？")
    assert answer.value == row.score and "药品监管专项" in answer.answer
    scores = {t.name: t.total_score for _, t in projects(S000)}
    total = ask(S000, "知识产权培育资助专项的得分是多少？", "药品监管专项呢？")
    assert total.value == scores["药品监管专项"]


def test_a_full_question_starts_afresh():
    answer = ask(S000, "为什么扣分？", "总分是多少")
    assert answer.value == gold(S000).tables[0].total_score


# lookups and what the report does not say ----------------------------------------------------------------------

def test_an_indicator_named_with_a_counted_word_is_found():
    row = gold(S000).tables[0].indicators[0]
    assert row.level3 == "执法及宣传次数"
    assert f"为{row.target}" in ask(S000, "执法及宣传次数的指标值是多少？").answer
    assert f"为{row.actual}" in ask(S000, "执法及宣传次数的实际完成值是多少？").answer


def test_a_groups_score_is_its_rows_sum():
    rows = [i for i in gold(S001).tables[1].indicators if i.level1 == "满意度指标"]
    assert ask(S001, "满意度指标得了多少分？").value == pytest.approx(sum(i.score for i in rows))


@pytest.mark.parametrize("question", ["报告中有没有提到绩效评价专家组？", "第三方评估机构的名称是什么？"])
def test_what_the_report_does_not_say(question):
    answer = ask(S000, question)
    assert NOT_FOUND in answer.answer and answer.value is None


# a report with no tables: the projects its narrative numbers ------------------------------------------------------

S003 = SAMPLES / "003_1fd1934784c8d720.txt"
# read off 003's section （二）项目支出绩效情况: six numbered projects, each quoted, with what it spent
S003_PROJECTS = {"市场及食品药品监管专项": 139.98, "知识产权专项": 65.47, "食品安全监督抽检及工作经费": 48.57,
                 "经开区市场监督管理专项": 44.31, "标准化及质量专项经费": 34.32, "市场主体培育纳税申报服务工作经费": 28.72}


def test_the_projects_a_narrative_numbers():
    count = ask(S003, "有几个项目？")
    assert count.value == len(S003_PROJECTS) and all(f"“{name}”" in count.answer for name in S003_PROJECTS)
    most = ask(S003, "哪个项目支出最多？")
    assert most.value == max(S003_PROJECTS.values()) and "“市场及食品药品监管专项”" in most.answer.split("\n")[0]
    each = ask(S003, "各项目分别支出多少？")
    assert all(f"| {name} | {value:g}" in each.answer for name, value in S003_PROJECTS.items())


def test_narrative_counts_and_totals_in_reviewers_words():
    # 003 line 31 "共计检查4854户次"; line 12 "2023年支出1359.46万元，其中…项目支出361.37万元"
    assert ask(S003, "检查多少户次？").value == 4854
    share = ask(S003, "项目支出占总支出的比例是多少？")
    assert share.value == round(361.37 / 1359.46 * 100, 2) and "1359.46" in share.answer


def test_follow_ups_that_name_no_subject_of_their_own():
    row = next(i for i in gold(S001).tables[1].indicators if i.level3 == "专利许可交易金额")
    chain = ("专利许可交易金额的指标值是多少？", "实际完成了多少？")
    assert f"为{row.actual}" in ask(S001, *chain).answer
    assert ask(S001, *chain, "扣了几分？").value == row.weight - row.score
    funds = next(t for _, t in projects(S002) if t.name == "运行维护费").funds_total
    assert ask(S002, "运行维护费的全年预算数是多少？", "执行了多少？").value == funds.executed
    why = ask(S002, "运行维护费的执行率是多少？", "为什么没有达到100%？")
    assert f"执行率为{funds.execution_rate:g}%" in why.answer and "低于100%" in why.answer
    drug = {s["table"]: s for s in checked_json(S000)["scores"]}[2]
    review = ask(S000, "药品监管专项得了多少分？", "复核后呢？")
    assert review.value == drug["recomputed_score"]
    again = ask(S000, "复核得分是多少？", "药品监管专项呢？")
    assert again.value == drug["recomputed_score"]


def test_more_list_phrasings():
    rows = lost(S000)
    for question in ("扣分的有哪些？", "哪些项目有扣分？"):
        assert all(name in ask(S000, question).answer for name, _ in rows)
    full = [t.name for _, t in projects(S000) if t.funds_total.execution_rate == 100]
    answer = ask(S000, "哪几个专项执行率是100%？")
    assert answer.value == len(full) and all(name in answer.answer.split("\n")[0] for name in full)
    errors = [f for f in checked_json(S000)["findings"] if f["severity"] == "error"]
    assert ask(S000, "列出所有错误").value == len(errors)
    missed = ask(S001, "哪些指标的完成值低于指标值？")
    assert all(name in missed.answer for name in ("开展抽检产商品批次", "专利许可交易金额", "社会公众对食品安全满意度"))


@pytest.mark.parametrize("question", ["药品监管专项比食品监管专项得分高吗？", "药品监管专项的得分是否高于食品监管专项？",
                                      "药品监管专项得分高还是食品监管专项得分高？",
                                      "药品监管专项、食品监管专项、质量发展专项中哪个得分最高？"])
def test_yes_no_and_many_sided_comparisons(question):
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, question)
    assert answer.value == scores["药品监管专项"] and answer.answer.startswith("药品监管专项")


def test_a_side_naming_only_a_year_takes_the_other_sides_words():
    # 001's basic-data table: 三公经费 决算 2023年 86.25, 2024年 46.82 (lines 209, 211)
    answer = ask(S001, "2024年和2023年三公经费决算数哪个多？")
    assert answer.value == 86.25 and answer.answer.startswith("2023年")


def test_the_group_and_the_score_rate_extremes():
    drug = dict((t.name, t) for _, t in projects(S000))["药品监管专项"]
    by_group: dict[str, float] = {}
    for row in drug.indicators:
        by_group[row.level1] = by_group.get(row.level1, 0) + row.weight - row.score
    worst = max(by_group, key=by_group.get)
    answer = ask(S000, "药品监管专项哪个一级指标扣分最多？")
    assert answer.value == by_group[worst] and f"一级指标是{worst}" in answer.answer
    rows = [i for i in gold(S001).tables[1].indicators if i.weight and i.score is not None]
    lowest = min(rows, key=lambda i: i.score / i.weight)
    rate = ask(S001, "哪个指标的得分率最低？")
    assert lowest.level3 in rate.answer and rate.value == round(lowest.score / lowest.weight * 100, 2)


def test_derived_figures_of_a_funds_row():
    funds = next(t for _, t in projects(S002) if t.name == "运行维护费").funds_total
    both = ask(S002, "运行维护费的执行率得分是多少？")
    assert both.value == funds.score and f"执行率{funds.execution_rate:.2f}%" in both.answer
    expected = round(funds.weight * funds.executed / funds.full_year_budget, 2)
    assert ask(S002, "运行维护费执行率得分应为多少？").value == expected
    assert ask(S002, "运行维护费未执行的预算是多少？").value == round(funds.full_year_budget - funds.executed, 2)


@pytest.mark.parametrize("question", ["按评分规则，部门整体支出应得多少分？", "核定得分是多少？", "本工具算出的得分是多少？"])
def test_the_recomputed_score_in_other_words(question):
    department = {s["table"]: s for s in checked_json(S000)["scores"]}[0]
    assert ask(S000, question).value == department["recomputed_score"]


def test_findings_counted_in_other_words_and_by_table():
    findings = checked_json(S000)["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    for question in ("有多少条错误？", "表格计算有错误吗？"):
        assert ask(S000, question).value == len(errors)
    quality = [f for f in findings if f["table"] == 4]
    assert ask(S000, "质量发展专项有哪些问题？").value == len(quality)
    assert ask(S001, "部门整体支出绩效自评表复核后是多少分？").value == checked_json(S001)["scores"][0]["recomputed_score"]


def test_follow_ups_on_a_list_answer():
    tables = dict(projects(S002))
    lowest = min(tables.values(), key=lambda t: t.funds_total.execution_rate)
    assert ask(S002, "各项目执行率是多少？", "哪个最低？").value == lowest.funds_total.execution_rate
    why = ask(S002, "哪些项目执行率不到100%？", "为什么？")
    assert f"{lowest.name}·年度资金总额·执行率" in why.answer and "低于100%" in why.answer
    assert ask(S002, "哪些项目执行率不到100%？", "它扣了几分？").value == pytest.approx(100 - lowest.total_score)
    # 001's basic-data table: 三公经费 决算 2023年 86.25 (line 209)
    assert ask(S001, "2024年三公经费决算数是多少？", "2023年呢？").value == 86.25
    because = ask(S000, "药品监管专项的总分是多少？", "复核得分呢？", "为什么不一样？")
    drug = [f["message"] for f in checked_json(S000)["findings"] if f["table"] == 2]
    assert because.answer.startswith("自评得分与复核得分之差") and "表3 药品监管专项" in because.answer
    assert f"共{len(drug)}条" in because.answer and all(m in because.answer for m in drug[:15])


def test_a_narrative_figure_asked_with_a_verb_the_report_shortens():
    # 000 line 1395: "企业年报率达91.26%，个体年报率达91.71%"
    assert ask(S000, "个体年报率达到多少？").value == 91.71


def test_a_name_holding_and_is_one_side_of_a_comparison():
    answer = ask(S003, "市场及食品药品监管专项和知识产权专项哪个实际支出多？")
    assert answer.value == S003_PROJECTS["市场及食品药品监管专项"] and answer.answer.startswith("市场及食品药品监管专项")


def test_tables_by_the_number_answers_give_them():
    tables = gold(S000).tables
    assert ask(S000, "表3的总分是多少？").value == tables[2].total_score
    assert ask(S000, "第二张自评表的全年预算数是多少？").value == tables[1].funds_total.full_year_budget
    assert ask(S000, "表6扣了几分？").value == 100 - tables[5].total_score
    assert ask(S002, "表4的执行率是多少？").value == gold(S002).tables[3].funds_total.execution_rate


def test_which_is_larger_and_by_how_much():
    # 003 line 12: "其中基本支出998.09万元，项目支出361.37万元"
    answer = ask(S003, "基本支出与项目支出哪个多？多多少？")
    assert answer.answer.startswith("基本支出较多") and answer.value == round(998.09 - 361.37, 2)


def test_a_side_naming_only_a_column_takes_the_other_sides_subject():
    # 001's basic-data table: 三公经费 2024年 预算数 99.51, 决算数 46.82 (lines 210, 211)
    answer = ask(S001, "三公经费预算数和决算数哪个大？")
    assert answer.value == 99.51 and "三公经费决算数46.82万元" in answer.answer


def test_a_narrative_items_spending_is_not_its_budget():
    # 003 line 26: "“市场及食品药品监管专项”年初预算金额70万元,追加69.88万元，实际支出139.98万元"
    assert ask(S003, "市场及食品药品监管专项支出多少？").value == 139.98
    assert ask(S003, "知识产权专项年初预算是多少？").value == 20


def test_why_the_review_scored_otherwise():
    scores = {s["table"]: s for s in checked_json(S002)["scores"]}
    answer = ask(S002, "业务工作经费的复核得分是多少？", "为什么扣了5分？")
    assert answer.value == scores[2]["self_score"] - scores[2]["recomputed_score"]
    assert "占位行" in answer.answer  # the review does not score the "……" row the table scored


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """Sample 000's tables as a workbook written at test time by evals/tools/render.py."""
    from tests.conftest import eval_tool

    render = eval_tool("render")
    out = tmp_path_factory.mktemp("rendered")
    render.render(render.sample_sheet(S000.read_text(encoding="utf-8")), S000.stem, out, ("xlsx",))
    return out / "xlsx" / f"{S000.stem}.xlsx"


@pytest.mark.parametrize("question", ["年度预算执行率是多少？", "哪些指标扣分了？", "复核得分是多少？"])
def test_chat_evidence_names_the_sheet_cell_that_holds_it(workbook, question):
    import openpyxl

    document = api.load(workbook.read_bytes(), workbook.name)
    answer = answer_question(api.check(document), document, question, [])
    sheets = openpyxl.load_workbook(workbook, read_only=False)
    quoted = [e for e in answer.evidence if e.line]
    assert quoted
    for item in quoted:
        assert item.location is not None and item.location.cell, item
        held = "".join(str(sheets[item.location.sheet][item.location.cell].value).split())
        assert "".join(item.quote.split()) in held, (item, held)
