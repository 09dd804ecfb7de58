"""Geometry of the overview chart: one stacked horizontal bar per province, drawn as inline SVG
by the template (no JavaScript, no inline styles: colours come from classes in style.css)."""
from __future__ import annotations

STATUSES = ("in_force", "future", "unknown", "none", "not_harvested")

LABEL_WIDTH = 130
BAR_WIDTH = 420
ROW_HEIGHT = 26
BAR_HEIGHT = 18


def stacked_bars(per_province: dict[str, dict[str, int]]) -> dict:
    """{'width', 'height', 'rows': [{'label', 'y', 'total', 'segments': [{'status', 'x', 'width', 'count'}]}]}"""
    biggest = max((sum(c.values()) for c in per_province.values()), default=0) or 1
    rows = []
    for index, (province, counts) in enumerate(sorted(per_province.items())):
        x = LABEL_WIDTH
        segments = []
        for status in STATUSES:
            count = counts.get(status, 0)
            if count:
                width = BAR_WIDTH * count / biggest
                segments.append({"status": status, "x": round(x, 1), "width": round(width, 1), "count": count})
                x += width
        rows.append({"label": province, "y": index * ROW_HEIGHT, "total": sum(counts.values()),
                     "segments": segments, "end": round(x, 1)})
    return {"width": LABEL_WIDTH + BAR_WIDTH + 50, "height": len(rows) * ROW_HEIGHT, "rows": rows,
            "label_width": LABEL_WIDTH, "bar_height": BAR_HEIGHT}
