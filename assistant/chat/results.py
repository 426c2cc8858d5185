"""Questions about the review's own results, answered from what the tool computed — never from a line of the
report that claims such a result (a report may print "复核得分：100分"; the review's score is the tool's).

Each kind of question is one entry of `KINDS`: the words that recognise it, and the function that computes
the answer from the checked report and words it. The first entry whose words the question matches answers
it; a question matching none goes to the general figures (`question.py`, `offline.py`).
"""
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.chat.compute import Result, number
from assistant.chat.facts import Fact, is_placeholder
from assistant.chat.tools import ReportTools
from schemas import Evidence

SHOWN = 15  # items an answer lists in full; its count covers them all


@dataclass(frozen=True)
class ResultKind:
    """A kind of question about the review's results: `asks` recognises it (every pattern found in the question),
    `answer` computes and words it."""

    name: str
    asks: tuple[re.Pattern, ...]
    answer: Callable[[ReportTools, str], tuple[Result, str]]

    def recognises(self, question: str) -> bool:
        return all(pattern.search(question) for pattern in self.asks)


def table_label(tools: ReportTools, index: int) -> str:
    """"表2 药品监管专项": the table as every human text numbers it (from 1)."""
    table = tools.report.tables[index]
    name = "部门整体支出绩效自评表" if table.kind == "department_overall" else (table.name or table.title or "自评表")
    return f"表{index + 1} {name}"


def asked_tables(tools: ReportTools, question: str) -> list[int]:
    """The scored tables a question is about: those it names, else every one the review scored."""
    scored = [s.table for s in tools.report.scores if s.recomputed_score is not None]
    named = tools.named_tables(question)
    return [t for t in scored if t in named] or scored


def self_score_fact(tools: ReportTools, table: int) -> Fact | None:
    """The 总分 cell a table's self-score is printed in: what a recomputed score stands beside."""
    return next((f for f in tools.facts if f.table == table and f.kind == "total" and f.column == "total_score"), None)


def citations(facts: list[Fact | None]) -> list[Evidence]:
    return [Evidence(quote=f.quote, line=f.line) for f in facts if f is not None]


def recomputed_scores(tools: ReportTools, question: str) -> tuple[Result, str]:
    """复核得分 of each table asked about (self-score beside it); the value is the one table's, or the department
    table's when every table is listed."""
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
    single = tables[0] if len(tables) == 1 else None
    value = round(scores[single].self_score - scores[single].recomputed_score, 2) if single is not None else None
    return (Result(value, "分" if value is not None else None, "", citations=citations(
        [self_score_fact(tools, t) for t in tables])), "自评得分与复核得分之差：\n" + "\n".join(lines))


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


def deductions_listing(tools: ReportTools, question: str, with_reason: bool) -> tuple[Result, str]:
    hits = deducted(tools, question)
    if not hits:  # the evidence is each table's full 总分
        totals = [self_score_fact(tools, t) for t in sorted(tools.named_tables(question) or range(len(tools.report.tables)))]
        return Result(0.0, "个", "", citations=citations(totals)), "没有扣分：每个指标和预算执行率的得分都等于分值。"
    body = "\n".join(f"{i}. {deduction_line(tools, row, with_reason)}" for i, row in enumerate(hits[:SHOWN], 1))
    more = f"\n（另有{len(hits) - SHOWN}个）" if len(hits) > SHOWN else ""
    evidence = [Evidence(quote=row.label, line=row.line) for row in hits[:SHOWN]]
    head = "扣分的指标及原因" if with_reason else "扣分的指标"
    return Result(float(len(hits)), "个", "", citations=evidence), f"{head}（共{len(hits)}个）：\n{body}{more}"


def missing_notes(tools: ReportTools, question: str) -> tuple[Result, str]:
    """The deviations whose 偏差原因分析 is empty or gives no reason (the review's missing_deviation_note)."""
    tables = tools.named_tables(question)
    findings = [f for f in tools.findings("missing_deviation_note") if not tables or f.table in tables]
    if not findings:  # the evidence is each deducted row, whose note the review found sufficient
        rows = deducted(tools, question)
        return (Result(0.0, "个", "", citations=[Evidence(quote=row.label, line=row.line) for row in rows[:SHOWN]]),
                "复核未发现缺少偏差说明的指标。")
    body = "\n".join(f"{i}. {table_label(tools, f.table) if f.table is not None else ''}·{f.message}"
                     for i, f in enumerate(findings[:SHOWN], 1))
    more = f"\n（另有{len(findings) - SHOWN}个）" if len(findings) > SHOWN else ""
    evidence = [e for f in findings[:SHOWN] for e in f.evidence[:1]]
    return (Result(float(len(findings)), "个", "", citations=evidence),
            f"偏差缺少原因说明的指标（共{len(findings)}个）：\n{body}{more}")


REVIEW_SCORE = re.compile(r"复核(?:后的?)?(?:得分|总分|分数|评分)|(?:重新|重)(?:计算|核定|算)(?:后)?的?(?:得分|总分)")
KINDS = (
    ResultKind("自评与复核之差", (re.compile("自评"), re.compile("复核|重新计算|重算"),
                                 re.compile("差|相差|差额|差距|高出|低了|多|少|不一致|区别")), score_differences),
    ResultKind("复核得分", (REVIEW_SCORE,), recomputed_scores),
    ResultKind("缺少偏差说明",
               (re.compile(r"(?:偏差|扣分).{0,8}(?:没有|没|未|缺少?|无)(?:填写?|写|作出|做出|给出)?.{0,4}(?:说明|原因|理由)"
                           r"|(?:缺少?|没有|未填写?|未写)(?:偏差)?(?:原因|说明)"),),
               missing_notes),
    ResultKind("为什么扣分", (re.compile(r"(?:为什么|为何|因为什么|什么原因)(?:会|被)?扣(?:了)?分|扣分的?(?:原因|理由|依据)"),),
               lambda tools, question: deductions_listing(tools, question, with_reason=True)),
    ResultKind("扣分的指标",
               (re.compile(r"(?:哪些|哪几个|哪个|什么|几个|多少个?)(?:三级)?指标.{0,4}(?:扣分|扣了分|被扣分|失分|未得满分|没有?得满分)"
                           r"|(?:扣分|扣了分|失分|未得满分|没有?得满分|未满分)的(?:三级)?指标"),),
               lambda tools, question: deductions_listing(tools, question, with_reason=False)),
)


def kind_of(question: str) -> ResultKind | None:
    """The entry that answers a question, if one does."""
    return next((kind for kind in KINDS if kind.recognises(question)), None)
