"""Plain text (.txt, pastes, stdin): decoding from UTF-8, UTF-16 or GB18030/GBK, then the text layout reader."""
import re
from collections import Counter
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from assistant.errors import BadInput
from assistant.layout import parse_text

if TYPE_CHECKING:
    from assistant.ingest.grid import Grid

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ASCII = bytes(range(128))
MIXED_ENCODING = "文件混用了 UTF-8 与 GBK 两种编码，已逐行识别；如仍有乱码，请统一另存为 UTF-8 后再审核。"
# Every line ending a report may mix: CRLF (Windows), CR (old Mac, some exports), LF, and Unicode separators.
LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
ENDING = re.compile(r"(\r\n|[\r\n\u2028\u2029\x85])")
LONE_CR = re.compile(r"\r(?!\n)")
LONE_LF = re.compile(r"(?<!\r)\n")


def decode_text(data: bytes) -> str:
    """Decode report text; GBK and GB18030 files read the same as their UTF-8 copies."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = mixed_lines(data)
    if lines is not None:
        return "\n".join(line.decode("utf-8") if is_utf8(line) else line.decode("gb18030", errors="replace")
                         for line in lines)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise BadInput("无法识别文件编码：既不是 UTF-8/UTF-16，也不是 GBK/GB18030 文本。")
    return data.decode(best.encoding, errors="replace")


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def mixed_lines(data: bytes) -> list[bytes] | None:
    """The lines of a text pasted together from UTF-8 and GBK parts; None if no part is UTF-8."""
    lines = re.split(rb"\r\n|\r|\n", data)
    # A GBK line passes for UTF-8 by chance only when short; two long ones mean a UTF-8 part.
    utf8 = sum(1 for line in lines if len(line.translate(None, ASCII)) >= 9 and is_utf8(line))
    return lines if utf8 >= 2 else None


def is_mixed_encoding(data: bytes) -> bool:
    return not is_utf8(data) and mixed_lines(data) is not None


def check_text(text: str) -> None:
    if not text.strip():
        raise BadInput("文件为空：没有可审核的内容。")
    sample = text[:100_000]
    if len(CONTROL.findall(sample)) > max(10, len(sample) // 100) or "\ufffd" * 8 in sample:
        raise BadInput("文件内容不是可读文本（疑似二进制文件或编码错误）。")


def lines_of(text: str) -> list[str]:
    """The lines of a text whatever its line endings, mixed ones included."""
    if not (LONE_CR.search(text) and LONE_LF.search(text)):
        return LINE_BREAK.split(text)
    return mixed_endings(text)


def mixed_endings(text: str) -> list[str]:
    """Lines of a text whose writer mixed CR, LF and CRLF line by line.

    There "\r\n" is ambiguous: one CRLF ending, or a line ended by CR followed by an empty line
    ended by LF (reading it as CRLF loses the blank line that ends a table row). Each one is read
    the way that best fits the order of endings the writer used elsewhere, learnt over a few passes.
    """
    parts = ENDING.split(text)
    texts, endings = parts[0::2], parts[1::2]
    split = [False] * len(endings)
    for _ in range(3):
        sequence = [e for ending, two in zip(endings, split) for e in (["\r", "\n"] if two else [ending])]
        follows = Counter(zip(sequence, sequence[1:]))
        totals = Counter(before for before, _ in zip(sequence, sequence[1:]))

        def likely(run: list[str]) -> float:
            score = 1.0
            for before, after in zip(run, run[1:]):
                score *= (follows[before, after] + 1) / (totals[before] + 4)
            return score

        previous = None
        for index, ending in enumerate(endings):
            if ending == "\r\n":
                before = [previous] if previous else []
                after = endings[index + 1:index + 2]
                split[index] = likely(before + ["\r", "\n"] + after) > likely(before + ["\r\n"] + after)
            previous = "\n" if split[index] else ending
    lines = [texts[0]]
    for index, two in enumerate(split):
        lines += ["", texts[index + 1]] if two else [texts[index + 1]]
    return lines


def read_txt(data: bytes) -> "Grid":
    from assistant.ingest.grid import Grid  # grid writes cell text with lines_of: imported here, not at the top

    text = decode_text(data)
    check_text(text)
    lines = lines_of(text)
    return Grid(lines, parse_text(lines)).finish(locate=False)
