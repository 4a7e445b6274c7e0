#!/usr/bin/env python3
"""Time from `./mvnw -Plocal` (or `./local`) to every HTTP API route of template.yaml answering, the way a user starts the stack.

Issue 14 asks that every route answers within 10 s of the command on an already built tree. This script runs the
README's command from the repository root (Maven included: its up-to-date checks are part of what a user waits
for), then sends each route of the template one request with a dev token as soon as the port listens, all routes
at once, and records when each answered. "Answered" means any HTTP status from the function (a 400 for the empty
body, a 404 for an unknown id): the route's function ran. A route still waiting for its function's first instance
is counted when that answer arrives. It also records when GET /_local/health first said 200 (every function warm).

    python3 infra/benchmarks/scripts/time-to-every-route.py [--runs 3] [--extra "start --no-aot-cache"] [--root DIR] [--launcher local]

Needs port 3000 free (it is the command a user runs). Prints one line per run (with each function's init time, read
from the runtime's `instance #1 ready, init N ms` lines) and the median and spread. `--root` times another
checkout (e.g. an older commit, for a before/after in the same conditions).
"""
import argparse
import concurrent.futures
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

import yaml

DEFAULT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
TOKEN = "time-to-every-route-dev-token"


class IgnoreTags(yaml.SafeLoader):
    """template.yaml uses CloudFormation's short tags (!Ref, !Sub...); their values do not matter here."""


IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


INIT = re.compile(r"(\w+)\s+instance #1 ready, init (\d+) ms(?: \(cpu (\d+) ms\))?")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def routes(root):
    with open(os.path.join(root, "template.yaml"), encoding="utf-8") as f:
        template = yaml.load(f, Loader=IgnoreTags)
    found = []
    for resource in template["Resources"].values():
        for event in ((resource.get("Properties") or {}).get("Events") or {}).values():
            if event.get("Type") == "HttpApi":
                props = event["Properties"]
                # the $default route catches what no other route matches
                path = "/timing-probe" if props["Path"] == "$default" else props["Path"]
                method = "GET" if props["Method"].upper() == "ANY" else props["Method"].upper()
                found.append((method, re.sub(r"\{[^}]+\}", "timing-probe", path)))
    return sorted(set(found))


def request(method, path, timeout):
    body = b"{}" if method in ("POST", "PUT", "PATCH") else None
    req = urllib.request.Request("http://127.0.0.1:3000" + path, data=body, method=method,
                                 headers={"authorization": "Bearer " + TOKEN, "content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status
    except urllib.error.HTTPError as e:
        return e.code


def wait_for_port(deadline):
    while time.monotonic() < deadline:
        try:
            request("GET", "/_local/health", 2)
            return True
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.05)
    return False


def answered(method, path, start, deadline):
    while time.monotonic() < deadline:
        try:
            status = request(method, path, 120)
            if status not in (502, 503, 504):
                return time.monotonic() - start, status
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.05)
    return None, None


def health_200(start, deadline):
    while time.monotonic() < deadline:
        try:
            if request("GET", "/_local/health", 5) == 200:
                return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.1)
    return None


def init_times(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as f:
        text = ANSI.sub("", f.read())
    return {m.group(1): int(m.group(2)) for m in INIT.finditer(text)}


def init_cpu_times(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as f:
        text = ANSI.sub("", f.read())
    return {m.group(1): int(m.group(3)) for m in INIT.finditer(text) if m.group(3)}


AOT_CACHE = re.compile(r"-XX:AOTCache=\S*/(\w+)\.aot")


def process_label(pid):
    """The function a JVM runs (named by its AOT cache file), or "runtime" for the runtime's own JVM."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "?"
    match = AOT_CACHE.search(cmdline)
    if match and match.group(1) != "runtime":
        return match.group(1)
    return "runtime" if "fnbundle" in cmdline or "runtime.aot" in cmdline else os.path.basename(cmdline.split(" ")[0])


def session_cpu_seconds(session):
    """CPU (user + system) used so far by every live process of the session, the runtime and its function JVMs,
    in total and per process (label -> (seconds, JVMs): a function with two instances sums both).

    On a machine shared with other work, wall times swing with the load; the CPU a start needs does not."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    per_process = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # after the command: state ppid pgrp session ... utime (14th field) stime (15th)
        if int(fields[3]) == session:
            used = int(fields[11]) + int(fields[12])
            total += used
            label = process_label(entry)
            seconds, count = per_process.get(label, (0, 0))
            per_process[label] = (seconds + used / ticks, count + 1)
    return total / ticks, per_process


def one_run(root, extra, log_path, launcher):
    env = dict(os.environ, LOCAL_DEV_TOKEN=TOKEN)
    if launcher == "local":
        command = ["./local"] + extra.split()
    else:
        command = ["./mvnw", "-q", "-o", "-Plocal"] + (["-Dlocal.args=" + extra] if extra else [])
    start = time.monotonic()
    log = open(log_path, "w")
    proc = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = start + 600
    try:
        if not wait_for_port(deadline):
            raise SystemExit("the API never listened")
        listening = time.monotonic() - start
        table = routes(root)
        with concurrent.futures.ThreadPoolExecutor(len(table)) as pool:
            results = list(pool.map(lambda r: answered(r[0], r[1], start, deadline), table))
        slowest = max(results, key=lambda r: r[0] or 1e9)
        cpu, per_process = session_cpu_seconds(proc.pid)
        if any(t is None for t, _ in results):
            raise SystemExit("a route never answered: " + str([r for r, (t, _) in zip(table, results) if t is None]))
        warm = health_200(start, deadline)
        statuses = sorted({s for _, s in results})
        time.sleep(1)
        return (listening, slowest[0], warm, len(table), statuses, init_times(log_path), init_cpu_times(log_path),
                cpu, per_process)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extra", default="", help="value of -Dlocal.args, e.g. 'start --no-aot-cache'")
    parser.add_argument("--root", default=DEFAULT_ROOT, help="the checkout to time (default: this one)")
    parser.add_argument("--launcher", choices=("mvnw", "local"), default="mvnw",
                        help="./mvnw -Plocal (the default) or ./local (no Maven when nothing changed)")
    args = parser.parse_args()
    rows = []
    for i in range(args.runs):
        log_path = os.path.join(args.root, "target", f"time-to-every-route-{i + 1}.log")
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
        listening, every, warm, count, statuses, inits, cpus, cpu, per_process = one_run(
            args.root, args.extra, log_path, args.launcher)
        rows.append((listening, every, warm, cpu))
        init_text = ", ".join(f"{name} {ms / 1000:.1f}" for name, ms in sorted(inits.items()))
        spread = (f"median {statistics.median(inits.values()) / 1000:.1f} s, {min(inits.values()) / 1000:.1f}-"
                  f"{max(inits.values()) / 1000:.1f} s") if inits else "none printed"
        print(f"run {i + 1}: API listening {listening:.1f} s, all {count} routes answered {every:.1f} s, "
              f"every function warm {warm:.1f} s (statuses {statuses}); init per function: {spread} "
              f"({init_text})", flush=True)
        print(f"       CPU of the runtime and its function JVMs until every route answered: {cpu:.1f} s ("
              + ", ".join(f"{name} {seconds:.2f}" + (f" ({count} JVMs)" if count > 1 else "")
                          for name, (seconds, count) in sorted(per_process.items(), key=lambda item: -item[1][0]))
              + ")", flush=True)
        if cpus:
            print(f"       init CPU per function: median {statistics.median(cpus.values()) / 1000:.2f} s, total "
                  f"{sum(cpus.values()) / 1000:.1f} s over {len(cpus)} ("
                  + ", ".join(f"{name} {ms / 1000:.2f}" for name, ms in sorted(cpus.items())) + ")", flush=True)
        time.sleep(3)
    for name, index in (("API listening", 0), ("every route answered", 1), ("every function warm", 2),
                        ("CPU until every route answered", 3)):
        values = [r[index] for r in rows]
        print(f"{name}: median {statistics.median(values):.1f} s, range {min(values):.1f}-{max(values):.1f} s "
              f"over {len(values)} runs")


if __name__ == "__main__":
    sys.exit(main())
