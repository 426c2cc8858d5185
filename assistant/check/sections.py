"""What a report must contain: its sections, the attachments it lists, a 自评分.

Rule: missing_section (warning), also for a self-evaluation table published unfilled.
"""
import re

from assistant.check.assess import is_placeholder
from assistant.check.base import Context, finding, form_instruction_only
from assistant.extract.figures import read_figures
from assistant.extract.narrative import ORG_SUFFIX
from assistant.values import normalize_text
from schemas import Evidence, Finding

# The department outline (一、基本情况 … 自评结果应用), the project one (… 绩效目标实现情况分析（一）项目资金情况分析 …)
# and the transfer-payment one (一、绩效目标分解下达情况 二、绩效目标完成情况分析（资金投入情况分析…）
# 三、偏离绩效目标的原因和下一步改进措施 四、绩效自评结果拟应用和公开情况).
REQUIRED_SECTIONS = [
    ("基本情况", ("基本情况", "绩效目标分解下达", "概况", "概述")),
    ("预算收支情况", ("支出情况", "收支", "预算执行", "资金投入", "预算资金", "资金使用", "预算及执行", "支出管理",
                "使用情况", "资金情况")),
    ("绩效情况", ("绩效情况", "绩效目标完成", "主要绩效", "绩效分析", "目标实现", "指标分析")),
    ("存在的问题", ("问题", "偏离绩效目标的原因")),
    ("改进措施", ("改进措施", "改进建议", "下一步", "建议")),
    ("自评结果应用", ("结果应用", "拟应用", "结果运用")),
]
TRANSFER_OUTLINE = re.compile(r"绩效目标分解下达|转移支付|区域绩效")
ATTACHMENT_LIST = re.compile(r"^\s*附件\s*[:：]")
# An item starts at a separator or at the first of a run of spaces, never inside the run: linear on long runs.
ATTACHMENT_ITEM = re.compile(r"(?:^|[：:；;]|(?<!\s)\s)\s*+\d++\s*+[、.．]\s*+(?P<name>[^、；;\d]{4,40}?表)(?P<optional>\s*[（(]如有[)）])?")
TABLE_KINDS = [("基础数据表", "basic_data"), ("项目支出绩效自评表", "project"), ("整体支出绩效自评表", "department_overall"),
               ("评分表", "department_overall")]
FUND_TYPES = ("政府性基金", "国有资本", "社会保险基金")
HEADING_LENGTH = 40
CLOSING = "。！？；：”」）)!?;:."
BRACKETS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"))
# A last line runs on after its comma when it is this long; a shorter one only when it signs nothing: a report may
# close on its unit and date ("XX县财政局，2023年12月31日").
RUN_ON_LENGTH = 20
SIGNATURE = re.compile(rf"[\d〇零一二三四五六七八九十]{{1,4}}\s{{0,2}}[年月日]|{ORG_SUFFIX}\s{{0,2}}$")
# The column a unit fills with its results, or the 评价结论 it writes under them; a scoring standard (考核指标 / 评分标准 /
# 权数) has neither to leave blank.
RESULT_COLUMN = re.compile(r"完成值|实际值|评价结论|自评结论")
CHAPTER = re.compile(r"\s{0,4}[一二三四五六七八九十]{1,3}\s{0,2}[、.．]")
# A numbered heading run into its section's first sentence: "（二）预算资金情况。2021年部门预算收入…".
# A numbered heading standing alone ("1.产出指标完成情况分析", "（二）绩效目标完成情况分析").
NUMBERED_HEADING = re.compile(r"\s{0,4}(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s{0,2}[、.．]"
                              r"|\d{1,2}\s{0,2}[、.．])\s{0,2}[^。：:；;，,]{2,30}")
RUN_IN_HEADING = re.compile(r"\s{0,4}(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s{0,2}[、.．]"
                            r"|\d{1,2}\s{0,2}[、.．])\s{0,2}(?P<title>[^。：:；;，,\d]{2,20})[。：:]")


def listed_attachments(ctx: Context) -> list[tuple[str, bool, int]]:
    """(name, optional, line) of each attachment the 附件： list names."""
    items = []
    paragraphs = ctx.narrative
    for position, paragraph in enumerate(paragraphs):
        if not ATTACHMENT_LIST.match(paragraph.text):
            continue
        for following in [paragraph] + paragraphs[position + 1:position + 8]:
            if following is not paragraph and not re.match(r"^\s*\d+\s*[、.．]", following.text):
                break
            for match in ATTACHMENT_ITEM.finditer(following.text):
                items.append((normalize_text(match.group("name")), bool(match.group("optional")), following.line))
    return items


def attachment_present(ctx: Context, name: str, listed_at: int) -> bool:
    for words, kind in TABLE_KINDS:
        if words in name:
            return any(t.kind == kind for t in ctx.report.tables)
    later = [p for p in ctx.narrative if p.line > listed_at]
    return any(name in normalize_text(p.text) for p in later)


def fund_reported(ctx: Context, name: str) -> bool:
    """The narrative gives a nonzero amount for the fund type an optional attachment covers."""
    fund = next((f for f in FUND_TYPES if f in name), None)
    if fund is None:
        return False
    for paragraph in ctx.narrative:
        for sentence in re.split(r"[。；]", paragraph.text):
            if fund in sentence and any(m.family == "money" and m.value > 0 for m in read_figures(sentence, 0)):
                return True
    return False


def check_attachments(ctx: Context) -> list[Finding]:
    findings = []
    for name, optional, line in listed_attachments(ctx):
        if attachment_present(ctx, name, line) or (optional and not fund_reported(ctx, name)):
            continue
        why = "，而正文载有该类资金" if optional else ""
        findings.append(finding("missing_section", "warning", f"报告所列附件“{name}”未附{why}。",
                                [ctx.quote(line, name)], None, name, expected=name, actual="缺失"))
    return findings


def heading_of(text: str) -> str | None:
    """A short paragraph is a heading; a longer one may open with a numbered heading run into its text."""
    if len(text) <= HEADING_LENGTH:
        return text
    run_in = RUN_IN_HEADING.match(text)
    return run_in.group("title") if run_in else None


def check_required_sections(ctx: Context) -> list[Finding]:
    headings = [p for p in ctx.narrative if len(p.text) <= HEADING_LENGTH]
    if len(ctx.narrative) < 5:
        return []
    text = "".join(normalize_text(heading) for p in ctx.narrative if (heading := heading_of(p.text)))
    # An evaluation report's outline ends with 有关建议: the 自评结果应用 is the self-evaluating unit's part.
    required = [(section, words) for section, words in REQUIRED_SECTIONS
                if ctx.report_kind == "self_evaluation" or section != "自评结果应用"]
    missing = [section for section, words in required if not any(w in text for w in words)]
    if len(missing) == len(required):
        return []  # (chapters of an outline of their own, none of these: a 民生工程 report's 目标任务, 实施方案 …)
    return [finding("missing_section", "warning", f"报告缺少“{section}”部分。",
                    [Evidence(quote=headings[0].text if headings else ctx.narrative[0].text,
                              line=headings[0].line if headings else ctx.narrative[0].line)],
                    None, section, expected=section, actual=None)
            for section in missing]


def transfer_payment_report(ctx: Context) -> bool:
    """A 转移支付 (区域绩效) self-evaluation: its outline opens with 绩效目标分解下达情况 and its 区域绩效目标自评表 sets
    targets against results with no 分值, so it gives no 自评分."""
    return any(TRANSFER_OUTLINE.search(heading) for p in ctx.narrative if (heading := heading_of(p.text)))


def check_self_score_given(ctx: Context) -> list[Finding]:
    has_score = any(f.unit == "分" for f in ctx.report.figures) or \
        any(t.total_score is not None for _, t in ctx.self_evaluation_tables)
    if has_score or not ctx.narrative or transfer_payment_report(ctx):
        return []
    return [finding("missing_section", "warning", "全文未给出绩效自评得分（自评分），也未附带总分的自评表。",
                    [Evidence(quote=ctx.narrative[0].text[:200], line=ctx.narrative[0].line)], None, "自评分",
                    expected="自评分", actual=None)]


def check_unfilled_tables(ctx: Context) -> list[Finding]:
    """A self-evaluation table published as the blank form: its indicators carry targets and weights, yet not one
    row gives a 完成值 or a 得分, and there is no 总分; the 完成情况 cell often still holds the form's 填表说明."""
    findings = []
    for index, table in ctx.self_evaluation_tables:
        rows = [i for i in table.indicators if i.level3 and not is_placeholder(i) and (i.target or i.weight)]
        if len(rows) < 2 or table.total_score is not None or any(i.actual or i.score is not None for i in rows) \
                or not RESULT_COLUMN.search(ctx.table_text(table)):
            continue
        achieved = table.goals.achieved
        form_text = form_instruction_only(achieved)
        evidence = ([ctx.locate(table.line, achieved)] if form_text else []) + [ctx.quote(rows[0].line, rows[0].level3)]
        findings.append(finding("missing_section", "warning",
                                f"自评表未填写：{len(rows)}项指标只有指标值和分值，完成值、得分均为空，也没有总分"
                                + ("；年度目标完成情况栏仍是填表说明原文。" if form_text else "。"),
                                evidence, index, None, expected="完成值、得分、总分", actual=None))
    return findings


def is_written_report(ctx: Context) -> bool:
    """A report written in chapters ("一、基本情况"); a self-evaluation table published alone has none,
    and lacks no chapter."""
    return sum(bool(CHAPTER.match(p.text)) for p in ctx.narrative if len(p.text) <= HEADING_LENGTH) >= 2


def cut_off(ctx: Context) -> bool:
    """The copy stops mid-sentence (a web excerpt, a truncated page): what would follow cannot be judged missing.
    Its last line runs on after a clause comma ("公益岗位补助,用于开发农村", not a closing "XX局，2023年12月"), or
    stops inside a title or a bracket it opened ("项目补助资金要严格按照《内"), or it ends on a numbered heading with
    nothing under it ("1.产出指标完成情况分析": no report ends on one; one before a table is that table's heading, and
    "2.部门整体支出绩效评价指标评分表" an attachment listed last)."""
    last = ctx.narrative[-1].text.strip() if ctx.narrative else ""
    if not last or last.endswith(tuple(CLOSING)):
        return False
    if NUMBERED_HEADING.fullmatch(last) and not last.endswith("表") \
            and ctx.document.blocks[-1].line == ctx.narrative[-1].line:
        return True
    if any(last.count(left) > last.count(right) for left, right in BRACKETS):
        return True
    runs_on = len(last) >= RUN_ON_LENGTH or len(last) >= 10 and not SIGNATURE.search(last)
    return runs_on and ("，" in last or "," in last) and not CHAPTER.match(last)


def check_sections(ctx: Context) -> list[Finding]:
    findings = check_attachments(ctx) + check_unfilled_tables(ctx)
    if not is_written_report(ctx) or cut_off(ctx) or ctx.report_kind == "monitoring":
        return findings
    # A copy that stops inside its self-evaluation table before the indicators (a web excerpt cut in its funds block)
    # may give its 自评分 further down: none can be judged missing. A table that ends the report with its indicators
    # and no 总分 row is a report that gives no 自评分.
    cut_in_table = any(ctx.ends_inside(table) and not table.indicators for _, table in ctx.self_evaluation_tables)
    return findings + check_required_sections(ctx) + ([] if cut_in_table else check_self_score_given(ctx))
