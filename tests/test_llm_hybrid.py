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
from tests.conftest import SAMPLE_FILES, gold_for
from tests.llm_server import ScriptedLLM, llm_env  # noqa: F401  (fixture)

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
