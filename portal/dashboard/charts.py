"""Horizontal bar charts drawn on the server as inline SVG: the geometry here, the markup in a template.

No script, no outside file, nothing for the Content-Security-Policy to allow. Every number the
SVG needs is formatted here as plain text, so a language that writes decimals with a comma
(Russian) cannot break an attribute. A chart is a picture of a table the page shows next to it:
the table is its text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 200  # the labels' column, right-aligned against the bars
VALUE_WIDTH = 56  # room after the longest bar for its value
BAR_HEIGHT = 18
BAR_GAP = 8
LABEL_MAX_CHARACTERS = 26  # a longer label is cut with "…" (the table has it whole)
# #3a78c8 stands out from both of the admin's backgrounds, for graphics (WCAG 1.4.11, 3:1):
# 4.5:1 on white, 3.7:1 on the dark theme's #1e1e1e. Text uses the theme's own colour.
BAR_COLOUR = "#3a78c8"


@dataclass
class Bar:
    label: str
    value: int
    short_label: str
    y: str  # the bar's top
    text_y: str  # the baseline of its label and value
    width: str
    value_x: str


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    width: str
    height: str
    label_x: str
    bar_x: str
    bar_height: str
    colour: str = BAR_COLOUR


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX_CHARACTERS else label[: LABEL_MAX_CHARACTERS - 1].rstrip() + "…"


def bar_chart(*, title: str, data: list[tuple[str, int]]) -> BarChart | None:
    """One bar per (label, value), in the order given, scaled to the largest value; None without data."""
    if not data:
        return None
    largest = max(value for _label, value in data) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, value) in enumerate(data):
        top = index * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2
        width = room * value / largest
        bars.append(
            Bar(
                label=str(label),
                value=value,
                short_label=_short(str(label)),
                y=_number(top),
                text_y=_number(top + BAR_HEIGHT * 0.75),
                width=_number(width),
                value_x=_number(LABEL_WIDTH + width + 6),
            )
        )
    return BarChart(
        title=title,
        bars=bars,
        width=str(WIDTH),
        height=_number(len(data) * (BAR_HEIGHT + BAR_GAP)),
        label_x=str(LABEL_WIDTH - 8),
        bar_x=str(LABEL_WIDTH),
        bar_height=str(BAR_HEIGHT),
    )
