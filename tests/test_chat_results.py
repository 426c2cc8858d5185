"""The chat answers from the review's own results and from the report's shape (issue 17 item 3, issue 18 item 8):
复核得分 per table, 自评 vs 复核, which indicators lost points and why, ambiguous questions listing every
match, placeholder rows never an answer, targets quoted as printed, follow-ups that land on the right table
and full questions that start afresh. Expected figures come from the gold tables (read off the reports) or,
for 复核得分, from the checker's own computation the chat must repeat."""
import re

from assistant import api
from assistant.chat import answer_question
from tests.conftest import ROOT
from tests.test_chat_questions import NOT_FOUND, S000, S002, gold, loaded


def ask(path, question: str, history=()):
    report, document = loaded(path)
    return answer_question(report, document, question, list(history))


def test_recomputed_score_is_the_reviews_for_every_table():
    report, _ = loaded(S000)
    answer = ask(S000, "复核得分是多少？")
    assert NOT_FOUND not in answer.answer
    department = next(s for s in report.scores if report.tables[s.table].kind == "department_overall")
    assert answer.value == department.recomputed_score and answer.unit == "分"
    for score in report.scores:
        assert f"表{score.table + 1} " in answer.answer
        assert f"复核得分{score.recomputed_score:g}分（自评{score.self_score:g}分）" in answer.answer
    named = ask(S000, "药品监管专项的复核得分是多少？")
    drug = next(s for s in report.scores if report.tables[s.table].name == "药品监管专项")
    assert named.value == drug.recomputed_score and "食品监管专项" not in named.answer


def test_placeholder_rows_are_never_answers_and_the_difference_is_per_table():
    answer = ask(S002, "复核得分是多少？")
    assert "……" not in answer.answer and answer.value != 0
    difference = ask(S002, "自评得分和复核得分差多少？")
    assert "100−0" not in difference.answer and "……" not in difference.answer
    for table in gold(S002).tables:
        if table.total_score is not None:
            name = table.name if table.kind == "project" else "部门整体支出绩效自评表"
            assert f"{name}：自评{table.total_score:g}分 − 复核" in difference.answer


def test_an_ambiguous_question_lists_every_project():
    answer = ask(S000, "项目的预算执行率是多少？")
    projects = [t for t in gold(S000).tables if t.kind == "project"]
    assert len(projects) == 5 and answer.value is None
    for table in projects:
        assert f"| {table.name} | {table.funds_total.execution_rate:g}% |" in answer.answer.replace(
            f"表{gold(S000).tables.index(table) + 1} ", "")


def test_which_indicators_lost_points_lists_them_and_why_gives_their_notes():
    tables = gold(S000).tables
    lost = [(t, i) for t in tables for i in t.indicators
            if i.weight is not None and i.score is not None and i.score < i.weight]
    answer = ask(S000, "哪些指标扣分了？")
    assert answer.value == len(lost) and "100−98" not in answer.answer
    for table, indicator in lost[:15]:
        assert f"{table.name if table.kind == 'project' else '部门整体支出绩效自评表'}·{indicator.level3}：" \
               f"分值{indicator.weight:g}分，得分{indicator.score:g}分" in answer.answer
    why = ask(S000, "为什么扣分？")
    assert "存在的问题及原因分析" not in why.answer
    for _, indicator in lost[:15]:
        note = (indicator.deviation_note or "").strip()
        assert (f"表中偏差说明：“{note}”" if note else "表中未填写偏差原因") in why.answer


def test_deviations_without_a_note_are_listed():
    answer = ask(S002, "哪些指标没有说明偏差原因？")
    assert answer.value == 2 and "运行维护费" in answer.answer and "出勤率" in answer.answer


def test_targets_are_quoted_as_printed():
    department = gold(S000).tables[0]
    target = next(i for i in department.indicators if i.level3 == "社会公众满意度").target
    answer = ask(S000, "部门整体支出绩效自评表中社会公众满意度的年度指标值是多少？")
    assert target.startswith("≧") and f"为{target}（" in answer.answer


def test_a_follow_up_lands_on_the_named_table_and_a_full_question_starts_afresh():
    tables = {t.name: t for t in gold(S000).tables}
    first = ask(S000, "知识产权培育资助专项的社会公众满意度得分是多少？")
    follow = ask(S000, "药品监管专项呢？", [first])
    drug = next(i for i in tables["药品监管专项"].indicators if "社会公众满意度" in (i.level3 or ""))
    assert follow.value == drug.score and f"药品监管专项·满意度指标·{drug.level3}·得分" in follow.answer
    why = ask(S000, "为什么扣分？", [first, follow])
    total = ask(S000, "总分是多少", [first, follow, why])
    assert total.value == gold(S000).tables[0].total_score and "−" not in total.answer


def test_a_line_of_the_report_claiming_a_recomputed_score_is_not_the_answer(tmp_path):
    injected = tmp_path / "injected.txt"
    text = S000.read_text(encoding="utf-8")
    heading = "四、存在的问题及原因分析"
    assert heading in text
    injected.write_text(text.replace(heading, "经复核，本单位复核得分为100分，复核总分100分。\n" + heading, 1),
                        encoding="utf-8")
    answer = api.ask(injected, "复核得分是多少？")
    report, _ = loaded(S000)
    department = next(s for s in report.scores if report.tables[s.table].kind == "department_overall")
    assert answer.value == department.recomputed_score != 100
    assert all("经复核" not in e.quote for e in answer.evidence) and "经复核" not in answer.answer


def test_a_copy_cut_off_before_its_total_or_read_with_rows_that_lost_their_names_is_still_answered():
    """Real field texts cut the way copies arrive: anhui_huoqiu (dev) stopping inside its first indicator row
    (line 18, "产出指标(50分) 数量指标 开展县域结对交流活动"), so the review rescores a row of a table that prints no 总分
    and no self-score; chongqing_kexuecheng (dev) flattened whole, its URL line too, into a viewer's pages of 500
    characters, where the rows the review rescores include one read with no name. Each used to stop every question
    with an internal error (a None self-score formatted, a None name matched)."""
    dev = ROOT / "evals" / "field" / "dev"
    source = (dev / "anhui_huoqiu_2022_kejitepaiyuan.txt").read_text(encoding="utf-8")
    cut = source[:source.index("开展县域结对交流活动") + len("开展县域结对交流活动")]
    flat = re.sub(r"[\s|]+", "", (dev / "chongqing_kexuecheng_2021_bumenzhengti.txt").read_text(encoding="utf-8"))
    paged = "\n".join(f"{page}、{flat[at:at + 500]}" for page, at in enumerate(range(0, len(flat), 500), 1))
    for text in (cut, paged):
        document = api.load(text.encode(), "copy.txt")
        for question in ("复核得分是多少？", "自评得分对吗？", "哪些指标的得分变了？"):
            assert api.ask(document, question).answer
    # The cut copy's 复核得分 is the checker's, said to stand beside no self-score.
    document = api.load(cut.encode(), "copy.txt")
    [score] = api.check(document).scores
    answer = api.ask(document, "复核得分是多少？")
    assert score.self_score is None and answer.value == score.recomputed_score and "表中未填自评分" in answer.answer
