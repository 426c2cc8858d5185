"""Synthetic reports for benchmarks and batch trials, grown from a real sample's own structure.

A sample's self-evaluation tables are found by the layout parser and the extractor's header
words; a synthetic report repeats each table's indicator rows `rows` times and the whole
table `tables` times (copies get a numbered name), line for line in the sample's Word-export
tab layout. The narrative stays as printed, so growth is in tables and indicator rows only.

    python -m assistant.synthetic OUTDIR --count 1000     # a corpus for `selfeval batch`
"""
import argparse
import math
from dataclasses import dataclass
from pathlib import Path

from assistant.document import TableBlock
from assistant.extract.tables import NAME_LABELS, clean, is_indicator_header, is_total_row
from assistant.ingest import lines_of
from assistant.layout import is_blank, parse_text


@dataclass
class TableSpan:
    """Where a self-evaluation table sits in the sample: 0-based line ranges, end exclusive."""

    start: int  # first title line, or the first cell
    end: int  # the line where the next block starts
    indicator_runs: list[tuple[int, int]]  # lines of consecutive indicator rows
    name_lines: list[int]  # lines holding a 项目名称/部门名称 value


def growth_split(factor: int) -> tuple[int, int]:
    """(table copies, indicator-row copies) whose product is `factor`, as balanced as possible."""
    rows = max(d for d in range(1, math.isqrt(factor) + 1) if factor % d == 0)
    return factor // rows, rows


def indicator_runs(block: TableBlock, block_end: int) -> list[tuple[int, int]]:
    """Line ranges of the indicator rows under each 一级/二级/三级指标 header, up to 总分."""
    runs = []
    rows = block.rows
    for index, row in enumerate(rows):
        if not is_indicator_header(row):
            continue
        first = index + 1
        last = first
        while last < len(rows) and not is_total_row(rows[last]) and not is_indicator_header(rows[last]):
            last += 1
        if last > first:
            end = rows[last].line - 1 if last < len(rows) else block_end
            runs.append((rows[first].line - 1, end))
    return runs


def name_lines(block: TableBlock) -> list[int]:
    """Lines holding the value of a 项目名称/部门名称 cell: copies of the table get a numbered name there."""
    lines = []
    for row in block.rows:
        cells = row.cells
        for index, cell in enumerate(cells):
            if clean(cell.text) in NAME_LABELS:
                value = next((c for c in cells[index + 1:] if clean(c.text)), None)
                if value is not None:
                    lines.append(value.line - 1)
    return lines


def table_spans(lines: list[str]) -> list[TableSpan]:
    """Every table of the sample that has indicator rows, with the spans needed to grow it."""
    blocks = parse_text(lines)
    spans = []
    for index, block in enumerate(blocks):
        if not isinstance(block, TableBlock):
            continue
        end = blocks[index + 1].line - 1 if index + 1 < len(blocks) else len(lines)
        runs = indicator_runs(block, end)
        if runs:
            start = (block.title_lines[0].line if block.title_lines else block.line) - 1
            spans.append(TableSpan(start, end, runs, name_lines(block)))
    return spans


def with_blank_lines(lines: list[str], count: int) -> list[str]:
    """`lines` ending in at least `count` blank lines (a TAB line is an empty cell, not blank)."""
    trailing = 0
    while trailing < min(count, len(lines)) and is_blank(lines[-1 - trailing]):
        trailing += 1
    return lines + [""] * (count - trailing)


def grown_table(lines: list[str], span: TableSpan, copy: int, rows: int) -> list[str]:
    """One copy of a table with each indicator run repeated `rows` times; copies after the first are renamed."""
    out: list[str] = []
    cursor = span.start
    text = list(lines)
    if copy > 1:
        for line in span.name_lines:
            text[line] = f"{text[line].rstrip()}（副本{copy}）"
    for start, end in span.indicator_runs:
        out += text[cursor:start]
        # Word export ends a row with a blank line; a copied run must too, or it joins the row above.
        out += with_blank_lines(text[start:end], 1) * rows
        cursor = end
    out += text[cursor:span.end]
    # Two blank lines end a table, so the next copy starts a table of its own.
    return with_blank_lines(out, 2)


def grow(text: str, tables: int, rows: int) -> str:
    """The sample with every self-evaluation table copied `tables` times and its indicator rows `rows` times."""
    lines = lines_of(text)
    out: list[str] = []
    cursor = 0
    for span in table_spans(lines):
        out += lines[cursor:span.start]
        for copy in range(1, tables + 1):
            out += grown_table(lines, span, copy, rows)
        cursor = span.end
    out += lines[cursor:]
    return "\n".join(out)


def synthetic_report(text: str, factor: int) -> str:
    """A report `factor` times the sample's tables × indicator rows (10 → 5 tables × 2 rows each)."""
    tables, rows = growth_split(factor)
    return grow(text, tables, rows)


def corpus(samples: list[Path], count: int) -> list[tuple[str, str]]:
    """`count` distinct reports (name, text): the samples in turn, with 1–3 copies of their tables."""
    texts = {(sample, tables): grow(sample.read_text(encoding="utf-8"), tables, 1)
             for sample in samples for tables in (1, 2, 3)}
    reports = []
    for serial in range(count):
        sample = samples[serial % len(samples)]
        text = texts[(sample, 1 + serial % 3)]
        # A serial line keeps every report's hash distinct, so a batch treats each as new.
        reports.append((f"{serial:05d}_{sample.stem}.txt", f"{text}\n合成报告编号：{serial:05d}\n"))
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description="写出合成报告（由样例报告扩展而成），供批量审核试验。")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--samples", type=Path, default=Path(__file__).resolve().parents[1] / "evals" / "samples")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    samples = sorted(args.samples.glob("*.txt"))
    if not samples:
        parser.error(f"样例目录中没有 .txt 报告：{args.samples}")
    for name, text in corpus(samples, args.count):
        (args.outdir / name).write_text(text, encoding="utf-8")
    print(f"已写出 {args.count} 份合成报告到 {args.outdir}")


if __name__ == "__main__":
    main()
