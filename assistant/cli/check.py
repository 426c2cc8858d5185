"""`selfeval check FILE`: every number recomputed, findings with evidence."""
import typer

from assistant.cli.app import Format, app, console, guarded, print_json, read_document

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


@app.command()
@guarded
def check(
    file: str = typer.Argument(..., help="报告文件（txt/docx/doc/wps/xlsx/xls/et/html/pdf/扫描图片），或 - 表示标准输入"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="输出格式"),
    severity: str = typer.Option("info", "--severity", help="只显示该级别及以上：error | warning | info"),
    ocr: str = typer.Option("auto", "--ocr", help="扫描件与图片的 OCR：auto（无文本层时）| always | never"),
    extractor: str = typer.Option("auto", "--extractor",
                                    help="rules | llm | hybrid | auto（已配置 LLM 端点时为 hybrid，否则为 rules）"),
) -> None:
    """复核报告中的数字，列出问题及证据，并给出复核得分。"""
    from assistant import api

    if severity not in SEVERITY_ORDER:
        raise typer.BadParameter("--severity 只能是 error、warning 或 info")
    report = api.check(read_document(file, ocr), extractor)
    report.findings = [f for f in report.findings if SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[severity]]
    if format is Format.json:
        print_json(report)
    elif format is Format.md:
        from assistant.render import findings_markdown

        console.print(findings_markdown(report), markup=False, highlight=False, soft_wrap=True)
    else:
        from assistant.render import print_findings

        print_findings(console, report)
