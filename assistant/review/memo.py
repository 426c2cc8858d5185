"""The 审核意见 memo's content, built from a ReviewedReport alone (so edited drafts export as edited).

`build_memo` lays out what a finance bureau's reviewer writes: who and which year, self vs
recomputed score per table, findings by severity with their evidence lines, the draft
偏差原因分析 / 改进措施 per row, and a short overall opinion. The writers (markdown.py,
word.py, excel.py) only format this content.
"""
from collections import Counter
from dataclasses import dataclass, field

from assistant.check.scoring import short_of_total
from assistant.extract.rules import NO_TABLE_READ
from assistant.render import KIND_NAMES, MODE_NAMES, RULE_NAMES, SEVERITY_NAMES, SHORT_KINDS, evidence_places, table_label
from assistant.review.grounding import number
from schemas import CheckedReport, Draft, Finding, ReviewedReport, Table

SEVERITIES = list(SEVERITY_NAMES.items())
SIGNATURE = "审核人：　　　　　　　　审核日期：　　　　年　　月　　日"


@dataclass
class ScoreRow:
    table: str
    self_score: str
    recomputed_score: str
    difference: str


@dataclass
class FindingItem:
    where: str
    rule: str
    message: str
    lines: str


@dataclass
class DraftItem:
    where: str
    row: str
    rules: str
    cause: str
    improvement: str
    lines: str
    mode: str

    @property
    def title(self) -> str:
        return f"{self.where}·{self.row}" if self.row else self.where


@dataclass
class Memo:
    title: str
    addressee: str
    preface: str
    basics: list[tuple[str, str]]
    scores: list[ScoreRow]
    findings: dict[str, list[FindingItem]]
    drafts: list[DraftItem]
    opinion: list[str]
    signature: str = SIGNATURE
    severity_names: dict[str, str] = field(default_factory=lambda: dict(SEVERITY_NAMES))


def table_title(report: CheckedReport, index: int | None) -> str:
    """"附件2-1 专项资金绩效自评表（知识产权培育资助专项）" as printed; "报告正文" for the narrative."""
    if index is None or not 0 <= index < len(report.tables):
        return "报告正文"
    table: Table = report.tables[index]
    title = " ".join((table.title or KIND_NAMES[table.kind]).split())
    return f"{title}（{table.name}）" if table.name and table.kind == "project" else title


def table_name(report: CheckedReport, index: int | None) -> str:
    """The title numbered as the memo lists tables: "表1 附件2-1 专项资金绩效自评表（…）"."""
    title = table_title(report, index)
    return f"{table_label(index)} {title}" if index is not None and 0 <= index < len(report.tables) else title


def short_place(report: CheckedReport, index: int | None) -> str:
    """A table as a findings row names it: "表6（食品监管专项）", "表2（部门整体）"; "正文" for the narrative."""
    if index is None or not 0 <= index < len(report.tables):
        return "正文"
    table = report.tables[index]
    name = table.name if table.kind == "project" and table.name else SHORT_KINDS[table.kind]
    return f"{table_label(index)}（{name}）"


def unit_and_year(report: ReviewedReport) -> str:
    return f"{report.unit_name or '（未识别单位）'}{f'{report.year}年度' if report.year else ''}"


def score_rows(report: ReviewedReport) -> list[ScoreRow]:
    rows = []
    for score in report.scores:
        difference = (number(score.recomputed_score - score.self_score)
                      if score.self_score is not None and score.recomputed_score is not None else "—")
        rows.append(ScoreRow(table_name(report, score.table), number(score.self_score),
                             number(score.recomputed_score), difference))
    return rows


def finding_item(report: ReviewedReport, finding: Finding) -> FindingItem:
    where = short_place(report, finding.table) + (f"·{finding.row}" if finding.row else "")
    return FindingItem(where, RULE_NAMES.get(finding.rule, finding.rule), finding.message,
                       evidence_places(finding.evidence))


def draft_item(report: ReviewedReport, draft: Draft) -> DraftItem:
    rules = "、".join(RULE_NAMES.get(rule, rule) for rule in draft.finding_rules) or "偏差说明"
    row = draft.row or ("" if draft.table is None else "（整表）")
    return DraftItem(table_name(report, draft.table), row, rules, draft.deviation_cause, draft.improvement,
                     evidence_places(draft.evidence), MODE_NAMES.get(draft.mode, draft.mode))


def basics(report: ReviewedReport) -> list[tuple[str, str]]:
    kinds = Counter(t.kind for t in report.tables)
    tables = "、".join(f"{KIND_NAMES[kind]}{count}张" for kind, count in kinds.items()) or "未附自评表"
    return [("被审核单位", report.unit_name or "（未识别）"), ("评价年度", f"{report.year}年度" if report.year else "（未识别）"),
            ("所附表格", tables)]


def opinion(report: ReviewedReport) -> list[str]:
    """The overall opinion: score changes, what the findings are mostly about, and what the unit should do."""
    counts = Counter(f.severity for f in report.findings)
    paragraphs = []
    changed = [s for s in report.scores if s.self_score is not None and s.recomputed_score is not None
               and abs(s.self_score - s.recomputed_score) > 0.005]
    missing = [s for s in report.scores if s.recomputed_score is None]
    unread = sum(short_of_total(report.tables[s.table]) for s in missing)  # points not all read
    unscored = len(missing) - unread  # tables printing no 分值 or 得分
    why = "，".join(([f"{unscored}张未列分值和得分"] if unscored else []) +
                   ([f"{unread}张的分值未能全部读出（有指标未能读出或表格不完整，请人工复核）"] if unread else []))
    if len(report.scores) > len(missing):
        scored = "；".join(f"{table_name(report, s.table)}自评{number(s.self_score)}分、复核{number(s.recomputed_score)}分"
                          for s in changed)
        paragraphs.append(f"经复核，所附{len(report.scores) - len(missing)}张{'计分的' if unscored else ''}自评表中有"
                          f"{len(changed)}张的复核得分与自评得分不一致" + (f"：{scored}。" if changed else "。")
                          + (f"另有自评表{why}，未复核得分。" if missing else ""))
    elif report.scores and not (unscored and unread):
        both = "均" if len(missing) > 1 else ""
        paragraphs.append(f"所附{len(missing)}张自评表{both}未列分值和得分，无法对自评得分进行复核。" if unscored else
                          f"所附{len(missing)}张自评表的分值{both}未能全部读出（有指标未能读出或表格不完整），"
                          "无法对自评得分进行复核，请人工复核。")
    elif report.scores:
        paragraphs.append(f"所附{len(missing)}张自评表中{why}，无法对自评得分进行复核。")
    elif NO_TABLE_READ in report.warnings:
        paragraphs.append(f"报告提及绩效自评表，但{NO_TABLE_READ}，请核对所附自评表后重新报送或人工复核。")
    else:
        paragraphs.append("报告未附可复核得分的绩效自评表，无法对自评得分进行复核。")
    main = [RULE_NAMES.get(rule, rule) for rule, _ in
            Counter(f.rule for f in report.findings if f.severity != "info").most_common(4)]
    paragraphs.append(f"审核共发现问题{len(report.findings)}项，其中错误{counts['error']}项、警告{counts['warning']}项、"
                      f"提示{counts['info']}项" + (f"，主要集中在{'、'.join(main)}等方面。" if main else "。"))
    if report.drafts:
        paragraphs.append(f"对{len(report.drafts)}处偏差及错误草拟了偏差原因分析及改进措施，"
                          "供单位修改完善时参考，所引数据均出自报告原文或由原文数据计算得出。")
    if counts["error"]:
        paragraphs.append("审核结论：报告存在计算或填报错误，需修改完善。请单位对照上述问题逐项核实更正，"
                          "补充完善偏差原因分析及改进措施，按复核结果调整自评得分后重新报送。")
    elif counts["warning"]:
        paragraphs.append("审核结论：报告基本符合要求，存在需要核实说明的事项。请单位对上述事项予以核实说明，完善后报送。")
    else:
        paragraphs.append("审核结论：报告符合要求，未发现需要更正的问题。")
    return paragraphs


def build_memo(report: ReviewedReport) -> Memo:
    """The memo's content for one reviewed report."""
    subject = unit_and_year(report)
    findings = {severity: [finding_item(report, f) for f in report.findings if f.severity == severity]
                for severity, _ in SEVERITIES}
    preface = (f"你单位报送的《{subject}绩效自评报告》已收悉。根据预算绩效管理有关规定，"
               "我们对报告正文及所附自评表的数据、计分和偏差说明进行了审核，现将审核意见反馈如下。")
    return Memo(title=f"关于{subject}绩效自评报告的审核意见", addressee=f"{report.unit_name or '报送单位'}：",
                preface=preface, basics=basics(report), scores=score_rows(report), findings=findings,
                drafts=[draft_item(report, d) for d in report.drafts], opinion=opinion(report))
