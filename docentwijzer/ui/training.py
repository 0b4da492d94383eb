"""Training: fictional cases and the Monitor figures, projected in trainer mode.

Trainer mode itself belongs to the main window (``enter_trainer_mode`` / ``leave_trainer_mode``);
its look, its bar and the session that remembers what to restore live in ``trainer_mode``.
This screen only asks the window to start it. Nothing in trainer mode is persisted.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.handoff import SignalContext
from docentwijzer.i18n import t
from docentwijzer.training import (
    Case,
    Figure,
    Pillar,
    background,
    channel_step,
    leaf_name,
    load_cases,
    route_steps,
    step_text,
    user_case_dir,
)

from docentwijzer.ui import dialogs
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import (
    card,
    heading,
    icon_button,
    paragraph,
    path_field,
    sources_line,
)

#: Presenter clickers send PageDown/PageUp; a keyboard has the arrows.
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)


def _scaled(label: QLabel, factor: float, *, bold: bool = False) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # type: ignore[call-overload]
            widget.deleteLater()


class TrainingScreen(Screen):
    """Cases and background figures, one per slide; presenter keys move through them."""

    area_id = "training"

    def __init__(self) -> None:
        super().__init__()
        self.library = load_cases()
        self.background = background()
        self.slides: dict[str, list[object]] = {
            "cases": list(self.library.cases),
            "background": [*self.background.figures, *self.background.pillars],
        }
        self.section = "cases"
        self.positions = {"cases": 0, "background": 0}

        self.title = heading(t("training.title"))
        self.body.addWidget(self.title)
        self.intro = paragraph(t("training.intro"), muted=True)
        self.body.addWidget(self.intro)
        self.start_button = QPushButton(t("training.start"))
        self.start_button.setObjectName("startTrainerMode")
        self.start_button.clicked.connect(self._enter)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.body.addWidget(self.start_button)

        self.switch = QWidget()
        self.switch_grid = QGridLayout(self.switch)
        self.switch_grid.setContentsMargins(0, 0, 0, 0)
        self.switch_grid.setColumnStretch(1, 1)
        # Two views of one screen: tabs (a screen reader says "tab 1 of 2"), not toggle buttons
        # (announced as check boxes).
        self.section_keys = ["cases", "background"]
        self.sections = QTabBar()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(t("training.sections_name"))
        self.sections.setExpanding(False)
        self.sections.setDrawBase(False)
        for key in self.section_keys:
            self.sections.addTab(t(f"training.section_{key}"))
        self.sections.currentChanged.connect(
            lambda index: self.show_section(self.section_keys[index])
        )
        self.switch_grid.addWidget(self.sections, 0, 0)
        self.previous_button = icon_button("chevron-left", t("training.previous"))
        self.previous_button.setText(t("training.previous"))
        self.previous_button.clicked.connect(self.previous)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = icon_button("chevron-right", t("training.next"))
        self.next_button.setText(t("training.next"))
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after
        self.next_button.clicked.connect(self.next)
        self.stepper = QWidget()
        row = QHBoxLayout(self.stepper)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.counter)
        row.addWidget(self.next_button)
        self.switch_grid.addWidget(self.stepper, 0, 2)
        self.body.addWidget(self.switch)

        self.slide = QFrame()
        self.slide.setObjectName("card")
        self.slide_layout = QVBoxLayout(self.slide)
        self.slide_layout.setContentsMargins(20, 16, 20, 16)
        self.slide_layout.setSpacing(10)
        self.body.addWidget(self.slide)

        self.keys_hint = paragraph(t("training.keys_hint"), muted=True)
        self.body.addWidget(self.keys_hint)

        self.prepare = self._prepare_panel()
        self.body.addWidget(self.prepare)
        self.body.addStretch(1)

        self._shortcuts: list[QShortcut] = []
        for keys, slot in ((NEXT_KEYS, self.next), (PREVIOUS_KEYS, self.previous)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setEnabled(False)  # only while this screen is on view
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)

        self.show_section("cases")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_switch()

    def _fit_switch(self) -> None:
        """The sections and Vorige/Volgende on one line where they fit; at large text on a
        narrow screen the buttons go below the sections (the page scrolled sideways)."""
        spacing = max(self.switch_grid.horizontalSpacing(), 0)
        room = (
            self.width() - self.body.contentsMargins().left() - self.body.contentsMargins().right()
        )
        needed = self.sections.sizeHint().width() + spacing + self.stepper.sizeHint().width()
        position = (0, 2) if needed <= room else (1, 0)
        index = self.switch_grid.indexOf(self.stepper)
        if self.switch_grid.getItemPosition(index)[:2] != position:
            self.switch_grid.removeWidget(self.stepper)
            self.switch_grid.addWidget(self.stepper, *position, 1, 1, Qt.AlignmentFlag.AlignLeft)

    # -- preparing (not shown on the projector) ---------------------------------------------

    def _prepare_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 12, 0, 0)
        column.addWidget(heading(t("training.prepare_title"), 2))
        self.export_button = QPushButton(t("training.export"))
        self.export_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.export_button.clicked.connect(self.export_handout)
        column.addWidget(self.export_button)
        self.make_cases_button = QPushButton(t("training.make_own_cases"))
        self.make_cases_button.setObjectName("makeOwnCases")
        self.make_cases_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.make_cases_button.clicked.connect(
            lambda: self.window().navigate("oefenen", "editor")  # type: ignore[attr-defined]
        )
        column.addWidget(self.make_cases_button)
        column.addWidget(paragraph(t("training.own_cases"), muted=True))
        column.addWidget(path_field(user_case_dir(), t("training.own_cases_folder")))
        if self.library.user_files:
            column.addWidget(
                paragraph(t("training.own_cases_loaded", count=len(self.library.user_files)))
            )
        self.problem_labels: list[QLabel] = []
        if self.library.problems:
            labels = [paragraph(str(problem)) for problem in self.library.problems]
            self.problem_labels = labels
            column.addWidget(
                card(
                    heading(t("training.problems_title"), 3),
                    paragraph(t("training.problems_intro")),
                    *labels,
                    object_name="disclaimer",
                )
            )
        return panel

    # -- the window's trainer mode ----------------------------------------------------------

    def _in_trainer_mode(self) -> bool:
        return bool(getattr(self.window(), "trainer_mode", False))

    def _enter(self) -> None:
        self.window().enter_trainer_mode()  # type: ignore[attr-defined]

    def showEvent(self, event: object) -> None:
        presenting = self._in_trainer_mode()
        for widget in (self.title, self.intro, self.start_button, self.keys_hint, self.prepare):
            widget.setVisible(not presenting)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        super().showEvent(event)  # type: ignore[arg-type]

    def hideEvent(self, event: object) -> None:
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    def focus_first(self) -> None:
        target = self.next_button if self._in_trainer_mode() else self.start_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- moving through the slides ----------------------------------------------------------

    def show_section(self, section: str) -> None:
        self.section = section
        index = self.section_keys.index(section)
        if self.sections.currentIndex() != index:
            self.sections.setCurrentIndex(index)  # calls back here
            return
        self._render()

    def current_index(self) -> int:
        return self.positions[self.section]

    def current_item(self) -> object:
        return self.slides[self.section][self.current_index()]

    def next(self) -> None:
        self._go(+1)

    def previous(self) -> None:
        self._go(-1)

    def _go(self, step: int) -> None:
        count = len(self.slides[self.section])
        target = min(max(self.current_index() + step, 0), count - 1)
        if target != self.current_index():
            self.positions[self.section] = target
            self._render()

    def _render(self) -> None:
        _clear(self.slide_layout)
        item = self.current_item()
        index, total = self.current_index(), len(self.slides[self.section])
        if isinstance(item, Case):
            self._render_case(item)
            self.counter.setText(t("training.counter_case", number=index + 1, total=total))
        elif isinstance(item, Figure):
            self._render_figure(item)
            figures = len(self.background.figures)
            self.counter.setText(t("training.counter_figure", number=index + 1, total=figures))
        elif isinstance(item, Pillar):
            self._render_pillar(item)
            number = index - len(self.background.figures) + 1
            pillars = len(self.background.pillars)
            self.counter.setText(t("training.counter_pillar", number=number, total=pillars))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < total - 1)
        self._order_tabs()
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(0)

    def _order_tabs(self) -> None:
        """Reading order: after "Volgende" come the slide's buttons, then Voorbereiden (a new
        slide's widgets would otherwise join the end of the Tab chain)."""
        chain: list[QWidget] = [self.next_button]
        chain += [
            w for w in self.slide.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        chain += [
            w
            for w in self.prepare.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _add(self, widget: QWidget) -> QWidget:
        self.slide_layout.addWidget(widget)
        widget.setVisible(True)  # at once, not after the next event loop turn
        return widget

    def _render_case(self, case: Case) -> None:
        origin = self.library.user_files.get(case.id)
        kind = t("training.user_case", file=origin) if origin else t("training.fictional")
        self._add(paragraph(f"{case.theme} · {kind}", muted=True))
        self._add(heading(case.title))
        for text in case.paragraphs():
            self._add(_scaled(paragraph(text), 1.1))

        self._add(paragraph(t("training.walk_intro"), muted=True))
        tools = QWidget()
        row = QHBoxLayout(tools)
        row.setContentsMargins(0, 0, 0, 0)
        self.tool_buttons: dict[str, QPushButton] = {}
        for tool in case.tools:
            button = QPushButton(t(f"training.open_in_{tool}"))
            button.clicked.connect(lambda _=False, area=tool: self._open(area, case))
            row.addWidget(button)
            self.tool_buttons[tool] = button
        row.addStretch(1)
        self._add(tools)

        self.discussion_button = QPushButton(t("training.show_discussion"))
        self.discussion_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._add(self.discussion_button)
        self.discussion = self._discussion_panel(case)
        self._add(self.discussion)
        self.discussion.setVisible(False)
        self.discussion_button.clicked.connect(
            lambda _=False: self._toggle_discussion(self.discussion.isHidden())
        )

    def _toggle_discussion(self, shown: bool) -> None:
        self.discussion.setVisible(shown)
        self.discussion_button.setText(
            t("training.hide_discussion") if shown else t("training.show_discussion")
        )

    def _discussion_panel(self, case: Case) -> QWidget:
        panel = QWidget()
        panel.setObjectName("discussion")
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(heading(t("training.route_title"), 2))
        column.addWidget(paragraph(step_text(*channel_step(case)), muted=True))
        for number, (question, answer) in enumerate(route_steps(case), start=1):
            column.addWidget(paragraph(f"{number}. {step_text(question, answer)}"))
        outcome = paragraph(t("training.route_end", leaf=leaf_name(case.expected_leaf)))
        column.addWidget(_scaled(outcome, 1.0, bold=True))

        column.addWidget(heading(t("training.why_title"), 2))
        for point in case.discussion.why:
            column.addWidget(paragraph(f"•  {point.text}"))
            column.addWidget(sources_line([point.source]))
        column.addWidget(heading(t("training.contacts_title"), 2))
        for contact in case.discussion.contacts:
            column.addWidget(paragraph(f"•  {contact}"))
        column.addWidget(heading(t("training.questions_title"), 2))
        for question in case.discussion.questions:
            column.addWidget(paragraph(f"•  {question}"))
        return panel

    def _render_figure(self, figure: Figure) -> None:
        self._add(paragraph(self.background.monitor, muted=True))
        value = _scaled(QLabel(figure.value), 4.5, bold=True)
        value.setObjectName("figureValue")
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value.setAccessibleName(f"{figure.value} {figure.label}")
        self._add(value)
        label = _scaled(paragraph(figure.label), 1.6, bold=True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._add(label)
        if figure.detail:
            detail = _scaled(paragraph(figure.detail), 1.2)
            detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._add(detail)
        source = paragraph(
            t("training.figure_source", source=figure.source.label(), year=figure.year),
            muted=True,
        )
        source.setObjectName("source")
        source.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._add(source)

    def _render_pillar(self, pillar: Pillar) -> None:
        self._add(paragraph(self.background.pillars_title, muted=True))
        self._add(heading(pillar.title))
        for point in pillar.points:
            self._add(_scaled(paragraph(f"•  {point}"), 1.15))
        self._add(sources_line([pillar.source]))

    def _open(self, area_id: str, case: Case) -> None:
        # Beslisboom starts at its first question with how the case's worry arrived (what to do
        # first depends on it); the route itself is left to the group.
        payload = SignalContext(channel=case.channel) if area_id == "beslisboom" else None
        self.window().navigate(area_id, payload)  # type: ignore[attr-defined]

    # -- the handout ------------------------------------------------------------------------

    def export_handout(self) -> None:
        own = [
            case.model_dump_json() for case in self.library.cases if self.library.is_user_case(case)
        ]
        if not dialogs.ok_to_print(self, *own):  # a trainer's own case files may hold anything
            return
        from docentwijzer.training_pdf import write_handout  # reportlab: when a PDF is made

        dialogs.save_pdf(
            self,
            title=t("training.export_dialog"),
            suggested=str(Path.home() / t("training.export_filename")),
            filters="PDF (*.pdf)",
            write=lambda path: write_handout(path, self.library.cases, self.background),
            failed_title=t("training.export_failed_title"),
            done_title=t("training.export_done_title"),
            done=lambda path: t("training.export_done", path=path),
        )


__all__ = ["TrainingScreen"]
