#!/usr/bin/python3
# screenshots.py
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the AppStream screenshots from the running app: fills a made-up
# session through the accessibility tree (reusing the end-to-end test's
# steps) and grabs the window at each view.  Run by screenshots.sh.
#   screenshots.py REFLECT-EXECUTABLE OUTPUT-DIR

import importlib.util
import os
import shutil
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'e2e', os.path.join(here, '..', 'tests', 'e2e', 'test-e2e.py'))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)


def grab(window_name, path, crop=None):
    time.sleep(1.0)  # let transitions and the countdown settle
    ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', f'^{window_name}$'],
                         capture_output=True, text=True).stdout.split()
    target = ids[0] if ids else 'root'
    # Without a window manager a dialog sits at the top left of the screen.
    extra = ['-crop', crop, '+repage'] if crop else []
    subprocess.run(['import', '-window', target, *extra, path], check=True)
    if shutil.which('optipng'):
        subprocess.run(['optipng', '-quiet', '-o2', path], check=False)
    print(f'wrote {path} ({os.path.getsize(path) // 1024} KB)')


def main():
    binary, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    app = e2e.launch(binary)
    main_window = e2e.frame(app, 'Reflect')
    e2e.create_session(app, main_window)
    e2e.add_people(main_window)
    e2e.assign_roles(main_window)
    grab('Reflect', os.path.join(out, 'people.png'))

    e2e.show_view(main_window, 'Facilitate')
    e2e.focus_window(main_window)
    e2e.key('space')
    e2e.key('ctrl+Right')
    e2e.key('ctrl+Right')
    time.sleep(8)  # past the “Moved to …” toast
    grab('Reflect', os.path.join(out, 'facilitate.png'))

    e2e.ask_question(main_window)
    grab('Reflect', os.path.join(out, 'questions.png'))

    e2e.write_record(main_window)
    e2e.press(main_window, e2e.labelled('Export'))
    item = e2e.find(app, None, lambda n: n.replace('_', '').startswith('Note for the Child'))
    e2e.click(item)
    e2e.find_window(app, lambda w: e2e.name_of(w).startswith('Note for the Child'), 10,
                    'export window')
    grab('-', os.path.join(out, 'child-record-note.png'), crop='760x760+0+0')
    e2e.key('Escape')

    e2e.app_proc.terminate()
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    finally:
        if e2e.app_proc is not None and e2e.app_proc.poll() is None:
            e2e.app_proc.terminate()
