#!/usr/bin/env python3
# corpus tooling: .docx variants. Renders a UTF-8 corpus report as a Word document whose structure lives in Word features.
"""Usage: make-docx.py STRUCTURE HEADER INPUT.txt OUTPUT.docx

STRUCTURE  styles     section headings in Heading 1/2/3, their numbers typed ("II. ", "1. ", "a) ")
           numbering  headings, numbered items and "- " items numbered by Word (word/numbering.xml);
                      the typed numbers are removed and the numbering reproduces them exactly
           plain      every line a Normal paragraph (for reports without headings)
HEADER     table      the administrative header as a 2-column borderless table
           paragraphs the header lines as centred paragraphs, as typed

The text of every line is kept word for word; only where structure is carried changes. Pipe tables
("| a | b |") and tab-separated blocks become Word tables. The output is byte-for-byte reproducible
for a given python-docx version (fixed document properties and zip timestamps).
"""
import datetime
import io
import re
import sys
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROMAN = re.compile(r"^(?P<num>M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3}))\.\s+(?P<text>\S.*)$")
ARABIC = re.compile(r"^(?P<num>\d{1,2})\.\s+(?P<text>\S.*)$")
LETTER = re.compile(r"^(?P<num>[a-zđ])\)\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^-\s+(?P<text>\S.*)$")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DATE_LINE = re.compile(r",\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}")
FIXED_TIME = datetime.datetime(2020, 1, 1, 0, 0, 0)


def is_heading_text(text):
    """A numbered line is a heading when it is short and does not end like a sentence or a lead-in."""
    return len(text) <= 110 and not text.rstrip().endswith((".", ";", ":", ","))


def roman_value(numeral):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        total += -value if index + 1 < len(numeral) and values[numeral[index + 1]] > value else value
    return total


def classify(line):
    """(kind, level, number, text): kind is heading, item, bullet or text; level 0..2; number as typed."""
    match = ROMAN.match(line)
    if match and match.group("num"):
        return ("heading" if is_heading_text(match.group("text")) else "item", 0, roman_value(match.group("num")), match.group("text"))
    match = ARABIC.match(line)
    if match:
        return ("heading" if is_heading_text(match.group("text")) else "item", 1, int(match.group("num")), match.group("text"))
    match = LETTER.match(line)
    if match and match.group("num") != "đ":
        return ("heading" if is_heading_text(match.group("text")) else "item", 2, ord(match.group("num")) - 0x60, match.group("text"))
    match = BULLET.match(line)
    if match:
        return ("bullet", 0, 0, match.group("text"))
    return ("text", 0, 0, line)


class Numbering:
    """Word automatic numbering: one multi-level list (I. / 1. / a)) and one "-" bullet list.

    Counters follow Word (and soatxet's reader): they belong to the abstract list; a level restarts
    when a shallower level is used. Where the typed number is not what Word would show next, a new
    w:num with a start override makes Word show the typed number.
    """

    LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        for child in list(self.root):
            self.root.remove(child)
        self.next_id = 1
        self.counters = [None, None, None]
        self.add_abstract(1, [(fmt, text, 720 * (i + 1)) for i, (fmt, text) in enumerate(self.LEVELS)])
        self.add_abstract(2, [("bullet", "-", 720)])
        self.list_num = self.add_num(1, {})
        self.bullet_num = self.add_num(2, {})

    def add_abstract(self, abstract_id, levels):
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "multilevel" if len(levels) > 1 else "singleLevel")
        abstract.append(multi)
        for index, (fmt, text, indent) in enumerate(levels):
            level = OxmlElement("w:lvl")
            level.set(qn("w:ilvl"), str(index))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "space"), ("w:lvlText", text), ("w:lvlJc", "left")):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                level.append(element)
            properties = OxmlElement("w:pPr")
            indentation = OxmlElement("w:ind")
            indentation.set(qn("w:left"), "0")
            indentation.set(qn("w:firstLine"), str(indent if fmt == "bullet" else 0))
            properties.append(indentation)
            level.append(properties)
            abstract.append(level)
        first_num = self.root.find(qn("w:num"))
        if first_num is None:
            self.root.append(abstract)
        else:
            first_num.addprevious(abstract)

    def add_num(self, abstract_id, starts):
        num_id = self.next_id
        self.next_id += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), str(abstract_id))
        num.append(reference)
        for level, start in starts.items():
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(level))
            start_override = OxmlElement("w:startOverride")
            start_override.set(qn("w:val"), str(start))
            override.append(start_override)
            num.append(override)
        self.root.append(num)
        return num_id

    def number(self, level, typed):
        """The w:numId to give a paragraph at `level` typed with `typed`, keeping the counters."""
        expected = (self.counters[level] or 0) + 1
        if expected != typed:
            self.list_num = self.add_num(1, {level: typed})
        self.counters[level] = typed
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = None
        return self.list_num


def set_numbering(paragraph, num_id, level):
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    level_element = OxmlElement("w:ilvl")
    level_element.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numbering.append(level_element)
    numbering.append(num)
    properties.insert(0, numbering)


def remove_borders(table):
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def split_preamble(lines):
    """The administrative header (lines before "BÁO CÁO"), and the index of the title line."""
    for index, line in enumerate(lines):
        if line.strip() == "BÁO CÁO":
            return lines[:index], index
    return [], 0


def add_header_table(document, header):
    left, number, motto, date = [], "", [], ""
    for line in (line.strip() for line in header):
        if not line:
            continue
        if line in MOTTO:
            motto.append(line)
        elif DATE_LINE.search(line):
            date = line
        elif line.startswith("Số:"):
            number = line
        else:
            left.append(line)
    table = document.add_table(rows=2, cols=2)
    remove_borders(table)
    cells = [(table.cell(0, 0), left, True, False), (table.cell(0, 1), motto, True, False),
             (table.cell(1, 0), [number] if number else [], False, False), (table.cell(1, 1), [date] if date else [], False, True)]
    for cell, texts, bold, italic in cells:
        first = True
        for text in texts:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold = bold
            run.italic = italic


def add_table(document, rows):
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c in range(width):
            table.cell(r, c).text = row[c] if c < len(row) else ""


def table_rows(block):
    """Rows of a pipe table (separator row dropped) or of a tab-separated block."""
    rows = []
    for line in block:
        if line.lstrip().startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells):
                continue
            rows.append(cells)
        else:
            rows.append(line.split("\t"))
    return rows


def is_table_line(line):
    return line.lstrip().startswith("|") or "\t" in line


def build(structure, header_mode, lines):
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    properties = document.core_properties
    properties.author = "soatxet corpus"
    properties.last_modified_by = "soatxet corpus"
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1
    numbering = Numbering(document) if structure == "numbering" else None

    header, title_index = split_preamble(lines)
    if header_mode == "table" and header:
        add_header_table(document, header)
        body = lines[title_index:]
    else:
        body = lines

    index = 0
    in_title = False
    while index < len(body):
        line = body[index]
        if not line.strip():
            in_title = False
            index += 1
            continue
        if is_table_line(line):
            block = []
            while index < len(body) and body[index].strip() and is_table_line(body[index]):
                block.append(body[index])
                index += 1
            add_table(document, table_rows(block))
            continue
        index += 1
        if line.strip() == "BÁO CÁO":
            document.add_paragraph(line, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
            in_title = True
            continue
        if in_title:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(line).bold = True
            continue
        kind, level, typed, text = classify(line) if structure != "plain" else ("text", 0, 0, line)
        if structure == "styles" and kind == "heading":
            document.add_paragraph(line, style=f"Heading {level + 1}")
        elif structure == "numbering" and kind in ("heading", "item"):
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = kind == "heading"
            set_numbering(paragraph, numbering.number(level, typed), level)
        elif structure == "numbering" and kind == "bullet":
            paragraph = document.add_paragraph(text)
            set_numbering(paragraph, numbering.bullet_num, 0)
        else:
            paragraph = document.add_paragraph(line)
            if header_mode == "paragraphs" and index <= len(header):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def write_reproducibly(document, path):
    """Saves with fixed zip timestamps so that regenerating gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))


def main(arguments):
    if len(arguments) != 4 or arguments[0] not in ("styles", "numbering", "plain") or arguments[1] not in ("table", "paragraphs"):
        sys.exit(__doc__)
    structure, header_mode, source, output = arguments
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    write_reproducibly(build(structure, header_mode, lines), output)


if __name__ == "__main__":
    main(sys.argv[1:])
