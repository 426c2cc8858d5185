"""Plain text (.txt, pastes, stdin): decoding from UTF-8, UTF-16 or GB18030/GBK, then the text layout reader."""
import re

from assistant.errors import BadInput
from assistant.ingest.grid import Grid
from assistant.ingest.lines import lines_of
from assistant.layout import parse_text
from assistant.values import half_width_figures, simplified

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ASCII = bytes(range(128))
# What a web page's copy keeps of its markup: no-break spaces (&nbsp;), read as the layout reader's spaces
# (indentation and separators alike), and zero-width characters (&#8203;, a stray BOM), read as nothing. Full-width
# digits, letters and a figure's signs (１００．５％, Ａ) are read in their half-width forms too, as every cell is
# (values.half_width_figures).
WEB_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u200b": None, "\u200c": None,
                            "\u200d": None, "\u2060": None, "\ufeff": None})
MIXED_ENCODING = "文件混用了 UTF-8 与 GBK 两种编码，已逐行识别；如仍有乱码，请统一另存为 UTF-8 后再审核。"


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
    from charset_normalizer import from_bytes  # the last resort, after UTF-8 and GB18030: most files never need it

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


def read_txt(data: bytes) -> Grid:
    text = decode_text(data)
    check_text(text)
    lines = lines_of(half_width_figures(text.translate(WEB_SPACES)))
    # The layout is read in simplified characters with a viewer's pinyin glosses gone (預(yù)算數(shù) is 预算数), as every
    # word the reader knows is printed; the lines stay as printed.
    return Grid(lines, parse_text([simplified(line) for line in lines])).finish(locate=False)
