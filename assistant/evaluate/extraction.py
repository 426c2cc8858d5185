"""Field-level precision/recall/F1 of an extraction against its gold labels.

Rows are matched by key, never by position: tables by (kind, name) and order within a
kind, indicators by their level names, fund lines and basic-data rows by label. For each
field: equal → true positive; gold only → omission; extracted only → invention; both
present but different → mismatch (one false positive and one false negative).
"""
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import BadInput
from assistant.values import normalize_text
from schemas import Report, Source, Table
from schemas.gold import GoldReport

INDICATOR_FIELDS = ("level1", "level2", "level3", "target", "actual", "weight", "score", "deviation_note")
FUND_FIELDS = ("initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score")
TABLE_FIELDS = ("kind", "title", "name", "total_weight", "total_score")
FIELD = Path(__file__).resolve().parents[2] / "evals" / "field"


@dataclass
class Tally:
    true_positive: int = 0
    omissions: int = 0
    inventions: int = 0
    mismatches: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.true_positive += other.true_positive
        self.omissions += other.omissions
        self.inventions += other.inventions
        self.mismatches += other.mismatches
        self.errors += other.errors

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.inventions + self.mismatches
        return self.true_positive / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.omissions + self.mismatches
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"f1": round(self.f1, 4), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "true_positive": self.true_positive, "omissions": self.omissions,
                "inventions": self.inventions, "mismatches": self.mismatches}


def same(gold, predicted) -> bool:
    if isinstance(gold, (int, float)) and isinstance(predicted, (int, float)):
        return abs(float(gold) - float(predicted)) <= 1e-6 * max(1.0, abs(float(gold)))
    return normalize_text(str(gold)) == normalize_text(str(predicted))


def compare(tally: Tally, where: str, gold, predicted) -> None:
    if gold in (None, "") and predicted in (None, ""):
        return
    if gold in (None, ""):
        tally.inventions += 1
        tally.errors.append(f"invented {where}: {predicted!r}")
    elif predicted in (None, ""):
        tally.omissions += 1
        tally.errors.append(f"omitted {where}: {gold!r}")
    elif same(gold, predicted):
        tally.true_positive += 1
    else:
        tally.mismatches += 1
        tally.errors.append(f"mismatch {where}: gold {gold!r} ≠ {predicted!r}")


def keyed(items, key) -> dict:
    """Items by (key, occurrence of that key), so repeated names still match one to one."""
    seen: Counter = Counter()
    result = {}
    for item in items:
        k = key(item)
        result[(k, seen[k])] = item
        seen[k] += 1
    return result


def compare_records(tally: Tally, where: str, gold: dict, predicted: dict, fields) -> None:
    for name in fields:
        compare(tally, f"{where}.{name}", gold.get(name), predicted.get(name))


def compare_keyed(tally: Tally, where: str, gold_items: dict, predicted_items: dict, fields) -> None:
    for key in gold_items.keys() | predicted_items.keys():
        gold = gold_items.get(key)
        predicted = predicted_items.get(key)
        compare_records(tally, f"{where}[{key[0]}]", gold or {}, predicted or {}, fields)


def indicator_key(indicator: dict) -> tuple:
    return tuple(normalize_text(indicator.get(n) or "") for n in ("level1", "level2", "level3"))


def compare_table(tally: Tally, where: str, gold: Table, predicted: Table | None) -> None:
    g = gold.model_dump()
    p = predicted.model_dump() if predicted else {}
    compare_records(tally, where, g, p, TABLE_FIELDS)
    compare_records(tally, f"{where}.funds_total", g.get("funds_total") or {}, p.get("funds_total") or {},
                    FUND_FIELDS)
    compare_keyed(tally, f"{where}.fund_lines", keyed(g["fund_lines"], lambda f: normalize_text(f["label"])),
                  keyed(p.get("fund_lines", []), lambda f: normalize_text(f["label"])), FUND_FIELDS)
    for key in set(g["breakdown"]) | set(p.get("breakdown", {})):
        compare(tally, f"{where}.breakdown[{key}]", g["breakdown"].get(key), p.get("breakdown", {}).get(key))
    compare_records(tally, f"{where}.goals", g["goals"], p.get("goals") or {}, ("expected", "achieved"))
    compare_keyed(tally, f"{where}.indicators", keyed(g["indicators"], indicator_key),
                  keyed(p.get("indicators", []), indicator_key), INDICATOR_FIELDS)
    gold_rows = keyed(g["rows"], lambda r: normalize_text(r["label"]))
    predicted_rows = keyed(p.get("rows", []), lambda r: normalize_text(r["label"]))
    for key in gold_rows.keys() | predicted_rows.keys():
        gold_values = (gold_rows.get(key) or {}).get("values", [])
        predicted_values = (predicted_rows.get(key) or {}).get("values", [])
        for index in range(max(len(gold_values), len(predicted_values))):
            compare(tally, f"{where}.rows[{key[0]}][{index}]",
                    gold_values[index] if index < len(gold_values) else None,
                    predicted_values[index] if index < len(predicted_values) else None)


def match_tables(gold: list[Table], predicted: list[Table]) -> dict[int, int]:
    """Gold table index → extracted table index, by kind and name, then by order within a kind."""
    matches: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and p.kind == g.kind and g.name and same(g.name, p.name or ""):
                matches[gi] = pi
                used.add(pi)
                break
    by_kind: dict[str, list[int]] = defaultdict(list)
    for pi, p in enumerate(predicted):
        if pi not in used:
            by_kind[p.kind].append(pi)
    for gi, g in enumerate(gold):
        if gi not in matches and by_kind[g.kind]:
            matches[gi] = by_kind[g.kind].pop(0)
    return matches


def score_extraction(gold: GoldReport, report: Report) -> tuple[Tally, dict[int, int]]:
    tally = Tally()
    compare(tally, "unit_name", gold.unit_name, report.unit_name)
    compare(tally, "year", gold.year, report.year)
    matches = match_tables(gold.tables, report.tables)
    for gi, table in enumerate(gold.tables):
        pi = matches.get(gi)
        compare_table(tally, f"tables[{gi}]", table, report.tables[pi] if pi is not None else None)
    for pi, table in enumerate(report.tables):
        if pi not in matches.values():
            compare_table(tally, f"extra_tables[{pi}]", Table(kind=table.kind), table)
    gold_figures = Counter((f.line, round(f.value, 4), normalize_text(f.unit or "")) for f in gold.figures)
    found_figures = Counter((f.line, round(f.value, 4), normalize_text(f.unit or "")) for f in report.figures)
    hits = sum((gold_figures & found_figures).values())
    tally.true_positive += hits
    tally.omissions += sum(gold_figures.values()) - hits
    tally.inventions += sum(found_figures.values()) - hits
    tally.errors += [f"omitted figure {k}" for k in (gold_figures - found_figures)]
    tally.errors += [f"invented figure {k}" for k in (found_figures - gold_figures)]
    return tally, matches


def field_directories() -> list[Path]:
    """The field set: evals/field/ in the repository, or the directories SELFEVAL_FIELD lists (os.pathsep)."""
    listed = os.environ.get("SELFEVAL_FIELD")
    return [Path(p) for p in listed.split(os.pathsep) if p] if listed else [FIELD]


def score_field_set(directories: list[Path], extractor: str = "rules") -> dict:
    """Extraction F1 of each split (dev, test) and of each breakage family within it.

    Only dev lists its errors: test's failures are never shown, so it cannot be tuned on.
    """
    from assistant import api

    result: dict = {}
    for split in ("dev", "test"):
        total, families, files = Tally(), defaultdict(Tally), 0
        for directory in directories:
            for gold_path in sorted((directory / split).glob("*.json")):
                text_path = gold_path.with_suffix(".txt")
                if not text_path.exists():
                    continue
                gold = GoldReport.model_validate_json(gold_path.read_text(encoding="utf-8"))
                try:
                    report = api.extract(api.load(text_path), extractor)
                except BadInput:
                    # Refused as not a report: every labelled field is missed.
                    report = Report(source=Source(name=text_path.name, sha256="", format="txt"))
                tally, _ = score_extraction(gold, report)
                tally.errors = [f"{gold_path.stem}: {error}" for error in tally.errors]
                total.add(tally)
                for family in (gold.model_extra or {}).get("families", []):
                    families[family].add(tally)
                files += 1
        if not files:
            continue
        scores = total.as_dict()
        if split == "dev":
            scores["errors"] = total.errors
        result[split] = {"files": files, **scores,
                         "families": {name: round(t.f1, 4) for name, t in sorted(families.items())}}
    return result
