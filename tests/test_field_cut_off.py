"""Copies cut off inside a table (the field set's `truncated` texts, dev split, as they were found): what is printed
is read; every expected value is read off the source lines by eye, never copied from the reader's output. And a dev
table's rows as a spreadsheet's copy pastes them (evals/tools/paste.py), cut below their header or broken by a page,
read back to the table's gold labels."""
import docx

from assistant import api
from assistant.llm.settings import LLMSettings
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"


def test_the_last_row_cut_off_before_its_values_keeps_its_names():
    # Lines 250-260, one cell a line: "产出成本" "3" "3" "项目效益" "40" "经济", and the copy ends: 经济 is a row under
    # 项目效益 (its 分值 40 printed after it) with no values yet.
    [table] = api.extract(api.load(DEV / "hainan_shengji_fuwumaoyi.txt"), "rules").tables
    last = table.indicators[-1]
    assert (last.level1, last.level2, last.level3, last.weight, last.score, last.line) == \
        ("项目绩效", "项目效益", "经济", None, None, 260)
    assert (table.indicators[-2].level3, table.indicators[-2].weight) == ("产出成本", 3)


def test_a_level_with_no_row_under_it_then_the_last_row_cut_off_before_its_values():
    # Line 2, the copy's end: "… 对推动基建项目“四项制度”健全和落实的持续性影响 效果明显 达成预期指标 10 10 经济效益指标 满意度指标(10分)
    # 满意度指标 公众满": 经济效益指标 has no row under it before the next 一级, and 公众满 is a row cut off with its names.
    [table] = api.extract(api.load(DEV / "anhui_tangxi_2022_weituo.txt"), "rules").tables
    assert [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators[-3:]] == [
        ("效益指标", "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", 10, 10),
        ("效益指标", "经济效益指标", None, None, None),
        ("满意度指标", "满意度指标", "公众满", None, None)]


def test_the_last_rows_note_and_a_placeholder_row_at_the_end_of_the_copy():
    # Lines 448-460, one cell a line, then the copy ends: "指标1学生满意度" "100" "100" "10" "10" "0" "指标2": "0" is the
    # row's 偏差原因 cell and 指标2 a placeholder row with no values.
    [table] = api.extract(api.load(DEV / "hebei_langfang_2019_nuantong.txt"), "rules").tables
    assert [(i.level2, i.level3, i.weight, i.score, i.deviation_note, i.line) for i in table.indicators[-2:]] == [
        ("服务对象满意度指标", "指标1学生满意度", 10, 10, "0", 448), ("服务对象满意度指标", "指标2", None, None, None, 460)]


def test_a_copy_that_starts_below_the_indicator_header_reads_its_rows_by_their_cells_types():
    # sichuan_daying_2022 lines 2-11, the page's text opening inside a table (its header above the excerpt):
    # "公益性讲座知晓率 | = | 100 | % | 100 | 5 | 5 |" … "满意度指标 | 服务对象满意度指标 | 活动参与人员满意度 | ≥ | 95 | % | 95 |
    # 5 | 5 |" … "合计 | 100 | 100 |": a comparator, a figure and a unit then two numbers are Sichuan's split target,
    # its 完成值, 权重 and 得分.
    table = api.extract(api.load(DEV / "sichuan_daying_2022_zhifafuzhuang.txt"), "rules").tables[0]
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        (None, None, "公益性讲座知晓率", "=100%", "100", 5, 5),
        (None, "可持续影响指标", "图书馆管理机制健全性", "好坏", "好坏", 5, 5),
        ("满意度指标", "服务对象满意度指标", "活动参与人员满意度", "≥95%", "95", 5, 5),
        ("满意度指标", "服务对象满意度指标", "聘用人员满意度", "≥95%", "95", 5, 5)]
    assert (table.total_weight, table.total_score) == (100, 100)


def test_a_row_line_broken_at_an_empty_cell_keeps_the_cell_where_every_cell_is_printed_text_and_a_bar():
    # sichuan_daying_2022 lines 4-5: "可持续影响指标 | 图书馆管理机制健全性 | 定性 | 好坏 |" then "| 好坏 | 5 | 5 |": the
    # line broke in the empty 度量单位 cell, so 好坏 after it is the 完成值, and 5, 5 the 权重 and 得分.
    row = api.extract(api.load(DEV / "sichuan_daying_2022_zhifafuzhuang.txt"), "rules").tables[0].indicators[1]
    assert (row.level3, row.actual, row.weight, row.score, row.line) == ("图书馆管理机制健全性", "好坏", 5, 5, 4)


def test_a_copy_that_ends_after_a_tables_name_and_goals_keeps_that_table():
    # sichuan_daying_2022 lines 18-25: "部门预算项目支出绩效自评表(2022年度)", "项目名称 | 51092322T000000436802-文化市场综合
    # 行政执法人员制式服装预算经费 |", the 主管部门 row, the goals' texts, and the page ends at "预算执行情况(10分) |".
    report = api.extract(api.load(DEV / "sichuan_daying_2022_zhifafuzhuang.txt"), "rules")
    table = report.tables[1]
    assert (table.title, table.name, table.funds_total, table.indicators) == \
        ("部门预算项目支出绩效自评表", "51092322T000000436802-文化市场综合行政执法人员制式服装预算经费", None, [])
    assert table.goals.achieved == "执法队配备购置服装数量9套,配备制式服装的人员数量9人。"
    assert any("截断" in warning for warning in report.warnings)


def test_a_dump_that_ends_after_a_tables_name_and_goals_keeps_that_table(tmp_path):
    # sichuan_daying_2022 lines 18-25 copied one cell a line (each "|"-separated cell of the page on a line of its own,
    # as a reader's copy of the same page gives it): the title, "项目名称", "51092322T000000436802-文化市场综合行政执法
    # 人员制式服装预算经费", the 主管部门 and 实施单位 cells, "项目年度目标" "年度目标完成情况", the two goals, and the copy ends
    # at "预算执行情况(10分)".
    lines = (DEV / "sichuan_daying_2022_zhifafuzhuang.txt").read_text(encoding="utf-8").splitlines()[17:25]
    cells = [cell.strip() for line in lines for cell in line.split("|") if cell.strip()]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(cells) + "\n", encoding="utf-8")
    [table] = api.extract(api.load(path), "rules").tables
    assert (table.name, table.funds_total, table.indicators) == \
        ("51092322T000000436802-文化市场综合行政执法人员制式服装预算经费", None, [])
    assert (table.goals.expected[:13], table.goals.achieved) == \
        ("2022年年度内,计划使用", "执法队配备购置服装数量9套,配备制式服装的人员数量9人。")


def tab_rows_of(prefix: str) -> tuple[list[str], object]:
    """A dev table's rows as a spreadsheet's copy pastes them (TABs; paste style f), and its gold."""
    paste = eval_tool("paste")
    [(_, _, sheet, gold)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                          only=prefix)
    return paste.pasted(sheet, "f").split("\n"), gold


def read_text(text: str):
    return api.extract(api.load(text.encode("utf-8"), "pasted.txt"), "rules")


def test_tab_rows_copied_from_below_the_header_are_read_under_the_forms_columns():
    """Tangxi's table (evals/field/dev/anhui_tangxi_2022_weituo) copied from its first indicator row down, the header
    and funds block above left out: "产出指标 | 数量指标 | 基建工程委托业务项目数量 | ≥50个 | 50 | 8 | 8" … — the national
    form's columns fit the cells (a figure with its comparator, a result, two numbers, 得分 never over 分值), every
    labelled row is read whole, and the reviewer is told the columns were inferred."""
    lines, gold = tab_rows_of("anhui_tangxi_2022_weituo")
    first = next(index for index, line in enumerate(lines) if "基建工程委托业务项目数量" in line)
    report = read_text("\n".join(lines[first:]))
    [table] = report.tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == \
        [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators]
    assert any("没有表头" in warning for warning in report.warnings)
    # Columns told by types, not by a header: the hybrid extractor has the LLM read the table again.
    assert table.confidence < LLMSettings().confidence


def test_tab_rows_from_below_the_header_with_rows_that_print_only_their_names():
    """Langfang's table (evals/field/dev/hebei_langfang_2019_nuantong) copied from its first indicator row down: its
    placeholder rows print their names alone ("产出指标 | 数量指标 | 指标2", values empty), which fit the form on the
    left, where names are, not on the right, where values are; so the form fits most rows and every labelled row
    with its values is read."""
    lines, gold = tab_rows_of("hebei_langfang_2019_nuantong")
    first = next(index for index, line in enumerate(lines) if "指标1工程资金金额" in line)
    [table] = read_text("\n".join(lines[first:])).tables
    valued = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators
              if i.weight is not None]
    read = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert valued and all(row in read for row in valued)


def test_tab_rows_a_page_break_carried_away_go_on_with_their_table():
    """The same table with a page break inside its indicator rows: the page number and a 续 title between
    "项目总成本" and the row above. The rows after the break, with no header of their own, are read under the
    table's columns and added to it: one table, every labelled row, its levels carried over the break."""
    lines, gold = tab_rows_of("anhui_tangxi_2022_weituo")
    at = next(index for index, line in enumerate(lines) if "项目总成本" in line)
    report = read_text("\n".join(lines[:at] + ["", "— 1 —", "", "附件: 项目支出绩效自评表（续）"] + lines[at:]))
    [table] = report.tables
    assert [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators] == \
        [(i.level1, i.level2, i.level3, i.weight, i.score) for i in gold.tables[0].indicators]


def test_a_word_table_split_in_two_with_no_header_on_the_second_is_one_table(tmp_path):
    """Tangxi's table typed into Word as two tables, the second (from 项目总成本 on) with no header of its own, as a
    table broken at a page and carried on without repeating its header row: one table, every labelled row."""
    lines, gold = tab_rows_of("anhui_tangxi_2022_weituo")
    at = next(index for index, line in enumerate(lines) if "项目总成本" in line)
    document = docx.Document()
    for part in (lines[:at], lines[at:]):
        rows = [line.split("\t") for line in part if line.strip()]
        grid = document.add_table(rows=len(rows), cols=max(map(len, rows)))
        for cells, row in zip(grid.rows, rows):
            for cell, text in zip(cells.cells, row):
                cell.text = text
        document.add_paragraph("")
    path = tmp_path / "split.docx"
    document.save(path)
    [table] = api.extract(api.load(path), "rules").tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == \
        [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in gold.tables[0].indicators]


def test_rows_with_no_header_after_a_table_closed_by_its_total_are_a_table_of_their_own():
    """Tangxi's table closed by a 总分 row, then a paragraph, then rows of indicators with no header (another
    project's, cut from its copy): they are not the first table's — it keeps its rows and its total — but a table
    of their own; nor does a title that merely holds 续 (持续发展) make them go on with it."""
    lines, gold = tab_rows_of("anhui_tangxi_2022_weituo")
    first = next(index for index, line in enumerate(lines) if "基建工程委托业务项目数量" in line)
    closed = [*"\n".join(lines).rstrip().split("\n"), "总分\t\t\t\t\t\t88\t88\t"]
    for between in ("二、乡村公路项目绩效自评情况", "乡村振兴持续发展项目支出绩效自评表"):
        report = read_text("\n".join([*closed, "", between, "", *lines[first:]]))
        assert [len(table.indicators) for table in report.tables] == [len(gold.tables[0].indicators)] * 2, between
        assert (report.tables[0].total_weight, report.tables[0].total_score) == (88, 88)


def test_rows_cut_below_their_header_in_a_department_report_are_the_departments_table():
    """Jinzhai's department table (evals/field/dev/anhui_jinzhai_2023_meilixiangcun, gold kind department_overall)
    copied from its first indicator row down under the report's title: the rows name neither a department nor a
    project, so the title (…部门整体支出绩效自评报告) gives the table's kind; under a project's title they stay a
    project's."""
    lines, gold = tab_rows_of("anhui_jinzhai_2023_meilixiangcun")
    first = next(index for index, line in enumerate(lines) if "开展精品示范村建设数量" in line)
    assert gold.tables[0].kind == "department_overall"
    for title, kind in (("金寨县2023年度部门整体支出绩效自评报告", "department_overall"),
                        ("金寨县2023年度美丽乡村建设项目绩效自评报告", "project")):
        [table] = read_text("\n".join([title, *lines[first:]])).tables
        assert (table.kind, len(table.indicators)) == (kind, len(gold.tables[0].indicators))
