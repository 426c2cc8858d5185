"""What each rule requires of a report and the standard remedy, in the register of a review memo.

One entry per rule id of the contract; the drafts quote the requirement in 偏差原因分析
and the remedy in 改进措施. Per-category measures (数量, 质量, 时效 …) keep a draft specific
to the kind of indicator it is about.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Guidance:
    requirement: str
    remedy: str


RULES = {
    "execution_rate_mismatch": Guidance("预算执行率应按全年执行数除以全年预算数（调整后预算数）计算",
                                        "按全年执行数和调整后的全年预算数据实重新计算预算执行率"),
    "execution_score_mismatch": Guidance("预算执行率得分应为执行率（超过100%的按100%计）乘以分值",
                                         "按复核后的执行率据实计算执行率得分"),
    "score_exceeds_weight": Guidance("各项得分不得超过其分值，一级指标得分合计不得超过其分值",
                                     "将超出分值的得分调减至分值以内，并相应更正总分"),
    "subtotal_weight_mismatch": Guidance("一级指标下各三级指标分值之和应等于该一级指标分值，全部分值合计应为100分",
                                         "重新核定各级指标权重，确保三级指标分值合计与一级指标分值一致"),
    "total_score_mismatch": Guidance("总分应等于预算执行率得分与各项指标得分之和，正文所述自评分应与自评表总分一致",
                                     "重新汇总各项得分，同步更正自评表总分和正文所述自评分"),
    "sum_mismatch": Guidance("资金各分项之和应等于年度资金总额，各表同一口径的数据应当一致",
                             "逐项核对资金来源和支出分项，更正不平衡的数据"),
    "score_not_proportional": Guidance("未完成的定量指标应按完成比例计分（正向指标为分值×完成值÷指标值，"
                                       "反向指标为分值×指标值÷完成值）",
                                       "按完成比例据实调整该指标得分"),
    "target_not_met_full_score": Guidance("未达到年度指标值的指标不得计满分", "按完成比例据实调整该指标得分"),
    "met_but_deducted": Guidance("已达到年度指标值的定量指标应得满分，扣分应说明依据",
                                 "补充说明扣分依据，无扣分事由的按满分计列"),
    "missing_deviation_note": Guidance("得分低于分值、目标未完成或预算执行率低于100%的，应在“偏差原因分析及改进措施”栏"
                                       "说明偏差原因和改进措施",
                                       "补充填写偏差原因分析及改进措施"),
    "placeholder_row": Guidance("没有指标名称和指标值的占位行不应计分", "删除占位行的分值和得分，将权重调整至有效指标"),
    "not_applicable_scored": Guidance("标注不适用或未设定指标值的指标不应计分", "取消该指标计分，将其权重调整至其他有效指标"),
    "unit_mismatch": Guidance("实际完成值应采用与年度指标值相同的计量口径，填写实际完成数",
                              "按年度指标值的计量口径填写实际完成数"),
    "target_direction_suspect": Guidance("指标值的方向应与指标性质一致", "核实并更正指标方向"),
    "target_set_low": Guidance("年度指标值应在年初科学设定，不得按年末实际完成数倒填",
                               "按年初批复的绩效目标填列指标值，科学设定下一年度指标值"),
    "text_table_mismatch": Guidance("报告正文所述数据应与自评表数据一致",
                                    "核对原始台账，统一正文与附表的统计口径和数据，并予以更正"),
    "narrative_inconsistency": Guidance("同一事项在报告中只能有一个数值，口径不同的应分别说明",
                                        "核对原始台账，统一全文数据，口径不同的注明统计范围"),
    "narrative_arithmetic": Guidance("正文所列分项之和应等于合计数，所述比例应与相应数字相符",
                                     "核对各分项数据，更正合计数或比例"),
    "unit_missing": Guidance("金额应标注计量单位，并与上下文口径一致", "补充金额计量单位"),
    "date_inconsistency": Guidance("报告数据应为评价年度全年数据，所署日期应与评价年度相符",
                                   "以评价年度年末为截止日更新数据，并更正日期"),
    "missing_section": Guidance("自评报告应包含规定的各部分内容及所列附件",
                                "补充缺失的内容或附件"),
}

# The indicator's kind (二级指标) → a measure that fits it; {name} is the indicator, {target} its 指标值.
CATEGORY_MEASURES = [
    ("数量", "将“{name}”年度目标{target}分解到季度和责任股室，按月调度完成进度，对进度滞后的事项及时预警督办"),
    ("质量", "对照“{name}”的质量要求查找薄弱环节，完善过程管控和复核机制，确保达到{target}的目标"),
    ("时效", "细化“{name}”的时间节点安排，建立工作台账，跟踪督办办理时限"),
    ("成本", "严格按照“{name}”的成本标准控制支出，加强费用审核和支出进度分析"),
    ("满意度", "通过问卷调查或第三方测评取得“{name}”的实测结果，针对群众反映集中的问题制定整改清单并逐项落实"),
    ("效益", "围绕“{name}”设置可衡量、可考核的量化指标，如实采集年度实际数据作为佐证"),
]
DEFAULT_MEASURE = "将“{name}”纳入重点工作台账，明确责任股室和完成时限，定期调度推进"

FUND_BELOW_MEASURE = ("加强预算执行进度管理，按月分析{name}资金支出进度，对确实无法支出的资金按规定及时调整预算"
                      "或交回财政")
FUND_ABOVE_MEASURE = "按规定办理预算调整手续，将年度追加资金纳入全年预算数如实填列，据实计算预算执行率"


def category_measure(level2: str | None, name: str, target: str | None) -> str:
    """The measure that fits an indicator's kind, naming the indicator and its target."""
    template = next((text for word, text in CATEGORY_MEASURES if word in (level2 or "")), DEFAULT_MEASURE)
    return template.format(name=name, target=f"“{target}”" if target else "")
