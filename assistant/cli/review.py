"""`selfeval review FILE`: findings plus a draft 偏差原因分析 / 改进措施 for every deviation, and the memo."""
from pathlib import Path

import typer

from assistant import api
from assistant.cli.app import Format, app, console, guarded, print_json, read_document, stderr
from assistant.errors import BadInput
from assistant.render import print_summary
from schemas import ReviewedReport

FORMATS = ("md", "docx", "json", "xlsx")


def print_review(report: ReviewedReport, file: str) -> None:
    """The summary (scores, counts) and the memo's conclusions; the whole memo goes to a file with -o."""
    from assistant.review.memo import build_memo

    print_summary(console, report)
    memo = build_memo(report)
    console.print()
    console.print("审核意见", style="bold")
    for paragraph in memo.opinion:
        console.print(f"  {paragraph}", markup=False, highlight=False)
    console.print()
    console.print(f"共 {len(report.drafts)} 条草稿（偏差原因分析及改进措施）。完整审核意见（问题明细、草稿）："
                  f"selfeval review {file} -o 审核意见.docx（或 .xlsx / .md / .json），逐条查看：selfeval check {file}",
                  markup=False, highlight=False, style="dim")


def output_format(output: Path) -> str:
    suffix = output.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise BadInput(f"无法识别输出文件类型“{output.name}”：扩展名只能是 {'、'.join(FORMATS)}。")
    return suffix


@app.command()
@guarded
def review(
    file: str = typer.Argument(..., help="报告文件（.txt/.docx/.pdf），或 - 表示标准输入"),
    output: Path = typer.Option(None, "--output", "-o", help="写出审核意见：.md / .docx / .json / .xlsx"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="未指定 -o 时在终端输出的格式"),
    mode: str = typer.Option("template", "--mode", help="template（离线模板）| llm（模型起草，数字经核验）"),
    extractor: str = typer.Option("rules", "--extractor", help="rules | llm | hybrid"),
) -> None:
    """复核报告并为每处偏差起草偏差原因分析及改进措施，生成审核意见。"""
    # Imported here so that every other command starts without the memo writers and jieba.
    from assistant.review.export import export_review
    from assistant.review.markdown import memo_markdown
    from assistant.review.memo import build_memo

    fmt = output_format(output) if output else None
    report = api.review(read_document(file), mode, extractor)
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
        print_review(report, file)
