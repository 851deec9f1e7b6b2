"""The page's palette and stylesheet: colours chosen for contrast, checked by a test.

The colours are named here once; the stylesheet (`templates/plan.css`) uses
them only through CSS custom properties, and `CONTRAST_PAIRS` lists every
foreground the stylesheet puts on a background with the ratio WCAG 2.1 asks
for it (1.4.3: text 4.5:1; 1.4.11: borders and focus marks 3:1).
"""

from __future__ import annotations

from functools import cache

from planas.render.templates import default_template

PALETTE: dict[str, str] = {
    "text": "#1b1b1b",
    "muted": "#4a4a4a",
    "background": "#ffffff",
    "header-bg": "#e7edf3",
    "total-bg": "#f3f3f3",
    "link": "#0b4f8a",
    "border": "#6b6b6b",
    "focus": "#b35c00",
    "error": "#a4001d",
}

# (foreground, background, minimum ratio): every pairing the stylesheet uses.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "background", 4.5),
    ("text", "header-bg", 4.5),
    ("text", "total-bg", 4.5),
    ("muted", "background", 4.5),
    ("link", "background", 4.5),
    ("link", "header-bg", 4.5),
    ("link", "total-bg", 4.5),
    ("error", "background", 4.5),
    ("border", "background", 3.0),
    ("border", "header-bg", 3.0),
    ("focus", "background", 3.0),
    ("background", "link", 4.5),
)


@cache
def page_css() -> str:
    """The stylesheet inlined into every page: the palette as custom properties, then the rules."""
    palette = "".join(f"--{name}:{value};" for name, value in PALETTE.items())
    rules = default_template("plan.css").read_text(encoding="utf-8")
    return f":root{{{palette}}}\n{rules}"
