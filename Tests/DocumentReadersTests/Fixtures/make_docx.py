#!/usr/bin/env python3
# DocumentReadersTests: fixtures. Writes the .docx/.txt/.md test reports directly as OOXML (no Word needed).
# Run through make-fixtures.sh, which then converts the shared report to .odt, .doc and .pdf with LibreOffice.
import os, sys, zipfile
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' \
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
FIXED_DATE = (2020, 11, 20, 8, 0, 0)

def run(text, bold=False, font=None, extra=''):
    props = ''
    if bold: props += '<w:b/>'
    if font: props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
    props += extra
    rpr = f'<w:rPr>{props}</w:rPr>' if props else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

def para(content, style=None, num=None, center=False, bold_text=None):
    ppr = ''
    if style: ppr += f'<w:pStyle w:val="{style}"/>'
    if num: ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if center: ppr += '<w:jc w:val="center"/>'
    if not content.startswith('<'): content = run(content, bold=bool(bold_text))
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{content}</w:p>'

def cell(paragraphs, width=5000):
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'

def table(rows, borders=True):
    border = ('<w:tblBorders>' + ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
              for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>') if borders else \
             '<w:tblBorders>' + ''.join(f'<w:{s} w:val="nil"/>' for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>'
    cols = max(len(r) for r in rows)
    width = 10000 // cols
    grid = '<w:tblGrid>' + f'<w:gridCol w:w="{width}"/>' * cols + '</w:tblGrid>'
    body = ''.join('<w:tr>' + ''.join(cell(c, width) for c in r) + '</w:tr>' for r in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{border}</w:tblPr>{grid}{body}</w:tbl>'

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="u3"><w:name w:val="Tiêu đề 3"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="MucLon"><w:name w:val="Muc lon"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="VnTimeBody"><w:name w:val="VnTime body"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>'''

def level(ilvl, fmt, text, start=1, restart=None):
    r = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ''
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{r}<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>'

PUA_BULLET = "\uf0b7"
NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">{level(0, "upperRoman", "%1.")}{level(1, "decimal", "%2.")}{level(2, "decimal", "%2.%3.")}{level(3, "lowerLetter", "%4)")}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">{level(0, "bullet", "-")}{level(1, "bullet", PUA_BULLET)}</w:abstractNum>
<w:abstractNum w:abstractNumId="2">{level(0, "decimal", "%1.", start=3)}{level(1, "lowerLetter", "%2)", restart=0)}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>'''

def package(path, body, parts=None, rels_extra='', content_extra='', sect=''):
    parts = parts or {}
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    content_types = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' \
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' \
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' \
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' \
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' \
        + content_extra + '</Types>'
    root_rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    doc_rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' \
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' \
        + rels_extra + '</Relationships>'
    files = {'[Content_Types].xml': content_types, '_rels/.rels': root_rels, 'word/_rels/document.xml.rels': doc_rels,
             'word/document.xml': doc, 'word/styles.xml': STYLES, 'word/numbering.xml': NUMBERING}
    files.update(parts)
    with zipfile.ZipFile(os.path.join(OUT, path), 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)

# ---------------------------------------------------------------- the shared report, in every format
HEADER_LEFT = ['LĐLĐ HUYỆN VĨNH THUẬN', 'CÔNG ĐOÀN CƠ SỞ TRƯỜNG TH VĨNH BÌNH BẮC', 'Số: 15/BC-CĐCS']
HEADER_RIGHT = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Vĩnh Thuận, ngày 20 tháng 11 năm 2020']
TITLE = 'BÁO CÁO'
SUBJECT = 'Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Công đoàn cơ sở'
INTRO = 'Thực hiện Kế hoạch số 115/KH-LĐLĐ ngày 14/9/2020 của Ban Thường vụ LĐLĐ huyện Vĩnh Thuận về tổ chức sơ kết giữa nhiệm kỳ, Ban Chấp hành Công đoàn cơ sở báo cáo kết quả như sau:'
H1 = 'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT'
H2A = 'Công tác tuyên truyền, giáo dục đoàn viên'
P_A = 'Công đoàn cơ sở đã tổ chức 12 buổi tuyên truyền pháp luật lao động cho 245 lượt đoàn viên, đạt 100% kế hoạch đề ra.'
BULLETS = ['Tổ chức hội thi tìm hiểu Bộ luật Lao động năm 2019;', 'Phát động phong trào thi đua dạy tốt, học tốt.']
H2B = 'Công tác chăm lo đời sống đoàn viên'
P_B = 'Ban Chấp hành đã phối hợp với chuyên môn thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn.'
TABLE = [['Nội dung', 'Số lượt', 'Số tiền (đồng)'], ['Thăm hỏi ốm đau', '18', '3.600.000'], ['Quà Tết Nguyên đán', '245', '49.000.000']]
H1B = 'PHƯƠNG HƯỚNG NHIỆM VỤ NỬA CUỐI NHIỆM KỲ'
P_C = 'Tiếp tục đổi mới nội dung, phương thức hoạt động, lấy đoàn viên làm trung tâm.'
RECIPIENTS = ['Nơi nhận:', '- LĐLĐ huyện;', '- Chi bộ nhà trường;', '- Lưu: VT.']
SIGNATURE = ['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', '(đã ký)', 'Nguyễn Văn An']

def shared_report():
    body = table([[[para(t, center=True) for t in HEADER_LEFT], [para(t, center=True) for t in HEADER_RIGHT]]], borders=False)
    body += para(run(TITLE, bold=True), center=True) + para(run(SUBJECT, bold=True), center=True)
    body += para(INTRO)
    body += para(H1, style='Heading1') + para(H2A, style='Heading2') + para(P_A)
    body += ''.join(para(b, num=(2, 0)) for b in BULLETS)
    body += para(H2B, style='Heading2') + para(P_B)
    body += table([[[para(c)] for c in r] for r in TABLE])
    body += para(H1B, style='Heading1') + para(P_C)
    body += table([[[para(t) for t in RECIPIENTS], [para(run(t, bold=i < 2), center=True) for i, t in enumerate(SIGNATURE)]]], borders=False)
    package('bao-cao-so-ket.docx', body)

    lines = [f'{l:<48}{r}' for l, r in zip(HEADER_LEFT, HEADER_RIGHT)]
    lines += ['', ' ' * 20 + TITLE, ' ' * 8 + SUBJECT, '', INTRO, '', 'I. ' + H1, '1. ' + H2A, P_A]
    lines += ['- ' + b for b in BULLETS]
    lines += ['2. ' + H2B, P_B, '']
    lines += ['\t'.join(r) for r in TABLE]
    lines += ['', 'II. ' + H1B, P_C, '']
    lines += [f'{l:<40}{r}' for l, r in zip(RECIPIENTS, SIGNATURE)]
    with open(os.path.join(OUT, 'bao-cao-so-ket.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')

    md = ['| ' + l + ' | ' + r + ' |' if i else '| ' + l + ' | ' + r + ' |\n|---|---|' for i, (l, r) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT))]
    md += ['', '**' + TITLE + '**', '**' + SUBJECT + '**', '', INTRO, '', '# I. ' + H1, '', '## 1. ' + H2A, '', P_A, '']
    md += ['- ' + b for b in BULLETS]
    md += ['', '## 2. ' + H2B, '', P_B, '', '| ' + ' | '.join(TABLE[0]) + ' |', '|---|---:|---:|']
    md += ['| ' + ' | '.join(r) + ' |' for r in TABLE[1:]]
    md += ['', '# II. ' + H1B, '', P_C, '']
    md += RECIPIENTS[:1] + ['', *RECIPIENTS[1:], '']
    md += SIGNATURE
    with open(os.path.join(OUT, 'bao-cao-so-ket.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(md) + '\n')

# ---------------------------------------------------------------- Word features, one document
def features():
    ins = '<w:ins w:id="10" w:author="Thư ký" w:date="2020-11-19T10:00:00Z">' + run('12') + '</w:ins>'
    dele = '<w:del w:id="11" w:author="Thư ký" w:date="2020-11-19T10:00:00Z"><w:r><w:delText>10</w:delText></w:r></w:del>'
    move = '<w:moveFrom w:id="12" w:author="Thư ký" w:date="2020-11-19T10:00:00Z">' + run(' (bản cũ)') + '</w:moveFrom>'
    tracked = para(run('Đã tổ chức ') + ins + dele + move + run(' buổi sinh hoạt chuyên đề.'))
    commented = para('<w:commentRangeStart w:id="0"/>' + run('Kết nạp mới 15 đoàn viên.') + '<w:commentRangeEnd w:id="0"/>'
                     '<w:r><w:commentReference w:id="0"/></w:r>')
    footnoted = para(run('Tỷ lệ đoàn viên tham gia đạt 98%') + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>' + run('.'))
    box = '<w:pict><v:shape style="width:220pt;height:40pt"><v:textbox><w:txbxContent>' + para('Ghi chú trong khung: số liệu tạm tính.') + '</w:txbxContent></v:textbox></v:shape></w:pict>'
    textbox = ('<w:p>' + run('Đoạn có khung văn bản.') + '<w:r><mc:AlternateContent><mc:Choice Requires="wps">' + box
               + '</mc:Choice><mc:Fallback>' + box + '</mc:Fallback></mc:AlternateContent></w:r></w:p>')
    fields = para(run('Trang ') + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' + run(', lập ngày ')
                  + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>'
                  + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run('20/11/2020') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    special = para(run('Công\u00adđoàn cơ\u00a0sở') + '<w:r><w:noBreakHyphen/></w:r>' + run('trường') + '<w:r><w:tab/></w:r>'
                   + run('Vĩnh Bình Bắc') + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>chữ ẩn</w:t></w:r>')
    nested = table([[[para('Ô ngoài'), table([[[para('Ô trong 1')], [para('Ô trong 2')]]])], [para('Ô bên')]]])
    lettered = para('Nội dung thứ ba', num=(3, 0)) + para('Ý thứ nhất', num=(3, 1)) + para('Ý thứ hai', num=(3, 1)) \
        + para('Nội dung thứ tư', num=(3, 0)) + para('Ý tiếp theo', num=(3, 1)) + para('Danh sách mới', num=(4, 0))
    body = (para('Tài liệu kiểm tra tính năng', style='Title') + para('Mục có cấp đề cương', style='MucLon')
            + para('Tiểu mục theo tên địa phương', style='u3')
            + tracked + commented + footnoted + textbox + fields + special + nested + lettered
            + para(run('2. Kết quả phát triển đoàn viên', bold=True)) + para('3. Một đoạn đánh số gõ tay nhưng không in đậm.'))
    footnotes = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>{run(" Số liệu tính đến ngày 15/11/2020.")}</w:p></w:footnote></w:footnotes>'''
    comments = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments {W}><w:comment w:id="0" w:author="Nguyễn Thị Hoa" w:date="2020-11-19T09:00:00Z">{para("Đề nghị ghi rõ danh sách đoàn viên mới.")}</w:comment></w:comments>'''
    header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>{para("Công đoàn cơ sở Trường TH Vĩnh Bình Bắc")}</w:hdr>'
    footer = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}>{para("Báo cáo sơ kết giữa nhiệm kỳ")}</w:ftr>'
    rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    rels = ''.join(f'<Relationship Id="rId{10 + i}" Type="{rel}{kind}" Target="{target}"/>' for i, (kind, target) in
                   enumerate([('footnotes', 'footnotes.xml'), ('comments', 'comments.xml'), ('header', 'header1.xml'), ('footer', 'footer1.xml')]))
    ct = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
    types = ''.join(f'<Override PartName="/word/{name}.xml" ContentType="{ct}{kind}+xml"/>' for name, kind in
                    [('footnotes', 'footnotes'), ('comments', 'comments'), ('header1', 'header'), ('footer1', 'footer')])
    body = body.replace('{SECT}', '')
    package('tinh-nang-word.docx', body, {'word/footnotes.xml': footnotes, 'word/comments.xml': comments,
                                            'word/header1.xml': header, 'word/footer1.xml': footer},
            rels_extra=rels, content_extra=types,
            sect='<w:headerReference w:type="default" r:id="rId12"/><w:footerReference w:type="default" r:id="rId13"/>')

# ---------------------------------------------------------------- a document typed in .VnTime (TCVN3)
TCVN3 = {'Đ': 0xA7, 'ă': 0xA8, 'â': 0xA9, 'ê': 0xAA, 'ô': 0xAB, 'ơ': 0xAC, 'ư': 0xAD, 'đ': 0xAE,
         'à': 0xB5, 'ả': 0xB6, 'ã': 0xB7, 'á': 0xB8, 'ạ': 0xB9, 'ằ': 0xBB, 'ẳ': 0xBC, 'ẵ': 0xBD, 'ắ': 0xBE,
         'ầ': 0xC7, 'ẩ': 0xC8, 'ẫ': 0xC9, 'ấ': 0xCA, 'ậ': 0xCB, 'è': 0xCC, 'ẻ': 0xCE, 'ẽ': 0xCF, 'é': 0xD0, 'ẹ': 0xD1,
         'ề': 0xD2, 'ể': 0xD3, 'ễ': 0xD4, 'ế': 0xD5, 'ệ': 0xD6, 'ì': 0xD7, 'ỉ': 0xD8, 'ĩ': 0xDC, 'í': 0xDD, 'ị': 0xDE,
         'ò': 0xDF, 'ỏ': 0xE1, 'õ': 0xE2, 'ó': 0xE3, 'ọ': 0xE4, 'ồ': 0xE5, 'ổ': 0xE6, 'ỗ': 0xE7, 'ố': 0xE8, 'ộ': 0xE9,
         'ờ': 0xEA, 'ở': 0xEB, 'ỡ': 0xEC, 'ớ': 0xED, 'ợ': 0xEE, 'ù': 0xEF, 'ủ': 0xF1, 'ũ': 0xF2, 'ú': 0xF3, 'ụ': 0xF4,
         'ừ': 0xF5, 'ử': 0xF6, 'ữ': 0xF7, 'ứ': 0xF8, 'ự': 0xF9, 'ỳ': 0xFA, 'ỷ': 0xFB, 'ỹ': 0xFC, 'ý': 0xFD, 'ỵ': 0xFE}

def tcvn3_run_text(text):
    """The characters Word stores for `text` typed in a .VnTime font: each TCVN3 byte as its Windows-1252 character."""
    out = bytearray()
    for ch in text:
        out.append(TCVN3[ch] if ch in TCVN3 else ord(ch))
    return out.decode('cp1252')

def legacy_font():
    lines = ['Báo cáo kết quả hoạt động công đoàn', 'Đoàn viên tham gia đầy đủ các buổi sinh hoạt.']
    body = para(run(tcvn3_run_text(lines[0].lower()), font='.VnTimeH'))
    body += para(run(tcvn3_run_text(lines[1]), font='.VnTime'))
    body += para(run('Dòng gõ bằng Unicode giữ nguyên.', font='Times New Roman'))
    package('tcvn3-vntime.docx', body)
    with open(os.path.join(OUT, 'tcvn3-vntime.bytes'), 'wb') as f:
        f.write(tcvn3_run_text(lines[1]).encode('cp1252'))

shared_report()
features()
legacy_font()
