"""The natural size of a photo the paperwork prints: what every writer (PDF, Word, Hancom) scales
from, so that a photo is the same size in each and is never enlarged."""

from __future__ import annotations

from PIL import Image

SCREEN_DPI = 96  # what a file that names no resolution is taken to have, as browsers and Word do


def photo_size(path: str) -> tuple[float, float]:
    """(width, height) in points: the image's pixels at its own resolution, else at 96 dpi."""
    with Image.open(path) as image:
        pixels = image.size
        dpi = image.info.get("dpi") or (SCREEN_DPI, SCREEN_DPI)
    return tuple(px * 72 / (float(d) if d and float(d) > 1 else SCREEN_DPI)
                 for px, d in zip(pixels, dpi, strict=True))  # type: ignore[return-value]
