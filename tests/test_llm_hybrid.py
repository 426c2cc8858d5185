"""Hybrid on degraded copies of the samples: what the rules miss, the LLM recovers, and nothing is lost.

The copies print the table headers in words of a template no synonym table knows (考核维度,
考核要点, 实付数, 标准分, 评定分), so the rules no longer understand those tables. The faithful
scripted server answers each chunk with what the gold labels say that chunk shows; the
measure is field F1 against the gold labels, rules alone vs hybrid. The rules still read
those tables in part (low confidence: rows with no name, values in the wrong field); hybrid
merges by source row, the LLM's grounded rows replacing the rows the rules could not explain.
The checkers run on the merged result.
"""
from assistant import api
from assistant.evaluate.extraction import Tally, score_extraction
from schemas.gold import GoldReport
from tests.conftest import ROOT, SAMPLE_FILES, eval_tool, gold_for
from tests.llm_server import AdversarialLLM, ScriptedLLM, llm_env  # noqa: F401  (fixture)

OTHER_TEMPLATE = {"一级指标": "考核维度", "二级指标": "考核方面", "三级指标": "考核要点",
                  "全年执行数": "实付金额", "执行数": "实付数", "分值": "标准分", "得分": "评定分"}


def degraded(text: str) -> str:
    """The report with every header cell that is exactly one of OTHER_TEMPLATE's words printed the other way."""
    return "\n".join("\t".join(OTHER_TEMPLATE.get(cell.strip(), cell) if cell.strip() in OTHER_TEMPLATE else cell
                               for cell in line.split("\t")) for line in text.split("\n"))


def test_hybrid_recovers_the_tables_the_rules_miss_on_degraded_samples(llm_env, capsys):
    rules_total, hybrid_total, changed = Tally(), Tally(), 0
    for sample in SAMPLE_FILES:
        gold = GoldReport.model_validate(gold_for(sample))
        text = sample.read_text(encoding="utf-8")
        copy = degraded(text)
        changed += copy != text
        document = api.load(copy.encode("utf-8"), sample.name)
        rules, _ = score_extraction(gold, api.extract(document, "rules"))
        with ScriptedLLM(gold_for(sample)) as server:
            llm_env(server.url)
            checked = api.check(document, "hybrid")
        hybrid, _ = score_extraction(gold, checked)
        assert hybrid.inventions + hybrid.mismatches <= rules.inventions + rules.mismatches, sample.name
        assert hybrid.true_positive >= rules.true_positive, sample.name
        rules_total.add(rules)
        hybrid_total.add(hybrid)
    with capsys.disabled():
        print(f"\ndegraded samples ({changed} changed): rules F1 {rules_total.f1:.4f} → hybrid F1 {hybrid_total.f1:.4f}")
    assert changed >= 3
    assert rules_total.f1 < 0.8 and hybrid_total.f1 > 0.99
    assert hybrid_total.inventions + hybrid_total.mismatches < (rules_total.inventions + rules_total.mismatches) / 50, \
        "the rows the rules misread in a half-understood table give way to the LLM's grounded rows"


RUN_TOGETHER = ("000_", "001_", "002_")  # the samples whose tables the rules read from cells (003, 004: prose copies)


def run_together_copies() -> list[tuple[str, str, GoldReport]]:
    """(id, text, gold) of each sample drawn from its gold sheet (evals/tools/render.py) with every table row
    printed as one line, its cells run together ("执法及宣传次数≧10000人次10000人次12.512加大宣传途径")."""
    paste = eval_tool("paste")
    copies = []
    for _, ident, sheet, gold in paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "nowhere"):
        if ident.startswith(RUN_TOGETHER):
            lines = [item if isinstance(item, str) else "\n".join("".join(text for text in row if text)
                                                                  for row in paste.grid(item))
                     for item in sheet.items]
            copies.append((ident, "\n".join(lines) + "\n", gold.model_copy(update={"figures": []})))
    assert len(copies) == len(RUN_TOGETHER)
    return copies


def tables_only(report):
    return report.model_copy(update={"figures": []})


def misplaced_values(report, gold: GoldReport) -> list[str]:
    """Every table value in the report that the gold does not print in that place: an indicator's target, actual,
    分值 or 得分 that no gold indicator of that name in that table has, a funds amount no gold line of that label
    has in that column, a basic-data value no gold row of that label has at that place, a 总分 weight or score of
    another column. Names and levels are not values."""
    wrong = []
    for table in report.tables:
        matches = [t for t in gold.tables if t.name == table.name] or gold.tables
        for indicator in table.indicators:
            given = {k: v for k in ("target", "actual", "weight", "score") if (v := getattr(indicator, k)) is not None}
            if given and not any(i.level3 == indicator.level3 and all(getattr(i, k) == v for k, v in given.items())
                                 for t in matches for i in t.indicators):
                wrong.append(f"{table.name} {indicator.level3} {given}")
        for line in [table.funds_total, *table.fund_lines]:
            given = {k: v for k, v in line.model_dump().items() if k not in ("label", "line") and v is not None} \
                if line else {}
            if given and not any(g and g.label == line.label and all(getattr(g, k) == v for k, v in given.items())
                                 for t in matches for g in [t.funds_total, *t.fund_lines]):
                wrong.append(f"{table.name} {line.label} {given}")
        for row in table.rows:
            given = {index: value for index, value in enumerate(row.values) if value is not None}
            if given and not any(r.label == row.label and all(index < len(r.values) and r.values[index] == value
                                                              for index, value in given.items())
                                 for t in matches for r in t.rows):
                wrong.append(f"{table.name} {row.label} {given}")
        for column in ("total_weight", "total_score"):
            value = getattr(table, column)
            if value is not None and all(getattr(t, column) != value for t in matches):
                wrong.append(f"{table.name} {column} {value}")
    return wrong


def test_hybrid_reads_tables_whose_cells_run_together(llm_env, capsys):
    """Rows printed as one line each: the rules read next to nothing; the faithful model's answers are kept where
    the text after each name is its values in the header's column order."""
    rules_total, hybrid_total = Tally(), Tally()
    for ident, text, gold in run_together_copies():
        document = api.load(text.encode("utf-8"), f"{ident}.txt")
        rules, _ = score_extraction(gold, tables_only(api.extract(document, "rules")))
        with ScriptedLLM(gold.model_dump()) as server:
            llm_env(server.url)
            report = api.extract(document, "hybrid")
        hybrid, _ = score_extraction(gold, tables_only(report))
        assert misplaced_values(report, gold) == [], ident
        # A table the rules read to its funds but not its indicators takes the model's reading of the lines after
        # it: one table, not its head and its indicators apart.
        assert [t.kind for t in report.tables] == [t.kind for t in gold.tables], ident
        rules_total.add(rules)
        hybrid_total.add(hybrid)
    with capsys.disabled():
        print(f"\nrun-together copies: rules F1 {rules_total.f1:.4f} → hybrid F1 {hybrid_total.f1:.4f}")
    assert rules_total.f1 < 0.05 and hybrid_total.f1 > 0.97


def test_no_misplaced_value_from_an_adversary_on_rows_that_run_together(llm_env):
    """Swapped 指标值/完成值, 分值/得分 and funds columns, an exchanged 总分 pair and invented rows all fail to
    reproduce a run-together row in its header's order, so none reaches the report."""
    dropped = 0
    for ident, text, gold in run_together_copies():
        document = api.load(text.encode("utf-8"), f"{ident}.txt")
        with AdversarialLLM(gold.model_dump()) as server:
            llm_env(server.url)
            report = api.extract(document, "hybrid")
        assert misplaced_values(report, gold) == [], ident
        assert "凭空捏造的指标" not in {i.level3 for t in report.tables for i in t.indicators}
        dropped += sum(w.count("与表头列序不符") for w in report.warnings)
    assert dropped >= 30, "the adversary's misplaced values were offered and refused"
