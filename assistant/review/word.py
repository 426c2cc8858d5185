"""The 审核意见 memo as a Word document a finance bureau would print.

A4 with the margins of GB/T 9704 (党政机关公文格式): title in 小标宋 二号, chapter headings in
黑体, sub-headings in 楷体, body in 仿宋 三号 with a two-character first-line indent, tables
with a shaded header row repeated on every page, page numbers "— 1 —" in the footer.
All formatting lives in styles (Word's 标题/标题 1/标题 2, so the navigation pane lists the
chapters): paragraphs and runs carry none of their own, which keeps a memo of thousands of
findings quick to build.
"""
import re
import zipfile
from io import BytesIO

from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from assistant.review.markdown import CHAPTERS, SUBSECTIONS
from assistant.review.memo import Memo

TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"
LATIN_FONT = "Times New Roman"
BODY_SIZE, DRAFT_SIZE, TABLE_SIZE, TITLE_SIZE = Pt(16), Pt(14), Pt(10.5), Pt(22)
HEADER_SHADE = "D9D9D9"
TWIPS_PER_CM = 1440 / 2.54
# XML 1.0 forbids most control characters; zero-width characters only confuse search and copy.
NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ufffe\uffff]")

BODY, DRAFT, CELL, HEADER_CELL, RIGHT, PLAIN, LABEL = ("审核意见正文", "审核意见草稿", "审核意见表格",
                                                       "审核意见表头", "审核意见落款", "审核意见无缩进", "审核意见标注")


def printable(text: str) -> str:
    """Text Word can store and a reader can search: control and zero-width characters removed."""
    return NOT_PRINTABLE.sub("", text)


def set_font(font, east_asia: str, size: Pt, bold: bool = False) -> None:
    """Chinese text needs its East Asian font set apart from the Latin one."""
    font.name = LATIN_FONT
    font.size = size
    font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    font.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def paragraph_style(styles, name: str, east_asia: str, size: Pt, bold: bool = False, indent: bool = True,
                    align=WD_ALIGN_PARAGRAPH.JUSTIFY, base: str | None = None):
    style = styles[name] if base is None and name in [s.name for s in styles] else \
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base is not None:
        style.base_style = styles[base]
    set_font(style.font, east_asia, size, bold)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size.pt * 1.75)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(size.pt * 2) if indent else Pt(0)
    return style


def define_styles(doc) -> None:
    """标题, 标题 1 and 标题 2 (Word's built-in Title/Heading styles, restyled to the 公文 fonts) and the memo's own."""
    styles = doc.styles
    normal = styles["Normal"]
    set_font(normal.font, BODY_FONT, BODY_SIZE)
    title = paragraph_style(styles, "Title", TITLE_FONT, TITLE_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = Pt(16)
    title.element.get_or_add_pPr().remove_all("w:pBdr")  # the built-in Title has a rule under it
    for name, font, bold in (("Heading 1", HEADING_FONT, False), ("Heading 2", SUBHEADING_FONT, True)):
        heading = paragraph_style(styles, name, font, BODY_SIZE, bold, align=WD_ALIGN_PARAGRAPH.LEFT)
        heading.font.italic = False
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(6)
    paragraph_style(styles, BODY, BODY_FONT, BODY_SIZE)
    paragraph_style(styles, DRAFT, BODY_FONT, DRAFT_SIZE)
    paragraph_style(styles, PLAIN, BODY_FONT, BODY_SIZE, indent=False)
    paragraph_style(styles, RIGHT, BODY_FONT, BODY_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    cell = paragraph_style(styles, CELL, BODY_FONT, TABLE_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    header = paragraph_style(styles, HEADER_CELL, HEADING_FONT, TABLE_SIZE, bold=True, indent=False,
                             align=WD_ALIGN_PARAGRAPH.CENTER)
    header.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    label = styles.add_style(LABEL, WD_STYLE_TYPE.CHARACTER)
    label.font.bold = True
    label.font.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), HEADING_FONT)


class Body:
    """The memo's content as WordprocessingML text.

    python-docx's object API costs about 100 µs per element, so a memo of ten thousand findings
    took minutes; text written here and placed into the saved package keeps the export linear and quick.
    Formatting comes only from style ids, so each paragraph and cell carries no formatting of its own.
    """

    def __init__(self, doc) -> None:
        self.ids = {name: doc.styles[name].style_id for name in
                    ("Title", "Heading 1", "Heading 2", "Table Grid", BODY, DRAFT, CELL, HEADER_CELL, RIGHT, PLAIN,
                     LABEL)}
        self.parts: list[str] = []

    def runs(self, text: str, label: str | None = None) -> str:
        lead = f'<w:r><w:rPr><w:rStyle w:val="{self.ids[LABEL]}"/></w:rPr>{text_xml(label)}</w:r>' if label else ""
        return lead + f"<w:r>{text_xml(text)}</w:r>"

    def paragraph(self, text: str, style: str = BODY, label: str | None = None) -> None:
        """A paragraph in one of the memo's styles; `label` is a bold lead-in ("偏差原因分析：") before the text."""
        self.parts.append(f'<w:p><w:pPr><w:pStyle w:val="{self.ids[style]}"/></w:pPr>{self.runs(text, label)}</w:p>')

    def heading(self, text: str, level: int) -> None:
        """标题 (level 0) or 标题 1/2: Word's own heading styles, which the navigation pane lists."""
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def cell(self, text: str, width: int, style: str, shaded: bool = False) -> str:
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_SHADE}"/>' if shaded else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{self.ids[style]}"/></w:pPr>{self.runs(text)}</w:p></w:tc>')

    def table(self, header: list[str], rows: list[list[str]], widths_cm: list[float]) -> None:
        """A bordered table of fixed column widths; the shaded header row repeats on every printed page."""
        widths = [round(width * TWIPS_PER_CM) for width in widths_cm]
        parts = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.ids["Table Grid"]}"/><w:tblW w:w="0" w:type="auto"/>'
                 '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
                 "".join(f'<w:gridCol w:w="{width}"/>' for width in widths), "</w:tblGrid>",
                 '<w:tr><w:trPr><w:tblHeader/></w:trPr>',
                 "".join(self.cell(text, width, HEADER_CELL, shaded=True) for text, width in zip(header, widths)),
                 "</w:tr>"]
        for values in rows:
            parts.append("<w:tr>" + "".join(self.cell(text, width, CELL) for text, width in zip(values, widths))
                         + "</w:tr>")
        parts.append("</w:tbl>")
        self.parts.append("".join(parts))
        self.paragraph("", PLAIN)

    def spliced_into(self, package: bytes) -> bytes:
        """The .docx `package` (python-docx's, with the styles and page setup) with everything written as its body."""
        source = zipfile.ZipFile(BytesIO(package))
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "word/document.xml":
                    text = data.decode("utf-8")
                    start = text.index("<w:body>") + len("<w:body>")
                    data = (text[:start] + "".join(self.parts) + text[start:]).encode("utf-8")
                target.writestr(item, data)
        return out.getvalue()


def text_xml(text: str) -> str:
    """Runs' text: printable, escaped, line breaks as <w:br/>."""
    lines = [escape(line) for line in printable(text).split("\n")]
    return "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)


def page_number_footer(section) -> None:
    """"— 1 —" centred at the foot of every page."""
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("— ")
    run = para.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    para.add_run(" —")


def setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    define_styles(doc)
    page_number_footer(section)


def findings_chapter(body: Body, memo: Memo) -> None:
    for index, (severity, items) in enumerate(memo.findings.items()):
        body.heading(f"{SUBSECTIONS[index]}{memo.severity_names[severity]}（{len(items)}项）", 2)
        if not items:
            body.paragraph("无。")
            continue
        body.table(["序号", "位置", "问题类型", "问题", "原文位置"],
                   [[str(n), i.where, i.rule, i.message, i.lines] for n, i in enumerate(items, 1)],
                   [1.2, 3.3, 2.2, 6.1, 2.8])


def drafts_chapter(body: Body, memo: Memo) -> None:
    if not memo.drafts:
        body.paragraph("未发现需要说明偏差原因的事项。")
        return
    for n, item in enumerate(memo.drafts, 1):
        body.heading(f"{n}. {item.title}", 2)
        body.paragraph(f"{item.rules}（{item.mode}）", DRAFT, label="涉及问题：")
        body.paragraph(item.cause, DRAFT, label="偏差原因分析：")
        body.paragraph(item.improvement, DRAFT, label="改进措施：")
        body.paragraph(item.lines, DRAFT, label="原文位置：")


def memo_docx(memo: Memo) -> bytes:
    """The memo as .docx bytes."""
    doc = Document()
    setup_page(doc)
    doc.core_properties.title = printable(memo.title)
    body = Body(doc)
    body.heading(memo.title, 0)
    body.paragraph(memo.addressee, PLAIN)
    body.paragraph(memo.preface)
    body.heading(CHAPTERS[0], 1)
    body.table(["项目", "内容"], [list(row) for row in memo.basics], [3.2, 12.4])
    body.heading(CHAPTERS[1], 1)
    if memo.scores:
        body.table(["自评表", "自评得分", "复核得分", "差异"],
                   [[r.table, r.self_score, r.recomputed_score, r.difference] for r in memo.scores],
                   [9.3, 2.1, 2.1, 2.1])
    else:
        body.paragraph("报告未附可复核得分的绩效自评表。")
    body.heading(CHAPTERS[2], 1)
    findings_chapter(body, memo)
    body.heading(CHAPTERS[3], 1)
    drafts_chapter(body, memo)
    body.heading(CHAPTERS[4], 1)
    for text in memo.opinion:
        body.paragraph(text)
    body.paragraph("", PLAIN)
    body.paragraph(memo.signature, RIGHT)
    buffer = BytesIO()
    doc.save(buffer)
    return body.spliced_into(buffer.getvalue())
