"""Normalizes a report for golden comparison: the tool version becomes @VERSION@.

usage: normalize.py VERSION FILE   (writes to stdout)
An .xlsx file is a zip whose bytes may change with the version, so it is
listed instead: every member's name, then its text, in archive order.
"""
import sys
import zipfile

version, path = sys.argv[1], sys.argv[2]
if path.endswith(".xlsx"):
    with zipfile.ZipFile(path) as book:
        parts = []
        for info in book.infolist():
            parts.append(f"== {info.filename}\n")
            parts.append(book.read(info.filename).decode("utf-8") + "\n")
        text = "".join(parts)
else:
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
sys.stdout.write(text.replace(version, "@VERSION@"))
