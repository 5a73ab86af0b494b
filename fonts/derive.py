#!/usr/bin/python3
"""Derives Declgen Serif from Charis SIL 6.101 (Debian package fonts-sil-charis).

libharu 2.3.0 spends time in proportion to a font's character map and tables on every
font it embeds: the full Charis SIL (2,396 characters, Graphite and OpenType tables
libharu never uses) costs about 10 ms per face and render, this subset about 3.5 ms.
It keeps Latin (with Vietnamese), Greek, Cyrillic, combining marks and the punctuation
and symbols of running text, and drops the layout tables. The SIL Open Font License
reserves the names "Charis" and "SIL" for the unmodified fonts, so the subset is
renamed; copyright, licence and design credits stay as they are.

Run with the Debian packages fonts-sil-charis and fonttools installed:
    /usr/bin/python3 fonts/derive.py
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/charis/CharisSIL-{}.ttf"
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "DeclgenSerif-{}.ttf")
STYLES = ["Regular", "Italic", "Bold", "BoldItalic"]
UNICODES = ("U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,"
            "U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,"
            "U+2212,U+25CC,U+FB00-FB06")
# Name records that name the font; the others (copyright, trademark, designer,
# licence) are attribution and stay.
NAMING_IDS = {1, 3, 4, 6, 16, 17, 18, 21, 22}


def rename(text):
    return (text.replace("Charis SIL", "Declgen Serif")
                .replace("CharisSIL", "DeclgenSerif")
                .replace("Charis", "Declgen Serif"))


def derive(style):
    font = TTFont(SOURCE.format(style))
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = list(range(26))
    options.name_languages = ["*"]
    options.notdef_outline = True
    # The hinting programs stay: libharu 2.3.0 cannot embed a font whose last table
    # it writes ('prep') is empty once the subset's size is a multiple of 4096 bytes
    # (its memory stream cannot seek to its own end).
    options.drop_tables += ["Silf", "Sill", "Silt", "Glat", "Gloc", "Feat", "GDEF",
                            "GPOS", "GSUB", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in NAMING_IDS:
            record.string = rename(record.toUnicode())
    font.save(TARGET.format(style))


def main():
    for style in STYLES:
        derive(style)
    return 0


if __name__ == "__main__":
    sys.exit(main())
