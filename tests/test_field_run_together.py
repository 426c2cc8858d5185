"""Run-together indicator rows of the field set's dev texts as they were found (OCR of document viewers): every
expected value is read off the source line by eye, never copied from the reader's output."""
from assistant import api
from assistant.extract.run_rows import unscrambled_stages
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


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


def test_kinds_printed_without_指标_open_their_rows():
    # hubei_xiangyang_2021_dongjin line 21: "…产出 指标数量指标成本控制不超过预算不超过预算10质量指标保证财政建设补助专款专用专款
    # 专用专款专用10成本每年财政补助1000万元1000万元1000万元10时效1年1年1年10效益 指标经济效益完成东津院区建设,医院东 津医疗收入
    # 达到5亿元5亿元6.47亿元10可持续性…": 成本, 时效, 经济效益 are kinds printed bare (时效's indicator is "1年"); 成本控制
    # right after 数量指标 is that kind's indicator.
    [table] = api.extract(api.load(DEV / "hubei_xiangyang_2021_dongjin.txt"), "rules").tables
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual, i.score) for i in table.indicators]
    assert rows[:5] == [
        ("产出指标", "数量指标", "成本控制", "不超过预算", "不超过预算", 10),
        ("产出指标", "质量指标", "保证财政建设补助专款专用", "专款专用", "专款专用", 10),
        ("产出指标", "成本", "每年财政补助1000万元", "1000万元", "1000万元", 10),
        ("产出指标", "时效", "1年", "1年", "1年", 10),
        ("效益指标", "经济效益", "完成东津院区建设,医院东津医疗收入达到5亿元", "5亿元", "6.47亿元", 10)]
    # "…10可持续性院区建成后,可持续为周边 群众提供医疗服务服务范围扩 大服务范": the copy ends inside the result, the
    # target printed again.
    assert rows[5] == ("效益指标", "可持续性", "院区建成后,可持续为周边群众提供医疗服务", "服务范围扩大", None, None)


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
