"""Shared components: one control per choice, text that wraps, targets that fit the text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.pixels import ratio
from tests.ui.test_accessibility import accessible_name

from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.widgets import CardButton
from docentwijzer.ui.wrapping import WrapCheckBox


def test_a_wrapping_check_box_is_one_control_read_once(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    text = "Mensen om me heen kunnen me helpen met druk of stress, ook als het even tegenzit"
    box = WrapCheckBox(text)
    qtbot.addWidget(box)
    box.show()
    assert accessible_name(box) == text
    assert not box.findChildren(QLabel)  # no label beside it to be read a second time
    assert box.heightForWidth(160) > box.heightForWidth(1000)  # the text wraps
    box.resize(300, box.heightForWidth(300))
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(250, 10))  # on the text
    assert box.isChecked()


def test_a_card_measures_its_text_again_in_a_new_font(qtbot: QtBot) -> None:
    words = ("Zorgen over een student", "Wat je ziet en wat je kunt doen", "school")
    card, fresh = CardButton(*words), CardButton(*words)
    qtbot.addWidget(card)
    qtbot.addWidget(fresh)
    widths = (900, 300, 180)
    before = [card.heightForWidth(w) for w in widths]
    assert before[2] > before[0]  # the title and detail wrap when narrow
    font = card.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    card.setFont(font)
    fresh.setFont(font)
    # As tall as a card that never knew the small font: nothing measured before is reused.
    assert [card.heightForWidth(w) for w in widths] == [fresh.heightForWidth(w) for w in widths]


def test_the_openness_exercise_has_no_clickable_text_beside_its_choices(
    main_window: MainWindow,
) -> None:
    main_window.navigate("openheid")
    screen = main_window.current_screen()
    screen.start()  # type: ignore[attr-defined]
    from docentwijzer.ui.openheid.screen import STEPS

    screen.go([key for key, _build in STEPS].index("wie"))  # type: ignore[attr-defined]
    page = screen.current_page()  # type: ignore[attr-defined]
    boxes = page.findChildren(WrapCheckBox)
    assert boxes
    for box in boxes:
        assert not [
            label for label in box.parentWidget().findChildren(QLabel) if label.text() == box.text()
        ]


def test_the_checklist_signals_are_one_control_each_read_once(main_window: MainWindow) -> None:
    """A check box with clickable text beside it was read twice (box, then the label)."""
    main_window.navigate("signalering")
    screen = main_window.current_screen()
    rows = screen.rows.values()  # type: ignore[attr-defined]
    assert rows
    for row in rows:
        assert isinstance(row.check, WrapCheckBox)
        assert row.signal.text in row.check.text()
        labels = [label.text() for label in row.findChildren(QLabel) if label.isVisibleTo(row)]
        assert not [text for text in labels if row.signal.text in text], labels
        assert accessible_name(row.check).endswith(row.signal.text)


def ink_height(image: QImage, left: int) -> int:
    """Rows with a dark or coloured mark right of ``left`` (the card's chevron)."""
    background = image.pixelColor(image.width() - 3, image.height() // 2)
    rows = [
        y
        for y in range(3, image.height() - 3)
        for x in range(left, image.width() - 4)
        if ratio(image.pixelColor(x, y), background) > 2.0
    ]
    return max(rows) - min(rows) + 1 if rows else 0


def test_start_cards_arrow_grows_with_the_text_size(main_window: MainWindow) -> None:
    """At 200% text the arrow on each Start card stayed small beside the doubled text."""

    def measure() -> tuple[int, int]:
        QCoreApplication.processEvents()
        card = main_window.current_screen().situation_buttons["zorgen"]  # type: ignore[attr-defined]
        image = card.grab().toImage()
        title = card.fontMetrics().height()
        return ink_height(image, image.width() - round(title * 2.4)), title

    arrow, line = measure()
    assert main_window.set_text_scale(200)
    big_arrow, big_line = measure()
    main_window.set_text_scale(100)
    assert arrow > 0
    assert big_arrow / arrow >= 0.8 * big_line / line, (arrow, big_arrow, line, big_line)
    assert big_arrow >= 0.9 * big_line  # as tall as a line of the card's text


def test_the_pinned_bars_never_cut_a_button_at_200_percent_on_1024_pixels(
    main_window: MainWindow,
) -> None:
    """Signalering's 'Bewaar als notitie' and 'Opnieuw beginnen', Instellingsgegevens'
    'Importeren…' and 'Exporteren…' were cut at 200% text: a bar that cannot hold its buttons
    side by side puts them below each other."""
    from PySide6.QtWidgets import QPushButton

    assert main_window.set_text_scale(200)
    main_window.resize(1024, 768)
    cut = []
    for area_id in ("signalering", "instelling"):
        main_window.navigate(area_id)
        QCoreApplication.processEvents()
        bar = main_window.current_screen().findChild(QWidget, "actionBar")
        assert bar is not None and bar.isVisible()
        for button in bar.findChildren(QPushButton):
            if button.isVisible() and button.width() < button.sizeHint().width():
                cut.append(
                    f"{area_id}: {button.text()} {button.width()} < {button.sizeHint().width()}"
                )
    main_window.set_text_scale(100)
    main_window.navigate("signalering")
    QCoreApplication.processEvents()
    bar = main_window.current_screen().findChild(QWidget, "actionBar")
    buttons = [b for b in bar.findChildren(QPushButton) if b.isVisible()]
    assert len({b.y() for b in buttons}) == 1  # at 100% still one row
    assert cut == []


def test_icons_on_buttons_grow_with_the_text(main_window: MainWindow) -> None:
    """Training's Vorige/Volgende arrows stayed 18 px beside doubled text at 200%."""
    main_window.navigate("training")
    button = main_window.current_screen().next_button  # type: ignore[attr-defined]
    small = button.iconSize().height()
    assert main_window.set_text_scale(200)
    QCoreApplication.processEvents()
    big = button.iconSize().height()
    main_window.set_text_scale(100)
    assert big >= 1.6 * small, (small, big)  # 16 px at least at 100%, a text line at 200%
    assert big >= button.fontMetrics().height()
