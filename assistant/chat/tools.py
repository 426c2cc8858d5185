"""The chat's tools over one report, used by the offline answerer and offered to the LLM alike.

- `lookup`: a table cell, fund line, indicator, basic-data row or narrative figure by fuzzy name;
- `search`: narrative passages by BM25 (`assistant.retrieval`);
- `calculate` (calculator.py): the safe calculator for derived figures;
- `indicator_facts`, `table_names`, `findings`: the rows a "which / how many" question runs over.

`ReportTools.call` runs a tool by name with a model's JSON arguments and returns plain JSON
(the tools are described to the model in `prompts/chat_answer.md`).
"""
import re
from dataclasses import dataclass, replace

import cn2an

from assistant.chat.calculator import calculate
from assistant.chat.facts import COLUMN_NAMES, Fact, narrative_facts, table_facts
from assistant.chat.projects import NarrativeItem, narrative_projects
from assistant.chat.terms import Weights, common_run, coverage, found
from assistant.chat.vocabulary import (COLUMN_OF, QUOTED, TABLE_NUMBER, answers, column_words, columns_in,
                                       expected_units, scope_of, strip_columns, strip_scope, units_agree, year_in)
from assistant.document import Document, Paragraph
from assistant.extract.narrative import as_simplified
from assistant.errors import BadInput
from assistant.retrieval import BM25, Passage, split_sentences, tokens
from schemas import CheckedReport, Finding

ATTACHMENT = re.compile(r"附件\s*\d+(?:\s*[-－—]\s*\d+)?")
DEPARTMENT_TABLE = re.compile(r"部门整体(?:支出)?(?:绩效)?(?:自评)?表|部门整体的|部门整体(?=执行率|预算|得分|总分|自评|年度资金|资金)")
# A lookup is trusted only when the name explains this much of what was asked.
ENOUGH = 0.62
QUOTED_SHARE = 0.75  # of a quoted name's words that a fact must carry
# Tie-breakers added to coverage (see ReportTools._bonus): small next to a word explained or not.
RECALL, RUN, PRIMARY, HEAD = 0.15, 0.05, 0.03, 0.08
OWN_HEAD = 0.02  # an indicator's own last word is the head asked: 食品抽检批次 is …抽检批次, not 食品抽检批次成本
OFF_DEFAULT, COLUMN_ASKED, NEAR, SAME_ROW = 0.05, 0.1, 0.12, 0.05
IN_NAMED_TABLE = 0.1  # a figure of the self-evaluation table the question names, over its echo in prose or basic data
# The columns a name alone asks for: 全年预算数 of a fund line, 决算数 of a basic-data row, 完成值, 总分.
# What a sum of money is, in a narrative clause: a clause naming another ("年初预算金额70万元") than the question
# ("…专项支出多少") is probably a sibling figure of the same item.
MEASURES = ("预算", "追加", "支出", "收入", "结余", "拨款")
OTHER_MEASURE = 0.2
# A clause saying its figure is a total ("我局共立案512起", "合计", "累计") answers a bare name over a part of it stated in a
# sub-item below ("（3）、…公安机关受案2起，立案2起"); 公共 of 一般公共预算 says no total.
TOTAL_SAID = re.compile(r"(?:^|[^公])共(?:计|有)?[\u4e00-\u9fa5]{0,4}$|总计|合计|累计")
TOTAL = 0.03
# Money coming in and money going out: a clause of one never answers a question about the other, though 拨款 is said
# of both ("预算收入" is not "一般公共预算财政拨款基本支出").
OPPOSITE_FLOW = {"收入": "支出", "支出": "收入"}
# A clause counting what changed ("企业新增872户") beside the stock ("企业7433户"): the stock answers a name without it.
CHANGE = re.compile(r"新增|净增|增长|增加|减少|下降")
DEFAULT_COLUMNS = (None, "full_year_budget", "final", "actual", "total_score")  # not 复核得分: asked for by name
# A part a "其中" clause breaks a figure into ("挽回损失413.26万元。其中…一案，挽回经济损失1.2万元") answers a name only
# when the question says this much of the part's own words (those its whole's sentence lacks), or says 其中.
PART_SINGLED_OUT = 0.5
PART_BELOW_WHOLE = 0.03  # more than standing closer to the other operand adds (compute.ADJACENT)


@dataclass(frozen=True)
class Match:
    """A fact and how well it answers a name: `score` is the coverage, `rank` adds tie-breakers."""

    fact: Fact
    score: float
    rank: float


class ReportTools:
    """One report's facts and passages, indexed once, and the tools that search them."""

    def __init__(self, report: CheckedReport, document: Document):
        self.report = report
        self.document = in_simplified(document)
        self.passages: list[Passage] = [passage for index, paragraph in enumerate(self.document.paragraphs)
                                        for passage in split_sentences(paragraph.text, paragraph.line, index)]
        self.index = BM25([tokens(p.text) for p in self.passages])
        self_scores = {(f.line, f.value) for f in report.figures if f.label == "自评分"}
        self.facts: list[Fact] = table_facts(report, self.document) + narrative_facts(
            self.passages, [p.text for p in self.document.paragraphs], self_scores)
        self.weights = Weights.of([p.text for p in self.passages]
                                  + [f"{f.label} {f.context[0][0] if f.context else ''}" for f in self.facts
                                     if f.source == "table"])
        self.main_table = next((i for i, t in enumerate(report.tables) if t.kind == "department_overall"),
                               next((i for i, t in enumerate(report.tables) if t.funds_total), None))
        self.projects: list[NarrativeItem] = narrative_projects(self.document)
        self.names: list[list[str]] = self._names()

    # lookups -----------------------------------------------------------------------------------

    def lookup(self, name: str, column: str | None = None, source: str | None = None,
               units: frozenset[str] | None = None, year: int | None = None, near: Fact | None = None,
               numeric: bool = True, limit: int = 5) -> list[Match]:
        """Facts answering `name`, best first.

        `column` (a column id) restricts table facts to that column; `source` is narrative,
        table or basic_data; `units` the units the answer may have; `near` a fact the answer
        probably stands beside (the other operand of a difference or ratio).
        """
        source = source or scope_of(name)
        if year is not None and year <= 0:  # relative to the report's year ("上年")
            year = self.report.year + year if self.report.year else None
        named = self.named_tables(name)
        phrase = strip_scope(TABLE_NUMBER.sub(" ", name))  # "表3" picks the table; it names no figure
        query_entity = tokens(strip_columns(phrase))
        # prose is matched on the column words too, each as one word: "全年预算数" is not "年初预算数"
        query_all = query_entity + column_words(phrase)
        quoted = [tokens(q) for q in QUOTED.findall(phrase)]
        matches = []
        for fact in self.facts:
            if not self._admissible(fact, phrase, column, source, units, year, numeric) \
                    or not names_quoted(fact, quoted):
                continue
            if named and fact.kind not in ("narrative", "basic") and fact.table not in named:
                continue  # the question names a self-evaluation table: other tables' figures do not answer it
            if fact.source == "table":
                score = coverage(query_entity, fact.names, self.weights) if query_entity \
                    else self._default_score(fact, column, named)
            else:
                score = coverage(query_all, fact.names, self.weights)
            own = IN_NAMED_TABLE * (fact.table in named and fact.kind not in ("narrative", "basic"))
            matches.append(Match(fact, score, score + own + self._bonus(fact, phrase, column, year, near)))
        matches = sorted(matches, key=lambda m: -m.rank)
        return sorted(self._parts_below_wholes(matches[:limit + 2], phrase), key=lambda m: -m.rank)[:limit]

    def _parts_below_wholes(self, matches: list[Match], phrase: str) -> list[Match]:
        """A part of a "其中" clause ranks just below its whole when both answer the name and the question does not
        single the part out by its own words: "挽回经济损失" is the 413.26万元 of all complaints, not the 1.2万元 of one
        case; "完成抽检批次" the city's 12233, not the 1900 of its own level."""
        if "其中" in phrase:
            return matches
        ranked = []
        for match in matches:
            whole = self.whole_of(match.fact) if match.score >= ENOUGH and match.fact.source == "narrative" else None
            rival = next((m for m in matches if whole is not None and m.fact is whole and m.score >= ENOUGH), None)
            if rival is not None and not self._singled_out(match.fact, whole, phrase):
                match = replace(match, rank=min(match.rank, rival.rank - PART_BELOW_WHOLE))
            ranked.append(match)
        return ranked

    def _singled_out(self, part: Fact, whole: Fact, phrase: str) -> bool:
        """Whether the question says most of the words the part's clause has and its whole's sentence lacks."""
        sentence = part.context[0][0] if part.context else ""
        clause = sentence[sentence.rfind("其中") + 2:] if "其中" in sentence else sentence
        said = whole.context[0][0]
        said = said[:said.find("其中")] if "其中" in said else said  # the whole's words, not those of its parts
        own_words = [w for w in tokens(clause + part.label) if not found(w, said + whole.label) == 1.0]
        return bool(own_words) and sum(found(w, phrase) == 1.0 for w in own_words) >= PART_SINGLED_OUT * len(own_words)

    def whole_of(self, part: Fact) -> Fact | None:
        """The figure a sentence breaks down into the part ("支出1359.46万元，其中基本支出998.09万元，项目支出…":
        1359.46): the last figure in the part's unit before the "其中" that precedes it in its sentence; None without
        one."""
        passage = self.sentence_of(part)
        if passage is None:
            return None
        of_which = passage.text.rfind("其中", 0, (part.offset or 0) - passage.offset)
        # a sentence opening with 其中 breaks down the sentence before it
        start = passage.offset if of_which > 0 else max(
            (p.offset for p in self.passages if p.paragraph == part.paragraph and p.offset < passage.offset),
            default=passage.offset)
        before = [f for f in self.facts if f.paragraph == part.paragraph and f.unit == part.unit
                  and f.value is not None and start <= (f.offset or 0) < passage.offset + of_which]
        whole = max(before, key=lambda f: f.offset or 0, default=None) if of_which >= 0 else self._listed_on(part)
        return whole if whole is not None and whole.value >= part.value else None

    def sentence_of(self, fact: Fact) -> Passage | None:
        """The sentence of the prose a narrative figure stands in; None for a table's."""
        return next((p for p in self.passages if p.paragraph == fact.paragraph
                     and p.offset <= (fact.offset or 0) < p.offset + len(p.text)), None)

    def _listed_on(self, part: Fact) -> Fact | None:
        """The whole of a part listed after a "；" that closes a "其中" clause ("…决算数为4980.37万元，其中：人员经费
        4360.55万元…；公用经费619.82万元": 4980.37); None when the passage before holds no such clause."""
        earlier = [p for p in self.passages
                   if p.paragraph == part.paragraph and p.offset + len(p.text) <= (part.offset or 0)]
        clause = max(earlier, key=lambda p: p.offset, default=None)
        of_which = clause.text.rfind("其中") if clause is not None and clause.text.rstrip().endswith(("；", ";")) else -1
        if of_which < 0:
            return None
        before = [f for f in self.facts if f.paragraph == part.paragraph and f.unit == part.unit and f.value is not None
                  and clause.offset <= (f.offset or 0) < clause.offset + of_which]
        return max(before, key=lambda f: f.offset or 0, default=None)

    def named_tables(self, phrase: str) -> set[int]:
        """The tables a phrase names, by name ("运行维护费") or by attachment number ("附件3-2")."""
        named = {index for index, table_name in self.table_names() if table_name in phrase}
        if DEPARTMENT_TABLE.search(phrase):  # "部门整体支出绩效自评表", "部门整体的…": the department-wide table
            named |= {index for index, table in enumerate(self.report.tables) if table.kind == "department_overall"}
        named |= {int(cn2an.cn2an(digits or chinese, "smart")) - 1 for digits, chinese in TABLE_NUMBER.findall(phrase)}
        named &= set(range(len(self.report.tables)))
        asked = {attachment(number) for number in ATTACHMENT.findall(phrase)}
        return named | {index for index, table in enumerate(self.report.tables)
                        if asked & {attachment(number) for number in ATTACHMENT.findall(table.title or "")}}

    def best(self, name: str, **options) -> Match | None:
        """The best fact for a name when it explains enough of the name, else None."""
        matches = self.lookup(name, limit=1, **options)
        return matches[0] if matches and matches[0].score >= ENOUGH else None

    def _admissible(self, fact: Fact, phrase: str, column: str | None, source: str | None, units,
                    year: int | None, numeric: bool) -> bool:
        if numeric and fact.value is None:
            return False
        if not in_source(fact, source):
            return False
        if not units_agree(fact.unit, units):
            return False
        if fact.source == "table" and not answers(column, fact.column):
            return False
        if fact.source == "narrative" and opposite_flow(phrase, flow_named(fact)):
            return False
        if year and fact.year and fact.year != year:
            return False
        # asked about another year than the report's: an undated figure is the report year's
        return not (year and year != self.report.year and not fact.year
                    and str(year) not in " ".join(text for text, _ in fact.names))

    def _default_score(self, fact: Fact, column: str | None, named: set[int]) -> float:
        """With no name beyond a column ("全年预算数是多少", "表3的总分"), the funds total of the table named, else of
        the main table, answers; with no column either, nothing does."""
        main = fact.table in (named or {self.main_table}) and (fact.primary or fact.kind == "total")
        return 1.0 if column is not None and main else 0.0

    def _bonus(self, fact: Fact, phrase: str, column: str | None, year: int | None, near: Fact | None) -> float:
        """Tie-breakers on top of coverage: how much of the fact's own name the question says, whether it
        names the head word, the column and year asked for, and standing beside `near`."""
        label = f"{fact.row or ''} {fact.heading or COLUMN_NAMES.get(fact.column or '', '')}" \
            if fact.source == "table" else fact.label
        label_tokens = tokens(label)
        recall = sum(found(t, phrase) for t in label_tokens) / len(label_tokens) if label_tokens else 0.0
        bonus = RECALL * recall + RUN * common_run(phrase, label) / max(4, len(label)) + PRIMARY * fact.primary
        # The last word names the thing asked ("一般公共预算项目支出" asks for 项目支出); a table
        # fact's column is matched apart, so its head is the last word before the column words.
        head = (tokens(strip_columns(phrase)) if fact.source == "table" else [])[-1:] or tokens(phrase)[-1:]
        if head and found(head[0], fact.label) == 1.0:
            bonus += HEAD + OWN_HEAD * (fact.kind == "indicator" and tokens(fact.row or "")[-1:] == head)
        if fact.source == "table" and column is None and fact.column not in DEFAULT_COLUMNS:
            bonus -= OFF_DEFAULT
        if fact.year and year is None and fact.year != self.report.year:
            bonus -= OFF_DEFAULT
        if fact.column == "total_score" and column == "score":
            bonus -= OFF_DEFAULT
        elif column is not None and fact.source == "table":
            bonus += COLUMN_ASKED  # the column asked for is the table's own: a stronger sign than words in prose
        if near is not None and near is not fact:
            same_place = (fact.table is not None and fact.table == near.table) or (
                fact.paragraph is not None and fact.paragraph == near.paragraph)
            bonus += NEAR * same_place + SAME_ROW * (same_place and fact.row == near.row and fact.row is not None)
        if fact.source == "narrative" and other_measure(phrase, fact.label):
            bonus -= OTHER_MEASURE
        said = columns_in(fact.label) if fact.source == "narrative" and column is not None else []
        if said and not any(answers(column, c) or answers(c, column) for c in said):
            bonus -= OTHER_MEASURE  # "基本支出全年执行数" is not the clause "基本支出年初预算数为4668.70万元"
        if fact.source == "narrative" and TOTAL_SAID.search(fact.label):
            bonus += TOTAL
        if fact.source == "narrative" and change_unasked(phrase, fact.label):
            bonus -= OTHER_MEASURE
        return bonus

    def search(self, query: str, limit: int = 3) -> list[Passage]:
        """Narrative passages nearest the query, best first: by BM25 over its words; when no passage holds a whole
        word, those sharing the most two-character pieces of them, and failing those the most characters, so a
        search shows the nearest text there is."""
        words = tokens(strip_columns(query)) or tokens(query)
        hits = [index for index, _ in self.index.search(words, limit)]
        for size in (2, 1):
            if hits:
                break
            pieces = {w[i:i + size] for w in words for i in range(len(w) - size + 1)}
            shared = [(sum(piece in p.text for piece in pieces) / len(p.text), i) for i, p in enumerate(self.passages)]
            hits = [i for _, i in sorted((-s, i) for s, i in shared if s > 0)[:limit]]
        return [self.passages[i] for i in hits]

    # rows for "which / how many" ---------------------------------------------------------------

    def indicator_facts(self, column: str, table: int | None = None, group: str | None = None) -> list[Fact]:
        """Indicator facts of one column, optionally within a table and a 一级/二级 group."""
        return [f for f in self.facts if f.kind == "indicator" and f.column == column
                and (table is None or f.table == table)
                and (group is None or group in (f.group or "") or group in f.context[-1][0])]

    def groups(self) -> list[str]:
        """The 一级/二级指标 names the tables use (产出指标, 数量指标 …)."""
        names = []
        for table in self.report.tables:
            for indicator in table.indicators:
                names += [n for n in (indicator.level1, indicator.level2) if n and n not in names]
        return names

    def _names(self) -> list[list[str]]:
        """The names a question may use and a follow-up swap, by kind: tables and the projects the narrative numbers
        ("市场及食品药品监管专项"), indicators, basic-data rows."""
        return [[name for _, name in self.table_names()] + [item.name for item in self.projects],
                sorted({f.row for f in self.facts if f.kind == "indicator" and f.row}),
                sorted({f.row for f in self.facts if f.kind in ("basic", "fund", "breakdown") and f.row})]

    def table_names(self) -> list[tuple[int, str]]:
        return [(i, t.name or t.title or t.kind) for i, t in enumerate(self.report.tables)]

    def findings(self, rule: str | None = None, table: int | None = None) -> list[Finding]:
        return [f for f in self.report.findings if (rule is None or f.rule == rule)
                and (table is None or f.table == table)]

    # the same tools for a model ----------------------------------------------------------------

    def call(self, name: str, arguments: dict) -> dict:
        """Run one tool by name with a model's JSON arguments; errors come back as {"error": …}."""
        try:
            if name == "lookup":
                text = str(arguments.get("name", ""))
                column = arguments.get("column") or (columns_in(text) or [None])[-1]
                if column and column not in COLUMN_OF.values():
                    raise BadInput(f"未知的列：{column}")
                matches = self.lookup(text, column=column, source=arguments.get("source") or None,
                                      units=expected_units(text, [column] if column else []), year=year_in(text),
                                      limit=5)
                return {"results": [fact_json(m.fact) | {"match": round(m.score, 2)} for m in matches]}
            if name == "search":
                return {"passages": [{"quote": p.text.strip(), "line": p.line}
                                     for p in self.search(str(arguments.get("query", "")))]}
            if name == "calculate":
                return {"value": round(calculate(str(arguments.get("expression", ""))), 4)}
            if name == "findings":
                return {"findings": [f.model_dump(include={"rule", "severity", "table", "row", "message",
                                                           "expected", "actual", "evidence"})
                                     for f in self.findings(arguments.get("rule") or None)]}
            if name == "tables":
                return {"tables": [{"index": i, "name": n, "kind": self.report.tables[i].kind}
                                   for i, n in self.table_names()]}
            raise BadInput(f"未知的工具：{name}")
        except BadInput as error:
            return {"error": str(error)}


def in_simplified(document: Document) -> Document:
    """The document as questions are asked of it: its prose in simplified characters without pinyin glosses
    (`as_simplified`), so "补助资金" finds "補助資金"; lines, tables and places in the file as printed."""
    prose = iter(as_simplified(document.paragraphs))
    return replace(document, blocks=[next(prose) if isinstance(block, Paragraph) else block for block in document.blocks])


def attachment(text: str) -> str:
    """An attachment number compared without spaces or dash variants ("附件 3-1" is "附件3-1")."""
    return re.sub(r"\s", "", text).replace("－", "-").replace("—", "-")


def in_source(fact: Fact, source: str | None) -> bool:
    """Whether a fact stands where the question looks: narrative, table (any), basic_data, or anywhere."""
    if source == "narrative":
        return fact.source == "narrative"
    if source == "basic_data":
        return fact.kind == "basic"
    return source != "table" or fact.source == "table"


def names_quoted(fact: Fact, quoted: list[list[str]]) -> bool:
    """A name the question puts in quotes must stand (nearly whole) among the fact's names."""
    texts = " ".join(text for text, _ in fact.names)
    return all(sum(found(t, texts) == 1.0 for t in words) >= QUOTED_SHARE * len(words) for words in quoted if words)


def fact_json(fact: Fact) -> dict:
    return {"name": fact.describe(), "value": fact.value, "text": fact.text, "unit": fact.unit,
            "source": fact.source, "quote": fact.quote, "line": fact.line}


def other_measure(phrase: str, label: str) -> bool:
    """Whether a clause names a measure of money the question does not, and not the one it does."""
    asked = [m for m in MEASURES if m in phrase]
    said = [m for m in MEASURES if m in label]
    return bool(asked and said) and not set(asked) & set(said)


def opposite_flow(phrase: str, label: str) -> bool:
    """Whether a clause speaks only of the flow of money opposite to the one the question asks about."""
    return any(asked in phrase and other not in phrase and other in label and asked not in label
               for asked, other in OPPOSITE_FLOW.items())


def flow_named(fact: Fact) -> str:
    """The words saying which way a narrative figure's money flows: its own clause's, else its sentence's up to it
    ("其中人员经费" of "…基本支出6346.47万元，其中人员经费5788.54万元" is spent)."""
    if any(flow in fact.label for flow in OPPOSITE_FLOW) or not fact.context:
        return fact.label
    return fact.context[0][0]


def change_unasked(phrase: str, label: str) -> bool:
    """Whether a clause speaks of a change ("新增", "增长") the question does not."""
    return bool(CHANGE.search(label)) and not CHANGE.search(phrase)

