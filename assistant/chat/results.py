"""Questions about the review's own results, answered from what the tool computed — never from a line of the
report that claims such a result (a report may print "复核得分：100分"; the review's score is the tool's).

Each kind of question is one entry of `KINDS`: the words that recognise it, and the function that computes
the answer from the checked report and words it. The first entry whose words the question matches answers
it; a question matching none goes to the general figures (`question.py`, `offline.py`).
"""
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.chat.compute import SAME, Result, number
from assistant.chat.facts import Fact, is_placeholder
from assistant.chat.tools import ReportTools
from assistant.chat.vocabulary import EXTREME, GROUP_LEVEL, NOT_FULL
from schemas import Evidence, Finding

SHOWN = 15  # items an answer lists in full; its count covers them all
DEPARTMENT = re.compile(r"部门整体|整体支出|部门(?:的)?(?:自评|总分|得分)")  # the department table, named by its kind


@dataclass(frozen=True)
class ResultKind:
    """A kind of question about the review's results: `asks` recognises it (every pattern found in the question),
    `answer` computes and words it; `unless` words send it to a later kind."""

    name: str
    asks: tuple[re.Pattern, ...]
    answer: Callable[[ReportTools, str], tuple[Result, str]]
    unless: tuple[re.Pattern, ...] = ()  # words that make it another kind ("扣分最多": the most, not the list)

    def recognises(self, question: str) -> bool:
        return all(p.search(question) for p in self.asks) and not any(p.search(question) for p in self.unless)


def table_label(tools: ReportTools, index: int) -> str:
    """"表2 药品监管专项": the table as every human text numbers it (from 1)."""
    table = tools.report.tables[index]
    name = "部门整体支出绩效自评表" if table.kind == "department_overall" else (table.name or table.title or "自评表")
    return f"表{index + 1} {name}"


def asked_tables(tools: ReportTools, question: str) -> list[int]:
    """The scored tables a question is about: those it names, else every one the review scored."""
    scored = [s.table for s in tools.report.scores if s.recomputed_score is not None]
    named = tools.named_tables(question) or ({tools.main_table} if DEPARTMENT.search(question) else set())
    return [t for t in scored if t in named] or scored


def finding_line(tools: ReportTools, finding: Finding) -> str:
    """A finding as a list shows it: its table, its row when the message does not name it, and the message."""
    table = f"{table_label(tools, finding.table)}·" if finding.table is not None else ""
    row = f"{finding.row}：" if finding.row and finding.row not in finding.message else ""
    return f"{table}{row}{finding.message}"


def self_score_fact(tools: ReportTools, table: int) -> Fact | None:
    """The 总分 cell a table's self-score is printed in: what a recomputed score stands beside."""
    return next((f for f in tools.facts if f.table == table and f.kind == "total" and f.column == "total_score"), None)


def citations(facts: list[Fact | None]) -> list[Evidence]:
    return [Evidence(quote=f.quote, line=f.line) for f in facts if f is not None]


def rescored(tools: ReportTools, question: str) -> list[tuple[int, dict]]:
    """(table, row) of every row the review scored otherwise than the table, in the tables a question names."""
    tables = set(asked_tables(tools, question))
    return [(s.table, row) for s in tools.report.scores if s.table in tables
            for row in (s.model_extra or {}).get("rows", []) if not is_placeholder(row["row"])]


def rescored_rows(tools: ReportTools, question: str) -> tuple[Result, str]:
    """"复核后哪些指标的得分变了": each row the review scored otherwise, self-score → recomputed, with its line;
    "…得分降低了" ("提高了"): only the rows the review scored below (above) the table's own score."""
    rows = rescored(tools, question)
    moved = MOVED.search(question)
    if moved:
        fell = moved.group() in FELL
        rows = [(t, row) for t, row in rows if (row["recomputed_score"] < row["self_score"]) == fell
                and abs(row["recomputed_score"] - row["self_score"]) >= SAME]
        way = "降低" if fell else "提高"
        if not rows:
            return Result(0.0, "个", ""), f"复核后没有得分{way}的指标。"
    if not rows:
        return Result(0.0, "个", ""), "复核得分与表中各指标得分一致，没有改动的指标。"
    lines = [f"{i}. {table_label(tools, t)}·{row['row']}：自评{number(row['self_score'])}分 → 复核"
             f"{number(row['recomputed_score'])}分（第{row.get('line')}行）" for i, (t, row) in enumerate(rows, 1)]
    quotes = [Evidence(quote=row["row"], line=row.get("line")) for _, row in rows]
    head = f"复核后得分{way}的指标（共{len(rows)}个）：\n" if moved else f"复核改动得分的指标（共{len(rows)}个）：\n"
    return Result(float(len(rows)), "个", "", citations=quotes), head + "\n".join(lines)


def recomputed_scores(tools: ReportTools, question: str) -> tuple[Result, str]:
    """复核得分 of each table asked about (self-score beside it), or of the row a question names; the value is the
    one table's (or row's), or the department table's when every table is listed."""
    row = max((r for r in rescored(tools, question) if r[1]["row"] in question), key=lambda r: len(r[1]["row"]),
              default=None)
    if row is not None:  # "执法及宣传次数的复核得分是多少"
        table, cells = row
        quote = Evidence(quote=cells["row"], line=cells.get("line"))
        return (Result(cells["recomputed_score"], "分", "", citations=[quote]),
                f"{table_label(tools, table)}·{cells['row']}：复核得分{number(cells['recomputed_score'])}分"
                f"（自评{number(cells['self_score'])}分，第{cells.get('line')}行）。")
    scores = {s.table: s for s in tools.report.scores}
    tables = asked_tables(tools, question)
    if not tables:
        return Result(None, None, ""), "本报告没有可复核得分的自评表。"
    lines = [f"{table_label(tools, t)}：复核得分{number(scores[t].recomputed_score)}分"
             + (f"（自评{number(scores[t].self_score)}分）" if scores[t].self_score is not None else "（表中未填自评分）")
             for t in tables]
    main = tables[0] if len(tables) == 1 else tools.main_table if tools.main_table in tables else None
    value = scores[main].recomputed_score if main is not None else None
    head = "复核得分（本工具按评分规则重新计算）："
    return (Result(value, "分" if value is not None else None, "", citations=citations(
        [self_score_fact(tools, t) for t in tables])), head + ("" if len(lines) == 1 else "\n") + "\n".join(lines))


def score_differences(tools: ReportTools, question: str) -> tuple[Result, str]:
    """自评 − 复核 of each table asked about, as formulas with their values."""
    scores = {s.table: s for s in tools.report.scores}
    tables = [t for t in asked_tables(tools, question) if scores[t].self_score is not None]
    if not tables:
        return Result(None, None, ""), "本报告没有可复核得分的自评表。"
    lines = []
    for t in tables:
        own, recomputed = scores[t].self_score, scores[t].recomputed_score
        gap = round(own - recomputed, 2)
        verdict = "一致" if gap == 0 else f"自评{'高' if gap > 0 else '低'}{number(abs(gap))}分"
        lines.append(f"{table_label(tools, t)}：自评{number(own)}分 − 复核{number(recomputed)}分 = {number(gap)}分（{verdict}）")
    gaps = {t: round(scores[t].self_score - scores[t].recomputed_score, 2) for t in tables}
    which = WHICH_TABLES.search(question) if not EXTREME.search(question) else None  # "差得最多": the widest gap
    moved = MOVED.search(question) if "自评" not in question and WHICH.search(question) else None
    if (which or moved) and len(tables) > 1:  # "哪些表的自评得分比复核得分高": the tables on that side, every table shown
        higher = moved.group() in FELL if moved else \
            (question.find("自评") < question.find("复核")) == ((which.group("way") or which.group("way2")) in "高多超")
        hits = [t for t in tables if (gaps[t] > 0 if higher else gaps[t] < 0)]
        head = (f"自评得分{'高' if higher else '低'}于复核得分的有{len(hits)}张："
                f"{'、'.join(table_label(tools, t) for t in hits)}。\n" if hits
                else f"没有自评得分{'高' if higher else '低'}于复核得分的表。\n")
        return (Result(float(len(hits)), "张", "", citations=citations([self_score_fact(tools, t) for t in tables])),
                head + "自评得分与复核得分之差：\n" + "\n".join(lines))
    extreme = EXTREME.search(question) if len(tables) > 1 else None  # "哪张表自评与复核相差最大": that table first
    widest = extreme is not None and extreme.group() in ("最大", "最多", "最高")
    single = (max if widest else min)(tables, key=lambda t: abs(gaps[t])) if extreme \
        else tables[0] if len(tables) == 1 else None
    value = gaps[single] if single is not None else None
    head = f"自评与复核相差{'最大' if widest else '最小'}的是{table_label(tools, single)}，差{number(abs(value))}分。\n" \
        if extreme else ""
    said_self = re.search(r"自评(?!表)", question)  # the 自评 of a score, not of "部门整体支出绩效自评表"
    if value is not None and not extreme and said_self and 0 <= question.find("复核") < said_self.start():
        value = round(-value, 2)  # "复核得分比自评得分高多少": 复核 − 自评
        head = f"复核{number(scores[single].recomputed_score)}分 − 自评{number(scores[single].self_score)}分 = " \
               f"{number(value)}分。\n"
    return (Result(value, "分" if value is not None else None, "", citations=citations(
        [self_score_fact(tools, t) for t in tables])), head + "自评得分与复核得分之差：\n" + "\n".join(lines))


@dataclass(frozen=True)
class Deducted:
    """A scored row that earned less than its 分值: an indicator, or a table's 预算执行率 line."""

    table: int
    name: str
    weight: float
    score: float
    line: int | None
    label: str  # the row's name as printed on its line (a funds line's: 年度资金总额)
    note: str | None = None  # the row's 偏差原因分析 as printed; a funds line has none
    group: str = ""  # 一级 and 二级指标 of an indicator ("产出指标 数量指标")


def deducted(tools: ReportTools, question: str) -> list[Deducted]:
    """The rows that scored below their 分值 (placeholder rows aside), of the tables the question names, under the
    一级/二级指标 it names, and only the rows it names by name when it does."""
    tables = tools.named_tables(question) or set(range(len(tools.report.tables)))
    rows = []
    for t in sorted(tables):
        table = tools.report.tables[t]
        funds = table.funds_total
        if funds is not None and funds.weight is not None and funds.score is not None and funds.score < funds.weight:
            rows.append(Deducted(t, "预算执行率", funds.weight, funds.score, funds.line, funds.label))
        rows += [Deducted(t, name, i.weight, i.score, i.line, name, i.deviation_note, f"{i.level1 or ''} {i.level2 or ''}")
                 for i in table.indicators
                 if (name := i.level3 or i.level2 or "") and not is_placeholder(name)
                 and i.weight is not None and i.score is not None and i.score < i.weight]
    groups = [g for g in tools.groups() if g in question]  # "产出指标中哪些指标扣分了"
    if groups:
        group = max(groups, key=len)
        rows = [row for row in rows if row.group and group in row.group]
    return [row for row in rows if row.name in question] or rows


def deduction_line(tools: ReportTools, row: Deducted, with_reason: bool) -> str:
    lost = round(row.weight - row.score, 2)
    line = (f"{table_label(tools, row.table)}·{row.name}：分值{number(row.weight)}分，得分{number(row.score)}分，"
            f"扣{number(lost)}分（第{row.line}行）")
    if not with_reason:
        return line
    note = (row.note or "").strip()
    findings = [f.message for f in tools.findings(table=row.table)
                if (f.row == row.name or row.name == "预算执行率" and f.row is None)
                and f.rule != "missing_deviation_note"]
    reason = f"；表中偏差说明：“{note}”" if note else ("；表中未填写偏差原因" if row.name != "预算执行率" else "")
    return line + reason + "".join(f"；复核意见：{m}" for m in findings[:2])


# "扣分超过1分的指标", "扣分不少于0.5分": the rows whose deduction stands beyond a number of points
LOST_BEYOND = re.compile(r"扣(?:分|了|除)?(?P<op>超过|多于|大于|高于|不少于|不低于|达到|少于|低于|不到|小于|不足)(?P<value>\d+(?:\.\d+)?)分")
LOST_TESTS = {"超过": lambda lost, n: lost > n + SAME, "多于": lambda lost, n: lost > n + SAME,
              "大于": lambda lost, n: lost > n + SAME, "高于": lambda lost, n: lost > n + SAME,
              "不少于": lambda lost, n: lost >= n - SAME, "不低于": lambda lost, n: lost >= n - SAME,
              "达到": lambda lost, n: lost >= n - SAME, "少于": lambda lost, n: lost < n - SAME,
              "低于": lambda lost, n: lost < n - SAME, "不到": lambda lost, n: lost < n - SAME,
              "小于": lambda lost, n: lost < n - SAME, "不足": lambda lost, n: lost < n - SAME}


def deductions_listing(tools: ReportTools, question: str, with_reason: bool) -> tuple[Result, str]:
    hits = deducted(tools, question)
    beyond = LOST_BEYOND.search(question)
    if beyond and hits:
        limit = float(beyond.group("value"))
        hits = [row for row in hits if LOST_TESTS[beyond.group("op")](row.weight - row.score, limit)]
        if not hits:
            return (Result(0.0, "个", "", citations=[Evidence(quote=row.label, line=row.line)
                                                      for row in deducted(tools, question)[:SHOWN]]),
                    f"没有扣分{beyond.group('op')}{number(limit)}分的指标。")
    if not hits:  # the evidence is each table's full 总分
        totals = [self_score_fact(tools, t) for t in sorted(tools.named_tables(question) or range(len(tools.report.tables)))]
        return Result(0.0, "个", "", citations=citations(totals)), "没有扣分：每个指标和预算执行率的得分都等于分值。"
    body = "\n".join(f"{i}. {deduction_line(tools, row, with_reason)}" for i, row in enumerate(hits[:SHOWN], 1))
    more = (f"\n（另有{len(hits) - SHOWN}个：" + "、".join(f"表{row.table + 1}·{row.name}扣{number(row.weight - row.score)}分"
                                                          for row in hits[SHOWN:]) + "）") if len(hits) > SHOWN else ""
    evidence = [Evidence(quote=row.label, line=row.line) for row in hits[:SHOWN]]
    head = f"扣分{beyond.group('op')}{beyond.group('value')}分的指标" if beyond else "扣分的指标"
    head += "及原因" if with_reason else ""
    return Result(float(len(hits)), "个", "", citations=evidence), f"{head}（共{len(hits)}个）：\n{body}{more}"


def missing_notes(tools: ReportTools, question: str) -> tuple[Result, str]:
    """The deviations whose 偏差原因分析 is empty or gives no reason (the review's missing_deviation_note)."""
    tables = tools.named_tables(question)
    findings = [f for f in tools.findings("missing_deviation_note") if not tables or f.table in tables]
    if not findings:  # the evidence is each deducted row, whose note the review found sufficient
        rows = deducted(tools, question)
        return (Result(0.0, "个", "", citations=[Evidence(quote=row.label, line=row.line) for row in rows[:SHOWN]]),
                "复核未发现缺少偏差说明的指标。")
    body = "\n".join(f"{i}. {finding_line(tools, f)}"
                     for i, f in enumerate(findings[:SHOWN], 1))
    more = (f"\n（另有{len(findings) - SHOWN}个：" + "、".join(f"表{f.table + 1 if f.table is not None else ''}·{f.row}"
                                                              for f in findings[SHOWN:]) + "）") if len(findings) > SHOWN else ""
    evidence = [e for f in findings[:SHOWN] for e in f.evidence[:1]]
    return (Result(float(len(findings)), "个", "", citations=evidence),
            f"偏差缺少原因说明的指标（共{len(findings)}个）：\n{body}{more}")


def review_reasons(tools: ReportTools, question: str) -> tuple[Result, str]:
    """Why the review's score differs from the self-score: the difference of each table asked about, then the
    review's findings on those tables (the rows it rescored first)."""
    result, sentence = score_differences(tools, question)
    tables = set(asked_tables(tools, question))
    findings = [f for f in tools.findings() if f.table in tables]
    findings.sort(key=lambda f: f.severity != "error")
    body = "\n".join(f"{i}. {finding_line(tools, f)}" for i, f in enumerate(findings[:SHOWN], 1))
    more = f"\n（另有{len(findings) - SHOWN}条）" if len(findings) > SHOWN else ""
    evidence = [e for f in findings[:SHOWN] for e in f.evidence[:1]]
    reasons = f"\n复核依据的问题（共{len(findings)}条）：\n{body}{more}" if findings else "\n复核未发现影响得分的问题。"
    return Result(result.value, result.unit, "", citations=result.citations + evidence), sentence + reasons


def rule_findings(rule: str, what: str) -> Callable[[ReportTools, str], tuple[Result, str]]:
    """The review's findings of one rule (of the tables the question names), each with its table and row."""
    def answer(tools: ReportTools, question: str) -> tuple[Result, str]:
        tables = tools.named_tables(question)
        findings = [f for f in tools.findings(rule) if not tables or f.table in tables]
        if not findings:
            return Result(0.0, "个", "", citations=citations(
                [self_score_fact(tools, t) for t in sorted(tables or range(len(tools.report.tables)))])), \
                f"复核未发现{what}。"
        body = "\n".join(f"{i}. {finding_line(tools, f)}"
                         for i, f in enumerate(findings[:SHOWN], 1))
        rows = {f.row for f in findings[:SHOWN]}
        rest = sorted({f.row for f in findings[SHOWN:] if f.row and f.row not in rows})
        more = f"\n（另有{len(findings) - SHOWN}条，涉及：{'、'.join(rest)}）" if len(findings) > SHOWN else ""
        evidence = [e for f in findings[:SHOWN] for e in f.evidence[:1]]
        return Result(float(len(findings)), "个", "", citations=evidence), f"{what}（共{len(findings)}个）：\n{body}{more}"
    return answer


# Words asking for the findings of one rule, and what the answer calls them. Each needs a word that asks for a list
# or a count ("哪些", "几个", "有没有"), so "按完成比例应得多少分" stays a computation.
LISTS = re.compile(r"哪些|哪几|哪个|几个|几处|几条|多少个|多少处|多少条|有没有|是否有|有无|列出|什么")
RULE_QUESTIONS = (
    ("placeholder_row", r"占位|……|省略号|空白行|无名称", "计分的占位行"),
    ("not_applicable_scored", r"不适用|不适应|无目标|没有目标", "不适用却计分的指标"),
    ("target_not_met_full_score", r"(?:未|没有?)(?:完成|达到?|达标).{0,8}(?:满分|全额)", "未达目标却得满分的指标"),
    ("met_but_deducted", r"(?:已|都)?(?:完成|达到|达标).{0,6}(?:却|但|仍|还)?.{0,4}扣(?:了)?分", "完成目标却扣分的指标"),
    ("unit_mismatch", r"单位.{0,8}(?:不一致|不同|不符)|计量单位|口径不一致|口径不同|无法比较|不能比较|比较符"
                      r"|(?:重复|照抄)(?:了)?(?:指标值|目标值)|未给出实际(?:数值|完成数)", "指标值与完成值单位或口径不一致的指标"),
    ("target_set_low", r"(?:目标|指标值).{0,6}(?:偏低|过低|太低|低了)|事后", "指标值设置偏低的指标"),
    ("target_direction_suspect", r"方向", "指标方向存疑的指标"),
    ("score_not_proportional", r"(?:按|未按|没有按|不按)(?:完成)?比例", "未按完成比例计分的指标"),
    ("text_table_mismatch", r"(?:正文|文字|报告).{0,6}(?:表|表格).{0,6}(?:不一致|不符|矛盾|对不上)"
                            r"|(?:表|表格).{0,6}(?:正文|文字).{0,6}(?:不一致|不符|矛盾|对不上)|表文不符"
                            r"|(?:完成值|完成情况|指标).{0,8}(?:与|和|同|跟)(?:正文|文字|报告)(?:所述|所写)?.{0,4}"
                            r"(?:不一致|不符|矛盾|对不上)", "正文与表格不一致之处"),
    ("narrative_inconsistency", r"前后不一致|前后矛盾|正文.{0,6}自相矛盾", "正文前后不一致之处"),
    ("sum_mismatch", r"(?:加总|合计|之和|相加).{0,6}(?:不等|不一致|不符|对不上|不对|有误|错)", "合计数不符之处"),
    ("missing_section", r"缺少?.{0,4}(?:附件|部分|章节|内容)|(?:附件|部分|章节).{0,4}(?:缺|未附|没有附|没附)",
     "报告缺少的部分或附件"),
    ("narrative_arithmetic", r"(?:比例|百分比|数字).{0,6}(?:算错|错误|有误|不符|不对)", "正文数字算错之处"),
    ("date_inconsistency", r"(?:截止|截至)(?:时点|日期)|时点|非全年|不是全年", "数据时点不是全年之处"),
)
REVIEW_SCORE = re.compile(r"复核(?:后的?)?(?:得分|总分|分数|评分)|复核后(?:是|为|有|得)?(?:多少|几)分|本工具.{0,6}(?:得分|分数|总分)"
                          r"|核定(?:的)?(?:得分|总分)|(?:按|依据|根据)(?:评分)?(?:规则|规定|标准|办法).{0,12}"
                          r"(?:部门整体|自评表|专项|项目|总分|整体).{0,6}应(?:得|为|是)(?:多少|几)分?|总分应(?:得|为|是)(?:多少|几)|(?:重新|重)(?:计算|核定|算)(?:后)?的?(?:得分|总分)")
# "哪些专项没拿满分": tables short of their 总分值, not their rows ("哪些项目有扣分" still lists the rows that lost points)
WHICH_TABLES = re.compile(r"(?:哪些|哪几个?|哪个|哪张|哪一张)的?(?:自评)?(?:表|专项|项目).*(?P<way>高|低|多(?!少)|(?<!多)少|超)"
                          r"|(?P<way2>高|低|多(?!少)|(?<!多)少)的?(?:有|是)(?:哪些|哪几个?|哪个|哪张)")  # "…比自评低的有哪些表"
# "哪些项目复核后分数下降了": the review's score moved from the table's own, down (the self-score higher) or up
MOVED = re.compile(r"下降|降低|减少|变低|上升|提高|增加|变高|升高")
FELL = ("下降", "降低", "减少", "变低")
WHICH = re.compile(r"哪些|哪几|哪个|哪张")
EACH_TABLE = re.compile(r"^(?!.*指标).*各(?:个|项)?(?:专项|项目|自评表|表)")  # "列出各专项的扣分": each table's points
TABLES_ONLY = re.compile(r"^(?!.*指标).*(?:项目|专项|自评表).*满分")
# "哪些专项扣分超过5分": each table's points lost against a number, not its rows
TABLES_LOST_BEYOND = re.compile(r"^(?!.*指标).*(?:项目|专项|自评表).{0,4}(?:扣分|失分|扣了)(?:都|均)?"
                                r"(?:超过|超出|高于|多于|大于|低于|少于|小于|不到|不足|在)\d")

KINDS = (
    ResultKind("复核为什么不同", (re.compile(r"为什么|为何|什么原因|原因"), re.compile(r"复核|重新计算|重算")),
               review_reasons),
    ResultKind("为什么与自评不同", (re.compile(r"为什么|为何|什么原因"), re.compile("自评(?!表)"),
                                  re.compile(r"不一样|不同|不一致|有差异|有差别|变了")), review_reasons),
    ResultKind("自评与复核之差", (re.compile("自评(?!表)|(?<!复核)(?<!复核后)(?<!复核后的)总分"), re.compile("复核|重新计算|重算"),
                                 re.compile("差|高|低|多(?!少)|(?<!多)少|一致|相同|相等|区别")), score_differences),
    ResultKind("复核后升降的表", (WHICH, re.compile("复核"), MOVED), score_differences, unless=(re.compile("指标"),)),
    ResultKind("复核扣分", (re.compile(r"复核.{0,6}(?:扣|减|降|少)(?:了|掉)?(?:多少|几)"),), score_differences),
    ResultKind("复核变化最大的表", (EXTREME, re.compile(r"复核|重算|重新计算"),
                                   re.compile(r"变|调整|改|差|不同|不一样")), score_differences),
    ResultKind("复核改动的指标", (re.compile(r"哪些|哪几|哪个|列出|几个|多少个"), re.compile(r"复核|重算|重新计算"),
                                 re.compile(rf"不一致|不同|变|调整|改|差异|不符|不一样|{MOVED.pattern}")), rescored_rows),
    ResultKind("复核得分", (REVIEW_SCORE,), recomputed_scores,
               unless=(EXTREME, re.compile(r"哪个|哪一个|哪张|谁|为什么|为何|什么原因"))),
    ResultKind("缺少偏差说明", (re.compile(r"偏差|扣分|未完成|没完成|未达"),
                               re.compile(r"没有?|未|缺|空|无|不(?:充分|清楚?|明确|具体|完整|够|足)"),
                               re.compile(r"原因|说明|理由|分析|改进措施")), missing_notes,
               unless=(re.compile(r"为什么|为何|什么原因"),)),
    ResultKind("为什么扣分", (re.compile(r"(?:为什么|为何|因为什么|什么原因).{0,16}(?:扣(?:了)?(?:多少|几)?分|得分|总分|失分|没有?(?:得|拿)?满分)"
                                      r"|(?:扣分|失分)的?(?:原因|理由|依据)"
                                      rf"|(?:{NOT_FULL.pattern}).{{0,8}}(?:及其?|和|并|以及|、)(?:偏差)?(?:原因|理由)"
                                      r"|(?:扣分|失分).{0,12}(?:说明|解释|给出|指出|分析)(?:一下)?(?:其|扣分的?)?(?:原因|理由)"),),
               lambda tools, question: deductions_listing(tools, question, with_reason=True)),
    *(ResultKind(what, (LISTS, re.compile(words)), rule_findings(rule, what)) for rule, words, what in RULE_QUESTIONS),
    ResultKind("扣分的指标",
               (re.compile(rf"(?:哪些|哪几个|哪个|什么|几个|多少个?|列出|所有)(?:三级)?指标.{{0,6}}(?:{NOT_FULL.pattern})"
                           rf"|(?:{NOT_FULL.pattern})(?:了)?的(?:三级)?指标"
                           rf"|(?:哪些|哪几个?|几个|多少个|列出|所有).{{0,4}}(?:{NOT_FULL.pattern})"
                           rf"|(?:{NOT_FULL.pattern})(?:了)?的(?:有|是)?(?:哪些|哪几)"),),
               lambda tools, question: deductions_listing(tools, question, with_reason=False),
               unless=(EXTREME, TABLES_ONLY, GROUP_LEVEL, EACH_TABLE, TABLES_LOST_BEYOND)),
)


def kind_of(question: str) -> ResultKind | None:
    """The entry that answers a question, if one does."""
    return next((kind for kind in KINDS if kind.recognises(question)), None)
