#!/usr/bin/env python3
"""Prove that Reflect never opens a network socket (issue 8, point 6).

Usage: test-no-network.py TEST-PROGRAM...

Runs every given test program, each of which drives a whole area of the
app (creating sessions, facilitating, people, questions, the record, PDF
and transfer exports, backups), under

    strace -f -qq -e signal=none -e trace=socket,socketpair,connect -o LOG

with one log per program, and fails if any process or thread of it (-f
follows threads, forks and anything they exec) asked the kernel for a
socket of any family other than AF_UNIX, or connected to such an address.
It also fails if a program itself fails or times out.  Output is TAP: one
line per program plus, as comments, the sockets each one made.

Which families are allowed, and why:
  * AF_UNIX (AF_LOCAL) only.  GTK talks to the X server and to D-Bus (the
    session bus, the accessibility bus) over local sockets, and glibc asks
    nscd over one when it looks up a user; none of that leaves the machine.
  * AF_INET and AF_INET6 are what the promise is about: they fail.
  * Every other family fails too, deliberately (an allow-list, not a
    deny-list).  AF_PACKET would be raw network access.  AF_NETLINK does
    not reach the network, but a NETLINK_ROUTE socket in our process means
    something is getting ready to use it: GLib's GNetworkMonitor opens one
    when asked for the default monitor, and glibc's getaddrinfo() opens one
    (AI_ADDRCONFIG) before resolving a host name.  None appears when the
    test programs run today, so if one ever does it deserves a look rather
    than a silent pass.  (The only AF_NETLINK socket seen while developing
    this test was NETLINK_AUDIT from dbus-daemon itself, which is not
    traced, see below.)

The session bus: without DBUS_SESSION_BUS_ADDRESS, GDBus autolaunches a
bus through dbus-launch, which daemonises; under strace -f that daemon and
the accessibility bus it activates are traced too, never exit, and strace
waits for them for ever.  So when the environment has no session bus this
script starts a private dbus-daemon outside the trace (it is a system
service, not Reflect's code) and stops it, with everything it activated,
at the end.  Everything else in the environment is passed on unchanged;
the programs' own connections to that bus are traced and are AF_UNIX.

It cannot pass silently: before the real programs it runs a positive
control under exactly the same strace command: a python process that opens
an AF_UNIX socket in its main thread, an AF_INET one in a second thread
and an AF_INET6 one in a forked child (none is connected).  Unless the
detector reports AF_INET and AF_INET6 as forbidden and AF_UNIX as allowed,
the test fails (for example when ptrace is not permitted in a container).
A missing strace is a failure too, not a skip: build-aux/install-deps.sh
installs it.

Each program may take REFLECT_NO_NETWORK_TIMEOUT seconds (default 300).
"""

import collections
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

ALLOWED_FAMILIES = {"AF_UNIX", "AF_LOCAL"}
STRACE_OPTIONS = ["-f", "-qq", "-e", "signal=none", "-e", "trace=socket,socketpair,connect"]

# "1234 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3", also
# "... <unfinished ...>" (the family is on that first half) and unknown
# families printed as a number.
PID_PREFIX = r"^(?:\[pid\s+\d+\]\s+|\d+\s+)?"
SOCKET_RE = re.compile(PID_PREFIX + r"(socket|socketpair)\(([^,)]+)")
# "1234 connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/.X11-unix/X0\"}, 20) = 0"
CONNECT_RE = re.compile(PID_PREFIX + r"connect\(\d+,\s*\{sa_family=([^,}]+)(.*)")
SUN_PATH_RE = re.compile(r'sun_path=(@?"[^"]*")')
RESULT_RE = re.compile(r"\)\s+=\s+(-?\d+)(?:\s+(\w+))?")

CONTROL_SOURCE = r"""
import os, socket, threading
socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()
def inet():
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
thread = threading.Thread(target=inet)
thread.start()
thread.join()
pid = os.fork()
if pid == 0:
    try:
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM).close()
    except OSError:
        pass  # no IPv6 here: the attempt is still a socket() call
    os._exit(0)
_, status = os.waitpid(pid, 0)
raise SystemExit(os.waitstatus_to_exitcode(status))
"""


class Trace:
    """What one program's strace log shows."""

    def __init__(self):
        self.families = collections.Counter()   # every socket()/socketpair()
        self.forbidden = []                      # offending log lines
        self.unix_peers = collections.Counter()  # AF_UNIX addresses connected to


def parse_log(path):
    trace = Trace()
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            line = line.rstrip("\n")
            match = SOCKET_RE.match(line)
            if match:
                family = match.group(2).strip()
                trace.families[family] += 1
                if family not in ALLOWED_FAMILIES:
                    trace.forbidden.append(line)
                continue
            match = CONNECT_RE.match(line)
            if match:
                family = match.group(1).strip()
                if family not in ALLOWED_FAMILIES:
                    trace.forbidden.append(line)
                    continue
                peer = SUN_PATH_RE.search(match.group(2))
                result = RESULT_RE.search(line)
                outcome = "ok" if result and result.group(1) == "0" else (
                    result.group(2) if result and result.group(2) else "?")
                trace.unix_peers["%s (%s)" % (peer.group(1) if peer else "?", outcome)] += 1
    return trace


def describe(trace):
    lines = []
    if trace.families:
        lines.append("sockets: " + ", ".join(
            "%s x%d" % (family, count) for family, count in sorted(trace.families.items())))
    else:
        lines.append("sockets: none")
    for peer, count in sorted(trace.unix_peers.items()):
        lines.append("  connect AF_UNIX %s x%d" % (peer, count))
    for line in trace.forbidden:
        lines.append("  FORBIDDEN: " + line)
    return lines


def comment(text):
    for line in str(text).splitlines() or [""]:
        print("# " + line, flush=True)


def run_traced(strace, argv, log_path, env, timeout):
    """Run argv under strace; returns (exit code or None on timeout, output)."""
    command = [strace] + STRACE_OPTIONS + ["-o", log_path, "--"] + argv
    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return None, output.decode("utf-8", "replace")


def start_session_bus(env):
    """Start a private session bus outside the trace unless one is set."""
    if env.get("DBUS_SESSION_BUS_ADDRESS"):
        comment("using the session bus from the environment")
        return None
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        comment("no dbus-daemon and no session bus: programs run without one")
        return None
    bus = subprocess.Popen([daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    address = bus.stdout.readline().decode().strip()
    if not address:
        bus.kill()
        bus.wait()
        comment("dbus-daemon did not start: programs run without a session bus")
        return None
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    comment("private session bus (not traced): " + address)
    return bus


def stop_session_bus(bus):
    if bus is None:
        return
    try:
        # Its process group also holds what it activated (the accessibility
        # bus launcher, its bus and registry).
        os.killpg(bus.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        bus.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(bus.pid, signal.SIGKILL)
        bus.wait()


def main(argv):
    programs = argv[1:]
    if not programs:
        print("usage: test-no-network.py TEST-PROGRAM...", file=sys.stderr)
        return 2

    print("1..%d" % (len(programs) + 1), flush=True)

    strace = shutil.which("strace")
    if strace is None:
        print("not ok 1 - positive control: strace is not installed", flush=True)
        print("Bail out! strace is needed to prove no network socket is opened; "
              "build-aux/install-deps.sh installs it", flush=True)
        return 1

    timeout = float(os.environ.get("REFLECT_NO_NETWORK_TIMEOUT", "300"))
    env = dict(os.environ)
    failed = False

    with tempfile.TemporaryDirectory(prefix="reflect-no-network-") as logs:
        # Positive control: the detector must catch what it is meant to.
        control_log = os.path.join(logs, "control.strace")
        code, output = run_traced(strace, [sys.executable, "-c", CONTROL_SOURCE],
                                  control_log, env, 60)
        trace = parse_log(control_log) if os.path.exists(control_log) else Trace()
        caught = {family for family in ("AF_INET", "AF_INET6")
                  if any(family + "," in line for line in trace.forbidden)}
        unix_allowed = trace.families["AF_UNIX"] >= 1 and not any(
            "AF_UNIX" in line for line in trace.forbidden)
        if code == 0 and caught == {"AF_INET", "AF_INET6"} and unix_allowed:
            print("ok 1 - positive control: AF_INET (thread) and AF_INET6 (fork) "
                  "caught, AF_UNIX allowed", flush=True)
            for line in describe(trace):
                comment(line)
        else:
            print("not ok 1 - positive control not caught", flush=True)
            comment("strace exit: %s; caught: %s; AF_UNIX seen and allowed: %s"
                    % (code, sorted(caught) or "nothing", unix_allowed))
            comment(output)
            for line in describe(trace):
                comment(line)
            print("Bail out! strace did not show the control's sockets, so this test "
                  "could not see a network socket either (is ptrace allowed here?)", flush=True)
            return 1

        bus = start_session_bus(env)
        try:
            for number, program in enumerate(programs, start=2):
                name = os.path.basename(program)
                log_path = os.path.join(logs, "%d-%s.strace" % (number, name))
                code, output = run_traced(strace, [os.path.abspath(program)],
                                          log_path, env, timeout)
                trace = parse_log(log_path) if os.path.exists(log_path) else None
                problems = []
                if code is None:
                    problems.append("timed out after %gs (did a traced process outlive it?)" % timeout)
                elif code != 0:
                    problems.append("exited with %d" % code)
                if trace is None:
                    problems.append("strace wrote no log")
                elif trace.forbidden:
                    problems.append("opened %d non-local socket(s)" % len(trace.forbidden))
                if problems:
                    failed = True
                    print("not ok %d - %s: %s" % (number, name, "; ".join(problems)), flush=True)
                    if code != 0:
                        comment("output (last 40 lines):")
                        comment("\n".join(output.splitlines()[-40:]))
                else:
                    print("ok %d - %s: no socket other than AF_UNIX" % (number, name), flush=True)
                cases = sum(1 for line in output.splitlines() if line.startswith("ok "))
                comment("%d test case(s) passed inside it" % cases)
                if trace is not None:
                    for line in describe(trace):
                        comment(line)
        finally:
            stop_session_bus(bus)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
