"""The one reader of narrative figures, on lines of the samples: value, unit, label, scope, period, case.

Expected values are read off the quoted source lines (evals/samples/, line numbers 1-based).
"""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant import api
from assistant.document import Paragraph
from assistant.extract.figures import read_figures, read_narrative
from tests.conftest import SAMPLES


def sample_line(prefix: str, line: int) -> str:
    [path] = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def figures_of(prefix: str, line: int):
    return read_figures(sample_line(prefix, line), line)


def test_a_breakdown_in_brackets_and_its_cut_off_date():
    # 004 l.92 "截止12月16日，我局共立案512起，结案501起（发文结案475起，不予处罚26起，涉刑移送4起。"
    figures = figures_of("004", 92)
    assert [(f.value, f.unit) for f in figures[:5]] == [(512, "起"), (501, "起"), (475, "起"), (26, "起"), (4, "起")]
    assert [f.before for f in figures[:5]] == ["我局共立案", "结案", "发文结案", "不予处罚", "涉刑移送"]
    assert {f.period for f in figures[:5]} == {"截止12月16日"}
    assert all(f.line == 92 for f in figures)


def test_a_quoted_label_names_the_figure():
    # 002 l.1672 "推动完成“个转企”145家"
    [figure] = [f for f in figures_of("002", 1672) if f.value == 145]
    assert (figure.unit, figure.quoted, figure.subject) == ("家", "个转企", "个转企")


def test_chinese_numerals_before_a_count_unit():
    # 001 l.129 "开展了七家企业的自愿性认证事后监督检查，和一家企业的自愿性认证事中监督检查"
    counts = [(f.value, f.unit) for f in figures_of("001", 129) if f.unit == "家"]
    assert counts == [(7, "家"), (1, "家")]


def test_rounds_are_not_items_and_approximate_counts_say_so():
    # 001 l.130 "开展执法案卷评查2次，评查案卷220余件"
    rounds, cases = [f for f in figures_of("001", 130) if f.value in (2, 220)]
    assert (rounds.unit, rounds.approximate) == ("次", False)
    assert (cases.unit, cases.approximate, cases.before) == ("件", True, "评查案卷")


def test_one_case_inside_a_total_is_marked():
    # 000 l.1408 "为消费者挽回损失413.26万元。其中成功调解张某投诉……一案，为消费者挽回经济损失1.2万元"
    figures = {f.value: f for f in figures_of("000", 1408) if f.unit == "万元"}
    assert figures[413.26].single_case is False
    assert figures[1.2].single_case is True


def test_a_space_before_the_unit_and_a_rate_with_its_counts():
    # 001 l.124 "央媒采发101 篇，在……省级以上媒体发稿 510余篇"
    pieces = [(f.value, f.unit, f.approximate) for f in figures_of("001", 124) if f.unit == "篇"]
    assert pieces[:2] == [(101, "篇", False), (510, "篇", True)]
    # 004 l.86 "快速检测52576批次，问题样品51批次，阴性率为99.86%"
    figures = figures_of("004", 86)
    assert [(f.value, f.unit) for f in figures if f.value in (52576, 51, 99.86)] == [
        (52576, "批次"), (51, "批次"), (99.86, "%")]


def test_per_capita_units_and_the_label_before_them():
    # 001 l.160 "每万人口发明专利拥有量7.23件"; 001 l.786 "7.31件/万人"
    [figure] = [f for f in figures_of("001", 160) if f.value == 7.23]
    assert (figure.unit, figure.before) == ("件", "每万人口发明专利拥有量")
    [cell] = figures_of("001", 786)
    assert (cell.value, cell.unit, cell.family) == (7.31, "件/万人", "件/万人")


def test_the_budget_scope_comes_from_the_chapter_heading():
    # 001 l.39 "二、一般公共预算支出情况" … l.43 "其中基本支出6879.35万元，项目支出1926.04万元"
    # l.111 "三、政府性基金预算支出情况" l.112 "2024年政府性基金预算收入23万元。其中市局机关3万元"
    document = api.load(next(SAMPLES.glob("001_*.txt")))
    figures = read_narrative(document.paragraphs)
    [project] = [f for f in figures if f.line == 43 and f.value == 1926.04]
    assert (project.scope, project.spending) == ("一般公共预算", "项目支出")
    [fund] = [f for f in figures if f.line == 112 and f.value == 3]
    assert fund.scope == "政府性基金"
    [overall] = [f for f in figures if f.line == 160 and f.value == 7.23]
    assert overall.scope is None


@pytest.mark.parametrize("text, value, unit", [
    ("实际支出1，950.5万元", 1950.5, "万元"),  # a full-width thousands separator, read once for everyone
    ("共1,234,567元", 1234567, "元"),
    ("受理投诉1.4万起", 14000, "起"),
    ("建设资金10万，", 10, "万"),  # money printed without its 元
    ("压缩至半个工作日内", 0.5, "个工作日"),
    ("二十余起", 20, "起"),
    ("整体评价98分", 98, "分"),
])
def test_numbers_and_units(text, value, unit):
    [figure] = read_figures(text, 1)
    assert (figure.value, figure.unit) == (value, unit)


def test_words_that_only_look_like_numbers_are_not_figures():
    assert not read_figures("我们一起努力，一次性办结，落实“两个责任”", 1)


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from([",", "，"]), st.sampled_from(["万元", "件", "户"]))
def test_thousands_separators_read_back(number, separator, unit):
    printed = f"{number:,}".replace(",", separator)
    [figure] = read_figures(f"共完成{printed}{unit}。", 1)
    assert (figure.value, figure.unit) == (number, unit)


def test_a_paragraph_is_read_with_its_line():
    [figure] = read_narrative([Paragraph(text="全年抽检1580批次", line=7)])
    assert (figure.value, figure.unit, figure.line, figure.before) == (1580, "批次", 7, "抽检")


@pytest.mark.parametrize("text, year", [
    # sample 001 l.42 "2024年一般公共预算收入8805.39万元": the year the sentence dates it to
    ("2024年一般公共预算收入8805.39万元", "2024"),
    ("上年度一般公共预算收入8105.39万元", "上年"),
    ("一般公共预算收入8805.39万元，较上年增加700万元", None),
    # funds carried over from a year are this year's funds; a cited document's year dates the document
    ("上年结转资金120万元", None),
    ("2023年结余资金120万元", None),
    ("根据《绩效管理办法（2018年修订）》，安排资金120万元", None),
])
def test_the_year_a_figure_is_dated_to(text, year):
    assert read_figures(text, 1)[0].year == year


@pytest.mark.parametrize("text, period", [
    ("截止12月16日，受理消费12315申诉、举报6508件", "截止12月16日"),  # sample 004
    ("截至2022年12月31日，已支付3102.5万元", None),  # the year's end is the year
    ("截至年末，全区共有市场主体31288户", None),  # sample 000 l.1365
])
def test_a_part_year_period(text, period):
    assert read_figures(text, 1)[0].period == period
