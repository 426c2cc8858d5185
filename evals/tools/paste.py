"""Print gold-labelled tables as a reviewer's copy pastes them, and score the reader on each paste style.

    python evals/tools/paste.py                       # style × F1 table (samples and field dev apart)
    python evals/tools/paste.py --show a --only 000   # print one style's text for ids containing "000"
    python evals/tools/paste.py --template region-central-transfer   # every gold table drawn in an official form
    python evals/tools/paste.py --variant 1,2,3 --styles adegjk      # forms never seen: render.in_variant_form
    python evals/tools/paste.py --variant 1,2,3 --dimensions columns # the variant forms as drawn before funds, head
                                                                     # and levels were varied

Sources are the ones evals/tools/render.py draws (its `sample_sheet` and `field_sheet`): the five samples with
their gold in evals/gold, and the field set's dev split (`--field DIR`, default evals/field; only DIR/dev is read,
never DIR/test); with `--template` every gold table, the samples' too, is drawn in one of render.py's TEMPLATES
(an official form other provinces fill in) instead of its own layout, and scored on what that form prints. Each
table is laid on its grid (a merged cell printed once, at its top-left position) and printed in one of the styles
a reviewer's copy produces:

    a  one cell per line, empty cells kept as blank lines
    b  one cell per line, empty cells dropped (what document viewers do)
    c  one cell per line with a trailing " |" (odd tables) or "|" (even tables) on each cell
    d  each row on one line, cells separated by runs of spaces (columns aligned, a merged cell across its columns)
    e  markdown pipe rows with a |---| separator under the first row
    f  each row on one line, cells separated by tabs, merged cells left empty
    g  each row on one line, cells separated by a single space, no empty cells
    h  one cell per line, empty cells dropped, a blank line after each row (no trailing bars)
    i  one cell per line, empty cells dropped, a header row's (words only, four cells or more) cells longer than
       three characters broken over two lines at their middle
    j  one cell per line, empty cells dropped, every cell wrapped at 12 characters, as a browser's narrow column
    k  the whole table on one line, its cells run together with no separator (the field set's run_together copies)
    l  one cell per line, empty cells dropped, damaged as OCR and viewers damage copies: about one cell in 25 run
       into the next, one in 33 lost, one in 33 with OCR letters (0→O, 1→l, 5→S, %→$); seeded by the table's text
    m  markdown pipe rows, a cell longer than 12 characters broken over two lines (the row runs on to the next)
    p  as b, the table broken over pages every 7 rows, each page ending with its number ("- 2 -")
    q  as p, the next page printing the indicators' header again (a Word table's repeated heading row in a PDF)
    r  as q, each row on one line, cells apart by a single space
    s  pipe rows a site flattened: each row's filled cells packed left, the row padded to the table's width ("||")
    t  each row on one line, its filled cells apart by TABs, merged and empty cells printing nothing
    v  the whole table on one line, its cells apart by a single space (a page's text flattened)

`--merged-levels` draws a 一级 or 二级 name that the rows below repeat once, merged down over them, as most forms
print them (render.merged_levels); without it every row prints its level names.

`--findings` checks each paste instead: the narrative is the sheet's, so every finding on a table that matches no
gold defect of that table is an artefact of how the paste was read. It counts, per style, the findings that claim a
defect (matched or not) and those the checkers left to a manual check (`Finding.doubt`). Gold defects are labelled
for the source's own layout, so a clean style (e, f, m) has some unmatched findings too; `--alarms e` lists, per
style, the unmatched findings whose rule and row the clean style does not state, the alarms a misread raised:

    python evals/tools/paste.py --findings --alarms e --styles edl --template anhui-dept-score-sheet
"""
import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals" / "tools"))

from render import (TEMPLATES, VARIANT_DIMENSIONS, Sheet, field_sheet, in_template, in_variant_form,  # noqa: E402
                    placed, sample_sheet)

from assistant import api  # noqa: E402
from assistant.evaluate.extraction import Tally, score_extraction  # noqa: E402
from assistant.evaluate.findings import matches  # noqa: E402
from assistant.ingest import read_bytes  # noqa: E402
from assistant.layout import display_width  # noqa: E402
from assistant.values import normalize_text  # noqa: E402
from schemas import Finding  # noqa: E402
from schemas.gold import GoldReport  # noqa: E402

STYLES = {
    "a": "一格一行，空格留空行", "b": "一格一行，空格省略", "c": "一格一行，行尾“|”",
    "d": "一行一排，空格对齐", "e": "Markdown 竖线表", "f": "一行一排，制表符分隔", "g": "一行一排，单个空格",
    "h": "一格一行，行间空行", "i": "一格一行，表头折行", "j": "一格一行，窄栏折行", "k": "整表一行，单元格连写",
    "l": "一格一行，识读损坏", "m": "竖线表，格内折行", "p": "一格一行，分页页码", "q": "一格一行，分页重复表头",
    "r": "一行一排，分页重复表头", "s": "竖线表，空格省略右补",
    "t": "一行一排，制表符分隔，空格省略", "v": "整表一行，单个空格",
}
OCR_LETTERS = {"0": "O", "1": "l", "5": "S", "%": "$"}
WRAP = 12  # characters of a browser's narrow column (style j)
PAGE_ROWS = 7  # rows of a table on a page of a document viewer's copy (styles p and q)


def grid(rows) -> list[list[str | None]]:
    """The table as a full grid of texts: a merged cell's text at its top-left, None at the positions it covers."""
    cells = placed(rows)
    width = max((c + cell.colspan for row in cells for c, cell in row), default=0)
    result: list[list[str | None]] = [[None] * width for _ in cells]
    for r, row in enumerate(cells):
        for c, cell in row:
            result[r][c] = cell.text.replace("\n", " ").strip()
    return result


def table_lines(rows, style: str, index: int) -> list[str]:
    table = grid(rows)
    if style in "hij":
        return cell_lines(table, style)
    if style in "pq":
        return paged_lines(table, style == "q")
    if style == "r":
        return [" ".join(texts) for texts in paged_rows(table, True)]
    if style == "t":
        # A browser's copy of a table whose merged and empty cells print nothing: each row's filled cells apart by
        # TABs.
        return ["\t".join(texts) for row in table for texts in [[text for text in row if text]] if texts]
    if style == "s":
        # A site's flattened table: each row's filled cells packed left, the row padded with empty cells to the
        # table's width ("产出指标 | 数量指标 | 培训人数 | 50 | 20 | ||").
        width = len(table[0]) if table else 0
        return [" | ".join(texts) + " |" + "|" * (width - len(texts)) for row in table
                for texts in [[text for text in row if text]] if texts]
    if style in "kv":
        # The whole table on one line (a page's text flattened), its cells run together (k) or apart by a space (v).
        return [("" if style == "k" else " ").join(text for row in table for text in row if text)]
    if style == "l":
        return damaged([text for row in table for text in row if text], random.Random(repr(table)))
    if style in "abc":
        texts = [text for row in table for text in row if text is not None]
        if style == "b":
            return [text for text in texts if text]
        if style == "c":
            bar = " |" if index % 2 else "|"
            return [text + bar for text in texts]
        return texts
    full = [[text or "" for text in row] for row in table]
    if style == "d":
        return aligned_lines(rows)
    if style in "em":
        if style == "m":
            full = [[text[:WRAP] + "\n" + text[WRAP:] if len(text) > WRAP else text for text in row]
                    for row in full]
        rows = [("| " + " | ".join(row) + " |").split("\n") for row in full]
        return [*rows[0], "|" + "---|" * len(full[0]), *(line for row in rows[1:] for line in row)] if rows else []
    if style == "f":
        return ["\t".join(row) for row in full]
    return [" ".join(text for text in row if text) for row in full]


def damaged(cells: list[str], rng: random.Random) -> list[str]:
    """The cells one per line with a copy's damage (style l): a cell run into the next, lost, or misrecognised."""
    lines, position = [], 0
    while position < len(cells):
        text, draw = cells[position], rng.random()
        if draw < 0.04 and position + 1 < len(cells):
            lines.append(text + cells[position + 1])
            position += 2
            continue
        if draw >= 0.07:
            lines.append(text if draw >= 0.10 else
                         "".join(OCR_LETTERS.get(c, c) if rng.random() < 0.3 else c for c in text))
        position += 1
    return lines


def cell_lines(table: list[list[str | None]], style: str) -> list[str]:
    """One filled cell per line (styles h, i, j): a blank line after each row, a header row's cells broken in two,
    or every cell wrapped at WRAP characters."""
    lines = []
    for row in table:
        texts = [text for text in row if text]
        if style == "h":
            lines += texts + [""] if texts else []
        elif style == "i" and len(texts) >= 4 and not any(char.isdigit() for text in texts for char in text):
            lines += [part for text in texts for part in
                      ([text[:len(text) // 2], text[len(text) // 2:]] if len(text) > 3 else [text])]
        elif style == "j":
            lines += [text[at:at + WRAP] for text in texts for at in range(0, len(text), WRAP)]
        else:
            lines += texts
    return lines


def paged_rows(table: list[list[str | None]], repeat_header: bool) -> list[list[str]]:
    """The table's rows, their filled cells, broken over pages every PAGE_ROWS rows: each page ends with its number
    ("- 2 -"), and with `repeat_header` the next page prints the indicators' header row again (a Word table's
    repeated heading row in a PDF) once the indicators have started."""
    rows, header, page = [], None, 1
    for number, row in enumerate(table, start=1):
        texts = [text for text in row if text]
        if header is None and sum("指标" in text for text in texts) >= 2 and not any(c.isdigit() for c in "".join(texts)):
            header = texts
        rows.append(texts)
        if number % PAGE_ROWS == 0 and number < len(table):
            page += 1
            rows.append([f"- {page} -"])
            if repeat_header and header is not None and header != texts:
                rows.append(header)
    return rows


def paged_lines(table: list[list[str | None]], repeat_header: bool) -> list[str]:
    """One filled cell per line, empty cells left out, the table broken over pages (`paged_rows`; styles p, q)."""
    return [text for texts in paged_rows(table, repeat_header) for text in texts]


def aligned_lines(rows, gap: int = 3) -> list[str]:
    """Rows of a monospace copy: every grid column as wide as its widest one-column cell, a merged cell spanning
    its columns' widths (its text may run on into them), columns apart by `gap` spaces."""
    cells = placed(rows)
    width = max((c + cell.colspan for row in cells for c, cell in row), default=0)
    widths = [0] * width
    for row in cells:
        for c, cell in row:
            if cell.colspan == 1:
                widths[c] = max(widths[c], display_width(cell.text.replace("\n", " ").strip()))
    starts = [sum(widths[:c]) + gap * c for c in range(width)]
    lines = []
    for row in cells:
        line = ""
        for c, cell in row:
            text = cell.text.replace("\n", " ").strip()
            if text:
                line += " " * max(starts[c] - display_width(line), gap if line else 0) + text
        lines.append(line)
    return lines


def pasted(sheet: Sheet, style: str) -> str:
    """The sheet's paragraphs and tables as one pasted text in `style`."""
    lines, index = [], 0
    for item in sheet.items:
        if isinstance(item, str):
            lines.append(item)
        else:
            index += 1
            lines += table_lines(item, style, index)
    return "\n".join(lines) + "\n"


def sources(samples: Path, gold: Path, field: Path, only: str = "",
            template: str = "", variants: tuple[int, ...] = (),
            dimensions: tuple[str, ...] = VARIANT_DIMENSIONS,
            merged: bool = False) -> list[tuple[str, str, Sheet, GoldReport]]:
    """(group, id, sheet, gold) for every sample with gold and every field dev table; test is never read. With a
    template, each is drawn from its gold labels in that official form; with variant seeds, once per seed in a
    variant form (render.in_variant_form) varied in `dimensions`; `merged`, a 一级 or 二级 name the rows below
    repeat drawn once, merged down over them (render.merged_levels), as most forms print them."""
    if variants:
        return [(group, f"{name}@{seed}", field_sheet(dict(drawn, merged_levels=merged)),
                 GoldReport.model_validate(drawn))
                for seed in variants for group, name, labels in gold_labels(samples, gold, field, only)
                for drawn in [in_variant_form(labels, seed, dimensions)]]
    result = []
    for sample in sorted(samples.glob("*.txt")):
        label = gold / f"{sample.stem}.json"
        if label.exists() and only in sample.stem:
            labels = json.loads(label.read_text(encoding="utf-8"))
            if template and not labels.get("tables"):
                continue
            labels = in_template(labels, template) if template else labels
            sheet = field_sheet(dict(labels, merged_levels=merged)) if template \
                else sample_sheet(sample.read_text(encoding="utf-8"))
            result.append(("samples", sample.stem, sheet, GoldReport.model_validate(labels)))
    for path in sorted((field / "dev").glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        if labels.get("tables") and only in path.stem:
            labels = in_template(labels, template) if template else labels
            result.append(("field", path.stem, field_sheet(dict(labels, merged_levels=merged)),
                           GoldReport.model_validate(labels)))
    return result


def gold_labels(samples: Path, gold: Path, field: Path, only: str) -> list[tuple[str, str, dict]]:
    """(group, id, labels) for every sample and field dev file whose gold has tables."""
    paths = [("samples", gold / f"{sample.stem}.json") for sample in sorted(samples.glob("*.txt"))]
    paths += [("field", path) for path in sorted((field / "dev").glob("*.json"))]
    result = []
    for group, path in paths:
        labels = json.loads(path.read_text(encoding="utf-8")) if path.exists() and only in path.stem else {}
        if labels.get("tables"):
            result.append((group, path.stem, labels))
    return result


def score_paste(text: str, gold: GoldReport) -> Tally:
    """The pasted text read through ingest and the rules extractor, tables only (as formats.py scores them)."""
    report = api.extract(read_bytes(text.encode("utf-8"), "pasted.txt"), "rules")
    tally, _ = score_extraction(gold.model_copy(update={"figures": []}), report.model_copy(update={"figures": []}))
    return tally


def sorted_findings(text: str, gold: GoldReport) -> list[tuple[str, Finding]]:
    """The table findings on the pasted text, each with its kind: "matched" (a gold defect of that table),
    "unmatched" (an artefact of the read, or a defect the gold does not list) or "doubtful" (left to a manual
    check)."""
    document = read_bytes(text.encode("utf-8"), "pasted.txt")
    report = api.extract(document, "rules")
    _, table_map = score_extraction(gold.model_copy(update={"figures": []}), report.model_copy(update={"figures": []}))
    defects = [d for d in gold.defects if d.table is not None]
    return [("doubtful" if finding.doubt else
             "matched" if any(matches(finding, d, table_map) for d in defects) else "unmatched", finding)
            for finding in api.check_extracted(report, document).findings if finding.table is not None]


def paste_findings(text: str, gold: GoldReport) -> Counter:
    """How many table findings on the pasted text are matched, unmatched and doubtful."""
    return Counter(kind for kind, _ in sorted_findings(text, gold))


def false_alarms(sheet: Sheet, gold: GoldReport, style: str, clean: str) -> list[Finding]:
    """The unmatched findings of the `style` paste that the `clean` paste (a style that reads the tables right) does
    not state, matched or not: each rule on a row claimed more often than the clean read claims it is an alarm on a
    misread. (A defect both state, unmatched only here, lost its table to the mapping: a table split or read as
    another kind, not a misread figure.)"""
    baseline = Counter((f.rule, normalize_text(f.row)) for kind, f in sorted_findings(pasted(sheet, clean), gold)
                       if kind != "doubtful")
    alarms = []
    for kind, finding in sorted_findings(pasted(sheet, style), gold):
        key = (finding.rule, normalize_text(finding.row))
        if kind != "unmatched":
            baseline[key] -= 1
        elif baseline[key] > 0:
            baseline[key] -= 1
        else:
            alarms.append(finding)
    return alarms


def score_styles(items, styles: str) -> dict[str, dict[str, Tally]]:
    """{style: {group: Tally}} over every source."""
    result = {}
    for style in styles:
        tallies = {"samples": Tally(), "field": Tally()}
        for group, _, sheet, gold in items:
            tallies[group].add(score_paste(pasted(sheet, style), gold))
        result[style] = tallies
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT / "evals" / "samples")
    parser.add_argument("--gold", type=Path, default=ROOT / "evals" / "gold")
    parser.add_argument("--field", type=Path, default=ROOT / "evals" / "field", help="a field-set folder (dev/*.json)")
    parser.add_argument("--styles", default="".join(STYLES))
    parser.add_argument("--only", default="", help="only ids containing this text")
    parser.add_argument("--template", choices=sorted(TEMPLATES), default="",
                        help="draw every gold table in this official form")
    parser.add_argument("--variant", default="", metavar="SEEDS",
                        help="draw every gold table in variant forms, one per seed (1,2,3): columns reordered and "
                             "renamed, the target split over two rows, an unnamed 备注 column; the funds block, "
                             "the head's key–value cells and the indicator levels varied too (see --dimensions)")
    parser.add_argument("--dimensions", default=",".join(VARIANT_DIMENSIONS),
                        help="what a variant form varies, of " + ",".join(VARIANT_DIMENSIONS) +
                             " (columns alone: the forms seeds drew before the others were added)")
    parser.add_argument("--merged-levels", action="store_true",
                        help="draw a 一级 or 二级 name the rows below repeat once, merged down over them (as most "
                             "forms print them) rather than on every row")
    parser.add_argument("--show", metavar="STYLE", help="print the pasted text in STYLE instead of scoring")
    parser.add_argument("--per-file", action="store_true", help="print each id's F1 per style")
    parser.add_argument("--findings", action="store_true", help="count the table findings on each paste instead")
    parser.add_argument("--alarms", metavar="CLEAN", help="with --findings, list each style's unmatched findings "
                        "beyond those of the CLEAN style (e, f or m read the tables right): alarms on a misread")
    args = parser.parse_args()
    variants = tuple(int(seed) for seed in args.variant.split(",") if seed)
    dimensions = tuple(name for name in args.dimensions.split(",") if name)
    items = sources(args.samples, args.gold, args.field, args.only, args.template, variants, dimensions,
                    args.merged_levels)
    if args.show:
        for _, name, sheet, _ in items:
            print(f"===== {name}\n{pasted(sheet, args.show)}")
        return
    if args.findings:
        print(f"{'style':<24}{'matched':>9}{'unmatched':>11}{'doubtful':>10}")
        for style in args.styles:
            counts = sum((paste_findings(pasted(sheet, style), gold) for _, _, sheet, gold in items), Counter())
            print(f"{style} {STYLES[style]:<22}{counts['matched']:>9}{counts['unmatched']:>11}{counts['doubtful']:>10}")
            for name, alarm in ((name, a) for _, name, sheet, gold in items if args.alarms and style != args.alarms
                                for a in false_alarms(sheet, gold, style, args.alarms)):
                print(f"    {name} 表{alarm.table} {alarm.rule} [{alarm.row or ''}] {alarm.message}")
        return
    if args.per_file:
        for group, name, sheet, gold in items:
            print(name, " ".join(f"{s}={score_paste(pasted(sheet, s), gold).f1:.2f}" for s in args.styles))
    print(f"{'style':<24}{'samples F1':>12}{'field dev F1':>14}")
    for style, tallies in score_styles(items, args.styles).items():
        print(f"{style} {STYLES[style]:<22}{tallies['samples'].f1:>12.2f}{tallies['field'].f1:>14.2f}")


if __name__ == "__main__":
    main()
