"""Hostile files at ingest (issue 18): each ends with exit 2 and a message, within the memory a shared
office server can give (peak RSS of the CLI process measured by the kernel, not timed)."""
import io
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest

from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, SAMPLES

MEMORY_LIMIT_KB = 600 * 1024
SAMPLE = SAMPLES / "000_9f4ecd25e267d59e.txt"


def peak_rss_kb_of_cli(*args: str, input_path=None) -> tuple[int, str, int]:
    """Run the CLI in a child of a fresh interpreter; returns (exit code, stderr, the child's peak RSS in KB)."""
    probe = (
        "import resource, subprocess, sys\n"
        f"r = subprocess.run([sys.executable, '-m', 'assistant', *{list(args)!r}], capture_output=True)\n"
        "sys.stderr.write(r.stderr.decode())\n"
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=ROOT, timeout=300)
    code, rss = result.stdout.decode().split()
    return int(code), result.stderr.decode(), int(rss)


def inflating_member(archive: zipfile.ZipFile, name: str, megabytes: int) -> None:
    with archive.open(name, "w", force_zip64=True) as member:
        chunk = b" " * (1 << 20)
        for _ in range(megabytes):
            member.write(chunk)


def real_parts(kind: str) -> dict[str, bytes]:
    """The parts of a real .docx (python-docx) or .xlsx (openpyxl), so a reader gets as far as the bomb."""
    buffer = io.BytesIO()
    if kind == "docx":
        import docx

        docx.Document().save(buffer)
    else:
        import openpyxl

        openpyxl.Workbook().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def lying_package(parts: dict[str, bytes], bomb: str, megabytes: int) -> bytes:
    """A package whose `bomb` member inflates to `megabytes` MB while its central directory declares 4 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            if name != bomb:
                archive.writestr(name, data)
        inflating_member(archive, bomb, megabytes)
    data = bytearray(buffer.getvalue())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + length] == bomb.encode():
            data[at + 24:at + 28] = struct.pack("<I", 4096)
            extra_at = at + 46 + length  # the zip64 extra field holds the true size: lie there too
            extra_length = struct.unpack("<H", data[at + 30:at + 32])[0]
            extra = data[extra_at:extra_at + extra_length]
            if extra[:2] == b"\x01\x00":
                data[extra_at + 4:extra_at + 12] = struct.pack("<Q", 4096)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


@pytest.mark.parametrize("kind, bomb, reader", [("docx", "word/document.xml", "Word"),
                                                ("xlsx", "xl/worksheets/sheet1.xml", "Excel")])
def test_a_package_whose_directory_lies_costs_no_more_than_the_limit(tmp_path, kind, bomb, reader):
    path = tmp_path / f"lying.{kind}"
    path.write_bytes(lying_package(real_parts(kind), bomb, 1500))
    code, stderr, rss = peak_rss_kb_of_cli("check", str(path))
    assert code == 2 and "Traceback" not in stderr and reader in stderr, stderr
    assert rss < MEMORY_LIMIT_KB, f"peak {rss // 1024} MB"


def test_a_document_xml_over_the_stated_limit_is_refused_before_parsing(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in real_parts("docx").items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        inflating_member(archive, "word/document.xml", 40)  # honest sizes, under the package limit
    path = tmp_path / "huge-xml.docx"
    path.write_bytes(buffer.getvalue())
    code, stderr, rss = peak_rss_kb_of_cli("check", str(path))
    assert code == 2 and "文档内容过大" in stderr, stderr
    assert rss < MEMORY_LIMIT_KB


def stream_bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` MB of spaces."""
    inflater = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    body = b"".join(inflater.compress(chunk) for _ in range(megabytes)) + inflater.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_pdf_stream_bomb_is_refused_before_pdfminer_inflates_it(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(stream_bomb_pdf(1500))
    code, stderr, rss = peak_rss_kb_of_cli("check", str(path))
    assert code == 2 and "压缩炸弹" in stderr, stderr
    assert rss < MEMORY_LIMIT_KB, f"peak {rss // 1024} MB"


def test_mixed_cr_crlf_lf_line_endings_read_like_the_original():
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    original = api.extract(read_bytes(text.encode(), "a.txt")).model_dump(exclude={"source"})
    for endings in (["\r\n", "\r", "\n"], ["\r", "\n"], ["\n", "\r\n", "\r"]):
        mixed = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
        extracted = api.extract(read_bytes(mixed.encode(), "a.txt")).model_dump(exclude={"source"})
        assert sum(len(t["indicators"]) for t in extracted["tables"]) == 54
        assert extracted["tables"] == original["tables"]


def test_oversized_standard_input_is_refused_without_reading_it_all():
    process = subprocess.Popen([sys.executable, "-m", "assistant", "check", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    chunk, written = b"\xe9\xa2\x84\xe7\xae\x97" * (1 << 17), 0
    try:
        while written < 400 * (1 << 20):
            process.stdin.write(chunk)
            written += len(chunk)
    except BrokenPipeError:
        pass
    stdout, stderr = process.communicate()
    assert process.returncode == 2 and "标准输入过大" in stderr.decode()
    assert written < 100 * (1 << 20), f"{written >> 20} MB were taken in before the refusal"


def package_with(parts: dict[str, bytes], replaced: dict[str, bytes]) -> bytes:
    """A .docx of `parts` with the members named in `replaced` replaced."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**parts, **replaced}.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_word_xml_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    document = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                '<w:p><w:r><w:t>项目支出绩效自评表&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    read = read_bytes(package_with(real_parts("docx"), {"word/document.xml": document}), "x.docx")
    assert "项目支出绩效自评表" in read.lines and "机密内容" not in "\n".join(read.lines)


def test_word_package_without_its_main_document_relationship_is_refused(tmp_path):
    relationships = (b'<?xml version="1.0"?><Relationships '
                     b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
    path = tmp_path / "no-main.docx"
    path.write_bytes(package_with(real_parts("docx"), {"_rels/.rels": relationships}))
    result = subprocess.run([sys.executable, "-m", "assistant", "extract", str(path)], capture_output=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 2 and "Word 文件已损坏" in result.stderr.decode(), result.stderr.decode()
