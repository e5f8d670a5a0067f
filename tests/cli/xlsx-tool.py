#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# xlsx-tool.py — what test-cli-xlsx does to an exported XLSX file, with the
# Python standard library only (an XLSX file is a zip of XML parts):
#
#   strip IN OUT                 copy without the cached results of formula
#                                cells, so whatever reads OUT must compute them
#   set IN OUT SHEET CELL VALUE  copy with the number VALUE in CELL (e.g. D3)
#                                of the sheet named SHEET
#   formulas IN                  print every formula as JSON: {sheet: [..]}
#   sheets IN                    print the sheet names as JSON, in order
#   results CSV                  print the Results sheet (exported by
#                                ssconvert as CSV) as JSON:
#                                {"ID or *total*": [npv, irr, roi, payback,
#                                discounted payback]}, null for empty cells

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
REL = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PKG_REL = '{http://schemas.openxmlformats.org/package/2006/relationships}'


def sheet_parts(z):
    """[(name, part path)] in the workbook's order"""
    book = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels.iter(PKG_REL + 'Relationship')}
    parts = []
    for sheet in book.iter(MAIN + 'sheet'):
        target = targets[sheet.get(REL + 'id')]
        parts.append((sheet.get('name'), 'xl/' + target.lstrip('/').removeprefix('xl/')))
    return parts


def rewrite(src, dst, edit):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        parts = dict((part, name) for name, part in sheet_parts(zin))
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in parts:
                data = edit(parts[item.filename], data.decode('utf-8')).encode('utf-8')
            zout.writestr(item, data)


def strip(src, dst):
    def edit(name, xml):
        return re.sub(r'(<f>[^<]*</f>)<v>[^<]*</v>', r'\1', xml)
    rewrite(src, dst, edit)


def set_cell(src, dst, sheet, cell, value):
    float(value)
    done = []

    def edit(name, xml):
        if name != sheet:
            return xml
        pattern = re.compile(r'<c r="%s"( s="\d+")?( t="\w+")?(/>|>.*?</c>)' % re.escape(cell))
        new, n = pattern.subn(lambda m: '<c r="%s"%s><v>%s</v></c>' % (cell, m.group(1) or '', value), xml, 1)
        done.append(n)
        return new
    rewrite(src, dst, edit)
    if done != [1]:
        sys.exit(f'xlsx-tool: no cell {cell} in sheet {sheet!r}')


def formulas(src):
    out = {}
    with zipfile.ZipFile(src) as z:
        for name, part in sheet_parts(z):
            root = ET.fromstring(z.read(part))
            out[name] = [f.text or '' for f in root.iter(MAIN + 'f')]
    print(json.dumps(out, ensure_ascii=False))


def sheets(src):
    with zipfile.ZipFile(src) as z:
        print(json.dumps([name for name, part in sheet_parts(z)], ensure_ascii=False))


def results(path):
    def number(text):
        return float(text) if text.strip() != '' else None

    out = {}
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    # Row 2 on: one line per company, then the total (no ID), then a blank line
    for row in rows[2:]:
        if not any(row):
            break
        key = row[0] if row[0] != '' else '*total*'
        out[key] = [number(v) for v in row[2:7]]
    print(json.dumps(out))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == 'strip':
        strip(*args)
    elif command == 'set':
        set_cell(*args)
    elif command == 'formulas':
        formulas(*args)
    elif command == 'sheets':
        sheets(*args)
    elif command == 'results':
        results(*args)
    else:
        sys.exit(f'xlsx-tool: unknown command {command}')


if __name__ == '__main__':
    main()
