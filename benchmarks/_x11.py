"""A private X server (Xvfb) and a watcher that sees, from outside, when a window appears.

The watcher is an ordinary X client (libX11 through ctypes, no extra package): it listens on the
root window for a top-level window being mapped, and (with the DAMAGE extension) for the first
drawing into that window. Nothing in the program under test is changed or told.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
CREATE_NOTIFY = 16
MAP_NOTIFY = 19
DAMAGE_REPORT_NON_EMPTY = 3
DAMAGE_NOTIFY = 0


class _XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _XCreateWindowEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("parent", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
    ]


class _XDamageNotifyEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("drawable", ctypes.c_ulong),
        ("damage", ctypes.c_ulong),
        ("level", ctypes.c_int),
        ("more", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [
        ("type", ctypes.c_int),
        ("xmap", _XMapEvent),
        ("xcreate", _XCreateWindowEvent),
        ("xdamage", _XDamageNotifyEvent),
        ("pad", ctypes.c_long * 24),
    ]


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("class", ctypes.c_int),
        ("pad", ctypes.c_char * 256),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
INPUT_OUTPUT = 1


def available() -> str | None:
    """None when a private X server can be used here; otherwise what is missing."""
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (apt-get install xvfb)"
    if ctypes.util.find_library("X11") is None:
        return "libX11 is not installed (apt-get install libx11-6)"
    return None


class Xvfb:
    """``with Xvfb() as display:`` a fresh X server on a free display number."""

    def __init__(self, size: str = "1280x900x24") -> None:
        self.size = size
        self.process: subprocess.Popen[bytes] | None = None
        self.display = ""

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", self.size, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            number += chunk
        os.close(read)
        self.display = f":{int(number)}"
        return self.display

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)


@dataclass
class Appeared:
    mapped: float  # seconds from start to the window being mapped
    drawn: float | None  # seconds from start to the first drawing into it (None: no DAMAGE)


class Watcher:
    """An X client on ``display`` that waits for the next top-level window to appear."""

    def __init__(self, display: str, min_size: int = 200) -> None:
        self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x.XPending.argtypes = [ctypes.c_void_p]
        self.x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        self.x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.x.XFlush.argtypes = [ctypes.c_void_p]
        self.x.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XWindowAttributes),
        ]
        # A window can go away between its event and our request: ignore such errors.
        self._on_error = _ERROR_HANDLER(lambda _dpy, _err: 0)
        self.x.XSetErrorHandler(self._on_error)
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display}")
        self.min_size = min_size
        root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, root, SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XFlush(self.dpy)
        self.damage_base: int | None = None
        name = ctypes.util.find_library("Xdamage")
        if name:
            self.xd = ctypes.CDLL(name)
            base, error = ctypes.c_int(), ctypes.c_int()
            self.xd.XDamageQueryExtension.argtypes = [
                ctypes.c_void_p,
                ctypes.POINTER(ctypes.c_int),
                ctypes.POINTER(ctypes.c_int),
            ]
            self.xd.XDamageCreate.restype = ctypes.c_ulong
            self.xd.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
            self.xd.XDamageDestroy.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
            if self.xd.XDamageQueryExtension(self.dpy, ctypes.byref(base), ctypes.byref(error)):
                self.damage_base = base.value

    def _attributes(self, window: int) -> _XWindowAttributes | None:
        attrs = _XWindowAttributes()
        if not self.x.XGetWindowAttributes(self.dpy, window, ctypes.byref(attrs)):
            return None
        return attrs

    def _big(self, window: int) -> bool:
        attrs = self._attributes(window)
        return attrs is not None and min(attrs.width, attrs.height) >= self.min_size

    def _drawable(self, window: int) -> bool:
        attrs = self._attributes(window)
        return attrs is not None and getattr(attrs, "class") == INPUT_OUTPUT

    def wait(self, start: float, timeout: float = 30.0) -> Appeared:
        """Block until a large top-level window is mapped (and drawn into, with DAMAGE).

        ``start`` is the ``time.perf_counter()`` the figures count from.
        """
        fd = self.x.XConnectionNumber(self.dpy)
        event = _XEvent()
        mapped: float | None = None
        window = 0
        #: Every new top-level window is watched for drawing from its creation, so a paint that
        #: follows the map at once is never missed.
        damages: list[int] = []
        deadline = time.perf_counter() + timeout
        try:
            while True:
                while self.x.XPending(self.dpy):
                    self.x.XNextEvent(self.dpy, ctypes.byref(event))
                    now = time.perf_counter()
                    if (
                        event.type == CREATE_NOTIFY
                        and self.damage_base is not None
                        and self._drawable(event.xcreate.window)
                    ):
                        damages.append(
                            self.xd.XDamageCreate(
                                self.dpy, event.xcreate.window, DAMAGE_REPORT_NON_EMPTY
                            )
                        )
                        self.x.XFlush(self.dpy)
                    elif (
                        mapped is None
                        and event.type == MAP_NOTIFY
                        and not event.xmap.override_redirect
                        and self._big(event.xmap.window)
                    ):
                        mapped, window = now - start, event.xmap.window
                        if self.damage_base is None:
                            return Appeared(mapped, None)
                    elif (
                        mapped is not None
                        and self.damage_base is not None
                        and event.type == self.damage_base + DAMAGE_NOTIFY
                        and event.xdamage.drawable == window
                    ):
                        return Appeared(mapped, now - start)
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("no window appeared")
                select.select([fd], [], [], left)
        finally:
            for damage in damages:
                self.xd.XDamageDestroy(self.dpy, damage)
            self.x.XFlush(self.dpy)
