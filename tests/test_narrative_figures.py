"""The one reader of narrative figures, on lines of the samples: value, unit, label, scope, period, case.

Expected values are read off the quoted source lines (evals/samples/, line numbers 1-based).
"""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant import api
from assistant.document import Paragraph
from assistant.extract.figures import clause_around, read_figures, read_narrative
from assistant.extract.narrative import as_simplified, extract_figures
from tests.conftest import ROOT, SAMPLES


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


DEV = ROOT / "evals" / "field" / "dev"


def key_figures(name: str, line: int) -> list[tuple[float, str]]:
    report = api.extract(api.load(DEV / f"{name}.txt"), "rules")
    return [(f.value, f.unit) for f in report.figures if f.line == line]


def test_a_space_a_viewer_put_after_the_decimal_point_stays_inside_the_number():
    # jiangxi_nanchang l.3 "烈士纪念设施维修项目:预算35. 3万元,2022年全 年实际支付35. 3万元,使用率100%"
    assert key_figures("jiangxi_nanchang_2022_lieshilingyuan", 3) == [(35.3, "万元"), (35.3, "万元")]
    # a list's number before an amount is no decimal point: "2. 50万元" is item 2, 50万元
    assert [(f.value, f.unit) for f in read_figures("1. 50万元用于设备购置，2. 30万元用于培训", 1)] == [
        (50, "万元"), (30, "万元")]
    # … also run into the words before it
    assert [(f.value, f.unit) for f in read_figures("具体如下1. 50万元用于设备购置", 1)] == [(50, "万元")]


def test_ten_thousand_before_a_unit_in_letters_is_no_money():
    # sichuan_lushan l.20 "项目区综合治理后年保土量3.51万t;保土率59.79%。"
    assert key_figures("sichuan_lushan_nd_xichuanhe", 20) == []
    assert all(f.family != "money" for f in read_figures("年保土量3.51万t;新增库容1.2万m³", 20))


def passages_of(lines: list[str]) -> list[Paragraph]:
    return [Paragraph(text=text, line=number) for number, text in enumerate(lines, 1)]


def test_a_self_score_whose_words_end_the_line_before():
    # sichuan_shengji_2017 l.23 "2017 年整体支出开展绩 效自评,自评得分" / l.24 "90 分,存在的问题:…"
    assert (90, "分") in key_figures("sichuan_shengji_2017_bumendefen", 24)


def test_a_figure_broken_by_a_line_break_is_read_once_on_the_line_it_starts():
    # jiangxi_nanchang l.5 "…项目: 预算1616万元,2022年全年实际支付1616万元,使用率 100%o…", broken as a viewer breaks lines
    lines = ["4、南昌市烈士陵园整体提升改造工程(一期)项目: 预算1616", "万元,2022年全年实际支付35.",
             "3万元,使用率 100%o具体评价范围为:全面完成11500平方米烈士纪念广场"]
    report = extract_figures(passages_of(lines))
    assert [(f.line, f.value, f.unit, f.label) for f in report] == [
        (1, 1616, "万元", "预算"), (2, 35.3, "万元", "全年实际支付")]


def test_a_heading_is_no_part_of_the_sentence_below_it():
    report = extract_figures(passages_of(["(二)项目资金使用情况", "全年实际支出985.19万元。"]))
    assert [(f.line, f.value, f.label) for f in report] == [(2, 985.19, "全年实际支出")]


def test_a_self_score_printed_without_its_points():
    # fujian_ningde_2023 l.2 "…社會效益目標15分,服務對象滿意度15分,總得分90,,(二)項目績效目標完成情況…"
    assert (90, "分") in key_figures("fujian_ningde_2023_rencaiyizhan", 2)
    # a number before a stop after other words stays unread: a phone number, a rate printed without its %
    figures = read_figures("联系电话12345678，完成率100,总得分90。", 1)
    assert [(f.value, f.unit) for f in figures] == [(90, "分")]


# A narrative-only self-evaluation written as the field's reports are (衔接资金 监控总结, 部门整体支出, 转移支付):
# every amount of money is read once, with its unit and value; dates, 文号, phone numbers, rates and counts are not.
NARRATIVE_REPORT = [
    "2023年度西平县农业农村局部门整体支出绩效自评报告",
    "根据《关于开展2023年度财政资金绩效自评工作的通知》（西财绩〔2024〕15号）要求，现将自评情况报告如下：",
    "一、部门收支情况",
    "2023年度收入合计2,179.00万元，其中：财政拨款收入1，950.5万元，其他收入228.5万元；支出合计2179.00万元，"
    "其中：基本支出1,234.56万元，项目支出944.44万元。",
    "截至2023年12月31日，衔接资金项目累计拨付约1.25亿元，近50万元用于产业奖补，余下20余万元已结转；"
    "公务接待费支出3,580元，较上年减少1,234.56元。",
    "项目惠及脱贫户356户、1200人，建设项目12个，资金执行率100%，满意度98.5%，联系电话：0396-5021234。",
    "中央食品监管专项下达资金35. 3万元，省级配套资金1616",
    "万元，全部用于抽检2000批次。",
    "全年預(yù)算數(shù)2089萬元，實際支出1777萬元。",
    "经综合评价，本部门自评得分95.5分，评价等级为优。",
]


def test_every_amount_of_money_in_a_narrative_report_is_read_once():
    figures = extract_figures(as_simplified(passages_of(NARRATIVE_REPORT)))
    assert [(f.line, f.value, f.unit) for f in figures] == [
        (4, 2179, "万元"), (4, 1950.5, "万元"), (4, 228.5, "万元"), (4, 2179, "万元"), (4, 1234.56, "万元"),
        (4, 944.44, "万元"),
        (5, 1.25, "亿元"), (5, 50, "万元"), (5, 20, "万元"), (5, 3580, "元"), (5, 1234.56, "元"),
        (7, 35.3, "万元"), (7, 1616, "万元"),
        (9, 2089, "万元"), (9, 1777, "万元"),
        (10, 95.5, "分"),
    ]
    labels = [f.label for f in figures]
    assert labels[:6] == ["收入合计", "财政拨款收入", "其他收入", "支出合计", "基本支出", "项目支出"]
    assert labels[6:9] == ["衔接资金项目累计拨付", "金额", "余下"] and labels[12] == "省级配套资金"


def test_a_key_figure_is_quoted_with_its_clause():
    # henan_xiping l.5 "我县2022年农村公路通村道路建设项目计划投资2179万元,实现新建村内道路、连通道路32.63公里。"
    report = api.extract(api.load(DEV / "henan_xiping_2022_nongcungonglu.txt"), "rules")
    [figure] = [f for f in report.figures if f.line == 5]
    assert (figure.value, figure.unit, figure.quote) == (2179, "万元", "我县2022年农村公路通村道路建设项目计划投资2179万元")


def test_a_figure_at_the_end_of_a_line_stays_whole_whatever_the_next_line_starts_with():
    lines = ["(1)中央衔接推进乡村振兴补助资金用于村内道路硬化，共计拨付资金100万元",
             "2、省级衔接资金50万元用于产业奖补"]
    assert [(f.line, f.value, f.unit) for f in extract_figures(passages_of(lines))] == [(1, 100, "万元"), (2, 50, "万元")]


def test_a_count_and_its_comma_at_a_line_end_are_not_joined_to_the_next_lines_number():
    # "120，350万元" would be one number with a thousands separator; a line ending in a clause comma ends the clause
    lines = ["项目完成农户走访120，", "350万元用于道路硬化。"]
    assert [(f.line, f.value, f.unit) for f in extract_figures(passages_of(lines))] == [(2, 350, "万元")]


@pytest.mark.parametrize("text, year", [
    # sample 001 l.42 "2024年一般公共预算收入8805.39万元": the year the sentence dates it to
    ("2024年一般公共预算收入8805.39万元", "2024"),
    ("上年度一般公共预算收入8105.39万元", "上年"),
    ("一般公共预算收入8805.39万元，较上年增加700万元", None),
    # a year compared with dates nothing: the figures after "较上年" and "比去年" are this year's
    ("本年资金比去年减少，共支出1616万元", None),
    ("支出3000万元，较上年增长5%", None),
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


def test_a_bare_ten_thousand_is_money_only_under_money_words():
    # unknown_nd_2024_nongjigouzhi l.4 "…年中調(diào)減中央財政資金300萬…": money printed without its 元
    assert (300, "万") in key_figures("unknown_nd_2024_nongjigouzhi", 4)
    # people and households counted in 万 are no money
    report = extract_figures([Paragraph("项目惠及脱贫户1.2万，带动就业3万，补助资金50万。", 1)])
    assert [(f.value, f.unit, f.label) for f in report] == [(50, "万", "补助资金")]


def test_a_bare_ten_thousand_before_the_plan_that_shares_it_out_is_money():
    # anhui_xuanzhou_2022 l.14 "對中央自然災害資金,2022年8月31日,區(qū)應急局黨委會會議研究70萬分配方案如下": the 70萬
    # the plan shares out among the towns is money printed without its 元
    assert (70, "万") in key_figures("anhui_xuanzhou_2022_hanzaijiuzai", 14)


def test_a_stop_ocr_read_as_a_letter_after_a_percentage_ends_the_sentence():
    # jiangxi_nanchang l.5 "…2022年全年实际支付1616万元,使用率 100%o具体评价范围为:全面完成11500平方米烈士纪念广场…"
    text = "2022年全年实际支付1616万元,使用率 100%o具体评价范围为:全面完成11500平方米烈士纪念广场"
    [rate] = [f for f in read_figures(text, 5) if f.unit == "%"]
    assert clause_around(text, rate.start, rate.end) == "2022年全年实际支付1616万元,使用率 100%"


def test_a_long_label_is_cut_between_words():
    # unknown_nd_nd_xiangcunzhenxing l.22 "用于巩固拓展脱贫攻坚成果和乡村振兴建设任务安排资金19204.096万", l.28 "巩固拓展脱贫攻坚
    # 成果和乡村振兴建设任务资金支付18501.096万元": the label keeps its last words whole, not "坚成果和…" (攻坚 cut in two).
    document = api.load(ROOT / "evals" / "field" / "dev" / "unknown_nd_nd_xiangcunzhenxing.txt")
    labels = {f.line: f.label for f in extract_figures(as_simplified(document.paragraphs)) if f.line in (22, 28)
              and f.value in (19204.096, 18501.096)}
    assert labels[22].endswith("乡村振兴建设任务安排资金") and labels[28].endswith("乡村振兴建设任务资金支付")
    assert all(len(label) <= 16 and not label.startswith("坚") for label in labels.values()), labels


def test_a_self_score_the_sentence_says_is_the_self_evaluation_s():
    # "经自评，该项目得分95.5分" is the project's self-score; a stage's 得分 in the same words is no self-score.
    figures = extract_figures(passages_of(["经自评，该项目得分95.5分，评价等级为“优”。",
                                           "经自评，产出指标得分45分，效益指标得分28分。",
                                           "经自评，项目决策得分18分，项目过程得分19分，项目产出得分38分。"]))
    assert [(f.line, f.value, f.unit, f.label) for f in figures] == [(1, 95.5, "分", "自评分")]
