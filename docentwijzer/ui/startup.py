"""Work that waits until a widget is on screen: start-up paints first, then does the rest.

``QTimer.singleShot(0, ...)`` after ``show()`` is not enough: on X11 the window is mapped and
painted a few event-loop turns later, so work queued that way still delays the first paint.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: Set on a window once it has been painted: later waiters run at once (next loop turn).
PAINTED = "dw_painted"


class _FirstPaint(QObject):
    """Runs ``callback`` on the loop turn after the window holding ``widget`` is first painted.

    A widget inside the window may never get a paint event of its own (a screen covered by its
    scroll area), so it is the window's paint that counts; the window is known once the widget
    is shown.
    """

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self.callback = callback
        self.widget = widget
        self.window: QWidget | None = None
        if widget.isVisible():
            self._watch(widget.window())
        else:
            widget.installEventFilter(self)

    def _watch(self, window: QWidget) -> None:
        if window.property(PAINTED):
            # With self as context: dropped if the widget (and so this waiter) is deleted first.
            QTimer.singleShot(0, self, self._run)
            return
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.widget and kind == QEvent.Type.Show and self.window is None:
            # Shown: now it sits in the window it will be painted in.
            self.widget.removeEventFilter(self)
            self._watch(self.widget.window())
        elif watched is self.window and kind == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self.window.setProperty(PAINTED, True)
            # After this paint has reached the screen, not inside it.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self.deleteLater()
        self.callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Run ``callback`` once, on the loop turn after the window holding ``widget`` is painted
    for the first time (at once if it already was).

    Nothing runs while the widget is never shown: what waits here must also be reachable on
    demand (e.g. a property that builds the panel when asked).
    """
    _FirstPaint(widget, callback)


def release_source_cache() -> None:
    """Drop the source lines PySide6 read of every module imported after it.

    PySide6 reads the source of each newly imported module (to see whether it uses its
    ``__feature__`` switches) and Python keeps those lines in ``linecache``: about 10 MB here,
    that nothing else needs (a traceback reads the file again). Called after each phase that
    imports modules: the end of start-up and every screen's first build.
    """
    linecache.clearcache()
