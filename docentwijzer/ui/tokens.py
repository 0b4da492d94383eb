"""Design tokens: the one place for colours, spacing, type and shape (see docs/design.md).

Pure Python (no Qt), so a test can recompute every contrast ratio from this table. The theme
(``ui/theme.py``) turns a scheme into a palette and one window style sheet; screens never pick a
colour themselves.

Schemes: ``light`` and ``dark`` for the teacher's own use, ``contrast_light`` and
``contrast_dark`` for trainer mode on a projector.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Colors:
    """One scheme. Each name says where the colour is used; docs/design.md has the table."""

    bg: str  # window background
    surface: str  # cards, buttons, action bars
    nav: str  # navigation column
    field: str  # inside text fields and lists
    text: str
    muted: str  # secondary text: hints, sources
    border: str  # decorative edges (cards, separators): exempt from 1.4.11
    input_border: str  # edges that show a control: fields, buttons, check boxes
    primary: str  # the one filled button, links, the selection bar
    on_primary: str  # text on a primary fill
    hover: str  # background of a button or row under the mouse
    focus: str  # the focus ring
    selected: str  # a selected row (text stays ``text``)
    acute_fill: str
    acute_text: str
    acute_edge: str
    danger: str  # destructive buttons and errors: text and outline, never a fill
    success: str
    warning: str  # callout edges and icons
    disabled: str  # text and dashed edge of what cannot be used now (exempt)


SCHEMES: dict[str, Colors] = {
    # Warm paper and ink; one calm blue for what can be clicked.
    "light": Colors(
        bg="#f6f4f0",
        surface="#ffffff",
        nav="#ebe7e0",
        field="#ffffff",
        text="#1f1c18",
        muted="#58534b",
        border="#d6d0c6",
        input_border="#6e685f",
        primary="#1d4f91",
        on_primary="#ffffff",
        hover="#efebe4",
        focus="#0b0c0c",
        selected="#d9e4f4",
        acute_fill="#fbeae6",
        acute_text="#7d1a12",
        acute_edge="#b4372c",
        danger="#a4231b",
        success="#1e6b34",
        warning="#8a5300",
        disabled="#7d776e",
    ),
    "dark": Colors(
        bg="#1c1b19",
        surface="#262522",
        nav="#141312",
        field="#121110",
        text="#ece8e2",
        muted="#bcb6ab",
        border="#423f3a",
        input_border="#918a80",
        primary="#9cc0f5",
        on_primary="#0d1f3a",
        hover="#302e2b",
        focus="#ffffff",
        selected="#2b3d57",
        acute_fill="#3d1e1b",
        acute_text="#ffd9d3",
        acute_edge="#e06c5f",
        danger="#ff9b8f",
        success="#86d49c",
        warning="#e8b45a",
        disabled="#7a746b",
    ),
    # Trainer mode: black on white or white on black, readable from the back of a room.
    "contrast_light": Colors(
        bg="#ffffff",
        surface="#ffffff",
        nav="#ffffff",
        field="#ffffff",
        text="#000000",
        muted="#262626",
        border="#000000",
        input_border="#000000",
        primary="#000000",
        on_primary="#ffffff",
        hover="#eeeeee",
        focus="#0033a0",
        selected="#cce0ff",
        acute_fill="#ffffff",
        acute_text="#8b0000",
        acute_edge="#a00000",
        danger="#a00000",
        success="#0b5a1f",
        warning="#6b4000",
        disabled="#595959",
    ),
    "contrast_dark": Colors(
        bg="#000000",
        surface="#000000",
        nav="#000000",
        field="#000000",
        text="#ffffff",
        muted="#e6e6e6",
        border="#ffffff",
        input_border="#ffffff",
        primary="#ffffff",
        on_primary="#000000",
        hover="#1a1a1a",
        focus="#ffd200",
        selected="#1f2f55",
        acute_fill="#000000",
        acute_text="#ffb3ab",
        acute_edge="#ff6b5e",
        danger="#ff8a80",
        success="#8ee6a6",
        warning="#ffd27a",
        disabled="#a6a6a6",
    ),
}

#: Spacing in px at 100 % text (NL Design System's scale): 4 icon–label · 8 related controls ·
#: 12 form rows, inside cards · 16 card padding · 24 page margin, between sections · 32 above a
#: heading · 48 empty states.
SPACE = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24, "xxl": 32, "xxxl": 48}

#: Type scale, as a factor of the body text size (the system font at the chosen text size).
TYPE = {"title": 1.5, "section": 1.25, "subsection": 1.0, "body": 1.0, "small": 0.9}
#: The smallest text (sources, hints) never goes below this many points.
SMALL_MIN_PT = 9.0

#: Corner radii in px.
RADIUS = {"control": 4, "card": 8}
#: Minimum height of a control in px: ordinary and trainer mode (a pointer target on a projector).
CONTROL_HEIGHT = {"normal": 32, "trainer": 48}
#: Width of the focus ring in px (drawn 2 px outside the control).
FOCUS_WIDTH = {"normal": 2, "trainer": 3}
FOCUS_GAP = 2

#: Lines of running text stay under about this many characters.
MEASURE_CHARS = 75


def spacing_factor(text_scale: int) -> float:
    """Margins grow with the text, but slower: ×1.25 at 150 %, ×1.5 at 200 %."""
    return 1.0 + max(0, text_scale - 100) / 200


# -- contrast (WCAG 2.1, https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) ----------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    color = color.lstrip("#")
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


#: What must stand out against what: (foreground token, background tokens, minimum ratio).
#: Text needs 4.5:1 (SC 1.4.3); edges that show a control and the focus ring need 3:1 (SC 1.4.11).
REQUIREMENTS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("text", ("bg", "surface", "nav", "field", "selected", "hover"), 4.5),
    ("muted", ("bg", "surface", "nav", "field"), 4.5),
    ("input_border", ("bg", "surface", "field", "hover"), 3.0),
    ("primary", ("bg", "surface", "field", "selected"), 4.5),
    ("on_primary", ("primary",), 4.5),
    ("focus", ("bg", "surface", "nav", "field", "selected", "acute_fill"), 3.0),
    ("acute_text", ("acute_fill",), 4.5),
    ("acute_edge", ("acute_fill", "bg"), 3.0),
    ("danger", ("bg", "surface", "field"), 4.5),
    ("success", ("bg", "surface"), 4.5),
    ("warning", ("bg", "surface"), 4.5),
)

#: Exempt from the minimum (decorative, or not usable now), listed for the record.
EXEMPT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("border", ("bg", "surface")),
    ("disabled", ("bg", "surface")),
)


def lowest(scheme: str, foreground: str, backgrounds: tuple[str, ...]) -> float:
    colors = SCHEMES[scheme]
    return min(contrast(getattr(colors, foreground), getattr(colors, b)) for b in backgrounds)


def token_table() -> str:
    """The palette as the Markdown table docs/design.md shows (a test keeps them equal)."""
    names = list(SCHEMES)
    head = "| token | on | " + " | ".join(names) + " |"
    rows = [head, "|" + "---|" * (len(names) + 2)]
    for foreground, backgrounds, minimum in REQUIREMENTS:
        cells = [
            f"{getattr(SCHEMES[s], foreground)} {lowest(s, foreground, backgrounds):.1f}"
            for s in names
        ]
        on = ", ".join(backgrounds)
        rows.append(f"| {foreground} (≥{minimum:g}) | {on} | " + " | ".join(cells) + " |")
    for foreground, backgrounds in EXEMPT:
        cells = [
            f"{getattr(SCHEMES[s], foreground)} {lowest(s, foreground, backgrounds):.1f}"
            for s in names
        ]
        on = ", ".join(backgrounds)
        rows.append(f"| {foreground} (exempt) | {on} | " + " | ".join(cells) + " |")
    surfaces = ("bg", "surface", "nav", "field", "selected", "hover", "acute_fill")
    for name in surfaces:
        rows.append(
            f"| {name} (surface) | | " + " | ".join(getattr(SCHEMES[s], name) for s in names) + " |"
        )
    return "\n".join(rows)


def token_names() -> list[str]:
    return [f.name for f in fields(Colors)]
