"""The LLM extractor end to end on real samples, and the checkers blind to which extractor ran.

The scripted server answers every chunk with what the gold labels say the chunk shows, so
these runs measure the pipeline around the model (chunking, windows, grounding, merging,
lines), not a model.
"""
import pytest

from assistant import api
from assistant.check import run_checks
from assistant.evaluate.extraction import score_extraction
from assistant.extract.hybrid import confidence, fill_gaps
from schemas import FundLine, Indicator, Report, Table
from schemas.gold import GoldReport
from tests.conftest import SAMPLE_FILES, gold_for
from tests.llm_server import ScriptedLLM, llm_env  # noqa: F401  (fixture)


@pytest.mark.parametrize("sample", [SAMPLE_FILES[0], SAMPLE_FILES[1], SAMPLE_FILES[3]], ids=["000", "001", "003"])
def test_llm_extraction_of_a_sample_matches_its_gold(llm_env, sample):
    gold = gold_for(sample)
    with ScriptedLLM(gold) as server:
        llm_env(server.url)
        report = api.extract(sample, "llm")
    assert Report.model_validate_json(report.model_dump_json()) == report
    tally, _ = score_extraction(GoldReport.model_validate(gold), report)
    assert tally.f1 >= 0.97, tally.errors[:20]
    assert (report.unit_name, report.year) == (gold["unit_name"], gold["year"])


def test_checks_do_not_depend_on_the_extractor_label():
    document = api.load(SAMPLE_FILES[0])
    rules = api.extract(document, "rules")
    relabelled = rules.model_copy(update={"extractor": "llm"})
    assert run_checks(relabelled, document).findings == run_checks(rules, document).findings
    assert run_checks(relabelled, document).scores == run_checks(rules, document).scores


def test_check_with_llm_extraction_is_run_checks_on_that_extraction(llm_env):
    document = api.load(SAMPLE_FILES[0])
    with ScriptedLLM(gold_for(SAMPLE_FILES[0])) as server:
        llm_env(server.url)
        checked = api.check(document, "llm")
        extracted = api.extract(document, "llm")
    assert checked.extractor == "llm"
    assert checked.findings == run_checks(extracted, document).findings
    assert checked.scores == run_checks(extracted, document).scores


def test_gaps_are_filled_but_rules_values_are_never_replaced():
    rules = Table(kind="project", name="药品监管专项", total_score=None,
                  funds_total=FundLine(label="年度资金总额", executed=2, score=None),
                  indicators=[Indicator(level3="挽回经济损失", score=6.75, weight=None, line=584)])
    llm = Table(kind="project", name="别的名称", total_score=96, title="附件2-2 专项资金绩效自评表",
                funds_total=FundLine(label="年度资金总额", executed=3, score=10),
                indicators=[Indicator(level3="挽回经济损失", score=7.5, weight=7.5, line=584),
                            Indicator(level3="规则漏读的行", score=5, weight=5, line=590),
                            Indicator(level3="维护药品安全环境", score=1, weight=2, line=578)],
                breakdown={"一般公共预算": 2})
    merged = fill_gaps(rules, llm)
    assert (merged.name, merged.total_score, merged.title) == ("药品监管专项", 96, "附件2-2 专项资金绩效自评表")
    assert (merged.funds_total.executed, merged.funds_total.score) == (2, 10)
    assert [(i.level3, i.score, i.weight) for i in merged.indicators] == [
        ("维护药品安全环境", 1, 2), ("挽回经济损失", 6.75, 7.5), ("规则漏读的行", 5, 5)], \
        "the rules' row keeps its values, the LLM's other rows are added, all in source order"
    assert merged.breakdown == {"一般公共预算": 2}


def test_a_row_the_rules_could_not_explain_gives_way_to_the_llm_row_from_the_same_source_row():
    """A header the rules half understand: they read a row with no name and the 完成值 as the target;
    the LLM's grounded row from the same source row (its cells on lines 325–331) wins, keeping only
    the rules' values it lacks; a row only the rules read stays."""
    rules = Table(kind="project", indicators=[
        Indicator(target="100%", actual="94件", deviation_note="案件办结周期延长", line=325),
        Indicator(level3="规则独读的行", target="≥1", line=340)])
    llm = Table(kind="project", indicators=[
        Indicator(level3="查处案件数", target="≥90件", actual="94件", weight=10, score=10, line=327)])
    merged = fill_gaps(rules, llm, {line: 0 for line in range(325, 332)} | {340: 1})
    assert [(i.level3, i.target, i.actual, i.score, i.deviation_note) for i in merged.indicators] == [
        ("查处案件数", "≥90件", "94件", 10, "案件办结周期延长"), ("规则独读的行", "≥1", None, None, None)]


def test_confidence_is_low_only_for_tables_read_incompletely():
    document = api.load(SAMPLE_FILES[0])
    tables = api.extract(document, "rules").tables
    assert all(confidence(t) == 1 for t in tables)
    gutted = tables[1].model_copy(update={"total_score": None, "indicators": [
        i.model_copy(update={"score": None}) for i in tables[1].indicators]})
    assert confidence(gutted) < 0.8
