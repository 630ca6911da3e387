#!/usr/bin/env bash
# corpus tooling: variants. Regenerates every .docx and legacy-encoded variant of the corpus reports listed below.
# Run from anywhere: Corpus/tools/make-variants.sh   (needs swift, python3 and python-docx)
set -euo pipefail
cd "$(dirname "$0")/../.."

swift build --product corpus-variants >/dev/null
ENCODER="$(swift build --show-bin-path)/corpus-variants"
python3 -c 'import docx' 2>/dev/null || { echo "python-docx is missing: pip install python-docx" >&2; exit 2; }

# docx <pack> <slug> <structure: styles|numbering|plain> <header: table|paragraphs>
# legacy <pack> <slug> <variant: tcvn3|vni|cp1258|nfd>
MANIFEST='
docx   tld-so-ket-dh-ix                  mau-ldld-tinh                              styles     table
docx   tld-so-ket-dh-ix                  ldld-binh-duong-bang-so-lieu               numbering  table
docx   tld-so-ket-dh-ix                  cd-gtvt-bien-nien-ke-le                    styles     paragraphs
docx   tld-so-ket-dh-ix                  ldld-lam-dong-khong-de-muc                 plain      table
docx   tld-tong-ket-mot-trieu-doan-vien  ldld-tinh-dong-nai-mau                     numbering  table
docx   tld-tong-ket-mot-trieu-doan-vien  ldld-tinh-bac-ninh-bang-tab                styles     paragraphs
docx   tld-tong-ket-mot-trieu-doan-vien  ldld-tinh-quang-ngai-khong-de-muc          plain      paragraphs
docx   cdxd-tong-ket-nq20                cd-tct-xay-lap-hong-ha-mau                 styles     table
docx   cdxd-tong-ket-nq20                cdxd-tinh-nghe-an-mau                      numbering  paragraphs
docx   cdxd-tong-ket-nq20                cd-truong-cd-xay-dung-tay-do-ke-le         numbering  table
docx   cdxd-tong-ket-nq20                cd-truong-dh-xd-duyen-hai-khong-tieu-de    plain      table
docx   ldld-huyen-so-ket-giua-nhiem-ky   cdcs-trung-tam-y-te-huyen-day-du           styles     table
docx   ldld-huyen-so-ket-giua-nhiem-ky   cdcs-ubnd-xa-tan-thuan-bien-nien           numbering  paragraphs
docx   ldld-huyen-so-ket-giua-nhiem-ky   cdcs-trung-tam-vhtt-khong-de-muc           plain      table
legacy tld-so-ket-dh-ix                  mau-ldld-tinh                              tcvn3
legacy tld-so-ket-dh-ix                  mau-ldld-tinh                              vni
legacy tld-so-ket-dh-ix                  mau-ldld-tinh                              cp1258
legacy tld-so-ket-dh-ix                  mau-ldld-tinh                              nfd
legacy tld-so-ket-dh-ix                  ldld-da-nang-khong-bai-hoc                 tcvn3
legacy tld-tong-ket-mot-trieu-doan-vien  ldld-tinh-dong-nai-mau                     cp1258
legacy tld-tong-ket-mot-trieu-doan-vien  ldld-huyen-trang-bom-ke-le                 nfd
legacy tld-tong-ket-mot-trieu-doan-vien  cd-tct-hang-hai-thieu-phuong-huong         tcvn3
legacy cdxd-tong-ket-nq20                cd-tct-xay-lap-hong-ha-mau                 vni
legacy cdxd-tong-ket-nq20                cdxd-tinh-nghe-an-mau                      nfd
legacy cdxd-tong-ket-nq20                cd-tct-xd-song-lam-chi-nq20                cp1258
legacy ldld-huyen-so-ket-giua-nhiem-ky   cdcs-cty-thuy-san-minh-phat                tcvn3
legacy ldld-huyen-so-ket-giua-nhiem-ky   cdcs-truong-thcs-thi-tran-vinh-thuan       vni
legacy ldld-huyen-so-ket-giua-nhiem-ky   cdcs-ubnd-xa-tan-thuan-bien-nien           cp1258
'

count=0
while read -r kind pack slug a b; do
    [ -n "${kind:-}" ] || continue
    source="Corpus/$pack/$slug.txt"
    [ -f "$source" ] && [ -f "Corpus/$pack/$slug.expected.json" ] || { echo "missing $source or its labels" >&2; exit 1; }
    case "$kind" in
        docx)   python3 Corpus/tools/make-docx.py "$a" "$b" "$source" "Corpus/$pack/$slug.docx" ;;
        legacy) extra=(); [ "$a" = tcvn3 ] && extra=(--tcvn3-capitals lower)
                "$ENCODER" "$a" "${extra[@]}" "$source" "Corpus/$pack/$slug.$a.txt" ;;
        *)      echo "unknown manifest kind $kind" >&2; exit 1 ;;
    esac
    count=$((count + 1))
done <<< "$MANIFEST"
echo "wrote $count variants"
