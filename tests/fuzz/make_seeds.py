#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target from the repository's fixtures.

    make_seeds.py SOURCE_DIR CORPUS_DIR ORGAUDIT_BINARY

CORPUS_DIR/<target>/ gets one file per seed, laid out as tests/fuzz/targets.hpp
describes; the small hand seeds of tests/fuzz/seeds/<target>/ are copied too
(those of csv also to csv_diff, which shares csv's dictionary).
"""
import csv
import hashlib
import io
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import yaml

TABLES = ["organizations", "annual_reports", "policies", "activities", "projects",
          "incidents", "honors"]
# Option bytes of the data targets: (encoding and lenient bits, piece size).
OPTIONS = [b"\x00\x00", b"\x00\x07", b"\x04\x10", b"\x01\x01", b"\x03\x40"]


def put(corpus, target, data):
    directory = corpus / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def head(path, lines):
    with open(path, "rb") as f:
        return b"".join(f.readline() for _ in range(lines))


def data_dirs(source):
    """Each fixture dataset as {table: bytes of its CSV or JSONL file}."""
    found = []
    for directory in sorted((source / "tests/data/validate").iterdir()):
        if directory.is_dir():
            found.append({p.stem: (p.suffix, p.read_bytes()) for p in directory.iterdir()
                          if p.stem in TABLES})
    huzhou = source / "samples/huzhou"
    for lines in (3, 8):
        found.append({t: (".csv", head(huzhou / f"{t}.csv", lines)) for t in TABLES})
    return found


def to_jsonl(text):
    rows = list(csv.reader(io.StringIO(text.decode("utf-8", "replace"))))
    if not rows:
        return b""
    out = []
    for row in rows[1:]:
        record = {}
        for key, value in zip(rows[0], row):
            record[key] = int(value) if value.isdigit() and len(value) < 10 else (value or None)
        out.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode()


def layout(options, tables):
    return options + b"\n%%\n".join(tables.get(t, b"") for t in TABLES)


def data_seeds(source, corpus):
    for dataset in data_dirs(source):
        csv_tables = {t: body for t, (ext, body) in dataset.items() if ext == ".csv"}
        jsonl_tables = {t: body if ext == ".jsonl" else to_jsonl(body)
                        for t, (ext, body) in dataset.items()}
        for options in OPTIONS:
            put(corpus, "csv", layout(options, csv_tables))
            put(corpus, "csv_diff", layout(options, csv_tables))
            put(corpus, "jsonl", layout(options, jsonl_tables))


def sqlite_seeds(source, corpus, binary):
    huzhou = source / "samples/huzhou"
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        for lines in (2, 4, 12):
            data = work / f"data{lines}"
            data.mkdir()
            for t in TABLES:
                (data / f"{t}.csv").write_bytes(head(huzhou / f"{t}.csv", lines))
            db = work / f"data{lines}.db"
            subprocess.run([binary, "import", "--lenient", "--data", str(data), "--to", str(db)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            put(corpus, "sqlite", db.read_bytes())


def expressions(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("pass", "when", "score", "applies", "match") and isinstance(value, str):
                found.append(value)
            else:
                expressions(value, found)
    elif isinstance(node, list):
        for value in node:
            expressions(value, found)


def expr_seeds(source, corpus):
    for path in [source / "rules/zhejiang-integrity.yaml",
                 *sorted((source / "rules/examples").glob("*.yaml"))]:
        document = yaml.safe_load(path.read_text())
        lets = document.get("let") or {}
        found = []
        expressions(document, found)
        for text in found:
            parts = [f"{name}\n{value}" for name, value in lets.items()] + [text]
            put(corpus, "expr", b"\x00" + "\n;;\n".join(parts).encode())
            put(corpus, "expr", b"\x02" + text.encode())


def rules_seeds(source, corpus):
    base = (source / "rules/zhejiang-integrity.yaml").read_bytes()
    put(corpus, "rules", base)
    for path in sorted((source / "rules/examples").glob("*.yaml")):
        child = path.read_text().replace("extends: ../zhejiang-integrity.yaml", "extends: r1.yaml")
        put(corpus, "rules", child.encode())
        put(corpus, "rules", child.replace("builtin:rules/zhejiang-integrity.yaml",
                                           "r1.yaml").encode() + b"\n#%%\n" + base)
    rules = source / "tests/data/rules"
    for path in sorted([*rules.glob("*.yaml"), *(rules / "broken").glob("*.yaml")]):
        put(corpus, "rules", path.read_bytes())
    put(corpus, "rules", b"extends: r1.yaml\n#%%\nextends: r2.yaml\n#%%\nextends: r0.yaml\n")
    basic = (rules / "basic.yaml").read_bytes()
    for path in sorted((rules / "broken").glob("*.yaml")):
        text = path.read_bytes().replace(b"../basic.yaml", b"r1.yaml")
        put(corpus, "rules", text + b"\n#%%\n" + basic)


def yaml_seeds(source, corpus):
    for pattern in ("tests/data/rules/waivers/*.yaml", "tests/data/engine/*waivers.yaml",
                    "tests/data/audit/waivers.yaml"):
        for path in sorted(source.glob(pattern)):
            put(corpus, "waivers", path.read_bytes())
    for pattern in ("rules/schema/*.yaml", "tests/data/schema/*.yaml",
                    "tests/data/validate/bad-schema.yaml"):
        for path in sorted(source.glob(pattern)):
            put(corpus, "schema", path.read_bytes())


def hand_seeds(source, corpus):
    for directory in sorted((source / "tests/fuzz/seeds").glob("*")):
        for path in sorted(directory.iterdir()):
            put(corpus, directory.name, path.read_bytes())
            if directory.name == "csv":  # the differential target reads the same inputs
                put(corpus, "csv_diff", path.read_bytes())


def main():
    source, corpus, binary = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
    data_seeds(source, corpus)
    sqlite_seeds(source, corpus, binary)
    expr_seeds(source, corpus)
    rules_seeds(source, corpus)
    yaml_seeds(source, corpus)
    hand_seeds(source, corpus)


if __name__ == "__main__":
    main()
