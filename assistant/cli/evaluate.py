"""`selfeval eval`: accuracy against the gold-labelled samples, offline."""
import json
import sys
from pathlib import Path

import typer

from assistant.cli.app import Format, app, console, evals_dir, guarded, saved_reports_dir
from assistant.errors import BadInput


@app.command("eval")
@guarded
def evaluate(
    samples: Path = typer.Option(None, "--samples", help="样本目录（文件名与金标准中的 source 对应）；默认源码目录的 evals/samples"),
    gold: Path = typer.Option(None, "--gold", help="金标准目录；默认源码目录的 evals/gold"),
    extractor: str = typer.Option("rules", "--extractor", help="rules | llm | hybrid"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="输出格式"),
    save: bool = typer.Option(False, "--save/--no-save", help="写入源码目录的 evals/reports/ 并与上次结果比较"),
    formats: Path = typer.Option(None, "--formats",
                                 help="evals/tools/render.py 渲染出的目录：按格式（docx/xlsx/html/pdf/doc/扫描件，及网页、表格、PDF 复制出的文本）评测表格字段 F1"),
) -> None:
    """用金标准评测抽取、复核、问答和审核意见草稿的准确率。"""
    from assistant.evaluate.run import GOLD, REPORTS, SAMPLES, headline, markdown, run_evaluation, write_reports

    samples, gold = evals_dir(samples, SAMPLES, "--samples"), evals_dir(gold, GOLD, "--gold")
    reports = saved_reports_dir(REPORTS) if save else None
    if formats is not None:
        print_formats(formats, gold, format, reports)
        return
    result = run_evaluation(samples, gold, extractor)
    if not result["samples"]:
        raise BadInput(f"{samples} 中没有与金标准对应的样本。")
    change = write_reports(result, reports) if reports else {}
    if format is Format.json:
        sys.stdout.write(json.dumps({**result, "change_since_previous": change}, ensure_ascii=False, indent=2) + "\n")
    elif format is Format.md:
        console.print(markdown({**result, "change_since_previous": change}), markup=False, highlight=False)
    else:
        from rich.table import Table as RichTable

        grid = RichTable("指标", "数值", "变化")
        for key, value in headline(result).items():
            delta = change.get(key)
            grid.add_row(key, f"{value:.4f}", "" if delta is None else f"{delta:+.4f}")
        console.print(grid)
        for split in ("dev", "test"):
            if f"field_{split}" in result:
                figures = result[f"field_{split}"]
                families = "，".join(f"{name} {f1:.4f}" for name, f1 in figures["families"].items())
                console.print(f"实地集 {split}（{figures['files']} 份）抽取 F1 {figures['f1']:.4f}；分类：{families}",
                              highlight=False)
            if f"findings_field_{split}" in result:
                found = result[f"findings_field_{split}"]
                console.print(f"实地集 {split} 审核发现：精确率 {found['precision']:.4f}，召回率 {found['recall']:.4f}"
                              f"（另有 {found['doubtful']} 条因表格读取存疑转为需人工核对，不计入）", highlight=False)
        if result["llm"]:
            llm = result["llm"]
            console.print(f"LLM {llm['model']}：调用 {llm['calls']} 次（缓存命中 {llm['cache_hits']}，失败 {llm['failures']}），"
                          f"{llm['total_tokens']} tokens，费用 {llm['cost']}，落地校验丢弃 {llm['dropped_values']} 个值；"
                          "各表 F1 见报告", highlight=False)
        console.print(f"样本 {len(result['samples'])} 份，用时 {result['seconds']} 秒" +
                      (f"；详见 {reports / f'eval-{extractor}.md'}" if reports else "（加 --save 写入 evals/reports/）"),
                      highlight=False)


def print_formats(rendered: Path, gold: Path, format: Format, reports: Path | None) -> None:
    """Field F1 per format on the files evals/tools/render.py wrote; `reports` (with --save) keeps the figures."""
    from rich.table import Table as RichTable

    from assistant.evaluate.formats import score_formats

    if not (rendered / "gold").is_dir():
        raise BadInput(f"{rendered} 不是渲染目录（缺少 gold/）：先运行 python evals/tools/render.py {rendered}")
    result = score_formats(rendered, {path.stem for path in gold.glob("*.json")})
    if reports is not None:
        (reports / "eval-formats.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
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
