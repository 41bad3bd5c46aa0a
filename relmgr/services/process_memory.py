"""This process's own peak resident memory, for `relmgr bench` and the window's start-up probe."""

from __future__ import annotations

import resource


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB. Linux's VmHWM where there is one: getrusage's
    ru_maxrss carries over the peak of the parent that started this interpreter (a bench child
    started by a 1.6 GB bench process reported 1.6 GB whatever it used)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
