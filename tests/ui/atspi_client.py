"""The screen-reader side of tests/ui/test_atspi.py: an AT-SPI client, as Orca reads the app.

Runs under the system Python (``/usr/bin/python3`` with Debian's python3-pyatspi), next to the
app running from the venv under Xvfb; drives it with the keyboard (xdotool) and AT-SPI actions,
and prints one JSON object: the scenes it reached, the Tab stops it made and every problem:

- a control a person can reach with no name;
- markup or an HTML entity in a name or description (read out literally);
- a wrong role: a plain label that reports "focusable", a page or filler as a Tab stop, a view
  switch announced as a check box, a glyph (☆ ▶ ←) in a control's name;
- a Tab stop that changes nothing on screen around the focused control (no visible focus).

Usage: DW_ATSPI_TEXTS='{...}' atspi_client.py LANG APP_PID [SCENE ...]  (no scenes: all)
The texts are the button and bar names it looks for, in the app's language.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&#?[a-zA-Z0-9]+;")
GLYPHS = re.compile(r"[☆★▶◀►◄⚠✓✔✗→←↑↓]")
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "text",
    "password text",
    "entry",
    "combo box",
    "spin button",
    "list",
    "list item",
    "page tab",
    "page tab list",
    "slider",
    "table",
    "tree",
    "link",
}
CONTAINERS = {"filler", "panel", "scroll pane", "layered pane", "viewport", "frame"}
#: Controls whose role is part of what they mean (the view switch on Training).
EXPECTED_ROLES = {
    "nl": {"Casuïstiek": "page tab", "Achtergrondcijfers": "page tab"},
    "en": {"Cases": "page tab", "Background figures": "page tab"},
}
ALL_SCENES = [
    "start",
    "signalering",
    "beslisboom",
    "openheid",
    "belonging",
    "notities",
    "instelling",
    "training",
    "oefenen",
    "self-check",
    "over",
    "acuut",
    "zelfzorg",
    "tree leaf",
    "notes editor",
    "check-in record",
    "overview",
    "practice",
    "practice end",
    "dialog",
]
NAV_KEYS = {
    "start": "ctrl+1",
    "signalering": "ctrl+2",
    "beslisboom": "ctrl+3",
    "openheid": "ctrl+4",
    "belonging": "ctrl+5",
    "notities": "ctrl+6",
    "instelling": "ctrl+7",
    "training": "ctrl+8",
    "oefenen": "ctrl+9",
    "over": "ctrl+0",
    "acuut": "F1",
}


class Session:
    def __init__(self, lang: str, pid: int) -> None:
        self.lang = lang
        self.pid = pid
        self.problems: list[str] = []
        self.seen: set[str] = set()
        self.scenes: list[str] = []
        self.stops = 0
        self.app = self._find_app()
        self.window = self._x_window()
        self.last_focus = None
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")

    def _on_focus(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.detail1 == 1:
            self.last_focus = event.source

    def pump(self) -> None:
        """Deliver pending AT-SPI events (focus changes) to this client."""
        context = GLib.MainContext.default()
        for _ in range(200):
            if not context.pending():
                break
            context.iteration(False)

    # -- finding things ----------------------------------------------------------------------

    def _find_app(self) -> pyatspi.Accessible:
        end = time.time() + 40
        while time.time() < end:
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                app = desktop.getChildAtIndex(index)
                try:
                    if app is not None and app.get_process_id() == self.pid:
                        return app
                except Exception:
                    continue
            time.sleep(0.5)
        raise SystemExit(json.dumps({"error": "the app never appeared on the AT-SPI bus"}))

    def _x_window(self) -> str:
        end = time.time() + 20
        while time.time() < end:
            out = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(self.pid)],
                capture_output=True,
                text=True,
            ).stdout.split()
            if out:
                return out[-1]
            time.sleep(0.5)
        raise SystemExit(json.dumps({"error": "no X window for the app"}))

    def nodes(self, root: pyatspi.Accessible | None = None, depth: int = 0):  # type: ignore[no-untyped-def]
        root = root if root is not None else self.app
        if depth > 40:
            return
        try:
            showing = root.getState().contains(pyatspi.STATE_SHOWING)
        except Exception:
            return
        if depth > 1 and not showing:
            return
        yield root
        try:
            count = root.childCount
        except Exception:
            return
        for index in range(count):
            try:
                child = root.getChildAtIndex(index)
            except Exception:
                continue
            if child is not None:
                yield from self.nodes(child, depth + 1)

    def find(self, role: str, name: str | None = None, timeout: float = 10.0):  # type: ignore[no-untyped-def]
        end = time.time() + timeout
        while time.time() < end:
            for node in self.nodes():
                try:
                    if node.getRoleName() == role and (name is None or node.name == name):
                        return node
                except Exception:
                    continue
            time.sleep(0.3)
        return None

    def focused(self):  # type: ignore[no-untyped-def]
        """What has keyboard focus now, as the focus events announced it."""
        self.pump()
        if self.last_focus is not None:
            return self.last_focus
        for node in self.nodes():
            try:
                if node.getState().contains(pyatspi.STATE_FOCUSED):
                    return node
            except Exception:
                continue
        return None

    # -- acting ------------------------------------------------------------------------------

    def key(self, *keys: str) -> None:
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window], check=False)
        subprocess.run(["xdotool", "key", "--window", self.window, *keys], check=False)
        time.sleep(0.35)

    def press(self, node) -> None:  # type: ignore[no-untyped-def]
        action = node.queryAction()
        for index in range(action.nActions):
            if action.getName(index) in ("Press", "press", "click"):
                action.doAction(index)
                time.sleep(0.5)
                return
        action.doAction(0)
        time.sleep(0.5)

    # -- checking ----------------------------------------------------------------------------

    def report(self, scene: str, text: str) -> None:
        if text not in self.seen:
            self.seen.add(text)
            self.problems.append(f"[{self.lang}] {scene}: {text}")

    def check_tree(self, scene: str, root=None) -> None:  # type: ignore[no-untyped-def]
        expected = EXPECTED_ROLES[self.lang]
        for node in self.nodes(root):
            try:
                role = node.getRoleName()
                name = node.name or ""
                description = node.description or ""
                state = node.getState()
            except Exception:
                continue
            focusable = state.contains(pyatspi.STATE_FOCUSABLE)
            label = f"{role} {name[:50]!r}"
            for what, text in (("name", name), ("description", description)):
                if MARKUP.search(text):
                    self.report(scene, f"markup in the {what} of {label}: {text[:80]!r}")
            unnamed = role in INTERACTIVE and focusable and not name.strip()
            if unnamed and (role not in ("list", "table") or not _has_named_children(node)):
                self.report(scene, f"unnamed {role}")
            if role == "label" and focusable:
                self.report(scene, f"a plain label reports focusable: {name[:50]!r}")
            if role in INTERACTIVE and GLYPHS.search(name):
                self.report(scene, f"a glyph is read out in {label}")
            if name in expected and role not in (expected[name], "page tab list"):
                self.report(scene, f"{name!r} is announced as {role}, not {expected[name]}")

    def tab_walk(self, scene: str, limit: int = 60) -> None:
        first = None
        before = screenshot()
        for _ in range(limit):
            self.key("Tab")
            node = self.focused()
            after = screenshot()
            if node is None:
                self.report(scene, "Tab moved focus to nothing a screen reader can see")
                before = after
                continue
            try:
                ident = (node.getRoleName(), node.name, _extents(_current_item(node)))
            except Exception:
                before = after
                continue
            if first is None:
                first = ident
            elif ident == first:
                break
            self.stops += 1
            role, name, box = ident
            if role in CONTAINERS:
                self.report(scene, f"a Tab stop on a {role} {name!r} (announced as '{role}')")
            visible = before is None or after is None or box[2] <= 0 or box[3] <= 0
            if (
                not visible
                and _visible_change(before, after, box) < 0.75  # type: ignore[arg-type]
                and (role in ("list item", "table cell") or _ring_around(after, box) < 0.75)  # type: ignore[arg-type]
            ):
                self.report(scene, f"no visible focus change on {role} {name[:40]!r}")
            before = after

    def scene(self, name: str, *, tabs: bool = True, root=None) -> None:  # type: ignore[no-untyped-def]
        time.sleep(0.6)
        self.check_tree(name, root)
        if tabs:
            self.tab_walk(name)
        self.scenes.append(name)


def _has_named_children(node) -> bool:  # type: ignore[no-untyped-def]
    try:
        return any((node.getChildAtIndex(i).name or "").strip() for i in range(node.childCount))
    except Exception:
        return False


def _current_item(node):  # type: ignore[no-untyped-def]
    """A list shows focus on its current row: measure there."""
    try:
        if node.getRoleName() not in ("list", "table", "tree"):
            return node
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is not None and child.getState().contains(pyatspi.STATE_SELECTED):
                return child
    except Exception:
        pass
    return node


def _extents(node) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return (box.x, box.y, box.width, box.height)


WIDTH, HEIGHT = 1280, 800


def screenshot() -> bytes | None:
    """The whole screen as raw RGB bytes (ImageMagick's ``import``)."""
    result = subprocess.run(
        ["import", "-silent", "-window", "root", "-depth", "8", "rgb:-"], capture_output=True
    )
    data = result.stdout
    return data if len(data) == WIDTH * HEIGHT * 3 else None


def _luminance(data: bytes, x: int, y: int) -> float:
    i = (y * WIDTH + x) * 3
    out = 0.0
    for weight, value in zip((0.2126, 0.7152, 0.0722), data[i : i + 3], strict=True):
        c = value / 255
        out += weight * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out


def _visible_change(before: bytes, after: bytes, box: tuple[int, int, int, int]) -> float:
    """Share of the four sides of the box around which a line (a ring just outside, or an edge
    just inside) changed by 3:1 or more along at least half its length. A neighbour's old ring
    may hide one side, so 0.75 is a visible change."""
    x, y, w, h = box
    corner = 5  # a ring is rounded there
    # Outside: a ring. Inside (down to -10): the border of a list row, inset by its margin.
    offsets = (3, 2, 4, 5, 6, 1, 0, -1, -2, -3, -4, -6, -8, -10)

    def side(points_for) -> float:  # type: ignore[no-untyped-def]
        best = 0.0
        for offset in offsets:
            points = [
                (px, py) for px, py in points_for(offset) if 0 <= px < WIDTH and 0 <= py < HEIGHT
            ]
            if points:
                changed = sum(1 for px, py in points if _changed(before, after, px, py))
                best = max(best, changed / len(points))
        return best

    xs = range(x + corner, x + w - corner, 2)
    ys = range(y + corner, y + h - corner, 2)
    sides = [
        side(lambda o: [(px, y - o) for px in xs]),
        side(lambda o: [(px, y + h - 1 + o) for px in xs]),
        side(lambda o: [(x - o, py) for py in ys]),
        side(lambda o: [(x + w - 1 + o, py) for py in ys]),
    ]
    return sum(1 for value in sides if value >= 0.5) / 4


def _ring_around(image: bytes, box: tuple[int, int, int, int]) -> float:
    """Share of the four sides with a focus line 2-4 px outside the box that stands out 3:1
    from the colour 4 px further out (for when the page scrolled and the ring landed where the
    previous one was)."""
    x, y, w, h = box
    corner = 6
    xs = range(x + corner, x + w - corner, 2)
    ys = range(y + corner, y + h - corner, 2)
    inside = [
        (lambda o: [((px, y - o), (px, y - o - 4)) for px in xs]),
        (lambda o: [((px, y + h - 1 + o), (px, y + h - 1 + o + 4)) for px in xs]),
        (lambda o: [((x - o, py), (x - o - 4, py)) for py in ys]),
        (lambda o: [((x + w - 1 + o, py), (x + w - 1 + o + 4, py)) for py in ys]),
    ]
    good = 0
    for pairs_for in inside:
        best = 0.0
        for offset in (2, 3, 4):
            pairs = [
                (a, b)
                for a, b in pairs_for(offset)
                if min(a[0], b[0]) >= 0
                and max(a[0], b[0]) < WIDTH
                and min(a[1], b[1]) >= 0
                and max(a[1], b[1]) < HEIGHT
            ]
            if pairs:
                hits = sum(1 for a, b in pairs if _changed(image, image, *a, other=b))
                best = max(best, hits / len(pairs))
        good += best >= 0.5
    return good / 4


def _changed(
    before: bytes, after: bytes, x: int, y: int, other: tuple[int, int] | None = None
) -> bool:
    """Whether pixel (x, y) differs 3:1 between two images (or from ``other`` in the second)."""
    a = _luminance(before, x, y)
    b = _luminance(after, *other) if other is not None else _luminance(after, x, y)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05) >= 3.0


def run(session: Session, wanted: list[str], texts: dict[str, object]) -> None:
    for scene in ALL_SCENES:
        if scene not in wanted:
            continue
        if scene in NAV_KEYS:
            session.key(NAV_KEYS[scene])
            session.scene(scene)
        elif scene == "tree leaf":
            session.key(NAV_KEYS["beslisboom"])
            _walk_to_a_leaf(session, texts["answers"])  # type: ignore[arg-type]
            if not any((n.name or "") == texts["leaf_bar"] for n in session.nodes()):
                session.report(scene, "the walk through the referral guide reached no leaf")
            session.scene(scene)
        elif scene == "notes editor":
            session.key(NAV_KEYS["notities"])
            _open_the_editor(session, texts)
            session.scene(scene)
        elif scene == "check-in record":
            _record_a_check_in(session, texts)
            session.scene(scene)
        elif scene == "overview":
            session.key("ctrl+Return")  # record the outcome: back on the note's page
            session.key("Escape")  # the list
            _press_named(session, texts["overview"])
            session.scene(scene)
        elif scene == "zelfzorg":
            _press_named(session, texts["self_care"])  # from the acute screen, as a teacher would
            session.scene(scene)
        elif scene == "self-check":
            session.key(NAV_KEYS["oefenen"])
            _press_named(session, texts["self_check"])
            # Every statement answered and saved: the before/after picture is read out too.
            for name in texts["self_check_answers"]:  # type: ignore[union-attr]
                button = session.find("radio button", name, timeout=5)  # type: ignore[arg-type]
                if button is None:
                    session.report(scene, f"no answer named {name!r}")
                    continue
                session.press(button)
            _press_named(session, texts["self_check_save"])
            if not any((n.name or "") == texts["self_check_chart"] for n in session.nodes()):
                session.report(scene, "the self-check was not saved: no before/after picture")
            session.scene(scene)
            _press_named(session, texts["self_check_back"])  # the overview, for what follows
        elif scene == "practice":
            session.key(NAV_KEYS["oefenen"])
            _press_named(session, texts["first_conversation"])
            session.key("2")  # a line that makes it harder: the feedback takes the focus
            session.scene(scene)
        elif scene == "practice end":
            session.key("BackSpace")
            for _ in range(4):  # the helpful line at every turn, then the real tree
                session.key("1")
            for answer in ("3", "2", "2", "1"):
                session.key(answer)
            session.scene(scene)
        elif scene == "dialog":
            _open_a_dialog(session)
            dialog = session.find("dialog", None, timeout=5) or session.find("alert", None, 5)
            if dialog is None:
                session.report("dialog", "the 'discard?' dialog did not open")
                continue
            session.scene(scene, root=dialog)
            session.key("Escape")


def _press_named(session: Session, name: str) -> None:
    """Press the push button with this accessible name (as its AT-SPI action does)."""
    for node in session.nodes():
        if _role(node) == "push button" and (node.name or "") == name:
            session.press(node)
            return
    session.report("press", f"no button named {name!r}")


def _walk_to_a_leaf(session: Session, answers: list[str]) -> None:
    """Press the referral guide's answers, by name, as a screen-reader user would."""
    for label in answers:
        button = session.find("push button", label, timeout=5)
        if button is None:
            session.report("tree leaf", f"no answer button named {label!r}")
            return
        session.press(button)


def _role(node) -> str:  # type: ignore[no-untyped-def]
    try:
        return str(node.getRoleName())
    except Exception:
        return ""


def _open_the_editor(session: Session, texts: dict[str, object]) -> None:
    fields = [n for n in session.nodes() if _role(n) == "password text"]
    for field in fields[:2]:
        field.queryEditableText().setTextContents("oranje fiets aan de gracht")
    secure = session.find("push button", texts["secure"], timeout=3)
    if secure is not None:
        session.press(secure)
    new_note = session.find("push button", texts["new_note"], timeout=20)
    if new_note is not None:
        session.press(new_note)
        time.sleep(1.0)


def _record_a_check_in(session: Session, texts: dict[str, object]) -> None:
    """In the open editor: a pseudonym and a check-in, saved; then "Hoe ging het?" for it,
    with "Niet gelukt" chosen, so who else and the later check-in are on the page."""
    field = next(
        (n for n in session.nodes() if _role(n) == "text" and n.name == texts["pseudonym"]), None
    )
    if field is None:
        session.report("check-in record", "no pseudonym field in the note editor")
        return
    field.queryEditableText().setTextContents("AB")
    _press_named(session, texts["add_check_in"])
    session.key("ctrl+s")
    time.sleep(0.5)
    _press_named(session, texts["record"])
    choice = session.find("radio button", texts["not_succeeded"], timeout=5)
    if choice is None:
        session.report("check-in record", "no outcome 'not succeeded' to choose")
        return
    session.press(choice)


def _open_a_dialog(session: Session) -> None:
    """Type in the note editor and leave: the app asks whether to discard."""
    session.key("ctrl+2")  # Signalering: type a pseudonym, then leave
    field = next((n for n in session.nodes() if _role(n) == "text"), None)
    if field is not None:
        field.queryEditableText().setTextContents("AB")
        time.sleep(0.3)
    session.key("ctrl+1")


def main() -> None:
    lang, pid = sys.argv[1], int(sys.argv[2])
    wanted = sys.argv[3:] or ALL_SCENES
    texts = json.loads(os.environ["DW_ATSPI_TEXTS"])
    session = Session(lang, pid)
    run(session, wanted, texts)
    print(
        json.dumps({"scenes": session.scenes, "stops": session.stops, "problems": session.problems})
    )


if __name__ == "__main__":
    main()
