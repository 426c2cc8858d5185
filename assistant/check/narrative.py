"""The narrative: figures against each other, against their own arithmetic, and against the tables.

Rules: narrative_inconsistency, narrative_arithmetic, unit_missing, unit_mismatch (a mistyped measure),
text_table_mismatch, total_score_mismatch (the 自评分 the text quotes vs the table's 总分).
"""
import re
from bisect import bisect_right

from assistant.check.base import PRINTED, Context, differs, finding, fmt, in_wan, rate_tolerance
from assistant.check.basic_data import find_row, numbers
from assistant.check.cross_tables import executed_column
from assistant.check.matching import of_year, same_basis, same_value, shared_subject
from assistant.check.names import canonical, compatible_units
from assistant.extract.figures import NarrativeFigure, clause_around, clause_of, read_figures, read_narrative, sentence_bounds
from assistant.document import Paragraph
from assistant.retrieval import split_sentences
from assistant.values import decimals_printed, normalize_text
from schemas import Evidence, Finding, Table

# Labels of the figures the checks relate; the numbers themselves are read by assistant.extract.figures.
INITIAL = re.compile(r"年初预算(?:金额|资金|数)?$")
ADDED = re.compile(r"追加(?:资金|预算)?$")
SPENT = re.compile(r"(?:实际支出|实际使用|支出|合计|共计)(?:金额)?$")
PARTS_AFTER_TOTAL = re.compile(r"(?:其中|（|\()")
# Parts that cut across one another ("培训600人，其中女性学员210人，45岁以下学员420人"): subsets, not a breakdown.
CROSS_CUTTING = re.compile(r"[男女]性?|岁|党员|少数民族|脱贫|残疾|低保")
BUDGETED = re.compile(r"预算(?:资金|数|金额)?(?:为|共)?$")
EXECUTION_RATE = re.compile(r"(?:执行|支付|拨付)率(?:为|达到|达|是)?$")
# What was left of the fund beside what was spent: "资金支付18501.096万元,未支703万元,支付率95%".
UNSPENT = re.compile(r"(?:未支付?|未拨付|未使用|未执行|结余|剩余)(?:资金)?$")
SHARE = re.compile(r"(?:占比|占)(?P<of>[\u4e00-\u9fa5]{0,12}?)的?$")
# A count the text composes: "实施项目共15个" = "年初批复8个项目" + "年中增加8个项目" (a decrease makes it no plain sum).
COUNT_TOTAL = re.compile(r"(?:共|合计|共计|总计)$")
COUNT_INITIAL = re.compile(r"年初")
COUNT_ADDED = re.compile(r"(?:年中|年内|当年)?(?:增加|新增|追加)$")
COUNT_REMOVED = re.compile(r"减少|调减|取消|撤销|终止")
# "衔接资金2179万元目前已全部拨付" against "项目资金共2179万元,截止12月8日,已完成拨付2113.63万元".
ALL_PAID = re.compile(r"(?:全部|全额|足额)(?P<verb>拨付|支付|下达)")
# A sentence that says the budget was spent in full ("执行率100%", "资金全部支出"; "全部用于…" says where it went).
FULL_EXECUTION = re.compile(r"执行率(?:为|达到|达)?100(?:\.0+)?%|(?:全部|全额|足额)(?:支出|支付|使用|执行)")
# 拨付 (allocated to the units) and 支付 (paid out) are two stages of one fund: each is compared with its own claim.
PAID = re.compile(r"(?P<verb>拨付|支付)(?:资金)?$")
RATIO_BASES = ("万元", "元", "户", "家", "件", "个", "批次")
# A measure in Latin letters (hm, t): a stray letter after it is a slip of the unit.
LATIN_LETTER = re.compile(r"[A-Za-z]")
# An amount per head, per mu or per case ("人均接待费用50.81元", "补贴标准为每亩105.6元", "一名学生4000元的最低资助标准")
# is printed in 元 beside totals in 万元; it lacks no 万.
PER_UNIT = re.compile(r"均|每|单价|价格|标准")
# A rate the sentence states after the counts it comes from: "快速检测52576批次，问题样品51批次，阴性率为99.86%".
RATE_NAME = re.compile(r"(?P<name>不合格率|合格率|阴性率|阳性率|检出率|办结率)(?:为|达到|达|在|是)?$")
FAILED_WORDS = ("问题", "不合格", "阳性", "检出")
# The deeds a count counts, as reports name them.
ACTION = re.compile(r"新增|净增|检查|抽检|抽查|查处|查办|办结|受理|立案|结案|处置|核查|移送|整改|排查|检测|登记|培训|发放|举办"
                    r"|出动|监测|评查|调解")
GENERAL_SUBJECT = 12  # figures sharing one 4-character subject; more is a general word, not a restated count
STOP_CHARS = set("的和及与等数量率次个件户家项开展完成全年实际年度")


def sentences(paragraph: Paragraph) -> list[str]:
    return [sentence.text for sentence in split_sentences(paragraph.text)]


def budget_sentences(paragraph: Paragraph) -> list[tuple[NarrativeFigure, NarrativeFigure, NarrativeFigure]]:
    """(年初预算, 追加, 支出) figures printed one after another: "年初预算70万元，追加69.88万元，实际支出139.98万元"."""
    figures = read_figures(paragraph.text, paragraph.line)
    return [(initial, added, spent) for initial, added, spent in zip(figures, figures[1:], figures[2:])
            if INITIAL.search(initial.before) and ADDED.search(added.before) and SPENT.search(spent.before)
            and initial.unit == added.unit == "万元" and spent.unit in ("万元", "元")]


def check_budget_arithmetic(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """年初预算 + 追加 = 实际支出 when a sentence gives all three."""
    findings = []
    for initial, added, spent in budget_sentences(paragraph):
        start = paragraph.text.rfind("年初预算", 0, initial.start)
        quote = paragraph.text[start:spent.end]
        evidence = [Evidence(quote=quote, line=paragraph.line)]
        planned = initial.value + added.value
        if spent.unit == "元" and not differs(planned, spent.value):
            findings.append(finding("unit_missing", "warning",
                                    f"“{quote}”中实际支出写作{spent.text}，按年初预算+追加应为{fmt(spent.value)}万元，缺“万”字。",
                                    evidence, None, spent.before, expected=f"{fmt(spent.value)}万元", actual=spent.text))
        elif spent.unit == "万元" and differs(planned, spent.value) and (spent.value > planned or claims_all_spent(
                paragraph.text, spent)):
            findings.append(finding("narrative_arithmetic", "error",
                                    f"年初预算{initial.text}+追加{added.text}={fmt(planned)}万元，"
                                    f"与所述支出{spent.text}不符。", evidence, None, None,
                                    expected=planned, actual=spent.value))
    return findings


def claims_all_spent(text: str, spent: NarrativeFigure) -> bool:
    """The sentence says the budget was spent in full (执行率100%, 全部支出); else spending below the budget
    ("…实际支出650万元，执行率92.86%") is an underspend the 执行率 checks judge, not a slip of arithmetic."""
    end = text.find("。", spent.end)
    rest = text[spent.end:end if end >= 0 else len(text)]
    return bool(FULL_EXECUTION.search(rest))


def without_subtotals(parts: list[NarrativeFigure]) -> list[NarrativeFigure]:
    """Drop items that only break down the item before them (32.5万元：其中16万元、16.5万元)."""
    kept: list[NarrativeFigure] = []
    index = 0
    while index < len(parts):
        kept.append(parts[index])
        end, running = index + 1, 0.0
        while end < len(parts) and running < parts[index].value - 0.011:
            running += parts[end].value
            end += 1
        index = end if end > index + 2 and abs(running - parts[index].value) <= 0.011 else index + 1
    return kept


def check_parts_exceed_total(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """"X万元，其中a万元、b万元" or "501起（475起，26起，4起）": the parts may not exceed the whole."""
    findings = []
    for sentence in sentences(paragraph):
        marks = list(PARTS_AFTER_TOTAL.finditer(sentence))
        for mark in marks:
            head = read_figures(sentence[:mark.start()], paragraph.line)
            if not head:
                continue
            total = head[-1]
            if sentence[:mark.start()].rstrip("，, ")[-len(total.text):] != total.text:
                continue
            # "（其中…" reads as 其中; a bracket alone ("501起（475起，26起，4起") holds only parts.
            bracketed = sentence[mark.start()] in "（(" and not sentence.startswith("其中", mark.end())
            closing = sentence.find("）" if bracketed else "。", mark.end())
            body = sentence[mark.end(): closing if closing > 0 else len(sentence)]
            parts = without_subtotals([m for m in read_figures(body, paragraph.line)
                                       if m.unit == total.unit and not m.approximate])
            if len(parts) < 2 or total.approximate or any(CROSS_CUTTING.search(p.before) for p in parts):
                continue
            prefix_sums = [sum(p.value for p in parts[:n]) for n in range(2, len(parts) + 1)]
            # After "其中" a complete breakdown may be followed by other figures; a bracket holds only parts.
            if not bracketed and any(abs(s - total.value) <= 0.011 for s in prefix_sums):
                continue
            added = sum(p.value for p in parts)
            # A near miss is a typo in a breakdown; far more is a list of other things, not parts.
            if total.value + 0.011 < added <= total.value * 1.2:
                findings.append(finding(
                    "narrative_arithmetic", "error",
                    f"“{total.before}{total.text}”的组成部分合计{'+'.join(fmt(p.value) for p in parts)}={fmt(added)}{total.unit}，"
                    f"超过总数{fmt(total.value)}{total.unit}。",
                    [Evidence(quote=sentence.strip()[:200], line=paragraph.line)], None, total.before or None,
                    expected=total.value, actual=added))
    return findings


def check_count_composition(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """A count stated as a total and then built up from the year's start and what was added in the year:
    "实施项目共15个…年初批复预算8个项目…年中增加8个项目" (8 + 8 = 16, not 15)."""
    figures = [f for f in read_figures(paragraph.text, paragraph.line) if f.family == "count" and not f.approximate]
    if any(COUNT_REMOVED.search(f.before) for f in figures):
        return []
    findings = []
    for total in figures:
        if not COUNT_TOTAL.search(paragraph.text[max(0, total.start - 2):total.start]):
            continue
        # the thing counted is printed after the part's unit ("8个项目") and names the total ("实施项目")
        initial = [f for f in figures if COUNT_INITIAL.search(f.before) and f.after[:2] and f.after[:2] in total.before
                   and f.unit == total.unit]
        added = [f for f in figures if COUNT_ADDED.search(f.before) and initial and f.after[:2] == initial[0].after[:2]
                 and f.unit == total.unit]
        if len(initial) != 1 or len(added) != 1:
            continue
        composed = initial[0].value + added[0].value
        if differs(composed, total.value):
            findings.append(finding(
                "narrative_arithmetic", "error",
                f"年初{initial[0].text}{initial[0].after[:2]}加年中增加{added[0].text}，合计应为{fmt(composed)}{total.unit}，"
                f"文中却称“{total.before}共{total.text}”。",
                [Evidence(quote=clause_around(paragraph.text, f.start, f.end)[:200], line=paragraph.line)
                 for f in (total, initial[0], added[0])], None, total.before or None,
                expected=composed, actual=total.value))
    return findings


def label_value(paragraph: Paragraph, label: str, before: int) -> float | None:
    """The figure printed right after the last `label` within 2000 characters before `before`
    ("基本支出6346.47万元" → 6346.47); a bounded window keeps a huge paragraph linear."""
    start = paragraph.text.rfind(label, max(0, before - 2000), before)
    if start < 0:
        return None
    figures = read_figures(paragraph.text[start:start + len(label) + 20], paragraph.line)
    return figures[0].value if figures and figures[0].before.endswith(label) and figures[0].unit in RATIO_BASES else None


def check_shares(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """A stated percentage equals the ratio of the two figures it relates: "占X的r%", "为X的base的r%"."""
    findings = []
    for passage in split_sentences(paragraph.text):
        sentence = passage.text
        figures = read_figures(sentence, paragraph.line)
        for index, rate in enumerate(figures):
            if rate.unit != "%":
                continue
            share = SHARE.search(sentence, max(0, rate.start - 16), rate.start)
            earlier = [f for f in figures[:index] if share is None or f.end <= share.start()]
            if share and earlier:
                part = earlier[-1]
                if share.group("of"):
                    base = label_value(paragraph, share.group("of"), passage.offset)
                else:
                    # after 其中 the parts share the total printed before it ("收入1523.46万元，其中…其他收入43.2万元，
                    # 占比2.84%"), not the sibling printed just before
                    breakdown = sentence.rfind("其中", 0, part.start)
                    larger = [m.value for m in earlier[:-1] if m.unit == part.unit and m.value > part.value
                              and (breakdown < 0 or m.end <= breakdown)]
                    base = larger[-1] if larger else None
                findings += share_finding(paragraph, sentence, part.value, base, fmt(rate.value))
            elif index >= 2 and sentence[figures[index - 1].end:rate.start] == "的" \
                    and figures[index - 1].unit in RATIO_BASES and "为" in sentence[figures[index - 2].end:figures[index - 1].start]:
                # "……为年初预算76万元的47.36%": the figure before 为 over the base
                findings += share_finding(paragraph, sentence, figures[index - 2].value, figures[index - 1].value,
                                          fmt(rate.value))
    return findings


def check_rates_from_counts(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """合格率 / 阴性率 / 办结率 … recomputed from the total and the failed (or done) count the sentence gives."""
    findings = []
    for sentence in sentences(paragraph):
        figures = read_figures(sentence, paragraph.line)
        for index, rate in enumerate(figures):
            named = RATE_NAME.search(sentence, max(0, rate.start - 8), rate.start)
            counts = [f for f in figures[:index] if f.family == "count" and not f.approximate]
            if rate.unit != "%" or not named or len(counts) < 2 or counts[0].value <= 0:
                continue
            total = counts[0]
            failed = [f for f in counts[1:] if f.unit == total.unit and any(w in f.before for w in FAILED_WORDS)]
            done = [f for f in counts[1:] if f.unit == total.unit and "办结" in f.before]
            # "检测5600批次，其中农药残留检测3200批次，阳性样品8批次，阴性率…": the rate may be of either count tested;
            # it is wrong only when it is of none.
            tested = [f for f in counts if f.unit == total.unit and f not in failed and f not in done]
            name = named.group("name")
            if failed and name in ("合格率", "阴性率"):
                shares = [share_finding(paragraph, sentence, t.value - failed[-1].value, t.value, fmt(rate.value))
                          for t in tested if t.value > failed[-1].value]
            elif failed and name in ("不合格率", "阳性率", "检出率"):
                shares = [share_finding(paragraph, sentence, failed[-1].value, t.value, fmt(rate.value))
                          for t in tested]
            elif done and name == "办结率":
                shares = [share_finding(paragraph, sentence, done[-1].value, t.value, fmt(rate.value)) for t in tested]
            else:
                continue
            if shares and all(shares):
                findings += shares[0]
    return findings


def share_finding(paragraph: Paragraph, sentence: str, part: float, base: float | None, printed: str) -> list[Finding]:
    if not base:
        return []
    decimals = decimals_printed(printed)
    ratio = part / base * 100
    if abs(ratio - float(printed)) <= rate_tolerance(float(printed), decimals):
        return []
    return [finding("narrative_arithmetic", "error",
                    f"{fmt(part, PRINTED)}÷{fmt(base, PRINTED)}={ratio:.{max(decimals, 2)}f}%，文中写{printed}%，比例与所列数字不符。",
                    [Evidence(quote=sentence.strip()[:200], line=paragraph.line)], None, None,
                    expected=f"{ratio:.{max(decimals, 2)}f}", actual=printed)]


def check_execution_rates(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """A 执行率 the sentence states after the budget and the spending it comes from: "实际下达预算2596万元,全年度实际
    总支出2595.6208 万元,项目预算执行率99%" is 99.99%."""
    findings = []
    for sentence in sentences(paragraph):
        figures = read_figures(sentence, paragraph.line)
        for index, rate in enumerate(figures):
            if rate.unit != "%" or not EXECUTION_RATE.search(rate.before):
                continue
            money = [f for f in figures[:index] if f.family == "money"]
            budgets = [f for f in money if BUDGETED.search(f.before)]
            unspent = [f for f in money if UNSPENT.search(f.before)]
            spent = [f for f in money if f not in budgets and f not in unspent
                     and (SPENT.search(f.before) or PAID.search(f.before))]
            # 年初预算 then 调整后预算: the rate may be of either; it is wrong only when it is of neither.
            budgets = [f for f in budgets if spent and f.unit == spent[-1].unit]
            bases = [f.value for f in budgets]
            # 年初预算 plus 追加 is the adjusted budget: "年初预算500万元，年中追加预算200万元…执行率92.86%" is of 700.
            initial = [f for f in budgets if INITIAL.search(f.before)]
            added = [f for f in budgets if ADDED.search(f.before)]
            if initial and added:
                bases.append(initial[-1].value + added[-1].value)
            # what was spent and what was left make the fund the rate is of
            if spent and unspent and unspent[-1].unit == spent[-1].unit:
                bases.append(spent[-1].value + unspent[-1].value)
            shares = [share_finding(paragraph, sentence, spent[-1].value, base, fmt(rate.value)) for base in bases]
            if shares and all(shares):
                findings += shares[-1]
    return findings


def check_units(ctx: Context, paragraph: Paragraph) -> list[Finding]:
    """An amount without its 万 among 万元 figures, or a bare "10万" with no 元."""
    findings = []
    for sentence in sentences(paragraph):
        found = read_figures(sentence, paragraph.line)
        # the figure reader reads no bare 万 before a measure in Latin letters ("3.51万t"), nor under no money words
        bare_wan = [m for m in found if m.unit == "万" and m.is_money]
        if bare_wan:
            bare = bare_wan[0]
            findings.append(finding("unit_missing", "warning", f"“{bare.before}{bare.text}”缺少“元”，金额单位书写不规范。",
                                    [Evidence(quote=sentence.strip()[:200], line=paragraph.line)], None, bare.before,
                                    expected=f"{bare.text}元", actual=bare.text))
        if budget_sentences(Paragraph(text=sentence, line=paragraph.line)):
            continue
        in_wan = [m for m in found if m.unit == "万元"]
        small = [m for m in found if m.unit == "元" and m.value < 10_000 and m.value != int(m.value)
                 and not PER_UNIT.search(m.before + m.after)]
        for mention in small if in_wan else []:
            findings.append(finding("unit_missing", "warning",
                                    f"“{mention.before}{mention.text}”与同句其他万元金额口径不一致，疑缺“万”字。",
                                    [Evidence(quote=sentence.strip()[:200], line=paragraph.line)], None, mention.before,
                                    expected=f"{fmt(mention.value)}万元", actual=mention.text))
    return findings


def check_total_short_of_wan(ctx: Context, paragraph: Paragraph, table: int | None = None) -> list[Finding]:
    """An amount in 元 whose 其中 parts are in 万元 and add up to its number: "全年预算数2089元:其中中央…1777万元,
    …省级配套…312万元" — the total lost its 万 (in a paragraph, or in the goals of the table at index `table`)."""
    findings = []
    figures = read_figures(paragraph.text, paragraph.line)
    for index, total in enumerate(figures):
        if total.unit != "元" or not PARTS_AFTER_TOTAL.match(paragraph.text[total.end:total.end + 3].lstrip(":：，, ")):
            continue
        end = paragraph.text.find("。", total.end)
        parts = [f for f in figures[index + 1:] if f.unit == "万元" and (end < 0 or f.start < end)]
        if len(parts) < 2 or differs(sum(p.value for p in parts), total.value):
            continue
        findings.append(finding("unit_missing", "warning",
                                f"“{total.before}{total.text}”的分项{'+'.join(p.text for p in parts)}合计"
                                f"{fmt(total.value)}万元，总数漏写“万”字。",
                                [Evidence(quote=clause_around(paragraph.text, total.start, total.end)[:200],
                                          line=paragraph.line)], table, total.before or None,
                                expected=f"{fmt(total.value)}万元", actual=total.text))
    return findings


def goal_paragraphs(ctx: Context) -> list[tuple[int, Paragraph]]:
    """The goals each table writes in prose (年度总体目标, 全年实际完成情况), with the table's index, each as a paragraph
    at the line that holds its opening words: their amounts are the narrative's as much as a paragraph's. Goals the
    text prints in a paragraph of its own as well are read there once."""
    prose = [normalize_text(paragraph.text) for paragraph in ctx.narrative]
    found = []
    for index, table in enumerate(ctx.report.tables):
        for text in filter(None, (table.goals.expected, table.goals.achieved)):
            compact = normalize_text(text)
            if not any(compact in paragraph for paragraph in prose):
                found.append((index, Paragraph(text=text, line=ctx.locate(table.line, text).line or table.line)))
    return found


def check_unit_slips(ctx: Context) -> list[Finding]:
    """A measure in Latin letters with a stray letter after it ("经果林32.49hmm") where the text gives the same
    figure in its unit elsewhere ("经果林32.49hm"): the unit was mistyped."""
    slipped, clean = [], {}
    for paragraph in ctx.narrative:
        for figure in read_figures(paragraph.text, paragraph.line):
            if not LATIN_LETTER.match(figure.unit):
                continue
            stray = re.match(r"[A-Za-z]+", paragraph.text[figure.end:figure.end + 4])
            if stray:
                slipped.append((figure, figure.text + stray.group(), paragraph))
            else:
                clean.setdefault((figure.before, figure.value, figure.unit), (figure, paragraph))
    findings = []
    for figure, printed, paragraph in slipped:
        if (figure.before, figure.value, figure.unit) not in clean or not figure.before:
            continue
        other, other_paragraph = clean[(figure.before, figure.value, figure.unit)]
        findings.append(finding("unit_mismatch", "warning",
                                f"“{figure.before}”第{paragraph.line}行写作{printed}，第{other.line}行为{other.text}，"
                                f"计量单位“{printed.removeprefix(figure.text.removesuffix(figure.unit))}”有误。",
                                [Evidence(quote=clause_around(paragraph.text, figure.start, figure.end)[:200], line=paragraph.line),
                                 Evidence(quote=clause_around(other_paragraph.text, other.start, other.end)[:200],
                                          line=other.line)],
                                None, figure.before, expected=other.text, actual=printed))
    return findings


def is_part(text: str, figure: NarrativeFigure) -> bool:
    """The figure stands after 其中 in its sentence: one part of the sum the sentence opened with."""
    start, _ = sentence_bounds(text, figure.start, figure.end)
    return "其中" in text[start:figure.start]


def check_paid_in_full(ctx: Context) -> list[Finding]:
    """An amount the text says was paid in full ("2179万元目前已全部拨付") while a sentence on the same amount gives a
    smaller sum paid ("项目资金共2179万元,…,已完成拨付2113.63万元"): the two accounts of one payment disagree."""
    claims, paid = {}, []
    for paragraph in ctx.narrative:
        figures = [f for f in read_figures(paragraph.text, paragraph.line) if f.family == "money"]
        for figure in figures:
            claim = ALL_PAID.search(figure.after)
            stage = PAID.search(figure.before)
            if claim and not figure.approximate:
                claims.setdefault((figure.amount, claim.group("verb")), (figure, paragraph))
            elif stage and "全部" not in figure.before and not is_part(paragraph.text, figure):
                paid.append((figure, stage.group("verb"), paragraph, {f.amount for f in figures if f is not figure}))
    findings = []
    for figure, verb, paragraph, amounts in paid:
        whole = [claims[a, verb] for a in amounts
                 if (a, verb) in claims and a > figure.amount + 0.011 and claims[a, verb][0].line != figure.line]
        if not whole:
            continue
        claim, claim_paragraph = whole[0]
        findings.append(finding(
            "narrative_inconsistency", "warning",
            f"第{claim.line}行称“{claim.before}{claim.text}{claim.after}”，第{figure.line}行又称"
            f"{figure.period + '，' if figure.period else ''}{figure.before}{figure.text}，"
            f"同一笔资金的拨付情况前后不一（相差{fmt(claim.amount - figure.amount)}万元）。",
            [Evidence(quote=clause_around(claim_paragraph.text, claim.start, claim.end)[:200], line=claim.line),
             Evidence(quote=clause_around(paragraph.text, figure.start, figure.end)[:200], line=figure.line)],
            None, None, expected=figure.text, actual=claim.text))
    return findings


def longest_common_run(x: str, y: str) -> int:
    best = 0
    for i in range(len(x)):
        for j in range(i + best + 1, len(x) + 1):
            if x[i:j] in y:
                best = j - i
            else:
                break
    return best


def check_repeated_figures(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    """The same subject, described in the same words, given two different values in the narrative."""
    findings, seen = [], set()
    # Only mentions with the same subject words are compared: pairing within these groups keeps long reports fast.
    # Members are (line, index), sorted because paragraphs come in line order; pairs on one line are never compared.
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for index, (mention, _) in enumerate(narrative):
        if len(mention.before) >= 6 and mention.unit != "%":
            groups.setdefault((mention.family, mention.before), []).append((mention.line, index))
    for a, quote_a in narrative:
        members = groups.get((a.family, a.before), [])
        for b, quote_b in (narrative[j] for _, j in members[bisect_right(members, (a.line, len(narrative))):]):
            if same_value(a, b) or not same_basis(a, b, ctx.report.year):
                continue
            subject = a.before
            if (subject, a.text, b.text) in seen or longest_common_run(quote_a, quote_b) < 12:
                continue
            seen.add((subject, a.text, b.text))
            findings.append(finding("narrative_inconsistency", "error",
                                    f"正文对“{subject}”给出两个数值：第{a.line}行{a.text}，第{b.line}行{b.text}。",
                                    [Evidence(quote=quote_a, line=a.line), Evidence(quote=quote_b, line=b.line)],
                                    None, subject, expected=a.text, actual=b.text))
    return findings


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def same_action(a: NarrativeFigure, b: NarrativeFigure, subject: str) -> bool:
    """Both figures' words, the shared subject aside, name the same action ("查办" … "违法案件", "办结" … "核查处置").
    A count of what was done is not one of what there is, nor of another deed: "检查食品生产经营企业2860家",
    "新增食品经营企业1260家" and "食品经营企业8560家" are three quantities."""
    deeds_a, deeds_b = set(ACTION.findall(a.before + a.after)), set(ACTION.findall(b.before + b.after))
    if (deeds_a or deeds_b) and not deeds_a & deeds_b:
        return False
    rest_a = (a.before + "|" + a.after).replace(subject, "|")
    rest_b = (b.before + "|" + b.after).replace(subject, "|")
    return any("|" not in pair for pair in bigrams(rest_a) & bigrams(rest_b))


def check_restated_counts(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    """One count given twice in other words: "在今年已查办的115起违法案件中" / "共查办……违法案件138起";
    "办结各级核查处置54起" / "办结不合格报告核查处置61件" (another unit is a warning: a person judges)."""
    findings = []
    # One figure printed again on its own line (a repeated paragraph) is one figure.
    distinct = {(m.line, m.before, m.text, m.after): (m, q) for m, q in narrative if m.family == "count" and not m.single_case}
    counts = list(distinct.values())
    # Figures are paired only when they share 4 characters next to their numbers: index those 4-character keys.
    # Words shared by many figures name a general subject ("市场主体"), not one count told twice.
    keys: dict[str, list[int]] = {}
    for index, (figure, _) in enumerate(counts):
        words = {figure.before[i:i + 4] for i in range(len(figure.before) - 3)} | {figure.after[:4]}
        for key in words:
            if len(key) == 4:
                keys.setdefault(key, []).append(index)
    pairs = sorted({(i, j) for members in keys.values() if len(members) <= GENERAL_SUBJECT
                    for i in members for j in members if i < j})
    for i, j in pairs:
        (a, quote_a), (b, quote_b) = counts[i], counts[j]
        if a.line == b.line or not compatible_units(a.unit, b.unit) or same_value(a, b) or a.before == b.before \
                or not same_basis(a, b, ctx.report.year):
            continue
        subject = shared_subject(a, b)
        if not subject or not same_action(a, b, subject):
            continue
        findings.append(finding("narrative_inconsistency", "error" if a.unit == b.unit else "warning",
                                f"正文对同一事项“{subject}”给出两个数值：第{a.line}行“{a.before}{a.text}{a.after}”，"
                                f"第{b.line}行“{b.before}{b.text}{b.after}”。",
                                [Evidence(quote=quote_a, line=a.line), Evidence(quote=quote_b, line=b.line)],
                                None, subject, expected=a.text, actual=b.text))
    return findings


def narrative_mentions(ctx: Context) -> list[tuple[NarrativeFigure, str]]:
    texts = {p.line: p.text for p in ctx.narrative}
    return [(m, clause_of(texts[m.line], m)) for m in read_narrative(ctx.narrative)]


def goal_mentions(ctx: Context) -> list[tuple[int, NarrativeFigure, Evidence]]:
    """Quantities in the tables' 实际完成情况 cells; a cell copied into several tables counts once."""
    seen, found = set(), []
    for index, table in ctx.self_evaluation_tables:
        text = table.goals.achieved or ""
        for mention in read_figures(text, table.line):
            if mention.unit == "%" or (mention.before, mention.text) in seen:
                continue
            seen.add((mention.before, mention.text))
            quote = clause_of(text, mention)
            found.append((index, mention, ctx.locate(table.line, quote)))
    return found


def check_goals_against_text(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    findings = []
    by_family: dict[str, list[tuple[NarrativeFigure, str]]] = {}
    for mention, quote in narrative:
        by_family.setdefault(mention.family, []).append((mention, quote))
    for index, mention, quote in goal_mentions(ctx):
        related = [(n, q, shared_subject(mention, n)) for n, q in by_family.get(mention.family, [])
                   if compatible_units(mention.unit, n.unit) and not n.single_case]
        related = [(n, q, s) for n, q, s in related if s]
        if not related or any(same_value(mention, n) for n, _, _ in related):
            continue
        other, other_quote, subject = max(related, key=lambda r: len(r[2]))
        findings.append(finding("text_table_mismatch", "error",
                                f"自评表实际完成情况写“{subject}”{mention.text}，正文第{other.line}行为{other.text}，二者不一致。",
                                [quote, Evidence(quote=other_quote, line=other.line)],
                                index, None, expected=other.text, actual=mention.text))
    return findings


# A narrative figure that states the indicator's target ("…数量绩效目标值是2个"), not what was achieved.
TARGET_STATED = re.compile(r"(?:目标|指标)值[是为:：]?$")


def check_indicators_against_text(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    """An indicator's 完成值 and the narrative's figure for the same thing (by its words or a synonym of its name)."""
    findings = []
    # Narrative figures with the characters around them, read once for all indicators; one case inside a
    # total ("其中……一案，挽回1.2万元") never stands for the indicator.
    candidates = [(m, q, set(m.before + m.after)) for m, q in narrative if not m.single_case]
    texts = {p.line: p.text for p in ctx.narrative}
    for index, table in ctx.self_evaluation_tables:
        for indicator in table.indicators:
            actual = read_figures(normalize_text(indicator.actual), indicator.line or 0)
            name = normalize_text(indicator.level3)
            wanted = set(name) - STOP_CHARS
            if len(actual) != 1 or len(wanted) < 4:
                continue
            value = actual[0]
            scored = []
            for other, quote, words in candidates:
                if not compatible_units(value.unit, other.unit) or TARGET_STATED.search(other.before):
                    continue
                paragraph = texts[other.line]
                if ctx.wording.speaks_of(name, other, clause_around(paragraph, other.start, other.end), paragraph):
                    scored.append((len(wanted) + 1, other, quote))
                elif value.unit != "%" and other.unit == value.unit and len(wanted & words) >= max(4, 0.7 * len(wanted)):
                    scored.append((len(wanted & words), other, quote))
            if not scored or any(same_value(value, n) for _, n, _ in scored):
                continue
            _, other, quote = max(scored, key=lambda s: s[0])
            findings.append(finding("text_table_mismatch", "error",
                                    f"指标“{indicator.level3}”实际完成值{indicator.actual}，正文第{other.line}行为"
                                    f"“{other.before}{other.text}”，二者不一致。",
                                    ctx.row_evidence(indicator, indicator.actual) + [Evidence(quote=quote, line=other.line)],
                                    index, indicator.level3, expected=other.text, actual=indicator.actual))
    return findings


GENERIC_BIGRAMS = {"开展", "完成", "全市", "全区", "工作", "企业", "情况", "实现", "以上", "以下", "及时", "数量"}


def check_indicator_parts(ctx: Context) -> list[Finding]:
    """An indicator's 完成值 against the sum of the parts one sentence of the text lists for it:
    "央媒采发101篇…省级以上媒体发稿510余篇…采发198篇" for 主流媒体采发稿件数 1200个; "七家…一家" for 5个."""
    findings = []
    sentences_with_counts = []
    for paragraph in ctx.narrative:
        for sentence in sentences(paragraph):
            figures = [f for f in read_figures(sentence, paragraph.line) if f.family == "count" and not f.single_case]
            # "1.4万起，其中办结举报1292起": a figure after 其中 breaks down the one before it, it is no further part.
            figures = [f for k, f in enumerate(figures) if not k or "其中" not in sentence[figures[k - 1].end:f.start]]
            if len(figures) >= 2:
                # Each figure with the two-character words around it, made once for all indicators.
                words = [bigrams(f.before + f.after) - GENERIC_BIGRAMS for f in figures]
                sentences_with_counts.append((sentence, list(zip(figures, words)), paragraph.line))
    for index, table in ctx.self_evaluation_tables:
        for indicator in table.indicators:
            actual = read_figures(normalize_text(indicator.actual), indicator.line or 0)
            name = normalize_text(indicator.level3)
            if len(actual) != 1 or actual[0].family != "count" or len(name) < 6:
                continue
            value, name_words = actual[0], bigrams(name)
            for sentence, figures, line in sentences_with_counts:
                # Parts share a word of two characters with the indicator's name ("采发", "监督").
                parts = [f for f, words in figures if words & name_words and compatible_units(value.unit, f.unit)]
                if len(parts) < 2 or any(same_value(value, f) for f, _ in figures):
                    continue
                added = sum(f.value for f in parts)
                approximate = any(f.approximate for f in parts)
                if not 0.5 * value.value <= added <= 2 * value.value or (approximate and added <= value.value <= added * 1.2):
                    continue
                if abs(added - value.value) <= 0.011:
                    continue
                total = f"{'+'.join(f.text for f in parts)}={fmt(added)}{'余' if approximate else ''}{parts[0].unit}"
                findings.append(finding("text_table_mismatch", "error",
                                        f"指标“{indicator.level3}”实际完成值{indicator.actual}，正文第{line}行分项合计{total}，二者不一致。",
                                        ctx.row_evidence(indicator, indicator.actual)
                                        + [Evidence(quote=sentence.strip()[:200], line=line)],
                                        index, indicator.level3, expected=f"{fmt(added)}{parts[0].unit}", actual=indicator.actual))
                break
    return findings


def budget_column(words: str) -> str | None:
    if "年初预算" in words or "预算数" in words:
        return "budget"
    if "全年预算" in words or "调整" in words:
        return None
    return "executed" if any(w in words for w in ("支出", "决算", "使用", "经费")) else None


def check_basic_data_against_text(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    """Narrative amounts for rows of the 基础数据表 (项目支出, 其他项目, 三公经费 …)."""
    findings = []
    for index, table in enumerate(ctx.report.tables):
        if table.kind != "basic_data":
            continue
        executed = executed_column(table, ctx.report.year)
        budget = budget_column_index(table, ctx.report.year)
        for row in table.rows:
            label = re.sub(r"^\d+[、.．]|[:：]$", "", row.label)
            if len(label) < 4 or executed is None:
                continue
            values = numbers(row)
            candidates = []
            for mention, quote in narrative:
                if mention.family != "money" or label not in mention.before:
                    continue
                column = {"budget": budget, "executed": executed}.get(budget_column(mention.before) or "", None)
                if column is None or column >= len(values) or values[column] is None:
                    continue
                candidates.append((mention, quote, in_wan(values[column], table)))
            mismatched = [(m, q, v) for m, q, v in candidates if differs(m.amount, v)]
            if candidates and len(mismatched) == len(candidates):
                mention, quote, value = mismatched[0]
                if mention.scope:  # the text speaks of one source of funds, the table of all: a reviewer compares
                    findings.append(finding("text_table_mismatch", "warning",
                                            f"正文“{mention.before}{mention.text}”为{mention.scope}口径，基础数据表“{row.label}”"
                                            f"为全部资金{fmt(value)}万元，差额{fmt(value - mention.amount)}万元，正文未说明其来源。",
                                            [Evidence(quote=quote, line=mention.line), ctx.quote(row.line, row.label)],
                                            index, row.label, expected=fmt(value), actual=mention.text))
                    continue
                findings.append(finding("text_table_mismatch", "error",
                                        f"正文“{mention.before}{mention.text}”，基础数据表“{row.label}”为{fmt(value)}万元，二者不一致。",
                                        [Evidence(quote=quote, line=mention.line), ctx.quote(row.line, row.label)],
                                        index, row.label, expected=fmt(value), actual=mention.text))
    return findings


def budget_column_index(table: Table, year: int | None) -> int | None:
    for row in table.rows:
        for i, cell in enumerate(v or "" for v in row.values):
            if "预算" in cell and (year is None or str(year) in cell):
                return i
    return None


def check_growth_rates(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    """An indicator's 增长率 against the one the text's counts give: "实有经营主体450134户，净增32226户" →
    32226 ÷ (450134 − 32226) = 7.71%."""
    findings = []
    pairs = [(stock, quote, grown) for (stock, quote), (grown, _) in zip(narrative, narrative[1:])
             if stock.line == grown.line and grown.before == "净增" and stock.unit == grown.unit
             and stock.family == "count" and stock.value > grown.value > 0]
    for index, table in ctx.self_evaluation_tables:
        for indicator in table.indicators:
            name = canonical(normalize_text(indicator.level3))
            actual = read_figures(normalize_text(indicator.actual), indicator.line or 0)
            if not name.endswith("增长率") or len(actual) != 1 or actual[0].unit != "%":
                continue
            subject = name.removesuffix("增长率")
            for stock, quote, grown in pairs:
                if len(subject) < 2 or not canonical(stock.before).endswith(subject):
                    continue
                rate = grown.value / (stock.value - grown.value) * 100
                decimals = decimals_printed(actual[0].text.rstrip("%"))
                if abs(rate - actual[0].value) <= rate_tolerance(actual[0].value, decimals):
                    break
                findings.append(finding("text_table_mismatch", "warning",
                                        f"正文{stock.before}{stock.text}、净增{grown.text}，增长率{fmt(grown.value)}÷"
                                        f"({fmt(stock.value)}−{fmt(grown.value)})={rate:.2f}%，指标“{indicator.level3}”"
                                        f"实际完成值为{indicator.actual}。",
                                        ctx.row_evidence(indicator, indicator.actual) + [Evidence(quote=quote, line=stock.line)],
                                        index, indicator.level3, expected=f"{rate:.2f}%", actual=indicator.actual))
                break
    return findings


REVENUE = re.compile(r"(?P<source>一般公共预算|政府性基金预算|其他预算)收入$")


def check_revenue_against_budget(ctx: Context, narrative: list[tuple[NarrativeFigure, str]]) -> list[Finding]:
    """The revenues the text gives by source (一般公共预算 + 政府性基金 + 其他) add up to the department table's
    全年预算数 (年初结转 aside)."""
    department = next(((i, t) for i, t in ctx.self_evaluation_tables if t.kind == "department_overall"), None)
    if department is None or department[1].funds_total is None:
        return []
    index, table = department
    budget = in_wan(table.funds_total.full_year_budget, table)
    revenues: dict[str, tuple[NarrativeFigure, str]] = {}
    for figure, quote in narrative:
        source = REVENUE.search(figure.before) if figure.family == "money" else None
        if source and source.group("source") not in revenues:
            revenues[source.group("source")] = (figure, quote)
    if "一般公共预算" not in revenues or len(revenues) < 2 or budget is None:
        return []
    total = sum(f.amount for f, _ in revenues.values())
    if not differs(total, budget):
        return []
    parts = "+".join(f.text for f, _ in revenues.values())
    return [finding("text_table_mismatch", "error",
                    f"正文预算收入{parts}={fmt(total)}万元，部门整体自评表“{table.funds_total.label}”全年预算数为"
                    f"{fmt(budget)}万元，二者不一致。",
                    [Evidence(quote=q, line=f.line) for f, q in revenues.values()]
                    + [ctx.quote(table.funds_total.line, table.funds_total.label)],
                    index, table.funds_total.label, expected=fmt(total), actual=fmt(budget))]


def check_self_score(ctx: Context) -> list[Finding]:
    """The 自评分 the narrative quotes equals the department table's 总分."""
    department = next(((i, t) for i, t in ctx.self_evaluation_tables if t.kind == "department_overall"), None)
    if department is None or department[1].total_score is None:
        return []
    index, table = department
    return [finding("total_score_mismatch", "error",
                    f"正文自评分{fmt(f.value)}分，与部门整体自评表总分{fmt(table.total_score)}分不符。",
                    [Evidence(quote=f.quote, line=f.line)], index, None, expected=table.total_score, actual=f.value)
            for f in ctx.report.figures if f.unit == "分" and differs(f.value, table.total_score)]


def check_narrative(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for paragraph in ctx.narrative:
        findings += check_budget_arithmetic(ctx, paragraph)
        findings += check_parts_exceed_total(ctx, paragraph)
        findings += check_count_composition(ctx, paragraph)
        findings += check_shares(ctx, paragraph)
        findings += check_rates_from_counts(ctx, paragraph)
        findings += check_execution_rates(ctx, paragraph)
        findings += check_units(ctx, paragraph)
        findings += check_total_short_of_wan(ctx, paragraph)
    for table, paragraph in goal_paragraphs(ctx):
        findings += check_total_short_of_wan(ctx, paragraph, table)
    findings += check_unit_slips(ctx)
    findings += check_paid_in_full(ctx)
    narrative = narrative_mentions(ctx)
    findings += check_repeated_figures(ctx, narrative)
    findings += check_restated_counts(ctx, narrative)
    # The tables report the evaluated year: a figure the text dates to another year (上年…, 2021年…) is not theirs.
    this_year = [(m, q) for m, q in narrative if of_year(m, ctx.report.year)]
    findings += check_goals_against_text(ctx, this_year)
    findings += check_indicators_against_text(ctx, this_year)
    findings += check_indicator_parts(ctx)
    findings += check_basic_data_against_text(ctx, this_year)
    findings += check_revenue_against_budget(ctx, this_year)
    findings += check_growth_rates(ctx, this_year)
    findings += check_self_score(ctx)
    return findings
