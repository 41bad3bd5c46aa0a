"""Cuts the Chinese font the PDFs embed (resources/fonts/relmgr-cjk-*.otf) from Noto Sans CJK SC.

Why: embedding text in a PDF means cutting a subset of the font for the glyphs used, and
fontTools takes about 2 s per PDF to do that from the full 19 MB Noto Sans CJK collection (its
layout tables are closed over whatever the text is). From this pre-cut font of the characters
relmgr prints (GB 2312, which covers the everyday simplified characters, plus every non-ASCII
character in relmgr's own wording and translations), it takes about 0.2 s. A character outside
it (a rare one in a customer's name, say) is drawn from the system's full CJK font instead: the
PDFs list that font after this one and matplotlib falls back glyph by glyph.

The layout tables (GSUB/GPOS) are dropped: Chinese needs no shaping, and with one form per
character a digit is the same glyph in every language. The family is renamed "relmgr Sans CJK"
so it never shadows the installed Noto Sans CJK SC. Noto CJK is under the SIL Open Font License
1.1, which allows this subsetting and redistribution with the licence (resources/fonts/OFL.txt).

    .venv/bin/python installer/make_cjk_font.py      # about a minute; commit both .otf files
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"
SIMPLIFIED_CHINESE = 2          # the face of the collection: JP, KR, SC, TC, HK
FAMILY = "relmgr Sans CJK"
OUT = ROOT / "resources" / "fonts" / "relmgr-cjk-{weight}.otf"


def gb2312() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def relmgr_own_characters() -> set[str]:
    """Every non-ASCII character in the code's wording and in the translations."""
    chars: set[str] = set()
    files = [*(ROOT / "relmgr").rglob("*.py"), ROOT / "resources" / "i18n" / "relmgr_zh_CN.ts"]
    for path in files:
        chars.update(c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7E)
    return chars


def characters() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x180)}
    for low, high in ((0x2010, 0x206F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
                      (0x3000, 0x303F), (0xFF00, 0xFFEF)):
        chars.update(chr(c) for c in range(low, high + 1))
    return "".join(sorted(chars | gb2312() | relmgr_own_characters()))


def cut(weight: str, text: str) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(SOURCE.format(weight=weight), fontNumber=SIMPLIFIED_CHINESE)
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    postscript = f"{FAMILY.replace(' ', '')}-{weight}"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (16, 17, 21, 22):        # typographic family names: drop
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, FAMILY), (3, f"{postscript};relmgr subset of Noto Sans CJK SC"),
                           (4, f"{FAMILY} {weight}"), (6, postscript)):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font["CFF "].cff.fontNames = [postscript]
    out = Path(str(OUT).format(weight=weight.lower()))
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    return out


def main() -> int:
    text = characters()
    for weight in ("Regular", "Bold"):
        out = cut(weight, text)
        print(f"{out.relative_to(ROOT)}: {len(text)} characters, {out.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
