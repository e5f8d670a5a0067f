#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-icons.py RSVG_CONVERT APP_ICON.svg SYMBOLIC_ICON.svg
#
# Fails when an icon is not well-formed SVG, does not render with librsvg
# (what GTK uses) at its size, or breaks the icon rules: the app icon is a
# 128×128 full-colour drawing without text or external images; the symbolic
# icon is 16×16 and drawn in the one colour #2e3436 that GTK recolours.

import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
XLINK_HREF = '{http://www.w3.org/1999/xlink}href'
SYMBOLIC_COLOUR = '#2e3436'

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg, file=sys.stderr)


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', head[16:24])


def colours(root):
    """Every paint (fill, stroke, stop-color) named in attributes or style."""
    found = []
    for el in root.iter():
        for attr in ('fill', 'stroke', 'stop-color', 'color'):
            if attr in el.attrib:
                found.append((el.tag, el.attrib[attr]))
        for decl in el.attrib.get('style', '').split(';'):
            if ':' in decl:
                key, value = (s.strip() for s in decl.split(':', 1))
                if key in ('fill', 'stroke', 'stop-color', 'color'):
                    found.append((el.tag, value))
    return found


def check(path, size, symbolic, rsvg):
    name = os.path.basename(path)
    before = len(problems)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f'{name}: not well-formed XML: {e}')
        return
    if root.tag != SVG + 'svg':
        fail(f'{name}: the root element is {root.tag}, not an SVG <svg>')
        return
    if root.get('viewBox', '').split() != ['0', '0', str(size), str(size)]:
        fail(f'{name}: viewBox is "{root.get("viewBox")}", expected "0 0 {size} {size}"')
    for attr in ('width', 'height'):
        if root.get(attr) != str(size):
            fail(f'{name}: {attr} is "{root.get(attr)}", expected "{size}"')

    for el in root.iter():
        tag = el.tag.replace(SVG, '')
        if tag in ('text', 'tspan', 'textPath'):
            fail(f'{name}: has <{tag}>: text depends on fonts; draw it as paths')
        if tag == 'image':
            fail(f'{name}: embeds an <image>')
        for attr in ('href', XLINK_HREF):
            ref = el.get(attr)
            if ref is not None and not ref.startswith('#'):
                fail(f'{name}: <{tag}> refers to an external resource {ref}')

    paints = colours(root)
    if symbolic:
        for tag, value in paints:
            v = value.strip().lower()
            if v in ('none', SYMBOLIC_COLOUR):
                continue
            fail(f'{name}: <{tag.replace(SVG, "")}> is painted "{value}"; '
                 f'a symbolic icon uses only {SYMBOLIC_COLOUR}')
        if not any(v.strip().lower() == SYMBOLIC_COLOUR for _, v in paints):
            fail(f'{name}: nothing is painted {SYMBOLIC_COLOUR}')
        for el in root.iter():
            if el.tag.replace(SVG, '') in ('linearGradient', 'radialGradient', 'filter'):
                fail(f'{name}: a symbolic icon has no gradients or filters')
    else:
        solid = {v.strip().lower() for _, v in paints
                 if re.fullmatch(r'#[0-9a-fA-F]{6}', v.strip())}
        if len(solid) < 3:
            fail(f'{name}: an app icon in full colour should use several colours, found {sorted(solid)}')

    with tempfile.TemporaryDirectory() as tmp:
        for px in (size, size * 2):
            out = os.path.join(tmp, f'{px}.png')
            r = subprocess.run([rsvg, '-w', str(px), '-h', str(px), '-o', out, path],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode != 0:
                fail(f'{name}: rsvg-convert failed at {px}px: {r.stdout.strip()}')
                continue
            if r.stdout.strip():
                fail(f'{name}: rsvg-convert warns at {px}px: {r.stdout.strip()}')
            got = png_size(out)
            if got != (px, px):
                fail(f'{name}: rendered at {px}px gives a PNG of size {got}')
    if len(problems) == before:
        print(f'ok: {name}')


def main():
    if len(sys.argv) != 4:
        print(__doc__ or 'usage: check-icons.py RSVG_CONVERT APP_ICON SYMBOLIC_ICON', file=sys.stderr)
        return 2
    rsvg, app_icon, symbolic_icon = sys.argv[1:]
    check(app_icon, 128, False, rsvg)
    check(symbolic_icon, 16, True, rsvg)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
