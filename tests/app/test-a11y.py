#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-a11y.py — the window as a screen reader reads it: every control has
# a name, and moving the cell cursor changes what the grid says
#
# Starts the built app on the sample in a private home, reads its AT-SPI
# tree as Orca would (pyatspi, over the session's accessibility bus), then
# sends real keys with xdotool.  TAP output.
#
#   test-a11y.py APP SCHEMA_DIR
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

# libatspi warns when a toolkit has no cache object (GTK 4 has none);
# the suite's fatal-warnings is for the app, not for the reader.  Set
# before GLib is loaded.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)

import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

APP, SCHEMA_DIR = sys.argv[1], sys.argv[2]

# The roles of things a user operates: each must have a name
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_TABLE, pyatspi.ROLE_IMAGE,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_SWITCH if hasattr(pyatspi, 'ROLE_SWITCH') else -1,
    pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_PAGE_TAB_LIST, pyatspi.ROLE_STATUS_BAR,
}

n_test = 0
failed = False


def ok(cond, what, detail=''):
    global n_test, failed
    n_test += 1
    print(f"{'ok' if cond else 'not ok'} {n_test} - {what}")
    if not cond:
        failed = True
        for line in str(detail).splitlines():
            print(f"# {line}")


def unnamed(name):
    # GTK 4.8 falls back to the type name when nothing names a widget
    return not name or name.startswith('Gtk') or name.startswith('Adw')


def walk(obj, path=(), named_parent=False):
    """Every object under @obj with its role, name and the roles above it.
    GTK 4.8 sets no SHOWING state on widgets: hidden stack pages are in
    the tree too (and named as well).  An icon inside a named control is
    decoration: the control's name is what a screen reader says."""
    try:
        role = obj.getRole()
        name = obj.name
    except Exception:
        return
    yield obj, role, name, path, named_parent
    named = named_parent or (role in CONTROL_ROLES and not unnamed(name))
    for child in obj:
        if child is not None:
            yield from walk(child, path + (obj.getRoleName(),), named)


def find_app(proc):
    pid = proc.pid
    for _ in range(150):
        if proc.poll() is not None:
            return None
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def focused_table(app):
    for obj, role, name, _, _ in walk(app):
        if role == pyatspi.ROLE_TABLE and obj.getState().contains(pyatspi.STATE_FOCUSED):
            return obj
    return None


def wait_for(predicate, seconds=10):
    """Waits, dispatching AT-SPI events, until @predicate is true."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        while context.iteration(False):
            pass
        time.sleep(0.05)
    return predicate()


def key(*names):
    """Real key presses, to the window with the focus."""
    subprocess.run(['xdotool', 'key', '--delay', '60', *names], check=True)


def hold_display():
    """An X server resets when its last client leaves, and refuses
    connections meanwhile: the accessibility bus launcher opens the display
    and leaves it just as the app starts.  Staying connected prevents that."""
    libx11 = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
    libx11.XOpenDisplay.restype = ctypes.c_void_p
    libx11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    return libx11.XOpenDisplay(None)


def main():
    display = hold_display()
    ok(display is not None, 'the test reaches the X display')
    # Start the accessibility bus (D-Bus activation) before the app
    pyatspi.Registry.getDesktop(0)
    home = tempfile.mkdtemp(prefix='test-a11y-home-')
    env = dict(os.environ, HOME=home, GSETTINGS_BACKEND='memory',
               GSETTINGS_SCHEMA_DIR=SCHEMA_DIR, GTK_A11Y='atspi', LC_ALL='C.UTF-8')
    env.pop('NO_AT_BRIDGE', None)
    if APP_G_DEBUG is not None:
        env['G_DEBUG'] = APP_G_DEBUG
    for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
        env[var] = os.path.join(home, var)
        os.makedirs(env[var])
    proc = subprocess.Popen([APP, '--sample'], env=env)
    try:
        app = find_app(proc)
        ok(app is not None, 'the app is on the accessibility bus')
        if app is None:
            return
        # The window and its first sheet are up
        table = wait_for(lambda: focused_table(app))

        missing = []
        wait_for(lambda: any(n.startswith('Chart options:') for _, r, n, _, _ in walk(app)
                             if r == pyatspi.ROLE_PUSH_BUTTON))
        for obj, role, name, path, inside_named in walk(app):
            if role == pyatspi.ROLE_IMAGE and inside_named:
                continue
            if role in CONTROL_ROLES and (unnamed(name) or '_' in name):
                missing.append(f"{obj.getRoleName()} {name!r} under {' > '.join(path[-4:])}")
        ok(not missing, 'every control has a name', '\n'.join(missing))

        buttons = {n for _, r, n, _, _ in walk(app) if r == pyatspi.ROLE_PUSH_BUTTON}
        wanted = ['Open', 'Recent Documents', 'New Workbook', 'Undo', 'Redo',
                  'Scenario', 'Import', 'Export', 'Main Menu']
        ok(all(name in buttons for name in wanted),
           'the header bar\'s buttons are found by their names',
           f"missing: {[n for n in wanted if n not in buttons]}")

        scenario = [o.description for o, r, n, _, _ in walk(app)
                    if r == pyatspi.ROLE_PUSH_BUTTON and n == 'Scenario']
        ok(scenario and scenario[0] == 'Base', 'the scenario menu says the scenario shown', scenario)

        chart_buttons = [n for n in buttons if n.startswith('Chart options: ')]
        ok(any('Capital expenditure by company' in n for n in chart_buttons),
           "a chart's menu button names its chart", chart_buttons)

        charts = {}
        for obj, role, name, _, _ in walk(app):
            if role == pyatspi.ROLE_IMAGE and name == 'Capital expenditure by company':
                charts[name] = obj
        chart = charts.get('Capital expenditure by company')
        chart_before = chart.description if chart is not None else ''
        ok(chart_before.startswith('Capital expenditure by company: Microsoft $28.1B in 2023 to ')
           and 'Highest: ' in chart_before and chart_before.endswith('Base'),
           'the CapEx chart says its values, its extremes and its scenario', chart_before)

        ok(table is not None and table.name == 'CapEx', 'the focused sheet is named after its table',
           table.name if table is not None else 'no focused table')
        if table is None:
            return
        first = table.description
        ok(first.startswith('Microsoft, 2023, CapEx: 28.10 US$ B. Note: '),
           'the grid says the row, the period, the table and the value with its unit', first)

        # What Orca listens to: the change events of the focused object
        events = []
        listener = Atspi.EventListener.new(
            lambda event: events.append(event.source.description) if event.source == table else None)
        listener.register('object:property-change:accessible-description')

        key('Down')
        second = wait_for(lambda: table.description != first and table.description)
        ok(second and second.startswith('Alphabet, 2023, CapEx: 32.30 US$ B'),
           'moving down, the grid says the next company', f"{first!r} then {second!r}")

        key('Right')
        third = wait_for(lambda: table.description != second and table.description)
        ok(third and third.startswith('Alphabet, 2024, CapEx: 52.50 US$ B'),
           'moving right, the grid says the next period', f"{second!r} then {third!r}")

        ok(wait_for(lambda: len(events) >= 2) and events[-1] == third,
           'each move is an event a screen reader hears', events)

        key('Delete')
        cleared = wait_for(lambda: table.description != third and table.description)
        ok(cleared and cleared.startswith('Alphabet, 2024, CapEx: empty'),
           'clearing the cell, the grid says it is empty', cleared)
        key('ctrl+z')
        back = wait_for(lambda: table.description != cleared and table.description)
        ok(back == third, 'undoing, the grid says the value again', back)

        # An edit that changes the chart: Microsoft 2023, typed
        key('Up', 'Left')
        wait_for(lambda: table.description.startswith('Microsoft, 2023'))
        key('3', '0', 'Return')
        chart_after = wait_for(lambda: chart.description != chart_before and chart.description)
        ok(chart_after and chart_after.startswith(
            'Capital expenditure by company: Microsoft $30B in 2023 to '),
           "the chart's description follows an edit", chart_after)
        listener.deregister('object:property-change:accessible-description')
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(home, ignore_errors=True)


main()
print(f"1..{n_test}")
sys.exit(1 if failed else 0)
