"""`selfeval eval`: accuracy against the gold-labelled samples, offline."""
import json
import sys
from pathlib import Path

import typer
from rich.table import Table as RichTable

from assistant.cli.app import Format, app, console, guarded
from assistant.errors import BadInput
from assistant.evaluate.run import GOLD, SAMPLES, headline, markdown, run_evaluation, write_reports


@app.command("eval")
@guarded
def evaluate(
    samples: Path = typer.Option(SAMPLES, "--samples", help="样本目录（文件名与 evals/gold 中的 source 对应）"),
    gold: Path = typer.Option(GOLD, "--gold", help="金标准目录"),
    extractor: str = typer.Option("rules", "--extractor", help="rules | llm | hybrid"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="输出格式"),
    save: bool = typer.Option(True, "--save/--no-save", help="写入 evals/reports/ 并与上次结果比较"),
    formats: Path = typer.Option(None, "--formats",
                                 help="evals/tools/render.py 渲染出的目录：按格式（docx/xlsx/html/pdf/doc/扫描件）评测表格字段 F1"),
) -> None:
    """用金标准评测抽取、复核、问答和审核意见草稿的准确率。"""
    if not samples.is_dir() or not gold.is_dir():
        raise BadInput(f"目录不存在：{samples if not samples.is_dir() else gold}")
    if formats is not None:
        print_formats(formats, gold, format, save)
        return
    result = run_evaluation(samples, gold, extractor)
    if not result["samples"]:
        raise BadInput(f"{samples} 中没有与金标准对应的样本。")
    change = write_reports(result) if save else {}
    if format is Format.json:
        sys.stdout.write(json.dumps({**result, "change_since_previous": change}, ensure_ascii=False, indent=2) + "\n")
    elif format is Format.md:
        console.print(markdown({**result, "change_since_previous": change}), markup=False, highlight=False)
    else:
        grid = RichTable("指标", "数值", "变化")
        for key, value in headline(result).items():
            delta = change.get(key)
            grid.add_row(key, f"{value:.4f}", "" if delta is None else f"{delta:+.4f}")
        console.print(grid)
        console.print(f"样本 {len(result['samples'])} 份，用时 {result['seconds']} 秒；详见 evals/reports/eval-{extractor}.md",
                      highlight=False)


def print_formats(rendered: Path, gold: Path, format: Format, save: bool) -> None:
    from assistant.evaluate.formats import score_formats
    from assistant.evaluate.run import REPORTS

    if not (rendered / "gold").is_dir():
        raise BadInput(f"{rendered} 不是渲染目录（缺少 gold/）：先运行 python evals/tools/render.py {rendered}")
    result = score_formats(rendered, {path.stem for path in gold.glob("*.json")})
    if save:
        (REPORTS / "eval-formats.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if format is Format.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    for group, title in (("samples", "样本（湖南版式）"), ("field", "外省字段集（各自版式）")):
        grid = RichTable("格式", "F1", "精确率", "召回率", "文件", "拒收", "目标", title=title)
        for kind, score in result[group].items():
            target = score["target"]
            grid.add_row(kind, f"{score['f1']:.4f}", f"{score['precision']:.4f}", f"{score['recall']:.4f}",
                         str(score["files"]), str(len(score["refused"])), "" if target is None else f"≥{target:.2f}")
        console.print(grid)
