"""The offline answerer: runs an understood question over the report's tools, no model involved.

Every number in an answer is a fact the tools found (with its quote and line) or arithmetic
on such facts (`compute.py`); when a figure cannot be found the answer says so, shows the
closest passages, and carries no value.
"""
import re
from dataclasses import replace

from assistant.chat.calculator import calculate
from assistant.chat.compute import (SAME, WAN_IN, WHOLE_ENOUGH, YUAN_TOO, NotFound, Result, comparable, deduction,
                                    derived, evaluate, find, first_fact, gap_unit, group_sum, in_unit, indicator_total,
                                    number, of, operands, part_of_whole, printed_rate_recomputed, proportional, rounded,
                                    score_share, sibling, table_score, tables_total, unit_family, wrap)
from assistant.chat.facts import COLUMN_NAMES, FORM_KEY, Fact, row_name
from assistant.chat.listing import (contents_answer, goals_answer, listing_answer, parts_listing, section_answer,
                                    target_missed, why_answer)
from assistant.chat.question import (ASKING, Compared, Contents, Deduction, Either, Goals, IndicatorTotal, Larger,
                                     Listing, Lookup, Operand, PartOfWhole, Parts, ProportionalScore, Question,
                                     ScoreShare, Section, Several, TablesTotal, Why, clean, main_operand, subject_of)
from assistant.chat.results import ResultKind
from assistant.chat.tools import ENOUGH, ReportTools
from assistant.chat.vocabulary import LITERAL, columns_asked, columns_in, strip_columns
from assistant.chat.wording import derived_sentence, evidence, fact_sentence, grounds, printed, where
from assistant.retrieval import tokens
from assistant.values import decimals_printed, half_last_place
from schemas import Answer, Evidence

NOT_FOUND = "报告中未找到"
TARGET_WORDS = re.compile(r"指标值|目标值?|预期")  # what an indicator's 完成值 is held against
# How a value stands to a number the question gives ("是否达到100%", "是否超过50万元"): word, test.
EQUALS = ("等于", lambda value, target: abs(value - target) < SAME)
ABOVE = lambda value, target: value > target + SAME  # noqa: E731
BELOW = lambda value, target: value < target - SAME  # noqa: E731
RELATIONS = {"": EQUALS, "为": EQUALS, "是": EQUALS, "等于": EQUALS,
             "达到": ("达到", lambda value, target: value >= target - SAME),
             "超过": ("超过", ABOVE), "大于": ("大于", ABOVE), "高于": ("高于", ABOVE),
             "超出": ("超过", ABOVE), "多于": ("多于", ABOVE), "低于": ("低于", BELOW), "小于": ("小于", BELOW),
             "少于": ("少于", BELOW), "不足": ("低于", BELOW)}
HANDLERS = {Deduction: deduction, ProportionalScore: proportional, PartOfWhole: part_of_whole,
            TablesTotal: tables_total, IndicatorTotal: indicator_total, ScoreShare: score_share}


def lookup_answer(tools: ReportTools, node: Lookup) -> tuple[Result, str]:
    """One figure, or several columns of one row ("指标值和实际完成值分别是多少": the last is the value)."""
    if node.columns:
        facts: list[Fact] = []
        # "执行率和得分": a table's 得分 is its 总分; "执行率得分" is the 得分 of the 执行率 row, shown beside its rate
        apart = len(columns_asked(node.operand.text)) == len(node.columns)
        for column in node.columns:  # the later columns are of the first one's row
            asked = replace(node.operand, column=column, units=None)
            same_row = sibling(tools, facts[0], column) if facts else None
            fact = same_row or find(tools, asked, facts[0] if facts else None)
            facts.append(table_score(tools, replace(asked, text=strip_columns(asked.text)), fact)
                         if column == "score" and apart else fact)
        cells = "；".join(f"{COLUMN_NAMES.get(f.column or '', '')}{as_printed(f)}（{where(f)}）" for f in facts)
        whole = facts[0].describe()
        row = whole.rsplit("·", 1)[0] if len({f.row for f in facts}) == 1 else whole.split("·")[0]
        return Result(facts[-1].value, facts[-1].unit, "", facts), f"{row}：{cells}。"
    key = FORM_KEY.search(node.operand.text)
    if key is not None and node.operand.column is None and not node.operand.numeric:  # not 主管部门的全年预算数
        return form_field_answer(tools, node.operand, key.group())
    group = group_sum(tools, node.operand) if node.operand.column == "score" else None
    if group is not None:  # a group named without a row: its rows' sum
        return group, derived_sentence(group) + grounds(group.facts)
    # a sum asked in 万元 or 亿元 is any figure of the name; one asked in 元 is the named table's, as one asked in no unit
    fact = find_in_named_table(tools, node.operand) if node.unit in (None, "元") else find(tools, node.operand)
    blank = blank_row_named(tools, node.operand.text, fact)
    if blank:  # "公车购置2024年决算数": its cell is "/", not the 公车运行维护 row below it
        raise NotFound(f"{blank}的{fact.heading or COLUMN_NAMES.get(fact.column or '', '')}（基础数据表中该格为空或“/”）")
    fact = table_score(tools, node.operand, fact) if node.operand.column == "score" else fact
    result = of(fact)
    sentence = fact_sentence(fact)
    # "多少万元" of 4.3亿元; "多少元" of 8876.29万元 (an amount printed in 元 is not turned into 万元: see YUAN_TOO)
    rates = YUAN_TOO if node.unit == "元" else WAN_IN
    if node.unit and fact.unit != node.unit and in_unit(result, node.unit, rates).unit == node.unit:
        result = in_unit(result, node.unit, rates)
        return result, f"{sentence.rstrip('。')}，即{number(result.value)}{node.unit}。"
    if fact.kind == "indicator" and fact.column == "score":
        weight = sibling(tools, fact, "weight")
        if weight is not None and weight.value is not None:
            sentence = f"{fact.describe()}为{number(fact.value)}分（分值{number(weight.value)}分，{where(fact)}）。"
            result.facts.append(weight)
    return result, sentence


def form_field_answer(tools: ReportTools, operand: Operand, key: str) -> tuple[Result, str]:
    """A field of the tables' heads ("主管部门是什么"): only that field's cell answers, of the tables the question
    names, else of every table that fills it in, each said when they differ; a field left blank is not in the
    report, whatever else its words might match."""
    named = tools.named_tables(operand.text)
    cells = [f for f in tools.facts if f.kind == "cell" and key in (f.row or "")
             and (not named or f.table in named)]
    if not cells:
        raise NotFound(key)
    if len({f.text for f in cells}) == 1:
        return of(cells[0]), fact_sentence(cells[0])
    return of(cells[0]), "；".join(f"{f.describe()}为{f.text}（{where(f)}）" for f in cells) + "。"


def as_printed(fact: Fact) -> str:
    """A cell as the table prints it ("56.70%"), its unit added when the cell leaves it to the header ("100" → 100%)."""
    return fact.text if fact.unit and fact.text.endswith(fact.unit) else printed(fact)


def same_figure_of_every_table(tools: ReportTools, operand: Operand, fact: Fact) -> list[Fact]:
    """When a question names no table and the figure it names is one several tables print alike ("项目的预算执行率"
    in a report of five projects), the figure of each of those tables, in table order; else none."""
    if fact.source != "table" or fact.kind not in ("fund", "total", "indicator") or tools.named_tables(operand.text):
        return []
    matches = tools.lookup(operand.text, column=fact.column, source=operand.source, units=operand.units,
                           year=operand.year, numeric=operand.numeric, limit=len(tools.report.tables) * 4)
    best = next((m.score for m in matches if m.fact is fact), None)
    if best is None:
        return []
    alike = {m.fact.table: m.fact for m in reversed(matches) if m.fact.kind == fact.kind
             and m.fact.column == fact.column and m.fact.row == fact.row and abs(m.score - best) < SAME}
    return [alike[table] for table in sorted(alike)]


def every_table_sentence(facts: list[Fact]) -> str:
    """The figure of each table as a small table: "| 表 | 执行率 |"."""
    column = COLUMN_NAMES.get(facts[0].column or "", "")
    rows = "\n".join(f"| 表{f.table + 1} {f.place} | {printed(f)} | {where(f)} |" for f in facts)
    return f"报告中{len(facts)}张自评表各有{facts[0].row or ''}{column}，分别为：\n| 自评表 | {column} | 出处 |\n|---|---|---|\n{rows}"


def compare_sentence(tools: ReportTools, result: Result, compared: Compared) -> tuple[str, list[Fact]]:
    """"是否等于项目支出", "是否超过预算数": how the computed value stands to the figure named (not one it was computed
    from) or to figures added up ("三个项目全年执行数之和"); "是否为100%", "是否达到100%": to the number given."""
    other = compared.figure
    if not isinstance(other, Operand):  # a sum the question spells out: computed, then compared
        try:
            total = evaluate(tools, other)
        except NotFound as missing:
            return f"{NOT_FOUND}可与之比较的“{missing.what}”。", []
        word, holds = RELATIONS[compared.relation]
        verdict = word if holds(result.value, in_unit(total, result.unit).value) else f"不{word}"
        return f"{verdict}{derived_sentence(in_unit(total, result.unit)).rstrip('。')}。", total.facts
    literal = LITERAL.match(other.text)
    if literal:
        target = float(literal.group("value"))
        word, holds = RELATIONS[literal.group("verb") or compared.relation]
        verdict = word if holds(result.value, target) else f"不{word}"
        return f"{verdict}{number(target)}{literal.group('unit') or ''}。", []
    actual = result.facts[0] if len(result.facts) == 1 and result.facts[0].kind == "indicator" \
        and result.facts[0].column == "actual" else None
    target = sibling(tools, actual, "target") if actual is not None and TARGET_WORDS.search(other.text) else None
    if target is not None and target.value is not None:  # "完成值是否达到年度指标值": in the target's direction
        met = not target_missed(tools, actual)
        return f"{'已达到' if met else '未达到'}年度指标值{target.text}（{where(target)}）。", [target]
    enough = WHOLE_ENOUGH if other.source else ENOUGH  # the place the question names ("正文所述") narrows the figures
    fact = None
    said = first_fact(result)  # a clause saying its column ("三公经费支出预算数为99.51万元") is read against that column
    stated = columns_in(said.label)[-1:] if len(result.facts) == 1 and said.source == "narrative" else []
    # the column it took from the first side, else the one the first clause says, else as printed
    for column in dict.fromkeys((other.column or (stated[0] if stated else None), None)):
        matches = tools.lookup(other.text, column=column, source=other.source, units=unit_family(result.unit),
                               near=said, limit=10)  # ("执行数合计与部门项目支出": a split has no 执行数)
        fact = fact or next((m.fact for m in matches if m.score >= enough and m.fact not in result.facts
                             and not narrower(m.fact, other.subject)), None)
    if fact is None:
        return f"{NOT_FOUND}可与之比较的“{other.subject}”。", []
    word, holds = RELATIONS[compared.relation]
    verdict = word if holds(result.value, in_unit(of(fact), result.unit).value) else f"不{word}"
    name = fact.describe() if fact.source == "table" else other.subject
    return f"{verdict}{name}{number(fact.value)}{fact.unit or ''}（{where(fact)}）。", [fact]


def narrower(fact: Fact, subject: str) -> bool:
    """Whether a table row is a narrower item than the one named: all the named words and more ("编外用工人员经费" is
    not 人员经费), so a figure is never checked against a part of it."""
    named, row = tokens(subject), tokens(fact.row or "") if fact.source == "table" else []
    return bool(named) and all(word in (fact.row or "") for word in named) and any(word not in subject for word in row)


def closest_passages(tools: ReportTools, text: str) -> list[Evidence]:
    """The passages nearest the question; failing any, the nearest figures; failing those, the opening."""
    items = [Evidence(quote=p.text.strip()[:80], line=p.line) for p in tools.search(text, limit=3)]
    items = items or evidence([m.fact for m in tools.lookup(text, limit=3)])
    return items or [Evidence(quote=p.text.strip()[:80], line=p.line) for p in tools.passages[:1]]


def not_found_answer(tools: ReportTools, question: Question, what: str) -> Answer:
    """"报告中未找到“…”", no value, and the closest passages as evidence."""
    items = closest_passages(tools, question.resolved)
    subject = what or question.subject or question.resolved
    closest = "；".join(f"第{e.line}行“{e.quote}”" for e in items)
    answer = f"{NOT_FOUND}“{subject}”。" + (f"最接近的内容：{closest}" if items else "")
    return Answer(question=question.text, answer=answer, value=None, unit=None, evidence=items, mode="offline")


def run(tools: ReportTools, node) -> tuple[Result, str, str]:
    """The result, the sentence stating it, and the grounds of a derived figure ("" for a printed one)."""
    if isinstance(node, Either):
        try:
            return run(tools, node.first)
        except NotFound:
            return run(tools, node.second)
    if isinstance(node, Lookup):
        return *lookup_answer(tools, node), ""
    if isinstance(node, Listing):
        return *listing_answer(tools, node), ""
    if isinstance(node, Larger):
        return *larger_answer(tools, node), ""
    if isinstance(node, Several):
        return *several_answer(tools, node), ""
    if isinstance(node, Why):
        return *why_answer(tools, node), ""
    if isinstance(node, Contents):
        return *contents_answer(tools, node), ""
    if isinstance(node, Parts):
        return *parts_listing(tools, node), ""
    if isinstance(node, Section):
        return *section_answer(tools, node), ""
    if isinstance(node, Goals):
        return *goals_answer(tools, node), ""
    handler = HANDLERS.get(type(node))
    result = handler(tools, node) if handler else evaluate(tools, node)
    if len(result.facts) == 1 and result.formula == number(result.value):  # a figure as printed, not derived
        note, recomputed = recomputed_share(tools, result.facts[0])
        return replace(result, facts=result.facts + recomputed), fact_sentence(result.facts[0]) + note, ""
    return result, derived_sentence(result), grounds(result.facts)


def find_in_named_table(tools: ReportTools, operand: Operand) -> Fact:
    """The fact the words name; failing one in the units they imply, a row of the table they name in any unit: a
    table's name says nothing of the unit asked ("编外用工人员经费聘用人员数量" is 18人, though 经费 is money)."""
    try:
        return find(tools, operand)
    except NotFound:
        named = tools.named_tables(operand.text)
        match = tools.best(operand.text, column=operand.column, year=operand.year, source=operand.source) \
            if named and operand.units else None
        if match is None or match.fact.table not in named or match.fact.kind not in ("indicator", "fund"):
            raise
        return match.fact


def blank_row_named(tools: ReportTools, text: str, fact: Fact) -> str:
    """The basic-data row the words name when the figure found is another row's: the named one has no figure there;
    "" when the words name no other row."""
    if fact.kind != "basic":
        return ""
    rows = {row_name(row) for table in tools.report.tables if table.kind == "basic_data" for row in table.rows}
    named = max((row for row in rows if len(row) >= 2 and row in text), key=len, default="")
    return named if named and named != fact.row and named not in (fact.row or "") \
        and (fact.row or "") not in text else ""


def recomputed_share(tools: ReportTools, share: Fact) -> tuple[str, list[Fact]]:
    """Of a share or rate printed, what the figures it is of give when that differs beyond the printed rounding
    ("按正文所列企业48591户÷市场主体总量达111655户计算为43.52%，与所列43.46%相差0.06个百分点"), with those two
    figures; "" and none when they agree or the prose gives none."""
    own = printed_rate_recomputed(tools, share)
    if own is None or abs(own.value - share.value) <= half_last_place(decimals_printed(number(share.value))) + SAME / 10:
        return "", []
    gap = number(rounded(abs(own.value - share.value)))
    names = "÷".join(f"{f.label.strip('，,、（( ')}{number(f.value)}{f.unit or ''}" for f in own.facts)
    return (f"按正文所列{names}计算为{number(own.value)}%，与所列{number(share.value)}%相差{gap}个百分点"
            f"（{where(own.facts[0])}）。", own.facts)


def larger_answer(tools: ReportTools, node: Larger) -> tuple[Result, str]:
    """The larger (or smaller) of what two sides ask for, both stated with their lines."""
    # a pair that can be compared first ("企业年报和个体户年报哪个多": 30265家 and 10020户, not the 企业年报率 beside them)
    results = together(tools, node.items, same_units=True) or together(tools, node.items) \
        or [run(tools, item)[0] for item in node.items]
    if any(r.value is None for r in results):
        raise NotFound("可比较的数值")
    results = [in_unit(r, results[0].unit) for r in results]  # 616万元 against 4.3亿元: in one unit
    if node.plain is not None and len(results) == 2 and results[0].facts == results[1].facts:  # a side's borrowed
        return larger_answer(tools, replace(node.plain, gap=node.gap))  # words came to the other's figure: its own
    if unnamed_twin(results, node.names) is not None:  # "企业年报率和个体年报率哪个高" where the report gives one only
        raise NotFound(node.names[unnamed_twin(results, node.names)])
    if not all(comparable(r.unit, results[0].unit) for r in results):  # 67228人 and 18853间: no larger of the two
        stated = "；".join(f"{name}{figure_text(result, name)}" for name, result in zip(node.names, results))
        return Result(None, None, "", [f for r in results for f in r.facts]), f"二者计量单位不同，不能比较大小：{stated}。"
    best = (min if node.lowest else max)(r.value for r in results)
    picked = [i for i, r in enumerate(results) if abs(r.value - best) < SAME]
    stated = "；".join(f"{name}{figure_text(result, name)}" for name, result in zip(node.names, results))
    facts = [f for i in picked for f in results[i].facts] + [f for i, r in enumerate(results) if i not in picked
                                                            for f in r.facts]
    result = Result(best, results[picked[0]].unit, "", facts)
    if len(picked) == len(results):
        return result, f"{'二者' if len(results) == 2 else '各项'}相同：{stated}。"
    others = [r.value for i, r in enumerate(results) if i not in picked]
    gap = min(abs(best - value) for value in others)
    if node.gap:
        result.value, result.unit = round(gap, 2), gap_unit(result.unit)
    return result, (f"{'、'.join(node.names[i] for i in picked)}{node.wording}：{stated}，"
                    f"{'相差' if len(results) == 2 else '比其次者差'}{number(gap)}{gap_unit(result.unit) or ''}。")


def unnamed_twin(results: list[Result], names: tuple[str, ...]) -> int | None:
    """Of two sides that came to the very same figure, the one whose words its label does not carry (the report
    gives the other side only); None when the sides differ or both are named by it."""
    if len(results) != 2 or not results[0].facts or results[0].facts != results[1].facts:
        return None
    said = " ".join(fact.label for fact in results[0].facts)  # the words right at the figure
    absent = [i for i, name in enumerate(names) if not all(w in said for w in tokens(subject_of(name)))]
    return absent[-1] if len(absent) == 1 else None


def together(tools: ReportTools, items: tuple, same_units: bool = False) -> list[Result]:
    """Two figures named side by side in no table of their own ("基本支出和项目支出各多少") chosen as a pair, those
    standing in one table or sentence first, so both come from the same breakdown (`same_units`: only a pair in
    comparable units); [] for other items."""
    if len(items) != 2 or not all(isinstance(i, Lookup) and not i.columns and i.operand.column != "score"
                                  and not tools.named_tables(i.operand.text) for i in items):
        return []
    try:
        return list(operands(tools, items[0].operand, items[1].operand, same_units=same_units))
    except NotFound:
        return []


def several_answer(tools: ReportTools, node: Several) -> tuple[Result, str]:
    """Each named figure with its line; one that is not in the report is said so, the others still given."""
    stated, facts = [], []
    paired = together(tools, node.items)
    results = []
    for position, item in enumerate(node.items):
        try:
            results.append(paired[position] if paired else run(tools, item)[0])
        except NotFound:
            results.append(None)
    twin = unnamed_twin([r for r in results if r is not None], node.names) if None not in results else None
    for position, (name, result) in enumerate(zip(node.names, results)):
        if result is None or position == twin:
            stated.append(f"{name}：{NOT_FOUND}")
            continue
        stated.append(f"{name}：{figure_text(result, name)}")
        facts += result.facts
    if not facts:
        raise NotFound("、".join(node.names))
    last = next(r for position, r in reversed(list(enumerate(results))) if r is not None and position != twin)
    return Result(last.value, last.unit, "", facts), "；".join(stated) + "。"  # the last, as a row's cells


def figure_text(result: Result, name: str) -> str:
    """A figure as a comparison states it after its name: its formula when derived, else its column (unless the
    name says it) and printed value."""
    if len(result.facts) > 1 and not result.formula:  # a count of rows ("A和B哪个指标多"): the count itself
        return f"{number(result.value)}{result.unit or ''}"
    fact = next((f for f in result.facts if f.value == result.value), result.facts[-1]) if result.facts else None
    line = f"（{where(fact)}）" if fact is not None else ""
    if result.formula and result.formula != number(result.value) or fact is None:
        return f"{result.formula}={number(result.value)}{result.unit or ''}{line}"
    column = "" if columns_in(name) else COLUMN_NAMES.get(fact.column or "", "")
    return f"{column}{printed(fact)}{line}"


def answer_result(tools: ReportTools, question: Question, kind: ResultKind) -> Answer:
    """The answer to a question about the review's own results, computed by the review."""
    result, sentence = kind.answer(tools, question.resolved)
    return Answer(question=question.text, answer=sentence, value=result.value, unit=result.unit,
                  evidence=evidence(result.facts) + result.citations, mode="offline")


def answer_offline(tools: ReportTools, question: Question) -> Answer:
    """The answer to an understood question, with evidence; "报告中未找到…" when a figure is missing."""
    try:
        result, sentence, basis = run(tools, question.node)
    except NotFound as missing:
        return not_found_answer(tools, question, missing.what)
    subject = main_operand(question.node)
    alike = same_figure_of_every_table(tools, subject, result.facts[0]) \
        if subject is not None and len(result.facts) == 1 and not basis and question.compare is None \
        and not isinstance(question.node, (Listing, Larger, Several, Contents, Parts, Either, Section, Goals)) else []
    if len(alike) > 1:  # the value is the department table's, when it is one of them
        main = next((f.value for f in alike if f.table == tools.main_table), None)
        result, sentence = Result(main, alike[0].unit, "", alike), every_table_sentence(alike)
    facts = list(result.facts)
    if question.compare is not None and result.value is not None:
        verdict, compared = compare_sentence(tools, result, question.compare)
        sentence = f"{sentence.rstrip('。')}，{verdict}"
        facts += compared
    sentence += basis
    items = evidence(facts) + result.citations
    if not items:
        items = closest_passages(tools, question.resolved)
    return Answer(question=question.text, answer=sentence, value=result.value, unit=result.unit, evidence=items,
                  mode="offline")


# The figure a row's figure is read against: 完成值 against 指标值, 执行数 against 全年预算数, 得分 against 分值.
COUNTERPART = {"actual": "target", "target": "actual", "executed": "full_year_budget", "full_year_budget": "executed",
               "score": "weight", "weight": "score", "total_score": "total_weight"}


def counterpart_gap(tools: ReportTools, question: str, last: Question) -> Answer | None:
    """"差多少？" right after one figure of a row ("开展抽检产商品批次完成了多少？"): how far it stands from the figure
    of its row it is read against (the 指标值, the 全年预算数, the 分值); None when it has none."""
    try:
        facts = run(tools, last.node)[0].facts
    except NotFound:
        return None
    fact = facts[0] if len(facts) == 1 else None
    other = sibling(tools, fact, COUNTERPART[fact.column]) if fact is not None and fact.column in COUNTERPART else None
    if other is None or other.value is None or fact.value is None or other.unit != fact.unit:
        return None
    high, low = sorted((fact, other), key=lambda f: -f.value)
    result = derived(f"{number(high.value)}−{number(low.value)}", gap_unit(fact.unit), [fact, other])
    return Answer(question=question, answer=derived_sentence(result) + grounds(result.facts), value=result.value,
                  unit=result.unit, evidence=evidence(result.facts), mode="offline")


def gap_answer(question: str, first: Answer, second: Answer) -> Answer:
    """"差多少？" after two figures: the difference of the last two answers' values, on their evidence."""
    high, low = sorted((first, second), key=lambda a: -a.value)
    return of_two_answers(question, f"{number(high.value)}−{number(low.value)}", gap_unit(high.unit or low.unit),
                          first, second)


def gap_share(tools: ReportTools, question: str, last: Question) -> Answer | None:
    """"占预算数的百分之几？" right after a difference ("三公经费决算数比预算数少多少？"): the gap as a share of the
    figure of it the question names by its column (58.7−32.15 of the 预算数 58.7); None when it names none of them."""
    try:
        gap = run(tools, last.node)[0]
    except NotFound:
        return None
    named = columns_in(question)
    whole = next((f for f in gap.facts if f.column in named and f.value), None)
    if gap.value is None or whole is None:
        return None
    share = derived(f"{wrap(gap)}÷{number(whole.value)}×100", "%", gap.facts)
    # the gap is said too: a combined answer drops the part this one restates
    sentence = f"{derived_sentence(gap).rstrip('。')}；{derived_sentence(share)}"
    return Answer(question=question, answer=sentence + grounds(share.facts), value=share.value,
                  unit="%", evidence=evidence(share.facts), mode="offline")


def total_answer(question: str, first: Answer, second: Answer) -> Answer:
    """"合计多少？" after two figures: the sum of the last two answers' values, on their evidence."""
    return of_two_answers(question, f"{number(first.value)}+{number(second.value)}", first.unit or second.unit,
                          first, second)


def of_two_answers(question: str, formula: str, unit: str | None, first: Answer, second: Answer) -> Answer:
    """A figure computed from the last two answers: the formula and its value, each answer named as its question."""
    value = round(calculate(formula), 2)
    sentence = (f"{formula}={number(value)}{unit or ''}。"
                f"依据：“{first.question.rstrip('？?')}”为{number(first.value)}{first.unit or ''}；"
                f"“{second.question.rstrip('？?')}”为{number(second.value)}{second.unit or ''}。")
    return Answer(question=question, answer=sentence, value=value, unit=unit or None,
                  evidence=first.evidence + second.evidence, mode="offline")


def which_answer(question: str, first: Answer, second: Answer, way: str, names: list[str]) -> Answer:
    """"哪个高？" after two figures: the larger (or, asked 低/少/小, the smaller) of the last two answers, and by how
    much; `names` are the two questions as resolved ("食品监管专项的得分")."""
    names = [clean(ASKING.sub("", name)) for name in names]
    pairs = sorted(zip(names, (first, second)), key=lambda pair: pair[1].value, reverse=way not in ("低", "少", "小"))
    ordered = [answer for _, answer in pairs]
    unit = gap_unit(first.unit or second.unit) or ""
    stated = "；".join(f"{name}{number(a.value)}{a.unit or ''}" for name, a in zip(names, (first, second)))
    if abs(first.value - second.value) < SAME:
        sentence = f"二者相同：{stated}。"
    else:
        sentence = f"{pairs[0][0]}较{way}：{stated}，相差{number(abs(first.value - second.value))}{unit}。"
    return Answer(question=question, answer=sentence, value=ordered[0].value, unit=ordered[0].unit,
                  evidence=ordered[0].evidence + ordered[1].evidence, mode="offline")
