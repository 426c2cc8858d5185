"""`selfeval extract FILE`: the tables and key figures of a report."""
import typer

from assistant.cli.app import Format, app, console, guarded, print_json, read_document


@app.command()
@guarded
def extract(
    file: str = typer.Argument(..., help="报告文件（txt/docx/doc/wps/xlsx/xls/et/html/pdf/扫描图片），或 - 表示标准输入"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="输出格式"),
    ocr: str = typer.Option("auto", "--ocr", help="扫描件与图片的 OCR：auto（无文本层时）| always | never"),
    extractor: str = typer.Option("auto", "--extractor",
                                    help="rules | llm | hybrid | auto（已配置 LLM 端点时为 hybrid，否则为 rules）"),
) -> None:
    """抽取报告中的全部自评表和正文关键数字。"""
    from assistant import api

    report = api.extract(read_document(file, ocr), extractor)
    if format is Format.json:
        print_json(report)
    elif format is Format.md:
        from assistant.render import report_markdown

        console.print(report_markdown(report), markup=False, highlight=False, soft_wrap=True)
    else:
        from assistant.render import print_report

        print_report(console, report)
