"""WordprocessingML names for lxml (the `w:` namespace and friends)."""

from __future__ import annotations

from functools import cache

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@cache
def W(local: str) -> str:
    """`w:local` as a Clark name."""
    return f"{{{W_NS}}}{local}"


def attr(element: etree._Element | None, local: str) -> str | None:
    """The `w:local` attribute of an element (None when the element or the attribute is missing)."""
    if element is None:
        return None
    value = element.get(W(local))
    return None if value is None else str(value)


def on(element: etree._Element | None) -> bool:
    """A Word toggle property (`<w:b/>`, `<w:b w:val="0"/>`): present and not switched off."""
    if element is None:
        return False
    return attr(element, "val") not in ("0", "false", "off", "none")
