"""`selfeval cache stats|clear`: the LLM response cache and the audit log of LLM calls."""
import json
import sys

import typer

from assistant.cli.app import Format, app, console, guarded

cache_app = typer.Typer(help="LLM 响应缓存：查看统计或清空。", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def log_summary(settings) -> dict | None:
    from assistant.llm.audit import AuditLog

    if not settings.log_path.is_file():
        return None
    log = AuditLog(settings.log_path)
    try:
        return log.summary()
    finally:
        log.close()


@cache_app.command("stats")
@guarded
def stats(format: Format = typer.Option(Format.table, "--format", "-f", help="输出格式")) -> None:
    """缓存条目数与大小，以及审计日志中 LLM 调用的次数、命中缓存次数和 token 数。"""
    from assistant.llm.cache import ResponseCache
    from assistant.llm.settings import load_settings

    settings = load_settings()
    cache = ResponseCache(settings.cache_dir)
    result = {"cache": cache.stats(), "log": log_summary(settings)}
    cache.close()
    if format is Format.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    cached = result["cache"]
    console.print(f"缓存：{cached['entries']} 条，{cached['bytes'] / 1024:.1f} KB（{cached['directory']}）",
                  markup=False, highlight=False, soft_wrap=True)
    log = result["log"]
    if log is None:
        console.print(f"审计日志：尚无 LLM 调用记录（{settings.log_path}）", markup=False, highlight=False, soft_wrap=True)
        return
    outcomes = "，".join(f"{name} {count}" for name, count in sorted(log["outcomes"].items()))
    console.print(f"审计日志：{log['calls']} 次调用（{outcomes}），其中 {log['cache_hits']} 次命中缓存；"
                  f"HTTP 请求 {log['requests']} 次，token 共 {log['total_tokens']}（{log['path']}）",
                  markup=False, highlight=False, soft_wrap=True)


@cache_app.command("clear")
@guarded
def clear() -> None:
    """清空 LLM 响应缓存（审计日志保留）。"""
    from assistant.llm.cache import ResponseCache
    from assistant.llm.settings import load_settings

    settings = load_settings()
    cache = ResponseCache(settings.cache_dir)
    removed = cache.clear()
    cache.close()
    console.print(f"已清空 {removed} 条缓存（{settings.cache_dir}）。", markup=False, highlight=False, soft_wrap=True)
