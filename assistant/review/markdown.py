"""The 审核意见 memo as Markdown."""
from assistant.render import markdown_table, md_escape
from assistant.review.memo import Memo

CHAPTERS = ["一、基本情况", "二、评分复核", "三、审核发现的问题", "四、偏差原因分析及改进措施（草拟稿）", "五、总体意见"]
SUBSECTIONS = ["（一）", "（二）", "（三）"]


def findings_section(memo: Memo) -> list[str]:
    parts = []
    for index, (severity, items) in enumerate(memo.findings.items()):
        parts += [f"### {SUBSECTIONS[index]}{memo.severity_names[severity]}（{len(items)}项）", ""]
        if items:
            parts += [markdown_table(["序号", "位置", "问题类型", "问题", "原文位置"],
                                     [[str(n), i.where, i.rule, i.message, i.lines] for n, i in enumerate(items, 1)]), ""]
        else:
            parts += ["无。", ""]
    return parts


def drafts_section(memo: Memo) -> list[str]:
    if not memo.drafts:
        return ["未发现需要说明偏差原因的事项。", ""]
    parts = []
    for n, item in enumerate(memo.drafts, 1):
        parts += [f"### {n}. {md_escape(item.title)}", "",
                  f"**涉及问题**：{item.rules}（{item.mode}）", "",
                  f"**偏差原因分析**：{md_escape(item.cause)}", "",
                  f"**改进措施**：{md_escape(item.improvement)}", "",
                  f"**原文位置**：{item.lines}", ""]
    return parts


def memo_markdown(memo: Memo) -> str:
    """The whole memo: title, addressee, the five chapters, signature."""
    parts = [f"# {md_escape(memo.title)}", "", md_escape(memo.addressee), "", md_escape(memo.preface), "",
             f"## {CHAPTERS[0]}", "",
             markdown_table(["项目", "内容"], [list(row) for row in memo.basics]), "", f"## {CHAPTERS[1]}", ""]
    if memo.scores:
        parts += [markdown_table(["自评表", "自评得分", "复核得分", "差异"],
                                 [[r.table, r.self_score, r.recomputed_score, r.difference] for r in memo.scores]), ""]
    else:
        parts += ["报告未附可复核得分的绩效自评表。", ""]
    parts += [f"## {CHAPTERS[2]}", ""] + findings_section(memo)
    parts += [f"## {CHAPTERS[3]}", ""] + drafts_section(memo)
    parts += [f"## {CHAPTERS[4]}", ""] + [md_escape(p) + "\n" for p in memo.opinion] + ["", memo.signature]
    return "\n".join(parts) + "\n"
