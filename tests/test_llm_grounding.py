"""Grounding and chunking on real sample text: values the text prints survive, invented ones do not."""
from assistant.api import load
from assistant.document import Cell, Row, TableBlock
from assistant.extract.chunks import table_parts, table_windows
from assistant.extract.grounded import ground_section, ground_table
from assistant.llm.answers import AnsweredSection, AnsweredTable
from assistant.llm.chunking import section_chunks
from assistant.llm.grounding import Grounder
from tests.conftest import SAMPLE_FILES

SAMPLE_000 = load(SAMPLE_FILES[0])


def drug_table():
    """附件2-2 药品监管专项 of sample 000, and its one chunk."""
    part = next(p for p in table_parts(SAMPLE_000.tables) if p.line == 439)
    [chunk] = table_windows(part, 4000)
    return part, chunk


def test_grounder_ignores_whitespace_width_and_comparator_form():
    grounder = Grounder("年度\n\n指标值 | ≧10000人次 | （50分）| １２．５ | 抽检批次　购样费")
    assert grounder.find("年度指标值") is not None
    assert grounder.find("≥10000人次") is not None
    assert grounder.find("(50分)") is not None
    assert grounder.find("抽检批次购样费") is not None
    assert grounder.has_number(12.5)
    assert not grounder.has_number(12.0)
    assert grounder.find("年度指标值达成") is None


def test_grounder_returns_the_printed_span():
    text = "决算支出1824.18万元：其中基本支出1747.78万元"
    start, end = Grounder(text).find("基本 支出 1747.78")
    assert text[start:end] == "基本支出1747.78"


def test_grounder_reads_separators_and_chinese_amounts():
    grounder = Grounder("年度资金总额1,824.18万元，退还电费三万元，执行率56.70%")
    assert grounder.has_number(1824.18) and grounder.has_number(30000) and grounder.has_number(56.7)
    assert not grounder.has_number(3)


def test_table_answer_keeps_printed_values_and_drops_invented_ones():
    part, chunk = drug_table()
    answer = AnsweredTable(kind="project", title="附件2-2 专项资金绩效自评表", name="药品监管专项",
                           funds_total={"label": "年度资金总额", "initial_budget": 2, "full_year_budget": 2,
                                        "executed": 2, "weight": 10, "execution_rate": 100, "score": 10},
                           indicators=[
                               {"level1": "效益指标", "level2": "经济效益指标", "level3": "挽回经济损失",
                                "target": "≥90%", "actual": "90%", "weight": 7.5, "score": 6.75},
                               {"level3": "维护药品安全环境", "target": "长期", "actual": "95%", "weight": 7.5,
                                "score": 7.25},
                               {"level3": "凭空捏造的指标", "target": "≥99%"},
                           ],
                           total_weight=100, total_score=97.5)
    table, warning = ground_table(answer, chunk, part)
    first, second = table.indicators
    assert (first.level1, first.level3, first.target, first.score, first.line) == \
        ("效益指标", "挽回经济损失", "≥90%", 6.75, 584)
    assert second.level3 == "维护药品安全环境" and second.actual is None and second.score is None
    assert table.funds_total.executed == 2 and table.funds_total.line == 466
    assert table.title == "附件2-2 专项资金绩效自评表" and table.level1_weights == {"效益指标": 30}
    assert table.total_weight == 100 and table.total_score is None
    for invented in ("95%", "7.25", "凭空捏造的指标", "97.5"):
        assert invented in warning


def test_a_value_is_taken_only_from_its_own_column():
    """Issue 16: 分值 10 as 年初预算数, 执行率 100 as 全年执行数, weight and score swapped, target and actual
    swapped — each is printed in the row, but in another column, so each is dropped."""
    part, chunk = drug_table()
    answer = AnsweredTable(kind="project",
                           funds_total={"label": "年度资金总额", "initial_budget": 10, "full_year_budget": 2,
                                        "executed": 100, "weight": 10, "execution_rate": 100, "score": 10},
                           indicators=[{"level1": "效益指标", "level2": "经济效益指标", "level3": "挽回经济损失",
                                        "target": "90%", "actual": "≥90%", "weight": 6.75, "score": 7.5}],
                           total_weight=96, total_score=100)
    table, warning = ground_table(answer, chunk, part)
    funds = table.funds_total
    assert (funds.initial_budget, funds.full_year_budget, funds.executed) == (None, 2, None)
    assert (funds.weight, funds.execution_rate, funds.score) == (10, 100, 10)
    assert table.indicators == [], "its name alone, every value refused, is no row"
    assert (table.total_weight, table.total_score) == (None, None)
    assert "8 个值" in warning  # 4 in the indicator, 2 in the funds row, the 总分 row's pair
    for dropped in ("年初预算数「10」", "全年执行数「100」", "指标值「90%」", "总分.分值「96」"):
        assert dropped in warning


def test_a_table_kind_the_table_does_not_print_gives_way_to_its_words():
    part, chunk = drug_table()
    table, warning = ground_table(AnsweredTable(kind="basic_data", name="药品监管专项"), chunk, part)
    assert table.kind == "project" and "表格类型「basic_data」" in warning


def test_a_row_number_must_be_printed_in_that_row():
    """SmolLM2 copied the few-shot example's funds (2, 2, 2) into 附件2-1, whose title prints "2-1"."""
    part = next(p for p in table_parts(SAMPLE_000.tables) if p.line == 228)
    [chunk] = table_windows(part, 4000)
    answer = AnsweredTable(kind="project", name="药品监管专项", total_score=2,
                           funds_total={"label": "年度资金总额", "initial_budget": 2, "executed": 49.4},
                           indicators=[{"level3": "知识产权培育服务", "actual": "90%", "weight": 12.5, "score": 94.75}])
    table, warning = ground_table(answer, chunk, part)
    assert (table.funds_total.initial_budget, table.funds_total.executed) == (None, 49.4)
    [indicator] = table.indicators
    assert (indicator.actual, indicator.weight, indicator.score) == ("90%", 12.5, None), "94.75 is the 总分 row's"
    assert table.name is None and table.total_score is None
    for dropped in ("药品监管专项", "年初预算数「2」", "得分「94.75」", "总分.得分「2」"):
        assert dropped in warning


def test_a_table_the_model_calls_other_is_not_a_table():
    assert ground_table(AnsweredTable(kind="other"), *drug_table()[::-1]) == (None, None)


def test_figures_need_their_quote_number_and_unit_printed():
    chunk = next(c for c in section_chunks(SAMPLE_000.paragraphs, 1500) if "决算支出1824.18万元" in c.text)
    answer = AnsweredSection(figures=[
        {"label": "决算支出", "value": 1824.18, "unit": "万元", "quote": "决算支出1824.18万元"},
        {"label": "基本支出", "value": 1747.78, "unit": "万元", "quote": "基本支出1747.78万元"},
        {"label": "支出合计", "value": 1747.78, "unit": "万元", "quote": "基本支出1747.78万元"},
        {"label": "项目支出", "value": 76.4, "unit": "元", "quote": "项目支出76.4万元"},
        {"label": "公用经费", "value": 146.24, "unit": None, "quote": "公用经费：146.24万元"},
        {"label": "人员经费", "value": 1601.45, "unit": "万元", "quote": "其中人员经费：1601.54万元"},
        {"label": "捏造支出", "value": 99.9, "unit": "万元", "quote": "捏造支出99.9万元"},
    ])
    figures, _, _, warning = ground_section(answer, chunk)
    assert [(f.label, f.value, f.unit, f.line) for f in figures] == [
        ("决算支出", 1824.18, "万元", 1341), ("基本支出", 1747.78, "万元", 1341), ("基本支出", 1747.78, "万元", 1345),
        ("公用经费", 146.24, "万元", 1345)]
    assert figures[2].quote == "基本支出1747.78万元", "the unprinted label gives way to the printed words"
    for dropped in ("标签「支出合计」", "76.4元", "1601.45", "99.9"):
        assert dropped in warning


def test_long_tables_are_windowed_under_their_header():
    sample_001 = load(SAMPLE_FILES[1])
    department = max(table_parts(sample_001.tables), key=lambda p: len(p.rows))
    windows = table_windows(department, 1500)
    assert len(windows) > 3
    assert all(len(w.text) < 1500 + 400 for w in windows)
    lines = [line for w in windows for line in w.lines]
    assert lines == sorted(lines) and len(set(lines)) == len(lines), "every cell in exactly one window"
    assert all("三级指标" in w.text for w in windows[2:]), "later windows repeat the indicator header"
    assert all(w.line_at(0) is None for w in windows[2:]), "the repeated header is no source of lines"


def test_sections_cover_the_narrative_in_order():
    chunks = section_chunks(SAMPLE_000.paragraphs, 1500)
    text = "".join(c.text for c in chunks)
    assert "决算支出1824.18万元" in text and "整体评价98分" in text
    firsts = [min(c.lines) for c in chunks]
    assert firsts == sorted(firsts) and all(len(c.text) <= 1500 + len(c.lines) for c in chunks)


def test_one_source_row_gives_one_indicator():
    """Sample 002's 附件 project table prints eight "……" placeholder rows (lines 675 … 922), the first
    with 分值 5 and 得分 5. An answer listing the placeholder ten times gets eight rows, one per printed
    row in source order, none read twice."""
    sample_002 = load(SAMPLE_FILES[2])
    part = next(p for p in table_parts(sample_002.tables) if p.line == 546)
    [chunk] = table_windows(part, 100_000)
    answer = AnsweredTable(kind="project", indicators=[{"level3": "……", "weight": 5, "score": 5}]
                           + [{"level3": "……"}] * 9)
    table, _ = ground_table(answer, chunk, part)
    assert [(i.line, i.weight, i.score) for i in table.indicators] == \
        [(675, 5, 5)] + [(line, None, None) for line in (716, 747, 778, 814, 846, 868, 922)]


ROAD_TABLE = """附件2 项目支出绩效自评表
项目名称 乡村道路养护
项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分
年度资金总额1201201181098.339.83
一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施
产出指标数量指标养护里程≥30公里32公里2018雨季延误
效益指标社会效益指标群众满意度≥90%92%1010
总分10095"""


def road_table():
    """A project table printed as lines of text, each row's cells run together, as a copy from a PDF gives it
    (written for this test), read as the hybrid reads such lines: one one-cell row per line."""
    part = TableBlock(rows=[Row([Cell(text, line)]) for line, text in enumerate(ROAD_TABLE.split("\n"), 1)])
    [chunk] = table_windows(part, 4000)
    return part, chunk


ROAD_FUNDS = {"label": "年度资金总额", "initial_budget": 120, "full_year_budget": 120, "executed": 118, "weight": 10,
              "execution_rate": 98.33, "score": 9.83}
ROAD_INDICATORS = [{"level1": "产出指标", "level2": "数量指标", "level3": "养护里程", "target": "≥30公里",
                    "actual": "32公里", "weight": 20, "score": 18, "deviation_note": "雨季延误"},
                   {"level1": "效益指标", "level2": "社会效益指标", "level3": "群众满意度", "target": "≥90%",
                    "actual": "92%", "weight": 10, "score": 10}]


def test_run_together_rows_keep_values_that_reproduce_them_in_the_headers_order():
    part, chunk = road_table()
    answer = AnsweredTable(kind="project", name="乡村道路养护", funds_total=ROAD_FUNDS, indicators=ROAD_INDICATORS,
                           total_weight=100, total_score=95)
    table, warning = ground_table(answer, chunk, part)
    assert warning is None
    funds = table.funds_total
    assert (funds.initial_budget, funds.executed, funds.execution_rate, funds.score, funds.line) == \
        (120, 118, 98.33, 9.83, 4)
    first, second = table.indicators
    assert (first.level1, first.level2, first.level3, first.target, first.actual, first.weight, first.score,
            first.deviation_note, first.line) == ("产出指标", "数量指标", "养护里程", "≥30公里", "32公里", 20, 18,
                                                  "雨季延误", 6)
    assert (second.level3, second.target, second.actual, second.weight, second.score) == \
        ("群众满意度", "≥90%", "92%", 10, 10)
    assert (table.total_weight, table.total_score) == (100, 95)


def test_run_together_rows_refuse_swapped_shifted_and_invented_values():
    part, chunk = road_table()
    swapped = [{**i, "target": i["actual"], "actual": i["target"]} for i in ROAD_INDICATORS[:1]] + \
        [{**ROAD_INDICATORS[1], "weight": 10, "score": None}] + \
        [{"level3": "养护里程", "target": "≥30公里", "actual": "32公里", "weight": 18, "score": 20}]
    answer = AnsweredTable(kind="project", funds_total={**ROAD_FUNDS, "initial_budget": 118, "executed": 120},
                           fund_lines=[{"label": "年度资金总额", "initial_budget": 120, "full_year_budget": 120,
                                        "executed": 118}],
                           indicators=swapped + [{"level3": "凭空捏造的指标", "target": "≥99%", "weight": 5}],
                           total_weight=95, total_score=100)
    table, warning = ground_table(answer, chunk, part)
    funds = [table.funds_total, *table.fund_lines]
    assert all(line.initial_budget is None and line.executed is None for line in funds), \
        "swapped amounts, and amounts that leave columns open to a shift, are refused"
    assert [i.level3 for i in table.indicators] == ["养护里程", "群众满意度"], "printed names stay, invented go"
    assert all(i.target is None and i.actual is None and i.weight is None and i.score is None
               for i in table.indicators), "target/actual swapped, a weight without its score, 分值/得分 swapped"
    assert (table.total_weight, table.total_score) == (None, None)
    assert "与表头列序不符" in warning


def test_a_run_that_splits_many_ways_is_checked_once_per_offset_and_value():
    """Forty zeros and a 1 against twenty zeros: the zeros split into twenty numbers (0, 00, 000 …) in C(39, 19)
    ≈ 7·10¹⁰ ways, none of them leaving the 1 out; each offset is tried once per value, not once per split."""
    text = "0" * 40 + "1"

    class CountedGrounder(Grounder):
        tries = 0

        def _printings(self, at, end, value):
            self.tries += 1
            assert self.tries <= (len(text) + 1) * 20, "a printing was tried again from an offset for a value"
            return super()._printings(at, end, value)

    assert CountedGrounder(text).in_order((0, len(text)), [0.0] * 20) is None
    assert len(CountedGrounder(text).in_order((0, len(text) - 1), [0.0] * 20)) == 20  # the zeros alone fit


def test_a_table_printed_on_one_line_gives_no_values():
    """The header and the rows all on one line (a spreadsheet pasted as one line): no row can be told from the
    header's words, so no value is read, whatever the answer says."""
    line = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 养护里程 ≥30公里 32公里 20 18"
    part = TableBlock(rows=[Row([Cell("附件2 项目支出绩效自评表", 1)]), Row([Cell(line, 2)])])
    [chunk] = table_windows(part, 4000)
    table, warning = ground_table(AnsweredTable(kind="project", indicators=ROAD_INDICATORS[:1]), chunk, part)
    assert all(i.target is None and i.weight is None and i.score is None for i in table.indicators)
    assert "与表头列序不符" in warning
