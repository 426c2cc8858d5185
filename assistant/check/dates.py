"""Years and dates in the narrative: part-year cut-offs, publication dates, another year's text, attachments
filled in after the report's own date.

Rule: date_inconsistency (warning — a person must judge).
"""
import re

from assistant.check.base import Context, finding
from assistant.document import Paragraph
from assistant.values import normalize_text
from schemas import Evidence, Finding

CUT_OFF = re.compile(r"截[至止](?:到)?\s*(?:(?P<year>20\d{2})\s*年)?\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
SO_FAR = re.compile(r"截[至止](?:到)?目前|目前为止|到目前")
PUBLISHED = re.compile(r"于\s*(?P<year>20\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[^。；]{0,30}?(?:公开|公示|发布|公布)")
DAY = r"(?P<year>20\d{2})\s{0,2}[年.．\-/]\s{0,2}(?P<month>\d{1,2})\s{0,2}[月.．\-/]\s{0,2}(?P<day>\d{1,2})\s{0,2}日?"
REPORT_DATE = re.compile(rf"\s{{0,4}}{DAY}\s{{0,4}}")
FILED = re.compile(rf"填[报表]日期\s{{0,2}}[:：]?\s{{0,4}}{DAY}")
# What is published only after its year: the accounts, the self-evaluation, the performance report — not the
# 绩效目标 published with the budget at the year's start.
DUE_AFTER_YEAR = re.compile(r"决算|自评|评价|绩效(?!目标)")
# The sentence goes on to the year's end ("截至9月30日…仅为56.3%，…年底执行率达到98.38%"): the cut-off is a
# point on the way, not the year's result.
YEAR_END = re.compile(r"年底|年末|12\s*月\s*31\s*日")
SENTENCE_END = re.compile(r"[。；;]")
# The sentence counts a disaster's toll ("截至8月31日,全区农业受灾面积…,造成经济损失…"): the need the funds answer,
# counted when it struck — background, not the year's result.
DISASTER_TOLL = re.compile(r"受灾|成灾|绝收|灾情|灾害损失|经济损失")
# A year in brackets names an edition ("年关守护（2021）"), unless a number and 号 follow: then it is a document's
# number ("县财预（2020）10号"), issued in its own year.
STALE_YEAR = re.compile(r"(?:^|[。；！？])\s*(?P<year>20\d{2})\s*年\s*[，,]|[（(](?P<bracket>20\d{2})[)）](?!\s*\d+\s*号)")


# A deadline a goal sets: "在2022年12月31日前", "2021年底前" (not 前期, 前列).
DEADLINE = re.compile(r"(?P<year>20\d{2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)?\s*(?:之前|以前|前)(?!期|列)")


def excerpt(text: str, start: int, end: int) -> str:
    return text[max(0, start - 20):min(len(text), end + 30)].strip()


def check_cut_offs(paragraph: Paragraph, year: int | None) -> list[Finding]:
    for match in CUT_OFF.finditer(paragraph.text):
        if (int(match.group("month")), int(match.group("day"))) == (12, 31):
            continue
        if match.group("year") and year and int(match.group("year")) != year:
            continue
        end = SENTENCE_END.search(paragraph.text, match.end())
        sentence = paragraph.text[match.end():end.start() if end else len(paragraph.text)]
        if YEAR_END.search(sentence) or DISASTER_TOLL.search(sentence):
            continue
        return [finding("date_inconsistency", "warning",
                        f"数据以“{match.group()}”为截止时点，并非全年数据，却作为年度成效表述。",
                        [Evidence(quote=excerpt(paragraph.text, match.start(), match.end()), line=paragraph.line)],
                        None, None, expected="截至12月31日", actual=match.group())]
    for match in SO_FAR.finditer(paragraph.text):
        end = SENTENCE_END.search(paragraph.text, match.end())
        # "截至目前，快速检测…13340批次" gives data as of an unstated day; "截至目前，项目已全部完工" states no figure
        if not re.search(r"\d", paragraph.text[match.end():end.start() if end else len(paragraph.text)]):
            continue
        return [finding("date_inconsistency", "warning",
                        f"数据以“{match.group()}”为截止口径，未说明是否为全年数据。",
                        [Evidence(quote=excerpt(paragraph.text, match.start(), match.end()), line=paragraph.line)],
                        None, None, expected="截至12月31日", actual=match.group())]
    return []


def published_in_its_time(subject: str, published: int, year: int) -> bool:
    """What the clause says was published is due then: a year's 预算 is published at its start ("2022年部门预算于2022年2月
    …公开"), an earlier year's 决算 in a later year ("2021年部门决算于2022年8月…公开"); the report's own 决算 or 自评
    only after its year."""
    if "预算" in subject and not DUE_AFTER_YEAR.search(subject):
        return True
    named = [int(y) for y in re.findall(r"(20\d{2})\s*年", subject)]
    return published > (named[-1] if named else year)


def check_publication(paragraph: Paragraph, year: int | None) -> list[Finding]:
    if not year:
        return []
    for match in PUBLISHED.finditer(paragraph.text):
        clause_start = max(paragraph.text.rfind(c, 0, match.start()) for c in "。；;，,") + 1
        if not published_in_its_time(paragraph.text[clause_start:match.start()], int(match.group("year")), year):
            break
    else:
        return []
    return [finding("date_inconsistency", "warning",
                    f"称“{match.group()}”，公开日期早于{year}年度结束，年份疑有误。",
                    [Evidence(quote=excerpt(paragraph.text, match.start(), match.end()), line=paragraph.line)],
                    None, None, expected=f"{year + 1}年", actual=f"{match.group('year')}年")]


def check_stale_years(paragraph: Paragraph, year: int | None) -> list[Finding]:
    if not year:
        return []
    for match in STALE_YEAR.finditer(paragraph.text):
        stale = int(match.group("year") or match.group("bracket"))
        if stale >= year:
            continue
        return [finding("date_inconsistency", "warning",
                        f"{year}年度报告中出现“{match.group().strip('。；！？ ')}”，年份与评价年度不符，疑沿用往年材料。",
                        [Evidence(quote=excerpt(paragraph.text, match.start(), match.end()), line=paragraph.line)],
                        None, None, expected=f"{year}年", actual=f"{stale}年")]
    return []


def day_of(match: re.Match) -> tuple[int, int, int]:
    return int(match.group("year")), int(match.group("month")), int(match.group("day"))


def check_filing_dates(ctx: Context) -> list[Finding]:
    """An attachment filled in (填报日期) after the date the report itself is signed."""
    signed = next(((p, m) for p in ctx.narrative if (m := REPORT_DATE.fullmatch(p.text))), None)
    if signed is None:
        return []
    paragraph, date = signed
    findings, seen = [], set()
    for number, text in enumerate(ctx.document.lines, start=1):
        match = FILED.search(text) if "日期" in text else None
        if not match or day_of(match) <= day_of(date) or day_of(match) in seen:
            continue
        seen.add(day_of(match))
        filed = match.group()[match.start("year") - match.start():].strip()
        findings.append(finding("date_inconsistency", "warning",
                                f"附表填报日期{filed}晚于报告落款日期{paragraph.text.strip()}，报告成文时附表尚未填报，日期需核实。",
                                [Evidence(quote=paragraph.text.strip(), line=paragraph.line),
                                 Evidence(quote=text.strip()[:200], line=number)],
                                None, None, expected=paragraph.text.strip(), actual=filed))
    return findings


def check_goal_deadlines(ctx: Context) -> list[Finding]:
    """A table's 年度总体目标 due by a deadline in an earlier year than the one evaluated: the goal was copied from
    an earlier year's allocation document (a 2023 table's "在2022年12月31日前至少给120人发放…")."""
    year, findings = ctx.report.year, []
    for index, table in ctx.self_evaluation_tables if year else []:
        goal = normalize_text(table.goals.expected)
        match = next((m for m in DEADLINE.finditer(goal) if int(m.group("year")) < year), None)
        if match is None:
            continue
        findings.append(finding("date_inconsistency", "warning",
                                f"{year}年度自评表的年度总体目标写“{excerpt(goal, match.start(), match.end())}”，"
                                f"期限在{match.group('year')}年，早于评价年度，疑照抄往年目标。",
                                [ctx.locate(table.line, goal)], index, None,
                                expected=f"{year}年", actual=f"{match.group('year')}年"))
    return findings


def check_dates(ctx: Context) -> list[Finding]:
    year = ctx.report.year
    findings: list[Finding] = []
    # A 绩效监控 report speaks of the year so far: its cut-offs are its period, and it is published within the year.
    in_year = ctx.report_kind == "monitoring"
    for paragraph in ctx.narrative:
        findings += [] if in_year else check_cut_offs(paragraph, year) + check_publication(paragraph, year)
        findings += check_stale_years(paragraph, year)
    return findings + check_filing_dates(ctx) + check_goal_deadlines(ctx)
