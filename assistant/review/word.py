"""The 审核意见 memo as a Word document a finance bureau would print.

A4 with the margins of GB/T 9704 (党政机关公文格式): title in 小标宋 二号, chapter headings in
黑体, sub-headings in 楷体, body in 仿宋 三号 with a two-character first-line indent, tables
with a shaded header row repeated on every page, page numbers "— 1 —" in the footer.
"""
from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from assistant.review.markdown import CHAPTERS, SUBSECTIONS
from assistant.review.memo import Memo

TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"
LATIN_FONT = "Times New Roman"
BODY_SIZE, DRAFT_SIZE, TABLE_SIZE, TITLE_SIZE = Pt(16), Pt(14), Pt(10.5), Pt(22)
HEADER_SHADE = "D9D9D9"


def set_fonts(run, east_asia: str, size: Pt, bold: bool = False) -> None:
    """Chinese text needs its East Asian font set apart from the Latin one."""
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def paragraph(doc, text: str, font: str = BODY_FONT, size: Pt = BODY_SIZE, bold: bool = False,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, label: str | None = None):
    """A paragraph in one font; `label` is a bold lead-in ("偏差原因分析：") before the text."""
    para = doc.add_paragraph()
    para.alignment = align
    fmt = para.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size.pt * 1.75)
    fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    if label:
        set_fonts(para.add_run(label), HEADING_FONT if font == BODY_FONT else font, size, bold=True)
    set_fonts(para.add_run(text), font, size, bold)
    return para


def heading(doc, text: str, level: int) -> None:
    font = HEADING_FONT if level == 1 else SUBHEADING_FONT
    para = paragraph(doc, text, font, BODY_SIZE, bold=level == 2, align=WD_ALIGN_PARAGRAPH.LEFT)
    para.paragraph_format.keep_with_next = True
    para.paragraph_format.space_before = Pt(6)


def shade(cell, fill: str) -> None:
    properties = cell._element.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_header(row) -> None:
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def table(doc, header: list[str], rows: list[list[str]], widths_cm: list[float]) -> None:
    """A bordered table; the shaded header row repeats on every printed page."""
    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, header):
        cell.text = ""
        set_fonts(cell.paragraphs[0].add_run(text), HEADING_FONT, TABLE_SIZE, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        shade(cell, HEADER_SHADE)
    repeat_header(grid.rows[0])
    for values in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, values):
            set_fonts(cell.paragraphs[0].add_run(text), BODY_FONT, TABLE_SIZE)
    grid.autofit = False
    for column, width in zip(grid.columns, widths_cm):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    doc.add_paragraph()


def page_number_footer(section) -> None:
    """"— 1 —" centred at the foot of every page."""
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(para.add_run("— "), BODY_FONT, Pt(14))
    run = para.add_run()
    set_fonts(run, BODY_FONT, Pt(14))
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    set_fonts(para.add_run(" —"), BODY_FONT, Pt(14))


def setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    page_number_footer(section)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def breakable(lines: str) -> str:
    """Line numbers a narrow cell may wrap between ("538、539"), never inside one."""
    return lines.replace("、", "、\u200b")


def findings_chapter(doc, memo: Memo) -> None:
    for index, (severity, items) in enumerate(memo.findings.items()):
        heading(doc, f"{SUBSECTIONS[index]}{memo.severity_names[severity]}（{len(items)}项）", 2)
        if not items:
            paragraph(doc, "无。")
            continue
        table(doc, ["序号", "位置", "问题类型", "问题", "依据行号"],
              [[str(n), i.where, i.rule, i.message, breakable(i.lines)] for n, i in enumerate(items, 1)],
              [1.2, 3.3, 2.2, 6.1, 2.8])


def drafts_chapter(doc, memo: Memo) -> None:
    if not memo.drafts:
        paragraph(doc, "未发现需要说明偏差原因的事项。")
        return
    for n, item in enumerate(memo.drafts, 1):
        heading(doc, f"{n}. {item.title}", 2)
        paragraph(doc, f"{item.rules}（{item.mode}）", size=DRAFT_SIZE, label="涉及问题：")
        paragraph(doc, item.cause, size=DRAFT_SIZE, label="偏差原因分析：")
        paragraph(doc, item.improvement, size=DRAFT_SIZE, label="改进措施：")
        paragraph(doc, item.lines, size=DRAFT_SIZE, label="依据（报告行号）：")


def memo_docx(memo: Memo) -> bytes:
    """The memo as .docx bytes."""
    doc = Document()
    setup_page(doc)
    doc.core_properties.title = memo.title
    title = paragraph(doc, memo.title, TITLE_FONT, TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    title.paragraph_format.space_after = Pt(16)
    paragraph(doc, memo.addressee, indent=False)
    paragraph(doc, memo.preface)
    heading(doc, CHAPTERS[0], 1)
    table(doc, ["项目", "内容"], [list(row) for row in memo.basics], [3.2, 12.4])
    heading(doc, CHAPTERS[1], 1)
    if memo.scores:
        table(doc, ["自评表", "自评得分", "复核得分", "差异"],
              [[r.table, r.self_score, r.recomputed_score, r.difference] for r in memo.scores], [9.3, 2.1, 2.1, 2.1])
    else:
        paragraph(doc, "报告未附可复核得分的绩效自评表。")
    heading(doc, CHAPTERS[2], 1)
    findings_chapter(doc, memo)
    heading(doc, CHAPTERS[3], 1)
    drafts_chapter(doc, memo)
    heading(doc, CHAPTERS[4], 1)
    for text in memo.opinion:
        paragraph(doc, text)
    doc.add_paragraph()
    paragraph(doc, memo.signature, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
