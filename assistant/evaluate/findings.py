"""Precision and recall of the checkers' findings against the gold defects.

A finding matches a defect when the rule is the same, the table is the same (through the
gold→extracted table mapping), and the row is the same or the two share a number, or, when
they do not both state other figures, an evidence line.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import BadInput
from assistant.values import normalize_text
from schemas import Finding
from schemas.gold import Defect, GoldReport

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers_in(*texts: str | None) -> set[float]:
    return {round(float(n), 2) for text in texts if text for n in NUMBER.findall(text)}


def matches(finding: Finding, defect: Defect, table_map: dict[int, int]) -> bool:
    if finding.rule != defect.rule:
        return False
    gold_table = table_map.get(defect.table) if defect.table is not None else None
    if finding.table != gold_table:
        return False
    if defect.row and finding.row and normalize_text(defect.row) == normalize_text(finding.row):
        return True
    finding_numbers = numbers_in(finding.expected, finding.actual) - {0.0, 100.0}
    defect_numbers = numbers_in(defect.expected, defect.actual, defect.explanation)
    if finding_numbers & defect_numbers:
        return True
    if finding_numbers and numbers_in(defect.expected, defect.actual) - {0.0, 100.0}:
        return False  # both state the figures that disagree, and they are other figures: another defect on that line
    finding_lines = {e.line for e in finding.evidence if e.line}
    return bool(finding_lines & {e.line for e in defect.evidence if e.line})


@dataclass
class FindingScore:
    matched_findings: int = 0
    findings: int = 0
    matched_defects: int = 0
    defects: int = 0
    doubtful: int = 0  # findings left to a manual check, not scored
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    def add(self, other: "FindingScore") -> None:
        self.matched_findings += other.matched_findings
        self.findings += other.findings
        self.matched_defects += other.matched_defects
        self.defects += other.defects
        self.doubtful += other.doubtful
        self.missed += other.missed
        self.unmatched += other.unmatched

    @property
    def precision(self) -> float:
        return self.matched_findings / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.matched_defects / self.defects if self.defects else 1.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "findings": self.findings, "defects": self.defects, "doubtful": self.doubtful,
                "matched_findings": self.matched_findings, "matched_defects": self.matched_defects}


def score_findings(findings: list[Finding], defects: list[Defect], table_map: dict[int, int]) -> FindingScore:
    """A finding left to a manual check because its table may be misread (`doubt`) claims no defect: it is neither
    counted against precision nor credited to recall."""
    claims = [f for f in findings if not f.doubt]
    score = FindingScore(findings=len(claims), defects=len(defects), doubtful=len(findings) - len(claims))
    for defect in defects:
        if any(matches(f, defect, table_map) for f in claims):
            score.matched_defects += 1
        else:
            score.missed.append(f"{defect.rule} t{defect.table} {defect.row}: {defect.explanation[:80]}")
    for finding in claims:
        if any(matches(finding, d, table_map) for d in defects):
            score.matched_findings += 1
        else:
            score.unmatched.append(f"{finding.rule} t{finding.table} {finding.row}: {finding.message[:80]}")
    return score


def score_field_split(directories: list[Path], extractor: str = "rules") -> FindingScore:
    """Findings against the gold defects of one split of the field set (in each of `directories`): each `<id>.txt`
    beside its `<id>.json`.

    A file the tool refuses as input counts every defect in it as missed.
    """
    from assistant import api
    from assistant.evaluate.extraction import score_extraction

    score = FindingScore()
    for gold_path in sorted(path for directory in directories for path in directory.glob("*.json")):
        gold = GoldReport.model_validate_json(gold_path.read_text(encoding="utf-8"))
        try:
            document = api.load(gold_path.with_suffix(".txt"))
        except BadInput:
            score.add(score_findings([], gold.defects, {}))
            continue
        report = api.extract(document, extractor)
        _, table_map = score_extraction(gold, report)
        score.add(score_findings(api.check_extracted(report, document).findings, gold.defects, table_map))
    return score
