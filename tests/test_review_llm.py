"""LLM drafting against a scripted OpenAI-compatible server on loopback: grounded rewrites are
kept, rewrites with invented numbers or invalid answers fall back to the template draft, the
response cache makes a second run free, and an unusable endpoint is exit code 3."""
import json
import os
import re
import sqlite3

import pytest

from assistant import api
from assistant.errors import LLMUnavailable
from assistant.llm.prompts import load_prompt
from assistant.review import review_report
from assistant.review.memo import table_name
from tests.conftest import SAMPLES, gold_for
from tests.llm_server import INVENTED, REWORDED, ScriptedReviewer

SAMPLE = SAMPLES / "002_1b038c9877a00c9c.txt"


@pytest.fixture
def endpoint(monkeypatch, tmp_path):
    """A scripted reviewer model, and the environment pointing at it with a fresh cache and log."""

    def start(script=(), default="ok", aim=None):
        server = ScriptedReviewer(gold_for(SAMPLE), list(script), default)
        server.aim = aim
        for name, value in {"SELFEVAL_LLM_BASE_URL": server.url, "SELFEVAL_LLM_API_KEY": "test",
                            "SELFEVAL_LLM_MODEL": "scripted", "SELFEVAL_LLM_MODE": "tools",
                            "SELFEVAL_LLM_BACKOFF": "0", "SELFEVAL_LLM_REASKS": "0",
                            "SELFEVAL_LLM_CACHE_DIR": str(tmp_path / "cache"),
                            "SELFEVAL_LLM_LOG": str(tmp_path / "log.sqlite3"),
                            "SELFEVAL_LLM_CONFIG": str(tmp_path / "none.toml")}.items():
            monkeypatch.setenv(name, value)
        return server

    return start


@pytest.fixture(scope="module")
def checked():
    document = api.load(SAMPLE)
    return api.check(document), document


def test_grounded_rewrites_replace_the_template_and_a_second_run_is_served_from_the_cache(endpoint, checked):
    report, document = checked
    template = review_report(report, document)
    with endpoint() as server:
        first = review_report(report, document, "llm")
        calls = len(server.requests)
        second = review_report(report, document, "llm")
    assert calls == len(template.drafts) and len(server.requests) == calls
    assert all(d.mode == "llm" and d.deviation_cause.startswith(REWORDED) for d in first.drafts)
    assert [d.evidence for d in first.drafts] == [d.evidence for d in template.drafts]
    assert second.model_dump() == first.model_dump()
    assert any(template.drafts[0].deviation_cause in r["messages"][-1]["content"] for r in server.requests)
    assert all("<material-" in r["messages"][-1]["content"] for r in server.requests)
    with sqlite3.connect(os.environ["SELFEVAL_LLM_LOG"]) as log:
        logged = log.execute("SELECT prompt, prompt_version, cache_hit, outcome FROM calls").fetchall()
    version = load_prompt("review_draft").version
    assert sorted(set(logged)) == [("review_draft", version, 0, "ok"), ("review_draft", version, 1, "ok")]
    assert len(logged) == 2 * calls


def where(report, draft) -> tuple[str, ...]:
    """Texts only this draft's material holds together: its place (table and row) and its template text. Either
    alone can repeat (002 prints 为消费者挽回经济损失 in two tables; a table has several whole-table drafts)."""
    return f"位置：{table_name(report, draft.table)}·{draft.row or '（整表）'}", draft.deviation_cause


def test_a_rewrite_with_an_invented_number_is_rejected_for_the_template(endpoint, checked):
    report, document = checked
    template = review_report(report, document)
    aimed = template.drafts[1]
    with endpoint(script=["invent"], aim=where(report, aimed)):
        reviewed = review_report(report, document, "llm")
    [kept] = [d for d in reviewed.drafts if d.mode == "template"]
    assert kept.model_dump() == aimed.model_dump()
    assert any(str(INVENTED) in w and "保留模板草稿" in w for w in reviewed.warnings)
    assert all(str(INVENTED) not in d.deviation_cause for d in reviewed.drafts)


def test_an_invalid_answer_keeps_the_template_and_says_so(endpoint, checked):
    report, document = checked
    aimed = review_report(report, document).drafts[-1]
    with endpoint(script=["missing"], aim=where(report, aimed)):
        reviewed = review_report(report, document, "llm")
    [kept] = [d for d in reviewed.drafts if d.mode == "template"]
    assert kept.model_dump() == aimed.model_dump()
    assert any("模型未给出有效草稿" in w for w in reviewed.warnings)


def test_an_endpoint_that_keeps_failing_is_llm_unavailable(endpoint, checked):
    report, document = checked
    with endpoint(default="500"), pytest.raises(LLMUnavailable):
        review_report(report, document, "llm")
