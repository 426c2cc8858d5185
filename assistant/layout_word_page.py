"""A Word-made web page copied out of a browser: no TAB, every cell a paragraph with a blank line after it, an empty
cell an empty paragraph. Its cells are put one a line, each at its source line, for the one-cell-a-line reader
(layout_dump).
"""
ODD_GAPS = 20  # blank runs, fewest, for each run of even length in a Word-made page's copy (an empty <p> of its own)


def word_page_cells(lines: list[str]) -> tuple[list[str], list[int]] | None:
    """A Word-made page's copy as a one-cell-a-line dump: each cell on one line (the lines it broke over joined), an
    empty cell a blank line, as the one-cell-a-line reader reads a dump that keeps its empty cells; with the
    1-based source line of each. None for any other text."""
    if not is_word_page_copy(lines):
        return None
    cells: list[str] = []
    origins: list[int] = []
    gap = 0  # blank lines since the last line of text
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            gap += 1
            continue
        if cells and not gap:
            cells[-1] += line.strip()
        else:
            empty = (gap - 1) // 2 if cells else 0  # a blank line after every cell, two more for an empty one
            cells += [""] * empty + [line.strip()]
            origins += [line_no - gap + 2 * index + 1 for index in range(empty)] + [line_no]
        gap = 0
    return cells, origins


def is_word_page_copy(lines: list[str]) -> bool:
    """No TAB, a blank line between nearly every two lines of text, and runs of three or more blank lines (empty
    cells): the runs of even length a rare empty paragraph of its own, the single line breaks (inside a cell) fewer
    than the blank runs."""
    if any("\t" in line for line in lines):
        return False
    gaps, run, breaks, seen = [], 0, 0, False
    for line in lines:
        if line.strip():
            if seen and run:
                gaps.append(run)
            breaks += seen and not run
            run, seen = 0, True
        else:
            run += 1
    even = sum(1 for gap in gaps if gap % 2 == 0)
    return any(gap >= 3 for gap in gaps) and even * ODD_GAPS <= len(gaps) and breaks < len(gaps)
