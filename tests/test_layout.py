"""The layout parser on each plain-text table layout it promises to read."""
from assistant.document import Paragraph, TableBlock
from assistant.layout import parse_text


def tables(text: str) -> list[TableBlock]:
    return [b for b in parse_text(text.split("\n")) if isinstance(b, TableBlock)]


def cell_texts(table: TableBlock) -> list[list[str]]:
    return [row.texts() for row in table.rows]


def test_word_export_cells_rows_and_continuations():
    text = "附件1\n部门整体支出绩效自评表\n\n\t一级指标\n\t年度\n\n指标值\n\t分值\n\n\t产出指标\n\n(50分)\n\t≥10次\n\t12.5\n"
    [table] = tables(text)
    assert cell_texts(table) == [["一级指标", "年度\n指标值", "分值"], ["产出指标\n(50分)", "≥10次", "12.5"]]
    assert [p.text for p in table.title_lines] == ["附件1", "部门整体支出绩效自评表"]
    assert table.rows[1].cells[1].line == 13


def test_empty_merged_cell_receives_text_after_blank_lines():
    text = "\t一级\n\t二级\n\t三级\n\n\t\n\n\n产出指标\n\t数量指标\n\t次数\n"
    [table] = tables(text)
    assert cell_texts(table)[1] == ["产出指标", "数量指标", "次数"]


def test_row_cut_by_blank_line_inside_a_cell_is_mended():
    text = "\t年度总体目标\n\t预期目标\n\t实际完成情况\n\n\t\n\t目标一\n\n\t完成一\n"
    [table] = tables(text)
    assert cell_texts(table) == [["年度总体目标", "预期目标", "实际完成情况"], ["", "目标一", "完成一"]]


def test_heading_ends_a_table_even_without_blank_line():
    text = "\t总分\n\t100\n\t98\n 附件 3-1\n2023年度项目支出绩效自评表\n\t项目支出名称\n\t业务工作经费\n"
    first, second = tables(text)
    assert cell_texts(first) == [["总分", "100", "98"]]
    assert [p.text for p in second.title_lines] == ["附件 3-1", "2023年度项目支出绩效自评表"]


def test_two_blank_lines_after_a_filled_cell_end_the_table():
    blocks = parse_text("\t总分\n\t98\n\n\n正文第一段。".split("\n"))
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "正文第一段。"


def test_spreadsheet_paste_with_tabs_between_cells():
    text = "一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t抽检批次\t10\t9\n\n正文"
    [table] = tables(text)
    assert cell_texts(table)[1] == ["产出指标", "数量指标", "抽检批次", "10", "9"]


def test_spreadsheet_copy_quotes_cells_that_hold_a_line_break_or_a_quote():
    """What Excel or Calc puts on the clipboard as text: a cell holding a line break (年度↵指标值) or a quote is
    quoted, its quotes doubled; the 附件 label and the title each sit alone in a row padded with TABs."""
    text = ('附件2-1\t\t\t\t\n专项资金绩效自评表\t\t\t\t\n一级指标\t三级指标\t"年度\n指标值"\t分值\t得分\n'
            '产出指标\t"""双随机""抽查次数"\t≥12次\t10\t9\n"效益\n指标"\t满意度\t≥90%\t10\t"10"\n\n正文')
    blocks = parse_text(text.split("\n"))
    [table] = [b for b in blocks if isinstance(b, TableBlock)]
    assert [p.text for p in table.title_lines] == ["附件2-1", "专项资金绩效自评表"]
    assert cell_texts(table) == [["一级指标", "三级指标", "年度\n指标值", "分值", "得分"],
                                 ["产出指标", '"双随机"抽查次数', "≥12次", "10", "9"],
                                 ["效益\n指标", "满意度", "≥90%", "10", "10"]]
    assert [row.line for row in table.rows] == [3, 5, 6]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].line == 9


def test_a_quote_left_open_in_a_tab_row_swallows_no_report():
    """A typo's quote opening a row's last cell opens no cell past the lines one row may span, nor one larger than a
    spreadsheet's cell: the report's lines after it are read as they are."""
    text = '一级指标\t分值\t"年度\n' + "正文第一段。\n" * 60 + '结束"\t10'
    blocks = parse_text(text.split("\n"))
    assert sum(b.text.count("正文第一段。") for b in blocks if isinstance(b, Paragraph)) == 60
    huge = '一级指标\t分值\t"' + "长" * 200_000 + '\n结束"\t10'
    assert not any('结束' in cell.text and "长" in cell.text for b in parse_text(huge.split("\n"))
                   if isinstance(b, TableBlock) for row in b.rows for cell in row.cells)


def test_quotes_no_spreadsheet_wrote_are_read_as_printed():
    """A quote inside a cell that does not open it (12"3) is no spreadsheet's quoting, and a Word export's TAB-opened
    cell line may quote a phrase over its line break: both read as printed, nothing raised."""
    text = '项目名称\t"年度\n指标值"\t12"3\nabc"\t4\n一级指标\t二级指标'
    [table] = tables(text)
    assert cell_texts(table)[1:3] == [['指标值"', '12"3'], ['abc"', "4"]]
    word = '\t一级指标\n\t三级指标\n\t分值\n\n\t产出指标\n\t"双随机\n一公开"抽查\n\t10\n'
    [table] = tables(word)
    assert cell_texts(table) == [["一级指标", "三级指标", "分值"], ["产出指标", '"双随机\n一公开"抽查', "10"]]
    assert cell_texts(tables('一级指标\t三级指标\n产出指标\t"放管服"改革\n效益指标\t"放管服"')[0])[1:] == [
        ["产出指标", '"放管服"改革'], ["效益指标", '"放管服"']]


def test_pipe_rows_with_markdown_separator():
    text = "| 一级指标 | 三级指标 | 分值 |\n|---|---|---|\n| 产出指标 | 抽检批次 | 10 |\n"
    [table] = tables(text)
    assert cell_texts(table) == [["一级指标", "三级指标", "分值"], ["产出指标", "抽检批次", "10"]]


def test_one_cell_per_line_dump_is_rebuilt_into_rows():
    lines = ["项目支出绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "偏差原因分析及改进措施", "产出指标(50分)", "数量指标", "抽检批次", "≥600批次", "500批次", "25", "20",
             "经费下达较晚", "质量指标", "抽检覆盖率", "100%", "100%", "25", "25", "效益指标（50分）", "社会效益指标",
             "群众满意度", "≥90%", "95%", "完成得50分", "50", "总分", "100", "95", "二、其他说明"]
    blocks = parse_text(lines)
    [table] = [b for b in blocks if isinstance(b, TableBlock)]
    assert cell_texts(table)[1:] == [
        ["产出指标(50分)", "数量指标", "抽检批次", "≥600批次", "500批次", "25", "20", "经费下达较晚"],
        ["", "质量指标", "抽检覆盖率", "100%", "100%", "25", "25", ""],
        ["效益指标（50分）", "社会效益指标", "群众满意度", "≥90%", "95%", "完成得50分", "50", ""],
        ["总分", "100", "95"],
    ]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "二、其他说明"


def test_page_text_test_measures_each_line_once(monkeypatch):
    """Telling a page's text from a monospace copy lays each line out once, not once for every cell on it."""
    from assistant import layout

    lines = [("甲   " * 800).rstrip() for _ in range(20)]
    laid_out = []

    def counted(line: str) -> list[int]:
        laid_out.append(line)
        return display_columns(line)

    display_columns = layout.display_columns
    monkeypatch.setattr(layout, "display_columns", counted)
    assert not layout.is_page_text(lines)
    assert len(laid_out) == len(lines)


def test_a_wide_monospace_table_is_read_whole():
    """Twenty lines of 800 aligned cells (every word measured against every column cut: 640,000 steps a line) read
    into one table of 800 columns."""
    [table] = tables("\n".join([("甲   " * 800).rstrip()] * 20))
    assert [len(row.cells) for row in table.rows] == [800] * 20


def test_browser_rows_join_over_forty_lines_at_most():
    """A browser's copy whose every line break reads as one inside a cell (字 | 字, a vertical label that never ends;
    8,000 lines the old reading joined into one row in minutes) joins no row over more than CELL_LINES lines."""
    from assistant.layout_browser import CELL_LINES

    [table] = tables("\n".join(["字\t字"] * 8000))
    assert all(max(cell.line for cell in row.cells) - row.line < CELL_LINES for row in table.rows)
    assert sum(cell.text.count("字") for row in table.rows for cell in row.cells) == 16000


def test_browser_rows_of_quoted_cells_join_over_forty_lines_at_most():
    """Rows whose quoted cell breaks over two lines (甲 | "年度 / 指标值"), 16,000 lines: each row spans CELL_LINES
    source lines at most."""
    from assistant.layout_browser import CELL_LINES

    [table] = tables("\n".join(['甲\t"年度', '指标值"'] * 8000))
    assert all(max(cell.line for cell in row.cells) - row.line < CELL_LINES for row in table.rows)
    assert sum(cell.text.count("指标值") for row in table.rows for cell in row.cells) == 8000


def test_short_lines_between_two_monospace_tables_are_text():
    """A narrow column's short lines bridge a PDF page's table, not two monospace tables: 资金情况 / 基础数据 / （万元）
    between them are paragraphs."""
    from assistant.layout import display_width

    def row(*cells: str) -> str:
        return "".join(cell + " " * (16 - display_width(cell)) for cell in cells).rstrip()

    lines = [row("三级指标", "分值", "得分"), row("抽检批次", "10", "10"), row("合格率", "20", "18"),
             "资金情况", "基础数据", "（万元）",
             row("资金来源", "预算数", "执行数"), row("财政拨款", "100", "90"), row("其他", "20", "10")]
    blocks = parse_text(lines)
    assert [cell_texts(b) for b in blocks if isinstance(b, TableBlock)] == [
        [["三级指标", "分值", "得分"], ["抽检批次", "10", "10"], ["合格率", "20", "18"]],
        [["资金来源", "预算数", "执行数"], ["财政拨款", "100", "90"], ["其他", "20", "10"]]]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["资金情况", "基础数据", "（万元）"]
