"""Property-based tests of the layout parser: no text crashes it, and no text is lost or duplicated."""
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.document import Paragraph, TableBlock
from assistant.layout import parse_text

# Words that steer the parser: headings end tables, header words start a one-cell-per-line dump.
STEERING = ["附件1", "附件2-1", "一、基本情况", "说明：", "2022年度项目支出绩效自评表", "（2022年度）", "一级指标",
            "二级指标", "三级指标", "年度指标值", "实际完成值", "指标值", "完成值", "分值", "得分", "偏差原因",
            "总分", "合计", "产出指标(50分)", "效益指标", "数量指标", "质量", "指标", "……", "12.5", "10", "完成得0.5分",
            "≥95%", "100%", "年度资金总额", "项目名称"]
# No "-": a "|---|" line is Markdown markup the parser drops on purpose.
TEXT = st.text(st.sampled_from(list("预算绩效指标产出数量质量时效成本分值得0123456789.%≥（）()… \u3000|")), max_size=12)
piece = st.one_of(st.sampled_from(STEERING), TEXT)
line = st.one_of(
    piece,
    piece.map(lambda text: "\t" + text),
    st.lists(piece, min_size=2, max_size=5).map("\t".join),
    st.lists(piece, min_size=2, max_size=5).map(lambda cells: "|" + "|".join(cells) + "|"),
    st.sampled_from(["", "", "\t", " ", "\u3000"]),
)
documents = st.lists(line, max_size=60)


def characters(texts) -> Counter:
    """The printed characters of some texts: whitespace and the "|" cell separator do not count."""
    return Counter(c for text in texts for c in text if not c.isspace() and c != "|")


def output_texts(blocks) -> list[str]:
    texts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            texts += [cell.text for row in block.rows for cell in row.cells]
    return texts


@given(st.lists(st.text(max_size=80), max_size=40))
@settings(deadline=None)
@example(["\t", "\t|", "|\t|", "\t\t", "||", "| --- |"])
def test_parse_text_never_raises(lines):
    for block in parse_text(lines):
        assert isinstance(block, (Paragraph, TableBlock))


@given(documents)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(["\t一级指标", "\t三级指标", "\t分值", "", "\t产出指标", "", "……", "\t10"])
@example(["三级指标", "指标值", "完成值", "分值", "得分", "抽检批次", "≥95%", "96%", "10", "10", "总分", "附件1", "90"])
@example(["三级指标", "指标值", "完成值", "分值", "得分", "……", "抽检批次", "≥95%", "96%", "10", "10"])
@example(["三级指标", "指标值", "完成值", "分值", "得分", "抽检批次", "≥95%", "96%", "10", "10", "原因", "说明", "总分"])
def test_every_line_lands_in_exactly_one_cell_or_paragraph(lines):
    assert characters(output_texts(parse_text(lines))) == characters(lines)


@given(documents)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_cell_and_paragraph_points_at_its_source_line(lines):
    compact = ["".join(c for c in text if not c.isspace() and c != "|") for text in lines]
    for block in parse_text(lines):
        items = [block] if isinstance(block, Paragraph) else [cell for row in block.rows for cell in row.cells]
        for item in items:
            first = "".join(c for c in item.text.split("\n")[0] if not c.isspace() and c != "|")
            assert 1 <= item.line <= len(lines)
            assert compact[item.line - 1].startswith(first) or first.startswith(compact[item.line - 1]) \
                or first in compact[item.line - 1]
