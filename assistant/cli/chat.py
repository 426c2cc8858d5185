"""`selfeval ask FILE "问题"` and `selfeval chat FILE`: questions about a report, answered with evidence."""
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli.app import Format, app, console, guarded, print_json, read_document, stderr
from assistant.errors import BadInput

if TYPE_CHECKING:
    from rich.console import Console

    from schemas import Answer

MODE_HELP = "offline（规则，默认）| llm（模型调用同样的工具，数字须经核实）"
QUIT_WORDS = {"exit", "quit", "q", "退出", "再见", "结束"}
PROMPT = "问> "


def value_shown(answer: "Answer") -> str:
    """The answer's value as answers print it (88762900, not 8.87629e+07), with its unit."""
    from assistant.chat.compute import number  # the chat pipeline loads only once a question is asked

    return f"{number(answer.value)}{answer.unit or ''}"


def answer_markdown(answer: "Answer") -> str:
    lines = [f"**问**：{answer.question}", "", f"**答**：{answer.answer}", ""]
    if answer.value is not None:
        lines += [f"**数值**：{value_shown(answer)}", ""]
    if answer.evidence:
        lines += ["| 行 | 原文 |", "|---|---|"]
        lines += [f"| {e.line or ''} | {e.quote.replace('|', '｜')} |" for e in answer.evidence]
    return "\n".join(lines)


def print_answer(out: "Console", answer: "Answer") -> None:
    out.print(f"[bold]答：[/bold]{escape(answer.answer)}", highlight=False)
    if answer.value is not None:
        out.print(f"[bold]数值：[/bold]{value_shown(answer)}", highlight=False)
    if getattr(answer, "verified", True) is False:
        out.print("[yellow]注意：答案中有数字未能由工具结果核实。[/yellow]")
    for item in answer.evidence:
        where = f"第{item.line}行" if item.line else "（无行号）"
        out.print(f"  [dim]{where}[/dim]  {escape(item.quote)}", highlight=False)
    out.print(f"[dim]（{'模型' if answer.mode == 'llm' else '离线规则'}作答）[/dim]")


def escape(text: str) -> str:
    return text.replace("[", r"\[")


class Mode(str, Enum):
    offline = "offline"
    llm = "llm"


@app.command()
@guarded
def ask(
    file: str = typer.Argument(..., help="报告文件（txt/docx/doc/wps/xlsx/xls/et/html/pdf/扫描图片），或 - 表示标准输入"),
    question: str = typer.Argument(..., help="问题，如“三公经费决算数是多少？”"),
    format: Format = typer.Option(Format.table, "--format", "-f", help="输出格式"),
    mode: Mode = typer.Option(Mode.offline, "--mode", help=MODE_HELP),
    extractor: str = typer.Option("rules", "--extractor", help="rules | llm | hybrid"),
) -> None:
    """就报告提一个问题，回答附证据（原文摘录和行号）；找不到时明确说“报告中未找到”。"""
    from assistant import api

    answer = api.ask(read_document(file), question, mode=mode.value, extractor=extractor)
    if format is Format.json:
        print_json(answer)
    elif format is Format.md:
        console.print(answer_markdown(answer), markup=False, highlight=False, soft_wrap=True)
    else:
        print_answer(console, answer)


def history_file() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local/share") / "selfeval" / "chat_history"


def typed_questions():
    """Questions typed at a terminal, with readline editing and history kept between sessions."""
    import readline

    path = history_file()
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    try:
        while True:
            try:
                yield input(PROMPT)
            except EOFError:
                console.print()
                return
    finally:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(path)
        except OSError:
            pass


def piped_questions():
    """Questions read from a pipe or file, one a line."""
    for line in sys.stdin:
        yield line


@app.command()
@guarded
def chat(
    file: str = typer.Argument(..., help="报告文件（txt/docx/doc/wps/xlsx/xls/et/html/pdf/扫描图片）"),
    mode: Mode = typer.Option(Mode.offline, "--mode", help=MODE_HELP),
    extractor: str = typer.Option("rules", "--extractor", help="rules | llm | hybrid"),
) -> None:
    """与报告对话：逐条提问，可追问（如“那它的得分呢？”）；输入 exit 或按 Ctrl-D 结束。"""
    from assistant import api
    from assistant.chat import answer_question

    if file == "-":
        raise BadInput("chat 需要报告文件路径：标准输入用来逐行提问。")
    document = read_document(file)
    report = api.check(document, extractor)
    interactive = sys.stdin.isatty()
    if interactive:
        console.print(f"已读入《{report.unit_name or document.source.name}》{report.year or ''}年度报告，"
                      f"共{len(report.tables)}张表。请提问（exit 退出）。", highlight=False)
    history: list[Answer] = []
    for line in typed_questions() if interactive else piped_questions():
        question = line.strip()
        if not question:
            continue
        if question.lower() in QUIT_WORDS:
            break
        if not interactive:
            console.print(f"[bold]问：[/bold]{escape(question)}", highlight=False)
        try:
            answer = answer_question(report, document, question, history, mode.value)
        except BadInput as error:
            stderr.print(f"[red]错误：[/red]{error}", highlight=False)
            continue
        history.append(answer)
        print_answer(console, answer)
        console.print()
