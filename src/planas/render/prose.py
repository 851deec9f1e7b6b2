"""A planner's prose (Markdown) as a small tree both renderers write out, nothing dropped.

markdown-it-py parses the text (CommonMark with GFM tables and strikethrough;
raw HTML off, so `<script>` stays text). Every token becomes a node here; a
token this module does not know keeps its source text, so no word is lost.
Underscores inside words and e-mail addresses are never emphasis (CommonMark).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SpanKind = Literal["text", "strong", "em", "strike", "code", "link", "softbreak", "hardbreak"]
ProseKind = Literal["paragraph", "heading", "list", "table", "quote", "code", "rule"]
Align = Literal["", "left", "center", "right"]


@dataclass(frozen=True)
class Span:
    """An inline piece: text, a formatting wrapper around other spans, a link, code or a line break."""

    kind: SpanKind
    text: str = ""
    children: tuple[Span, ...] = ()
    href: str = ""


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class ProseBlock:
    """A block of prose: paragraph, heading, list (items of blocks), table, quote, code or a rule."""

    kind: ProseKind
    inline: Inline = ()
    level: int = 0
    ordered: bool = False
    start: int = 1
    tight: bool = True
    items: tuple[tuple[ProseBlock, ...], ...] = ()
    children: tuple[ProseBlock, ...] = ()
    header: tuple[Inline, ...] = ()
    rows: tuple[tuple[Inline, ...], ...] = ()
    align: tuple[Align, ...] = ()
    text: str = ""
    info: str = ""


def plain(inline: Inline) -> str:
    """The text of inline content without any formatting (line breaks as spaces)."""
    parts: list[str] = []
    for span in inline:
        if span.kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif span.kind in ("text", "code"):
            parts.append(span.text)
        else:
            parts.append(plain(span.children))
    return "".join(parts)


def text_inline(text: str) -> Inline:
    """Plain text (the view-model's own strings) as inline content."""
    return (Span("text", text),) if text else ()


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )


_WRAPPERS: dict[str, SpanKind] = {"strong_open": "strong", "em_open": "em", "s_open": "strike", "link_open": "link"}


def _inline(tokens: list[Token]) -> Inline:
    """Inline tokens (the children of an `inline` token) as spans, wrappers nested."""
    stack: list[tuple[SpanKind, str, list[Span]]] = [("text", "", [])]
    for token in tokens:
        kind = token.type
        if kind in _WRAPPERS:
            stack.append((_WRAPPERS[kind], str(token.attrGet("href") or ""), []))
        elif kind.endswith("_close") and len(stack) > 1:
            wrapper, href, children = stack.pop()
            stack[-1][2].append(Span(wrapper, children=tuple(children), href=href))
        elif kind == "text":
            stack[-1][2].append(Span("text", token.content))
        elif kind == "code_inline":
            stack[-1][2].append(Span("code", token.content))
        elif kind in ("softbreak", "hardbreak"):
            stack[-1][2].append(Span(kind))  # type: ignore[arg-type]
        elif kind == "image":
            # No pictures in the plan's document: the image becomes a link to it, its words kept.
            alt = _inline(token.children or []) or text_inline(token.content)
            stack[-1][2].append(Span("link", children=alt, href=str(token.attrGet("src") or "")))
        else:  # anything else keeps its source text
            stack[-1][2].append(Span("text", token.content or token.markup))
    while len(stack) > 1:  # unbalanced wrappers cannot come from markdown-it; keep their words anyway
        _, _, children = stack.pop()
        stack[-1][2].extend(children)
    return _merge(stack[0][2])


def _merge(spans: list[Span]) -> Inline:
    """Adjacent text spans joined (markdown-it splits text at every special character)."""
    merged: list[Span] = []
    for span in spans:
        if span.kind == "text" and merged and merged[-1].kind == "text":
            merged[-1] = Span("text", merged[-1].text + span.text)
        else:
            merged.append(span)
    return tuple(merged)


class _Reader:
    """Walks the flat block-token stream of markdown-it into nested prose blocks."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def blocks(self, until: str | None = None) -> tuple[ProseBlock, ...]:
        """Blocks up to the closing token `until` (or the end), which is consumed."""
        found: list[ProseBlock] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if until is not None and token.type == until:
                break
            block = self.block(token)
            if block is not None:
                found.append(block)
        return tuple(found)

    def block(self, token: Token) -> ProseBlock | None:
        """The block a token opens (its closing token consumed), or None for a stray closing token."""
        kind = token.type
        if kind == "paragraph_open":
            return ProseBlock("paragraph", inline=self.inline_until("paragraph_close"))
        if kind == "heading_open":
            return ProseBlock("heading", inline=self.inline_until("heading_close"), level=int(token.tag[1:]))
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self.list_block(token)
        if kind == "table_open":
            return self.table()
        if kind == "blockquote_open":
            return ProseBlock("quote", children=self.blocks("blockquote_close"))
        if kind in ("fence", "code_block"):
            return ProseBlock("code", text=token.content, info=token.info)
        if kind == "hr":
            return ProseBlock("rule")
        if kind == "inline":
            return ProseBlock("paragraph", inline=_inline(token.children or []))
        if kind.endswith("_close"):
            return None
        return ProseBlock("paragraph", inline=text_inline(token.content.rstrip("\n")))

    def inline_until(self, closing: str) -> Inline:
        """The inline content before `closing` (which is consumed)."""
        spans: list[Span] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token.type == closing:
                break
            if token.type == "inline":
                spans.extend(_inline(token.children or []))
        return tuple(spans)

    def list_block(self, opening: Token) -> ProseBlock:
        """A list and its items; an item is a sequence of blocks (paragraphs, nested lists)."""
        ordered = opening.type == "ordered_list_open"
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        items: list[tuple[ProseBlock, ...]] = []
        tight = True
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token.type == closing:
                break
            if token.type == "list_item_open":
                start = self.at
                items.append(self.blocks("list_item_close"))
                tight = tight and all(t.hidden for t in self.tokens[start:self.at] if t.type == "paragraph_open")
        start_attr = opening.attrGet("start")
        return ProseBlock("list", ordered=ordered, start=int(start_attr) if start_attr else 1, tight=tight,
                          items=tuple(items))

    def table(self) -> ProseBlock:
        """A GFM table: header cells, body rows and each column's alignment."""
        header: list[Inline] = []
        rows: list[tuple[Inline, ...]] = []
        align: list[Align] = []
        row: list[Inline] = []
        in_head = False
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            kind = token.type
            if kind == "table_close":
                break
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind in ("th_open", "td_open"):
                style = str(token.attrGet("style") or "")
                if in_head:
                    align.append(style.removeprefix("text-align:") if style else "")  # type: ignore[arg-type]
                row.append(self.inline_until("th_close" if kind == "th_open" else "td_close"))
            elif kind == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
                row = []
        return ProseBlock("table", header=tuple(header), rows=tuple(rows), align=tuple(align))


def parse(markdown: str | None) -> tuple[ProseBlock, ...]:
    """The prose blocks of a Markdown text (empty for None or blank text)."""
    if not markdown or not markdown.strip():
        return ()
    return _Reader(_parser().parse(markdown)).blocks()


def blocks_plain(blocks: tuple[ProseBlock, ...]) -> str:
    """All the words of some prose blocks as plain text (for templates that print `block.text`)."""
    parts: list[str] = []
    for block in blocks:
        if block.kind in ("paragraph", "heading"):
            parts.append(plain(block.inline))
        elif block.kind == "list":
            parts.extend(blocks_plain(item) for item in block.items)
        elif block.kind == "quote":
            parts.append(blocks_plain(block.children))
        elif block.kind == "table":
            parts.extend(" | ".join(plain(c) for c in row) for row in (block.header, *block.rows))
        elif block.kind == "code":
            parts.append(block.text.rstrip("\n"))
    return "\n".join(p for p in parts if p)
