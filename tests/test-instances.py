#!/usr/bin/env python3
# test-instances.py REFLECT-EXECUTABLE SCHEMA-DIR
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 8, point 7 (Concurrency): "Two instances started at once: the second
# hands over to the first (GApplication uniqueness), never two writers; if the
# lock is held by a dead process, the app recovers."
#
# Runs the real app, on a fresh data folder:
#  1. instance A starts, owns the app id on the session bus and opens
#     reflect.db;
#  2. instance B starts with the same environment: it must hand over to A and
#     exit 0 by itself, never opening reflect.db, while A keeps running and
#     keeps the name; only A has reflect.db open;
#  3. A is killed with SIGKILL, then an SQLite writer takes the database's
#     write lock (checked: a second writer is refused) and is SIGKILLed too;
#     instance C starts: it must own the name, keep running and open the same
#     reflect.db, without moving it aside and without a store error;
#  4. C is asked to quit through its "quit" action over D-Bus; it must exit 0,
#     and the database must pass PRAGMA integrity_check, with the dead
#     writer's uncommitted change rolled back.
#
# Run by run-instances.sh, inside dbus-run-session and Xvfb, so it never hands
# over to a Reflect the person running the tests has open.  Output is TAP.
#
# Shown to fail: built with G_APPLICATION_NON_UNIQUE added to the flags in
# reflect_application_new(), every step fails, step 2 with
#   not ok 2 - ...: B did not exit within 15 s (it runs as a second
#   instance); B opened reflect.db while A had it open: two writers;
#   reflect.db is open in pids [A, B], not only A; ... owned by nobody
# (and step 1: "A has the database open but ... is owned by nobody").
# SIGTERM is no way to quit: the app does not catch it and dies of it.

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_ID = 'io.github.reflect_practice.Reflect'
START_TIMEOUT = float(os.environ.get('REFLECT_TEST_START_TIMEOUT', '30'))
HANDOVER_TIMEOUT = 15.0
QUIT_TIMEOUT = 15.0
POLL = 0.05

children = []          # every process this test started, to end on failure
test_number = 0


class Failure(Exception):
    pass


def log(*args):
    print('#', *args, flush=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


# ------------------------------------------------------------------ helpers

def bus_call(method, *args):
    """Calls a method of the bus itself; returns gdbus's answer or None."""
    result = subprocess.run(
        ['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus',
         '--object-path', '/org/freedesktop/DBus',
         '--method', 'org.freedesktop.DBus.' + method, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=10)
    return result.stdout.strip() if result.returncode == 0 else None


def owner_name(pid):
    return 'nobody' if pid is None else f'pid {pid}'


def name_owner_pid():
    """The pid of the process owning the app id on the bus, or None."""
    if bus_call('NameHasOwner', APP_ID) != '(true,)':
        return None
    answer = bus_call('GetConnectionUnixProcessID', APP_ID)
    if answer is None:          # the owner went away between the two calls
        return None
    # "(uint32 1234,)"
    return int(answer.strip('(),').split()[-1])


def pids_with_open(path):
    """Every pid that has @path open, found through /proc/*/fd."""
    target = os.path.realpath(path)
    pids = set()
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        fd_dir = f'/proc/{entry}/fd'
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f'{fd_dir}/{fd}') == target:
                    pids.add(int(entry))
                    break
            except OSError:
                continue
    return pids


def has_open(pid, path):
    target = os.path.realpath(path)
    try:
        fds = os.listdir(f'/proc/{pid}/fd')
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f'/proc/{pid}/fd/{fd}') == target:
                return True
        except OSError:
            continue
    return False


def wait_for(what, predicate, timeout, proc=None):
    """Polls @predicate until it is true; fails naming @what after @timeout,
    or as soon as @proc exits."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            raise Failure(f'{proc.label} exited with status {proc.returncode} '
                          f'while waiting for: {what}')
        if time.monotonic() > deadline:
            raise Failure(f'timed out after {timeout:.0f} s waiting for: {what}')
        time.sleep(POLL)


def start(label, argv, env, logs):
    log_path = os.path.join(logs, label + '.log')
    with open(log_path, 'w') as stderr:
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                stdout=stderr, stderr=subprocess.STDOUT)
    proc.label = label
    proc.log_path = log_path
    children.append(proc)
    log(f'started {label}, pid {proc.pid}')
    return proc


def kill(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()


def app_log(proc):
    try:
        with open(proc.log_path) as f:
            return f.read()
    except OSError:
        return ''


def moved_aside(data_dir):
    try:
        return sorted(n for n in os.listdir(data_dir) if '.unreadable-' in n)
    except OSError:
        return []


def sqlite(db, *sql, check_ok=True):
    result = subprocess.run(['sqlite3', '-batch', db, *sql],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=30)
    if check_ok and result.returncode != 0:
        raise Failure(f'sqlite3 {" ".join(sql)} failed: {result.stderr.strip()}')
    return result


def step(description, function):
    """Runs one step; returns False if it failed.  Later steps still run,
    so that one broken promise does not hide the others."""
    global test_number
    test_number += 1
    log(f'--- step {test_number}: {description}')
    try:
        function()
    except Failure as e:
        print(f'not ok {test_number} - {description}: {e}', flush=True)
        return False
    print(f'ok {test_number} - {description}', flush=True)
    return True


# -------------------------------------------------------------------- steps

def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} REFLECT-EXECUTABLE SCHEMA-DIR', file=sys.stderr)
        return 2
    app = os.path.abspath(sys.argv[1])
    schemas = os.path.abspath(sys.argv[2])

    if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ or 'DISPLAY' not in os.environ:
        print('Bail out! run this under dbus-run-session and xvfb-run (see run-instances.sh)')
        return 1

    tmp = tempfile.mkdtemp(prefix='reflect-instances-')
    data_dir = os.path.join(tmp, 'data', 'reflect')
    db = os.path.join(data_dir, 'reflect.db')
    logs = os.path.join(tmp, 'logs')
    os.makedirs(logs)

    env = dict(os.environ)
    env.pop('WAYLAND_DISPLAY', None)
    env.update({
        'XDG_DATA_HOME': os.path.join(tmp, 'data'),
        'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
        'XDG_CACHE_HOME': os.path.join(tmp, 'cache'),
        'XDG_STATE_HOME': os.path.join(tmp, 'state'),
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': schemas,
        'GSK_RENDERER': 'cairo',
        'GTK_USE_PORTAL': '0',
        'NO_AT_BRIDGE': '1',
        'GTK_A11Y': 'none',
        'GDK_BACKEND': 'x11',
        # A SIGKILLed process has no chance to free anything: leaks are
        # not what this test is about.
        'ASAN_OPTIONS': 'detect_leaks=0:abort_on_error=1',
    })

    state = {}
    print('1..4', flush=True)
    status = 0
    show_logs = True    # until every step has passed
    try:
        def first_instance():
            log(f'data folder {data_dir}')
            check(name_owner_pid() is None, f'{APP_ID} is already owned on this bus')
            a = state['a'] = start('A', [app], env, logs)
            wait_for(f'{db} to exist', lambda: os.path.exists(db), START_TIMEOUT, a)
            wait_for(f'A to have {db} open', lambda: has_open(a.pid, db), START_TIMEOUT, a)
            log(f'A has {db} open')
            # GApplication takes the name before it activates, and the
            # database is opened on activation: the name is owned by now.
            owner = name_owner_pid()
            check(owner == a.pid, f'A has the database open but {APP_ID} is owned by '
                                  f'{owner_name(owner)}, not A (pid {a.pid}): A is not unique')
            log(f'A (pid {a.pid}) owns {APP_ID}')

        def second_instance():
            a = state.get('a')
            check(a is not None and a.poll() is None, 'A is not running')
            b = start('B', [app], env, logs)
            b_opened = False
            deadline = time.monotonic() + HANDOVER_TIMEOUT
            while b.poll() is None and time.monotonic() < deadline:
                if has_open(b.pid, db):
                    b_opened = True
                time.sleep(POLL)
            problems = []
            # Who has the database open, taken while B may still run.
            holders = pids_with_open(db)
            if b.poll() is None:
                problems.append(f'B did not exit within {HANDOVER_TIMEOUT:.0f} s '
                                '(it runs as a second instance)')
            if b_opened:
                problems.append('B opened reflect.db while A had it open: two writers')
            if holders != {a.pid}:
                problems.append(f'reflect.db is open in pids {sorted(holders)}, '
                                f'not only A (pid {a.pid})')
            else:
                log(f'only A (pid {a.pid}) has reflect.db open')
            if b.poll() is None:
                kill(b)
            elif b.returncode != 0:
                problems.append(f'B exited with status {b.returncode}, not 0')
            else:
                log('B exited with status 0 by itself: it handed over to A')
            if a.poll() is not None:
                problems.append(f'A exited (status {a.returncode}) when B started')
            owner = name_owner_pid()
            if owner != a.pid:
                problems.append(f'{APP_ID} is owned by {owner_name(owner)}, not A (pid {a.pid})')
            else:
                log(f'A still runs and still owns {APP_ID}')
            check(not problems, '; '.join(problems))

        def dead_holders():
            a = state.get('a')
            check(a is not None and os.path.exists(db), 'A never created the database')
            kill(a)
            log(f'A killed with SIGKILL (status {a.returncode})')
            wait_for(f'{APP_ID} to be released', lambda: name_owner_pid() is None, 10)

            # A writer that dies holding the write lock, in the middle of
            # a transaction.
            held = os.path.join(tmp, 'writer-holds-lock')
            writer_log = os.path.join(logs, 'writer.log')
            with open(writer_log, 'w') as out:
                writer = subprocess.Popen(['sqlite3', '-batch', db], env=env,
                                          stdin=subprocess.PIPE, stdout=out,
                                          stderr=subprocess.STDOUT, text=True)
            writer.log_path = writer_log
            writer.label = 'the SQLite writer'
            children.append(writer)
            writer.stdin.write('BEGIN IMMEDIATE;\n'
                               'CREATE TABLE dead_writer_test (x);\n'
                               'INSERT INTO dead_writer_test VALUES (1);\n'
                               f".system touch '{held}'\n")
            writer.stdin.flush()
            wait_for('the SQLite writer to hold the write lock',
                     lambda: os.path.exists(held), 10, writer)
            refused = sqlite(db, '.timeout 0', 'BEGIN IMMEDIATE;', check_ok=False)
            check(refused.returncode != 0 and 'locked' in refused.stderr,
                  'a second writer was not refused while the SQLite writer held the lock: '
                  + refused.stderr.strip())
            log('the SQLite writer holds the write lock (a second writer is refused)')
            writer.send_signal(signal.SIGKILL)
            writer.wait()
            log('the SQLite writer killed with SIGKILL, holding the lock')

            c = state['c'] = start('C', [app], env, logs)
            wait_for(f'C to have {db} open', lambda: has_open(c.pid, db), START_TIMEOUT, c)
            log(f'C has {db} open')
            owner = name_owner_pid()
            check(owner == c.pid, f'{APP_ID} is owned by {owner_name(owner)}, not C (pid {c.pid})')
            log(f'C (pid {c.pid}) owns {APP_ID}')
            # Past the 2 s housekeeping (daily backup), so a store that is
            # not really usable shows up as a warning or an exit.
            time.sleep(3)
            check(c.poll() is None, f'C exited with status {c.returncode}')
            check(has_open(c.pid, db), 'C no longer has reflect.db open')
            check(pids_with_open(db) == {c.pid},
                  f'reflect.db is open in pids {sorted(pids_with_open(db))}, not only C')
            aside = moved_aside(data_dir)
            check(not aside, f'the database was moved aside: {aside}')
            log('C runs, nothing was moved aside')
            text = app_log(c)
            bad = [line for line in text.splitlines()
                   if ('reflect-' in line and 'WARNING' in line) or 'CRITICAL' in line]
            check(not bad, 'C logged: ' + ' | '.join(bad))
            log('C logged no warning from Reflect')

        def quit_cleanly():
            c = state.get('c')
            check(c is not None and c.poll() is None, 'C is not running')
            result = subprocess.run(['gapplication', 'action', APP_ID, 'quit'],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True, timeout=30)
            check(result.returncode == 0,
                  f'gapplication action {APP_ID} quit failed: {result.stdout.strip()}')
            try:
                c.wait(timeout=QUIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                raise Failure(f'C did not quit within {QUIT_TIMEOUT:.0f} s of app.quit')
            check(c.returncode == 0, f'C exited with status {c.returncode}, not 0')
            log('C quit with status 0')
            check(pids_with_open(db) == set(), 'reflect.db is still open after C quit')
            integrity = sqlite(db, 'PRAGMA integrity_check;').stdout.strip()
            check(integrity == 'ok', f'PRAGMA integrity_check says: {integrity}')
            log('PRAGMA integrity_check: ok')
            leftover = sqlite(db, "SELECT count(*) FROM sqlite_master "
                                  "WHERE name = 'dead_writer_test';").stdout.strip()
            check(leftover == '0', "the dead writer's uncommitted table is in the database")
            log("the dead writer's uncommitted change was rolled back")
            version = sqlite(db, 'PRAGMA user_version;').stdout.strip()
            check(version.isdigit() and int(version) > 0,
                  f'the database has no Reflect schema (user_version {version})')
            log(f'the database keeps its schema (user_version {version})')
            check(not moved_aside(data_dir), 'the database was moved aside')

        results = [
            step('instance A starts, owns the app id and opens the database', first_instance),
            step('instance B hands over to A and exits 0; only A has the database open',
                 second_instance),
            step('after A and a writer holding the lock die, instance C takes over the '
                 'same database', dead_holders),
            step('C quits through app.quit and the database passes integrity_check',
                 quit_cleanly),
        ]
        if all(results):
            show_logs = False
        else:
            status = 1
    finally:
        if show_logs:
            dump_logs()
        for proc in children:
            kill(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return status


def dump_logs():
    for proc in children:
        text = app_log(proc) if hasattr(proc, 'log_path') else ''
        if text.strip():
            log(f'--- last lines of the log of {proc.label} (pid {proc.pid}) ---')
            for line in text.splitlines()[-30:]:
                log(line)


if __name__ == '__main__':
    sys.exit(main())
