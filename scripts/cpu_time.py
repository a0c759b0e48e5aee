#!/usr/bin/env python
"""Run a command and report the CPU seconds of its whole process tree, detached processes included.

    python scripts/cpu_time.py OUT -- make CORPUS=... BUILD=...

Writes ``cpu=<user+sys seconds> wall=<seconds> rc=<exit code>`` to OUT and exits with the
command's code. Why not ``time``: notebook 01 leaves the CSV copies to a process in a session of
its own (``helpers.model.csvjob``), which no process of the tree waits for, so its CPU never
reaches the shell's count. This process makes itself the child subreaper (Linux
``PR_SET_CHILD_SUBREAPER``): an orphaned descendant is re-parented here, and is waited for when
the command has ended (the runner itself waits for the CSV job before it exits), so every
process's CPU time is summed into ``RUSAGE_CHILDREN``.

``scripts/make_cost.sh`` uses it: this machine's wall times drift by 20% and more within
minutes (other guests share its cores), while CPU seconds drift much less, so the CPU of
``make`` on a corpus less ``make`` on the seeds, over twice VADER's CPU on the same sentences,
is a steadier measure of the same goal: the wall ratio the run would reach with both cores
always busy.
"""
from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux: detached processes are not counted
        return False


def reap_all() -> None:
    """Wait for every child left (orphans re-parented here) until none is."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, command = argv[0], argv[2:]
    reaper = become_subreaper()
    start = time.perf_counter()
    rc = subprocess.call(command)
    reap_all()
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"cpu={usage.ru_utime + usage.ru_stime:.2f} wall={wall:.2f} rc={rc}"
                 + ("" if reaper else " (detached processes not counted)") + "\n")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
