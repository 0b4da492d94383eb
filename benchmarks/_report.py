"""How every benchmark prints a figure: the value, its goal and OK or MISS, one line each."""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence

#: Every figure printed so far in this process: (name, ok).
RESULTS: list[tuple[str, bool]] = []


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def figure(name: str, value: str, goal: str, ok: bool, note: str = "") -> bool:
    """Print ``OK``/``MISS``, the figure and its goal; returns ``ok``."""
    RESULTS.append((name, ok))
    tail = f"  ({note})" if note else ""
    print(f"{'OK  ' if ok else 'MISS'}  {name}: {value} (goal {goal}){tail}", flush=True)
    return ok


def spread(values: Sequence[float], unit: str = "ms") -> str:
    """Median with min–max, for saying how noisy a figure was."""
    if unit == "ms":
        return (
            f"median {statistics.median(values) * 1000:.0f}, "
            f"min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f} ms"
        )
    return (
        f"median {statistics.median(values):.2f}, "
        f"min {min(values):.2f}, max {max(values):.2f}{unit}"
    )


def machine() -> str:
    """Cores and load: figures from a busy shared machine need that context."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return f"{os.cpu_count()} cores"
    return f"{os.cpu_count()} cores, load average {load:.1f}"


def exit_code() -> int:
    return 0 if all(ok for _, ok in RESULTS) else 1
