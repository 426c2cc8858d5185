""""Which / how many / why" questions: indicators, project tables and findings picked out by a condition,
and the figures, findings and passages that explain a deviation."""
from assistant.chat.compute import NotFound, Result, derived, group_named, number, of, sibling, table_named
from assistant.chat.facts import COLUMN_NAMES, Fact
from assistant.chat.question import Listing, Why
from assistant.chat.results import deductions_listing
from assistant.chat.tools import ReportTools
from assistant.chat.wording import fact_sentence, where
from assistant.values import parse_target
from schemas import Evidence

SHOWN = 15  # items an answer lists; the count covers them all

def listing_answer(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    if node.over == "findings":
        return findings_listing(tools, node)
    if node.over == "tables":
        return tables_listing(tools, node)
    return indicators_listing(tools, node)


def findings_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The review's findings (of one severity when asked), counted, the first few quoted with their evidence."""
    findings = [f for f in tools.findings() if node.condition is None or f.severity == node.condition]
    shown = findings[:SHOWN]
    body = "\n".join(f"{i}. {f.message}" for i, f in enumerate(shown, 1))
    more = f"\n（另有{len(findings) - SHOWN}条）" if len(findings) > SHOWN else ""
    sentence = f"复核共发现{len(findings)}条问题" + (f"：\n{body}{more}" if findings else "。")
    citations = [e for f in shown for e in f.evidence[:1]]
    return Result(float(len(findings)), "条", "", citations=citations), sentence


def tables_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The project tables: how many, or which has the highest / lowest figure in one column."""
    column = node.column or ("execution_rate" if "执行率" in node.subject.text else "executed")
    facts = [f for f in tools.facts if f.kind in ("fund", "total") and (f.primary or f.kind == "total")
             and f.column == column and tools.report.tables[f.table].kind == "project"]
    if not facts:
        raise NotFound("项目支出绩效自评表")
    if node.condition in ("highest", "lowest"):
        chosen = (max if node.condition == "highest" else min)(facts, key=lambda f: f.value)
        return of(chosen), f"{COLUMN_NAMES.get(column, '')}{'最高' if node.condition == 'highest' else '最低'}的是" \
                           f"{fact_sentence(chosen)}"
    names = "、".join(tools.report.tables[f.table].name or "" for f in facts)
    return Result(float(len(facts)), "个", "", facts), f"报告共有{len(facts)}个项目（专项）自评表：{names}。"


def indicators_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """Indicators (of a table or group when named) not fully scored, missing their target, or highest / lowest."""
    named = any(name and name in node.subject.text for _, name in tools.table_names())
    table = table_named(tools, node.subject.text) if named else None
    group = group_named(tools, node.subject.text)
    if node.condition in ("highest", "lowest") and node.column == "lost":
        return most_lost(tools, table, group, node.condition)
    if node.condition in ("highest", "lowest"):
        pool = [f for f in tools.indicator_facts(node.column or "score", table, group) if f.value is not None]
        if not pool:
            raise NotFound("指标")
        chosen = (max if node.condition == "highest" else min)(pool, key=lambda f: f.value)
        return of(chosen), fact_sentence(chosen)
    if node.condition != "missed":  # the indicators that lost points are the review's result
        return deductions_listing(tools, node.subject.text, with_reason=False)
    hits = [f for f in tools.indicator_facts("actual", table, group) if target_missed(tools, f)]
    names = "；".join(f"{f.describe()}（{where(f)}）" for f in hits[:SHOWN])
    sentence = f"共有{len(hits)}个指标未完成指标值" + (f"：{names}" if hits else "") + ("等。" if len(hits) > SHOWN else "。")
    return Result(float(len(hits)), "个", "", hits), sentence


def most_lost(tools: ReportTools, table: int | None, group: str | None, condition: str) -> tuple[Result, str]:
    """The indicator that lost the most (or least) points: 分值 − 得分."""
    pairs = [(sibling(tools, score, "weight"), score) for score in tools.indicator_facts("score", table, group)]
    pairs = [(w, s) for w, s in pairs if w is not None and w.value is not None and s.value is not None]
    if not pairs:
        raise NotFound("指标")
    weight, score = (max if condition == "highest" else min)(pairs, key=lambda pair: pair[0].value - pair[1].value)
    result = derived(f"{number(weight.value)}−{number(score.value)}", "分", [weight, score])
    name, most = score.describe().rsplit("·", 1)[0], "最多" if condition == "highest" else "最少"
    return result, f"扣分{most}的是{name}：{result.formula}={number(result.value)}分（{where(score)}）。"


def target_missed(tools: ReportTools, actual: Fact) -> bool:
    """Whether a numeric 完成值 falls short of its 指标值 in the target's direction (≥ or ≤)."""
    target = sibling(tools, actual, "target")
    if target is None or target.value is None or actual.value is None or actual.unit != target.unit:
        return False
    comparator = parse_target(target.text).comparator or "≥"
    return actual.value > target.value if comparator in ("≤", "<") else actual.value < target.value


def why_answer(tools: ReportTools, node: Why) -> tuple[Result, str]:
    """The figures asked about, the findings on them, the deviation note and passages giving reasons."""
    subject = node.subject
    facts: list[Fact] = []
    match = tools.best(subject.text, column=subject.column, source=subject.source)
    parts = []
    if match:
        facts.append(match.fact)
        parts.append(fact_sentence(match.fact))
        note = sibling(tools, match.fact, "deviation_note") if match.fact.kind == "indicator" else None
        if note is not None:
            facts.append(note)
            parts.append(f"表中偏差原因分析：“{note.text}”。")
    related = [f for f in tools.findings() if match and f.table == match.fact.table
               and (f.row is None or f.row == match.fact.row)]
    parts += [f"复核意见：{f.message}" for f in related[:3]]
    passages = tools.search(f"{subject.subject} 原因", limit=2)
    parts += [f"正文第{p.line}行：“{p.text.strip()[:80]}”" for p in passages]
    if not parts:
        raise NotFound(subject.subject)
    citations = [Evidence(quote=p.text.strip()[:80], line=p.line) for p in passages]
    return Result(None, None, "", facts, citations=citations), "\n".join(parts)
