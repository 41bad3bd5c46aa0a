"""The fonts relmgr's PDFs (call sheets, the monthly report) are set in.

First "relmgr Sans CJK", shipped in resources/fonts: a pre-cut subset of Noto Sans CJK SC
(installer/make_cjk_font.py says why and what it holds). Embedding text means cutting a subset
again for the glyphs used: about 0.2 s from this font, about 2 s per weight from the full
19 MB collection. Then the system's full Chinese font, when there is one, for any character
outside the subset (a rare character in a name): matplotlib falls back glyph by glyph along the
family list, and embeds a fallback font only when a glyph came from it.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

from relmgr.services.files import WriteFailed

FAMILY = "relmgr Sans CJK"
# Full CJK fonts of the platforms: Noto Sans CJK on Linux, Microsoft YaHei on Windows,
# PingFang on macOS.
_SYSTEM_CJK = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-{weight}.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-{weight}.ttc",
    "C:/Windows/Fonts/{win}",
    "/System/Library/Fonts/PingFang.ttc",
)


def resources_dir() -> Path:
    """resources/ next to the package, or inside the PyInstaller bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def shipped_font(*, bold: bool = False) -> Path:
    """relmgr's own subset font file; WriteFailed when the install lacks it."""
    path = resources_dir() / "fonts" / f"relmgr-cjk-{'bold' if bold else 'regular'}.otf"
    if not path.is_file():
        raise WriteFailed(f"the PDF font {path.name} is missing from this installation "
                          "(reinstall relmgr)")
    return path


def system_cjk_font(*, bold: bool = False) -> Path | None:
    weight, win = ("Bold", "msyhbd.ttc") if bold else ("Regular", "msyh.ttc")
    for pattern in _SYSTEM_CJK:
        path = Path(pattern.format(weight=weight, win=win))
        if path.is_file():
            return path
    return system_cjk_font() if bold else None


@functools.cache
def cjk_families() -> tuple[str, ...]:
    """Registers the fonts with matplotlib (once) and returns the Chinese family list: relmgr's
    subset, then the system's full font when there is one. WriteFailed without the subset."""
    from matplotlib import font_manager

    for bold in (False, True):
        font_manager.fontManager.addfont(str(shipped_font(bold=bold)))
    families = [FAMILY]
    for bold in (False, True):
        fallback = system_cjk_font(bold=bold)
        if fallback is not None:
            font_manager.fontManager.addfont(str(fallback))
            name = font_manager.FontProperties(fname=str(fallback)).get_name()
            if name not in families:
                families.append(name)
    return tuple(families)


def font(*, bold: bool = False) -> Any:
    """FontProperties for text drawn with an explicit font (the call sheet's table)."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=list(cjk_families()), weight="bold" if bold else "normal")
