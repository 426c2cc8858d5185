"""Narrative checks a senior reviewer signs (issue 15), on the samples and on small reports.

Each expectation is read off the quoted source lines of evals/samples/ (1-based line numbers).
"""
from functools import cache

import pytest

from assistant import api
from schemas import Finding
from tests.conftest import ROOT, SAMPLES

FIELD_DEV = ROOT / "evals" / "field" / "dev"


@cache
def findings_of(prefix: str) -> tuple[Finding, ...]:
    [path] = SAMPLES.glob(f"{prefix}_*.txt")
    return tuple(api.check(path, "rules").findings)


def lines_of(finding: Finding) -> set[int]:
    return {e.line for e in finding.evidence}


def one(prefix: str, rule: str, **fields) -> Finding:
    found = [f for f in findings_of(prefix)
             if f.rule == rule and all(getattr(f, k) == v for k, v in fields.items())]
    assert len(found) == 1, [f.message for f in findings_of(prefix) if f.rule == rule]
    return found[0]


def test_a_bracketed_breakdown_must_add_up():
    # 004 l.92 "结案501起（发文结案475起，不予处罚26起，涉刑移送4起。" 475+26+4 = 505
    finding = one("004", "narrative_arithmetic", row="结案")
    assert (finding.expected, finding.actual, finding.severity) == ("501", "505", "error")


def test_a_rate_is_recomputed_from_its_counts():
    # 004 l.86 "快速检测52576批次，问题样品51批次，阴性率为99.86%": (52576−51)/52576 = 99.90%
    finding = one("004", "narrative_arithmetic", actual="99.86")
    assert finding.expected == "99.90" and lines_of(finding) == {86}


@pytest.mark.parametrize("prefix, row, expected, line", [
    # 001 l.786 有效发明专利拥有量 7.31件/万人 vs l.160 "每万人口发明专利拥有量7.23件": another name
    ("001", "有效发明专利拥有量", "7.23件", 160),
    # 001 l.1036 消费者投诉按时办结率 100% vs l.132 "按期办结率达99.98%"
    ("001", "消费者投诉按时办结率", "99.98%", 132),
    # 002 l.295 食品安全抽检 1584批次 vs l.1676 "全年完成抽样送检1580批次"
    ("002", "食品安全抽检", "1580批次", 1676),
    # 001 l.626 稿件 1200个 vs l.124 "央媒采发101 篇……省级以上媒体发稿 510余篇……采发198篇": a sum of parts
    ("001", "央媒、省媒、市媒主流媒体采发稿件数", "809篇", 124),
    # 001 l.556 5个 vs l.129 "七家企业的……事后监督检查，和一家企业的……事中监督检查"
    ("001", "开展认证活动开展事中事后监督检查数", "8家", 129),
    # 000 l.162 500万元; l.1408 the total "挽回损失413.26万元", not one case's "挽回经济损失1.2万元"
    ("000", "挽回经济损失", "413.26万元", 1408),
    # 001 l.130 "开展执法案卷评查2次，评查案卷220余件": rounds are not items
    ("001", "完成评查案卷数", "220余件", 130),
])
def test_an_indicator_against_the_text(prefix, row, expected, line):
    finding = one(prefix, "text_table_mismatch", row=row)
    assert finding.expected == expected and line in lines_of(finding)


def test_revenues_by_source_against_the_full_year_budget():
    # 001 l.42 "一般公共预算收入8805.39万元", l.112 "政府性基金预算收入23万元", l.181 "其他预算收入47.9万元";
    # l.367 年度资金总额 全年预算数 6653.73
    finding = one("001", "text_table_mismatch", row="年度资金总额")
    assert (finding.expected, finding.actual) == ("8876.29", "6653.73") and {42, 112, 181} <= lines_of(finding)


def test_a_growth_rate_recomputed_from_the_counts_in_the_text():
    # 001 l.127 "全市实有经营主体450134户，净增32226户": 32226 ÷ (450134 − 32226) = 7.71%; l.956 市场主体增长率 7.81%
    finding = one("001", "text_table_mismatch", row="市场主体增长率")
    assert (finding.expected, finding.actual, finding.severity) == ("7.71%", "7.81%", "warning")


def test_a_quoted_label_in_the_text():
    # 002 l.206 "完成个转企108户" (实际完成情况) vs l.1672 "推动完成“个转企”145家"
    finding = one("002", "text_table_mismatch", table=1, actual="108户")
    assert finding.expected == "145家" and 1672 in lines_of(finding)


def test_rounds_are_never_compared_with_items():
    assert not [f for f in findings_of("001") if f.rule == "text_table_mismatch" and f.expected == "2次"]


def test_a_narrower_scope_in_the_text_is_no_error():
    # 001 l.43 项目支出1926.04万元 under "二、一般公共预算支出情况"; the basic-data table 1996.94 covers all sources
    finding = one("001", "text_table_mismatch", row="项目支出：")
    assert finding.severity == "warning" and "一般公共预算" in finding.message and "70.9" in finding.message


def test_one_count_restated_in_other_words():
    # 002 l.1675 "在今年已查办的115起违法案件中" vs l.1677 "共查办市场监管领域违法案件138起"
    finding = one("002", "narrative_inconsistency", row="违法案件")
    assert (finding.expected, finding.actual, finding.severity) == ("115起", "138起", "error")
    # 003 l.23 "办结各级核查处置54起" vs l.31 "办结不合格报告核查处置61件": another unit, a person judges
    finding = one("003", "narrative_inconsistency", row="核查处置")
    assert (finding.expected, finding.actual, finding.severity) == ("54起", "61件", "warning")


def test_the_goal_stated_in_the_table_against_its_indicators():
    # 001 l.404 "实现实有经营主体年增长率5%以上，企业登记网办率90%以上"; targets ≥6.5% (l.955) and ≥85% (l.1085)
    low = one("001", "target_set_low", row="企业登记网办率")
    assert (low.expected, low.actual) == ("90%", "≥85%")
    other = one("001", "narrative_inconsistency", row="市场主体增长率")
    assert (other.expected, other.actual) == ("5%", "≥6.5%")


def test_an_attachment_filled_in_after_the_report_is_signed():
    # 001 l.18 "2025年4月15日"; l.347 "填报日期：2025.4.29"
    finding = one("001", "date_inconsistency", actual="2025.4.29")
    assert finding.expected == "2025年4月15日" and lines_of(finding) == {18, 347}


def test_money_without_its_unit_is_a_warning():
    # 003 l.32 "……规范化市场建设资金10万" among 万元 amounts
    finding = one("003", "unit_missing", actual="10万")
    assert finding.severity == "warning"


REPORT = "一、基本情况\n{body}\n二、绩效情况\n本年工作完成。\n三、存在的问题\n无。\n四、改进措施\n加强管理。\n"


@pytest.mark.parametrize("body, expected", [
    ("全年结案30起（发文结案20起，不予处罚10起）。", None),
    ("全年结案30起（发文结案20起，不予处罚12起）。", ("30", "32")),
    ("全年抽检200批次，不合格样品4批次，合格率为98%。", None),
    ("全年抽检200批次，不合格样品4批次，合格率为99%。", ("98.00", "99")),
    # A rate of the adjusted budget after the initial one: 110÷120 = 91.67%, no slip.
    ("年初预算100万元，调整后预算120万元，实际支出110万元，预算执行率91.67%。", None),
    ("年初预算100万元，调整后预算120万元，实际支出110万元，预算执行率95%。", ("91.67", "95")),
    # hubei_hbust_2021 l.8 "实际下达预算2596万元,全年度实际总支出2595.6208 万元,项目预算执行率99%" with another spending:
    # a whole 100% says the budget was spent in full and is held to ±0.01, as a funds row's 执行率 is (one tolerance)
    ("实际下达预算2596万元，全年度实际总支出2585.6万元，项目预算执行率100%。", ("99.60", "100")),
    ("实际下达预算2596万元，全年度实际总支出2585.6万元，项目预算执行率99.6%。", None),
])
def test_narrative_arithmetic_on_small_reports(body, expected):
    findings = [f for f in api.check(REPORT.format(body=body).encode(), "rules").findings
                if f.rule == "narrative_arithmetic"]
    assert [(f.expected, f.actual) for f in findings] == ([expected] if expected else [])


def rules_fired(text: str) -> list[tuple[str, str | None]]:
    return [(f.rule, f.actual) for f in api.check(text.encode(), "rules").findings]


# A narrative-only report written from the sentences of dev sources: revenues that add up (unknown_nd_2024_nongjigouzhi
# l.3), a count built from its parts (yunnan_honghe_2024_shujuzhongxin l.10), 万元 beside a per-head 元 (hubei_hbust_2021
# l.8), a payment up to 12月31日 (henan_xiping_2022 l.13), and its 自评得分 in the closing section.
NARRATIVE_ONLY = """2022年度农机购置补贴项目绩效自评报告
一、基本情况
2022年农机购置补贴项目预算资金合计2089万元。其中省内安排农机购置与应用补贴资金312万元，中央安排农机购置补贴资金1777万元。全年预算执行数合计2089万元。
实施项目共16个，年初批复预算8个项目，年中增加8个项目。
二、绩效情况
补贴资金合计2089万元，受益农户1.2万，一名学生4000.5元的最低资助标准另行安排。
项目资金共2089万元，截止2022年12月31日，已完成拨付2089万元，执行率100%。
三、存在的问题
截至2022年9月30日，项目支出执行率仅为56.3%，经督促后年底执行率达到100%。
四、改进措施
加强预算执行管理。
五、自评结果应用
自评得分95.5分，等级为优。
"""


def test_a_narrative_only_report_that_adds_up_yields_no_finding():
    assert rules_fired(NARRATIVE_ONLY) == []


@pytest.mark.parametrize("sentence, fired", [
    # unknown_nd_2024_nongjigouzhi l.4: a sum of money short of its 元
    ("年初预算合计2389万元，年中调减中央财政资金300万，全年预算执行数合计2089万元。", [("unit_missing", "300万")]),
    # the same figure counting households is no money
    ("年初预算合计2389万元，惠及脱贫户1.2万，全年预算执行数合计2089万元。", []),
    # sample 003 l.32: a spending total short of its 万
    ("知识产权专项年初预算20万元，追加45.47万元，实际支出65.47元。", [("unit_missing", "65.47元")]),
    # an amount per head is in 元 beside totals in 万元
    ("三公经费支出6.85万元，其中公务接待费1.25万元，人均接待费用50.81元。", []),
    ("发放耕地地力保护补贴2136.5万元，补贴标准为每亩105.6元。", []),
])
def test_an_amount_in_yuan_among_wan_yuan(sentence, fired):
    assert [f for f in rules_fired(REPORT.format(body=sentence)) if f[0] == "unit_missing"] == fired


HENAN_PAID = "项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。"  # henan_xiping_2022 l.13


@pytest.mark.parametrize("title, sentence, fired", [
    ("2022年度项目绩效自评报告", HENAN_PAID, [("date_inconsistency", "截止2022年12月8日")]),
    # the sentence goes on to the year's end: the cut-off is a point on the way
    ("2022年度项目绩效自评报告", HENAN_PAID.replace("。", "，年底已全部拨付。"), []),
    # a 绩效监控 report states the year so far by nature
    ("2022年度项目支出绩效监控总结报告", HENAN_PAID, []),
])
def test_a_part_year_cut_off(title, sentence, fired):
    found = rules_fired(f"{title}\n" + REPORT.format(body=sentence))
    assert [f for f in found if f[0] == "date_inconsistency"] == fired


def test_a_monitoring_report_lacks_no_self_evaluation_section():
    # the outline of a 绩效监控总结报告 (monitoring, not self-evaluation): no 自评结果应用, no 自评分
    text = ("2023年度项目支出绩效监控总结报告\n一、项目基本情况\n纳入绩效监控的项目共6个，年初预算资金860万元。\n"
            "二、绩效监控情况\n" + HENAN_PAID + "\n三、存在问题\n截至目前尚有2个项目未启动。\n四、下一步措施\n加快项目实施进度。"
            "监控结果于2023年7月20日在县政府门户网站公开。\n")
    assert rules_fired(text) == []
    assert ("missing_section", None) in rules_fired(text.replace("监控总结报告", "自评报告"))


def test_a_heading_run_into_its_first_sentence_is_a_heading():
    # "（二）预算资金情况。2021年部门预算收入…": the budget section is there
    text = ("2021年度部门整体支出绩效自评报告\n一、基本情况\n（一）部门概况。下设机关科室9个。\n"
            "（二）预算资金情况。2021年部门预算收入总计2089万元，其中财政拨款收入1777万元，其他收入312万元。\n"
            "二、绩效情况\n本年工作完成。\n三、存在的问题\n无。\n四、改进措施\n加强管理。\n五、自评结果应用\n自评得分95.5分。\n")
    assert [f for f in rules_fired(text) if f[0] == "missing_section"] == []


SAMPLE_004_L54 = "{year}一般公共预算财政拨款基本支出{amount}万元，其中人员经费{staff}万元。"  # sample 004 l.54


@pytest.mark.parametrize("earlier, fired", [
    # the same year's spending restated with another value: two accounts of one figure
    (SAMPLE_004_L54.format(year="2023年", amount="6246.47", staff="5214.2"), True),
    # the same words for the year before: two years, not two accounts
    (SAMPLE_004_L54.format(year="2022年", amount="6246.47", staff="5214.2"), False),
    (SAMPLE_004_L54.format(year="上年", amount="6246.47", staff="5214.2"), False),
    # a mid-year figure against the year's
    ("截至2023年6月30日，" + SAMPLE_004_L54.format(year="", amount="3120.5", staff="2604.1"), False),
])
def test_figures_of_two_periods_are_not_one_figure_told_twice(earlier, fired):
    text = ("2023年度部门整体支出绩效自评报告\n" + REPORT.format(body=earlier) + "五、自评结果应用\n"
            + SAMPLE_004_L54.format(year="2023年", amount="6346.47", staff="5314.2") + "自评得分95分。\n")
    assert ("narrative_inconsistency" in {rule for rule, _ in rules_fired(text)}) == fired


@pytest.mark.parametrize("body, expected", [
    # sample 003 l.26: spending above 年初预算 + 追加 is a slip
    ("知识产权专项年初预算70万元，追加69.88万元，实际支出139.98万元。", ("139.88", "139.98")),
    # spending below it, with the 执行率 it gives (650 ÷ 700 = 92.86%): an underspend, no slip of arithmetic
    ("知识产权专项年初预算500万元，年中追加预算200万元，截至12月31日实际支出650万元，执行率92.86%。", None),
    # below it, yet said to be spent in full: a slip
    ("知识产权专项年初预算70万元，追加69.88万元，实际支出139.78万元，资金全部支出。", ("139.88", "139.78")),
    ("知识产权专项年初预算70万元，追加69.88万元，实际支出139.78万元，全部用于知识产权保护。", None),
    # the rate of 年初预算 + 追加, not of either alone
    ("知识产权专项年初预算500万元，年中追加预算200万元，实际支出650万元，执行率95%。", ("92.86", "95")),
    # sample 003 l.21 "专利累计授权量1438件（其中发明专利授权610件，实用新型710件，外观设计118件）" and a further
    # figure in the bracket: after 其中 a complete breakdown may be followed by other figures
    ("全区专利累计授权量1438件（其中发明专利授权610件，实用新型710件，外观设计118件，新增有效发明专利46件）。", None),
    # subsets that cut across one another are no breakdown
    ("全年培训新型职业农民600人，其中女性学员210人，45岁以下学员420人。", None),
    # levels of a training are a breakdown, 以上 or not: 200 + 300 + 200 = 700 is more than the 600 trained
    ("共培训600人次，其中县级以上培训200人次，乡镇培训300人次，村级培训200人次。", ("600", "700")),
    # after 其中 a part's share is of the total before it, not of the sibling before it: 43.2 ÷ 1523.46 = 2.84%
    ("全年收入1523.46万元，其中财政拨款收入1480.26万元，占比97.16%，其他收入43.2万元，占比2.84%。", None),
    ("全年收入1523.46万元，其中财政拨款收入1480.26万元，占比97.16%，其他收入43.2万元，占比3.84%。", ("2.84", "3.84")),
    # sample 004 l.86 "快速检测52576批次，问题样品51批次，阴性率为99.86%" with a count inside the tested one: the rate
    # may be of either (3200 − 8) ÷ 3200 = 99.75%
    ("快速检测5600批次，其中农药残留检测3200批次，问题样品8批次，阴性率为99.75%。", None),
    ("快速检测5600批次，其中农药残留检测3200批次，问题样品8批次，阴性率为99.5%。", ("99.86", "99.5")),
])
def test_narrative_arithmetic_of_plans_and_parts(body, expected):
    findings = [f for f in api.check(REPORT.format(body=body).encode(), "rules").findings
                if f.rule == "narrative_arithmetic"]
    assert [(str(f.expected), str(f.actual)) for f in findings] == ([expected] if expected else [])


@pytest.mark.parametrize("body, fired", [
    # sample 001 l.179: the 2024 self-evaluation said to be published in April 2024, before its year ended
    ("并根据市财政部门关于部门绩效自评工作通知的要求，于2024年4月29日在单位门户网站上公开，接受社会监督。",
     [("date_inconsistency", "2024年")]),
    # a year's 预算 is published at its start, an earlier year's 决算 in the evaluated year
    ("我局2024年部门预算于2024年2月18日在单位门户网站上公开，2023年部门决算于2024年8月在单位门户网站上公开。", []),
    # the 绩效目标 are published with the budget at the year's start
    ("我局2024年部门预算及绩效目标于2024年2月18日在单位门户网站上公开。", []),
    # henan_xiping_2022 l.2 cites 豫财农〔2018〕130号; printed with round brackets it is still a document's number
    ("根据《河南省扶贫项目资金绩效管理办法的通知》(豫财农(2018)130号)，现将自评情况报告如下。", []),
    # sample 000: an edition named by its year, "年关守护（2021）", in a later year's report
    ("开展“年关守护（2021）”行动，检查企业120家。", [("date_inconsistency", "2021年")]),
])
def test_years_named_in_a_report(body, fired):
    found = rules_fired("2024年度部门整体支出绩效自评报告\n" + REPORT.format(body=body) + "五、自评结果应用\n自评得分95分。\n")
    assert [f for f in found if f[0] == "date_inconsistency"] == fired


@pytest.mark.parametrize("second, fired", [
    # what was inspected, what was added and what there is share their words ("食品…经营企业"), not their quantity
    ("全年检查食品生产经营企业2860家，发现问题126个。", False),
    ("年内新增食品经营企业1260家，其中网络经营企业86家。", False),
    # the same deed told again with another value (sample 003 l.23 "办结各级核查处置54起" / l.31 "办结不合格报告核查
    # 处置61件")
    ("全年办结不合格报告核查处置61起，均在规定时限内办结。", True),
])
def test_counts_of_different_deeds_are_different_quantities(second, fired):
    # sample 000 l.1365 "截至年末，全区共有市场主体31288户" in a food-safety unit's words
    body = "截至年末，全区共有食品经营企业8560家，全年办结各级核查处置54起。\n" + second
    found = rules_fired("2022年度部门整体支出绩效自评报告\n" + REPORT.format(body=body) + "五、自评结果应用\n自评得分95分。\n")
    assert ("narrative_inconsistency" in {rule for rule, _ in found}) == fired


def test_a_transfer_payment_report_gives_no_self_score():
    # henan_xiping_2022_nongcungonglu l.2–17 (the transfer-payment outline: 绩效目标分解下达情况 …), closed with the
    # outline's last two parts: its 区域绩效目标自评表 has no 分值, so no 自评分 is missing
    lines = (FIELD_DEV / "henan_xiping_2022_nongcungonglu.txt").read_text(encoding="utf-8").splitlines()[1:17]
    text = "\n".join(lines) + ("\n四、偏离绩效目标的原因和下一步改进措施\n部分项目报账进度偏慢，下一步加快报账。\n"
                               "五、绩效自评结果拟应用和公开情况\n自评结果将在县政府门户网站公开。\n")
    assert [f for f in rules_fired(text) if f[0] == "missing_section"] == []
    assert ("missing_section", None) in rules_fired(text.replace("绩效目标分解下达情况", "基本情况"))


def test_an_evaluation_report_follows_the_evaluation_outline():
    # the outline of 财预〔2020〕10号's 绩效评价报告 (基本情况 … 绩效评价指标分析 … 有关建议 … 其他需要说明的问题):
    # an evaluation, not a self-evaluation, so no 自评结果应用; its budget part is "部门预算及执行情况"
    text = ("某县人力资源和社会保障局2021年度部门整体支出绩效评价报告\n一、基本情况\n（一）部门基本情况。县人社局内设股室10个。\n"
            "（二）部门预算及执行情况。2021年部门预算收入2563.2万元，支出2498.6万元。\n二、绩效评价工作开展情况\n"
            "评价组于2022年5月开展了现场评价。\n三、综合评价情况及评价结论\n绩效评价得分为86.5分，评价等级为良。\n"
            "四、绩效评价指标分析\n全年城镇新增就业3260人。\n五、主要经验及做法、存在的问题及原因分析\n绩效目标设置不够细化。\n"
            "六、有关建议\n进一步细化绩效目标。\n七、其他需要说明的问题\n无。\n")
    assert rules_fired(text) == []
    assert ("missing_section", None) in rules_fired(text.replace("绩效评价报告", "绩效自评报告"))


HENAN_ALL_PAID = "1、项目资金到位情况分析。乡村振兴衔接资金2179万元目前已全部拨付,及时安排到相关项目。"  # henan_xiping l.12


@pytest.mark.parametrize("second, fired", [
    # henan_xiping l.13: the same fund, 拨付 in full on l.12 and 2113.63万元 拨付 by 12月8日
    ("项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。", True),
    # what was paid out (支付) is another stage than what was allocated (拨付)
    ("项目资金共2179万元,截至2022年12月31日,已支付2113.63万元,支付率97%。", False),
    # the parts a sentence gives after 其中 are parts of the whole, not the whole paid short
    ("项目资金共2179万元,其中中央资金已拨付1500万元,省级资金已拨付679万元。", False),
])
def test_a_fund_said_paid_in_full(second, fired):
    found = rules_fired("2022年度项目绩效自评报告\n" + REPORT.format(body=HENAN_ALL_PAID + "\n" + second))
    assert ("narrative_inconsistency" in {rule for rule, _ in found}) == fired


def test_the_department_outline_in_other_words_lacks_no_section():
    # 部门概况 / 部门整体支出管理及使用情况 / 部门整体支出绩效情况 / 存在的主要问题 / 改进措施和有关建议 / 绩效自评结果应用;
    # a per-show subsidy in 元 ("场均补助2560.5元") beside totals in 万元
    text = ("2022年度部门整体支出绩效自评报告\n一、部门概况\n我局内设股室6个。\n二、部门整体支出管理及使用情况\n"
            "全年支出856.3万元，其中基本支出612.5万元，项目支出243.8万元，文化惠民演出场均补助2560.5元。\n"
            "三、部门整体支出绩效情况\n全年开展文化惠民演出120场。\n四、存在的主要问题\n无。\n五、改进措施和有关建议\n"
            "加强管理。\n六、绩效自评结果应用\n自评得分95分。\n")
    assert rules_fired(text) == []


def test_one_words_figure_under_two_budget_scopes_is_two_figures():
    # sample 003 l.25 "2023年我单位项目支出总金额为361.37万元" under the Hunan outline's 一般公共预算 heading, and the
    # same words under its 政府性基金 heading: two funding sources, two figures
    text = ("2023年度部门整体支出绩效自评报告\n一、基本情况\n本单位内设科室5个。\n二、一般公共预算支出情况\n"
            "2023年我单位项目支出总金额为361.37万元，主要用于市场监管。\n三、政府性基金预算支出情况\n"
            "2023年我单位项目支出总金额为23万元，主要用于市场监管。\n四、绩效情况\n本年工作完成。\n五、存在的问题\n无。\n"
            "六、改进措施\n加强管理。\n七、自评结果应用\n自评得分95分。\n")
    assert rules_fired(text) == []
    unscoped = text.replace("一般公共预算支出情况", "预算支出情况").replace("政府性基金预算支出情况", "项目支出情况")
    assert "narrative_inconsistency" in {rule for rule, _ in rules_fired(unscoped)}


def test_the_project_outline_lacks_no_section():
    # the project self-evaluation outline: 基本情况 … 绩效目标实现情况分析 / （一）项目资金情况分析 … 偏离绩效目标的原因和
    # 下一步改进措施 … 绩效自评结果拟应用和公开情况
    text = ("2022年度项目支出绩效自评报告\n一、基本情况\n项目年初预算120万元。\n二、绩效自评工作开展情况\n按要求开展自评。\n"
            "三、绩效目标实现情况分析\n（一）项目资金情况分析。项目全年预算120万元，执行120万元，执行率100%。\n"
            "（二）项目绩效指标完成情况分析。各项指标均已完成。\n四、偏离绩效目标的原因和下一步改进措施\n无偏离。\n"
            "五、绩效自评结果拟应用和公开情况\n自评得分98分，结果将公开。\n")
    assert rules_fired(text) == []


@pytest.mark.parametrize("narrative, fired", [
    ("全年完成农村户用卫生厕所改造2850户。", True),
    # the year before's figure is not the table's
    ("2022年完成农村户用卫生厕所改造2850户。", False),
    ("上年完成农村户用卫生厕所改造2850户。", False),
])
def test_a_figure_of_another_year_is_not_the_tables(narrative, fired):
    # anhui_jinzhai_2023_meilixiangcun (a 2023 table), its 实际完成情况 "完成农村户用卫生厕所改造3061户" (l.12)
    lines = (FIELD_DEV / "anhui_jinzhai_2023_meilixiangcun.txt").read_text(encoding="utf-8").splitlines()[1:]
    text = "2023年度美丽乡村建设项目绩效自评报告\n一、基本情况\n" + narrative + "\n" + "\n".join(lines)
    assert ("text_table_mismatch" in {rule for rule, _ in rules_fired(text)}) == fired


@pytest.mark.parametrize("body, fired", [
    # sample 000 "截至目前，快速检测果蔬、肉、蛋等食品13340批次": data as of an unstated day
    ("截至目前，快速检测果蔬、肉、蛋等食品13340批次。", True),
    # a state of the work, no figure: nothing is presented as the year's data
    ("截至目前，项目已全部完工并通过验收。", False),
])
def test_data_as_of_an_unstated_day(body, fired):
    found = rules_fired("2022年度项目绩效自评报告\n" + REPORT.format(body=body))
    assert ("date_inconsistency" in {rule for rule, _ in found}) == fired
