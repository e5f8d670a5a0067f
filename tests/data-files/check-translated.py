#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translated.py LINGUAS DOMAIN PO_BUILD_DIR DESKTOP METAINFO MIME GSCHEMA
#
# Fails unless, for every language in po/LINGUAS, the installed data files
# speak it: the desktop entry (GenericName, Comment, Keywords), the AppStream
# metainfo (summary, every paragraph and list item of the description and of
# the release notes, every screenshot caption) and the MIME type's comment
# carry a translation merged from po/, and the GSettings schema names the
# gettext domain whose compiled catalogue translates every summary and
# description.
#
# Which strings are translatable is read from the merged files themselves,
# so nothing here needs updating when the texts change.

import configparser
import gettext
import os
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg, file=sys.stderr)


def untranslated_siblings(parent, tag, lang):
    """Elements <tag> in parent without xml:lang, whose translation is missing."""
    plain = [e for e in parent.findall(tag) if e.get(XML_LANG) is None]
    local = [e for e in parent.findall(tag) if e.get(XML_LANG) == lang]
    return plain, local


def check_desktop(path, lang):
    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(path, encoding='utf-8')
    section = entry['Desktop Entry']
    for key in ('GenericName', 'Comment', 'Keywords'):
        if key not in section:
            continue
        value = section.get(f'{key}[{lang}]')
        if not value:
            fail(f'{os.path.basename(path)}: no {key}[{lang}]')
        elif key == 'Keywords' and not value.endswith(';'):
            fail(f'{os.path.basename(path)}: Keywords[{lang}] does not end with ";"')
        else:
            print(f'ok: {key}[{lang}]={value}')


def check_metainfo(path, lang):
    root = ET.parse(path).getroot()
    blocks = [(root, ('summary',))]
    blocks += [(d, ('p',)) for d in root.iter('description')]
    blocks += [(u, ('li',)) for d in root.iter('description') for u in d.iter('ul')]
    blocks += [(u, ('li',)) for d in root.iter('description') for u in d.iter('ol')]
    blocks += [(s, ('caption',)) for s in root.iter('screenshot')]
    n = 0
    for parent, tags in blocks:
        for tag in tags:
            plain, local = untranslated_siblings(parent, tag, lang)
            if len(local) < len(plain):
                for e in plain:
                    text = ' '.join(''.join(e.itertext()).split())
                    fail(f'{os.path.basename(path)}: <{tag}> has no {lang} translation '
                         f'(one of: “{text[:60]}”)')
                    break
            n += len(local)
    if n:
        print(f'ok: metainfo: {n} {lang} elements')


def check_mime(path, lang):
    root = ET.parse(path).getroot()
    for mime_type in root.iter(MIME_NS + 'mime-type'):
        plain, local = untranslated_siblings(mime_type, MIME_NS + 'comment', lang)
        if plain and not local:
            fail(f'{os.path.basename(path)}: {mime_type.get("type")} has no {lang} comment')
        for e in local:
            print(f'ok: {mime_type.get("type")}: {lang} comment “{e.text}”')


def check_schema(path, domain, po_build_dir, lang):
    root = ET.parse(path).getroot()
    if root.get('gettext-domain') != domain:
        fail(f'{os.path.basename(path)}: <schemalist gettext-domain> is '
             f'{root.get("gettext-domain")!r}, expected {domain!r}')
    mo = os.path.join(po_build_dir, lang, 'LC_MESSAGES', domain + '.mo')
    try:
        with open(mo, 'rb') as f:
            catalogue = gettext.GNUTranslations(f)
    except OSError as e:
        fail(f'{mo}: {e}')
        return
    n = 0
    for key in root.iter('key'):
        for tag in ('summary', 'description'):
            text = key.findtext(tag)
            if text is None:
                fail(f'{os.path.basename(path)}: key {key.get("name")} has no <{tag}>')
                continue
            # glib-compile-schemas and GSettings collapse white space the same way
            text = ' '.join(text.split())
            if catalogue.gettext(text) == text:
                fail(f'{os.path.basename(path)}: the {lang} catalogue does not translate '
                     f'{key.get("name")}\'s {tag} “{text}”')
            else:
                n += 1
    print(f'ok: schema: {n} {lang} summaries and descriptions')


def main():
    if len(sys.argv) != 8:
        print('usage: check-translated.py LINGUAS DOMAIN PO_BUILD_DIR DESKTOP METAINFO MIME GSCHEMA',
              file=sys.stderr)
        return 2
    linguas, domain, po_build_dir, desktop, metainfo, mime, gschema = sys.argv[1:]
    with open(linguas, encoding='utf-8') as f:
        langs = [w for line in f for w in line.split('#', 1)[0].split()]
    if not langs:
        fail(f'{linguas} lists no language')
    for lang in langs:
        check_desktop(desktop, lang)
        check_metainfo(metainfo, lang)
        check_mime(mime, lang)
        check_schema(gschema, domain, po_build_dir, lang)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
