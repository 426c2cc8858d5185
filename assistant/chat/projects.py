"""The projects a report's narrative numbers ("1.“市场及食品药品监管专项”…", "3.打击传销工作经费，2020年度总目标…"),
read once per report: a report without project tables names its projects this way."""
import re
from dataclasses import dataclass

from assistant.document import Document

# "3.", "（2）" opening an item; "8.2020省级…" is item 8, "8.5%" is no item
ITEM_NUMBER = re.compile(r"^\s*(?:(?P<plain>\d{1,2})\s*[.、．](?!\d{1,3}(?!\d))|[（(]\s*(?P<paren>\d{1,2})\s*[）)])"
                         r"[、，,]?\s*")
QUOTED_NAME = re.compile(r"^[“\"「]([^”\"」]{2,60})[”\"」]")
ITEM_PREFIX = re.compile(r"^(?:20\d{2}\s*年度?)?(?:本单位|我单位|我局|全年)?(?:共有|共|有)?")
PROJECT_WORD = re.compile(r"(?:专项|经费|资金|项目|补助|费)(?:[（(][^）)]*[）)])?$")


@dataclass(frozen=True)
class NarrativeItem:
    """A project the narrative numbers ("1.“市场及食品药品监管专项”…", "（2）2024年共有药品医疗器械监管资金…",
    "3.打击传销工作经费，2020年度总目标…"): its name as printed, and the paragraph it heads."""

    name: str
    paragraph: int
    line: int | None


def narrative_projects(document: Document) -> list[NarrativeItem]:
    """The longest run of numbered paragraphs (1, 2, 3 … in one numbering style) that each name a project, fund or
    expense; none when the narrative numbers no such run."""
    runs: list[list[NarrativeItem]] = []
    style, expected = "", 0
    for index, paragraph in enumerate(document.paragraphs):
        number_match = ITEM_NUMBER.match(paragraph.text)
        if number_match is None:
            continue
        this_style = "（" if number_match.group("paren") else "."
        value = int(number_match.group("paren") or number_match.group("plain"))
        if value == 1 or this_style != style or value != expected:
            runs.append([])
        style, expected = this_style, value + 1
        name = item_name(paragraph.text[number_match.end():])
        if name:
            runs[-1].append(NarrativeItem(name, index, paragraph.line))
    return max((run for run in runs if len(run) >= 2), key=len, default=[])


def item_name(text: str) -> str:
    """The project an item's opening names: the quoted name, else its words up to the first pause or figure, without
    the year and "共有"; "" when they do not end in a project word (专项, 经费, 资金, 项目, 补助, …费)."""
    quoted = QUOTED_NAME.match(text)
    if quoted:
        return quoted.group(1)
    head = re.split(r"[，,：:。；;]|\d+(?:\.\d+)?\s*(?:万元|元|亿元)", text, maxsplit=1)[0]
    head = ITEM_PREFIX.sub("", head).strip()
    head = re.sub(r"(?:实际)?(?:支出|金额|为|共)$", "", head)
    return head if PROJECT_WORD.search(head) and len(head) <= 80 else ""
