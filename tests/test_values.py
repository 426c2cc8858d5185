"""The value parser: numbers, Chinese numerals, percentages, units, comparators, dates, qualitative targets."""
import pytest

from assistant.values import chinese_to_number, parse_number, parse_target, repeats_comparator


@pytest.mark.parametrize("text, value", [
    ("　 12.5", 12.5), ("完成得0.5分", 0.5), ("1,234.5", 1234.5), ("５６．７０％", 56.7), ("", None), ("——", None),
    ("三万五千", 35000), ("十二", 12),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [("一千二百", 1200), ("十", 10), ("两百零五", 205), ("三亿", 3e8), ("abc", None)])
def test_chinese_numerals(text, value):
    assert chinese_to_number(text) == value


@pytest.mark.parametrize("text, kind, comparator, value, unit", [
    ("≧10000人次", "number", "≥", 10000, "人次"),
    ("≤760元/批次", "number", "≤", 760, "元/批次"),
    ("不低于95%", "number", "≥", 95, "%"),
    ("不超过15天", "number", "≤", 15, "天"),
    ("2个工作日以内", "number", "≤", 2, "个工作日"),
    ("90%以上", "number", "≥", 90, "%"),
    ("≥1.5万件", "number", "≥", 15000, "件"),
    ("≥200万元", "number", "≥", 200, "万元"),
    ("≥5.8件/万人", "number", "≥", 5.8, "件/万人"),
    ("达到三万户", "number", "≥", 30000, "户"),
    ("低于5%", "number", "<", 5, "%"),
    ("高于90%", "number", ">", 90, "%"),
    ("大于等于3个", "number", "≥", 3, "个"),
    ("﹦100%", "number", "=", 100, "%"),
    ("逐步提高", "qualitative", None, None, None),
    # 一次性 (at the first try: a 文物 project's l.18 "一次性通过省文物局验收 | 一次性") and 一站式 count nothing
    ("一次性通过省文物局验收", "qualitative", None, None, None),
    ("一站式服务", "qualitative", None, None, None),
    ("召开会议三次", "number", None, 3, "次"),
    ("控制在标准以内", "qualitative", "≤", None, None),
    ("不适应", "not_applicable", None, None, None),
    ("", "empty", None, None, None),
])
def test_parse_target(text, kind, comparator, value, unit):
    quantity = parse_target(text)
    assert (quantity.kind, quantity.comparator, quantity.value, quantity.unit) == (kind, comparator, value, unit)


@pytest.mark.parametrize("text, comparator, date", [
    ("2022年12月31日前", "≤", (2022, 12, 31)), ("2022年末前", "≤", (2022, 12, 31)), ("2024年12月5日", "=", (2024, 12, 5)),
    # a month with no year is in the report's year (0 here): Anhui Jinzhai's 时效指标 9月前 / 7月, 11月前 / 10月
    ("9月前", "≤", (0, 9, 28)), ("7月", "=", (0, 7, 28)), ("12月底之前完成", "≤", (0, 12, 31)), ("10月15日", "=", (0, 10, 15)),
    # a schedule month by month (Huangshi 海绵城市 l.13) is due by its last month, no count of "6 月份完成宣传"
    ("6月份完成宣传片制作;9月份完成文本;11月完成专家评审", "≤", (0, 11, 28)),
])
def test_dates_and_deadlines(text, comparator, date):
    quantity = parse_target(text)
    assert (quantity.kind, quantity.comparator, quantity.date) == ("date", comparator, date)


def test_actual_that_only_repeats_the_target():
    assert repeats_comparator(parse_target("≥95%"))
    assert not repeats_comparator(parse_target("95%"))


def test_a_month_deadline_is_met_or_missed_by_the_month_done():
    from assistant.check.assess import assess
    from schemas import Indicator

    def status(target: str, actual: str) -> str:
        return assess(Indicator(level3="完成验收时间", target=target, actual=actual, weight=5, score=5)).status

    assert status("9月前", "7月") == "met"
    assert status("11月前", "12月") == "missed"
    assert status("2022年12月31日前", "11月") == "met"  # the month taken in the target's year
    assert parse_target("12个月").kind == "number"  # a duration, not a month
