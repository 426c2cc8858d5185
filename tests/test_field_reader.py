"""The table reader on the field set's dev texts as they were found: every expected value is read off the
source line by eye, never copied from the reader's output."""
import pytest
from opencc import OpenCC

from assistant import api
from assistant.document import Paragraph
from assistant.evaluate.extraction import score_extraction
from assistant.extract.narrative import extract_unit_name
from assistant.extract.tokens import is_joined_run, split_fund_run
from schemas.gold import GoldReport
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"


def extract(name: str):
    return api.extract(api.load(DEV / f"{name}.txt"), "rules")


def rows_of(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators]


def test_indicator_rows_copied_without_their_header_are_read_under_the_templates_columns():
    # Line 2: "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5
    # 效益指标经济效益指标结余率(计算方法为:结余数/预算数)≤5% 22.5 合计100 评价结论…" — the page starts below the header.
    report = extract("sichuan_dyrmt_nd_gongzi")
    [table] = report.tables
    assert table.kind == "project"
    assert rows_of(table) == [
        ("产出指标", "数量指标", "足额保障率", "=100%", None, 22.5, None),
        ("产出指标", "数量指标", "科目调整次数", "≤10次", None, 22.5, None),
        ("产出指标", "时效指标", "按时发放率", "=100%", None, 22.5, None),
        ("效益指标", "经济效益指标", "结余率(计算方法为:结余数/预算数)", "≤5%", None, 22.5, None),
    ]
    assert (table.total_weight, table.total_score) == (100, None)  # 合计100: the weights, nobody scored


def test_web_rows_broken_one_cell_late_give_their_labels_to_the_rows_below():
    # Line 2: "2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学 |"; line 8: "| 年初预算数 | 全年预算数 | 全年执行数 |
    # 分值 | 执行率 | 得分 | 年度资金总额 |"; line 9: "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |".
    report = extract("yunnan_yongde_2022_yingyanggaishan")
    [table] = report.tables
    assert (report.year, table.title, report.unit_name) == (2022, "2022年度项目支出绩效自评表", "临沧市永德县明朗中学")
    total = table.funds_total
    assert total.label == "年度资金总额"
    assert (total.initial_budget, total.full_year_budget, total.executed, total.weight, total.execution_rate,
            total.score) == (None, 387664.62, 387664.62, 10, 100, 10)


def test_goals_and_total_glued_into_other_rows_of_a_web_table():
    # Line 16: "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 确保每一个学生都能享受到国家政策福利,改善学生体质 | 确保每一个…
    # 学生体质 | 绩效指标 | …"; line 35: "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |".
    [table] = extract("yunnan_yongde_2022_yingyanggaishan").tables
    goal = "确保每一个学生都能享受到国家政策福利,改善学生体质"
    assert (table.goals.expected, table.goals.achieved) == (goal, goal)
    assert (table.total_weight, table.total_score) == (100, 96)
    assert "其他需要说明事项" not in [i.target for i in table.indicators]


def test_funds_columns_one_or_two_a_line_with_their_formulas_and_rows_apart_by_spaces():
    # Lines 16-38: "部门(单位)名称 中共宁德市委党史和地方志研究室 部门预算编码 901001033", the column words 年初部门预算安排金额 /
    # 历年结余结转 / 年中调整金额③ 小计 / ④ = ①+② +③ / 年度拨付金额 / 支出实现率(%) / ⑥=⑤/④ / 本年度结余金额 / ⑦=④-⑤ /
    # 资金结余率 / (%) / ⑧=⑦/④, then "财政资金小计 2537695 213722.82 0 2751417.82 2546673.98 93% 204743.84 7%" …
    # "合 计 2537695 213722.82 0 2751417.82 2546673.98 93% 204743.84 7%".
    [table] = extract("fujian_ningde_2018_fangzhiwei").tables
    assert (table.kind, table.name) == ("department_overall", "中共宁德市委党史和地方志研究室")
    total = table.funds_total
    assert (total.label, total.initial_budget, total.full_year_budget, total.executed, total.execution_rate) == \
        ("合计", 2537695, 2751417.82, 2546673.98, 93)
    assert [line.label for line in table.fund_lines] == ["财政资金小计", "②市级财政资金"]


def test_sources_grouped_under_subtotals_are_not_added_twice():
    # 财政资金小计 (line 32) is ②市级财政资金 (line 34) again: 合计 = the subtotals, no sum_mismatch.
    checked = api.check(DEV / "fujian_ningde_2018_fangzhiwei.txt")
    assert not [f for f in checked.findings if f.rule == "sum_mismatch"]


def test_run_together_head_keeps_the_year_in_the_title_and_cuts_values_at_the_next_label():
    # Line 20: "1、项目支出绩效自评表(2016年度)           项目名称【体制】自管道路清扫保洁外包工作经费主管部门及代码北京市海淀区
    # 人民政府学院路街道办事处实施单位:北京市海淀区学院路街道城市运行服务中心项目资金(万元) 年初预算数(…".
    report = extract("beijing_haidian_2016_baojie")
    [table] = report.tables
    assert (report.year, table.title, table.name) == (2016, "项目支出绩效自评表", "【体制】自管道路清扫保洁外包工作经费")
    assert report.unit_name == "北京市海淀区学院路街道城市运行服务中心"
    # Line 2: "…绩效目标自评表(2022年度)项目名称中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装项目负责人及电话
    # 谢凯13990260322(办公)主管部门中江县水利局实施单位中江县水利局资金情况(万元)全年预算数(A)…".
    report = extract("sichuan_zhongjiang_2022_shuibiaochi")
    [table] = report.tables
    assert (report.year, report.unit_name) == (2022, "中江县水利局")
    assert table.name == "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装"


def test_title_and_year_rows_of_a_web_table_and_a_unit_printed_after_its_code():
    # Lines 2-3: "部门整体支出绩效自评表 | |||||||||||||" and "(2023年度) | |||||||||||||".
    report = extract("anhui_jinzhai_2023_meilixiangcun")
    assert (report.year, report.tables[0].title) == (2023, "部门整体支出绩效自评表")
    # Line 2: "… False False False 附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 … 实施单位
    # 219001-池州市贵池区棠溪镇人民政府 项目资金 (万元) …".
    report = extract("anhui_tangxi_2022_weituo")
    assert (report.unit_name, report.tables[0].title) == ("池州市贵池区棠溪镇人民政府", "附件: 项目支出绩效自评表")


def test_prose_around_a_flattened_table_keeps_its_figures_and_a_stated_target_is_no_result():
    # Line 2 (traditional): "…(二)項目財務管理狀況本項目累計安排資金10萬元,,其中:…"; and "…(3)數量目標:當年獲得寧德市級以上確認的
    # 人才驛站數量績效目標值是2個…" states the target of the row whose 完成值 is 0個.
    checked = api.check(DEV / "fujian_ningde_2023_rencaiyizhan.txt")
    assert checked.year == 2023
    assert any(f.value == 10 and f.unit == "万元" for f in checked.figures)
    assert not [f for f in checked.findings if f.rule == "text_table_mismatch"]


def test_figures_of_a_traditional_copy_with_pinyin_glosses():
    # Line 3: "…2024年農(nóng)機(jī)購置補貼項目預(yù)算資金合計2089萬元。其中省內(nèi)安排農(nóng)機(jī)購置與應(yīng)用補貼資金
    # 312萬元,中央安排農(nóng)機(jī)購置補貼資金1777萬元。全年預(yù)算執(zhí)行數(shù)合計2089萬元。"
    figures = [(f.value, f.unit) for f in extract("unknown_nd_2024_nongjigouzhi").figures if f.line == 3]
    assert figures == [(2089, "万元"), (312, "万元"), (1777, "万元"), (2089, "万元")]


def test_a_department_table_pasted_one_cell_a_line_keeps_its_head_and_title():
    # The Anhui 2023 department table (its cells as the published copy prints them) pasted one cell a line: the
    # lines 部门 / 金寨县茶谷和美丽乡村建设服务中心 above the funds block are its head, 部门整体支出绩效自评表 its title.
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       only="anhui_jinzhai_2023")
    report = api.extract(api.load(paste.pasted(sheet, "a").encode("utf-8")), "rules")
    [table] = report.tables
    assert (table.kind, table.name, table.title) == ("department_overall", "金寨县茶谷和美丽乡村建设服务中心",
                                                     "部门整体支出绩效自评表")
    assert (table.funds_total.full_year_budget, table.funds_total.executed) == (329.77, 338.31)


def test_funds_columns_no_funds_word_names_pasted_one_cell_a_line():
    # Fujian 2018's funds block pasted one cell a line: 历年结余结转, 年中调整金额③ and 资金结余率(%)⑧=⑦/④ are columns
    # though no funds word names them, so 财政资金小计's eight values fall under their own columns.
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       only="fujian_ningde_2018")
    [table] = api.extract(api.load(paste.pasted(sheet, "a").encode("utf-8")), "rules").tables
    total = table.funds_total
    assert (total.label, total.initial_budget, total.full_year_budget, total.executed, total.execution_rate) == \
        ("合计", 2537695, 2751417.82, 2546673.98, 93)


def test_chongqing_header_words_wrapped_inside_a_word_in_a_narrow_column():
    # Chongqing's 10-column indicator header pasted one cell a line, each word wrapped in its narrow column:
    # 调整 / 指标值, 得分系 / 数(%), 指标权 / 重(分), 是否核 / 心指标 — the rows under it are read.
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       only="chongqing_kexuecheng")
    [table] = api.extract(api.load(paste.pasted(sheet, "i").encode("utf-8")), "rules").tables
    # The first row as printed on line 4: 财政供养人员控制率 % 定量指标 100% 92% 100% 2 2 否.
    first = table.indicators[0]
    assert (first.level3, first.weight, first.score) == ("财政供养人员控制率", 2, 2)


def test_run_together_head_labels_cut_the_title_and_the_unit():
    # Line 21: "2021年度财政项目绩效自评表单位名称:襄阳市中心医院填报日期:2022年3月18日项目名称东津院区建设补助主管部门…
    # 项目实施单位襄阳市中心医院项目类别1、部门预算项目 …".
    report = extract("hubei_xiangyang_2021_dongjin")
    assert (report.unit_name, report.tables[0].title) == ("襄阳市中心医院", "2021年度财政项目绩效自评表")


def test_a_title_row_inside_a_pasted_table_starts_the_next_table():
    # Line 9: "部门预算项目支出绩效自评表(2023年度) | ||||||||||" after the first table's 项目负责人 row.
    report = extract("sichuan_daying_2023_sifaju")
    assert report.year == 2023
    assert [table.title for table in report.tables] == [None, "部门预算项目支出绩效自评表"]


def test_a_one_cell_a_line_dump_in_traditional_characters_with_pinyin_glosses():
    # hebei_langfang lines 45-57: 年度资金总额 / 43.2 / 43.2 / 37.24 / 10 / 86% / 9; lines 120-130: 产出指标 / 数量指标 /
    # 指标1工程资金金额 / 43.2 / 37.24 / 10 / 9 / 已完工,… — the same dump as a traditional copy with glosses prints it.
    text = (DEV / "hebei_langfang_2019_nuantong.txt").read_text(encoding="utf-8")
    traditional = OpenCC("s2t").convert(text).replace("預", "預(yù)").replace("數", "數(shù)").replace("級", "級(jí)")
    [table] = api.extract(api.load(traditional.encode("utf-8")), "rules").tables
    total = table.funds_total
    assert (total.full_year_budget, total.executed, total.weight, total.execution_rate, total.score) == \
        (43.2, 37.24, 10, 86, 9)
    first = table.indicators[0]
    assert (first.level1, first.level2, first.level3, first.target, first.actual, first.weight, first.score) == \
        ("产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", 10, 9)


@pytest.mark.parametrize("name", ["chongqing_kexuecheng_2021_bumenzhengti", "fujian_ningde_2018_fangzhiwei",
                                  "sichuan_daying_2023_sifaju", "yunnan_honghe_2024_shujuzhongxin",
                                  "yunnan_yongde_2022_yingyanggaishan", "yunnan_changning_2022_shengzhu",
                                  "hubei_ezhou_2019_caizhengju", "sichuan_shengji_2017_bumendefen",
                                  "ningxia_shengji_2023_fucaiapp"])
def test_a_traditional_copy_with_pinyin_glosses_reads_as_the_simplified_one(name):
    # Run-together, spaced, pipe and one-cell-a-line texts: the same labels are read from a traditional copy.
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    traditional = OpenCC("s2t").convert(text).replace("預", "預(yù)").replace("數", "數(shù)").replace("級", "級(jí)")
    gold = GoldReport.model_validate_json((DEV / f"{name}.json").read_text(encoding="utf-8"))
    simplified_read, _ = score_extraction(gold, api.extract(api.load(text.encode("utf-8")), "rules"))
    traditional_read, _ = score_extraction(gold, api.extract(api.load(traditional.encode("utf-8")), "rules"))
    assert sorted(traditional_read.errors) == sorted(simplified_read.errors)


@pytest.mark.parametrize("mark", ["- 2 -", "— 2 —", "第2页 共5页", "第 2 页"])
def test_a_web_table_goes_on_after_a_page_number_between_its_rows(mark):
    # anhui_jinzhai: a page number printed between the rows of line 18 (指标2:建设美丽宜居自然村庄数量 | ≥200 | 202 | 10 |
    # 10) and line 19 (指标3:完成农村户用卫生厕所改造数量 | ≥2000 | 3061 | 10 | 10) ends nothing.
    lines = (DEV / "anhui_jinzhai_2023_meilixiangcun.txt").read_text(encoding="utf-8").split("\n")
    assert lines[18].startswith("指标3:完成农村户用卫生厕所改造数量")
    text = "\n".join(lines[:18] + [mark] + lines[18:])
    [table] = api.extract(api.load(text.encode("utf-8")), "rules").tables
    rows = {indicator.level3: (indicator.level2, indicator.target, indicator.score) for indicator in table.indicators}
    assert rows["指标2:建设美丽宜居自然村庄数量"] == ("数量指标", "≥200", 10)
    assert rows["指标3:完成农村户用卫生厕所改造数量"] == ("数量指标", "≥2000", 10)


def test_a_unit_named_after_a_year_does_not_begin_with_its_year():
    # Line 2: "…现将2022年西平县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结…".
    assert extract("henan_xiping_2022_nongcungonglu").unit_name == "西平县交通运输局"


def test_the_unit_that_issued_a_cited_document_is_not_the_reporting_unit():
    # Line 3: "…根 据南昌市财政局关于开展2022年度单位自评及部门评价 工作的通知(洪财绩2023 1号)要求,…(一)南昌市烈士陵园
    # 管理处2022年度共有5个项目" — the finance bureau sent the notice; the 管理处 reports.
    assert extract("jiangxi_nanchang_2022_lieshilingyuan").unit_name == "南昌市烈士陵园管理处"
    # Line 4: "四川省财政厅 四川省水利厅《关于提前下达20xx年中央和省级水利发展资金预算的通知》…下达我县…" — no unit reports.
    assert extract("sichuan_lushan_nd_xichuanhe").unit_name is None


@pytest.mark.parametrize("name", ["sichuan_daying_2020_shuangxin", "fujian_ningde_2023_rencaiyizhan"])
def test_a_phrase_ending_like_a_unit_is_no_unit_name(name):
    # sichuan_daying l.56 "该双心及文明城市创建专项资金项目于2020年初向财政局进行资金申报工作"; fujian_ningde l.2
    # "當年獲得寧德市級以上確認的人才驛站數量" — neither names the reporting unit in full, nor does any other line.
    assert extract(name).unit_name is None


def test_a_title_printed_as_the_copys_file_name_names_the_unit():
    # Line 2: "上海市普陀区体育事业管理中心2022年度项目自评价.pdf" — not the 主管部门 nor a funds row of the table below.
    assert extract("shanghai_putuo_2022_tiyu").unit_name == "上海市普陀区体育事业管理中心"


def test_a_placeholder_in_the_implementers_cell_is_no_unit_name():
    # Line 3: "…项目名称碟令薯樽轴示施项目实施单位/项目负责人原州区农技中心/杨勃兴…" — the cell after 实施单位 holds "/".
    assert extract("ningxia_yuanzhou_2022_malingshu").unit_name != "/"


def test_the_unit_that_fills_in_the_form_is_named_before_the_projects_implementer():
    # Lines 29–33: "主管部门" / "昌宁县供销合作社联合社" / "项目实施单位" / "昌宁县昌龙鸿运牧业专业合作社";
    # line 14: "单位名称:昌宁县供销合作社联合社 填报日期:2023年4月15日" — the 供销社 reports on the 合作社's project.
    assert extract("yunnan_changning_2022_shengzhu").unit_name == "昌宁县供销合作社联合社"


def test_a_title_that_opens_with_guanyu_names_the_unit_after_it():
    title = Paragraph("关于西平县农业农村局2022年度部门整体支出绩效自评的报告", 2)
    assert extract_unit_name([title], [], [], []) == "西平县农业农村局"


@pytest.mark.parametrize("text, unit", [
    ("经研究，现将芦山县农业农村局项目绩效自评结果报告如下：", "芦山县农业农村局"),
    ("本项目由芦山县水务局负责实施。", "芦山县水务局"),
    ("西川河小流域综合治理项目实施单位为芦山县水务局。", "芦山县水务局"),
    ("共青团西平县委员会2022年度部门整体支出绩效自评情况", "共青团西平县委员会"),
])
def test_a_unit_named_in_prose_begins_at_its_name_not_at_the_words_before_it(text, unit):
    assert extract_unit_name([Paragraph(text, 2)], [], [], []) == unit


def test_header_words_wrapped_over_two_printed_rows_are_completed_by_the_row_below():
    # Line 12: "项目资金   年初预算数 全年预算数 全年执行数 分值 执行率 得分", line 13: "(万元)"; line 20: "一级指标 二级指标
    # 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施", line 21: "指标值 完成值"; line 28: "    社会效益 财政工作运行效率
    # ≥80% ≥80% 15 15", line 29: "指标"; line 32: "总分 100 90".
    first, second = extract("hubei_ezhou_2019_caizhengju").tables
    total = first.funds_total
    assert (total.label, total.initial_budget, total.full_year_budget, total.executed, total.weight,
            total.execution_rate, total.score) == ("年度资金总额", 287, 287, 171, 10, 60, 6)
    assert rows_of(first) == [
        ("产出指标", "数量指标", "服务对象人数", "100人次", "100人次", 15, 15),
        ("产出指标", "质量指标", "服务达标率", "80%", "80%", 20, 20),
        ("产出指标", "时效指标", "完成时限", "2019年", "2019年", 15, 15),
        ("产出指标", "成本指标", "计划完成率", "90%", "60%", 20, 10),
        ("产出指标", "社会效益指标", "财政工作运行效率", "≥80%", "≥80%", 15, 15),
        ("满意度指标", "服务对象满意度指标", "受益群体满意度", "90%", "90%", 15, 15),
    ]
    assert first.indicators[3].deviation_note == "部分项目延续至下年"
    assert (first.total_weight, first.total_score) == (100, 90)
    assert (second.name, second.funds_total.executed, second.funds_total.score) == ("财政政务管理", 100, 5)


def test_web_row_broken_after_its_names_takes_the_lines_below_as_its_cells():
    # Line 20: "| 效益指标 | 经济效益 指标 | 减轻贫困学生家庭经济负担 |", line 21: "| 有效 |", line 22: "| 有效 | 10 | 10 |" —
    # one row, its target 有效 merged over the 指标性质, 指标值 and 度量单位 columns.
    [table] = extract("yunnan_yongde_2022_yingyanggaishan").tables
    benefit = [i for i in table.indicators if i.level2 == "经济效益指标"]
    assert [(i.level1, i.level3, i.target, i.actual, i.weight, i.score) for i in benefit] == [
        ("效益指标", "减轻贫困学生家庭经济负担", "有效", "有效", 10, 10)]  # the second 有效 is no 度量单位
    assert all(i.level3 for i in table.indicators if i.level2 != "生态效益指标")  # no row without its name


WEB_COPIES = {"no-break spaces": lambda body: body.replace(" ", chr(0xa0)),
              "zero-width spaces": lambda body: body.replace("\n", chr(0x200b) + "\n").replace("|", "|" + chr(0x200b)),
              "full-width digits": lambda body: body.translate({code: code + 0xFEE0 for code in range(0x30, 0x3A)})}


@pytest.mark.parametrize("copy", sorted(WEB_COPIES))
@pytest.mark.parametrize("name", ["sichuan_daying_2020_shuangxin", "jiangxi_nanchang_2022_lieshilingyuan",
                                  "unknown_nd_nd_yusuankaoping", "hubei_ezhou_2019_caizhengju",
                                  "anhui_jinzhai_2023_meilixiangcun", "yunnan_changning_2022_shengzhu"])
def test_a_copy_keeping_web_spaces_or_full_width_digits_reads_as_the_plain_one(name, copy):
    # A web page's text keeps its &nbsp; as U+00A0 and its &#8203; as U+200B, a Word text its figures typed full-width
    # (１００): the indented "        | 一级指标" cells of
    # sichuan_daying_2020, the single-space rows of hubei_ezhou, the "| … |" rows of anhui_jinzhai and the CSV cells
    # of unknown_nd_yusuankaoping are the same cells.
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    gold = GoldReport.model_validate_json((DEV / f"{name}.json").read_text(encoding="utf-8"))
    plain, _ = score_extraction(gold, api.extract(api.load(text.encode("utf-8")), "rules"))
    web, _ = score_extraction(gold, api.extract(api.load(f"{first}\n{WEB_COPIES[copy](body)}".encode("utf-8")), "rules"))
    assert sorted(web.errors) == sorted(plain.errors)


@pytest.mark.parametrize("name", ["sichuan_qingshen_2023_gongzi", "hubei_ezhou_2019_caizhengju",
                                  "hebei_langfang_2019_nuantong", "yunnan_yongde_2022_yingyanggaishan"])
def test_rates_typed_with_a_full_width_percent_sign_read_as_the_half_width_ones(name):
    # sichuan_qingshen l.32-39 "100.00%" under 预算执行率, hubei_ezhou l.14 "60%" under 执行率: the same cells typed
    # "100.00％", "60％" (the labels then print ％ too).
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    gold_text = (DEV / f"{name}.json").read_text(encoding="utf-8")
    plain, _ = score_extraction(GoldReport.model_validate_json(gold_text),
                                api.extract(api.load(text.encode("utf-8")), "rules"))
    full_width, _ = score_extraction(GoldReport.model_validate_json(gold_text.replace("%", "％")),
                                     api.extract(api.load(f"{first}\n{body.replace('%', '％')}".encode("utf-8")),
                                                 "rules"))
    assert len(full_width.errors) == len(plain.errors)


def test_goals_under_a_numbered_row_label_go_to_their_own_columns():
    # sichuan_nanchong l.5-6: "项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | | | | | 年度目标完成情况 | | | |" then "| | 实施新一轮
    # 退耕还林,…协助完成国家林业局对我市2018年度新一轮退耕还林检查验收,…进行培训等。 | | | | | 实施新一轮退耕还林,…以会代训开展
    # 退耕还林业务培训,对新从业人员进行培训等。 | | | |": "1.项目年度目标完成情况" labels the row, it heads no column.
    [table] = api.extract(api.load(DEV / "sichuan_nanchong_2023_tuigenghuanlin.txt"), "rules").tables
    assert "协助完成国家林业局对我市2018年度新一轮退耕还林检查验收" in table.goals.expected
    assert table.goals.achieved.startswith("实施新一轮退耕还林,规划设计、组织管理、检查验收等,")
    assert table.goals.achieved.endswith("以会代训开展退耕还林业务培训,对新从业人员进行培训等。")
    assert "检查验收,以会代训" not in table.goals.achieved


# Goal texts as the copies print them, read off the source lines by eye: (file, where and why, the expected goal's
# start and end, the achieved goal's start and end — None where the copy prints none).
GOALS = [
    # ningxia_shengji l.16-17: "总体目标完成情况总体目标全年实际完成情况" (the row's label, 总体目标 and 全年实际完成情况 on one
    # line), then one line holding both cells: the plan ("预计…"), then what was done ("…项目费用已全部支付。").
    ("ningxia_shengji_2023_fucaiapp", "项目预计总预算50万元,", "预计2023年形票销量14.5亿元,筹集公益金2.35亿元。",
     "福彩App升级改造项目,其中:", "项目费用已全部支付。"),
    # chongqing_kexuecheng l.3-4: "…全年目标实际完成情况无通过整合各级各类媒体、…为建设成渝地区" / "2、双城经济圈…营造了良好
    # 氛围。指标名称…": the adjusted goal is "无"; what was done is the sentence after the plan ("完成了"), its page mark
    # "2、" no part of it.
    ("chongqing_kexuecheng_2021_bumenzhengti", "通过整合各级各类媒体、", "思想文化领域建设等工作。",
     "中心2021年较好地完成了履职任务,", "为建设成渝地区双城经济圈和西部(重庆)重庆科学城营造了良好氛围。"),
    # ningxia_yuanzhou l.5: "…市县资金年度总体目标一是通过政府招标采购方式,采购马铃薯原原种425万粒,…平均亩产马铃薯原种2500公斤绩效
    # 指标…": one goals cell under 年度总体目标; its numbers (425, 850, 2500 …) stay in it.
    ("ningxia_yuanzhou_2022_malingshu", "一是通过政府招标采购方式,采购马铃薯原原种425万粒,",
     "共计建成原种繁育基地1250亩,平均亩产马铃薯原种2500公斤", None, None),
    # beijing_haidian l.20-22: "…年度总体目标通过规范地区自管道路…实现科学管" / "2、理,充分发挥…各项事业的发展按照年初设定目标,
    # 将辖区20条城市道路…做出了贡献绩效指标…": the form's word 年初设定目标 inside the sentence is no head cell; the achieved
    # goal opens "按照年初设定目标,".
    ("beijing_haidian_2016_baojie", "通过规范地区自管道路清扫保洁外包工作经费工作专项资金的使用,", "文化等各项事业的发展",
     "按照年初设定目标,将辖区20条城市道路清扫保洁、4处居民生活区", "为建设全国文明城区及建设美丽学院路做出了贡献"),
    # fujian_ningde_2018 l.39-56: the row label "年度" "总体" "目标" "完成" "情况" one word a line, "预期目标 目标实际完成情况",
    # then " 目标1:确保本委在职及退休人员工资、福利的发放;" … " 目标3:…确保完成2018年度任务。" and " 目标1完成情况:基本完成,达成率为
    # 90%以上" … "目标3完成情况:基本完成,达成率为97%"; the indicator block's label "年度" "绩效" "指标" … follows.
    ("fujian_ningde_2018_fangzhiwei", "目标1:确保本委在职及退休人员工资、福利的发放;", "确保完成2018年度任务。",
     "目标1完成情况:基本完成,达成率为90%以上", "目标3完成情况:基本完成,达成率为97%"),
]


@pytest.mark.parametrize("name, expected_start, expected_end, achieved_start, achieved_end", GOALS)
def test_goal_texts_are_read_whole_and_apart(name, expected_start, expected_end, achieved_start, achieved_end):
    table = api.extract(api.load(DEV / f"{name}.txt"), "rules").tables[0]
    expected, achieved = table.goals.expected, table.goals.achieved
    assert expected.startswith(expected_start) and expected.endswith(expected_end)
    if achieved_start is None:
        assert achieved is None
    else:
        assert achieved.startswith(achieved_start) and achieved.endswith(achieved_end)


def test_a_goal_broken_by_a_viewers_page_mark_is_one_text():
    # beijing_haidian l.20-22: "…实现科学管" / "2、理,充分发挥…": the page mark "2、" breaks the expected goal's word 管理.
    table = api.extract(api.load(DEV / "beijing_haidian_2016_baojie.txt"), "rules").tables[0]
    assert "实现科学管理,充分发挥" in table.goals.expected


def test_run_together_weights_printed_as_shares_of_the_points():
    # sichuan_nd_nd_puhuijinrong l.2: "…指标值完成值权重得分产出指标数量指标创业担保贷款发放额增长率≥10%115.25%20%20质量指标
    # 创业担保贷款回收率≥90%98.70%20%20…申报创业担保贷款贴息个人满意度≥80%100%5%5…得分合计100": the 权重 is printed as
    # the share of the 100 points it weighs, "20%", then the 得分 "20".
    [table] = extract("sichuan_nd_nd_puhuijinrong").tables
    rows = rows_of(table)
    assert ("产出指标", "数量指标", "创业担保贷款发放额增长率", "≥10%", "115.25%", 20, 20) in rows
    assert ("产出指标", "质量指标", "创业担保贷款回收率", "≥90%", "98.70%", 20, 20) in rows
    assert ("满意度指标", "服务对象满意度指标", "申报创业担保贷款贴息个人满意度", "≥80%", "100%", 5, 5) in rows


def test_a_completion_rate_column_between_the_result_and_the_points_is_passed():
    # hainan_shengji_2023_xueshengshiwu l.16-17: "一级指标 二级指标 三级指标 指标性质 年度指标值 度量单位 实际完成值 完成率 分值
    # 得分 未完成原因分析" / "产出指标 数量指标 资助困难教师及学生 52 10 19.23% 20.00 3.85 滋慧计划由中央直接拨付到个人银行账户。"
    table = extract("hainan_shengji_2023_xueshengshiwu").tables[0]
    assert rows_of(table)[:2] == [("产出指标", "数量指标", "资助困难教师及学生", "52", "10", 20, 3.85),
                                  ("产出指标", "质量指标", "困难教师", "2", "0", 30, 0)]


def test_a_padded_web_row_under_merged_level_cells_puts_its_name_under_the_name_column():
    # hubei_huangshi_2022 lines 18-19: "时效指标 | 可保证读者使用时长 | 全天候可用 | 全天候 | 10 | |||||", then "2022年全年 |
    # ≥360天 | ≥360天 | |||||||" — the second 三级指标 of the merged 时效指标, its target and result (its 得分 merged above),
    # padded on the right. Shifted so that its cells fall under the level columns, the name would be read as nothing.
    [table] = api.extract(api.load(DEV / "hubei_huangshi_2022_gongxianggongcheng.txt"), "rules").tables
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual, i.score) for i in table.indicators}
    assert rows["2022年全年"] == ("产出指标", "时效指标", "≥360天", "≥360天", None)
    # line 20: "成本指标 | 以低价位高质量为采购原则 | 5万 | 5万 | 10 | |||||" keeps its stage
    assert rows["以低价位高质量为采购原则"] == ("产出指标", "成本指标", "5万", "5万", 10)


def test_a_table_run_together_in_a_government_pages_summary_cell_is_read_as_its_text():
    # anhui_xuancheng_2023 line 6: the page's info table "信息名称 | 2023年《…绩效目标自评表》 | 内容概述 | 宣城市转移支付区
    # 域(项目)绩效目标自评表(2023年度)转移支付(项目)名称中央农业防灾减灾(动物防疫补助)及…中央主管部门农业农村部…资金投入情
    # 况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A×100%)年度资金总额:1484631.00%其中:中央财政资金10200%地方资金
    # 4646100%…" (traditional characters with pinyin glosses in the source): the summary is the table itself.
    report = extract("anhui_xuancheng_2023_dongwufangyi")
    [table] = report.tables
    assert table.title == "宣城市转移支付区域(项目)绩效目标自评表"
    assert table.name == "中央农业防灾减灾(动物防疫补助)及省级农业高质量发展(“两强一增”行动)"
    parts = {line.label: (line.full_year_budget, line.executed, line.execution_rate) for line in table.fund_lines}
    assert parts["中央财政资金"] == (102, 0, 0) and parts["地方资金"] == (46, 46, 100)
    # "1484631.00%" reads 148 | 46 | 31.00% and as well 14846 | 31.0 | 0% by its rate; only 148 = 102 + 46 and
    # 46 = 0 + 46 are its parts' sums.
    total = table.funds_total
    assert (total.full_year_budget, total.executed, total.execution_rate) == (148, 46, 31)
    assert not any("1484631.00%" in warning for warning in report.warnings)


def test_a_funds_total_run_together_past_its_rates_one_reading_is_split_only_by_its_parts_sums():
    # anhui_xuancheng_2023 line 6, "年度资金总额:1484631.00%" under 全年预算数(A) | 全年执行数(B) | 预算执行率: its rate reads
    # 148 | 46 | 31.00% and as well 14846 | 31.0 | 0% — no one rate, no one reading; its parts' sums say which.
    roles = ["full_year_budget", "executed", "execution_rate"]
    assert is_joined_run("1484631.00%")
    assert split_fund_run("1484631.00%", roles) is None
    assert split_fund_run("1484631.00%", roles, {"full_year_budget": 148, "executed": 46}) == ["148", "46", "31.00%"]


def test_a_goals_head_of_two_column_words_heads_the_goals_printed_under_it():
    # anhui_xiuning_2023 line 14: "总体目标 | 全年实际完成情况", line 15: "对中共皖浙赣省委驻地旧址进行陈列布展,…发挥红色
    # 文化功能作用。 | 因该项目为革命文物展陈,…将尽快实施。" — 全年实际完成情况 is the second column's word, not the goal.
    [table] = extract("anhui_xiuning_2023_zhanchen").tables
    assert table.goals.expected.startswith("对中共皖浙赣省委驻地旧址进行陈列布展")
    assert table.goals.achieved.startswith("因该项目为革命文物展陈")


def test_a_goal_printed_alone_under_both_goal_words_is_the_expected_one_unless_it_reports_work_done():
    # sichuan_langzhong_2021 line 32: "总体目标完成情况总体目标全年实际完成情况", line 33: "按计划完成2021年度省道公路建设。
    # 建设普通省道二级公路32.1公里,保证道路安全畅通。" — a plan: the expected goal, the achieved cell left out.
    [table] = extract("sichuan_langzhong_2021_chegoushui").tables
    assert table.goals.expected.startswith("按计划完成2021年度省道公路建设") and table.goals.achieved is None
    # shanghai_putuo_2022 line 3: "… 预期目标 年度 总体 目标 86.19% 实际完成情况 已完成普陀体育中心与委托运营方费用结算。" —
    # it reports what was done: the achieved goal.
    first = extract("shanghai_putuo_2022_tiyu").tables[0]
    assert first.goals.achieved == "已完成普陀体育中心与委托运营方费用结算。"


def test_a_second_level_printing_only_its_zero_points_is_an_empty_level_not_an_indicator():
    # anhui_huoqiu_2022 line 24: "可持续影响指标 科技特派员创业行动能力持续提升 能力持续提升 达成预期指标 10 10",
    # line 25: "生态效益指标         0" — a 二级 with no indicator under it, not an indicator named 生态效益指标.
    rows = rows_of(extract("anhui_huoqiu_2022_kejitepaiyuan").tables[0])
    assert ("效益指标", "生态效益指标", None, None, None, None, None) in rows
    assert not any(row[2] == "生态效益指标" for row in rows)


def test_a_pipe_rows_first_cell_whose_line_broke_after_it_stays_in_its_row():
    # hubei_huangshi_2022_haimianchengshi line 14: "成本指标", line 15: "| 省级宣传片制作费、申报文本编制费、自评估报告编制费 |
    # 200万 | 195.5万元 | 10 | |||||" — one row, the table going on; line 16 "效益指标 | 经济效益 指标 | …" under it.
    document = api.load(DEV / "hubei_huangshi_2022_haimianchengshi.txt")
    [table] = api.extract(document, "rules").tables
    rows = rows_of(table)
    assert ("产出指标", "成本指标", "省级宣传片制作费、申报文本编制费、自评估报告编制费", "200万", "195.5万元", None, 10) in rows
    assert [row[1] for row in rows] == ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
                                        "生态效益指标", "满意度指标"]
    # line 13's target "6月份完成宣传片制作;9月份完成文本;11月完成专家评审" is a schedule, met by "完成": no finding
    assert api.check(document).findings == []


def test_a_two_row_header_whose_upper_row_alone_a_page_prints_again_is_no_row_of_the_table():
    # Sample 000 drawn in a variant form (年度指标值 over 指标性质 | 指标值 | 度量单位) and pasted a cell a line, broken
    # over pages: a page opens with the header's upper row again (绩效指标, 一级指标 … 全年完成值), not the lower one.
    # It was read as a second header, the rows under it losing their targets (F1 0.54).
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="000_9f4ecd25e267d59e", variants=(1,))
    text = paste.pasted(sheet, "q")
    upper = text.split("- 3 -\n", 1)[1].splitlines()[:11]
    assert upper[:2] == ["绩效指标", "一级指标"] and upper[10] == "效益指标(30分)"  # the upper row only, then a row
    assert paste.score_paste(text, gold).f1 >= 0.95
    assert paste.score_paste(text, gold).f1 == paste.score_paste(paste.pasted(sheet, "p"), gold).f1  # as unrepeated


def test_a_goals_head_naming_its_achieved_column_total_goal_done_reads_both_goals():
    # xinjiang_fukang_2023 line 25: "年度总体目标 总体目标 总体目标完成情况", line 26: "1.根据《关于拨付国家统计局昌吉调查队专项经费
    # 的通知》… 截至2023年12月31日,本项目完成住户数据产品120人,…" — 总体目标完成情况 heads the achieved goal.
    [table] = extract("xinjiang_fukang_2023_diaochadui").tables
    assert table.goals.expected.startswith("1.根据《关于拨付国家统计局昌吉调查队专项经费的通知》")
    assert table.goals.achieved.startswith("截至2023年12月31日,本项目完成住户数据产品120人")


def test_a_row_printed_on_a_line_apart_by_spaces_keeps_its_unweighted_second_level_apart_from_its_name():
    # Jiangxi's 整体支出 form (分解目标 | 自评权重 | 二级指标 | 三级指标 | …) drawn from its labels and pasted a row a line,
    # cells apart by single spaces: "管理指标 30 预算编审管理 完整、准确率 100% 100% 4 4" — 预算编审管理 is the 二级, not the
    # first half of an indicator named 预算编审管理完整、准确率.
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only="jiangxi_nanchang_2021")
    text = paste.pasted(sheet, "g")
    assert "管理指标 30 预算编审管理 完整、准确率 100% 100% 4 4" in text.splitlines()
    [table] = api.extract(api.load(text.encode("utf-8")), "rules").tables
    managed = [(row.level1, row.level2, row.level3) for row in table.indicators if row.level1 == "管理指标"]
    assert managed[:2] == [("管理指标", "预算编审管理", "完整、准确率"), ("管理指标", "预算执行管理", "完成率、控制率")]
    assert [level2 for _, level2, _ in managed[:7]] == ["预算编审管理", "预算执行管理", "部门结转结余资金管理", "预决算信息公开管理",
                                                        "部门预算管理", "政府采购管理", "资产管理"]


@pytest.mark.parametrize("report, style, floor", [
    # Ningde 2023 a row a line, cells apart by spaces: "评价内容 绩效内容 绩效目标值 实际完成值 累计完成率" — the rows print
    # their 累计完成率 ("… >=2个 0个 0%"), a column kept.
    ("fujian_ningde_2023_rencaiyizhan", "g", 0.98),
    # Suizhou a cell a line, its empty cells left out: the 复核分 and 评价标准 its rows never fill are read without, so
    # the next row's 产出指标 | 质量指标 are no 复核分 and 评价标准 of the row above; its 项目权重 rows, whose level names carry
    # their points (项目管理13分) beside the indicator, are read only from a copy that keeps its empty cells.
    ("hubei_suizhou_2022_jijiuzhongxin", "b", 0.62),
    ("hubei_guangshui_2021_xiangcundaolu", "b", 0.66),
])
def test_a_header_ending_in_columns_no_row_fills_is_read_without_them_where_a_copy_leaves_empty_cells_out(
        report, style, floor):
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only=report)
    assert paste.score_paste(paste.pasted(sheet, style), gold).f1 >= floor


def test_sichuans_project_completion_stage_is_a_first_level_a_cell_a_line():
    # sichuan_daying_2020_yanglaofuwu l.2-10: "| 项目完成指标", "质量指标", "改善养老服务基础条件", "改善条件", "明显改善": 大英's 2020
    # form names its 产出 stage 项目完成指标. A copy a cell a line (paste style b) reads it as the rows' 一级 (0.46 before:
    # each row read under no 一级).
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       only="sichuan_daying_2020_yanglaofuwu")
    report = api.extract(api.load(paste.pasted(sheet, "b").encode("utf-8")), "rules")
    rows = {i.level3: (i.level1, i.level2, i.target, i.actual) for t in report.tables for i in t.indicators}
    assert rows["改善养老服务基础条件"] == ("项目完成指标", "质量指标", "改善条件", "明显改善")
