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
) -> None:
    """用金标准评测抽取、复核、问答和审核意见草稿的准确率。"""
    if not samples.is_dir() or not gold.is_dir():
        raise BadInput(f"目录不存在：{samples if not samples.is_dir() else gold}")
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
        if result["llm"]:
            llm = result["llm"]
            console.print(f"LLM {llm['model']}：调用 {llm['calls']} 次（缓存命中 {llm['cache_hits']}，失败 {llm['failures']}），"
                          f"{llm['total_tokens']} tokens，费用 {llm['cost']}，落地校验丢弃 {llm['dropped_values']} 个值；"
                          "各表 F1 见报告", highlight=False)
        console.print(f"样本 {len(result['samples'])} 份，用时 {result['seconds']} 秒；详见 evals/reports/eval-{extractor}.md",
                      highlight=False)
