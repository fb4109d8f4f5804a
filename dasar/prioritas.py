"""Put a task-queue worker in the background, so long work yields the cores to the web pages.

A worker builds documents, renders charts and starts LibreOffice; on a machine that also serves
the web, those compete with the pages for the same cores. ``ke_latar()`` makes this process a
background one, and its children (LibreOffice) inherit it:

- the ``SCHED_IDLE`` scheduling policy (Linux): it runs on what the other processes leave, and a
  waking web process takes the core from it at once, not at the end of its time slice;
- niceness 19, for systems without ``SCHED_IDLE`` and for what inherits only the niceness;
- with scheduler autogroups (``/proc/sys/kernel/sched_autogroup_enabled``) the CPU is first
  shared equally between *sessions*, and niceness orders processes only inside one: a worker that
  leads its own session (systemd without a CPU cgroup, a supervisor, ``setsid``) would still get as
  much CPU as the whole web server, so it also lowers its session's autogroup to 19. A worker that
  shares a session with the web server (``make run``) does not: that would lower the web too.

An unprivileged process cannot undo any of it, so it is done once per process and only in a
worker. Operating-system refusals are ignored: a lower priority is a courtesy, never a reason for
a job to fail. Pure standard library: no Django import.
"""

from __future__ import annotations

import os
from pathlib import Path

AUTOGROUP = Path("/proc/self/autogroup")
NICE_LATAR = 19
_sudah: set[int] = set()  # pids already in the background (a forked child starts over)


def ke_latar() -> dict:
    """Make this process a background one (see the module); returns what it now is:
    ``{"nice": int, "idle": bool, "autogroup": int | None}`` (autogroup None when unknown)."""
    pid = os.getpid()
    if pid not in _sudah:
        _sudah.add(pid)
        try:
            if os.getpriority(os.PRIO_PROCESS, 0) < NICE_LATAR:
                os.setpriority(os.PRIO_PROCESS, 0, NICE_LATAR)
        except OSError:
            pass
        if hasattr(os, "SCHED_IDLE"):
            try:
                os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            except OSError:
                pass
        if os.getsid(0) == pid:  # the session leader: the autogroup is this worker's alone
            try:
                AUTOGROUP.write_text(f"{NICE_LATAR}\n")
            except OSError:  # no autogroups (other OS, disabled, read-only /proc)
                pass
    return keadaan()


def keadaan() -> dict:
    """This process's niceness, whether it runs under SCHED_IDLE, and its autogroup's niceness."""
    idle = hasattr(os, "SCHED_IDLE") and os.sched_getscheduler(0) == os.SCHED_IDLE
    try:
        autogroup = int(AUTOGROUP.read_text().split()[-1])
    except (OSError, ValueError, IndexError):
        autogroup = None
    return {"nice": os.getpriority(os.PRIO_PROCESS, 0), "idle": idle, "autogroup": autogroup}
