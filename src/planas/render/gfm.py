"""Prose and view blocks written out as GitHub-flavoured Markdown, with the plan's text escaped.

Every character of the plan's text that Markdown would read as markup is
escaped, so the output means exactly what the planner wrote and cannot carry
raw HTML (`<script>` prints as text). Underscores inside words (e-mail
addresses, `soc_parama_info`) and inside web addresses are left as they are:
CommonMark never reads them as emphasis, and the raw file stays readable.
"""

from __future__ import annotations

import re

from planas.render.prose import Inline, ProseBlock, Span

_ALWAYS = re.compile(r"([\\`*\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_LONE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-zÀ-ž])_|_(?![0-9A-Za-zÀ-ž])")


def _escape_piece(text: str, *, in_url: bool) -> str:
    escaped = _ALWAYS.sub(r"\\\1", text)
    escaped = _ENTITY.sub(r"\\&", escaped)
    return escaped if in_url else _LONE_UNDERSCORE.sub(r"\\_", escaped)


def escape(text: str, *, line_start: bool = False) -> str:
    """Plan text made literal in Markdown (web addresses keep their underscores)."""
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(_escape_piece(text[last:match.start()], in_url=False))
        parts.append(_escape_piece(match.group(), in_url=True))
        last = match.end()
    parts.append(_escape_piece(text[last:], in_url=False))
    escaped = "".join(parts)
    if line_start:
        escaped = _LINE_START.sub(lambda m: f"{m.group(1)}{_escape_marker(m.group(2))}", escaped, count=1)
    return escaped


def _escape_marker(marker: str) -> str:
    r"""A block marker at a line's start made literal: `#` -> `\#`, `1.` -> `1\.`."""
    if marker[-1] in ".)":
        return f"{marker[:-1]}\\{marker[-1]}"
    return f"\\{marker}"


def _code(text: str) -> str:
    """Inline code with enough backticks around it (its content is never escaped)."""
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


class _InlineWriter:
    """Writes spans, tracking whether the next text starts a line (where `-`, `#`, `1.` mean markup)."""

    def __init__(self, *, in_table: bool) -> None:
        self.line_start = True
        self.in_table = in_table

    def write(self, inline: Inline) -> str:
        """Markdown for a sequence of spans."""
        return "".join(self.span(span) for span in inline)

    def span(self, span: Span) -> str:
        """Markdown for one span."""
        if span.kind == "text":
            text = escape(span.text, line_start=self.line_start)
            self.line_start = False
            return text
        if span.kind in ("softbreak", "hardbreak"):
            if self.in_table:  # a table row is one line
                return " "
            self.line_start = True
            return "\\\n" if span.kind == "hardbreak" else "\n"
        self.line_start = False
        if span.kind == "code":
            return _code(span.text)
        inner = self.write(span.children)
        if span.kind == "strong":
            return f"**{inner}**"
        if span.kind == "em":
            return f"*{inner}*"
        if span.kind == "strike":
            return f"~~{inner}~~"
        href = span.href.replace("<", "%3C").replace(">", "%3E")
        if any(c in href for c in "() "):
            href = f"<{href}>"
        return f"[{inner}]({href})"


def inline_md(inline: Inline, *, in_table: bool = False) -> str:
    """Markdown for inline content."""
    return _InlineWriter(in_table=in_table).write(inline)


def _indent(lines: list[str], first: str, rest: str) -> list[str]:
    return [(first if i == 0 else rest) + line if line else "" for i, line in enumerate(lines)]


def _list_lines(block: ProseBlock) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, block.start):
        marker = f"{number}. " if block.ordered else "- "
        body = blocks_lines(item, tight=block.tight) or [""]
        if lines and not block.tight:
            lines.append("")
        lines += _indent(body, marker, " " * len(marker))
    return lines


def _table_lines(header: tuple[Inline, ...], rows: tuple[tuple[Inline, ...], ...], align: tuple[str, ...]) -> list[str]:
    def row_line(cells: tuple[Inline, ...]) -> str:
        return "| " + " | ".join(inline_md(cell, in_table=True) or " " for cell in cells) + " |"

    marks = {"right": "---:", "center": ":---:", "left": ":---"}
    delimiter = "|" + "|".join(marks.get(align[i] if i < len(align) else "", "---") for i in range(len(header))) + "|"
    return [row_line(header), delimiter, *(row_line(r) for r in rows)]


def block_lines(block: ProseBlock) -> list[str]:
    """The Markdown lines of one prose block."""
    if block.kind == "paragraph":
        return inline_md(block.inline).split("\n")
    if block.kind == "heading":
        # A heading in a section's prose sits below the section's own (###).
        return ["#" * min(6, block.level + 3) + " " + inline_md(block.inline).replace("\n", " ")]
    if block.kind == "list":
        return _list_lines(block)
    if block.kind == "table":
        return _table_lines(block.header, block.rows, block.align)
    if block.kind == "quote":
        return [f"> {line}" if line else ">" for line in blocks_lines(block.children)]
    if block.kind == "code":
        fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", block.text)), default=0) + 1)
        return [fence + block.info, *block.text.rstrip("\n").split("\n"), fence]
    return ["---"]


def blocks_lines(blocks: tuple[ProseBlock, ...], *, tight: bool = False) -> list[str]:
    """Lines of several blocks, separated by a blank line (not inside a tight list item)."""
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if index and not tight:
            lines.append("")
        lines += block_lines(block)
    return lines


def prose_md(blocks: tuple[ProseBlock, ...]) -> str:
    """Markdown for prose blocks, blocks separated by blank lines."""
    return "\n".join(blocks_lines(blocks))
