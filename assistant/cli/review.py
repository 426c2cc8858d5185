"""`selfeval review FILE`: findings plus a draft 偏差原因分析 / 改进措施 for every deviation, and the memo."""
from pathlib import Path

import typer
from rich.markup import escape

from assistant import api
from assistant.cli.app import Format, app, console, guarded, print_json, read_document, stderr
from assistant.errors import BadInput
from assistant.render import print_findings
from schemas import ReviewedReport

FORMATS = ("md", "docx", "json", "xlsx")


def print_drafts(report: ReviewedReport) -> None:
    from assistant.review.memo import build_memo

    console.rule("偏差原因分析及改进措施（草拟稿）")
    for number, item in enumerate(build_memo(report).drafts, 1):
        console.print(f"[bold]{number}. {escape(item.title)}[/bold]  [dim]{escape(item.rules)}（{item.mode}）[/dim]",
                      highlight=False)
        console.print(f"  偏差原因分析：{item.cause}", markup=False, highlight=False)
        console.print(f"  改进措施：{item.improvement}", markup=False, highlight=False)
        console.print(f"  [dim]依据（报告行号）：{item.lines}[/dim]", highlight=False)
    console.print(f"共 {len(report.drafts)} 条草稿", highlight=False)


def output_format(output: Path) -> str:
    suffix = output.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise BadInput(f"无法识别输出文件类型“{output.name}”：扩展名只能是 {'、'.join(FORMATS)}。")
    return suffix


@app.command()
@guarded
def review(
    file: str = typer.Argument(..., help="报告文件（txt/docx/doc/wps/xlsx/xls/et/html/pdf/扫描图片），或 - 表示标准输入"),
    output: Path = typer.Option(None, "--output", "-o", help="写出审核意见：.md / .docx / .json / .xlsx"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="未指定 -o 时在终端输出的格式"),
    mode: str = typer.Option("template", "--mode", help="template（离线模板）| llm（模型起草，数字经核验）"),
    ocr: str = typer.Option("auto", "--ocr", help="扫描件与图片的 OCR：auto（无文本层时）| always | never"),
    extractor: str = typer.Option("rules", "--extractor", help="rules | llm | hybrid"),
) -> None:
    """复核报告并为每处偏差起草偏差原因分析及改进措施，生成审核意见。"""
    # Imported here so that every other command starts without the memo writers and jieba.
    from assistant.review.export import export_review
    from assistant.review.markdown import memo_markdown
    from assistant.review.memo import build_memo

    fmt = output_format(output) if output else None
    report = api.review(read_document(file, ocr), mode, extractor)
    if output:
        try:
            output.write_bytes(export_review(report, fmt))
        except OSError as error:
            raise BadInput(f"无法写入“{output}”：{error.strerror}。") from error
        stderr.print(f"已写出审核意见：{output}（问题 {len(report.findings)} 条，草稿 {len(report.drafts)} 条）",
                     highlight=False)
    elif format is Format.json:
        print_json(report)
    elif format is Format.md:
        console.print(memo_markdown(build_memo(report)), markup=False, highlight=False, soft_wrap=True)
    else:
        print_findings(console, report)
        print_drafts(report)
