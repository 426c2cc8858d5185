"""The gold set is grounded in the sources and agrees with an independent second labelling."""
import json
import re

from assistant.evaluate.extraction import INDICATOR_FIELDS, Tally, compare, compare_table
from assistant.values import normalize_text
from schemas import Table
from schemas.gold import GoldReport
from tests.conftest import GOLD, SAMPLE_FILES, SAMPLES, gold_for

INDEPENDENT = GOLD / "independent"


def source_text(name: str) -> str:
    return normalize_text((SAMPLES / name).read_text(encoding="utf-8"))


def printed(value: float) -> str:
    """A pattern for a number as a report may print it: 5364.7 → 5364.7 or 5364.70; 10 → 10 or 10.00."""
    text = f"{value:g}"
    tail = "0*" if "." in text else r"(?:\.0+)?"
    return rf"(?<![\d.]){re.escape(text)}{tail}(?![\d])"


def table_texts(table: Table) -> list[str]:
    texts = [table.name, table.goals.expected, table.goals.achieved]
    for indicator in table.indicators:
        texts += [indicator.level3, indicator.target, indicator.actual, indicator.deviation_note]
    for row in table.rows:
        texts += [row.label, *row.values]
    return [t for t in texts if t]


def test_every_gold_text_and_number_appears_in_its_source():
    for sample in SAMPLE_FILES:
        gold = GoldReport.model_validate(gold_for(sample))
        source = source_text(gold.source)
        raw = (SAMPLES / gold.source).read_text(encoding="utf-8")
        for table in gold.tables:
            for text in table_texts(table):
                assert normalize_text(text) in source, (gold.source, text)
            lines = [table.funds_total] if table.funds_total else []
            for fund in lines + table.fund_lines:
                for value in (fund.initial_budget, fund.full_year_budget, fund.executed, fund.weight, fund.score):
                    assert value is None or re.search(printed(value), raw), (gold.source, value)
        for figure in gold.figures:
            assert normalize_text(figure.quote) in source, (gold.source, figure.quote)
        for item in gold.defects + gold.qa:
            for evidence in item.evidence:
                assert normalize_text(evidence.quote) in source, (gold.source, evidence.quote)


def test_gold_covers_every_sample_and_enough_questions():
    golds = [GoldReport.model_validate(gold_for(s)) for s in SAMPLE_FILES]
    assert sum(len(g.qa) for g in golds) >= 50 and all(len(g.qa) >= 10 for g in golds)
    assert all(g.defects for g in golds)


def agreement(gold: GoldReport, other: GoldReport) -> Tally:
    """Field agreement over the tables the second labeller read; indicators paired by source line."""
    tally = Tally()
    for table in other.tables:
        mine = next(t for t in gold.tables if t.kind == table.kind and t.line == table.line)
        rows = {i.line: i for i in mine.indicators}
        compare_table(tally, f"{gold.source}:{table.line}", mine.model_copy(update={"indicators": []}),
                      table.model_copy(update={"indicators": [], "goals": mine.goals}))
        for indicator in table.indicators:
            ours = rows.get(indicator.line)
            for name in INDICATOR_FIELDS:
                compare(tally, f"{table.line}:{indicator.line}.{name}", getattr(ours, name, None), getattr(indicator, name))
    return tally


def test_gold_agrees_with_an_independent_labelling():
    total = Tally()
    for path in sorted(INDEPENDENT.glob("*.json")):
        other = GoldReport.model_validate(json.loads(path.read_text(encoding="utf-8")))
        gold = GoldReport.model_validate(json.loads((GOLD / path.name).read_text(encoding="utf-8")))
        total.add(agreement(gold, other))
    assert total.true_positive > 500
    assert total.f1 >= 0.97, total.errors
