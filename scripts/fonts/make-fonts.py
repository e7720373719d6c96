#!/usr/bin/env python3
"""Makes the compact font files that backend/packet embeds, from Debian's
Noto and DejaVu packages. Run by `make fonts`; its output is checked in
(backend/packet/fonts), so a build never needs these packages or this script.

Needs: fonttools (python3-fonttools), fonts-noto-core, fonts-noto-cjk,
fonts-dejavu-core. The output is deterministic for a given set of inputs.

What it makes, and why (see backend/packet/doc.go):
  sans-*.ttf      Noto Sans, Latin (with Vietnamese), Greek, Cyrillic and
                  punctuation; embedded as real text.
  mono-bold.ttf   DejaVu Sans Mono Bold, printable ASCII; for recovery keys.
  <script>-*.ttf  Noto fonts for Arabic (Naskh), Hebrew, Devanagari, Bengali,
                  Tamil and Thai (the looped design, easier to read in print)
                  with their shaping tables (GSUB, GPOS, GDEF) kept; these
                  are shaped by the program and drawn as outlines.
  cjk-regular.ttf.gz
                  Noto Sans CJK SC converted from CFF to TrueType outlines
                  (fpdf embeds only TrueType), limited to the Han characters
                  of GB 2312, Big5, JIS X 0208 and KS X 1001, every Hangul
                  syllable, kana, and CJK punctuation and full-width forms;
                  gzip-compressed in the binary.
Hinting is dropped everywhere: print does not need it.
"""
import gzip
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO = "/usr/share/fonts/truetype/noto/"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
OUT = sys.argv[1] if len(sys.argv) > 1 else "backend/packet/fonts"

PUNCT = list(range(0x2000, 0x2070)) + list(range(0x20A0, 0x20C0)) + [0x2116, 0x2122, 0x2190, 0x2192, 0x2212, 0x25CF, 0x2713, 0xFFFD]
LATIN = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x250)) + list(range(0x250, 0x2B0)) + list(range(0x2B0, 0x370))
         + list(range(0x1E00, 0x1F00)) + list(range(0x2C60, 0x2C80)) + list(range(0xA720, 0xA800)))
GREEK = list(range(0x370, 0x400)) + list(range(0x1F00, 0x2000))
CYRILLIC = list(range(0x400, 0x530)) + list(range(0x1C80, 0x1C90)) + list(range(0x2DE0, 0x2E00)) + list(range(0xA640, 0xA6A0))


def options(keep_layout):
    o = subset.Options()
    o.hinting = False
    o.desubroutinize = True
    o.glyph_names = False
    o.notdef_outline = True
    o.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13]
    o.name_languages = [0x409]
    o.drop_tables += ["DSIG", "BASE", "VORG", "vhea", "vmtx", "JSTF", "MATH", "meta"]
    if keep_layout:
        o.layout_features = ["*"]
        o.layout_scripts = ["*"]
    else:
        # Real text: fpdf draws each character's default glyph, so
        # substitutions and kerning would only make the measured and the
        # printed widths disagree.
        o.layout_features = []
        o.drop_tables += ["GSUB", "GPOS", "GDEF"]
    return o


def save(font, name):
    path = os.path.join(OUT, name)
    font.save(path)
    print(f"{name:28s} {os.path.getsize(path):>9d} bytes")


def make(src, name, unicodes, keep_layout):
    font = TTFont(src)
    s = subset.Subsetter(options(keep_layout))
    if unicodes is None:
        unicodes = list(font.getBestCmap().keys())
    s.populate(unicodes=unicodes)
    s.subset(font)
    save(font, name)


def encoding_chars(enc):
    out = set()
    for a in range(0x81, 0xFF):
        for b in range(0x40, 0xFF):
            try:
                c = bytes([a, b]).decode(enc)
            except UnicodeDecodeError:
                continue
            if len(c) == 1:
                out.add(ord(c))
    return out


def to_truetype(font):
    """Replaces the CFF outlines of font by quadratic TrueType outlines."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for g in order:
        pen = TTGlyphPen(glyphs)
        glyphs[g].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[g] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for k in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints", "maxContours",
              "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, k, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def make_cjk():
    han = set()
    for enc in ("gb2312", "big5", "shift_jis", "euc_kr"):
        han |= encoding_chars(enc)
    chars = han | set(range(0xAC00, 0xD7A4)) | set(range(0x3000, 0x3100)) | set(range(0x3130, 0x3190)) \
        | set(range(0x31F0, 0x3200)) | set(range(0xFF00, 0xFFF0)) | set(range(0x20, 0x7F))
    font = TTCollection(CJK).fonts[2]  # Noto Sans CJK SC
    s = subset.Subsetter(options(False))
    s.populate(unicodes=sorted(chars))
    s.subset(font)
    to_truetype(font)
    tmp = os.path.join(OUT, "cjk-regular.ttf")
    font.save(tmp)
    with open(tmp, "rb") as f:
        raw = f.read()
    os.remove(tmp)
    path = tmp + ".gz"
    with open(path, "wb") as f:
        # mtime 0 and no file name: the same input gives the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(raw)
    print(f"{'cjk-regular.ttf.gz':28s} {os.path.getsize(path):>9d} bytes ({len(raw)} uncompressed)")


def main():
    os.makedirs(OUT, exist_ok=True)
    text = LATIN + GREEK + CYRILLIC + PUNCT
    make(NOTO + "NotoSans-Regular.ttf", "sans-regular.ttf", text, False)
    make(NOTO + "NotoSans-Bold.ttf", "sans-bold.ttf", text, False)
    make(DEJAVU + "DejaVuSansMono-Bold.ttf", "mono-bold.ttf", list(range(0x20, 0x7F)), False)
    for script, family in (("arabic", "NotoNaskhArabic"), ("hebrew", "NotoSansHebrew"),
                           ("devanagari", "NotoSansDevanagari"), ("bengali", "NotoSansBengali"),
                           ("tamil", "NotoSansTamil"), ("thai", "NotoLoopedThai")):
        for style in ("Regular", "Bold"):
            make(NOTO + f"{family}-{style}.ttf", f"{script}-{style.lower()}.ttf", None, True)
    make_cjk()


if __name__ == "__main__":
    main()
