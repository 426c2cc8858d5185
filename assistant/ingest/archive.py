"""Opening .docx and .xlsx packages without trusting what their zip directory declares.

Every member is inflated by streaming in chunks and counted as it comes, so a central directory
that lies about sizes costs at most the limit, never the gigabytes it hides.
"""
import io
import zipfile

from assistant.errors import BadInput

MAX_UNCOMPRESSED = 100 * 1024 * 1024  # the whole package, inflated
MAX_XML_PART = 16 * 1024 * 1024  # one document or worksheet XML part; real reports stay under 5 MB
CHUNK = 1 << 16


def open_package(data: bytes, kind: str, xml_parts: tuple[str, ...]) -> zipfile.ZipFile:
    """The package, after inflating every member within the limits; BadInput naming the cause otherwise.

    `kind` names the format in messages (Word, Excel); a member whose name starts with one of
    `xml_parts` is held to the lower limit for a document's XML.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = 0
        for info in archive.infolist():
            limit = MAX_XML_PART if info.filename.startswith(xml_parts) else MAX_UNCOMPRESSED
            total += inflated_size(archive, info, min(limit, MAX_UNCOMPRESSED - total), kind)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as error:
        raise BadInput(f"{kind} 文件已损坏或不完整，无法打开。") from error
    except RuntimeError as error:  # zipfile's report of an encrypted member
        raise BadInput(f"{kind} 文件已加密，请去掉密码后再审核。") from error
    return archive


def inflated_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, kind: str) -> int:
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > limit:
                part = "文档内容" if limit < MAX_UNCOMPRESSED else "解压后"
                raise BadInput(f"{kind} 文件{part}过大（超过 {limit // (1024 * 1024)} MB，疑似压缩炸弹），已拒绝处理。")
    return size
