#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-install.py MESON BUILD_DIR SOURCE_ROOT APP_ID
#
# Installs the build into a temporary DESTDIR (`meson install --destdir
# --no-rebuild`) and fails unless everything a desktop needs lands where the
# desktop looks for it: both programs, the desktop entry, the AppStream
# metainfo, both icons, the GSettings schema, the MIME package and the
# Simplified Chinese catalogue; and nothing else goes into bin/, and no
# headers or static libraries are installed.
#
# bin/breakeven is required once src/app/main.c exists (the application is
# being written); until then its absence is reported, not failed.

import json
import os
import subprocess
import sys
import tempfile

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg, file=sys.stderr)


def main():
    if len(sys.argv) != 5:
        print('usage: check-install.py MESON BUILD_DIR SOURCE_ROOT APP_ID', file=sys.stderr)
        return 2
    meson, build_dir, source_root, app_id = sys.argv[1:]

    with open(os.path.join(build_dir, 'meson-info', 'intro-buildoptions.json')) as f:
        options = {o['name']: o['value'] for o in json.load(f)}
    prefix = options['prefix']
    bindir = options['bindir']
    datadir = options['datadir']
    localedir = options['localedir']

    have_app = os.path.exists(os.path.join(source_root, 'src', 'app', 'main.c'))
    programs = ['breakeven-cli'] + (['breakeven'] if have_app else [])

    expected = [os.path.join(bindir, p) for p in programs] + [
        os.path.join(datadir, 'applications', app_id + '.desktop'),
        os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'),
        os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
        os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'),
        os.path.join(datadir, 'glib-2.0', 'schemas', app_id + '.gschema.xml'),
        os.path.join(datadir, 'mime', 'packages', app_id + '.xml'),
        os.path.join(localedir, 'zh_CN', 'LC_MESSAGES', 'breakeven.mo'),
    ]

    with tempfile.TemporaryDirectory(prefix='install-layout.') as destdir:
        r = subprocess.run([meson, 'install', '-C', build_dir, '--destdir', destdir,
                            '--no-rebuild', '--quiet'],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            print(r.stdout, file=sys.stderr)
            fail(f'meson install exited with {r.returncode}')
            return 1

        root = destdir + prefix  # prefix is absolute
        for rel in expected:
            path = os.path.join(root, rel)
            if not os.path.isfile(path):
                fail(f'{prefix}/{rel} is not installed')
            elif os.path.getsize(path) == 0:
                fail(f'{prefix}/{rel} is empty')
            elif rel.startswith(bindir + os.sep) and not os.access(path, os.X_OK):
                fail(f'{prefix}/{rel} is not executable')
            else:
                print(f'ok: {prefix}/{rel}')
        if not have_app:
            print(f'note: {prefix}/{bindir}/breakeven is not checked until src/app/main.c exists')

        installed_bin = os.path.join(root, bindir)
        extra = sorted(set(os.listdir(installed_bin)) - set(programs)) \
            if os.path.isdir(installed_bin) else []
        for name in extra:
            if name == 'breakeven' and not have_app:
                continue
            fail(f'{prefix}/{bindir}/{name} is installed: only {", ".join(programs)} belong there')

        for dirpath, dirnames, filenames in os.walk(destdir):
            for name in filenames:
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                if name.endswith(('.a', '.h', '.pc')):
                    fail(f'{prefix}/{rel} is installed: the libraries are internal')

    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
