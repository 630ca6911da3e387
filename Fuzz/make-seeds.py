#!/usr/bin/env python3
# Fuzz: seed corpora. Writes Fuzz/corpus/<target>/ from the test data (Corpus/ reports, the readers'
# fixtures, Rules/*.yaml) in the input layout each target reads (see Fuzz/Sources/*/Fuzz*.swift).
# Usage: Fuzz/make-seeds.py [repository root]; the corpus folder is git-ignored and refilled each run
# (files libFuzzer added are kept: seeds are named seed-*).
import hashlib
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
OUT = ROOT / "Fuzz" / "corpus"

# fuzz-decode's first byte picks the encoding: index into [detect] + TextEncoding.allCases.
ENCODINGS = ["detect", "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni-windows", "viscii"]
BY_SUFFIX = {".cp1258.txt": "windows-1258", ".tcvn3.txt": "tcvn3", ".vni.txt": "vni-windows", ".viscii.txt": "viscii"}
# fuzz-docx's second input kind: these parts in this order, separated by NUL bytes.
DOCX_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
              "word/comments.xml", "word/header1.xml"]


def write(target: str, content: bytes) -> None:
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("seed-" + hashlib.sha1(content).hexdigest()[:16])).write_bytes(content)


def main() -> None:
    reports = sorted(p for p in (ROOT / "Corpus").rglob("*.txt") if p.parent.name != "tools")
    reports += sorted((ROOT / "Tests" / "DocumentReadersTests" / "Fixtures").glob("*.txt"))
    reports += sorted((ROOT / "Tests" / "DocumentReadersTests" / "Fixtures").glob("*.md"))
    sentences = sorted((ROOT / "Tests" / "VietnameseTextTests" / "Fixtures" / "sentences").glob("*.txt"))
    docx = sorted((ROOT / "Corpus").rglob("*.docx")) + sorted((ROOT / "Tests" / "DocumentReadersTests" / "Fixtures").glob("*.docx"))
    packs = sorted((ROOT / "Rules").glob("*.yaml"))

    for report in reports:
        data = report.read_bytes()
        write("decode", bytes([0]) + data)  # detected
        encoding = next((e for s, e in BY_SUFFIX.items() if report.name.endswith(s)), "utf-8")
        write("decode", bytes([ENCODINGS.index(encoding)]) + data)
        if encoding == "utf-8":
            text = data.decode("utf-8", errors="replace")
            write("decode", bytes([ENCODINGS.index("utf-16le")]) + text.encode("utf-16-le"))
            write("decode", bytes([0]) + text.encode("utf-16"))  # with a byte-order mark
            # Mojibake: UTF-8 bytes read as Windows-1252, written back as UTF-8, for the repairer.
            write("decode", bytes([0]) + data[:4000].decode("cp1252", errors="ignore").encode("utf-8"))
            for selector in range(4):  # semicolons on/off, wrapped lines joined/apart
                write("sentences", bytes([selector]) + data)
            write("check", data)
    tcvn3 = ROOT / "Tests" / "DocumentReadersTests" / "Fixtures" / "tcvn3-vntime.bytes"
    if tcvn3.exists():
        write("decode", bytes([0]) + tcvn3.read_bytes())
        write("decode", bytes([ENCODINGS.index("tcvn3")]) + tcvn3.read_bytes())
    for fixture in sentences:
        for selector in range(4):
            write("sentences", bytes([selector]) + fixture.read_bytes())

    for path in docx:
        data = path.read_bytes()
        write("docx", bytes([0]) + data)
        try:
            with zipfile.ZipFile(path) as package:
                names = set(package.namelist())
                parts = [package.read(n) if n in names else b"" for n in DOCX_PARTS]
        except (zipfile.BadZipFile, OSError):
            continue  # a damaged fixture (e.g. a fuzz regression input) is a seed as it is, above
        while parts and not parts[-1]:
            parts.pop()
        write("docx", bytes([1]) + b"\0".join(parts))
        write("docx", bytes([1]) + parts[0])  # the body alone: Word's styles.xml alone can pass max_len
    for path in docx[:3]:
        write("check", path.read_bytes())  # a .docx given as .txt is read by its content

    for pack in packs:
        write("pack", pack.read_bytes())

    for target in sorted(p.name for p in OUT.iterdir()):
        print(f"{target}: {sum(1 for _ in (OUT / target).glob('seed-*'))} seeds in Fuzz/corpus/{target}")


if __name__ == "__main__":
    main()
