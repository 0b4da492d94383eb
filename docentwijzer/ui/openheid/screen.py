"""The openness exercise's screen: the header, the pages (each built when first shown), Back and
Next, and what leaves the screen (the student's PDF, a note with consent)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import overload

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from docentwijzer.handoff import NoteDraft, Reopen
from docentwijzer.i18n import t
from docentwijzer.openheid import (
    PER_RECIPIENT,
    OpennessResult,
    note_text,
    openness_content,
    suggested_pdf_name,
)

from docentwijzer.ui import dialogs
from docentwijzer.ui.openheid.pages import (
    DonePage,
    FirstStepPage,
    IntroPage,
    Page,
    QuestionPage,
    SurePage,
)
from docentwijzer.ui.openheid.parts import (
    STUDENT_SCALE,
    focusables,
    scaled_font,
)
from docentwijzer.ui.openheid.people import PerRecipientPage, RecipientsPage
from docentwijzer.ui.openheid.weigh import ComparePage, WeighPage
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import IconButton, scrolling

# -- the screen ----------------------------------------------------------------------------------

#: The exercise's steps in order: each page's key and how to build it.
STEPS: tuple[tuple[str, Callable[[OpennessScreen], Page]], ...] = (
    ("intro", IntroPage),
    ("sure_before", lambda screen: SurePage(screen, "before")),
    ("of", lambda screen: QuestionPage(screen, "of")),
    ("wat", lambda screen: PerRecipientPage(screen, "wat")),
    ("wie", RecipientsPage),
    ("wanneer", lambda screen: PerRecipientPage(screen, "wanneer")),
    ("hoe", lambda screen: PerRecipientPage(screen, "hoe")),
    ("advantages", lambda screen: WeighPage(screen, "advantages")),
    ("risks", lambda screen: WeighPage(screen, "risks")),
    ("compare", ComparePage),
    ("keuze", lambda screen: QuestionPage(screen, "keuze")),
    ("first_step", FirstStepPage),
    ("sure_after", lambda screen: SurePage(screen, "after")),
    ("done", DonePage),
)


class Pages(Sequence[Page]):
    """The exercise's pages in order, each built the first time it is asked for.

    Building all fourteen up front made the first open of the exercise slow; a page shows the
    exercise's result whenever it is shown, so building it later changes nothing a user sees.
    """

    def __init__(self, screen: OpennessScreen, stack: QStackedWidget) -> None:
        self._screen = screen
        self._stack = stack
        self._built: dict[int, Page] = {}

    def __len__(self) -> int:
        return len(STEPS)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> list[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | list[Page]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index not in self._built:
            self._build(index)
        return self._built[index]

    def _build(self, index: int) -> None:
        key, build = STEPS[index]
        page = build(self._screen)
        assert page.key == key, (page.key, key)
        area = scrolling(page)
        area.setAccessibleName(t(f"openheid.page_{key}"))
        current = self._stack.currentIndex()
        placeholder = self._stack.widget(index)
        self._stack.insertWidget(index, area)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._stack.setCurrentIndex(current)
        self._built[index] = page

    def index_of(self, key: str) -> int:
        return next(i for i, (k, _build) in enumerate(STEPS) if k == key)

    def built(self, key: str) -> Page | None:
        """The page of ``key`` if it was built already (nothing to reset otherwise)."""
        return self._built.get(self.index_of(key))


class OpennessScreen(Screen):
    area_id = "openheid"

    def __init__(self) -> None:
        super().__init__(scroll=False)
        self.content = openness_content()
        self.result = OpennessResult()
        self._baseline = self.result.model_dump(mode="json")
        self.note_id: str | None = None
        self.pseudonym: str | None = None
        self.active = False
        self._handing_over = False

        self.header = QWidget()
        top = QHBoxLayout(self.header)
        top.setContentsMargins(0, 0, 0, 0)
        self.step_label = QLabel()
        self.step_label.setObjectName("step")
        self.step_label.setFont(scaled_font(STUDENT_SCALE * 0.9))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        top.addWidget(self.step_label)
        top.addWidget(self.progress, 1)
        self.body.addWidget(self.header)

        self.stack = QStackedWidget()
        self.pages = Pages(self, self.stack)
        for key, _build in STEPS:
            placeholder = QWidget()
            placeholder.setAccessibleName(t(f"openheid.page_{key}"))
            self.stack.addWidget(placeholder)
        self.body.addWidget(self.stack, 1)

        self.nav = QWidget()
        row = QHBoxLayout(self.nav)
        row.setContentsMargins(0, 0, 0, 0)
        self.back_button = IconButton("chevron-left", t("openheid.back"))
        self.back_button.setObjectName("back")
        self.next_button = IconButton("chevron-right", t("openheid.next"))
        self.next_button.setObjectName("next")
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after
        for button, tip in (
            (self.back_button, "openheid.back_tip"),
            (self.next_button, "openheid.next_tip"),
        ):
            button.setFont(scaled_font(STUDENT_SCALE))
            button.setMinimumHeight(button.fontMetrics().height() * 2)
            button.setAccessibleName(button.text())
            button.setToolTip(t(tip))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.forward)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        self.body.addWidget(self.nav)
        self._shortcuts: list[QShortcut] = []
        for keys, slot in (("Alt+Right", self.forward), ("Alt+Left", self.back)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        self.go(0)

    # -- navigation -------------------------------------------------------------------------------

    @property
    def student_steps(self) -> int:
        return len(self.pages) - 1

    def index(self) -> int:
        return self.stack.currentIndex()

    def page(self, key: str) -> Page:
        return self.pages[self.pages.index_of(key)]

    def current_page(self) -> Page:
        return self.pages[self.index()]

    def go(self, index: int) -> None:
        index = max(0, min(index, len(self.pages) - 1))
        page = self.pages[index]
        page.update_view()
        self.stack.setCurrentIndex(index)
        student = index > 0
        self.header.setVisible(student)
        self.nav.setVisible(student)
        self.next_button.setVisible(index < len(self.pages) - 1)
        if student:
            name = t(f"openheid.page_{page.key}")
            self.step_label.setText(
                t("openheid.step", n=index, total=self.student_steps, name=name)
            )
            self.step_label.setAccessibleName(self.step_label.text())
            self.progress.setRange(0, self.student_steps)
            self.progress.setValue(index)
        scroll = self.stack.currentWidget()
        scroll.verticalScrollBar().setValue(0)  # type: ignore[attr-defined]
        self.focus_first()

    def forward(self) -> None:
        if 0 < self.index() < len(self.pages) - 1:
            self.go(self.index() + 1)

    def back(self) -> None:
        if self.index() > 0:
            self.go(self.index() - 1)

    def start(self) -> None:
        if not self.active:
            self.result.date = self.result.date.today()
            self._baseline = self.result.model_dump(mode="json")
        self.active = True
        self.go(1)

    def chain_focus(self, page: Page) -> None:
        """Tab through the page top to bottom, then Back and Next.

        Rows a page rebuilds (people, own advantages) are new widgets, which Qt would otherwise
        put at the end of the window's tab chain.
        """
        order = [*focusables(page), self.back_button, self.next_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def focus_first(self) -> None:
        target = self.current_page().first_focus()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.next_button.setFocus(Qt.FocusReason.TabFocusReason)

    # -- state ------------------------------------------------------------------------------------

    def edited(self) -> None:
        """A page changed the result (nothing to do yet: leaving compares with the baseline)."""

    def dirty(self) -> bool:
        return self.result.model_dump(mode="json") != self._baseline

    def has_unsaved_changes(self) -> bool:
        if self._handing_over or not self.active:
            return False
        return self.note_id is None or self.dirty()

    def discard_changes(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the exercise completely and show the teacher's start page."""
        self.result = OpennessResult()
        self._baseline = self.result.model_dump(mode="json")
        self.note_id = None
        self.pseudonym = None
        self.active = False
        recipients = self.pages.built("wie")
        if isinstance(recipients, RecipientsPage):
            recipients.stash.clear()
        done = self.pages.built("done")
        if isinstance(done, DonePage):
            done.reset()
        self.go(0)

    def receive(self, payload: object) -> None:
        if not isinstance(payload, Reopen) or payload.kind != "openheid":
            return
        try:
            result = OpennessResult.model_validate(payload.data)
        except ValidationError:
            dialogs.warn(self, t("openheid.reopen_failed_title"), t("openheid.reopen_failed"))
            return
        if self.has_unsaved_changes() and not dialogs.confirm_discard(self):
            return
        self.reset()
        self.result = result
        self._baseline = result.model_dump(mode="json")
        self.note_id = payload.note_id
        self.pseudonym = payload.pseudonym
        self.active = True
        self.go(0)

    def _output(self) -> OpennessResult:
        """The result as it goes into a PDF or note: a changed reopened exercise gets today."""
        if self.note_id is not None and self.dirty():
            self.result.date = self.result.date.today()
        return self.result

    # -- actions ----------------------------------------------------------------------------------

    def make_pdf(self) -> None:
        result = self._output()
        if not dialogs.ok_to_print(self, result.model_dump_json()):  # the student's own words
            return
        # reportlab: loaded when a PDF is made, not when the exercise opens
        from docentwijzer.openheid_pdf import write_student_pdf

        dialogs.save_pdf(
            self,
            title=t("openheid.pdf_dialog"),
            suggested=str(Path.home() / suggested_pdf_name(result)),
            filters=t("openheid.pdf_filter"),
            write=lambda path: write_student_pdf(path, result, self.content),
            failed_title=t("openheid.pdf_failed_title"),
            done_title=t("openheid.pdf_done_title"),
            done=lambda path: t("openheid.pdf_done", path=str(path)),
        )

    def save_note(self) -> None:
        done = self.page("done")
        assert isinstance(done, DonePage)
        if not done.consent():
            return
        result = self._output()
        pseudonym = " ".join(done.pseudonym.text().split()) or None
        draft = NoteDraft(
            origin="openheid",
            pseudonym=pseudonym,
            text=note_text(result, self.content),
            link={"openheid": result.model_dump(mode="json")},
            note_id=self.note_id,
        )
        save: Callable[[NoteDraft], bool] = self.window().save_as_note  # type: ignore[attr-defined]
        self._handing_over = True
        try:
            accepted = save(draft)
        finally:
            self._handing_over = False
        if accepted:
            self.reset()

    def close_without_saving(self) -> None:
        if not self.result.is_empty() and not dialogs.confirm_discard(self):
            return
        self.reset()


__all__ = ["PER_RECIPIENT", "OpennessScreen"]
