"""Tables as government and bid-notice pages print them, read from real field-set copies (evals/field/dev): a table
whose every cell is printed "text |" (a row with an empty first cell opens with its bar), a site's remark run into
the header, another table's header printed right under the indicators, a copy that keeps a cell's first line only
(一级 for 一级指标, 产 for 产出指标), a Zhejiang head printing its funds as label–value cells under a cover. Expected
values are read off the source lines by eye, never copied from the reader's output."""
from docx import Document

from assistant import api
from tests.conftest import ROOT, extracted_tables

DEV = ROOT / "evals" / "field" / "dev"


def test_a_bid_notices_copy_every_cell_closed_by_a_bar_is_read_row_by_row_from_the_cli():
    # shanxi_lvliang_2021 l.2 "详情见附件(注:以下内容为附件图片识别,…,请以附件为准)一级指标 | 二级指标 | 指标名称 | 目标值 |
    # 完成值 |"; l.3 "产出指标 | 产出数量 | 完成2021年吕梁山护工培训任务 | 12500名 | 12166名 |"; l.6 "| | 参训学员结业考核通过率 |
    # 100% | 98.79% |"; l.12 "| 社会效益 | 参训学员就业率 | 60%及以上 | 53.53% |"; l.15 "| 满意度 | 参培学员满意度 | 95%及以上 |
    # 88.32%及以上 |"; l.16 "序号 | 学校性质 | 培训机构 | …": the list of schools below is no indicator.
    [table] = extracted_tables(DEV / "shanxi_lvliang_2021_hugongpeixun.txt")
    rows = [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"]) for row in table["indicators"]]
    assert rows[0] == ("产出指标", "产出数量", "完成2021年吕梁山护工培训任务", "12500名", "12166名")
    assert ("产出指标", "产出质量", "参训学员结业考核通过率", "100%", "98.79%") in rows
    assert ("效益指标", "社会效益", "参训学员就业率", "60%及以上", "53.53%") in rows
    assert rows[-1] == ("效益指标", "满意度", "参培学员满意度", "95%及以上", "88.32%及以上")
    assert len(rows) == 13


def test_a_copy_that_keeps_each_cells_first_line_reads_its_level_column_and_its_first_level_name():
    # anhui_huainan_2023 l.93-103 "年度绩效指标完成情况 |" "一级 |" "二级指标 |" … "偏差原因分析及改进措施 |" "|||" "产 |"
    # "数量指标 |" "指标1:窗口和工作人员月度绩效考核全覆盖,优秀比例不超过20% |" "|" "达成预期指标 |" "15 |" "15 |".
    table = api.extract(api.load(DEV / "anhui_huainan_2023_chuangkoukaohe.txt"), "rules").tables[0]
    first = table.indicators[0]
    assert (first.level1, first.level2, first.level3, first.target, first.actual, first.weight, first.score) == \
        ("产", "数量指标", "指标1:窗口和工作人员月度绩效考核全覆盖,优秀比例不超过20%", None, "达成预期指标", 15, 15)


def test_a_zhejiang_head_under_its_cover_is_a_projects_table_with_its_funds_and_its_unit():
    # zhejiang_chunan_2020 l.4 "项目单位 淳安县文化和广电旅游体育局"; l.15 "计划安排资金(万元) | 1088.00 | 实际到位资金(万元) |
    # 1020.02 |"; l.18-19 "市财政 | 49.34 | 市财政 | 49.34 |", "县财政 | 1038.66 | 县财政 | 970.68 |".
    report = api.extract(api.load(DEV / "zhejiang_chunan_2020_gonggongwenhua.txt"), "rules")
    assert report.unit_name == "淳安县文化和广电旅游体育局"
    [table] = report.tables
    assert table.kind == "project"
    assert (table.funds_total.full_year_budget, table.funds_total.executed) == (1088, 1020.02)
    lines = {line.label: line.full_year_budget for line in table.fund_lines}
    assert (lines["市财政"], lines["县财政"]) == (49.34, 1038.66)


def test_a_word_table_whose_header_leaves_the_second_level_word_out_reads_that_column_as_the_second_level(tmp_path):
    # chongqing_zhongxian_2021's form as its county prints it (l.19 "绩效指标 一级指标 三级指标 年度指标值 全年完成值 …"):
    # the 二级 names stand in a column with an empty head cell.
    document = Document()
    document.add_paragraph("中央、市级专项转移支付绩效目标自评表")
    rows = [["绩效指标", "一级指标", "", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
            ["", "产出指标", "数量指标", "指标1:新建道路", "524m", "524m", ""],
            ["", "产出指标", "质量指标", "指标1:工程完工率", "100%", "100%", ""],
            ["", "效益指标", "社会效益指标", "道路交通设施", "提高村民收入", "提高村民收", ""]]
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(grid.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "longtancun.docx"
    document.save(path)
    table = api.extract(api.load(path), "rules").tables[0]
    assert [(i.level1, i.level2, i.level3, i.target) for i in table.indicators] == [
        ("产出指标", "数量指标", "指标1:新建道路", "524m"), ("产出指标", "质量指标", "指标1:工程完工率", "100%"),
        ("效益指标", "社会效益指标", "道路交通设施", "提高村民收入")]


def test_a_bid_sites_spaced_copy_joins_a_first_level_printed_a_character_a_line_onto_its_rows_line_from_the_cli():
    # anhui_huizhou_2025 l.11-14 "资金投入情况" "(万元) 全年预算数( A ) 全年执行数( B ) 分值 预算执行率" "( B/A×100%) 得分"
    # "年度资金总额: 4 4 10 100% 10"; l.28 "绩 效 指 标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分 …"; l.29-32
    # "产" "出" "指" "标 数量指标 维护电影放映设备数量 ≥5套 5套 20 20"; l.34-39 "效" "益" "指" "标 经济效益"
    # "指标 全年影院观影人数 ≥4万人次 4.4万人次 5 5" (0.09 before: every 一级 character read as a row of its own).
    [table] = extracted_tables(DEV / "anhui_huizhou_2025_dianyingzhuanzi.txt")
    funds = table["funds_total"]
    assert (funds["full_year_budget"], funds["executed"], funds["weight"], funds["execution_rate"], funds["score"]) == \
        (4, 4, 10, 100, 10)
    rows = [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"], row["weight"], row["score"],
             row["line"]) for row in table["indicators"]]
    assert rows[0] == ("产出指标", "数量指标", "维护电影放映设备数量", "≥5套", "5套", 20, 20, 32)
    assert ("效益指标", "经济效益指标", "全年影院观影人数", "≥4万人次", "4.4万人次", 5, 5, 38) in rows
    assert not any(len(row[2]) == 1 and row[2] in "产出效益指标" for row in rows)


def test_a_stage_printed_with_its_points_under_the_first_level_is_never_a_second_level_name():
    # hubei_huangshi_2022_gongxianggongcheng l.26-27: "可持续影响指标 | ≥360天服务读者 | ≥360天 | ≥360天 | 10 | |||||",
    # "满意度指标(10分) | 读者 | 在网络上设置读者满意度调查": the row's 一级 满意度指标, its 二级 读者 — a stage is no 二级 of
    # the 效益指标 above it (read before as 效益指标 | 满意度指标 | 读者, its name taken for its target).
    [table] = extracted_tables(DEV / "hubei_huangshi_2022_gongxianggongcheng.txt")
    rows = [(row["level1"], row["level2"], row["level3"]) for row in table["indicators"]]
    assert rows[-1] == ("满意度指标", "读者", "在网络上设置读者满意度调查")
