"""Property-based tests of the value parser: no text crashes it, and printed numbers read back."""
import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.values import Quantity, chinese_to_number, parse_number, parse_target

DIGITS = "零一二三四五六七八九"
# Characters reports are made of, so generated text hits the parser's branches, not only its early exits.
REPORT_ALPHABET = st.sampled_from(list(
    "0123456789０１２３４５６７８９.．,，%％-+≥≧≤≦<>=＜＞＝年月日前后以上以下以内万亿元千百十零〇一二两三四五六七八九"
    "人次个件批户天不低于高超过达到控制在逐步提高不适用无/—  \u3000\t\n"))
report_text = st.text(REPORT_ALPHABET, max_size=40)
any_text = st.one_of(st.text(max_size=60), report_text)


def section_numeral(number: int) -> str:
    """1 ≤ number ≤ 9999 in Chinese: 1005 → 一千零五, 110 → 一百一十."""
    text, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            zero = zero or bool(text)
            continue
        text += ("零" if zero else "") + DIGITS[digit] + unit
        zero = False
    return text


def chinese_numeral(number: int) -> str:
    """The standard Chinese reading of 0 ≤ number < 10¹²: 10 → 十, 100050000 → 一亿零五万."""
    if number == 0:
        return "零"
    text, zero = "", False
    for scale, unit in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        section = number // scale % 10_000
        if section == 0:
            zero = zero or bool(text)
            continue
        text += ("零" if text and (zero or section < 1000) else "") + section_numeral(section) + unit
        zero = False
    return text[1:] if text.startswith("一十") else text


@given(any_text)
@settings(deadline=None)
@example("")
@example("——")
@example("1,,2")
@example("-.")
@example("万")
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(any_text)
@settings(deadline=None)
@example("≥2022年12月31日前")
@example("≧万人次")
@example("达到99999999999999999999%")
@example("〇十一")
def test_parse_target_never_raises(text):
    quantity = parse_target(text)
    assert isinstance(quantity, Quantity)
    assert quantity.kind in ("number", "date", "qualitative", "not_applicable", "empty")
    if quantity.kind == "number":
        assert quantity.value is not None and not math.isnan(quantity.value)


@given(any_text)
@settings(deadline=None)
def test_chinese_to_number_never_raises(text):
    value = chinese_to_number(text)
    assert value is None or value >= 0


@given(st.integers(min_value=0, max_value=10**12 - 1))
@settings(deadline=None)
@example(10)
@example(15)
@example(100_005)
@example(120_000)
@example(100_000_000)
@example(1_000_050_000)
def test_chinese_numerals_read_back(number):
    assert chinese_to_number(chinese_numeral(number)) == number


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(amounts, st.sampled_from(["{}", "{:,}", " {} ", "\u3000{}", "{}分", "完成得{}分", "{}万元", "{}%"]))
@settings(deadline=None)
def test_printed_numbers_read_back(amount, template):
    assert parse_number(template.format(amount)) == float(amount)


@given(amounts)
@settings(deadline=None)
def test_full_width_digits_read_back(amount):
    full_width = str(amount).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    assert parse_number(full_width) == float(amount)


@given(amounts, st.sampled_from([("≥", "≥"), ("≧", "≥"), ("≤", "≤"), ("≦", "≤"), ("不低于", "≥"), ("不超过", "≤"),
                                 ("=", "=")]),
       st.sampled_from(["%", "万元", "人次", "个工作日", "件"]))
@settings(max_examples=200, deadline=None)
def test_targets_read_back(amount, comparator, unit):
    printed, symbol = comparator
    quantity = parse_target(f"{printed}{amount}{unit}")
    read = (quantity.kind, quantity.comparator, quantity.value, quantity.unit)
    assert read == ("number", symbol, float(amount), unit)


@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=28))
@settings(deadline=None)
def test_dates_read_back(year, month, day):
    quantity = parse_target(f"{year}年{month}月{day}日前")
    assert (quantity.kind, quantity.comparator, quantity.date) == ("date", "≤", (year, month, day))
