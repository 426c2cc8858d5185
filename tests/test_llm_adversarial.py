"""Against a model that answers in the right shape with values in the wrong places, nothing wrong gets through.

The adversarial server (tests/llm_server.py, `AdversarialLLM`) swaps columns (年初预算数 ↔
全年执行数, 分值 ↔ 得分, 指标值 ↔ 完成值, the 总分 pair), names the wrong table kind, invents an
indicator, moves breakdown amounts and figure numbers to their neighbours, and wraps its
answers in two tool calls, <think> text and fences, or cuts them off. Every value that
reaches the report is compared with the gold labels, which were read from the source.
"""
import pytest

from assistant import api
from assistant.evaluate.extraction import score_extraction
from schemas.gold import GoldReport
from tests.conftest import SAMPLE_FILES, gold_for
from tests.llm_server import AdversarialLLM, ScriptedLLM, llm_env  # noqa: F401  (fixture)


@pytest.mark.parametrize("mode", ["tools", "json"])
@pytest.mark.parametrize("sample", [SAMPLE_FILES[0], SAMPLE_FILES[1]], ids=["000", "001"])
def test_no_misplaced_or_invented_value_survives_grounding(llm_env, monkeypatch, sample, mode):
    gold = GoldReport.model_validate(gold_for(sample))
    monkeypatch.setenv("SELFEVAL_LLM_MODE", mode)
    with AdversarialLLM(gold_for(sample)) as server:
        llm_env(server.url)
        report = api.extract(sample, "llm")
    tally, _ = score_extraction(gold, report)
    wrong = tally.inventions + tally.mismatches
    assert wrong == 0, [e for e in tally.errors if not e.startswith("omitted")][:10]
    dropped = sum(int(w.split("：")[1].split(" 个值")[0]) for w in report.warnings if "个值不在原文" in w)
    assert dropped >= 30, "the adversary's misplaced values were offered and refused"
    assert tally.true_positive >= 30, "values a swap leaves in place (names, equal 分值/得分) still come through"
    assert not any("未得到合格回答" in w for w in report.warnings), "fences, <think> and two tool calls are read"
    assert any(len(r["messages"]) > 2 for r in server.requests), "truncated answers were asked again"


def test_the_faithful_server_gives_no_wrong_value_either(llm_env):
    """The same measure on the faithful oracle: what the adversary's 0 is compared against."""
    sample = SAMPLE_FILES[0]
    with ScriptedLLM(gold_for(sample)) as server:
        llm_env(server.url)
        report = api.extract(sample, "llm")
    tally, _ = score_extraction(GoldReport.model_validate(gold_for(sample)), report)
    assert tally.inventions + tally.mismatches == 0, [e for e in tally.errors if not e.startswith("omitted")][:10]
