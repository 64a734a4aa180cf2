"""Reads a PDF with PDFium (the reader of Chrome and Edge, through pypdfium2) as their copy
and paste does, and checks that Japanese comes back as typed: no space beside Japanese text
that the YAML does not have (the quarter em beside Latin text and the stretch of justified
lines are gaps, which PDFium reads as typed from the marked content's /ActualText).

    pdfium.py spaces PDF YAML

Exits 1, saying what it heard, when it hears such a space.
"""
import re
import sys

import pypdfium2 as pdfium

check, pdf_path, yaml_path = sys.argv[1:4]
pdf = pdfium.PdfDocument(pdf_path)
text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
typed = open(yaml_path, encoding="utf-8").read()
flat = re.sub(r"\s+", " ", typed)


def fail(why):
    print(f"FAIL PDFium {why}")
    sys.exit(1)


if check != "spaces":
    fail(f"check: unknown check {check!r} (spaces)")
japanese = r"\u3040-\u30ff\u4e00-\u9fff"
latin = r"0-9A-Za-z"
pattern = rf"[{japanese}] +[{latin}]|[{latin}] +[{japanese}]"
# Spaces the template puts in are no gaps: after a heading's number (`1. 5G`), before a page
# number (a running footer's `日 1/1`, a contents entry's `主な成果 1`).
lines = [re.sub(r"^\d+(\.\d+)*\.? ", "", line) for line in text.splitlines()]
lines = [re.sub(r" +\d+( ?/ ?\d+)?( ページ)?$", "", line.rstrip()) for line in lines]
heard = "\n".join(lines)
untyped = sorted({m.group(0) for m in re.finditer(pattern, heard) if m.group(0) not in flat})
kana = len(re.findall(f"[{japanese}]", text))
if kana < 100 or untyped:
    fail(f"reads Japanese as typed: {kana} Japanese characters, spaces nobody typed in {untyped[:12]}")
print(f"ok   PDFium reads {kana} Japanese characters with no space nobody typed")
