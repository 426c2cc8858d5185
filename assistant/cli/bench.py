"""`selfeval bench`: time the offline pipeline on the samples and on 10×/100× synthetic reports."""
import json
import sys
from pathlib import Path

import typer
from rich.table import Table as RichTable

from assistant.bench import SIZES, TARGETS, run_bench
from assistant.cli.app import app, console, guarded
from assistant.errors import BadInput
from assistant.evaluate.run import REPORTS, SAMPLES

LABELS = {"p50_ms_per_report": "每份报告耗时 p50（毫秒，CPU）", "p95_ms_per_report": "每份报告耗时 p95（毫秒，CPU）",
          "p50_wall_ms_per_report": "每份报告耗时 p50（毫秒，墙钟）",
          "reports_per_s_per_core": "单核每秒报告数", "scaling_ratio": "规模系数（最大倍数 ÷ 1× 的每行耗时）",
          "peak_memory_mb": "峰值内存（MB）"}


def parse_sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError as error:
        raise typer.BadParameter("--sizes 应为逗号分隔的正整数，如 1,10,100") from error
    if not sizes or sizes[0] < 1:
        raise typer.BadParameter("--sizes 应为逗号分隔的正整数，如 1,10,100")
    return sizes


def print_result(result: dict) -> None:
    grid = RichTable("指标", "数值", "目标", "")
    for key, label in LABELS.items():
        target = TARGETS.get(key)
        met = result["meets_targets"].get(key)
        grid.add_row(label, "—" if result[key] is None else f"{result[key]:g}",
                     "" if target is None else f"≤ {target:g}", "" if met is None else ("✓" if met else "✗"))
    console.print(grid)
    sizes = "；".join(f"{s['size']}×：{s['reports']} 份 {s['indicator_rows']} 行，每行 {s['ms_per_indicator_row']} 毫秒"
                     for s in result["sizes"])
    console.print(sizes, highlight=False)
    machine = result["machine"]
    console.print(f"计时为本进程的 CPU 时间（单核）；本机此刻的 Python 基准循环耗时 {machine['calibration_ms']} 毫秒，"
                  f"负载 {' '.join(map(str, machine['load_average']))}", highlight=False)
    formats = result["formats"]
    console.print(f"格式：{formats['error']}" if "error" in formats else
                  f"格式：LibreOffice 转换每个文件 {formats['conversion_s_per_file']} 秒；OCR 每页 {formats['ocr_s_per_page']} 秒"
                  f"（CPU {formats['ocr_cpu_s_per_page']} 秒），含 OCR 的峰值内存 {formats['peak_memory_mb_with_ocr']} MB",
                  highlight=False)
    llm = result["llm"]
    if llm and "error" in llm:
        console.print(f"大模型：{llm['error']}", highlight=False)
    elif llm:
        console.print(f"大模型抽取：每份报告 {llm['calls_per_report']} 次调用、{llm['tokens_per_report']} 个 token，"
                      f"缓存命中率 {llm['cache_hit_rate']}", highlight=False)


@app.command()
@guarded
def bench(
    json_output: bool = typer.Option(False, "--json", help="输出 JSON"),
    samples: Path = typer.Option(SAMPLES, "--samples", help="样例报告目录（*.txt）"),
    sizes: str = typer.Option(",".join(map(str, SIZES)), "--sizes", help="合成报告的倍数，逗号分隔"),
    repeat: int = typer.Option(5, "--repeat", help="每份样例的计时次数"),
    out: Path = typer.Option(REPORTS / "bench.json", "--out", help="结果写入的 JSON 文件"),
) -> None:
    """测试离线流水线的速度、规模线性度和内存占用，结果写入 evals/reports/bench.json。"""
    if repeat < 1:
        raise typer.BadParameter("--repeat 至少为 1")
    files = sorted(samples.glob("*.txt")) if samples.is_dir() else []
    if not files:
        raise BadInput(f"样例目录中没有 .txt 报告：{samples}")
    result = run_bench(files, parse_sizes(sizes), repeat)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if json_output:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        print_result(result)
        console.print(f"结果已写入 {out}", highlight=False)
