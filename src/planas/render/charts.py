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
that ships with matplotlib). The SVG keeps its text as text (`svg.fonttype`
"none", in the font stack `'DejaVu Sans', sans-serif`): a search or a screen
reader finds the words, and it is several times cheaper to write than glyph
paths. Drawing is fast enough for a national site (a chart in a few hundredths
of a second): the layout is fixed, computed from the spec (no constrained
layout, nothing measured twice), the axes' ticks, grid and labels are a few
plain artists, bars of a colour are one path, and every chart is drawn on the
process's one canvas (`_canvas`), cleared after each. matplotlib is imported only
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
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],  # written into the SVG as `'DejaVu Sans', sans-serif`
    "font.size": 9,
    "svg.hashsalt": "planas",
    "svg.fonttype": "none",
    "path.simplify": False,
}

_WIDTH = 6.4
"""The figure's width in inches (the SVG scales to its container; Word places it 160 mm wide)."""
_PAD = 0.12
_LINE = 1.3 * 9 / 72
"""The height of a line of 9 pt text, in inches."""
_CHAR = 0.6 * 9 / 72
"""The most an average character of a 9 pt DejaVu Sans label takes, in inches (a fixed layout, nothing measured)."""
_HORIZONTAL = ("bars", "share")
_GRID = {"colors": "#dddddd", "linewidths": 0.6, "zorder": 0}


@dataclass(frozen=True)
class _Layout:
    """Where a chart's parts go, in inches: the figure's height, the plot's margins and the legend's grid."""

    height: float
    left: float
    right: float
    bottom: float
    top: float
    legend_columns: int = 1
    legend_rows: int = 0
    legend_row_lines: int = 1

    def plot(self) -> tuple[float, float, float, float]:
        """The plot area as a figure fraction (left, bottom, width, height)."""
        return (self.left / _WIDTH, self.bottom / self.height, 1 - (self.left + self.right) / _WIDTH,
                1 - (self.top + self.bottom) / self.height)


@dataclass(frozen=True)
class _Scale:
    """The value axis: its limits and its ticks (matplotlib's MaxNLocator)."""

    low: float
    high: float
    ticks: tuple[float, ...]


def _scale(spec: ChartSpec) -> _Scale:
    from matplotlib.ticker import MaxNLocator

    values = [v for s in spec.series for v in s.values if v is not None]
    if spec.kind == "stacked":
        values += [sum(v or 0.0 for v in column) for column in zip(*(s.values for s in spec.series), strict=True)]
    low, high = min([0.0, *values]), max([0.0, *values])
    if spec.kind == "share":
        high = max(high, 120.0) * 1.15  # the 100 % line and each bar's label fit
    elif spec.kind == "bars":
        high *= 1.05
    high = high if high > low else low + 1.0
    ticks = [float(t) for t in MaxNLocator(5).tick_values(low, high)]
    if spec.kind in _HORIZONTAL:
        ticks = [t for t in ticks if low <= t <= high]
    else:
        low, high = min(low, ticks[0]), max(high, ticks[-1])
    return _Scale(low, high, tuple(ticks))


def _legend_shape(spec: ChartSpec) -> tuple[int, int, int]:
    """Columns, rows and lines a row of the legend takes (no legend for a single series)."""
    if len(spec.series) < 2:
        return 1, 0, 1
    columns = min(len(spec.series), 2 if any(len(s.name) > 24 for s in spec.series) else 3)
    lines = max(_wrap(s.name).count("\n") + 1 for s in spec.series)
    return columns, -(-len(spec.series) // columns), lines


def _layout(spec: ChartSpec, scale: _Scale) -> _Layout:
    columns, rows, lines = _legend_shape(spec)
    top = 2 * _PAD + (_wrap_title(spec.title).count("\n") + 1) * 1.3 * 10 / 72
    bottom = _PAD + (rows * lines * _LINE + _PAD if rows else 0.0)
    tick_width = max(len(axis_number(t)) for t in scale.ticks) * _CHAR
    if spec.kind in _HORIZONTAL:
        longest = max((len(line) for c in spec.categories for line in _wrap(c).split("\n")), default=1)
        per_row = 0.2 + 0.16 * max(len(spec.series), 1)
        plot = min(max(len(spec.categories) * per_row, 0.8), 7.0)
        left, right = _PAD + longest * _CHAR + 0.08, _PAD + tick_width / 2
        bottom += _LINE * (2 if spec.unit else 1) + 0.1
    else:
        label_lines = max((_wrap(c).count("\n") + 1 for c in spec.categories), default=1)
        plot, left, right = 2.0, _PAD + tick_width + 0.08, _PAD
        top += _LINE if spec.unit else 0.0
        bottom += label_lines * _LINE + 0.1
    return _Layout(top + plot + bottom, left, right, bottom, top, columns, rows, lines)


@lru_cache(maxsize=1)
def _keep_text_metrics() -> None:
    """Keep matplotlib's text measurements for the whole process, not one figure.

    matplotlib measures every label with FreeType and caches the result per
    renderer, that is per saved figure; a site draws thousands of charts whose
    labels repeat (service names, ticks, legends). The measurement depends only
    on the renderer's kind, the text, the font and the dpi, so it is kept under
    that key (the seam matplotlib's own test suite patches).
    """
    import matplotlib.text

    measure = matplotlib.text._get_text_metrics_with_cache  # type: ignore[attr-defined]  # private, no stubs
    kept: dict[tuple[Any, ...], Any] = {}

    def metrics(renderer: Any, text: str, fontprop: Any, ismath: Any, dpi: float) -> Any:
        key = (type(renderer), text, fontprop.copy(), ismath, dpi)
        found = kept.get(key)
        if found is None:
            if len(kept) > 50_000:
                kept.clear()
            found = kept[key] = measure(renderer, text, fontprop, ismath, dpi)
        return found

    matplotlib.text._get_text_metrics_with_cache = metrics  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _canvas() -> tuple[Any, Any]:
    """The process's one figure and its plot area, drawn on again for every chart.

    Making them costs more than drawing a small chart; `_figure` takes every
    chart's artists off again, so nothing carries over from one chart to the next.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(_WIDTH, 3.2))
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()  # the axes' lines, ticks and labels are drawn by the chart's own rules (`_value_axis`)
    return figure, axes


def _clear(figure: Any, axes: Any) -> None:
    """Take a chart's artists off the canvas."""
    for artist in [*axes.lines, *axes.collections, *axes.patches, *axes.artists, *axes.texts, *figure.texts,
                   *figure.lines, *figure.artists]:
        artist.remove()


@contextmanager
def _figure(spec: ChartSpec) -> Iterator[Any]:
    """A drawn figure of the spec: a fixed layout computed from the spec, nothing measured, no pyplot."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rc_context

    _keep_text_metrics()
    with rc_context(_RC), warnings.catch_warnings():  # type: ignore[arg-type]  # the keys are rcParams names
        warnings.simplefilter("ignore", UserWarning)
        scale = _scale(spec)
        layout = _layout(spec, scale)
        figure, axes = _canvas()
        _clear(figure, axes)
        try:
            figure.set_size_inches(_WIDTH, layout.height)
            axes.set_position(layout.plot())
            _DRAW[spec.kind](axes, spec)
            _value_axis(axes, spec, scale)
            figure.text(_PAD / _WIDTH, 1 - _PAD / layout.height, _wrap_title(spec.title), ha="left", va="top",
                        fontsize=10)
            _legend(figure, spec, layout)
            yield figure
        finally:
            _clear(figure, axes)


def _offset(axes: Any, base: Any, x: float = 0.0, y: float = 0.0) -> Any:
    from matplotlib.transforms import offset_copy

    return offset_copy(base, fig=axes.figure, x=x, y=y, units="points")


def _text(axes: Any, x: float, y: float, label: str, transform: Any, **style: Any) -> None:
    """A label placed by one of the axes' transforms: a figure text (no clipping to set up, it is cheaper)."""
    axes.figure.text(x, y, label, transform=transform, **style)


def _value_axis(axes: Any, spec: ChartSpec, scale: _Scale) -> None:
    """The value axis: grid lines at its ticks, their labels, the zero line and the unit."""
    labels = [axis_number(t) for t in scale.ticks]
    if spec.kind in _HORIZONTAL:
        axes.set_xlim(scale.low, scale.high)
        axes.vlines(scale.ticks, 0, 1, transform=axes.get_xaxis_transform(), **_GRID)
        axes.axvline(0, color="#333333", linewidth=0.8)
        below = _offset(axes, axes.get_xaxis_transform(), y=-4)
        for tick, label in zip(scale.ticks, labels, strict=True):
            _text(axes, tick, 0, label, transform=below, ha="center", va="top")
        if spec.unit:
            _text(axes, 0.5, 0, spec.unit, transform=_offset(axes, axes.transAxes, y=-6 - _LINE * 72), ha="center", va="top")
        return
    axes.set_ylim(scale.low, scale.high)
    axes.hlines(scale.ticks, 0, 1, transform=axes.get_yaxis_transform(), **_GRID)
    axes.axhline(0, color="#333333", linewidth=0.8)
    beside = _offset(axes, axes.get_yaxis_transform(), x=-4)
    for tick, label in zip(scale.ticks, labels, strict=True):
        _text(axes, 0, tick, label, transform=beside, ha="right", va="center")
    if spec.unit:
        _text(axes, 0, 1, spec.unit, transform=_offset(axes, axes.transAxes, x=-4, y=3 + _LINE * 36), ha="right",
              va="bottom")


def _categories(axes: Any, spec: ChartSpec) -> None:
    """The categories' labels beside (horizontal bars) or under (years) the plot."""
    if spec.kind in _HORIZONTAL:
        axes.set_ylim(len(spec.categories) - 0.5, -0.5)  # the first category on top
        beside = _offset(axes, axes.get_yaxis_transform(), x=-4)
        for position, category in enumerate(spec.categories):
            _text(axes, 0, position, _wrap(category), transform=beside, ha="right", va="center",
                  multialignment="right")
        return
    axes.set_xlim(-0.5, len(spec.categories) - 0.5)
    below = _offset(axes, axes.get_xaxis_transform(), y=-4)
    for position, category in enumerate(spec.categories):
        _text(axes, position, 0, _wrap(category), transform=below, ha="center", va="top", multialignment="center")


def _legend(figure: Any, spec: ChartSpec, layout: _Layout) -> None:
    """Each series' colour and name under the plot, in a fixed grid (only for more than one series)."""
    if not layout.legend_rows:
        return
    from matplotlib.lines import Line2D

    span = (_WIDTH - 2 * _PAD) / layout.legend_columns
    row_height = layout.legend_row_lines * _LINE
    for i, series in enumerate(spec.series):
        row, column = divmod(i, layout.legend_columns)
        x = _PAD + column * span
        y = _PAD + (layout.legend_rows - row) * row_height
        mark = (x + 0.15) / _WIDTH, (y - _LINE / 2) / layout.height
        colour = _PALETTE[i % len(_PALETTE)]
        if spec.kind == "line":
            figure.add_artist(Line2D([mark[0] - 0.1 / _WIDTH, mark[0] + 0.1 / _WIDTH], [mark[1]] * 2, color=colour,
                                     transform=figure.transFigure))
        figure.add_artist(Line2D([mark[0]], [mark[1]], marker="o" if spec.kind == "line" else "s", markersize=7,
                                 linestyle="none", color=colour, transform=figure.transFigure))
        figure.text((x + 0.28) / _WIDTH, y / layout.height, _wrap(series.name), ha="left", va="top")


def _wrap_title(title: str) -> str:
    return _wrap(title, 70, 2)


def _values(series: ChartSeries) -> list[float]:
    return [0.0 if v is None else v for v in series.values]


def _add_bars(axes: Any, spans: list[tuple[float, float, float, float]], colour: str, horizontal: bool) -> None:
    """Bars (value from, value to, position from, position to) of one colour as one path: one artist, one element."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as Shape

    boxes = [[(v0, p0), (v1, p0), (v1, p1), (v0, p1), (v0, p0)] for v0, v1, p0, p1 in spans if v1 != v0]
    if not boxes:
        return
    if not horizontal:
        boxes = [[(p, v) for v, p in box] for box in boxes]
    codes = [Shape.MOVETO, Shape.LINETO, Shape.LINETO, Shape.LINETO, Shape.CLOSEPOLY] * len(boxes)
    shape = Shape([point for box in boxes for point in box], codes)
    # added as an artist, not with add_patch: the limits come from the spec, add_patch's data-limit update is not needed
    axes.add_artist(PathPatch(shape, facecolor=colour, edgecolor="none", zorder=2, transform=axes.transData))


def _bar_labels(axes: Any, positions: list[float], series: ChartSeries, labels: list[str]) -> None:
    after = _offset(axes, axes.transData, x=2)
    for position, value, label in zip(positions, _values(series), labels, strict=True):
        if label:
            _text(axes, value, position, label, transform=after, ha="left", va="center", fontsize=7)


def _line(axes: Any, spec: ChartSpec) -> None:
    for i, series in enumerate(spec.series):
        points = [(p, v) for p, v in enumerate(series.values) if v is not None]
        axes.plot([p for p, _ in points], [v for _, v in points], marker="o", color=_PALETTE[i % len(_PALETTE)],
                  zorder=3)
    _categories(axes, spec)
    axes.set_xlim(-0.3, len(spec.categories) - 0.7)


def _bars(axes: Any, spec: ChartSpec) -> None:
    """Grouped horizontal bars read against the value axis's grid (each figure is in the data table after it).

    A missing figure says so where its bar would be, so that it never reads as a 0 (a 0 has no bar and no label).
    """
    height = 0.8 / max(len(spec.series), 1)
    for i, series in enumerate(spec.series):
        offsets = [p - 0.4 + height * (i + 0.5) for p in range(len(spec.categories))]
        _add_bars(axes, [(0.0, v, o - height / 2, o + height / 2) for o, v in zip(offsets, _values(series), strict=True)],
                  _PALETTE[i % len(_PALETTE)], horizontal=True)
        _bar_labels(axes, offsets, series, ["nėra duomenų" if v is None else "" for v in series.values])
    _categories(axes, spec)


def _stacked(axes: Any, spec: ChartSpec) -> None:
    bottom = [0.0] * len(spec.categories)
    for i, series in enumerate(spec.series):
        values = _values(series)
        _add_bars(axes, [(b, b + v, p - 0.3, p + 0.3) for p, (b, v) in enumerate(zip(bottom, values, strict=True))],
                  _PALETTE[i % len(_PALETTE)], horizontal=False)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _categories(axes, spec)


def _share(axes: Any, spec: ChartSpec) -> None:
    series = spec.series[0] if spec.series else ChartSeries("", ())
    positions = [float(p) for p in range(len(series.values))]
    for colour, reached in (("#3a8d3f", True), ("#e07b00", False)):
        _add_bars(axes, [(0.0, v, p - 0.3, p + 0.3) for p, v in zip(positions, _values(series), strict=True)
                         if (v >= 100) == reached], colour, horizontal=True)
    _bar_labels(axes, positions, series,
                ["nėra duomenų" if v is None else f"{axis_number(v)}\u00a0%" for v in series.values])
    axes.axvline(100, color="#333333", linewidth=0.8, linestyle="--")
    _categories(axes, spec)


_DRAW: dict[str, Callable[[Any, ChartSpec], None]] = {
    "line": _line, "bars": _bars, "stacked": _stacked, "share": _share,
}
