"""The 审核意见 memo in every format, and `selfeval review` from the command line."""
import functools
import json
import os
import re
import subprocess
from io import BytesIO

import docx
import openpyxl
import pdfplumber

from assistant import api
from assistant.review.export import export_review
from assistant.review.markdown import CHAPTERS
from assistant.render import rule_name
from assistant.review.memo import build_memo
from schemas import ReviewedReport
from tests.conftest import SAMPLES, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SAMPLE = SAMPLES / "001_8744007de10ea853.txt"


@functools.cache
def reviewed(name: str = SAMPLE.name) -> ReviewedReport:
    return api.review(SAMPLES / name)


def word_document(report: ReviewedReport):
    return docx.Document(BytesIO(export_review(report, "docx")))


def test_docx_reads_as_a_finished_memo():
    report = reviewed()
    document = word_document(report)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "关于益阳市市场监督管理局2024年度绩效自评报告的审核意见"
    assert all(chapter in texts for chapter in CHAPTERS)
    assert sum(t.startswith("偏差原因分析：") for t in texts) == len(report.drafts)
    assert sum(t.startswith("改进措施：") for t in texts) == len(report.drafts)
    assert texts[-1].startswith("审核人：")
    basics, scores, errors, *_ = document.tables
    assert basics.rows[1].cells[1].text == "益阳市市场监督管理局"
    assert [c.text for c in scores.rows[0].cells] == ["自评表", "自评得分", "复核得分", "差异"]
    assert [c.text for c in scores.rows[1].cells][1:] == ["98.9", "99.16", "0.26"]
    errors_found = [f for f in report.findings if f.severity == "error"]
    assert len(errors.rows) == len(errors_found) + 1
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert "PAGE" in section.footer._element.xml
    title = document.paragraphs[0].style
    assert title.name == "Title"
    assert title.element.rPr.rFonts.get(f"{W}eastAsia") == "方正小标宋简体"
    # Chapters and drafts are Word headings, so the navigation pane lists them.
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == CHAPTERS
    assert sum(p.style.name == "Heading 2" for p in document.paragraphs) >= len(report.drafts) + 3
    preface = texts[2]
    assert preface.startswith("你单位报送的《益阳市市场监督管理局2024年度绩效自评报告》已收悉")
    assert SAMPLE.name not in document.element.xml and "\u200b" not in document.element.xml
    assert "第四部分" not in document.element.xml


def test_docx_of_a_report_with_no_tables_still_has_every_chapter():
    report = reviewed("004_cc7bd27ce374c8f5.txt")
    texts = [p.text for p in word_document(report).paragraphs]
    assert all(chapter in texts for chapter in CHAPTERS)
    assert "报告未附可复核得分的绩效自评表。" in texts


def test_libreoffice_converts_the_docx_to_pdf(tmp_path):
    memo = tmp_path / "memo.docx"
    memo.write_bytes(export_review(reviewed(), "docx"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(memo)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    with pdfplumber.open(tmp_path / "memo.pdf") as pdf:
        assert len(pdf.pages) >= 5
        assert "审核意见" in pdf.pages[0].extract_text()


def test_xlsx_holds_every_table_every_finding_and_every_draft():
    report = reviewed()
    book = openpyxl.load_workbook(BytesIO(export_review(report, "xlsx")))
    assert book.sheetnames == ["审核概况", "表1基础数据", "表2部门整体", "审核发现", "偏差说明草稿"]
    findings = list(book["审核发现"].iter_rows(values_only=True))
    assert len(findings) == len(report.findings) + 1
    assert {row[2] for row in findings[1:]} == {rule_name(f.rule) for f in report.findings}
    assert findings[0][:3] == ("序号", "级别", "问题类型")
    drafts = list(book["偏差说明草稿"].iter_rows(values_only=True))
    assert [row[4] for row in drafts[1:]] == [d.deviation_cause for d in report.drafts]
    assert {row[7] for row in drafts[1:]} == {"模板草拟"}
    department = [row for row in book["表2部门整体"].iter_rows(values_only=True)]
    indicators = {row[2]: row for row in department if row[2]}
    assert indicators["开展抽检产商品批次"][3:7] == ("≥550批次", "475批次", 0.5, 0.5)
    assert ("年度资金总额", 6653.73, 6653.73, 8876.29, 10, 100, 100, "第367行") in [row[:8] for row in department]
    basic = [row[0] for row in book["表1基础数据"].iter_rows(values_only=True)]
    assert all(r.label in basic for r in report.tables[0].rows if r.label)
    overview = [row for row in book["审核概况"].iter_rows(values_only=True)]
    assert any(row[1:4] == (98.9, 99.16, 0.26) for row in overview)
    words = " ".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
                     if isinstance(value, str))
    assert not re.search(r"\b(template|llm|warning|error|info)\b", words) and "第四部分" not in words


def test_markdown_memo_has_the_scores_findings_and_drafts():
    report = reviewed("002_1b038c9877a00c9c.txt")
    text = export_review(report, "md").decode("utf-8")
    memo = build_memo(report)
    assert text.startswith(f"# {memo.title}")
    assert text.count("**偏差原因分析**") == len(report.drafts)
    for score in memo.scores:
        assert f"| {score.table} | {score.self_score} | {score.recomputed_score} |" in text
    assert "审核结论：报告存在计算或填报错误，需修改完善" in text


def test_cli_writes_the_format_its_output_names(tmp_path):
    out = tmp_path / "memo.docx"
    result = run_cli("review", str(SAMPLES / "003_1fd1934784c8d720.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert "已写出审核意见" in result.stderr.decode()
    assert docx.Document(str(out)).paragraphs[0].text == "关于石峰区市场监督管理局2023年度绩效自评报告的审核意见"


def test_cli_prints_json_markdown_and_a_table():
    sample = str(SAMPLES / "003_1fd1934784c8d720.txt")
    as_json = run_cli("review", sample, "--format", "json")
    assert as_json.returncode == 0
    review = ReviewedReport.model_validate_json(as_json.stdout)
    assert review.drafts and review.schema_version == "1"
    drafts = json.loads(as_json.stdout)["drafts"]
    assert {"table", "row", "finding_rules", "deviation_cause", "improvement", "evidence", "mode"} <= set(drafts[0])
    as_md = run_cli("review", sample, "--format", "md")
    assert as_md.stdout.decode().startswith("# 关于石峰区市场监督管理局2023年度绩效自评报告的审核意见")
    as_table = run_cli("review", sample, env={**os.environ, "COLUMNS": "80"})
    terminal = as_table.stdout.decode()
    assert f"共 {len(drafts)} 条草稿" in terminal and "审核结论：" in terminal
    counts = [sum(f.severity == s for f in review.findings) for s in ("error", "warning", "info")]
    assert terminal.index(f"问题 {len(review.findings)} 条：错误 {counts[0]}，警告 {counts[1]}，提示 {counts[2]}") \
        < terminal.index("审核结论：")  # the summary comes first
    assert len(terminal.splitlines()) < 30  # the details go to a file with -o, not 700 lines of terminal


def test_cli_errors_are_messages_with_exit_codes(tmp_path):
    sample = str(SAMPLES / "003_1fd1934784c8d720.txt")
    bad_suffix = run_cli("review", sample, "-o", str(tmp_path / "memo.pdf"))
    assert bad_suffix.returncode == 2 and "扩展名只能是" in bad_suffix.stderr.decode()
    environment = {k: v for k, v in os.environ.items() if "LLM" not in k and not k.startswith("OPENAI")}
    no_endpoint = run_cli("review", sample, "--mode", "llm",
                          env={**environment, "SELFEVAL_LLM_CONFIG": str(tmp_path / "none.toml")})
    assert no_endpoint.returncode == 3 and "--mode template" in no_endpoint.stderr.decode()
    assert b"Traceback" not in bad_suffix.stderr + no_endpoint.stderr
