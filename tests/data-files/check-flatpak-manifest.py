#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-flatpak-manifest.py MANIFEST BUILD_DIR SOURCE_ROOT APP_ID METAINFO DESKTOP
#
# Fails when the Flatpak manifest and what the build installs disagree:
#  - the manifest: app id, GNOME runtime >= 50 with its SDK, a command the
#    build installs, exactly the minimal sandbox (no file system access: files
#    are opened through the portal), the app built by Meson from the
#    repository itself, its tests run with the display-less option set, and
#    every -D option it passes known to this project;
#  - every library the build uses that the GNOME SDK does not ship (per
#    `meson introspect`'s dependency list) is built by a module of that name
#    (or that name with "lib" before it)
#    before the app, and every such module builds from a pinned source: git
#    with a tag and its full commit, or an archive with its sha256;
#  - what the manifest and the metainfo promise is installed (per `meson
#    introspect`'s installed list, relative to the prefix, which is /app in a
#    Flatpak): the command, the desktop entry the metainfo launches, the
#    metainfo, the icon the desktop entry names, every <binary> and the MIME
#    package defining every <mediatype>;
#  - every screenshot the metainfo lists exists in the repository at the path
#    its URL names, as a PNG.
#
# The program `breakeven` is required once src/app/main.c exists (the
# application is being written); until then its absence is reported, not
# failed.

import configparser
import json
import os
import sys
import xml.etree.ElementTree as ET

FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
RAW_BASE = 'https://raw.githubusercontent.com/breakeven/breakeven/main/'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
# What org.gnome.Sdk provides of what meson.build asks for.
SDK_DEPENDENCIES = {
    'glib-2.0', 'gobject-2.0', 'gio-2.0', 'sqlite3', 'json-glib-1.0', 'cairo', 'cairo-png',
    'cairo-svg', 'cairo-pdf', 'pangocairo', 'gtk4', 'libadwaita-1',
}

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg, file=sys.stderr)


def ok(msg):
    print('ok: ' + msg)


def main():
    if len(sys.argv) != 7:
        print('usage: check-flatpak-manifest.py MANIFEST BUILD_DIR SOURCE_ROOT APP_ID METAINFO DESKTOP',
              file=sys.stderr)
        return 2
    manifest_path, build_dir, source_root, app_id, metainfo_path, desktop_path = sys.argv[1:]
    have_app = os.path.exists(os.path.join(source_root, 'src', 'app', 'main.c'))

    # --- what the build installs, relative to the prefix -----------------

    info = os.path.join(build_dir, 'meson-info')
    with open(os.path.join(info, 'intro-buildoptions.json')) as f:
        options = {o['name']: o for o in json.load(f)}
    prefix = options['prefix']['value']
    bindir = options['bindir']['value']
    datadir = options['datadir']['value']
    with open(os.path.join(info, 'intro-installed.json')) as f:
        installed = {}  # path relative to the prefix -> file in the build or source tree
        for src, dest in json.load(f).items():
            installed[os.path.relpath(dest, prefix)] = src

    def require(rel, why, optional_until_app=False):
        if rel in installed:
            ok(f'{why}: /app/{rel}')
        elif optional_until_app and not have_app:
            print(f'note: {why}: /app/{rel} is not checked until src/app/main.c exists')
        else:
            fail(f'{why}: {prefix}/{rel} is not installed, so /app/{rel} would be missing')

    # --- the manifest -----------------------------------------------------

    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f'{manifest_path}: {e}')
        return 1

    if manifest.get('id', manifest.get('app-id')) != app_id:
        fail(f'the manifest\'s id is {manifest.get("id")!r}, the project\'s is {app_id!r}')
    if os.path.basename(manifest_path) != app_id + '.json':
        fail(f'the manifest is named {os.path.basename(manifest_path)}, expected {app_id}.json')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail(f'runtime/sdk are {manifest.get("runtime")}/{manifest.get("sdk")}, '
             'expected org.gnome.Platform/org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    if not version.isdigit() or int(version) < 50:
        fail(f'runtime-version is {version!r}, expected a stable GNOME runtime, 50 or newer')
    else:
        ok(f'{manifest.get("runtime")} {version}')

    command = manifest.get('command')
    if not command or '/' in command:
        fail(f'command is {command!r}, expected the name of a program in /app/bin')
    else:
        require(os.path.join(bindir, command), 'command', optional_until_app=(command == 'breakeven'))
        if command != 'breakeven':
            fail(f'command is {command!r}: the Flatpak launches the application, breakeven')

    finish_args = manifest.get('finish-args', [])
    if finish_args != FINISH_ARGS:
        fail(f'finish-args are {finish_args}, expected exactly {FINISH_ARGS} '
             '(documents are opened and saved through the file chooser portal)')
    else:
        ok('finish-args: ' + ' '.join(finish_args))

    modules = manifest.get('modules', [])
    app_module = modules[-1] if modules else {}
    if not isinstance(app_module, dict) or app_module.get('buildsystem') != 'meson':
        fail('the last module (the app) is not built with "buildsystem": "meson"')
        app_module = app_module if isinstance(app_module, dict) else {}
    sources = app_module.get('sources', [])
    if len(sources) != 1 or sources[0].get('type') != 'dir':
        fail(f'the app module\'s sources are {sources}, expected one "dir" source')
    else:
        src_dir = os.path.join(os.path.dirname(os.path.abspath(manifest_path)), sources[0].get('path', ''))
        if not os.path.isdir(src_dir) or not os.path.samefile(src_dir, source_root):
            fail(f'the dir source {sources[0].get("path")!r} is not the repository root')
        else:
            ok('the app is built from the repository root')

    # --- the modules the app needs ----------------------------------------

    with open(os.path.join(info, 'intro-dependencies.json')) as f:
        used = sorted({d['name'] for d in json.load(f)} - SDK_DEPENDENCIES)
    library_modules = {}
    for module in modules[:-1]:
        if not isinstance(module, dict) or not module.get('name') or module['name'] in library_modules:
            fail(f'a module before the app is not an object with a name of its own: {module}')
            continue
        library_modules[module['name']] = module
    for name in used:
        # A module is named after its project: "libxlsxwriter" builds the
        # dependency "xlsxwriter".
        if name in library_modules or 'lib' + name in library_modules:
            ok(f'{name}, which the GNOME SDK lacks, is built by a module')
        else:
            fail(f'the build uses {name}, which the GNOME SDK lacks, but no module builds it')
    for name, module in library_modules.items():
        if not module.get('buildsystem'):
            fail(f'module {name!r} names no "buildsystem"')
        module_sources = module.get('sources', [])
        if not module_sources:
            fail(f'module {name!r} has no sources')
        for source in module_sources:
            kind = source.get('type')
            commit = str(source.get('commit', ''))
            if kind == 'git':
                if not source.get('url') or not source.get('tag') \
                        or len(commit) != 40 or any(c not in '0123456789abcdef' for c in commit):
                    fail(f'module {name!r}: a git source needs a url, a tag and the tag\'s full commit, '
                         f'not {source}')
                else:
                    ok(f'module {name!r} builds {source["tag"]} at {commit}')
            elif kind in ('archive', 'file'):
                if not source.get('url') or len(str(source.get('sha256', ''))) != 64:
                    fail(f'module {name!r}: an {kind} source needs a url and its sha256, not {source}')
                else:
                    ok(f'module {name!r} builds {source["url"]}')
            else:
                fail(f'module {name!r}: a {kind!r} source is not pinned; use git with a tag and commit '
                     'or an archive with its sha256')

    config_opts = app_module.get('config-opts', [])
    for opt in config_opts:
        if opt.startswith('-D'):
            name = opt[2:].split('=', 1)[0]
            if name not in options:
                fail(f'config-opts passes {opt}, but the project has no option {name!r}')
    if '-Dwerror=false' not in config_opts:
        fail('config-opts lack -Dwerror=false: newer GTK deprecations must not break the Flatpak build')
    if app_module.get('run-tests') is True:
        ok('tests run during the build')
        if '-Dui_tests=false' not in config_opts:
            fail('run-tests is on, but config-opts lack -Dui_tests=false (the build has no display)')
    else:
        fail('the app module does not set "run-tests": true')

    # --- the desktop entry and the metainfo -------------------------------

    try:
        component = ET.parse(metainfo_path).getroot()
    except (OSError, ET.ParseError) as e:
        fail(f'{metainfo_path}: {e}')
        return 1
    if component.findtext('id') != app_id:
        fail(f'the metainfo\'s id is {component.findtext("id")!r}, expected {app_id!r}')
    require(os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'), 'metainfo')

    launchables = [l.text for l in component.findall('launchable') if l.get('type') == 'desktop-id']
    if launchables != [app_id + '.desktop']:
        fail(f'the metainfo launches {launchables}, expected [{app_id}.desktop]')
    for desktop_id in launchables:
        require(os.path.join(datadir, 'applications', desktop_id), 'launchable')

    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(desktop_path, encoding='utf-8')
    section = entry['Desktop Entry'] if entry.has_section('Desktop Entry') else {}
    icon = section.get('Icon', '')
    if icon != app_id:
        fail(f'the desktop entry\'s Icon is {icon!r}, expected {app_id!r}')
    require(os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'), 'icon')
    require(os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'),
            'symbolic icon')
    exec_line = section.get('Exec', '').split()
    if not exec_line or exec_line[0] != command:
        fail(f'the desktop entry runs {exec_line[:1]}, the Flatpak\'s command is {command!r}')

    provides = component.find('provides')
    binaries = [b.text for b in provides.findall('binary')] if provides is not None else []
    mediatypes = [m.text for m in provides.findall('mediatype')] if provides is not None else []
    if sorted(binaries) != ['breakeven', 'breakeven-cli']:
        fail(f'the metainfo provides the binaries {binaries}, expected breakeven and breakeven-cli')
    for binary in binaries:
        require(os.path.join(bindir, binary), f'<binary>{binary}',
                optional_until_app=(binary == 'breakeven'))

    desktop_types = [t for t in section.get('MimeType', '').split(';') if t]
    if sorted(desktop_types) != sorted(mediatypes):
        fail(f'the desktop entry opens {desktop_types}, the metainfo provides {mediatypes}')
    defined = set()
    mime_dir = os.path.join(datadir, 'mime', 'packages')
    for rel, src in installed.items():
        if os.path.dirname(rel) == mime_dir:
            try:
                root = ET.parse(src).getroot()
            except (OSError, ET.ParseError) as e:
                fail(f'{src}: {e}')
                continue
            defined |= {t.get('type') for t in root.iter(MIME_NS + 'mime-type')}
    for mediatype in mediatypes:
        if mediatype in defined:
            ok(f'<mediatype>{mediatype} is defined by an installed MIME package')
        else:
            fail(f'<mediatype>{mediatype}: no installed file in {mime_dir} defines it')

    # --- screenshots ------------------------------------------------------

    images = [i.text.strip() for s in component.iter('screenshot') for i in s.findall('image')]
    if not images:
        fail('the metainfo lists no screenshots')
    for url in images:
        if not url.startswith(RAW_BASE):
            fail(f'screenshot {url} is not served from the repository ({RAW_BASE})')
            continue
        rel = url[len(RAW_BASE):]
        path = os.path.join(source_root, *rel.split('/'))
        if not os.path.isfile(path):
            fail(f'screenshot {rel} does not exist (the metainfo links to {url})')
            continue
        with open(path, 'rb') as f:
            if f.read(8) != b'\x89PNG\r\n\x1a\n':
                fail(f'screenshot {rel} is not a PNG')
                continue
        ok(f'screenshot {rel}')

    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
