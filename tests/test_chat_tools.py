"""The chat's tools on a real report: the safe calculator, BM25 passage search, fuzzy lookups and
the JSON surface a model calls."""
import functools

import pytest

from assistant import api
from assistant.chat.calculator import calculate
from assistant.chat.tools import ReportTools
from assistant.errors import BadInput
from tests.conftest import SAMPLES


@functools.cache
def tools_of(name: str) -> ReportTools:
    document = api.load(SAMPLES / name)
    return ReportTools(api.check(document), document)


def test_the_calculator_does_arithmetic_in_the_signs_reports_use():
    assert calculate("1774.18÷1824.18×100") == pytest.approx(97.2590, abs=1e-4)
    assert calculate("（70+69.88）−139.98") == pytest.approx(-0.1)
    assert calculate("-(3)+1,000") == 997
    assert calculate("50%*12") == pytest.approx(6)
    assert calculate("+".join(["0.5"] * 98)) == pytest.approx(49)


@pytest.mark.parametrize("expression", ["__import__('os').system('true')", "2**1000000", "a+1", "1/0", "", "1;2",
                                        "[1,2]", "True+1", "(lambda: 1)()", "9" * 3000,
                                        "-" * 1999 + "1"])
def test_the_calculator_refuses_anything_but_arithmetic(expression):
    with pytest.raises(BadInput):
        calculate(expression)


def test_search_finds_the_sentences_that_share_the_most_telling_words():
    tools = tools_of("000_9f4ecd25e267d59e.txt")
    [best, *_] = tools.search("为消费者挽回损失")
    assert "挽回损失413.26万元" in best.text and best.line == 1408
    assert all(p.line for p in tools.search("消费投诉 办结"))
    assert tools.search("固定资产 总额 年末")  # no shared word: still the nearest text, never nothing


def test_lookup_reads_fund_lines_indicators_breakdown_and_basic_data_by_fuzzy_name():
    shigu, yiyang = tools_of("000_9f4ecd25e267d59e.txt"), tools_of("001_8744007de10ea853.txt")
    executed = shigu.best("药品监管 执行数", column="executed").fact
    assert (executed.value, executed.line, executed.place) == (2.0, 469, "药品监管专项")
    satisfaction = shigu.best("特种设备 社会公众满意 得分", column="score").fact
    assert (satisfaction.value, satisfaction.row, satisfaction.line) == (8.0, "社会公众满意度", 850)
    assert shigu.best("非税收入拨款").fact.value == 50.0
    three_public = yiyang.best("2023年三公经费决算", column="final", year=2023).fact
    assert (three_public.value, three_public.heading) == (86.25, "2023年决算数")


def test_narrative_figures_are_named_by_the_words_before_or_after_them():
    tools = tools_of("004_cc7bd27ce374c8f5.txt")
    assert tools.best("人员经费").fact.value == 5788.54
    assert tools.best("发展ODR企业").fact.value == 10  # "发展10家ODR企业": the count comes first
    assert tools.best("立案", near=tools.best("结案").fact).fact.line == tools.best("结案").fact.line


def test_a_lookup_for_what_the_report_lacks_finds_nothing_good_enough():
    tools = tools_of("002_1b038c9877a00c9c.txt")
    assert tools.best("单位年末固定资产总额") is None
    assert tools.best("“维修（护）设备数量”指标 年度指标值", column="target") is None


def test_the_tools_a_model_calls_answer_in_json_and_report_errors_as_data():
    tools = tools_of("002_1b038c9877a00c9c.txt")
    found = tools.call("lookup", {"name": "运行维护费 年度资金总额", "column": "executed"})
    assert found["results"][0] | {"match": 0} == {
        "name": "运行维护费·年度资金总额·全年执行数", "value": 32.15, "text": "32.15", "unit": "万元",
        "source": "table", "quote": "32.15", "line": 956, "match": 0}
    assert tools.call("calculate", {"expression": "56.7-32.15"}) == {"value": 24.55}
    assert "error" in tools.call("calculate", {"expression": "open('x')"})
    assert "error" in tools.call("lookup", {"name": "x", "column": "salary"})
    assert "error" in tools.call("rm", {})
    assert len(tools.call("findings", {})["findings"]) == len(tools.report.findings)
    assert [t["name"] for t in tools.call("tables", {})["tables"]][2:] == ["业务工作经费", "运行维护费", "编外用工人员经费"]
    assert 1680 in [p["line"] for p in tools.call("search", {"query": "运行维护经费 差距"})["passages"]]
