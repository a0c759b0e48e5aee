#!/usr/bin/env python
"""CPU seconds of every process a command starts, to see where a run's CPU goes.

    .venv/bin/python scripts/process_cpu.py OUT.tsv [--every S] -- COMMAND [ARG...]

Runs COMMAND and, every ``--every`` seconds (default 0.05) until it exits, reads /proc for the
processes that were not there before it started, and keeps COMMAND and its descendants (by the
parent each had when first seen): their parent, user + system CPU seconds
(``/proc/PID/stat``) and command line. Writes OUT.tsv, one row per process that used at least
0.05 s (pid, ppid, cpu_s, first_seen_s, last_seen_s, command), in the order they were first seen;
prints the total and the wall time and exits with COMMAND's exit code. A process's last sample
can be up to one interval before it ends, so its CPU is a lower bound, and a process that lives
less than one interval may be missed: ``scripts/cpu_time.py`` gives the exact total.

Under ``make``, the notebooks' kernels are ``ipykernel_launcher`` processes, children of the
runner, started in notebook order except that the runner starts the next notebook's kernel
before it starts the current one (the first row is notebook 02's, the second 01's); the pool
workers are notebook 01's kernel's children; ``helpers.model.csvjob`` writes the CSV copies.
Linux only.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def snapshot() -> dict[int, tuple[int, float]]:
    """pid -> (ppid, CPU seconds) of every process /proc shows now."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                stat = fh.read()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rfind(")") + 2:].split()  # the command name may hold spaces and ')'
        out[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / HZ)
    return out


def command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            text = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "?"
    return " ".join(text.split())[:200]  # one line: an argument may hold newlines or tabs


def main(argv: list[str]) -> int:
    every = 0.05
    if argv[1:2] == ["--every"] and len(argv) > 2:  # OUT --every S -- COMMAND
        every = float(argv[2])
        del argv[1:3]
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, command = argv[0], argv[2:]
    before = set(snapshot())
    me = os.getpid()
    t0 = time.monotonic()
    proc = subprocess.Popen(command)
    seen: dict[int, list] = {}  # pid -> [ppid, cpu, command, first seen, last seen]

    def sample() -> None:
        now = time.monotonic() - t0
        for pid, (ppid, cpu) in snapshot().items():
            if pid in before or pid == me:
                continue
            if pid not in seen:
                seen[pid] = [ppid, cpu, command_line(pid), now, now]
            else:
                seen[pid][1] = max(seen[pid][1], cpu)
                seen[pid][4] = now

    while proc.poll() is None:
        sample()
        time.sleep(every)
    wall = time.monotonic() - t0
    # Only COMMAND and its descendants, by the parent each process had when first seen (a process
    # whose parent ended is reparented later): other processes of the machine are left out.
    ours, grew = {proc.pid}, True
    while grew:
        grew = False
        for pid, row in seen.items():
            if pid not in ours and row[0] in ours:
                ours.add(pid)
                grew = True
    seen = {pid: row for pid, row in seen.items() if pid in ours}
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("pid\tppid\tcpu_s\tfirst_seen_s\tlast_seen_s\tcommand\n")
        for pid, (ppid, cpu, cmd, first, last) in seen.items():
            if cpu >= 0.05:
                fh.write(f"{pid}\t{ppid}\t{cpu:.2f}\t{first:.1f}\t{last:.1f}\t{cmd}\n")
    print(f"{len(seen)} processes, {sum(v[1] for v in seen.values()):.2f} s CPU sampled, wall {wall:.1f} s")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
