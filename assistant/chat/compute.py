"""Derived figures: sums, differences, ratios, deductions and shares computed from the report's facts.

Each operation takes the nodes `question.py` built, finds their figures with the tools and
returns a `Result`: the value, the formula that gave it (numbers as printed, so a reader can
redo it) and the facts it rests on. A figure that cannot be found raises `NotFound`; nothing
is ever guessed.
"""
import re
from dataclasses import dataclass, field, replace

from assistant.chat.calculator import calculate
from assistant.chat.facts import BY_NATURE_OF_SPENDING, Fact
from assistant.chat.projects import ITEM_NUMBER, NarrativeItem
from assistant.chat.question import (Components, Deduction, Difference, IndicatorTotal, Operand, PartOfWhole,
                                     ProportionalScore, Ratio, ScoreShare, Sum, TablesTotal, subject_of)
from assistant.chat.terms import found
from assistant.chat.tools import DEPARTMENT_TABLE, ENOUGH, Match, ReportTools
from assistant.chat.vocabulary import LITERAL, MARKET_ENTITY_UNITS, MONEY_UNITS, PEOPLE_UNITS
from assistant.retrieval import tokens
from assistant.values import parse_target
from schemas import Evidence

SCORE_UNITS = frozenset({"分"})  # what 扣分 and 得分 are counted in
PERCENT = frozenset({"%"})
# The whole of a share needs less: a companion figure in its paragraph must confirm it.
WHOLE_ENOUGH = 0.5
WHOLE_CANDIDATES = 5
ITEM_CANDIDATES = 60
ITEM_WORDS = re.compile(r"项目|专项|各项|各")  # the items themselves, not what is added up
# words of an item question that name no measure of money ("列出所有项目及其支出金额": 支出 does)
AMOUNT_WORDS = re.compile(r"合计|之和|总和|一共|共计|总计|加起来|金额|资金|经费|多少|最多|最少|最大|最小|及其|分别")
MEASURE_ENOUGH = 0.5
PAIR_CANDIDATES = 8
PAIRED = 0.15  # the bonus of two operands standing in the same table or paragraph
# a share's whole is the figure the part's 其中 breaks down ("…决算数为4980.37万元，其中：人员经费4360.55万元"), over
# another of the same name in its sentence (年初预算数4668.70)
OF_WHICH = 0.5
ADJACENT, ADJACENT_SPAN = 0.05, 20  # and a little more the closer they stand in it (characters)
OTHER_UNIT_MARGIN = 0.2  # how much worse than a side's best match a figure in another unit may answer its name
SAME_SENTENCE = 0.05  # and more in one sentence ("争议金额429.93万元，为消费者挽回经济损失6.9万元", not a later case's 252万元)
# What a rate counts and what it counts against, as reports word them: 结案率 = 结案 ÷ 立案,
# 完成率 = 实际(完成) ÷ 计划, 办结率 = 办结 ÷ 受理, 合格率 = 合格 ÷ 抽检.
RATE_PARTS = {
    "结案": (("结案",), ("立案",)),
    "办结": (("办结",), ("受理",)),
    "完成": (("实际", "完成"), ("计划",)),
    "合格": (("合格",), ("抽检",)),
}


class NotFound(Exception):
    """A figure the question names is not in the report."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


@dataclass
class Result:
    """A computed answer: its value, the formula that gave it and the facts it rests on."""

    value: float | None
    unit: str | None
    formula: str
    facts: list[Fact] = field(default_factory=list)
    direction: str = ""  # of a "A比B…" difference: 增加 | 减少 | 相等
    citations: list[Evidence] = field(default_factory=list)  # evidence that is not a fact (findings, passages)


def number(value: float | None) -> str:
    """A value as answers print it: no trailing zeros, at most four decimals."""
    if value is None:
        return ""
    return f"{round(value, 4):.4f}".rstrip("0").rstrip(".")


# A project table's own figure for a column a question names: its 总分 for 得分, else the funds total's cell.
TABLE_COLUMN = {"score": "total_score", "budget": "full_year_budget", "final": "executed", None: "executed"}
POINTS = "个百分点"  # how far apart two rates stand: 100% − 56.7% is 43.3 个百分点, not 43.3%


def gap_unit(unit: str | None) -> str | None:
    """The unit of a difference between two figures in `unit`: a gap between rates is in 个百分点."""
    return POINTS if unit == "%" else unit


def unit_family(unit: str | None) -> frozenset[str] | None:
    """The units a figure comparable with one in `unit` may have (万元 with 元 and 亿元, 人 with 名, 家 with 户)."""
    if unit is None:
        return None
    return next((family for family in (MONEY_UNITS, PEOPLE_UNITS, MARKET_ENTITY_UNITS) if unit in family),
                frozenset({unit}))


# How many 万元 one 亿元 is. A figure in 元 beside ones in 万元 is taken as printed, as lists of amounts take it: in
# these reports it is far more often a slip for 万元 ("实际支出65.47元" of a project of 65.47万元) than a small sum.
WAN_IN = {"万元": 1, "亿元": 10_000}
# an answer asked in 元 ("人均…多少元") is converted to it; a figure printed in 元 among 万元 ones is not converted
# from it, being often a slip for 万元 ("实际支出65.47元" of a 65.47万元 budget)
YUAN_TOO = WAN_IN | {"元": 0.0001}


def in_unit(result: Result, unit: str | None, rates: dict[str, float] = WAN_IN) -> Result:
    """A sum in 亿元 as 万元 or back (4.3亿元 as 43000万元, the formula saying how), in 元 too by `YUAN_TOO`; else as
    it is."""
    if result.value is None or result.unit == unit or result.unit not in rates or unit not in rates:
        return result
    factor = rates[result.unit] / rates[unit]
    formula = f"({wrap(result)}×{number(factor)})" if factor >= 1 else f"({wrap(result)}÷{number(1 / factor)})"
    # 亿元 from 万元 keeps the four decimals an answer prints (4980.37万元 is 0.498亿元, not 0.5)
    return replace(result, value=round(calculate(formula), 4), unit=unit, formula=formula)


SAME = 0.005  # two figures equal within rounding to two decimals


def rounded(value: float) -> float:
    return round(value, 2)


def of(fact: Fact) -> Result:
    return Result(fact.value, fact.unit, number(fact.value), [fact])


def derived(formula: str, unit: str | None, facts: list[Fact], **details) -> Result:
    """A value computed by the safe calculator from the very formula the answer prints."""
    return Result(rounded(calculate(formula)), unit, formula, facts, **details)


def find(tools: ReportTools, operand: Operand, near: Fact | None = None, **override) -> Fact:
    """The fact an operand names (`override` replaces the operand's column, units …); NotFound if none."""
    options = dict(column=operand.column, source=operand.source, units=operand.units, year=operand.year,
                   numeric=operand.numeric) | override
    match = tools.best(operand.text, near=near, **options)
    if match is None:
        raise NotFound(operand.text)
    return match.fact


def names_row(tools: ReportTools, operand: Operand, fact: Fact) -> bool:
    """Whether the words name the fact's own row, beyond the table and 一级/二级 names they give."""
    text = DEPARTMENT_TABLE.sub("", operand.text)  # "部门整体的得分" names the table, not a row "…整体素质"
    for name in [tools.report.tables[t].name or "" for t in tools.named_tables(text)] + [group_named(tools, text) or ""]:
        text = text.replace(name, "") if name else text
    return label_named(fact, text) or any(word in (fact.row or "") for word in tokens(subject_of(text)))


def table_score(tools: ReportTools, operand: Operand, fact: Fact) -> Fact:
    """The score a table named alone is asked for ("药品监管专项的得分"): its 总分, not a row's."""
    if fact.kind not in ("indicator", "fund") or "执行率" in operand.text or not tools.named_tables(operand.text) \
            or names_row(tools, operand, fact):
        return fact
    return next((f for f in tools.facts if f.table == fact.table and f.column == "total_score"), fact)


def sibling(tools: ReportTools, fact: Fact, column: str) -> Fact | None:
    """The fact in the same table row as `fact`, in another column: of the same year first ("2023年预算数" beside
    "2022年决算数" and "2023年决算数"), then the nearest, when a name repeats."""
    row = [f for f in tools.facts if f.table == fact.table and f.kind == fact.kind and f.row == fact.row
           and f.group == fact.group and f.column == column]
    return min(row, key=lambda f: (f.year != fact.year, abs((f.line or 0) - (fact.line or 0))), default=None)


def first_fact(result: Result) -> Fact | None:
    return result.facts[0] if result.facts else None


def evaluate(tools: ReportTools, node, near: Fact | None = None) -> Result:
    if isinstance(node, Operand):
        literal = LITERAL.match(node.text)
        if literal:  # a number the question gives
            return Result(float(literal.group("value")), literal.group("unit"), literal.group("value"))
        fact = find(tools, node, near)
        return of(table_score(tools, node, fact) if node.column == "score" else fact)
    if isinstance(node, Sum):
        return add_up(tools, node, near)
    if isinstance(node, Difference):
        return subtract(tools, node)
    if isinstance(node, Ratio):
        return divide(tools, node)
    if isinstance(node, Components):
        return components(tools, node, near)
    if isinstance(node, TablesTotal):
        return tables_total(tools, node)
    raise TypeError(f"not an arithmetic operation: {node!r}")


def add_up(tools: ReportTools, node: Sum, near: Fact | None = None) -> Result:
    results: list[Result] = []
    if near is None and len(node.items) == 2 and all(named(item) for item in node.items):
        results = list(operands(tools, *node.items))  # two named figures as a pair in one unit ("企业年报和个体户年报")
    for item in node.items[len(results):]:
        results.append(evaluate(tools, item, near or (first_fact(results[0]) if results else None)))
    total = "+".join(wrap(r) for r in results)
    formula = f"({total})÷{len(results)}" if node.average else total
    return derived(formula, results[0].unit, [f for r in results for f in r.facts])


def components(tools: ReportTools, node: Components, near: Fact | None = None) -> Result:
    """Σ of the figures a sentence lists after `subject`'s figure, from its "其中" on, in the same unit."""
    total = find(tools, replace(node.subject, source="narrative"), near)
    passage = next(p for p in tools.passages if p.paragraph == total.paragraph
                   and p.offset <= total.offset < p.offset + len(p.text))
    start = passage.text.find("其中", total.offset - passage.offset)
    end = passage.offset + len(passage.text)
    parts = [f for f in tools.facts if f.paragraph == total.paragraph and f.unit == total.unit and start >= 0
             and passage.offset + start < f.offset < end]
    if not parts:
        raise NotFound(f"{node.subject.subject}的各组成部分")
    return derived("+".join(number(f.value) for f in parts), total.unit, parts)


def subtract(tools: ReportTools, node: Difference) -> Result:
    left, right = operands(tools, node.left, node.right)
    difference = left.value - right.value
    formula = f"{wrap(left)}−{wrap(right)}" if difference >= 0 or node.signed else f"{wrap(right)}−{wrap(left)}"
    direction = ("增加" if difference > 0 else "减少" if difference < 0 else "相等") if node.directed else ""
    if node.relative:
        if not right.value:
            raise NotFound("比较的基数")
        return derived(f"({formula})÷{wrap(right)}×100", "%", left.facts + right.facts, direction=direction)
    return derived(formula, gap_unit(left.unit or right.unit), left.facts + right.facts, direction=direction)


def operands(tools: ReportTools, first, second, same_units: bool = True, within: bool = False) -> tuple[Result, Result]:
    """The two figures of a difference or ratio.

    Two named figures are chosen together: the best-ranked pair, where figures standing in the
    same table or paragraph count for more (a reviewer compares figures that belong together),
    in comparable units unless `same_units` is off (人均: 万元 per 人); `within`: a part of another
    thing's whole ("基本支出占总支出"), never larger than it, when such a pair exists.
    """
    if not (named(first) and named(second)):
        left = evaluate(tools, first)  # the other figure near the first, unless that adds up several tables' figures
        several = len({f.table for f in left.facts if f.source == "table"}) > 1
        return left, in_unit(evaluate(tools, second, None if several else first_fact(left)), left.unit)
    firsts = near_best([m for m in lookup_operand(tools, first) if m.score >= ENOUGH])
    place = tools.named_tables(second.text) if within and not tools.named_tables(first.text) else set()
    if place:  # "部门整体年度资金总额中当年财政拨款占比": a part naming no table is of the table the whole is named in
        firsts = [m for m in firsts if m.fact.table in place]
        if not firsts:  # said of that table: "部门整体支出绩效自评表中的当年财政拨款"
            named_place = next((f.place for f in tools.facts if f.table in place and f.place), "")
            raise NotFound(f"{named_place}中的{first.subject or first.text}")
    if not firsts:
        raise NotFound(first.subject or first.text)
    # as named; failing a pair, without the name taken from the first ("整体支出比年初预算"), or a table named alone
    # measured as the first is ("药品监管专项的预算是质量发展专项的百分之几")
    for named_as in (second, own_words(second), measured_as(tools, second, first)):
        seconds = near_best([m for m in lookup_operand(tools, named_as) if m.score >= ENOUGH])
        pairs = [(a.rank + b.rank + PAIRED * together(a.fact, b.fact) + ADJACENT * adjacent(a.fact, b.fact)
                  + SAME_SENTENCE * one_sentence(tools, a.fact, b.fact)
                  + OF_WHICH * (within and a.fact.source == "narrative" and tools.whole_of(a.fact) is b.fact),
                  a.fact, b.fact)
                 for a in firsts for b in seconds if a.fact is not b.fact and not echoed(a.fact, b.fact)
                 and (not same_units or comparable(a.fact.unit, b.fact.unit))]
        if pairs:
            break
    if not pairs:
        raise NotFound(second.subject or second.text)
    pairs = of_the_tables_named(tools, first, second, pairs)
    pairs = [p for p in pairs if in_unit(of(p[1]), p[2].unit).value <= p[2].value + 0.005] or pairs if within else pairs
    _, a, b = max(pairs, key=lambda p: p[0])
    left = of(table_score(tools, first, a) if first.column == "score" else a)
    return left, in_unit(of(table_score(tools, second, b) if second.column == "score" else b), left.unit)


def of_the_tables_named(tools: ReportTools, first: Operand, second: Operand, pairs: list) -> list:
    """"编外用工人员经费比运行维护费多多少": two tables named one on each side are compared cell for cell, a figure
    of each in the same row and column (their 年度资金总额 全年预算数), not the prose's figure against a table's."""
    places = tools.named_tables(first.text), tools.named_tables(second.text)
    if not all(places) or places[0] & places[1]:
        return pairs
    return [(rank, a, b) for rank, a, b in pairs if a.table in places[0] and b.table in places[1]
            and a.column == b.column and a.row == b.row] or pairs


def comparable(unit: str | None, other: str | None) -> bool:
    return unit is None or other is None or other in (unit_family(unit) or {unit})


def named(node) -> bool:
    """Whether a node is one figure named by words (not a number the question gives, not an operation)."""
    return isinstance(node, Operand) and not LITERAL.match(node.text)


def own_words(operand: Operand) -> Operand:
    """The operand without the name it took from the first one ("整体支出比年初预算多多少": the 年初预算 the prose
    gives alone, when 整体支出 has none)."""
    return replace(operand, text=operand.text.split(" ", 1)[-1])


def measured_as(tools: ReportTools, operand: Operand, other: Operand) -> Operand:
    """A table named alone, measured as the other operand is ("药品监管专项的预算是质量发展专项的百分之几": the
    质量发展专项's 预算); the operand as it is when it names more than a table."""
    names = [name for _, name in tools.table_names() if name]
    if operand.text not in names:
        return operand
    measure = other.text
    for name in sorted((n for n in names if n in other.text), key=len, reverse=True):
        measure = measure.replace(name, "")
    return replace(operand, text=f"{operand.text}{measure}", column=operand.column or other.column,
                   units=operand.units or other.units)


def lookup_operand(tools: ReportTools, operand: Operand):
    return tools.lookup(operand.text, column=operand.column, source=operand.source, units=operand.units,
                        year=operand.year, numeric=operand.numeric, limit=PAIR_CANDIDATES)


def adjacent(a: Fact, b: Fact) -> float:
    """How close two figures of one paragraph stand (1 side by side, towards 0 far apart): "企业7433户、个体工商户
    23855户" are a pair, the 企业新增872户 of the next clause is not."""
    if a.paragraph is None or a.paragraph != b.paragraph:
        return 0.0
    return 1 / (1 + abs((a.offset or 0) - (b.offset or 0)) / ADJACENT_SPAN)


def near_best(matches: list[Match]) -> list[Match]:
    """A side's candidates, less those in another unit than its best match that answer its name much worse: "捣毁传销
    窝点数" is the 61个, never the 196人 of the clause after it, though the other side counts 人."""
    best = max(matches, key=lambda m: m.score, default=None)
    return [m for m in matches if comparable(m.fact.unit, best.fact.unit) or m.score >= best.score - OTHER_UNIT_MARGIN]


def echoed(a: Fact, b: Fact) -> bool:
    """Whether two narrative figures are one statement printed twice (003 gives its 市场秩序 paragraph at l.19 and
    again at l.28): never two sides of a comparison."""
    return a.source == b.source == "narrative" and a.quote == b.quote and a.value == b.value


def one_sentence(tools: ReportTools, a: Fact, b: Fact) -> bool:
    """Whether two narrative figures stand in the same sentence."""
    if a.source != "narrative" or a.paragraph is None or a.paragraph != b.paragraph:
        return False
    sentence = tools.sentence_of(a)
    return sentence is not None and sentence is tools.sentence_of(b)


def together(a: Fact, b: Fact) -> bool:
    """Whether two figures belong together: one paragraph, one self-evaluation table, or one basic-data row."""
    if a.paragraph is not None:
        return a.paragraph == b.paragraph
    same_table = a.table is not None and a.table == b.table
    return same_table and (a.kind != "basic" or a.row == b.row)


def wrap(result: Result) -> str:
    return f"({result.formula})" if "+" in result.formula or "−" in result.formula else result.formula


def divide(tools: ReportTools, node: Ratio) -> Result:
    part_node = node.part
    if isinstance(part_node, Operand) and isinstance(node.whole, Operand) and part_node.units is None:
        part_node = replace(part_node, units=node.whole.units)
    share = not node.times and isinstance(part_node, Operand) and isinstance(node.whole, Operand) \
        and part_node.subject != node.whole.subject  # "执行数占预算数" of one thing may pass 100%
    group = group_sum(tools, part_node) if isinstance(part_node, Operand) else None
    if group is not None:  # "效益指标得分占总分的比例": the group's rows added up, of the whole named
        try:
            whole = evaluate(tools, node.whole, first_fact(group))
        except NotFound:  # the whole took the group's name ("效益指标 总分"): the 总分 is the table's own
            whole = evaluate(tools, own_words(node.whole), first_fact(group))
        part, whole = group, in_unit(whole, group.unit)
    else:
        part, whole = operands(tools, part_node, node.whole, same_units=node.per is None, within=share)
    if share and spending_part_for_total(node.whole, whole):  # "占总支出" where the report states no total: the
        whole = add_up(tools, Sum(tuple(replace(node.whole, text=name) for name in BY_NATURE_OF_SPENDING)))  # sum,
        part = evaluate(tools, part_node)  # and the part found on its own, not paired with one of the sum's parts
    if not whole.value:
        raise NotFound("分母")
    if not node.times and part.unit == "%" and whole.unit == "%":  # "占全市的比例" where only "占全市的51%" is given:
        raise NotFound(getattr(node.whole, "subject", "分母"))  # no amounts to divide
    if node.times:
        part = in_unit(part, node.money, YUAN_TOO) if node.money else part  # "人均…多少元": 万元 as 元 before dividing
        unit = f"{part.unit or ''}/{node.per}" if node.per else "倍"
        return derived(f"{wrap(part)}÷{wrap(whole)}", unit, part.facts + whole.facts)
    return derived(f"{wrap(part)}÷{wrap(whole)}×100", "%", part.facts + whole.facts)


TOTAL_SPENDING = re.compile(r"总支出|支出总额|全部支出|支出合计|整体支出")


def spending_part_for_total(asked: object, found_whole: Result) -> bool:
    """Whether the total spending asked for (总支出, or spending named without its part: 一般公共预算财政拨款支出) came
    to one of its own parts (基本支出 for 总支出: a report stating only 基本支出 and 项目支出); the total is then their
    sum."""
    if not isinstance(asked, Operand) or len(found_whole.facts) != 1 or not TOTAL_SPENDING.search(asked.text) and not (
            "支出" in asked.text and not any(part in asked.text for part in BY_NATURE_OF_SPENDING)):
        return False
    fact = found_whole.facts[0]
    return any(part in fact.label for part in BY_NATURE_OF_SPENDING) and not TOTAL_SPENDING.search(fact.label)


def deduction(tools: ReportTools, node: Deduction) -> Result:
    """分值 − 得分 of an indicator, a fund line (执行率), a whole table, or every indicator of a group."""
    group, scored = scored_row(tools, node.subject)
    if group is not None:
        return group_deduction(tools, group, table_named(tools, node.subject.text))
    weight, score = scored
    return derived(f"{number(weight.value)}−{number(score.value)}", "分", [weight, score])


def score_share(tools: ReportTools, node: ScoreShare) -> Result:
    """得分率 = 得分 ÷ 分值 of an indicator, a fund line, a whole table, or every indicator of a group."""
    group, scored = scored_row(tools, node.subject)
    if group is not None:
        pairs = group_pairs(tools, group, table_named(tools, node.subject.text))
        weights = calculate("+".join(number(w.value) for w, _ in pairs))  # Σ 分值 and Σ 得分 of the rows (grounds)
        scores = calculate("+".join(number(s.value) for _, s in pairs))
        return derived(f"{number(scores)}÷{number(weights)}×100", "%", [f for pair in pairs for f in pair])
    weight, score = scored
    if not weight.value:
        raise NotFound(f"{node.subject.subject}的分值")
    return derived(f"{number(score.value)}÷{number(weight.value)}×100", "%", [score, weight])


def scored_row(tools: ReportTools, subject: Operand) -> tuple[str | None, tuple[Fact, Fact] | None]:
    """What a question about points lost or kept is about: (a 一级/二级 group, None) when it names a group
    but no row of it, else (None, (分值, 得分)) of the indicator, the fund line (执行率) or, for a table
    named without a row, the table's 总分."""
    text = subject.text
    group = group_named(tools, text)
    rate_asked = "执行率" in text
    candidates = [m for m in tools.lookup(text, column="score", source="table", units=SCORE_UNITS, limit=60)
                  if not rate_asked or m.fact.kind == "fund"]
    named_row = bool(candidates) and candidates[0].fact.kind == "indicator" and label_named(candidates[0].fact, text)
    if group and not named_row:
        return group, None
    if not candidates or candidates[0].score < ENOUGH:
        raise NotFound(subject.subject)
    score = candidates[0].fact
    table_name = tools.report.tables[score.table].name or "" if score.table is not None else ""
    if not rate_asked and score.kind in ("indicator", "fund") and not label_named(score, text.replace(table_name, "")):
        score = next((f for f in tools.facts if f.table == score.table and f.column == "total_score"), score)
    weight = sibling(tools, score, "weight" if score.kind != "total" else "total_weight")
    if weight is None or weight.value is None:
        raise NotFound(f"{subject.subject}的分值")
    return None, (weight, score)


def group_deduction(tools: ReportTools, group: str, table: int | None) -> Result:
    """Σ 分值 − Σ 得分 over the indicators under a 一级/二级 name in one table; the rows that lost points
    are its grounds (all rows when none did)."""
    pairs = group_pairs(tools, group, table)
    weights = calculate("+".join(number(w.value) for w, _ in pairs))
    scores = calculate("+".join(number(s.value) for _, s in pairs))
    docked = [f for weight, score in pairs if weight.value != score.value for f in (weight, score)]
    return derived(f"{number(weights)}−{number(scores)}", "分", docked or [f for pair in pairs for f in pair])


def group_pairs(tools: ReportTools, group: str, table: int | None) -> list[tuple[Fact, Fact]]:
    """(分值, 得分) of every scored indicator under a 一级/二级 name in one table."""
    pairs = [(sibling(tools, score, "weight"), score) for score in tools.indicator_facts("score", table, group)]
    pairs = [(weight, score) for weight, score in pairs if weight is not None and weight.value is not None]
    if not pairs:
        raise NotFound(group)
    return pairs


def label_named(fact: Fact, text: str) -> bool:
    """Whether the text names the fact's own row (not just its table or group)."""
    words = tokens(fact.row or "")
    return bool(words) and sum(found(w, text) for w in words) / len(words) >= 0.5


def group_named(tools: ReportTools, text: str) -> str | None:
    """The 一级/二级指标 the text names, the longest; of two as long, the 二级 ("产出指标中有哪些数量指标": 数量指标)."""
    second = {i.level2 for table in tools.report.tables for i in table.indicators}
    names = [g for g in tools.groups() if g in text]
    return max(names, key=lambda g: (len(g), g in second)) if names else None


def table_named(tools: ReportTools, text: str) -> int | None:
    """The table whose name (or number: "表2") the text mentions, else the main (department) table."""
    named = [(len(name), index) for index, name in tools.table_names() if name and name in text]
    numbered = tools.named_tables(text)
    return max(named)[1] if named else min(numbered) if len(numbered) == 1 else tools.main_table


def proportional(tools: ReportTools, node: ProportionalScore) -> Result:
    """分值 × 完成值/指标值 (指标值/完成值 for ≤ targets), never above the 分值; for 执行率,
    分值 × 全年执行数/全年预算数, also capped at the 分值."""
    if "执行率" in node.subject.text:
        return execution_score(tools, node.subject)
    actual = find(tools, node.subject, column="actual", units=None)
    target, weight = sibling(tools, actual, "target"), sibling(tools, actual, "weight")
    if target is None or weight is None or not target.value or not actual.value or weight.value is None:
        raise NotFound(f"{node.subject.subject}的指标值、完成值或分值")
    lower_is_better = parse_target(target.text).comparator in ("≤", "<")
    better, worse = (target, actual) if lower_is_better else (actual, target)
    fraction = f"{number(better.value)}÷{number(worse.value)}" if better.value < worse.value else "1"
    facts = [weight, target, actual] + [f for f in [sibling(tools, actual, "score")] if f]
    return derived(f"{number(weight.value)}×{fraction}", "分", facts)


def execution_score(tools: ReportTools, subject: Operand) -> Result:
    """执行率得分 = min(全年执行数 ÷ 全年预算数, 100%) × 分值 of the fund line the subject names."""
    name = re.sub(r"(?:预算)?执行率", "", subject.text)
    executed = find(tools, replace(subject, text=name, column="executed", units=MONEY_UNITS))
    budget, weight = sibling(tools, executed, "full_year_budget"), sibling(tools, executed, "weight")
    if budget is None or weight is None or not budget.value or weight.value is None:
        raise NotFound(f"{subject.subject}的全年预算数或分值")
    fraction = f"{number(executed.value)}÷{number(budget.value)}" if executed.value < budget.value else "1"
    facts = [weight, executed, budget] + [f for f in [sibling(tools, executed, "score")] if f]
    return derived(f"{number(weight.value)}×{fraction}", "分", facts)


def part_of_whole(tools: ReportTools, node: PartOfWhole) -> Result:
    """A printed rate when the report gives one; else part ÷ whole from one paragraph.

    The last words name the part ("已办结", "完成"), the words before them the whole
    ("消费者投诉（举报）", "抽检计划"). When the report prints the rate, the formula
    (part ÷ whole or (whole − part) ÷ whole) that comes closest to it is the one recomputed.
    """
    completed = indicator_completion(tools, node.subject) if (node.rate or "").endswith("完成率") else None
    if completed is not None:  # "专利许可交易金额完成率": the indicator's 完成值 ÷ 指标值
        return completed
    column = "execution_rate" if "执行率" in node.subject.text else None
    printed = tools.best(node.subject.text, units=PERCENT, column=column, source=node.subject.source)
    head = tokens(node.subject.subject)[-1:]
    if printed and node.rate is None and head and found(head[0], printed.fact.label) < 1:
        printed = None  # "问题样品占比" is not the 阴性率 printed beside it
    if printed and not node.recompute:
        return of(printed.fact)
    own = printed_rate_recomputed(tools, printed.fact) if printed else None
    if own is not None:  # "企业占比是否正确", "控制率是否正确": from the figures it is printed of
        return own
    if column:  # no printed 执行率: of a project the narrative numbers, its own; else (a basic-data row) 决算数 ÷ 预算数
        subject = re.sub(r"(?:预算)?执行率", "", node.subject.text)
        item = next((item for item in tools.projects if item.name in subject), None)
        rate = item_rate(tools, item) if item is not None else None
        if rate is not None:
            return rate
        spent = Operand(subject, "final", node.subject.year, node.subject.source, MONEY_UNITS)
        return divide(tools, Ratio(spent, replace(spent, column="budget")))
    words = tokens(re.sub(r"率$", "", node.subject.subject)) or tokens(node.subject.text)
    said = node.rate is None and any(all(w in f.label for w in words) for f in tools.facts
                                     if f.source == "narrative" and f.unit not in PERCENT)
    split = breakdown_share(tools, node.subject) if node.rate is None and not said else None
    if split is not None:  # "纳入专户管理的非税收入拨款占比", stated in a table only: of its 年度资金总额
        return split
    if said:
        # "基本支出占比": the report prints the part itself; its whole is the figure its sentence breaks down
        # ("支出1359.46万元，其中基本支出998.09万元"), else the question names none to divide it by
        parts = [m.fact for m in tools.lookup(node.subject.text, source="narrative", units=MONEY_UNITS | PEOPLE_UNITS,
                                              limit=WHOLE_CANDIDATES) if m.score >= ENOUGH
                 and all(w in m.fact.label for w in words)]  # the part itself, not a figure beside it
        part, whole = next(((p, w) for p in parts if (w := tools.whole_of(p)) is not None), (None, None))
        split = breakdown_share(tools, node.subject) if whole is None else None
        if split is not None:  # "一般公共预算占比": no sentence breaks it down, the table's split does
            return split
        if whole is None:
            raise NotFound(f"{node.subject.subject}占比所指的总数")
        return derived(f"{number(part.value)}÷{number(whole.value)}×100", "%", [part, whole])
    stem = tokens(node.rate[:-1]) if node.rate else words[-1:]
    predicate = (stem or words)[-1]
    counted, base = RATE_PARTS.get(predicate, ((predicate,), ()))
    whole_words = [w for w in words if w not in stem] + list(base) or words
    wholes = [m for m in tools.lookup(" ".join(whole_words), source="narrative", limit=WHOLE_CANDIDATES)
              if m.score >= WHOLE_ENOUGH and m.fact.unit not in PERCENT and m.fact.value]
    pairs = [(counted_part(tools, m.fact, counted), m) for m in wholes]
    # a share ("…的比例", "…占比") is a part of its whole, never more; a rate ("完成率") may pass 100%
    pairs = [(part, m) for part, m in pairs if part is not None and (node.rate or part.value <= m.fact.value)]
    if not pairs:
        raise NotFound(node.subject.subject)
    # the whole whose paragraph also names the part wins over a better-named whole standing alone
    part, best = max(pairs, key=lambda pair: (max(found(w, pair[0].label) for w in counted), pair[1].rank))
    whole = best.fact
    formulas = [f"{number(part.value)}÷{number(whole.value)}×100"]
    if printed and whole.value >= part.value:
        formulas.append(f"({number(whole.value)}−{number(part.value)})÷{number(whole.value)}×100")
        formulas.sort(key=lambda formula: abs(calculate(formula) - printed.fact.value))
    return derived(formulas[0], "%", [part, whole] + ([printed.fact] if printed else []))


SHARE_LABEL = re.compile(r"(?P<part>[\u4e00-\u9fa5]{1,30}?)(?:所占比例|所占比重|占比|比重|比例)$")  # a label is short


def share_of_its_sentence(tools: ReportTools, share: Fact) -> Result | None:
    """A share the prose prints ("市场主体总量达111655户（企业48591户，企业占比43.46%"), recomputed from the figures
    before it in its paragraph: the last naming its part (企业48591户), and the last before that, in the part's unit,
    at least as large (111655户); None when the prose gives no such pair."""
    named = SHARE_LABEL.search(share.label.strip("，,、；;（( "))
    words = tokens(named.group("part")) if named and share.source == "narrative" and share.unit == "%" else []
    before = [f for f in tools.facts if words and f.source == "narrative" and f.paragraph == share.paragraph
              and f.unit not in PERCENT and f.value and (f.offset or 0) < (share.offset or 0)]
    part = max((f for f in before if all(w in f.label for w in words)), key=lambda f: f.offset or 0, default=None)
    whole = max((f for f in before if part is not None and f.unit == part.unit and (f.offset or 0) < (part.offset or 0)
                 and f.value >= part.value), key=lambda f: f.offset or 0, default=None)
    if whole is None:
        return None
    return derived(f"{number(part.value)}÷{number(whole.value)}×100", "%", [part, whole])


def printed_rate_recomputed(tools: ReportTools, rate: Fact) -> Result | None:
    """A printed rate recomputed from the figures it is of: a share from its own sentence, the basic-data table's
    控制率 as 实际在职人数 ÷ 编制数; None for other rates."""
    if rate.kind != "basic" or "控制率" not in (rate.row or ""):
        return share_of_its_sentence(tools, rate)
    row = [f for f in tools.facts if f.kind == "basic" and f.table == rate.table and f.value is not None]
    staff = next((f for f in row if f.row == "编制数"), None)
    actual = next((f for f in row if "在职人数" in (f.row or "")), None)
    if staff is None or actual is None or not staff.value:
        return None
    return derived(f"{number(actual.value)}÷{number(staff.value)}×100", "%", [actual, staff])


def breakdown_share(tools: ReportTools, subject: Operand) -> Result | None:
    """A source or kind of spending a table splits its 年度资金总额 into, as a share of that total (全年预算数); None
    when the words name no such item."""
    match = tools.best(subject.text, source="table", units=MONEY_UNITS, year=subject.year)
    part = match.fact if match is not None and match.fact.kind == "breakdown" else None
    totals = [f for f in tools.facts if part is not None and f.table == part.table and f.kind == "fund"
              and f.primary and f.column in ("full_year_budget", "executed") and f.value]
    largest = max((f.value for f in tools.facts if part is not None and f.table == part.table
                   and f.kind == "breakdown" and f.value is not None), default=0)
    # the 全年预算数, unless the split is of more than that (001 splits its 全年执行数 8876.29, above its budget)
    whole = min(totals, key=lambda f: (f.value < largest - SAME, f.column != "full_year_budget"), default=None)
    if part is None or whole is None or part.value is None:
        return None
    return derived(f"{number(part.value)}÷{number(whole.value)}×100", "%", [part, whole])


def indicator_completion(tools: ReportTools, subject: Operand) -> Result | None:
    """完成值 ÷ 指标值 × 100 of the indicator row the words name, when both are counts or amounts in one unit; else
    None."""
    for name in (subject.text, re.sub(r"(?:的)?完成率$", "", subject.text)):  # a row printing the rate comes first
        match = tools.best(name, column="actual", source="table", units=None)
        actual = match.fact if match is not None and match.fact.kind == "indicator" else None
        if actual is not None and label_named(actual, name) and (name != subject.text or printed_completion(actual)):
            return completion(tools, actual)
    return None


def printed_completion(actual: Fact) -> bool:
    return actual.unit == "%" and (actual.row or "").endswith("完成率")


def completion(tools: ReportTools, actual: Fact) -> Result | None:
    """An indicator row's 完成率: the 完成值 of a row that is a 完成率 itself ("抽检完成率 100%"); else 完成值 ÷ 指标值 × 100
    when both are in one unit and the target is not a ceiling (≤760元/批次 is kept, not completed); else None."""
    if printed_completion(actual):
        return of(actual)
    target = sibling(tools, actual, "target")
    if target is None or not target.value or actual.value is None or target.unit != actual.unit \
            or parse_target(target.text).comparator in ("≤", "<"):
        return None
    return derived(f"{number(actual.value)}÷{number(target.value)}×100", "%", [actual, target])


def counted_part(tools: ReportTools, whole: Fact, counted: tuple[str, ...]) -> Fact | None:
    """The figure of the whole's paragraph, in its unit, that the counted words name best (the nearest on a tie)."""
    companions = [f for f in tools.facts if f.paragraph == whole.paragraph and f is not whole
                  and f.unit == whole.unit and f.value is not None]
    return max(companions, default=None, key=lambda f: (max(found(word, f.label) for word in counted),
                                                         -abs((f.offset or 0) - (whole.offset or 0))))


def tables_total(tools: ReportTools, node: TablesTotal) -> Result:
    """Σ (or the mean) of a column over the project tables' 年度资金总额; without project tables, of the
    figure the numbered items of the narrative each give ("1.“…专项”…实际支出139.98万元"); a plain
    lookup when there are neither. A project's 得分 is its 总分 unless the words say 执行率 (its funds row's)."""
    rate_score = node.column == "score" and "执行率" in node.subject.text  # the 得分 of the funds row, not the 总分
    column = node.column if rate_score else TABLE_COLUMN.get(node.column, node.column)
    items = [f for f in tools.facts if (f.kind == "fund" and f.primary or f.kind == "total") and f.column == column
             and tools.report.tables[f.table].kind == "project"] or listed_items(tools, node)
    items = [f for f in items if not left_out(tools, f, node.excluding)]
    if len(items) < 2:
        return of(find(tools, replace(node.subject, column=None)))
    total = "+".join(number(f.value) for f in items)
    # the unit most items print: one item's slip ("实际支出65.47元" among 万元) does not make the total 元
    units = [f.unit for f in items]
    unit = max(units, key=units.count)
    if node.average:
        return derived(f"({total})÷{len(items)}", unit, items)
    return derived(total, unit, items)


def left_out(tools: ReportTools, item: Fact, excluding: tuple[str, ...]) -> bool:
    """Whether a project's figure is of a project the words left out name (its table's name, or the narrative item's)."""
    names = [tools.report.tables[item.table].name] if item.table is not None else \
        [p.name for p in tools.projects if p.paragraph == item.paragraph]
    return any(name and name in words for name in names for words in excluding)


def listed_items(tools: ReportTools, node: TablesTotal) -> list[Fact]:
    """The best figure for the subject in each numbered paragraph of the narrative, in order (only the paragraphs
    naming projects when the narrative numbers a run of them; the `count` best when the question says how many)."""
    words = ITEM_WORDS.sub("", node.subject.text)
    projects = tools.projects
    if projects:  # each item's figure its clause names as the words do; failing that for most, its best figure
        for measured in (True, False):
            figures = [f for item in projects if (f := item_figure(tools, item, words, node.subject.units, measured))]
            if len(figures) >= 2:
                break
        return figures
    best: dict[int, Match] = {}
    for match in tools.lookup(words, source="narrative", units=node.subject.units, limit=ITEM_CANDIDATES):
        paragraph = match.fact.paragraph
        if match.score < ENOUGH or not ITEM_NUMBER.match(tools.document.paragraphs[paragraph].text):
            continue
        # an item's first figure heads it: on a near tie it is the one meant
        if paragraph not in best or headline(match) > headline(best[paragraph]):
            best[paragraph] = match
    chosen = sorted(best.values(), key=lambda m: -m.rank)[:node.count] if node.count else list(best.values())
    return [m.fact for m in sorted(chosen, key=lambda m: m.fact.paragraph)]


ACTUAL = re.compile(r"实际|全年|累计")  # words a measure may go without ("实际支出" printed as "支出")


def item_figure(tools: ReportTools, item: NarrativeItem, words: str, units: frozenset[str] | None,
                measured: bool) -> Fact | None:
    """The figure of a numbered project the words ask for ("支出": its 实际支出), read in its own paragraph; with no
    words, the amount its opening gives ("共有质量监管专项80.57万元"); None when the paragraph gives no such figure."""
    units = units or MONEY_UNITS
    measure = AMOUNT_WORDS.sub("", words)
    matches = [m for m in tools.lookup(f"{item.name} {measure}", source="narrative", units=units, limit=ITEM_CANDIDATES)
               if m.fact.paragraph == item.paragraph]
    if measured and tokens(measure):  # "省级追加最多": only a figure its own clause calls so; "实际支出" is said
        for said_as in dict.fromkeys((measure, ACTUAL.sub("", measure) or measure)):  # "支出48.57万元" by some items
            said = {id(m.fact) for m in tools.lookup(said_as, source="narrative", units=units, limit=ITEM_CANDIDATES)
                    if m.fact.paragraph == item.paragraph and m.score >= MEASURE_ENOUGH}
            if said:
                break
        matches = [m for m in matches if id(m.fact) in said]
    return max(matches, key=headline).fact if matches else None


def item_rate(tools: ReportTools, item: NarrativeItem) -> Result | None:
    """A numbered project's 执行率, 实际支出 ÷ (年初预算 + 追加), when its paragraph gives its spending as such and
    its budget; else None."""
    budget, added, spent = (item_figure(tools, item, words, MONEY_UNITS, True) for words in ("年初预算", "追加", "实际支出"))
    if budget is None or spent is None or spent in (budget, added):
        return None
    parts = [budget] + ([added] if added is not None else [])
    return derived(f"{number(spent.value)}÷({'+'.join(number(f.value) for f in parts)})×100", "%", [spent, *parts])


def headline(match: Match) -> tuple[float, int]:
    return round(match.rank, 1), -(match.fact.offset or 0)


def group_sum(tools: ReportTools, operand: Operand) -> Result | None:
    """Σ 得分 (or 分值) of the rows under the 一级/二级 指标 the words name without naming a row of it ("效益指标得分");
    None for words naming a row, or no group, or another column."""
    if operand.column not in ("score", "weight") or group_named(tools, operand.text) is None:
        return None
    try:
        fact = find(tools, operand)
    except NotFound:
        fact = None
    if fact is not None and (fact.kind != "indicator" or names_row(tools, operand, fact)):
        return None
    return indicator_total(tools, IndicatorTotal(operand, operand.column))


def indicator_total(tools: ReportTools, node: IndicatorTotal) -> Result:
    """Σ of 分值 or 得分 over the indicators under the 一级/二级 name the question gives, or, naming none, over every
    indicator of the table it names ("部门整体支出绩效自评表各指标得分之和")."""
    group = group_named(tools, node.subject.text)
    if group is None and not tools.named_tables(node.subject.text):
        raise NotFound(node.subject.subject)
    table = table_named(tools, node.subject.text)
    facts = [f for f in tools.indicator_facts(node.column, table, group) if f.value is not None]
    if not facts:
        raise NotFound(group or node.subject.subject)
    return derived("+".join(number(f.value) for f in facts), "分", facts)
