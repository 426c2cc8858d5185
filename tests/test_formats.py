"""Every format a report arrives in, read into one grid: a sample's tables rendered into each format by
evals/tools/render.py read back to the sample's gold labels; each format's own structure (merged cells,
spans, pages, sheets) and each damaged or unsupported file's message."""
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from assistant import api
from assistant.errors import BadInput
from assistant.evaluate.formats import score_file
from assistant.ingest import read_bytes
from schemas.gold import GoldReport
from tests.conftest import GOLD, SAMPLES, eval_tool, run_cli

SAMPLE = "000_9f4ecd25e267d59e"
render = eval_tool("render")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Sample 000's tables in every format, written at test time (LibreOffice, pdftoppm and chromium run for real; tsv
    is the workbook's cells copied as text, as Calc writes them; mhtml the page as chromium saves it in one file)."""
    out = tmp_path_factory.mktemp("rendered")
    sheet = render.sample_sheet((SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8"))
    render.render(sheet, SAMPLE, out, ("txt", "docx", "xlsx", "tsv", "html", "pdf", "doc"))
    render.write_from_browser(out, ("mhtml",))  # the page saved by chromium as one file
    return out


def gold(sample: str = SAMPLE) -> GoldReport:
    return GoldReport.model_validate_json((GOLD / f"{sample}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind, suffix, label", [
    ("txt", "txt", "txt"), ("docx", "docx", "docx"), ("xlsx", "xlsx", "xlsx"), ("tsv", "txt", "txt"),
    ("html", "html", "html"), ("mhtml", "mhtml", "html"), ("pdf", "pdf", "pdf"), ("doc", "doc", "doc"),
])
def test_a_sample_rendered_into_each_format_reads_to_its_gold(rendered, kind, suffix, label):
    path = rendered / kind / f"{SAMPLE}.{suffix}"
    tally, problem = score_file(path, gold())
    assert problem is None
    assert tally.f1 == 1.0, tally.errors[:10]
    assert api.load(path.read_bytes(), path.name).source.format == label


def test_a_doc_whose_last_item_is_a_table_keeps_that_table(tmp_path):
    """Sample 001 ends with its 148-row department table; as a Word-made .doc (a paragraph after the table)
    it reads back to its gold through LibreOffice like the .docx does."""
    sample = "001_8744007de10ea853"
    render.render(render.sample_sheet((SAMPLES / f"{sample}.txt").read_text(encoding="utf-8")), sample, tmp_path, ("doc",))
    tally, problem = score_file(tmp_path / "doc" / f"{sample}.doc", gold(sample))
    assert problem is None
    assert tally.f1 == 1.0, tally.errors[:10]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    """Sample 000's department table (two pages) with its title lines, as an image-only PDF and as a turned,
    speckled copy."""
    out = tmp_path_factory.mktemp("scanned")
    sheet = render.sample_sheet((SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8"))
    first_table = next(i for i, item in enumerate(sheet.items) if isinstance(item, list))
    sheet.items = sheet.items[first_table - 3:first_table + 1]  # 附件1, 部门整体支出绩效自评表, （2022年度）, the table
    render.render(sheet, SAMPLE, out, ("scan", "scan-rotated"))
    return out


def tables_only(report):
    return report.model_copy(update={"unit_name": None, "year": None, "figures": []})


@pytest.mark.parametrize("kind", ["scan", "scan-rotated"])
def test_scans_are_read_by_ocr_with_their_tables(scanned, kind):
    from assistant.evaluate.extraction import score_extraction

    path = scanned / kind / f"{SAMPLE}.pdf"
    document = api.load(path.read_bytes(), path.name)
    assert document.source.format == "pdf-ocr"
    [table] = document.tables  # one table, though it runs over pages
    assert len({cell.location.page for row in table.rows for cell in row.cells}) >= 2
    first_table = gold().model_copy(update={"tables": gold().tables[:1]})
    tally, _ = score_extraction(tables_only(first_table), tables_only(api.extract(document)))
    assert tally.f1 >= 0.85, (tally.f1, tally.errors[:10])


def test_ocr_never_refuses_a_scan_and_the_cli_names_the_option(scanned):
    result = run_cli("extract", str(scanned / "scan" / f"{SAMPLE}.pdf"), "--ocr", "never")
    assert result.returncode == 2 and "--ocr never" in result.stderr.decode()


def test_an_image_page_is_read_by_ocr(rendered, tmp_path):
    import subprocess

    import pdfplumber

    pdf = rendered / "pdf" / f"{SAMPLE}.pdf"
    with pdfplumber.open(pdf) as document:
        page = next(n for n, page in enumerate(document.pages, start=1) if page.find_tables())
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-f", str(page), "-l", str(page), str(pdf),
                    str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    document = api.load(png.read_bytes(), "page.png")
    assert document.source.format == "image"
    cells = {re.sub(r"\s", "", cell.text) for table in document.tables for row in table.rows for cell in row.cells}
    assert {"年度资金总额", "年初预算数", "全年预算数"} <= cells


def workbook_bytes() -> bytes:
    """A 项目支出绩效自评表 as departments fill it in Excel: merged title, merged level names, a formula total."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表2"
    sheet["A1"] = "专项资金绩效自评表"
    sheet.merge_cells("A1:F1")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "抽检批次", "≥600批次", "500批次", 30, 25],
            [None, None, "抽检覆盖率", "100%", "100%", 30, 30],
            ["效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", 40, 38.5]]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c, value)
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:B5")
    sheet["A7"], sheet["F7"], sheet["G7"] = "总分", "=SUM(F4:F6)", "=SUM(G4:G6)"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_merged_ranges_are_spans_and_cells_have_their_address():
    document = read_bytes(workbook_bytes(), "自评.xlsx")
    assert document.source.format == "xlsx"
    [table] = document.tables
    assert [p.text for p in table.title_lines] == ["专项资金绩效自评表"]
    second, third = table.rows[1], table.rows[2]
    assert second.cells[0].rowspan == 2 and third.cells[0].text == ""  # the continuation of a vertical merge
    score = next(cell for cell in table.rows[3].cells if cell.text == "38.5")
    assert (score.location.sheet, score.location.cell) == ("表2", "G6")
    assert document.location_at(score.line) == score.location
    report = api.extract(document)
    [extracted] = report.tables
    assert [(i.level1, i.level3, i.weight, i.score) for i in extracted.indicators] == [
        ("产出指标", "抽检批次", 30, 25), ("产出指标", "抽检覆盖率", 30, 30), ("效益指标", "群众满意度", 40, 38.5)]


def test_xlsx_formulas_without_cached_values_read_as_empty_not_as_formula_text():
    # openpyxl wrote the workbook and nothing computed it: the 总分 formulas have no cached value
    document = read_bytes(workbook_bytes(), "自评.xlsx")
    assert not any(cell.text.startswith("=") for table in document.tables for row in table.rows for cell in row.cells)


def formatted_workbook(path: Path) -> Path:
    """A funds block and an indicator row whose numbers are stored as numbers and printed by their cells' formats."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", 2751417.82, 2751417.82, 2546673.98, 10, 0.925572806, 9.26],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "抽检覆盖率", 1, 0.955, 30, 28.125]]
    formats = {(2, 2): "#,##0.00", (2, 3): "#,##0.00", (2, 4): "#,##0.00", (2, 5): "0", (2, 6): "0.00%",
               (2, 7): "0.00", (4, 4): "0%", (4, 5): "0%", (4, 6): "0.00", (4, 7): '0.00_);[Red]\\(0.00\\)'}
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c, value).number_format = formats.get((r, c), "General")
    book.save(path)
    return path


def test_numbers_in_a_workbook_read_as_their_cells_formats_print_them(tmp_path):
    """A reviewer reads 92.56% and 96%, not 92.5572806% and 95.5%: a number is read as its cell's format prints it
    (decimals, %, thousands separators, Excel's rounding), in .xlsx and in the .xls LibreOffice saves of it."""
    xlsx = formatted_workbook(tmp_path / "自评.xlsx")
    xls = render.soffice_convert(xlsx, "xls", tmp_path)
    for path in (xlsx, xls):
        document = read_bytes(path.read_bytes(), path.name)
        rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
        assert rows[1] == ["年度资金总额", "2,751,417.82", "2,751,417.82", "2,546,673.98", "10", "92.56%", "9.26"]
        assert rows[3] == ["产出指标", "数量指标", "抽检覆盖率", "100%", "96%", "30.00", "28.13"]
        report = api.extract(document, "rules")
        assert report.tables[0].funds_total.execution_rate == 92.56
        assert report.tables[0].indicators[0].actual == "96%"


def test_a_hidden_sheet_is_not_read_and_the_report_says_it_was_skipped(tmp_path):
    """A template's hidden sheet (its drop-down lists, an old copy of the form with other numbers) is nothing a
    reviewer opening the workbook sees: before, its old table was read as a second 自评表."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes()))
    old = book.copy_worksheet(book["表2"])
    old.title, old["G4"], old.sheet_state = "旧版", 30, "hidden"
    lists = book.create_sheet("下拉选项")
    for row, word in enumerate(["正向指标", "反向指标", "定量", "定性"], start=1):
        lists.cell(row, 1, word)
    lists.sheet_state = "veryHidden"
    xlsx = tmp_path / "自评.xlsx"
    book.save(xlsx)
    xls = render.soffice_convert(xlsx, "xls", tmp_path)
    for path in (xlsx, xls):
        report = api.extract(read_bytes(path.read_bytes(), path.name), "rules")
        assert [indicator.score for indicator in report.tables[0].indicators][:1] == [25] and len(report.tables) == 1
        assert any("旧版" in warning for warning in report.warnings), report.warnings


def test_xls_through_xlrd_keeps_merges(rendered, tmp_path):
    xls = render.soffice_convert(rendered / "xlsx" / f"{SAMPLE}.xlsx", "xls", tmp_path)
    tally, problem = score_file(xls, gold())
    assert problem is None and tally.f1 == 1.0, tally.errors[:10]
    document = read_bytes(xls.read_bytes(), "x.xls")
    assert document.source.format == "xls"
    assert any(cell.rowspan > 1 for table in document.tables for row in table.rows for cell in row.cells)


GBK_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<table width="100%"><tr><td>
  <p>某局2022年度部门整体支出绩效自评报告</p>
  <p>附件1</p>
  <table border="1">
    <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th></tr>
    <tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>抽检<br>批次</td><td>≥600批次</td><td>500批次</td><td>30</td><td>25</td></tr>
    <tr><td>抽检覆盖率</td><td>100%</td><td>100%</td><td>30</td><td>30</td></tr>
    <tr><td>效益指标</td><td>社会效益指标</td><td>群众满意度</td><td>≥90%</td><td>95%</td><td>40</td><td>38</td></tr>
    <tr><td colspan="5">总分</td><td>100</td><td>93</td></tr>
  </table>
  <p>二、存在的问题</p>
  <table border="1"><tr><td>问题</td><td>资金拨付滞后</td></tr></table>
</td></tr></table></body></html>"""


def test_gbk_html_page_with_nested_layout_table_and_spans():
    document = read_bytes(GBK_PAGE.encode("gbk"), "page.htm")
    assert document.source.format == "html"
    indicators, problems = document.tables
    assert [p.text for p in document.paragraphs][:2] == ["某局2022年度部门整体支出绩效自评报告", "附件1"]
    assert indicators.rows[1].cells[2].text == "抽检\n批次"
    assert indicators.rows[2].texts()[:3] == ["", "", "抽检覆盖率"]  # rowspan continuations are empty cells
    assert indicators.rows[4].cells[0].colspan == 5
    assert problems.rows[0].texts() == ["问题", "资金拨付滞后"]
    [table] = api.extract(document).tables
    assert [(i.level1, i.level2, i.level3, i.score) for i in table.indicators] == [
        ("产出指标", "数量指标", "抽检批次", 25), ("产出指标", "数量指标", "抽检覆盖率", 30),
        ("效益指标", "社会效益指标", "群众满意度", 38)]
    assert (table.total_weight, table.total_score) == (100, 93)


def test_the_part_of_a_page_a_clipboard_holds_is_read_as_a_page():
    """A browser's copy saved as it came off the clipboard (xclip -t text/html): no <html>, it opens with the first
    element selected."""
    body = GBK_PAGE.split("<body>", 1)[1].split("</body>", 1)[0]
    fragment = '<p style="font-size: medium;">某局2022年度</p>' + body
    document = read_bytes(fragment.encode("utf-8"), "clipboard.txt")
    assert document.source.format == "html"
    [table] = api.extract(document).tables
    assert (table.total_weight, table.total_score) == (100, 93)


def test_a_page_word_saved_as_one_file_is_read_as_the_page():
    """Word's or WPS's 单个文件网页 (.mht): the page quoted-printable in the GBK it declares, inside a MIME archive."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related")
    archive.attach(MIMEText(GBK_PAGE, "html", "gb2312"))
    document = read_bytes(archive.as_bytes(), "自评报告.mht")
    assert document.source.format == "html"
    [table] = api.extract(document).tables
    assert [(i.level3, i.score) for i in table.indicators] == [("抽检批次", 25), ("抽检覆盖率", 30), ("群众满意度", 38)]


def test_a_page_chromium_saved_under_a_long_chinese_path_is_read_as_its_page(tmp_path):
    """chromium's 网页，单个文件 of a page with a long Chinese title, saved from a folder with a long Chinese name: the
    headers fold over many lines, multipart/related comes well past the first kilobyte."""
    from playwright.sync_api import sync_playwright

    folder = tmp_path / ("某县财政局二〇二三年度部门整体支出绩效自评报告及附件" * 2)
    folder.mkdir()
    page_file = folder / "自评报告.html"
    body = GBK_PAGE.split("<body>", 1)[1].split("</body>", 1)[0]
    page_file.write_text(f"<html><head><meta charset='utf-8'><title>{'部门整体支出绩效自评报告' * 12}</title></head>"
                         f"<body>{body}</body></html>", encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(render.CHROMIUM), args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        page.goto(page_file.as_uri())
        saved = page.context.new_cdp_session(page).send("Page.captureSnapshot", {"format": "mhtml"})["data"]
        browser.close()
    data = saved.encode("utf-8")
    assert data.index(b"multipart/related") > 1024
    document = read_bytes(data, "saved.mhtml")
    assert document.source.format == "html"
    [table] = api.extract(document).tables
    assert (table.total_weight, table.total_score) == (100, 93)


def test_an_archive_nested_past_any_page_is_refused_with_its_reason():
    archive = "MIME-Version: 1.0\n" + "".join(f'Content-Type: multipart/related; boundary="b{i}"\n\n--b{i}\n'
                                               for i in range(1500)) + "Content-Type: text/html\n\n<p>预算</p>\n"
    with pytest.raises(BadInput, match="结构无法解析"):
        read_bytes(archive.encode(), "nested.mht")


def test_an_archive_without_a_page_is_refused_with_its_reason():
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related")
    archive.attach(MIMEText("预算绩效", "plain", "utf-8"))
    with pytest.raises(BadInput, match="没有网页正文"):
        read_bytes(archive.as_bytes(), "page.mht")


def long_table_pdf(path: Path, repeat_header: bool) -> None:
    """A 40-indicator table that runs over two pages (reportlab splits it), header repeated or not."""
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    rows += [["产出指标", "数量指标", f"检查项目{n}", "≥10次", "12次", "2", "2"] for n in range(1, 41)]
    rows += [["总分", "", "", "", "", "80", "80"]]
    grid = Table(rows, repeatRows=1 if repeat_header else 0, style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]))
    SimpleDocTemplate(str(path)).build([grid])


@pytest.mark.parametrize("repeat_header", [True, False])
def test_pdf_table_over_two_pages_is_one_table_with_its_total(tmp_path, repeat_header):
    path = tmp_path / "long.pdf"
    long_table_pdf(path, repeat_header)
    document = api.load(path.read_bytes(), path.name)
    [table] = document.tables
    pages = {cell.location.page for row in table.rows for cell in row.cells}
    assert pages == {1, 2}
    [extracted] = api.extract(document).tables
    assert [i.level3 for i in extracted.indicators] == [f"检查项目{n}" for n in range(1, 41)]
    assert (extracted.total_weight, extracted.total_score) == (80, 80)


def test_encrypted_pdf_says_so(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    page.drawString(72, 720, "budget performance")
    page.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    result = run_cli("check", str(path))
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "PDF 已加密" in stderr and "Pdfminer" not in stderr


def package(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in names.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("cut.xlsx", workbook_bytes()[:3000], "Excel 文件已损坏"),
    ("other.zip.docx", package({"mimetype": b"application/epub+zip", "OEBPS/a.html": b"<p/>"}), "既不是 Word"),
    ("ole.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600, "已损坏"),
    ("photo.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 400, "图片"),
    ("letter.rtf", b"{\\rtf1\\ansi budget}", "RTF"),
])
def test_damaged_or_unsupported_files_name_the_real_cause(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = run_cli("check", str(path))
    stderr = result.stderr.decode()
    assert result.returncode == 2 and message in stderr and "Traceback" not in stderr, stderr


def test_doc_without_libreoffice_gives_the_install_command(rendered):
    import os
    import sys

    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # python, but no soffice
    result = run_cli("check", str(rendered / "doc" / f"{SAMPLE}.doc"), env=env)
    assert result.returncode == 2
    assert "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui" in result.stderr.decode().replace("\n", "")


def test_locations_name_page_sheet_and_word_table(rendered):
    docx_document = api.load((rendered / "docx" / f"{SAMPLE}.docx").read_bytes(), "a.docx")
    second_table = docx_document.tables[1]
    cell = second_table.rows[4].cells[0]
    assert (cell.location.table, cell.location.row, cell.location.col) == (2, 5, 1)
    checked = api.check(docx_document)
    located = [e for f in checked.findings for e in f.evidence if e.line and docx_document.location_at(e.line)]
    assert located, "findings' evidence lines have a location in the Word file"
    assert json.loads(checked.model_dump_json())["source"]["format"] == "docx"


def test_batch_reviews_every_format_and_reports_a_bomb(rendered, scanned, tmp_path):
    from tests.test_ingest_hardening import lying_package, real_parts

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for kind in ("docx", "xlsx", "html", "doc", "pdf"):
        source = rendered / kind / f"{SAMPLE}.{kind}"
        (inbox / f"report.{kind}").write_bytes(source.read_bytes())
    (inbox / "scan.pdf").write_bytes((scanned / "scan" / f"{SAMPLE}.pdf").read_bytes())
    (inbox / "bomb.xlsx").write_bytes(lying_package(real_parts("xlsx"), "xl/worksheets/sheet1.xml", 200))
    result = run_cli("batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "1", timeout=600)
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    entries = {e["name"]: e for e in map(json.loads, (tmp_path / "out" / "summary.jsonl").read_text().splitlines())}
    assert {name for name, e in entries.items() if e["status"] == "ok"} == {
        "report.docx", "report.xlsx", "report.html", "report.doc", "report.pdf", "scan.pdf"}
    assert entries["bomb.xlsx"]["status"] == "bad_input" and "Excel" in entries["bomb.xlsx"]["message"]


def test_web_upload_accepts_a_workbook_and_refuses_a_bomb(rendered, tmp_path):
    from tests.test_ingest_hardening import lying_package, real_parts
    from tests.test_web_api import LiveServer

    server = LiveServer(tmp_path / "reviews.db").start()
    try:
        with server.client() as client:
            workbook = (rendered / "xlsx" / f"{SAMPLE}.xlsx").read_bytes()
            created = client.post("/api/reports", files={"file": ("自评表.xlsx", workbook)})
            assert created.status_code == 201, created.text
            body = created.json()
            assert body["source"]["format"] == "xlsx" and len(body["tables"]) == 6
            bomb = lying_package(real_parts("xlsx"), "xl/worksheets/sheet1.xml", 200)
            refused = client.post("/api/reports", files={"file": ("bomb.xlsx", bomb)})
            assert refused.status_code in (400, 422) and "Excel" in refused.text
    finally:
        server.stop()


def test_ocr_short_of_memory_names_the_memory_limit_not_a_damaged_pdf(scanned):
    from assistant.web.pipeline import read_upload
    from assistant.web.worker import LimitExceeded, Limits, Worker

    scan = (scanned / "scan" / f"{SAMPLE}.pdf").read_bytes()
    with pytest.raises(LimitExceeded, match="超过 1024 MB 内存"):
        Worker(Limits(cpu_seconds=100, memory_mb=1024)).run(read_upload, scan, "scan.pdf")


def shrink_a_huge_page_for_ocr():
    """rapidocr's own resize of a page to one larger than the memory allows (40,000 pixels square, 1.6 GB): OpenCV
    fails to allocate, and rapidocr re-raises that as its ResizeImgError."""
    import numpy as np
    from rapidocr_onnxruntime.utils.process_img import increase_min_side

    from assistant.ingest.ocr import allocation_failures_as_memory_errors

    with allocation_failures_as_memory_errors():
        increase_min_side(np.zeros((32, 32), np.uint8), min_side_len=40_000)


def test_an_ocr_resize_short_of_memory_is_the_memory_limit_not_a_damaged_file():
    """The full-size case of the scan above fails in OpenCV or in onnxruntime, whichever allocates first; this one
    always fails in OpenCV's resize, under rapidocr's wrapper."""
    from assistant.web.worker import LimitExceeded, Limits, Worker

    with pytest.raises(LimitExceeded, match="超过 1024 MB 内存"):
        Worker(Limits(cpu_seconds=100, memory_mb=1024)).run(shrink_a_huge_page_for_ocr)


def test_web_reviews_a_scan_longer_than_its_cpu_limit_and_answers_without_reading_it_again(scanned, tmp_path):
    """A scan's OCR (about 7 CPU seconds a page) is given time by its pages: with a 5-second limit a multi-page
    scan is still read, reviewed and asked about. The upload is read once: a question after the review does not
    OCR again (it would overrun 5 s); after a restart the first question reads it again, with the scan's time."""
    from tests.test_web_api import LiveServer

    scan = (scanned / "scan" / f"{SAMPLE}.pdf").read_bytes()
    server = LiveServer(tmp_path / "reviews.db", "--cpu-seconds", "5").start()
    try:
        with server.client() as client:
            created = client.post("/api/reports", files={"file": ("自评表扫描件.pdf", scan)}, timeout=600)
            assert created.status_code == 201, created.text
            body = created.json()
            assert body["source"]["format"] == "pdf-ocr" and len(body["tables"]) == 1
            report = body["id"]
            answer = client.post(f"/api/reports/{report}/ask", json={"question": "年度资金总额的全年执行数是多少？"})
            assert answer.status_code == 200 and "1824.18" in answer.json()["answer"], answer.text
            blocks = client.get(f"/api/reports/{report}/source", params={"start": 1, "end": 400}).json()["blocks"]
            pages = {cell["where"] for block in blocks if block["kind"] == "table" for row in block["rows"] for cell in row}
            assert {"第1页", "第2页"} <= {where.split()[0] for where in pages if where}, pages
        server.stop()
        server.start()
        with server.client() as client:
            again = client.post(f"/api/reports/{report}/ask", json={"question": "年度资金总额的全年执行数是多少？"},
                                timeout=600)
            assert again.status_code == 200 and "1824.18" in again.json()["answer"], again.text
    finally:
        server.stop()


def test_web_refuses_a_scan_of_more_pages_than_it_may_ocr_before_reading_it(scanned, tmp_path):
    from tests.test_web_api import LiveServer

    scan = (scanned / "scan" / f"{SAMPLE}.pdf").read_bytes()
    server = LiveServer(tmp_path / "reviews.db", "--max-ocr-pages", "1").start()
    try:
        with server.client() as client:
            refused = client.post("/api/reports", files={"file": ("自评表扫描件.pdf", scan)})
            assert refused.status_code == 400 and re.search(r"有 \d+ 页需要 OCR.*每份 1 页的上限", refused.text), refused.text
            assert client.get("/api/reports").json() == []  # nothing stored
    finally:
        server.stop()


def test_bench_times_conversion_and_ocr_per_page():
    from assistant.bench import format_timings

    timings = format_timings(SAMPLES / f"{SAMPLE}.txt")
    assert timings["conversion_s_per_file"] > 0 and timings["ocr_s_per_page"] > 0, timings
    assert timings["ocr_cpu_s_per_page"] > 0 and timings["peak_memory_mb_with_ocr"] > 0


@pytest.mark.parametrize("kind, suffix", [("xlsx", "xlsx"), ("pdf", "pdf"), ("docx", "docx")])
def test_findings_name_the_place_a_reviewer_finds_in_the_original_file(rendered, kind, suffix):
    path = rendered / kind / f"{SAMPLE}.{suffix}"
    checked = api.check(path)
    located = [e.location for f in checked.findings if f.table is not None for e in f.evidence if e.location]
    assert located, "table findings carry where their evidence is in the file"
    if kind == "xlsx":
        assert all(location.sheet and location.cell for location in located)
    elif kind == "pdf":
        assert all(location.page for location in located)
    else:
        assert all(location.table and location.row for location in located)
    terminal = run_cli("check", str(path), env={**os.environ, "COLUMNS": "200"}).stdout.decode("utf-8")
    expected = {"xlsx": "工作表“", "pdf": "页", "docx": "个表格第"}[kind]
    assert expected in terminal
