"""A copy's spacing undone before its layout is read: a blank line printed after every line of text (a web page whose
every line is a paragraph), and an indent every line shares (a quoted or pasted-in-place copy).

Neither carries anything about the table: a blank line that follows every line cannot end a row, and an indent every
line has cannot be a row's empty first column or a cell's continuation.
"""
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
