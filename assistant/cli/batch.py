"""`selfeval batch DIR|GLOB -o OUTDIR`: review many reports in parallel; interruptible and resumable."""
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli.app import app, console, guarded, stderr
from assistant.errors import BadInput

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.batch import Outcome, Tally


def interrupt(signum, frame) -> None:
    """SIGTERM stops a batch the way Ctrl-C does: files in flight finish and are kept."""
    raise KeyboardInterrupt


def exit_code(tally: "Tally") -> int:
    """130 interrupted; else the worst failure: 1 a bug, 3 LLM unavailable, 2 bad input; 0 all reviewed."""
    if tally.interrupted:
        return 130
    for status, code in (("error", 1), ("llm_unavailable", 3), ("bad_input", 2)):
        if tally.count(status):
            return code
    return 0


def report_failure(console: "Console", outcome: "Outcome") -> None:
    """One line per file not reviewed; its name and message are text, never markup."""
    from rich.markup import escape

    console.print(f"[yellow]未审核[/yellow] {escape(outcome.path)}：{escape(outcome.message or '')}", highlight=False,
                  soft_wrap=True)


def print_summary(tally: "Tally", outdir: Path) -> None:
    from assistant.batch import LEDGER, OVERVIEW, REPORTS, STORE

    console.print(
        f"共 {tally.total} 个文件：本次审核 {tally.reviewed} 个，跳过 {tally.skipped} 个（此前已完成或内容重复），"
        f"未审核 {len(tally.failures)} 个（输入有误 {tally.count('bad_input')}，需要大模型 "
        f"{tally.count('llm_unavailable')}，出错 {tally.count('error')}）。",
        highlight=False, soft_wrap=True, markup=False)
    console.print(f"输出：{outdir / REPORTS}/（每份报告的 JSON）、{outdir / LEDGER}、{outdir / OVERVIEW}、"
                  f"{outdir / STORE}", highlight=False, soft_wrap=True, markup=False)


@app.command()
@guarded
def batch(
    source: str = typer.Argument(..., help="目录（递归查找 .txt/.docx/.pdf）、单个文件，或通配符如 'in/*.docx'"),
    outdir: Path = typer.Option(..., "--out", "-o", help="输出目录：每份报告的 JSON、summary.jsonl、overview.xlsx、reviews.db"),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", help="并行进程数"),
    extractor: str = typer.Option("rules", "--extractor", help="rules | auto | llm | hybrid"),
) -> None:
    """批量审核：多进程并行并显示进度；可随时中断，重新运行同一命令会跳过已完成的文件。"""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    from assistant.batch import Batch, Outcome, Tally, find_reports
    from assistant.extract.dispatch import EXTRACTORS

    if jobs < 1:
        raise typer.BadParameter("--jobs 至少为 1")
    if extractor not in EXTRACTORS:
        raise typer.BadParameter(f"--extractor 只能是 {' | '.join(EXTRACTORS)}")
    if outdir.exists() and not outdir.is_dir():
        raise BadInput(f"输出目录 {outdir} 已是一个文件，请换一个目录。")
    files = find_reports(source, outdir)
    if not files:
        raise BadInput(f"没有找到要审核的报告文件（txt/docx/doc/wps/xlsx/xls/et/html/pdf/扫描图片）：{source}")
    job = Batch(outdir, extractor)
    todo, unreadable, skipped = job.plan(files)
    tally = Tally(total=len(files), skipped=skipped, failures=list(unreadable))
    for outcome in unreadable:
        report_failure(stderr, outcome)
    progress = Progress(TextColumn("审核中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("剩余"), TimeRemainingColumn(), console=stderr)

    def on_outcome(outcome: Outcome) -> None:
        progress.advance(task)
        if outcome.status == "ok":
            tally.reviewed += 1
            return
        tally.failures.append(outcome)
        report_failure(progress.console, outcome)

    signal.signal(signal.SIGTERM, interrupt)
    with progress:
        task = progress.add_task("审核中", total=len(todo))
        tally.interrupted = job.run(todo, jobs, on_outcome)
    job.write_overview()
    print_summary(tally, outdir)
    if tally.interrupted:
        stderr.print("已中断：已完成的文件均已保存，重新运行同一命令会跳过它们继续。", highlight=False, soft_wrap=True)
    raise typer.Exit(exit_code(tally))
