"""More reviewers' questions over the five samples (issue 17, rounds 4 and 8): comparisons, derived figures, lists and
the follow-ups that lean on them, in wordings the chat had not met before.

Expected answers are read off the reports: the gold tables (evals/gold/*.json) and the samples' own text; those about
the tool's own results come from `selfeval check --format json` run at test time, never from the chat."""
import re

import pytest

from tests.test_chat_questions import NOT_FOUND, S000, S001, S002, SAMPLES, ask, checked_json, gold, projects

S003 = SAMPLES / "003_1fd1934784c8d720.txt"
S004 = SAMPLES / "004_cc7bd27ce374c8f5.txt"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
TARGET = re.compile(r"^[≥≧≤≦=＝<>]?\s*(\d+(?:\.\d+)?)\s*(\D*)$")  # "≧95%", "19辆": a number and its unit


def project(path, name):
    return next(t for _, t in projects(path) if t.name == name)


def basic_row(path, label) -> dict:
    """A row of the basic-data table, its printed cells by the header above it ("2022年决算数" …)."""
    rows = gold(path).tables[0].rows
    position = next(i for i, r in enumerate(rows) if r.label == label)
    header = next(r for r in reversed(rows[:position]) if any(v and "年" in v for v in r.values))
    return dict(zip(header.values, rows[position].values))


# derived figures ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["三公经费比上年增长还是下降？", "三公经费决算数与上年相比是增长还是下降？",
                                      "三公经费是增加了还是减少了？"])
def test_rise_or_fall_is_the_change_and_its_direction(question):
    cells = basic_row(S002, "三公经费")
    before, now = float(cells["2022年决算数"]), float(cells["2023年决算数"])
    answer = ask(S002, question)
    assert answer.value == round(abs(now - before), 2)
    assert ("下降" if now < before else "增长") in answer.answer


def test_rise_or_fall_after_a_figure_is_of_that_figure():
    cells = basic_row(S002, "三公经费")
    answer = ask(S002, "三公经费决算数是多少？", "上年呢？", "增长还是下降？")
    assert answer.value == round(abs(float(cells["2023年决算数"]) - float(cells["2022年决算数"])), 2)


def test_a_rate_below_a_number_is_a_gap_in_points():
    rate = project(S002, "运行维护费").funds_total.execution_rate
    answer = ask(S002, "运行维护费的执行率比100%低多少？")
    assert answer.value == round(100 - rate, 2) and "÷" not in answer.answer


@pytest.mark.parametrize("questions", [("运行维护费还有多少钱没花？",),
                                       ("运行维护费的全年预算数是多少？", "执行了多少？", "还剩多少？")])
def test_money_left_unspent(questions):
    funds = project(S002, "运行维护费").funds_total
    assert ask(S002, *questions).value == round(funds.full_year_budget - funds.executed, 2)


def test_a_share_of_the_projects_total():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项的全年预算数占五个专项合计的比例是多少？")
    assert answer.value == round(budgets["药品监管专项"] / sum(budgets.values()) * 100, 2)


@pytest.mark.parametrize("question, average", [("五个专项的得分合计是多少？", False), ("各专项平均得分是多少？", True)])
def test_the_projects_scores_added_up_are_their_totals(question, average):
    totals = [t.total_score for _, t in projects(S000)]
    answer = ask(S000, question)
    assert answer.value == round(sum(totals) / (len(totals) if average else 1), 2)


def test_several_figures_of_one_project():
    table = project(S000, "药品监管专项")
    answer = ask(S000, "药品监管专项的执行率和得分分别是多少？")
    assert f"执行率{table.funds_total.execution_rate:g}%" in answer.answer and f"总分{table.total_score:g}分" in answer.answer
    funds = project(S002, "运行维护费").funds_total
    cells = ask(S002, "运行维护费的全年预算数、全年执行数和执行率分别是多少？").answer
    assert all(f"{value:g}" in cells for value in (funds.full_year_budget, funds.executed, funds.execution_rate))


def test_several_named_figures_then_how_far_apart_and_which_is_larger():
    text = S001.read_text(encoding="utf-8")
    basic, projects_spent = (float(v) for v in re.search(r"其中基本支出([\d.]+)万元，项目支出([\d.]+)万元", text).groups())
    answer = ask(S001, "基本支出和项目支出分别是多少？")
    assert f"{basic:g}万元" in answer.answer and f"{projects_spent:g}万元" in answer.answer
    assert ask(S001, "基本支出和项目支出分别是多少？", "差多少？").value == round(abs(basic - projects_spent), 2)
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项的得分是多少？", "那食品监管专项的呢？", "哪个高？")
    higher = max(("药品监管专项", "食品监管专项"), key=scores.get)
    assert answer.value == scores[higher] and answer.answer.startswith(higher)


# comparisons --------------------------------------------------------------------------------------------------------

def test_two_projects_budgets_are_both_their_tables():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S002)}
    answer = ask(S002, "业务工作经费和运行维护费哪个预算多？")
    assert answer.value == max(budgets["业务工作经费"], budgets["运行维护费"])
    assert f"{budgets['运行维护费']:g}万元" in answer.answer and f"{budgets['业务工作经费']:g}万元" in answer.answer
    assert ask(S002, "业务工作经费和运行维护费哪个预算多？", "多多少？").value == \
        round(abs(budgets["业务工作经费"] - budgets["运行维护费"]), 2)


def test_two_indicators_scores_show_each_score_not_its_weight():
    rows = {i.level3: i for i in gold(S000).tables[0].indicators}
    first, second = rows["监管覆盖率"], rows["执法及宣传次数"]
    answer = ask(S000, "监管覆盖率和执法及宣传次数哪个得分高？")
    assert answer.value == max(first.score, second.score)
    assert f"得分{first.score:g}分" in answer.answer and f"得分{second.score:g}分" in answer.answer


@pytest.mark.parametrize("question", ["哪个指标偏差最大？", "哪个指标的完成值与指标值差距最大？"])
def test_the_indicator_farthest_from_its_target(question):
    gaps = {}
    for table in gold(S002).tables:
        for row in table.indicators:
            target, actual = TARGET.match(row.target or ""), TARGET.match(row.actual or "")
            if target and actual and target.group(2) == actual.group(2) and float(target.group(1)):
                gaps[row.level3] = abs(float(actual.group(1)) / float(target.group(1)) - 1)
    widest = max(gaps.values())
    answer = ask(S002, question)
    assert any(name in answer.answer for name, gap in gaps.items() if abs(gap - widest) < 1e-9)
    assert abs(abs(answer.value) - round(widest * 100, 2)) <= 0.01


def test_the_table_whose_self_score_and_review_differ_most():
    gaps = {s["table"]: abs(s["self_score"] - s["recomputed_score"]) for s in checked_json(S000)["scores"]
            if s["self_score"] is not None and s["recomputed_score"] is not None}
    widest = max(gaps, key=gaps.get)
    answer = ask(S000, "哪张表自评得分和复核得分相差最大？")
    assert f"表{widest + 1}" in answer.answer.split("\n")[0] and abs(abs(answer.value) - gaps[widest]) <= 0.01


# lists ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, full", [("哪些项目得了满分？", True), ("哪些项目没拿满分？", False)])
def test_projects_with_and_without_full_marks(question, full):
    for path in (S000, S002):
        hits = [t.name for _, t in projects(path) if (t.total_score == t.total_weight) == full]
        answer = ask(path, question)
        assert answer.value == len(hits) and all(name in answer.answer.split("\n")[0] for name in hits)
        if not hits:
            assert answer.answer.startswith("没有")


def test_points_lost_by_each_project():
    answer = ask(S000, "每个项目扣了多少分？")
    for index, table in projects(S000):
        row = next(r for r in answer.answer.splitlines() if r.startswith(f"| 表{index + 1} {table.name} |"))
        assert f"| {table.total_weight - table.total_score:g}分 |" in row


def test_the_department_tables_lost_points_only():
    department = gold(S000).tables[0]
    lost = [i.level3 for i in department.indicators
            if i.score is not None and i.weight is not None and i.score < i.weight]
    answer = ask(S000, "部门整体支出绩效自评表有哪些指标扣分了？")
    assert answer.value == len(lost) and all(name in answer.answer for name in lost)


def narrative_items(path, pattern: str) -> list[tuple[str, str]]:
    return re.findall(pattern, path.read_text(encoding="utf-8"), flags=re.MULTILINE)


@pytest.mark.parametrize("question", ["单位有哪些项目？", "列出所有项目", "单位有几个项目？"])
def test_the_projects_a_narrative_numbers_without_amounts(question):
    text = S004.read_text(encoding="utf-8")
    goals = text[text.index("（一）绩效目标设置情况"):text.index("（二）绩效目标完成情况")]
    names = re.findall(r"^\d+\.(.+?)[，,]", goals, flags=re.MULTILINE)
    answer = ask(S004, question)
    assert len(names) >= 2 and answer.value == len(names) and all(name in answer.answer for name in names)


def test_the_projects_a_narrative_numbers_with_their_amounts():
    items = narrative_items(S001, r"^（\d）2024年共有(.+?)([\d.]+)万元")
    assert len(items) == 6
    answer = ask(S001, "有哪些项目？")
    assert answer.value == len(items)
    assert all(f"| {name} | {float(amount):g}万元 |" in answer.answer for name, amount in items)
    assert ask(S001, "六个专项资金合计多少？").value == round(sum(float(a) for _, a in items), 2)
    largest = max(items, key=lambda item: float(item[1]))
    assert ask(S001, "哪个专项资金最多？").answer.startswith(f"正文所列6个项目中最多的是“{largest[0]}”")


def test_a_narrative_projects_named_measure():
    added = {name: float(amount) for name, amount in
             narrative_items(S001, r"^（\d）2024年共有(.+?)[\d.]+万元，.*?省级追加(?:专项)?资金([\d.]+)万元")}
    largest = max(added, key=added.get)
    answer = ask(S001, "哪个专项资金省级追加最多？")
    assert answer.value == added[largest] and f"“{largest}”" in answer.answer.split("\n")[0]


def test_a_narratives_projects_spent_added_up():
    spent = [float(v) for v in re.findall(r"^\d\.“.+?”.*?支出([\d.]+)万?元", S003.read_text(encoding="utf-8"),
                                          flags=re.MULTILINE)]
    assert ask(S003, "六个项目一共支出多少？").value == round(sum(spent), 2)



def test_what_a_narrative_figure_is_spent_on_or_made_of():
    sentence = next(line for line in S004.read_text(encoding="utf-8").splitlines() if line.startswith("项目支出"))
    uses = re.search(r"主要用于(.+?)等\d+个项目", sentence).group(1).split("、")
    answer = ask(S004, "业务工作经费主要用于哪些方面？")
    assert answer.value == len(uses) and all(f". {use}\n" in answer.answer + "\n" for use in uses)
    special = re.findall(r"(20\d\d[^，。]*?专项(?:（[^）]*）)?)[\d.]+万元", sentence.split("包括", 1)[1])
    answer = ask(S004, "政府专项经费包括哪些？")
    assert special and answer.value == len(special) and all(name in answer.answer for name in special)


def test_each_narrative_projects_amount_is_the_one_asked_for():
    spent = narrative_items(S003, r"^\d\.“(.+?)”.*?支出([\d.]+)万?元")
    answer = ask(S003, "列出所有项目及其支出金额")
    assert len(spent) == 6 and all(f"| {name} | {float(amount):g}" in answer.answer for name, amount in spent)


def test_one_indicator_compared_across_the_projects():
    scores = {t.name: i.score for _, t in projects(S000) for i in t.indicators if i.level3 == "社会公众满意度"}
    lowest = min(scores, key=scores.get)
    answer = ask(S000, "社会公众满意度哪个专项最低？")
    assert len(scores) >= 2 and answer.value == scores[lowest] and lowest in answer.answer
    table = ask(S000, "各专项社会公众满意度得分分别是多少？").answer
    assert all(f"{name} | {score:g}分 |" in table for name, score in scores.items())


def test_yes_no_comparison_said_with_a_verb_of_comparing():
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项的得分高于食品监管专项吗？")
    assert answer.value == max(scores["药品监管专项"], scores["食品监管专项"])
    assert f"{scores['药品监管专项']:g}分" in answer.answer and f"{scores['食品监管专项']:g}分" in answer.answer


def test_a_gap_between_rates_in_points():
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    answer = ask(S002, "运行维护费的执行率与业务工作经费相比低多少个百分点？")
    assert answer.value == round(abs(rates["业务工作经费"] - rates["运行维护费"]), 2) and answer.unit == "个百分点"


@pytest.mark.parametrize("question, higher", [("哪些专项的自评分高于复核分？", True), ("哪些表的自评得分比复核得分低？", False)])
def test_the_tables_whose_self_score_is_above_or_below_the_review(question, higher):
    scores = checked_json(S000)["scores"]
    hits = [s["table"] for s in scores if s["self_score"] is not None and s["recomputed_score"] is not None
            and (s["self_score"] > s["recomputed_score"] if higher else s["self_score"] < s["recomputed_score"])]
    answer = ask(S000, question)
    head = answer.answer.split("\n")[0]
    assert answer.value == len(hits) and all(f"表{t + 1}" in head for t in hits)


def test_a_share_of_another_things_whole_is_never_above_it():
    department = gold(S000).tables[0].funds_total
    answer = ask(S000, "基本支出占总支出的比重？")
    assert answer.value is not None and 0 < answer.value <= 100
    assert f"{department.executed:g}" in answer.answer  # the whole is the department's total spending


def test_the_mean_of_named_figures():
    text = S004.read_text(encoding="utf-8")
    staff, public = (float(v) for v in re.search(r"其中人员经费([\d.]+)万元.*?公用经费([\d.]+)万元", text).groups())
    assert ask(S004, "人员经费和公用经费的平均数是多少？").value == round((staff + public) / 2, 2)


@pytest.mark.parametrize("question", ["哪些指标得分与复核不一致？", "复核后哪些指标的得分变了？"])
def test_the_rows_the_review_scored_otherwise(question):
    rows = [row for s in checked_json(S000)["scores"] for row in s.get("rows", []) if row["row"] != "……"]
    answer = ask(S000, question)
    assert rows and answer.value == len(rows)
    assert all(f"{row['row']}：自评{row['self_score']:g}分 → 复核{row['recomputed_score']:g}分" in answer.answer
               for row in rows)


def test_one_rows_recomputed_score():
    row = next(r for s in checked_json(S000)["scores"] for r in s.get("rows", []) if r["row"] == "执法及宣传次数")
    answer = ask(S000, "执法及宣传次数的复核得分是多少？")
    assert answer.value == row["recomputed_score"] and f"自评{row['self_score']:g}分" in answer.answer


@pytest.mark.parametrize("path", [S000, S001, S002])
def test_indicators_scored_above_their_weight(path):
    over = [i.level3 for t in gold(path).tables for i in t.indicators
            if i.score is not None and i.weight is not None and i.score > i.weight]
    answer = ask(path, "得分超过分值的指标有哪些？")
    assert answer.value == len(over) and (all(name in answer.answer for name in over) if over
                                          else answer.answer.startswith("没有"))


def test_follow_ups_that_open_with_a_relation_or_a_bare_word():
    review = next(s for s in checked_json(S000)["scores"] if s["table"] == 2)  # 表3 药品监管专项
    answer = ask(S000, "药品监管专项的总分是多少？", "复核后是多少？")
    assert gold(S000).tables[2].name == "药品监管专项" and answer.value == review["recomputed_score"]
    answer = ask(S000, "药品监管专项的总分是多少？", "复核后是多少？", "差多少？")
    assert answer.value == round(abs(review["recomputed_score"] - review["self_score"]), 2)
    text = S001.read_text(encoding="utf-8")
    total, spent = (float(v) for v in re.search(r"支出总金额([\d.]+)万元。其中基本支出[\d.]+万元，项目支出([\d.]+)万元", text).groups())
    assert ask(S001, "项目支出是多少？", "占总支出的比例呢？").value == round(spent / total * 100, 2)
    funds = project(S002, "运行维护费").funds_total
    answer = ask(S002, "运行维护费的全年预算数和全年执行数分别是多少？", "差多少？")
    assert answer.value == round(funds.full_year_budget - funds.executed, 2)
    reasons = ask(S000, "复核得分是多少？", "为什么和自评不一样？").answer
    assert "复核依据的问题" in reasons


# round 8: the review's rows moved down or up, rows only a table prints, savings, comparisons with a named figure -------

@pytest.mark.parametrize("question, fell", [("哪些指标复核后得分降低了", True), ("哪些指标复核后得分提高了？", False),
                                            ("复核后得分下降的指标有哪些？", True)])
def test_the_rows_the_review_scored_below_or_above_the_table(question, fell):
    rows = [r for s in checked_json(S000)["scores"] for r in s.get("rows", [])
            if (r["recomputed_score"] < r["self_score"]) == fell and r["recomputed_score"] != r["self_score"]]
    others = {r["row"] for s in checked_json(S000)["scores"] for r in s.get("rows", [])} - {r["row"] for r in rows}
    answer = ask(S000, question)
    assert answer.value == len(rows) and all(r["row"] in answer.answer for r in rows)
    assert not any(name in answer.answer for name in others) and "复核得分98.5分" not in answer.answer


@pytest.mark.parametrize("path", [S003, S004])
def test_the_funds_total_of_a_report_without_self_evaluation_tables_is_not_found(path):
    assert "年度资金总额" not in path.read_text(encoding="utf-8")
    answer = ask(path, "年度资金总额是多少？")
    assert answer.value is None and answer.answer.startswith(NOT_FOUND)
    assert "5788.54" not in answer.answer.split("最接近")[0]  # 004's 人员经费 is no funds total


def test_a_saving_the_prose_reports_is_not_a_budget_left_unspent():
    line = S001.read_text(encoding="utf-8").split("\n")[135]  # line 136
    saved = float(re.search(r"为企业节省([\d.]+)万余元", line).group(1))
    answer = ask(S001, "为企业节省多少钱？")
    assert answer.value == saved and answer.evidence[0].line == 136
    funds = project(S002, "运行维护费").funds_total  # a project's 节约 still is its budget less its spending
    assert ask(S002, "运行维护费节约了多少资金？").value == round(funds.full_year_budget - funds.executed, 2)


@pytest.mark.parametrize("path, label, above", [(S001, "三公经费", False), (S002, "公用经费", True)])
def test_whether_a_figure_passes_another_named_figure(path, label, above):
    cells = basic_row(path, label)
    year = gold(path).year
    spent, budget = float(cells[f"{year}年决算数"]), float(cells[f"{year}年预算数"])
    assert (spent > budget) == above
    answer = ask(path, f"{label}决算数是否超过预算数？").answer
    assert ("不超过" not in answer) == above and f"预算数{budget:g}万元" in answer


def test_whether_a_figure_equals_the_projects_added_up():
    spent = [t.funds_total.executed for _, t in projects(S002)]
    project_spending = float(basic_row(S002, "项目支出：")["2023年决算数"])
    answer = ask(S002, "项目支出决算数是否等于三个项目全年执行数之和？")
    assert answer.value == project_spending
    assert ("，等于" in answer.answer) == (abs(sum(spent) - project_spending) < 0.005)
    assert "+".join(f"{v:g}" for v in spent) in answer.answer


def test_one_indicator_of_each_project_below_a_number():
    scores = {t.name: next(i.score for i in t.indicators if "社会公众满意度" in (i.level3 or ""))
              for _, t in projects(S000) if any("社会公众满意度" in (i.level3 or "") for i in t.indicators)}
    below = [name for name, score in scores.items() if score < 10]
    answer = ask(S000, "哪些专项的社会公众满意度得分低于10分？")
    head = answer.answer.split("\n")[0]
    assert answer.value == len(below) and all(name in head for name in below)
    assert not any(name in head for name in scores if name not in below) and "总分" not in head


def test_two_figures_asked_then_which_is_larger():
    line = S000.read_text(encoding="utf-8").split("\n")[1344]  # line 1345
    staff, office = (float(v) for v in re.search(r"人员经费：([\d.]+)万元，公用经费：([\d.]+)万元", line).groups())
    answer = ask(S000, "人员经费和公用经费分别是多少？哪个多？")
    larger = "人员经费" if staff > office else "公用经费"
    assert answer.value == max(staff, office) and answer.answer.startswith(f"{larger}较多")


def test_a_share_recomputed_against_the_one_the_report_prints():
    line = S004.read_text(encoding="utf-8").split("\n")[53]  # line 54
    basic, staff, share = (float(v) for v in re.search(
        r"基本支出([\d.]+)万元，其中人员经费([\d.]+)万元，占基本支出([\d.]+)%", line).groups())
    answer = ask(S004, "人员经费占基本支出的比例是多少？是否与报告所述91.21%一致？")
    assert answer.value == round(staff / basic * 100, 2)
    assert ("，等于" in answer.answer) == (abs(answer.value - share) < 0.005)


@pytest.mark.parametrize("path, questions", [(S002, ("三公经费下降了多少？",)),
                                             (S001, ("三公经费决算数是多少？", "下降了多少？"))])
def test_a_change_with_nothing_to_compare_against_is_since_last_year(path, questions):
    cells = basic_row(path, "三公经费")
    year = gold(path).year
    now, before = float(cells[f"{year}年决算数"]), float(cells[f"{year - 1}年决算数"])
    answer = ask(path, *questions)
    assert answer.value == round(abs(now - before), 2) and ("下降" if now < before else "增长") in answer.answer


def test_a_printed_rate_checked_by_recomputing_it():
    funds = gold(S001).tables[1].funds_total
    answer = ask(S001, "年度资金总额的执行率是否正确？")
    assert answer.value == round(funds.executed / funds.full_year_budget * 100, 2)
    assert f"不等于" in answer.answer and f"执行率{funds.execution_rate:g}%" in answer.answer


def test_a_finding_listed_names_its_row():
    rows = [f["row"] for f in checked_json(S002)["findings"] if f["rule"] == "missing_deviation_note"]
    answer = ask(S002, "哪些偏差缺少原因说明？")
    assert rows and all(row in answer.answer for row in rows)


def test_two_figures_compared_in_more_wordings():
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    same = ask(S002, "业务工作经费和编外用工人员经费的执行率相同吗？")
    assert (rates["业务工作经费"] == rates["编外用工人员经费"]) == same.answer.startswith("二者相同")
    differ = ask(S002, "业务工作经费的执行率与运行维护费相比哪个高？")
    assert differ.value == max(rates["业务工作经费"], rates["运行维护费"])
    assert f"{rates['运行维护费']:g}%" in differ.answer
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, "表2的得分比表3高还是低？")
    assert gold(S000).tables[1].total_score == scores["知识产权培育资助专项"]
    assert answer.value == max(scores["知识产权培育资助专项"], scores["药品监管专项"])


def test_two_parts_of_a_whole_compared():
    answer = ask(S001, "本级专项资金中市场监督专项和质量监督专项哪个多？")
    spent = {label: float(basic_row(S001, label)["2024年决算数"]) for label in ("市场监督专项", "质量监督专项")}
    assert answer.value == max(spent.values()) and "药械化监管专项" not in answer.answer


def test_follow_ups_that_add_up_or_name_only_a_measure():
    line = S004.read_text(encoding="utf-8").split("\n")
    basic = float(re.search(r"基本支出([\d.]+)万元", line[53]).group(1))
    spent = float(re.search(r"项目支出([\d.]+)万元", line[55]).group(1))
    assert ask(S004, "基本支出是多少？", "项目支出呢？", "合计多少？").value == round(basic + spent, 2)
    budget, added, actual = (float(v) for v in re.search(
        r"年初预算金额([\d.]+)万元,追加([\d.]+)万元，实际支出([\d.]+)万元", S003.read_text(encoding="utf-8").split("\n")[25]).groups())
    answer = ask(S003, "市场及食品药品监管专项的年初预算是多少？", "追加了多少？", "实际支出呢？", "执行率是多少？")
    assert answer.value == round(actual / (budget + added) * 100, 2)
    review = next(s for s in checked_json(S000)["scores"] if s["table"] == 3)  # 表4
    assert ask(S000, "表4的总分是多少？", "复核后呢？").value == review["recomputed_score"]


def test_the_rows_whose_final_spending_passes_their_budget():
    year = gold(S002).year
    rows = [r for r in gold(S002).tables[0].rows if r.label and len(r.values) >= 3]
    header = basic_row(S002, "三公经费")
    assert list(header)[1:3] == [f"{year}年预算数", f"{year}年决算数"]
    over = [re.sub(r"^(?:\d+、|其中：)|：$", "", r.label) for r in rows if all(v and re.fullmatch(r"[\d.]+", v) for v in r.values[1:3])
            and float(r.values[2]) > float(r.values[1])]
    answer = ask(S002, "哪些经费的决算数超过了预算数？")
    assert answer.value == len(over) and all(label in answer.answer for label in over)
    below = [t.name for _, t in projects(S002) if t.funds_total.executed < t.funds_total.full_year_budget]
    answer = ask(S002, "哪些项目的全年执行数低于全年预算数？")
    assert answer.value == len(below) and all(name in answer.answer for name in below)


def test_a_stock_is_not_the_change_beside_it():
    line = S000.read_text(encoding="utf-8").split("\n")[1364]  # line 1365
    total, firms = (float(v) for v in re.search(r"全区共有市场主体(\d+)户，其中：企业（含农专）(\d+)户", line).groups())
    assert ask(S000, "企业占市场主体的比例是多少？").value == round(firms / total * 100, 2)
    line = S001.read_text(encoding="utf-8").split("\n")[126]  # line 127
    added = float(re.search(r"实有企业\d+户，净增(\d+)户", line).group(1))
    assert ask(S001, "实有企业多少户？", "净增多少户？").value == added


def test_a_section_ends_where_the_reports_next_part_begins():
    answer = ask(S003, "下一步改进措施有哪些？")
    assert answer.value == 2 and "其他需要说明" not in answer.answer and "— 2 —" not in answer.answer


def test_the_rows_meeting_their_target_exactly():
    met = [i.level3 for t in gold(S002).tables for i in t.indicators
           if (target := TARGET.match(i.target or "")) and (actual := TARGET.match(i.actual or ""))
           and target.group(2) == actual.group(2) and float(target.group(1)) == float(actual.group(1))]
    answer = ask(S002, "哪些指标完成值与指标值相同？")
    assert answer.value == len(met) and all(name in answer.answer for name in met)


def test_each_projects_points_lost_and_a_numbered_tables_group():
    answer = ask(S000, "列出各专项的扣分")
    for _, table in projects(S000):
        assert f"| {table.total_weight - table.total_score:g}分 |" in answer.answer
    rows = [i for i in gold(S000).tables[1].indicators if i.level1 == "产出指标"]
    answer = ask(S000, "表2产出指标的得分率是多少？")
    assert answer.value == round(sum(i.score for i in rows) / sum(i.weight for i in rows) * 100, 2)


def test_one_item_of_a_section_and_a_gap_as_a_share():
    line = S004.read_text(encoding="utf-8").split("\n")[99]  # line 100: "（二）预算编制和执行存在差异…"
    answer = ask(S004, "存在的主要问题第二条是什么？")
    assert line.strip() in answer.answer and "（三）" not in answer.answer
    cells = basic_row(S002, "项目支出：")
    budget, spent = float(cells["2023年预算数"]), float(cells["2023年决算数"])
    assert ask(S002, "项目支出决算数超出预算数的比例是多少？").value == round((spent - budget) / budget * 100, 2)
    line = S004.read_text(encoding="utf-8").split("\n")[53]  # line 54
    basic, office, share = (float(v) for v in re.search(
        r"基本支出([\d.]+)万元.*公用经费([\d.]+)万元，([\d.]+)%", line).groups())
    answer = ask(S004, "公用经费占基本支出的比例是多少？与报告是否一致？")
    assert answer.value == round(office / basic * 100, 2) and ("，等于" in answer.answer) == (answer.value == share)


def test_an_indicator_several_tables_hold_is_given_for_each():
    targets = {index: next(i.target for i in t.indicators if i.level3 == "任务完成时间")
               for index, t in enumerate(gold(S000).tables) if any(i.level3 == "任务完成时间" for i in t.indicators)}
    answer = ask(S000, "任务完成时间的指标值是什么？")
    assert len(targets) > 1 and all(f"| 表{index + 1} " in answer.answer and target in answer.answer
                                    for index, target in targets.items())
    share = ask(S000, "纳入专户管理的非税收入拨款占比是多少？")
    table = gold(S000).tables[0]
    assert share.value == round(table.breakdown["纳入专户管理的非税收入拨款"] / table.funds_total.full_year_budget * 100, 2)


def test_the_two_projects_scoring_highest():
    scores = sorted(((t.total_score, t.name) for _, t in projects(S000)), reverse=True)
    head = ask(S000, "列出总分最高的两个专项").answer.split("\n")[0]
    assert all(name in head for _, name in scores[:2]) and not any(name in head for _, name in scores[2:])


def test_the_narratives_projects_giving_a_figure_and_what_a_sum_is_made_of():
    lines = S003.read_text(encoding="utf-8").split("\n")
    added = [re.search(r"“(.+?)”", line).group(1) for line in lines if re.match(r"^\d\.“", line) and "追加" in line]
    answer = ask(S003, "哪些项目有追加预算？")
    assert answer.value == len(added) and all(name in answer.answer.split("\n")[0] for name in added)
    parts = re.search(r"政府专项经费[\d.]+万元，包括(.+?)。", S004.read_text(encoding="utf-8").split("\n")[55]).group(1)
    answer = ask(S004, "政府专项经费包括哪两个专项？")
    assert answer.value == 2 and all(part in answer.answer for part in parts.split("，"))


@pytest.mark.parametrize("question", ["比较业务工作经费和运行维护费的执行率", "业务工作经费与运行维护费相比，执行率更高的是哪个？"])
def test_a_comparison_asked_with_compare_or_which_at_the_end(question):
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    answer = ask(S002, question)
    higher = max(("业务工作经费", "运行维护费"), key=rates.get)
    assert answer.value == rates[higher] and answer.answer.startswith(higher)
    assert f"{rates['运行维护费']:g}%" in answer.answer


@pytest.mark.parametrize("path, question, rule", [(S004, "报告缺少哪些附件？", "missing_section"),
                                                  (S004, "正文中比例算错的有哪些？", "narrative_arithmetic"),
                                                  (S000, "哪些指标的偏差说明不充分？", "missing_deviation_note")])
def test_the_reviews_findings_of_one_rule_in_other_words(path, question, rule):
    findings = [f for f in checked_json(path)["findings"] if f["rule"] == rule]
    answer = ask(path, question)
    assert findings and answer.value == len(findings)



def sentence_with(path, words: str) -> str:
    """The sample's first sentence of prose holding `words`, as printed."""
    text = path.read_text(encoding="utf-8")
    return next(s for s in re.split(r"(?<=。)|\n", text) if words in s and "。" in s)


def amount(sentence: str, before: str, unit: str) -> float:
    """The figure printed right after `before` in a sentence ("为消费者挽回损失413.26万元": 413.26)."""
    return float(re.search(re.escape(before) + r"([\d.]+)" + unit, sentence).group(1))


def test_a_total_is_preferred_over_a_part_its_qizhong_clause_names():
    # "为消费者挽回损失413.26万元。其中…一案，为消费者挽回经济损失1.2万元": the total, not one case
    total = amount(sentence_with(S000, "为消费者挽回损失"), "为消费者挽回损失", "万元")
    case = amount(sentence_with(S000, "挽回经济损失"), "为消费者挽回经济损失", "万元")
    answer = ask(S000, "表中的挽回经济损失与正文是否一致")
    assert f"{total:g}万元" in answer.answer and f"{case:g}万元" not in answer.answer
    # "全市完成食品安全监督抽检12233批次…其中市本级完成任务食品抽检1900批次…检出不合格样品493批次，不合格率4.03%"
    sentence = sentence_with(S001, "全市完成食品安全监督抽检")
    done = amount(sentence, "全市完成食品安全监督抽检", "批次")
    failed = amount(sentence_with(S001, "检出不合格样品"), "检出不合格样品", "批次")
    assert ask(S001, "检出不合格样品占完成抽检批次的比例").value == round(failed / done * 100, 2)
    assert ask(S001, "市本级完成任务食品抽检多少批次？").value == amount(sentence, "市本级完成任务食品抽检", "批次")


@pytest.mark.parametrize("question, planned, done", [
    ("食品抽检实际完成比计划多多少", "等抽检", "实际完成"),
    ("农产品快速检测实际检测比计划多多少", "农产品快速检测计划", "实际检测")])
def test_a_side_naming_only_the_plan_is_the_plan_of_the_other(question, planned, done):
    # "预计对食品、药品、化妆品等抽检2700批次，实际完成2711批次；农产品快速检测计划5万批次，实际检测52576批次"
    clauses = re.split(r"[；;]", sentence_with(S004, "农产品快速检测计划"))
    clause = next(c for c in clauses if planned in c)
    plan = re.search(re.escape(planned) + r"([\d.]+)(万?)批次", clause)
    target = float(plan.group(1)) * (10000 if plan.group(2) else 1)
    assert ask(S004, question).value == amount(clause, done, "批次") - target


@pytest.mark.parametrize("question", ["检查人次数和企业数分别减少了多少", "检查人次数、检查企业数分别减少了多少？"])
def test_figures_given_respectively_go_each_to_its_own_name(question):
    # "检查人次数、检查企业数分别减少了27.9%和33.56%"
    said = re.search(r"检查人次数、检查企业数分别减少了([\d.]+)%和([\d.]+)%", sentence_with(S001, "分别减少了"))
    people, firms = said.groups()
    answer = ask(S001, question).answer
    assert re.search(rf"人次数减少了：{people}%", answer) and re.search(rf"企业数减少了：{firms}%", answer)
    assert ask(S001, "检查企业数减少了多少").value == float(firms)
    assert ask(S001, "检查人次数减少了多少？").value == float(people)


def test_which_is_more_compares_the_counts_not_a_rate_beside_one():
    # "按期完成30265家企业（企业年报率85.47%）和10020户个体户年报工作"
    said = re.search(r"完成(\d+)家企业（企业年报率[\d.]+%）和(\d+)户个体户年报", sentence_with(S004, "个体户年报"))
    firms, households = (float(n) for n in said.groups())
    answer = ask(S004, "企业年报和个体户年报哪个多")
    assert answer.value == max(firms, households) and answer.answer.startswith("企业年报" if firms > households else "个体户")
    assert f"{abs(firms - households):g}" in answer.answer


def head_fields(path, key) -> list[str]:
    """What the tables' heads print after a field ("\t主管部门" then "\t　石鼓区人民政府"), blank when left empty."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [lines[i + 1].strip("\t 　") for i, line in enumerate(lines) if line.strip() == key]


@pytest.mark.parametrize("question", ["主管部门是什么", "项目的主管部门是谁"])
def test_a_head_field_left_blank_is_not_found_and_not_some_other_cell(question):
    assert head_fields(S002, "主管部门") and not any(head_fields(S002, "主管部门"))
    assert NOT_FOUND in ask(S002, question).answer
    assert NOT_FOUND in ask(S001, "实施单位是什么").answer  # 001's tables have no such field


def test_a_head_field_of_every_table_is_said_of_each_when_they_differ():
    filled = head_fields(S000, "主管部门")
    answer = ask(S000, "主管部门是什么").answer
    assert len(set(filled)) > 1 and all(name in answer for name in filled)
    assert ask(S000, "药品监管专项的主管部门是什么").answer.count("主管部门为") == 1


@pytest.mark.parametrize("row", ["社会公众满意度", "挽回经济损失", "公众意识"])
def test_one_indicator_compared_between_two_tables(row):
    tables = gold(S000).tables
    department = next(t for t in tables if t.kind == "department_overall")
    food = next(t for t in tables if t.name == "食品监管专项")
    scores = [next(i.score for i in t.indicators if i.level3 == row) for t in (department, food)]
    answer = ask(S000, f"{row}在部门整体和食品监管专项中哪个得分高")
    assert answer.value == max(scores) and f"相差{abs(scores[0] - scores[1]):g}分" in answer.answer
    assert answer.answer.startswith("部门整体" if scores[0] > scores[1] else "食品监管专项")


def test_which_narrative_projects_spent_more_than_their_initial_budget():
    # "1.“市场及食品药品监管专项”年初预算金额70万元,追加69.88万元，实际支出139.98万元": items giving both figures
    items = re.findall(r"^\d\.“(.+?)”年初预算金额([\d.]+)万元.*?实际支出([\d.]+)万?元", S003.read_text(encoding="utf-8"),
                       re.M)
    over = [name for name, budget, spent in items if float(spent) > float(budget)]
    answer = ask(S003, "哪些项目实际支出超过了年初预算")
    assert len(items) >= 2 and answer.value == len(over)
    head = answer.answer.split("。")[0]
    assert all(f"“{name}”" in head for name in over)
    assert ask(S003, "哪些项目实际支出低于年初预算？").value == len(items) - len(over)


@pytest.mark.parametrize("question", ["药品监管专项比食品监管专项得分高多少？", "药品监管专项得分比食品监管专项高多少？"])
def test_a_column_said_once_in_a_than_question_is_of_both_sides(question):
    totals = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, question)
    assert answer.value == round(totals["药品监管专项"] - totals["食品监管专项"], 2)
    assert f"{totals['药品监管专项']:g}−{totals['食品监管专项']:g}" in answer.answer


@pytest.mark.parametrize("question", ["三公经费预算数和决算数分别是多少？", "三公经费的预算数、决算数分别是多少？"])
def test_two_columns_of_a_basic_row_are_of_one_year(question):
    cells = basic_row(S002, "三公经费")  # 2022年决算数, 2023年预算数, 2023年决算数
    answer = ask(S002, question)
    assert answer.value == float(cells["2023年决算数"]) and f"预算数{float(cells['2023年预算数']):g}万元" in answer.answer
    assert f"{float(cells['2022年决算数']):g}" not in answer.answer


def test_the_parts_after_qizhong_are_those_adding_up_to_the_whole():
    # "项目支出1559.70万元，其中业务工作经费1527.20万元，主要用于…等12个项目，政府专项经费32.5万元，包括…16万元，…16.5万元"
    sentence = sentence_with(S004, "项目支出1559.70万元")
    whole = amount(sentence, "项目支出", "万元")
    parts = {name: amount(sentence, name, "万元") for name in ("业务工作经费", "政府专项经费")}
    assert round(sum(parts.values()), 2) == whole
    answer = ask(S004, "项目支出包括哪些？")
    assert answer.value == len(parts) and all(name in answer.answer for name in parts)
    assert "主要用于" not in answer.answer


@pytest.mark.parametrize("question", ["知识产权培育资助专项的全年预算数占全部专项的比例？",
                                      "知识产权培育资助专项的全年预算数占所有专项合计的比例是多少？"])
def test_one_projects_share_of_all_the_projects(question):
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    answer = ask(S000, question)
    assert answer.value == round(budgets["知识产权培育资助专项"] / sum(budgets.values()) * 100, 2)


def test_a_name_beginning_with_zai_is_not_a_place():
    # "编制数 | 2023年实际在职人数 | 控制率" then "301 | 263 | 87.38%"
    lines = [line.strip() for line in S002.read_text(encoding="utf-8").split("\n")]
    start = lines.index("编制数")
    posts, staff = (float(v) for v in [v for v in lines[start + 3:] if v][:2])
    answer = ask(S002, "在职人数和编制数哪个多？")
    assert f"在职人数{staff:g}人" in answer.answer and answer.value == max(staff, posts)


@pytest.mark.parametrize("question, word", [("哪些项目没有列出年初预算？", "年初预算"), ("哪些项目未列出追加金额？", "追加"),
                                            ("哪些项目没有追加？", "追加")])
def test_the_narrative_projects_not_giving_a_figure(question, word):
    lines = S003.read_text(encoding="utf-8").split("\n")
    items = [re.match(r"^\d\.“(.+?)”", line).group(1) for line in lines if re.match(r"^\d\.“", line)]
    without = [name for name, line in zip(items, [l for l in lines if re.match(r"^\d\.“", l)])
               if word not in line.split("项目实施")[0]]
    answer = ask(S003, question)
    assert without and answer.value == len(without) and all(f"“{name}”" in answer.answer for name in without)


@pytest.mark.parametrize("path, question", [(S000, "哪些专项的执行率得分不是满分？"), (S002, "哪些项目的执行率得分不是满分？")])
def test_the_projects_whose_execution_rate_row_lost_points(path, question):
    lost_rate = [t.name for _, t in projects(path) if t.funds_total.score < t.funds_total.weight]
    answer = ask(path, question)
    assert answer.value == len(lost_rate) and all(name in answer.answer.split("\n")[0] for name in lost_rate)


def test_the_department_tables_score_named_by_department_wide_words():
    tables = gold(S002).tables
    department = next(t for t in tables if t.kind == "department_overall").total_score
    totals = [t.total_score for _, t in projects(S002)]
    assert ask(S002, "部门整体的得分是多少？").value == department
    answer = ask(S002, "部门整体的得分比三个项目平均得分高多少？")
    assert answer.value == round(department - sum(totals) / len(totals), 2)


def test_the_projects_sum_said_before_its_column():
    tables = gold(S000).tables
    department = next(t for t in tables if t.kind == "department_overall").funds_total.full_year_budget
    budgets = [t.funds_total.full_year_budget for _, t in projects(S000)]
    assert ask(S000, "五个专项合计的全年预算数是多少？").value == round(sum(budgets), 2)
    assert ask(S000, "部门整体的全年预算数比五个专项合计多多少？").value == round(department - sum(budgets), 2)


@pytest.mark.parametrize("path, question, whole_words, names", [
    (S004, "人员经费和公用经费分别占基本支出的多少？", "一般公共预算财政拨款基本支出", ("其中人员经费", "公用经费")),
    (S003, "基本支出和项目支出分别占总支出的比例？", "2023年支出", ("其中基本支出", "项目支出"))])
def test_each_of_two_parts_as_a_share_of_one_whole(path, question, whole_words, names):
    # "基本支出6346.47万元，其中人员经费5788.54万元，…公用经费557.93万元"; "2023年支出1359.46万元，其中基本支出998.09万元，项目支出361.37万元"
    sentence = sentence_with(path, whole_words)
    whole = amount(sentence, whole_words, "万元")
    shares = [round(amount(sentence, name, "万元") / whole * 100, 2) for name in names]
    answer = ask(path, question)
    assert all(f"={share:g}%" in answer.answer for share in shares) and answer.value == shares[-1]


def test_a_sum_of_two_projects_the_column_said_after_the_last():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项和质量发展专项的全年预算数合计是多少？")
    assert answer.value == round(budgets["药品监管专项"] + budgets["质量发展专项"], 2)


@pytest.mark.parametrize("question, fewer", [("哪些经费2023年决算数比2022年少？", True), ("哪些经费2023年决算数比2022年多？", False)])
def test_the_basic_rows_whose_spending_fell_or_rose_since_last_year(question, fewer):
    rows = gold(S002).tables[0].rows
    changed = []
    for row in rows:
        try:
            cells = basic_row(S002, row.label)
            now, before = float(cells["2023年决算数"]), float(cells["2022年决算数"])
        except (StopIteration, KeyError, ValueError, TypeError):
            continue
        if (now < before) if fewer else (now > before):
            changed.append(row.label)
    answer = ask(S002, question)
    assert changed and answer.value == len(changed)


@pytest.mark.parametrize("question", ["部门整体支出绩效自评表中哪个指标得分最低？", "表1中哪个指标得分最低？"])
def test_the_lowest_indicator_of_the_table_named(question):
    department = next(t for t in gold(S000).tables if t.kind == "department_overall")
    scores = [i.score for i in department.indicators if i.score is not None and i.level3 != "……"]
    lowest = [i.level3 for i in department.indicators if i.score == min(scores)]
    answer = ask(S000, question)
    assert answer.value == min(scores) and any(name in answer.answer for name in lowest)
    assert "部门整体支出绩效自评表" in answer.answer


@pytest.mark.parametrize("path", [S000, S002])
def test_the_lowest_second_level_group_of_the_department_table(path):
    department = next(t for t in gold(path).tables if t.kind == "department_overall")
    sums = {}
    for row in department.indicators:
        if row.score is not None:
            sums[row.level2] = sums.get(row.level2, 0) + row.score
    lowest = min(sums.values())
    answer = ask(path, "部门整体支出绩效自评表中哪个二级指标得分最低？")
    assert answer.value == lowest
    assert all(name in answer.answer for name, total in sums.items() if total == lowest)


@pytest.mark.parametrize("path", [S000, S001])
def test_the_first_level_group_of_a_table_named_that_lost_most(path):
    department = next(t for t in gold(path).tables if t.kind == "department_overall")
    lost = {}
    for row in department.indicators:
        if row.score is not None and row.weight is not None:
            lost[row.level1] = lost.get(row.level1, 0) + row.weight - row.score
    most = max(lost, key=lost.get)
    answer = ask(path, "部门整体支出绩效自评表中哪个一级指标扣分最多？")
    assert f"扣分最多的一级指标是{most}" in answer.answer


def test_what_share_of_its_target_an_indicator_reached():
    row = next(i for t in gold(S001).tables for i in t.indicators if i.level3 == "开展抽检产商品批次")
    target = float(TARGET.match(row.target).group(1))
    actual = float(TARGET.match(row.actual).group(1))
    assert ask(S001, "开展抽检产商品批次完成了指标值的百分之多少？").value == round(actual / target * 100, 2)


def test_which_part_is_more_without_zui_is_the_largest_part():
    # 三公经费's numbered parts: "1、公务用车购置和维护经费", "2、出国经费", "3、公务接待", of the 2023年决算数
    parts = {label: basic_row(S002, label)["2023年决算数"] for label in ("1、公务用车购置和维护经费", "2、出国经费", "3、公务接待")}
    filled = {label: float(value) for label, value in parts.items() if value}
    largest = max(filled, key=filled.get)
    answer = ask(S002, "三公经费中哪项多？")
    assert answer.value == filled[largest] and f"最多的是{largest.split('、', 1)[1]}" in answer.answer


@pytest.mark.parametrize("question, largest", [("政府专项经费中哪个专项金额多？", True), ("政府专项经费中哪个专项金额最少？", False)])
def test_the_largest_of_the_amounts_the_prose_lists_after_a_whole(question, largest):
    # "政府专项经费32.5万元，包括2020省级市场监管专项（标准化项目补助）16万元，2020年知识产权战略推进专项16.5万元"
    listed = re.search(r"政府专项经费[\d.]+万元，包括(.+?)。", sentence_with(S004, "政府专项经费")).group(1)
    amounts = {name: float(value) for name, value in re.findall(r"([^，]+?)([\d.]+)万元", listed)}
    pick = (max if largest else min)(amounts, key=amounts.get)
    answer = ask(S004, question)
    assert answer.value == amounts[pick] and pick in answer.answer


def test_the_review_score_above_the_self_score_is_review_minus_self():
    table = next(t for t in checked_json(S000)["scores"] if t["table"] == 0)
    answer = ask(S000, "部门整体支出绩效自评表的复核得分比自评得分高多少？")
    assert answer.value == round(table["recomputed_score"] - table["self_score"], 2)


def test_the_indicators_whose_target_is_a_percentage():
    targets = [i.target for t in gold(S001).tables for i in t.indicators
               if i.level3 and i.level3 != "……" and i.target is not None]
    in_percent = [t for t in targets if str(t).strip().endswith("%")]
    answer = ask(S001, "哪些指标的年度指标值是百分比？")
    assert 0 < len(in_percent) < len(targets) and answer.value == len(in_percent)


def test_the_second_level_group_named_inside_the_first():
    rows = [i for t in gold(S001).tables for i in t.indicators
            if i.level2 == "数量指标" and i.level3 and i.level3 != "……" and i.actual is not None]
    answer = ask(S001, "产出指标中有哪些数量指标？")
    assert rows and answer.value == len(rows)


def test_the_prose_rates_at_or_above_a_number():
    # "确保目录清单梳理完成率100%、行政检查事项完成率100%"
    rates = [float(v) for v in re.findall(r"完成率[达为]?([\d.]+)%", S004.read_text(encoding="utf-8"))]
    answer = ask(S004, "哪些工作完成率达到100%？")
    assert rates and answer.value == sum(rate >= 100 for rate in rates)


@pytest.mark.parametrize("question, below", [("哪几个专项的全年预算数在10万元以下？", True), ("哪些专项的全年预算数在10万元以上？", False)])
def test_a_threshold_followed_by_below_or_above(question, below):
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    picked = [name for name, budget in budgets.items() if (budget < 10 if below else budget >= 10)]
    answer = ask(S000, question)
    assert answer.value == len(picked) and all(name in answer.answer.split("\n")[0] for name in picked)


def test_overspending_is_spending_less_budget():
    funds = project(S002, "编外用工人员经费").funds_total
    assert ask(S002, "编外用工人员经费超支多少？").value == round(funds.executed - funds.full_year_budget, 2)
    cells = basic_row(S002, "三公经费")
    assert ask(S002, "三公经费超支多少？").value == round(float(cells["2023年决算数"]) - float(cells["2023年预算数"]), 2)


def test_a_sum_asked_in_wan_yuan_is_given_in_wan_yuan():
    # "知识产权质押融资新增4.3亿元"
    yi = amount(sentence_with(S001, "知识产权质押融资新增"), "知识产权质押融资新增", "亿元")
    answer = ask(S001, "知识产权质押融资新增多少万元？")
    assert answer.value == round(yi * 10000, 2) and answer.unit == "万元"


def test_a_percentage_threshold_compares_the_rows_completion_not_its_score():
    actuals = [float(TARGET.match(i.actual).group(1)) for _, t in projects(S000) for i in t.indicators
               if i.level3 == "社会公众满意度" and i.actual]
    answer = ask(S000, "哪些专项的社会公众满意度低于90%？")
    assert actuals and answer.value == sum(a < 90 for a in actuals)
    rows = [i for t in gold(S001).tables for i in t.indicators if i.level3 and i.level3 != "……" and i.actual]
    in_full = [i for i in rows if re.fullmatch(r"100(?:\.0+)?%", i.actual.strip())]
    assert ask(S001, "哪些指标的完成值是100%？").value == len(in_full)


@pytest.mark.parametrize("path, question, column, limit", [(S000, "五个专项中得分低于95分的有几个？", "total_score", 95),
                                                           (S002, "三个项目中执行率低于100%的有几个？", "rate", 100)])
def test_rows_counted_after_their_condition(path, question, column, limit):
    values = [t.total_score if column == "total_score" else t.funds_total.execution_rate for _, t in projects(path)]
    assert ask(path, question).value == sum(value < limit for value in values)


def test_a_figure_asked_of_a_form_field_is_a_figure_not_the_fields_text():
    # 002's head: 主管部门 is a name, not an amount; "主管部门的全年预算数" asks for no name
    assert NOT_FOUND in ask(S002, "主管部门的全年预算数是多少？").answer


def test_overspending_is_asked_of_the_row_named():
    # 002 编外用工人员经费: 全年预算数 93.18 (l.1300), 全年执行数 93.18 (l.1301): nothing overspent
    answer = ask(S002, "多少编外用工人员经费超支了？")
    assert answer.value == 0 and "93.18" in answer.answer


# round 10: the last wrong answers ------------------------------------------------------------------------------------

def test_a_sum_in_wan_yuan_asked_in_yi_yuan_is_converted():
    cells = basic_row(S002, "部门基本支出预算调整")
    answer = ask(S002, "部门基本支出预算调整2023年决算数是多少亿元？")
    assert answer.unit == "亿元" and answer.value == round(float(cells["2023年决算数"]) / 10000, 4)
    assert ask(S002, "三公经费决算数是多少亿元").unit == "亿元"


def test_a_completion_rate_is_of_the_row_counting_what_is_named():
    # 002 业务工作经费: "农产品、食品、餐饮、生产食品抽检批次" ≧1580批次 / 1580批次, beside "食品抽检批次成本" ≤760元/批次
    row = next(i for i in project(S002, "业务工作经费").indicators if i.level3.endswith("抽检批次"))
    done, target = (float(TARGET.match(cell).group(1)) for cell in (row.actual, row.target))
    answer = ask(S002, "业务工作经费的食品抽检批次完成率是多少？")
    assert answer.value == round(done / target * 100, 2)
    assert row.level3 in answer.answer and "食品抽检批次成本" not in answer.answer


def test_a_difference_whose_second_figure_is_printed_alone():
    # 003 l.11 "2023年预算收入1359.46万元，其中年初预算993.19万元"; l.15 "2023年，全年整体支出1359.46万元。"
    spent = amount(sentence_with(S003, "全年整体支出"), "全年整体支出", "万元")
    initial = amount(sentence_with(S003, "其中年初预算"), "其中年初预算", "万元")
    answer = ask(S003, "2023年整体支出比年初预算多多少？")
    assert answer.value == round(spent - initial, 2) and "增加" in answer.answer


def test_a_narrative_figure_is_not_checked_against_a_narrower_row():
    # 002's basic-data table has no 人员经费 row: "3、编外用工人员经费" (93.18) is one project's, not the 人员经费
    assert not any(r.label.strip("0123456789、：其中 ") == "人员经费" for r in gold(S002).tables[0].rows)
    answer = ask(S002, "正文中的人员经费与基础数据表是否一致？")
    assert "编外用工" not in answer.answer and NOT_FOUND in answer.answer
    common = basic_row(S002, "公用经费")["2023年决算数"]
    assert f"等于基础数据表·公用经费·2023年决算数{float(common):g}" in ask(S002, "正文中的公用经费与基础数据表是否一致？").answer


def test_a_share_of_spending_named_without_its_part_is_of_the_parts_sum():
    # 004 l.52-56 "2、 一般公共预算支出情况 （1）…基本支出6346.47万元，其中人员经费5788.54万元 （2）…项目支出1559.70万元":
    # no 一般公共预算财政拨款支出 total is printed, so it is 基本支出 + 项目支出, not the 基本支出 人员经费 is a part of
    basic = amount(sentence_with(S004, "一般公共预算财政拨款基本支出"), "一般公共预算财政拨款基本支出", "万元")
    projects_spent = amount(sentence_with(S004, "项目支出1559"), "项目支出", "万元")
    answer = ask(S004, "基本支出占一般公共预算财政拨款支出的比例是多少？")
    assert answer.value == round(basic / (basic + projects_spent) * 100, 2)
    staff = amount(sentence_with(S004, "其中人员经费"), "其中人员经费", "万元")
    assert ask(S004, "人员经费占基本支出的比例是多少？").value == round(staff / basic * 100, 2)


def completion_rates(path) -> dict[str, float]:
    """完成值 ÷ 指标值 × 100 of every indicator whose two cells are numbers in one unit and whose target is no ceiling;
    the 完成值 itself of a row that is a 完成率."""
    rates = {}
    for table in gold(path).tables:
        for row in table.indicators:
            actual = TARGET.match((row.actual or "").strip())
            target = TARGET.match((row.target or "").strip())
            if actual and row.level3.endswith("完成率") and actual.group(2) == "%":
                rates[row.level3] = float(actual.group(1))
            elif actual and target and actual.group(2) == target.group(2) and float(target.group(1)) \
                    and not row.target.startswith(("≤", "≦", "<")):
                rates[row.level3] = float(actual.group(1)) / float(target.group(1)) * 100
    return rates


@pytest.mark.parametrize("path", [S001, S002])
def test_indicators_below_a_completion_rate_are_computed_or_printed(path):
    below = [name for name, rate in completion_rates(path).items() if rate < 100 - 1e-9]
    answer = ask(path, "哪些完成率低于100%？")
    assert answer.value == len(below) and all(name in answer.answer for name in below)
    assert "个百分点" not in answer.answer


def test_a_printed_share_is_given_with_its_own_figures_when_they_disagree():
    # 004 l.70 "市场主体总量达111655户（企业48591户，企业占比43.46%": 48591 ÷ 111655 is 43.52%
    line = sentence_with(S004, "企业占比")
    total, companies = amount(line, "市场主体总量达", "户"), amount(line, "（企业", "户")
    printed_share = amount(line, "企业占比", "%")
    recomputed = round(companies / total * 100, 2)
    assert recomputed != printed_share
    answer = ask(S004, "企业占比是多少？")
    assert answer.value == printed_share
    assert f"{recomputed:g}%" in answer.answer and f"{printed_share:g}%" in answer.answer
    assert ask(S004, "企业占比是否正确？").value == recomputed


def test_projects_compared_over_two_years_are_the_basic_data_tables_project_rows():
    # 002's project tables give one year; the basic-data table's 项目支出 rows give 2022年决算数 and 2023年决算数
    rows = [r.label for r in gold(S002).tables[0].rows]
    start = rows.index("项目支出：")
    items = [label for label in rows[start + 1:] if re.match(r"\d、", label)]
    fell = [label.split("、", 1)[1] for label in items
            if float(basic_row(S002, label)["2023年决算数"]) < float(basic_row(S002, label)["2022年决算数"])]
    answer = ask(S002, "哪些项目2023年决算数比2022年少？")
    assert fell and answer.value == len(fell) and all(name in answer.answer for name in fell)


def test_two_years_of_two_columns_keep_both_columns():
    # "2023年预算数比2022年决算数少": each basic-data row's 2023年预算数 against its 2022年决算数
    cells = {label: basic_row(S002, label) for label in ("三公经费", "公用经费", "政府采购金额")}
    answer = ask(S002, "哪些经费2023年预算数比2022年决算数少？")
    assert "2023年预算数低于2022年决算数" in answer.answer
    for label, row in cells.items():
        assert (label in answer.answer) == (float(row["2023年预算数"]) < float(row["2022年决算数"]))


def test_a_sum_checked_against_a_split_the_department_table_prints():
    # 000 部门整体支出绩效自评表 按支出性质分: 项目支出 76.4 (no 执行数 column), the five projects' 全年执行数 add up to it
    spent = sum(t.funds_total.executed for _, t in projects(S000))
    answer = ask(S000, "五个专项执行数合计与部门项目支出是否一致？")
    assert answer.value == round(spent, 2) and answer.answer.split("。")[0].endswith(
        f"等于部门整体支出绩效自评表·项目支出{gold(S000).tables[0].breakdown['项目支出']:g}万元（第44行）")


def test_special_funds_compared_over_two_years_are_the_parts_of_the_special_funds_row():
    # 001 基础数据表: "3、本级专项资金" and below it 市场监督专项 … 其他项目, each with 2023年决算数 and 2024年决算数
    rows = [r.label for r in gold(S001).tables[0].rows]
    parts = rows[rows.index("3、本级专项资金") + 1:rows.index("公用经费")]
    fell = [label for label in parts if all(basic_row(S001, label).get(y) not in (None, "/", "——")
                                            for y in ("2023年决算数", "2024年决算数"))
            and float(basic_row(S001, label)["2024年决算数"]) < float(basic_row(S001, label)["2023年决算数"])]
    answer = ask(S001, "哪些专项资金2024年决算数比2023年少？")
    assert fell and answer.value == len(fell) and all(label in answer.answer for label in fell)


@pytest.mark.parametrize("path", [S001, S002])
def test_the_control_rate_is_recomputed_from_staffing(path):
    rows = gold(path).tables[0].rows
    header = next(i for i, r in enumerate(rows) if r.values and r.values[0] == "编制数")
    staff, actual, rate = (float(v.rstrip("%")) for v in rows[header + 1].values)
    answer = ask(path, "控制率是否正确？")
    assert answer.value == round(actual / staff * 100, 2) and f"{rate:g}%" in answer.answer


@pytest.mark.parametrize("part", ["人员经费", "公用经费"])
def test_a_share_is_of_the_whole_its_qizhong_breaks_down(part):
    # 002 l.1652 "…年初预算数为4668.70万元，全年预算数为4980.37万元，决算数为4980.37万元，其中：人员经费4360.55万元…；
    # 公用经费619.82万元": both parts are of the 决算数, not the 年初预算数 named first
    line = sentence_with(S002, "2023年基本支出年初预算数")
    spent, value = amount(line, "决算数为", "万元"), amount(line, part, "万元")
    assert ask(S002, f"{part}占基本支出的比例是多少？").value == round(value / spent * 100, 2)


def test_a_gap_then_its_share_of_the_figure_named():
    cells = basic_row(S002, "三公经费")
    budget, spent = float(cells["2023年预算数"]), float(cells["2023年决算数"])
    answer = ask(S002, "三公经费2023年决算数比预算数少多少？占预算数的百分之几？")
    share = round((budget - spent) / budget * 100, 2)
    assert answer.value == round(budget - spent, 2) and f"{share:g}%" in answer.answer
    assert ask(S002, "三公经费2023年决算数比预算数少多少？", "占预算数的比例是多少？").value == \
        round((budget - spent) / budget * 100, 2)


@pytest.mark.parametrize("question", ["哪些指标的年度指标值没有填写？", "哪些指标的年度指标值未填写？"])
def test_indicators_whose_target_is_left_blank_after_the_column_word(question):
    blank = [(t.name, i.level2) for t in gold(S002).tables for i in t.indicators
             if i.target is None and i.level3 != "……" and i.weight is None and i.level3 is None]
    answer = ask(S002, question)
    assert blank and answer.value == len(blank) and all(name in answer.answer for name, _ in blank)


@pytest.mark.parametrize("question, above", [("哪些专项扣分超过5分？", True), ("哪些专项扣分低于5分？", False)])
def test_tables_by_points_lost_against_a_number(question, above):
    lost_points = {t.name: t.total_weight - t.total_score for _, t in projects(S000)}
    chosen = [name for name, points in lost_points.items() if (points > 5 if above else points < 5)]
    answer = ask(S000, question)
    assert chosen and answer.value == len(chosen) and all(name in answer.answer.split("\n")[0] for name in chosen)


def test_a_figure_asked_after_the_lowest_table_is_of_that_table():
    lowest = min((t for _, t in projects(S000)), key=lambda t: t.total_score)
    answer = ask(S000, "得分最低的专项是哪个？扣了多少分？")
    assert f"{lowest.total_weight - lowest.total_score:g}分" in answer.answer and lowest.name in answer.answer


def test_a_table_named_alone_as_the_whole_is_measured_as_the_part():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项的预算是质量发展专项的百分之几？")
    assert answer.value == round(budgets["药品监管专项"] / budgets["质量发展专项"] * 100, 2)


@pytest.mark.parametrize("question", ["快速检测问题样品占比是多少？", "按报告数字重算，快速检测问题样品占比是多少？"])
def test_a_share_is_not_the_other_rate_printed_beside_it(question):
    # 004 l.86 "快速检测52576批次，问题样品51批次，阴性率为99.86%": the share of 问题样品 is not the 阴性率
    line = sentence_with(S004, "问题样品")
    tested, flagged = amount(line, "快速检测", "批次"), amount(line, "问题样品", "批次")
    assert ask(S004, question).value == round(flagged / tested * 100, 2)


def test_the_lowest_second_level_group_is_taken_under_the_first_level_named():
    sums: dict[str, float] = {}
    for row in gold(S001).tables[1].indicators:
        if row.level1 == "产出指标" and row.score is not None:
            sums[row.level2] = sums.get(row.level2, 0) + row.score
    lowest = min(sums.values())
    answer = ask(S001, "产出指标中哪个二级指标得分最低？")
    assert answer.value == round(lowest, 2) and "效益" not in answer.answer.split("：")[0]
    assert all(name in answer.answer for name, total in sums.items() if abs(total - lowest) < 1e-9)


def test_why_points_were_lost_right_after_a_named_thing_is_of_it():
    drug = [i.level3 for i in project(S000, "药品监管专项").indicators
            if i.weight is not None and i.score is not None and i.score < i.weight]
    answer = ask(S000, "药品监管专项总分是多少？", "为什么扣分？")
    assert answer.value == len(drug) and all(name in answer.answer for name in drug)
    assert all("药品监管专项·" in line for line in answer.answer.split("\n")[1:])
    answer = ask(S001, "专利许可交易金额完成率是多少？为什么扣分？")
    assert "专利许可交易金额：分值" in answer.answer and "社会公众对食品安全满意度" not in answer.answer


@pytest.mark.parametrize("question", ["开展抽检产商品批次还差多少没完成？", "开展抽检产商品批次距年度指标值还差多少？"])
def test_how_far_an_indicator_falls_short_of_its_target(question):
    row = next(i for i in gold(S001).tables[1].indicators if i.level3 == "开展抽检产商品批次")
    done, target = (float(TARGET.match(cell).group(1)) for cell in (row.actual, row.target))
    assert ask(S001, question).value == round(target - done, 2)


def test_a_tables_total_against_the_review_score_is_their_difference():
    scores = {s["table"]: s for s in checked_json(S000)["scores"]}
    department = scores[0]
    answer = ask(S000, "部门整体自评表的总分和复核得分相差多少？")
    assert abs(answer.value) == round(abs(department["self_score"] - department["recomputed_score"]), 2)


def test_a_basic_data_cell_left_blank_is_not_the_next_rows_figure():
    # 001 基础数据表 "其中：公车购置 | 17.14 | / | /": no 2024年决算数, and 公车运行维护's 35.99 is not it
    cells = basic_row(S001, "其中：公车购置")
    assert cells["2024年决算数"] == "/"
    answer = ask(S001, "公车购置2024年决算数是多少？")
    assert answer.value is None and NOT_FOUND in answer.answer and "公车购置" in answer.answer
    assert ask(S001, "公车购置2023年决算数是多少？").value == float(cells["2023年决算数"])


def test_a_share_of_the_tables_split_is_of_the_total_the_split_adds_up_to():
    # 001 按收入性质: 一般公共预算8805.39 + 政府性基金拨款23 + 其他资金47.9 = 全年执行数8876.29 (全年预算数 is 6653.73)
    table = gold(S001).tables[1]
    assert table.breakdown["一般公共预算"] > table.funds_total.full_year_budget
    answer = ask(S001, "一般公共预算占比多少？")
    assert answer.value == round(table.breakdown["一般公共预算"] / table.funds_total.executed * 100, 2)


def test_projects_the_prose_says_were_topped_up():
    # 003 l.26 "年初预算金额70万元,追加69.88万元", l.32 "年初预算金额20万元，追加45.47万元"; the other four give no 追加
    text = S003.read_text(encoding="utf-8")
    topped = [float(v) for v in re.findall(r"追加([\d.]+)万元", text)[1:]]  # the first is the whole budget's (l.11)
    answer = ask(S003, "哪些项目追加了预算？")
    assert answer.value == len(topped) and all(f"{v:g}万元" in answer.answer.split("\n")[0] for v in topped)


@pytest.mark.parametrize("question, limit, way", [("哪些经费2023年决算数为0？", 0, "equal"),
                                                  ("哪些经费2023年决算数超过100万元？", 100, "above")])
def test_basic_data_rows_against_a_number(question, limit, way):
    rows = [r.label for r in gold(S002).tables[0].rows]
    start, end = rows.index("经费控制情况(万元)"), rows.index("楼堂馆所控制情况(2023年完工项目)")
    spent = {}
    for label in rows[start + 1:end]:
        cell = basic_row(S002, label).get("2023年决算数") if label.strip() else None
        if cell not in (None, "", "/", "——"):
            spent[re.sub(r"^(?:\d、|其中：)", "", label).rstrip("：")] = float(cell)
    chosen = [name for name, value in spent.items() if (value == limit if way == "equal" else value > limit)]
    answer = ask(S002, question)
    assert chosen and answer.value == len(chosen) and all(name in answer.answer for name in chosen)


def test_two_years_said_with_a_relation_word_first():
    cells = {label: basic_row(S001, label) for label in ("三公经费", "公用经费")}
    answer = ask(S001, "哪些经费2024年决算数低于2023年？")
    assert "2024年决算数低于2023年决算数" in answer.answer
    assert all(label in answer.answer for label, row in cells.items()
               if float(row["2024年决算数"]) < float(row["2023年决算数"]))


def test_a_part_asked_after_its_whole_in_one_message_is_answered_too():
    # 003 l.19 "网络教培机构案件1119起（其中信访171起、投诉举报948起）"
    line = sentence_with(S003, "网络教培机构案件")
    cases, petitions = amount(line, "网络教培机构案件", "起"), amount(line, "其中信访", "起")
    answer = ask(S003, "查办网络教培机构案件多少起？其中信访多少起？")
    assert answer.value == cases and f"即{cases:g}起" in answer.answer and f"即{petitions:g}起" in answer.answer


@pytest.mark.parametrize("question", ["三公经费下降了百分之几？", "三公经费比上年下降了百分之多少？"])
def test_a_fall_asked_in_percent_is_the_relative_change(question):
    cells = basic_row(S002, "三公经费")
    before, now = float(cells["2022年决算数"]), float(cells["2023年决算数"])
    assert ask(S002, question).value == round((before - now) / before * 100, 2)


def test_per_head_said_of_the_staff_divides_the_figure_itself():
    # 002: 基本支出 4980.37 (部门整体支出绩效自评表 按支出性质分), 2023年实际在职人数 263
    basic = gold(S002).tables[1].breakdown["基本支出"]
    staff = float(basic_row(S002, "")["2023年实际在职人数"])
    assert ask(S002, "在职人员人均基本支出是多少万元？").value == round(basic / staff, 2)


def test_a_rate_asked_by_its_word_alone_after_a_rows_figures_is_that_rows():
    row = next(i for i in gold(S001).tables[1].indicators if i.level3 == "开展抽检产商品批次")
    done, target = (float(TARGET.match(cell).group(1)) for cell in (row.actual, row.target))
    answer = ask(S001, "开展抽检产商品批次的年度指标值是多少？", "实际完成了多少？", "完成率呢？")
    assert answer.value == round(done / target * 100, 2) and "开展抽检产商品批次" in answer.answer


def test_a_groups_score_as_a_share_of_the_total_adds_its_rows_up():
    table = gold(S001).tables[1]
    benefits = sum(i.score for i in table.indicators if i.level1 == "效益指标" and i.score is not None)
    answer = ask(S001, "效益指标得分占总分的比例是多少？")
    assert answer.value == round(benefits / table.total_score * 100, 2)


def test_a_share_asked_right_after_a_groups_score_is_of_that_score():
    table = gold(S000).tables[0]
    output = sum(i.score for i in table.indicators if i.level1 == "产出指标" and i.score is not None)
    answer = ask(S000, "产出指标得分合计是多少？", "占总分多少？")
    assert answer.value == round(output / table.total_score * 100, 2)


def test_one_thing_in_two_places_is_checked_against_itself():
    common = basic_row(S002, "公用经费")["2023年决算数"]
    answer = ask(S002, "正文中的公用经费与基础数据表的公用经费决算数是否一致？")
    assert f"等于基础数据表·公用经费·2023年决算数{float(common):g}万元" in answer.answer


def test_a_clause_saying_its_column_is_checked_against_that_column():
    # 001 l.97 "2024年度“三公”经费支出预算数为99.51万元，决算数为46.82万元"; 基础数据表 三公经费 2024年预算数 99.51
    budget = basic_row(S001, "三公经费")["2024年预算数"]
    answer = ask(S001, "正文的三公经费支出与基础数据表是否一致？")
    assert "不等于" not in answer.answer and f"{float(budget):g}万元" in answer.answer


def test_a_row_of_a_table_whose_name_says_money_is_read_in_its_own_unit():
    row = next(i for i in project(S002, "编外用工人员经费").indicators if i.level3 == "聘用人员数量")
    answer = ask(S002, "编外用工人员经费聘用人员数量是多少？")
    assert answer.value == float(TARGET.match(row.actual).group(1)) and answer.unit == TARGET.match(row.actual).group(2)


def test_a_clause_of_another_column_does_not_answer_the_column_asked():
    # 002 l.1652 "2023年基本支出年初预算数为4668.70万元": not the 全年执行数 of 基本支出
    line = sentence_with(S002, "2023年基本支出年初预算数")
    assert ask(S002, "基本支出全年执行数是多少？").value != amount(line, "年初预算数为", "万元")


def test_a_rate_of_growth_asked_after_a_difference_is_of_that_difference():
    funds = gold(S002).tables[1].funds_total
    grown = funds.full_year_budget - funds.initial_budget
    answer = ask(S002, "部门年度资金总额全年预算比年初预算增长了多少？", "增长率是多少？")
    assert answer.value == round(grown / funds.initial_budget * 100, 2)
    assert f"{round(grown / funds.initial_budget * 100, 2):g}%" in ask(
        S002, "部门年度资金总额全年预算比年初预算增长了多少？增长率是多少？").answer


@pytest.mark.parametrize("question", ["三个项目共结余多少？", "三个项目结余合计多少？"])
def test_what_the_projects_left_unspent_together(question):
    funds = [t.funds_total for _, t in projects(S002)]
    left = sum(f.full_year_budget for f in funds) - sum(f.executed for f in funds)
    assert ask(S002, question).value == round(left, 2)


@pytest.mark.parametrize("question", ["运行维护费未执行的资金占全年预算的比例是多少？", "运行维护费结余占全年预算数的比例？"])
def test_what_was_left_unspent_as_a_share_of_the_budget(question):
    funds = project(S002, "运行维护费").funds_total
    left = funds.full_year_budget - funds.executed
    assert ask(S002, question).value == round(left / funds.full_year_budget * 100, 2)


@pytest.mark.parametrize("question", ["三公经费决算数是多少？公用经费是多少？", "三公经费决算数是多少，公用经费是多少？",
                                      "三公经费和公用经费分别是多少？"])
def test_two_figures_asked_in_one_message_are_both_answered(question):
    said = [float(basic_row(S002, label)["2023年决算数"]) for label in ("三公经费", "公用经费")]
    answer = ask(S002, question)
    assert all(f"{value:g}万元" in answer.answer for value in said)


def test_the_table_losing_most_on_a_named_row_is_ranked_by_that_row():
    lost_on_row = {t.name: i.weight - i.score for _, t in projects(S000) for i in t.indicators
                   if i.level3 and "社会公众满意度" in i.level3 and i.weight is not None}
    most = max(lost_on_row, key=lost_on_row.get)
    answer = ask(S000, "哪个专项的社会公众满意度扣分最多？")
    assert answer.value == lost_on_row[most] and most in answer.answer
    table = ask(S000, "各专项的社会公众满意度扣了多少分？").answer
    assert all(f"| {lost:g}分 |" in table for lost in lost_on_row.values())


def test_a_name_holding_ji_is_kept_whole_in_a_sum():
    # 003 l.26 "1.“市场及食品药品监管专项”年初预算金额70万元,追加69.88万元": 及 is inside the name, 加 joins the sum
    line = sentence_with(S003, "市场及食品药品监管专项")
    initial, added = amount(line, "年初预算金额", "万元"), amount(line, "追加", "万元")
    assert ask(S003, "市场及食品药品监管专项年初预算加追加是多少？").value == round(initial + added, 2)


def test_a_part_the_question_names_by_its_own_words_is_not_its_whole():
    # 000 l.1365 "年内新增市场主体4436户（其中：企业新增872户": 企业新增 names the part
    line = sentence_with(S000, "年内新增市场主体")
    assert ask(S000, "企业新增多少户？").value == amount(line, "企业新增", "户")
    assert ask(S000, "新增市场主体多少户？").value == amount(line, "年内新增市场主体", "户")


@pytest.mark.parametrize("path, words, unit", [(S000, "全区共有市场主体", "户"), (S003, "受理各平台投诉举报共计", "起")])
def test_a_total_asked_as_zongshu_is_the_figure_said_with_gongyou(path, words, unit):
    question = "市场主体总数是多少户？" if path == S000 else "投诉举报总数是多少？"
    assert ask(path, question).value == amount(sentence_with(path, words), words, unit)


@pytest.mark.parametrize("question", ["立案多少起？", "一共立案了多少起？"])
def test_a_count_said_as_the_bureau_total_answers_over_one_sub_item(question):
    # 004 l.92 "截止12月16日，我局共立案512起" over l.95 "（3）、…公安机关受案2起，立案2起"
    assert ask(S004, question).value == amount(sentence_with(S004, "我局共立案"), "我局共立案", "起")


@pytest.mark.parametrize("question", ["2020年预算收入是多少？", "收入总额是多少？"])
def test_income_is_not_answered_by_a_spending_clause(question):
    # 004 l.52-54 states only spending ("一般公共预算财政拨款基本支出6346.47万元，其中人员经费…"), no income
    answer = ask(S004, question)
    assert answer.value is None and NOT_FOUND in answer.answer


@pytest.mark.parametrize("question", ["知识产权培育资助专项执行数比其他四个专项之和还多吗？",
                                      "知识产权培育资助专项全年执行数是否超过其余四个专项的合计？"])
def test_the_other_projects_added_up_leave_out_the_one_compared(question):
    spent = {t.name: t.funds_total.executed for _, t in projects(S000)}
    others = sum(v for name, v in spent.items() if name != "知识产权培育资助专项")
    answer = ask(S000, question)
    assert f"={others:g}万元" in answer.answer
    assert f"{spent['知识产权培育资助专项']:g}+" not in answer.answer


def test_the_other_narrative_projects_are_added_up_by_the_measure_the_named_one_is_asked_of():
    # 003 l.26-37: 1.“市场及食品药品监管专项”…实际支出139.98万元; 2.…实际支出65.47元 (万 left out); 3.-6. …支出48.57万元 …
    spent = [amount(sentence_with(S003, "知识产权专项"), "实际支出", "元")] + [
        amount(sentence_with(S003, f"“{name}”"), f"“{name}”支出", "万元")
        for name in ("食品安全监督抽检及工作经费", "经开区市场监督管理专项", "标准化及质量专项经费", "市场主体培育纳税申报服务工作经费")]
    answer = ask(S003, "市场及食品药品监管专项支出比其他五个项目之和还多吗？")
    assert f"={round(sum(spent), 2):g}万元" in answer.answer


@pytest.mark.parametrize("question", ["知识产权专项年初预算与追加合计与实际支出相差多少？",
                                      "知识产权专项年初预算和追加之和与实际支出的差额是多少？"])
def test_a_side_added_up_with_yu_keeps_both_its_parts(question):
    # 003 l.32 "2.“知识产权专项”年初预算金额20万元，追加45.47万元，实际支出65.47元"
    line = sentence_with(S003, "知识产权专项")
    budget, added = amount(line, "年初预算金额", "万元"), amount(line, "追加", "万元")
    spent = amount(line, "实际支出", "元")
    answer = ask(S003, question)
    assert answer.value == round(abs(budget + added - spent), 2) and f"{added:g}" in answer.answer


@pytest.mark.parametrize("question, below", [("是否存在得分低于95分的专项？", True), ("有没有执行率不到100%的专项？", None),
                                             ("有无得分低于95分的专项？", True)])
def test_whether_any_project_is_so_is_answered_by_which_ones(question, below):
    totals = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, question)
    if below:
        low = [name for name, score in totals.items() if score < 95]
        assert answer.value == len(low) and all(name in answer.answer.split("。")[0] for name in low)
    else:  # every project's 执行率 is printed 100%
        rates = [t.funds_total.execution_rate for _, t in projects(S000)]
        assert answer.value == sum(rate < 100 for rate in rates) and "没有" in answer.answer


def test_projects_beyond_an_amount_asked_with_na_ji_ge():
    # 003 l.26-37: each numbered project's 实际支出 / 支出
    line = sentence_with(S003, "“食品安全监督抽检及工作经费”")
    answer = ask(S003, "支出超过40万元的项目有哪几个？")
    assert "食品安全监督抽检及工作经费" in answer.answer.split("。")[0] and amount(line, "支出", "万元") > 40
    assert "标准化及质量专项经费" not in answer.answer.split("。")[0]


@pytest.mark.parametrize("path, question, names", [
    (S000, "质量发展专项和食品监管专项执行数的差额是多少？", ("质量发展专项", "食品监管专项")),
    (S002, "业务工作经费和运行维护费全年执行数的差值是多少？", ("业务工作经费", "运行维护费"))])
def test_a_measure_said_before_de_chae_is_of_both_names(path, question, names):
    spent = [project(path, name).funds_total.executed for name in names]
    assert ask(path, question).value == round(abs(spent[0] - spent[1]), 2)


def test_a_project_share_of_all_projects_takes_the_column_the_whole_names():
    spent = {t.name: t.funds_total.executed for _, t in projects(S000)}
    answer = ask(S000, "知识产权培育资助专项占五个专项全年执行数的比重是多少？")
    assert answer.value == round(spent["知识产权培育资助专项"] / sum(spent.values()) * 100, 2)


def test_the_projects_total_as_a_share_of_the_department_is_of_its_column():
    spent = sum(t.funds_total.executed for _, t in projects(S002))
    department = next(t for t in gold(S002).tables if t.kind == "department_overall").funds_total.executed
    answer = ask(S002, "三个项目全年执行数合计占部门整体的比例是多少？")
    assert answer.value == round(spent / department * 100, 2)


@pytest.mark.parametrize("question", ["公用经费2023年决算数较2022年的变化是多少？", "公用经费2023年比2022年变动多少？",
                                      "公用经费2023年决算数与2022年相比变化了多少？"])
def test_a_change_between_two_years_said_as_bianhua(question):
    cells = basic_row(S002, "公用经费")
    assert ask(S002, question).value == round(abs(float(cells["2023年决算数"]) - float(cells["2022年决算数"])), 2)


@pytest.mark.parametrize("question, count, highest", [("全年执行数排名前三的专项？", 3, True),
                                                      ("得分前两名的专项是哪些？", 2, True), ("总分排名后两位的专项？", 2, False)])
def test_the_first_or_last_so_many_projects(question, count, highest):
    column = "executed" if "执行" in question else "total_score"
    value = {t.name: (t.funds_total.executed if column == "executed" else t.total_score) for _, t in projects(S000)}
    expected = sorted(value, key=value.get, reverse=highest)[:count]
    head = ask(S000, question).answer.split("。")[0]
    assert all(name in head for name in expected) and sum(name in head for name in value) == count


def test_the_first_three_narrative_projects_by_spending():
    # 003 l.26 实际支出139.98万元, l.32 实际支出65.47元 (万 left out), l.34 支出48.57万元, then 44.31, 34.32, 28.72
    head = ask(S003, "项目支出前三名是哪几个项目？").answer.split("。")[0]
    assert all(name in head for name in ("市场及食品药品监管专项", "知识产权专项", "食品安全监督抽检及工作经费"))
    assert "经开区市场监督管理专项" not in head


@pytest.mark.parametrize("question, below", [("哪些经费2023年决算数比预算数少？", True), ("哪些经费决算数比预算数高？", False)])
def test_basic_rows_whose_final_is_said_bi_their_budget(question, below):
    rows = [r for r in gold(S002).tables[0].rows if len(r.values) == 3]
    header = next(r for r in rows if r.values[0] == "2022年决算数").values
    cells = [(r.label, dict(zip(header, r.values))) for r in rows[rows.index(next(r for r in rows if r.values == header)) + 1:]]
    numbers = [(label, float(c["2023年预算数"]), float(c["2023年决算数"])) for label, c in cells
               if c.get("2023年预算数") and c.get("2023年决算数")]
    expected = sum((final < budget) if below else (final > budget) for _, budget, final in numbers)
    assert ask(S002, question).value == expected


@pytest.mark.parametrize("question, lowest", [("复核得分最低的是哪张表？", True), ("哪张表复核得分最高？", False)])
def test_which_table_the_review_scores_lowest_or_highest(question, lowest):
    scores = {s["table"]: s["recomputed_score"] for s in checked_json(S000)["scores"] if s.get("recomputed_score") is not None}
    best = (min if lowest else max)(scores.values())
    answer = ask(S000, question)
    assert f"{best:g}分" in answer.answer.split("。")[0]


def test_a_multiple_of_another_project_is_of_the_column_the_first_names():
    spent = [project(S002, name).funds_total.executed for name in ("业务工作经费", "运行维护费")]
    assert ask(S002, "业务工作经费全年执行数是运行维护费的多少倍？").value == round(spent[0] / spent[1], 2)


def test_two_figures_named_together_come_from_one_sentence():
    # 003 l.19 "受理各平台投诉举报共计6369起，争议金额429.93万元，为消费者挽回经济损失6.9万元" — not the 挽回经济损失252万元
    # of the 网络教培机构 cases two sentences on; 损失分别 is no 失分
    line = sentence_with(S003, "争议金额")
    answer = ask(S003, "投诉举报争议金额和挽回损失分别是多少？")
    assert f"{amount(line, '争议金额', '万元'):g}万元" in answer.answer
    assert answer.value == amount(line, "为消费者挽回经济损失", "万元")


@pytest.mark.parametrize("question", ["2023年和2022年三公经费哪年多？", "三公经费2023年和2022年哪一年高？"])
def test_which_year_is_higher(question):
    cells = basic_row(S002, "三公经费")
    higher = max(("2022年决算数", "2023年决算数"), key=lambda column: float(cells[column]))
    answer = ask(S002, question)
    assert answer.value == float(cells[higher]) and answer.answer.startswith(f"{higher[:5]}三公经费") \
        or answer.answer.startswith(f"三公经费{higher[:5]}")


def test_two_projects_compared_xiangbi_ruhe():
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, "药品监管专项与特种设备监察专项的得分相比如何？")
    higher = max(("药品监管专项", "特种设备监察专项"), key=scores.get)
    assert answer.value == scores[higher] and answer.answer.startswith(higher)


@pytest.mark.parametrize("question", ["分值最高的指标是哪几个？", "哪个指标分值最高？"])
def test_indicators_tied_for_the_highest_weight_are_all_named(question):
    indicators = [i for t in gold(S001).tables if t.kind != "basic_data" for i in t.indicators if i.weight is not None]
    best = max(i.weight for i in indicators)
    tied = [i.level3 for i in indicators if i.weight == best]
    answer = ask(S001, question)
    assert answer.value == best and len(tied) > 1 and all(name in answer.answer for name in tied)


@pytest.mark.parametrize("question, whole, items", [
    ("政府专项经费包括哪些项目？", "政府专项经费", ["2020省级市场监管专项（标准化项目补助）", "2020年知识产权战略推进专项"]),
    ("业务工作经费主要用于哪些项目？", "业务工作经费", ["打击传销工作经费", "食品安全监管检测经费", "新注册企业印章费"])])
def test_what_the_prose_lists_after_a_figure_answers_which_projects(question, whole, items):
    # 004 l.56 "其中业务工作经费1527.20万元，主要用于打击传销工作经费、…等12个项目，政府专项经费32.5万元，包括2020省级…16万元，…"
    line = sentence_with(S004, "政府专项经费")
    answer = ask(S004, question)
    assert f"{amount(line, whole, '万元'):g}" in answer.answer
    assert all(item in line and item in answer.answer for item in items)
    assert "党建经费" not in answer.answer or whole == "业务工作经费"


def test_a_list_then_fenbie_is_one_request():
    # in 002 only the 预算执行率 row of 运行维护费 (its funds row: 分值10, 得分5.67) lost points
    rows = [row for t in gold(S002).tables if t.kind != "basic_data" for row in [t.funds_total, *t.indicators] if row]
    lost = [row.weight - row.score for row in rows if row.weight is not None and row.score is not None
            and row.score < row.weight]
    answer = ask(S002, "哪些指标扣了分，分别扣了多少？")
    assert answer.value == len(lost) and all(f"扣{round(gap, 2):g}分" in answer.answer for gap in lost)
    assert "总分分值" not in answer.answer  # no second answer about the totals


def test_basic_rows_asked_as_jichu_shuju_biao_zhong_de_you_naxie():
    rows = gold(S002).tables[0].rows
    start = next(i for i, r in enumerate(rows) if "2023年预算数" in r.values)
    header = rows[start].values
    cells = [dict(zip(header, r.values)) for r in rows[start + 1:] if len(r.values) == len(header)]
    numbers = lambda column: [float(c[column]) for c in cells if c.get(column) and NUMBER.fullmatch(c[column])]  # noqa: E731
    assert ask(S002, "基础数据表中2023年预算数超过500万元的有哪些？").value == sum(v > 500 for v in numbers("2023年预算数"))
    assert ask(S002, "基础数据表中2023年决算数为0的有哪几项？").value == sum(v == 0 for v in numbers("2023年决算数"))


@pytest.mark.parametrize("question", ["三公经费2023年决算数比2022年下降的幅度是多少？", "三公经费2023年比2022年减少的百分比是多少？"])
def test_a_fall_asked_as_fudu_or_baifenbi_is_relative(question):
    cells = basic_row(S002, "三公经费")
    before, now = float(cells["2022年决算数"]), float(cells["2023年决算数"])
    assert ask(S002, question).value == round((before - now) / before * 100, 2)


@pytest.mark.parametrize("question, words", [("存量较去年年底增长了多少？", "存量较去年年底增长"),
                                             ("有效发明专利拥有量比上年增长了多少？", "同比增长")])
def test_a_growth_over_last_year_no_figure_of_which_is_given_is_the_printed_rate(question, words):
    # 004 l.70 "存量较去年年底增长23.23%"; l.90 "有效发明专利拥有量2521件，同比增长18.58%": no 2019 figure in the report
    assert ask(S004, question).value == amount(sentence_with(S004, words), words, "%")


@pytest.mark.parametrize("question", ["预算收入中年初预算和调整追加各占多少比例？", "年初预算和调整追加各占预算收入的比例？"])
def test_each_part_named_with_ge_zhan_is_given_its_share(question):
    # 003 l.11 "2023年预算收入1359.46万元，其中年初预算993.19万元，调整追加366.27万元"
    line = sentence_with(S003, "预算收入")
    whole = amount(line, "预算收入", "万元")
    shares = [round(amount(line, words, "万元") / whole * 100, 2) for words in ("年初预算", "调整追加")]
    answer = ask(S003, question)
    assert all(f"{share:g}%" in answer.answer for share in shares)


def test_a_share_of_a_whole_given_no_amount_is_the_printed_share():
    # 003 l.21 "高价值发明专利拥有量2297件，占全市的51%": the city's count is not in the report
    answer = ask(S003, "高价值发明专利拥有量占全市的比例是多少？")
    assert answer.value == amount(sentence_with(S003, "占全市的"), "占全市的", "%") and "÷" not in answer.answer


def test_two_named_counts_added_up_are_a_pair_in_one_unit():
    # 004 l.78 "按期完成30265家企业（企业年报率85.47%）和10020户个体户年报工作": the counts, not the 85.47% beside them
    line = sentence_with(S004, "个体户年报")
    answer = ask(S004, "企业年报和个体户年报一共多少？")
    assert answer.value == amount(line, "按期完成", "家") + amount(line, "和", "户")


@pytest.mark.parametrize("path, question, first, second", [
    (S003, "立案调查和列入经营异常哪个多？", ("立案调查", "起"), ("列入经营异常", "户")),  # l.19 "立案调查4起，列入经营异常11户"
    (S004, "捣毁传销窝点数和劝返遣散传销人员数哪个多？", ("捣毁传销窝点", "个"), ("劝返遣散传销人员", "人"))])
def test_two_counts_in_other_units_are_not_ranked(path, question, first, second):
    line = sentence_with(path, first[0])
    answer = ask(path, question)
    assert answer.value is None and "单位不同" in answer.answer
    assert all(f"{amount(line, words, unit):g}{unit}" in answer.answer for words, unit in (first, second))


@pytest.mark.parametrize("question, column", [("药品监管专项和质量发展专项哪个执行得多？", "executed"),
                                              ("药品监管专项和质量发展专项哪个预算多？", "full_year_budget")])
def test_which_project_spent_or_budgeted_more_by_a_bare_verb(question, column):
    amounts = {name: getattr(project(S000, name).funds_total, column) for name in ("药品监管专项", "质量发展专项")}
    more = max(amounts, key=amounts.get)
    answer = ask(S000, question)
    assert answer.value == amounts[more] and answer.answer.startswith(more)


def test_the_projects_counted_without_a_sum_word_are_added_up_in_a_share():
    spent = sum(t.funds_total.executed for _, t in projects(S000))
    department = next(t for t in gold(S000).tables if t.kind == "department_overall").funds_total.executed
    assert ask(S000, "五个专项全年执行数占部门整体全年执行数的比例？").value == round(spent / department * 100, 2)


def test_a_growth_asked_in_a_count_is_not_the_printed_rate():
    # 004 l.70 gives "市场主体总量达111655户…存量较去年年底增长23.23%" but no count for the year before
    answer = ask(S004, "2020年市场主体总量较上年增长多少户？")
    assert answer.value is None and NOT_FOUND in answer.answer


@pytest.mark.parametrize("question", ["部门整体支出绩效自评表各指标得分之和是多少？", "表1各指标得分之和是多少？"])
def test_every_indicator_of_a_named_table_added_up(question):
    table = next(t for t in gold(S000).tables if t.kind == "department_overall")
    assert ask(S000, question).value == sum(i.score for i in table.indicators if i.score is not None)


def test_a_part_of_a_whole_named_in_a_table_is_of_that_table():
    """The department table of sample 002 splits its 年度资金总额 into 一般公共预算 and 其他资金 but prints no
    当年财政拨款; a project table's 当年财政拨款 is not the department's."""
    department = next(t for t in gold(S002).tables if t.kind == "department_overall")
    answer = ask(S002, "部门整体年度资金总额中当年财政拨款占比是多少？")
    assert answer.value is None and "业务工作经费" not in answer.answer and "部门整体支出绩效自评表" in answer.answer
    answer = ask(S002, "部门整体年度资金总额中一般公共预算占比是多少？")
    assert answer.value == round(department.breakdown["一般公共预算"] / department.funds_total.full_year_budget * 100, 2)


@pytest.mark.parametrize("path, spending", [(S000, "其中人员经费："), (S002, "决算数为4980.37万元"),
                                            (S004, "基本支出6346.47万元")])
def test_a_ratio_of_a_to_b_is_a_divided_by_b(path, spending):
    """"人员经费与公用经费的比例": 人员经费 ÷ 公用经费, both read from the sentence breaking down 基本支出."""
    sentence = next(line for line in path.read_text(encoding="utf-8").splitlines() if spending in line)
    staff = float(re.search(r"人员经费：?(\d+(?:\.\d+)?)万元", sentence).group(1))
    running = float(re.search(r"公用经费：?(\d+(?:\.\d+)?)万元", sentence).group(1))
    answer = ask(path, "人员经费与公用经费的比例是多少？")
    assert answer.value == round(staff / running, 2)


@pytest.mark.parametrize("question, unit, factor", [("在职人员人均基本支出是多少元？", "元/人", 10_000),
                                                    ("在职人员人均基本支出是多少万元？", "万元/人", 1)])
def test_a_per_head_amount_is_given_in_the_money_unit_asked(question, unit, factor):
    # 002: 基本支出 4980.37万元 (部门整体支出绩效自评表 按支出性质分), 2023年实际在职人数 263
    basic = gold(S002).tables[1].breakdown["基本支出"]
    staff = float(basic_row(S002, "")["2023年实际在职人数"])
    answer = ask(S002, question)
    assert answer.value == round(basic * factor / staff, 2) and unit in answer.answer


@pytest.mark.parametrize("question, factor", [("部门整体支出全年执行数是多少元？", 10_000),
                                              ("部门整体支出全年执行数是多少万元？", 1)])
def test_an_amount_asked_in_yuan_is_converted_from_wan(question, factor):
    """001's 部门整体支出绩效自评表 prints 全年执行数 in 万元; asked "多少元" it is answered in 元, the formula saying how."""
    executed = next(t.funds_total.executed for t in gold(S001).tables if t.funds_total)
    answer = ask(S001, question)
    assert answer.value == round(executed * factor, 2)
    assert answer.unit == ("元" if factor > 1 else "万元")
    assert f"{round(executed * factor):d}{answer.unit}" in answer.answer if factor > 1 else f"{executed:g}万元" in answer.answer


@pytest.mark.parametrize("question", ["编外用工人员经费比运行维护费多多少？",
                                      "编外用工人员经费与运行维护费相比，全年预算数多多少？",
                                      "编外用工人员经费相比于运行维护费，全年预算数多多少？",
                                      "编外用工人员经费与运行维护费相比，多多少？"])
def test_two_tables_named_are_compared_in_the_same_row_and_column(question):
    """The prose's 编外用工人员经费93.18万元 is not set against 运行维护费's table: both tables' 全年预算数 are; the
    measure said after "A与B相比，" is both sides' (the 比 of 相比 does not cut the question as "A比B" would)."""
    ours, theirs = (project(S002, name).funds_total.full_year_budget for name in ("编外用工人员经费", "运行维护费"))
    answer = ask(S002, question)
    assert answer.value == round(ours - theirs, 2) and "正文" not in answer.answer
    assert answer.answer.count("年度资金总额·全年预算数") == 2


def test_parts_of_a_sum_of_money_asked_de_bili_without_zhan_are_its_shares():
    """"基本支出中人员经费和公用经费的比例分别是多少": each of 人员经费 and 公用经费 of 基本支出, all three read from
    the sentence of sample 002 that breaks 基本支出 down."""
    sentence = next(line for line in S002.read_text(encoding="utf-8").splitlines() if "决算数为4980.37万元" in line)
    basic, staff, running = (float(re.search(rf"{name}(\d+(?:\.\d+)?)万元", sentence).group(1))
                             for name in ("决算数为", "人员经费", "公用经费"))
    answer = ask(S002, "基本支出中人员经费和公用经费的比例分别是多少？")
    assert f"{round(staff / basic * 100, 2):g}%" in answer.answer and answer.value == round(running / basic * 100, 2)


@pytest.mark.parametrize("question", ["每个乡镇分别补助多少？", "每个乡镇补助多少万元？"])
def test_each_of_a_group_asked_with_mei_ge_finds_the_amount_each_received(question):
    """anhui_xuanzhou_2022 l.14 (traditional characters with pinyin glosses) "…共十個鄉(xiāng)鎮(zhèn)分別補助7萬元":
    "每个" asks of each of the group, it names nothing the report must print."""
    path = SAMPLES.parent / "field" / "dev" / "anhui_xuanzhou_2022_hanzaijiuzai.txt"
    line = path.read_text(encoding="utf-8").splitlines()[13]
    amount = float(re.search(r"分別補助(\d+)萬元", line).group(1))
    answer = ask(path, question)
    assert answer.value == amount and answer.evidence[0].line == 14


def places(values: dict[str, float], high_first: bool = True) -> dict[str, int]:
    """Each name's place, tables with the same figure sharing one (1, 1, 3)."""
    return {name: 1 + sum((other > value) if high_first else (other < value) for other in values.values())
            for name, value in values.items()}


@pytest.mark.parametrize("question, column", [("运行维护费的得分在所有项目中排第几？", "total_score"),
                                              ("运行维护费的执行率在各项目中排名第几？", "execution_rate")])
def test_the_place_of_a_named_project_among_the_projects(question, column):
    """002's three project tables, ranked by the 总分 / the funds total's 执行率 the gold reads from them."""
    values = {t.name or "": (t.total_score if column == "total_score" else t.funds_total.execution_rate)
              for _, t in projects(S002)}
    [name] = [title for title in values if "运行维护费" in title]
    answer = ask(S002, question)
    assert answer.value == places(values)[name] and f"排第{places(values)[name]}" in answer.answer


@pytest.mark.parametrize("question, high_first", [("执行率第三高的项目是哪个？", True),
                                                  ("执行率第二高的项目是哪个？", True),
                                                  ("得分第二低的项目是哪个？", False)])
def test_the_project_at_a_place_asked(question, high_first):
    """"第N高": the project(s) whose place is N, none when tables tied above take that place."""
    column = "execution_rate" if "执行率" in question else "total_score"
    values = {t.name or "": (t.funds_total.execution_rate if column == "execution_rate" else t.total_score)
              for _, t in projects(S002)}
    place = 3 if "第三" in question else 2
    at = [name for name, p in places(values, high_first).items() if p == place]
    answer = ask(S002, question)
    head = answer.answer.splitlines()[0]
    if at:
        assert all(name in head for name in at)
        assert len(at) > 1 or answer.value == values[at[0]]
    else:
        assert f"没有排第{place}" in head


def test_a_place_asked_from_the_low_end_and_a_place_beyond_the_tables():
    """"排第几低" counts from the lowest; "第五高" of three tables is said to be beyond them, not lost to ties; a
    ranking asked with one table named is the ranking, not that table's place."""
    rates = {t.name or "": t.funds_total.execution_rate for _, t in projects(S002)}
    [name] = [title for title in rates if "运行维护费" in title]
    low = ask(S002, "运行维护费的执行率在各项目中排第几低？")
    assert low.value == places(rates, high_first=False)[name] and "从低到高" in low.answer
    assert f"只有{len(rates)}个自评表" in ask(S002, "执行率第五高的项目是哪个？").answer
    ranking = ask(S002, "把运行维护费等各项目按执行率从高到低排序")
    assert ranking.value is None and ranking.answer.count("| 表") == len(rates)
