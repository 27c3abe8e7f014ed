#!/usr/bin/python3
# test-e2e.py
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real Reflect through the accessibility tree, as a screen-reader
# user or a keyboard-only facilitator would: create a Space to Think session,
# add people, assign roles, run all six stages with the keyboard, ask a
# question, write a note and an action, check the child-record note, restart
# and find the session again.  Controls are found by role and accessible
# name, so renaming or removing one makes this fail, naming the control.
# While the stages run it listens, as a screen reader does, for what it is
# told without a change of focus: each stage and its time left, and nothing
# on the clock's ticks (issue 9).
#
# Run by run-e2e.sh, inside dbus-run-session and Xvfb:
#   test-e2e.py /path/to/reflect

import os
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

TIMEOUT = 10.0
APP_NAME = 'reflect'
MAIN_TITLE = 'Reflect'
CASE_REF = 'E2E-4821'
PEOPLE = [
    # name, agency, job title
    ('Alex Morgan', 'Children’s Social Care', 'Social worker'),
    ('Priya Shah', 'Health visiting', 'Health visitor'),
    ('Tom Reilly', 'Education', 'Designated safeguarding lead'),
]
NOTE_TEXT = 'The group noticed the plan relies on one agency.'
ACTION_TEXT = 'Arrange a joint visit with health visiting'
PAD_TEXT = 'Attendance is up since September.'

skipped = []
app_proc = None


class E2EFailure(Exception):
    pass


def log(*args):
    print('#', *args, flush=True)


def fail(message):
    raise E2EFailure(message)


def skip(step, reason):
    skipped.append((step, reason))
    log(f'SKIP {step}: {reason}')


# ---------------------------------------------------------------- tree access

def is_visible(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def children(acc):
    try:
        return [c for c in acc if c is not None]
    except Exception:
        return []


def walk(root, visible_only=True):
    """Every descendant of @root, depth first, skipping hidden subtrees."""
    stack = [root]
    while stack:
        acc = stack.pop()
        yield acc
        kids = children(acc)
        if visible_only:
            kids = [k for k in kids if is_visible(k)]
        stack.extend(reversed(kids))


def name_of(acc):
    try:
        return acc.name or ''
    except Exception:
        return ''


def role_of(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return ''


def matches(acc, role, name):
    if isinstance(role, Roles):
        if role_of(acc) not in role:
            return False
    elif role is not None and role_of(acc) != role:
        return False
    n = name_of(acc)
    if name is None:
        return True
    if callable(name):
        return name(n)
    if isinstance(name, re.Pattern):
        return name.search(n) is not None
    return n == name


class Roles(tuple):
    pass


EDITABLE = Roles(('entry', 'text', 'password text'))


def labelled(text):
    """GTK 4.8 names a button with a mnemonic label “_Add Add”: match the
    visible text however it comes."""
    def match(name):
        plain = name.replace('_', '')
        return plain == text or plain == f'{text} {text}'
    match.__name__ = text
    return match


def find_all(root, role=None, name=None):
    return [a for a in walk(root) if matches(a, role, name)]


def describe(role, name):
    if callable(name) and not isinstance(name, re.Pattern):
        name = getattr(name, '__name__', 'matching')
    if isinstance(role, Roles):
        role = ' or '.join(role)
    if isinstance(name, re.Pattern):
        name = f'/{name.pattern}/'
    return f'{role or "any control"} named “{name}”'


def find(root, role, name, timeout=TIMEOUT, what=None):
    """Polls until a visible @role named @name shows under @root."""
    deadline = time.monotonic() + timeout
    while True:
        for acc in walk(root):
            if matches(acc, role, name):
                return acc
        if time.monotonic() > deadline:
            dump(root)
            fail(f'{what or "control"} not found: {describe(role, name)}')
        time.sleep(0.25)


def dump(root, depth=0, out=None):
    """Prints the visible tree under @root, to show what was there instead."""
    if depth == 0:
        print(f'--- visible accessibility tree under {role_of(root)} “{name_of(root)}”',
              file=sys.stderr)
    if depth > 60:
        return
    print('  ' * depth + f'{role_of(root)} “{name_of(root)}”', file=sys.stderr)
    for child in children(root):
        if is_visible(child):
            dump(child, depth + 1)


def wait_gone(root, role, name, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not find_all(root, role, name):
            return
        time.sleep(0.25)
    fail(f'still showing: {describe(role, name)}')


def find_app(timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if name_of(app) == APP_NAME:
                for frame in children(app):
                    if role_of(frame) == 'frame' and is_visible(frame):
                        return app
        time.sleep(0.25)
    fail('the application “reflect” did not show a window on the accessibility bus')


def frame(app, title, timeout=TIMEOUT):
    # GTK 4.8 gives a custom GtkWindow subclass the role “filler”.
    return find_window(app, lambda a: name_of(a) == title, timeout, f'window “{title}”')


def find_window(app, pred, timeout, what):
    deadline = time.monotonic() + timeout
    while True:
        for w in children(app):
            if is_visible(w) and pred(w):
                return w
        if time.monotonic() > deadline:
            names = [f'{role_of(w)} “{name_of(w)}”' for w in children(app)]
            fail(f'{what} not found; windows: {", ".join(names)}')
        time.sleep(0.25)


def click(acc, what=None):
    try:
        action = acc.queryAction()
    except NotImplementedError:
        action = None
    if action is None or action.nActions == 0:
        # A GtkMenuButton is a frame around the button that takes the click.
        for child in children(acc):
            if role_of(child) in ('push button', 'toggle button'):
                return click(child, what)
        fail(f'{what or name_of(acc)} offers no action')
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press', 'toggle'):
            action.doAction(i)
            return
    action.doAction(0)


def press(root, name, role='push button', timeout=TIMEOUT):
    button = find(root, role, name, timeout, 'button')
    click(button, name)
    return button


def set_text(acc, text):
    try:
        acc.queryEditableText().setTextContents(text)
    except NotImplementedError:
        fail(f'{role_of(acc)} “{name_of(acc)}” is not editable through AT-SPI')


def text_of(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except NotImplementedError:
        return name_of(acc)


def focus(acc):
    try:
        return acc.queryComponent().grabFocus()
    except Exception:
        return False  # GTK 4.8 does not implement grabFocus


# ------------------------------------------------------------------ keyboard

def xdotool(*args):
    subprocess.run(['xdotool', *args], check=False)


def key(combo):
    """Presses a key combination such as 'ctrl+Right' in the focused window.
    XTest through xdotool: the same events a keyboard makes."""
    subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)
    time.sleep(0.4)


# ---------------------------------------------------------------- a11y audit

AUDITED_ROLES = {'push button', 'toggle button', 'check box', 'entry', 'text', 'combo box',
                 'password text', 'spin button', 'radio button', 'menu item', 'switch',
                 'toggle button'}
# GTK 4.8 reports the type name when a widget has no accessible name.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Reflect)[A-Z][A-Za-z]*$')


def inside_adw_internal(acc):
    # libadwaita 1.2's toast has an unnamed close button of its own.
    parent = acc.parent
    return parent is not None and name_of(parent) == 'AdwToastWidget'


def inside_named_combo(acc):
    # The toggle inside a GtkDropDown is GTK's own, not ours to name; the
    # drop-down itself (the combo box) is what a screen reader announces.
    parent = acc.parent
    for _ in range(3):
        if parent is None:
            return False
        if role_of(parent) == 'combo box' and name_of(parent) and not TYPE_NAME.match(name_of(parent)):
            return True
        parent = parent.parent
    return False


def spoken_parts(acc):
    """What a screen reader reads out with @acc besides its name: the
    controls that label it (Orca speaks a labelled-by target's name before
    the control's own) and the images inside it."""
    parts = []
    try:
        for relation in acc.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                parts += [relation.getTarget(i) for i in range(relation.getNTargets())]
    except Exception:
        pass
    return parts + [c for c in children(acc) if role_of(c) in ('image', 'icon')]


# GTK 4.8 makes an icon button's image its label, unnamed, so that Orca said
# “GtkImage Show the stages push button” (src/ui/reflect-a11y.c).  Shown to
# fail against the app built without reflect_hide_button_icons(): “push
# button “Show the stages” is read with “GtkImage””, for each icon button.
def noise_of(acc):
    noise = []
    for part in spoken_parts(acc):
        name = name_of(part).strip()
        if TYPE_NAME.match(name) or (name == '' and role_of(part) in ('image', 'icon')):
            noise.append(name or f'an unnamed {role_of(part)}')
    return noise


# GTK 4.8 makes each GtkStackPage a panel named after its title, or after
# its type without one, and Orca says that name on the way into the page:
# “GtkStackPage panel.” before the focused control.  Shown to fail against
# the app without page titles: “panel “GtkStackPage” around push button
# “_New Session New Session””, once for each untitled page with controls.
PAGE_ROLES = ('panel', 'tab panel')
PAGE_TYPE_NAME = re.compile(r'^Gtk[A-Z]')


def unnamed_page_above(acc):
    p = acc.parent
    while p is not None:
        if role_of(p) in PAGE_ROLES and PAGE_TYPE_NAME.match(name_of(p)):
            return p
        p = p.parent
    return None


def audit(root, label):
    checked = 0
    unnamed = []
    pages_seen = []
    for acc in walk(root):
        role = role_of(acc)
        if role not in AUDITED_ROLES:
            continue
        if role == 'text' and not acc.getState().contains(pyatspi.STATE_EDITABLE):
            continue
        name = name_of(acc).strip()
        checked += 1
        if not inside_adw_internal(acc):
            for noise in noise_of(acc):
                unnamed.append(f'{role} “{name}” is read with “{noise}”')
        page = unnamed_page_above(acc)
        if page is not None and not any(page == seen for seen in pages_seen):
            pages_seen.append(page)
            unnamed.append(f'{role_of(page)} “{name_of(page)}” around {role} “{name}”')
        if name == '' or TYPE_NAME.match(name):
            if inside_named_combo(acc) or inside_adw_internal(acc):
                continue
            path = []
            p = acc.parent
            while p is not None and len(path) < 6:
                if name_of(p) and not TYPE_NAME.match(name_of(p)):
                    path.append(f'{role_of(p)} “{name_of(p)}”')
                p = p.parent
            unnamed.append(f'{role} “{name}” in {" < ".join(path) or "?"}')
            if os.environ.get('E2E_VERBOSE'):
                dump(acc.parent.parent)
    log(f'a11y audit of {label}: {checked} controls checked, {len(unnamed)} without a name')
    for u in unnamed:
        log(f'  unnamed: {u}')
    return [f'{label}: {u}' for u in unnamed]


# ------------------------------------------------------------ announcements

COUNTDOWN = re.compile(r'^\+?\d+:\d\d$')


class Announcements:
    """What a screen reader is told without a change of focus.  GTK 4.14
    sends object:announcement; GTK 4.8 has nothing like it, and Reflect
    names the active window instead, the one change Orca speaks that is not
    about the focused control (src/ui/reflect-announce.c): both count.  The
    countdown's own changes are counted apart, to show that the listener
    hears what happens every second."""

    def __init__(self):
        self.heard = []
        self.ticks = 0
        self.types = ('object:property-change:accessible-name', 'object:announcement')
        pyatspi.Registry.registerEventListener(self.on_event, *self.types)

    def close(self):
        # Nothing after the stages runs the main loop: unheard events would
        # only pile up.
        pyatspi.Registry.deregisterEventListener(self.on_event, *self.types)
        self.pump(0.3)

    def on_event(self, event):
        text = event.any_data if isinstance(event.any_data, str) else ''
        if event.type.startswith('object:announcement'):
            self.heard.append(text)
        elif role_of(event.source) == 'frame':
            self.heard.append(text)
        elif COUNTDOWN.match(text):
            self.ticks += 1

    def pump(self, seconds):
        """Lets events through for @seconds: they wait on the bus meanwhile."""
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while True:
            while context.iteration(False):
                pass
            if time.monotonic() >= deadline:
                return
            time.sleep(0.02)

    def drain(self):
        self.pump(0.3)
        self.heard.clear()
        self.ticks = 0

    def expect(self, pattern, what):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            self.pump(0.1)
            for text in self.heard:
                if pattern.search(text):
                    return text
        heard = '; '.join(f'“{t}”' for t in self.heard) or 'nothing'
        fail(f'a screen reader was not told {what} (/{pattern.pattern}/); it heard {heard}')

    def expect_quiet(self, seconds, what):
        """Nothing is announced for @seconds while the countdown runs."""
        self.drain()
        self.pump(seconds)
        if self.ticks < seconds - 1:
            fail(f'{what}: the listener heard the countdown change only {self.ticks} times '
                 f'in {seconds} s, so it cannot tell whether anything else was said')
        if self.heard:
            fail(f'{what}: a screen reader was told, with no change of stage: '
                 + '; '.join(f'“{t}”' for t in self.heard))


# Shown to fail, in a scratch worktree built against GTK 4.8: with
# announce_stage() returning early, “FAIL: a screen reader was not told the
# arrival in stage 2 and its time left (…); it heard nothing”; with
# announce_stage() also called from refresh_time(), on every tick, “FAIL:
# the clock running in stage 1: a screen reader was told, with no change of
# stage: “Stage 1 of 6, Offload: 4 minutes left”” (once: GTK sends a name
# only when it changes).
def stage_announcement(number, title):
    return re.compile(rf'^Stage {number} of {len(STAGES)}, {re.escape(title)}: '
                      r'(\d+ minutes? left|less than a minute left)$')


# --------------------------------------------------------------------- steps

def launch(binary):
    global app_proc
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    app_proc = subprocess.Popen([binary], env=env,
                                stderr=open(os.environ.get('E2E_APP_LOG', os.devnull), 'a'))
    app = find_app()
    log('application is up')
    return app


def quit_app(app, window):
    focus_window(window, MAIN_TITLE)
    key('ctrl+q')
    try:
        app_proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        fail('Ctrl+Q did not quit the application within 10 s')
    log('Ctrl+Q quit the application')


def focus_window(window, title=None):
    """Without a window manager under Xvfb, give the window X input focus so
    that key events reach it.  @title is the window's title where its
    accessible name may not be (the main window's says what was announced)."""
    title = title or name_of(window)
    xdotool('search', '--onlyvisible', '--name', f'^{re.escape(title)}$', 'windowfocus')
    time.sleep(0.3)


def create_session(app, main):
    press(main, 'New session')
    dialog = frame(app, 'New Session')
    entry = find(dialog, EDITABLE, 'Case reference', what='case reference entry')
    set_text(entry, CASE_REF)
    press(dialog, labelled('Create'))
    find(main, 'label', CASE_REF, what='header with the case reference')
    log(f'session {CASE_REF} created')
    return dialog


def show_view(main, title):
    # The view switcher's buttons carry the view's title.
    button = find(main, 'page tab', title, what=f'{title} view switch')
    click(button, title)
    time.sleep(0.5)


def add_people(main):
    show_view(main, 'People')
    for person, agency, job in PEOPLE:
        name_entry = find(main, EDITABLE, 'Name of the person to add', what='name entry')
        set_text(name_entry, person)
        agency_entry = find(main, EDITABLE, 'Agency of the person to add', what='agency entry')
        set_text(agency_entry, agency)
        job_entry = find(main, EDITABLE, 'Job title of the person to add', what='job title entry')
        set_text(job_entry, job)
        press(main, labelled('Add'))
        find(main, EDITABLE, f'Name of {person}', what=f'row of {person}')
        log(f'added {person} ({agency})')


def assign_roles(main):
    facilitator, presenter = PEOPLE[0][0], PEOPLE[1][0]
    for person, role in ((facilitator, 'Facilitator'), (presenter, 'Case Presenter')):
        # Each row's role buttons sit in a group named “Role of NAME”.
        group = find(main, None, f'Role of {person}', what=f'role buttons of {person}')
        toggle = None
        for acc in walk(group):
            # GTK 4.8 exposes a toggle button as a push button with “pressed”.
            if (role_of(acc) in ('toggle button', 'push button')
                    and name_of(acc).replace('_', '') == role):
                toggle = acc
                break
        if toggle is None:
            dump(group)
            fail(f'button named “{role}” not found in “Role of {person}”')
        click(toggle, role)
        deadline = time.monotonic() + TIMEOUT
        while not (toggle.getState().contains(pyatspi.STATE_CHECKED)
                   or toggle.getState().contains(pyatspi.STATE_PRESSED)):
            if time.monotonic() > deadline:
                fail(f'{person} did not become {role}')
            time.sleep(0.2)
        log(f'{person} is {role}')


STAGES = ['Offload', 'Checking of facts', 'Group exploration', 'Sharing of strengths',
          'Purposeful reflection', 'Summary and next steps']


PAUSE = re.compile(r'^_?Pause')
START = re.compile(r'^_?(Start|Resume)( |$)')


def clock_button(main, pattern, what):
    # The Start/Pause button under the countdown, named after what it does next.
    return find(main, 'push button', pattern, what=what)


def run_stages(main):
    show_view(main, 'Facilitate')
    focus_window(main, MAIN_TITLE)
    heard = Announcements()
    try:
        run_stages_heard(main, heard)
    finally:
        heard.close()
    find(main, 'list item', re.compile(r'^Offload, .*done'), what='timeline entry “Offload … done”')
    log('ran all six stages from the keyboard')


def run_stages_heard(main, heard):
    moved_with = None
    for i, stage in enumerate(STAGES):
        find(main, 'label', stage, what=f'stage {i + 1} title “{stage}”')
        find(main, 'label', re.compile(rf'\b{i + 1} of {len(STAGES)}\b'),
             what=f'“Stage {i + 1} of {len(STAGES)}” label')
        if i == 0:
            clock_button(main, START, 'Start button before the first stage')
            key('space')
            clock_button(main, PAUSE, 'Pause button after Space started the clock')
            log(f'stage 1 “{stage}”: Space started the clock')
            heard.expect_quiet(3, 'the clock running in stage 1')
            log(f'the countdown changed {heard.ticks} times in 3 s; nothing was announced')
        else:
            said = heard.expect(stage_announcement(i + 1, stage),
                                f'the arrival in stage {i + 1} and its time left')
            # The clock runs on into the next stage.
            clock_button(main, PAUSE, f'Pause button in stage {i + 1} (clock running on)')
            log(f'stage {i + 1} “{stage}”: reached with {moved_with}, clock running; '
                f'a screen reader heard “{said}”')
        if i == 2:
            key('space')
            clock_button(main, START, 'Start/Resume button after Space paused the clock')
            key('space')
            clock_button(main, PAUSE, 'Pause button after Space resumed the clock')
            log('Space paused and resumed the clock')
        if i + 1 < len(STAGES):
            if STAGES[i] == 'Purposeful reflection':
                # Taking notes, the Case Presenter moves on without leaving
                # the note pad, where Ctrl+Right moves by a word; the
                # announcement of stage 6 shows that Ctrl+Page Down worked.
                type_in_note_pad(main)
                moved_with = 'ctrl+Page_Down'
            else:
                moved_with = 'ctrl+Right'
            heard.drain()
            key(moved_with)


def type_in_note_pad(main):
    """Goes to the note pad with its shortcut and types into it."""
    pad = find(main, EDITABLE, 'Notes for this stage', what='note pad “Notes for this stage”')
    key('ctrl+shift+n')
    deadline = time.monotonic() + TIMEOUT
    while not pad.getState().contains(pyatspi.STATE_FOCUSED):
        if time.monotonic() > deadline:
            fail('Ctrl+Shift+N did not put the cursor in the note pad')
        time.sleep(0.25)
    xdotool('type', '--delay', '20', PAD_TEXT)
    while PAD_TEXT not in text_of(pad):
        if time.monotonic() > deadline:
            fail(f'the note pad does not hold what was typed: “{text_of(pad)}”')
        time.sleep(0.25)
    log('Ctrl+Shift+N put the cursor in the note pad; typed a note there')


def ask_question(main):
    show_view(main, 'Questions')
    search = find(main, EDITABLE, 'Search all questions', what='question search entry')
    set_text(search, 'alternatives')
    ask = find(main, 'push button', re.compile(r'^Ask question: .*alternatives'),
               what='Ask button of “What alternatives were there?”')
    click(ask, 'Ask')
    asked = find(main, None, 'Questions asked in this session', what='asked log')
    deadline = time.monotonic() + TIMEOUT
    while not any('alternatives' in name_of(a) or 'alternatives' in text_of(a)
                  for a in walk(asked) if role_of(a) in ('label', 'list item', 'text')):
        if time.monotonic() > deadline:
            fail('the asked question did not appear under “Questions asked in this session”')
        time.sleep(0.25)
    log('asked “What alternatives were there?”; it is in the asked log')


def write_record(main):
    show_view(main, 'Record')
    note = find(main, EDITABLE, re.compile('Offload'), what='note field for Offload')
    set_text(note, NOTE_TEXT + ' ' + PEOPLE[2][0] + ' will follow up.')
    press(main, labelled('Add Action'))
    action = find(main, EDITABLE, re.compile('^(What will be done|Action)', re.I),
                  what='text field of the new action')
    set_text(action, ACTION_TEXT)
    time.sleep(1.5)  # edits are saved as you type, after a short pause
    log('wrote a stage note and an action')


def check_child_record_note(app, main):
    press(main, labelled('Export'))
    item = find(app, None, lambda n: n.replace('_', '').startswith('Note for the Child'),
                what='“Note for the Child’s Record…” menu item')
    click(item)
    dialog = find_window(app, lambda w: name_of(w).startswith('Note for the Child'),
                         TIMEOUT, 'export window “Note for the Child’s Record”')
    preview = find(dialog, None, 'What will go out', what='export preview')
    texts = [text_of(a) for a in walk(preview) if role_of(a) in ('text', 'label')]
    body = '\n'.join([text_of(preview)] + texts)
    problems = []
    for wanted in ('Space to Think', 'Health visiting', 'Education', ACTION_TEXT):
        if wanted not in body:
            problems.append(f'does not mention “{wanted}”')
    for person, _, _ in PEOPLE:
        if person in body:
            problems.append(f'names {person}')
    if not re.search(r'\b20\d\d\b', body):
        problems.append('has no date')
    if problems:
        fail('child-record note ' + '; '.join(problems) + ':\n' + body)
    log('child-record note: date, model, agencies and action present, no names')
    save_to_file(app, dialog, body)
    focus_window(dialog)
    key('Escape')
    return dialog


def save_to_file(app, dialog, preview):
    """Ctrl+S in the export window, then the file chooser (GTK's own, as
    run-e2e.sh turns portals off), then check what was written."""
    path = os.path.join(os.environ.get('XDG_DATA_HOME', '/tmp'), f'{CASE_REF}-note.txt')
    focus_window(dialog)
    key('ctrl+s')
    try:
        chooser = find_window(app, lambda w: 'Save' in name_of(w), TIMEOUT, 'save dialog')
        name = find(chooser, EDITABLE, re.compile('^Name:?$'),
                    what='file name entry of the save dialog')
    except E2EFailure as e:
        skip('save the note to a file', f'the file chooser could not be driven: {e}')
        key('Escape')
        return
    set_text(name, path)
    press(chooser, labelled('Save'))
    deadline = time.monotonic() + TIMEOUT
    while not (os.path.exists(path) and os.path.getsize(path) > 0):
        if time.monotonic() > deadline:
            fail(f'the note was not saved to {path}')
        time.sleep(0.25)
    with open(path, encoding='utf-8') as f:
        saved = f.read()
    problems = [w for w in ('Space to Think', 'Health visiting', 'Education', ACTION_TEXT)
                if w not in saved]
    problems += [p for p, _, _ in PEOPLE if p in saved]
    if problems:
        fail(f'saved note {path} is wrong about: {", ".join(problems)}\n{saved}')
    log(f'saved the child-record note to a file; it has the agencies and action, no names')


def find_session_after_restart(binary):
    app = launch(binary)
    main = frame(app, 'Reflect')
    find(main, None, lambda n: CASE_REF in n, what=f'row for case {CASE_REF} in the list')
    log(f'after a restart the list shows case {CASE_REF}')
    return app, main


def main():
    if len(sys.argv) != 2:
        print('usage: test-e2e.py REFLECT-EXECUTABLE', file=sys.stderr)
        return 2
    binary = sys.argv[1]
    problems = []

    app = launch(binary)
    main_window = frame(app, 'Reflect')
    problems += audit(main_window, 'Sessions')

    dialog = create_session(app, main_window)
    del dialog

    add_people(main_window)
    problems += audit(main_window, 'People')
    assign_roles(main_window)

    run_stages(main_window)
    problems += audit(main_window, 'Facilitate')

    ask_question(main_window)
    problems += audit(main_window, 'Questions')

    write_record(main_window)
    problems += audit(main_window, 'Record')

    check_child_record_note(app, main_window)

    quit_app(app, main_window)
    app2, main2 = find_session_after_restart(binary)
    quit_app(app2, main2)

    for step, reason in skipped:
        print(f'skipped: {step} ({reason})')
    if problems:
        print('Unnamed controls:\n  ' + '\n  '.join(problems))
        return 1
    print('e2e: all steps passed')
    return 0


if __name__ == '__main__':
    try:
        rc = main()
    except E2EFailure as e:
        print(f'FAIL: {e}', file=sys.stderr)
        rc = 1
    finally:
        if app_proc is not None and app_proc.poll() is None:
            app_proc.terminate()
            try:
                app_proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app_proc.kill()
    sys.exit(rc)
