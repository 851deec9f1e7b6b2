"""Charts of a plan: what they show (`ChartSpec`) and how they are drawn (SVG or PNG, matplotlib).

A `ChartSpec` carries everything a renderer needs: a stable `key`
("gyventojai-amzius"), the Lithuanian `title`, the text alternative
(`description`: what the chart shows and its main figures), the data table
(`headers`, `rows`, already formatted for display) and the numeric series the
chart is drawn from. The view-model builds the specs while it builds the
sections and attaches them twice: every chart is a `Block` of kind "chart"
inside its section (`Block.chart`), and `PlanView.charts` lists them all in
document order; `plan_charts(view)` returns that list.

Drawing is deterministic: the same spec gives byte-identical SVG and PNG (a
fixed SVG hash salt, no date or software in the metadata, the DejaVu Sans font
that ships with matplotlib, text drawn as paths). matplotlib is imported only
inside `chart_svg` / `chart_png`, so nothing here costs `planas validate`; a
drawn chart is kept (by its frozen spec) in the process and in the user's cache
folder (`planas.reference.cache.cached_bytes`, keyed by the spec, this module
and matplotlib's version), so rendering a plan again, or a site of unchanged
plans, draws nothing twice.
"""

from __future__ import annotations

import hashlib
import io
import re
import textwrap
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from planas import __version__
from planas.formatting import number
from planas.reference.cache import cached_bytes

if TYPE_CHECKING:
    from planas.render.viewmodel import PlanView

ChartKind = Literal["line", "bars", "stacked", "share"]
"""line: a series over years; bars: grouped horizontal bars per category;
stacked: vertical bars stacked by series (funding by source per year);
share: horizontal bars of a percentage with a 100 % reference line."""

_PALETTE = ("#1f5f8b", "#e07b00", "#3a8d3f", "#8e44ad", "#b03a2e", "#5d6d7e", "#b7950b", "#117a65")
_LABEL_WIDTH = 32


@dataclass(frozen=True)
class ChartSeries:
    """One named series: a value per category (None where the plan has none)."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart with its text alternative and its data table (display strings)."""

    key: str
    title: str
    description: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: ChartKind = "bars"
    categories: tuple[str, ...] = ()
    series: tuple[ChartSeries, ...] = ()
    unit: str = ""


def plan_charts(view: PlanView) -> tuple[ChartSpec, ...]:
    """Every chart of the document in document order (the same specs its chart blocks hold)."""
    return view.charts


@lru_cache(maxsize=32)
def chart_svg(spec: ChartSpec) -> str:
    """The chart as a standalone SVG that scales to its container (viewBox, width 100 %, no fixed size)."""
    return cached_bytes("charts", _drawing_key(spec, "svg"), lambda: _draw_svg(spec).encode("utf-8")).decode("utf-8")


def _draw_svg(spec: ChartSpec) -> str:
    buffer = io.BytesIO()
    with _figure(spec) as figure:
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None,
                                                       "Type": None})
    svg = buffer.getvalue().decode("utf-8")
    # matplotlib writes width="…pt" height="…pt": keep the viewBox, let the page decide the width.
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', svg, count=1)


@lru_cache(maxsize=32)
def chart_png(spec: ChartSpec, dpi: int = 150) -> bytes:
    """The chart as a PNG at `dpi`, without software or date in its metadata."""
    return cached_bytes("charts", _drawing_key(spec, f"{dpi}.png"), lambda: _draw_png(spec, dpi))


def _draw_png(spec: ChartSpec, dpi: int) -> bytes:
    buffer = io.BytesIO()
    with _figure(spec) as figure:
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _drawing_stamp() -> bytes:
    """What else a drawing depends on: this module's code, planas's and matplotlib's versions."""
    from importlib.metadata import version

    return b"\0".join([Path(__file__).read_bytes(), __version__.encode(), version("matplotlib").encode()])


def _drawing_key(spec: ChartSpec, suffix: str) -> str:
    """The cache key of a drawing: a hash of the spec (frozen, its repr is its content) and the stamp."""
    digest = hashlib.sha256(_drawing_stamp())
    digest.update(repr(spec).encode("utf-8"))
    return f"{digest.hexdigest()[:40]}.{suffix}"


def axis_number(value: float) -> str:
    """An axis tick as planas writes numbers: `1 234,5` (decimal comma, no-break group separator)."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return number(int(rounded))
    return number(rounded)


def _wrap(label: str, width: int = _LABEL_WIDTH, lines: int = 3) -> str:
    """A label on at most `lines` lines (the data table and the caption hold it whole)."""
    wrapped = textwrap.wrap(label, width) or [label]
    if len(wrapped) > lines:
        wrapped = [*wrapped[:lines - 1], textwrap.shorten(" ".join(wrapped[lines - 1:]), width, placeholder=" …")]
    return "\n".join(wrapped)


_RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.hashsalt": "planas",
    "svg.fonttype": "path",
    "path.simplify": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
}


@contextmanager
def _figure(spec: ChartSpec) -> Iterator[Any]:
    """A drawn figure of the spec, closed afterwards (no global pyplot state)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with rc_context(_RC), warnings.catch_warnings():  # type: ignore[arg-type]  # the keys are rcParams names
        # A crowded chart is still drawn; matplotlib's layout warnings would only reach the terminal.
        warnings.simplefilter("ignore", UserWarning)
        rows = max(len(spec.categories), 1)
        per_row = 0.2 + 0.16 * max(len(spec.series), 1)
        height = 3.2 if spec.kind in ("line", "stacked") else min(1.3 + per_row * rows, 8.0)
        figure = Figure(figsize=(6.4, height), layout="constrained")
        axes = figure.add_subplot()
        formatter = FuncFormatter(lambda value, _pos: axis_number(value))
        _DRAW[spec.kind](axes, spec)
        if spec.kind in ("line", "stacked"):
            axes.yaxis.set_major_formatter(formatter)
            if spec.unit:
                axes.set_ylabel(spec.unit)
        else:
            axes.xaxis.set_major_locator(MaxNLocator(5))  # room for `12 345 678` under each tick
            axes.xaxis.set_major_formatter(formatter)
            if spec.unit:
                axes.set_xlabel(spec.unit)
        axes.set_title(_wrap_title(spec.title), loc="left")
        if len(spec.series) > 1:
            handles, labels = axes.get_legend_handles_labels()
            wide = any(len(label) > 24 for label in labels)
            figure.legend(handles, [_wrap(label) for label in labels], loc="outside lower center",
                          ncols=min(len(spec.series), 2 if wide else 3), frameon=False)
        yield figure


def _wrap_title(title: str) -> str:
    return _wrap(title, 70, 2)


def _values(series: ChartSeries) -> list[float]:
    return [0.0 if v is None else v for v in series.values]


def _line(axes: Any, spec: ChartSpec) -> None:
    positions = list(range(len(spec.categories)))
    for i, series in enumerate(spec.series):
        points = [(p, v) for p, v in zip(positions, series.values, strict=True) if v is not None]
        axes.plot([p for p, _ in points], [v for _, v in points], marker="o", color=_PALETTE[i % len(_PALETTE)],
                  label=series.name)
    axes.set_xticks(positions, list(spec.categories))
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)


def _bars(axes: Any, spec: ChartSpec) -> None:
    count = max(len(spec.series), 1)
    height = 0.8 / count
    positions = list(range(len(spec.categories)))
    for i, series in enumerate(spec.series):
        offsets = [p - 0.4 + height * (i + 0.5) for p in positions]
        bars = axes.barh(offsets, _values(series), height=height, color=_PALETTE[i % len(_PALETTE)],
                         label=series.name)
        axes.bar_label(bars, labels=["" if v is None else axis_number(v) for v in series.values], padding=2,
                       fontsize=7)
    axes.set_yticks(positions, [_wrap(c) for c in spec.categories])
    axes.invert_yaxis()
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.margins(x=0.12)


def _stacked(axes: Any, spec: ChartSpec) -> None:
    positions = list(range(len(spec.categories)))
    bottom = [0.0] * len(positions)
    for i, series in enumerate(spec.series):
        values = _values(series)
        axes.bar(positions, values, bottom=bottom, color=_PALETTE[i % len(_PALETTE)], label=series.name, width=0.6)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_xticks(positions, [_wrap(c) for c in spec.categories])
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)


def _share(axes: Any, spec: ChartSpec) -> None:
    positions = list(range(len(spec.categories)))
    series = spec.series[0] if spec.series else ChartSeries("", ())
    colours = ["#3a8d3f" if (v or 0) >= 100 else "#e07b00" for v in series.values]
    bars = axes.barh(positions, _values(series), color=colours, height=0.6)
    labels = ["nėra duomenų" if v is None else f"{axis_number(v)}\u00a0%" for v in series.values]
    axes.bar_label(bars, labels=labels, padding=2, fontsize=7)
    axes.axvline(100, color="#333333", linewidth=0.8, linestyle="--")
    axes.set_yticks(positions, [_wrap(c) for c in spec.categories])
    axes.invert_yaxis()
    axes.set_xlim(0, max([120.0, *(_values(series))]) * 1.15)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)


_DRAW: dict[str, Callable[[Any, ChartSpec], None]] = {
    "line": _line, "bars": _bars, "stacked": _stacked, "share": _share,
}
