""""Which / how many / why" questions: indicators, project tables and findings picked out by a condition,
and the figures, findings and passages that explain a deviation."""
import re
from dataclasses import replace

from assistant.chat.compute import (SAME, TABLE_COLUMN, NotFound, Result, completion, derived, find, gap_unit,
                                    group_named, item_figure, item_rate, label_named, listed_items, number, of, sibling,
                                    table_named)
from assistant.chat.facts import BY_NATURE_OF_SPENDING, COLUMN_NAMES, Fact, is_placeholder
from assistant.chat.question import (SECTION, THRESHOLD, Contents, Goals, Listing, Operand, Parts, Section, TablesTotal,
                                     Why, subject_of)
from assistant.chat.vocabulary import GROUP_LEVEL, LEFT_OVER, MONEY_UNITS, NOT_FULL, strip_columns
from assistant.retrieval import tokens
from assistant.chat.results import Deducted, deducted, deductions_listing, finding_line, table_label
from assistant.chat.tools import ENOUGH, ReportTools
from assistant.chat.wording import fact_sentence, printed, where
from assistant.extract.figures import read_figures
from assistant.values import parse_target
from schemas import Evidence

RATE_LABEL = re.compile(r"率|比例|占比|比重")  # a clause stating a rate or share ("任务完成率", "企业占比")
RATE_NAME = re.compile(r"[\u4e00-\u9fff]{1,2}率$")  # the rate a subject ends in: 完成率 of 工作完成率
# "哪些项目没有列出年初预算", "哪些项目没有追加": a figure not given; 没有超支/完成 is an outcome, not a figure missing
NOT_GIVEN = re.compile(r"(?:没有|没|未|无)(?:列出|列明|给出|写明|说明|提到)|没有(?!超支|完成|达到|达标|实现)")
# "哪些项目有追加预算", "哪些项目追加了预算": the items giving that figure
HAS = re.compile(r"(?:项目|专项)(?:中|里)?(?:有(?!哪|多少|几)|(?=(?:追加|调增|调减|结余|结转)了))")
ROW_COLUMNS = frozenset({"target", "actual", "weight", "score"})  # the columns an indicator row has
DEVIATION = re.compile(r"偏差|偏离|差距|差异|相差")  # "哪个指标偏差最大": 完成值 against 指标值
LIST_MARKER = re.compile(r"其中|主要包括|包括|主要用于|用于|主要是|具体为|分别为|[：:]")  # what a listing sentence opens with
LIST_TAIL = re.compile(r"等(?:\d+|[一二三四五六七八九十]+)?(?:个|项)?(?:项目|方面|内容)?$|^(?:以及|及|和)")
SHOWN = 15  # items an answer lists; the count covers them all
# The words of a listing question that pick out rows, not the figure ("哪个项目…最多", "各项目分别").
WHICH_WORDS = re.compile(r"哪个|哪些|哪一个|哪几个|各个?|每个|所有|列出|几个|多少个|最多|最少|最高|最低|最大|最小|分别|有|项目|专项")

def in_percent(text: str) -> bool:
    """Whether the number a "which" question compares with is a percentage ("低于90%", "是100%")."""
    threshold = THRESHOLD.search(text)
    return threshold is not None and threshold.group("unit") == "%"


def listing_answer(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    if node.over == "findings":
        return findings_listing(tools, node)
    if node.over == "tables":
        return tables_listing(tools, node)
    if node.over == "narrative":
        return narrative_rates_beyond(tools, node)
    if node.over == "basic":
        return basic_rows_beyond(tools, node)
    return indicators_listing(tools, node)


def basic_rows_beyond(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The basic-data rows whose figure in one column (of the year asked, else the report's) stands at, below or above
    a number ("哪些经费2023年决算数为0": 会议费、培训费), each with its cell."""
    column = BASIC_COLUMN.get(node.column, node.column)
    year = node.subject.year or tools.report.year
    cells = [f for f in tools.facts if f.kind == "basic" and f.column == column and f.value is not None
             and f.unit in MONEY_UNITS and f.year in (None, year)]
    if not cells:
        raise NotFound(f"基础数据表的{COLUMN_NAMES.get(column, column)}")
    hits = [f for f in cells if COMPARES[node.condition](f.value, node.threshold)]
    said = f"{cells[0].heading or COLUMN_NAMES.get(column, '')}{WAY_WORDS[node.condition]}{number(node.threshold)}万元"
    listed = "、".join(f"{f.row}（{printed(f)}，{where(f)}）" for f in hits)
    return (Result(float(len(hits)), "个", "", hits or cells),
            f"基础数据表中{said}的有{len(hits)}个：{listed}。" if hits else f"基础数据表中没有{said}的。")


def narrative_rates_beyond(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The rates the prose states that stand below / above / at a number ("哪些工作完成率达到100%": every 完成率 of
    100% or more; "哪些比例…": every rate or share), each with its clause and line."""
    subject = re.sub(r"^(?:(?:正文|报告|文)中?|的|各项?)+", "", subject_of(node.subject.text))
    named = RATE_NAME.search(subject)
    kind = named.group() if named else subject  # "工作完成率": 完成率, "中标率" stays whole
    general = kind in ("比例", "占比") or kind.endswith("比率")
    rates = [f for f in tools.facts if f.source == "narrative" and f.unit == "%" and f.value is not None
             and (RATE_LABEL.search(f.label) if general else kind in f.label)]
    if not rates:
        raise NotFound(node.subject.text)
    hits = [f for f in rates if COMPARES[node.condition](f.value, node.threshold)]
    said = f"{kind}{WAY_WORDS[node.condition]}{number(node.threshold)}%"
    cells = "；".join(f"{f.label.strip('，,、（( ')}{f.text}（{where(f)}）" for f in hits[:SHOWN])
    head = f"正文中{said}的有{len(hits)}个：{cells}。" if hits else f"正文中没有{said}的。"
    return Result(float(len(hits)), "个", "", hits or rates), head


# The numbering of a narrative heading, outermost first: "四、", "（二）", "2、", "（3）".
LEVELS = (re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]"), re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]"),
          re.compile(r"^\s*\d+\s*[、.．](?!\d)"), re.compile(r"^\s*[（(]\d+[)）]"))
HEADING_LENGTH = 40
SUBHEADING_LENGTH = 20  # "（二）下一步改进措施": a short line with no full stop names a part, not an item
# The parts a report has after its problems and measures ("5、 其他需要说明的情况", "五、绩效自评结果拟应用和公开情况")
REPORT_PART = re.compile(r"其他需要说明|自评结果|结果(?:拟)?应用|公开情况|^附件")
WORDED = re.compile(r"[\u4e00-\u9fa5A-Za-z]")
ITEM_SPLIT = re.compile(r"(?=[一二三四五六七八九十]是)")  # "一是…二是…三是…" inside one paragraph


def section_answer(tools: ReportTools, node: Section) -> tuple[Result, str]:
    """The items the report lists under its own heading holding the words ("一、存在的主要问题": the paragraphs under it up
    to the next heading; one paragraph of "一是…二是…" split into them)."""
    paragraphs = tools.document.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if len(p.text.strip()) <= HEADING_LENGTH
                and all(w in p.text for w in node.words)]
    if not headings:
        raise NotFound("、".join(node.words))
    start = min(headings, key=lambda i: (len(paragraphs[i].text.strip()), -i))  # the most specific heading
    top = level(paragraphs[start].text)
    items = []
    for paragraph in paragraphs[start + 1:]:
        text = paragraph.text.strip()
        own = level(text)
        other = len(text) <= SUBHEADING_LENGTH and "。" not in text and SECTION.search(text) \
            and not all(w in text for w in node.words)  # the heading of another part ("（二）下一步改进措施")
        if own is not None and (top is None or own <= top) and len(text) <= HEADING_LENGTH or other \
                or len(items) >= SHOWN and node.number is None \
                or len(text) <= SUBHEADING_LENGTH and REPORT_PART.search(text):
            break  # the next heading of the same rank, or the report's next part however it is numbered
        if WORDED.search(text):  # not a page number ("— 2 —")
            items += [(piece.strip(), paragraph.line) for piece in ITEM_SPLIT.split(text) if piece.strip()] \
                if len(ITEM_SPLIT.findall(text)) >= 2 else [(text, paragraph.line)]
    if not items:
        raise NotFound(paragraphs[start].text.strip())
    if node.number is not None:  # "第二条是什么": that item, as printed
        if not 0 < node.number <= len(items):
            raise NotFound(f"{paragraphs[start].text.strip()}第{node.number}条")
        text, line = items[node.number - 1]
        return (Result(None, None, "", citations=[Evidence(quote=text[:80], line=line)]),
                f"报告“{paragraphs[start].text.strip()}”下第{node.number}条：{text}（第{line}行）。")
    body = "\n".join(f"{i}. {text[:120]}（第{line}行）" for i, (text, line) in enumerate(items, 1))
    quotes = [Evidence(quote=paragraphs[start].text.strip()[:80], line=paragraphs[start].line)] + \
        [Evidence(quote=text[:80], line=line) for text, line in items]
    return (Result(float(len(items)), "条", "", citations=quotes),
            f"报告“{paragraphs[start].text.strip()}”（第{paragraphs[start].line}行）下列有{len(items)}条：\n{body}")


GOAL_ITEM = re.compile(r"(?=目标\s*\d+\s*[∶:：])|(?=(?<![\d.])\d+\s*[、．](?!\d))")  # "目标1∶…", "1、…"


def goals_answer(tools: ReportTools, node: Goals) -> tuple[Result, str]:
    """The 年度总体目标 (or their 实际完成情况) of the table named, else of the department's (else the first table
    setting some), item by item; the one numbered when asked ("目标3")."""
    named = tools.named_tables(node.subject.text)
    facts = [f for f in tools.facts if f.kind == "goal" and f.column == node.column and (not named or f.table in named)]
    if not facts:
        raise NotFound(f"年度总体目标{COLUMN_NAMES[node.column]}")
    fact = next((f for f in facts if f.table == tools.main_table), facts[0])
    items = [item.strip() for item in GOAL_ITEM.split(fact.text) if item.strip()]
    what = f"{fact.place}的年度总体目标" + ("" if node.column == "expected_goal" else "实际完成情况")
    if node.number is not None:
        if not 0 < node.number <= len(items):
            raise NotFound(f"目标{node.number}")
        return Result(None, None, "", [fact]), f"{what}第{node.number}项：{items[node.number - 1]}（{where(fact)}）。"
    body = "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
    return Result(float(len(items)), "项", "", [fact]), f"{what}（共{len(items)}项，{where(fact)}）：\n{body}"


def level(text: str) -> int | None:
    """How deep a heading's numbering is (0 for "四、"), None for a paragraph without one."""
    return next((depth for depth, pattern in enumerate(LEVELS) if pattern.match(text)), None)


def contents_answer(tools: ReportTools, node: Contents) -> tuple[Result, str]:
    """The parts the sentence giving a figure lists after it ("项目支出1559.70万元，其中业务工作经费…，政府专项经费…",
    "主要用于打击传销工作经费、食品安全监管检测经费…等12个项目"), each as printed."""
    fact, marker, items, quote = listed_after(tools, node.subject)
    body = "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
    return (Result(float(len(items)), "项", "", [fact], citations=[quote]),
            f"{node.subject.subject}（{fact.text}，{where(fact)}）{marker or '包括'}：\n{body}")


def listed_after(tools: ReportTools, subject: Operand) -> tuple[Fact, str, list[str], Evidence]:
    """The figure the words name in the prose, the word opening the list after it ("其中", "包括"), the items listed,
    and the sentence as evidence; NotFound when the sentence lists nothing."""
    fact = find(tools, replace(subject, source="narrative"))
    paragraph = tools.document.paragraphs[fact.paragraph].text
    sentence = re.split(r"[。]", paragraph[fact.offset:], maxsplit=1)[0]
    marker = LIST_MARKER.search(sentence)
    if marker is None:
        raise NotFound(f"{subject.subject}的组成")
    rest = sentence[marker.end():].strip("，,：: ")
    first = re.split(r"[，,；;]", rest, maxsplit=1)[0]
    pieces = first.split("、") if "、" in first and marker.group() != "其中" else re.split(r"[，,；;]", rest)
    if marker.group() == "其中":
        pieces = amounts_making_up(pieces, fact)
    items = [LIST_TAIL.sub("", piece).strip() for piece in pieces if LIST_TAIL.sub("", piece).strip()]
    if not items:
        raise NotFound(f"{subject.subject}的组成")
    quote = Evidence(quote=f"{paragraph[max(0, fact.offset - 20):fact.offset]}{sentence}"[:160], line=fact.line)
    return fact, marker.group().strip("，,：:"), items, quote


def listed_extreme(tools: ReportTools, node: Parts) -> tuple[Result, str]:
    """Without a table showing the parts, the largest (or smallest) of the amounts the prose lists after the whole
    ("政府专项经费32.5万元，包括2020省级市场监管专项（标准化项目补助）16万元，2020年知识产权战略推进专项16.5万元")."""
    fact, _, items, quote = listed_after(tools, node.whole)
    amounts = [(item, figures[0]) for item in items
               if (figures := [f for f in read_figures(item, fact.line or 0) if f.unit == fact.unit])]
    if len(amounts) < 2:
        raise NotFound(f"{node.whole.subject}的组成部分")
    best = (max if node.condition == "highest" else min)(figure.value for _, figure in amounts)
    chosen = [item for item, figure in amounts if abs(figure.value - best) < SAME]
    most = {"highest": "最多", "lowest": "最少"}[node.condition]
    return (Result(best, fact.unit, "", [fact], citations=[quote]),
            f"{node.whole.subject}（{fact.text}，{where(fact)}）所列{len(amounts)}项中{most}的是{'、'.join(chosen)}。")


def amounts_making_up(pieces: list[str], whole: Fact) -> list[str]:
    """The clauses after "其中" that are the whole's parts: each giving an amount in its unit, not a clause that says
    what the part before it is for or holds ("主要用于…", "包括…16万元"), up to the ones that add up to the whole
    ("项目支出1559.70万元，其中业务工作经费1527.20万元，主要用于…，政府专项经费32.5万元，包括…": two parts)."""
    parts, total = [], 0.0
    for piece in pieces:
        amounts = [f.value for f in read_figures(piece, whole.line or 0) if f.unit == whole.unit]
        if not amounts or LIST_MARKER.match(piece.strip()):
            continue
        parts.append(piece)
        total += amounts[0]
        if whole.value is not None and abs(total - whole.value) < SAME:
            break
    return parts


def parts_listing(tools: ReportTools, node: Parts) -> tuple[Result, str]:
    """The parts the table shows a whole is made of, in the whole's column (its 决算数 of the report year unless
    another is named), each with its share of the whole: the largest or smallest, ranked, or each as printed."""
    whole = next((m.fact for m in tools.lookup(node.whole.text, column=node.whole.column, source=node.whole.source,
                                               units=node.whole.units, year=node.whole.year, limit=20)
                  if m.score >= ENOUGH and parts_of(tools, m.fact, node.nature)), None)
    if (whole is None or not whole.value) and node.condition in ("highest", "lowest"):
        return listed_extreme(tools, node)
    if whole is None or not whole.value:
        raise NotFound(f"{node.whole.subject}的组成部分")
    rows = parts_of(tools, whole, node.nature)
    printed_parts = [f for f in rows if f is not None and f.value is not None]
    if not printed_parts:
        raise NotFound(f"{node.whole.subject}的组成部分")
    shares = {id(f): derived(f"{number(f.value)}÷{number(whole.value)}×100", "%", [f, whole]) for f in printed_parts}
    column = whole.heading or COLUMN_NAMES.get(whole.column or "", "")
    cell = lambda f: f"{printed(f)} | {number(shares[id(f)].value)}% | {where(f)}"  # noqa: E731
    head = f"{whole.row}（{column}{printed(whole)}，{where(whole)}）"
    blank = [name for name, f in zip(part_names(tools, whole), rows) if f is None] if whole.kind == "basic" else []
    table = f"\n| 项目 | {column} | 占{whole.row} | 出处 |\n|---|---|---|---|"
    unfilled = f"\n{'、'.join(blank)}未填{column}。" if blank else ""
    if node.condition in ("highest", "lowest"):
        best = (max if node.condition == "highest" else min)(f.value for f in printed_parts)
        chosen = [f for f in printed_parts if abs(f.value - best) < SAME]
        most = {"highest": "最多", "lowest": "最少"}[node.condition]
        result = shares[id(chosen[0])] if node.share else Result(best, chosen[0].unit, "", [*chosen, whole])
        said = "、".join(f"{f.row}：{printed(f)}，占{number(shares[id(f)].value)}%（{where(f)}）" for f in chosen)
        rows_shown = "\n".join(f"| {f.row} | {cell(f)} |" for f in printed_parts)
        return result, f"{head}中{most}的是{said}。{table}\n{rows_shown}{unfilled}"
    if node.condition == "sum":  # "三公经费各项合计": Σ of the parts (and, asked, whether it equals the whole)
        total = derived("+".join(number(f.value) for f in printed_parts), whole.unit, printed_parts)
        return total, f"{head}的各项合计：{total.formula}={number(total.value)}{whole.unit or ''}。"
    if node.condition in ("rank", "rank_up"):
        ranked = sorted(printed_parts, key=lambda f: f.value, reverse=node.condition == "rank")
        order = "从低到高" if node.condition == "rank_up" else "从高到低"
        rows_shown = "\n".join(f"| {f.row} | {cell(f)} |" for f in ranked)
        return (Result(None, whole.unit, "", [*ranked, whole]),
                f"{head}各项按{column}{order}：{table}\n{rows_shown}{unfilled}")
    rows_shown = "\n".join(f"| {f.row} | {cell(f)} |" for f in printed_parts)
    return Result(None, whole.unit, "", [*printed_parts, whole]), f"{head}的各项：{table}\n{rows_shown}{unfilled}"


def part_names(tools: ReportTools, whole: Fact) -> list[str]:
    """The rows the table shows as parts of the whole's row, in printed order."""
    return list(dict.fromkeys(f.row for f in tools.facts if f.kind == "basic" and f.table == whole.table
                              and f.parent is not None and f.parent == whole.row and f.row))


NATURE = re.compile(r"按(?:收入|支出)性质分")  # the heading of a split, printed with its total ("按收入性质分：1824.18")


def parts_of(tools: ReportTools, whole: Fact, nature: str | None = None) -> list[Fact | None]:
    """Each part's figure in the whole's column (None for a part that leaves it blank); none when the table shows
    the whole's row has no parts. A table's 年度资金总额 is split by `nature`: 收入 (its sources) or 支出."""
    if nature is not None and whole.kind == "fund" and whole.primary and whole.unit in MONEY_UNITS:
        return [f for f in tools.facts if f.kind == "breakdown" and f.table == whole.table
                and not NATURE.match(f.row or "") and (f.row in BY_NATURE_OF_SPENDING) == (nature == "支出")]
    if whole.kind != "basic":
        return []
    column = {f.row: f for f in tools.facts if f.kind == "basic" and f.table == whole.table
              and f.parent == whole.row and f.heading == whole.heading}
    return [column.get(name) for name in part_names(tools, whole)]


SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def findings_by_table(tools: ReportTools, findings: list, what: str, way: str | None) -> tuple[Result, str]:
    """The tables the findings fall on, each with how many (the most or fewest when asked), in table order."""
    counts: dict[int, list] = {}
    for finding in findings:
        if finding.table is not None:
            counts.setdefault(finding.table, []).append(finding)
    if not counts:
        return Result(0.0, "张", ""), f"复核未在任何表中发现{what}。"
    tables = sorted(counts)
    if way is not None:
        best = (max if way == "highest" else min)(len(counts[t]) for t in tables)
        tables = [t for t in tables if len(counts[t]) == best]
    body = "\n".join(f"{i}. {table_label(tools, t)}：{len(counts[t])}条（{counts[t][0].message}" +
                     (f"等{rows_of(counts[t][1:], counts[t][:1])}）" if len(counts[t]) > 1 else "）")
                     for i, t in enumerate(tables, 1))
    citations = [e for t in tables for e in counts[t][0].evidence[:1]]
    if way is not None:
        most = "最多" if way == "highest" else "最少"
        return (Result(float(best), "条", "", citations=citations),
                f"复核发现{what}{most}的是：\n{body}")
    return (Result(float(len(tables)), "张", "", citations=citations),
            f"复核发现{what}的表共{len(tables)}张：\n{body}")


def rows_of(rest: list, shown: list) -> str:
    """"，涉及：出勤率、…": the rows of findings not quoted in full, those already quoted left out."""
    said = " ".join(f.message for f in shown)
    rows = [row for row in dict.fromkeys(f.row for f in rest if f.row) if row not in said]
    return f"，涉及：{'、'.join(rows)}" if rows else ""


def findings_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The review's findings (of one severity when asked), counted, the first few quoted with their evidence."""
    tables = tools.named_tables(node.subject.text)
    findings = [f for f in tools.findings() if (node.condition is None or f.severity == node.condition)
                and (not tables or f.table in tables)]
    what = SEVERITY_NAMES.get(node.condition, "问题")
    if node.column == "table":
        return findings_by_table(tools, findings, what, node.also[0] if node.also else None)
    shown = findings[:SHOWN]
    body = "\n".join(f"{i}. {finding_line(tools, f)}" for i, f in enumerate(shown, 1))
    more = f"\n（另有{len(findings) - SHOWN}条{rows_of(findings[SHOWN:], shown)}）" if len(findings) > SHOWN else ""
    sentence = f"复核共发现{len(findings)}条{what}" + (f"：\n{body}{more}" if findings else "。")
    citations = [e for f in shown for e in f.evidence[:1]]
    return Result(float(len(findings)), "条", "", citations=citations), sentence


COMPARES = {"below": lambda value, limit: value < limit - SAME, "above": lambda value, limit: value > limit + SAME,
            "at_least": lambda value, limit: value >= limit - SAME, "equal": lambda value, limit: abs(value - limit) < SAME}
WAY_WORDS = {"below": "低于", "above": "高于", "at_least": "达到", "equal": "为"}


def table_figures(tools: ReportTools, column: str, projects: bool) -> list[Fact]:
    """One figure per table in `column` (the funds total's, the 总分 or the review's 复核得分), in table order."""
    kinds = {"fund", "total", "review"}
    facts = [f for f in tools.facts if f.kind in kinds and (f.primary or f.kind != "fund") and f.column == column
             and (f.kind != "review" or f.row == "总分")
             and (not projects or tools.report.tables[f.table].kind == "project")]
    return list({f.table: f for f in reversed(facts)}.values())[::-1]


def tables_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The project tables: how many, each one's figure, which stand below / above a number, or which has the
    highest / lowest figure in one column (every table sharing it)."""
    text = node.subject.text
    if node.condition in ("full", "not_full"):
        return full_tables(tools, bool(re.search(r"项目|专项", text)), node.condition == "full", "执行率" in text)
    if (node.condition or "").endswith("_column"):
        return rows_beyond(tools, node)
    if node.column == "count":
        return indicator_counts(tools, node, bool(re.search(r"项目|专项", text)))
    # a number in % asked of an indicator row ("社会公众满意度低于90%") is of its 实际完成值, not its 得分
    asked = node.column or ("execution_rate" if "执行率" in text else "actual" if in_percent(text) else None)
    column = TABLE_COLUMN.get(asked, asked)
    projects = bool(re.search(r"项目|专项", text))
    row = indicator_of_each_table(tools, text, asked, projects)
    facts = row or sorted(table_figures(tools, "total_score" if column == "lost" else column, projects),
                          key=lambda f: f.table)
    if not facts:
        return narrative_items_listing(tools, node)
    name = f"{facts[0].row}{COLUMN_NAMES.get(facts[0].column or '', '')}" if row else COLUMN_NAMES.get(column, "")
    gap = column == "lost" or column == "executed" and bool(LEFT_OVER.search(text))
    if gap and row and column == "lost":  # "哪个专项的社会公众满意度扣分最多": that row's 分值 − 得分 in each
        facts, name = table_gaps(tools, row, "weight", "分"), f"{row[0].row}扣分"
    elif gap and not row and column == "lost":
        facts, name = table_gaps(tools, facts, "total_weight", "分"), "扣分"
    elif gap and not row:  # "各项目结余多少": 全年预算数 − 全年执行数
        facts, name = table_gaps(tools, facts, "full_year_budget", facts[0].unit or "万元"), "结余"
    if node.condition == "spread":
        return spread(tools, facts, name)
    if node.condition in ("rank", "rank_up", "place_of", "place_of_low") or node.place:
        high_first = node.condition in ("rank", "highest", "place_of")
        ranked = sorted(facts, key=lambda f: f.value, reverse=high_first)
        order = "从高到低" if high_first else "从低到高"
        ahead = lambda f: 1 + sum(abs(g.value - f.value) >= SAME and (g.value > f.value) == high_first  # noqa: E731
                                  for g in ranked)  # tables with the same figure share a place
        rows = "\n".join(f"| {ahead(f)} | {table_label(tools, f.table)} | {printed(f)} | {where(f)} |" for f in ranked)
        table = f"各表按{name}{order}：\n| 名次 | 自评表 | {name} | 出处 |\n|---|---|---|---|\n{rows}"
        if node.place:  # "执行率第二高的项目": the table(s) at that place
            at = [f for f in ranked if ahead(f) == node.place]
            head = (f"{name}{order}排第{node.place}的是{'、'.join(table_label(tools, f.table) for f in at)}"
                    f"（{printed(at[0])}）。" if at
                    else f"只有{len(ranked)}个自评表列有{name}。" if node.place > len(ranked)
                    else f"按{name}{order}，没有排第{node.place}的自评表（前面有并列名次）。")
            return Result(at[0].value if len(at) == 1 else None, facts[0].unit, "", at or ranked), f"{head}\n{table}"
        named = [f for f in ranked if f.table in tools.named_tables(node.subject.text)]
        if node.condition in ("place_of", "place_of_low") and len(named) == 1:  # "运行维护费的得分排第几"
            head = (f"{table_label(tools, named[0].table)}的{name}为{printed(named[0])}，在{len(ranked)}个自评表中"
                    f"{order}排第{ahead(named[0])}。")
            return Result(float(ahead(named[0])), "名", "", [named[0]]), f"{head}\n{table}"
        return Result(None, facts[0].unit, "", ranked), table
    if node.condition in ("highest", "lowest") and node.count and node.count < len(facts):  # "总分最高的两个专项"
        ranked = sorted(facts, key=lambda f: f.value, reverse=node.condition == "highest")
        edge = ranked[node.count - 1].value  # a table tied with the last one chosen is chosen too
        chosen = [f for f in ranked
                  if (f.value >= edge - SAME if node.condition == "highest" else f.value <= edge + SAME)]
        most = "最高" if node.condition == "highest" else "最低"
        tied = "（含并列）" if len(chosen) > node.count else ""
        listed = "、".join(f"{table_label(tools, f.table)}（{printed(f)}，{where(f)}）" for f in chosen)
        return (Result(None, facts[0].unit, "", chosen),
                f"{name}{most}的{node.count}个{tied}：{listed}。" + rows_table(tools, facts, name))
    if node.condition in ("highest", "lowest"):
        best = (max if node.condition == "highest" else min)(f.value for f in facts)
        chosen = [f for f in facts if abs(f.value - best) < SAME]
        most = "最高" if node.condition == "highest" else "最低"
        if len(chosen) == 1 and gap:
            return of(chosen[0]), f"{name}{'最多' if most == '最高' else '最少'}的是{table_label(tools, chosen[0].table)}：" \
                                  f"{chosen[0].text}（{where(chosen[0])}）。"
        if len(chosen) == 1:
            return of(chosen[0]), f"{name}{most}的是{fact_sentence(chosen[0])}"
        return (Result(best, chosen[0].unit, "", chosen),
                f"{name}{most}的是{'、'.join(table_label(tools, f.table) for f in chosen)}，均为{printed(chosen[0])}。"
                + rows_table(tools, facts, name))
    if node.condition in COMPARES:
        hits = [f for f in facts if COMPARES[node.condition](f.value, node.threshold)]
        way = WAY_WORDS[node.condition]
        limit = f"{number(node.threshold)}{facts[0].unit or ''}"
        head = (f"{name}{way}{limit}的有{len(hits)}个：{'、'.join(table_label(tools, f.table) for f in hits)}。" if hits
                else f"没有{name}{way}{limit}的项目。")
        return Result(float(len(hits)), "个", "", hits or facts), head + rows_table(tools, facts, name)
    if node.condition == "share" and facts[0].unit in MONEY_UNITS:  # each table's sum of money as a share of all
        total = derived("+".join(number(f.value) for f in facts), facts[0].unit, facts)
        shares = [derived(f"{number(f.value)}÷{number(total.value)}×100", "%", [f]) for f in facts]
        rows = "\n".join(f"| {table_label(tools, f.table)} | {printed(f)} | {number(s.value)}% | {where(f)} |"
                         for f, s in zip(facts, shares))
        return (Result(None, "%", "", facts),
                f"各表的{name}占其合计（{total.formula}={number(total.value)}{total.unit or ''}）的比例：\n"
                f"| 自评表 | {name} | 占比 | 出处 |\n|---|---|---|---|\n{rows}")
    if node.condition == "each" and node.also:
        return columns_listing(tools, node, projects)
    if node.condition == "each" or node.column is not None:
        return Result(None, facts[0].unit, "", facts), f"各表的{name}：" + rows_table(tools, facts, name)
    tables = [i for i, t in enumerate(tools.report.tables) if not projects or t.kind == "project"]
    names = "、".join(table_label(tools, i) for i in tables)
    what = "项目（专项）自评表" if projects else "张表"
    return Result(float(len(tables)), "个", "", facts), f"报告共有{len(tables)}{'个' if projects else ''}{what}：{names}。"


# A column asked of a project table's funds line, and of a basic-data row ("决算数" is the first's 全年执行数).
FUNDS_COLUMN = {"budget": "full_year_budget", "final": "executed"}
BASIC_COLUMN = {"full_year_budget": "budget", "executed": "final"}
# What the narrative calls a column when it numbers projects without tables ("年初预算金额70万元，…实际支出139.98万元").
ITEM_MEASURES = {"initial_budget": "年初预算", "executed": "实际支出", "final": "实际支出"}


def rows_beyond(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """The rows whose figure in one column stands above / below / at their figure in another ("哪些经费决算数超过预算数":
    the basic-data rows of the report year; "哪些项目的全年执行数低于全年预算数": the project tables' funds), each pair
    shown."""
    way = node.condition.removesuffix("_column")
    asks_projects = re.search(r"项目|专项", node.subject.text) and node.subject.source != "basic_data"
    # a self-evaluation table gives one year: two years are the basic-data table's, its 项目支出 rows for projects
    projects = asks_projects and not node.years and any(t.kind == "project" for t in tools.report.tables)
    if asks_projects and not projects and not node.years and tools.projects \
            and {node.column, *node.also} <= set(ITEM_MEASURES):
        return items_beyond(tools, node, way)
    if projects:
        first, second = (FUNDS_COLUMN.get(c, c) for c in (node.column, node.also[0]))
        pairs = [(f, sibling(tools, f, second)) for f in table_figures(tools, first, True)]
        name = lambda f: table_label(tools, f.table)  # noqa: E731
    else:
        first, second = (BASIC_COLUMN.get(c, c) for c in (node.column, node.also[0]))
        wholes = [row for row in tools.names[2] if row and row in node.subject.text] or (
            projects_rows(tools, node.subject.text) if asks_projects and node.years else [])
        year, other_year = node.years or (tools.report.year, None)  # "2023年决算数比2022年少": one column in two years
        rows = [f for f in tools.facts if f.kind == "basic" and f.column == first and f.value is not None
                and (year is None or f.year in (None, year)) and (not wholes or f.parent == max(wholes, key=len))]
        pairs = [(f, next((g for g in tools.facts if g.kind == "basic" and g.table == f.table and g.row == f.row
                           and g.column == second and g.year == (other_year or f.year)), None)) for f in rows]
        name = lambda f: f.row or ""  # noqa: E731
    pairs = [(a, b) for a, b in pairs if b is not None and b.value is not None]
    if not pairs and node.years:
        raise NotFound(f"各行{node.years[0]}年与{node.years[1]}年的数")
    if not pairs:
        raise NotFound(f"{COLUMN_NAMES.get(first, first)}与{COLUMN_NAMES.get(second, second)}")
    hits = [(a, b) for a, b in pairs if COMPARES[way](a.value, b.value)]
    said = (f"{pairs[0][0].heading or COLUMN_NAMES.get(first, '')}{WAY_WORDS[way]}"
            f"{pairs[0][1].heading or COLUMN_NAMES.get(second, '')}")
    cells = "、".join(f"{name(a)}（{printed(a)}，{printed(b)}，{where(a)}）" for a, b in hits)
    head = f"{said}的有{len(hits)}个：{cells}。" if hits else f"没有{said}的。"
    return Result(float(len(hits)), "个", "", [f for pair in (hits or pairs) for f in pair]), head


def projects_rows(tools: ReportTools, text: str) -> list[str]:
    """The basic-data row whose parts are the projects asked of: one holding parts whose name ends on the word asked
    ("哪些专项资金…": 本级专项资金), else 项目支出."""
    asked = re.search(r"专项资金|专项经费|项目资金", text)
    parents = {f.parent for f in tools.facts if f.kind == "basic" and f.parent}
    return [row for row in parents if asked and row.endswith(asked.group())] or ["项目支出"]


def items_beyond(tools: ReportTools, node: Listing, way: str) -> tuple[Result, str]:
    """Without project tables, the projects the narrative numbers whose figure of one measure stands above / below /
    at another ("哪些项目实际支出超过了年初预算": "1.“市场及食品药品监管专项”年初预算金额70万元,追加69.88万元，实际支出
    139.98万元"), compared as printed; those giving only one of the two are said so."""
    first, second = ITEM_MEASURES[node.column], ITEM_MEASURES[node.also[0]]
    pairs = [(item, item_figure(tools, item, first, MONEY_UNITS, True), item_figure(tools, item, second, MONEY_UNITS,
                                                                                   True)) for item in tools.projects]
    given = [(item, a, b) for item, a, b in pairs if a is not None and b is not None]
    if not given:
        raise NotFound(f"各项目的{first}与{second}")
    hits = [(item, a, b) for item, a, b in given if COMPARES[way](a.value, b.value)]
    said = f"{first}{WAY_WORDS[way]}{second}"
    cells = "、".join(f"“{item.name}”（{first}{printed(a)}，{second}{printed(b)}，{where(a)}）" for item, a, b in hits)
    head = f"正文所列{len(tools.projects)}个项目中{said}的有{len(hits)}个：{cells}。" if hits else f"正文所列项目中没有{said}的。"
    missing = [item.name for item, a, b in pairs if a is None or b is None]
    if missing:
        head += f"另有{len(missing)}个未同时列出{first}和{second}：{'、'.join(f'“{name}”' for name in missing)}。"
    return Result(float(len(hits)), "个", "", [f for _, a, b in (hits or given) for f in (a, b)]), head


def indicator_counts(tools: ReportTools, node: Listing, projects: bool) -> tuple[Result, str]:
    """How many indicators each (project) table has: the most or fewest, or each."""
    counts = {i: len([r for r in t.indicators if not is_placeholder(r.level3 or r.level2)
                      and any(v is not None for v in (r.target, r.actual, r.weight, r.score))])
              for i, t in enumerate(tools.report.tables) if t.indicators and (not projects or t.kind == "project")}
    if not counts:
        raise NotFound("自评表的指标")
    rows = "\n".join(f"| {table_label(tools, t)} | {n} |" for t, n in counts.items())
    table = f"\n| 自评表 | 指标个数 |\n|---|---|\n{rows}"
    if node.condition in ("highest", "lowest"):
        best = (max if node.condition == "highest" else min)(counts.values())
        chosen = [t for t, n in counts.items() if n == best]
        most = "最多" if node.condition == "highest" else "最少"
        return (Result(float(best), "个", "", citations=[table_evidence(tools, t) for t in chosen]),
                f"指标{most}的是{'、'.join(table_label(tools, t) for t in chosen)}，共{best}个。" + table)
    return Result(None, "个", "", citations=[table_evidence(tools, t) for t in counts]), "各表的指标个数：" + table


def table_evidence(tools: ReportTools, index: int) -> Evidence:
    """A table's name where it is printed, as the evidence of a figure about the whole table."""
    table = tools.report.tables[index]
    return Evidence(quote=table.name or table.title or "", line=table.line)


def spread(tools: ReportTools, facts: list[Fact], name: str) -> tuple[Result, str]:
    """How far the highest table's figure stands above the lowest's ("执行率最高和最低的项目差多少"), each named."""
    top, low = max(facts, key=lambda f: f.value), min(facts, key=lambda f: f.value)
    unit = gap_unit(top.unit) or ""
    gap = derived(f"{number(top.value)}−{number(low.value)}", unit, [top, low])
    side = lambda fact: "、".join(table_label(tools, f.table) for f in facts  # noqa: E731
                                  if abs(f.value - fact.value) < SAME) + f"（{printed(fact)}，{where(fact)}）"
    return gap, (f"{name}最高的是{side(top)}，最低的是{side(low)}，"
                 f"相差{gap.formula}={number(gap.value)}{unit}。" + rows_table(tools, facts, name))


LOST_WORDS = re.compile(rf"{NOT_FULL.pattern}|扣(?:了|除)?")


def indicator_of_each_table(tools: ReportTools, text: str, column: str | None, projects: bool) -> list[Fact]:
    """"社会公众满意度哪个专项最低", "各专项社会公众满意度得分分别是多少": the indicator the words name, in each
    (project) table that has it — its 得分 unless another column is asked; none when the words name no indicator
    row of at least two tables."""
    # "…得分低于10分", "…扣分最多", "…扣了多少分": not a name
    words = subject_of(WHICH_WORDS.sub("", strip_columns(THRESHOLD.sub("", LOST_WORDS.sub("", text)))))
    if not tokens(words):
        return []
    best: dict[int, Fact] = {}
    for match in tools.lookup(words, column=column if column in ROW_COLUMNS else "score", source="table",
                              limit=len(tools.report.tables) * 8):
        fact = match.fact
        named = label_named(fact, words) or words in (fact.row or "")  # "咨询、投诉回复率社会公众满意度" holds it whole
        if fact.kind == "indicator" and match.score >= ENOUGH and named and fact.table not in best \
                and (not projects or tools.report.tables[fact.table].kind == "project"):
            best[fact.table] = fact
    return [best[t] for t in sorted(best)] if len(best) >= 2 else []


def full_tables(tools: ReportTools, projects: bool, full: bool, rate: bool = False) -> tuple[Result, str]:
    """The tables whose 总分 is (`full`) or is not their full 总分值 ("哪些专项得了满分", "哪些项目没拿满分"),
    each table's 总分 shown; with `rate`, the 得分 of their 执行率 row against its 分值 ("哪些专项的执行率得分不是满分")."""
    score, weight_column, name = ("score", "weight", "执行率得分") if rate else ("total_score", "total_weight", "总分")
    facts = table_figures(tools, score, projects)
    if not facts:
        raise NotFound(f"自评表{name}")
    hits = [f for f in facts if (weight := sibling(tools, f, weight_column)) is not None and weight.value is not None
            and (abs(f.value - weight.value) < SAME) == full]
    what = f"{'执行率' if rate else ''}{'得满分' if full else '未得满分'}"
    head = (f"{what}的有{len(hits)}个：{'、'.join(table_label(tools, f.table) for f in hits)}。" if hits
            else f"没有{what}的" + ("项目。" if projects else "自评表。"))
    return Result(float(len(hits)), "个", "", hits or facts), head + rows_table(tools, facts, name)


def narrative_items_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """Without project tables, the projects the narrative numbers ("1.“市场及食品药品监管专项”…实际支出139.98万元",
    "3.打击传销工作经费，2020年度总目标…"): how many, each one's figure when it gives one, or which has the most."""
    projects = tools.projects
    if not projects:
        raise NotFound("项目支出绩效自评表")
    if "执行率" in node.subject.text:
        return narrative_rates(tools, projects, node)
    words = WHICH_WORDS.sub("", NOT_GIVEN.sub("", THRESHOLD.sub("", node.subject.text))).replace("了", "")
    units = node.subject.units if node.subject.units and node.subject.units <= MONEY_UNITS else MONEY_UNITS
    subject = replace(node.subject, text=words, units=units)  # "有几个项目": the count is of projects, amounts in money
    amounts = {f.paragraph: f for f in listed_items(tools, TablesTotal(subject, "executed"))}
    cell = lambda item: f"{number(amounts[item.paragraph].value)}{amounts[item.paragraph].unit or ''}" \
        if item.paragraph in amounts else "—"  # noqa: E731
    rows = "\n".join(f"| {item.name} | {cell(item)} | 第{item.line}行 |" for item in projects)
    table = f"\n| 项目 | 金额 | 出处 |\n|---|---|---|\n{rows}"
    named = [(item.name, amounts[item.paragraph]) for item in projects if item.paragraph in amounts]
    if node.condition in ("highest", "lowest") and named:
        most = "最多" if node.condition == "highest" else "最少"
        if node.count and 1 < node.count < len(named):  # "项目支出前三名": so many, in order
            chosen = sorted(named, key=lambda pair: pair[1].value, reverse=node.condition == "highest")[:node.count]
            listed = "、".join(f"“{name}”（{printed(f)}，{where(f)}）" for name, f in chosen)
            return (Result(None, chosen[0][1].unit, "", [f for _, f in chosen]),
                    f"正文所列{len(projects)}个项目中金额{most}的{node.count}个：{listed}。" + table)
        name, chosen = (max if node.condition == "highest" else min)(named, key=lambda pair: pair[1].value)
        return of(chosen), f"正文所列{len(projects)}个项目中{most}的是“{name}”：{fact_sentence(chosen)}" + table
    if node.condition in ("rank", "rank_up") and named:
        ranked = sorted(named, key=lambda pair: pair[1].value, reverse=node.condition == "rank")
        order = "从低到高" if node.condition == "rank_up" else "从高到低"
        rows = "\n".join(f"| {i} | {name} | {printed(f)} | {where(f)} |" for i, (name, f) in enumerate(ranked, 1))
        return (Result(None, ranked[0][1].unit, "", [f for _, f in ranked]),
                f"正文所列{len(projects)}个项目按金额{order}：\n| 名次 | 项目 | 金额 | 出处 |\n|---|---|---|---|\n{rows}")
    if node.condition in COMPARES and named:  # amounts compared as printed (a slip such as "65.47元" among 万元 too)
        hits = [(name, f) for name, f in named if COMPARES[node.condition](f.value, node.threshold)]
        limit = f"{number(node.threshold)}{next(iter(units)) if len(units) == 1 else '万元'}"
        head = (f"金额{WAY_WORDS[node.condition]}{limit}的有{len(hits)}个：{'、'.join(f'“{n}”' for n, _ in hits)}。"
                if hits else f"没有金额{WAY_WORDS[node.condition]}{limit}的项目。")
        return Result(float(len(hits)), "个", "", [f for _, f in hits] or [f for _, f in named]), head + table
    if NOT_GIVEN.search(node.subject.text) and named:  # "哪些项目没有列出年初预算": those not giving it
        missing = [item for item in projects if item.paragraph not in amounts]
        return (Result(float(len(missing)), "个", "", [f for _, f in named],
                       citations=[Evidence(quote=tools.document.paragraphs[item.paragraph].text.strip()[:80],
                                           line=item.line) for item in missing]),
                (f"正文所列{len(projects)}个项目中有{len(missing)}个未列出：" + "、".join(
                    f"“{item.name}”（第{item.line}行）" for item in missing) if missing
                 else f"正文所列{len(projects)}个项目都列出了") + "。" + table)
    if HAS.search(node.subject.text) and named and len(named) < len(projects):  # "哪些项目有追加预算": those giving it
        return (Result(float(len(named)), "个", "", [f for _, f in named]),
                f"正文所列{len(projects)}个项目中有{len(named)}个列出：" + "、".join(
                    f"“{name}”（{printed(f)}，{where(f)}）" for name, f in named) + "。" + table)
    quotes = [Evidence(quote=tools.document.paragraphs[item.paragraph].text.strip()[:80], line=item.line)
              for item in projects if item.paragraph not in amounts]
    return (Result(float(len(projects)), "个", "", [f for _, f in named], citations=quotes),
            f"正文列出{len(projects)}个项目：{'、'.join(f'“{item.name}”' for item in projects)}。" + table)


def narrative_rates(tools: ReportTools, projects: list, node: Listing) -> tuple[Result, str]:
    """Each numbered project's 执行率 where its paragraph gives what it spent and its budget (实际支出 ÷ (年初预算 +
    追加)); those below / above a number or the highest / lowest when asked; "—" for a project giving no budget."""
    rates = {item.paragraph: rate for item in projects if (rate := item_rate(tools, item)) is not None}
    if not rates:
        raise NotFound("各项目的预算数与实际支出")
    cell = lambda item: f"{rates[item.paragraph].formula}={number(rates[item.paragraph].value)}%" \
        if item.paragraph in rates else "—（未列预算）"  # noqa: E731
    table = "\n| 项目 | 执行率 | 出处 |\n|---|---|---|\n" + "\n".join(f"| {item.name} | {cell(item)} | 第{item.line}行 |"
                                                                     for item in projects)
    named = [(item.name, rates[item.paragraph]) for item in projects if item.paragraph in rates]
    if node.condition in ("highest", "lowest"):
        name, chosen = (max if node.condition == "highest" else min)(named, key=lambda pair: pair[1].value)
        return chosen, f"正文列出预算与实际支出的项目中执行率{'最高' if node.condition == 'highest' else '最低'}的是“{name}”：" \
                       f"{chosen.formula}={number(chosen.value)}%。" + table
    if node.condition in COMPARES:
        hits = [name for name, rate in named if COMPARES[node.condition](rate.value, node.threshold)]
        way = f"执行率{WAY_WORDS[node.condition]}{number(node.threshold)}%"
        head = f"{way}的有{len(hits)}个：{'、'.join(f'“{n}”' for n in hits)}。" if hits else f"没有{way}的项目。"
        return Result(float(len(hits)), "个", "", [f for _, r in named for f in r.facts]), head + table
    return Result(None, "%", "", [f for _, r in named for f in r.facts]), f"正文所列{len(projects)}个项目的执行率：" + table


def table_gaps(tools: ReportTools, figures: list[Fact], whole: str, unit: str) -> list[Fact]:
    """Each table's `whole` less its figure on the same line, as a figure standing there: the points lost
    (总分分值 − 总分) or the budget left over (全年预算数 − 全年执行数)."""
    gaps = []
    for figure in figures:
        top = sibling(tools, figure, whole)
        if top is not None and top.value is not None:
            gap = derived(f"{number(top.value)}−{number(figure.value)}", unit, [top, figure])
            gaps.append(replace(figure, value=gap.value, text=f"{gap.formula}={number(gap.value)}{unit}"))
    return gaps


def columns_listing(tools: ReportTools, node: Listing, projects: bool) -> tuple[Result, str]:
    """Several figures of each table at once ("各项目的执行率和得分分别是多少"): one column each, the table's own
    figure (its 总分 for 得分), every cell with its line."""
    asked = [*node.also, node.column]
    by_column = [{f.table: f for f in table_figures(tools, TABLE_COLUMN.get(c, c), projects)} for c in asked]
    tables = sorted(set().union(*by_column))
    if not tables:
        raise NotFound("项目支出绩效自评表")
    names = [COLUMN_NAMES.get(TABLE_COLUMN.get(c, c), "") for c in asked]
    cell = lambda fact: f"{printed(fact)}（{where(fact)}）" if fact is not None else "未填"  # noqa: E731
    rows = "\n".join(f"| {table_label(tools, t)} | " + " | ".join(cell(column.get(t)) for column in by_column) + " |"
                     for t in tables)
    head = f"| 自评表 | {' | '.join(names)} |\n|---|{'---|' * len(names)}"
    facts = [column[t] for t in tables for column in by_column if t in column]
    return Result(None, None, "", facts), f"各表的{'、'.join(names)}：\n{head}\n{rows}"


def rows_table(tools: ReportTools, facts: list[Fact], name: str) -> str:
    """Each table's figure as a small table: "| 自评表 | 执行率 | 出处 |"."""
    rows = "\n".join(f"| {table_label(tools, f.table)} | {printed(f)} | {where(f)} |" for f in facts)
    return f"\n| 自评表 | {name} | 出处 |\n|---|---|---|\n{rows}"


def indicators_listing(tools: ReportTools, node: Listing) -> tuple[Result, str]:
    """Indicators (of a table or group when named): not fully scored, missing their target, qualitative or
    quantitative, below / above a number, highest / lowest, or all of them."""
    named = bool(tools.named_tables(node.subject.text))  # by name, "部门整体支出绩效自评表", "表1" or "附件3"
    table = table_named(tools, node.subject.text) if named else None
    group = group_named(tools, node.subject.text)
    if node.condition in ("highest", "lowest") and node.column == "lost" and "一级指标" in node.subject.text:
        return group_most_lost(tools, table if table is not None else tools.main_table, node.condition)
    if node.condition in ("highest", "lowest") and node.column == "lost":
        return most_lost(tools, table, group, node.condition)
    if node.condition in ("highest", "lowest") and "得分率" in node.subject.text:
        return best_score_rate(tools, table, group, node.condition)
    if node.condition in ("highest", "lowest") and DEVIATION.search(node.subject.text):
        return widest_deviation(tools, table, group, node.condition)
    level = GROUP_LEVEL.search(node.subject.text)
    if node.condition in ("highest", "lowest") and level and node.column in (None, "score"):  # "哪个二级指标得分最低"
        return group_extreme(tools, table if table is not None else tools.main_table, level.group() == "一级",
                             node.condition, group)
    if node.condition in ("highest", "lowest"):
        pool = [f for f in tools.indicator_facts(node.column or "score", table, group) if f.value is not None]
        if not pool:
            raise NotFound("指标")
        best = (max if node.condition == "highest" else min)(f.value for f in pool)
        chosen = [f for f in pool if abs(f.value - best) < SAME]
        if len(chosen) == 1:
            return of(chosen[0]), fact_sentence(chosen[0])
        most = "最高" if node.condition == "highest" else "最低"  # tied: every one of them ("分值最高的指标是哪几个")
        listed = "、".join(f"{f.place}·{f.row}（{where(f)}）" for f in chosen)
        return (Result(best, chosen[0].unit, "", chosen),
                f"{COLUMN_NAMES[node.column or 'score']}{most}的指标有{len(chosen)}个，均为{printed(chosen[0])}：{listed}。")
    if node.column == "score_rate" and node.condition in COMPARES:
        asked = tools.named_tables(node.subject.text)
        return score_rates_beyond(tools, next(iter(asked)) if len(asked) == 1 else None, group, node)
    if node.column == "completion" and node.condition in COMPARES:
        asked = tools.named_tables(node.subject.text)
        return completion_rates_beyond(tools, next(iter(asked)) if len(asked) == 1 else None, group, node)
    if node.condition == "blank":
        return blank_rows(tools, tools.named_tables(node.subject.text), group, node.column)
    if node.condition == "not_full" and level:  # "哪些一级指标扣了分": the groups their rows lost points in
        return groups_lost(tools, node.subject.text, 0 if level.group() == "一级" else 1)
    if node.condition in (None, "each") and level:  # "部门整体自评表的一级指标有哪些": the groups themselves
        return groups_listing(tools, table if table is not None else tools.main_table, level.group() == "一级")
    if node.condition == "not_full":  # the indicators that lost points are the review's result
        return deductions_listing(tools, node.subject.text, with_reason=False)
    column = "actual" if node.condition in ("missed", "exceeded", "at_target") else \
        "score" if node.condition == "over_weight" else \
        node.column or {"qualitative": "target", "quantitative": "target", "in_percent": "target",
                        "full": "score"}.get(node.condition, "actual")
    rows = [f for f in tools.indicator_facts(column, table, group) if not is_placeholder(f.row)]
    picked = {"missed": lambda f: target_missed(tools, f),
              "exceeded": lambda f: target_missed(tools, f, beyond=True),
              "at_target": lambda f: at_target(tools, f),
              "full": lambda f: f.value is not None and full_marks(tools, f),
              "over_weight": lambda f: f.value is not None and (weight := sibling(tools, f, "weight")) is not None
              and weight.value is not None and f.value > weight.value + SAME,
              "qualitative": lambda f: parse_target(f.text).value is None,
              "quantitative": lambda f: parse_target(f.text).value is not None,
              "in_percent": lambda f: f.unit == "%",
              "below": lambda f: f.value is not None and COMPARES["below"](f.value, node.threshold),
              "above": lambda f: f.value is not None and COMPARES["above"](f.value, node.threshold),
              "at_least": lambda f: f.value is not None and COMPARES["at_least"](f.value, node.threshold),
              "equal": lambda f: f.value is not None and COMPARES["equal"](f.value, node.threshold)}
    hits = [f for f in rows if picked.get(node.condition, lambda f: True)(f)
            and (node.condition not in COMPARES or not in_percent(node.subject.text) or f.unit == "%")]
    what = {"full": "得满分的指标", "over_weight": "得分超过分值的指标", "missed": "未完成指标值的指标",
            "exceeded": "完成值超过指标值的指标", "at_target": "完成值与指标值相同的指标",
            "qualitative": "定性指标", "quantitative": "定量指标",
            "in_percent": f"{COLUMN_NAMES.get(column, '')}为百分比的指标"}.get(node.condition, "指标")
    if node.condition in COMPARES:
        what = f"{COLUMN_NAMES.get(column, '')}{WAY_WORDS[node.condition]}{number(node.threshold)}的指标"
    shown = "；".join(f"{f.describe().rsplit('·', 1)[0]}：{f.text}（{where(f)}）" for f in hits[:SHOWN])
    rest = "、".join(f.row or "" for f in hits[SHOWN:])
    sentence = (f"共有{len(hits)}个{what}" + (f"：{shown}" if hits else "。")
                + (f"；另有{rest}。" if rest else ("。" if hits else "")))
    if not hits:
        sentence = f"没有{what}。" if node.condition else "报告中没有指标。"
    return Result(float(len(hits)), "个", "", hits), sentence


def score_rates_beyond(tools: ReportTools, table: int | None, group: str | None, node: Listing) -> tuple[Result, str]:
    """The indicators whose 得分率 (得分 ÷ 分值) stands below / above the number asked, each with its division."""
    rates = [(derived(f"{number(s.value)}÷{number(w.value)}×100", "%", [s, w]), s)
             for w, s in scored_pairs(tools, table, group) if w.value and not is_placeholder(s.row)]
    hits = [(rate, s) for rate, s in rates if COMPARES[node.condition](rate.value, node.threshold)]
    what = f"得分率{WAY_WORDS[node.condition]}{number(node.threshold)}%的指标"
    if not hits:
        return Result(0.0, "个", "", [s for _, s in rates[:SHOWN]]), f"没有{what}。"
    lines = "\n".join(f"{i}. {s.describe().rsplit('·', 1)[0]}：{rate.formula}={number(rate.value)}%（{where(s)}）"
                      for i, (rate, s) in enumerate(hits[:SHOWN], 1))
    rest = "、".join(s.row or "" for _, s in hits[SHOWN:])
    return (Result(float(len(hits)), "个", "", [s for _, s in hits]),
            f"共有{len(hits)}个{what}：\n{lines}" + (f"\n（另有：{rest}）" if rest else ""))


def blank_rows(tools: ReportTools, tables: set[int], group: str | None, column: str) -> tuple[Result, str]:
    """The indicator rows (of a table or group when named) that leave one cell blank ("哪些指标没有填指标值"), each
    with the cells it does fill."""
    hits = [(index, indicator) for index, t in enumerate(tools.report.tables) if not tables or index in tables
            for indicator in t.indicators if not is_placeholder(indicator.level3 or indicator.level2)
            and (group is None or group in f"{indicator.level1 or ''}{indicator.level2 or ''}")
            and getattr(indicator, column) in (None, "")]
    what = f"未填{COLUMN_NAMES[column]}的指标"
    if not hits:
        return Result(0.0, "个", ""), f"没有{what}：每个指标都填了{COLUMN_NAMES[column]}。"
    lines = []
    for i, (index, indicator) in enumerate(hits, 1):
        filled = [f"{COLUMN_NAMES[c]}{printed_cell(getattr(indicator, c))}" for c in ROW_CELLS
                  if getattr(indicator, c) not in (None, "")]
        lines.append(f"{i}. {table_label(tools, index)}·{indicator.level1 or ''}·{indicator.level3 or indicator.level2}"
                     f"（第{indicator.line}行{'，' + '，'.join(filled) if filled else '，整行未填'}）")
    citations = [Evidence(quote=indicator.level3 or indicator.level2 or "", line=indicator.line) for _, indicator in hits]
    return Result(float(len(hits)), "个", "", citations=citations), f"共有{len(hits)}个{what}：\n" + "\n".join(lines)


ROW_CELLS = ("target", "actual", "weight", "score")


def printed_cell(value: str | float) -> str:
    return f"{value:g}分" if isinstance(value, float) else str(value)


def level_groups(tools: ReportTools, table: int | None, first_level: bool,
                 within: str | None = None) -> dict[str, list[tuple[Fact, Fact]]]:
    """The (分值, 得分) of a table's rows by their 一级 (or 二级) 指标; of the 二级 under one 一级 指标 `within`."""
    groups: dict[str, list[tuple[Fact, Fact]]] = {}
    for weight, score in scored_pairs(tools, table, None):
        if within and score.group != within:
            continue
        names = score.context[-1][0].split() if not first_level else [score.group or ""]
        name = names[-1] if names else ""
        if name:
            groups.setdefault(name, []).append((weight, score))
    if not groups:
        raise NotFound("一级指标" if first_level else "二级指标")
    return groups


def group_extreme(tools: ReportTools, table: int | None, first_level: bool, condition: str,
                  within: str | None = None) -> tuple[Result, str]:
    """The 一级 (or 二级) 指标 of a table whose rows' Σ 得分 is the highest (or lowest); of the 二级 under the 一级 指标
    `within` when one is named ("产出指标中哪个二级指标得分最低")."""
    if table is None:  # no table named and no main one: groups of different tables are not one ranking
        raise NotFound("一级指标" if first_level else "二级指标")
    groups = level_groups(tools, table, first_level, None if first_level else within)
    sums = {name: derived("+".join(number(s.value) for _, s in pairs), "分", [s for _, s in pairs])
            for name, pairs in groups.items()}
    best = (max if condition == "highest" else min)(result.value for result in sums.values())
    tied = [name for name, result in sums.items() if abs(result.value - best) < SAME]  # each of a tie is said
    said = "；".join(f"{name}：{sums[name].formula + '=' if len(groups[name]) > 1 else ''}{number(best)}分（分值"
                    f"{number(sum(w.value for w, _ in groups[name]))}分，第{groups[name][0][1].line}行起）" for name in tied)
    what = "一级指标" if first_level else "二级指标"
    return (Result(best, "分", "", [f for name in tied for f in sums[name].facts]),
            f"{table_label(tools, table)}中得分{'最高' if condition == 'highest' else '最低'}的{what}是{said}。")


def groups_listing(tools: ReportTools, table: int | None, first_level: bool) -> tuple[Result, str]:
    """The 一级 (or 二级) 指标 of a table, each with its rows' Σ 分值 and Σ 得分."""
    groups = level_groups(tools, table, first_level)
    what = "一级指标" if first_level else "二级指标"
    lines = [f"{i}. {name}：{len(pairs)}个三级指标，分值{number(sum(w.value for w, _ in pairs))}分，"
             f"得分{number(sum(s.value for _, s in pairs))}分（第{pairs[0][1].line}行起）"
             for i, (name, pairs) in enumerate(groups.items(), 1)]
    facts = [pairs[0][0] for pairs in groups.values()]
    return (Result(float(len(groups)), "个", "", facts),
            f"{table_label(tools, table)}的{what}（共{len(groups)}个）：\n" + "\n".join(lines))


def groups_lost(tools: ReportTools, text: str, level: int) -> tuple[Result, str]:
    """The 一级 (or 二级) 指标 under which rows lost points, each with the points lost and its rows."""
    groups: dict[tuple[int, str], list[Deducted]] = {}
    for row in deducted(tools, text):
        names = row.group.split()
        if len(names) > level:
            groups.setdefault((row.table, names[level]), []).append(row)
    what = "一级指标" if level == 0 else "二级指标"
    if not groups:
        return Result(0.0, "个", ""), f"没有扣分的{what}。"
    lines = [f"{i}. {table_label(tools, table)}·{name}：扣{number(sum(r.weight - r.score for r in rows))}分（"
             + "、".join(f"{r.name}扣{number(r.weight - r.score)}分（第{r.line}行）" for r in rows) + "）"
             for i, ((table, name), rows) in enumerate(groups.items(), 1)]
    quotes = [Evidence(quote=r.label, line=r.line) for rows in groups.values() for r in rows]
    return Result(float(len(groups)), "个", "", citations=quotes), f"扣分的{what}（共{len(groups)}个）：\n" + "\n".join(lines)


def full_marks(tools: ReportTools, score: Fact) -> bool:
    weight = sibling(tools, score, "weight")
    return weight is not None and weight.value is not None and abs(weight.value - score.value) < SAME


def scored_pairs(tools: ReportTools, table: int | None, group: str | None) -> list[tuple[Fact, Fact]]:
    """(分值, 得分) of every scored indicator, of a table and group when given."""
    pairs = [(sibling(tools, score, "weight"), score) for score in tools.indicator_facts("score", table, group)]
    pairs = [(w, s) for w, s in pairs if w is not None and w.value is not None and s.value is not None]
    if not pairs:
        raise NotFound("指标")
    return pairs


def group_most_lost(tools: ReportTools, table: int, condition: str) -> tuple[Result, str]:
    """The 一级指标 of a table that lost the most (or least) points: Σ 分值 − Σ 得分 of its rows."""
    groups: dict[str, list[tuple[Fact, Fact]]] = {}
    for weight, score in scored_pairs(tools, table, None):
        groups.setdefault(score.group or "", []).append((weight, score))
    lost = {name: derived(f"({'+'.join(number(w.value) for w, _ in pairs)})−({'+'.join(number(s.value) for _, s in pairs)})",
                          "分", [f for pair in pairs for f in pair]) for name, pairs in groups.items() if name}
    name = (max if condition == "highest" else min)(lost, key=lambda n: lost[n].value)
    rows = "；".join(f"{n}扣{number(r.value)}分" for n, r in lost.items())
    most = "最多" if condition == "highest" else "最少"
    return lost[name], f"{table_label(tools, table)}中扣分{most}的一级指标是{name}，扣{number(lost[name].value)}分（{rows}）。"


def best_score_rate(tools: ReportTools, table: int | None, group: str | None, condition: str) -> tuple[Result, str]:
    """The indicator with the highest (or lowest) 得分率 = 得分 ÷ 分值."""
    pairs = [(w, s) for w, s in scored_pairs(tools, table, group) if w.value]
    weight, score = (max if condition == "highest" else min)(pairs, key=lambda pair: pair[1].value / pair[0].value)
    result = derived(f"{number(score.value)}÷{number(weight.value)}×100", "%", [score, weight])
    name, most = score.describe().rsplit("·", 1)[0], "最高" if condition == "highest" else "最低"
    return result, f"得分率{most}的是{name}：{result.formula}={number(result.value)}%（{where(score)}）。"


def widest_deviation(tools: ReportTools, table: int | None, group: str | None, condition: str) -> tuple[Result, str]:
    """The indicator whose 实际完成值 stands farthest (or nearest) from its 年度指标值, relative to the target:
    (完成值 − 指标值) ÷ 指标值 × 100, over the indicators whose two values are numbers in one unit."""
    pairs = [(target, actual) for actual in tools.indicator_facts("actual", table, group)
             if (target := sibling(tools, actual, "target")) is not None and target.value and actual.value is not None
             and target.unit == actual.unit and not is_placeholder(actual.row)]
    if not pairs:
        raise NotFound("有数值指标值和完成值的指标")
    target, actual = (max if condition == "highest" else min)(
        pairs, key=lambda pair: abs(pair[1].value - pair[0].value) / abs(pair[0].value))
    formula = f"({number(actual.value)}−{number(target.value)})÷{number(target.value)}×100"
    result = derived(formula, "%", [actual, target])
    name, most = actual.describe().rsplit("·", 1)[0], "最大" if condition == "highest" else "最小"
    return result, (f"完成值与指标值偏差{most}的是{name}：指标值{target.text}，实际完成值{actual.text}，"
                    f"偏差{result.formula}={number(result.value)}%（{where(actual)}）。")


def most_lost(tools: ReportTools, table: int | None, group: str | None, condition: str) -> tuple[Result, str]:
    """The indicator that lost the most (or least) points: 分值 − 得分."""
    pairs = scored_pairs(tools, table, group)
    weight, score = (max if condition == "highest" else min)(pairs, key=lambda pair: pair[0].value - pair[1].value)
    result = derived(f"{number(weight.value)}−{number(score.value)}", "分", [weight, score])
    name, most = score.describe().rsplit("·", 1)[0], "最多" if condition == "highest" else "最少"
    return result, f"扣分{most}的是{name}：{result.formula}={number(result.value)}分（{where(score)}）。"


def completion_rates_beyond(tools: ReportTools, table: int | None, group: str | None,
                            node: Listing) -> tuple[Result, str]:
    """The indicators whose 完成率 stands below / above the number asked: 完成值 ÷ 指标值 of a count or amount, or the
    完成值 of a row that is a 完成率 itself ("抽检完成率 100%"); the prose's 完成率 when the report has no indicators."""
    rows = [f for f in tools.indicator_facts("actual", table, group) if not is_placeholder(f.row)]
    if not rows:
        return narrative_rates_beyond(tools, replace(node, over="narrative", column="rate"))
    rates = [(rate, f) for f in rows if (rate := completion(tools, f))]
    hits = [(rate, f) for rate, f in rates if COMPARES[node.condition](rate.value, node.threshold)]
    what = f"完成率{WAY_WORDS[node.condition]}{number(node.threshold)}%的指标"
    if not hits:
        return Result(0.0, "个", "", [f for _, f in rates[:SHOWN]]), f"没有{what}（按完成值÷指标值计算，或表中所列完成率）。"
    lines = "\n".join(f"{i}. {f.describe().rsplit('·', 1)[0]}："
                      f"{f'{rate.formula}={number(rate.value)}%' if rate.formula != number(rate.value) else f.text}"
                      f"（{where(f)}）" for i, (rate, f) in enumerate(hits[:SHOWN], 1))
    rest = "、".join(f.row or "" for _, f in hits[SHOWN:])
    return (Result(float(len(hits)), "个", "", [f for _, f in hits]),
            f"共有{len(hits)}个{what}：\n{lines}" + (f"\n（另有：{rest}）" if rest else ""))


def at_target(tools: ReportTools, actual: Fact) -> bool:
    """Whether a numeric 完成值 is its 指标值's number, in the same unit (≥550批次 met by 550批次)."""
    target = sibling(tools, actual, "target")
    return actual.value is not None and target is not None and target.value is not None \
        and abs(actual.value - target.value) < SAME and target.unit == actual.unit


def target_missed(tools: ReportTools, actual: Fact, beyond: bool = False) -> bool:
    """Whether a numeric 完成值 falls short of its 指标值 in the target's direction (≥ or ≤); `beyond`: whether it
    goes past it in that direction instead."""
    target = sibling(tools, actual, "target")
    if target is None or target.value is None or actual.value is None or actual.unit != target.unit:
        return False
    lower_is_better = (parse_target(target.text).comparator or "≥") in ("≤", "<")
    if beyond:
        return actual.value < target.value if lower_is_better else actual.value > target.value
    return actual.value > target.value if lower_is_better else actual.value < target.value


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
               and (f.row == match.fact.row or f.row is None and match.fact.kind != "indicator")]
    parts += [f"复核意见：{f.message}" for f in related[:3]]
    passages = tools.search(f"{subject.subject} 原因", limit=2)
    parts += [f"正文第{p.line}行：“{p.text.strip()[:80]}”" for p in passages]
    if not parts:
        raise NotFound(subject.subject)
    citations = [Evidence(quote=p.text.strip()[:80], line=p.line) for p in passages]
    return Result(None, None, "", facts, citations=citations), "\n".join(parts)
