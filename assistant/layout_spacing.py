"""A copy's spacing undone before its layout is read: a blank line printed after every line of text (a web page whose
every line is a paragraph), an indent every line shares (a quoted or pasted-in-place copy), and the line breaks a
narrow level column puts into its names where the rows are lines of cells apart by spaces.

None carries anything about the table: a blank line that follows every line cannot end a row, an indent every line
has cannot be a row's empty first column or a cell's continuation, and a level name broken over lines is one cell.
"""
import re

from assistant.extract.columns import LEVELS_GROUP
from assistant.extract.run_rows import LEVEL_NAME, is_level_cell

VERTICAL_CHARACTER = re.compile(r"^[\u4e00-\u9fa5]$")
# A line opening with a name printed letter-spaced ("绩 效 指 标 一级指标 …").
LETTER_SPACED = re.compile(r"^(?:[\u4e00-\u9fa5] ){2,5}[\u4e00-\u9fa5](?= )")
# A short bracketed note printed with spaces inside its brackets ("( A )", "( B/A×100%)"), and one opening a line.
NOTE_TEXT = r"[A-Za-z][A-Za-z0-9/×÷*+\-%]{0,15}|万?元"
PADDED_NOTE = re.compile(rf"[(（](?: +(?P<opened>{NOTE_TEXT}) *| *(?P<closed>{NOTE_TEXT}) +)[)）]")
NOTE_OPENING = re.compile(rf"^[(（](?:{NOTE_TEXT})[)）] ")
LEVEL_PIECE = 6  # characters, most, of a level name's piece before its line break (经济效益, 可持续影响)
MIN_LINES = 10  # lines of text, fewest, in which a blank line after every line is the copy's spacing
BREAKS = 20  # blank runs, fewest, for each two lines of text with no blank line between them in a spaced copy


def single_spaced(lines: list[str]) -> tuple[list[str], list[int]] | None:
    """A copy that prints a blank line after (nearly) every line of text, with one blank line of every two taken out
    (a run of one is none, a run of three, an empty line in the original, is one); with the 1-based source line of
    each line kept. None for any other text."""
    text_at = [index for index, line in enumerate(lines) if line.strip()]
    gaps = [after - before - 1 for before, after in zip(text_at, text_at[1:])]
    breaks = sum(1 for gap in gaps if gap == 0)
    if len(text_at) < MIN_LINES or breaks * BREAKS > len(gaps):
        return None
    kept, origins = [lines[text_at[0]]], [text_at[0] + 1]
    for before, gap in zip(text_at, gaps):
        blanks = gap // 2
        kept += [""] * blanks + [lines[before + gap + 1]]
        origins += [before + 2 + index for index in range(blanks)] + [before + gap + 2]
    return kept, origins


def dedented(lines: list[str]) -> list[str]:
    """The lines with the spaces every line of text opens with taken off."""
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    shared = min(indents, default=0)
    return [line[shared:] if line.strip() else line for line in lines] if shared else lines


def level_names_joined(lines: list[str]) -> tuple[list[str], list[int]] | None:
    """A copy whose rows are lines of cells apart by single spaces with its level names broken over lines, each name
    joined onto the row's line it opens (with the 1-based source line of each line kept): a 一级 printed a character
    a line whose last character opens the row's line ("产" "出" "指" "标 数量指标 维护…"), and a row's cells up to
    a 二级 whose last word opens the next line ("效益指标 经济效益" "指标 全年影院观影人数 …"). Its header's words
    are put back together too: the word over the levels printed letter-spaced ("绩 效 指 标 一级指标 …"), a column's
    letters padded inside their brackets ("全年预算数( A )") and a note broken onto the next line, the next words
    after it ("预算执行率" "( B/A×100%) 得分"). None where nothing is so broken; lines aligned in columns (two spaces
    or more between cells) are left as they are, and so is a copy whose level names no line break cuts."""
    kept: list[str] = []
    origins: list[int] = []
    run: list[int] = []  # the lines of a vertical name's characters so far
    names_joined = False
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if VERTICAL_CHARACTER.match(text):
            run.append(number)
            continue
        if aligned(line):  # (a line aligned in columns keeps its spacing: its cells stand where its header's do)
            kept += [lines[at - 1] for at in run] + [line]
            origins += run + [number]
            run = []
            continue
        spaced = LETTER_SPACED.match(text)
        if spaced and is_group_or_level("".join(spaced.group().split())):
            line = line.replace(spaced.group(), "".join(spaced.group().split()), 1)
        line = PADDED_NOTE.sub(lambda note: f"({note.group('opened') or note.group('closed')})", line)
        text = line.strip()
        head, _, rest = text.partition(" ")
        if not run and kept and kept[-1].strip() and rest and NOTE_OPENING.match(text):
            # (a header cell's note broken onto the next line, the header's next cells after it: "资金投入情况"
            # "(万元) 全年预算数(A) …", "预算执行率" "(B/A×100%) 得分")
            kept[-1] = kept[-1].rstrip() + text
            continue
        name = "".join(lines[at - 1].strip() for at in run)
        if len(run) > 1 and rest and is_level_cell(name + head):
            kept.append(name + text)
            names_joined = True
        else:
            kept += [lines[at - 1] for at in run]
            origins += run
            if kept and rest and broken_at_end(kept[-1], head):
                kept[-1] = kept[-1].rstrip() + text
                origins.pop()
                names_joined = True
            else:
                kept.append(line)
        run = []
        origins.append(number)
    kept += [lines[at - 1] for at in run]
    origins += run
    return (kept, origins) if names_joined else None


def aligned(line: str) -> bool:
    """A line laid out in columns: two spaces or more before or between its cells."""
    return "  " in line.rstrip()


def is_group_or_level(name: str) -> bool:
    """A level name, or the word a form prints over its level columns (绩效指标)."""
    return name == LEVELS_GROUP or is_level_cell(name)


def broken_at_end(line: str, head: str) -> bool:
    """Whether a line of cells apart by spaces, all level names but its last word (or that word alone), ends with a
    level name the next line's first word (`head`) ends: "效益指标 经济效益" before "指标 …"."""
    *names, last = line.split() or [""]
    return not aligned(line) and all(map(is_level_cell, names)) and len(last) <= LEVEL_PIECE \
        and not is_level_cell(last) and not is_level_cell(head) and LEVEL_NAME.fullmatch(last + head) is not None
