"""Ingestion of every input kind: encodings, Word tables with merged cells, PDF text, stdin, errors."""
import io
import json

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import SAMPLES, run_cli

SAMPLE = SAMPLES / "000_9f4ecd25e267d59e.txt"


def extraction(data: bytes, name: str) -> dict:
    report = api.extract(read_bytes(data, name))
    return report.model_dump(exclude={"source"})


def test_gbk_and_utf16_copies_extract_exactly_like_utf8():
    text = SAMPLE.read_text(encoding="utf-8")
    utf8 = extraction(text.encode("utf-8"), "a.txt")
    assert extraction(text.encode("gbk", errors="strict"), "a.txt") == utf8
    assert extraction(text.encode("gb18030"), "a.txt") == utf8
    assert extraction(text.encode("utf-16"), "a.txt") == utf8
    assert extraction(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == utf8
    assert len(utf8["tables"]) == 6


def merged_template_docx() -> bytes:
    """A 项目支出绩效自评表 in the template's layout: a vertically merged first column, a spanned goal row."""
    document = docx.Document()
    document.add_paragraph("附件2-1")
    document.add_paragraph("专项资金绩效自评表")
    table = document.add_table(rows=0, cols=9)
    rows = [
        ["项目支出名称", "抽检专项", "", "", "", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        ["", "年度资金总额", "100", "120", "90", "10", "100%", "10", ""],
        ["", "其中：当年财政拨款", "100", "120", "90", "", "", "", ""],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["", "产出指标(50分)", "数量指标", "抽检批次", "≥600批次", "500批次", "25", "25", ""],
        ["", "", "", "抽检覆盖率", "100%", "100%", "25", "25", ""],
        ["", "效益指标(40分)", "社会效益指标", "群众满意度", "≥90%", "95%", "40", "38", "宣传不足"],
        ["总分", "", "", "", "", "", "100", "95.5", ""],
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    table.cell(0, 1).merge(table.cell(0, 8))  # horizontal merge: the name spans the row
    table.cell(4, 0).merge(table.cell(7, 0))  # vertical merge: 绩效指标 down four rows
    table.cell(5, 1).merge(table.cell(6, 1))  # vertical merge: 产出指标 over two rows
    table.cell(8, 0).merge(table.cell(8, 5))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_merged_cells_are_neither_duplicated_nor_lost():
    report = api.extract(read_bytes(merged_template_docx(), "t.docx"))
    [table] = report.tables
    assert report.source.format == "docx"
    assert (table.kind, table.name, table.title) == ("project", "抽检专项", "附件2-1 专项资金绩效自评表")
    assert (table.funds_total.full_year_budget, table.funds_total.executed, table.funds_total.execution_rate) == (120, 90, 100)
    assert [f.label for f in table.fund_lines] == ["当年财政拨款"]
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("产出指标", "数量指标", "抽检批次", "≥600批次", "500批次", 25, 25),
        ("产出指标", "数量指标", "抽检覆盖率", "100%", "100%", 25, 25),
        ("效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", 40, 38),
    ]
    assert table.level1_weights == {"产出指标": 50, "效益指标": 40}
    assert (table.total_weight, table.total_score) == (100, 95.5)


def test_docx_findings_point_at_lines_of_the_rendered_text():
    checked = api.check(read_bytes(merged_template_docx(), "t.docx"))
    rules = {f.rule for f in checked.findings}
    assert {"execution_rate_mismatch", "execution_score_mismatch", "target_not_met_full_score",
            "score_not_proportional"} <= rules
    document = api.load(merged_template_docx(), "t.docx")
    for found in checked.findings:
        assert found.evidence and all(e.line and e.quote in document.lines[e.line - 1] for e in found.evidence)


def test_pdf_with_text_layer_and_a_table(tmp_path):
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.lib.styles import ParagraphStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10)
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "抽检批次", "≥600批次", "500批次", "50", "50"],
            ["总分", "", "", "", "", "100", "100"]]
    grid = Table(rows, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                         ("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]))
    path = tmp_path / "report.pdf"
    SimpleDocTemplate(str(path)).build([Paragraph("2023年度部门整体支出绩效自评表", style), grid])
    report = api.extract(path)
    assert report.source.format == "pdf" and report.year == 2023
    [table] = report.tables
    assert [(i.level3, i.target, i.actual, i.weight) for i in table.indicators] == [("抽检批次", "≥600批次", "500批次", 50)]


def test_stdin_is_read_with_format_stdin():
    result = run_cli("extract", "-", "--format", "json", input=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["source"]["format"] == "stdin" and len(report["tables"]) == 6


def test_each_error_exit_is_a_message_not_a_traceback(tmp_path):
    cases = {
        "empty.txt": b"",
        "junk.txt": bytes(range(256)) * 50,
        "novel.txt": "从前有座山，山里有座庙。".encode("utf-8"),
        "broken.docx": b"PK\x03\x04" + b"\x00" * 100,
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run_cli("check", str(path))
        stderr = result.stderr.decode()
        assert result.returncode == 2, (name, stderr)
        assert "错误" in stderr and "Traceback" not in stderr, (name, stderr)
    missing = run_cli("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "找不到文件" in missing.stderr.decode()
