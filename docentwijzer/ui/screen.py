"""The base every screen shares: how the main window talks to it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from docentwijzer.ui.widgets import scrolling


class Screen(QWidget):
    """A screen in the main window's stack.

    Subclasses put their content in ``self.body`` (a scrolling column) or replace the layout.
    """

    area_id: str = ""

    def __init__(self, parent: QWidget | None = None, *, scroll: bool = True) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body_widget = QWidget()
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        self.scroll_area = scrolling(self.body_widget) if scroll else None
        outer.addWidget(self.scroll_area or self.body_widget)

    def receive(self, payload: object) -> None:
        """Context handed over by another screen (e.g. checklist → tree). Default: ignore."""

    def has_unsaved_changes(self) -> bool:
        """True when leaving would lose something the user entered."""
        return False

    def discard_changes(self) -> None:
        """Forget unsaved input (called after the user agreed to leave)."""

    def focus_first(self) -> None:
        """Put keyboard focus on the first control of this screen (or on the navigation)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget is not self.scroll_area
            ):
                if self._below_the_fold(widget):
                    # A page to read first (Acute hulp): show its top. (Switching pages may
                    # already have moved focus, and the view, to that control.)
                    assert self.scroll_area is not None
                    self.scroll_area.verticalScrollBar().setValue(0)
                    break
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        # Nothing to operate at the top (a page to read): leave focus in the navigation rather
        # than on the page itself, which a screen reader would call "filler".
        nav = getattr(self.window(), "nav", None)
        if isinstance(nav, QWidget):
            nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def _below_the_fold(self, widget: QWidget) -> bool:
        """True when ``widget`` lies below the first screenful of this page."""
        area = self.scroll_area
        if area is None or not self.body_widget.isAncestorOf(widget):
            return False
        # A screen shown for the first time has not been laid out yet.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        top = widget.mapTo(self.body_widget, widget.rect().topLeft()).y()
        return top > area.viewport().height()
