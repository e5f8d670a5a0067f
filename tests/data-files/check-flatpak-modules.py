#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-flatpak-modules.py FLATPAK_BUILDER MANIFEST
#
# Parses the Flatpak manifest the way flatpak-builder itself does
# (`flatpak-builder --show-manifest`, which fails on a manifest it cannot
# read) and fails unless every library Breakeven needs beyond the GNOME
# SDK is a module built before the app from its upstream release, pinned
# by tag and commit:
#  - libxlsxwriter (XLSX export): CMake, a git source from
#    github.com/jmcnamara/libxlsxwriter with a release tag and the
#    40-hex-digit commit of that tag, built as a shared library without
#    its tests and examples.

import json
import re
import subprocess
import sys

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg, file=sys.stderr)


def ok(msg):
    print('ok: ' + msg)


# name -> (repository URL, tag pattern, CMake options it must pass)
LIBRARIES = {
    'libxlsxwriter': ('https://github.com/jmcnamara/libxlsxwriter.git',
                      r'^(v|RELEASE_)\d+\.\d+\.\d+$',
                      ['-DBUILD_SHARED_LIBS=ON', '-DBUILD_TESTS=OFF', '-DBUILD_EXAMPLES=OFF']),
}


def main():
    if len(sys.argv) != 3:
        print('usage: check-flatpak-modules.py FLATPAK_BUILDER MANIFEST', file=sys.stderr)
        return 2
    builder, manifest_path = sys.argv[1:]

    run = subprocess.run([builder, '--show-manifest', manifest_path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        fail(f'flatpak-builder --show-manifest failed: {run.stderr.strip()}')
        return 1
    try:
        manifest = json.loads(run.stdout)
    except ValueError as e:
        fail(f'flatpak-builder printed no JSON: {e}')
        return 1
    ok('flatpak-builder reads the manifest')

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    if not names or names[-1] != 'breakeven':
        fail(f'the modules are {names}: the app, breakeven, must come last')

    for name, (url, tag_pattern, options) in LIBRARIES.items():
        if name not in names:
            fail(f'no module {name}')
            continue
        module = modules[names.index(name)]
        if module.get('buildsystem') not in ('cmake', 'cmake-ninja'):
            fail(f'{name} is built with {module.get("buildsystem")!r}, expected CMake')
        for opt in options:
            if opt not in module.get('config-opts', []):
                fail(f'{name} does not pass {opt}')
        sources = module.get('sources', [])
        if len(sources) != 1 or sources[0].get('type') != 'git':
            fail(f'{name}: expected one git source, got {sources}')
            continue
        source = sources[0]
        if source.get('url') != url:
            fail(f'{name} comes from {source.get("url")!r}, expected the upstream {url}')
        tag = source.get('tag', '')
        commit = source.get('commit', '')
        if not re.match(tag_pattern, tag):
            fail(f'{name}: tag {tag!r} is not a release tag')
        if not re.fullmatch(r'[0-9a-f]{40}', commit):
            fail(f'{name}: commit {commit!r} is not a full commit id (the tag must be pinned)')
        if 'branch' in source:
            fail(f'{name} follows a branch; pin a release tag and its commit')
        if not problems:
            ok(f'{name} {tag} at {commit}')

    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
