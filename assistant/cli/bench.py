"""`selfeval bench`: time the offline pipeline on the samples and on 10×/100× synthetic reports."""
import json
import sys
from pathlib import Path

import typer

from assistant.cli.app import app, console, evals_dir, guarded, saved_reports_dir
from assistant.errors import BadInput

SIZES = (1, 10, 100)  # the samples, and synthetic reports 10× and 100× their tables × indicator rows

LABELS = {"p50_ms_per_report": "每份报告耗时 p50（毫秒，CPU）", "p95_ms_per_report": "每份报告耗时 p95（毫秒，CPU）",
          "p50_wall_ms_per_report": "每份报告耗时 p50（毫秒，墙钟）",
          "reports_per_s_per_core": "单核每秒报告数", "scaling_ratio": "规模系数（最大倍数 ÷ 1× 的每行耗时）",
          "peak_memory_mb": "峰值内存（MB）",
          "measurements.startup.ratio": "启动耗时比（--help ÷ 空解释器）",
          "measurements.extract_docx.ratio": "单表 Word 抽取耗时比（÷ python-docx 打开）"}
EXPORT_LABELS = {"docx": "导出 Word", "xlsx": "导出 Excel", "md": "导出 Markdown"}


def print_measurements(measurements: dict) -> None:
    """Each side-by-side command with its floor, and the export times per size."""
    for name in ("startup", "extract_docx"):
        side = measurements.get(name)
        if side:
            console.print(f"{side['command']}：{side['ms']:g} 毫秒；{side['floor']}：{side['floor_ms']:g} 毫秒；"
                          f"之比 {side['ratio']:g}（CPU 时间之比 {side['cpu_ratio']}），{side['runs']} 次取中位数",
                          markup=False, highlight=False, soft_wrap=True)
            if "libraries" in side:
                console.print(f"  其中所用库本身（{side['libraries']}）：{side['libraries_ms']:g} 毫秒，"
                              f"为下限的 {side['libraries_ratio']:g} 倍", markup=False, highlight=False, soft_wrap=True)
    pasted = measurements.get("pasted_copies")
    if pasted:
        console.print(f"粘贴文本 {pasted['copies']} 份：每份 p50 {pasted['p50_ms']:g} 毫秒，最慢 {pasted['max_ms']:g} 毫秒"
                      f"（{pasted['slowest']}）", markup=False, highlight=False, soft_wrap=True)
    exported = measurements.get("exports")
    for fmt, label in EXPORT_LABELS.items() if exported else ():
        sizes = "；".join(f"{run['size']}×（{run['indicator_rows']} 行）{run['ms']:g} 毫秒" for run in exported[fmt]["sizes"])
        console.print(f"{label}：{sizes}；规模系数 {exported[fmt]['scaling_ratio']}", markup=False, highlight=False,
                      soft_wrap=True)


def parse_sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError as error:
        raise typer.BadParameter("--sizes 应为逗号分隔的正整数，如 1,10,100") from error
    if not sizes or sizes[0] < 1:
        raise typer.BadParameter("--sizes 应为逗号分隔的正整数，如 1,10,100")
    return sizes


def print_result(result: dict) -> None:
    from rich.table import Table as RichTable

    from assistant.bench import TARGETS, figure

    grid = RichTable("指标", "数值", "目标", "")
    for key, label in LABELS.items():
        target = TARGETS.get(key)
        met = result["meets_targets"].get(key)
        value = figure(result, key)
        grid.add_row(label, "—" if value is None else f"{value:g}",
                     "" if target is None else f"≤ {target:g}", "" if met is None else ("✓" if met else "✗"))
    console.print(grid)
    print_measurements(result["measurements"])
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
    samples: Path = typer.Option(None, "--samples", help="样例报告目录（*.txt）；默认源码目录的 evals/samples"),
    sizes: str = typer.Option(",".join(map(str, SIZES)), "--sizes", help="合成报告的倍数，逗号分隔"),
    repeat: int = typer.Option(5, "--repeat", help="每份样例的计时次数，及整进程计时的次数"),
    save: bool = typer.Option(False, "--save", help="结果写入源码目录的 evals/reports/bench.json"),
    out: Path = typer.Option(None, "--out", help="结果写入的 JSON 文件"),
) -> None:
    """测速：离线流水线、规模线性度、内存、启动、Word 抽取和导出；--save 写入 evals/reports/bench.json。"""
    from assistant.bench import run_bench
    from assistant.evaluate.run import REPORTS, SAMPLES

    if repeat < 1:
        raise typer.BadParameter("--repeat 至少为 1")
    samples = evals_dir(samples, SAMPLES, "--samples")
    files = sorted(samples.glob("*.txt"))
    if not files:
        raise BadInput(f"样例目录中没有 .txt 报告：{samples}")
    out = out or (saved_reports_dir(REPORTS) / "bench.json" if save else None)
    result = run_bench(files, parse_sizes(sizes), repeat)
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    if json_output:
        sys.stdout.write(text)
    else:
        print_result(result)
        if out:
            console.print(f"结果已写入 {out}", highlight=False)
