"""Reviewers' questions of round 6 (issue 17): gaps between rates in 个百分点, two requests whose parts are said once,
the parts of a group (三公经费, 项目支出, 基本支出 and 项目支出), follow-ups that keep the measure and scope of a list
or a comparison.

Expected figures are read off the gold tables (evals/gold/*.json, transcribed from the samples' own text)."""
import re

import pytest

from tests.test_chat_questions import S000, S001, S002, ask, gold, projects


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


# the parts of a group ----------------------------------------------------------------------------------------------

def basic_rows(path) -> dict[str, dict]:
    """Every basic-data row by its printed label, its cells by the header above it ("2024年决算数" …)."""
    rows, header, cells = gold(path).tables[0].rows, [], {}
    for row in rows:
        if any(v and "年" in v for v in row.values):
            header = row.values
        else:
            cells[row.label] = {h: float(v) for h, v in zip(header, row.values) if h and v and re.fullmatch(r"[\d.]+", v)}
    return cells


def test_the_largest_part_of_the_three_public_expenses():
    rows = basic_rows(S001)  # 三公经费 = 1、公务用车购置和维护经费 + 2、出国经费 (blank) + 3、公务接待
    whole = rows["三公经费"]["2024年决算数"]
    car, hosting = rows["1、公务用车购置和维护经费"]["2024年决算数"], rows["3、公务接待"]["2024年决算数"]
    answer = ask(S001, "三公经费中哪项最多？")
    assert answer.value == max(car, hosting) == car and "最多的是公务用车购置和维护经费" in answer.answer
    assert f"{car / whole * 100:.2f}%" in answer.answer and f"{hosting:g}万元" in answer.answer
    share = ask(S001, "三公经费中占比最大的是哪项？")
    assert share.value == round(car / whole * 100, 2) and share.unit == "%"


def test_the_parts_under_a_numbered_row_add_up_to_it():
    rows = basic_rows(S001)  # the unnumbered rows under "3、本级专项资金" add up to it
    names = ["市场监督专项", "药械化监管专项", "质量监督专项", "食品安全监管", "知识产权战略", "电容器中心筹建经费", "其他项目"]
    spent = {name: rows[name]["2024年决算数"] for name in names}
    answer = ask(S001, "本级专项资金中哪个专项最多？")
    assert answer.value == max(spent.values()) and max(spent, key=spent.get) in answer.answer.split("。")[0]
    ranked = ask(S001, "本级专项资金各项从高到低排列").answer
    lines = [cells[1].strip() for cells in (line.split("|") for line in ranked.split("\n") if line.startswith("| "))][1:]
    assert lines == sorted(names, key=spent.get, reverse=True)
    assert "公用经费" not in ranked  # the row after the run is not one of its parts


def test_each_part_and_the_parts_left_blank():
    rows = basic_rows(S002)  # 2023: only 公务用车购置和维护经费 is printed among the three
    answer = ask(S002, "三公经费中哪项最多？").answer
    assert f"公务用车购置和维护经费：{rows['1、公务用车购置和维护经费']['2023年决算数']:g}万元" in answer
    assert "出国经费、公务接待未填2023年决算数" in answer
    each = ask(S002, "项目支出各项分别是多少？").answer
    for name in ("1、业务工作经费", "2、运行维护经费", "3、编外用工人员经费"):
        assert f"| {name[2:]} | {rows[name]['2023年决算数']:g}万元 |" in each
    parts = ask(S002, "公用经费中哪项最少？").answer  # "其中：办公经费" and the rows after it that fit in 公用经费
    assert "会议费、培训费：0万元" in parts and "政府采购金额" not in parts


def test_a_whole_named_in_another_column():
    rows = basic_rows(S001)
    answer = ask(S001, "三公经费中哪项预算数最多？")
    assert answer.value == rows["1、公务用车购置和维护经费"]["2024年预算数"] and "2024年预算数" in answer.answer


def test_a_group_of_indicators_is_not_a_whole_of_parts():
    scores = [i.score for _, t in projects(S000) for i in t.indicators if i.level1 == "产出指标" and i.score is not None]
    assert ask(S000, "产出指标中哪个指标得分最低？").value == min(scores)


# follow-ups that keep the previous question's scope ----------------------------------------------------------------

def test_another_measure_of_the_two_compared():
    tables = dict((t.name, t) for _, t in projects(S000))
    drug, food = tables["药品监管专项"], tables["食品监管专项"]
    answer = ask(S000, "药品监管专项和食品监管专项哪个得分高？", "扣分呢？")
    lost = {name: round(t.total_weight - t.total_score, 2) for name, t in (("药品监管专项", drug), ("食品监管专项", food))}
    assert answer.value == max(lost.values()) and all(f"={v:g}分" in answer.answer for v in lost.values())
    budget = ask(S000, "药品监管专项的得分比食品监管专项高多少？", "全年预算数呢？")
    assert budget.value == abs(drug.funds_total.full_year_budget - food.funds_total.full_year_budget)


def test_the_other_end_of_a_which_question():
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    answer = ask(S002, "哪个项目执行率最低？", "最高的呢？")
    top = [name for name, rate in rates.items() if rate == max(rates.values())]
    assert answer.value == max(rates.values()) and all(name in answer.answer.split("。")[0] for name in top)


def test_each_tables_lost_points_after_listing_them():
    answer = ask(S000, "哪些项目没拿满分？", "分别扣了几分？").answer
    for _, t in projects(S000):
        assert f" {t.name} | {t.total_weight - t.total_score:g}分 |" in answer


def test_another_column_of_the_parts_of_a_whole():
    rows = basic_rows(S001)
    answer = ask(S001, "三公经费中哪项最多？", "预算数呢？")
    assert answer.value == rows["1、公务用车购置和维护经费"]["2024年预算数"] and "2024年预算数" in answer.answer


def test_a_severity_or_a_table_number_swapped_in_a_follow_up():
    from tests.test_chat_questions import checked_json
    checked = checked_json(S000)
    warnings = [f for f in checked["findings"] if f["severity"] == "warning"]
    assert ask(S000, "复核发现了几个错误？", "警告呢？").value == len(warnings)
    fourth = next(s for s in checked["scores"] if s["table"] == 3)
    assert ask(S000, "表3的复核得分是多少？", "表4呢？").value == fourth["recomputed_score"]


# the projects a narrative numbers, and a share of the figure a sentence breaks down ---------------------------------

S003 = S000.parent / "003_1fd1934784c8d720.txt"
S004 = S000.parent / "004_cc7bd27ce374c8f5.txt"


def numbered_spending():
    """003's numbered projects and what each spent, read off lines 26-37 ("1.“…专项”…实际支出139.98万元")."""
    text = S003.read_text(encoding="utf-8")
    items = re.findall(r"^\d\.“([^”]+)”[^\n]*?(?:实际)?支出([\d.]+)(?:万)?元", text, flags=re.M)
    return {name: float(value) for name, value in items}


@pytest.mark.parametrize("question, above", [("支出超过40万元的项目有哪些？", True), ("哪些项目支出低于40万元？", False)])
def test_the_numbered_projects_above_or_below_an_amount(question, above):
    spent = numbered_spending()
    assert len(spent) == 6
    hits = [name for name, value in spent.items() if (value > 40) == above]
    answer = ask(S003, question)
    assert answer.value == len(hits) and all(f"“{name}”" in answer.answer.split("\n")[0] for name in hits)


def test_the_numbered_projects_ranked():
    spent = numbered_spending()
    answer = ask(S003, "项目支出按金额从高到低排列").answer
    names = [line.split("|")[2].strip() for line in answer.split("\n") if line.startswith("| ")][1:]
    assert names == sorted(spent, key=spent.get, reverse=True)


def test_a_name_holding_ji_is_one_item_of_a_sum():
    text = S003.read_text(encoding="utf-8")
    start, added = (float(v) for v in re.search(r"年初预算金额([\d.]+)万元,追加([\d.]+)万元", text).groups())
    answer = ask(S003, "市场及食品药品监管专项的年初预算和追加合计是多少？")
    assert answer.value == round(start + added, 2)
    assert ask(S003, "市场及食品药品监管专项实际支出多少？", "知识产权专项呢？").value == numbered_spending()["知识产权专项"]


@pytest.mark.parametrize("path, pattern", [
    (S003, r"支出([\d.]+)万元，其中基本支出([\d.]+)万元"),  # one sentence: "…支出1359.46万元，其中基本支出998.09万元"
    (S000, r"决算支出([\d.]+)万元：其中基本支出([\d.]+)万元"),
])
def test_a_share_of_the_figure_its_sentence_breaks_down(path, pattern):
    whole, part = (float(v) for v in re.search(pattern, path.read_text(encoding="utf-8")).groups())
    answer = ask(path, "基本支出占比是多少？")
    assert answer.value == round(part / whole * 100, 2) and answer.unit == "%"


# comparisons and derived figures over the projects --------------------------------------------------------------------

def test_a_figure_the_report_gives_for_one_side_only_is_not_found_for_the_other():
    text = S004.read_text(encoding="utf-8")  # 004 prints 企业年报率 only ("企业年报率85.47%）和10020户个体户年报工作")
    assert "企业年报率" in text and "个体年报率" not in text
    answer = ask(S004, "企业年报率和个体年报率哪个高？")
    assert answer.value is None and answer.answer.startswith("报告中未找到“个体年报率”")
    each = ask(S004, "企业年报率和个体年报率分别是多少？").answer
    assert "企业年报率：85.47%" in each and "个体年报率：报告中未找到" in each


def test_the_department_score_against_the_projects_mean():
    scores = [t.total_score for _, t in projects(S000)]
    department = gold(S000).tables[0].total_score
    answer = ask(S000, "部门整体的得分比各专项的平均得分高多少？")
    assert answer.value == round(department - sum(scores) / len(scores), 2)


def test_the_projects_budgets_added_up_are_their_budgets():
    budgets = [t.funds_total.full_year_budget for _, t in projects(S002)]
    executed = [t.funds_total.executed for _, t in projects(S002)]
    assert sum(budgets) != sum(executed)  # 运行维护费 spent 32.15 of 56.7
    assert ask(S002, "各项目预算合计是多少？").value == round(sum(budgets), 2)


def test_the_highest_then_how_far_above_the_lowest():
    scores = {t.name: t.total_score for _, t in projects(S000)}
    answer = ask(S000, "哪个专项得分最高，比最低的高多少？")
    assert answer.value == round(max(scores.values()) - min(scores.values()), 2)
    assert ask(S002, "哪个项目执行率最高？", "比最低的高多少？").unit == "个百分点"


def test_how_far_a_figure_stands_from_the_one_of_its_row_it_is_read_against():
    text = S001.read_text(encoding="utf-8")  # 001: 开展抽检产商品批次 | ≥550批次 | 475批次
    target, actual = (float(v) for v in re.search(r"开展抽检产商品批次\s+≥(\d+)批次\s+(\d+)批次", text).groups())
    answer = ask(S001, "开展抽检产商品批次完成了多少？", "还差多少？")
    assert answer.value == target - actual and answer.unit == "批次"
    funds = next(t for _, t in projects(S002) if t.name == "运行维护费").funds_total
    assert ask(S002, "运行维护费全年执行数是多少？", "差多少？").value == round(funds.full_year_budget - funds.executed, 2)


# an indicator held against its target, and the groups that lost points -------------------------------------------

def indicator(path, name):
    return next(i for t in gold(path).tables for i in t.indicators if i.level3 == name)


def test_whether_a_completion_reaches_its_target_in_its_direction():
    row = indicator(S001, "开展抽检产商品批次")  # ≥550批次, 475批次 done
    answer = ask(S001, "开展抽检产商品批次的完成值是否达到指标值？").answer
    assert f"未达到年度指标值{row.target}" in answer
    met = indicator(S002, "车辆出勤率")
    assert f"已达到年度指标值{met.target}" in ask(S002, "车辆出勤率的实际完成值是否达到年度指标值？").answer


@pytest.mark.parametrize("name, target", [("专利许可交易金额", 200), ("开展抽检产商品批次", 550)])
def test_an_indicators_completion_rate_is_its_completion_over_its_target(name, target):
    row = indicator(S001, name)
    assert row.target.lstrip("≥").startswith(str(target))
    actual = float(re.match(r"[\d.]+", row.actual).group())
    assert ask(S001, f"{name}完成率是多少？").value == round(actual / target * 100, 2)


def test_the_first_level_groups_that_lost_points():
    lost = {}
    for i in gold(S001).tables[1].indicators:
        if i.weight is not None and i.score is not None and i.score < i.weight:
            lost[i.level1] = round(lost.get(i.level1, 0) + i.weight - i.score, 2)
    answer = ask(S001, "哪些一级指标扣分了？")
    assert answer.value == len(lost) and all(f"{name}：扣{points:g}分" in answer.answer for name, points in lost.items())


def test_a_tables_first_level_groups_with_their_weights():
    rows = [i for i in gold(S000).tables[0].indicators if i.weight is not None]
    groups = {}
    for i in rows:
        groups.setdefault(i.level1, []).append(i.weight)
    answer = ask(S000, "部门整体自评表的一级指标有哪些？")
    assert answer.value == len(groups)
    assert all(f"{name}：{len(w)}个三级指标，分值{sum(w):g}分" in answer.answer for name, w in groups.items())


def test_what_a_whole_includes_from_the_table_when_the_narrative_lists_none():
    rows = basic_rows(S001)
    answer = ask(S001, "三公经费包括哪些？").answer
    assert f"| 公务用车购置和维护经费 | {rows['1、公务用车购置和维护经费']['2024年决算数']:g}万元 |" in answer
    assert f"| 公务接待 | {rows['3、公务接待']['2024年决算数']:g}万元 |" in answer


def test_the_review_findings_on_missed_targets_scored_in_full():
    from tests.test_chat_questions import checked_json
    rows = sorted({f["row"] for f in checked_json(S001)["findings"] if f["rule"] == "target_not_met_full_score"})
    answer = ask(S001, "哪些指标未达目标却得了满分？")
    assert rows and answer.value == len(rows) and all(f"“{row}”" in answer.answer for row in rows)


def test_the_table_the_review_changed_most():
    from tests.test_chat_questions import checked_json
    gaps = {s["table"]: abs(s["self_score"] - s["recomputed_score"]) for s in checked_json(S000)["scores"]
            if s["self_score"] is not None and s["recomputed_score"] is not None}
    widest = max(gaps, key=gaps.get)
    answer = ask(S000, "哪个专项复核后得分变化最大？")
    assert abs(answer.value) == round(gaps[widest], 2) and f"表{widest + 1} " in answer.answer.split("\n")[0]


def test_the_parts_added_up_and_held_against_their_whole():
    rows = basic_rows(S001)
    car, hosting = rows["1、公务用车购置和维护经费"]["2024年决算数"], rows["3、公务接待"]["2024年决算数"]
    whole = rows["三公经费"]["2024年决算数"]
    answer = ask(S001, "三公经费各项合计是否等于三公经费？")
    assert answer.value == round(car + hosting, 2) and ("，等于" if abs(car + hosting - whole) < 0.005 else "不等于") in answer.answer
    # a name holding 和 joined to another: each keeps its own row
    assert ask(S001, "公务用车购置和维护经费和公务接待合计多少？").value == round(car + hosting, 2)


# questions asked one after another -----------------------------------------------------------------------------------

def test_two_questions_asked_one_after_another_are_both_answered():
    text = S000.read_text(encoding="utf-8")  # "受理消费者投诉（举报）3494件 … 目前已办结3401件"
    received, done = (float(v) for v in re.search(r"受理消费者投诉（举报）(\d+)件.*?已办结(\d+)件", text).groups())
    answer = ask(S000, "受理消费者投诉多少件？已办结多少件？")
    assert answer.value == received and f"{done:g}件" in answer.answer


def test_a_second_question_opening_with_its_relation_follows_the_first():
    text = S004.read_text(encoding="utf-8")  # "基本支出6346.47万元，其中人员经费…，公用经费557.93万元"
    basic, common = (float(v) for v in re.search(r"基本支出([\d.]+)万元.*?公用经费([\d.]+)万元", text).groups())
    answer = ask(S004, "公用经费是多少？占基本支出多少？")
    assert answer.value == common and f"{common / basic * 100:.2f}%" in answer.answer


def test_a_follow_up_question_after_a_question_mark():
    row = indicator(S001, "社会公众对食品安全满意度")
    answer = ask(S001, "社会公众对食品安全满意度的指标值是多少？完成值呢？").answer
    assert f"年度指标值为{row.target}" in answer and f"实际完成值为{row.actual}" in answer


def test_a_table_a_later_part_repeats_is_shown_once():
    answer = ask(S002, "各项目的总分分别是多少？哪个最高？").answer
    assert answer.count("| 表4 运行维护费 |") == 1 and "最高的是" in answer


def test_the_indicators_whose_completion_passes_their_target():
    rows = [i for t in gold(S002).tables for i in t.indicators if i.target and i.actual]
    answer = ask(S002, "哪些指标的实际完成值超过了年度指标值？")
    assert answer.unit == "个" and answer.value >= 1 and "完成值超过指标值的指标" in answer.answer
    beyond = next(i for i in rows if i.level3 == "全年立案查处各类经济违法案件结案数")
    assert beyond.level3 in answer.answer and float(beyond.actual.rstrip("件")) > float(beyond.target.lstrip("≥≧").rstrip("件"))


def named_rows(table):
    return [i for i in table.indicators if (i.level3 or i.level2) not in (None, "……")
            and any(v is not None for v in (i.target, i.actual, i.weight, i.score))]


def test_the_project_with_the_most_indicators():
    counts = {t.name: len(named_rows(t)) for _, t in projects(S002)}
    answer = ask(S002, "哪个项目的指标最多？")
    assert answer.value == max(counts.values()) and max(counts, key=counts.get) in answer.answer.split("\n")[0]
    pair = ask(S002, "业务工作经费和运行维护费哪个指标多？")
    assert pair.value == counts["业务工作经费"] and f"运行维护费{counts['运行维护费']}个" in pair.answer


def test_a_rate_recomputed_as_the_division_the_question_spells_out():
    rows = gold(S002).tables[0].rows
    header = next(i for i, row in enumerate(rows) if row.values[:1] == ["编制数"])
    staff, serving = (float(v) for v in rows[header + 1].values[:2])  # 编制数 301, 2023年实际在职人数 263
    assert ask(S002, "按实际在职人数除以编制数重新计算控制率").value == round(serving / staff * 100, 2)
    three = basic_rows(S002)["三公经费"]  # a basic-data row has no 全年执行数: its 决算数 ÷ 预算数
    answer = ask(S002, "三公经费按决算数除以预算数计算的执行率是多少？")
    assert answer.value == round(three["2023年决算数"] / three["2023年预算数"] * 100, 2)


def test_the_measure_after_the_last_name_is_compared_for_every_name():
    scores = {t.name: next(i.score for i in t.indicators if i.level3 and "社会公众满意度" in i.level3)
              for _, t in projects(S000) if t.name in ("药品监管专项", "食品监管专项")}
    answer = ask(S000, "药品监管专项和食品监管专项的社会公众满意度得分哪个高？")
    assert answer.value == max(scores.values()) and answer.unit == "分"
    rates = {t.name: t.funds_total.execution_rate for _, t in projects(S002)}
    pair = ask(S002, "运行维护费和业务工作经费的执行率相比哪个高？")
    assert pair.value == max(rates["运行维护费"], rates["业务工作经费"]) and pair.unit == "%"


def test_a_column_of_every_indicator_in_a_group():
    rows = [i for i in gold(S001).tables[1].indicators if i.level1 == "满意度指标" and i.actual]
    answer = ask(S001, "满意度指标的完成值分别是多少？")
    assert answer.value == len(rows) and all(i.level3 in answer.answer for i in rows)


def test_a_groups_score_rate_is_its_total_score_over_its_total_weight():
    rows = [i for i in gold(S001).tables[1].indicators if i.level1 == "效益指标" and i.weight is not None]
    rate = round(sum(i.score for i in rows) / sum(i.weight for i in rows) * 100, 2)
    answer = ask(S001, "产出指标和效益指标哪个得分率高？")
    assert f"{sum(i.score for i in rows):g}÷{sum(i.weight for i in rows):g}×100={rate:g}%" in answer.answer


def test_two_measures_of_the_report_compared_each_in_its_own_words():
    text = S003.read_text(encoding="utf-8")  # "其中年初预算993.19万元，调整追加366.27万元"
    start, added = (float(v) for v in re.search(r"其中年初预算([\d.]+)万元，调整追加([\d.]+)万元", text).groups())
    answer = ask(S003, "年初预算和调整追加哪个多？")
    assert answer.value == max(start, added) and f"{start:g}万元" in answer.answer and f"{added:g}万元" in answer.answer


# follow-ups over what the previous question ran over ----------------------------------------------------------------

def test_a_follow_up_over_the_tables_or_things_listed():
    budgets = [t.funds_total.full_year_budget for _, t in projects(S000)]
    assert ask(S000, "有哪些专项？", "它们的预算合计是多少？").value == round(sum(budgets), 2)
    rates = [t.funds_total.execution_rate for _, t in projects(S002)]
    assert ask(S002, "各项目执行率分别是多少？", "平均是多少？").value == round(sum(rates) / len(rates), 2)
    lost = max(i.weight - i.score for _, t in projects(S000) for i in t.indicators
               if i.weight is not None and i.score is not None)
    assert ask(S000, "哪些指标扣分了？", "扣分最多的是哪个？").value == lost


def test_a_follow_up_asking_for_the_list_of_what_was_counted():
    from tests.test_chat_questions import checked_json
    errors = [f for f in checked_json(S002)["findings"] if f["severity"] == "error"]
    answer = ask(S002, "复核发现了几个错误？", "都是哪些？")
    assert answer.value == len(errors) and errors[0]["message"] in answer.answer


def test_a_follow_up_on_the_part_picked_or_a_part_of_the_figure_before():
    rows = basic_rows(S001)
    car, whole = rows["1、公务用车购置和维护经费"]["2024年决算数"], rows["三公经费"]["2024年决算数"]
    assert ask(S001, "三公经费中哪项最多？", "占比多少？").value == round(car / whole * 100, 2)
    assert ask(S001, "三公经费是多少？", "其中公务接待呢？").value == rows["3、公务接待"]["2024年决算数"]


# what the report lists under its own headings -------------------------------------------------------------------------

def test_the_problems_the_report_lists_under_its_own_heading():
    lines = S004.read_text(encoding="utf-8").split("\n")  # "一、存在的主要问题" then （一）（二）（三）, then "二、改进措施和有关建议"
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("一、存在的主要问题"))
    items = [line.strip() for line in lines[start + 1:start + 4]]
    assert all(line.startswith(f"（{n}）") for line, n in zip(items, "一二三"))
    answer = ask(S004, "存在的主要问题有哪些？")
    assert answer.value == 3 and all(item[:20] in answer.answer for item in items)
    assert "改进措施" not in answer.answer.split("\n", 1)[1] and "复核" not in answer.answer


def test_the_measures_a_report_lists_stop_at_the_next_heading():
    lines = S002.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("八、下一步改进措施"))
    items = [line for line in lines[start + 1:] if line.startswith("（")][:4]
    answer = ask(S002, "下一步改进措施有哪些？")
    assert answer.value == 4 and all(item[:20] in answer.answer for item in items) and "九、" not in answer.answer


def test_which_table_is_lowest_after_the_review():
    from tests.test_chat_questions import checked_json
    recomputed = {s["table"]: s["recomputed_score"] for s in checked_json(S002)["scores"]
                  if gold(S002).tables[s["table"]].kind == "project"}
    lowest = min(recomputed, key=recomputed.get)
    answer = ask(S002, "复核后哪个项目得分最低？")
    assert answer.value == recomputed[lowest] and gold(S002).tables[lowest].name in answer.answer


def test_which_table_differs_most_after_asking_the_review_scores():
    from tests.test_chat_questions import checked_json
    gaps = {s["table"]: abs(s["self_score"] - s["recomputed_score"]) for s in checked_json(S000)["scores"]}
    answer = ask(S000, "复核得分是多少？", "哪个表差得最多？")
    assert abs(answer.value) == round(max(gaps.values()), 2)


def test_the_numbered_city_projects_added_up():
    text = S001.read_text(encoding="utf-8")  # "（1）2024年共有市场监督管理专项资金338.72万元" … "（6）…353.27万元"
    amounts = [float(v) for v in re.findall(r"^（\d）2024年共有[^\d]+?([\d.]+)万元", text, flags=re.M)]
    assert len(amounts) == 6
    assert ask(S001, "六个市级专项合计多少？").value == round(sum(amounts), 2)


def test_two_figures_named_side_by_side_are_the_pair_printed_side_by_side():
    text = S000.read_text(encoding="utf-8")  # "其中：企业（含农专）7433户、个体工商户23855户，年内新增…（其中：企业新增872户"
    firms, traders = (float(v) for v in re.search(r"企业（含农专）(\d+)户、个体工商户(\d+)户", text).groups())
    answer = ask(S000, "企业和个体工商户分别有多少户？").answer
    assert f"企业：{firms:g}户" in answer and f"个体工商户：{traders:g}户" in answer


def test_the_indicators_of_a_group_below_a_number():
    rows = [i for i in gold(S001).tables[1].indicators if i.level1 == "满意度指标" and i.actual
            and float(i.actual.rstrip("%")) < 90]
    answer = ask(S001, "哪些满意度指标的完成值低于90%？")
    assert answer.value == len(rows) and all(i.level3 in answer.answer for i in rows)
