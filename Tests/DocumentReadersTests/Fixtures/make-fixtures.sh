#!/bin/sh
# DocumentReadersTests: fixtures. Rebuilds the test reports: .docx/.txt/.md written directly, then the shared
# report converted to .odt, .doc and .pdf by LibreOffice (Debian: libreoffice-writer-nogui, python3).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/make_docx.py" "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for target in odt doc pdf; do
  soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to "$target" --outdir "$tmp" "$here/bao-cao-so-ket.docx" >/dev/null 2>&1
  cp "$tmp/bao-cao-so-ket.$target" "$here/"
done
soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to odt --outdir "$tmp" "$here/tinh-nang-word.docx" >/dev/null 2>&1
cp "$tmp/tinh-nang-word.odt" "$here/"
ls -l "$here"
