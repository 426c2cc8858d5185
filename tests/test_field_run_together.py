"""Run-together indicator rows of the field set's dev texts as they were found (OCR of document viewers): every
expected value is read off the source line by eye, never copied from the reader's output."""
import json
import re

from assistant import api
from assistant.extract.run_rows import read_run_rows, unscrambled_stages
from assistant.review.memo import opinion
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"


def flattened(name: str, tmp_path, folder=DEV):
    """The dev text `name` (or a sample's, from `folder`) as a document-sharing site copies a table: every space, line
    break and bar taken out, a dev text's source line kept."""
    source = (folder / f"{name}.txt").read_text(encoding="utf-8")
    first, _, rest = source.partition("\n") if source.startswith("source:") else ("", "", source)
    flat = tmp_path / f"{name}_flat.txt"
    flat.write_text((first + "\n" if first else "") + re.sub(r"[\s|]+", "", rest), encoding="utf-8")
    return flat


def test_a_stage_name_ocr_read_out_of_order_before_a_level_2_name_is_put_back():
    # Line 4: "…年初目标值(A)实际完成值(B)得分出标产指数量指标补贴渔船数6620质量指标渔船补贴发放率100%100%10时效指标…":
    # "出标产指" is 产出指标 printed in a vertical cell, read out of order; the rows under it are 产出指标's.
    [table] = api.extract(api.load(DEV / "hubei_qu_2020_changjiangjinbu.txt"), "rules").tables
    rows = [(i.level1, i.level2, i.level3) for i in table.indicators]
    assert ("产出指标", "数量指标", "补贴渔船数") in rows
    assert ("产出指标", "质量指标", "渔船补贴发放率") in rows
    # A name that only shares the characters, with no 二级 name after it, stays as printed.
    assert unscrambled_stages("益标效指意指斥满度打服务对象满意度") == "益标效指意指斥满度打服务对象满意度"


def test_a_row_with_a_scoring_rule_in_words_and_a_stage_printed_after_it_stay_in_the_block():
    # beijing_haidian_2016_baojie lines 22-24: "…得分计算方法得分未完成原因分析数量指标是否完成绩效目标申报表中申报的数量12.51"
    # "3、2.512.5完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。12.5 产出指标(50分)质量指标是否达到国":
    # the 得分计算方法 column's sentence is the row's, not prose after the table; 产出指标(50分), printed half-way down
    # its merged cell, is the stage of the row above it too; the copy ends inside the 质量指标 row's name.
    [table] = api.extract(api.load(DEV / "beijing_haidian_2016_baojie.txt"), "rules").tables
    assert [(i.level1, i.level2, i.level3) for i in table.indicators] == [
        ("产出指标", "数量指标", "是否完成绩效目标申报表中申报的数量"), ("产出指标", "质量指标", "是否达到国")]
    assert table.level1_weights == {"产出指标": 50}


def test_a_target_and_result_printed_twice_with_no_separator_are_read_only_under_a_weight_column():
    # hubei_qu line 4: "数量指标补贴渔船数6620质量指标…" under 年初目标值(A)|实际完成值(B)|得分, no 分值 column and stages
    # printed with no points: 6|6|20 fits, but nothing in the row confirms where the 得分 starts, so it is left empty
    # with a warning naming the text.
    report = api.extract(api.load(DEV / "hubei_qu_2020_changjiangjinbu.txt"), "rules")
    boats = next(i for i in report.tables[0].indicators if i.level3 == "补贴渔船数")
    assert (boats.target, boats.actual, boats.score) == (None, None, None)
    assert any("补贴渔船数6620" in warning for warning in report.warnings)
    # ningxia_yuanzhou line 6: "指标1种薯亩均收入较鲜薯亩均收入8工5%工5%8" under 分值|年度指标值|全年实际值|得分: the OCR's
    # "工5%" (a ≥ misread) printed twice is the target and the result, kept as printed.
    [table] = api.extract(api.load(DEV / "ningxia_yuanzhou_2022_malingshu.txt"), "rules").tables
    income = next(i for i in table.indicators if i.level3 == "指标1种薯亩均收入较鲜薯亩均收入")
    assert (income.weight, income.target, income.actual, income.score) == (8, "工5%", "工5%", 8)
    # Line 5: "指标3一级种薯繁育基地8000亩\n8535.5亩": "000" is no number printed twice, so the row stays unsplit
    # (empty, with a warning), not 8, 0, 0, 0.
    base = next(i for i in table.indicators if i.level3 == "指标3一级种薯繁育基地")
    assert (base.weight, base.target, base.actual, base.score) == (None, None, None, None)


def test_a_level_2_cell_printed_without_its_zhibiao_opens_a_level_where_a_row_or_stage_ended():
    # hubei_xiangyang line 21: "…质量指标保证财政建设补助专款专用专款专用专款专用10成本每年财政补助1000万元1000万元1000万元10时效…
    # 效益 指标经济效益完成东津院区建设,医院东津医疗收入达到5亿元5亿元6.47亿元10可持续性院区建成后,…": Hubei's 2021 form prints
    # 二级 cells 成本, 经济效益, 可持续性 without 指标; "数量指标成本控制不超过预算不超过预算10" is a row named 成本控制.
    [table] = api.extract(api.load(DEV / "hubei_xiangyang_2021_dongjin.txt"), "rules").tables
    rows = {(i.level1, i.level2, i.level3): (i.target, i.actual, i.score) for i in table.indicators}
    assert rows[("产出指标", "数量指标", "成本控制")] == ("不超过预算", "不超过预算", 10)
    assert rows[("产出指标", "成本", "每年财政补助1000万元")] == ("1000万元", "1000万元", 10)
    assert rows[("效益指标", "经济效益", "完成东津院区建设,医院东津医疗收入达到5亿元")] == ("5亿元", "6.47亿元", 10)
    assert any(key[:2] == ("效益指标", "可持续性") for key in rows)


def test_two_goal_cells_run_together_split_where_the_achieved_one_restates_the_expected_ones_end():
    # sichuan_zhongjiang line 2: "年度总体目标年初设定目标年度总体目标完成情况综述对农村地区供水计量设施设备进行改进,对项目区农业用水计量,
    # 为项目区农业生产夯实基础,对项目区农业用水计量,为项目区农业生产夯实基础,绩效指标…": the county's goals head is not cut at the
    # 年度总体目标 inside 年度总体目标完成情况综述, and the achieved goal is the expected one's end printed again.
    [table] = api.extract(api.load(DEV / "sichuan_zhongjiang_2022_shuibiaochi.txt"), "rules").tables
    assert table.goals.expected == "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,"
    assert table.goals.achieved == "对项目区农业用水计量,为项目区农业生产夯实基础,"


def test_a_level_name_the_ocr_printed_twice_is_one_level_with_no_empty_row():
    # ningxia_shengji line 19: "产出指标数量指标数量指标福彩APP系统改版升级100%100%": the merged 二级 cell 数量指标 printed twice is
    # one level; its first row is 福彩APP系统改版升级, with no empty 数量指标 row before it.
    [table] = api.extract(api.load(DEV / "ningxia_shengji_2023_fucaiapp.txt"), "rules").tables
    first, second = table.indicators[:2]
    assert (first.level1, first.level2, first.level3, first.target, first.actual) == \
        ("产出指标", "数量指标", "福彩APP系统改版升级", "100%", "100%")
    assert (second.level2, second.level3) == ("质量指标", "验收合格率")


def test_rows_after_a_note_with_a_semicolon_and_a_name_opening_with_its_row_number_are_read_on():
    # ningxia_yuanzhou line 6: "…生态效益指标1病害减少,防治病虫害使用的化学农药量较上年减少82%2%8可持续影响指标持续完善…衔接8是基本达到7
    # 加强技术指导,加大宣传力度;加大项目支持力度满意度指标(20分)服务对象满意度种薯繁育企业、种植农户调" (the copy ends there).
    [table] = api.extract(api.load(DEV / "ningxia_yuanzhou_2022_malingshu.txt"), "rules").tables
    rows = {(i.level1, i.level2, i.level3): i for i in table.indicators}
    # "指标1" lost its 指标 to 生态效益指标 before it: the name opens with 1, its values are the one reading of "82%2%8".
    pest = rows[("效益指标", "生态效益指标", "1病害减少,防治病虫害使用的化学农药量较上年减少")]
    assert (pest.weight, pest.target, pest.actual, pest.score) == (8, "2%", "2%", 8)
    # "是基本达到" splits more than one way: the row keeps its name, its values stay empty.
    lasting = rows[("效益指标", "可持续影响指标", "持续完善马铃薯种薯繁育体系,保障脱毒马铃薯种薯供应,促进主食化产业衔接")]
    assert (lasting.target, lasting.actual, lasting.score) == (None, None, None)
    # The note's ";" is no prose after the table: 满意度指标(20分) follows, and its cut-off row is read.
    assert ("满意度指标", "服务对象满意度", "种薯繁育企业、种植农户调") in rows


def test_the_last_row_cut_off_inside_a_word_keeps_what_it_printed():
    # ningxia_shengji line 25, the copy's last: "可持续影响指标彩票系统信息化建设程度同比2022年销量显著提": the 年度指标值 cut
    # inside its words is kept as printed; the 全年完成值 was never printed.
    [table] = api.extract(api.load(DEV / "ningxia_shengji_2023_fucaiapp.txt"), "rules").tables
    last = table.indicators[-1]
    assert (last.level2, last.level3, last.target, last.actual) == \
        ("可持续影响指标", "彩票系统信息化建设程度", "同比2022年销量显著提", None)


def test_an_indicator_block_printed_values_first_is_rebuilt_row_by_row():
    # shanghai_putuo_2022_tiyu line 3, a PDF text layer that prints the block column by column: "一级指标 二级指标
    # 数量指标 三级指标 与委托运营方结算完成 年度 指标值 实际 完成值 分值 得分 =100% 100% 10 10 =100% 100% 20 20 及时 及时
    # 20 20 =100% 100% 30 30 >=90% 100% 10 10 100 98.62 率 产出指标 质量指标 绩 效 指 标 时效指标 效益指标 社会效益指标
    # 合同结算条款完成率 费用结算及时性 与委托运营方合同完成 率 满意度指标 服务对象满意度指标 场馆开放满意度 总分": the n-th
    # name with the n-th values, each 二级 name under the 一级 name it names; the second table is cut off after its names.
    first, second = api.extract(api.load(DEV / "shanghai_putuo_2022_tiyu.txt"), "rules").tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in first.indicators] == [
        ("产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", 10, 10),
        ("产出指标", "质量指标", "合同结算条款完成率", "=100%", "100%", 20, 20),
        ("产出指标", "时效指标", "费用结算及时性", "及时", "及时", 20, 20),
        ("效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", 30, 30),
        ("满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", 10, 10)]
    assert (first.total_weight, first.total_score) == (100, 98.62)
    # "财政项目支出绩效自评表 (2022 年度) 普陀体育中心与委托运营方结 算费用 项目名称 主管部门 …": the name, centred in its
    # merged cell, is printed before its label.
    assert (first.title, first.name) == ("财政项目支出绩效自评表", "普陀体育中心与委托运营方结算费用")
    assert [(i.level2, i.level3, i.weight) for i in second.indicators] == [
        ("数量指标", "经费使用率", None), ("质量指标", "经费完成情况", None), ("时效指标", "经费完成进度", None),
        ("社会效益指标", "经费使用完成情况", None), ("服务对象满意度指标", "满意度", None)]


def test_a_bare_level_2_cells_row_may_open_with_a_figure_and_the_cut_off_last_row_keeps_its_target():
    # hubei_xiangyang_2021_dongjin line 21: "…1000万元10时效1年1年1年10效益 指标…": the row under the bare 时效 is named
    # "1年" (a name opens with a figure right after a bare 二级 name); "…10可持续性院区建成后,可持续为周边 群众提供医疗服务
    # 服务范围扩 大服务范": the copy ends inside the result, the word target printed again.
    [table] = api.extract(api.load(DEV / "hubei_xiangyang_2021_dongjin.txt"), "rules").tables
    rows = {(i.level1, i.level2, i.level3): (i.target, i.actual, i.score) for i in table.indicators}
    assert rows[("产出指标", "时效", "1年")] == ("1年", "1年", 10)
    assert rows[("效益指标", "可持续性", "院区建成后,可持续为周边群众提供医疗服务")] == ("服务范围扩大", None, None)


def test_ocr_junk_in_a_chongqing_row_stays_out_of_the_indicator_name():
    # chongqing_kexuecheng_2021_bumenzhengti lines 4-5: "管理制度健全性性标定指高高100%33否" (定性指标 read out of order
    # from its vertical cell), "组织宣传活动次数次到0次43次100%1010是", "制作宣传品数量份第O份20份100%55否" (the
    # targets' figures garbled after the unit), "播发稿件数量tot扁2200篇2859篇100%1010是" (the unit read as letters).
    [table] = api.extract(api.load(DEV / "chongqing_kexuecheng_2021_bumenzhengti.txt"), "rules").tables
    rows = {i.level3: (i.target, i.actual, i.weight, i.score) for i in table.indicators}
    assert rows["管理制度健全性"] == ("高", "高", 3, 3)
    assert rows["组织宣传活动次数"] == ("到0次", "43次", 10, 10)
    assert rows["制作宣传品数量"] == ("第O份", "20份", 5, 5)
    assert rows["播发稿件数量"] == ("2200篇", "2859篇", 10, 10)
    assert rows["党性教育培训次数"] == ("26次", "12次", 5, 5)


def test_a_chongqing_funds_row_run_together_with_its_column_words_is_read():
    # chongqing_kexuecheng_2021_bumenzhengti line 3: "…部门预算执行情况相)预资5年初预算数全年(If整)预算数全年执行数执行率(%)
    # 执行率权重执行率得分(分)O76%107.6当年绩效目标…": the amounts lost to OCR ("O"), 执行率 76%, 权重 10 and 得分 7.6
    # run together (10 × 76% = 7.6).
    [table] = api.extract(api.load(DEV / "chongqing_kexuecheng_2021_bumenzhengti.txt"), "rules").tables
    total = table.funds_total
    assert (total.full_year_budget, total.executed, total.execution_rate, total.weight, total.score) == \
        (None, None, 76, 10, 7.6)


def test_a_transfer_payment_form_run_into_its_report_keeps_its_head_labels_and_funds_rows_apart():
    # Line 7 (Guangxi, one paragraph): "…转移支付(项目)名称非物质文化遗产保护资金中央主管部门文化和旅游部地方主管部门资金使用单位
    # 资金情况(万元)…年度资金总额:21182118100%其中:中央财政资金21182118100%地方资金其他资金总体目标完成情况…". Before,
    # the name was lost and "地方资金其他资金总体目标完成情况总体目标" was one funds label.
    report = api.extract(api.load(DEV / "guangxi_shengji_2021_feiyibaohu.txt"), "rules")
    [table] = report.tables
    assert table.name == "非物质文化遗产保护资金"
    assert [(line.label, line.full_year_budget, line.executed) for line in table.fund_lines] == [
        ("中央财政资金", 2118, 2118), ("地方资金", None, None), ("其他资金", None, None)]


def test_a_word_page_copied_with_every_separator_lost_reads_by_the_rows_arithmetic(tmp_path):
    # anhui_huoqiu_2022 lines 18-21, one row a line, cells apart by spaces:
    #   "产出指标(50分) 数量指标 开展县域结对交流活动 ≥3次 3 10 10", "质量指标 科技特派员创业能力提升 创业能力提升 达成预期指标
    #   20 20", "时效指标 2022年底之前 2022年底之前 达成预期指标 10 10", "成本指标 科技特派员业务培训开展 ≥5万元 5 10 10".
    # A document-sharing site's copy of the same .docx loses every separator ("…开展县域结对交流活动≥3次31010质量指标…"):
    # "31010" is 3, 10, 10 or 310, 1, 0 by 得分 ≤ 分值 alone; only 3, 10, 10 makes the stage's rows add up to the 50
    # points 产出指标(50分) prints. A word target restates the end of the row's name, and 达成预期指标 is the result.
    report = api.extract(api.load(flattened("anhui_huoqiu_2022_kejitepaiyuan", tmp_path)), "rules")
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.weight, i.score)
            for t in report.tables for i in t.indicators}
    assert rows["开展县域结对交流活动"] == ("产出指标", "数量指标", "≥3次", "3", 10, 10)
    assert rows["科技特派员创业能力提升"] == ("产出指标", "质量指标", "创业能力提升", "达成预期指标", 20, 20)
    assert rows["2022年底之前"] == ("产出指标", "时效指标", "2022年底之前", "达成预期指标", 10, 10)
    assert rows["科技特派员业务培训开展"] == ("产出指标", "成本指标", "≥5万元", "5", 10, 10)
    assert rows["带动农民增收"][2:] == ("农民增收", "达成预期指标", 10, 10)
    assert not any("开展县域结对交流活动≥3次31010" in warning for warning in report.warnings)


def test_a_result_run_into_its_points_is_read_near_its_target_where_no_stage_sum_tells():
    # The same rows with no stage points printed read "31010" two ways (3, 10, 10 and 310, 1, 0): the result near its
    # target ≥3次 is 3, as the source prints it. Where no result is near its target ("≥3次9001010": 900, 10, 10 or
    # 9001, 0, 10), the row is left empty, warned.
    read = read_run_rows("产出指标数量指标开展县域结对交流活动≥3次31010质量指标科技特派员创业能力提升创业能力提升达成预期指标2020",
                         ["target", "actual", "weight", "score", "note"])
    first = read.rows[0]
    assert (first["level3"], first["actual"], first["weight"], first["score"]) == ("开展县域结对交流活动", "3", "10", "10")
    assert read.ambiguous == []
    far = read_run_rows("产出指标数量指标开展县域结对交流活动≥3次9001010质量指标科技特派员创业能力提升创业能力提升达成预期指标2020",
                        ["target", "actual", "weight", "score", "note"])
    assert "weight" not in far.rows[0] and far.ambiguous == ["开展县域结对交流活动≥3次9001010"]


def test_a_provinces_special_fund_form_on_one_line_names_its_fund_and_ends_in_its_score_total():
    # sichuan_nd_nd_puhuijinrong line 2: "专项名称普惠金融发展专项资金省级主管部门四川省财政厅资金情况(万元)…" and, at the end,
    # "…申报创业担保贷款贴息小微企业的满意度≥80%100%5%5得分合计100。": the fund's name ends where 省级主管部门 starts,
    # and 得分合计100 is the sheet's total, no row named 得分.
    [table] = api.extract(api.load(DEV / "sichuan_nd_nd_puhuijinrong.txt"), "rules").tables
    assert table.name == "普惠金融发展专项资金"
    assert table.total_score == 100
    assert all(i.level3 != "得分" for i in table.indicators)


def test_a_header_printed_over_two_rows_and_flattened_joins_its_stacked_words(tmp_path):
    # hubei_ezhou_2019 lines 20-24: the indicator header prints 年度/实际 in its upper row and 指标值/完成值 under them
    # ("一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施" over "指标值 完成值"), and line 14 the funds
    # "年度资金总额 287 287 171 10 60% 6" (171 ÷ 287 = 59.58%, printed whole as 60%). A copy that loses every
    # separator runs them into "…三级指标年度实际分值得分偏差原因分析及改进措施指标值完成值产出指标数量指标服务对象人数
    # 100人次100人次1515…" and "年度资金总额2872871711060%6".
    table = api.extract(api.load(flattened("hubei_ezhou_2019_caizhengju", tmp_path)), "rules").tables[0]
    funds = table.funds_total
    assert (funds.full_year_budget, funds.executed, funds.weight, funds.execution_rate, funds.score) == (
        287, 171, 10, 60, 6)
    people = next(i for i in table.indicators if i.level3 == "服务对象人数")
    assert (people.level1, people.level2, people.target, people.actual, people.weight, people.score) == (
        "产出指标", "数量指标", "100人次", "100人次", 15, 15)


def test_a_name_holding_a_comparator_in_its_brackets_is_one_name(tmp_path):
    # anhui_suixi_2019 lines 65-71, one cell a line under 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 |
    # 得分: "产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933人", "21980人", "5". Run
    # together, the "≥" inside the name's brackets is the template's blank for its target, not where the values start.
    report = api.extract(api.load(flattened("anhui_suixi_2019_linshijiuzhu", tmp_path)), "rules")
    rows = {i.level3: (i.level1, i.level2, i.weight, i.target, i.actual, i.score)
            for t in report.tables for i in t.indicators}
    assert rows["★★★农村低保发放人数(按月平均)(≥**人)"] == ("产出指标", "数量指标", 5, ">=21933人", "21980人", 5)
    assert rows["★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)"] == ("产出指标", "数量指标", 5, ">=59人次", "87人次", 5)


def test_level_columns_printed_under_their_group_cell_after_the_value_words_open_each_row(tmp_path):
    # yunnan_yongde_2022 line 16: the header's upper row "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进
    # 措施", its lower row "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位" (the levels under 绩效指标, the
    # target's parts under 年度指标值); line 17 "| 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |". Run
    # together, the rows still open with their level names.
    report = api.extract(api.load(flattened("yunnan_yongde_2022_yingyanggaishan", tmp_path)), "rules")
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.weight, i.score)
            for t in report.tables for i in t.indicators}
    assert rows["营养改善计划覆盖率"] == ("产出指标", "质量指标", "≧100%", "100%", 10, 10)
    assert rows["资金到位及时率"] == ("产出指标", "时效指标", "≧100%", "100%", 10, 7)
    # Line 16's first row, "≧ | 735 | 人次 | 735 | 10 | 10", runs into "≧735人次7351010": 735, 10, 10 or 7351, 0, 10 —
    # the one result near its target ≧735人次 is 735, and nothing is left to warn of.
    assert rows["学生受资助人数"][3:] == ("735", 10, 10)
    assert not any("学生受资助人数≧735人次7351010" in warning for warning in report.warnings)


def test_a_table_whose_points_were_not_all_read_gets_no_recomputed_score(tmp_path):
    # sichuan_daying_2022_zhifafuzhuang opens with the last rows of a table its page cut off above (l.2 "公益性讲座知晓率 |
    # = | 100 | % | 100 | 5 | 5 |" … l.9 "聘用人员满意度 | ≥ | 95 | % | 95 | 5 | 5 |"), then l.11 "合计 | 100 | 100 |".
    # Flattened, a few of the 100 points its 合计 prints are read: a score recomputed from them against the self-score 100
    # would be a gap the table never had — no recomputed score, and the reviewer is told why.
    checked = api.check(api.load(flattened("sichuan_daying_2022_zhifafuzhuang", tmp_path)))
    [score] = checked.scores
    assert (score.self_score, score.recomputed_score) == (100, None)
    assert any("少于其总分100分" in warning for warning in checked.warnings)
    memo = api.review(api.load(flattened("sichuan_daying_2022_zhifafuzhuang", tmp_path)))
    assert any("分值未能全部读出" in paragraph and "未列分值和得分" not in paragraph for paragraph in opinion(memo))


def test_a_flattened_funds_row_with_its_first_budget_left_empty_gives_the_table_all_its_points(tmp_path):
    # yunnan_yongde_2022 l.8-9: "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |" over "|
    # 387664.62 | 387664.62 | 10 | 100% | 10 |", its 年初预算数 left empty. Flattened, "387664.62387664.6210100%10" fills
    # no three amounts by the arithmetic; with the 年初预算数 empty it is 387664.62, 387664.62, 10, 100%, 10. The 10 points
    # of the funds row are read with the rows' 90, as its 总分 line prints ("| 总分 | 100 | 96 |"), and the flattened table
    # is recomputed as the one found (资金到位及时率 met in full: 7 → 10; 政策知晓率 98% of ═100%: 9 → 9.8).
    checked = api.check(api.load(flattened("yunnan_yongde_2022_yingyanggaishan", tmp_path)))
    total = checked.tables[0].funds_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.weight, total.execution_rate,
            total.score) == (None, 387664.62, 387664.62, 10, 100, 10)
    [score] = checked.scores
    assert (score.self_score, score.recomputed_score) == (96, 99.8)
    [found] = api.check(api.load(DEV / "yunnan_yongde_2022_yingyanggaishan.txt")).scores
    assert (found.self_score, found.recomputed_score) == (96, 99.8)


def test_a_score_sheet_whose_levels_print_their_points_is_read_by_the_points_each_level_gives_out(tmp_path):
    # hainan_shengji_fuwumaoyi lines 112-150, run together: "一级指标分值二级指标分值三级指标分值得分项目决策20项目目标4
    # 目标内容44决策过程8决策依据33决策程序55资金分配8…": 决策过程's 8 points are 决策依据's 3 and 决策程序's 5, so 决策程序 is
    # no level of its own; "44" is 目标内容's 分值 4 and 得分 4 (not 44 under a level of 4 points).
    [table] = api.extract(api.load(flattened("hainan_shengji_fuwumaoyi", tmp_path)), "rules").tables
    rows = {i.level3: (i.level1, i.level2, i.weight, i.score) for i in table.indicators}
    assert rows["目标内容"] == ("项目决策", "项目目标", 4, 4)
    assert rows["决策依据"] == ("项目决策", "决策过程", 3, 3)
    assert rows["决策程序"] == ("项目决策", "决策过程", 5, 5)
    assert rows["到位率"] == ("项目管理", "资金到位", 3, 3)
    assert table.level1_weights["项目决策"] == 20


def test_rows_whose_joined_figures_read_more_than_one_way_keep_their_names_and_brackets(tmp_path):
    # yunnan_changning lines 140-165, run together: "产出指标(40分)数量指标公猪舍(≥**平方米)22.822.81母猪、保育猪舍(≥**平方米)
    # 1801803…" under 年初目标值(A) | 实际完成值(B) | 得分, no 分值: the name keeps its bracket, comparator and all; its
    # figures (22.8 | 22.8 | 1 as printed, or 22.8 | 22.81) are left empty with a warning, and the rows go on.
    report = api.extract(api.load(flattened("yunnan_changning_2022_shengzhu", tmp_path)), "rules")
    [table] = report.tables
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.score) for i in table.indicators}
    assert rows["公猪舍(≥**平方米)"] == ("产出指标", "数量指标", None, None, None)
    assert rows["母猪、保育猪舍(≥**平方米)"] == ("产出指标", "数量指标", None, None, None)
    assert "粉碎拌合机(11kw)(≥台)" in rows  # line 348: figures inside the brackets are the name's
    assert any("公猪舍(≥**平方米)22.822.81" in warning for warning in report.warnings)
    # Lines 16-18 and 96-104: "项目名称昌宁县…生猪养殖场建设项目主管部门…" keeps the name's 项目; "年度财政资金总额5010204" is
    # 50 | 10 | 20 | 4 (20% = 10 ÷ 50, and 4 = 20 points × 20%), not 5010 | 2 | 0 | 4 (nothing executed scores nothing).
    assert table.name == "昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目"
    funds = table.funds_total
    assert (funds.full_year_budget, funds.executed, funds.execution_rate, funds.score) == (50, 10, 20, 4)


def test_a_name_keeps_a_long_bracket_of_words_run_together():
    """Sichuan's 2023 form (evals/field/dev/sichuan_dyrmt_nd_gongzi line 2: "结余率(计算方法为:结余数/预算数)") drawn in
    Anhui's 部门 score sheet and run together (style k): the bracket runs longer than a unit's, all words, and stays
    in the indicator's name, its target and result after it."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="sichuan_dyrmt_nd_gongzi", template="anhui-dept-score-sheet")
    [table] = api.extract(read_bytes(paste.pasted(sheet, "k").encode(), "pasted.txt"), "rules").tables
    [expected] = [i for i in gold.tables[0].indicators if i.level3.startswith("结余率(")]
    [read] = [i for i in table.indicators if i.level3.startswith("结余率")]
    assert (read.level3, read.target, read.actual) == (expected.level3, expected.target, expected.actual)


def test_a_deadline_keeps_its_closing_word_and_is_met_by_a_month():
    """Jinzhai's 时效 rows (evals/field/dev/anhui_jinzhai_2023_meilixiangcun lines 23-24: "9月前 | 7月 | 5 | 5",
    "11月前 | 10月 | 5 | 5") drawn in their own layout and run together (style k): "…验收时间11月前10月55" is the deadline
    11月前 met in 10月, 5 | 5 — not 11月 | 前 with 10 cut into a 分值 of 1 and a 得分 of 0: the 前 of a deadline is no
    value of its own, and a month meets a deadline of months."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="anhui_jinzhai")
    text = paste.pasted(sheet, "k")
    assert "验收时间11月前10月55" in text
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    read = [(i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators if "验收时间" in (i.level3 or "")]
    labelled = [(i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators
                if "验收时间" in i.level3]
    assert read == labelled and [row[1] for row in read] == ["9月前", "11月前"]


def test_a_title_a_viewer_ran_into_the_head_names_the_table():
    # jiangxi_nanchang_2021 line 4: "1、蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0
    # 整体支出规模…": the viewer's page number, the title and its year, then the head's labels and their values with
    # every separator lost. The title ends where its year does; 下属单位个数 is a label of the form, not the unit's name.
    [table] = api.extract(api.load(DEV / "jiangxi_nanchang_2021_canchaweishengyuan.txt"), "rules").tables
    assert (table.kind, table.title, table.name) == ("department_overall", "蚕茶卫生院整体支出绩效自评表",
                                                     "南昌县黄马乡蚕茶卫生院")


def test_a_viewer_copy_of_one_page_or_ending_in_an_empty_page_reads_its_table(tmp_path):
    # anhui_jinzhai_2023 as a document viewer prints it: every separator lost, its one page numbered "1、", the title
    # run into the head after it ("1、部门整体支出绩效自评表(2023年度)部门金寨县…"), goals numbered "1.建设徽风皖韵美丽乡村;
    # 2.…" (a table, not a filling instruction's numbered sentences); then again with a last page that printed
    # nothing but its number ("2、").
    flat = flattened("anhui_jinzhai_2023_meilixiangcun", tmp_path)
    source, _, text = flat.read_text(encoding="utf-8").partition("\n")
    for pages in (f"1、{text}", f"1、{text}\n2、"):
        flat.write_text(f"{source}\n{pages}", encoding="utf-8")
        [table] = api.extract(api.load(flat), "rules").tables
        # Lines 2-3 and 6: "部门整体支出绩效自评表", "部门 | 金寨县茶谷和美丽乡村建设服务中心", "年度资金总额 | 329.77 | 329.77 |
        # 338.31 | 10 | 102.59%".
        assert (table.kind, table.title) == ("department_overall", "部门整体支出绩效自评表")
        total = table.funds_total
        assert (total.full_year_budget, total.executed, total.weight, total.execution_rate) == (329.77, 338.31, 10,
                                                                                                 102.59)


def test_a_cell_a_viewers_page_break_cut_in_two_is_one_cell_again(tmp_path):
    # guizhou_suiyang (dev) flattened into a document viewer's numbered pages, broken inside the achieved goals (line
    # 12: "…(1)积极履职,强化管理,…"): "1、…(1)积极履职,强" "2、化管理,…" read as one text.
    flat = flattened("guizhou_suiyang_nd_taibaizhen", tmp_path)
    source, _, text = flat.read_text(encoding="utf-8").partition("\n")
    goal = text.index("积极履职,强") + len("积极履职,强")
    flat.write_text(f"{source}\n1、{text[:goal]}\n2、{text[goal:]}", encoding="utf-8")
    [table] = api.extract(api.load(flat), "rules").tables
    gold = json.loads((DEV / "guizhou_suiyang_nd_taibaizhen.json").read_text(encoding="utf-8"))["tables"][0]
    assert (table.goals.expected, table.goals.achieved) == (gold["goals"]["expected"], gold["goals"]["achieved"])
    # anhui_huoqiu (dev) so paged and broken inside a row's figures (line 18: "开展县域结对交流活动 ≥3次 3 10 10"):
    # "1、…开展县域结对交流活动≥3次31" "2、010质量指标…" is one row, at the line of the page it starts on, and the next row
    # (line 19, 科技特派员创业能力提升) at the next page's: the pages joined keep each value's line.
    flat = flattened("anhui_huoqiu_2022_kejitepaiyuan", tmp_path)
    source, _, text = flat.read_text(encoding="utf-8").partition("\n")
    figures = text.index("≥3次31010") + len("≥3次31")
    flat.write_text(f"{source}\n1、{text[:figures]}\n2、{text[figures:]}", encoding="utf-8")
    rows = {i.level3: i for i in api.extract(api.load(flat), "rules").tables[0].indicators}
    visits, ability = rows["开展县域结对交流活动"], rows["科技特派员创业能力提升"]
    assert (visits.target, visits.actual, visits.weight, visits.score, visits.line) == ("≥3次", "3", 10, 10, 2)
    assert ability.line == 3


def test_a_funds_label_printed_without_its_unit_is_no_part_of_the_unit_before_it():
    """Zitong's head (evals/field/dev/sichuan_zitong_2023_rendadaibiao lines 34-39: "资金使用单位 | 梓潼县人大常委会办公室 |",
    "项目资金 |", "全年预算数 |") drawn in its own layout and run together (style k): "…资金使用单位梓潼县人大常委会办公室项目资金
    全年预算数…" — 项目资金 with no (万元) after it, right before the block's first column word, is the funds block's
    label, not the end of the unit's name."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="sichuan_zitong")
    text = paste.pasted(sheet, "k")
    assert "梓潼县人大常委会办公室项目资金全年预算数" in text
    report = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules")
    assert report.unit_name == gold.unit_name == "梓潼县人大常委会办公室"
    total = report.tables[0].funds_total
    assert (total.full_year_budget, total.executed, total.execution_rate) == (40, 40, 100)


def test_a_title_printed_twice_and_run_into_the_head_is_the_tables_title():
    """Guangxi's central transfer form (evals/field/dev/guangxi_shengji_2021_feiyibaohu, header_rows: its title
    "中央非物质文化遗产保护资金转移支付绩效目标自评表(2021年度)", then 转移支付(项目)名称 | 非物质文化遗产保护资金) drawn in its own
    layout, run together (style k) and its lines joined as a viewer prints them: the title above the form and again in
    its first row, one after the other with the head after them, is the table's title, cut from the head each time."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="guangxi_shengji_2021_feiyibaohu")
    text = "".join(paste.pasted(sheet, "k").split("\n"))
    assert "绩效目标自评表中央非物质文化遗产保护资金转移支付绩效目标自评表(2021年度)" in text
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    assert table.title == gold.tables[0].title == "中央非物质文化遗产保护资金转移支付绩效目标自评表"


def test_a_department_forms_funds_run_together_read_their_label_bare_rate_and_breakdown(tmp_path):
    """Sample 000 (lines 8-46: 预算部门名称 | 石鼓区市场监督管理局 | 年度预算申请 （万元） | 年初 预算数 | … ‖ 年度资金总额 |
    884.86 | 1824.18 | 1824.18 | 10 | 100 | 10 ‖ 按收入性质分：1824.18 …) flattened: 年度预算申请 labels the funds block and
    ends the unit's name; the total's 执行率, printed "100" with no "%", is read from the one reading whose amounts print
    their decimals alike (884.86 | 1824.18 | 1824.18, not 884.861 | 824.181 | 824.18); each "label：amount" is a
    breakdown item, its amount no funds column's."""
    report = api.extract(api.load(flattened("000_9f4ecd25e267d59e", tmp_path, ROOT / "evals" / "samples")), "rules")
    assert report.unit_name == "石鼓区市场监督管理局"
    table = report.tables[0]
    total = table.funds_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.weight, total.execution_rate,
            total.score) == (884.86, 1824.18, 1824.18, 10, 100, 10)
    assert {label: table.breakdown.get(label) for label in ("按收入性质分", "一般公共预算", "基本支出")} == {
        "按收入性质分": 1824.18, "一般公共预算": 1774.18, "基本支出": 1747.78}
    assert all(line.label != "按收入性质分" for line in table.fund_lines)


def test_rows_of_a_score_only_form_whose_values_are_words_read_when_printed_twice_or_met(tmp_path):
    """Huangshi's 海绵城市 table (hubei_huangshi_2022_haimianchengshi, lines 10-19, header 一级 | 二级 | 三级 | 年初目标值(A)
    | 实际完成值(B) | 得分, no 分值) flattened. Line 11: a target of words and figures printed again as its result ("完成1部宣传片,
    2套方案" twice) ends where its copy does, the 得分 10 after it; line 16: a name printed again as its target, then the
    bare 完成 as its result; line 15: "200万" budgeted and "195.5万元" spent are one unit. Line 13, whose target is a
    schedule of words and months, reads more than one way: left empty with a warning."""
    report = api.extract(api.load(flattened("hubei_huangshi_2022_haimianchengshi", tmp_path)), "rules")
    [table] = report.tables
    rows = {i.level3: (i.target, i.actual, i.weight, i.score) for i in table.indicators}
    assert rows["完成省级宣传片制作;完成实施方案的编制;完成自评估报告"] == (
        "完成1部宣传片,2套方案", "完成1部宣传片,2套方案", None, 10)
    assert rows["统筹海绵城市项目谋划"] == ("统筹海绵城市项目谋划", "完成", None, 10)
    assert rows["省级宣传片制作费、申报文本编制费、自评估报告编制费"] == ("200万", "195.5万元", None, 10)
    assert any("上半年完成宣传片制作;下半年完成实施方案6月份" in warning for warning in report.warnings)
    assert not any(i.level3 and i.level3.startswith("月份") for i in table.indicators)


def test_a_result_in_words_printed_twice_is_read_over_a_bare_verdict_cut_from_it(tmp_path):
    """Sample 002 lines 1093-1097 (项目完成时效性 | 及时完成 | 及时完成 | 5 | 5) flattened: "…及时完成及时完成55" is the result
    printed as its target, not a name "项目完成时效性及时完成", target "及时" and the verdict "完成"."""
    report = api.extract(api.load(flattened("002_1b038c9877a00c9c", tmp_path, ROOT / "evals" / "samples")), "rules")
    timely = [(i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators
              if i.level3 == "项目完成时效性"]
    assert timely and all(row == ("及时完成", "及时完成", 5, 5) for row in timely)


def test_a_part_run_together_goals_restated_and_a_name_opening_with_its_measure_are_read(tmp_path):
    """Nanhua's table (yunnan_nanhua_nd_yejunjiagong) flattened. Line 6 "其中:当年财政拨款 | 1100 | 1100 | 1100 | — | 100% |
    —": the amounts run together are split against the total's (1100 each), the rate apart. Line 10: the achieved goal
    restates the expected one word for word, figures and all ("目标1:1290.3平方米…"). Line 12: a name opening with its
    measure ("1290.3平方米冷库…") right after its 二级 name, and 10.3 | 10.3 run together (not 10.31 | 0.3). Lines 13-14
    ("…安装 | 550 | 20 | 9.3 | 9.3" then "…1250KVA变压器3台 | 3 | 9.3 | 9.3") read no name holding "550209.39.3": left
    empty with a warning."""
    report = api.extract(api.load(flattened("yunnan_nanhua_nd_yejunjiagong", tmp_path)), "rules")
    [table] = report.tables
    part = next(line for line in table.fund_lines if line.label == "当年财政拨款")
    assert (part.initial_budget, part.full_year_budget, part.executed, part.execution_rate) == (1100, 1100, 1100, 100)
    goal = ("目标1:1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装,冷库仓储3100元每平方米,投资400万元;目标2:配套烘干杀菌设备及"
            "包装设备购置及安装550万元;目标3:配套电力设施1250KVA变压器3台,完成高压线接入及土建安装投资150万元。")
    assert (table.goals.expected, table.goals.achieved) == (goal, goal)
    first = table.indicators[0]
    assert (first.level2, first.level3, first.target, first.actual, first.weight, first.score) == (
        "数量指标", "1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装", "≥1290.3平方米", "1290.3平方米", 10.3, 10.3)
    assert not any("550209" in (i.level3 or "") for i in table.indicators)
    assert any("550209.39.3" in warning for warning in report.warnings)


def test_a_contact_label_run_into_the_units_name_ends_it(tmp_path):
    """sichuan_suining_2021_liangpinyixie line 7 ("单位名称 遂宁市市场监督管理局经开区分局 联系人及电话 田苗苗,15881923688")
    flattened: 联系人及电话 is a head label of its own, not the end of the unit's name."""
    report = api.extract(api.load(flattened("sichuan_suining_2021_liangpinyixie", tmp_path)), "rules")
    assert report.unit_name == "遂宁市市场监督管理局经开区分局"


def test_a_section_heading_run_into_the_units_name_is_no_part_of_it(tmp_path):
    """Sample 003 flattened: line 1 "一、预算单位基本情况" runs into line 2 "石峰区市场监督管理局贯彻落实…": the unit is named
    from after the heading's 基本情况."""
    report = api.extract(api.load(flattened("003_1fd1934784c8d720", tmp_path, ROOT / "evals" / "samples")), "rules")
    assert report.unit_name == "石峰区市场监督管理局"


def test_points_run_together_part_where_the_score_is_the_share_the_result_earns(tmp_path):
    """Sample 000 lines 339-343 (知识产权培育服务 | 100% | 90% | 12.5 | 11.25) flattened: "12.511.25" reads 12.5 | 11.25 or
    12.51 | 1.25; only the first gives 90% of the 分值 for a result of 90% of its target, so it is the one read (the
    rules' own arithmetic, as for nanhua's "10.310.3" above, where the result meets its target: 10.3 | 10.3)."""
    report = api.extract(api.load(flattened("000_9f4ecd25e267d59e", tmp_path, ROOT / "evals" / "samples")), "rules")
    [row] = [i for t in report.tables for i in t.indicators if i.level3 == "知识产权培育服务"]
    assert (row.target, row.actual, row.weight, row.score) == ("100%", "90%", 12.5, 11.25)


def test_goals_run_together_part_where_the_achieved_ones_number_from_1_by_number_alone(tmp_path):
    """Sample 002 lines 205-206 flattened: "…目标8∶强化各类产品监督抽验" then "1、深化商事制度改革。…": the goals set are numbered
    by their 目标 (目标1∶ … 目标8∶), the achieved ones from 1 by number alone; the text parts at that 1、, as the gold's
    goals do."""
    gold = json.loads((ROOT / "evals" / "gold" / "002_1b038c9877a00c9c.json").read_text(encoding="utf-8"))
    goals = next(t for t in gold["tables"] if t["kind"] == "department_overall")["goals"]
    report = api.extract(api.load(flattened("002_1b038c9877a00c9c", tmp_path, ROOT / "evals" / "samples")), "rules")
    table = next(t for t in report.tables if t.kind == "department_overall")
    assert table.goals.expected == goals["expected"]
    assert table.goals.achieved.startswith("1、深化商事制度改革。今年全区净增市场主体6440户")
    assert goals["achieved"].startswith(table.goals.achieved[:200])


def test_a_zero_printed_twice_before_the_next_rows_name_is_the_rows_target_and_result(tmp_path):
    """Sample 001 lines 1476-1480 (因传销而引发群体性稳定事件数 | 0 | 0 | 完成得1分 | 1) flattened: "…事件数00完成得1分1宣传
    市场监管工作，营造社会共治氛围…" — "00" before words is 0 printed twice, not a number opening with a 0 ("000" is
    none), so the row reads 0 | 0 and the next row (line 1486) is a row of its own, not the tail of this one's name."""
    report = api.extract(api.load(flattened("001_8744007de10ea853", tmp_path, ROOT / "evals" / "samples")), "rules")
    rows = {i.level3: (i.target, i.actual, i.weight, i.score) for t in report.tables for i in t.indicators}
    assert rows["因传销而引发群体性稳定事件数"] == ("0", "0", 1, 1)
    assert rows["宣传市场监管工作，营造社会共治氛围"] == ("不断提升", "不断提升", 1, 1)


def test_rows_numbered_with_a_colon_are_read_after_a_row_whose_figures_cannot_be_parted(tmp_path):
    """anhui_jinzhai_2023_meilixiangcun flattened: line 17 "指标1:开展精品示范村建设数量 | ≤4 | 4 | 10 | 10" runs together
    as "…数量≤441010指标2:建设美丽宜居自然村庄数量≥2002021010…": its figures part more than one way (4, 10, 10 or 41,
    0, 10, …) and stay empty, and reading resumes at the next row's number; the 质量 and 时效 rows (lines 21-24) read
    whole. (On 48ba58a only the 二级 names of the 数量 rows were read: the copy's F1 was 0.30.)"""
    gold = json.loads((DEV / "anhui_jinzhai_2023_meilixiangcun.json").read_text(encoding="utf-8"))
    [table] = api.extract(api.load(flattened("anhui_jinzhai_2023_meilixiangcun", tmp_path)), "rules").tables
    assert [(i.level1, i.level2, i.level3) for i in table.indicators] == \
        [(i["level1"], i["level2"], i["level3"]) for i in gold["tables"][0]["indicators"]]
    rows = {i.level3: (i.target, i.actual, i.weight, i.score) for i in table.indicators}
    assert rows["指标1:美丽宜居自然村庄验收通过率"] == ("≥95%", "100%", 5, 5)
    assert rows["指标2:完成户用卫生厕所改造验收时间"] == ("11月前", "10月", 5, 5)
    assert rows["指标1:开展精品示范村建设数量"] == (None, None, None, None)


def test_a_range_of_figures_is_one_value_never_cut_at_its_sign(tmp_path):
    """sichuan_daying_2020_shuangxin flattened: the row 全年 | 1-12月 | 已完成100% runs together as "…时效指标全年1-12月已完成
    100%…": "1-12月" is one value (or, the result in words and figures being unreadable, the row is left empty with a
    warning) — never a target "1-" and a result "12" with a row "月已完成" after them."""
    report = api.extract(api.load(flattened("sichuan_daying_2020_shuangxin", tmp_path)), "rules")
    rows = [(i.level3, i.target, i.actual) for t in report.tables for i in t.indicators]
    assert not any(name == "月已完成" or target == "1-" for name, target, _ in rows)
    assert ("全年", None, None) in rows
    assert any("全年1-12月已完成100%" in warning for warning in report.warnings)
