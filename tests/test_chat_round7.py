"""Reviewers' questions of round 7 (issue 17): a year said once over several figures (上年呢？ after 基本支出和项目支出),
the fields a form fills in on a line of their own (填表人, 填报日期, 联系电话), the review's findings by table and by
severity, rows leaving a cell blank, a list then a measure of each thing listed, 部门整体支出 and shares of it, sums in
亿元 and 万元, a table's 年度总体目标, the split of its 年度资金总额, rows by points lost or 得分率, 总支出 a report does
not state, 结余 said without 预算, each project's share, the unit and year of the report, follow-ups to the other side
of the review or to another year / column of both sides of a comparison.

Expected figures are read off the gold tables (evals/gold/*.json, transcribed from the samples' own text) or, for
what no gold table holds, off the sample's own line (quoted in the test)."""
import re

import pytest

from tests.test_chat_questions import S000, S001, S002, S003, ask, checked_json, gold, projects
from tests.test_chat_round6 import basic_rows


# a year said once over several figures ---------------------------------------------------------------------------------

def test_last_year_of_two_figures_asked_together_is_of_both():
    rows = basic_rows(S002)
    project = rows["项目支出："]["2022年决算数"]
    basic = rows["部门基本支出预算调整"]["2022年决算数"]
    for answer in (ask(S002, "基本支出和项目支出分别是多少？", "上年呢？"), ask(S002, "上年基本支出和项目支出分别是多少？")):
        assert f"决算数{basic:g}万元" in answer.answer and f"决算数{project:g}万元" in answer.answer
        assert "855.87" not in answer.answer  # 2023's 项目支出, not the year asked
        assert answer.value == project


# a form's fields on a line of their own --------------------------------------------------------------------------------

LINE_347 = "填表人：潘菲丽  填报日期：2025.4.29   联系电话：13507377748  单位负责人签字："  # evals/samples/001…, line 347


def test_the_fields_filled_in_below_the_basic_data_table():
    assert LINE_347 in S001.read_text(encoding="utf-8").split("\n")[346]
    assert "填表人为潘菲丽（第347行）" in ask(S001, "填表人是谁？").answer
    assert "填报日期为2025.4.29（第347行）" in ask(S001, "填报日期是哪天？").answer
    assert "13507377748" in ask(S001, "报告的联系电话是多少？").answer
    both = ask(S001, "填表人和填报日期分别是什么？").answer
    assert "填表人：潘菲丽" in both and "填报日期：2025.4.29" in both


def test_two_fields_asked_one_after_the_other_are_both_given():
    answer = ask(S001, "填表人是谁，联系电话是多少？").answer
    assert "潘菲丽" in answer and "13507377748" in answer


def test_a_field_left_blank_is_not_read_as_the_next_line():
    answer = ask(S001, "单位负责人是谁？")
    assert "附件3" not in answer.answer and "潘菲丽" not in answer.answer.split("。")[0]


# the review's findings by table -----------------------------------------------------------------------------------------

def by_table(path, severity):
    counts = {}
    for finding in checked_json(path)["findings"]:
        if finding["severity"] == severity and finding["table"] is not None:
            counts[finding["table"]] = counts.get(finding["table"], 0) + 1
    return counts


def test_the_tables_with_warnings_each_with_how_many():
    counts = by_table(S002, "warning")
    answer = ask(S002, "哪些表有警告？")
    assert answer.value == len(counts)
    items = [line for line in answer.answer.split("\n") if line[:1].isdigit()]
    assert [int(line.split("表")[1].split(" ")[0]) - 1 for line in items] == sorted(counts)
    assert all(f"：{counts[t]}条" in line for t, line in zip(sorted(counts), items))


def test_the_table_with_the_most_errors():
    counts = by_table(S002, "error")
    most = max(counts.values())
    answer = ask(S002, "哪个表的错误最多？")
    assert answer.value == most and "最多" in answer.answer
    assert all(f"表{t + 1} " in answer.answer for t in counts if counts[t] == most)
    assert not any(f"表{t + 1} " in answer.answer for t in counts if counts[t] < most)


def test_the_errors_are_called_errors():
    errors = [f for f in checked_json(S002)["findings"] if f["severity"] == "error"]
    answer = ask(S002, "哪些问题是错误？")
    assert answer.value == len(errors) and f"{len(errors)}条错误" in answer.answer


# rows that leave a cell blank -------------------------------------------------------------------------------------------

def blank(path, column, table=None):
    """(table, name) of every named indicator row of the gold tables leaving the column empty."""
    return [(index, i.level3 or i.level2) for index, t in enumerate(gold(path).tables) if table in (None, index)
            for i in t.indicators if (i.level3 or i.level2) and (i.level3 or i.level2) != "……"
            and getattr(i, column) in (None, "")]


@pytest.mark.parametrize("question, column", [("哪些指标没有评分？", "score"), ("哪些指标没有填指标值？", "target"),
                                              ("有哪些指标未填写完成值？", "actual")])
def test_the_indicators_leaving_a_cell_blank(question, column):
    rows = blank(S002, column)
    answer = ask(S002, question)
    assert rows and answer.value == len(rows)
    items = [line for line in answer.answer.split("\n") if line[:1].isdigit()]
    assert len(items) == len(rows) and all(f"表{t + 1} " in item and name in item for (t, name), item in zip(rows, items))


def test_the_blank_rows_of_one_table_and_a_report_that_fills_them():
    rows = blank(S002, "score", table=2)
    answer = ask(S002, "表3中哪些指标没有得分？")
    assert answer.value == len(rows) == 1 and rows[0][1] in answer.answer and "≤760元/批次" in answer.answer
    assert gold(S000).tables[0].indicators and not blank(S000, "target", table=0)
    assert ask(S000, "表1中哪些指标没有填指标值？").value == 0


# a list, then a measure of each thing listed ----------------------------------------------------------------------------

def weights_by_group(path, table):
    weights = {}
    for i in gold(path).tables[table].indicators:
        if i.level1 and i.weight is not None and (i.level3 or i.level2) != "……":
            weights[i.level1] = weights.get(i.level1, 0) + i.weight
    return weights


@pytest.mark.parametrize("questions", [("一级指标有哪些，分值各是多少？",), ("一级指标有哪些？", "分值各是多少？")])
def test_the_first_level_groups_then_their_weights(questions):
    weights = weights_by_group(S000, 0)
    answer = ask(S000, *questions).answer
    assert "未找到" not in answer and answer.count("一级指标（共") == 1
    assert all(f"{group}：" in answer and f"分值{weight:g}分" in answer for group, weight in weights.items())


def test_a_measure_of_each_indicator_listed():
    scores = [(t.name, i.score) for t in gold(S000).tables for i in t.indicators if i.level1 == "满意度指标"
              and i.score is not None]
    answer = ask(S000, "满意度指标有哪些？", "得分分别是多少？")
    assert answer.value == len(scores)
    assert all(f"：{score:g}（第" in answer.answer for _, score in scores)


def test_every_row_of_a_long_list_of_findings_is_named():
    errors = [f for f in checked_json(S002)["findings"] if f["severity"] == "error"]
    assert len(errors) > 15  # more than an answer quotes in full
    answer = ask(S002, "复核发现了哪些错误？").answer
    assert all(f["row"] in answer for f in errors if f["row"])


# shares of the department's whole spending ------------------------------------------------------------------------------

def department(path):
    return next(t for t in gold(path).tables if t.kind == "department_overall").funds_total


@pytest.mark.parametrize("path", [S000, S002])
def test_the_department_s_whole_spending_is_its_total_not_a_row_of_it(path):
    answer = ask(path, "部门整体支出是多少？")
    assert answer.value == department(path).executed and "年度资金总额" in answer.answer


@pytest.mark.parametrize("path", [S000, S002])
def test_the_projects_total_as_a_share_of_the_department_s_spending(path):
    spent = [t.funds_total.executed for _, t in projects(path)]
    whole = department(path).executed
    answer = ask(path, "各项目执行数合计占部门整体支出的比例是多少？")
    assert answer.value == round(sum(spent) / whole * 100, 2) and f"÷{whole:g}×100" in answer.answer


def test_the_projects_total_as_a_share_of_the_department_s_total_funds():
    budgets = [t.funds_total.full_year_budget for _, t in projects(S000)]
    whole = department(S000).full_year_budget
    answer = ask(S000, "5个专项资金合计占年度资金总额的比例？")  # not of the first project's own 年度资金总额
    assert answer.value == round(sum(budgets) / whole * 100, 2)


# sums of money in different units ---------------------------------------------------------------------------------------

LINE_160 = "知识产权质押融资新增4.3亿元"  # evals/samples/001…, line 160
LINE_136 = "全年为企业节省616万余元"  # line 136


def test_a_gap_between_sums_in_亿元_and_万元_is_taken_in_one_unit():
    lines = S001.read_text(encoding="utf-8").split("\n")
    assert LINE_160 in lines[159] and LINE_136 in lines[135]
    answer = ask(S001, "知识产权质押融资新增比为企业节省多多少？")
    assert answer.value == round(4.3 - 616 / 10000, 2) and answer.unit == "亿元"
    times = ask(S001, "知识产权质押融资新增是为企业节省的多少倍？")
    assert times.value == round(4.3 * 10000 / 616, 2)


# the goals a table sets -------------------------------------------------------------------------------------------------

def test_the_department_s_goals_item_by_item():
    goals = next(t for t in gold(S002).tables if t.kind == "department_overall").goals
    numbered = re.findall(r"目标\d+\s*[∶:：]\s*([^目]+)", goals.expected)
    answer = ask(S002, "年度总体目标有哪些？")
    assert answer.value == len(numbered) == 8
    assert all(f"{i}. 目标{i}∶{text.strip()}" in answer.answer for i, text in enumerate(numbered, 1))
    assert numbered[2].strip() in ask(S002, "目标3是什么？").answer
    done = ask(S002, "年度总体目标完成情况如何？")
    assert "实际完成情况" in done.answer and done.value == len(re.findall(r"(?<![\d.])\d+、", goals.achieved))


def test_indicators_short_of_their_target_are_not_the_goals():
    assert "年度总体目标" not in ask(S002, "哪些指标没有完成年度目标？").answer


def test_a_sum_in_元_among_万元_is_taken_as_printed():
    line = S003.read_text(encoding="utf-8").split("\n")[31]  # "…年初预算金额20万元，追加45.47万元，实际支出65.47元。"
    assert "实际支出65.47元" in line and "追加45.47万元" in line
    answer = ask(S003, "市场及食品药品监管专项和知识产权专项哪个实际支出多？")
    assert "相差74.51万元" in answer.answer  # 139.98 − 65.47, the slip read as 万元


# the split of a table's 年度资金总额 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [S000, S002])
def test_the_sources_of_the_department_s_funds(path):
    table = next(t for t in gold(path).tables if t.kind == "department_overall")
    sources = {k: v for k, v in table.breakdown.items() if k not in ("基本支出", "项目支出") and not k.startswith("按")}
    answer = ask(path, "资金来源有哪些？").answer
    rows = [line.split("|")[1].strip() for line in answer.split("\n") if line.startswith("| ")][1:]
    assert rows == list(sources)
    assert all(f"| {k} | {v:g}万元 | {v / table.funds_total.full_year_budget * 100:.2f}".rstrip("0").rstrip(".") in answer
               for k, v in sources.items())
    largest = ask(path, "资金来源中哪项最多？")
    assert largest.value == max(sources.values())


def test_the_split_by_what_is_spent():
    table = next(t for t in gold(S002).tables if t.kind == "department_overall")
    answer = ask(S002, "按支出性质分各是多少？").answer
    assert f"| 基本支出 | {table.breakdown['基本支出']:g}万元" in answer
    assert f"| 项目支出 | {table.breakdown['项目支出']:g}万元" in answer and "一般公共预算" not in answer


# the figure of each project the narrative numbers -----------------------------------------------------------------------

def test_each_project_s_spending_whether_printed_as_实际支出_or_支出():
    lines = S003.read_text(encoding="utf-8").split("\n")
    spent = {}  # "1.“市场及食品药品监管专项”年初预算金额70万元,追加69.88万元，实际支出139.98万元。", "3.“…”支出48.57万元。"
    for line in lines[25:37]:
        match = re.match(r"\d\.“(.+?)”.*?支出([\d.]+)", line)
        if match:
            spent[match.group(1)] = float(match.group(2))
    assert len(spent) == 6
    answer = ask(S003, "列出各项目的实际支出").answer
    assert all(f"| {name} | {value:g}" in answer for name, value in spent.items())


# whether two figures of one row agree -----------------------------------------------------------------------------------

def test_two_columns_of_one_row_agree_or_not():
    rows = basic_rows(S002)
    bought = rows["政府采购金额"]
    assert bought["2023年预算数"] == bought["2023年决算数"]
    answer = ask(S002, "政府采购金额预算和决算是否一致？").answer
    assert f"等于基础数据表·政府采购金额·2023年决算数{bought['2023年决算数']:g}万元" in answer and "不等于" not in answer
    spent = rows["三公经费"]
    assert f"不等于基础数据表·三公经费·2023年决算数{spent['2023年决算数']:g}" in ask(S002, "三公经费预算数和决算数是否一致？").answer


def test_the_notes_of_one_table():
    notes = [f for f in checked_json(S000)["findings"] if f["severity"] == "info" and f["table"] == 2]
    answer = ask(S000, "表3有哪些提示？")
    assert answer.value == len(notes) and f"{len(notes)}条提示" in answer.answer
    assert all(f["row"] in answer.answer for f in notes)


# indicators by how much they lost -----------------------------------------------------------------------------------------

def scored(path):
    return [(index, i.level3, i.weight, i.score) for index, t in enumerate(gold(path).tables) for i in t.indicators
            if i.level3 and i.level3 != "……" and i.weight and i.score is not None]


def test_the_indicators_that_lost_more_than_a_number_of_points():
    over = [(name, weight - score) for _, name, weight, score in scored(S000) if weight - score > 1]
    answer = ask(S000, "哪些指标扣分超过1分？")
    assert answer.value == len(over) and "扣分超过1分的指标" in answer.answer
    assert all(f"{name}：" in answer.answer and f"扣{lost:g}分" in answer.answer for name, lost in over)


def test_the_indicators_below_a_score_rate():
    below = [(t, name, score / weight * 100) for t, name, weight, score in scored(S000) if score / weight * 100 < 90]
    answer = ask(S000, "哪些指标得分率低于90%？")
    assert answer.value == len(below)
    assert all(f"{name}：" in answer.answer and f"={rate:.4g}%" in answer.answer for _, name, rate in below)
    one_table = [row for row in scored(S000) if row[0] == 3 and row[3] / row[2] * 100 < 95]
    assert ask(S000, "表4中哪些指标得分率低于95%？").value == len(one_table)


def test_the_indicators_below_their_weight_with_their_notes():
    answer = ask(S000, "列出所有得分低于分值的指标及其偏差原因").answer
    assert answer.startswith("扣分的指标及原因") and "表中偏差说明：“加大宣传途径”" in answer


# a share of a total the report does not state -----------------------------------------------------------------------------

S004 = S003.parent / "004_cc7bd27ce374c8f5.txt"


def test_a_share_of_total_spending_where_only_its_two_parts_are_stated():
    lines = S004.read_text(encoding="utf-8").split("\n")
    assert "基本支出6346.47万元" in lines[53] and "项目支出1559.70万元" in lines[55]  # no total stated
    total = 6346.47 + 1559.70
    assert ask(S004, "项目支出占总支出的比例？").value == round(1559.70 / total * 100, 2)
    assert ask(S004, "基本支出占总支出的比例是多少？").value == round(6346.47 / total * 100, 2)


def test_a_stated_total_is_still_the_one_divided_by():
    line = S003.read_text(encoding="utf-8").split("\n")[11]
    assert "2023年支出1359.46万元" in line and "项目支出361.37万元" in line
    assert ask(S003, "项目支出占总支出的比例是多少？").value == round(361.37 / 1359.46 * 100, 2)


def test_a_list_then_another_table_by_its_number():
    rows = blank(S002, "score", table=2)
    answer = ask(S002, "哪些指标没有评分？", "表3呢？")
    assert answer.value == len(rows) and all(name in answer.answer for _, name in rows)
    assert "表4" not in answer.answer


# 结余 said without 预算 ---------------------------------------------------------------------------------------------------

def test_what_a_project_left_unspent_without_the_word_budget():
    table = next(t for _, t in projects(S002) if t.name == "运行维护费").funds_total
    answer = ask(S002, "运行维护费结余多少？")
    assert answer.value == round(table.full_year_budget - table.executed, 2)


def test_a_结余_the_report_states_is_read_as_stated():
    assert "结余结转0万元" in S003.read_text(encoding="utf-8").split("\n")[11]
    answer = ask(S003, "年末结余多少？")
    assert answer.value == 0 and "结余结转0万元" in answer.answer


def test_each_project_s_budget_as_a_share_of_their_sum():
    budgets = {t.name: t.funds_total.full_year_budget for _, t in projects(S002)}
    total = sum(budgets.values())
    answer = ask(S002, "各项目预算占比分别是多少？").answer
    assert f"={total:g}万元" in answer
    assert all(f"{name} | {value:g}万元 | {round(value / total * 100, 2):g}% |" in answer for name, value in budgets.items())


# the unit and the year of the report --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [S000, S003, S004])
def test_the_unit_and_the_year_a_report_is_of(path):
    report = gold(path)
    unit = ask(path, "预算单位名称是什么？")
    assert f"为{report.unit_name}（第" in unit.answer
    line = int(unit.answer.split("（第")[1].split("行")[0])
    assert report.unit_name in path.read_text(encoding="utf-8").split("\n")[line - 1]
    assert f"{report.year}年度" in ask(path, "报告是哪一年度的？").answer


def test_the_staff_in_post_said_as_在职():
    line = S000.read_text(encoding="utf-8").split("\n")[1310]
    assert "其中在职85人" in line
    assert ask(S000, "在职人员有多少人？").value == 85


# a table's score, then the other side's ---------------------------------------------------------------------------------

def test_the_self_score_then_the_review_s_and_back():
    recomputed = {s["table"]: s for s in checked_json(S000)["scores"]}[2]
    table = gold(S000).tables[2]
    assert ask(S000, "表3的复核得分是多少？", "自评呢？").value == table.total_score == recomputed["self_score"]
    assert ask(S000, "表3的自评得分是多少？", "复核后呢？").value == recomputed["recomputed_score"]
    lowest = min(t.total_score for _, t in projects(S000))
    assert ask(S000, "复核后哪个项目得分最低？", "自评呢？").value == lowest


@pytest.mark.parametrize("question", ["复核得分比自评低的有哪些表？", "自评比复核高的是哪些表？"])
def test_the_tables_the_review_scored_lower_asked_with_which_at_the_end(question):
    lower = [s["table"] for s in checked_json(S000)["scores"] if s["recomputed_score"] < s["self_score"] - 0.005]
    answer = ask(S000, question)
    assert answer.value == len(lower)
    head = answer.answer.split("\n")[0]
    assert all(f"表{t + 1} " in head for t in lower) and head.count("表") == len(lower)


# a comparison, then another year or column of both sides ------------------------------------------------------------------

def test_a_comparison_then_last_year_or_the_budget_of_both_sides():
    rows = basic_rows(S002)
    spent = {name: rows[name]["2022年决算数"] for name in ("三公经费", "公用经费")}
    last_year = ask(S002, "三公经费和公用经费哪个多？", "上年呢？")
    assert last_year.value == max(spent.values())
    assert all(f"决算数{value:g}万元" in last_year.answer for value in spent.values())
    budgets = {name: rows[name]["2023年预算数"] for name in ("三公经费", "公用经费")}
    budget = ask(S002, "三公经费和公用经费哪个多？", "预算数呢？")
    assert budget.value == max(budgets.values()) and all(f"预算数{v:g}万元" in budget.answer for v in budgets.values())


# the 执行率 of projects the narrative numbers ------------------------------------------------------------------------------

def test_each_numbered_project_s_rate_where_its_paragraph_gives_budget_and_spending():
    line = S003.read_text(encoding="utf-8").split("\n")[25]  # "…年初预算金额70万元,追加69.88万元，实际支出139.98万元。"
    assert "年初预算金额70万元" in line and "追加69.88万元" in line and "实际支出139.98万元" in line
    rate = round(139.98 / (70 + 69.88) * 100, 2)
    answer = ask(S003, "各项目的执行率分别是多少？").answer
    assert f"139.98÷(70+69.88)×100={rate:g}%" in answer and "—（未列预算）" in answer and "金额" not in answer
    assert ask(S003, "哪个项目执行率最高？").value == rate
    below = ask(S003, "哪些项目执行率低于100%？")
    assert below.value == 0 and "没有执行率低于100%的项目" in below.answer


def test_a_report_giving_no_project_its_spending_says_so():
    assert "未找到" in ask(S001, "各项目的执行率分别是多少？").answer


def test_one_numbered_project_s_rate():
    answer = ask(S003, "市场及食品药品监管专项的执行率是多少？")
    assert answer.value == round(139.98 / (70 + 69.88) * 100, 2)


@pytest.mark.parametrize("question, fell", [("哪些项目复核后分数下降了？", True), ("哪些表复核后得分提高了？", False)])
def test_the_tables_whose_score_the_review_moved(question, fell):
    moved = [s["table"] for s in checked_json(S000)["scores"]
             if (s["recomputed_score"] < s["self_score"] - 0.005 if fell else s["recomputed_score"] > s["self_score"] + 0.005)]
    answer = ask(S000, question)
    assert answer.value == len(moved) and all(f"表{t + 1} " in answer.answer.split("\n")[0] for t in moved)
